"""How far two people agree when they annotate the same articles: the ceiling of extract_quality.

Usage:  python benchmarks/extract_agreement.py [--first DIR] [--second DIR]

The second annotations (``benchmarks/extract_agreement/*.yaml`` by default) were made by another
person from the texts alone, without seeing the first ones (``benchmarks/extract_devset``). Facts
are compared as ``extract_quality.py`` compares the extractor's with the annotations (predicate,
subject and object after name resolution; partnerships in either order), so the figures read the
same way: the second annotator's precision and recall against the first, and the share of matched
partnerships with the same status.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import extract_quality as q

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--first", type=Path, default=ROOT / "benchmarks" / "extract_devset")
    ap.add_argument("--second", type=Path, default=ROOT / "benchmarks" / "extract_agreement")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the facts only one annotator gives")
    args = ap.parse_args(argv)

    canon = q.canonizer(q.NameIndex(q.known_names(q.KNOWN_FILES)))
    first = {}
    for p in args.first.glob("*.yaml"):
        ann = yaml.safe_load(p.read_text(encoding="utf-8"))
        first[ann["file"]] = ann
    seconds = sorted(args.second.glob("*.yaml"))
    chosen, outputs = [], {}
    for p in seconds:
        b = yaml.safe_load(p.read_text(encoding="utf-8"))
        chosen.append((first[b["file"]], "", {}))
        # the second annotation read as the output of an extractor: each fact a record
        outputs[b["file"]] = [{**f, "source": {"quote": ""}, "confidence": 1.0} for f in b.get("facts") or []]
    res = q.score(chosen, outputs, canon)
    tp, fp, fn = res["tp"], res["fp"], res["fn"]
    same, n = res["status_ok"], res["status_n"]
    only = [("first only ", f, k) for f, k in res["misses"]] + [("second only", f, k) for f, k, _ in res["extras"]]
    print(f"{len(seconds)} articles annotated twice")
    print(f"{'predicate':<14} {'both':>4} {'2nd only':>8} {'1st only':>8} {'precision':>9} {'recall':>6}")
    for pred in (*q.SCORED, "SCORED (5)"):
        t, p_, m = ((sum(c[x] for x in q.SCORED) for c in (tp, fp, fn)) if pred == "SCORED (5)"
                    else (tp[pred], fp[pred], fn[pred]))
        prec = f"{t / (t + p_):.2f}" if t + p_ else "-"
        rec = f"{t / (t + m):.2f}" if t + m else "-"
        print(f"{pred:<14} {t:>4} {p_:>8} {m:>8} {prec:>9} {rec:>6}")
    print(f"same status on partnerships both give: {same}/{n}" + (f" = {same / n:.2f}" if n else ""))
    if args.verbose:
        for row in sorted(only, key=lambda r: (r[1], r[0])):
            print(" ", *row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
