"""Fuzzy search: the best stored units for a sentence, with a CAT-style match percentage.

Candidates come from the store's word index (the rarest words of the query, ranked by bm25),
then each is scored exactly:
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

from tm.store import TranslationMemory

TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+|[^\w\s]")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
WORD = re.compile(r"[^\W_]+")  # letters and digits, as the index tokenizer sees words
ACCENTED_WORD = re.compile(r"[^\W_]+(?:[\u0300-\u036f]+[^\W_]*)*")  # lower() may leave a combining mark: 'İ' -> 'i̇'
SAME_WORDS_FLOOR = 50.0  # below this similarity two texts are not taken to share all their words

BANDS = ((100, "exact"), (95, "95-99"), (85, "85-94"), (75, "75-84"), (0, "below 75"))
DEFAULT_MIN_SCORE = 75.0
CANDIDATES = 1000  # re-ranked per query: near-duplicates often share every indexed word
TERM_BUDGET = 4000  # postings read per query, at most (the rarest terms first)
MAX_TERMS = 6


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
    """How many units hold each word, read from the index once per word and then remembered."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.known: dict[str, int] = {}

    def __call__(self, terms: list[str]) -> dict[str, int]:
        """Counts of the terms the store holds (absent terms are left out)."""
        missing = [t for t in terms if t not in self.known]
        if missing:
            self.known.update(dict.fromkeys(missing, 0))
            marks = ", ".join("?" * len(missing))
            for term, count in self.conn.execute(f"SELECT term, doc FROM units_vocab WHERE term IN ({marks})", missing):
                self.known[term] = int(count)
        return {t: self.known[t] for t in terms if self.known[t]}


def chosen_terms(counts: dict[str, int]) -> list[str]:
    """The rarest terms, within a budget of postings, so common words never cause a full scan."""
    chosen: list[str] = []
    spent = 0
    for term, count in sorted(counts.items(), key=lambda kv: (kv[1], kv[0])):
        if chosen and (spent + count > TERM_BUDGET or len(chosen) >= MAX_TERMS):
            break
        chosen.append(term)
        spent += count
    return chosen


def fts_quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def overlap_sql(terms: int) -> str:
    """Units holding any of n terms, ranked by the summed weight of the terms they hold."""
    one = "SELECT rowid AS r, ? AS w FROM units_fts WHERE units_fts MATCH ?"
    hits = " UNION ALL ".join([one] * terms)
    return (
        "SELECT u.seq, u.id, u.source FROM "
        f"(SELECT r, sum(w) AS s FROM ({hits}) GROUP BY r ORDER BY s DESC, r LIMIT ?) h "
        "JOIN units u ON u.seq = h.r"
    )


def candidate_rows(conn: sqlite3.Connection, counts: dict[str, int], limit: int) -> list[sqlite3.Row]:
    """(seq, id, source) of units sharing the query's rarest words, most shared (by idf weight) first."""
    terms = chosen_terms(counts)
    if not terms:
        return []
    total = max(counts.values()) * 2
    args: list[object] = []
    for term in terms:
        args += [math.log(total / counts[term]), fts_quote(term)]
    return conn.execute(overlap_sql(len(terms)), [*args, limit]).fetchall()


def rank_rows(query: str, rows: list[sqlite3.Row], min_score: float) -> list[tuple[float, float, sqlite3.Row]]:
    """Score the candidates (similarities in one rapidfuzz call); best first, ties by similarity, id."""
    forms = [normalize_text(row["source"]) for row in rows]
    raws = cdist([query.lower()], [f.lower() for f in forms], scorer=fuzz.ratio, workers=1)[0]
    query_words = words_of(query)
    floor = min(min_score, SAME_WORDS_FLOOR)  # below both, a candidate cannot reach min_score
    scored = []
    for row, form, raw in zip(rows, forms, raws.tolist()):
        if raw >= floor:
            score = score_with(query, query_words, form, raw)
            if score >= min_score:
                scored.append((score, raw, row))
    scored.sort(key=lambda s: (-s[0], -s[1], s[2]["id"]))
    return scored


def targets_of(conn: sqlite3.Connection, seqs: list[int]) -> dict[int, str]:
    marks = ", ".join("?" * len(seqs))
    return dict(conn.execute(f"SELECT seq, target FROM units WHERE seq IN ({marks})", seqs).fetchall())


class Searcher:
    """Fuzzy search over one open store; keeps word counts between queries (use one per batch)."""

    def __init__(self, store: TranslationMemory, candidates: int = CANDIDATES) -> None:
        self.conn = store.conn
        self.counts = TermCounts(store.conn)
        self.candidates = candidates

    def search(self, text: str, *, min_score: float = DEFAULT_MIN_SCORE, limit: int = 5) -> list[Hit]:
        """The best matches of text, at least min_score %, best first."""
        query = normalize_text(text)
        if not query:
            return []
        rows = candidate_rows(self.conn, self.counts(index_terms(query)), self.candidates)
        best = rank_rows(query, rows, min_score)[:limit]
        targets = targets_of(self.conn, [row["seq"] for _, _, row in best])
        return [make_hit(query, row, targets[row["seq"]], score, raw) for score, raw, row in best]


def search(store: TranslationMemory, text: str, *, min_score: float = DEFAULT_MIN_SCORE, limit: int = 5) -> list[Hit]:
    """The best matches of text in the store, at least min_score %, best first."""
    return Searcher(store).search(text, min_score=min_score, limit=limit)
