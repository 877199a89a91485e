"""Property tests (hypothesis): cleaning is idempotent, and text that survives cleaning survives every format.

Every registered TM writer is checked against an independent reader (lxml, the csv module, polib)
where one is written below, else against its own reader; a source-only format (txt) must hold every
source text. Every format `tmtool import` reads goes through import and export again
(TMX -> import -> TMX, PO, CSV, XLIFF alike) and gives back the same source and target texts.
"""
from __future__ import annotations

import csv
import io
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import polib
import pytest
from contract.registry import READABLE_TM_NAMES, SOURCE_ONLY, TM_NAMES, extension
from hostile import tmtool
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from lxml import etree

from exports import ExportContext, Format, get_format
from exports.txt import numbered
from tm.clean import clean_document
from tm.markup import mark_of, match_form, placeholder_text
from tm.model import InlineCode, Unit

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XLIFF = "{urn:oasis:names:tc:xliff:document:1.2}"
CONTEXT = ExportContext(created=datetime(2024, 1, 1, tzinfo=timezone.utc), signature="props", src_lang="ru",
                        tgt_lang="en")

# Any Unicode text, weighted towards what documents hold: Cyrillic, Latin, digits, punctuation,
# spaces and line breaks, plus the characters extraction leaves behind (NBSP, soft hyphen, U+FFFD,
# C0 controls). U+FFFE/U+FFFF are left out: XML cannot carry them and the cleaner keeps them today
# (tests/test_hostile_source.py covers them).
DOCUMENT_CHARS = st.one_of(
    st.sampled_from(list("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")),
    st.sampled_from(list("abcXYZ0123456789 .,;:!?-–—«»\"'()[]/№%&<>=+@\n\n\t\u00a0\u00ad\ufffd")),
    st.characters(codec="utf-8", exclude_characters="\ufffe\uffff"),
)
DOCUMENTS = st.text(DOCUMENT_CHARS, max_size=300)


def cleaned_texts(text: str) -> list[str]:
    return [block.text for block in clean_document(text, "ru").blocks]


def render(text: str) -> str:
    """A cleaned document written back as text, the way the txt export lays blocks out."""
    return "\n\n".join(numbered(b.number, b.text) for b in clean_document(text, "ru").blocks)


def block_tuples(text: str) -> list[tuple[str, str, str]]:
    return [(b.kind, b.number, b.text) for b in clean_document(text, "ru").blocks]


@st.composite
def surviving_pairs(draw: st.DrawFn, max_units: int = 6) -> list[tuple[str, str]]:
    """Distinct (source, target) pairs made of block texts that came out of the cleaner."""
    pairs = []
    for _ in range(draw(st.integers(1, max_units))):
        source = cleaned_texts(draw(DOCUMENTS))
        target = cleaned_texts(draw(DOCUMENTS))
        assume(source and target)
        pairs.append((source[0], target[0]))
    assume(len(set(pairs)) == len(pairs))
    return pairs


def units_of(pairs: list[tuple[str, str]]) -> list[Unit]:
    return [Unit(id=f"p:{i:05d}", doc="p", source=s, target=t, position=i) for i, (s, t) in enumerate(pairs)]


def dump(fmt: str, pairs: list[tuple[str, str]]) -> bytes:
    stream = io.BytesIO()
    get_format("tm", fmt).dump(units_of(pairs), stream, CONTEXT)
    return stream.getvalue()


def tmx_pairs(data: bytes) -> list[tuple[str, str]]:
    root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False))
    pairs = []
    for tu in root.iter("tu"):
        segs = {tuv.get(XML_LANG): "".join(tuv.find("seg").itertext()) for tuv in tu.iter("tuv")}
        pairs.append((segs["ru"], segs.get("en", "")))
    return pairs


def csv_pairs(data: bytes) -> list[tuple[str, str]]:
    rows = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), strict=True)
    return [(row["source"], row["target"]) for row in rows]


def po_pairs(data: bytes) -> list[tuple[str, str]]:
    return [(entry.msgid, entry.msgstr) for entry in polib.pofile(data.decode("utf-8"))]


def xliff_pairs(data: bytes) -> list[tuple[str, str]]:
    root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False))
    pairs = []
    for unit in root.iter(f"{XLIFF}trans-unit"):
        source, target = unit.find(f"{XLIFF}source"), unit.find(f"{XLIFF}target")
        pairs.append(("".join(source.itertext()), "".join(target.itertext()) if target is not None else ""))
    return pairs


def xlsx_pairs(data: bytes) -> list[tuple[str, str]]:
    from openpyxl import load_workbook

    rows = [row for sheet in load_workbook(io.BytesIO(data), read_only=True).worksheets
            for row in sheet.iter_rows(min_row=2, values_only=True)]
    return [(row[1] or "", row[2] or "") for row in rows]


