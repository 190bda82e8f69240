"""A load transaction that finds the database empty answers its reads from its own writes.

Until its buffer first forgets rows, the server holds nothing but what the transaction wrote,
so the merge engine's reads (entities by name, relations, sources, the relations of an entity or
a source, the kept rows) need no round trip. These tests count the reads that reach the server
and compare everything the store ends with against the embedded store loaded with the same
files: a wrong local answer (a duplicate missed, an entity of an earlier batch not found, an
alias merge that does not move a relation) shows as a difference.
"""

from __future__ import annotations

import pytest

from _helpers import snapshot, write_jsonl
from autokg.graph.neo4j import Neo4jStore
from autokg.graph.neo4j.reader import StoredRows
from autokg.loaders import load_files
from test_parity import _assert_parity, random_fact_files

READS = ("find_entities", "get_relations", "get_sources", "relation_ids_touching", "relation_ids_citing",
         "get_entities", "kept_rows", "kept_ids")


@pytest.fixture
def server_reads(monkeypatch):
    """The reads of stored rows that reach the server, by name, and each emptiness check's answer."""
    seen: dict = {"reads": [], "empty": []}

    def counted(name, original):
        def read(self, *args, **kw):
            seen["reads"].append(name)
            return original(self, *args, **kw)
        return read

    for name in READS:
        monkeypatch.setattr(StoredRows, name, counted(name, getattr(StoredRows, name)))
    original = StoredRows.is_empty

    def is_empty(self):
        seen["empty"].append(original(self))
        return seen["empty"][-1]

    monkeypatch.setattr(StoredRows, "is_empty", is_empty)
    return seen


def _src(i: int, **kw) -> dict:
    return {"url": f"https://fresh.example/{i}", "title": f"Report {i}", **kw}


def _files(tmp_path):
    """A first file with duplicates within it, entities named again in later batches (by an
    alias, in another case), an alias declared after the relations it merges; a second file
    naming the first one's entities, sources and relations again."""
    first = write_jsonl(tmp_path / "first.jsonl", [
        {"subject": "Alpha", "predicate": "PARTNERS_WITH", "object": "Beta", "domain": "chips", "source": _src(1)},
        {"subject": "Beta", "predicate": "PARTNERS_WITH", "object": "Alpha", "domain": "Chips", "source": _src(2)},
        {"subject": "Alpha", "predicate": "PARTNERS_WITH", "object": "Beta", "domain": "chips", "source": _src(1)},
        {"subject": "ALPHA", "predicate": "PARTNERS_WITH", "object": "Gamma", "status": "active", "source": _src(3)},
        {"subject": "Gamma", "predicate": "PARTNERS_WITH", "object": "alpha", "status": "ended",
         "source": _src(4, published="2025-01")},
        {"subject": "Delta Motors", "predicate": "INVESTS_IN", "object": "Gamma", "stake_pct": 10, "source": _src(5)},
        {"subject": "Nu", "subject_type": "Person", "predicate": "WORKS_FOR", "object": "Delta", "role": "CEO",
         "source": _src(5)},
        {"subject": "Delta", "predicate": "PARTNERS_WITH", "object": "Beta", "domain": "software", "source": _src(6)},
        {"subject": "Delta Motors", "predicate": "PARTNERS_WITH", "object": "Beta", "domain": "software",
         "source": _src(7)},
        {"entity": "Delta Motors", "type": "Company", "aliases": ["Delta"], "country": "DE"},
        {"subject": "Delta", "predicate": "PARTNERS_WITH", "object": "Gamma", "source": _src(2)},
        {"entity": "Beta", "type": "Company", "country": "FR"},
    ])
    second = write_jsonl(tmp_path / "second.jsonl", [
        {"subject": "Beta", "predicate": "PARTNERS_WITH", "object": "Delta", "domain": "SOFTWARE", "source": _src(8)},
        {"subject": "Gamma", "predicate": "PARTNERS_WITH", "object": "Alpha", "status": "active",
         "source": _src(9, published="2025-06")},
        {"subject": "Epsilon", "predicate": "INVESTS_IN", "object": "Alpha", "stake_pct": 5, "source": _src(1)},
        {"entity": "Alpha", "type": "Company", "aliases": ["Alpha Group"], "country": "US"},
        {"subject": "Alpha Group", "predicate": "PARTNERS_WITH", "object": "Epsilon", "source": _src(10)},
    ])
    return first, second


