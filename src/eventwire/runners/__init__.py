"""Runners: code an input in this process, in local worker processes, or on a Dask cluster.

``run_coding`` picks one from ``options.engine`` and ``options.workers``. Every runner reads the input
in this process, skips articles already stored (``resume``), and writes results through one writer,
a batch per transaction, so a run killed at any point and started again loses and duplicates nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.config import Options
from eventwire.pipeline import Coder, RunStats, run_to_store
from eventwire.records import Article, CodedArticle, Reject

if TYPE_CHECKING:  # workers import this package: keep DuckDB and Arrow out of them
    from eventwire.store import Store


def default_parquet_dir(db_path: Path) -> Path:
    """Where the Dask engine writes by default: ``events.duckdb`` → ``events.parquet/``."""
    return db_path.with_suffix(".parquet")


def run_coding(
    options: Options,
    items: Iterable[Article | Reject],
    store: Store,
    *,
    resume: bool = True,
    on_progress: Callable[[RunStats], None] | None = None,
    on_result: Callable[[CodedArticle], None] | None = None,
    parquet_dir: Path | None = None,
    coder: Coder | None = None,
) -> RunStats:
    """Code ``items`` into ``store`` with the engine ``options`` names.

    ``engine="local"`` codes in ``options.workers`` spawned processes, or with ``workers=0`` in this
    process (with ``coder`` if given): one process in all, but the reader, model and writer then share
    its memory. ``engine="dask"`` codes on ``options.scheduler`` (or a LocalCluster of N
    workers) into the Parquet dataset ``parquet_dir`` (default ``default_parquet_dir(store.path)``),
    then loads what ``store`` lacks from it. With ``resume=False`` the Dask engine starts the dataset anew.
    Results from worker processes and Dask come to ``on_result`` without their mentions.
    """
    if options.engine == "dask":
        from eventwire.runners.dask_engine import run_dask
        from eventwire.runners.parquet import ParquetSink, load_into_store

        root = parquet_dir or default_parquet_dir(store.path)
        with ParquetSink(root, fresh=not resume) as sink:
            stats = run_dask(
                options, items, sink, resume=resume, on_progress=on_progress, on_result=on_result
            )
        load_into_store(root, store, only_missing=resume)
        return stats
    if options.workers > 0:
        from eventwire.runners.local import run_workers

        return run_workers(options, items, store, resume=resume, on_progress=on_progress, on_result=on_result)
    return run_to_store(
        coder or Coder(options), items, store, resume=resume, on_progress=on_progress, on_result=on_result
    )
