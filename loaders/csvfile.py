"""CSV and TSV: one relation per row, or one entity per row in a file with an ``entity`` column.

Files are read as spreadsheets write them:

* the delimiter is sniffed from the header line (comma, semicolon or tab; Excel writes
  semicolons where the decimal separator is a comma), unless *delimiter* is given; a first line
  ``sep=;`` (which Excel understands) names it too;
* a byte order mark is dropped, and a UTF-16 or UTF-32 one sets the encoding (Excel's "Unicode
  text" is UTF-16 with tabs); without one the file is UTF-8 unless *encoding* is given. A file
  that does not decode is refused with the encoding it most likely has and the option to use;
* header cells map onto columns whatever their case and spacing (:mod:`.columns`).

The header is line 1. An empty cell means absent; ``aliases`` is ``;``-separated; the
``source_*`` columns make the source object. Numbers are parsed where the vocabulary expects
a number (``stake_pct``, ``confidence``); every other cell stays text, so ``since`` = 2022 is
the date ``2022``. The file is read row by row, never whole.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
from typing import BinaryIO, Iterator

from autokg.errors import InputError, InvalidRecord
from autokg.loaders.columns import map_header, row_to_record

__all__ = ["OPTIONS", "DELIMITERS", "generate_records", "guess_encoding", "encoding_hint"]

# The reader options this format takes (load_files passes these through).
OPTIONS = ("delimiter", "encoding", "entities_only")
# Delimiters the header is sniffed for, and the names --csv-delimiter also accepts.
DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}
_NAMED = {"comma": ",", "semicolon": ";", "tab": "\t", "\\t": "\t", "pipe": "|"}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_SAMPLE = 64 * 1024


def _delimiter(value: str) -> str:
    d = _NAMED.get(value.lower(), value) if value else value
    if len(d) != 1 or d in "\"\r\n":
        raise InputError(f"cannot use {value!r} as the CSV delimiter (one character, or comma, semicolon, tab)")
    return d


def _sniff(line: str) -> str:
    """The delimiter of a header line: the most frequent of comma, semicolon and tab outside
    quotes (a comma on a tie or when there is none)."""
    bare = re.sub(r'"[^"]*"', "", line)
    counts = {d: bare.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


def _encoding(fp: BinaryIO, explicit: str | None) -> str:
    head = fp.read(4)
    fp.seek(0)
    bom = next((enc for mark, enc in _BOMS if head.startswith(mark)), None)
    if explicit:
        try:
            name = codecs.lookup(explicit).name
        except LookupError:
            raise InputError(f"unknown encoding {explicit!r} (e.g. utf-8, cp1252, utf-16, latin-1)") from None
        if name == "utf-8" and bom == "utf-8-sig":
            return "utf-8-sig"
        return explicit
    return bom or "utf-8"


def _display(codec: str) -> str:
    """A codec name as --encoding takes it, with the name people know it by."""
    name = codec.replace("_", "-").lower()
    m = re.fullmatch(r"cp(125\d)", name)
    known = {"latin-1": "ISO-8859-1", "utf-16": "UTF-16", "utf-16-le": "UTF-16 LE", "utf-16-be": "UTF-16 BE",
             "utf-32": "UTF-32", "mac-roman": "Mac OS Roman", "cp437": "DOS US", "cp850": "DOS Latin 1",
             "shift-jis": "Shift JIS", "cp932": "Windows Shift JIS", "gb18030": "Chinese GB18030", "big5": "Chinese Big5",
             "euc-kr": "Korean EUC-KR", "koi8-r": "Cyrillic KOI8-R"}
    label = f"Windows-{m.group(1)}" if m else known.get(name) or (
        f"ISO-{name[3:]}" if name.startswith("iso8859") else None)
    return f"{name} ({label})" if label else name


def guess_encoding(fp: BinaryIO) -> str | None:
    """The encoding *fp*'s bytes most likely have (a Python codec name), or None.

    Looks at the start of the file and at up to 64 KiB of lines with non-ASCII bytes, so a large
    file is scanned in blocks, never held whole. When Windows-1252 reads the sample exactly as
    any of the least chaotic readings does (short samples often fit several code pages), it is
    named: it is what Excel writes on Western European Windows.
    """
    from charset_normalizer import from_bytes

    fp.seek(0)
    head = fp.read(_SAMPLE)
    if b"\x00" in head:  # UTF-16 or UTF-32: keep whole code units
        sample = head[: len(head) // 4 * 4]
    elif re.search(rb"[\x80-\xff]", head):
        sample = head[: head.rfind(b"\n") + 1] or head  # no character cut in two
    else:
        parts, size = [], 0
        for block in iter(lambda: fp.read(1 << 20), b""):
            for line in block.split(b"\n"):
                if re.search(rb"[\x80-\xff]", line):
                    parts.append(line + b"\n")
                    size += len(line) + 1
            if size >= _SAMPLE:
                break
        sample = b"".join(parts)
    if not sample:
        return None
    matches = list(from_bytes(sample))
    if not matches or matches[0].encoding in ("ascii", "utf_8"):
        return None
    least = min(m.chaos for m in matches)
    if any("cp1252" in m.could_be_from_charset for m in matches if m.chaos <= least):
        return "cp1252"
    return matches[0].encoding


def encoding_hint(fp: BinaryIO, encoding: str) -> str:
    """The message for a file that is not valid *encoding*: its likely encoding and the fix."""
    what = "UTF-8" if encoding.lower().replace("_", "-") in ("utf-8", "utf-8-sig", "utf8") else encoding
    guess = guess_encoding(fp)
    if guess:
        shown = _display(guess)
        return f"not valid {what}; it looks like {shown}: load it with --encoding {shown.split(' ')[0]}"
    return (f"not valid {what}, and its encoding is unclear: save it as \"CSV UTF-8\", "
            "or load it with --encoding NAME")


def generate_records(fp: BinaryIO, *, fmt: str = "csv", delimiter: str | None = None,
                     encoding: str | None = None, entities_only: bool = False) -> Iterator[tuple[int, object]]:
    """Yield ``(line, record)`` per row, ``(line, InvalidRecord)`` for a bad row; InputError for
    a file that cannot be read (bad header, encoding, quoting). With *entities_only* (the load's
    first pass, which looks for entity records), a file without an ``entity`` column stops after
    its header: its rows are parsed once, by the second pass."""
    enc = _encoding(fp, encoding)
    text = io.TextIOWrapper(fp, encoding=enc, newline="")
    reader = None
    try:
        first = text.readline()
        offset = 0
        if re.fullmatch(r"\ufeff?sep=.\r?\n?", first, re.I):
            delimiter = delimiter or first.lstrip("\ufeff")[4]
            first, offset = text.readline(), 1
        first = first.lstrip("\ufeff")
        if not first.strip():
            return
        delim = _delimiter(delimiter) if delimiter else _sniff(first)
        reader = csv.reader(itertools.chain([first], text), delimiter=delim)
        try:
            columns = map_header(next(reader))
        except InputError as exc:
            sniffed = _sniff(first)
            if delimiter and sniffed != delim:
                raise InputError(f"{exc} (the header looks {DELIMITERS[sniffed]}-delimited, "
                                 f"not {DELIMITERS.get(delim, repr(delim))}: drop --csv-delimiter)") from None
            raise
        if entities_only and "entity" not in columns:
            return
        last = reader.line_num
        for cells in reader:
            line = last + 1 + offset  # the line this row starts on
            last = reader.line_num
            try:
                rec = row_to_record(columns, cells)
            except InvalidRecord as exc:
                yield line, exc
                continue
            if rec is not None:
                yield line, rec
    except UnicodeError:
        raise InputError(encoding_hint(fp, enc)) from None
    except csv.Error as exc:
        if "NUL" in str(exc) and encoding is None:  # UTF-16 without a byte order mark
            raise InputError(encoding_hint(fp, enc)) from None
        raise InputError(f"invalid CSV near line {reader.line_num + offset if reader else 1}: {exc}") from None
    finally:
        text.detach()
