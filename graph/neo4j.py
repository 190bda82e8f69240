"""The Neo4j store: the same store protocol as the embedded store, on a Neo4j 5 server.

The merge rules stay in :mod:`autokg.graph.merge`; this module only reads and writes rows, so
Neo4j holds exactly the graph the embedded store holds for the same input.

Graph model
-----------

::

    (:Source {id, url, title, publisher, author, published, lang})
       |
       | [:SUPPORTS {quote, confidence, seq,
       |             status, domain, role, since, until, stake_pct, date, event}]   one per source
       v
    (:Relation {id, predicate, subject_id, object_id, key, key_display, sources,
                status, domain, role, since, until, stake_pct, date, event})
       |                                              |
       | [:SUBJECT]                                   | [:OBJECT]
       v                                              v
    (:Entity:Company {id, name, aliases,  --[:PARTNERS_WITH {id, key_display,       -->  (:Entity:Company)
      names_norm, declared, country, ...})   domain, status, since, until, sources}]

* Entities are nodes labelled ``:Entity`` plus their type (``:Company``, ``:Person``,
  ``:Product``, ``:Event``), with ``name``, ``aliases`` (list), ``names_norm`` (the compared form of
  every name, used for lookups), ``declared`` and their attributes as properties.
* Each relation is a typed relationship between its two entities (``PARTNERS_WITH``,
  ``WORKS_FOR``, ... only from the schema vocabulary), carrying the resolved properties and the
  number of sources: that is what Neo4j Browser shows when you expand a company.
* The same relation is also a ``:Relation`` node linked to its subject and object, because a
  relationship cannot point at a relationship: every source that supports it points at that node
  with a ``SUPPORTS`` relationship carrying the quote, the confidence, the record order (``seq``)
  and every property the source claims, under its name in the vocabulary. The status
  history of a relation is the ``status`` of its ``SUPPORTS`` links, dated by their sources.
* ``(:AutokgMeta {key: 'seq'})`` keeps the record counter used to order claims.

Writes
------

A :meth:`Neo4jStore.transaction` keeps every write of the load in memory, and reads inside it
see them (the merge engine re-reads relations across batches). Each time the merge engine ends a
batch, what changed in it goes as ``UNWIND $rows`` statements to a background thread, which
sends them in a managed write transaction (``execute_write``, so transient errors are retried)
while the merge engine goes on with the next batch. A transaction commits once it holds
``tx_rows`` rows, or when the load ends: a file of up to ``tx_rows`` rows commits entirely or not
at all; a larger file commits in several transactions, and a load interrupted between two of
them is completed by running it again: the rerun reads back what was committed and merges with
it (``MERGE`` on ids, ``SET`` of the full state). The statements of the open transaction are
kept until it commits, so that a retried transaction runs all of them again: nothing is
duplicated or lost. A relation that the merge engine read and found absent, or that the same
load deletes first, is written with ``CREATE`` rather than ``MERGE``, and so are the links to it:
merging a relationship locks both of its nodes and expands one of them, and creating instead
halves the time of these statements; when a later batch changes it again, it is merged. The
unique constraint on ``Relation.id`` refuses a relation created meanwhile by another load; run
that load again. An atomic transaction (``--strict``, dry runs) sends nothing before it ends, so
a rejected file never reaches the server.
"""

from __future__ import annotations

import logging
import queue
import re
import threading
from contextlib import contextmanager
from typing import Any, Iterable, Iterator
from urllib.parse import urlsplit, urlunsplit

from autokg.errors import StoreError, StoreUnavailable
from autokg.graph.model import schema
from autokg.graph.normalize import norm

__all__ = ["Neo4jStore", "DEFAULT_URI", "lucene_term"]

logging.getLogger("neo4j").addHandler(logging.NullHandler())  # driver errors surface as exceptions

DEFAULT_URI = "bolt://localhost:7687"
_SOURCE_COLS = ("id", "url", "title", "publisher", "author", "published", "lang")
_ENTITY_KEYS = ("id", "name", "aliases", "names_norm", "declared")
_RELATION_KEYS = ("id", "predicate", "subject_id", "object_id", "key", "key_display", "sources")
_LINK_KEYS = ("quote", "confidence", "seq")
_NORM_INDEX = "entity_norms"
_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
_BATCH = 2000  # rows per UNWIND
_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/\s])')


def lucene_term(text: str) -> str:
    """*text* as one exact term of a Lucene query (every special character escaped)."""
    return _LUCENE_SPECIAL.sub(r"\\\1", text)


def _chunks(items: list, n: int = _BATCH) -> Iterator[list]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


def _label(name: str) -> str:
    """An entity label for query text: only a type of the schema vocabulary."""
    if name not in schema().entity_types or not name.isidentifier():
        raise StoreError(f"not an entity type of the schema: {name!r}")
    return f"`{name}`"


def _reltype(name: str) -> str:
    """A relationship type for query text: only a predicate of the schema vocabulary."""
    if name not in schema().predicates or not name.isidentifier():
        raise StoreError(f"not a predicate of the schema: {name!r}")
    return f"`{name}`"


