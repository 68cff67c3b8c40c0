"""The embedded DuckDB store: schema, idempotent writes, the run summary.

Re-coding an article replaces what it produced before (its events, quotes and rejects), so reruns
duplicate nothing. Reads for the API and dashboard live in ``queries.py`` over the same connection.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa

from eventwire.errors import EventwireError
from eventwire.records import EVENT_COLUMNS, CodedArticle, Event, Reject

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, date DATE, title VARCHAR, url VARCHAR, source VARCHAR, origin VARCHAR,
    meta JSON, text VARCHAR, n_events INTEGER, coded_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY, article_id VARCHAR, event_date DATE,
    source_code VARCHAR, source_name VARCHAR, source_text VARCHAR,
    source_country VARCHAR, source_sector VARCHAR,
    target_code VARCHAR, target_name VARCHAR, target_text VARCHAR,
    target_country VARCHAR, target_sector VARCHAR,
    cameo_code VARCHAR, cameo_root VARCHAR, cameo_name VARCHAR, quad_class INTEGER, goldstein DOUBLE,
    plover_type VARCHAR, plover_mode VARCHAR, location_name VARCHAR, location_country VARCHAR,
    latitude DOUBLE, longitude DOUBLE, sentence_index INTEGER, sentence VARCHAR, trigger VARCHAR,
    char_start INTEGER, char_end INTEGER, confidence DOUBLE, coder_version VARCHAR, evidence JSON
);
CREATE TABLE IF NOT EXISTS quotes (
    quote_id VARCHAR PRIMARY KEY, article_id VARCHAR, text VARCHAR, speaker_text VARCHAR,
    speaker_code VARCHAR, speaker_name VARCHAR, sentence_index INTEGER, char_start INTEGER, char_end INTEGER
);
CREATE TABLE IF NOT EXISTS rejects (
    article_id VARCHAR, origin VARCHAR, stage VARCHAR, code VARCHAR, message VARCHAR, rejected_at TIMESTAMP,
    PRIMARY KEY (article_id, stage, code)
);
"""

_ARTICLE_COLUMNS = ("id", "date", "title", "url", "source", "origin", "meta", "text", "n_events", "coded_at")
_QUOTE_COLUMNS = (
    "quote_id",
    "article_id",
    "text",
    "speaker_text",
    "speaker_code",
    "speaker_name",
    "sentence_index",
    "char_start",
    "char_end",
)


@dataclass(slots=True)
class Summary:
    articles: int = 0
    coded: int = 0
    rejected: int = 0
    events: int = 0
    quotes: int = 0
    by_quad: dict[int, int] = field(default_factory=dict)
    top_dyads: list[tuple[str, str, int]] = field(default_factory=list)
    reject_codes: dict[str, int] = field(default_factory=dict)


