"""The five termbase exports: valid by real tools, readable, deterministic, and complete."""
from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from pathlib import Path

import polib
import pytest
from checkers import assert_po_valid, assert_tbx_valid, assert_tmx_valid
from click.testing import CliRunner

from exports import ExportContext, format_names, get_format
from glossary.model import ACRONYM, NAME, TermEntry
from tm.app import save_terms
from tm.cli import main
from tm.errors import FormatError
from tm.store import open_store
from tm.stored_terms import load_terms

CTX = ExportContext(created=datetime(2023, 11, 14, tzinfo=timezone.utc), signature="test|sig")

ENTRIES = [
    TermEntry(id="d:term001", kind=ACRONYM, ru_acronym="МОТ", ru_full_form="Международная организация труда",
              ru_full_form_in_text="Международной организации труда", en_acronym="ILO",
              en_full_form="International Labour Organization", occurrences=7, first_unit="d:00098",
              context="усилия Международной организации труда (МОТ) и", en_source="reference"),
    TermEntry(id="d:term002", kind=NAME, ru_full_form="Отдел <&> \"народонаселения\"", en_full_form="Division <&>",
              occurrences=1, first_unit="d:00001", notes=("=SUM(A1)", "второе примечание")),
    TermEntry(id="d:term003", kind=ACRONYM, ru_acronym="ЩЖЦ", occurrences=1, first_unit="d:00002",
              found="undefined", notes=("not in the reference table: no English name",)),
]


def dump(name: str, entries: list[TermEntry] = ENTRIES) -> bytes:
    stream = io.BytesIO()
    get_format("termbase", name).dump(entries, stream, CTX)
    return stream.getvalue()


def test_all_seven_formats_registered() -> None:
    assert format_names("termbase") == ["csv", "omegat", "po", "tbx", "tbx3", "tmx", "xlsx"]


@pytest.mark.parametrize("name", ["csv", "omegat", "po", "tbx", "tmx"])
def test_deterministic_utf8_final_newline(name: str) -> None:
    data = dump(name)
    assert data == dump(name) and data.endswith(b"\n") and not data.startswith(b"\xef\xbb\xbf")
    data.decode("utf-8")


def test_tbx_valid_and_complete(tmp_path: Path) -> None:
    path = tmp_path / "t.tbx"
    path.write_bytes(dump("tbx"))
    assert_tbx_valid(path)
    root = ET.parse(path).getroot()
    entries = root.findall(".//termEntry")
    assert len(entries) == 3
    first = {(ls.get("{http://www.w3.org/XML/1998/namespace}lang"), tig.findtext("term"), tig.findtext("termNote"))
             for ls in entries[0].findall("langSet") for tig in ls.findall("tig")}
    assert first == {("ru", "МОТ", "acronym"), ("ru", "Международная организация труда", "fullForm"),
                     ("en", "ILO", "acronym"), ("en", "International Labour Organization", "fullForm")}
    assert [ls.get("{http://www.w3.org/XML/1998/namespace}lang") for ls in entries[2].findall("langSet")] == ["ru"]


def test_tmx_one_tu_per_term_pair(tmp_path: Path) -> None:
    path = tmp_path / "t.tmx"
    path.write_bytes(dump("tmx"))
    assert_tmx_valid(path)
    pairs = [tuple(seg.text for seg in tu.iter("seg")) for tu in ET.parse(path).getroot().iter("tu")]
    assert pairs == [("МОТ", "ILO"), ("Международная организация труда", "International Labour Organization"),
                     ("Отдел <&> \"народонаселения\"", "Division <&>")]


def test_po_msgid_russian_msgstr_english(tmp_path: Path) -> None:
    path = tmp_path / "t.po"
    path.write_bytes(dump("po"))
    assert_po_valid(path)
    po = polib.pofile(str(path))
    assert [(e.msgid, e.msgstr) for e in po] == [
        ("МОТ", "ILO"), ("Международная организация труда", "International Labour Organization"),
        ("Отдел <&> \"народонаселения\"", "Division <&>"), ("ЩЖЦ", "")]


def test_csv_columns_and_rows() -> None:
    rows = list(csv.DictReader(io.StringIO(dump("csv").decode("utf-8"))))
    assert len(rows) == 3
    assert {"ru_acronym", "ru_full_form", "en_acronym", "en_full_form", "occurrences"} <= set(rows[0])
    assert (rows[0]["ru_acronym"], rows[0]["en_acronym"], rows[0]["occurrences"]) == ("МОТ", "ILO", "7")
    assert rows[1]["notes"] == "=SUM(A1); второе примечание"


def test_omegat_glossary_three_columns() -> None:
    lines = [ln for ln in dump("omegat").decode("utf-8").splitlines() if not ln.startswith("#")]
    assert [ln.split("\t") for ln in lines] == [
        ["МОТ", "ILO", "Международная организация труда"],
        ["Международная организация труда", "International Labour Organization", "МОТ"],
        ["Отдел <&> \"народонаселения\"", "Division <&>", "name"]]


