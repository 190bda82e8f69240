"""The Neo4j Browser guide, style and favorites: their structure, and the guide run in a real
Browser (headless Chromium) against the test server."""

from __future__ import annotations

import dataclasses
import io
import os
import re
import shutil
import threading
import urllib.request
import xml.etree.ElementTree as ET
import zipfile
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner

from autokg.cli import cli
from autokg.exports import guide
from autokg.graph.model import EntityType, Predicate, Property, schema
from autokg.queries.presets import PRESETS

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("AUTOKG_CHROMIUM", "/usr/bin/chromium")
# A fresh profile that talks to nothing but the pages it is given.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def package_cypher(name: str) -> str:
    return resources.files("autokg.queries").joinpath(f"{name}.cypher").read_text("utf-8")


def slides(html: str) -> list[ET.Element]:
    root = ET.fromstring(html)  # well-formed, or this raises
    assert root.tag == "article" and root.get("class") == "guide"
    carousels = root.findall("carousel")
    assert len(carousels) == 1
    return carousels[0].findall("slide")


def runnable(slide: ET.Element, kind: str) -> str:
    blocks = [pre for pre in slide.iter("pre") if pre.get("class", "").split() == ["runnable", kind]]
    assert len(blocks) == 1
    return "".join(blocks[0].itertext())


def parse_grass(text: str) -> dict[str, dict[str, str]]:
    """The rules of a GraSS sheet, read the way Browser reads them: ``selector { key: value; }``,
    one colon per declaration, captions quoted."""
    rules: dict[str, dict[str, str]] = {}
    pos = 0
    for m in re.finditer(r"([A-Za-z_.]+)\s*\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}", text):
        assert text[pos:m.start()].strip() == "", f"stray text before {m.group(1)!r}"
        pos = m.end()
        selector, body = m.group(1), m.group(2)
        assert selector not in rules, f"{selector} twice"
        props = {}
        for decl in filter(None, (d.strip() for d in body.split(";"))):
            key, sep, value = decl.partition(":")
            assert sep and ":" not in value, f"{selector}: {decl!r} is not one 'key: value'"
            props[key.strip()] = value.strip()
        rules[selector] = props
    assert text[pos:].strip() == ""
    return rules


# ---- the guide ----------------------------------------------------------------------------------

def test_guide_has_an_intro_and_one_slide_per_preset_in_order():
    s = slides(guide.generate_guide())
    assert len(s) == 1 + len(PRESETS) == 15
    assert [x.get("id") for x in s[1:]] == list(PRESETS)
    assert [x.find(".//h3").text for x in s[1:]] == list(PRESETS)
    intro = "".join(s[0].itertext())
    for name in PRESETS:
        assert name in intro


@pytest.mark.parametrize("name", list(PRESETS))
def test_each_slide_has_the_description_the_params_and_the_query_of_its_preset(name):
    slide = {x.get("id"): x for x in slides(guide.generate_guide())}[name]
    preset = PRESETS[name]
    assert preset.description in "".join(slide.itertext())
    params = runnable(slide, "param")
    assert params == guide.param_command(name)
    assert re.fullmatch(r":param \{.*\}", params)
    assert [k for k in re.findall(r"([a-z_]+): ", params)] == [p.name for p in preset.params]
    query = runnable(slide, "query")
    text = package_cypher(name)
    assert query.strip() and text.rstrip().endswith(query.strip())
    assert not query.lstrip().startswith("//")  # the header comment stays in the file
    for p in preset.params:
        assert f"${p.name}" in query


def test_param_lines_use_the_example_values_of_the_cypher_files():
    assert guide.param_command("partners-of") == ":param {company: 'gruppo renault', status: null, as_of: null}"
    assert guide.param_command("path") == ":param {a: 'geely', b: 'google', max_hops: 4, include_ended: false, as_of: null}"
    literal = re.compile(r"'[^']*'|null|true|false|-?\d+(\.\d+)?")
    for name in PRESETS:
        body = guide.param_command(name)[len(":param {"):-1]
        for pair in body.split(", "):
            key, _, value = pair.partition(": ")
            assert literal.fullmatch(value), f"{name}: {pair}"


def test_special_characters_are_escaped_in_the_guide():
    html = guide.generate_guide()
    assert "-[r:PARTNERS_WITH]-&gt;(y:Entity)" in html
    assert "[x.name, x.id] &lt;= [y.name, y.id]" in html
    # and read back, the text is the Cypher again
    slide = {x.get("id"): x for x in slides(html)}["partners"]
    assert "-[r:PARTNERS_WITH]->(y:Entity)" in runnable(slide, "query")


