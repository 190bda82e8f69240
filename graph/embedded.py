"""The embedded store: one SQLite file, no server.

SQLite is the store of record (WAL journal, one transaction per loaded file, so a killed load
leaves the last committed state); networkx graphs are built from it for traversals and exports.
Nothing is pickled.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import orjson

from autokg.errors import StoreError, StoreUnavailable
from autokg.graph.merge import IdSet
from autokg.graph.model import schema

__all__ = ["EmbeddedStore", "SCHEMA_VERSION"]

SCHEMA_VERSION = 6
_CHUNK = 500  # host parameters per IN (...) list
# SQLite's page cache, at most (``PRAGMA cache_size``). A file loads in one transaction, so the
# cache fills with its dirty pages up to this cap and then spills them to the WAL: the cap is most
# of a large load's peak memory. Beyond it, pages are read again from the operating system's
# file cache, at little cost (see BENCHMARKS.md, "Embedded store").
CACHE_MIB = 64

# Format 2 makes the presets answerable from indexes:
# * the properties that presets filter and sort on are pulled out of the JSON ``props`` as stored
#   generated columns (computed by SQLite on write, so the writers are unchanged); ``status`` is
#   NULL for predicates that have none;
# * the adjacency is indexed from either end with the predicate and status, so that a preset about
#   one company reads only that company's relations; sources are indexed by date;
# * two small tables hold what the whole-graph presets would otherwise aggregate over every
#   partnership: each company's number of partners not ended (``partner_counts``, for hubs) and
#   the distinct domains (``partner_domains``, for a domain substring search).
# Format 2 kept the two tables with triggers, run for every relation row written. Format 3 drops
# the triggers: the writer notes the companies and domains its writes touch and settles the two
# tables once, in the same transaction, before it commits (:meth:`_Writer.settle`). A load then
# recounts each touched company once instead of once per relation.
_RELATIONS_V2 = """
CREATE TABLE {name} (
    id TEXT PRIMARY KEY, predicate TEXT NOT NULL, subject_id TEXT NOT NULL, object_id TEXT NOT NULL,
    key TEXT NOT NULL, key_display TEXT, props TEXT NOT NULL,
    status TEXT GENERATED ALWAYS AS (json_extract(props, '$.status')) STORED,
    since TEXT GENERATED ALWAYS AS (json_extract(props, '$.since')) STORED,
    until TEXT GENERATED ALWAYS AS (json_extract(props, '$.until')) STORED) WITHOUT ROWID;
