"""CSV writer via pandas: a fixed header row, UTF-8, optional BOM and formula escaping."""
from __future__ import annotations

import io
from collections.abc import Iterable
from typing import BinaryIO

import pandas as pd

from exports.base import ExportContext, Format
from tm.model import Unit

TM_COLUMNS = ("id", "source", "target", "src_lang", "tgt_lang", "doc", "para", "kind", "score", "flagged", "signature")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def excel_safe(value: object) -> object:
    """Neutralise a cell a spreadsheet would run as a formula, by a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def unit_row(unit: Unit, ctx: ExportContext) -> tuple[object, ...]:
    score = "" if unit.score is None else f"{unit.score:.3f}"
    return (unit.id, unit.source, unit.target, unit.src_lang, unit.tgt_lang, unit.doc, unit.para,
            unit.kind, score, "yes" if unit.flagged else "", ctx.signature)


def write_frame(frame: pd.DataFrame, stream: BinaryIO, ctx: ExportContext) -> None:
    """Write a frame as CSV: all cells quoted as needed, \\n line ends, UTF-8 (BOM on request)."""
    if ctx.excel_safe:
        frame = frame.map(excel_safe)
    text = io.StringIO()
    frame.to_csv(text, index=False, lineterminator="\n")
    stream.write(text.getvalue().encode("utf-8-sig" if ctx.bom else "utf-8"))


def dump_csv(units: Iterable[Unit], stream: BinaryIO, ctx: ExportContext) -> None:
    rows = [unit_row(u, ctx) for u in units]
    write_frame(pd.DataFrame(rows, columns=list(TM_COLUMNS), dtype=str), stream, ctx)


FORMAT = Format("csv", (".csv",), "tm", dump_csv, "CSV with a header row (spreadsheets: add --bom, --excel-safe)")
