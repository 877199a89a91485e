"""Plain data flowing through tmtool: blocks of cleaned text and translation units."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tm.markup import CLOSE, ISOLATED, OPEN, InlineCode

if TYPE_CHECKING:
    from tm.stage_data import Block, Skipped

__all__ = ["CLOSE", "HEADING", "ISOLATED", "NOTE", "OPEN", "SENTENCE", "UNIT_ID_DIGITS", "Block", "BuildResult",
           "DocumentInfo", "InlineCode", "Skipped", "Unit", "unit_id"]

HEADING = "heading"
SENTENCE = "sentence"
NOTE = "note"  # a footnote body: a block of its own, and units of this kind


UNIT_ID_DIGITS = 7  # positions up to 10 million units per document keep ids sorting in order


def unit_id(doc: str, position: int) -> str:
    """The id of a document's unit, the same for built and imported units: 'report.txt:0000012'."""
    return f"{doc}:{position:0{UNIT_ID_DIGITS}d}"


@dataclass(frozen=True, slots=True)
class Unit:
    """One translation unit: a segment of a document with its optional translation."""

    id: str
    doc: str
    source: str
    target: str = ""
    src_lang: str = "ru"
    tgt_lang: str = "en"
    para: str = ""
    kind: str = SENTENCE
    position: int = 0
    block: int = 0  # index of the paragraph/heading in its document; units of one block share it
    score: float | None = None
    flagged: bool = False
    origin: str = "build"
    created: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)
    props: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    source_codes: tuple[InlineCode, ...] = ()  # inline markup of source, at its marks (tm.markup)
    target_codes: tuple[InlineCode, ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A stored document: its name, languages, checksum of the input, signature, summary counts and
    document symbol ("A/69/907", read from a UN report's masthead and running heads; "" when none)."""

    name: str
    src_lang: str
    tgt_lang: str
    checksum: str
    signature: str
    summary: dict[str, int]
    symbol: str = ""


@dataclass(frozen=True, slots=True)
class BuildResult:
    """A built document: what the store records of it, and its units."""

    info: DocumentInfo
    units: list[Unit]


def __getattr__(name: str) -> Any:
    """Block and Skipped, from tm.stage_data when first asked for (not by the store or the search)."""
    if name in ("Block", "Skipped"):
        from tm import stage_data

        return getattr(stage_data, name)
    raise AttributeError(f"module 'tm.model' has no attribute {name!r}")
