"""RDF export and load: every format parses back with rdflib, keeps every relation, claim, source
and quote, and loads into an empty store that answers every preset with the same rows."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from autokg.cli import cli
from autokg.errors import AutokgError, UnknownName
from autokg.exports.rdf import generate_rdf, to_rdf, write_rdf
from autokg.queries.presets import PRESETS, run_preset

from _helpers import CURATED_FACTS, ROOT, SEED, dump, fact, load, open_embedded, write_jsonl

AUTOKG = Namespace("https://w3id.org/autokg/vocab#")
SDO = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
CURATED = CURATED_FACTS
DATASETS = {"seed": SEED, "curated": CURATED, "seed+curated": SEED + CURATED}
FORMATS = {"turtle": ("ttl", "turtle"), "json-ld": ("jsonld", "json-ld"), "nt": ("nt", "nt")}

# Every preset, with parameters that give rows on the curated data, the seed, or both.
CASES = [
    ("partners", {}),
    ("partners", {"status": "prospective"}),
    ("partners", {"domain": "cockpit"}),
    ("partners-of", {"company": "Renault Group"}),
    ("partners-of", {"company": "Gruppo Renault", "status": "active"}),
    ("partners-of", {"company": "Nissan"}),
    ("prospective", {}),
    ("prospective", {"since": "2024-06"}),
    ("common-partners", {"a": "Renault", "b": "Nissan"}),
    ("common-partners", {"a": "General Motors", "b": "Stellantis"}),
    ("path", {"a": "Geely", "b": "Toyota"}),
    ("path", {"a": "Nissan", "b": "Honda", "include_ended": True}),
    ("people-of", {"company": "Renault Group"}),
    ("people-of", {"company": "Xiaomi"}),
    ("hubs", {}),
    ("hubs", {"limit": 3}),
    ("by-domain", {"domain": "cockpit"}),
    ("by-domain", {"domain": "merger"}),
    ("cross-border", {}),
    ("cross-border", {"country_a": "FR", "country_b": "CN"}),
    ("sources", {"a": "Renault", "b": "Geely"}),
    ("sources", {"a": "Nissan", "b": "Honda"}),
    ("history", {"a": "Nissan", "b": "Honda"}),
    ("history", {"a": "Renault", "b": "Li Auto"}),
    ("meetings", {}),
    ("meetings", {"person": "Luca de Meo"}),
    ("timeline", {"company": "Renault Group"}),
    ("timeline", {"company": "Xiaomi"}),
    ("stale", {"as_of": "2026-11"}),
    ("stale", {"as_of": "2020", "older_than": 6}),
]


def answers(store) -> dict:
    """Every case's rows, or the error it raises (an entity missing from this data set)."""
    out = {}
    for i, (name, params) in enumerate(CASES):
        try:
            out[i] = run_preset(store, name, **params)
        except AutokgError as exc:
            out[i] = f"{type(exc).__name__}: {exc}"
    return out


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """One embedded store per data set, loaded once for the module."""
    d = tmp_path_factory.mktemp("rdf")
    out = {}
    for name, paths in DATASETS.items():
        store = open_embedded(d, f"{name}.db")
        report = load(store, *paths)
        assert report.ok, report.rejected
        out[name] = store
    yield out
    for store in out.values():
        store.close()


def test_the_cases_cover_every_preset():
    # The round trip below compares answers; this keeps the comparison from being vacuous.
    assert {name for name, _ in CASES} == set(PRESETS)


