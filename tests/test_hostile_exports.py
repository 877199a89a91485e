"""Hostile exports: spreadsheet formulas in cells, impossible output paths, stdout, failures half-way."""
from __future__ import annotations

import csv
import errno
import io
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from contract.registry import TM_NAMES, extension, syntax
from hostile import REPO, assert_one_line_error, leftovers, tmtool

from tm import textio
from tm.cli import main
from tm.model import DocumentInfo, Unit
from tm.store import open_store

# Cells a spreadsheet would run as formulas (OWASP "CSV injection"), as sources and targets.
FORMULAS = [
    ("=SUM(A1:A9)", "=1+1"),
    ("+7 (495) 123-45-67", "+cmd|' /C calc'!A0"),
    ("-2 градуса", "-2 degrees"),
    ("@Генеральная Ассамблея", "@SUM(1)"),
    ("Обычный текст.", "Plain text."),
]
# Every registered TM format, and those written as XML, which cannot carry U+0001.
TM_FORMATS = TM_NAMES
XML_FORMATS = [name for name in TM_NAMES if syntax(("tm", name)) == "xml"]


def make_store(db: Path, pairs: list[tuple[str, str]]) -> Path:
    units = [Unit(id=f"doc:{i:05d}", doc="doc", source=s, target=t, position=i) for i, (s, t) in enumerate(pairs)]
    with open_store(db) as store, store.writer() as writer:
        writer.replace_document(DocumentInfo("doc", "ru", "en", "x", "tmtool:test", {}), units)
    return db


def csv_rows(data: bytes) -> list[dict[str, str]]:
    """Read CSV with the standard library's strict reader, independent of the pandas writer."""
    text = data.decode("utf-8")
    return list(csv.DictReader(io.StringIO(text, newline=""), strict=True))


@pytest.fixture
def formula_db(tmp_path: Path) -> Path:
    return make_store(tmp_path / "f.db", FORMULAS)


