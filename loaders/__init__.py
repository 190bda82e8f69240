"""Reading fact files and loading them into a store.

Input formats are registered by name (:data:`FORMATS`), one module per format, each offering
``generate_records(fp)`` that yields ``(line, record)``. :func:`load_files` validates, resolves
and merges them through :class:`autokg.graph.merge.Merger`.
"""

from __future__ import annotations

import importlib
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from autokg.errors import InputError, InvalidRecord, UnknownName
from autokg.graph.merge import Counts, Merger
from autokg.graph.normalize import norm
from autokg.loaders.records import EntityRecord, validate

__all__ = ["FORMATS", "Rejection", "LoadReport", "load_files", "read_records", "format_for", "load_records"]

# name -> module; aliases map onto names
FORMATS = {
    "jsonl": "autokg.loaders.jsonl",
    "json": "autokg.loaders.jsonarray",
    "yaml": "autokg.loaders.yamlfile",
    "csv": "autokg.loaders.csvfile",
    "turtle": "autokg.loaders.rdf",
    "json-ld": "autokg.loaders.rdf",
    "nt": "autokg.loaders.rdf",
    "xlsx": "autokg.loaders.xlsxfile",
}
_FORMAT_ALIASES = {"ndjson": "jsonl", "jsonlines": "jsonl", "yml": "yaml",
                   "ttl": "turtle", "jsonld": "json-ld", "ntriples": "nt", "n-triples": "nt",
                   "tsv": "csv"}
_EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonlines": "jsonl", ".json": "json",
               ".yaml": "yaml", ".yml": "yaml", ".csv": "csv",
               ".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".tsv": "csv", ".xlsx": "xlsx"}


def register_format(name: str, module: str, extensions: tuple[str, ...] = ()) -> None:
    FORMATS[name] = module
    for ext in extensions:
        _EXTENSIONS[ext] = name


def format_for(path: str, explicit: str | None = None) -> str:
    """The input format of *path*: *explicit* if given, else by extension."""
    if explicit:
        name = _FORMAT_ALIASES.get(explicit.lower(), explicit.lower())
        if name not in FORMATS:
            raise UnknownName(f"unknown input format {explicit!r} (known: {', '.join(FORMATS)})")
        return name
    if path == "-":
        return "jsonl"
    ext = Path(path).suffix.lower()
    if ext not in _EXTENSIONS:
        raise InputError(
            f"cannot tell the format from the extension {ext or '(none)'!r}; "
            f"use --input-format ({', '.join(FORMATS)})")
    return _EXTENSIONS[ext]


def read_records(path: str, fmt: str, entities_only: bool = False,
                 options: dict | None = None) -> Iterator[tuple[int, object]]:
    """Yield ``(line, raw record or InvalidRecord)`` from *path*; raise InputError for the file.

    With *entities_only*, a format may skip records that cannot be entity records. *options*
    (``delimiter``, ``encoding``) and *entities_only* reach the readers that list them in their
    ``OPTIONS``.
    """
    module = importlib.import_module(FORMATS[fmt])
    try:
        fp = open(path, "rb")
    except FileNotFoundError:
        raise InputError("no such file") from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file") from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}") from None
    with fp:
        if entities_only and fmt == "jsonl":
            yield from module.generate_records(fp, only=b'"entity"')
        else:
            accepted = getattr(module, "OPTIONS", ())
            given = dict(options or {}, entities_only=entities_only or None)
            yield from module.generate_records(fp, **{k: v for k, v in given.items()
                                                      if v is not None and k in accepted})


@dataclass
class Rejection:
    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass
class LoadReport:
    files: int = 0
    records: int = 0
    entity_records: int = 0
    relation_records: int = 0
    entities: Counts = field(default_factory=Counts)
    relations: Counts = field(default_factory=Counts)
    sources: Counts = field(default_factory=Counts)
    rejected: list[Rejection] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files_not_loaded: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.rejected

    def as_dict(self) -> dict:
        return {
            "files": self.files,
            "records": self.records,
            "entity_records": self.entity_records,
            "relation_records": self.relation_records,
            "entities": self.entities.summary(),
            "relations": self.relations.summary(),
            "sources": self.sources.summary(),
            "rejected": [str(r) for r in self.rejected],
            "warnings": self.warnings,
            "files_not_loaded": self.files_not_loaded,
            "dry_run": self.dry_run,
        }


@dataclass
class _File:
    path: str
    label: str
    fmt: str
    entities: list[EntityRecord] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    records: int = 0
    lines: int = 0
    options: dict = field(default_factory=dict)


def _where(label: str, line: int) -> str:
    return f"{label}:{line}"


def _scan(f: _File, report: LoadReport, declared: dict[str, set[str]]) -> None:
    """First pass: collect the file's entity records (they count wherever they stand)."""
    try:
        with open(f.path, "rb") as fp:  # a line count, for the progress bar
            f.lines = sum(chunk.count(b"\n") for chunk in iter(lambda: fp.read(1 << 20), b""))
    except OSError:
        pass
    try:
        for line, rec in read_records(f.path, f.fmt, entities_only=True, options=f.options):
            if isinstance(rec, InvalidRecord):
                continue  # reported by the second pass, in order
            if isinstance(rec, dict) and "entity" in rec:
                try:
                    ent = validate(rec, _where(f.label, line))
                except InvalidRecord:
                    continue
                if isinstance(ent, EntityRecord):
                    f.entities.append(ent)
                    for n in [ent.name, *ent.aliases]:
                        declared.setdefault(norm(n), set()).add(ent.type)
    except InputError:
        pass  # reported by the second pass


