"""`eventwire serve` as a real process: it binds loopback by default and answers the API and the dashboard."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import httpx
import psutil
import pytest

from eventwire.ingest import make_article
from eventwire.pipeline import Coder, run_to_store
from eventwire.store import Store

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "examples" / "seed_article.txt"
CLI = [sys.executable, "-c", "from eventwire.cli import main; main()"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}")
    path = tmp_path_factory.mktemp("serve") / "events.duckdb"
    text = SEED.read_text(encoding="utf-8").strip().split(" ", 2)[2]
    with Store(path) as store:
        run_to_store(Coder(), [make_article(text, date=date(2021, 12, 1), article_id="seed")], store)
    return path


@pytest.fixture(scope="module")
def served(db: Path) -> Iterator[tuple[str, int]]:
    port = _free_port()
    proc = subprocess.Popen([*CLI, "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{url}/api/health", timeout=2)
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"serve did not start: {proc.communicate()[1]}") from None
                time.sleep(0.2)
        yield url, port
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_serves_api_spec_and_dashboard(served: tuple[str, int], db: Path) -> None:
    url, _ = served
    health = httpx.get(f"{url}/api/health").json()
    with Store(db, read_only=True) as store:  # a second reader beside the server's read-only one
        assert health["articles"] == store.summary().coded == 1
        assert health["events"] == store.summary().events
    assert httpx.get(f"{url}/api/articles/seed").json()["text"].startswith("The President of Kazakhstan")
    assert "/api/dyads/series" in httpx.get(f"{url}/openapi.json").json()["paths"]
    page = httpx.get(f"{url}/")
    assert page.status_code == 200 and "/static/echarts.min.js" in page.text
    assert httpx.get(f"{url}/static/echarts.min.js").headers["content-type"].startswith("text/javascript")
    assert httpx.post(f"{url}/api/events").status_code == 405


def test_binds_loopback_only(served: tuple[str, int]) -> None:
    _, port = served
    addresses = [
        a.address for nic in psutil.net_if_addrs().values() for a in nic if a.family == socket.AF_INET
    ]
    outside = sorted(a for a in addresses if not a.startswith("127."))
    if not outside:
        pytest.skip("this machine has no non-loopback IPv4 address to try")
    with socket.socket() as sock, pytest.raises(OSError):
        sock.settimeout(2)
        sock.connect((outside[0], port))


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    done = subprocess.run([*CLI, "serve", "--db", str(tmp_path / "none.duckdb"), "--port", str(_free_port())],
                          capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
    assert done.returncode == 2 and "E402" in done.stderr
