"""The plain-text export: layout cases written by hand, and the report's text as a fixed point of build."""
from __future__ import annotations

import io
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hostile import store_snapshot, tmtool

from exports import ExportContext, get_format
from tm.model import HEADING, SENTENCE, DocumentInfo, Unit
from tm.store import open_store

# A unit as (doc, block, kind, para, source); each case lists units in store order and the text by hand.
CASES = [
    (
        "heading-and-numbered-paragraph",
        [("d", 0, HEADING, "I", "Введение"),
         ("d", 1, SENTENCE, "1", "Первое предложение."),
         ("d", 1, SENTENCE, "1", "Второе предложение.")],
        "I. Введение\n\n1. Первое предложение. Второе предложение.\n",
    ),
    (
        "unnumbered-blocks",
        [("d", 0, HEADING, "", "Резюме"),
         ("d", 1, SENTENCE, "", "Текст резюме."),
         ("d", 2, SENTENCE, "", "Ещё абзац."),
         ("d", 2, SENTENCE, "", "Его конец.")],
        "Резюме\n\nТекст резюме.\n\nЕщё абзац. Его конец.\n",
    ),
    (
        "number-still-in-text-is-not-doubled",
        [("d", 0, SENTENCE, "12", "12. Текст с номером."),
         ("d", 1, SENTENCE, "13", "Текст без номера.")],
        "12. Текст с номером.\n\n13. Текст без номера.\n",
    ),
    (
        "two-documents",
        [("a", 0, HEADING, "A", "Первый"),
         ("a", 1, SENTENCE, "1", "Раз."),
         ("b", 0, HEADING, "B", "Второй"),
         ("b", 1, SENTENCE, "1", "Два.")],
        "A. Первый\n\n1. Раз.\n\nB. Второй\n\n1. Два.\n",
    ),
    (
        "imported-units-without-blocks",
        [("m", 0, HEADING, "II", "Деятельность"),
         ("m", 0, SENTENCE, "4", "Первое."),
         ("m", 0, SENTENCE, "4", "Второе."),
         ("m", 0, SENTENCE, "5", "Третье."),
         ("m", 0, HEADING, "", "Выводы"),
         ("m", 0, SENTENCE, "", "Без номера."),
         ("m", 0, SENTENCE, "", "Тоже.")],
        "II. Деятельность\n\n4. Первое. Второе.\n\n5. Третье.\n\nВыводы\n\nБез номера. Тоже.\n",
    ),
    ("empty-store", [], ""),
]
CONTEXT = ExportContext(created=datetime(2024, 1, 1, tzinfo=timezone.utc), signature="test")


def make_units(rows: list[tuple[str, int, str, str, str]]) -> list[Unit]:
    return [Unit(id=f"{doc}:{i:05d}", doc=doc, block=block, kind=kind, para=para, source=source, position=i)
            for i, (doc, block, kind, para, source) in enumerate(rows)]


@pytest.mark.parametrize("case, rows, expected", CASES, ids=[c[0] for c in CASES])
def test_layout(case: str, rows: list[tuple[str, int, str, str, str]], expected: str) -> None:
    stream = io.BytesIO()
    get_format("tm", "txt").dump(make_units(rows), stream, CONTEXT)
    assert stream.getvalue().decode("utf-8") == expected


def test_cli_takes_txt_from_the_extension_and_bom_on_request(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    units = make_units(CASES[0][1])
    with open_store(db) as store, store.writer() as writer:
        writer.replace_document(DocumentInfo("d", "ru", "en", "x", "sig", {}), units)
    out, bom = tmp_path / "doc.txt", tmp_path / "bom.txt"
    assert tmtool("export", "--db", db, "-o", out).code == 0
    assert out.read_text(encoding="utf-8") == CASES[0][2]
    assert tmtool("export", "--db", db, "--format", "txt", "--bom", "-o", bom).code == 0
    assert bom.read_bytes() == b"\xef\xbb\xbf" + out.read_bytes()


def test_report_text_rebuilds_into_the_same_units(report_db: Path, tmp_path: Path) -> None:
    """The exported text is the repaired document: building it again changes nothing and repairs nothing."""
    text = tmp_path / "report.txt"
    assert tmtool("export", "--db", report_db, "--format", "txt", "-o", text).code == 0
    rebuilt = tmp_path / "rebuilt.db"
    with open_store(report_db, create=False, readonly=True) as store:
        (doc,) = store.documents()
        original = [(u.source, u.para, u.kind, u.block) for u in store.units()]
    outcome = tmtool("build", text, "--doc", doc.name, "--db", rebuilt)
    assert outcome.code == 0, outcome.stderr
    with open_store(rebuilt, create=False, readonly=True) as store:
        again = [(u.source, u.para, u.kind, u.block) for u in store.units()]
        (rebuilt_doc,) = store.documents()
    assert again == original
    assert rebuilt_doc.summary["repairs"] == 0
    assert len(store_snapshot(rebuilt)) == len(original)


def test_imported_memory_gives_back_the_same_text(report_db: Path, tmp_path: Path) -> None:
    """Our TMX imported into a new store keeps no blocks, yet its text export is the original text."""
    original, tmx, again = tmp_path / "original.txt", tmp_path / "report.tmx", tmp_path / "again.txt"
    assert tmtool("export", "--db", report_db, "-o", original).code == 0
    assert tmtool("export", "--db", report_db, "-o", tmx).code == 0
    imported = tmp_path / "imported.db"
    assert tmtool("import", tmx, "--db", imported).code == 0
    assert tmtool("export", "--db", imported, "-o", again).code == 0
    assert again.read_text(encoding="utf-8") == original.read_text(encoding="utf-8")
