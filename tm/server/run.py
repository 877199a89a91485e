"""Running the application: uvicorn on one host and port, with the HTTP limits of tmtool serve."""
from __future__ import annotations

import socket

import uvicorn

from tm.server.app import ServerConfig, create_app

# Longest request line and headers h11 buffers: a 2,000-character Cyrillic query is 12 kB
# percent-encoded; h11's default 16 kB would refuse a query a few times longer with a bare 400
# before the API could say what is wrong, so the buffer is 64 kB and the API answers up to there.
MAX_HEADER_BYTES = 64 * 1024
# Connections served at once; beyond, uvicorn answers 503 rather than queueing without end.
MAX_CONNECTIONS = 200


def make_server(config: ServerConfig, host: str = "127.0.0.1", port: int = 8080, access_log: bool = True
                ) -> uvicorn.Server:
    """A uvicorn server for the store in config (opened now, so that a bad store fails here)."""
    app = create_app(config)
    settings = uvicorn.Config(app, host=host, port=port, access_log=access_log, log_level="info",
                              limit_concurrency=MAX_CONNECTIONS, h11_max_incomplete_event_size=MAX_HEADER_BYTES,
                              server_header=False)
    return uvicorn.Server(settings)


def serve(config: ServerConfig, host: str = "127.0.0.1", port: int = 8080, access_log: bool = True) -> None:
    """Serve until interrupted (Ctrl-C, SIGTERM)."""
    make_server(config, host, port, access_log).run()


def listening_socket(host: str = "127.0.0.1", port: int = 0) -> socket.socket:
    """A bound socket (port 0: any free one), for tests and benches that start a server in-process."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    return sock
