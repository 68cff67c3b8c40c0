"""Placeholder event stage (replaced by the pattern-based stage)."""

from __future__ import annotations

from spacy.tokens import Doc

from eventwire.codebook import Codebook
from eventwire.config import Options
from eventwire.records import Article, Event, Mention, Quote


class EventStage:
    def __init__(self, options: Options, codebook: Codebook) -> None:
        self.options = options
        self.codebook = codebook

    def extract(self, doc: Doc, article: Article, mentions: list[Mention]) -> tuple[list[Event], list[Quote]]:
        return [], []