@pytest.mark.parametrize("dataset", list(DATASETS))
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_export_parses_back_with_every_relation_claim_source_and_quote(stores, tmp_path, dataset, fmt):
    store = stores[dataset]
    ext, rdflib_format = FORMATS[fmt]
    out = tmp_path / f"kg.{ext}"
    n = write_rdf(store, out, fmt)
    g = Graph().parse(out, format=rdflib_format)
    assert len(g) == n
    stats = store.stats()
    snap = store.snapshot()
    assert len(set(g.subjects(RDF.type, AUTOKG.Relation))) == stats["relations"]
    assert len(set(g.subjects(RDF.type, AUTOKG.Claim))) == stats["links"]
    assert len(set(g.subjects(RDF.type, SDO.CreativeWork))) == stats["sources"]
    assert len(set(g.subjects(RDF.type, SDO.Organization))) == stats["entities:Company"]
    assert len(set(g.subjects(RDF.type, SDO.Person))) == stats["entities:Person"]
    # every claim names its source; every quote, title and url is there
    for claim in g.subjects(RDF.type, AUTOKG.Claim):
        assert len(list(g.objects(claim, PROV.wasDerivedFrom))) == 1
        assert len(list(g.subjects(AUTOKG.claim, claim))) == 1
    quotes = {str(o) for o in g.objects(None, AUTOKG.quote)}
    assert {link["quote"] for link in snap["links"] if link["quote"]} == quotes
    assert quotes or dataset == "curated"  # the curated partnerships cite no sentences
    titles = {str(o) for o in g.objects(None, SDO.headline)}
    urls = {str(o) for o in g.objects(None, SDO.url)}
    assert {s["title"] for s in snap["sources"] if s["title"]} == titles
    assert {s["url"] for s in snap["sources"] if s["url"]} == urls
    dates = {str(o) for o in g.objects(None, SDO.datePublished)}
    assert {s["published"] for s in snap["sources"] if s["published"]} == dates
    # each relation node is a statement whose direct triple is in the graph
    for rel in g.subjects(RDF.type, AUTOKG.Relation):
        assert (rel, RDF.type, RDF.Statement) in g
        s, p, o = (g.value(rel, t) for t in (RDF.subject, RDF.predicate, RDF.object))
        assert (s, p, o) in g
    assert len(list(g.subject_objects(AUTOKG.partnersWith))) == len(
        {(r["subject_id"], r["object_id"]) for r in snap["relations"] if r["predicate"] == "PARTNERS_WITH"})


@pytest.mark.parametrize("dataset", list(DATASETS))
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_round_trip_gives_the_same_rows_for_every_preset(stores, tmp_path, dataset, fmt):
    store = stores[dataset]
    out = tmp_path / f"kg.{FORMATS[fmt][0]}"
    write_rdf(store, out, fmt)
    copy = open_embedded(tmp_path, "copy.db")
    report = load(copy, out)
    assert report.ok, report.rejected
    assert report.entity_records == len([e for e in store.entity_rows() if e["declared"]])
    assert report.relation_records == store.stats()["links"]
    before, after = answers(store), answers(copy)
    for i, (name, params) in enumerate(CASES):
        assert after[i] == before[i], (name, params)
    assert dump(copy) == dump(store)
    assert ({(e["type"], e["name"], e["declared"]) for e in copy.entity_rows()}
            == {(e["type"], e["name"], e["declared"]) for e in store.entity_rows()})
    # loading the export again changes nothing, in the copy and in the original
    for target in (copy, store):
        again = load(target, out)
        assert again.ok
        for kind in ("entities", "relations", "sources"):
            assert getattr(again, kind).summary()["new"] == 0
            assert getattr(again, kind).summary()["updated"] == 0
    copy.close()


def test_the_presets_answer_something_on_the_full_data(stores):
    got = answers(stores["seed+curated"])
    for name in PRESETS:
        assert any(isinstance(got[i], list) and got[i] for i, (n, _) in enumerate(CASES) if n == name), name


