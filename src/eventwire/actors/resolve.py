"""In-document resolution: phrases → Mentions, with titles, surnames, pronouns and groups linked back to the
actor they refer to, and the chain of steps that got each mention its code.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date

from spacy.tokens import Doc, Token

from eventwire.actors.compose import Phrase
from eventwire.actors.context import SentenceCountries
from eventwire.actors.entities import Entities, Entity, RoleInfo, role_info
from eventwire.actors.lexicon import Lexicon, norm
from eventwire.actors.match import POSSESSIVE, name_runs
from eventwire.actors.refer import (
    Seen,
    clause_subject,
    collective_members,
    group_of,
    named_person,
    pronoun_fits,
    title_fits,
)
from eventwire.actors.support import fits_name, name_words
from eventwire.records import Mention

_PRONOUN_WINDOW = 2  # sentences back
_INDEFINITE = frozenset({"a", "an"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_SINGULAR = frozenset({"NN", "NNP"})
_PLURAL = frozenset({"NNS", "NNPS"})
_GENDER = {w: g for g, ws in (("m", "he him his himself"), ("f", "she her hers herself")) for w in ws.split()}


class Resolver:
    """Resolves the phrases of one document, left to right."""

    def __init__(self, doc: Doc, lex: Lexicon, day: date | None) -> None:
        self.doc = doc
        self.lex = lex
        self.entities = Entities(lex, day)
        split = doc.has_annotation("SENT_START") or doc.has_annotation("DEP")
        self.sent_starts = [s.start for s in doc.sents] if split else [0]
        self.seen: list[Seen] = []
        self.by_token: dict[int, Entity] = {}
        self.names: dict[str, Entity] = {}
        self.runs: dict[int, tuple[int, int]] = {}  # unknown name runs by start and by end token
        self.apposed: dict[tuple[int, int], tuple[Entity, str]] = {}
        self.context: SentenceCountries | None = None
        self.covered: set[int] = set()  # tokens inside a composed phrase
        self.person_runs: list[tuple[int, int]] = []  # name runs spaCy tags as people
        self.gender: dict[str, str] = {}  # entity id → "m"/"f", from the first "he"/"she" that took it

    def run(self, phrases: list[Phrase]) -> list[Mention]:
        covered = {i for p in phrases for i in range(p.start, p.end)}
        self.covered = covered
        self.context = SentenceCountries(self.doc, phrases, self.entities, self._sentence)
        items: list[tuple[int, Phrase | tuple[int, int]]] = [(p.start, p) for p in phrases]
        runs = name_runs(self.doc, covered, self.lex.word_class("particle"))
        self.runs = {run[0]: run for run in runs} | {run[1]: run for run in runs}
        self.person_runs = self._person_runs(runs)
        items += [(span[0], span) for span in runs]
        items.sort(key=lambda item: item[0])
        for _, item in items:
            if isinstance(item, Phrase):
                self._phrase(item)
            else:
                self._known_name(*item)
        mentions = sorted((s.mention for s in self.seen), key=lambda m: m.start_char)
        out: list[Mention] = []
        for m in mentions:
            twin = bool(out) and (m.start_char, m.end_char, m.entity_id) == (
                out[-1].start_char,
                out[-1].end_char,
                out[-1].entity_id,
            )  # one phrase, several actors (a PETRARCH "FRO/BIL/SAM" code)
            if not out or m.start_char >= out[-1].end_char or twin:
                out.append(m)
        return out

    # --- phrases -------------------------------------------------------------------------------------------
    def _phrase(self, p: Phrase) -> None:
        if p.kind == "pronoun":
            found = self._pronoun(p)
            if found:
                gender = _GENDER.get(norm(self.doc[p.start].text), "")
                if gender and found[0].person:
                    self.gender.setdefault(found[0].id, gender)
                self._emit(p.start, p.end, found[0], "pronoun", found[1])
            return
        if p.kind == "collective":
            self._collective(p)
            return
        if p.kind == "entity":
            entity = self.entities.from_atom(p.entities[0])
            if entity is not None and self._capital_subject(p):
                entity = self.entities.capital_government(entity, self.doc[p.start : p.end].text)
            if entity is not None:
                self._emit(p.start, p.end, entity, "", [])
            return
        info = role_info(p.roles, p.modifier) if p.roles else None
        entity, steps = self._person_or_role(p, info)
        if entity is not None:
            if p.entities and p.person is None and p.name is None and not entity.name and not entity.plural:
                entity = self._apposition(p, entity)
            self._emit(p.start, p.end, entity, "", steps)

    def _capital_subject(self, p: Phrase) -> bool:
        """A capital as the subject of a clause ("Washington demanded", "Beijing has rejected")."""
        sense = p.entities[0].first("country")
        if sense is None or sense.form != "capitals" or p.possessive or self.doc[p.end - 1].text.isupper():
            return False  # "TAIPEI, Taiwan, Feb. 7 -": a dateline names the place, not the government
        return self.doc[p.start : p.end].root.dep_ in _SUBJECT_DEPS

    def _apposition(self, p: Phrase, entity: Entity) -> Entity:
        """One person: "Tom King, the British defence secretary," or "the defence secretary, Tom King"."""
        doc = self.doc
        before = self.runs.get(p.start - 1) if p.start > 1 and doc[p.start - 1].text == "," else None
        after = self.runs.get(p.end + 1) if p.end + 1 < len(doc) and doc[p.end].text == "," else None
        run = before if before is not None and before[1] == p.start - 1 else after
        if run is None or (after is run and run[0] != p.end + 1) or entity.kind in ("media", "country"):
            return entity
        name = doc[run[0] : run[1]].text
        person = named_person(entity, name, f"apposition: {name}")
        pointer = f"= {doc[p.start : p.end].text} (apposition)"
        if run is before:
            self._emit(run[0], run[1], person, "person", [pointer])
        else:
            self.apposed[run] = (person, pointer)
        return person

    def _person_or_role(self, p: Phrase, info: RoleInfo | None) -> tuple[Entity | None, list[str]]:
        atoms = list(reversed(p.entities))
        if len(atoms) > 1 and norm(self.doc[p.entities[0].end].text) in POSSESSIVE:
            atoms = p.entities[:1]  # "Russia's UN ambassador" is Russia's
        base = next((e for e in (self.entities.from_atom(a) for a in atoms) if e is not None), None)
        if p.person is not None:
            return self._person(p, info, base), []
        if info is None:
            return None, []
        head_plural = self.doc[p.role_end - 1].tag_ in ("NNS", "NNPS") if p.role_end > 0 else False
        if base is None:
            if p.name is not None:
                found = self._lookup_name(*p.name)
                return found if found[0] is not None else self._untitled(p, info)
            word = self.doc[p.end - 1]
            if p.end - p.start == 1 and word.text[0].isupper() and norm(word.text) in self.names:
                return self._lookup_name(p.start, p.end)  # "King" after "Tom King" is him, not a king
            return self._title(p, info)
        if p.attached_by == "owner":  # "Director of Russia's State Historical Museum": Russia's, no office
            owner = self.doc[p.entities[0].end + 1 : p.end].text
            return self.entities.member(base, info, head_plural, owner), []
        ethnic = self.lex.dictionaries.words.get(norm(self.doc[p.role_end - 1].text))
        if base.kind == "country" and ethnic is not None and ethnic.cls == "ethnic" and self.context:
            placed = self.context.elsewhere(info, base.block, head_plural, self._sentence(p.start))
            if placed is not None:  # "the Albanian population of Montenegro"
                return placed, []
        entity = self.entities.attached(base, info, head_plural, p.roles)
        if p.name is not None and not entity.name:
            name = self.doc[p.name[0] : p.name[1]].text
            entity = named_person(entity, name, f"name in text: {name}")
        return entity, []

    def _person(self, p: Phrase, info: RoleInfo | None, base: Entity | None) -> Entity | None:
        assert p.person is not None
        sense = p.person.first("person")
        if sense is None:
            actor = p.person.first("actor")
            return self.entities.from_actor(int(actor.ref)) if actor else None
        people = self.lex.dictionaries.people.persons
        candidates = [people[s.ref] for s in p.person.senses if s.kind == "person"]
        if base is not None and base.kind == "country":  # "Saudi Arabia's King Abdullah", not Jordan's
            home = [c for c in candidates if any(t.block == base.block for t in c.terms)]
            candidates = home or candidates
        entity = self.entities.person(candidates)
        if info is not None and info.sector and not (entity and entity.offices) and p.modifier != "former":
            block = (
                base.block
                if base is not None and base.kind == "country"
                else (entity.country if entity else "")
            )
            if block:  # a title in the text ("President X") outweighs the people files' dates
                person = self.entities.pick(candidates)
                return Entity(
                    f"person:{person.name}",
                    "person",
                    block + info.sector,
                    person.name,
                    block,
                    info.sector,
                    [
                        f"title in text: {' '.join(r.term for r in p.roles)} of {block}",
                        *(entity.basis if entity else []),
                    ],
                    {info.office} - {""},
                    set(info.words),
                    person=True,
                    block=block,
                )
        return entity

    # --- references back to earlier actors ----------------------------------------------------------------
    def _title(self, p: Phrase, info: RoleInfo) -> tuple[Entity | None, list[str]]:
        """ "the President", "the head of state", "the Director General", "the minister", "the police"."""
        if not any(r.standalone for r in p.roles):
            return None, []
        if (
            norm(self.doc[p.start].text) in _INDEFINITE
        ):  # "a senior official": someone new, not a back-reference
            return self._placed_group(p, info)
        for seen in reversed(self.seen):
            if title_fits(seen.entity, info):
                return seen.entity, [self._pointer(seen)]
        return self._placed_group(p, info)

    def _untitled(self, p: Phrase, info: RoleInfo) -> tuple[Entity | None, list[str]]:
        """A title and a name not in the people files: the one country of the sentence, else where it is."""
        if p.name is None or self.context is None:
            return None, []
        name = self.doc[p.name[0] : p.name[1]].text
        return self.context.titled(name, info, self._sentence(p.start), p.start, p.name[0]), []

    def _placed_group(self, p: Phrase, info: RoleInfo) -> tuple[Entity | None, list[str]]:
        """A bare group with no antecedent ("demonstrators"): in the country the sentence places it in."""
        if self.context is None:
            return None, []
        plural = self.doc[p.role_end - 1].tag_ in ("NNS", "NNPS") if p.role_end > 0 else False
        head = self.doc[p.role_end - 1] if p.role_end > 0 else self.doc[p.end - 1]
        owned = any(c.pos_ == "PROPN" and c.i < p.start for c in head.children)  # "NKVD security forces"
        return self.context.group(info, plural, self._sentence(p.start), not owned, head.i), []

    def _pronoun(self, p: Phrase) -> tuple[Entity, list[str]] | None:
        tok = self.doc[p.start]
        subject = clause_subject(tok)
        if subject is not None and subject.i < tok.i and subject.i in self.by_token:
            entity = self.by_token[subject.i]
            last = next(s for s in reversed(self.seen) if s.entity is entity)
            if self._fits(entity, p.pronoun, tok):
                return entity, [self._pointer(last) + " (clause subject)"]
            if p.pronoun != "person" and entity.person and entity.sector == "GOV" and entity.country:
                gov = self.entities.government(entity.country)
                return gov, [
                    self._pointer(last) + " (clause subject)",
                    f"{entity.name or 'official'} speaks for the government of {entity.country}",
                ]
        if subject is not None and subject.i < tok.i and self._other_referent(subject, p.pronoun):
            between = p.pronoun == "person" and any(
                subject.i < s.start < tok.i and pronoun_fits(s.entity, "person") for s in self.seen
            )  # "Tony Connelly ... Mrs May delivered her statement": the person named last
            if not between:
                return None  # "the North admitted it had": "it" is the clause's own subject, not an actor
        here = self._sentence(tok.i)
        nearer = self._unknown_person_before(tok.i) if p.pronoun == "person" else -1
        for seen in reversed(self.seen):
            if seen.start >= tok.i:
                continue
            if self._sentence(seen.start) < here - _PRONOUN_WINDOW or seen.start < nearer:
                break  # too far back, or a person we do not know was named since ("Nunes said he")
            if self._fits(seen.entity, p.pronoun, tok):
                return seen.entity, [self._pointer(seen)]
        return None

    def _fits(self, entity: Entity, pronoun: str, tok: Token) -> bool:
        """``pronoun_fits``; and "he" is never a person the text already called "she" (nor the reverse)."""
        gender = _GENDER.get(norm(tok.text), "")
        return pronoun_fits(entity, pronoun) and not (gender and self.gender.get(entity.id, gender) != gender)

    def _person_runs(self, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Name runs that are people: a name spaCy tags as a person ("Devin Nunes"); one word only as a
        subject tagged a person, or as the surname of such a name before ("Nunes"), not "on Twitter"."""
        out: list[tuple[int, int]] = []
        surnames: set[str] = set()
        for start, end in runs:
            span = self.doc[start:end]
            person = any(t.ent_type_ == "PERSON" for t in span)
            if end - start > 1 and person:
                surnames.add(norm(span[-1].text))
            elif not (norm(span.text) in surnames or (person and span.root.dep_ in _SUBJECT_DEPS)):
                continue
            out.append((start, end))
        return out

    def _unknown_person_before(self, i: int) -> int:
        """Start of the last name of a person we could not resolve before token ``i`` (-1 if none)."""
        starts = [r[0] for r in self.person_runs if r[1] <= i and r[0] not in self.by_token]
        return max(starts, default=-1)

    def _other_referent(self, subject: Token, pronoun: str) -> bool:
        """A clause subject before the pronoun that agrees with it in number and is no actor phrase (for
        "he"/"she": a person's name): the pronoun's nearest antecedent, which no earlier actor may take
        over."""
        if subject.i in self.covered or subject.pos_ not in ("NOUN", "PROPN"):
            return False
        if pronoun == "person":  # "Theresa Villiers said she ...": a person we do not know, no earlier one
            first = [c for c in subject.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
            return subject.pos_ == "PROPN" and (subject.ent_type_ == "PERSON" or bool(first))
        if pronoun == "thing":
            return subject.tag_ in _SINGULAR
        return pronoun == "plural" and subject.tag_ in _PLURAL

    def _collective(self, p: Phrase) -> None:
        """The most recent distinct actors of that kind: "the two leaders", "both countries", "both sides"."""
        members = collective_members(self.seen, p)
        if members:
            group = group_of(members)
            self._emit(p.start, p.end, group, "group", [self._pointer(m) for m in members])

    def _lookup_name(self, start: int, end: int) -> tuple[Entity | None, list[str]]:
        honorifics = self.lex.word_class("honorific")
        words = [norm(t.text) for t in self.doc[start:end] if t.is_alpha and norm(t.text) not in honorifics]
        for key in (" ".join(words), words[-1] if words else "", words[0] if words else ""):
            entity = self.names.get(key)
            if entity is not None and len(words) > 1:
                known = name_words([entity.name])  # "Theresa Villiers" is not the "Theresa May" before
                if not all(fits_name(w, known) for w in words):
                    continue
            if entity is not None:
                last = next(s for s in reversed(self.seen) if s.entity is entity)
                return entity, [self._pointer(last)]
        return None, []

    def _known_name(self, start: int, end: int) -> None:
        if (start, end) in self.apposed:
            person, pointer = self.apposed[(start, end)]
            self._emit(start, end, person, "person", [pointer])
            return
        entity, steps = self._lookup_name(start, end)
        if entity is not None:
            self._emit(start, end, entity, "person", steps)
        elif end - start == 1 and start > 0 and norm(self.doc[start - 1].text) == "the":
            self._compass(start)

    def _compass(self, i: int) -> None:
        """ "the North" after "North Korea": the one country named before whose name begins with the word."""
        word = norm(self.doc[i].text)
        if word not in self.lex.word_class("compass"):
            return
        found = {
            s.entity.id: s
            for s in self.seen
            if s.entity.kind == "country" and norm(s.entity.name.split()[0]) == word and " " in s.entity.name
        }
        if len(found) == 1:
            seen = next(iter(found.values()))
            self._emit(i - 1, i + 1, seen.entity, "country", [self._pointer(seen)])

    # --- output --------------------------------------------------------------------------------------------
    def _emit(self, start: int, end: int, entity: Entity, kind: str, steps: list[str]) -> None:
        span = self.doc[start:end]
        kind = kind or ("person" if entity.person and entity.name else entity.kind)
        text = span.text
        for code in entity.code.split("/"):  # a PETRARCH "FRO/BIL/SAM" code: one mention per actor
            mention = Mention(
                text,
                span.start_char,
                span.end_char,
                self._sentence(start),
                code,
                entity.name,
                entity.country,
                entity.sector,
                kind,
                entity.id,
                span.root.i,
                [text, *steps, *entity.basis, code],
            )
            self.seen.append(Seen(entity, mention, start, end))
        for i in range(start, end):
            self.by_token[i] = entity
        if entity.person and entity.name and kind != "pronoun":
            words = [w.lower() for w in entity.name.replace("-", " ").split()]
            keys = {" ".join(words), *(w for w in (words[0], words[-1]) if len(w) >= 3)}
            for key in keys:
                self.names[key] = entity

    def _sentence(self, token: int) -> int:
        return max(bisect_right(self.sent_starts, token) - 1, 0)

    def _pointer(self, seen: Seen) -> str:
        return f"-> {seen.mention.text} (sent {seen.mention.sentence_index})"
