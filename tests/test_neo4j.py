"""The Neo4j store against a real server: loads, idempotence, schema, faults, the CLI, the
saved Cypher queries."""

from __future__ import annotations

import json
import re
import shlex
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from _helpers import snapshot, write_jsonl

from autokg.cli import cli
from autokg.errors import StoreError, StoreUnavailable
from autokg.graph.model import schema
from autokg.graph.neo4j import Neo4jStore, lucene_term, statements
from autokg.graph.neo4j.buffer import WriteBuffer
from autokg.graph.neo4j.connection import Connection, redact
from autokg.graph.neo4j.sender import THREAD_NAME, Sender, Statement
from autokg.loaders import load_files
from autokg.queries import neo4j as cypher_presets
from autokg.queries.presets import PRESETS, run_preset

ROOT = Path(__file__).resolve().parent.parent
SEED = [str(p) for p in sorted((ROOT / "data" / "seed").glob("*.jsonl"))]
CURATED = [str(ROOT / "data" / "curated" / n) for n in ("entities.jsonl", "partnerships.jsonl")]
SRC = {"title": "A report", "publisher": "Example News", "published": "2024-05-01"}


def counts(store) -> dict:
    """Nodes by label and relationships by type, counted with Cypher."""
    nodes = {r["label"]: r["n"] for r in store.read_cypher(
        "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n")}
    rels = {r["type"]: r["n"] for r in store.read_cypher(
        "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n")}
    return {"nodes": nodes, "relationships": rels}


def cli_options(settings: dict, **override) -> list[str]:
    s = {**settings, **override}
    args = ["--neo4j-uri", s["uri"], "--neo4j-username", s["username"]]
    if s.get("password") is not None:
        args += ["--neo4j-password", s["password"]]
    if s.get("database"):
        args += ["--neo4j-database", s["database"]]
    return args


def invoke(*args):
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output
    # an expected error ends with a message and an exit code, never an uncaught exception
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


# ---- loading ------------------------------------------------------------------------------------

def test_seed_loads_and_reloads_without_change(neo4j_store, embedded_store):
    first = load_files(neo4j_store, SEED)
    assert first.ok, first.rejected
    d = first.as_dict()
    assert d["entities"] == {"new": 14, "updated": 0, "unchanged": 0}
    assert d["relations"] == {"new": 17, "updated": 0, "unchanged": 0}
    assert d["sources"] == {"new": 3, "updated": 0, "unchanged": 0}
    before = counts(neo4j_store)
    assert before["nodes"]["Entity"] == 14
    assert before["nodes"]["Relation"] == 17
    assert before["nodes"]["Source"] == 3
    assert before["relationships"]["SUPPORTS"] == 19
    assert before["relationships"]["SUBJECT"] == before["relationships"]["OBJECT"] == 17
    typed = sum(n for t, n in before["relationships"].items() if t in schema().predicates)
    assert typed == 17

    second = load_files(neo4j_store, SEED).as_dict()
    for kind in ("entities", "relations", "sources"):
        assert second[kind]["new"] == 0 and second[kind]["updated"] == 0, (kind, second[kind])
    assert second["relations"]["unchanged"] == 17
    assert counts(neo4j_store) == before

    # the same graph as the embedded store, row for row
    load_files(embedded_store, SEED)
    assert snapshot(neo4j_store) == snapshot(embedded_store)
    assert neo4j_store.stats() == embedded_store.stats()


def test_graph_model_is_readable(neo4j_store):
    load_files(neo4j_store, SEED)
    rows = neo4j_store.read_cypher(
        "MATCH (a:Company {name: 'Renault Group'})-[r:PARTNERS_WITH]-(b:Company {name: 'Geely'}) "
        "RETURN r.key_display AS domain, r.status AS status, r.sources AS sources")
    assert rows == [{"domain": "thermal and hybrid systems", "status": "active", "sources": 1}]
    rows = neo4j_store.read_cypher(
        "MATCH (s:Source)-[l:SUPPORTS]->(rel:Relation {predicate: 'WORKS_FOR'})-[:SUBJECT]->(p:Person {name: 'Lei Jun'}) "
        "RETURN s.publisher AS publisher, l.confidence AS confidence, l.quote AS quote")
    assert rows == [{"publisher": "XiaomiToday.it", "confidence": 1.0, "quote": "Lei Jun, CEO di Xiaomi"}]
    renault = neo4j_store.read_cypher("MATCH (e:Entity:Company {name: 'Renault Group'}) RETURN e")[0]["e"]
    assert renault["country"] == "FR"
    assert set(renault["aliases"]) == {"Renault", "Groupe Renault", "Gruppo Renault"}
    assert "gruppo renault" in renault["names_norm"]
    hits = neo4j_store.read_cypher(
        "CALL db.index.fulltext.queryNodes('entity_names', 'gruppo') YIELD node RETURN node.name AS name")
    assert hits == [{"name": "Renault Group"}]


