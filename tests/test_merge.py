"""Merge semantics: alias resolution in any order, identity, idempotence, status precedence."""

from __future__ import annotations

import pytest

from _helpers import dump, fact, load, open_embedded, table, write_jsonl

RENAULT = {"entity": "Renault Group", "type": "Company", "aliases": ["Renault", "Gruppo Renault"], "country": "FR"}
PW = [
    fact("Renault", "PARTNERS_WITH", "Geely", domain="hybrid powertrains", status="active"),
    fact("Gruppo Renault", "PARTNERS_WITH", "Li Auto", status="prospective"),
]


@pytest.mark.parametrize("order", ["entity-first", "entity-last", "entity-in-later-file", "entity-in-later-load"])
def test_aliases_resolve_in_any_order(tmp_path, order):
    store = open_embedded(tmp_path)
    if order == "entity-first":
        load(store, write_jsonl(tmp_path / "a.jsonl", [RENAULT, *PW]))
    elif order == "entity-last":
        load(store, write_jsonl(tmp_path / "a.jsonl", [*PW, RENAULT]))
    elif order == "entity-in-later-file":
        load(store, write_jsonl(tmp_path / "a.jsonl", PW), write_jsonl(tmp_path / "b.jsonl", [RENAULT]))
    else:
        load(store, write_jsonl(tmp_path / "a.jsonl", PW))
        assert len(table(store, "partners", "company")) == 2
        names = {e["name"] for e in store.entity_rows()}
        assert {"Renault", "Gruppo Renault"} <= names  # two implicit entities before the record
        load(store, write_jsonl(tmp_path / "b.jsonl", [RENAULT]))
    assert table(store, "partners", "company", "partner", "domain", "status") == [
        ("Geely", "Renault Group", "hybrid powertrains", "active"),
        ("Li Auto", "Renault Group", None, "prospective"),
    ]
    companies = sorted(e["name"] for e in store.entity_rows() if e["type"] == "Company")
    assert companies == ["Geely", "Li Auto", "Renault Group"]
    assert table(store, "partners-of", "partner", company="renault") == [("Geely",), ("Li Auto",)]


def test_later_entity_record_merges_two_implicit_entities_and_their_relations(tmp_path):
    store = open_embedded(tmp_path)
    load(store, write_jsonl(tmp_path / "a.jsonl", [
        fact("Renault", "PARTNERS_WITH", "Geely", domain="Hybrid  Powertrains", source={"title": "one"}, status="prospective"),
        fact("Gruppo Renault", "PARTNERS_WITH", "Geely", domain="hybrid powertrains", source={"title": "two", "published": "2024"}),
    ]))
    assert len(table(store, "partners", "company")) == 2
    load(store, write_jsonl(tmp_path / "b.jsonl", [RENAULT]))
    assert table(store, "partners", "company", "partner", "domain", "status", "sources") == [
        ("Geely", "Renault Group", "hybrid powertrains", "prospective", 2)]  # spelling of the latest source


def test_symmetric_relation_identity_ignores_direction_case_and_spaces(tmp_path):
    store = open_embedded(tmp_path)
    report = load(store, write_jsonl(tmp_path / "a.jsonl", [
        fact("Renault", "PARTNERS_WITH", "Geely", domain="hybrid powertrains", source={"title": "a"}),
        fact("geely", "partners_with", "RENAULT", domain="Hybrid  Powertrains", source={"title": "b"}),
        fact("Renault", "PARTNERS_WITH", "Geely", domain="smart cockpits", source={"title": "a"}),
    ]))
    assert report.relations.summary()["new"] == 2
    # one relation; its spelling is the winning claim's (here the later record)
    assert table(store, "partners", "domain", "sources") == [("Hybrid  Powertrains", 2), ("smart cockpits", 1)]


def test_source_identity_by_canonical_url_and_by_title_publisher(tmp_path):
    store = open_embedded(tmp_path)
    report = load(store, write_jsonl(tmp_path / "a.jsonl", [
        fact("A", "PARTNERS_WITH", "B", source="HTTPS://News.Example.COM/story/#top"),
        fact("A", "PARTNERS_WITH", "C", source={"url": "https://news.example.com/story", "title": "Story"}),
        fact("A", "PARTNERS_WITH", "D", source={"title": "Story", "publisher": "Wire"}),
        fact("A", "PARTNERS_WITH", "E", source={"title": "story", "publisher": "wire"}),
        fact("A", "PARTNERS_WITH", "F", source={"title": "Story", "publisher": "Other"}),
    ]))
    assert report.sources.summary()["new"] == 3
    assert store.stats()["links"] == 5


