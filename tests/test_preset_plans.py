"""The presets about one entity or pair on the Neo4j store read around that entity, not the graph.

``meetings --person`` expands from the person (no scan of every meeting), ``path`` searches no
deeper than ``--max-hops`` (Cypher takes no parameter as a bound, so the query has one branch per
common bound), ``common-partners`` reads the second company's partnerships once, and
``prospective --since`` takes each relation's latest source date from the sources it started
from. The rows are those of the embedded store (tests/test_parity.py); these tests hold the plans.
"""

from __future__ import annotations

import re

import pytest

from autokg.loaders import load_files
from autokg.queries.presets import run_preset
from test_aggregates import SCANS, profile
from test_parity import CURATED, SEED



@pytest.fixture
def loaded(neo4j_store):
    load_files(neo4j_store, SEED + [str(CURATED / n) for n in ("entities.jsonl", "partnerships.jsonl")])
    return neo4j_store


def ids(store, name: str) -> str:
    return store.read_cypher("MATCH (:Name {norm: $n})-[:NAMES]->(e:Entity) RETURN e.id AS id", {"n": name})[0]["id"]


def test_meetings_of_a_person_scan_nothing(loaded):
    person = ids(loaded, "lei jun")
    rows, ops = profile(loaded, "meetings", {"person": person})
    assert rows and rows == run_preset(loaded, "meetings", person="Lei Jun")
    scans = [op for op in ops if op[0] in SCANS]
    assert scans and all(r == hits == 0 for _, _, r, hits in scans), scans
    # without a person, the same statement reads every meeting
    every, ops = profile(loaded, "meetings", {})
    assert len(every) > len(rows)
    assert any(op[0] in SCANS and op[2] > 0 for op in ops)


# the bound as the plan shows it (one hop is a single relationship, no star)
@pytest.mark.parametrize("max_hops,bound", [(1, ""), (2, "*..2"), (3, "*..3"), (4, "*..4"), (6, "*..8"), (9, "*")])
def test_path_searches_no_deeper_than_max_hops(loaded, max_hops, bound):
    a, b = ids(loaded, "geely"), ids(loaded, "google")
    rows, ops = profile(loaded, "path", {"a": a, "b": b, "max_hops": max_hops})
    assert rows == run_preset(loaded, "path", a="Geely", b="Google", max_hops=max_hops)
    searches = [(details, hits) for op, details, _, hits in ops if op == "ShortestPath"]
    assert len(searches) == 6
    searched = [re.search(r"PARTNERS_WITH(\*[.\d]*)?\]", d).group(1) or "" for d, hits in searches if hits > 0]
    assert searched == [bound]


def test_path_answers_once_deep_enough(loaded):
    found = [run_preset(loaded, "path", a="Geely", b="Google", max_hops=k) for k in range(1, 10)]
    hops = [rows[0]["hops"] if rows else None for rows in found]
    first = next(i for i, h in enumerate(hops) if h is not None)
    assert first > 0, "the case must need more than one hop"
    assert hops[:first] == [None] * first and set(hops[first:]) == {first + 1}


def test_common_partners_read_each_company_once(loaded):
    pairs = loaded.read_cypher(
        "MATCH (a:Company)-[:PARTNERS_WITH]-(p:Entity)-[:PARTNERS_WITH]-(b:Company) WHERE a.id < b.id "
        "RETURN DISTINCT a.id AS a, b.id AS b, a.name AS na, b.name AS nb ORDER BY a, b")
    for pair in pairs:
        rows, ops = profile(loaded, "common-partners", {"a": pair["a"], "b": pair["b"]})
        if rows:
            break
    assert rows and rows == run_preset(loaded, "common-partners", a=pair["na"], b=pair["nb"])
    assert not [op for op in ops if op[0] == "Expand(Into)" and op[3] > 0]


def test_prospective_since_reads_the_sources_of_a_relation_once(loaded):
    rows, ops = profile(loaded, "prospective", {"since": "2020"})
    assert rows and rows == run_preset(loaded, "prospective", since="2020")
    supports = [op for op in ops if op[0].endswith("Expand(All)") and "SUPPORTS" in op[1] and op[2] > 0]
    assert len(supports) == 1 and supports[0][0] == "Expand(All)", supports


def test_rows_arrive_in_one_record_as_the_text_returns_them(loaded):
    """The presets run as one list of rows (queries.neo4j.packed): the rows and order of the
    preset's own text, in a single record; the presets of STREAMED keep one record per row."""
    from autokg.queries import neo4j as cypher_presets
    from autokg.queries.presets import PRESETS

    renault, nissan = ids(loaded, "renault"), ids(loaded, "nissan")
    shared = loaded.read_cypher(
        "MATCH (a:Company)-[:PARTNERS_WITH]-(:Entity)-[:PARTNERS_WITH]-(b:Company) WHERE a.id < b.id "
        "RETURN a.id AS a, b.id AS b, count(*) AS n ORDER BY n DESC, a, b LIMIT 1")[0]
    cases = [("cross-border", {}), ("cross-border", {"country_a": "FR"}), ("by-domain", {"domain": "bat"}),
             ("prospective", {}), ("hubs", {}), ("partners-of", {"company": renault}),
             ("timeline", {"company": renault}), ("sources", {"a": renault, "b": nissan}),
             ("common-partners", {"a": shared["a"], "b": shared["b"]}), ("meetings", {}), ("partners", {}),
             ("stale", {"older_than": 0})]
    several = 0
    for preset, params in cases:
        values = {p.name: params.get(p.name, p.default) for p in PRESETS[preset].params}
        columns = PRESETS[preset].columns
        want = [{c: r[c] for c in columns} for r in loaded.read_cypher(cypher_presets.cypher(preset), values)]
        assert want, (preset, params)
        several += len(want) > 2
        assert cypher_presets.run(loaded, preset, values) == want, (preset, params)
        text = cypher_presets.cypher(preset) if preset in cypher_presets.STREAMED else cypher_presets.packed(preset)
        assert len(loaded.read_values(text, values)) == (len(want) if preset in cypher_presets.STREAMED else 1)
    assert several >= 6  # enough answers of several rows for their order to tell


def test_an_answer_longer_than_the_pack_limit_is_read_as_a_stream(loaded, monkeypatch):
    """The server holds at most PACK_LIMIT + 1 rows in one list; a longer answer is read again,
    one record a row, and gives the same rows in the same order."""
    from autokg.queries import neo4j as cypher_presets
    from autokg.queries.presets import PRESETS

    values = {p.name: p.default for p in PRESETS["cross-border"].params}
    columns = PRESETS["cross-border"].columns
    want = [{c: r[c] for c in columns} for r in loaded.read_cypher(cypher_presets.cypher("cross-border"), values)]
    assert len(want) > 3
    [(capped,)] = loaded.read_values(cypher_presets.packed("cross-border", 2), values)
    assert [dict(zip(columns, row)) for row in capped] == want[:3]  # the first limit + 1, in order
    monkeypatch.setattr(cypher_presets, "PACK_LIMIT", 2)
    assert cypher_presets.run(loaded, "cross-border", values) == want
    monkeypatch.setattr(cypher_presets, "PACK_LIMIT", len(want))
    assert cypher_presets.run(loaded, "cross-border", values) == want
