"""The presets on the embedded store: SQL over its indexed columns.

The definitions (parameters, columns, order) are in :mod:`autokg.queries.presets`; this module
holds only the embedded implementation of each, keyed by preset name. It uses only the store's
public read methods (``iter_sql``, ``read_sql``).

A preset about named entities starts from them: their relations come from the adjacency indexes
(``relations_from_subject``, ``relations_from_object``), their sources from the ``links`` primary
key, so its cost follows the size of its answer, not of the store. ``path`` is a bidirectional
breadth-first search over the same indexes, at most ``max_hops`` deep. The presets over the whole
graph (``partners``, ``by-domain``, ``cross-border``, ``prospective``) are one SQL statement
each, sorted by SQLite, and ``iter_rows`` streams their rows; ``hubs`` and the domain search read
the small tables the store derives from the partnerships (``partner_counts``,
``partner_domains``) and ``cross-border`` the table of cross-border partnerships keyed by their
two countries (``partner_borders``, store format 6). ``prospective --since`` starts from the
sources published since then (the index on the sources' date) and checks each candidate's status
in the index by status before it reads the relation.

Every ordering is the one stated by the preset, with the relation id as the last key, so that
ties come out as they always did.
"""

from __future__ import annotations

import functools
import json
from typing import Any, Callable, Iterable, Iterator

from autokg.graph.model import schema

__all__ = ["run", "iter_rows", "IMPLEMENTATIONS", "detail", "none_last"]

IMPLEMENTATIONS: dict[str, Callable[..., Iterable[dict]]] = {}
_CHUNK = 500  # host parameters per IN (...) list
_PARTNERS = "PARTNERS_WITH"


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


def _chunks(items: list, n: int = _CHUNK) -> Iterator[list]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


