"""Entity resolution: dedupe (scoring, blocking), judgements (same, different, unsure, undo),
their export and import, and later loads, on real stores.

The central promise is exact undo: after ``undo`` every preset, export and ``stats`` answers
what it answered before the judgement, and after later loads what a store that never had the
judgement answers after the same loads. Snapshots (ids included) hold the stores to it.
"""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from _helpers import SEED, fact, load, snapshot, table, write_jsonl
from autokg.cli import cli
from autokg.errors import AutokgError, UnknownEntity
from autokg.graph.dedupe import dedupe, simplify
from autokg.graph.embedded import SCHEMA_VERSION, EmbeddedStore
from autokg.graph.judgements import export_judgements, import_judgements, judge, judgement_rows, undo
from autokg.queries.presets import PRESETS, run_preset

S1 = {"url": "https://example.com/1", "title": "One", "published": "2024-01-10", "quote": "BYD and Tesla"}
S2 = {"url": "https://example.com/2", "title": "Two", "published": "2024-05-02"}
S3 = {"url": "https://example.com/3", "title": "Three"}
S4 = {"url": "https://example.com/4", "title": "Four", "published": "2025-02-01"}


@pytest.fixture(params=["embedded", "neo4j"])
def store(request, tmp_path):
    if request.param == "embedded":
        s = EmbeddedStore(tmp_path / "kg.db")
        yield s
        s.close()
    else:
        yield request.getfixturevalue("neo4j_store")


def _files(tmp_path):
    first = write_jsonl(tmp_path / "first.jsonl", [
        {"entity": "BYD Co Ltd", "type": "Company", "country": "CN", "aliases": ["BYD Auto"]},
        fact("BYD Co Ltd", "PARTNERS_WITH", "Tesla", S1, domain="batteries", status="active"),
        fact("BYD Company", "PARTNERS_WITH", "Tesla", S2, domain="Batteries", status="ended"),
        fact("BYD Company", "PARTNERS_WITH", "Nio", S3, domain="charging"),
        fact("BYD Co Ltd", "SUPPLIES", "BYD Company", S3, domain="cells"),
        fact("Tesla", "INVESTS_IN", "BYD Company", S2, stake_pct=5),
    ])
    later = write_jsonl(tmp_path / "later.jsonl", [
        fact("BYD Company", "PARTNERS_WITH", "Xpeng", S4, domain="software"),
        fact("BYD Company", "PARTNERS_WITH", "Tesla", S4, domain="batteries", status="prospective"),
        {"entity": "BYD Company", "type": "Company", "aliases": ["BYD Group"], "wikidata": "Q1"},
    ])
    return first, later


def _answers(store) -> list:
    """Every preset (with parameters naming the entities of the test data), and stats."""
    out = []
    for name, params in [("partners-of", {"company": "Tesla"}), ("partners-of", {"company": "BYD Company"}),
                         ("hubs", {}), ("sources", {"a": "Tesla", "b": "BYD Co Ltd"}),
                         ("history", {"a": "Tesla", "b": "BYD Company"}), ("path", {"a": "Nio", "b": "Tesla"}),
                         ("stale", {"as_of": "2026-01"})]:
        if name not in PRESETS:
            continue
        try:
            out.append(run_preset(store, name, **params))
        except AutokgError as exc:
            out.append(str(exc))
    out.append(store.stats())
    return out


# ---- dedupe ---------------------------------------------------------------------------------


def test_names_simplify_without_case_accents_punctuation_and_legal_forms():
    assert simplify("Volkswagen AG") == simplify("VOLKSWAGEN Aktiengesellschaft") == "volkswagen"
    assert simplify("BYD Co., Ltd.") == simplify("BYD Company") == "byd"
    assert simplify("Stellantis N.V.") == simplify("Stellantis") == "stellantis"
    assert simplify("Ferrari S.p.A.") == "ferrari"
    assert simplify("Škoda Auto") == "skoda auto"
    assert simplify("Group") == "group"  # nothing else would remain