def test_reload_changes_nothing(tmp_path):
    store = open_embedded(tmp_path)
    files = [write_jsonl(tmp_path / "a.jsonl", [RENAULT, *PW, fact("Luca de Meo", "WORKS_FOR", "Renault", role="CEO")])]
    first = load(store, *files)
    before = dump(store)
    second = load(store, *files)
    assert first.relations.summary() == {"new": 3, "updated": 0, "unchanged": 0}
    for kind in ("entities", "relations", "sources"):
        s = getattr(second, kind).summary()
        assert s["new"] == 0 and s["updated"] == 0 and s["unchanged"] > 0, kind
    assert dump(store) == before


NISSAN_HONDA = [
    fact("Nissan", "PARTNERS_WITH", "Honda", domain="merger", status="prospective",
         source={"title": "Talks begin", "publisher": "Wire", "published": "2024-12-23"}),
    fact("Honda", "PARTNERS_WITH", "Nissan", domain="Merger", status="ended",
         source={"title": "Talks end", "publisher": "Wire", "published": "2025-02-13"}),
]


@pytest.mark.parametrize("layout", ["in-order", "reversed", "two-files-reversed", "two-loads-reversed"])
def test_latest_source_wins_whatever_the_order(tmp_path, layout):
    store = open_embedded(tmp_path)
    a, b = NISSAN_HONDA
    if layout == "in-order":
        load(store, write_jsonl(tmp_path / "a.jsonl", [a, b]))
    elif layout == "reversed":
        load(store, write_jsonl(tmp_path / "a.jsonl", [b, a]))
    elif layout == "two-files-reversed":
        load(store, write_jsonl(tmp_path / "a.jsonl", [b]), write_jsonl(tmp_path / "b.jsonl", [a]))
    else:
        load(store, write_jsonl(tmp_path / "a.jsonl", [b]))
        load(store, write_jsonl(tmp_path / "b.jsonl", [a]))
    assert table(store, "partners", "company", "partner", "status", "sources") == [("Honda", "Nissan", "ended", 2)]
    assert table(store, "history", "published", "status", a="Nissan", b="Honda") == [
        ("2024-12-23", "prospective"), ("2025-02-13", "ended")]


def test_a_mention_without_status_makes_no_claim(tmp_path):
    store = open_embedded(tmp_path)
    load(store, write_jsonl(tmp_path / "a.jsonl", [
        *NISSAN_HONDA,
        fact("Nissan", "PARTNERS_WITH", "Honda", domain="merger",
             source={"title": "Later analysis", "published": "2025-06-01"}),
    ]))
    assert table(store, "partners", "status", "sources") == [("ended", 3)]


def test_precision_confidence_and_record_order_break_ties(tmp_path):
    store = open_embedded(tmp_path)
    load(store, write_jsonl(tmp_path / "a.jsonl", [
        fact("A", "PARTNERS_WITH", "B", status="ended", source={"title": "precise", "published": "2025-02-13"}),
        fact("A", "PARTNERS_WITH", "B", status="active", source={"title": "year only", "published": "2025"}),
        fact("A", "PARTNERS_WITH", "B", status="prospective", source={"title": "undated"}),
    ]))
    assert table(store, "partners", "status") == [("ended",)]
    load(store, write_jsonl(tmp_path / "b.jsonl", [
        fact("C", "PARTNERS_WITH", "D", status="ended", source={"title": "x", "published": "2025-01"}, confidence=0.9),
        fact("C", "PARTNERS_WITH", "D", status="active", source={"title": "y", "published": "2025-01"}, confidence=0.5),
        fact("E", "PARTNERS_WITH", "F", status="ended", source={"title": "x", "published": "2025-01"}),
        fact("E", "PARTNERS_WITH", "F", status="active", source={"title": "y", "published": "2025-01"}),
    ]))
    assert table(store, "partners", "company", "status") == [("A", "ended"), ("C", "ended"), ("E", "active")]


def test_relation_without_status_is_active_and_since_resolves_separately(tmp_path):
    store = open_embedded(tmp_path)
    load(store, write_jsonl(tmp_path / "a.jsonl", [
        fact("A", "PARTNERS_WITH", "B", since="2020", source={"title": "old", "published": "2021"}),
        fact("A", "PARTNERS_WITH", "B", until="2024", source={"title": "new", "published": "2024"}),
    ]))
    assert table(store, "partners-of", "partner", "status", "since", "until", company="A") == [("B", "active", "2020", "2024")]


