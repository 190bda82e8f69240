"""The embedded store's file format (upgrade from format 1, refusal of a newer one), its read-only
SQL access, and presets that read only what their answer needs."""

from __future__ import annotations

import json
import random
import re
import sqlite3
from collections import deque
from pathlib import Path

import pytest

from autokg.errors import StoreError, StoreUnavailable
from autokg.graph.embedded import _BORDER_SELECT, SCHEMA_VERSION, EmbeddedStore
from autokg.queries.embedded import IMPLEMENTATIONS
from autokg.queries.presets import PRESETS, bind_params, run_preset

from _helpers import SEED, fact, load, open_embedded, snapshot, write_jsonl

# The tables of format 1, as autokg wrote them before format 2.
_V1_DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entities (
    id TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL, declared INTEGER NOT NULL,
    aliases TEXT NOT NULL, attrs TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE names (
    norm TEXT NOT NULL, entity_id TEXT NOT NULL, PRIMARY KEY (norm, entity_id)) WITHOUT ROWID;
CREATE INDEX names_entity ON names (entity_id);
CREATE TABLE relations (
    id TEXT PRIMARY KEY, predicate TEXT NOT NULL, subject_id TEXT NOT NULL, object_id TEXT NOT NULL,
    key TEXT NOT NULL, key_display TEXT, props TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX relations_subject ON relations (subject_id);
CREATE INDEX relations_object ON relations (object_id);
CREATE TABLE sources (
    id TEXT PRIMARY KEY, url TEXT, title TEXT, publisher TEXT, author TEXT, published TEXT, lang TEXT) WITHOUT ROWID;
CREATE TABLE links (
    relation_id TEXT NOT NULL, source_id TEXT NOT NULL, quote TEXT, confidence REAL NOT NULL,
    seq INTEGER NOT NULL, claims TEXT NOT NULL, PRIMARY KEY (relation_id, source_id)) WITHOUT ROWID;
CREATE INDEX links_source ON links (source_id);
"""

_EVERY_PRESET = [
    ("partners", {}), ("partners", {"status": "active", "domain": "COCKPIT"}), ("by-domain", {"domain": "sys"}),
    ("partners-of", {"company": "Renault"}), ("prospective", {}), ("common-partners", {"a": "Geely", "b": "Google"}),
    ("path", {"a": "Geely", "b": "Xiaomi Auto"}), ("people-of", {"company": "Renault"}), ("hubs", {}),
    ("cross-border", {}), ("sources", {"a": "Renault", "b": "Geely"}), ("history", {"a": "Renault", "b": "Geely"}),
    ("meetings", {}), ("meetings", {"person": "Luca de Meo"}), ("timeline", {"company": "Xiaomi"}),
]


def _answers(store) -> list:
    return [run_preset(store, name, **params) for name, params in _EVERY_PRESET]


def _v1_copy(store: EmbeddedStore, path) -> None:
    """Write *store*'s rows into a new file in format 1."""
    db = sqlite3.connect(path, isolation_level=None)
    db.executescript(_V1_DDL)
    db.execute("ATTACH DATABASE ? AS v2", (str(store.path),))
    db.execute("BEGIN")
    for table in ("entities", "names", "sources", "links"):
        db.execute(f"INSERT INTO {table} SELECT * FROM v2.{table}")
    db.execute("INSERT INTO relations SELECT id, predicate, subject_id, object_id, key, key_display, props "
               "FROM v2.relations")
    db.execute("INSERT INTO meta SELECT * FROM v2.meta WHERE key <> 'schema_version'")
    db.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    db.execute("COMMIT")
    db.execute("DETACH DATABASE v2")
    db.close()


@pytest.fixture
def seeded(tmp_path):
    store = open_embedded(tmp_path / "new")
    assert load(store, *SEED).ok
    yield store
    store.close()


def _version(path) -> str:
    db = sqlite3.connect(path)
    try:
        return db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
    finally:
        db.close()


def test_a_format_1_store_is_upgraded_when_opened(seeded, tmp_path):
    old = tmp_path / "v1.db"
    _v1_copy(seeded, old)
    assert _version(old) == "1"
    with EmbeddedStore(old) as upgraded:
        assert snapshot(upgraded) == snapshot(seeded)
        assert _answers(upgraded) == _answers(seeded)
        indexes = {r[0] for r in upgraded.db.execute("SELECT name FROM sqlite_schema WHERE type = 'index'")}
        assert {"relations_from_subject", "relations_from_object", "relations_by_status", "relations_by_key",
                "sources_published"} <= indexes
        assert not {"relations_subject", "relations_object"} & indexes
        assert upgraded.db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        # a load after the upgrade writes the new columns too
        more = write_jsonl(tmp_path / "more.jsonl", [fact("Renault", "PARTNERS_WITH", "Nio", status="ended")])
        assert load(upgraded, more).ok
        assert [r["status"] for r in run_preset(upgraded, "partners-of", company="Nio")] == ["ended"]
    assert _version(old) == str(SCHEMA_VERSION)


def test_a_failed_upgrade_leaves_the_format_1_store_as_it_was(seeded, tmp_path):
    old = tmp_path / "v1.db"
    _v1_copy(seeded, old)
    db = sqlite3.connect(old, isolation_level=None)
    db.execute("CREATE TABLE partner_counts (x)")  # the upgrade creates it after rebuilding relations
    db.close()
    with pytest.raises(StoreError):
        EmbeddedStore(old)
    db = sqlite3.connect(old)
    columns = [r[1] for r in db.execute("PRAGMA table_xinfo(relations)")]
    db.close()
    assert "status" not in columns  # the rebuilt relations table was rolled back
    assert _version(old) == "1"


def test_a_format_2_store_loses_its_triggers_and_its_partner_tables_stay_right(seeded, tmp_path):
    # Format 2 kept the partner tables with triggers; left in place, this one would add a bogus
    # domain with every partnership written.
    seeded.db.executescript("""
        CREATE TRIGGER relations_added AFTER INSERT ON relations BEGIN
            INSERT INTO partner_domains (domain, n) VALUES ('bogus', 1) ON CONFLICT (domain) DO UPDATE SET n = n + 1;
        END;
        DROP TABLE resolution_keys;
        DROP TABLE resolution;
        DROP TABLE partner_borders;
        UPDATE meta SET value = '2' WHERE key = 'schema_version';""")
    seeded.close()
    with EmbeddedStore(seeded.path) as upgraded:
        triggers = upgraded.db.execute("SELECT name FROM sqlite_schema WHERE type = 'trigger'").fetchall()
        assert triggers == []
        more = write_jsonl(tmp_path / "more.jsonl", [fact("Renault", "PARTNERS_WITH", "Nio", domain="bogus x")])
        assert load(upgraded, more).ok
        assert [d for (d,) in upgraded.read_sql("SELECT domain FROM partner_domains") if "bogus" in d] == ["bogus x"]
    assert _version(seeded.path) == str(SCHEMA_VERSION) == "6"
    seeded.db = sqlite3.connect(seeded.path)  # for the fixture's close


def test_a_format_4_store_gets_the_country_index_and_cross_border_answers_from_it(seeded, tmp_path):
    answers = _answers(seeded)
    seeded.db.executescript("""
        DROP INDEX entities_country;
        DROP TABLE partner_borders;
        UPDATE meta SET value = '4' WHERE key = 'schema_version';""")
    seeded.close()
    with EmbeddedStore(seeded.path) as upgraded:
        assert _version(seeded.path) == str(SCHEMA_VERSION)
        indexes = {r[0] for r in upgraded.db.execute("SELECT name FROM sqlite_schema WHERE type = 'index'")}
        assert "entities_country" in indexes
        assert upgraded.db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert _answers(upgraded) == answers
        rows = run_preset(upgraded, "cross-border", country_a="CN", country_b="FR")
        assert rows and all({r["company_country"], r["partner_country"]} == {"CN", "FR"} for r in rows)
        # a country changed by a later record moves the company in the index
        moved = rows[0]["company"] if rows[0]["company_country"] == "FR" else rows[0]["partner"]
        more = write_jsonl(tmp_path / "more.jsonl", [{"entity": moved, "type": "Company", "country": "DE"}])
        assert load(upgraded, more).ok
        after = run_preset(upgraded, "cross-border", country_a="CN", country_b="FR")
        assert moved not in {r["company"] for r in after} | {r["partner"] for r in after}
        assert any(moved in (r["company"], r["partner"]) for r in run_preset(upgraded, "cross-border", country_a="DE"))
    seeded.db = sqlite3.connect(seeded.path)  # for the fixture's close


def _borders(store) -> tuple[list, list]:
    """``partner_borders`` as the store keeps it, and as derived from its relations and entities."""
    kept = store.db.execute("SELECT lo, hi, status, id, lo_id, hi_id, domain FROM partner_borders")
    return sorted(kept), sorted(store.db.execute(_BORDER_SELECT.format(relations="relations r")))


def test_a_format_5_store_gets_the_cross_border_table_filled_from_its_relations(seeded, tmp_path):
    answers = _answers(seeded)
    pair = run_preset(seeded, "cross-border", country_a="CN", country_b="FR")
    seeded.db.executescript("""
        DROP TABLE partner_borders;
        UPDATE meta SET value = '5' WHERE key = 'schema_version';""")
    seeded.close()
    with EmbeddedStore(seeded.path) as upgraded:
        assert _version(seeded.path) == str(SCHEMA_VERSION) == "6"
        assert upgraded.db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        kept, derived = _borders(upgraded)
        assert kept == derived and len(kept) >= len(pair) > 0
        assert _answers(upgraded) == answers
        assert run_preset(upgraded, "cross-border", country_a="CN", country_b="FR") == pair
        # the writer keeps it from then on: a company moved to another country leaves the pair
        moved = pair[0]["company"] if pair[0]["company_country"] == "FR" else pair[0]["partner"]
        more = write_jsonl(tmp_path / "more.jsonl", [{"entity": moved, "type": "Company", "country": "CN"}])
        assert load(upgraded, more).ok
        kept, derived = _borders(upgraded)
        assert kept == derived
        after = run_preset(upgraded, "cross-border", country_a="CN", country_b="FR")
        assert moved not in {r["company"] for r in after} | {r["partner"] for r in after} and len(after) < len(pair)
    seeded.db = sqlite3.connect(seeded.path)  # for the fixture's close


def _later_records(store, rng: random.Random, tag: str) -> list[dict]:
    """Records that change what the cross-border table mirrors: countries set, changed and moved
    to the other side's, statuses and domains reported again."""
    ents = {e["id"]: e for e in store.entity_rows()}
    companies = sorted(i for i, e in ents.items() if e["type"] == "Company")
    recs = [{"entity": ents[i]["name"], "type": "Company", "country": rng.choice(["FR", "CN", "US"])}
            for i in rng.sample(companies, min(6, len(companies)))]
    for r in rng.sample(store.relation_rows("PARTNERS_WITH"), 8):
        rec = {"subject": ents[r["subject_id"]]["name"], "predicate": "PARTNERS_WITH",
               "object": ents[r["object_id"]]["name"], "status": rng.choice(["active", "prospective", "ended"]),
               "source": {"url": f"https://later.example/{tag}/{r['id']}", "published": "2026-01"}}
        if r["key_display"] is not None:
            rec["domain"] = r["key_display"]
        recs.append(rec)
    return recs


@pytest.mark.parametrize("seed", [4, 11])
def test_the_cross_border_table_follows_loads_merges_and_undo(tmp_path, seed):
    """Every write path that changes a partnership, a company's country or the entities of a
    merge leaves ``partner_borders`` equal to what the relations and entities give."""
    from autokg.graph.judgements import judge, undo
    from test_parity import random_fact_files

    rng = random.Random(seed)
    store = open_embedded(tmp_path)
    try:
        for files in random_fact_files(seed, tmp_path):
            assert load(store, *files).ok
            kept, derived = _borders(store)
            assert kept == derived
        assert len(kept) > 10
        companies = sorted(e["id"] for e in store.entity_rows() if e["type"] == "Company"
                           and e["attrs"].get("country"))
        judged = []
        for a, b in (rng.sample(companies, 2) for _ in range(3)):
            judge(store, "same", a, b)
            judged.append((a, b))
            kept, derived = _borders(store)
            assert kept == derived
        assert load(store, write_jsonl(tmp_path / "later1.jsonl", _later_records(store, rng, "1"))).ok
        assert _borders(store)[0] == _borders(store)[1]
        for a, b in judged[:2]:
            undo(store, a, b)
            kept, derived = _borders(store)
            assert kept == derived
        assert load(store, write_jsonl(tmp_path / "later2.jsonl", _later_records(store, rng, "2"))).ok
        kept, derived = _borders(store)
        assert kept == derived
        # a transaction rolled back leaves it as it was
        with store.transaction() as w:
            w.delete_relations([r[3] for r in kept[:4]])
            w.rollback()
        assert _borders(store)[0] == kept
    finally:
        store.close()


@pytest.mark.parametrize("seed", [4, 11])
def test_the_cross_border_table_fills_when_countries_come_after_the_partnerships(tmp_path, seed):
    """A store whose companies have no country keeps the table empty without noting anything;
    the first load that gives countries fills it for the partnerships loaded before."""
    from test_parity import random_fact_files

    def countryless(path: Path) -> Path:
        recs = [{k: v for k, v in json.loads(line).items() if k != "country"}
                for line in path.read_text(encoding="utf-8").splitlines()]
        return write_jsonl(path.with_name("no-country-" + path.name), recs)

    loads = random_fact_files(seed, tmp_path)
    store = open_embedded(tmp_path)
    try:
        for files in loads:
            assert load(store, *[countryless(f) for f in files]).ok
            assert _borders(store) == ([], [])
        for files in loads:
            assert load(store, *files).ok
            kept, derived = _borders(store)
            assert kept == derived
        assert len(kept) > 10
    finally:
        store.close()


def test_a_newer_format_is_refused_in_one_line(seeded, tmp_path):
    seeded.db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    with pytest.raises(StoreUnavailable) as err:
        EmbeddedStore(seeded.path)
    assert str(err.value) == f"{seeded.path}: store format {SCHEMA_VERSION + 1}, this autokg reads format {SCHEMA_VERSION}"


@pytest.mark.parametrize("sql", ["DELETE FROM relations", "UPDATE entities SET name = 'x'", "PRAGMA user_version = 3",
                                 "CREATE TABLE t (x)", "ATTACH DATABASE ':memory:' AS other"])
def test_read_sql_refuses_anything_but_reading(seeded, sql):
    before = snapshot(seeded)
    with pytest.raises(StoreError):
        seeded.read_sql(sql)
    assert snapshot(seeded) == before
    assert seeded.read_sql("SELECT count(*) FROM relations WHERE predicate = ?", ("PARTNERS_WITH",)) == [(6,)]


def test_partners_streams_from_the_cursor(seeded):
    from autokg.queries.embedded import iter_rows

    rows = iter_rows(seeded, "partners", {"status": None, "domain": None})
    assert not isinstance(rows, list)
    assert next(rows)["company"] == "Dongfeng"
    assert len(list(rows)) == 5


# ---- presets about named entities read only what their answer needs -------------------------------

_ONE_ENTITY = [("partners-of", {"company": "Hub"}), ("common-partners", {"a": "Hub", "b": "P1"}),
               ("path", {"a": "P1", "b": "P2"}), ("path", {"a": "Hub", "b": "Nowhere"}),
               ("people-of", {"company": "Hub"}), ("sources", {"a": "Hub", "b": "P1"}),
               ("history", {"a": "Hub", "b": "P1"}), ("timeline", {"company": "Hub"}),
               ("meetings", {"person": "Ann"}), ("prospective", {"since": "2030"}),
               ("cross-border", {"country_a": "FR", "country_b": "CN"}),
               ("cross-border", {"country_a": "CN", "status": "active"})]


class _Recording:
    """The store as the query layer sees it, recording each statement."""

    def __init__(self, store):
        self.store, self.seen = store, []

    def iter_sql(self, sql, params=()):
        self.seen.append((sql, params))
        return self.store.iter_sql(sql, params)

    def read_sql(self, sql, params=()):
        return list(self.iter_sql(sql, params))


def _small_world(tmp_path, unrelated: int) -> EmbeddedStore:
    src = lambda i: {"title": f"Report {i}", "published": f"2024-{1 + i % 12:02d}"}  # noqa: E731
    records = [fact("Hub", "PARTNERS_WITH", f"P{i}", src(i), domain=f"d{i}", status="active") for i in range(5)]
    records += [fact("P1", "PARTNERS_WITH", "P2", src(1), status="prospective"),
                fact("Ann", "WORKS_FOR", "Hub", src(2), role="CEO"),
                {**fact("Ann", "MET_WITH", "P1", src(3)), "subject_type": "Person"},
                {"entity": "Nowhere", "type": "Company"}]
    records += [{"entity": name, "type": "Company", "country": country}
                for name, country in [("Hub", "FR"), ("P0", "CN"), ("P1", "CN"), ("P2", "US"), ("P3", "FR")]]
    rng = random.Random(3)
    records += [fact(f"Other {rng.randrange(unrelated // 4 + 2)}", "PARTNERS_WITH", f"Else {i}", src(i),
                     domain=f"x{i}", status=rng.choice(["active", "ended"])) for i in range(unrelated)]
    # companies of other countries, partners across borders too, which a cross-border search
    # about France or China must not read
    records += [{"entity": f"Else {i}", "type": "Company", "country": ("DE", "JP")[i % 2]} for i in range(unrelated)]
    records += [{"entity": f"Other {i}", "type": "Company", "country": "US"} for i in range(unrelated // 4 + 2)]
    store = open_embedded(tmp_path)
    assert load(store, write_jsonl(tmp_path / "facts.jsonl", records)).ok
    return store


def _vm_steps(store, preset, params) -> int:
    steps = 0

    def count():
        nonlocal steps
        steps += 1
        return 0

    bound = bind_params(store, PRESETS[preset], params)
    bound.pop("as_of")
    store.db.set_progress_handler(count, 1)  # every virtual machine instruction
    try:
        list(IMPLEMENTATIONS[preset](store, **bound))
    finally:
        store.db.set_progress_handler(None, 0)
    return steps


@pytest.mark.parametrize("preset,params", _ONE_ENTITY, ids=[f"{p}-{i}" for i, (p, _) in enumerate(_ONE_ENTITY)])
def test_one_entity_presets_use_indexes_not_scans(tmp_path, preset, params):
    store = _small_world(tmp_path, 200)
    recording = _Recording(store)
    bound = bind_params(store, PRESETS[preset], params)
    bound.pop("as_of")  # the plain path; as of a date, the same SQL runs under a WITH clause
    list(IMPLEMENTATIONS[preset](recording, **bound))
    assert recording.seen
    for sql, args in recording.seen:
        plan = [row[3] for row in store.db.execute("EXPLAIN QUERY PLAN " + sql, args)]
        # a SCAN of a table or of a whole index reads every row; the subqueries t/p are the answer
        scans = [d for d in plan if re.match(r"SCAN (relations|entities|links|sources|names|r|x|y|e|l|s)\b", d)]
        assert not scans, f"{preset}: {sql}\n{plan}"
    store.close()


@pytest.mark.parametrize("preset,params", _ONE_ENTITY, ids=[f"{p}-{i}" for i, (p, _) in enumerate(_ONE_ENTITY)])
def test_one_entity_presets_cost_the_same_in_a_store_forty_times_larger(tmp_path, preset, params):
    small = _small_world(tmp_path / "small", 100)
    large = _small_world(tmp_path / "large", 4000)
    assert run_preset(small, preset, **params) == run_preset(large, preset, **params)
    a, b = _vm_steps(small, preset, params), _vm_steps(large, preset, params)
    assert b <= 1.25 * a, (a, b)  # deeper B-trees cost a little; a scan would cost 40 times more
    small.close()
    large.close()


# ---- path against a plain breadth-first search -----------------------------------------------------

def _reference_path(store, a, b, max_hops, include_ended):
    """The unidirectional search the embedded store used before format 2."""
    names = {e["id"]: e["name"] for e in store.entity_rows()}
    adj: dict[str, set[str]] = {}
    for r in store.relation_rows("PARTNERS_WITH"):
        if r["props"].get("status") == "ended" and not include_ended:
            continue
        adj.setdefault(r["subject_id"], set()).add(r["object_id"])
        adj.setdefault(r["object_id"], set()).add(r["subject_id"])
    if a == b:
        return []
    dist, queue = {b: 0}, deque([b])
    while queue:
        n = queue.popleft()
        for m in adj.get(n, ()):
            if m not in dist:
                dist[m] = dist[n] + 1
                queue.append(m)
    if a not in dist or dist[a] > max_hops:
        return []
    node, seq = a, [names[a]]
    while node != b:
        node = min((m for m in adj[node] if dist.get(m) == dist[node] - 1), key=lambda m: (names[m], m))
        seq.append(names[node])
    return [{"path": seq, "hops": len(seq) - 1}]


@pytest.mark.parametrize("seed", range(6))
def test_bidirectional_path_equals_the_plain_search(tmp_path, seed):
    rng = random.Random(seed)
    n = rng.randint(12, 40)
    names = [rng.choice(["Alpha", "Beta", "Gamma"]) for _ in range(n)]  # many equally short paths
    records = []
    for _ in range(rng.randint(n, 3 * n)):
        x, y = rng.sample(range(n), 2)
        records.append(fact(f"{names[x]} #{x}", "PARTNERS_WITH", f"{names[y]} #{y}",
                            status=rng.choice(["active", "active", "ended", "prospective"])))
    store = open_embedded(tmp_path)
    assert load(store, write_jsonl(tmp_path / "g.jsonl", records)).ok
    ids = sorted(e["id"] for e in store.entity_rows())
    for a in ids[:: max(1, len(ids) // 8)]:
        for b in ids:
            for hops, ended in ((4, False), (2, True), (7, False)):
                want = _reference_path(store, a, b, hops, ended)
                got = IMPLEMENTATIONS["path"](store, a, b, hops, ended)
                assert got == want, (a, b, hops, ended)
    store.close()


# ---- the derived partner tables follow every load ----------------------------------------------

def _derived(store) -> dict:
    return {t: sorted(store.read_sql(f"SELECT * FROM {t}"))
            for t in ("partner_counts", "partner_domains")}


@pytest.mark.parametrize("bulk", [False, True])  # each company recounted, or all in one pass
@pytest.mark.parametrize("settle_at", [50_000, 0])  # settled at commit, or after every batch too
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_partner_tables_stay_equal_to_a_recount(tmp_path, seed, settle_at, bulk, monkeypatch):
    from autokg.graph.embedded import _DERIVE_V2, _statements
    from test_parity import random_fact_files

    monkeypatch.setattr("autokg.graph.embedded._SETTLE_AT", settle_at)
    monkeypatch.setattr("autokg.graph.embedded._BULK_RECOUNT", 0 if bulk else 10**9)
    monkeypatch.setattr("autokg.graph.embedded._BULK_SHARE", 10**9 if bulk else 4)
    store = open_embedded(tmp_path)
    for files in random_fact_files(seed, tmp_path):  # reloads, late aliases that move relations, status changes
        load(store, *files)
        kept = _derived(store)
        recount = sqlite3.connect(":memory:")
        recount.execute("ATTACH DATABASE ? AS kg", (str(store.path),))
        recount.executescript("""
            CREATE TABLE relations AS SELECT * FROM kg.relations;
            CREATE TABLE partner_counts (id, partners); CREATE TABLE partner_domains (domain, n);""")
        for stmt in _statements(_DERIVE_V2):
            recount.execute(stmt)
        assert kept == {t: sorted(recount.execute(f"SELECT * FROM {t}")) for t in kept}
        recount.close()
    assert kept["partner_counts"] and kept["partner_domains"]
    store.close()


# ---- the indexes a large load drops and builds again -------------------------------------------

def _schema(store) -> list:
    return sorted(store.read_sql("SELECT type, name, tbl_name, sql FROM sqlite_schema"))


def _everything(store) -> dict:
    return {**snapshot(store), **_derived(store), "borders": _borders(store)[0], "schema": _schema(store)}


def _dropping(store) -> list[str]:
    """The DROP INDEX statements *store*'s connection runs, as they run."""
    seen: list[str] = []
    store.db.set_trace_callback(lambda sql: seen.append(sql) if sql.startswith("DROP INDEX") else None)
    return seen


@pytest.mark.parametrize("seed", [1, 2, 4])
def test_a_load_that_defers_its_indexes_leaves_the_same_store(tmp_path, seed, monkeypatch):
    """Loads whose transactions drop the deferred indexes (and build them again, mid-load when an
    alias merge reads the adjacency, else before the commit) leave the rows, the derived tables
    and the schema exactly as loads that keep them."""
    from autokg.graph import embedded
    from test_parity import random_fact_files

    loads = random_fact_files(seed, tmp_path)
    stores = {}
    for defer_at in (10**9, 1):
        monkeypatch.setattr(embedded, "_DEFER_AT", defer_at)
        store = open_embedded(tmp_path, f"kg-{defer_at}.db")
        dropped = _dropping(store)
        states = []
        for files in loads:
            assert load(store, *files).ok
            states.append(_everything(store))
        assert store.db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert bool(dropped) == (defer_at == 1), dropped  # the indexes were dropped, or never
        # the settings of their build (sorts in temporary files, a small page cache) came back
        assert store.db.execute("PRAGMA temp_store").fetchone() == (2,)
        assert store.db.execute("PRAGMA cache_size").fetchone() == (-embedded.CACHE_MIB * 1024,)
        stores[defer_at] = states
        store.close()
    assert stores[1] == stores[10**9]
    assert {name for _, name, _, _ in stores[1][-1]["schema"]} >= set(embedded._DEFERRED)


def test_a_rolled_back_load_keeps_the_indexes_it_dropped(seeded, tmp_path, monkeypatch):
    from autokg.graph import embedded

    monkeypatch.setattr(embedded, "_DEFER_AT", 1)
    before = _everything(seeded)
    records = [fact(f"Maker {i}", "PARTNERS_WITH", f"Maker {i + 1}") for i in range(3000)]
    records.append({"subject": "Maker 0", "predicate": "NOT_A_PREDICATE", "object": "Maker 1"})
    dropped = _dropping(seeded)
    report = load(seeded, write_jsonl(tmp_path / "bad.jsonl", records), strict=True)
    assert report.files_not_loaded and dropped
    assert _everything(seeded) == before
    assert seeded.db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
