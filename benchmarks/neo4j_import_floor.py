"""The floor of ``neo4j-admin database import full`` on this machine, for a graph of autokg's shape.

autokg writes each fact as one ``:Relation`` node with four relationships (subject, object, the
typed relationship between the two entities, a source's ``SUPPORTS``), plus the entity, name and
source nodes: at 1M synthetic facts, 1,445,430 nodes and 4,100,000 relationships (BENCHMARKS.md,
"Bulk initial load into Neo4j"). This script writes a skeleton of that shape, integer ids, one
label, one relationship type and **no property at all**, so the import tool does the least work it
can for that many records, and imports it with ``scripts/neo4j-local import`` into a throwaway
state folder (its own server, stopped afterwards). It prints the tool's wall time (``IMPORT DONE
in``), the CPU seconds of the import (the tool and the script that runs it; the server it starts
afterwards is not waited for, so not counted), and the facts/s these mean.

If even the skeleton takes more than N / 100,000 seconds, no set of properties can make the
import of N facts reach 100,000 facts/s on this machine.

    python benchmarks/neo4j_import_floor.py --facts 1000000
    python benchmarks/neo4j_import_floor.py --facts 1000000 --bulk-dir DIR   # also import DIR
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SCRIPT = os.path.join(ROOT, "scripts", "neo4j-local")
NODES_PER_FACT = 1_445_430 / 1_000_000
RELS_PER_FACT = 4_100_000 / 1_000_000


def write_skeleton(outdir: str, facts: int, seed: int = 1) -> tuple[int, int]:
    nodes, rels = round(facts * NODES_PER_FACT), round(facts * RELS_PER_FACT)
    rnd = random.Random(seed).randrange
    with open(os.path.join(outdir, "nodes.csv"), "w") as fh:
        fh.write(":ID\n")
        for start in range(0, nodes, 100_000):
            fh.write("".join(f"{i}\n" for i in range(start, min(nodes, start + 100_000))))
    with open(os.path.join(outdir, "rels.csv"), "w") as fh:
        fh.write(":START_ID,:END_ID\n")
        for start in range(0, rels, 100_000):
            fh.write("".join(f"{rnd(nodes)},{rnd(nodes)}\n" for _ in range(min(100_000, rels - start))))
    with open(os.path.join(outdir, "import.args"), "w") as fh:
        fh.write("--id-type=integer\n--nodes=N=nodes.csv\n--relationships=R=rels.csv\n")
    return nodes, rels


def run_import(outdir: str, env: dict) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    res = subprocess.run([SCRIPT, "import", outdir], env=env, capture_output=True, text=True, timeout=7200)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if res.returncode != 0:
        sys.exit(f"import failed:\n{res.stderr[-3000:]}")
    log = open(os.path.join(env["AUTOKG_NEO4J_STATE"], "logs", "import.log"), encoding="utf-8").read()
    m = re.search(r"IMPORT DONE in (?:(\d+)m )?(\d+)s (\d+)ms", log)
    tool = (int(m.group(1) or 0) * 60 + int(m.group(2)) + int(m.group(3)) / 1000) if m else float("nan")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"tool_s": tool, "cpu_s": cpu, "step_s": wall}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--facts", type=int, default=1_000_000)
    ap.add_argument("--bulk-dir", help="also import this folder of `autokg neo4j bulk` (the real files)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="autokg-import-floor-") as tmp:
        env = {**os.environ, "AUTOKG_NEO4J_STATE": os.path.join(tmp, "state")}
        skel = os.path.join(tmp, "skeleton")
        os.mkdir(skel)
        nodes, rels = write_skeleton(skel, args.facts)
        runs = [("skeleton", skel, args.facts)]
        if args.bulk_dir:
            runs.append(("autokg files", os.path.abspath(args.bulk_dir), args.facts))
        print(f"{args.facts:,} facts: skeleton of {nodes:,} nodes and {rels:,} relationships, no properties; "
              f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
        print(f"{'graph':<14}{'tool s':>9}{'CPU s':>9}{'facts/s (tool)':>16}{'step s':>9}")
        try:
            for name, folder, facts in runs:
                r = run_import(folder, env)
                print(f"{name:<14}{r['tool_s']:>9.1f}{r['cpu_s']:>9.1f}{facts / r['tool_s']:>16,.0f}{r['step_s']:>9.1f}",
                      flush=True)
        finally:
            subprocess.run([SCRIPT, "stop"], env=env, capture_output=True, timeout=600)
        print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
