"""The API over a PostgreSQL store answers as over SQLite: the server only calls the library, and
the library reads any store through the Store protocol.

Runs where the suite has a throw-away PostgreSQL cluster (the pg_url fixture of tests/conftest.py,
which skips with the reason when no server can be started); skipped in a tree without one.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from serving import build_store

testclient = pytest.importorskip("starlette.testclient", reason="the serve extra is not installed")

NEAR = "В 2004 году МОТ провела четыре региональных семинара по вопросам трудовой миграции."
PATHS = [f"/api/search?q={quote(NEAR)}", "/api/search?q=трудящихся-мигрантов&min_score=0&limit=10",
         "/api/concordance?q=трудящихся-мигрантов", "/api/terms?q=МОТ", "/api/terms?q=ЮНИСЕВ",
         "/api/documents", f"/tmserver/ru/en/unit/{quote(NEAR)}", "/tmserver/fr/en/unit/x"]


def answers(client: Any) -> list[tuple[int, object]]:
    return [(a.status_code, a.json()) for a in map(client.get, PATHS)]


def test_the_api_answers_the_same_over_postgresql(request: pytest.FixtureRequest, served_db: Path) -> None:
    try:
        url = request.getfixturevalue("pg_url")
    except pytest.FixtureLookupError:
        pytest.skip("this tree has no PostgreSQL test cluster (the pg_url fixture)")
    from tm.server.app import ServerConfig, create_app
    build_store(url)
    sqlite = testclient.TestClient(create_app(ServerConfig(str(served_db))))
    postgres = testclient.TestClient(create_app(ServerConfig(url)))
    assert answers(postgres) == answers(sqlite)
    stats = [c.get("/api/stats").json() for c in (postgres, sqlite)]
    assert [{k: v for k, v in s.items() if k != "store"} for s in stats] == [
        {k: v for k, v in stats[1].items() if k != "store"}] * 2
    assert stats[0]["store"].startswith("postgresql://")
