"""`eventwire code`: summary, formats, resume, --no-prefilter, --workers and --engine dask."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
import typer
from typer.testing import CliRunner, Result

from eventwire.cli import code

ARTICLES = [
    ("a1", "2021-03-01", "Germany accused Russia of violating the ceasefire. The weather was mild."),
    ("a2", "2021-03-02", "France praised Japan for its help after the earthquake."),
    ("a3", "2021-04-05", "China urged India to release the detained fishermen. Markets were calm."),
    ("a4", "2021-04-06", "Egypt condemned Israel over the raid. Talks lasted three hours."),
]


@pytest.fixture
def app() -> typer.Typer:
    app = typer.Typer()
    code.register(app)
    app.command("noop", hidden=True)(lambda: None)  # two commands: typer keeps `code` as a subcommand
    return app


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "news.jsonl"
    lines = [json.dumps({"id": i, "date": d, "text": t}) for i, d, t in ARTICLES]
    path.write_text("\n".join([*lines, '{"id": "broken"']) + "\n", encoding="utf-8")
    return path


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return sorted(con.execute(sql).fetchall())
    finally:
        con.close()


COLUMNS = "event_id, article_id, source_code, target_code, cameo_code"
EVENTS = f"SELECT {COLUMNS} FROM events"


def test_code_stores_prints_and_resumes(app: typer.Typer, corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "ew.duckdb"
    runner = CliRunner()
    first = runner.invoke(app, ["code", str(corpus), "--db", str(db), "--format", "jsonl"])
    assert first.exit_code == 0, first.output
    printed = [json.loads(line) for line in first.stdout.splitlines() if line.startswith("{")]
    assert {e["article_id"] for e in printed} == {"a1", "a2", "a3", "a4"}
    assert "5 articles read, 4 coded, 1 rejected" in first.stderr
    stored = _rows(db, EVENTS)
    assert sorted(e["event_id"] for e in printed) == [r[0] for r in stored]
    again = runner.invoke(app, ["code", str(corpus), "--db", str(db), "--quiet"])
    assert again.exit_code == 0 and again.stderr == ""
    assert _rows(db, EVENTS) == stored
    noisy = runner.invoke(app, ["code", str(corpus), "--db", str(db)])
    assert "0 coded" in noisy.stderr and "4 already stored" in noisy.stderr


def test_a_resumed_run_still_prints_the_stored_events_of_its_input(
    app: typer.Typer, corpus: Path, tmp_path: Path
) -> None:
    db = tmp_path / "ew.duckdb"
    runner = CliRunner()
    first = runner.invoke(app, ["code", str(corpus), "--db", str(db), "--format", "jsonl"])
    again = runner.invoke(app, ["code", str(corpus), "--db", str(db), "--format", "jsonl"])
    assert first.exit_code == 0 and again.exit_code == 0, again.output

    def printed(result: Result) -> list[dict[str, object]]:
        lines = result.stdout.splitlines()
        return sorted((json.loads(x) for x in lines if x.startswith("{")), key=lambda e: str(e["event_id"]))

    assert printed(again) and printed(again) == printed(first)  # every column, evidence included
    assert "0 coded" in again.stderr and "4 already stored" in again.stderr


def test_no_prefilter_and_two_workers_give_the_same_events(
    app: typer.Typer, corpus: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    results = {}
    for name, extra in (("plain", []), ("unfiltered", ["--no-prefilter"]), ("workers", ["--workers", "2"])):
        db = tmp_path / f"{name}.duckdb"
        done = runner.invoke(app, ["code", str(corpus), "--db", str(db), "-q", "--batch-size", "2", *extra])
        assert done.exit_code == 0, done.output
        results[name] = _rows(db, EVENTS)
    assert len(results["plain"]) >= 4
    assert results["plain"] == results["unfiltered"] == results["workers"]


def test_engine_dask_writes_parquet_and_the_store(app: typer.Typer, corpus: Path, tmp_path: Path) -> None:
    db, out = tmp_path / "d.duckdb", tmp_path / "events.parquet"
    args = [
        "code",
        str(corpus),
        "--db",
        str(db),
        "--engine",
        "dask",
        "--workers",
        "1",
        "--parquet-dir",
        str(out),
    ]
    done = CliRunner().invoke(app, args)
    assert done.exit_code == 0, done.output
    assert "4 coded, 1 rejected" in done.stderr
    months = sorted(p.parent.name for p in out.glob("events/year=2021/*/*.parquet"))
    assert months == ["month=3", "month=4"]
    con = duckdb.connect()
    query = f"SELECT {COLUMNS} FROM read_parquet('{out}/events/**/*.parquet')"
    in_parquet = sorted(con.execute(query).fetchall())
    assert in_parquet == _rows(db, EVENTS) and in_parquet
