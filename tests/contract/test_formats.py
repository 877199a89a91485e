"""The contract every registered format keeps, in the manner of translate-toolkit's TestTranslationStore.

Each test is parametrized over exports.FORMATS, so a newly registered format is covered without
being listed here. What a format's file is checked with (lxml and xmllint against the TMX DTD or
the TBX schema, polib and msgfmt, the csv module) follows from its extensions; what a reader gives
back follows from the tables below, where a format differs from the rule, with the reason.
"""
from __future__ import annotations

import csv
import io
import shutil
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import polib
import pytest
from checkers import assert_tbx_valid, assert_tmx_valid
from contract.registry import ALL, BINARY_SYNTAXES, IDS, READABLE, READABLE_IDS, SOURCE_ONLY, syntax
from lxml import etree

from exports import FORMATS, ExportContext, Format
from glossary.model import ACRONYM, FOUND_UNDEFINED, NAME, TermEntry, term_pairs
from tm.errors import FormatError
from tm.markup import has_marks
from tm.model import CLOSE, HEADING, ISOLATED, OPEN, InlineCode, Skipped, Unit

BOM = b"\xef\xbb\xbf"
CTX = ExportContext(created=datetime(2024, 3, 1, 12, 30, tzinfo=timezone.utc), signature="tmtool:test|contract")

# Formats that start with a UTF-8 byte-order mark when ctx.bom asks for one; the others ignore it.
BOM_FORMATS = {("tm", "csv"), ("tm", "txt"), ("termbase", "csv")}

# Formats with no place for the export signature: the others name it in a header, prop or column.
UNSIGNED = {
    ("tm", "txt"),  # the document only: a CAT tool would take anything else for text to translate
    ("termbase", "csv"),  # one row per entry, data columns only
    ("tm", "csv"),  # a signature column only when the rows' documents differ in it (tests/test_csv_signature.py)
    # zip-compressed: the signature is the workbook's description property (tests/test_xlsx.py reads it)
    ("tm", "xlsx"), ("termbase", "xlsx"),
}

# Termbase formats that are translation memories of term pairs, read by the TM reader of the same name.
TERM_PAIR_FORMATS = [("termbase", "tmx"), ("termbase", "po")]

# What a reader gives back of a unit: CORE for every reader, plus or minus what the format carries.
CORE = ("source", "target", "src_lang", "tgt_lang", "notes")
EXTRA = {
    "tmx": ("para", "kind", "score", "flagged"),  # as x-paragraph, x-kind, x-align-score, x-low-confidence props
    "po": ("para", "kind", "score", "flagged"),  # in the extracted comment, and the fuzzy flag
    "csv": ("para", "kind", "score", "flagged"),  # columns
}
LOST: dict[str, tuple[str, ...]] = {}  # fields a format cannot hold, by format name (none today)
# Formats that keep a note per line: a note with a line break comes back as one note per line.
NOTE_PER_LINE = {"po"}  # each line of an extracted comment (#.) is read as a note
# Formats with one notes cell: several notes are written joined by line breaks and read back as one.
NOTES_IN_ONE_CELL = {"csv"}
# A TMX names a language per <tuv> only: an untranslated unit has no target tuv, so no target language.
NO_TARGET_LANG_WITHOUT_TARGET = {"tmx"}

# Formats whose file of no items is well-formed but not valid against the schema.
EMPTY_NOT_VALID = {
    ("termbase", "tbx"),  # the TBX schema wants at least one termEntry in <body>
    ("termbase", "tbx3"),  # and TBX v3's at least one conceptEntry
}

# Characters a format refuses to write (with FormatError) instead of producing a broken file.
REFUSES = {
    ("termbase", "omegat"): "\t\n",  # a tab or line break would split the glossary record
}


# Fixtures ---------------------------------------------------------------------------------------------------------

UNITS = [
    Unit(id="doc.ru.txt:0000000", doc="doc.ru.txt", source="Резюме", target="Summary", para="I", kind=HEADING,
         position=0, block=0),
    Unit(id="doc.ru.txt:0000001", doc="doc.ru.txt", source="Генеральная Ассамблея приняла резолюцию 56/203.",
         target="The General Assembly adopted resolution 56/203.", para="1", position=1, block=1, score=0.875,
         flagged=True, notes=("проверить перевод", "second note")),
    Unit(id="doc.ru.txt:0000002", doc="doc.ru.txt", source="Перевода у этого предложения нет.", para="1",
         position=2, block=1, score=0.5, notes=("untranslated",)),
]

