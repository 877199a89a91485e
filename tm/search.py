"""Fuzzy search: the best stored units for a sentence, with a CAT-style match percentage.

Candidates come from an index, then each is scored exactly. A query short enough that every
source able to reach the minimum score is short itself (rapidfuzz's ratio bounds the length, see
length_bounds) looks in the trigram index of short sources, within those lengths; a longer one
looks up its rarest words in the word index. Either way the postings read are capped (the
rarest terms first), and candidates are ordered by terms held and fitting length before the
best few hundred are read and scored:
- 100: identical text;
- 95-99: the same words, differing only in numbers, punctuation, case or spacing (one point
  off per differing token), so such a match always ranks above one that differs in words;
- below 95: words differ; the score is rapidfuzz's character similarity (case-insensitive),
  its top 90-100 squeezed into 90-94 so that the order by similarity is kept.
"""
from __future__ import annotations

import math
import re
import sqlite3
import unicodedata
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein
from rapidfuzz.process import cdist
from rapidfuzz.utils import default_process

from tm.store.sqlite import LENGTH_KEY, SHORT_MAX, TranslationMemory

TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+|[^\w\s]")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
WORD = re.compile(r"[^\W_]+")  # letters and digits, as the index tokenizer sees words
ACCENTED_WORD = re.compile(r"[^\W_]+(?:[\u0300-\u036f]+[^\W_]*)*")  # lower() may leave a combining mark: 'İ' -> 'i̇'
SAME_WORDS_FLOOR = 50.0  # below this similarity two texts are not taken to share all their words

BANDS = ((100, "exact"), (95, "95-99"), (85, "85-94"), (75, "75-84"), (0, "below 75"))
DEFAULT_MIN_SCORE = 75.0
CANDIDATES = 1000  # scored per query in a store without unit_lengths (made before it existed)
RESCORED = 300  # units scored exactly per query: the likeliest by words held and length
TERM_BUDGET = 4000  # postings read per query, at most (the rarest terms first)
MAX_TERMS = 6
SHORT_CANDIDATES = 200  # short units scored exactly per short query
GRAM_BUDGET = 8_000  # trigram postings read per short query within its lengths, about (rarest first)
MAX_GRAMS = 24
SEARCH_CACHE_MB = 64


@dataclass(frozen=True, slots=True)
class Diff:
    """One run of the candidate that differs from the query: op is 'insert', 'delete' or 'replace'."""

    op: str
    query: str
    source: str


@dataclass(frozen=True, slots=True)
class Hit:
    """One match: the unit, its percentage and band, and what differs from the query."""

    score: float
    band: str
    id: str
    source: str
    target: str
    similarity: float
    diffs: tuple[Diff, ...]
    numbers_differ: bool

    @property
    def percent(self) -> int:
        return int(self.score)


def normalize_text(text: str) -> str:
    """NFC with runs of whitespace made one space: the form texts are compared in."""
    return " ".join(unicodedata.normalize("NFC", text).split())  # str methods: 5x faster than a regex


def words_of(text: str) -> str:
    """Lower-case words, numbers left out: two texts with the same words differ only in placeables."""
    # rapidfuzz's default_process (lower case, non-alphanumerics to spaces) runs in C: 2x a regex.
    return " ".join(w for w in default_process(text).split() if not w.isdigit())


def placeables(text: str) -> Counter[str]:
    """Numbers and punctuation marks, with their counts."""
    return Counter(t for t in TOKEN.findall(text) if NUMBER.fullmatch(t) or not WORD.match(t))


def placeable_distance(query: str, source: str) -> int:
    """How many numbers, punctuation marks and case changes tell two same-word texts apart."""
    a, b = placeables(query), placeables(source)
    differing = max(sum((a - b).values()), sum((b - a).values()))  # a changed number counts once
    cased = sum(1 for x, y in zip(words_of_case(query), words_of_case(source)) if x != y)
    return max(1, differing + cased)


def words_of_case(text: str) -> list[str]:
    return [w for w in WORD.findall(text) if not w.isdigit()]


