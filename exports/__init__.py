"""The export formats, registered by name.

Each export module (:mod:`~autokg.exports.graphml`, :mod:`~autokg.exports.rdf`,
:mod:`~autokg.exports.viz`) registers one :class:`Export`: its name and aliases, a description,
the options its writer takes (with their choices), the output kinds it knows by file extension,
and how to summarise what it wrote. A command line builds its commands and choices from
:data:`EXPORTS`; a library user calls :func:`export`::

    from autokg.exports import export
    export(store, "rdf", "kg.ttl", format="turtle")

The modules import their heavy libraries (networkx, rdflib, matplotlib) inside the functions
that need them, so reading the registry stays cheap.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from autokg.errors import UnknownName

__all__ = ["Option", "Export", "EXPORTS", "register_export", "get_export", "export"]


@dataclass(frozen=True)
class Option:
    """One option of an export: the keyword of its writer and what it accepts.

    *choices* lists the accepted values and *aliases* maps other accepted spellings to one of
    them (both may be the live containers of the module, so that formats it registers later
    show up here). *type* is ``"text"`` or ``"int"`` (bounded by *min* and *max*).
    """

    name: str
    help: str
    default: Any = None
    choices: tuple[str, ...] | dict = ()
    aliases: dict[str, str] = field(default_factory=dict)
    type: str = "text"
    min: int | None = None
    max: int | None = None
    keyword: str | None = None  # the writer's keyword, when it differs from name

    @property
    def flag(self) -> str:
        """The command-line spelling, ``--name``."""
        return "--" + self.name.replace("_", "-")

    @property
    def arg(self) -> str:
        return self.keyword or self.name

    def names(self) -> tuple[str, ...]:
        """Every accepted value: the choices, then the aliases."""
        return (*self.choices, *self.aliases)


@dataclass(frozen=True)
class Export:
    """A registered export: ``write(store, out, **options)`` and what describes it."""

    name: str
    write: Callable[..., Any]
    description: str
    options: tuple[Option, ...] = ()
    aliases: tuple[str, ...] = ()
    extensions: tuple[str, ...] = ()  # output kinds by extension; empty: any name
    stdout: bool = False              # whether out may be "-" (standard output)
    summary: Callable[[Any], str] = str  # the writer's result as "12 nodes, 30 edges"
    example: str = ""

    def option(self, name: str) -> Option:
        for o in self.options:
            if o.name == name:
                return o
        raise UnknownName(f"export {self.name} has no option {name!r} "
                          f"(known: {', '.join(o.name for o in self.options) or 'none'})")


EXPORTS: dict[str, Export] = {}
_ALIASES: dict[str, str] = {}


def register_export(name: str, write: Callable[..., Any], description: str, *,
                    options: tuple[Option, ...] = (), aliases: tuple[str, ...] = (),
                    extensions: tuple[str, ...] = (), stdout: bool = False,
                    summary: Callable[[Any], str] = str, example: str = "") -> Export:
    """Register *write* as the export *name* (and its *aliases*); returns the entry."""
    entry = Export(name, write, description, tuple(options), tuple(aliases), tuple(extensions),
                   stdout, summary, example)
    EXPORTS[name] = entry
    for alias in aliases:
        _ALIASES[alias] = name
    return entry


def get_export(name: str) -> Export:
    """The export called *name* or one of its aliases; :class:`UnknownName` otherwise."""
    key = (name or "").strip().lower()
    key = _ALIASES.get(key, key)
    if key not in EXPORTS:
        raise UnknownName(f"unknown export {name!r} (known: {', '.join(sorted(EXPORTS))})")
    return EXPORTS[key]


def export(store, name: str, out, **options: Any) -> Any:
    """Write *store* with the export *name* to *out* (a path, or ``-`` where the export allows
    standard output); returns what its writer returns (see :attr:`Export.summary`)."""
    entry = get_export(name)
    known = {o.name: o.arg for o in entry.options}
    unknown = sorted(set(options) - set(known))
    if unknown:
        raise UnknownName(f"export {entry.name} has no option {', '.join(map(repr, unknown))} "
                          f"(known: {', '.join(known) or 'none'})")
    return entry.write(store, out, **{known[k]: v for k, v in options.items()})


# The built-in exports register themselves; their modules import nothing heavy at import time.
from autokg.exports import graphml, rdf, viz, xlsx  # noqa: E402,F401
