"""The one read layer over the store, shared by the JSON API, the dashboard and ``eventwire export``.

Every function takes a DuckDB connection (a per-request cursor in the API) and returns plain dicts and
lists, fully fetched. SQL is parameterised: user values only ever travel as ``?`` parameters; the few
identifiers that vary (the time unit) come from fixed whitelists. Bad values raise ``EventwireError("E501")``,
unknown ids ``EventwireError("E502")``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from eventwire.codebook import PLOVER_TYPES
from eventwire.errors import EventwireError
from eventwire.records import EVENT_COLUMNS

Con = duckdb.DuckDBPyConnection
MAX_PAGE = 500  # the largest page any list returns
DEFAULT_PAGE = 50
MAX_OFFSET = 1_000_000_000
MAX_TEXT = 200
INTERVALS = ("day", "week", "month")
QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
_DETAIL_ONLY = {"source_text", "source_sector", "target_text", "target_sector", "location_country",
                "latitude", "longitude", "coder_version", "evidence"}  # fmt: skip
LIST_COLUMNS = tuple(c for c in EVENT_COLUMNS if c not in _DETAIL_ONLY)
ACTOR_CODE = re.compile(r"[A-Z0-9]{1,40}")
CAMEO_CODE = re.compile(r"[0-9]{2,4}")
# filter field -> SQL condition on the events table; the value is always a parameter
CONDITIONS = {
    "start": "event_date >= ?", "end": "event_date <= ?", "source": "starts_with(source_code, ?)",
    "target": "starts_with(target_code, ?)", "source_country": "source_country = ?",
    "target_country": "target_country = ?", "cameo_root": "cameo_root = ?",
    "cameo_code": "starts_with(cameo_code, ?)", "plover_type": "plover_type = ?",
    "quad_class": "quad_class = ?", "text": "contains(lower(sentence), lower(?))",
}  # fmt: skip


def _bad(detail: str) -> EventwireError:
    return EventwireError("E501", detail)


def check_text(name: str, value: str | None, limit: int = MAX_TEXT) -> None:
    if value and (len(value) > limit or "\x00" in value):
        raise _bad(f"{name} must be at most {limit} characters without NUL")


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What an event list, chart or export is restricted to. ``None`` or "" means no restriction.

    ``source``/``target`` match actor codes by prefix (``KAZ`` matches ``KAZGOV``); ``*_country`` match the
    country column exactly; ``cameo_code`` matches by prefix (``023`` matches ``0231``); ``text`` is a
    case-insensitive substring of the evidence sentence.
    """

    start: date | None = None
    end: date | None = None
    source: str | None = None
    target: str | None = None
    source_country: str | None = None
    target_country: str | None = None
    cameo_root: str | None = None
    cameo_code: str | None = None
    plover_type: str | None = None
    quad_class: int | None = None
    text: str | None = None

    def __post_init__(self) -> None:
        for name in ("source", "target", "source_country", "target_country"):
            value = getattr(self, name)
            if value and not ACTOR_CODE.fullmatch(value):
                raise _bad(f"{name} must be an actor or country code (A-Z, 0-9), got {value!r}")
        if self.start and self.end and self.start > self.end:
            raise _bad(f"start {self.start} is after end {self.end}")
        root = self.cameo_root
        if root and not (CAMEO_CODE.fullmatch(root) and len(root) == 2 and 1 <= int(root) <= 20):
            raise _bad(f"cameo_root must be 01-20, got {root!r}")
        if self.cameo_code and not CAMEO_CODE.fullmatch(self.cameo_code):
            raise _bad(f"cameo_code must be 2-4 digits, got {self.cameo_code!r}")
        if self.plover_type and self.plover_type not in PLOVER_TYPES:
            raise _bad(f"plover_type must be one of {', '.join(sorted(PLOVER_TYPES))}")
        if self.quad_class is not None and self.quad_class not in QUAD_NAMES:
            raise _bad(f"quad_class must be 1-4, got {self.quad_class}")
        check_text("text", self.text)

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause (always present, "TRUE" when empty) and its parameters, in order."""
        used = [
            (sql, getattr(self, name))
            for name, sql in CONDITIONS.items()
            if getattr(self, name) not in (None, "")
        ]
        return " AND ".join(["TRUE", *(sql for sql, _ in used)]), [value for _, value in used]


def check_page(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_PAGE:
        raise _bad(f"limit must be 1-{MAX_PAGE}, got {limit}")
    if not 0 <= offset <= MAX_OFFSET:
        raise _bad(f"offset must be 0-{MAX_OFFSET}, got {offset}")


def _unit(interval: str) -> str:
    if interval not in INTERVALS:
        raise _bad(f"interval must be one of {', '.join(INTERVALS)}, got {interval!r}")
    return interval


def _rows(con: Con, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _page(con: Con, select: str, params: list[Any], order: str, limit: int, offset: int) -> dict[str, Any]:
    """``{total, limit, offset, items}`` for ``select`` (a full SELECT), ordered and sliced."""
    check_page(limit, offset)
    row = con.execute(f"SELECT count(*) FROM ({select})", params).fetchone()
    items = _rows(
        con, f"SELECT * FROM ({select}) ORDER BY {order} LIMIT ? OFFSET ?", [*params, limit, offset]
    )
    return {"total": int(row[0]) if row else 0, "limit": limit, "offset": offset, "items": items}


def list_events(con: Con, flt: EventFilter, limit: int = DEFAULT_PAGE, offset: int = 0) -> dict[str, Any]:
    """A page of events, newest first, each with the trigger's offsets inside its sentence."""
    where, params = flt.where()
    select = f"SELECT {', '.join(LIST_COLUMNS)} FROM events WHERE {where}"
    page = _page(con, select, params, "event_date DESC NULLS LAST, event_id", limit, offset)
    texts = _article_texts(con, {r["article_id"] for r in page["items"]})
    for item in page["items"]:
        item["trigger_start"], item["trigger_end"] = trigger_span(item, texts.get(item["article_id"], ""))
    return page


