"""Fixtures of the API tests: the coded store (see ew_api_support) and a live server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from ew_api_support import CodedStore, build_store, serve_in_thread


@pytest.fixture(scope="session")
def coded_store(tmp_path_factory: pytest.TempPathFactory) -> CodedStore:
    return build_store(tmp_path_factory.mktemp("api") / "events.duckdb")


@pytest.fixture(scope="session")
def base_url(coded_store: CodedStore) -> Iterator[str]:
    yield from serve_in_thread(coded_store.path)


@pytest.fixture(scope="session")
def client(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=30) as http:
        yield http
