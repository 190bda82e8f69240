"""The extraction benchmarks, run on a small development set written here: extract_quality.py's
figures, and extract_pairs.py's held-out training of a pair classifier."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import extract_pairs  # noqa: E402
import extract_quality  # noqa: E402

ARTICLES = {
    "a01_one.txt": ("Stellantis and Leapmotor announced a partnership on electric cars. "
                    "Renault holds a 20% stake in Nissan. Toyota did not comment.",
                    [("Stellantis", "PARTNERS_WITH", "Leapmotor", "Stellantis and Leapmotor announced a partnership"),
                     ("Renault", "INVESTS_IN", "Nissan", "Renault holds a 20% stake in Nissan"),
                     ("CATL", "SUPPLIES", "Tesla", "Tesla buys cells")]),
    "b01_two.txt": ("Volkswagen is in talks with Xpeng about a partnership. "
                    "Geely and Renault signed an agreement to cooperate on engines.",
                    [("Volkswagen", "PARTNERS_WITH", "Xpeng", "Volkswagen is in talks with Xpeng"),
                     ("Geely", "PARTNERS_WITH", "Renault", "Geely and Renault signed an agreement")]),
}


def _devset(tmp_path: Path) -> tuple[Path, Path]:
    texts, anns = tmp_path / "texts", tmp_path / "ann"
    texts.mkdir()
    anns.mkdir()
    for name, (text, facts) in ARTICLES.items():
        (texts / name).write_text(text, encoding="utf-8")
        ann = {"file": name, "split": "tune", "lang": "en", "url": f"https://example.org/{name}", "title": name,
               "facts": [{"subject": s, "predicate": p, "object": o, "quote": q,
                          **({"status": "prospective" if "talks" in q else "active"} if p == "PARTNERS_WITH" else {})}
                         for s, p, o, q in facts]}
        (anns / name.replace(".txt", ".yaml")).write_text(yaml.safe_dump(ann), encoding="utf-8")
    return texts, anns


def test_quality_figures(tmp_path, capsys):
    texts, anns = _devset(tmp_path)
    assert extract_quality.main([str(texts), "--annotations", str(anns), "--repeat", "1", "-v"]) == 0
    out = capsys.readouterr().out
    # four of the five facts are stated; the supply is annotated with a quote the text lacks
    assert "SCORED (5)       4   0   1      1.00   0.80" in out
    assert "miss a01_one.txt ('SUPPLIES', 'CATL', 'Tesla')" in out
    assert "status accuracy of matched partnerships: 3/3 = 1.00" in out
    assert "every output loads: yes" in out
    bands = next(line for line in out.splitlines() if line.startswith("precision by confidence"))
    assert sum(int(part.split("/")[1]) for part in bands.split(": ", 1)[1].split(", ")) == 4  # each found fact once


def test_score_counts_misses_and_extras():
    canon = extract_quality.canonizer(extract_quality.NameIndex([]))
    ann = {"file": "x", "facts": [{"subject": "A", "predicate": "SUPPLIES", "object": "B"}]}
    outputs = {"x": [{"subject": "B", "predicate": "SUPPLIES", "object": "A", "source": {"quote": "t"},
                      "confidence": 0.5}]}
    res = extract_quality.score([(ann, "t", {})], outputs, canon)
    assert (res["tp"]["SUPPLIES"], res["fp"]["SUPPLIES"], res["fn"]["SUPPLIES"]) == (0, 1, 1)  # direction counts


def test_pair_classifier_held_out(tmp_path, capsys):
    texts, anns = _devset(tmp_path)
    assert extract_pairs.main([str(texts), "--annotations", str(anns), "--threshold", "0.5"]) == 0
    out = capsys.readouterr().out
    assert "2 development articles with their text" in out
    assert "2 folds: a b" in out
    assert "rules alone            4/0/1" in out
    assert "model alone, t=0.50" in out and "rules + model, t=0.50" in out


def test_pair_features_read_the_gap_and_the_cues():
    toks = extract_pairs.tokens("⟨C0⟩ holds a 20% stake in ⟨C1⟩.")
    assert [w for w, *_ in toks] == ["<C>", "holds", "a", "<pct>", "stake", "in", "<C>"]
    feats = extract_pairs.pair_features(toks, 0, 6, "C", "C", cues=[("invest", 17)])
    assert {"t:CC", "b:stake", "bb:stake_in", "cb:invest", "d:3-5", "l1:^", "r1:$"} <= set(feats)


def test_pair_model_learns_a_separable_label():
    pos = (["b:partner", "t:CC"], {0: 1, 1: 0}, "A", "B")
    neg = (["b:said", "t:CC"], {0: 0, 1: 0}, "A", "C")
    model = extract_pairs.train([pos, neg] * 5, min_count=1)
    assert model.probabilities(["b:partner", "t:CC"])[0] > 0.8
    assert model.probabilities(["b:said", "t:CC"])[0] < 0.2


def test_agreement_of_two_annotations(tmp_path, capsys):
    import extract_agreement

    _, first = _devset(tmp_path)
    second = tmp_path / "second"
    second.mkdir()
    ann = yaml.safe_load((first / "a01_one.yaml").read_text(encoding="utf-8"))
    ann["facts"] = [f for f in ann["facts"] if f["predicate"] != "SUPPLIES"]  # one fact left out
    ann["facts"].append({"subject": "Toyota", "predicate": "PARTNERS_WITH", "object": "Renault", "status": "active",
                         "quote": "Toyota"})  # and one added
    ann["facts"][0]["status"] = "ended"  # and one status changed
    (second / "a01_one.yaml").write_text(yaml.safe_dump(ann), encoding="utf-8")
    assert extract_agreement.main(["--first", str(first), "--second", str(second)]) == 0
    out = capsys.readouterr().out
    assert "1 articles annotated twice" in out
    assert "SCORED (5)        2        1        1      0.67   0.67" in out
    assert "same status on partnerships both give: 0/1 = 0.00" in out
