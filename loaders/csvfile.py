"""CSV: one relation per row, or one entity per row in a file with an ``entity`` column.

The header is line 1. An empty cell means absent; ``aliases`` is ``;``-separated; the
``source_*`` columns make the source object. Numbers are parsed where the vocabulary expects
a number (``stake_pct``, ``confidence``); every other cell stays text, so ``since`` = 2022 is
the date ``2022``.
"""

from __future__ import annotations

import csv
import io
from typing import BinaryIO, Iterator

from autokg.errors import InputError, InvalidRecord

__all__ = ["generate_records"]

_REQUIRED = ("subject", "predicate", "object")


def _row_to_record(row: dict[str, str]) -> dict:
    rec: dict = {}
    source: dict = {}
    for col, cell in row.items():
        if col is None:
            raise InvalidRecord(f"row has more cells than the header ({len(row) - 1 + len(cell)} > {len(row) - 1})")
        if cell is None or cell.strip() == "":
            continue
        col = col.strip()
        if col.startswith("source_"):
            source[col[len("source_"):]] = cell
        elif col == "aliases":
            rec["aliases"] = [a.strip() for a in cell.split(";") if a.strip()]
        else:
            rec[col] = cell
    if "entity" not in rec and source:
        rec["source"] = source
    elif source:
        raise InvalidRecord("an entity row has no source columns")
    return rec


def generate_records(fp: BinaryIO, *, fmt: str = "csv") -> Iterator[tuple[int, object]]:
    text = io.TextIOWrapper(fp, encoding="utf-8-sig", newline="")
    try:
        reader = csv.DictReader(text)
        header = reader.fieldnames
        if not header:
            return
        header = [h.strip() for h in header]
        if "entity" not in header:
            missing = [c for c in _REQUIRED if c not in header]
            if missing or not ({"source_url", "source_title"} & set(header)):
                need = missing + ([] if {"source_url", "source_title"} & set(header) else ["source_url or source_title"])
                raise InputError(f"CSV header lacks {', '.join(need)} (a relation CSV needs subject, predicate, object and source_url or source_title; an entity CSV has an entity column)")
        reader.fieldnames = header
        last = 1
        for row in reader:
            line = last + 1  # the line this row starts on
            last = reader.line_num
            if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
                continue
            try:
                yield line, _row_to_record(row)
            except InvalidRecord as exc:
                yield line, exc
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 ({exc.reason} at byte {exc.start} of a read block)") from None
    except csv.Error as exc:
        raise InputError(f"invalid CSV near line {reader.line_num}: {exc}") from None
    finally:
        text.detach()
