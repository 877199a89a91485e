"""The keys a term lookup needs, computed when a termbase is stored and kept with each term record.

A lookup compares lemmas: of every name of every entry, and of the query's words. pymorphy3 gives
them but takes ~0.1 s to load, so the store keeps, beside each entry's JSON record, its merge
concept (glossary.merge.store_concept) and the lemma of every word of its names, as typed and in
lower case, in each Cyrillic/Latin reading (glossary.lookup.compound_lemma's own answers): an
acronym, a name or a part of one looked up as written, or in lower case, then needs no analyser.
A record stored without keys (an older tmtool's store) is looked up as before, the analyser loaded.

    {"concept": ["name", "комиссия", "по", "разоружение"], "lemmas": {"Комиссия": "комиссия", ...}}
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from glossary.lookup import compound_lemma, designations, reading_variants, reading_words
from glossary.merge import Concept, store_concept
from glossary.model import TermEntry
from tm.errors import StoreError


@dataclass(frozen=True, slots=True)
class LookupKeys:
    """What a term record's lookup needs without pymorphy3: its merge concept and word lemmas."""

    concept: Concept
    lemmas: dict[str, str]


def entry_keys(entry: TermEntry) -> LookupKeys:
    """The keys of an entry of one document's termbase (loads pymorphy3: for build time)."""
    # lemmatised_words of each name as typed and in lower case; a reading many of them share is read once
    readings = {r for name in designations(entry) for text in (name, name.lower()) for r in reading_variants(text)}
    words = {w for reading in readings for w in reading_words(reading)}
    return LookupKeys(store_concept(entry), {w: compound_lemma(w) for w in sorted(words)})


def keys_to_json(keys: LookupKeys) -> str:
    """The keys as the store keeps them (sorted, so equal entries give equal text)."""
    return json.dumps({"concept": list(keys.concept), "lemmas": keys.lemmas}, ensure_ascii=False, sort_keys=True)


def keys_from_json(text: str, where: str) -> LookupKeys | None:
    """The stored keys; None for a record stored without them ('')."""
    if not text:
        return None
    try:
        data = json.loads(text)
        return LookupKeys(tuple(str(c) for c in data["concept"]), {str(k): str(v) for k, v in data["lemmas"].items()})
    except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as err:
        raise StoreError(f"{where}: damaged lookup keys ({err})") from err
