"""Validation of fact and entity records against the vocabulary.

A reader yields raw records (dicts) with their place; :func:`validate` turns each into an
:class:`EntityRecord` or a :class:`Fact`, or raises :class:`~autokg.errors.InvalidRecord`
with a reason that names the thing and what is allowed.
"""

from __future__ import annotations

import datetime as _dt
import math
from dataclasses import dataclass, field
from typing import Any

from autokg.errors import InvalidRecord
from autokg.graph.model import Property, schema
from autokg.graph.normalize import is_date

__all__ = ["EntityRecord", "Fact", "SourceRef", "validate"]


@dataclass(frozen=True)
class SourceRef:
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: str | None = None
    lang: str | None = None

    def as_dict(self) -> dict:
        d = self.__dict__
        return {k: d[k] for k in _SOURCE_FIELDS if d[k] is not None}


_SOURCE_FIELDS = ("url", "title", "publisher", "author", "published", "lang")


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


def _unicode(text: str, what: str) -> str:
    """*text*, unless it holds a lone surrogate (JSON and YAML escapes such as ``\\ud800`` can make
    one): no store and no output file can encode it."""
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise InvalidRecord(f"{what} is not valid Unicode (a lone surrogate {text[exc.start]!r} at "
                                f"character {exc.start + 1})") from None
    return text


def _string(value: Any, what: str) -> str:
    if type(value) is str:  # the common case, kept fast
        text = value.strip()
        if text and "\n" not in text and "\t" not in text:
            return _unicode(text, what)
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise InvalidRecord(f"{what} must be a string, not {type(value).__name__}")
    if not isinstance(value, str):
        raise InvalidRecord(f"{what} must be a string, not a number ({value!r})")
    text = " ".join(value.split()) if "\n" in value or "\t" in value else value.strip()
    if not text:
        raise InvalidRecord(f"{what} must not be empty")
    return _unicode(text, what)


