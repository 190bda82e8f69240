"""The exact rows of every preset on the seed article's facts, and preset parameter handling."""

from __future__ import annotations

import pytest

from autokg.errors import UnknownEntity, UnknownPreset, UsageError
from autokg.queries.presets import PRESETS

from _helpers import SEED, fact, load, open_embedded, rows, table, write_jsonl

TITLE = "Il CEO di Renault incontra il CEO di Xiaomi Lei Jun: ci sarà una collaborazione?"


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    store = open_embedded(tmp_path_factory.mktemp("seed"))
    report = load(store, *SEED)
    assert report.ok
    return store


def test_partners(seed):
    assert table(seed, "partners", "company", "partner", "domain", "status", "sources") == [
        ("Dongfeng", "Renault Group", None, "active", 1),
        ("Geely", "Renault Group", "thermal and hybrid systems", "active", 1),
        ("Google", "Renault Group", "smart cockpits", "active", 1),
        ("Li Auto", "Renault Group", None, "prospective", 1),
        ("Qualcomm", "Renault Group", "smart cockpits", "active", 1),
        ("Renault Group", "Xiaomi Auto", None, "prospective", 1),
    ]
    assert table(seed, "partners", "company", status="prospective") == [("Li Auto",), ("Renault Group",)]
    assert table(seed, "partners", "company", domain="COCKPIT") == [("Google",), ("Qualcomm",)]


def test_partners_of_resolves_aliases(seed):
    expected = [
        ("Dongfeng", None, "active", None, None, 1),
        ("Geely", "thermal and hybrid systems", "active", None, None, 1),
        ("Google", "smart cockpits", "active", None, None, 1),
        ("Qualcomm", "smart cockpits", "active", None, None, 1),
        ("Li Auto", None, "prospective", None, None, 1),
        ("Xiaomi Auto", None, "prospective", None, None, 1),
    ]
    cols = PRESETS["partners-of"].columns
    for name in ("Gruppo Renault", "renault", "RENAULT  GROUP", "Groupe Renault"):
        assert table(seed, "partners-of", *cols, company=name) == expected
    assert table(seed, "partners-of", "partner", company="Xiaomi EV") == [("Renault Group",)]
    assert table(seed, "partners-of", "partner", company="Renault", status="prospective") == [("Li Auto",), ("Xiaomi Auto",)]


def test_prospective(seed):
    assert table(seed, "prospective", "company", "partner", "domain", "latest_source_date") == [
        ("Li Auto", "Renault Group", None, None), ("Renault Group", "Xiaomi Auto", None, None)]
    assert rows(seed, "prospective", since="2024") == []  # the seed source has no date


def test_common_partners_and_path(seed):
    assert rows(seed, "common-partners", a="Geely", b="Google") == [
        {"partner": "Renault Group", "domains_with_a": ["thermal and hybrid systems"], "domains_with_b": ["smart cockpits"]}]
    assert rows(seed, "path", a="Geely", b="Xiaomi Auto") == [{"path": ["Geely", "Renault Group", "Xiaomi Auto"], "hops": 2}]
    assert rows(seed, "path", a="Geely", b="Google", max_hops=1) == []
    assert rows(seed, "path", a="Geely", b="Xiaomi") == []  # Xiaomi has no partnership


def test_people_hubs_meetings_timeline(seed):
    assert table(seed, "people-of", "person", "role", "since", "until", company="Renault") == [
        ("François Provost", "CEO", "2025-07", None),
        ("François Provost", "head of purchasing and cooperation", None, "2025-07"), ("Luca de Meo", "CEO", None, "2025-07")]
    assert table(seed, "hubs", "company", "partners", limit=2) == [("Renault Group", 6), ("Dongfeng", 1)]
    event = "Beijing Auto Show 2024"
    assert table(seed, "meetings", "person", "met_with", "date", "event") == [
        ("Lei Jun", "Luca de Meo", None, event), ("Li Xiang", "Luca de Meo", None, event),
        ("Luca de Meo", "Dongfeng", None, event), ("Luca de Meo", "Geely", None, event),
        ("Luca de Meo", "Li Auto", None, None), ("Luca de Meo", "Xiaomi", None, None)]
    assert table(seed, "meetings", "person", "met_with", person="Lei Jun") == [("Lei Jun", "Luca de Meo")]
    assert table(seed, "timeline", "date", "predicate", "other", "detail", company="Xiaomi") == [
        (None, "MET_WITH", "Luca de Meo", None), (None, "WORKS_FOR", "Lei Jun", "CEO")]


