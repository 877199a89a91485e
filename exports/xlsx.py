"""XLSX writer (pandas, openpyxl): the memory one sheet per language pair, the termbase one sheet.

Each sheet has a bold, frozen header row and columns as wide as their text (within bounds).
Every cell is text: a value starting with "=" stays a string, never a formula. The file is
reproducible: its dates are the export time and its zip entries carry that time too.
"""
from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, BinaryIO

from exports.base import ExportContext, Format
from exports.delimited import unit_row
from exports.termbase_tables import CSV_COLUMNS, entry_row
from glossary.model import TermEntry
from tm.errors import FormatError
from tm.model import Unit

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

UNIT_COLUMNS = ("id", "source", "target", "doc", "para", "kind", "score", "flagged", "notes")
# The CSV row's cells that a sheet keeps (languages are the sheet's name, the signature a property).
UNIT_CELLS = (0, 1, 2, 5, 6, 7, 8, 9, 10)
MAX_CELL = 32_767  # characters Excel holds in one cell
MIN_WIDTH, MAX_WIDTH = 6, 80
# Characters an XLSX cell cannot hold (XML 1.0 forbids them), as openpyxl refuses them.
ILLEGAL = frozenset(chr(c) for c in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)))


def checked(value: str, where: str) -> str:
    """A cell's text, refused when Excel could not hold it (nothing is dropped silently)."""
    bad = next((c for c in value if c in ILLEGAL), None)
    if bad is not None:
        raise FormatError(f"{where}: character U+{ord(bad):04X} cannot be written in an XLSX cell")
    if len(value) > MAX_CELL:
        raise FormatError(f"{where}: {len(value)} characters, more than the {MAX_CELL} an XLSX cell holds")
    return value


def unit_cells(unit: Unit, ctx: ExportContext) -> list[str]:
    row = unit_row(unit, ctx)
    return [checked(str(row[i]), f"unit {unit.id}") for i in UNIT_CELLS]


def sheet_layout(sheet: Worksheet, columns: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Freeze the header row, size each column to its longest line, keep every cell a string."""
    sheet.freeze_panes = "A2"
    for index, name in enumerate(columns):
        lines = [line for row in rows for line in row[index].splitlines()] + [name]
        width = max(MIN_WIDTH, min(MAX_WIDTH, max(len(line) for line in lines) + 2))
        sheet.column_dimensions[sheet.cell(row=1, column=index + 1).column_letter].width = width
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            if cell.data_type == "f":  # openpyxl takes a string starting with "=" for a formula
                cell.data_type = "s"


def workbook_bytes(sheets: dict[str, tuple[Sequence[str], list[list[str]]]], ctx: ExportContext, title: str) -> bytes:
    import pandas as pd  # imported here: it costs a third of a second at start-up

    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, (columns, rows) in sheets.items():
            pd.DataFrame(rows, columns=list(columns), dtype=str).to_excel(writer, sheet_name=name, index=False)
            sheet_layout(writer.sheets[name], columns, rows)
        properties = writer.book.properties
        created = ctx.created.replace(tzinfo=None)
        properties.creator, properties.title = f"tmtool {ctx.tool_version}", title
        properties.description = ctx.signature
        properties.created = properties.modified = created
        properties.lastModifiedBy = None
    return reproducible(buffer.getvalue(), ctx.created)


def reproducible(data: bytes, when: datetime) -> bytes:
    """The same workbook with every zip entry dated `when` and core.xml's modified date fixed."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = fixed_dates(content, stamp)
            entry = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, content)
    return out.getvalue()


def fixed_dates(core: bytes, stamp: str) -> bytes:
    """openpyxl writes the time of saving as dcterms:modified; the export time replaces it."""
    return re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + stamp.encode() + rb"\g<2>",
                  core)


def dump_tm_xlsx(units: Iterable[Unit], stream: BinaryIO, ctx: ExportContext) -> None:
    """One sheet per language pair ("ru-en"), units in store order."""
    sheets: dict[str, tuple[Sequence[str], list[list[str]]]] = {}
    for unit in units:
        sheets.setdefault(f"{unit.src_lang}-{unit.tgt_lang}", (UNIT_COLUMNS, []))[1].append(unit_cells(unit, ctx))
    if not sheets:
        sheets[f"{ctx.src_lang}-{ctx.tgt_lang}"] = (UNIT_COLUMNS, [])
    stream.write(workbook_bytes(sheets, ctx, "translation memory"))


def dump_terms_xlsx(entries: Iterable[TermEntry], stream: BinaryIO, ctx: ExportContext) -> None:
    """The termbase on one sheet, every field of every entry as in the CSV."""
    rows = [[checked(c, f"term {e.id}") for c in entry_row(e)] for e in entries]
    sheets: dict[str, tuple[Sequence[str], list[list[str]]]] = {
        f"termbase {ctx.src_lang}-{ctx.tgt_lang}"[:31]: (CSV_COLUMNS, rows)}
    stream.write(workbook_bytes(sheets, ctx, "termbase"))


def read_cells(data: bytes) -> dict[str, list[list[Any]]]:
    """Every sheet's rows as openpyxl reads them (for checks and tests)."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True)
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets}


TM = Format("xlsx", (".xlsx",), "tm", dump_tm_xlsx)
TERMBASE = Format("xlsx", (".xlsx",), "termbase", dump_terms_xlsx)
