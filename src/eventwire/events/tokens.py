"""Small questions about one parsed token, asked by every events module: its lemma, the objects of its
prepositions, whether it is passive, whether it is a purpose clause, and the verb that governs it.
"""

from __future__ import annotations

from spacy.tokens import Token

SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
PREP_DEPS = frozenset({"prep", "agent", "dative", "prt"})


def lemma(token: Token) -> str:
    return str(token.lemma_).lower()


def is_passive(token: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)


def prep_objects(token: Token, prep: str) -> list[Token]:
    out = []
    for c in token.children:
        if c.dep_ in PREP_DEPS and lemma(c) == prep:
            out += [g for g in c.children if g.dep_ in ("pobj", "pcomp")] or _dangling_object(c)
    return out


def _dangling_object(prep: Token) -> list[Token]:
    """The noun phrase right after a preposition the parser left without an object, because it read the
    phrase as the subject of a clause ("granted asylum to [five officers holed up in ...]")."""
    if prep.dep_ not in ("prep", "dative") or prep.i + 1 >= len(prep.doc):
        return []
    node = prep.doc[prep.i + 1]
    for _ in range(6):
        if node.head == node or node.head.i <= prep.i or node.head.pos_ not in ("NOUN", "PROPN", "NUM"):
            break
        node = node.head
    clause = node.head  # the clause the phrase was read as the subject of hangs from the same word
    misread = node.dep_ in ("nsubj", "nsubjpass") and clause != prep.head and clause.head == prep.head
    return [node] if node.pos_ in ("NOUN", "PROPN") and misread else []


def purpose_clause(token: Token) -> bool:
    """A to-infinitive adverbial clause without its own subject: "sent troops to help", "met to discuss"."""
    return (
        token.dep_ == "advcl"
        and any(c.dep_ == "aux" and lemma(c) == "to" for c in token.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    )


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above ``token`` (itself if it is one)."""
    if token.pos_ in ("VERB", "AUX"):
        return token
    return next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
