"""Hostile conditions for the PostgreSQL store: killed writers, queued writers, readers during a write.

The SQLite cases are in tests/test_hostile_store.py; these are the ones that apply to a server:
a writer killed mid-transaction leaves the old state (the server rolls it back), two writers
serialise on the store's advisory lock (the second waits, or fails in one line when it cannot),
and readers are never blocked by a writer (they see the last committed state).
"""
from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from hostile import REPO, assert_one_line_error, tmtool
from store.pgcluster import Cluster, psql

from tm.app import example_path
from tm.errors import StoreError
from tm.model import DocumentInfo, Unit
from tm.store import open_store
from tm.store.postgres import PostgresStore


def snapshot(url: str) -> list[tuple[str, str, str, str]]:
    """The store's content as comparable rows: (doc, id, source, target)."""
    with open_store(url, create=False, readonly=True) as store:
        return [(u.doc, u.id, u.source, u.target) for u in store.units()]


# A writer that replaces the document 'report' and stops (prints HALFWAY, sleeps) after `argv[2]` units.
HALTING_WRITER = (
    "import sys, time\n"
    "from tm.model import DocumentInfo, Unit\n"
    "from tm.store import open_store\n"
    "def units():\n"
    "    for i in range(60000):\n"
    "        if i == int(sys.argv[2]):\n"
    "            print('HALFWAY', flush=True)\n"
    "            time.sleep(float(sys.argv[3]))\n"
    "        yield Unit(id=f'{sys.argv[4]}:{i}', doc=sys.argv[4], source=f'новый текст {i} ' * 10, position=i)\n"
    "with open_store(sys.argv[1]) as store, store.writer() as writer:\n"
    "    writer.replace_document(DocumentInfo(sys.argv[4], 'ru', 'en', 'new', 'sig', {}), units())\n"
)


def halting_writer(url: str, after: int, seconds: float, doc: str = "report") -> subprocess.Popen[str]:
    """Start the writer and wait until it is inside its transaction, holding the write lock."""
    proc = subprocess.Popen([sys.executable, "-c", HALTING_WRITER, url, str(after), str(seconds), doc],
                            stdout=subprocess.PIPE, text=True, cwd=REPO)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "HALFWAY"
    return proc


def built(url: str) -> str:
    assert tmtool("build", example_path(), "--db", url, "--doc", "report").code == 0
    return url


def test_write_killed_mid_transaction_leaves_the_old_state(pg_url: str) -> None:
    old = snapshot(built(pg_url))
    writer = halting_writer(pg_url, 40_000, 600)
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=60)
    stats = tmtool("stats", "--db", pg_url)  # read-only commands work right after the crash
    assert stats.code == 0, stats.stderr
    assert snapshot(pg_url) == old
    assert tmtool("build", example_path(), "--db", pg_url, "--doc", "again").code == 0  # the lock is free


def test_readers_are_not_blocked_by_a_writer(pg_url: str) -> None:
    old = snapshot(built(pg_url))
    writer = halting_writer(pg_url, 20_000, 30)
    try:
        start = time.monotonic()
        for command in (("stats",), ("search", "Генеральная Ассамблея"), ("export", "--format", "tmx", "-o", "-"),
                        ("search", "--concordance", "мигрантов")):
            outcome = tmtool(*command, "--db", pg_url)
            assert outcome.code == 0 or (command[0] == "search" and outcome.code == 1 and not outcome.stderr), \
                outcome.stderr  # search exits 1 on "no match", a result like any other
        assert snapshot(pg_url) == old  # the writer's units are not seen before its commit
        assert time.monotonic() - start < 20, "a reader waited for the writer"
    finally:
        writer.kill()
        writer.wait(timeout=60)


def test_second_writer_waits_for_the_first(pg_url: str) -> None:
    open_store(pg_url).close()
    holder = halting_writer(pg_url, 10, 2.0, doc="holder")
    outcome = tmtool("build", example_path(), "--db", pg_url)
    assert holder.wait(timeout=60) == 0
    assert outcome.code == 0, outcome.stderr
    assert {doc for doc, *_ in snapshot(pg_url)} == {"holder", example_path().name}


def test_second_writer_that_cannot_wait_fails_cleanly(pg_url: str) -> None:
    open_store(pg_url).close()
    holder = halting_writer(pg_url, 10, 3.0, doc="holder")
    try:
        with PostgresStore(pg_url) as store:
            store.lock_timeout_s = 0.2
            with pytest.raises(StoreError, match="another writer holds the store locked"), store.writer() as writer:
                writer.replace_document(DocumentInfo("late", "ru", "en", "x", "sig", {}),
                                        [Unit(id="late:1", doc="late", source="Поздний.")])
    finally:
        assert holder.wait(timeout=60) == 0
    assert {doc for doc, *_ in snapshot(pg_url)} == {"holder"}


def test_build_killed_at_any_moment_leaves_old_or_new(pg_url: str, pg_cluster: Cluster, tmp_path: Path) -> None:
    """Kill the real CLI while it builds a big file: whatever the moment, the store is whole."""
    report = example_path().read_text(encoding="utf-8")
    big = tmp_path / "report.txt"
    big.write_text("\n\n".join([report] * 10), encoding="utf-8")
    fresh = pg_url + "_fresh"
    psql(pg_cluster, f"CREATE DATABASE {fresh.rsplit('/', 1)[1]}")
    assert tmtool("build", big, "--db", fresh, "--doc", "report").code == 0
    new = snapshot(fresh)
    old = snapshot(built(pg_url))
    for delay in (0.5, 1.5, 3.0):
        proc = subprocess.Popen([sys.executable, "-m", "tm.cli", "build", str(big), "--db", pg_url, "--doc", "report"],
                                cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        assert snapshot(pg_url) in (old, new), f"mixed store after a kill at {delay} s"


def test_a_read_only_store_refuses_writes_at_the_server(pg_url: str) -> None:
    built(pg_url)
    with PostgresStore(pg_url, readonly=True) as store:
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):  # the server refuses, not only tmtool
            store.connection.execute("DELETE FROM units")
        with pytest.raises(StoreError, match="read-only"), store.writer():
            pass
    assert_one_line_error(tmtool("search", "", "--db", pg_url), "the query is empty")
