"""The Parquet sink of the Dask engine: partitions, commit files, crash leftovers, loading into DuckDB."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb

from eventwire.records import Article, CodedArticle, Event, Quote, Reject, event_id_for
from eventwire.runners.parquet import ParquetSink, load_into_store
from eventwire.store import Store


def _event(article_id: str, n: int, when: date | None) -> Event:
    return Event(
        event_id=event_id_for(article_id, n, n * 10, "042", "DEUGOV", "FRAGOV"),
        article_id=article_id, event_date=when, source_code="DEUGOV", source_name="Germany",
        source_text="Germany", source_country="DEU", source_sector="GOV", target_code="FRAGOV",
        target_name="France", target_text="France", target_country="FRA", target_sector="GOV",
        cameo_code="042", cameo_root="04", cameo_name="Make a visit", quad_class=1, goldstein=1.9,
        plover_type="CONSULT", plover_mode="visit", location_name="Paris", location_country="FRA",
        latitude=48.85, longitude=2.35, sentence_index=n, sentence="Germany visited France.",
        trigger="visited", char_start=n * 10, char_end=n * 10 + 7, confidence=0.8,
        evidence={"pattern": "visit"},
    )  # fmt: skip


def _coded(article_id: str, when: date | None, n_events: int = 2) -> CodedArticle:
    article = Article(id=article_id, text=f"text of {article_id}", date=when, origin=f"test:{article_id}")
    quote = Quote(f"q-{article_id}", article_id, "We agree", "the minister", "DEUGOV", "Germany", 0, 0, 8)
    return CodedArticle(article, [_event(article_id, i, when) for i in range(n_events)], [quote])


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple[object, ...]]:
    return sorted(con.execute(sql).fetchall(), key=repr)


def test_batches_are_partitioned_by_date_and_read_back_by_duckdb(tmp_path: Path) -> None:
    root = tmp_path / "out.parquet"
    with ParquetSink(root) as sink:
        sink.write([_coded("a", date(2017, 2, 7)), _coded("b", date(2017, 3, 1))])
        sink.write([_coded("c", None, 1)], [Reject("d", "test:d", "ingest", "E103", "E103 article is empty")])
        assert sink.coded_ids() == {"a", "b", "c", "d"}
    months = sorted(p.parent.relative_to(root).as_posix() for p in root.glob("events/*/*/*.parquet"))
    assert months == ["events/year=2017/month=2", "events/year=2017/month=3",
                      "events/year=__HIVE_DEFAULT_PARTITION__/month=__HIVE_DEFAULT_PARTITION__"]  # fmt: skip
    con = duckdb.connect()
    glob = str(root / "events" / "**" / "*.parquet")
    rows = _rows(con, f"SELECT article_id, year, month FROM read_parquet('{glob}', hive_partitioning=true)")
    assert rows == [("a", 2017, 2), ("a", 2017, 2), ("b", 2017, 3), ("b", 2017, 3), ("c", None, None)]
    pruned = con.execute(
        f"SELECT count(*) FROM read_parquet('{glob}', hive_partitioning=true) WHERE year = 2017 AND month = 3"
    ).fetchone()
    assert pruned == (2,)


def test_loading_into_duckdb_gives_what_the_store_itself_writes(tmp_path: Path) -> None:
    reject = Reject("d", "test:d", "events", "E202", "boom")
    batches = [
        ([_coded("a", date(2017, 2, 7)), _coded("b", None)], []),
        ([_coded("c", date(2016, 12, 31), 0)], [reject]),
    ]
    with Store(tmp_path / "direct.duckdb") as direct:
        for coded, rejects in batches:
            direct.write(coded, rejects)
        expected = {t: _rows(direct.con, _select(t)) for t in _TABLES}
    with ParquetSink(tmp_path / "ds") as sink:
        for coded, rejects in batches:
            sink.write(coded, rejects)
    with Store(tmp_path / "loaded.duckdb") as store:
        assert load_into_store(tmp_path / "ds", store) == 2
        assert load_into_store(tmp_path / "ds", store) == 0  # nothing missing any more
        assert load_into_store(tmp_path / "ds", store, only_missing=False) == 2  # replaces, no duplicates
        loaded = {t: _rows(store.con, _select(t)) for t in _TABLES}
    assert loaded == expected
    assert len(loaded["events"]) == 4 and len(loaded["rejects"]) == 1


_TABLES = ("articles", "events", "quotes", "rejects")


def _select(table: str) -> str:
    """All columns but the time of writing, which differs between two writes of the same rows."""
    stamp = {"articles": "coded_at", "rejects": "rejected_at"}.get(table)
    return f"SELECT * EXCLUDE ({stamp}) FROM {table}" if stamp else f"SELECT * FROM {table}"


def test_files_of_an_uncommitted_batch_are_removed_and_its_articles_coded_again(tmp_path: Path) -> None:
    root = tmp_path / "ds"
    with ParquetSink(root) as sink:
        sink.write([_coded("a", date(2017, 2, 7))])
        sink.write([_coded("b", date(2017, 2, 8))])
    # A run killed after a batch's data files were written but before its commit file: remove that file.
    commits = sorted((root / "_commits").glob("*.json"), key=lambda p: p.stat().st_mtime_ns)
    commits[-1].unlink()
    (root / "_staging" / "x" / "events").mkdir(parents=True)
    (root / "_commits" / "y.tmp").write_text("{", encoding="utf-8")
    before = set(root.rglob("*.parquet"))
    with ParquetSink(root) as sink:
        assert sink.coded_ids() == {"a"}
        after = set(root.rglob("*.parquet"))
        assert after < before and all("part-" in p.name for p in after)
        assert not (root / "_staging").exists() and not list((root / "_commits").glob("*.tmp"))
        sink.write([_coded("b", date(2017, 2, 8))])
        assert sink.coded_ids() == {"a", "b"}
    con = duckdb.connect()
    n = con.execute(f"SELECT count(*) FROM read_parquet('{root}/events/**/*.parquet')").fetchone()
    assert n == (4,)


def test_an_ingest_reject_read_again_is_not_stored_twice(tmp_path: Path) -> None:
    reject = Reject("r1", "in.jsonl:line 3", "ingest", "E106", "E106 malformed JSONL line")
    with ParquetSink(tmp_path / "ds") as sink:
        sink.write([], [reject])
        sink.write([_coded("a", date(2017, 2, 7))], [reject])
    con = duckdb.connect()
    rows = con.execute(f"SELECT article_id FROM read_parquet('{tmp_path}/ds/rejects/*.parquet')").fetchall()
    assert rows == [("r1",)]


def test_fresh_starts_a_new_dataset(tmp_path: Path) -> None:
    with ParquetSink(tmp_path / "ds") as sink:
        sink.write([_coded("a", date(2017, 2, 7))])
    with ParquetSink(tmp_path / "ds", fresh=True) as sink:
        assert sink.coded_ids() == set()
        assert not list((tmp_path / "ds").rglob("*.parquet"))
