"""Termbase entries as the JSON records a store keeps (one per entry); tm.app saves and loads them."""
from __future__ import annotations

import json
from dataclasses import fields
from typing import Any

from glossary.model import TermEntry
from tm.errors import StoreError

FIELDS = tuple(f.name for f in fields(TermEntry))


def entry_to_json(entry: TermEntry) -> str:
    """An entry as its stored JSON (keys sorted, so equal entries give equal text)."""
    # the fields as they are (str, int, tuples of str): asdict would deep-copy each, at 4x the cost
    data: dict[str, Any] = {name: getattr(entry, name) for name in FIELDS}
    data["notes"] = list(entry.notes)
    data["ru_variants"] = list(entry.ru_variants)
    if not entry.documents:  # a document's own entry: stored as before
        del data["documents"]
    else:
        data["documents"] = [list(d) for d in entry.documents]
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def entry_from_json(text: str, where: str) -> TermEntry:
    """An entry from its stored JSON; unknown keys (from a newer tmtool) are ignored."""
    try:
        data: dict[str, Any] = json.loads(text)
    except json.JSONDecodeError as err:
        raise StoreError(f"{where}: damaged term record ({err})") from err
    known = {k: v for k, v in data.items() if k in FIELDS}
    known["notes"] = tuple(known.get("notes", ()))
    known["ru_variants"] = tuple(known.get("ru_variants", ()))
    known["documents"] = tuple((str(d), int(n)) for d, n in known.get("documents", ()))
    try:
        return TermEntry(**known)
    except TypeError as err:
        raise StoreError(f"{where}: incomplete term record ({err})") from err
