"""Termbase as tables: CSV (every field of every entry) and the OmegaT tab-separated glossary."""
from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO

from exports.base import ExportContext, Format
from exports.delimited import write_frame
from glossary.model import TermEntry, term_pairs
from tm.errors import FormatError

CSV_COLUMNS = (
    "id", "kind", "ru_acronym", "ru_full_form", "ru_full_form_in_text", "en_acronym", "en_full_form",
    "occurrences", "first_unit", "found", "en_source", "notes", "ru_variants",
)


def entry_row(entry: TermEntry) -> tuple[str, ...]:
    return (entry.id, entry.kind, entry.ru_acronym, entry.ru_full_form, entry.ru_full_form_in_text,
            entry.en_acronym, entry.en_full_form, str(entry.occurrences), entry.first_unit, entry.found,
            entry.en_source, "; ".join(entry.notes), "; ".join(entry.ru_variants))


def dump_terms_csv(entries: Iterable[TermEntry], stream: BinaryIO, ctx: ExportContext) -> None:
    rows = [entry_row(e) for e in entries]
    import pandas as pd  # imported here: it costs a third of a second at start-up

    write_frame(pd.DataFrame(rows, columns=list(CSV_COLUMNS), dtype=str), stream, ctx)


def glossary_cell(text: str, where: str) -> str:
    """A cell of the OmegaT glossary; tabs and line breaks would split the record, so refuse them."""
    if any(c in text for c in "\t\r\n"):
        raise FormatError(f"{where}: a tab or line break cannot be written in an OmegaT glossary cell")
    return text


def omegat_lines(entry: TermEntry) -> list[str]:
    lines = []
    for pair in term_pairs(entry):
        comment = entry.ru_full_form if pair.role == "acronym" or pair.variant else (entry.ru_acronym or entry.kind)
        cells = (pair.ru, pair.en, comment)
        lines.append("\t".join(glossary_cell(c, f"term {entry.id}") for c in cells))
    return lines


def dump_omegat(entries: Iterable[TermEntry], stream: BinaryIO, ctx: ExportContext) -> None:
    """OmegaT glossary: source<TAB>target<TAB>comment, UTF-8; entries without English are left out."""
    header = [f"# tmtool {ctx.tool_version} termbase {ctx.src_lang}-{ctx.tgt_lang}", f"# {ctx.signature}"]
    body = [line for e in entries for line in omegat_lines(e)]
    stream.write(("\n".join(header + body) + "\n").encode("utf-8"))


CSV = Format("csv", (".csv",), "termbase", dump_terms_csv)
OMEGAT = Format("omegat", (".txt", ".utf8", ".tab"), "termbase", dump_omegat)
