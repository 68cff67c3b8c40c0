"""Plain-text articles: one article per file, optionally opened by a date header.

The header is the seed's form ``date YYYY-MM-DD``, after any leading whitespace; the article text follows
on the same line or the next ones. Without it the date comes from ``options.default_date``.

A plain-text file carries no id, so its article gets a readable one: the file stem without generic words
(article, story, text, news, ...), the outlet named in the opening attribution ("Kazpravda.kz reports" →
``kazpravda``, also recorded as the article's source) and the date: ``seed_article.txt`` dated 2021-12-01 →
``seed-kazpravda-2021-12-01``. Without stem words or a date the id falls back to the content hash.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO, Final

from eventwire.config import Options
from eventwire.ingest.common import RawRecord, finish, stem_of
from eventwire.ingest.decode import open_text
from eventwire.records import Article, Reject

_GENERIC_WORDS: Final = frozenset(
    {"article", "articles", "story", "text", "news", "doc", "document", "input", "raw"}
)
# "<Outlet> reports|reported|writes|informs" in the opening paragraph: the outlet that carries the report.
_OUTLET: Final = re.compile(
    r"(?:^|[,;:(]\s*|\.\s+)((?:[A-Z][\w-]*)(?:\.[a-z]{2,4})+|[A-Z][A-Za-z-]+(?: [A-Z][A-Za-z-]+){0,2})"
    r"\s+(?:reports|reported|writes|wrote|informs|informed)\b"
)
DATE_HEADER: Final = re.compile(r"\A\s*date:?[ \t]+(\d{4}-\d{1,2}-\d{1,2})(?=\s|\Z)", re.IGNORECASE)


def split_header(content: str) -> tuple[str | None, str]:
    """(the header's date string or None, the text after it)."""
    match = DATE_HEADER.match(content)
    if match is None:
        return None, content
    return match.group(1), content[match.end() :]


def outlet_of(text: str) -> str:
    """The outlet named in the opening attribution ("Kazpravda.kz reports ..."), or ''."""
    match = _OUTLET.search(text[:400])
    return match.group(1) if match else ""


def readable_id(stem: str, outlet: str, when: str | None) -> str | None:
    """``<stem words>-<outlet>-<date>`` (see the module docstring), or None when it would not be specific."""
    words = [w for w in re.split(r"[^0-9a-z]+", stem.lower()) if w and w not in _GENERIC_WORDS]
    if not words or not when:
        return None
    outlet_slug = re.sub(r"[^0-9a-z]+", "-", outlet.lower().split(".")[0]).strip("-")
    return "-".join([*words, *([outlet_slug] if outlet_slug else []), when])


def parse_text(
    content: str,
    origin: str,
    options: Options,
    meta: dict[str, object] | None = None,
    *,
    file_stem: str | None = None,
) -> Article | Reject:
    """One plain-text article. ``file_stem`` (for files) turns on the readable id."""
    when, text = split_header(content)
    outlet = outlet_of(text.lstrip())
    raw = RawRecord(text=text, date=when, source=outlet, meta=dict(meta or {}))
    if file_stem is not None:
        fallback = options.default_date.isoformat() if options.default_date else None
        raw.id = readable_id(file_stem, outlet, when or fallback)
    return finish(raw, origin, options)


def read_text(stream: IO[bytes], origin: str, options: Options) -> Iterator[Article | Reject]:
    """The one article of a plain-text file."""
    handle, encoding = open_text(stream, origin)
    with handle:
        content = handle.read()
    yield parse_text(
        content, origin, options, {"encoding": encoding} if encoding else None, file_stem=stem_of(origin)
    )
