"""XLSX workbooks: the same columns as CSV, one sheet of relation rows and one of entity rows.

Relation rows come from the sheet named ``claims`` if there is one (the workbook ``autokg export
xlsx`` writes, whose ``relations`` sheet is the resolved summary of its claims), else the sheet
named ``relations``, else the first sheet that is not ``entities``. Entity rows come from the
sheet named ``entities``. Sheet names match whatever their case; the header is the sheet's
first row, mapped onto columns as in CSV (:mod:`.columns`).

Typed cells become the text a CSV would hold: a date cell is ``YYYY-MM-DD``, a whole number is
written without decimals (a year typed as 2022 is the date ``2022``), other numbers keep their
shortest exact form. Places are ``SHEET:ROW``, so rejections read ``FILE:SHEET:ROW: reason``.

Workbooks are read with python-calamine (Rust), which parses a sheet whole into a compact
table; rows become records one at a time.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, BinaryIO, Iterator

from autokg.errors import InputError, InvalidRecord
from autokg.loaders.columns import map_header, row_to_record

__all__ = ["OPTIONS", "generate_records", "cell_text", "sheets_to_read"]

# A workbook is registered as a whole-document format: a load parses it once and keeps its records
# for both of its passes (autokg.loaders.formats), so this reader takes no options.
OPTIONS: tuple[str, ...] = ()


def cell_text(value: Any) -> str | None:
    """The text of one cell as a CSV would hold it; None for an empty cell."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _dt.datetime):
        return value.date().isoformat() if value.time() == _dt.time() else value.isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def sheets_to_read(names: list[str]) -> tuple[str | None, str | None]:
    """(entity sheet, relation sheet) of a workbook with sheets *names*."""
    by = {n.strip().lower(): n for n in reversed(names)}
    entities = by.get("entities")
    relations = by.get("claims") or by.get("relations") or next((n for n in names if n != entities), None)
    return entities, relations


def _open(fp: BinaryIO):
    from python_calamine import CalamineWorkbook

    path = getattr(fp, "name", None)
    try:
        if isinstance(path, str):
            return CalamineWorkbook.from_path(path)
        return CalamineWorkbook.from_filelike(fp)
    except Exception as exc:  # calamine raises its own error types for a file that is no workbook
        raise InputError(f"not a readable XLSX workbook ({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})") from None


def _parse(fp: BinaryIO) -> tuple[list[str], dict]:
    """The workbook's sheet names, and its entity and relation sheets parsed."""
    wb = _open(fp)
    try:
        names = list(wb.sheet_names)
        sheets = {}
        for name in sheets_to_read(names):
            if name is not None:
                try:
                    sheets[name] = wb.get_sheet_by_name(name)
                except Exception as exc:  # calamine's errors for a damaged sheet
                    raise InputError(f"sheet {name!r} cannot be read ({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})") from None
        return names, sheets
    finally:
        wb.close()


def _rows(sheet, name: str, entity_sheet: bool) -> Iterator[tuple[str, object]]:
    columns = None
    for number, cells in enumerate(sheet.iter_rows(), start=1):
        texts = [c if type(c) is str else cell_text(c) for c in cells]
        if columns is None:
            if not any(t and t.strip() for t in texts):
                continue  # blank rows above the header
            columns = map_header(texts, what=f"sheet {name!r} header (row {number})")
            if entity_sheet and "entity" not in columns:
                raise InputError(f"sheet {name!r} has no entity column (row {number} is its header)")
            continue
        where = f"{name}:{number}"
        try:
            rec = row_to_record(columns, texts)
        except InvalidRecord as exc:
            yield where, exc
            continue
        if rec is not None:
            yield where, rec


def generate_records(fp: BinaryIO, *, fmt: str = "xlsx") -> Iterator[tuple[str, object]]:
    """Yield ``("SHEET:ROW", record)``: the entity sheet's rows, then the relation sheet's; a bad
    row yields ``("SHEET:ROW", InvalidRecord)``. InputError for a file that is no workbook or a
    sheet whose header cannot be read."""
    names, sheets = _parse(fp)
    entities, relations = sheets_to_read(names)
    if entities:
        yield from _rows(sheets[entities], entities, True)
    if relations:
        yield from _rows(sheets[relations], relations, False)
