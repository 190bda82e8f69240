"""The files of a bulk initial load into Neo4j: ``neo4j-admin database import full`` input.

:func:`write_neo4j_bulk` writes, from any store, the node and relationship CSV files of exactly
the graph the Neo4j store writes transactionally (see :mod:`autokg.graph.neo4j`: labels,
relationship types, property names, types and arrays), and ``import.args``, the arguments of the
import (``--nodes=…``, ``--relationships=…`` and the CSV settings), one per line, with paths
relative to the folder. The rows are streamed to the files as they are read.

Format of the files (the import tool's header format):

* comma delimiter; every text value quoted, a quote inside doubled (RFC 4180); an empty,
  unquoted field is an absent property. Backslashes are plain characters
  (``--legacy-style-quoting=false``).
* arrays (``aliases``, ``names_norm``) are one quoted field, the elements joined by a character
  that no element holds, chosen per export among control and private-use characters and named
  in ``--array-delimiter``.
* ``--multiline-fields=true`` only when some value holds a line break (it slows the import).
* one file per node label set or relationship type, and per type of the ``number`` properties in
  it (``long`` for integral values, ``double`` otherwise, as the driver sends them): the import
  types a column, not a value.

Nodes use four id spaces (``Entity``, ``Relation``, ``Source``, ``Name``); their ``id`` column is
also the ``id`` property (``norm`` for a ``:Name``), as in the transactional path. Community Edition has one user database and no
incremental import: the import replaces the ``neo4j`` database, and later loads merge into it
over Bolt as usual. Constraints and indexes are made afterwards by ``autokg neo4j init``, which
also gives an entity without aliases its empty ``aliases`` list (the import tool writes no empty
array; the transactional path stores one).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from autokg.errors import StoreError
from autokg.graph.model import schema
from autokg.graph.neo4j.rows import SOURCE_COLS, check_vocabulary, chunks
from autokg.graph.neo4j.statements import PARTNER_COUNTS_KEY, PARTNERS, label, reltype
from autokg.graph.normalize import norm

__all__ = ["ARGS_FILE", "ARRAY_DELIMITERS", "BulkSummary", "write_neo4j_bulk", "import_commands"]

ARGS_FILE = "import.args"
# Candidates for the array delimiter, in order: none is likely in a name, and the first one that
# no array element of the export holds is used.
ARRAY_DELIMITERS = ("\x1f", "\x1e", "\x1d", "\x1c", "\ue000", "\ue001", "\ufdd0", "\ufdd1")


@dataclass
class BulkSummary:
    """What :func:`write_neo4j_bulk` wrote: counts, files and the import settings."""

    outdir: str = ""
    nodes: int = 0
    relationships: int = 0
    entities: int = 0
    relations: int = 0
    sources: int = 0
    links: int = 0
    files: list[str] = field(default_factory=list)
    array_delimiter: str = ARRAY_DELIMITERS[0]
    multiline: bool = False

    def __str__(self) -> str:
        return (f"{self.nodes} nodes, {self.relationships} relationships in {len(self.files)} files "
                f"({self.entities} entities, {self.relations} relations, {self.sources} sources, "
                f"{self.links} links)")


def _codepoint(ch: str) -> str:
    return f"U+{ord(ch):04X}"


def _csv_type(value) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    if isinstance(value, (list, tuple)):
        return "string[]"
    return "string"


class _Table:
    """The rows of one kind of node or relationship, streamed into files by type of their
    typed columns.

    *columns* is ``[(property, default type)]``; a header token such as ``:START_ID(Relation)``
    is given with type ``None`` and written as is. The type of a ``long`` or ``double`` column
    with a value is the value's (the import types a column, not a value); rows whose types
    differ go to different files. Other columns keep their type: the schema vocabulary gives
    their values one type.
    """

    def __init__(self, writer: "_Writer", stem: str, option: str, what: str, columns: list[tuple[str, str | None]]):
        self.writer, self.stem, self.option, self.what, self.columns = writer, stem, option, what, columns
        props = [(c, t) for c, t in columns if t is not None]
        self.names = [c for c, _ in props]
        self.known = frozenset(self.names)
        self.numeric = [c for c, t in props if t in ("long", "double")]
        self.defaults = tuple(t for c, t in props if t in ("long", "double"))
        self.files: dict[tuple, tuple[Path, object, list[int]]] = {}  # type signature -> (path, file, [rows])

    def add(self, fixed: list[str], props: dict) -> None:
        if not self.known.issuperset(props):
            extra = sorted(set(props) - self.known)
            raise StoreError(f"{self.what}: property {extra[0]!r} is not in the schema vocabulary")
        if self.numeric:
            types = tuple(t if (v := props.get(c)) is None else _csv_type(v)
                          for c, t in zip(self.numeric, self.defaults))
        else:
            types = ()
        out = self.files.get(types)
        if out is None:
            out = self.files[types] = self.writer.open(self, types)
        cell = self.writer.cell
        fixed.extend(cell(props.get(c)) for c in self.names)
        out[1].write(",".join(fixed))
        out[1].write("\n")
        out[2][0] += 1

    def header(self, types: tuple) -> str:
        typed = dict(zip(self.numeric, types))
        return ",".join(c if t is None else f"{c}:{typed.get(c, t)}" for c, t in self.columns)

    def outputs(self) -> Iterator[tuple[str, str, int]]:
        """Close the files, name them in a stable order and yield ``(file name, import option,
        rows)`` of each."""
        for i, (types, (path, fh, rows)) in enumerate(sorted(self.files.items())):
            fh.close()
            name = f"{self.stem}.csv" if i == 0 else f"{self.stem}-{i + 1}.csv"
            os.replace(path, path.with_name(name))
            yield name, self.option, rows[0]


class _Writer:
    def __init__(self, outdir: Path, array_delimiter: str):
        self.outdir = outdir
        self.delim = array_delimiter
        self.multiline = False
        self.opened = 0

    def open(self, table: _Table, types: tuple):
        self.opened += 1
        path = self.outdir / f".part-{self.opened}.csv"
        fh = open(path, "w", encoding="utf-8", newline="", buffering=1 << 20)
        fh.write(table.header(types))
        fh.write("\n")
        return path, fh, [0]

    def cell(self, value) -> str:
        if value is None:
            return ""
        t = type(value)
        if t is not str:
            if t is bool:
                return "true" if value else "false"
            if t is int:
                return str(value)
            if t is float:
                return repr(value)
            if isinstance(value, (list, tuple)):
                if not value:  # the import tool cannot write an empty array: `neo4j init` does
                    return ""
                value = self.delim.join(value)
            elif isinstance(value, bool):
                return "true" if value else "false"
            elif isinstance(value, (int, float)):
                return repr(value) if isinstance(value, float) else str(value)
        if not self.multiline and ("\n" in value or "\r" in value):
            self.multiline = True
        if '"' in value:
            value = value.replace('"', '""')
        return '"' + value + '"'


def _pick_delimiter(entities: list[dict]) -> str:
    used = set()
    for e in entities:
        for text in (e["name"], *e["aliases"]):
            used.update(ch for ch in text if ch in ARRAY_DELIMITERS)
            used.update(ch for ch in norm(text) if ch in ARRAY_DELIMITERS)
    for ch in ARRAY_DELIMITERS:
        if ch not in used:
            return ch
    raise StoreError("every candidate array delimiter occurs in some entity name or alias: "
                     f"{', '.join(_codepoint(c) for c in ARRAY_DELIMITERS)}")


def _schema_columns(props: dict) -> list[tuple[str, str]]:
    return [(name, "long" if p.type == "number" else "string") for name, p in props.items()]


def write_neo4j_bulk(store, outdir: str | os.PathLike) -> BulkSummary:
    """Write the import files of *store* (any store of :mod:`autokg.graph.store`) into the
    folder *outdir* (created if missing; the files of an earlier export there are replaced).
    Returns a :class:`BulkSummary`.

    Rows are streamed to their files as they are read, relations a chunk at a time, so memory
    does not grow with the number of relations beyond their ids and the partner counts.
    :data:`ARGS_FILE` is written last: a folder whose export was interrupted has none, and
    ``scripts/neo4j-local import`` refuses it.
    """
    check_vocabulary()
    s = schema()
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    for old in [*out.glob("nodes-*.csv"), *out.glob("rels-*.csv"), *out.glob(".part-*.csv"), out / ARGS_FILE]:
        old.unlink(missing_ok=True)
    summary = BulkSummary(outdir=str(out))
    entities = store.entity_rows()
    w = _Writer(out, _pick_delimiter(entities))
    summary.array_delimiter = w.delim
    tables: list[_Table] = []
    try:
        _write_tables(store, s, w, entities, tables, summary)
    except BaseException:
        for table in tables:
            for path, fh, _ in table.files.values():
                fh.close()
                path.unlink(missing_ok=True)
        raise
    args = []
    for table in tables:
        for name, option, rows in table.outputs():
            summary.files.append(name)
            if option.startswith("--nodes"):
                summary.nodes += rows
            else:
                summary.relationships += rows
            args.append(f"{option}={name}")
    summary.multiline = w.multiline
    settings = ["--delimiter=U+002C", "--quote=U+0022", f"--array-delimiter={_codepoint(w.delim)}",
                "--legacy-style-quoting=false", "--ignore-empty-strings=false", "--trim-strings=false",
                "--id-type=string"]
    if w.multiline:
        settings.append("--multiline-fields=true")
    partial = out / f".part-{ARGS_FILE}"
    with open(partial, "w", encoding="utf-8", newline="") as fh:
        fh.writelines(f"{line}\n" for line in [*settings, *args])
    os.replace(partial, out / ARGS_FILE)
    return summary


def _write_tables(store, s, w: _Writer, entities: list[dict], tables: list[_Table], summary: BulkSummary) -> None:
    """Create every table (in the order of the import arguments) and stream its rows."""
    ent = {}
    for t, et in s.entity_types.items():
        label(t)
        cols = [("id:ID(Entity)", None), ("name", "string"), ("aliases", "string[]"), ("names_norm", "string[]"),
                ("declared", "boolean"), ("partners", "long"), *_schema_columns(et.attributes)]
        ent[t] = _Table(w, f"nodes-entity-{t}", f"--nodes=Entity:{t}", f"entity type {t}", cols)
    tables += ent.values()
    name_nodes = _Table(w, "nodes-name", "--nodes=Name", "name", [("norm:ID(Name)", None)])
    name_links = _Table(w, "rels-names", "--relationships=NAMES", "name", [(":START_ID(Name)", None),
                                                                           (":END_ID(Entity)", None)])
    tables += [name_nodes, name_links]
    src_cols = [("id:ID(Source)", None), *[(c, "long" if s.source_fields[c].type == "number" else "string")
                                          for c in SOURCE_COLS if c != "id"]]
    sources = _Table(w, "nodes-source", "--nodes=Source", "source", src_cols)
    tables.append(sources)
    rel_nodes, typed, supports = {}, {}, {}
    for p, pred in s.predicates.items():
        reltype(p)
        pcols = _schema_columns(pred.properties)
        rel_nodes[p] = _Table(w, f"nodes-relation-{p}", "--nodes=Relation", f"relation {p}", [
            ("id:ID(Relation)", None), ("predicate", "string"), ("subject_id", "string"), ("object_id", "string"),
            ("key", "string"), ("key_display", "string"), ("sources", "long"), *pcols])
        typed[p] = _Table(w, f"rels-{p}", f"--relationships={p}", f"relation {p}", [
            (":START_ID(Entity)", None), (":END_ID(Entity)", None), ("id", "string"), ("key_display", "string"),
            ("sources", "long"), *pcols])
        supports[p] = _Table(w, f"rels-supports-{p}", "--relationships=SUPPORTS", f"claim of {p}", [
            (":START_ID(Source)", None), (":END_ID(Relation)", None), ("quote", "string"),
            ("confidence", "double"), ("seq", "long"), *pcols])
    subject = _Table(w, "rels-subject", "--relationships=SUBJECT", "subject", [(":START_ID(Relation)", None),
                                                                              (":END_ID(Entity)", None)])
    obj = _Table(w, "rels-object", "--relationships=OBJECT", "object", [(":START_ID(Relation)", None),
                                                                      (":END_ID(Entity)", None)])
    tables += [*rel_nodes.values(), subject, obj, *typed.values(), *supports.values()]
    meta = _Table(w, "nodes-meta", "--nodes=AutokgMeta", "record counter", [("key:ID(AutokgMeta)", None),
                                                                           ("value", "long")])
    tables.append(meta)

    # Relations first: their pass also counts each entity's partners not ended, the
    # ``partners`` property of the entity nodes written after.
    adjacent: dict[str, set[str]] = {}
    cell = w.cell
    with store.transaction(atomic=True) as reader:
        for chunk in chunks(store.relation_ids()):
            for rid, rel in sorted(reader.get_relations(chunk).items()):
                p = rel["predicate"]
                if p not in rel_nodes:
                    raise StoreError(f"relation {rid}: predicate {p!r} is not in the schema vocabulary")
                props = {k: v for k, v in (rel["props"] or {}).items() if v is not None}
                links = rel["links"]
                sid_, oid_ = rel["subject_id"], rel["object_id"]
                if p == PARTNERS and props.get("status") != "ended":
                    adjacent.setdefault(sid_, set()).add(oid_)
                    adjacent.setdefault(oid_, set()).add(sid_)
                rid_cell, s_cell, o_cell = cell(rid), cell(sid_), cell(oid_)
                rel_nodes[p].add([rid_cell], {**props, "predicate": p, "subject_id": sid_, "object_id": oid_,
                                              "key": rel["key"], "key_display": rel["key_display"],
                                              "sources": len(links)})
                typed[p].add([s_cell, o_cell], {**props, "id": rid, "key_display": rel["key_display"],
                                                 "sources": len(links)})
                subject.add([rid_cell, s_cell], {})
                obj.add([rid_cell, o_cell], {})
                for sid, link in sorted(links.items()):
                    claims = {k: v for k, v in (link["claims"] or {}).items() if v is not None}
                    supports[p].add([cell(sid), rid_cell], {
                        **claims, "quote": link["quote"], "confidence": float(link["confidence"]),
                        "seq": int(link["seq"])})
                    summary.links += 1
                summary.relations += 1
        seq = reader.next_seq(0)
        reader.rollback()  # reading the counter must not write it
    if seq:
        meta.add([cell("seq")], {"value": int(seq)})
    meta.add([cell(PARTNER_COUNTS_KEY)], {"value": 1})  # the partner counts are there

    having: dict[str, list[str]] = {}  # compared name -> ids of the entities having it
    for e in entities:
        table = ent.get(e["type"])
        if table is None:
            raise StoreError(f"entity {e['id']}: type {e['type']!r} is not in the schema vocabulary")
        names = [e["name"], *e["aliases"]]
        props = {k: v for k, v in e["attrs"].items() if v is not None}
        norms = list(dict.fromkeys(norm(n) for n in names))
        partners = adjacent.get(e["id"])
        props.update(name=e["name"], aliases=list(e["aliases"]), names_norm=norms, declared=bool(e["declared"]),
                     partners=len(partners) if partners else None)
        table.add([cell(e["id"])], props)
        for n in norms:
            having.setdefault(n, []).append(e["id"])
    summary.entities = len(entities)
    del adjacent
    for n, ids in sorted(having.items()):
        c = cell(n)
        name_nodes.add([c], {})
        for eid in ids:
            name_links.add([c, cell(eid)], {})
    del having

    for row in store.source_rows():
        sources.add([cell(row["id"])], {k: v for k, v in row.items() if k != "id" and v is not None})
        summary.sources += 1


def import_commands(outdir: str | os.PathLike) -> dict[str, str]:
    """The shell commands that import *outdir* (written by :func:`write_neo4j_bulk`) then make
    the constraints and indexes: ``local`` for ``scripts/neo4j-local``, ``docker`` for the
    repository's ``docker-compose.yml``."""
    import shlex

    d = shlex.quote(str(Path(outdir).resolve()))
    return {
        "local": f'eval "$(scripts/neo4j-local import {d})" && autokg --backend neo4j neo4j init',
        "docker": ("docker compose stop neo4j && "
                   f"docker compose run --rm --no-deps -v {d}:/import -w /import neo4j "
                   f"neo4j-admin database import full --overwrite-destination=true "
                   f"--report-file=/logs/import.report neo4j @/import/{ARGS_FILE} && "
                   "docker compose up -d --wait && autokg --backend neo4j neo4j init"),
    }