def test_dedupe_scores_variants_and_says_why(embedded_store, tmp_path):
    f = write_jsonl(tmp_path / "e.jsonl", [
        {"entity": "Volkswagen AG", "type": "Company", "country": "DE"},
        {"entity": "Volkswagen Aktiengesellschaft", "type": "Company", "country": "DE"},
        {"entity": "BYD Co Ltd", "type": "Company"},
        {"entity": "BYD Company", "type": "Company"},
        {"entity": "Renault Group", "type": "Company", "wikidata": "Q6686"},
        {"entity": "Groupe Renault SA", "type": "Company", "wikidata": "Q6686"},
        {"entity": "Kia Corporation", "type": "Company", "wikidata": "Q35349", "country": "KR"},
        {"entity": "Kia Motors", "type": "Company", "wikidata": "Q999", "country": "US"},
        {"entity": "Tesla", "type": "Company"},
        {"entity": "Byd", "type": "Person"},
    ])
    assert load(embedded_store, f).ok
    rows = dedupe(embedded_store, min_score=0.0)
    pairs = {(r["a"], r["b"]): r for r in rows}
    vw = pairs[("Volkswagen AG", "Volkswagen Aktiengesellschaft")]
    assert (vw["kind"], vw["score"]) == ("entity", 1.0)
    assert vw["reasons"] == "same name after normalisation ('volkswagen')"
    assert pairs[("BYD Co Ltd", "BYD Company")]["score"] == 1.0
    renault = pairs[("Groupe Renault SA", "Renault Group")]
    assert renault["score"] == 1.0 and renault["reasons"].startswith("same Wikidata id Q6686")
    kia = pairs[("Kia Corporation", "Kia Motors")]
    assert kia["score"] < 0.6
    assert "different Wikidata ids Q35349 and Q999" in kia["reasons"]
    assert "different countries KR and US" in kia["reasons"]
    # never across types, and no pair without a shared block (no token, prefix or id in common)
    assert not any("Byd" in (r["a"], r["b"]) for r in rows)
    assert not any("Tesla" in (r["a"], r["b"]) for r in rows)
    # best first, the ids of each side given
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    assert all(r["a_id"].startswith("company:") for r in rows)
    assert dedupe(embedded_store, min_score=0.9, limit=2) == rows[:2]


def test_dedupe_suggests_relations_of_one_pair_with_different_keys(embedded_store, tmp_path):
    f = write_jsonl(tmp_path / "r.jsonl", [
        fact("Renault", "PARTNERS_WITH", "Geely", S1, domain="hybrid powertrains", since="2022"),
        fact("Geely", "PARTNERS_WITH", "Renault", S2, domain="joint venture: hybrid powertrains", since="2023"),
        fact("Renault", "PARTNERS_WITH", "Nissan", S2, domain="alliance"),
    ])
    assert load(embedded_store, f).ok
    rows = [r for r in dedupe(embedded_store, min_score=0.0) if r["kind"] == "relation"]
    assert len(rows) == 1
    r = rows[0]
    assert r["a"] == "Geely PARTNERS_WITH Renault (hybrid powertrains)"
    assert r["b"] == "Geely PARTNERS_WITH Renault (joint venture: hybrid powertrains)"
    assert r["score"] == 1.0
    assert r["reasons"].startswith("same PARTNERS_WITH pair; keys 'hybrid powertrains' and")
    assert "periods overlap" in r["reasons"]


def test_judged_pairs_are_not_suggested_again(embedded_store, tmp_path):
    first, _ = _files(tmp_path)
    assert load(embedded_store, first).ok
    pair = ("BYD Co Ltd", "BYD Company")
    assert pair in {(r["a"], r["b"]) for r in dedupe(embedded_store)}
    judge(embedded_store, "different", *pair)
    assert pair not in {(r["a"], r["b"]) for r in dedupe(embedded_store)}
    undo(embedded_store, *pair)
    assert pair in {(r["a"], r["b"]) for r in dedupe(embedded_store)}
    judge(embedded_store, "same", *pair)
    assert not [r for r in dedupe(embedded_store, min_score=0.0) if r["kind"] == "entity"]


# ---- judgements -----------------------------------------------------------------------------


