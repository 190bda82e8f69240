"""Fuzzing the readers of every input format, bounded so the suite stays fast and deterministic.

Records of known validity (benchmarks/fuzz_loaders.py): every valid record loads, every broken one
is rejected at its own place, nothing else is rejected. Damaged files through the command line:
exit code 0 or 1 and no traceback. Then the hostile inputs one by one: deep nesting, YAML alias
bombs, byte order marks and line ends, bytes that are not UTF-8, and memory that must not grow
with a streamed file. ``benchmarks/fuzz_loaders.py`` runs the same checks at 100,000 cases per
format.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from autokg.cli import cli
from autokg.graph.embedded import EmbeddedStore
from autokg.loaders import load_files

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import fuzz_loaders as fz  # noqa: E402
import load_memory  # noqa: E402

FAST = ["jsonl", "json", "yaml", "csv"]
# derandomized: the same examples on every run, so CI is deterministic
_SETTINGS = dict(deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow,
                                                                       HealthCheck.data_too_large])

# names: any text but lone surrogates (a surrogate is one of the known-invalid cases)
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@st.composite
def batches(draw, fmt: str):
    """(items, kinds): records whose names and texts hypothesis chooses, each valid or broken by
    one named mutation applicable to *fmt*."""
    n = draw(st.integers(1, 8))
    names = [m for m, (fmts, _) in fz.MUTATIONS.items() if fmt in fmts]
    items, kinds = [], []
    for i in range(n):
        rng = random.Random(draw(st.integers(0, 2**32 - 1)))
        rec = fz._valid(rng, i)
        rec["subject"] = f"S{i} {draw(TEXT)}"
        rec["object"] = f"O{i} {draw(TEXT)}"
        rec["source"] = {**rec["source"], "title": f"T{i} {draw(TEXT)}"}
        kind = draw(st.none() | st.sampled_from(names))
        if kind is None:
            items.append(rec)
        else:
            how = fz.MUTATIONS[kind][1]
            items.append(("rdf", how, fz._partners(rec, rng)) if isinstance(how, str) else how(rec, rng))
        kinds.append(kind)
    return items, kinds, draw(st.integers(0, 2**32 - 1))


def _check(tmp_path, fmt, case):
    items, kinds, seed = case
    path = str(tmp_path / f"batch{fz._EXT[fmt]}")
    places = fz.write_batch(path, fmt, items, random.Random(seed))
    loaded, rejected, problems = fz.check_batch(path, fmt, items, kinds, places)
    assert problems == [], (kinds, problems)
    assert loaded == kinds.count(None)
    assert rejected == len(kinds) - kinds.count(None)


@pytest.mark.parametrize("fmt", FAST)
def test_records_of_known_validity(fmt, tmp_path_factory):
    @settings(max_examples=60, **_SETTINGS)
    @given(case=batches(fmt))
    def run(case):
        _check(tmp_path_factory.mktemp(fmt), fmt, case)

    run()


@pytest.mark.parametrize("fmt", fz.RDF)
def test_rdf_records_of_known_validity(fmt, tmp_path_factory):
    """RDF files are the exporter's own output for the records, damaged where a record is broken."""
    @settings(max_examples=15, **_SETTINGS)
    @given(case=batches(fmt))
    def run(case):
        _check(tmp_path_factory.mktemp(fmt.replace("-", "")), fmt, case)

    run()


@pytest.mark.parametrize("fmt", fz.FORMATS)
def test_damaged_files_never_crash_the_cli(fmt, tmp_path_factory):
    """Random byte-level damage to a valid file: exit code 0 or 1, never a traceback."""
    base = tmp_path_factory.mktemp("base")
    rng = random.Random(fmt)
    made = [fz.make_record(rng, n, fmt) for n in range(6)]
    path = str(base / f"valid{fz._EXT[fmt]}")
    fz.write_batch(path, fmt, [m[0] for m in made], rng)
    valid = Path(path).read_bytes()

    @settings(max_examples=40, **_SETTINGS)
    @given(seed=st.integers(0, 2**32 - 1))
    def run(seed):
        p = tmp_path_factory.mktemp("damaged") / f"damaged{fz._EXT[fmt]}"
        p.write_bytes(fz.mangle(valid, random.Random(seed)))
        code, problem = fz.check_cli(str(p))
        assert problem is None, problem
        assert code in (0, 1)

    run()


# ---- hostile inputs, one by one ---------------------------------------------------------------