def _merge_file(f: _File, merger: Merger, report: LoadReport, progress: Callable[[int, int], None] | None,
                total: int) -> None:
    """Second pass: the file's entity records first, then its relations in batches."""
    rejected = f.rejected
    report.entity_records += len(f.entities)
    late: dict[str, Rejection] = {}
    for ent in f.entities:
        try:
            merger.apply_entity(ent)
        except InvalidRecord as exc:
            late[ent.where] = Rejection(ent.where, exc.reason)
    where_line: dict[str, int] = {}
    try:
        for line, rec in read_records(f.path, f.fmt, options=f.options):
            where = _where(f.label, line)
            f.records += 1
            if progress:
                progress(1, total)
            if isinstance(rec, InvalidRecord):
                rejected.append(Rejection(where, rec.reason))
                continue
            if isinstance(rec, dict) and "entity" in rec and "subject" not in rec:
                if where in late:
                    rejected.append(late.pop(where))
                    continue
                try:
                    validate(rec, where)
                except InvalidRecord as exc:
                    rejected.append(Rejection(where, exc.reason))
                continue
            try:
                fact = validate(rec, where)
            except InvalidRecord as exc:
                rejected.append(Rejection(where, exc.reason))
                continue
            report.relation_records += 1
            where_line[where] = line
            for exc in merger.add_fact(fact):
                rejected.append(Rejection(exc.where, exc.reason))
    except InputError as exc:
        rejected.append(Rejection(f.label, str(exc)))
    for exc in merger.flush():
        rejected.append(Rejection(exc.where, exc.reason))
    rejected.extend(late.values())


def _line_of(rej: Rejection) -> tuple:
    head, _, tail = rej.where.rpartition(":")  # head is FILE, or FILE:SHEET for a workbook
    return (0, head, int(tail)) if tail.isdigit() else (-1, "", 0)


def load_files(
    store,
    paths: list[str],
    *,
    input_format: str | None = None,
    strict: bool = False,
    dry_run: bool = False,
    batch_size: int = 2000,
    progress: Callable[[int, int], None] | None = None,
    csv_delimiter: str | None = None,
    encoding: str | None = None,
) -> LoadReport:
    """Load *paths* (``-`` for stdin) into *store*; each file commits on its own.

    Bad records are reported in :attr:`LoadReport.rejected` as ``FILE:LINE: reason`` and the
    good ones load. With *strict* a file with any bad record writes nothing. With *dry_run*
    nothing is written at all. *csv_delimiter* and *encoding* are for CSV files (the delimiter
    is otherwise sniffed, the encoding UTF-8 unless a byte order mark says otherwise).
    """
    report = LoadReport(dry_run=dry_run)
    tmp = None
    files: list[_File] = []
    try:
        for p in paths:
            label = "<stdin>" if p == "-" else str(p)
            try:
                fmt = format_for(str(p), input_format)
            except InputError as exc:
                report.rejected.append(Rejection(label, str(exc)))
                report.files_not_loaded.append(label)
                continue
            path = str(p)
            if p == "-":
                # read twice (entity records first), so keep a copy of stdin
                tmp = tempfile.NamedTemporaryFile(prefix="autokg-stdin-", delete=False)
                shutil.copyfileobj(sys.stdin.buffer, tmp)
                tmp.close()
                path = tmp.name
            files.append(_File(path=path, label=label, fmt=fmt,
                               options={"delimiter": csv_delimiter, "encoding": encoding}))
        report.files = len(files)
        declared: dict[str, set[str]] = {}
        for f in files:
            _scan(f, report, declared)
        total = sum(f.lines for f in files)

        def run(f: _File, writer) -> tuple[Merger, bool]:
            merger = Merger(writer, declared, batch_size=batch_size)
            _merge_file(f, merger, report, progress, total)
            report.records += f.records
            f.rejected.sort(key=_line_of)
            report.warnings.extend(merger.warnings)
            if f.records == 0 and not f.rejected:
                report.warnings.append(f"{f.label}: empty file, nothing loaded")
            failed = strict and bool(f.rejected)
            if failed:
                writer.rollback()
                report.files_not_loaded.append(f.label)
            report.rejected.extend(f.rejected)
            return merger, failed

        if dry_run:
            with store.transaction(atomic=True) as writer:
                for f in files:
                    merger, failed = run(f, writer)
                    if not failed:
                        for kind in ("entities", "relations", "sources"):
                            getattr(report, kind).absorb(getattr(merger, kind))
                writer.rollback()
        else:
            for f in files:
                # --strict may discard a whole file at its end: nothing may be committed before
                with store.transaction(atomic=strict) as writer:
                    merger, failed = run(f, writer)
                if not failed:
                    for kind in ("entities", "relations", "sources"):
                        getattr(report, kind).absorb(getattr(merger, kind))
    finally:
        if tmp is not None:
            os.unlink(tmp.name)
    return report


def load_records(store, records: list[dict], label: str = "<records>") -> LoadReport:
    """Load in-memory records (as parsed from JSON) by writing them to a JSON Lines file."""
    import json

    with tempfile.TemporaryDirectory(prefix="autokg-") as d:
        path = os.path.join(d, "records.jsonl")
        with open(path, "w", encoding="utf-8") as fp:
            for r in records:
                fp.write(json.dumps(r, ensure_ascii=False) + "\n")
        report = load_files(store, [path])
    for r in report.rejected:
        r.where = r.where.replace(path, label)
    return report