def test_same_merges_entities_and_undo_restores_everything(store, tmp_path):
    first, _ = _files(tmp_path)
    assert load(store, first).ok
    before, answers = snapshot(store), _answers(store)
    assert table(store, "partners-of", "partner", "domain", "status", "sources", company="Tesla") == [
        ("BYD Co Ltd", "batteries", "active", 1), ("BYD Company", "Batteries", "ended", 1)]

    done = judge(store, "same", "BYD Auto", "BYD Company", note="one company")
    assert (done["judgement"], done["kind"], done["a"], done["b"]) == ("same", "entity", "BYD Co Ltd", "BYD Company")
    # the relation that would join the entity to itself is dropped, with a warning
    assert done["warnings"] == ["warning: dropped SUPPLIES between 'BYD Co Ltd' and 'BYD Company' (1 source(s)): "
                                "both are now Company 'BYD Co Ltd'"]
    # the two partnerships become one, keeping both sources, the newer claim winning
    assert table(store, "partners-of", "partner", "domain", "status", "sources", company="Tesla") == [
        ("BYD Co Ltd", "Batteries", "ended", 2)]
    assert table(store, "partners-of", "partner", "domain", company="BYD Company") == [
        ("Nio", "charging"), ("Tesla", "Batteries")]
    byd = [e for e in store.entity_rows() if e["name"].startswith("BYD")]
    assert [(e["name"], sorted(e["aliases"]), e["attrs"]) for e in byd] == [
        ("BYD Co Ltd", ["BYD Auto", "BYD Company"], {"country": "CN"})]
    assert store.stats()["relations:SUPPLIES"] == 0

    undone = undo(store, "BYD Company", "BYD Co Ltd")
    assert undone["note"] == "one company"
    assert snapshot(store) == before
    assert _answers(store) == answers
    assert judgement_rows(store) == []


def test_later_loads_land_on_the_merged_entity_and_undo_gives_the_never_judged_store(store, tmp_path):
    first, later = _files(tmp_path)
    assert load(store, first).ok
    judge(store, "same", "BYD Co Ltd", "BYD Company")
    report = load(store, later)
    assert report.ok
    # the relation of the entity with itself stays dropped, and the load says so
    assert report.warnings == [f"{later}: warning: dropped SUPPLIES between 'BYD Co Ltd' and 'BYD Company' "
                               "(1 source(s)): both are now Company 'BYD Co Ltd'"]
    # a fact naming either lands on the merged entity; its entity record adds aliases and attributes
    assert table(store, "partners-of", "partner", "domain", "status", "sources", company="BYD Group") == [
        ("Nio", "charging", "active", 1), ("Xpeng", "software", "active", 1),
        ("Tesla", "batteries", "prospective", 3)]
    byd = [e for e in store.entity_rows() if e["name"].startswith("BYD")]
    # both are declared now: the older (the earlier claim) keeps its name
    assert [(e["name"], sorted(e["aliases"])) for e in byd] == [
        ("BYD Co Ltd", ["BYD Auto", "BYD Company", "BYD Group"])]
    assert byd[0]["attrs"] == {"country": "CN", "wikidata": "Q1"}
    assert load(store, later).relations.summary()["new"] == 0  # loading twice changes nothing
    assert snapshot(store) == snapshot(store)

    undo(store, "BYD Co Ltd", "BYD Company")
    never = EmbeddedStore(tmp_path / "never.db")
    assert load(never, first).ok and load(never, later).ok
    assert snapshot(store) == snapshot(never)
    assert _answers(store) == _answers(never)
    never.close()


