"""A learned pair classifier beside the rules of ``autokg extract``, measured held out.

Usage:  python benchmarks/extract_pairs.py ARTICLES_DIR [--threshold T ...] [--fraction F]

Would a statistical reader find the facts the rules miss? This trains one, on the annotated
development articles, and measures it on articles it was not trained on.

- Examples: every pair of names (a company and a company or a person) that the extractor's name
  recognition finds in one sentence, read in text order. Its labels come from the annotated facts
  whose quote lies in that sentence; a fact annotated from another sentence makes the pair
  neither a positive nor a negative for that label.
- Features: the words between the two names (and their first five letters), three words either
  side, the sentence's words, the lexicon's cue classes before, between and after the pair, the
  names' kinds and sectors, whether a name is the article's main company, the language.
- Model: one logistic regression per relation and direction (:data:`LABELS`), AdaGrad with L2,
  deterministic (a fixed order, no sampling). Pure Python: a few seconds per model.
- Measure: the articles are split into folds by batch (the first letter of the file name); each
  fold is read by a model trained on the other folds. Printed: the rules alone; the model alone;
  the rules with the model's facts added where the rules have none (per threshold).
  ``--fraction`` trains each fold's model on a share of the other folds (a learning curve).

BENCHMARKS.md gives the figures and why the model is not part of ``autokg extract``.
"""

from __future__ import annotations

import argparse
import itertools
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import extract_quality as q
from autokg.extract import extract
from autokg.extract.core import _Article, _sector
from autokg.extract.names import NameIndex

ROOT = Path(__file__).resolve().parent.parent
SCORED = q.SCORED

# a pair is read in text order (x, then y); a label with ">" relates x to y, with "<" y to x
LABELS = ("PARTNERS_WITH", "INVESTS_IN>", "INVESTS_IN<", "SUPPLIES>", "SUPPLIES<",
          "SUBSIDIARY_OF>", "SUBSIDIARY_OF<", "WORKS_FOR>", "WORKS_FOR<")
KINDS = {"Company": "C", "Person": "P"}
_TOKEN = re.compile(r"⟨([CPEX])(\d+)⟩|\d+(?:[.,]\d+)?\s*(?:%|per ?cent\b|percent\b|per cento\b|pour cent\b|Prozent\b)|\w+",
                    re.IGNORECASE)
_WINDOW = 3  # words either side of the pair
_LONG = 10  # a gap longer than this is read by its first and last words only


def tokens(masked: str) -> list[tuple[str, int, int]]:
    """The words of a masked sentence, folded, with the mention index of each placeholder (else -1)
    and where the word starts: placeholders become ``<C>``/``<P>``/``<E>``/``<X>``, numbers ``<n>``,
    percentages ``<pct>``."""
    out = []
    for m in _TOKEN.finditer(masked):
        if m.group(1):
            out.append((f"<{m.group(1)}>", int(m.group(2)), m.start()))
            continue
        w = m.group().casefold()
        if not w[0].isdigit():
            out.append((w, -1, m.start()))
        elif "%" in w or w[-1].isalpha():
            out.append(("<pct>", -1, m.start()))
        else:
            out.append(("<n>", -1, m.start()))
    return out


def _stem(w: str) -> str | None:
    return w[:5] if len(w) > 5 and not w.startswith("<") else None


def _bucket(n: int) -> str:
    return str(n) if n < 3 else "3-5" if n <= 5 else "6-10" if n <= 10 else "11-20" if n <= 20 else "21+"


def sentence_features(toks: list[tuple[str, int, int]], lang: str) -> list[str]:
    """The features every pair of one sentence shares."""
    words = {w for w, k, _ in toks if k < 0}
    out = [f"lang:{lang}"] + [f"s:{w}" for w in words]
    out += [f"s5:{s}" for s in {_stem(w) for w in words} - {None}]
    return out