TIES = [
    {"entity": "Renault Group", "type": "Company", "aliases": ["Renault"], "country": "FR"},
    {"entity": "Luca de Meo", "type": "Person"},
    # two undated sources of equal confidence disagree: the later record wins
    fact("Renault", "PARTNERS_WITH", "Acme", {"title": "First", "publisher": "P"}, domain="Batteries",
         status="prospective", confidence=0.5),
    fact("Acme", "PARTNERS_WITH", "Renault", {"title": "Second", "publisher": "P"}, domain="batteries",
         status="ended", since="2020", confidence=0.5),
    fact("Renault", "PARTNERS_WITH", "Acme", {"title": "Third", "publisher": "P"},
         domain="BATTERIES", status="active", confidence=0.3),
    # ... and the reverse order on another relation
    fact("Renault", "PARTNERS_WITH", "Zeta", {"title": "Second", "publisher": "P"}, status="active",
         confidence=0.5),
    fact("Renault", "PARTNERS_WITH", "Zeta", {"title": "First", "publisher": "P"}, status="ended",
         confidence=0.5),
    fact("Renault", "INVESTS_IN", "Acme", {"url": "https://example.com/a", "lang": "en",
                                           "author": "A. Writer", "published": "2024-05"},
         stake_pct=4.99, confidence=0.1 + 0.2),
    fact("Luca de Meo", "MET_WITH", "Acme", {"url": "https://example.com/a"}, object_type="Company",
         date="2024-04-25", event="Beijing Auto Show"),
    fact("Luca de Meo", "WORKS_FOR", "Renault", {"url": "https://example.com/a", "quote": "the CEO"},
         role="CEO", since="2020-07"),
]


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_ties_implicit_entities_and_exact_numbers_survive(tmp_path, fmt):
    store = open_embedded(tmp_path, "ties.db")
    assert load(store, write_jsonl(tmp_path / "ties.jsonl", TIES)).ok
    partners = run_preset(store, "partners")
    assert [(r["company"], r["partner"], r["domain"], r["status"]) for r in partners] == [
        ("Acme", "Renault Group", "batteries", "ended"), ("Renault Group", "Zeta", None, "ended")]
    out = tmp_path / f"ties.{FORMATS[fmt][0]}"
    write_rdf(store, out, fmt)
    copy = open_embedded(tmp_path, "copy.db")
    assert load(copy, out).ok
    assert dump(copy) == dump(store)
    assert answers(copy) == answers(store)
    implicit = {e["name"] for e in copy.entity_rows() if not e["declared"]}
    assert implicit == {"Acme", "Zeta"}
    link = next(l for l in copy.snapshot()["links"] if l["claims"].get("stake_pct"))
    assert (link["claims"]["stake_pct"], link["confidence"]) == (4.99, 0.1 + 0.2)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_export_is_deterministic(stores, tmp_path, fmt):
    store = stores["seed+curated"]
    assert isomorphic(to_rdf(store), to_rdf(store))
    a, b = tmp_path / "a", tmp_path / "b"
    write_rdf(store, a, fmt)
    write_rdf(store, b, fmt)
    assert a.read_bytes() == b.read_bytes()
    rdflib_format = FORMATS[fmt][1]
    assert isomorphic(Graph().parse(a, format=rdflib_format), Graph().parse(b, format=rdflib_format))
    assert "".join(generate_rdf(store, fmt)) == a.read_text(encoding="utf-8")


def test_formats_by_name_and_alias(stores):
    store = stores["seed"]
    assert "".join(generate_rdf(store, "ttl")) == "".join(generate_rdf(store, "turtle"))
    assert "".join(generate_rdf(store, "JSONLD")) == "".join(generate_rdf(store, "json-ld"))
    assert "".join(generate_rdf(store, "ntriples")) == "".join(generate_rdf(store, "nt"))
    with pytest.raises(UnknownName, match=r"unknown RDF format 'rdfxml' \(known: turtle \(ttl\), json-ld"):
        write_rdf(store, "unused.rdf", "rdfxml")


# ---- the command line ---------------------------------------------------------------------


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.setenv("AUTOKG_STORE", str(tmp_path / "cli.db"))
    monkeypatch.delenv("AUTOKG_BACKEND", raising=False)

    def invoke(*args):
        result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
        assert "Traceback" not in result.output
        return result

    return invoke


