"""`eventwire code INPUT...`: code articles into the DuckDB store and print or export the events."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from eventwire.cli.options import ActorFiles, AgentFiles, ConfigFile, VerbFiles
from eventwire.cli.output import FORMATS, write_events
from eventwire.config import load_options
from eventwire.ingest.sources import read_inputs
from eventwire.pipeline import RunStats
from eventwire.records import Article, CodedArticle, Event, Reject
from eventwire.runners import default_parquet_dir, run_coding
from eventwire.store import Store, Summary

LOG_EVERY_S = 2.0  # progress lines when stderr is not a terminal
QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


def register(app: typer.Typer) -> None:
    app.command("code")(code)


def code(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, globs, URLs, or - for stdin.")],
    db: Annotated[Path, typer.Option(help="DuckDB file to store into.")] = Path("eventwire.duckdb"),
    fmt: Annotated[str, typer.Option("--format", help="Print the events as: " + "|".join(FORMATS))] = "",
    out: Annotated[Path | None, typer.Option(help="Write the events to this file instead of stdout.")] = None,
    article_date: Annotated[str | None, typer.Option("--date", help="Date for articles without one.")] = None,
    config: ConfigFile = None,
    batch_size: Annotated[
        int | None, typer.Option(help="Articles per task and per stored transaction (default 64).")
    ] = None,
    parse_batch: Annotated[
        int | None, typer.Option(help="Articles parsed at once (default 16): bounds a worker's memory.")
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            help="Worker processes (each loads the model once; default 1); 0: code in this process; "
            "with dask: LocalCluster size."
        ),
    ] = None,
    engine: Annotated[str | None, typer.Option(help="local (this machine) or dask (a Dask cluster).")] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(help="Dask scheduler address, e.g. tcp://host:8786; none starts a LocalCluster."),
    ] = None,
    parquet_dir: Annotated[
        Path | None, typer.Option(help="Parquet dataset the dask engine writes (default: DB with .parquet).")
    ] = None,
    prefilter: Annotated[
        bool | None,
        typer.Option("--prefilter/--no-prefilter", help="Parse only sentences that can hold events."),
    ] = None,
    actors: ActorFiles = None,
    agents: AgentFiles = None,
    verbs: VerbFiles = None,
    rerun: Annotated[bool, typer.Option(help="Re-code articles already in the store.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
) -> None:
    """Code INPUT articles into events, store them in DuckDB and print a summary (or the events).

    A run can be stopped at any point and started again: stored articles are skipped (unless --rerun).
    With --engine dask the events are also written as a Parquet dataset partitioned by date.
    """
    options = load_options(
        config,
        db_path=db,
        default_date=date.fromisoformat(article_date) if article_date else None,
        batch_size=batch_size,
        parse_batch=parse_batch,
        workers=workers,
        engine=engine,
        scheduler=scheduler,
        prefilter=prefilter,
        actor_files=actors or None,
        agent_files=agents or None,
        verb_files=verbs or None,
    )
    if fmt and fmt not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
    err = Console(stderr=True, quiet=quiet)
    started = time.perf_counter()
    collected: list[Event] = []
    coded_now: set[str] = set()
    input_ids: list[str] = []

    def keep(result: CodedArticle) -> None:
        if fmt:
            collected.extend(result.events)
            coded_now.add(result.article.id)

    def noting_ids(items: Iterable[Article | Reject]) -> Iterator[Article | Reject]:
        for item in items:
            if isinstance(item, Article):
                input_ids.append(item.id)
            yield item

    with Store(options.db_path) as store:
        with Progress(
            TextColumn("coding"),
            BarColumn(),
            TextColumn("{task.fields[status]}"),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        ) as progress:
            task = progress.add_task("code", total=None, status="")

            logged = [0.0]

            def show(stats: RunStats) -> None:
                progress.update(task, status=_status(stats))
                now = time.perf_counter()
                if not err.is_terminal and now - logged[0] >= LOG_EVERY_S:  # logs of batch/HPC jobs
                    logged[0] = now
                    err.print(f"stored: {_status(stats)}", markup=False, highlight=False)

            stats = run_coding(
                options,
                noting_ids(read_inputs(inputs, options)) if fmt else read_inputs(inputs, options),
                store,
                resume=not rerun,
                on_progress=show,
                on_result=keep,
                parquet_dir=parquet_dir or default_parquet_dir(options.db_path),
            )
        for message in stats.reject_messages:
            err.print(f"rejected {message}", markup=False, highlight=False)
        summary = store.summary()
        # articles a resumed run skipped still belong in the printed events: read them from the store
        stored_before = [i for i in input_ids if i not in coded_now]
        collected.extend(store.events_for(stored_before))
        if stored_before:
            err.print(
                f"{len(set(stored_before))} input article(s) were already stored: their stored events are "
                "printed (--rerun codes them again)",
                markup=False,
                highlight=False,
            )
    if fmt:
        write_events(collected, fmt, out if out else None, sys.stdout)
    if not quiet:
        _print_summary(err, stats, summary, time.perf_counter() - started)


def _status(stats: RunStats) -> str:
    return f"{stats.read} read, {stats.coded} coded, {stats.rejected} rejected, {stats.events} events"


def _print_summary(console: Console, stats: RunStats, summary: Summary, seconds: float) -> None:
    console.print(
        f"This run: {stats.read} articles read, {stats.coded} coded, {stats.rejected} rejected, "
        f"{stats.skipped} already stored, {stats.events} events in {seconds:.1f} s.",
        highlight=False,
    )
    table = Table(
        title=f"Store: {summary.coded} articles coded, {summary.rejected} rejected, "
        f"{summary.events} events, {summary.quotes} quotes"
    )
    table.add_column("quad class")
    table.add_column("events", justify="right")
    for quad, n in sorted(summary.by_quad.items()):
        table.add_row(f"{quad} {QUAD_NAMES.get(quad, '')}", str(n))
    console.print(table)
    dyads = Table(title="Top dyads")
    dyads.add_column("source")
    dyads.add_column("target")
    dyads.add_column("events", justify="right")
    for src, tgt, n in summary.top_dyads:
        dyads.add_row(src, tgt, str(n))
    console.print(dyads)
    if summary.reject_codes:
        console.print("Rejects by code: " + ", ".join(f"{k} {v}" for k, v in summary.reject_codes.items()))
