"""Plain-text files, and the bad inputs any file can be: unreadable, binary, empty, undecodable, dateless."""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from eventwire.config import Options
from eventwire.records import Article, Reject, stable_id

Read = Callable[..., tuple[list[Article], list[Reject]]]

TEXT = "The Foreign Minister of France met his German counterpart in Berlin on Tuesday."


def test_date_header_on_same_line_and_on_its_own(tmp_path: Path, read: Read) -> None:
    (tmp_path / "a.txt").write_text(f"  date 2021-12-01 {TEXT}\n\nSecond paragraph.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"\ndate 2020-03-04\n{TEXT}\n", encoding="utf-8")
    articles, rejects = read([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert rejects == []
    a, b = articles
    assert (a.date, b.date) == (date(2021, 12, 1), date(2020, 3, 4))
    assert a.text == f"{TEXT}\n\nSecond paragraph."
    assert b.text == TEXT
    assert a.origin == str(tmp_path / "a.txt")
    assert a.id == "a-2021-12-01"  # a text file's readable id: stem words and date


def test_readable_id_names_the_outlet_and_falls_back_to_a_hash(tmp_path: Path, read: Read) -> None:
    body = "Leaders met in Geneva, Kazpravda.kz reports with reference to the press service."
    (tmp_path / "kaz_visit_article.txt").write_text(f"date 2021-12-01 {body}", encoding="utf-8")
    (tmp_path / "article.txt").write_text(f"date 2021-12-01 {body}", encoding="utf-8")
    articles, rejects = read([tmp_path / "kaz_visit_article.txt", tmp_path / "article.txt"])
    assert rejects == []
    assert articles[0].id == "kaz-visit-kazpravda-2021-12-01" and articles[0].source == "Kazpravda.kz"
    assert articles[1].id == stable_id("", body)  # only generic stem words: the content hash


def test_no_header_takes_the_default_date(tmp_path: Path, read: Read) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    articles, rejects = read([tmp_path / "a.txt"], Options(default_date=date(2019, 5, 6)))
    assert rejects == [] and articles[0].date == date(2019, 5, 6) and articles[0].text == TEXT


def test_dateless_is_rejected_unless_dates_are_optional(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"Dated reports say: {TEXT}", encoding="utf-8")  # "Dated" is no header
    articles, rejects = read([path])
    assert articles == [] and [r.code for r in rejects] == ["E105"]
    assert rejects[0].article_id == stable_id(str(path)) and rejects[0].stage == "ingest"
    articles, rejects = read([path], Options(require_date=False))
    assert rejects == [] and articles[0].date is None and articles[0].text.startswith("Dated reports")


def test_impossible_header_date_is_e112(tmp_path: Path, read: Read) -> None:
    (tmp_path / "a.txt").write_text(f"date 2021-02-30 {TEXT}", encoding="utf-8")
    assert [r.code for r in read([tmp_path / "a.txt"])[1]] == ["E112"]


def test_unreadable_inputs_are_e101(tmp_path: Path, read: Read) -> None:
    (tmp_path / "file.txt").write_text(TEXT, encoding="utf-8")
    missing, through_a_file = tmp_path / "missing.txt", tmp_path / "file.txt" / "x.txt"
    articles, rejects = read([missing, through_a_file])
    assert articles == [] and [r.code for r in rejects] == ["E101", "E101"]
    assert [r.origin for r in rejects] == [str(missing), str(through_a_file)]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a file without read permission")
def test_file_without_read_permission_is_e101(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(f"date 2021-01-01 {TEXT}", encoding="utf-8")
    path.chmod(0)
    assert [r.code for r in read([path])[1]] == ["E101"]


def test_binary_input_is_e102(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    articles, rejects = read([path])
    assert articles == [] and [r.code for r in rejects] == ["E102"]


def test_empty_and_whitespace_only_are_e103(tmp_path: Path, read: Read) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    (tmp_path / "header-only.txt").write_text("date 2021-12-01\n", encoding="utf-8")
    articles, rejects = read([tmp_path / n for n in ("empty.txt", "blank.txt", "header-only.txt")])
    assert articles == [] and [r.code for r in rejects] == ["E103"] * 3


def test_undecodable_bytes_are_e104(tmp_path: Path, read: Read) -> None:
    rng = random.Random(7)
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(600)))
    articles, rejects = read([path], Options(require_date=False))
    assert articles == [] and [r.code for r in rejects] == ["E104"]


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_non_utf8_text_is_decoded_not_dropped(tmp_path: Path, read: Read, encoding: str) -> None:
    text = "José Müller met François Hollande and Señor Peña in Zürich; both «welcomed» the talks."
    if encoding == "cp1252":
        text += " The minister called it a “constructive” meeting – a first."
    path = tmp_path / "a.txt"
    path.write_bytes(f"date 2021-12-01 {text}".encode(encoding))
    articles, rejects = read([path])
    assert rejects == []
    assert articles[0].text == text
    assert articles[0].meta["encoding"] in {"cp1252", "latin_1", "iso8859_15"}


def test_utf8_with_bom_and_utf16_are_text(tmp_path: Path, read: Read) -> None:
    (tmp_path / "bom.txt").write_bytes(f"date 2021-12-01 {TEXT}".encode("utf-8-sig"))
    (tmp_path / "wide.txt").write_bytes(f"date 2021-12-02 {TEXT}".encode("utf-16"))
    articles, rejects = read([tmp_path / "bom.txt", tmp_path / "wide.txt"])
    assert rejects == [] and [a.text for a in articles] == [TEXT, TEXT]
    assert "encoding" not in articles[0].meta and articles[1].meta["encoding"] == "utf-16"


def test_unsupported_extension_is_e110(tmp_path: Path, read: Read) -> None:
    (tmp_path / "report.docx").write_bytes(b"PK\x03\x04 not really")
    assert [r.code for r in read([tmp_path / "report.docx"])[1]] == ["E110"]


def test_seed_article(read: Read, shared_dir: Path) -> None:
    seed = shared_dir / "examples" / "seed_article.txt"
    if not seed.is_file():
        pytest.skip(f"shared seed article not found at {seed}")
    articles, rejects = read([seed])
    assert rejects == []
    assert articles[0].date == date(2021, 12, 1)
    assert articles[0].text.startswith("The President of Kazakhstan")
