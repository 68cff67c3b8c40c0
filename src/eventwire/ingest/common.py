"""What every reader shares: raw records, field aliases, lenient dates, and the Article-or-Reject step.

Article ids: a record's own id (``id`` or an alias such as ``article_id``) is kept as given, except that a
bare number, which is only unique inside its file, gets the file's stem as prefix: row ``1`` of
``NewsArticles.csv`` becomes ``NewsArticles-1``. Records without an id get a hash of title and text
(``make_article``). A Reject carries the record's id when known, else a hash of its origin.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from pathlib import PurePosixPath
from types import MappingProxyType
from typing import Any, Final

import dateparser

from eventwire.config import Options
from eventwire.errors import EventwireError
from eventwire.ingest import make_article
from eventwire.records import Article, Reject, stable_id

CANONICAL: Final = ("id", "date", "title", "text", "url", "source")

#: File name extensions read from directories and archives (lower-cased); ``sources`` maps each to a reader.
EXTENSIONS: Final = frozenset(
    {".txt", ".jsonl", ".json", ".csv", ".html", ".htm", ".xml", ".rss", ".atom", ".zip", ".whl"}
)
ARCHIVE_EXTENSIONS: Final = frozenset({".zip", ".whl"})


def extension(name: str) -> str:
    """The lower-cased last suffix of a file or member name: ``a/B.CSV`` gives ``.csv``."""
    return PurePosixPath(name.replace("\\", "/")).suffix.lower()


#: Column names of common corpora, mapped to our field names (compared lower-cased).
FIELD_ALIASES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "article_id": "id",
        "doc_id": "id",
        "guid": "id",
        "publish_date": "date",
        "published": "date",
        "pubdate": "date",
        "pub_date": "date",
        "publication_date": "date",
        "article_source_link": "url",
        "link": "url",
        "body": "text",
        "content": "text",
        "headline": "title",
        "publisher": "source",
    }
)

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_BARE_NUMBER = re.compile(r"\d+", re.ASCII)
_DATEPARSER_SETTINGS: Final = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],  # no "yesterday": results must not drift
}


@dataclass(slots=True)
class RawRecord:
    """One record as read, before its date is parsed and its id settled."""

    text: str
    id: object = None
    date: object = None
    title: str = ""
    url: str = ""
    source: str = ""
    meta: dict[str, Any] = field(default_factory=dict)


def record_from_mapping(row: Mapping[str, Any]) -> RawRecord:
    """Map a JSON object or CSV row onto our fields; unknown keys (and shadowed aliases) go to ``meta``."""
    fields: dict[str, Any] = {}
    used: set[object] = set()
    for key, value in row.items():  # our own names win over aliases, wherever they stand
        name = str(key).strip().lower()
        if name in CANONICAL and name not in fields:
            fields[name] = value
            used.add(key)
    meta: dict[str, Any] = {}
    for key, value in row.items():
        if key in used:
            continue
        target = FIELD_ALIASES.get(str(key).strip().lower())
        if target is not None and target not in fields:
            fields[target] = value
        else:
            meta[str(key)] = value
    return RawRecord(
        text=_as_text(fields.get("text")),
        id=fields.get("id"),
        date=fields.get("date"),
        title=_as_text(fields.get("title")).strip(),
        url=_as_text(fields.get("url")).strip(),
        source=_as_text(fields.get("source")).strip(),
        meta=meta,
    )


def _as_text(value: object) -> str:
    """Scalars as text; a missing value or a nested list/object counts as no text."""
    return "" if value is None or isinstance(value, (dict, list)) else str(value)


def stem_of(origin: str) -> str:
    """The file's stem: ``a/NewsArticles.csv`` and ``x.whl::d/NewsArticles.csv`` give ``NewsArticles``."""
    return PurePosixPath(origin.split("::")[-1].replace("\\", "/").strip("<>")).stem or "input"


def given_id(value: object, stem: str) -> str | None:
    """The record's own id, with the file stem put before a bare number (see the module docstring)."""
    if value is None or isinstance(value, bool):
        return None
    text = str(value).strip()
    if not text:
        return None
    return f"{stem}-{text}" if _BARE_NUMBER.fullmatch(text) else text


def reject(origin: str, code: str, detail: str = "", article_id: str | None = None) -> Reject:
    message = EventwireError(code, detail).message
    return Reject(article_id or stable_id(origin), origin, "ingest", code, message)


def reject_error(exc: EventwireError, origin: str, article_id: str | None = None) -> Reject:
    return reject(exc.where or origin, exc.code, exc.detail, article_id)


def parse_date(value: object) -> date | None:
    """A lenient date: ISO, ``2017/2/7``, RFC 2822, ``7 February 2017``, other languages; None if blank.

    Raises E112 when the value is not a full calendar date (day, month and year).
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    found = _parse_date_text(text)
    if found is None:
        raise EventwireError("E112", f"cannot read {text[:80]!r} as a date")
    return found


@lru_cache(maxsize=4096)
def _parse_date_text(text: str) -> date | None:
    if _ISO_DATE.match(text):
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    for languages in (["en"], None):  # English first: trying every language is much slower
        try:
            parsed = dateparser.parse(text, languages=languages, settings=_DATEPARSER_SETTINGS)
        except (ValueError, OverflowError, TypeError):
            parsed = None
        if isinstance(parsed, datetime):
            return parsed.date()
    return None


def finish(raw: RawRecord, origin: str, options: Options, stem: str | None = None) -> Article | Reject:
    """The Article for a raw record, or the Reject that says why it cannot be one.

    ``stem`` names the file for the id rule; by default it is taken from ``origin``.
    """
    article_id = given_id(raw.id, stem if stem is not None else stem_of(origin))
    try:
        when = parse_date(raw.date)
    except EventwireError as exc:
        return reject_error(exc, origin, article_id)
    text = raw.text.strip()
    if not text:
        return reject(origin, "E103", "no text", article_id)
    if when is None:
        when = options.default_date
    if when is None and options.require_date:
        return reject(origin, "E105", "no date in the input and no default date", article_id)
    return make_article(
        text,
        date=when,
        article_id=article_id,
        origin=origin,
        title=raw.title,
        url=raw.url,
        source=raw.source,
        meta=raw.meta,
    )
