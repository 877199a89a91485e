"""Inline markup of TMX and XLIFF 1.2 segments: read into text with marks plus codes, written back.

Reading keeps every inline element (tm.markup explains the model). Writing gives each code back
as its file had it; a code from the other format is converted where the formats allow it:

    XLIFF -> TMX                         TMX -> XLIFF
    <g>...</g>   <bpt i/>...<ept i/>     <hi>...</hi>     <mrk mtype>...</mrk>
    <x/>         <ph/>                   <ut>             <ph id>
    <bx/> <ex/>  <it pos=begin|end/>     bpt/ept/ph/it    the same, i -> id, type -> ctype
    <mrk>        <hi type>
    bpt/ept/ph/it  the same, rid/id -> i, id -> x, ctype -> type
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from exports._xml import xml_text
from exports._xmlread import local_name
from tm.errors import InputError
from tm.markup import code_numbers, mark_of, pieces
from tm.model import CLOSE, ISOLATED, OPEN, InlineCode

# Elements that are a code themselves, and those that wrap text (an open code, their content, a close code).
CODE_KINDS = {"bpt": OPEN, "bx": OPEN, "ept": CLOSE, "ex": CLOSE, "ph": ISOLATED, "x": ISOLATED,
              "it": ISOLATED, "ut": ISOLATED}
SPANS = frozenset({"hi", "g", "mrk"})
TMX_ATTRS = {"bpt": ("i", "x", "type"), "ept": ("i",), "ph": ("x", "type", "assoc"), "it": ("pos", "x", "type"),
             "ut": ("x",), "hi": ("x", "type")}
XLIFF_CTYPES = frozenset({"bold", "italic", "underlined", "link", "image", "lb", "pb"})
TMX_POS = {"open": "begin", "close": "end"}
XLIFF_POS = {"begin": "open", "end": "close"}


# Reading ---------------------------------------------------------------------------------------

@dataclass(slots=True)
class Coded:
    """Text and codes gathered while walking a segment."""

    parts: list[str] = field(default_factory=list)
    codes: list[InlineCode] = field(default_factory=list)
    length: int = 0

    def text(self, value: str | None) -> None:
        if value:
            self.parts.append(value)
            self.length += len(value)

    def code(self, kind: str, element: str, attrs: tuple[tuple[str, str], ...] = (), data: str = "") -> None:
        self.codes.append(InlineCode(self.length, kind, element, attrs, data))
        self.text(mark_of(kind))


def plain_attrs(element: Any) -> tuple[tuple[str, str], ...]:
    """Attributes in file order; namespaced ones (none of TMX's or XLIFF's inline attributes) left out."""
    return tuple((k, v) for k, v in element.items() if not k.startswith("{"))


def fragment(element: Any, name: str) -> str:
    """An element's content as an XML fragment: text escaped, child elements (<sub>) written out."""
    out = [xml_text(element.text or "")]
    for child in element:
        if isinstance(child, etree._Entity):
            raise InputError(name, f"entity reference {child.text} is not allowed", line=child.sourceline)
        tag = local_name(child.tag)
        if tag:
            attrs = "".join(f' {k}="{xml_text(v)}"' for k, v in plain_attrs(child))
            out.append(f"<{tag}{attrs}>{fragment(child, name)}</{tag}>")
        out.append(xml_text(child.tail or ""))
    return "".join(out)


def walk(element: Any, coded: Coded, name: str) -> None:
    coded.text(element.text)
    for child in element:
        if isinstance(child, etree._Entity):
            raise InputError(name, f"entity reference {child.text} is not allowed", line=child.sourceline)
        tag = local_name(child.tag)
        if tag in CODE_KINDS:
            coded.code(CODE_KINDS[tag], tag, plain_attrs(child), fragment(child, name))
        elif tag in SPANS:
            coded.code(OPEN, tag, plain_attrs(child))
            walk(child, coded, name)
            coded.code(CLOSE, tag)
        elif tag:
            walk(child, coded, name)  # an element neither format defines: its text is kept
        coded.text(child.tail)


