"""How messages word a count: "1 unit", "3 units" (apart from tm.documents, whose store classes a
`tmtool terms lookup` that prints a count does not need)."""
from __future__ import annotations


def plural(count: int, word: str) -> str:
    """ "1 term", "0 terms", "2 terms": an English noun that takes -s."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