def _validate(path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result.exit_code, result.output


DEEP = 100_000


@pytest.mark.parametrize("name, content, reason", [
    ("deep.jsonl", "[" * DEEP + "]" * DEEP + "\n", "deep.jsonl:1: invalid JSON: nested too deeply"),
    ("deep-object.jsonl", '{"a":' * DEEP + "1" + "}" * DEEP + "\n", "deep-object.jsonl:1: invalid JSON: nested too deeply"),
    ("deep.json", "[" * DEEP + "]" * DEEP, "deep.json: invalid JSON: nested too deeply"),
    ("deep.jsonld", "[" * DEEP + "]" * DEEP, "deep.jsonld: not valid JSON-LD: nested too deeply"),
    ("deep.yaml", "- " + "[" * 20_000 + "]" * 20_000 + "\n", "deep.yaml: invalid YAML: nested too deeply"),
])
def test_deep_nesting_is_one_clean_error(tmp_path, name, content, reason):
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    code, out = _validate(p)
    assert code == 1
    assert [line for line in out.splitlines() if line.startswith(str(tmp_path))] == [f"{tmp_path}/{reason}"]


@pytest.mark.parametrize("name", ["deep.ttl", "deep.nt"])
def test_deep_turtle_is_one_clean_error(tmp_path, name):
    p = tmp_path / name
    p.write_text("<http://e/a> <http://e/b> " + "(" * 20_000 + ")" * 20_000 + " .\n", encoding="utf-8")
    code, out = _validate(p)
    assert code == 1
    lines = [line for line in out.splitlines() if line.startswith(str(tmp_path))]
    assert len(lines) == 1 and lines[0].startswith(f"{p}: not valid "), lines


def test_huge_values_load(tmp_path):
    """A 5 MB quote and a 100,000-character name are data like any other."""
    rec = {"subject": "S " + "n" * 100_000, "predicate": "PARTNERS_WITH", "object": "Geely",
           "source": {"title": "T", "quote": "q" * 5_000_000}}
    p = tmp_path / "huge.jsonl"
    p.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    with EmbeddedStore(tmp_path / "kg.db") as store:
        report = load_files(store, [str(p)])
        assert report.rejected == []
        assert store.stats()["relations"] == 1
        assert len(store.link_rows()[0]["quote"]) == 5_000_000


_BOMB = "".join(f"- &{c} [{','.join([f'*{p}'] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi"))


def _run_bounded(path) -> tuple[float, int, str]:
    """Load *path* in a subprocess: (seconds, peak RSS in MB, output)."""
    code = (load_memory.PEAK + "import sys\nfrom autokg.cli import main\nsys.argv=['autokg','validate',sys.argv[1]]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('peak', peak_kb())")
    start = time.monotonic()
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60)
    took = time.monotonic() - start
    peak = int(out.stdout.rsplit("peak", 1)[1])
    return took, peak // 1024, out.stdout + out.stderr


