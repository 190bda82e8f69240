"""Peak memory of a load as the input grows: a streamed reader must not hold the file's rows.

Each load runs in a fresh subprocess (``load_files`` into a new embedded store in a temporary
directory); its peak resident set size is the child's own ``VmHWM`` (``/proc/self/status``; else
``resource.getrusage(RUSAGE_SELF).ru_maxrss``, which on Linux includes the parent's size).

Two kinds of file, JSON Lines or CSV, of a given size:

* ``rejected``: every record is well-formed but rejected by validation (a 2 KB value of an
  unknown property), so nothing reaches the store: the peak is the reader's and the
  validator's alone, and must not grow with the file;
* ``valid``: every record loads (a 2 KB quote each, 1,000 companies), so the store's own caches
  (SQLite's page cache, up to 64 MiB) and the merge's indexes count too.

    python benchmarks/load_memory.py --mb 20 60 100 --kind rejected valid --format jsonl csv

With ``--synth N``, one file of N synthetic facts (``benchmarks/synth.py``, the facts of
``embedded_load.py``) is loaded instead, into ``--store embedded`` (a new file) or ``--store
neo4j`` (the server of NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, emptied first); the child
reports its peak resident size, its wall time and its CPU time:

    python benchmarks/load_memory.py --synth 1000000 --store embedded neo4j
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile

__all__ = ["write_file", "peak_rss", "PEAK"]

_PAYLOAD = "x" * 2000


def _records(kind: str):
    i = 0
    while True:
        rec = {"subject": f"Company {i % 1000}", "predicate": "PARTNERS_WITH", "object": f"Company {(i * 7 + 1) % 1000}",
               "domain": f"domain {i}", "source": {"url": f"https://news.example.com/{i}", "title": f"Story {i}",
                                                   "quote": f"{i} {_PAYLOAD}"}}
        if kind == "rejected":  # a predicate outside the vocabulary: each record rejected on its own
            rec["predicate"] = "ACQUIRED_BY"
        yield rec
        i += 1


def write_file(path: str, fmt: str, mb: float, kind: str = "rejected") -> int:
    """Write about *mb* megabytes of *kind* records to *path*; return the number of records."""
    limit = int(mb * 1024 * 1024)
    n = 0
    with open(path, "w", encoding="utf-8", newline="") as fp:
        w = None
        if fmt == "csv":
            cols = ["subject", "predicate", "object", "domain", "source_url", "source_title", "source_quote"]
            w = csv.writer(fp, lineterminator="\n")
            w.writerow(cols)
        for rec in _records(kind):
            if fp.tell() >= limit:
                break
            if w is not None:
                flat = {**rec, **{f"source_{k}": v for k, v in rec["source"].items()}}
                w.writerow([flat.get(c, "") for c in cols])
            else:
                fp.write(json.dumps(rec) + "\n")
            n += 1
    return n


# The peak of this process alone. ru_maxrss of a child starts at its parent's size on Linux (exec
# keeps the high-water mark of the forked copy), so inside a large process such as a test run it
# reports the parent; VmHWM belongs to the new address space.
PEAK = """
import resource

def peak_kb():
    try:
        with open("/proc/self/status") as fp:
            return next(int(line.split()[1]) for line in fp if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
"""

_CHILD = PEAK + """
import json, sys, tempfile, os
from autokg.graph.embedded import EmbeddedStore
from autokg.loaders import load_files
with tempfile.TemporaryDirectory() as d:
    store = EmbeddedStore(os.path.join(d, "kg.db"))
    report = load_files(store, [sys.argv[1]])
    relations = store.stats()["relations"]
    store.close()
print(json.dumps({"peak_kb": peak_kb(), "records": report.records,
                  "rejected": len(report.rejected), "relations": relations}))
"""


_SYNTH_CHILD = PEAK + """
import json, os, sys, tempfile, time
from autokg.loaders import load_files
kind, path = sys.argv[1], sys.argv[2]
with tempfile.TemporaryDirectory() as d:
    if kind == "neo4j":
        from autokg.graph.neo4j import Neo4jStore
        store = Neo4jStore(os.environ.get("NEO4J_URI"), os.environ.get("NEO4J_USERNAME"),
                           os.environ.get("NEO4J_PASSWORD"), os.environ.get("NEO4J_DATABASE"))
        store.delete_all()
    else:
        from autokg.graph.embedded import EmbeddedStore
        store = EmbeddedStore(os.path.join(d, "kg.db"))
    t, c = time.perf_counter(), time.process_time()
    report = load_files(store, [path])
    seconds, cpu = time.perf_counter() - t, time.process_time() - c
    relations = store.stats()["relations"]
    store.close()
print(json.dumps({"peak_kb": peak_kb(), "records": report.records, "rejected": len(report.rejected),
                  "relations": relations, "seconds": seconds, "cpu": cpu}))
"""


def synth_peak(kind: str, path: str, timeout: float = 7200) -> dict:
    """Load the synthetic fact file *path* into a new *kind* store in a fresh subprocess."""
    out = subprocess.run([sys.executable, "-c", _SYNTH_CHILD, kind, path], capture_output=True, text=True,
                         timeout=timeout, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"load of {path} failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def peak_rss(path: str, timeout: float = 1800) -> dict:
    """Load *path* in a fresh subprocess: ``{peak_kb, records, rejected, relations}``."""
    out = subprocess.run([sys.executable, "-c", _CHILD, path], capture_output=True, text=True, timeout=timeout,
                         check=False)
    if out.returncode != 0:
        raise RuntimeError(f"load of {path} failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, nargs="+", default=[20, 60, 100])
    ap.add_argument("--kind", nargs="+", default=["rejected", "valid"], choices=["rejected", "valid"])
    ap.add_argument("--format", nargs="+", default=["jsonl", "csv"], choices=["jsonl", "csv"])
    ap.add_argument("--synth", type=int, help="load one file of this many synthetic facts instead")
    ap.add_argument("--store", nargs="+", default=["embedded"], choices=["embedded", "neo4j"])
    args = ap.parse_args(argv)
    if args.synth:
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import synth

        print("store | facts | relations | peak RSS MB | wall s | CPU s")
        with tempfile.TemporaryDirectory(prefix="autokg-mem-") as d:
            path = os.path.join(d, "facts.jsonl")
            synth.write(path, args.synth)
            for kind in args.store:
                r = synth_peak(kind, path)
                print(f"{kind} | {r['records']} | {r['relations']} | {r['peak_kb'] / 1024:.0f} | {r['seconds']:.0f} | "
                      f"{r['cpu']:.0f}", flush=True)
        return 0
    print("format | kind | MB | records | rejected | relations | peak RSS MB")
    with tempfile.TemporaryDirectory(prefix="autokg-mem-") as d:
        for fmt in args.format:
            for kind in args.kind:
                for mb in args.mb:
                    path = os.path.join(d, f"{kind}-{mb}.{fmt}")
                    write_file(path, fmt, mb, kind)
                    r = peak_rss(path)
                    os.unlink(path)
                    print(f"{fmt} | {kind} | {mb:g} | {r['records']} | {r['rejected']} | {r['relations']} | "
                          f"{r['peak_kb'] / 1024:.0f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