def test_clusters_are_transitive_and_undo_splits_only_what_depended_on_the_edge(store, tmp_path):
    f = write_jsonl(tmp_path / "c.jsonl", [
        fact("Alpha Motors", "PARTNERS_WITH", "Zeta", S1, domain="chips"),
        fact("Alpha Motor Co", "PARTNERS_WITH", "Zeta", S2, domain="chips"),
        fact("Alpha Group", "PARTNERS_WITH", "Omega", S3, domain="software"),
        fact("Zeta", "SUPPLIES", "Omega", S3, domain="chips"),
    ])
    assert load(store, f).ok
    alone = snapshot(store)
    judge(store, "same", "Alpha Motors", "Alpha Motor Co")
    only_first = snapshot(store)
    judge(store, "same", "Alpha Motor Co", "Alpha Group")
    assert table(store, "partners-of", "partner", "domain", "sources", company="Zeta") == [("Alpha Motors", "chips", 2)]
    assert table(store, "partners-of", "partner", "domain", company="Omega") == [("Alpha Motors", "software")]
    assert len([e for e in store.entity_rows() if e["name"].startswith("Alpha")]) == 1
    undo(store, "Alpha Group", "Alpha Motor Co")
    assert snapshot(store) == only_first
    judge(store, "same", "Alpha Motor Co", "Alpha Group")
    undo(store, "Alpha Motors", "Alpha Motor Co")
    # Alpha Motor Co and Alpha Group stay one; Alpha Motors is on its own again
    names = sorted(e["name"] for e in store.entity_rows() if e["name"].startswith("Alpha"))
    assert names == ["Alpha Motor Co", "Alpha Motors"]
    undo(store, "Alpha Group", "Alpha Motor Co")
    assert snapshot(store) == alone


def test_same_on_relations_keeps_every_source_under_the_winning_key(store, tmp_path):
    f = write_jsonl(tmp_path / "r.jsonl", [
        fact("Renault", "PARTNERS_WITH", "Geely", S3, domain="thermal and hybrid systems"),
        fact("Renault", "PARTNERS_WITH", "Geely", S2, domain="joint venture: horse powertrain", since="2022-11"),
    ])
    assert load(store, f).ok
    before = snapshot(store)
    ids = sorted((r["key_display"], r["id"]) for r in store.relation_rows())
    done = judge(store, "same", ids[0][1], ids[1][1], note="one partnership")
    assert done["kind"] == "relation"
    assert table(store, "partners-of", "partner", "domain", "since", "sources", company="Geely") == [
        ("Renault", "joint venture: horse powertrain", "2022-11", 2)]
    # the other key is an alias: a later claim with it lands on the merged relation
    more = write_jsonl(tmp_path / "more.jsonl", [
        fact("Geely", "PARTNERS_WITH", "Renault", S1, domain="Thermal and hybrid systems", status="ended")])
    assert load(store, more).ok
    assert table(store, "partners-of", "partner", "domain", "status", "sources", company="Geely") == [
        ("Renault", "joint venture: horse powertrain", "ended", 3)]
    undo(store, ids[1][1], ids[0][1])
    never = EmbeddedStore(tmp_path / "never.db")
    assert load(never, f).ok and load(never, more).ok
    assert snapshot(store) == snapshot(never)
    never.close()
    assert before != snapshot(store)


