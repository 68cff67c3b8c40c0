"""Coding sentences with a user's PETRARCH verb dictionary (read by ``petrarch_verbs``).

PETRARCH matched its patterns on Penn Treebank parses; this coder uses spaCy's dependency parse and stays
deliberately simple. For each word tagged as a verb (``VB*``):

1. **Verb.** Its upper-cased form is looked up in the dictionary (multi-word verbs such as ``WIRE_+TAP``
   or ``+CORDON_OFF`` need their other words right next to it and win over the single word). A form the
   dictionary does not list is tried by its lemma when it is a regular inflection of it (or an irregular
   one, i.e. not lemma + ending): "stopped" finds ``STOP``, "departes" finds nothing.
2. **Pattern.** Every pattern of the verb's block(s) is tried: the words after ``*`` on the verb phrase
   (the verb's subtree to its right, without coordinated clauses), the words before ``*`` on the
   sentence to the verb's left, nearest the verb first, by exact upper-cased word (``RESOLUTION`` does not
   match "resolutions"). A space lets other words come between, ``_`` does not; ``$``/``+``/``%`` take an
   actor mention (with the mentions coordinated with it) and ``^`` skips a noun phrase. The longest match
   (words and markers) wins, the earlier pattern on a tie; no match: the verb's own code.
3. **Actors.** Source: the pattern's ``$`` (or ``%`` before the verb), else the verb's subject — the
   agent of a passive with "by", else its grammatical subject (PETRARCH's convention), else the subject
   it inherits (open complement: the object of the governing verb, if any; conjoined or adverbial
   clauses: the governing verb's). Target: ``+`` (or ``%`` after the verb), else the subject of a passive
   with "by", else the first actor in the verb phrase that is not the source. When the pattern made the
   verb's own subject the target (``NOTED + *``), the source is the governing clause's subject.
4. **Events.** ``A:B`` gives source→target ``A`` and target→source ``B``; a compound source without a
   target gives events between its members; ``---`` codes nothing; ``###`` drops the whole sentence.
   Media mentions are never a source. A word a pattern used is not coded as a verb itself.

Not supported: PETRARCH 2's verb transformations (``~`` lines) and its verb-combination arithmetic
("will" + "help"), TABARI's stems and comma-clause deletion; negation is left to the caller's filters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventwire.config import Options
from eventwire.events.petrarch_verbs import (
    Element,
    VerbDictionary,
    VerbForm,
    VerbPattern,
    read_verb_dictionaries,
)
from eventwire.records import Mention

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "punct", "cc", "mark"})
_INHERIT_DEPS = frozenset({"conj", "advcl", "ccomp", "acomp", "xcomp", "pcomp"})
Bindings = dict[str, tuple[Mention, ...]]


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
    where: str  # file:line of that pattern or verb line
    block: str

    @property
    def cameo_code(self) -> str:
        """The code without PETRARCH's letter/mark suffixes (``075A`` → ``075``)."""
        return self.code.rstrip("?!abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


@dataclass(frozen=True, slots=True)
class _Choice:
    form: VerbForm
    first: int
    last: int
    pattern: VerbPattern | None
    score: int
    bindings: Bindings
    used: tuple[int, ...]


def load_verb_coder(options: Options, tokenize: Callable[[str], Sequence[str]] | None = None) -> PetrarchVerbCoder | None:
    """The coder for ``options.verb_files`` (None when there are none); problems are in ``.dictionary``."""
    if not options.verb_files:
        return None
    return PetrarchVerbCoder(read_verb_dictionaries(options.verb_files), tokenize)


def code_sentence_events(
    coder: PetrarchVerbCoder, sentence: Span, mentions: Sequence[Mention]
) -> list[VerbCandidate]:
    """The events of one spaCy sentence, given the document's resolved actor mentions."""
    return coder.code_sentence(sentence, mentions)


class PetrarchVerbCoder:
    """Codes sentences with a PETRARCH verb dictionary. ``tokenize`` (e.g. the spaCy tokenizer) splits
    pattern words the way sentences are split ("DON'T" → "DO N'T"); ``require_target`` drops events
    without a target, as PETRARCH's ``require_dyad`` does."""

    def __init__(
        self,
        dictionary: VerbDictionary,
        tokenize: Callable[[str], Sequence[str]] | None = None,
        *,
        require_target: bool = False,
    ) -> None:
        self.dictionary = dictionary
        self.require_target = require_target
        self._tokenize = tokenize
        self._pieces: dict[str, tuple[str, ...]] = {}

    def code_sentence(self, sentence: Span, mentions: Sequence[Mention]) -> list[VerbCandidate]:
        ctx = _Context(sentence, mentions, self)
        choices = [c for tok in sentence if tok.tag_.startswith("VB") and (c := self._choose(tok, ctx))]
        pattern_words = {i for c in choices if c.pattern for i in c.used}
        out: dict[tuple[str, str, str], VerbCandidate] = {}
        for choice in choices:
            if choice.first in pattern_words or any(c.first < choice.first <= c.last for c in choices):
                continue
            code = choice.pattern.code if choice.pattern else choice.form.code
            if code == "###":
                return []
            for cand in self._events(choice, code, ctx):
                key = (cand.source.code, cand.target.code if cand.target else "", cand.code)
                out.setdefault(key, cand)
        return list(out.values())

    def pieces(self, word: str) -> tuple[str, ...]:
        """A pattern word as the tokenizer splits it, upper case."""
        if word not in self._pieces:
            split = (word,)
            if self._tokenize is not None and not word.isalnum():
                split = tuple(p.upper() for p in self._tokenize(word.lower()) if p.strip()) or (word,)
            self._pieces[word] = split
        return self._pieces[word]

    def alternatives(self, element: Element) -> list[tuple[str, ...]]:
        phrases = self.dictionary.synsets.get(element.value, ()) if element.kind == "synset" else [(element.value,)]
        out = [tuple(p for w in phrase for p in self.pieces(w)) for phrase in phrases]
        return sorted(out, key=len, reverse=True)

    def _choose(self, tok: Token, ctx: _Context) -> _Choice | None:
        best: _Choice | None = None
        for form, first, last in self._forms(tok, ctx):
            after = ctx.after_verb(tok, last)
            before = ctx.words[: first - ctx.start]
            block = self.dictionary.blocks[form.block]
            if best is None:
                best = _Choice(form, first, last, None, 0, {}, ())
            for pattern in block.patterns:
                down = _match(pattern.after, after, 0, True, ctx, {}, ())
                up = _match(pattern.before, before, len(before), False, ctx, {}, ()) if down else None
                if down is None or up is None:
                    continue
                score = down[0] + up[0]
                better = best.pattern is None or score > best.score
                if better or (score == best.score and best.pattern and pattern.order < best.pattern.order):
                    best = _Choice(form, first, last, pattern, score, {**down[1], **up[1]}, down[2] + up[2])
        return best

    def _forms(self, tok: Token, ctx: _Context) -> list[tuple[VerbForm, int, int]]:
        text = ctx.text(tok)
        forms = self.dictionary.lookup(text)
        lemma = str(tok.lemma_).upper()
        if not forms and lemma != text and _inflects(lemma, text):
            forms = self.dictionary.lookup(lemma, base_only=True)
        fitting = []
        for form in forms:
            first, last = tok.i - len(form.before), tok.i + len(form.after)
            if first < ctx.start or last >= ctx.end:
                continue
            around = [ctx.text(ctx.doc[i]) for i in range(first, last + 1)]
            if around == [*form.before, text, *form.after]:
                fitting.append((form, first, last))
        longest = max((last - first for _, first, last in fitting), default=0)
        return [f for f in fitting if f[2] - f[1] == longest]

    def _events(self, choice: _Choice, code: str, ctx: _Context) -> Iterator[VerbCandidate]:
        verb = ctx.doc[choice.last - len(choice.form.after)]
        bind = choice.bindings
        before_compound = choice.pattern is not None and any(e.kind == "compound" for e in choice.pattern.before)
        sources = list(bind.get("source") or (bind.get("compound", ()) if before_compound else ()))
        targets = list(bind.get("target") or (bind.get("compound", ()) if not before_compound else ()))
        if not sources:
            sources = [m for m in ctx.subject(verb) if not any(_same(m, t) for t in targets)]
            if not sources and targets:
                sources = ctx.subject(verb.head) if verb.head is not verb else []
        if not targets:
            targets = ctx.passive_target(verb) or ctx.first_actor(ctx.after_verb(verb, choice.last), sources)
        sources = [m for m in sources if m.kind != "media"]
        forward, _, backward = code.partition(":")
        tokens = tuple(sorted({*range(choice.first, choice.last + 1), *choice.used}))
        pattern = choice.pattern
        made = _pairs(sources, targets, forward, backward, self.require_target)
        for source, target, one in made:
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
    sources: list[Mention], targets: list[Mention], forward: str, backward: str, require_target: bool
) -> list[tuple[Mention, Mention | None, str]]:
    codes = [c if c and c != "---" else "" for c in (forward, backward)]
    out: list[tuple[Mention, Mention | None, str]] = []
    if targets:
        for s in sources:
            for t in targets:
                if not _same(s, t):
                    out += [(s, t, codes[0])] if codes[0] else []
                    out += [(t, s, codes[1])] if codes[1] and t.kind != "media" else []
    elif len(sources) > 1 and codes[0]:
        out = [(a, b, codes[0]) for a in sources for b in sources if a is not b and not _same(a, b)]
    elif sources and codes[0] and not require_target:
        out = [(sources[0], None, codes[0])]
    return out


