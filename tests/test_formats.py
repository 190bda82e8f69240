"""Input formats, bad files, strict and dry-run loads: every rejection is FILE:LINE: reason."""

from __future__ import annotations

import json

import pytest

from _helpers import SEED, dump, fact, load, open_embedded, table, write_jsonl

GOOD = [
    {"entity": "Renault Group", "type": "Company", "aliases": ["Renault"], "country": "FR"},
    fact("Renault", "PARTNERS_WITH", "Geely", domain="hybrid", status="active"),
    fact("Renault", "INVESTS_IN", "Ampere", stake_pct=100),
]
EXPECTED = [("Geely", "Renault Group", "hybrid", "active")]


def test_json_array_yaml_and_csv_load_the_same_graph(tmp_path):
    jsonl = write_jsonl(tmp_path / "a.jsonl", GOOD)
    arr = tmp_path / "a.json"
    arr.write_text(json.dumps(GOOD), encoding="utf-8")
    yml = tmp_path / "a.yaml"
    yml.write_text("""
- entity: Renault Group
  type: Company
  aliases: [Renault]
  country: FR
- subject: Renault
  predicate: PARTNERS_WITH
  object: Geely
  domain: hybrid
  status: active
  source: {title: A report, publisher: Example News}
- {subject: Renault, predicate: INVESTS_IN, object: Ampere, stake_pct: 100, source: {title: A report, publisher: Example News}}
""", encoding="utf-8")
    ents = tmp_path / "entities.csv"
    ents.write_text("entity,type,aliases,country\nRenault Group,Company,Renault,FR\n", encoding="utf-8")
    rels = tmp_path / "facts.csv"
    rels.write_text("subject,predicate,object,domain,status,stake_pct,source_title,source_publisher\n"
                    "Renault,PARTNERS_WITH,Geely,hybrid,active,,A report,Example News\n"
                    "Renault,INVESTS_IN,Ampere,,,100,A report,Example News\n", encoding="utf-8")
    dumps = []
    for i, files in enumerate([[jsonl], [arr], [yml], [rels, ents]]):
        store = open_embedded(tmp_path, f"s{i}.db")
        report = load(store, *files)
        assert report.ok, report.rejected
        assert table(store, "partners", "company", "partner", "domain", "status") == EXPECTED
        dumps.append(dump(store))
    assert all(d == dumps[0] for d in dumps)


def test_rejections_name_file_and_line_and_good_records_load(tmp_path):
    p = tmp_path / "facts.jsonl"
    p.write_text("\n".join([
        json.dumps(GOOD[1]),
        json.dumps(fact("A", "ACQUIRED_BY", "B")),
        "{not json",
        "",
        json.dumps(fact("A", "PARTNERS_WITH", "B", since="2024-13-45")),
        json.dumps(GOOD[2]),
    ]) + "\n", encoding="utf-8")
    store = open_embedded(tmp_path)
    report = load(store, p)
    assert [str(r).split(": ", 1)[0] for r in report.rejected] == [f"{p}:2", f"{p}:3", f"{p}:5"]
    assert "unknown predicate 'ACQUIRED_BY'" in report.rejected[0].reason
    assert "invalid JSON" in report.rejected[1].reason
    assert "'2024-13-45' is not a valid date" in report.rejected[2].reason
    assert store.stats()["relations"] == 2


def test_json_array_records_are_numbered_from_one(tmp_path):
    p = tmp_path / "a.json"
    p.write_text(json.dumps([GOOD[1], {"subject": "A"}, GOOD[2]]), encoding="utf-8")
    report = load(open_embedded(tmp_path), p)
    assert [r.where for r in report.rejected] == [f"{p}:2"]


def test_yaml_and_csv_report_real_line_numbers(tmp_path):
    y = tmp_path / "a.yaml"
    y.write_text("- subject: A\n  predicate: PARTNERS_WITH\n  object: B\n  source: {title: t}\n"
                 "- subject: A\n  predicate: NOPE\n  object: B\n  source: {title: t}\n", encoding="utf-8")
    c = tmp_path / "a.csv"
    c.write_text("subject,predicate,object,source_title\nA,PARTNERS_WITH,B,t\nA,NOPE,B,t\n\"A\nB\",X,C,t\nA,PARTNERS_WITH,C,t\n",
                 encoding="utf-8")
    store = open_embedded(tmp_path)
    report = load(store, y, c)
    assert [r.where for r in report.rejected] == [f"{y}:5", f"{c}:3", f"{c}:4"]
    assert store.stats()["relations"] == 2


