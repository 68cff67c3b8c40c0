"""RSS and Atom feeds (feedparser), and fetching any http(s) input.

Each entry becomes an Article: title, link, the entry id as article id, published (else updated) date,
and the content (else summary) with its HTML markup stripped. A feed without entries, or a broken one
from which no entry with text could be read, is rejected (E109). Fetch failures are E111.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from typing import IO, Any, Final

import feedparser

from eventwire.config import Options
from eventwire.errors import EventwireError
from eventwire.ingest.common import RawRecord, finish, parse_date, reject, stem_of
from eventwire.ingest.decode import SNIFF_BYTES, looks_binary
from eventwire.records import Article, Reject

FETCH_TIMEOUT: Final = 30.0  # seconds
FETCH_LIMIT: Final = 64 * 1024 * 1024  # bytes read from one URL at most
USER_AGENT: Final = "eventwire/0.1 (+https://github.com/eventwire)"
_BLOCKS: Final = frozenset(
    {"p", "br", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "section"}
)


class _TextOnly(HTMLParser):
    """Collects the text of an HTML fragment as blocks, split at each block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[list[str]] = [[]]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.blocks.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.blocks.append([])

    def handle_data(self, data: str) -> None:
        self.blocks[-1].append(data)


def strip_html(fragment: str) -> str:
    """Plain text of an HTML fragment: tags dropped, entities decoded, one blank line between blocks."""
    parser = _TextOnly()
    parser.feed(fragment)
    parser.close()
    blocks = (" ".join("".join(parts).split()) for parts in parser.blocks)
    return "\n\n".join(block for block in blocks if block)


def _entry_text(entry: Any) -> str:
    for part in entry.get("content") or ():
        if part.get("value"):
            return strip_html(str(part["value"]))
    return strip_html(str(entry.get("summary") or ""))


def _entry_date(entry: Any) -> object:
    """The date as the feed wrote it (feedparser's own parse is in UTC, which can shift the day)."""
    for key in ("published", "updated"):
        written, parsed = entry.get(key), entry.get(f"{key}_parsed")
        if written:
            try:
                found = parse_date(written)
            except EventwireError:
                found = None
            if found is not None:
                return found
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
        if written:
            return written  # nobody could read it: E112 in finish
    return None


def parse_feed(data: bytes, origin: str, options: Options) -> Iterator[Article | Reject]:
    """The articles of one feed document (origin ``feed:entry N`` for each)."""
    if looks_binary(data[:SNIFF_BYTES]) and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        yield reject(origin, "E102", "NUL bytes or control characters")
        return
    parsed: Any = feedparser.parse(data)
    entries = list(parsed.get("entries") or ())
    problem = parsed.get("bozo_exception")
    texts = [_entry_text(entry) for entry in entries]
    if not entries or (parsed.get("bozo") and not any(t.strip() for t in texts)):
        detail = f"not a feed ({problem})" if problem else "no entries"
        yield reject(origin, "E109", detail)
        return
    feed_title = str(parsed.get("feed", {}).get("title") or "")
    stem = stem_of(origin)
    for number, (entry, text) in enumerate(zip(entries, texts, strict=True), start=1):
        meta: dict[str, Any] = {"feed": feed_title} if feed_title else {}
        if entry.get("author"):
            meta["author"] = str(entry["author"])
        raw = RawRecord(
            text=text,
            id=entry.get("id"),
            date=_entry_date(entry),
            title=strip_html(str(entry.get("title") or "")),
            url=str(entry.get("link") or ""),
            source=feed_title,
            meta=meta,
        )
        yield finish(raw, f"{origin}:entry {number}", options, stem)


def read_feed(stream: IO[bytes], origin: str, options: Options) -> Iterator[Article | Reject]:
    yield from parse_feed(stream.read(), origin, options)


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str  # lower-cased media type without parameters, "" if not sent


def fetch(url: str, timeout: float = FETCH_TIMEOUT) -> Fetched:
    """GET ``url`` with a timeout; any failure (bad URL, network, HTTP status, too large) raises E111."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(FETCH_LIMIT + 1)
            final_url = str(response.geturl())
            content_type = str(response.headers.get_content_type() or "")
    except urllib.error.HTTPError as exc:
        raise EventwireError("E111", f"HTTP {exc.code} {exc.reason}", where=url) from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise EventwireError("E111", f"{type(exc).__name__}: {exc}", where=url) from exc
    if len(data) > FETCH_LIMIT:
        raise EventwireError("E111", f"larger than {FETCH_LIMIT} bytes", where=url)
    return Fetched(final_url, data, content_type.lower())