@pytest.mark.parametrize("tail", [
    "- {subject: a, predicate: PARTNERS_WITH, object: b, source: x, since: *i}\n",
    "- {entity: x, type: Company, aliases: *i}\n",
])
def test_yaml_alias_bomb_is_refused_fast_in_bounded_memory(tmp_path, tail):
    """Billion laughs: 9^9 values from 80 lines. Printing one in a rejection took all memory."""
    p = tmp_path / "bomb.yaml"
    p.write_text('- &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + _BOMB + tail, encoding="utf-8")
    took, peak_mb, out = _run_bounded(p)
    assert f"{p}: YAML aliases expand to more than 100000 extra values" in out
    assert "Traceback" not in out
    assert took < 20 and peak_mb < 150, (took, peak_mb)


def test_yaml_aliases_that_repeat_a_value_still_load(tmp_path):
    p = tmp_path / "shared.yaml"
    p.write_text("- {subject: Renault, predicate: PARTNERS_WITH, object: Geely, source: &src {title: T, url: 'https://e.com/1'}}\n"
                 "- {subject: Renault, predicate: PARTNERS_WITH, object: Nio, source: *src}\n"
                 "- &loop [*loop]\n", encoding="utf-8")
    code, out = _validate(p)
    assert f"{p}: a YAML alias refers to a value containing itself" in out
    p.write_text(p.read_text().rsplit("- &loop", 1)[0], encoding="utf-8")
    with EmbeddedStore(tmp_path / "kg.db") as store:
        report = load_files(store, [str(p)])
        assert report.rejected == [] and store.stats()["relations"] == 2 and store.stats()["sources"] == 1


# ---- byte order marks, line ends, encodings ---------------------------------------------------

_RECS = [{"subject": "Renault", "predicate": "PARTNERS_WITH", "object": "Geely", "source": {"title": "T"}},
         {"subject": "Renault", "predicate": "PARTNERS_WITH", "object": "Nio", "source": {"title": "T"}}]


def _text_of(fmt: str, eol: str) -> str:
    if fmt == "jsonl":
        return eol.join(json.dumps(r) for r in _RECS) + eol
    if fmt == "json":
        return "[" + ("," + eol).join(json.dumps(r) for r in _RECS) + "]" + eol
    if fmt == "yaml":
        return eol.join(f"- {json.dumps(r)}" for r in _RECS) + eol
    return eol.join(["subject,predicate,object,source_title", *(f"Renault,PARTNERS_WITH,{r['object']},T" for r in _RECS)]) + eol


@pytest.mark.parametrize("bom", [False, True])
@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r", "mixed"])
@pytest.mark.parametrize("fmt", FAST)
def test_bom_and_line_ends(tmp_path, fmt, eol, bom):
    if eol == "mixed":
        text = _text_of(fmt, "\n").replace("\n", "\r\n", 1)
    else:
        text = _text_of(fmt, eol)
    p = tmp_path / f"f{fz._EXT[fmt]}"
    p.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode())
    with EmbeddedStore(tmp_path / "kg.db") as store:
        report = load_files(store, [str(p)])
        if fmt == "jsonl" and eol == "\r":
            # JSON Lines separates records with \n: a file of \r alone is one line, refused clearly
            assert [r.reason for r in report.rejected] == [
                "lines end in \\r alone; JSON Lines separates records with \\n (or \\r\\n): Extra data at column "
                f"{len(json.dumps(_RECS[0])) + 2}"]
            return
        assert report.rejected == []
        assert store.stats()["relations"] == 2


@pytest.mark.parametrize("fmt", fz.RDF)
@pytest.mark.parametrize("eol", ["\r\n", "\r"])
def test_rdf_line_ends_and_bom(tmp_path, fmt, eol):
    rng = random.Random(3)
    items = [fz._valid(rng, n) for n in range(5)]
    p = tmp_path / f"f{fz._EXT[fmt]}"
    fz.write_batch(str(p), fmt, items, rng)
    p.write_bytes(b"\xef\xbb\xbf" + p.read_bytes().replace(b"\n", eol.encode()))
    with EmbeddedStore(tmp_path / "kg.db") as store:
        report = load_files(store, [str(p)])
        assert report.rejected == []
        assert store.stats()["relations"] == 5


@pytest.mark.parametrize("fmt", fz.FORMATS)
def test_invalid_utf8(tmp_path, fmt):
    """JSON Lines rejects the line and loads the rest; a whole-file format names the offset."""
    rng = random.Random(5)
    items = [fz._valid(rng, n) for n in range(3)]
    p = tmp_path / f"f{fz._EXT[fmt]}"
    fz.write_batch(str(p), fmt, items, rng)
    data = p.read_bytes()
    at = data.index(b"S1 ") if fmt == "jsonl" else data.index(b'"') + 1  # inside a string
    p.write_bytes(data[:at] + b"\xff\xfe" + data[at:])
    with EmbeddedStore(tmp_path / "kg.db") as store:
        report = load_files(store, [str(p)])
        reasons = [str(r) for r in report.rejected]
        if fmt == "jsonl":
            assert reasons == [f"{p}:2: not valid UTF-8 (byte 0xff at column {at - data.rindex(b'{', 0, at) + 1})"]
            assert store.stats()["relations"] == 2
        elif fmt == "csv":  # CSV names the likely encoding, or says how to give one
            assert len(reasons) == 1 and reasons[0].startswith(f"{p}: not valid UTF-8"), reasons
            assert "--encoding" in reasons[0]
            assert store.stats()["relations"] == 0
        else:
            assert len(reasons) == 1 and reasons[0].startswith(f"{p}: not valid UTF-8 ("), reasons
            assert store.stats()["relations"] == 0


