"""Second readings of a candidate event, once the composer has built it.

A meeting or visit that is set to take place is an intent to meet (036: "talks will begin", "an upcoming
visit", "a meeting is planned"). A warning of what may happen, not of what the warner will do, is a
pessimistic comment (012), not a threat; a threat that names no target is aimed at who must meet its
condition; a bare "in protest" is dissent (140), and adds nothing to a verb that is itself a protest; a
noun of travel with a place compounded before it names where the visit goes ("his Turkey trip"); a proper
name compounded before a noun of violence is its attacker only when it names an armed actor ("the Hamas
attack", not "the Westminster attack" or "the Kim Jong-nam attack"); an appeal or demand in the purpose
clause of a protest is what the protest is for, not an event of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventwire.events.arguments import Arguments, manner_phrase, same_actor
from eventwire.events.extract import Match, has_word
from eventwire.events.filters import Modality, modality
from eventwire.events.patterns import PatternSet
from eventwire.events.tokens import OBJECT_DEPS, lemma, purpose_clause
from eventwire.records import Mention

if TYPE_CHECKING:
    from eventwire.events.compose import Candidate

RISK_CODE = "012"  # pessimistic comment: a warning of a risk
DISSENT, DISSENT_CODE = "14", "140"  # protest; engage in political dissent, not specified
_AIMS = ("02", "10")  # appeals and demands
_MEETING = "04"  # consult: meetings, calls, visits
_VIOLENT = ("18", "19", "20")  # assault, fight, mass violence
# sectors of armed actors: rebels, insurgents, military, police, intelligence, unidentified armed forces,
# radicals; and international militarized groups (IMG...)
_ARMED_SECTORS = frozenset({"REB", "INS", "MIL", "COP", "SPY", "UAF", "RAD"})


def planned(m: Match, mod: Modality, via: str, patterns: PatternSet) -> None:
    """A noun event whose two sides "between" names takes the mood of the verb it is the subject of
    ("talks between X and Y will begin"); a meeting or visit set to come ("an upcoming visit", "a meeting
    is planned") is a future, which CAMEO codes as an intent to meet (036)."""
    if via == "between" and m.token.dep_ in ("nsubj", "nsubjpass"):
        mod.absorb(modality(m.token.head, patterns))
    if mod.scheduled and m.pattern.code.startswith(_MEETING):
        mod.future = True


def overlap(a: list[Mention], b: list[Mention]) -> bool:
    """Do the two lists share an actor?"""
    return any(same_actor(x, y) for x in a for y in b)


def risk_warning(args: Arguments, m: Match, sources: list[Mention], inner: Candidate | None) -> bool:
    """A warning verb ("warn", "caution") with a clause that says what may happen, not what the warner
    will do, is a pessimistic comment (012), not a threat: "officials warn Russia could be interfering",
    "warned that the ban could weaken demand", "warned Trump that reversing the policy could hurt".
    It stays a threat when the clause is a future whose subject is the warner, its own side or a
    pronoun ("warned that it will retaliate", "warned that police will no longer tolerate rallies",
    "warned the leaders they will have weeks") or when the warner itself does the action it governs."""
    token, patterns = m.token, args.patterns
    if not has_word(token, patterns.words("risk_warning_verbs"), patterns):
        return False
    clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return False
    if inner is not None and inner.code[:2] >= "13" and overlap(inner.sources, sources):
        return False
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subject is None:  # "warn Russia could be interfering": the parser took the subject as an object
        subject = next((c for c in token.children if c.dep_ in OBJECT_DEPS and c.i < clause.i), None)
    future = any(c.dep_ == "aux" and lemma(c) in patterns.words("modal_future") for c in clause.children)
    if not future:
        return True
    if subject is None or subject.pos_ == "PRON":
        return False
    found, _ = args.mentions(subject)
    if not found:  # "warned that police will no longer tolerate rallies": the state's own forces
        return not has_word(subject, patterns.words("authority_nouns"), patterns)
    return not any(x.code[:3] == s.code[:3] for x in found for s in sources)


def destination(args: Arguments, token: Token, sources: list[Mention]) -> list[Mention]:
    """The place compounded before a noun of travel: "a White House visit", "his Turkey trip"."""
    for child in token.children:
        if child.dep_ == "compound":
            found, _ = args.mentions(child, max_cost=1)
            others = [x for x in found if not overlap([x], sources)]
            if others:
                return others
    return []


def scene_not_attacker(token: Token, code: str, sources: list[Mention]) -> bool:
    """Is the proper name compounded before a noun of violence where or whom it hit, not who did it: a
    place ("the Westminster attack", "the Yemen raid"), a person ("the Kim Jong-nam attack") or an unarmed
    institution? Only an armed actor ("the Hamas attack", "an ISIS bombing"), an IGO or a country (left to
    the composer: with no target it is a place) is the attacker; a common noun is who acts ("mob
    attacks", "militant attacks")."""
    if not code.startswith(_VIOLENT):
        return False
    if not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children):
        return False
    return not any(
        s.kind in ("igo", "country")  # a country with a target attacks ("the US raid on al-Qaeda")
        or s.code.startswith("IMG")
        or (s.kind == "group" and s.code[3:6] in _ARMED_SECTORS)
        for s in sources
    )


def aim_of_protest(cand: Candidate, built: dict[int, Candidate]) -> bool:
    """An appeal or demand in the purpose clause of a protest is what the protest is for, not an event of
    its own: "began a hunger strike to demand the return of property", "blocked streets to demand reform"."""
    if not cand.code.startswith(_AIMS):
        return False
    protest = {
        t.i for c in built.values() if c.code.startswith("14") for t in [c.match.token, *c.extra_tokens]
    }
    node = cand.match.token
    for _ in range(4):
        if node.head == node:
            return False
        if purpose_clause(node) and node.head.i in protest:
            return True
        node = node.head
    return False


def conditioned_targets(args: Arguments, cand: Candidate) -> list[Mention]:
    """The target of a threat that names none: who must meet its condition ("threatened to stop
    talks if the United States goes ahead")."""
    conditional = args.patterns.words("conditional") | args.patterns.words("future_marks")
    for token in [cand.match.token, *cand.extra_tokens]:
        for clause in token.children:
            marks = {lemma(g) for g in clause.children if g.dep_ == "mark"}
            if clause.dep_ != "advcl" or not marks & conditional:
                continue
            subject = next((g for g in clause.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            found, _ = args.mentions(subject)
            found = [x for x in found if not any(same_actor(x, s) for s in cand.sources)]
            if found:
                return found
    return []


def bare_manner(token: Token, patterns: PatternSet) -> bool:
    """A bare singular "in protest" ("closed its embassy in protest"), not "took part in mass protests"."""
    modified = any(c.dep_ in ("amod", "compound", "nmod", "nummod") for c in token.children)
    return token.tag_ == "NN" and not modified and manner_phrase(token, patterns)


def beside_protest(cand: Candidate, built: dict[int, Candidate]) -> bool:
    """Is ``cand`` a bare "in protest" whose verb is itself a protest: "marched in protest", "went on
    strike in protest" (the verb's own protest is the event)?"""
    if not cand.manner or cand.support is None:
        return False
    protests = {
        t.i
        for c in built.values()
        if c.code.startswith(DISSENT) and not c.manner
        for t in [c.match.token, *c.extra_tokens]
    }
    return cand.support.i in protests
