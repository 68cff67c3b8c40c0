"""JSON routes over articles, rejects and health, and the export download."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from typing import IO, Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import StreamingResponse

from eventwire import queries
from eventwire.api.models import ArticleDetail, ArticlePage, Health, RejectPage
from eventwire.api.params import DEFAULT_LIMIT, Cursor, Filter, IsoDate, Limit, Offset
from eventwire.exports import COLUMN_SETS, FORMATS, MEDIA_TYPES, export_events
from eventwire.queries import MAX_TEXT

router = APIRouter(prefix="/api")
SUFFIX = {"jsonl": "jsonl", "plover": "plover.jsonl"}
SHORT = r"^[A-Za-z0-9_.:-]{0,40}$"


@router.get(
    "/articles", response_model=ArticlePage, tags=["articles"], summary="Stored articles, newest first"
)
def articles(
    cur: Cursor,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    start: Annotated[IsoDate | None, Query(description="first article date, inclusive")] = None,
    end: Annotated[IsoDate | None, Query(description="last article date, inclusive")] = None,
    q: Annotated[str | None, Query(max_length=MAX_TEXT, description="text in the title or id")] = None,
) -> dict[str, Any]:
    return queries.list_articles(cur, start, end, q or None, limit, offset)


@router.get(
    "/articles/{article_id}",
    response_model=ArticleDetail,
    tags=["articles"],
    summary="One article with its text and the ids of its events",
)
def article(cur: Cursor, article_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    return queries.get_article(cur, article_id)


@router.get(
    "/rejects", response_model=RejectPage, tags=["articles"], summary="Inputs that could not be coded"
)
def rejects(
    cur: Cursor,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    stage: Annotated[
        str | None, Query(pattern=SHORT, description="ingest, nlp, actors, events, store")
    ] = None,
    code: Annotated[str | None, Query(pattern=SHORT, description="error code, e.g. E105")] = None,
) -> dict[str, Any]:
    return queries.list_rejects(cur, stage or None, code or None, limit, offset)


@router.get("/health", response_model=Health, tags=["service"], summary="Store counts; 200 when readable")
def health(cur: Cursor) -> dict[str, Any]:
    return queries.health(cur)


_EXPORT_CONTENT = {
    mt: {"schema": {"type": "string", "format": "binary"}} for mt in sorted(set(MEDIA_TYPES.values()))
}


@router.get(
    "/export",
    tags=["export"],
    response_class=StreamingResponse,
    responses={200: {"content": _EXPORT_CONTENT, "description": "the events as a file"}},
    summary="All events matching the filters as CSV/TSV (eventwire, GDELT- or ICEWS-like columns), "
    "Parquet, JSONL or PLOVER JSONL",
)
def export(
    cur: Cursor,
    flt: Filter,
    format: Annotated[str, Query(pattern="^(" + "|".join(FORMATS) + ")$", description="file format")] = "csv",
    columns: Annotated[
        str,
        Query(pattern="^(" + "|".join(COLUMN_SETS) + ")$", description="column set for csv, tsv and parquet"),
    ] = "eventwire",
) -> StreamingResponse:
    spool = tempfile.SpooledTemporaryFile(max_size=16 * 2**20)  # noqa: SIM115 - closed by _chunks
    try:
        count = export_events(cur, flt, spool, format, columns)
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    name = f"events-{columns}.{format}" if format in ("csv", "tsv", "parquet") else f"events.{SUFFIX[format]}"
    return StreamingResponse(
        _chunks(spool),
        media_type=MEDIA_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="{name}"', "X-Event-Count": str(count)},
    )


def _chunks(handle: IO[bytes]) -> Iterator[bytes]:
    try:
        while chunk := handle.read(2**16):
            yield chunk
    finally:
        handle.close()
