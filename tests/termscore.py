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


# --- The UN dev set gold (tests/data/terms/unv1_gold.tsv) -----------------------------------------

UNV1_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "unv1"
TUNING_LAST_LINE = 2000  # lines 1-2000 tune the rules; 2001-4000 are held out


@dataclass(frozen=True, slots=True)
class DevGold:
    line: int
    status: str  # defined, not-defined, unclear
    ru_acronym: str
    ru_in_text: str
    ru_full_form: str
    en_acronym: str
    en_full_form: str
    note: str = ""

    @property
    def part(self) -> str:
        return "tuning" if self.line <= TUNING_LAST_LINE else "held-out"


def load_dev_gold(path: str | Path) -> list[DevGold]:
    lines = [ln for ln in Path(path).read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [DevGold(int(r["line"]), *((r[k] or "").strip() for k in list(r)[1:])) for r in rows]


def dev_documents(directory: str | Path = UNV1_DIR, with_target: bool = False) -> dict[str, list[tuple[int, str, str]]]:
    """The dev set's lines grouped by document, in Russian paragraph order: doc -> [(line, ru, en)]."""
    d = Path(directory)
    ru = (d / "unv1_devset.ru.txt").read_text(encoding="utf-8").split("\n")
    en = (d / "unv1_devset.en.txt").read_text(encoding="utf-8").split("\n")
    ids = (d / "unv1_devset.ids.txt").read_text(encoding="utf-8").split("\n")
    docs: dict[str, list[tuple[tuple[int, int], int, str, str]]] = {}
    for n, (i, r, e) in enumerate(zip(ids, ru, en, strict=False), 1):
        if not i.strip():
            continue
        fields = i.split()
        pos = next((f[3:] for f in fields if f.startswith("ru:")), "0:0").split(":")
        docs.setdefault(fields[0], []).append(((int(pos[0]), int(pos[1])), n, r, e if with_target else ""))
    return {k: [(n, r, e) for _, n, r, e in sorted(v)] for k, v in docs.items()}


@dataclass
class DevScore:
    gold: int = 0  # defined rows
    found: int = 0  # defined rows whose acronym got a definition from the text
    forms: int = 0  # ... whose dictionary form equals the gold one
    in_text: int = 0  # ... whose full form as in the text equals the gold one
    en_gold: int = 0  # defined rows with an English acronym in the gold
    en_acronyms: int = 0
    en_names_gold: int = 0
    en_names: int = 0
    entries: int = 0  # acronym entries of the documents scored
    false_definitions: int = 0
    wrong: list[str] | None = None

    def line(self, name: str) -> str:
        pct = lambda a, b: f"{a}/{b} ({100 * a / b:.0f}%)" if b else f"{a}/0"  # noqa: E731
        return (f"{name}: found {pct(self.found, self.gold)}, dictionary forms right {pct(self.forms, self.gold)}, "
                f"forms in text right {pct(self.in_text, self.gold)}, "
                f"English acronyms {pct(self.en_acronyms, self.en_gold)}, "
                f"English names {pct(self.en_names, self.en_names_gold)}, false definitions "
                f"{pct(self.false_definitions, self.entries)} of acronym entries")


def score_dev(entries_by_doc: dict[str, list[TermEntry]], docs: dict[str, list[tuple[int, str, str]]],
              gold: Sequence[DevGold]) -> dict[str, DevScore]:
    """Per part (tuning, held-out, all): the gold rows scored against the termbase of their document.

    An acronym defined twice in one document is scored once, at its first gold row. A false
    definition is an acronym entry found in the text (found == "text") that the gold does not
    define in that document: a gloss or label taken as a name."""
    doc_of = {n: doc for doc, lines in docs.items() for n, _, _ in lines}
    scores = {p: DevScore(wrong=[]) for p in ("tuning", "held-out", "all")}
    defined: dict[tuple[str, str], DevGold] = {}
    for g in sorted(gold, key=lambda g: g.line):
        if g.status != "unclear":
            defined.setdefault((doc_of[g.line], g.ru_acronym), g)
    unclear = {(doc_of[g.line], g.ru_acronym) for g in gold if g.status == "unclear"}
    for (doc, acronym), g in defined.items():
        entry = next((e for e in entries_by_doc.get(doc, []) if e.ru_acronym == acronym), None)
        for s in (scores[g.part], scores["all"]):
            if g.status != "defined":
                continue
            s.gold += 1
            ok = entry is not None and entry.found == "text"
            s.found += ok
            s.forms += ok and entry.ru_full_form == g.ru_full_form
            s.in_text += ok and entry.ru_full_form_in_text == g.ru_in_text
            if g.en_acronym:
                s.en_gold += 1
                s.en_acronyms += entry is not None and entry.en_acronym == g.en_acronym
                if (entry is None or entry.en_acronym != g.en_acronym) and s is scores["all"] and s.wrong is not None:
                    s.wrong.append(f"  {g.line} {acronym}: English acronym {entry and entry.en_acronym!r}, "
                                   f"gold {g.en_acronym!r}")
            if g.en_full_form:
                s.en_names_gold += 1
                s.en_names += entry is not None and entry.en_full_form == g.en_full_form
                if (entry is None or entry.en_full_form != g.en_full_form) and s is scores["all"] and s.wrong is not None:
                    s.wrong.append(f"  {g.line} {acronym}: English name {entry and entry.en_full_form!r}, "
                                   f"gold {g.en_full_form!r}")
            if not (ok and entry.ru_full_form == g.ru_full_form) and s is scores["all"] and s.wrong is not None:
                got = "(none)" if entry is None else f"{entry.found}: {entry.ru_full_form!r}"
                s.wrong.append(f"  {g.line} {acronym}: got {got}, gold {g.ru_full_form!r}")
    for doc, entries in entries_by_doc.items():
        acronyms = [e for e in entries if e.kind == ACRONYM]
        for e in acronyms:
            line = int(e.first_unit.rsplit(":", 1)[1])
            for s in (scores["tuning" if line <= TUNING_LAST_LINE else "held-out"], scores["all"]):
                s.entries += 1
                g = defined.get((doc, e.ru_acronym))
                if e.found == "text" and (doc, e.ru_acronym) not in unclear and (g is None or g.status != "defined"):
                    s.false_definitions += 1
                    if s is scores["all"] and s.wrong is not None:
                        s.wrong.append(f"  false definition in {doc}: {e.ru_acronym} = {e.ru_full_form_in_text!r}")
    return scores
