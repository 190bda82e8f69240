"""Neo4j under concurrency and faults, against the real server.

* Concurrent loaders (separate ``autokg load`` processes) with overlapping facts converge to the
  result of loading the same files one after the other, in the order the loads took the
  database's load lock (:mod:`autokg.graph.neo4j.lock`): every row, ``stats``, every preset and
  an export are compared with a database loaded sequentially in that order.
* Readers running presets while a load runs get no errors.

The facts are built so that the order of the loads matters somewhere (two sources of the same
date and confidence giving a relation different statuses: the later record wins, as in a
sequential load), so the comparison also checks that the order is the lock's.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from _helpers import snapshot, write_jsonl
from autokg.exports import export
from autokg.loaders import load_files
from test_parity import _answer, _param_sets

ROOT = Path(__file__).resolve().parent.parent
ORDER_URL = "https://order.example/load/"


def cli_env(settings: dict) -> dict:
    """The environment of an ``autokg`` process using the test server (password included)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "AUTOKG_"))}
    env.update(AUTOKG_BACKEND="neo4j", NEO4J_URI=settings["uri"], NEO4J_USERNAME=settings["username"],
               NEO4J_PASSWORD=settings["password"] or "", PYTHONUNBUFFERED="1")
    if settings.get("database"):
        env["NEO4J_DATABASE"] = settings["database"]
    return env


def autokg_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "autokg.cli", *args]


def hooked_cli(retry_time: float, tx_rows: int, *args: str) -> list[str]:
    """``autokg ARGS`` with the driver's retries limited to *retry_time* seconds and load
    transactions of *tx_rows* rows (defaults 60 s and 50,000), for faults that must end soon."""
    code = ("import sys\nfrom autokg.graph.neo4j import connection, store\n"
            f"connection.MAX_RETRY_TIME = {retry_time!r}\n"
            f"store.Neo4jStore.__init__.__kwdefaults__['tx_rows'] = {tx_rows!r}\n"
            "from autokg.cli import main\nsys.argv[0] = 'autokg'\nmain()\n")
    return [sys.executable, "-c", code, *args]


def overlapping_files(folder: Path, n: int, seed: int, facts_per_file: int = 150) -> list[Path]:
    """*n* fact files drawn from one pool of companies, relations and sources, so that they share
    entities, relations, sources and some identical facts; each file also declares some entities
    with aliases and cites its own order marker source."""
    rng = random.Random(seed)
    companies = [f"Firm {i:03d}" for i in range(60)]
    sources = []
    for i in range(40):
        src = {"url": f"https://news.example/{i}", "title": f"Story {i}", "publisher": rng.choice(["Reuters", "Nikkei"])}
        published = rng.choice([None, "2023", "2024-03", "2024-03-01", "2025-01-15"])
        if published:
            src["published"] = published
        sources.append(src)
    pairs = [tuple(rng.sample(companies, 2)) for _ in range(120)]
    shared = []  # identical facts that several files repeat
    for _ in range(40):
        a, b = rng.choice(pairs)
        shared.append({"subject": a, "predicate": "PARTNERS_WITH", "object": b, "status": "active",
                       "source": {**rng.choice(sources), "quote": f"{a} and {b} agreed"}})
    files = []
    for k in range(n):
        recs = []
        for c in rng.sample(companies, 10):  # entity records, aliases shared between files
            recs.append({"entity": c, "type": "Company", "aliases": [c.replace("Firm", "Firma")],
                         "country": rng.choice(["FR", "CN", "DE"])})
        for _ in range(facts_per_file):
            a, b = rng.choice(pairs)
            if rng.random() < 0.5:
                a, b = b, a
            rec = {"subject": a if rng.random() < 0.8 else a.replace("Firm", "Firma"), "predicate": "PARTNERS_WITH",
                   "object": b, "source": {**rng.choice(sources), "quote": f"{a} works with {b}"}}
            if rng.random() < 0.7:
                rec["status"] = rng.choice(["active", "prospective", "ended"])
            if rng.random() < 0.3:
                rec["confidence"] = rng.choice([0.5, 0.9])
            if rng.random() < 0.3:
                rec["domain"] = rng.choice(["batteries", "software", "chips"])
            recs.append(rec)
        recs += rng.sample(shared, 15)
        for i in range(20):  # who employs whom: another predicate, people shared between files
            recs.append({"subject": f"Person {rng.randrange(30)}", "predicate": "WORKS_FOR",
                         "object": rng.choice(companies), "role": rng.choice(["CEO", "CTO"]),
                         "source": rng.choice(sources)})
        # a tie broken by the record order: same date, same confidence, another status
        recs.append({"subject": "Tie One", "predicate": "PARTNERS_WITH", "object": "Tie Two",
                     "status": ["active", "ended", "prospective", "active"][k % 4],
                     "source": {"url": f"https://tie.example/{k}", "title": "Tie", "published": "2024-05-05"}})
        recs.append({"subject": "Order Marker", "predicate": "PARTNERS_WITH", "object": f"Loader {k}",
                     "source": {"url": f"{ORDER_URL}{k}", "title": f"load {k}"}})
        rng.shuffle(recs)
        files.append(write_jsonl(folder / f"loader{k}.jsonl", recs))
    return files


