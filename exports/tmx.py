"""TMX 1.4b writer: one <tu> per unit, source tuv always, target tuv when translated."""
from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO

from exports._xml import attrs, xml_text
from exports.base import TOOL_NAME, ExportContext, Format
from tm.model import Unit


def header_lines(ctx: ExportContext) -> list[str]:
    header = attrs([
        ("creationtool", TOOL_NAME),
        ("creationtoolversion", ctx.tool_version),
        ("segtype", "sentence"),
        ("o-tmf", TOOL_NAME),
        ("adminlang", "en"),
        ("srclang", ctx.src_lang),
        ("datatype", "plaintext"),
        ("creationdate", ctx.tmx_date),
    ])
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<tmx version="1.4">',
        f"  <header{header}>",
        f'    <prop type="x-tmtool-signature">{xml_text(ctx.signature)}</prop>',
        "  </header>",
        "  <body>",
    ]


def unit_props(unit: Unit) -> list[tuple[str, str]]:
    props = [("x-document", unit.doc)]
    if unit.para:
        props.append(("x-paragraph", unit.para))
    props.append(("x-kind", unit.kind))
    if unit.score is not None:
        props.append(("x-align-score", f"{unit.score:.3f}"))
    if unit.flagged:
        props.append(("x-low-confidence", "yes"))
    props.extend(unit.props)
    return props


def tu_lines(unit: Unit) -> list[str]:
    where = f"unit {unit.id}"
    lines = [f'    <tu tuid="{xml_text(unit.id, where)}">']
    lines += [f'      <prop type="{xml_text(k, where)}">{xml_text(v, where)}</prop>' for k, v in unit_props(unit)]
    lines += [f"      <note>{xml_text(n, where)}</note>" for n in unit.notes]
    lines.append(f'      <tuv xml:lang="{xml_text(unit.src_lang, where)}"><seg>{xml_text(unit.source, where)}</seg></tuv>')
    if unit.target:
        lines.append(f'      <tuv xml:lang="{xml_text(unit.tgt_lang, where)}"><seg>{xml_text(unit.target, where)}</seg></tuv>')
    lines.append("    </tu>")
    return lines


def dump_tmx(units: Iterable[Unit], stream: BinaryIO, ctx: ExportContext) -> None:
    """Write units as TMX 1.4b; each line is encoded as it is made, so memory stays flat."""
    for line in header_lines(ctx):
        stream.write(line.encode("utf-8") + b"\n")
    for unit in units:
        stream.write("\n".join(tu_lines(unit)).encode("utf-8") + b"\n")
    stream.write(b"  </body>\n</tmx>\n")


FORMAT = Format("tmx", (".tmx",), "tm", dump_tmx, "TMX 1.4b translation memory (OmegaT, memoQ, Trados)")
