"""Score termbases against the hand-made gold lists (run by hand).

    python bench/term_score.py [--no-reference]            # the bundled report, tests/data/gold_terms.tsv
    python bench/term_score.py --unv1 [--target] [--no-reference] [--verbose]
        # the UN dev set (../shared/data/unv1), tests/data/terms/unv1_gold.tsv: one termbase per
        # document; --target gives the units their English lines (aligned English acronyms)
    python bench/term_score.py --news wmt21_newstest_ruen [--target]
        # the entries of a ../shared/data/parallel set, one termbase per document, for reading by
        # hand (which are not terms); prints kind, Russian acronym, full form, found, English acronym
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from termscore import dev_documents, load_dev_gold, load_gold, report, score_dev, score_terms

from glossary.model import ACRONYM, TermEntry
from glossary.reference import Reference
from glossary.termbase import compile_termbase
from tm.app import build_memory, example_path
from tm.model import Unit

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
GOLD = DATA / "gold_terms.tsv"
DEV_GOLD = DATA / "terms" / "unv1_gold.tsv"


def dev_termbases(reference: Reference | None, with_target: bool) -> tuple[dict[str, list[TermEntry]], dict]:
    docs = dev_documents(with_target=with_target)
    found = {}
    for doc, lines in docs.items():
        units = [Unit(id=f"{doc}:{n}", doc=doc, source=ru, target=en, position=i)
                 for i, (n, ru, en) in enumerate(lines)]
        found[doc] = compile_termbase(units, reference, year=int(doc.split("/")[0]))
    return found, docs


PARALLEL = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "parallel"


def news_entries(name: str, with_target: bool) -> list[TermEntry]:
    ru = (PARALLEL / f"{name}.ru").read_text(encoding="utf-8").split("\n")
    en = (PARALLEL / f"{name}.en").read_text(encoding="utf-8").split("\n")
    found: list[TermEntry] = []
    for row in (PARALLEL / f"{name}.docs").read_text(encoding="utf-8").strip().split("\n"):
        doc, first, count = row.split("\t")[:3]
        lines = range(int(first), int(first) + int(count))
        found += compile_termbase([Unit(id=f"{doc}:{i}", doc=doc, source=ru[i - 1], target=en[i - 1] if with_target else "")
                                   for i in lines])
    return found


def main() -> None:
    reference = Reference.empty() if "--no-reference" in sys.argv else None
    if "--news" in sys.argv:
        entries = news_entries(sys.argv[sys.argv.index("--news") + 1], "--target" in sys.argv)
        for e in entries:
            print("\t".join((e.kind, e.ru_acronym, e.ru_full_form, e.found, e.en_acronym)))
        print(f"{len(entries)} entries")
        return
    if "--unv1" in sys.argv:
        entries, docs = dev_termbases(reference, "--target" in sys.argv)
        scores = score_dev(entries, docs, load_dev_gold(DEV_GOLD))
        for part in ("tuning", "held-out", "all"):
            print(scores[part].line(part))
        if "--verbose" in sys.argv:
            print("\n".join(scores["all"].wrong or []))
        return
    units = build_memory(example_path()).units
    entries_ = compile_termbase(units, reference)
    gold = load_gold(GOLD)
    for kind in (None, ACRONYM, "name"):
        chosen = [e for e in entries_ if kind is None or e.kind == kind]
        wanted = [g for g in gold if kind is None or g.kind == kind]
        print(f"== {kind or 'all'}\n{report(score_terms(chosen, wanted))}")


if __name__ == "__main__":
    main()
