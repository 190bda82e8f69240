"""Judgements on a store: judge two entities or relations, undo, list, and share as JSON Lines.

The view they give is derived by :mod:`autokg.graph.resolution`; this module names things:
entities by a name or alias (or the id ``dedupe`` prints), relations by their id, and in a
shared file by their predicate, ends and key, so that a file written from one store replays on
another store that loaded the same facts, whatever the order of the loads.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from autokg.errors import AutokgError, InvalidRecord, UnknownEntity, UsageError
from autokg.graph.model import schema
from autokg.graph.normalize import relation_id
from autokg.graph.resolution import JUDGEMENTS, ResolvingWriter, judgement_id, new_judgement

__all__ = ["judge", "undo", "judgement_rows", "export_judgements", "import_judgements", "ImportReport",
           "JUDGEMENT_COLUMNS"]

JUDGEMENT_COLUMNS = ("judgement", "kind", "a", "b", "time", "note", "a_id", "b_id")
# the fields of a shared judgement, in the order a file shows them
_FILE_FIELDS = ("judgement", "kind", "type", "predicate", "a", "b", "subject", "object", "a_key", "b_key",
                "note", "time", "a_id", "b_id")


def _is_relation_ref(ref: str) -> bool:
    return ref.startswith("r:")


def _entities(rw: ResolvingWriter, a: str, b: str, type_: str | None = None) -> list[tuple[dict, dict]]:
    ra, rb = rw.resolve_entity(a, type_), rw.resolve_entity(b, type_)
    if not ra:
        raise UnknownEntity(a)
    if not rb:
        raise UnknownEntity(b)
    pairs = [(x, y) for x in ra for y in rb if x["type"] == y["type"]]
    if not pairs:
        raise InvalidRecord(f"{a!r} is a {ra[0]['type']} and {b!r} a {rb[0]['type']}: only entities of one "
                            "type can be judged")
    return pairs


def _relation_fields(rw: ResolvingWriter, ra: dict, rb: dict) -> dict:
    names = rw.get_entities([ra["subject_id"], ra["object_id"]])
    return {"predicate": ra["predicate"],
            "subject": names.get(ra["subject_id"], {}).get("name", ra["subject_id"]),
            "object": names.get(ra["object_id"], {}).get("name", ra["object_id"]),
            "a_key": ra["key_display"], "b_key": rb["key_display"]}


def _relation_label(row: dict, key: str | None) -> str:
    return f"{row['subject']} {row['predicate']} {row['object']} ({key if key is not None else 'no key'})"


def _pair(rw: ResolvingWriter, a: str, b: str, type_: str | None = None):
    """``(kind, a row, b row, extra fields)`` for the references *a* and *b*."""
    if _is_relation_ref(a) or _is_relation_ref(b):
        ra, rb = rw.resolve_relation(a), rw.resolve_relation(b)
        for ref, row in ((a, ra), (b, rb)):
            if row is None:
                raise UsageError(f"unknown relation {ref!r} (give the ids that autokg dedupe prints)")
        return "relation", ra, rb, _relation_fields(rw, ra, rb)
    x, y = _entities(rw, a, b, type_)[0]
    return "entity", x, y, {"type": x["type"], "a": x["name"], "b": y["name"]}


def _check_same(rw: ResolvingWriter, kind: str, ra: dict, rb: dict) -> None:
    if ra["id"] == rb["id"]:
        raise InvalidRecord(f"{ra.get('name', ra['id'])!r} and {rb.get('name', rb['id'])!r} are already one "
                            f"{'entity' if kind == 'entity' else 'relation'}")
    if kind == "relation":
        if ra["predicate"] != rb["predicate"]:
            raise InvalidRecord(f"a {ra['predicate']} relation and a {rb['predicate']} relation cannot be the same")
        cache: dict = {}
        ends = [{rw._view_id(r["subject_id"], cache), rw._view_id(r["object_id"], cache)} for r in (ra, rb)]
        if ends[0] != ends[1]:
            raise InvalidRecord("relations of different pairs of entities cannot be the same")


def judge(store, judgement: str, a: str, b: str, *, note: str | None = None, type_: str | None = None,
          time: str | None = None) -> dict:
    """Record that *a* and *b* (entity names or aliases, or ids as ``dedupe`` prints them) are
    ``same``, ``different`` or ``unsure``; returns the judgement with the ``warnings`` of the
    merge (relations dropped because they would join an entity to itself)."""
    if judgement not in JUDGEMENTS:
        raise UsageError(f"unknown judgement {judgement!r} (known: {', '.join(JUDGEMENTS)}, undo)")
    with store.transaction(atomic=True) as w:
        rw = ResolvingWriter(w)
        kind, ra, rb, extra = _pair(rw, a, b, type_)
        if kind == "relation":
            extra.update(a=_relation_label(extra, extra["a_key"]), b=_relation_label(extra, extra["b_key"]))
        _check_same(rw, kind, ra, rb)
        row = new_judgement(kind, judgement, ra, rb, note, time, **extra)
        rw.judge(row)
    return {**_public(row), "warnings": list(rw.warnings)}


def undo(store, a: str, b: str, *, type_: str | None = None) -> dict:
    """Remove the judgement between *a* and *b*: the store answers as if it had never been made."""
    with store.transaction(atomic=True) as w:
        rw = ResolvingWriter(w)
        if _is_relation_ref(a) or _is_relation_ref(b):
            kind, ra, rb, _ = _pair(rw, a, b)
            candidates = [(ra, rb)]
        else:
            kind = "entity"
            candidates = _entities(rw, a, b, type_)
        for x, y in candidates:
            jid = judgement_id(kind, x["id"], y["id"])
            if jid in rw.j.rows:
                row = rw.undo(jid)
                return {**_public(row), "warnings": list(rw.warnings)}
        raise InvalidRecord(f"no judgement between {a!r} and {b!r} (autokg judgements lists them)")


def _public(row: dict) -> dict:
    return {c: row.get(c) for c in JUDGEMENT_COLUMNS}


def _sorted_rows(store) -> list[dict]:
    return sorted(store.kept_rows("judgement").values(), key=lambda r: (r.get("seq", 0), r["kind"], r["a_id"], r["b_id"]))


def judgement_rows(store) -> list[dict]:
    """The judgements in the order they were made, as dicts keyed by :data:`JUDGEMENT_COLUMNS`."""
    return [_public(r) for r in _sorted_rows(store)]


def export_judgements(store, path: str) -> int:
    """Write the judgements to *path* (``-``: standard output) as JSON Lines; return how many."""
    import sys

    rows = _sorted_rows(store)
    lines = [json.dumps({k: r[k] for k in _FILE_FIELDS if r.get(k) is not None}, ensure_ascii=False) + "\n"
             for r in rows]
    if path == "-":
        sys.stdout.write("".join(lines))
    else:
        with open(path, "w", encoding="utf-8") as fp:
            fp.writelines(lines)
    return len(rows)


@dataclass
class ImportReport:
    read: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.rejected


def _resolve_shared(rw: ResolvingWriter, rec: dict):
    kind = rec.get("kind", "entity")
    if kind == "entity":
        for k in ("a", "b"):
            if not isinstance(rec.get(k), str):
                raise InvalidRecord(f"missing {k!r}: the name of an entity")
        found = []
        for k in ("a", "b"):
            rows = rw.resolve_entity(rec[k], rec.get("type"))
            if not rows and rec.get(f"{k}_id"):
                rows = rw.resolve_entity(rec[f"{k}_id"], rec.get("type"))
            if not rows:
                raise InvalidRecord(f"unknown entity {rec[k]!r}")
            found.append(rows)
        pairs = [(x, y) for x in found[0] for y in found[1] if x["type"] == y["type"]]
        if not pairs:
            raise InvalidRecord(f"{rec['a']!r} and {rec['b']!r} are not of one type")
        x, y = pairs[0]
        return "entity", x, y, {"type": x["type"], "a": x["name"], "b": y["name"]}
    if kind != "relation":
        raise InvalidRecord(f"unknown kind {kind!r} (known: entity, relation)")
    pred = schema().predicates.get(str(rec.get("predicate", "")).upper())
    if pred is None:
        raise InvalidRecord(f"unknown predicate {rec.get('predicate')!r}")
    ends = []
    for k in ("subject", "object"):
        if not isinstance(rec.get(k), str):
            raise InvalidRecord(f"missing {k!r}: the name of an entity")
        rows = [r for r in rw.resolve_entity(rec[k]) if r["type"] in getattr(pred, k)]
        if not rows:
            raise InvalidRecord(f"unknown entity {rec[k]!r}")
        ends.append(rows[0])
    rels = []
    for k in ("a", "b"):
        key = rec.get(f"{k}_key")
        keyc = pred.properties[pred.key].kind.compare(key) if pred.key and key is not None else ""
        rid = relation_id(pred.name, ends[0]["id"], ends[1]["id"], keyc, pred.symmetric)
        row = rw.get_relations([rid]).get(rid)
        if row is None and rec.get(f"{k}_id"):
            row = rw.resolve_relation(rec[f"{k}_id"])
        if row is None:
            raise InvalidRecord(f"unknown relation {rec['subject']!r} {pred.name} {rec['object']!r} "
                                f"({key if key is not None else 'no key'})")
        rels.append(row)
    extra = _relation_fields(rw, rels[0], rels[1])
    extra.update(a=_relation_label(extra, extra["a_key"]), b=_relation_label(extra, extra["b_key"]))
    return "relation", rels[0], rels[1], extra


def import_judgements(store, path: str) -> ImportReport:
    """Replay the judgements of the JSON Lines file *path* on *store*. A judgement the store
    already holds changes nothing; a line naming an unknown entity or relation is reported as
    ``FILE:LINE: reason`` and skipped while the others are applied."""
    report = ImportReport()
    try:
        with open(path, encoding="utf-8") as fp:
            lines = fp.readlines()
    except OSError as exc:
        raise AutokgError(f"{path}: {exc.strerror or exc}") from None
    with store.transaction(atomic=True) as w:
        rw = ResolvingWriter(w)
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            report.read += 1
            try:
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InvalidRecord(f"not JSON: {exc.msg}") from None
                if not isinstance(rec, dict):
                    raise InvalidRecord("a judgement is a JSON object")
                if rec.get("judgement") not in JUDGEMENTS:
                    raise InvalidRecord(f"unknown judgement {rec.get('judgement')!r} (known: {', '.join(JUDGEMENTS)})")
                kind, ra, rb, extra = _resolve_shared(rw, rec)
                if rec["judgement"] == "same":
                    _check_same(rw, kind, ra, rb)
                note = rec.get("note") if isinstance(rec.get("note"), str) else None
                time = rec.get("time") if isinstance(rec.get("time"), str) else None
                jid = judgement_id(kind, ra["id"], rb["id"])
                before = rw.j.rows.get(jid)
                if before is not None and before["judgement"] == rec["judgement"] and before.get("note") == note:
                    report.unchanged += 1
                    continue
                rw.judge(new_judgement(kind, rec["judgement"], ra, rb, note, time, **extra))
                if before is None:
                    report.new += 1
                else:
                    report.updated += 1
            except InvalidRecord as exc:
                report.rejected.append(f"{path}:{n}: {exc.reason}")
        report.warnings = list(rw.warnings)
    return report

