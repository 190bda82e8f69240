"""The registry of input formats: name, aliases and file extensions → reader module.

Each format is one module with ``generate_records(fp, *, fmt, **options)`` yielding
``(place, record)`` (``(place, InvalidRecord)`` for a bad record); *fmt* is the registered name
the file was read as, so a module serving several formats (RDF) never guesses again. This module
imports nothing heavy: the CLI builds its ``--input-format`` choices from it.

>>> get_format("n-triples").name
'nt'
>>> format_for("facts.NDJSON")
'jsonl'
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import PurePath
from types import ModuleType

from autokg.errors import InputError, UnknownName

__all__ = ["InputFormat", "FORMATS", "register_format", "get_format", "format_for", "format_choices"]


@dataclass(frozen=True)
class InputFormat:
    """An input format. *whole* formats are parsed as one document (JSON, YAML, RDF): a load
    parses them once and keeps their records; the others are streamed record by record."""

    name: str
    module: str
    extensions: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    whole: bool = False
    description: str = ""

    def reader(self) -> ModuleType:
        return importlib.import_module(self.module)


FORMATS: dict[str, InputFormat] = {}
_BY_NAME: dict[str, InputFormat] = {}  # names and aliases
_BY_EXTENSION: dict[str, InputFormat] = {}


def register_format(fmt: InputFormat) -> InputFormat:
    """Register *fmt* under its name, aliases and extensions (a later registration wins)."""
    FORMATS[fmt.name] = fmt
    for key in (fmt.name, *fmt.aliases):
        _BY_NAME[key.lower()] = fmt
    for ext in fmt.extensions:
        _BY_EXTENSION[ext.lower()] = fmt
    return fmt


for _f in (
    InputFormat("jsonl", "autokg.loaders.jsonl", (".jsonl", ".ndjson", ".jsonlines"), ("ndjson", "jsonlines"),
                description="JSON Lines, one record per line (canonical)"),
    InputFormat("json", "autokg.loaders.jsonarray", (".json",), whole=True,
                description="a JSON array of records"),
    InputFormat("yaml", "autokg.loaders.yamlfile", (".yaml", ".yml"), ("yml",), whole=True,
                description="a YAML list of records"),
    InputFormat("csv", "autokg.loaders.csvfile", (".csv", ".tsv"), ("tsv",),
                description="one relation (or entity) per row; comma, semicolon or tab"),
    InputFormat("xlsx", "autokg.loaders.xlsxfile", (".xlsx",), whole=True,
                description="a workbook: a relations (or claims) sheet and an entities sheet"),
    InputFormat("turtle", "autokg.loaders.rdf", (".ttl",), ("ttl",), whole=True,
                description="RDF Turtle in the autokg vocabulary"),
    InputFormat("nt", "autokg.loaders.rdf", (".nt",), ("ntriples", "n-triples"), whole=True,
                description="RDF N-Triples in the autokg vocabulary"),
    InputFormat("json-ld", "autokg.loaders.rdf", (".jsonld",), ("jsonld",), whole=True,
                description="RDF JSON-LD in the autokg vocabulary (inline contexts only)"),
):
    register_format(_f)


def _known() -> str:
    return ", ".join(f.name + (f" ({', '.join(f.aliases)})" if f.aliases else "") for f in FORMATS.values())


def get_format(name: str) -> InputFormat:
    """The format registered as *name* or an alias of it, in any case."""
    fmt = _BY_NAME.get(str(name).strip().lower())
    if fmt is None:
        raise UnknownName(f"unknown input format {name!r} (known: {_known()})")
    return fmt


def format_for(path: str, explicit: str | None = None) -> str:
    """The name of the input format of *path*: *explicit* if given, else by extension
    (standard input, ``-``, is JSON Lines)."""
    if explicit:
        return get_format(explicit).name
    if path == "-":
        return "jsonl"
    ext = PurePath(path).suffix.lower()
    if ext not in _BY_EXTENSION:
        raise InputError(f"cannot tell the format from the extension {ext or '(none)'!r}; "
                         f"use --input-format ({', '.join(FORMATS)})")
    return _BY_EXTENSION[ext].name


def format_choices() -> list[str]:
    """Every accepted ``--input-format`` value: names, then aliases."""
    return [*FORMATS, *(a for f in FORMATS.values() for a in f.aliases)]