def test_status_history_is_kept(neo4j_store, embedded_store, tmp_path):
    early = {"url": "https://news.example/a", "published": "2024-12-23"}
    late = {"url": "https://news.example/b", "published": "2025-02-13"}
    f1 = write_jsonl(tmp_path / "late.jsonl", [
        {"subject": "Nissan", "predicate": "PARTNERS_WITH", "object": "Honda", "domain": "merger",
         "status": "ended", "source": late}])
    f2 = write_jsonl(tmp_path / "early.jsonl", [
        {"subject": "Honda", "predicate": "partners_with", "object": "Nissan", "domain": "Merger",
         "status": "prospective", "source": early}])
    for store in (neo4j_store, embedded_store):
        load_files(store, [f1])
        load_files(store, [f2])
    rows = run_preset(neo4j_store, "history", a="Nissan", b="Honda")
    assert [(r["published"], r["status"]) for r in rows] == [("2024-12-23", "prospective"), ("2025-02-13", "ended")]
    assert run_preset(neo4j_store, "partners") == run_preset(embedded_store, "partners")
    assert run_preset(neo4j_store, "partners")[0]["status"] == "ended"
    assert snapshot(neo4j_store) == snapshot(embedded_store)


def test_alias_declared_in_a_later_load_merges(neo4j_store, embedded_store, tmp_path):
    facts = write_jsonl(tmp_path / "facts.jsonl", [
        {"subject": "Gruppo Renault", "predicate": "PARTNERS_WITH", "object": "Geely", "domain": "powertrains",
         "source": SRC},
        {"subject": "Renault Group", "predicate": "PARTNERS_WITH", "object": "Geely", "domain": "Powertrains",
         "status": "prospective", "source": {"url": "https://x.example/1", "published": "2023"}}])
    ents = write_jsonl(tmp_path / "ents.jsonl", [
        {"entity": "Renault Group", "type": "Company", "aliases": ["Gruppo Renault"], "country": "FR"}])
    for store in (neo4j_store, embedded_store):
        load_files(store, [facts])
        load_files(store, [ents])
    assert snapshot(neo4j_store) == snapshot(embedded_store)
    assert counts(neo4j_store)["nodes"]["Company"] == 2
    assert counts(neo4j_store)["relationships"]["PARTNERS_WITH"] == 1
    rows = run_preset(neo4j_store, "partners")
    assert [(r["company"], r["partner"], r["sources"]) for r in rows] == [("Geely", "Renault Group", 2)]


def test_large_file_commits_in_several_transactions(neo4j_settings, embedded_store, tmp_path):
    records = [{"subject": f"Maker {i}", "predicate": "SUPPLIES", "object": f"Buyer {i % 7}",
                "domain": f"part {i % 3}", "source": {"url": f"https://s.example/{i % 11}"}} for i in range(300)]
    path = write_jsonl(tmp_path / "many.jsonl", records)
    with Neo4jStore(**neo4j_settings, tx_rows=50) as store:
        store.delete_all()
        report = load_files(store, [path], batch_size=64)
        assert report.ok
        load_files(embedded_store, [path], batch_size=64)
        assert snapshot(store) == snapshot(embedded_store)
        assert load_files(store, [path]).as_dict()["relations"]["new"] == 0


@pytest.mark.parametrize("fail_at", [1, 4, 9])
def test_a_retried_transaction_runs_its_statements_again(neo4j_settings, embedded_store, tmp_path, monkeypatch,
                                                         fail_at):
    """A transient error in the middle of a transaction: the driver retries it, the sender runs
    every statement of that transaction again, and nothing is lost or duplicated."""
    import neo4j.exceptions

    records = [{"subject": f"Maker {i}", "predicate": "SUPPLIES", "object": f"Buyer {i % 7}",
                "domain": f"part {i % 3}", "source": {"url": f"https://s.example/{i % 11}"}} for i in range(300)]
    path = write_jsonl(tmp_path / "many.jsonl", records)
    original, calls = Sender.run_unit, []

    def run_unit(tx, unit):
        calls.append(len(unit))
        if len(calls) == fail_at:
            raise neo4j.exceptions.TransientError("injected: try again")
        return original(tx, unit)

    monkeypatch.setattr(Sender, "run_unit", staticmethod(run_unit))
    with Neo4jStore(**neo4j_settings, tx_rows=50) as store:
        store.delete_all()
        assert load_files(store, [path], batch_size=64).ok
        load_files(embedded_store, [path], batch_size=64)
        assert len(calls) > fail_at
        assert snapshot(store) == snapshot(embedded_store)
        assert counts(store)["nodes"]["Relation"] == 300


