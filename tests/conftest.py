"""Test fixtures, and a real Neo4j server for the tests that need one.

The server is found or started once per session, in this order:

1. ``NEO4J_URI`` (with ``NEO4J_USERNAME``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``) if set;
2. ``docker compose`` with the repository's ``docker-compose.yml`` (project ``autokg-test``, a fresh
   volume and a generated password) when a Docker engine runs;
3. ``scripts/neo4j-local start`` (Java 17 and Maven, no Docker);
4. otherwise every test that needs Neo4j fails with a message saying how to provide a server.

Nothing is mocked and nothing is skipped; under ``CI=true`` a skipped Neo4j test counts as a
failure. A server is stopped at the end of the session only if this file started it. The tests
empty the database before each Neo4j test, so point ``NEO4J_URI`` only at a database you can lose.
"""

from __future__ import annotations

import os
import secrets
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from autokg.graph.embedded import EmbeddedStore
from autokg.graph.model import schema

ROOT = Path(__file__).resolve().parent.parent
COMPOSE_PROJECT = "autokg-test"
NEO4J_FIXTURES = {"neo4j_settings", "neo4j_store"}

HOW = (
    "no Neo4j server for the tests. Provide one of: NEO4J_URI (with NEO4J_USERNAME, NEO4J_PASSWORD, "
    "NEO4J_DATABASE) pointing at a database the tests may empty; a running Docker engine (the tests "
    "then run `docker compose up` with docker-compose.yml); or Java 17+ and Maven, so that "
    "scripts/neo4j-local can start a local server"
)


def pytest_configure(config):
    config.addinivalue_line("markers", "neo4j: needs a running Neo4j server (provisioned by tests/conftest.py)")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if NEO4J_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.neo4j)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if (os.environ.get("CI", "").lower() == "true" and report.skipped and not hasattr(report, "wasxfail")
            and item.get_closest_marker("neo4j")):
        report.outcome = "failed"
        report.longrepr = f"{item.nodeid}: a Neo4j test was skipped under CI=true; {HOW}"


# ---- provisioning -------------------------------------------------------------------------------

def _run(args, timeout=120, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout, cwd=ROOT, env=env)


def _tail(text: str, n: int = 15) -> str:
    return "\n".join(text.strip().splitlines()[-n:])


def _from_env() -> dict:
    return {"uri": os.environ["NEO4J_URI"], "username": os.environ.get("NEO4J_USERNAME") or "neo4j",
            "password": os.environ.get("NEO4J_PASSWORD"), "database": os.environ.get("NEO4J_DATABASE") or None}


def _docker_engine() -> bool:
    if not shutil.which("docker") or not (ROOT / "docker-compose.yml").exists():
        return False
    try:
        return _run(["docker", "info"], timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def _compose(settings: dict):
    """Start the compose service in its own project with a fresh volume and password."""
    password = secrets.token_urlsafe(18)
    env = {**os.environ, "NEO4J_PASSWORD": password}
    base = ["docker", "compose", "-p", COMPOSE_PROJECT, "-f", str(ROOT / "docker-compose.yml")]
    _run(base + ["down", "-v"], timeout=300, env=env)  # a leftover of an interrupted session
    up = _run(base + ["up", "-d", "--wait"], timeout=900, env=env)
    if up.returncode != 0:
        pytest.fail(f"docker compose up failed:\n{_tail(up.stderr)}", pytrace=False)
    port = _run(base + ["port", "neo4j", "7687"], env=env).stdout.strip().splitlines()
    host_port = port[-1] if port else "127.0.0.1:7687"
    settings.update(uri=f"bolt://{host_port.replace('0.0.0.0', '127.0.0.1')}", username="neo4j",
                    password=password, database="neo4j")
    return lambda: _run(base + ["down", "-v"], timeout=300, env=env)


def _parse_exports(text: str) -> dict[str, str]:
    out = {}
    for line in text.splitlines():
        if line.startswith("export ") and "=" in line:
            name, _, value = line[len("export "):].partition("=")
            out[name.strip()] = shlex.split(value)[0] if value.strip() else ""
    return out


def _neo4j_local(settings: dict):
    """Start scripts/neo4j-local (first start builds it with Maven); stop it later only if it was down."""
    script = ROOT / "scripts" / "neo4j-local"
    # Each checkout gets its own server state: the tests empty the database, so two checkouts (or
    # a checkout and a user's own local server) must never share one.
    os.environ.setdefault("AUTOKG_NEO4J_STATE", str(ROOT / ".neo4j-local"))
    was_running = _run([str(script), "status"], timeout=60).returncode == 0
    try:
        started = _run([str(script), "start"], timeout=1800)
    except subprocess.TimeoutExpired:
        pytest.fail("scripts/neo4j-local start did not finish in 30 minutes", pytrace=False)
    env = _parse_exports(started.stdout)
    if started.returncode != 0 or "NEO4J_URI" not in env:
        pytest.fail(f"scripts/neo4j-local start failed (exit {started.returncode}):\n{_tail(started.stderr)}\n"
                    f"{HOW}", pytrace=False)
    settings.update(uri=env["NEO4J_URI"], username=env.get("NEO4J_USERNAME") or "neo4j",
                    password=env.get("NEO4J_PASSWORD"), database=env.get("NEO4J_DATABASE") or None)
    return None if was_running else lambda: _run([str(script), "stop"], timeout=300)


def _check_wipeable(settings: dict) -> None:
    """Refuse to run against a database holding anything autokg did not write."""
    from autokg.graph.neo4j import Neo4jStore

    ours = {"Entity", "Relation", "Source", "Name", "AutokgMeta", "Resolution", *schema().entity_types}
    with Neo4jStore(**settings) as store:
        labels = {r["label"] for r in store.read_cypher(
            "MATCH (n) WITH labels(n) AS ls UNWIND CASE WHEN ls = [] THEN ['(none)'] ELSE ls END AS label "
            "RETURN DISTINCT label")}
    foreign = labels - ours
    if foreign and os.environ.get("AUTOKG_TEST_NEO4J_WIPE") != "1":
        pytest.fail(f"the Neo4j database at {settings['uri']} holds nodes labelled {sorted(foreign)}, which the "
                    "tests would delete; use another database, or set AUTOKG_TEST_NEO4J_WIPE=1", pytrace=False)


@pytest.fixture(scope="session")
def neo4j_settings():
    """``{uri, username, password, database}`` of a Neo4j server the tests may empty."""
    settings: dict = {}
    stop = None
    if os.environ.get("NEO4J_URI"):
        settings = _from_env()
    elif _docker_engine():
        stop = _compose(settings)
    elif (ROOT / "scripts" / "neo4j-local").exists() and (shutil.which("java") or os.environ.get("JAVA_HOME")):
        stop = _neo4j_local(settings)
    else:
        pytest.fail(HOW, pytrace=False)
    try:
        _check_wipeable(settings)
        yield dict(settings)
    finally:
        if stop is not None:
            stop()


def empty_database(store) -> None:
    """Delete every node and relationship, in batches."""
    store.delete_all()


@pytest.fixture
def neo4j_store(neo4j_settings):
    """A :class:`Neo4jStore` on an emptied database."""
    from autokg.graph.neo4j import Neo4jStore

    store = Neo4jStore(**neo4j_settings)
    empty_database(store)
    yield store
    store.close()


@pytest.fixture
def embedded_store(tmp_path):
    """An :class:`EmbeddedStore` in a fresh file."""
    store = EmbeddedStore(tmp_path / "autokg.db")
    yield store
    store.close()
