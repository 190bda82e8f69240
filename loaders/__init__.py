"""Reading fact files and loading them into a store.

Input formats are registered by name in :mod:`autokg.loaders.formats` (:data:`FORMATS`), one
module per format, each offering ``generate_records(fp, *, fmt)`` that yields ``(place, record)``.
:func:`load_files` validates, resolves and merges them through :class:`autokg.graph.merge.Merger`.
A file is read twice, entity records first; a format parsed as one document (JSON, YAML, RDF) is
parsed once and its records kept for the second pass.
"""

from __future__ import annotations

import gc
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from autokg.errors import InputError, InvalidRecord
from autokg.graph.merge import Counts, Merger
from autokg.graph.normalize import norm
from autokg.graph.resolution import finish_load, for_load
from autokg.loaders.formats import FORMATS, InputFormat, format_for, get_format, register_format
from autokg.loaders.records import EntityRecord, validate

__all__ = ["FORMATS", "InputFormat", "register_format", "get_format", "format_for", "Rejection", "LoadReport",
           "load_files", "read_records", "load_records"]

def read_records(path: str, fmt: str, entities_only: bool = False, **options) -> Iterator[tuple[int, object]]:
    """Yield ``(place, raw record or InvalidRecord)`` from *path*; raise InputError for the file.

    The reader is given the format name *fmt*, and those of the reader *options* (``delimiter``,
    ``encoding``) it lists in its ``OPTIONS``. With *entities_only*, a streamed format may skip
    records that cannot be entity records.
    """
    spec = get_format(fmt)
    module = spec.reader()
    try:
        fp = open(path, "rb")
    except FileNotFoundError:
        raise InputError("no such file") from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file") from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}") from None
    with fp:
        accepted = getattr(module, "OPTIONS", ())
        given = {k: v for k, v in options.items() if v is not None and k in accepted}
        if entities_only and spec.name == "jsonl":
            given["only"] = b'"entity"'
        elif entities_only and "entities_only" in accepted:
            given["entities_only"] = True
        yield from module.generate_records(fp, fmt=spec.name, **given)


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
    warnings: list[str] = field(default_factory=list)  # "PLACE: warning: message", as printed
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
    _parsed: list | None = None
    _error: InputError | None = None

    def read(self, entities_only: bool = False) -> Iterator[tuple[int, object]]:
        """The file's records. A whole-document format is parsed on the first call only."""
        if not get_format(self.fmt).whole:
            yield from read_records(self.path, self.fmt, entities_only, **self.options)
            return
        if self._parsed is None and self._error is None:
            try:
                self._parsed = list(read_records(self.path, self.fmt, **self.options))
            except InputError as exc:
                self._error = exc
        if self._error is not None:
            raise self._error
        yield from self._parsed

    def release(self) -> None:
        self._parsed = None


def _where(label: str, line: int) -> str:
    return f"{label}:{line}"


def _scan(f: _File, report: LoadReport, declared: dict[str, set[str]],
          declared_names: dict[tuple[str, str], set[str]]) -> None:
    """First pass: collect the file's entity records (they count wherever they stand), the types
    of every declared name and the names declared together."""
    try:
        with open(f.path, "rb") as fp:  # a line count, for the progress bar
            f.lines = sum(chunk.count(b"\n") for chunk in iter(lambda: fp.read(1 << 20), b""))
    except OSError:
        pass
    try:
        for line, rec in f.read(entities_only=True):
            if isinstance(rec, InvalidRecord):
                continue  # reported by the second pass, in order
            if isinstance(rec, dict) and "entity" in rec:
                try:
                    ent = validate(rec, _where(f.label, line))
                except InvalidRecord:
                    continue
                if isinstance(ent, EntityRecord):
                    f.entities.append(ent)
                    names = {norm(n) for n in [ent.name, *ent.aliases]}
                    for n in names:
                        declared.setdefault(n, set()).add(ent.type)
                        declared_names.setdefault((ent.type, n), set()).update(names)
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
    try:
        for line, rec in f.read():
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
            for exc in merger.add_fact(fact):
                rejected.append(Rejection(exc.where, exc.reason))
    except InputError as exc:
        rejected.append(Rejection(f.label, str(exc)))
    for exc in merger.flush():
        rejected.append(Rejection(exc.where, exc.reason))
    rejected.extend(late.values())