def _same(a: Mention, b: Mention) -> bool:
    return a.code == b.code or bool(a.entity_id and a.entity_id == b.entity_id)


def _inflects(lemma: str, form: str) -> bool:
    """Is ``form`` a regular English inflection of ``lemma`` (or an irregular form not built on it)?"""
    if not form.startswith(lemma[:-1] or lemma):
        return True  # "BROKE", "MET", "TRIED": the tagger's lemma is all we have
    stem = lemma[:-1] if lemma.endswith("E") else lemma
    forms = {lemma + "S", lemma + "ES", stem + "ED", stem + "ING", lemma + "D"}
    if lemma.endswith("Y"):
        forms |= {lemma[:-1] + "IES", lemma[:-1] + "IED"}
    if len(lemma) > 2 and lemma[-1] not in "AEIOUWXY" and lemma[-2] in "AEIOU":
        forms |= {lemma + lemma[-1] + "ED", lemma + lemma[-1] + "ING"}
    return form in forms


def _match(
    elements: Sequence[Element], seq: list[Token], pos: int, forward: bool, ctx: _Context, bind: Bindings,
    used: tuple[int, ...],
) -> tuple[int, Bindings, tuple[int, ...]] | None:
    """Match elements outward from the verb; returns (score, bindings, token indices used) or None."""
    if not elements:
        return 0, bind, used
    element, rest = elements[0], elements[1:]
    for new_pos, score, role, group, took in ctx.options(element, seq, pos, forward):
        more = {**bind, role: group} if role else bind
        found = _match(rest, seq, new_pos, forward, ctx, more, used + took)
        if found is not None:
            return score + found[0], found[1], found[2]
    return None


