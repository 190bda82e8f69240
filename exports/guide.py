"""Neo4j Browser material for the presets: a guide for ``:play``, a GraSS style, a favorites zip.

:func:`write_guide` writes three files into a directory:

* ``autokg-guide.html``: a Browser guide, an ``<article class="guide">`` whose ``<carousel>``
  holds an introduction and one ``<slide>`` per preset. A preset's slide gives its description,
  parameters and columns, a runnable ``:param {...}`` line with example values (the ``// browser:``
  lines of its ``.cypher`` file) and the query itself in ``<pre class="runnable">``. Browser
  fetches a guide with ``:play URL`` from a host in the server's
  ``browser.remote_content_hostname_allowlist`` (``localhost`` by default), and the request is
  cross-origin, so the host must answer CORS: :func:`serve_guide` is such a server.
* ``autokg.grass``: a GraSS style (drop it on Browser, or ``:style URL``) with a colour and a
  caption for every entity type of the vocabulary and for the store's ``:Source`` and
  ``:Relation`` nodes, and a caption for every predicate: its key or first descriptive property,
  followed by the status where the predicate has one.
* ``autokg-presets.zip``: the ``.cypher`` files in a folder ``autokg/``; dropped on Browser they
  become favorites in a folder of that name.

The output is deterministic: the same package gives the same bytes (zip entries carry a fixed
timestamp and mode).
"""

from __future__ import annotations

import html
import io
import os
import re
import socket
import zipfile
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from autokg.errors import AutokgError
from autokg.graph.atomic import atomic_open
from autokg.graph.model import schema
from autokg.queries.neo4j import cypher, header
from autokg.queries.presets import PRESETS, Preset

__all__ = [
    "GUIDE_FILE",
    "STYLE_FILE",
    "FAVORITES_FILE",
    "param_command",
    "query_text",
    "generate_guide",
    "generate_grass",
    "favorites_zip",
    "write_guide",
    "serve_guide",
]

GUIDE_FILE = "autokg-guide.html"
STYLE_FILE = "autokg.grass"
FAVORITES_FILE = "autokg-presets.zip"

_FOLDER = "autokg"  # the favorites folder the zip's entries land in
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can hold: no build time in the bytes

# Node labels of the Neo4j store's provenance model (see autokg.graph.neo4j), with their caption.
_STORE_LABELS = (("Source", "{title}", "#D9C8AE"), ("Relation", "{predicate}", "#C2C2C2"))
# Entity types take these colours in vocabulary order (Browser's own palette, then more).
_PALETTE = ("#4C8EDA", "#F79767", "#57C7E3", "#C990C0", "#8DCC93", "#FFC454", "#DA7194",
            "#569480", "#F16667", "#D9C8AE")
# What a relationship caption shows first, when the predicate has no key.
_CAPTION_TYPES = ("string", "number")

_BROWSER_LINE = re.compile(r"^:param\s+([A-Za-z_][A-Za-z0-9_]*)\s*=>\s*(.+)$")


def _browser_params(preset: Preset) -> dict[str, str]:
    """The example values of *preset*'s parameters, as Cypher literals, from its ``// browser:`` lines."""
    text = header(preset.name).get("browser", "")
    # Continuation lines are joined with spaces: split again before every ':param'.
    values = {}
    for part in re.split(r"\s+(?=:param\s)", text.strip()):
        m = _BROWSER_LINE.match(part.strip())
        if not m:
            raise AutokgError(f"queries/{preset.name}.cypher: cannot read '// browser: {part}' "
                              "(expected ':param NAME => VALUE')")
        values[m.group(1)] = m.group(2).strip()
    wanted = [p.name for p in preset.params]
    if sorted(values) != sorted(wanted):
        raise AutokgError(f"queries/{preset.name}.cypher: the '// browser:' lines set {sorted(values)}, "
                          f"but the preset's parameters are {wanted}")
    return {name: values[name] for name in wanted}


def param_command(name: str) -> str:
    """The Browser command that sets every parameter of preset *name* to its example value.

    One ``:param {...}`` map replaces all parameters at once, so the values of a previous preset
    do not linger; a ``null`` is a literal here, not an expression Browser would skip.
    """
    preset = PRESETS[name]
    pairs = ", ".join(f"{k}: {v}" for k, v in _browser_params(preset).items())
    return f":param {{{pairs}}}"


