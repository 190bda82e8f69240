"""The property types: every type the vocabulary uses is registered, and each one's RDF form
reads back to the same cleaned value."""

from __future__ import annotations

import pytest

from autokg.errors import InvalidRecord, UnknownName, UsageError
from autokg.graph.model import Property, schema
from autokg.graph.types import TYPES, get_type

CASES = [  # type, raw input, cleaned value
    ("string", "  smart\tcockpits ", "smart cockpits"),
    ("url", " https://x.test/a ", "https://x.test/a"),
    ("date", 2024, "2024"),
    ("date", "2024-04", "2024-04"),
    ("country", "fr", "FR"),
    ("wikidata", "q6686", "Q6686"),
    ("status", "Prospective", "prospective"),
    ("number", "20", 20),
    ("number", 12.5, 12.5),
]


def test_every_type_of_the_vocabulary_is_registered():
    s = schema()
    used = {p.type for t in s.entity_types.values() for p in t.attributes.values()}
    used |= {p.type for pred in s.predicates.values() for p in pred.properties.values()}
    used |= {p.type for p in s.source_fields.values()}
    assert used <= set(TYPES)
    assert used >= {"string", "url", "date", "country", "wikidata", "status", "number"}


@pytest.mark.parametrize("type_, raw, clean", CASES)
def test_a_value_survives_rdf(type_, raw, clean):
    kind = get_type(type_)
    assert kind.clean(raw, "x") == clean
    assert kind.clean(kind.from_rdf(kind.rdf(clean)), "x") == clean


@pytest.mark.parametrize("type_, raw, message", [
    ("date", "2024-13", "x '2024-13' is not a valid date (YYYY, YYYY-MM or YYYY-MM-DD)"),
    ("country", "XX", "x 'XX' is not an ISO 3166-1 alpha-2 country code (e.g. FR, CN, US)"),
    ("wikidata", "6686", "x '6686' is not a Wikidata id (e.g. Q6686)"),
    ("status", "rumoured", "x 'rumoured' is not one of active, prospective, ended"),
    ("string", 3, "x must be a string, not a number (3)"),
    ("number", "lots", "x must be a number, not 'lots'"),
])
def test_a_bad_value_says_what_is_allowed(type_, raw, message):
    with pytest.raises(InvalidRecord) as err:
        get_type(type_).clean(raw, "x")
    assert str(err.value) == message


def test_number_bounds_come_from_the_property():
    stake = Property("stake_pct", "number", min_exclusive=0, max=100)
    with pytest.raises(InvalidRecord, match="must be at most 100"):
        stake.kind.clean(101, "stake_pct", stake)
    assert stake.kind.json_schema(stake) == {"type": "number", "exclusiveMinimum": 0, "maximum": 100}


def test_query_parameters_use_the_same_types():
    assert get_type("text").param(" x ", "--domain") == "x"
    assert get_type("country").param("cn", "--country-a") == "CN"
    with pytest.raises(UsageError, match="--since '2024-1' is not a date"):
        get_type("date").param("2024-1", "--since")


def test_an_unknown_type_names_the_known_ones():
    with pytest.raises(UnknownName, match=r"unknown property type 'colour' \(known: country, date, "):
        get_type("colour")
