"""HTML pages through trafilatura: main text, title and date; broken pages are E108."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from eventwire.config import Options
from eventwire.records import Article, Reject

Read = Callable[..., tuple[list[Article], list[Reject]]]
PARAGRAPHS = (
    "The President of Kazakhstan met the Director General of the World Health Organization in Geneva.",
    "Both sides discussed vaccine supplies and the response to the pandemic in Central Asia at length.",
)
PAGE = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Tokayev meets Tedros | Daily Wire</title>
<meta property="article:published_time" content="2021-12-01T10:00:00Z"></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Tokayev meets Tedros</h1><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p></article>
<footer>Copyright 2021 Daily Wire. All rights reserved.</footer></body></html>"""


def test_page_gives_main_text_title_and_date(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    articles, rejects = read([path])
    assert rejects == []
    article = articles[0]
    assert article.title == "Tokayev meets Tedros"
    assert article.date == date(2021, 12, 1)
    assert all(p in article.text for p in PARAGRAPHS)
    assert "Copyright" not in article.text and "Home" not in article.text


def test_page_in_a_declared_legacy_charset(tmp_path: Path, read: Read) -> None:
    text = "Le président François Hollande a reçu à l'Élysée le chancelier allemand pour des entretiens."
    path = tmp_path / "fr.htm"
    path.write_bytes(
        b'<html><head><meta charset="windows-1252"><title>Entretiens</title></head><body><article><p>'
        + text.encode("cp1252")
        + b"</p></article></body></html>"
    )
    articles, rejects = read([path], Options(require_date=False))
    assert rejects == [] and articles[0].text == text and articles[0].date is None


def test_broken_pages_are_e108(tmp_path: Path, read: Read) -> None:
    (tmp_path / "empty.html").write_text("<html><head><title>x</title></head><body></body></html>", "utf-8")
    (tmp_path / "script.html").write_text("<html><body><script>var a = 1;</script></body></html>", "utf-8")
    (tmp_path / "tags.htm").write_text("<<<<>>>><div></div>", "utf-8")
    articles, rejects = read(sorted(tmp_path.iterdir()))
    assert articles == [] and [r.code for r in rejects] == ["E108"] * 3
