"""Who did it to whom: the actor mentions that fill an event's source and target slots.

``phrases`` reads the actor(s) a noun phrase names; ``Arguments`` finds a trigger's source (its
subject, the agent of a passive, a noun's possessor, "by" phrase or actor modifier, or the subject of
the support verb that carries a noun: "held talks") and its target (the pattern's slots in order, else
the first actor on the object side of the phrase). Media mentions are never a source.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.events.extract import Match, MentionIndex, has_word, slot_tokens, subject_token
from eventwire.events.patterns import PatternSet
from eventwire.events.phrases import MAX_COST, coordinated, find_mentions, object_side_mentions
from eventwire.events.tokens import PREP_DEPS, governing_verb, is_passive, lemma, prep_objects, purpose_clause
from eventwire.records import Mention

_SUPPORTED_DEPS = frozenset({"dobj", "obj", "attr", "oprd", "nsubjpass", "conj"})
_SUPPORT_PREPS = frozenset({"in", "with", "into", "on", "under"})
# "said at a meeting with X", "told reporters during talks with X", "said in a phone call with X": the
# speaker took part in the consultation (04x) it speaks at
_OCCASION_PREPS = frozenset({"at", "during", "in"})
_CONSULT = "04"
_GIVEN = ("05", "07")  # support, approval, aid: what one actor can have from another
_MOD_DEPS = frozenset({"compound", "amod", "nmod"})
# an object's actor farther than "of X" ("the right of X") is what the object is about or from, not the
# object: "received a letter from X" (a preposition other than "of" costs 2, its object 1)
_OBJ_ACTOR_COST = 2
_PERSONAL = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
_IMPERSONAL = frozenset({"it", "its", "itself"})


def same_actor(a: Mention, b: Mention) -> bool:
    """One actor (same code or same entity): an event between them is not coded."""
    return a.code == b.code or bool(a.entity_id and a.entity_id == b.entity_id)


def _agrees(pronoun: Token, antecedent: Mention) -> bool:
    """Can the pronoun refer to the mention: a person pronoun to a person or role, "it" to no person."""
    word = str(pronoun.lower_)
    if word in _PERSONAL:
        return antecedent.kind in ("person", "role")
    return not (word in _IMPERSONAL and antecedent.kind == "person")


def manner_phrase(token: Token, patterns: PatternSet) -> bool:
    """A bare "in protest (of/against ...)": what the clause's subject does by acting so."""
    return (
        token.dep_ == "pobj"
        and lemma(token.head) == "in"
        and has_word(token, patterns.words("manner_nouns"), patterns)
        and not any(c.dep_ in ("det", "poss") for c in token.children)
    )


