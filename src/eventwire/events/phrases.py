"""Which actors a phrase names: the mention a noun phrase holds, the actors coordinated with it, and the
first actor on the object side of a verb or noun phrase.

Works on one spaCy sentence with the actor stage's mentions (through ``MentionIndex``); returns plain
mentions. ``arguments`` decides which phrase to read for a source or a target.
"""

from __future__ import annotations

from collections import deque

from spacy.tokens import Span, Token

from eventwire.events.extract import MentionIndex
from eventwire.events.tokens import lemma
from eventwire.records import Mention

CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "csubj", "punct", "cc"})
CHEAP_DEPS = frozenset({"poss", "compound", "amod", "nmod", "appos", "conj", "case"})
MAX_COST = 4
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "nummod"})
# prepositions of concession, circumstance and attribution: what they govern is the setting of an event,
# not the one it is aimed at ("agreed despite Israel's objections", "according to Russia")
SETTING_PREPS = frozenset({"despite", "notwithstanding", "amid", "amidst", "according"})
# a country named after these is first of all where something happens ("blocked streets in Hong Kong in
# defiance of Chinese authorities"): read as a target only when no other actor is on the object side
LOCATIVE_PREPS = frozenset({"in", "at", "inside", "near", "across", "throughout", "within"})
_COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp"})
_NOT_OBJECT_SIDE = frozenset(
    {
        "nsubj",
        "csubj",
        "expl",
        "agent",
        "advcl",
        "relcl",
        "punct",
        "cc",
        "conj",
        "mark",
        "aux",
        "auxpass",
        "neg",
        "parataxis",
    }
)
_OWN_SIDE = frozenset({"poss", "case", "det", "compound", "amod", "nmod"})  # a noun trigger's own modifiers


def find_mentions(
    start: Token, index: MentionIndex, sentence: Span, *, media: bool = False, max_cost: int = MAX_COST
) -> tuple[list[Mention], int]:
    """The actor(s) a noun phrase names: the nearest mention in its subtree and those joined to it by "and".

    Returns the mentions and the search cost (0 = the phrase's head is itself the mention). Media
    mentions ("Kazpravda.kz") are skipped unless ``media``: a reporter is never an event's source.
    """
    queue: deque[tuple[Token, int]] = deque([(start, 0)])
    best: tuple[int, Token, Mention] | None = None
    while queue:
        token, cost = queue.popleft()
        mention = index.at(token)
        if mention is not None and (media or mention.kind != "media"):
            if best is None or cost < best[0]:
                best = (cost, token, mention)
            continue
        for child in token.children:
            if child.dep_ in CLAUSE_DEPS or not sentence.start <= child.i < sentence.end:
                continue
            cheap = child.dep_ in CHEAP_DEPS or child.dep_ == "pobj" or lemma(child) == "of"
            step = 1 if cheap else 2
            if cost + step <= max_cost:
                queue.append((child, cost + step))
    if best is None:
        return [], -1
    cost, token, mention = best
    return [mention, *(coordinated(token, index, media=media) if cost <= 1 else [])], cost


def coordinated(token: Token, index: MentionIndex, *, media: bool = False) -> list[Mention]:
    """The other actors joined by "and" to the mention at ``token``, in order, without repeats."""
    first = index.at(token)
    out: list[Mention] = []
    for joined in _conjuncts(token, index):
        other = index.at(joined)
        if other is not None and (media or other.kind != "media") and other is not first and other not in out:
            out.append(other)
    return out


def _conjuncts(token: Token, index: MentionIndex) -> list[Token]:
    """Tokens coordinated with the mention at ``token`` ("Jordan and Britain"), from the mention's root.

    A modifier inside the mention may be coordinated too: in "Hungarian and Romanian officials" the
    mention "Romanian officials" holds "Romanian", whose conjunct "Hungarian" names a second actor."""
    mention = index.at(token)
    roots = [token]
    if mention is not None:
        span = token.doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        if span is not None:
            inside = {t.i for t in span}
            roots = [span.root]
            roots += [
                t
                for t in span
                if t.dep_ in _MODIFIER_DEPS | {"conj"}
                and t.head.i not in inside
                and (t.dep_ != "conj" or t.head.dep_ in _MODIFIER_DEPS)
            ]
    out: list[Token] = []
    for root in roots:
        base = root
        while base.dep_ == "conj" and base.head != base:
            base = base.head
            out.append(base)
        stack = [base]
        while stack:
            node = stack.pop()
            for child in node.children:
                listed = child.dep_ == "appos" and getattr(index.at(child), "kind", "") == "country"
                if child.dep_ == "conj" or listed:  # "the US, Russia, and Switzerland"
                    out.append(child)
                    stack.append(child)
    return out


def object_side_mentions(
    hosts: list[Token],
    index: MentionIndex,
    sentence: Span,
    limit: int = 5,
    owned: frozenset[int] = frozenset(),
) -> list[tuple[Token, Mention]]:
    """Actors on the object side of a verb or noun phrase, the way a coder reads a target off the verb
    phrase when no slot names one: breadth first, nearer words first, then left to right. The subject
    of a clause the phrase itself governs is on its object side ("refused to allow UN planes to land"); what a
    preposition of concession governs is not ("despite Israel's objections"); a place comes last. A noun
    host's own modifiers are its source side, except the possessor of a host in ``owned`` (the object of a
    verb trigger: "cut off *Gaza's* water supply")."""
    queue: deque[tuple[Token, int]] = deque((h, 0) for h in hosts)
    host_ids = {h.i for h in hosts}
    seen = set(host_ids)
    found: list[tuple[int, int, Token, Mention]] = []
    while queue:
        token, cost = queue.popleft()
        for child in token.children:
            governed = (
                child.dep_ == "nsubj"
                and token.dep_ in _COMPLEMENT_DEPS
                and token.head.i in host_ids
                and token.i not in host_ids
                and not (lemma(child) == "it" and lemma(token) == "be")  # "it is too early to ..."
            )
            if (
                child.i in seen
                or (child.dep_ in _NOT_OBJECT_SIDE and not governed)
                or not sentence.start <= child.i < sentence.end
                or (child.dep_ == "prep" and lemma(child) in SETTING_PREPS)
            ):
                continue
            own = child.dep_ in _OWN_SIDE and not (child.dep_ == "poss" and token.i in owned)
            if cost == 0 and token.pos_ in ("NOUN", "PROPN") and own:
                continue
            seen.add(child.i)
            cheap = child.dep_ in CHEAP_DEPS or child.dep_ in ("pobj", "prep", "dobj") or governed
            step = cost + (1 if cheap else 2)
            if step > limit:
                continue
            mention = index.at(child)
            if mention is not None:
                where = (
                    mention.kind == "country" and child.dep_ == "pobj" and lemma(child.head) in LOCATIVE_PREPS
                )
                found.append((step + (3 if where else 0), child.i, child, mention))
            else:
                queue.append((child, step))
    return [(t, m) for _, _, t, m in sorted(found, key=lambda x: (x[0], x[1]))]
