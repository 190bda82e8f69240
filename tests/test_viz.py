"""Pictures of the partnership network: PNG, SVG and a self-contained HTML page."""

from __future__ import annotations

import re
import struct
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from lxml import html as lhtml

from autokg.queries.presets import run_preset
from autokg.cli import cli
from autokg.errors import AutokgError, UnknownEntity, UsageError
from autokg.exports import viz
from autokg.exports.viz import render

from _helpers import CURATED_FACTS, ROOT, SEED, fact, load, open_embedded, write_jsonl

CURATED = CURATED_FACTS
SVG_NS = "{http://www.w3.org/2000/svg}"
NO_NET = etree.XMLParser(no_network=True, resolve_entities=False)


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    """The seed facts in a store file, and the names of its companies."""
    path = tmp_path_factory.mktemp("seed") / "kg.db"
    store = open_embedded(path.parent)
    load(store, *SEED)
    names = sorted(e["name"] for e in store.entity_rows() if e["type"] == "Company")
    store.close()
    assert len(names) == 8
    return path, names


@pytest.fixture
def seed_store(seed):
    store = open_embedded(seed[0].parent)
    yield store
    store.close()


def _cli(db: Path, *args):
    return CliRunner().invoke(cli, ["--store", str(db), *map(str, args)])


def _svg_texts(data: bytes) -> str:
    root = etree.fromstring(data, NO_NET)
    assert root.tag == SVG_NS + "svg"
    return "\n".join("".join(t.itertext()) for t in root.iter(SVG_NS + "text"))


def _inline_svg(page: str):
    """The page's inline SVG as an XML tree (it must be well-formed)."""
    svg = page[page.index("<svg "):page.index("</svg>") + len("</svg>")]
    return etree.fromstring(svg.encode("utf-8"), NO_NET)


def _drawn_names(page: str) -> list[str]:
    return sorted(g.find("text").text for g in _inline_svg(page).iter("g") if g.get("class") == "node")


# --- the three formats on the seed graph -------------------------------------------------------

def test_png(seed_store, tmp_path):
    out = tmp_path / "seed.png"
    assert render(seed_store, out) == (8, 6)
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 10_000
    width, height = struct.unpack(">II", data[16:24])
    assert 600 <= width <= 4000 and 400 <= height <= 4000


def test_svg_has_every_company_and_the_legend(seed_store, seed, tmp_path):
    out = tmp_path / "seed.svg"
    assert render(seed_store, out) == (8, 6)
    data = out.read_bytes()
    texts = _svg_texts(data)
    for name in seed[1]:
        assert name in texts
    # domains label the lines; the legend names the countries and the statuses
    for label in ("smart cockpits", "thermal and hybrid", "CN", "FR", "US", "active", "prospective", "ended"):
        assert label in texts
    assert b"stroke-dasharray" in data          # the prospective partnerships are dashed


def test_html_is_self_contained(seed_store, seed, tmp_path):
    out = tmp_path / "seed.html"
    assert render(seed_store, out) == (8, 6)
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    # nothing is fetched: no external reference of any kind, not even a namespace URL
    assert "http://" not in page and "https://" not in page
    assert not re.search(r"""(?:src|href|action|srcset)\s*=\s*["']?\s*(?:[a-z]+:)?//""", page, re.I)
    assert not re.search(r"<(?:link|iframe|img|object|embed)\b|\bsrc\s*=|@import|url\(", page, re.I)
    doc = lhtml.fromstring(page)
    assert doc.xpath("//style") and doc.xpath("//script") and not doc.xpath("//script[@src]")
    assert _drawn_names(page) == seed[1]
    texts = "".join(_inline_svg(page).itertext())
    for name in seed[1]:
        assert name in texts
    # hover tooltips: each company and partnership carries its text
    svg = _inline_svg(page)
    tips = [g.get("data-tip") for g in svg.iter("g") if g.get("data-tip")]
    assert "Renault Group\nFR · automaker\n6 partnerships shown" in tips
    assert "Renault Group – Geely\nthermal and hybrid systems\nactive\n1 source" in tips
    assert sum(1 for t in tips if t.startswith("Renault Group – ")) + \
        sum(1 for t in tips if " – Renault Group" in t) == 6


