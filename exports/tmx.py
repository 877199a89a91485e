"""TMX 1.4b writer: one <tu> per unit, source tuv always, target tuv when translated."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any, BinaryIO

from exports._inline import inline_xml, read_inline
from exports._xml import attrs, write_document, xml_text
from exports._xmlread import element_lang, iter_ends, local_name, release
from exports.base import ExportContext, Format, normalize_lang, tu_groups
from tm.errors import InputError
from tm.model import InlineCode, Skipped, Unit
from tm.version import TOOL_NAME


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
    symbol = [f'    <prop type="x-document-symbol">{xml_text(ctx.symbol)}</prop>'] if ctx.symbol else []
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<tmx version="1.4">',
        f"  <header{header}>",
        f'    <prop type="x-tmtool-signature">{xml_text(ctx.signature)}</prop>',
        *symbol,
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


def tu_lines(group: list[Unit]) -> list[str]:
    """One <tu>: the source tuv, then a tuv for each target language of the group."""
    unit = group[0]
    where = f"unit {unit.id}"
    lines = [f'    <tu tuid="{xml_text(unit.id, where)}">']
    lines += [f'      <prop type="{xml_text(k, where)}">{xml_text(v, where)}</prop>' for k, v in unit_props(unit)]
    lines += [f"      <note>{xml_text(n, where)}</note>" for n in unit.notes]
    sides = [(unit.src_lang, unit.source, unit.source_codes)]
    sides += [(u.tgt_lang, u.target, u.target_codes) for u in group if u.target]
    lines += [f'      <tuv xml:lang="{xml_text(lang, where)}"><seg>{inline_xml(text, codes, "tmx", where)}</seg></tuv>'
              for lang, text, codes in sides]
    lines.append("    </tu>")
    return lines


def dump_tmx(units: Iterable[Unit], stream: BinaryIO, ctx: ExportContext) -> None:
    """Write units as TMX 1.4b; each line is encoded as it is made, so memory stays flat."""
    write_document(stream, header_lines(ctx), (tu_lines(group) for group in tu_groups(units)), "  </body>\n</tmx>\n")


FORMAT = Format("tmx", (".tmx",), "tm", dump_tmx)


# Reading ---------------------------------------------------------------------------------------

# Props our writer derives from Unit fields; reading maps them back instead of keeping them as props.
OWN_PROPS = frozenset({"x-document", "x-paragraph", "x-kind", "x-align-score", "x-low-confidence"})
# tuv/tu attributes kept as props (in the order the file gives them).
KEPT = frozenset({"creationid", "changedate", "changeid", "usagecount", "lastusagedate"})


@dataclass(frozen=True, slots=True)
class Tuv:
    """One language's segment of a <tu>: text with marks, and its inline codes."""

    lang: str
    text: str
    codes: tuple[InlineCode, ...] = ()


@dataclass(slots=True)
class TuParts:
    """What one <tu> holds, gathered in a single pass over its children."""

    tuvs: list[Tuv] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    props: list[tuple[str, str]] = field(default_factory=list)
    created: str = ""


def tmx_date_iso(value: str) -> str:
    """'20231110T101010Z' -> '2023-11-10T10:10:10Z'; anything else is kept as written."""
    v = value.strip()
    if len(v) == 16 and v[8] == "T" and v.endswith("Z") and (v[:8] + v[9:15]).isdigit():
        return f"{v[0:4]}-{v[4:6]}-{v[6:8]}T{v[9:11]}:{v[11:13]}:{v[13:15]}Z"
    return v


def same_lang(a: str, b: str) -> bool:
    """Language tags match exactly (case-insensitive) or by primary subtag ('en' ~ 'en-US')."""
    a, b = a.lower(), b.lower()
    return a == b or a.split("-")[0] == b.split("-")[0]


def add_metadata(parts: TuParts, element: Any) -> None:
    """Creation date and kept attributes of a tu or tuv (a later tuv's date wins)."""
    for key, value in element.items():
        if key in KEPT:
            parts.props.append((key, value))
        elif key == "creationdate":
            parts.created = tmx_date_iso(value) or parts.created


