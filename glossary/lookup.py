"""Finding termbase entries by any of their four names, or a part of one; suggesting near misses.

A query matches on whole words, never inside one (ЕС does not find «экономический», UN does not find
"Communities"): its words as typed, then their lemmas side by side, then its lemmas anywhere in the
name ("конференция миграции"). Before matching, a query is folded: case, ё, a case ending after an
acronym (МОТа, ЮНИСЕФом), Latin letters typed for their Cyrillic look-alikes (MOT, ЮHИCEФ), and
ООН / «Организация Объединенных Наций» (UN / United Nations) as one word. A query the documents
do not answer may be answered by the reference table, and the entry says so (FOUND_REFERENCE),
unless the documents hold the concept under another Russian name. A miss names the nearest terms.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from glossary.model import ACRONYM, FOUND_REFERENCE, TermEntry
from tm.errors import TmtoolError

if TYPE_CHECKING:  # a term the documents answer is found without reading the reference table
    from glossary.reference import Reference, ReferenceName

SUGGESTIONS = 5
SUGGESTION_CUTOFF = 50.0
FAR_SUGGESTIONS = 3  # named when none is above the cutoff
REFERENCE_NOTE = "from the reference table: not in the documents of this termbase"

WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
# An acronym typed with a case ending: "МОТа", "ЮНИСЕФом", "СПИДу".
ACRONYM_WITH_ENDING = re.compile(r"^(?P<core>[А-ЯЁ]{2,})(?:а|у|ом|е|ов|ам|ами|ах)$")
# Latin letters that look like Cyrillic ones, and back: "MOT" for МОТ, "ЮHИCEФ" for ЮНИСЕФ.
LATIN_TO_CYRILLIC = str.maketrans("ABCEHKMOPTXaceopxy", "АВСЕНКМОРТХасеорху")
CYRILLIC_TO_LATIN = str.maketrans("АВСЕНКМОРТХасеорху", "ABCEHKMOPTXaceopxy")
# Word sequences that are one word for lookup: the United Nations in both languages.
SYNONYMS = (
    (("организация", "объединенный", "нация"), "оон"),
    (("объединенный", "нация"), "оон"),
    (("united", "nations"), "un"),
)
SYNONYM_STARTS = frozenset(phrase[0] for phrase, _ in SYNONYMS)


class TermNotFound(TmtoolError):
    """No entry answers the query; carries the nearest designations."""

    def __init__(self, query: str, suggestions: Sequence[str]) -> None:
        self.query = query
        self.suggestions = tuple(suggestions)
        hint = f"; nearest: {', '.join(self.suggestions)}" if self.suggestions else ""
        super().__init__(f"no term matches {query!r}{hint}")


def designations(entry: TermEntry) -> list[str]:
    """Every name of an entry a user may type."""
    names = (entry.ru_acronym, entry.en_acronym, entry.ru_full_form, entry.en_full_form, entry.ru_full_form_in_text,
             *entry.ru_variants)
    return [n for n in names if n]


def fold(text: str) -> str:
    return " ".join(text.casefold().replace("ё", "е").split())


def strip_ending(word: str) -> str:
    m = ACRONYM_WITH_ENDING.match(word)
    return m.group("core") if m else word


def merge_synonyms(typed: list[str], lemmas: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Both word lists with each SYNONYMS phrase (found by its lemmas) as its one word."""
    if SYNONYM_STARTS.isdisjoint(lemmas):  # most names: no phrase can start in them
        return tuple(typed), tuple(lemmas)
    out_typed: list[str] = []
    out_lemmas: list[str] = []
    i = 0
    while i < len(lemmas):
        for phrase, one in SYNONYMS:
            if tuple(lemmas[i:i + len(phrase)]) == phrase:
                out_typed.append(one)
                out_lemmas.append(one)
                i += len(phrase)
                break
        else:
            out_typed.append(typed[i])
            out_lemmas.append(lemmas[i])
            i += 1
    return tuple(out_typed), tuple(out_lemmas)