ENTRIES = [
    TermEntry(id="doc.ru.txt:term001", kind=ACRONYM, ru_acronym="МОТ", ru_full_form="Международная организация труда",
              ru_full_form_in_text="Международной организации труда", en_acronym="ILO",
              en_full_form="International Labour Organization", occurrences=3, first_unit="doc.ru.txt:0000001",
              context="усилия Международной организации труда (МОТ)", en_source="reference"),
    TermEntry(id="doc.ru.txt:term002", kind=NAME, ru_full_form="Экономическая комиссия для Европы",
              ru_variants=("Европейская экономическая комиссия",), en_full_form="Economic Commission for Europe",
              occurrences=2, first_unit="doc.ru.txt:0000002", notes=("второе название",)),
    TermEntry(id="doc.ru.txt:term003", kind=ACRONYM, ru_acronym="ЩЖЦ", occurrences=1,
              first_unit="doc.ru.txt:0000002", found=FOUND_UNDEFINED, notes=("no English name",)),
]

# Hostile text, put where every format writes it: a unit's source and target, an entry's Russian and English names.
HOSTILE = [
    ("cyrillic", "Доклад Генерального секретаря «О миграции» — № 5, ёжик"),
    ("markup", "a <b> & \"c\" 'd' </seg> ]]> &amp;"),
    ("tab", "до\tпосле"),
    ("newline", "первая строка\nвторая строка"),
    ("leading-equals", "=SUM(A1:A9)"),
    ("leading-plus", "+7 (495) 123-45-67"),
    ("leading-minus", "-2 градуса"),
    ("leading-at", "@Генеральная Ассамблея"),
    ("long", " ".join(["Очень длинное предложение о международной миграции и развитии."] * 300)),
]
HOSTILE_IDS = [name for name, _ in HOSTILE]


def items_for(kind: str) -> list[Any]:
    return list(UNITS) if kind == "tm" else list(ENTRIES)


def hostile_items(kind: str, text: str) -> list[Any]:
    if kind == "tm":
        return [Unit(id="h.txt:0000000", doc="h.txt", source=text, target=text, notes=(text,))]
    return [TermEntry(id="h.txt:term001", kind=NAME, ru_full_form=text, en_full_form=text, occurrences=1,
                      first_unit="h.txt:0000000", notes=(text,))]


def dump(key: tuple[str, str], items: Iterable[Any], ctx: ExportContext = CTX) -> bytes:
    stream = io.BytesIO()
    FORMATS[key].dump(items, stream, ctx)
    return stream.getvalue()


def load(fmt: Format, data: bytes) -> list[Unit | Skipped]:
    assert fmt.load is not None
    return list(fmt.load(io.BytesIO(data), f"contract.{fmt.name}"))


# Independent readers: every text string a file holds --------------------------------------------------------------

def xml_strings(data: bytes) -> list[str]:
    root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    return [text for element in root.iter() for text in (element.text, element.tail) if text]


def po_strings(data: bytes) -> list[str]:
    po = polib.pofile(data.decode("utf-8"), wrapwidth=0)
    return [s for e in po for s in (e.msgctxt or "", e.msgid, e.msgstr, e.comment, e.tcomment) if s]


def csv_strings(data: bytes) -> list[str]:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), strict=True))
    assert rows and len({len(row) for row in rows}) == 1, "CSV rows have different lengths"
    return [cell for row in rows for cell in row]


def tsv_strings(data: bytes) -> list[str]:
    lines = [line for line in data.decode("utf-8").splitlines() if line and not line.startswith("#")]
    rows = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE, strict=True))
    assert len({len(row) for row in rows}) <= 1, "TSV rows have different lengths"
    return [cell for row in rows for cell in row]


def xlsx_strings(data: bytes) -> list[str]:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True)
    return [str(v) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for v in row
            if v is not None]


def text_strings(data: bytes) -> list[str]:
    return [data.decode("utf-8-sig")]


READERS: dict[str, Callable[[bytes], list[str]]] = {
    "xml": xml_strings, "po": po_strings, "csv": csv_strings, "tsv": tsv_strings, "text": text_strings,
    "xlsx": xlsx_strings,
}