class Arguments:
    """Source and target search for the triggers of one sentence."""

    def __init__(
        self, patterns: PatternSet, index: MentionIndex, sentence: Span, matches: list[Match]
    ) -> None:
        self.patterns = patterns
        self.index = index
        self.sentence = sentence
        self.triggers = {m.token.i for m in matches}
        self.parts = {p.i for m in matches for p in m.parts}

    def mentions(
        self, token: Token | None, media: bool = False, max_cost: int = MAX_COST
    ) -> tuple[list[Mention], int]:
        if token is None:
            return [], -1
        if self.index.at(token) is None and has_word(
            token, self.patterns.words("not_agent_heads"), self.patterns
        ):
            return [], -1  # "opponents of the Senate" are not the Senate
        found, cost = find_mentions(token, self.index, self.sentence, media=media, max_cost=max_cost)
        if found or token.head == token:
            return found, cost
        if token.pos_ == "PRON":
            return self._pronoun_fallback(token)
        owner = next((c for c in token.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        return self._pronoun_fallback(owner) if owner is not None else (found, cost)

    def _pronoun_fallback(self, token: Token) -> tuple[list[Mention], int]:
        """An unresolved pronoun ("it", "their"): the subject of the nearest clause above it whose subject
        does not contain it, e.g. the reporter of a reported clause ("Syria says it is willing") or the
        subject that governs a participle ("..., stressing its readiness"). When that subject is itself a
        mention, "he" or "his" takes only a person or a role ("the minister ... as he embarked"), "it" or
        "its" never a person."""
        clause = governing_verb(token)
        for _ in range(3):
            if clause is None:
                break
            antecedent = subject_token(clause)
            if antecedent is not None and token not in antecedent.subtree:
                found, cost = find_mentions(antecedent, self.index, self.sentence)
                if found and (cost > 0 or _agrees(token, found[0])):
                    return found, cost + 2
            if clause.head == clause:
                break
            clause = governing_verb(clause.head)
        return [], -1

    def sources(self, m: Match) -> tuple[list[Mention], int, Token | None, str]:
        """Source mentions, search cost, the support verb (if one carries a noun) and how it was found:
        ``subject``, ``slot``, ``poss``, ``modifier`` (adjective), ``compound`` (a name before the noun),
        ``between`` or ``support``."""
        token = m.token
        if token.pos_ not in ("NOUN", "PROPN") or m.pattern.pos != "noun":
            subject = subject_token(token)
            stop = self.patterns.words("nonagent_subjects")
            if (
                subject is not None
                and self.index.at(subject) is None
                and has_word(subject, stop, self.patterns)
            ):
                return [], -1, None, ""  # "Jordan's participation will allow ...": not Jordan acting
            found, cost = self.mentions(subject)
            if not found and "sym" in m.pattern.flags and is_passive(token):
                pair = [x for p in m.parts for t in prep_objects(p, "between") for x in self.mentions(t)[0]]
                if len(pair) >= 2:  # "talks between X and Y were held": the two sides held them
                    return pair, 1, None, "between"
            return found, cost, None, "subject"
        for slot in m.pattern.source:
            for t in prep_objects(token, slot):
                found, cost = self.mentions(t, max_cost=1)
                if found:
                    return found, cost + 1, None, "slot"
        agent = bool(prep_objects(token, "by"))  # "Germany's first attack by an IS sympathiser"
        travel = has_word(token, self.patterns.words("destination_nouns"), self.patterns)
        for child in token.children:
            if child.dep_ == "poss" and agent:
                continue  # with its agent named, the possessor is where or whom it hit
            if child.dep_ == "compound" and travel:
                continue  # "a White House visit", "Tillerson's Turkey visit": where one goes
            if child.dep_ == "poss" or (child.dep_ in _MOD_DEPS and child not in m.parts):
                found, cost = self.mentions(child, max_cost=1)
                if found:
                    via = {"poss": "poss", "compound": "compound"}.get(child.dep_, "modifier")
                    # "reiterated its demand": the possessor's verb carries the noun
                    support = self._support_verb(token, m.pattern.code) if via == "poss" else None
                    return found, cost + 1, support, via
        pair = [x for t in prep_objects(token, "between") for x in self.mentions(t)[0]]
        if len(pair) >= 2 and "sym" in m.pattern.flags:  # a two-sided event: "talks between X and Y"
            return pair, 1, self._support_verb(token, m.pattern.code), "between"  # "... will be held"
        support = self._support_verb(token, m.pattern.code)
        if support is not None:
            subject = subject_token(support)
            if subject is None and not prep_objects(support, "by"):  # "forces were engaged in ..."
                subject = next((c for c in support.children if c.dep_ == "nsubjpass" and c != token), None)
            found, cost = self.mentions(subject)
            return found, cost + 1, support, "support"
        return [], -1, None, ""

    def received(self, m: Match) -> tuple[list[Mention], list[Mention], Token] | None:
        """A cooperative noun event that its verb's subject receives from the actor of its "of" phrase:
        "has the support of X", "won the backing of X" (X gives it to the subject): sources, targets and
        the verb; no givers when the "of" phrase names no actor ("has the support of hardliners")."""
        token = m.token
        if (
            m.pattern.pos != "noun"
            or not m.pattern.code.startswith(_GIVEN)
            or token.dep_ not in _SUPPORTED_DEPS
        ):
            return None
        verb = token.head
        if verb.pos_ not in ("VERB", "AUX") or not has_word(
            verb, self.patterns.words("receiving_verbs"), self.patterns
        ):
            return None
        of = prep_objects(token, "of")
        if not of:
            return None
        givers = [x for t in of for x in self.mentions(t, max_cost=1)[0]]
        receivers, _ = self.mentions(subject_token(verb))
        return givers, [x for x in receivers if not any(same_actor(x, g) for g in givers)], verb

    def _support_verb(self, token: Token, code: str = "") -> Token | None:
        """The verb that carries a noun event: "held talks", "began with a meeting", "sent tons of aid";
        for a consultation (``code`` 04x), also a speech verb said at it ("said at a meeting with X")."""
        node = token
        light = self.patterns.words("light_nouns")
        for _ in range(4):
            if node.dep_ == "conj" or (node.dep_ == "compound" and has_word(node.head, light, self.patterns)):
                node = node.head
            elif node.dep_ == "pobj" and lemma(node.head) == "of" and self._quantity(node.head.head):
                node = node.head.head  # "tons of aid", "10 days of war games"
            else:
                break
            if node.i in self.triggers or node.i in self.parts:
                return None  # the noun belongs to another event: "a treaty of friendship and cooperation"
        if manner_phrase(node, self.patterns):  # "closed its embassy in protest": the closer protests
            return governing_verb(node.head)
        if node.dep_ in _SUPPORTED_DEPS:
            verb = node.head
        elif node.dep_ == "pobj" and node.head.dep_ in PREP_DEPS and lemma(node.head) in _SUPPORT_PREPS:
            verb = node.head.head
        else:
            verb = None
        occasion = node.dep_ == "pobj" and node.head.dep_ == "prep" and lemma(node.head) in _OCCASION_PREPS
        if occasion and code.startswith(_CONSULT) and self._speech_verb(node.head.head):
            return node.head.head
        if verb is None:
            return None
        if verb.pos_ in ("VERB", "AUX") and has_word(verb, self.patterns.words("support"), self.patterns):
            return verb
        return None

    def _speech_verb(self, token: Token) -> bool:
        """A verb that reports speech ("say", "tell", "stress"): a report pattern of ours."""
        return token.pos_ in ("VERB", "AUX") and any(
            p.frame == "report"
            for w in self.patterns.keys(lemma(token), str(token.lower_))
            for p in self.patterns.lookup("verb", w)
        )

    def _quantity(self, token: Token) -> bool:
        return token.pos_ == "NUM" or has_word(token, self.patterns.words("quantity_nouns"), self.patterns)

    def targets(
        self, m: Match, sources: list[Mention], hosts: list[Token], fallback: bool = True
    ) -> tuple[list[Mention], bool]:
        """Targets from the pattern's slots in order, else the first actor on the object side.
        ``blocked``: the object is no actor (obj_actor) or names only the source (a misread clause)."""
        self_only = False
        for slot in m.pattern.target:
            for host in hosts:
                for t in slot_tokens(host, slot):
                    found, cost = self.mentions(t, media=True)
                    obj_actor = slot == "obj" and "obj_actor" in m.pattern.flags and host == m.token
                    people = has_word(t, self.patterns.words("people_nouns"), self.patterns)
                    if obj_actor and found and cost > _OBJ_ACTOR_COST and not people:
                        return [], True  # "received a letter from X"; not "met representatives from X"
                    others = [x for x in found if not any(same_actor(x, s) for s in sources)]
                    if others:
                        return others, False
                    self_only = self_only or (bool(found) and cost == 0)
                    not_actor = (
                        not found or cost > 1
                    )  # the object itself, not "the settlement of the X crisis"
                    if obj_actor and not_actor:
                        return [], True
        if self_only or not fallback or not m.pattern.target or "slots_only" in m.pattern.flags:
            return [], self_only
        owned = frozenset(p.i for p in m.parts) if m.pattern.pos == "verb" else frozenset()
        near = [
            (t, x)
            for t, x in object_side_mentions(hosts, self.index, self.sentence, owned=owned)
            if not any(same_actor(x, s) for s in sources)
        ]
        if not near:
            return [], False
        token, first = near[0]  # with the actors joined to it: "mediation between Iran and Iraq"
        others = [x for x in coordinated(token, self.index) if not any(same_actor(x, s) for s in sources)]
        return [first, *others], False

    def purpose_targets(self, tokens: list[Token], sources: list[Mention]) -> list[Mention]:
        """The first actor on the object side of a purpose clause of ``tokens``: whom a protest is aimed at
        ("blocked a road to show their disapproval of US policy")."""
        clauses = [c for t in tokens for c in t.children if purpose_clause(c)]
        near = [
            (t, x)
            for t, x in object_side_mentions(clauses, self.index, self.sentence)
            if not any(same_actor(x, s) for s in sources)
        ]
        if not near:
            return []
        token, first = near[0]
        return [
            first,
            *[x for x in coordinated(token, self.index) if not any(same_actor(x, s) for s in sources)],
        ]
