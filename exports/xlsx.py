"""XLSX output with XlsxWriter: query results on one sheet, or the whole graph as a workbook.

Every sheet has a bold header row, frozen under it, and an autofilter over its rows. Cells are
typed: numbers as numbers, full dates (``YYYY-MM-DD``) in date columns as dates shown
``yyyy-mm-dd``, and everything else as text. Text is always written as a text cell, never as a
formula, so a name beginning with ``=`` is shown, not run (see :mod:`.tabular`). Reduced
precision dates (``2022``, ``2024-03``) stay text: an Excel date would invent a day.

:func:`write_workbook` writes the graph for pivot tables, one sheet per kind of row:

``entities``   entity, type, aliases (``; ``-joined), declared, one column per attribute
``relations``  subject, subject_type, predicate, object, object_type, the resolved properties,
               sources (how many support it)
``sources``    url, title, publisher, author, published, lang, claims (how many it makes)
``claims``     one row per relation and source: the relation, what that source claims about it,
               the source, its quote and the confidence, in the order the claims were recorded

``entities`` and ``claims`` use the columns of the CSV fact format, so ``autokg load`` reads the
workbook back into the same graph (:mod:`autokg.loaders.xlsxfile`). Files are written to a
temporary name and renamed, a row at a time (XlsxWriter's constant-memory mode).
"""

from __future__ import annotations

import datetime as _dt
import itertools
import math
import os
import re
from functools import lru_cache
from typing import Any, Iterable

from autokg.errors import AutokgError
from autokg.exports import register_export

__all__ = ["date_columns", "write_sheet", "write_workbook", "workbook_sheets", "MAX_TEXT"]

MAX_TEXT = 32767  # the most characters an Excel cell holds
_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_WIDTH_SAMPLE = 500


@lru_cache(maxsize=1)
def date_columns() -> frozenset[str]:
    """Column names holding dates: date attributes and properties of the vocabulary, source dates,
    and the date columns of the presets."""
    from autokg.graph.model import schema

    s = schema()
    names = {a for t in s.entity_types.values() for a, p in t.attributes.items() if p.type == "date"}
    names |= {k for p in s.predicates.values() for k, q in p.properties.items() if q.type == "date"}
    dated = {k for k, kind in s.source_keys.items() if kind == "date"}
    names |= dated | {f"source_{k}" for k in dated} | {"latest_source_date"}
    return frozenset(names)


class _Sheet:
    """One worksheet being written row by row."""

    def __init__(self, book, formats: dict, name: str, columns: list[str], sample: list[dict],
                 dates: frozenset[str]):
        self.ws = book.add_worksheet(name)
        self.columns = columns
        self.formats = formats
        self.dated = [c in dates for c in columns]
        self.row = 0
        # widths must be set before the first row in constant-memory mode: size them on a sample
        for i, c in enumerate(columns):
            longest = max([len(c) + 3] + [len(_plain(r.get(c))) for r in sample])
            self.ws.set_column(i, i, min(max(longest, 8), 60) + 1)
        self.ws.freeze_panes(1, 0)
        for i, c in enumerate(columns):
            self.ws.write_string(0, i, c, formats["header"])

    def add(self, row: dict) -> None:
        self.row += 1
        ws, r = self.ws, self.row
        for i, c in enumerate(self.columns):
            v = row.get(c)
            if v is None or v == "":
                continue
            if isinstance(v, bool):
                ws.write_boolean(r, i, v)
            elif isinstance(v, (int, float)) and math.isfinite(v):
                ws.write_number(r, i, v)
            elif self.dated[i] and isinstance(v, str) and _FULL_DATE.fullmatch(v) and v >= "1900-03-01":
                try:
                    ws.write_datetime(r, i, _dt.date.fromisoformat(v), self.formats["date"])
                except ValueError:
                    ws.write_string(r, i, v)
            else:
                text = _plain(v)
                if len(text) > MAX_TEXT:
                    raise AutokgError(f"a {c!r} value of {len(text)} characters does not fit an Excel cell "
                                      f"(at most {MAX_TEXT}); export it as CSV, JSON or RDF")
                ws.write_string(r, i, text)

    def close(self) -> None:
        self.ws.autofilter(0, 0, max(self.row, 1), len(self.columns) - 1)