def test_a_load_failing_after_a_commit_leaves_the_record_counter_ahead_of_its_links(
        neo4j_settings, tmp_path, monkeypatch):
    """Claims are ordered by a record counter; a load that stops after some of its batches
    committed must not leave links numbered above the stored counter, or the next load would
    reuse those numbers."""
    records = [{"subject": f"Maker {i}", "predicate": "SUPPLIES", "object": f"Buyer {i % 7}",
                "domain": f"part {i % 3}", "source": {"url": f"https://s.example/{i % 11}"}} for i in range(300)]
    path = write_jsonl(tmp_path / "many.jsonl", records)
    original, calls = Sender.run_unit, []

    def run_unit(tx, unit):
        calls.append(len(unit))
        if len(calls) == 12:
            raise RuntimeError("injected: not retried")
        return original(tx, unit)

    monkeypatch.setattr(Sender, "run_unit", staticmethod(run_unit))
    with Neo4jStore(**neo4j_settings, tx_rows=50) as store:
        store.delete_all()
        with pytest.raises(RuntimeError):
            load_files(store, [path], batch_size=64)
        row = store.read_cypher("MATCH ()-[l:SUPPORTS]->() WITH max(l.seq) AS top, count(l) AS n "
                                "OPTIONAL MATCH (m:AutokgMeta {key: 'seq'}) RETURN top, n, m.value AS counter")[0]
        assert row["n"] > 0  # something was committed before the failure
        assert row["counter"] > row["top"]


def test_a_load_failing_at_its_end_stops_the_writer_thread(neo4j_settings, tmp_path, monkeypatch):
    """An error while the last batch is sent rolls back the open transaction and ends the
    sending thread, rather than leaving it waiting with its locks held."""
    import threading

    path = write_jsonl(tmp_path / "few.jsonl", [
        {"subject": f"Maker {i}", "predicate": "SUPPLIES", "object": "Buyer", "source": SRC} for i in range(20)])
    original, calls = WriteBuffer.take_units, []

    def units(self):
        calls.append(1)
        if len(calls) == 4:
            raise KeyError("injected")
        return original(self)

    monkeypatch.setattr(WriteBuffer, "take_units", units)
    with Neo4jStore(**neo4j_settings) as store:
        store.delete_all()
        with pytest.raises(KeyError):
            load_files(store, [path], batch_size=8)  # batches of 8, 8 and 4, then the last send fails
        assert not [t for t in threading.enumerate() if t.name == THREAD_NAME]
        assert counts(store)["nodes"].get("Relation", 0) == 0  # nothing was committed


# ---- the parts of the store, each through its own interface ------------------------------------

def test_connection_reads_writes_and_translates_errors(neo4j_settings, neo4j_store):
    conn = Connection(**neo4j_settings)
    try:
        conn.write([Statement("CREATE (:Source {id: $id})", {"id": "s1"}, 1)])
        assert [r["id"] for r in conn.read("MATCH (s:Source) RETURN s.id AS id")] == ["s1"]
        with pytest.raises(StoreError) as syntax:
            conn.read("MATCH (n RETURN n")
        assert str(syntax.value).startswith(f"Neo4j at {conn.location}: ") and "\n" not in str(syntax.value)
        with pytest.raises(StoreError):
            conn.read("CREATE (:Source {id: 'x'})")  # reads run in read transactions
        conn.run("MATCH (s:Source) CALL (s) { DETACH DELETE s } IN TRANSACTIONS")
        assert conn.read(statements.COUNT_SOURCES)[0]["n"] == 0
    finally:
        conn.close()
    assert redact("bolt://neo4j:hunter22@db.example:7687/x") == "bolt://db.example:7687/x"


def _source_unit(i: int) -> list[Statement]:
    return [Statement("CREATE (:Source {id: $id})", {"id": f"s{i}"}, 1)]


class _Recording(Sender):
    """A sender that keeps each driver transaction it ran a unit in."""

    ran: list = []

    @staticmethod
    def run_unit(tx, unit):
        _Recording.ran.append((tx, unit))
        return Sender.run_unit(tx, unit)


