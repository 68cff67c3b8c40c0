"""Parse only the sentences that can hold an event.

A cheap pass splits each article into sentences: the tokenizer, then the model's own sentence
segmenter ``senter`` (shipped disabled in the en_core_web models; a small CNN, ~1.5 % of a full parse,
whose boundaries agree with the parser's on 95 % of news sentences), or a punctuation sentencizer for
models without one. A sentence is kept when one of its tokens can start an actor mention and one can be an
event trigger (the stages' ``prefilter_terms()``, compared lower-cased). The model's expensive
components run only on the kept sentences: each run of consecutive kept sentences is parsed as its own
Doc, and the pieces are joined back, with the dropped sentences as tokenized-only pieces, into one Doc
over the whole article text. So ``token.idx`` and every char offset stay article offsets, the dropped
sentences keep their tokens (dictionary matching and in-document resolution still see them), and only
tags, lemmas, the parse and entities are missing there. Sentence boundaries in dropped sentences come
from the cheap pass, in kept ones from the parser (which may split a kept piece further).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

#: Consecutive kept sentences are parsed together up to this many tokens (a longer sentence alone):
#: long pieces make the parser's batches, and a worker's peak memory, large.
MAX_PIECE_TOKENS = 256

#: Token attributes copied from a parsed piece into the article's Doc (NORM first: dropped runs keep theirs).
_COPIED: list[int | str] = [
    "NORM",
    "TAG",
    "POS",
    "MORPH",
    "LEMMA",
    "DEP",
    "HEAD",
    "ENT_IOB",
    "ENT_TYPE",
    "ENT_KB_ID",
    "ENT_ID",
]


@dataclass(frozen=True, slots=True)
class Prefilter:
    """The lower-cased tokens that can start an actor mention, and those that can be an event trigger."""

    actor_terms: frozenset[str]
    event_terms: frozenset[str]

    @classmethod
    def from_stages(cls, *stages: object) -> Prefilter | None:
        """Terms from the actor and the event stage; None (keep everything) when a stage has none.

        The first stage gives the actor terms, the second the event terms.
        """
        terms: list[frozenset[str]] = []
        for stage in stages:
            get = getattr(stage, "prefilter_terms", None)
            found = get() if callable(get) else None
            if not found:
                return None
            terms.append(frozenset(str(t).lower() for t in found))
        if len(terms) != 2:
            return None
        return cls(terms[0], terms[1])


@dataclass(slots=True)
class ParseStats:
    """What the parser was given: sentences and tokens seen, and those fully parsed."""

    docs: int = 0
    sentences: int = 0
    kept_sentences: int = 0
    tokens: int = 0
    parsed_tokens: int = 0


class SentenceParser:
    """Runs ``nlp`` on the sentences ``prefilter`` keeps and returns whole-article Docs (see module doc)."""

    def __init__(self, nlp: Language, prefilter: Prefilter, batch_size: int) -> None:
        self.nlp = nlp
        self.batch_size = batch_size
        self.splitter: Any = nlp.get_pipe("senter") if "senter" in nlp.component_names else Sentencizer()
        self.stats = ParseStats()
        strings = nlp.vocab.strings
        self._actor_ids = np.array(sorted(strings.add(t) for t in prefilter.actor_terms), dtype=np.uint64)
        self._event_ids = np.array(sorted(strings.add(t) for t in prefilter.event_terms), dtype=np.uint64)

    def parse(self, texts: Sequence[str]) -> list[Doc]:
        """Parse ``texts`` (one batch); returns one Doc per text, in order."""
        tokenizer: Any = self.nlp.tokenizer
        docs = list(self.splitter.pipe(tokenizer.pipe(texts), batch_size=self.batch_size))
        plans = [self._plan(doc) for doc in docs]
        to_parse = [
            _unsegmented(doc[start:end].as_doc())
            for doc, plan in zip(docs, plans, strict=True)
            for start, end, keep in plan
            if keep
        ]
        parsed = iter(self.nlp.pipe(to_parse, batch_size=self.batch_size))
        return [self._join(doc, plan, parsed) for doc, plan in zip(docs, plans, strict=True)]

    def _plan(self, doc: Doc) -> list[tuple[int, int, bool]]:
        """Split ``doc`` into runs of kept and dropped sentences: (start token, end token, keep). A kept
        run stops growing at ``MAX_PIECE_TOKENS``, which bounds the parser's memory per batch."""
        stats = self.stats
        stats.docs += 1
        stats.tokens += len(doc)
        if not len(doc):
            return []
        starts = _set_sentence_starts(doc)
        stats.sentences += len(starts)
        lower = doc.to_array("LOWER")
        bounds = np.array(starts, dtype=np.intp)
        has_actor = np.logical_or.reduceat(np.isin(lower, self._actor_ids), bounds)
        has_event = np.logical_or.reduceat(np.isin(lower, self._event_ids), bounds)
        keep = has_actor & has_event
        runs: list[tuple[int, int, bool]] = []
        ends = [*starts[1:], len(doc)]
        for start, end, k in zip(starts, ends, keep.tolist(), strict=True):
            if runs and runs[-1][2] == k and (not k or end - runs[-1][0] <= MAX_PIECE_TOKENS):
                runs[-1] = (runs[-1][0], end, k)
            else:
                runs.append((start, end, k))
        stats.kept_sentences += int(keep.sum())
        stats.parsed_tokens += sum(end - start for start, end, k in runs if k)
        return runs

    def _join(self, doc: Doc, plan: list[tuple[int, int, bool]], parsed: Iterable[Doc]) -> Doc:
        """Copy the annotations of the parsed pieces into ``doc`` (tokenized and sentencized) in place."""
        if not any(keep for _, _, keep in plan):
            return doc
        it = iter(parsed)
        if len(plan) == 1:
            return next(it)
        cheap_starts = doc.to_array("SENT_START")
        values = np.zeros((len(doc), len(_COPIED)), dtype=np.uint64)
        values[:, 0] = doc.to_array("NORM")
        for start, end, keep in plan:
            if keep:
                values[start:end] = next(it).to_array(_COPIED)
        doc.from_array(_COPIED, _ints(values))
        # Loading heads re-derives sentence starts from the parse; put back the cheap pass's in dropped runs.
        starts = doc.to_array("SENT_START")
        for start, end, keep in plan:
            if not keep:
                starts[start:end] = cheap_starts[start:end]
        doc.from_array(["SENT_START"], _ints(starts))
        return doc


def _set_sentence_starts(doc: Doc) -> list[int]:
    """The cheap pass's sentence starts, moved past leading whitespace tokens (the parser attaches those
    to the sentence before); sets them on ``doc`` and returns them."""
    starts: list[int] = []
    for sent in doc.sents:
        start = sent.start
        while 0 < start < sent.end - 1 and doc[start].is_space:
            start += 1
        starts.append(start)
    flags = np.full(len(doc), -1, dtype=np.int64)
    flags[starts] = 1
    doc.from_array(["SENT_START"], _ints(flags.astype(np.uint64)))
    return starts


def _unsegmented(piece: Doc) -> Doc:
    """``piece`` with its sentence boundaries unset (but the first), so the parser places them freely,
    as it would in the whole article: preset boundaries would bind it."""
    flags = np.zeros(len(piece), dtype=np.uint64)
    flags[0] = 1
    piece.from_array(["SENT_START"], _ints(flags))
    return piece


def _ints(array: Any) -> Any:
    """A numpy array as spaCy's ``from_array`` wants it (its stubs say thinc's Ints2d)."""
    return array
