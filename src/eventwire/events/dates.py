"""When an event happened: the article date, moved by the time expressions of the event's sentence.

A small regex pass finds candidate expressions ("on Thursday", "last month", "yesterday", "3 March",
"in 2019", "two weeks ago"); a spaCy DATE entity around a candidate lends its wider text ("Thursday
night", "late last month"). Only then is dateparser called, relative to the article date, preferring
past dates, and cached per (expression, base date). Conventions:

- a bare weekday is the most recent such day on or before the article date ("Thursday" in a Thursday
  article is that Thursday); "this week/month/year", "today" and "tonight" are the article date;
- an expression that names only a month or a year gives its first day ("in March", "last month"),
  but "three years ago" counts back from the article date to the day;
- future is read only where the text says so: the expression's verb has "will"/"shall", or the
  expression says "next", "tomorrow" or "coming"; a past report never gets a date after the article
  date unless the expression names its year.

Durations ("for two years", "since 1999", "over the past week"), decades ("the 1990s") and habits
("every Thursday") are not event dates.
"""

from __future__ import annotations

import functools
import re
from datetime import date, datetime

from dateparser.date import DateDataParser
from spacy.tokens import Span, Token

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = "(?:" + "|".join(_WEEKDAYS) + ")"
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
)
_COUNT = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a\s+few)"
_CANDIDATE = re.compile(
    rf"""(?<![\w-])(?<!(?i:every)\s)(?<!(?i:each)\s)(?:
        (?i:yesterday|today|tonight|tomorrow)
      | (?i:last|previous|this|next|coming)\s+(?:(?i:week|month|year|weekend)|{_WEEKDAY}|{_MONTH})
      | (?i:past)\s+{_WEEKDAY}
      | (?i:{_COUNT})\s+(?i:days?|weeks?|months?|years?)\s+(?i:ago|earlier)
      | \d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?
      | {_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?![\d,]\d)(?:,?\s+\d{{4}})?
      | (?:(?i:in|during|early|late)\s+|(?i:mid)-?){_MONTH}(?:,?\s+\d{{4}})?
      | \d{{4}}-\d{{2}}-\d{{2}}
      | (?i:in|during)\s+(?:19|20)\d{{2}}(?!s)
      | {_WEEKDAY}
    )(?![\w-])""",
    re.VERBOSE,
)
_PREFIX = re.compile(r"^(?:(?:on|in|during|the|early|late|mid|earlier|later)\b-?\s*)+", re.IGNORECASE)
_TODAY = re.compile(r"^(?:today|tonight|this\s+(?:week|month|year|weekend))$", re.IGNORECASE)
_FUTURE_WORD = re.compile(r"\b(?:next|tomorrow|coming)\b", re.IGNORECASE)
_AGO = re.compile(r"\b(?:ago|earlier)$", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_BARE_WEEKDAY = re.compile(rf"^({_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?$")
_REPORTING = frozenset(
    {"say", "tell", "announce", "report", "add", "state", "claim", "confirm", "note", "write"}
)
_FUTURE_AUX = frozenset({"will", "shall", "'ll"})


def resolve_event_date(sentence: Span, article_date: date | None) -> tuple[date | None, str]:
    """Date of the event in this sentence, and the expression it came from ('' for the article date)."""
    text = sentence.text
    matches = list(_CANDIDATE.finditer(text))
    if not matches:
        return article_date, ""
    ents = [e for e in sentence.ents if e.label_ == "DATE"]
    base_char = sentence.start_char
    ranked: list[tuple[int, int, list[str], bool]] = []
    for match in matches:
        start, end = base_char + match.start(), base_char + match.end()
        wider = [e.text for e in ents if e.start_char <= start and end <= e.end_char and e.text != match[0]]
        token = sentence.doc.char_span(start, end, alignment_mode="expand")
        verb = _governing_verb(token.root) if token is not None else None
        future = bool(_FUTURE_WORD.search(match[0])) or (verb is not None and _has_future_aux(verb))
        ranked.append((_rank(verb, sentence), match.start(), [*wider, match[0]], future))
    for _, _, texts, future in sorted(ranked, key=lambda r: (r[0], r[1])):
        for expression in texts:
            found = _resolve(expression, article_date, future)
            if found is not None:
                return found, expression
    return article_date, ""


def _resolve(expression: str, article_date: date | None, future: bool) -> date | None:
    cleaned = _PREFIX.sub("", " ".join(expression.split())).strip(" ,.")
    explicit_year = bool(_YEAR.search(cleaned))
    if article_date is None and not explicit_year:
        return None
    if _TODAY.match(cleaned):
        return article_date
    weekday = _BARE_WEEKDAY.match(cleaned)
    if (
        weekday
        and article_date is not None
        and not future
        and weekday[1] == _WEEKDAYS[article_date.weekday()]
    ):
        return article_date
    found = _parse(cleaned, article_date, "future" if future else "past")
    if found is None or (article_date is not None and found > article_date and not (future or explicit_year)):
        return None
    return found


@functools.lru_cache(maxsize=8192)
def _parse(expression: str, base: date | None, prefer: str) -> date | None:
    """dateparser on one cleaned expression; month- and year-only answers go to the period's first day."""
    settings: dict[str, object] = {"PREFER_DATES_FROM": prefer, "PREFER_DAY_OF_MONTH": "first"}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    try:
        data = DateDataParser(languages=["en"], settings=settings).get_date_data(expression)
    except (ValueError, TypeError, OverflowError):
        return None
    if data.date_obj is None:
        return None
    found: date = data.date_obj.date()
    if _AGO.search(expression):  # "three years ago" is a day, not a year
        return found
    if data.period == "year":
        return found.replace(month=1, day=1)
    if data.period == "month":
        return found.replace(day=1)
    return found


def _governing_verb(token: Token) -> Token | None:
    """The nearest verb the expression hangs from."""
    if not token.doc.has_annotation("DEP"):
        return None
    for _ in range(8):
        if token.pos_ in {"VERB", "AUX"} and token.dep_ != "aux":
            return token
        if token.head.i == token.i:
            return token if token.pos_ in {"VERB", "AUX"} else None
        token = token.head
    return None


def _rank(verb: Token | None, sentence: Span) -> int:
    """0: the expression dates the reported event; 1: another clause; 2: the act of reporting."""
    if verb is None:
        return 1
    root = sentence.root
    if root.lemma_ not in _REPORTING:
        return 0 if verb.i == root.i else 1
    if verb.i == root.i:
        return 2
    reported = [c for c in root.children if c.dep_ in {"ccomp", "xcomp", "parataxis"}]
    return 0 if any(verb.i == c.i for c in reported) else 1


def _has_future_aux(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in verb.children)
