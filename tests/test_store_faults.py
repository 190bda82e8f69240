"""Embedded store faults: each gives one line of error (no traceback) and leaves the file as it was.

A read-only store still answers queries; a write fails with one line. A file that is not a store,
a truncated store and a store written by a newer autokg are refused when opened.
"""

from __future__ import annotations

import hashlib
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
