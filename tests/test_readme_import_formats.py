"""The README's server import route names exactly the formats the registry reads (exports.ENTRIES)."""
from __future__ import annotations

import re
from pathlib import Path

from exports import ENTRIES

README = Path(__file__).resolve().parent.parent / "README.md"


def test_the_import_route_lists_every_format_import_reads() -> None:
    row = next(line for line in README.read_text(encoding="utf-8").splitlines() if "`POST /api/import" in line)
    listed = set(re.findall(r"\(`(\w+)`\)", row))
    assert listed == {e.name for e in ENTRIES if e.kind == "tm" and e.reads}