VARIANT = TermEntry(id="d:term004", kind=ACRONYM, ru_acronym="ЕЭК", ru_full_form="Экономическая комиссия для Европы",
                    ru_variants=("Европейская экономическая комиссия",), en_acronym="ECE",
                    en_full_form="Economic Commission for Europe", occurrences=9, first_unit="d:00010")


def test_every_russian_name_of_a_concept_is_exported(tmp_path: Path) -> None:
    """A concept with two Russian names: two fullForm tigs in one langSet, a TU and a PO entry each."""
    (tmp_path / "t.tbx").write_bytes(dump("tbx", [VARIANT]))
    assert_tbx_valid(tmp_path / "t.tbx")
    ru = ET.parse(tmp_path / "t.tbx").getroot().find(".//langSet")
    assert [(tig.findtext("term"), tig.findtext("termNote")) for tig in ru.findall("tig")] == [
        ("ЕЭК", "acronym"), ("Экономическая комиссия для Европы", "fullForm"),
        ("Европейская экономическая комиссия", "fullForm")]
    (tmp_path / "t.tmx").write_bytes(dump("tmx", [VARIANT]))
    assert_tmx_valid(tmp_path / "t.tmx")
    tus = ET.parse(tmp_path / "t.tmx").getroot().iter("tu")
    assert [tuple(seg.text for seg in tu.iter("seg")) for tu in tus][-1] == (
        "Европейская экономическая комиссия", "Economic Commission for Europe")
    (tmp_path / "t.po").write_bytes(dump("po", [VARIANT]))
    assert_po_valid(tmp_path / "t.po")
    assert [e.msgid for e in polib.pofile(str(tmp_path / "t.po"))][-1] == "Европейская экономическая комиссия"
    glossary = dump("omegat", [VARIANT]).decode("utf-8").splitlines()[-1].split("\t")
    assert glossary == ["Европейская экономическая комиссия", "Economic Commission for Europe",
                        "Экономическая комиссия для Европы"]
    row = next(csv.DictReader(io.StringIO(dump("csv", [VARIANT]).decode("utf-8"))))
    assert row["ru_variants"] == "Европейская экономическая комиссия"


def test_variants_survive_the_store(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        save_terms(store, "d", [VARIANT])
        assert load_terms(store) == [VARIANT]


def test_omegat_refuses_a_tab_in_a_term() -> None:
    bad = [TermEntry(id="d:t", kind=NAME, ru_full_form="а\tб", en_full_form="x")]
    with pytest.raises(FormatError):
        dump("omegat", bad)


def test_xml_formats_refuse_control_characters() -> None:
    bad = [TermEntry(id="d:t", kind=NAME, ru_full_form="а\x01б", en_full_form="x")]
    with pytest.raises(FormatError):
        dump("tbx", bad)


def test_store_round_trip(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        assert save_terms(store, "d", ENTRIES) == 3
        save_terms(store, "d", ENTRIES)  # replaces, does not duplicate
        assert load_terms(store) == ENTRIES


def test_build_writes_every_termbase_export(tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = CliRunner().invoke(main, ["build", "--example", "--db", str(tmp_path / "t.db"), "--out-dir", str(out)])
    assert done.exit_code == 0, done.output
    for name in ("terms.tbx", "terms.csv", "terms.txt", "terms.tmx", "terms.po"):
        assert (out / name).stat().st_size > 0, name
    assert_tbx_valid(out / "terms.tbx")
    assert_tmx_valid(out / "terms.tmx")
    assert_po_valid(out / "terms.po")
    exported = CliRunner().invoke(main, ["terms", "export", "--db", str(tmp_path / "t.db"), "-o", str(tmp_path / "g.txt")])
    assert exported.exit_code == 0, exported.output
    assert (tmp_path / "g.txt").read_bytes() == (out / "terms.txt").read_bytes()


def test_terms_export_has_one_entry_per_concept_across_the_store(tmp_path: Path) -> None:
    """Two documents defining the same acronym: `terms list` and `terms export` both show it once."""
    db = str(tmp_path / "two.db")
    for name in ("first.txt", "second.txt"):
        source = tmp_path / name
        source.write_text("1. Международная организация труда (МОТ) провела совещание.\n\n"
                          "2. Эксперты МОТ подготовили доклад.\n", encoding="utf-8")
        assert CliRunner().invoke(main, ["build", str(source), "--db", db]).exit_code == 0
    out = tmp_path / "terms.csv"
    done = CliRunner().invoke(main, ["terms", "export", "--db", db, "--format", "csv", "-o", str(out)])
    assert done.exit_code == 0, done.output
    with out.open(encoding="utf-8", newline="") as stream:
        rows = [row for row in csv.DictReader(stream) if row["ru_acronym"] == "МОТ"]
    assert len(rows) == 1
