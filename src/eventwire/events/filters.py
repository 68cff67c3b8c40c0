"""Filters: is a trigger negated, hypothetical, future or conditional; is a verb only report attribution.

By default negated ("did not meet", "no talks", "failed to reach") and hypothetical ("may attack",
"if they meet", questions) events are not coded (``Options.code_negated`` / ``code_hypothetical``).
A future ("will provide") or a promise under a condition is an expression of intent; "unless" makes
it a threat. Word lists come from ``data/events/lexicon.txt``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from eventwire.events.extract import has_word, lemma, purpose_clause
from eventwire.events.patterns import PatternSet

# "didn"t", "aren‘t", "can`t": a negative contraction with an odd apostrophe, which the tokenizer leaves whole
_ODD_CONTRACTION = re.compile(r"^[a-z]+n[\"'‘’`´]t$", re.IGNORECASE)
_PAST_TAGS = frozenset({"VBD"})
_NOUN_UP = frozenset(
    {"dobj", "obj", "pobj", "prep", "attr", "nsubjpass", "conj", "compound", "appos", "oprd"}
)


@dataclass(slots=True)
class Modality:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    threat_condition: bool = False  # the clause has an "unless ..." condition
    condition: bool = False  # the clause has an "if/unless ..." condition
    hypothetical_modal: bool = False  # "may", "might", "could"
    refused: bool = False  # negated by a verb: "failed to", "refrained from"
    question: bool = False
    obligation: str = ""  # the modal of "must"/"should" clauses
    reasons: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "future": self.future,
            "conditional_threat": self.threat_condition,
            "condition": self.condition,
            "reasons": list(self.reasons),
        }


def clause_chain(token: Token) -> list[Token]:
    """The trigger and the words above it up to its clause's verb ("talks" → "held")."""
    chain = [token]
    node = token
    while node.pos_ not in ("VERB", "AUX") and node.dep_ in _NOUN_UP and node.head != node:
        node = node.head
        chain.append(node)
    return chain


def clause_verb(token: Token) -> Token:
    return clause_chain(token)[-1]


