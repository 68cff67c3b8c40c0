"""Coding with a user's PETRARCH verb dictionary (``--verbs FILE``) in place of our own patterns.

The dictionary's candidates (``petrarch_verbs``) become Events through the same row builder, dates, places
and negation/modality filters as ours; a dictionary code the codebook lacks (e.g. an old WEIS code) is
tried at its three-digit parent, else skipped. Confidence: 0.7, +0.1 with a target.
"""

from __future__ import annotations

from spacy.tokens import Span

from eventwire.codebook import Codebook
from eventwire.config import Options
from eventwire.events.petrarch_verbs import PetrarchVerbCoder, VerbCandidate, load_verb_coder
from eventwire.nlp import load_model
from eventwire.records import Mention


class UserVerbs:
    """Holds the loaded dictionary; ``candidates`` gives (code, candidate) pairs for one sentence."""

    def __init__(self, coder: PetrarchVerbCoder, codebook: Codebook, model: str) -> None:
        self.coder = coder
        self.codebook = codebook
        self.model = model

    @classmethod
    def load(cls, options: Options, codebook: Codebook) -> UserVerbs | None:
        if not options.verb_files:
            return None
        nlp = load_model(options.model)
        coder = load_verb_coder(options, lambda s: [t.text for t in nlp.tokenizer(s)])
        return None if coder is None else cls(coder, codebook, options.model)

    @property
    def problems(self) -> list[str]:
        return [str(p) for p in (*self.coder.dictionary.problems, *self.coder.dictionary.warnings)]

    def prefilter_terms(self) -> frozenset[str]:
        return self.coder.prefilter_terms(load_model(self.model))

    def candidates(self, sentence: Span, mentions: list[Mention]) -> list[tuple[str, VerbCandidate]]:
        out = []
        for cand in self.coder.code_sentence(sentence, mentions):
            code = next((c for c in (cand.cameo_code, cand.cameo_code[:3]) if c in self.codebook), None)
            if code is not None:
                out.append((code, cand))
        return out

    @staticmethod
    def evidence(cand: VerbCandidate) -> dict[str, object]:
        return {
            "pattern": cand.pattern or f"verb {cand.block}",
            "pattern_line": cand.where,
            "block": cand.block,
            "dictionary_code": cand.code,
            "dictionary": "user PETRARCH verbs",
        }

    @staticmethod
    def confidence(cand: VerbCandidate) -> float:
        return 0.8 if cand.target is not None else 0.7
