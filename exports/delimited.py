"""CSV writer via pandas: a fixed header row, UTF-8, optional BOM and formula escaping."""
from __future__ import annotations

import contextlib
import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any, BinaryIO

from exports.base import ExportContext, Format, normalize_lang
from tm.errors import InputError
from tm.markup import placeholder_text
from tm.model import Skipped, Unit

if TYPE_CHECKING:
    import pandas as pd

TM_COLUMNS = ("id", "source", "target", "src_lang", "tgt_lang", "doc", "para", "kind", "score", "flagged", "notes")
# Written only when the rows' documents were made with different signatures (tools, rules, versions):
# a column repeating one signature on every row says nothing a spreadsheet user needs, and a comment
# line above the header would make the sheet's first row no longer the header.
SIGNATURE_COLUMN = "signature"
# A quoted cell, or a row end outside quotes: see write_frame.
QUOTED_OR_ROW_END = re.compile(r'("[^"]*")|\r\n')
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def excel_safe(value: object) -> object:
    """Neutralise a cell a spreadsheet would run as a formula, by a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def unit_row(unit: Unit, ctx: ExportContext) -> tuple[object, ...]:
    """The cells of TM_COLUMNS for one unit."""
    score = "" if unit.score is None else f"{unit.score:.3f}"
    return (unit.id, placeholder_text(unit.source), placeholder_text(unit.target), unit.src_lang, unit.tgt_lang,
            unit.doc, unit.para, unit.kind, score, "yes" if unit.flagged else "", "\n".join(unit.notes))


def write_frame(frame: pd.DataFrame, stream: BinaryIO, ctx: ExportContext) -> None:
    """Write a frame as CSV: all cells quoted as needed, \\n line ends, UTF-8 (BOM on request).

    Python's csv quotes a cell only for the characters of its line terminator, so the frame is
    written with \\r\\n (every cell holding a CR or LF, a lone CR too, gets quoted) and the row
    ends outside quotes then become \\n.
    """
    if ctx.excel_safe:
        frame = frame.map(excel_safe)
    text = io.StringIO()
    frame.to_csv(text, index=False, lineterminator="\r\n")
    body = QUOTED_OR_ROW_END.sub(lambda m: m.group(1) or "\n", text.getvalue())
    stream.write(body.encode("utf-8-sig" if ctx.bom else "utf-8"))


def dump_csv(units: Iterable[Unit], stream: BinaryIO, ctx: ExportContext) -> None:
    signature_of = dict(ctx.doc_signatures)
    rows, signatures = [], []
    for unit in units:
        rows.append(unit_row(unit, ctx))
        signatures.append(signature_of.get(unit.doc, ctx.signature))
    columns = list(TM_COLUMNS)
    if len(set(signatures)) > 1:
        columns.append(SIGNATURE_COLUMN)
        rows = [(*row, signature) for row, signature in zip(rows, signatures, strict=True)]
    import pandas as pd  # imported here: it costs a third of a second at start-up

    write_frame(pd.DataFrame(rows, columns=columns, dtype=str), stream, ctx)


FORMAT = Format("csv", (".csv",), "tm", dump_csv)


# Reading ---------------------------------------------------------------------------------------

def csv_header(reader: Any, name: str) -> list[str]:
    """The header row, lower-cased; it must name a source column."""
    header = [h.strip().lower() for h in next(reader, [])]
    if "source" not in header:
        raise InputError(name, "the first row must be a header naming a 'source' column", line=1,
                         hint="columns: source,target[,src_lang,tgt_lang,notes]")
    return header


def csv_unit(record: dict[str, str], line: int) -> Unit | Skipped:
    """One unit from a row; the doc column becomes a prop, as the importer names the document."""
    if not record.get("source", "").strip():
        return Skipped(line, "empty source")
    try:
        score = float(record["score"]) if record.get("score") else None
    except ValueError:
        score = None
    props = (("x-original-document", record["doc"]),) if record.get("doc") else ()
    return Unit(
        id="", doc="", source=record["source"], target=record.get("target", ""),
        src_lang=normalize_lang(record.get("src_lang", "")), tgt_lang=normalize_lang(record.get("tgt_lang", "")),
        para=record.get("para", ""), kind=record.get("kind") or "sentence", score=score,
        flagged=record.get("flagged", "") == "yes", origin="import",
        notes=(record["notes"],) if record.get("notes") else (), props=props,
    )


def load_csv(stream: BinaryIO, name: str) -> Iterator[Unit | Skipped]:
    """Units of a CSV with a header row (UTF-8, optional BOM); ragged rows are refused."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    reader = csv.reader(text)
    try:
        header = csv_header(reader, name)
        for row in reader:
            if row and len(row) != len(header):
                raise InputError(name, f"row has {len(row)} cells, the header has {len(header)}", line=reader.line_num)
            if row:
                yield csv_unit(dict(zip(header, row, strict=True)), reader.line_num)
    except UnicodeDecodeError as err:
        raise InputError(name, f"not UTF-8 (byte {err.start} of a block)", hint="save the CSV as UTF-8") from err
    except csv.Error as err:
        raise InputError(name, f"CSV syntax error: {err}", line=reader.line_num) from err
    finally:
        with contextlib.suppress(ValueError):  # the file was closed already: nothing to give back
            text.detach()


FORMAT = replace(FORMAT, load=load_csv)
