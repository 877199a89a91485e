"""The language check: a source whose letters say another language than --src-lang is refused in one line."""
from __future__ import annotations

from pathlib import Path

import pytest
from hostile import assert_one_line_error, store_snapshot, tmtool

from tm.lang.detect import guess_language, language_mismatch

RU = ("Генеральная Ассамблея в своей резолюции 56/203 просила Генерального секретаря представить доклад "
      "о международной миграции и развитии, включая деятельность МОТ, ЮНФПА и UNHCR. ") * 3
EN = ("The General Assembly, in its resolution 56/203, requested the Secretary-General to submit a report "
      "on international migration and development, including the work of ILO and UNFPA. ") * 3
UK = ("Генеральна Асамблея у своїй резолюції просила Генерального секретаря подати доповідь про міжнародну "
      "міграцію та розвиток, включаючи діяльність організацій системи. ") * 3
FR = ("L'Assemblée générale, dans sa résolution 56/203, a prié le Secrétaire général de présenter un rapport "
      "sur la migration internationale et le développement, et la coopération très étroite. ") * 3

# (text, its likely language, script)
# FLORES-200 has Turkish names: 'İ' lowers to two characters, which once crashed the guess.
TR_NAMES = EN + "İstanbul and İzmir hosted the meeting. "
GUESSES = [(RU, "ru", "CYRILLIC"), (EN, "en", "LATIN"), (UK, "uk", "CYRILLIC"), (FR, "fr", "LATIN"),
           (TR_NAMES, "en", "LATIN")]


@pytest.mark.parametrize(("text", "lang", "script"), GUESSES, ids=[*(g[1] for g in GUESSES[:-1]), "en-with-dotted-capital-I"])
def test_the_likely_language_from_the_letters(text: str, lang: str, script: str) -> None:
    guess = guess_language(text)
    assert (guess.lang, guess.script) == (lang, script)


# (text, --src-lang, refused)
CHECKS = [
    (RU, "ru", False), (RU, "ru-RU", False), (EN, "en", False), (EN, "en_GB", False),
    (EN, "ru", True), (RU, "en", True), (UK, "ru", True), (FR, "en", True),
    ("Short English text.", "ru", False),  # too few letters to judge
    ("12 345 67 / 89", "ru", False),  # no letters at all
    (RU, "fr", False),  # no profile: the profile check refuses it, not this one
]


@pytest.mark.parametrize(("text", "lang", "refused"), CHECKS, ids=[f"{c[0][:6]}-{c[1]}" for c in CHECKS])
def test_a_mismatch_is_found(text: str, lang: str, refused: bool) -> None:
    assert (language_mismatch(text, lang) is not None) is refused


def test_an_english_source_built_as_russian_is_refused_in_one_line(tmp_path: Path, report_db: Path) -> None:
    db = tmp_path / "t.db"
    db.write_bytes(report_db.read_bytes())
    before = store_snapshot(db)
    source = tmp_path / "report.en.txt"
    source.write_text(EN, encoding="utf-8")
    line = assert_one_line_error(tmtool("build", source, "--db", db), "report.en.txt", "looks like English",
                                 "not ru", "--src-lang en", "--force-lang")
    assert "Latin" in line
    assert store_snapshot(db) == before


def test_force_lang_builds_it_anyway(tmp_path: Path) -> None:
    source = tmp_path / "report.en.txt"
    source.write_text(EN, encoding="utf-8")
    done = tmtool("build", source, "--db", tmp_path / "t.db", "--force-lang")
    assert done.code == 0, done.stderr


def test_a_target_in_the_wrong_language_names_the_target(tmp_path: Path) -> None:
    source, target = tmp_path / "a.ru.txt", tmp_path / "a.en.txt"
    source.write_text(RU, encoding="utf-8")
    target.write_text(RU, encoding="utf-8")
    assert_one_line_error(tmtool("build", source, "--target", target, "--db", tmp_path / "t.db"),
                          "a.en.txt", "looks like Russian", "not en", "--tgt-lang ru")
    assert_one_line_error(tmtool("align", source, target), "a.en.txt", "not en")
    assert tmtool("align", source, target, "--force-lang").code == 0
