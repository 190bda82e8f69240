"""The Neo4j store: the store protocol of :mod:`autokg.graph.store` on a Neo4j 5 server."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterable, Iterator

from autokg.graph.model import schema
from autokg.graph.neo4j import statements as q
from autokg.graph.neo4j.buffer import WriteBuffer
from autokg.graph.neo4j.connection import Connection
from autokg.graph.neo4j.lock import LoadLock
from autokg.graph.neo4j.reader import StoredRows
from autokg.graph.neo4j.rows import SOURCE_COLS, check_vocabulary, chunks, entity_row, only
from autokg.graph.neo4j.sender import Sender, Statement

__all__ = ["Neo4jStore"]

# codes of a schema rule created by another transaction between IF NOT EXISTS and the commit
_SCHEMA_EXISTS = ("EquivalentSchemaRuleAlreadyExists", "ConstraintAlreadyExists", "IndexAlreadyExists")


class Neo4jStore:
    """The store on a Neo4j 5 server (``bolt://``, ``neo4j://`` and their ``+s``/``+ssc`` forms).

    Raises :class:`~autokg.errors.StoreUnavailable` with a one-line message when the server cannot
    be reached or refuses the credentials. The password is never part of a message. A load
    transaction commits every *tx_rows* rows or so (see :meth:`transaction`).
    """

    name = "neo4j"
    #: the URI without any user information, for messages
    location: str

    def __init__(self, uri: str | None = None, username: str | None = None, password: str | None = None,
                 database: str | None = None, *, connection_timeout: float = 5.0, tx_rows: int = 50000,
                 lock_lease: float = 20.0, lock_wait: float | None = None):
        check_vocabulary()
        #: the connection, for reads and writes outside the store protocol (tools, benchmarks)
        self.connection = Connection(uri, username, password, database, connection_timeout=connection_timeout)
        self.uri, self.username = self.connection.uri, self.connection.username
        self.database, self.location = self.connection.database, self.connection.location
        self.tx_rows = tx_rows
        self.lock_lease, self.lock_wait = lock_lease, lock_wait
        #: the committed rows, as a load transaction reads them
        self.stored = StoredRows(self.connection)
        self._initialised = False

    # ---- schema and writing -----------------------------------------------------------------

    def init(self) -> list[dict]:
        """Create the constraints and indexes the store relies on, if they do not exist yet.

        Idempotent. When it creates any, it also gives every entity without ``aliases`` an empty
        list, as a bulk import leaves them; it migrates the names of a database written before
        ``:Name`` nodes (:meth:`migrate_names`) and counts the partners of every entity in a
        database written before those counts (:meth:`count_partners`). Returns one ``{"kind", "name", "created"}`` per constraint or index, and waits
        until the indexes are online.
        """
        statements = q.schema_statements()
        existing = {r["name"] for r in self.connection.read(q.SHOW_CONSTRAINTS)}
        states = {r["name"]: r["state"] for r in self.connection.read(q.SHOW_INDEXES)}
        existing |= set(states)
        missing = [stmt for _, name, stmt in statements if name not in existing]
        for stmt in missing:
            self._create_schema(stmt)
        if missing or any(state != "ONLINE" for state in states.values()):
            self.connection.run(q.AWAIT_INDEXES)
        if missing:  # a new database, perhaps a bulk import (see autokg.exports.neo4j_bulk)
            self.connection.run(q.FILL_EMPTY_ALIASES)
        self.migrate_names()
        self.count_partners()
        self.lower_partner_keys()
        self.pair_partner_countries()
        self._initialised = True
        self.stored.name_index_online = True
        return [{"kind": kind, "name": name, "created": name not in existing} for kind, name, _ in statements]

    def _create_schema(self, stmt: str) -> None:
        """Run one ``CREATE … IF NOT EXISTS``. Two loads opening a new database at once both
        create it: ``IF NOT EXISTS`` does not cover a rule another transaction commits meanwhile,
        which the server then refuses as already existing; that is the wanted state."""
        import neo4j.exceptions as ne

        with self.connection.errors():
            try:
                self.connection.write_read(stmt)
            except ne.ClientError as exc:
                if not (exc.code or "").endswith(_SCHEMA_EXISTS):
                    raise

    def migrate_names(self) -> int:
        """Give every entity without them its ``:Name`` nodes (a database written before they
        existed, or a migration that was interrupted), and drop the full-text index of names the
        lookups used before; returns the number of entities migrated. Idempotent; :meth:`init`
        calls it."""
        if any(r["name"] == q.OLD_NORM_INDEX for r in self.connection.read(q.SHOW_INDEXES)):
            self.connection.run(q.DROP_OLD_NORM_INDEX)
        n = self.connection.read(q.UNNAMED_ENTITIES)[0]["n"]
        if n:
            self.connection.run(q.LINK_NAMES)
        return n

    def count_partners(self, *, force: bool = False) -> bool:
        """Compute every entity's ``partners`` count (its partners not ended, which ``hubs``
        reads from the index ``entity_partners``), unless the database is marked as having them
        (loads keep them, a bulk import writes them); *force* computes them anyway. The counts
        commit 5,000 entities at a time and the mark comes last: an interrupted run leaves the
        database unmarked, and the next one computes them again. An empty database is left as
        it is (unmarked: the first load that commits into it marks it, see :meth:`transaction`).
        Returns whether it computed them. Idempotent; :meth:`init` calls it."""
        return self._derive_once(q.PARTNER_COUNTS_DONE, q.COUNT_ALL_PARTNERS, q.MARK_PARTNER_COUNTS, force=force)

    def lower_partner_keys(self) -> bool:
        """Give every partnership its lower-cased domain ``key_lower`` (for the text index the
        domain searches use), unless the database is marked as having them (loads write them; a
        bulk import does not, as the lower case must be the one Cypher compares with). Commits
        10,000 partnerships at a time, the mark last. Returns whether it set them. Idempotent;
        :meth:`init` calls it."""
        return self._derive_once(q.PARTNER_KEYS_DONE, q.LOWER_ALL_KEYS, q.MARK_PARTNER_KEYS)

    def pair_partner_countries(self) -> bool:
        """Give every partnership between two countries the pair of its ends' countries
        ``country_pair`` (for the index cross-border starts from), unless the database is marked
        as having them (loads write them; a bulk import does not). Commits 10,000 partnerships at
        a time, the mark last. Returns whether it set them. Idempotent; :meth:`init` calls it."""
        return self._derive_once(q.PARTNER_COUNTRIES_DONE, q.PAIR_ALL_COUNTRIES, q.MARK_PARTNER_COUNTRIES)

    def _derive_once(self, done: str, derive: str, mark: str, *, force: bool = False) -> bool:
        """Run *derive* over the whole database and then *mark* it, unless *done* finds the mark
        (or *force*). An empty database is left as it is, unmarked, so that a dry run or a refused
        load into it writes nothing; loads keep the derived values from then on, and the first
        one that commits writes the marks (:meth:`transaction`). Returns whether it ran."""
        if not force and self.connection.read(done)[0]["n"]:
            return False
        if not self.connection.read(q.COUNT_ENTITIES)[0]["n"]:
            return False
        self.connection.run(derive)
        self.connection.write([(mark, {}, 1)])
        return True

    @contextmanager
    def transaction(self, *, atomic: bool = False) -> Iterator[WriteBuffer]:
        """A load transaction. Its writes reach the server batch by batch while the block runs
        (each batch as soon as the merge engine ends it), in transactions of about ``tx_rows``
        rows; everything not committed yet is discarded on error or on ``writer.rollback()``.
        With *atomic* nothing is sent before the block ends, so ``rollback()`` discards
        everything (``--strict`` and dry runs). The first transaction of a store makes sure the
        constraints and indexes exist (:meth:`init`).

        The block holds the database's load lock (:mod:`autokg.graph.neo4j.lock`) from its first
        read to its last commit: another load waits for it (at most ``lock_wait`` seconds), so
        concurrent loads give the result of loading their files one after the other. A block
        that finds the database empty once it holds the lock answers the merge engine's reads
        from its own writes until it first forgets rows (see :mod:`~autokg.graph.neo4j.buffer`)."""
        if not self._initialised:
            self.init()
        lock = LoadLock(self.connection, lease=self.lock_lease, wait=self.lock_wait)
        lock.acquire()
        try:
            # under the lock, no other load writes: an empty database stays this load's alone.
            # init leaves an empty database unmarked (so that a dry run or a refused load writes
            # nothing); this load's writes keep the derived values from the start, so its first
            # commit writes the marks and the next init finds them.
            fresh = self.stored.is_empty()
            marks = [Statement(mark, {}, 0) for mark in q.DERIVED_MARKS] if fresh else []
            sender = Sender(self.connection, self.tx_rows, lock=lock, first=marks)
            writer = WriteBuffer(self.stored, sender, stream=not atomic, fresh=fresh)
            try:
                yield writer
                if writer.rolled_back:
                    writer.abort()
                else:
                    writer.finish()
            except BaseException:
                writer.abort()
                raise
        finally:
            lock.release()

    def delete_all(self) -> int:
        """Delete every node and relationship of the database, in batches; return the node count."""
        n = self.connection.read(q.COUNT_NODES)[0]["n"]
        self.connection.run(q.DELETE_ALL)
        return n

    def close(self) -> None:
        """Close the connection."""
        self.connection.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ---- reading ----------------------------------------------------------------------------

    def read_cypher(self, query: str, params: dict[str, Any] | None = None) -> list[dict]:
        """Run a read-only Cypher *query* with *params* in a read transaction (a write is refused
        with :class:`~autokg.errors.StoreError`); rows as dicts (nodes as property dicts)."""
        return [r.data() for r in self.connection.read(query, params)]

    def read_values(self, query: str, params: dict[str, Any] | None = None) -> list[tuple]:
        """The same as :meth:`read_cypher`, each row as the tuple of its values as the driver
        gives them (no conversion of nodes to dicts): cheaper, for queries that return only
        plain values."""
        return [tuple(r) for r in self.connection.read(query, params)]

    def lookup(self, compared: str) -> list[dict]:
        """Entities having *compared* (a :func:`~autokg.graph.normalize.norm` form) as name or
        alias, by id."""
        return self.stored.find_entities([compared]).get(compared, []) if compared else []

    def lookup_many(self, compared: Iterable[str]) -> dict[str, list[dict]]:
        """Entities by each compared name in *compared* (absent when none), by id, in one read."""
        return self.stored.find_entities([c for c in compared if c])

    def entity_rows(self) -> list[dict]:
        """Every entity row, by id."""
        return [entity_row(r["e"]) for r in self.connection.read(q.ENTITY_ROWS)]

    def relation_ids(self) -> list[str]:
        """Every relation id, in order."""
        return [r["id"] for r in self.connection.read(q.RELATION_IDS)]

    def relation_rows(self, predicate: str | None = None) -> list[dict]:
        """Every relation row (of *predicate*, if given) with its resolved ``props`` and its
        number of ``sources``, by id."""
        if predicate is not None:
            q.reltype(predicate)
        recs = self.connection.read(q.RELATION_ROWS, p=predicate)
        return [{"id": r["id"], "predicate": r["predicate"], "subject_id": r["subject_id"],
                 "object_id": r["object_id"], "key_display": r["key_display"],
                 "props": only(r["props"], r["predicate"]), "sources": r["sources"]} for r in recs]

    def link_rows(self, relation_ids: Iterable[str] | None = None) -> list[dict]:
        """Links with their source's fields, for the given relations (default: all), by relation
        and source."""
        if relation_ids is None:
            recs = self.connection.read(q.LINK_ROWS, ids=None)
        else:
            recs = []
            for chunk in chunks(list(relation_ids)):
                recs += self.connection.read(q.LINK_ROWS, ids=chunk)
        out = []
        for r in recs:
            src = dict(r["source"])
            out.append({"relation_id": r["relation_id"], "quote": r["quote"], "confidence": r["confidence"],
                        "seq": r["seq"], "claims": only(r["claims"], r["predicate"]),
                        "source": {c: src.get(c) for c in SOURCE_COLS}})
        return out

    def source_rows(self) -> list[dict]:
        """Every source row (every field, ``None`` when absent), by id."""
        return [{c: dict(r["s"]).get(c) for c in SOURCE_COLS} for r in self.connection.read(q.SOURCE_ROWS)]

    def stats(self) -> dict[str, int]:
        """Counts of entities (in all and by type), relations (in all and by predicate), sources
        and links; every type and predicate of the schema is present."""
        s = schema()
        out: dict[str, int] = {}
        counts = {t: 0 for t in s.entity_types}
        for r in self.connection.read(q.COUNT_BY_LABEL):
            if r["label"] in counts:
                counts[r["label"]] = r["n"]
        out["entities"] = self.connection.read(q.COUNT_ENTITIES)[0]["n"]
        for t in s.entity_types:
            out[f"entities:{t}"] = counts[t]
        counts = {r["p"]: r["n"] for r in self.connection.read(q.COUNT_BY_PREDICATE)}
        out["relations"] = sum(counts.values())
        for p in s.predicates:
            out[f"relations:{p}"] = counts.get(p, 0)
        out["sources"] = self.connection.read(q.COUNT_SOURCES)[0]["n"]
        out["links"] = self.connection.read(q.COUNT_LINKS)[0]["n"]
        return out

    def kept_rows(self, kind: str, ids: Iterable[str] | None = None) -> dict[str, dict]:
        """Rows of the entity resolution of *kind* (``judgement``, ``entity``, ``relation``) by
        id, all of them or those of *ids* (see :mod:`autokg.graph.resolution`)."""
        return self.stored.kept_rows(kind, ids)

    def snapshot(self) -> dict[str, list[dict]]:
        """Every entity, relation (with resolved props), source and link, for exports."""
        return {"entities": self.entity_rows(), "relations": self.relation_rows(),
                "sources": self.source_rows(), "links": self.link_rows()}
