"""Plain typed records passed between stages: Article → Mention → Event / Quote, and Reject.

Every stage takes and returns these; none of them holds a spaCy object, so they pickle cheaply
across worker processes and Dask.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

CODER_VERSION = "eventwire-0.1.0"


def stable_id(*parts: object, length: int = 16) -> str:
    """A short hex digest of the parts, stable across runs, processes and machines."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:length]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article. ``id`` is the given id, else a hash of the text (see ``ingest.make_article``)."""

    id: str
    text: str
    date: date | None = None
    title: str = ""
    url: str = ""
    source: str = ""
    origin: str = ""  # where it came from: "path", "path:line 12", "url"
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Reject:
    """An input that could not be coded, and why. One broken article never stops a batch."""

    article_id: str
    origin: str
    stage: str  # "ingest", "nlp", "actors", "events", "store"
    code: str  # stable error code, see errors.ERRORS
    message: str


@dataclass(slots=True)
class Mention:
    """A resolved actor mention in a document.

    ``chain`` lists how it was resolved, oldest first, e.g.
    ``["the head of state", "Kassym-Jomart Tokayev", "people: Tokayev, President of KAZ 2019-03-20.."]``.
    """

    text: str
    start_char: int
    end_char: int
    sentence_index: int
    code: str  # full actor code, e.g. "KAZGOV", "IGOUNOHLHWHO", "USAMIL"
    name: str = ""  # canonical name: "Kassym-Jomart Tokayev", "World Health Organization", "Kazakhstan"
    country: str = ""  # ISO-3/CAMEO country code, "" for IGOs without one
    sector: str = ""  # GOV, MIL, COP, REB, OPP, CVL, LEG, JUD, MED, BUS, ...
    kind: str = ""  # "country", "igo", "ngo", "media", "person", "role", "group", "pronoun"
    entity_id: str = ""  # same value for all mentions of one real-world actor in a document
    head_index: int = -1  # token index (in the Doc) of the mention's syntactic head
    chain: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Quote:
    quote_id: str
    article_id: str
    text: str
    speaker_text: str
    speaker_code: str
    speaker_name: str
    sentence_index: int
    char_start: int
    char_end: int


@dataclass(slots=True)
class Event:
    """One coded event: a flat row like GDELT/ICEWS/POLECAT, with its evidence."""

    event_id: str
    article_id: str
    event_date: date | None
    source_code: str
    source_name: str
    source_text: str
    source_country: str
    source_sector: str
    target_code: str
    target_name: str
    target_text: str
    target_country: str
    target_sector: str
    cameo_code: str  # zero-padded string: "040", "0231"
    cameo_root: str
    cameo_name: str
    quad_class: int
    goldstein: float
    plover_type: str
    plover_mode: str
    location_name: str
    location_country: str
    latitude: float | None
    longitude: float | None
    sentence_index: int
    sentence: str
    trigger: str
    char_start: int  # of the trigger, in the article text
    char_end: int
    confidence: float
    coder_version: str = CODER_VERSION
    evidence: dict[str, Any] = field(default_factory=dict)  # pattern, mention chains, reasons (JSON column)

    def row(self) -> dict[str, Any]:
        return asdict(self)


def event_id_for(
    article_id: str, sentence_index: int, char_start: int, cameo_code: str, source: str, target: str
) -> str:
    """Stable across reruns: the same article coded the same way gives the same id."""
    return stable_id(article_id, sentence_index, char_start, cameo_code, source, target)


EVENT_COLUMNS: tuple[str, ...] = tuple(Event.__dataclass_fields__)


@dataclass(slots=True)
class CodedArticle:
    """What coding one article produced."""

    article: Article
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
