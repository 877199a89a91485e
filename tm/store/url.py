"""Database URLs: which name a PostgreSQL store, and their form fit for a message."""
from __future__ import annotations

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres_url(location: object) -> bool:
    return isinstance(location, str) and location.startswith(POSTGRES_SCHEMES)


def without_password(url: str) -> str:
    """A database URL fit for a message: user and password left out."""
    from urllib.parse import urlsplit  # here: a SQLite store's path needs no URL parser

    parts = urlsplit(url)
    host = parts.netloc.rpartition("@")[2]
    return parts._replace(netloc=host).geturl()


def shown_location(location: object) -> str:
    """A store's path, or its URL without the password: what messages and output may show."""
    return without_password(location) if isinstance(location, str) and is_postgres_url(location) else str(location)