def test_sender_commits_every_tx_rows_and_at_finish(neo4j_store):
    _Recording.ran = []
    sender = _Recording(neo4j_store.connection, tx_rows=2)
    for i in range(5):
        sender.put(_source_unit(i))
    sender.finish()
    txs: list = []
    for tx, _ in _Recording.ran:
        if tx not in txs:
            txs.append(tx)
    assert [sum(1 for t, _ in _Recording.ran if t is tx) for tx in txs] == [2, 2, 1]
    assert neo4j_store.stats()["sources"] == 5


def test_sender_abort_discards_the_open_transaction(neo4j_store):
    import threading

    sender = Sender(neo4j_store.connection, tx_rows=100)
    for i in range(3):
        sender.put(_source_unit(i))
    sender.abort()
    assert not [t for t in threading.enumerate() if t.name == THREAD_NAME]
    assert neo4j_store.stats()["sources"] == 0


def test_sender_raises_the_first_failure_then_refuses_more(neo4j_store):
    sender = Sender(neo4j_store.connection, tx_rows=100)
    sender.put(_source_unit(1))
    sender.put([Statement("CREATE (:Source {id: $id)", {"id": "bad"}, 1)])
    with pytest.raises(StoreError, match=r"\[Neo\.ClientError\.Statement\.SyntaxError\]"):
        sender.finish()
    with pytest.raises(StoreError, match="stopped after an earlier error"):
        sender.put(_source_unit(2))
    assert neo4j_store.stats()["sources"] == 0


def test_write_buffer_reads_its_writes_and_turns_them_into_units(neo4j_store):
    from autokg.graph.normalize import norm

    buffer = WriteBuffer(neo4j_store.stored, Sender(neo4j_store.connection, neo4j_store.tx_rows), stream=False)
    acme = {"id": "e:acme", "type": "Company", "name": "Acme", "declared": True, "aliases": ["ACME Corp"],
            "attrs": {"country": "DE"}}
    zeta = {"id": "e:zeta", "type": "Company", "name": "Zeta", "declared": False, "aliases": [], "attrs": {}}
    rel = {"id": "r:1", "predicate": "PARTNERS_WITH", "subject_id": "e:acme", "object_id": "e:zeta", "key": "",
           "key_display": None, "props": {"status": "active"}}

    def link(source_id, seq):
        return {"relation_id": "r:1", "source_id": source_id, "quote": None, "confidence": 0.9, "seq": seq,
                "claims": {"status": "active"}}

    assert buffer.get_relations(["r:1"]) == {}  # read and found absent: it will be created
    buffer.put_entities([acme, zeta])
    buffer.put_sources([{"id": "s:1", "url": "https://a.example"}, {"id": "s:2", "url": "https://b.example"}])
    buffer.put_relations([rel])
    buffer.put_links([link("s:1", 1)])
    buffer.flush()  # not streaming: nothing is sent
    assert buffer.find_entities([norm("acme corp")]) == {norm("acme corp"): [acme]}
    assert buffer.get_relations(["r:1"])["r:1"]["links"] == {"s:1": link("s:1", 1)}
    assert buffer.relation_ids_citing("s:1") == ["r:1"]
    assert neo4j_store.stats()["entities"] == 0

    first = buffer.take_units()
    assert [[s.query for s in unit] for unit in first] == [
        [statements.write_entities("Company")], [statements.WRITE_SOURCES],
        [statements.create_relations("PARTNERS_WITH"), statements.RECOUNT_PARTNERS]]
    assert first[2][0].params["rows"][0]["sources"] == 1 and first[2][0].rows == 2  # the relation and its link
    # the partners of both ends are recounted (the sender defers that to the end of the transaction)
    assert first[2][1].params == {"ids": ["e:acme", "e:zeta"]} and first[2][1].rows == 0
    assert buffer.take_units() == []  # taking forgets

    buffer.put_links([link("s:2", 2)])  # a created relation changes again: merged, counted here
    second = buffer.take_units()
    assert [[s.query for s in unit] for unit in second] == [[statements.WRITE_LINKS, statements.SET_SOURCE_COUNTS]]
    assert second[0][1].params["rows"] == [{"id": "r:1", "n": 2}]

    buffer.delete_relations(["r:1"])
    buffer.delete_entities(["e:zeta"])
    third = buffer.take_units()
    assert [[s.query for s in unit] for unit in third] == [[statements.DELETE_RELATIONS, statements.RECOUNT_PARTNERS],
                                                           [statements.DELETE_ENTITIES]]
    assert third[0][1].params == {"ids": ["e:acme", "e:zeta"]}
    assert buffer.get_relations(["r:1"]) == {} and buffer.find_entities(["zeta"]) == {}

    for unit in first + second:
        buffer.sender.put(unit)
    buffer.finish()  # nothing new to send: commits what was put
    [row] = neo4j_store.relation_rows()
    assert (row["id"], row["sources"], row["props"]) == ("r:1", 2, {"status": "active"})
    assert [e["name"] for e in neo4j_store.lookup(norm("ACME Corp"))] == ["Acme"]
    # the deferred recount ran once, before the commit
    assert neo4j_store.read_cypher("MATCH (e:Entity) RETURN e.id AS id, e.partners AS n ORDER BY id") == [
        {"id": "e:acme", "n": 1}, {"id": "e:zeta", "n": 1}]


