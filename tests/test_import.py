"""Import: round trips of our own exports, CAT-tool layouts written by hand, counts, and refusals."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from exports import detect_format
from tm.app import export_tm, import_files
from tm.cli import main
from tm.errors import InputError
from tm.importer import ImportResult
from tm.markup import match_form, placeholder_text
from tm.model import DocumentInfo, Unit
from tm.search import search
from tm.store import SQLiteStore, open_store

DATA = Path(__file__).parent / "data" / "import"
ROUND_TRIP_FORMATS = ("tmx", "po", "csv", "xliff")


def import_one(db: Path, path: Path, **langs: str) -> tuple[ImportResult, list[Unit]]:
    with open_store(db) as store:
        result = next(import_files(store, [path], **langs))
        return result, list(store.units())


def pair_view(unit: Unit) -> tuple[str, str, str, str]:
    # A unit without target carries no target language in TMX, PO or XLIFF.
    return (unit.source, unit.target, unit.src_lang, unit.tgt_lang if unit.target else "")


def distinct_pairs(units: list[Unit]) -> list[tuple[str, str, str, str]]:
    seen: dict[tuple[str, str], tuple[str, str, str, str]] = {}
    for u in units:
        seen.setdefault((u.source, u.target), pair_view(u))
    return list(seen.values())


# Hand-made bilingual units: markup characters, a formula-like cell, a tab, a note, a low score.
BILINGUAL = [
    Unit("b:0", "b", "Доклад <A/58/98> & \"приложение\"", "Report <A/58/98> & \"annex\"", para="1"),
    Unit("b:1", "b", "=СУММ(A1:A2) — не формула", "=SUM(A1:A2) is not a formula", para="2", score=0.42,
         flagged=True),
    Unit("b:2", "b", "Столбцы\tчерез табуляцию", "Columns\tby tab", notes=("checked",)),
    Unit("b:3", "b", "Без перевода"),
]


@pytest.fixture
def bilingual_db(tmp_path: Path) -> Path:
    db = tmp_path / "bilingual.db"
    with open_store(db) as store, store.writer() as writer:
        writer.replace_document(DocumentInfo("b", "ru", "en", "-", "hand", {}), BILINGUAL)
    return db


@pytest.mark.parametrize("fmt", ROUND_TRIP_FORMATS)
@pytest.mark.parametrize("case", ("report", "bilingual"))
def test_own_export_round_trips(fmt: str, case: str, report_db: Path, bilingual_db: Path, tmp_path: Path) -> None:
    exported = tmp_path / f"tm.{'xlf' if fmt == 'xliff' else fmt}"
    with open_store(report_db if case == "report" else bilingual_db, create=False, readonly=True) as store:
        export_tm(store, fmt, exported)
        original = list(store.units())
    result, units = import_one(tmp_path / "b.db", exported)
    assert [pair_view(u) for u in units] == distinct_pairs(original)
    assert result.added == len(units) and result.duplicates == len(original) - len(units)
    assert {u.doc for u in units} == {exported.name} and {u.origin for u in units} == {"import"}


@pytest.mark.parametrize("fmt", ("tmx", "po", "csv"))
def test_own_export_keeps_unit_fields(fmt: str, report_db: Path, tmp_path: Path) -> None:
    exported = tmp_path / f"tm.{fmt}"
    with open_store(report_db, create=False, readonly=True) as store:
        export_tm(store, fmt, exported)
        original = {(u.source, u.target): (u.para, u.kind) for u in store.units()}
    _, units = import_one(tmp_path / "b.db", exported)
    assert {(u.source, u.target): (u.para, u.kind) for u in units} == original


# Written by hand in the layout OmegaT 3.6 uses for omegat/project_save.tmx (TMX 1.1, lang=).
OMEGAT_EXPECTED = [
    ("Доклад Генерального секретаря", "Report of the Secretary-General", "ru", "en-GB", "2024-01-01T09:00:00Z",
     (("changeid", "anna"), ("changedate", "20240102T100000Z"), ("creationid", "anna"))),
    ("Международная миграция и развитие", "International migration and development", "ru", "en-GB",
     "2024-01-03T11:30:00Z", (("changeid", "boris"), ("changedate", "20240103T120000Z"), ("creationid", "boris"))),
    ("Доклад Генерального секретаря", "Report by the Secretary-General", "ru", "en-GB", "2024-01-04T08:00:00Z",
     (("file", "A_58_98.ru.txt"), ("prev", "Резюме"), ("creationid", "anna"))),
]


def test_omegat_project_save_layout(tmp_path: Path) -> None:
    result, units = import_one(tmp_path / "t.db", DATA / "omegat_project_save.tmx")
    got = [(u.source, u.target, u.src_lang, u.tgt_lang, u.created, u.props) for u in units]
    assert got == OMEGAT_EXPECTED
    assert (result.added, result.duplicates, result.skipped) == (3, 0, {})


def test_po2tmx_layout(tmp_path: Path) -> None:
    result, units = import_one(tmp_path / "t.db", DATA / "po2tmx.tmx")
    assert [(u.source, u.target, u.notes) for u in units] == [
        ("Права трудящихся-мигрантов & членов их семей", "Rights of migrant workers & members of their families",
         ("from the Convention title",)),
        ("В 2000 году число мигрантов составляло 175 миллионов.", "In 2000, the number of migrants was 175 million.", ()),
    ]
    assert result.skipped == {"empty source segment": 1}


def test_xliff_inline_codes_are_kept_as_marks_and_codes(tmp_path: Path) -> None:
    _, units = import_one(tmp_path / "t.db", DATA / "inline.xlf")
    assert [(placeholder_text(u.source), placeholder_text(u.target), u.src_lang, u.tgt_lang, u.notes)
            for u in units] == [
        ("Смотрите <1>раздел</1> II<2/>.", "See <1>section</1> II<2/>.", "ru-RU", "en-US", ("bold word",)),
        ("Без перевода", "", "ru-RU", "en-US", ()),
    ]
    assert [(c.kind, c.element, c.attrs) for c in units[0].source_codes] == [
        ("open", "g", (("id", "1"),)), ("close", "g", ()), ("isolated", "x", (("id", "2"),))]
    assert [match_form(u.source) for u in units] == ["Смотрите раздел II.", "Без перевода"]


PO_WITHOUT_SOURCE_LANGUAGE = """msgid ""
msgstr ""
"Language: en\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#. translator note
#: report.txt:3
msgid "Резюме"
msgstr "Summary"

