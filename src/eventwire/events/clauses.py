"""What a clause says about a frame word and the action it governs: is the action asserted as done, is a
to-infinitive controlled by the verb's object, is a frame word idle here, does a pattern name an object.

Small parse predicates used by ``compose``.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.events.extract import Match, for_clauses
from eventwire.events.tokens import OBJECT_DEPS, lemma, purpose_clause

_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def asserted(verb: Token) -> bool:
    """A finite clause in the past, present or perfect asserts what happens: "warned that Russia had
    attacked", "denied that troops are shelling the town"; "will", "should" or a bare verb do not."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    return verb.tag_ in _FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and (c.tag_ in _FINITE_TAGS or lemma(c) == "have") for c in verb.children
    )


def object_control(token: Token) -> bool:
    """A to-infinitive the parser hung as a purpose clause of a verb with an object: "demanded the
    parties to allow access" (with appeal and demand verbs the object does it, as in "urged X to"), or a
    for-to clause, whose subject does it: "called for Israel to withdraw"."""
    if token in for_clauses(token.head):
        return True
    return purpose_clause(token) and any(c.dep_ in OBJECT_DEPS for c in token.head.children)


def idle_frame(m: Match) -> bool:
    """A frame word that governs no clause here ("agreed to undertake joint exercises"): looked through."""
    flags = m.pattern.flags
    return (
        "comp_only" in flags
        and "needs_action" in flags
        and not any(c.dep_ in ("xcomp", "ccomp") for c in m.token.children)
    )


def has_object_constraint(m: Match) -> bool:
    return any(c.path[0] == "obj" for c in m.pattern.require)
