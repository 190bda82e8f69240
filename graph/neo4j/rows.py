"""Store rows (see :mod:`autokg.graph.store`) to and from the properties of the graph model.

Entity attributes, relation properties and link claims are stored flat, next to the store's
own keys (:data:`ENTITY_KEYS`, :data:`RELATION_KEYS`, :data:`LINK_KEYS`); they are read back by
their names in the schema vocabulary, which :func:`check_vocabulary` keeps apart from those keys.
"""

from __future__ import annotations

from typing import Iterator

from autokg.errors import StoreError
from autokg.graph.model import schema
from autokg.graph.normalize import norm

__all__ = [
    "BATCH", "SOURCE_COLS", "ENTITY_KEYS", "RELATION_KEYS", "LINK_KEYS", "chunks", "check_vocabulary",
    "entity_props", "entity_row", "relation_params", "link_params", "only", "source_row",
    "copy_entity", "copy_link", "copy_relation",
]

BATCH = 2000  # rows per UNWIND
SOURCE_COLS = ("id", *schema().source_fields)
ENTITY_KEYS = ("id", "name", "aliases", "names_norm", "declared", "partners")
RELATION_KEYS = ("id", "predicate", "subject_id", "object_id", "key", "key_display", "sources", "key_lower",
                 "country_pair")
LINK_KEYS = ("quote", "confidence", "seq")


def chunks(items: list, n: int = BATCH) -> Iterator[list]:
    """*items* in consecutive slices of at most *n*."""
    for i in range(0, len(items), n):
        yield items[i : i + n]


def check_vocabulary() -> None:
    """Refuse a schema whose attribute or property names clash with the store's own keys."""
    s = schema()
    for t in s.entity_types.values():
        clash = set(t.attributes) & set(ENTITY_KEYS)
        if clash:
            raise StoreError(f"schema.yaml: attribute {sorted(clash)[0]!r} of {t.name} is reserved by the Neo4j store")
    for p in s.predicates.values():
        clash = set(p.properties) & (set(RELATION_KEYS) | set(LINK_KEYS))
        if clash:
            raise StoreError(f"schema.yaml: property {sorted(clash)[0]!r} of {p.name} is reserved by the Neo4j store")


def entity_props(row: dict) -> dict:
    """An entity row as node properties, with the compared form of every name."""
    names = [row["name"], *row["aliases"]]
    return {**row["attrs"], "id": row["id"], "name": row["name"], "aliases": list(row["aliases"]),
            "names_norm": list(dict.fromkeys(norm(n) for n in names)), "declared": bool(row["declared"])}


def entity_row(node) -> dict:
    """An entity row from an ``:Entity`` node."""
    types = [name for name in node.labels if name in schema().entity_types]
    props = dict(node)
    return {"id": props["id"], "type": types[0] if types else None, "name": props["name"],
            "declared": bool(props.get("declared")), "aliases": list(props.get("aliases") or []),
            "attrs": {k: v for k, v in props.items() if k not in ENTITY_KEYS}}


def relation_params(row: dict, sources: int | None) -> dict:
    """A relation as sent: its properties once, for both the node and the typed relationship,
    next to the store's own keys."""
    return {"id": row["id"], "predicate": row["predicate"], "subject_id": row["subject_id"],
            "object_id": row["object_id"], "key": row["key"], "key_display": row["key_display"],
            "sources": sources, "props": row["props"] or {}}


def link_params(row: dict, nested: bool = False) -> dict:
    """A link as sent: its claims once, next to the store's own keys; a link sent inside its
    relation's row (*nested*) does not repeat the relation's id."""
    out = {"source_id": row["source_id"], "claims": row["claims"], "quote": row["quote"],
           "confidence": float(row["confidence"]), "seq": int(row["seq"])}
    if not nested:
        out["relation_id"] = row["relation_id"]
    return out


def only(props: dict, predicate: str) -> dict:
    """The properties of the vocabulary's *predicate* among *props* (a node's or relationship's
    properties, next to the store's own keys), in key order."""
    names = schema().predicates[predicate].properties
    return {k: props[k] for k in sorted(props) if k in names}


def source_row(props: dict) -> dict:
    """A source row from a ``:Source`` node's properties (absent fields left out)."""
    return {k: props[k] for k in SOURCE_COLS if props.get(k) is not None}


def copy_entity(row: dict) -> dict:
    """A copy of an entity row that shares no mutable part with it."""
    return {**row, "aliases": list(row["aliases"]), "attrs": dict(row["attrs"])}


def copy_link(row: dict) -> dict:
    """A copy of a link row that shares no mutable part with it."""
    return {**row, "claims": dict(row["claims"])}


def copy_relation(row: dict) -> dict:
    """A copy of a relation row without its links, sharing no mutable part with it."""
    out = {k: v for k, v in row.items() if k != "links"}
    out["props"] = dict(row["props"]) if row.get("props") is not None else None
    return out
