"""Repair PDF-extracted text into blocks (headings and paragraphs), counting every repair."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from tm.model import HEADING, Block


@dataclass(slots=True)
class Cleaned:
    """A cleaned document: its blocks in order and how many repairs of each kind were made."""

    blocks: list[Block]
    repairs: Counter[str] = field(default_factory=Counter)


PARA_SPLIT = re.compile(r"\n\s*\n")


def normalise(text: str, repairs: Counter[str]) -> str:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def clean_document(text: str, lang: str = "ru") -> Cleaned:
    """First cut: paragraphs split on blank lines, lines joined with spaces."""
    repairs: Counter[str] = Counter()
    text = normalise(text, repairs)
    blocks = []
    for chunk in PARA_SPLIT.split(text):
        joined = " ".join(line.strip() for line in chunk.splitlines() if line.strip())
        if joined:
            blocks.append(Block("paragraph", joined))
    return Cleaned(blocks, repairs)
