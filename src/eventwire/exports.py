"""Event exports shared by ``eventwire export`` and ``GET /api/export``.

Formats: ``csv`` and ``tsv`` (with a column set: ``eventwire`` = the store's own columns, ``gdelt`` = the
GDELT 1.0 event columns in their order, ``icews`` = the ICEWS event columns in their order), ``parquet``
(any column set), ``jsonl`` (our event rows, evidence as an object) and ``plover`` (PLOVER JSON records, one
per line; events whose CAMEO code has no PLOVER type are left out). The GDELT- and ICEWS-like sets keep
those projects' column names and order; fields we do not code are empty, and ids, country codes (ISO-3 /
CAMEO, not FIPS) and actor names are ours. Rows are streamed in batches, ordered by date and event id.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from typing import IO, Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pycountry

from eventwire.codebook import Codebook
from eventwire.errors import EventwireError
from eventwire.queries import EventFilter
from eventwire.records import EVENT_COLUMNS

FORMATS = ("csv", "tsv", "parquet", "jsonl", "plover")
COLUMN_SETS = ("eventwire", "gdelt", "icews")
MEDIA_TYPES = {
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "parquet": "application/vnd.apache.parquet",
    "jsonl": "application/x-ndjson",
    "plover": "application/x-ndjson",
}
BATCH_ROWS = 20_000


def _actor_columns(n: int, side: str) -> list[tuple[str, str]]:
    blank = "''"
    return [
        (f"Actor{n}Code", f"e.{side}_code"),
        (f"Actor{n}Name", f"upper(e.{side}_name)"),
        (f"Actor{n}CountryCode", f"e.{side}_country"),
        (f"Actor{n}KnownGroupCode", blank),
        (f"Actor{n}EthnicCode", blank),
        (f"Actor{n}Religion1Code", blank),
        (f"Actor{n}Religion2Code", blank),
        (f"Actor{n}Type1Code", f"e.{side}_sector"),
        (f"Actor{n}Type2Code", blank),
        (f"Actor{n}Type3Code", blank),
    ]


def _geo_columns(prefix: str, name: str, country: str, lat: str, lon: str) -> list[tuple[str, str]]:
    return [
        (f"{prefix}_Type", "NULL::INTEGER"),
        (f"{prefix}_FullName", name),
        (f"{prefix}_CountryCode", country),
        (f"{prefix}_ADM1Code", "''"),
        (f"{prefix}_Lat", lat),
        (f"{prefix}_Long", lon),
        (f"{prefix}_FeatureID", "''"),
    ]


# (column name, SQL expression over events e, articles a, country names sc/tc/lc); no user input here.
GDELT_COLUMNS: list[tuple[str, str]] = [
    ("GLOBALEVENTID", "e.event_id"),
    ("SQLDATE", "strftime(e.event_date, '%Y%m%d')"),
    ("MonthYear", "strftime(e.event_date, '%Y%m')"),
    ("Year", "year(e.event_date)"),
    ("FractionDate", "round(year(e.event_date) + (month(e.event_date) * 30 + day(e.event_date)) / 365, 4)"),
    *_actor_columns(1, "source"),
    *_actor_columns(2, "target"),
    ("IsRootEvent", "(e.sentence_index = 0)::INTEGER"),
    ("EventCode", "e.cameo_code"),
    ("EventBaseCode", "left(e.cameo_code, 3)"),
    ("EventRootCode", "e.cameo_root"),
    ("QuadClass", "e.quad_class"),
    ("GoldsteinScale", "e.goldstein"),
    ("NumMentions", "1"),
    ("NumSources", "1"),
    ("NumArticles", "1"),
    ("AvgTone", "NULL::DOUBLE"),
    *_geo_columns("Actor1Geo", "''", "''", "NULL::DOUBLE", "NULL::DOUBLE"),
    *_geo_columns("Actor2Geo", "''", "''", "NULL::DOUBLE", "NULL::DOUBLE"),
    *_geo_columns("ActionGeo", "e.location_name", "e.location_country", "e.latitude", "e.longitude"),
    ("DATEADDED", "strftime(a.coded_at, '%Y%m%d')"),
    ("SOURCEURL", "a.url"),
]
ICEWS_COLUMNS: list[tuple[str, str]] = [
    ("Event ID", "e.event_id"),
    ("Event Date", "e.event_date"),
    ("Source Name", "coalesce(nullif(e.source_name, ''), e.source_code)"),
    ("Source Sectors", "e.source_sector"),
    ("Source Country", "coalesce(sc.name, e.source_country)"),
    ("Event Text", "e.cameo_name"),
    ("CAMEO Code", "e.cameo_code"),
    ("Intensity", "e.goldstein"),
    ("Target Name", "coalesce(nullif(e.target_name, ''), e.target_code)"),
    ("Target Sectors", "e.target_sector"),
    ("Target Country", "coalesce(tc.name, e.target_country)"),
    ("Story ID", "e.article_id"),
    ("Sentence Number", "e.sentence_index + 1"),
    ("Publisher", "a.source"),
    ("City", "e.location_name"),
    ("District", "''"),
    ("Province", "''"),
    ("Country", "coalesce(lc.name, e.location_country)"),
    ("Latitude", "e.latitude"),
    ("Longitude", "e.longitude"),
]
NATIVE_COLUMNS: list[tuple[str, str]] = [
    (c, "CAST(e.evidence AS VARCHAR)" if c == "evidence" else f"e.{c}") for c in EVENT_COLUMNS
]
_SETS = {"eventwire": NATIVE_COLUMNS, "gdelt": GDELT_COLUMNS, "icews": ICEWS_COLUMNS}


def _country_names() -> pa.Table:
    codes = [c.alpha_3 for c in pycountry.countries]
    names = [getattr(c, "common_name", None) or c.name for c in pycountry.countries]
    return pa.table({"code": pa.array(codes, pa.string()), "name": pa.array(names, pa.string())})


def export_sql(flt: EventFilter, columns: str, *, plover_only: bool = False) -> tuple[str, list[Any]]:
    """The SELECT for a column set and filter, with its parameters (reads the ``ew_country_names`` view)."""
    if columns not in _SETS:
        raise EventwireError("E501", f"columns must be one of {', '.join(COLUMN_SETS)}, got {columns!r}")
    where, params = flt.where()
    if plover_only:
        where += " AND plover_type <> ''"
    select = ", ".join(f'{expr} AS "{name}"' for name, expr in _SETS[columns])
    sql = (
        f"WITH e AS (SELECT * FROM events WHERE {where}) SELECT {select}, "
        "a.coded_at AS _coded_at, a.title AS _title, a.url AS _url, a.source AS _publisher FROM e "
        "LEFT JOIN articles a ON a.id = e.article_id "
        "LEFT JOIN ew_country_names sc ON sc.code = e.source_country "
        "LEFT JOIN ew_country_names tc ON tc.code = e.target_country "
        "LEFT JOIN ew_country_names lc ON lc.code = e.location_country "
        "ORDER BY e.event_date NULLS LAST, e.event_id"
    )
    return sql, params


def export_events(
    con: duckdb.DuckDBPyConnection,
    flt: EventFilter,
    out: IO[bytes],
    fmt: str = "csv",
    columns: str = "eventwire",
) -> int:
    """Write the events matching ``flt`` to the binary stream ``out``; returns how many were written."""
    if fmt not in FORMATS:
        raise EventwireError("E501", f"format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    if fmt in ("jsonl", "plover"):
        columns = "eventwire"
    sql, params = export_sql(flt, columns, plover_only=fmt == "plover")
    cur = con.cursor()  # its own connection: the batches stream while nothing else runs on it
    try:
        cur.register("ew_country_names", _country_names())
        relation = cur.sql(sql, params=params)
        if relation is None:
            raise EventwireError("E401", "the export query returned no result set")
        reader = relation.to_arrow_reader(BATCH_ROWS)
        if fmt == "parquet":
            return _write_parquet(reader, out)
        if fmt in ("csv", "tsv"):
            return _write_delimited(reader, out, "," if fmt == "csv" else "\t")
        return _write_json_lines(reader, out, plover=fmt == "plover")
    finally:
        cur.close()


def _public(batch: pa.RecordBatch) -> pa.RecordBatch:
    keep = [i for i, name in enumerate(batch.schema.names) if not name.startswith("_")]
    return batch.select(keep)


def _write_parquet(reader: pa.RecordBatchReader, out: IO[bytes]) -> int:
    schema = pa.schema([f for f in reader.schema if not f.name.startswith("_")])
    n = 0
    with pq.ParquetWriter(out, schema) as writer:
        for batch in reader:
            writer.write_batch(_public(batch))
            n += batch.num_rows
    return n


def _write_delimited(reader: pa.RecordBatchReader, out: IO[bytes], delimiter: str) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        writer = csv.writer(text, delimiter=delimiter, lineterminator="\n")
        writer.writerow([n for n in reader.schema.names if not n.startswith("_")])
        n = 0
        for batch in reader:
            public = _public(batch)
            writer.writerows(zip(*(col.to_pylist() for col in public.columns), strict=True))
            n += batch.num_rows
        text.flush()
    finally:
        text.detach()
    return n


def _write_json_lines(reader: pa.RecordBatchReader, out: IO[bytes], *, plover: bool) -> int:
    codebook = Codebook.load() if plover else None
    n = 0
    for batch in reader:
        lines = []
        for row in batch.to_pylist():
            row["evidence"] = json.loads(row["evidence"]) if row.get("evidence") else {}
            record = (
                plover_record(row, codebook) if codebook else {k: v for k, v in row.items() if k[0] != "_"}
            )
            lines.append(json.dumps(record, ensure_ascii=False, default=_json_default))
        out.write(("\n".join(lines) + "\n").encode("utf-8") if lines else b"")
        n += batch.num_rows
    return n


def _json_default(value: object) -> str:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def _entity(row: dict[str, Any], side: str) -> dict[str, Any]:
    code = row[f"{side}_code"] or ""
    return {
        "code": row[f"{side}_country"] or code[:3],
        "sector": row[f"{side}_sector"] or "",
        "entity_text": row[f"{side}_text"] or "",
        "identifier_id": code,
        "identifier_text": row[f"{side}_name"] or "",
    }


def plover_record(row: dict[str, Any], codebook: Codebook) -> dict[str, Any]:
    """One event as a PLOVER JSON record (field names from the PLOVER manual's JSON table)."""
    code = row["cameo_code"]
    context = codebook[code].plover_context if code in codebook else ""
    contexts = [c.strip() for c in context.split(",") if c.strip()]
    coded_at = row.get("_coded_at")
    record: dict[str, Any] = {
        "id": row["event_id"],
        "has_event": True,
        "date": row["event_date"],
        "actor": [_entity(row, "source")],
        "recipient": [_entity(row, "target")] if row["target_code"] else [],
        "event": [row["plover_type"]],
        "mode": [row["plover_mode"]] if row["plover_mode"] else [],
        "context": contexts,
        "quad_code": row["quad_class"],
        "event_scale": row["goldstein"],
        "event_text": [row["trigger"]] if row["trigger"] else [],
        "text": row["sentence"],
        "text_info": {"sequence": row["sentence_index"], "start": row["char_start"], "end": row["char_end"]},
        "cite_info": {
            "url": row.get("_url") or "",
            "title": row.get("_title") or "",
            "publication": row.get("_publisher") or "",
            "coder": row["coder_version"],
            "codebook": "CAMEO, mapped to PLOVER by the CAMEO2PLOVER 2021 crosswalk",
        },
        "link": row["article_id"],
        "coder": row["coder_version"],
        "coded_date": coded_at.date().isoformat() if isinstance(coded_at, datetime) else None,
        "cameo_code": row["cameo_code"],
    }
    if row["location_name"] or row["latitude"] is not None:
        record["event_loc"] = {
            "extracted_place": row["location_name"],
            "resolved_place": row["location_name"],
            "lat": row["latitude"],
            "lon": row["longitude"],
            "country_code": row["location_country"],
        }
    return record