# Readers independent of ours, by format name; a format without one is read by its own reader.
INDEPENDENT = {"tmx": tmx_pairs, "csv": csv_pairs, "po": po_pairs, "xliff": xliff_pairs, "xlsx": xlsx_pairs}


def own_pairs(fmt: Format, data: bytes) -> list[tuple[str, str]]:
    assert fmt.load is not None, f"{fmt.name}: no independent reader in INDEPENDENT and no reader of its own"
    return [(u.source, u.target) for u in fmt.load(io.BytesIO(data), fmt.name) if isinstance(u, Unit)]


def read_pairs(fmt: str, data: bytes) -> list[tuple[str, str]]:
    if fmt in INDEPENDENT:
        return INDEPENDENT[fmt](data)
    return own_pairs(get_format("tm", fmt), data)


@settings(max_examples=300, deadline=None)
@given(DOCUMENTS)
def test_clean_is_idempotent(text: str) -> None:
    """Cleaning the cleaned document (as the txt export writes it) changes nothing."""
    assert block_tuples(render(text)) == block_tuples(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(surviving_pairs())
@pytest.mark.parametrize("fmt", TM_NAMES)
def test_writer_output_reads_back_the_same_text(fmt: str, pairs: list[tuple[str, str]]) -> None:
    data = dump(fmt, pairs)
    if ("tm", fmt) in SOURCE_ONLY:
        text = data.decode("utf-8")
        assert all(source in text for source, _ in pairs)
    else:
        assert read_pairs(fmt, data) == pairs


def through_import(fmt: str, pairs: list[tuple[str, str]]) -> tuple[bytes, bytes]:
    """Write pairs with our writer, import them into a fresh store, export again: (first, second) file."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        first = folder / f"first{extension('tm', fmt)}"
        first.write_bytes(dump(fmt, pairs))
        imported = tmtool("import", first, "--db", folder / "t.db")
        assert imported.code == 0, imported.stderr
        second = folder / f"second{extension('tm', fmt)}"
        exported = tmtool("export", "--db", folder / "t.db", "--format", fmt, "-o", second)
        assert exported.code == 0, exported.stderr
        return first.read_bytes(), second.read_bytes()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(surviving_pairs())
@pytest.mark.parametrize("fmt", READABLE_TM_NAMES)
def test_import_then_export_gives_the_same_text(fmt: str, pairs: list[tuple[str, str]]) -> None:
    first, second = through_import(fmt, pairs)
    assert read_pairs(fmt, second) == read_pairs(fmt, first) == pairs


# Every field a format can hold survives its writer and reader ------------------------------------

PLAIN_CHARS = st.sampled_from([*"абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЯ abcXYZ0129.,;:!?-«»\"'()<>&=@\t\n\r{}%",
                               "\u00a0", "\u2028", "\u0085"])
PLAIN = st.text(PLAIN_CHARS, min_size=1, max_size=30)
LINE = st.text(st.sampled_from(list("абвгдеёжзAbc019 .,;<>&\"'")), min_size=1, max_size=20).map(str.strip).filter(bool)
# Inline codes as each XML format writes them: (kind, element, attrs, data); a span wraps a text.
TMX_CODES = [
    ("isolated", "ph", (("x", "1"), ("type", "lb")), "&lt;br/&gt;"),
    ("isolated", "ph", (), ""),
    ("isolated", "ut", (), "{\\b}"),
    ("isolated", "it", (("pos", "begin"),), "&lt;i&gt;"),
    ("isolated", "ph", (("x", "2"),), "&lt;a title=&quot;<sub>подпись</sub>&quot;&gt;"),
    ("span", "hi", (("type", "x-term"),), ""),
    ("pair", "bpt", (("i", "1"), ("type", "bold")), "&lt;b&gt;"),
]
XLIFF_CODES = [
    ("isolated", "x", (("id", "1"),), ""),
    ("isolated", "ph", (("id", "2"), ("ctype", "x-var")), "%s"),
    ("span", "g", (("id", "3"), ("ctype", "bold")), ""),
    ("span", "mrk", (("mtype", "protected"),), ""),
    ("pair", "bx", (("id", "4"),), ""),
]
CODES_OF = {"tmx": TMX_CODES, "xliff": XLIFF_CODES, "po": TMX_CODES + XLIFF_CODES, "csv": TMX_CODES}


def coded(items: list[object]) -> tuple[str, tuple[InlineCode, ...]]:
    """Text with a mark at each code, and the codes, from a list of texts and code templates."""
    text, codes = "", []

    def add(kind: str, element: str, attrs: tuple[tuple[str, str], ...], data: str) -> None:
        nonlocal text
        codes.append(InlineCode(len(text), kind, element, attrs, data))
        text += mark_of(kind)

    for item in items:
        if isinstance(item, str):
            text += item
            continue
        shape, element, attrs, data = item  # type: ignore[misc]
        if shape == "isolated":
            add("isolated", element, attrs, data)
        elif shape == "span":
            add("open", element, attrs, "")
            text += "слово"
            add("close", element, (), "")
        else:  # a bpt/ept or bx/ex pair around a word
            close = {"bpt": ("ept", (("i", "1"),), "&lt;/b&gt;"), "bx": ("ex", (("id", "5"),), "")}[element]
            add("open", element, attrs, data)
            text += "жирный"
            add("close", *close)
    return text, tuple(codes)


@st.composite
def full_units(draw: st.DrawFn, fmt: str) -> list[Unit]:
    """Units with every field set: texts with inline codes, notes, props, paragraph, kind, score, flag."""
    units = []
    for i in range(draw(st.integers(1, 4))):
        pieces = st.lists(st.one_of(PLAIN, st.sampled_from(CODES_OF[fmt])), min_size=1, max_size=5)
        source, source_codes = coded(draw(pieces))
        target, target_codes = coded(draw(pieces)) if draw(st.booleans()) else ("", ())
        assume(match_form(source).strip())
        units.append(Unit(
            id=f"p:{i:07d}", doc="p.txt", source=source, target=target, position=i,
            para=draw(st.sampled_from(["", "12", "II"])), kind=draw(st.sampled_from(["sentence", "heading", "note"])),
            score=draw(st.sampled_from([None, 0.5, 0.125, 1.0])), flagged=draw(st.booleans()),
            notes=tuple(draw(st.lists(LINE, max_size=2))),
            props=tuple(draw(st.lists(st.tuples(st.sampled_from(["x-client", "x-project"]), LINE), max_size=2))),
            source_codes=source_codes, target_codes=target_codes,
        ))
    assume(len({(u.source, u.target) for u in units}) == len(units))
    return units


def codes_of(unit: Unit) -> tuple[object, ...]:
    return (unit.source, unit.target, unit.source_codes, unit.target_codes)


# What each readable format holds of a unit, as a tuple to compare; a format added to the registry
# must say here what it keeps (the test below fails until it does).
HELD = {
    # TMX names a target language only by its tuv: an untranslated unit has none.
    "tmx": lambda u: (*codes_of(u), u.src_lang, u.tgt_lang if u.target else "", u.notes, u.para, u.kind, u.score,
                      u.flagged, tuple(p for p in u.props if p[0] != "x-original-document")),
    "xliff": lambda u: (*codes_of(u), u.src_lang, u.tgt_lang, u.notes, u.flagged),
    "po": lambda u: (*codes_of(u), u.src_lang, u.tgt_lang, u.notes, u.para, u.kind, u.score,
                     u.flagged and bool(u.target)),
    # CSV has no column for codes: they are shown as placeholders, read back as text.
    "csv": lambda u: (placeholder_text(u.source), placeholder_text(u.target), u.src_lang, u.tgt_lang,
                      ("\n".join(u.notes),) if u.notes else (), u.para, u.kind, u.score, u.flagged),
}


def test_every_readable_format_says_what_it_holds() -> None:
    assert sorted(HELD) == sorted(READABLE_TM_NAMES)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(st.data())
@pytest.mark.parametrize("fmt", READABLE_TM_NAMES)
def test_a_round_trip_keeps_every_field_the_format_holds(fmt: str, data: st.DataObject) -> None:
    units = data.draw(full_units(fmt))
    stream = io.BytesIO()
    get_format("tm", fmt).dump(units, stream, CONTEXT)
    load = get_format("tm", fmt).load
    assert load is not None
    back = [u for u in load(io.BytesIO(stream.getvalue()), fmt) if isinstance(u, Unit)]
    held = HELD[fmt]
    assert [held(u) for u in back] == [held(u) for u in units]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(st.data())
@pytest.mark.parametrize("fmt", READABLE_TM_NAMES)
def test_import_and_export_through_the_store_keep_every_field_the_format_holds(fmt: str, data: st.DataObject) -> None:
    units = data.draw(full_units(fmt))
    with tempfile.TemporaryDirectory() as tmp:
        first = Path(tmp) / f"first{extension('tm', fmt)}"
        with first.open("wb") as stream:
            get_format("tm", fmt).dump(units, stream, CONTEXT)
        assert tmtool("import", first, "--db", Path(tmp) / "t.db").code == 0
        second_path = Path(tmp) / f"second{extension('tm', fmt)}"  # a file: the runner's stdout folds CR LF
        second = tmtool("export", "--db", Path(tmp) / "t.db", "--format", fmt, "-o", second_path)
        assert second.code == 0, second.stderr
        exported = second_path.read_bytes()
    load = get_format("tm", fmt).load
    assert load is not None
    back = [u for u in load(io.BytesIO(exported), fmt) if isinstance(u, Unit)]
    assert [HELD[fmt](u) for u in back] == [HELD[fmt](u) for u in units]
