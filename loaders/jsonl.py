"""JSON Lines, the canonical input format: one record per line."""

from __future__ import annotations

import json
from typing import BinaryIO, Iterator

import orjson

from autokg.errors import InvalidRecord

__all__ = ["generate_records", "MAX_LINE"]

MAX_LINE = 10 * 1024 * 1024  # bytes; a longer line is reported, never read whole
# 19 digits in a row, found as 19 zeros once every digit reads as a zero (a byte translation and
# a substring search: a tenth of the time of the regular expression \d{19} on a typical line)
_DIGITS_AS_ZEROS = bytes.maketrans(b"123456789", b"000000000")
_LONG_NUMBER = b"0" * 19
_loads = orjson.loads


def generate_records(fp: BinaryIO, *, fmt: str = "jsonl", only: bytes | None = None) -> Iterator[tuple[int, object]]:
    """Yield ``(line number, record)``; a bad line yields ``(line, InvalidRecord)`` instead.

    With *only*, lines not containing those bytes are skipped unparsed (a fast scan for
    entity records).
    """
    lineno = 0
    while True:
        raw = fp.readline(MAX_LINE + 1)
        if not raw:
            return
        lineno += 1
        if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]  # a UTF-8 byte order mark (Windows editors write one), as the other readers drop
        if len(raw) > MAX_LINE and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest of the over-long line
                raw = fp.readline(MAX_LINE)
            yield lineno, InvalidRecord(f"line longer than {MAX_LINE // (1024 * 1024)} MB, skipped")
            continue
        if only is not None and only not in raw:
            continue
        # orjson reads a good line several times faster than json; a line it refuses, or one
        # with an integer it would read as a float (19 digits or more), is read by json, whose
        # reading and messages stand.
        if _LONG_NUMBER not in raw.translate(_DIGITS_AS_ZEROS):
            try:
                rec = _loads(raw)
            except orjson.JSONDecodeError:
                pass
            else:
                yield lineno, rec
                continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield lineno, InvalidRecord(f"not valid UTF-8 (byte {raw[exc.start]:#04x} at column {exc.start + 1})")
            continue
        if not text.strip():
            continue
        try:
            rec = json.loads(text)
        except json.JSONDecodeError as exc:
            truncated = not text.endswith("\n")  # the last line, cut short by a killed writer
            why = "truncated line (the file ends inside a record)" if truncated else "invalid JSON"
            if "\r" in text.rstrip("\r\n") and exc.msg == "Extra data":
                why = "lines end in \\r alone; JSON Lines separates records with \\n (or \\r\\n)"
            yield lineno, InvalidRecord(f"{why}: {exc.msg} at column {exc.colno}")
            continue
        except RecursionError:
            yield lineno, InvalidRecord("invalid JSON: nested too deeply")
            continue
        except ValueError as exc:  # an integer longer than Python converts (sys.get_int_max_str_digits)
            yield lineno, InvalidRecord(f"invalid JSON: {str(exc).split(':')[0].lower()}")
            continue
        yield lineno, rec
