"""GraphML export for Gephi, yEd and Cytoscape, built with networkx.

Attributes are GraphML-typed scalars. A list becomes two attributes: ``NAME`` joined with
``"; "`` for reading, and ``NAME_json``, the JSON array, for tools that want the list back.
Missing values are left out. The file is written to a temporary name and renamed, so a failed
export never leaves a truncated file.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from typing import Any

__all__ = ["to_networkx", "generate_graphml", "write_graphml", "VIEWS"]

VIEWS = ("full", "companies")


def _put(attrs: dict, name: str, value: Any) -> None:
    if value is None:
        return
    if isinstance(value, (list, tuple, set)):
        items = sorted(value) if isinstance(value, set) else list(value)
        attrs[name] = "; ".join(str(v) for v in items)
        attrs[name + "_json"] = json.dumps(items, ensure_ascii=False)
    elif isinstance(value, dict):
        attrs[name + "_json"] = json.dumps(value, ensure_ascii=False, sort_keys=True)
    else:
        attrs[name] = value


def to_networkx(store, view: str = "full", status: str | None = None):
    """The graph as a networkx ``MultiDiGraph`` (full) or ``Graph`` (companies)."""
    import networkx as nx

    if view not in VIEWS:
        from autokg.errors import UnknownName

        raise UnknownName(f"unknown view {view!r} (known: {', '.join(VIEWS)})")
    snap = store.snapshot()
    ents = {e["id"]: e for e in snap["entities"]}
    if view == "full":
        g = nx.MultiDiGraph(name="autokg")
        for eid in sorted(ents):
            e = ents[eid]
            attrs = {"name": e["name"], "type": e["type"]}
            _put(attrs, "aliases", sorted(e["aliases"]) or None)
            for k in sorted(e["attrs"]):
                _put(attrs, k, e["attrs"][k])
            g.add_node(eid, **attrs)
        for r in sorted(snap["relations"], key=lambda r: r["id"]):
            attrs = {"predicate": r["predicate"], "sources": r["sources"]}
            for k in sorted(r["props"]):
                _put(attrs, k, r["props"][k])
            g.add_edge(r["subject_id"], r["object_id"], key=r["id"], **attrs)
        return g
    g = nx.Graph(name="autokg companies")
    pairs: dict[tuple, dict] = {}
    sources_of: dict[str, set] = {}
    for link in snap["links"]:
        sources_of.setdefault(link["relation_id"], set()).add(link["source"]["id"])
    for r in sorted(snap["relations"], key=lambda r: r["id"]):
        if r["predicate"] != "PARTNERS_WITH":
            continue
        if status and r["props"].get("status") != status:
            continue
        a, b = sorted((r["subject_id"], r["object_id"]))
        p = pairs.setdefault((a, b), {"weight": 0, "sources": set(), "domains": set(), "statuses": set()})
        p["weight"] += 1
        p["sources"] |= sources_of.get(r["id"], set())
        if r["key_display"] is not None:
            p["domains"].add(r["key_display"])
        p["statuses"].add(r["props"].get("status"))
    for eid in sorted(ents):
        e = ents[eid]
        if e["type"] != "Company":
            continue
        attrs = {"name": e["name"]}
        _put(attrs, "country", e["attrs"].get("country"))
        _put(attrs, "sector", e["attrs"].get("sector"))
        g.add_node(eid, **attrs)
    for (a, b), p in sorted(pairs.items()):
        attrs = {"weight": p["weight"], "sources": len(p["sources"])}
        _put(attrs, "domains", sorted(p["domains"]) or None)
        _put(attrs, "statuses", sorted(p["statuses"]))
        g.add_edge(a, b, **attrs)
    return g


def generate_graphml(store, view: str = "full", status: str | None = None):
    """Yield the GraphML document line by line."""
    import networkx as nx

    yield from nx.generate_graphml(to_networkx(store, view, status), named_key_ids=True)


def write_graphml(store, out, view: str = "full", status: str | None = None) -> tuple[int, int]:
    """Write GraphML to the path *out* (``-`` for stdout); returns (nodes, edges)."""
    import networkx as nx

    g = to_networkx(store, view, status)
    if out == "-":
        for line in nx.generate_graphml(g, named_key_ids=True):
            sys.stdout.write(line + "\n")
        return g.number_of_nodes(), g.number_of_edges()
    out = os.fspath(out)
    directory = os.path.dirname(os.path.abspath(out))
    fd, tmp = tempfile.mkstemp(prefix=".autokg-", suffix=".graphml", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fp:
            nx.write_graphml(g, fp, named_key_ids=True)
        os.replace(tmp, out)
    except BaseException:
        os.unlink(tmp)
        raise
    return g.number_of_nodes(), g.number_of_edges()
