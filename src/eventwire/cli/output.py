"""Event output formats shared by `code` and `export`: table, jsonl, csv, tsv, parquet."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from eventwire.errors import EventwireError
from eventwire.records import EVENT_COLUMNS, Event

FORMATS = ("table", "jsonl", "csv", "tsv", "parquet")
TABLE_COLUMNS = ("event_date", "source_code", "cameo_code", "target_code", "plover_type", "trigger")


def event_dicts(events: Sequence[Event]) -> list[dict[str, Any]]:
    rows = []
    for e in events:
        row = e.row()
        row["event_date"] = e.event_date.isoformat() if e.event_date else None
        rows.append(row)
    return rows


def write_events(events: Sequence[Event], fmt: str, path: Path | None, stdout: IO[str]) -> None:
    """Write events in ``fmt`` to ``path``, or to ``stdout`` (parquet needs a path)."""
    rows = event_dicts(events)
    if fmt == "parquet":
        if path is None:
            raise EventwireError("E702", "--format parquet needs --out FILE")
        flat = [{**r, "evidence": json.dumps(r["evidence"], default=str)} for r in rows]
        pq.write_table(pa.Table.from_pylist(flat) if flat else pa.table({c: [] for c in EVENT_COLUMNS}), path)
        return
    handle = path.open("w", encoding="utf-8", newline="") if path else stdout
    try:
        if fmt == "jsonl":
            for r in rows:
                handle.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
        elif fmt in ("csv", "tsv"):
            writer = csv.DictWriter(
                handle, fieldnames=list(EVENT_COLUMNS), delimiter="," if fmt == "csv" else "\t"
            )
            writer.writeheader()
            for r in rows:
                writer.writerow({**r, "evidence": json.dumps(r["evidence"], default=str)})
        elif fmt == "table":
            handle.write("\t".join(TABLE_COLUMNS) + "\n")
            for r in rows:
                handle.write("\t".join(str(r[c] or "") for c in TABLE_COLUMNS) + "\n")
        else:
            raise EventwireError("E702", f"unknown format {fmt!r}")
    finally:
        if path:
            handle.close()
