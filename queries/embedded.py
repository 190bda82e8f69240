"""The presets on the embedded store: Python over the rows SQLite holds.

The definitions (parameters, columns, order) are in :mod:`autokg.queries.presets`; this module
holds only the embedded implementation of each, keyed by preset name.
"""

from __future__ import annotations

from collections import deque
from typing import Any, Callable

from autokg.graph.model import schema

__all__ = ["run", "IMPLEMENTATIONS", "detail", "none_last"]

IMPLEMENTATIONS: dict[str, Callable] = {}


def _impl(name):
    def deco(fn):
        IMPLEMENTATIONS[name] = fn
        return fn
    return deco


def none_last(value: Any) -> tuple:
    """Sort key: missing values after every present one."""
    return (value is None, "" if value is None else value)


def _status_rank(status: str | None) -> int:
    statuses = schema().statuses
    return statuses.index(status) if status in statuses else len(statuses)


def detail(predicate: str, key_display: str | None, props: dict) -> str | None:
    """The short text the timeline shows for a relation: its key or stake, and its status."""
    parts = []
    if key_display is not None:
        parts.append(key_display)
    if props.get("stake_pct") is not None:
        v = props["stake_pct"]
        parts.append(f"{int(v) if float(v).is_integer() else v}% stake")
    if props.get("status") is not None:
        parts.append(props["status"])
    return "; ".join(parts) if parts else None


class _View:
    def __init__(self, store):
        self.store = store
        self.ents = {e["id"]: e for e in store.entity_rows()}

    def name(self, eid: str) -> str:
        return self.ents[eid]["name"]

    def partnerships(self) -> list[dict]:
        out = []
        for r in self.store.relation_rows("PARTNERS_WITH"):
            a, b = sorted((r["subject_id"], r["object_id"]), key=lambda i: (self.name(i), i))
            out.append({"a": a, "b": b, "company": self.name(a), "partner": self.name(b),
                        "domain": r["key_display"], "status": r["props"].get("status"),
                        "since": r["props"].get("since"), "until": r["props"].get("until"),
                        "sources": r["sources"], "id": r["id"]})
        return out

    def between(self, a: str, b: str) -> list[dict]:
        return [r for r in self.store.relation_rows()
                if {r["subject_id"], r["object_id"]} == {a, b}]


def _partner_rows(view, status=None, domain=None) -> list[dict]:
    rows = view.partnerships()
    if status:
        rows = [r for r in rows if r["status"] == status]
    if domain:
        rows = [r for r in rows if r["domain"] is not None and domain.lower() in r["domain"].lower()]
    rows.sort(key=lambda r: (r["company"], r["partner"], none_last(r["domain"])))
    return rows


@_impl("partners")
def partners(view, status=None, domain=None):
    return _partner_rows(view, status, domain)


@_impl("by-domain")
def by_domain(view, domain):
    return _partner_rows(view, None, domain)


@_impl("partners-of")
def partners_of(view, company, status=None):
    rows = []
    for r in view.partnerships():
        if company not in (r["a"], r["b"]) or (status and r["status"] != status):
            continue
        other = r["b"] if r["a"] == company else r["a"]
        rows.append({**r, "partner": view.name(other)})
    rows.sort(key=lambda r: (_status_rank(r["status"]), r["partner"], none_last(r["domain"])))
    return rows


@_impl("prospective")
def prospective(view, since=None):
    rows = [r for r in view.partnerships() if r["status"] == "prospective"]
    latest: dict[str, str] = {}
    for link in view.store.link_rows([r["id"] for r in rows]):
        p = link["source"]["published"]
        if p is not None and p > latest.get(link["relation_id"], ""):
            latest[link["relation_id"]] = p
    out = []
    for r in rows:
        r["latest_source_date"] = latest.get(r["id"])
        if since and (r["latest_source_date"] is None or r["latest_source_date"] < since):
            continue
        out.append(r)
    out.sort(key=lambda r: (r["company"], r["partner"], none_last(r["domain"])))
    out.sort(key=lambda r: r["latest_source_date"] or "", reverse=True)  # stable: newest first
    out.sort(key=lambda r: r["latest_source_date"] is None)
    return out


