"""Language profiles: which tags find which profile, what an unknown language gets, what each table
holds, and that segmentation, line joining and alignment take their language facts from the profile.
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from hostile import assert_one_line_error, store_snapshot, tmtool

import tm.lang
from tm.align.anchors import base_anchors, word_anchors
from tm.align.refine import VETO_RULES, Boundary, cut_test, vetoed
from tm.clean import clean_document
from tm.clean.hyphenation import HYPHENATION_RULES, JOINED, KEPT, join_lines
from tm.errors import TmtoolError, UnknownLanguage
from tm.lang import known_profiles, profile
from tm.lang.en import ENGLISH
from tm.lang.profile import LanguageProfile
from tm.lang.ru import RUSSIAN
from tm.lang.script import LATIN_LETTER, RUSSIAN_LETTER
from tm.pipeline import build_document, build_pair
from tm.segment import SEGMENTERS as SEGMENTER_TABLE
from tm.segment import Segmenter, segment_text
from tm.segment.english import segment_english
from tm.segment.russian import segment_russian

UNKNOWN_MESSAGE = "no language profile for {!r} (tmtool knows: en, ru)"

# (tag as a user or a file gives it, the base language whose profile it finds)
TAGS = [
    ("ru", "ru"),
    ("ru-RU", "ru"),
    ("RU", "ru"),
    ("ru_RU", "ru"),
    ("en", "en"),
    ("en-GB", "en"),
    ("en-US", "en"),
    ("EN_us", "en"),
    ("en-Latn-GB", "en"),
]

UNKNOWN_TAGS = ["de", "de-DE", "fr_FR", "uk", "rus", "english", ""]


@pytest.mark.parametrize("tag, code", TAGS)
def test_tag_finds_base_profile(tag: str, code: str) -> None:
    assert profile(tag).code == code
    assert profile(tag) is known_profiles()[code]


@pytest.mark.parametrize("tag", UNKNOWN_TAGS)
def test_unknown_language_is_refused_in_one_line(tag: str) -> None:
    with pytest.raises(UnknownLanguage) as raised:
        profile(tag)
    assert isinstance(raised.value, TmtoolError)
    assert str(raised.value) == UNKNOWN_MESSAGE.format(tag)


# ---- the tables of each profile ----

# (profile, field, script its entries must not contain): tables the stages read, never empty.
TABLES = [
    (RUSSIAN, "abbreviations", LATIN_LETTER),
    (RUSSIAN, "function_words", LATIN_LETTER),
    (RUSSIAN, "enclitics", LATIN_LETTER),
    (RUSSIAN, "place_words", LATIN_LETTER),
    (RUSSIAN, "transliteration", LATIN_LETTER),
    (ENGLISH, "abbreviations", RUSSIAN_LETTER),
    (ENGLISH, "function_words", RUSSIAN_LETTER),
    (ENGLISH, "name_titles", RUSSIAN_LETTER),
    (ENGLISH, "name_heads", RUSSIAN_LETTER),
    (ENGLISH, "demonym_endings", RUSSIAN_LETTER),
]


@pytest.mark.parametrize("lang, field, foreign", TABLES, ids=[f"{p.code}.{f}" for p, f, _ in TABLES])
def test_table_is_filled_and_in_its_own_script(lang: LanguageProfile, field: str, foreign: re.Pattern[str]) -> None:
    entries = getattr(lang, field)
    assert entries, f"{lang.code}.{field} is empty"
    strays = sorted(e for e in entries if foreign.search(e))
    assert not strays, f"{lang.code}.{field} holds words of another script: {strays}"


# Tables a language has no use for stay empty: a Russian rule never reads an English table.
EMPTY = [
    (RUSSIAN, "name_titles"), (RUSSIAN, "name_heads"), (RUSSIAN, "demonym_endings"),
    (ENGLISH, "enclitics"), (ENGLISH, "place_words"), (ENGLISH, "transliteration"),
]


@pytest.mark.parametrize("lang, field", EMPTY, ids=[f"{p.code}.{f}" for p, f in EMPTY])
def test_table_of_the_other_language_is_empty(lang: LanguageProfile, field: str) -> None:
    assert not getattr(lang, field)


def test_function_words_of_the_two_languages_are_disjoint() -> None:
    assert not RUSSIAN.function_words & ENGLISH.function_words


def test_transliteration_maps_russian_letters_to_ascii() -> None:
    assert all(RUSSIAN_LETTER.fullmatch(letter) for letter in RUSSIAN.transliteration)
    assert all(latin.isascii() for latin in RUSSIAN.transliteration.values())


@pytest.mark.parametrize("lang", [RUSSIAN, ENGLISH], ids=["ru", "en"])
def test_refine_vetoes_name_rules_of_the_aligner(lang: LanguageProfile) -> None:
    assert lang.refine_vetoes
    assert set(lang.refine_vetoes) <= set(VETO_RULES)
    assert len(set(lang.refine_vetoes)) == len(lang.refine_vetoes)


def test_every_veto_rule_serves_some_language() -> None:
    used = {name for lang in known_profiles().values() for name in lang.refine_vetoes}
    assert used == set(VETO_RULES)


# ---- the stages consult the profile ----

@pytest.fixture
def invented(monkeypatch: pytest.MonkeyPatch) -> Iterator[LanguageProfile]:
    """A profile "xx" with rules of its own, known to tmtool for one test."""
    lang = dataclasses.replace(
        ENGLISH, code="xx", segmenter="pipes", hyphenation="always-kept",
        transliteration=RUSSIAN.transliteration,
        refine_vetoes=(),
    )
    profiles: Mapping[str, LanguageProfile] = {**known_profiles(), "xx": lang}
    monkeypatch.setattr(tm.lang, "known_profiles", lambda: profiles)
    monkeypatch.setitem(SEGMENTER_TABLE, "pipes", lambda text: [part.strip() for part in text.split("|")])
    monkeypatch.setitem(HYPHENATION_RULES, "always-kept", lambda word, part, right, rules: KEPT)
    profile.cache_clear()
    word_anchors.cache_clear()
    yield lang
    monkeypatch.undo()
    profile.cache_clear()
    word_anchors.cache_clear()


# (tag, paragraph, segmenter of the profile it must reach)
SEGMENTERS = [
    ("ru-RU", "В 2002 г. В докладе говорится о миграции. См. приложение I.", segment_russian),
    ("en-GB", "Mr. Annan spoke on Jan. 5. The U.S. dollars rose.", segment_english),
]


@pytest.mark.parametrize("tag, text, segmenter", SEGMENTERS, ids=[s[0] for s in SEGMENTERS])
def test_segment_text_uses_the_profile_segmenter(tag: str, text: str, segmenter: Segmenter) -> None:
    assert SEGMENTER_TABLE[profile(tag).segmenter] is segmenter
    assert segment_text(text, tag) == segmenter(text)


def test_segment_text_of_an_invented_language(invented: LanguageProfile) -> None:
    assert segment_text("One. | Two", "xx-YY") == ["One.", "Two"]


# (tag, lines, joined text, decision): the same lines, joined by each language's hyphenation rules.
HYPHENATION = [
    ("ru", ["сотрудничест-", "ва"], "сотрудничества", JOINED),
    ("en", ["organi-", "zations"], "organizations", JOINED),
    ("en-US", ["non-", "governmental"], "non-governmental", KEPT),
]


@pytest.mark.parametrize("tag, lines, joined, decision", HYPHENATION, ids=[h[2] for h in HYPHENATION])
def test_join_lines_uses_the_profile_hyphenation(tag: str, lines: list[str], joined: str, decision: str) -> None:
    repairs: Counter[str] = Counter()
    assert join_lines(lines, tag, repairs) == joined
    assert repairs == Counter({decision: 1})


def test_join_lines_of_an_invented_language(invented: LanguageProfile) -> None:
    repairs: Counter[str] = Counter()
    assert join_lines(["organi-", "zations"], "xx", repairs) == "organi-zations"
    assert repairs == Counter({KEPT: 1})


def test_anchors_transliterate_names_when_the_profile_says_so(invented: LanguageProfile) -> None:
    assert "nm:ptn" in base_anchors("Путин", "ru-RU")
    assert "nm:ptn" in base_anchors("Путин", "xx")
    assert "nm:ptn" not in base_anchors("Путин", "en")


def test_refine_vetoes_come_from_the_profile(invented: LanguageProfile) -> None:
    b = Boundary(before="the", gap=" ", after="Moscow")
    assert vetoed(b, ENGLISH)
    assert not vetoed(b, invented)
    sentence = "Talks held in the Moscow area today."
    at = sentence.index(" Moscow")
    assert cut_test([sentence], "en-GB")(sentence, at, "Moscow", True) == 0
    assert cut_test([sentence], "xx")(sentence, at, "Moscow", True) != 0


# ---- an unknown language: building refuses, importing does not care ----

def test_library_refuses_to_clean_segment_or_build_an_unknown_language() -> None:
    for call in (
        lambda: clean_document("Text.", "de"),
        lambda: segment_text("Text.", "de"),
        lambda: build_document("Text.", "doc", "0", src_lang="de"),
        lambda: build_pair("Текст.", "Text.", "doc", "0", src_lang="ru", tgt_lang="de-DE"),
    ):
        with pytest.raises(UnknownLanguage):
            call()


def test_build_of_an_unknown_source_language_exits_1(tmp_path: Path) -> None:
    source = tmp_path / "x.txt"
    source.write_text("Ein Satz. Noch ein Satz.\n", encoding="utf-8")
    db = tmp_path / "t.db"
    outcome = tmtool("build", source, "--src-lang", "de", "--db", db)
    assert assert_one_line_error(outcome).endswith(UNKNOWN_MESSAGE.format("de"))
    assert not db.exists()


def test_build_with_a_target_in_an_unknown_language_exits_1(tmp_path: Path) -> None:
    source, target = tmp_path / "x.ru.txt", tmp_path / "x.de.txt"
    source.write_text("Первое предложение. Второе предложение.\n", encoding="utf-8")
    target.write_text("Der erste Satz. Der zweite Satz.\n", encoding="utf-8")
    db = tmp_path / "t.db"
    outcome = tmtool("build", source, "--target", target, "--tgt-lang", "de", "--db", db)
    assert assert_one_line_error(outcome).endswith(UNKNOWN_MESSAGE.format("de"))
    assert not db.exists()


def test_import_of_other_languages_needs_no_profile(tmp_path: Path) -> None:
    source = tmp_path / "de-fr.tmx"
    source.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="hand" '
        'creationtoolversion="1" segtype="sentence" o-tmf="hand" adminlang="en" datatype="plaintext" '
        'srclang="de"/><body><tu><tuv xml:lang="de"><seg>Guten Tag.</seg></tuv>'
        '<tuv xml:lang="fr"><seg>Bonjour.</seg></tuv></tu></body></tmx>\n',
        encoding="utf-8",
    )
    db = tmp_path / "t.db"
    outcome = tmtool("import", source, "--db", db)
    assert outcome.code == 0, outcome.stderr
    assert [(src, tgt) for _, _, src, tgt in store_snapshot(db)] == [("Guten Tag.", "Bonjour.")]
