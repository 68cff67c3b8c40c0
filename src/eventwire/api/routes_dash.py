"""The dashboard page. It is a shell: its script reads the same JSON API as everyone else."""

from __future__ import annotations

from functools import cache
from html import escape
from importlib import resources
from importlib.metadata import PackageNotFoundError, version
from string import Template

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from eventwire.codebook import PLOVER_TYPES, Codebook
from eventwire.queries import QUAD_NAMES

router = APIRouter(include_in_schema=False)


def _options(pairs: list[tuple[str, str]]) -> str:
    return "".join(f'<option value="{escape(v)}">{escape(label)}</option>' for v, label in pairs)


@cache
def render_dashboard(version: str) -> str:
    """The page with its select options filled in from the codebook (built once per process)."""
    template = resources.files("eventwire").joinpath("api/templates/dashboard.html").read_text("utf-8")
    codebook = Codebook.load()
    roots = [(c, f"{c} {codebook[c].name.lower()}") for c in codebook.codes() if len(c) == 2]
    return Template(template).substitute(
        cameo_options=_options(roots),
        quad_options=_options([(str(k), f"{k} {v}") for k, v in QUAD_NAMES.items()]),
        plover_options=_options([(t, t.lower()) for t in sorted(PLOVER_TYPES)]),
        version=escape(version),
    )


def package_version() -> str:
    try:
        return version("eventwire")
    except PackageNotFoundError:
        return "0"


@router.get("/", response_class=HTMLResponse)
def dashboard() -> HTMLResponse:
    return HTMLResponse(render_dashboard(package_version()))
