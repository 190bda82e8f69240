"""Static security checks: ruff's S rules (bandit's checks) over the library, scripts and benchmarks.

Each exception is justified where it is made: inline as ``# noqa: S… - reason`` or in
``[tool.ruff.lint.per-file-ignores]`` of pyproject.toml with the reason beside it.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _paths() -> list[str]:
    dirs = [d for d in ("autokg", "graph", "loaders", "extract", "queries", "exports", "benchmarks")
            if (ROOT / d).is_dir()]
    return dirs + sorted(str(p.relative_to(ROOT)) for p in (ROOT / "scripts").glob("*.py"))


def test_security_lint_is_clean():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--select", "S",
                             "--output-format", "concise", *_paths()],
                            capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All checks passed" in result.stdout


def test_every_security_exception_gives_its_reason():
    """An inline ``noqa`` for an S rule names the reason after a dash."""
    bare = []
    for d in _paths():
        for p in ([ROOT / d] if d.endswith(".py") else (ROOT / d).rglob("*.py")):
            for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
                m = re.search(r"#\s*noqa:\s*(S\d+[^#]*)", line)
                if m and not re.search(r"S\d+(,\s*\w+)*\s+-\s+\S", m.group(1)):
                    bare.append(f"{p.relative_to(ROOT)}:{n}: {line.strip()}")
    assert bare == []


def test_per_file_exceptions_say_why():
    """Each per-file ignore in pyproject.toml follows a comment giving its reason."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    section = text.split("[tool.ruff.lint.per-file-ignores]", 1)[1].split("\n[", 1)[0]
    lines = section.strip().splitlines()
    for i, line in enumerate(lines):
        if "=" in line and not line.startswith("#"):
            assert i > 0 and lines[i - 1].startswith("#"), f"no reason given for {line}"