def pair_features(toks: list[tuple[str, int, int]], ix: int, iy: int, kx: str, ky: str,
                  extra: tuple[str, ...] = (), cues: list[tuple[str, int]] = ()) -> list[str]:
    """Features of the pair at token positions *ix* < *iy* (kinds *kx*, *ky*); *cues* are the
    sentence's cue words, each the name of its class in the lexicon and where it starts."""
    out = [f"t:{kx}{ky}", *extra]
    a, b = toks[ix][2], toks[iy][2]
    for name, at in cues:
        where = "cb" if a < at < b else "cl" if at < a else "cr"
        out.append(f"{where}:{name}")
        out.append(f"c:{name}")
    gap = [w for w, *_ in toks[ix + 1:iy]]
    out.append(f"d:{_bucket(len(gap))}")
    out.append(f"nb:{min(3, sum(1 for w in gap if w in ('<C>', '<P>')))}")
    if len(gap) <= _LONG:
        out += [f"b:{w}" for w in gap]
        out += [f"bb:{a}_{b}" for a, b in itertools.pairwise(gap)]
        out += [f"b5:{s}" for s in map(_stem, gap) if s]
        if not gap:
            out.append("b:∅")
    else:
        head, tail = gap[:5], gap[-5:]
        out += [f"bf:{w}" for w in head] + [f"bl:{w}" for w in tail]
        out += [f"b5:{s}" for s in map(_stem, head + tail) if s]
    left = [w for w, *_ in toks[max(0, ix - _WINDOW):ix]]
    right = [w for w, *_ in toks[iy + 1:iy + 1 + _WINDOW]]
    out += [f"l:{w}" for w in left] + [f"r:{w}" for w in right]
    out += [f"l5:{s}" for s in map(_stem, left) if s] + [f"r5:{s}" for s in map(_stem, right) if s]
    if left:
        out.append(f"l1:{left[-1]}")
    else:
        out.append("l1:^")
    if right:
        out.append(f"r1:{right[0]}")
    else:
        out.append("r1:$")
    return out


class PairModel:
    """One logistic regression per label of :data:`LABELS` over string features."""

    def __init__(self, weights: dict[str, dict[int, float]], bias: list[float], thresholds: list[float]):
        self.weights = weights
        self.bias = bias
        self.thresholds = thresholds

    def probabilities(self, features: list[str]) -> list[float]:
        z = list(self.bias)
        get = self.weights.get
        for f in features:
            ws = get(f)
            if ws:
                for k, v in ws.items():
                    z[k] += v
        return [1.0 / (1.0 + math.exp(-min(30.0, max(-30.0, v)))) for v in z]



# the lexicon's cue classes the model reads, besides the words themselves
CUE_FEATURES = ("acquired_by", "buy_from", "controlled_by", "ended", "former", "from_seller", "goal", "invest",
                "make", "mutual", "negation", "owned_by", "pair", "parent", "partner", "prospective", "role",
                "shareholder", "subsidiary", "supplied_by", "supplier", "supply", "the_tie", "their", "between",
                "with", "from", "of")


def pair_candidates(art: _Article, masked: str, mentions: list):
    """Each pair of a company and another company or a person named in one sentence of *art*, in
    text order: (x, y, features), x and y the mentions."""
    toks = tokens(masked)
    named = [(t, k) for t, (w, k, _) in enumerate(toks) if k >= 0 and mentions[k].entity.type in KINDS]
    if len(named) < 2:
        return
    shared = sentence_features(toks, art.lang)
    cues = [(name, m.start()) for name in CUE_FEATURES for m in art.px.cue[name].finditer(masked)]
    for a, (ix, kx) in enumerate(named):
        ex = mentions[kx].entity
        for iy, ky in named[a + 1:]:
            ey = mentions[ky].entity
            if ex == ey or ex.type == ey.type == "Person":
                continue
            extra = [f"sx:{_sector(ex) or '-'}", f"sy:{_sector(ey) or '-'}"]
            if ex == art.focus:
                extra.append("fx")
            if ey == art.focus:
                extra.append("fy")
            feats = pair_features(toks, ix, iy, KINDS[ex.type], KINDS[ey.type], tuple(extra), cues)
            yield mentions[kx], mentions[ky], feats + shared