def _plain(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        return "; ".join(map(str, v))
    return str(v)


class _Book:
    def __init__(self, fp):
        import xlsxwriter

        # text is written with write_string only; these keep XlsxWriter from guessing anyway
        self.book = xlsxwriter.Workbook(fp, {"constant_memory": True, "strings_to_formulas": False,
                                             "strings_to_urls": False, "strings_to_numbers": False})
        self.formats = {"header": self.book.add_format({"bold": True}),
                        "date": self.book.add_format({"num_format": "yyyy-mm-dd"})}

    def sheet(self, name: str, columns: list[str], rows: Iterable[dict], dates=None) -> int:
        rows = iter(rows)
        head = list(itertools.islice(rows, _WIDTH_SAMPLE))  # enough to size the columns
        s = _Sheet(self.book, self.formats, name, columns, head, date_columns() if dates is None else dates)
        for row in itertools.chain(head, rows):
            s.add(row)
        s.close()
        return s.row


def _write(out: str | os.PathLike, fill) -> Any:
    from autokg.graph.atomic import atomic_open

    if str(out) == "-":
        raise AutokgError("an XLSX workbook cannot go to standard output; name a file")
    with atomic_open(out, binary=True, suffix=".xlsx.tmp") as fp:
        book = _Book(fp)
        try:
            result = fill(book)
        finally:
            book.book.close()
    return result


def write_sheet(rows: Iterable[dict], columns: list[str], out: str | os.PathLike, *, sheet: str = "rows",
                dates: Iterable[str] | None = None) -> int:
    """Write *rows* (dicts keyed by *columns*, any iterable, consumed once) to one sheet of a new
    workbook *out*; the row count.

    *dates* names the columns whose full dates become Excel dates (default: :func:`date_columns`).
    """
    return _write(out, lambda book: book.sheet(sheet, list(columns), rows,
                                               None if dates is None else frozenset(dates)))


def workbook_sheets(store) -> dict[str, tuple[list[str], list[dict]]]:
    """The sheets of :func:`write_workbook`: name -> (columns, rows), read from *store*."""
    from autokg.graph.model import schema
    from autokg.loaders.columns import entity_columns, relation_columns

    s = schema()
    ents = store.entity_rows()
    by_id = {e["id"]: e for e in ents}
    ent_cols = list(entity_columns())
    entities = sorted(({"entity": e["name"], "type": e["type"], "aliases": "; ".join(sorted(e["aliases"])) or None,
                        "declared": bool(e["declared"]), **e["attrs"]} for e in ents),
                      key=lambda r: (r["type"], r["entity"]))

    props = [c for c in relation_columns() if c not in ("subject", "subject_type", "predicate", "object",
                                                        "object_type", "confidence") and not c.startswith("source_")]
    rels = store.relation_rows()
    by_rel = {}
    relations = []
    for r in rels:
        head = {"subject": by_id[r["subject_id"]]["name"], "subject_type": by_id[r["subject_id"]]["type"],
                "predicate": r["predicate"], "object": by_id[r["object_id"]]["name"],
                "object_type": by_id[r["object_id"]]["type"]}
        by_rel[r["id"]] = head
        relations.append({**head, **r["props"], "sources": r["sources"]})
    relations.sort(key=lambda r: (r["predicate"], r["subject"], r["object"], str(r.get("domain") or r.get("role") or "")))

    links = store.link_rows()
    links.sort(key=lambda l: (l["seq"] is None, l["seq"] or 0, l["relation_id"], l["source"]["id"]))
    claims, cited = [], {}
    for l in links:
        src = l["source"]
        cited[src["id"]] = cited.get(src["id"], 0) + 1
        claims.append({**by_rel[l["relation_id"]], **l["claims"],
                       **{f"source_{k}": src.get(k) for k in s.source_keys},
                       "source_quote": l["quote"], "confidence": l["confidence"]})

    source_cols = [*s.source_keys, "claims"]
    sources = sorted(({**{k: src.get(k) for k in s.source_keys}, "claims": cited.get(src["id"], 0)}
                      for src in store.source_rows()),
                     key=lambda r: (r.get("published") is None, r.get("published") or "", r.get("url") or "",
                                    r.get("title") or ""))
    return {
        "entities": (ent_cols, entities),
        "relations": (["subject", "subject_type", "predicate", "object", "object_type", *props, "sources"], relations),
        "sources": (source_cols, sources),
        "claims": (list(relation_columns()), claims),
    }


def write_workbook(store, out: str | os.PathLike) -> dict[str, int]:
    """Write the graph in *store* to the workbook *out*; the row count of each sheet."""
    sheets = workbook_sheets(store)
    return _write(out, lambda book: {name: book.sheet(name, cols, rows) for name, (cols, rows) in sheets.items()})


register_export(
    "xlsx", write_workbook,
    "The graph as an XLSX workbook: entities, relations, sources and claims sheets, for pivot tables; "
    "autokg load reads it back.",
    extensions=(".xlsx",),
    summary=lambda counts: ", ".join(f"{n} {name}" for name, n in counts.items()),
    example="autokg export xlsx kg.xlsx",
)
