"""`eventwire export` over a store holding the real seed article (coded by the real pipeline) and a few
well-formed events written through Store.write."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import typer
from typer.testing import CliRunner

from eventwire.cli import export as export_cli
from eventwire.codebook import Codebook
from eventwire.errors import EventwireError
from eventwire.ingest import make_article
from eventwire.pipeline import Coder, run_to_store
from eventwire.records import EVENT_COLUMNS, Article, CodedArticle, Event, event_id_for
from eventwire.store import Store

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "examples" / "seed_article.txt"
TEXT = "Kazakhstan's president met the WHO chief in Geneva. Russia attacked Ukraine's border posts."
# (source, target, CAMEO code, trigger, day)
ROWS = [("KAZGOV", "IGOUNOHLHWHO", "040", "met", 3), ("RUSMIL", "UKR", "190", "attacked", 4),
        ("RUSMIL", "UKR", "190", "attacked", 9), ("KAZGOV", "", "010", "met", 9)]  # fmt: skip


def _events(article: Article) -> list[Event]:
    codebook, out = Codebook.load(), []
    for src, tgt, code, trigger, day in ROWS:
        info, pos = codebook[code], TEXT.index(trigger)
        out.append(Event(
            event_id_for(article.id, 0, pos + day, code, src, tgt), article.id, date(2020, 5, day),
            src, src, src, src[:3], src[3:], tgt, tgt, tgt, tgt[:3], tgt[3:], code, info.root, info.name,
            info.quad_class, info.goldstein, info.plover_type, info.plover_mode, "", "", None, None, 0, TEXT,
            trigger, pos, pos + len(trigger), 0.8, evidence={"pattern": "test"},
        ))  # fmt: skip
    return out


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Event]]:
    path = tmp_path_factory.mktemp("export") / "events.duckdb"
    article = make_article(TEXT, date=date(2020, 5, 3), article_id="cli-export-1", url="http://example.org/1")
    events = _events(article)
    with Store(path) as store:
        if SEED.exists():  # the real pipeline over the real seed article
            text = SEED.read_text(encoding="utf-8").strip().split(" ", 2)[2]
            run_to_store(Coder(), [make_article(text, date=date(2021, 12, 1), article_id="seed")], store)
        store.write([CodedArticle(article, events)])
    return path, events


def _run(*args: str) -> tuple[int, str, BaseException | None]:
    app = typer.Typer()
    export_cli.register(app)
    app.command("noop")(lambda: None)  # two commands, so `export` stays a subcommand
    result = CliRunner().invoke(app, ["export", *args])
    return result.exit_code, result.stdout, result.exception


def test_csv_to_stdout_with_filters(db: tuple[Path, list[Event]]) -> None:
    path, events = db
    code, out, exc = _run(
        "--db", str(path), "--source", "rus", "--start", "2020-05-01", "--end", "2020-05-31"
    )
    assert code == 0, exc
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == list(EVENT_COLUMNS)
    assert sorted(r["event_id"] for r in rows) == sorted(
        e.event_id for e in events if e.source_code == "RUSMIL"
    )


def test_gdelt_icews_and_parquet_files(db: tuple[Path, list[Event]], tmp_path: Path) -> None:
    path, events = db
    base = ("--db", str(path), "--start", "2020-01-01", "--end", "2020-12-31")
    gdelt, icews, parquet = tmp_path / "g.csv", tmp_path / "i.tsv", tmp_path / "e.parquet"
    assert _run(*base, "--columns", "gdelt", "--out", str(gdelt))[0] == 0
    assert _run(*base, "--format", "tsv", "--columns", "icews", "--out", str(icews))[0] == 0
    assert _run(*base, "--format", "parquet", "--out", str(parquet), "--quad-class", "4")[0] == 0
    rows = list(csv.DictReader(gdelt.open(encoding="utf-8")))
    assert sorted((r["Actor1Code"], r["EventCode"], r["SQLDATE"]) for r in rows) == sorted(
        (e.source_code, e.cameo_code, e.event_date.strftime("%Y%m%d")) for e in events
    )
    tab = list(csv.DictReader(icews.open(encoding="utf-8"), delimiter="\t"))
    assert {r["Source Country"] for r in tab} == {"Kazakhstan", "Russian Federation"}
    table = pq.read_table(parquet)
    assert sorted(table.column("event_id").to_pylist()) == sorted(
        e.event_id for e in events if e.quad_class == 4
    )


def test_plover_through_the_real_cli(db: tuple[Path, list[Event]]) -> None:
    path, events = db
    cmd = [sys.executable, "-c", "from eventwire.cli import main; main()", "export", "--db", str(path),
           "--format", "plover", "--start", "2020-01-01", "--end", "2020-12-31"]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert {r["id"] for r in records} == {e.event_id for e in events if e.plover_type}
    assert all(r["event"][0] for r in records)
    assert f"exported {len(records)} events" in done.stderr


def test_errors(db: tuple[Path, list[Event]], tmp_path: Path) -> None:
    path, _ = db
    for args, expected in ((("--format", "parquet"), "E702"), (("--format", "xlsx"), "E501"),
                           (("--quad-class", "7"), "E501"), (("--start", "May"), "E501"),
                           (("--columns", "phoenix"), "E501")):  # fmt: skip
        _, _, exc = _run("--db", str(path), *args)
        assert isinstance(exc, EventwireError) and exc.code == expected, (args, exc)
    cmd = [
        sys.executable,
        "-c",
        "from eventwire.cli import main; main()",
        "export",
        "--db",
        str(tmp_path / "no.db"),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2 and "E402" in done.stderr
