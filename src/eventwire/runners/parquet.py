"""A Parquet dataset as a run's sink: the Dask runner's output, read by DuckDB and the dashboard.

Layout under the dataset folder (Hive partitions, so ``read_parquet(..., hive_partitioning=true)`` and
other engines prune by date)::

    articles/year=2017/month=2/part-<batch>-0.parquet   articles, by their date
    events/year=2017/month=2/part-<batch>-0.parquet     events, by event_date
    quotes/part-<batch>-0.parquet                       quotes
    rejects/part-<batch>-0.parquet                      rejects
    _commits/<batch>.json                               one per stored batch: its ids and files

Rows and columns are exactly the DuckDB store's: each batch is first written by ``Store.write`` into an
in-memory database and copied out from there. A batch counts as stored only once its commit file exists
(written last, by an atomic rename), so a run killed at any point leaves at most files of an unfinished
batch; opening the sink deletes those, and a resumed run codes that batch again.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import TypedDict

import duckdb

from eventwire.errors import EventwireError
from eventwire.records import CodedArticle, Reject, stable_id
from eventwire.store import Store

TABLES = ("articles", "events", "quotes", "rejects")
#: The date column each table is partitioned by (year, month), or None.
_PARTITION = {"articles": "date", "events": "event_date", "quotes": None, "rejects": None}


class Commit(TypedDict):
    batch: str
    articles: list[str]  # ids of the coded articles
    rejects: list[str]  # ids of the rejected articles
    files: dict[str, list[str]]  # table → files, relative to the dataset folder


class ParquetSink:
    """Writes batches of results as a Parquet dataset at ``root`` (see the module doc)."""

    def __init__(self, root: Path, *, fresh: bool = False) -> None:
        self.root = Path(root)
        if fresh and self.root.exists():
            shutil.rmtree(self.root)
        (self.root / "_commits").mkdir(parents=True, exist_ok=True)
        self._memory = Store(":memory:")
        self._commits = {path.stem: _read_commit(path) for path in self.commit_files()}
        self._remove_orphans()

    def close(self) -> None:
        self._memory.close()

    def __enter__(self) -> ParquetSink:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def commit_files(self) -> list[Path]:
        return sorted((self.root / "_commits").glob("*.json"))

    def coded_ids(self) -> set[str]:
        """Ids of articles in committed batches (coded or rejected): what a resumed run can skip."""
        ids: set[str] = set()
        for commit in self._commits.values():
            ids.update(commit["articles"])
            ids.update(commit["rejects"])
        return ids

    def commits(self) -> list[Commit]:
        """The committed batches."""
        return list(self._commits.values())

    def write(self, coded: Sequence[CodedArticle], rejects: Sequence[Reject] = ()) -> None:
        """Store one batch: its files, then its commit file. Rewriting the same batch replaces it."""
        committed = self.coded_ids()
        rejects = [r for r in rejects if r.article_id not in committed]  # e.g. an ingest reject read again
        if not coded and not rejects:
            return
        articles = sorted(c.article.id for c in coded)
        rejected = sorted({r.article_id for r in rejects})
        batch = stable_id("batch", *articles, "|", *rejected)
        memory = self._memory
        for table in TABLES:
            memory.con.execute(f"DELETE FROM {table}")
        memory.write(coded, rejects)
        staging = self.root / "_staging" / batch
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        files: dict[str, list[str]] = {}
        try:
            for table in TABLES:
                files[table] = self._copy_out(table, batch, staging)
        except (duckdb.Error, OSError) as exc:
            raise EventwireError("E401", str(exc), where=str(self.root)) from exc
        shutil.rmtree(staging, ignore_errors=True)
        commit: Commit = {"batch": batch, "articles": articles, "rejects": rejected, "files": files}
        path = self.root / "_commits" / f"{batch}.json"
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(commit), encoding="utf-8")
        os.replace(tmp, path)
        self._commits[batch] = commit

    def _copy_out(self, table: str, batch: str, staging: Path) -> list[str]:
        """COPY one table of the in-memory batch to staging, then move its files into the dataset."""
        con = self._memory.con
        row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
        if not row or not row[0]:
            return []
        target = staging / table
        date_col = _PARTITION[table]
        if date_col:
            query = f"SELECT *, year({date_col}) AS year, month({date_col}) AS month FROM {table}"
            options = f"FORMAT parquet, PARTITION_BY (year, month), FILENAME_PATTERN 'part-{batch}-{{i}}'"
        else:
            target.mkdir(parents=True)
            target = target / f"part-{batch}-0.parquet"
            query, options = f"SELECT * FROM {table}", "FORMAT parquet"
        con.execute(f"COPY ({query}) TO '{_sql_path(target)}' ({options})")
        moved: list[str] = []
        for src in sorted((staging / table).rglob("*.parquet")):
            rel = Path(table) / src.relative_to(staging / table)
            (self.root / rel).parent.mkdir(parents=True, exist_ok=True)
            os.replace(src, self.root / rel)
            moved.append(rel.as_posix())
        return moved

    def _remove_orphans(self) -> None:
        """Delete what an interrupted run left: staging folders and files of uncommitted batches."""
        shutil.rmtree(self.root / "_staging", ignore_errors=True)
        for tmp in (self.root / "_commits").glob("*.tmp"):
            tmp.unlink()
        kept = {self.root / f for c in self._commits.values() for fs in c["files"].values() for f in fs}
        for table in TABLES:
            for path in (self.root / table).rglob("*.parquet"):
                if path not in kept:
                    path.unlink()


def load_into_store(root: Path, store: Store, *, only_missing: bool = True) -> int:
    """Load a Parquet dataset's committed batches into a DuckDB store, replacing the rows of their
    articles; with ``only_missing`` only batches with an article the store lacks. Returns batches loaded.
    """
    with ParquetSink(root) as sink:
        commits = sink.commits()
    if only_missing:
        have = store.coded_ids()
        commits = [c for c in commits if not set(c["articles"]) | set(c["rejects"]) <= have]
    if not commits:
        return 0
    con = store.con
    files = {t: [str(Path(root) / f) for c in commits for f in c["files"][t]] for t in TABLES}
    try:
        con.execute("BEGIN TRANSACTION")
        if files["articles"]:
            ids = "(SELECT id FROM read_parquet(?, hive_partitioning=false))"
            for table, col in (("events", "article_id"), ("quotes", "article_id"), ("rejects", "article_id")):
                con.execute(f"DELETE FROM {table} WHERE {col} IN {ids}", [files["articles"]])
            con.execute(f"DELETE FROM articles WHERE id IN {ids}", [files["articles"]])
        for table in TABLES:
            if files[table]:
                cols = ", ".join(_columns(con, table))
                verb = "INSERT OR REPLACE" if table == "rejects" else "INSERT OR IGNORE"
                source = "read_parquet(?, hive_partitioning=false)"
                con.execute(f"{verb} INTO {table} ({cols}) SELECT {cols} FROM {source}", [files[table]])
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise EventwireError("E401", str(exc), where=str(store.path)) from exc
    return len(commits)


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [table],
    ).fetchall()
    return [r[0] for r in rows]


def _read_commit(path: Path) -> Commit:
    try:
        commit: Commit = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EventwireError("E402", f"unreadable commit file: {exc}", where=str(path)) from exc
    return commit


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")
