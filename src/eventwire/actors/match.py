"""Finding dictionary terms in a parsed Doc: longest non-overlapping matches ("atoms") and unknown name runs.

Matching is a dict lookup over lower-cased token n-grams starting at tokens that can begin a term, so it
never depends on spaCy's entity labels (the small model tags "Kassym-Jomart Tokayev" as ORG).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token

from eventwire.actors.lexicon import Lexicon, Sense, case_ok, norm
from eventwire.actors.support import filter_first_names, filter_members, filter_people

POSSESSIVE = frozenset({"'s", "'", "’s", "’"})
_EXTENDABLE_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})


@dataclass(slots=True)
class Atom:
    start: int  # token index
    end: int  # exclusive
    senses: list[Sense]

    def first(self, *kinds: str) -> Sense | None:
        return next((s for s in self.senses if s.kind in kinds), None)

    @property
    def is_entity(self) -> bool:
        return self.first("country", "org", "actor") is not None

    def word(self, lex: Lexicon, cls: str) -> str:
        """The value of a function word of class ``cls`` ("" if the atom is not one)."""
        sense = self.first("word")
        if sense is None:
            return ""
        word = lex.dictionaries.words[sense.ref]
        return word.value or word.cls if word.cls == cls else ""


def scan(doc: Doc, lex: Lexicon, day: date | None = None) -> list[Atom]:
    """Every dictionary match, longest first, then leftmost; no two overlap. People's names the text does
    not bear out are dropped (``support``; ``day`` is the article's date)."""
    keys = [norm(t.text) for t in doc]
    n = len(doc)
    candidates: list[Atom] = []
    for i, first in enumerate(keys):
        for length in lex.lengths.get(first, ()):
            if i + length > n:
                continue
            senses = lex.entries.get(tuple(keys[i : i + length]))
            if not senses or any(doc[j].is_sent_start for j in range(i + 1, i + length)):
                continue
            ok = [s for s in senses if case_ok(s, doc, i)]
            if ok:
                candidates.append(Atom(i, i + length, ok))
    # longest first; a leading "the" counts for less, so "West Bank" beats "the West" in "the West Bank"
    candidates.sort(key=lambda a: (a.start - a.end + 0.5 * (keys[a.start] == "the"), a.start))
    taken = [False] * n
    atoms: list[Atom] = []
    for atom in candidates:
        if not any(taken[atom.start : atom.end]):
            atoms.append(atom)
            for j in range(atom.start, atom.end):
                taken[j] = True
    atoms.sort(key=lambda a: a.start)
    atoms = _ethnic(atoms, lex)
    atoms = [a for a in atoms if not (a.is_entity and _not_an_actor(doc, a, lex))]
    atoms = [a for a in atoms if not _surname(doc, a, taken)]
    atoms = filter_people(doc, atoms, lex, taken, day)
    atoms = filter_members(doc, atoms, lex, taken)
    atoms = filter_first_names(doc, atoms, taken)
    _extend_roles(doc, atoms, taken, lex.word_class("portfolio"))
    return atoms


def _ethnic(atoms: list[Atom], lex: Lexicon) -> list[Atom]:
    """ "ethnic Albanians" are people of that origin wherever they live, not Albania: the role the word
    ``ethnic`` names in words.tsv (civilians), placed like any group."""
    out: list[Atom] = []
    for atom in atoms:
        prev = out[-1] if out else None
        marker = prev.word(lex, "ethnic") if prev is not None and prev.end == atom.start else ""
        if prev is not None and marker and atom.first("country") is not None:
            out[-1] = Atom(prev.start, atom.end, [Sense("role", marker, "form")])
            continue
        out.append(atom)
    return out


def _surname(doc: Doc, atom: Atom, taken: list[bool]) -> bool:
    """A capitalised role word right after a first name is a surname: "Tom King", not a king."""
    if atom.end - atom.start != 1 or atom.is_entity or atom.first("role") is None or atom.start == 0:
        return False
    tok, prev = doc[atom.start], doc[atom.start - 1]
    if not tok.text[:1].isupper() or tok.is_sent_start or taken[prev.i]:
        return False
    if is_name_token(prev) and (not prev.is_sent_start or prev.pos_ == "PROPN"):
        taken[atom.start] = False
        return True
    return False


def _not_an_actor(doc: Doc, atom: Atom, lex: Lexicon) -> bool:
    """ "anti-Syria", "pro-Iranian", "ethnic Albanians", "Russian-made", "Israeli-occupied": a name that
    describes something else, not an actor (words of class ``nonstate`` in words.tsv)."""
    words = lex.dictionaries.words

    def cls(i: int) -> str:
        word = words.get(norm(doc[i].text)) if 0 <= i < len(doc) else None
        return word.value if word is not None and word.cls == "nonstate" else ""

    before = atom.start - 1
    if before >= 0 and doc[before].text == "-" and not doc[before].whitespace_:
        before -= 1
    if cls(before) == "prefix":
        return True
    after = atom.end
    hyphen = after < len(doc) and doc[after].text == "-" and not doc[after - 1].whitespace_
    return hyphen and cls(after + 1) == "suffix"


def _extend_roles(doc: Doc, atoms: list[Atom], taken: list[bool], portfolios: frozenset[str]) -> None:
    """Grow role matches leftwards over their modifiers: "Interior Minister", "senior officials". A
    capitalised word is taken only when it is a ministry's portfolio (words.tsv): "Tom King" stays a name."""
    for atom in atoms:
        if atom.first("role") is None or atom.is_entity:
            continue
        span_heads = {doc[j].i for j in range(atom.start, atom.end)}
        i = atom.start - 1
        while i >= 0 and not taken[i] and not doc[i + 1].is_sent_start:
            tok = doc[i]
            if not (tok.is_alpha and tok.dep_ in _EXTENDABLE_DEPS and tok.head.i in span_heads):
                break
            if tok.pos_ not in ("NOUN", "PROPN", "ADJ"):
                break
            if tok.text[0].isupper() and norm(tok.text) not in portfolios:
                break
            span_heads.add(i)
            taken[i] = True
            atom.start = i
            i -= 1


def is_name_token(tok: Token) -> bool:
    """A capitalised word that can be part of a person's name."""
    return (
        tok.is_alpha and tok.text[0].isupper() and (tok.pos_ == "PROPN" or not tok.is_stop) and len(tok) > 1
    )


def name_run(doc: Doc, start: int, taken: set[int], particles: frozenset[str]) -> int:
    """End (exclusive) of a run of name tokens from ``start`` ("Tom King", "Omar al-Bashir"); or ``start``."""
    end = start
    i = start
    n = len(doc)
    while i < n and i not in taken:
        tok = doc[i]
        if i > start and tok.is_sent_start:
            break
        if is_name_token(tok):
            end = i = i + 1
            continue
        joiner = tok.text == "-" and not doc[i - 1].whitespace_ if i > start else False
        particle = i > start and norm(tok.text).rstrip("-") in particles
        if (joiner or particle) and i + 1 < n and i + 1 not in taken:
            nxt = doc[i + 1] if not (particle and doc[i + 1].text == "-") else doc[min(i + 2, n - 1)]
            if is_name_token(nxt):
                i += 1
                continue
        break
    return end


def name_runs(doc: Doc, covered: set[int], particles: frozenset[str]) -> list[tuple[int, int]]:
    """Every run of name tokens outside ``covered`` (candidates for names introduced earlier in the text)."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        end = name_run(doc, i, covered, particles) if i not in covered else i
        if end > i:
            out.append((i, end))
            i = end
        else:
            i += 1
    return out
