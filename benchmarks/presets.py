"""Preset latency on the embedded store (and on Neo4j when NEO4J_URI is set and --neo4j is given).

Builds a store from N synthetic facts (benchmarks/synth.py: about N/10 companies, one
PARTNERS_WITH relation per fact), plus company records with a country and, for N/100 people, a
WORKS_FOR and a MET_WITH relation, so that every preset has something to answer. Then each preset
runs once to warm up and --repeat times more; the p50 and p95 of those runs are printed, in
milliseconds, with the number of rows.

    python benchmarks/presets.py --facts 100000 --repeat 20
    python benchmarks/presets.py --facts 1000000 --repeat 10 --db /tmp/kg-1m.db   # keep the store
    python benchmarks/presets.py --db /tmp/kg-100k.db --as-of 2024-06              # as of a date

With --db, an existing store file is reused as it is (no load), so the same facts can be timed by
two versions of autokg.

On Neo4j, --neo4j loads the same facts transactionally into the database at NEO4J_URI (emptied
first). --neo4j-bulk builds that database the fast way instead, from the embedded store: the
import files (``write_neo4j_bulk``), ``scripts/neo4j-local import`` (which replaces the database of
the server in AUTOKG_NEO4J_STATE, so use a state directory of its own) and ``init``; then the
presets are timed on it. --neo4j-as-is times the database at NEO4J_URI as it is.

    AUTOKG_NEO4J_STATE=/tmp/bench-neo4j scripts/neo4j-local start
    AUTOKG_NEO4J_STATE=/tmp/bench-neo4j python benchmarks/presets.py --facts 1000000 --repeat 20 \
        --db /tmp/kg-1m.db --neo4j-bulk
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import shlex
import shutil
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import synth  # noqa: E402

COUNTRIES = ["FR", "CN", "US", "DE", "JP", "KR"]


def extra_records(n: int, seed: int = 11):
    """Company records with a country, and people who work for and meet companies."""
    rng = random.Random(seed)
    companies = max(20, n // 10)
    for c in range(companies):
        yield {"entity": f"Company {c}", "type": "Company", "country": COUNTRIES[c % len(COUNTRIES)]}
    for p in range(max(10, n // 100)):
        src = {"url": f"https://people.example.com/{p}", "title": f"Profile {p}", "published": "2024-05-01"}
        yield {"subject": f"Person {p}", "subject_type": "Person", "predicate": "WORKS_FOR",
               "object": f"Company {rng.randrange(companies)}", "role": rng.choice(["CEO", "CTO", "chair"]),
               "since": str(2010 + rng.randrange(15)), "source": src}
        yield {"subject": f"Person {p}", "subject_type": "Person", "predicate": "MET_WITH",
               "object": f"Company {rng.randrange(companies)}", "date": "2024-04-25", "event": "Auto Show",
               "source": src}


def write_facts(path: str, n: int) -> None:
    with open(path, "w", encoding="utf-8") as fp:
        for rec in synth.generate(n):
            fp.write(json.dumps(rec) + "\n")
        for rec in extra_records(n):
            fp.write(json.dumps(rec) + "\n")


def parameters(n: int) -> list[tuple[str, str, dict]]:
    """(label, preset, params) for every preset, on companies that exist at any N."""
    partners: dict[int, set[int]] = {}
    for rec in synth.generate(n):
        if rec["status"] == "ended":  # common-partners and path walk only partnerships not ended
            continue
        a, b = int(rec["subject"].split()[1]), int(rec["object"].split()[1])
        partners.setdefault(a, set()).add(b)
        partners.setdefault(b, set()).add(a)
    company = 7
    first = min(partners[company])
    other = min(p for p in partners[first] if p != company)  # shares at least `first` with company
    companies = max(20, n // 10)
    employer = next(r["object"] for r in extra_records(n) if r.get("predicate") == "WORKS_FOR")
    c = f"Company {company}"
    return [
        ("partners (all rows)", "partners", {}),
        ("partners --domain", "partners", {"domain": "cockpits 42", "status": "active"}),
        ("partners-of", "partners-of", {"company": c}),
        ("common-partners", "common-partners", {"a": c, "b": f"Company {other}"}),
        ("path", "path", {"a": "Company 1", "b": f"Company {companies // 2 + 3}"}),
        ("path --max-hops 1", "path", {"a": "Company 1", "b": f"Company {companies // 2 + 3}",
                                          "max_hops": 1}),
        ("people-of", "people-of", {"company": employer}),
        ("sources", "sources", {"a": c, "b": f"Company {first}"}),
        ("history", "history", {"a": c, "b": f"Company {first}"}),
        ("timeline", "timeline", {"company": c}),
        ("meetings --person", "meetings", {"person": "Person 0"}),
        ("hubs", "hubs", {"limit": 10}),
        ("by-domain", "by-domain", {"domain": "cockpits 42"}),
        ("cross-border", "cross-border", {"country_a": "FR", "country_b": "CN", "status": "prospective"}),
        # the other forms of cross-border (two countries, one, none; with and without a status):
        # timed only when named by label (FORMS)
        ("cross-border FR CN", "cross-border", {"country_a": "FR", "country_b": "CN"}),
        ("cross-border FR prospective", "cross-border", {"country_a": "FR", "status": "prospective"}),
        ("cross-border FR", "cross-border", {"country_a": "FR"}),
        ("cross-border prospective", "cross-border", {"status": "prospective"}),
        ("cross-border (every row)", "cross-border", {}),
        ("prospective --since", "prospective", {"since": "2024-11"}),
        ("stale", "stale", {"older_than": 24}),
    ]


#: labels timed only when --only names them
FORMS = ("cross-border FR CN", "cross-border FR prospective", "cross-border FR", "cross-border prospective",
         "cross-border (every row)")


def selected(label: str, preset: str, only: list[str] | None) -> bool:
    """Whether --only (preset names or labels) selects the row *label* of *preset*."""
    if label in FORMS:
        return bool(only) and label in only
    return not only or preset in only or label in only


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def time_presets(store, n: int, repeat: int, only: list[str] | None, slow_repeat: int,
                 as_of: str | None = None) -> list[dict]:
    from autokg.queries.presets import run_preset

    out = []
    for label, preset, params in parameters(n):
        if not selected(label, preset, only):
            continue
        if as_of:  # only when given, so that a version without --as-of runs this script too
            params = {**params, "as_of": as_of}
        t = time.perf_counter()
        rows = run_preset(store, preset, **params)
        first = time.perf_counter() - t
        times = [first]
        runs = repeat if first < 1.0 else slow_repeat  # the slow ones need fewer runs for a median
        for _ in range(runs):
            t = time.perf_counter()
            run_preset(store, preset, **params)
            times.append(time.perf_counter() - t)
        times = times[1:]
        row = {"label": label, "rows": len(rows), "p50_ms": percentile(times, 50) * 1000,
               "p95_ms": percentile(times, 95) * 1000, "runs": len(times)}
        print(f"{label:<26} {row['rows']:>8} {row['p50_ms']:>10.1f} {row['p95_ms']:>10.1f} {row['runs']:>5}",
              flush=True)
        out.append(row)
    return out


OLD_LOOKUP_PRESETS = ("partners-of", "common-partners", "path", "people-of", "sources", "history", "timeline",
                      "meetings")


def old_lookup(text: str) -> str:
    """A preset's Cypher with the entity lookup it had before the :Name index."""
    import re

    return re.sub(r"CALL \(\) \{ MATCH \((\w+):Entity \{id: \$(\w+)\}\) RETURN \1\n\s*UNION MATCH .*? RETURN \1 \}",
                  r"MATCH (\1:Entity)\nWHERE \1.id = $\2 OR toLower(trim($\2)) IN \1.names_norm", text)