def _check_vocabulary() -> None:
    """Attributes, properties and claims are stored flat next to the store's own keys."""
    s = schema()
    for t in s.entity_types.values():
        clash = set(t.attributes) & set(_ENTITY_KEYS)
        if clash:
            raise StoreError(f"schema.yaml: attribute {sorted(clash)[0]!r} of {t.name} is reserved by the Neo4j store")
    for p in s.predicates.values():
        clash = set(p.properties) & (set(_RELATION_KEYS) | set(_LINK_KEYS))
        if clash:
            raise StoreError(f"schema.yaml: property {sorted(clash)[0]!r} of {p.name} is reserved by the Neo4j store")


def _redact(uri: str) -> str:
    """The URI without any user information, for messages."""
    try:
        parts = urlsplit(uri)
        if parts.username or parts.password:
            host = parts.netloc.rpartition("@")[2]
            return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))
    except ValueError:
        return "<invalid URI>"
    return uri


# ---- rows <-> graph properties ------------------------------------------------------------

def _entity_props(row: dict) -> dict:
    names = [row["name"], *row["aliases"]]
    return {**row["attrs"], "id": row["id"], "name": row["name"], "aliases": list(row["aliases"]),
            "names_norm": list(dict.fromkeys(norm(n) for n in names)), "declared": bool(row["declared"])}


def _entity_row(node) -> dict:
    types = [label for label in node.labels if label in schema().entity_types]
    props = dict(node)
    return {"id": props["id"], "type": types[0] if types else None, "name": props["name"],
            "declared": bool(props.get("declared")), "aliases": list(props.get("aliases") or []),
            "attrs": {k: v for k, v in props.items() if k not in _ENTITY_KEYS}}


def _relation_params(row: dict, sources: int | None) -> dict:
    """A relation as sent: its properties once, for both the node and the typed relationship
    (see ``_SET_RELATION``), next to the store's own keys."""
    return {"id": row["id"], "predicate": row["predicate"], "subject_id": row["subject_id"],
            "object_id": row["object_id"], "key": row["key"], "key_display": row["key_display"],
            "sources": sources, "props": row["props"] or {}}


def _link_params(row: dict, nested: bool = False) -> dict:
    """A link as sent: its claims once, next to the store's own keys (see ``_SET_LINK``); a link
    sent inside its relation's row does not repeat the relation's id."""
    out = {"source_id": row["source_id"], "claims": row["claims"], "quote": row["quote"],
           "confidence": float(row["confidence"]), "seq": int(row["seq"])}
    if not nested:
        out["relation_id"] = row["relation_id"]
    return out


def _only(props: dict, predicate: str) -> dict:
    """The properties of the vocabulary's *predicate* among *props* (a node's or relationship's
    properties, next to the store's own keys), in key order."""
    names = schema().predicates[predicate].properties
    return {k: props[k] for k in sorted(props) if k in names}


def _copy_entity(row: dict) -> dict:
    return {**row, "aliases": list(row["aliases"]), "attrs": dict(row["attrs"])}


def _copy_link(row: dict) -> dict:
    return {**row, "claims": dict(row["claims"])}


def _copy_relation(row: dict) -> dict:
    out = {k: v for k, v in row.items() if k != "links"}
    out["props"] = dict(row["props"]) if row.get("props") is not None else None
    return out


# ---- queries ------------------------------------------------------------------------------

# One full-text query for many names (each an exact keyword term, OR-ed): one index search per
# chunk rather than per name. Which names a node matched is read from its names_norm.
_Q_FIND_FULLTEXT = f"""
CALL db.index.fulltext.queryNodes('{_NORM_INDEX}', $query) YIELD node
WITH node WHERE node:Entity
RETURN node
"""
_TERMS_PER_QUERY = 500  # under Lucene's limit of 1024 clauses per query
_Q_FIND_SCAN = """
MATCH (node:Entity) WHERE any(n IN node.names_norm WHERE n IN $norms)
UNWIND [n IN node.names_norm WHERE n IN $norms] AS norm
RETURN norm, node
"""
_Q_GET_RELATIONS = """
MATCH (r:Relation) WHERE r.id IN $ids
OPTIONAL MATCH (s:Source)-[l:SUPPORTS]->(r)
RETURN r.id AS id, r.predicate AS predicate, r.subject_id AS subject_id, r.object_id AS object_id,
       r.key AS key, r.key_display AS key_display, properties(r) AS props,
       collect(CASE WHEN s IS NULL THEN null ELSE
               {source_id: s.id, quote: l.quote, confidence: l.confidence, seq: l.seq, claims: properties(l)}
               END) AS links
"""
_Q_TOUCHING = "MATCH (:Entity {id: $id})<-[:SUBJECT|OBJECT]-(r:Relation) RETURN DISTINCT r.id AS id"
_Q_CITING = "MATCH (:Source {id: $id})-[:SUPPORTS]->(r:Relation) RETURN r.id AS id"
_Q_SOURCES = "MATCH (s:Source) WHERE s.id IN $ids RETURN s"
_Q_SEQ = "OPTIONAL MATCH (m:AutokgMeta {key: 'seq'}) RETURN m.value AS value"