def _load_both(neo, emb, paths, **kw):
    paths = [str(p) for p in paths]
    assert load_files(emb, paths, **kw).as_dict() == load_files(neo, paths, **kw).as_dict()


def test_a_first_load_reads_nothing_from_the_server_and_a_second_one_does(
        neo4j_store, embedded_store, tmp_path, server_reads):
    first, second = _files(tmp_path)
    _load_both(neo4j_store, embedded_store, [first], batch_size=2)
    assert server_reads["empty"] == [True]
    assert server_reads["reads"] == []  # every read answered from the load's own writes
    assert snapshot(neo4j_store) == snapshot(embedded_store)
    _load_both(neo4j_store, embedded_store, [second, first], batch_size=2)  # the database is not empty now
    assert server_reads["empty"] == [True, False, False]
    assert "find_entities" in server_reads["reads"] and "get_relations" in server_reads["reads"]
    assert snapshot(neo4j_store) == snapshot(embedded_store)
    assert neo4j_store.stats() == embedded_store.stats()
    assert neo4j_store.stats()["relations:PARTNERS_WITH"] == 5  # Delta is Delta Motors


def test_the_second_file_of_one_load_reads_what_the_first_committed(
        neo4j_store, embedded_store, tmp_path, server_reads):
    first, second = _files(tmp_path)
    _load_both(neo4j_store, embedded_store, [first, second, first], batch_size=3)
    assert server_reads["empty"] == [True, False, False]
    assert server_reads["reads"]
    assert snapshot(neo4j_store) == snapshot(embedded_store)
    assert neo4j_store.stats() == embedded_store.stats()


@pytest.mark.parametrize("seed", [2, 13])
def test_a_load_whose_buffer_forgets_rows_reads_from_the_server_afterwards(
        neo4j_settings, embedded_store, tmp_path, server_reads, seed):
    """With transactions of about 20 rows, the buffer forgets its rows after a few batches of
    the first file: later batches find the earlier ones' entities and relations on the server."""
    loads = random_fact_files(seed, tmp_path)
    with Neo4jStore(**neo4j_settings, tx_rows=20) as neo:
        neo.delete_all()
        _load_both(neo, embedded_store, loads[0], batch_size=4)
        assert server_reads["empty"] == [True]
        assert "find_entities" in server_reads["reads"]  # after the first forgetting
        assert snapshot(neo) == snapshot(embedded_store)
        for files in loads[1:]:
            _load_both(neo, embedded_store, files, batch_size=4)
        _assert_parity(neo, embedded_store, seed)


def test_an_atomic_load_of_several_files_stays_local(neo4j_store, embedded_store, tmp_path, server_reads):
    """--strict keeps every row until the file ends (nothing is forgotten), and a dry run holds
    all files in one transaction."""
    first, second = _files(tmp_path)
    # one transaction for both files, a new merge engine for each: the second finds the first's
    # entities, relations and sources in the buffer alone, as the embedded store finds them
    _load_both(neo4j_store, embedded_store, [first, second], dry_run=True, batch_size=2)
    assert server_reads["empty"] == [True] and server_reads["reads"] == []
    assert neo4j_store.stats()["entities"] == 0
    _load_both(neo4j_store, embedded_store, [first, second], strict=True, batch_size=2)
    assert server_reads["empty"] == [True, True, False]
    assert snapshot(neo4j_store) == snapshot(embedded_store)
