"""`eventwire dict validate [PATHS...]`: check our packaged dictionaries, or the files given."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from eventwire.actors.validate import FileReport, validate_packaged, validate_paths

dict_app = typer.Typer(help="Actor and event dictionaries: check them.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(dict_app, name="dict")


@dict_app.command("validate")
def validate(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files or folders; none = our packaged data.")
    ] = None,
    data_dir: Annotated[
        Path | None, typer.Option(help="Check this data folder instead of the packaged one.")
    ] = None,
) -> None:
    """Check dictionary files: entry counts per file, or each problem as FILE:LINE: reason (exit 1)."""
    reports = validate_paths(list(paths)) if paths else validate_packaged(data_dir)
    out = Console(highlight=False, soft_wrap=True)
    bad = 0
    for report in reports:
        out.print(_summary(report), markup=False)
        for problem in report.problems:
            out.print(f"  {problem}", markup=False)
        bad += len(report.problems)
    files = len(reports)
    if bad:
        out.print(f"{bad} problem(s) in {sum(not r.ok for r in reports)} of {files} file(s)", markup=False)
        raise typer.Exit(1)
    out.print(f"all {files} file(s) valid", markup=False)


def _summary(report: FileReport) -> str:
    status = "ok" if report.ok else f"{len(report.problems)} problem(s)"
    count = f"{report.entries} entries, " if report.entries >= 0 and (report.entries or report.ok) else ""
    return f"{report.path}: {report.format}, {count}{status}"
