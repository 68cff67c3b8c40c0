from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.config import Options, load_options
from eventwire.errors import EventwireError


def test_defaults_then_file_then_overrides(tmp_path: Path) -> None:
    cfg = tmp_path / "ew.toml"
    cfg.write_text('[eventwire]\nbatch_size = 8\ndefault_date = "2021-12-01"\nactor_files = ["a.txt"]\n')
    opts = load_options(cfg, batch_size=None, workers=2)
    assert opts.batch_size == 8  # from the file; None means "not given"
    assert opts.workers == 2
    assert opts.default_date == date(2021, 12, 1)
    assert opts.actor_files == (Path("a.txt"),)
    assert opts.model == Options().model


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"batch_size": 0}, "E702"),
        ({"workers": -1}, "E702"),
        ({"workers": 0, "engine": "dask"}, "E702"),
        ({"engine": "spark"}, "E702"),
        ({"colour": "red"}, "E702"),
        ({"default_date": "yesterday"}, "E112"),
    ],
)
def test_bad_options_raise_coded_errors(kwargs: dict[str, object], code: str) -> None:
    with pytest.raises(EventwireError) as err:
        load_options(None, **kwargs)
    assert err.value.code == code


def test_broken_config_file_is_reported(tmp_path: Path) -> None:
    cfg = tmp_path / "bad.toml"
    cfg.write_text("[eventwire\n")
    with pytest.raises(EventwireError, match=r"bad\.toml"):
        load_options(cfg)


def test_unknown_error_code_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        EventwireError("E999")
