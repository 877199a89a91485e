"""The termbase's plain data: one TermEntry per concept (an acronym or a named body)."""
from __future__ import annotations

from dataclasses import dataclass, field

ACRONYM = "acronym"
NAME = "name"
KINDS = (ACRONYM, NAME)

# How an entry's Russian full form was found.
FOUND_TEXT = "text"            # spelled out in the document: "Международной организации труда (МОТ)"
FOUND_INFERRED = "inferred"    # a nearby name whose initials give the acronym: ОУПЖ
FOUND_REFERENCE = "reference"  # never spelled out; the full form comes from the reference table
FOUND_UNDEFINED = "undefined"  # never spelled out and not in the reference table


@dataclass(frozen=True, slots=True)
class TermEntry:
    """One concept of the termbase with its Russian and English designations."""

    id: str
    kind: str
    ru_acronym: str = ""
    ru_full_form: str = ""  # dictionary form: "Международная организация труда"
    ru_full_form_in_text: str = ""  # as first found: "Международной организации труда"
    ru_variants: tuple[str, ...] = ()  # other Russian full forms of the concept in the text, dictionary form
    en_acronym: str = ""
    en_full_form: str = ""
    occurrences: int = 0
    first_unit: str = ""  # id of the unit that defines it, else of its first occurrence
    context: str = ""  # that unit's text
    found: str = FOUND_TEXT
    en_source: str = ""  # "reference", "aligned" or "" when there is no English
    notes: tuple[str, ...] = field(default_factory=tuple)
    # a store-wide entry's documents with its occurrences in each (glossary.merge.merge_documents);
    # () for the entry of one document's termbase
    documents: tuple[tuple[str, int], ...] = field(default_factory=tuple)

    @property
    def ru_term(self) -> str:
        """The Russian designation a translator sees first: the acronym, else the full form."""
        return self.ru_acronym or self.ru_full_form

    @property
    def has_english(self) -> bool:
        return bool(self.en_acronym or self.en_full_form)


@dataclass(frozen=True, slots=True)
class TermPair:
    """One Russian designation with its English counterpart, as pair-based formats need them."""

    entry: TermEntry
    role: str  # "acronym" or "fullForm" (the TBX termType)
    ru: str
    en: str
    variant: int = 0  # 0 for the main full form, n for the entry's n-th other Russian full form


def term_pairs(entry: TermEntry, with_untranslated: bool = False) -> list[TermPair]:
    """The entry's acronym pair and full-form pairs (its other Russian full forms too); an acronym
    pairs with the English full form when there is no English acronym. Untranslated designations
    only on request."""
    pairs = []
    if entry.ru_acronym and (entry.en_acronym or entry.en_full_form or with_untranslated):
        pairs.append(TermPair(entry, "acronym", entry.ru_acronym, entry.en_acronym or entry.en_full_form))
    if entry.ru_full_form and (entry.en_full_form or with_untranslated):
        pairs.append(TermPair(entry, "fullForm", entry.ru_full_form, entry.en_full_form))
        pairs += [TermPair(entry, "fullForm", v, entry.en_full_form, n) for n, v in enumerate(entry.ru_variants, 1)]
    return pairs