"""
_DERIVED_V2 = """
CREATE TABLE partner_counts (id TEXT PRIMARY KEY, partners INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX partner_counts_rank ON partner_counts (partners);
CREATE TABLE partner_domains (domain TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX relations_from_subject ON relations (subject_id, predicate, status, object_id);
CREATE INDEX relations_from_object ON relations (object_id, predicate, status, subject_id);
CREATE INDEX relations_by_status ON relations (predicate, status);
CREATE INDEX relations_by_key ON relations (predicate, key_display);
CREATE INDEX sources_published ON sources (published);
"""
# The derived tables from the relations already there (the upgrade fills them in bulk).
_DERIVE_V2 = """
INSERT INTO partner_domains (domain, n) SELECT key_display, count(*) FROM relations
    WHERE predicate = 'PARTNERS_WITH' AND key_display IS NOT NULL GROUP BY key_display;
INSERT INTO partner_counts (id, partners) SELECT a, count(DISTINCT b) FROM (
    SELECT subject_id AS a, object_id AS b FROM relations WHERE predicate = 'PARTNERS_WITH' AND status IS NOT 'ended'
    UNION ALL
    SELECT object_id, subject_id FROM relations
    WHERE predicate = 'PARTNERS_WITH' AND status IS NOT 'ended' AND subject_id <> object_id) GROUP BY a;
"""
_DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entities (
    id TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL, declared INTEGER NOT NULL,
    aliases TEXT NOT NULL, attrs TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE names (
    norm TEXT NOT NULL, entity_id TEXT NOT NULL, PRIMARY KEY (norm, entity_id)) WITHOUT ROWID;
CREATE INDEX names_entity ON names (entity_id);
CREATE TABLE sources (
    id TEXT PRIMARY KEY, {source_columns}) WITHOUT ROWID;
CREATE TABLE links (
    relation_id TEXT NOT NULL, source_id TEXT NOT NULL, quote TEXT, confidence REAL NOT NULL,
    seq INTEGER NOT NULL, claims TEXT NOT NULL, PRIMARY KEY (relation_id, source_id)) WITHOUT ROWID;
CREATE INDEX links_source ON links (source_id);
""" + _RELATIONS_V2.format(name="relations") + _DERIVED_V2

# Format 4 adds the entity resolution (:mod:`autokg.graph.resolution`): rows kept by kind and id
# as JSON (the judgements, and the original rows of entities and relations a judgement merged),
# with the lookup keys of each row (names, ends, sources).
_RESOLUTION_V4 = """
CREATE TABLE resolution (kind TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID;
CREATE TABLE resolution_keys (
    kind TEXT NOT NULL, key TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (kind, key, id)) WITHOUT ROWID;
CREATE INDEX resolution_keys_id ON resolution_keys (kind, id);
"""
_DDL += _RESOLUTION_V4

# Format 5 indexes the entities by country, so that ``cross-border`` with a country starts from
# that country's companies (and the adjacency index) instead of reading every partnership. SQLite
# keeps the index whatever changes a country: a later record, a merge of the entity resolution.
_COUNTRY_V5 = """
CREATE INDEX IF NOT EXISTS entities_country ON entities (json_extract(attrs, '$.country'));
"""
_DDL += _COUNTRY_V5

# Format 6 keeps the cross-border partnerships in a table of their own, so that ``cross-border``
# reads its answer and little else: one row per partnership whose two companies have a country,
# different ones, keyed by (the smaller country, the larger, status, relation), with the company
# of each country and the domain. The writer keeps it in the transaction that changes what it
# mirrors (see :class:`_Borders`): a partnership written or deleted, an entity whose country
# changed or that was deleted (a merge of the entity resolution rewrites both). ``status`` is ''
# for none (a key column cannot be NULL); the countries have no declared type, so that they are
# stored exactly as ``json_extract`` gives them.
_BORDERS_V6 = """
CREATE TABLE IF NOT EXISTS partner_borders (
    lo NOT NULL, hi NOT NULL, status TEXT NOT NULL, id TEXT NOT NULL,
    lo_id TEXT NOT NULL, hi_id TEXT NOT NULL, domain TEXT,
    PRIMARY KEY (lo, hi, status, id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS partner_borders_relation ON partner_borders (id);
"""
# The rows of the partnerships `{relations}` gives (as `r`).
_BORDER_SELECT = """
SELECT CASE WHEN cs < co THEN cs ELSE co END, CASE WHEN cs < co THEN co ELSE cs END, status, id,
       CASE WHEN cs < co THEN s ELSE o END, CASE WHEN cs < co THEN o ELSE s END, domain
FROM (SELECT r.id, ifnull(r.status, '') AS status, r.key_display AS domain, r.subject_id AS s, r.object_id AS o,
             json_extract(x.attrs, '$.country') AS cs, json_extract(y.attrs, '$.country') AS co
      FROM {relations} CROSS JOIN entities x CROSS JOIN entities y
      WHERE r.predicate = 'PARTNERS_WITH' AND x.id = r.subject_id AND y.id = r.object_id)
WHERE cs IS NOT NULL AND co IS NOT NULL AND cs <> co
"""
_BORDER_ROWS = "INSERT INTO partner_borders (lo, hi, status, id, lo_id, hi_id, domain)" + _BORDER_SELECT
_DDL += _BORDERS_V6

# Each upgrade runs in the transaction that opens the store. Format 1 to 2: the relations table is
# rebuilt with the new columns (SQLite cannot add a stored column), every other table keeps its
# rows. Format 2 to 3: the triggers go (the derived tables they kept are already right). Format 3
# to 4: the tables of the entity resolution. Format 4 to 5: the index of the entities' country.
# Format 5 to 6: the table of cross-border partnerships, filled from the relations (emptied first:
# a store that says format 2 to 5 but already has it, as a test makes one, is filled again).
_UPGRADE = {
    1: _RELATIONS_V2.format(name="relations_v2") + """
INSERT INTO relations_v2 (id, predicate, subject_id, object_id, key, key_display, props)
    SELECT id, predicate, subject_id, object_id, key, key_display, props FROM relations;
DROP TABLE relations;
ALTER TABLE relations_v2 RENAME TO relations;
""" + _DERIVED_V2 + _DERIVE_V2,
    2: """
DROP TRIGGER IF EXISTS relations_added;
DROP TRIGGER IF EXISTS relations_removed;
DROP TRIGGER IF EXISTS relations_changed;
""",
    3: _RESOLUTION_V4,
    4: _COUNTRY_V5,
    5: _BORDERS_V6 + "DELETE FROM partner_borders;" + _BORDER_ROWS.format(relations="relations r")
       + " ORDER BY 1, 2, 3, 4",
}


def _statements(script: str) -> Iterator[str]:
    # One statement at a time, inside the caller's transaction (executescript would commit it
    # first); a trigger body's ';' does not end its CREATE TRIGGER.
    current = ""
    for part in script.split(";"):
        current += part + ";"
        if sqlite3.complete_statement(current):
            if current.strip(" \n;"):
                yield current.strip()
            current = ""


# What read_sql may do: read tables and call functions, nothing else.
_READ_ACTIONS = {sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION, sqlite3.SQLITE_RECURSIVE}


def _read_only(action, table, *_):
    if action in _READ_ACTIONS:
        return sqlite3.SQLITE_OK
    # A table-valued function such as json_each declares its table on first use, which SQLite
    # reports as an update of sqlite_master; SQL cannot write that table while PRAGMA
    # writable_schema is off, and a PRAGMA is refused here.
    if action == sqlite3.SQLITE_UPDATE and table == "sqlite_master":
        return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY


_SOURCE_COLS = ("id", *schema().source_fields)  # the source fields of the vocabulary, each a column
_DDL = _DDL.replace("{source_columns}", ", ".join(c + " TEXT" for c in _SOURCE_COLS[1:]))


_encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode
_SORTED = orjson.OPT_SORT_KEYS
_TEXT = {str}


def _dumps(value: Any) -> str:
    """The stored JSON text of *value*: compact, keys sorted, non-ASCII as is.

    The properties of a relation and the claims of a link are mostly flat objects of text,
    written once per row of a load; orjson writes those byte for byte as the standard encoder
    does (it writes some numbers differently, such as ``1e16`` for ``1e+16``), in a tenth of the
    time. Anything else goes through the standard encoder."""
    if type(value) is dict and set(map(type, value.values())) <= _TEXT:
        try:
            return orjson.dumps(value, option=_SORTED).decode()
        except TypeError:  # a key that is not text
            pass
    return _encode(value)


_PARTNERS = "PARTNERS_WITH"
# Companies noted before the writer settles the derived tables mid-transaction: a bound on the
# memory of the noted ids (about 100 bytes each), not a saving. Each settle recounts every noted
# company, and a company's partners are met again batch after batch, so settling often recounts
# the same companies again and again: at 50,000, a file of 1M facts over 100,000 companies
# settled 27 times, 1.4 million recounts instead of 100,000.
_SETTLE_AT = 500_000
# partnerships and entities noted before ``partner_borders`` is settled mid-transaction: more than
# a file of 100k facts writes, so that a partnership written and then given its countries by a
# later record of the same file is rewritten once, and a few tens of MB of ids at most
_BORDERS_AT = 200_000
# Secondary indexes that the writes of a load never read from. A load that writes at least
# _DEFER_AT links, and at least as many as the store held before it, drops them and builds
# them again before its transaction commits (:meth:`_Writer.indexes`): one sort per index instead
# of an insertion with a random key per row, in B-trees that outgrow the page cache (at 1M facts
# the store is about ten times the cache). The DROP and the CREATE are statements of the load's
# own transaction, so a killed or failed load leaves the store as it was, indexes included. A
# read that uses one of them (the adjacency, the links of a source) builds them again first.
_DEFERRED = ("relations_from_subject", "relations_from_object", "relations_by_status", "relations_by_key",
             "links_source", "sources_published", "entities_country")
_DEFER_AT = 10_000
_BUILD_CACHE_MIB = 16  # the page cache while they are built again
# One company's partners not ended, each counted once whichever end it is (nothing when none).
_RECOUNT = f"""
INSERT INTO partner_counts (id, partners) SELECT ?1, count(DISTINCT b) FROM (
    SELECT object_id AS b FROM relations WHERE subject_id = ?1 AND predicate = '{_PARTNERS}' AND status IS NOT 'ended'
    UNION ALL
    SELECT subject_id FROM relations WHERE object_id = ?1 AND predicate = '{_PARTNERS}' AND status IS NOT 'ended')
HAVING count(*) > 0
"""

# Noted companies from which settle recounts them all in one pass over the adjacency indexes, in
# their order (:func:`_partner_counts`), when they are also at least 1/_BULK_SHARE of the
# companies with partners before: a bulk load. Recounting one company costs two seeks into the
# indexes, whose pages a large load has just written and which come back from the WAL one by one.
_BULK_RECOUNT = 10_000
_BULK_SHARE = 4  # noted companies times this, at least those with partners before
_ADJACENT = ("SELECT {a}, {b} FROM relations INDEXED BY relations_from_{a_side} "
             f"WHERE predicate = '{_PARTNERS}' AND status IS NOT 'ended' ORDER BY {{a}}")


def _partner_counts(db: sqlite3.Connection) -> Iterator[tuple[str, int]]:
    """Every company's partners not ended, as ``_RECOUNT`` counts them (each counted once
    whichever end it is; companies with none left out), in id order: the two adjacency indexes
    read in their order and merged."""
    subj = db.execute(_ADJACENT.format(a="subject_id", b="object_id", a_side="subject"))
    obj = db.execute(_ADJACENT.format(a="object_id", b="subject_id", a_side="object"))
    x, y = next(subj, None), next(obj, None)
    while x is not None or y is not None:
        cur = x[0] if y is None or (x is not None and x[0] <= y[0]) else y[0]
        partners = set()
        while x is not None and x[0] == cur:
            partners.add(x[1])
            x = next(subj, None)
        while y is not None and y[0] == cur:
            partners.add(y[1])
            y = next(obj, None)
        yield cur, len(partners)


def _chunks(items: list, n: int = _CHUNK) -> Iterator[list]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


def default_path() -> Path:
    """``$AUTOKG_STORE``, else the user data directory (XDG on Linux)."""
    from autokg.settings import ENV

    if os.environ.get(ENV["store"]):
        return Path(os.environ[ENV["store"]])
    if os.name == "nt":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif os.uname().sysname == "Darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "autokg" / "autokg.db"


def _kept_rows(db: sqlite3.Connection, kind: str, ids: Iterable[str] | None) -> dict[str, dict]:
    if ids is None:
        return {i: json.loads(d) for i, d in db.execute(
            "SELECT id, data FROM resolution WHERE kind = ? ORDER BY id", (kind,))}
    out = {}
    for chunk in _chunks(list(ids)):
        out.update((i, json.loads(d)) for i, d in db.execute(
            f"SELECT id, data FROM resolution WHERE kind = ? AND id IN ({','.join('?' * len(chunk))})",
            [kind, *chunk]))
    return out


class _Borders:
    """Keeps ``partner_borders`` (format 6) in the writer's transaction: notes the partnerships
    written or deleted and the entities whose country changed or that were deleted, then writes
    the rows of those partnerships again from the relations and entities as they now are
    (:meth:`settle`, before the commit, and whenever many are noted). An entity merely written
    again with the same country notes nothing, so a load costs one lookup per entity written and
    one rewrite per partnership written.

    While no entity has a country (none had one when the transaction began, and none written
    since has one), the table is empty and stays so: nothing is noted, nothing is read. The first
    entity written with a country ends that; it is noted as any entity whose country changes, and
    so is every entity that gets a country after it, which is what a partnership needs (both of
    its ends) to have a row."""

    def __init__(self, db: sqlite3.Connection, indexes=lambda: None):
        self.db = db
        self.indexes = indexes  # builds the deferred indexes, which settle reads from
        self.relations: set[str] = set()
        self.entities: set[str] = set()
        self._countries: bool | None = None  # whether an entity may have a country (None: not read yet)

    def __len__(self) -> int:
        return len(self.relations) + len(self.entities)

    def countries(self) -> bool:
        if self._countries is None:
            # the largest country, from the end of the country index (NULLs sort first): one step
            (top,) = self.db.execute(
                "SELECT json_extract(attrs, '$.country') AS c FROM entities ORDER BY c DESC LIMIT 1").fetchone() \
                or (None,)
            self._countries = top is not None
        return self._countries

    def relations_written(self, ids: Iterable[str]) -> None:
        if self.countries():
            self.relations.update(ids)

    def entities_written(self, rows: list[dict]) -> None:
        """Before *rows* replace the stored entities: note those whose country changes."""
        new = {r["id"]: r["attrs"].get("country") for r in rows}
        if not self.countries():
            if all(c is None for c in new.values()):
                return
            self._countries = True
        old: dict[str, Any] = {}
        for chunk in _chunks(list(new)):
            old.update(self.db.execute(
                "SELECT id, json_extract(attrs, '$.country') FROM entities "
                f"WHERE id IN ({','.join('?' * len(chunk))})", chunk))
        self.entities.update(i for i, c in new.items() if old.get(i) != c)

    def entities_deleted(self, ids: Iterable[str]) -> None:
        if self.countries():
            self.entities.update(ids)

    def settle(self) -> None:
        ids = self.relations
        if self.entities:
            self.indexes()
        for chunk in _chunks(sorted(self.entities)):
            marks = ",".join("?" * len(chunk))
            ids.update(r[0] for r in self.db.execute(
                f"SELECT id FROM relations WHERE subject_id IN ({marks}) AND predicate = ? UNION ALL "
                f"SELECT id FROM relations WHERE object_id IN ({marks}) AND predicate = ?",
                [*chunk, _PARTNERS, *chunk, _PARTNERS]))
        # a few statements per many partnerships (their ids as one JSON list), the new rows
        # sorted by key so that they are written in the table's order
        for chunk in _chunks(sorted(ids), 20_000):
            listed = json.dumps(chunk)
            self.db.execute("DELETE FROM partner_borders WHERE id IN (SELECT value FROM json_each(?))", (listed,))
            self.db.execute(_BORDER_ROWS.format(relations="json_each(?1) j CROSS JOIN relations r ON r.id = j.value")
                            + " ORDER BY 1, 2, 3, 4", (listed,))
        self.relations = set()
        self.entities = set()


class _Writer:
    """One write transaction on the SQLite file (see :class:`autokg.graph.store.Writer`)."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db
        self._rollback = False
        # what the derived partner tables must follow (see settle): companies whose partnerships
        # were written, and the change of each domain's number of partnerships
        self._partners: set[str] = set()
        self._domains: dict[str, int] = {}
        self._borders = _Borders(db, self.indexes)  # the cross-border partnerships (format 6)
        # relation ids read and not found since the last flush: writing one replaces nothing, so
        # put_relations need not read it again (a batch reads its relations, then writes them)
        self._absent: set[str] = set()
        # the deferred indexes (see _DEFERRED): links written so far, and the claims numbered by
        # this transaction (next_seq), the CREATE statements of the indexes dropped, and whether
        # they were built again (they are dropped once at most)
        self._written = 0
        self._numbered = 0
        self._dropped: list[str] = []
        self._rebuilt = False
        # in a transaction that found no relations (sources, names of entities) in the store when
        # it began, the ids (compared names) of those it has written since (:meth:`begin`): a read
        # of any other cannot find it, and is answered without SQL. Kept as hashes (IdSet): a
        # false match only reads.
        self._rel_ids: IdSet | None = None
        self._src_ids: IdSet | None = None
        self._names: IdSet | None = None

    def begin(self) -> None:
        """At the start of a write transaction: note which tables the store has no row in."""
        if self.db.execute("SELECT 1 FROM relations LIMIT 1").fetchone() is None:
            self._rel_ids = IdSet()
        if self.db.execute("SELECT 1 FROM sources LIMIT 1").fetchone() is None:
            self._src_ids = IdSet()
        if self.db.execute("SELECT 1 FROM names LIMIT 1").fetchone() is None:
            self._names = IdSet()

    def _defer_indexes(self) -> None:
        """Drop the deferred indexes if this transaction writes at least _DEFER_AT links, and at
        least as many as the store held before it. What it held is bounded above, at no cost, by
        the claims numbered before this transaction (``seq`` in ``meta``: one per link ever
        written, a link written again included)."""
        if self._dropped or self._rebuilt or self._written < _DEFER_AT:
            return
        row = self.db.execute("SELECT value FROM meta WHERE key = 'seq'").fetchone()
        if self._written < (int(row[0]) if row else 0) - self._numbered:
            return
        rows = dict(self.db.execute(
            f"SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND name IN ({','.join('?' * len(_DEFERRED))})",
            _DEFERRED))
        for name in _DEFERRED:
            if name in rows:
                self.db.execute(f'DROP INDEX "{name}"')
                self._dropped.append(rows[name])

    def indexes(self) -> None:
        """Build the indexes this transaction dropped, if any (before a read that uses them, and
        before the commit).

        Each CREATE INDEX sorts its table's keys. With ``temp_store = MEMORY`` SQLite would keep
        every sorted run in memory, as much as the index itself (hundreds of MiB at 1M facts), and it keeps
        one run as large as the page cache before writing it out; so the sorts run with temporary
        files and a page cache of _BUILD_CACHE_MIB (the dirty pages beyond it go to the WAL, as
        they would at the commit), and both settings come back after."""
        if not self._dropped:
            return
        (cache,) = self.db.execute("PRAGMA cache_size").fetchone()
        (temp,) = self.db.execute("PRAGMA temp_store").fetchone()
        try:
            self.db.execute("PRAGMA temp_store = FILE")
        except sqlite3.OperationalError:  # a temporary table in use (none in a load): sort in memory
            pass
        self.db.execute(f"PRAGMA cache_size = -{_BUILD_CACHE_MIB * 1024}")
        try:
            for sql in self._dropped:
                self.db.execute(sql)
        finally:
            self.db.execute(f"PRAGMA cache_size = {int(cache)}")
            try:
                self.db.execute(f"PRAGMA temp_store = {int(temp)}")
            except sqlite3.OperationalError:
                pass
        self._dropped = []
        self._rebuilt = True

    # reads
    def find_entities(self, norms: Iterable[str]) -> dict[str, list[dict]]:
        out: dict[str, list[dict]] = {}
        norms = list(norms)
        if self._names is not None:
            norms = [n for n in norms if n in self._names]
        for chunk in _chunks(norms):
            rows = self.db.execute(
                "SELECT n.norm, e.id, e.type, e.name, e.declared, e.aliases, e.attrs FROM names n "
                f"JOIN entities e ON e.id = n.entity_id WHERE n.norm IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            for n, eid, typ, name, declared, aliases, attrs in rows:
                # most entities have neither aliases nor attributes
                out.setdefault(n, []).append({
                    "id": eid, "type": typ, "name": name, "declared": bool(declared),
                    "aliases": [] if aliases == "[]" else json.loads(aliases),
                    "attrs": {} if attrs == "{}" else json.loads(attrs),
                })
        for rows in out.values():
            rows.sort(key=lambda r: r["id"])
        return out

    def get_relations(self, ids: Iterable[str]) -> dict[str, dict]:
        out: dict[str, dict] = {}
        ids = out_ids = list(ids)
        if self._rel_ids is not None:
            written, ids, absent = self._rel_ids, [], []
            for i in out_ids:
                (ids if i in written else absent).append(i)
            self._absent.update(absent)
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            for rid, pred, s, o, key, kd, props in self.db.execute(
                "SELECT id, predicate, subject_id, object_id, key, key_display, props FROM relations "
                f"WHERE id IN ({marks})", chunk):
                out[rid] = {"id": rid, "predicate": pred, "subject_id": s, "object_id": o, "key": key,
                            "key_display": kd, "props": json.loads(props), "links": {}}
            for rid, sid, quote, conf, seq, claims in self.db.execute(
                "SELECT relation_id, source_id, quote, confidence, seq, claims FROM links "
                f"WHERE relation_id IN ({marks})", chunk):
                out[rid]["links"][sid] = {"relation_id": rid, "source_id": sid, "quote": quote,
                                          "confidence": conf, "seq": seq, "claims": json.loads(claims)}
        self._absent.update(i for i in ids if i not in out)
        return out

    def relation_ids_touching(self, entity_id: str) -> list[str]:
        self.indexes()
        return [r[0] for r in self.db.execute(
            "SELECT id FROM relations WHERE subject_id = ? UNION SELECT id FROM relations WHERE object_id = ?",
            (entity_id, entity_id))]

    def relation_ids_citing(self, source_id: str) -> list[str]:
        self.indexes()
        return [r[0] for r in self.db.execute("SELECT relation_id FROM links WHERE source_id = ?", (source_id,))]

    def get_sources(self, ids: Iterable[str]) -> dict[str, dict]:
        out = {}
        ids = list(ids)
        if self._src_ids is not None:
            ids = [i for i in ids if i in self._src_ids]
        for chunk in _chunks(ids):
            for row in self.db.execute(
                f"SELECT {', '.join(_SOURCE_COLS)} FROM sources WHERE id IN ({','.join('?' * len(chunk))})", chunk):
                out[row[0]] = {k: v for k, v in zip(_SOURCE_COLS, row) if v is not None}
        return out

    def next_seq(self, n: int) -> int:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'seq'").fetchone()
        start = int(row[0]) if row else 0
        self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('seq', ?)", (str(start + n),))
        self._numbered += n
        return start

    # writes
    def put_entities(self, rows: list[dict]) -> None:
        from autokg.graph.normalize import norm

        self._borders.entities_written(rows)
        self.db.executemany(
            "INSERT OR REPLACE INTO entities (id, type, name, declared, aliases, attrs) VALUES (?, ?, ?, ?, ?, ?)",
            [(r["id"], r["type"], r["name"], int(r["declared"]), _dumps(r["aliases"]), _dumps(r["attrs"]))
             for r in rows])
        self.db.executemany("DELETE FROM names WHERE entity_id = ?", [(r["id"],) for r in rows])
        names = [(norm(n), r["id"]) for r in rows for n in [r["name"], *r["aliases"]]]
        self.db.executemany("INSERT OR IGNORE INTO names (norm, entity_id) VALUES (?, ?)", names)
        if self._names is not None:
            for n, _ in names:
                self._names.add(n)

    def delete_entities(self, ids: list[str]) -> None:
        self._borders.entities_deleted(ids)
        self.db.executemany("DELETE FROM names WHERE entity_id = ?", [(i,) for i in ids])
        self.db.executemany("DELETE FROM entities WHERE id = ?", [(i,) for i in ids])

    def put_sources(self, rows: list[dict]) -> None:
        if self._src_ids is not None:
            for r in rows:
                self._src_ids.add(r["id"])
        self.db.executemany(
            f"INSERT OR REPLACE INTO sources ({', '.join(_SOURCE_COLS)}) VALUES ({', '.join('?' * len(_SOURCE_COLS))})",
            [tuple(r.get(c) for c in _SOURCE_COLS) for r in rows])

    def _removing(self, ids: list[str]) -> None:
        """Note the partnerships among *ids* that are about to be replaced or deleted."""
        for chunk in _chunks(ids):
            # the predicate is tested here: in the WHERE clause it would lead SQLite to scan the
            # predicate's index instead of looking each id up
            for pred, s, o, kd in self.db.execute(
                    "SELECT predicate, subject_id, object_id, key_display FROM relations "
                    f"WHERE id IN ({','.join('?' * len(chunk))})", chunk):
                if pred != _PARTNERS:
                    continue
                self._partners.add(s)
                self._partners.add(o)
                if kd is not None:
                    self._domains[kd] = self._domains.get(kd, 0) - 1

    def put_relations(self, rows: list[dict]) -> None:
        partners = [r for r in rows if r["predicate"] == _PARTNERS]
        self._borders.relations_written(r["id"] for r in partners)
        if partners:
            self._removing([r["id"] for r in partners if r["id"] not in self._absent])
            for r in partners:
                self._partners.add(r["subject_id"])
                self._partners.add(r["object_id"])
                if r["key_display"] is not None:
                    self._domains[r["key_display"]] = self._domains.get(r["key_display"], 0) + 1
        self.db.executemany(
            "INSERT OR REPLACE INTO relations (id, predicate, subject_id, object_id, key, key_display, props) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(r["id"], r["predicate"], r["subject_id"], r["object_id"], r["key"], r["key_display"],
              _dumps(r["props"])) for r in rows])
        self._absent.difference_update(r["id"] for r in rows)
        if self._rel_ids is not None:
            for r in rows:
                self._rel_ids.add(r["id"])

    def delete_relations(self, ids: list[str]) -> None:
        self._borders.relations_written(ids)
        self._removing(ids)
        self.db.executemany("DELETE FROM links WHERE relation_id = ?", [(i,) for i in ids])
        self.db.executemany("DELETE FROM relations WHERE id = ?", [(i,) for i in ids])

    def put_links(self, rows: list[dict]) -> None:
        self._written += len(rows)
        self.db.executemany(
            "INSERT OR REPLACE INTO links (relation_id, source_id, quote, confidence, seq, claims) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(r["relation_id"], r["source_id"], r["quote"], r["confidence"], r["seq"], _dumps(r["claims"]))
             for r in rows])

    # the rows of the entity resolution (see autokg.graph.resolution)
    def get_entities(self, ids: Iterable[str]) -> dict[str, dict]:
        out = {}
        for chunk in _chunks(list(ids)):
            for eid, typ, name, declared, aliases, attrs in self.db.execute(
                "SELECT id, type, name, declared, aliases, attrs FROM entities "
                f"WHERE id IN ({','.join('?' * len(chunk))})", chunk):
                out[eid] = {"id": eid, "type": typ, "name": name, "declared": bool(declared),
                            "aliases": json.loads(aliases), "attrs": json.loads(attrs)}
        return out

    def kept_rows(self, kind: str, ids: Iterable[str] | None = None) -> dict[str, dict]:
        return _kept_rows(self.db, kind, ids)

    def kept_ids(self, kind: str, keys: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for chunk in _chunks(list(keys)):
            out.update(r[0] for r in self.db.execute(
                f"SELECT id FROM resolution_keys WHERE kind = ? AND key IN ({','.join('?' * len(chunk))})",
                [kind, *chunk]))
        return out

    def keep_rows(self, kind: str, rows: list[tuple[str, dict, list[str]]]) -> None:
        """Keep each ``(id, row, keys)`` (replacing what was kept under that id)."""
        self.forget_rows(kind, [i for i, _, _ in rows])
        self.db.executemany("INSERT INTO resolution (kind, id, data) VALUES (?, ?, ?)",
                            [(kind, i, _dumps(row)) for i, row, _ in rows])
        self.db.executemany("INSERT OR IGNORE INTO resolution_keys (kind, key, id) VALUES (?, ?, ?)",
                            [(kind, k, i) for i, _, keys in rows for k in keys])

    def forget_rows(self, kind: str, ids: list[str]) -> None:
        self.db.executemany("DELETE FROM resolution_keys WHERE kind = ? AND id = ?", [(kind, i) for i in ids])
        self.db.executemany("DELETE FROM resolution WHERE kind = ? AND id = ?", [(kind, i) for i in ids])

    def flush(self) -> None:
        # one SQLite transaction: reads already see the writes; the derived tables are settled
        # now and then so that what they must follow stays small
        self._absent.clear()
        self._defer_indexes()
        if len(self._partners) > _SETTLE_AT:
            self.settle()
        if len(self._borders) > _BORDERS_AT:
            self._borders.settle()

    def settle(self) -> None:
        """Bring ``partner_counts`` and ``partner_domains`` up to date with the writes so far:
        each noted company's partners not ended are recounted from the adjacency indexes, each
        noted domain's count changes by what was added and removed; the deferred indexes are
        built again first."""
        self.indexes()
        changes = [(d, n) for d, n in self._domains.items() if n]
        if changes:
            self.db.executemany("INSERT INTO partner_domains (domain, n) VALUES (?, ?) "
                                "ON CONFLICT (domain) DO UPDATE SET n = n + excluded.n", changes)
            self.db.executemany("DELETE FROM partner_domains WHERE domain = ? AND n <= 0",
                                [(d,) for d, n in changes if n < 0])
        if self._partners:
            noted = self._partners
            (known,) = self.db.execute("SELECT count(*) FROM partner_counts").fetchone()
            if len(noted) >= _BULK_RECOUNT and len(noted) * _BULK_SHARE >= known:
                # most companies: one pass over the adjacency instead of two seeks per company
                counts = {i: n for i, n in _partner_counts(self.db) if i in noted}
                self.db.executemany("DELETE FROM partner_counts WHERE id = ?",
                                    [(i,) for i in sorted(noted) if i not in counts])
                self.db.executemany("INSERT OR REPLACE INTO partner_counts (id, partners) VALUES (?, ?)",
                                    [(i, counts[i]) for i in sorted(noted) if i in counts])
            else:
                ids = [(i,) for i in sorted(noted)]
                self.db.executemany("DELETE FROM partner_counts WHERE id = ?", ids)
                self.db.executemany(_RECOUNT, ids)
        self._partners.clear()
        self._domains.clear()
        self._borders.settle()

    def rollback(self) -> None:
        self._rollback = True


class EmbeddedStore:
    """The default store: a SQLite file at *path* (default :func:`default_path`)."""

    name = "embedded"

    def __init__(self, path: str | os.PathLike | None = None, busy_timeout: float = 600.0,
                 cache_mib: int | None = None):
        self.path = Path(path) if path else default_path()
        self.busy_timeout = busy_timeout
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, timeout=30.0, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA foreign_keys = OFF")
            self.db.execute(f"PRAGMA cache_size = -{int(cache_mib or CACHE_MIB) * 1024}")  # in KiB
            self.db.execute("PRAGMA temp_store = MEMORY")
            self._retry(self._prepare)
        except sqlite3.DatabaseError as exc:
            raise StoreUnavailable(f"cannot open the store {self.path}: {exc}") from None

    def _prepare(self) -> None:
        """Create the tables of a new store, or upgrade an older one, in one transaction."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            has_meta = self.db.execute(
                "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'meta'").fetchone()
            if not has_meta:
                for stmt in _statements(_DDL):
                    self.db.execute(stmt)
                version = SCHEMA_VERSION
            else:
                row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
                version = int(row[0]) if row else 1  # format 1 wrote its tables before the version
                if version > SCHEMA_VERSION:
                    raise StoreUnavailable(
                        f"{self.path}: store format {version}, this autokg reads format {SCHEMA_VERSION}")
                if version == SCHEMA_VERSION and row is not None:
                    self.db.execute("COMMIT")  # nothing to write: a read-only store opens for queries
                    return
                while version < SCHEMA_VERSION:
                    for stmt in _statements(_UPGRADE[version]):
                        self.db.execute(stmt)
                    version += 1
            self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)", (str(version),))
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def _retry(self, fn):
        """Run *fn*, waiting while another process holds the write lock."""
        deadline = time.monotonic() + self.busy_timeout
        delay = 0.05
        while True:
            try:
                return fn()
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise StoreError(f"{self.path}: {exc}") from None
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
                if time.monotonic() > deadline:
                    raise StoreError(f"{self.path}: the store stayed locked by another process") from None
                time.sleep(delay)
                delay = min(delay * 2, 1.0)

    @contextmanager
    def transaction(self, *, atomic: bool = True) -> Iterator[_Writer]:
        """A write transaction: committed when the block ends, rolled back on error or on
        ``writer.rollback()``. Always atomic (*atomic* is accepted for the store protocol)."""
        self._retry(lambda: self.db.execute("BEGIN IMMEDIATE"))
        writer = _Writer(self.db)
        try:
            writer.begin()
            yield writer
            if not writer._rollback:
                writer.settle()
            self.db.execute("ROLLBACK" if writer._rollback else "COMMIT")
        except sqlite3.DatabaseError as exc:  # a read-only or full disk, a damaged file: one line, no traceback
            if self.db.in_transaction:  # SQLite may have rolled back already
                self.db.execute("ROLLBACK")
            raise StoreError(f"cannot write the store {self.path}: {exc}") from None
        except BaseException:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ---- reading ------------------------------------------------------------------------

    def lookup(self, compared: str) -> list[dict]:
        """Entities having *compared* (a :func:`norm` form) as name or alias."""
        return _Writer(self.db).find_entities([compared]).get(compared, [])

    def lookup_many(self, compared: Iterable[str]) -> dict[str, list[dict]]:
        """Entities by each compared name in *compared* (absent when none), by id."""
        return _Writer(self.db).find_entities(compared)

    def entity_rows(self) -> list[dict]:
        return [
            {"id": i, "type": t, "name": n, "declared": bool(d), "aliases": json.loads(a), "attrs": json.loads(at)}
            for i, t, n, d, a, at in self.db.execute(
                "SELECT id, type, name, declared, aliases, attrs FROM entities ORDER BY id")
        ]

    def relation_ids(self) -> list[str]:
        return [i for (i,) in self.db.execute("SELECT id FROM relations ORDER BY id")]

    def relation_rows(self, predicate: str | None = None) -> list[dict]:
        sql = "SELECT r.id, r.predicate, r.subject_id, r.object_id, r.key_display, r.props, " \
              "(SELECT count(*) FROM links l WHERE l.relation_id = r.id) FROM relations r"
        args: tuple = ()
        if predicate:
            sql += " WHERE r.predicate = ?"
            args = (predicate,)
        return [
            {"id": i, "predicate": p, "subject_id": s, "object_id": o, "key_display": kd,
             "props": json.loads(pr), "sources": n}
            for i, p, s, o, kd, pr, n in self.db.execute(sql + " ORDER BY r.id", args)
        ]

    def link_rows(self, relation_ids: Iterable[str] | None = None) -> list[dict]:
        """Links with their source's fields, for the given relations (default: all)."""
        cols = "l.relation_id, l.quote, l.confidence, l.seq, l.claims, " + ", ".join(f"s.{c}" for c in _SOURCE_COLS)
        base = f"SELECT {cols} FROM links l JOIN sources s ON s.id = l.source_id"
        if relation_ids is None:
            cursors = [self.db.execute(base)]
        else:
            ids = list(relation_ids)
            cursors = [self.db.execute(base + f" WHERE l.relation_id IN ({','.join('?' * len(c))})", c)
                       for c in _chunks(ids)]
        out = []
        for cur in cursors:
            for row in cur:
                rid, quote, conf, seq, claims, *src = row
                source = dict(zip(_SOURCE_COLS, src))
                out.append({"relation_id": rid, "quote": quote, "confidence": conf, "seq": seq,
                            "claims": json.loads(claims), "source": source})
        return out

    def source_rows(self) -> list[dict]:
        return [dict(zip(_SOURCE_COLS, r)) for r in self.db.execute(
            f"SELECT {', '.join(_SOURCE_COLS)} FROM sources ORDER BY id")]

    def iter_sql(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Iterator[tuple]:
        """Rows of one read-only SQL statement, as they come (a statement that would write, or
        change the connection, is refused with :class:`StoreError`). The rows are read lazily:
        consume them before the next write on this store."""
        self.db.set_authorizer(_read_only)
        try:
            cursor = self.db.execute(sql, params)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: {exc}") from None
        finally:
            self.db.set_authorizer(None)
        return iter(cursor)

    def read_sql(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[tuple]:
        """All rows of one read-only SQL statement (see :meth:`iter_sql`)."""
        return list(self.iter_sql(sql, params))

    def stats(self) -> dict[str, int]:
        from autokg.graph.model import schema

        out: dict[str, int] = {}
        counts = dict(self.db.execute("SELECT type, count(*) FROM entities GROUP BY type").fetchall())
        out["entities"] = sum(counts.values())
        for t in schema().entity_types:
            out[f"entities:{t}"] = counts.get(t, 0)
        counts = dict(self.db.execute("SELECT predicate, count(*) FROM relations GROUP BY predicate").fetchall())
        out["relations"] = sum(counts.values())
        for p in schema().predicates:
            out[f"relations:{p}"] = counts.get(p, 0)
        out["sources"] = self.db.execute("SELECT count(*) FROM sources").fetchone()[0]
        out["links"] = self.db.execute("SELECT count(*) FROM links").fetchone()[0]
        return out

    def kept_rows(self, kind: str, ids: Iterable[str] | None = None) -> dict[str, dict]:
        """Rows of the entity resolution of *kind* (``judgement``, ``entity``, ``relation``) by id,
        all of them or those of *ids* (see :mod:`autokg.graph.resolution`)."""
        return _kept_rows(self.db, kind, ids)

    def snapshot(self) -> dict[str, list[dict]]:
        return {"entities": self.entity_rows(), "relations": self.relation_rows(),
                "sources": self.source_rows(), "links": self.link_rows()}
