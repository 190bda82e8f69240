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

__all__ = ["PACK_LIMIT", "STREAMED", "cypher", "header", "packed", "run"]

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


# The presets whose answer grows with the graph itself (every partnership, every relation not
# checked lately): their rows stream, one record each, so that the server never holds them all.
STREAMED = frozenset({"partners", "stale"})

# At most this many rows come as one list; a larger answer (an aggregate with no filter on a
# large graph) is read again as a stream, so that the server never holds an unbounded list.
PACK_LIMIT = 50_000


@functools.cache
def packed(name: str, limit: int = PACK_LIMIT) -> str:
    """The statement that runs preset *name* and returns its first ``limit + 1`` rows, in
    order, as one list of lists (one record): each record of a result costs the Python driver
    some 30 µs whatever it holds, so thousands of rows arrive many times faster in one. The rows
    and their order are those of :func:`cypher`'s text: the subquery sorts them, and ``LIMIT``
    and ``collect`` keep the order in which they come."""
    columns = ", ".join(get_preset(name).columns)
    return (f"CALL () {{\n{cypher(name)}\n}}\n"
            f"WITH [{columns}] AS row LIMIT {int(limit) + 1}\nRETURN collect(row) AS rows\n")


def run(store, preset: str, params: dict[str, Any]) -> list[dict]:
    """Run preset *preset* on the Neo4j *store* in a read transaction; rows keyed by its
    columns. The rows come as one list (:func:`packed`) but for the presets of
    :data:`STREAMED` and answers of more than :data:`PACK_LIMIT` rows."""
    definition = get_preset(preset)
    values = {p.name: params.get(p.name, p.default) for p in definition.params}
    columns = definition.columns
    if preset not in STREAMED:
        [(rows,)] = store.read_values(packed(preset, PACK_LIMIT), values)
        if len(rows) <= PACK_LIMIT:
            return [dict(zip(columns, row)) for row in rows]
        # a long answer: read it again, one record a row
    return [{c: rec[c] for c in columns} for rec in store.read_cypher(cypher(preset), values)]
