"""GraphML export: read back with networkx, checked against the GraphML 1.0 XML Schema."""

from __future__ import annotations

import errno
import io
import os
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from lxml import etree

from autokg.cli import cli
from autokg.errors import AutokgError, UsageError
from autokg.exports import graphml
from autokg.exports.graphml import generate_graphml, to_networkx, write_graphml
from autokg.queries.presets import resolve_entity

from _helpers import CURATED_FACTS, ROOT, SEED, load, open_embedded, rows

CURATED = CURATED_FACTS
XSD = Path(__file__).parent / "graphml.xsd"
NS = "{http://graphml.graphdrawing.org/xmlns}"


@pytest.fixture(scope="module")
def schema():
    # The schema files import each other by relative path; nothing is fetched from the network.
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(XSD), parser))


def _valid(schema, data: bytes):
    doc = etree.fromstring(data, etree.XMLParser(no_network=True, resolve_entities=False))
    ok = schema.validate(doc)
    return ok, str(schema.error_log)


@pytest.fixture(scope="module", params=["seed", "curated"])
def store(request, tmp_path_factory):
    s = open_embedded(tmp_path_factory.mktemp(request.param))
    files = SEED if request.param == "seed" else [*SEED, *CURATED]
    report = load(s, *files)
    assert not report.rejected
    yield s
    s.close()


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory):
    s = open_embedded(tmp_path_factory.mktemp("seedonly"))
    load(s, *SEED)
    yield s
    s.close()


def _export(store, tmp_path, **kw) -> Path:
    out = tmp_path / f"{kw.get('view', 'full')}.graphml"
    write_graphml(store, out, **kw)
    return out


def _key_types(path: Path) -> dict[tuple[str, str], list[str]]:
    types: dict[tuple[str, str], list[str]] = {}
    for key in etree.parse(str(path)).getroot().iter(NS + "key"):
        types.setdefault((key.get("for"), key.get("attr.name")), []).append(key.get("attr.type"))
    return types


def _id(store, name):
    return resolve_entity(store, name, "Company")["id"]


# --- full view ---------------------------------------------------------------------------------

def test_full_view_has_every_entity_and_relation(store, tmp_path, schema):
    out = _export(store, tmp_path)
    ok, errors = _valid(schema, out.read_bytes())
    assert ok, errors
    # a graph without parallel edges is read back as a DiGraph unless asked otherwise
    g = nx.read_graphml(out, force_multigraph=True)
    stats = store.stats()
    assert isinstance(g, nx.MultiDiGraph)
    assert (g.number_of_nodes(), g.number_of_edges()) == (stats["entities"], stats["relations"])
    by_type = Counter(d["type"] for _, d in g.nodes(data=True))
    by_pred = Counter(d["predicate"] for *_, d in g.edges(data=True))
    assert {f"entities:{t}": n for t, n in by_type.items()} == {k: v for k, v in stats.items()
                                                                 if k.startswith("entities:") and v}
    assert {f"relations:{p}": n for p, n in by_pred.items()} == {k: v for k, v in stats.items()
                                                                  if k.startswith("relations:") and v}
    # every edge is its relation (the edge id), with its source count and properties
    snap = store.snapshot()
    edges = {k: (u, v, d) for u, v, k, d in g.edges(keys=True, data=True)}
    assert set(edges) == {r["id"] for r in snap["relations"]}
    for r in snap["relations"]:
        u, v, d = edges[r["id"]]
        assert (u, v, d["predicate"], d["sources"]) == (r["subject_id"], r["object_id"], r["predicate"], r["sources"])
        assert type(d["sources"]) is int and d["sources"] >= 1
        for k, value in r["props"].items():
            assert d[k] == value
    renault = g.nodes[_id(store, "Renault")]
    assert (renault["name"], renault["type"], renault["country"]) == ("Renault Group", "Company", "FR")
    assert "Gruppo Renault" in renault["aliases"].split("; ")


def test_full_view_attribute_types(store, tmp_path):
    out = _export(store, tmp_path)
    types = _key_types(out)
    # one key per attribute name and scope, each with one GraphML type
    assert all(len(t) == 1 for t in types.values()), types
    assert types[("edge", "sources")] == ["long"]
    assert types[("edge", "symmetric")] == ["boolean"]
    assert types[("edge", "predicate")] == ["string"]
    assert types[("node", "name")] == ["string"]
    assert types[("node", "aliases_json")] == ["string"]
    g = nx.read_graphml(out)
    partners = [d for *_, d in g.edges(data=True) if d["predicate"] == "PARTNERS_WITH"]
    assert partners and all(d["symmetric"] is True for d in partners)
    assert all(d["symmetric"] is False for *_, d in g.edges(data=True) if d["predicate"] == "WORKS_FOR")


def test_stake_pct_is_always_double(tmp_path, schema):
    s = open_embedded(tmp_path)
    load(s, *SEED, *CURATED)
    out = _export(s, tmp_path)
    assert _key_types(out)[("edge", "stake_pct")] == ["double"]
    g = nx.read_graphml(out)
    stakes = [d["stake_pct"] for *_, d in g.edges(data=True) if "stake_pct" in d]
    # the curated data has integral stakes (20) and fractional ones (9.69): one type for both
    assert len(stakes) >= 10 and all(type(x) is float for x in stakes)
    assert 20.0 in stakes and 9.69 in stakes
    s.close()