# ---- strict mode, dry runs, parameters ------------------------------------------------------

def _bad_file(tmp_path) -> str:
    return str(write_jsonl(tmp_path / "bad.jsonl", [
        {"entity": "Stellantis", "type": "Company", "country": "NL"},
        {"subject": "Stellantis", "predicate": "PARTNERS_WITH", "object": "Leapmotor", "domain": "EVs", "source": SRC},
        {"subject": "Stellantis", "predicate": "ACQUIRED_BY", "object": "Leapmotor", "source": SRC},
    ]))


def test_strict_mode_writes_nothing_for_a_bad_file(neo4j_store, tmp_path):
    bad = _bad_file(tmp_path)
    report = load_files(neo4j_store, [bad], strict=True)
    assert report.files_not_loaded == [bad]
    assert [r.where for r in report.rejected] == [f"{bad}:3"]
    assert counts(neo4j_store) == {"nodes": {}, "relationships": {}}

    load_files(neo4j_store, SEED)
    before, snap = counts(neo4j_store), snapshot(neo4j_store)
    report = load_files(neo4j_store, [bad, *SEED], strict=True)
    assert report.files_not_loaded == [bad]
    assert counts(neo4j_store) == before
    assert snapshot(neo4j_store) == snap


def test_dry_run_writes_nothing(neo4j_store, tmp_path):
    report = load_files(neo4j_store, SEED, dry_run=True)
    assert report.as_dict()["relations"]["new"] == 17
    assert counts(neo4j_store) == {"nodes": {}, "relationships": {}}


def test_the_first_load_into_an_empty_database_marks_its_derived_values(neo4j_store, neo4j_settings, tmp_path):
    """init leaves an empty database unmarked, and a refused --strict load or a dry run still
    writes nothing; the first load that commits writes the marks of the values its writes keep
    (partner counts, lower-cased domains, pairs of countries), so that the next store's init
    computes nothing and a reload changes nothing."""
    keys = sorted([statements.PARTNER_COUNTS_KEY, statements.PARTNER_KEYS_KEY, statements.PARTNER_COUNTRIES_KEY])
    marks = "MATCH (m:AutokgMeta) WHERE m.key IN $keys RETURN m.key AS key ORDER BY key"
    bad = _bad_file(tmp_path)
    assert load_files(neo4j_store, [bad], strict=True).files_not_loaded == [bad]
    load_files(neo4j_store, SEED, dry_run=True)
    assert counts(neo4j_store) == {"nodes": {}, "relationships": {}}
    load_files(neo4j_store, SEED)
    assert [r["key"] for r in neo4j_store.read_cypher(marks, {"keys": keys})] == keys
    before, snap = counts(neo4j_store), snapshot(neo4j_store)
    with Neo4jStore(**neo4j_settings) as store:
        assert not (store.count_partners() or store.lower_partner_keys() or store.pair_partner_countries())
        load_files(store, SEED)  # its first transaction runs init
        assert counts(store) == before
        assert snapshot(store) == snap


def test_a_dry_run_of_several_files_reports_as_the_embedded_store(neo4j_store, embedded_store, tmp_path):
    """A dry run is one transaction with a new merge engine per file: the later file finds the
    entities and sources of the earlier one only in the write buffer."""
    first = write_jsonl(tmp_path / "first.jsonl", [
        {"entity": "Renault Group", "type": "Company", "aliases": ["Gruppo Renault"]},
        {"subject": "Renault Group", "predicate": "PARTNERS_WITH", "object": "Geely", "domain": "engines",
         "source": SRC}])
    second = write_jsonl(tmp_path / "second.jsonl", [
        {"subject": "Gruppo Renault", "predicate": "PARTNERS_WITH", "object": "Geely", "domain": "Engines",
         "source": SRC}])
    reports = [load_files(store, [first, second], dry_run=True).as_dict() for store in (neo4j_store, embedded_store)]
    assert reports[0] == reports[1]
    assert reports[0]["entities"]["new"] == 2 and reports[0]["relations"] == {"new": 1, "updated": 0, "unchanged": 0}
    assert reports[0]["sources"] == {"new": 1, "updated": 0, "unchanged": 0}
    assert load_files(neo4j_store, SEED, dry_run=True).as_dict() == load_files(embedded_store, SEED, dry_run=True).as_dict()
    assert counts(neo4j_store) == {"nodes": {}, "relationships": {}}


