"""Score the termbase of the bundled report against the hand-made gold list (run by hand).

    python bench/term_score.py [--no-reference]
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from termscore import load_gold, report, score_terms

from glossary.model import ACRONYM
from glossary.reference import Reference
from glossary.termbase import compile_termbase
from tm.app import build_memory, example_path

GOLD = Path(__file__).resolve().parent.parent / "tests" / "data" / "gold_terms.tsv"


def main() -> None:
    reference = Reference.empty() if "--no-reference" in sys.argv else None
    units = build_memory(example_path()).units
    entries = compile_termbase(units, reference)
    gold = load_gold(GOLD)
    for kind in (None, ACRONYM, "name"):
        chosen = [e for e in entries if kind is None or e.kind == kind]
        wanted = [g for g in gold if kind is None or g.kind == kind]
        print(f"== {kind or 'all'}\n{report(score_terms(chosen, wanted))}")


if __name__ == "__main__":
    main()
