"""`eventwire serve`: the read-only REST API and dashboard over a store, on loopback by default."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

DEFAULT_DB = Path("eventwire.duckdb")
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def serve(
    db: Annotated[Path, typer.Option(help="DuckDB file to read (opened read-only).")] = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to bind (loopback: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
) -> None:
    """Serve the JSON API (/api/..., spec at /openapi.json) and the dashboard (/) over DB."""
    import uvicorn

    from eventwire.api import create_app

    app = create_app(db)
    if host not in LOOPBACK:
        typer.echo(
            f"eventwire: warning: {host} can be reached from other machines; no login is asked", err=True
        )
    typer.echo(f"eventwire: serving {db} on http://{host}:{port}/ (API /api, spec /openapi.json)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