_W_SOURCES = "UNWIND $rows AS row MERGE (s:Source {id: row.id}) SET s = row"
_W_DELETE_RELATIONS = """
UNWIND $ids AS id
MATCH (r:Relation {id: id})
OPTIONAL MATCH (r)-[:SUBJECT]->(:Entity)-[t]->(:Entity)<-[:OBJECT]-(r) WHERE t.id = id
WITH r, collect(t) AS typed
FOREACH (t IN typed | DELETE t)
DETACH DELETE r
"""
# The full state of a relation, its typed relationship and a link: the map first (which removes
# every other property), then the store's own keys (absent when null, as in a map). The claimed
# and resolved properties are read back by their names in the vocabulary (see ``_only``).
_SET_RELATION = """
SET r = row.props, t = row.props
SET r.id = row.id, r.predicate = row.predicate, r.subject_id = row.subject_id, r.object_id = row.object_id,
    r.key = row.key, r.key_display = row.key_display, r.sources = row.sources,
    t.id = row.id, t.key_display = row.key_display, t.sources = row.sources
"""
_SET_LINK = """
SET l = link.claims
SET l.quote = link.quote, l.confidence = link.confidence, l.seq = link.seq
"""
_W_LINKS = """
UNWIND $rows AS link
MATCH (s:Source {id: link.source_id}), (r:Relation {id: link.relation_id})
MERGE (s)-[l:SUPPORTS]->(r)
""" + _SET_LINK
_W_COUNTS = """
UNWIND $ids AS id
MATCH (r:Relation {id: id})
WITH r, COUNT { (:Source)-[:SUPPORTS]->(r) } AS n
SET r.sources = n
WITH r, n
MATCH (r)-[:SUBJECT]->(s:Entity), (r)-[:OBJECT]->(o:Entity)
MATCH (s)-[t]->(o) WHERE t.id = r.id
SET t.sources = n
"""
_W_SET_COUNTS = """
UNWIND $rows AS row
MATCH (r:Relation {id: row.id})-[:SUBJECT]->(s:Entity)
MATCH (r)-[:OBJECT]->(o:Entity)
SET r.sources = row.n
WITH r, s, o, row
MATCH (s)-[t]->(o) WHERE t.id = r.id
SET t.sources = row.n
"""
_W_DELETE_ENTITIES = "UNWIND $ids AS id MATCH (e:Entity {id: id}) DETACH DELETE e"
_W_SEQ = """
MERGE (m:AutokgMeta {key: 'seq'})
SET m.value = CASE WHEN coalesce(m.value, 0) > $value THEN m.value ELSE $value END
"""


def _w_entities(label: str) -> str:
    return f"UNWIND $rows AS row MERGE (e:Entity {{id: row.id}}) SET e = row, e:{_label(label)}"


def _w_relations(predicate: str) -> str:
    return f"""
UNWIND $rows AS row
MATCH (s:Entity {{id: row.subject_id}}), (o:Entity {{id: row.object_id}})
MERGE (r:Relation {{id: row.id}})
MERGE (r)-[:SUBJECT]->(s)
MERGE (r)-[:OBJECT]->(o)
MERGE (s)-[t:{_reltype(predicate)} {{id: row.id}}]->(o)
""" + _SET_RELATION


def _w_new_relations(predicate: str) -> str:
    """Relations this transaction knows to be absent from the server, with their links: created,
    not merged (no expand-and-lock on both nodes, which a MERGE of a relationship does). The
    unique constraint on ``Relation.id`` still refuses a duplicate."""
    return f"""
UNWIND $rows AS row
MATCH (s:Entity {{id: row.subject_id}}), (o:Entity {{id: row.object_id}})
CREATE (r:Relation)-[:SUBJECT]->(s), (r)-[:OBJECT]->(o), (s)-[t:{_reltype(predicate)}]->(o)
""" + _SET_RELATION + """
WITH r, row
UNWIND row.links AS link
MATCH (s:Source {id: link.source_id})
CREATE (s)-[l:SUPPORTS]->(r)
""" + _SET_LINK


def _schema_statements() -> list[tuple[str, str, str]]:
    """``(kind, name, statement)`` for every constraint and index the store relies on."""
    s = schema()
    out = [("constraint", "entity_id", "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE")]
    for t in s.entity_types:
        name = f"{t.lower()}_id"
        out.append(("constraint", name,
                    f"CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{_label(t)}) REQUIRE n.id IS UNIQUE"))
    out += [
        ("constraint", "relation_id", "CREATE CONSTRAINT relation_id IF NOT EXISTS FOR (n:Relation) REQUIRE n.id IS UNIQUE"),
        ("constraint", "source_id", "CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE"),
        ("constraint", "autokg_meta_key",
         "CREATE CONSTRAINT autokg_meta_key IF NOT EXISTS FOR (n:AutokgMeta) REQUIRE n.key IS UNIQUE"),
        ("index", "entity_name", "CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)"),
        ("index", "relation_predicate", "CREATE INDEX relation_predicate IF NOT EXISTS FOR (n:Relation) ON (n.predicate)"),
        ("index", "relation_status", "CREATE INDEX relation_status IF NOT EXISTS FOR (n:Relation) ON (n.status)"),
        ("index", "source_published", "CREATE INDEX source_published IF NOT EXISTS FOR (n:Source) ON (n.published)"),
        ("fulltext index", "entity_names",
         "CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases]"),
        ("fulltext index", _NORM_INDEX,
         f"CREATE FULLTEXT INDEX {_NORM_INDEX} IF NOT EXISTS FOR (n:Entity) ON EACH [n.names_norm] "
         "OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}}"),
    ]
    for p in s.predicates:
        name = f"{p.lower()}_id"
        out.append(("index", name, f"CREATE INDEX {name} IF NOT EXISTS FOR ()-[r:{_reltype(p)}]-() ON (r.id)"))
    return out


# ---- the writer ---------------------------------------------------------------------------

