"""Pictures of the partnership network: PNG or SVG drawn with matplotlib, or one self-contained
HTML page.

The picture shows companies and their PARTNERS_WITH relations only. Companies are coloured by
country; each partnership is a line styled by its status (active solid, prospective dashed,
ended dotted grey) and labelled with its domain, and two companies with several partnerships get
one curve each. With a company, the picture is its ego network: the companies within *depth*
partnership hops and every partnership among them.

The layout is computed here, in pure Python and without randomness (rings around the best
connected company, relaxed by forces where partnerships form cycles): the same graph gives the
same picture in every format, and the HTML page needs neither matplotlib nor numpy. The HTML page is
an inline SVG with its own CSS and a few lines of JavaScript for hover tooltips; it loads
nothing from anywhere.
"""

from __future__ import annotations

import html
import math
import os
import textwrap
from dataclasses import dataclass, field

from autokg.errors import AutokgError, UsageError
from autokg.exports import Option, register_export
from autokg.graph.atomic import atomic_open

__all__ = ["FORMATS", "Company", "Partnership", "Network", "partnership_network", "render"]

FORMATS = (".png", ".svg", ".html")

# Colours for countries: the frequent ones in the data get a fixed colour, so that a country
# keeps its colour from one picture to the next; other countries take the rest in code order.
_PALETTE = ("#d62728", "#1f77b4", "#e377c2", "#2ca02c", "#9467bd", "#17becf", "#ff7f0e",
            "#8c564b", "#bcbd22", "#393b79", "#ad494a", "#637939", "#8c6d31", "#7b4173",
            "#3182bd", "#e6550d", "#31a354", "#756bb1", "#636363", "#843c39")
_PREFERRED = ("CN", "US", "JP", "KR", "FR", "DE", "TW", "IT", "GB", "SE", "IN", "NL")
_NO_COUNTRY = "#b5b5b5"

_STATUS_STYLE = {
    "active": {"colour": "#2c3e50", "width": 1.8, "dash": None},
    "prospective": {"colour": "#d35400", "width": 1.7, "dash": (6.0, 3.5)},
    "ended": {"colour": "#9a9a9a", "width": 1.6, "dash": (0.5, 3.5)},
}

_FONT = "DejaVu Sans"
_NODE_FS = 10.0      # company names, in points
_EDGE_FS = 7.5       # domains
_TITLE_FS = 12.0
_LEGEND_FS = 8.5
_CHAR_W = 0.6        # average glyph width of DejaVu Sans, in ems (a generous estimate)
_LINE_H = 1.2
_EDGE_LEN = 165.0    # typical length of a partnership line, in points
_MIN_GAP = 70.0      # smallest distance between two companies, in points
_WRAP = 24           # characters per line of a domain label


# --- the network -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Company:
    id: str
    name: str
    country: str | None
    sector: str | None


@dataclass(frozen=True)
class Partnership:
    id: str
    a: str
    b: str
    domain: str | None
    status: str
    since: str | None
    until: str | None
    sources: int


@dataclass
class Network:
    companies: dict[str, Company]
    partnerships: list[Partnership]
    centre: str | None = None
    depth: int | None = None
    hops: dict[str, int] = field(default_factory=dict)


def partnership_network(store, company: str | None = None, depth: int = 2) -> Network:
    """The companies and PARTNERS_WITH relations to draw.

    With *company* (any name or alias), only the companies within *depth* partnership hops of
    it and the partnerships among them.
    """
    from autokg.graph.model import schema

    s = schema()
    if company is not None and (not isinstance(depth, int) or depth < 1):
        raise UsageError(f"depth must be a whole number of hops, at least 1 (got {depth!r})")
    centre = None
    if company is not None:
        from autokg.queries.presets import resolve_entity

        found = resolve_entity(store, company, "Company")
        if found["type"] != "Company":
            raise AutokgError(f"{company!r} is a {found['type']}, not a company; "
                              "the picture is centred on a company")
        centre = found["id"]
    snap = store.snapshot()
    companies = {e["id"]: Company(e["id"], e["name"], e["attrs"].get("country"), e["attrs"].get("sector"))
                 for e in snap["entities"] if e["type"] == "Company"}
    partnerships = sorted(
        (Partnership(r["id"], *sorted((r["subject_id"], r["object_id"])), r["key_display"],
                     r["props"].get("status", s.default_status), r["props"].get("since"),
                     r["props"].get("until"), int(r["sources"]))
         for r in snap["relations"] if r["predicate"] == "PARTNERS_WITH"),
        key=lambda p: p.id)
    if centre is None:
        return Network(companies, partnerships)
    adjacency: dict[str, set[str]] = {}
    for p in partnerships:
        adjacency.setdefault(p.a, set()).add(p.b)
        adjacency.setdefault(p.b, set()).add(p.a)
    hops = {centre: 0}
    frontier = [centre]
    for hop in range(1, depth + 1):
        frontier = sorted({n for f in frontier for n in adjacency.get(f, ()) if n not in hops})
        for n in frontier:
            hops[n] = hop
    return Network({i: companies[i] for i in sorted(hops)},
                   [p for p in partnerships if p.a in hops and p.b in hops], centre, depth, hops)


