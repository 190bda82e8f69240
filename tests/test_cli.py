"""The command line through CliRunner: exit codes, output shapes, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from autokg.cli import cli
from autokg.queries.presets import PRESETS

from _helpers import SEED, fact, write_jsonl


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.setenv("AUTOKG_STORE", str(tmp_path / "cli.db"))
    monkeypatch.delenv("AUTOKG_BACKEND", raising=False)

    def invoke(*args, input=None):
        result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
        assert "Traceback" not in result.output
        return result

    return invoke


def test_demo_loads_seed_and_prints_partners(run):
    r = run("demo")
    assert r.exit_code == 0
    assert "relations:     17 new" in r.output
    assert "Geely          Renault Group  thermal and hybrid systems  active       1" in r.output


def test_load_twice_reports_nothing_new(run):
    first = run("load", *map(str, SEED))
    second = run("load", *map(str, SEED))
    assert first.exit_code == second.exit_code == 0
    assert "relations:     17 new      0 updated      0 unchanged" in first.output
    assert "relations:      0 new      0 updated     17 unchanged" in second.output
    assert "entities:       0 new      0 updated     14 unchanged" in second.output


def test_load_with_bad_records_exits_1_and_names_file_and_line(run, tmp_path):
    p = write_jsonl(tmp_path / "f.jsonl", [fact("A", "PARTNERS_WITH", "B"), fact("A", "OWNS", "B")])
    r = run("load", str(p))
    assert r.exit_code == 1
    assert f"{p}:2: unknown predicate 'OWNS'" in r.output
    assert "rejected:       1" in r.output
    q = run("query", "partners", "--format", "json")
    assert [(x["company"], x["partner"]) for x in json.loads(q.output)] == [("A", "B")]


def test_load_from_stdin_and_input_format(run):
    data = json.dumps([fact("A", "PARTNERS_WITH", "B")])
    assert run("load", "-", "--input-format", "json", input=data).exit_code == 0
    line = json.dumps(fact("C", "PARTNERS_WITH", "D")) + "\n"
    assert run("load", "-", input=line).exit_code == 0
    assert len(json.loads(run("query", "partners", "--format", "json").output)) == 2


def test_strict_and_dry_run_and_validate(run, tmp_path):
    bad = write_jsonl(tmp_path / "bad.jsonl", [fact("A", "PARTNERS_WITH", "B"), {"entity": "X"}])
    assert run("load", "--strict", str(bad)).exit_code == 1
    assert run("load", "--dry-run", *map(str, SEED)).exit_code == 0
    v = run("validate", str(bad))
    assert v.exit_code == 1 and f"{bad}:2: entity record 'X' has no type" in v.output
    assert run("validate", *map(str, SEED)).exit_code == 0
    assert json.loads(run("stats", "--format", "json").output)[0] == {"what": "entities", "count": 0}


def test_query_json_shape_and_alias(run):
    run("demo")
    r = run("query", "partners-of", "--company", "Gruppo Renault", "--format", "json")
    data = json.loads(r.output)
    assert r.exit_code == 0 and len(data) == 6
    assert all(list(row) == list(PRESETS["partners-of"].columns) for row in data)
    path = json.loads(run("query", "path", "--a", "Geely", "--b", "Google", "--format", "json").output)
    assert path == [{"path": ["Geely", "Renault Group", "Google"], "hops": 2}]
    csv_out = run("query", "hubs", "--limit", "1", "--format", "csv").output
    assert csv_out == "company,partners\nRenault Group,6\n"


def test_unknown_names_exit_1_with_suggestions(run):
    run("demo")
    r = run("query", "partners-of", "--company", "Renalt")
    assert r.exit_code == 1 and "unknown entity 'Renalt' (did you mean: 'Renault Group'?)" in r.output
    r = run("query", "partnrs")
    assert r.exit_code == 1 and "did you mean: partners" in r.output


@pytest.mark.parametrize("preset, option", [
    (p.name, q.option) for p in PRESETS.values() for q in p.params if q.required])
def test_every_required_option_missing_is_a_usage_error(run, preset, option):
    full = {"--company": "Renault", "--a": "Renault", "--b": "Geely", "--domain": "cockpit"}
    args = []
    for q in PRESETS[preset].params:
        if q.required and q.option != option:
            args += [q.option, full[q.option]]
    r = run("query", preset, *args)
    assert r.exit_code == 2
    assert f"Missing option '{option}'" in r.output


def test_presets_stats_entities_and_graphml(run, tmp_path):
    run("demo")
    listed = json.loads(run("presets", "--format", "json").output)
    assert [p["preset"] for p in listed] == list(PRESETS)
    stats = {r["what"]: r["count"] for r in json.loads(run("stats", "--format", "json").output)}
    assert (stats["entities"], stats["relations"], stats["sources"], stats["links"]) == (14, 17, 3, 19)
    ents = json.loads(run("entities", "--type", "company", "--search", "xiaomi", "--format", "json").output)
    assert ents == [{"name": "Xiaomi", "type": "Company", "aliases": ["Xiaomi Corporation"]},
                    {"name": "Xiaomi Auto", "type": "Company", "aliases": ["Xiaomi EV"]}]
    import networkx as nx

    out = tmp_path / "g.graphml"
    assert run("export", "graphml", str(out)).exit_code == 0
    g = nx.read_graphml(out)
    assert (g.number_of_nodes(), g.number_of_edges()) == (14, 17)
    assert run("export", "graphml", str(out), "--view", "companies").exit_code == 0
    g = nx.read_graphml(out)
    assert g.number_of_edges() == 6 and g.nodes["company:" + [n for n in g if g.nodes[n]["name"] == "Geely"][0].split(":")[1]]["country"] == "CN"


def test_backend_and_store_are_global_options_and_env(tmp_path, monkeypatch):
    monkeypatch.setenv("AUTOKG_BACKEND", "nope")
    r = CliRunner().invoke(cli, ["stats"])
    assert r.exit_code == 2 and "'nope' is not one of 'embedded', 'neo4j'" in r.output
    monkeypatch.delenv("AUTOKG_BACKEND")
    store = tmp_path / "x.db"
    assert CliRunner().invoke(cli, ["--store", str(store), "demo"]).exit_code == 0
    assert store.exists()


def test_help_imports_no_heavy_library():
    code = ("import sys; from autokg.cli import main; sys.argv=['autokg','--help']\n"
            "try: main()\nexcept SystemExit: pass\n"
            "print(sorted(m for m in ('networkx','neo4j','rdflib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("[]")


def test_every_preset_takes_as_of(run):
    for name in PRESETS:
        r = run("query", name, "--help")
        assert "--as-of TEXT" in r.output, name
    assert run("load", *map(str, SEED)).exit_code == 0
    r = run("query", "partners", "--as-of", "2024-13")
    assert r.exit_code == 2 and r.output.strip().splitlines()[-1] == \
        "Error: --as-of '2024-13' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
    # the seed article is undated: its facts count on any date
    before = json.loads(run("query", "partners", "--format", "json").output)
    assert json.loads(run("query", "partners", "--as-of", "1990", "--format", "json").output) == before


def test_load_of_a_glob_that_takes_a_judgements_file_warns_and_loads_the_facts(run):
    """`autokg load data/curated/*.jsonl` also names judgements.jsonl: a warning that says how to
    replay it, the fact files load, exit 0."""
    from pathlib import Path

    curated = sorted(str(p) for p in (Path(__file__).resolve().parents[1] / "data" / "curated").glob("*.jsonl"))
    judgements = next(p for p in curated if p.endswith("judgements.jsonl"))
    result = run("load", *curated)
    assert result.exit_code == 0, result.output
    assert (f"{judgements}: warning: a file of judgements, not facts: replay it with "
            f"`autokg judgements import {judgements}`") in result.output
    assert "rejected:       0" in result.output
    assert run("query", "partners-of", "--company", "Geely", "--format", "csv").output.count("Renault Group") == 1
