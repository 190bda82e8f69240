"""``scripts/neo4j-local start --apoc``: a local server with APOC core, for the LangChain
comparison of benchmarks/neo4j_peer.py (autokg itself never needs APOC).

The server runs in a state directory of its own, so the test server is not touched; the APOC jar
comes from Maven Central.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

from neo4j import GraphDatabase

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "neo4j-local"


def _env(stdout: str) -> dict[str, str]:
    out = {}
    for line in stdout.splitlines():
        if line.startswith("export ") and "=" in line:
            name, _, value = line[len("export "):].partition("=")
            out[name] = shlex.split(value)[0] if value.strip() else ""
    return out


def test_start_with_apoc_serves_its_procedures(tmp_path):
    env = {**os.environ, "AUTOKG_NEO4J_STATE": str(tmp_path / "state")}
    for name in ("NEO4J_URI", "AUTOKG_NEO4J_BOLT_PORT", "AUTOKG_NEO4J_HTTP_PORT"):
        env.pop(name, None)
    run = lambda *args: subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, timeout=1800, env=env)
    try:
        bad = run("start", "--apoc-x")
        assert bad.returncode != 0 and "unknown option for start" in bad.stderr
        started = run("start", "--apoc")
        assert started.returncode == 0, started.stderr[-3000:]
        assert "APOC core" in started.stderr
        plugins = sorted(p.name for p in (tmp_path / "state" / "plugins").glob("*.jar"))
        assert [p for p in plugins if p.startswith("apoc-core-5.26.")], plugins
        settings = _env(started.stdout)
        with GraphDatabase.driver(settings["NEO4J_URI"], auth=(settings["NEO4J_USERNAME"],
                                                               settings["NEO4J_PASSWORD"])) as driver:
            version = driver.execute_query("RETURN apoc.version() AS v").records[0]["v"]
            assert version.startswith("5.26.")
            # the procedures langchain-neo4j's add_graph_documents calls
            names = {r["name"] for r in driver.execute_query(
                "SHOW PROCEDURES YIELD name WHERE name STARTS WITH 'apoc.' RETURN name").records}
            assert {"apoc.merge.node", "apoc.merge.relationship", "apoc.meta.data"} <= names
            driver.execute_query("CALL apoc.merge.node(['Probe'], {id: 1}) YIELD node RETURN node")
            driver.execute_query("CALL apoc.merge.node(['Probe'], {id: 1}) YIELD node RETURN node")
            assert driver.execute_query("MATCH (n:Probe) RETURN count(n) AS n").records[0]["n"] == 1
        # started again while it runs: the same server, APOC kept
        again = run("start", "--apoc")
        assert again.returncode == 0 and "already running" in again.stderr
    finally:
        run("stop", "--purge")
    assert not (tmp_path / "state").exists()
