"""The event stage: pattern matches in each sentence become coded events with their evidence.

For each sentence that has an actor mention: match the patterns (``patterns.txt``), compose frames and
find source and target from the parse (``compose``), drop negated and hypothetical events unless the
options ask for them (``filters``), and write one ``Event`` per (source, target) pair — a compound
subject ("Israel and Lebanon agreed") gives one event per actor pair. No event without a source.

Confidence is a simple, documented heuristic in [0.05, 0.95]: 0.7 to start; +0.1 when a target was
found, -0.1 when the pattern has target slots but none was found; -0.05 per unit of search cost for
the source (0 when the subject itself is the actor mention); -0.1 for a noun trigger; -0.05 per frame
composed; -0.1 for a bare statement (01); -0.2 for a negated or hypothetical event coded on request.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span, Token

from eventwire.codebook import Codebook
from eventwire.config import Options
from eventwire.events.arguments import same_actor
from eventwire.events.compose import Candidate, Composer
from eventwire.events.dates import resolve_event_date
from eventwire.events.extract import MentionIndex, governing_verb, lemma, match_sentence
from eventwire.events.filters import allowed
from eventwire.events.forms import surface_forms
from eventwire.events.patterns import load_patterns
from eventwire.events.places import Place, PlaceResolver
from eventwire.events.quotes import extract_quotes
from eventwire.events.reports import report_candidates
from eventwire.events.rows import make_event
from eventwire.events.user_verbs import UserVerbs
from eventwire.nlp import load_model
from eventwire.records import Article, Event, Mention, Quote


class EventStage:
    """Codes events from a parsed document and its actor mentions; build once, reuse for every document."""

    def __init__(self, options: Options, codebook: Codebook) -> None:
        self.options = options
        self.codebook = codebook
        self.patterns = load_patterns(options.data_dir, codebook)
        self.places = PlaceResolver(options)
        self.user_verbs = UserVerbs.load(options, codebook)  # a user's PETRARCH verbs replace our patterns
        self._terms: frozenset[str] | None = None

    def prefilter_terms(self) -> frozenset[str]:
        """Lower-cased surface forms of every trigger word: a sentence without one cannot hold an event.

        Regular inflections by rule, irregular ones from the spaCy model's lemmatizer tables.
        """
        if self._terms is None and self.user_verbs is not None:
            self._terms = self.user_verbs.prefilter_terms()
        if self._terms is None:
            try:
                nlp = load_model(self.options.model)
            except Exception:  # the rules alone still cover regular forms
                nlp = None
            self._terms = surface_forms({p.lemma for p in self.patterns.all_patterns()}, nlp)
        return self._terms

    def extract(self, doc: Doc, article: Article, mentions: list[Mention]) -> tuple[list[Event], list[Quote]]:
        index = MentionIndex(doc, mentions)
        with_actors = {m.sentence_index for m in mentions if m.kind != "media"}
        events: list[Event] = []
        article_place: Place | None = None
        place_done = False
        for si, sentence in enumerate(doc.sents):
            if si not in with_actors:
                continue
            if self.user_verbs is not None:
                events += self._user_verb_events(doc, article, si, sentence, mentions)
                continue
            matches = match_sentence(sentence, self.patterns)
            if not matches:
                continue
            composer = Composer(self.patterns, index, sentence, matches)
            built = composer.candidates()
            candidates = [
                c
                for c in [*built.values(), *report_candidates(composer, built)]
                if allowed(c.modality, self.options.code_negated, self.options.code_hypothetical)
            ]
            if not candidates:
                continue
            if not place_done:
                article_place, place_done = self.places.article_place(doc, mentions), True
            when, date_rule = resolve_event_date(sentence, article.date)
            here = self.places.sentence_place(sentence, mentions)
            place = here or article_place
            # the sentence's main event first: a bare statement (root 01) usually wraps what it reports
            ordered = sorted(_distinct(candidates), key=lambda found: found[0].code[:2] == "01")
            for cand, source, target in ordered:
                if target is None and here is not None and cand.code[:2] in PLACE_TARGET_ROOTS:
                    target = _place_target(here, cand, sentence, si, mentions, source)
                events.append(
                    self._event(article, si, sentence, cand, source, target, when, date_rule, place)
                )
        return events, extract_quotes(doc, article, mentions)

    def _user_verb_events(
        self, doc: Doc, article: Article, si: int, sentence: Span, mentions: list[Mention]
    ) -> list[Event]:
        assert self.user_verbs is not None
        found = self.user_verbs.candidates(sentence, mentions)
        if not found:
            return []
        when, date_rule = resolve_event_date(sentence, article.date)
        place = self.places.sentence_place(sentence, mentions) or self.places.article_place(doc, mentions)
        out = []
        for code, cand in found:
            evidence = {**self.user_verbs.evidence(cand), "date_rule": date_rule}
            trigger = (cand.trigger, cand.char_start, cand.char_end)
            out.append(
                make_event(
                    self.codebook,
                    article,
                    si,
                    sentence,
                    code,
                    cand.source,
                    cand.target,
                    trigger,
                    when,
                    place,
                    self.user_verbs.confidence(cand),
                    evidence,
                )
            )
        return out

    def _event(
        self,
        article: Article,
        si: int,
        sentence: Span,
        cand: Candidate,
        source: Mention,
        target: Mention | None,
        when: date | None,
        date_rule: str,
        place: Place | None,
    ) -> Event:
        tokens = sorted({*cand.match.tokens, *cand.extra_tokens}, key=lambda t: t.i)
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        evidence = {
            "pattern": cand.match.pattern.id,
            "pattern_line": cand.match.pattern.where,
            "trigger_lemma": lemma(cand.match.token),
            "frames": cand.frames,
            "filters": cand.modality.as_dict(),
            "notes": cand.notes,
            "date_rule": date_rule,
        }
        trigger = (" ".join(t.text for t in tokens), start, end)
        return make_event(
            self.codebook,
            article,
            si,
            sentence,
            cand.code,
            source,
            target,
            trigger,
            when,
            place,
            confidence(cand, target is not None),
            evidence,
        )


def pairs(cand: Candidate) -> list[tuple[Mention, Mention | None]]:
    """One (source, target) pair per actor pair; a symmetric event without target pairs its sources."""
    if cand.targets:
        out: list[tuple[Mention, Mention | None]] = [
            (s, t) for s in cand.sources for t in cand.targets if not same_actor(s, t)
        ]
        if cand.code.startswith("04"):  # a government does not visit or consult its own country
            out = [(s, t) for s, t in out if t is None or s.code[:3] != t.code[:3] or (s.sector and t.sector)]
        return out
    if cand.sym and len(cand.sources) > 1:
        return [(a, b) for a in cand.sources for b in cand.sources if a is not b and not same_actor(a, b)]
    return [(s, None) for s in cand.sources]


def _distinct(candidates: list[Candidate]) -> list[tuple[Candidate, Mention, Mention | None]]:
    """One row per (source, target, code) in a sentence; a targetless row is dropped when the same source
    has an event of the same root with a target there ("accused Rwanda of ... accusations")."""
    rows: dict[tuple[str, str, str], tuple[Candidate, Mention, Mention | None]] = {}
    for cand in candidates:
        for source, target in pairs(cand):
            rows.setdefault((source.code, target.code if target else "", cand.code), (cand, source, target))
    aimed = {(s, c[:2]) for s, t, c in rows if t}
    return [row for (s, t, c), row in rows.items() if t or (s, c[:2]) not in aimed]


# protests, force postures, coercion and violence with no named target are aimed at where they happen
PLACE_TARGET_ROOTS = frozenset({"08", "14", "15", "17", "18", "19", "20"})


_NESTED_CLAUSES = frozenset({"advcl", "relcl", "ccomp", "xcomp", "pcomp", "parataxis", "csubj"})


def _clause_tokens(cand: Candidate) -> list[Token]:
    """The tokens of the trigger's own clause, nested clauses left out ("jailed a man for helping militants
    join a group in Lebanon": Lebanon is not where the jailing was)."""
    top = cand.support or governing_verb(cand.match.token) or cand.match.token
    out: list[Token] = []
    stack = [top]
    while stack:
        token = stack.pop()
        out.append(token)
        stack += [c for c in token.children if c.dep_ not in _NESTED_CLAUSES]
    return out


