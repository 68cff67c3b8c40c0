"""Ingest stage: turn files, directories, globs, stdin, URLs and feeds into Articles (or Rejects).

Entry point: ``eventwire.ingest.sources.read_inputs(inputs, options)``. One module per format (``text``,
``jsonl``, ``csv``, ``html``, ``feeds``, ``archives``); ``decode`` turns bytes into text and ``common``
holds field aliases, dates and the id rule. Origins name where a record came from: ``path``,
``path:line 12`` (JSON Lines), ``path:row 5`` (CSV), ``path:item 3`` (JSON array), ``feed:entry 2``,
``archive.zip::member.csv:row 5``, ``<stdin>`` or the URL.
"""

from __future__ import annotations

from datetime import date

from eventwire.records import Article, stable_id


def make_article(
    text: str,
    *,
    date: date | None = None,
    article_id: str | None = None,
    origin: str = "",
    title: str = "",
    url: str = "",
    source: str = "",
    meta: dict[str, object] | None = None,
) -> Article:
    """An Article with a stable id: the given id, else a hash of title and text."""
    aid = article_id.strip() if article_id and article_id.strip() else stable_id(title, text)
    return Article(
        id=aid,
        text=text,
        date=date,
        title=title,
        url=url,
        source=source,
        origin=origin,
        meta=dict(meta or {}),
    )


__all__ = ["make_article"]
