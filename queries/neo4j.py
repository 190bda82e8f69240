"""The presets on the Neo4j store: one ``.cypher`` file per preset, shipped in this package.

A file holds one read-only statement, and may start with ``// browser:`` comment lines that give
Neo4j Browser users ``:param`` examples, so the file runs as-is in Browser. Everything else about
a preset (description, parameters, columns, order) is in :data:`autokg.queries.presets.PRESETS`.
Entity parameters arrive from the CLI as entity ids; the queries also accept a name or alias (in
any case, surrounding spaces ignored), for Browser users. Both are index seeks: the id on the
entity constraint, the name on the ``:Name {norm}`` nodes (see :mod:`autokg.graph.neo4j`). Every preset is pure Cypher: no rows are post-processed here.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Any

from autokg.queries.presets import get_preset

__all__ = ["cypher", "header", "run"]

_HEADER = re.compile(r"^//\s*([a-z_]+):\s?(.*)$")


@functools.cache
def cypher(name: str) -> str:
    """The Cypher text of preset *name* (``queries/NAME.cypher``)."""
    get_preset(name)
    return resources.files("autokg.queries").joinpath(f"{name}.cypher").read_text("utf-8")


def header(name: str) -> dict[str, str]:
    """The leading comment of preset *name*'s file as ``{key: text}`` (continuation lines joined):
    today only ``browser``, the ``:param`` lines for Neo4j Browser."""
    out: dict[str, str] = {}
    key = None
    for line in cypher(name).splitlines():
        if not line.startswith("//"):
            break
        m = _HEADER.match(line)
        if m:
            key = m.group(1)
            out[key] = m.group(2).strip()
        elif key is not None:
            out[key] += " " + line[2:].strip()
    return out


def run(store, preset: str, params: dict[str, Any]) -> list[dict]:
    """Run preset *preset* on the Neo4j *store* in a read transaction
    (:meth:`~autokg.graph.neo4j.Neo4jStore.read_cypher`); rows keyed by its columns."""
    definition = get_preset(preset)
    values = {p.name: params.get(p.name, p.default) for p in definition.params}
    return [{c: rec[c] for c in definition.columns} for rec in store.read_cypher(cypher(preset), values)]
