"""The Python front door (``import autokg``) and the registries the command line is built from."""

from __future__ import annotations

import doctest
import json

import pytest
from click.testing import CliRunner

import autokg
from _helpers import SEED, fact, write_jsonl
from autokg.cli import cli
from autokg.loaders.formats import FORMATS, format_choices, format_for, get_format


def test_the_package_docstring_example_runs():
    result = doctest.testmod(autokg, verbose=False)
    assert result.attempted >= 3 and result.failed == 0


def test_open_load_query_entities(tmp_path):
    with autokg.open(tmp_path / "kg.db") as kg:
        assert kg.backend == "embedded"
        report = kg.load(SEED)
        assert report.ok and report.as_dict()["relations"]["new"] == 17
        assert kg.load(str(SEED[0])).as_dict()["relations"]["unchanged"] == 17  # a path; idempotent
        rows = kg.query("partners-of", company="Gruppo Renault", status="prospective")
        assert [r["partner"] for r in rows] == ["Li Auto", "Xiaomi Auto"]
        assert list(rows[0]) == list(kg.presets()["partners-of"].columns)
        people = kg.entities(type="person")
        assert {"Lei Jun", "Luca de Meo"} <= {e["name"] for e in people}
        assert [e["name"] for e in people] == sorted(e["name"] for e in people)
        assert {e["type"] for e in people} == {"Person"}
        [renault] = kg.entities(search="gruppo")
        assert renault["name"] == "Renault Group" and "Gruppo Renault" in renault["aliases"]
        assert kg.stats()["relations"] == 17
    # the store is closed with the block; reopening sees the same graph
    with autokg.open(tmp_path / "kg.db") as kg:
        assert kg.stats()["relations"] == 17


def test_load_takes_records_and_reports_bad_ones(tmp_path):
    with autokg.open(tmp_path / "kg.db") as kg:
        report = kg.load([fact("Renault", "PARTNERS_WITH", "Geely"), {"subject": "x"}])
        assert [str(r) for r in report.rejected] == ["<records>:2: relation record has no predicate"]
        assert kg.stats()["relations"] == 1


def test_open_refuses_what_it_cannot_use(tmp_path):
    with pytest.raises(autokg.UnknownName, match=r"unknown backend 'postgres' \(known: embedded, neo4j\)"):
        autokg.open(backend="postgres")
    with pytest.raises(autokg.UsageError, match="no option pasword"):
        autokg.open(backend="neo4j", pasword="x")
    with pytest.raises(autokg.UsageError, match="takes a path, not Neo4j settings"):
        autokg.open(tmp_path / "kg.db", backend="embedded", username="neo4j")
    with autokg.open(tmp_path / "kg.db") as kg:
        with pytest.raises(autokg.UsageError, match="not a mix"):
            kg.load([str(SEED[0]), fact("A", "PARTNERS_WITH", "B")])
        with pytest.raises(autokg.UnknownPreset, match="did you mean: partners-of"):
            kg.query("partners-off")


def test_open_reaches_neo4j_with_settings_or_the_environment(neo4j_settings, monkeypatch):
    from conftest import empty_database

    with autokg.open(backend="neo4j", **neo4j_settings) as kg:
        empty_database(kg.store)
        assert kg.backend == "neo4j" and kg.load(SEED).ok
    for key, value in neo4j_settings.items():
        monkeypatch.setenv(f"NEO4J_{key.upper()}", value or "")
    monkeypatch.setenv("AUTOKG_BACKEND", "neo4j")
    with autokg.open() as kg:
        assert kg.backend == "neo4j"
        assert [r["partner"] for r in kg.query("partners-of", company="Geely")] == ["Renault Group"]
        empty_database(kg.store)


# ---- the input format registry -------------------------------------------------------------

def test_every_format_name_and_alias_resolves():
    for fmt in FORMATS.values():
        for name in (fmt.name, *fmt.aliases, fmt.name.upper()):
            assert get_format(name) is fmt
        for ext in fmt.extensions:
            assert format_for(f"facts{ext.upper()}") == fmt.name
    assert set(format_choices()) == {n for f in FORMATS.values() for n in (f.name, *f.aliases)}
    with pytest.raises(autokg.UnknownName, match=r"unknown input format 'xml' \(known: jsonl \(ndjson, jsonlines\), "
                                                 r"json, yaml \(yml\), csv \(tsv\), xlsx, turtle \(ttl\), nt \(ntriples, n-triples\)"):
        get_format("xml")


