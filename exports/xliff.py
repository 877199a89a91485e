"""XLIFF 1.2: a bilingual file per export; reading streams trans-units as the TMX reader does."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from exports._inline import inline_xml, read_inline
from exports._xml import attrs, write_document, xml_text
from exports._xmlread import element_lang, iter_ends, local_name, release
from exports.base import ExportContext, Format, normalize_lang
from tm.errors import InputError
from tm.model import Skipped, Unit
from tm.version import TOOL_NAME

NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"


def header_lines(ctx: ExportContext) -> list[str]:
    file_attrs = attrs([
        ("original", TOOL_NAME), ("source-language", ctx.src_lang), ("target-language", ctx.tgt_lang),
        ("datatype", "plaintext"), ("date", ctx.created.strftime("%Y-%m-%dT%H:%M:%SZ")),
    ])
    tool = attrs([("tool-id", TOOL_NAME), ("tool-name", TOOL_NAME), ("tool-version", ctx.tool_version)])
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<xliff version="1.2" xmlns="{NAMESPACE}">',
        f"  <file{file_attrs}>",
        f"    <header><tool{tool}/><note from=\"signature\">{xml_text(ctx.signature)}</note></header>",
        "    <body>",
    ]


def trans_unit_lines(unit: Unit, file_tgt: str) -> list[str]:
    """A trans-unit; a target in another language than the file's says its own (xml:lang)."""
    where = f"unit {unit.id}"
    own = f' xml:lang="{xml_text(unit.tgt_lang, where)}"' if unit.tgt_lang and unit.tgt_lang != file_tgt else ""
    approved = ' approved="no"' if unit.flagged else ""  # a low-confidence pair, as import reads it back
    lines = [f'      <trans-unit id="{xml_text(unit.id, where)}"{approved}>']
    lines.append(f"        <source>{inline_xml(unit.source, unit.source_codes, 'xliff', where)}</source>")
    if unit.target:
        lines.append(f"        <target{own}>{inline_xml(unit.target, unit.target_codes, 'xliff', where)}</target>")
    lines += [f"        <note>{xml_text(n, where)}</note>" for n in unit.notes]
    lines.append("      </trans-unit>")
    return lines


def dump_xliff(units: Iterable[Unit], stream: BinaryIO, ctx: ExportContext) -> None:
    """Write units as one XLIFF 1.2 <file>; line by line, so memory stays flat."""
    blocks = (trans_unit_lines(unit, ctx.tgt_lang) for unit in units)
    write_document(stream, header_lines(ctx), blocks, "    </body>\n  </file>\n</xliff>\n")


def child_named(element: Any, tag: str) -> Any:
    return next((c for c in element if local_name(c.tag) == tag), None)


def trans_unit(element: Any, langs: tuple[str, str], name: str) -> Unit | Skipped:
    """One unit from a <trans-unit>; languages from its <file> unless its source/target say otherwise."""
    source, target = child_named(element, "source"), child_named(element, "target")
    src_text, src_codes = read_inline(source, name) if source is not None else ("", ())
    tgt_text, tgt_codes = read_inline(target, name) if target is not None else ("", ())
    if not src_text.strip():
        return Skipped(element.sourceline, "no source text")
    src = normalize_lang(element_lang(source)) or langs[0]
    tgt = (normalize_lang(element_lang(target)) if target is not None else "") or langs[1]
    notes = tuple(c.text or "" for c in element if local_name(c.tag) == "note")
    props = (("x-xliff-id", element.get("id", "")),) if element.get("id") else ()
    return Unit(id="", doc="", source=src_text, target=tgt_text, src_lang=src, tgt_lang=tgt,
                flagged=element.get("approved") == "no", origin="import", notes=notes, props=props,
                source_codes=src_codes, target_codes=tgt_codes)


def file_langs(element: Any, name: str) -> tuple[str, str]:
    """source-language and target-language of the <file> a trans-unit belongs to."""
    file_element = next((a for a in element.iterancestors() if local_name(a.tag) == "file"), None)
    if file_element is None:
        raise InputError(name, "<trans-unit> outside a <file>", line=element.sourceline)
    return (normalize_lang(file_element.get("source-language", "")),
            normalize_lang(file_element.get("target-language", "")))


def load_xliff(stream: BinaryIO, name: str) -> Iterator[Unit | Skipped]:
    """Stream the trans-units of an XLIFF 1.2 file (several <file> elements allowed; 2.0 is exports.ttk's)."""
    for element in iter_ends(stream, name, ("{*}trans-unit",)):
        yield trans_unit(element, file_langs(element, name), name)
        release(element)


FORMAT = Format("xliff", (".xlf", ".xliff"), "tm", dump_xliff, load=load_xliff,
                sniff=re.compile(rb"(?s)\A(?!.*urn:oasis:names:tc:xliff:document:2\.).*?<(?:\w+:)?xliff[\s>]"))
