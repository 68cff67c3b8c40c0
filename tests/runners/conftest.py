"""Fixtures of the runner tests: the generated corpus (see runner_helpers.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.runners.runner_helpers import write_corpus


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus") / "news.jsonl")
