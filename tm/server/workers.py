"""Worker processes for `tmtool serve --workers N`: the parent accepts each connection and hands it
to the next worker in turn, over a Unix socket pair of its own.

A worker keeps a keep-alive connection to the end, so how connections are spread decides how
requests are. uvicorn's own workers share one listening socket, and whichever is awake accepts a
whole burst: one of two took all 20 clients of bench/serve_load.py. Sockets bound with
SO_REUSEPORT leave it to the kernel's hash: measured, 20 clients split 10/10, 9/11 and 6/14 in
three runs, and p95 followed the busier worker (100 ms at 9/11, 275 ms at 6/14). In turn, they
split evenly. The parent holds the listening socket, starts the workers (spawned, not forked: a
forked copy of a running event loop is unsafe), starts again one that dies, and stops them all
on SIGTERM or Ctrl-C.
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
BACKLOG = 2048

Target = Callable[[socket.socket], None]  # runs one worker's server on the connections its channel brings


def can_pass_connections() -> bool:
    """Whether this system can send an open socket to another process (Unix: SCM_RIGHTS)."""
    return hasattr(socket, "send_fds") and hasattr(socket, "AF_UNIX") and sys.platform != "win32"


def accepting_socket(host: str, port: int) -> socket.socket:
    """The server's one listening socket (port 0: a free one)."""
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(BACKLOG)
    except OSError:
        sock.close()
        raise
    return sock


def send_connection(channel: socket.socket, conn: socket.socket) -> None:
    """Pass an accepted connection to the worker at the other end of channel (one byte carries it)."""
    socket.send_fds(channel, [b"c"], [conn.fileno()])


def received_connections(channel: socket.socket) -> list[socket.socket] | None:
    """The connections waiting on a worker's channel (non-blocking), or None once the parent is gone."""
    found: list[socket.socket] = []
    while True:
        try:
            data, fds, _, _ = socket.recv_fds(channel, 1, 1)
        except (BlockingIOError, InterruptedError):
            return found
        found += [socket.socket(fileno=fd) for fd in fds]
        if not data and not fds:
            return None if not found else found


class Workers:
    """The worker processes and the parent's end of each one's channel; connections go to each in turn."""

    def __init__(self, count: int, target: Target) -> None:
        self.context = multiprocessing.get_context("spawn")
        self.target = target
        self.lock = threading.Lock()
        self.turn = 0
        started = [self.start() for _ in range(count)]
        self.processes = [p for p, _ in started]
        self.channels = [c for _, c in started]

    def start(self) -> tuple[BaseProcess, socket.socket]:
        mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        process = self.context.Process(target=self.target, args=(theirs,), daemon=False)
        process.start()
        theirs.close()
        return process, mine

    def hand_over(self, conn: socket.socket) -> None:
        """Give conn to the next worker that takes it (one that has just died is skipped)."""
        for _ in range(len(self.channels)):
            with self.lock:
                channel = self.channels[self.turn % len(self.channels)]
                self.turn += 1
            try:
                send_connection(channel, conn)
                return
            except OSError:
                continue

    def restart_dead(self) -> None:
        for i, process in enumerate(self.processes):
            if not process.is_alive():
                print(f"tmtool serve: worker {process.pid} ended (exit {process.exitcode}); starting another",
                      file=sys.stderr, flush=True)
                new, channel = self.start()
                with self.lock:
                    old, self.processes[i], self.channels[i] = self.channels[i], new, channel
                old.close()

    def stop(self) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            process.join(STOP_WAIT_S)
            if process.is_alive():
                process.kill()
        for channel in self.channels:
            channel.close()


def accept_loop(listener: socket.socket, workers: Workers, stopping: threading.Event) -> None:
    listener.settimeout(CHECK_EVERY_S)
    while not stopping.is_set():
        try:
            conn, _ = listener.accept()
        except TimeoutError:
            continue
        except OSError:  # out of file descriptors, say: a moment for connections to close
            if stopping.wait(0.05):
                return
            continue
        with conn:
            workers.hand_over(conn)


def run_workers(listener: socket.socket, count: int, target: Target) -> None:
    """count spawned processes running target, each given connections accepted on listener in turn;
    each restarted if it dies, until SIGTERM/SIGINT."""
    stopping = threading.Event()

    def stop(signum: int, frame: FrameType | None) -> None:
        stopping.set()

    previous = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGINT)}
    workers = Workers(count, target)
    accepting = threading.Thread(target=accept_loop, args=(listener, workers, stopping), daemon=True)
    accepting.start()
    try:
        while not stopping.wait(CHECK_EVERY_S):
            workers.restart_dead()
    finally:
        stopping.set()
        accepting.join(STOP_WAIT_S)
        workers.stop()
        listener.close()
        for signum, handler in previous.items():
            signal.signal(signum, handler)
