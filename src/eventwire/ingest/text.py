"""Plain-text articles: one article per file, optionally opened by a date header.

The header is the seed's form ``date YYYY-MM-DD``, after any leading whitespace; the article text follows
on the same line or the next ones. Without it the date comes from ``options.default_date``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO, Final

from eventwire.config import Options
from eventwire.ingest.common import RawRecord, finish
from eventwire.ingest.decode import open_text
from eventwire.records import Article, Reject

DATE_HEADER: Final = re.compile(r"\A\s*date:?[ \t]+(\d{4}-\d{1,2}-\d{1,2})(?=\s|\Z)", re.IGNORECASE)


def split_header(content: str) -> tuple[str | None, str]:
    """(the header's date string or None, the text after it)."""
    match = DATE_HEADER.match(content)
    if match is None:
        return None, content
    return match.group(1), content[match.end() :]


def parse_text(
    content: str, origin: str, options: Options, meta: dict[str, object] | None = None
) -> Article | Reject:
    when, text = split_header(content)
    return finish(RawRecord(text=text, date=when, meta=dict(meta or {})), origin, options)


def read_text(stream: IO[bytes], origin: str, options: Options) -> Iterator[Article | Reject]:
    """The one article of a plain-text file."""
    handle, encoding = open_text(stream, origin)
    with handle:
        content = handle.read()
    yield parse_text(content, origin, options, {"encoding": encoding} if encoding else None)
