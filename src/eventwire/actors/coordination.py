"""Coordination and possession across composed phrases: roles shared by coordinated adjectives ("Hungarian and
Romanian officials"), places shared by coordinated roles ("lawmakers and officials in X") and countries
("the ambassadors of A, B and C"), and possessors parsed over adjectives ("Ithilen's awful minister").
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from eventwire.actors.lexicon import norm
from eventwire.actors.match import POSSESSIVE, Atom

if TYPE_CHECKING:
    from eventwire.actors.compose import Phrase

CONJUNCTIONS = frozenset({",", "and", "or", "&"})
DETERMINERS = frozenset({"the", "a", "an"})


def possessors(doc: Doc, phrases: list[Phrase]) -> list[Phrase]:
    """A possessor parsed as the role's own ("Ithilen's awful and evil minister"): the role is its."""
    out: list[Phrase] = []
    for p in phrases:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "entity"
            and p.kind in ("role", "person")
            and p.roles
            and (not p.entities or (p.name is not None and p.entities[0].start == p.name[0]))
            and p.role_end > 0
            and norm(doc[prev.end].text) in POSSESSIVE
        ):
            owner = doc[prev.end - 1]
            head = doc[p.role_end - 1]
            if owner.dep_ == "poss" and owner.head.i == head.i:
                p.entities, p.start = prev.entities, prev.start
                out[-1] = p
                continue
        out.append(p)
    return out


def share_place(doc: Doc, phrases: list[Phrase]) -> None:
    """Coordinated roles share what the last one attaches to: "lawmakers and officials in X"."""
    for left, right in pairwise(phrases):
        if not left.roles or left.entities or left.name or left.person or not right.attached_by:
            continue
        if any(r.office for r in left.roles) or right.person or right.name or left.role_end < 1:
            continue
        between = {norm(doc[i].text) for i in range(left.end, right.start)} - DETERMINERS
        head, other = doc[left.role_end - 1], doc[right.role_end - 1]
        if between and between <= CONJUNCTIONS and other.dep_ == "conj" and other.head.i == head.i:
            left.entities, left.attached_by = list(right.entities), right.attached_by


def share_roles(doc: Doc, phrases: list[Phrase]) -> None:
    """Adjectives joined by "and" share a role ("Hungarian and Romanian officials")."""
    for idx in range(len(phrases) - 2, -1, -1):
        left, right = phrases[idx], phrases[idx + 1]
        if left.kind != "entity" or not right.roles or right.person or right.name or not right.entities:
            continue
        if country_form(left.entities[0]) != "adjectives" or country_form(right.entities[0]) != "adjectives":
            continue
        between = {norm(doc[i].text) for i in range(left.end, right.entities[0].start)}
        if between and between <= CONJUNCTIONS:
            left.kind, left.roles, left.shared, left.role_end = (
                "role",
                list(right.roles),
                True,
                right.role_end,
            )


def share_attached(doc: Doc, phrases: list[Phrase]) -> None:
    """Countries coordinated after "of"/"in"/"from" share the role: "the ambassadors of A, B and C" are
    three ambassadors, "lawmakers in A and B" lawmakers of both."""
    for idx, p in enumerate(phrases):
        if not p.attached_by or not p.roles or p.person or p.name or any(r.office for r in p.roles):
            continue
        target = range(p.entities[0].start, p.entities[0].end)
        for q in phrases[idx + 1 :]:
            if q.kind != "entity" or not conjoined(doc, q.entities[0].start, target):
                break
            q.kind, q.roles, q.shared, q.role_end = "role", list(p.roles), True, p.role_end
            q.attached_by = p.attached_by


def conjoined(doc: Doc, start: int, target: range) -> bool:
    """Is the token at ``start`` (or its phrase head) a conjunct of a token in ``target``?"""
    tok = doc[start]
    while tok.dep_ in ("compound", "amod") and tok.head.i > tok.i:
        tok = tok.head
    for _ in range(8):
        if tok.dep_ != "conj" or tok.head is tok:
            return False
        tok = tok.head
        if tok.i in target:
            return True
    return False


def country_form(atom: Atom) -> str:
    """Which country field the atom's term came from ("adjectives", "name", ...); "" if not a country."""
    sense = atom.first("country")
    return sense.form if sense is not None else ""
