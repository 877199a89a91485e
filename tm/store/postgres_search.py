"""Search candidates from the PostgreSQL store, by the same rules as the SQLite store's.

The index is tmtool's own, in plain PostgreSQL (no extension): unit_terms holds each unit's
source length, its words as SQLite's word index holds them and, for sources of at most SHORT_MAX
characters, its character trigrams. From them the writer makes posting lists, word_postings and
gram_postings, rows (term, len, seq) under a B-tree on all three: a term's units of the lengths a
match can have are one range of that index, read without the table (index-only, once VACUUM has
marked the pages), as SQLite reads a trigram rowid range. word_counts and gram_counts say how
many units hold each term, so the rarest are chosen within the same budgets as in
tm.store.sqlite_search, and candidates are ordered by the same estimate (terms held, length fit),
all in one statement per query. A GIN index over the words answers concordance (phrase_rows).
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from tm.match import candidate_lengths, length_bounds
from tm.store.base import Candidate, PhraseCandidate
from tm.store.sqlite_search import (
    GRAM_BUDGET,
    MAX_GRAMS,
    RESCORED,
    SHORT_CANDIDATES,
    SHORT_MAX,
    chosen_terms,
    index_form,
    index_terms,
    term_weights,
    trigrams,
)

PAGE = 2000  # units read per round trip by the lazy readers

Connection = Any  # a psycopg.Connection; typed loosely so that tm imports psycopg only where it connects


IndexRow = tuple[int, int, list[str], list[str] | None]  # seq, len, words, grams: a row of unit_terms


def index_row(seq: int, source: str) -> IndexRow:
    """A unit's row of unit_terms: seq, length, words, and the trigrams of a short source."""
    length = len(source)
    grams = trigrams(source) if length <= SHORT_MAX else None
    return seq, length, index_terms(source), grams


class TermCounts:
    """How many units hold each term (from word_counts or gram_counts), remembered between queries.

    A term the store does not hold is asked again at its next query: remembered as absent, a word
    that another connection (another client of the team's store) stores later would never be searched
    by this one.
    """

    def __init__(self, conn: Connection, table: str) -> None:
        self.conn = conn
        self.sql = f"SELECT term, units FROM {table} WHERE term = ANY(%s)"
        self.known: dict[str, int] = {}

    def __call__(self, terms: list[str]) -> dict[str, int]:
        """Counts of the terms the store holds (absent terms are left out)."""
        missing = [t for t in terms if t not in self.known]
        if missing:
            self.known.update((t, int(n)) for t, n in self.conn.execute(self.sql, (missing,)))
        return {t: self.known[t] for t in terms if self.known.get(t, 0) > 0}


# The estimate of tm.store.sqlite_search.LENGTH_FIT: the square of the best ratio a length allows.
# In float8, as SQLite computes it (a numeric literal would make PostgreSQL use slow exact arithmetic).
LENGTH_FIT = "power(2.0::float8 * least(h.len, %(n)s) / (h.len + %(n)s), 2::float8)"


# Keeps the units of one document (%(doc)s), before candidates are ranked and capped.
IN_DOCUMENT = " AND {key} IN (SELECT seq FROM units WHERE doc = %(doc)s)"


# A store made before the posting tables, opened read-only (so not given them): the same hits from
# unit_terms, slower. Words by its GIN index; trigrams by the length index, compared without the
# length bucket those stores appended to each.
UNPOSTED_HITS = {
    "word_postings": ("SELECT seq, len, %(w{i})s::float8 AS w FROM unit_terms "
                      "WHERE words @> ARRAY[%(k{i})s]::text[] AND len BETWEEN %(low)s AND %(high)s"),
    "gram_postings": ("SELECT seq, len, %(w{i})s::float8 AS w FROM unit_terms WHERE len BETWEEN %(low)s AND %(high)s "
                      "AND %(k{i})s = ANY(ARRAY(SELECT left(g, 3) FROM unnest(grams) g))"),
}


def ranked_sql(table: str, terms: int, order: str, by_doc: bool = False, posted: bool = True) -> str:
    """Units holding any of the terms within a length range, ordered by summed weight times length fit.

    One range of the posting index per term (term, then the fitting lengths), read from the index
    alone, as SQLite reads one posting list per term (without posting tables: UNPOSTED_HITS).
    """
    one = (f"SELECT seq, len, %(w{{i}})s::float8 AS w FROM {table} "
           "WHERE term = %(k{i})s AND len BETWEEN %(low)s AND %(high)s") if posted else UNPOSTED_HITS[table]
    hits = " UNION ALL ".join(one.format(i=i) for i in range(terms))
    in_doc = IN_DOCUMENT.format(key="h.seq").replace(" AND", " WHERE", 1) if by_doc else ""
    return (
        "SELECT u.seq, u.id, u.source FROM ("
        f"SELECT h.seq, h.len, sum(h.w) * {LENGTH_FIT} AS rank FROM ({hits}) h{in_doc} "
        "GROUP BY h.seq, h.len "
        f"ORDER BY rank DESC, {order} LIMIT %(limit)s) c JOIN units u ON u.seq = c.seq "
        f"ORDER BY c.rank DESC, {order.replace('h.', 'c.')}"
    )


