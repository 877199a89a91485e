"""Readers for the formats tmtool reads through translate-toolkit's storage classes: XLIFF 2.0, Qt TS, MO, TBX.

tmtool writes none of these; translate.storage parses them as Pootle and Weblate do, and each of
its units becomes a tmtool Unit: notes stay notes, the context (TS <name>, MO msgctxt) and the
locations (TS <location>) become props, and a unit the file marks unfinished (TS type="unfinished",
a fuzzy or unapproved state) is flagged. Header and obsolete units are skipped, with the reason.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

from exports.base import Format, normalize_lang
from tm.errors import InputError
from tm.model import Skipped, Unit

CONTEXT, COMMENT, LOCATION, XLIFF_ID = "x-context", "x-comment", "x-location", "x-xliff-id"
XLIFF2_NS = "{urn:oasis:names:tc:xliff:document:2.0}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def parsed(stream: BinaryIO, name: str, store_class: Callable[[], Any], what: str) -> Any:
    """The whole file parsed by translate-toolkit (its classes read a file at once), or an InputError."""
    data = stream.read()
    store = store_class()
    try:
        store.parse(data)
    except Exception as err:  # translate raises lxml, struct and ValueError errors alike
        raise InputError(name, f"not a readable {what} file" + (f": {err}" if str(err) else "")) from err
    return store


def text_of(value: Any) -> str:
    """A unit's source or target as text: translate gives str, multistring or None."""
    return "" if value is None else str(value)


def store_langs(store: Any) -> tuple[str, str]:
    """The file's own (source, target) languages, '' where it does not say."""
    src = store.getsourcelanguage() if hasattr(store, "getsourcelanguage") else ""
    tgt = store.gettargetlanguage() if hasattr(store, "gettargetlanguage") else ""
    return normalize_lang(src or ""), normalize_lang(tgt or "")


def unit_props(unit: Any, with_id: bool) -> tuple[tuple[str, str], ...]:
    """Context, disambiguation comment, locations and (XLIFF 2.0) id of a unit, as props."""
    props: list[tuple[str, str]] = []
    name = unit.getcontextname() if hasattr(unit, "getcontextname") else unit.getcontext()
    if name:
        props.append((CONTEXT, str(name)))
    comment = unit._get_disambiguation() if hasattr(unit, "_get_disambiguation") else ""  # TS <comment>
    if comment:
        props.append((COMMENT, str(comment)))
    props += [(LOCATION, str(loc)) for loc in unit.getlocations() or ()]
    if with_id and unit.getid():
        props.append((XLIFF_ID, str(unit.getid())))
    return tuple(props)


def xliff2_element(unit: Any, local: str) -> Any:
    """The <segment> (translate's element of an XLIFF 2.0 unit) or its <unit>; None for other formats."""
    element = getattr(unit, "xmlelement", None)
    if element is None or not str(element.tag).startswith(XLIFF2_NS):
        return None
    return element if local == "segment" else element.getparent()


def unit_notes(unit: Any) -> tuple[str, ...]:
    """The unit's notes, one per note (translate leaves out XLIFF 2.0's <notes>, so they are read here)."""
    parent = xliff2_element(unit, "unit")
    if parent is not None:
        return tuple(n.text.strip() for n in parent.iter(f"{XLIFF2_NS}note") if n.text and n.text.strip())
    notes = unit.getnotes() or ""
    return tuple(line for line in notes.split("\n") if line.strip())


def unfinished(unit: Any) -> bool:
    """Marked as still to be done: fuzzy (TS type="unfinished"), or a target in XLIFF 2.0 state "initial"."""
    segment = xliff2_element(unit, "segment")
    if segment is not None:
        return bool(unit.target) and segment.get("state", "initial") == "initial"
    return bool(unit.isfuzzy())


def ttk_units(store: Any, name: str, with_id: bool = False,
              tgt_of: Callable[[Any, str], str] | None = None) -> Iterator[Unit | Skipped]:
    """Every unit of a parsed translate store, in file order; header, obsolete and empty ones skipped.

    tgt_of gives a unit's target language from the unit and its source language, where the file
    names none (TBX)."""
    src_lang, tgt_lang = store_langs(store)
    for unit in store.units:
        line = getattr(unit, "line_number", None) or None
        if unit.isheader():
            continue
        if unit.isobsolete():
            yield Skipped(line, "obsolete")
            continue
        source = text_of(unit.source)
        if not source.strip():
            yield Skipped(line, "no source text")
            continue
        target_lang = tgt_lang or (tgt_of(unit, src_lang) if tgt_of else "")
        yield Unit(id="", doc="", source=source, target=text_of(unit.target), src_lang=src_lang,
                   tgt_lang=target_lang, flagged=unfinished(unit), origin="import", notes=unit_notes(unit),
                   props=unit_props(unit, with_id))


def load_ts(stream: BinaryIO, name: str) -> Iterator[Unit | Skipped]:
    """The messages of a Qt Linguist TS file."""
    from translate.storage.ts2 import tsfile

    yield from ttk_units(parsed(stream, name, tsfile, "Qt TS"), name)


def load_mo(stream: BinaryIO, name: str) -> Iterator[Unit | Skipped]:
    """The messages of a gettext MO file (no notes: msgfmt leaves comments out)."""
    from translate.storage.mo import mofile

    yield from ttk_units(parsed(stream, name, mofile, "gettext MO"), name)


def load_xliff2(stream: BinaryIO, name: str) -> Iterator[Unit | Skipped]:
    """The units of an XLIFF 2.0 file, with their ids."""
    from translate.storage.xliff2 import Xliff2File

    yield from ttk_units(parsed(stream, name, Xliff2File, "XLIFF 2.0"), name, with_id=True)


def entry_target_lang(unit: Any, src_lang: str) -> str:
    """The language of a TBX entry's other <langSet>: translate names only the file's (source) language."""
    langs = (normalize_lang(e.get(XML_LANG, "")) for e in unit.xmlelement if str(e.tag).endswith("langSet"))
    return next((lang for lang in langs if lang and lang != src_lang), "")


def load_tbx(stream: BinaryIO, name: str) -> Iterator[Unit | Skipped]:
    """The entries of a TBX 2008 termbase (<martif>) as term pairs: the term of the file's language
    (martif xml:lang) -> the term of the entry's other language."""
    from translate.storage.tbx import tbxfile

    yield from ttk_units(parsed(stream, name, tbxfile, "TBX 2008 (<martif>)"), name, tgt_of=entry_target_lang)


MO_MAGIC = re.compile(rb"\A(?:\xde\x12\x04\x95|\x95\x04\x12\xde)")
TS = Format("ts", (".ts",), "tm", None, load=load_ts, sniff=re.compile(rb"<TS[\s>]"))
MO = Format("mo", (".mo", ".gmo"), "tm", None, load=load_mo, sniff=MO_MAGIC, binary=True)
XLIFF2 = Format("xliff2", (".xlf", ".xliff"), "tm", None, load=load_xliff2,
                sniff=re.compile(rb"urn:oasis:names:tc:xliff:document:2\.\d"))
TBX = Format("tbx", (".tbx",), "tm", None, load=load_tbx, sniff=re.compile(rb"<martif[\s>]"))
