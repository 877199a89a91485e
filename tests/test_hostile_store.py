"""Hostile stores: foreign or newer databases, read-only files, concurrent writers, killed builds.

A store must never be changed by a command that refuses it, and a build killed half-way must
leave the old state or the new one, never a mix: the store writes a document in one transaction.
"""
from __future__ import annotations

import ctypes
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile import REPO, Outcome, assert_one_line_error, sha, store_snapshot, tmtool, tmtool_process

from tm.app import example_path
from tm.errors import StoreError
from tm.model import DocumentInfo, Unit
from tm.store import SQLiteStore, open_store
from tm.store import sqlite as sqlite_module
from tm.store.sqlite import SQLiteWriter


def sqlite_file(path: Path, *statements: str) -> Path:
    with sqlite3.connect(path) as conn:
        for statement in statements:
            conn.execute(statement)
    conn.close()
    return path


def foreign_sqlite(tmp_path: Path) -> Path:
    return sqlite_file(tmp_path / "contacts.db", "CREATE TABLE people (name TEXT)", "INSERT INTO people VALUES ('x')")


def text_file(tmp_path: Path) -> Path:
    path = tmp_path / "notes.db"
    path.write_text("this is not a database\n" * 50, encoding="utf-8")
    return path


def newer_store(tmp_path: Path) -> Path:
    db = tmp_path / "newer.db"
    assert tmtool("build", example_path(), "--db", db).code == 0
    return sqlite_file(db, "PRAGMA user_version = 99")


# (case id, how to make the file, words the error must contain)
FOREIGN = [
    ("other-sqlite-database", foreign_sqlite, "not a tmtool store"),
    ("not-sqlite-at-all", text_file, "not a tmtool store"),
    ("newer-schema-version", newer_store, "newer than this tmtool understands"),
]
COMMANDS = [
    ("build", lambda db: ("build", example_path(), "--db", db)),
    ("export", lambda db: ("export", "--db", db, "--format", "tmx", "-o", "-")),
    ("stats", lambda db: ("stats", "--db", db)),
]


@pytest.mark.parametrize("command, args", COMMANDS, ids=[c[0] for c in COMMANDS])
@pytest.mark.parametrize("case, make, message", FOREIGN, ids=[c[0] for c in FOREIGN])
def test_foreign_store_is_refused_untouched(tmp_path: Path, case: str, make: object, message: str,
                                            command: str, args: object) -> None:
    db = make(tmp_path)  # type: ignore[operator]
    before = sha(db)
    outcome = tmtool(*args(db))  # type: ignore[operator]
    assert_one_line_error(outcome, db.name, message)
    assert sha(db) == before
    assert not Path(f"{db}-journal").exists()


def test_store_in_a_missing_directory_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "no-such-dir" / "t.db"
    assert_one_line_error(tmtool("build", example_path(), "--db", db), "no-such-dir", "does not exist")
    assert not db.parent.exists()


# Linux capabilities that let root write where file modes say no, and prctl's PR_CAPBSET_DROP.
PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER = 1, 2, 3


def drop_root_overrides() -> None:
    """In the child before exec: give up root's power to ignore file modes, so read-only means read-only."""
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) refused")


def as_ordinary_user(*args: str | Path) -> Outcome:
    if os.geteuid() != 0:
        return tmtool_process(*args)
    try:
        return tmtool_process(*args, preexec_fn=drop_root_overrides)
    except (OSError, subprocess.SubprocessError) as err:
        pytest.skip(f"running as root and cannot drop CAP_DAC_OVERRIDE, so no file is read-only here ({err})")


