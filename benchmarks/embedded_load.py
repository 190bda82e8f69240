"""Embedded load throughput against a floor measured in the same run.

For each N: generate N synthetic facts (benchmarks/synth.py), then time
  * floor (the floor of issue 11): in one transaction, parse each JSON line with the standard
    json module, then upsert the two entities, the relation, the source and the link into plain
    SQLite tables with one ``execute`` each; no validation or merge;
  * autokg: ``load_files`` into a fresh embedded store.
Each is run in a fresh subprocess (so peak RSS is per run), floor and autokg alternated; the
medians of --repeat runs are reported, of wall time (facts/s) and of the child's CPU time.
Then the incremental case: 1,000 new facts into a store holding 100k facts against the same
1,000 into an empty store.

    python benchmarks/embedded_load.py --sizes 10000 100000 1000000 --repeat 3
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import synth  # noqa: E402


def floor(path: str, db: str) -> None:
    """The issue's floor: in one transaction, parse each line with the standard json module, then
    upsert the two entities, the relation, the source and the link with one ``execute`` each."""
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = NORMAL")
    con.executescript("""
        CREATE TABLE entities (id TEXT PRIMARY KEY, type TEXT, name TEXT) WITHOUT ROWID;
        CREATE TABLE relations (id TEXT PRIMARY KEY, predicate TEXT, subject_id TEXT, object_id TEXT, props TEXT)
            WITHOUT ROWID;
        CREATE TABLE sources (id TEXT PRIMARY KEY, url TEXT, title TEXT, publisher TEXT, published TEXT)
            WITHOUT ROWID;
        CREATE TABLE links (relation_id TEXT, source_id TEXT, quote TEXT, confidence REAL, claims TEXT,
                            PRIMARY KEY (relation_id, source_id)) WITHOUT ROWID;
    """)
    ex = con.execute
    ex("BEGIN")
    with open(path, "rb") as fp:
        for line in fp:
            r = json.loads(line)
            s, o, src = r["subject"], r["object"], r["source"]
            rid = f"{r['predicate']}|{s}|{o}|{r.get('domain')}"
            ex("INSERT OR REPLACE INTO entities VALUES (?, ?, ?)", (s, "Company", s))
            ex("INSERT OR REPLACE INTO entities VALUES (?, ?, ?)", (o, "Company", o))
            ex("INSERT OR REPLACE INTO relations VALUES (?, ?, ?, ?, ?)",
               (rid, r["predicate"], s, o, json.dumps({"status": r.get("status"), "since": r.get("since")})))
            ex("INSERT OR REPLACE INTO sources VALUES (?, ?, ?, ?, ?)",
               (src["url"], src["url"], src.get("title"), src.get("publisher"), src.get("published")))
            ex("INSERT OR REPLACE INTO links VALUES (?, ?, ?, ?, ?)",
               (rid, src["url"], src.get("quote"), r.get("confidence", 1.0), json.dumps({"status": r.get("status")})))
    ex("COMMIT")
    con.close()


def autokg(path: str, db: str) -> None:
    from autokg.graph.embedded import EmbeddedStore
    from autokg.loaders import load_files

    store = EmbeddedStore(db)
    report = load_files(store, [path])
    assert report.ok, report.rejected[:3]
    store.close()


def _child(kind: str, path: str, db: str) -> None:
    t = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_SELF)
    (floor if kind == "floor" else autokg)(path, db)
    elapsed = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    rss = after.ru_maxrss  # KiB on Linux
    print(json.dumps({"seconds": elapsed, "cpu": cpu, "rss_mb": rss / 1024}))


def measure(kind: str, path: str, db: str | None = None) -> dict:
    tmp = tempfile.mkdtemp(prefix="autokg-bench-")
    target = os.path.join(tmp, "kg.db")
    if db:
        shutil.copy(db, target)
    try:
        out = subprocess.run([sys.executable, __file__, "--child", kind, path, target],
                             capture_output=True, text=True, check=True).stdout
    finally:
        shutil.rmtree(tmp)
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-incremental", dest="incremental", action="store_false",
                    help="skip the incremental case (1,000 facts into a store of 100k)")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(*args.child)
        return
    work = tempfile.mkdtemp(prefix="autokg-bench-data-")
    try:
        print(f"{'N':>9}  {'floor f/s':>10}  {'autokg f/s':>10}  {'ratio':>5}  {'floor cpu':>9}  {'autokg cpu':>10}  "
              f"{'cpu ratio':>9}  {'floor MB':>8}  {'autokg MB':>9}")
        for n in args.sizes:
            path = os.path.join(work, f"{n}.jsonl")
            synth.write(path, n)
            fl, ak = [], []
            for _ in range(args.repeat):  # alternated, so that both see the same load of the machine
                fl.append(measure("floor", path))
                ak.append(measure("autokg", path))
            f_s = statistics.median(r["seconds"] for r in fl)
            a_s = statistics.median(r["seconds"] for r in ak)
            f_c = statistics.median(r["cpu"] for r in fl)
            a_c = statistics.median(r["cpu"] for r in ak)
            print(f"{n:>9}  {n / f_s:>10.0f}  {n / a_s:>10.0f}  {f_s / a_s:>5.2f}  {f_c:>9.1f}  {a_c:>10.1f}  "
                  f"{f_c / a_c:>9.2f}  {statistics.median(r['rss_mb'] for r in fl):>8.0f}  "
                  f"{statistics.median(r['rss_mb'] for r in ak):>9.0f}", flush=True)
            print(f"{'':>9}  runs (wall s, floor/autokg): "
                  + ", ".join(f"{a['seconds']:.1f}/{b['seconds']:.1f}" for a, b in zip(fl, ak)), flush=True)
        if not args.incremental:
            return
        # incremental: 1,000 new facts into a 100k store vs into an empty store
        base = os.path.join(work, "base.jsonl")
        synth.write(base, 100_000)
        new = os.path.join(work, "new.jsonl")
        synth.write(new, 1_000, seed=99, offset=10_000_000)
        big = os.path.join(work, "big.db")
        autokg(base, big)
        empty = [measure("autokg", new)["seconds"] for _ in range(max(3, args.repeat))]
        full = [measure("autokg", new, big)["seconds"] for _ in range(max(3, args.repeat))]
        e, f = statistics.median(empty), statistics.median(full)
        print(f"incremental 1,000 facts: empty store {e:.3f} s, store with 100k facts {f:.3f} s, ratio {f / e:.2f}")
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
