"""Request parameters shared by routes: the per-request cursor, the event filter and paging."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any

import duckdb
from fastapi import Depends, Query, Request
from pydantic import BeforeValidator

from eventwire.codebook import PLOVER_TYPES
from eventwire.queries import DEFAULT_PAGE, INTERVALS, MAX_OFFSET, MAX_PAGE, MAX_TEXT, EventFilter

CODE_PATTERN = r"^[A-Za-z0-9]{0,40}$"
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date(value: Any) -> Any:
    """Only YYYY-MM-DD: pydantic alone would read "0" as a Unix timestamp (1970-01-01)."""
    if isinstance(value, str) and not ISO_DATE.match(value):
        raise ValueError("a date must be written YYYY-MM-DD")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
PLOVER_PATTERN = "^(" + "|".join(sorted(PLOVER_TYPES)) + ")?$"
INTERVAL_PATTERN = "^(" + "|".join(INTERVALS) + ")$"


def cursor(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """A fresh cursor per request: routes run in a thread pool and DuckDB cursors are not shared."""
    cur: duckdb.DuckDBPyConnection = request.app.state.store.con.cursor()
    try:
        yield cur
    finally:
        cur.close()


Cursor = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]


def _code(value: str | None) -> str | None:
    return value.upper() if value else None


def event_filter(
    start: Annotated[IsoDate | None, Query(description="first event date, inclusive (YYYY-MM-DD)")] = None,
    end: Annotated[IsoDate | None, Query(description="last event date, inclusive (YYYY-MM-DD)")] = None,
    source: Annotated[str | None, Query(pattern=CODE_PATTERN, description="source actor code prefix")] = None,
    target: Annotated[str | None, Query(pattern=CODE_PATTERN, description="target actor code prefix")] = None,
    source_country: Annotated[str | None, Query(pattern=CODE_PATTERN, description="source country")] = None,
    target_country: Annotated[str | None, Query(pattern=CODE_PATTERN, description="target country")] = None,
    cameo_root: Annotated[
        str | None, Query(pattern=r"^(0[1-9]|1[0-9]|20)?$", description="CAMEO root")
    ] = None,
    cameo_code: Annotated[
        str | None, Query(pattern=r"^([0-9]{2,4})?$", description="CAMEO code prefix")
    ] = None,
    plover_type: Annotated[str | None, Query(pattern=PLOVER_PATTERN, description="PLOVER event type")] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4, description="1-4, GDELT convention")] = None,
    text: Annotated[
        str | None, Query(max_length=MAX_TEXT, description="text in the evidence sentence")
    ] = None,
) -> EventFilter:
    return EventFilter(
        start=start,
        end=end,
        source=_code(source),
        target=_code(target),
        source_country=_code(source_country),
        target_country=_code(target_country),
        cameo_root=cameo_root or None,
        cameo_code=cameo_code or None,
        plover_type=plover_type or None,
        quad_class=quad_class,
        text=text or None,
    )


Filter = Annotated[EventFilter, Depends(event_filter)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"page size, at most {MAX_PAGE}")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip")]
Interval = Annotated[str, Query(pattern=INTERVAL_PATTERN, description="day, week or month")]
DEFAULT_LIMIT = DEFAULT_PAGE
