"""Command-line options shared by several commands (one definition, one help text)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

# "\[" keeps rich from reading "[eventwire]" as markup in --help
ConfigFile = Annotated[Path | None, typer.Option(help="TOML file with an \\[eventwire] table.")]
ActorFiles = Annotated[list[Path] | None, typer.Option("--actors", help="PETRARCH/Phoenix actor file.")]
AgentFiles = Annotated[list[Path] | None, typer.Option("--agents", help="PETRARCH/Phoenix agent file.")]
VerbFiles = Annotated[list[Path] | None, typer.Option("--verbs", help="PETRARCH verb dictionary.")]