# --- layout ------------------------------------------------------------------------------------

def _text_box(lines: list[str], fs: float) -> tuple[float, float]:
    return max(len(line) for line in lines) * _CHAR_W * fs + 4, len(lines) * _LINE_H * fs + 2


def _overlap(a, b) -> float:
    """Overlapping area of two boxes (x0, y0, x1, y1)."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _spring(nodes: list[str], pairs: dict[tuple[str, str], float], start: dict[str, list[float]],
            pinned: str | None = None) -> dict[str, list[float]]:
    """Fruchterman-Reingold force-directed positions, from the *start* positions (in edge
    lengths); each pair pulls towards its own relative length; *pinned* does not move."""
    n = len(nodes)
    if n == 1:
        return {nodes[0]: [0.0, 0.0]}
    k0 = 1.0 / math.sqrt(n)
    pos = {v: [start[v][0] * k0, start[v][1] * k0] for v in nodes}
    k = k0
    iterations = max(60, min(300, 20000 // n))    # a few seconds at most for large graphs
    temperature = 0.08
    for it in range(iterations):
        disp = {v: [0.0, 0.0] for v in nodes}
        for i, u in enumerate(nodes):
            pu, du = pos[u], disp[u]
            for v in nodes[i + 1:]:
                dx, dy = pu[0] - pos[v][0], pu[1] - pos[v][1]
                d2 = max(dx * dx + dy * dy, 1e-6)
                f = k * k / d2
                du[0] += dx * f
                du[1] += dy * f
                disp[v][0] -= dx * f
                disp[v][1] -= dy * f
        for (u, v), length in pairs.items():
            dx, dy = pos[u][0] - pos[v][0], pos[u][1] - pos[v][1]
            d = max(math.hypot(dx, dy), 1e-3)
            f = d / (k * length)
            disp[u][0] -= dx * f
            disp[u][1] -= dy * f
            disp[v][0] += dx * f
            disp[v][1] += dy * f
        t = temperature * (1 - it / iterations) + 1e-4
        for v in nodes:
            if v == pinned:
                continue
            dx, dy = disp[v]
            d = math.hypot(dx, dy)
            if d > 0:
                step = min(d, t)
                pos[v][0] += dx / d * step
                pos[v][1] += dy / d * step
    return pos


def _radial(centre: str, members: set[str], adjacency: dict[str, set[str]],
            names: dict[str, str]) -> dict[str, list[float]]:
    """Rings around *centre*, one per hop, each company near the partner that reached it, in
    units of one edge length."""
    hops = {centre: 0}
    frontier = [centre]
    while frontier:
        nxt = sorted({m for f in frontier for m in adjacency[f] if m in members and m not in hops})
        for m in nxt:
            hops[m] = hops[frontier[0]] + 1
        frontier = nxt
    parent: dict[str, str] = {}
    rings: dict[int, list[str]] = {}
    for n in sorted(hops, key=lambda n: (hops[n], names[n], n)):
        rings.setdefault(hops[n], []).append(n)
        if n != centre:
            parent[n] = min((m for m in adjacency[n] if hops.get(m) == hops[n] - 1), key=lambda m: (names[m], m))
    children: dict[str, list[str]] = {}
    for n, p in parent.items():
        children.setdefault(p, []).append(n)
    leaves: dict[str, int] = {}

    def count(n):
        leaves[n] = sum(count(c) for c in children.get(n, [])) or 1
        return leaves[n]

    count(centre)
    angle: dict[str, float] = {}

    def spread(n, lo, hi):
        angle[n] = (lo + hi) / 2
        at = lo
        for c in children.get(n, []):
            share = (hi - lo) * leaves[c] / leaves[n]
            spread(c, at, at + share)
            at += share

    # the first partner at the top, then clockwise
    step = 2 * math.pi / leaves[centre]
    spread(centre, -math.pi / 2 - step / 2, 3 * math.pi / 2 - step / 2)
    pos = {centre: [0.0, 0.0]}
    for hop, ring in rings.items():
        if hop == 0:
            continue
        # wide enough for the ring's companies to be well apart, never closer than one edge
        radius = max(float(hop), len(ring) * _MIN_GAP * 1.3 / (2 * math.pi) / _EDGE_LEN + (hop - 1))
        for n in ring:
            pos[n] = [radius * math.cos(angle[n]), radius * math.sin(angle[n])]
    return pos


@dataclass
class _Node:
    company: Company
    x: float
    y: float
    r: float
    colour: str
    degree: int
    label: tuple = ()          # (x, y, ha, va)
    box: tuple = ()


@dataclass
class _Edge:
    p: Partnership
    p0: tuple
    c: tuple
    p2: tuple
    label: list[str]
    at: tuple = ()             # (x, y) of the label centre
    box: tuple = ()


@dataclass
class _Scene:
    width: float
    height: float
    title: str
    nodes: list[_Node]
    edges: list[_Edge]
    legend: list[tuple]        # (kind, x, y, text, value)
    captions: list[tuple] = field(default_factory=list)   # (x, y, text)


def _bezier(e: _Edge, t: float) -> tuple[float, float]:
    u = 1 - t
    return (u * u * e.p0[0] + 2 * u * t * e.c[0] + t * t * e.p2[0],
            u * u * e.p0[1] + 2 * u * t * e.c[1] + t * t * e.p2[1])


def _colours(companies) -> dict[str | None, str]:
    present = sorted({c.country for c in companies if c.country})
    fixed = {code: _PALETTE[i] for i, code in enumerate(_PREFERRED)}
    rest = [c for c in _PALETTE if c not in fixed.values()]
    out: dict[str | None, str] = {None: _NO_COUNTRY}
    for code in present:
        if code in fixed:
            out[code] = fixed[code]
        else:
            out[code] = rest[len([c for c in out if c and c not in fixed]) % len(rest)]
    return out


_MARGIN = 18.0      # around the picture, in points
_TITLE_H = 30.0     # the title's band
_GAP = 24.0         # between two components


def _layout(net: Network) -> _Scene:
    """Where everything goes: each connected component laid out on its own, the components
    packed in rows, the legend in a column on the right, the title on top."""
    comps = net.companies
    names = {i: c.name for i, c in comps.items()}
    colours = _colours(comps.values())
    pair_rels, adjacency = _pairs(net)
    placed = [_place_group(group, net, pair_rels, adjacency, names, colours)
              for group in _components(comps, adjacency, names)]
    boxes = [_group_box(gnodes, gedges) for gnodes, gedges in placed]
    offsets, captions, graph_w, graph_h = _pack(placed, boxes)
    all_nodes, all_edges = _move(placed, offsets)
    legend, legend_w, legend_h = _legend(comps.values(), colours, graph_w)
    title = _title(net)
    width = max(graph_w + legend_w + _MARGIN, 2 * _MARGIN + len(title) * _CHAR_W * _TITLE_FS)
    height = max(graph_h, legend_h)
    return _Scene(width, height, title, all_nodes, all_edges, legend, captions)


def _pairs(net: Network) -> tuple[dict[tuple[str, str], list[Partnership]], dict[str, set[str]]]:
    """The partnerships of each pair of companies, and each company's partners."""
    pair_rels: dict[tuple[str, str], list[Partnership]] = {}
    for p in net.partnerships:
        pair_rels.setdefault((p.a, p.b), []).append(p)
    adjacency: dict[str, set[str]] = {i: set() for i in net.companies}
    for a, b in pair_rels:
        adjacency[a].add(b)
        adjacency[b].add(a)
    return pair_rels, adjacency