def _not_ended_neighbours(view, include_ended=False) -> dict[str, dict[str, set]]:
    adj: dict[str, dict[str, set]] = {}
    for r in view.partnerships():
        if r["status"] == "ended" and not include_ended:
            continue
        adj.setdefault(r["a"], {}).setdefault(r["b"], set()).add(r["domain"])
        adj.setdefault(r["b"], {}).setdefault(r["a"], set()).add(r["domain"])
    return adj


@_impl("common-partners")
def common_partners(view, a, b):
    adj = _not_ended_neighbours(view)
    pa, pb = adj.get(a, {}), adj.get(b, {})
    rows = []
    for p in set(pa) & set(pb) - {a, b}:
        rows.append({"partner": view.name(p),
                     "domains_with_a": sorted(d for d in pa[p] if d is not None),
                     "domains_with_b": sorted(d for d in pb[p] if d is not None)})
    rows.sort(key=lambda r: r["partner"])
    return rows


def _bfs(adj, start) -> dict[str, int]:
    dist = {start: 0}
    queue = deque([start])
    while queue:
        n = queue.popleft()
        for m in adj.get(n, {}):
            if m not in dist:
                dist[m] = dist[n] + 1
                queue.append(m)
    return dist


@_impl("path")
def path(view, a, b, max_hops=4, include_ended=False):
    if a == b:
        return []
    adj = _not_ended_neighbours(view, include_ended)
    to_b = _bfs(adj, b)
    if a not in to_b or to_b[a] > max_hops:
        return []
    # Greedy walk along shortest-path edges, taking the smallest name at each step: this gives
    # the smallest name sequence among all shortest paths.
    node, names = a, [view.name(a)]
    while node != b:
        step = [m for m in adj[node] if to_b.get(m) == to_b[node] - 1]
        node = min(step, key=lambda m: (view.name(m), m))
        names.append(view.name(node))
    return [{"path": names, "hops": len(names) - 1}]


@_impl("people-of")
def people_of(view, company):
    rows = []
    for r in view.store.relation_rows("WORKS_FOR"):
        if r["object_id"] == company:
            rows.append({"person": view.name(r["subject_id"]), "role": r["key_display"],
                         "since": r["props"].get("since"), "until": r["props"].get("until")})
    rows.sort(key=lambda r: (none_last(r["since"]), r["person"], r["role"]))
    return rows


@_impl("hubs")
def hubs(view, limit=10):
    adj = _not_ended_neighbours(view)
    rows = [{"company": view.name(c), "partners": len(ps)} for c, ps in adj.items()]
    rows.sort(key=lambda r: (-r["partners"], r["company"]))
    return rows[:limit]


@_impl("cross-border")
def cross_border(view, country_a=None, country_b=None, status=None):
    rows = []
    for r in _partner_rows(view, status):
        ca = view.ents[r["a"]]["attrs"].get("country")
        cb = view.ents[r["b"]]["attrs"].get("country")
        if ca is None or cb is None or ca == cb:
            continue
        wanted = {c for c in (country_a, country_b) if c}
        if country_a and country_b:
            if {ca, cb} != {country_a, country_b}:
                continue
        elif wanted and not wanted & {ca, cb}:
            continue
        rows.append({**r, "company_country": ca, "partner_country": cb})
    return rows


def _links_between(view, a, b):
    rels = {r["id"]: r for r in view.between(a, b)}
    return rels, view.store.link_rows(list(rels))


@_impl("sources")
def sources(view, a, b):
    rels, links = _links_between(view, a, b)
    rows = []
    for link in links:
        rel, src = rels[link["relation_id"]], link["source"]
        rows.append({"predicate": rel["predicate"], "domain": rel["props"].get("domain"),
                     "url": src["url"], "title": src["title"], "publisher": src["publisher"],
                     "published": src["published"], "quote": link["quote"]})
    rows.sort(key=lambda r: (none_last(r["published"]), none_last(r["url"]), r["predicate"],
                             none_last(r["domain"]), none_last(r["title"]), none_last(r["quote"]),
                             none_last(r["publisher"])))
    return rows


