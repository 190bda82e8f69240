"""Rows as committed on the server: what a load transaction reads beneath its own writes
(see :class:`autokg.graph.neo4j.buffer.WriteBuffer`)."""

from __future__ import annotations

from typing import Iterable

from autokg.graph.neo4j import statements as q
from autokg.graph.neo4j.connection import Connection
from autokg.graph.neo4j.rows import chunks, entity_row, only, source_row

__all__ = ["NoStoredRows", "StoredRows"]


class StoredRows:
    """Committed rows in the shapes of the store protocol's ``Writer`` reads, each read in a
    managed read transaction (see :mod:`autokg.graph.store` for the row shapes)."""

    def __init__(self, connection: Connection):
        self.connection = connection
        #: whether the unique index of ``:Name`` nodes is known to be online; until it is (a
        #: database written before them, not migrated yet by ``init``), names are found by a scan
        self.name_index_online = False

    def find_entities(self, norms: Iterable[str]) -> dict[str, list[dict]]:
        """Entities by each compared name in *norms* they have (as name or alias), by id."""
        norms = list(dict.fromkeys(norms))
        if not self.name_index_online:
            self.name_index_online = bool(self.connection.read(q.NAME_INDEX_ONLINE))
        out: dict[str, list[dict]] = {}
        statement = q.FIND_BY_NAME if self.name_index_online else q.FIND_SCAN
        for chunk in chunks(norms):
            for rec in self.connection.read(statement, norms=chunk):
                out.setdefault(rec["norm"], []).append(entity_row(rec["node"]))
        for rows in out.values():
            rows.sort(key=lambda r: r["id"])
        return out

    def get_relations(self, ids: Iterable[str]) -> dict[str, dict]:
        """Relations by id, each with its ``links`` by source id; absent ids are left out."""
        out: dict[str, dict] = {}
        for chunk in chunks(list(ids)):
            for rec in self.connection.read(q.GET_RELATIONS, ids=chunk):
                out[rec["id"]] = _relation(rec)
        return out

    def get_sources(self, ids: Iterable[str]) -> dict[str, dict]:
        """Sources by id; absent ids are left out."""
        out = {}
        for chunk in chunks(list(ids)):
            for rec in self.connection.read(q.GET_SOURCES, ids=chunk):
                row = source_row(dict(rec["s"]))
                out[row["id"]] = row
        return out

    def relation_ids_touching(self, entity_id: str) -> list[str]:
        """Ids of the relations whose subject or object is *entity_id*."""
        return [r["id"] for r in self.connection.read(q.RELATIONS_TOUCHING, id=entity_id)]

    def relation_ids_citing(self, source_id: str) -> list[str]:
        """Ids of the relations that source *source_id* supports."""
        return [r["id"] for r in self.connection.read(q.RELATIONS_CITING, id=source_id)]

    def get_entities(self, ids: Iterable[str]) -> dict[str, dict]:
        """Entities by id; absent ids are left out."""
        out = {}
        for chunk in chunks(list(ids)):
            for rec in self.connection.read(q.GET_ENTITIES, ids=chunk):
                row = entity_row(rec["e"])
                out[row["id"]] = row
        return out

    def kept_rows(self, kind: str, ids: Iterable[str] | None = None) -> dict[str, dict]:
        """Rows of the entity resolution of *kind* by id (all, or those of *ids*)."""
        return _kept(self.connection, kind, ids)

    def kept_ids(self, kind: str, keys: Iterable[str]) -> set[str]:
        """Ids of the rows of *kind* having any of *keys*."""
        keys = list(keys)
        out: set[str] = set()
        for chunk in chunks(keys):
            out.update(r["id"] for r in self.connection.read(q.KEPT_BY_KEY, kind=kind, keys=chunk))
        return out

    def is_empty(self) -> bool:
        """Whether the database holds no entity, relation, source, name or kept row: nothing a
        load transaction reads back."""
        return not any(r["n"] for r in self.connection.read(q.COUNT_LOADED))

    def read_seq(self) -> int:
        """The stored record counter (0 when none was stored)."""
        recs = self.connection.read(q.READ_SEQ)
        return int(recs[0]["value"] or 0) if recs else 0


class NoStoredRows:
    """The committed rows of a database that holds none, for a load transaction that found it
    empty under the load lock: every read answers empty without a round trip. The record
    counter is still read from *stored* (a database can keep it while holding no rows)."""

    def __init__(self, stored: StoredRows):
        self.stored = stored

    def find_entities(self, norms: Iterable[str]) -> dict[str, list[dict]]:
        return {}

    def get_relations(self, ids: Iterable[str]) -> dict[str, dict]:
        return {}

    def get_sources(self, ids: Iterable[str]) -> dict[str, dict]:
        return {}

    def relation_ids_touching(self, entity_id: str) -> list[str]:
        return []

    def relation_ids_citing(self, source_id: str) -> list[str]:
        return []

    def get_entities(self, ids: Iterable[str]) -> dict[str, dict]:
        return {}

    def kept_rows(self, kind: str, ids: Iterable[str] | None = None) -> dict[str, dict]:
        return {}

    def kept_ids(self, kind: str, keys: Iterable[str]) -> set[str]:
        return set()

    def read_seq(self) -> int:
        return self.stored.read_seq()


def _kept(connection: Connection, kind: str, ids: Iterable[str] | None) -> dict[str, dict]:
    import json

    if ids is None:
        return {r["id"]: json.loads(r["data"]) for r in connection.read(q.KEPT_ALL, kind=kind)}
    out = {}
    for chunk in chunks(list(ids)):
        out.update((r["id"], json.loads(r["data"])) for r in connection.read(q.KEPT_BY_ID, kind=kind, ids=chunk))
    return out


def _relation(rec) -> dict:
    p = rec["predicate"]
    links = {}
    for link in rec["links"]:
        links[link["source_id"]] = {
            "relation_id": rec["id"], "source_id": link["source_id"], "quote": link["quote"],
            "confidence": link["confidence"], "seq": link["seq"], "claims": only(link["claims"], p)}
    return {"id": rec["id"], "predicate": p, "subject_id": rec["subject_id"], "object_id": rec["object_id"],
            "key": rec["key"], "key_display": rec["key_display"], "props": only(rec["props"], p), "links": links}
