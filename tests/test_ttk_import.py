"""The formats tmtool reads through translate-toolkit (exports.ttk): XLIFF 2.0, Qt TS, MO, TBX 2008.

Real files where a real tool makes them (msgfmt makes the MO from a PO; tmtool's own TBX export is
read back); the TS and XLIFF 2.0 samples are written by hand (tests/data/README.md). Each case
lists what every unit must carry: source, target, languages, flag, notes and props.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from hostile import assert_one_line_error, store_snapshot, tmtool

from exports import FORMATS, detect_format, format_names
from tm.app import example_path
from tm.model import Skipped, Unit

DATA = Path(__file__).parent / "data" / "import"
PO_FOR_MO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: en\\n"

#. a comment msgfmt leaves out
#: A_70_59.ru.txt:3
msgid "Генеральная Ассамблея"
msgstr "General Assembly"

msgctxt "heading"
msgid "Резюме"
msgstr "Summary"

#, fuzzy
msgid "Доклад"
msgstr "Report"

msgid "Без перевода"
msgstr ""
"""

# (source, target, src_lang, tgt_lang, flagged, notes, props) of every unit, in file order; "skip:" a Skipped.
TS_UNITS = [
    ("Открыть доклад", "Open the report", "ru-RU", "en-US", False, (),
     (("x-context", "MainWindow"), ("x-location", "../src/mainwindow.cpp:42"))),
    ("Сохранить память переводов", "Save the translation memory", "ru-RU", "en-US", True, (),
     (("x-context", "MainWindow"), ("x-comment", "File menu"), ("x-location", "../src/mainwindow.cpp:57"))),
    ("Выход", "", "ru-RU", "en-US", False, ("Keep it short: the button is narrow.",), (("x-context", "MainWindow"),)),
    "skip:obsolete",
    ("Открыть доклад", "Open a report", "ru-RU", "en-US", False, (), (("x-context", "ExportDialog"),)),
]
XLIFF2_UNITS = [
    ("Генеральная Ассамблея", "General Assembly", "ru", "en", False, ("heading",), (("x-xliff-id", "u1"),)),
    ("Доклад Генерального секретаря", "Report of the Secretary-General", "ru", "en", False, (),
     (("x-xliff-id", "u2"),)),
    ("Предварительная повестка дня", "", "ru", "en", False, (), (("x-xliff-id", "u3"),)),
]
# msgfmt orders messages by msgctxt+msgid bytes, drops comments, the fuzzy and the untranslated one.
MO_UNITS = [
    ("Резюме", "Summary", "", "en", False, (), (("x-context", "heading"),)),
    ("Генеральная Ассамблея", "General Assembly", "", "en", False, (), ()),
]


def described(records: list[Unit | Skipped]) -> list[object]:
    return [f"skip:{r.reason}" if isinstance(r, Skipped) else
            (r.source, r.target, r.src_lang, r.tgt_lang, r.flagged, r.notes, r.props) for r in records]


def read(path: Path) -> tuple[str, list[Unit | Skipped]]:
    fmt = detect_format(path)
    assert fmt.load is not None
    with path.open("rb") as stream:
        return fmt.name, list(fmt.load(stream, str(path)))


@pytest.fixture(scope="module")
def mo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("msgfmt") is None:
        pytest.skip("msgfmt (gettext) is not installed")
    folder = tmp_path_factory.mktemp("mo")
    (folder / "report.po").write_text(PO_FOR_MO, encoding="utf-8")
    subprocess.run(["msgfmt", "-o", str(folder / "report.mo"), str(folder / "report.po")], check=True)
    return folder / "report.mo"


@pytest.mark.parametrize(("name", "expected_format", "expected"), [
    ("qt_linguist.ts", "ts", TS_UNITS),
    ("report.xliff2.xlf", "xliff2", XLIFF2_UNITS),
])
def test_hand_written_files_read_with_notes_flags_and_contexts(name: str, expected_format: str,
                                                               expected: list[object]) -> None:
    fmt, records = read(DATA / name)
    assert fmt == expected_format
    assert described(records) == expected


