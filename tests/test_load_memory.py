"""A 100 MB file of valid records loads in bounded memory.

The load runs in a fresh subprocess (``benchmarks/load_memory.py``): 47,601 facts of 2 KB each,
every one loaded into an on-disk embedded store. Its peak resident set must stay under
:data:`BOUND_MB`, which is made of:

* about 25 MB for the interpreter and autokg's modules;
* SQLite's page cache, which the store caps at 64 MiB (``PRAGMA cache_size``, ``CACHE_MIB``); the
  pages of a file's single transaction are dirty, so the cache fills up to that cap;
* the merge engine's indexes of the entities, relations and sources it met (tens of MB here).

It was 350 to 375 MB with a cap of 256 MiB, and 204 MB with the cap of 64 MiB, when the bound
was set to 270 MB. Holding every parsed row of the file costs about 130 to 145 MB more (335 MB
with the 64 MiB cap), so a loader that kept its rows would exceed the bound: the second load below
does exactly that, through a reader that keeps every record it parses, and must exceed it, so the
bound is never too loose to catch it. When the engine needs less memory, lower the bound, as
long as the held-rows load stays above it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import load_memory  # noqa: E402

BOUND_MB = 270

# The same load, with a JSON Lines reader that also keeps every record it parses.
_HOLDING = """
import json as _json, types
import autokg.loaders.jsonl as _reader
HELD = []
def _holding(loads):
    def _loads(text, *args, **kw):
        rec = loads(text, *args, **kw)
        HELD.append(rec)
        return rec
    return _loads
_reader.json = types.SimpleNamespace(**{**vars(_json), "loads": _holding(_json.loads)})
_reader._loads = _holding(_reader._loads)  # the fast decoder, which reads every good line
"""


def _peak(path: Path, hold: bool) -> dict:
    code = (load_memory.PEAK + _HOLDING if hold else load_memory.PEAK) + load_memory._CHILD.replace(load_memory.PEAK, "")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=1800)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_a_100_mb_valid_file_loads_in_bounded_memory(tmp_path):
    path = tmp_path / "valid.jsonl"
    n = load_memory.write_file(str(path), "jsonl", 100, "valid")
    assert path.stat().st_size >= 100 * 1024 * 1024
    load = _peak(path, hold=False)
    assert load["records"] == load["relations"] == n and load["rejected"] == 0
    held = _peak(path, hold=True)
    assert held["records"] == held["relations"] == n
    peak, peak_held = load["peak_kb"] / 1024, held["peak_kb"] / 1024
    print(f"100 MB, {n} facts: peak RSS {peak:.0f} MB; holding every row {peak_held:.0f} MB")
    assert peak < BOUND_MB, f"peak RSS {peak:.0f} MB for {n} facts (100 MB), bound {BOUND_MB} MB"
    assert peak_held > BOUND_MB, f"the bound is too loose: holding every row peaks at {peak_held:.0f} MB"
