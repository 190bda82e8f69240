"""Bulk initial load into Neo4j against the transactional load of the same facts.

Needs scripts/neo4j-local as the server (the import writes its files), started with the same
AUTOKG_NEO4J_STATE as this script sees: ``eval "$(scripts/neo4j-local start)"``. The neo4j
database is emptied, then replaced by the import.

For each N (synthetic facts of benchmarks/synth.py):

  * transactional: ``load_files`` into the emptied Neo4j store (the usual path);
  * embedded: ``load_files`` into a new embedded store;
  * bulk: ``write_neo4j_bulk`` of that store (the CSV files);
  * import: ``scripts/neo4j-local import`` (stop, ``neo4j-admin database import full``, start);
    the import tool's own time is reported apart, as import facts/s;
  * init: ``autokg neo4j init`` on the imported database (constraints and indexes, online);
  * end to end: embedded + bulk + import + init, against transactional.

Both paths must end with the same counts (``stats``), or the script fails.

The peak resident set size of this process during the transactional load alone (``VmHWM`` of
``/proc/self/status``, reset just before it by writing 5 to ``/proc/self/clear_refs``) is reported
as client MB: with ``--file-facts`` at least N, it is the client memory of one N-fact file.

    python benchmarks/neo4j_bulk.py --sizes 100000
    python benchmarks/neo4j_bulk.py --sizes 1000000 --file-facts 1000000 --db /tmp/n4j-1m.db
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

from neo4j_load import _store, write_files  # noqa: E402


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def note(text: str) -> None:
    """Progress on stderr, with the time and the load average (long runs share the machine)."""
    print(f"{time.strftime('%H:%M:%S')} load {os.getloadavg()[0]:.1f}: {text}", file=sys.stderr, flush=True)


def _reset_peak() -> bool:
    """Reset this process's VmHWM to its current size (Linux 4.0+); False where it cannot."""
    try:
        with open("/proc/self/clear_refs", "w") as fp:
            fp.write("5")
    except OSError:
        return False
    return True


def _peak_mb() -> float:
    with open("/proc/self/status") as fp:
        return next(int(line.split()[1]) for line in fp if line.startswith("VmHWM:")) / 1024


def run(n: int, work: str, per_file: int, db: str | None = None, transactional: bool = True) -> dict:
    from autokg.exports.neo4j_bulk import write_neo4j_bulk
    from autokg.graph.embedded import EmbeddedStore
    from autokg.loaders import load_files

    paths = write_files(work, n, per_file)
    note(f"{n} facts written in {len(paths)} file(s)")
    tx_s = client_mb = float("nan")
    tx_stats = None
    if transactional:
        with _store() as neo:
            neo.init()
            neo.delete_all()
            peak_ok = _reset_peak()
            tx_s, report = timed(lambda: load_files(neo, paths))
            client_mb = _peak_mb() if peak_ok else float("nan")
            note(f"transactional load of {n} facts in {len(paths)} file(s): {tx_s:.1f} s, client peak {client_mb:.0f} MB")
            if not report.ok:
                sys.exit(f"transactional load rejected records: {report.rejected[:3]}")
            tx_stats = neo.stats()  # the import below replaces the database: no need to empty it
    db = db or os.path.join(work, f"{n}.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    emb = EmbeddedStore(db)
    emb_s, _ = timed(lambda: load_files(emb, paths))
    note(f"embedded load: {emb_s:.1f} s")
    out = os.path.join(work, f"bulk-{n}")
    bulk_s, summary = timed(lambda: write_neo4j_bulk(emb, out))
    note(f"bulk files: {bulk_s:.1f} s")
    emb_stats = emb.stats()
    emb.close()
    script = os.path.join(ROOT, "scripts", "neo4j-local")
    import_s, done = timed(lambda: subprocess.run([script, "import", out], capture_output=True, text=True))
    if done.returncode != 0:
        sys.exit(f"import failed:\n{done.stderr[-3000:]}")
    m = re.search(r"IMPORT DONE in (?:(\d+)m )?(\d+)s (\d+)ms", done.stderr)
    note(f"import: {import_s:.1f} s")
    tool_s = (int(m.group(1) or 0) * 60 + int(m.group(2)) + int(m.group(3)) / 1000) if m else float("nan")
    with _store() as neo:
        init_s, _ = timed(neo.init)
        bulk_stats = neo.stats()
    note(f"init: {init_s:.1f} s")
    if tx_stats is None:
        tx_stats = emb_stats
    if not (tx_stats == emb_stats == bulk_stats):
        sys.exit(f"counts differ: transactional {tx_stats}, embedded {emb_stats}, imported {bulk_stats}")
    return {"facts": n, "transactional": tx_s, "embedded": emb_s, "bulk": bulk_s, "import": import_s,
            "tool": tool_s, "init": init_s, "files": len(paths), "client_mb": client_mb, "nodes": summary.nodes, "relationships": summary.relationships,
            "end_to_end": emb_s + bulk_s + import_s + init_s}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    ap.add_argument("--file-facts", type=int, default=100_000, help="facts per file for larger sizes")
    ap.add_argument("--db", help="the embedded store's file (replaced; default: in the temporary folder); "
                    "with one size only")
    ap.add_argument("--no-transactional", dest="transactional", action="store_false",
                    help="the bulk path only (no transactional load to compare with)")
    args = ap.parse_args()
    if args.db and len(args.sizes) > 1:
        ap.error("--db takes one size")
    rows = []
    with tempfile.TemporaryDirectory(prefix="autokg-bulk-") as work:
        for n in args.sizes:
            r = run(n, work, args.file_facts, args.db, args.transactional)
            rows.append(r)
            print(f"{n}: {r}", file=sys.stderr)
    print("| facts | files | nodes | relationships | transactional s | client MB (peak) | embedded load s | bulk files s | import s "
          "(tool s) | import facts/s (tool) | init s | end to end s | end to end × transactional |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        print(f"| {r['facts']:,} | {r['files']} | {r['nodes']:,} | {r['relationships']:,} | {r['transactional']:.1f} | "
              f"{r['client_mb']:,.0f} | "
              f"{r['embedded']:.1f} | {r['bulk']:.1f} | {r['import']:.1f} ({r['tool']:.1f}) | "
              f"{r['facts'] / r['tool']:,.0f} | {r['init']:.1f} | {r['end_to_end']:.1f} | "
              f"{r['transactional'] / r['end_to_end']:.2f} |")


if __name__ == "__main__":
    main()
