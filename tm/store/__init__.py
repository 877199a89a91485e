"""The translation-memory store: one interface, one module per backend; all SQL lives here."""
from __future__ import annotations

import os
from typing import TYPE_CHECKING

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
from tm.store.url import POSTGRES_SCHEMES, is_postgres_url, shown_location, without_password

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["POSTGRES_SCHEMES", "Candidate", "PhraseCandidate", "PreparedUnits", "SQLiteStore", "Store", "TermRecord",
           "Writer", "default_db_path", "open_store", "shown_location", "without_password"]

DEFAULT_DB = "tmtool.db"


def default_db_path() -> str:
    """The store used when --db is not given: $TMTOOL_DB or ./tmtool.db."""
    return os.environ.get("TMTOOL_DB") or DEFAULT_DB


def open_store(location: str | Path, *, create: bool = True, readonly: bool = False) -> Store:
    """Open the store at a path (SQLite) or a postgresql:// URL; create it when missing unless create is False."""
    if is_postgres_url(location):
        return open_postgres(str(location), create=create, readonly=readonly)
    return SQLiteStore(location, create=create, readonly=readonly)


def open_postgres(url: str, *, create: bool, readonly: bool) -> Store:
    """A PostgreSQL store; psycopg is imported only here, so SQLite users need not install it."""
    try:
        from tm.store.postgres import PostgresStore
    except ImportError as err:
        raise StoreError(f"{without_password(url)}: PostgreSQL stores need psycopg "
                         f"(pip install 'tmtool[postgres]'): {err}") from err
    return PostgresStore(url, create=create, readonly=readonly)