def test_cross_border(seed):
    cols = PRESETS["cross-border"].columns
    assert table(seed, "cross-border", *cols, country_a="us") == [
        ("Google", "US", "Renault Group", "FR", "smart cockpits", "active"),
        ("Qualcomm", "US", "Renault Group", "FR", "smart cockpits", "active")]
    assert table(seed, "cross-border", "company", country_a="CN", country_b="FR", status="prospective") == [
        ("Li Auto",), ("Renault Group",)]
    assert table(seed, "cross-border", "company", country_a="FR", country_b="FR") == []
    assert len(rows(seed, "cross-border")) == 6


def test_sources_and_history(seed):
    assert rows(seed, "sources", a="Renault", b="Geely") == [{
        "predicate": "PARTNERS_WITH", "domain": "thermal and hybrid systems", "url": None, "title": TITLE,
        "publisher": "XiaomiToday.it", "published": None,
        "quote": "La cooperazione di Renault con le aziende automobilistiche cinesi non è una novità, avendo già "
                 "collaborato con Geely per lo sviluppo di sistemi termici e ibridi, e con Google e Qualcomm per i "
                 "cockpit intelligenti."}]
    assert table(seed, "history", "predicate", "domain", "published", "status", a="Li Auto", b="Renault") == [
        ("PARTNERS_WITH", None, None, "prospective")]


def test_every_answer_is_traceable_to_a_source(seed):
    for r in rows(seed, "partners"):
        srcs = rows(seed, "sources", a=r["company"], b=r["partner"])
        assert srcs and all(s["publisher"] == "XiaomiToday.it" and s["quote"] for s in srcs)


def test_dated_claims_order_prospective_and_timeline(tmp_path):
    store = open_embedded(tmp_path)
    load(store, write_jsonl(tmp_path / "a.jsonl", [
        fact("A", "PARTNERS_WITH", "B", status="prospective", source={"title": "1", "published": "2024-05"}),
        fact("A", "PARTNERS_WITH", "C", status="prospective", source={"title": "2", "published": "2025-01-02"}),
        fact("A", "PARTNERS_WITH", "D", status="prospective", source={"title": "3"}),
        fact("A", "INVESTS_IN", "B", stake_pct=4.99, since="2023-07", source={"title": "4", "published": "2023-07-26"}),
        fact("A", "SUPPLIES", "C", domain="batteries", source={"title": "5", "published": "2022"}),
    ]))
    assert table(store, "prospective", "partner", "latest_source_date") == [("C", "2025-01-02"), ("B", "2024-05"), ("D", None)]
    assert table(store, "prospective", "partner", since="2024-06") == [("C",)]
    assert table(store, "timeline", "date", "predicate", "other", "detail", company="A") == [
        ("2022", "SUPPLIES", "C", "batteries"),
        ("2023-07", "INVESTS_IN", "B", "4.99% stake"),
        ("2024-05", "PARTNERS_WITH", "B", "prospective"),
        ("2025-01-02", "PARTNERS_WITH", "C", "prospective"),
        (None, "PARTNERS_WITH", "D", "prospective")]


def test_path_takes_the_smallest_name_sequence_and_skips_ended(tmp_path):
    store = open_embedded(tmp_path)
    load(store, write_jsonl(tmp_path / "a.jsonl", [
        fact("A", "PARTNERS_WITH", "Z"), fact("Z", "PARTNERS_WITH", "E"),
        fact("A", "PARTNERS_WITH", "M"), fact("M", "PARTNERS_WITH", "E"),
        fact("A", "PARTNERS_WITH", "E", status="ended"),
    ]))
    assert rows(store, "path", a="A", b="E") == [{"path": ["A", "M", "E"], "hops": 2}]
    assert rows(store, "path", a="A", b="E", include_ended=True) == [{"path": ["A", "E"], "hops": 1}]