@pytest.fixture
def rdf_files(tmp_path):
    """The seed facts as Turtle in a .json file and as N-Triples in a .txt file, and JSON Lines
    in a file with no extension."""
    from autokg.exports.rdf import write_rdf

    with autokg.open(tmp_path / "src.db") as kg:
        kg.load(SEED)
        write_rdf(kg.store, str(tmp_path / "turtle.json"), "turtle")
        write_rdf(kg.store, str(tmp_path / "triples.txt"), "nt")
    lines = tmp_path / "facts"
    lines.write_text((SEED[0]).read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("fmt, name", [("jsonlines", "facts"), ("n-triples", "triples.txt"), ("turtle", "turtle.json"),
                                       ("TTL", "turtle.json"), ("NT", "triples.txt")])
def test_cli_reads_a_file_as_the_format_it_is_told(rdf_files, fmt, name):
    r = CliRunner().invoke(cli, ["--store", str(rdf_files / "kg.db"), "load", "--input-format", fmt,
                                 str(rdf_files / name)])
    assert r.exit_code == 0, r.output
    assert "relations:     17 new" in r.output


def test_cli_lists_the_accepted_formats_for_a_wrong_one(tmp_path):
    r = CliRunner().invoke(cli, ["--store", str(tmp_path / "kg.db"), "load", "--input-format", "xml", "x"])
    assert r.exit_code == 2
    assert "'xml' is not one of 'jsonl', 'json', 'yaml', 'csv', 'xlsx', 'turtle', 'nt', 'json-ld', 'ndjson', 'jsonlines'" \
        in " ".join(r.output.split())
    r = CliRunner().invoke(cli, ["load", "--help"])
    assert "jsonl, json, yaml, csv, xlsx, turtle, nt, json-ld" in " ".join(r.output.split())


def test_whole_documents_are_parsed_once_per_load(tmp_path, monkeypatch):
    """JSON, YAML and RDF are parsed as one document: the second pass reuses the first's records."""
    import autokg.loaders.jsonarray as jsonarray

    calls = []
    real = jsonarray.generate_records

    def counting(fp, **kw):
        calls.append(fp.name)
        return real(fp, **kw)

    monkeypatch.setattr(jsonarray, "generate_records", counting)
    path = tmp_path / "facts.json"
    path.write_text(json.dumps([{"entity": "Renault", "type": "Company"}, fact("Renault", "PARTNERS_WITH", "Geely")]),
                    encoding="utf-8")
    with autokg.open(tmp_path / "kg.db") as kg:
        report = kg.load(path)
    assert report.ok and report.entity_records == 1 and report.relation_records == 1
    assert calls == [str(path)]


def test_a_relation_csv_is_parsed_once_per_load(tmp_path, monkeypatch):
    """The first pass looks for entity records; a CSV without an entity column stops at its header."""
    import autokg.loaders.columns as columns
    import autokg.loaders.csvfile as csvfile

    rows_parsed = []
    real = csvfile.row_to_record

    def counting(cols, cells):
        rows_parsed.append(cells[0])
        return real(cols, cells)

    monkeypatch.setattr(csvfile, "row_to_record", counting)
    assert columns  # the CSV and XLSX readers share the column rules
    path = tmp_path / "facts.csv"
    path.write_text("subject,predicate,object,source_url\nRenault,PARTNERS_WITH,Geely,https://e.com/1\n"
                    "Renault,PARTNERS_WITH,Nissan,https://e.com/2\n", encoding="utf-8")
    with autokg.open(tmp_path / "kg.db") as kg:
        report = kg.load(path)
    assert report.ok and report.relation_records == 2
    assert rows_parsed == ["Renault", "Renault"]


def test_neo4j_bulk_files_from_python_are_those_of_the_command(tmp_path):
    from autokg.exports.neo4j_bulk import ARGS_FILE

    db = tmp_path / "kg.db"
    with autokg.open(db) as kg:
        kg.load(SEED)
        summary = kg.neo4j_bulk(tmp_path / "py")
    assert (tmp_path / "py" / ARGS_FILE).exists() and summary
    r = CliRunner().invoke(cli, ["--store", str(db), "neo4j", "bulk", str(tmp_path / "cli")])
    assert r.exit_code == 0, r.output
    files = sorted(p.name for p in (tmp_path / "py").iterdir())
    assert files == sorted(p.name for p in (tmp_path / "cli").iterdir())
    for name in files:
        assert (tmp_path / "py" / name).read_bytes() == (tmp_path / "cli" / name).read_bytes(), name


def test_query_as_of(tmp_path):
    from _helpers import fact, write_jsonl

    kg = autokg.open(tmp_path / "kg.db")
    kg.load([write_jsonl(tmp_path / "f.jsonl", [
        fact("A", "PARTNERS_WITH", "B", source={"url": "https://x.example/1", "published": "2024-05"}, status="prospective"),
        fact("A", "PARTNERS_WITH", "B", source={"url": "https://x.example/2", "published": "2024-07-02"}, status="active"),
    ])])
    status = lambda **kw: [(r["status"], r["sources"]) for r in kg.query("partners", **kw)]  # noqa: E731
    assert status(as_of="2024-04") == []
    assert status(as_of="2024-06") == [("prospective", 1)]
    assert status(as_of="2024-07") == [("prospective", 1)]  # 2024-07 is 2024-07-01
    assert status(as_of="2024-07-02") == status() == [("active", 2)]
    kg.close()