def similarity(query: str, source: str) -> float:
    """Case-insensitive character similarity, 0-100 (rapidfuzz's normalized Indel ratio)."""
    return float(fuzz.ratio(query.lower(), source.lower()))


def word_score(raw: float) -> float:
    """Similarity as a match % for texts whose words differ: kept below 95, order preserved."""
    return raw if raw <= 90 else 90 + (raw - 90) * 0.4


def match_score(query: str, source: str, raw: float | None = None) -> tuple[float, float]:
    """(match %, similarity) of a normalized source for a normalized query."""
    raw = similarity(query, source) if raw is None else raw
    return score_with(query, words_of(query), source, raw), raw


def score_with(query: str, query_words: str, source: str, raw: float) -> float:
    """The match % once the similarity and the query's words are known."""
    if query == source:
        return 100.0
    if raw >= SAME_WORDS_FLOOR and words_of(source) == query_words:
        return float(max(95, 100 - placeable_distance(query, source)))
    return word_score(raw)


def band_of(score: float) -> str:
    return next(name for floor, name in BANDS if score >= floor)


def numbers_differ(query: str, source: str) -> bool:
    return Counter(NUMBER.findall(query)) != Counter(NUMBER.findall(source))


def diff_runs(query: str, source: str) -> tuple[Diff, ...]:
    """Where the source differs from the query, token by token (for highlighting)."""
    a, b = TOKEN.findall(query), TOKEN.findall(source)
    runs = []
    for op in Levenshtein.opcodes(a, b):
        if op.tag != "equal":
            runs.append(Diff(op.tag, " ".join(a[op.src_start:op.src_end]), " ".join(b[op.dest_start:op.dest_end])))
    return tuple(runs)


def highlight(query: str, source: str) -> str:
    """The source with its differences marked wdiff-style: [-query only-] and {+source only+}."""
    a = TOKEN.findall(query)
    spans = [(m.start(), m.end()) for m in TOKEN.finditer(source)]
    out, done = [], 0
    for op in Levenshtein.opcodes(a, [source[x:y] for x, y in spans]):
        if op.tag == "equal":
            continue
        start = spans[op.dest_start][0] if op.dest_start < len(spans) else len(source)
        end = spans[op.dest_end - 1][1] if op.dest_end > op.dest_start else start
        out.append(source[done:start])
        if op.src_end > op.src_start:
            out.append("[-" + " ".join(a[op.src_start:op.src_end]) + "-]")
        if end > start:
            out.append("{+" + source[start:end] + "+}")
        done = end
    out.append(source[done:])
    return "".join(out)


def make_hit(query: str, row: sqlite3.Row, target: str, score: float, raw: float) -> Hit:
    source = normalize_text(row["source"])
    return Hit(round(score, 1), band_of(score), row["id"], row["source"], target, round(raw, 1),
               diff_runs(query, source), numbers_differ(query, source))


def strip_latin_accent(word: str) -> str:
    """'café' -> 'cafe', as the index tokenizer does; it leaves Cyrillic (й, ё) as it is."""
    if word.isascii() or any("\u0400" <= c <= "\u04ff" for c in word):
        return word
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def index_terms(text: str) -> list[str]:
    """Distinct words as the store's index holds them: lower case, Latin accents removed."""
    return list(dict.fromkeys(strip_latin_accent(w) for w in ACCENTED_WORD.findall(text.lower())))


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


def fts_quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


# Candidates are ordered by an estimate of their similarity: the share of the query's (rare)
# terms they hold, times the square of the best ratio their length allows, 2*min(a, b)/(a+b).
# Variants of one sentence hold the same rare words; length then tells them apart.
LENGTH_FIT = "(2.0 * min({length}, :n) / ({length} + :n)) * (2.0 * min({length}, :n) / ({length} + :n))"


