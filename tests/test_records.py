"""Every record shape, and every rejection reason, reported as FILE:LINE: reason."""

from __future__ import annotations

import pytest

from autokg.errors import InvalidRecord
from autokg.loaders.records import EntityRecord, Fact, validate

S = {"title": "t"}


@pytest.mark.parametrize("record, kind, check", [
    ({"entity": "Renault Group", "type": "Company", "aliases": ["Renault"], "country": "fr",
      "sector": "automaker", "wikidata": "Q6686", "founded": "1899"}, EntityRecord,
     lambda r: r.attrs == {"country": "FR", "sector": "automaker", "wikidata": "Q6686", "founded": "1899"}),
    ({"entity": "Luca de Meo", "type": "Person", "nationality": "IT", "wikidata": "Q123"}, EntityRecord,
     lambda r: r.type == "Person" and r.attrs["nationality"] == "IT"),
    ({"entity": "Xiaomi SU7", "type": "product", "kind": "car", "launched": "2024-03"}, EntityRecord,
     lambda r: r.type == "Product"),
    ({"entity": "Auto China", "type": "Event", "date": "2024-04-25", "location": "Beijing"}, EntityRecord,
     lambda r: r.attrs["location"] == "Beijing"),
    ({"entity": "Geely", "type": "Company", "aliases": "Geely Auto"}, EntityRecord,
     lambda r: r.aliases == ["Geely Auto"]),
    ({"subject": "Renault", "predicate": "partners_with", "object": "Geely", "domain": "hybrid", "status": "Active",
      "since": "2022", "until": "2030-01", "source": {"url": "https://x.test/a", "published": "2024-04-30",
      "quote": "q", "lang": "it", "author": "A", "publisher": "P", "title": "T"}, "confidence": 0.9}, Fact,
     lambda f: f.predicate == "PARTNERS_WITH" and f.props["status"] == "active" and f.quote == "q"
     and f.source.published == "2024-04-30" and f.confidence == 0.9),
    ({"subject": "A", "predicate": "PARTNERS_WITH", "object": "B", "source": "https://x.test/a"}, Fact,
     lambda f: f.source.url == "https://x.test/a" and f.confidence == 1.0),
    ({"subject": "P", "predicate": "WORKS_FOR", "object": "C", "role": "CEO", "source": S}, Fact,
     lambda f: f.props == {"role": "CEO"}),
    ({"subject": "P", "predicate": "MET_WITH", "object": "C", "subject_type": "Person", "object_type": "company",
      "date": "2024-04-25", "event": "Auto China", "source": S}, Fact, lambda f: f.object_type == "Company"),
    ({"subject": "C", "predicate": "ATTENDED", "object": "E", "subject_type": "Company", "date": "2024", "source": S},
     Fact, lambda f: f.subject_type == "Company"),
    ({"subject": "A", "predicate": "SUBSIDIARY_OF", "object": "B", "since": 2010, "source": S}, Fact,
     lambda f: f.props["since"] == "2010"),
    ({"subject": "A", "predicate": "INVESTS_IN", "object": "B", "stake_pct": "21", "source": S}, Fact,
     lambda f: f.props["stake_pct"] == 21),
    ({"subject": "A", "predicate": "INVESTS_IN", "object": "B", "stake_pct": 100, "source": S}, Fact,
     lambda f: f.props["stake_pct"] == 100),
    ({"subject": "A", "predicate": "SUPPLIES", "object": "B", "domain": "batteries", "source": S}, Fact,
     lambda f: f.props["domain"] == "batteries"),
    ({"subject": "A", "predicate": "MAKES", "object": "P", "since": "2024-03-28", "source": S, "confidence": 0},
     Fact, lambda f: f.confidence == 0.0),
])
def test_valid_records(record, kind, check):
    out = validate(record, "f.jsonl:1")
    assert isinstance(out, kind)
    assert check(out)