def test_lists_are_joined_and_kept_as_json(seed_store, tmp_path):
    g = nx.read_graphml(_export(seed_store, tmp_path))
    renault = g.nodes[_id(seed_store, "Renault")]
    assert renault["aliases"] == "Groupe Renault; Gruppo Renault; Renault"
    import json

    assert json.loads(renault["aliases_json"]) == ["Groupe Renault", "Gruppo Renault", "Renault"]


# --- companies view ----------------------------------------------------------------------------

def _pairs_from_preset(store, **params):
    """The partnering pairs, their weight, domains and statuses, from the partners preset."""
    pairs: dict[frozenset, dict] = {}
    for r in rows(store, "partners", **params):
        p = pairs.setdefault(frozenset((r["company"], r["partner"])), {"weight": 0, "domains": set(), "statuses": set()})
        p["weight"] += 1
        if r["domain"] is not None:
            p["domains"].add(r["domain"])
        p["statuses"].add(r["status"])
    return pairs


def test_companies_view_is_the_partnership_projection(store, tmp_path, schema):
    out = _export(store, tmp_path, view="companies")
    ok, errors = _valid(schema, out.read_bytes())
    assert ok, errors
    g = nx.read_graphml(out)
    assert isinstance(g, nx.Graph) and not g.is_directed() and not g.is_multigraph()
    assert g.number_of_nodes() == store.stats()["entities:Company"]
    assert all(set(d) <= {"name", "country", "sector"} for _, d in g.nodes(data=True))
    name = {n: d["name"] for n, d in g.nodes(data=True)}
    got = {frozenset((name[a], name[b])): d for a, b, d in g.edges(data=True)}
    expected = _pairs_from_preset(store)
    assert set(got) == set(expected)
    for pair, e in expected.items():
        d = got[pair]
        assert d["weight"] == e["weight"]
        assert set(d.get("domains", "").split("; ")) - {""} == e["domains"]
        assert set(d["statuses"].split("; ")) == e["statuses"]
        assert 1 <= d["sources"]
    types = _key_types(out)
    assert types[("edge", "weight")] == ["long"] and types[("edge", "sources")] == ["long"]
    assert type(next(iter(got.values()))["weight"]) is int


def test_companies_view_known_pairs(tmp_path):
    s = open_embedded(tmp_path)
    load(s, *SEED)
    g = to_networkx(s, "companies")
    renault, geely = _id(s, "Renault"), _id(s, "Geely")
    assert g.edges[renault, geely] == {
        "weight": 1, "sources": 1,
        "domains": "thermal and hybrid systems", "domains_json": '["thermal and hybrid systems"]',
        "statuses": "active", "statuses_json": '["active"]'}
    assert sorted(g.nodes[n]["name"] for n in g[renault]) == [
        "Dongfeng", "Geely", "Google", "Li Auto", "Qualcomm", "Xiaomi Auto"]
    assert g.number_of_edges() == 6
    # a pair with no domain has no domains attribute at all
    assert "domains" not in g.edges[renault, _id(s, "Li Auto")]

    load(s, *CURATED)
    g = to_networkx(s, "companies")
    assert g.edges[renault, geely] == {
        "weight": 2, "sources": 2,
        "domains": "joint venture: horse powertrain; thermal and hybrid systems",
        "domains_json": '["joint venture: horse powertrain", "thermal and hybrid systems"]',
        "statuses": "active", "statuses_json": '["active"]'}
    nissan, honda = _id(s, "Nissan"), _id(s, "Honda")
    e = g.edges[nissan, honda]
    # two partnerships, three sources (the merger talks were reported twice), statuses in
    # the vocabulary's order
    assert (e["weight"], e["sources"], e["domains"], e["statuses"]) == (
        2, 3, "ev components and software; merger talks", "active; ended")
    s.close()


def test_companies_view_status_filter(seed_store, tmp_path, schema):
    out = _export(seed_store, tmp_path, view="companies", status="prospective")
    ok, errors = _valid(schema, out.read_bytes())
    assert ok, errors
    g = nx.read_graphml(out)
    assert g.number_of_nodes() == 8  # every company stays
    name = {n: d["name"] for n, d in g.nodes(data=True)}
    assert sorted(tuple(sorted((name[a], name[b]))) for a, b in g.edges()) == [
        ("Li Auto", "Renault Group"), ("Renault Group", "Xiaomi Auto")]
    assert {d["statuses"] for *_, d in g.edges(data=True)} == {"prospective"}
    assert set(_pairs_from_preset(seed_store, status="prospective")) == {
        frozenset(name[n] for n in e) for e in g.edges()}