def _article_texts(con: Con, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    rows = con.execute("SELECT id, text FROM articles WHERE list_contains(?, id)", [sorted(ids)]).fetchall()
    return {r[0]: r[1] or "" for r in rows}


def trigger_span(event: dict[str, Any], article_text: str) -> tuple[int | None, int | None]:
    """Where the trigger sits inside the event's sentence: from the article offsets, else by search."""
    sentence, trigger = event.get("sentence") or "", event.get("trigger") or ""
    if not sentence:
        return None, None
    cs, ce = event.get("char_start"), event.get("char_end")
    start = article_text.rfind(sentence, 0, cs + 1) if isinstance(cs, int) and cs >= 0 else -1
    if start >= 0 and isinstance(cs, int) and isinstance(ce, int) and cs < ce <= start + len(sentence):
        return cs - start, ce - start
    pos = sentence.lower().find(trigger.lower()) if trigger else -1
    return (pos, pos + len(trigger)) if pos >= 0 else (None, None)


def get_event(con: Con, event_id: str) -> dict[str, Any]:
    """One event with its evidence, each actor's mention chain, its article and the article's quotes."""
    rows = _rows(con, "SELECT * FROM events WHERE event_id = ?", [event_id])
    if not rows:
        raise EventwireError("E502", f"no event {event_id!r}")
    event = rows[0]
    evidence = json.loads(event["evidence"]) if event.get("evidence") else {}
    event["evidence"] = evidence if isinstance(evidence, dict) else {"value": evidence}
    event["source_chain"] = mention_chain(event["evidence"], "source")
    event["target_chain"] = mention_chain(event["evidence"], "target")
    sql = "SELECT id, date, title, url, source, text FROM articles WHERE id = ?"
    art = _rows(con, sql, [event["article_id"]])
    text = (art[0].pop("text") or "") if art else ""
    event["article"] = art[0] if art else None
    event["trigger_start"], event["trigger_end"] = trigger_span(event, text)
    sql = "SELECT * FROM quotes WHERE article_id = ? ORDER BY sentence_index, char_start"
    event["quotes"] = _rows(con, sql, [event["article_id"]])
    actors = {event["source_code"], event["target_code"]} - {"", None}
    for q in event["quotes"]:
        q["same_sentence"] = q["sentence_index"] == event["sentence_index"]
        q["by_actor"] = q["speaker_code"] in actors
    return event


def mention_chain(evidence: dict[str, Any], side: str) -> list[str]:
    """How the ``side`` actor was resolved, oldest first (``evidence[side]["chain"]`` or ``{side}_chain``)."""
    nested = evidence.get(side)
    value = nested.get("chain") if isinstance(nested, dict) else evidence.get(f"{side}_chain")
    return [str(v) for v in value] if isinstance(value, list) else []


def list_actors(
    con: Con, flt: EventFilter, q: str | None = None, limit: int = DEFAULT_PAGE, offset: int = 0
) -> dict[str, Any]:
    """Actors seen as source or target: event counts, first and last seen, most events first."""
    check_text("q", q)
    where, params = flt.where()
    sides = (
        f"SELECT source_code AS code, source_name AS name, source_country AS country, event_date, 1 AS s "
        f"FROM events WHERE {where} AND source_code <> '' UNION ALL "
        f"SELECT target_code, target_name, target_country, event_date, 0 FROM events "
        f"WHERE {where} AND target_code <> ''"
    )
    match = "(starts_with(code, upper(?)) OR contains(lower(coalesce(name, '')), lower(?)))" if q else "TRUE"
    select = (
        "SELECT code, arg_max(name, event_date) AS name, arg_max(country, event_date) AS country, "
        "count(*) AS events, sum(s)::BIGINT AS as_source, (count(*) - sum(s))::BIGINT AS as_target, "
        f"min(event_date) AS first_seen, max(event_date) AS last_seen FROM ({sides}) "
        f"GROUP BY code HAVING {match}"
    )
    return _page(con, select, [*params, *params, *([q, q] if q else [])], "events DESC, code", limit, offset)


def dyad_series(con: Con, flt: EventFilter, interval: str = "day") -> list[dict[str, Any]]:
    """Events and mean Goldstein per period for the filter (a dyad: ``source`` and ``target`` set)."""
    where, params = flt.where()
    sql = (
        f"SELECT date_trunc('{_unit(interval)}', event_date)::DATE AS period, count(*) AS events, "
        f"avg(goldstein) AS goldstein_mean FROM events WHERE {where} AND event_date IS NOT NULL "
        "GROUP BY period ORDER BY period"
    )
    return _rows(con, sql, params)


def timeline(con: Con, flt: EventFilter, interval: str = "day") -> list[dict[str, Any]]:
    """Events per period and quad class."""
    where, params = flt.where()
    sql = (
        f"SELECT date_trunc('{_unit(interval)}', event_date)::DATE AS period, quad_class, count(*) AS events "
        f"FROM events WHERE {where} AND event_date IS NOT NULL GROUP BY ALL ORDER BY ALL"
    )
    return _rows(con, sql, params)


def dyads(con: Con, flt: EventFilter, limit: int = 100) -> list[dict[str, Any]]:
    """The busiest directed dyads (who → whom): the edges of the dyad network."""
    check_page(limit, 0)
    where, params = flt.where()
    sql = (
        "SELECT source_code AS source, target_code AS target, count(*) AS events, "
        "avg(goldstein) AS goldstein_mean, arg_max(source_name, event_date) AS source_name, "
        "arg_max(target_name, event_date) AS target_name "
        f"FROM events WHERE {where} AND source_code <> '' AND target_code <> '' "
        "GROUP BY ALL ORDER BY events DESC, source, target LIMIT ?"
    )
    return _rows(con, sql, [*params, limit])


def list_articles(
    con: Con, start: date | None = None, end: date | None = None, q: str | None = None,
    limit: int = DEFAULT_PAGE, offset: int = 0,
) -> dict[str, Any]:  # fmt: skip
    check_text("q", q)
    conds: list[str] = ["TRUE"]
    params: list[Any] = []
    for sql, value in (("date >= ?", start), ("date <= ?", end)):
        if value:
            conds.append(sql)
            params.append(value)
    if q:
        conds.append("(contains(lower(coalesce(title, '')), lower(?)) OR contains(lower(id), lower(?)))")
        params += [q, q]
    where = " AND ".join(conds)
    select = f"SELECT id, date, title, url, source, origin, n_events, coded_at FROM articles WHERE {where}"
    return _page(con, select, params, "date DESC NULLS LAST, id", limit, offset)


def get_article(con: Con, article_id: str) -> dict[str, Any]:
    sql = "SELECT id, date, title, url, source, origin, n_events, coded_at, text FROM articles WHERE id = ?"
    rows = _rows(con, sql, [article_id])
    if not rows:
        raise EventwireError("E502", f"no article {article_id!r}")
    sql = "SELECT event_id FROM events WHERE article_id = ? ORDER BY sentence_index, char_start, event_id"
    rows[0]["event_ids"] = [r[0] for r in con.execute(sql, [article_id]).fetchall()]
    return rows[0]


def list_rejects(
    con: Con, stage: str | None = None, code: str | None = None, limit: int = DEFAULT_PAGE, offset: int = 0
) -> dict[str, Any]:
    check_text("stage", stage, 40)
    check_text("code", code, 40)
    used = [(f"{col} = ?", value) for col, value in (("stage", stage), ("code", code)) if value]
    where = " AND ".join(["TRUE", *(sql for sql, _ in used)])
    select = f"SELECT article_id, origin, stage, code, message, rejected_at FROM rejects WHERE {where}"
    order = "rejected_at DESC, article_id, stage, code"
    return _page(con, select, [v for _, v in used], order, limit, offset)


def health(con: Con) -> dict[str, Any]:
    """Store counts (what /api/health answers)."""
    sql = (
        "SELECT 'ok' AS status, (SELECT count(*) FROM articles) AS articles, "
        "(SELECT count(*) FROM events) AS events, (SELECT count(*) FROM quotes) AS quotes, "
        "(SELECT count(DISTINCT article_id) FROM rejects) AS rejected_articles, "
        "(SELECT min(event_date) FROM events) AS first_event, "
        "(SELECT max(event_date) FROM events) AS last_event"
    )
    return _rows(con, sql, [])[0]
