"""The whole-graph presets on the Neo4j store start from indexes, not from every relation.

Without a date, ``hubs`` reads the top of the range index on each entity's count of partners not
ended (``Entity.partners``, kept by the store), ``cross-border`` starts from the entities of a
country, or from the pair of countries kept on each partnership (``PARTNERS_WITH.country_pair``)
when given two (with the status too when one is given), ``prospective --since`` from the sources published since the date, ``by-domain`` and
``partners --domain`` from the text index on the lower-cased domain of partnerships
(``PARTNERS_WITH.key_lower``), ``partners --status`` from the index on their status. The
``--as-of`` branch of each query still resolves every relation, and must not run without a date.

The counts, lower-cased domains and pairs of countries follow loads (a company's country that
changes too), entity merges and their undo; a bulk import brings the counts; ``init`` computes
them for a database written before them, once.
"""

from __future__ import annotations

import pytest

from _helpers import write_jsonl
from autokg.graph.neo4j import Neo4jStore, statements
from autokg.loaders import load_files
from autokg.queries import neo4j as cypher_presets
from autokg.queries.presets import PRESETS, run_preset
from test_parity import CURATED, SEED, _assert_parity, _load_both, random_fact_files

# every operator that reads all nodes of a label or all relationships of a type
SCANS = {"NodeByLabelScan", "AllNodesScan", "DirectedRelationshipTypeScan", "UndirectedRelationshipTypeScan",
         "DirectedAllRelationshipsScan", "UndirectedAllRelationshipsScan"}
AGGREGATES = ("hubs", "cross-border", "prospective", "by-domain", "partners")

# (preset, parameters, the operator and index it must start from)
STARTS = [
    ("hubs", {}, "NodeIndexSeekByRange", "c:Entity(partners)"),
    ("hubs", {"limit": 3}, "NodeIndexSeekByRange", "c:Entity(partners)"),
    ("cross-border", {"country_a": "FR"}, "NodeIndexSeek", "x:Entity(country)"),
    ("cross-border", {"country_b": "CN", "status": "active"}, "NodeIndexSeek", "x:Entity(country)"),
    ("cross-border", {"country_a": "FR", "country_b": "CN"}, "DirectedRelationshipIndexSeek",
     "PARTNERS_WITH(country_pair)"),
    ("cross-border", {"country_a": "CN", "country_b": "FR", "status": "active"}, "DirectedRelationshipIndexSeek",
     "PARTNERS_WITH(country_pair, status)"),
    ("prospective", {}, "NodeIndexSeek", "rel:Relation(status)"),
    ("prospective", {"since": "2024-06"}, "NodeIndexSeekByRange", "s:Source(published)"),
    ("by-domain", {"domain": "Batt"}, "DirectedRelationshipIndexContainsScan", "PARTNERS_WITH(key_lower)"),
    ("partners", {"domain": "bat", "status": "active"}, "DirectedRelationshipIndexContainsScan",
     "PARTNERS_WITH(key_lower)"),
    ("partners", {"status": "prospective"}, "DirectedRelationshipIndexSeek", "PARTNERS_WITH(status)"),
]


def operators(plan) -> list[tuple[str, str, int, int]]:
    """``(operator, details, rows, db hits)`` of every operator of a PROFILE plan, root first."""
    out = [(plan["operatorType"].split("@")[0], plan.get("args", {}).get("Details", ""),
            plan.get("rows", 0), plan.get("dbHits", 0))]
    for child in plan.get("children", []):
        out += operators(child)
    return out


def profile(store, preset: str, params: dict) -> tuple[list[dict], list[tuple[str, str, int, int]]]:
    values = {p.name: params.get(p.name, p.default) for p in PRESETS[preset].params}
    with store.connection.session(read_only=True) as s:
        result = s.run("PROFILE " + cypher_presets.cypher(preset), values)
        rows = [r.data() for r in result]
        return rows, operators(result.consume().profile)


def expected_partner_counts(store) -> dict[str, int]:
    """Each entity's partners not ended, from the relation rows (as the embedded store counts)."""
    adjacent: dict[str, set[str]] = {}
    for r in store.relation_rows("PARTNERS_WITH"):
        if r["props"].get("status") != "ended":
            adjacent.setdefault(r["subject_id"], set()).add(r["object_id"])
            adjacent.setdefault(r["object_id"], set()).add(r["subject_id"])
    return {i: len(ps) for i, ps in adjacent.items()}


def stored_partner_counts(store) -> dict[str, int]:
    return {r["id"]: r["n"] for r in store.read_cypher(
        "MATCH (e:Entity) WHERE e.partners IS NOT NULL RETURN e.id AS id, e.partners AS n")}