def query_text(name: str) -> str:
    """The statement of preset *name*: its ``.cypher`` file without the header comment."""
    lines = cypher(name).splitlines()
    i = 0
    while i < len(lines) and lines[i].startswith("//"):
        i += 1
    return "\n".join(lines[i:]).strip() + "\n"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _intro_slide() -> list[str]:
    rows = "".join(
        f"        <tr><td>{i}</td><td><code>{_e(p.name)}</code></td><td>{_e(p.description)}</td></tr>\n"
        for i, p in enumerate(PRESETS.values(), start=2))
    labels = ", ".join(f":{t}" for t in schema().labels)
    return [
        '    <slide class="row-fluid">',
        '      <div class="col-sm-12">',
        "        <h3>autokg: who works with whom in the automotive industry</h3>",
        '        <p class="lead">One slide per saved query (preset). On each slide, click the '
        "&#9654; of the <code>:param</code> block to set the example parameters, then the &#9654; of the "
        "query to run it. Clicking a block itself copies it into the editor, to change a value first.</p>",
        f"        <p>Entities are <code>:Entity</code> nodes with one of {_e(labels)}; every partnership, job "
        "or meeting is a typed relationship between them, and also a <code>:Relation</code> node that "
        "each <code>:Source</code> <code>SUPPORTS</code>. Load data first, e.g. "
        "<code>autokg --backend neo4j demo</code>. For colours and captions, drop "
        "<code>autokg.grass</code> on this window.</p>",
        '        <table class="table table-condensed">',
        "        <tr><th>slide</th><th>preset</th><th>what it answers</th></tr>",
        *rows.rstrip("\n").split("\n"),
        "        </table>",
        '        <p>Everything that touches a company, as a graph:</p>',
        '        <pre class="runnable">'
        + _e("MATCH (:Name {norm: 'renault group'})-[:NAMES]->(c:Company)-[r]-(o:Entity) RETURN c, r, o")
        + "</pre>",
        "      </div>",
        "    </slide>",
    ]


def _preset_slide(p: Preset) -> list[str]:
    params = "".join(
        f"<li><code>${_e(x.name)}</code>{' (required)' if x.required else ''}: {_e(x.help)}"
        + (f"; default {_e(str(x.default).lower() if isinstance(x.default, bool) else str(x.default))}"
           if x.default is not None else "")
        + "</li>"
        for x in p.params)
    order = header(p.name).get("order", p.order)
    return [
        f'    <slide class="row-fluid" id="{_e(p.name)}">',
        '      <div class="col-sm-4">',
        f"        <h3>{_e(p.name)}</h3>",
        f'        <p class="lead">{_e(p.description)}</p>',
        f"        <p>Parameters:</p><ul>{params}</ul>",
        f"        <p>Columns: <code>{_e(', '.join(p.columns))}</code>. Order: {_e(order)}.</p>",
        f"        <p>From the command line: <code>{_e(p.example)}</code></p>" if p.example else "",
        "      </div>",
        '      <div class="col-sm-8">',
        "        <p>1. Set the parameters:</p>",
        f'        <pre class="runnable param">{_e(param_command(p.name))}</pre>',
        "        <p>2. Run the query:</p>",
        f'        <pre class="runnable query">{_e(query_text(p.name).rstrip())}</pre>',
        "      </div>",
        "    </slide>",
    ]


def generate_guide() -> str:
    """The Browser guide as one HTML fragment (well-formed: it also parses as XML)."""
    lines = ['<article class="guide">', '  <carousel class="deck container-fluid">', *_intro_slide()]
    for p in PRESETS.values():
        lines += [x for x in _preset_slide(p) if x]
    lines += ["  </carousel>", "</article>"]
    return "\n".join(lines) + "\n"


def _text_colour(hex_colour: str) -> str:
    """White or black, whichever reads better on *hex_colour* (WCAG relative luminance)."""
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    lum = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return "#000000" if lum > 0.4 else "#FFFFFF"


def _darker(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) * 9 // 10 for i in (1, 3, 5))
    return f"#{r:02X}{g:02X}{b:02X}"


def _rule(selector: str, props: dict[str, str]) -> str:
    body = "".join(f"  {k}: {v};\n" for k, v in props.items())
    return f"{selector} {{\n{body}}}\n"


def _relationship_caption(predicate) -> str:
    """The key property (or the first string or number one), then the status where there is one."""
    first = predicate.key or next(
        (n for n, prop in predicate.properties.items() if prop.type in _CAPTION_TYPES), None)
    if first and predicate.has_status:
        return f"'{{{first}}} ({{status}})'"
    if first:
        return f"'{{{first}}}'"
    if predicate.has_status:
        return "'{status}'"
    return "'<type>'"


