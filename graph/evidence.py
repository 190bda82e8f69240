"""The evidence rules: when a quote supports its relation, and which relations lack support.

A quote supports a relation when it names both parties. An entity is named by any of its names
(its display name and every alias), and a Person also by the last word of each name (the family
name). Names compare as the merge rules compare them (:func:`~autokg.graph.normalize.norm`:
NFKC, case folding, collapsed whitespace) and only as whole words: "Geely" is not named by
"Geelyx". The loaders warn about (or, with strict quotes, reject) a quote that does not name both
parties; :func:`review` lists every such relation in a store, with the relations that no source
quotes and those whose sources are all undated.

These are plain functions over names and rows; :func:`review_store` reads a store only through
the methods of the store protocol.
"""

from __future__ import annotations

import functools
from typing import Iterable

from autokg.graph.normalize import norm

__all__ = ["CHECK_COLUMNS", "NO_QUOTE", "UNDATED", "name_forms", "entity_forms", "names", "quote_problem", "review",
           "review_store"]

CHECK_COLUMNS = ("predicate", "subject", "object", "url", "problem")

NO_QUOTE = "no source quotes it"
UNDATED = "no source is dated"

# Entity types named also by the last word of each of their names.
_FAMILY_NAME_TYPES = frozenset({"Person"})

# Scripts written without spaces between words: there, a name is a word wherever it stands.
_SPACELESS = ((0x3040, 0x30FF),     # Hiragana, Katakana
              (0x3400, 0x4DBF),     # CJK Extension A
              (0x4E00, 0x9FFF),     # CJK Unified Ideographs
              (0xF900, 0xFAFF),     # CJK Compatibility Ideographs
              (0x20000, 0x3134F))   # CJK Extensions B to G


@functools.lru_cache(maxsize=65536)
def _word_char(c: str) -> bool:
    if not c.isalnum():
        return False
    cp = ord(c)
    return not any(lo <= cp <= hi for lo, hi in _SPACELESS)


@functools.lru_cache(maxsize=65536)
def name_forms(type_: str, names: tuple[str, ...]) -> frozenset[str]:
    """The compared forms that name an entity of *type_* known by *names*."""
    forms = {norm(n) for n in names}
    if type_ in _FAMILY_NAME_TYPES:
        forms |= {f.rsplit(" ", 1)[-1] for f in forms}
    return frozenset(forms)


def entity_forms(row: dict) -> frozenset[str]:
    """The compared forms that name the entity of *row* (a store's entity row)."""
    return name_forms(row["type"], (row["name"], *row["aliases"]))


def _compared(text: str) -> str:
    # The rule of norm, without its cache: quotes rarely repeat, and would only push the
    # names out of it.
    return norm.__wrapped__(text)


def _names(text: str, form: str) -> bool:
    """Whether the compared *text* holds the compared name *form* as a whole word.

    A match stands unless a letter or digit runs on into a letter or digit of the name, so a
    name beginning or ending in punctuation ("BYD Co., Ltd.") matches before any character.
    """
    start = text.find(form)
    while start != -1:
        end = start + len(form)
        if ((start == 0 or not (_word_char(text[start - 1]) and _word_char(form[0])))
                and (end == len(text) or not (_word_char(form[-1]) and _word_char(text[end])))):
            return True
        start = text.find(form, start + 1)
    return False


def names(quote: str, forms: Iterable[str]) -> bool:
    """Whether *quote* names an entity known by the compared *forms* (see :func:`name_forms`)."""
    text = _compared(quote)
    return any(_names(text, f) for f in forms)


def quote_problem(quote: str, parties: Iterable[tuple[str, frozenset[str]]]) -> str | None:
    """What is wrong with *quote* as support of a relation between *parties*, or None.

    *parties* are ``(display name, forms)``, subject first. The message names every party the
    quote does not name: ``the quote does not name 'Renault Group'``, or ``... 'A' or 'B'``
    when it names neither.
    """
    text = _compared(quote)
    missing = [name for name, forms in parties if not any(_names(text, f) for f in forms)]
    if not missing:
        return None
    return "the quote does not name " + " or ".join(repr(n) for n in missing)


def review(entities: Iterable[dict], relations: Iterable[dict], links: Iterable[dict]) -> list[dict]:
    """The evidence problems of a graph given as store rows, as rows of :data:`CHECK_COLUMNS`.

    A quote that does not name both parties is a problem of its source; a relation that no
    source quotes, or whose sources are all undated, has a row for each of its sources (one row
    when they have no url). Rows are ordered by kind of problem (a quote, no quote, undated),
    then predicate, subject, object and url (none last).
    """
    ents = {e["id"]: e for e in entities}
    claims: dict[str, list[dict]] = {}
    for link in links:
        claims.setdefault(link["relation_id"], []).append(link)
    found: dict[tuple, dict] = {}

    def add(kind: int, rel: dict, subject: dict, obj: dict, url: str | None, problem: str) -> None:
        key = (kind, rel["predicate"], subject["name"], obj["name"], url is None, url or "", problem)
        found.setdefault(key, {"predicate": rel["predicate"], "subject": subject["name"], "object": obj["name"],
                               "url": url, "problem": problem})

    for rel in relations:
        s, o = ents[rel["subject_id"]], ents[rel["object_id"]]
        mine = claims.get(rel["id"], [])
        parties = ((s["name"], entity_forms(s)), (o["name"], entity_forms(o)))
        for link in mine:
            if link["quote"] is not None:
                problem = quote_problem(link["quote"], parties)
                if problem:
                    add(0, rel, s, o, link["source"].get("url"), problem)
        if all(link["quote"] is None for link in mine):
            for link in mine:
                add(1, rel, s, o, link["source"].get("url"), NO_QUOTE)
        if all(not link["source"].get("published") for link in mine):
            for link in mine:
                add(2, rel, s, o, link["source"].get("url"), UNDATED)
    return [found[k] for k in sorted(found)]


def review_store(store) -> list[dict]:
    """:func:`review` of everything *store* holds, read through the store protocol."""
    return review(store.entity_rows(), store.relation_rows(), store.link_rows())
