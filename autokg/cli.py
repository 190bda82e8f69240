"""The ``autokg`` command line: a thin layer over the library.

Each command parses its options, makes one library call and turns :class:`AutokgError` into a
one-line message (exit 1; usage errors exit 2). ``--debug`` shows tracebacks.
"""

from __future__ import annotations

import functools
import io
import json
import os
import sqlite3
import sys
from typing import Any

import click

from autokg import __version__
from autokg.errors import AutokgError, UsageError
from autokg.exports import get_export
from autokg.graph.store import STORES
from autokg.loaders.formats import FORMATS as INPUT_FORMATS, format_choices
from autokg.queries.presets import PRESETS, Preset
from autokg.settings import ENV

__all__ = ["main", "cli"]

_FORMATS = ("table", "json", "csv", "xlsx")
# registries of the library layers: light modules, read when the CLI is built
_STORE_CHOICES = [*STORES, *(a for k in STORES.values() for a in k.aliases)]


def _fail(fn):
    """Expected errors become a one-line message, never a traceback."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        ctx = click.get_current_context()
        try:
            return fn(*args, **kwargs)
        except UsageError as exc:
            raise click.UsageError(str(exc), ctx) from None
        except AutokgError as exc:
            if ctx.find_root().obj and ctx.find_root().obj.get("debug"):
                raise
            raise click.ClickException(str(exc)) from None
        except BrokenPipeError:
            sys.stderr.close()
            ctx.exit(0)
        except sqlite3.DatabaseError as exc:
            # a page of the embedded store damaged after it opened, read by a query as it runs
            root = ctx.find_root().obj or {}
            if root.get("debug"):
                raise
            from autokg.graph.embedded import default_path

            raise click.ClickException(f"{root.get('store') or default_path()}: {exc}") from None

    return wrapper


def _open(ctx: click.Context, backend: str | None = None):
    """The knowledge graph the global options name (*backend* overrides --backend)."""
    from autokg.api import open as open_kg
    from autokg.graph.store import get_store_kind

    o = ctx.find_root().obj
    kind = get_store_kind(backend or o["backend"]).name
    if kind == "neo4j":
        return open_kg(backend=kind, uri=o["neo4j_uri"], username=o["neo4j_username"],
                       password=o["neo4j_password"], database=o["neo4j_database"])
    return open_kg(o["store"], backend=kind)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def emit(rows: list[dict], columns: list[str], fmt: str) -> None:
    """Print *rows* as an aligned table, a JSON array of objects, or CSV, or write them to the
    command's --output; XLSX goes only to a file. CSV text that a spreadsheet would run as a
    formula is neutralised unless --no-sanitize."""
    ctx = click.get_current_context(silent=True)
    meta = ctx.meta if ctx else {}
    output, sanitize = meta.get("autokg.output"), meta.get("autokg.sanitize", True)
    if output == "-":
        output = None
    if fmt == "xlsx":
        from autokg.exports.xlsx import write_sheet

        if not output:
            raise UsageError("--format xlsx writes a workbook: add -o FILE.xlsx")
        n = write_sheet(rows, columns, output)
        click.echo(f"wrote {output}: {n} rows", err=True)
        return
    if fmt == "json":
        text = json.dumps([{c: r.get(c) for c in columns} for r in rows], ensure_ascii=False, indent=2) + "\n"
    elif fmt == "csv":
        from autokg.exports.tabular import write_csv

        buf = io.StringIO()
        write_csv(rows, columns, buf, sanitize=sanitize)
        text = buf.getvalue()
    else:
        cells = [[_cell(r.get(c)) for c in columns] for r in rows]
        widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
        line = lambda vals: "  ".join(v.ljust(w) for v, w in zip(vals, widths)).rstrip()  # noqa: E731
        text = "".join(line(v) + "\n" for v in [columns, ["-" * w for w in widths], *cells])
        if not rows:
            text += "(no rows)\n"
    if output:
        from autokg.graph.atomic import atomic_open

        with atomic_open(output) as fp:
            fp.write(text)
        click.echo(f"wrote {output}: {len(rows)} rows", err=True)
    else:
        click.echo(text, nl=False)


def _remember(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """Keep an output option where emit() finds it, so commands need not pass it along."""
    ctx.meta[f"autokg.{param.name}"] = value
    return value


def _format_option(fn):
    fn = click.option("--sanitize/--no-sanitize", default=True, show_default=True, expose_value=False,
                      callback=_remember, help="CSV: put a ' before text a spreadsheet would run as a "
                      "formula (= + - @); --no-sanitize for programs that want the exact text.")(fn)
    fn = click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), expose_value=False,
                      callback=_remember, help="Write to this file instead of standard output "
                      "(required by --format xlsx).")(fn)
    return click.option("--format", "fmt", type=click.Choice(_FORMATS), default="table",
                        show_default=True, help="Output format.")(fn)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="autokg")
@click.option("--store", envvar=ENV["store"], type=click.Path(dir_okay=False),
              help="Embedded store file [env AUTOKG_STORE; default: the user data directory].")
@click.option("--backend", envvar=ENV["backend"], type=click.Choice(_STORE_CHOICES),
              default="embedded", show_default=True, help="Store to use [env AUTOKG_BACKEND].")
@click.option("--neo4j-uri", envvar=ENV["neo4j_uri"], help="bolt:// or neo4j:// URI [env NEO4J_URI].")
@click.option("--neo4j-username", envvar=ENV["neo4j_username"], default="neo4j", show_default=True,
              help="[env NEO4J_USERNAME]")
@click.option("--neo4j-password", envvar=ENV["neo4j_password"], help="[env NEO4J_PASSWORD; never printed]")
@click.option("--neo4j-database", envvar=ENV["neo4j_database"], help="[env NEO4J_DATABASE; default: the server's]")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.pass_context
def cli(ctx, store, backend, neo4j_uri, neo4j_username, neo4j_password, neo4j_database, debug):
    """autokg: who works with whom in the automotive industry, every answer sourced.

    \b
    Examples:
      autokg demo
      autokg load facts.jsonl more.csv
      autokg query partners-of --company "Gruppo Renault" --format json
      autokg --backend neo4j query hubs
    """
    ctx.obj = dict(store=store, backend=backend, neo4j_uri=neo4j_uri, neo4j_username=neo4j_username,
                   neo4j_password=neo4j_password, neo4j_database=neo4j_database, debug=debug)


def _print_report(report, quiet: bool = False) -> None:
    for r in report.rejected:
        click.echo(str(r), err=True)
    for w in report.warnings:
        click.echo(w, err=True)
    if quiet:
        return
    d = report.as_dict()
    files = "file" if d["files"] == 1 else "files"
    head = "checked" if report.dry_run else "read"
    click.echo(f"{head} {d['records']} records from {d['files']} {files}: "
               f"{d['entity_records']} entity records, {d['relation_records']} relations")
    for kind in ("entities", "relations", "sources"):
        c = d[kind]
        click.echo(f"{kind + ':':<11}{c['new']:>6} new {c['updated']:>6} updated {c['unchanged']:>6} unchanged")
    click.echo(f"{'rejected:':<11}{len(report.rejected):>6}")
    click.echo(f"{'warnings:':<11}{len(report.warnings):>6}")
    for f in report.files_not_loaded:
        click.echo(f"not loaded: {f}", err=True)
    if report.dry_run:
        click.echo("dry run: nothing was written")


def _load(ctx, files, strict, dry_run, input_format, kg=None, strict_quotes=False, **reader_options):
    kg = kg or _open(ctx)
    try:
        if sys.stderr.isatty():
            bar = None

            def progress(n, total):
                nonlocal bar
                if bar is None and total >= 20000:
                    bar = click.progressbar(length=total, label="loading", file=sys.stderr)
                    bar.__enter__()
                if bar is not None:
                    bar.update(n)

            try:
                report = kg.load(list(files), input_format=input_format, strict=strict,
                                 strict_quotes=strict_quotes, dry_run=dry_run, progress=progress, **reader_options)
            finally:
                if bar is not None:
                    bar.__exit__(None, None, None)
        else:
            report = kg.load(list(files), input_format=input_format, strict=strict, strict_quotes=strict_quotes,
                             dry_run=dry_run, **reader_options)
    finally:
        kg.close()
    return report


_input_format = click.option(
    "--input-format", type=click.Choice(format_choices(), case_sensitive=False),
    help="Input format: " + ", ".join(INPUT_FORMATS) + " (default: by file extension; - is JSON Lines).")
_strict_quotes = click.option(
    "--strict-quotes", is_flag=True,
    help="Reject a relation whose quote does not name both parties (by default: a warning).")


def _reader_options(fn):
    fn = click.option("--encoding", help="CSV: the files' encoding, e.g. cp1252 or utf-16 "
                      "(default: UTF-8, or what a byte order mark says).")(fn)
    return click.option("--csv-delimiter", help="CSV: the delimiter, e.g. ';' or tab "
                        "(default: sniffed from the header: comma, semicolon or tab).")(fn)


@cli.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--strict", is_flag=True, help="A file with any bad record writes nothing.")
@click.option("--dry-run", is_flag=True, help="Check and merge, then write nothing.")
@_strict_quotes
@_input_format
@_reader_options
@click.pass_context
@_fail
def load(ctx, files, strict, dry_run, strict_quotes, input_format, csv_delimiter, encoding):
    """Load fact files (JSON Lines, JSON, YAML, CSV/TSV, XLSX, Turtle, N-Triples, JSON-LD; - reads stdin).

    Bad records are reported as FILE:LINE: reason (FILE:SHEET:ROW in a workbook) and the good
    ones load; the exit code is 1 when any record was rejected. A relation whose quote does not
    name both parties loads with FILE:LINE: warning: the quote does not name 'X' (rejected with
    --strict-quotes).

    \b
    Examples:
      autokg load data/curated/entities.jsonl data/curated/partnerships.jsonl
      autokg load facts.xlsx
      autokg load excel-export.csv --encoding cp1252
    """
    judged = [] if input_format else [f for f in files if _is_judgements_file(f)]
    for path in judged:  # e.g. data/curated/*.jsonl: its judgements file is not facts
        click.echo(f"{path}: warning: a file of judgements, not facts: replay it with "
                   f"`autokg judgements import {path}`", err=True)
    facts = [f for f in files if f not in judged]
    if not facts:
        ctx.exit(0)
    report = _load(ctx, facts, strict, dry_run, input_format, strict_quotes=strict_quotes,
                   csv_delimiter=csv_delimiter, encoding=encoding)
    _print_report(report)
    ctx.exit(0 if report.ok else 1)


def _is_judgements_file(path: str) -> bool:
    """A JSON Lines file whose first record is a judgement (as `autokg judgements export` writes)."""
    if path == "-" or not path.lower().endswith((".jsonl", ".ndjson")):
        return False
    try:
        with open(path, encoding="utf-8") as fp:
            first = next((line for line in fp if line.strip()), "")
        rec = json.loads(first)
    except (OSError, UnicodeDecodeError, ValueError):
        return False  # the fact loader reports what is wrong with it
    return isinstance(rec, dict) and "judgement" in rec


@cli.command()
@click.argument("files", nargs=-1, required=True)
@_strict_quotes
@_input_format
@_reader_options
@click.pass_context
@_fail
def validate(ctx, files, strict_quotes, input_format, csv_delimiter, encoding):
    """Check fact files without writing anything (against an empty graph).

    \b
    Example:
      autokg validate facts.jsonl
    """
    from autokg.api import open as open_kg

    report = _load(ctx, files, False, True, input_format, kg=open_kg(":memory:", backend="embedded"),
                   strict_quotes=strict_quotes, csv_delimiter=csv_delimiter, encoding=encoding)
    _print_report(report)
    ctx.exit(0 if report.ok else 1)


@cli.command()
@click.pass_context
@_fail
def demo(ctx):
    """Load the bundled seed facts and show who partners with whom.

    \b
    Example:
      autokg --store /tmp/demo.db demo
    """
    from importlib import resources

    seed = resources.files("autokg.data").joinpath("seed")
    paths = sorted(str(p) for p in seed.iterdir() if p.name.endswith(".jsonl"))
    with _open(ctx) as kg:
        report = kg.load(paths)
        # Name the bundled files data/seed/FILE, as in the source tree, wherever autokg is installed.
        top = str(seed.parent.parent) + os.sep
        for r in report.rejected:
            r.where = r.where.removeprefix(top)
        report.warnings = [w.removeprefix(top) for w in report.warnings]
        _print_report(report)
        click.echo()
        click.echo("Who partners with whom:")
        rows = kg.query("partners")
    emit(rows, list(PRESETS["partners"].columns), "table")
    ctx.exit(0 if report.ok else 1)


@cli.command()
@_format_option
@_fail
def presets(fmt):
    """List the saved queries with their options.

    \b
    Example:
      autokg presets --format json
    """
    rows = [{"preset": p.name, "options": " ".join(
                (q.option + ("*" if q.required else "")) for q in p.params),
             "columns": ", ".join(p.columns), "description": p.description} for p in PRESETS.values()]
    emit(rows, ["preset", "options", "columns", "description"], fmt)


class _QueryGroup(click.Group):
    def resolve_command(self, ctx, args):
        from autokg.queries.presets import get_preset

        if args and args[0] not in self.commands and not args[0].startswith("-"):
            try:
                get_preset(args[0])
            except AutokgError as exc:
                raise click.ClickException(str(exc)) from None
        return super().resolve_command(ctx, args)


@cli.group(cls=_QueryGroup)
def query():
    """Run a saved query: autokg query PRESET [OPTIONS].

    \b
    Example:
      autokg query partners-of --company "Gruppo Renault" --format json
    """


def _preset_command(preset: Preset):
    def run(fmt, **params):
        with _open(click.get_current_context()) as kg:
            rows = kg.query(preset.name, **params)
        emit(rows, list(preset.columns), fmt)

    run = _fail(run)
    for p in reversed(preset.params):
        if p.type == "flag":
            run = click.option(p.option, p.name, is_flag=True, help=p.help)(run)
        else:
            kind = int if p.type == "int" else str
            extra = {"default": p.default, "show_default": True} if p.default is not None else {}
            run = click.option(p.option, p.name, type=kind, required=p.required, help=p.help, **extra)(run)
    run = _format_option(run)
    help_text = f"{preset.description}\n\nColumns: {', '.join(preset.columns)}.\nOrder: {preset.order}.\n\n" \
                f"\b\nExample:\n  {preset.example}"
    return click.command(preset.name, help=help_text, short_help=preset.description)(run)


for _p in PRESETS.values():
    query.add_command(_preset_command(_p))


@cli.command()
@_format_option
@click.pass_context
@_fail
def stats(ctx, fmt):
    """Count entities, relations and sources in the store.

    \b
    Example:
      autokg stats --format json
    """
    with _open(ctx) as kg:
        s = kg.stats()
    rows = [{"what": k, "count": v} for k, v in s.items()]
    emit(rows, ["what", "count"], fmt)


@cli.command()
@_format_option
@click.pass_context
@_fail
def check(ctx, fmt):
    """Review the evidence: relations whose quote does not name both parties, relations that no
    source quotes, and relations whose sources are all undated.

    One row per problem and source (columns predicate, subject, object, url, problem), ordered
    by kind of problem, then predicate, subject, object and url. The exit code is 0: this is a
    report, not an error.

    \b
    Example:
      autokg check --format csv
    """
    from autokg.graph.evidence import CHECK_COLUMNS

    with _open(ctx) as kg:
        rows = kg.check()
    emit(rows, list(CHECK_COLUMNS), fmt)


@cli.command()
@click.option("--type", "type_", help="Only entities of this type (Company, Person, Product, Event).")
@click.option("--search", help="Only entities whose name or an alias contains this text.")
@_format_option
@click.pass_context
@_fail
def entities(ctx, type_, search, fmt):
    """List entities with their aliases.

    \b
    Example:
      autokg entities --type Company --search xiaomi
    """
    with _open(ctx) as kg:
        rows = kg.entities(type=type_, search=search)
    emit(rows, ["name", "type", "aliases"], fmt)


@cli.command()
@click.option("--type", "type_", help="Only entities of this type (Company, Person, Product, Event), and "
              "relations between them.")
@click.option("--min-score", type=click.FloatRange(0, 1), default=0.8, show_default=True,
              help="Only candidates scoring at least this.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many candidates.")
@_format_option
@click.pass_context
@_fail
def dedupe(ctx, type_, min_score, limit, fmt):
    """List candidate duplicates, best first: entities of one type whose names are alike after
    normalisation (case, accents, punctuation, legal forms such as AG, GmbH, Ltd, Group), and
    relations of one pair of entities with different keys. Pairs already judged are left out.

    Columns: kind, a, b, score, reasons, a_id, b_id. Give `autokg judge` the names or ids.

    \b
    Example:
      autokg dedupe --type Company --min-score 0.9
    """
    from autokg.graph.dedupe import DEDUPE_COLUMNS

    with _open(ctx) as kg:
        rows = kg.dedupe(type=type_, min_score=min_score, limit=limit)
    emit(rows, list(DEDUPE_COLUMNS), fmt)


@cli.command()
@click.argument("judgement", type=click.Choice(["same", "different", "unsure", "undo"]))
@click.argument("a")
@click.argument("b")
@click.option("--note", help="Why: kept with the judgement.")
@click.pass_context
@_fail
def judge(ctx, judgement, a, b, note):
    """Judge two entities (names or aliases, or the ids `autokg dedupe` prints) or two relations
    (ids) the same, different or unsure, or undo the judgement between them.

    After `same`, every query answers as if they were one: the union of names and aliases, the
    display name of the entity record (else of the older entity), relations that become one
    keep every source. `undo` gives back exactly what the store answered before.

    \b
    Example:
      autokg judge same "BYD Co Ltd" "BYD Company" --note "one company"
      autokg judge undo "BYD Co Ltd" "BYD Company"
    """
    with _open(ctx) as kg:
        done = kg.judge(judgement, a, b, note=note)
    for w in done["warnings"]:
        click.echo(w, err=True)
    what = "undone" if judgement == "undo" else "judged"
    kinds = "entities" if done["kind"] == "entity" else "relations"
    click.echo(f"{what}: {done['judgement']} {kinds} {done['a']!r} and {done['b']!r}")


@cli.group(invoke_without_command=True)
@_format_option
@click.pass_context
@_fail
def judgements(ctx, fmt):
    """List the judgements, oldest first (columns judgement, kind, a, b, time, note, a_id,
    b_id); `export` and `import` share them as JSON Lines.

    \b
    Example:
      autokg judgements --format csv
      autokg judgements export decisions.jsonl
    """
    if ctx.invoked_subcommand is not None:
        return
    from autokg.graph.judgements import JUDGEMENT_COLUMNS

    with _open(ctx) as kg:
        rows = kg.judgements()
    emit(rows, list(JUDGEMENT_COLUMNS), fmt)


@judgements.command("export")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.pass_context
@_fail
def judgements_export(ctx, file):
    """Write the judgements to FILE as JSON Lines (- for standard output).

    \b
    Example:
      autokg judgements export decisions.jsonl
    """
    with _open(ctx) as kg:
        n = kg.export_judgements(file)
    if file != "-":
        click.echo(f"wrote {file}: {n} judgements", err=True)


@judgements.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.pass_context
@_fail
def judgements_import(ctx, file):
    """Replay the judgements of a JSON Lines FILE (as `export` writes it) on this store.
    Importing a file twice changes nothing; a line naming an unknown entity is reported as
    FILE:LINE: reason and skipped (exit code 1) while the others apply.

    \b
    Example:
      autokg judgements import data/curated/judgements.jsonl
    """
    with _open(ctx) as kg:
        report = kg.import_judgements(file)
    for r in report.rejected:
        click.echo(r, err=True)
    for w in report.warnings:
        click.echo(w, err=True)
    click.echo(f"judgements: {report.new} new, {report.updated} updated, {report.unchanged} unchanged, "
               f"{len(report.rejected)} rejected")
    if report.rejected:
        ctx.exit(1)


@cli.group()
def export():
    """Write the graph to a file for other tools."""


def _write_export(ctx, name: str, out, **options) -> None:
    """Run the registered export *name* on the store; report what was written to stderr."""
    entry = get_export(name)
    with _open(ctx) as kg:
        result = kg.export(name, out, **options)
    if out != "-":
        click.echo(f"wrote {out}: {entry.summary(result)}", err=True)


_GRAPHML = get_export("graphml")
_RDF = get_export("rdf")
_VIZ = get_export("viz")


@export.command("graphml")
@click.argument("out", type=click.Path(dir_okay=False, allow_dash=_GRAPHML.stdout))
@click.option(_GRAPHML.option("view").flag, type=click.Choice(list(_GRAPHML.option("view").choices)),
              default=_GRAPHML.option("view").default, show_default=True, help=_GRAPHML.option("view").help)
@click.option(_GRAPHML.option("status").flag, help=_GRAPHML.option("status").help)
@click.pass_context
@_fail
def export_graphml(ctx, out, view, status):
    """Write GraphML for Gephi, yEd or Cytoscape.

    \b
    Example:
      autokg export graphml partners.graphml --view companies
    """
    _write_export(ctx, "graphml", out, view=view, status=status)


# --format stays free text: the library names the known formats and aliases when one is unknown
@export.command("rdf")
@click.argument("out", type=click.Path(dir_okay=False, allow_dash=_RDF.stdout))
@click.option(_RDF.option("format").flag, "fmt", default=_RDF.option("format").default, show_default=True,
              help=_RDF.option("format").help)
@click.pass_context
@_fail
def export_rdf(ctx, out, fmt):
    """Write RDF (schema.org classes, PROV-O provenance) with rdflib.

    \b
    Example:
      autokg export rdf kg.ttl --format turtle
    """
    _write_export(ctx, "rdf", out, format=fmt)


@export.command("xlsx")
@click.argument("out", type=click.Path(dir_okay=False))
@click.pass_context
@_fail
def export_xlsx(ctx, out):
    """Write the graph as an XLSX workbook: entities, relations, sources and claims sheets.

    One claims row per relation and source, ready for pivot tables; `autokg load` reads the
    workbook back into the same graph.

    \b
    Example:
      autokg export xlsx kg.xlsx
    """
    _write_export(ctx, "xlsx", out)


@cli.command()
@click.argument("out", type=click.Path(dir_okay=False))
@click.option(_VIZ.option("company").flag, help=_VIZ.option("company").help)
@click.option(_VIZ.option("depth").flag, type=click.IntRange(_VIZ.option("depth").min, _VIZ.option("depth").max),
              default=_VIZ.option("depth").default, show_default=True, help=_VIZ.option("depth").help)
@click.pass_context
@_fail
def viz(ctx, out, company, depth):
    """Draw the partnership network as PNG, SVG or a self-contained HTML page.

    \b
    Example:
      autokg viz partners.svg --company Renault --depth 2
    """
    _write_export(ctx, "viz", out, company=company, depth=depth)


@cli.group("neo4j")
def neo4j_group():
    """Manage the Neo4j store (connection: --neo4j-uri ... or NEO4J_URI, NEO4J_USERNAME, ...)."""


@neo4j_group.command("init")
@click.pass_context
@_fail
def neo4j_init(ctx):
    """Create the constraints and indexes autokg needs in Neo4j; safe to run again.

    `load` does this by itself; run it to prepare a database before opening Neo4j Browser.

    \b
    Example:
      autokg --neo4j-uri bolt://127.0.0.1:7687 neo4j init
    """
    store = _open(ctx, backend="neo4j").store
    try:
        ensured = store.init()
        where = store.location
    finally:
        store.close()
    created = sum(1 for e in ensured if e["created"])
    for e in ensured:
        click.echo(f"{e['kind']} {e['name']}: {'created' if e['created'] else 'exists'}")
    click.echo(f"Neo4j at {where}: {len(ensured)} constraints and indexes ensured, {created} created")


@neo4j_group.command("bulk")
@click.argument("outdir", type=click.Path(file_okay=False))
@click.pass_context
@_fail
def neo4j_bulk(ctx, outdir):
    """Write the current store as neo4j-admin import files into OUTDIR, for a fast first load.

    OUTDIR gets one CSV file per node label and relationship type, with the graph the
    transactional load writes, and import.args, the arguments of `neo4j-admin database import
    full`. The import replaces the whole `neo4j` database: Neo4j Community has one user database
    and no incremental import. After it, `autokg neo4j init` makes the constraints and indexes,
    and later loads merge into the imported graph as usual.

    \b
    Example:
      autokg load data/seed/*.jsonl                 # into the embedded store
      autokg neo4j bulk ./neo4j-import
      eval "$(scripts/neo4j-local import ./neo4j-import)"
      autokg --backend neo4j neo4j init
    """
    from autokg.exports.neo4j_bulk import import_commands

    with _open(ctx) as kg:
        summary = kg.neo4j_bulk(outdir)
    click.echo(f"wrote {summary} to {outdir}")
    commands = import_commands(outdir)
    click.echo("import it (replaces the neo4j database), then make the constraints and indexes:")
    click.echo(f"  local server:    {commands['local']}")
    click.echo(f"  docker compose:  {commands['docker']}")


@neo4j_group.command("guide")
@click.argument("outdir", type=click.Path(file_okay=False))
@click.option("--serve", is_flag=True, help="Then serve OUTDIR over HTTP for Browser's :play, until Ctrl-C.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to serve on (with --serve).")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535),
              help="Port to serve on (with --serve).")
@_fail
def neo4j_guide(outdir, serve, host, port):
    """Write a Neo4j Browser guide, style and favorites for the presets into OUTDIR.

    OUTDIR gets autokg-guide.html (one slide per preset, for :play), autokg.grass (drop it on
    Browser for colours and captions) and autokg-presets.zip (drop it on Browser for favorites).
    Browser fetches a guide only from an allowed host (localhost by default) that answers CORS;
    --serve is such a server.

    \b
    Example:
      autokg neo4j guide ./browser --serve
      # then, in Neo4j Browser:  :play http://localhost:8001/autokg-guide.html
    """
    from autokg.exports.guide import GUIDE_FILE, serve_guide, write_guide

    for path in write_guide(outdir):
        click.echo(f"wrote {path}")
    if serve:
        server = serve_guide(outdir, host=host, port=port)
        name = "localhost" if host in ("127.0.0.1", "::1", "localhost") else host
        click.echo(f"serving {outdir}; in Neo4j Browser run:  :play http://{name}:{server.server_address[1]}/"
                   f"{GUIDE_FILE}   (Ctrl-C to stop)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()


# -- extract: facts from news articles (new command; only wiring, the work is autokg.extract) --
@cli.command("extract")
@click.argument("files", nargs=-1, required=True)
@click.option("--url", help="Source url (overrides the page's canonical url).")
@click.option("--title", help="Source title (overrides the page's title).")
@click.option("--publisher", help="Source publisher (overrides the page's site name).")
@click.option("--published", metavar="DATE", help="Publication date, YYYY[-MM[-DD]] (overrides the page's).")
@click.option("--lang", type=click.Choice(["auto", "en", "it", "fr", "de"]), default="auto", show_default=True,
              help="Language of the articles; auto detects it from function words.")
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Write the JSON Lines facts here [default: standard output].")
@click.pass_context
@_fail
def extract_cmd(ctx, files, url, title, publisher, published, lang, out):
    """Propose facts from news articles, as a JSON Lines fact file to review and load.

    FILE is plain text (.txt), HTML (.html/.htm: main text, title, canonical url, site name and
    date are read from the page) or - for standard input. Names the store knows come out under
    their display names; new companies and people get entity records first. Each relation quotes
    its sentence verbatim and has a confidence. Rule-based and offline (en, it, fr, de).

    \b
    Example:
      autokg extract article.html -o facts.jsonl
      autokg extract note.txt --title "Renault and Geely" --published 2024-04-30 --lang it
      autokg load facts.jsonl          # after reviewing facts.jsonl
    """
    from autokg.extract import summarize

    meta = {"url": url, "title": title, "publisher": publisher, "published": published}
    with _open(ctx) as kg:
        records, empty = kg.extract(list(files), meta=meta, lang=lang)
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if out == "-":
        click.echo(text, nl=False)
    else:
        with open(out, "w", encoding="utf-8") as fh:
            fh.write(text)
    for path in empty:
        click.echo(f"warning: {path}: no candidate facts", err=True)
    click.echo(f"extract: {summarize(records)}", err=True)


def main() -> None:
    cli(prog_name="autokg")


if __name__ == "__main__":
    main()
