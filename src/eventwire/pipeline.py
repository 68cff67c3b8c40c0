"""Wires the stages: Article → spaCy Doc → Mentions → Events/Quotes, and the run that stores them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from spacy.language import Language

from eventwire.actors import ActorStage
from eventwire.codebook import Codebook
from eventwire.config import Options
from eventwire.errors import EventwireError
from eventwire.ingest import make_article
from eventwire.nlp import load_model
from eventwire.records import Article, CodedArticle, Event, Reject
from eventwire.store import Store


class Coder:
    """Codes articles. Holds the model, dictionaries and codebook; build one per process and reuse it."""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        self.codebook = Codebook.load()
        self.actors = ActorStage(self.options)
        from eventwire.events import EventStage

        self.events = EventStage(self.options, self.codebook)
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_model(self.options.model)
        return self._nlp

    def code_articles(self, articles: Iterable[Article]) -> Iterator[CodedArticle | Reject]:
        """Code articles in batches; an article that fails becomes a Reject and the batch goes on."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.options.batch_size:
                yield from self._code_batch(batch)
                batch = []
        if batch:
            yield from self._code_batch(batch)

    def _code_batch(self, batch: list[Article]) -> Iterator[CodedArticle | Reject]:
        docs = self.nlp.pipe((a.text for a in batch), batch_size=self.options.batch_size)
        for article, doc in zip(batch, docs, strict=True):
            try:
                mentions = self.actors.resolve(doc, article)
                events, quotes = self.events.extract(doc, article, mentions)
            except EventwireError as exc:
                yield Reject(article.id, article.origin, "events", exc.code, exc.message)
                continue
            yield CodedArticle(article, events, quotes, mentions)

    def code_text(self, text: str, date: date | None = None, article_id: str | None = None) -> list[Event]:
        article = make_article(text, date=date, article_id=article_id, origin="text")
        results = list(self.code_articles([article]))
        out = results[0]
        if isinstance(out, Reject):
            raise EventwireError(out.code, out.message)
        return out.events


@dataclass(slots=True)
class RunStats:
    read: int = 0
    coded: int = 0
    rejected: int = 0
    skipped: int = 0
    events: int = 0
    reject_messages: list[str] = field(default_factory=list)


def run_to_store(
    coder: Coder,
    items: Iterable[Article | Reject],
    store: Store,
    *,
    resume: bool = True,
    on_progress: Callable[[RunStats], None] | None = None,
    on_result: Callable[[CodedArticle], None] | None = None,
) -> RunStats:
    """Code everything in ``items`` into ``store``, one transaction per batch.

    With ``resume`` an article already in the store (coded or rejected) is skipped, so a killed run
    restarted on the same input loses nothing and duplicates nothing.
    """
    stats = RunStats()
    done = store.coded_ids() if resume else set()
    pending_rejects: list[Reject] = []

    def articles() -> Iterator[Article]:
        for item in items:
            stats.read += 1
            if isinstance(item, Reject):
                pending_rejects.append(item)
                continue
            if item.id in done:
                stats.skipped += 1
                continue
            done.add(item.id)
            yield item

    coded: list[CodedArticle] = []
    for result in coder.code_articles(articles()):
        if isinstance(result, Reject):
            pending_rejects.append(result)
        else:
            coded.append(result)
            if on_result is not None:
                on_result(result)
        if len(coded) + len(pending_rejects) >= coder.options.batch_size:
            _flush(store, coded, pending_rejects, stats)
            coded, pending_rejects = [], []
            if on_progress is not None:
                on_progress(stats)
    _flush(store, coded, pending_rejects, stats)
    if on_progress is not None:
        on_progress(stats)
    return stats


def _flush(store: Store, coded: list[CodedArticle], rejects: list[Reject], stats: RunStats) -> None:
    if not coded and not rejects:
        return
    store.write(coded, rejects)
    stats.coded += len(coded)
    stats.events += sum(len(c.events) for c in coded)
    stats.rejected += len(rejects)
    stats.reject_messages.extend(f"{r.origin}: {r.message}" for r in rejects)
