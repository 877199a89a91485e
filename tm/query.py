"""What a search query may be, for the command line and the server alike: its length, its default score.

Plain constants, apart from tm.match and tm.search: `tmtool --help` shows the default of --min-score
without importing the scoring (tm.markup, tm.model's dataclasses) or rapidfuzz.
"""
from __future__ import annotations

DEFAULT_MIN_SCORE = 75.0  # the lowest match % a search shows unless told
# Longest query: a long sentence is a few hundred characters; beyond this, fuzzy and concordance
# search would take seconds to minutes and find nothing useful. The CLI and the server both keep it.
MAX_QUERY_CHARS = 2000
EMPTY_QUERY = "the query is empty: give some text to search for"


def too_long(query: str) -> str:
    return f"the query is {len(query):,} characters long; search takes at most {MAX_QUERY_CHARS:,}"


def query_problem(query: str) -> str | None:
    """Why a search query is refused (empty, too long), or None when it is fine."""
    if not query.strip():
        return EMPTY_QUERY
    return too_long(query) if len(query) > MAX_QUERY_CHARS else None
