"""The threads a server process runs its read routes in: one for an SQLite store, a few for PostgreSQL.

A search of an SQLite store is CPU-bound, and Python's sqlite3 lets go of the GIL at every row it
steps: with four threads searching at once, each row waited for the GIL in turn (measured over the
benchmark's 1M-unit store, 2,000 searches on four threads of one process: 0.3-1.2 million context
switches and 1.5-2x the CPU of the same searches on one thread, which switched under ten times).
So an SQLite store's reads run one at a time, on one thread, and more cores are used with
--workers. A PostgreSQL store's reads mostly wait on the database server, so they keep a few
threads. Writes (tm.server.writes) run on threads of their own: a long import never holds up a search.
"""
from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from starlette.requests import Request

from tm.store.url import is_postgres_url

SQLITE_READ_THREADS = 1
POSTGRES_READ_THREADS = 4
R = TypeVar("R")


def read_threads(location: str) -> int:
    """Threads for the read routes of the store at location."""
    return POSTGRES_READ_THREADS if is_postgres_url(location) else SQLITE_READ_THREADS


class Readers:
    """A pool of threads for synchronous read handlers, usable from any event loop."""

    def __init__(self, threads: int) -> None:
        self.executor = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="tmtool-read")

    def route(self, handler: Callable[[Request], R]) -> Callable[[Request], Awaitable[R]]:
        """An asynchronous route that runs handler on these threads."""

        async def run(request: Request) -> R:
            return await asyncio.get_running_loop().run_in_executor(self.executor, handler, request)

        run.__name__ = run.__qualname__ = handler.__name__
        return run
