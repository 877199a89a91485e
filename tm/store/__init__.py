"""The translation-memory store: one interface, one module per backend; all SQL lives here."""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

from tm.errors import StoreError
from tm.store.base import (
    Candidate,
    PhraseCandidate,
    PreparedUnits,
    Store,
    TermRecord,
    Writer,
)
from tm.store.sqlite import SQLiteStore

__all__ = ["Candidate", "PhraseCandidate", "PreparedUnits", "SQLiteStore", "Store", "TermRecord", "Writer",
           "default_db_path", "open_store"]

DEFAULT_DB = "tmtool.db"
POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def default_db_path() -> str:
    """The store used when --db is not given: $TMTOOL_DB or ./tmtool.db."""
    return os.environ.get("TMTOOL_DB") or DEFAULT_DB


def open_store(location: str | Path, *, create: bool = True, readonly: bool = False) -> Store:
    """Open the store at a path (SQLite); create it when missing unless create is False."""
    if isinstance(location, str) and location.startswith(POSTGRES_SCHEMES):
        raise StoreError(f"{without_password(location)}: PostgreSQL stores are not supported yet")
    return SQLiteStore(location, create=create, readonly=readonly)


def without_password(url: str) -> str:
    """A database URL fit for a message: user and password left out."""
    parts = urlsplit(url)
    host = parts.netloc.rpartition("@")[2]
    return parts._replace(netloc=host).geturl()
