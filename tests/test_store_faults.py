"""Embedded store faults: each gives one line of error (no traceback) and leaves the file as it was.

A read-only store still answers queries; a write fails with one line. A file that is not a store,
a truncated store and a store written by a newer autokg are refused when opened.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = sorted(str(p) for p in (ROOT / "data" / "seed").glob("*.jsonl"))


def _autokg(store: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "autokg", "--store", str(store), *args],
                          capture_output=True, text=True, timeout=120)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _one_error_line(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    return lines[0]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("seeded") / "kg.db"
    assert _autokg(path, "load", *SEED).returncode == 0
    _checkpoint(path)
    return path


def _checkpoint(path: Path) -> None:
    """Everything into the main file, so that its digest is the store's state."""
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def _read_only(path: Path):
    """Make *path* read-only, also for root (which ignores file modes): the immutable flag."""
    if os.geteuid() != 0:
        path.chmod(0o444)
        return lambda: path.chmod(0o644)
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, f"chattr +i failed (needed to make a file read-only for root): {done.stderr}"
    return lambda: subprocess.run(["chattr", "-i", str(path)], check=True)


def test_read_only_store_answers_queries_and_refuses_writes(seeded, tmp_path):
    path = tmp_path / "kg.db"
    shutil.copy(seeded, path)
    before = _autokg(path, "query", "partners", "--format", "json")
    assert before.returncode == 0
    digest = _digest(path)
    facts = tmp_path / "new.jsonl"
    facts.write_text('{"subject": "A", "predicate": "PARTNERS_WITH", "object": "B", "source": "https://e.com/1"}\n')
    undo = _read_only(path)
    try:
        again = _autokg(path, "query", "partners", "--format", "json")
        assert again.returncode == 0 and again.stdout == before.stdout
        line = _one_error_line(_autokg(path, "load", str(facts)))
        assert line == f"Error: cannot write the store {path}: attempt to write a readonly database"
    finally:
        undo()
    assert _digest(path) == digest


@pytest.mark.parametrize("damage, reason", [
    (lambda data: b"not an autokg store, just text\n", "file is not a database"),
    (lambda data: data[:8192], "database disk image is malformed"),
])
def test_a_file_that_is_not_a_store(seeded, tmp_path, damage, reason):
    path = tmp_path / "kg.db"
    path.write_bytes(damage(seeded.read_bytes()))
    digest = _digest(path)
    for args in (["stats"], ["query", "hubs"], ["load", *SEED]):
        assert _one_error_line(_autokg(path, *args)) == f"Error: cannot open the store {path}: {reason}"
    assert _digest(path) == digest


def test_a_damaged_page_read_by_a_query_is_one_line(seeded, tmp_path):
    """The store opens (its first pages are whole), then a query meets a damaged page: one line,
    as for a store that cannot be opened, and the file is not written."""
    path = tmp_path / "kg.db"
    shutil.copy(seeded, path)
    db = sqlite3.connect(path)
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    (root,) = db.execute("SELECT rootpage FROM sqlite_schema WHERE name = 'entities'").fetchone()
    db.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size:root * page_size] = b"\xa5" * page_size
    path.write_bytes(bytes(data))
    digest = _digest(path)
    for args in (["stats"], ["query", "partners"]):
        assert _one_error_line(_autokg(path, *args)) == f"Error: {path}: database disk image is malformed"
    assert _digest(path) == digest


def test_a_store_from_a_newer_autokg(seeded, tmp_path):
    path = tmp_path / "kg.db"
    shutil.copy(seeded, path)
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    db.commit()
    db.close()
    _checkpoint(path)
    digest = _digest(path)
    for args in (["stats"], ["load", *SEED]):
        line = _one_error_line(_autokg(path, *args))
        assert str(path) in line and "format 99" in line, line
    assert _digest(path) == digest


# ---- a full disk ------------------------------------------------------------------------------

# The command line with a limit on the size of any file it writes (RLIMIT_FSIZE): a write past it
# fails with EFBIG, which SQLite reports as "disk I/O error". SIGXFSZ is ignored, else the kernel
# would kill the process instead.
_FSIZE = ("import resource, signal, sys\n"
          "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
          "limit = int(sys.argv.pop(1))\n"
          "resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))\n")
# SQLite's own limit on the pages of the store (PRAGMA max_page_count): a write past it fails
# with SQLITE_FULL, "database or disk is full", what a full disk (ENOSPC) gives.
_PAGES = ("import sys\n"
          "from autokg.graph.embedded import EmbeddedStore\n"
          "limit = int(sys.argv.pop(1))\n"
          "_init = EmbeddedStore.__init__\n"
          "def init(self, *args, **kw):\n"
          "    _init(self, *args, **kw)\n"
          "    self.db.execute(f'PRAGMA max_page_count = {limit // 4096}')\n"
          "EmbeddedStore.__init__ = init\n")
_CLI = "from autokg.cli import main\nsys.argv[0] = 'autokg'\nmain()\n"


def _many_facts(path: Path, n: int) -> Path:
    """*n* distinct relations with long quotes: a few MB of store."""
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({
                "subject": f"Maker {i % 300}", "predicate": "PARTNERS_WITH", "object": f"Supplier {i}",
                "source": {"url": f"https://news.example/{i}", "title": f"Story {i}",
                           "quote": f"Maker {i % 300} works with Supplier {i}. " + "Details follow. " * 40}}) + "\n")
    return path


@pytest.mark.parametrize("limit, reason", [(_FSIZE, "disk I/O error"), (_PAGES, "database or disk is full")],
                         ids=["file-size-limit", "max-page-count"])
def test_a_full_disk_during_a_load(seeded, tmp_path, limit, reason):
    store = tmp_path / "kg.db"
    shutil.copy(seeded, store)
    facts = _many_facts(tmp_path / "facts.jsonl", 1200)
    before = _digest(store)
    size = store.stat().st_size + 256 * 1024  # the store may grow by 256 KB, the load needs MBs
    full = subprocess.run([sys.executable, "-c", limit + _CLI, str(size), "--store", str(store), "load", str(facts)],
                          capture_output=True, text=True, timeout=300)
    line = _one_error_line(full)
    assert line == f"Error: cannot write the store {store}: {reason}", line
    _checkpoint(store)
    assert _digest(store) == before  # nothing of the failed load, nothing lost
    assert _autokg(store, "stats").returncode == 0

    rerun = _autokg(store, "load", str(facts))
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    reference = tmp_path / "reference.db"
    shutil.copy(seeded, reference)
    assert _autokg(reference, "load", str(facts)).returncode == 0
    stats = [json.loads(_autokg(p, "stats", "--format", "json").stdout) for p in (store, reference)]
    assert stats[0] == stats[1] and stats[0]
    _checkpoint(store)
    _checkpoint(reference)
    from _helpers import snapshot
    from autokg.graph.embedded import EmbeddedStore

    with EmbeddedStore(store) as a, EmbeddedStore(reference) as b:
        assert snapshot(a) == snapshot(b)
