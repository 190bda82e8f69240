"""autokg against LangChain's Neo4jGraph.add_graph_documents, loading the same facts into the same
Neo4j server, in one run.

Needs a server with APOC (langchain-neo4j calls apoc.merge.relationship and apoc.meta.data) and
the ``bench`` extra::

    pip install -e '.[bench]'
    export AUTOKG_NEO4J_STATE=/tmp/bench-apoc
    eval "$(scripts/neo4j-local start --apoc)"
    python benchmarks/neo4j_peer.py --sizes 10000 100000

For each N, the synthetic facts of benchmarks/synth.py (one PARTNERS_WITH fact per record, about
N/10 companies, N/4 source documents holding about four facts each) are loaded into the emptied
database:

* **autokg**: ``autokg --backend neo4j load FILE`` (the command, in a child process);
* **LangChain**: one ``GraphDocument`` per source document (its companies as nodes, its facts as
  relationships with domain, status, since and confidence, the document as ``source``), through
  ``add_graph_documents(docs, include_source=True, baseEntityLabel=True)``. Building the
  documents is not timed, as writing the JSON lines file for autokg is not.

Each is then loaded a second time, the same way, to see what a reload adds. Reported: facts/s of
the first load, nodes and relationships after the first and the second load, and what the graph
keeps of the facts: how many distinct facts (pair and domain) it holds, and how many of them can
be traced to their source documents.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import synth  # noqa: E402

COUNT_NODES = "MATCH (n) RETURN count(n) AS n"
COUNT_RELS = "MATCH ()-[r]->() RETURN count(r) AS n"


def settings() -> dict:
    return {"uri": os.environ["NEO4J_URI"], "username": os.environ.get("NEO4J_USERNAME") or "neo4j",
            "password": os.environ.get("NEO4J_PASSWORD"), "database": os.environ.get("NEO4J_DATABASE") or None}


def empty(driver, database) -> None:
    with driver.session(database=database) as s:  # IN TRANSACTIONS needs an auto-commit transaction
        s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()


def counts(driver, database) -> tuple[int, int]:
    return (driver.execute_query(COUNT_NODES, database_=database).records[0]["n"],
            driver.execute_query(COUNT_RELS, database_=database).records[0]["n"])


def graph_documents(records: list[dict]):
    """One GraphDocument per source document, with the companies and facts it states."""
    from langchain_core.documents import Document
    from langchain_neo4j.graphs.graph_document import GraphDocument, Node, Relationship

    by_source: dict[str, list[dict]] = {}
    for rec in records:
        by_source.setdefault(rec["source"]["url"], []).append(rec)
    docs = []
    for url, recs in by_source.items():
        src = recs[0]["source"]
        nodes = {}
        rels = []
        for rec in recs:
            s = nodes.setdefault(rec["subject"], Node(id=rec["subject"], type="Company"))
            o = nodes.setdefault(rec["object"], Node(id=rec["object"], type="Company"))
            rels.append(Relationship(source=s, target=o, type=rec["predicate"], properties={
                "domain": rec["domain"], "status": rec["status"], "since": rec["since"],
                "confidence": rec["confidence"]}))
        text = " ".join(r["source"]["quote"] for r in recs)
        docs.append(GraphDocument(nodes=list(nodes.values()), relationships=rels, source=Document(
            page_content=text, metadata={"id": url, "source": url, "title": src["title"],
                                         "publisher": src["publisher"], "published": src["published"]})))
    return docs


def run_autokg(path: str, driver, database) -> dict:
    env = {**os.environ}
    cmd = [os.path.join(os.path.dirname(sys.executable), "autokg"), "--backend", "neo4j", "load", path]
    out = {}
    for run in ("first", "again"):
        t = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True, env=env)
        out[f"{run}_s"] = time.perf_counter() - t
        if done.returncode != 0:
            sys.exit(f"autokg load failed:\n{done.stderr[-3000:]}")
        out[f"{run}_counts"] = counts(driver, database)
    rec = driver.execute_query(
        "MATCH (r:Relation) RETURN count(r) AS facts, "
        "sum(CASE WHEN EXISTS { (:Source)-[:SUPPORTS]->(r) } THEN 1 ELSE 0 END) AS traced, "
        "sum(COUNT { (:Source)-[:SUPPORTS]->(r) }) AS links", database_=database).records[0]
    out.update(facts_kept=rec["facts"], facts_traced=rec["traced"], links=rec["links"])
    return out


def run_langchain(records: list[dict], driver, database) -> dict:
    from langchain_neo4j import Neo4jGraph

    s = settings()
    graph = Neo4jGraph(url=s["uri"], username=s["username"], password=s["password"], database=s["database"])
    out = {}
    for run in ("first", "again"):
        docs = graph_documents(records)  # add_graph_documents changes the documents it is given
        t = time.perf_counter()
        graph.add_graph_documents(docs, include_source=True, baseEntityLabel=True)
        out[f"{run}_s"] = time.perf_counter() - t
        out[f"{run}_counts"] = counts(driver, database)
    # a relationship links two entities; the documents point at entities (MENTIONS), never at a
    # relationship, so no fact can be traced to the documents stating it
    rec = driver.execute_query(
        "MATCH (:__Entity__)-[r:PARTNERS_WITH]->(:__Entity__) RETURN count(r) AS facts, "
        "count(DISTINCT r.domain) AS domains", database_=database).records[0]
    out.update(facts_kept=rec["facts"], facts_traced=0, domains=rec["domains"])
    graph.close()
    return out


def main() -> None:
    from neo4j import GraphDatabase

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--json", help="also write the figures to this file")
    args = ap.parse_args()
    if not os.environ.get("NEO4J_URI"):
        sys.exit("set NEO4J_URI (and the other NEO4J_* settings) to a server started with --apoc")
    s = settings()
    results = []
    with tempfile.TemporaryDirectory(prefix="autokg-peer-") as work, \
            GraphDatabase.driver(s["uri"], auth=(s["username"], s["password"])) as driver:
        db = s["database"]
        for n in args.sizes:
            records = list(synth.generate(n))
            path = os.path.join(work, f"facts-{n}.jsonl")
            with open(path, "w", encoding="utf-8") as fp:
                for rec in records:
                    fp.write(json.dumps(rec) + "\n")
            distinct = len({(r["subject"], r["object"], r["domain"]) for r in records})
            empty(driver, db)
            a = run_autokg(path, driver, db)
            print(json.dumps({"facts": n, "autokg": a}), file=sys.stderr, flush=True)
            empty(driver, db)
            lc = run_langchain(records, driver, db)
            empty(driver, db)
            row = {"facts": n, "distinct_facts": distinct, "autokg": a, "langchain": lc}
            print(json.dumps(row), file=sys.stderr, flush=True)
            results.append(row)
    print("| facts | tool | load s | facts/s | nodes, rels after load | after reload | facts kept "
          "(of distinct) | facts traced to a source |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in results:
        for name in ("autokg", "langchain"):
            x = r[name]
            print(f"| {r['facts']:,} | {name} | {x['first_s']:.1f} | {r['facts'] / x['first_s']:,.0f} | "
                  f"{x['first_counts'][0]:,}, {x['first_counts'][1]:,} | "
                  f"{x['again_counts'][0]:,}, {x['again_counts'][1]:,} | "
                  f"{x['facts_kept']:,} ({r['distinct_facts']:,}) | {x['facts_traced']:,} |")
        print(f"| | autokg / LangChain speed | | {r['langchain']['first_s'] / r['autokg']['first_s']:.2f}× | | | | |")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fp:
            json.dump(results, fp, indent=1)


if __name__ == "__main__":
    main()