def _components(comps, adjacency: dict[str, set[str]], names: dict[str, str]) -> list[list[str]]:
    """The connected components, the largest first, each in name order."""
    seen: set[str] = set()
    groups: list[list[str]] = []
    for start in sorted(comps, key=lambda i: (names[i], i)):
        if start in seen:
            continue
        group, stack = [], [start]
        seen.add(start)
        while stack:
            n = stack.pop()
            group.append(n)
            for m in sorted(adjacency[n]):
                if m not in seen:
                    seen.add(m)
                    stack.append(m)
        groups.append(sorted(group, key=lambda i: (names[i], i)))
    groups.sort(key=lambda g: (-len(g), names[g[0]]))
    return groups


def _place_group(group: list[str], net: Network, pair_rels, adjacency, names, colours):
    """One component: its nodes and edges in points around its own origin, labels placed."""
    members = set(group)
    pairs = sorted(pr for pr in pair_rels if pr[0] in members)
    raw, scale = _group_positions(group, pairs, net.centre, pair_rels, adjacency, names)
    gnodes = {}
    for n in group:
        deg = len(adjacency[n])
        company = net.companies[n]
        gnodes[n] = _Node(company, raw[n][0] * scale, raw[n][1] * scale, 6.0 + 2.2 * math.sqrt(deg),
                          colours.get(company.country, _NO_COUNTRY), deg)
    gedges = [e for pr in pairs for e in _pair_edges(gnodes[pr[0]], gnodes[pr[1]], pair_rels[pr])]
    _place_labels(gnodes, gedges, adjacency)
    return gnodes, gedges


def _group_positions(group, pairs, centre, pair_rels, adjacency, names):
    """Positions in edge lengths, and the scale that turns them into points.

    Rings around the centre (or the best connected company) are the start; a tree keeps them,
    a graph with cycles is relaxed by forces so that partners of partners come close."""
    members = set(group)
    if centre not in members:
        centre = min(group, key=lambda n: (-len(adjacency[n]), names[n], n))
    raw = _radial(centre, members, adjacency, names)
    if len(pairs) == len(group) - 1:
        return raw, _EDGE_LEN
    # several partnerships between two companies need room for one curve and label each
    raw = _spring(group, {pr: 1 + 0.45 * (len(pair_rels[pr]) - 1) for pr in pairs}, raw, pinned=centre)
    return raw, _scale(group, pairs, raw)