class _Writer:
    """One load transaction: writes are buffered, reads see them (see the module docstring)."""

    def __init__(self, store: "Neo4jStore", stream: bool = True):
        self.store = store
        self._rollback = False
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
        # what changed since the last batch was sent
        self._d_ents: set[str] = set()
        self._d_srcs: set[str] = set()
        self._d_rels: set[str] = set()
        self._d_links: dict[str, set[str]] = {}
        self._pump = _Pump(store)
        self._stream = stream

    # reads
    def find_entities(self, norms: Iterable[str]) -> dict[str, list[dict]]:
        norms = sorted({n for n in norms if n})
        stored = self.store._find_entities(norms) if norms else {}
        out: dict[str, list[dict]] = {}
        for n in norms:
            rows = {r["id"]: r for r in stored.get(n, []) if r["id"] not in self._ents}
            for eid in self._ent_norms.get(n, ()):
                rows[eid] = _copy_entity(self._ents[eid])
            if rows:
                out[n] = sorted(rows.values(), key=lambda r: r["id"])
        return out

    def get_relations(self, ids: Iterable[str]) -> dict[str, dict]:
        ids = list(dict.fromkeys(ids))
        stored = self.store._get_relations([i for i in ids if i not in self._reset])
        for i in ids:
            if i not in self._reset and i not in self._stored_sources:
                self._stored_sources[i] = set(stored[i]["links"]) if i in stored else set()
                if i not in stored:
                    self._absent.add(i)
        out: dict[str, dict] = {}
        for i in ids:
            if i in self._rels:
                row = self._rels[i]
                if row is None:
                    continue
                rel = _copy_relation(row)
                rel["links"] = {} if i in self._reset else stored.get(i, {}).get("links", {})
            elif i in stored:
                rel = stored[i]
            else:
                continue
            for sid, link in self._links.get(i, {}).items():
                rel["links"][sid] = _copy_link(link)
            out[i] = rel
        return out

    def relation_ids_touching(self, entity_id: str) -> list[str]:
        ids = [i for i in self.store._ids(_Q_TOUCHING, entity_id) if self._rels.get(i, True) is not None]
        return list(dict.fromkeys(ids + sorted(self._rels_of_entity.get(entity_id, ()))))

    def relation_ids_citing(self, source_id: str) -> list[str]:
        ids = [i for i in self.store._ids(_Q_CITING, source_id) if i not in self._reset]
        return list(dict.fromkeys(ids + sorted(self._rels_of_source.get(source_id, ()))))

    def get_sources(self, ids: Iterable[str]) -> dict[str, dict]:
        ids = list(dict.fromkeys(ids))
        out = {i: dict(self._srcs[i]) for i in ids if i in self._srcs}
        missing = [i for i in ids if i not in out]
        if missing:
            out.update(self.store._get_sources(missing))
        return out

    def next_seq(self, n: int) -> int:
        if self._seq is None:
            self._seq = self.store._read_seq()
        start = self._seq
        self._seq += n
        return start

    # writes
    def put_entities(self, rows: list[dict]) -> None:
        for row in rows:
            self._unindex_entity(row["id"])
            self._ents[row["id"]] = _copy_entity(row)
            self._d_ents.add(row["id"])
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
        for eid in ids:
            self._unindex_entity(eid)
            self._ents[eid] = None
            self._d_ents.add(eid)

    def put_sources(self, rows: list[dict]) -> None:
        for row in rows:
            self._srcs[row["id"]] = {k: v for k, v in row.items() if v is not None}
            self._d_srcs.add(row["id"])

    def put_relations(self, rows: list[dict]) -> None:
        for row in rows:
            self._rels[row["id"]] = _copy_relation(row)
            self._d_rels.add(row["id"])
            for eid in (row["subject_id"], row["object_id"]):
                self._rels_of_entity.setdefault(eid, set()).add(row["id"])

    def delete_relations(self, ids: list[str]) -> None:
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
            self._d_rels.add(rid)
            self._d_links.pop(rid, None)

    def put_links(self, rows: list[dict]) -> None:
        for row in rows:
            self._links.setdefault(row["relation_id"], {})[row["source_id"]] = _copy_link(row)
            self._d_links.setdefault(row["relation_id"], set()).add(row["source_id"])
            self._rels_of_source.setdefault(row["source_id"], set()).add(row["relation_id"])

    def flush(self) -> None:
        """End of a batch: reads already see the buffered writes; when streaming, what changed
        goes to the background sender now, while the merge engine goes on with the next batch."""
        if self._stream and not self._rollback:
            self._send()

    def rollback(self) -> None:
        self._rollback = True

    # sending
    def _units(self) -> list[list[tuple[str, dict, int]]]:
        """What changed since the last call, as units of ``(query, params, rows)`` in the order
        they must run; clears the change sets.

        A unit is never split across transactions: a relation is deleted, rewritten, linked to
        its sources and counted in the same transaction. Source counts are known here for every
        relation the merge engine read; the others are counted by the server. A relation created
        by an earlier batch of this load is merged, not created, when it changes again.
        """
        d_ents, d_srcs, d_rels, d_links = self._d_ents, self._d_srcs, self._d_rels, self._d_links
        self._d_ents, self._d_srcs, self._d_rels, self._d_links = set(), set(), set(), {}
        units: list[list[tuple[str, dict, int]]] = []
        by_type: dict[str, list[dict]] = {}
        for i in sorted(d_ents):
            r = self._ents.get(i)
            if r is not None:
                by_type.setdefault(r["type"], []).append(_entity_props(r))
        for t, rows in sorted(by_type.items()):
            q = _w_entities(t)
            units += [[(q, {"rows": c}, len(c))] for c in _chunks(rows)]
        srcs = [self._srcs[i] for i in sorted(d_srcs)]
        units += [[(_W_SOURCES, {"rows": c}, len(c))] for c in _chunks(srcs)]

        touched = sorted({i for i in d_rels if self._rels.get(i) is not None} | set(d_links))
        for chunk in _chunks(touched, _BATCH // 2):
            unit: list[tuple[str, dict, int]] = []
            reset = [i for i in chunk if i in self._reset and i not in self._created]
            if reset:
                unit.append((_W_DELETE_RELATIONS, {"ids": reset}, len(reset)))
            by_pred: dict[tuple[bool, str], list[dict]] = {}
            known: list[dict] = []
            unknown: list[str] = []
            links: list[dict] = []
            for i in chunk:
                n = self._source_count(i)
                row = self._rels.get(i)
                # absent when read (or deleted above, in this unit): nothing to merge with
                if row is not None and i not in self._created and (i in self._absent or i in self._reset):
                    mine = [_link_params(link, nested=True) for _, link in sorted(self._links.get(i, {}).items())]
                    by_pred.setdefault((True, row["predicate"]), []).append({**_relation_params(row, n), "links": mine})
                    self._created.add(i)
                else:
                    if row is not None and i in d_rels:
                        by_pred.setdefault((False, row["predicate"]), []).append(_relation_params(row, n))
                    elif n is not None:
                        known.append({"id": i, "n": n})
                    mine = self._links.get(i, {})
                    links += [_link_params(mine[sid]) for sid in sorted(d_links.get(i, ())) if sid in mine]
                if n is None:
                    unknown.append(i)
            for (new, p), rows in sorted(by_pred.items(), key=lambda kv: (not kv[0][0], kv[0][1])):
                size = len(rows) + sum(len(r["links"]) for r in rows) if new else len(rows)
                unit.append(((_w_new_relations if new else _w_relations)(p), {"rows": rows}, size))
            for c in _chunks(links):
                unit.append((_W_LINKS, {"rows": c}, len(c)))
            if known:
                unit.append((_W_SET_COUNTS, {"rows": known}, len(known)))
            if unknown:
                unit.append((_W_COUNTS, {"ids": unknown}, len(unknown)))
            units.append(unit)

        gone_rels = sorted(i for i in d_rels if i in self._rels and self._rels[i] is None)
        units += [[(_W_DELETE_RELATIONS, {"ids": c}, len(c))] for c in _chunks(gone_rels)]
        gone_ents = sorted(i for i in d_ents if i in self._ents and self._ents[i] is None)
        units += [[(_W_DELETE_ENTITIES, {"ids": c}, len(c))] for c in _chunks(gone_ents)]
        return units

    def _source_count(self, rid: str) -> int | None:
        """How many sources relation *rid* has once this transaction is written, if known."""
        mine = set(self._links.get(rid, ()))
        if rid in self._reset:
            return len(mine)
        if rid in self._stored_sources:
            return len(self._stored_sources[rid] | mine)
        return None

    def _send(self) -> None:
        # The record counter goes first, so that whatever commits never holds a link whose
        # seq is above the stored counter (a later load would reuse those numbers).
        if self._seq is not None and self._seq != self._sent_seq:
            self._pump.put([(_W_SEQ, {"value": self._seq}, 1)])
            self._sent_seq = self._seq
        for unit in self._units():
            self._pump.put(unit)

    def _finish(self) -> None:
        """The block ended: send the rest and wait until every transaction is committed."""
        self._send()
        self._pump.finish()

    def abort(self) -> None:
        """Roll back what is not committed yet (the block ended with an error)."""
        self._pump.abort()


class _Abort(Exception):
    """Raised inside the sender's transaction function to roll it back."""


_END = object()
_ABORT = object()


class _Pump:
    """Sends units of statements to the server from a background thread, so that the server
    writes one batch while the merge engine prepares the next.

    Units run in managed write transactions (``execute_write``) of about ``tx_rows`` rows: a
    transaction commits once it holds that many rows (at a unit boundary) or when the load ends.
    The units of the open transaction are kept until it commits: when the driver retries a
    transaction after a transient error, they run again from the first, so a retry never
    duplicates or loses a write. The first failure that is not retried (or the last retry)
    is raised in the loading thread, by :meth:`put` or :meth:`finish`.
    """

    def __init__(self, store: "Neo4jStore", depth: int = 8):
        self.store = store
        self._queue: queue.Queue = queue.Queue(maxsize=depth)
        self._open: list[list[tuple[str, dict, int]]] = []  # units of the open transaction
        self._done = False
        self.error: BaseException | None = None
        self._thread: threading.Thread | None = None

    def _start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="autokg-neo4j-writer", daemon=True)
        self._thread.start()

    def put(self, unit: list[tuple[str, dict, int]] | object) -> None:
        if self._thread is None:
            self._start()
        while True:
            self._raise()
            try:
                self._queue.put(unit, timeout=0.2)
                return
            except queue.Full:
                continue

    def finish(self) -> None:
        if self._thread is None:
            return
        self.put(_END)
        self._thread.join()
        self._raise()

    def abort(self) -> None:
        if self._thread is None:
            return
        while True:  # what is queued is discarded, not written first
            try:
                self._queue.get_nowait()
            except queue.Empty:
                break
        while self._thread.is_alive():
            try:
                self._queue.put(_ABORT, timeout=0.2)
                break
            except queue.Full:
                continue
        self._thread.join()

    def _raise(self) -> None:
        if self.error is not None:
            error, self.error = self.error, _Abort()
            if isinstance(error, _Abort):
                raise StoreError("the Neo4j writer stopped after an earlier error")
            with self.store._errors():
                raise error

    def _run(self) -> None:
        try:
            with self.store._driver.session(database=self.store.database) as session:
                while not self._done:
                    session.execute_write(self._work)
                    self._open = []
        except BaseException as exc:  # handed to the loading thread
            self.error = exc
            while True:  # unblock a producer waiting on a full queue
                try:
                    if self._queue.get_nowait() in (_END, _ABORT):
                        break
                except queue.Empty:
                    break

    def _work(self, tx) -> None:
        rows = 0
        for unit in self._open:  # a retry: run the open transaction's units again
            rows += self._run_unit(tx, unit)
        while rows < self.store.tx_rows and not self._done:
            unit = self._queue.get()
            if unit is _ABORT:
                self._done = True
                raise _Abort()
            if unit is _END:
                self._done = True
                return
            self._open.append(unit)
            rows += self._run_unit(tx, unit)

    @staticmethod
    def _run_unit(tx, unit) -> int:
        for query, params, _ in unit:
            tx.run(query, params).consume()
        return sum(n for _, _, n in unit)


