"""Worker processes and the Dask engine store exactly what coding in one process stores."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from tests.runners.runner_helpers import snapshot

from eventwire.config import Options
from eventwire.errors import EventwireError
from eventwire.ingest.sources import read_inputs
from eventwire.pipeline import RunStats
from eventwire.runners import default_parquet_dir, run_coding
from eventwire.runners.dask_engine import run_dask
from eventwire.runners.parquet import ParquetSink
from eventwire.store import Store

OPTIONS = Options(batch_size=4)


def _code(corpus: Path, db: Path, options: Options, **kw: object) -> RunStats:
    with Store(db) as store:
        return run_coding(options, read_inputs([str(corpus)], options), store, **kw)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def in_process(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[object, ...]]]:
    db = tmp_path_factory.mktemp("one") / "one.duckdb"
    stats = _code(corpus, db, OPTIONS)
    assert (stats.read, stats.coded, stats.rejected) == (42, 40, 2)
    tables = snapshot(db)
    assert len(tables["events"]) > 40
    return tables


def test_two_worker_processes_store_the_same_rows(
    corpus: Path, tmp_path: Path, in_process: dict[str, list[tuple[object, ...]]]
) -> None:
    db = tmp_path / "two.duckdb"
    results: list[str] = []
    stats = _code(corpus, db, OPTIONS.replace(workers=2), on_result=lambda c: results.append(c.article.id))
    assert (stats.read, stats.coded, stats.rejected, stats.skipped) == (42, 40, 2, 0)
    assert sorted(results) == [f"art-{i:03d}" for i in range(40)]  # every result reaches the caller once
    assert snapshot(db) == in_process
    again = _code(corpus, db, OPTIONS.replace(workers=2))  # resumed: nothing left to code
    assert (again.coded, again.skipped) == (0, 40)


def test_dask_local_cluster_writes_parquet_by_month_and_loads_duckdb(
    corpus: Path, tmp_path: Path, in_process: dict[str, list[tuple[object, ...]]]
) -> None:
    db = tmp_path / "dask.duckdb"
    options = OPTIONS.replace(engine="dask", workers=2)
    stats = _code(corpus, db, options)
    assert (stats.coded, stats.rejected) == (40, 2)
    assert snapshot(db) == in_process
    root = default_parquet_dir(db)
    con = duckdb.connect()
    by_month = con.execute(
        "SELECT year, month, count(*), min(month(event_date)), max(month(event_date)), "
        "min(year(event_date)) "
        f"FROM read_parquet('{root}/events/**/*.parquet', hive_partitioning=true) GROUP BY 1, 2"
    ).fetchall()
    assert sum(n for _, _, n, *_ in by_month) == len(in_process["events"])
    assert all(year == y == 2021 and month == lo == hi for year, month, _, lo, hi, y in by_month)
    assert len(by_month) > 3
    again = _code(corpus, db, options)  # resumed from the Parquet dataset: nothing to code
    assert (again.coded, again.skipped) == (0, 40)
    assert snapshot(db) == in_process


def test_dask_with_a_given_client_and_a_rerun_starts_the_dataset_anew(corpus: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    )
    client = distributed.Client(cluster)
    try:
        options = OPTIONS.replace(engine="dask")
        items = list(read_inputs([str(corpus)], options))[:10]
        with ParquetSink(tmp_path / "ds") as sink:
            first = run_dask(options, items, sink, client=client)
            ids = sink.coded_ids()
        with ParquetSink(tmp_path / "ds", fresh=True) as sink:
            second = run_dask(options, items, sink, resume=False, client=client)
            assert sink.coded_ids() == ids
        assert first.coded == second.coded == 10
        assert len(list((tmp_path / "ds" / "_commits").glob("*.json"))) == 3  # batches of 4, 4, 2
    finally:
        client.close()
        cluster.close()


def test_an_unreachable_scheduler_is_a_runner_error(corpus: Path, tmp_path: Path) -> None:
    dask = pytest.importorskip("dask")
    options = OPTIONS.replace(engine="dask", scheduler="tcp://127.0.0.1:9")
    with (
        dask.config.set({"distributed.comm.timeouts.connect": "2s"}),
        pytest.raises(EventwireError) as err,
        ParquetSink(tmp_path / "ds") as sink,
    ):
        run_dask(options, read_inputs([str(corpus)], options), sink)
    assert err.value.code == "E701"