def test_lone_surrogates_and_huge_integers_are_rejected(tmp_path):
    p = tmp_path / "f.jsonl"
    good = json.dumps(_RECS[0])
    p.write_text("\n".join([
        good,
        '{"subject": "\\ud800", "predicate": "PARTNERS_WITH", "object": "b", "source": "x"}',
        '{"subject": "a", "predicate": "PARTNERS_WITH", "object": "b", "source": "x", "confidence": ' + "9" * 400 + "}",
        '{"subject": "a", "predicate": "PARTNERS_WITH", "object": "b", "source": "x", "confidence": ' + "9" * 5000 + "}",
    ]) + "\n", encoding="utf-8")
    with EmbeddedStore(tmp_path / "kg.db") as store:
        report = load_files(store, [str(p)])
        assert [str(r) for r in report.rejected] == [
            f"{p}:2: subject is not valid Unicode (a lone surrogate '\\ud800' at character 1)",
            f"{p}:3: confidence must be a number, not an integer of 1329 bits (beyond the range of a float)",
            f"{p}:4: invalid JSON: exceeds the limit (4300 digits) for integer string conversion",
        ]
        assert store.stats()["relations"] == 1


def test_unparseable_source_url_is_a_rejection(tmp_path):
    """Found by the fuzzer: an unclosed [ made source identity raise ValueError."""
    p = tmp_path / "f.jsonl"
    p.write_text(json.dumps(_RECS[0]) + "\n"
                 + json.dumps({**_RECS[1], "source": {"url": "https://news.e[xample.com/1"}}) + "\n"
                 + json.dumps({**_RECS[1], "source": "https://[::1"}) + "\n", encoding="utf-8")
    with EmbeddedStore(tmp_path / "kg.db") as store:
        report = load_files(store, [str(p)])
        assert [str(r) for r in report.rejected] == [
            f"{p}:2: source.url 'https://news.e[xample.com/1' is not a valid URL (Invalid IPv6 URL)",
            f"{p}:3: source 'https://[::1' is not a valid URL (Invalid IPv6 URL)"]
        assert store.stats()["relations"] == 1


def test_yaml_values_that_cannot_be_built_reject_their_record(tmp_path):
    p = tmp_path / "f.yaml"
    p.write_text("- {subject: a, predicate: PARTNERS_WITH, object: b, source: x, since: 2024-02-30}\n"
                 "- {subject: a, predicate: PARTNERS_WITH, object: c, source: {? [1, 2] : x}}\n"
                 "- {subject: a, predicate: PARTNERS_WITH, object: d, source: x}\n", encoding="utf-8")
    with EmbeddedStore(tmp_path / "kg.db") as store:
        report = load_files(store, [str(p)])
        assert [str(r) for r in report.rejected] == [f"{p}:1: invalid YAML value: day is out of range for month",
                                                     f"{p}:2: invalid YAML value: found unhashable key"]
        assert store.stats()["relations"] == 1
    p.write_bytes(b"- {subject: a\x00}\n")
    code, out = _validate(p)
    assert code == 1 and f"{p}: invalid YAML: character 0x00 at offset 13 is not allowed in YAML" in out
    for escape, why in ((b"\\U00110000", "chr() arg not in range(0x110000)"),  # found by the fuzzer
                        (b"\\UFFFFFFFF", "Python int too large to convert to C int")):
        p.write_bytes(b'- {subject: a}\n- {subject: "' + escape + b'"}\n')
        code, out = _validate(p)
        assert code == 1 and f"{p}: invalid YAML at line 2: {why}" in out


def test_ill_typed_rdf_literal_is_a_rejection_without_a_traceback(tmp_path):
    p = tmp_path / "f.ttl"
    p.write_text("@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
                 "<https://e.org/a> a <https://schema.org/Organization> ; <https://schema.org/name> \"Renault\" ;\n"
                 "  <https://schema.org/foundingDate> \"1899-02-30\"^^xsd:date .\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "autokg", "validate", str(p)], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert f"{p}:<https://e.org/a>: founded '1899-02-30' is not a valid date (YYYY, YYYY-MM or YYYY-MM-DD)" in out.stderr


# ---- memory -----------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_streamed_load_memory_does_not_grow_with_the_file(tmp_path, fmt):
    """20 MB and 60 MB of records (rejected by validation, so no store cache counts): a reader
    that held the rows would add 40 MB or more."""
    peaks = {}
    for mb in (20, 60):
        p = tmp_path / f"{mb}.{fmt}"
        n = load_memory.write_file(str(p), fmt, mb, "rejected")
        r = load_memory.peak_rss(str(p))
        assert r["records"] == n and r["rejected"] == n
        peaks[mb] = r["peak_kb"] / 1024
        p.unlink()
    assert peaks[60] - peaks[20] < 20, peaks
    # 100 MB and loads of valid records: benchmarks/load_memory.py (kept out of the suite for time)