@pytest.mark.parametrize("record, reason", [
    ([1, 2], "a record must be an object"),
    ({"foo": 1}, "a record needs entity"),
    ({"entity": "X", "subject": "Y"}, "not both"),
    ({"entity": "X"}, "has no type"),
    ({"entity": "X", "type": "Planet"}, "unknown entity type 'Planet' (known: Company, Event, Person, Product)"),
    ({"entity": "X", "type": "Company", "ceo": "Y"}, "unknown attribute 'ceo' for Company (allowed: country, founded, sector, wikidata"),
    ({"entity": "X", "type": "Person", "country": "FR"}, "unknown attribute 'country' for Person"),
    ({"entity": "", "type": "Company"}, "entity must not be empty"),
    ({"entity": 5, "type": "Company"}, "entity must be a string"),
    ({"entity": "X", "type": "Company", "country": "XX"}, "not an ISO 3166-1 alpha-2"),
    ({"entity": "X", "type": "Company", "wikidata": "6686"}, "not a Wikidata id"),
    ({"entity": "X", "type": "Company", "aliases": {"a": 1}}, "aliases must be a list"),
    ({"entity": "X", "type": "Company", "founded": "1899-13"}, "not a valid date"),
    ({"predicate": "PARTNERS_WITH", "object": "B", "source": S}, "has no subject"),
    ({"subject": "A", "object": "B", "source": S}, "has no predicate"),
    ({"subject": "A", "predicate": "PARTNERS_WITH", "source": S}, "has no object"),
    ({"subject": "A", "predicate": "ACQUIRED_BY", "object": "B", "source": S}, "unknown predicate 'ACQUIRED_BY' (known: PARTNERS_WITH, WORKS_FOR"),
    ({"subject": "A", "predicate": "PARTNERS_WITH", "object": "B"}, "has no source"),
    ({"subject": "A", "predicate": "PARTNERS_WITH", "object": "B", "source": {"publisher": "P"}}, "source needs a url or a title"),
    ({"subject": "A", "predicate": "PARTNERS_WITH", "object": "B", "source": {"title": "T", "page": 3}}, "unknown key 'page' in source"),
    ({"subject": "A", "predicate": "PARTNERS_WITH", "object": "B", "source": {"title": "T", "published": "2024-13-45"}}, "'2024-13-45' is not a valid date"),
    ({"subject": "A", "predicate": "PARTNERS_WITH", "object": "B", "source": 7}, "source must be an object"),
    ({"subject": "A", "predicate": "PARTNERS_WITH", "object": "B", "source": S, "role": "CEO"}, "property 'role' is not allowed for PARTNERS_WITH"),
    ({"subject": "A", "predicate": "PARTNERS_WITH", "object": "B", "source": S, "status": "rumoured"}, "is not one of active, prospective, ended"),
    ({"subject": "A", "predicate": "PARTNERS_WITH", "object": "B", "source": S, "since": "2024-02-30"}, "not a valid date"),
    ({"subject": "A", "predicate": "PARTNERS_WITH", "object": "B", "source": S, "since": "24"}, "not a valid date"),
    ({"subject": "A", "predicate": "PARTNERS_WITH", "object": "B", "source": S, "confidence": 1.5}, "must be between 0 and 1"),
    ({"subject": "A", "predicate": "PARTNERS_WITH", "object": "B", "source": S, "confidence": "high"}, "confidence must be a number"),
    ({"subject": "A", "predicate": "PARTNERS_WITH", "object": "B", "source": S, "confidence": True}, "confidence must be a number"),
    ({"subject": "P", "predicate": "WORKS_FOR", "object": "C", "source": S}, "WORKS_FOR requires 'role'"),
    ({"subject": "A", "predicate": "INVESTS_IN", "object": "B", "source": S, "stake_pct": 0}, "must be greater than 0"),
    ({"subject": "A", "predicate": "INVESTS_IN", "object": "B", "source": S, "stake_pct": 120}, "must be at most 100"),
    ({"subject": "A", "predicate": "PARTNERS_WITH", "object": "B", "source": S, "subject_type": "Person"}, "subject_type Person is not allowed for PARTNERS_WITH"),
    ({"subject": "A", "predicate": "MET_WITH", "object": "B", "source": S, "subject_type": "Robot"}, "unknown subject_type 'Robot'"),
    ({"subject": "A", "predicate": "MET_WITH", "object": "B", "source": S, "subject_type": "Company", "object_type": "Company"}, "MET_WITH needs a Person on at least one side"),
    ({"subject": "A", "predicate": "PARTNERS_WITH", "object": "B", "source": S, "domain": ""}, "domain must not be empty"),
    ({"subject": "A", "predicate": "PARTNERS_WITH", "object": "B", "source": S, "domain": 3}, "domain must be a string"),
    ({"subject": ["A"], "predicate": "PARTNERS_WITH", "object": "B", "source": S}, "subject must be a string"),
])
def test_rejections(record, reason):
    with pytest.raises(InvalidRecord) as exc:
        validate(record, "facts.jsonl:7")
    assert str(exc.value).startswith("facts.jsonl:7: ")
    assert reason in str(exc.value)
