"""The bulk initial load: ``autokg neo4j bulk`` files, imported by ``scripts/neo4j-local import``.

The files are read back with Python's csv module by the documented header format, and imported
into the test server: every preset then gives the rows of the embedded store the files came
from, and later transactional loads merge into the imported graph as they do into the embedded
store. Names and aliases with quotes, commas, semicolons, line breaks, backslashes and the first
candidate array delimiter go through both.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from _helpers import CURATED_FACTS, snapshot, write_jsonl
from autokg.cli import cli
from autokg.exports.neo4j_bulk import ARGS_FILE, ARRAY_DELIMITERS, write_neo4j_bulk
from autokg.graph.embedded import EmbeddedStore
from autokg.graph.neo4j import statements
from autokg.graph.normalize import norm
from autokg.loaders import load_files
from autokg.queries.presets import run_preset
from test_names import assert_names_match_entities
from test_parity import CURATED, SEED, _assert_parity, random_fact_files

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "neo4j-local"

HOSTILE = ['Quote "Motors"', "Comma, Cars Inc", "Semi;colon Auto", "New\nLine GmbH", 'Back\\slash \\"Co\\"',
           "Unit\x1fSep AG", "O'Brien Mobility", '"Only Quotes"', "Pipe|Bar Ltd", "CR\r\nLF SA", "Ünïcødé 汽车"]


def hostile_records(tag: str = "") -> list[dict]:
    """Companies whose names, aliases, attributes, quotes and source fields hold every character
    the CSV format or the array delimiter could trip on, partnered in a chain."""
    recs = [{"entity": h + tag, "type": "Company",
             "aliases": [f"{h}{tag} alias;x", f'"{h}{tag}",', f"ali,as{i}{tag}", f"a\x1fb{i}{tag}"],
             "sector": 'sec "q", ;x\nnext line'} for i, h in enumerate(HOSTILE)]
    src = {"url": f"https://example.com/hostile{tag}", "title": 'T "q", ;\nsecond line',
           "publisher": 'P;,"', "published": "2024-01-02"}
    for a, b in zip(HOSTILE, HOSTILE[1:]):
        recs.append({"subject": a + tag, "predicate": "PARTNERS_WITH", "object": b + tag,
                     "domain": 'd "1", ;\n2', "source": {**src, "quote": f'{a}{tag} and {b}{tag} said "x";, ok\nyes'},
                     "confidence": 0.5})
    return recs


def _embedded_graph(tmp_path: Path) -> tuple[EmbeddedStore, list[list[str]]]:
    """An embedded store with the seed, the curated facts, a random graph and the hostile names;
    and the same loads, in order, to replay elsewhere."""
    loads = [[str(p) for p in SEED]]
    if CURATED.is_dir():
        loads.append([str(p) for p in CURATED_FACTS])
    (tmp_path / "random").mkdir()
    loads += [[str(p) for p in files] for files in random_fact_files(3, tmp_path / "random")]
    loads.append([str(write_jsonl(tmp_path / "hostile.jsonl", hostile_records()))])
    store = EmbeddedStore(tmp_path / "bulk.db")
    for files in loads:
        load_files(store, files)
    return store, loads


def _read_table(path: Path, array_delimiter: str) -> list[dict]:
    """A node or relationship file, by its header: ``name:type`` columns typed, empty unquoted
    fields absent, ``:ID``/``:START_ID``/``:END_ID`` columns kept under their header."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(_records(fh.read()))
    header, out = rows[0], []
    for values in rows[1:]:
        row = {}
        for col, value in zip(header, values):
            if value is None:
                continue
            name, _, kind = col.partition(":")
            if not name or kind.startswith(("ID", "START_ID", "END_ID")):
                row[col] = value
            elif kind == "string[]":
                row[name] = value.split(array_delimiter) if value else []
            elif kind == "boolean":
                row[name] = value == "true"
            elif kind == "long":
                row[name] = int(value)
            elif kind == "double":
                row[name] = float(value)
            else:
                assert kind == "string", col
                row[name] = value
        out.append(row)
    return out