def test_read_only_store_refuses_writes_and_still_reads(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    db = folder / "ro.db"
    assert tmtool("build", example_path(), "--db", db).code == 0
    source = folder / "new.txt"
    source.write_text("Новый документ. Его нельзя записать.\n", encoding="utf-8")
    db.chmod(0o444)
    folder.chmod(0o555)
    before = sha(db)
    try:
        refused = as_ordinary_user("build", source, "--db", db)
        assert_one_line_error(refused, db.name, "readonly")
        read = as_ordinary_user("stats", "--db", db)
    finally:
        folder.chmod(0o755)
    assert read.code == 0, read.stderr
    assert "1 document," in read.stdout
    assert sha(db) == before


def hold_write_lock(db: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process that opens a write transaction, says LOCKED, holds it, then commits a document."""
    code = (
        "import sys, time\n"
        "from tm.model import DocumentInfo\n"
        "from tm.store import open_store\n"
        "from tm.model import Unit\n"
        "def units():\n"
        "    yield Unit(id='holder:1', doc='holder', source='Держатель.')\n"
        "    print('LOCKED', flush=True)\n"
        "    time.sleep(float(sys.argv[2]))\n"
        "with open_store(sys.argv[1]) as store, store.writer() as writer:\n"
        "    writer.replace_document(DocumentInfo('holder', 'ru', 'en', 'x', 'sig', {}), units())\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code, str(db), str(seconds)], stdout=subprocess.PIPE,
                            text=True, cwd=REPO)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "LOCKED"
    return proc


def test_second_writer_waits_for_the_first(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    open_store(db).close()
    holder = hold_write_lock(db, 2.0)
    outcome = tmtool("build", example_path(), "--db", db)
    assert holder.wait(timeout=60) == 0
    assert outcome.code == 0, outcome.stderr
    docs = {doc for doc, *_ in store_snapshot(db)}
    assert docs == {"holder", example_path().name}


def test_second_writer_that_cannot_wait_fails_cleanly(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    open_store(db).close()
    holder = hold_write_lock(db, 3.0)
    try:
        with SQLiteStore(db) as store:
            store.connection.execute("PRAGMA busy_timeout = 200")
            with pytest.raises(StoreError, match="locked"), store.writer() as writer:
                writer.replace_document(DocumentInfo("late", "ru", "en", "x", "sig", {}),
                                        [Unit(id="late:1", doc="late", source="Поздний.")])
    finally:
        assert holder.wait(timeout=60) == 0
    assert {doc for doc, *_ in store_snapshot(db)} == {"holder"}


KILLED_WRITER = (
    "import sys, time\n"
    "from tm.model import DocumentInfo\n"
    "from tm.store import open_store\n"
    "from tm.model import Unit\n"
    "def units():\n"
    "    for i in range(60000):\n"
    "        if i == 40000:\n"
    "            print('HALFWAY', flush=True)\n"
    "            time.sleep(600)\n"
    "        yield Unit(id=f'{i}', doc='report', source=f'новый текст {i} ' * 10, position=i)\n"
    "with open_store(sys.argv[1]) as store, store.writer() as writer:\n"
    "    writer.replace_document(DocumentInfo('report', 'ru', 'en', 'new', 'sig', {}), units())\n"
)


def test_write_killed_mid_transaction_leaves_the_old_state(tmp_path: Path) -> None:
    """Kill -9 a writer after 40,000 of its units went into the transaction, enough to spill into the file."""
    db = tmp_path / "t.db"
    assert tmtool("build", example_path(), "--db", db, "--doc", "report").code == 0
    old, old_size = store_snapshot(db), db.stat().st_size
    writer = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(db)], stdout=subprocess.PIPE,
                              text=True, cwd=REPO)
    assert writer.stdout is not None and writer.stdout.readline().strip() == "HALFWAY"
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=60)
    assert Path(f"{db}-journal").exists(), "the kill should have left SQLite's rollback journal"
    assert db.stat().st_size > old_size, "the killed transaction should have written into the file"
    stats = tmtool("stats", "--db", db)  # read-only commands must work right after the crash
    assert stats.code == 0, stats.stderr
    assert store_snapshot(db) == old


def test_build_killed_at_any_moment_leaves_old_or_new(tmp_path: Path) -> None:
    """Kill the real CLI while it builds a big file: whatever the moment, the store is whole."""
    report = example_path().read_text(encoding="utf-8")
    big = tmp_path / "report.txt"
    big.write_text("\n\n".join([report] * 20), encoding="utf-8")
    fresh = tmp_path / "fresh.db"
    assert tmtool("build", big, "--db", fresh, "--doc", "report").code == 0
    new = store_snapshot(fresh)
    db = tmp_path / "t.db"
    assert tmtool("build", example_path(), "--db", db, "--doc", "report").code == 0
    old = store_snapshot(db)
    for delay in (0.5, 1.5, 3.0):
        proc = subprocess.Popen([sys.executable, "-m", "tm.cli", "build", str(big), "--db", str(db),
                                 "--doc", "report"], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        now = store_snapshot(db)
        assert now in (old, new), f"mixed store after a kill at {delay} s"


def test_db_on_a_device_is_refused_and_nothing_is_left_beside_it(tmp_path: Path) -> None:
    null = tmp_path / "null"
    try:
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a copy of /dev/null: the real one is never used
    except OSError as err:
        pytest.skip(f"cannot make a device node here: {err}")
    for command in (("stats",), ("search", "текст"), ("export", "--format", "tmx")):
        assert_one_line_error(tmtool(*command, "--db", null), str(null), "not a regular file")
    assert sorted(os.listdir(tmp_path)) == ["null"]


def test_db_on_a_fifo_is_refused_instead_of_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.db"
    os.mkfifo(fifo)
    assert_one_line_error(tmtool_process("stats", "--db", fifo, timeout=60), "fifo.db", "not a regular file")


def test_rebuild_on_a_full_disk_says_disk_full_in_one_line(report_db: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "full.db"
    db.write_bytes(report_db.read_bytes())
    before = sha(db)

    def full_disk(self: SQLiteWriter, info: DocumentInfo, units: object) -> None:
        # What SQLite does on SQLITE_FULL: it rolls the transaction back itself, then reports.
        self._conn.execute("ROLLBACK")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(SQLiteWriter, "replace_document", full_disk)
    outcome = tmtool("build", "--example", "--db", db)
    assert_one_line_error(outcome, "full.db", "database or disk is full")
    assert sha(db) == before


def test_new_store_on_a_full_disk_is_not_left_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full_disk(script: str) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(sqlite_module, "schema_statements", full_disk)
    db = tmp_path / "new.db"
    assert_one_line_error(tmtool("build", "--example", "--db", db), "new.db", "disk is full")
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("query", ["", "   "], ids=["empty", "spaces"])
def test_empty_query_says_so(report_db: Path, query: str) -> None:
    assert_one_line_error(tmtool("search", query, "--db", report_db), "the query is empty")


@pytest.mark.parametrize("mode", [(), ("--concordance",)], ids=["fuzzy", "concordance"])
def test_query_length_is_capped(report_db: Path, mode: tuple[str, ...]) -> None:
    query = "миграция " * 40_000  # 360 KB: 20 s of concordance search without the cap
    assert_one_line_error(tmtool("search", *mode, query, "--db", report_db), "360,000 characters", "at most")


def test_query_length_is_capped_in_a_batch_file(report_db: Path, tmp_path: Path) -> None:
    batch = tmp_path / "queries.txt"
    batch.write_text("доклад\n" + "миграция " * 1000 + "\n", encoding="utf-8")
    assert_one_line_error(tmtool("search", "--batch", batch, "--db", report_db), "queries.txt:2", "at most")