#, fuzzy
msgid "Введение"
msgstr "Introduction"

#~ msgid "Старое"
#~ msgstr "Old"
"""


def test_po_languages_from_header_and_option(tmp_path: Path) -> None:
    po = tmp_path / "m.po"
    po.write_text(PO_WITHOUT_SOURCE_LANGUAGE, encoding="utf-8")
    with pytest.raises(InputError, match="source language"):
        import_one(tmp_path / "t.db", po)
    result, units = import_one(tmp_path / "t2.db", po, src_lang="ru")
    assert [(u.source, u.target, u.src_lang, u.tgt_lang, u.flagged) for u in units] == [
        ("Резюме", "Summary", "ru", "en", False), ("Введение", "Introduction", "ru", "en", True)]
    assert units[0].notes == ("translator note",) and units[0].props == (("x-location", "report.txt:3"),)
    assert result.skipped == {"obsolete entry": 1}


def test_duplicates_within_and_across_imports(tmp_path: Path) -> None:
    csv = tmp_path / "d.csv"
    csv.write_text("source,target,src_lang,tgt_lang\nА,A,ru,en\nБ,B,ru,en\nА,A,ru,en\nА,A2,ru,en\n", encoding="utf-8")
    db = tmp_path / "t.db"
    first, _ = import_one(db, csv)
    second, units = import_one(db, csv)
    assert (first.added, first.duplicates) == (3, 1)
    assert (second.added, second.duplicates) == (0, 4)
    assert [u.id for u in units] == ["d.csv:0000000", "d.csv:0000001", "d.csv:0000002"]


def store_checksum(db: Path) -> str:
    """Units and the search tables beside them (a refused file must leave all of them as they were)."""
    queries = ("SELECT * FROM units ORDER BY seq", "SELECT * FROM unit_lengths ORDER BY seq",
               "SELECT count(*) FROM short_fts", "SELECT * FROM common_words ORDER BY term")
    with SQLiteStore(db, create=False, readonly=True) as store:
        rows = [tuple(r) for q in queries for r in store.connection.execute(q).fetchall()]
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def test_imported_units_are_searchable(tmp_path: Path) -> None:
    csv = tmp_path / "s.csv"
    csv.write_text("source,target,src_lang,tgt_lang\nприменения,applications,ru,en\n"
                   "В 2003 году Комитет провел 5 заседаний.,In 2003 the Committee met 5 times.,ru,en\n",
                   encoding="utf-8")
    db = tmp_path / "s.db"
    import_one(db, csv)
    with SQLiteStore(db, create=False) as store:  # integrity-check is a write command
        store.connection.execute("INSERT INTO short_fts(short_fts) VALUES ('integrity-check')")
        store.connection.execute("INSERT INTO units_fts(units_fts) VALUES ('integrity-check')")
        by_letters = [h.target for h in search(store, "Мнения")]  # trigram index: no word in common
        by_words = [h.target for h in search(store, "В 2004 году Комитет провел 5 заседаний.")]
    assert by_letters == ["applications"] and by_words == ["In 2003 the Committee met 5 times."]


REFUSED = [
    ("half_bad.tmx", "half_bad.tmx:6: <tuv> without xml:lang"),
    ("malformed.tmx", "malformed.tmx:3: malformed XML"),
    ("ragged.csv", "ragged.csv:3: row has 3 cells, the header has 4"),
    ("bad_syntax.po", "bad_syntax.po:8: PO syntax error"),
    ("hostile_xxe.tmx", "hostile_xxe.tmx:1: the DOCTYPE declares entities (secret); refused for safety"),
    ("hostile_laughs.tmx", "hostile_laughs.tmx:1: the DOCTYPE declares entities"),
]


@pytest.mark.parametrize(("name", "message"), REFUSED, ids=[r[0] for r in REFUSED])
def test_bad_file_is_refused_and_adds_nothing(name: str, message: str, report_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    db.write_bytes(report_db.read_bytes())
    before = store_checksum(db)
    with open_store(db) as store, pytest.raises(InputError) as caught:
        list(import_files(store, [DATA / name]))
    assert str(caught.value).startswith(str(DATA / message))
    assert store_checksum(db) == before


def test_xxe_reads_no_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-42", encoding="utf-8")
    tmx = tmp_path / "x.tmx"
    tmx.write_text((DATA / "hostile_xxe.tmx").read_text(encoding="utf-8").replace("file:///etc/hostname", secret.as_uri()),
                   encoding="utf-8")
    with open_store(tmp_path / "t.db") as store:
        with pytest.raises(InputError):
            list(import_files(store, [tmx]))
        assert not any("TOP-SECRET" in u.source for u in store.units())


DETECTION = [
    ("a.tmx", b'<?xml version="1.0"?><tmx version="1.4">', "tmx"),
    ("a.xml", b'\xef\xbb\xbf<?xml version="1.0"?>\n<tmx version="1.4">', "tmx"),
    ("a.txt", b'<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">', "xliff"),
    ("messages", b'# comment\nmsgid ""\nmsgstr ""\n', "po"),
    ("a.csv", b"source,target\n", "csv"),
]


@pytest.mark.parametrize(("name", "head", "expected"), DETECTION, ids=[d[0] + "-" + d[2] for d in DETECTION])
def test_format_detection(name: str, head: bytes, expected: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes(head)
    assert detect_format(path).name == expected


@pytest.mark.parametrize(("name", "content", "message"), [
    ("empty.tmx", b"", "empty file"),
    ("notes.txt", b"just some text", "unknown file format"),
])
def test_undetectable_files(name: str, content: bytes, message: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        detect_format(path)


def test_cli_import_reports_counts_and_errors(runner: CliRunner, tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    ok = runner.invoke(main, ["import", str(DATA / "po2tmx.tmx"), "--db", db])
    assert ok.exit_code == 0, ok.output
    assert "added 2, duplicates 0, skipped 1 (empty source segment: 1)" in ok.output
    bad = runner.invoke(main, ["import", str(DATA / "malformed.tmx"), "--db", db])
    assert bad.exit_code == 1 and "malformed.tmx:3: malformed XML" in bad.output
    assert "Traceback" not in bad.output
