"""A YAML document holding a list of records; places are the line each record starts on."""

from __future__ import annotations

from typing import BinaryIO, Iterator

from autokg.errors import InputError
from autokg.loaders.text import read_text

__all__ = ["generate_records"]


def generate_records(fp: BinaryIO, *, fmt: str = "yaml") -> Iterator[tuple[int, object]]:
    import yaml

    text = read_text(fp)
    if not text.strip():
        return
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return
        if not isinstance(node, yaml.SequenceNode):
            raise InputError("a YAML input must be a list of records")
        items = [(item.start_mark.line + 1, loader.construct_object(item, deep=True)) for item in node.value]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise InputError(f"invalid YAML{where}: {getattr(exc, 'problem', None) or exc}") from None
    finally:
        loader.dispose()
    yield from items
