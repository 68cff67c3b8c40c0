"""CSV files with a header row: ``id,date,title,text,url,source`` or the aliases in ``common``.

Every other column is kept in ``Article.meta``. Rows are numbered from 1 after the header, blank lines not
counted (origin ``file:row N``). A row with the wrong number of fields, or one the csv module cannot
parse, is rejected (E107) and reading goes on; a header without a text column rejects the file (E107).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import IO, Final

from eventwire.config import Options
from eventwire.ingest.common import FIELD_ALIASES, finish, given_id, record_from_mapping, reject, stem_of
from eventwire.ingest.decode import open_text
from eventwire.records import Article, Reject

#: Largest field accepted: news bodies exceed the csv module's default of 128 KiB, but a field of
#: hundreds of megabytes is a broken file (an unclosed quote), not an article.
FIELD_LIMIT: Final = 64 * 1024 * 1024


def _field(names: list[str], wanted: str) -> int | None:
    """Index of the column that feeds our field ``wanted`` (its own name first, then an alias)."""
    lowered = [n.strip().lower() for n in names]
    if wanted in lowered:
        return lowered.index(wanted)
    for index, name in enumerate(lowered):
        if FIELD_ALIASES.get(name) == wanted:
            return index
    return None


def read_csv(stream: IO[bytes], origin: str, options: Options) -> Iterator[Article | Reject]:
    """One record per row; see the module docstring."""
    if csv.field_size_limit() < FIELD_LIMIT:
        csv.field_size_limit(FIELD_LIMIT)
    handle, encoding = open_text(stream, origin, newline="")
    with handle:
        rows = csv.reader(handle)
        try:
            header = next(rows, None)
        except csv.Error as exc:
            yield reject(origin, "E107", f"unreadable header: {exc}")
            return
        if not header:
            yield reject(origin, "E103", "empty CSV file")
            return
        if _field(header, "text") is None:
            yield reject(origin, "E107", f"no text column among {', '.join(header)!r}")
            return
        id_index = _field(header, "id")
        stem = stem_of(origin)
        number = 0
        while True:
            where = f"{origin}:row {number + 1}"
            try:
                row = next(rows)
            except StopIteration:
                return
            except csv.Error as exc:
                number += 1
                yield reject(where, "E107", str(exc))
                continue
            if not row:
                continue
            number += 1
            if len(row) != len(header):
                known = (
                    given_id(row[id_index], stem) if id_index is not None and id_index < len(row) else None
                )
                yield reject(where, "E107", f"expected {len(header)} fields, got {len(row)}", known)
                continue
            raw = record_from_mapping(dict(zip(header, row, strict=True)))
            if encoding:
                raw.meta["encoding"] = encoding
            yield finish(raw, where, options, stem)


__all__ = ["FIELD_LIMIT", "read_csv"]
