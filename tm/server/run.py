"""Running the application: uvicorn on one host and port, with the HTTP limits of tmtool serve.

One process serves by default; --workers N runs N worker processes behind one port, so that
searches use more than one core (each process has its own threads and stores): the parent accepts
the connections and hands them to the workers in turn where the system can pass a socket to
another process (tm.server.workers), else uvicorn's workers share the listening socket. A worker
builds its application from the configuration the parent leaves in its environment.
"""
from __future__ import annotations

import asyncio
import json
import os
import socket
import sys
from dataclasses import asdict
from functools import partial
from typing import Any

import uvicorn
from starlette.applications import Starlette

from tm.server.app import ServerConfig, create_app
from tm.server.pool import StorePool
from tm.server.workers import accepting_socket, can_pass_connections, received_connections, run_workers

# Longest request line and headers h11 buffers: a 2,000-character Cyrillic query is 12 kB
# percent-encoded; h11's default 16 kB would refuse a query a few times longer with a bare 400
# before the API could say what is wrong, so the buffer is 64 kB and the API answers up to there.
# httptools (the [serve] extra; uvicorn prefers it to h11) refuses at about the same size: measured,
# a 65,400-byte request line is answered by the API, a 66,000-byte one gets uvicorn's bare 400.
MAX_HEADER_BYTES = 64 * 1024
# Connections served at once; beyond, uvicorn answers 503 rather than queueing without end.
MAX_CONNECTIONS = 200
CONFIG_ENV = "TMTOOL_SERVE_CONFIG"


def settings(access_log: bool) -> dict[str, Any]:
    return {"access_log": access_log, "log_level": "info", "limit_concurrency": MAX_CONNECTIONS,
            "h11_max_incomplete_event_size": MAX_HEADER_BYTES, "server_header": False}


def make_server(config: ServerConfig, host: str = "127.0.0.1", port: int = 8080, access_log: bool = True
                ) -> uvicorn.Server:
    """A uvicorn server for the store in config (opened now, so that a bad store fails here)."""
    return uvicorn.Server(uvicorn.Config(create_app(config), host=host, port=port, **settings(access_log)))


def app_from_environment() -> Starlette:
    """The application of a worker process, from the configuration its parent put in CONFIG_ENV."""
    return create_app(ServerConfig(**json.loads(os.environ[CONFIG_ENV])))


def serve(config: ServerConfig, host: str = "127.0.0.1", port: int = 8080, access_log: bool = True,
          workers: int = 1) -> None:
    """Serve until interrupted (Ctrl-C, SIGTERM), in one process or in worker processes."""
    if workers == 1:
        make_server(config, host, port, access_log).run()
        return
    StorePool(config.db, writable=config.token is not None).check()  # fail before any worker starts
    os.environ[CONFIG_ENV] = json.dumps(asdict(config))
    if not can_pass_connections():
        uvicorn.run("tm.server.run:app_from_environment", factory=True, host=host, port=port, workers=workers,
                    **settings(access_log))
        return
    listener = accepting_socket(host, port)
    shown = f"[{host}]" if ":" in host else host
    print(f"tmtool serve: running on http://{shown}:{listener.getsockname()[1]} with {workers} worker "
          "processes (press CTRL+C to quit)", file=sys.stderr, flush=True)
    run_workers(listener, workers, partial(serve_channel, access_log=access_log))


def serve_channel(channel: socket.socket, access_log: bool) -> None:
    """One worker process: the application of CONFIG_ENV serving the connections its parent sends over channel."""
    config = uvicorn.Config(app_from_environment, factory=True, **settings(access_log))
    server = uvicorn.Server(config)
    make_loop = config.get_loop_factory()  # uvloop's when installed, as uvicorn.run would choose
    loop = make_loop() if make_loop is not None else asyncio.new_event_loop()  # (asyncio.Runner: Python 3.11+)
    try:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(serve_passed(server, channel))
    finally:
        asyncio.set_event_loop(None)
        loop.close()


async def serve_passed(server: uvicorn.Server, channel: socket.socket) -> None:
    """uvicorn's server with no listening socket of its own, given each connection that arrives on channel;
    it stops (as on SIGTERM) when the parent is gone."""
    loop = asyncio.get_running_loop()
    serving = asyncio.ensure_future(server.serve(sockets=[]))
    while not server.started and not serving.done():
        await asyncio.sleep(0.01)
    config = server.config

    def protocol() -> asyncio.Protocol:  # as uvicorn makes one for a connection it accepts itself
        made: asyncio.Protocol = config.http_protocol_class(  # type: ignore[call-arg]
            config=config, server_state=server.server_state, app_state=server.lifespan.state)
        return made

    opening: set[asyncio.Task[object]] = set()  # held until done: the loop keeps only weak references to tasks

    def arrived() -> None:
        conns = received_connections(channel)
        if conns is None:
            loop.remove_reader(channel.fileno())
            server.should_exit = True
            return
        for conn in conns:
            conn.setblocking(False)
            task = loop.create_task(loop.connect_accepted_socket(protocol, conn))
            opening.add(task)
            task.add_done_callback(opening.discard)

    channel.setblocking(False)
    loop.add_reader(channel.fileno(), arrived)
    try:
        await serving
    finally:
        loop.remove_reader(channel.fileno())
        channel.close()


def listening_socket(host: str = "127.0.0.1", port: int = 0) -> socket.socket:
    """A bound socket (port 0: any free one), for tests and benches that start a server in-process."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    return sock
