"""Actor stage: dictionaries of countries, organisations, roles and people, and in-document resolution."""

from __future__ import annotations

from eventwire.actors.stage import ActorStage

__all__ = ["ActorStage"]