@pytest.mark.parametrize("name", [
    "Evil'}) DETACH DELETE n //",
    'Quote " and `backtick` $param {x: 1}',
    "MATCH (n) DETACH DELETE n",
    "a+b (c) [d] ~e* f? g:h \\ i/j ^k !l &&m ||n",
])
def test_values_travel_as_parameters(neo4j_store, embedded_store, tmp_path, name):
    path = write_jsonl(tmp_path / "odd.jsonl", [
        {"entity": name, "type": "Company", "aliases": [name + " alias"], "sector": "x'} RETURN 1 //"},
        {"subject": name, "predicate": "PARTNERS_WITH", "object": "Geely", "domain": "d'} DELETE n",
         "source": {"title": name, "publisher": "p\" //", "quote": "q'; MATCH (n) DETACH DELETE n"}},
    ])
    assert load_files(neo4j_store, SEED).ok
    report = load_files(neo4j_store, [path])
    assert report.ok, report.rejected
    found = neo4j_store.read_cypher("MATCH (e:Company {name: $name}) RETURN e.sector AS sector", {"name": name})
    assert found == [{"sector": "x'} RETURN 1 //"}]
    assert counts(neo4j_store)["nodes"]["Entity"] == 15
    rows = run_preset(neo4j_store, "partners-of", company=name + " ALIAS")
    assert [(r["partner"], r["domain"]) for r in rows] == [("Geely", "d'} DELETE n")]
    load_files(embedded_store, SEED + [path])
    assert snapshot(neo4j_store) == snapshot(embedded_store)


def test_unusual_names_are_found_through_the_name_index(neo4j_store):
    from autokg.graph.normalize import norm
    from autokg.loaders import load_records

    names = ["x" * 300 + " long", "Ünïcödé 汽车 Co", "a AND b", "OR", "NOT", "*", '"quoted"', "back\\slash",
             "tab\tname", "ﬁat ligature", "Fiat Ligature 2"]
    report = load_records(neo4j_store, [{"entity": n, "type": "Company"} for n in names])
    assert report.as_dict()["entities"]["new"] == len(names)
    for n in names:
        assert [e["name"] for e in neo4j_store.lookup(norm(n))] == [" ".join(n.split())]
    assert [e["name"] for e in neo4j_store.lookup(norm("FIAT   LIGATURE"))] == ["ﬁat ligature"]
    assert neo4j_store.lookup(norm("a")) == [] and neo4j_store.lookup("") == []


def test_labels_and_types_come_only_from_the_schema():
    with pytest.raises(StoreError):
        statements.reltype("PARTNERS_WITH]->() DETACH DELETE n //")
    with pytest.raises(StoreError):
        statements.label("Company:Evil")
    assert statements.label("Company") == "`Company`"
    assert lucene_term('a "b" c') == 'a\\ \\"b\\"\\ c'


# ---- the CLI ----------------------------------------------------------------------------------

def test_neo4j_init_twice(neo4j_settings, neo4j_store):
    opts = cli_options(neo4j_settings)
    first = invoke(*opts, "neo4j", "init")
    assert first.exit_code == 0, first.output
    second = invoke(*opts, "neo4j", "init")
    assert second.exit_code == 0, second.output
    assert second.output.strip().splitlines()[-1].endswith(", 0 created")
    for name in ("entity_id", "company_id", "person_id", "relation_id", "source_id"):
        assert f"constraint {name}: exists" in second.output
    assert "fulltext index entity_names: exists" in second.output
    constraints = {r["name"] for r in neo4j_store.read_cypher("SHOW CONSTRAINTS YIELD name RETURN name")}
    assert {"entity_id", "company_id", "product_id", "event_id", "source_id", "relation_id"} <= constraints
    indexes = neo4j_store.read_cypher("SHOW INDEXES YIELD name, type, state RETURN name, type, state")
    by_name = {r["name"]: r for r in indexes}
    assert by_name["entity_names"]["type"] == "FULLTEXT" and by_name["entity_names"]["state"] == "ONLINE"
    assert invoke(*opts, "neo4j", "init").output == second.output
    if neo4j_settings["password"]:
        assert neo4j_settings["password"] not in first.output + second.output


