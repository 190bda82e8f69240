"""The README's examples run as written, and the shipped JSON Schema matches the vocabulary."""

from __future__ import annotations

import glob
import json
import re
import shlex

import pytest
from click.testing import CliRunner

from autokg.cli import cli
from autokg.graph.jsonschema import fact_schema

from _helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _console_blocks() -> list[list[tuple[str, str]]]:
    blocks = []
    for block in re.findall(r"```console\n(.*?)```", README, flags=re.S):
        steps: list[tuple[str, list[str]]] = []
        for line in block.splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            else:
                steps[-1][1].append(line)
        blocks.append([(cmd, "\n".join(out)) for cmd, out in steps])
    return blocks


def test_readme_examples_give_the_output_shown(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("AUTOKG_STORE", str(tmp_path / "readme.db"))
    monkeypatch.delenv("AUTOKG_BACKEND", raising=False)
    steps = [s for block in _console_blocks() for s in block]
    assert len(steps) >= 8
    for cmd, expected in steps:
        argv = shlex.split(cmd)
        assert argv[0] == "autokg"
        args = [m for a in argv[1:] for m in (sorted(glob.glob(a)) if "*" in a else [a])]
        result = CliRunner().invoke(cli, args)
        assert result.output.rstrip("\n") == expected.rstrip("\n"), cmd


def test_shipped_json_schema_is_up_to_date():
    shipped = json.loads((ROOT / "graph" / "fact.schema.json").read_text(encoding="utf-8"))
    assert shipped == fact_schema()


def test_json_schema_accepts_the_shipped_data_and_rejects_bad_records():
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(fact_schema())
    # every fact file (judgements.jsonl holds judgements, not facts)
    files = sorted(p for p in (ROOT / "data").glob("*/*.jsonl") if p.name != "judgements.jsonl")
    assert len(files) >= 3
    for path in files:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            errors = list(validator.iter_errors(json.loads(line)))
            assert not errors, f"{path}:{n}: {errors[0].message}"
    for bad in [
        {"subject": "A", "predicate": "ACQUIRED_BY", "object": "B", "source": "http://x"},
        {"subject": "A", "predicate": "PARTNERS_WITH", "object": "B"},
        {"subject": "A", "predicate": "PARTNERS_WITH", "object": "B", "source": {"publisher": "p"}},
        {"subject": "A", "predicate": "WORKS_FOR", "object": "B", "source": "http://x"},
        {"subject": "A", "predicate": "PARTNERS_WITH", "object": "B", "source": "http://x", "status": "rumoured"},
        {"entity": "X", "type": "Company", "ceo": "Y"},
        {"entity": "X", "type": "Planet"},
    ]:
        assert not validator.is_valid(bad), bad


def test_readme_preset_table_is_made_from_the_definitions():
    from autokg.queries.presets import markdown_table

    assert markdown_table() in README


def test_query_help_says_what_the_definition_says():
    from autokg.queries.presets import PRESETS

    for name, preset in PRESETS.items():
        text = " ".join(CliRunner().invoke(cli, ["query", name, "--help"]).output.split())
        assert preset.description in text and f"Order: {preset.order}." in text, name
        assert f"Columns: {', '.join(preset.columns)}." in text, name


def test_readme_python_example_runs(tmp_path, monkeypatch):
    import shutil

    [example] = re.findall(r"```python\n(.*?)```", README, flags=re.S)
    shutil.copytree(ROOT / "data", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    exec(compile(example, "README.md", "exec"), {})  # noqa: S102 - the README's own example
    assert (tmp_path / "kg.db").exists()
    text = (tmp_path / "partners.graphml").read_text(encoding="utf-8")
    assert "Renault Group" in text and "<graphml" in text
