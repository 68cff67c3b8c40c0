"""Coding with users' PETRARCH verb dictionaries (``CAMEO.2.0.txt`` format): read them, code sentences.

``read_verb_dictionary(path)`` gives a ``VerbDictionary`` (format and problems: ``petrarch_syntax``);
``PetrarchVerbCoder(dictionary).code_sentence(sentence, mentions)`` gives ``VerbCandidate`` rows.
PETRARCH matched its patterns on Penn Treebank parses; this coder uses spaCy's dependency parse and stays
deliberately simple. For each word tagged as a verb (``VB*``):

1. **Verb.** Its upper-cased form is looked up (multi-word verbs such as ``WIRE_+TAP`` or ``+CORDON_OFF``
   need their other words right next to it and win over the single word). A form the dictionary does not
   list is tried by its lemma when it is a regular inflection of it, or an irregular one not built on it:
   "stopped" finds ``STOP``, "departes" finds nothing.
2. **Pattern.** Every pattern of the verb's block(s) is tried: the words after ``*`` on the verb phrase
   (the verb's subtree to its right, without coordinated clauses), the words before ``*`` on the sentence
   left of the verb, by exact upper-cased word ("resolutions" is not ``RESOLUTION``). The longest match
   (words and markers) wins, the earlier pattern on a tie; with none, the verb line's code.
3. **Actors.** Source: the pattern's ``$`` (or ``%`` before the verb), else the agent of a passive with
   "by", else the grammatical subject — its own, or inherited (an open complement takes the object of the
   governing verb, if any; conjoined and adverbial clauses the governing verb's subject). Target: ``+``
   (or ``%`` after the verb), else the subject of a passive with "by", else the first actor in the verb
   phrase that is not the source. When the pattern made the verb's own subject the target (``NOTED + *``),
   the source is the governing clause's subject. Media mentions are never a source.
4. **Events.** ``A:B`` gives source→target ``A`` and target→source ``B``; a joint action (``%`` before the
   verb or a reciprocal ``A:B`` code) without a target gives events among the compound's members;
   ``---`` codes nothing, ``###`` drops the sentence; a word a pattern used is not coded as a verb itself.

Not supported: PETRARCH 2's verb transformations (``~`` lines, skipped with a warning) and verb-combination
arithmetic ("will" + "help"), TABARI's word stems and comma-clause deletion, discard lists. Negation and
modality are left to the event stage's filters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Span, Token

from eventwire.actors.tables import Problems, read_text
from eventwire.config import Options
from eventwire.events.forms import surface_forms
from eventwire.events.petrarch_match import Bindings, Sentence, inflects, same_actor
from eventwire.events.petrarch_read import Reader
from eventwire.events.petrarch_syntax import Element, VerbDictionary, VerbForm, VerbPattern
from eventwire.records import Mention

Tokenize = Callable[[str], Sequence[str]]


def read_verb_dictionary(path: Path, *, strict: bool = False) -> VerbDictionary:
    """Read one verb dictionary file; a missing file is ``E302``, and with ``strict`` the first malformed
    line is ``E301`` (else malformed lines are skipped and listed in ``.problems``)."""
    return read_verb_dictionaries([path], strict=strict)


def read_verb_dictionaries(paths: Iterable[Path], *, strict: bool = False) -> VerbDictionary:
    """Read several files, in order, into one dictionary (synsets are shared)."""
    reader = Reader()
    for path in paths:
        reader.feed(read_text(path), str(path))
    out = reader.finish()
    if strict:
        Problems(list(out.problems)).raise_first()
    return out


def parse_verb_dictionary(text: str, where: str = "<text>") -> VerbDictionary:
    reader = Reader()
    reader.feed(text, where)
    return reader.finish()


@dataclass(frozen=True, slots=True)
class VerbCandidate:
    """One event a verb gave: plain data (token indices into the Doc, mentions), no spaCy objects."""

    verb_index: int
    token_indices: tuple[int, ...]  # the verb's words and the pattern words it matched
    char_start: int  # of the verb's words, in the document text
    char_end: int
    trigger: str
    code: str  # as the dictionary gives it: "064", "075A", "025?"
    source: Mention
    target: Mention | None
    pattern: str  # the pattern line as written; "" when the verb's own code was used
    where: str  # file:line of that pattern, or of the verb line
    block: str

    @property
    def cameo_code(self) -> str:
        """The code without PETRARCH's letter/mark suffix (``075A`` → ``075``, ``025?`` → ``025``)."""
        return self.code.rstrip("?!abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


@dataclass(frozen=True, slots=True)
class _Choice:
    form: VerbForm
    first: int  # token indices of the verb's words
    last: int
    pattern: VerbPattern | None
    score: int
    bindings: Bindings
    used: tuple[int, ...]


def load_verb_coder(options: Options, tokenize: Tokenize | None = None) -> PetrarchVerbCoder | None:
    """The coder for ``options.verb_files`` (None when there are none); problems: ``.dictionary.problems``."""
    if not options.verb_files:
        return None
    return PetrarchVerbCoder(read_verb_dictionaries(options.verb_files), tokenize)


def code_sentence_events(
    coder: PetrarchVerbCoder, sentence: Span, mentions: Sequence[Mention]
) -> list[VerbCandidate]:
    """The events of one spaCy sentence, given the document's resolved actor mentions."""
    return coder.code_sentence(sentence, mentions)


class PetrarchVerbCoder:
    """Codes sentences with a PETRARCH verb dictionary; build once, reuse for every sentence.

    ``tokenize`` (e.g. ``lambda s: [t.text for t in nlp.tokenizer(s)]``) splits pattern words the way
    sentences are split ("DON'T" → "DO N'T"). ``require_target`` drops events without a target, as
    PETRARCH's ``require_dyad`` does; by default they are kept, as the event stage keeps them.
    """

    def __init__(
        self, dictionary: VerbDictionary, tokenize: Tokenize | None = None, *, require_target: bool = False
    ) -> None:
        self.dictionary = dictionary
        self.require_target = require_target
        self._tokenize = tokenize
        self._pieces: dict[str, tuple[str, ...]] = {}
        self._alternatives: dict[Element, list[tuple[str, ...]]] = {}
        self._needs: dict[int, frozenset[str]] = {}

    def code_sentence(self, sentence: Span, mentions: Sequence[Mention]) -> list[VerbCandidate]:
        ctx = Sentence(sentence, mentions, self.alternatives)
        present = frozenset(ctx.upper.values())
        found = [self._choose(t, ctx, present) for t in sentence if t.tag_.startswith("VB")]
        choices = [c for c in found if c is not None]
        pattern_words = {i for c in choices if c.pattern for i in c.used}
        out: dict[tuple[str, str, str], VerbCandidate] = {}
        for choice in choices:
            if choice.first in pattern_words or any(c.first < choice.first <= c.last for c in choices):
                continue
            code = choice.pattern.code if choice.pattern else choice.form.code
            if code == "###":
                return []
            for cand in self._events(choice, code, ctx):
                out.setdefault((cand.source.code, cand.target.code if cand.target else "", cand.code), cand)
        return list(out.values())

    def prefilter_terms(self, nlp: Language | None = None) -> frozenset[str]:
        """Lower-cased words that can be a dictionary verb: the listed forms, and the inflections of the
        verbs as written (regular ones, irregular ones from ``nlp``'s lemmatizer tables) that the lemma
        lookup finds. A sentence without any of them gives no event."""
        bases = {f.word.lower() for forms in self.dictionary.forms.values() for f in forms if f.base}
        return frozenset({w.lower() for w in self.dictionary.forms}) | surface_forms(bases, nlp)

    def alternatives(self, element: Element) -> list[tuple[str, ...]]:
        """The word sequences an element can match, longest first (a synset has several)."""
        if element not in self._alternatives:
            synset = element.kind == "synset"
            phrases = self.dictionary.synsets.get(element.value, ()) if synset else [(element.value,)]
            out = {tuple(p for w in phrase for p in self._split(w)) for phrase in phrases}
            self._alternatives[element] = sorted(out, key=lambda a: (-len(a), a))
        return self._alternatives[element]

    def _split(self, word: str) -> tuple[str, ...]:
        if word not in self._pieces:
            pieces: tuple[str, ...] = (word,)
            if self._tokenize is not None and not word.isalnum():
                pieces = tuple(p.upper() for p in self._tokenize(word.lower()) if p.strip()) or pieces
            self._pieces[word] = pieces
        return self._pieces[word]

    def _needed(self, pattern: VerbPattern) -> frozenset[str]:
        """Words the sentence must contain for the pattern to match (a cheap first test)."""
        if pattern.order not in self._needs:
            elements = [*pattern.before, *pattern.after]
            words = {w for e in elements if e.kind == "word" for w in self._split(e.value)}
            self._needs[pattern.order] = frozenset(words)
        return self._needs[pattern.order]

    def _choose(self, tok: Token, ctx: Sentence, present: frozenset[str]) -> _Choice | None:
        best: _Choice | None = None
        for form, first, last in self._forms(tok, ctx):
            after = ctx.after_verb(tok, last)
            before = ctx.words[: first - ctx.start]
            best = best or _Choice(form, first, last, None, 0, {}, ())
            for pattern in self.dictionary.blocks[form.block].patterns:
                if not self._needed(pattern) <= present:
                    continue
                down = ctx.match(pattern.after, after, 0, True)
                up = ctx.match(pattern.before, before, len(before), False) if down else None
                if down is None or up is None:
                    continue
                score = down.score + up.score
                tie = best.pattern is not None and score == best.score and pattern.order < best.pattern.order
                if best.pattern is None or score > best.score or tie:
                    bindings = {**down.bindings, **up.bindings}
                    best = _Choice(form, first, last, pattern, score, bindings, down.used + up.used)
        return best

    def _forms(self, tok: Token, ctx: Sentence) -> list[tuple[VerbForm, int, int]]:
        """Dictionary verbs the token can be, with the token span of their words; multi-word ones first."""
        text = ctx.upper[tok.i]
        forms = self.dictionary.lookup(text)
        lemma = str(tok.lemma_).upper()
        if not forms and lemma != text and inflects(lemma, text):
            forms = self.dictionary.lookup(lemma, base_only=True)
        fitting = []
        for form in forms:
            first, last = tok.i - len(form.before), tok.i + len(form.after)
            if first >= ctx.start and last < ctx.end:
                around = [ctx.upper[i] for i in range(first, last + 1)]
                if around == [*form.before, text, *form.after]:
                    fitting.append((form, first, last))
        longest = max((last - first for _, first, last in fitting), default=0)
        return [f for f in fitting if f[2] - f[1] == longest]

    def _events(self, choice: _Choice, code: str, ctx: Sentence) -> Iterator[VerbCandidate]:
        verb = ctx.doc[choice.last - len(choice.form.after)]
        bind, pattern = choice.bindings, choice.pattern
        joint = pattern is not None and any(e.kind == "compound" for e in pattern.before)
        sources = list(bind.get("source") or (bind.get("compound", ()) if joint else ()))
        targets = list(bind.get("target") or (bind.get("compound", ()) if not joint else ()))
        if not sources:
            sources = [m for m in ctx.source(verb) if not any(same_actor(m, t) for t in targets)]
            if not sources and targets and verb.head is not verb:
                sources = ctx.subject(verb.head)
        if not targets and not joint:
            targets = ctx.default_target(verb, ctx.after_verb(verb, choice.last), sources)
        sources = [m for m in sources if m.kind != "media"]
        forward, _, backward = code.partition(":")
        rows = _pairs(sources, targets, (forward, backward), joint or bool(forward and backward))
        tokens = tuple(sorted({*range(choice.first, choice.last + 1), *choice.used}))
        for source, target, one in rows:
            if target is None and self.require_target:
                continue
            yield VerbCandidate(
                verb_index=verb.i,
                token_indices=tokens,
                char_start=ctx.doc[choice.first].idx,
                char_end=ctx.doc[choice.last].idx + len(ctx.doc[choice.last]),
                trigger=ctx.doc[choice.first : choice.last + 1].text,
                code=one,
                source=source,
                target=target,
                pattern=pattern.text if pattern else "",
                where=pattern.where if pattern else choice.form.where,
                block=self.dictionary.blocks[choice.form.block].name,
            )


def _pairs(
    sources: list[Mention], targets: list[Mention], codes: tuple[str, str], joint: bool
) -> list[tuple[Mention, Mention | None, str]]:
    """Source→target rows (and target→source for ``A:B``); a joint action without a target pairs the
    compound's members; otherwise each source gets a row without target."""
    forward, backward = (c if c != "---" else "" for c in codes)
    out: list[tuple[Mention, Mention | None, str]] = []
    if targets:
        for s in sources:
            for t in targets:
                if not same_actor(s, t):
                    out += [(s, t, forward)] if forward else []
                    out += [(t, s, backward)] if backward and t.kind != "media" else []
    elif len(sources) > 1 and joint and forward:
        out = [(a, b, forward) for a in sources for b in sources if a is not b and not same_actor(a, b)]
    elif forward:
        out = [(s, None, forward) for s in sources]
    return out
