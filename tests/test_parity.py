"""Parity: every preset gives identical rows on Neo4j and on the embedded store.

The same files are loaded, in the same order, into both stores: the seed facts, the curated
facts, and seeded-random fact sets with aliases declared before and after the relations that use
them, symmetric duplicates with reversed sides and differently written domains, status changes
reported by dated and undated sources, and every predicate. Then every preset runs with several
parameter sets on both, and the rows (or the error) must be equal. A difference is a bug in one
of the two stores.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from _helpers import CURATED_FACTS, snapshot, write_jsonl
from autokg.errors import AutokgError
from autokg.graph.normalize import norm
from autokg.loaders import load_files
from autokg.queries.presets import PRESETS, run_preset

ROOT = Path(__file__).resolve().parent.parent
SEED = sorted((ROOT / "data" / "seed").glob("*.jsonl"))
CURATED = ROOT / "data" / "curated"
RANDOM_SEEDS = [1, 2, 3, 5, 8, 13]


# ---- a random fact set ----------------------------------------------------------------------

_SYLLABLES = ["ka", "ro", "mi", "to", "lu", "ze", "ta", "no", "vi", "sha", "qin", "dé", "ür", "an", "el"]
_DOMAINS = ["batteries", "hybrid powertrains", "smart cockpits", "autonomous driving", "chips", "software",
            "EV platforms", "charging", "hydrogen", None]
_ROLES = ["CEO", "CTO", "chair", "head of purchasing", "founder"]
_COUNTRIES = ["FR", "CN", "US", "DE", "JP", "KR", "IT", None]
_STAKES = [5, 10, 12.5, 20, 33.3, 49.99, 50, 100, 0.0005, 7.25]


def _variant(rng: random.Random, name: str) -> str:
    """The same name as another writer might type it: case and spacing changed."""
    pick = rng.random()
    if pick < 0.25:
        return name.upper()
    if pick < 0.45:
        return name.lower()
    if pick < 0.6:
        return "  " + name.replace(" ", "   ") + " "
    return name


def _domain_variant(rng: random.Random, domain):
    if domain is None:
        return None
    return rng.choice([domain, domain.title(), domain.upper(), domain.replace(" ", "  ")])


def random_fact_files(seed: int, folder: Path) -> list[list[Path]]:
    """Fact files for *seed*, grouped by load: each inner list is one ``load_files`` call."""
    rng = random.Random(seed)
    used: set[str] = set()

    def fresh(words: int) -> str:
        while True:
            name = " ".join("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
                            for _ in range(words))
            if norm(name) not in used:
                used.add(norm(name))
                return name

    companies = []
    for _ in range(rng.randint(30, 60)):
        name = fresh(rng.randint(1, 2))
        aliases = [fresh(1) + rng.choice([" Motors", " Group", " Tech", ""]) for _ in range(rng.choice([0, 0, 1, 2]))]
        companies.append({"name": name, "aliases": aliases, "country": rng.choice(_COUNTRIES),
                          "declared": rng.random() < 0.75})
    people = [{"name": fresh(2), "aliases": [fresh(1)] if rng.random() < 0.2 else []}
              for _ in range(rng.randint(8, 16))]
    events = [fresh(2) + " Show" for _ in range(2)]
    products = [fresh(1) + " " + rng.choice(["S", "X", "9"]) for _ in range(4)]

    sources = []
    for i in range(rng.randint(15, 30)):
        published = rng.choice([None, "2022", "2023-06", "2024-04-25", "2024-12-23", "2025-02-13", "2025",
                                f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"])
        src = {"publisher": rng.choice(["Reuters", "Nikkei", "Autocar", "XiaomiToday.it"])}
        if rng.random() < 0.8:
            src["url"] = f"https://news{i % 5}.example/story/{i}"
        src["title"] = f"Story {i}" if rng.random() < 0.9 or "url" not in src else None
        if src["title"] is None:
            del src["title"]
        if published:
            src["published"] = published
        sources.append(src)

    def source():
        src = dict(rng.choice(sources))
        if "url" in src and rng.random() < 0.3:  # the same document under another spelling
            scheme, _, rest = src["url"].partition("://")
            host, _, path = rest.partition("/")
            src["url"] = rng.choice([f"{scheme.upper()}://{host.upper()}/{path}", src["url"] + "/",
                                     src["url"] + "#comments"])
        if rng.random() < 0.6:
            src["quote"] = rng.choice(["they agreed", "talks are under way", "the deal ended", "a partner since"])
        return src

    def name_of(entity) -> str:
        return _variant(rng, rng.choice([entity["name"], *entity["aliases"]]))

    def with_confidence(rec):
        if rng.random() < 0.4:
            rec["confidence"] = rng.choice([0.5, 0.7, 0.9, 1])
        return rec

    facts = []
    pairs = set()
    for _ in range(rng.randint(40, 90)):
        a, b = rng.sample(range(len(companies)), 2)
        domain = rng.choice(_DOMAINS)
        pairs.add((a, b, domain))
    for a, b, domain in sorted(pairs, key=str):
        for _ in range(rng.choice([1, 1, 2, 3])):  # repeated reports, sides and spelling varying
            s, o = (a, b) if rng.random() < 0.5 else (b, a)
            rec = {"subject": name_of(companies[s]), "predicate": rng.choice(["PARTNERS_WITH", "partners_with"]),
                   "object": name_of(companies[o]), "source": source()}
            if domain is not None:
                rec["domain"] = _domain_variant(rng, domain)
            if rng.random() < 0.7:
                rec["status"] = rng.choice(["active", "prospective", "ended"])
            if rng.random() < 0.3:
                rec["since"] = rng.choice(["2019", "2021-03", "2023-07-01"])
            if rng.random() < 0.1:
                rec["until"] = "2025-01"
            facts.append(with_confidence(rec))
    for p in people:
        c = rng.choice(companies)
        rec = {"subject": name_of(p), "predicate": "WORKS_FOR", "object": name_of(c), "role": rng.choice(_ROLES),
               "source": source()}
        if rng.random() < 0.5:
            rec["since"] = rng.choice(["2015", "2020-07", "2023-01-15"])
        facts.append(with_confidence(rec))
    for _ in range(rng.randint(5, 15)):
        p = rng.choice(people)
        if rng.random() < 0.5:
            other, other_type = rng.choice([q for q in people if q is not p]), "Person"
        else:
            other, other_type = rng.choice(companies), "Company"
        rec = {"subject": name_of(p), "subject_type": "Person", "predicate": "MET_WITH", "object": name_of(other),
               "object_type": other_type, "source": source()}
        if rng.random() < 0.5:
            rec["subject"], rec["object"] = rec["object"], rec["subject"]
            rec["subject_type"], rec["object_type"] = rec["object_type"], rec["subject_type"]
        if rng.random() < 0.6:
            rec["date"] = rng.choice(["2024-04-25", "2024-04", "2023"])
        if rng.random() < 0.5:
            rec["event"] = rng.choice(events)
        facts.append(with_confidence(rec))
    for _ in range(rng.randint(3, 8)):
        a, b = rng.sample(companies, 2)
        rec = {"subject": name_of(a), "predicate": "INVESTS_IN", "object": name_of(b), "source": source()}
        if rng.random() < 0.8:
            rec["stake_pct"] = rng.choice(_STAKES)
        facts.append(with_confidence(rec))
    for _ in range(rng.randint(3, 8)):
        a, b = rng.sample(companies, 2)
        pred = rng.choice(["SUPPLIES", "SUBSIDIARY_OF"])
        rec = {"subject": name_of(a), "predicate": pred, "object": name_of(b), "source": source()}
        if pred == "SUPPLIES" and rng.random() < 0.8:
            rec["domain"] = _domain_variant(rng, rng.choice(_DOMAINS[:-1]))
        facts.append(rec)
    for product in products:
        facts.append({"subject": name_of(rng.choice(companies)), "predicate": "MAKES", "object": product,
                      "source": source()})
    for event in events:
        for who in rng.sample(people, 2):
            facts.append({"subject": name_of(who), "subject_type": "Person", "predicate": "ATTENDED",
                          "object": event, "date": "2024-04", "source": source()})
    rng.shuffle(facts)

    entities = []
    for c in companies:
        if c["declared"]:
            rec = {"entity": c["name"], "type": "Company", "aliases": c["aliases"]}
            if c["country"]:
                rec["country"] = c["country"]
            entities.append(rec)
    for p in people:
        if p["aliases"] or rng.random() < 0.5:
            entities.append({"entity": p["name"], "type": "Person", "aliases": p["aliases"]})
    rng.shuffle(entities)
    # a later record naming an entity by an alias: attributes change, the display name stays
    for c in rng.sample(companies, 3):
        if c["declared"] and c["aliases"]:
            entities.append({"entity": _variant(rng, c["aliases"][0]), "type": "Company",
                             "country": rng.choice(_COUNTRIES[:-1])})

    def write(name: str, records) -> Path:
        return write_jsonl(folder / name, records)

    cut = [0, len(facts) // 3, 2 * len(facts) // 3, len(facts)]
    half = len(entities) // 2
    mixed = facts[cut[0]:cut[1]] + entities[:half]
    rng.shuffle(mixed)  # entity records before and after the relations that use them
    first = write("part1.jsonl", mixed)
    second = write("part2.jsonl", facts[cut[1]:cut[2]])
    late_entities = write("entities-late.jsonl", entities[half:])  # declared after their relations
    third = write("part3.jsonl", facts[cut[2]:])
    loads = [[first], [second, late_entities], [third], [first]]  # the last one reloads a file
    if rng.random() < 0.5:
        loads.insert(2, [late_entities, second])
    return loads


# ---- parameter sets -------------------------------------------------------------------------

def _param_sets(store, seed: int) -> list[tuple[str, dict]]:
    """Several parameter sets per preset, drawn from what *store* holds."""
    rng = random.Random(seed)
    ents = store.entity_rows()
    rels = store.relation_rows()
    companies = [e for e in ents if e["type"] == "Company"]
    people = [e for e in ents if e["type"] == "Person"]
    names = lambda es: [rng.choice([e["name"], *e["aliases"]]) for e in es]  # noqa: E731
    connected = {}
    for r in rels:
        connected.setdefault(r["subject_id"], []).append(r["object_id"])
    by_id = {e["id"]: e for e in ents}
    some_companies = names(rng.sample(companies, min(8, len(companies))))
    pairs = [(rng.choice([by_id[s]["name"], *by_id[s]["aliases"]]).upper(), by_id[rng.choice(os)]["name"])
             for s, os in rng.sample(sorted(connected.items()), min(8, len(connected)))]
    pairs += [(a, b) for a, b in zip(some_companies, reversed(some_companies))][:4]
    domains = [r["key_display"] for r in rels if r["predicate"] == "PARTNERS_WITH" and r["key_display"]]
    substrings = sorted({d[1:5].upper() for d in rng.sample(domains, min(4, len(domains)))}) + ["o", "zzz"]
    countries = sorted({e["attrs"]["country"] for e in companies if e["attrs"].get("country")})
    hubs = [a for a, _ in pairs[:3]]
    # pairs that share a partner, companies with people, people who met someone
    adjacent: dict[str, set[str]] = {}
    for r in rels:
        if r["predicate"] == "PARTNERS_WITH":
            adjacent.setdefault(r["subject_id"], set()).add(r["object_id"])
            adjacent.setdefault(r["object_id"], set()).add(r["subject_id"])
    shared = [sorted(ps) for _, ps in sorted(adjacent.items()) if len(ps) >= 2]
    for ps in rng.sample(shared, min(6, len(shared))):
        a, b = rng.sample(ps, 2)
        pairs.append((by_id[a]["name"], rng.choice([by_id[b]["name"], *by_id[b]["aliases"]])))
    employers = sorted({r["object_id"] for r in rels if r["predicate"] == "WORKS_FOR"})
    hubs += [by_id[i]["name"] for i in rng.sample(employers, min(4, len(employers)))]
    met = sorted({i for r in rels if r["predicate"] == "MET_WITH" for i in (r["subject_id"], r["object_id"])})
    people = [by_id[i] for i in rng.sample(met, min(4, len(met)))] + people[:3]

    out: list[tuple[str, dict]] = []
    for status in (None, "active", "prospective", "ended"):
        out.append(("partners", {"status": status}))
    for d in substrings:
        out += [("partners", {"domain": d}), ("partners", {"domain": d, "status": "active"}),
                ("by-domain", {"domain": d})]
    for c in some_companies + hubs:
        out += [("partners-of", {"company": c}), ("partners-of", {"company": c, "status": "ended"}),
                ("people-of", {"company": c}), ("timeline", {"company": c})]
    for since in (None, "2024", "2024-06", "2025-02-13", "2030"):
        out.append(("prospective", {"since": since}))
    for a, b in pairs:
        out += [("common-partners", {"a": a, "b": b}), ("path", {"a": a, "b": b}),
                ("path", {"a": a, "b": b, "include_ended": True}), ("path", {"a": a, "b": b, "max_hops": 1}),
                ("sources", {"a": a, "b": b}), ("history", {"a": a, "b": b})]
    for limit in (None, 3, 0, 1000):
        out.append(("hubs", {"limit": limit}))
    combos = [(None, None)] + [(c, None) for c in countries[:3]] + [(None, c) for c in countries[-2:]]
    combos += [(a, b) for a, b in zip(countries, reversed(countries))][:4]
    # none, one on either side, two (and the same one twice), each with and without a status
    combos += [(countries[0], countries[0])] if countries else []
    for i, (ca, cb) in enumerate(combos):
        out += [("cross-border", {"country_a": ca, "country_b": cb}),
                ("cross-border", {"country_a": ca, "country_b": cb, "status": "active"}),
                ("cross-border", {"country_a": ca, "country_b": cb, "status": ("prospective", "ended")[i % 2]})]
    out.append(("meetings", {}))
    for p in names(people) + some_companies[:2]:
        out.append(("meetings", {"person": p}))
    out.append(("partners-of", {"company": "no such company at all"}))
    for _ in range(4):  # random dates of every precision, and the default (today)
        day = f"{rng.randrange(2015, 2031)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 32):02d}"
        day = day[:rng.choice((4, 7, 10))] if not day.endswith(("-29", "-30", "-31")) else day[:7]
        out.append(("stale", {"as_of": day, "older_than": rng.choice((None, 0, 6, 24, 120))}))
    out.append(("stale", {}))
    assert {p for p, _ in out} == set(PRESETS)
    # Every run again as of a random date: of any precision, on and around the dates the random
    # sources carry, before all of them and after all of them.
    dates = ["2010", "2022", "2023-06", "2024-04-25", "2024-04-24", "2024-12", "2024-12-23", "2025",
             "2025-02-13", "2025-02-12", "2031"]
    for _ in range(4):
        day = f"{rng.randrange(2021, 2027)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        dates.append(day[:rng.choice((4, 7, 10))])
    out += [(preset, {**params, "as_of": params.get("as_of") or rng.choice(dates)}) for preset, params in out]
    return out


def _answer(store, preset: str, params: dict):
    try:
        return run_preset(store, preset, **params)
    except AutokgError as exc:  # the same user-facing error on both sides is parity too
        return f"{type(exc).__name__}: {exc}"


def _assert_parity(neo, emb, seed: int, only: tuple[str, ...] = ()) -> int:
    assert snapshot(neo) == snapshot(emb)
    assert neo.stats() == emb.stats()
    diffs = []
    sets = [(p, kw) for p, kw in _param_sets(emb, seed) if not only or p in only]
    for preset, params in sets:
        want, got = _answer(emb, preset, params), _answer(neo, preset, params)
        if want != got:
            diffs.append(f"{preset} {params}:\n  embedded: {want}\n  neo4j:    {got}")
    assert not diffs, f"{len(diffs)} of {len(sets)} preset runs differ:\n" + "\n".join(diffs[:10])
    return len(sets)


def _load_both(neo, emb, loads: list[list[Path]], **options) -> None:
    for files in loads:
        paths = [str(p) for p in files]
        a = load_files(emb, paths, **options).as_dict()
        b = load_files(neo, paths, **options).as_dict()
        assert a == b  # the same counts and the same rejections


# ---- the tests ------------------------------------------------------------------------------

def test_parity_on_the_seed_facts(neo4j_store, embedded_store):
    _load_both(neo4j_store, embedded_store, [SEED])
    assert _assert_parity(neo4j_store, embedded_store, 0) > 100
    assert run_preset(neo4j_store, "partners-of", company="Gruppo Renault")  # not vacuous


def test_parity_on_the_curated_facts(neo4j_store, embedded_store):
    if not CURATED.is_dir():
        pytest.skip("data/curated/ does not exist yet")
    files = CURATED_FACTS
    entity_files = [f for f in files if "entit" in f.name]
    _load_both(neo4j_store, embedded_store, [[*entity_files, *[f for f in files if f not in entity_files]], SEED])
    assert len(run_preset(neo4j_store, "partners")) >= 60
    _assert_parity(neo4j_store, embedded_store, 1)


@pytest.mark.parametrize("seed", RANDOM_SEEDS)
def test_parity_on_random_facts(neo4j_store, embedded_store, tmp_path, seed):
    loads = random_fact_files(seed, tmp_path)
    _load_both(neo4j_store, embedded_store, loads)
    stats = embedded_store.stats()
    assert stats["relations:PARTNERS_WITH"] >= 30 and stats["relations:MET_WITH"] >= 3
    _assert_parity(neo4j_store, embedded_store, seed)


@pytest.mark.parametrize("seed", RANDOM_SEEDS[:3])
def test_parity_when_small_batches_stream_in_small_transactions(neo4j_settings, embedded_store, tmp_path, seed):
    """Neo4j receives each batch of 5 facts while the next one is merged, and commits every 30
    rows or so: relations and sources met again in later batches, or moved by an alias merge,
    end exactly as the embedded store has them."""
    from autokg.graph.neo4j import Neo4jStore

    with Neo4jStore(**neo4j_settings, tx_rows=30) as neo:
        neo.delete_all()
        _load_both(neo, embedded_store, random_fact_files(seed, tmp_path), batch_size=5)
        _assert_parity(neo, embedded_store, seed)


@pytest.mark.parametrize("seed", [2, 8])
def test_parity_of_the_aggregates_after_merges_their_undo_and_later_changes(neo4j_store, embedded_store,
                                                                            tmp_path, seed):
    """The aggregates that the embedded store answers from tables its writer keeps (cross-border
    from its table of partnerships by country, hubs and the domain search from theirs) and
    prospective, after entity merges (judge same), their undo, and later records that change
    countries and statuses."""
    from autokg.graph.judgements import judge, undo

    aggregates = ("cross-border", "prospective", "hubs", "by-domain", "partners")
    _load_both(neo4j_store, embedded_store, random_fact_files(seed, tmp_path))
    rng = random.Random(seed)
    ents = embedded_store.entity_rows()
    with_country = sorted(e["id"] for e in ents if e["type"] == "Company" and e["attrs"].get("country"))
    c = rng.sample(with_country, 5)
    pairs = [(c[0], c[1]), (c[2], c[3]), (c[1], c[4])]  # the last one joins the first cluster
    for store in (neo4j_store, embedded_store):
        for a, b in pairs:
            judge(store, "same", a, b)
    assert _assert_parity(neo4j_store, embedded_store, seed, aggregates) > 50
    for store in (neo4j_store, embedded_store):
        undo(store, *pairs[0])
    _assert_parity(neo4j_store, embedded_store, seed, aggregates)
    names = {e["id"]: e["name"] for e in embedded_store.entity_rows()}
    later = [{"entity": names[i], "type": "Company", "country": rng.choice(["FR", "CN", "US"])}
             for i in rng.sample(with_country, 6)]
    for r in rng.sample(embedded_store.relation_rows("PARTNERS_WITH"), 10):
        rec = {"subject": names[r["subject_id"]], "predicate": "PARTNERS_WITH", "object": names[r["object_id"]],
               "status": rng.choice(["active", "prospective", "ended"]),
               "source": {"url": f"https://later.example/{r['id']}", "published": rng.choice(["2025-03", "2026"])}}
        if r["key_display"] is not None:
            rec["domain"] = r["key_display"]
        later.append(rec)
    _load_both(neo4j_store, embedded_store, [[write_jsonl(tmp_path / "later.jsonl", later)]])
    _assert_parity(neo4j_store, embedded_store, seed, aggregates)
    for store in (neo4j_store, embedded_store):
        undo(store, *pairs[1])
    _assert_parity(neo4j_store, embedded_store, seed, aggregates)


def test_parity_with_strict_and_dry_run_loads(neo4j_store, embedded_store, tmp_path):
    loads = random_fact_files(99, tmp_path)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(loads[0][0].read_text("utf-8") + '{"subject": "A", "predicate": "OWNS", "object": "B", '
                   '"source": "https://x.example"}\n', encoding="utf-8")
    for store in (embedded_store, neo4j_store):
        load_files(store, [str(bad)], strict=True)
        load_files(store, [str(p) for p in loads[1]], dry_run=True)
    assert neo4j_store.stats()["entities"] == embedded_store.stats()["entities"] == 0
    _load_both(neo4j_store, embedded_store, [[bad], *loads[1:]])
    _assert_parity(neo4j_store, embedded_store, 99)


def test_parity_on_edge_cases(neo4j_store, embedded_store, tmp_path):
    """Hand-made corners: a relation dropped when two names turn out to be one company,
    a person and a company of the same name, tiny and whole stakes, undated sources only, ties in
    every ordering, names that sort differently by code point than by letter."""
    src = lambda i, **kw: {"url": f"https://edge.example/{i}", **kw}  # noqa: E731
    first = write_jsonl(tmp_path / "first.jsonl", [
        {"subject": "Alpha", "predicate": "PARTNERS_WITH", "object": "Alpha Group", "domain": "self", "source": src(1)},
        {"subject": "Alpha", "predicate": "PARTNERS_WITH", "object": "Beta", "source": src(2)},
        {"subject": "Beta", "predicate": "PARTNERS_WITH", "object": "Alpha", "domain": "chips", "status": "ended",
         "source": src(3, published="2024")},
        {"subject": "Beta", "predicate": "PARTNERS_WITH", "object": "Gamma", "domain": "chips", "source": src(4)},
        {"subject": "Gamma", "predicate": "PARTNERS_WITH", "object": "Alpha", "domain": "Chips", "source": src(5)},
        {"subject": "Zeta", "predicate": "PARTNERS_WITH", "object": "Éclair", "domain": "x", "status": "prospective",
         "source": src(6)},
        {"subject": "Zeta", "predicate": "PARTNERS_WITH", "object": "eclair", "domain": "y", "status": "prospective",
         "source": src(7, published="2025-01")},
        {"subject": "Zeta", "predicate": "INVESTS_IN", "object": "Beta", "stake_pct": 0.00005, "source": src(8)},
        {"subject": "Zeta", "predicate": "INVESTS_IN", "object": "Gamma", "stake_pct": 0.0002, "source": src(8)},
        {"subject": "Zeta", "predicate": "INVESTS_IN", "object": "Alpha", "stake_pct": 25.0, "since": "2020",
         "source": src(9)},
        {"subject": "Zeta", "predicate": "INVESTS_IN", "object": "Éclair", "stake_pct": 12.345, "source": src(9)},
        {"subject": "Mu", "subject_type": "Person", "predicate": "MET_WITH", "object": "Mu", "object_type": "Company",
         "date": "2024-04", "source": src(10)},
        {"subject": "Nu", "subject_type": "Person", "predicate": "MET_WITH", "object": "Mu", "object_type": "Person",
         "source": src(10)},
        {"subject": "Mu", "subject_type": "Person", "predicate": "WORKS_FOR", "object": "Mu", "role": "founder",
         "source": src(11)},
        {"subject": "Nu", "predicate": "WORKS_FOR", "object": "Zeta", "role": "CEO", "since": "2019", "source": src(11)},
        {"subject": "Nu", "predicate": "WORKS_FOR", "object": "Zeta", "role": "chair", "since": "2019", "source": src(11)},
    ])
    second = write_jsonl(tmp_path / "second.jsonl", [
        {"entity": "Alpha", "type": "Company", "aliases": ["Alpha Group"], "country": "DE"},
        {"entity": "Beta", "type": "Company", "country": "FR"},
        {"entity": "Gamma", "type": "Company", "country": "FR"},
        {"entity": "Éclair", "type": "Company", "country": "CN"},
        {"entity": "Zeta", "type": "Company", "country": "US"},
    ])
    _load_both(neo4j_store, embedded_store, [[first], [second]])
    loops = [r for r in embedded_store.relation_rows() if r["subject_id"] == r["object_id"]]
    assert loops == []  # Alpha partners with Alpha Group, which is Alpha: dropped with a warning
    sets = [("partners", {}), ("partners-of", {"company": "Alpha"}), ("partners-of", {"company": "Mu"}),
            ("hubs", {}), ("common-partners", {"a": "Alpha", "b": "Gamma"}), ("common-partners", {"a": "Alpha", "b": "Alpha"}),
            ("path", {"a": "Alpha", "b": "Alpha"}), ("path", {"a": "Zeta", "b": "Gamma", "include_ended": True}),
            ("sources", {"a": "Alpha", "b": "Alpha"}), ("history", {"a": "Alpha", "b": "Beta"}),
            ("timeline", {"company": "Alpha"}), ("timeline", {"company": "Zeta"}), ("timeline", {"company": "Mu"}),
            ("meetings", {}), ("meetings", {"person": "Mu"}), ("people-of", {"company": "Zeta"}),
            ("people-of", {"company": "Mu"}), ("prospective", {}), ("cross-border", {"country_a": "FR"}),
            ("cross-border", {"country_a": "FR", "country_b": "FR"}), ("by-domain", {"domain": "CHIP"})]
    diffs = [(p, kw, _answer(embedded_store, p, kw), _answer(neo4j_store, p, kw)) for p, kw in sets]
    assert [d for d in diffs if d[2] != d[3]] == []
    stakes = {r["detail"] for r in run_preset(neo4j_store, "timeline", company="Zeta") if r["predicate"] == "INVESTS_IN"}
    assert stakes == {"5e-05% stake", "0.0002% stake", "25% stake", "12.345% stake"}
    _assert_parity(neo4j_store, embedded_store, 7)


def test_parity_when_only_the_publisher_differs(neo4j_store, embedded_store, tmp_path):
    records = [{"subject": "A", "predicate": "PARTNERS_WITH", "object": "B", "domain": "d", "status": status,
                "source": {"title": "Same title", "publisher": publisher, "published": "2024"}}
               for publisher, status in (("Zed", "active"), ("Alpha", "active"), ("Mid", "ended"))]
    path = write_jsonl(tmp_path / "ties.jsonl", records)
    _load_both(neo4j_store, embedded_store, [[path]])
    for preset in ("sources", "history"):
        assert _answer(neo4j_store, preset, {"a": "A", "b": "B"}) == _answer(embedded_store, preset, {"a": "A", "b": "B"})


def test_as_of_on_the_curated_facts(neo4j_store, embedded_store):
    """Nissan and Honda's merger talks: not reported as of 2024-06, prospective as of 2025-01,
    ended as of 2025-03; the earlier partnership in software is there all along. On both stores."""
    files = sorted(CURATED.glob("*.jsonl"))
    entity_files = [f for f in files if "entit" in f.name]
    _load_both(neo4j_store, embedded_store, [[*entity_files, *[f for f in files if f not in entity_files]]])
    for store in (embedded_store, neo4j_store):
        def talks(as_of):
            return [(r["status"], r["sources"]) for r in run_preset(store, "partners-of", company="Nissan", as_of=as_of)
                    if r["partner"] == "Honda" and r["domain"] == "merger talks"]

        assert talks("2024-06") == []
        assert talks("2025-01") == [("prospective", 1)]
        assert talks("2025-03") == [("ended", 2)]
        assert talks(None) == [("ended", 2)]
        assert [(r["published"], r["status"]) for r in run_preset(store, "history", a="Nissan", b="Honda",
                                                                   as_of="2025-01")] == [
            ("2024-03-16", "active"), ("2024-12-23", "prospective")]
        # the source of 2025-02-13 counts from that day on, and not the day before
        assert talks("2025-02-12") == [("prospective", 1)] and talks("2025-02-13") == [("ended", 2)]
        # partnerships that had no source yet do not exist: fewer rows, never more
        assert len(run_preset(store, "partners", as_of="2015")) < len(run_preset(store, "partners"))