def msgfmt_check(data: bytes, tmp_path: Path) -> None:
    """`msgfmt -c` accepts the PO file (when gettext is installed; polib has read it already)."""
    program = shutil.which("msgfmt")
    if program is None:
        return
    path = tmp_path / "check.po"
    path.write_bytes(data)
    done = subprocess.run([program, "-c", "--check-format", "-o", "/dev/null", str(path)], capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr


# Formats with a schema, by extension: validated by xmllint when it is installed (well-formedness by lxml always).
SCHEMAS: dict[str, Callable[[Path], None]] = {".tmx": assert_tmx_valid, ".tbx": assert_tbx_valid}


def schema_check(key: tuple[str, str], data: bytes, tmp_path: Path) -> None:
    check = next((SCHEMAS[e] for e in FORMATS[key].extensions if e in SCHEMAS), None)
    if check is None or shutil.which("xmllint") is None:
        return
    path = tmp_path / f"check{FORMATS[key].extensions[0]}"
    path.write_bytes(data)
    check(path)


def assert_well_formed(key: tuple[str, str], data: bytes, tmp_path: Path, schema: bool = True) -> list[str]:
    """Parse the file with the independent reader of its syntax (and msgfmt, xmllint); its text strings."""
    strings = READERS[syntax(key)](data)
    if syntax(key) == "po":
        msgfmt_check(data, tmp_path)
    if schema:
        schema_check(key, data, tmp_path)
    return strings


# The contract -----------------------------------------------------------------------------------------------------

def test_registry_keys_match_the_formats() -> None:
    assert READABLE, "no format has a reader"
    for (kind, name), fmt in FORMATS.items():
        assert (fmt.kind, fmt.name) == (kind, name)
        assert fmt.extensions and all(e.startswith(".") and e == e.lower() for e in fmt.extensions)
        assert fmt.load is None or fmt.kind == "tm", "only translation-memory formats are read"


@pytest.mark.parametrize("key", ALL, ids=IDS)
def test_output_is_well_formed(key: tuple[str, str], tmp_path: Path) -> None:
    strings = assert_well_formed(key, dump(key, items_for(key[0])), tmp_path)
    assert any("Международная организация труда" in s or "Резюме" in s for s in strings)


@pytest.mark.parametrize("key", ALL, ids=IDS)
def test_no_items_still_make_a_well_formed_file(key: tuple[str, str], tmp_path: Path) -> None:
    data = dump(key, [])
    if key == ("tm", "txt"):
        assert data == b""  # no document, no text
    else:
        assert_well_formed(key, data, tmp_path, schema=key not in EMPTY_NOT_VALID)
        assert syntax(key) in BINARY_SYNTAXES or data.endswith(b"\n")


@pytest.mark.parametrize("key", ALL, ids=IDS)
def test_two_dumps_give_the_same_bytes(key: tuple[str, str]) -> None:
    assert dump(key, items_for(key[0])) == dump(key, items_for(key[0]))


@pytest.mark.parametrize("key", ALL, ids=IDS)
def test_utf8_lf_and_a_final_newline(key: tuple[str, str]) -> None:
    data = dump(key, items_for(key[0]))
    if syntax(key) in BINARY_SYNTAXES:
        pytest.skip("a binary file: no encoding or line ends")
    assert not data.startswith(BOM)
    data.decode("utf-8")
    assert b"\r" not in data and data.endswith(b"\n")


@pytest.mark.parametrize("key", ALL, ids=IDS)
def test_bom_only_on_request_and_only_where_it_is_supported(key: tuple[str, str]) -> None:
    plain = dump(key, items_for(key[0]))
    with_bom = dump(key, items_for(key[0]), replace(CTX, bom=True))
    assert with_bom == (BOM + plain if key in BOM_FORMATS else plain)


@pytest.mark.parametrize("key", ALL, ids=IDS)
def test_excel_safe_changes_only_csv_cells(key: tuple[str, str]) -> None:
    items = hostile_items(key[0], "=SUM(A1:A9)")
    plain, safe = dump(key, items), dump(key, items, replace(CTX, excel_safe=True))
    if syntax(key) != "csv":
        assert safe == plain
    else:
        cells = csv_strings(safe)
        assert "'=SUM(A1:A9)" in cells and not any(c.startswith(("=", "+", "-", "@")) for c in cells)


@pytest.mark.parametrize("key", ALL, ids=IDS)
def test_context_settings_reach_the_file(key: tuple[str, str]) -> None:
    """A file says how it was made: the signature is in it, wherever the format has room."""
    data = dump(key, items_for(key[0]))
    assert (CTX.signature.encode() in data) is (key not in UNSIGNED)


@pytest.mark.parametrize("case", HOSTILE, ids=HOSTILE_IDS)
@pytest.mark.parametrize("key", ALL, ids=IDS)
def test_hostile_text_survives(key: tuple[str, str], case: tuple[str, str], tmp_path: Path) -> None:
    _, text = case
    items = hostile_items(key[0], text)
    refused = [c for c in REFUSES.get(key, "") if c in text]
    if refused:
        with pytest.raises(FormatError):
            dump(key, items)
        return
    data = dump(key, items)
    strings = assert_well_formed(key, data, tmp_path)
    assert any(text in s for s in strings), f"{text[:40]!r} not found in the {key[1]} file"
    if syntax(key) in ("xml", "csv", "tsv", "xlsx"):
        copies = 1 if key in SOURCE_ONLY else 2
        assert sum(s == text for s in strings) >= copies, "source and target should both be whole strings"


def expected_fields(fmt: Format, unit: Unit, ctx: ExportContext) -> dict[str, Any]:
    names = [f for f in CORE + EXTRA.get(fmt.name, ()) if f not in LOST.get(fmt.name, ())]
    fields = {name: getattr(unit, name) for name in names}
    fields["src_lang"], fields["tgt_lang"] = ctx.src_lang, ctx.tgt_lang
    if not unit.target and fmt.name in NO_TARGET_LANG_WITHOUT_TARGET:
        fields["tgt_lang"] = ""
    if fmt.name in NOTES_IN_ONE_CELL and "notes" in fields and unit.notes:
        fields["notes"] = ("\n".join(unit.notes),)
    return fields


LANGUAGES = [("ru", "en"), ("en-GB", "fr")]


@pytest.mark.parametrize("langs", LANGUAGES, ids=["-".join(pair) for pair in LANGUAGES])
@pytest.mark.parametrize("key", READABLE, ids=READABLE_IDS)
def test_round_trip_through_the_reader(key: tuple[str, str], langs: tuple[str, str]) -> None:
    fmt = FORMATS[key]
    ctx = replace(CTX, src_lang=langs[0], tgt_lang=langs[1])
    units = [replace(u, src_lang=langs[0], tgt_lang=langs[1]) for u in UNITS]
    loaded = load(fmt, dump(key, units, ctx))
    assert len(loaded) == len(units) and all(isinstance(u, Unit) for u in loaded), loaded
    for got, want in zip(loaded, units, strict=True):
        expected = expected_fields(fmt, want, ctx)
        assert {name: getattr(got, name) for name in expected} == expected, want.id


@pytest.mark.parametrize("case", HOSTILE, ids=HOSTILE_IDS)
@pytest.mark.parametrize("key", READABLE, ids=READABLE_IDS)
def test_hostile_text_round_trips(key: tuple[str, str], case: tuple[str, str]) -> None:
    _, text = case
    fmt = FORMATS[key]
    (unit,) = hostile_items("tm", text)
    loaded = load(fmt, dump(key, [unit]))
    assert len(loaded) == 1 and isinstance(loaded[0], Unit)
    assert (loaded[0].source, loaded[0].target) == (text, text)
    if "notes" not in LOST.get(fmt.name, ()):
        assert loaded[0].notes == (tuple(text.split("\n")) if fmt.name in NOTE_PER_LINE else (text,))


@pytest.mark.parametrize("key", TERM_PAIR_FORMATS, ids=[f"{k}-{n}" for k, n in TERM_PAIR_FORMATS])
def test_termbase_units_read_back_as_term_pairs(key: tuple[str, str]) -> None:
    """A termbase written as TMX or PO is a TM of term pairs: the TM reader of that name gives them back,
    every translated pair at least, and nothing that is not a pair of the entries."""
    loaded = load(FORMATS[("tm", key[1])], dump(key, ENTRIES))
    got = [(u.source, u.target) for u in loaded if isinstance(u, Unit)]
    translated = [(p.ru, p.en) for e in ENTRIES for p in term_pairs(e)]
    every = [(p.ru, p.en) for e in ENTRIES for p in term_pairs(e, with_untranslated=True)]
    assert [p for p in got if p in translated] == translated
    assert set(got) <= set(every)


# Inline codes: every TM writer gives them as codes or placeholders, never as the internal marks.
TAGGED = Unit(id="m.txt:0000000", doc="m.txt", source="Строка\ufffaвторая \ufff9жирно\ufffb", target="Line\ufffatwo",
              source_codes=(InlineCode(6, ISOLATED, "ph", (("x", "1"),), "&lt;br/&gt;"),
                            InlineCode(14, OPEN, "g", (("id", "2"),)), InlineCode(20, CLOSE, "g")),
              target_codes=(InlineCode(4, ISOLATED, "x", (("id", "1"),)),))


def sheet_text(data: bytes) -> str:
    """Every cell of a workbook, one per line (an XLSX file is a zip: its text is in the cells)."""
    import io

    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    return "\n".join(str(v) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
                     for v in row if v is not None)


@pytest.mark.parametrize("key", [k for k in ALL if k[0] == "tm"], ids=[i for i in IDS if i.startswith("tm-")])
def test_inline_codes_never_leak_as_marks(key: tuple[str, str], tmp_path: Path) -> None:
    data = dump(key, [TAGGED])
    text = sheet_text(data) if key[1] == "xlsx" else data.decode("utf-8")
    assert not has_marks(text), "a writer wrote tm.markup's internal mark characters"
    assert "Строкавторая" not in text
    assert "<1/>" in text or "<ph" in text
    assert_well_formed(key, data, tmp_path)
