"""Evaluation: gold readers, scoring (the rules of ../shared/tools/score_events.py) and the eval report."""

from __future__ import annotations

from eventwire.evaluation.gold import GoldRecord, load_gold
from eventwire.evaluation.scoring import Scores, score_events

__all__ = ["GoldRecord", "Scores", "load_gold", "score_events"]
