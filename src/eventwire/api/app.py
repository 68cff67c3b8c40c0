"""The read-only FastAPI app: JSON API under /api, the dashboard at /, its static files under /static.

``create_app(db_path)`` opens the DuckDB store read-only once; each request reads through its own cursor.
Every error body is ``{"error": {"code": "E5xx", "message": "..."}}``: bad parameters are 400 (E501),
unknown ids and paths 404 (E502). The OpenAPI spec is at /openapi.json (the interactive docs pages are
off: they would load their scripts from a CDN).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventwire.api import routes_dash, routes_data, routes_events
from eventwire.api.models import ErrorBody
from eventwire.errors import EventwireError
from eventwire.store import Store

STATUS = {"E501": 400, "E502": 404, "E402": 503}
ERROR_RESPONSES: dict[int | str, dict[str, object]] = {
    400: {"model": ErrorBody, "description": "bad request parameter (E501)"},
    404: {"model": ErrorBody, "description": "not found (E502)"},
}


def error_response(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)


def create_app(db_path: Path | str) -> FastAPI:
    """The app over the store at ``db_path`` (opened read-only now: a missing file fails here, E402)."""
    store = Store(db_path, read_only=True)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="eventwire",
        version=routes_dash.package_version(),
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        description="Read-only access to coded political events (CAMEO/PLOVER) with their evidence.",
        responses=ERROR_RESPONSES,
    )
    app.state.store = store
    app.include_router(routes_events.router)
    app.include_router(routes_data.router)
    app.include_router(routes_dash.router)
    static = resources.files("eventwire").joinpath("api/static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    @app.exception_handler(EventwireError)
    async def _eventwire_error(request: Request, exc: EventwireError) -> JSONResponse:
        return error_response(STATUS.get(exc.code, 500), exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path"))
            parts.append(f"{where}: {err.get('msg', 'invalid')}")
        return error_response(400, "E501", "E501 bad request parameter: " + "; ".join(parts))

    @app.exception_handler(duckdb.Error)
    async def _database_error(request: Request, exc: duckdb.Error) -> JSONResponse:
        return error_response(500, "E401", f"E401 database error: {exc}")

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = "E502" if exc.status_code == 404 else "E501"
        return error_response(exc.status_code, code, f"{code} {exc.detail}", dict(exc.headers or {}))

    _drop_default_422(app)
    return app


def _drop_default_422(app: FastAPI) -> None:
    """FastAPI documents a 422 body we never send (validation errors are our 400 E501): leave it out."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = generate()
            for item in schema.get("paths", {}).values():
                for operation in item.values():
                    operation.get("responses", {}).pop("422", None)
            for name in ("HTTPValidationError", "ValidationError"):
                schema.get("components", {}).get("schemas", {}).pop(name, None)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
