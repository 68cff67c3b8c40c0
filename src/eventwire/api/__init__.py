"""The read-only REST API and web dashboard over an eventwire store: ``create_app(db_path)``."""

from __future__ import annotations

from eventwire.api.app import create_app

__all__ = ["create_app"]
