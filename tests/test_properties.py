"""Property tests: the graph does not depend on record order, and reloading changes nothing."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _helpers import dump, fact, load, open_embedded, table, write_jsonl

NAMES = ["Renault", "renault", "RENAULT  ", "Geely", "BYD", "Toyota", "Nissan"]
ALIAS = {"entity": "Renault Group", "type": "Company", "aliases": ["Renault"]}


@st.composite
def fact_sets(draw):
    n = draw(st.integers(1, 12))
    dates = draw(st.lists(st.dates().map(lambda d: d.isoformat()), min_size=n, max_size=n, unique=True))
    out = []
    for i in range(n):
        a, b = draw(st.sampled_from(NAMES)), draw(st.sampled_from(NAMES))
        rec = fact(a, "PARTNERS_WITH", b, source={"title": f"s{i}", "published": dates[i]},
                   domain=draw(st.sampled_from(["ev", "EV", "batteries", " Batteries "])))
        if draw(st.booleans()):
            rec["status"] = draw(st.sampled_from(["active", "prospective", "ended"]))
        out.append(rec)
    return out


def _graph(records) -> tuple:
    with tempfile.TemporaryDirectory() as d:
        store = open_embedded(Path(d))
        load(store, write_jsonl(Path(d) / "a.jsonl", records))
        rows = table(store, "partners", "company", "partner", "domain", "status", "sources")
        hist = [table(store, "history", "published", "status", a=r[0], b=r[1]) for r in rows]
        store.close()
        return rows, hist


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records=fact_sets(), perm=st.randoms(use_true_random=False), alias_first=st.booleans())
def test_order_does_not_matter(records, perm, alias_first):
    base = _graph([ALIAS, *records])
    shuffled = list(records)
    perm.shuffle(shuffled)
    other = _graph([ALIAS, *shuffled] if alias_first else [*shuffled, ALIAS])
    assert other == base


@settings(max_examples=25, deadline=None)
@given(records=fact_sets())
def test_reload_is_a_fixed_point(records):
    with tempfile.TemporaryDirectory() as d:
        store = open_embedded(Path(d))
        path = write_jsonl(Path(d) / "a.jsonl", [ALIAS, *records])
        load(store, path)
        before = dump(store)
        second = load(store, path)
        assert dump(store) == before
        for kind in ("entities", "relations", "sources"):
            s = getattr(second, kind).summary()
            assert s["new"] == 0 and s["updated"] == 0
        store.close()
