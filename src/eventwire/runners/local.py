"""Local worker processes: each loads the model once, codes whole batches; the parent is the one writer.

The parent reads the input, hands batches of articles to a pool of ``options.workers`` processes (spawned,
so no parent state leaks in) and writes each batch of results as it comes back, in one transaction.
At most ``2 × workers`` batches are in flight, so memory stays flat on any input size. Results arrive
in completion order; that does not change what is stored, since writes are keyed by article id.
"""

from __future__ import annotations

import functools
import multiprocessing
import pickle
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from eventwire.config import Options
from eventwire.errors import EventwireError
from eventwire.pipeline import Coder, ResultWriter, RunStats, Sink, pending_articles
from eventwire.records import Article, CodedArticle, Reject

Result = CodedArticle | Reject


def batched(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while batch := list(islice(it, size)):
        yield batch


@functools.cache
def worker_coder(options_blob: bytes) -> Coder:
    """The Coder of this process for these (pickled) options: built, with its model, once per process."""
    coder = Coder(pickle.loads(options_blob))
    coder.nlp  # noqa: B018 - load the model now, not inside the first batch
    return coder


def code_batch(options_blob: bytes, articles: list[Article]) -> list[Result]:
    """Code one batch in a worker process (the task every worker runs)."""
    return [lean(r) for r in worker_coder(options_blob).code_articles(articles)]


def lean(result: Result) -> Result:
    """A result without its mentions, which are not stored: less to pickle back to the writer."""
    if isinstance(result, Reject) or not result.mentions:
        return result
    return CodedArticle(result.article, result.events, result.quotes)


def run_workers(
    options: Options,
    items: Iterable[Article | Reject],
    sink: Sink,
    *,
    resume: bool = True,
    on_progress: Callable[[RunStats], None] | None = None,
    on_result: Callable[[CodedArticle], None] | None = None,
) -> RunStats:
    """Code ``items`` into ``sink`` with ``options.workers`` processes (see the module doc)."""
    stats = RunStats()
    writer = ResultWriter(sink, options.batch_size, stats, on_progress, on_result)
    done = sink.coded_ids() if resume else set()
    blob = pickle.dumps(options)
    context = multiprocessing.get_context("spawn")
    limit = 2 * options.workers
    try:
        with ProcessPoolExecutor(
            options.workers, mp_context=context, initializer=worker_coder, initargs=(blob,)
        ) as pool:
            in_flight: set[Future[list[Result]]] = set()
            for batch in batched(pending_articles(items, done, stats, writer), options.batch_size):
                while len(in_flight) >= limit:
                    finished, in_flight = wait(in_flight, return_when=FIRST_COMPLETED)
                    _write(writer, finished)
                in_flight.add(pool.submit(code_batch, blob, batch))
            while in_flight:
                finished, in_flight = wait(in_flight, return_when=FIRST_COMPLETED)
                _write(writer, finished)
    except BrokenProcessPool as exc:
        raise EventwireError("E701", f"a worker process died: {exc}") from exc
    writer.flush()
    return stats


def _write(writer: ResultWriter, finished: Iterable[Future[list[Result]]]) -> None:
    for future in finished:
        results = future.result()
        for result in results:
            writer.add(result)
        writer.flush()