def _date(value: Any, what: str) -> str:
    if isinstance(value, _dt.datetime):
        value = value.date().isoformat()
    elif isinstance(value, _dt.date):  # YAML reads 2024-04-30 as a date
        value = value.isoformat()
    elif isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        value = str(value)  # a bare year
    if not isinstance(value, str):
        raise InvalidRecord(f"{what} must be a date (YYYY, YYYY-MM or YYYY-MM-DD), not {value!r}")
    value = value.strip()
    if not is_date(value):
        raise InvalidRecord(f"{what} {value!r} is not a valid date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


def _number(value: Any, what: str) -> float:
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            raise InvalidRecord(f"{what} must be a number, not {value!r}") from None
    try:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise InvalidRecord(f"{what} must be a number, not {value!r}")
        return float(value)
    except OverflowError:  # an integer beyond float range (hundreds of digits)
        raise InvalidRecord(f"{what} must be a number, not an integer of {value.bit_length()} bits "
                            "(beyond the range of a float)") from None


def _typed(prop: Property, value: Any, what: str) -> Any:
    s = schema()
    if prop.type == "string":
        return _string(value, what)
    if prop.type == "date":
        return _date(value, what)
    if prop.type == "country":
        code = _string(value, what).upper()
        if code not in s.countries:
            raise InvalidRecord(f"{what} {value!r} is not an ISO 3166-1 alpha-2 country code (e.g. FR, CN, US)")
        return code
    if prop.type == "wikidata":
        text = _string(value, what)
        if not (text[:1] in "Qq" and text[1:].isdigit()):
            raise InvalidRecord(f"{what} {value!r} is not a Wikidata id (e.g. Q6686)")
        return "Q" + text[1:]
    if prop.type == "status":
        text = _string(value, what).lower()
        if text not in s.statuses:
            raise InvalidRecord(f"{what} {value!r} is not one of {', '.join(s.statuses)}")
        return text
    if prop.type == "number":
        x = _number(value, what)
        if prop.min_exclusive is not None and not x > prop.min_exclusive:
            raise InvalidRecord(f"{what} {value!r} must be greater than {prop.min_exclusive:g}")
        if prop.max is not None and not x <= prop.max:
            raise InvalidRecord(f"{what} {value!r} must be at most {prop.max:g}")
        return int(x) if x.is_integer() else x
    raise AssertionError(f"schema.yaml: unknown property type {prop.type}")


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
        attrs[key] = _typed(prop, value, key)
    return EntityRecord(name=name, type=etype.name, aliases=aliases, attrs=attrs)


def _url(url: str, what: str) -> str:
    """*url*, if sources can be identified by it (an unclosed ``[`` of an IPv6 host made the merge
    crash)."""
    from urllib.parse import urlsplit

    try:
        urlsplit(url)
    except ValueError as exc:
        raise InvalidRecord(f"{what} {url!r} is not a valid URL ({exc})") from None
    return url


def _source(value: Any) -> SourceRef:
    s = schema()
    if isinstance(value, str):
        url = value.strip()
        if not url:
            raise InvalidRecord("source must not be empty")
        _unicode(url, "source")
        return SourceRef(url=_url(url, "source")), None
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
        kind = s.source_keys.get(key)
        if kind is None:
            raise InvalidRecord(
                f"unknown key {key!r} in source (allowed: {_fmt_allowed(list(s.source_keys) + ['quote'])})"
            )
        fields[key] = _date(v, f"source.{key}") if kind == "date" else _string(v, f"source.{key}")
    if not fields.get("url") and not fields.get("title"):
        raise InvalidRecord("source needs a url or a title")
    if fields.get("url"):
        _url(fields["url"], "source.url")
    return SourceRef(**fields), quote


def _fact(rec: dict) -> Fact:
    s = schema()
    for key in ("subject", "predicate", "object"):
        if _absent(rec.get(key)):
            raise InvalidRecord(f"relation record has no {key}")
    subject = _string(rec["subject"], "subject")
    obj = _string(rec["object"], "object")
    pname = _string(rec["predicate"], "predicate")
    pred = s.predicate(pname)
    if pred is None:
        raise InvalidRecord(f"unknown predicate {pname!r} (known: {', '.join(s.predicates)})")
    types = {}
    for side, allowed in (("subject_type", pred.subject), ("object_type", pred.object)):
        if _absent(rec.get(side)):
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
    if _absent(rec.get("source")):
        raise InvalidRecord("relation record has no source (an object with url or title, or a url)")
    source, quote = _source(rec["source"])
    confidence = 1.0
    if not _absent(rec.get("confidence")):
        confidence = _number(rec["confidence"], "confidence")
        if not 0 <= confidence <= 1:
            raise InvalidRecord(f"confidence {rec['confidence']!r} must be between 0 and 1")
    props = {}
    for key, value in rec.items():
        if key in _FACT_KEYS or _absent(value):
            continue
        prop = pred.properties.get(key)
        if prop is None:
            raise InvalidRecord(
                f"property {key!r} is not allowed for {pred.name} (allowed: {_fmt_allowed(pred.properties)})"
            )
        props[key] = _typed(prop, value, key)
    for key in pred.required:
        if key not in props:
            raise InvalidRecord(f"{pred.name} requires {key!r}")
    return Fact(
        predicate=pred.name,
        subject=subject,
        object=obj,
        source=source,
        props=props,
        subject_type=types.get("subject_type"),
        object_type=types.get("object_type"),
        quote=quote,
        confidence=confidence,
    )


def validate(rec: Any, where: str = "") -> EntityRecord | Fact:
    """Check one raw record; raise :class:`InvalidRecord` (with *where*) when it is bad."""
    try:
        if not isinstance(rec, dict):
            raise InvalidRecord(f"a record must be an object, not {type(rec).__name__}")
        is_entity = "entity" in rec
        is_fact = any(k in rec for k in ("subject", "predicate", "object"))
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
