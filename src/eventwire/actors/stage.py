"""Placeholder actor stage (replaced by the dictionary-based stage)."""

from __future__ import annotations

from spacy.tokens import Doc

from eventwire.config import Options
from eventwire.records import Article, Mention


class ActorStage:
    def __init__(self, options: Options) -> None:
        self.options = options

    def resolve(self, doc: Doc, article: Article) -> list[Mention]:
        return []