@pytest.mark.parametrize("view, status, message", [
    ("full", "active", "companies view only"),
    ("companies", "done", "unknown status 'done' (known: active, prospective, ended)"),
])
def test_bad_status_is_a_usage_error(seed_store, tmp_path, view, status, message):
    out = tmp_path / "x.graphml"
    with pytest.raises(UsageError, match=message.replace("(", r"\(").replace(")", r"\)")):
        write_graphml(seed_store, out, view=view, status=status)
    assert not out.exists()


# --- the schema check is real ------------------------------------------------------------------

def test_schema_rejects_duplicate_key_ids(seed_store, schema):
    # networkx's own ids by attribute name collide between a graph and a node "name" attribute
    g = to_networkx(seed_store, "full")
    bad = "\n".join(nx.generate_graphml(g, named_key_ids=True)).encode()
    ok, errors = _valid(schema, bad)
    assert not ok and "key_id_key" in errors
    ok, errors = _valid(schema, "\n".join(generate_graphml(seed_store, "full")).encode("utf-8"))
    assert ok, errors


def test_schema_rejects_an_edge_to_a_missing_node(seed_store, schema):
    text = "\n".join(generate_graphml(seed_store, "companies"))
    first = text.index('<edge source="') + len('<edge source="')
    broken = text[:first] + "company:nowhere" + text[text.index('"', first):]
    ok, errors = _valid(schema, broken.encode("utf-8"))
    assert not ok and "edge_source_ref" in errors


# --- determinism, atomic writes, stdout --------------------------------------------------------

class _Shuffled:
    """A store whose snapshot lists every row in reverse order."""

    def __init__(self, store):
        self.store = store

    def snapshot(self):
        return {k: list(reversed(v)) for k, v in self.store.snapshot().items()}


@pytest.mark.parametrize("view", ["full", "companies"])
def test_output_is_deterministic(store, tmp_path, view):
    a = tmp_path / "a.graphml"
    b = tmp_path / "b.graphml"
    write_graphml(store, a, view=view)
    write_graphml(_Shuffled(store), b, view=view)
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes().startswith(b'<?xml version="1.0" encoding="utf-8"?>\n<graphml ')


def _failing_lines(real):
    def lines(g):
        it = real(g)
        for _ in range(5):
            yield next(it)
        raise OSError(errno.ENOSPC, "No space left on device")
    return lines


@pytest.mark.parametrize("existing", [True, False])
def test_failed_export_leaves_no_partial_file(seed_store, tmp_path, monkeypatch, existing):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "partners.graphml"
    if existing:
        out.write_text("previous export\n")
    monkeypatch.setattr(graphml, "_lines", _failing_lines(graphml._lines))
    with pytest.raises(AutokgError, match="No space left"):
        write_graphml(seed_store, out)
    assert sorted(p.name for p in out_dir.iterdir()) == (["partners.graphml"] if existing else [])
    if existing:
        assert out.read_text() == "previous export\n"


def test_successful_export_replaces_the_file_with_the_usual_mode(seed_store, tmp_path):
    out = tmp_path / "partners.graphml"
    out.write_text("previous export\n")
    old = os.umask(0o022)
    try:
        assert write_graphml(seed_store, out, view="companies") == (8, 6)
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["partners.graphml"]
    assert nx.read_graphml(out).number_of_edges() == 6


def test_dash_writes_to_stdout(tmp_path, schema):
    db = tmp_path / "kg.db"
    s = open_embedded(tmp_path)
    load(s, *SEED)
    s.close()
    r = CliRunner().invoke(cli, ["--store", str(db), "export", "graphml", "-", "--view", "companies"])
    assert r.exit_code == 0, r.output
    g = nx.parse_graphml(r.stdout)
    assert (g.number_of_nodes(), g.number_of_edges()) == (8, 6)
    ok, errors = _valid(schema, r.stdout.encode("utf-8"))
    assert ok, errors
    assert not list(tmp_path.glob("*.graphml*")) and not (tmp_path / "-").exists()


def test_open_files_text_and_binary(seed_store):
    text, binary = io.StringIO(), io.BytesIO()
    assert write_graphml(seed_store, text) == (14, 17)
    assert write_graphml(seed_store, binary) == (14, 17)
    assert binary.getvalue() == text.getvalue().encode("utf-8")
    assert "François Provost" in text.getvalue()


def test_cli_status_errors_exit_2(tmp_path):
    db = tmp_path / "kg.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["--store", str(db), "demo"]).exit_code == 0
    r = runner.invoke(cli, ["--store", str(db), "export", "graphml", str(tmp_path / "x.graphml"),
                            "--view", "companies", "--status", "done"])
    assert r.exit_code == 2 and "unknown status 'done'" in r.output
    assert not (tmp_path / "x.graphml").exists()


# --- either store ------------------------------------------------------------------------------

@pytest.mark.parametrize("view", ["full", "companies"])
def test_neo4j_store_exports_the_same_graphml(neo4j_store, tmp_path, view):
    embedded = open_embedded(tmp_path)
    for s in (embedded, neo4j_store):
        assert not load(s, *SEED, *CURATED).rejected
    assert list(generate_graphml(neo4j_store, view)) == list(generate_graphml(embedded, view))
    embedded.close()
