"""From pattern matches to candidate events: frames and mood.

A frame word ("agreed to", "urged X to", "rejected calls for") and the action it governs become one
event whose code comes from ``frames.txt``; a future, a condition or a refusal changes the code the way
CAMEO does ("will provide aid" 033, "will withdraw unless" 13x, "will not meet" 125). Sources and
targets come from ``arguments``; second readings (planned meetings, a warning of a risk, "in protest",
the destination of a visit, the aim of a protest) from ``readings``; report verbs from ``reports``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from eventwire.events import readings
from eventwire.events.arguments import Arguments, same_actor
from eventwire.events.clauses import asserted, has_object_constraint, idle_frame, object_control
from eventwire.events.extract import Match, MentionIndex, has_word
from eventwire.events.filters import Modality, modality
from eventwire.events.patterns import PatternSet
from eventwire.events.tokens import OBJECT_DEPS, PREP_DEPS, lemma, prep_objects, purpose_clause
from eventwire.records import Mention

COMPOSING = frozenset({"intent", "prepare", "threat", "appeal", "demand", "reject"})
_FRAME_PREPS = frozenset({"for", "of", "to", "on"})
_COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})


@dataclass(slots=True)
class Candidate:
    """An event before it becomes an Event row: code, actors, the words that fired and why."""

    match: Match
    code: str
    sources: list[Mention]
    targets: list[Mention]
    source_cost: int
    modality: Modality
    frames: list[str] = field(default_factory=list)  # pattern ids of frame words, outermost first
    notes: list[str] = field(default_factory=list)
    extra_tokens: list[Token] = field(default_factory=list)
    support: Token | None = None
    sym: bool = False
    manner: bool = False  # a bare "in protest" of its support verb's subject


class Composer:
    """Builds the candidates of one sentence."""

    def __init__(
        self, patterns: PatternSet, index: MentionIndex, sentence: Span, matches: list[Match]
    ) -> None:
        self.patterns = patterns
        self.index = index
        self.args = Arguments(patterns, index, sentence, matches)
        self.sentence = sentence
        self.by_token = {m.token.i: m for m in matches}
        self.matches = matches
        self.inner: dict[int, Match] = {}
        for m in matches:
            if m.pattern.frame in COMPOSING:
                action = self.action_for_frame(m)
                if action is not None:
                    self.inner[m.token.i] = action
        self.used = {a.token.i for a in self.inner.values()}
        self.wished = self._wished()

    def candidates(self) -> dict[int, Candidate]:
        """Candidates of the non-report matches that are not inside a frame, by trigger token index."""
        built: dict[int, Candidate] = {}
        for m in self.matches:
            if m.token.i in self.used or m.pattern.frame == "report":
                continue
            cand = self.build(m, top=True)
            if cand is not None:
                built[m.token.i] = cand
        # "handed over 700 kg of medicine": the noun event (aid) is coded, not its support verb's own
        support_words = self.patterns.words("support")
        supports = {  # not a verb that a bare "in protest" follows: "expelled the envoy in protest"
            c.support.i
            for c in built.values()
            if c.support is not None and has_word(c.support, support_words, self.patterns)
        }
        built = {i: c for i, c in built.items() if i not in supports or has_object_constraint(c.match)}
        built = {i: c for i, c in built.items() if not readings.beside_protest(c, built)}
        return {i: c for i, c in built.items() if not readings.aim_of_protest(c, built)}

    def _wished(self) -> dict[int, str]:
        """Token index → frame word, for the words in what a frame word governs ("agreed to send troops
        to help Lebanon", "urged Israel to stop attacking"): an action there is promised, wanted, threatened
        or refused, not reported as done; a clause that asserts a past event is left out."""
        out: dict[int, str] = {}
        for m in self.matches:
            if m.pattern.frame not in COMPOSING:
                continue
            controls = m.pattern.frame in _OBJECT_CONTROL
            stack = [
                c
                for c in m.token.children
                if c.dep_ in ("xcomp", "ccomp") or (controls and object_control(c))
            ]
            stack += prep_objects(m.token, "for") if controls else []  # "an appeal for deploying troops"
            # "warned Iran against attacking", "threatened with bombing": the gerund is not done
            stack += [
                g
                for prep in ("against", "of", "with")
                for g in prep_objects(m.token, prep)
                if g.dep_ == "pcomp"
            ]
            while stack:
                node = stack.pop()
                if node.dep_ in _ASSERTING_DEPS or asserted(node):
                    continue
                out.setdefault(node.i, m.token.text)
                stack += node.children
        return out

    def build(self, m: Match, top: bool = False) -> Candidate | None:
        p = m.pattern
        mod = modality(m.token, self.patterns, m.parts)
        if top and m.token.i in self.wished:
            mod.hypothetical = True
            mod.reasons.append(f"governed by {self.wished[m.token.i]!r}")
        sources, cost, support, via = self.args.sources(m)
        readings.planned(m, mod, via, self.patterns)  # "talks will begin", "an upcoming visit": 036
        # "talks between Russia and Ukraine began": with its two sides named, a noun that a verb of
        # happening has as its subject needs no support verb ("cooperation between X and Y could" does)
        unsupported = "needs_support" in p.flags and support is None and not self._happened(m, via)
        if top and (not sources or unsupported):
            return None
        hosts = [m.token, *m.parts] + ([support] if support is not None else [])
        two_sided = "sym" in p.flags and len(sources) > 1  # "Israel and Lebanon renewed negotiations on ..."
        targets, blocked = (
            ([], False) if via == "between" else self.args.targets(m, sources, hosts, not two_sided)
        )
        if blocked:
            return None
        if not targets and has_word(m.token, self.patterns.words("destination_nouns"), self.patterns):
            targets = readings.destination(self.args, m.token, sources)  # "Tillerson's Turkey visit"
        if via == "compound" and not targets and all(s.kind == "country" for s in sources):
            return None  # "the Yemen raid", "Iran sanctions": a place or a target, not the actor
        if via == "compound" and readings.scene_not_attacker(m.token, p.code, sources):
            return None  # "the Westminster attack", "the Kim Jong-nam attack"
        received = self.args.received(m)
        if received is not None:  # "has the support of X": X supports the subject (none: no event)
            sources, targets, support = received
            via = "giver"
            if top and not sources:
                return None
        cand = Candidate(m, p.code, sources, targets, cost, mod, support=support, sym="sym" in p.flags)
        manner = support is not None and readings.bare_manner(m.token, self.patterns)
        if manner and p.code.startswith(readings.DISSENT):  # "closed its embassy in protest": dissent, 140
            cand.code, cand.manner = readings.DISSENT_CODE, True
        cand.notes.append(f"source from {via}" + (f" of {support.text!r}" if support is not None else ""))
        if support is not None:
            cand.extra_tokens.append(support)
        if p.frame in COMPOSING:
            action = self.inner.get(m.token.i)
            inner = self.build(action) if action is not None else None
            clause = "comp_only" not in p.flags and p.pos == "verb"  # "ready to lead" is no intent
            clause = clause and any(c.dep_ in ("xcomp", "ccomp") for c in m.token.children)
            if inner is None and "needs_action" in p.flags and not clause:
                return None  # "vowed a tougher stance"; but "promised to democratize" is an intent
            if inner is not None:
                self._compose(cand, p.frame, inner)
            if p.frame == "threat" and readings.risk_warning(self.args, m, sources, inner):
                cand.code = readings.RISK_CODE
                cand.notes.append(f"warning of a risk, not a threat: {readings.RISK_CODE}")
        if top:
            self._mood(cand)
            if cand.code.startswith("13") and not cand.targets:
                cand.targets = readings.conditioned_targets(self.args, cand)
            if cand.code.startswith("14") and not cand.targets:  # "blocked a road to show their anger at X"
                cand.targets = self.args.purpose_targets([m.token, *cand.extra_tokens], cand.sources)
        return self._checked(cand, top)

    def _happened(self, m: Match, via: str) -> bool:
        token = m.token
        return (
            via == "between"
            and token.dep_ == "nsubj"
            and has_word(token.head, self.patterns.words("occurrence_verbs"), self.patterns)
        )

    # ------------------------------------------------------------------ frames and mood
    def _compose(self, frame: Candidate, kind: str, inner: Candidate) -> None:
        rule = self.patterns.frame_rule(kind, inner.code, bool(inner.targets))
        if rule is None:
            return
        frame.code = inner.code if rule.result == "=" else rule.result
        own = frame.targets
        inner_sources = [s for s in inner.sources if not any(same_actor(s, x) for x in frame.sources)]
        if rule.target == "inner":
            frame.targets = inner.targets or own
        elif rule.target == "addressee":
            frame.targets = own or inner_sources or inner.targets
        else:
            frame.targets = inner_sources or own or inner.targets
        frame.targets = [t for t in frame.targets if not any(same_actor(t, s) for s in frame.sources)]
        frame.frames = [frame.match.pattern.id, *inner.frames]
        frame.extra_tokens += [*inner.match.tokens, *inner.extra_tokens]
        frame.notes += [f"frame {kind} + {inner.code} ({inner.match.pattern.id}): {rule.where}", *inner.notes]
        frame.sym = frame.sym and inner.sym

    def _mood(self, cand: Candidate) -> None:
        """Future, conditional and refused actions, the way CAMEO codes them: "will provide aid" is an
        intent (033), "will withdraw unless ..." or "may halt talks if ..." a threat, "will not meet" or
        "failed to reach agreement" a rejection."""
        mod, root = cand.modality, cand.code[:2]
        if mod.question:
            return
        kind = ""
        if mod.negated and root in _COOPERATIVE_ROOTS and (mod.future or mod.refused):
            kind = "reject"
        elif not mod.negated and (mod.threat_condition or (mod.hypothetical_modal and mod.condition)):
            kind = "threat" if root >= "09" or mod.threat_condition else ""
        elif not mod.negated and mod.future:
            kind = "future"
        if not kind:
            return
        rule = self.patterns.frame_rule(
            "intent" if kind == "future" else kind, cand.code, bool(cand.targets), future=kind == "future"
        )
        if rule is None or rule.result == "=":
            return
        cand.notes.append(f"{kind}: {rule.where}")
        cand.code = rule.result
        mod.negated = mod.hypothetical = False

    def action_for_frame(self, m: Match) -> Match | None:
        token = m.token
        controls = m.pattern.frame in _OBJECT_CONTROL
        slots = [
            c
            for c in token.children
            if (c.dep_ in ("xcomp", "ccomp", "acl", "acomp") and not asserted(c))
            or (controls and object_control(c))
        ]
        if "comp_only" not in m.pattern.flags:  # "planned to attack", not "planned the massacres"
            slots += [
                g for part in m.parts if part.dep_ in PREP_DEPS for g in part.children if g.dep_ == "pobj"
            ]
            slots += [c for c in token.children if c.dep_ in OBJECT_DEPS]
            slots += [g for prep in _FRAME_PREPS for g in prep_objects(token, prep)]
        for slot in slots:
            found = self.action_at(slot, 3)
            if found is not None and found is not m:
                return found
        return None

    def action_at(self, token: Token, depth: int) -> Match | None:
        """The action a frame governs at ``token``, looking through "begin to", "hold", "be" and "X of"."""
        found = self.by_token.get(token.i)
        if found is not None and found.pattern.frame != "report" and not idle_frame(found):
            return found
        if depth == 0:
            return None
        through = self.patterns.words("transparent") | self.patterns.words("support")
        nominal = token.pos_ in ("NOUN", "PROPN", "NUM")
        if has_word(token, through, self.patterns) or lemma(token) == "be" or nominal:
            deps = ("of", "in") if nominal else ("in", "with", "on", "to")  # "$100 million in aid"
            nexts = (
                []
                if nominal
                else [
                    c
                    for c in token.children
                    if c.dep_ in ("xcomp", "dobj", "obj", "acomp", "attr", "ccomp") or purpose_clause(c)
                ]
            )
            nexts += [g for prep in deps for g in prep_objects(token, prep)]
            nexts += [c for c in token.children if c.dep_ == "compound"]
            for child in nexts:
                found = self.action_at(child, depth - 1)
                if found is not None:
                    return found
        return None

    def _checked(self, cand: Candidate, top: bool) -> Candidate | None:
        flags = cand.match.pattern.flags
        if "needs_target" in flags and not cand.targets and not (cand.sym and len(cand.sources) > 1):
            return None
        if top and cand.sym and not cand.targets and len(cand.sources) < 2:
            return None  # a meeting or an agreement needs two sides
        return cand


_OBJECT_CONTROL = frozenset({"appeal", "demand"})  # "urged X to", "demanded X to": X is to do it
_ASSERTING_DEPS = frozenset({"relcl", "parataxis", "appos"})
