"""Fixtures for the ingest tests: reading inputs into (articles, rejects), and a loopback HTTP server."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator, Sequence
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from eventwire.config import Options
from eventwire.ingest.sources import read_inputs
from eventwire.records import Article, Reject

Read = Callable[..., tuple[list[Article], list[Reject]]]


def _read(inputs: Sequence[str | Path], options: Options | None = None) -> tuple[list[Article], list[Reject]]:
    articles: list[Article] = []
    rejects: list[Reject] = []
    for item in read_inputs([str(i) for i in inputs], options or Options()):
        (rejects if isinstance(item, Reject) else articles).append(item)  # type: ignore[arg-type]
    return articles, rejects


@pytest.fixture
def read() -> Read:
    """``read([paths...], options=None)`` → (articles, rejects)."""
    return _read


@pytest.fixture
def shared_dir() -> Path:
    """The shared reading folder beside the repository (tests skip when it is absent)."""
    return Path(__file__).resolve().parents[2] / ".." / "shared"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def http_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, str]]:
    """(folder, base URL) of a real HTTP server on 127.0.0.1 serving that folder."""
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    root = tmp_path / "www"
    root.mkdir()
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield root, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
