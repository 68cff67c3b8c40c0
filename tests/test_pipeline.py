"""Coder and run_to_store: one broken article never stops a batch; a run writes a batch per transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from eventwire.ingest import make_article
from eventwire.pipeline import Coder, run_to_store
from eventwire.records import Article, CodedArticle, Reject
from eventwire.store import Store

TEXTS = [
    "Germany accused Russia of violating the ceasefire.",
    "France praised Japan for its help after the earthquake.",
    "The weather was mild.",
    "China urged India to release the detained fishermen.",
    "Egypt condemned Israel over the raid.",
]


def _articles() -> list[Article]:
    return [
        make_article(t, date=date(2021, 5, i + 1), article_id=f"a{i}", origin=f"t:{i}")
        for i, t in enumerate(TEXTS)
    ]


class CountingStore(Store):
    """A real Store that also counts its write transactions."""

    writes = 0

    def write(self, coded: Sequence[CodedArticle], rejects: Sequence[Reject] = ()) -> None:
        self.writes += 1
        super().write(coded, rejects)


def test_an_article_that_breaks_a_stage_is_rejected_and_the_rest_coded(
    coder: Coder, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = coder.events.extract

    def extract(doc: Any, article: Article, mentions: Any) -> Any:
        if article.id == "a1":
            raise ValueError("boom")
        return real(doc, article, mentions)

    monkeypatch.setattr(coder.events, "extract", extract)
    results = list(coder.code_articles(_articles()))
    assert [r.article_id if isinstance(r, Reject) else r.article.id for r in results] == [
        "a0",
        "a1",
        "a2",
        "a3",
        "a4",
    ]
    bad = results[1]
    assert isinstance(bad, Reject) and (bad.stage, bad.code) == ("events", "E202") and "boom" in bad.message
    assert all(isinstance(r, CodedArticle) for i, r in enumerate(results) if i != 1)
    assert sum(len(r.events) for r in results if isinstance(r, CodedArticle)) >= 3


def test_a_text_that_breaks_the_parser_rejects_only_its_article(
    coder: Coder, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = coder.parse

    def parse(texts: Sequence[str]) -> Any:
        if any("Japan" in t for t in texts):
            raise RuntimeError("parser fell over")
        return real(texts)

    monkeypatch.setattr(coder, "parse", parse)
    results = list(coder.code_articles(_articles()))
    rejected = [r for r in results if isinstance(r, Reject)]
    assert [(r.article_id, r.stage, r.code) for r in rejected] == [("a1", "nlp", "E202")]
    assert len(results) == 5


def test_run_to_store_writes_a_batch_per_transaction_and_resumes(
    coder: Coder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(coder, "options", coder.options.replace(batch_size=2))
    items: list[Article | Reject] = [
        *_articles(),
        Reject("bad", "t:bad", "ingest", "E103", "E103 article is empty"),
    ]
    with CountingStore(tmp_path / "s.duckdb") as store:
        stats = run_to_store(coder, items, store)
        assert (stats.read, stats.coded, stats.rejected, stats.skipped) == (6, 5, 1, 0)
        assert store.writes == 3  # 6 results in batches of 2: three transactions
        assert stats.events == store.summary().events > 0
        again = run_to_store(coder, [*items, _articles()[0]], store)
        assert (again.read, again.coded, again.skipped) == (7, 0, 6)
        redo = run_to_store(coder, items, store, resume=False)
        assert (redo.coded, store.summary().events) == (5, stats.events)


def test_code_text(coder: Coder) -> None:
    events = coder.code_text("Germany accused Russia of violating the ceasefire.", date=date(2021, 5, 1))
    assert ("DEU", "RUS", "11") in [(e.source_code, e.target_code, e.cameo_root) for e in events]
