"""Search candidates from the SQLite store's FTS5 word index and trigram index of short sources.

A query short enough that every source able to reach the minimum score is short itself (see
tm.match.length_bounds) looks in the trigram index of short sources, within those lengths; a
longer one looks up its rarest words in the word index. Either way the postings read are capped
(the rarest terms first), and candidates are ordered by terms held and fitting length before
the best few hundred are read. Scoring them is tm.search's job.
"""
from __future__ import annotations

import math
import re
import sqlite3
import unicodedata
from collections.abc import Iterator, Sequence
from itertools import starmap

from tm.match import candidate_lengths, length_bounds
from tm.store import sqlite_rank
from tm.store.base import Candidate, PhraseCandidate

SHORT_MAX = 80  # sources up to this many characters also go into the trigram index
LENGTH_KEY = 1 << 32  # trigram-index rowid = length * LENGTH_KEY + seq: a rowid range is a length range

ACCENTED_WORD = re.compile(r"[^\W_]+(?:[\u0300-\u036f]+[^\W_]*)*")  # lower() may leave a combining mark: 'İ' -> 'i̇'
CANDIDATES = 1000  # scored per query in a store without unit_lengths (made before it existed)
RESCORED = 300  # units scored exactly per query: the likeliest by words held and length
TERM_BUDGET = 4000  # postings read per query, at most (the rarest terms first)
MAX_TERMS = 6
SHORT_CANDIDATES = 200  # short units scored exactly per short query
GRAM_BUDGET = 8_000  # trigram postings read per short query within its lengths, about (rarest first)
MAX_GRAMS = 24
SEARCH_CACHE_MB = 64
SEARCH_MMAP_MB = 2048  # SQLite's usual ceiling (SQLITE_MAX_MMAP_SIZE)

Executor = sqlite3.Connection | sqlite3.Cursor  # what runs a statement: both have execute()


def strip_latin_accent(word: str) -> str:
    """'café' -> 'cafe', as the index tokenizer does; it leaves Cyrillic (й, ё) as it is."""
    if word.isascii() or any("\u0400" <= c <= "\u04ff" for c in word):
        return word
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def index_terms(text: str) -> list[str]:
    """Distinct words as the store's index holds them: lower case, Latin accents removed."""
    return list(dict.fromkeys(strip_latin_accent(w) for w in ACCENTED_WORD.findall(text.lower())))


def trigrams(text: str) -> list[str]:
    """Distinct three-character substrings, as the trigram index holds them (lower case)."""
    low = text.lower()
    return list(dict.fromkeys(low[i:i + 3] for i in range(len(low) - 2)))


def fts_quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


class TermCounts:
    """How many units hold each term, read once per term and then remembered.

    Common terms come from a plain table (common_words, common_grams); the vocabulary is asked
    only about the rest, whose posting lists are short.
    """

    def __init__(self, conn: sqlite3.Connection, sources: tuple[str, ...]) -> None:
        self.conn = conn
        self.sources = sources  # tables with (term, doc) columns, asked in turn
        self.known: dict[str, int] = {}

    def __call__(self, terms: list[str]) -> dict[str, int]:
        """Counts of the terms the store holds (absent terms are left out)."""
        missing = [t for t in terms if t not in self.known]
        for table in self.sources:
            if not missing:
                break
            marks = ", ".join("?" * len(missing))
            for term, count in self.conn.execute(f"SELECT term, doc FROM {table} WHERE term IN ({marks})", missing):
                self.known[term] = int(count)
            missing = [t for t in missing if t not in self.known]
        self.known.update(dict.fromkeys(missing, 0))
        return {t: self.known[t] for t in terms if self.known[t]}


def chosen_terms(counts: dict[str, int], budget: int = TERM_BUDGET, most: int = MAX_TERMS) -> list[str]:
    """The rarest terms, within a budget of postings, so common words never cause a full scan."""
    chosen: list[str] = []
    spent = 0
    for term, count in sorted(counts.items(), key=lambda kv: (kv[1], kv[0])):
        if chosen and (spent + count > budget or len(chosen) >= most):
            break
        chosen.append(term)
        spent += count
    return chosen


