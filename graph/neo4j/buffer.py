"""The write buffer: one load transaction on the Neo4j store, the store protocol's ``Writer``.

Writes are kept in memory and reads see them on top of the committed rows
(:class:`~autokg.graph.neo4j.reader.StoredRows`): the merge engine re-reads relations across
batches, and the server holds none of this transaction's writes before they commit. At the end
of each batch (:meth:`WriteBuffer.flush`) what changed goes to the
:class:`~autokg.graph.neo4j.sender.Sender` as units of statements.

The buffer holds every row written in the transaction, not only those not sent yet, although
the :class:`~autokg.graph.merge.Merger` keeps its own entities and sources: a dry run loads every
file in one transaction with a new ``Merger`` per file, whose caches start empty, and a sent
row is not on the server for other reads before its transaction commits. When streaming, once
it holds twice ``tx_rows`` rows, the buffer waits at the end of a batch until the server has
committed everything sent, then forgets every row: the server holds them now, and reads find
them there. So a streamed load of any size keeps a bounded number of rows in memory, and a file
of up to ``tx_rows`` rows still commits entirely or not at all. An atomic transaction keeps
everything until it ends.

A transaction that starts on an empty database (*fresh*: the store checks it under the load
lock, so no other load writes meanwhile) answers its reads from the buffer alone, without a
round trip: the server holds nothing but what this transaction wrote, and the buffer holds all
of that, until it first forgets rows. From then on every read goes to the server as usual.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from autokg.graph.neo4j import statements as q
from autokg.graph.neo4j.reader import NoStoredRows, StoredRows
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


@dataclass
class _RelationStatements:
    """The statements of one chunk of changed relations, collected relation by relation."""

    created: dict[str, list[dict]] = field(default_factory=dict)  # predicate -> rows with their links
    merged: dict[str, list[dict]] = field(default_factory=dict)  # predicate -> rows
    links: list[dict] = field(default_factory=list)
    known: list[dict] = field(default_factory=list)  # {id, n}: source counts known here
    unknown: list[str] = field(default_factory=list)  # ids whose source count the server makes

    def statements(self) -> Unit:
        """Created relations, then merged ones (each by predicate), links, then source counts."""
        out = [Statement(q.create_relations(p), {"rows": rows}, len(rows) + sum(len(r["links"]) for r in rows))
               for p, rows in sorted(self.created.items())]
        out += [Statement(q.merge_relations(p), {"rows": rows}, len(rows)) for p, rows in sorted(self.merged.items())]
        out += [Statement(q.WRITE_LINKS, {"rows": c}, len(c)) for c in chunks(self.links)]
        if self.known:
            out.append(Statement(q.SET_SOURCE_COUNTS, {"rows": self.known}, len(self.known)))
        if self.unknown:
            out.append(Statement(q.RECOUNT_SOURCES, {"ids": self.unknown}, len(self.unknown)))
        return out


class WriteBuffer:
    """One load transaction: writes are buffered, reads see them (see the module docstring).

    Implements :class:`autokg.graph.store.Writer` over the committed rows *stored*. With
    *stream*, each :meth:`flush` hands what changed to *sender*; otherwise nothing is sent
    before :meth:`finish`, so that :meth:`rollback` can discard everything.
    """

    def __init__(self, stored: StoredRows, sender: Sender, *, stream: bool = True, fresh: bool = False):
        self._committed = stored
        #: the committed rows reads see beneath the buffer: none at all while the transaction is
        #: fresh, that is while the server holds nothing but rows this buffer still holds
        self.stored: StoredRows | NoStoredRows = NoStoredRows(stored) if fresh else stored
        self.sender = sender
        self._stream = stream
        self._rolled_back = False
        self._seq: int | None = None
        self._sent_seq: int | None = None  # the counter as last sent to the server
        self._forget_at = 2 * sender.tx_rows  # rows held before a streamed load forgets them
        self._forget()

    def _forget(self) -> None:
        """Drop every buffered row (the record counter apart)."""
        self._held = 0  # rows written since the buffer last forgot them
        self._ents: dict[str, dict | None] = {}  # id -> row, None when deleted
        self._ent_norms: dict[str, set[str]] = {}  # compared name -> ids of buffered entities
        self._norms_of: dict[str, list[str]] = {}
        self._rels: dict[str, dict | None] = {}  # id -> row without links, None when deleted
        self._reset: set[str] = set()  # deleted in this transaction: their stored state is void
        self._links: dict[str, dict[str, dict]] = {}  # relation id -> source id -> link
        self._rels_of_entity: dict[str, set[str]] = {}
        self._rels_of_source: dict[str, set[str]] = {}
        self._srcs: dict[str, dict] = {}
        # the sources each relation had on the server when first read, to count its sources
        self._stored_sources: dict[str, set[str]] = {}
        # relations read from the server and found absent: written with CREATE, not MERGE
        self._absent: set[str] = set()
        # absent or reset relations already created by this load: written again with MERGE
        self._created: set[str] = set()
        self._changes = _Changes()
        # the two entities of every partnership read or written (by relation id): whose counts
        # of partners a write or a deletion of it changes (every deletion follows a read)
        self._ends: dict[str, tuple[str, str]] = {}
        # rows of the entity resolution: (kind, id) -> (JSON text, keys), None when forgotten
        self._kept: dict[tuple[str, str], tuple[str, list[str]] | None] = {}
        self._kept_changed: set[tuple[str, str]] = set()

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
        for i, row in stored.items():
            if row["predicate"] == q.PARTNERS:
                self._ends[i] = (row["subject_id"], row["object_id"])
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
        stored = self.stored.relation_ids_touching(entity_id)
        ids = [i for i in stored if self._rels.get(i, True) is not None]
        return list(dict.fromkeys(ids + sorted(self._rels_of_entity.get(entity_id, ()))))

    def relation_ids_citing(self, source_id: str) -> list[str]:
        """Ids of the relations *source_id* supports, stored ones first."""
        stored = self.stored.relation_ids_citing(source_id)
        ids = [i for i in stored if i not in self._reset]
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
        self._held += len(rows)
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
        self._held += len(rows)
        for row in rows:
            self._srcs[row["id"]] = {k: v for k, v in row.items() if v is not None}
            self._changes.sources.add(row["id"])

    def put_relations(self, rows: list[dict]) -> None:
        """Write relation rows (full state, without their links)."""
        self._held += len(rows)
        for row in rows:
            self._rels[row["id"]] = copy_relation(row)
            self._changes.relations.add(row["id"])
            if row["predicate"] == q.PARTNERS:
                self._ends[row["id"]] = (row["subject_id"], row["object_id"])
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
        self._held += len(rows)
        for row in rows:
            self._links.setdefault(row["relation_id"], {})[row["source_id"]] = copy_link(row)
            self._changes.links.setdefault(row["relation_id"], set()).add(row["source_id"])
            self._rels_of_source.setdefault(row["source_id"], set()).add(row["relation_id"])

    # ---- the entity resolution's rows (see autokg.graph.resolution) ---------------------------

    def get_entities(self, ids: Iterable[str]) -> dict[str, dict]:
        """Entities by id, the buffered rows replacing the stored ones."""
        ids = list(dict.fromkeys(ids))
        out = {i: copy_entity(self._ents[i]) for i in ids if self._ents.get(i) is not None}
        rest = [i for i in ids if i not in self._ents]
        if rest:
            out.update(self.stored.get_entities(rest))
        return out

    def kept_rows(self, kind: str, ids: Iterable[str] | None = None) -> dict[str, dict]:
        import json

        if ids is None:
            stored = set(self.stored.kept_rows(kind))
            ids = stored | {i for (k, i), v in self._kept.items() if k == kind}
        out: dict[str, dict] = {}
        rest = []
        for i in dict.fromkeys(ids):
            if (kind, i) in self._kept:
                v = self._kept[(kind, i)]
                if v is not None:
                    out[i] = json.loads(v[0])
            else:
                rest.append(i)
        if rest:
            out.update(self.stored.kept_rows(kind, rest))
        return dict(sorted(out.items()))

    def kept_ids(self, kind: str, keys: Iterable[str]) -> set[str]:
        keys = set(keys)
        stored = self.stored.kept_ids(kind, keys)
        out = {i for i in stored if (kind, i) not in self._kept}
        out.update(i for (k, i), v in self._kept.items() if k == kind and v is not None and keys & set(v[1]))
        return out

    def keep_rows(self, kind: str, rows: list[tuple[str, dict, list[str]]]) -> None:
        import json

        for i, row, keys in rows:
            self._kept[(kind, i)] = (json.dumps(row, ensure_ascii=False, sort_keys=True), list(keys))
            self._kept_changed.add((kind, i))

    def forget_rows(self, kind: str, ids: list[str]) -> None:
        for i in ids:
            self._kept[(kind, i)] = None
            self._kept_changed.add((kind, i))

    def _kept_units(self) -> list[Unit]:
        changed, self._kept_changed = self._kept_changed, set()
        put = [{"kind": k, "id": i, "data": self._kept[(k, i)][0], "keys": self._kept[(k, i)][1]}
               for k, i in sorted(changed) if self._kept[(k, i)] is not None]
        gone = [{"kind": k, "id": i} for k, i in sorted(changed) if self._kept[(k, i)] is None]
        return ([[Statement(q.WRITE_KEPT, {"rows": c}, len(c))] for c in chunks(put)]
                + [[Statement(q.DELETE_KEPT, {"rows": c}, len(c))] for c in chunks(gone)])

    # ---- the transaction --------------------------------------------------------------------

    def flush(self) -> None:
        """End of a batch: reads already see the buffered writes; when streaming, what changed
        goes to the sender now, while the merge engine goes on with the next batch."""
        if self._stream and not self._rolled_back:
            self._send()
            if self._held >= self._forget_at:
                # wait until the server has committed everything sent: then it holds every
                # buffered row, and the buffer may forget them
                self.sender.finish()
                self.sender = type(self.sender)(self.sender.connection, self.sender.tx_rows)
                self._forget()
                self.stored = self._committed  # the server now holds rows the buffer no longer has

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
        """What changed since the last call, as units of statements in the order they must run:
        entities, sources, the changed relations with their links and source counts, deleted
        relations, deleted entities. Forgets those changes.

        A unit is never split across transactions: a relation is deleted, rewritten, linked to
        its sources and counted in the same transaction. Source counts are known here for every
        relation the merge engine read; the others are counted by the server. A relation created
        by an earlier batch of this load is merged, not created, when it changes again.
        """
        changes, self._changes = self._changes, _Changes()
        return [*self._entity_units(changes.entities), *self._source_units(changes.sources),
                *self._relation_units(changes.relations, changes.links),
                *self._deleted_relation_units(changes.relations), *self._deleted_entity_units(changes.entities),
                *self._kept_units()]

    def _entity_units(self, ids: set[str]) -> list[Unit]:
        """Written entities, by type, each chunk a unit."""
        by_type: dict[str, list[dict]] = {}
        for i in sorted(ids):
            row = self._ents.get(i)
            if row is not None:
                by_type.setdefault(row["type"], []).append(entity_props(row))
        return [[Statement(q.write_entities(t), {"rows": c}, len(c))]
                for t, rows in sorted(by_type.items()) for c in chunks(rows)]

    def _source_units(self, ids: set[str]) -> list[Unit]:
        """Written sources, each chunk a unit."""
        rows = [self._srcs[i] for i in sorted(ids)]
        return [[Statement(q.WRITE_SOURCES, {"rows": c}, len(c))] for c in chunks(rows)]

    def _relation_units(self, ids: set[str], links: dict[str, set[str]]) -> list[Unit]:
        """Relations written, or with links written, each chunk (of half a batch, as a relation
        comes with its links) a unit."""
        touched = sorted({i for i in ids if self._rels.get(i) is not None} | set(links))
        return [self._relation_unit(chunk, ids, links) for chunk in chunks(touched, BATCH // 2)]

    def _relation_unit(self, chunk: list[str], written: set[str], links: dict[str, set[str]]) -> Unit:
        # deleted in this transaction and written again: the stored state goes first
        reset = [i for i in chunk if i in self._reset and i not in self._created]
        unit = [Statement(q.DELETE_RELATIONS, {"ids": reset}, len(reset))] if reset else []
        plan = _RelationStatements()
        for i in chunk:
            self._plan_relation(i, i in written, links.get(i, ()), plan)
        return unit + plan.statements() + self._recount_partners(i for i in chunk if i in written)

    def _recount_partners(self, relation_ids: Iterable[str]) -> Unit:
        """The recount of the partners of the entities of the partnerships among
        *relation_ids*: deferred by the sender to the end of the transaction, once per entity."""
        ids = sorted({e for i in relation_ids for e in self._ends.get(i, ())})
        return [Statement(q.RECOUNT_PARTNERS, {"ids": ids}, 0)] if ids else []

    def _plan_relation(self, i: str, written: bool, changed_links: Iterable[str], plan: _RelationStatements) -> None:
        n = self._source_count(i)
        if n is None:
            plan.unknown.append(i)
        row = self._rels.get(i)
        if row is not None and self._creates(i):
            self._plan_created(i, row, n, plan)
        else:
            self._plan_merged(i, row if written else None, n, changed_links, plan)

    def _plan_created(self, i: str, row: dict, n: int | None, plan: _RelationStatements) -> None:
        mine = [link_params(link, nested=True) for _, link in sorted(self._links.get(i, {}).items())]
        plan.created.setdefault(row["predicate"], []).append({**relation_params(row, n), "links": mine})
        self._created.add(i)

    def _plan_merged(self, i: str, row: dict | None, n: int | None, changed_links: Iterable[str],
                     plan: _RelationStatements) -> None:
        """*row* is the relation when it was written, else None (only its links changed)."""
        if row is not None:
            plan.merged.setdefault(row["predicate"], []).append(relation_params(row, n))
        elif n is not None:
            plan.known.append({"id": i, "n": n})
        mine = self._links.get(i, {})
        plan.links += [link_params(mine[sid]) for sid in sorted(changed_links) if sid in mine]

    def _creates(self, rid: str) -> bool:
        """Whether relation *rid* is absent from the server when its unit runs (read and found
        absent, or deleted first in the same unit): nothing to merge with."""
        return rid not in self._created and (rid in self._absent or rid in self._reset)

    def _source_count(self, rid: str) -> int | None:
        """How many sources relation *rid* has once this transaction is written, if known."""
        mine = set(self._links.get(rid, ()))
        if rid in self._reset:
            return len(mine)
        if rid in self._stored_sources:
            return len(self._stored_sources[rid] | mine)
        return None

    def _deleted_relation_units(self, ids: set[str]) -> list[Unit]:
        gone = sorted(i for i in ids if i in self._rels and self._rels[i] is None)
        return [[Statement(q.DELETE_RELATIONS, {"ids": c}, len(c)), *self._recount_partners(c)]
                for c in chunks(gone)]

    def _deleted_entity_units(self, ids: set[str]) -> list[Unit]:
        gone = sorted(i for i in ids if i in self._ents and self._ents[i] is None)
        return [[Statement(q.DELETE_ENTITIES, {"ids": c}, len(c))] for c in chunks(gone)]
