"""The Dask engine: the same coding on a Dask cluster, written to a Parquet dataset by the client.

Each worker builds the Coder (model, dictionaries) once, held by a worker plugin registered under a
name derived from the options, so workers that join later (adaptive or HPC clusters) get it too. The
client reads the input, submits batches of articles (at most ``2 × workers`` in flight) and writes each
batch of results as it completes into a ``ParquetSink``: one writer, no shared file system needed.
Workers need eventwire and the model installed; nothing else is shipped to them.
"""

from __future__ import annotations

import logging
import pickle
import threading
from collections.abc import Callable, Iterable
from typing import Any, cast

import dask
import distributed
from distributed import WorkerPlugin, get_worker

from eventwire.config import Options
from eventwire.errors import EventwireError
from eventwire.pipeline import Coder, ResultWriter, RunStats, Sink, pending_articles
from eventwire.records import Article, CodedArticle, Reject, stable_id
from eventwire.runners.local import batched, lean

Result = CodedArticle | Reject
#: distributed's Client, LocalCluster and as_completed are untyped; use them through this.
_dask: Any = distributed
#: For the LocalCluster: no statistical profiling of tasks (it samples their stacks every 10 ms), no GIL
#: monitor, and glibc's own heap trimming (the nannies' default MALLOC_TRIM_THRESHOLD_=65536 makes the
#: parser's many short-lived arrays go back and forth to the kernel: 15-40 % slower here). Set the same
#: on a cluster of your own (see docs/scaling.md).
LOCAL_CLUSTER_CONFIG: dict[str, object] = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.gil.enabled": False,
    "distributed.nanny.pre-spawn-environ": {
        "OMP_NUM_THREADS": 1,
        "MKL_NUM_THREADS": 1,
        "OPENBLAS_NUM_THREADS": 1,
    },
}


class CoderPlugin(WorkerPlugin):
    """Holds one Coder per worker for one set of options; built on first use, then reused."""

    def __init__(self, options: Options) -> None:
        self.options_blob = pickle.dumps(options)
        self.name = "eventwire-coder-" + stable_id(self.options_blob.hex())
        self._coder: Coder | None = None
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        return {"options_blob": self.options_blob, "name": self.name}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.options_blob = state["options_blob"]
        self.name = state["name"]
        self._coder = None
        self._lock = threading.Lock()

    def coder(self) -> Coder:
        with self._lock:
            if self._coder is None:
                self._coder = Coder(pickle.loads(self.options_blob))
                self._coder.nlp  # noqa: B018 - load the model now
            return self._coder

    def code(self, articles: list[Article]) -> list[Result]:
        coder = self.coder()
        with self._lock:  # a Coder is not thread-safe; use threads_per_worker=1
            return [lean(r) for r in coder.code_articles(articles)]


def code_on_worker(plugin_name: str, articles: list[Article]) -> list[Result]:
    """The task: code one batch with this worker's Coder."""
    plugin = cast(CoderPlugin, get_worker().plugins[plugin_name])
    return plugin.code(articles)


def connect(options: Options) -> tuple[Any, Any]:
    """(client, cluster): a client of ``options.scheduler`` (cluster None), or of a new LocalCluster with
    ``options.workers`` processes."""
    try:
        if options.scheduler:
            return _dask.Client(options.scheduler), None  # waits distributed.comm.timeouts.connect
        with dask.config.set(LOCAL_CLUSTER_CONFIG):  # the nannies pass it on to their workers
            cluster = _dask.LocalCluster(
                n_workers=options.workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
        return _dask.Client(cluster), cluster
    except (OSError, TimeoutError) as exc:
        where = options.scheduler or "LocalCluster"
        raise EventwireError("E701", f"cannot start or reach the Dask cluster: {exc}", where=where) from exc


def run_dask(
    options: Options,
    items: Iterable[Article | Reject],
    sink: Sink,
    *,
    resume: bool = True,
    on_progress: Callable[[RunStats], None] | None = None,
    on_result: Callable[[CodedArticle], None] | None = None,
    client: Any = None,
) -> RunStats:
    """Code ``items`` on a Dask cluster into ``sink`` (see the module doc). Uses ``client`` if given,
    else connects to ``options.scheduler`` or starts a LocalCluster for the run."""
    cluster = None
    if client is None:
        client, cluster = connect(options)
        own = True
    else:
        own = False
    try:
        return _run(client, options, items, sink, resume, on_progress, on_result)
    finally:
        if own:
            client.close()
            if cluster is not None:
                cluster.close()


def _run(
    client: Any,
    options: Options,
    items: Iterable[Article | Reject],
    sink: Sink,
    resume: bool,
    on_progress: Callable[[RunStats], None] | None,
    on_result: Callable[[CodedArticle], None] | None,
) -> RunStats:
    stats = RunStats()
    writer = ResultWriter(sink, options.batch_size, stats, on_progress, on_result)
    done = sink.coded_ids() if resume else set()
    plugin = CoderPlugin(options)
    client.register_plugin(plugin, name=plugin.name)
    queue = _dask.as_completed()
    in_flight = 0
    for batch in batched(pending_articles(items, done, stats, writer), options.batch_size):
        queue.add(client.submit(code_on_worker, plugin.name, batch, pure=False))
        in_flight += 1
        while in_flight >= max(2, 2 * len(client.scheduler_info().get("workers", {}))):
            _write(writer, next(queue))
            in_flight -= 1
    for future in queue:
        _write(writer, future)
    writer.flush()
    return stats


def _write(writer: ResultWriter, future: Any) -> None:
    try:
        results: list[Result] = future.result()
    except Exception as exc:
        raise EventwireError("E701", f"a Dask task failed: {type(exc).__name__}: {exc}") from exc
    future.release()
    for result in results:
        writer.add(result)
    writer.flush()
