"""Quotes that support their facts: the rule, the load warnings, --strict-quotes, and `autokg check`."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

import autokg
from autokg.cli import cli
from autokg.graph.evidence import review_store

from _helpers import SRC, fact, load, table, write_jsonl

RENAULT = {"entity": "Renault Group", "type": "Company", "aliases": ["Renault", "Gruppo Renault"]}


def quoted(subject, predicate, obj, quote, **props):
    return fact(subject, predicate, obj, {**SRC, "quote": quote}, **props)


def warnings_for(tmp_path, embedded_store, records) -> list[str]:
    path = write_jsonl(tmp_path / "f.jsonl", records)
    report = load(embedded_store, path)
    assert report.ok, report.rejected
    return [w.removeprefix(f"{path}:") for w in report.warnings]


# ---- the rule -----------------------------------------------------------------------------------

@pytest.mark.parametrize("records, expected", [
    # whole words, not parts of words
    ([quoted("Geely", "PARTNERS_WITH", "Volvo", "Geely's deal with Volvo")], []),
    ([quoted("Geely", "PARTNERS_WITH", "Volvo", "Geelyx and Volvo")], ["1: warning: the quote does not name 'Geely'"]),
    ([quoted("Geely", "PARTNERS_WITH", "Volvo", "Geely and Volvos")], ["1: warning: the quote does not name 'Volvo'"]),
    ([quoted("Geely", "PARTNERS_WITH", "Volvo", "XGeely and Volvo2")],
     ["1: warning: the quote does not name 'Geely' or 'Volvo'"]),
    # names with punctuation
    ([quoted("Mercedes-Benz", "PARTNERS_WITH", "BYD Co., Ltd.", "Mercedes-Benz and BYD Co., Ltd.'s new brand")], []),
    ([quoted("Mercedes-Benz", "PARTNERS_WITH", "BYD Co., Ltd.", "(Mercedes-Benz) with BYD Co., Ltd.")], []),
    ([quoted("Mercedes-Benz", "PARTNERS_WITH", "BYD Co., Ltd.", "Mercedes-Benzine and BYD Co.")],
     ["1: warning: the quote does not name 'Mercedes-Benz' or 'BYD Co., Ltd.'"]),
    # any alias of the entity, whichever name the record wrote
    ([RENAULT, quoted("Renault", "PARTNERS_WITH", "Geely", "il Gruppo Renault e Geely")], []),
    ([RENAULT, quoted("Gruppo Renault", "PARTNERS_WITH", "Geely", "Renault Group and Geely")], []),
    ([RENAULT, quoted("Renault", "PARTNERS_WITH", "Geely", "Renaults and Geely")],
     ["2: warning: the quote does not name 'Renault Group'"]),
    # compared as names are: case, compatibility forms, composed accents, whitespace
    ([quoted("Citroën", "PARTNERS_WITH", "Li  Auto", "CITROE\u0308N and li auto")], []),
    ([quoted("BYD", "PARTNERS_WITH", "Toyota", "ＢＹＤ and TOYOTA")], []),
    # an accent is part of the name: Citroen is another name (an alias can say it is the same)
    ([quoted("Citroën", "PARTNERS_WITH", "Toyota", "Citroen and Toyota")], ["1: warning: the quote does not name 'Citroën'"]),
    # a person also by the family name, the last word of the name
    ([quoted("Luca de Meo", "WORKS_FOR", "Renault", "de Meo guida Renault", role="CEO")], []),
    ([quoted("Luca de Meo", "WORKS_FOR", "Renault", "Luca guida Renault", role="CEO")],
     ["1: warning: the quote does not name 'Luca de Meo'"]),
    ([quoted("Geely", "PARTNERS_WITH", "Meo", "Geely and de Meo")], []),  # a company named Meo: its name
    ([quoted("Geely", "PARTNERS_WITH", "Luca Motors", "Geely and Motors")],  # not a person: no family name
     ["1: warning: the quote does not name 'Luca Motors'"]),
    # an Event or a Product object follows the same rule
    ([{"entity": "Beijing Auto Show 2024", "type": "Event", "aliases": ["Auto China 2024"]},
      quoted("Luca de Meo", "ATTENDED", "Beijing Auto Show 2024", "Meo at Auto China 2024", subject_type="Person")],
     []),
    ([quoted("Luca de Meo", "ATTENDED", "Beijing Auto Show 2024", "de Meo in Beijing", subject_type="Person")],
     ["1: warning: the quote does not name 'Beijing Auto Show 2024'"]),
    ([quoted("Xiaomi", "MAKES", "Xiaomi SU7", "the Xiaomi SU7 arrives")], []),
    ([quoted("Xiaomi", "MAKES", "Xiaomi SU7", "Xiaomi's car, the SU7")], ["1: warning: the quote does not name 'Xiaomi SU7'"]),
    # in scripts written without spaces a name is a word wherever it stands
    ([quoted("小米", "PARTNERS_WITH", "Renault", "小米汽车与Renault合作")], []),
    # no quote: nothing to check when loading
    ([fact("Geely", "PARTNERS_WITH", "Volvo")], []),
])
def test_a_quote_supports_a_relation_when_it_names_both_parties(tmp_path, embedded_store, records, expected):
    assert warnings_for(tmp_path, embedded_store, records) == expected


def test_aliases_declared_later_in_the_load_or_already_in_the_store_count(tmp_path, embedded_store):
    facts = write_jsonl(tmp_path / "facts.jsonl", [quoted("Gruppo Renault", "PARTNERS_WITH", "Geely", "Renault Group e Geely")])
    entities = write_jsonl(tmp_path / "entities.jsonl", [RENAULT])
    report = load(embedded_store, facts, entities)  # the entity record comes in a later file
    assert report.ok and report.warnings == []
    again = write_jsonl(tmp_path / "again.jsonl", [quoted("Gruppo Renault", "SUPPLIES", "Geely", "Renault Group to Geely")])
    report = load(embedded_store, again)  # the alias is in the store
    assert report.ok and report.warnings == []
    with autokg.open(tmp_path / "other.db") as kg:  # without the entity record: not a name of it
        assert kg.load(facts).warnings == [f"{facts}:1: warning: the quote does not name 'Gruppo Renault'"]


# ---- load and validate --------------------------------------------------------------------------

@pytest.fixture
def mixed(tmp_path):
    return write_jsonl(tmp_path / "mixed.jsonl", [
        RENAULT,
        quoted("Renault", "PARTNERS_WITH", "Geely", "avendo collaborato con Geely"),
        quoted("Renault", "PARTNERS_WITH", "Nissan", "Renault and Nissan"),
        fact("Renault", "PARTNERS_WITH", "Dongfeng"),
        quoted("Luca de Meo", "MET_WITH", "Lei Jun", "incontri con i partner", subject_type="Person",
               object_type="Person"),
    ])


def invoke(tmp_path, *args):
    return CliRunner().invoke(cli, ["--store", str(tmp_path / "kg.db"), *args])


@pytest.mark.parametrize("command", ["load", "validate"])
def test_load_and_validate_warn_once_per_record_and_still_load_it(tmp_path, mixed, command):
    r = invoke(tmp_path, command, str(mixed))
    assert r.exit_code == 0
    lines = r.output.splitlines()
    assert [x for x in lines if ": warning: " in x] == [
        f"{mixed}:2: warning: the quote does not name 'Renault Group'",
        f"{mixed}:5: warning: the quote does not name 'Luca de Meo' or 'Lei Jun'",
    ]
    assert lines[-2 if command == "validate" else -1] == "warnings:       2"
    assert "relations:      4 new      0 updated      0 unchanged" in lines
    assert "rejected:       0" in lines


def test_the_report_keeps_the_warnings(tmp_path, mixed):
    with autokg.open(tmp_path / "kg.db") as kg:
        report = kg.load(mixed)
        assert report.ok and len(report.as_dict()["warnings"]) == 2
        assert report.warnings[0] == f"{mixed}:2: warning: the quote does not name 'Renault Group'"
        assert len(kg.query("partners")) == 3


def test_strict_quotes_rejects_the_record_and_loads_the_others(tmp_path, mixed):
    r = invoke(tmp_path, "load", "--strict-quotes", str(mixed))
    assert r.exit_code == 1
    lines = r.output.splitlines()
    assert lines[:2] == [f"{mixed}:2: the quote does not name 'Renault Group'",
                         f"{mixed}:5: the quote does not name 'Luca de Meo' or 'Lei Jun'"]
    assert "rejected:       2" in lines and "warnings:       0" in lines
    assert "relations:      2 new      0 updated      0 unchanged" in lines
    q = invoke(tmp_path, "query", "partners", "--format", "json")
    assert [(x["company"], x["partner"]) for x in json.loads(q.output)] == [("Dongfeng", "Renault Group"),
                                                                            ("Nissan", "Renault Group")]
    v = invoke(tmp_path, "validate", "--strict-quotes", str(mixed))
    assert v.exit_code == 1 and f"{mixed}:5: the quote does not name 'Luca de Meo' or 'Lei Jun'" in v.output


def test_strict_quotes_with_strict_loads_nothing_of_the_file(tmp_path, mixed, embedded_store):
    good = write_jsonl(tmp_path / "good.jsonl", [quoted("Toyota", "PARTNERS_WITH", "BYD", "BYD and Toyota")])
    report = load(embedded_store, mixed, good, strict=True, strict_quotes=True)
    assert [str(r) for r in report.rejected] == [f"{mixed}:2: the quote does not name 'Renault Group'",
                                                 f"{mixed}:5: the quote does not name 'Luca de Meo' or 'Lei Jun'"]
    assert report.files_not_loaded == [str(mixed)]
    assert table(embedded_store, "partners", "company", "partner") == [("BYD", "Toyota")]


def test_strict_quotes_for_in_memory_records(tmp_path):
    with autokg.open(tmp_path / "kg.db") as kg:
        report = kg.load([quoted("Renault", "PARTNERS_WITH", "Geely", "Geely alone")], strict_quotes=True)
        assert [str(r) for r in report.rejected] == ["<records>:1: the quote does not name 'Renault'"]
        report = kg.load([quoted("Renault", "PARTNERS_WITH", "Geely", "Geely alone")])
        assert report.warnings == ["<records>:1: warning: the quote does not name 'Renault'"]


# ---- autokg check -------------------------------------------------------------------------------

def _check_records():
    dated = {"url": "https://a.example/1", "published": "2024-01-02"}
    return [
        RENAULT,
        # a quote that misses a party
        fact("Renault", "PARTNERS_WITH", "Geely", {**dated, "quote": "Geely signs a deal"}),
        # no quote at all
        fact("Renault", "PARTNERS_WITH", "Nissan", {"url": "https://b.example/2", "published": "2024"}),
        # undated, a source with no url
        fact("Geely", "SUPPLIES", "Nissan", {"title": "A report", "quote": "Geely supplies Nissan"}, domain="cells"),
        # undated, two sources: a row for each
        fact("Toyota", "PARTNERS_WITH", "BYD", {"url": "https://f.example/", "quote": "BYD and Toyota"}),
        fact("Toyota", "PARTNERS_WITH", "BYD", {"url": "https://e.example/", "quote": "Toyota with BYD"}),
        # no problem: one source quotes it and one is dated
        fact("Renault", "INVESTS_IN", "Nissan", {"url": "https://c.example/"}),
        fact("Renault", "INVESTS_IN", "Nissan", {"url": "https://d.example/", "published": "2025",
                                                  "quote": "Renault's stake in Nissan"}),
    ]


EXPECTED = [
    {"predicate": "PARTNERS_WITH", "subject": "Renault Group", "object": "Geely", "url": "https://a.example/1",
     "problem": "the quote does not name 'Renault Group'"},
    {"predicate": "PARTNERS_WITH", "subject": "Renault Group", "object": "Nissan", "url": "https://b.example/2",
     "problem": "no source quotes it"},
    {"predicate": "PARTNERS_WITH", "subject": "Toyota", "object": "BYD", "url": "https://e.example/",
     "problem": "no source is dated"},
    {"predicate": "PARTNERS_WITH", "subject": "Toyota", "object": "BYD", "url": "https://f.example/",
     "problem": "no source is dated"},
    {"predicate": "SUPPLIES", "subject": "Geely", "object": "Nissan", "url": None, "problem": "no source is dated"},
]


def test_check_lists_each_problem_in_order(tmp_path, embedded_store):
    load(embedded_store, write_jsonl(tmp_path / "f.jsonl", _check_records()))
    assert review_store(embedded_store) == EXPECTED
    with autokg.open(tmp_path / "empty.db") as kg:
        assert kg.check() == []


def test_check_command_in_every_format(tmp_path):
    path = write_jsonl(tmp_path / "f.jsonl", _check_records())
    assert invoke(tmp_path, "load", str(path)).exit_code == 0
    with autokg.open(tmp_path / "kg.db") as kg:
        assert kg.check() == EXPECTED
    r = invoke(tmp_path, "check")
    assert r.exit_code == 0
    assert r.output.splitlines() == [
        "predicate      subject        object  url                  problem",
        "-------------  -------------  ------  -------------------  ---------------------------------------",
        "PARTNERS_WITH  Renault Group  Geely   https://a.example/1  the quote does not name 'Renault Group'",
        "PARTNERS_WITH  Renault Group  Nissan  https://b.example/2  no source quotes it",
        "PARTNERS_WITH  Toyota         BYD     https://e.example/   no source is dated",
        "PARTNERS_WITH  Toyota         BYD     https://f.example/   no source is dated",
        "SUPPLIES       Geely          Nissan                       no source is dated",
    ]
    r = invoke(tmp_path, "check", "--format", "json")
    assert r.exit_code == 0 and json.loads(r.output) == EXPECTED
    r = invoke(tmp_path, "check", "--format", "csv")
    assert r.exit_code == 0
    assert list(csv.DictReader(io.StringIO(r.output))) == [{**row, "url": row["url"] or ""} for row in EXPECTED]
    assert r.output.splitlines()[0] == "predicate,subject,object,url,problem"


def test_check_of_an_empty_store_is_an_empty_report(tmp_path):
    r = invoke(tmp_path, "check")
    assert r.exit_code == 0 and r.output.splitlines()[-1] == "(no rows)"


def test_check_gives_the_same_rows_on_both_stores(tmp_path, embedded_store, neo4j_store):
    path = write_jsonl(tmp_path / "f.jsonl", _check_records())
    for store in (embedded_store, neo4j_store):
        assert load(store, path).ok
    assert review_store(neo4j_store) == review_store(embedded_store) == EXPECTED
