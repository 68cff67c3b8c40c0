"""Matching PETRARCH verb patterns on one spaCy sentence, and reading source and target off its parse.

``Sentence`` holds the sentence's upper-cased words, the actor mention at each token and its noun chunks.
A pattern side is matched outward from the verb (words after it left to right, words before it right to
left), nearest spot first with backtracking: a ``tight`` element (``_`` in the dictionary) must stand right
next to what it follows, a loose one may have other words between. Words compare by exact upper-cased
form; ``$``/``+``/``%`` take an actor mention with the mentions coordinated with it; ``^`` skips a noun
phrase. See ``petrarch_verbs`` for the whole coding procedure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventwire.events.petrarch_syntax import Element
from eventwire.records import Mention

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "punct", "mark"})
_INHERIT_DEPS = frozenset({"conj", "advcl", "ccomp", "acomp", "xcomp", "pcomp"})
_MEMBER_PREPS = frozenset({"of", "in", "from"})  # "the ambassadors of Arnor", "soldiers from Gondor"
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
Bindings = dict[str, tuple[Mention, ...]]
Alternatives = Callable[[Element], list[tuple[str, ...]]]
Option = tuple[int, int, str, tuple[Mention, ...], tuple[int, ...]]  # new pos, score, role, actors, tokens


@dataclass(frozen=True, slots=True)
class SideMatch:
    score: int  # words and markers matched
    bindings: Bindings  # "source", "target", "compound" → mentions
    used: tuple[int, ...]  # token indices of the matched words


def same_actor(a: Mention, b: Mention) -> bool:
    return a.code == b.code or bool(a.entity_id and a.entity_id == b.entity_id)


def inflects(lemma: str, form: str) -> bool:
    """Is upper-case ``form`` a regular inflection of ``lemma``, or an irregular one not built on it?"""
    if not form.startswith(lemma[:-1] or lemma):
        return True  # "BROKE", "MET": the tagger's lemma is all there is to go on
    stem = lemma[:-1] if lemma.endswith("E") else lemma
    forms = {lemma + "S", lemma + "D", stem + "ED", stem + "ING"}
    if lemma.endswith(("S", "X", "Z", "CH", "SH", "O")):
        forms.add(lemma + "ES")
    if lemma.endswith("Y"):
        forms |= {lemma[:-1] + "IES", lemma[:-1] + "IED"}
    if len(lemma) > 2 and lemma[-1] not in "AEIOUWXY" and lemma[-2] in "AEIOU":
        forms |= {lemma + lemma[-1] + "ED", lemma + lemma[-1] + "ING"}
    return form in forms


def own_subject(verb: Token) -> Token | None:
    """The verb's subject, also when the parser hung it on an auxiliary ("X was ... criticized")."""
    for node in (verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))):
        found = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
        if found is not None:
            return found
    return None


def is_passive(verb: Token) -> bool:
    """A passive clause, or a participle with a "by" agent ("Rebuked by Eriador, ...")."""
    return any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in verb.children)


