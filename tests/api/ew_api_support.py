"""Support for the API tests.

A store coded from real articles (the real pipeline over the 76 real AFP sentences of the GigaWord sample and
the seed article), plus well-formed synthetic events dated 2019 (apart from the real ones) so that tests over
many dyads and quad classes compute what to expect from the very records they wrote; a uvicorn server on
127.0.0.1 in a background thread.
"""

from __future__ import annotations

import random
import re
import socket
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
import uvicorn

from eventwire.api import create_app
from eventwire.codebook import Codebook
from eventwire.ingest import make_article
from eventwire.pipeline import Coder, run_to_store
from eventwire.records import Article, CodedArticle, Event, Quote, Reject, event_id_for
from eventwire.store import Store

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
GIGAWORD = SHARED / "corpus" / "GigaWord.sample.PETR.xml"
SEED = SHARED / "examples" / "seed_article.txt"
SYN_START, SYN_END = date(2019, 1, 1), date(2019, 12, 31)
# (code, name, country, sector) of the synthetic actors
ACTORS = [
    ("USAGOV", "United States government", "USA", "GOV"), ("CHNGOV", "Chinese government", "CHN", "GOV"),
    ("KAZGOV", "Kassym-Jomart Tokayev", "KAZ", "GOV"), ("IGOUNOHLHWHO", "World Health Organization", "", ""),
    ("RUSMIL", "Russian armed forces", "RUS", "MIL"), ("UKR", "Ukraine", "UKR", ""),
    ("FRAGOV", "French government", "FRA", "GOV"), ("IRNGOV", "Iranian government", "IRN", "GOV"),
]  # fmt: skip


def real_articles() -> list[Article]:
    """The AFP sentences of the PETRARCH GigaWord sample that have text (one article each), and the seed."""
    if not GIGAWORD.exists() or not SEED.exists():
        pytest.skip(f"shared corpus not found at {SHARED} (../shared next to the repository)")
    out: dict[str, Article] = {}
    for node in ET.parse(GIGAWORD).getroot().iter("Sentence"):
        text = " ".join((node.findtext("Text") or "").split())
        raw, aid = node.get("date", ""), node.get("id", "")
        if text and aid not in out:  # a few records carry only a parse, one id is repeated
            day = date(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))
            out[aid] = make_article(text, date=day, article_id=aid, origin=str(GIGAWORD), source="AFP")
    head, _, body = SEED.read_text(encoding="utf-8").strip().partition(" ")
    seed_date = date.fromisoformat(body.split(" ", 1)[0]) if head == "date" else None
    seed_text = body.split(" ", 1)[1] if head == "date" else SEED.read_text(encoding="utf-8")
    seed = make_article(seed_text, date=seed_date, article_id="seed-kazpravda", source="Kazpravda.kz")
    return [*out.values(), seed]


def synthetic_articles(sentences: list[str], n_articles: int = 90) -> list[CodedArticle]:
    """Well-formed events over real sentences: random dyads, CAMEO codes from the codebook, 2019 dates."""
    rng = random.Random(20190101)
    codebook = Codebook.load()
    codes = [c for c in codebook.codes() if len(c) == 3]
    out = []
    for i in range(n_articles):
        text = sentences[i % len(sentences)]
        day = SYN_START + timedelta(days=rng.randrange(0, 180))
        article = Article(f"synthetic-{i:03d}", text, day, title=f"Synthetic {i}", url=f"http://example.org/{i}",
                          source="Synthetic Wire", origin="test")  # fmt: skip
        words = [(m.group(), m.start()) for m in re.finditer(r"\b[A-Za-z]{4,}\b", text)] or [(text[:1], 0)]
        events = []
        for k in range(rng.choice((1, 2, 3))):
            src, tgt = rng.sample(ACTORS, 2)
            if k == 2:
                tgt = ("", "", "", "")
            info = codebook[rng.choice(codes)]
            trigger, pos = rng.choice(words)
            here = k == 0  # the first event of an article has a place
            events.append(Event(
                event_id=event_id_for(article.id, 0, pos, info.code, src[0], tgt[0]), article_id=article.id,
                event_date=day, source_code=src[0], source_name=src[1], source_text=src[1].lower(),
                source_country=src[2], source_sector=src[3], target_code=tgt[0], target_name=tgt[1],
                target_text=tgt[1].lower(), target_country=tgt[2], target_sector=tgt[3], cameo_code=info.code,
                cameo_root=info.root, cameo_name=info.name, quad_class=info.quad_class,
                goldstein=info.goldstein, plover_type=info.plover_type, plover_mode=info.plover_mode,
                location_name="Geneva" if here else "", location_country="CHE" if here else "",
                latitude=46.2 if here else None, longitude=6.15 if here else None, sentence_index=0,
                sentence=text, trigger=trigger, char_start=pos, char_end=pos + len(trigger), confidence=0.9,
                evidence={"pattern": f"test:{info.code}",
                          "source": {"code": src[0], "chain": ["the officials", src[1], src[0]]},
                          "target": {"code": tgt[0], "chain": [tgt[1], tgt[0]] if tgt[0] else []}},
            ))  # fmt: skip
        quotes = [Quote(f"q{i:03d}", article.id, "we talk", events[0].source_text, events[0].source_code,
                        events[0].source_name, 0, 0, 7)] if i % 5 == 0 else []  # fmt: skip
        out.append(CodedArticle(article, events, quotes))
    return out


@dataclass
class CodedStore:
    path: Path
    real: list[Article]
    synthetic: list[CodedArticle]

    @property
    def events(self) -> list[Event]:
        return [e for c in self.synthetic for e in c.events]


def build_store(path: Path) -> CodedStore:
    """Code the real articles with the real pipeline into ``path``; add the synthetic ones and a reject."""
    real = real_articles()
    with Store(path) as store:
        run_to_store(Coder(), real, store)
        synthetic = synthetic_articles([a.text for a in real[:-1]])
        store.write(synthetic, [Reject("broken-1", "test:1", "ingest", "E105", "E105 article has no date")])
    return CodedStore(path, real, synthetic)


def serve_in_thread(db: Path) -> Iterator[str]:
    """Run the app with uvicorn on 127.0.0.1 (a free port) in a background thread; yield its base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
