"""GraphML export for Gephi, yEd and Cytoscape, built with networkx.

Two views:

* ``full``: every entity as a node (``name``, ``type``, ``aliases`` and its own attributes) and
  every relation as an edge (``predicate``, ``symmetric``, its properties and ``sources``, the
  number of sources that support it), in a directed multigraph whose edge ids are the relation
  ids.
* ``companies``: the "who partners with whom" projection, an undirected graph of the companies
  (``name``, ``country``, ``sector``) with one edge per partnering pair: ``weight`` (the number
  of PARTNERS_WITH relations between the two), ``sources`` (distinct sources behind them), and the
  ``domains`` and ``statuses`` involved. ``status`` keeps only the partnerships with that status;
  every company stays a node.

Attributes are GraphML-typed scalars: counts are ``long``, a vocabulary ``number`` (such as
``stake_pct``) is always ``double`` (an integral stake is written as ``20.0``, so one attribute
has one type), flags are ``boolean`` and everything else, dates included, is ``string``. A list
becomes two attributes: ``NAME``, joined with ``"; "`` for reading, and ``NAME_json``, the JSON
array, for tools that want the list back. Missing values are left out.

The output is deterministic: nodes, edges and list items are sorted, so the same graph gives
the same bytes from either store. A file is written to a temporary name in the same directory and
renamed, so a failed export never leaves a truncated file.
"""

from __future__ import annotations

import io
import json
import sys
from typing import Any, Iterator

from autokg.errors import UnknownName, UsageError
from autokg.exports import Option, register_export
from autokg.graph.atomic import atomic_open
from autokg.graph.model import Property

__all__ = ["VIEWS", "to_networkx", "generate_graphml", "write_graphml"]

VIEWS = ("full", "companies")


def _put(attrs: dict, name: str, value: Any, prop: Property | None = None) -> None:
    """Store *value* as GraphML-typed scalar attribute(s) following the list policy; a value of
    a vocabulary property *prop* takes the scalar of its type."""
    if value is None:
        return
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value) if isinstance(value, (set, frozenset)) else list(value)
        attrs[name] = "; ".join(str(v) for v in items)
        attrs[name + "_json"] = json.dumps(items, ensure_ascii=False)
        return
    if isinstance(value, dict):
        attrs[name + "_json"] = json.dumps(value, ensure_ascii=False, sort_keys=True)
        return
    if prop is not None:
        value = prop.kind.graphml_value(value)
    if isinstance(value, (bool, int, float, str)):
        attrs[name] = value
    else:
        attrs[name] = str(value)


def _check(view: str, status: str | None) -> None:
    from autokg.graph.model import schema

    if view not in VIEWS:
        raise UnknownName(f"unknown GraphML view {view!r} (known: {', '.join(VIEWS)})")
    if status is None:
        return
    if view != "companies":
        raise UsageError("a status filter applies to the companies view only (view 'companies')")
    if status not in schema().statuses:
        raise UsageError(f"unknown status {status!r} (known: {', '.join(schema().statuses)})")


def to_networkx(store, view: str = "full", status: str | None = None):
    """The graph as a networkx ``MultiDiGraph`` (``full``) or ``Graph`` (``companies``)."""
    _check(view, status)
    snap = store.snapshot()
    ents = {e["id"]: e for e in snap["entities"]}
    if view == "full":
        return _full(ents, snap["relations"])
    return _companies(ents, snap["relations"], snap["links"], status)


def _full(ents: dict[str, dict], relations: list[dict]):
    """Every entity and every relation, in a directed multigraph keyed by relation id."""
    import networkx as nx

    from autokg.graph.model import schema

    s = schema()
    g = nx.MultiDiGraph(name="autokg")
    for eid in sorted(ents):
        e = ents[eid]
        spec = s.entity_types[e["type"]].attributes
        attrs = {"name": e["name"], "type": e["type"]}
        _put(attrs, "aliases", sorted(e["aliases"]) or None)
        for k in sorted(e["attrs"]):
            _put(attrs, k, e["attrs"][k], spec.get(k))
        g.add_node(eid, **attrs)
    for r in sorted(relations, key=lambda r: r["id"]):
        pred = s.predicates[r["predicate"]]
        attrs = {"predicate": r["predicate"], "symmetric": pred.symmetric, "sources": int(r["sources"])}
        for k in sorted(r["props"]):
            _put(attrs, k, r["props"][k], pred.properties.get(k))
        g.add_edge(r["subject_id"], r["object_id"], key=r["id"], **attrs)
    return g