def modality(token: Token, patterns: PatternSet, parts: tuple[Token, ...] = ()) -> Modality:
    """What the grammar around a trigger (and the words its pattern used) says about whether it happened."""
    out = Modality()
    negation = patterns.words("negation")
    negating = patterns.words("negating_adverbs")
    chain = clause_chain(token)
    verb = chain[-1]
    for node in [*chain, *parts]:
        for child in node.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and lemma(child) in negation):
                out.negated = True
                out.reasons.append(f"negated by {child.text!r}")
        if node.dep_ == "pobj" and lemma(node.head) in negation:
            out.negated = True
            out.reasons.append(f"negated by {node.head.text!r}")
    head = verb.head
    if verb.dep_ in ("xcomp", "pcomp", "prep") and has_word(head, patterns.words("negating_verbs"), patterns):
        out.negated = out.refused = True
        out.reasons.append(f"negated by {head.text!r}")
    for node in chain:  # "stopped short of calling for", "instead of meeting", "rather than attacking"
        if node.dep_ in ("pcomp", "pobj") and lemma(node.head) in ("of", "than"):
            prep = node.head
            adverbs = [prep.head, *(c for c in prep.children if c.dep_ == "advmod")]
            hit = next((a for a in adverbs if a.dep_ == "advmod" and has_word(a, negating, patterns)), None)
            if hit is not None:
                out.negated = True
                out.reasons.append(f"negated by {hit.text!r}")
    conditional = patterns.words("conditional")
    future_marks = patterns.words("future_marks")
    controllers = _verb_and_controllers(verb)
    for node in controllers:
        odd = _odd_negation(node)
        if odd is not None:
            out.negated = True
            out.reasons.append(f"negated by {odd.text!r}")
    for node in chain:  # "until the withdrawal of the troops", "pending the release"
        if node.dep_ == "pobj" and lemma(node.head) in future_marks and not _past(clause_verb(node.head)):
            out.hypothetical = True
            out.reasons.append(f"still to come: {node.head.text!r}")
    top = controllers[-1]
    above = [*controllers[1:], top.head] if top.dep_ == "ccomp" else controllers[1:]
    under = top.head.head if top.dep_ == "pcomp" else top.head if top.dep_ in ("ccomp", "xcomp") else None
    if under is not None and under.pos_ in ("NOUN", "PROPN") and under.dep_ in ("dobj", "obj"):
        under = under.head  # "accused the rebels of killing"
    if under is not None and has_word(under, patterns.words("allegation_verbs"), patterns):
        out.hypothetical = True  # "accused the rebels of killing civilians": alleged, not reported
        out.reasons.append(f"alleged by {under.text!r}")
    wishers = [n for n in above if has_word(n, patterns.words("irrealis_verbs"), patterns)]
    if wishers:
        out.hypothetical = True
        out.reasons.append(f"wished by {wishers[0].text!r}")
    for node in controllers:
        for child in node.children:
            word = lemma(child)
            if child.dep_ == "aux" and word in patterns.words("modal_future"):
                out.future = True
            elif child.dep_ == "aux" and word in patterns.words("modal_hypothetical"):
                out.hypothetical = out.hypothetical_modal = True
                out.reasons.append(f"modal {child.text!r}")
            elif child.dep_ == "aux" and word in patterns.words("modal_obligation"):
                out.obligation = word
                out.hypothetical = True
                out.reasons.append(f"modal {child.text!r}")
            elif child.dep_ == "mark" and (word == "whether" or (word == "if" and node.dep_ == "ccomp")):
                out.hypothetical = out.question = True  # "asked if/whether the US would support"
                out.reasons.append(f"indirect question {child.text!r}")
            elif child.dep_ == "mark" and word in conditional:
                out.hypothetical = True
                out.reasons.append(f"condition {child.text!r}")
            elif child.dep_ == "mark" and word in future_marks and not _past(node):
                out.hypothetical = True
                out.reasons.append(f"still to come: {child.text!r}")
            elif child.dep_ == "advcl":
                marks = {lemma(g) for g in child.children if g.dep_ == "mark"}
                out.condition = out.condition or bool(marks & conditional)
                threat_marks = marks & patterns.words("threat_conditional")
                out.threat_condition = out.threat_condition or bool(threat_marks)
    if verb.dep_ == "advcl" and any(g.dep_ == "mark" and lemma(g) in conditional for g in verb.children):
        out.hypothetical = True
    subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    marks = {lemma(c) for c in verb.children if c.dep_ in ("mark", "aux")}
    if subject and {"for", "to"} <= marks:  # "called for the government to resign": wanted, not done
        out.hypothetical = True
        out.reasons.append("for-to infinitive")
    if verb.tag_ == "VB" and verb.dep_ == "ccomp" and subject and not out.future and not out.obligation:
        out.hypothetical = True  # a subjunctive: "demanded that Israel ease restrictions"
        out.reasons.append("subjunctive")
    sentence_text = token.sent.text.rstrip().rstrip("\"'”’ ")
    if sentence_text.endswith("?"):
        out.hypothetical = out.question = True
        out.reasons.append("question")
    return out


def _past(verb: Token) -> bool:
    """A verb in the past tense, simple or compound: "withdrew", "had withdrawn", "was released"."""
    return verb.tag_ in _PAST_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _PAST_TAGS for c in verb.children
    )


def _odd_negation(verb: Token) -> Token | None:
    """A negative contraction the tokenizer left whole, just before the verb or hung from it."""
    sentence = verb.sent
    near = [verb.doc[i] for i in range(max(sentence.start, verb.i - 3), verb.i)]
    near += [c for c in verb.children if c.dep_ in ("aux", "advmod", "neg")]
    return next((t for t in near if _ODD_CONTRACTION.match(str(t.text))), None)


def _verb_and_controllers(verb: Token) -> list[Token]:
    """The verb, and the verbs whose xcomp or purpose clause it is ("will begin to withdraw": begin's
    "will" counts; "must ensure security to allow deliveries": the allowing is as hypothetical)."""
    out = [verb]
    node = verb
    while (node.dep_ in ("xcomp", "acomp") or purpose_clause(node)) and node.head != node and len(out) < 4:
        node = node.head
        out.append(node)
    return out


def allowed(mod: Modality, code_negated: bool, code_hypothetical: bool) -> bool:
    if mod.negated and not code_negated:
        return False
    return not (mod.hypothetical and not code_hypothetical)
