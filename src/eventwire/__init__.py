"""eventwire: code news articles into political event data (CAMEO/PLOVER) with evidence, offline.

Public API: ``code_text``, ``code_files``, ``Coder``, ``Options`` and the records ``Article``, ``Event``,
``Quote``, ``Mention``, ``Reject``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.config import Options, load_options
from eventwire.errors import EventwireError
from eventwire.records import Article, CodedArticle, Event, Mention, Quote, Reject

if TYPE_CHECKING:
    from eventwire.pipeline import Coder, RunStats

__version__ = "0.1.0"


def code_text(
    text: str, date: date | None = None, *, options: Options | None = None, coder: Coder | None = None
) -> list[Event]:
    """Code one text. A leading ``date YYYY-MM-DD`` header gives the date; else ``date`` does.

    Pass a ``Coder`` to reuse the loaded model and dictionaries across calls.
    """
    from eventwire.ingest.text import parse_text
    from eventwire.pipeline import Coder

    opts = (options or (coder.options if coder else Options())).replace(require_date=False)
    if date is not None:
        opts = opts.replace(default_date=date)
    item = parse_text(text, "text", opts)
    if isinstance(item, Reject):
        raise EventwireError(item.code, item.message)
    coder = coder or Coder(opts)
    for result in coder.code_articles([item]):
        if isinstance(result, Reject):
            raise EventwireError(result.code, result.message)
        return result.events
    return []


def code_files(
    inputs: Sequence[str | Path], db: Path | str | None = None, *, options: Options | None = None
) -> RunStats:
    """Code files (any input ``eventwire code`` takes) into the DuckDB store at ``db``."""
    from eventwire.ingest.sources import read_inputs
    from eventwire.pipeline import Coder, run_to_store
    from eventwire.store import Store

    opts = options or Options()
    if db is not None:
        opts = opts.replace(db_path=Path(db))
    with Store(opts.db_path) as store:
        return run_to_store(Coder(opts), read_inputs([str(i) for i in inputs], opts), store)


def __getattr__(name: str) -> object:
    if name == "Coder":
        from eventwire.pipeline import Coder

        return Coder
    raise AttributeError(name)


__all__ = [
    "Article",
    "CodedArticle",
    "Coder",
    "Event",
    "EventwireError",
    "Mention",
    "Options",
    "Quote",
    "Reject",
    "code_files",
    "code_text",
    "load_options",
]