def test_unreachable_server_is_one_line_and_quick():
    started = time.monotonic()
    result = invoke("--backend", "neo4j", "--neo4j-uri", "bolt://127.0.0.1:1", "--neo4j-password", "s3cret-pw",
                    "query", "partners")
    elapsed = time.monotonic() - started
    assert elapsed < 10, elapsed
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert "bolt://127.0.0.1:1" in lines[0] and "s3cret-pw" not in lines[0]
    assert lines[0].startswith("Error: cannot reach Neo4j")


def test_unreachable_server_init_and_load(tmp_path):
    for args in (["neo4j", "init"], ["load", *SEED]):
        result = invoke("--backend", "neo4j", "--neo4j-uri", "neo4j://127.0.0.1:1", *args)
        assert result.exit_code == 1
        assert len(result.output.strip().splitlines()) == 1, result.output
        assert "neo4j://127.0.0.1:1" in result.output


def test_bad_uri_and_credentials_in_uri_are_one_line():
    for uri in ("http://127.0.0.1:7474", "bolt://neo4j:hunter22@127.0.0.1:7687"):
        result = invoke("--backend", "neo4j", "--neo4j-uri", uri, "stats")
        assert result.exit_code == 1
        assert len(result.output.strip().splitlines()) == 1, result.output
        assert "hunter22" not in result.output


def test_wrong_password_is_one_line(neo4j_settings):
    wrong = "wrong-" + (neo4j_settings["password"] or "password")[:4] + "-x"
    result = invoke("--backend", "neo4j", *cli_options(neo4j_settings, password=wrong), "stats")
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert "refused the credentials" in lines[0] and wrong not in lines[0]
    with pytest.raises(StoreUnavailable):
        Neo4jStore(**{**neo4j_settings, "database": "no-such-database"})


