"""Direct quotes and who said them.

A quote is text between quotation marks (straight or curly double quotes, guillemets) that starts a
clause and carries an attribution: `"…," the President said.` / `"…," said X.` / `X said: "…"` /
`"…," according to X.` Real text drops marks, so a paragraph whose first mark closes a quote is
quoted from its start (the seed's paragraph 5), a quote left open runs to the end of its paragraph,
and a paragraph that reopens a quote left open continues the previous speaker. A paragraph ending in
a colon attributes the quote that opens the next one. Quoted words inside a clause (scare quotes,
partial quotes: `called it "a disaster"`) and quotes with no attribution are not returned.

The speaker's code comes from the actor mention that covers the speaker phrase; else from the nearest
mention in the same sentence outside the quote; for a pronoun ("he said") with neither, from the last
person or role mentioned before the quote.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventwire.records import Article, Mention, Quote, stable_id

_SPEECH_VERBS = (
    "say tell add state note stress declare explain announce insist warn ask reply remark write tweet "
    "continue conclude urge emphasize emphasise underline acknowledge admit argue claim"
)
_SPEECH = frozenset(_SPEECH_VERBS.split(" "))
# their inflected forms, for sentences the prefilter left untagged
_SPEECH_FORMS = frozenset(
    {
        "said",
        "told",
        "wrote",
        *_SPEECH,
        *(v + "s" for v in _SPEECH),
        *(v + ("d" if v[-1] == "e" else "ed") for v in _SPEECH),
    }
)
_OPEN, _CLOSE, _OPEN_CONTEXT = "“„«", "”»", "([{—–-:"
_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
_SPEAKER_RIGHT_DEPS = frozenset({"compound", "flat", "nmod"})
_PARAGRAPHS = re.compile(r"[^\n]+")
_MARKS = re.compile(f'[{_OPEN}{_CLOSE}"]')


@dataclass(frozen=True, slots=True)
class _Span:
    start: int  # quote text, article offsets
    end: int
    open_mark: int | None  # where the marks are; None where the text lacks one
    close_mark: int | None


@dataclass(frozen=True, slots=True)
class _Speaker:
    text: str
    code: str
    name: str


def extract_quotes(doc: Doc, article: Article, mentions: list[Mention]) -> list[Quote]:
    """Attributed direct quotes of the article, in text order."""
    text = doc.text
    sentence_starts = [s.start_char for s in doc.sents]
    token_starts = [t.idx for t in doc]
    quotes: list[Quote] = []
    previous: tuple[_Span, _Speaker | None] | None = None
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPHS.finditer(text) if m.group().strip()]
    for number, (para_start, para_end) in enumerate(paragraphs):
        for span in _quote_spans(text, para_start, para_end):
            start, end = _trim(text, span.start, span.end)
            if start >= end or not _starts_clause(text, span, para_start):
                continue
            opens_paragraph = span.open_mark is not None and not text[para_start : span.open_mark].strip()
            verb = _attribution_after(doc, text, token_starts, span) or _attribution_before(
                doc, text, token_starts, span
            )
            before_start, before_end = paragraphs[number - 1] if number else (0, 0)
            if verb is None and opens_paragraph and text[before_start:before_end].rstrip().endswith(":"):
                verb = _speech_verb_before(doc, token_starts, before_end)  # "The minister said:" ¶ "…"
            speaker = _speaker(doc, text, verb, mentions, start, end) if verb is not None else None
            if verb is None and opens_paragraph and previous is not None and previous[0].close_mark is None:
                speaker = previous[1]  # a quote running on from the paragraph before
            previous = (span, speaker)
            if speaker is None:
                continue
            quotes.append(
                Quote(
                    quote_id=stable_id(article.id, start),
                    article_id=article.id,
                    text=text[start:end],
                    speaker_text=speaker.text,
                    speaker_code=speaker.code,
                    speaker_name=speaker.name,
                    sentence_index=max(0, bisect.bisect_right(sentence_starts, start) - 1),
                    char_start=start,
                    char_end=end,
                )
            )
    return quotes


def _quote_spans(text: str, start: int, end: int) -> list[_Span]:
    """Pair the quotation marks of one paragraph, repairing a missing first or last mark."""
    spans: list[_Span] = []
    open_at: int | None = None
    for mark in _MARKS.finditer(text, start, end):
        i = mark.start()
        kind = _mark_kind(text, i, start, end, open_at is not None)
        if kind == "open" and open_at is None:
            open_at = i
        elif kind == "close" and open_at is not None:
            spans.append(_Span(open_at + 1, i, open_at, i))
            open_at = None
        elif kind == "close" and not spans:
            spans.append(_Span(start, i, None, i))
    if open_at is not None:
        spans.append(_Span(open_at + 1, end, open_at, None))
    return spans


def _mark_kind(text: str, i: int, start: int, end: int, inside: bool) -> str:
    char = text[i]
    if char in _OPEN:
        return "open"
    if char in _CLOSE:
        return "close"
    if char != '"':
        return ""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    if (before.isspace() or before in _OPEN_CONTEXT) and not after.isspace():
        return "open"
    if not before.isspace():
        return "close"
    return "close" if inside else ""


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _starts_clause(text: str, span: _Span, para_start: int) -> bool:
    """A direct quote opens its paragraph or follows punctuation; `called it "a disaster"` does not."""
    if span.open_mark is None:
        return True
    before = text[para_start : span.open_mark].rstrip()
    return not before or before[-1] in ".!?:,;—–-" + _CLOSE + '"'


def _token_at(doc: Doc, token_starts: list[int], char: int) -> int:
    """Index of the first token starting at or after ``char``."""
    return bisect.bisect_left(token_starts, char) if doc else 0


def _attribution_after(doc: Doc, text: str, token_starts: list[int], span: _Span) -> Token | None:
    """`"…," the President said.` / `"…," said X.` / `"…," according to X.` (``text``: the doc's text,
    passed in because ``Doc.text`` rebuilds it from every token on each call)"""
    if span.close_mark is None:
        return None
    body_end = text[: span.close_mark].rstrip()
    after = text[span.close_mark + 1 : span.close_mark + 3].lstrip()
    ends_clause = body_end.endswith((",", "?", "!", "—", "-", "…")) or after.startswith(",")
    if not ends_clause and not (body_end.endswith(".") and after[:1].islower()):
        return None
    first = _token_at(doc, token_starts, span.close_mark + 1)
    for tok in doc[first : first + 14]:
        if (tok.is_sent_start and tok.i > first) or "\n" in tok.text or tok.text in {".", ";", '"', "“", "”"}:
            break
        if _is_speech(tok) or (
            tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to"
        ):
            return tok
    return None


def _attribution_before(doc: Doc, text: str, token_starts: list[int], span: _Span) -> Token | None:
    """`X said: "…"` / `According to X, "…"`."""
    if span.open_mark is None or not text[: span.open_mark].rstrip().endswith((":", ",")):
        return None
    return _speech_verb_before(doc, token_starts, span.open_mark)


def _speech_verb_before(doc: Doc, token_starts: list[int], char: int) -> Token | None:
    """The speech verb (or "according") nearest before ``char`` in the same sentence."""
    last = _token_at(doc, token_starts, char) - 1
    for i in range(last, max(-1, last - 40), -1):
        tok = doc[i]
        if (tok.text in {".", "!", "?", '"', "”"} and i < last) or "\n" in tok.text:
            break
        if _is_speech(tok) or (tok.lower_ == "according" and i + 1 < len(doc) and doc[i + 1].lower_ == "to"):
            return tok
        if tok.is_sent_start:
            break
    return None


def _is_speech(tok: Token) -> bool:
    if not tok.tag_:
        return tok.lower_ in _SPEECH_FORMS
    return tok.lemma_.lower() in _SPEECH and tok.tag_.startswith("VB")


def _speaker(doc: Doc, text: str, verb: Token, mentions: list[Mention], q_start: int, q_end: int) -> _Speaker:
    """The speaker phrase of a speech verb and the mention that says who it is."""
    if verb.lower_ == "according":
        heads = [c for c in doc[verb.i + 1].children if c.dep_ == "pobj"]
    else:
        heads = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    head = heads[0] if heads else None
    if head is None:
        phrase_start = phrase_end = verb.idx
    else:
        end = head.i
        for child in head.rights:
            if child.dep_ in _SPEAKER_RIGHT_DEPS or (child.dep_ == "prep" and child.lower_ == "of"):
                end = child.right_edge.i
            else:
                break
        phrase_start, phrase_end = head.left_edge.idx, doc[end].idx + len(doc[end])
    outside = [m for m in mentions if m.end_char <= q_start or m.start_char >= q_end]
    covering = [m for m in outside if m.start_char < phrase_end and phrase_start < m.end_char]
    if head is not None:
        covering.sort(key=lambda m: not (m.start_char <= head.idx < m.end_char))
    mention = covering[0] if covering else None
    if mention is None:
        sent = verb.sent
        same = [m for m in outside if sent.start_char <= m.start_char < sent.end_char]
        mention = min(same, key=lambda m: abs(m.start_char - phrase_start), default=None)
    if mention is None and head is not None and head.lower_ in _PRONOUNS:
        earlier = [m for m in mentions if m.end_char <= q_start and m.kind in {"person", "role"}]
        mention = max(earlier, key=lambda m: m.start_char, default=None)
    if mention is None:
        return _Speaker(text[phrase_start:phrase_end], "", "")
    speaker_text = text[phrase_start:phrase_end] or mention.text  # no parse: the mention stands in
    return _Speaker(speaker_text, mention.code, mention.name or mention.text)
