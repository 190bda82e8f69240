"""Candidate duplicates, best first: entities that may be one, relations that may be one.

Entities of one type are compared only within blocks (a token of a simplified name, the first
letters of the name, a Wikidata id), never all pairs with all pairs. A name is simplified before
it is compared: accents, case and punctuation go, and so do legal forms (AG, SE, S.p.A., GmbH,
Co., Ltd, Inc., N.V., Group, Holding, Corporation, … in the languages of the data). Names score
with rapidfuzz's token sort ratio; the same Wikidata id is a certain match, different Wikidata
ids and different countries count against.

Relations are candidates when they have the same predicate and the same pair of entities but
different keys (domains or roles); they score by key similarity and overlapping periods.

Pairs already judged (same, different or unsure) are not suggested again.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from itertools import combinations

from autokg.graph.model import schema
from autokg.graph.resolution import Judgements

__all__ = ["DEDUPE_COLUMNS", "dedupe", "simplify"]

DEDUPE_COLUMNS = ("kind", "a", "b", "score", "reasons", "a_id", "b_id")

# Legal forms and group words, compared after simplification (dots dropped, so S.p.A. is spa).
_LEGAL = frozenset("""
ag se gmbh mbh kg kgaa co corp corporation company companies inc incorporated ltd limited llc plc lp llp
nv bv sa sas sarl spa srl sl ab asa oyj oy as aps kk ks pte pvt bhd tbk jsc pjsc oao ooo
group groupe gruppo gruppe grupo holding holdings aktiengesellschaft kabushiki kaisha
""".split())
_PUNCT = re.compile(r"[^\w]+")
_MAX_BLOCK = 200  # a token shared by more names than this says little: it makes no block


@functools.lru_cache(maxsize=262144)
def simplify(name: str) -> str:
    """*name* without accents, case, punctuation and legal forms (``Volkswagen AG`` ->
    ``volkswagen``); the name itself, simplified, if nothing else would remain."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace(".", "").replace("&", " and ")
    tokens = _PUNCT.sub(" ", text).split()
    kept = [t for t in tokens if t not in _LEGAL]
    return " ".join(kept or tokens)


def _judged(store, entities: dict[str, dict]) -> set[frozenset]:
    """The pairs (of view ids) already judged."""
    rows = store.kept_rows("judgement") if hasattr(store, "kept_rows") else {}
    j = Judgements(rows)
    canon: dict[str, str] = {}

    def view(x: str) -> str:
        if x not in canon:
            members = j.cluster("entity", x)
            canon[x] = next((m for m in sorted(members) if m in entities), x)
        return canon[x]

    out: set[frozenset] = set()
    for r in rows.values():
        if r["kind"] == "entity":
            out.add(frozenset((view(r["a_id"]), view(r["b_id"]))))
        else:
            out.add(frozenset((r["a_id"], r["b_id"])))
    return out