def _scale(group, pairs, raw) -> float:
    """Points per unit: the median partnership line is _EDGE_LEN long, no two companies closer
    than _MIN_GAP (within reason)."""
    if not pairs:
        return _EDGE_LEN
    lengths = sorted(math.dist(raw[a], raw[b]) for a, b in pairs)
    scale = _EDGE_LEN / max(lengths[len(lengths) // 2], 1e-6)
    closest = min(math.dist(raw[u], raw[v]) for i, u in enumerate(group) for v in group[i + 1:])
    if closest * scale < _MIN_GAP:
        scale = min(_MIN_GAP / max(closest, 1e-6), scale * 2.0)
    return scale


def _pair_edges(na: _Node, nb: _Node, rels: list[Partnership]) -> list[_Edge]:
    """One curve per partnership between two companies, fanned out around the straight line."""
    rels = sorted(rels, key=lambda p: (_status_rank(p.status), p.domain or "", p.id))
    dx, dy = nb.x - na.x, nb.y - na.y
    d = math.hypot(dx, dy) or 1.0
    nx_, ny_ = -dy / d, dx / d
    edges = []
    for i, p in enumerate(rels):
        off = (i - (len(rels) - 1) / 2) * 2 * 26.0   # control offset: curve midpoints 26 pt apart
        mid = ((na.x + nb.x) / 2, (na.y + nb.y) / 2)
        c = (mid[0] + nx_ * off, mid[1] + ny_ * off)
        label = textwrap.wrap(p.domain, _WRAP) if p.domain else []
        edges.append(_Edge(p, (na.x, na.y), c, (nb.x, nb.y), label))
    return edges


def _group_box(gnodes: dict[str, _Node], gedges: list[_Edge]) -> tuple:
    """The box (x0, y0, x1, y1) around a component's nodes, labels and curves."""
    parts = [(n.x - n.r, n.y - n.r, n.x + n.r, n.y + n.r) for n in gnodes.values()]
    parts += [n.box for n in gnodes.values()] + [e.box for e in gedges if e.box]
    parts += [(min(e.p0[0], e.c[0], e.p2[0]), min(e.p0[1], e.c[1], e.p2[1]),
               max(e.p0[0], e.c[0], e.p2[0]), max(e.p0[1], e.c[1], e.p2[1])) for e in gedges]
    return (min(b[0] for b in parts), min(b[1] for b in parts),
            max(b[2] for b in parts), max(b[3] for b in parts))


def _pack(placed, boxes):
    """Pack the components in rows, the largest first; companies without a partnership get a
    captioned row of their own. Returns the offset of each component, the captions and the
    width and height of the packed graph."""
    area = sum((b[2] - b[0] + _GAP) * (b[3] - b[1] + _GAP) for b in boxes)
    row_width = max(max(b[2] - b[0] for b in boxes), math.sqrt(area) * 1.6)
    x = y = 0.0
    row_h = 0.0
    offsets = []
    captions = []
    for (_, gedges), b in zip(placed, boxes):
        w, h = b[2] - b[0], b[3] - b[1]
        isolated = not gedges
        if isolated and not captions and offsets:
            x, y = 0.0, y + row_h + _GAP * 1.5
            captions.append((_MARGIN, _MARGIN + _TITLE_H + y, "No partnership in the data:"))
            y += _LEGEND_FS * 2.2
            row_h = 0.0
        if x > 0 and x + w > row_width:
            x, y = 0.0, y + row_h + _GAP
            row_h = 0.0
        offsets.append((_MARGIN + x - b[0], _MARGIN + _TITLE_H + y - b[1]))
        x += w + (_GAP if not isolated else _GAP * 0.75)
        row_h = max(row_h, h)
    graph_w = max(ox + b[2] for (ox, _), b in zip(offsets, boxes)) + _MARGIN
    graph_h = _MARGIN + _TITLE_H + y + row_h + _MARGIN
    return offsets, captions, graph_w, graph_h


def _move(placed, offsets) -> tuple[list[_Node], list[_Edge]]:
    """Every node and edge, moved by the offset of its component."""
    all_nodes, all_edges = [], []
    for (ox, oy), (gnodes, gedges) in zip(offsets, placed):
        for n in gnodes.values():
            n.x, n.y = n.x + ox, n.y + oy
            n.label = (n.label[0] + ox, n.label[1] + oy, *n.label[2:])
            n.box = _shift(n.box, ox, oy)
            all_nodes.append(n)
        for e in gedges:
            e.p0, e.c, e.p2 = _shift(e.p0, ox, oy), _shift(e.c, ox, oy), _shift(e.p2, ox, oy)
            if e.at:
                e.at, e.box = _shift(e.at, ox, oy), _shift(e.box, ox, oy)
            all_edges.append(e)
    return all_nodes, all_edges


def _legend(companies, colours, graph_w: float) -> tuple[list[tuple], float, float]:
    """The legend, in a column right of the graph: its entries, its width and its bottom."""
    legend = []
    lx, ly = graph_w + 6, _MARGIN + _TITLE_H + 4
    step = _LEGEND_FS * 1.9
    present = sorted({c.country for c in companies}, key=lambda c: (c is None, c or ""))
    legend.append(("header", lx, ly, "Country", None))
    ly += step
    for code in present:
        legend.append(("country", lx, ly, code or "unknown", colours.get(code, _NO_COUNTRY)))
        ly += step
    ly += step * 0.5
    legend.append(("header", lx, ly, "Partnership", None))
    ly += step
    for status in _STATUS_STYLE:
        legend.append(("status", lx, ly, status, status))
        ly += step
    legend_w = 16 + 34 + max(len(t) for _, _, _, t, _ in legend) * _CHAR_W * _LEGEND_FS
    return legend, legend_w, ly + _MARGIN


def _title(net: Network) -> str:
    counts = f"{_count(len(net.companies), 'company', 'companies')}, {_count(len(net.partnerships), 'partnership')}"
    if net.centre:
        return f"Partnerships of {net.companies[net.centre].name} within {_count(net.depth, 'hop')}: {counts}"
    return f"Who partners with whom: {counts}"


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def _shift(t, ox, oy):
    if len(t) == 2:
        return (t[0] + ox, t[1] + oy)
    return (t[0] + ox, t[1] + oy, t[2] + ox, t[3] + oy)


def _status_rank(status: str) -> int:
    order = list(_STATUS_STYLE)
    return order.index(status) if status in order else len(order)


def _place_labels(nodes: dict[str, _Node], edges: list[_Edge], adjacency) -> None:
    """Put each name and domain where it covers the fewest companies, names and lines."""
    circles = [(n.x - n.r - 1, n.y - n.r - 1, n.x + n.r + 1, n.y + n.r + 1) for n in nodes.values()]
    samples = [_bezier(e, t / 16) for e in edges for t in range(1, 16)]
    placed: list[tuple] = []

    def cost(box, own=None):
        c = sum(_overlap(box, b) for b in circles if b is not own) * 4
        c += sum(_overlap(box, b) for b in placed) * 6
        c += sum(1 for (x, y) in samples if box[0] < x < box[2] and box[1] < y < box[3]) * 25
        return c

    # names first, the best connected companies first
    for n in sorted(nodes.values(), key=lambda n: (-n.degree, n.company.name)):
        w, h = _text_box([n.company.name], _NODE_FS)
        nbrs = [nodes[m] for m in adjacency[n.company.id] if m in nodes]
        if nbrs:
            ax = n.x - sum(m.x for m in nbrs) / len(nbrs)
            ay = n.y - sum(m.y for m in nbrs) / len(nbrs)
            away = math.atan2(ay, ax) if math.hypot(ax, ay) > 1e-6 else math.pi / 2
        else:
            away = math.pi / 2          # below
        own = (n.x - n.r - 1, n.y - n.r - 1, n.x + n.r + 1, n.y + n.r + 1)
        best = None
        for k in range(16):
            a = k * math.pi / 8
            dx, dy = math.cos(a), math.sin(a)
            ox, oy = n.x + dx * (n.r + 3), n.y + dy * (n.r + 3)
            ha = "left" if dx > 0.38 else "right" if dx < -0.38 else "center"
            va = "top" if dy > 0.38 else "bottom" if dy < -0.38 else "center"
            x0 = ox if ha == "left" else ox - w if ha == "right" else ox - w / 2
            y0 = oy if va == "top" else oy - h if va == "bottom" else oy - h / 2
            box = (x0, y0, x0 + w, y0 + h)
            turn = abs(math.remainder(a - away, math.tau))
            score = cost(box, own) + turn * 40 + (0 if va != "center" or ha != "center" else 1e6)
            if best is None or score < best[0]:
                best = (score, (ox, oy, ha, va), box)
        n.label, n.box = best[1], best[2]
        placed.append(n.box)

    for e in edges:
        if not e.label:
            continue
        w, h = _text_box(e.label, _EDGE_FS)
        best = None
        for t in (0.5, 0.42, 0.58, 0.34, 0.66, 0.27, 0.73):
            x, y = _bezier(e, t)
            box = (x - w / 2, y - h / 2, x + w / 2, y + h / 2)
            score = sum(_overlap(box, b) for b in circles) * 4 + sum(_overlap(box, b) for b in placed) * 6
            score += abs(t - 0.5) * 60
            if best is None or score < best[0]:
                best = (score, (x, y), box)
        e.at, e.box = best[1], best[2]
        placed.append(e.box)


# --- output ------------------------------------------------------------------------------------

def _format(out) -> str:
    ext = os.path.splitext(os.fspath(out))[1].lower()
    if ext not in FORMATS:
        shown = repr(ext) if ext else "none"
        raise UsageError(f"cannot draw {os.fspath(out)!r}: unknown extension {shown} "
                         f"(known: {', '.join(FORMATS)})")
    return ext


def render(store, out, company: str | None = None, depth: int = 2) -> tuple[int, int]:
    """Draw the partnership network into *out* (.png, .svg or .html, by its extension).

    Returns (companies, partnerships) drawn. With *company*, its ego network to *depth* hops.
    The file is written to a temporary name and renamed, so a failure leaves no partial picture.
    """
    fmt = _format(out)
    out = os.fspath(out)
    directory = os.path.dirname(os.path.abspath(out))
    if not os.path.isdir(directory):
        raise AutokgError(f"cannot write {out!r}: no directory {directory!r}")
    if fmt != ".html":
        _matplotlib()                      # fail early, before reading the store
    net = partnership_network(store, company, depth)
    if not net.companies:
        raise AutokgError("nothing to draw: the store holds no company (load some facts first)")
    scene = _layout(net)
    with atomic_open(out, binary=True, suffix=fmt + ".tmp") as fp:
        if fmt == ".html":
            fp.write(_html(scene).encode("utf-8"))
        else:
            _draw(scene, fp, fmt[1:])
    return len(net.companies), len(net.partnerships)


def _matplotlib():
    try:
        import matplotlib
    except ImportError:
        raise AutokgError("drawing PNG or SVG needs matplotlib: pip install 'autokg[viz]' "
                          "(or write .html, which needs nothing more)") from None
    return matplotlib


def _draw(scene: _Scene, fp, fmt: str) -> None:
    _matplotlib()
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Circle, PathPatch
    from matplotlib.path import Path

    rc = {"svg.fonttype": "none", "svg.hashsalt": "autokg", "font.family": _FONT}
    with matplotlib.rc_context(rc):
        fig = Figure(figsize=(scene.width / 72, scene.height / 72))
        FigureCanvasAgg(fig)
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_xlim(0, scene.width)
        ax.set_ylim(scene.height, 0)
        ax.set_axis_off()
        for e in scene.edges:
            st = _STATUS_STYLE.get(e.p.status, _STATUS_STYLE["active"])
            path = Path([e.p0, e.c, e.p2], [Path.MOVETO, Path.CURVE3, Path.CURVE3])
            ax.add_patch(PathPatch(path, fill=False, edgecolor=st["colour"], linewidth=st["width"],
                                   linestyle=(0, st["dash"]) if st["dash"] else "-",
                                   capstyle="round" if e.p.status == "ended" else "butt", zorder=1))
        for e in scene.edges:
            if e.at:
                ax.text(e.at[0], e.at[1], "\n".join(e.label), fontsize=_EDGE_FS, style="italic",
                        color="#4a4a4a", ha="center", va="center", linespacing=1.05, zorder=3,
                        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85})
        for n in scene.nodes:
            ax.add_patch(Circle((n.x, n.y), n.r, facecolor=n.colour, edgecolor="white", linewidth=1.5, zorder=4))
            x, y, ha, va = n.label
            ax.text(x, y, n.company.name, fontsize=_NODE_FS, ha=ha, va=va, color="#111111", zorder=5,
                    fontweight="bold" if n.degree >= 4 else "normal",
                    bbox={"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.75})
        ax.text(18, 12, scene.title, fontsize=_TITLE_FS, ha="left", va="top", color="#111111", zorder=5)
        for x, y, text in scene.captions:
            ax.text(x, y, text, fontsize=_LEGEND_FS + 0.5, style="italic", ha="left", va="top", color="#555555")
        for kind, x, y, text, value in scene.legend:
            if kind == "header":
                ax.text(x, y, text, fontsize=_LEGEND_FS + 0.5, fontweight="bold", ha="left", va="center")
            elif kind == "country":
                ax.add_patch(Circle((x + 8, y), 5.5, facecolor=value, edgecolor="white", linewidth=1))
                ax.text(x + 20, y, text, fontsize=_LEGEND_FS, ha="left", va="center")
            else:
                st = _STATUS_STYLE[value]
                ax.add_line(Line2D([x, x + 30], [y, y], color=st["colour"], linewidth=st["width"],
                                   linestyle=(0, st["dash"]) if st["dash"] else "-",
                                   dash_capstyle="round" if value == "ended" else "butt"))
                ax.text(x + 36, y, text, fontsize=_LEGEND_FS, ha="left", va="center")
        dpi = min(144.0, 4000 * 72 / scene.width)
        metadata = {"Date": None} if fmt == "svg" else {"Software": None}
        fig.savefig(fp, format=fmt, dpi=dpi, facecolor="white", metadata=metadata)


# --- HTML --------------------------------------------------------------------------------------

_CSS = """
body { margin: 0; padding: 16px; background: #fff; color: #111;
       font-family: "DejaVu Sans", Verdana, "Segoe UI", Helvetica, Arial, sans-serif; }
svg { max-width: 100%; height: auto; }
.edge text, .node text { pointer-events: none; }
.edge:hover path.line, .edge.on path.line { stroke-width: 3.5; }
.node circle { stroke: #fff; stroke-width: 1.5; cursor: default; }
.node:hover circle, .node.on circle { stroke: #111; }
svg.focus .edge:not(.on), svg.focus .node:not(.on), svg.focus .edge-label:not(.on) { opacity: 0.2; }
#tip { position: fixed; display: none; max-width: 320px; padding: 6px 8px; border-radius: 4px;
       background: rgba(20, 20, 20, 0.92); color: #fff; font-size: 12px; line-height: 1.35;
       white-space: pre-line; pointer-events: none; }
"""

_JS = """
(function () {
  var svg = document.querySelector("svg.autokg"), tip = document.getElementById("tip");
  var edges = Array.prototype.slice.call(svg.querySelectorAll(".edge"));
  // the script shows its own tooltips; the <title> elements serve pages without scripts
  svg.querySelectorAll(".edge > title, .node > title").forEach(function (t) { t.remove(); });
  function show(ev, text) {
    tip.textContent = text;
    tip.style.display = "block";
    var x = ev.clientX + 14, y = ev.clientY + 14;
    if (x + tip.offsetWidth > window.innerWidth) x = ev.clientX - tip.offsetWidth - 14;
    if (y + tip.offsetHeight > window.innerHeight) y = ev.clientY - tip.offsetHeight - 14;
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  function node(id) { return svg.querySelector('.node[data-id="' + id + '"]'); }
  function focus(on) {
    svg.classList.toggle("focus", on !== null);
    svg.querySelectorAll(".on").forEach(function (el) { el.classList.remove("on"); });
    (on || []).forEach(function (el) {
      el.classList.add("on");
      if (el.dataset.rel) {
        svg.querySelectorAll('.edge-label[data-rel="' + el.dataset.rel + '"]').forEach(function (l) {
          l.classList.add("on");
        });
      }
    });
  }
  svg.querySelectorAll("[data-tip]").forEach(function (el) {
    el.addEventListener("mousemove", function (ev) { show(ev, el.dataset.tip); });
    el.addEventListener("mouseleave", function () { tip.style.display = "none"; focus(null); });
    el.addEventListener("mouseenter", function () {
      var on = [el];
      if (el.classList.contains("node")) {
        edges.forEach(function (e) {
          if (e.dataset.a === el.dataset.id || e.dataset.b === el.dataset.id) {
            on.push(e, node(e.dataset.a), node(e.dataset.b));
          }
        });
      } else {
        on.push(node(el.dataset.a), node(el.dataset.b));
      }
      focus(on);
    });
  });
})();
"""


def _a(value) -> str:
    # a line break in an attribute value is written as a reference, or XML readers lose it
    return html.escape(str(value), quote=True).replace("\n", "&#10;")


def _f(x: float) -> str:
    return f"{x:.1f}"


def _dash(st) -> str:
    if not st["dash"]:
        return ""
    return f' stroke-dasharray="{_f(st["dash"][0] * st["width"])} {_f(st["dash"][1] * st["width"])}"'


def _html(scene: _Scene) -> str:
    """The scene as one HTML page: inline SVG, CSS and JavaScript, no external resource."""
    W, H = scene.width, scene.height
    names = {n.company.id: n.company.name for n in scene.nodes}
    partners: dict[str, int] = {}
    for e in scene.edges:
        partners[e.p.a] = partners.get(e.p.a, 0) + 1
        partners[e.p.b] = partners.get(e.p.b, 0) + 1
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{_a(scene.title)}</title>", f"<style>{_CSS}</style>", "</head>", "<body>",
           f'<svg class="autokg" viewBox="0 0 {_f(W)} {_f(H)}" width="{_f(W * 1.25)}" '
           f'height="{_f(H * 1.25)}" font-family="{_FONT}, Verdana, sans-serif" role="img" aria-label="{_a(scene.title)}">',
           f'<rect width="{_f(W)}" height="{_f(H)}" fill="#fff"/>',
           f'<text x="18" y="{_f(12 + _TITLE_FS)}" font-size="{_TITLE_FS}">{_a(scene.title)}</text>']
    for e in scene.edges:
        st = _STATUS_STYLE.get(e.p.status, _STATUS_STYLE["active"])
        d = f"M{_f(e.p0[0])},{_f(e.p0[1])} Q{_f(e.c[0])},{_f(e.c[1])} {_f(e.p2[0])},{_f(e.p2[1])}"
        when = " ".join(x for x in (f"since {e.p.since}" if e.p.since else "",
                                    f"until {e.p.until}" if e.p.until else "") if x)
        tip = "\n".join(x for x in (f"{names[e.p.a]} – {names[e.p.b]}", e.p.domain or "(no domain given)",
                                    f"{e.p.status}{', ' + when if when else ''}",
                                    _count(e.p.sources, "source")) if x)
        cap = ' stroke-linecap="round"' if e.p.status == "ended" else ""
        out.append(f'<g class="edge {_a(e.p.status)}" data-rel="{_a(e.p.id)}" data-a="{_a(e.p.a)}" data-b="{_a(e.p.b)}" '
                   f'data-tip="{_a(tip)}"><title>{_a(tip)}</title>'
                   f'<path class="line" d="{d}" fill="none" stroke="{st["colour"]}" stroke-width="{st["width"]}"{_dash(st)}{cap}/>'
                   f'<path class="hit" d="{d}" fill="none" stroke="#000" stroke-opacity="0" stroke-width="10"/></g>')
    for e in scene.edges:
        if not e.at:
            continue
        x0, y0, x1, y1 = e.box
        lines = "".join(
            f'<tspan x="{_f(e.at[0])}" dy="{_f(_EDGE_FS * (1.1 if i else 0))}">{_a(t)}</tspan>'
            for i, t in enumerate(e.label))
        top = e.at[1] - (len(e.label) - 1) * _EDGE_FS * 1.1 / 2 + _EDGE_FS * 0.35
        out.append(f'<g class="edge-label" data-rel="{_a(e.p.id)}"><rect x="{_f(x0 + 2)}" y="{_f(y0 + 1)}" width="{_f(x1 - x0 - 4)}" '
                   f'height="{_f(y1 - y0 - 2)}" rx="2" fill="#fff" fill-opacity="0.85"/>'
                   f'<text x="{_f(e.at[0])}" y="{_f(top)}" font-size="{_EDGE_FS}" font-style="italic" '
                   f'fill="#4a4a4a" text-anchor="middle">{lines}</text></g>')
    anchor = {"left": "start", "right": "end", "center": "middle"}
    shift = {"top": 0.8, "bottom": -0.25, "center": 0.35}
    for n in scene.nodes:
        c = n.company
        tip = "\n".join([c.name, " · ".join(x for x in (c.country, c.sector) if x) or "(no country or sector)",
                         f"{_count(partners.get(c.id, 0), 'partnership')} shown"])
        x, y, ha, va = n.label
        weight = ' font-weight="bold"' if n.degree >= 4 else ""
        bx0, by0, bx1, by1 = n.box
        out.append(f'<g class="node" data-id="{_a(c.id)}" data-tip="{_a(tip)}"><title>{_a(tip)}</title>'
                   f'<circle cx="{_f(n.x)}" cy="{_f(n.y)}" r="{_f(n.r)}" fill="{n.colour}"/>'
                   f'<rect x="{_f(bx0 + 1)}" y="{_f(by0 + 1)}" width="{_f(bx1 - bx0 - 2)}" height="{_f(by1 - by0 - 2)}"'
                   f' fill="#fff" fill-opacity="0.75" pointer-events="none"/>'
                   f'<text x="{_f(x)}" y="{_f(y + _NODE_FS * shift[va])}" font-size="{_NODE_FS}"'
                   f' text-anchor="{anchor[ha]}"{weight}>{_a(c.name)}</text></g>')
    for x, y, text in scene.captions:
        out.append(f'<text x="{_f(x)}" y="{_f(y + _LEGEND_FS)}" font-size="{_LEGEND_FS + 0.5}" '
                   f'font-style="italic" fill="#555">{_a(text)}</text>')
    out.append('<g class="legend">')
    for kind, x, y, text, value in scene.legend:
        if kind == "header":
            out.append(f'<text x="{_f(x)}" y="{_f(y + 3.5)}" font-size="{_LEGEND_FS + 0.5}" '
                       f'font-weight="bold">{_a(text)}</text>')
        elif kind == "country":
            out.append(f'<circle cx="{_f(x + 8)}" cy="{_f(y)}" r="5.5" fill="{value}" stroke="#fff"/>'
                       f'<text x="{_f(x + 20)}" y="{_f(y + 3)}" font-size="{_LEGEND_FS}">{_a(text)}</text>')
        else:
            st = _STATUS_STYLE[value]
            cap = ' stroke-linecap="round"' if value == "ended" else ""
            out.append(f'<path d="M{_f(x)},{_f(y)} H{_f(x + 30)}" fill="none" stroke="{st["colour"]}" '
                       f'stroke-width="{st["width"]}"{_dash(st)}{cap}/>'
                       f'<text x="{_f(x + 36)}" y="{_f(y + 3)}" font-size="{_LEGEND_FS}">{_a(text)}</text>')
    out += ["</g>", "</svg>", '<div id="tip" role="tooltip"></div>', f"<script>{_JS}</script>",
            "</body>", "</html>", ""]
    return "\n".join(out)


def _summary(drawn: tuple[int, int]) -> str:
    n, m = drawn
    return f"{_count(n, 'company', 'companies')}, {_count(m, 'partnership')}"


register_export(
    "viz", render, "The partnership network as PNG, SVG or a self-contained HTML page.",
    options=(
        Option("company", "Centre the picture on this company (any name or alias)."),
        Option("depth", "With --company: how many partnership hops to show.", default=2,
               type="int", min=1, max=10),
    ),
    extensions=FORMATS,
    summary=_summary,
    example="autokg viz partners.svg --company Renault --depth 2",
)
