"""The curated reference table: well formed, one row per acronym, and read errors that name the line."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from glossary.normalise import lemma_key
from glossary.reference import Reference, ReferenceName, parse_rows
from tm.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
UNV1 = ROOT.parent / "shared" / "data" / "unv1"


def test_reference_rows_are_complete() -> None:
    rows = Reference.load().rows
    assert len(rows) >= 60
    acronyms = [r.ru_acronym for r in rows if r.ru_acronym]
    assert len(acronyms) == len(set(acronyms))
    assert all(r.ru_full_form for r in rows)
    assert all(r.en_full_form or r.note for r in rows)  # a row without English says why


# category -> names that must be there (issue 3: every principal organ, regional commission…)
REQUIRED = [
    ("principal organ", {"Генеральная Ассамблея", "Совет Безопасности", "Экономический и Социальный Совет",
                         "Совет по Опеке", "Международный Суд", "Секретариат Организации Объединенных Наций"}),
    ("regional commission", {"ЭКА", "ЕЭК", "ЭКЛАК", "ЭСКАТО", "ЭСКЗА"}),
    ("common", {"НПО", "ВИЧ", "СПИД"}),
]


@pytest.mark.parametrize("category,names", REQUIRED, ids=[c for c, _ in REQUIRED])
def test_required_names_present(category: str, names: set[str]) -> None:
    rows = [r for r in Reference.load().rows if r.category == category]
    assert names <= {r.ru_acronym for r in rows} | {r.ru_full_form for r in rows}


# lookups in the table: inflected names and acronyms find their row
FINDS = [("МОТ", "", "ILO"), ("", "Международной организации труда", "International Labour Organization"),
         ("", "Генеральной Ассамблеи", "General Assembly"), ("ЮНИСЕФ", "", "UNICEF")]


@pytest.mark.parametrize("acronym,name,english", FINDS)
def test_find(acronym: str, name: str, english: str) -> None:
    row = Reference.load().find(acronym, name)
    assert row is not None and english in (row.en_acronym, row.en_full_form)


BAD_FILES = [
    (["a\tb"], 1, "header"),
    (["# comment", "category\tru_acronym\tru_full_form\ten_acronym\ten_full_form\tnote", "x\ty"], 3, "expected 6"),
]


@pytest.mark.parametrize("lines,line,message", BAD_FILES, ids=["header", "short row"])
def test_bad_table_names_the_line(lines: list[str], line: int, message: str) -> None:
    with pytest.raises(InputError) as err:
        parse_rows(lines, "t.tsv")
    assert err.value.line == line and message in err.value.message


def test_rows_have_years_and_a_source() -> None:
    """Every row names how it was checked (codes in the header); years, where given, are in order."""
    rows = Reference.load().rows
    codes = [code.strip() for r in rows for code in r.source.split(";")]
    assert all(r.source for r in rows)
    assert all(code in ("C", "R", "M") or re.fullmatch(r"(U|Ur|Ue|Ua|Ar|Ae):\d+", code) for code in codes), set(codes)
    assert all(("M" in r.source.split("; ")) == bool(r.unchecked) for r in rows)  # M marks what nothing confirms
    assert all(int(r.valid_from) <= int(r.valid_to) for r in rows if r.valid_from and r.valid_to)


# issue 12, pattern 7: corrected rows
CORRECTED = [
    ("ЕЭК", "Европейская экономическая комиссия", "ECE"),
    ("ДОПМ", "Департамент операций по поддержанию мира", "DPKO"),
    ("ДОИ", "Департамент общественной информации", "DPI"),
    ("ООН-Женщины", "Структура Организации Объединенных Наций по вопросам гендерного равенства и расширения прав "
     "и возможностей женщин", "UN-Women"),
    ("ЦРТ", "Цели развития тысячелетия", "MDGs"),
    ("ЦУР", "Цели в области устойчивого развития", "SDGs"),
    ("МИНУСМА", "Многопрофильная комплексная миссия Организации Объединенных Наций по стабилизации в Мали", "MINUSMA"),
    ("ВСООНЛ", "Временные силы Организации Объединенных Наций в Ливане", "UNIFIL"),
]


@pytest.mark.parametrize("acronym,russian,english", CORRECTED, ids=[c[0] for c in CORRECTED])
def test_corrected_rows(acronym: str, russian: str, english: str) -> None:
    row = Reference.load().find(acronym)
    assert row is not None and (row.ru_full_form, row.en_acronym) == (russian, english)


def test_names_created_later_are_not_given_for_2003() -> None:
    rows = {r.en_acronym: r for r in Reference.load().rows if r.en_acronym}
    assert not any(rows[a].valid_in(2003) for a in ("DPO", "DGC", "DOS", "DSS", "UNODA", "UN-Women"))
    assert all(rows[a].valid_in(2003) for a in ("DPKO", "DPI", "DDA", "UNIFEM"))
    assert "ECAFE" in rows["ESCAP"].note and "pre-1974" not in rows["ESCAP"].note


def test_the_document_year_flags_a_name_not_in_use() -> None:
    from glossary.termbase import compile_termbase
    from tm.model import Unit
    units = [Unit(id="d:1", doc="d", source="Доклад ДГК опубликован.")]
    entry = compile_termbase(units, year=2003)[0]
    assert entry.en_acronym == "DGC" and any("not of 2003" in n for n in entry.notes)


def holds(key: tuple[str, ...], text: str) -> bool:
    words = lemma_key(text)
    return any(words[i:i + len(key)] == key for i in range(len(words) - len(key) + 1))


def has_acronym(acronym: str, text: str) -> bool:
    """A whole acronym; a Russian one may take a case ending ("ВИЧ/СПИДом")."""
    after = r"(?![А-ЯЁA-Z])" if re.match("[А-ЯЁ]", acronym) else r"(?![^\W\d_])"
    return re.search(rf"(?<![^\W\d_]){re.escape(acronym)}{after}", text) is not None


def code_holds(row: ReferenceName, code: str, ru: list[str], en: list[str], report: str) -> bool:
    """Whether the text a source code cites holds what the code says (codes in the table's header)."""
    kind, _, n = code.partition(":")
    r, e = (ru[int(n) - 1], en[int(n) - 1]) if n else ("", "")
    key = lemma_key(row.ru_full_form)
    checks = {
        "U": lambda: holds(key, r) and row.en_full_form in e,
        "Ur": lambda: holds(key, r),
        "Ue": lambda: row.en_full_form in e,
        "Ua": lambda: has_acronym(row.ru_acronym, r) and has_acronym(row.en_acronym, e),
        "Ar": lambda: has_acronym(row.ru_acronym, r),
        "Ae": lambda: has_acronym(row.en_acronym, e),
        "R": lambda: holds(key, report),
    }
    return checks[kind]() if kind in checks else True


@pytest.mark.skipif(not UNV1.exists(), reason="needs ../shared/data/unv1")
def test_each_cited_line_holds_what_its_code_says() -> None:
    """The evidence the table's source column cites is there: U:n has both names on line n of the UN
    dev set, Ur/Ue one of them, Ua both acronyms, Ar/Ae one; R rows' Russian names are in A/58/98."""
    ru = (UNV1 / "unv1_devset.ru.txt").read_text(encoding="utf-8").split("\n")
    en = (UNV1 / "unv1_devset.en.txt").read_text(encoding="utf-8").split("\n")
    report = " ".join((ROOT / "tm" / "data" / "A_58_98.ru.txt").read_text(encoding="utf-8").replace("-\n", "").split())
    wrong = [f"{r.ru_acronym or r.ru_full_form}: {code}" for r in Reference.load().rows
             for code in r.source.split("; ") if not code_holds(r, code, ru, en, report)]
    assert not wrong


def test_the_document_year_picks_the_row_valid_then() -> None:
    """Two rows for one Russian name: the English acronym of the World Tourism Organization was WTO until 2005."""
    reference = Reference.load()
    assert reference.find("", "Всемирной туристской организации", 2003).en_acronym == "WTO"
    assert reference.find("", "Всемирной туристской организации", 2015).en_acronym == "UNWTO"
    assert reference.find("", "Всемирной туристской организации").en_acronym == "UNWTO"  # no year: the current name


def test_an_unchecked_part_is_named_on_the_entry() -> None:
    from glossary.termbase import compile_termbase
    from tm.model import Unit
    units = [Unit(id="d:1", doc="d", source="Доклад ИКАО опубликован.")]
    entry = compile_termbase(units, year=2015)[0]
    assert entry.en_acronym == "ICAO"
    assert "reference table, not checked against a source: Russian name, English name, Russian acronym, " \
           "English acronym" in entry.notes
