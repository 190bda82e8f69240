"""Neo4j load throughput and preset latency, against a naive baseline measured in the same run.

Needs a server: NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD (e.g. ``eval "$(scripts/neo4j-local start)"``).
The database is emptied between runs.

  * naive: one MERGE transaction per fact, as a first-time user writes it (entities, the typed
    relationship, the source and its link), over --naive synthetic facts (a graph of that size:
    about --naive/10 companies and --naive/4 sources);
  * autokg: ``load_files`` into the Neo4j store (validation, alias resolution, merge rules,
    batched ``UNWIND`` writes in managed transactions), for each N;
  * floor: the very statements that autokg load sent, recorded and replayed into an empty
    database in transactions of the same size: the cost of the writes alone, without reading,
    validating or merging anything (no loader that writes this graph model can be faster);
  * client s: the CPU seconds of this process during the load (validation, merge, and the
    driver's packing of the statements, in both the loading and the sending thread);
  * presets: p50 and p95 latency of every preset over --runs runs on the graph of --preset-size facts.

Each size up to --file-facts is loaded --repeat times into an empty database and the median is
reported; larger sizes are loaded once. A size above --file-facts is written as several files of --file-facts facts (the same facts, in the
same order, as one file of that size) and loaded by one ``load_files`` call: the Neo4j store
buffers a whole file before writing it, so one file of a million facts needs several GB of
client memory. The report names the Bolt packer in use (``neo4j-rust-ext`` or pure Python) and
the peak memory of this process (which holds the recorded statements of the largest size
replayed as a floor).

    python benchmarks/neo4j_load.py --sizes 10000 100000 1000000
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import resource
import statistics
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import synth  # noqa: E402

NAIVE = """
MERGE (a:Company {name: $subject})
MERGE (b:Company {name: $object})
MERGE (a)-[r:PARTNERS_WITH {domain: $domain}]->(b)
SET r.status = $status, r.since = $since
MERGE (s:Source {url: $url})
SET s.title = $title, s.publisher = $publisher, s.published = $published
MERGE (s)-[l:SUPPORTS {subject: $subject, object: $object, domain: $domain}]->(a)
SET l.quote = $quote, l.confidence = $confidence
"""


def _store():
    from autokg.graph.neo4j import Neo4jStore

    return Neo4jStore(os.environ.get("NEO4J_URI"), os.environ.get("NEO4J_USERNAME"),
                      os.environ.get("NEO4J_PASSWORD"), os.environ.get("NEO4J_DATABASE"))


def naive(store, records) -> float:
    with store.connection.session() as s:
        s.run("CREATE INDEX naive_company IF NOT EXISTS FOR (c:Company) ON (c.name)").consume()
        s.run("CREATE INDEX naive_source IF NOT EXISTS FOR (s:Source) ON (s.url)").consume()
        s.run("CALL db.awaitIndexes()").consume()
        t = time.perf_counter()
        for r in records:
            src = r["source"]
            params = {"subject": r["subject"], "object": r["object"], "domain": r["domain"], "status": r["status"],
                      "since": r["since"], "url": src["url"], "title": src["title"], "publisher": src["publisher"],
                      "published": src["published"], "quote": src["quote"], "confidence": r["confidence"]}
            s.execute_write(lambda tx: tx.run(NAIVE, params).consume())
        elapsed = time.perf_counter() - t
        s.run("DROP INDEX naive_company IF EXISTS").consume()
        s.run("DROP INDEX naive_source IF EXISTS").consume()
    return elapsed


class Recorder:
    """Records the statements the Neo4j store sends, to replay them as the floor."""

    def __init__(self):
        from autokg.graph.neo4j.sender import Sender

        self.sender = Sender
        self.original = Sender.run_unit
        self.units: list = []

    def __enter__(self):
        units, original = self.units, self.original

        seen: set[int] = set()

        def run_unit(tx, unit):
            if id(unit) not in seen:  # a retried transaction runs the same units again
                seen.add(id(unit))
                units.append(unit)
            return original(tx, unit)

        self.sender.run_unit = staticmethod(run_unit)
        return self

    def __exit__(self, *exc):
        self.sender.run_unit = staticmethod(self.original)


def replay(store, units: list) -> float:
    """Run recorded *units* again, in managed transactions of ``store.tx_rows`` rows."""
    txs, tx, rows = [], [], 0
    for unit in units:
        tx.append(unit)
        rows += sum(n for _, _, n in unit)
        if rows >= store.tx_rows:
            txs.append(tx)
            tx, rows = [], 0
    if tx:
        txs.append(tx)

    def work(tx, units):
        for unit in units:
            for query, params, _ in unit:
                tx.run(query, params).consume()

    t = time.perf_counter()
    with store.connection.session() as s:
        for units in txs:
            s.execute_write(work, units)
    return time.perf_counter() - t


def write_files(work: str, n: int, per_file: int) -> list[str]:
    """The first *n* synthetic facts, in files of at most *per_file* facts."""
    if n <= per_file:
        path = os.path.join(work, f"{n}.jsonl")
        synth.write(path, n)
        return [path]
    facts = synth.generate(n)
    paths = []
    for k in range(0, n, per_file):
        path = os.path.join(work, f"{n}-{k // per_file:03d}.jsonl")
        with open(path, "w", encoding="utf-8") as fp:
            for rec in itertools.islice(facts, per_file):
                fp.write(json.dumps(rec) + "\n")
        paths.append(path)
    return paths


def packer() -> str:
    from importlib import metadata

    try:
        metadata.version("neo4j-rust-ext")
    except metadata.PackageNotFoundError:
        return "pure Python"
    return "neo4j-rust-ext"


def main() -> None:
    from autokg.loaders import load_files
    from autokg.queries.presets import run_preset

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--naive", type=int, default=5_000, help="facts for the naive baseline")
    ap.add_argument("--preset-size", type=int, default=100_000, help="facts of the preset latency graph (0: none)")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=1,
                    help="loads per size up to --file-facts (the median is reported); larger sizes load once")
    ap.add_argument("--file-facts", type=int, default=100_000, help="facts per file for larger sizes")
    ap.add_argument("--no-floor", dest="floor", action="store_false",
                    help="do not replay the recorded statements (the floor)")
    args = ap.parse_args()
    import neo4j

    print(f"driver neo4j {neo4j.__version__}, Bolt packer: {packer()}", flush=True)
    store = _store()
    work = tempfile.mkdtemp(prefix="autokg-neo4j-bench-")
    try:
        store.delete_all()
        t = naive(store, list(synth.generate(args.naive)))
        naive_rate = args.naive / t
        print(f"naive baseline: {args.naive} facts in {t:.1f} s = {naive_rate:.0f} facts/s", flush=True)
        print(f"{'N':>9}  {'files':>5}  {'seconds':>8}  {'facts/s':>8}  {'x naive':>7}  {'client s':>8}  "
              f"{'floor s':>7}  {'floor/autokg':>12}  runs", flush=True)
        for n in sorted(set(args.sizes) | ({args.preset_size} if args.preset_size else set())):
            paths = write_files(work, n, args.file_facts)
            runs, cpu, floors = [], [], []
            for _ in range(args.repeat if n in args.sizes and n <= args.file_facts else 1):
                store.delete_all()
                floor = args.floor and n in args.sizes and n <= args.file_facts
                with Recorder() if floor else contextlib.nullcontext() as rec:
                    t, c = time.perf_counter(), time.process_time()
                    report = load_files(store, paths)
                    runs.append(time.perf_counter() - t)
                    cpu.append(time.process_time() - c)
                assert report.ok, report.rejected[:3]
                if floor:
                    store.delete_all()
                    floors.append(replay(store, rec.units))
                del rec
            elapsed = statistics.median(runs)
            floor = statistics.median(floors) if floors else None
            for path in paths:
                os.remove(path)
            if n in args.sizes:
                each = " ".join(f"{r:.1f}" for r in runs)
                floor_text = f"{floor:>7.1f}  {floor / elapsed:>12.2f}" if floor else f"{'-':>7}  {'-':>12}"
                print(f"{n:>9}  {len(paths):>5}  {elapsed:>8.1f}  {n / elapsed:>8.0f}  {n / elapsed / naive_rate:>7.1f}  "
                      f"{statistics.median(cpu):>8.1f}  {floor_text}  [{each}] s", flush=True)
            if n == args.preset_size:
                params = {
                    "partners": {}, "partners-of": {"company": "Company 7"}, "prospective": {"since": "2020"},
                    "common-partners": {"a": "Company 7", "b": "Company 8"},
                    "path": {"a": "Company 7", "b": f"Company {min(9001, n // 10 - 1)}"}, "people-of": {"company": "Company 7"},
                    "hubs": {}, "by-domain": {"domain": "batteries 1"}, "cross-border": {},
                    "sources": {"a": "Company 7", "b": "Company 8"}, "history": {"a": "Company 7", "b": "Company 8"},
                    "meetings": {}, "timeline": {"company": "Company 7"},
                }
                print(f"preset latency on {n} facts ({args.runs} runs): name, p50 ms, p95 ms, rows", flush=True)
                for name, p in params.items():
                    times = []
                    for _ in range(args.runs):
                        t = time.perf_counter()
                        rows = run_preset(store, name, **p)
                        times.append((time.perf_counter() - t) * 1000)
                    times.sort()
                    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
                    print(f"  {name:<16} {statistics.median(times):>8.1f} {p95:>8.1f} {len(rows):>7}", flush=True)
        store.delete_all()
        print(f"peak client memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB", flush=True)
    finally:
        store.close()


if __name__ == "__main__":
    main()
