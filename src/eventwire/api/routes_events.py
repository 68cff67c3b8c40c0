"""JSON routes over events: list, one event, actors, dyads (network edges and time series), timeline."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from eventwire import queries
from eventwire.api.models import ActorPage, DyadList, DyadSeries, EventDetail, EventPage, Timeline
from eventwire.api.params import DEFAULT_LIMIT, Cursor, Filter, Interval, Limit, Offset
from eventwire.errors import EventwireError
from eventwire.queries import MAX_TEXT

router = APIRouter(prefix="/api", tags=["events"])


@router.get("/events", response_model=EventPage, summary="Events matching the filters, newest first")
def events(cur: Cursor, flt: Filter, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict[str, Any]:
    return queries.list_events(cur, flt, limit, offset)


@router.get(
    "/events/{event_id}",
    response_model=EventDetail,
    summary="One event: evidence sentence, trigger, each actor's mention chain, quotes",
)
def event(cur: Cursor, event_id: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
    return queries.get_event(cur, event_id)


@router.get("/actors", response_model=ActorPage, summary="Actors with event counts, first and last seen")
def actors(
    cur: Cursor,
    flt: Filter,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    q: Annotated[str | None, Query(max_length=MAX_TEXT, description="code prefix or name part")] = None,
) -> dict[str, Any]:
    return queries.list_actors(cur, flt, q or None, limit, offset)


@router.get("/dyads", response_model=DyadList, summary="The busiest directed dyads (who → whom)")
def dyads(cur: Cursor, flt: Filter, limit: Limit = 100) -> dict[str, Any]:
    return {"items": queries.dyads(cur, flt, limit)}


@router.get(
    "/dyads/series",
    response_model=DyadSeries,
    summary="Events and mean Goldstein per day, week or month for one dyad (source and target required)",
)
def dyad_series(cur: Cursor, flt: Filter, interval: Interval = "day") -> dict[str, Any]:
    if not flt.source or not flt.target:
        raise EventwireError("E501", "a dyad series needs both source and target")
    return {
        "source": flt.source,
        "target": flt.target,
        "interval": interval,
        "points": queries.dyad_series(cur, flt, interval),
    }


@router.get("/timeline", response_model=Timeline, summary="Events per day, week or month by quad class")
def timeline(cur: Cursor, flt: Filter, interval: Interval = "day") -> dict[str, Any]:
    return {"interval": interval, "points": queries.timeline(cur, flt, interval)}
