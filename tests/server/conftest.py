"""A store for the server's tests: the bundled report plus a small hand-made ru–en pair, and a client."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from serving import NO_SERVE, TOKEN, build_store

if TYPE_CHECKING:
    from starlette.testclient import TestClient

@pytest.fixture(scope="session")
def served_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("serve") / "served.db")


@pytest.fixture(scope="session")
def client(served_db: Path) -> TestClient:
    """A read-only server over the shared store."""
    testclient = pytest.importorskip("starlette.testclient", reason=NO_SERVE)
    from tm.server.app import ServerConfig, create_app
    return testclient. TestClient(create_app(ServerConfig(str(served_db))))


@pytest.fixture
def writable(tmp_path: Path) -> TestClient:
    """A writable server (token TOKEN) over a store of its own, so that writes touch no other test."""
    testclient = pytest.importorskip("starlette.testclient", reason=NO_SERVE)
    from tm.server.app import ServerConfig, create_app
    return testclient. TestClient(create_app(ServerConfig(str(build_store(tmp_path / "writable.db")), token=TOKEN)))


@pytest.fixture(scope="session")
def live_url(served_db: Path) -> Iterator[str]:
    """A real uvicorn server on 127.0.0.1 (a free port) in a thread, for the browser."""
    pytest.importorskip("uvicorn", reason=NO_SERVE)
    from tm.server.app import ServerConfig
    from tm.server.run import listening_socket, make_server
    sock = listening_socket()
    server = make_server(ServerConfig(str(served_db)), access_log=False)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started and thread.is_alive():
        threading.Event().wait(0.05)
    host, port = sock.getsockname()
    yield f"http://{host}:{port}"
    server.should_exit = True
    thread.join(timeout=10)
