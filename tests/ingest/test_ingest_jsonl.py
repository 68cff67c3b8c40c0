"""JSON Lines and JSON files: fields, aliases, meta, lenient dates, bare-number ids, malformed lines."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from eventwire.config import Options
from eventwire.records import Article, Reject, stable_id

Read = Callable[..., tuple[list[Article], list[Reject]]]
BODY = "Russian troops shelled positions near Kharkiv, the Ukrainian army said on Monday."


def _jsonl(path: Path, *records: object) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n", "utf-8")
    return path


def test_records_fields_aliases_and_meta(tmp_path: Path, read: Read) -> None:
    path = _jsonl(
        tmp_path / "wire.jsonl",
        {
            "id": "afp-1",
            "date": "2022-03-07",
            "title": "Shelling",
            "text": BODY,
            "url": "http://n/1",
            "source": "AFP",
            "section": "world",
        },
        {
            "article_id": "x-9",
            "publish_date": "2017/2/7",
            "link": "http://n/2",
            "body": BODY,
            "subtitle": "A sub",
            "headline": "Head",
        },
    )
    articles, rejects = read([path])
    assert rejects == []
    first, second = articles
    assert (first.id, first.date, first.title, first.url, first.source) == (
        "afp-1",
        date(2022, 3, 7),
        "Shelling",
        "http://n/1",
        "AFP",
    )
    assert first.meta == {"section": "world"} and first.origin == f"{path}:line 1"
    assert (second.id, second.date, second.url, second.text, second.title) == (
        "x-9",
        date(2017, 2, 7),
        "http://n/2",
        BODY,
        "Head",
    )
    assert second.meta == {"subtitle": "A sub"}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2017-02-07T23:30:00-05:00", date(2017, 2, 7)),
        ("2017/2/7", date(2017, 2, 7)),
        ("Tue, 07 Feb 2017 10:00:00 +0000", date(2017, 2, 7)),
        ("7 February 2017", date(2017, 2, 7)),
        ("7 février 2017", date(2017, 2, 7)),
        ("2016/12/30 7:11", date(2016, 12, 30)),
    ],
)
def test_dates_are_read_leniently(tmp_path: Path, read: Read, raw: str, expected: date) -> None:
    path = _jsonl(tmp_path / "d.jsonl", {"text": BODY, "published": raw})
    articles, rejects = read([path])
    assert rejects == [] and articles[0].date == expected


@pytest.mark.parametrize("raw", ["not a date", "February 2017", "March 5", "2021-02-30", "yesterday"])
def test_unreadable_or_partial_dates_are_e112(tmp_path: Path, read: Read, raw: str) -> None:
    path = _jsonl(tmp_path / "d.jsonl", {"id": "k1", "text": BODY, "date": raw})
    articles, rejects = read([path], Options(default_date=date(2020, 1, 1)))
    assert articles == [] and [(r.code, r.article_id) for r in rejects] == [("E112", "k1")]


def test_bare_number_ids_get_the_file_stem(tmp_path: Path, read: Read) -> None:
    path = _jsonl(
        tmp_path / "Feed2.jsonl",
        {"id": 7, "text": BODY, "date": "2020-01-01"},
        {"id": "0012", "text": BODY + " Again.", "date": "2020-01-01"},
        {"text": BODY + " No id.", "date": "2020-01-01"},
    )
    articles, _ = read([path])
    assert [a.id for a in articles[:2]] == ["Feed2-7", "Feed2-0012"]
    assert articles[2].id == stable_id("", BODY + " No id.")


def test_malformed_line_is_e106_and_the_rest_is_read(tmp_path: Path, read: Read) -> None:
    path = _jsonl(
        tmp_path / "mixed.jsonl",
        {"id": "a", "text": BODY, "date": "2020-01-01"},
        '{"id": "b", "text": "unterminated',
        "",
        '["a list", "not an object"]',
        {"id": "c", "text": BODY, "date": "2020-01-02"},
    )
    articles, rejects = read([path])
    assert [a.id for a in articles] == ["a", "c"]
    assert [(r.code, r.origin) for r in rejects] == [("E106", f"{path}:line 2"), ("E106", f"{path}:line 4")]
    assert rejects[0].article_id == stable_id(f"{path}:line 2")


def test_json_array_and_single_object(tmp_path: Path, read: Read) -> None:
    many, one = tmp_path / "many.json", tmp_path / "one.json"
    many.write_text(json.dumps([{"id": "m1", "text": BODY, "date": "2020-01-01"}, "junk"]), "utf-8")
    one.write_text(json.dumps({"id": "o1", "text": BODY, "date": "2020-01-01"}, indent=2), "utf-8")
    articles, rejects = read([many, one])
    assert [a.id for a in articles] == ["m1", "o1"]
    assert [(r.code, r.origin) for r in rejects] == [("E106", f"{many}:item 2")]


def test_missing_or_nested_text_is_e103(tmp_path: Path, read: Read) -> None:
    path = _jsonl(
        tmp_path / "t.jsonl",
        {"id": "e1", "title": "Only a title", "date": "2020-01-01"},
        {"id": "e2", "text": {"nested": BODY}, "date": "2020-01-01"},
    )
    assert [(r.code, r.article_id) for r in read([path])[1]] == [("E103", "e1"), ("E103", "e2")]