@pytest.mark.parametrize("kind", ["entity", "relation"])
def test_a_source_republished_after_same_re_resolves_the_merged_relation_and_undo_is_exact(store, tmp_path, kind):
    """A later load that gives a source of a merged relation a later date makes its claim win
    there, as if the judgement were made after the load, although the base relation citing it
    keeps its own properties; loading it twice changes nothing, and undo gives the store that
    never had the judgement."""
    late = {**S1, "published": "2025-06-01"}  # S1 was the older source, now the latest
    if kind == "entity":
        rows = [fact("BYD Co Ltd", "PARTNERS_WITH", "Tesla", S2, domain="Batteries", status="active"),
                fact("BYD Company", "PARTNERS_WITH", "Tesla", S1, domain="batteries", status="ended")]
        again = fact("BYD Company", "PARTNERS_WITH", "Tesla", late, domain="batteries", status="ended")
        before_, after_ = [("BYD Co Ltd", "Batteries", "active", 2)], [("BYD Co Ltd", "batteries", "ended", 2)]
        company = "Tesla"
    else:
        rows = [fact("Renault", "PARTNERS_WITH", "Geely", S1, domain="thermal and hybrid systems", status="active"),
                fact("Renault", "PARTNERS_WITH", "Geely", S2, domain="joint venture: horse powertrain", status="ended")]
        again = fact("Renault", "PARTNERS_WITH", "Geely", late, domain="thermal and hybrid systems", status="active")
        before_ = [("Renault", "joint venture: horse powertrain", "ended", 2)]
        after_ = [("Renault", "thermal and hybrid systems", "active", 2)]
        company = "Geely"
    first = write_jsonl(tmp_path / "first.jsonl", rows)
    republished = write_jsonl(tmp_path / "republished.jsonl", [again])

    def judge_same(s):
        if kind == "entity":
            return judge(s, "same", "BYD Co Ltd", "BYD Company", time="2026-01-01T00:00:00Z")
        ids = sorted(r["id"] for r in s.relation_rows())
        return judge(s, "same", ids[0], ids[1], time="2026-01-01T00:00:00Z")

    def partners(s):
        return table(s, "partners-of", "partner", "domain", "status", "sources", company=company)

    assert load(store, first).ok
    done = judge_same(store)
    assert done["kind"] == kind
    assert partners(store) == before_
    assert load(store, republished).ok
    assert partners(store) == after_

    # the same as judging after both loads
    later = EmbeddedStore(tmp_path / "later.db")
    assert load(later, first).ok and load(later, republished).ok
    judge_same(later)
    assert snapshot(store) == snapshot(later)
    assert _answers(store) == _answers(later)
    later.close()

    # loading it twice changes nothing
    judged = snapshot(store)
    report = load(store, republished)
    assert report.ok and report.sources.summary()["updated"] == 0
    assert snapshot(store) == judged

    undo(store, done["a_id"], done["b_id"])
    never = EmbeddedStore(tmp_path / "never.db")
    assert load(never, first).ok and load(never, republished).ok
    assert snapshot(store) == snapshot(never)
    assert _answers(store) == _answers(never)
    never.close()


def test_different_and_unsure_only_record(store, tmp_path):
    first, _ = _files(tmp_path)
    assert load(store, first).ok
    before = snapshot(store)
    judge(store, "unsure", "BYD Co Ltd", "BYD Company", note="ask")
    judge(store, "different", "Tesla", "Nio")
    assert snapshot(store) == before
    rows = judgement_rows(store)
    assert [(r["judgement"], r["kind"], r["a"], r["b"], r["note"]) for r in rows] == [
        ("unsure", "entity", "BYD Co Ltd", "BYD Company", "ask"), ("different", "entity", "Tesla", "Nio", None)]
    assert all(r["time"].endswith("Z") for r in rows)
    # a later judgement of the same pair replaces the earlier one
    judge(store, "same", "BYD Company", "BYD Co Ltd")
    assert [r["judgement"] for r in judgement_rows(store)] == ["different", "same"]
    judge(store, "different", "BYD Company", "BYD Co Ltd")
    assert snapshot(store) == before


def test_bad_judgements_are_refused_in_one_line(store, tmp_path):
    first, _ = _files(tmp_path)
    assert load(store, first).ok
    with pytest.raises(UnknownEntity, match="unknown entity 'Nobody'"):
        judge(store, "same", "Nobody", "Tesla")
    with pytest.raises(AutokgError, match="already one entity"):
        judge(store, "same", "BYD Auto", "BYD Co Ltd")
    with pytest.raises(AutokgError, match="no judgement between 'Tesla' and 'Nio'"):
        undo(store, "Tesla", "Nio")
    with pytest.raises(AutokgError, match="unknown judgement"):
        judge(store, "maybe", "Tesla", "Nio")


