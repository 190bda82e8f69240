"""Rows for spreadsheets: the text of a cell, CSV output, and the rule that keeps a cell inert.

A spreadsheet runs a cell as a formula when its text begins with ``=``, ``+``, ``-`` or ``@``
(some also after a leading tab or carriage return), so a name such as
``=HYPERLINK("http://…","Renault")`` in the data would become a live link or worse when a CSV
export is opened (OWASP: CSV injection). For output meant for spreadsheets such a text cell is
written with a single quote in front, as OWASP advises: spreadsheets show the text, and the quote
tells a reader the cell was neutralised. Numbers are never changed (``-3`` stays ``-3``). In XLSX
every string is a text cell, which spreadsheets never evaluate, so nothing is changed there.

Machine consumers that want the exact text turn the rule off (``sanitize=False``; ``--no-sanitize``
on the command line).
"""

from __future__ import annotations

import csv
import os
import sys
from typing import IO, Any, Iterable

__all__ = ["TRIGGERS", "is_formula_like", "neutralize", "cell_text", "csv_rows", "write_csv"]

# The first characters that make a spreadsheet read a cell as a formula.
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet could take *text* for a formula."""
    return text.startswith(TRIGGERS)


def neutralize(text: str) -> str:
    """*text* with a single quote in front when a spreadsheet could run it as a formula."""
    return "'" + text if text.startswith(TRIGGERS) else text


def cell_text(value: Any) -> str:
    """The text of a value in a CSV cell: empty for None, lists joined with ``"; "``, whole floats
    without decimals."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(map(str, value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def csv_rows(rows: Iterable[dict], columns: list[str], *, sanitize: bool = True) -> Iterable[list[str]]:
    """The header and the cells of each row, neutralised unless *sanitize* is false. Only text is
    neutralised: a number, negative or not, is written as it is."""
    yield [neutralize(c) if sanitize else c for c in columns]
    for r in rows:
        out = []
        for c in columns:
            v = r.get(c)
            text = cell_text(v)
            if sanitize and not isinstance(v, (int, float)):
                text = neutralize(text)
            out.append(text)
        yield out


def write_csv(rows: Iterable[dict], columns: list[str], out: str | os.PathLike | IO[str], *,
              sanitize: bool = True) -> int:
    """Write *rows* as CSV to *out* (a path, ``-`` for stdout, or a text stream); the row count.

    A path is written to a temporary name and renamed, so a failure leaves no partial file.
    """
    def write(fp) -> int:
        w = csv.writer(fp, lineterminator="\n")
        n = -1
        for n, cells in enumerate(csv_rows(rows, columns, sanitize=sanitize)):
            w.writerow(cells)
        return n

    if hasattr(out, "write"):
        return write(out)
    if str(out) == "-":
        return write(sys.stdout)
    from autokg.graph.atomic import atomic_open

    with atomic_open(out, suffix=".csv.tmp") as fp:
        return write(fp)