def _place_target(
    place: Place, cand: Candidate, sentence: Span, si: int, mentions: list[Mention], source: Mention
) -> Mention | None:
    """The country of the place named in the trigger's clause as the target ("Rebels shelled positions in
    Jericho"): the sentence's mention of that country if it has one, else one made from the place."""
    if not place.country or place.country == source.code or not place.name:
        return None
    clause = _clause_tokens(cand)
    indices = {t.i for t in clause}
    named = place.name.split()[0] in {str(t.text) for t in clause} or any(
        m.sentence_index == si and m.country == place.country and m.head_index in indices for m in mentions
    )
    if not named:
        return None
    found = next(
        (m for m in mentions if m.sentence_index == si and m.kind == "country" and m.code == place.country),
        None,
    )
    if found is not None:
        return found
    at = sentence.start_char
    chain = [place.name, f"place of the event: {place.name}", place.country]
    return Mention(
        place.name,
        at,
        at,
        si,
        place.country,
        place.name,
        place.country,
        "",
        "country",
        f"country:{place.country}",
        -1,
        chain,
    )


def confidence(cand: Candidate, has_target: bool) -> float:
    value = 0.7
    if has_target:
        value += 0.1
    elif cand.match.pattern.target:
        value -= 0.1
    value -= 0.05 * max(cand.source_cost, 0)
    if cand.match.pattern.pos == "noun":
        value -= 0.1
    value -= 0.05 * len(cand.frames)
    if cand.code.startswith("01"):
        value -= 0.1
    if cand.modality.negated or cand.modality.hypothetical:
        value -= 0.2
    return round(min(0.95, max(0.05, value)), 2)