def test_judgements_export_and_import_replay_on_another_store(store, tmp_path):
    first, later = _files(tmp_path)
    src = EmbeddedStore(tmp_path / "src.db")
    assert load(src, first).ok
    judge(src, "same", "BYD Co Ltd", "BYD Company", note="one company")
    judge(src, "different", "Tesla", "Nio")
    out = tmp_path / "j.jsonl"
    assert export_judgements(src, str(out)) == 2
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert [(x["judgement"], x["a"], x["b"]) for x in lines] == [
        ("same", "BYD Co Ltd", "BYD Company"), ("different", "Tesla", "Nio")]
    # another store, loaded in another order, and a line naming an unknown entity
    with out.open("a") as fp:
        fp.write(json.dumps({"judgement": "same", "a": "Tesla", "b": "Nobody"}) + "\n")
    assert load(store, first).ok
    report = import_judgements(store, str(out))
    assert (report.new, report.unchanged, report.rejected) == (2, 0, [f"{out}:3: unknown entity 'Nobody'"])
    assert _answers(store) == _answers(src)
    again = snapshot(store)
    report = import_judgements(store, str(out))
    assert (report.new, report.updated, report.unchanged) == (0, 0, 2)
    assert snapshot(store) == again
    src.close()


def test_curated_judgements_resolve_the_geely_renault_duplicate(store):
    from _helpers import ROOT

    curated = ROOT / "data" / "curated"
    assert load(store, *SEED).ok
    assert load(store, curated / "entities.jsonl", curated / "partnerships.jsonl").ok
    renault = [r for r in run_preset(store, "partners-of", company="Geely") if r["partner"] == "Renault Group"]
    assert len(renault) == 2
    before = snapshot(store)
    report = import_judgements(store, str(curated / "judgements.jsonl"))
    assert report.ok and report.new >= 1
    renault = [r for r in run_preset(store, "partners-of", company="Geely") if r["partner"] == "Renault Group"]
    assert [(r["domain"], r["sources"]) for r in renault] == [("joint venture: horse powertrain", 2)]
    for row in judgement_rows(store):
        undo(store, row["a_id"], row["b_id"]) if row["kind"] == "relation" else undo(store, row["a"], row["b"])
    assert snapshot(store) == before


# ---- the command line and the format ----------------------------------------------------------


def test_cli_round_trip(tmp_path, monkeypatch):
    monkeypatch.setenv("AUTOKG_STORE", str(tmp_path / "cli.db"))
    monkeypatch.delenv("AUTOKG_BACKEND", raising=False)
    first, _ = _files(tmp_path)

    def run(*args):
        r = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
        assert "Traceback" not in r.output
        return r

    assert run("load", first).exit_code == 0
    r = run("dedupe", "--format", "csv")
    assert r.output.splitlines()[0] == "kind,a,b,score,reasons,a_id,b_id"
    assert "entity,BYD Co Ltd,BYD Company,1," in r.output
    r = run("judge", "same", "BYD Co Ltd", "BYD Company", "--note", "one")
    assert r.exit_code == 0
    assert "judged: same entities 'BYD Co Ltd' and 'BYD Company'" in r.output
    r = run("judgements", "--format", "json")
    assert [(x["judgement"], x["note"]) for x in json.loads(r.output)] == [("same", "one")]
    assert run("judgements", "export", tmp_path / "j.jsonl").exit_code == 0
    r = run("judge", "undo", "BYD Co Ltd", "BYD Company")
    assert "undone: same entities" in r.output
    r = run("judgements", "import", tmp_path / "j.jsonl")
    assert r.output.splitlines() == [
        "warning: dropped SUPPLIES between 'BYD Co Ltd' and 'BYD Company' (1 source(s)): both are now "
        "Company 'BYD Co Ltd'", "judgements: 1 new, 0 updated, 0 unchanged, 0 rejected"]
    r = run("judge", "same", "Nobody", "Tesla")
    assert r.exit_code == 1 and "Error: unknown entity 'Nobody'" in r.output
    (tmp_path / "bad.jsonl").write_text('{"judgement": "same", "a": "Tesla", "b": "Nobody"}\nnot json\n')
    r = run("judgements", "import", tmp_path / "bad.jsonl")
    assert r.exit_code == 1
    assert f"{tmp_path / 'bad.jsonl'}:1: unknown entity 'Nobody'" in r.output
    assert f"{tmp_path / 'bad.jsonl'}:2: not JSON" in r.output