def _names(store, ids: Iterable[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for chunk in _chunks(sorted(set(ids))):
        out.update(store.read_sql(
            f"SELECT id, name FROM entities WHERE id IN ({','.join('?' * len(chunk))})", chunk))
    return out


# ---- the partnerships, each with the pair ordered by (name, id) ------------------------------------

# One row per PARTNERS_WITH relation: the pair's smaller side (by name, then id) is the company.
# `{where}` filters the relation `r`; the names come from the entities' primary key.
_PAIRS = """
SELECT r.id, r.key_display AS domain, r.status, r.since, r.until,
       CASE WHEN (x.name, x.id) <= (y.name, y.id) THEN x.name ELSE y.name END AS company,
       CASE WHEN (x.name, x.id) <= (y.name, y.id) THEN y.name ELSE x.name END AS partner{cols}
FROM relations r
JOIN entities x ON x.id = r.subject_id
JOIN entities y ON y.id = r.object_id
WHERE r.predicate = :predicate {where}
"""

_COUNTRIES = """,
       CASE WHEN (x.name, x.id) <= (y.name, y.id) THEN x.attrs ELSE y.attrs END AS company_attrs,
       CASE WHEN (x.name, x.id) <= (y.name, y.id) THEN y.attrs ELSE x.attrs END AS partner_attrs"""


def _domains_matching(store, domain: str) -> list[str]:
    """The domains (as written) of which *domain* is a substring, in any case: the comparison is
    Python's, over the distinct domains, not over every relation."""
    needle = domain.lower()
    # as of a date, a domain is spelled as one of its claims spells it: every spelling ever
    # claimed is a superset of those (resolving each relation's domain first would cost more)
    sql = ("SELECT DISTINCT json_extract(claims, '$.domain') AS d FROM main.links WHERE d IS NOT NULL"
           if isinstance(store, _AsOf) else "SELECT domain FROM partner_domains")
    return [d for (d,) in store.iter_sql(sql) if needle in d.lower()]


def _pairs_sql(store, status=None, domain=None, extra: str = "", cols: str = "") -> tuple[str, dict]:
    where, params = "", {"predicate": _PARTNERS}
    if status:
        # with a domain too, the '+' keeps SQLite on the (predicate, key_display) index, which
        # is the narrower one
        where += " AND +r.status = :status" if domain else " AND r.status = :status"
        params["status"] = status
    if domain:
        where += " AND r.key_display IN (SELECT value FROM json_each(:domains))"
        params["domains"] = json.dumps(_domains_matching(store, domain))
    return _PAIRS.format(where=where + extra, cols=cols), params


def _iter_partner_rows(store, status=None, domain=None) -> Iterator[dict]:
    sql, params = _pairs_sql(store, status, domain)
    sql = (f"SELECT p.*, (SELECT count(*) FROM links l WHERE l.relation_id = p.id) FROM ({sql}) p "
           "ORDER BY company, partner, domain IS NULL, domain, id")
    for rid, dom, st, since, until, company, partner, sources in store.iter_sql(sql, params):
        yield {"company": company, "partner": partner, "domain": dom, "status": st, "since": since,
               "until": until, "sources": sources, "id": rid}


@_impl("partners")
def partners(store, status=None, domain=None):
    return _iter_partner_rows(store, status, domain)


@_impl("by-domain")
def by_domain(store, domain):
    return _iter_partner_rows(store, None, domain)


# The partnerships with one end's country in :countries (a JSON list), through the index on the
# entities' country and the adjacency from that end (`{end}`); the other end's country is known,
# different, and in :countries too when `{both}`. CROSS JOIN keeps SQLite on that order.
_FROM_COUNTRY = """
SELECT r.id, r.key_display AS domain, r.status, x.name AS xn, x.id AS xi, y.name AS yn, y.id AS yi,
       json_extract(x.attrs, '$.country') AS cx, json_extract(y.attrs, '$.country') AS cy
FROM entities x CROSS JOIN relations r CROSS JOIN entities y
WHERE json_extract(x.attrs, '$.country') IN (SELECT value FROM json_each(:countries))
  AND r.{end}_id = x.id AND r.predicate = :predicate {status}
  AND y.id = r.{other}_id AND json_extract(y.attrs, '$.country') IS NOT NULL
  AND json_extract(y.attrs, '$.country') <> json_extract(x.attrs, '$.country') {both}
"""


def _cross_border_from(store, countries: list[str], status=None) -> Iterator[tuple]:
    """Cross-border partnerships with one of *countries* on one side (with two, that pair),
    found from the companies of those countries, so that the cost follows the answer."""
    st = "AND r.status = :status" if status else ""
    both = "AND json_extract(y.attrs, '$.country') IN (SELECT value FROM json_each(:countries))"
    if len(countries) == 2:
        # every partnership of the pair has its subject in one of the two countries
        parts = [_FROM_COUNTRY.format(end="subject", other="object", status=st, both=both)]
    else:
        # the one country on the subject's side, or on the object's side: never both, the
        # countries differ
        parts = [_FROM_COUNTRY.format(end="subject", other="object", status=st, both=""),
                 _FROM_COUNTRY.format(end="object", other="subject", status=st, both="")]
    first = "(xn, xi) <= (yn, yi)"
    sql = (f"SELECT id, domain, status, CASE WHEN {first} THEN xn ELSE yn END AS company, "
           f"CASE WHEN {first} THEN yn ELSE xn END AS partner, CASE WHEN {first} THEN cx ELSE cy END, "
           f"CASE WHEN {first} THEN cy ELSE cx END FROM ({' UNION ALL '.join(parts)}) "
           "ORDER BY company, partner, domain IS NULL, domain, id")
    params = {"countries": json.dumps(countries), "predicate": _PARTNERS, "status": status}
    return store.iter_sql(sql, params)


# The cross-border partnerships from the table the store keeps of them (``partner_borders``, one
# row per partnership keyed by its smaller country, its larger one, status and id), with `{where}`.
_BORDERS = """
SELECT id, domain, status, CASE WHEN (xn, xi) <= (yn, yi) THEN xn ELSE yn END AS company,
       CASE WHEN (xn, xi) <= (yn, yi) THEN yn ELSE xn END AS partner,
       CASE WHEN (xn, xi) <= (yn, yi) THEN cx ELSE cy END, CASE WHEN (xn, xi) <= (yn, yi) THEN cy ELSE cx END
FROM (SELECT b.id, b.domain, nullif(b.status, '') AS status, x.name AS xn, x.id AS xi, y.name AS yn, y.id AS yi,
             b.lo AS cx, b.hi AS cy
      FROM partner_borders b CROSS JOIN entities x CROSS JOIN entities y
      WHERE ({where}) {status} AND x.id = b.lo_id AND y.id = b.hi_id)
ORDER BY company, partner, domain IS NULL, domain, id
"""
# The smaller countries of the table, one key seek each, below :c: with `hi = :c`, the
# partnerships whose larger country is :c, read by key prefix too.
_LOWER = """b.lo IN (WITH RECURSIVE los(c) AS (
    SELECT min(lo) FROM partner_borders UNION ALL
    SELECT (SELECT min(lo) FROM partner_borders WHERE lo > los.c) FROM los WHERE los.c < :c)
    SELECT c FROM los WHERE c < :c) AND b.hi = :c"""


def _cross_border_rows(store, countries: list[str], status=None) -> Iterator[tuple]:
    """Cross-border partnerships from ``partner_borders``, each read through the table's key:
    with two countries, the pair's rows; with one, the rows where it is the smaller country and
    those where it is the larger; with none, every row."""
    params = {"status": status}
    if len(countries) == 2:
        where = "b.lo = :a AND b.hi = :b"
        params.update(a=min(countries), b=max(countries))
    elif countries:
        where = f"b.lo = :c OR ({_LOWER})"
        params["c"] = countries[0]
    else:
        where = "1"
    status_sql = "AND b.status = :status" if status else ""
    return store.iter_sql(_BORDERS.format(where=where, status=status_sql), params)


@_impl("cross-border")
def cross_border(store, country_a=None, country_b=None, status=None):
    countries = [c for c in (country_a, country_b) if c]
    if not isinstance(store, _AsOf):
        rows = _cross_border_rows(store, countries, status)
    elif countries:
        rows = _cross_border_from(store, countries, status)
    else:
        sql, params = _pairs_sql(store, status, cols=_COUNTRIES)
        rows = store.iter_sql(
            f"SELECT * FROM (SELECT p.id, p.domain, p.status, p.company, p.partner, "
            f"json_extract(p.company_attrs, '$.country') AS ca, json_extract(p.partner_attrs, '$.country') AS cb "
            f"FROM ({sql}) p) WHERE ca IS NOT NULL AND cb IS NOT NULL AND ca <> cb "
            "ORDER BY company, partner, domain IS NULL, domain, id", params)
    for rid, dom, st, company, partner, ca, cb in rows:
        yield {"company": company, "partner": partner, "domain": dom, "status": st,
               "company_country": ca, "partner_country": cb, "id": rid}


# The prospective partnerships with a source published since :since, each with its latest source
# date: the sources since then (indexed by date) give both. A relation's latest date is on or
# after :since exactly when one of its sources is, and it is then the latest of those. Each
# candidate's status is looked up in the index by status (a probe of its full key) before its
# row is read, so that only the rows of the answer are read from the relations table (as of a
# date, `relations` is the view of :func:`_as_of_clause`, which has no index: no probe).
_PROSPECTIVE_SINCE = """
SELECT r.id, CASE WHEN (x.name, x.id) <= (y.name, y.id) THEN x.name ELSE y.name END AS company,
       CASE WHEN (x.name, x.id) <= (y.name, y.id) THEN y.name ELSE x.name END AS partner,
       r.key_display AS domain, m.latest
FROM (SELECT l.relation_id AS id, max(s.published) AS latest FROM sources s CROSS JOIN links l ON l.source_id = s.id
      WHERE s.published >= :since GROUP BY l.relation_id) m
CROSS JOIN relations r CROSS JOIN entities x CROSS JOIN entities y
WHERE {probe} r.id = m.id AND r.predicate = :predicate AND r.status = 'prospective'
  AND x.id = r.subject_id AND y.id = r.object_id
ORDER BY m.latest DESC, company, partner, domain IS NULL, domain, r.id
"""

_PROSPECTIVE_PROBE = """EXISTS (SELECT 1 FROM relations p INDEXED BY relations_by_status
    WHERE p.predicate = :predicate AND p.status = 'prospective' AND p.id = m.id) AND"""


@_impl("prospective")
def prospective(store, since=None):
    if since:
        probe = "" if isinstance(store, _AsOf) else _PROSPECTIVE_PROBE
        rows = store.iter_sql(_PROSPECTIVE_SINCE.format(probe=probe), {"since": since, "predicate": _PARTNERS})
    else:
        sql, params = _pairs_sql(store, "prospective")
        rows = store.iter_sql(
            f"SELECT p.id, p.company, p.partner, p.domain, (SELECT max(s.published) FROM links l "
            f"JOIN sources s ON s.id = l.source_id WHERE l.relation_id = p.id) AS latest FROM ({sql}) p "
            "ORDER BY latest IS NULL, latest DESC, company, partner, domain IS NULL, domain, id", params)
    for rid, company, partner, dom, latest in rows:
        yield {"company": company, "partner": partner, "domain": dom, "latest_source_date": latest, "id": rid}


_PARTNER_COUNTS = """(SELECT a AS id, count(DISTINCT b) AS partners FROM (
    SELECT subject_id AS a, object_id AS b FROM relations WHERE predicate = 'PARTNERS_WITH' AND status IS NOT 'ended'
    UNION ALL
    SELECT object_id, subject_id FROM relations
    WHERE predicate = 'PARTNERS_WITH' AND status IS NOT 'ended' AND subject_id <> object_id) GROUP BY a)"""


@_impl("hubs")
def hubs(store, limit=10):
    # partner_counts holds each company's number of partners not ended, kept by the store; as of
    # a date, the counts come from the relations then.
    counts = _PARTNER_COUNTS if isinstance(store, _AsOf) else "partner_counts"
    sql = (f"SELECT e.name, c.partners FROM {counts} c JOIN entities e ON e.id = c.id "
           "ORDER BY c.partners DESC, e.name, c.id LIMIT :limit")
    return [{"company": name, "partners": n} for name, n in store.iter_sql(sql, {"limit": limit})]


# ---- one entity, or two -----------------------------------------------------------------------

# The relations of entity :id in either direction, once each, with the other end.
_TOUCHING = """
SELECT r.id, r.predicate, r.object_id AS other, r.key_display, r.props, r.status, r.since, r.until
FROM relations r WHERE r.subject_id = :id {pred}
UNION ALL
SELECT r.id, r.predicate, r.subject_id AS other, r.key_display, r.props, r.status, r.since, r.until
FROM relations r WHERE r.object_id = :id AND r.subject_id <> :id {pred}
"""


@_impl("partners-of")
def partners_of(store, company, status=None):
    pred = "AND r.predicate = :predicate" + (" AND r.status = :status" if status else "")
    sql = (f"SELECT t.id, e.name, t.key_display, t.status, t.since, t.until, "
           f"(SELECT count(*) FROM links l WHERE l.relation_id = t.id) "
           f"FROM ({_TOUCHING.format(pred=pred)}) t JOIN entities e ON e.id = t.other ORDER BY t.id")
    rows = [{"partner": name, "domain": dom, "status": st, "since": since, "until": until, "sources": n, "id": rid}
            for rid, name, dom, st, since, until, n in
            store.iter_sql(sql, {"id": company, "predicate": _PARTNERS, "status": status})]
    rows.sort(key=lambda r: (_status_rank(r["status"]), r["partner"], none_last(r["domain"])))
    return rows


def _neighbours(store, ids: list[str], include_ended: bool) -> Iterator[tuple[str, str, str | None]]:
    """(node, neighbour, domain) over the partnerships of *ids* (not ended unless asked)."""
    ended = "" if include_ended else " AND status IS NOT 'ended'"
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        yield from store.iter_sql(
            f"SELECT subject_id, object_id, key_display FROM relations WHERE subject_id IN ({marks}) "
            f"AND predicate = ?{ended} UNION ALL "
            f"SELECT object_id, subject_id, key_display FROM relations WHERE object_id IN ({marks}) "
            f"AND predicate = ?{ended}", [*chunk, _PARTNERS, *chunk, _PARTNERS])


def _adjacent(store, ids: list[str], include_ended: bool) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {i: set() for i in ids}
    for node, other, _ in _neighbours(store, ids, include_ended):
        out[node].add(other)
    return out


@_impl("common-partners")
def common_partners(store, a, b):
    domains: dict[str, dict[str, set]] = {a: {}, b: {}}
    for node, other, dom in _neighbours(store, sorted({a, b}), False):
        domains[node].setdefault(other, set()).add(dom)
    pa, pb = domains[a], domains[b]
    common = set(pa) & set(pb) - {a, b}
    names = _names(store, common)
    rows = [{"partner": names[p],
             "domains_with_a": sorted(d for d in pa[p] if d is not None),
             "domains_with_b": sorted(d for d in pb[p] if d is not None), "id": p} for p in common]
    rows.sort(key=lambda r: (r["partner"], r["id"]))
    return rows


@_impl("path")
def path(store, a, b, max_hops=4, include_ended=False):
    """A shortest path, the smallest sequence of (name, id) among equals.

    Breadth-first from both ends, one whole layer at a time from the smaller frontier, until the
    two searches meet or their depths add up to *max_hops*. When a layer first meets the other
    search, the shortest paths are exactly depth(a) + depth(b) long and pass through the nodes at
    depth(a) from a and depth(b) from b. A greedy walk from *a*, taking at each step the smallest
    (name, id) that still lies on a shortest path, then gives the smallest sequence: every
    candidate has the same length."""
    if a == b or max_hops < 1:
        return []
    dist: tuple[dict[str, int], dict[str, int]] = ({a: 0}, {b: 0})
    # node -> its neighbours one layer closer to the search's start
    parents: tuple[dict[str, list[str]], dict[str, list[str]]] = ({}, {})
    frontier = [[a], [b]]
    depth = [0, 0]
    met = False
    while not met and depth[0] + depth[1] < max_hops and frontier[0] and frontier[1]:
        side = 0 if len(frontier[0]) <= len(frontier[1]) else 1
        seen, back, d = dist[side], parents[side], depth[side] + 1
        layer: list[str] = []
        for node, others in _adjacent(store, frontier[side], include_ended).items():
            for m in others:
                if m not in seen:
                    seen[m] = d
                    back[m] = [node]
                    layer.append(m)
                elif seen[m] == d:
                    back[m].append(node)
        depth[side] = d
        frontier[side] = layer
        met = any(m in dist[1 - side] for m in layer)
    if not met:
        return []
    middle = [n for n, d in dist[0].items() if d == depth[0] and dist[1].get(n) == depth[1]]
    # a's side: the nodes from which a meeting node can be reached, one layer at a time
    ahead: dict[str, list[str]] = {}
    todo, done = list(middle), set(middle)
    while todo:
        m = todo.pop()
        for p in parents[0].get(m, ()):
            ahead.setdefault(p, []).append(m)
            if p not in done:
                done.add(p)
                todo.append(p)
    seq = [a]
    for i in range(1, depth[0] + depth[1] + 1):
        node = seq[-1]
        step = ahead[node] if i <= depth[0] else parents[1][node]
        names = _names(store, step)
        seq.append(min(step, key=lambda m: (names[m], m)))
    names = _names(store, seq)
    return [{"path": [names[n] for n in seq], "hops": len(seq) - 1}]


@_impl("people-of")
def people_of(store, company):
    sql = ("SELECT r.id, e.name, r.key_display, r.since, r.until FROM relations r "
           "JOIN entities e ON e.id = r.subject_id WHERE r.object_id = ? AND r.predicate = 'WORKS_FOR' ORDER BY r.id")
    rows = [{"person": name, "role": role, "since": since, "until": until}
            for _, name, role, since, until in store.iter_sql(sql, (company,))]
    rows.sort(key=lambda r: (none_last(r["since"]), r["person"], r["role"]))
    return rows


_LINKS_BETWEEN = """
SELECT r.predicate, json_extract(r.props, '$.domain'), s.url, s.title, s.publisher, s.published, l.quote,
       l.claims
FROM relations r
JOIN links l ON l.relation_id = r.id
JOIN sources s ON s.id = l.source_id
WHERE (r.subject_id = :a AND r.object_id = :b) OR (r.subject_id = :b AND r.object_id = :a)
"""


@_impl("sources")
def sources(store, a, b):
    rows = [{"predicate": p, "domain": d, "url": u, "title": t, "publisher": pub, "published": date, "quote": q}
            for p, d, u, t, pub, date, q, _ in store.iter_sql(_LINKS_BETWEEN, {"a": a, "b": b})]
    rows.sort(key=lambda r: (none_last(r["published"]), none_last(r["url"]), r["predicate"],
                             none_last(r["domain"]), none_last(r["title"]), none_last(r["quote"]),
                             none_last(r["publisher"])))
    return rows


@_impl("history")
def history(store, a, b):
    sql = ("SELECT * FROM (" + _LINKS_BETWEEN + ") WHERE json_type(claims, '$.status') IS NOT NULL")
    rows = [{"predicate": p, "domain": d, "published": date, "status": _claimed_status(claims), "url": u,
             "_title": t, "_publisher": pub}
            for p, d, u, t, pub, date, _, claims in store.iter_sql(sql, {"a": a, "b": b})]
    rows.sort(key=lambda r: (none_last(r["published"]), none_last(r["url"]), r["predicate"],
                             none_last(r["domain"]), none_last(r["_title"]), none_last(r["_publisher"]),
                             r["status"]))
    return rows


def _claimed_status(claims: str):
    return json.loads(claims)["status"]


@_impl("meetings")
def meetings(store, person=None):
    if person:
        sql = (f"SELECT t.id, :id, t.other, json_extract(t.props, '$.date'), json_extract(t.props, '$.event') "
               f"FROM ({_TOUCHING.format(pred='AND r.predicate = :predicate')}) t ORDER BY t.id")
        params = {"id": person, "predicate": "MET_WITH"}
    else:
        # The person side first; between two people (or two companies), the smaller (name, id).
        sql = """
        SELECT id, p, CASE WHEN p = subject_id THEN object_id ELSE subject_id END, date, event FROM (
            SELECT r.id, r.subject_id, r.object_id,
                   CASE WHEN x.type = 'Person' AND y.type <> 'Person' THEN x.id
                        WHEN y.type = 'Person' AND x.type <> 'Person' THEN y.id
                        WHEN (x.name, x.id) <= (y.name, y.id) THEN x.id ELSE y.id END AS p,
                   json_extract(r.props, '$.date') AS date, json_extract(r.props, '$.event') AS event
            FROM relations r JOIN entities x ON x.id = r.subject_id JOIN entities y ON y.id = r.object_id
            WHERE r.predicate = :predicate)
        ORDER BY id"""
        params = {"predicate": "MET_WITH"}
    found = store.read_sql(sql, params)
    names = _names(store, [i for row in found for i in row[1:3]])
    rows = [{"person": names[p], "met_with": names[m], "date": date, "event": event}
            for _, p, m, date, event in found]
    rows.sort(key=lambda r: (none_last(r["date"]), r["person"], r["met_with"], none_last(r["event"])))
    return rows


@_impl("timeline")
def timeline(store, company):
    sql = (f"SELECT t.id, t.predicate, e.name, t.key_display, t.props, "
           f"(SELECT min(s.published) FROM links l JOIN sources s ON s.id = l.source_id WHERE l.relation_id = t.id) "
           f"FROM ({_TOUCHING.format(pred='')}) t JOIN entities e ON e.id = t.other ORDER BY t.id")
    rows = []
    for _, pred, other, kd, props, earliest in store.iter_sql(sql, {"id": company}):
        props = json.loads(props)
        rows.append({"date": props.get("since") or props.get("date") or earliest, "predicate": pred, "other": other,
                     "detail": detail(pred, kd, props)})
    rows.sort(key=lambda r: (none_last(r["date"]), r["predicate"], r["other"], none_last(r["detail"])))
    return rows


# ---- the graph as of a date --------------------------------------------------------------------

def _claim(name: str) -> str:
    """The winning claim on property *name* among the counted links of relation ``r``: the
    precedence of :func:`autokg.graph.merge.resolve_props` (latest published, undated first;
    then confidence; then the later record)."""
    return (f"(SELECT json_extract(c.claims, '$.{name}') FROM links c WHERE c.relation_id = r.id "
            f"AND json_type(c.claims, '$.{name}') IS NOT NULL "
            f"ORDER BY c.rank_date DESC, c.confidence DESC, c.seq DESC LIMIT 1)")


_LINKS_AS_OF = """WITH links AS NOT MATERIALIZED (
    SELECT l.relation_id, l.source_id, l.quote, l.confidence, l.seq, l.claims, coalesce(s.published, '') AS rank_date
    FROM main.links l JOIN main.sources s ON s.id = l.source_id
    WHERE s.published IS NULL OR s.published <= :as_of)"""


@functools.cache
def _as_of_clause() -> str:
    """A ``WITH`` clause that shadows the tables ``links`` and ``relations`` with the graph as of
    ``:as_of`` (a full date), so that a preset's SQL runs unchanged on it.

    ``links`` keeps the links whose source counts: undated, or published on or before the date.
    For a full date D and a date p of any precision, ``p <= D`` as strings holds exactly when p
    padded to its first day is on or before D (a prefix sorts first, and a month or day is never
    ``00``), so the comparison needs no padding. ``relations`` keeps the relations with a counted
    link, each property resolved again among the counted claims. Both are NOT MATERIALIZED, so
    that SQLite folds them into the preset's statement and a preset about one entity resolves
    only the relations it reads, through the same indexes.
    """
    sch = schema()
    names = sorted({n for p in sch.predicates.values() for n in p.properties})
    keyed = [p for p in sch.predicates.values() if p.key]
    key_display = "CASE r.predicate " + " ".join(
        f"WHEN '{p.name}' THEN {_claim(p.key)}" for p in keyed) + " END"
    # a predicate has a status exactly when its stored status is not null (the default is stored)
    status = f"CASE WHEN r.status IS NULL THEN NULL ELSE coalesce({_claim('status')}, '{sch.default_status}') END"
    values = {n: (status if n == "status" else _claim(n)) for n in names}
    # json_patch drops the members whose value is null, as the stored props have none
    props = "json_patch('{}', json_object(" + ", ".join(f"'{n}', {v}" for n, v in values.items()) + "))"
    return _LINKS_AS_OF + f""",
relations AS NOT MATERIALIZED (
    SELECT r.id, r.predicate, r.subject_id, r.object_id, r.key, {key_display} AS key_display, {props} AS props,
           {status} AS status, {_claim("since")} AS since, {_claim("until")} AS until
    FROM main.relations r
    WHERE EXISTS (SELECT 1 FROM links c WHERE c.relation_id = r.id))
"""


class _AsOf:
    """The embedded *store* seen as of a date: its ``iter_sql`` and ``read_sql`` run every
    statement under :func:`_as_of_clause`. A statement with ``?`` placeholders gets the date as
    ``?1`` and its own values after it."""

    name = "embedded"

    def __init__(self, store, as_of: str):
        self.store, self.as_of = store, as_of
        self.clause = _as_of_clause()

    def _bind(self, sql: str, params):
        if isinstance(params, dict):
            return self.clause + sql, {**params, "as_of": self.as_of}
        return self.clause.replace(":as_of", "?1") + sql, (self.as_of, *params)

    def iter_sql(self, sql: str, params=()):
        return self.store.iter_sql(*self._bind(sql, params))

    def read_sql(self, sql: str, params=()):
        return self.store.read_sql(*self._bind(sql, params))


def iter_rows(store, preset: str, params: dict[str, Any]) -> Iterator[dict]:
    """The rows of *preset* on the embedded *store*, one at a time (``partners`` and the other
    presets over the whole graph stream them from SQLite's cursor).

    Every preset takes ``as_of`` (a full date, or None for every source): the presets then read
    the store through :class:`_AsOf`, and those that read the tables derived from the stored
    relations (``hubs``, the domain search) compute them from the relations as of the date."""
    params = dict(params)
    as_of = params.pop("as_of", None)
    if preset == "stale":
        params["as_of"] = as_of
    if as_of is not None:
        store = _AsOf(store, as_of)
    return iter(IMPLEMENTATIONS[preset](store, **params))


def run(store, preset: str, params: dict[str, Any]) -> list[dict]:
    return list(iter_rows(store, preset, params))


def months_before(day: str, months: int) -> str:
    """The full date *months* before *day* (``YYYY-MM-DD``); the day of the month is clamped to
    the month's last day, as Cypher's ``date - duration({months: n})`` does."""
    import calendar

    y, m, d = (int(x) for x in day.split("-"))
    y, m = divmod(y * 12 + (m - 1) - months, 12)
    m += 1
    return f"{y:04d}-{m:02d}-{min(d, calendar.monthrange(y, m)[1]):02d}"


# The newest source date of each relation not ended, padded to its first day for the comparison.
_STALE = """
SELECT r.predicate, a.name, b.name, r.key_display, r.status, x.latest, x.n, r.id
FROM relations r
JOIN (SELECT l.relation_id AS id, max(s.published) AS latest, count(*) AS n
      FROM links l JOIN sources s ON s.id = l.source_id GROUP BY l.relation_id) x ON x.id = r.id
JOIN entities a ON a.id = r.subject_id JOIN entities b ON b.id = r.object_id
WHERE coalesce(r.status, '') <> 'ended' AND (r.until IS NULL OR r.until > :as_of)
  AND (x.latest IS NULL OR CASE length(x.latest) WHEN 4 THEN x.latest || '-01-01'
                                                 WHEN 7 THEN x.latest || '-01' ELSE x.latest END < :cutoff)
ORDER BY x.latest IS NULL, x.latest, a.name, b.name, r.predicate, r.key_display IS NULL, r.key_display, r.id
"""


@_impl("stale")
def stale(store, older_than, as_of=None):
    # a review over the whole graph: one pass over the links, grouped by relation
    if as_of is None:
        from autokg.queries.presets import today

        as_of = today()
    cutoff = months_before(as_of, older_than)
    for pred, subj, obj, key, status, latest, n, _ in store.iter_sql(_STALE, {"as_of": as_of, "cutoff": cutoff}):
        yield {"predicate": pred, "subject": subj, "object": obj, "domain": key, "status": status,
               "latest_source_date": latest, "sources": n}
