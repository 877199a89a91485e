"""Read routes run on the read threads (tm.server.readers): one for an SQLite store, several for PostgreSQL;
writes do not take them."""
from __future__ import annotations

import asyncio
import threading
import time

import pytest

pytest.importorskip("starlette", reason="the [serve] extra is not installed")

from tm.server.readers import POSTGRES_READ_THREADS, SQLITE_READ_THREADS, Readers, read_threads


@pytest.mark.parametrize(("location", "threads"), [
    ("tm.db", SQLITE_READ_THREADS), ("/srv/team/tmtool.db", SQLITE_READ_THREADS),
    ("postgresql://tm@127.0.0.1/unterm", POSTGRES_READ_THREADS), ("postgres://db.example/tm", POSTGRES_READ_THREADS),
])
def test_threads_by_backend(location: str, threads: int) -> None:
    assert read_threads(location) == threads


def busy_handlers(threads: int, calls: int) -> tuple[int, set[str]]:
    """The most handlers that ran at once, and the threads they ran on, for `calls` concurrent requests."""
    running, most, names, lock = 0, 0, set(), threading.Lock()

    def handler(request: object) -> str:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
            names.add(threading.current_thread().name)
        time.sleep(0.02)
        with lock:
            running -= 1
        return "done"

    route = Readers(threads).route(handler)

    async def all_at_once() -> list[str]:
        return await asyncio.gather(*(route(object()) for _ in range(calls)))  # type: ignore[arg-type]

    assert asyncio.run(all_at_once()) == ["done"] * calls
    return most, names


def test_one_thread_runs_one_handler_at_a_time() -> None:
    most, names = busy_handlers(1, 6)
    assert most == 1
    assert len(names) == 1 and next(iter(names)).startswith("tmtool-read")


def test_several_threads_run_handlers_together() -> None:
    most, names = busy_handlers(4, 8)
    assert most > 1 and len(names) > 1


def test_app_search_runs_on_a_read_thread(client, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from tm.search import Searcher

    seen: list[str] = []
    search = Searcher.search

    def recording(self: Searcher, *args: object, **kwargs: object) -> object:
        seen.append(threading.current_thread().name)
        return search(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Searcher, "search", recording)
    query = "В 2004 году МОТ провела четыре региональных семинара по вопросам трудовой миграции."
    answer = client.get("/api/search", params={"q": query})
    assert answer.status_code == 200 and answer.json()["hits"]
    assert seen and all(name.startswith("tmtool-read") for name in seen)
