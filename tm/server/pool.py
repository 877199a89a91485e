"""One open store per server thread: a store's connection stays in the thread that opened it.

SQLite connections may not cross threads, and a PostgreSQL connection serves one request at a
time; so each worker thread opens its own store on first use and keeps it. A write through the
server bumps the generation, and every thread then reopens its store, so that none answers from
caches of the old state.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field

from tm.store import Store, open_store


@dataclass
class StorePool:
    """Stores at one location, one per thread; read-only unless writable."""

    location: str
    writable: bool = False
    generation: int = 0
    _local: threading.local = field(default_factory=threading.local, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def check(self) -> None:
        """Open the store once, so that a missing or foreign store stops the server before it listens."""
        with open_store(self.location, create=False, readonly=not self.writable):
            pass

    def store(self) -> Store:
        """This thread's open store, reopened when a write has changed the store since it was opened."""
        held = getattr(self._local, "held", None)
        if held is not None and held[0] == self.generation:
            return held[1]
        if held is not None:
            held[1].close()
        store = open_store(self.location, create=False, readonly=not self.writable)
        self._local.held = (self.generation, store)
        return store

    def changed(self) -> None:
        """A write went through: every thread reopens its store on its next request."""
        with self._lock:
            self.generation += 1
