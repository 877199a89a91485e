"""Scoring a compiled termbase against a hand-made gold list (tests/data/gold_terms.tsv).

Used by tests/test_glossary_gold.py; `python bench/term_score.py [--no-reference]` prints precision, recall and the
share of exact dictionary forms and English names for the bundled report.
"""
from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from glossary.model import ACRONYM, TermEntry
from glossary.normalise import lemma_key


@dataclass(frozen=True, slots=True)
class GoldTerm:
    kind: str
    ru_acronym: str
    ru_full_form: str
    en_acronym: str
    en_full_form: str
    found: str
    ru_variants: str = ""  # other Russian full forms of the concept, "; "-separated


@dataclass(frozen=True, slots=True)
class Score:
    predicted: int
    gold: int
    matched: int
    exact_forms: int  # matched entries whose ru_full_form and ru_variants equal the gold ones, character for character
    exact_english: int  # matched entries whose English acronym and name equal the gold ones
    missed: tuple[str, ...]
    spurious: tuple[str, ...]
    wrong_forms: tuple[tuple[str, str], ...]  # (got, gold)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0


def load_gold(path: str | Path) -> list[GoldTerm]:
    lines = [ln for ln in Path(path).read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [GoldTerm(**{k: (v or "").strip() for k, v in row.items()}) for row in rows]


def match_key(kind: str, ru_acronym: str, ru_full_form: str) -> tuple[str, ...]:
    """Acronyms match by acronym; names by the lemmas of the Russian name."""
    return (ACRONYM, ru_acronym.upper()) if kind == ACRONYM else ("name", *lemma_key(ru_full_form))


def same_forms(entry: TermEntry, gold: GoldTerm) -> bool:
    return entry.ru_full_form == gold.ru_full_form and "; ".join(entry.ru_variants) == gold.ru_variants


def same_english(entry: TermEntry, gold: GoldTerm) -> bool:
    acronym_ok = entry.en_acronym == gold.en_acronym if gold.kind == ACRONYM else True
    return acronym_ok and entry.en_full_form == gold.en_full_form


def score_terms(entries: Sequence[TermEntry], gold: Sequence[GoldTerm]) -> Score:
    """Precision, recall and exactness of entries against the gold terms."""
    by_key = {match_key(g.kind, g.ru_acronym, g.ru_full_form): g for g in gold}
    matched, spurious, wrong = [], [], []
    for e in entries:
        g = by_key.get(match_key(e.kind, e.ru_acronym, e.ru_full_form))
        if g is None:
            spurious.append(e.ru_term)
        else:
            matched.append((e, g))
            if not same_forms(e, g):
                wrong.append(("; ".join((e.ru_full_form, *e.ru_variants)), "; ".join(filter(None, (g.ru_full_form, g.ru_variants)))))
    hit = {match_key(g.kind, g.ru_acronym, g.ru_full_form) for _, g in matched}
    missed = [g.ru_acronym or g.ru_full_form for k, g in by_key.items() if k not in hit]
    return Score(len(entries), len(gold), len(matched), sum(1 for e, g in matched if same_forms(e, g)),
                 sum(1 for e, g in matched if same_english(e, g)), tuple(missed), tuple(spurious), tuple(wrong))


def report(score: Score) -> str:
    lines = [
        f"entries {score.predicted}, gold {score.gold}, matched {score.matched}",
        f"precision {score.precision:.3f}  recall {score.recall:.3f}",
        f"exact dictionary forms {score.exact_forms}/{score.matched}, exact English {score.exact_english}/{score.matched}",
    ]
    lines += [f"  missed: {m}" for m in score.missed]
    lines += [f"  spurious: {s}" for s in score.spurious]
    lines += [f"  form: {got!r} (gold {want!r})" for got, want in score.wrong_forms]
    return "\n".join(lines)