def add_tuv(parts: TuParts, tuv: Any, name: str) -> None:
    lang = element_lang(tuv)
    if not lang:
        raise InputError(name, "<tuv> without xml:lang", line=tuv.sourceline, hint="every tuv needs a language")
    add_metadata(parts, tuv)
    for child in tuv:
        tag = local_name(child.tag)
        if tag == "seg":
            parts.tuvs.append(Tuv(normalize_lang(lang), *read_inline(child, name)))
        elif tag == "note":
            parts.notes.append(child.text or "")
        elif tag == "prop":
            parts.props.append((child.get("type", ""), child.text or ""))


def tu_parts(tu: Any, name: str) -> TuParts:
    """Gather a tu's tuvs, notes, props and dates in one pass over its children."""
    parts = TuParts()
    add_metadata(parts, tu)
    for child in tu:
        tag = local_name(child.tag)
        if tag == "tuv":
            add_tuv(parts, child, name)
        elif tag == "prop":
            parts.props.append((child.get("type", ""), child.text or ""))
        elif tag == "note":
            parts.notes.append(child.text or "")
    return parts


def props_to_fields(props: list[tuple[str, str]]) -> dict[str, Any]:
    """Unit fields that our own writer stored as props (x-paragraph, x-kind, ...)."""
    found = dict(p for p in props if p[0] in OWN_PROPS)
    fields: dict[str, Any] = {"para": found.get("x-paragraph", ""), "flagged": found.get("x-low-confidence") == "yes"}
    if found.get("x-kind"):
        fields["kind"] = found["x-kind"]
    try:
        fields["score"] = float(found["x-align-score"]) if "x-align-score" in found else None
    except ValueError:
        fields["score"] = None
    return fields


def kept_props(props: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Props other than our own field props; the original document name is kept under a new key."""
    kept = [("x-original-document", v) for k, v in props if k == "x-document"]
    return kept + [p for p in props if p[0] not in OWN_PROPS]


def tu_units(tu: Any, header_src: str, name: str) -> list[Unit | Skipped]:
    """Units of a <tu>: the tuv in the source language with each tuv in another language (one unit
    per target, so a ru/fr/en tu gives ru->fr and ru->en), or alone when there is none."""
    parts = tu_parts(tu, name)
    if not parts.tuvs:
        return [Skipped(tu.sourceline, "no <seg> in the <tu>")]
    src = normalize_lang(tu.get("srclang") or header_src)
    if src == "*all*":
        src = parts.tuvs[0].lang
    source = next((t for t in parts.tuvs if same_lang(t.lang, src)), None)
    if source is None:
        return [Skipped(tu.sourceline, f"no tuv in the source language {src}")]
    if not source.text.strip():
        return [Skipped(tu.sourceline, "empty source segment")]
    targets = [t for t in parts.tuvs if t is not source and not same_lang(t.lang, source.lang)] or [Tuv("", "")]
    fields = props_to_fields(parts.props)
    return [Unit(
        id="", doc="", source=source.text, target=target.text, src_lang=source.lang, tgt_lang=target.lang,
        origin="import", created=parts.created, notes=tuple(parts.notes), props=tuple(kept_props(parts.props)),
        source_codes=source.codes, target_codes=target.codes, **fields,
    ) for target in targets]


def load_tmx(stream: BinaryIO, name: str) -> Iterator[Unit | Skipped]:
    """Stream the units of a TMX file (1.1 to 1.4), element by element, entities never expanded."""
    header_src = ""
    for element in iter_ends(stream, name, ("header", "tu")):
        if element.tag == "header":
            header_src = normalize_lang(element.get("srclang", ""))
            if not header_src:
                raise InputError(name, "TMX <header> has no srclang", line=element.sourceline,
                                 hint='add srclang="..." to the header')
        else:
            if not header_src and not element.get("srclang"):
                raise InputError(name, "<tu> before the TMX <header>", line=element.sourceline)
            yield from tu_units(element, header_src, name)
            release(element)


FORMAT = replace(FORMAT, load=load_tmx, sniff=re.compile(rb"<tmx[\s>]"))
