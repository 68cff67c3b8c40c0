"""HTML pages: trafilatura finds the main text, the title and the publication date.

A page trafilatura cannot parse, or one without main text, is rejected (E108). The page's own charset
declaration is honoured (trafilatura decodes the bytes); NUL bytes still mean binary input (E102).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

import trafilatura

from eventwire.config import Options
from eventwire.ingest.common import RawRecord, finish, reject
from eventwire.ingest.decode import SNIFF_BYTES, looks_binary
from eventwire.records import Article, Reject

_META_FIELDS = ("author", "sitename", "hostname", "description", "language")


def parse_html(page: bytes | str, origin: str, options: Options, url: str = "") -> Article | Reject:
    """The article of one page; ``url`` is where it came from, if anywhere."""
    try:
        doc: Any = trafilatura.bare_extraction(page, url=url or None, with_metadata=True)
    except Exception as exc:  # trafilatura raises various errors on broken markup; they are data errors here
        return reject(origin, "E108", f"{type(exc).__name__}: {exc}")
    text = str(getattr(doc, "text", "") or "") if doc is not None else ""
    if not text.strip():
        return reject(origin, "E108", "no main text found")
    meta = {name: value for name in _META_FIELDS if (value := getattr(doc, name, None))}
    raw = RawRecord(
        text=text,
        date=getattr(doc, "date", None),
        title=str(getattr(doc, "title", "") or ""),
        url=str(getattr(doc, "url", "") or url or ""),
        source=str(getattr(doc, "sitename", "") or ""),
        meta=meta,
    )
    return finish(raw, origin, options)


def read_html(stream: IO[bytes], origin: str, options: Options) -> Iterator[Article | Reject]:
    """The one article of an HTML file (or a fetched page, whose URL is the origin)."""
    page = stream.read()
    if looks_binary(page[:SNIFF_BYTES]) and not page.startswith((b"\xff\xfe", b"\xfe\xff")):
        yield reject(origin, "E102", "NUL bytes or control characters")
        return
    yield parse_html(page, origin, options, url=origin if origin.startswith(("http://", "https://")) else "")