def test_cli_export_then_load_into_another_store(run, tmp_path):
    assert run("load", *map(str, SEED)).exit_code == 0
    out = tmp_path / "kg.ttl"
    r = run("export", "rdf", str(out), "--format", "ttl")
    assert r.exit_code == 0, r.output
    assert r.output.startswith(f"wrote {out}: ") and r.output.rstrip().endswith(" triples")
    other = tmp_path / "other.db"
    r = run("--store", str(other), "load", str(out))
    assert r.exit_code == 0, r.output
    assert "read 33 records from 1 file: 14 entity records, 19 relations" in r.output
    assert "relations:     17 new" in r.output
    r = run("--store", str(other), "query", "partners", "--format", "json")
    assert r.exit_code == 0
    assert {(x["company"], x["partner"]) for x in json.loads(r.output)} >= {("Geely", "Renault Group")}
    # --input-format for a file whose extension says nothing
    plain = tmp_path / "kg.txt"
    plain.write_bytes(out.read_bytes())
    r = run("--store", str(tmp_path / "third.db"), "load", str(plain), "--input-format", "turtle")
    assert r.exit_code == 0, r.output
    # stdout
    r = run("export", "rdf", "-", "--format", "nt")
    assert r.exit_code == 0
    assert len(Graph().parse(data=r.output, format="nt")) > 0


def test_cli_unknown_format_is_one_line(run, tmp_path):
    r = run("export", "rdf", str(tmp_path / "kg.rdf"), "--format", "rdfxml")
    assert r.exit_code == 1
    assert r.output.strip().splitlines() == [
        "Error: unknown RDF format 'rdfxml' (known: turtle (ttl), json-ld (jsonld), nt (ntriples, n-triples))"]
    assert not (tmp_path / "kg.rdf").exists()
    r = run("export", "rdf", str(tmp_path / "missing" / "kg.ttl"))
    assert r.exit_code == 1
    assert r.output.strip().splitlines() == [
        f"Error: cannot write {tmp_path / 'missing' / 'kg.ttl'}: No such file or directory"]


@pytest.mark.parametrize("name, text, reason", [
    ("bad.ttl", '@prefix s: <https://schema.org/> .\n<http://x/a> s:name "unterminated .\n',
     "not valid Turtle: line 2: "),
    ("bad.ttl", "<http://x/a> <http://x/b> .\n", "not valid Turtle: line 1: objectList expected"),
    ("bad.nt", "<http://x/a> <http://x/b> <http://x/c>\n", "not valid N-Triples: line "),
    ("bad.jsonld", '{"@id": "http://x/a", ', "not valid JSON-LD: Expecting property name"),
    ("bad.ttl", b"\xff\xfe<a>", "not valid UTF-8 (byte 0xff at offset 0)"),
])
def test_cli_malformed_rdf_is_file_reason(run, tmp_path, name, text, reason):
    p = tmp_path / name
    if isinstance(text, bytes):
        p.write_bytes(text)
    else:
        p.write_text(text, encoding="utf-8")
    r = run("load", str(p))
    assert r.exit_code == 1
    lines = [line for line in r.output.splitlines() if line.startswith(str(p))]
    assert len(lines) == 1
    assert lines[0].startswith(f"{p}: {reason}"), lines[0]


THIRD_PARTY = """\
@prefix schema: <http://schema.org/> .
@prefix autokg: <https://w3id.org/autokg/vocab#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix ex: <http://example.org/> .

ex:renault a schema:Organization ; schema:name "Renault Group" ; schema:alternateName "Renault" ;
    autokg:country "FR" ; schema:sameAs <http://www.wikidata.org/entity/Q6686> .
ex:geely a schema:Organization ; schema:name "Geely" .
ex:r1 a autokg:Relation ; rdf:subject ex:renault ; rdf:predicate autokg:partnersWith ;
    rdf:object ex:geely ; autokg:domain "hybrids" ; autokg:status autokg:Prospective ;
    prov:wasDerivedFrom ex:doc .
ex:doc a schema:NewsArticle ; schema:url "https://example.org/news/1" ; schema:headline "News" .
ex:renault autokg:partnersWith ex:geely .
ex:geely autokg:supplies ex:renault .
ex:r2 a autokg:Relation ; rdf:subject ex:renault ; rdf:predicate autokg:acquires ; rdf:object ex:geely ;
    prov:wasDerivedFrom ex:doc .
"""