def _entity_candidates(rows: list[dict], judged: set[frozenset], min_score: float = 0.0) -> list[dict]:
    from rapidfuzz import fuzz

    blocks: dict[tuple, list[int]] = {}
    simple: list[list[str]] = []
    for i, e in enumerate(rows):
        names = list(dict.fromkeys(simplify(n) for n in [e["name"], *e["aliases"]] if simplify(n)))
        simple.append(names)
        keys = set()
        for n in names:
            keys.update(("t", t) for t in n.split() if len(t) > 1)
            # the beginning of the name, and each form of it with one letter less: two names
            # one typo apart at their start share one of these
            c = n.replace(" ", "")
            keys.add(("d", c[:6]))
            keys.update(("d", c[:i] + c[i + 1:7]) for i in range(min(7, len(c))))
        wd = e["attrs"].get("wikidata")
        if wd:
            keys.add(("w", wd))
        for k in keys:
            blocks.setdefault((e["type"], *k), []).append(i)
    # words many names share ("motor", "auto", "technology") say little on their own
    df: dict[str, int] = {}
    for names in simple:
        for t in {t for n in names for t in n.split()}:
            df[t] = df.get(t, 0) + 1
    common = {t for t, n in df.items() if n >= max(3, len(rows) // 200)}
    # each name as (simplified, its words sorted): a token sort ratio is the plain ratio of the
    # sorted words
    forms = [[(n, " ".join(sorted(n.split()))) for n in names] for names in simple]

    pairs: set[tuple[int, int]] = set()
    for key, members in blocks.items():
        if len(members) < 2 or (len(members) > _MAX_BLOCK and key[1] != "w"):
            continue
        pairs.update(combinations(members, 2))
    cutoff = min_score * 100
    ratio = fuzz.ratio
    out = []
    for i, k in pairs:
        a, b = rows[i], rows[k]
        wa, wb = a["attrs"].get("wikidata"), b["attrs"].get("wikidata")
        best, names = 0.0, ("", "")
        for x, xs in forms[i]:
            for y, ys in forms[k]:
                if x == y or x.replace(" ", "") == y.replace(" ", ""):
                    s = 100.0
                else:
                    s = ratio(xs, ys, score_cutoff=cutoff)
                    # where both names have words the other lacks, those words must be alike
                    # too: "Geely Automobile" and "Chery Automobile" are not one company
                    if s:
                        wx, wy = set(xs.split()), set(ys.split())
                        rx, ry = sorted(wx - wy), sorted(wy - wx)
                        if rx and ry and (set(rx) | set(ry)) - common:
                            s = min(s, ratio(" ".join(rx), " ".join(ry)))
                if s > best:
                    best, names = s, (x, y)
        if best < cutoff and not (wa and wa == wb):
            continue  # penalties only lower a score: this pair cannot reach the minimum
        if frozenset((a["id"], b["id"])) in judged:
            continue
        if (a["name"], a["id"]) > (b["name"], b["id"]):
            a, b, wa, wb = b, a, wb, wa
            names = (names[1], names[0])
        score = best / 100
        if names[0] == names[1]:
            reasons = [f"same name after normalisation ({names[0]!r})"]
        else:
            reasons = [f"similar names {names[0]!r} and {names[1]!r} ({score:.2f})"]
        if wa and wb and wa == wb:
            score = 1.0
            reasons.insert(0, f"same Wikidata id {wa}")
        elif wa and wb:
            score -= 0.3
            reasons.append(f"different Wikidata ids {wa} and {wb}")
        ca, cb = a["attrs"].get("country"), b["attrs"].get("country")
        if ca and cb and ca != cb:
            score -= 0.2
            reasons.append(f"different countries {ca} and {cb}")
        out.append({"kind": "entity", "a": a["name"], "b": b["name"], "score": round(max(score, 0.0), 2),
                    "reasons": "; ".join(reasons), "a_id": a["id"], "b_id": b["id"]})
    return out


def _overlap(pa: dict, pb: dict) -> bool | None:
    """Whether the periods of two relations overlap; None when neither is dated."""
    sa, ua, sb, ub = pa.get("since"), pa.get("until"), pb.get("since"), pb.get("until")
    if not any((sa, ua, sb, ub)):
        return None
    lo = max(sa or "", sb or "")
    hi = min(ua or "9999", ub or "9999")
    return lo[: len(hi)] <= hi


def _relation_candidates(relations: list[dict], names: dict[str, str], judged: set[frozenset]) -> list[dict]:
    from rapidfuzz import fuzz

    s = schema()
    by_pair: dict[tuple, list[dict]] = {}
    for r in relations:
        pred = s.predicates[r["predicate"]]
        if not pred.key:
            continue
        ends = tuple(sorted((r["subject_id"], r["object_id"]))) if pred.symmetric else (r["subject_id"], r["object_id"])
        by_pair.setdefault((r["predicate"], *ends), []).append(r)
    def label(r: dict, pred_name: str) -> str:
        key = r["key_display"]
        ends = [names.get(r["subject_id"], r["subject_id"]), names.get(r["object_id"], r["object_id"])]
        if s.predicates[pred_name].symmetric:  # one orientation for both sides of the pair
            ends.sort()
        return f"{ends[0]} {pred_name} {ends[1]} ({key if key is not None else 'no key'})"

    out = []
    for (pred_name, *_), rels in by_pair.items():
        for a, b in combinations(sorted(rels, key=lambda r: r["id"]), 2):
            if frozenset((a["id"], b["id"])) in judged:
                continue
            la, lb = label(a, pred_name), label(b, pred_name)
            if la > lb:
                a, b, la, lb = b, a, lb, la
            ka, kb = a["key_display"], b["key_display"]
            sim = fuzz.token_set_ratio(ka or "", kb or "") / 100 if ka and kb else 0.0
            score = 0.5 + 0.3 * sim
            reasons = [f"same {pred_name} pair", f"keys {ka!r} and {kb!r} ({sim:.2f})"]
            overlap = _overlap(a["props"], b["props"])
            if overlap is True:
                score += 0.2
                reasons.append("periods overlap")
            elif overlap is None:
                score += 0.1
                reasons.append("no periods to compare")
            else:
                reasons.append("periods do not overlap")
            out.append({"kind": "relation", "a": la, "b": lb, "score": round(score, 2),
                        "reasons": "; ".join(reasons), "a_id": a["id"], "b_id": b["id"]})
    return out


def dedupe(store, *, type_: str | None = None, min_score: float = 0.8, limit: int | None = None,
           kinds: tuple[str, ...] = ("entity", "relation")) -> list[dict]:
    """Candidate duplicates of *store* scoring at least *min_score*, best first (then by ``a``,
    ``b``), at most *limit*; dicts keyed by :data:`DEDUPE_COLUMNS`. *type_* keeps the entities of
    one type (any case) and the relations between entities of that type."""
    rows = store.entity_rows()
    entities = {e["id"]: e for e in rows}
    if type_:
        want = type_.lower()
        rows = [e for e in rows if e["type"].lower() == want]
    judged = _judged(store, entities)
    out: list[dict] = []
    if "entity" in kinds:
        out += _entity_candidates(rows, judged, min_score)
    if "relation" in kinds:
        keep = {e["id"] for e in rows}
        rels = [r for r in store.relation_rows() if r["subject_id"] in keep and r["object_id"] in keep]
        out += _relation_candidates(rels, {i: e["name"] for i, e in entities.items()}, judged)
    out = [r for r in out if r["score"] >= min_score]
    out.sort(key=lambda r: (-r["score"], r["kind"], r["a"], r["b"], r["a_id"], r["b_id"]))
    return out[:limit] if limit is not None else out