def db_hits(store, n: int, only: list[str] | None, folder: str | None = None) -> list[dict]:
    """Database hits of one ``PROFILE`` of each preset on Neo4j (after one run to warm up), with
    the query files of *folder* instead of the package's when given (e.g. those of an earlier
    version: ``git show REV:queries/hubs.cypher > DIR/hubs.cypher``)."""
    from autokg.queries import neo4j as cypher_presets
    from autokg.queries.presets import get_preset

    def total(plan) -> int:
        return plan.get("dbHits", 0) + sum(total(c) for c in plan.get("children", []))

    out = []
    for label, preset, params in parameters(n):
        if not selected(label, preset, only):
            continue
        path = os.path.join(folder, f"{preset}.cypher") if folder else None
        text = open(path, encoding="utf-8").read() if path and os.path.exists(path) else cypher_presets.cypher(preset)
        values = {p.name: params.get(p.name, p.default) for p in get_preset(preset).params}
        with store.connection.session(read_only=True) as s:
            s.run(text, values).consume()
            result = s.run("PROFILE " + text, values)
            list(result)  # the profile is there once every row was read
            summary = result.consume()
        row = {"label": label, "db_hits": total(summary.profile)}
        print(f"{label:<26} {row['db_hits']:>12,}", flush=True)
        out.append(row)
    return out