# Candidates are ordered by an estimate of their similarity: the share of the query's (rare)
# terms they hold, times the square of the best ratio their length allows, 2*min(a, b)/(a+b).
# Variants of one sentence hold the same rare words; length then tells them apart.
LENGTH_FIT = "(2.0 * min({length}, :n) / ({length} + :n)) * (2.0 * min({length}, :n) / ({length} + :n))"


# Keeps the units of one document (its name the next argument), before candidates are ranked and capped.
IN_DOCUMENT = "{key} IN (SELECT seq FROM units WHERE doc = ?)"


def doc_clause(key: str, doc: str | None) -> tuple[str, list[object]]:
    """' WHERE key IN (units of doc)' and its argument, or nothing without doc."""
    return (" WHERE " + IN_DOCUMENT.format(key=key), [doc]) if doc is not None else ("", [])


def overlap_sql(terms: int, by_length: bool, in_doc: str = "") -> str:
    """Units holding any of n terms, ranked by the summed weight (and share) of the terms they hold."""
    one = "SELECT rowid AS r, ? AS w FROM units_fts WHERE units_fts MATCH ?"
    hits = f"SELECT r, sum(w) AS s FROM ({' UNION ALL '.join([one] * terms)}){in_doc} GROUP BY r"
    if not by_length:
        return f"SELECT u.seq, u.id, u.source FROM ({hits} ORDER BY s DESC, r LIMIT ?) h JOIN units u ON u.seq = h.r"
    fit = LENGTH_FIT.format(length="l.len").replace(":n", "?")
    return (
        f"SELECT u.seq, u.id, u.source FROM (SELECT h.r FROM ({hits}) h "
        f"JOIN unit_lengths l ON l.seq = h.r WHERE l.len BETWEEN ? AND ? ORDER BY h.s * {fit} DESC, h.r LIMIT ?) c "
        "JOIN units u ON u.seq = c.r"
    )


def term_weights(counts: dict[str, int], terms: Sequence[str]) -> list[float]:
    """Each chosen term's weight: the rarer in the store, the more a unit holding it is worth."""
    total = max(counts.values()) * 2
    return [math.log(total / counts[term]) for term in terms]


def word_rows(conn: Executor, counts: dict[str, int], query: str, min_score: float,
              by_length: bool, doc: str | None = None) -> list[tuple[int, str, str]]:
    """(seq, id, source) of units (of doc) sharing the query's rarest words, likeliest matches first."""
    terms = chosen_terms(counts)
    if not terms:
        return []
    args: list[object] = []
    for term, weight in zip(terms, term_weights(counts, terms), strict=True):
        args += [weight, fts_quote(term)]
    in_doc, doc_args = doc_clause("r", doc)
    args += doc_args
    if not by_length:
        return conn.execute(overlap_sql(len(terms), False, in_doc), [*args, CANDIDATES]).fetchall()
    low, high = candidate_lengths(len(query), min_score)
    fit_args = [len(query)] * LENGTH_FIT.count(":n")
    return conn.execute(overlap_sql(len(terms), True, in_doc), [*args, low, high, *fit_args, RESCORED]).fetchall()


def short_sql(grams: int, in_doc: str = "") -> str:
    """Short units in a length range holding any of n trigrams, likeliest matches first."""
    one = "SELECT rowid AS r FROM short_fts WHERE short_fts MATCH ? AND rowid BETWEEN ? AND ?"
    hits = " UNION ALL ".join([one] * grams)
    fit = LENGTH_FIT.format(length=f"(r / {LENGTH_KEY})").replace(":n", "?")
    return (
        "SELECT u.seq, u.id, u.source FROM "
        f"(SELECT r, count(*) AS c FROM ({hits}){in_doc} GROUP BY r ORDER BY c * {fit} DESC, r LIMIT ?) h "
        f"JOIN units u ON u.seq = h.r % {LENGTH_KEY}"
    )


def range_share(conn: Executor, low: int, high: int) -> float:
    """The share of short sources with a length in [low, high] (1 when the store has not counted them)."""
    row = conn.execute("SELECT sum(CASE WHEN len BETWEEN ? AND ? THEN units ELSE 0 END), sum(units) "
                       "FROM short_lengths", (low, high)).fetchone()
    return max(row[0] / row[1], 0.01) if row[1] else 1.0


