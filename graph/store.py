"""The store protocol that the embedded store and the Neo4j store both implement, and the
registry that opens a store by name.

The merge rules live in :mod:`autokg.graph.merge`, above this protocol: a store only reads and
writes rows, so both stores merge identically by construction.

Rows are plain dicts:

* entity: ``id, type, name, declared, aliases (list of display names), attrs (dict)``
* relation: ``id, predicate, subject_id, object_id, key (compared form), key_display,
  props (resolved dict)`` and, when read, ``links``: ``{source_id: link}``
* link: ``relation_id, source_id, quote, confidence, seq, claims (dict)``
* source: ``id, url, title, publisher, author, published, lang``
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any, Iterable, Protocol

from autokg.errors import UnknownName

__all__ = ["Writer", "Store", "STORES", "open_store", "register_store"]


class Writer(Protocol):
    """One write transaction (embedded) or one sequence of batches (Neo4j)."""

    def find_entities(self, norms: Iterable[str]) -> dict[str, list[dict]]: ...
    def get_relations(self, ids: Iterable[str]) -> dict[str, dict]: ...
    def relation_ids_touching(self, entity_id: str) -> list[str]: ...
    def relation_ids_citing(self, source_id: str) -> list[str]: ...
    def get_sources(self, ids: Iterable[str]) -> dict[str, dict]: ...
    def next_seq(self, n: int) -> int: ...

    def put_entities(self, rows: list[dict]) -> None: ...
    def delete_entities(self, ids: list[str]) -> None: ...
    def put_sources(self, rows: list[dict]) -> None: ...
    def put_relations(self, rows: list[dict]) -> None: ...
    def delete_relations(self, ids: list[str]) -> None: ...
    def put_links(self, rows: list[dict]) -> None: ...
    def flush(self) -> None:
        """End of a batch: make the writes so far visible to the reads that follow."""

    def rollback(self) -> None:
        """Discard this transaction's writes when it ends."""


class Store(Protocol):
    name: str

    def transaction(self, *, atomic: bool = False) -> AbstractContextManager[Writer]:
        """Writes of one load. With *atomic*, ``rollback()`` discards every write of the block;
        otherwise a store may commit a large block in several parts as it goes (Neo4j)."""
    def close(self) -> None: ...

    # reading
    def run_preset(self, preset: str, params: dict[str, Any]) -> list[dict]: ...
    def entity_names(self) -> list[dict]: ...
    def stats(self) -> dict[str, Any]: ...
    def snapshot(self) -> dict[str, list[dict]]:
        """Every entity, relation (with resolved props), source and link, for exports."""


def _embedded(**options):
    from autokg.graph.embedded import EmbeddedStore

    return EmbeddedStore(options.get("path"))


def _neo4j(**options):
    from autokg.graph.neo4j import Neo4jStore

    return Neo4jStore(**{k: v for k, v in options.items() if k != "path"})


STORES = {"embedded": _embedded, "neo4j": _neo4j}
_ALIASES = {"sqlite": "embedded"}


def register_store(name: str, factory) -> None:
    STORES[name] = factory


def open_store(name: str = "embedded", **options) -> Store:
    """Open the store registered as *name* (``embedded`` or ``neo4j``)."""
    key = _ALIASES.get(name, name)
    if key not in STORES:
        raise UnknownName(f"unknown backend {name!r} (known: {', '.join(STORES)})")
    return STORES[key](**options)