def assert_derived_match(store) -> int:
    """The partner counts and lower-cased domains are those of the stored relations; returns
    the number of entities with partners."""
    want = expected_partner_counts(store)
    assert stored_partner_counts(store) == want
    wrong = store.read_cypher("MATCH ()-[t:PARTNERS_WITH]->() WHERE t.key_lower IS NULL <> t.key_display IS NULL "
                              "OR t.key_lower <> toLower(t.key_display) RETURN count(t) AS n")
    assert wrong == [{"n": 0}]
    ends = store.read_cypher("MATCH (s:Entity)-[t:PARTNERS_WITH]->(o:Entity) "
                             "RETURN s.country AS a, o.country AS b, t.country_pair AS pair")
    assert [e["pair"] for e in ends] == [
        "-".join(sorted((e["a"], e["b"]))) if e["a"] and e["b"] and e["a"] != e["b"] else None for e in ends]
    return len(want)


def test_every_aggregate_is_covered():
    assert {p for p, *_ in STARTS} == set(AGGREGATES)
    assert all(any(p.name == "as_of" for p in PRESETS[name].params) for name in AGGREGATES)


@pytest.mark.parametrize("preset,params,start,index", STARTS,
                         ids=[f"{p}-{'-'.join(sorted(a)) or 'none'}" for p, a, *_ in STARTS])
def test_aggregates_without_a_date_start_from_an_index_and_scan_nothing(neo4j_store, preset, params, start, index):
    load_files(neo4j_store, SEED + [str(CURATED / n) for n in ("entities.jsonl", "partnerships.jsonl")])
    rows, ops = profile(neo4j_store, preset, params)
    assert rows, "the case must have an answer, or it checks nothing"
    assert rows == run_preset(neo4j_store, preset, **params)
    # the branch of the date (which resolves every relation) and the other branches did not
    # run: every operator that reads all entities or all partnerships read nothing
    scans = [op for op in ops if op[0] in SCANS]
    assert all(rows == hits == 0 for _, _, rows, hits in scans), scans
    assert _date_branch(ops) == 0
    started = [op for op in ops if op[0] == start and index in op[1]]
    assert started and started[0][2] > 0, [op[:2] for op in ops]
    # as of a date, the same statement runs that branch, and it resolves every partnership
    _, dated = profile(neo4j_store, preset, {**params, "as_of": "2031"})
    assert _date_branch(dated) == 1
    assert sum(hits for *_, hits in dated) > sum(hits for *_, hits in ops)


def _date_branch(ops) -> int:
    """The rows that entered the branch of the date (its guard ``as_of IS NOT NULL``)."""
    guards = [rows for op, details, rows, _ in ops if op == "Filter" and details == "as_of IS NOT NULL"]
    assert len(guards) == 1, guards
    return guards[0]


def test_hubs_reads_the_top_of_the_index_in_order(neo4j_store):
    load_files(neo4j_store, SEED + [str(CURATED / n) for n in ("entities.jsonl", "partnerships.jsonl")])
    rows, ops = profile(neo4j_store, "hubs", {"limit": 3})
    assert len(rows) == 3
    # the index gives the order of the counts: only ties among them are sorted, no full sort
    assert any(op[0] == "PartialTop" for op in ops)
    assert not any(op[0] in ("Sort", "EagerAggregation", "OrderedAggregation") and op[2] > 0 for op in ops)


@pytest.mark.parametrize("seed", [3, 8])
def test_counts_and_domains_follow_random_loads(neo4j_store, embedded_store, tmp_path, seed):
    _load_both(neo4j_store, embedded_store, random_fact_files(seed, tmp_path))
    assert assert_derived_match(neo4j_store) > 5
    assert _assert_parity(neo4j_store, embedded_store, seed) > 100


def test_counts_follow_merges_of_entities_and_their_undo(neo4j_store, embedded_store, tmp_path):
    from autokg.graph.judgements import judge, undo

    f = write_jsonl(tmp_path / "facts.jsonl", [
        {"subject": "Alpha Motors", "predicate": "PARTNERS_WITH", "object": "Gamma AG", "domain": "a",
         "source": {"title": "t1"}},
        {"subject": "Alpha Motor Co", "predicate": "PARTNERS_WITH", "object": "Delta SA", "domain": "b",
         "source": {"title": "t2"}},
        {"subject": "Alpha Motor Co", "predicate": "PARTNERS_WITH", "object": "Gamma AG", "domain": "c",
         "status": "ended", "source": {"title": "t3"}},
        {"subject": "Epsilon", "predicate": "PARTNERS_WITH", "object": "Gamma AG", "status": "prospective",
         "source": {"title": "t4"}}])
    for store in (neo4j_store, embedded_store):
        load_files(store, [f])
    before = stored_partner_counts(neo4j_store)
    assert assert_derived_match(neo4j_store) == 5
    for store in (neo4j_store, embedded_store):
        judge(store, "same", "Alpha Motors", "Alpha Motor Co")
    assert stored_partner_counts(neo4j_store) != before
    assert assert_derived_match(neo4j_store) == 4
    for preset in ("hubs", "partners", "by-domain"):
        params = {"domain": "a"} if preset == "by-domain" else {}
        assert run_preset(neo4j_store, preset, **params) == run_preset(embedded_store, preset, **params)
    for store in (neo4j_store, embedded_store):
        undo(store, "Alpha Motors", "Alpha Motor Co")
    assert stored_partner_counts(neo4j_store) == before
    assert run_preset(neo4j_store, "hubs") == run_preset(embedded_store, "hubs")


