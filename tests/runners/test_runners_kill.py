"""A run killed with SIGKILL at random points, then run again, stores exactly what an uninterrupted run does.

Each attempt starts ``python -m eventwire code`` on the generated corpus (one article per transaction) and
kills its whole process group: mostly at a random moment after its first batch was stored (so mid-parse,
mid-transaction or mid-WAL-write), sometimes at any moment from its start (model loading, WAL
replay). Some attempts use two worker processes. After at least 10 kills that hit a running coder, one
last run finishes the job, and every table must equal that of an uninterrupted run into another file.
"""

from __future__ import annotations

import contextlib
import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.runners.runner_helpers import snapshot


def _command(corpus: Path, db: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "eventwire",
        "code",
        str(corpus),
        "--db",
        str(db),
        "--batch-size",
        "1",
        *extra,
    ]


def _start(corpus: Path, db: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        _command(corpus, db, *extra),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def _lines(proc: subprocess.Popen[str]) -> queue.Queue[str]:
    """stderr lines of ``proc`` as they come (a thread reads them; '' at the end)."""
    out: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            out.put(line)
        out.put("")

    threading.Thread(target=pump, daemon=True).start()
    return out


def _kill(proc: subprocess.Popen[str]) -> bool:
    """SIGKILL the run's process group; True if it was still running."""
    running = proc.poll() is None
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    return running and proc.returncode == -signal.SIGKILL


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    tables = snapshot(db)  # read-only: a WAL left by the kill is replayed in memory, not checkpointed
    return len(tables["articles"]) + len(tables["rejects"])


def _first_store(proc: subprocess.Popen[str], lines: queue.Queue[str]) -> bool:
    """Wait until ``proc`` says it stored its first batch (True), or ends (False)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=1)
        except queue.Empty:
            continue
        if line.startswith("stored:"):
            return True
        if not line:
            return False
    return False


def test_runs_killed_at_random_points_then_rerun_lose_and_duplicate_nothing(
    corpus: Path, tmp_path: Path
) -> None:
    base, killed = tmp_path / "uninterrupted.duckdb", tmp_path / "killed.duckdb"
    started = time.monotonic()
    proc = _start(corpus, base)
    assert _first_store(proc, _lines(proc))
    first_store = time.monotonic()
    assert proc.wait(timeout=120) == 0
    run_time, coding_time = time.monotonic() - started, time.monotonic() - first_store
    expected = snapshot(base)
    total = len(expected["articles"]) + len(expected["rejects"])
    assert len(expected["articles"]) == 40 and len(expected["events"]) > 40
    assert {(r[0], r[2]) for r in expected["rejects"]} >= {("undated", "E105")}
    assert any(r[2] == "E106" for r in expected["rejects"])

    rng = random.Random(20240611)
    per_article = coding_time / total  # a kill lands after about 0 to 3 more articles
    kills_while_coding, kills_at_start, attempts, rounds = 0, 0, 0, 1
    while kills_while_coding < 10 and attempts < 60:
        attempts += 1
        proc = _start(corpus, killed, *(("--workers", "2") if attempts % 5 == 0 else ()))
        lines = _lines(proc)
        if rng.random() < 0.25:  # anywhere in the run, start-up (model loading, WAL replay) included
            time.sleep(rng.uniform(0.0, run_time))
            kills_at_start += _kill(proc)
            continue
        if _first_store(proc, lines):
            time.sleep(rng.uniform(0.0, 3 * per_article))
        # it counts if the run was still working: it had not stored everything when it died
        if _kill(proc) and _stored(killed) < total:
            kills_while_coding += 1
        elif _stored(killed) == total:  # all stored already: check it, then start a new round
            assert snapshot(killed) == expected
            for path in tmp_path.glob("killed.duckdb*"):
                path.unlink()
            rounds += 1
    assert kills_while_coding >= 10, (
        f"only {kills_while_coding} kills hit a running coder in {attempts} tries"
    )

    final = subprocess.run(_command(corpus, killed), capture_output=True, text=True, timeout=120, check=False)
    assert final.returncode == 0, final.stderr
    assert snapshot(killed) == expected
    print(
        f"{attempts} attempts in {rounds} round(s): {kills_while_coding} kills while coding, "
        f"{kills_at_start} at other moments"
    )