def test_styles_by_status_and_colours_by_country(tmp_path):
    src = {"title": "Test report", "publisher": "Example"}
    facts = write_jsonl(tmp_path / "facts.jsonl", [
        {"entity": "Alpha", "type": "Company", "country": "DE"},
        {"entity": "Beta", "type": "Company", "country": "DE"},
        {"entity": "Gamma", "type": "Company", "country": "JP"},
        fact("Alpha", "PARTNERS_WITH", "Beta", src, domain="batteries", status="active"),
        fact("Alpha", "PARTNERS_WITH", "Beta", src, domain="chips", status="ended"),
        fact("Alpha", "PARTNERS_WITH", "Gamma", src, status="prospective"),
    ])
    store = open_embedded(tmp_path)
    load(store, facts)
    out = tmp_path / "t.html"
    assert render(store, out) == (3, 3)
    store.close()
    svg = _inline_svg(out.read_text(encoding="utf-8"))
    lines = {g.get("class").split()[1]: g.find("path") for g in svg.iter("g")
             if (g.get("class") or "").startswith("edge ")}
    assert lines["active"].get("stroke-dasharray") is None
    assert lines["prospective"].get("stroke-dasharray")
    assert lines["ended"].get("stroke-dasharray") and lines["ended"].get("stroke") == "#9a9a9a"
    # two partnerships between Alpha and Beta are two different curves
    ab = [g.find("path").get("d") for g in svg.iter("g") if (g.get("class") or "").startswith("edge ")]
    assert len(set(ab)) == 3
    fills = {g.find("text").text: g.find("circle").get("fill") for g in svg.iter("g") if g.get("class") == "node"}
    assert fills["Alpha"] == fills["Beta"] != fills["Gamma"]
    legend = ["".join(t.itertext()) for t in svg.iter("text")]
    assert {"DE", "JP", "active", "prospective", "ended", "batteries", "chips"} <= set(legend)


@pytest.mark.parametrize("ext", [".png", ".svg", ".html"])
def test_same_graph_same_picture(seed_store, tmp_path, ext):
    a, b = tmp_path / ("a" + ext), tmp_path / ("b" + ext)
    render(seed_store, a)
    render(seed_store, b)
    assert a.read_bytes() == b.read_bytes()


# --- errors ------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["picture.jpg", "picture", "picture.PDF"])
def test_unknown_extension(seed_store, seed, tmp_path, name):
    with pytest.raises(UsageError, match=r"unknown extension .*\(known: \.png, \.svg, \.html\)"):
        render(seed_store, tmp_path / name)
    r = _cli(seed[0], "viz", tmp_path / name)
    assert r.exit_code == 2 and "known: .png, .svg, .html" in r.output
    assert not list(tmp_path.iterdir())


def test_upper_case_extension_is_fine(seed_store, tmp_path):
    assert render(seed_store, tmp_path / "seed.SVG") == (8, 6)


def test_missing_matplotlib_is_a_clear_error(seed_store, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)      # import matplotlib now fails
    with pytest.raises(AutokgError, match=r"pip install 'autokg\[viz\]'"):
        render(seed_store, tmp_path / "seed.png")
    assert not list(tmp_path.iterdir())
    # the HTML page needs nothing more than autokg
    assert render(seed_store, tmp_path / "seed.html") == (8, 6)


def test_a_failed_drawing_leaves_no_file(seed_store, tmp_path, monkeypatch):
    (tmp_path / "seed.html").write_text("older picture")

    def broken(scene):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(viz, "_html", broken)
    with pytest.raises(AutokgError, match="No space left"):
        render(seed_store, tmp_path / "seed.html")
    assert [p.name for p in tmp_path.iterdir()] == ["seed.html"]
    assert (tmp_path / "seed.html").read_text() == "older picture"


def test_missing_directory(seed_store, tmp_path):
    with pytest.raises(AutokgError, match="no directory"):
        render(seed_store, tmp_path / "nowhere" / "seed.svg")


