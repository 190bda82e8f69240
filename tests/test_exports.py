"""The export registry: names, aliases, options, and the layering of the packages."""

from __future__ import annotations

import ast

import pytest
from click.testing import CliRunner

from autokg.cli import cli
from autokg.errors import UnknownName
from autokg.exports import EXPORTS, export, get_export

from _helpers import ROOT, SEED, load, open_embedded


def test_the_built_in_exports_are_registered_with_their_options():
    assert sorted(EXPORTS) == ["graphml", "rdf", "viz", "xlsx"]
    assert get_export("graphml").option("view").choices == ("full", "companies")
    assert get_export(" RDF ").option("format").names() == (
        "turtle", "json-ld", "nt", "ttl", "jsonld", "ntriples", "n-triples")
    assert get_export("viz").extensions == (".png", ".svg", ".html")
    assert (get_export("viz").option("depth").min, get_export("viz").option("depth").max) == (1, 10)


def test_an_unknown_export_or_option_names_the_known_ones(tmp_path):
    with pytest.raises(UnknownName, match=r"unknown export 'pdf' \(known: graphml, rdf, viz, xlsx\)"):
        get_export("pdf")
    with pytest.raises(UnknownName, match=r"export rdf has no option 'view' \(known: format\)"):
        export(None, "rdf", str(tmp_path / "kg.ttl"), view="full")


def test_export_writes_what_the_command_writes(tmp_path):
    store = open_embedded(tmp_path)
    db = tmp_path / "kg.db"
    try:
        load(store, *SEED)
        assert export(store, "rdf", str(tmp_path / "lib.nt"), format="ntriples") > 0
    finally:
        store.close()
    r = CliRunner().invoke(cli, ["--store", str(db), "export", "rdf", str(tmp_path / "cli.nt"), "--format", "nt"])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "lib.nt").read_bytes() == (tmp_path / "cli.nt").read_bytes()


@pytest.mark.parametrize("package", ["graph", "loaders", "queries"])
def test_lower_layers_never_import_the_exports(package):
    for path in sorted((ROOT / package).glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not any(n.startswith("autokg.exports") for n in names), f"{path.name} imports {names}"
