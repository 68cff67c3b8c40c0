"""Filters: is a trigger negated, hypothetical, future or conditional; is a verb only report attribution.

By default negated ("did not meet", "no talks", "failed to reach", "has yet to ratify") and
hypothetical ("may attack", "if they meet", questions, "an upcoming visit", "the possibility of a
meeting", "would be more willing to") events are not coded (``Options.code_negated`` /
``code_hypothetical``). A verb coordinated with another shares its auxiliaries ("must remain and hand
over").
A future ("will provide") or a promise under a condition is an expression of intent; "unless" makes
it a threat. Word lists come from ``data/events/lexicon.txt``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from eventwire.events.extract import has_word
from eventwire.events.patterns import PatternSet
from eventwire.events.tokens import lemma, purpose_clause

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
    scheduled: bool = False  # "an upcoming visit", "a meeting is planned": set to come, not yet held
    reasons: list[str] = field(default_factory=list)

    def absorb(self, clause: Modality) -> None:
        """Take the mood of the clause a noun event is the subject of: "talks will begin", "won't resume"."""
        self.future = self.future or clause.future
        self.negated = self.negated or clause.negated
        self.hypothetical = self.hypothetical or clause.hypothetical
        self.scheduled = self.scheduled or clause.scheduled
        self.reasons += clause.reasons

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
    """The trigger and the words above it up to its clause's verb ("talks" → "held"). A noun is the
    passive subject of a verb that says something about it ("the visit would have been made public"),
    not of one that carries it, when that verb has a predicate of its own: the chain stops there."""
    chain = [token]
    node = token
    while node.pos_ not in ("VERB", "AUX") and node.dep_ in _NOUN_UP and node.head != node:
        if node.dep_ == "nsubjpass" and any(c.dep_ in ("oprd", "acomp", "xcomp") for c in node.head.children):
            break
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
    pending = patterns.words("pending_adverbs")
    yet = next((c for c in head.children if c.dep_ == "advmod" and lemma(c) in pending), None)
    if verb.dep_ == "xcomp" and lemma(head) in ("have", "be") and yet is not None:
        out.negated = True  # "has yet to ratify", "is yet to meet": it has not happened
        out.reasons.append(f"negated by {yet.text!r}")
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
    irrealis_mods = patterns.words("irrealis_modifiers")
    planned = next((c for c in token.children if c.dep_ == "amod" and lemma(c) in irrealis_mods), None)
    if token.pos_ in ("NOUN", "PROPN") and planned is not None:
        out.hypothetical = True  # "an upcoming visit", "a possible meeting": not (yet) held
        out.scheduled = lemma(planned) in patterns.words("schedule_modifiers")
        out.reasons.append(f"not yet: {planned.text!r}")
    passive_subject = len(chain) > 1 and chain[-2].dep_ == "nsubjpass"
    if passive_subject and has_word(verb, patterns.words("schedule_verbs"), patterns):
        out.hypothetical = out.scheduled = True  # "a meeting is planned", "talks were set for"
        out.reasons.append(f"not yet: {verb.text!r}")
    prospect = token.head.head if token.dep_ == "pobj" and lemma(token.head) == "of" else None
    if prospect is not None and has_word(prospect, patterns.words("irrealis_nouns"), patterns):
        out.hypothetical = True  # "the possibility of a meeting", "the prospect of talks"
        out.reasons.append(f"only a {prospect.text!r}")
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
    would: Token | None = None
    for node in controllers:
        for child in [*node.children, *_shared_auxiliaries(node)]:
            word = lemma(child)
            if child.dep_ == "aux" and word == "would" and conditional_would(node, token, patterns):
                would = child  # "would be more willing to negotiate"; but "would be willing to ... if" offers
            elif child.dep_ == "aux" and word in patterns.words("modal_future"):
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
    if would is not None and not out.condition:
        out.hypothetical = out.hypothetical_modal = True
        out.reasons.append(f"modal {would.text!r}")
    elif would is not None:
        out.future = True  # a conditional offer: "would be willing to talk if ..."
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
    "will" counts; "must ensure security to allow deliveries": the allowing is as hypothetical), or whose
    verbless small clause it is ("could make leaders more *willing* to negotiate": the "could" counts)."""
    out = [verb]
    node = verb
    while (
        (node.dep_ in ("xcomp", "acomp") or purpose_clause(node) or _small_clause(node))
        and node.head != node
        and len(out) < 4
    ):
        node = node.head
        out.append(node)
    return out


def _small_clause(node: Token) -> bool:
    """An adjective or noun complement without a verb of its own: "made them *willing*", "keep it *open*"."""
    return (
        node.dep_ in ("ccomp", "oprd") and node.pos_ in ("ADJ", "NOUN") and node.head.pos_ in ("VERB", "AUX")
    )


def _shared_auxiliaries(verb: Token) -> list[Token]:
    """The auxiliaries a coordinated verb shares with the first one: in "must remain at home and hand over
    his passport" the "must" is also hand's. A conjunct with its own subject or auxiliary shares none."""
    if verb.dep_ != "conj" or verb.pos_ != "VERB" or verb.head.pos_ not in ("VERB", "AUX"):
        return []
    if any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children):
        return []
    return [c for c in verb.head.children if c.dep_ == "aux"]


def conditional_would(verb: Token, trigger: Token, patterns: PatternSet) -> bool:
    """A "would" that makes a readiness conditional, not a future: "the administration would be more
    willing to allow", "would be ready to talk if ...". Only for readiness adjectives ("ready", "willing":
    the ``intent_adjectives`` class), and not where "would" is the past of a reported or thought "will"
    ("Lavrov said they would be ready to talk", "has indicated she would be willing to negotiate")."""
    if not has_word(trigger, patterns.words("intent_adjectives"), patterns):
        return False
    node = verb
    while node.dep_ in ("xcomp", "acomp", "conj") and node.head != node:
        node = node.head
    return node.dep_ != "ccomp"


def allowed(mod: Modality, code_negated: bool, code_hypothetical: bool) -> bool:
    if mod.negated and not code_negated:
        return False
    return not (mod.hypothetical and not code_hypothetical)