class Sentence:
    """One sentence with its actor mentions (by token), noun chunks and upper-cased words."""

    def __init__(self, sentence: Span, mentions: Sequence[Mention], alternatives: Alternatives) -> None:
        self.doc = sentence.doc
        self.start, self.end = sentence.start, sentence.end
        self.words = list(sentence)
        self.alternatives = alternatives
        self.upper = {t.i: t.text.replace("’", "'").upper() for t in sentence}
        self.mention_at: dict[int, Mention] = {}
        self.twins: dict[tuple[int, int], list[Mention]] = {}  # one phrase, several actors ("FRO/BIL/SAM")
        for m in mentions:
            self.twins.setdefault((m.start_char, m.end_char), []).append(m)
            for tok in sentence:
                if m.start_char <= tok.idx < m.end_char:
                    self.mention_at.setdefault(tok.i, m)
        parsed = self.doc.has_annotation("DEP")
        self.chunk_of = {t.i: (c.start, c.end - 1) for c in sentence.noun_chunks for t in c} if parsed else {}

    def after_verb(self, verb: Token, last: int) -> list[Token]:
        """The verb phrase right of the verb: its subtree without coordinated clauses."""
        skip = {t.i for c in verb.children if c.dep_ in ("conj", "cc") and c.i > verb.i for t in c.subtree}
        return [t for t in verb.subtree if t.i > last and t.i not in skip]

    def match(
        self, elements: Sequence[Element], seq: list[Token], pos: int, forward: bool
    ) -> SideMatch | None:
        """Match ``elements`` (nearest the verb first) on ``seq`` from ``pos``; None if they do not fit."""
        return self._match(elements, 0, seq, pos, forward, set())

    def _match(
        self,
        elements: Sequence[Element],
        at: int,
        seq: list[Token],
        pos: int,
        forward: bool,
        failed: set[tuple[int, int]],
    ) -> SideMatch | None:
        if at == len(elements):
            return SideMatch(0, {}, ())
        if (at, pos) in failed:  # whether the rest fits depends only on where it starts
            return None
        for new_pos, score, role, actors, took in self._options(elements[at], seq, pos, forward):
            rest = self._match(elements, at + 1, seq, new_pos, forward, failed)
            if rest is not None:
                bindings = {role: actors, **rest.bindings} if role else rest.bindings
                return SideMatch(score + rest.score, bindings, took + rest.used)
        failed.add((at, pos))
        return None

    def _options(self, element: Element, seq: list[Token], pos: int, forward: bool) -> Iterator[Option]:
        """Ways to match one element at or beyond ``pos`` (forward: a start, backward: an end), nearest
        first."""
        if element.kind == "skip":
            yield from self._skip(seq, pos, forward)
            return
        if element.tight:
            spots: Sequence[int] = [pos]
        else:
            spots = range(pos, len(seq)) if forward else range(pos, 0, -1)
        words = [self.upper[t.i] for t in seq]
        for spot in spots:
            if element.kind in ("word", "synset"):
                for alt in self.alternatives(element):
                    lo, hi = (spot, spot + len(alt)) if forward else (spot - len(alt), spot)
                    if lo >= 0 and hi <= len(seq) and tuple(words[lo:hi]) == alt:
                        yield (hi if forward else lo), len(alt), "", (), tuple(t.i for t in seq[lo:hi])
                continue
            at, near = (spot, spot - 1) if forward else (spot - 1, spot)
            mention = self.mention_at.get(seq[at].i) if 0 <= at < len(seq) else None
            if mention is None or (
                spot != pos and 0 <= near < len(seq) and self.mention_at.get(seq[near].i) is mention
            ):
                continue  # no actor here, or one already tried at its near edge
            if element.kind == "source" and mention.kind == "media":
                continue
            group = self.group(mention)
            if element.kind == "compound" and len(group) < 2:
                continue
            covered = [k for k, t in enumerate(seq) if self.mention_at.get(t.i) in group]
            yield (max(covered) + 1 if forward else min(covered)), 1, element.kind, tuple(group), ()

    def _skip(self, seq: list[Token], pos: int, forward: bool) -> Iterator[Option]:
        """``^``: past the noun phrase at (or next after) ``pos``; one word when there is none."""
        for k in range(pos, len(seq)) if forward else range(pos - 1, -1, -1):
            chunk = self.chunk_of.get(seq[k].i)
            if chunk is not None:
                inside = [j for j, t in enumerate(seq) if (t.i <= chunk[1] if forward else t.i >= chunk[0])]
                yield (max(inside) + 1 if forward else min(inside)), 1, "", (), ()
                return
        if (forward and pos < len(seq)) or (not forward and pos > 0):
            yield (pos + 1 if forward else pos - 1), 1, "", (), ()

    def group(self, mention: Mention) -> list[Mention]:
        """A mention with those coordinated with it ("Gondor and Osgiliath"), in text order."""
        tokens = [t for t in self.words if self.mention_at.get(t.i) is mention]
        for tok in tokens:  # "the European Union (EU)": an appositive names the same actor
            head = self.mention_at.get(tok.head.i)
            if tok.dep_ == "appos" and head is not None and head is not mention:
                return self.group(head)
        stack = list(tokens)
        for node in tokens:
            while node.dep_ == "conj" and node.head is not node:
                node = node.head
                stack.append(node)
        found: dict[int, Mention] = {id(mention): mention}
        seen: set[int] = set()
        while stack:
            node = stack.pop()
            if node.i in seen:
                continue
            seen.add(node.i)
            other = self.mention_at.get(node.i)
            if other is not None and other.kind != "pronoun":
                found.setdefault(id(other), other)
                stack += [t for t in self.words if self.mention_at.get(t.i) is other]
            stack += [c for c in node.children if c.dep_ == "conj"]
        return self._with_twins(list(found.values()))

    def actors_at(self, start: Token, *, media: bool = False) -> list[Mention]:
        """The actors a noun phrase names: all of them when it coordinates ("Fornost and the evil Gondor",
        "Mordor, the Shire, Fornost and Bree"), else the nearest (breadth first) with its conjuncts."""
        queue, found, joined = [start], [], False
        while queue:
            tok = queue.pop(0)
            joined = joined or (tok.dep_ == "cc" and tok.head.pos_ in _NOMINAL)
            mention = self.mention_at.get(tok.i)
            if mention is not None and (media or mention.kind != "media") and mention not in found:
                found.append(mention)
            for c in tok.children:
                if c.dep_ in _CLAUSE_DEPS or not self.start <= c.i < self.end:
                    continue
                if c.dep_ == "prep" and str(c.lower_) not in _MEMBER_PREPS:
                    continue  # "an embargo against Mordor" does not name Mordor
                queue.append(c)
        if joined and len(found) > 1:
            return self._with_twins(found)
        return self.group(found[0]) if found else []

    def _with_twins(self, mentions: list[Mention]) -> list[Mention]:
        """The mentions with the other actors their phrases name, in text order."""
        out: dict[int, Mention] = {}
        for m in mentions:
            for twin in self.twins.get((m.start_char, m.end_char), [m]):
                out.setdefault(id(twin), twin)
        return sorted(out.values(), key=lambda m: m.start_char)

    def subject(self, verb: Token, hops: int = 4) -> list[Mention]:
        """The actors of the verb's grammatical subject, its own or inherited from the clause above."""
        own = own_subject(verb)
        if own is not None:
            return self.actors_at(own)
        head = verb.head
        if hops == 0 or head is verb or not self.start <= head.i < self.end:
            return []
        if verb.dep_ == "xcomp":  # "urged Bree to help": the object of the governing verb
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

    def source(self, verb: Token) -> list[Mention]:
        """Who did it: the agent of a passive ("by X"), else the subject. A passive without an agent keeps
        its own grammatical subject (PETRARCH's convention) but never inherits one (that is the patient)."""
        if not is_passive(verb):
            return self.subject(verb)
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agents:
            return self.actors_at(agents[0])
        own = own_subject(verb)
        return self.actors_at(own) if own is not None else []

    def default_target(self, verb: Token, phrase: list[Token], sources: list[Mention]) -> list[Mention]:
        """The subject of a passive with an agent, else the first actor in the verb phrase (not a source)."""
        if is_passive(verb) and any(c.dep_ == "agent" for c in verb.children):
            patients = [m for m in self.subject(verb) if not any(same_actor(m, s) for s in sources)]
            if patients:
                return patients
        for tok in phrase:
            mention = self.mention_at.get(tok.i)
            if mention is not None and not any(same_actor(mention, s) for s in sources):
                return [m for m in self.group(mention) if not any(same_actor(m, s) for s in sources)]
        return []
