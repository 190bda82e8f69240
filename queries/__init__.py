"""The saved queries (presets): defined once in :mod:`autokg.queries.presets`, implemented once
per store kind.

A store never imports this layer; :func:`implementation` picks the module that answers presets
on a store by the store's ``name`` (``embedded`` → :mod:`autokg.queries.embedded`, ``neo4j`` →
:mod:`autokg.queries.neo4j`, the ``.cypher`` files). A new store kind registers its own with
:func:`register_implementation`.
"""

from __future__ import annotations

import importlib
from typing import Any, Callable

from autokg.errors import UnknownName

__all__ = ["IMPLEMENTATIONS", "register_implementation", "implementation"]

# store name -> module offering run(store, preset, params) -> list[dict]
IMPLEMENTATIONS: dict[str, str] = {"embedded": "autokg.queries.embedded", "neo4j": "autokg.queries.neo4j"}


def register_implementation(store_name: str, module: str) -> None:
    IMPLEMENTATIONS[store_name] = module


def implementation(store) -> Callable[[Any, str, dict], list[dict]]:
    """The ``run(store, preset, params)`` function that answers presets on *store*."""
    name = getattr(store, "name", None)
    if name not in IMPLEMENTATIONS:
        raise UnknownName(f"no preset implementation for the store {name!r} (known: {', '.join(IMPLEMENTATIONS)})")
    return importlib.import_module(IMPLEMENTATIONS[name]).run