@lru_cache(maxsize=16384)
def word_forms(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A name's words as typed (folded) and as lemmas, with the synonyms merged."""
    words = [strip_ending(m.group()) for m in WORD.finditer(text)]
    return merge_synonyms([fold(w) for w in words], [fold(compound_lemma(w)) for w in words])


# compound_lemma's answers stored with the term records (glossary.lookup_keys), so that a lookup whose
# words the termbase holds needs no pymorphy3 (its dictionaries take ~0.1 s to load): the values
# compound_lemma computes, computed when the termbase was stored.
STORED_LEMMAS: dict[str, str] = {}


def remember_lemmas(lemmas: Mapping[str, str]) -> None:
    """Take in lemmas stored with a termbase (compound_lemma's own answers, computed at build)."""
    STORED_LEMMAS.update(lemmas)


def compound_lemma(word: str) -> str:
    """An acronym as it is; an acronym compound part by part ("ООН-Женщинам" -> "ООН-женщина"); else the lemma."""
    if word.isupper():
        return word
    stored = STORED_LEMMAS.get(word)
    if stored is not None:
        return stored
    from glossary.normalise import is_acronym_word

    parts = word.split("-")
    if len(parts) > 1 and any(is_acronym_word(p) for p in parts):
        return "-".join(strip_ending(p) if is_acronym_word(p) else word_lemma(p) for p in parts)
    return word_lemma(word)


@lru_cache(maxsize=16384)
def word_lemma(word: str) -> str:
    """The lemma, with participles that name bodies kept as adjectives ("Объединенных" -> "объединенный")."""
    from glossary.normalise import is_acronym_word, lemma
    from tm.lang.morph import lookup_parse

    parse = lookup_parse(word)[0]
    if parse.tag.POS in ("PRTF", "PRTS"):
        form = parse.inflect({"nomn", "sing", "masc"})
        return (form.word if form else parse.word).replace("ё", "е")
    # lemma()'s own answer (its first reading's normal form) without its cache, unless an acronym ("ЮНИСЕФом")
    return lemma(word) if word[:2].isupper() and is_acronym_word(word) else parse.normal_form.replace("ё", "е")


def reading_variants(query: str) -> tuple[str, str, str]:
    """The query as typed, and with its letters read as Cyrillic and as Latin look-alikes."""
    return query, query.translate(LATIN_TO_CYRILLIC), query.translate(CYRILLIC_TO_LATIN)


def query_readings(query: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """The query's word forms as typed, and with its letters read as Cyrillic and as Latin look-alikes."""
    return list(dict.fromkeys(word_forms(v) for v in reading_variants(query)))


def lemmatised_words(query: str) -> Iterator[str]:
    """The words whose lemmas (compound_lemma) a lookup of the query needs: those of its readings
    that are not all capitals (an acronym is its own lemma)."""
    for variant in reading_variants(query):
        yield from reading_words(variant)


def reading_words(reading: str) -> Iterator[str]:
    """lemmatised_words of one reading of a query."""
    for m in WORD.finditer(reading):
        word = strip_ending(m.group())
        if not word.isupper():
            yield word


def side_by_side(name: tuple[str, ...], query: tuple[str, ...]) -> bool:
    n = len(query)
    return n > 0 and query[0] in name and any(name[i:i + n] == query for i in range(len(name) - n + 1))


def rank_names(names: Sequence[str], query: str) -> int | None:
    """0 an exact name, 1 its words side by side, 2 their lemmas side by side, 3 the lemmas anywhere."""
    readings = query_readings(query)
    forms = [word_forms(n) for n in names]
    best: int | None = None
    for typed_q, lemmas_q in readings:
        if not typed_q:
            continue
        for typed, lemmas in forms:
            if typed == typed_q:
                return 0
            if side_by_side(typed, typed_q):
                rank = 1
            elif side_by_side(lemmas, lemmas_q):
                rank = 2
            elif len(lemmas_q) > 1 and set(lemmas_q) <= set(lemmas):
                rank = 3
            else:
                continue
            best = rank if best is None else min(best, rank)
    return best


def rank(entry: TermEntry, query: str) -> int | None:
    return rank_names(designations(entry), query)


def lookup(entries: Sequence[TermEntry], query: str) -> list[TermEntry]:
    """Entries matching the query on whole words: exact names first, then parts of names."""
    if not fold(query):
        return []
    ranked = [(r, i, e) for i, e in enumerate(entries) if (r := rank(e, query)) is not None]
    return [e for _, _, e in sorted(ranked, key=lambda t: (t[0], t[1]))]


def reference_entry(row: ReferenceName) -> TermEntry:
    """A reference row as an entry, marked as not found in the documents."""
    return TermEntry(id=f"reference:{row.ru_acronym or row.en_acronym or row.ru_full_form}",
                     kind=ACRONYM if row.ru_acronym else "name", ru_acronym=row.ru_acronym,
                     ru_full_form=row.ru_full_form, en_acronym=row.en_acronym, en_full_form=row.en_full_form,
                     found=FOUND_REFERENCE, en_source="reference",
                     notes=(REFERENCE_NOTE, *row.notes))


def suggest(entries: Sequence[TermEntry], query: str, limit: int = SUGGESTIONS,
            reference: Reference | None = None) -> list[str]:
    """The designations nearest to a query that matched nothing (rapidfuzz WRatio), the reference
    table's names among them."""
    from rapidfuzz import fuzz, process  # only a miss needs it: a found term starts without it

    rows = reference.rows if reference is not None else []
    choices = sorted({n for e in [*entries, *map(reference_entry, rows)] for n in designations(e)})
    found = process.extract(fold(query), choices, scorer=fuzz.WRatio, processor=fold, limit=limit,
                            score_cutoff=SUGGESTION_CUTOFF)
    if not found:  # a miss always names the nearest terms, however far
        found = process.extract(fold(query), choices, scorer=fuzz.WRatio, processor=fold, limit=FAR_SUGGESTIONS)
    return [choice for choice, _, _ in found]


def acronyms_of(entries: Sequence[TermEntry], query: str) -> list[TermEntry]:
    """A pasted phrase answered by the acronyms in it: "по линии МОТ" finds МОТ."""
    from glossary.normalise import is_acronym_word

    words = [strip_ending(m.group()) for m in WORD.finditer(query)]
    shared = {one for _, one in SYNONYMS}  # ООН alone says little
    acronyms = [w for w in words if is_acronym_word(w) and fold(w) not in shared] if len(words) > 1 else []
    return [e for a in acronyms for e in lookup(entries, a)]


def in_documents(entries: Sequence[TermEntry], rows: list[TermEntry]) -> list[TermEntry]:
    """Reference answers, each replaced by the document's entry of the same concept (the same English
    acronym and name) when there is one: the official name finds the entry of a report that writes
    another ("Экономическая и социальная комиссия для Азии…" finds the report's ЭСКАТО)."""
    by_english = {(e.en_acronym, e.en_full_form): e for e in entries if e.en_full_form}
    return list(dict.fromkeys(by_english.get((r.en_acronym, r.en_full_form), r) for r in rows))


def bundled_reference() -> Reference:
    """The bundled reference table, read now: what find_terms calls when the documents do not answer."""
    from glossary.reference import Reference

    return Reference.load()


def find_terms(entries: Sequence[TermEntry], query: str,
               reference: Reference | Callable[[], Reference] | None = None) -> list[TermEntry]:
    """lookup(); else the reference table's rows that answer the query (marked FOUND_REFERENCE);
    else the acronyms of a pasted phrase, in both; else TermNotFound with suggestions. The table
    may be given as what reads it (bundled_reference), called only when the documents do not answer."""
    found = lookup(entries, query)
    if found:
        return found
    table = reference() if callable(reference) else reference
    rows = [reference_entry(r) for r in table.rows] if table is not None else []
    found = in_documents(entries, lookup(rows, query)) or acronyms_of(entries, query) or acronyms_of(rows, query)
    if not found:
        raise TermNotFound(query, suggest(entries, query, reference=table))
    return found
