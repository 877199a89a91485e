"""XLSX of the memory and the termbase, read back with openpyxl: sheets, frozen header, widths, text cells."""
from __future__ import annotations

import io
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hostile import tmtool
from openpyxl import load_workbook

from exports import ExportContext, get_format
from tm.errors import FormatError
from tm.model import Unit
from tm.store import open_store

CTX = ExportContext(created=datetime(2024, 3, 1, 12, 30, tzinfo=timezone.utc), signature="tmtool:test|xlsx")
UNITS = [
    Unit(id="a:0000000", doc="a", source="Резюме", target="Summary", kind="heading"),
    Unit(id="a:0000001", doc="a", source="=SUM(A1:A9)", target="+7 (495) 123-45-67", para="12", score=0.41,
         flagged=True, notes=("первая", "вторая")),
    Unit(id="b:0000000", doc="b", source="Hello.", target="Bonjour.", src_lang="en", tgt_lang="fr"),
]


def workbook(kind: str, items: list, ctx: ExportContext = CTX):  # type: ignore[no-untyped-def]
    stream = io.BytesIO()
    get_format(kind, "xlsx").dump(items, stream, ctx)
    return load_workbook(io.BytesIO(stream.getvalue())), stream.getvalue()


def test_one_sheet_per_language_pair_with_a_frozen_header() -> None:
    book, _ = workbook("tm", UNITS)
    assert book.sheetnames == ["ru-en", "en-fr"]
    sheet = book["ru-en"]
    assert sheet.freeze_panes == "A2"
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == ["id", "source", "target", "doc", "para", "kind", "score", "flagged", "notes"]
    assert rows[2] == ["a:0000001", "=SUM(A1:A9)", "+7 (495) 123-45-67", "a", "12", "sentence", "0.410", "yes",
                       "первая\nвторая"]
    assert [[c.value for c in row] for row in book["en-fr"].iter_rows()][1][:3] == ["b:0000000", "Hello.", "Bonjour."]


def test_a_leading_equals_sign_is_text_not_a_formula() -> None:
    book, _ = workbook("tm", UNITS)
    cell = book["ru-en"]["B3"]
    assert cell.value == "=SUM(A1:A9)" and cell.data_type == "s"


def test_columns_are_as_wide_as_their_text_within_bounds() -> None:
    long = Unit(id="c:0000000", doc="c", source="слово " * 40, target="")
    book, _ = workbook("tm", [*UNITS[:2], long])
    widths = {letter: d.width for letter, d in book["ru-en"].column_dimensions.items()}
    assert widths["B"] == 80  # the long source, capped
    assert widths["A"] == len("a:0000001") + 2
    assert widths["H"] == len("flagged") + 2  # the header is the longest


def test_the_signature_and_export_time_are_the_workbook_properties() -> None:
    book, data = workbook("tm", UNITS)
    assert book.properties.description == CTX.signature
    assert book.properties.created == book.properties.modified == datetime(2024, 3, 1, 12, 30)
    assert workbook("tm", UNITS)[1] == data  # reproducible, byte for byte


@pytest.mark.parametrize(("text", "message"), [("a\x07b", r"U\+0007"), ("я" * 40_000, "32767")])
def test_what_a_cell_cannot_hold_is_refused_not_dropped(text: str, message: str) -> None:
    with pytest.raises(FormatError, match=message):
        workbook("tm", [Unit(id="d:0000000", doc="d", source=text)])


def test_the_cli_writes_memory_and_termbase_sheets(report_db: Path, tmp_path: Path) -> None:
    memory, terms = tmp_path / "tm.xlsx", tmp_path / "terms.xlsx"
    assert tmtool("export", "--db", report_db, "-o", memory).code == 0
    assert tmtool("terms", "export", "--db", report_db, "-o", terms).code == 0
    with open_store(report_db, create=False, readonly=True) as store:
        sources = [u.source for u in store.units()]
    sheet = load_workbook(memory, read_only=True)["ru-en"]
    assert [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)] == sources
    book = load_workbook(terms)
    assert book.sheetnames == ["termbase ru-en"] and book.active.freeze_panes == "A2"
    header = next(book.active.iter_rows(max_row=1, values_only=True))
    assert header[:4] == ("id", "kind", "ru_acronym", "ru_full_form")