def read_inline(element: Any, name: str) -> tuple[str, tuple[InlineCode, ...]]:
    """The text of a seg/source/target with a mark at each inline code, and the codes."""
    if len(element) == 0:
        return element.text or "", ()
    coded = Coded()
    walk(element, coded, name)
    return "".join(coded.parts), tuple(coded.codes)


# Writing ---------------------------------------------------------------------------------------

def attr_text(pairs: list[tuple[str, str]] | tuple[tuple[str, str], ...], where: str) -> str:
    return "".join(f' {k}="{xml_text(v, where)}"' for k, v in pairs if v != "")


def tmx_native(code: InlineCode) -> bool:
    return code.element in TMX_ATTRS and all(k in TMX_ATTRS[code.element] for k, _ in code.attrs)


def to_tmx(code: InlineCode, number: int) -> tuple[str, list[tuple[str, str]]]:
    """The TMX element and attributes for a code of another format (XLIFF)."""
    a = dict(code.attrs)
    kind_type = a.get("ctype") or a.get("mtype") or a.get("type", "")
    if code.element in ("g", "bpt", "ept"):
        if code.kind == OPEN:
            return "bpt", [("i", str(number)), ("type", kind_type)]
        return "ept", [("i", str(number))]
    if code.element in ("bx", "ex", "it"):
        pos = {"bx": "begin", "ex": "end"}.get(code.element) or TMX_POS.get(a.get("pos", ""), "begin")
        return "it", [("pos", pos), ("type", kind_type)]
    if code.element == "mrk":
        return "hi", [("type", kind_type)] if code.kind == OPEN else []
    return "ph", [("type", kind_type)]


def xliff_native(code: InlineCode) -> bool:
    return code.element in ("g", "x", "bx", "ex", "mrk") or (code.element in CODE_KINDS and "id" in dict(code.attrs))


def ctype(value: str) -> str:
    value = "underlined" if value == "ulined" else value
    return value if not value or value in XLIFF_CTYPES or value.startswith("x-") else f"x-{value}"


def to_xliff(code: InlineCode, number: int) -> tuple[str, list[tuple[str, str]]]:
    """The XLIFF 1.2 element and attributes for a code of another format (TMX)."""
    a = dict(code.attrs)
    if code.element == "hi":
        return "mrk", [("mtype", a.get("type") or "x-tmx-hi")] if code.kind == OPEN else []
    ident = ("id", str(number))
    if code.element == "it":
        return "it", [ident, ("pos", XLIFF_POS.get(a.get("pos", ""), "open")), ("ctype", ctype(a.get("type", "")))]
    if code.element in ("bpt", "ept"):
        return code.element, [ident] + ([("ctype", ctype(a.get("type", "")))] if code.element == "bpt" else [])
    return "ph", [ident, ("ctype", ctype(a.get("type", ""))), ("assoc", a.get("assoc", ""))]


def code_xml(code: InlineCode, element: str, attrs: list[tuple[str, str]] | tuple[tuple[str, str], ...],
             where: str) -> str:
    if element in SPANS:
        return f"<{element}{attr_text(attrs, where)}>" if code.kind == OPEN else f"</{element}>"
    data = code.data if code.element in CODE_KINDS else ""
    if not data:
        return f"<{element}{attr_text(attrs, where)}/>"
    return f"<{element}{attr_text(attrs, where)}>{data}</{element}>"


def inline_xml(text: str, codes: tuple[InlineCode, ...], dialect: str, where: str) -> str:
    """A segment's XML content for dialect 'tmx' or 'xliff': escaped text with the codes written back."""
    if not codes:
        return xml_text(text, where)
    numbers = code_numbers(codes)
    native, convert = (tmx_native, to_tmx) if dialect == "tmx" else (xliff_native, to_xliff)
    out, index = [], 0
    for piece in pieces(text, codes):
        if isinstance(piece, str):
            out.append(xml_text(piece, where))
            continue
        if native(piece):
            out.append(code_xml(piece, piece.element, piece.attrs, where))
        else:
            element, attrs = convert(piece, numbers[index])
            out.append(code_xml(piece, element, attrs, where))
        index += 1
    return "".join(out)
