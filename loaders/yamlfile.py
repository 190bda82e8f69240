"""A YAML document holding a list of records; places are the line each record starts on."""

from __future__ import annotations

from typing import BinaryIO, Iterator

from autokg.errors import InputError, InvalidRecord
from autokg.loaders.text import read_text

__all__ = ["generate_records", "MAX_ALIAS_NODES"]

# Nodes that aliases (*name) may add beyond the document's own. A few shared sources cost little;
# nested aliases ("billion laughs") expand exponentially, and one such value printed in a
# rejection message would take all memory, so they are refused before anything is built.
MAX_ALIAS_NODES = 100_000


def _check_aliases(root) -> None:
    """InputError when the aliases of the node graph under *root* expand to too many nodes or
    refer to themselves. Iterative: a deep document never recurses here."""
    import yaml

    size: dict[int, int] = {}  # id(node) -> nodes once expanded
    distinct = 0
    stack: list[tuple[object, bool]] = [(root, False)]
    open_: set[int] = set()
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            open_.discard(key)
            children = _children(node, yaml)
            size[key] = 1 + sum(size[id(c)] for c in children)
            if size[key] - distinct > MAX_ALIAS_NODES:
                raise InputError(f"YAML aliases expand to more than {MAX_ALIAS_NODES} extra values "
                                 "(nested aliases, a 'billion laughs' document); write the values out")
            continue
        if key in size:
            continue
        if key in open_:
            raise InputError("a YAML alias refers to a value containing itself")
        open_.add(key)
        distinct += 1
        stack.append((node, True))
        stack.extend((c, False) for c in _children(node, yaml))


def _children(node, yaml) -> list:
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def _construct(loader, item):
    """The record of one list item, or InvalidRecord when its values cannot be built (an
    impossible date such as 2024-02-30, an integer of thousands of digits, a list as a key):
    the other records still load."""
    import yaml

    try:
        return loader.construct_object(item, deep=True)
    except (yaml.constructor.ConstructorError, ValueError, OverflowError) as exc:
        loader.recursive_objects.clear()  # left behind by the failed construction
        loader.state_generators.clear()
        reason = getattr(exc, "problem", None) or str(exc).split(":")[0]
        return InvalidRecord(f"invalid YAML value: {reason}")


def generate_records(fp: BinaryIO, *, fmt: str = "yaml") -> Iterator[tuple[int, object]]:
    import yaml

    text = read_text(fp)
    if not text.strip():
        return
    try:
        loader = yaml.SafeLoader(text)  # refuses characters YAML does not allow (NUL, most C0 controls)
    except yaml.reader.ReaderError as exc:
        raise InputError(f"invalid YAML: character {exc.character:#04x} at offset {exc.position} is not "
                         "allowed in YAML (write it as an escape in a double-quoted string)") from None
    try:
        node = loader.get_single_node()
        if node is None:
            return
        if not isinstance(node, yaml.SequenceNode):
            raise InputError("a YAML input must be a list of records")
        _check_aliases(node)
        items = [(item.start_mark.line + 1, _construct(loader, item)) for item in node.value]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise InputError(f"invalid YAML{where}: {getattr(exc, 'problem', None) or exc}") from None
    except RecursionError:
        raise InputError("invalid YAML: nested too deeply") from None
    except (ValueError, OverflowError) as exc:  # the scanner's own: an escape such as "\\U00110000"
        raise InputError(f"invalid YAML at line {loader.get_mark().line + 1}: {exc}") from None
    finally:
        loader.dispose()
    yield from items
