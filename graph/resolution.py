"""Entity resolution: judgements kept as data, and the merged graph they give.

A judgement is an edge between two entities (or two relations): ``same``, ``different`` or
``unsure``, with a time and a note (nomenklatura's model). The ``same`` edges form connected
components, the clusters; every query sees one entity per cluster.

The store never loses what the loads wrote. The rows the loads made (the *base* rows) of every
entity in a cluster, and of every relation touching one or judged the same as another, are kept
aside (``kept_rows``); the entity, relation and link tables hold the *merged view* derived from
them, which the presets, exports and ``stats`` read unchanged. Everything else is its own view:
a store without judgements is exactly the store the loads made. A judgement or its undo derives
again only the rows its cluster touches, from the base rows, so undoing one gives back exactly
the rows before it, even after later loads: loads write base rows through
:class:`ResolvingWriter`, and a fact naming any member of a cluster lands on the merged entity.

The rules of the view:

* an entity of a cluster keeps the union of names and aliases, the attributes (the canonical
  member's win, then the older members'), and the name and id of the canonical member: a member
  declared by an entity record, else the older one (the one with the earliest claim), else the
  smallest id;
* relations whose ends and key become the same merge, keeping every source (per source, the later
  claim), and their properties are resolved again by claim precedence; a relation joining an
  entity to itself is dropped with a warning;
* relations judged the same (same predicate, same pair of entities) become one, keyed by the key
  of the winning claim; a later claim with either key lands on it.
"""

from __future__ import annotations

import datetime as _dt
from typing import Iterable

from autokg.errors import InvalidRecord
from autokg.graph.merge import resolve_props
from autokg.graph.model import schema
from autokg.graph.normalize import norm, relation_id

__all__ = ["JUDGEMENTS", "Judgements", "ResolvingWriter", "for_load", "finish_load", "judgement_id"]

JUDGEMENTS = ("same", "different", "unsure")
_INF = float("inf")


def judgement_id(kind: str, a: str, b: str) -> str:
    """The judgement between *a* and *b*, whatever their order."""
    x, y = sorted((a, b))
    return f"{kind}:{x}|{y}"


class Judgements:
    """The judgements of a store, with the clusters their ``same`` edges make."""

    def __init__(self, rows: dict[str, dict]):
        self.rows = rows
        self._comp: dict[str, dict[str, frozenset]] = {"entity": {}, "relation": {}}
        adj: dict[str, dict[str, set]] = {"entity": {}, "relation": {}}
        for r in rows.values():
            if r["judgement"] == "same":
                a = adj[r["kind"]]
                a.setdefault(r["a_id"], set()).add(r["b_id"])
                a.setdefault(r["b_id"], set()).add(r["a_id"])
        for kind, a in adj.items():
            comp = self._comp[kind]
            for start in sorted(a):
                if start in comp:
                    continue
                seen = {start}
                todo = [start]
                while todo:
                    x = todo.pop()
                    for y in a[x]:
                        if y not in seen:
                            seen.add(y)
                            todo.append(y)
                members = frozenset(seen)
                for x in members:
                    comp[x] = members
        self.clustered_e = set(self._comp["entity"])
        self.clustered_r = set(self._comp["relation"])

    def cluster(self, kind: str, x: str) -> frozenset:
        return self._comp[kind].get(x, frozenset((x,)))

    def changed(self, row: dict | None = None, remove: str | None = None) -> "Judgements":
        rows = dict(self.rows)
        if remove is not None:
            rows.pop(remove, None)
        if row is not None:
            rows[judgement_id(row["kind"], row["a_id"], row["b_id"])] = row
        return Judgements(rows)

    @property
    def any_same(self) -> bool:
        return bool(self.clustered_e or self.clustered_r)


def _entity_keys(row: dict) -> list[str]:
    return sorted({"n:" + norm(n) for n in [row["name"], *row["aliases"]]})


def _relation_keys(row: dict) -> list[str]:
    return sorted({"e:" + row["subject_id"], "e:" + row["object_id"], *("s:" + s for s in row["links"])})


