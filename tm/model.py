"""Plain data flowing through tmtool: blocks of cleaned text and translation units."""
from __future__ import annotations

from dataclasses import dataclass, field

HEADING = "heading"
SENTENCE = "sentence"


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph or heading of a cleaned document."""

    kind: str  # HEADING or "paragraph"
    text: str
    number: str = ""  # "12" for paragraph 12, "II", "A", "1" for headings


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