class Store:
    """A DuckDB file. Use as a context manager; one writer at a time."""

    def __init__(self, path: Path | str, *, read_only: bool = False) -> None:
        self.path = Path(path)
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
            if not read_only:
                self.con.execute(SCHEMA)
        except duckdb.Error as exc:
            raise EventwireError("E402", str(exc), where=str(self.path)) from exc

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def coded_ids(self) -> set[str]:
        """Ids of articles already stored (coded or rejected): what a resumed run can skip."""
        rows = self.con.execute("SELECT id FROM articles UNION SELECT article_id FROM rejects").fetchall()
        return {r[0] for r in rows}

    def events_for(self, article_ids: Iterable[str]) -> list[Event]:
        """The stored events of these articles, in article and text order (what a rerun skipped)."""
        ids = sorted(set(article_ids))
        if not ids:
            return []
        rows = self.con.execute(
            f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE list_contains(?, article_id) "
            "ORDER BY article_id, sentence_index, char_start, event_id",
            [ids],
        ).fetchall()
        out = []
        for row in rows:
            values = dict(zip(EVENT_COLUMNS, row, strict=True))
            values["evidence"] = json.loads(values["evidence"]) if values["evidence"] else {}
            out.append(Event(**values))
        return out

    def write(self, coded: Sequence[CodedArticle], rejects: Sequence[Reject] = ()) -> None:
        """Store one batch atomically: an article's old rows are replaced by its new ones."""
        now = datetime.now(UTC).replace(tzinfo=None)
        ids = [c.article.id for c in coded]
        try:
            self.con.execute("BEGIN TRANSACTION")
            if ids:
                id_table = pa.table({"id": pa.array(ids, pa.string())})  # noqa: F841 - read by SQL below
                for table, col in (
                    ("events", "article_id"),
                    ("quotes", "article_id"),
                    ("rejects", "article_id"),
                    ("articles", "id"),
                ):
                    self.con.execute(f"DELETE FROM {table} WHERE {col} IN (SELECT id FROM id_table)")
                self._insert("articles", _ARTICLE_COLUMNS, (_article_row(c, now) for c in coded))
                self._insert("events", EVENT_COLUMNS, (_event_row(e) for c in coded for e in c.events))
                self._insert(
                    "quotes", _QUOTE_COLUMNS, (vars_of(q, _QUOTE_COLUMNS) for c in coded for q in c.quotes)
                )
            if rejects:
                rows = [
                    {
                        "article_id": r.article_id,
                        "origin": r.origin,
                        "stage": r.stage,
                        "code": r.code,
                        "message": r.message,
                        "rejected_at": now,
                    }
                    for r in rejects
                ]
                self._insert(
                    "rejects",
                    ("article_id", "origin", "stage", "code", "message", "rejected_at"),
                    rows,
                    replace=True,
                )
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise EventwireError("E401", str(exc), where=str(self.path)) from exc

    def _insert(
        self, table: str, columns: Sequence[str], rows: Iterable[dict[str, Any]], *, replace: bool = False
    ) -> None:
        data = list(rows)
        if not data:
            return
        batch = pa.Table.from_pylist(data).select(list(columns))  # noqa: F841 - read by SQL below
        verb = "INSERT OR REPLACE" if replace else "INSERT OR IGNORE"
        cols = ", ".join(columns)
        self.con.execute(f"{verb} INTO {table} ({cols}) SELECT {cols} FROM batch")

    def summary(self) -> Summary:
        con = self.con
        s = Summary()
        s.coded = _one(con, "SELECT count(*) FROM articles")
        s.rejected = _one(con, "SELECT count(DISTINCT article_id) FROM rejects")
        s.articles = s.coded + s.rejected
        s.events = _one(con, "SELECT count(*) FROM events")
        s.quotes = _one(con, "SELECT count(*) FROM quotes")
        s.by_quad = dict(
            con.execute("SELECT quad_class, count(*) FROM events GROUP BY 1 ORDER BY 1").fetchall()
        )
        s.top_dyads = [
            (a, b, n)
            for a, b, n in con.execute(
                "SELECT source_code, coalesce(nullif(target_code, ''), '-'), count(*) AS n FROM events "
                "GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT 10"
            ).fetchall()
        ]
        s.reject_codes = dict(
            con.execute("SELECT code, count(*) FROM rejects GROUP BY 1 ORDER BY 1").fetchall()
        )
        return s


def _one(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = con.execute(sql).fetchone()
    return int(row[0]) if row else 0


def vars_of(obj: object, columns: Sequence[str]) -> dict[str, Any]:
    return {c: getattr(obj, c) for c in columns}


def _article_row(c: CodedArticle, now: datetime) -> dict[str, Any]:
    a = c.article
    return {
        "id": a.id,
        "date": a.date,
        "title": a.title,
        "url": a.url,
        "source": a.source,
        "origin": a.origin,
        "meta": json.dumps(a.meta, default=str),
        "text": a.text,
        "n_events": len(c.events),
        "coded_at": now,
    }


def _event_row(e: Any) -> dict[str, Any]:
    row = vars_of(e, EVENT_COLUMNS)
    row["evidence"] = json.dumps(e.evidence, default=str)
    return row
