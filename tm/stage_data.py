"""Plain data the stages pass on and the store never holds: a cleaned document's blocks and the
records a reader skipped. tm.model names them too; apart so that the store's and the search's start
does not create their dataclasses (each ~1.5 ms: bench/startup.py)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph or heading of a cleaned document."""

    kind: str  # HEADING, NOTE or "paragraph"
    text: str
    number: str = ""  # "12" for paragraph 12, "II", "A", "1" for headings, "3" for footnote 3


@dataclass(frozen=True, slots=True)
class Skipped:
    """A record a reader passed over, with the line it started on and why."""

    line: int | None
    reason: str