def examples(doc, known, canon) -> list[tuple[list[str], dict[int, int]]]:
    """(features, {label index: 1 or 0}) for every candidate pair of one article; a label left out
    of the dict is unknown for that pair."""
    ann, text, _ = doc
    art = _Article(text, ann.get("lang", "en"), NameIndex(known))
    art.read()
    facts = defaultdict(list)  # (predicate, subject, object) -> quote spans
    for f in ann.get("facts", []):
        spans, at = [], text.find(f.get("quote") or "\0")
        while at >= 0 and f.get("quote"):
            spans.append((at, at + len(f["quote"])))
            at = text.find(f["quote"], at + 1)
        k = (f["predicate"], canon(f["subject"]), canon(f["object"]))
        facts[k] += spans
        if f["predicate"] == "PARTNERS_WITH":
            facts[(k[0], k[2], k[1])] += spans
    out = []
    for i, (s, e) in enumerate(art.sents):
        masked, mentions = art._mask(s, e)
        for x, y, feats in pair_candidates(art, masked, mentions):
            cx, cy = canon(x.entity.name), canon(y.entity.name)
            labels = {}
            for li, label in enumerate(LABELS):
                pred = label.rstrip("<>")
                k = (pred, cy, cx) if label.endswith("<") else (pred, cx, cy)
                if k not in facts:
                    labels[li] = 0
                elif any(a < e and s < b for a, b in facts[k]):
                    labels[li] = 1
            out.append((feats, labels, cx, cy))
    return out


def train(data, epochs: int = 12, rate: float = 0.3, l2: float = 1e-4, min_count: int = 2) -> PairModel:
    counts = Counter(f for feats, *_ in data for f in set(feats))
    vocab = {f: n for n, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count))}
    xs = [sorted({vocab[f] for f in feats if f in vocab}) for feats, *_ in data]
    nl = len(LABELS)
    w = [[0.0] * nl for _ in vocab]
    g2 = [[1e-8] * nl for _ in vocab]
    bias, bg2 = [0.0] * nl, [1e-8] * nl
    for _ in range(epochs):
        for x, (_, labels, *_) in zip(xs, data):
            for li, y in labels.items():
                z = bias[li] + sum(w[j][li] for j in x)
                p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
                g = p - y
                bg2[li] += g * g
                bias[li] -= rate * g / math.sqrt(bg2[li])
                for j in x:
                    gj = g + l2 * w[j][li]
                    g2[j][li] += gj * gj
                    w[j][li] -= rate * gj / math.sqrt(g2[j][li])
    weights = {}
    for f, j in vocab.items():
        ws = {li: v for li, v in enumerate(w[j]) if abs(v) >= 0.01}
        if ws:
            weights[f] = ws
    return PairModel(weights, bias, [0.5] * nl)


def predicted(model: PairModel, ex) -> list[dict]:
    """The facts the model alone finds in one article's pairs, as records to score."""
    out = []
    for feats, _, cx, cy in ex:
        for label, p, t in zip(LABELS, model.probabilities(feats), model.thresholds):
            if p >= t:
                s, o = (cy, cx) if label.endswith("<") else (cx, cy)
                out.append({"subject": s, "predicate": label.rstrip("<>"), "object": o, "confidence": p,
                            "source": {"quote": ""}})
    return out


def figures(docs, outputs, canon) -> str:
    res = q.score(docs, outputs, canon)
    t, p, n = (sum(res[c][x] for x in SCORED) for c in ("tp", "fp", "fn"))
    per = "  ".join(f"{x[:4]} {res['tp'][x]}/{res['fp'][x]}/{res['fn'][x]}" for x in SCORED)
    return (f"{t}/{p}/{n}  P {t / max(1, t + p):.3f}  R {t / max(1, t + n):.3f}  "
            f"statuses {res['status_ok']}/{res['status_n']}   ({per})")


def added(rules: list[dict], model_facts: list[dict], canon) -> list[dict]:
    """The rules' records with the model's facts for pairs the rules do not relate that way."""
    have = {q.key(r["predicate"], r["subject"], r["object"], canon) for r in rules if "predicate" in r}
    return rules + [r for r in model_facts if q.key(r["predicate"], r["subject"], r["object"], canon) not in have]


