"""`eventwire dict validate`: our packaged files, and files given on the command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import typer
from typer.testing import CliRunner

from eventwire.cli.dictionaries import register

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"


def run(*args: str) -> tuple[int, str]:
    app = typer.Typer()
    app.command("noop")(lambda: None)  # a second command keeps "dict" a sub-command
    register(app)
    result = CliRunner().invoke(app, ["dict", "validate", *args])
    return result.exit_code, result.output


def test_packaged_data_is_valid() -> None:
    code, out = run()
    assert code == 0, out
    assert "countries.tsv: countries, 286 entries, ok" in out
    assert "cameo.tsv: codebook, 312 entries, ok" in out
    assert out.strip().endswith("file(s) valid")


def test_bad_files_name_file_line_and_reason(tmp_path: Path) -> None:
    roles = tmp_path / "roles.tsv"
    roles.write_text(
        "term\tsector\toffice\tflags\tforms\npolice\tCOP\t\tstandalone\t\nspies\tSPY\t\t\n", encoding="utf-8"
    )
    people = tmp_path / "KAZ.tsv"
    people.write_text(
        "name\taliases\tcode\trole\ttitle\tstart\tend\n"
        "A\t\tKAZGOV\thead_of_state\tPresident\t2019-03-20\t2019-01-01\n",
        encoding="utf-8",
    )
    actors = tmp_path / "my.actors.txt"
    actors.write_text("GOOD_ [USA]\nBAD_\n\t[USAGOV 9008223-911221]\n", encoding="utf-8")
    code, out = run(str(tmp_path))
    assert code == 1
    assert f"{roles}:3: expected 5 tab-separated columns, got 4" in out
    assert f"{people}:2: end 2019-01-01 is before start 2019-03-20" in out
    assert f"{actors}:3: date '9008223' is not YYMMDD or YYYYMMDD" in out
    assert "3 problem(s) in 3 of 3 file(s)" in out


def test_a_good_petrarch_agents_file_is_counted(tmp_path: Path) -> None:
    agents = tmp_path / "team.agents.txt"
    agents.write_text("WARLORD [~REB]\nPOLICE {} [~COP]\n", encoding="utf-8")
    code, out = run(str(agents))
    assert code == 0 and f"{agents}: petrarch-agents, 3 entries, ok" in out


def test_unknown_format_is_an_error(tmp_path: Path) -> None:
    odd = tmp_path / "odd.tsv"
    odd.write_text("a\tb\n1\t2\n", encoding="utf-8")
    code, out = run(str(odd))
    assert code == 1 and "unknown dictionary format" in out


def test_the_installed_command_runs() -> None:
    args = [sys.executable, "-m", "eventwire", "dict", "validate"]
    phoenix = SHARED / "reference" / "petrarch2-dictionaries" / "Phoenix.MilNonState.actors.txt"
    if phoenix.exists():
        args.append(str(phoenix))
    done = subprocess.run(args, capture_output=True, text=True, cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "valid" in done.stdout