def word_rows(conn: Connection, counts: dict[str, int], query: str, min_score: float,
              doc: str | None = None, posted: bool = True) -> list[tuple[int, str, str]]:
    """(seq, id, source) of units (of doc) sharing the query's rarest words, likeliest matches first."""
    terms = chosen_terms(counts)
    if not terms:
        return []
    low, high = candidate_lengths(len(query), min_score)
    args: dict[str, object] = {"low": low, "high": high, "n": len(query), "limit": RESCORED, "doc": doc}
    for i, (term, weight) in enumerate(zip(terms, term_weights(counts, terms), strict=True)):
        args[f"k{i}"], args[f"w{i}"] = term, weight
    return conn.execute(ranked_sql("word_postings", len(terms), "h.seq", doc is not None, posted), args).fetchall()


class LengthShares:
    """The share of short sources in a length range (read once per search object)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.by_length: dict[int, int] | None = None

    def __call__(self, low: int, high: int) -> float:
        if self.by_length is None:
            rows = self.conn.execute("SELECT len, count(*) FROM unit_terms WHERE len <= %s GROUP BY len", (SHORT_MAX,))
            self.by_length = {int(n): int(c) for n, c in rows}
        total = sum(self.by_length.values())
        inside = sum(c for n, c in self.by_length.items() if low <= n <= high)
        return max(inside / total, 0.01) if total else 1.0


def short_rows(conn: Connection, counts: TermCounts, shares: LengthShares, query: str, min_score: float,
               limit: int, doc: str | None = None, posted: bool = True) -> list[tuple[int, str, str]]:
    """(seq, id, source) of short units (of doc) whose length allows min_score, likeliest matches first."""
    low, high = candidate_lengths(len(query), min_score)
    high = min(high, SHORT_MAX)
    budget = GRAM_BUDGET / shares(low, high)
    grams = chosen_terms(counts([g for g in trigrams(query) if '"' not in g]), round(budget), MAX_GRAMS)
    if not grams:  # under three characters: every short unit of a fitting length is a candidate
        in_doc = IN_DOCUMENT.format(key="seq") if doc is not None else ""
        sql = ("SELECT u.seq, u.id, u.source FROM (SELECT seq FROM unit_terms WHERE len BETWEEN %(low)s AND "
               f"%(high)s{in_doc} ORDER BY len, seq LIMIT %(limit)s) t JOIN units u ON u.seq = t.seq ORDER BY u.seq")
        return conn.execute(sql, {"low": low, "high": high, "limit": limit, "doc": doc}).fetchall()
    args: dict[str, object] = {"low": low, "high": high, "n": len(query), "limit": limit, "doc": doc}
    for i, gram in enumerate(grams):
        args[f"k{i}"], args[f"w{i}"] = gram, 1
    return conn.execute(ranked_sql("gram_postings", len(grams), "h.len, h.seq", doc is not None, posted),
                        args).fetchall()


class CandidateSearch:
    """Candidate lookups over one connection; keeps term counts between queries."""

    def __init__(self, conn: Connection, posted: bool = True) -> None:
        self.conn = conn
        self.posted = posted  # the store has posting tables (else: UNPOSTED_HITS)
        self.counts = TermCounts(conn, "word_counts")
        self.gram_counts = TermCounts(conn, "gram_counts")
        self.shares = LengthShares(conn)

    def candidates(self, query: str, min_score: float, doc: str | None = None) -> list[Candidate]:
        """By shared trigrams when every possible match is short, else by rare words; of doc only, when given."""
        if length_bounds(len(query), min_score)[1] <= SHORT_MAX:
            rows = short_rows(self.conn, self.gram_counts, self.shares, query, min_score, SHORT_CANDIDATES, doc,
                              self.posted)
        else:
            rows = word_rows(self.conn, self.counts(index_terms(query)), query, min_score, doc, self.posted)
        return [Candidate(int(seq), id_, source) for seq, id_, source in rows]


def targets_of(conn: Connection, seqs: Sequence[int]) -> dict[int, str]:
    rows = conn.execute("SELECT seq, target FROM units WHERE seq = ANY(%s)", (list(seqs),))
    return {int(seq): target for seq, target in rows}


def phrase_rows(conn: Connection, forms: Sequence[frozenset[str]],
                doc: str | None = None) -> Iterator[PhraseCandidate]:
    """Units (of doc) with every word of the phrase (in one of its forms), in storage order, a page at a time."""
    groups: list[object] = [sorted({index_form(f) for f in word}) for word in forms]
    where = " AND ".join("words && %s::text[]" for _ in groups)
    if doc is not None:
        where, groups = where + " AND seq IN (SELECT seq FROM units WHERE doc = %s)", [*groups, doc]
    seqs = [int(s) for s, in conn.execute(f"SELECT seq FROM unit_terms WHERE {where} ORDER BY seq", groups)]
    for start in range(0, len(seqs), PAGE):
        page = seqs[start:start + PAGE]
        rows = conn.execute("SELECT id, source, target FROM units WHERE seq = ANY(%s) ORDER BY seq", (page,))
        for id_, source, target in rows:
            yield PhraseCandidate(id_, source, target)
