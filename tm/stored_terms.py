"""The termbase read back from a store: entries merged across documents, with their lookup keys.

Apart from tm.app so that `tmtool terms lookup` and the server's term route load only this, the
store and glossary's look-up, and not the pipeline, formats and file handling tm.app joins.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from glossary.termstore import entry_from_json

if TYPE_CHECKING:  # the caller opened the store: this module needs neither its nor tm.model's classes
    from glossary.lookup_keys import LookupKeys
    from glossary.model import TermEntry
    from tm.model import DocumentInfo
    from tm.store import Store


def chosen_documents(store: Store, doc: str | None = None) -> list[DocumentInfo]:
    """The store's documents, or the one named doc (StoreError naming it when there is none)."""
    from tm.documents import find_document

    return [find_document(store, doc)] if doc is not None else store.documents()


def load_terms(store: Store, doc: str | None = None) -> list[TermEntry]:
    """The stored entries, by document name then position."""
    return [entry_from_json(r.data, f"{store.location}: term {r.id}") for r in store.term_records(doc)]


def store_terms(store: Store, doc: str | None = None) -> list[TermEntry]:
    """The store's termbase, one entry per concept across its documents; with doc, that document's own
    (StoreError naming it when there is no such document)."""
    from glossary.merge import merge_documents

    if doc is not None:
        chosen_documents(store, doc)
        return keyed_terms(store, doc)[0]
    entries, keys = keyed_terms(store)
    return merge_documents(entries, [k.concept if k is not None else None for k in keys])


def keyed_terms(store: Store, doc: str | None = None) -> tuple[list[TermEntry], list[LookupKeys | None]]:
    """The stored entries with their lookup keys (None where a store has none); the keys' lemmas join
    glossary.lookup's, so that a lookup of the words they hold needs no pymorphy3."""
    from glossary.lookup import remember_lemmas
    from glossary.lookup_keys import keys_from_json

    records = store.term_records(doc)
    entries = [entry_from_json(r.data, f"{store.location}: term {r.id}") for r in records]
    keys = [keys_from_json(r.lookup_keys, f"{store.location}: term {r.id}") for r in records]
    for k in keys:
        if k is not None:
            remember_lemmas(k.lemmas)
    return entries, keys