def test_a_format_2_store_is_upgraded_with_the_resolution_tables(tmp_path):
    path = tmp_path / "v2.db"
    EmbeddedStore(path).close()
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("DROP TABLE resolution_keys")
    db.execute("DROP TABLE resolution")
    db.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    db.close()
    first, _ = _files(tmp_path)
    with EmbeddedStore(path) as s:
        assert load(s, first).ok
        judge(s, "same", "BYD Co Ltd", "BYD Company")
        assert len(judgement_rows(s)) == 1
    db = sqlite3.connect(path)
    assert db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    db.close()


# ---- parity and random sequences ----------------------------------------------------------------


def _random_judgement(rng, store):
    """Two distinct entities of one type, or two relations that dedupe suggests."""
    if rng.random() < 0.3:
        rels = [r for r in dedupe(store, min_score=0.0, kinds=("relation",))]
        if rels:
            r = rng.choice(rels)
            return r["a_id"], r["b_id"]
    by_type: dict[str, list[str]] = {}
    for e in store.entity_rows():
        by_type.setdefault(e["type"], []).append(e["id"])
    kinds = sorted(t for t, ids in by_type.items() if len(ids) >= 2)
    a, b = rng.sample(sorted(by_type[rng.choice(kinds)]), 2)
    return a, b


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_judgements_and_reloads_keep_both_stores_equal_and_undo_exact(neo4j_store, embedded_store,
                                                                              tmp_path, seed):
    import random

    from autokg.loaders import load_files
    from test_parity import _assert_parity, _load_both, random_fact_files

    rng = random.Random(seed)
    loads = random_fact_files(seed, tmp_path)
    never = EmbeddedStore(tmp_path / "never.db")
    stores = (embedded_store, neo4j_store)

    def load_next():
        files = loads.pop(0)
        _load_both(neo4j_store, embedded_store, [files])
        load_files(never, [str(p) for p in files])

    load_next()
    made = 0
    for step in range(10):
        op = rng.choice(["same", "same", "same", "different", "undo", "load"])
        rows = judgement_rows(embedded_store)
        if op == "load" and loads:
            load_next()
        elif op == "undo" and rows:
            row = rng.choice(rows)
            done = [undo(s, row["a_id"], row["b_id"]) for s in stores]
            assert done[0] == done[1]
        else:
            a, b = _random_judgement(rng, embedded_store)
            judgement = "different" if op == "different" else "same"
            done = [judge(s, judgement, a, b, time="2026-01-01T00:00:00Z") for s in stores]
            assert done[0] == done[1]
            made += 1
        assert snapshot(neo4j_store) == snapshot(embedded_store), f"step {step}: {op}"
        assert judgement_rows(neo4j_store) == judgement_rows(embedded_store)
    assert made >= 3
    _assert_parity(neo4j_store, embedded_store, seed)
    while loads:
        load_next()
    for row in reversed(judgement_rows(embedded_store)):
        for s in stores:
            undo(s, row["a_id"], row["b_id"])
    assert snapshot(embedded_store) == snapshot(never)
    _assert_parity(neo4j_store, embedded_store, seed)
    never.close()


def test_the_python_api_offers_the_same_operations(tmp_path):
    import autokg

    first, _ = _files(tmp_path)
    with autokg.open(tmp_path / "api.db") as kg:
        kg.load(first)
        before = snapshot(kg.store)
        [cand] = [c for c in kg.dedupe(type="company") if c["kind"] == "entity"]
        assert (cand["a"], cand["b"], cand["score"]) == ("BYD Co Ltd", "BYD Company", 1.0)
        done = kg.judge("same", cand["a_id"], cand["b_id"], note="one company")
        assert done["kind"] == "entity" and len(done["warnings"]) == 1
        assert [e["name"] for e in kg.entities(search="byd")] == ["BYD Co Ltd"]
        assert [(j["judgement"], j["note"]) for j in kg.judgements()] == [("same", "one company")]
        assert kg.export_judgements(tmp_path / "j.jsonl") == 1
        kg.judge("undo", "BYD Co Ltd", "BYD Company")
        assert snapshot(kg.store) == before
        assert kg.import_judgements(tmp_path / "j.jsonl").new == 1
        assert [e["name"] for e in kg.entities(search="byd")] == ["BYD Co Ltd"]
