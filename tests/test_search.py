"""Fuzzy search and concordance: scoring and ranking as tables, the word index, and the CLI."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz import fuzz

from tm.app import build_memory, example_path, store_build
from tm.cli import main
from tm.concordance import concordance
from tm.model import DocumentInfo, Unit
from tm.search import band_of, highlight, length_bounds, match_score, search
from tm.store import SQLiteStore, open_store
from tm.store.sqlite import SHORT_MAX

QUERY = "В 2003 году Комитет провел 5 заседаний."

# (source in the memory, expected match %, why): scores checked by hand from the rules in tm/search.py.
SCORES = [
    (QUERY, 100, "identical"),
    ("В 2004 году Комитет провел 5 заседаний.", 99, "one number differs"),
    ("В 2003 году Комитет провел 5 заседаний!", 99, "one punctuation mark differs"),
    ("в 2003 году комитет провел 5 заседаний.", 98, "two words differ in case only"),
    ("В 2004 году Комитет провел 7 заседаний!", 97, "two numbers and a mark differ"),
    ("В 2003 году Совет провел 5 заседаний.", 90, "one word differs: below 95 however similar"),
]


@pytest.mark.parametrize(("source", "expected", "why"), SCORES, ids=[s[2] for s in SCORES])
def test_match_score(source: str, expected: int, why: str) -> None:
    assert int(match_score(QUERY, source)[0]) == expected


def test_same_words_split_differently_by_the_two_tokenizers_still_score() -> None:
    # rapidfuzz reads U+0870 as a separator, the WORD pattern as a letter: the word lists differ in length.
    assert match_score("x\u0870y z", "x y z")[0] >= 95


@pytest.mark.parametrize(("score", "band"), [(100, "exact"), (99.9, "95-99"), (95, "95-99"), (94.9, "85-94"),
                                             (85, "85-94"), (84, "75-84"), (75, "75-84"), (74.9, "below 75")])
def test_bands(score: float, band: str) -> None:
    assert band_of(score) == band


HIGHLIGHTS = [
    ("В 2004 году Комитет провел 5 заседаний.", "В [-2003-]{+2004+} году Комитет провел 5 заседаний."),
    ("В 2003 году Комитет провел 5 заседаний", "В 2003 году Комитет провел 5 заседаний[-.-]"),
    ("В 2003 году Комитет вновь провел 5 заседаний.", "В 2003 году Комитет {+вновь+} провел 5 заседаний."),
]


@pytest.mark.parametrize(("source", "marked"), HIGHLIGHTS)
def test_highlight(source: str, marked: str) -> None:
    assert highlight(QUERY, source) == marked


# A memory with near neighbours of QUERY; RANKING lists the ids search must return, best first.
MEMORY = [
    ("word", "В 2003 году Комитет провел пять заседаний."),
    ("number", "В 2004 году Комитет провел 5 заседаний."),
    ("punct", "В 2003 году Комитет провел 5 заседаний!"),
    ("both", "В 2004 году Комитет провел 6 заседаний;"),
    ("exact", QUERY),
    ("far", "Генеральная Ассамблея приняла резолюцию."),
    ("short", "Комитет"),
    ("letters", "применения"),  # shares no word with 'Мнения', yet is 75% similar to it
    ("tiny", "Да."),
]
RANKING = ["exact", "number", "punct", "both", "word"]


@pytest.fixture
def small_db(tmp_path: Path) -> Path:
    db = tmp_path / "s.db"
    units = [Unit(id=i, doc="d", source=s, target=f"target of {i}", position=n) for n, (i, s) in enumerate(MEMORY)]
    with open_store(db) as store, store.writer() as writer:
        writer.replace_document(DocumentInfo("d", "ru", "en", "-", "hand", {}), units)
    return db


def test_ranking_puts_number_and_punctuation_differences_above_word_differences(small_db: Path) -> None:
    with open_store(small_db, create=False, readonly=True) as store:
        hits = search(store, QUERY, limit=10)
    assert [h.id for h in hits] == RANKING
    assert [h.numbers_differ for h in hits] == [False, True, False, True, True]  # "пять" for "5"
    assert hits[0].score == 100 and all(95 <= h.score < 100 for h in hits[1:4]) and hits[4].score < 95


@pytest.mark.parametrize(("query", "min_score", "expected"), [
    ("Комитет", 75, ["short"]),
    ("Мнения", 75, ["letters"]),  # found through the trigram index: no word in common
    ("Мнения", 76, []),
    ("Да", 75, ["tiny"]),  # under three characters: no trigram, every short unit of a fitting length
    ("Совершенно другой текст без общих слов", 75, []),
    ("", 75, []),
    ("Генеральная Ассамблея приняла резолюцию", 75, ["far"]),
    (QUERY, 99.5, ["exact"]),
])
def test_search_cases(small_db: Path, query: str, min_score: float, expected: list[str]) -> None:
    with open_store(small_db, create=False, readonly=True) as store:
        assert [h.id for h in search(store, query, min_score=min_score, limit=10)] == expected


# (query length, min score, (shortest, longest) source that can reach it): worked by hand from
# ratio = 2*common/(a+b) <= 2*min(a, b)/(a+b); e.g. 6 at 75%: 2*6/(6+10) = 0.75, 2*6/(6+11) < 0.75.
BOUNDS = [(6, 75, (4, 10)), (10, 75, (6, 16)), (100, 90, (82, 122)), (20, 50, (7, 60)), (1, 100, (1, 1))]


@pytest.mark.parametrize(("length", "min_score", "bounds"), BOUNDS)
def test_length_bounds(length: int, min_score: float, bounds: tuple[int, int]) -> None:
    assert length_bounds(length, min_score) == bounds


@given(st.text("абвгд ", min_size=1, max_size=30), st.text("абвгд ", min_size=1, max_size=60),
       st.integers(min_value=1, max_value=100))
def test_sources_outside_the_length_bounds_cannot_reach_the_score(query: str, source: str, min_score: int) -> None:
    low, high = length_bounds(len(query), min_score)
    if fuzz.ratio(query, source) >= min_score:
        assert low <= len(source) <= high


def test_index_follows_rebuilds(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    with SQLiteStore(db) as store:
        for _ in range(2):
            store_build(build_memory(example_path()), store)
        store.connection.execute("INSERT INTO units_fts(units_fts) VALUES ('integrity-check')")
        store.connection.execute("INSERT INTO short_fts(short_fts) VALUES ('integrity-check')")
        short = [u for u in store.units() if len(u.source) <= SHORT_MAX]
        indexed = store.connection.execute("SELECT count(*) FROM short_fts").fetchone()[0]
        lengths = dict(store.connection.execute("SELECT seq, len FROM unit_lengths").fetchall())
        stored = dict(store.connection.execute("SELECT seq, source FROM units").fetchall())
        first = next(store.units())
        hits = search(store, first.source, limit=3)
        short_hits = search(store, short[0].source, limit=3)
    assert hits[0].score == 100 and hits[0].source == first.source
    assert indexed == len(short) and short_hits[0].source == short[0].source
    assert lengths == {seq: len(source) for seq, source in stored.items()}


def test_store_without_the_search_tables_gets_them_when_opened_for_writing(small_db: Path) -> None:
    with SQLiteStore(small_db) as store:
        for name in ("short_fts_delete", "short_fts_update_old", "short_fts_update_new", "unit_lengths_delete",
                     "unit_lengths_update"):
            store.connection.execute(f"DROP TRIGGER {name}")
        for name in ("short_vocab", "short_fts", "common_words", "common_grams", "unit_lengths", "short_lengths"):
            store.connection.execute(f"DROP TABLE {name}")
    with SQLiteStore(small_db, create=False, readonly=True) as store:
        assert not store.has_short_index() and search(store, "Мнения") == []  # word index alone
    with SQLiteStore(small_db) as store:
        assert [h.id for h in search(store, "Мнения")] == ["letters"]


# Concordance on the bundled report: (phrase, inflect, a form that must be found, forms that must not).
CONCORDANCE = [
    ("трудящихся-мигрантов", True, "трудящимися-мигрантами", ()),
    ("трудящихся-мигрантов", False, "трудящихся-мигрантов", ("трудящимися-мигрантами",)),
    ("мигрант", True, "мигрантов", ("миграци",)),
]


@pytest.mark.parametrize(("phrase", "inflect", "found", "absent"), CONCORDANCE)
def test_concordance_on_report(report_db: Path, phrase: str, inflect: bool, found: str, absent: tuple[str, ...]) -> None:
    with open_store(report_db, create=False, readonly=True) as store:
        hits = concordance(store, phrase, limit=1000, inflect=inflect)
    matched = {h.source[a:b].lower() for h in hits for a, b in h.spans}
    assert found in matched
    assert not any(a in m for m in matched for a in absent)


def test_concordance_respects_word_boundaries(report_db: Path) -> None:
    with open_store(report_db, create=False, readonly=True) as store:
        assert concordance(store, "мигра", inflect=False) == []


def test_cli_search_json(runner: CliRunner, small_db: Path) -> None:
    result = runner.invoke(main, ["search", QUERY, "--json", "--db", str(small_db), "--limit", "2"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [(h["id"], h["score"], h["target"]) for h in data["hits"]] == [
        ("exact", 100.0, "target of exact"), ("number", 99.0, "target of number")]
    assert {"score", "source", "target", "id", "band", "diffs", "numbers_differ"} <= set(data["hits"][0])


def test_cli_batch_gives_one_json_line_per_query(runner: CliRunner, small_db: Path, tmp_path: Path) -> None:
    queries = tmp_path / "q.txt"
    queries.write_text(f"{QUERY}\n\nКомитет\n", encoding="utf-8")
    result = runner.invoke(main, ["search", "--batch", str(queries), "--json", "--db", str(small_db)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [(d["query"], d["hits"][0]["id"]) for d in lines] == [(QUERY, "exact"), ("Комитет", "short")]


def test_cli_concordance_and_usage_errors(runner: CliRunner, report_db: Path) -> None:
    found = runner.invoke(main, ["search", "--concordance", "трудящихся-мигрантов", "--db", str(report_db)])
    assert found.exit_code == 0 and "[трудящимися-мигрантами]" in found.output
    assert runner.invoke(main, ["search", "--db", str(report_db)]).exit_code == 2
