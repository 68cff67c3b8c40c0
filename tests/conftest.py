"""Shared fixtures: where ../shared is, and one spaCy-backed Coder per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def shared_file(relative: str) -> Path:
    """A file in ../shared, or skip the test with a clear message when it is absent."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"../shared/{relative} is not present; this test reads it in place")
    return path


@pytest.fixture(scope="session")
def coder():  # type: ignore[no-untyped-def]
    from eventwire.pipeline import Coder

    return Coder()