def bulk_import(store, work: str, results: dict) -> dict:
    """Replace the database of the scripts/neo4j-local server in AUTOKG_NEO4J_STATE by a bulk
    import of *store*; return the server's NEO4J_* settings."""
    import subprocess

    from autokg.exports.neo4j_bulk import write_neo4j_bulk

    if not os.environ.get("AUTOKG_NEO4J_STATE"):
        sys.exit("--neo4j-bulk replaces the database of a local server: set AUTOKG_NEO4J_STATE to its own state dir")
    out = os.path.join(work, "bulk")
    t = time.perf_counter()
    summary = write_neo4j_bulk(store, out)
    results["bulk_files_s"] = time.perf_counter() - t
    t = time.perf_counter()
    script = os.path.join(os.path.dirname(HERE), "scripts", "neo4j-local")
    done = subprocess.run([script, "import", out], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"import failed:\n{done.stderr[-3000:]}")
    results["import_s"] = time.perf_counter() - t
    print(f"bulk files ({summary}) in {results['bulk_files_s']:.1f} s, imported in {results['import_s']:.1f} s",
          flush=True)
    env = {}
    for line in done.stdout.splitlines():
        if line.startswith("export ") and "=" in line:
            k, _, v = line[len("export "):].partition("=")
            env[k] = shlex.split(v)[0] if v.strip() else ""
    return env


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--facts", type=int, default=100_000, help="synthetic facts (default 100000)")
    ap.add_argument("--repeat", type=int, default=20, help="timed runs per preset (default 20)")
    ap.add_argument("--slow-repeat", type=int, default=5, help="timed runs for a preset slower than 1 s")
    ap.add_argument("--db", help="store file to use: loaded if absent, reused as it is if present")
    ap.add_argument("--only", nargs="+", help="only these presets (names or labels)")
    ap.add_argument("--json", help="also write the figures to this file")
    ap.add_argument("--neo4j", action="store_true", help="also time the presets on the Neo4j server at NEO4J_URI "
                    "(its database is emptied and loaded)")
    ap.add_argument("--neo4j-bulk", action="store_true", help="also time them on Neo4j, its database replaced "
                    "by a bulk import of the embedded store (scripts/neo4j-local import, then init)")
    ap.add_argument("--neo4j-as-is", action="store_true", help="also time them on the Neo4j database at "
                    "NEO4J_URI as it is")
    ap.add_argument("--no-embedded", action="store_true", help="do not time the embedded store")
    ap.add_argument("--neo4j-old-lookup", action="store_true", help="on Neo4j, also time the presets about "
                    "entities with the lookup of before the :Name index (`c.id = $x OR toLower(trim($x)) IN "
                    "c.names_norm`, a scan of every entity)")
    ap.add_argument("--as-of", help="run every preset with this --as-of date")
    ap.add_argument("--neo4j-db-hits", nargs="?", const="", metavar="DIR", help="on Neo4j, also print the "
                    "database hits of one PROFILE of each preset (with the .cypher files of DIR, if given)")
    args = ap.parse_args()

    from autokg.graph.embedded import EmbeddedStore
    from autokg.loaders import load_files

    work = tempfile.mkdtemp(prefix="autokg-bench-presets-")
    facts = os.path.join(work, "facts.jsonl")
    db = args.db or os.path.join(work, "kg.db")
    results: dict = {"facts": args.facts}
    if not os.path.exists(db) or args.neo4j and not args.neo4j_as_is:
        write_facts(facts, args.facts)
    if args.no_embedded:
        pass
    elif not os.path.exists(db):
        store = EmbeddedStore(db)
        t = time.perf_counter()
        report = load_files(store, [facts])
        assert report.ok, report.rejected[:3]
        results["load_s"] = time.perf_counter() - t
        print(f"loaded {args.facts} facts in {results['load_s']:.1f} s", flush=True)
        store.close()
    t = time.perf_counter()
    store = EmbeddedStore(db)  # an older store file is upgraded here
    results["open_s"] = time.perf_counter() - t
    print(f"opened the store in {results['open_s']:.2f} s; {store.stats()['relations']} relations", flush=True)
    if not args.no_embedded:
        print(f"{'embedded':<26} {'rows':>8} {'p50 ms':>10} {'p95 ms':>10} {'runs':>5}")
        results["embedded"] = time_presets(store, args.facts, args.repeat, args.only, args.slow_repeat, args.as_of)
    env = None
    if args.neo4j_bulk:
        env = bulk_import(store, work, results)
    store.close()

    if args.neo4j or args.neo4j_bulk or args.neo4j_as_is:
        from autokg.graph.store import open_store

        env = env or os.environ
        neo = open_store("neo4j", uri=env["NEO4J_URI"], username=env.get("NEO4J_USERNAME", "neo4j"),
                         password=env.get("NEO4J_PASSWORD"), database=env.get("NEO4J_DATABASE"))
        if args.neo4j and not args.neo4j_as_is:
            neo.delete_all()
            load_files(neo, [facts])
        t = time.perf_counter()
        neo.init()
        results["neo4j_init_s"] = time.perf_counter() - t
        print(f"neo4j init in {results['neo4j_init_s']:.1f} s; {neo.stats()['relations']} relations", flush=True)
        print(f"{'neo4j':<26} {'rows':>8} {'p50 ms':>10} {'p95 ms':>10} {'runs':>5}")
        results["neo4j"] = time_presets(neo, args.facts, args.repeat, args.only, args.slow_repeat, args.as_of)
        if args.neo4j_db_hits is not None:
            print(f"{'neo4j, db hits':<26} {'db hits':>12}")
            results["neo4j_db_hits"] = db_hits(neo, args.facts, args.only, args.neo4j_db_hits or None)
        if args.neo4j_old_lookup:
            from autokg.queries import neo4j as cypher_presets

            new = cypher_presets.cypher
            cypher_presets.cypher = lambda name: old_lookup(new(name))
            only = [label for label, preset, _ in parameters(args.facts)
                    if preset in OLD_LOOKUP_PRESETS and (not args.only or preset in args.only or label in args.only)]
            print(f"{'neo4j, lookup before':<26} {'rows':>8} {'p50 ms':>10} {'p95 ms':>10} {'runs':>5}")
            results["neo4j_old_lookup"] = time_presets(neo, args.facts, args.repeat, only, args.slow_repeat)
            cypher_presets.cypher = new
        neo.close()
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fp:
            json.dump(results, fp, indent=1)
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
