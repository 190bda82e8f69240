"""XLSX load time against the same rows as CSV, measured in the same run.

For each N: generate N synthetic facts (benchmarks/synth.py), write them once as CSV and once as
one XLSX sheet (autokg.exports.xlsx.write_sheet: the published dates as date cells, confidence as
numbers), both with the CSV fact columns. Then time, each in a fresh subprocess:
  * read: the reader alone (every record of the file, as load_files reads it);
  * load: ``load_files`` into a fresh embedded store.
The median of --repeat runs is reported, with the XLSX / CSV ratio (the target is at most 2) and
the peak resident memory of each run.

    python benchmarks/xlsx_load.py --sizes 100000 --repeat 3
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import synth  # noqa: E402

COLUMNS = ["subject", "predicate", "object", "domain", "status", "since", "source_url", "source_title",
           "source_publisher", "source_published", "source_quote", "confidence"]


def _rows(n: int):
    for rec in synth.generate(n):
        row = {k: v for k, v in rec.items() if k != "source"}
        row.update({f"source_{k}": v for k, v in rec["source"].items()})
        yield row


def write_files(n: int, work: str) -> dict[str, str]:
    """Write the CSV and the XLSX file of *n* facts into *work*; their paths."""
    from autokg.exports.tabular import write_csv
    from autokg.exports.xlsx import write_sheet

    paths = {"csv": os.path.join(work, f"{n}.csv"), "xlsx": os.path.join(work, f"{n}.xlsx")}
    if not all(os.path.exists(p) for p in paths.values()):
        write_csv(_rows(n), COLUMNS, paths["csv"], sanitize=False)
        write_sheet(_rows(n), COLUMNS, paths["xlsx"], sheet="relations")
    return paths


def _child(kind: str, path: str, db: str) -> None:
    from autokg.loaders import format_for, load_files, read_records

    if kind == "write":
        write_files(int(path), db)
        return
    t = time.perf_counter()
    if kind == "read":
        n = sum(1 for _ in read_records(path, format_for(path)))
    else:
        from autokg.graph.embedded import EmbeddedStore

        store = EmbeddedStore(db)
        report = load_files(store, [path])
        assert report.ok, report.rejected[:3]
        n = report.records
        store.close()
    elapsed = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({"seconds": elapsed, "records": n, "rss_mb": rss / 1024}))


def measure(kind: str, path: str) -> dict:
    tmp = tempfile.mkdtemp(prefix="autokg-bench-")
    try:
        out = subprocess.run([sys.executable, __file__, "--child", kind, path, os.path.join(tmp, "kg.db")],
                             capture_output=True, text=True, check=True).stdout
    finally:
        shutil.rmtree(tmp)
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(*args.child)
        return
    work = tempfile.mkdtemp(prefix="autokg-bench-data-")
    try:
        print(f"{'N':>8}  {'step':<5} {'csv s':>7} {'xlsx s':>7} {'ratio':>5}  {'csv MB':>6} {'xlsx MB':>7}  "
              f"{'csv file MB':>11} {'xlsx file MB':>12}")
        for n in args.sizes:
            # written by a child: a child's peak RSS would include this process's at its fork
            subprocess.run([sys.executable, __file__, "--child", "write", str(n), work], check=True)
            paths = write_files(n, work)
            size = {k: os.path.getsize(p) / 1e6 for k, p in paths.items()}
            for kind in ("read", "load"):
                got = {fmt: [measure(kind, paths[fmt]) for _ in range(args.repeat)] for fmt in ("csv", "xlsx")}
                assert {r["records"] for rs in got.values() for r in rs} == {n}
                s = {fmt: statistics.median(r["seconds"] for r in rs) for fmt, rs in got.items()}
                mb = {fmt: statistics.median(r["rss_mb"] for r in rs) for fmt, rs in got.items()}
                print(f"{n:>8}  {kind:<5} {s['csv']:>7.2f} {s['xlsx']:>7.2f} {s['xlsx'] / s['csv']:>5.2f}  "
                      f"{mb['csv']:>6.0f} {mb['xlsx']:>7.0f}  {size['csv']:>11.1f} {size['xlsx']:>12.1f}", flush=True)
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
