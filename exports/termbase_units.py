"""Termbase as TMX and PO: each term pair becomes a Unit and goes through the TM writers."""
from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO

from exports.base import ExportContext, Format
from exports.po import dump_po
from exports.tmx import dump_tmx
from glossary.model import TermEntry, TermPair, term_pairs
from tm.model import Unit


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


def dump_terms_tmx(entries: Iterable[TermEntry], stream: BinaryIO, ctx: ExportContext) -> None:
    """One TU per Russian/English term pair (entries without English are left out)."""
    dump_tmx(term_units(entries, ctx, with_untranslated=False), stream, ctx)


def dump_terms_po(entries: Iterable[TermEntry], stream: BinaryIO, ctx: ExportContext) -> None:
    """msgid = Russian term, msgstr = English term; terms without English stay untranslated."""
    dump_po(term_units(entries, ctx, with_untranslated=True), stream, ctx)


TMX = Format("tmx", (".tmx",), "termbase", dump_terms_tmx)
PO = Format("po", (".po", ".pot"), "termbase", dump_terms_po)