def test_a_browser_line_that_does_not_match_the_preset_is_an_error(monkeypatch):
    real = guide.header
    monkeypatch.setattr(guide, "header", lambda n: {**real(n), "browser": ":param company => 'x'"}
                        if n == "partners-of" else real(n))
    with pytest.raises(guide.AutokgError, match=r"partners-of\.cypher: the '// browser:' lines set \['company'\]"):
        guide.param_command("partners-of")


# ---- the style ----------------------------------------------------------------------------------

def test_grass_styles_every_label_and_relationship_type_of_the_schema():
    rules = parse_grass(guide.generate_grass())
    s = schema()
    colours = set()
    for label in s.labels:
        rule = rules[f"node.{label}"]
        assert re.fullmatch(r"#[0-9A-F]{6}", rule["color"])
        assert rule["caption"] == "'{name}'"
        colours.add(rule["color"])
    assert len(colours) == len(s.labels)  # each type its own colour
    assert rules["node.Source"]["caption"] == "'{title}'"
    assert rules["node.Relation"]["caption"] == "'{predicate}'"
    assert list(rules).index("node.Entity") < min(list(rules).index(f"node.{t}") for t in s.labels)
    for name in s.relationship_types:
        assert f"relationship.{name}" in rules
    assert rules["relationship.PARTNERS_WITH"]["caption"] == "'{domain} ({status})'"
    assert rules["relationship.WORKS_FOR"]["caption"] == "'{role}'"
    assert rules["relationship.MAKES"]["caption"] == "'<type>'"


def test_grass_follows_the_vocabulary(monkeypatch):
    s = schema()
    wider = dataclasses.replace(
        s,
        entity_types={**s.entity_types, "Plant": EntityType("Plant", "A factory.", {})},
        predicates={**s.predicates, "OPERATES": Predicate(
            "OPERATES", "A company runs a plant.", ("Company",), ("Plant",),
            {"status": Property("status", "status"), "since": Property("since", "date")})})
    monkeypatch.setattr(guide, "schema", lambda: wider)
    rules = parse_grass(guide.generate_grass())
    assert rules["node.Plant"]["caption"] == "'{name}'"
    assert rules["relationship.OPERATES"]["caption"] == "'{status}'"


# ---- the favorites zip and the files --------------------------------------------------------------

def test_zip_holds_every_preset_cypher_file_unchanged_with_fixed_timestamps():
    data = guide.favorites_zip()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() is None
        infos = zf.infolist()
        assert sorted(i.filename for i in infos) == sorted(f"autokg/{n}.cypher" for n in PRESETS)
        assert len(infos) == len(PRESETS)
        for info in infos:
            name = Path(info.filename).stem
            assert zf.read(info).decode("utf-8") == package_cypher(name)
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
    assert guide.favorites_zip() == data


def test_write_guide_is_deterministic(tmp_path):
    first = guide.write_guide(tmp_path / "a")
    second = guide.write_guide(tmp_path / "b")
    assert [p.name for p in first] == ["autokg-guide.html", "autokg.grass", "autokg-presets.zip"]
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes()
    assert sorted(os.listdir(tmp_path / "a")) == sorted(p.name for p in first)  # no temporary files left


