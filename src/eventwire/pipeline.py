"""Wires the stages: Article → spaCy Doc → Mentions → Events/Quotes, and the run that stores them.

``Coder`` codes articles in one process. ``run_to_store`` drives a Coder over an input and writes the
results through one writer, a batch per transaction; the worker-process and Dask runners in
``eventwire.runners`` reuse its pieces (``pending_articles``, ``ResultWriter``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.actors import ActorStage
from eventwire.codebook import Codebook
from eventwire.config import Options
from eventwire.errors import EventwireError
from eventwire.ingest import make_article
from eventwire.nlp import load_model
from eventwire.prefilter import ParseStats, Prefilter, SentenceParser
from eventwire.records import Article, CodedArticle, Event, Reject

#: Model components no stage reads: not loaded at all (see docs/scaling.md).
UNUSED_COMPONENTS: tuple[str, ...] = ()


class Coder:
    """Codes articles. Holds the model, dictionaries and codebook; build one per process and reuse it.

    With ``options.prefilter`` (the default) only sentences that can hold an event are parsed (see
    ``eventwire.prefilter``); the stages still get a Doc over the whole article.
    """

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        self.codebook = Codebook.load()
        self.actors = ActorStage(self.options)
        from eventwire.events import EventStage

        self.events = EventStage(self.options, self.codebook)
        self.prefilter = Prefilter.from_stages(self.actors, self.events) if self.options.prefilter else None
        self._nlp: Language | None = None
        self._parser: SentenceParser | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_model(self.options.model, UNUSED_COMPONENTS)
        return self._nlp

    @property
    def parse_stats(self) -> ParseStats | None:
        """Sentences and tokens seen and parsed so far, when the prefilter is on."""
        return self._parser.stats if self._parser else None

    def parse(self, texts: Sequence[str]) -> list[Doc]:
        """Docs for ``texts``, in order: fully parsed, or (prefilter) parsed where events can be."""
        if self.prefilter is None:
            return list(self.nlp.pipe(texts, batch_size=self.options.parse_batch))
        if self._parser is None:
            self._parser = SentenceParser(self.nlp, self.prefilter, self.options.parse_batch)
        return self._parser.parse(texts)

    def code_articles(self, articles: Iterable[Article]) -> Iterator[CodedArticle | Reject]:
        """Code articles, parsing ``options.parse_batch`` at a time (which bounds memory); an article that
        fails becomes a Reject and the batch goes on."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.options.parse_batch:
                yield from self._code_batch(batch)
                batch = []
        if batch:
            yield from self._code_batch(batch)

    def _code_batch(self, batch: list[Article]) -> Iterator[CodedArticle | Reject]:
        for article, doc in self._parse_batch(batch):
            if isinstance(doc, Reject):
                yield doc
                continue
            stage = "actors"
            try:
                mentions = self.actors.resolve(doc, article)
                stage = "events"
                events, quotes = self.events.extract(doc, article, mentions)
            except Exception as exc:  # one broken article must not stop the run: record it, go on
                yield _reject(article, stage, exc)
                continue
            yield CodedArticle(article, events, quotes, mentions)

    def _parse_batch(self, batch: list[Article]) -> list[tuple[Article, Doc | Reject]]:
        """Parse a batch at once; if that fails, article by article, so only the bad one is rejected."""
        try:
            return list(zip(batch, self.parse([a.text for a in batch]), strict=True))
        except Exception:
            pass
        out: list[tuple[Article, Doc | Reject]] = []
        for article in batch:
            try:
                out.append((article, self.parse([article.text])[0]))
            except Exception as exc:
                out.append((article, _reject(article, "nlp", exc)))
        return out

    def code_text(self, text: str, date: date | None = None, article_id: str | None = None) -> list[Event]:
        article = make_article(text, date=date, article_id=article_id, origin="text")
        results = list(self.code_articles([article]))
        out = results[0]
        if isinstance(out, Reject):
            raise EventwireError(out.code, out.message)
        return out.events


def _reject(article: Article, stage: str, exc: Exception) -> Reject:
    if not isinstance(exc, EventwireError):
        exc = EventwireError("E202", f"{type(exc).__name__}: {exc}", where=stage)
    return Reject(article.id, article.origin, stage, exc.code, exc.message)


@dataclass(slots=True)
class RunStats:
    read: int = 0
    coded: int = 0
    rejected: int = 0
    skipped: int = 0
    events: int = 0
    reject_messages: list[str] = field(default_factory=list)


class Sink(Protocol):
    """Where a run writes: the DuckDB ``Store``, or the Dask runner's Parquet dataset."""

    def coded_ids(self) -> set[str]: ...

    def write(self, coded: Sequence[CodedArticle], rejects: Sequence[Reject] = ()) -> None: ...


class ResultWriter:
    """The one writer of a run: collects results and writes them a batch (one transaction) at a time."""

    def __init__(
        self,
        sink: Sink,
        batch_size: int,
        stats: RunStats,
        on_progress: Callable[[RunStats], None] | None = None,
        on_result: Callable[[CodedArticle], None] | None = None,
    ) -> None:
        self.sink = sink
        self.batch_size = batch_size
        self.stats = stats
        self.on_progress = on_progress
        self.on_result = on_result
        self.coded: list[CodedArticle] = []
        self.rejects: list[Reject] = []

    def add(self, result: CodedArticle | Reject) -> None:
        if isinstance(result, Reject):
            self.rejects.append(result)
        else:
            self.coded.append(result)
            if self.on_result is not None:
                self.on_result(result)
        if len(self.coded) + len(self.rejects) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        coded, rejects = self.coded, self.rejects
        self.coded, self.rejects = [], []
        if coded or rejects:
            self.sink.write(coded, rejects)
            stats = self.stats
            stats.coded += len(coded)
            stats.events += sum(len(c.events) for c in coded)
            stats.rejected += len(rejects)
            stats.reject_messages.extend(f"{r.origin}: {r.message}" for r in rejects)
        if self.on_progress is not None:
            self.on_progress(self.stats)


def pending_articles(
    items: Iterable[Article | Reject], done: set[str], stats: RunStats, writer: ResultWriter
) -> Iterator[Article]:
    """The articles of ``items`` still to code: ingest Rejects go to ``writer``; ids in ``done`` (and
    repeats) are skipped. ``done`` grows as articles are handed out."""
    for item in items:
        stats.read += 1
        if isinstance(item, Reject):
            writer.rejects.append(item)
            continue
        if item.id in done:
            stats.skipped += 1
            continue
        done.add(item.id)
        yield item


def run_to_store(
    coder: Coder,
    items: Iterable[Article | Reject],
    store: Sink,
    *,
    resume: bool = True,
    on_progress: Callable[[RunStats], None] | None = None,
    on_result: Callable[[CodedArticle], None] | None = None,
) -> RunStats:
    """Code everything in ``items`` into ``store`` in this process, one transaction per batch.

    With ``resume`` an article already in the store (coded or rejected) is skipped, so a killed run
    restarted on the same input loses nothing and duplicates nothing.
    """
    stats = RunStats()
    writer = ResultWriter(store, coder.options.batch_size, stats, on_progress, on_result)
    done = store.coded_ids() if resume else set()
    for result in coder.code_articles(pending_articles(items, done, stats, writer)):
        writer.add(result)
    writer.flush()
    return stats
