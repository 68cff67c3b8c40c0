"""The order of a sentence's events: its substantive event comes before its comments (root 01).

The quad-class score of ../shared/tools/score_events.py reads the class of a record's first event, and a
reader of the JSONL looks at the first row of a sentence first: both should meet the main event there.
"""

from __future__ import annotations

from tests.events.conftest import CodeEvents


def test_a_comment_in_the_same_sentence_comes_after_the_substantive_event(code_events: CodeEvents) -> None:
    text = "Russia denied the report, and Israel attacked Lebanon on Monday."
    events = code_events(text, {"Russia": "RUS", "Israel": "ISR", "Lebanon": "LBN"})
    roots = [e.cameo_root for e in events]
    assert "01" in roots and "19" in roots, roots
    assert roots.index("19") < roots.index("01")


def test_sentences_keep_their_order(code_events: CodeEvents) -> None:
    text = "Russia denied the report. Israel attacked Lebanon on Monday."
    events = code_events(text, {"Russia": "RUS", "Israel": "ISR", "Lebanon": "LBN"})
    assert [e.sentence_index for e in events] == sorted(e.sentence_index for e in events)
    assert events[0].cameo_root == "01"
