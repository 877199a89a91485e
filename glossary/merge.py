"""One termbase for a store: the entries of its documents merged, one per concept.

Apart from glossary.termbase (extraction, rapidfuzz) so that reading a stored termbase loads neither;
the concept of a name is the lemmas of its Russian form, stored with each term record at build
(glossary.lookup_keys) and computed here only for a record stored without them.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from glossary.model import ACRONYM, NAME, TermEntry

Concept = tuple[str, ...]


def document_of(entry: TermEntry) -> str:
    """The document an entry of one document's termbase comes from ("A_58_98.ru.txt:term001")."""
    return entry.id.rsplit(":", 1)[0]


def concept_of(entry: TermEntry) -> tuple[str, str] | None:
    """Entries the reference table gives the same English names are one concept."""
    return (entry.en_acronym, entry.en_full_form) if entry.en_source == "reference" and entry.en_full_form else None


def store_concept(entry: TermEntry) -> Concept:
    """What makes two documents' entries one concept: the reference table's English names, else the
    Russian acronym, else the lemmas of the Russian name."""
    concept = concept_of(entry)
    if concept is not None:
        return ("reference", *concept)
    if entry.ru_acronym:
        return (ACRONYM, entry.ru_acronym.upper())
    from glossary.normalise import lemma_key

    return (NAME, *lemma_key(entry.ru_full_form))


def merge_documents(entries: Sequence[TermEntry], concepts: Sequence[Concept | None] = ()) -> list[TermEntry]:
    """One termbase for a store: the entries of all its documents, one per concept. The first
    document's entry stays (its forms, context and id), the others' Russian full forms become its
    variants, occurrences add up, and `documents` lists each document with its occurrences.

    concepts: each entry's store_concept as stored with it (None, or left out: computed here)."""
    merged: list[TermEntry] = []
    where: dict[Concept, int] = {}
    for i, entry in enumerate(entries):
        stored = concepts[i] if i < len(concepts) else None
        key = stored if stored is not None else store_concept(entry)
        doc = (document_of(entry), entry.occurrences)
        if key not in where:
            where[key] = len(merged)
            merged.append(replace(entry, documents=(doc,)))
            continue
        kept = merged[where[key]]
        full = kept.ru_full_form or entry.ru_full_form
        forms = [f for f in (entry.ru_full_form, *entry.ru_variants)
                 if f and f != full and f not in kept.ru_variants]
        merged[where[key]] = replace(
            kept, ru_full_form=full, ru_variants=kept.ru_variants + tuple(dict.fromkeys(forms)),
            occurrences=kept.occurrences + entry.occurrences, documents=(*kept.documents, doc),
            en_acronym=kept.en_acronym or entry.en_acronym, en_full_form=kept.en_full_form or entry.en_full_form)
    return merged
