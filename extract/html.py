"""Reading an article: plain text, or HTML through trafilatura (main text and metadata)."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from autokg.errors import InputError

__all__ = ["Article", "read_html", "read_article"]

_HTML_SUFFIXES = (".html", ".htm", ".xhtml")


@dataclass
class Article:
    """An article's text and what its page says about it (``url``, ``title``, ``publisher``,
    ``published``, ``author``; missing keys are absent)."""

    text: str
    meta: dict = field(default_factory=dict)


def read_html(html: str | bytes, *, url: str | None = None) -> Article:
    """The main text and metadata of an HTML page, taken with trafilatura.

    The canonical url, title, site name (as publisher), publication date and author come from
    the page; *url* is a fallback for a page that names none.
    """
    import trafilatura  # heavy, and only needed for HTML

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    if doc is None:
        raise InputError("no article text found in the HTML")
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = d.get("text") or ""
    if not text.strip():
        raise InputError("no article text found in the HTML")
    meta = {"url": d.get("url") or url, "title": d.get("title"), "publisher": d.get("sitename"),
            "published": d.get("date"), "author": d.get("author")}
    return Article(text, {k: v for k, v in meta.items() if v})


def read_article(path: str) -> Article:
    """The article in file *path* (``-`` for standard input): HTML for .html/.htm (or standard
    input that starts like HTML), plain text otherwise."""
    if path == "-":
        data = sys.stdin.read()
        if data.lstrip()[:1] == "<":
            return read_html(data)
        return Article(data)
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if p.suffix.lower() in _HTML_SUFFIXES:
        try:
            return read_html(raw)
        except InputError as exc:
            raise InputError(f"{path}: {exc}") from None
    try:
        return Article(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text (save the article as UTF-8, or as .html)") from None
