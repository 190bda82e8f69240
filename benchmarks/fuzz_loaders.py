"""Fuzzing every input format: records of known validity, and mangled files.

Two kinds of case, per format (jsonl, json, yaml, csv, turtle, nt, json-ld):

* **records**: relation records generated from random text (every script, control characters,
  combining marks, zero-width and byte order marks, Unicode line and paragraph separators, quotes,
  commas, backslashes, now and then a value of 20,000 characters), each valid or broken in one
  known way (an unknown predicate, no source, an impossible date, a confidence of 1.5, a lone
  surrogate, a row with one cell too many, ...). Records are written in batches, one file per
  batch, and each file is loaded into a fresh in-memory embedded store with ``load_files``. The
  oracle: every valid record is loaded (one relation each: every record names its own entities),
  every broken one is rejected at its own line (record number, or claim IRI for RDF), and nothing
  else is rejected.
* **files**: a valid file of the format with random byte-level damage (flipped, inserted, deleted
  and duplicated bytes, truncation, deep brackets, YAML anchors and aliases, BOMs, stray ``\\r``,
  bytes that are not UTF-8), loaded through the command line (``autokg validate``, in process).
  The oracle: exit code 0 or 1, and no exception other than an ``AutokgError`` escapes.

A crash is any other exception, or an oracle miss; each is printed with a file kept to reproduce
it. Runs are seeded: the same command finds the same cases.

    python benchmarks/fuzz_loaders.py                      # 100,000 records and 2,000 files per format
    python benchmarks/fuzz_loaders.py --records 5000 --files 200 --formats jsonl csv
    python benchmarks/fuzz_loaders.py --jobs 2                 # the formats in two processes
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import sys
import tempfile
import time
import traceback

__all__ = ["FORMATS", "MUTATIONS", "make_record", "write_batch", "check_batch", "mangle", "text"]

FORMATS = ["jsonl", "json", "yaml", "csv", "turtle", "nt", "json-ld"]
_EXT = {"jsonl": ".jsonl", "json": ".json", "yaml": ".yaml", "csv": ".csv", "turtle": ".ttl", "nt": ".nt",
        "json-ld": ".jsonld"}
RDF = ("turtle", "nt", "json-ld")

# Alphabets random text is drawn from; each string mixes a few of them.
ALPHABETS = [
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789      ",
    "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
    "\t\n\r\x0b\x0c",
    "\x00\x01\x07\x1b\x7f\x80\x9f",
    "éüßøÅçñłŒœ",
    "中文汉字日本語한국어",
    "😀🚗🔋\U0001F1EB\U0001F1F7",
    "\u0301\u0308\u20dd",                     # combining marks
    "\u200b\u200d\u2060\ufeff",               # zero-width characters, a byte order mark
    "\u00a0\u2028\u2029\u3000\u0085\u1680",   # Unicode spaces and line separators
    "العربيةעברית\u200f\u202e",               # right to left, with override marks
    "ﬁ①Ⅳ㎞ＡＢＣ",                            # compatibility characters (NFKC changes them)
]


def text(rng: random.Random, max_len: int = 24) -> str:
    """Random text; one string in 5,000 is 20,000 characters long (a random piece repeated)."""
    huge = rng.random() < 0.0002
    n = rng.randrange(max_len) if not huge else 200
    chars = "".join(rng.sample(ALPHABETS, rng.randint(1, 3)))
    out = "".join(rng.choices(chars, k=n))
    return (out * 100)[:20_000] if huge else out


def _date(rng: random.Random) -> str:
    y = rng.randrange(1000, 10000)
    return rng.choice([f"{y}", f"{y}-{rng.randint(1, 12):02d}", f"{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"])


def _valid(rng: random.Random, n: int) -> dict:
    """A valid relation record naming its own entities (prefixes S<n> and O<n> keep every name
    distinct after normalisation: random text follows a space)."""
    s, o = f"S{n} {text(rng)}", f"O{n} {text(rng)}"
    source = {"title": f"T{n} {text(rng)}"}
    if rng.random() < 0.5:
        source["url"] = f"https://news.example.com/{n}/{text(rng, 8)}"
    if rng.random() < 0.5:
        source["publisher"] = f"P {text(rng)}"
    if rng.random() < 0.5:
        source["published"] = _date(rng)
    if rng.random() < 0.5:
        source["quote"] = f"Q {text(rng, 80)}"
    kind = rng.randrange(8)
    if kind == 0:
        rec = {"subject": s, "predicate": "PARTNERS_WITH", "object": o, "domain": f"D {text(rng)}",
               "status": rng.choice(["active", "prospective", "ended", "Active", " ENDED "]), "since": _date(rng)}
    elif kind == 1:
        rec = {"subject": s, "predicate": "INVESTS_IN", "object": o,
               "stake_pct": rng.choice([100, 0.001, round(rng.uniform(0.01, 100), 3), 49])}
    elif kind == 2:
        rec = {"subject": s, "predicate": rng.choice(["SUPPLIES", "supplies", "Supplies"]), "object": o,
               "domain": f"D {text(rng)}", "until": _date(rng)}
    elif kind == 3:
        rec = {"subject": s, "predicate": "SUBSIDIARY_OF", "object": o}
    elif kind == 4:
        rec = {"subject": s, "predicate": "WORKS_FOR", "object": o, "role": f"R {text(rng)}"}
    elif kind == 5:
        rec = {"subject": s, "predicate": "MAKES", "object": o, "since": _date(rng)}
    elif kind == 6:
        rec = {"subject": s, "subject_type": "Person", "predicate": "MET_WITH", "object": o,
               "object_type": rng.choice(["Person", "Company"]), "date": _date(rng), "event": f"E {text(rng)}"}
    else:
        rec = {"subject": s, "subject_type": rng.choice(["Person", "Company"]), "predicate": "ATTENDED",
               "object": o, "date": _date(rng)}
    rec["source"] = source
    if rng.random() < 0.5:
        rec["confidence"] = rng.choice([0, 1, 0.5, round(rng.random(), 4)])
    return rec


def _set(key, value):
    def f(rec, rng):
        rec[key] = value(rng) if callable(value) else value
        return rec
    return f


def _drop(*keys):
    def f(rec, rng):
        for k in keys:
            rec.pop(k, None)
        return rec
    return f


def _source(key, value):
    def f(rec, rng):
        rec["source"] = {**rec["source"], key: value}
        return rec
    return f


def _partners(rec, rng):
    rec = {k: v for k, v in rec.items() if k not in ("predicate", "subject_type", "object_type", "role", "stake_pct",
                                                     "date", "event", "since", "until", "domain", "status")}
    rec["predicate"] = "PARTNERS_WITH"
    return rec


# name -> (formats it applies to, mutation). Each makes a valid record invalid in one known way.
_ALL = tuple(FORMATS)
_TEXT = ("jsonl", "json", "yaml", "csv")
_TYPED = ("jsonl", "json", "yaml")  # formats whose values may be numbers, lists, objects
MUTATIONS = {
    "unknown predicate": (_TEXT, _set("predicate", lambda rng: f"ACQUIRED_BY {text(rng, 6)}")),
    "no source": (_TEXT, _drop("source")),
    "source without url or title": (_TEXT, lambda r, g: {**r, "source": {"publisher": "P"}}),
    "blank subject": (_TEXT, _set("subject", lambda rng: rng.choice([" ", "\t", "\u3000"]))),
    "impossible date": (_TEXT, lambda r, g: {**_partners(r, g), "since": g.choice(["2024-02-30", "2024-13", "24", "2024/01/01", "999"])}),
    "unknown status": (_TEXT, lambda r, g: {**_partners(r, g), "status": g.choice(["maybe", "activ", "done"])}),
    "confidence out of range": (_TEXT, _set("confidence", lambda rng: rng.choice([1.5, -0.1, "abc", "1e999"]))),
    "stake_pct out of range": (_TEXT, lambda r, g: {**_partners(r, g), "predicate": "INVESTS_IN",
                                                    "stake_pct": g.choice([0, 100.5, -3, "lots"])}),
    "property of another predicate": (_TEXT, lambda r, g: {**_partners(r, g), "role": "CEO"}),
    # in CSV an unknown column is refused with the header, for the whole file: not a record's fault
    "unknown property": (("jsonl", "json", "yaml"), _set("colour", "red")),
    "WORKS_FOR without role": (_TEXT, lambda r, g: {**_partners(r, g), "predicate": "WORKS_FOR"}),
    "MET_WITH of two companies": (_TEXT, lambda r, g: {**_partners(r, g), "predicate": "MET_WITH",
                                                       "subject_type": "Company", "object_type": "Company"}),
    "bad source date": (_TEXT, _source("published", "yesterday")),
    "unparseable url": (_TEXT, _source("url", "https://[news.example.com/1")),
    "number as subject": (_TYPED, _set("subject", lambda rng: rng.choice([7, 2.5, True]))),
    "list as object": (_TYPED, _set("object", ["a", "b"])),
    "object as source": (_TYPED, _source("title", {"nested": "x"})),
    "not an object": (_TYPED, lambda r, g: g.choice([[r], "a string", 42, None])),
    "lone surrogate": (_TYPED, _set("subject", lambda rng: f"S \ud800{text(rng, 4)}")),
    "both entity and relation": (_TYPED, _set("entity", "X")),
    "huge integer confidence": (_TYPED, _set("confidence", 10 ** 400)),
    # syntax, confined to the record's own line or row
    "truncated JSON line": (("jsonl",), lambda r, g: ("raw", json.dumps(r)[: g.randrange(1, 40)])),
    "invalid UTF-8 line": (("jsonl",), lambda r, g: ("raw-bytes", json.dumps(r).encode()[:-2] + b"\xff\xfe\"}")),
    "nested too deeply": (("jsonl",), lambda r, g: ("raw", "[" * 100_000 + "]" * 100_000)),
    "one cell too many": (("csv",), lambda r, g: ("extra-cell", r)),
    # RDF, applied to the graph of the record's relation
    "claim without source": (RDF, "claim-no-source"),
    "subject without entity class": (RDF, "subject-untyped"),
    "unknown status IRI": (RDF, "bad-status"),
    "confidence 1.5": (RDF, "bad-confidence"),
    "two predicates": (RDF, "two-predicates"),
}


def make_record(rng: random.Random, n: int, fmt: str, p_invalid: float = 0.3) -> tuple[object, str | None]:
    """Record number *n* for *fmt* and the mutation that broke it (None: valid)."""
    rec = _valid(rng, n)
    if rng.random() >= p_invalid:
        return rec, None
    name = rng.choice([m for m, (fmts, _) in MUTATIONS.items() if fmt in fmts])
    how = MUTATIONS[name][1]
    if isinstance(how, str):  # RDF: a partnership, so that every damage is one the reader must see
        return ("rdf", how, _partners(rec, rng)), name
    return how(rec, rng), name


# ---- writing a batch -------------------------------------------------------------------------

_CSV_COLUMNS = ["subject", "subject_type", "predicate", "object", "object_type", "domain", "status", "since",
                "until", "stake_pct", "role", "date", "event", "source_url", "source_title",
                "source_publisher", "source_published", "source_quote", "confidence"]


def _csv_row(rec: dict) -> list[str]:
    flat = {k: v for k, v in rec.items() if k != "source"}
    src = rec.get("source")
    if isinstance(src, dict):
        flat.update({f"source_{k}": v for k, v in src.items()})
    elif src is not None:
        flat["source_url"] = src
    return ["" if flat.get(c) is None else str(flat[c]) for c in _CSV_COLUMNS]


def _json(value, rng: random.Random, **kw) -> str:
    """JSON text, non-ASCII written raw or escaped at random; a lone surrogate is always escaped
    (raw, it would make the file invalid UTF-8: another case)."""
    text = json.dumps(value, ensure_ascii=rng.random() < 0.5, **kw)
    return text.replace("\ud800", "\\ud800")


def write_batch(path: str, fmt: str, items: list, rng: random.Random) -> list:
    """Write *items* (from :func:`make_record`) as one file of *fmt*; return the place each item
    gets in a rejection (line, record number or claim IRI), in order."""
    if fmt == "jsonl":
        places, out = [], bytearray(b"\xef\xbb\xbf" if rng.random() < 0.1 else b"")
        eol = rng.choice([b"\n", b"\r\n"])
        for i, it in enumerate(items, 1):
            if isinstance(it, tuple) and it[0] == "raw":
                line = it[1].encode("utf-8", "surrogatepass")
            elif isinstance(it, tuple) and it[0] == "raw-bytes":
                line = it[1]
            else:
                line = _json(it, rng).encode()
            out += line + (eol if rng.random() < 0.9 else b"\n")
            places.append(i)
        with open(path, "wb") as fp:
            fp.write(out)
        return places
    if fmt == "json":
        with open(path, "wb") as fp:
            fp.write(_json(items, rng, indent=rng.choice([None, 1])).encode())
        return list(range(1, len(items) + 1))
    if fmt == "yaml":
        return _write_yaml(path, items, rng)
    if fmt == "csv":
        return _write_csv(path, items, rng)
    return _write_rdf(path, fmt, items, rng)


_YAML_EOL = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # the line breaks of YAML 1.1 (and PyYAML's marks)


def _write_yaml(path: str, items: list, rng: random.Random) -> list:
    import yaml

    places, chunks, line = [], [], 1
    unicode = rng.random() < 0.5
    for it in items:
        # one item at a time, so its first line is known; a lone surrogate needs YAML's escape
        try:
            chunk = yaml.safe_dump([it], allow_unicode=unicode, width=rng.choice([80, 10**6]))
        except yaml.representer.RepresenterError:
            chunk = yaml.safe_dump([it], allow_unicode=False)
        places.append(line)
        line += len(_YAML_EOL.findall(chunk))
        chunks.append(chunk)
    with open(path, "w", encoding="utf-8", errors="surrogatepass", newline="") as fp:
        fp.write("".join(chunks))
    return places


_EOL = re.compile("\r\n|\r|\n")  # the line ends of the csv module (newline="")


def _write_csv(path: str, items: list, rng: random.Random) -> list:
    import csv
    import io

    buf = io.StringIO()
    # the csv module quotes a cell holding a character of its line terminator only, so a bare \r
    # in a cell would end the row under "\n" line ends: quote every cell then
    eol = rng.choice(["\n", "\r\n"])
    w = csv.writer(buf, lineterminator=eol, quoting=csv.QUOTE_ALL if eol == "\n" else csv.QUOTE_MINIMAL)
    w.writerow(_CSV_COLUMNS)
    places, line = [], 2
    for it in items:
        extra = isinstance(it, tuple)
        row = _csv_row(it[1] if extra else it) + (["extra"] if extra else [])
        before = buf.tell()
        w.writerow(row)
        places.append(line)
        line += len(_EOL.findall(buf.getvalue()[before:]))  # quoted cells may hold line breaks
    with open(path, "w", encoding="utf-8-sig" if rng.random() < 0.1 else "utf-8", newline="") as fp:
        fp.write(buf.getvalue())
    return places


def _rdf_module():
    """The RDF export module (``autokg.exports.rdf`` once exports have their own package)."""
    import importlib

    for name in ("autokg.exports.rdf", "autokg.graph.rdf"):
        try:
            return importlib.import_module(name)
        except ImportError:
            continue
    raise ImportError("no RDF export module")


def _write_rdf(path: str, fmt: str, items: list, rng: random.Random) -> list:
    """The records are loaded into a scratch store and exported (the format's own writer), then
    the graph of each broken record's relation is damaged as its mutation says."""
    from rdflib import Literal, URIRef

    from autokg.graph.embedded import EmbeddedStore
    from autokg.loaders import load_records

    rdf = _rdf_module()
    recs = [it[2] if isinstance(it, tuple) else it for it in items]
    with EmbeddedStore(":memory:") as scratch:
        report = load_records(scratch, recs)
        if report.rejected:
            raise RuntimeError(f"a valid record was rejected on the way to RDF: {report.rejected[:3]}")
        g = rdf.to_rdf(scratch)
    RDF_ = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    V, P = rdf.VOCAB, "http://www.w3.org/ns/prov#"
    by_subject = {}
    for rel in g.subjects(URIRef(RDF_ + "type"), URIRef(V + "Relation")):
        for side in ("subject", "object"):  # a symmetric relation is written in either direction
            ent = g.value(rel, URIRef(RDF_ + side))
            name = str(g.value(ent, URIRef(rdf.SCHEMA + "name")))
            if name.startswith("S"):
                by_subject[name.split(" ", 1)[0]] = (rel, ent, g.value(rel, URIRef(V + "claim")))
    places = []
    for n, it in enumerate(items):
        rel, subj, claim = by_subject[f"S{n}"]
        places.append(f"<{claim}>")
        if not isinstance(it, tuple):
            continue
        how = it[1]
        if how == "claim-no-source":
            g.remove((claim, URIRef(P + "wasDerivedFrom"), None))
        elif how == "subject-untyped":
            g.remove((subj, URIRef(RDF_ + "type"), None))
        elif how == "bad-status":
            g.set((claim, URIRef(V + "status"), URIRef(V + "Maybe")))
        elif how == "bad-confidence":
            g.set((claim, URIRef(V + "confidence"), Literal(1.5)))
        elif how == "two-predicates":
            g.add((rel, URIRef(RDF_ + "predicate"), URIRef(V + "supplies")))
            g.add((rel, URIRef(RDF_ + "predicate"), URIRef(V + "partnersWith")))
    with open(path, "w", encoding="utf-8") as fp:
        fp.write(rdf.FORMATS[fmt](g))
    return places


# ---- checking a batch ------------------------------------------------------------------------

def check_batch(path: str, fmt: str, items: list, kinds: list, places: list) -> tuple[int, int, list[str]]:
    """Load *path* into a fresh in-memory store; return (loaded, rejected, problems)."""
    from autokg.graph.embedded import EmbeddedStore
    from autokg.loaders import load_files

    problems: list[str] = []
    with EmbeddedStore(":memory:") as store:
        report = load_files(store, [path])
        relations = store.stats()["relations"]
    got: dict[str, list[str]] = {}
    for r in report.rejected:
        got.setdefault(r.where[len(path) + 1:] if r.where.startswith(path + ":") else r.where, []).append(r.reason)
    want = {str(p): k for p, k in zip(places, kinds) if k is not None}
    valid = sum(k is None for k in kinds)
    if relations != valid:
        problems.append(f"{relations} relations loaded, {valid} valid records")
    for place, kind in want.items():
        if place not in got:
            problems.append(f"{place}: {kind!r} not rejected")
    for place, reasons in got.items():
        if place not in want:
            problems.append(f"{place}: rejected but valid: {reasons}")
    return relations, len(report.rejected), problems


# ---- mangled files ---------------------------------------------------------------------------

_TOKENS = [b"[" * 5000, b"{\"a\":" * 3000, b"- " * 200, b"&a ", b"*a", b"&b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n",
           b"\xef\xbb\xbf", b"\r", b"\r\n", b"\x00", b"\xff\xfe", b"\xc3", b"\\ud800", b"\"", b",", b"\n",
           b"@context", b"\"@context\": \"http://127.0.0.1:9/x\"", b"@prefix", b" .", b"<", b">", b"_:b",
           b"\"\"\"", b"^^", b"1" * 5000, b"NaN", b"!!python/object:os.system", b"!!binary", b"? ", b"<<: *a"]


def mangle(data: bytes, rng: random.Random) -> bytes:
    """*data* with 1 to 8 random damages."""
    b = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(6)
        i = rng.randrange(len(b) + 1)
        if op == 0 and b:
            b[min(i, len(b) - 1)] ^= 1 << rng.randrange(8)
        elif op == 1:
            b[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif op == 2:
            del b[i:i + rng.randint(1, 64)]
        elif op == 3:
            j = rng.randrange(len(b) + 1)
            b[i:i] = b[min(i, j):max(i, j)][:4096]
        elif op == 4:
            b[i:i] = rng.choice(_TOKENS)
        else:
            del b[i:]
    return bytes(b)


def check_cli(path: str) -> tuple[int, str | None]:
    """``autokg validate PATH`` in process: (exit code, problem or None)."""
    from click.testing import CliRunner

    from autokg.cli import cli

    result = CliRunner().invoke(cli, ["validate", path])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        exc = result.exception
        return 1, "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)[-3:])
    if result.exit_code not in (0, 1):
        return result.exit_code, f"exit code {result.exit_code}: {result.output[-500:]}"
    if "Traceback" in result.output:
        return result.exit_code, result.output[-1000:]
    return result.exit_code, None


# ---- the run ---------------------------------------------------------------------------------

def run_format(fmt: str, records: int, files: int, batch: int, seed: int, keep: str) -> dict:
    rng = random.Random(f"{seed}-{fmt}")
    stats = {"format": fmt, "record cases": 0, "loaded": 0, "rejected": 0, "file cases": 0, "exit 0": 0,
             "exit 1": 0, "crashes": 0, "seconds": 0.0}
    start = time.monotonic()
    work = tempfile.mkdtemp(prefix=f"autokg-fuzz-{fmt}-")
    samples: list[bytes] = []
    try:
        done = 0
        while done < records:
            size = min(batch, records - done)
            made = [make_record(rng, n, fmt) for n in range(size)]
            items, kinds = [m[0] for m in made], [m[1] for m in made]
            path = os.path.join(work, f"batch{_EXT[fmt]}")
            try:
                places = write_batch(path, fmt, items, rng)
                loaded, rejected, problems = check_batch(path, fmt, items, kinds, places)
            except Exception:  # noqa: BLE001 - a crash is what this looks for
                loaded, rejected, problems = 0, 0, [traceback.format_exc(limit=-4)]
            stats["record cases"] += size
            stats["loaded"] += loaded
            stats["rejected"] += rejected
            if problems:
                stats["crashes"] += 1
                kept = os.path.join(keep, f"{fmt}-records-{done}{_EXT[fmt]}")
                shutil.copy(path, kept)
                print(f"CRASH {fmt} records {done}..{done + size} (kept {kept}):\n  " + "\n  ".join(problems[:5]),
                      file=sys.stderr)
            if len(samples) < 8:
                with open(path, "rb") as fp:
                    samples.append(fp.read()[:20_000])  # small: the damage matters, not the size
            done += size
            if done % (batch * 10) == 0:
                print(f"  {fmt}: {done} records, {stats['loaded']} loaded, {stats['rejected']} rejected, "
                      f"{stats['crashes']} crashes, {time.monotonic() - start:.0f} s", file=sys.stderr, flush=True)
        for k in range(files):
            data = mangle(rng.choice(samples), rng) if samples else bytes(rng.randrange(256) for _ in range(64))
            path = os.path.join(work, f"mangled{_EXT[fmt]}")
            with open(path, "wb") as fp:
                fp.write(data)
            code, problem = check_cli(path)
            stats["file cases"] += 1
            stats[f"exit {code}"] = stats.get(f"exit {code}", 0) + 1
            if problem:
                stats["crashes"] += 1
                kept = os.path.join(keep, f"{fmt}-file-{k}{_EXT[fmt]}")
                shutil.copy(path, kept)
                print(f"CRASH {fmt} file {k} (kept {kept}):\n{problem}", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    stats["seconds"] = round(time.monotonic() - start, 1)
    return stats


def _run_job(job: tuple) -> dict:
    return run_format(*job)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--formats", nargs="+", default=FORMATS, choices=FORMATS)
    ap.add_argument("--records", type=int, default=100_000, help="record cases per format")
    ap.add_argument("--files", type=int, default=2_000, help="mangled-file cases per format")
    ap.add_argument("--batch", type=int, default=1_000, help="records per file")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", default="fuzz-crashes", help="directory for files that crashed")
    ap.add_argument("--jobs", type=int, default=1, help="formats fuzzed in parallel processes")
    args = ap.parse_args(argv)
    os.makedirs(args.keep, exist_ok=True)
    cols = ["format", "record cases", "loaded", "rejected", "file cases", "exit 0", "exit 1", "crashes", "seconds"]
    print(" | ".join(cols), flush=True)
    total = 0
    jobs = [(fmt, args.records, args.files, args.batch, args.seed, args.keep) for fmt in args.formats]
    if args.jobs > 1:
        import multiprocessing

        with multiprocessing.get_context("spawn").Pool(args.jobs) as pool:
            results = pool.imap_unordered(_run_job, jobs)
            for s in results:
                total += s["crashes"]
                print(" | ".join(str(s.get(c, 0)) for c in cols), flush=True)
    else:
        for job in jobs:
            s = run_format(*job)
            total += s["crashes"]
            print(" | ".join(str(s.get(c, 0)) for c in cols), flush=True)
    if not total:
        shutil.rmtree(args.keep, ignore_errors=True)
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