def test_query_partners_through_the_cli(neo4j_settings, neo4j_store, embedded_store):
    load_files(neo4j_store, SEED)
    load_files(embedded_store, SEED)
    result = invoke("--backend", "neo4j", *cli_options(neo4j_settings), "query", "partners", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows == run_preset(embedded_store, "partners")
    assert [(r["company"], r["partner"], r["status"]) for r in rows][:2] == [
        ("Dongfeng", "Renault Group", "active"), ("Geely", "Renault Group", "active")]
    result = invoke("--backend", "neo4j", *cli_options(neo4j_settings), "query", "partners-of",
                    "--company", "Gruppo Renault", "--format", "json")
    assert json.loads(result.output) == run_preset(embedded_store, "partners-of", company="Gruppo Renault")
    result = invoke("--backend", "neo4j", *cli_options(neo4j_settings), "query", "partners-of", "--company", "Renalt")
    assert result.exit_code == 1 and "did you mean" in result.output


def test_load_and_stats_through_the_cli(neo4j_settings, neo4j_store, embedded_store):
    result = invoke("--backend", "neo4j", *cli_options(neo4j_settings), "load", *SEED)
    assert result.exit_code == 0, result.output
    assert "relations:     17 new" in result.output
    result = invoke("--backend", "neo4j", *cli_options(neo4j_settings), "stats", "--format", "json")
    load_files(embedded_store, SEED)
    assert {r["what"]: r["count"] for r in json.loads(result.output)} == embedded_store.stats()


# ---- the saved queries ----------------------------------------------------------------------

WRITE_CLAUSES = re.compile(r"\b(CREATE|MERGE|SET|DELETE|REMOVE|DETACH|FOREACH|LOAD\s+CSV|IN\s+TRANSACTIONS)\b", re.I)


@pytest.mark.parametrize("name", list(PRESETS))
def test_cypher_file_holds_only_the_statement_and_browser_params(name):
    """PRESETS is the one place for a preset's metadata; the file holds its statement."""
    preset = PRESETS[name]
    text = cypher_presets.cypher(name)
    assert set(cypher_presets.header(name)) == {"browser"}
    used = set(re.findall(r"\$([A-Za-z_]\w*)", text))
    assert used == {p.name for p in preset.params}
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    assert not WRITE_CLAUSES.search(body), name
    assert ";" not in re.sub(r"'[^']*'", "''", body)  # one statement, runnable as-is in Neo4j Browser


def test_each_cypher_file_returns_exactly_the_preset_columns(neo4j_store):
    """Asked of the server: the keys of each statement's rows, in order, for the preset's example
    (run as Browser would run it, with names as parameters) on the seed and curated data."""
    load_files(neo4j_store, [*SEED, *CURATED])
    for name, preset in PRESETS.items():
        args = shlex.split(preset.example)[3:]
        given = {a[2:].replace("-", "_"): v for a, v in zip(args[::2], args[1::2])}
        params = {p.name: given.get(p.name, p.default) for p in preset.params}
        params.update({p.name: int(params[p.name]) for p in preset.params if p.type == "int"})
        rows = neo4j_store.read_cypher(cypher_presets.cypher(name), params)
        assert rows, name
        assert [list(r) for r in rows] == [list(preset.columns)] * len(rows), name


def test_cypher_statuses_follow_the_schema():
    text = cypher_presets.cypher("partners-of")
    order = re.findall(r"WHEN '(\w+)' THEN (\d)", text)
    assert [s for s, _ in sorted(order, key=lambda x: int(x[1]))] == list(schema().statuses)


def test_queries_accept_names_as_browser_users_give_them(neo4j_store):
    load_files(neo4j_store, SEED)
    by_id = run_preset(neo4j_store, "partners-of", company="Renault")
    by_name = [{c: r[c] for c in PRESETS["partners-of"].columns}
               for r in neo4j_store.read_cypher(cypher_presets.cypher("partners-of"),
                                                {"company": "Gruppo Renault", "status": None, "as_of": None})]
    assert by_name == by_id and len(by_id) == 6
    meetings = neo4j_store.read_cypher(cypher_presets.cypher("meetings"), {"person": "luca de meo", "as_of": None})
    assert {r["met_with"] for r in meetings} >= {"Lei Jun", "Li Xiang"}


def test_queries_run_in_read_transactions(neo4j_store):
    with pytest.raises(StoreError):
        neo4j_store.read_cypher("CREATE (:Entity {id: 'x'})")
    assert counts(neo4j_store)["nodes"] == {}


# ---- faults -------------------------------------------------------------------------------------

def _local_server(settings: dict):
    """The scripts/neo4j-local command that runs the test server, or skip if it runs elsewhere."""
    import subprocess

    script = ROOT / "scripts" / "neo4j-local"
    if script.exists():
        out = subprocess.run([str(script), "env"], capture_output=True, text=True, cwd=ROOT).stdout
        if f"export NEO4J_URI={settings['uri']}\n" in out:
            return script
    pytest.skip("the test server was not started by scripts/neo4j-local, so it cannot be restarted here")


@pytest.mark.slow
def test_server_restart_mid_load_converges(neo4j_settings, embedded_store, tmp_path, monkeypatch):
    import subprocess
    import threading

    script = _local_server(neo4j_settings)
    records = [{"subject": f"Maker {i % 150}", "predicate": "PARTNERS_WITH", "object": f"Partner {i % 97}",
                "domain": f"domain {i % 13}", "status": ["active", "prospective", "ended"][i % 3],
                "source": {"url": f"https://news.example/{i % 400}", "published": f"20{10 + i % 15}"}}
               for i in range(2000)]
    path = write_jsonl(tmp_path / "facts.jsonl", records)
    store = Neo4jStore(**neo4j_settings, tx_rows=200)
    store.delete_all()
    original, calls, restarted = Sender.run_unit, [], threading.Event()

    def restart():
        subprocess.run([str(script), "stop"], capture_output=True, cwd=ROOT, timeout=300)
        restarted.set()  # down now: the statements that follow meet a stopped server
        subprocess.run([str(script), "start"], capture_output=True, cwd=ROOT, timeout=600)

    restarter = threading.Thread(target=restart, daemon=True)

    def run_unit(tx, unit):
        calls.append(len(unit))
        if len(calls) == 3:
            restarter.start()
            restarted.wait(300)
        return original(tx, unit)

    monkeypatch.setattr(Sender, "run_unit", staticmethod(run_unit))
    try:
        report = load_files(store, [path], batch_size=100)
        assert report.ok and len(calls) > 3  # the load went on after the restart
    except StoreUnavailable as exc:  # allowed: a clear message, and a rerun converges
        # (each retried transaction first checks the load's lease, which fails while the
        # server is down, so the units may not have run again)
        assert "cannot reach Neo4j" in str(exc) and len(calls) >= 3
    finally:
        store.close()
    assert restarted.is_set()  # the restart happened mid-load
    restarter.join(600)  # the server is back before the rerun
    with Neo4jStore(**neo4j_settings) as again:
        load_files(again, [path])
        load_files(embedded_store, [path])
        assert snapshot(again) == snapshot(embedded_store)
        assert counts(again)["nodes"]["Relation"] == embedded_store.stats()["relations"]