def test_an_mo_made_by_msgfmt_reads_back(mo_file: Path) -> None:
    fmt, records = read(mo_file)
    assert fmt == "mo" and described(records) == MO_UNITS


def test_xliff_1_2_and_2_0_are_told_apart() -> None:
    assert detect_format(DATA / "inline.xlf").name == "xliff"
    assert detect_format(DATA / "report.xliff2.xlf").name == "xliff2"


def test_read_only_formats_are_not_offered_for_export() -> None:
    read_only = {name for (kind, name), f in FORMATS.items() if f.dump is None}
    assert read_only == {"ts", "mo", "xliff2", "tbx"}
    assert not read_only & set(format_names("tm"))
    for name in ("ts", "mo", "xliff2"):
        assert tmtool("export", "--format", name, "-o", "-").code == 2


def test_tmtool_import_takes_a_ts_file(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    done = tmtool("import", DATA / "qt_linguist.ts", "--db", db)
    assert done.code == 0, done.stderr
    assert "ts, added 4, duplicates 0, skipped 1 (obsolete: 1)" in done.stdout
    out = tmp_path / "out.po"
    assert tmtool("export", "-o", out, "--db", db).code == 0
    po = out.read_text(encoding="utf-8")
    # The context, location, unfinished flag and translator's note survive into the PO export.
    assert '#. document: qt_linguist.ts\n#. kind: sentence\n#: ../src/mainwindow.cpp:57\n#, fuzzy\nmsgctxt "MainWindow"' in po
    assert "#. Keep it short: the button is narrow." in po and 'msgctxt "ExportDialog"' in po


def test_an_mo_without_source_language_is_refused_in_one_line(mo_file: Path, tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    assert tmtool("import", DATA / "report.xliff2.xlf", "--db", db).code == 0
    before = store_snapshot(db)
    assert_one_line_error(tmtool("import", mo_file, "--db", db), "report.mo", "--src-lang")
    assert store_snapshot(db) == before
    done = tmtool("import", mo_file, "--src-lang", "ru", "--db", db)
    assert done.code == 0 and "mo, added 1, duplicates 1" in done.stdout, done.stdout + done.stderr


def test_tmtools_tbx_reads_back_as_term_pairs(tmp_path: Path) -> None:
    """The 2008 TBX tmtool writes: each entry with an English term becomes an en -> ru term pair."""
    db = tmp_path / "t.db"
    assert tmtool("build", example_path(), "--db", db).code == 0
    tbx = tmp_path / "terms.tbx"
    assert tmtool("terms", "export", "-o", tbx, "--db", db).code == 0
    fmt, records = read(tbx)
    units = [r for r in records if isinstance(r, Unit)]
    assert fmt == "tbx" and units
    assert ("General Assembly", "Генеральная Ассамблея") in {(u.source, u.target) for u in units}
    assert {(u.src_lang, u.tgt_lang) for u in units} == {("en", "ru")}
    assert all(r.reason == "no source text" for r in records if isinstance(r, Skipped))  # names with no English


@pytest.mark.parametrize(("name", "content", "says"), [
    ("broken.ts", b"<?xml version='1.0'?>\n<TS version='2.1'><context><name>A</name>", "not a readable Qt TS file"),
    ("broken.mo", b"\xde\x12\x04\x95\x00\x00", "not a readable gettext MO file"),
    ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is a PNG image"),  # binary refusal kept for others
    ("v3.tbx", b"<?xml version='1.0'?>\n<tbx type='TBX-Basic' style='dca'><text/></tbx>\n", "TBX 2008"),
])
def test_a_broken_file_is_one_line_and_adds_nothing(tmp_path: Path, name: str, content: bytes, says: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    db = tmp_path / "t.db"
    assert tmtool("import", DATA / "report.xliff2.xlf", "--db", db).code == 0
    before = store_snapshot(db)
    assert_one_line_error(tmtool("import", path, "--db", db), name, says)
    assert store_snapshot(db) == before