def overlap_sql(terms: int, by_length: bool) -> str:
    """Units holding any of n terms, ranked by the summed weight (and share) of the terms they hold."""
    one = "SELECT rowid AS r, ? AS w FROM units_fts WHERE units_fts MATCH ?"
    hits = f"SELECT r, sum(w) AS s FROM ({' UNION ALL '.join([one] * terms)}) GROUP BY r"
    if not by_length:
        return f"SELECT u.seq, u.id, u.source FROM ({hits} ORDER BY s DESC, r LIMIT ?) h JOIN units u ON u.seq = h.r"
    fit = LENGTH_FIT.format(length="l.len").replace(":n", "?")
    return (
        f"SELECT u.seq, u.id, u.source FROM (SELECT h.r FROM ({hits}) h "
        f"JOIN unit_lengths l ON l.seq = h.r WHERE l.len BETWEEN ? AND ? ORDER BY h.s * {fit} DESC, h.r LIMIT ?) c "
        "JOIN units u ON u.seq = c.r"
    )


def candidate_rows(conn: sqlite3.Connection, counts: dict[str, int], query: str, min_score: float,
                   by_length: bool) -> list[sqlite3.Row]:
    """(seq, id, source) of units sharing the query's rarest words, likeliest matches first."""
    terms = chosen_terms(counts)
    if not terms:
        return []
    total = max(counts.values()) * 2
    args: list[object] = []
    for term in terms:
        args += [math.log(total / counts[term]), fts_quote(term)]
    if not by_length:
        return conn.execute(overlap_sql(len(terms), False), [*args, CANDIDATES]).fetchall()
    # Same-words sources (scored 95+ from 50% similarity up) may be as far in length as 50% allows.
    low, high = length_bounds(len(query), min(min_score, SAME_WORDS_FLOOR))
    fit_args = [len(query)] * LENGTH_FIT.count(":n")
    return conn.execute(overlap_sql(len(terms), True), [*args, low, high, *fit_args, RESCORED]).fetchall()


def length_bounds(length: int, min_score: float) -> tuple[int, int]:
    """Source lengths that can reach min_score % similarity with a query of this length.

    rapidfuzz's ratio is 2*LCS/(a+b) <= 2*min(a, b)/(a+b), so with r = min_score/100 a source of
    length b can score r only if a*r/(2-r) <= b <= a*(2-r)/r.
    """
    r = max(min_score, 1.0) / 100
    return math.ceil(length * r / (2 - r) - 1e-9), math.floor(length * (2 - r) / r + 1e-9)


def trigrams(text: str) -> list[str]:
    """Distinct three-character substrings, as the trigram index holds them (lower case)."""
    low = text.lower()
    return list(dict.fromkeys(low[i:i + 3] for i in range(len(low) - 2)))


def short_sql(grams: int) -> str:
    """Short units in a length range holding any of n trigrams, likeliest matches first."""
    one = "SELECT rowid AS r FROM short_fts WHERE short_fts MATCH ? AND rowid BETWEEN ? AND ?"
    hits = " UNION ALL ".join([one] * grams)
    fit = LENGTH_FIT.format(length=f"(r / {LENGTH_KEY})").replace(":n", "?")
    return (
        "SELECT u.seq, u.id, u.source FROM "
        f"(SELECT r, count(*) AS c FROM ({hits}) GROUP BY r ORDER BY c * {fit} DESC, r LIMIT ?) h "
        f"JOIN units u ON u.seq = h.r % {LENGTH_KEY}"
    )


def range_share(conn: sqlite3.Connection, low: int, high: int) -> float:
    """The share of short sources with a length in [low, high] (1 when the store has not counted them)."""
    row = conn.execute("SELECT sum(CASE WHEN len BETWEEN ? AND ? THEN units ELSE 0 END), sum(units) "
                       "FROM short_lengths", (low, high)).fetchone()
    return max(row[0] / row[1], 0.01) if row[1] else 1.0


