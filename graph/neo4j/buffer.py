"""The write buffer: one load transaction on the Neo4j store, the store protocol's ``Writer``.

Writes are kept in memory and reads see them on top of the committed rows
(:class:`~autokg.graph.neo4j.reader.StoredRows`): the merge engine re-reads relations across
batches, and the server holds none of this transaction's writes before they commit. At the end
of each batch (:meth:`WriteBuffer.flush`) what changed goes to the
:class:`~autokg.graph.neo4j.sender.Sender` as units of statements.

The buffer holds every row written in the transaction, not only those not sent yet, although
the :class:`~autokg.graph.merge.Merger` keeps its own entities and sources: a dry run loads every
file in one transaction with a new ``Merger`` per file, whose caches start empty, and a sent
row is not on the server for other reads before its transaction commits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from autokg.graph.neo4j import statements as q
from autokg.graph.neo4j.reader import StoredRows
from autokg.graph.neo4j.rows import (BATCH, chunks, copy_entity, copy_link, copy_relation, entity_props,
                                     link_params, relation_params)
from autokg.graph.neo4j.sender import Sender, Statement, Unit
from autokg.graph.normalize import norm

__all__ = ["WriteBuffer"]


@dataclass
class _Changes:
    """What changed since the units were last taken: ids, and source ids by relation id."""

    entities: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    relations: set[str] = field(default_factory=set)
    links: dict[str, set[str]] = field(default_factory=dict)


class WriteBuffer:
    """One load transaction: writes are buffered, reads see them (see the module docstring).

    Implements :class:`autokg.graph.store.Writer` over the committed rows *stored*. With
    *stream*, each :meth:`flush` hands what changed to *sender*; otherwise nothing is sent
    before :meth:`finish`, so that :meth:`rollback` can discard everything.
    """

    def __init__(self, stored: StoredRows, sender: Sender, *, stream: bool = True):
        self.stored = stored
        self.sender = sender
        self._stream = stream
        self._rolled_back = False
        self._ents: dict[str, dict | None] = {}  # id -> row, None when deleted
        self._ent_norms: dict[str, set[str]] = {}  # compared name -> ids of buffered entities
        self._norms_of: dict[str, list[str]] = {}
        self._rels: dict[str, dict | None] = {}  # id -> row without links, None when deleted
        self._reset: set[str] = set()  # deleted in this transaction: their stored state is void
        self._links: dict[str, dict[str, dict]] = {}  # relation id -> source id -> link
        self._rels_of_entity: dict[str, set[str]] = {}
        self._rels_of_source: dict[str, set[str]] = {}
        self._srcs: dict[str, dict] = {}
        self._seq: int | None = None
        self._sent_seq: int | None = None  # the counter as last sent to the server
        # the sources each relation had on the server when first read, to count its sources
        self._stored_sources: dict[str, set[str]] = {}
        # relations read from the server and found absent: written with CREATE, not MERGE
        self._absent: set[str] = set()
        # absent or reset relations already created by this load: written again with MERGE
        self._created: set[str] = set()
        self._changes = _Changes()

    # ---- reads ------------------------------------------------------------------------------

    def find_entities(self, norms: Iterable[str]) -> dict[str, list[dict]]:
        """Entities by compared name, the buffered rows replacing the stored ones."""
        norms = sorted({n for n in norms if n})
        stored = self.stored.find_entities(norms) if norms else {}
        out: dict[str, list[dict]] = {}
        for n in norms:
            rows = {r["id"]: r for r in stored.get(n, []) if r["id"] not in self._ents}
            for eid in self._ent_norms.get(n, ()):
                rows[eid] = copy_entity(self._ents[eid])
            if rows:
                out[n] = sorted(rows.values(), key=lambda r: r["id"])
        return out

    def get_relations(self, ids: Iterable[str]) -> dict[str, dict]:
        """Relations by id with their links, the buffered rows and links over the stored ones."""
        ids = list(dict.fromkeys(ids))
        stored = self.stored.get_relations([i for i in ids if i not in self._reset])
        self._remember_stored(ids, stored)
        out: dict[str, dict] = {}
        for i in ids:
            rel = self._relation(i, stored)
            if rel is not None:
                for sid, link in self._links.get(i, {}).items():
                    rel["links"][sid] = copy_link(link)
                out[i] = rel
        return out

    def _remember_stored(self, ids: list[str], stored: dict[str, dict]) -> None:
        """The first read of a relation tells which sources it has on the server, or that it
        has none: then it is created, not merged."""
        for i in ids:
            if i not in self._reset and i not in self._stored_sources:
                self._stored_sources[i] = set(stored[i]["links"]) if i in stored else set()
                if i not in stored:
                    self._absent.add(i)

    def _relation(self, i: str, stored: dict[str, dict]) -> dict | None:
        if i not in self._rels:
            return stored.get(i)
        row = self._rels[i]
        if row is None:
            return None
        rel = copy_relation(row)
        rel["links"] = {} if i in self._reset else stored.get(i, {}).get("links", {})
        return rel

    def relation_ids_touching(self, entity_id: str) -> list[str]:
        """Ids of the relations of *entity_id*, stored ones first."""
        ids = [i for i in self.stored.relation_ids_touching(entity_id) if self._rels.get(i, True) is not None]
        return list(dict.fromkeys(ids + sorted(self._rels_of_entity.get(entity_id, ()))))

    def relation_ids_citing(self, source_id: str) -> list[str]:
        """Ids of the relations *source_id* supports, stored ones first."""
        ids = [i for i in self.stored.relation_ids_citing(source_id) if i not in self._reset]
        return list(dict.fromkeys(ids + sorted(self._rels_of_source.get(source_id, ()))))

    def get_sources(self, ids: Iterable[str]) -> dict[str, dict]:
        """Sources by id, buffered ones first."""
        ids = list(dict.fromkeys(ids))
        out = {i: dict(self._srcs[i]) for i in ids if i in self._srcs}
        missing = [i for i in ids if i not in out]
        if missing:
            out.update(self.stored.get_sources(missing))
        return out

    def next_seq(self, n: int) -> int:
        """Reserve *n* record numbers; return the first."""
        if self._seq is None:
            self._seq = self.stored.read_seq()
        start = self._seq
        self._seq += n
        return start

    # ---- writes -----------------------------------------------------------------------------

    def put_entities(self, rows: list[dict]) -> None:
        """Write entity rows (full state)."""
        for row in rows:
            self._unindex_entity(row["id"])
            self._ents[row["id"]] = copy_entity(row)
            self._changes.entities.add(row["id"])
            names = list(dict.fromkeys(norm(n) for n in [row["name"], *row["aliases"]]))
            self._norms_of[row["id"]] = names
            for n in names:
                self._ent_norms.setdefault(n, set()).add(row["id"])

    def _unindex_entity(self, eid: str) -> None:
        for n in self._norms_of.pop(eid, ()):
            ids = self._ent_norms.get(n)
            if ids is not None:
                ids.discard(eid)
                if not ids:
                    del self._ent_norms[n]

    def delete_entities(self, ids: list[str]) -> None:
        """Delete entities (and, on the server, whatever is still attached to them)."""
        for eid in ids:
            self._unindex_entity(eid)
            self._ents[eid] = None
            self._changes.entities.add(eid)

    def put_sources(self, rows: list[dict]) -> None:
        """Write source rows (full state)."""
        for row in rows:
            self._srcs[row["id"]] = {k: v for k, v in row.items() if v is not None}
            self._changes.sources.add(row["id"])

    def put_relations(self, rows: list[dict]) -> None:
        """Write relation rows (full state, without their links)."""
        for row in rows:
            self._rels[row["id"]] = copy_relation(row)
            self._changes.relations.add(row["id"])
            for eid in (row["subject_id"], row["object_id"]):
                self._rels_of_entity.setdefault(eid, set()).add(row["id"])

    def delete_relations(self, ids: list[str]) -> None:
        """Delete relations with their links; one written again later starts afresh."""
        for rid in ids:
            old = self._rels.get(rid)
            if old is not None:
                for eid in (old["subject_id"], old["object_id"]):
                    self._rels_of_entity.get(eid, set()).discard(rid)
            for sid in self._links.pop(rid, {}):
                self._rels_of_source.get(sid, set()).discard(rid)
            self._rels[rid] = None
            self._reset.add(rid)
            self._created.discard(rid)
            self._changes.relations.add(rid)
            self._changes.links.pop(rid, None)

    def put_links(self, rows: list[dict]) -> None:
        """Write link rows (full state)."""
        for row in rows:
            self._links.setdefault(row["relation_id"], {})[row["source_id"]] = copy_link(row)
            self._changes.links.setdefault(row["relation_id"], set()).add(row["source_id"])
            self._rels_of_source.setdefault(row["source_id"], set()).add(row["relation_id"])

    # ---- the transaction --------------------------------------------------------------------

    def flush(self) -> None:
        """End of a batch: reads already see the buffered writes; when streaming, what changed
        goes to the sender now, while the merge engine goes on with the next batch."""
        if self._stream and not self._rolled_back:
            self._send()

    def rollback(self) -> None:
        """Discard the writes not committed yet when the transaction ends."""
        self._rolled_back = True

    @property
    def rolled_back(self) -> bool:
        """Whether :meth:`rollback` was called."""
        return self._rolled_back

    def finish(self) -> None:
        """The transaction ends: send the rest and wait until everything is committed."""
        self._send()
        self.sender.finish()

    def abort(self) -> None:
        """The transaction ends with an error or a rollback: discard what is not committed."""
        self.sender.abort()

    def _send(self) -> None:
        # The record counter goes first, so that whatever commits never holds a link whose
        # seq is above the stored counter (a later load would reuse those numbers).
        if self._seq is not None and self._seq != self._sent_seq:
            self.sender.put([Statement(q.WRITE_SEQ, {"value": self._seq}, 1)])
            self._sent_seq = self._seq
        for unit in self.take_units():
            self.sender.put(unit)

    # ---- units ------------------------------------------------------------------------------

    def take_units(self) -> list[Unit]:
        """What changed since the last call, as units of statements in the order they must run;
        forgets those changes.

        A unit is never split across transactions: a relation is deleted, rewritten, linked to
        its sources and counted in the same transaction. Source counts are known here for every
        relation the merge engine read; the others are counted by the server. A relation created
        by an earlier batch of this load is merged, not created, when it changes again.
        """
        changes, self._changes = self._changes, _Changes()
        d_ents, d_srcs, d_rels, d_links = changes.entities, changes.sources, changes.relations, changes.links
        units: list[Unit] = []
        by_type: dict[str, list[dict]] = {}
        for i in sorted(d_ents):
            r = self._ents.get(i)
            if r is not None:
                by_type.setdefault(r["type"], []).append(entity_props(r))
        for t, rows in sorted(by_type.items()):
            query = q.write_entities(t)
            units += [[Statement(query, {"rows": c}, len(c))] for c in chunks(rows)]
        srcs = [self._srcs[i] for i in sorted(d_srcs)]
        units += [[Statement(q.WRITE_SOURCES, {"rows": c}, len(c))] for c in chunks(srcs)]

        touched = sorted({i for i in d_rels if self._rels.get(i) is not None} | set(d_links))
        for chunk in chunks(touched, BATCH // 2):
            unit: Unit = []
            reset = [i for i in chunk if i in self._reset and i not in self._created]
            if reset:
                unit.append(Statement(q.DELETE_RELATIONS, {"ids": reset}, len(reset)))
            by_pred: dict[tuple[bool, str], list[dict]] = {}
            known: list[dict] = []
            unknown: list[str] = []
            links: list[dict] = []
            for i in chunk:
                n = self._source_count(i)
                row = self._rels.get(i)
                # absent when read (or deleted above, in this unit): nothing to merge with
                if row is not None and i not in self._created and (i in self._absent or i in self._reset):
                    mine = [link_params(link, nested=True) for _, link in sorted(self._links.get(i, {}).items())]
                    by_pred.setdefault((True, row["predicate"]), []).append({**relation_params(row, n), "links": mine})
                    self._created.add(i)
                else:
                    if row is not None and i in d_rels:
                        by_pred.setdefault((False, row["predicate"]), []).append(relation_params(row, n))
                    elif n is not None:
                        known.append({"id": i, "n": n})
                    mine = self._links.get(i, {})
                    links += [link_params(mine[sid]) for sid in sorted(d_links.get(i, ())) if sid in mine]
                if n is None:
                    unknown.append(i)
            for (new, p), rows in sorted(by_pred.items(), key=lambda kv: (not kv[0][0], kv[0][1])):
                size = len(rows) + sum(len(r["links"]) for r in rows) if new else len(rows)
                unit.append(Statement((q.create_relations if new else q.merge_relations)(p), {"rows": rows}, size))
            for c in chunks(links):
                unit.append(Statement(q.WRITE_LINKS, {"rows": c}, len(c)))
            if known:
                unit.append(Statement(q.SET_SOURCE_COUNTS, {"rows": known}, len(known)))
            if unknown:
                unit.append(Statement(q.RECOUNT_SOURCES, {"ids": unknown}, len(unknown)))
            units.append(unit)

        gone_rels = sorted(i for i in d_rels if i in self._rels and self._rels[i] is None)
        units += [[Statement(q.DELETE_RELATIONS, {"ids": c}, len(c))] for c in chunks(gone_rels)]
        gone_ents = sorted(i for i in d_ents if i in self._ents and self._ents[i] is None)
        units += [[Statement(q.DELETE_ENTITIES, {"ids": c}, len(c))] for c in chunks(gone_ents)]
        return units

    def _source_count(self, rid: str) -> int | None:
        """How many sources relation *rid* has once this transaction is written, if known."""
        mine = set(self._links.get(rid, ()))
        if rid in self._reset:
            return len(mine)
        if rid in self._stored_sources:
            return len(self._stored_sources[rid] | mine)
        return None
