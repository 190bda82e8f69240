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
from dataclasses import dataclass
from typing import Callable, Iterable, Protocol

from autokg.errors import UnknownName

__all__ = ["Writer", "Store", "StoreKind", "STORES", "open_store", "register_store", "get_store_kind"]


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
    """What every store offers. The merge engine writes through :meth:`transaction`; the query
    layer, the exports and the CLI read through the other methods. A store never imports the
    query layer: :mod:`autokg.queries` dispatches each preset on :attr:`name`."""

    name: str

    def transaction(self, *, atomic: bool = False) -> AbstractContextManager[Writer]:
        """Writes of one load. With *atomic*, ``rollback()`` discards every write of the block;
        otherwise a store may commit a large block in several parts as it goes (Neo4j)."""
    def close(self) -> None:
        """Release the file or the connection; the store is not used after."""
    def __enter__(self) -> "Store": ...
    def __exit__(self, *exc: object) -> None: ...

    # reading
    def lookup(self, compared: str) -> list[dict]:
        """Entity rows having *compared* (a :func:`autokg.graph.normalize.norm` form) as their
        name or an alias."""
    def lookup_many(self, compared: Iterable[str]) -> dict[str, list[dict]]:
        """:meth:`lookup` of each of *compared* in one read: the entity rows by compared name
        (absent when none)."""
    def entity_rows(self) -> list[dict]:
        """Every entity row, ordered by id."""
    def relation_ids(self) -> list[str]:
        """Every relation id, in order: for reading relations in chunks with
        :meth:`Writer.get_relations` without holding them all."""
    def relation_rows(self, predicate: str | None = None) -> list[dict]:
        """Every relation row (of *predicate* if given), ordered by id, with ``sources``: the
        number of sources that support it."""
    def link_rows(self, relation_ids: Iterable[str] | None = None) -> list[dict]:
        """The links (claims) of the given relations (default: all), each with its ``source``
        row nested."""
    def source_rows(self) -> list[dict]:
        """Every source row, ordered by id."""
    def stats(self) -> dict[str, int]:
        """Counts of entities, relations (each also per type and predicate), sources, links."""
    def snapshot(self) -> dict[str, list[dict]]:
        """Every entity, relation (with resolved props), source and link, for exports."""


@dataclass(frozen=True)
class StoreKind:
    """A store registered by name: *factory* takes the options :func:`open_store` was given
    (``path`` for a file store, ``uri``, ``username``, ``password``, ``database`` for a server)."""

    name: str
    factory: Callable[..., Store]
    aliases: tuple[str, ...] = ()
    description: str = ""


def _embedded(path=None, **_ignored) -> Store:
    from autokg.graph.embedded import EmbeddedStore

    return EmbeddedStore(path)


def _neo4j(uri=None, username=None, password=None, database=None, **_ignored) -> Store:
    from autokg.graph.neo4j import Neo4jStore

    return Neo4jStore(uri=uri, username=username, password=password, database=database)


STORES: dict[str, StoreKind] = {}
_BY_NAME: dict[str, StoreKind] = {}


def register_store(kind: StoreKind) -> StoreKind:
    """Register a store kind under its name and aliases."""
    STORES[kind.name] = kind
    for key in (kind.name, *kind.aliases):
        _BY_NAME[key] = kind
    return kind


register_store(StoreKind("embedded", _embedded, ("sqlite",), "one SQLite file, no server (the default)"))
register_store(StoreKind("neo4j", _neo4j, (), "a Neo4j 5 server over Bolt"))


def get_store_kind(name: str) -> StoreKind:
    kind = _BY_NAME.get(name)
    if kind is None:
        raise UnknownName(f"unknown backend {name!r} (known: {', '.join(STORES)})")
    return kind


def open_store(name: str = "embedded", **options) -> Store:
    """Open the store registered as *name* (``embedded`` or ``neo4j``) with *options*."""
    return get_store_kind(name).factory(**options)