def test_pairs_of_countries_follow_a_country_that_changes(neo4j_store, embedded_store, tmp_path):
    companies = [{"entity": n, "type": "Company", "country": c}
                 for n, c in (("Alpha", "FR"), ("Beta", "CN"), ("Gamma", "CN"), ("Delta", None))]
    first = write_jsonl(tmp_path / "first.jsonl", [{k: v for k, v in c.items() if v} for c in companies] + [
        {"subject": a, "predicate": "PARTNERS_WITH", "object": b, "domain": d, "source": {"title": f"t{i}"}}
        for i, (a, b, d) in enumerate((("Alpha", "Beta", "x"), ("Gamma", "Alpha", "y"), ("Beta", "Gamma", "z"),
                                       ("Delta", "Alpha", "w")))])
    # Gamma moves to France (its partnership with Alpha no longer crosses a border, the one
    # with Beta now does), Delta gets a country
    second = write_jsonl(tmp_path / "second.jsonl", [{"entity": "Gamma", "type": "Company", "country": "FR"},
                                                     {"entity": "Delta", "type": "Company", "country": "CN"}])
    asked = [{"country_a": "FR", "country_b": "CN"}, {"country_a": "CN", "country_b": "FR"}, {"country_a": "FR"}]
    answers = []
    for f in (first, second):
        for store in (neo4j_store, embedded_store):
            load_files(store, [str(f)])
        assert_derived_match(neo4j_store)
        neo = [run_preset(neo4j_store, "cross-border", **params) for params in asked]
        assert neo == [run_preset(embedded_store, "cross-border", **params) for params in asked]
        answers.append([[(r["company"], r["partner"]) for r in rows] for rows in neo])
    assert answers == [[[("Alpha", "Beta"), ("Alpha", "Gamma")]] * 2 + [[("Alpha", "Beta"), ("Alpha", "Gamma")]],
                       [[("Alpha", "Beta"), ("Alpha", "Delta"), ("Beta", "Gamma")]] * 2
                       + [[("Alpha", "Beta"), ("Alpha", "Delta"), ("Beta", "Gamma")]]]


def _as_written_before_aggregates(store) -> None:
    """Turn the database into what the store wrote before its derived aggregates: no counts of
    partners, no lower-cased domains, no pairs of countries, no marks, none of their indexes."""
    store.connection.run("MATCH (e:Entity) REMOVE e.partners")
    store.connection.run("MATCH ()-[t:PARTNERS_WITH]->() REMOVE t.key_lower, t.country_pair")
    store.connection.run("MATCH (m:AutokgMeta) WHERE m.key IN $keys DELETE m",
                         {"keys": [statements.PARTNER_COUNTS_KEY, statements.PARTNER_KEYS_KEY,
                                   statements.PARTNER_COUNTRIES_KEY]})
    for name in ("entity_partners", "entity_country", "partners_with_key_lower", "partners_with_status",
                 "partners_with_country_pair", "partners_with_country_pair_status"):
        store.connection.run(f"DROP INDEX {name} IF EXISTS")


def test_init_computes_them_for_a_database_written_before_them(neo4j_store, neo4j_settings):
    load_files(neo4j_store, SEED + [str(CURATED / n) for n in ("entities.jsonl", "partnerships.jsonl")])
    answers = {p: run_preset(neo4j_store, p, **params) for p, params, *_ in STARTS}
    n = assert_derived_match(neo4j_store)
    _as_written_before_aggregates(neo4j_store)
    assert stored_partner_counts(neo4j_store) == {}
    with Neo4jStore(**neo4j_settings) as store:
        ensured = {e["name"]: e["created"] for e in store.init()}
        assert all(ensured[i] for i in ("entity_partners", "entity_country", "partners_with_key_lower",
                                         "partners_with_status", "partners_with_country_pair",
                                         "partners_with_country_pair_status"))
        assert assert_derived_match(store) == n
        assert {p: run_preset(store, p, **params) for p, params, *_ in STARTS} == answers
        # once: a second init finds them marked; an interrupted one (no mark) computes them again
        assert store.count_partners() is False and store.lower_partner_keys() is False
        assert store.pair_partner_countries() is False
        store.connection.run("MATCH (m:AutokgMeta {key: $k}) DELETE m", {"k": statements.PARTNER_COUNTS_KEY})
        store.connection.run("MATCH (e:Entity) WITH e ORDER BY e.id LIMIT 5 REMOVE e.partners")
        assert store.count_partners() is True
        assert assert_derived_match(store) == n
