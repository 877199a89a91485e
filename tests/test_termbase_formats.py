"""The termbase files say what they hold: TMX of phrases, a PO headed as a termbase, TBX data categories."""
from __future__ import annotations

import io

import polib
from lxml import etree

from exports import ExportContext, export_time, get_format
from glossary.model import ACRONYM, NAME, TermEntry

CTX = ExportContext(created=export_time(), signature="tmtool:test|terms")
ENTRIES = [
    TermEntry(id="d.txt:term001", kind=ACRONYM, ru_acronym="МОТ", ru_full_form="Международная организация труда",
              en_acronym="ILO", en_full_form="International Labour Organization", occurrences=5,
              first_unit="d.txt:0000003", context="Международной организации труда (МОТ)", found="text",
              documents=(("d.txt", 3), ("e.txt", 2))),
    TermEntry(id="d.txt:term002", kind=NAME, ru_full_form="Генеральная Ассамблея", en_full_form="General Assembly",
              occurrences=1, first_unit="d.txt:0000001", found="text"),
]


def dump(kind: str, name: str) -> bytes:
    stream = io.BytesIO()
    get_format(kind, name).dump(ENTRIES, stream, CTX)
    return stream.getvalue()


def test_terms_tmx_is_of_phrases_and_the_memory_of_sentences() -> None:
    assert etree.fromstring(dump("termbase", "tmx")).find("header").get("segtype") == "phrase"
    memory = io.BytesIO()
    get_format("tm", "tmx").dump([], memory, CTX)
    assert etree.fromstring(memory.getvalue()).find("header").get("segtype") == "sentence"


def test_terms_po_is_headed_as_a_termbase() -> None:
    po = polib.pofile(dump("termbase", "po").decode("utf-8"))
    assert po.header.startswith("Termbase exported by tmtool")
    assert po.metadata["Project-Id-Version"] == "tmtool termbase"
    assert "Translation memory" not in po.header


def tbx_entries() -> list[etree._Element]:
    return etree.fromstring(dump("termbase", "tbx")).findall(".//termEntry")


def values(element: etree._Element, path: str) -> list[str]:
    return [e.text for e in element.findall(path)]


def test_tbx_kind_source_and_documents_are_data_categories() -> None:
    acronym, name = tbx_entries()
    ru_tigs = acronym.findall("langSet[@{http://www.w3.org/XML/1998/namespace}lang='ru']/tig")
    assert values(ru_tigs[0], "termNote[@type='termType']") == ["acronym"]
    assert values(ru_tigs[0], "admin[@type='source']") == ["d.txt:0000003"]
    assert values(ru_tigs[0], "descrip[@type='context']") == ["Международной организации труда (МОТ)"]
    assert values(ru_tigs[0], "admin[@type='projectSubset']") == ["d.txt", "e.txt"]
    assert values(acronym, ".//termNote[@type='partOfSpeech']") == []  # an acronym need not be a name
    assert set(values(name, ".//termNote[@type='partOfSpeech']")) == {"properNoun"}
    assert values(name, ".//admin[@type='projectSubset']") == ["d.txt"]


def test_tbx_notes_hold_one_fact_each() -> None:
    acronym, name = tbx_entries()
    assert values(acronym, "note") == ["occurrences: 5 (d.txt: 3; e.txt: 2)", "found: text"]
    assert values(name, "note") == ["occurrences: 1", "found: text"]


def test_tbx3_holds_the_same_entries_in_the_2019_names() -> None:
    ns = "{urn:iso:std:iso:30042:ed-2}"
    root = etree.fromstring(dump("termbase", "tbx3"))
    assert root.tag == f"{ns}tbx" and (root.get("type"), root.get("style")) == ("TBX-Basic", "dca")
    entries = root.findall(f".//{ns}conceptEntry")
    assert [e.get("id") for e in entries] == [e.get("id") for e in tbx_entries()]
    terms = [t.text for t in root.iter(f"{ns}term")]
    assert terms == [t.text for t in etree.fromstring(dump("termbase", "tbx")).iter("term")]
    assert [t.text for t in entries[1].iter(f"{ns}termNote") if t.get("type") == "partOfSpeech"] == ["properNoun"] * 2


def test_a_tbx_file_name_means_the_2008_form() -> None:
    from exports import format_for_path

    fmt = format_for_path("termbase", "terms.tbx")
    assert fmt is not None and fmt.name == "tbx"
