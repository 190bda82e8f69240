"""Entity resolution benchmarks on the embedded store.

* ``dedupe`` on N synthetic companies (default 50,000), a fifth of them written again as another
  writer would (a legal form added or dropped, case, accents, punctuation, a typo): the time of
  ``dedupe`` and how many of the planted duplicates it finds at the default minimum score.
* ``judge same`` (and ``undo``) on an entity with R relations (default 1,000).

Run: ``nice python benchmarks/dedupe.py [--companies N] [--relations R] [--dir DIR]``
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

_SYL = ["ka", "ro", "mi", "to", "lu", "ze", "ta", "no", "vi", "sha", "qin", "de", "ur", "an", "el", "bo", "fa",
        "gu", "he", "ji", "ke", "la", "ma", "ni", "po", "ri", "su", "wa", "xi", "yo"]
_FORMS = ["AG", "GmbH", "Co., Ltd.", "Group", "Holding", "S.p.A.", "Inc.", "N.V.", "Corporation", "SE", "Ltd"]
_WORDS = ["Motors", "Auto", "Automotive", "Technology", "Energy", "Electric", "Mobility", "Battery", "Systems"]
_ACCENTS = str.maketrans({"a": "á", "e": "é", "o": "ö", "u": "ü"})
_COUNTRIES = ["FR", "CN", "US", "DE", "JP", "KR", "IT", "IN", "SE", "GB"]


def _variant(rng: random.Random, name: str) -> str:
    base = name
    for form in _FORMS:
        if base.endswith(" " + form):
            base = base[: -len(form) - 1]
    pick = rng.random()
    if pick < 0.3:
        return f"{base} {rng.choice(_FORMS)}"
    if pick < 0.45:
        return base.upper()
    if pick < 0.6:
        return base.translate(_ACCENTS)
    if pick < 0.75:
        return base.replace(" ", "-") + "."
    i = rng.randrange(1, max(2, len(base) - 1))
    return base[:i] + base[i + 1:]  # a letter dropped


def companies(n: int, seed: int = 11) -> tuple[list[dict], set[tuple[str, str]]]:
    """*n* entity records, and the planted duplicate pairs (names)."""
    rng = random.Random(seed)
    originals = int(n / 1.25)
    names: set[str] = set()
    records = []
    while len(records) < originals:
        name = " ".join("".join(rng.choice(_SYL) for _ in range(rng.randint(2, 3))).capitalize()
                        for _ in range(rng.choice([1, 1, 2])))
        if rng.random() < 0.5:
            name += " " + rng.choice(_WORDS)
        if rng.random() < 0.4:
            name += " " + rng.choice(_FORMS)
        if name.casefold() in names:
            continue
        names.add(name.casefold())
        records.append({"entity": name, "type": "Company", "country": rng.choice(_COUNTRIES)})
    planted = set()
    for rec in rng.sample(records, len(records)):  # one variant at most per company
        if len(records) >= n:
            break
        v = _variant(rng, rec["entity"])
        if v.casefold() in names:
            continue
        names.add(v.casefold())
        records.append({"entity": v, "type": "Company", "country": rec["country"]})
        planted.add(tuple(sorted((rec["entity"], v))))
    rng.shuffle(records)
    return records, planted


def bench_dedupe(folder: Path, n: int) -> None:
    from autokg.graph.dedupe import dedupe
    from autokg.graph.embedded import EmbeddedStore
    from autokg.loaders import load_files

    records, planted = companies(n)
    path = folder / "companies.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    store = EmbeddedStore(folder / "dedupe.db")
    t = time.perf_counter()
    load_files(store, [str(path)])
    print(f"loaded {len(records)} companies in {time.perf_counter() - t:.1f} s")
    t, cpu = time.perf_counter(), time.process_time()
    rows = dedupe(store)
    took, cpu = time.perf_counter() - t, time.process_time() - cpu
    print(f"dedupe: {took:.1f} s ({cpu:.1f} s of CPU), {len(rows)} candidates at score >= 0.8")
    for least in (0.8, 0.9, 1.0):
        found = {tuple(sorted((r["a"], r["b"]))) for r in rows if r["score"] >= least}
        hit = len(found & planted)
        print(f"  score >= {least}: {hit} of {len(planted)} planted duplicates ({100 * hit / len(planted):.1f}%), "
              f"{len(found - planted)} other pairs")
    store.close()


def bench_judge(folder: Path, r: int) -> None:
    from autokg.graph.embedded import EmbeddedStore
    from autokg.graph.judgements import judge, undo
    from autokg.loaders import load_files

    facts = []
    for i in range(r):
        facts.append({"subject": "Hub Motors", "predicate": "PARTNERS_WITH", "object": f"Partner {i}",
                      "domain": f"domain {i % 50}", "status": "active",
                      "source": {"url": f"https://news.example.com/hub/{i}", "published": "2024-01-01"}})
    for i in range(0, r, 10):  # the duplicate shares a tenth of the partners
        facts.append({"subject": "Hub Motor Co", "predicate": "PARTNERS_WITH", "object": f"Partner {i}",
                      "domain": f"domain {i % 50}", "status": "ended",
                      "source": {"url": f"https://news.example.com/dup/{i}", "published": "2025-01-01"}})
    path = folder / "hub.jsonl"
    path.write_text("".join(json.dumps(f) + "\n" for f in facts), encoding="utf-8")
    store = EmbeddedStore(folder / "judge.db")
    load_files(store, [str(path)])
    before = store.stats()
    t, cpu = time.perf_counter(), time.process_time()
    judge(store, "same", "Hub Motors", "Hub Motor Co")
    same, cpu = time.perf_counter() - t, time.process_time() - cpu
    merged = store.stats()
    t = time.perf_counter()
    undo(store, "Hub Motors", "Hub Motor Co")
    back = time.perf_counter() - t
    assert store.stats() == before
    print(f"judge same on an entity with {r} relations (+{r // 10} of its duplicate): {same:.2f} s "
          f"({cpu:.2f} s of CPU) "
          f"({before['relations']} -> {merged['relations']} relations); undo: {back:.2f} s")
    store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--companies", type=int, default=50000)
    ap.add_argument("--relations", type=int, default=1000)
    ap.add_argument("--dir")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="autokg-dedupe-") as tmp:
        folder = Path(args.dir or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        bench_dedupe(folder, args.companies)
        bench_judge(folder, args.relations)


if __name__ == "__main__":
    main()