def test_formulas_are_exported_faithfully_by_default(formula_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "tm.csv"
    assert tmtool("export", "--db", formula_db, "-o", out).code == 0
    rows = csv_rows(out.read_bytes())
    assert [(r["source"], r["target"]) for r in rows] == FORMULAS


def test_formulas_are_neutralised_with_excel_safe(formula_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "tm.csv"
    assert tmtool("export", "--db", formula_db, "--excel-safe", "-o", out).code == 0
    rows = csv_rows(out.read_bytes())
    for row, (source, target) in zip(rows, FORMULAS, strict=True):
        for cell, original in ((row["source"], source), (row["target"], target)):
            expected = "'" + original if original[0] in "=+-@" else original
            assert cell == expected
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row.values())


def test_bom_is_added_only_on_request(formula_db: Path, tmp_path: Path) -> None:
    plain, bom = tmp_path / "plain.csv", tmp_path / "bom.csv"
    assert tmtool("export", "--db", formula_db, "-o", plain).code == 0
    assert tmtool("export", "--db", formula_db, "--bom", "-o", bom).code == 0
    assert not plain.read_bytes().startswith(b"\xef\xbb\xbf")
    assert bom.read_bytes() == b"\xef\xbb\xbf" + plain.read_bytes()


@pytest.mark.parametrize("fmt", TM_FORMATS)
def test_output_in_a_missing_directory_is_refused(formula_db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "no-such-dir" / f"tm{extension('tm', fmt)}"
    assert_one_line_error(tmtool("export", "--db", formula_db, "-o", out), "no-such-dir", "does not exist")
    assert not out.parent.exists()


def test_output_that_is_a_directory_is_a_usage_error(formula_db: Path, tmp_path: Path) -> None:
    """Click's usage error: exit 2, usage lines, then one error line naming the path."""
    outcome = tmtool("export", "--db", formula_db, "-o", tmp_path)
    assert outcome.code == 2 and "Traceback" not in outcome.stderr
    errors = [line for line in outcome.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and tmp_path.name in errors[0] and "directory" in errors[0]


@pytest.mark.parametrize("fmt", TM_FORMATS)
def test_dash_writes_the_same_bytes_to_stdout(formula_db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"tm{extension('tm', fmt)}"
    assert tmtool("export", "--db", formula_db, "--format", fmt, "-o", out).code == 0
    result = CliRunner().invoke(main, ["export", "--db", str(formula_db), "--format", fmt, "-o", "-"])
    assert result.exit_code == 0
    assert result.stdout_bytes == out.read_bytes()  # bytes: an XLSX is binary
    assert leftovers(tmp_path, frozenset({"f.db", out.name})) == []


@pytest.mark.parametrize("fmt", XML_FORMATS)
def test_failed_export_leaves_no_partial_file(tmp_path: Path, fmt: str) -> None:
    """A unit XML cannot carry (put in the store behind the cleaner's back) stops the writer half-way."""
    db = make_store(tmp_path / "bad.db", [("Хорошо.", "Good."), ("Плохо \x01 здесь.", "Bad.")])
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    fresh = out_dir / f"new{extension('tm', fmt)}"
    assert_one_line_error(tmtool("export", "--db", db, "-o", fresh), "U+0001")
    existing = out_dir / f"old{extension('tm', fmt)}"
    existing.write_bytes(b"previous export\n")
    assert_one_line_error(tmtool("export", "--db", db, "-o", existing), "U+0001")
    assert existing.read_bytes() == b"previous export\n"
    assert leftovers(out_dir) == [existing.name]


def test_failed_export_to_stdout_writes_nothing(tmp_path: Path) -> None:
    """Writing to '-' is spooled: a writer failing half-way leaves no partial TMX on stdout."""
    db = make_store(tmp_path / "bad.db", [("Хорошо.", "Good."), ("Плохо \x01 здесь.", "Bad.")])
    outcome = tmtool("export", "--db", db, "--format", "tmx", "-o", "-")
    assert_one_line_error(outcome, "U+0001")
    assert outcome.stdout == ""


# Round trips through our own formats: export, import into a new store, every field back.
ROUND_TRIP = [
    ("lone-cr", "до\rпосле", "before\rafter"),
    ("crlf", "строка\r\nвторая", "line\r\nsecond"),
    ("line-separator", "строка\u2028вторая\u2029третья\x85", "line\u2028second"),
]
OWN_FORMATS = ("tmx", "xliff", "po", "csv")


def exported_and_imported(db: Path, tmp_path: Path, fmt: str) -> list[Unit]:
    out = tmp_path / f"tm{extension('tm', fmt)}"
    assert tmtool("export", "--format", fmt, "-o", out, "--db", db).code == 0
    again = tmp_path / f"again-{fmt}.db"
    outcome = tmtool("import", out, "--db", again)
    assert outcome.code == 0, outcome.stderr
    with open_store(again, create=False) as store:
        return list(store.units())


@pytest.mark.parametrize("case, source, target", ROUND_TRIP, ids=[c[0] for c in ROUND_TRIP])
@pytest.mark.parametrize("fmt", OWN_FORMATS)
def test_line_breaks_of_every_kind_survive_a_round_trip(tmp_path: Path, fmt: str, case: str, source: str,
                                                        target: str) -> None:
    db = make_store(tmp_path / "r.db", [(source, target)])
    (unit,) = exported_and_imported(db, tmp_path, fmt)
    assert (unit.source, unit.target) == (source, target)


def test_csv_cell_with_a_lone_cr_is_quoted(tmp_path: Path) -> None:
    db = make_store(tmp_path / "cr.db", [("до\rпосле", "before\rafter")])
    out = tmp_path / "tm.csv"
    assert tmtool("export", "-o", out, "--db", db).code == 0
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8"), newline="")))
    assert len(rows) == 2 and rows[1][1:3] == ["до\rпосле", "before\rafter"]


def test_csv_export_has_the_notes_column_import_reads(tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    unit = Unit(id="doc:00000", doc="doc", source="Текст.", target="Text.", notes=("проверить",))
    with open_store(db) as store, store.writer() as writer:
        writer.replace_document(DocumentInfo("doc", "ru", "en", "0", "test", {}), [unit])
    (back,) = exported_and_imported(db, tmp_path, "csv")
    assert csv_rows((tmp_path / "tm.csv").read_bytes())[0]["notes"] == "проверить"
    assert back.notes == ("проверить",)


def device_copy(tmp_path: Path, name: str, major: int, minor: int) -> Path:
    """A character device node in tmp_path (a copy of /dev/full, /dev/null), or skip when mknod is refused."""
    node = tmp_path / name
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(major, minor))
    except (PermissionError, OSError) as err:
        pytest.skip(f"cannot make a device node here: {err}")
    return node


def test_export_onto_a_device_writes_into_it_and_reports_disk_full(formula_db: Path, tmp_path: Path) -> None:
    full = device_copy(tmp_path, "full", 1, 7)
    outcome = tmtool("export", "--format", "tmx", "-o", full, "--db", formula_db)
    assert_one_line_error(outcome, str(full), "No space left on device")
    assert stat.S_ISCHR(os.lstat(full).st_mode)  # the node is still a device, not a regular file
    assert leftovers(tmp_path, keep=frozenset({"full", "f.db"})) == []


def test_export_onto_a_symlink_writes_through_to_its_target(formula_db: Path, tmp_path: Path) -> None:
    real = tmp_path / "real.tmx"
    real.write_bytes(b"old")
    link = tmp_path / "link.tmx"
    link.symlink_to(real.name)
    assert tmtool("export", "-o", link, "--db", formula_db).code == 0
    assert link.is_symlink() and os.readlink(link) == "real.tmx"
    assert real.read_bytes().startswith(b"<?xml")


def enospc(*args: object, **kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_permission_denied_on_output_is_one_line(formula_db: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(textio.tempfile, "mkstemp", denied)  # as root, a read-only directory would not stop us
    assert_one_line_error(tmtool("export", "-o", tmp_path / "tm.tmx", "--db", formula_db), "tm.tmx",
                          "Permission denied")


def test_disk_full_on_stdout_is_one_line(formula_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textio.shutil, "copyfileobj", enospc)  # simulated: no small full filesystem here
    assert_one_line_error(tmtool("export", "--format", "tmx", "--db", formula_db), "stdout", "No space left")


class FullAfter:
    """os.fdopen whose streams fail with ENOSPC from the n-th file opened on (a simulated full disk)."""

    def __init__(self, n: int) -> None:
        self.n, self.opened, self.real = n, 0, os.fdopen

    def __call__(self, fd: int, mode: str = "r") -> Any:
        self.opened += 1
        stream = self.real(fd, mode)
        if self.opened >= self.n:
            stream.write = enospc  # type: ignore[method-assign]
        return stream


@pytest.mark.parametrize("existing", [False, True], ids=["new-dir", "existing-dir"])
def test_out_dir_on_a_full_disk_gets_every_file_or_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        existing: bool) -> None:
    source = tmp_path / "doc.txt"
    source.write_text("Первое предложение. Второе предложение.\n", encoding="utf-8")
    out = tmp_path / "out"
    if existing:
        out.mkdir()
        (out / "tm.tmx").write_bytes(b"previous")
    monkeypatch.setattr(textio.os, "fdopen", FullAfter(3))
    outcome = tmtool("build", source, "--db", tmp_path / "b.db", "--out-dir", out)
    assert_one_line_error(outcome, "No space left")
    if existing:
        assert os.listdir(out) == ["tm.tmx"] and (out / "tm.tmx").read_bytes() == b"previous"
    else:
        assert not out.exists()


SIGTERM_DURING_EXPORT = """
import os, signal, sys
import exports.tmx
real = exports.tmx.write_document
def killed_half_way(stream, header, blocks, footer):
    stream.write(b"<?xml" + b" " * 100_000)
    os.kill(os.getpid(), signal.SIGTERM)
    real(stream, header, blocks, footer)
exports.tmx.write_document = killed_half_way
from tm.cli import main
main(sys.argv[1:])
"""


def test_sigterm_during_export_leaves_no_temporary_file(formula_db: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "o"
    out_dir.mkdir()
    done = subprocess.run([sys.executable, "-c", SIGTERM_DURING_EXPORT, "export", "-o", out_dir / "t.tmx",
                           "--db", formula_db], capture_output=True, text=True, timeout=120, check=False,
                          cwd=REPO)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert os.listdir(out_dir) == []