def _records(text: str):
    """CSV records of *text*; an unquoted empty field comes back as None (an absent property),
    a quoted one as ''."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    fields_quoted = _quoted_flags(text)
    for record, flags in zip(reader, fields_quoted):
        yield [None if (v == "" and not q) else v for v, q in zip(record, flags)]


def _quoted_flags(text: str):
    """For each record of *text*, whether each field was quoted (the csv module does not say)."""
    i, n = 0, len(text)
    while i < n:
        flags, quoted = [], False
        while True:
            if i < n and text[i] == '"':
                quoted, i = True, i + 1
                while True:
                    j = text.index('"', i)
                    if j + 1 < n and text[j + 1] == '"':
                        i = j + 2
                        continue
                    i = j + 1
                    break
            else:
                while i < n and text[i] not in ",\n":
                    i += 1
            flags.append(quoted)
            quoted = False
            if i >= n or text[i] == "\n":
                i += 1
                break
            i += 1  # the comma
        yield flags


def _args(outdir: Path) -> list[str]:
    return (outdir / ARGS_FILE).read_text(encoding="utf-8").splitlines()


def test_bulk_files_read_back_as_the_store(tmp_path):
    store, _ = _embedded_graph(tmp_path)
    summary = write_neo4j_bulk(store, tmp_path / "out")
    out = tmp_path / "out"
    args = _args(out)
    # U+001F is in a name, so the next candidate separates array elements
    assert summary.array_delimiter == ARRAY_DELIMITERS[1] and "--array-delimiter=U+001E" in args
    # the loader folds line breaks in text into spaces: the fast single-line parsing is kept
    assert "--multiline-fields=true" not in args and "--legacy-style-quoting=false" in args
    listed = {a.split("=", 2)[-1] for a in args if a.startswith(("--nodes=", "--relationships="))}
    assert listed == {p.name for p in out.glob("*.csv")} == set(summary.files)

    def rows(prefix: str) -> list[dict]:
        return [r for p in sorted(out.glob(prefix + "*.csv")) for r in _read_table(p, summary.array_delimiter)]

    entities = {r["id:ID(Entity)"]: r for r in rows("nodes-entity-")}
    want = store.entity_rows()
    assert len(entities) == len(want) == summary.entities
    for e in want:
        got = entities[e["id"]]
        assert got["name"] == e["name"] and got.get("aliases", []) == e["aliases"] and got["declared"] == e["declared"]
        assert {k: v for k, v in got.items() if k not in ("id:ID(Entity)", "name", "aliases", "names_norm",
                                                           "declared", "partners")} == e["attrs"]
    # each entity's partners not ended, as the embedded store counts them for hubs
    counted = dict(store.db.execute("SELECT id, partners FROM partner_counts"))
    assert {i: r["partners"] for i, r in entities.items() if "partners" in r} == counted and len(counted) > 20
    names = {r["name"] for r in entities.values()}
    assert {"Quote \"Motors\"", "Comma, Cars Inc", "Semi;colon Auto", '"Only Quotes"'} <= names
    sources = {r["id:ID(Source)"]: {k: v for k, v in r.items() if k != "id:ID(Source)"} for r in rows("nodes-source")}
    assert sources == {s["id"]: {k: v for k, v in s.items() if k != "id" and v is not None}
                       for s in store.source_rows()}
    relations = {r["id:ID(Relation)"]: r for r in rows("nodes-relation-")}
    for r in store.relation_rows():
        got = relations[r["id"]]
        assert (got["predicate"], got["subject_id"], got["object_id"], got["sources"]) == (
            r["predicate"], r["subject_id"], r["object_id"], r["sources"])
        assert got.get("key_display") == r["key_display"]
        assert {k: v for k, v in got.items() if k in r["props"]} == r["props"]
    links = {(r[":START_ID(Source)"], r[":END_ID(Relation)"]): r for r in rows("rels-supports-")}
    want_links = store.link_rows()
    assert len(links) == len(want_links) == summary.links
    for link in want_links:
        got = links[(link["source"]["id"], link["relation_id"])]
        assert (got.get("quote"), got["confidence"], got["seq"]) == (link["quote"], link["confidence"], link["seq"])
        assert {k: v for k, v in got.items() if k in link["claims"]} == link["claims"]
    # stake_pct is an int in some claims and a float in others: one file per type
    assert {"rels-supports-INVESTS_IN.csv", "rels-supports-INVESTS_IN-2.csv"} <= set(summary.files)
    assert len(rows("rels-subject")) == len(rows("rels-object")) == len(relations) == summary.relations
    # one Name node per compared name, linked to every entity having it
    want_names = {(norm(n), e["id"]) for e in want for n in [e["name"], *e["aliases"]]}
    name_rows = [r["norm:ID(Name)"] for r in rows("nodes-name")]
    assert sorted(name_rows) == sorted({n for n, _ in want_names})
    assert {(r[":START_ID(Name)"], r[":END_ID(Entity)"]) for r in rows("rels-names")} == want_names
    assert len(rows("rels-names")) == len(want_names)
    meta = rows("nodes-meta")
    assert meta == [{"key:ID(AutokgMeta)": "seq", "value": max(link["seq"] for link in want_links) + 1},
                    {"key:ID(AutokgMeta)": statements.PARTNER_COUNTS_KEY, "value": 1}]
    store.close()


def test_line_breaks_in_stored_text_turn_multiline_parsing_on(tmp_path):
    """Rows written by other means than the loader may hold line breaks; the import then parses
    multi-line fields."""
    store = EmbeddedStore(tmp_path / "kg.db")
    with store.transaction() as w:
        w.put_entities([{"id": "company:x", "type": "Company", "name": "Two\nLines", "declared": True,
                         "aliases": [], "attrs": {"sector": "a\r\nb"}}])
    summary = write_neo4j_bulk(store, tmp_path / "out")
    assert summary.multiline and "--multiline-fields=true" in _args(tmp_path / "out")
    rows = _read_table(tmp_path / "out" / "nodes-entity-Company.csv", summary.array_delimiter)
    assert rows == [{"id:ID(Entity)": "company:x", "name": "Two\nLines", "names_norm": ["two lines"],
                     "declared": True, "sector": "a\r\nb"}]
    store.close()


def test_an_interrupted_export_leaves_no_import_arguments(tmp_path):
    """The rows stream to their files; a failure part way leaves neither the arguments file nor
    partial or older CSV files, so an import of that folder is refused instead of loading half."""
    store = EmbeddedStore(tmp_path / "kg.db")
    load_files(store, [str(p) for p in SEED])
    out = tmp_path / "out"
    write_neo4j_bulk(store, out)
    assert (out / ARGS_FILE).is_file()

    def failing_sources():
        raise OSError("disk full")

    store.source_rows = failing_sources  # sources are written after relations and entities
    with pytest.raises(OSError, match="disk full"):
        write_neo4j_bulk(store, out)
    assert sorted(p.name for p in out.iterdir()) == []
    del store.source_rows
    summary = write_neo4j_bulk(store, out)
    assert (out / ARGS_FILE).is_file() and sorted(summary.files) == sorted(p.name for p in out.glob("*.csv"))
    store.close()


def test_bulk_command_prints_the_import_commands(tmp_path):
    db = tmp_path / "kg.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["--store", str(db), "load", *map(str, SEED)]).exit_code == 0
    res = runner.invoke(cli, ["--store", str(db), "neo4j", "bulk", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    assert "scripts/neo4j-local import" in res.output and "neo4j-admin database import full" in res.output
    assert "docker compose" in res.output and "neo4j init" in res.output
    assert (tmp_path / "out" / ARGS_FILE).is_file()
    help_text = runner.invoke(cli, ["neo4j", "bulk", "--help"]).output
    assert "Community" in help_text and "no incremental import" in help_text


def _local_server_env(settings: dict) -> dict:
    """The environment of scripts/neo4j-local if it is the test server, else skip."""
    status = subprocess.run([str(SCRIPT), "env"], capture_output=True, text=True, timeout=120)
    if status.returncode != 0 or f"NEO4J_URI={settings['uri']}\n" not in status.stdout:
        pytest.skip("the bulk import needs the test server to be scripts/neo4j-local (it writes its files)")
    return dict(os.environ)


def test_bulk_import_gives_the_embedded_store_and_later_loads_merge(neo4j_settings, tmp_path):
    from autokg.graph.neo4j import Neo4jStore

    env = _local_server_env(neo4j_settings)
    emb, loads = _embedded_graph(tmp_path)
    write_neo4j_bulk(emb, tmp_path / "out")
    done = subprocess.run([str(SCRIPT), "import", str(tmp_path / "out")], capture_output=True, text=True,
                          timeout=1800, env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    assert f"export NEO4J_URI={neo4j_settings['uri']}" in done.stdout
    assert "IMPORT DONE" in done.stderr
    with Neo4jStore(**neo4j_settings) as neo:
        assert neo.read_cypher(statements.UNNAMED_ENTITIES) == [{"n": 0}]  # the import linked every name
        ensured = neo.init()
        assert_names_match_entities(neo)
        assert all(e["created"] for e in ensured)  # the import made none of them
        # the import brought the counts of partners (init did not compute them); init set the
        # lower-cased domains, which a bulk import leaves to Cypher
        assert neo.count_partners() is False and neo.lower_partner_keys() is False
        from test_aggregates import assert_derived_match
        assert assert_derived_match(neo) > 20
        assert snapshot(neo) == snapshot(emb)
        assert neo.read_cypher("MATCH (e:Entity) WHERE e.aliases IS NULL RETURN count(*) AS n") == [{"n": 0}]
        assert _assert_parity(neo, emb, 3) > 100
        hostile = run_preset(neo, "partners-of", company='Quote "Motors"')
        assert hostile and hostile == run_preset(emb, "partners-of", company='Quote "Motors"')

        # later loads merge into the imported graph as into the embedded store
        (tmp_path / "more").mkdir()
        more = [[str(p) for p in files] for files in random_fact_files(5, tmp_path / "more")]
        more.append([str(write_jsonl(tmp_path / "hostile2.jsonl", hostile_records(" II") + hostile_records()))])
        more.append(loads[0])  # the seed again: nothing new
        for files in more:
            assert load_files(emb, files).as_dict() == load_files(neo, files).as_dict()
        assert _assert_parity(neo, emb, 5) > 100
        assert_names_match_entities(neo)
        seqs = [r["seq"] for r in neo.link_rows()]
        assert len(seqs) == len(set(seqs))  # the record counter went on from the imported one
    emb.close()
