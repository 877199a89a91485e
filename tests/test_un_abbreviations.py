"""UN abbreviations of the language profiles, on cases written as data (tests/data/un_abbreviations.tsv)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tm.lang import profile
from tm.segment import segment_text

CASES_FILE = Path(__file__).parent / "data" / "un_abbreviations.tsv"


def read_cases() -> list[tuple[str, str, str, str]]:
    rows = []
    for line in CASES_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lang, abbreviation, source, text = line.split("\t")
            rows.append((lang, abbreviation, source, text))
    return rows


@pytest.mark.parametrize("lang, abbreviation, source, case", read_cases(),
                         ids=[f"{c[0]}:{c[1]}:{c[2]}" for c in read_cases()])
def test_un_abbreviation(lang: str, abbreviation: str, source: str, case: str) -> None:
    expected = [part for part in case.split("|") if part.strip()]
    assert segment_text(case.replace("|", ""), lang) == expected


def test_every_listed_abbreviation_has_a_case() -> None:
    """The abbreviations the issue lists each have a case in the data."""
    wanted = {
        "ru": {"млн. долл. США", "млрд.", "тыс.", "г-н", "г-жа", "см.", "п.", "пп.", "ст.", "т. е.", "и т. д.",
               "и др.", "гг.", "Rev.1", "Corr.1", "Add.2", "document symbol"},
        "en": {"U.S.", "No.", "Nos.", "para.", "paras.", "e.g.", "i.e.", "et al.", "Mr.", "Ms.", "Dr.", "Art.",
               "vol.", "pp.", "Rev.1", "document symbol"},
    }
    have: dict[str, set[str]] = {"ru": set(), "en": set()}
    for lang, abbreviation, _, _ in read_cases():
        have[lang].add(abbreviation)
    for lang, names in wanted.items():
        assert names <= have[lang], names - have[lang]


@pytest.mark.parametrize("lang, entries", [
    ("ru", {"млн.", "млрд.", "тыс.", "долл.", "г-н", "г-жа", "см.", "п.", "пп.", "ст.", "т. е.", "т. д.", "др.", "гг."}),
    ("en", {"u.s.", "no.", "nos.", "para.", "paras.", "e.g.", "i.e.", "al.", "mr.", "ms.", "dr.", "art.", "vol.",
            "pp.", "v."}),
])
def test_profiles_list_them(lang: str, entries: set[str]) -> None:
    from tm.lang.en_abbreviations import SENTENCE_END_ABBREVIATIONS

    listed = profile(lang).abbreviations | (SENTENCE_END_ABBREVIATIONS if lang == "en" else frozenset())
    assert entries <= listed, entries - listed
