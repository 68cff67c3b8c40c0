"""`eventwire eval`: text and JSON reports, --events-out, and the same figures as the reference scorer
(../shared/tools/score_events.py) on the coder's own output, for events and for a quad TSV."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from tests.conftest import shared_file
from typer.testing import CliRunner

from eventwire.cli import evaluate

ARTICLES = [
    ("a1", "Germany accused Russia of violating the ceasefire.", [("DEU", "RUS", "112")], 3),
    ("a2", "France praised Japan for its help after the earthquake.", [("FRA", "JPN", "051")], 1),
    ("a3", "Russian troops shelled Ukrainian towns near Kharkiv on Monday.", [("RUSMIL", "UKR", "195")], 4),
    ("a4", "The weather was mild in Paris on Sunday.", [], 0),
]


@pytest.fixture
def app() -> typer.Typer:
    app = typer.Typer()
    evaluate.register(app)
    app.command("noop", hidden=True)(lambda: None)  # two commands: typer keeps `eval` as a subcommand
    return app


def _reference(*args: str) -> str:
    tool = shared_file("tools/score_events.py")
    return subprocess.run(
        [sys.executable, str(tool), *args], capture_output=True, text=True, check=True
    ).stdout


def _gold(tmp_path: Path) -> Path:
    path = tmp_path / "gold.jsonl"
    rows = [
        {
            "id": i,
            "date": "2021-03-01",
            "text": t,
            "events": [{"source": s, "target": g, "code": c} for s, g, c in ev],
        }
        for i, t, ev, _ in ARTICLES
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_text_json_and_events_out_agree_with_the_reference(app: typer.Typer, tmp_path: Path) -> None:
    gold, pred = _gold(tmp_path), tmp_path / "pred.jsonl"
    runner = CliRunner()
    result = runner.invoke(app, ["eval", str(gold), "--json", "--events-out", str(pred)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    events = [json.loads(line) for line in pred.read_text(encoding="utf-8").splitlines()]
    assert events and {e["article_id"] for e in events} <= {a[0] for a in ARTICLES}

    reference = _reference("events", str(gold), str(pred))
    for level in ("entity", "sector"):
        s = report["events"][level]
        line = (
            f"{level:7s} tp={s['tp']} fp={s['fp']} fn={s['fn']} "
            f"P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f}"
        )
        assert line in reference, (line, reference)

    q = report["quad5_derived"]
    first: dict[str, str] = {}
    for e in events:
        first.setdefault(e["article_id"], e["cameo_code"])
    expected = [[0] * 5 for _ in range(5)]
    for rid, _, _, gold_cls in ARTICLES:
        root = int(first[rid][:2]) if rid in first else 0
        guess = 0 if root <= 2 else 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
        expected[gold_cls][guess] += 1
    assert q["confusion"] == expected

    text = runner.invoke(app, ["eval", str(gold)])
    assert text.exit_code == 0, text.output
    assert "quad5 (derived from gold events, not ConfliBERT)" in text.output
    assert re.search(r"^  4 mat confl\s+(\d+\s+){5}\d\.\d{3}$", text.output, re.M), text.output


def test_quad_tsv_scores_as_the_reference(app: typer.Typer, tmp_path: Path) -> None:
    tsv, pred = tmp_path / "conflibert.tsv", tmp_path / "pred.jsonl"
    tsv.write_text("".join(f"{t}\t{label}\n" for _, t, _, label in ARTICLES), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(tsv), "--json", "--events-out", str(pred)])
    assert result.exit_code == 0, result.output
    q = json.loads(result.output)["quad"]
    line = f"quad5 n={q['n']} accuracy={q['accuracy']:.3f} macroF1={q['macro_f1']:.3f}"
    assert line in _reference("quad", str(tsv), str(pred))
    assert "about" not in q  # the TSV score is the file's own labels, not a derived one


def test_seed_events_out_scores_the_same_in_the_reference(app: typer.Typer, tmp_path: Path) -> None:
    seed, pred = shared_file("examples/seed_expected.json"), tmp_path / "seed.jsonl"
    result = CliRunner().invoke(app, ["eval", str(seed), "--json", "--events-out", str(pred)])
    assert result.exit_code == 0, result.output
    s = json.loads(result.output)["events"]["entity"]
    assert f"entity  tp={s['tp']} fp={s['fp']} fn={s['fn']}" in _reference("events", str(seed), str(pred))
