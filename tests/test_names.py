"""The exact-name index of the Neo4j store: one ``:Name {norm}`` node per compared name, unique,
linked to every entity that has it (``NAMES``).

The presets and the loader find entities through it (an index seek, never a scan of every
entity); loads keep it equal to the entities' names, through merges of entities; ``init``
migrates a database written before it (entities without ``:Name`` nodes and the full-text index
of compared names the lookups used before), idempotently.
"""

from __future__ import annotations

import re

import pytest

from _helpers import write_jsonl
from autokg.graph.model import schema
from autokg.graph.neo4j import Neo4jStore, statements
from autokg.graph.normalize import norm
from autokg.loaders import load_files
from autokg.queries import neo4j as cypher_presets
from autokg.queries.presets import PRESETS, run_preset
from test_parity import CURATED, SEED, random_fact_files

SCANS = {"NodeByLabelScan", "AllNodesScan", "NodeIndexScan", "DirectedRelationshipTypeScan",
         "UndirectedRelationshipTypeScan", "DirectedAllRelationshipsScan", "UndirectedAllRelationshipsScan"}


def name_links(store) -> set[tuple[str, str]]:
    """``(norm, entity id)`` of every NAMES link."""
    return {(r["norm"], r["id"]) for r in store.read_cypher(
        "MATCH (n:Name)-[:NAMES]->(e:Entity) RETURN n.norm AS norm, e.id AS id")}


def assert_names_match_entities(store) -> int:
    """The Name nodes and links are exactly the compared names of the entities; returns the
    number of links."""
    want = {(norm(n), e["id"]) for e in store.entity_rows() for n in [e["name"], *e["aliases"]]}
    assert name_links(store) == want
    names = store.read_cypher("MATCH (n:Name) RETURN n.norm AS norm, COUNT { (n)-[:NAMES]->() } AS links")
    assert all(r["links"] > 0 for r in names)  # no Name left without an entity
    assert len(names) == len({n for n, _ in want})  # one node per compared name
    assert store.read_cypher(statements.UNNAMED_ENTITIES) == [{"n": 0}]
    return len(want)


def operators(plan) -> list[tuple[str, str]]:
    """``(operator, details)`` of every operator of an EXPLAIN plan (``ResultSummary.plan``),
    root first."""
    out = [(plan["operatorType"].split("@")[0], plan.get("args", {}).get("Details", ""))]
    for child in plan.get("children", []):
        out += operators(child)
    return out


def explain(store, query: str, params: dict) -> list[tuple[str, str]]:
    with store.connection.session(read_only=True) as s:
        return operators(s.run("EXPLAIN " + query, params).consume().plan)


def entity_scans(ops: list[tuple[str, str]], variables=("node",)) -> list[tuple[str, str]]:
    """The scans among *ops* (every node of a label, or every entry of an index) that read
    names, or entities into one of *variables*: what a lookup by id or name must never do."""
    labels = (":Entity", *(f":{t}" for t in schema().entity_types))
    return [(op, d) for op, d in ops if op in SCANS and (
        op == "AllNodesScan" or ":Name" in d or any(f"{v}{x}" in d for v in variables for x in labels))]


ENTITY_PRESETS = sorted(name for name, p in PRESETS.items() if any(x.type == "entity" for x in p.params))


def test_every_preset_about_an_entity_is_listed():
    assert ENTITY_PRESETS == ["common-partners", "history", "meetings", "partners-of", "path", "people-of",
                              "sources", "timeline"]


@pytest.mark.parametrize("preset", ENTITY_PRESETS)
def test_presets_find_their_entities_by_index_seeks(neo4j_store, preset):
    load_files(neo4j_store, SEED)
    params = {p.name: ("renault" if p.type == "entity" else p.default) for p in PRESETS[preset].params}
    ops = explain(neo4j_store, cypher_presets.cypher(preset), params)
    lookups = re.findall(r"MATCH \((\w+):Entity \{id: \$", cypher_presets.cypher(preset))
    assert lookups and entity_scans(ops, lookups) == []
    # per entity parameter: the entity by id, and the Name by its compared form
    seeks = sorted(d for op, d in ops if op == "NodeUniqueIndexSeek")
    n = sum(p.type == "entity" for p in PRESETS[preset].params)
    assert len([d for d in seeks if ":Entity(id)" in d]) == len([d for d in seeks if ":Name(norm)" in d]) == n


def test_the_loader_finds_names_by_index_seeks(neo4j_store):
    neo4j_store.init()
    ops = explain(neo4j_store, statements.FIND_BY_NAME, {"norms": ["renault", "geely"]})
    assert entity_scans(ops) == []
    assert [d for op, d in ops if op == "NodeUniqueIndexSeek" and ":Name(norm)" in d]
    # the scan it replaces is one, as the check sees it
    assert entity_scans(explain(neo4j_store, statements.FIND_SCAN, {"norms": ["renault"]}))


