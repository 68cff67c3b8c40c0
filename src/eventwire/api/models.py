"""Response bodies of the JSON API (they make the OpenAPI spec precise)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, Field


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


# the store keeps naive UTC timestamps; the API says so (RFC 3339 needs the offset)
UtcDatetime = Annotated[datetime, AfterValidator(_utc)]


class ErrorDetail(BaseModel):
    code: str = Field(examples=["E501"])
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail


class Page(BaseModel):
    total: int
    limit: int
    offset: int


class EventRow(BaseModel):
    event_id: str
    article_id: str | None
    event_date: date | None
    source_code: str | None
    source_name: str | None
    source_country: str | None
    target_code: str | None
    target_name: str | None
    target_country: str | None
    cameo_code: str | None
    cameo_root: str | None
    cameo_name: str | None
    quad_class: int | None
    goldstein: float | None
    plover_type: str | None
    plover_mode: str | None
    location_name: str | None
    sentence_index: int | None
    sentence: str | None
    trigger: str | None
    char_start: int | None
    char_end: int | None
    confidence: float | None
    trigger_start: int | None = Field(description="offset of the trigger inside `sentence`")
    trigger_end: int | None


class EventPage(Page):
    items: list[EventRow]


class ArticleRef(BaseModel):
    id: str
    date: date | None
    title: str | None
    url: str | None
    source: str | None


class QuoteOut(BaseModel):
    quote_id: str
    article_id: str | None
    text: str | None
    speaker_text: str | None
    speaker_code: str | None
    speaker_name: str | None
    sentence_index: int | None
    char_start: int | None
    char_end: int | None
    same_sentence: bool
    by_actor: bool = Field(description="the speaker is the event's source or target")


class EventDetail(EventRow):
    source_text: str | None
    source_sector: str | None
    target_text: str | None
    target_sector: str | None
    location_country: str | None
    latitude: float | None
    longitude: float | None
    coder_version: str | None
    evidence: dict[str, Any]
    source_chain: list[str] = Field(description="how the source mention was resolved, oldest first")
    target_chain: list[str]
    article: ArticleRef | None
    quotes: list[QuoteOut]


class ActorRow(BaseModel):
    code: str
    name: str | None
    country: str | None
    events: int
    as_source: int
    as_target: int
    first_seen: date | None
    last_seen: date | None


class ActorPage(Page):
    items: list[ActorRow]


class SeriesPoint(BaseModel):
    period: date
    events: int
    goldstein_mean: float | None


class DyadSeries(BaseModel):
    source: str
    target: str
    interval: str
    points: list[SeriesPoint]


class TimelinePoint(BaseModel):
    period: date
    quad_class: int | None
    events: int


class Timeline(BaseModel):
    interval: str
    points: list[TimelinePoint]


class DyadEdge(BaseModel):
    source: str
    target: str
    source_name: str | None
    target_name: str | None
    events: int
    goldstein_mean: float | None


class DyadList(BaseModel):
    items: list[DyadEdge]


class ArticleRow(ArticleRef):
    origin: str | None
    n_events: int | None
    coded_at: UtcDatetime | None


class ArticlePage(Page):
    items: list[ArticleRow]


class ArticleDetail(ArticleRow):
    text: str | None
    event_ids: list[str]


class RejectRow(BaseModel):
    article_id: str
    origin: str | None
    stage: str
    code: str
    message: str | None
    rejected_at: UtcDatetime | None


class RejectPage(Page):
    items: list[RejectRow]


class Health(BaseModel):
    status: str
    articles: int
    events: int
    quotes: int
    rejected_articles: int
    first_event: date | None
    last_event: date | None