# --- the ego network, from the command line -----------------------------------------------------

def test_cli_company_and_depth(seed, tmp_path):
    db = seed[0]
    out = tmp_path / "geely.html"
    r = _cli(db, "viz", out, "--company", "geely", "--depth", "1")
    assert r.exit_code == 0, r.output
    assert f"wrote {out}: 2 companies, 1 partnership" in r.output
    page = out.read_text(encoding="utf-8")
    assert _drawn_names(page) == ["Geely", "Renault Group"]
    assert "Partnerships of Geely within 1 hop" in page

    # two hops from Geely reach every partner of Renault, but never Xiaomi (no partnership)
    r = _cli(db, "viz", out, "--company", "Geely", "--depth", "2")
    assert r.exit_code == 0, r.output
    assert _drawn_names(out.read_text(encoding="utf-8")) == [n for n in seed[1] if n != "Xiaomi"]

    # an alias finds the company; the SVG shows the same companies
    svg = tmp_path / "renault.svg"
    r = _cli(db, "viz", svg, "--company", "Gruppo Renault", "--depth", "1")
    assert r.exit_code == 0, r.output
    assert "7 companies, 6 partnerships" in r.output
    texts = _svg_texts(svg.read_bytes())
    assert "Xiaomi Auto" in texts and not re.search(r"^Xiaomi$", texts, re.M)


def test_cli_depth_on_curated_data(tmp_path):
    store = open_embedded(tmp_path)
    load(store, *SEED, *CURATED)

    def partners(name):
        return {r["partner"] for r in run_preset(store, "partners-of", company=name)}

    ring1 = partners("Honda")
    ring2 = set().union(*(partners(n) for n in ring1)) - ring1 - {"Honda"}
    store.close()
    assert ring1 and ring2
    db = tmp_path / "kg.db"
    for depth, expected in ((1, ring1 | {"Honda"}), (2, ring1 | ring2 | {"Honda"})):
        out = tmp_path / f"honda-{depth}.html"
        r = _cli(db, "viz", out, "--company", "Honda", "--depth", depth)
        assert r.exit_code == 0, r.output
        assert set(_drawn_names(out.read_text(encoding="utf-8"))) == expected
        assert f"{len(expected)} companies" in r.output
    r = _cli(db, "viz", tmp_path / "honda.png", "--company", "Honda", "--depth", "2")
    assert r.exit_code == 0 and f"{len(ring1 | ring2) + 1} companies" in r.output


@pytest.mark.parametrize("company, message", [
    ("Renalt", "unknown entity 'Renalt' (did you mean: 'Renault Group'"),
    ("Luca de Meo", "'Luca de Meo' is a Person, not a company"),
])
def test_cli_bad_company(seed, tmp_path, company, message):
    r = _cli(seed[0], "viz", tmp_path / "x.svg", "--company", company)
    assert r.exit_code == 1 and message in r.output
    assert "Traceback" not in r.output
    assert isinstance(r.exception, SystemExit), repr(r.exception)
    assert not list(tmp_path.iterdir())


def test_unknown_company_is_unknown_entity(seed_store, tmp_path):
    with pytest.raises(UnknownEntity):
        render(seed_store, tmp_path / "x.html", company="Nobody Motors")


def test_cli_depth_must_be_positive(seed, tmp_path):
    r = _cli(seed[0], "viz", tmp_path / "x.svg", "--company", "Renault", "--depth", "0")
    assert r.exit_code == 2


def test_neo4j_store_draws_the_same_picture(neo4j_store, tmp_path):
    embedded = open_embedded(tmp_path)
    for s in (embedded, neo4j_store):
        load(s, *SEED, *CURATED)
    for name, store in (("embedded", embedded), ("neo4j", neo4j_store)):
        assert render(store, tmp_path / f"{name}.html", company="Renault", depth=2)[0] > 10
    embedded.close()
    assert (tmp_path / "neo4j.html").read_bytes() == (tmp_path / "embedded.html").read_bytes()