def test_names_follow_loads_and_merges_of_entities(neo4j_store, tmp_path):
    load_files(neo4j_store, SEED + [str(CURATED / n) for n in ("entities.jsonl", "partnerships.jsonl")])
    assert assert_names_match_entities(neo4j_store) > 50
    renault = neo4j_store.lookup(norm("Gruppo Renault"))
    assert [e["name"] for e in renault] == ["Renault Group"]
    # an entity known only from facts, then declared under another name with the first as an
    # alias: the two are merged, one entity is deleted and its names move to the other
    f = write_jsonl(tmp_path / "fact.jsonl", [
        {"subject": "Beta Cars", "predicate": "PARTNERS_WITH", "object": "Gamma AG", "source": {"title": "t"}},
        {"subject": "Alpha Motors", "predicate": "PARTNERS_WITH", "object": "Gamma AG", "source": {"title": "t"}}])
    load_files(neo4j_store, [f])
    ids = [neo4j_store.lookup(n)[0]["id"] for n in ("alpha motors", "beta cars")]
    f = write_jsonl(tmp_path / "merge.jsonl", [
        {"entity": "Alpha Motors", "type": "Company", "aliases": ["Beta Cars", "ALPHA  motors"]}])
    load_files(neo4j_store, [f])
    assert len(neo4j_store.read_cypher("MATCH (e:Entity) WHERE e.id IN $ids RETURN e.id", {"ids": ids})) == 1
    assert_names_match_entities(neo4j_store)
    assert [e["name"] for e in neo4j_store.lookup("beta cars")] == ["Alpha Motors"]
    # two entities of different types sharing a name share its Name node
    f = write_jsonl(tmp_path / "homonym.jsonl", [{"entity": "Alpha Motors", "type": "Product"}])
    load_files(neo4j_store, [f])
    assert_names_match_entities(neo4j_store)
    assert sorted(e["type"] for e in neo4j_store.lookup("alpha motors")) == ["Company", "Product"]


@pytest.mark.parametrize("seed", [3, 11])
def test_names_follow_random_loads(neo4j_store, tmp_path, seed):
    for files in random_fact_files(seed, tmp_path):
        load_files(neo4j_store, [str(p) for p in files])
    assert assert_names_match_entities(neo4j_store) > 20


def _as_written_before_names(store) -> None:
    """Turn the database into what the store wrote before :Name nodes: the same entities,
    relations and sources, no Name node, no constraint on them, and the full-text index of
    compared names the lookups used then."""
    store.connection.run("MATCH (n:Name) DETACH DELETE n")
    store.connection.run(f"DROP CONSTRAINT {statements.NAME_CONSTRAINT} IF EXISTS")
    store.connection.run(f"CREATE FULLTEXT INDEX {statements.OLD_NORM_INDEX} IF NOT EXISTS FOR (n:Entity) "
                         "ON EACH [n.names_norm] OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}}")
    store.connection.run(statements.AWAIT_INDEXES)


def test_init_migrates_a_database_written_before_names(neo4j_store, neo4j_settings):
    load_files(neo4j_store, SEED + [str(CURATED / n) for n in ("entities.jsonl", "partnerships.jsonl")])
    want = name_links(neo4j_store)
    answers = {p: run_preset(neo4j_store, p, company="Gruppo Renault") for p in ("partners-of", "timeline")}
    _as_written_before_names(neo4j_store)
    n_entities = neo4j_store.stats()["entities"]
    with Neo4jStore(**neo4j_settings) as old:
        assert old.read_cypher(statements.UNNAMED_ENTITIES) == [{"n": n_entities}]
        # before the migration, lookups still find names (by a scan) and so do the presets
        assert [e["name"] for e in old.lookup("gruppo renault")] == ["Renault Group"]
        assert old.stored.name_index_online is False
        assert {p: run_preset(old, p, company="Gruppo Renault") for p in answers} == answers

    with Neo4jStore(**neo4j_settings) as store:
        ensured = {e["name"]: e["created"] for e in store.init()}
        assert ensured[statements.NAME_CONSTRAINT] is True
        assert statements.OLD_NORM_INDEX not in {r["name"] for r in store.read_cypher(statements.SHOW_INDEXES)}
        assert name_links(store) == want
        assert_names_match_entities(store)
        assert {p: run_preset(store, p, company="Gruppo Renault") for p in answers} == answers
        by_name = store.read_cypher(cypher_presets.cypher("partners-of"), {"company": "gruppo renault", "status": None, "as_of": None})
        assert len(by_name) == len(answers["partners-of"]) > 0
        before = store.read_cypher("MATCH (n) RETURN count(n) AS n")
        # idempotent: a second init and a reload change nothing
        assert not any(e["created"] for e in store.init())
        assert store.migrate_names() == 0
        load_files(store, SEED + [str(CURATED / n) for n in ("entities.jsonl", "partnerships.jsonl")])
        assert store.read_cypher("MATCH (n) RETURN count(n) AS n") == before
        assert name_links(store) == want


def test_an_interrupted_migration_is_completed(neo4j_store, neo4j_settings):
    load_files(neo4j_store, SEED)
    want = name_links(neo4j_store)
    _as_written_before_names(neo4j_store)
    # half of the entities were migrated when it stopped
    neo4j_store.connection.run(f"CREATE CONSTRAINT {statements.NAME_CONSTRAINT} FOR (n:Name) REQUIRE n.norm IS UNIQUE")
    neo4j_store.connection.run("MATCH (e:Entity) WITH e ORDER BY e.id LIMIT 5 "
                               "UNWIND e.names_norm AS norm MERGE (n:Name {norm: norm}) MERGE (n)-[:NAMES]->(e)")
    with Neo4jStore(**neo4j_settings) as store:
        assert store.migrate_names() == store.stats()["entities"] - 5
        assert name_links(store) == want
        assert_names_match_entities(store)
