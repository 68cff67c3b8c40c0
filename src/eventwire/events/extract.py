"""Reading the dependency parse: which words trigger patterns, and where their source and target are.

Works on one spaCy sentence at a time with the actor stage's mentions; returns plain matches and
mentions, never spaCy objects beyond the call.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.events.patterns import NO_EVENT, Constraint, Pattern, PatternSet
from eventwire.events.tokens import (
    OBJECT_DEPS,
    PREP_DEPS,
    SUBJECT_DEPS,
    is_passive,
    prep_objects,
    purpose_clause,
)

# re-exported: the event stage reads them from here
from eventwire.events.tokens import governing_verb as governing_verb
from eventwire.events.tokens import lemma as lemma
from eventwire.records import Mention

_REL_DEPS = {
    "prt": frozenset({"prt", "prep", "agent", "advmod", "dative"}),
    "obj": frozenset({"dobj", "obj", "attr", "oprd", "nsubjpass"}),
    "mod": frozenset({"amod", "compound", "nmod", "npadvmod"}),
    "comp": frozenset({"xcomp", "ccomp", "oprd", "acomp", "attr"}),
    "neg": frozenset({"neg", "det"}),
}
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
_FREE_DEPS = frozenset({"advcl", "prep", "acl", "amod", "pcomp"})


@dataclass(frozen=True, slots=True)
class Match:
    """A pattern that fired at ``token``; ``parts``: the tokens its constraints used ("for", "gratitude")."""

    token: Token
    pattern: Pattern
    parts: tuple[Token, ...]

    @property
    def tokens(self) -> list[Token]:
        return sorted({self.token, *self.parts}, key=lambda t: t.i)


def has_word(token: Token, words: frozenset[str], patterns: PatternSet) -> bool:
    """Is the token one of ``words`` (by lemma, by form, or as an inflection of one of them)?"""
    return patterns.is_word(lemma(token), str(token.lower_), words)


def related(token: Token, rel: str) -> list[Token]:
    """Children of ``token`` in relation ``rel`` (see data/README.md: prt, obj, subj, mod, comp, pobj, neg).

    ``subj`` is who does the verb, wherever the parse puts it: its own subject, the agent of a passive,
    or the one it inherits ("troops began to arrive", "troops arriving in"), with the words joined to it."""
    if rel == "subj":
        subject = subject_token(token)
        return [] if subject is None else [subject, *(c for c in subject.children if c.dep_ == "conj")]
    if rel == "pobj":
        return [
            g
            for c in token.children
            if c.dep_ in PREP_DEPS
            for g in c.children
            if g.dep_ in ("pobj", "pcomp")
        ]
    out = [c for c in token.children if c.dep_ in _REL_DEPS[rel]]
    if rel == "prt":  # "called for Sessions to recuse": the "for" of a for-to clause is the verb's particle
        out += [g for c in for_clauses(token) for g in c.children if g.dep_ == "mark"]
    if rel == "obj":
        out += [g for c in out for g in c.children if g.dep_ == "conj"]
        # what is acted on may be a modifier: "suspended aid deliveries", "ended mediation efforts"
        out += [g for c in out for g in c.children if g.dep_ == "compound"]
    return out


def satisfy(token: Token, constraint: Constraint, patterns: PatternSet) -> Token | None:
    frontier = [token]
    for rel in constraint.path:
        frontier = [c for t in frontier for c in related(t, rel)]
        if rel in ("subj", "obj"):  # "a first contingent of troops arrived", "mobilized thousands of troops"
            quantity = patterns.words("quantity_nouns")
            frontier += [
                g for t in frontier if has_word(t, quantity, patterns) for g in prep_objects(t, "of")
            ]
    if "*" in constraint.lemmas:
        return frontier[0] if frontier else None
    return next((t for t in frontier if has_word(t, constraint.lemmas, patterns)), None)


def pos_keys(token: Token, patterns: PatternSet) -> list[tuple[str, str]]:
    """(pos, word) keys to look a token up by, most likely first; tolerant of tagger slips."""
    pos = {"VERB": "verb", "AUX": "verb", "NOUN": "noun", "PROPN": "noun", "ADJ": "adj"}.get(token.pos_)
    if pos is None:
        return []
    order = [pos]
    if pos == "noun" and any(c.dep_ in SUBJECT_DEPS for c in token.children):
        order.append("verb")
    if pos == "adj" and (token.tag_ == "VBN" or str(token.lower_).endswith("ed")):
        order.append("verb")  # "prepared", "committed" tagged as adjectives
    if pos == "verb" and token.tag_ == "VBN":
        order.append("adj")
    return [(p, w) for p in order for w in patterns.keys(lemma(token), str(token.lower_))]


def match_token(token: Token, patterns: PatternSet) -> Match | None:
    if token.ent_type_ in ("DATE", "TIME"):
        return None  # "in *March* 2016", "*May* 5": a date names no event
    if _fixed_phrase(token):
        return None  # "in order to", "in order for": no order given
    for key in pos_keys(token, patterns):
        for pattern in patterns.lookup(*key):
            if "no_xcomp" in pattern.flags and _takes_infinitive(token):
                continue  # "sought to dismiss", "seek to wrest control": trying, not asking
            if "intransitive" in pattern.flags and any(c.dep_ in OBJECT_DEPS for c in token.children):
                continue  # "demonstrating the reality" is not a demonstration
            if "no_gerund" in pattern.flags and str(token.lower_).endswith("ing"):
                continue  # "held its first public sitting" is no sit-in
            if "no_question" in pattern.flags and _asks_question(token):
                continue  # "asked whether Russia would attack" is a question, not an appeal
            if "no_participle" in pattern.flags and token.tag_ in ("VBG", "VBN") and token.dep_ in _FREE_DEPS:
                continue  # "..., considering the support of" is not a consideration
            parts = [satisfy(token, c, patterns) for c in pattern.require]
            if all(p is not None for p in parts):
                return Match(token, pattern, tuple(p for p in parts if p is not None))
    return None


_INFINITIVE_TAGS = frozenset({"VB", "JJ", "RB"})


def _fixed_phrase(token: Token) -> bool:
    """A noun inside a fixed conjunction: "in order to/for/that" (the noun "order" names no order)."""
    doc = token.doc
    if lemma(token) != "order" or token.i == 0 or token.i + 1 >= len(doc):
        return False
    return lemma(doc[token.i - 1]) == "in" and lemma(doc[token.i + 1]) in ("to", "for", "that")


def _takes_infinitive(token: Token) -> bool:
    """Is the verb followed by a to-infinitive of its own, however the parser hung it: an xcomp ("sought to
    dismiss"), a purpose clause ("sought on Wednesday to dismiss") or a "to" misread as a preposition
    right after the verb ("seek to wrest control", with "wrest" tagged as an adjective)?"""
    if any(c.dep_ == "xcomp" or purpose_clause(c) for c in token.children):
        return True
    doc = token.doc
    after = token.i + 1
    if after + 1 >= len(doc) or lemma(doc[after]) != "to" or doc[after].head != token:
        return False
    return doc[after + 1].tag_ in _INFINITIVE_TAGS


_QUESTION_MARKS = frozenset({"if", "whether"})
_WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})


def _asks_question(token: Token) -> bool:
    """Does the verb govern an indirect question: "asked whether/if ...", "asked why ..."?"""
    for clause in token.children:
        if clause.dep_ != "ccomp":
            continue
        first = clause.doc[clause.left_edge.i]
        if lemma(first) in _QUESTION_MARKS or (first.tag_ in _WH_TAGS and lemma(first) != "that"):
            return True
    return False


def match_sentence(sentence: Span, patterns: PatternSet) -> list[Match]:
    """Every trigger in the sentence; a word used by another match's constraint is not a trigger itself,
    and a no-event pattern (code ``-``) takes its words out of play ("signed an executive *order*")."""
    found = [m for t in sentence if (m := match_token(t, patterns)) is not None]
    used = {p.i for m in found for p in m.parts if p.i != m.token.i}
    return [m for m in found if m.token.i not in used and m.pattern.code != NO_EVENT]


def slot_tokens(token: Token, slot: str) -> list[Token]:
    """Tokens that fill a target slot of a trigger: obj, iobj, comp_subj or a preposition."""
    if slot == "obj":
        deps = ("nsubjpass",) if is_passive(token) else ("dobj", "obj")
        return [c for c in token.children if c.dep_ in deps]
    if slot == "iobj":
        out = [c for c in token.children if c.dep_ in ("iobj", "dative") and c.pos_ != "ADP"]
        return (
            out
            + prep_objects(token, "to")
            + [g for c in token.children if c.dep_ == "dative" for g in c.children]
        )
    if slot == "comp_subj":
        clauses = [c for c in token.children if c.dep_ in ("ccomp", "xcomp")] + for_clauses(token)
        return [g for c in clauses for g in c.children if g.dep_ in SUBJECT_DEPS]
    return prep_objects(token, slot)


def for_clauses(token: Token) -> list[Token]:
    """The for-to clauses a verb governs, whose subject follows "for": "called for Sessions to recuse".
    With an object or a "for" phrase of its own, the clause is about that ("asked for more pathways for
    Syrians to travel"), and none is the verb's."""
    if any(c.dep_ in OBJECT_DEPS or (c.dep_ == "prep" and lemma(c) == "for") for c in token.children):
        return []
    return [
        c
        for c in token.children
        if c.dep_ in ("advcl", "ccomp")
        and any(g.dep_ == "mark" and lemma(g) == "for" for g in c.children)
        and any(g.dep_ == "nsubj" for g in c.children)
    ]


def subject_token(token: Token, hops: int = 4) -> Token | None:
    """The token that names who did ``token``: its subject, the agent of a passive, or an inherited one."""
    participle = token.tag_ == "VBN" and token.dep_ in ("acl", "advcl", "amod", "relcl")
    if is_passive(token) or (participle and not any(lemma(c) == "have" for c in token.children)):
        agent = prep_objects(token, "by") or _stray_agent(token)
        return next(iter(agent), None)  # "groups (outlawed in Russia)": no agent
    own = next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)
    if own is not None:
        if own.dep_ == "expl" or (lemma(own) in RELATIVE_PRONOUNS and token.dep_ == "relcl"):
            return token.head if token.dep_ == "relcl" else None
        return own
    if hops == 0 or token.head == token:
        return None
    dep, head = token.dep_, token.head
    if dep == "relcl" or (dep == "acl" and token.tag_ == "VBG"):
        return head
    if dep == "xcomp":
        controller = next((c for c in head.children if c.dep_ in OBJECT_DEPS and c.i < token.i), None)
        return controller or subject_token(head, hops - 1)
    if dep in ("conj", "acomp", "ccomp") or (dep == "acl" and head.pos_ != "NOUN"):
        return subject_token(head, hops - 1)
    if dep == "pcomp" and lemma(head) == "under":
        return None  # "the embassy came under shelling": the subject suffered it
    if dep == "pcomp":
        # "accused Rwanda of making accusations": the object of the governing verb did it
        governor = head.head
        if governor.pos_ in ("NOUN", "PROPN") and governor.dep_ in OBJECT_DEPS:
            return governor
        controller = next((c for c in governor.children if c.dep_ in OBJECT_DEPS), None)
        if governor.pos_ == "VERB" and controller is not None:
            return controller
    if dep in ("advcl", "pcomp"):
        return _ancestor_subject(token)
    return None


def _stray_agent(verb: Token) -> list[Token]:
    """The agent of a passive that the parser hung from the gerund after it: in "was accused of spying by
    Israel" the "by Israel" is the accuser's. A passive gerund keeps its own agent ("of being funded by"),
    and "by" with a gerund is a means ("of killing civilians by shelling")."""
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        for gerund in prep.children:
            if gerund.dep_ != "pcomp" or gerund.tag_ != "VBG" or is_passive(gerund):
                continue
            agents = [a for a in prep_objects(gerund, "by") if a.pos_ in ("NOUN", "PROPN")]
            if agents:
                return agents
    return []


def _ancestor_subject(token: Token) -> Token | None:
    """A participle or gerund without a subject takes its governing clause's ("..., stressing its")."""
    for node in token.ancestors:
        if node.pos_ in ("VERB", "AUX"):
            if is_passive(node):  # "the demonstration staged by students to protest ..."
                agent = prep_objects(node, "by")
                if agent:
                    return agent[0]
            own = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
            if own is not None:
                return own
    return None


class MentionIndex:
    """Token index → actor mention, for one document."""

    def __init__(self, doc: Doc, mentions: list[Mention]) -> None:
        self.by_token: dict[int, Mention] = {}
        for mention in mentions:
            span = doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.by_token.setdefault(token.i, mention)

    def at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)
