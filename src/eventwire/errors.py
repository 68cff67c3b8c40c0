"""Stable error codes. The library raises `EventwireError`; the CLI and API turn it into a message.

Codes by stage: E1xx ingest, E2xx nlp, E3xx dictionaries and codebooks, E4xx store, E5xx api,
E6xx evaluation, E7xx runners. A code never changes meaning once released.
"""

from __future__ import annotations

ERRORS: dict[str, str] = {
    # ingest
    "E101": "cannot read input",
    "E102": "input is binary, not text",
    "E103": "article is empty",
    "E104": "text could not be decoded",
    "E105": "article has no date",
    "E106": "malformed JSONL line",
    "E107": "malformed CSV row",
    "E108": "broken HTML page",
    "E109": "broken or empty feed",
    "E110": "unsupported input",
    "E111": "could not fetch URL",
    "E112": "invalid date",
    # nlp
    "E201": "spaCy model is not installed",
    "E202": "language processing failed",
    # dictionaries and codebooks
    "E301": "malformed dictionary line",
    "E302": "dictionary file not found",
    "E303": "invalid codebook entry",
    "E304": "unknown code",
    # store
    "E401": "database error",
    "E402": "database is locked or unreadable",
    # api
    "E501": "bad request parameter",
    "E502": "not found",
    # evaluation
    "E601": "unreadable gold file",
    # runners
    "E701": "worker failed",
    "E702": "invalid option",
}


class EventwireError(Exception):
    """An error with a stable code, e.g. ``EventwireError("E105", "no date header and no --date")``."""

    def __init__(self, code: str, detail: str = "", *, where: str = "") -> None:
        if code not in ERRORS:
            raise ValueError(f"unknown error code {code!r}")
        self.code = code
        self.detail = detail
        self.where = where
        super().__init__(self.message)

    @property
    def title(self) -> str:
        return ERRORS[self.code]

    @property
    def message(self) -> str:
        parts = [f"{self.code} {self.title}"]
        if self.where:
            parts.append(self.where)
        if self.detail:
            parts.append(self.detail)
        return ": ".join(parts)