def test_cli_writes_the_three_files(tmp_path):
    out = tmp_path / "browser"
    result = CliRunner().invoke(cli, ["neo4j", "guide", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    for name in ("autokg-guide.html", "autokg.grass", "autokg-presets.zip"):
        assert f"wrote {out / name}" in result.output
    assert len(slides((out / "autokg-guide.html").read_text("utf-8"))) == 1 + len(PRESETS)


def test_cli_refuses_a_file_as_outdir(tmp_path):
    (tmp_path / "f").write_text("x")
    result = CliRunner().invoke(cli, ["neo4j", "guide", str(tmp_path / "f")])
    assert result.exit_code == 2 and "is a file" in result.output


@pytest.mark.parametrize("host, url_host", [("127.0.0.1", "127.0.0.1"), ("::1", "[::1]")])
def test_the_guide_server_answers_browser_preflight_requests(tmp_path, host, url_host):
    guide.write_guide(tmp_path)
    server = guide.serve_guide(tmp_path, host=host, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://{url_host}:{server.server_address[1]}/autokg-guide.html"
        pre = urllib.request.urlopen(urllib.request.Request(url, method="OPTIONS", headers={
            "Origin": "http://127.0.0.1:7474", "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "pragma,cache-control"}))
        assert pre.status == 204
        assert pre.headers["Access-Control-Allow-Origin"] == "*"
        assert "cache-control" in pre.headers["Access-Control-Allow-Headers"]
        got = urllib.request.urlopen(urllib.request.Request(url, headers={"Pragma": "no-cache"}))
        assert got.headers["Access-Control-Allow-Origin"] == "*"
        assert got.read() == (tmp_path / "autokg-guide.html").read_bytes()
    finally:
        server.shutdown()
        server.server_close()


# ---- in Neo4j Browser -----------------------------------------------------------------------------

def browser_url(store, settings: dict) -> str:
    """Neo4j Browser of the test server: NEO4J_HTTP_URL, else the server's HTTP connector."""
    if os.environ.get("NEO4J_HTTP_URL") and os.environ.get("NEO4J_URI") == settings["uri"]:
        return os.environ["NEO4J_HTTP_URL"].rstrip("/") + "/browser/"
    rows = store.read_cypher("SHOW SETTINGS YIELD name, value WHERE name = 'server.http.listen_address' "
                             "RETURN value")
    port = rows[0]["value"].rsplit(":", 1)[1] if rows else "7474"
    return f"http://{urlsplit(settings['uri']).hostname}:{port}/browser/"


@pytest.mark.neo4j
@pytest.mark.slow
def test_the_guide_runs_a_preset_in_neo4j_browser(neo4j_store, neo4j_settings, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api", reason="the browser test needs playwright")
    if not shutil.which(CHROMIUM):
        pytest.skip(f"the browser test needs Chromium at {CHROMIUM} (apt-get install chromium)")
    from autokg.loaders import load_files

    seed = sorted(str(p) for p in (ROOT / "data" / "seed").glob("*.jsonl"))
    assert not load_files(neo4j_store, seed).rejected
    url = browser_url(neo4j_store, neo4j_settings)
    guide.write_guide(tmp_path)
    server = guide.serve_guide(tmp_path, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    # Browser fetches guides only from allowed hosts; localhost is allowed by default.
    base = f"http://localhost:{server.server_address[1]}"
    ARTIFACTS.mkdir(exist_ok=True)
    shot, styled = ARTIFACTS / "browser-guide.png", ARTIFACTS / "browser-style.png"
    try:
        with sync_api.sync_playwright() as pw:
            chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            page = chromium.new_page(viewport={"width": 1400, "height": 1700})
            page.set_default_timeout(60_000)
            try:
                page.goto(url)
                page.get_by_test_id("boltaddress").last.fill(neo4j_settings["uri"].split("://", 1)[1])
                page.get_by_test_id("username").fill(neo4j_settings["username"])
                page.get_by_test_id("password").fill(neo4j_settings["password"] or "")
                page.get_by_test_id("connect").click()
                page.get_by_text("You are connected as user").wait_for()

                def command(text):
                    page.get_by_test_id("activeEditor").click()
                    page.keyboard.type(text)
                    page.keyboard.press("Enter")

                def frame(command_text):
                    """The newest frame whose command contains *command_text*, once it has loaded."""
                    return page.get_by_test_id("frame").filter(
                        has=page.get_by_test_id("frameCommand").filter(has_text=command_text)).first

                command(f":play {base}/autokg-guide.html")
                carousel = page.get_by_test_id("carousel")
                carousel.get_by_text("autokg: who works with whom").wait_for()
                assert carousel.get_by_text(f"1 / {1 + len(PRESETS)}").count() == 1
                steps = list(PRESETS).index("partners-of") + 1
                for _ in range(steps):
                    carousel.get_by_test_id("nextSlide").click()
                carousel.locator("h3", has_text="partners-of").wait_for()

                # The ▶ Browser puts before each runnable block runs it in a new frame.
                carousel.locator("pre.runnable.param i.fa-play-circle-o").click()
                frame(":param {company").get_by_text('"gruppo renault"').wait_for()
                carousel.locator("pre.runnable.query i.fa-play-circle-o").click()
                table = frame("MATCH (c:Entity {id: $company})").get_by_test_id("frame-loaded-contents")
                table.get_by_text("Geely").first.wait_for()
                text = table.inner_text()
                for partner in ("Geely", "Google", "Qualcomm", "Li Auto", "Xiaomi Auto"):
                    assert partner in text
                assert "thermal and hybrid systems" in text
                page.screenshot(path=str(shot))

                # The style, fetched like the guide, then the intro slide's graph query.
                command(f":style {base}/autokg.grass")
                frame(":style").get_by_text("node.Company").wait_for()
                for _ in range(steps):
                    carousel.get_by_test_id("previousSlide").click()
                carousel.locator("pre.runnable", has_text="RETURN c, r, o").locator("i.fa-play-circle-o").click()
                graph = frame("RETURN c, r, o").locator("svg")
                # Browser shortens a caption to fit its edge, and the layout is not fixed: look
                # for the captions of the partnerships without a domain, which stay whole.
                graph.get_by_text("(prospective)").first.wait_for()
                assert graph.get_by_text("(active)", exact=True).count() >= 1
                page.screenshot(path=str(styled))
            except Exception:
                page.screenshot(path=str(shot))
                raise
            finally:
                chromium.close()
    finally:
        server.shutdown()
        server.server_close()
    assert shot.stat().st_size > 10_000 and styled.stat().st_size > 10_000
