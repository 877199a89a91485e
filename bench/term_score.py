"""Score termbases against the hand-made gold lists (run by hand).

    python bench/term_score.py [--no-reference]            # the bundled report, tests/data/gold_terms.tsv
    python bench/term_score.py --unv1 [--target] [--no-reference] [--verbose]
        # the UN dev set (../shared/data/unv1), tests/data/terms/unv1_gold.tsv: one termbase per
        # document; --target gives the units their English lines (aligned English acronyms)
    python bench/term_score.py --news wmt21_newstest_ruen [--target]
        # the entries of a ../shared/data/parallel set, one termbase per document, for reading by
        # hand (which are not terms); prints kind, Russian acronym, full form, found, English acronym
    python bench/term_score.py --reference
        # per row of glossary/data/un_names.tsv, the UN dev-set lines that show its names (the
        # evidence its "source" column cites; codes as in the table's header)
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from termscore import UNV1_DIR, dev_documents, load_dev_gold, load_gold, report, score_dev, score_terms

from glossary.model import ACRONYM, TermEntry
from glossary.normalise import lemma_key
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


def contains(seq: tuple[str, ...], sub: tuple[str, ...]) -> bool:
    return any(seq[i:i + len(sub)] == sub for i in range(len(seq) - len(sub) + 1))


def mentions(acronym: str, line: str) -> bool:
    """A whole acronym; a Russian one may take a case ending ("ВИЧ/СПИДом")."""
    after = r"(?![А-ЯЁA-Z])" if re.match("[А-ЯЁ]", acronym) else r"(?![^\W\d_])"
    return re.search(rf"(?<![^\W\d_]){re.escape(acronym)}{after}", line) is not None


def reference_evidence(reference: Reference) -> list[str]:
    """Per reference row, the dev-set lines (../shared/data/unv1) that show its names: U: both full
    names on one aligned line pair, Ur:/Ue: the Russian/English full name alone, Ua: both acronyms on
    one line pair, else Ar:/Ae: the Russian/English acronym (first line of each)."""
    d = UNV1_DIR
    ru = (d / "unv1_devset.ru.txt").read_text(encoding="utf-8").split("\n")
    en = (d / "unv1_devset.en.txt").read_text(encoding="utf-8").split("\n")
    keys = [lemma_key(line) for line in ru]
    out = []
    for r in reference.rows:
        key = lemma_key(r.ru_full_form) if r.ru_full_form else ()
        ru_lines = {n for n, k in enumerate(keys, 1) if key and contains(k, key)}
        en_lines = {n for n, line in enumerate(en, 1) if r.en_full_form and r.en_full_form in line}
        acronyms: set[int] = set()
        if r.ru_acronym and r.en_acronym:
            acronyms = {n for n, (a, b) in enumerate(zip(ru, en, strict=True), 1)
                        if mentions(r.ru_acronym, a) and mentions(r.en_acronym, b)}
        ru_acronym = {n for n, line in enumerate(ru, 1) if r.ru_acronym and mentions(r.ru_acronym, line)}
        en_acronym = {n for n, line in enumerate(en, 1) if r.en_acronym and mentions(r.en_acronym, line)}
        both = ru_lines & en_lines
        lines = {"U": both, "Ur": set() if both else ru_lines, "Ue": set() if both else en_lines, "Ua": acronyms,
                 "Ar": set() if acronyms else ru_acronym, "Ae": set() if acronyms else en_acronym}
        found = [f"{code}:{min(n)}" for code, n in lines.items() if n]
        out.append("\t".join((r.ru_acronym or r.ru_full_form, r.en_acronym, r.source, "; ".join(found) or "-")))
    return out


def main() -> None:
    if "--reference" in sys.argv:
        print("\n".join(reference_evidence(Reference.load())))
        return
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
