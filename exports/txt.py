"""Plain-text writer: the repaired source document, laid out so a CAT tool segments it like the TM.

Each block (paragraph or heading) becomes one paragraph, its units joined by one space, and
blocks are separated by one empty line: OmegaT's text filter starts a new segment at an empty
line and never inside our units' spacing. Paragraph and heading numbers, which the units keep
as metadata, are written back in front ("12. ", "II. ") so the document reads as the original;
a CAT tool makes them segments of their own.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import BinaryIO

from exports.base import ExportContext, Format, tu_groups
from tm.markup import placeholder_text
from tm.model import HEADING, Unit

BLOCK_SEPARATOR = "\n\n"


def starts_block(previous: Unit, unit: Unit) -> bool:
    """A unit opens a new paragraph: another document, block or paragraph number, or a heading.

    Units built here carry their block; units imported from a TMX or CSV have none (all block 0),
    and their paragraph numbers and heading kind still keep paragraphs and headings apart.
    """
    moved = (previous.doc, previous.block, previous.para) != (unit.doc, unit.block, unit.para)
    return moved or HEADING in (previous.kind, unit.kind)


def numbered(number: str, text: str) -> str:
    """Put a block's number back in front of its text, unless the text still carries it."""
    if not number or text.startswith((f"{number}.", f"{number} ")):
        return text
    return f"{number}. {text}"


def block_text(units: list[Unit]) -> str:
    """One block as one paragraph: its units' source text joined by single spaces."""
    return numbered(units[0].para, " ".join(placeholder_text(u.source) for u in units))


def document_blocks(units: Iterable[Unit]) -> Iterator[str]:
    """The text of each block, in store order (documents by name, units by position)."""
    block: list[Unit] = []
    for group in tu_groups(units):  # a source with several target languages is written once
        unit = group[0]
        if block and starts_block(block[-1], unit):
            yield block_text(block)
            block = []
        block.append(unit)
    if block:
        yield block_text(block)


def dump_txt(units: Iterable[Unit], stream: BinaryIO, ctx: ExportContext) -> None:
    """Write the source side as UTF-8 text, one paragraph per block, an empty line between blocks."""
    if ctx.bom:
        stream.write(b"\xef\xbb\xbf")
    separator = ""
    for text in document_blocks(units):  # block by block, so memory does not grow with the document
        stream.write(f"{separator}{text}".encode())
        separator = BLOCK_SEPARATOR
    if separator:
        stream.write(b"\n")


FORMAT = Format("txt", (".txt",), "tm", dump_txt)
