"""Exports over HTTP: CSV/TSV column sets checked against the GDELT and ICEWS column lists in ../shared,
Parquet read back with pyarrow, PLOVER JSONL against the PLOVER manual's required fields."""

from __future__ import annotations

import csv
import io
import json

import httpx
import pyarrow.parquet as pq
import pytest
from ew_api_support import SHARED, SYN_END, SYN_START, CodedStore

from eventwire.codebook import PLOVER_TYPES
from eventwire.records import EVENT_COLUMNS

YEAR = {"start": str(SYN_START), "end": str(SYN_END)}
FORMATS = SHARED / "reference" / "formats"
PLOVER = SHARED / "reference" / "plover"


def _download(client: httpx.Client, **params: str) -> httpx.Response:
    response = client.get("/api/export", params={**YEAR, **params})
    assert response.status_code == 200, response.text
    return response


def _table(response: httpx.Response, delimiter: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response.text), delimiter=delimiter))


def test_csv_eventwire_columns(client: httpx.Client, coded_store: CodedStore) -> None:
    response = _download(client, format="csv", quad_class="3")
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = _table(response, ",")
    expected = {e.event_id: e for e in coded_store.events if e.quad_class == 3}
    assert list(rows[0]) == list(EVENT_COLUMNS)
    assert {r["event_id"] for r in rows} == set(expected)
    for row in rows:
        event = expected[row["event_id"]]
        assert row["sentence"] == event.sentence and float(row["goldstein"]) == event.goldstein
        assert json.loads(row["evidence"]) == event.evidence
    assert int(response.headers["x-event-count"]) == len(rows)


def test_gdelt_like_columns(client: httpx.Client, coded_store: CodedStore) -> None:
    header_file = FORMATS / "gdelt" / "GDELT_1.0_event_Column_Labels_Header_Row_Sep2016.tsv"
    if not header_file.exists():
        pytest.skip(f"{header_file} not found")
    official = [c for c in header_file.read_text().split() if c != "tableId"]
    rows = _table(_download(client, format="csv", columns="gdelt", source="KAZ"), ",")
    expected = {e.event_id: e for e in coded_store.events if e.source_code.startswith("KAZ")}
    assert list(rows[0]) == official
    assert {r["GLOBALEVENTID"] for r in rows} == set(expected)
    for row in rows:
        event = expected[row["GLOBALEVENTID"]]
        assert row["SQLDATE"] == event.event_date.strftime("%Y%m%d")
        assert (row["Actor1Code"], row["Actor2Code"]) == (event.source_code, event.target_code)
        assert (row["EventCode"], row["EventRootCode"]) == (event.cameo_code, event.cameo_root)
        assert int(row["QuadClass"]) == event.quad_class and float(row["GoldsteinScale"]) == event.goldstein
        assert row["SOURCEURL"].startswith("http://example.org/")


def test_icews_like_columns(client: httpx.Client, coded_store: CodedStore) -> None:
    columns_file = FORMATS / "icews_columns.csv"
    if not columns_file.exists():
        pytest.skip(f"{columns_file} not found")
    with columns_file.open(encoding="utf-8") as handle:
        official = [r["column"] for r in csv.DictReader(handle)]
    response = _download(client, format="tsv", columns="icews", target_country="RUS")
    rows = _table(response, "\t")
    expected = {e.event_id: e for e in coded_store.events if e.target_country == "RUS"}
    assert list(rows[0]) == official
    assert {r["Event ID"] for r in rows} == set(expected)
    for row in rows:
        event = expected[row["Event ID"]]
        assert row["Target Country"] == "Russian Federation"  # a country name, as in ICEWS
        assert row["CAMEO Code"] == event.cameo_code and float(row["Intensity"]) == event.goldstein
        assert row["Story ID"] == event.article_id


def test_parquet_round_trip(client: httpx.Client, coded_store: CodedStore) -> None:
    response = _download(client, format="parquet", plover_type="CONSULT")
    table = pq.read_table(io.BytesIO(response.content))
    assert table.column_names == list(EVENT_COLUMNS)
    expected = {e.event_id: e for e in coded_store.events if e.plover_type == "CONSULT"}
    rows = table.to_pylist()
    assert {r["event_id"] for r in rows} == set(expected)
    for row in rows:
        assert row["event_date"] == expected[row["event_id"]].event_date
        assert row["trigger"] == expected[row["event_id"]].trigger
    gdelt = pq.read_table(io.BytesIO(_download(client, format="parquet", columns="gdelt").content))
    assert gdelt.num_rows == len(coded_store.events) and "GLOBALEVENTID" in gdelt.column_names


def test_plover_jsonl(client: httpx.Client, coded_store: CodedStore) -> None:
    fields_file = PLOVER / "plover_json_fields.csv"
    if not fields_file.exists():
        pytest.skip(f"{fields_file} not found")
    with fields_file.open(encoding="utf-8") as handle:
        required = {
            r["field"] for r in csv.DictReader(handle) if r["object"] == "event" and r["required"] == "Y"
        }
    records = [json.loads(line) for line in _download(client, format="plover").text.splitlines()]
    expected = {e.event_id: e for e in coded_store.events if e.plover_type}
    assert {r["id"] for r in records} == set(expected)  # events without a PLOVER type are left out
    for record in records:
        event = expected[record["id"]]
        assert required <= set(record)
        assert record["event"] == [event.plover_type] and record["event"][0] in PLOVER_TYPES
        assert record["date"] == str(event.event_date) and record["quad_code"] == event.quad_class
        assert record["actor"][0]["identifier_id"] == event.source_code
        assert [a["identifier_id"] for a in record["recipient"]] == (
            [event.target_code] if event.target_code else []
        )
        assert record["text"] == event.sentence and record["event_text"] == [event.trigger]


def test_jsonl_and_bad_export_parameters(client: httpx.Client, coded_store: CodedStore) -> None:
    lines = _download(client, format="jsonl", text="Obama").text.splitlines()
    expected = {e.event_id for e in coded_store.events if "obama" in e.sentence.lower()}
    assert {json.loads(line)["event_id"] for line in lines} == expected
    for params in ({"format": "xlsx"}, {"columns": "phoenix"}, {"quad_class": "5"}):
        response = client.get("/api/export", params=params)
        assert response.status_code == 400 and response.json()["error"]["code"] == "E501"
