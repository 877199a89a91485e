"""Worker processes for `tmtool serve --workers N`, each listening on its own socket of one port.

uvicorn's own workers share one listening socket, and whichever is awake accepts a whole burst of
connections: measured with bench/serve_load.py, one of two workers took all 20 keep-alive
clients, so searches ran on one core. Here each worker has a socket bound with SO_REUSEPORT, and
the kernel spreads new connections across them. The parent holds the sockets, starts the workers
(spawned, not forked: a forked copy of a running event loop is unsafe), starts again one that
dies, and stops them all on SIGTERM or Ctrl-C.
"""
from __future__ import annotations

import multiprocessing
import signal
import socket
import sys
import threading
from collections.abc import Callable
from multiprocessing.process import BaseProcess
from types import FrameType

CHECK_EVERY_S = 0.5
STOP_WAIT_S = 30

Target = Callable[[socket.socket], None]  # runs one worker's server on its socket until it is told to stop


def can_share_port() -> bool:
    """Whether this system spreads connections over sockets bound with SO_REUSEPORT (Linux, BSD)."""
    return hasattr(socket, "SO_REUSEPORT") and sys.platform != "win32"


def port_sockets(host: str, port: int, count: int) -> list[socket.socket]:
    """count listening sockets on one host and port (port 0: a free one, the same for all)."""
    sockets: list[socket.socket] = []
    try:
        for _ in range(count):
            sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
            sockets.append(sock)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
            sock.bind((host, port))
            port = sock.getsockname()[1]
            sock.listen(2048)
            sock.set_inheritable(True)
    except OSError:
        for sock in sockets:
            sock.close()
        raise
    return sockets


def run_workers(sockets: list[socket.socket], target: Target) -> None:
    """One spawned process running target on each socket, each restarted if it dies, until SIGTERM/SIGINT."""
    context = multiprocessing.get_context("spawn")
    stopping = threading.Event()

    def start(sock: socket.socket) -> BaseProcess:
        process = context.Process(target=target, args=(sock,), daemon=False)
        process.start()
        return process

    def stop(signum: int, frame: FrameType | None) -> None:
        stopping.set()

    previous = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGINT)}
    processes = [start(sock) for sock in sockets]
    try:
        while not stopping.wait(CHECK_EVERY_S):
            for i, process in enumerate(processes):
                if not process.is_alive():
                    print(f"tmtool serve: worker {process.pid} ended (exit {process.exitcode}); starting another",
                          file=sys.stderr, flush=True)
                    processes[i] = start(sockets[i])
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(STOP_WAIT_S)
            if process.is_alive():
                process.kill()
        for sock in sockets:
            sock.close()
        for signum, handler in previous.items():
            signal.signal(signum, handler)
