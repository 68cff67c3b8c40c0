"""`eventwire export`: events from a store as CSV/TSV (eventwire, GDELT- or ICEWS-like columns), Parquet,
JSONL or PLOVER JSONL, with the same filters as the API."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli.serve import DEFAULT_DB
from eventwire.errors import EventwireError
from eventwire.exports import COLUMN_SETS, FORMATS, export_events
from eventwire.queries import EventFilter
from eventwire.store import Store


def register(app: typer.Typer) -> None:
    app.command("export")(export)


def _date(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise EventwireError("E501", f"--{name} must be YYYY-MM-DD, got {value!r}") from exc


def export(
    db: Annotated[Path, typer.Option(help="DuckDB file to read (opened read-only).")] = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", help="|".join(FORMATS))] = "csv",
    columns: Annotated[str, typer.Option(help="For csv/tsv/parquet: " + "|".join(COLUMN_SETS))] = "eventwire",
    out: Annotated[Path | None, typer.Option(help="Output file (parquet needs one); default stdout.")] = None,
    start: Annotated[str | None, typer.Option(help="First event date, YYYY-MM-DD.")] = None,
    end: Annotated[str | None, typer.Option(help="Last event date, YYYY-MM-DD.")] = None,
    source: Annotated[str | None, typer.Option(help="Source actor code prefix, e.g. KAZ.")] = None,
    target: Annotated[str | None, typer.Option(help="Target actor code prefix.")] = None,
    source_country: Annotated[str | None, typer.Option(help="Source country code.")] = None,
    target_country: Annotated[str | None, typer.Option(help="Target country code.")] = None,
    cameo_root: Annotated[str | None, typer.Option(help="CAMEO root, 01-20.")] = None,
    cameo_code: Annotated[str | None, typer.Option(help="CAMEO code prefix, e.g. 042.")] = None,
    plover_type: Annotated[str | None, typer.Option(help="PLOVER event type, e.g. CONSULT.")] = None,
    quad_class: Annotated[int | None, typer.Option(help="Quad class 1-4.")] = None,
    text: Annotated[str | None, typer.Option(help="Text in the evidence sentence.")] = None,
) -> None:
    """Export the events of DB that match the filters."""
    if fmt not in FORMATS or columns not in COLUMN_SETS:
        choices = f"--format {'|'.join(FORMATS)}, --columns {'|'.join(COLUMN_SETS)}"
        raise EventwireError("E501", f"expected {choices}, got {fmt!r}, {columns!r}")
    if fmt == "parquet" and out is None:
        raise EventwireError("E702", "--format parquet needs --out FILE")
    flt = EventFilter(
        start=_date(start, "start"),
        end=_date(end, "end"),
        source=source.upper() if source else None,
        target=target.upper() if target else None,
        source_country=source_country.upper() if source_country else None,
        target_country=target_country.upper() if target_country else None,
        cameo_root=cameo_root or None,
        cameo_code=cameo_code or None,
        plover_type=plover_type.upper() if plover_type else None,
        quad_class=quad_class,
        text=text or None,
    )
    with Store(db, read_only=True) as store:
        if out is None:
            count = export_events(store.con, flt, sys.stdout.buffer, fmt, columns)
            sys.stdout.buffer.flush()
        else:
            with out.open("wb") as handle:
                count = export_events(store.con, flt, handle, fmt, columns)
    typer.echo(f"eventwire: exported {count} events" + (f" to {out}" if out else ""), err=True)
