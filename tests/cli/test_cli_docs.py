"""The docs keep up with the CLI: every command has --help and appears in the README."""

from __future__ import annotations

import re

import pytest
from tests.conftest import REPO
from typer.testing import CliRunner

from eventwire.cli import _register, app

_register()
COMMANDS = sorted(
    {c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands}
    | {g.name or "" for g in app.registered_groups}
)


def test_the_cli_has_the_documented_commands() -> None:
    assert {"code", "eval", "serve", "export", "dict"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_in_the_readme(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"eventwire {command}\b", readme), f"README does not show `eventwire {command}`"


def test_every_error_code_is_unique_and_titled() -> None:
    from eventwire.errors import ERRORS

    assert all(re.fullmatch(r"E[1-7]\d\d", code) for code in ERRORS)
    assert all(title and title == title.strip() for title in ERRORS.values())
