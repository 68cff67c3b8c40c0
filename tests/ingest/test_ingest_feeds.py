"""RSS/Atom feeds from files and from a real HTTP server on 127.0.0.1; fetch failures and broken feeds."""

from __future__ import annotations

import socket
from collections.abc import Callable
from datetime import date
from pathlib import Path

from eventwire.config import Options
from eventwire.ingest.feeds import strip_html
from eventwire.records import Article, Reject

Read = Callable[..., tuple[list[Article], list[Reject]]]
RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire Service</title><link>http://wire.example/</link>
<description>News</description>
<item><title>Talks in Doha</title><link>http://wire.example/a</link><guid>wire-a</guid>
<pubDate>Wed, 01 Dec 2021 10:00:00 +0000</pubDate>
<description>&lt;p&gt;Qatar &lt;b&gt;hosted&lt;/b&gt; talks between the two delegations.&lt;/p&gt;
&lt;p&gt;Both sides praised the mediators &amp;amp; promised to meet again.&lt;/p&gt;</description></item>
<item><title>Strike in Paris</title><link>http://wire.example/b</link>
<pubDate>Thu, 02 Dec 2021 23:30:00 -0500</pubDate>
<description>Rail workers walked out in Paris.</description></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><id>urn:wire</id>
<updated>2021-12-03T00:00:00Z</updated>
<entry><title>Ceasefire agreed</title><id>urn:wire:1</id><link href="http://wire.example/c"/>
<published>2021-12-03T09:00:00Z</published><updated>2021-12-03T09:30:00Z</updated>
<content type="html">&lt;div&gt;The parties agreed to a ceasefire.&lt;/div&gt;</content></entry></feed>"""


def test_rss_file(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    articles, rejects = read([path])
    assert rejects == []
    first, second = articles
    assert (first.id, first.title, first.url, first.date, first.source) == (
        "wire-a",
        "Talks in Doha",
        "http://wire.example/a",
        date(2021, 12, 1),
        "Wire Service",
    )
    assert first.text == (
        "Qatar hosted talks between the two delegations.\n\n"
        "Both sides praised the mediators & promised to meet again."
    )
    assert (
        second.date == date(2021, 12, 2) and second.id != first.id and second.url == "http://wire.example/b"
    )
    assert [a.origin for a in articles] == [f"{path}:entry 1", f"{path}:entry 2"]


def test_atom_file_uses_content_and_published(tmp_path: Path, read: Read) -> None:
    path = tmp_path / "wire.atom"
    path.write_text(ATOM, encoding="utf-8")
    articles, rejects = read([path])
    assert rejects == []
    assert (articles[0].text, articles[0].date, articles[0].id) == (
        "The parties agreed to a ceasefire.",
        date(2021, 12, 3),
        "urn:wire:1",
    )


def test_feed_over_http(http_root: tuple[Path, str], read: Read) -> None:
    root, base = http_root
    (root / "news").mkdir()
    (root / "news" / "feed.xml").write_text(RSS, encoding="utf-8")
    (root / "latest").write_text(ATOM, encoding="utf-8")  # no extension: sniffed from the content
    articles, rejects = read([f"{base}/news/feed.xml", f"{base}/latest"])
    assert rejects == []
    assert [a.title for a in articles] == ["Talks in Doha", "Strike in Paris", "Ceasefire agreed"]
    assert articles[0].origin == f"{base}/news/feed.xml:entry 1"


def test_html_page_over_http(http_root: tuple[Path, str], read: Read) -> None:
    root, base = http_root
    text = "The Prime Minister of Japan visited Canberra and signed a defence agreement with Australia."
    (root / "story.html").write_text(
        f"<html><head><title>Visit</title></head><body><article><p>{text}</p></article></body></html>",
        "utf-8",
    )
    articles, rejects = read([f"{base}/story.html"], Options(require_date=False))
    assert rejects == [] and articles[0].text == text and articles[0].url == f"{base}/story.html"


def test_fetch_failures_are_e111(http_root: tuple[Path, str], read: Read) -> None:
    _, base = http_root
    with socket.socket() as probe:  # a port on 127.0.0.1 that nothing listens on
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    urls = [f"{base}/missing.xml", f"http://127.0.0.1:{closed}/feed.xml"]
    articles, rejects = read(urls)
    assert articles == [] and [(r.code, r.origin) for r in rejects] == [("E111", u) for u in urls]


def test_broken_and_empty_feeds_are_e109(tmp_path: Path, read: Read) -> None:
    (tmp_path / "a-truncated.rss").write_text(RSS[: RSS.index("<pubDate>")], encoding="utf-8")
    (tmp_path / "b-empty.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>', "utf-8"
    )
    (tmp_path / "c-prose.atom").write_text("This is not a feed at all.", encoding="utf-8")
    articles, rejects = read(sorted(tmp_path.iterdir()))
    assert articles == [] and [r.code for r in rejects] == ["E109"] * 3


def test_strip_html_keeps_blocks_apart() -> None:
    assert strip_html("<p>One &amp; <i>two</i></p><ul><li>three</li><li>four</li></ul>") == (
        "One & two\n\nthree\n\nfour"
    )