def load_order(store, files: list[Path]) -> list[Path]:
    """The files in the order they were loaded, read from the record numbers of their markers."""
    rows = store.read_cypher("MATCH (s:Source)-[l:SUPPORTS]->() WHERE s.url STARTS WITH $u RETURN s.url AS url, "
                             "l.seq AS seq ORDER BY seq", {"u": ORDER_URL})
    assert len(rows) == len(files)
    return [files[int(r["url"].rsplit("/", 1)[1])] for r in rows]


def some_params(store) -> list[tuple[str, dict]]:
    """Three parameter sets of every preset (of the many of the parity tests), for time."""
    out, seen = [], {}
    for preset, params in _param_sets(store, 7):
        seen[preset] = seen.get(preset, 0) + 1
        if seen[preset] <= 3:
            out.append((preset, params))
    return out


def everything(store, tmp_path: Path, name: str) -> dict:
    """Every row (ids and record numbers included), stats, every preset with many parameter
    sets, and a GraphML export."""
    out = tmp_path / f"{name}.graphml"
    export(store, "graphml", str(out))
    presets = [(p, params, _answer(store, p, params)) for p, params in some_params(store)]
    return {"rows": snapshot(store), "stats": store.stats(), "presets": presets, "graphml": out.read_text("utf-8")}


@pytest.mark.parametrize("loaders", [2, 4])
def test_concurrent_loaders_converge_to_the_sequential_result(neo4j_store, neo4j_settings, tmp_path, loaders):
    files = overlapping_files(tmp_path, loaders, seed=loaders)
    procs = [subprocess.Popen(autokg_cmd("load", str(f)), env=cli_env(neo4j_settings), cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for f in files]
    outs = [p.communicate(timeout=600) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0 and "Error" not in err, err[-2000:]
    order = load_order(neo4j_store, files)
    concurrent = everything(neo4j_store, tmp_path, "concurrent")
    assert concurrent["stats"]["relations"] > 80 and len(concurrent["presets"]) > 30  # not vacuous

    neo4j_store.delete_all()
    for f in order:  # one `autokg load` per file, as the loaders did
        assert not load_files(neo4j_store, [str(f)]).rejected
    sequential = everything(neo4j_store, tmp_path, "sequential")
    for key in ("stats", "rows", "presets", "graphml"):
        assert concurrent[key] == sequential[key], key
    # the order matters in these files: the tie goes to the last load's status
    ids = {e["id"] for e in concurrent["rows"]["entities"] if e["name"] == "Tie One"}
    tie = [r for r in concurrent["rows"]["relations"] if {r["subject_id"], r["object_id"]} & ids]
    statuses = ["active", "ended", "prospective", "active"]
    last = int(order[-1].stem.removeprefix("loader"))
    assert [r["props"]["status"] for r in tie] == [statuses[last % 4]]


def test_readers_get_no_errors_during_a_load(neo4j_store, neo4j_settings, tmp_path):
    from autokg.graph.neo4j import Neo4jStore

    files = overlapping_files(tmp_path, 2, seed=11, facts_per_file=600)
    load_files(neo4j_store, [str(files[0])])
    params = some_params(neo4j_store)
    errors: list[str] = []
    runs = [0]
    stop = threading.Event()

    def reader(offset: int) -> None:
        with Neo4jStore(**neo4j_settings) as store:
            i = offset
            while not stop.is_set():
                preset, p = params[i % len(params)]
                try:
                    answer = _answer(store, preset, p)
                except Exception as exc:  # anything but the preset's own user-facing answer
                    answer = f"{type(exc).__name__}: {exc}"
                if isinstance(answer, str) and not answer.startswith(("UnknownEntity", "UnknownName", "UsageError")):
                    errors.append(f"{preset} {p}: {answer}")
                runs[0] += 1
                i += 7

    threads = [threading.Thread(target=reader, args=(k,)) for k in range(3)]
    for t in threads:
        t.start()
    try:
        proc = subprocess.run(autokg_cmd("load", str(files[1])), env=cli_env(neo4j_settings), cwd=ROOT,
                              capture_output=True, text=True, timeout=600)
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert not errors, errors[:5]
    assert runs[0] > 20
