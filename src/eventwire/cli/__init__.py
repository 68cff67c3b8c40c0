"""The command line: a thin layer over the library. Library errors become one-line messages here."""

from __future__ import annotations

import sys

import typer

from eventwire.errors import EventwireError

app = typer.Typer(
    name="eventwire",
    help="Code news articles into political event data (CAMEO/PLOVER), offline, with evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register() -> None:
    from eventwire.cli import code, evaluate

    code.register(app)
    evaluate.register(app)
    for name in ("dictionaries", "serve", "export"):
        try:
            module = __import__(f"eventwire.cli.{name}", fromlist=["register"])
        except ModuleNotFoundError:
            continue
        module.register(app)


def main() -> None:
    _register()
    try:
        app()
    except EventwireError as exc:
        print(f"eventwire: error {exc.message}", file=sys.stderr)
        sys.exit(2)