@pytest.mark.parametrize("content, reason", [
    (b'{"subject": "A", "predicate": "PARTNERS_WITH", "object": "B", "source": "http://x"}\n\xff\xfe bad\n', "not valid UTF-8"),
    (b'{"subject": "A", "predicate": "PARTNERS_WITH", "object": "B", "source": "http://x"}\n{"subject": "A", "pred', "truncated line"),
    (b'{"subject": "A", "predicate": "PARTNERS_WITH", "object": "B", "source": "http://x"}\n{"x": "' + b"a" * (10 * 1024 * 1024 + 10) + b'"}\n', "longer than 10 MB"),
])
def test_bad_lines_get_a_clear_message(tmp_path, content, reason):
    p = tmp_path / "bad.jsonl"
    p.write_bytes(content)
    store = open_embedded(tmp_path)
    report = load(store, p)
    [rej] = report.rejected
    assert rej.where == f"{p}:2" and reason in rej.reason
    assert store.stats()["relations"] == 1


@pytest.mark.parametrize("digits", ["1" * 18, "9" * 19, "12345678901234567890123", "1" * 40])
def test_a_long_integer_reads_exactly_wherever_it_stands(tmp_path, digits):
    # orjson would read an integer past 64 bits as a float; such a line is read by json instead
    p = tmp_path / "long.jsonl"
    p.write_text('{"subject": "A", "predicate": "PARTNERS_WITH", "object": "B", "source": "http://x", '
                 f'"domain": {digits}}}\n', encoding="utf-8")
    report = load(open_embedded(tmp_path), p)
    [rej] = report.rejected
    assert rej.reason == f"domain must be a string, not a number ({digits})"


@pytest.mark.parametrize("name, content, reason", [
    ("bad.json", b"[{]", "invalid JSON at line 1"),
    ("bad.json", b'{"a": "\xff"}', "not valid UTF-8"),
    ("bad.yaml", b"- a: [1, 2\n", "invalid YAML"),
    ("bad.yaml", b"a: 1\n", "must be a list"),
    ("bad.csv", b"subject,object\nA,B\n", "CSV header lacks predicate, source_url or source_title"),
    ("bad.txt", b"x", "cannot tell the format"),
    ("missing.jsonl", None, "no such file"),
])
def test_whole_file_errors(tmp_path, name, content, reason):
    p = tmp_path / name
    if content is not None:
        p.write_bytes(content)
    good = write_jsonl(tmp_path / "good.jsonl", GOOD)
    store = open_embedded(tmp_path)
    report = load(store, p, good)
    [rej] = report.rejected
    assert rej.where == str(p) and reason in rej.reason
    assert store.stats()["relations"] == 2  # the other file still loads


def test_empty_file_warns_and_loads_nothing(tmp_path):
    p = tmp_path / "empty.jsonl"
    p.write_bytes(b"")
    report = load(open_embedded(tmp_path), p)
    assert report.ok and report.warnings == [f"{p}: warning: empty file, nothing loaded"]


def test_strict_makes_each_file_all_or_nothing(tmp_path):
    bad = write_jsonl(tmp_path / "bad.jsonl", [GOOD[1], fact("A", "NOPE", "B")])
    good = write_jsonl(tmp_path / "good.jsonl", [fact("X", "PARTNERS_WITH", "Y")])
    store = open_embedded(tmp_path)
    report = load(store, bad, good, strict=True)
    assert [r.where for r in report.rejected] == [f"{bad}:2"]
    assert report.files_not_loaded == [str(bad)]
    assert table(store, "partners", "company", "partner") == [("X", "Y")]
    assert report.relations.summary()["new"] == 1


def test_dry_run_writes_nothing(tmp_path):
    store = open_embedded(tmp_path)
    report = load(store, *SEED, dry_run=True)
    assert report.relations.summary()["new"] == 17
    assert store.stats()["relations"] == 0 and store.stats()["entities"] == 0


def test_a_name_that_looks_like_cypher_is_just_a_name(tmp_path):
    evil = "x'}) DETACH DELETE n //"
    store = open_embedded(tmp_path)
    load(store, write_jsonl(tmp_path / "a.jsonl", [fact(evil, "PARTNERS_WITH", "Robert'); DROP TABLE entities;--")]))
    assert table(store, "partners", "company", "partner") == [("Robert'); DROP TABLE entities;--", evil)]
