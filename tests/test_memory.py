"""A load's memory stays bounded: the merge engine's caches are emptied when full without changing
what a load does, the load summary keeps its ids compactly, and a load does not hold the rows of
its file."""

from __future__ import annotations

import json
import random
import tracemalloc

import pytest

from autokg.graph.merge import IdSet
from autokg.graph.model import schema

from _helpers import load, open_embedded, snapshot
from test_parity import random_fact_files


def test_an_id_set_counts_like_a_set():
    rng = random.Random(5)
    # past 65,536 ids the set is folded into the sorted array, more than once
    ids = [f"r:{rng.getrandbits(64):016x}" for _ in range(150_000)]
    a, b = IdSet(), IdSet()
    plain_a, plain_b = set(), set()
    for i in ids + ids[:1000]:
        a.add(i)
        plain_a.add(i)
        if rng.random() < 0.3:
            b.add(i)
            plain_b.add(i)
    assert len(a) == len(plain_a) == 150_000
    assert all(i in a for i in ids[::97]) and "r:absent" not in a
    assert a.count_outside(b) == len(plain_a - plain_b)
    c = IdSet(ids[:10])
    c.absorb(a, unless=b)
    assert len(c) == len(set(ids[:10]) | (plain_a - plain_b))
    d = IdSet()  # an empty set absorbs a copy, which then grows on its own
    d.absorb(a, unless=IdSet())
    d.add("r:only-in-d")
    assert len(d) == len(a) + 1 and "r:only-in-d" not in a and all(i in d for i in ids[::89])
    assert d.count_outside(a) == 1 and a.count_outside(d) == 0


@pytest.mark.parametrize("seed", [1, 2])
def test_emptying_the_caches_after_every_batch_changes_nothing(tmp_path, seed, monkeypatch):
    """Reloads, late aliases that merge entities and move relations, republished sources: with
    batches of 3 facts and caches emptied after each, the store and the summaries are the same."""
    def run(folder, **kw):
        folder.mkdir()
        store = open_embedded(folder)
        reports = [load(store, *files, **kw).as_dict() for files in random_fact_files(seed, folder)]
        out = snapshot(store)
        store.close()
        return out, [{k: r[k] for k in ("entities", "relations", "sources", "rejected")} for r in reports]

    want = run(tmp_path / "default")
    monkeypatch.setattr("autokg.graph.merge.CACHE_ROWS", 0)
    got = run(tmp_path / "emptied", batch_size=3)
    assert got[0] == want[0]
    # the summaries name files by path: compare them relative to each folder
    assert json.loads(json.dumps(got[1]).replace(str(tmp_path / "emptied"), "D")) == \
        json.loads(json.dumps(want[1]).replace(str(tmp_path / "default"), "D"))


def _facts(path, n):
    with open(path, "w", encoding="utf-8") as fp:
        for i in range(n):
            a, b = i % 300, (i * 7 + 1) % 300
            fp.write(json.dumps({
                "subject": f"Company {a}", "predicate": "PARTNERS_WITH", "object": f"Company {b}",
                "domain": f"domain {i}", "source": {"url": f"https://news.example.com/{i}", "title": f"Story {i}",
                                                   "quote": f"Company {a} and Company {b} " + "x" * 8000}}) + "\n")


def test_a_load_does_not_hold_the_rows_of_its_file(tmp_path, monkeypatch):
    """Python's peak while loading 4N facts of 8 KB each exceeds the peak for N facts by far less
    than the extra rows would take if the load kept them. (The bounded caches of names, sources
    and ids are not full at this size, so they grow by about 1 KB per fact; SQLite's own page
    cache is not Python memory, and is capped.)"""
    monkeypatch.setattr("autokg.graph.merge.CACHE_ROWS", 500)
    n = 1000
    peaks = {}
    for size in (n, 4 * n):
        path = tmp_path / f"{size}.jsonl"
        _facts(path, size)
        store = open_embedded(tmp_path, f"{size}.db")
        tracemalloc.start()
        report = load(store, path, batch_size=250)
        peaks[size] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        store.close()
        assert report.ok and report.relations.summary()["new"] == size
    per_fact = (peaks[4 * n] - peaks[n]) / (3 * n)
    assert per_fact < 2500, f"{per_fact:.0f} bytes more per fact: a load keeps its rows"


def test_strict_keeps_a_large_file_all_or_nothing_with_emptied_caches(tmp_path, monkeypatch):
    """The caches are emptied batch after batch, but the file is still one transaction: a bad
    record on its last line makes a --strict load write nothing."""
    monkeypatch.setattr("autokg.graph.merge.CACHE_ROWS", 0)
    path = tmp_path / "facts.jsonl"
    _facts(path, 600)
    with open(path, "a", encoding="utf-8") as fp:
        fp.write('{"subject": "A", "predicate": "ACQUIRED_BY", "object": "B", "source": "https://x.example"}\n')
    store = open_embedded(tmp_path)
    report = load(store, path, strict=True, batch_size=50)
    known = ", ".join(schema().predicates)
    assert [str(r) for r in report.rejected] == [f"{path}:601: unknown predicate 'ACQUIRED_BY' (known: {known})"]
    assert report.files_not_loaded == [str(path)]
    assert store.stats()["relations"] == store.stats()["entities"] == store.stats()["sources"] == 0
    assert load(store, path, batch_size=50).relations.summary()["new"] == 600
    store.close()
