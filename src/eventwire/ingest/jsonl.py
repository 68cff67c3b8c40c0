"""JSON Lines (one object per line) and JSON files (an array of objects, or one object).

Each object's fields are read as in ``common.record_from_mapping``. A line that is not a JSON object is
rejected (E106, origin ``file:line N``) and reading goes on with the next line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from eventwire.config import Options
from eventwire.ingest.common import finish, record_from_mapping, reject, stem_of
from eventwire.ingest.decode import open_text
from eventwire.records import Article, Reject


def _record(value: Any, where: str, options: Options, encoding: str | None, stem: str) -> Article | Reject:
    if not isinstance(value, dict):
        return reject(where, "E106", f"expected a JSON object, got {type(value).__name__}")
    raw = record_from_mapping(value)
    if encoding:
        raw.meta["encoding"] = encoding
    return finish(raw, where, options, stem)


def read_jsonl(stream: IO[bytes], origin: str, options: Options) -> Iterator[Article | Reject]:
    """One record per non-blank line."""
    handle, encoding = open_text(stream, origin)
    with handle:
        yield from _read_lines(handle, origin, options, encoding)


def _read_lines(
    lines: Iterable[str], origin: str, options: Options, encoding: str | None
) -> Iterator[Article | Reject]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{origin}:line {number}"
        try:
            value = json.loads(line)
        except ValueError as exc:
            yield reject(where, "E106", str(exc))
            continue
        yield _record(value, where, options, encoding, stem_of(origin))


def read_json(stream: IO[bytes], origin: str, options: Options) -> Iterator[Article | Reject]:
    """A JSON array of records (origin ``file:item N``), a single record, or else JSON Lines."""
    handle, encoding = open_text(stream, origin)
    with handle:
        content = handle.read()
    try:
        value = json.loads(content)
    except ValueError:
        yield from _read_lines(content.split("\n"), origin, options, encoding)
        return
    if isinstance(value, list):
        for number, item in enumerate(value, start=1):
            yield _record(item, f"{origin}:item {number}", options, encoding, stem_of(origin))
    else:
        yield _record(value, origin, options, encoding, stem_of(origin))