class _Context:
    """One sentence: its words, the actor mention at each token, noun chunks, and parse helpers."""

    def __init__(self, sentence: Span, mentions: Sequence[Mention], coder: PetrarchVerbCoder) -> None:
        self.doc = sentence.doc
        self.start, self.end = sentence.start, sentence.end
        self.words = list(sentence)
        self.coder = coder
        self.mention_at: dict[int, Mention] = {}
        for m in mentions:
            for tok in sentence:
                if m.start_char <= tok.idx < m.end_char:
                    self.mention_at.setdefault(tok.i, m)
        self.chunk_of: dict[int, tuple[int, int]] = {}
        for chunk in sentence.noun_chunks:
            for tok in chunk:
                self.chunk_of[tok.i] = (chunk.start, chunk.end - 1)

    @staticmethod
    def text(tok: Token) -> str:
        return tok.text.replace("’", "'").upper()

    def after_verb(self, verb: Token, last: int) -> list[Token]:
        """The verb phrase right of the verb: its subtree without coordinated clauses."""
        cut = [c for c in verb.children if c.dep_ in ("conj", "cc") and c.i > verb.i]
        skip = {t.i for c in cut for t in c.subtree}
        return [t for t in verb.subtree if t.i > last and t.i not in skip]

    def options(
        self, element: Element, seq: list[Token], pos: int, forward: bool
    ) -> Iterator[tuple[int, int, str, tuple[Mention, ...], tuple[int, ...]]]:
        """Ways to match one element from ``pos`` (forward: start index; backward: end index), nearest first:
        (new position, score, role, mentions, token indices)."""
        if forward:
            spots: range | list[int] = [pos] if element.tight else range(pos, len(seq))
        else:
            spots = [pos] if element.tight else range(pos, 0, -1)
        if element.kind == "skip":
            yield from self._skip(seq, pos, forward)
            return
        for spot in spots:
            if element.kind in ("word", "synset"):
                for alt in self.coder.alternatives(element):
                    lo, hi = (spot, spot + len(alt)) if forward else (spot - len(alt), spot)
                    if lo >= 0 and hi <= len(seq) and [self.text(t) for t in seq[lo:hi]] == list(alt):
                        yield (hi if forward else lo), len(alt), "", (), tuple(t.i for t in seq[lo:hi])
                continue
            at = spot if forward else spot - 1
            if not 0 <= at < len(seq):
                continue
            mention = self.mention_at.get(seq[at].i)
            near = seq[at - 1 if forward else at + 1] if 0 <= (at - 1 if forward else at + 1) < len(seq) else None
            if mention is None or (near is not None and self.mention_at.get(near.i) is mention):
                continue  # not at the mention's near edge
            if element.kind == "source" and mention.kind == "media":
                continue
            group = self.group(mention)
            if element.kind == "compound" and len(group) < 2:
                continue
            covered = [k for k, t in enumerate(seq) if self.mention_at.get(t.i) in group]
            new_pos = max(covered) + 1 if forward else min(covered)
            yield new_pos, 1, element.kind, tuple(group), ()

    def _skip(self, seq: list[Token], pos: int, forward: bool) -> Iterator[tuple[int, int, str, tuple[Mention, ...], tuple[int, ...]]]:
        """``^``: past the noun phrase at (or next after) ``pos``; one word when there is none."""
        order = range(pos, len(seq)) if forward else range(pos - 1, -1, -1)
        for k in order:
            chunk = self.chunk_of.get(seq[k].i)
            if chunk is None:
                continue
            edge = chunk[1] if forward else chunk[0]
            inside = [j for j, t in enumerate(seq) if (t.i <= edge if forward else t.i >= edge)]
            yield (max(inside) + 1 if forward else min(inside)), 1, "", (), ()
            return
        if (forward and pos < len(seq)) or (not forward and pos > 0):
            yield (pos + 1 if forward else pos - 1), 1, "", (), ()

    def group(self, mention: Mention) -> list[Mention]:
        """A mention with those coordinated with it ("Gondor and Osgiliath"), in text order."""
        found = {id(mention): mention}
        tokens = [t for t in self.words if self.mention_at.get(t.i) is mention]
        roots = [t for t in tokens if t.dep_ == "conj" or t.head not in tokens]
        stack = list(tokens)
        for root in roots:
            node = root
            while node.dep_ == "conj" and node.head is not node:
                node = node.head
                stack.append(node)
        seen: set[int] = set()
        while stack:
            node = stack.pop()
            if node.i in seen:
                continue
            seen.add(node.i)
            other = self.mention_at.get(node.i)
            if other is not None and (other is mention or other.kind != "pronoun"):
                found.setdefault(id(other), other)
            stack += [c for c in node.children if c.dep_ == "conj"]
            if other is not None:
                stack += [t for t in self.words if self.mention_at.get(t.i) is other]
        return sorted(found.values(), key=lambda m: m.start_char)

    def actors_at(self, start: Token, *, media: bool = False) -> list[Mention]:
        """The nearest actor in the phrase headed by ``start`` (breadth first), with its conjuncts."""
        queue = [start]
        while queue:
            tok = queue.pop(0)
            mention = self.mention_at.get(tok.i)
            if mention is not None and (media or mention.kind != "media"):
                return self.group(mention)
            queue += [c for c in tok.children if c.dep_ not in _CLAUSE_DEPS and self.start <= c.i < self.end]
        return []

    def subject(self, verb: Token, hops: int = 4) -> list[Mention]:
        if is_passive(verb):
            for agent in (c for c in verb.children if c.dep_ == "agent"):
                for obj in (g for g in agent.children if g.dep_ == "pobj"):
                    if found := self.actors_at(obj):
                        return found
        own = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if own is not None:
            return self.actors_at(own)
        head = verb.head
        if hops == 0 or head is verb or not self.start <= head.i < self.end:
            return []
        if verb.dep_ == "xcomp":
            obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), None)
            if obj is not None:
                return self.actors_at(obj)
        if verb.dep_ == "relcl":
            return self.actors_at(head)
        if verb.dep_ == "pcomp" and head.dep_ == "prep":
            return self.subject(head.head, hops - 1)
        if verb.dep_ in _INHERIT_DEPS or (verb.dep_ == "acl" and head.pos_ in ("VERB", "AUX")):
            return self.subject(head, hops - 1)
        return []

    def passive_target(self, verb: Token) -> list[Mention]:
        """A passive with a "by" agent: its grammatical subject is the target."""
        if not any(c.dep_ == "agent" for c in verb.children):
            return []
        own = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        return self.actors_at(own, media=True) if own is not None else []

    def first_actor(self, seq: list[Token], sources: list[Mention]) -> list[Mention]:
        for tok in seq:
            mention = self.mention_at.get(tok.i)
            if mention is not None and not any(_same(mention, s) for s in sources):
                return [m for m in self.group(mention) if not any(_same(m, s) for s in sources)]
        return []


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