def generate_grass() -> str:
    """The GraSS style sheet. Browser applies rules in order, so a type's rule follows ``node.Entity``."""
    s = schema()
    rules = [
        _rule("node", {"diameter": "50px", "color": "#A5ABB6", "border-color": "#9AA1AC",
                       "border-width": "2px", "text-color-internal": "#FFFFFF", "font-size": "10px"}),
        _rule("relationship", {"color": "#A5ABB6", "shaft-width": "1px", "font-size": "8px",
                               "padding": "3px", "text-color-external": "#000000",
                               "text-color-internal": "#FFFFFF", "caption": "'<type>'"}),
        _rule("node.Entity", {"diameter": "55px", "color": "#A5ABB6", "border-color": "#9AA1AC",
                              "caption": "'{name}'"}),
    ]
    for i, label in enumerate(s.labels):
        colour = _PALETTE[i % len(_PALETTE)]
        rules.append(_rule(f"node.{label}", {
            "color": colour, "border-color": _darker(colour), "text-color-internal": _text_colour(colour),
            "caption": "'{name}'"}))
    for label, caption, colour in _STORE_LABELS:
        rules.append(_rule(f"node.{label}", {
            "diameter": "30px" if label == "Relation" else "40px", "color": colour,
            "border-color": _darker(colour), "text-color-internal": _text_colour(colour), "caption": f"'{caption}'"}))
    for name, predicate in s.predicates.items():
        rules.append(_rule(f"relationship.{name}", {"caption": _relationship_caption(predicate)}))
    return "\n".join(rules)


def favorites_zip() -> bytes:
    """The preset ``.cypher`` files, unchanged, in a zip with fixed timestamps."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(PRESETS):
            info = zipfile.ZipInfo(f"{_FOLDER}/{name}.cypher", date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16
            info.create_system = 3  # Unix, so the mode above is read as one
            zf.writestr(info, cypher(name).encode("utf-8"))
    return buf.getvalue()


def write_guide(outdir: str | os.PathLike) -> list[Path]:
    """Write the guide, the style and the favorites zip into *outdir* (created if missing).

    Returns the paths written. Each file is written beside its final name and renamed, so an
    interrupted run never leaves a truncated file.
    """
    out = Path(outdir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AutokgError(f"cannot create {out}: {exc.strerror or exc}") from None
    contents = ((GUIDE_FILE, generate_guide().encode("utf-8")),
                (STYLE_FILE, generate_grass().encode("utf-8")),
                (FAVORITES_FILE, favorites_zip()))
    written = []
    for name, data in contents:
        with atomic_open(out / name, binary=True) as fp:
            fp.write(data)
        written.append(out / name)
    return written


class _CorsHandler(SimpleHTTPRequestHandler):
    """Static files that a page of another origin (Neo4j Browser) may fetch.

    Browser asks for a guide with ``pragma`` and ``cache-control`` request headers, which makes
    the request a CORS "preflighted" one: the ``OPTIONS`` answer must allow those headers.
    """

    def end_headers(self):
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def do_OPTIONS(self):  # noqa: N802 (the http.server naming)
        self.send_response(204)
        self.send_header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
        self.send_header("Access-Control-Allow-Headers",
                         self.headers.get("Access-Control-Request-Headers") or "pragma, cache-control")
        self.send_header("Access-Control-Max-Age", "600")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format, *args):  # noqa: A002 (the http.server signature)
        pass


class _ThreadingHTTPServerV6(ThreadingHTTPServer):
    """For an IPv6 address such as ``::1`` (``http.server`` binds IPv4 otherwise)."""

    address_family = socket.AF_INET6


def serve_guide(directory: str | os.PathLike, host: str = "127.0.0.1", port: int = 8001) -> ThreadingHTTPServer:
    """An HTTP server for *directory* with the CORS headers Browser's ``:play`` needs.

    The server is bound but not started: call ``serve_forever()`` (``port=0`` picks a free port,
    read it from ``server.server_address``). Close it with ``shutdown()`` and ``server_close()``.
    """
    handler = partial(_CorsHandler, directory=os.fspath(directory))
    server_class = _ThreadingHTTPServerV6 if ":" in host else ThreadingHTTPServer
    try:
        return server_class((host, port), handler)
    except OSError as exc:
        raise AutokgError(f"cannot serve {directory} on {host}:{port}: {exc.strerror or exc}") from None
