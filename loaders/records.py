"""Validation of fact and entity records against the vocabulary.

A reader yields raw records (dicts) with their place; :func:`validate` turns each into an
:class:`EntityRecord` or a :class:`Fact`, or raises :class:`~autokg.errors.InvalidRecord`
with a reason that names the thing and what is allowed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, make_dataclass
from typing import Any

from autokg.errors import InvalidRecord
from autokg.graph.model import schema
from autokg.graph.types import get_type
from autokg.graph.types import number as _number
from autokg.graph.types import text as _string

__all__ = ["EntityRecord", "Fact", "SourceRef", "validate"]


def _source_ref():
    """The fields a record gives about its source, one attribute per source field of the
    vocabulary (``schema.yaml``), each None when not given."""
    fields = tuple(schema().source_fields)

    def as_dict(self) -> dict:
        d = self.__dict__
        return {k: d[k] for k in fields if d[k] is not None}

    return make_dataclass("SourceRef", [(f, "str | None", field(default=None)) for f in fields],
                          frozen=True, namespace={"as_dict": as_dict, "__module__": __name__})


SourceRef = _source_ref()


@dataclass
class EntityRecord:
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    attrs: dict[str, Any] = field(default_factory=dict)
    where: str = ""


@dataclass
class Fact:
    predicate: str
    subject: str
    object: str
    source: SourceRef
    props: dict[str, Any] = field(default_factory=dict)  # claimed properties, key included
    subject_type: str | None = None
    object_type: str | None = None
    quote: str | None = None
    confidence: float = 1.0
    where: str = ""


_ENTITY_KEYS = frozenset(("entity", "type", "aliases"))
_FACT_KEYS = frozenset(("subject", "predicate", "object", "subject_type", "object_type", "source", "confidence"))


def _fmt_allowed(names) -> str:
    return ", ".join(sorted(names)) or "none"


def _absent(value: Any) -> bool:
    return value is None


def _entity(rec: dict) -> EntityRecord:
    s = schema()
    name = _string(rec.get("entity"), "entity")
    if _absent(rec.get("type")):
        raise InvalidRecord(f"entity record {name!r} has no type (one of {_fmt_allowed(s.entity_types)})")
    tname = _string(rec["type"], "type")
    etype = s.entity_types.get(tname) or next(
        (t for t in s.entity_types.values() if t.name.lower() == tname.lower()), None
    )
    if etype is None:
        raise InvalidRecord(f"unknown entity type {tname!r} (known: {_fmt_allowed(s.entity_types)})")
    aliases_raw = rec.get("aliases")
    aliases: list[str] = []
    if not _absent(aliases_raw):
        if isinstance(aliases_raw, str):
            aliases_raw = [aliases_raw]
        if not isinstance(aliases_raw, list):
            raise InvalidRecord("aliases must be a list of names")
        for i, a in enumerate(aliases_raw):
            aliases.append(_string(a, f"aliases[{i}]"))
    attrs = {}
    for key, value in rec.items():
        if key in _ENTITY_KEYS or _absent(value):
            continue
        prop = etype.attributes.get(key)
        if prop is None:
            raise InvalidRecord(
                f"unknown attribute {key!r} for {etype.name} "
                f"(allowed: {_fmt_allowed(etype.attributes)}, plus entity, type, aliases)"
            )
        attrs[key] = prop.kind.clean(value, key, prop)
    return EntityRecord(name=name, type=etype.name, aliases=aliases, attrs=attrs)


# Sources repeat from fact to fact: a source object already checked is looked up by its fields
# (its quote apart, checked every time). Bounded: emptied when full.
_SOURCE_CACHE: dict[tuple, SourceRef] = {}
_CLEAN_CACHE: dict[tuple, Any] = {}  # (predicate, property, raw text) -> the cleaned value
_CACHE_MAX = 50_000


def _source(value: Any) -> tuple[SourceRef, str | None]:
    if type(value) is dict:
        # text values only: 2024 and 2024.0 are equal keys, and only one of them is a valid date
        key = tuple([kv for kv in value.items() if kv[0] != "quote"])
        ref = None
        for _, v in key:
            if type(v) is not str:
                key = None
                break
        else:
            ref = _SOURCE_CACHE.get(key)
        if ref is not None:
            quote = value.get("quote")
            return ref, (None if quote is None else _string(quote, "source.quote"))
        ref, quote = _check_source(value)
        if key is not None:
            if len(_SOURCE_CACHE) >= _CACHE_MAX:
                _SOURCE_CACHE.clear()
            _SOURCE_CACHE[key] = ref
        return ref, quote
    return _check_source(value)


def _check_source(value: Any) -> tuple[SourceRef, str | None]:
    s = schema()
    if isinstance(value, str):
        url = value.strip()
        if not url:
            raise InvalidRecord("source must not be empty")
        return SourceRef(url=get_type("url").clean(url, "source")), None
    if not isinstance(value, dict):
        raise InvalidRecord("source must be an object with url or title, or a url string")
    fields: dict[str, Any] = {}
    quote = None
    for key, v in value.items():
        if _absent(v):
            continue
        if key == "quote":
            quote = _string(v, "source.quote")
            continue
        prop = s.source_fields.get(key)
        if prop is None:
            raise InvalidRecord(
                f"unknown key {key!r} in source (allowed: {_fmt_allowed(list(s.source_fields) + ['quote'])})"
            )
        fields[key] = prop.kind.clean(v, f"source.{key}", prop)
    if not fields.get("url") and not fields.get("title"):
        raise InvalidRecord("source needs a url or a title")
    return SourceRef(**fields), quote


def _fact(rec: dict) -> Fact:
    s = schema()
    subject, pname, obj = rec.get("subject"), rec.get("predicate"), rec.get("object")
    if subject is None or pname is None or obj is None:
        for key in ("subject", "predicate", "object"):
            if _absent(rec.get(key)):
                raise InvalidRecord(f"relation record has no {key}")
    subject = _string(subject, "subject")
    obj = _string(obj, "object")
    pname = _string(pname, "predicate")
    pred = s.predicate(pname)
    if pred is None:
        raise InvalidRecord(f"unknown predicate {pname!r} (known: {', '.join(s.predicates)})")
    types = {}
    for side, allowed in (("subject_type", pred.subject), ("object_type", pred.object)):
        if rec.get(side) is None:
            continue
        tname = _string(rec[side], side)
        t = next((t for t in s.entity_types if t.lower() == tname.lower()), None)
        if t is None:
            raise InvalidRecord(f"unknown {side} {tname!r} (known: {_fmt_allowed(s.entity_types)})")
        if t not in allowed:
            raise InvalidRecord(f"{side} {t} is not allowed for {pred.name} (allowed: {', '.join(allowed)})")
        types[side] = t
    if (
        pred.requires_one_of
        and types.get("subject_type", pred.requires_one_of) != pred.requires_one_of
        and types.get("object_type", pred.requires_one_of) != pred.requires_one_of
    ):
        raise InvalidRecord(f"{pred.name} needs a {pred.requires_one_of} on at least one side")
    if rec.get("source") is None:
        raise InvalidRecord("relation record has no source (an object with url or title, or a url)")
    source, quote = _source(rec["source"])
    confidence = 1.0
    raw = rec.get("confidence")
    if raw is not None:
        confidence = float(raw) if type(raw) is float and 0 <= raw <= 1 else _number(raw, "confidence")
        if not 0 <= confidence <= 1:
            raise InvalidRecord(f"confidence {rec['confidence']!r} must be between 0 and 1")
    props = {}
    for key, value in rec.items():
        if key in _FACT_KEYS or value is None:
            continue
        if type(value) is str:
            ckey = (pred.name, key, value)
            cleaned = _CLEAN_CACHE.get(ckey)
            if cleaned is not None:
                props[key] = cleaned
                continue
        else:
            ckey = None
        prop = pred.properties.get(key)
        if prop is None:
            raise InvalidRecord(
                f"property {key!r} is not allowed for {pred.name} (allowed: {_fmt_allowed(pred.properties)})"
            )
        props[key] = cleaned = prop.kind.clean(value, key, prop)
        if ckey is not None:
            if len(_CLEAN_CACHE) >= _CACHE_MAX:
                _CLEAN_CACHE.clear()
            _CLEAN_CACHE[ckey] = cleaned
    for key in pred.required:
        if key not in props:
            raise InvalidRecord(f"{pred.name} requires {key!r}")
    return Fact(pred.name, subject, obj, source, props, types.get("subject_type"), types.get("object_type"),
                quote, confidence)


def validate(rec: Any, where: str = "") -> EntityRecord | Fact:
    """Check one raw record; raise :class:`InvalidRecord` (with *where*) when it is bad."""
    try:
        if not isinstance(rec, dict):
            raise InvalidRecord(f"a record must be an object, not {type(rec).__name__}")
        is_entity = "entity" in rec
        is_fact = "subject" in rec or "predicate" in rec or "object" in rec
        if is_entity and is_fact:
            raise InvalidRecord("a record is either an entity (entity) or a relation (subject, predicate, object), not both")
        if is_entity:
            out = _entity(rec)
        elif is_fact:
            out = _fact(rec)
        else:
            raise InvalidRecord("a record needs entity (an entity record) or subject, predicate and object (a relation)")
    except InvalidRecord as exc:
        raise InvalidRecord(exc.reason, where) from None
    out.where = where
    return out
