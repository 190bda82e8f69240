"""A JSON document holding an array of records; records are numbered from 1."""

from __future__ import annotations

import json
from typing import BinaryIO, Iterator

from autokg.errors import InputError
from autokg.loaders.text import read_text

__all__ = ["generate_records"]


def generate_records(fp: BinaryIO, *, fmt: str = "json") -> Iterator[tuple[int, object]]:
    """Yield ``(record number, record)`` for each element of the top-level array."""
    text = read_text(fp)
    if not text.strip():
        return
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise InputError("invalid JSON: nested too deeply") from None
    except ValueError as exc:  # an integer longer than Python converts (sys.get_int_max_str_digits)
        raise InputError(f"invalid JSON: {str(exc).split(':')[0].lower()}") from None
    if isinstance(doc, dict):
        doc = [doc]
    if not isinstance(doc, list):
        raise InputError("a JSON input must be an array of records")
    yield from enumerate(doc, start=1)