# ---- the store ----------------------------------------------------------------------------

class Neo4jStore:
    """The store on a Neo4j 5 server (``bolt://``, ``neo4j://`` and their ``+s``/``+ssc`` forms).

    Raises :class:`~autokg.errors.StoreUnavailable` with a one-line message when the server cannot
    be reached or refuses the credentials. The password is never part of a message.
    """

    name = "neo4j"
    #: the URI without any user information, for messages
    location: str

    def __init__(self, uri: str | None = None, username: str | None = None, password: str | None = None,
                 database: str | None = None, *, connection_timeout: float = 5.0, tx_rows: int = 50000):
        import neo4j

        _check_vocabulary()
        self.uri = uri or DEFAULT_URI
        self.username = username or "neo4j"
        self.database = database or None
        self.tx_rows = tx_rows
        self._password = password
        self._initialised = False
        self._has_norm_index = False
        self.location = self._scrub(_redact(self.uri))  # a password given as the URI by mistake
        try:
            parts = urlsplit(self.uri)
            scheme, userinfo = parts.scheme.lower(), parts.username or parts.password
        except ValueError:
            scheme, userinfo = "", None
        if scheme not in _SCHEMES:
            raise StoreUnavailable(f"invalid Neo4j URI {self.location!r}: use one of the schemes "
                                   f"{', '.join(s + '://' for s in _SCHEMES)}")
        if userinfo:
            raise StoreUnavailable(f"invalid Neo4j URI {self.location!r}: give the user name and password "
                                   "with NEO4J_USERNAME and NEO4J_PASSWORD, not in the URI")
        try:
            urlsplit(self.uri).port  # a port that is not a number failed later, as a traceback
        except ValueError as exc:
            raise StoreUnavailable(f"invalid Neo4j URI {self.location!r}: {exc}") from None
        auth = (self.username, password) if password is not None else None
        try:
            self._driver = neo4j.GraphDatabase.driver(
                self.uri, auth=auth, connection_timeout=connection_timeout,
                connection_acquisition_timeout=connection_timeout * 2, max_transaction_retry_time=60.0,
                notifications_min_severity="OFF", user_agent="autokg")
        except (neo4j.exceptions.ConfigurationError, ValueError) as exc:
            raise StoreUnavailable(f"invalid Neo4j URI {self.location!r}: {self._scrub(_first_line(exc))}") from None
        try:
            with self._errors():
                # Fails fast (no retries) when the server is down or refuses the credentials;
                # the query then checks that the database exists.
                self._driver.verify_connectivity()
                with self._driver.session(database=self.database) as s:
                    s.run("RETURN 1").consume()
        except BaseException:
            self._driver.close()
            raise

    # ---- plumbing ---------------------------------------------------------------------------

    def _scrub(self, text: str) -> str:
        """*text* without the password, should a server or driver message ever echo it."""
        return text.replace(self._password, "***") if self._password else text

    @contextmanager
    def _errors(self):
        """Driver failures become one-line autokg errors that never carry the password."""
        import neo4j.exceptions as ne

        try:
            yield
        except ne.AuthError:
            raise StoreUnavailable(
                f"Neo4j at {self.location} refused the credentials of user {self.username!r} "
                "(check NEO4J_USERNAME and NEO4J_PASSWORD)") from None
        except (ne.ServiceUnavailable, ne.SessionExpired) as exc:
            raise StoreUnavailable(
                f"cannot reach Neo4j at {self.location}: {self._scrub(_reason(exc))} "
                "(is the server running? set NEO4J_URI or --neo4j-uri)") from None
        except ne.Neo4jError as exc:
            code = exc.code or ""
            if code.endswith("DatabaseNotFound"):
                raise StoreUnavailable(
                    f"Neo4j at {self.location} has no database {self.database!r} (check NEO4J_DATABASE)") from None
            text = self._scrub(_first_line(exc.message or exc))
            raise StoreError(f"Neo4j at {self.location}: {text} [{code}]") from None
        except ne.DriverError as exc:
            raise StoreError(f"Neo4j at {self.location}: {self._scrub(_first_line(exc))}") from None
        except OSError as exc:
            raise StoreUnavailable(f"cannot reach Neo4j at {self.location}: {exc.strerror or exc}") from None

    def _read(self, query: str, params: dict | None = None, **kw) -> list:
        """Run a read-only query in a managed read transaction; return the records."""
        import neo4j

        values = {**(params or {}), **kw}

        def work(tx):
            return list(tx.run(query, values))

        with self._errors():
            with self._driver.session(database=self.database, default_access_mode=neo4j.READ_ACCESS) as s:
                return s.execute_read(work)

    def read_cypher(self, query: str, params: dict | None = None) -> list[dict]:
        """Run a read-only Cypher *query* with *params*; rows as dicts (nodes as property dicts)."""
        return [r.data() for r in self._read(query, params)]

    def _write(self, statements: list[tuple[str, dict, int]]) -> None:
        """Run *statements* in one managed write transaction (retried as a whole)."""

        def work(tx):
            for query, params, _ in statements:
                tx.run(query, params).consume()

        with self._errors():
            with self._driver.session(database=self.database) as s:
                s.execute_write(work)

    def _ids(self, query: str, value: str) -> list[str]:
        return [r["id"] for r in self._read(query, id=value)]

    def _find_entities(self, norms: list[str]) -> dict[str, list[dict]]:
        if not self._has_norm_index:
            self._has_norm_index = bool(self._read(
                "SHOW INDEXES YIELD name, state WHERE name = $name AND state = 'ONLINE' RETURN name", name=_NORM_INDEX))
        out: dict[str, list[dict]] = {}
        if self._has_norm_index:
            wanted = set(norms)
            seen: set[str] = set()
            for chunk in _chunks(norms, _TERMS_PER_QUERY):
                query = " OR ".join("names_norm:" + lucene_term(n) for n in chunk)
                for rec in self._read(_Q_FIND_FULLTEXT, {"query": query}):
                    node = rec["node"]
                    if node["id"] in seen:
                        continue
                    seen.add(node["id"])
                    for n in dict.fromkeys(node.get("names_norm") or ()):
                        if n in wanted:
                            out.setdefault(n, []).append(_entity_row(node))
        else:
            for rec in self._read(_Q_FIND_SCAN, norms=norms):
                out.setdefault(rec["norm"], []).append(_entity_row(rec["node"]))
        for rows in out.values():
            rows.sort(key=lambda r: r["id"])
        return out

    def _get_relations(self, ids: list[str]) -> dict[str, dict]:
        out: dict[str, dict] = {}
        for chunk in _chunks(ids):
            for rec in self._read(_Q_GET_RELATIONS, ids=chunk):
                links = {}
                p = rec["predicate"]
                for l in rec["links"]:
                    links[l["source_id"]] = {"relation_id": rec["id"], "source_id": l["source_id"], "quote": l["quote"],
                                             "confidence": l["confidence"], "seq": l["seq"],
                                             "claims": _only(l["claims"], p)}
                out[rec["id"]] = {"id": rec["id"], "predicate": p, "subject_id": rec["subject_id"],
                                  "object_id": rec["object_id"], "key": rec["key"], "key_display": rec["key_display"],
                                  "props": _only(rec["props"], p), "links": links}
        return out

    def _get_sources(self, ids: list[str]) -> dict[str, dict]:
        out = {}
        for chunk in _chunks(ids):
            for rec in self._read(_Q_SOURCES, ids=chunk):
                props = dict(rec["s"])
                out[props["id"]] = {k: props[k] for k in _SOURCE_COLS if props.get(k) is not None}
        return out

    def _read_seq(self) -> int:
        recs = self._read(_Q_SEQ)
        return int(recs[0]["value"] or 0) if recs else 0

    # ---- schema and writing -------------------------------------------------------------------

    def init(self) -> list[dict]:
        """Create the constraints and indexes the store relies on, if they do not exist yet.

        Idempotent. Returns one ``{"kind", "name", "created"}`` per constraint or index, and waits
        until the indexes are online.
        """
        statements = _schema_statements()
        existing = {r["name"] for r in self._read("SHOW CONSTRAINTS YIELD name RETURN name")}
        states = {r["name"]: r["state"] for r in self._read("SHOW INDEXES YIELD name, state RETURN name, state")}
        existing |= set(states)
        missing = [stmt for _, name, stmt in statements if name not in existing]
        for stmt in missing:  # IF NOT EXISTS: a concurrent init is harmless
            self._write([(stmt, {}, 0)])
        if missing or any(state != "ONLINE" for state in states.values()):
            with self._errors():
                with self._driver.session(database=self.database) as s:
                    s.run("CALL db.awaitIndexes(300)").consume()
        self._initialised = True
        self._has_norm_index = True
        return [{"kind": kind, "name": name, "created": name not in existing} for kind, name, _ in statements]

    @contextmanager
    def transaction(self, *, atomic: bool = False) -> Iterator[_Writer]:
        """A load transaction. Its writes reach the server batch by batch while the block runs
        (each batch as soon as the merge engine ends it), in transactions of about ``tx_rows``
        rows; everything not committed yet is discarded on error or on ``writer.rollback()``.
        With *atomic* nothing is sent before the block ends, so ``rollback()`` discards
        everything (``--strict`` and dry runs). The first transaction of a store makes sure the
        constraints and indexes exist (:meth:`init`)."""
        if not self._initialised:
            self.init()
        writer = _Writer(self, stream=not atomic)
        try:
            yield writer
            if writer._rollback:
                writer.abort()
            else:
                writer._finish()
        except BaseException:
            writer.abort()
            raise

    def delete_all(self) -> int:
        """Delete every node and relationship of the database, in batches; return the node count."""
        n = self._read("MATCH (n) RETURN count(n) AS n")[0]["n"]
        with self._errors():
            with self._driver.session(database=self.database) as s:
                s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS").consume()
        return n

    def close(self) -> None:
        self._driver.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ---- reading ------------------------------------------------------------------------------

    def lookup(self, compared: str) -> list[dict]:
        """Entities having *compared* (a :func:`norm` form) as name or alias."""
        return self._find_entities([compared]).get(compared, []) if compared else []

    def entity_rows(self) -> list[dict]:
        return [_entity_row(r["e"]) for r in self._read("MATCH (e:Entity) RETURN e ORDER BY e.id")]

    def entity_names(self) -> list[dict]:
        return self.entity_rows()

    def relation_rows(self, predicate: str | None = None) -> list[dict]:
        if predicate is not None:
            _reltype(predicate)
        recs = self._read(
            "MATCH (r:Relation) WHERE $p IS NULL OR r.predicate = $p "
            "RETURN r.id AS id, r.predicate AS predicate, r.subject_id AS subject_id, r.object_id AS object_id, "
            "r.key_display AS key_display, properties(r) AS props, "
            "COUNT { (:Source)-[:SUPPORTS]->(r) } AS sources ORDER BY r.id", p=predicate)
        return [{"id": r["id"], "predicate": r["predicate"], "subject_id": r["subject_id"],
                 "object_id": r["object_id"], "key_display": r["key_display"],
                 "props": _only(r["props"], r["predicate"]), "sources": r["sources"]} for r in recs]

    def link_rows(self, relation_ids: Iterable[str] | None = None) -> list[dict]:
        """Links with their source's fields, for the given relations (default: all)."""
        q = ("MATCH (s:Source)-[l:SUPPORTS]->(r:Relation) WHERE $ids IS NULL OR r.id IN $ids "
             "RETURN r.id AS relation_id, l.quote AS quote, l.confidence AS confidence, l.seq AS seq, "
             "properties(l) AS claims, r.predicate AS predicate, s AS source ORDER BY r.id, s.id")
        if relation_ids is None:
            recs = self._read(q, ids=None)
        else:
            recs = []
            for chunk in _chunks(list(relation_ids)):
                recs += self._read(q, ids=chunk)
        out = []
        for r in recs:
            src = dict(r["source"])
            out.append({"relation_id": r["relation_id"], "quote": r["quote"], "confidence": r["confidence"],
                        "seq": r["seq"], "claims": _only(r["claims"], r["predicate"]),
                        "source": {c: src.get(c) for c in _SOURCE_COLS}})
        return out

    def source_rows(self) -> list[dict]:
        return [{c: dict(r["s"]).get(c) for c in _SOURCE_COLS}
                for r in self._read("MATCH (s:Source) RETURN s ORDER BY s.id")]

    def run_preset(self, preset: str, params: dict[str, Any]) -> list[dict]:
        from autokg.queries.neo4j import run

        return run(self, preset, params)

    def stats(self) -> dict[str, int]:
        s = schema()
        out: dict[str, int] = {}
        counts = {t: 0 for t in s.entity_types}
        for r in self._read("MATCH (e:Entity) UNWIND labels(e) AS label RETURN label, count(*) AS n"):
            if r["label"] in counts:
                counts[r["label"]] = r["n"]
        out["entities"] = self._read("MATCH (e:Entity) RETURN count(e) AS n")[0]["n"]
        for t in s.entity_types:
            out[f"entities:{t}"] = counts[t]
        counts = {r["p"]: r["n"] for r in self._read("MATCH (r:Relation) RETURN r.predicate AS p, count(*) AS n")}
        out["relations"] = sum(counts.values())
        for p in s.predicates:
            out[f"relations:{p}"] = counts.get(p, 0)
        out["sources"] = self._read("MATCH (s:Source) RETURN count(s) AS n")[0]["n"]
        out["links"] = self._read("MATCH (:Source)-[l:SUPPORTS]->(:Relation) RETURN count(l) AS n")[0]["n"]
        return out

    def snapshot(self) -> dict[str, list[dict]]:
        return {"entities": self.entity_rows(), "relations": self.relation_rows(),
                "sources": self.source_rows(), "links": self.link_rows()}


def _first_line(exc: object) -> str:
    text = str(exc).strip()
    return text.splitlines()[0].rstrip(":") if text else type(exc).__name__


def _reason(exc: BaseException) -> str:
    """The root cause of a connection failure ("connection refused"), else its first line."""
    seen = exc
    while seen is not None:
        if isinstance(seen, OSError) and seen.strerror:
            return seen.strerror[:1].lower() + seen.strerror[1:]
        seen = seen.__cause__ or seen.__context__
    text = _first_line(exc)
    return text[:1].lower() + text[1:]