def test_entity_records_merge_attributes_and_aliases(tmp_path):
    store = open_embedded(tmp_path)
    load(store, write_jsonl(tmp_path / "a.jsonl", [
        {"entity": "Xiaomi", "type": "Company", "aliases": ["Xiaomi Corp"], "country": "CN", "sector": "phones"},
        {"entity": "Xiaomi Corp", "type": "Company", "aliases": ["小米"], "sector": "technology"},
    ]))
    [e] = store.entity_rows()
    assert e["name"] == "Xiaomi"
    assert sorted(e["aliases"]) == ["Xiaomi Corp", "小米"]
    assert e["attrs"] == {"country": "CN", "sector": "technology"}


def test_alias_owned_by_another_entity_rejects_the_record(tmp_path):
    store = open_embedded(tmp_path)
    report = load(store, write_jsonl(tmp_path / "a.jsonl", [
        {"entity": "Geely", "type": "Company"},
        {"entity": "Volvo Cars", "type": "Company", "aliases": ["Volvo"]},
        {"entity": "Geely Holding", "type": "Company", "aliases": ["Geely", "Volvo"]},
    ]))
    [rej] = report.rejected
    assert rej.where.endswith("a.jsonl:3")
    assert "'Volvo'" in rej.reason and "'Volvo Cars'" in rej.reason and "'Geely'" in rej.reason
    assert sorted(e["name"] for e in store.entity_rows()) == ["Geely", "Volvo Cars"]


def test_names_match_after_nfkc_casefold_and_whitespace(tmp_path):
    store = open_embedded(tmp_path)
    load(store, write_jsonl(tmp_path / "a.jsonl", [
        fact("ＢＹＤ", "PARTNERS_WITH", "Toyota"),
        fact("byd", "PARTNERS_WITH", "  TOYOTA "),
        fact("Byd", "SUPPLIES", "Tesla", domain="batteries"),
    ]))
    assert sorted(e["name"] for e in store.entity_rows()) == ["Tesla", "Toyota", "ＢＹＤ"]


def test_types_from_signature_declaration_or_subject_type(tmp_path):
    store = open_embedded(tmp_path)
    report = load(store, write_jsonl(tmp_path / "a.jsonl", [
        fact("Lei Jun", "MET_WITH", "Luca de Meo"),  # line 1: neither side known: rejected
        fact("Luca de Meo", "MET_WITH", "Geely", subject_type="Person", object_type="Company"),
        fact("Li Xiang", "WORKS_FOR", "Li Auto", role="CEO"),
        fact("Li Xiang", "MET_WITH", "Luca de Meo"),  # both known now
        fact("Li Xiang", "PARTNERS_WITH", "Geely"),  # line 5: a Person cannot partner
        fact("Xiaomi", "MET_WITH", "Geely", subject_type="Company"),  # line 6: two companies
        fact("Geely", "PARTNERS_WITH", "geely"),  # line 7: same entity
        fact("Lei Jun", "MET_WITH", "Xiaomi Auto", object_type="Company"),  # line 8: Lei Jun is declared in b.jsonl
    ]), write_jsonl(tmp_path / "b.jsonl", [{"entity": "Lei Jun", "type": "Person"}]))
    reasons = {r.where.rsplit(":", 1)[1]: r.reason for r in report.rejected}
    assert sorted(reasons) == ["1", "5", "6", "7"]
    assert "set object_type to Person or Company" in reasons["1"]
    assert "is a Person, but the subject of PARTNERS_WITH must be Company" in reasons["5"]
    assert "MET_WITH needs a Person" in reasons["6"]
    assert "same Company" in reasons["7"]
    assert ("Lei Jun", "Xiaomi Auto") in table(store, "meetings", "person", "met_with")


def test_one_source_many_links_each_with_its_quote(tmp_path):
    store = open_embedded(tmp_path)
    src = {"url": "https://example.com/a", "title": "A"}
    load(store, write_jsonl(tmp_path / "a.jsonl", [
        fact("R", "PARTNERS_WITH", f"P{i}", source={**src, "quote": f"quote {i}"}) for i in range(6)]))
    st = store.stats()
    assert (st["sources"], st["links"], st["relations"]) == (1, 6, 6)
    assert table(store, "sources", "quote", a="R", b="P3") == [("quote 3",)]


