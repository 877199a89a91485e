"""TBX-Basic in the ISO 30042:2008 form (martif/termEntry/langSet/tig) that CAT tools import."""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import BinaryIO

from exports._xml import write_document, xml_text
from exports.base import ExportContext, Format
from glossary.model import TermEntry
from tm.version import TOOL_NAME

NOT_NCNAME = re.compile(r"[^\w.-]")


def xml_id(entry_id: str) -> str:
    """A valid xs:ID from an entry id: "A_58_98.ru.txt:term001" -> "A_58_98.ru.txt_term001"."""
    ident = NOT_NCNAME.sub("_", entry_id)
    return ident if ident[:1].isalpha() or ident[:1] == "_" else f"t{ident}"


def header_lines(ctx: ExportContext) -> list[str]:
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<martif type="TBX-Basic" xml:lang="en">',
        "  <martifHeader>",
        "    <fileDesc>",
        f"      <titleStmt><title>{TOOL_NAME} termbase</title></titleStmt>",
        f"      <sourceDesc><p>{xml_text(ctx.signature)}; exported {ctx.iso_date} by {TOOL_NAME} "
        f"{ctx.tool_version}</p></sourceDesc>",
        "    </fileDesc>",
        '    <encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc>',
        "  </martifHeader>",
        "  <text>",
        "    <body>",
    ]


def tig_lines(term: str, term_type: str, where: str, context: str = "") -> list[str]:
    lines = [
        "          <tig>",
        f"            <term>{xml_text(term, where)}</term>",
        f'            <termNote type="termType">{term_type}</termNote>',
    ]
    if context:
        lines.append(f'            <descrip type="context">{xml_text(context, where)}</descrip>')
    return [*lines, "          </tig>"]


def lang_set(lang: str, acronym: str, full_form: str, where: str, context: str = "",
             variants: tuple[str, ...] = ()) -> list[str]:
    """A langSet with the acronym and the full forms that exist (none: no langSet); the
    document's sentence goes with the first term as its context."""
    tigs = (tig_lines(acronym, "acronym", where, context) if acronym else []) + (
        tig_lines(full_form, "fullForm", where, "" if acronym else context) if full_form else [])
    tigs += [line for v in variants for line in tig_lines(v, "fullForm", where)]
    if not tigs:
        return []
    return [f'        <langSet xml:lang="{xml_text(lang, where)}">', *tigs, "        </langSet>"]


def entry_lines(entry: TermEntry, ctx: ExportContext) -> list[str]:
    where = f"term {entry.id}"
    lines = [f'      <termEntry id="{xml_text(xml_id(entry.id), where)}">']
    meta = f"{entry.kind}; {entry.occurrences} occurrences; found: {entry.found}; first unit {entry.first_unit}"
    lines += [f"        <note>{xml_text(n, where)}</note>" for n in (meta, *entry.notes)]
    lines += lang_set(ctx.src_lang, entry.ru_acronym, entry.ru_full_form, where, entry.context, entry.ru_variants)
    lines += lang_set(ctx.tgt_lang, entry.en_acronym, entry.en_full_form, where)
    lines.append("      </termEntry>")
    return lines


def dump_tbx(entries: Iterable[TermEntry], stream: BinaryIO, ctx: ExportContext) -> None:
    blocks = (entry_lines(entry, ctx) for entry in entries)
    write_document(stream, header_lines(ctx), blocks, "    </body>\n  </text>\n</martif>\n")


FORMAT = Format("tbx", (".tbx",), "termbase", dump_tbx)
