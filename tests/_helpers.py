"""Helpers shared by the tests: write fact files, open stores, load and query."""

from __future__ import annotations

import json
from pathlib import Path

from autokg.graph.embedded import EmbeddedStore
from autokg.loaders import load_files
from autokg.queries.presets import run_preset

ROOT = Path(__file__).resolve().parent.parent
SEED = sorted((ROOT / "data" / "seed").glob("*.jsonl"))
# the curated fact files (judgements.jsonl beside them holds judgements, not facts)
CURATED_FACTS = sorted(p for p in (ROOT / "data" / "curated").glob("*.jsonl") if p.name != "judgements.jsonl")
SRC = {"title": "A report", "publisher": "Example News"}


def write_jsonl(path: Path, records) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def snapshot(store) -> dict:
    """Everything a store holds (ids included), each kind of row in a canonical order."""
    return {kind: sorted(rows, key=lambda r: json.dumps(r, sort_keys=True))
            for kind, rows in store.snapshot().items()}


def fact(subject, predicate, obj, source=None, **props):
    return {"subject": subject, "predicate": predicate, "object": obj, "source": source or SRC, **props}


def rows(store, preset, **params):
    return run_preset(store, preset, **params)


def table(store, preset, *cols, **params):
    """Rows as tuples of the given columns, for compact assertions."""
    return [tuple(r[c] for c in cols) for r in run_preset(store, preset, **params)]


def load(store, *paths, **kw):
    return load_files(store, [str(p) for p in paths], **kw)


def open_embedded(tmp_path: Path, name: str = "kg.db") -> EmbeddedStore:
    return EmbeddedStore(tmp_path / name)


def dump(store) -> dict:
    """Everything a store holds, in a comparable form."""
    snap = store.snapshot()
    names = {e["id"]: (e["type"], e["name"]) for e in snap["entities"]}
    rel_names = {r["id"]: (r["predicate"], names[r["subject_id"]], names[r["object_id"]], r["key_display"])
                 for r in snap["relations"]}
    return {
        "entities": sorted((e["type"], e["name"], tuple(sorted(e["aliases"])), json.dumps(e["attrs"], sort_keys=True))
                           for e in snap["entities"]),
        "relations": sorted((*sorted([names[r["subject_id"]], names[r["object_id"]]]), r["predicate"],
                             json.dumps(r["props"], sort_keys=True), r["sources"]) for r in snap["relations"]),
        "sources": sorted(json.dumps(s, sort_keys=True) for s in snap["sources"]),
        "links": sorted((str(rel_names[l["relation_id"]]), l["source"]["id"], l["quote"], l["confidence"],
                         json.dumps(l["claims"], sort_keys=True)) for l in snap["links"]),
    }
