"""Report verbs ("said", "reports", "told", "announced"): attribution, statements, reported demands.

A report verb is not an event between the reporter and what is reported, and does not hide the reported
event, which is coded with its own source. It is a statement (010) only when what it reports holds no
coded event (negated and hypothetical ones are not coded), the speaker has no coded event it belongs to,
and its own subject is a known actor that is not a media outlet ("Kazpravda.kz reports").
"X said Y must do Z" is a demand (a "should" an appeal) by X to Y.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.events.arguments import same_actor
from eventwire.events.compose import Candidate, Composer
from eventwire.events.extract import Match, subject_token
from eventwire.events.filters import Modality, modality
from eventwire.records import Mention

_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})


def report_content(token: Token) -> list[Token]:
    """The clause a report verb reports: its ccomp/xcomp, its object, or the clause it is parenthetical to.
    A clause the parser hung from a time word is the verb's own ("said earlier that ...")."""
    out = [c for c in token.children if c.dep_ in ("ccomp", "xcomp", "dobj", "parataxis")]
    out += [
        g for c in token.children if c.dep_ in ("advmod", "npadvmod") for g in c.children if g.dep_ == "ccomp"
    ]
    if token.dep_ in ("parataxis", "advcl", "conj") and token.head != token and token.i > token.head.i:
        out.append(token.head)
    return out


def report_candidates(composer: Composer, built: dict[int, Candidate]) -> list[Candidate]:
    """Candidates of the sentence's report verbs, given the other candidates ``built``."""
    out: list[Candidate] = []
    for m in composer.matches:
        if m.pattern.frame == "report" and m.token.i not in composer.used:
            out.extend(_report(composer, m, built))
    return out


def _report(composer: Composer, m: Match, built: dict[int, Candidate]) -> list[Candidate]:
    token = m.token
    speaker_token = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    speakers, cost = composer.args.mentions(speaker_token) if speaker_token is not None else ([], -1)
    content = report_content(token)
    own = {t.i for t in token.subtree}
    inside: set[int] = set()
    for clause in content:
        tree = {t.i for t in clause.subtree}
        inside |= tree if clause.head == token else tree - own
    out = []
    for clause in content:
        mod = modality(clause, composer.patterns)
        if speakers and mod.obligation and clause.dep_ == "ccomp":
            demand = _obligation(composer, m, clause, speakers, cost, mod)
            if demand is not None:
                out.append(demand)
    coded = [c for c in built.values() if not (c.modality.negated or c.modality.hypothetical)]
    covered = {t.i for c in coded for t in [c.match.token, *c.extra_tokens]}
    if out or not speakers or inside & covered or _speaker_acts(token, speakers, built):
        return out  # a reported demand, or attribution of a coded event
    if "needs_clause" in m.pattern.flags and not any(c.dep_ == "ccomp" for c in content):
        return []
    targets, _ = composer.args.targets(m, speakers, [token])
    targets = [t for t in targets if t.kind != "media"]  # "told CNN" is how it was reported
    if not targets:  # the first actor the report is about: not a modifier ("Russian investments"), a
        # pronoun, or the speaker's own country ("the minister said Russia will ...")
        doc = token.doc
        targets = [
            x
            for i in sorted(inside)
            if (x := composer.index.by_token.get(i)) is not None
            and x.kind not in ("media", "pronoun")
            and not (0 <= x.head_index < len(doc) and doc[x.head_index].dep_ in _MODIFIER_DEPS)
            and not any(same_actor(x, s) or x.code == s.country for s in speakers)
        ][:1]
    cand = Candidate(m, m.pattern.code, speakers, targets, cost, modality(token, composer.patterns))
    cand.notes.append("statement: what is reported holds no coded event")
    return [cand]


def _speaker_acts(token: Token, speakers: list[Mention], built: dict[int, Candidate]) -> bool:
    """Does the speaker have a coded event that the report verb belongs to, or that belongs to it
    ("lambasted the press for what he says ...", "said, expressing the hope that ...")? Then the
    saying is part of that event, not a statement of its own."""
    for cand in built.values():
        if cand.modality.negated or cand.modality.hypothetical:
            continue
        if not any(same_actor(s, x) for s in speakers for x in cand.sources):
            continue
        trigger = cand.support or cand.match.token
        if _within(trigger, token) or _within(token, trigger):
            return True
    return False


def _within(token: Token, top: Token) -> bool:
    """Is ``token`` in the phrase of ``top``, not counting what is coordinated with it ("said ... and
    called for": the call is an act of its own)?"""
    joined = [c for c in top.children if c.dep_ in ("conj", "cc")]
    return token in top.subtree and not any(token in c.subtree for c in joined)


def _obligation(
    composer: Composer, m: Match, clause: Token, speakers: list[Mention], cost: int, mod: Modality
) -> Candidate | None:
    """ "X said Y must/should do Z": a demand (must) or an appeal (should) by X to Y."""
    addressees, _ = composer.args.mentions(subject_token(clause))
    addressees = [a for a in addressees if not any(same_actor(a, s) for s in speakers)]
    if not addressees:
        return None
    action = composer.action_at(clause, 2)
    if action is not None and composer.build(action) is None:
        action = None  # "companies should meet such criteria": another sense, no action
    inner_code = action.pattern.code if action is not None else ""
    kind = "demand" if mod.obligation == "must" else "appeal"
    rule = composer.patterns.frame_rule(kind, inner_code, False)
    code = rule.result if rule is not None and rule.result != "=" else ("100" if kind == "demand" else "020")
    cand = Candidate(m, code, speakers, addressees, cost, modality(m.token, composer.patterns))
    cand.extra_tokens.append(clause)
    cand.notes.append(f"reported obligation {mod.obligation!r}: {kind}")
    return cand
