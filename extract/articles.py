"""Extraction over article files: what ``autokg extract`` calls."""

from __future__ import annotations

from pathlib import Path

from .core import extract
from .html import read_article

__all__ = ["extract_files"]


def _fallback_title(text: str, path: str) -> str:
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= 200 else line[:197] + "..."
    return Path(path).name if path != "-" else "untitled article"


def extract_files(paths: list[str], *, meta: dict | None = None, known: list[dict] | None = None,
                  lang: str = "auto") -> tuple[list[dict], list[str]]:
    """Facts from the articles in *paths* (``-`` for standard input), entity records first.

    What a page says (canonical url, title, site name, date) is overridden by *meta*'s non-empty
    values. A plain-text article with neither url nor title takes its first line as its title.
    Returns the records and the paths that gave no candidate fact.
    """
    overrides = {k: v for k, v in (meta or {}).items() if v}
    entities: dict[str, dict] = {}
    relations: list[dict] = []
    empty: list[str] = []
    for path in paths:
        art = read_article(path)
        m = {**art.meta, **overrides}
        if not (m.get("url") or m.get("title")):
            m["title"] = _fallback_title(art.text, path)
        recs = extract(art.text, meta=m, known=known, lang=lang)
        if not any("predicate" in r for r in recs):
            empty.append(path)
        for r in recs:
            if "entity" in r:
                entities.setdefault(r["entity"], r)
            else:
                relations.append(r)
    return [*entities.values(), *relations], empty