def test_republished_source_reorders_claims(tmp_path):
    store = open_embedded(tmp_path)
    load(store, write_jsonl(tmp_path / "a.jsonl", [
        fact("A", "PARTNERS_WITH", "B", status="ended", source={"url": "https://x.test/1", "published": "2024"}),
        fact("A", "PARTNERS_WITH", "B", status="active", source={"url": "https://x.test/2", "published": "2023"}),
    ]))
    assert table(store, "partners", "status") == [("ended",)]
    load(store, write_jsonl(tmp_path / "b.jsonl", [
        fact("A", "PARTNERS_WITH", "C", source={"url": "https://x.test/2", "published": "2025"})]))
    assert table(store, "partners-of", "partner", "status", company="A") == [("B", "active"), ("C", "active")]


def test_a_relation_between_two_names_of_one_entity_is_dropped_with_a_warning(tmp_path):
    store = open_embedded(tmp_path)
    load(store, write_jsonl(tmp_path / "a.jsonl", [
        fact("Alpha", "PARTNERS_WITH", "Alpha Group"), fact("Alpha", "PARTNERS_WITH", "Beta")]))
    report = load(store, write_jsonl(tmp_path / "b.jsonl", [
        {"entity": "Alpha Group", "type": "Company", "aliases": ["Alpha"]}]))
    assert report.ok
    [warning] = report.warnings
    assert warning.startswith(f"{tmp_path / 'b.jsonl'}:1: warning: dropped PARTNERS_WITH between ")
    assert "both are now Company 'Alpha Group'" in warning
    assert table(store, "partners", "company", "partner") == [("Alpha Group", "Beta")]
    assert table(store, "hubs", "company", "partners") == [("Alpha Group", 1), ("Beta", 1)]


def test_a_name_resolves_again_once_another_fact_gives_it_a_second_entity(tmp_path):
    """A resolution is remembered only until the name's entities change: here a later fact
    creates a Person with a company's name, so the name no longer says which one it is."""
    store = open_embedded(tmp_path)
    report = load(store, write_jsonl(tmp_path / "a.jsonl", [
        {"entity": "Renault", "type": "Company"},
        {"entity": "Beijing Auto Show", "type": "Event"},
        fact("Renault", "ATTENDED", "Beijing Auto Show"),  # line 3: the Company
        fact("Renault", "WORKS_FOR", "Geely", subject_type="Person", role="driver"),  # a Person "Renault"
        fact("Renault", "ATTENDED", "Beijing Auto Show"),  # line 5: now two fit
    ]))
    assert [(r.where.rsplit(":", 1)[1], r.reason) for r in report.rejected] == [
        ("5", "subject 'Renault' names a Company and a Person; set subject_type")]


@pytest.fixture(params=["embedded", "neo4j"])
def any_store(request, tmp_path):
    if request.param == "embedded":
        s = open_embedded(tmp_path)
        yield s
        s.close()
    else:
        yield request.getfixturevalue("neo4j_store")


@pytest.mark.parametrize("batch_size", [1, 2000])
def test_a_source_redated_later_in_the_same_file_re_resolves_what_earlier_batches_wrote(any_store, tmp_path, batch_size):
    """A source first cited in one batch and given a later date by a record of a later batch of
    the same file: the relations the first batch wrote are resolved with the new date, as when
    the whole file is one batch, and loading the file again changes nothing."""
    t = {"title": "T", "url": "https://example.com/t", "published": "2024-01-01"}
    s = {"title": "S", "url": "https://example.com/s", "published": "2023-01-01"}
    path = write_jsonl(tmp_path / "f.jsonl", [
        fact("BYD", "PARTNERS_WITH", "Tesla", t, domain="EV"),
        fact("BYD", "PARTNERS_WITH", "Tesla", s, domain="ev"),
        fact("Nio", "PARTNERS_WITH", "Tesla", {**s, "published": "2025-01-01"}),
    ])
    assert load(any_store, path, batch_size=batch_size).ok
    first = dump(any_store)
    byd = [r for r in first["relations"] if "BYD" in str(r)]
    assert len(byd) == 1 and '"domain": "ev"' in str(byd[0])  # S, now 2025, is the latest claim
    assert load(any_store, path, batch_size=batch_size).ok
    assert dump(any_store) == first
