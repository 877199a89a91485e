"""The `tmtool serve` application: the routes of tm.server.routes, the web page, errors as JSON.

Starlette is the HTTP layer: a small, typed, well-kept ASGI toolkit whose plain functions map a
request to a response, with its own test client; uvicorn runs it. Route handlers that touch the
store are synchronous: the read routes run on the threads of tm.server.readers, the writes in
Starlette's thread pool, each thread with its own store.
"""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from tm.errors import TmtoolError
from tm.server.api import Api, ApiError, error_status
from tm.server.pool import StorePool
from tm.server.readers import Readers, read_threads
from tm.server.routes import OPERATIONS, openapi
from tm.server.writes import Writes

DEFAULT_MAX_BODY = 50 * 1024 * 1024
# Threads a process runs the write routes in (anyio's default is 40); the read routes have theirs
# (tm.server.readers). A write holds the store's write lock: more only wait for it.
HANDLER_THREADS = 4
# The page loads nothing from elsewhere; the policy makes the browser hold it to that.
PAGE_HEADERS = {"Content-Security-Policy": "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
                "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}


@dataclass(frozen=True, slots=True)
class ServerConfig:
    """What `tmtool serve` was started with; token None means read-only."""

    db: str
    token: str | None = None
    max_body: int = DEFAULT_MAX_BODY


def static_dir() -> Path:
    """The page's HTML, CSS and JavaScript, shipped as package data."""
    return Path(str(files("tm.server") / "static"))


def page(request: Request) -> Response:
    return FileResponse(static_dir() / "index.html", media_type="text/html; charset=utf-8", headers=PAGE_HEADERS)


def openapi_json(request: Request) -> JSONResponse:
    return JSONResponse(openapi())


async def api_error(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, ApiError):
        return await internal_error(request, exc)
    return JSONResponse({"error": exc.message, **exc.extra}, status_code=exc.status)


async def http_error(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    messages = {404: f"no such route: {request.method} {request.url.path}",
                405: f"{request.method} is not allowed on {request.url.path}"}
    detail = exc.detail if isinstance(exc, HTTPException) else "internal error"
    return JSONResponse({"error": messages.get(status, str(detail))}, status_code=status)


async def library_error(request: Request, exc: Exception) -> Response:
    status = error_status(exc) if isinstance(exc, TmtoolError) else 500
    return JSONResponse({"error": str(exc)}, status_code=status)


async def internal_error(request: Request, exc: Exception) -> Response:
    return JSONResponse({"error": f"internal error ({type(exc).__name__}); see the server's log"}, status_code=500)


@asynccontextmanager
async def few_threads(app: Starlette) -> AsyncIterator[None]:
    """Run the write handlers in HANDLER_THREADS threads."""
    import anyio.to_thread

    anyio.to_thread.current_default_thread_limiter().total_tokens = HANDLER_THREADS
    yield


def create_app(config: ServerConfig) -> Starlette:
    """The application over the store at config.db (checked now: a bad store fails before serving)."""
    pool = StorePool(config.db, writable=config.token is not None)
    pool.check()
    api, writes, readers = Api(pool), Writes(pool, config.token, config.max_body), Readers(read_threads(config.db))
    routes: list[BaseRoute] = [Route(op.path, readers.route(getattr(api, op.handler)) if hasattr(api, op.handler)
                                     else getattr(writes, op.handler), methods=[op.method]) for op in OPERATIONS]
    routes += [Route("/", page, methods=["GET"]), Route("/openapi.json", openapi_json, methods=["GET"]),
               Mount("/static", StaticFiles(directory=static_dir()), name="static")]
    return Starlette(routes=routes, lifespan=few_threads, exception_handlers={
        ApiError: api_error, HTTPException: http_error, TmtoolError: library_error, Exception: internal_error})