def short_grams(conn: Executor, counts: TermCounts, query: str, min_score: float,
                budget: float) -> tuple[tuple[int, int], list[str]]:
    """The trigram-index rowid range of the short lengths that allow min_score, and the query's rarest
    trigrams within a budget of postings in that range (the budget grows as the range holds fewer units)."""
    low, high = candidate_lengths(len(query), min_score)
    keys = (low * LENGTH_KEY, (min(high, SHORT_MAX) + 1) * LENGTH_KEY - 1)
    budget /= range_share(conn, low, min(high, SHORT_MAX))
    return keys, chosen_terms(counts([g for g in trigrams(query) if '"' not in g]), round(budget), MAX_GRAMS)


def short_rows(conn: Executor, counts: TermCounts, query: str, min_score: float,
               limit: int, doc: str | None = None) -> list[tuple[int, str, str]]:
    """(seq, id, source) of short units (of doc) whose length allows min_score, likeliest matches first."""
    keys, grams = short_grams(conn, counts, query, min_score, GRAM_BUDGET)
    in_doc, doc_args = doc_clause(f"r % {LENGTH_KEY}", doc)
    if not grams:  # under three characters: every short unit of a fitting length is a candidate
        sql = f"SELECT seq, id, source FROM units WHERE seq IN (SELECT r % {LENGTH_KEY} FROM " \
              f"(SELECT rowid AS r FROM short_fts WHERE rowid BETWEEN ? AND ?){in_doc} LIMIT ?)"
        return conn.execute(sql, [*keys, *doc_args, limit]).fetchall()
    args: list[object] = []
    for gram in grams:
        args += [fts_quote(gram), *keys]
    return conn.execute(short_sql(len(grams), in_doc),
                        [*args, *doc_args, *[len(query)] * LENGTH_FIT.count(":n"), limit]).fetchall()


