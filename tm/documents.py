"""Documents managed in the store: list them, describe one in words that fit its origin, remove, rename.

A document is built (tmtool build: paragraphs, headings, sentences, repairs) or imported (tmtool
import: units read from a TMX, PO, CSV or XLIFF file); its signature says which. Remove and
rename are each one write transaction over the document's row, units and term records.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from glossary.termstore import entry_from_json, entry_to_json
from tm.errors import StoreError
from tm.model import NOTE, DocumentInfo
from tm.store import Store, TermRecord
from tm.wording import plural

__all__ = ["BUILT", "IMPORTED", "DocumentView", "describe", "document_view", "document_views", "find_document",
           "import_format", "name_problem", "origin_of", "plural", "remove_document", "rename_document", "renamed_id"]

BUILT, IMPORTED = "built", "imported"
IMPORT_SIGNATURE = "import:"  # tm.importer signs an imported document 'import:<format>|v:<version>'


@dataclass(frozen=True, slots=True)
class DocumentView:
    """One stored document as `tmtool docs` shows it: its row with the counts of its units and terms."""

    name: str
    origin: str  # BUILT or IMPORTED
    src_lang: str
    tgt_lang: str
    units: int
    translated: int
    terms: int
    symbol: str
    summary: dict[str, int]
    source_format: str  # the format an imported document was read from ("tmx"); "" for a built one
    notes: int | None = None  # footnote units, counted for `docs show` only (it reads the document's units)


def origin_of(info: DocumentInfo) -> str:
    """BUILT or IMPORTED, from the document's signature."""
    return IMPORTED if info.signature.startswith(IMPORT_SIGNATURE) else BUILT


def import_format(info: DocumentInfo) -> str:
    """The format an imported document was read from ('tmx'), '' for a built one."""
    if origin_of(info) != IMPORTED:
        return ""
    return info.signature.removeprefix(IMPORT_SIGNATURE).split("|", 1)[0]


def document_view(store: Store, info: DocumentInfo, with_notes: bool = False,
                  counts: tuple[int, int] | None = None) -> DocumentView:
    """The document with its counts (units, translated: given, or counted now); with_notes, its footnote
    units counted too (a read of its units)."""
    notes = sum(1 for u in store.units(info.name) if u.kind == NOTE) if with_notes else None
    units, translated = counts or (store.count_units(info.name), store.count_units(info.name, translated_only=True))
    return DocumentView(info.name, origin_of(info), info.src_lang, info.tgt_lang, units, translated,
                        len(store.term_records(info.name)), info.symbol, info.summary, import_format(info), notes)


def document_views(store: Store) -> list[DocumentView]:
    """Every stored document with its counts, by name."""
    return [document_view(store, info) for info in store.documents()]


def find_document(store: Store, name: str) -> DocumentInfo:
    """The stored document of this name, or a StoreError that names it."""
    for info in store.documents():
        if info.name == name:
            return info
    raise StoreError(f"{store.location}: no document named {name!r} ('tmtool docs list' shows them)")


def built_lines(view: DocumentView) -> list[str]:
    s = view.summary
    counts = [plural(s.get("paragraphs", 0), "paragraph"), plural(s.get("headings", 0), "heading"),
              plural(s.get("sentences", 0), "sentence")]
    counts += [plural(view.notes, "note")] if view.notes is not None else []
    lines = [f"{view.name}: built, {', '.join(counts)}, {plural(s.get('repairs', 0), 'repair')}"]
    lines += [f"  repaired {k.split(':', 1)[1]}: {n}" for k, n in s.items() if k.startswith("repair:")]
    if "aligned" in s:
        lines.append(f"  aligned: {s['aligned']} pairs, {s.get('low_confidence', 0)} low confidence, "
                     f"{s.get('unmatched_source', 0)} source and {s.get('unmatched_target', 0)} target "
                     "sentences without a counterpart")
    return lines


def imported_lines(view: DocumentView) -> list[str]:
    s = view.summary
    return [f"{view.name}: imported from {view.source_format.upper() or 'a file'}, "
            f"{plural(s.get('imported', view.units), 'unit')} added, {plural(s.get('duplicates', 0), 'duplicate')}, "
            f"{s.get('skipped', 0)} skipped"]


def describe(view: DocumentView) -> list[str]:
    """The document's summary in words that fit its origin, then its units, languages and symbol."""
    lines = imported_lines(view) if view.origin == IMPORTED else built_lines(view)
    langs = f"{view.src_lang}→{view.tgt_lang}" if view.tgt_lang else view.src_lang
    lines.append(f"  {plural(view.units, 'unit')} ({langs}), {view.translated} translated, "
                 f"{plural(view.terms, 'term')}")
    if view.symbol:
        lines.append(f"  document symbol: {view.symbol}")
    return lines


def remove_document(store: Store, name: str) -> DocumentView:
    """Delete a document with its units and terms in one transaction; returns what it held."""
    view = document_view(store, find_document(store, name))
    with store.writer() as writer:
        writer.remove_document(name)
    return view


def renamed_id(item_id: str, old: str, new: str) -> str:
    """'old:0000012' -> 'new:0000012'; an id not made from the name stays as it is."""
    return new + item_id[len(old):] if item_id.startswith(f"{old}:") else item_id


def renamed_record(record: TermRecord, old: str, new: str, where: str) -> TermRecord:
    """A term record whose entry names the renamed document's ids (its own and its first unit's)."""
    entry = entry_from_json(record.data, f"{where}: term {record.id}")
    entry = replace(entry, id=renamed_id(entry.id, old, new), first_unit=renamed_id(entry.first_unit, old, new))
    return replace(record, data=entry_to_json(entry))


def name_problem(name: str) -> str | None:
    """Why a new document name is refused (empty, spaces at an end, control characters), or None."""
    if not name.strip():
        return "a document name cannot be empty"
    if name != name.strip():
        return f"{name!r}: a document name cannot start or end with a space"
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        return f"{name!r}: a document name cannot hold control characters"
    return None


def rename_document(store: Store, old: str, new: str) -> DocumentView:
    """Rename a document, its units' and terms' ids with it, in one transaction; returns it under the new name."""
    problem = name_problem(new)
    if problem:
        raise StoreError(f"{store.location}: {problem}")
    find_document(store, old)
    with store.writer() as writer:
        writer.rename_document(old, new)
        records = [renamed_record(r, old, new, store.location) for r in writer.term_records(new)]
        writer.replace_terms(new, records)
    return document_view(store, find_document(store, new))
