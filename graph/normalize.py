"""How names, urls and dates are compared: the identity rules shared by both stores."""

from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import re
import unicodedata
from urllib.parse import urlsplit, urlunsplit

__all__ = ["norm", "canonical_url", "is_date", "source_id", "relation_id", "entity_id", "rank_key"]

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@functools.lru_cache(maxsize=65536)
def norm(name: str) -> str:
    """Names compare after NFKC normalisation, case folding and collapsing whitespace."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


@functools.lru_cache(maxsize=16384)
def is_date(value: str) -> bool:
    """True for ISO 8601 dates of reduced precision: YYYY, YYYY-MM or YYYY-MM-DD."""
    m = _DATE.match(value)
    if not m:
        return False
    year, month, day = m.groups()
    try:
        _dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return False
    return True


def canonical_url(url: str) -> str:
    """Scheme and host lower-cased, fragment and trailing slash dropped."""
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/")
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def _digest(text: str) -> str:
    # an identifier, not a security measure (ids must stay stable: changing the hash renames every row)
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]


@functools.lru_cache(maxsize=65536)
def source_id(url: str | None, title: str | None, publisher: str | None) -> str:
    """A source is a document: its canonical url, else its title and publisher."""
    if url:
        return "u:" + _digest(canonical_url(url))
    return "t:" + _digest(norm(title or "") + "\x1f" + norm(publisher or ""))


@functools.lru_cache(maxsize=65536)
def entity_id(type_: str, name: str) -> str:
    return f"{type_.lower()}:{_digest(norm(name))}"


def relation_id(predicate: str, subject_id: str, object_id: str, key: str, symmetric: bool) -> str:
    if symmetric and object_id < subject_id:
        subject_id, object_id = object_id, subject_id
    return "r:" + _digest("\x1f".join((predicate, subject_id, object_id, key)))


def rank_key(published: str | None, confidence: float, seq: int) -> tuple:
    """Precedence of a claim: latest published date, then confidence, then the later record.

    An undated source ranks before every dated one; a reduced-precision date ranks before the
    more precise dates inside it (``2025`` < ``2025-01`` < ``2025-02-13``), which is exactly the
    string order of ISO dates.
    """
    return (published or "", confidence, seq)