def test_plain_rdf_without_claim_nodes_loads_and_bad_nodes_are_named(tmp_path):
    p = tmp_path / "third.ttl"
    p.write_text(THIRD_PARTY, encoding="utf-8")
    store = open_embedded(tmp_path)
    report = load(store, p)
    assert [str(r) for r in report.rejected] == [
        f"{p}:<http://example.org/r2>: unknown predicate <https://w3id.org/autokg/vocab#acquires> "
        "(known: autokg:partnersWith, autokg:worksFor, autokg:metWith, autokg:attended, autokg:subsidiaryOf, "
        "autokg:investsIn, autokg:supplies, autokg:makes)",
        f"{p}:<http://example.org/geely>: <http://example.org/geely> autokg:supplies <http://example.org/renault> "
        "has no autokg:Relation node with a source (prov:wasDerivedFrom); every relation needs one",
    ]
    rows = run_preset(store, "partners-of", company="Renault")
    assert [(r["partner"], r["domain"], r["status"], r["sources"]) for r in rows] == [
        ("Geely", "hybrids", "prospective", 1)]
    ent = next(e for e in store.entity_rows() if e["name"] == "Renault Group")
    assert ent["attrs"] == {"country": "FR", "wikidata": "Q6686"} and ent["aliases"] == ["Renault"]


def test_turtle_starting_with_a_blank_node_is_read_as_turtle(tmp_path):
    """The extension decides: Turtle may begin with ``[``, as JSON-LD does."""
    p = tmp_path / "blank-first.ttl"
    p.write_text('[] <https://schema.org/name> "nobody" .\n' + THIRD_PARTY, encoding="utf-8")
    report = load(open_embedded(tmp_path), p)
    assert not [r for r in report.rejected if "not valid" in r.reason]
    assert report.records > 0


def test_rejected_claims_name_their_node(tmp_path):
    g = Graph()
    ex = Namespace("http://example.org/")
    g.add((ex.a, RDF.type, SDO.Organization))
    g.add((ex.a, SDO.name, Literal("A")))
    g.add((ex.b, RDF.type, SDO.Person))  # no name
    g.add((ex.r, RDF.type, AUTOKG.Relation))
    g.add((ex.r, RDF.subject, ex.a))
    g.add((ex.r, RDF.predicate, AUTOKG.partnersWith))
    g.add((ex.r, RDF.object, URIRef("http://example.org/nowhere")))
    g.add((ex.r, AUTOKG.claim, ex.c))
    g.add((ex.c, PROV.wasDerivedFrom, ex.doc))
    g.add((ex.c, AUTOKG.status, AUTOKG.Paused))
    g.add((ex.doc, SDO.headline, Literal("Doc")))
    p = tmp_path / "bad.jsonld"
    p.write_text(g.serialize(format="json-ld"), encoding="utf-8")
    report = load(open_embedded(tmp_path), p)
    assert sorted(str(r) for r in report.rejected) == [
        f"{p}:<http://example.org/b>: <http://example.org/b> has no schema:name",
        f"{p}:<http://example.org/c>: the object <http://example.org/nowhere> has no entity class "
        "(one of <https://schema.org/Organization>, <https://schema.org/Person>, <https://schema.org/Product>, "
        "<https://schema.org/Event>)",
    ]


@pytest.mark.neo4j
def test_neo4j_exports_the_same_rdf_as_the_embedded_store(neo4j_store, embedded_store):
    files = [*SEED, *CURATED_FACTS]
    for store in (embedded_store, neo4j_store):
        assert load(store, *files).ok
    assert isomorphic(to_rdf(neo4j_store), to_rdf(embedded_store))
    assert list(generate_rdf(neo4j_store, "nt")) == list(generate_rdf(embedded_store, "nt"))