def recorded(path: Path, docs, canon) -> dict[str, list[dict]]:
    """Records standing for a recorded run: the annotated facts it did not list as missed, and
    the false positives it listed. (Its statuses are not recorded, so they count as right; an
    article with no miss and no false positive leaves no line and is left out.)"""
    import ast
    misses, extras = defaultdict(set), defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith(("miss ", "extra ")):
            kind, name, rest = line.split(" ", 2)
            k = ast.literal_eval(rest[:rest.index(")") + 1])
            (misses[name].add(k) if kind == "miss" else extras[name].append(k))
    out = {}
    for ann, _, _ in docs:
        name = ann["file"]
        if name not in misses and name not in extras:
            continue
        recs = []
        for f in ann.get("facts", []):
            if q.key(f["predicate"], f["subject"], f["object"], canon) not in misses[name]:
                recs.append({**f, "source": {"quote": ""}, "confidence": 1.0})
        for pred, subj, obj in extras[name]:
            recs.append({"subject": subj, "predicate": pred, "object": obj, "source": {"quote": ""}, "confidence": 1.0})
        out[name] = recs
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("articles", type=Path)
    ap.add_argument("--annotations", type=Path, default=ROOT / "benchmarks" / "extract_devset")
    ap.add_argument("--threshold", type=float, action="append",
                    help="decision threshold to measure (repeatable; default 0.5, 0.6, 0.7, 0.8)")
    ap.add_argument("--fraction", type=float, default=1.0,
                    help="train each fold's model on this share of the other folds' articles (a learning curve)")
    ap.add_argument("--recorded", type=Path, action="append", default=[],
                    help="the -v output of extract_quality.py for one batch, run when the batch was still unseen "
                         "(e.g. at the commit that ran it blind): its articles are scored with those rules' "
                         "facts instead of today's (repeatable)")
    args = ap.parse_args(argv)

    known = q.known_names(q.KNOWN_FILES)
    canon = q.canonizer(NameIndex(known))
    docs = q.documents(args.articles, args.annotations, q.DEV)[0]
    per_doc = [examples(d, known, canon) for d in docs]
    n_pos = Counter(LABELS[li] for ex in per_doc for _, labels, *_ in ex for li, y in labels.items() if y)
    print(f"{len(docs)} development articles with their text, {sum(map(len, per_doc))} pairs; positives: "
          + ", ".join(f"{k} {v}" for k, v in sorted(n_pos.items())))

    thresholds = args.threshold or [0.5, 0.6, 0.7, 0.8]
    folds = sorted({d[0]["file"][0] for d in docs})
    rules = {d[0]["file"]: extract(d[1], meta=d[2], known=known, lang=d[0].get("lang", "auto")) for d in docs}
    alone = {t: {} for t in thresholds}
    for fold in folds:
        others = [ex for d, ex in zip(docs, per_doc) if d[0]["file"][0] != fold]
        step = 1 / args.fraction
        others = [others[int(j * step)] for j in range(int(len(others) / step))]
        model = train([e for ex in others for e in ex])
        for t in thresholds:
            model.thresholds = [t] * len(LABELS)
            for d, ex in zip(docs, per_doc):
                if d[0]["file"][0] == fold:
                    alone[t][d[0]["file"]] = predicted(model, ex)
    print(f"{len(folds)} folds: {' '.join(folds)}" + (f"; each model trained on {args.fraction:.0%} of the "
                                                        "other folds' articles" if args.fraction < 1 else ""))
    print(f"rules alone            {figures(docs, rules, canon)}")
    for t in thresholds:
        print(f"model alone, t={t:.2f}    {figures(docs, alone[t], canon)}")
    for t in thresholds:
        both = {f: added(rules[f], alone[t][f], canon) for f in rules}
        print(f"rules + model, t={t:.2f}  {figures(docs, both, canon)}")
    for path in args.recorded:
        then = recorded(path, docs, canon)
        batch = [d for d in docs if d[0]["file"] in then]
        print(f"-- {path.name}: {len(batch)} articles, the rules' facts as recorded")
        print(f"rules then             {figures(batch, then, canon)}")
        for t in thresholds:
            both = {f: added(then[f], alone[t][f], canon) for f in then}
            print(f"rules then + model, t={t:.2f}  {figures(batch, both, canon)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
