"""The Neo4j server killed (``kill -9``) in the middle of a load, then restarted.

This test runs its own server (``scripts/neo4j-local`` with a state directory of its own, a
small heap), so that the other tests keep theirs; it needs Java, as the shared server does
without Docker. The load commits in transactions of 100 rows, so that part of it is
committed when the server dies: the load fails with one line (no traceback, no password), and
after a restart the same load, run again, completes the graph with nothing duplicated: the same
rows and counts as the file loaded once into the embedded store.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from _helpers import dump
from autokg.graph.embedded import EmbeddedStore
from autokg.graph.neo4j import Neo4jStore
from autokg.loaders import load_files
from conftest import _parse_exports
from test_neo4j_faults import autokg_cmd, cli_env, hooked_cli, many_facts

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "neo4j-local"


@pytest.fixture(scope="module")
def own_server(tmp_path_factory):
    """A Neo4j server of this module only: ``(settings, env of scripts/neo4j-local)``."""
    if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
        pytest.fail("the kill -9 test needs Java to run its own scripts/neo4j-local server", pytrace=False)
    state = tmp_path_factory.mktemp("neo4j-kill-state")
    env = {**os.environ, "AUTOKG_NEO4J_STATE": str(state), "AUTOKG_NEO4J_HEAP": "768m",
           "AUTOKG_NEO4J_PAGECACHE": "64m"}
    env.setdefault("AUTOKG_NEO4J_START_TIMEOUT", "400")

    def start() -> dict:
        out = subprocess.run([str(SCRIPT), "start"], env=env, capture_output=True, text=True, timeout=900)
        assert out.returncode == 0, out.stderr[-2000:]
        found = _parse_exports(out.stdout)
        return {"uri": found["NEO4J_URI"], "username": "neo4j", "password": found["NEO4J_PASSWORD"],
                "database": "neo4j"}

    settings = start()
    try:
        yield settings, start, state
    finally:
        subprocess.run([str(SCRIPT), "stop", "--purge"], env=env, capture_output=True, timeout=300)


def _spawn(args: list[str], env: dict, folder: Path, name: str) -> subprocess.Popen:
    """Start *args* with its standard output and error in files ``NAME.out`` and ``NAME.err``."""
    with (folder / f"{name}.out").open("w") as out, (folder / f"{name}.err").open("w") as err:
        return subprocess.Popen(args, env=env, cwd=ROOT, stdout=out, stderr=err)


def _read(folder: Path, name: str) -> tuple[str, str]:
    return ((folder / f"{name}.out").read_text(encoding="utf-8"), (folder / f"{name}.err").read_text(encoding="utf-8"))


def test_server_killed_during_a_load(own_server, tmp_path):
    settings, start, state = own_server
    facts = many_facts(tmp_path / "facts.jsonl", 1500)
    env = cli_env(settings)
    with Neo4jStore(**settings) as store:
        store.init()
        # 100 rows a transaction, retries for 3 s: the load fails soon after the server dies
        # the outputs go to files, not pipes: a pipe nobody reads until the kill fills up with
        # the driver's debug log, and a load that holds the lock would block writing to it
        load = _spawn(hooked_cli(3.0, 100, "load", str(facts)), env, tmp_path, "load")
        # another load of the same file, waiting for the first one's lock (or holding it while
        # the first waits), with --debug and the driver's log: the password must not show there
        debug = _spawn(hooked_cli(3.0, 100, "--debug", "load", str(facts), log=True), env, tmp_path, "debug")
        pid = int((state / "neo4j-local.pid").read_text())
        deadline = time.monotonic() + 300
        while store.read_cypher("MATCH (r:Relation) RETURN count(r) AS n")[0]["n"] < 100:
            assert load.poll() is None, "the load ended before the kill"
            assert time.monotonic() < deadline, "no 100 relations committed in 300 s"
            time.sleep(0.05)
        os.kill(pid, signal.SIGKILL)
    load.wait(timeout=300)
    out, err = _read(tmp_path, "load")
    assert load.returncode == 1
    lines = (out + err).strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: cannot reach Neo4j at "), out + err
    assert settings["password"] not in out + err and "Traceback" not in out + err
    debug.wait(timeout=300)
    out, err = _read(tmp_path, "debug")
    assert debug.returncode == 1 and "cannot reach Neo4j" in err and "Traceback" in err, err[-2000:]
    assert settings["password"] not in out + err

    reference = EmbeddedStore(tmp_path / "reference.db")
    load_files(reference, [str(facts)])
    settings = start()  # the same state directory: the same data, ports and password
    with Neo4jStore(**settings) as store:
        partial = store.stats()
        assert 100 <= partial["relations"] < reference.stats()["relations"]  # part of the load committed
        rerun = subprocess.run([*autokg_cmd("load", str(facts))], env=cli_env(settings), cwd=ROOT,
                               capture_output=True, text=True, timeout=600)
        assert rerun.returncode == 0, rerun.stderr[-2000:]
        assert store.stats() == reference.stats()
        assert dump(store) == dump(reference)
        reference.close()
        # no duplicate: one node per id, one link per (source, relation), counts that match
        dupes = store.read_cypher(
            "MATCH (n) WHERE n:Entity OR n:Relation OR n:Source WITH n.id AS id, count(*) AS c WHERE c > 1 "
            "RETURN count(*) AS n")
        assert dupes[0]["n"] == 0
        assert store.read_cypher("MATCH (s:Source)-[l:SUPPORTS]->(r:Relation) WITH s, r, count(l) AS c "
                                 "WHERE c > 1 RETURN count(*) AS n")[0]["n"] == 0
        assert store.read_cypher("MATCH (r:Relation) WHERE r.sources <> COUNT { (:Source)-[:SUPPORTS]->(r) } "
                                 "RETURN count(r) AS n")[0]["n"] == 0
        assert store.read_cypher("MATCH (m:AutokgMeta {key: 'load-lock'}) RETURN count(m) AS n")[0]["n"] == 0