def _partner_pairs(relations: list[dict], links: list[dict], status: str | None) -> dict[tuple, dict]:
    """The PARTNERS_WITH relations (with *status*, if given) gathered by pair of companies."""
    from autokg.graph.model import schema

    default = schema().default_status
    sources_of: dict[str, set] = {}
    for link in links:
        sources_of.setdefault(link["relation_id"], set()).add(link["source"]["id"])
    pairs: dict[tuple, dict] = {}
    for r in sorted(relations, key=lambda r: r["id"]):
        if r["predicate"] != "PARTNERS_WITH":
            continue
        st = r["props"].get("status", default)
        if status and st != status:
            continue
        a, b = sorted((r["subject_id"], r["object_id"]))
        p = pairs.setdefault((a, b), {"weight": 0, "sources": set(), "domains": set(), "statuses": set()})
        p["weight"] += 1
        p["sources"] |= sources_of.get(r["id"], set())
        if r["key_display"] is not None:
            p["domains"].add(r["key_display"])
        p["statuses"].add(st)
    return pairs


def _companies(ents: dict[str, dict], relations: list[dict], links: list[dict], status: str | None):
    """Who partners with whom: every company, one edge per partnering pair."""
    import networkx as nx

    from autokg.graph.model import schema

    order = {st: i for i, st in enumerate(schema().statuses)}
    g = nx.Graph(name="autokg companies")
    for eid in sorted(ents):
        e = ents[eid]
        if e["type"] != "Company":
            continue
        attrs = {"name": e["name"]}
        _put(attrs, "country", e["attrs"].get("country"))
        _put(attrs, "sector", e["attrs"].get("sector"))
        g.add_node(eid, **attrs)
    for (a, b), p in sorted(_partner_pairs(relations, links, status).items()):
        attrs = {"weight": p["weight"], "sources": len(p["sources"])}
        _put(attrs, "domains", sorted(p["domains"]) or None)
        # statuses in the vocabulary's order (active, prospective, ended), not alphabetically
        _put(attrs, "statuses", sorted(p["statuses"], key=lambda x: (order.get(x, len(order)), x)))
        g.add_edge(a, b, **attrs)
    return g


def _lines(g) -> Iterator[str]:
    from xml.etree.ElementTree import tostring

    from networkx.readwrite.graphml import GraphMLWriter

    # Numbered key ids (d0, d1, ...): GraphML requires key ids to be unique across scopes, and
    # a node attribute may share its name with an edge or graph attribute ("name", "date").
    writer = GraphMLWriter(encoding="utf-8", prettyprint=True, named_key_ids=False)
    writer.add_graph_element(g)
    # networkx puts each new <key> first; list them in the order they were made instead.
    keys = [el for el in writer.xml if el.tag == "key"]
    for el in keys:
        writer.xml.remove(el)
    for i, el in enumerate(sorted(keys, key=lambda el: int(el.get("id")[1:]))):
        writer.xml.insert(i, el)
    writer.indent(writer.xml)
    yield '<?xml version="1.0" encoding="utf-8"?>'
    yield from tostring(writer.xml, encoding="unicode").splitlines()


def generate_graphml(store, view: str = "full", status: str | None = None) -> Iterator[str]:
    """Yield the GraphML document line by line (without line ends)."""
    yield from _lines(to_networkx(store, view, status))


def write_graphml(store, out, view: str = "full", status: str | None = None) -> tuple[int, int]:
    """Write GraphML to *out*: a path, ``-`` for stdout, or an open file; returns (nodes, edges).

    The whole graph is read and checked before anything is written, and a path is written
    through a temporary file renamed into place.
    """
    g = to_networkx(store, view, status)
    counts = g.number_of_nodes(), g.number_of_edges()
    if out == "-" or hasattr(out, "write"):
        fp = sys.stdout if out == "-" else out
        binary = not isinstance(fp, io.TextIOBase) and "b" in getattr(fp, "mode", "b")
        for line in _lines(g):
            fp.write((line + "\n").encode("utf-8") if binary else line + "\n")
        fp.flush()
        return counts
    with atomic_open(out, suffix=".graphml.tmp") as fp:
        for line in _lines(g):
            fp.write(line + "\n")
    return counts


register_export(
    "graphml", write_graphml, "GraphML for Gephi, yEd or Cytoscape.",
    options=(
        Option("view", "full: every entity and relation; companies: who partners with whom.",
               default="full", choices=VIEWS),
        Option("status", "companies view: only partnerships with this status."),
    ),
    stdout=True,
    summary=lambda counts: f"{counts[0]} nodes, {counts[1]} edges",
    example="autokg export graphml partners.graphml --view companies",
)