class CandidateSearch:
    """Candidate lookups over one connection; keeps term counts between queries, and (in a large store)
    every unit's length and words key, until the file changes."""

    def __init__(self, conn: sqlite3.Connection, indexed: bool) -> None:
        # Plain tuples, not sqlite3.Row: hundreds of rows a query go straight into Candidates.
        self.cursor = conn.cursor()
        self.cursor.row_factory = None
        # Index pages read by one query are read again by the next: keep them in this process.
        conn.execute(f"PRAGMA cache_size = {-SEARCH_CACHE_MB * 1024}")
        # Candidates' rows are read from all over a large store: mapped pages cost no read() (measured 1.6x).
        conn.execute(f"PRAGMA mmap_size = {SEARCH_MMAP_MB * 2**20}")
        self.counts = TermCounts(conn, ("common_words", "units_vocab") if indexed else ("units_vocab",))
        self.gram_counts = TermCounts(conn, ("common_grams", "short_vocab")) if indexed else None
        self.lengths: sqlite_rank.UnitLengths | None = None
        self.indexed = indexed
        self.file = conn.execute("PRAGMA database_list").fetchone()[2]  # '' for a database in memory
        self.state = self.file_state()
        self.large = self.is_large()

    def is_large(self) -> bool:
        top = self.cursor.execute("SELECT max(seq) FROM unit_lengths").fetchone()[0] if self.indexed else 0
        return (top or 0) >= sqlite_rank.LARGE_STORE

    def file_state(self) -> bytes:
        return sqlite_rank.change_counter(self.file) if self.file else b""

    def follow_writes(self) -> None:
        """Forget what was read of the store (term counts, the arrays) once its file has changed: another
        connection or process wrote to it (every commit moves the file's change counter). Otherwise a
        word first stored since would stay "held by no unit", and a changed unit keep its old length and key."""
        state = self.file_state()
        if state == self.state:
            return
        self.state = state
        self.counts.known.clear()
        if self.gram_counts is not None:
            self.gram_counts.known.clear()
        self.lengths = None
        self.large = self.is_large()

    def candidates(self, query: str, min_score: float, doc: str | None = None) -> list[Candidate]:
        """By shared trigrams when every possible match is short, else by rare words; of doc only, when given."""
        self.follow_writes()
        if self.gram_counts is not None and length_bounds(len(query), min_score)[1] <= SHORT_MAX:
            if self.large and doc is None:
                return self.ranked_short(self.gram_counts, query, min_score)
            rows = short_rows(self.cursor, self.gram_counts, query, min_score, SHORT_CANDIDATES, doc)
        elif self.large and doc is None:
            return self.ranked_words(self.counts(index_terms(query)), query, min_score)
        else:
            rows = word_rows(self.cursor, self.counts(index_terms(query)), query, min_score,
                             self.gram_counts is not None, doc)
        return list(starmap(Candidate, rows))

    def unit_lengths(self) -> sqlite_rank.UnitLengths:
        """The store's length and words arrays (read on first use, shared in the process)."""
        if self.lengths is None:
            self.lengths = sqlite_rank.shared_lengths(self.cursor.connection)
        return self.lengths

    def same_words(self, query: str, min_score: float) -> sqlite_rank.SameWords:
        from tm.words import words_key  # here: rapidfuzz is not for a store that only looks terms up

        return sqlite_rank.SameWords(self.unit_lengths().words, words_key(query), length_bounds(len(query), min_score))

    def read_candidates(self, seqs: list[int]) -> list[Candidate]:
        """The units at seqs (in that order), each with its words key if the store holds it."""
        keys = self.unit_lengths().words.keys_of(seqs)
        return [Candidate(seq, id_, source, keys[seq]) for seq, id_, source in sqlite_rank.rows_of(self.cursor, seqs)]

    def ranked_words(self, counts: dict[str, int], query: str, min_score: float) -> list[Candidate]:
        """word_rows of a large store, ranked in memory (tm.store.sqlite_rank), its budgets grown with it."""
        lengths = self.unit_lengths()
        units = lengths.units
        terms = chosen_terms(counts, sqlite_rank.posting_budget(units, TERM_BUDGET), MAX_TERMS)
        if not terms:
            return []
        lists = [sqlite_rank.postings(self.cursor, fts_quote(t)) for t in terms]
        window = candidate_lengths(len(query), min_score)
        seqs = sqlite_rank.ranked(lists, term_weights(counts, terms), lengths, len(query),
                                  window, sqlite_rank.rescored(units), self.same_words(query, min_score))
        return self.read_candidates(seqs)

    def ranked_short(self, counts: TermCounts, query: str, min_score: float) -> list[Candidate]:
        """short_rows of a large store, ranked in memory (tm.store.sqlite_rank)."""
        units = self.unit_lengths().units
        keys, grams = short_grams(self.cursor, counts, query, min_score, sqlite_rank.rescored(units, GRAM_BUDGET))
        if not grams:
            return list(starmap(Candidate, short_rows(self.cursor, counts, query, min_score, SHORT_CANDIDATES)))
        lists = [sqlite_rank.short_postings(self.cursor, fts_quote(g), keys) for g in grams]
        seqs = sqlite_rank.ranked_short(lists, LENGTH_KEY, len(query), sqlite_rank.rescored(units, SHORT_CANDIDATES),
                                        self.same_words(query, min_score))
        return self.read_candidates(seqs)


def targets_of(conn: sqlite3.Connection, seqs: Sequence[int]) -> dict[int, str]:
    marks = ", ".join("?" * len(seqs))
    return dict(conn.execute(f"SELECT seq, target FROM units WHERE seq IN ({marks})", list(seqs)).fetchall())


def index_form(word: str) -> str:
    """A form as the word index stores it (diacritics removed: й -> и)."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def phrase_query(forms: Sequence[frozenset[str]]) -> str:
    """An FTS5 query: every word must be present, in any of its forms."""
    groups = []
    for word in forms:
        indexed = sorted({index_form(f) for f in word})
        groups.append("(" + " OR ".join(fts_quote(f) for f in indexed) + ")")
    return " AND ".join(groups)


def phrase_rows(conn: sqlite3.Connection, forms: Sequence[frozenset[str]],
                doc: str | None = None) -> Iterator[PhraseCandidate]:
    """Units (of doc) with every word of the phrase, in storage order, read lazily."""
    in_doc = " AND u.doc = ?" if doc is not None else ""
    sql = ("SELECT u.id, u.source, u.target FROM units_fts f JOIN units u ON u.seq = f.rowid "
           f"WHERE units_fts MATCH ?{in_doc} ORDER BY f.rowid")
    for id_, source, target in conn.execute(sql, (phrase_query(forms), *([doc] if doc is not None else []))):
        yield PhraseCandidate(id_, source, target)