def short_rows(conn: sqlite3.Connection, counts: TermCounts, query: str, min_score: float,
               limit: int) -> list[sqlite3.Row]:
    """(seq, id, source) of short units whose length allows min_score, likeliest matches first."""
    # Same-words sources (scored 95+ from 50% similarity up) may be as far in length as 50% allows.
    low, high = length_bounds(len(query), min(min_score, SAME_WORDS_FLOOR))
    keys = [low * LENGTH_KEY, (min(high, SHORT_MAX) + 1) * LENGTH_KEY - 1]
    budget = GRAM_BUDGET / range_share(conn, low, min(high, SHORT_MAX))
    grams = chosen_terms(counts([g for g in trigrams(query) if '"' not in g]), round(budget), MAX_GRAMS)
    if not grams:  # under three characters: every short unit of a fitting length is a candidate
        sql = f"SELECT seq, id, source FROM units WHERE seq IN (SELECT rowid % {LENGTH_KEY} FROM short_fts " \
              "WHERE rowid BETWEEN ? AND ? LIMIT ?)"
        return conn.execute(sql, [*keys, limit]).fetchall()
    args: list[object] = []
    for gram in grams:
        args += [fts_quote(gram), *keys]
    return conn.execute(short_sql(len(grams)), [*args, *[len(query)] * LENGTH_FIT.count(":n"), limit]).fetchall()


def rank_rows(query: str, rows: list[sqlite3.Row], min_score: float) -> list[tuple[float, float, sqlite3.Row]]:
    """Score the candidates (similarities in one rapidfuzz call); best first, ties by similarity, id."""
    floor = min(min_score, SAME_WORDS_FLOOR)  # below both, a candidate cannot reach min_score
    forms = [normalize_text(row["source"]) for row in rows]
    raws = cdist([query.lower()], [f.lower() for f in forms], scorer=fuzz.ratio, workers=1)[0]
    query_words = words_of(query)
    scored = []
    for i in (raws >= floor).nonzero()[0].tolist():
        score = score_with(query, query_words, forms[i], float(raws[i]))
        if score >= min_score:
            scored.append((score, float(raws[i]), rows[i]))
    scored.sort(key=lambda s: (-s[0], -s[1], s[2]["id"]))
    return scored


def targets_of(conn: sqlite3.Connection, seqs: list[int]) -> dict[int, str]:
    marks = ", ".join("?" * len(seqs))
    return dict(conn.execute(f"SELECT seq, target FROM units WHERE seq IN ({marks})", seqs).fetchall())


class Searcher:
    """Fuzzy search over one open store; keeps word counts between queries (use one per batch)."""

    def __init__(self, store: TranslationMemory) -> None:
        self.conn = store.conn
        # Index pages read by one query are read again by the next: keep them in this process.
        self.conn.execute(f"PRAGMA cache_size = {-SEARCH_CACHE_MB * 1024}")
        indexed = store.has_short_index()
        self.counts = TermCounts(store.conn, ("common_words", "units_vocab") if indexed else ("units_vocab",))
        self.gram_counts = TermCounts(store.conn, ("common_grams", "short_vocab")) if indexed else None

    def candidates_of(self, query: str, min_score: float) -> list[sqlite3.Row]:
        """Units worth scoring: by shared trigrams when every possible match is short, else by rare words."""
        if self.gram_counts is not None and length_bounds(len(query), min_score)[1] <= SHORT_MAX:
            return short_rows(self.conn, self.gram_counts, query, min_score, SHORT_CANDIDATES)
        counts = self.counts(index_terms(query))
        return candidate_rows(self.conn, counts, query, min_score, self.gram_counts is not None)

    def search(self, text: str, *, min_score: float = DEFAULT_MIN_SCORE, limit: int = 5) -> list[Hit]:
        """The best matches of text, at least min_score %, best first."""
        query = normalize_text(text)
        if not query:
            return []
        best = rank_rows(query, self.candidates_of(query, min_score), min_score)[:limit]
        targets = targets_of(self.conn, [row["seq"] for _, _, row in best])
        return [make_hit(query, row, targets[row["seq"]], score, raw) for score, raw, row in best]


def search(store: TranslationMemory, text: str, *, min_score: float = DEFAULT_MIN_SCORE, limit: int = 5) -> list[Hit]:
    """The best matches of text in the store, at least min_score %, best first."""
    return Searcher(store).search(text, min_score=min_score, limit=limit)
