"""The Python front door: one object over a store, for notebooks and scripts.

The command line is this API with options; everything it does is one call here.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterable, Mapping

from autokg.errors import UsageError
from autokg.settings import ENV

__all__ = ["KnowledgeGraph", "open"]


class KnowledgeGraph:
    """A knowledge graph held by one store (embedded or Neo4j); a context manager.

    Made by :func:`autokg.open`. The store stays open until :meth:`close` (or the end of the
    ``with`` block).
    """

    def __init__(self, store):
        self.store = store

    # ---- lifetime -----------------------------------------------------------------------

    @property
    def backend(self) -> str:
        """The store kind: ``embedded`` or ``neo4j``."""
        return self.store.name

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "KnowledgeGraph":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        where = getattr(self.store, "path", None) or getattr(self.store, "location", "")
        return f"<KnowledgeGraph {self.backend} {where}>"

    # ---- writing ------------------------------------------------------------------------

    def load(self, paths_or_records: str | os.PathLike | Iterable[Any], *, input_format: str | None = None,
             strict: bool = False, strict_quotes: bool = False, dry_run: bool = False, progress=None,
             **reader_options: Any):
        """Load fact files (a path or a list of paths; ``-`` is standard input) or in-memory
        records (dicts in the fact format) and return the :class:`~autokg.loaders.LoadReport`.

        Bad records are reported in ``report.rejected`` as ``FILE:LINE: reason`` while the good
        ones load. With *strict*, a file with any bad record writes nothing; with *dry_run*,
        nothing is written at all. A relation whose quote does not name both parties loads with
        a warning in ``report.warnings``; with *strict_quotes* it is a bad record.
        """
        from autokg.loaders import load_files, load_records

        items: list[Any]
        if isinstance(paths_or_records, (str, os.PathLike, Mapping)):
            items = [paths_or_records]
        else:
            items = list(paths_or_records)
        if items and all(isinstance(i, Mapping) for i in items):
            if input_format or strict or dry_run or reader_options:
                raise UsageError("in-memory records take no input_format, strict, dry_run or reader options")
            return load_records(self.store, [dict(i) for i in items], strict_quotes=strict_quotes)
        if not all(isinstance(i, (str, os.PathLike)) for i in items):
            raise UsageError("load takes file paths or fact records (dicts), not a mix of them")
        return load_files(self.store, [os.fspath(i) for i in items], input_format=input_format, strict=strict,
                          strict_quotes=strict_quotes, dry_run=dry_run, progress=progress, **reader_options)

    def neo4j_bulk(self, outdir: str | os.PathLike):
        """Write the files ``neo4j-admin database import full`` reads into *outdir*, for exactly
        the graph the Neo4j store would hold after loading what this store holds; returns the
        summary of what was written (see :mod:`autokg.exports.neo4j_bulk`)."""
        from autokg.exports.neo4j_bulk import write_neo4j_bulk

        return write_neo4j_bulk(self.store, os.fspath(outdir))

    def extract(self, files: Iterable[str | os.PathLike], *, meta: Mapping[str, Any] | None = None,
                lang: str = "auto") -> tuple[list[dict], list[str]]:
        """Candidate facts from articles (``.txt``, ``.html``, ``-``), for review before
        :meth:`load`: the records (entity records first) and the files that gave none. Names the
        store knows come out under their display names; *meta* (url, title, publisher,
        published) overrides what a page says."""
        from autokg.extract import extract_files

        return extract_files([os.fspath(f) for f in files], meta=dict(meta or {}),
                             known=self.store.entity_rows(), lang=lang)

    # ---- entity resolution --------------------------------------------------------------

    def dedupe(self, type: str | None = None, min_score: float = 0.8, limit: int | None = None) -> list[dict]:
        """Candidate duplicates, best first, as dicts keyed by ``kind, a, b, score, reasons,
        a_id, b_id``: entities of one type with similar names (*type* keeps one type), and
        relations of one pair with different keys. Pairs already judged are left out."""
        from autokg.graph.dedupe import dedupe

        return dedupe(self.store, type_=type, min_score=min_score, limit=limit)

    def judge(self, judgement: str, a: str, b: str, note: str | None = None) -> dict:
        """Judge *a* and *b* (entity names or aliases, or the ids :meth:`dedupe` gives)
        ``same``, ``different`` or ``unsure``, or ``undo`` the judgement between them. After
        ``same`` every query answers as if they were one; ``undo`` restores exactly what the
        store answered before. Returns the judgement, with the ``warnings`` of the merge."""
        from autokg.graph.judgements import judge, undo

        if judgement == "undo":
            return undo(self.store, a, b)
        return judge(self.store, judgement, a, b, note=note)

    def judgements(self) -> list[dict]:
        """The judgements, oldest first: ``judgement, kind, a, b, time, note, a_id, b_id``."""
        from autokg.graph.judgements import judgement_rows

        return judgement_rows(self.store)

    def export_judgements(self, path: str | os.PathLike) -> int:
        """Write the judgements as JSON Lines to *path* (``-``: standard output); returns how many."""
        from autokg.graph.judgements import export_judgements

        return export_judgements(self.store, os.fspath(path))

    def import_judgements(self, path: str | os.PathLike):
        """Replay the judgements of a JSON Lines file; importing it twice changes nothing.
        Returns the :class:`~autokg.graph.judgements.ImportReport` (``rejected`` lines as
        ``FILE:LINE: reason``)."""
        from autokg.graph.judgements import import_judgements

        return import_judgements(self.store, os.fspath(path))

    # ---- reading ------------------------------------------------------------------------

    def query(self, preset: str, **params: Any) -> list[dict]:
        """Run a saved query; rows are dicts keyed by the preset's columns, in its order.

        Entity parameters take any name or alias (``company="Gruppo Renault"``).
        """
        from autokg.queries.presets import run_preset

        return run_preset(self.store, preset, **params)

    @staticmethod
    def presets() -> dict:
        """The saved queries by name (:class:`~autokg.queries.presets.Preset`: description,
        parameters, columns, order, example)."""
        from autokg.queries.presets import PRESETS

        return dict(PRESETS)

    def entities(self, type: str | None = None, search: str | None = None) -> list[dict]:
        """Entities as ``{name, type, aliases}``, by name: only those of *type* (any case), only
        those with *search* in their name or an alias (compared as names are)."""
        from autokg.graph.normalize import norm

        want = norm(search) if search else None
        out = []
        for e in self.store.entity_rows():
            if type and e["type"].lower() != type.lower():
                continue
            if want and not any(want in norm(n) for n in [e["name"], *e["aliases"]]):
                continue
            out.append({"name": e["name"], "type": e["type"], "aliases": sorted(e["aliases"])})
        out.sort(key=lambda r: (r["name"], r["type"]))
        return out

    def check(self) -> list[dict]:
        """The evidence problems of the graph, one row per problem and source, as dicts keyed by
        ``predicate, subject, object, url, problem``: relations whose quote does not name both
        parties, relations no source quotes, relations whose sources are all undated. Ordered by
        kind of problem, then predicate, subject, object and url (see
        :func:`autokg.graph.evidence.review`)."""
        from autokg.graph.evidence import review_store

        return review_store(self.store)

    def stats(self) -> dict[str, int]:
        """Counts of entities, relations and sources (also per type and predicate)."""
        return self.store.stats()

    def to_networkx(self, view: str = "full", status: str | None = None):
        """The graph as networkx: ``full`` is a ``MultiDiGraph`` of every entity and relation,
        ``companies`` a ``Graph`` of who partners with whom (optionally of one *status*)."""
        from autokg.exports.graphml import to_networkx

        return to_networkx(self.store, view=view, status=status)

    def export(self, format: str, out: str | os.PathLike, /, **options: Any) -> Any:
        """Write the graph with the exporter registered as *format* (``graphml``, ``rdf``,
        ``viz``, …; see :data:`autokg.exports.EXPORTS`) to *out* (``-`` for standard output
        where the format allows it). Returns what the exporter reports (counts)."""
        from autokg.exports import export

        return export(self.store, format, os.fspath(out), **options)


def open(path: str | os.PathLike | None = None, backend: str | None = None, **neo4j_settings: Any) -> KnowledgeGraph:
    """Open a knowledge graph.

    *backend* is ``embedded`` (a SQLite file at *path*, by default ``AUTOKG_STORE`` or the user
    data directory) or ``neo4j`` (with ``uri``, ``username``, ``password``, ``database``, each
    by default from ``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``).
    Without *backend*: ``AUTOKG_BACKEND``, else ``neo4j`` when a ``uri`` is given, else
    ``embedded``.
    """
    from autokg.graph.store import get_store_kind

    unknown = set(neo4j_settings) - {"uri", "username", "password", "database"}
    if unknown:
        raise UsageError(f"autokg.open() has no option {', '.join(sorted(unknown))} "
                         "(Neo4j settings: uri, username, password, database)")
    name = backend or os.environ.get(ENV["backend"]) or ("neo4j" if neo4j_settings.get("uri") else "embedded")
    kind = get_store_kind(name)
    if kind.name == "neo4j":
        settings = {k: neo4j_settings.get(k) or os.environ.get(ENV[f"neo4j_{k}"]) for k in
                    ("uri", "username", "password", "database")}
        return KnowledgeGraph(kind.factory(**settings))
    if neo4j_settings:
        raise UsageError(f"the {kind.name} store takes a path, not Neo4j settings")
    where = path if path is not None else os.environ.get(ENV["store"]) or None
    return KnowledgeGraph(kind.factory(path=Path(where) if where else None))