def test_parameter_errors(seed):
    with pytest.raises(UnknownEntity) as exc:
        rows(seed, "partners-of", company="Renalt")
    assert "did you mean: 'Renault Group'" in str(exc.value)
    with pytest.raises(UnknownPreset, match="did you mean: partners"):
        rows(seed, "partner")
    with pytest.raises(UsageError, match="needs --company"):
        rows(seed, "partners-of")
    with pytest.raises(UsageError, match="must be one of"):
        rows(seed, "partners", status="rumoured")
    with pytest.raises(UsageError, match="not a date"):
        rows(seed, "prospective", since="May")
    with pytest.raises(UsageError, match="country code"):
        rows(seed, "cross-border", country_a="France")


def test_fourteen_presets_with_stated_columns():
    assert len(PRESETS) == 14
    for p in PRESETS.values():
        assert p.columns and p.description and p.order and p.example.startswith(f"autokg query {p.name}")


def test_stale_lists_relations_whose_newest_dated_source_is_old(tmp_path):
    from _helpers import fact, write_jsonl

    def src(n, published=None):
        return {"url": f"https://news.example/{n}", "published": published} if published else \
            {"url": f"https://news.example/{n}"}

    path = write_jsonl(tmp_path / "f.jsonl", [
        fact("A", "PARTNERS_WITH", "B", source=src(1, "2019-05"), domain="old"),
        fact("A", "PARTNERS_WITH", "B", source=src(2, "2025"), domain="renewed"),
        fact("A", "PARTNERS_WITH", "B", source=src(1, "2019-05"), domain="renewed"),
        fact("A", "PARTNERS_WITH", "C", source=src(3, "2018-01-10"), status="ended"),
        fact("D", "SUBSIDIARY_OF", "E", source=src(4, "2017"), until="2020"),
        fact("F", "SUPPLIES", "G", source=src(5)),
        fact("H", "INVESTS_IN", "I", source=src(6, "2024-11-30"), stake_pct=5),
    ])
    store = open_embedded(tmp_path)
    load(store, path)
    cols = ("predicate", "subject", "object", "domain", "status", "latest_source_date", "sources")
    assert table(store, "stale", *cols, as_of="2026-11") == [
        ("PARTNERS_WITH", "A", "B", "old", "active", "2019-05", 1),  # ended ones and those with until go
        ("SUPPLIES", "F", "G", None, None, None, 1)]  # undated last
    # the month count is measured from --as-of's first day; 2024-11-30 is 24 months before 2026-11-30
    assert [r[0] for r in table(store, "stale", "subject", as_of="2026-12")] == ["A", "H", "F"]
    assert [r[0] for r in table(store, "stale", "subject", as_of="2026-12", older_than=25)] == ["A", "F"]
    # until 2020 is after 2019: not ended then; the newest source of A-B "renewed" is from 2025
    assert [r[0] for r in table(store, "stale", "subject", as_of="2019", older_than=0)] == ["D", "F"]
    # as of 2019-06 the 2025 source is not known yet: A-B "renewed" rests on its 2019-05 source
    assert table(store, "stale", "subject", "domain", "latest_source_date", "sources", as_of="2019-06",
                 older_than=0) == [("D", None, "2017", 1), ("A", "old", "2019-05", 1), ("A", "renewed", "2019-05", 1),
                                   ("F", None, None, 1)]
    # a source dated 2025 counts as of 2025 (both are 2025-01-01): "renewed" then has a source of
    # 2025, not older than 0 months; D ended in 2020
    assert table(store, "stale", "subject", "domain", "sources", as_of="2025", older_than=0) == [
        ("A", "old", 1), ("H", None, 1), ("F", None, 1)]
    with pytest.raises(UsageError, match="--as-of '2026-13' is not a date"):
        rows(store, "stale", as_of="2026-13")
    assert len(rows(store, "stale")) >= 2  # today, by default
    store.close()
