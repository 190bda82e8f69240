"""Reading a whole input file as text, with the one message every reader gives for bad UTF-8."""

from __future__ import annotations

from typing import BinaryIO

from autokg.errors import InputError

__all__ = ["read_text"]


def read_text(fp: BinaryIO) -> str:
    """The file's text (a UTF-8 byte order mark is dropped); InputError when it is not UTF-8."""
    data = fp.read()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 (byte {data[exc.start]:#04x} at offset {exc.start})") from None
