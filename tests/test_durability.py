"""Crash safety (kill -9 mid-load), two concurrent loaders, and the installed wheel."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
import venv
from pathlib import Path

import pytest

from autokg.graph.embedded import EmbeddedStore

from _helpers import ROOT, SEED

sys.path.insert(0, str(ROOT / "benchmarks"))
import synth  # noqa: E402

AUTOKG = [sys.executable, "-m", "autokg.cli"]


def _stats(db: Path) -> dict:
    store = EmbeddedStore(db)
    try:
        return store.stats()
    finally:
        store.close()


def _in_write_transaction(db: Path, proc, limit: float = 60.0) -> bool:
    """Wait until *proc* holds the store's write lock (its load transaction has begun)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and proc.poll() is None:
        con = sqlite3.connect(db, timeout=0)
        try:
            con.execute("BEGIN IMMEDIATE")
            con.execute("ROLLBACK")
        except sqlite3.OperationalError:
            return True  # locked by the loader
        finally:
            con.close()
        time.sleep(0.02)
    return False


def _seeded(tmp_path, facts: int):
    """A store holding the seed, committed by the CLI, and a file of *facts* synthetic facts:
    ``(db, big, env, stats of the store)``."""
    db = tmp_path / "kg.db"
    big = tmp_path / "big.jsonl"
    synth.write(str(big), facts)
    env = {**os.environ, "AUTOKG_STORE": str(db)}
    subprocess.run(AUTOKG + ["load", *map(str, SEED)], env=env, check=True, capture_output=True)
    return db, big, env, _stats(db)


def _schema(db) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return sorted(con.execute("SELECT type, name, sql FROM sqlite_schema"))
    finally:
        con.close()


def test_killed_load_leaves_exactly_the_committed_loads(tmp_path):
    db, big, env, committed = _seeded(tmp_path, 150_000)
    proc = subprocess.Popen(AUTOKG + ["load", str(big)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert _in_write_transaction(db, proc), "the load finished before it could be killed"
    time.sleep(0.3)  # well into the transaction
    assert proc.poll() is None, "the load finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    assert _stats(db) == committed
    # and the store takes the same load again, completely
    done = subprocess.run(AUTOKG + ["load", str(big)], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert _stats(db)["links"] == committed["links"] + 150_000


# A load that kills itself (SIGKILL, as kill -9 would) while the indexes it deferred are dropped,
# or after it has built one of them again and not the others.
_SELF_KILLED = """
import os, signal, sys
from autokg.graph import embedded
from autokg.cli import main

embedded._DEFER_AT = 2_000
phase = sys.argv.pop()
flush, build = embedded._Writer.flush, embedded._Writer.indexes

def flushed(self):
    flush(self)
    self.flushes_since_drop = getattr(self, "flushes_since_drop", -1) + bool(self._dropped)
    if phase == "dropped" and self.flushes_since_drop >= 3:
        os.kill(os.getpid(), signal.SIGKILL)

def indexes(self):
    if phase == "building" and self._dropped:
        self.db.execute(self._dropped[0])
        os.kill(os.getpid(), signal.SIGKILL)
    build(self)

embedded._Writer.flush, embedded._Writer.indexes = flushed, indexes
main()
"""


@pytest.mark.parametrize("phase", ["dropped", "building"])
def test_a_load_killed_while_its_indexes_are_deferred_leaves_the_committed_store(tmp_path, phase):
    db, big, env, committed = _seeded(tmp_path, 20_000)
    schema = _schema(db)
    killed = subprocess.run([sys.executable, "-c", _SELF_KILLED, "load", str(big), phase], env=env,
                            capture_output=True, text=True, check=False)
    assert killed.returncode == -signal.SIGKILL, killed.stderr  # killed where the phase says, not finished
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    assert _schema(db) == schema
    assert _stats(db) == committed
    done = subprocess.run(AUTOKG + ["load", str(big)], env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert _stats(db)["links"] == committed["links"] + 20_000
    assert _schema(db) == schema


def test_two_concurrent_loaders_lose_nothing(tmp_path):
    db = tmp_path / "kg.db"
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    synth.write(str(a), 20_000, seed=1)
    synth.write(str(b), 20_000, seed=2, offset=1_000_000)
    env = {**os.environ, "AUTOKG_STORE": str(db)}
    procs = [subprocess.Popen(AUTOKG + ["load", str(p)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for p in (a, b)]
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    alone = tmp_path / "alone.db"
    subprocess.run(AUTOKG + ["--store", str(alone), "load", str(a), str(b)], check=True, capture_output=True)
    assert _stats(db) == _stats(alone)
    assert _stats(db)["links"] == 40_000


@pytest.mark.slow
def test_wheel_installs_and_runs_in_a_fresh_venv(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
                   check=True, capture_output=True)
    [wheel] = dist.glob("autokg-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", str(wheel)], check=True, capture_output=True)
    exe = env_dir / "bin" / "autokg"
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "AUTOKG_STORE", "AUTOKG_BACKEND")}
    clean["HOME"] = str(tmp_path / "home")
    out = subprocess.run([str(exe), "--help"], capture_output=True, text=True, cwd=tmp_path, env=clean)
    assert out.returncode == 0 and "autokg demo" in out.stdout
    demo = subprocess.run([str(exe), "demo"], capture_output=True, text=True, cwd=tmp_path, env=clean)
    assert demo.returncode == 0, demo.stderr
    assert "Geely          Renault Group  thermal and hybrid systems  active" in demo.stdout
    assert (tmp_path / "home" / ".local" / "share" / "autokg" / "autokg.db").exists()
    # the installed package is the wheel's, with its schema, presets and data
    where = subprocess.run([str(py), "-c", "import autokg, autokg.graph, autokg.queries; print(autokg.__file__)"],
                           capture_output=True, text=True, cwd=tmp_path, env=clean).stdout
    assert str(env_dir) in where
    assert subprocess.run([str(py), "-c", "import graph"], capture_output=True, cwd=tmp_path, env=clean).returncode != 0