# Allocations between two collections of the youngest generation while a load runs (Python's
# default is 700). A load keeps tens of thousands of rows in its caches and allocates several
# containers per record, so with the default the collector ran about 1,600 times per 100,000
# facts, the full collections each walking every cached row: about a tenth of the load's CPU time.
# The merge engine and the embedded store make no reference cycles (a collection after such a
# load frees nothing), so collecting less often costs them no memory; the collector still runs,
# for whatever a format's reader makes. The Neo4j driver does make cycles, which hold statements'
# parameters: the Neo4j store's sender collects them at each commit (autokg.graph.neo4j.sender).
_GC_YOUNG = 100_000


def _collect_less() -> tuple[int, ...]:
    """Raise the collector's threshold for a load; returns the thresholds to restore."""
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], _GC_YOUNG), *old[1:])
    return old


def _line_of(rej: Rejection) -> tuple:
    head, _, tail = rej.where.rpartition(":")  # head is FILE, or FILE:SHEET for a workbook
    return (0, head, int(tail)) if tail.isdigit() else (-1, "", 0)


def load_files(
    store,
    paths: list[str],
    *,
    input_format: str | None = None,
    strict: bool = False,
    strict_quotes: bool = False,
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

    A relation whose quote does not name both parties (:mod:`autokg.graph.evidence`) loads with
    a warning in :attr:`LoadReport.warnings`, ``FILE:LINE: warning: the quote does not name
    'X'``; with *strict_quotes* it is rejected instead, ``FILE:LINE: the quote does not name 'X'``.
    """
    report = LoadReport(dry_run=dry_run)
    tmp = None
    files: list[_File] = []
    gc_thresholds = _collect_less()
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
        declared_names: dict[tuple[str, str], set[str]] = {}
        for f in files:
            _scan(f, report, declared, declared_names)
        total = sum(f.lines for f in files)

        def run(f: _File, writer) -> tuple[Merger, bool]:
            # with judgements in the store, the merge writes the loads' own rows and the view
            # of the clusters they touch is derived again (autokg.graph.resolution)
            writer = for_load(writer)
            merger = Merger(writer, declared, batch_size=batch_size, declared_names=declared_names,
                            strict_quotes=strict_quotes)
            _merge_file(f, merger, report, progress, total)
            merger.warnings.extend(f"{f.label}: {w}" for w in finish_load(writer))
            f.release()
            report.records += f.records
            f.rejected.sort(key=_line_of)
            report.warnings.extend(merger.warnings)
            if f.records == 0 and not f.rejected:
                report.warnings.append(f"{f.label}: warning: empty file, nothing loaded")
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
        gc.set_threshold(*gc_thresholds)
        if tmp is not None:
            os.unlink(tmp.name)
    return report


def load_records(store, records: list[dict], label: str = "<records>", strict_quotes: bool = False) -> LoadReport:
    """Load in-memory records (as parsed from JSON) by writing them to a JSON Lines file."""
    import json

    with tempfile.TemporaryDirectory(prefix="autokg-") as d:
        path = os.path.join(d, "records.jsonl")
        with open(path, "w", encoding="utf-8") as fp:
            for r in records:
                fp.write(json.dumps(r, ensure_ascii=False) + "\n")
        report = load_files(store, [path], strict_quotes=strict_quotes)
    for r in report.rejected:
        r.where = r.where.replace(path, label)
    report.warnings = [w.replace(path, label) for w in report.warnings]
    return report
