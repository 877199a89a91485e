"""TBX-Basic: the ISO 30042:2008 form (martif/termEntry/langSet/tig) that CAT tools import, and
TBX v3, ISO 30042:2019 in the DCA style (tbx/conceptEntry/langSec/termSec), `--format tbx3`.

An entry's facts go in TBX-Basic's data categories where it has one: the kind of designation as
termType (acronym, fullForm) and a named body's terms as partOfSpeech properNoun; the unit that
attests a term as its source, beside its context; each document it occurs in as a projectSubset.
TBX-Basic has no category for a count or for how a full form was found: those stay notes, one
fact per note.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import BinaryIO

from exports._xml import write_document, xml_text
from exports.base import ExportContext, Format
from glossary.model import NAME, TermEntry
from tm.version import TOOL_NAME

NOT_NCNAME = re.compile(r"[^\w.-]")
PROPER_NOUN = "properNoun"  # TBX-Basic's partOfSpeech for the name of a body or an instrument


def xml_id(entry_id: str) -> str:
    """A valid xs:ID from an entry id: "A_58_98.ru.txt:term001" -> "A_58_98.ru.txt_term001"."""
    ident = NOT_NCNAME.sub("_", entry_id)
    return ident if ident[:1].isalpha() or ident[:1] == "_" else f"t{ident}"


@dataclass(frozen=True, slots=True)
class Dialect:
    """The element names of one TBX version: entry, language section, term section."""

    entry: str
    language: str
    term: str


TBX2 = Dialect("termEntry", "langSet", "tig")
TBX3 = Dialect("conceptEntry", "langSec", "termSec")
TBX3_NAMESPACE = "urn:iso:std:iso:30042:ed-2"


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


@dataclass(frozen=True, slots=True)
class TermFacts:
    """What a tig says besides its term: part of speech, context and its source, documents."""

    part_of_speech: str = ""
    context: str = ""
    source: str = ""
    documents: tuple[str, ...] = ()


def tbx3_header_lines(ctx: ExportContext) -> list[str]:
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="{TBX3_NAMESPACE}">',
        "  <tbxHeader>",
        "    <fileDesc>",
        f"      <titleStmt><title>{TOOL_NAME} termbase</title></titleStmt>",
        f"      <sourceDesc><p>{xml_text(ctx.signature)}; exported {ctx.iso_date} by {TOOL_NAME} "
        f"{ctx.tool_version}</p></sourceDesc>",
        "    </fileDesc>",
        "  </tbxHeader>",
        "  <text>",
        "    <body>",
    ]


def tig_lines(term: str, term_type: str, where: str, facts: TermFacts, dialect: Dialect = TBX2) -> list[str]:
    lines = [
        f"          <{dialect.term}>",
        f"            <term>{xml_text(term, where)}</term>",
        f'            <termNote type="termType">{term_type}</termNote>',
    ]
    if facts.part_of_speech:
        lines.append(f'            <termNote type="partOfSpeech">{facts.part_of_speech}</termNote>')
    if facts.context:
        lines.append(f'            <descrip type="context">{xml_text(facts.context, where)}</descrip>')
    if facts.source:
        lines.append(f'            <admin type="source">{xml_text(facts.source, where)}</admin>')
    lines += [f'            <admin type="projectSubset">{xml_text(d, where)}</admin>' for d in facts.documents]
    return [*lines, f"          </{dialect.term}>"]


def lang_set(lang: str, acronym: str, full_form: str, where: str, facts: TermFacts,
             variants: tuple[str, ...] = (), dialect: Dialect = TBX2) -> list[str]:
    """A langSet with the acronym and the full forms that exist (none: no langSet); the
    document's sentence and its unit go with the first term as its context and source."""
    plain = replace(facts, context="", source="")
    tigs = (tig_lines(acronym, "acronym", where, facts, dialect) if acronym else []) + (
        tig_lines(full_form, "fullForm", where, plain if acronym else facts, dialect) if full_form else [])
    tigs += [line for v in variants for line in tig_lines(v, "fullForm", where, plain, dialect)]
    if not tigs:
        return []
    return [f'        <{dialect.language} xml:lang="{xml_text(lang, where)}">', *tigs,
            f"        </{dialect.language}>"]


def entry_notes(entry: TermEntry) -> list[str]:
    """The facts TBX-Basic has no category for: occurrences (per document), how the entry was found."""
    counts = f"occurrences: {entry.occurrences}"
    if len(entry.documents) > 1:
        counts += " (" + "; ".join(f"{doc}: {n}" for doc, n in entry.documents) + ")"
    return [counts, f"found: {entry.found}", *entry.notes]


def entry_lines(entry: TermEntry, ctx: ExportContext, dialect: Dialect = TBX2) -> list[str]:
    where = f"term {entry.id}"
    lines = [f'      <{dialect.entry} id="{xml_text(xml_id(entry.id), where)}">']
    lines += [f"        <note>{xml_text(n, where)}</note>" for n in entry_notes(entry)]
    documents = tuple(doc for doc, _ in entry.documents) or (entry.first_unit.rsplit(":", 1)[0],)
    source = TermFacts(PROPER_NOUN if entry.kind == NAME else "", entry.context, entry.first_unit, documents)
    target = TermFacts(PROPER_NOUN if entry.kind == NAME else "")
    lines += lang_set(ctx.src_lang, entry.ru_acronym, entry.ru_full_form, where, source, entry.ru_variants, dialect)
    lines += lang_set(ctx.tgt_lang, entry.en_acronym, entry.en_full_form, where, target, dialect=dialect)
    lines.append(f"      </{dialect.entry}>")
    return lines


def dump_tbx(entries: Iterable[TermEntry], stream: BinaryIO, ctx: ExportContext) -> None:
    blocks = (entry_lines(entry, ctx) for entry in entries)
    write_document(stream, header_lines(ctx), blocks, "    </body>\n  </text>\n</martif>\n")


def dump_tbx3(entries: Iterable[TermEntry], stream: BinaryIO, ctx: ExportContext) -> None:
    """TBX v3 (DCA): the same entries and data categories in the 2019 element names and namespace."""
    blocks = (entry_lines(entry, ctx, TBX3) for entry in entries)
    write_document(stream, tbx3_header_lines(ctx), blocks, "    </body>\n  </text>\n</tbx>\n")


FORMAT = Format("tbx", (".tbx",), "termbase", dump_tbx)
# .tbx names the 2008 form (format_for_path takes the first name), which OmegaT 3.6 reads.
TBX3_FORMAT = Format("tbx3", (".tbx",), "termbase", dump_tbx3)
