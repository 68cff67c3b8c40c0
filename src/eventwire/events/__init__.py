"""Event stage: verb and noun patterns, source/target from the parse, filters, dates, places, quotes."""

from __future__ import annotations

from eventwire.events.stage import EventStage

__all__ = ["EventStage"]
