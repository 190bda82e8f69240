"""One conformance suite for every registered store: the protocol of ``autokg.graph.store``.

Each test runs on the embedded store (a real SQLite file) and on the Neo4j store (a real server);
a store kind registered without a fixture here fails the first test, so none is forgotten.
"""

from __future__ import annotations

import inspect

import pytest

from _helpers import SEED, fact, load
from autokg.graph.normalize import norm
from autokg.graph.store import STORES, Store, Writer
from autokg.queries import IMPLEMENTATIONS

FIXTURES = {"embedded": "embedded_store", "neo4j": "neo4j_store"}
PROTOCOL = [n for n in dir(Store) if not n.startswith("_") and callable(getattr(Store, n))]


@pytest.fixture(params=[pytest.param(kind, marks=[pytest.mark.neo4j] if kind == "neo4j" else [])
                        for kind in sorted(FIXTURES)])
def store(request):
    return request.getfixturevalue(FIXTURES[request.param])


def test_every_registered_store_is_covered_here_and_by_the_query_layer():
    assert set(STORES) == set(FIXTURES)
    assert set(STORES) <= set(IMPLEMENTATIONS)


def test_the_protocol_is_complete_typed_and_documented():
    assert set(PROTOCOL) >= {"transaction", "close", "lookup", "entity_rows", "relation_rows", "link_rows",
                             "source_rows", "stats", "snapshot"}
    for name in PROTOCOL:
        fn = getattr(Store, name)
        assert fn.__doc__, f"Store.{name} has no docstring"
        assert inspect.signature(fn).return_annotation is not inspect.Signature.empty, f"Store.{name} is untyped"


def test_store_offers_every_protocol_method_with_the_same_parameters(store):
    for name in PROTOCOL:
        mine = inspect.signature(getattr(type(store), name))
        theirs = inspect.signature(getattr(Store, name))
        assert list(mine.parameters) == list(theirs.parameters), name
    assert isinstance(store.name, str) and store.name in STORES


def test_writer_offers_every_protocol_method(store):
    with store.transaction(atomic=True) as writer:
        for name in (n for n in dir(Writer) if not n.startswith("_")):
            assert callable(getattr(writer, name)), name
        writer.rollback()


def test_an_empty_store_reads_empty(store):
    assert store.entity_rows() == [] and store.relation_rows() == [] and store.source_rows() == []
    assert store.relation_ids() == []
    assert store.link_rows() == [] and store.lookup(norm("Renault")) == []
    stats = store.stats()
    assert stats["entities"] == stats["relations"] == stats["sources"] == stats["links"] == 0
    assert store.snapshot() == {"entities": [], "relations": [], "sources": [], "links": []}


def test_reads_after_a_load(store):
    report = load(store, *SEED)
    assert report.ok
    ents = store.entity_rows()
    assert [e["id"] for e in ents] == sorted(e["id"] for e in ents)
    assert {"id", "type", "name", "declared", "aliases", "attrs"} <= set(ents[0])
    [renault] = store.lookup(norm("Gruppo Renault"))
    assert renault["name"] == "Renault Group" and renault["type"] == "Company"

    rels = store.relation_rows()
    assert [r["id"] for r in rels] == sorted(r["id"] for r in rels) == store.relation_ids()
    partners = store.relation_rows("PARTNERS_WITH")
    assert partners and all(r["predicate"] == "PARTNERS_WITH" for r in partners)
    assert {r["id"] for r in partners} < {r["id"] for r in rels}
    assert all(r["sources"] >= 1 for r in rels)

    links = store.link_rows([partners[0]["id"]])
    assert links and {link["relation_id"] for link in links} == {partners[0]["id"]}
    assert {"quote", "confidence", "seq", "claims", "source"} <= set(links[0])
    assert len(store.link_rows()) == store.stats()["links"]
    srcs = store.source_rows()
    assert [s["id"] for s in srcs] == sorted(s["id"] for s in srcs) and len(srcs) == store.stats()["sources"]

    snap = store.snapshot()
    assert len(snap["entities"]) == len(ents) and len(snap["relations"]) == len(rels)
    stats = store.stats()
    assert stats["relations:PARTNERS_WITH"] == len(partners)
    assert stats["entities"] == sum(v for k, v in stats.items() if k.startswith("entities:"))


def test_an_atomic_rollback_discards_the_block(store, tmp_path):
    from _helpers import write_jsonl
    from autokg.loaders import load_files

    path = write_jsonl(tmp_path / "bad.jsonl", [fact("A", "PARTNERS_WITH", "B"), {"subject": "C"}])
    report = load_files(store, [str(path)], strict=True)
    assert report.files_not_loaded == [str(path)]
    assert store.stats()["relations"] == 0 and store.entity_rows() == []