@_impl("history")
def history(view, a, b):
    rels, links = _links_between(view, a, b)
    rows = []
    for link in links:
        if "status" not in link["claims"]:
            continue
        rel, src = rels[link["relation_id"]], link["source"]
        rows.append({"predicate": rel["predicate"], "domain": rel["props"].get("domain"),
                     "published": src["published"], "status": link["claims"]["status"], "url": src["url"],
                     "_title": src["title"], "_publisher": src["publisher"]})
    rows.sort(key=lambda r: (none_last(r["published"]), none_last(r["url"]), r["predicate"],
                             none_last(r["domain"]), none_last(r["_title"]), none_last(r["_publisher"]),
                             r["status"]))
    return rows


@_impl("meetings")
def meetings(view, person=None):
    rows = []
    for r in view.store.relation_rows("MET_WITH"):
        s, o = r["subject_id"], r["object_id"]
        if person:
            if person not in (s, o):
                continue
            p, m = (s, o) if s == person else (o, s)
        else:
            persons = [i for i in (s, o) if view.ents[i]["type"] == "Person"]
            if len(persons) == 1:
                p = persons[0]
                m = o if p == s else s
            else:
                p, m = sorted((s, o), key=lambda i: (view.name(i), i))
        rows.append({"person": view.name(p), "met_with": view.name(m),
                     "date": r["props"].get("date"), "event": r["props"].get("event")})
    rows.sort(key=lambda r: (none_last(r["date"]), r["person"], r["met_with"], none_last(r["event"])))
    return rows


@_impl("timeline")
def timeline(view, company):
    rels = [r for r in view.store.relation_rows() if company in (r["subject_id"], r["object_id"])]
    earliest: dict[str, str] = {}
    for link in view.store.link_rows([r["id"] for r in rels]):
        p = link["source"]["published"]
        if p is not None and (link["relation_id"] not in earliest or p < earliest[link["relation_id"]]):
            earliest[link["relation_id"]] = p
    rows = []
    for r in rels:
        other = r["object_id"] if r["subject_id"] == company else r["subject_id"]
        date = r["props"].get("since") or r["props"].get("date") or earliest.get(r["id"])
        rows.append({"date": date, "predicate": r["predicate"], "other": view.name(other),
                     "detail": detail(r["predicate"], r["key_display"], r["props"])})
    rows.sort(key=lambda r: (none_last(r["date"]), r["predicate"], r["other"], none_last(r["detail"])))
    return rows


def run(store, preset: str, params: dict[str, Any]) -> list[dict]:
    return IMPLEMENTATIONS[preset](_View(store), **params)


def months_before(day: str, months: int) -> str:
    """The full date *months* before *day* (``YYYY-MM-DD``); the day of the month is clamped to
    the month's last day, as Cypher's ``date - duration({months: n})`` does."""
    import calendar

    y, m, d = (int(x) for x in day.split("-"))
    total = y * 12 + (m - 1) - months
    y, m = divmod(total, 12)
    m += 1
    return f"{y:04d}-{m:02d}-{min(d, calendar.monthrange(y, m)[1]):02d}"


@_impl("stale")
def stale(view, older_than, as_of):
    from autokg.queries.presets import first_day

    cutoff = months_before(as_of, older_than)
    rels = [r for r in view.store.relation_rows()
            if r["props"].get("status") != "ended" and not (r["props"].get("until") is not None
                                                           and r["props"]["until"] <= as_of)]
    latest: dict[str, str] = {}
    for link in view.store.link_rows([r["id"] for r in rels]):
        p = link["source"]["published"]
        if p is not None and p > latest.get(link["relation_id"], ""):
            latest[link["relation_id"]] = p
    out = []
    for r in rels:
        newest = latest.get(r["id"])
        if newest is not None and first_day(newest) >= cutoff:
            continue
        out.append({"predicate": r["predicate"], "subject": view.name(r["subject_id"]),
                    "object": view.name(r["object_id"]), "domain": r["key_display"],
                    "status": r["props"].get("status"), "latest_source_date": newest, "sources": r["sources"]})
    out.sort(key=lambda r: (r["latest_source_date"] is None, r["latest_source_date"] or "", r["subject"],
                            r["object"], r["predicate"], none_last(r["domain"])))
    return out
