"""The merge rules, in one place, above the store protocol.

:class:`Merger` takes validated entity records and facts, resolves names through aliases,
merges entities, relations, sources and links, resolves each relation's properties by source
precedence, and writes rows through a :class:`~autokg.graph.store.Writer`. Both stores are fed
by this class, so they hold the same graph for the same input.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, NamedTuple

from autokg.errors import InvalidRecord
from autokg.graph.evidence import name_forms, quote_problem
from autokg.graph.model import Predicate, schema
from autokg.graph.normalize import entity_id, norm, rank_key, relation_id, source_id

__all__ = ["Merger", "Counts", "IdSet", "resolve_props"]


class IdSet:
    """A set of ids that keeps 12 to 24 bytes per id, for the load summary of a large load.

    An id is kept as its 64-bit ``hash()`` (stable within the process, which is all a summary
    needs), in an open-addressing table of 64-bit integers (linear probing, at most two thirds
    full, doubled when it would be fuller): a lookup reads one or a few slots. Two distinct ids of
    one load would count once only if their 64-bit hashes collided (about one chance in 10^7 for
    millions of ids); a hash of 0 (the empty slot) is kept as 1.
    """

    __slots__ = ("_table", "_mask", "_len")

    def __init__(self, ids: Iterable[str] = ()):
        self._table = array("q", bytes(8 * 1024))
        self._mask = 1023
        self._len = 0
        for i in ids:
            self.add(i)

    def _has(self, h: int) -> bool:
        h = h or 1
        t, m = self._table, self._mask
        i = h & m
        while True:
            x = t[i]
            if x == h:
                return True
            if not x:
                return False
            i = (i + 1) & m

    def _add(self, h: int) -> None:
        h = h or 1
        t, m = self._table, self._mask
        i = h & m
        while True:
            x = t[i]
            if x == h:
                return
            if not x:
                break
            i = (i + 1) & m
        t[i] = h
        self._len += 1
        if 3 * self._len > 2 * m:
            self._grow()

    def _grow(self) -> None:
        old = self._table
        m = self._mask = 2 * self._mask + 1
        t = self._table = array("q", bytes(8 * (m + 1)))
        for h in old:
            if h:
                i = h & m
                while t[i]:
                    i = (i + 1) & m
                t[i] = h

    def add(self, item: str) -> None:
        self._add(hash(item))

    def __contains__(self, item: str) -> bool:
        return self._has(hash(item))

    def __len__(self) -> int:
        return self._len

    def _hashes(self) -> Iterator[int]:
        return (h for h in self._table if h)

    def absorb(self, other: "IdSet", unless: "IdSet | None" = None) -> None:
        """Add the ids of *other*, except those in *unless*."""
        if not self and not unless:  # the first load of a report: a copy
            self._table, self._mask, self._len = array("q", other._table), other._mask, other._len
            return
        for h in other._hashes():
            if unless is None or not unless._has(h):
                self._add(h)

    def count_outside(self, *others: "IdSet") -> int:
        """How many of these ids are in none of *others*."""
        return sum(1 for h in self._hashes() if not any(o._has(h) for o in others))


@dataclass
class Counts:
    """What a load did to one kind of row: ids created, ids changed, and ids of existing rows
    met again (each id is kept once where it matters: a new id is not also kept as touched).
    The ids are kept compactly (:class:`IdSet`), so a summary of millions of rows stays small."""

    new: IdSet = field(default_factory=IdSet)
    updated: IdSet = field(default_factory=IdSet)
    touched: IdSet = field(default_factory=IdSet)

    def absorb(self, other: "Counts") -> None:
        self.new.absorb(other.new)
        self.updated.absorb(other.updated, unless=self.new)
        self.touched.absorb(other.touched)

    def summary(self) -> dict[str, int]:
        updated = self.updated.count_outside(self.new)
        return {
            "new": len(self.new),
            "updated": updated,
            # touched ids neither new nor updated (updated ones may be new: count_outside)
            "unchanged": self.touched.count_outside(self.new, self.updated),
        }


def resolve_props(pred: Predicate, key_display: str | None, links: dict, published: dict) -> dict:
    """A relation's properties: for each claimed property the value of the winning claim.

    The winner is the claim of the source with the latest ``published`` date, then the higher
    confidence, then the later record. *published* maps source id to its date (or None).
    """
    props: dict = {}
    # The key compares normalised; its spelling, like every other property, is the one of the
    # winning claim, so the result does not depend on record order.
    names = ((pred.key,) if pred.key else ()) + pred.claim_properties
    if len(links) == 1:  # one claim wins every property it makes (most relations have one source)
        claims = next(iter(links.values()))["claims"]
        props = {name: claims[name] for name in names if name in claims}
        names = ()
    for name in names:
        best = None
        for sid, link in links.items():
            if name in link["claims"]:
                rank = rank_key(published.get(sid), link["confidence"], link["seq"])
                if best is None or rank > best[0]:
                    best = (rank, link["claims"][name])
        if best is not None:
            props[name] = best[1]
    if pred.key and pred.key not in props and key_display is not None:
        props[pred.key] = key_display
    if pred.has_status and "status" not in props:
        props["status"] = schema().default_status
    return props


CACHE_ROWS = 50_000  # entities, or sources, a Merger keeps between batches at most


class _Plan(NamedTuple):
    """One fact with both ends resolved: what a batch merges."""

    fact: Any
    predicate: Predicate
    subject: dict
    object: dict
    key: str
    key_display: str | None
    relation_id: str
    source_id: str


@dataclass
class _Batch:
    """What one batch of plans read and changed, until it is written."""

    rels: dict[str, dict]  # relation id -> row with its links, for every relation the batch touches
    sources: dict[str, dict] = field(default_factory=dict)  # source id -> row to write
    links: dict[tuple, dict] = field(default_factory=dict)  # (relation id, source id) -> link to write
    changed: set[str] = field(default_factory=set)  # relations whose claims changed
    republished: set[str] = field(default_factory=set)  # sources whose date changed
    created: set[str] = field(default_factory=set)  # sources this batch created


class Merger:
    """Merge records into a store through *writer*.

    *declared_types* maps the compared form of every name declared by an entity record anywhere
    in this load to the set of its types, so that a relation may name an entity declared in a
    later file. *declared_names* maps ``(type, compared name)`` to the compared names declared
    with it, so that a quote may name an entity by an alias declared in a later file.

    A fact whose quote does not name both of its ends (:mod:`autokg.graph.evidence`) adds a
    warning, ``FILE:LINE: warning: the quote does not name 'X'``; with *strict_quotes* it is
    rejected instead.
    """

    def __init__(self, writer, declared_types: dict[str, set[str]] | None = None, batch_size: int = 2000, *,
                 declared_names: dict[tuple[str, str], set[str]] | None = None, strict_quotes: bool = False):
        self.w = writer
        self.schema = schema()
        self.declared_types = declared_types or {}
        self.declared_names = declared_names or {}
        self.strict_quotes = strict_quotes
        self.batch_size = batch_size
        self.entities = Counts()
        self.relations = Counts()
        self.sources = Counts()
        self._ents: dict[str, dict] = {}  # id -> row, for every entity seen in this transaction
        self._by_norm: dict[str, list[str]] = {}  # compared name -> entity ids
        self._src: dict[str, dict] = {}  # id -> source row
        self._pending: list = []
        self._dirty_ents: set[str] = set()
        self.warnings: list[str] = []
        self._resolved: dict[str, dict[tuple, dict]] = {}  # compared name -> resolutions of it
        self._src_ref: dict[str, object] = {}  # source id -> the last SourceRef merged
        self._forms: dict[tuple, frozenset[str]] = {}  # (id, name, number of aliases) -> names to quote

    # ---- entities -----------------------------------------------------------------------

    def _lookup(self, norms) -> None:
        missing = [n for n in set(norms) if n not in self._by_norm]
        if not missing:
            return
        found = self.w.find_entities(missing)
        for n in missing:
            ids = []
            for row in found.get(n, []):
                self._ents.setdefault(row["id"], row)
                ids.append(row["id"])
            self._by_norm[n] = ids

    def _index(self, row: dict) -> None:
        for name in [row["name"], *row["aliases"]]:
            self._resolved.pop(norm(name), None)  # what this name resolves to may change
            ids = self._by_norm.setdefault(norm(name), [])
            if row["id"] not in ids:
                ids.append(row["id"])

    def _unindex(self, row: dict) -> None:
        for name in [row["name"], *row["aliases"]]:
            self._resolved.pop(norm(name), None)
            ids = self._by_norm.get(norm(name), [])
            if row["id"] in ids:
                ids.remove(row["id"])

    def _new_entity(self, type_: str, name: str, declared: bool) -> dict:
        # Ids derive from the first name; every name stays in the alias index after a merge,
        # so the same type and name can never be created twice.
        eid = entity_id(type_, name)
        row = {"id": eid, "type": type_, "name": name, "declared": declared, "aliases": [], "attrs": {}}
        self._ents[eid] = row
        self._index(row)
        self.entities.new.add(eid)
        self.entities.touched.add(eid)
        self._dirty_ents.add(eid)
        return row

    def apply_entity(self, rec) -> None:
        """Merge one entity record; raise :class:`InvalidRecord` on an alias conflict."""
        self.flush()
        names = [rec.name, *rec.aliases]
        self._lookup(norm(n) for n in names)
        matched: list[dict] = []
        for n in names:
            for eid in self._by_norm.get(norm(n), []):
                row = self._ents[eid]
                if row["type"] == rec.type and row not in matched:
                    matched.append(row)
        declared = [r for r in matched if r["declared"]]
        if len(declared) > 1:
            owner = declared[1]
            alias = next(n for n in names if norm(n) in {norm(x) for x in [owner["name"], *owner["aliases"]]})
            raise InvalidRecord(
                f"alias {alias!r} already belongs to {rec.type} {owner['name']!r}, "
                f"not to {declared[0]['name']!r}"
            )
        target = declared[0] if declared else (matched[0] if matched else None)
        if target is None:
            target = self._new_entity(rec.type, rec.name, True)
        before = (target["name"], target["declared"], list(target["aliases"]), dict(target["attrs"]))
        for other in matched:
            if other is not target:
                self._merge_into(target, other, rec.where)
        if not target["declared"]:
            target["declared"] = True
            target["name"] = rec.name
        known = {norm(x) for x in [target["name"], *target["aliases"]]}
        for n in names:
            if norm(n) not in known:
                target["aliases"].append(n)
                known.add(norm(n))
        target["attrs"].update(rec.attrs)
        self._unindex(target)
        self._index(target)
        self.entities.touched.add(target["id"])
        if before != (target["name"], target["declared"], target["aliases"], target["attrs"]):
            self.entities.updated.add(target["id"])
            self._dirty_ents.add(target["id"])
        self._write_entities()

    def _merge_into(self, target: dict, other: dict, where: str = "") -> None:
        """Fold the implicit entity *other* into *target*, re-keying its relations."""
        self._unindex(other)
        known = {norm(x) for x in [target["name"], *target["aliases"]]}
        for n in [other["name"], *other["aliases"]]:
            if norm(n) not in known:
                target["aliases"].append(n)
                known.add(norm(n))
        self._write_entities()
        rel_ids = self.w.relation_ids_touching(other["id"])
        old = self.w.get_relations(rel_ids)
        moved: dict[str, dict] = {}
        for rel in sorted(old.values(), key=lambda r: r["id"]):
            pred = self.schema.predicates[rel["predicate"]]
            s = target["id"] if rel["subject_id"] == other["id"] else rel["subject_id"]
            o = target["id"] if rel["object_id"] == other["id"] else rel["object_id"]
            if s == o:
                # Both ends are now one entity: a relation of a company with itself says nothing.
                a, b = (self._ents.get(i, {}).get("name", i) for i in (rel["subject_id"], rel["object_id"]))
                if rel["subject_id"] == other["id"]:
                    a = other["name"]
                if rel["object_id"] == other["id"]:
                    b = other["name"]
                self.warnings.append(
                    f"{where}: warning: dropped {rel['predicate']} between {a!r} and {b!r} "
                    f"({len(rel['links'])} source(s)): both are now {target['type']} {target['name']!r}")
                continue
            new_id = relation_id(rel["predicate"], s, o, rel["key"], pred.symmetric)
            moved.setdefault(new_id, {**rel, "id": new_id, "subject_id": s, "object_id": o, "links": {}})
            self._fold_links(moved[new_id]["links"], rel["links"])
        self.w.delete_relations(sorted(old))
        existing = self.w.get_relations([i for i in moved if i not in old])
        rels = []
        for new_id, rel in moved.items():
            cur = existing.get(new_id)
            if cur is not None:
                self._fold_links(cur["links"], rel["links"])
                rel = cur
            for link in rel["links"].values():
                link["relation_id"] = new_id
            rel["props"] = None  # force a rewrite: the relation moved
            self.relations.touched.add(new_id)
            self.relations.updated.add(new_id)
            rels.append(rel)
        self._finish_relations(rels)
        links = [link for rel in rels for link in rel["links"].values()]
        if links:
            self.w.put_links(links)
        self.w.delete_entities([other["id"]])
        self._ents.pop(other["id"], None)
        self.entities.updated.add(target["id"])
        self._dirty_ents.add(target["id"])
        self.w.flush()

    @staticmethod
    def _fold_links(into: dict, links: dict) -> None:
        """Two relations became one: per source, the later record's link stands."""
        for sid, link in links.items():
            mine = into.get(sid)
            if mine is None or link["seq"] > mine["seq"]:
                into[sid] = dict(link)

    def _resolve_name(self, name: str, given: str | None, allowed: tuple[str, ...], side: str, pred: Predicate):
        n = norm(name)
        rows = [self._ents[i] for i in self._by_norm.get(n, [])]
        if given:
            rows = [r for r in rows if r["type"] == given]
            return rows[0] if rows else self._new_entity(given, name, False)
        fitting = [r for r in rows if r["type"] in allowed]
        if len(fitting) == 1:
            return fitting[0]
        if len(fitting) > 1:
            types = " and a ".join(r["type"] for r in fitting)
            raise InvalidRecord(f"{side} {name!r} names a {types}; set {side}_type")
        declared = [t for t in allowed if t in self.declared_types.get(n, ())]
        if len(declared) == 1:
            return self._new_entity(declared[0], name, False)
        if rows:
            r = rows[0]
            raise InvalidRecord(
                f"{side} {name!r} is a {r['type']}, but the {side} of {pred.name} must be "
                f"{' or '.join(allowed)}"
            )
        if len(allowed) == 1:
            return self._new_entity(allowed[0], name, False)
        raise InvalidRecord(
            f"{side} {name!r} is not a known entity; set {side}_type to {' or '.join(allowed)}"
        )

    def _resolve_cached(self, name, given, allowed, side, pred):
        # Names repeat across facts; a resolution stands until the index changes for that
        # compared name (_index and _unindex drop it), whatever changed it: an entity record,
        # an alias merge, or an entity created by another fact.
        n = norm(name)
        key = (given, allowed, side)
        row = self._resolved.get(n, {}).get(key)
        if row is None:
            row = self._resolve_name(name, given, allowed, side, pred)
            self._resolved.setdefault(n, {})[key] = row
        return row

    def _write_entities(self) -> None:
        if self._dirty_ents:
            self.w.put_entities([self._ents[i] for i in sorted(self._dirty_ents) if i in self._ents])
            self._dirty_ents.clear()

    # ---- facts --------------------------------------------------------------------------

    def add_fact(self, fact) -> list[InvalidRecord]:
        """Queue a fact; returns the records rejected by the batch this fact completed."""
        self._pending.append(fact)
        if len(self._pending) >= self.batch_size:
            return self.flush()
        return []

    def flush(self) -> list[InvalidRecord]:
        """Merge the queued facts; return the ones rejected while resolving names.

        The steps: resolve both ends of each fact into a :class:`_Plan`; read the relations and
        sources the plans touch; merge each plan's source and claim; write the sources; resolve
        and write the relations whose claims changed; write the claims (links).
        """
        facts, self._pending = self._pending, []
        if not facts:
            return []
        self._bound_caches()
        plans, rejected = self._plan(facts)
        self._write_entities()
        batch = _Batch(rels=self.w.get_relations({p.relation_id for p in plans}))
        self._read_sources({p.source_id for p in plans}
                           | {sid for r in batch.rels.values() for sid in r["links"]})
        seq = self.w.next_seq(len(plans)) if plans else 0
        for i, plan in enumerate(plans):
            self._merge_source(plan, batch)
            self._merge_claim(plan, batch, seq + i)
        self._write_batch(batch)
        return rejected

    def _bound_caches(self) -> None:
        """Between batches every row the caches hold is written, so a cache grown past
        :data:`CACHE_ROWS` rows is emptied: the batches that follow read again what they need.
        This keeps the memory of a large load bounded, whatever the size of the file."""
        if len(self._src) > CACHE_ROWS:
            self._src.clear()
            self._src_ref.clear()
        if len(self._ents) > CACHE_ROWS and not self._dirty_ents:
            self._ents.clear()
            self._by_norm.clear()
            self._resolved.clear()
            self._forms.clear()

    def _plan(self, facts: list) -> tuple[list[_Plan], list[InvalidRecord]]:
        """Resolve the ends of *facts*; the ones that cannot be resolved are rejected."""
        self._lookup(norm(n) for f in facts for n in (f.subject, f.object))
        plans: list[_Plan] = []
        rejected: list[InvalidRecord] = []
        for f in facts:
            pred = self.schema.predicates[f.predicate]
            try:
                s = self._resolve_cached(f.subject, f.subject_type, pred.subject, "subject", pred)
                o = self._resolve_cached(f.object, f.object_type, pred.object, "object", pred)
                if s["id"] == o["id"]:
                    raise InvalidRecord(f"subject and object are the same {s['type']} {s['name']!r}")
                if pred.requires_one_of and pred.requires_one_of not in (s["type"], o["type"]):
                    raise InvalidRecord(f"{pred.name} needs a {pred.requires_one_of} on at least one side")
            except InvalidRecord as exc:
                rejected.append(InvalidRecord(exc.reason, f.where))
                continue
            if f.quote is not None:
                problem = quote_problem(f.quote, ((s["name"], self._quote_forms(s)), (o["name"], self._quote_forms(o))))
                if problem is not None:
                    if self.strict_quotes:
                        rejected.append(InvalidRecord(problem, f.where))
                        continue
                    self.warnings.append(f"{f.where}: warning: {problem}")
            key_display = f.props.get(pred.key) if pred.key else None
            # the key compares in its type's compared form (a string: normalised)
            key = pred.properties[pred.key].kind.compare(key_display) if key_display is not None else ""
            plans.append(_Plan(
                fact=f, predicate=pred, subject=s, object=o, key=key, key_display=key_display,
                relation_id=relation_id(pred.name, s["id"], o["id"], key, pred.symmetric),
                source_id=source_id(f.source.url, f.source.title, f.source.publisher)))
        return plans, rejected

    def _quote_forms(self, row: dict) -> frozenset[str]:
        """The names a quote may give *row*'s entity: its own, and those declared with them
        anywhere in this load. (The name a fact wrote is one of its own: names resolve by their
        compared form.)"""
        # A row only gains aliases and changes its name when declared, so its name and number
        # of aliases tell whether the forms computed before still hold.
        key = (row["id"], row["name"], len(row["aliases"]))
        forms = self._forms.get(key)
        if forms is None:
            names = [row["name"], *row["aliases"]]
            for n in names[:]:
                names.extend(self.declared_names.get((row["type"], norm(n)), ()))
            forms = self._forms[key] = name_forms(row["type"], tuple(names))
        return forms

    def _read_sources(self, ids: set[str]) -> None:
        """Make sure the source rows of *ids* are known (read those not seen yet)."""
        missing = [s for s in ids if s not in self._src]
        if missing:
            self._src.update(self.w.get_sources(missing))

    def _merge_source(self, plan: _Plan, batch: _Batch) -> None:
        """Create or update the source *plan* cites, counting what changed."""
        f, sid = plan.fact, plan.source_id
        src = self._src.get(sid)
        if src is not None and self._src_ref.get(sid) == f.source:
            if sid not in self.sources.new:
                self.sources.touched.add(sid)
        elif src is None:
            src = self._src[sid] = {"id": sid, **f.source.as_dict()}
            self.sources.new.add(sid)
            batch.sources[sid] = src
            batch.created.add(sid)
        else:
            if sid not in self.sources.new:
                self.sources.touched.add(sid)
            changed = {k: v for k, v in f.source.as_dict().items() if src.get(k) != v}
            if changed:
                if "published" in changed and sid not in batch.created:
                    # claim precedence may change in relations already written: stored ones, or
                    # those an earlier batch of this load wrote
                    batch.republished.add(sid)
                src.update(changed)
                self.sources.updated.add(sid)
                batch.sources[sid] = src
        self._src_ref[sid] = f.source

    def _merge_claim(self, plan: _Plan, batch: _Batch, seq: int) -> None:
        """Create the relation of *plan* if new, and record or update its source's claim."""
        f, rid, sid = plan.fact, plan.relation_id, plan.source_id
        rel = batch.rels.get(rid)
        if rel is None:
            rel = batch.rels[rid] = {
                "id": rid, "predicate": plan.predicate.name, "subject_id": plan.subject["id"],
                "object_id": plan.object["id"], "key": plan.key, "key_display": plan.key_display,
                "props": None, "links": {},
            }
            self.relations.new.add(rid)
            batch.changed.add(rid)
        else:
            self.relations.touched.add(rid)
        claims = dict(f.props)
        old = rel["links"].get(sid)
        if old is None:
            link = {"relation_id": rid, "source_id": sid, "quote": f.quote,
                    "confidence": f.confidence, "seq": seq, "claims": claims}
        else:
            link = {**old, "claims": {**old["claims"], **claims},
                    "quote": f.quote if f.quote is not None else old["quote"],
                    "confidence": f.confidence}
            if (link["claims"], link["quote"], link["confidence"]) == (old["claims"], old["quote"], old["confidence"]):
                return
            link["seq"] = seq
        rel["links"][sid] = link
        batch.links[(rid, sid)] = link
        batch.changed.add(rid)
        if rid not in self.relations.new:
            self.relations.updated.add(rid)

    def _write_batch(self, batch: _Batch) -> None:
        """Write the batch's sources, the relations whose claims changed, and the claims."""
        for sid in batch.republished:
            citing = self.w.relation_ids_citing(sid)
            batch.rels.update(self.w.get_relations([r for r in citing if r not in batch.rels]))
            batch.changed.update(citing)
        if batch.sources:
            self.w.put_sources(list(batch.sources.values()))
        self._read_sources({sid for rid in batch.changed for sid in batch.rels[rid]["links"]})
        self._finish_relations([batch.rels[r] for r in sorted(batch.changed)])
        if batch.links:
            self.w.put_links(list(batch.links.values()))
        self.w.flush()

    def _finish_relations(self, rels: list[dict]) -> None:
        """Resolve the properties of *rels* and write those whose properties changed."""
        need = {sid for r in rels for sid in r["links"] if sid not in self._src}
        if need:
            self._src.update(self.w.get_sources(need))
        published = {sid: (self._src.get(sid) or {}).get("published") for r in rels for sid in r["links"]}
        out = []
        for rel in rels:
            pred = self.schema.predicates[rel["predicate"]]
            props = resolve_props(pred, rel["key_display"], rel["links"], published)
            if props != rel.get("props"):
                if rel.get("props") is not None or rel["id"] not in self.relations.new:
                    self.relations.updated.add(rel["id"])
                rel["props"] = props
                if pred.key:
                    rel["key_display"] = props.get(pred.key)
                out.append(rel)
        if out:
            self.w.put_relations(out)