def _relation_row(row: dict) -> dict:
    return {k: row[k] for k in ("id", "predicate", "subject_id", "object_id", "key", "key_display", "props",
                                "links")}


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class ResolvingWriter:
    """A :class:`~autokg.graph.store.Writer` over the base rows, for the merge engine.

    Reads and writes of base rows kept aside go to ``kept_rows``, the others to the store's
    tables; :meth:`finish` derives the view of every cluster the writes touched. It also offers
    the judgement operations (:meth:`judge`, :meth:`undo`)."""

    def __init__(self, writer, judgements: Judgements | None = None):
        self.w = writer
        self.j = judgements if judgements is not None else Judgements(writer.kept_rows("judgement"))
        self._dirty: set[str] = set()
        self._gone: dict[str, dict] = {}  # entities named by judgements, folded into others by a load
        self.warnings: list[str] = []

    # ---- the base rows, as the merge engine reads and writes them -----------------------------

    def _derived(self, rel: dict) -> bool:
        return rel["subject_id"] in self.j.clustered_e or rel["object_id"] in self.j.clustered_e

    def _kept(self, rel: dict) -> bool:
        return self._derived(rel) or rel["id"] in self.j.clustered_r

    def find_entities(self, norms: Iterable[str]) -> dict[str, list[dict]]:
        norms = list(norms)
        out: dict[str, list[dict]] = {}
        for n, rows in self.w.find_entities(norms).items():
            rows = [r for r in rows if r["id"] not in self.j.clustered_e]
            if rows:
                out[n] = rows
        kept = self.w.kept_rows("entity", self.w.kept_ids("entity", ["n:" + n for n in norms]))
        wanted = set(norms)
        for row in kept.values():
            for n in {norm(x) for x in [row["name"], *row["aliases"]]} & wanted:
                out.setdefault(n, []).append(row)
        for rows in out.values():
            rows.sort(key=lambda r: r["id"])
        return out

    def get_entities(self, ids: Iterable[str]) -> dict[str, dict]:
        ids = list(ids)
        kept = self.w.kept_rows("entity", ids)
        inner = self.w.get_entities([i for i in ids if i not in kept and i not in self.j.clustered_e])
        return {**inner, **kept}

    def get_relations(self, ids: Iterable[str]) -> dict[str, dict]:
        ids = list(ids)
        kept = self.w.kept_rows("relation", ids)
        out = {i: r for i, r in self.w.get_relations([i for i in ids if i not in kept]).items()
               if not self._derived(r)}
        out.update(kept)
        return out

    def relation_ids_touching(self, entity_id: str) -> list[str]:
        ids = set(self.w.kept_ids("relation", ["e:" + entity_id]))
        if entity_id not in self.j.clustered_e:
            ids.update(self.w.relation_ids_touching(entity_id))
        return sorted(self.get_relations(ids))

    def relation_ids_citing(self, source_id: str) -> list[str]:
        ids = set(self.w.kept_ids("relation", ["s:" + source_id])) | set(self.w.relation_ids_citing(source_id))
        return sorted(self.get_relations(ids))

    def get_sources(self, ids):
        return self.w.get_sources(ids)

    def next_seq(self, n: int) -> int:
        return self.w.next_seq(n)

    def put_entities(self, rows: list[dict]) -> None:
        kept = [r for r in rows if r["id"] in self.j.clustered_e]
        if kept:
            self.w.keep_rows("entity", [(r["id"], r, _entity_keys(r)) for r in kept])
            self._dirty.update(r["id"] for r in kept)
        rest = [r for r in rows if r["id"] not in self.j.clustered_e]
        if rest:
            self.w.put_entities(rest)

    def delete_entities(self, ids: list[str]) -> None:
        # an entity a judgement names can only go when an entity record folds it into another
        # (an alias): the judgement then follows it (see finish)
        named = {x for r in self.j.rows.values() if r["kind"] == "entity" for x in (r["a_id"], r["b_id"])}
        gone = [i for i in ids if i in named]
        if gone:
            self._gone.update(self.get_entities(gone))
        kept = [i for i in ids if i in self.j.clustered_e]
        if kept:
            self.w.forget_rows("entity", kept)
            self._dirty.update(kept)
        rest = [i for i in ids if i not in self.j.clustered_e]
        if rest:
            self.w.delete_entities(rest)

    def put_sources(self, rows: list[dict]) -> None:
        # A source republished with another date may change which claim wins in a merged
        # relation citing it, even where the base relation's own properties stay the same (its
        # rival claims are in another base relation): derive the view of those again.
        before = self.w.get_sources([r["id"] for r in rows])
        moved = ["s:" + r["id"] for r in rows
                 if r["id"] in before and before[r["id"]].get("published") != r.get("published")]
        if moved:
            kept = self.w.kept_rows("relation", self.w.kept_ids("relation", moved))
            self._dirty.update(x for r in kept.values() for x in (r["subject_id"], r["object_id"]))
        self.w.put_sources(rows)

    def put_relations(self, rows: list[dict]) -> None:
        kept = [_relation_row(r) for r in rows if self._kept(r)]
        if kept:
            self.w.keep_rows("relation", [(r["id"], r, _relation_keys(r)) for r in kept])
            self._dirty.update(x for r in kept for x in (r["subject_id"], r["object_id"]))
        rest = [r for r in rows if not self._kept(r)]
        if rest:
            self.w.put_relations(rest)

    def delete_relations(self, ids: list[str]) -> None:
        kept = self.w.kept_rows("relation", ids)
        if kept:
            self.w.forget_rows("relation", sorted(kept))
            self._dirty.update(x for r in kept.values() for x in (r["subject_id"], r["object_id"]))
        rest = [i for i in ids if i not in kept]
        if rest:
            self.w.delete_relations(rest)

    def put_links(self, rows: list[dict]) -> None:
        kept = self.w.kept_rows("relation", {r["relation_id"] for r in rows})
        for link in rows:
            rel = kept.get(link["relation_id"])
            if rel is not None:
                rel["links"][link["source_id"]] = dict(link)
        if kept:
            self.w.keep_rows("relation", [(i, r, _relation_keys(r)) for i, r in kept.items()])
            self._dirty.update(x for r in kept.values() for x in (r["subject_id"], r["object_id"]))
        rest = [r for r in rows if r["relation_id"] not in kept]
        if rest:
            self.w.put_links(rest)

    def flush(self) -> None:
        self.w.flush()

    def rollback(self) -> None:
        self.w.rollback()

    def finish(self) -> list[str]:
        """Derive again the view of what the writes touched; return the warnings."""
        old = self.j
        if self._gone:
            self._follow(self._gone)
            self._gone = {}
        if self._dirty:
            dirty, self._dirty = self._dirty, set()
            self._derive(dirty, old, self.j)
            self.w.flush()
        return self.warnings

    def _follow(self, gone: dict[str, dict]) -> None:
        """Judgements naming an entity that a load folded into another (an entity record
        declared its name as an alias) now name that other entity."""
        moved: dict[str, str] = {}
        for eid, row in gone.items():
            found = [r for r in self.find_entities([norm(row["name"])]).get(norm(row["name"]), [])
                     if r["type"] == row["type"] and r["id"] != eid]
            if found:
                moved[eid] = found[0]["id"]
        rows = dict(self.j.rows)
        forget, keep = [], []
        for jid, r in sorted(self.j.rows.items()):
            if r["kind"] != "entity" or not ({r["a_id"], r["b_id"]} & set(moved)):
                continue
            del rows[jid]
            forget.append(jid)
            a, b = moved.get(r["a_id"], r["a_id"]), moved.get(r["b_id"], r["b_id"])
            self._dirty.update((r["a_id"], r["b_id"], a, b))
            if a != b:
                nid = judgement_id("entity", a, b)
                rows[nid] = {**r, "a_id": a, "b_id": b}
                keep.append((nid, rows[nid], []))
        if forget:
            self.w.forget_rows("judgement", forget)
        if keep:
            self.w.keep_rows("judgement", keep)
        self.j = Judgements(rows)

    # ---- the merged view ----------------------------------------------------------------------

    def _view_id(self, x: str, cache: dict) -> str:
        """The view id of an entity outside the region being derived: its cluster's canonical."""
        if x not in self.j.clustered_e:
            return x
        if x not in cache:
            members = sorted(self.j.cluster("entity", x))
            present = sorted(self.w.get_entities(members))
            cache[x] = present[0] if present else x
        return cache[x]

    def _derive(self, seeds: set[str], old: Judgements, new: Judgements) -> None:
        """Write the view of the clusters (before and after) of the entities *seeds*, and keep
        aside exactly the base rows the judgements *new* merge. The judgements ``self.j`` must be
        *new* when this is called."""
        s = schema()
        region: set[str] = set()
        for x in seeds:
            region |= old.cluster("entity", x) | new.cluster("entity", x)
        kept_e = self.w.kept_rows("entity", region)
        base_e = {**{i: r for i, r in self.w.get_entities(region - set(kept_e)).items()
                     if i not in old.clustered_e}, **kept_e}
        view_ids: set[str] = set()
        for x in sorted(region):
            view_ids.update(self.w.relation_ids_touching(x))
        kept_ids = set(self.w.kept_ids("relation", ["e:" + x for x in region]))
        kept_r = self.w.kept_rows("relation", kept_ids | view_ids)
        base_r = dict(kept_r)
        for rid, row in self.w.get_relations(sorted(view_ids - set(kept_r))).items():
            if row["subject_id"] not in old.clustered_e and row["object_id"] not in old.clustered_e:
                base_r[rid] = row
        sources = self.w.get_sources({sid for r in base_r.values() for sid in r["links"]})
        published = {sid: src.get("published") for sid, src in sources.items()}

        age: dict[str, float] = {}
        for r in base_r.values():
            first = min((link["seq"] for link in r["links"].values()), default=_INF)
            for x in (r["subject_id"], r["object_id"]):
                age[x] = min(age.get(x, _INF), first)

        # entities: one view row per cluster of the region
        vid: dict[str, str] = {}
        entities: list[dict] = []
        done: set[str] = set()
        for x in sorted(base_e):
            if x in done:
                continue
            members = [base_e[i] for i in sorted(new.cluster("entity", x)) if i in base_e]
            done.update(m["id"] for m in members)
            entities.append(self._merged_entity(members, age))
            for m in members:
                vid[m["id"]] = entities[-1]["id"]
        outside: dict[str, str] = {}

        def view(x: str) -> str:
            return vid[x] if x in vid else self._view_id(x, outside)

        names = {e["id"]: e for e in entities}
        # relations: grouped by predicate and pair of view ends, then by key and relation judgements
        by_pair: dict[tuple, list[dict]] = {}
        for r in sorted(base_r.values(), key=lambda r: r["id"]):
            a, b = view(r["subject_id"]), view(r["object_id"])
            if a == b:
                e = names.get(a)
                self.warnings.append(
                    f"warning: dropped {r['predicate']} between {self._name(r['subject_id'], base_e)!r} and "
                    f"{self._name(r['object_id'], base_e)!r} ({len(r['links'])} source(s)): both are now "
                    f"{e['type'] if e else ''} {e['name'] if e else a!r}".replace("  ", " "))
                continue
            pred = s.predicates[r["predicate"]]
            pair = (r["predicate"], *(sorted((a, b)) if pred.symmetric else (a, b)))
            by_pair.setdefault(pair, []).append(r)
        relations: list[dict] = []
        for pair, rels in sorted(by_pair.items()):
            for group in self._groups(rels, new):
                relations.append(self._merged_relation(group, view, published))

        self.w.delete_relations(sorted(view_ids))
        self.w.delete_entities(sorted(region))
        self.w.flush()
        if entities:
            self.w.put_entities(entities)
        if relations:
            self.w.put_relations(relations)
            links = [link for r in relations for link in r["links"].values()]
            if links:
                self.w.put_links(links)
        # keep aside exactly the base rows the judgements merge
        keep_e = [r for i, r in base_e.items() if i in new.clustered_e]
        drop_e = sorted(i for i in region if i not in new.clustered_e)
        keep_r = [r for r in base_r.values() if r["subject_id"] in new.clustered_e
                  or r["object_id"] in new.clustered_e or r["id"] in new.clustered_r]
        drop_r = sorted(set(base_r) - {r["id"] for r in keep_r})
        if drop_e:
            self.w.forget_rows("entity", drop_e)
        if keep_e:
            self.w.keep_rows("entity", [(r["id"], r, _entity_keys(r)) for r in keep_e])
        if drop_r:
            self.w.forget_rows("relation", drop_r)
        if keep_r:
            self.w.keep_rows("relation", [(r["id"], _relation_row(r), _relation_keys(r)) for r in keep_r])

    @staticmethod
    def _name(x: str, base_e: dict) -> str:
        row = base_e.get(x)
        return row["name"] if row else x

    @staticmethod
    def _merged_entity(members: list[dict], age: dict) -> dict:
        if len(members) == 1:
            return members[0]
        order = sorted(members, key=lambda m: (not m["declared"], age.get(m["id"], _INF), m["id"]))
        canon = order[0]
        others = sorted(order[1:], key=lambda m: (age.get(m["id"], _INF), m["id"]))
        known = {norm(canon["name"])}
        aliases: list[str] = []
        for m in [canon, *others]:
            for n in (m["aliases"] if m is canon else [m["name"], *m["aliases"]]):
                if norm(n) not in known:
                    known.add(norm(n))
                    aliases.append(n)
        attrs: dict = {}
        for m in reversed([canon, *others]):
            attrs.update(m["attrs"])
        return {"id": canon["id"], "type": canon["type"], "name": canon["name"],
                "declared": any(m["declared"] for m in members), "aliases": aliases, "attrs": attrs}

    @staticmethod
    def _groups(rels: list[dict], new: Judgements) -> list[list[dict]]:
        """Relations of one pair that are one: the same key, or judged the same."""
        parent = {r["id"]: r["id"] for r in rels}

        def find(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        by_key: dict[str, str] = {}
        for r in rels:
            other = by_key.setdefault(r["key"], r["id"])
            parent[find(r["id"])] = find(other)
        for r in rels:
            for mate in new.cluster("relation", r["id"]):
                if mate in parent:
                    parent[find(r["id"])] = find(mate)
        groups: dict[str, list[dict]] = {}
        for r in rels:
            groups.setdefault(find(r["id"]), []).append(r)
        return sorted(groups.values(), key=lambda g: g[0]["id"])

    @staticmethod
    def _merged_relation(group: list[dict], view, published: dict) -> dict:
        first = group[0]
        if len(group) == 1 and view(first["subject_id"]) == first["subject_id"] \
                and view(first["object_id"]) == first["object_id"]:
            return first
        pred = schema().predicates[first["predicate"]]
        links: dict[str, dict] = {}
        for r in group:
            for sid, link in r["links"].items():
                mine = links.get(sid)
                if mine is None or link["seq"] > mine["seq"]:
                    links[sid] = dict(link)
        rep = min(group, key=lambda r: (min((lk["seq"] for lk in r["links"].values()), default=_INF), r["id"]))
        props = resolve_props(pred, rep["key_display"], links, published)
        key_display = props.get(pred.key) if pred.key else rep["key_display"]
        key = pred.properties[pred.key].kind.compare(key_display) if pred.key and key_display is not None else ""
        a, b = view(rep["subject_id"]), view(rep["object_id"])
        rid = relation_id(pred.name, a, b, key, pred.symmetric)
        for link in links.values():
            link["relation_id"] = rid
        return {"id": rid, "predicate": pred.name, "subject_id": a, "object_id": b, "key": key,
                "key_display": key_display, "props": props, "links": links}

    # ---- judgements -----------------------------------------------------------------------------

    def resolve_entity(self, ref: str, type_: str | None = None) -> list[dict]:
        """Base entities *ref* names: an id, else a name or alias."""
        rows = list(self.get_entities([ref]).values())
        if not rows:
            rows = self.find_entities([norm(ref)]).get(norm(ref), [])
        if type_:
            rows = [r for r in rows if r["type"] == type_]
        return rows

    def resolve_relation(self, ref: str) -> dict | None:
        """The base relation *ref* (an id as ``dedupe`` prints it) names: itself, or the oldest
        base relation of the merged relation it names."""
        rows = self.get_relations([ref])
        if rows:
            return rows[ref]
        view = self.w.get_relations([ref]).get(ref)
        if view is None:
            return None
        cache: dict = {}
        ends = set()
        for x in (view["subject_id"], view["object_id"]):
            ends |= self.j.cluster("entity", x)
        ids = set(self.w.kept_ids("relation", ["e:" + x for x in ends]))
        best = None
        for r in self.get_relations(sorted(ids)).values():
            if r["predicate"] != view["predicate"] or r["key"] != view["key"]:
                continue
            if {self._view_id(r["subject_id"], cache), self._view_id(r["object_id"], cache)} != \
                    {view["subject_id"], view["object_id"]}:
                continue
            if best is None or r["id"] < best["id"]:
                best = r
        return best

    def judge(self, row: dict) -> None:
        """Record the judgement *row* (``kind, a_id, b_id, judgement, time, note`` and names),
        replacing any judgement of the same pair, and derive the view again if clusters change."""
        jid = judgement_id(row["kind"], row["a_id"], row["b_id"])
        before = self.j.rows.get(jid)
        row = {**row, "seq": max((r.get("seq", 0) for r in self.j.rows.values()), default=0) + 1}
        old, new = self.j, self.j.changed(row)
        self.w.keep_rows("judgement", [(jid, row, [])])
        self.j = new
        if row["judgement"] == "same" or (before and before["judgement"] == "same"):
            self._derive(self._seeds(row), old, new)
        self.w.flush()

    def undo(self, jid: str) -> dict:
        """Remove the judgement *jid*; the clusters it joined split, and the view of what they
        touch is derived again."""
        row = self.j.rows[jid]
        old, new = self.j, self.j.changed(remove=jid)
        self.w.forget_rows("judgement", [jid])
        self.j = new
        if row["judgement"] == "same":
            self._derive(self._seeds(row), old, new)
        self.w.flush()
        return row

    def _seeds(self, row: dict) -> set[str]:
        if row["kind"] == "entity":
            return {row["a_id"], row["b_id"]}
        rels = self.get_relations([row["a_id"], row["b_id"]])
        return {x for r in rels.values() for x in (r["subject_id"], r["object_id"])}


def for_load(writer):
    """*writer*, or a :class:`ResolvingWriter` over it when the store holds judgements."""
    if not hasattr(writer, "kept_rows"):
        return writer
    rows = writer.kept_rows("judgement")
    return ResolvingWriter(writer, Judgements(rows)) if rows else writer


def finish_load(writer) -> list[str]:
    """End a load through :func:`for_load`'s writer: derive the view of what it touched."""
    return writer.finish() if isinstance(writer, ResolvingWriter) else []


def new_judgement(kind: str, judgement: str, first: dict, second: dict, note: str | None,
                  time: str | None = None, **extra) -> dict:
    """A judgement row between the base rows *first* and *second*; *extra* names them."""
    if judgement not in JUDGEMENTS:
        raise InvalidRecord(f"unknown judgement {judgement!r} (known: {', '.join(JUDGEMENTS)})")
    return {"kind": kind, "judgement": judgement, "a_id": first["id"], "b_id": second["id"], "time": time or _now(),
            "note": note, **extra}
