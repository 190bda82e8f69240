"""The columns of tabular fact files (CSV, TSV, XLSX): header mapping and row to record.

A header cell maps onto a column after trimming, lower-casing and turning runs of spaces and
hyphens into ``_``, so ``Subject`` is ``subject`` and `` Source URL`` is ``source_url``. A header
naming no known column is refused as a whole, with the closest column when there is one: a
misspelt column would otherwise drop its data from every row.

Relation files have ``subject, predicate, object`` and ``source_url`` or ``source_title``;
entity files have an ``entity`` column. Every cell is text here (readers turn typed cells into
text first), so the two readers share one meaning of a row.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from autokg.errors import InputError, InvalidRecord

__all__ = ["relation_columns", "entity_columns", "map_header", "row_to_record"]

_REQUIRED = ("subject", "predicate", "object")
_FALSE = frozenset(("false", "0", "no", "n"))


@lru_cache(maxsize=1)
def relation_columns() -> tuple[str, ...]:
    """Every column a relation file may have, in the order an export writes them."""
    from autokg.graph.model import schema

    s = schema()
    props: list[str] = []
    for pred in s.predicates.values():
        props.extend(p for p in pred.properties if p not in props)
    source = [f"source_{k}" for k in s.source_keys] + ["source_quote"]
    return ("subject", "subject_type", "predicate", "object", "object_type", *props, *source, "confidence")


@lru_cache(maxsize=1)
def entity_columns() -> tuple[str, ...]:
    """Every column an entity file may have; ``declared`` is written by ``export xlsx``."""
    from autokg.graph.model import schema

    attrs: list[str] = []
    for etype in schema().entity_types.values():
        attrs.extend(a for a in etype.attributes if a not in attrs)
    return ("entity", "type", "aliases", "declared", *attrs)


def _canonical(cell: str) -> str:
    return re.sub(r"[\s\-]+", "_", cell.strip().lower()).strip("_")


def map_header(cells: list, what: str = "CSV header") -> list[str | None]:
    """The column of each header cell (None for an empty one); InputError for a bad header.

    *what* names the header in messages.
    """
    cells = ["" if c is None else str(c) for c in cells]
    names = [_canonical(c) or None for c in cells]
    is_entity = "entity" in names
    known = entity_columns() if is_entity else relation_columns()
    seen: dict[str, int] = {}
    for i, (raw, name) in enumerate(zip(cells, names), start=1):
        if name is None:
            continue
        if name not in known:
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
            hint = f"did you mean {close[0]!r}? " if close else ""
            kind = "an entity" if is_entity else "a relation"
            raise InputError(f"{what} has an unknown column {raw.strip()!r} (column {i}; {hint}"
                             f"{kind} file has: {', '.join(known)})")
        if name in seen:
            raise InputError(f"{what} names {name!r} twice (columns {seen[name]} and {i})")
        seen[name] = i
    if not is_entity:
        missing = [c for c in _REQUIRED if c not in seen]
        has_source = bool({"source_url", "source_title"} & set(seen))
        if missing or not has_source:
            need = missing + ([] if has_source else ["source_url or source_title"])
            raise InputError(f"{what} lacks {', '.join(need)} (relation rows need subject, predicate, object "
                             "and source_url or source_title; entity rows have an entity column)")
    return names


def row_to_record(columns: list[str | None], cells: list[str | None]) -> dict | None:
    """The record of one row of text cells (None or blank is absent); None for a row to skip.

    Raises InvalidRecord for a row that cannot be a record.
    """
    extra = [c for c in cells[len(columns):] if c is not None and c.strip()]
    if extra:
        raise InvalidRecord(f"row has more cells than the header ({len(columns) + len(extra)} > {len(columns)})")
    rec: dict = {}
    source: dict = {}
    for i, (col, cell) in enumerate(zip(columns, cells), start=1):
        if cell is None or cell.strip() == "":
            continue
        if col is None:
            raise InvalidRecord(f"column {i} has a value but no name in the header")
        if col.startswith("source_"):
            source[col[len("source_"):]] = cell
        elif col == "aliases":
            rec["aliases"] = [a.strip() for a in cell.split(";") if a.strip()]
        elif col == "declared":
            # an entity only relations created: the relations naming it make it again
            if cell.strip().lower() in _FALSE:
                return None
        else:
            rec[col] = cell
    if not rec and not source:
        return None  # a blank row
    if source:
        rec["source"] = source  # entity files have no source columns (map_header)
    return rec
