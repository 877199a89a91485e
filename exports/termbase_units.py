"""Termbase as TMX and PO: each term pair becomes a Unit and goes through the TM writers' parts.

The files say what they hold: a TMX of terms has segtype "phrase" (terms are not sentences) and
a PO of terms is headed as a termbase.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO

import polib

from exports._xml import write_document
from exports.base import ExportContext, Format
from exports.po import po_header, unit_entry
from exports.tmx import header_lines, tu_lines
from glossary.model import TermEntry, TermPair, term_pairs
from tm.errors import FormatError
from tm.model import Unit
from tm.version import TOOL_NAME

SENTENCE_SEGTYPE, PHRASE_SEGTYPE = 'segtype="sentence"', 'segtype="phrase"'


def entry_note(entry: TermEntry) -> str:
    """One line saying what the entry is: both full forms, occurrences, where it is defined."""
    parts = [entry.ru_full_form or entry.ru_acronym]
    if entry.en_full_form:
        parts.append(entry.en_full_form)
    parts.append(f"{entry.occurrences} occurrences; found: {entry.found}; first unit {entry.first_unit}")
    return " — ".join(parts)


def pair_unit(pair: TermPair, ctx: ExportContext) -> Unit:
    entry = pair.entry
    return Unit(
        id=f"{entry.id}:{pair.role}" + (f"-{pair.variant}" if pair.variant else ""),
        doc=entry.first_unit.rsplit(":", 1)[0], source=pair.ru, target=pair.en,
        src_lang=ctx.src_lang, tgt_lang=ctx.tgt_lang, kind=f"term-{entry.kind}",
        notes=(entry_note(entry), *entry.notes),
        props=(("x-term-type", pair.role), ("x-found", entry.found)),
    )


def term_units(entries: Iterable[TermEntry], ctx: ExportContext, with_untranslated: bool) -> list[Unit]:
    return [pair_unit(p, ctx) for e in entries for p in term_pairs(e, with_untranslated)]


def phrase_header(ctx: ExportContext) -> list[str]:
    """The TMX header of the memory writer, with segtype "phrase"."""
    lines = header_lines(ctx)
    if sum(SENTENCE_SEGTYPE in line for line in lines) != 1:
        raise FormatError("the TMX header has no single segtype to set to phrase")
    return [line.replace(SENTENCE_SEGTYPE, PHRASE_SEGTYPE) for line in lines]


def dump_terms_tmx(entries: Iterable[TermEntry], stream: BinaryIO, ctx: ExportContext) -> None:
    """One TU per Russian/English term pair (entries without English are left out)."""
    units = term_units(entries, ctx, with_untranslated=False)
    write_document(stream, phrase_header(ctx), (tu_lines([u]) for u in units), "  </body>\n</tmx>\n")


def dump_terms_po(entries: Iterable[TermEntry], stream: BinaryIO, ctx: ExportContext) -> None:
    """msgid = Russian term, msgstr = English term; terms without English stay untranslated."""
    po = polib.POFile(wrapwidth=0)
    po.metadata = {**po_header(ctx), "Project-Id-Version": f"{TOOL_NAME} termbase"}
    po.header = f"Termbase exported by {TOOL_NAME} {ctx.tool_version}\nsignature: {ctx.signature}"
    used: set[tuple[str, str]] = set()
    for unit in term_units(entries, ctx, with_untranslated=True):
        po.append(unit_entry(unit, used))
    stream.write(str(po).encode("utf-8") + b"\n")


TMX = Format("tmx", (".tmx",), "termbase", dump_terms_tmx)
PO = Format("po", (".po", ".pot"), "termbase", dump_terms_po)
