"""Gettext PO writer via polib: msgctxt is the unit id so repeated sentences coexist."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any, BinaryIO

import polib

from exports._inline import check_code
from exports.base import ExportContext, Format, normalize_lang
from tm.errors import FormatError, InputError
from tm.markup import codes_from_placeholders, markup_from_json, markup_json, placeholder_text
from tm.model import Skipped, Unit
from tm.version import TOOL_NAME


def po_header(ctx: ExportContext) -> dict[str, str]:
    return {
        "Project-Id-Version": f"{TOOL_NAME} export",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": ctx.iso_date,
        "PO-Revision-Date": ctx.iso_date,
        "Last-Translator": "",
        "Language-Team": "",
        "Language": ctx.tgt_lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": f"{TOOL_NAME} {ctx.tool_version}",
        "X-Source-Language": ctx.src_lang,
        "X-Tmtool-Signature": ctx.signature,
    } | ({"X-Document-Symbol": ctx.symbol} if ctx.symbol else {})


def doc_reference(unit: Unit) -> bool:
    """The document is the #: reference, as gettext tools show a source file; it stays a '#. document:'
    line when the name is empty or holds a space (references are split at spaces), or when the unit
    has references of its own (imported from a PO or TS file: they are written back as they came)."""
    return bool(unit.doc) and not any(c.isspace() for c in unit.doc) and not prop_of(unit, "x-location")


def unit_comment(unit: Unit, context_moved: bool) -> str:
    parts = [] if doc_reference(unit) else [f"document: {unit.doc}"]
    if unit.para:
        parts.append(f"paragraph: {unit.para}")
    parts.append(f"kind: {unit.kind}")
    if unit.score is not None:
        parts.append(f"alignment score: {unit.score:.3f}")
    if context_moved:
        parts.append(f"context: {prop_of(unit, 'x-context')}")
    if unit.source_codes or unit.target_codes:
        parts.append(f"markup: {markup_json(unit.source_codes, unit.target_codes)}")
    parts.extend(unit.notes[:-1] if translator_note(unit) else unit.notes)
    return "\n".join(parts)


def prop_of(unit: Unit, key: str) -> str:
    return next((v for k, v in unit.props if k == key), "")


def translator_note(unit: Unit) -> bool:
    """The unit's last note came from a PO translator comment (# ...), and goes back there."""
    return bool(unit.notes) and prop_of(unit, TRANSLATOR_PROP) == "last note"


def occurrence(value: str) -> tuple[str, str]:
    """'report.c:12' -> ('report.c', '12'); a reference without a line number stays whole."""
    path, _, line = value.rpartition(":")
    return (path, line) if path and line.isdigit() else (value, "")


# A failed `tmtool check` stored on a unit (tm.check.CHECK_PROP) is the flag "check-NAME" in our PO files.
CHECK_PROP, CHECK_FLAG = "x-check", "check-"


def entry_flags(unit: Unit) -> list[str]:
    flags = ["fuzzy"] if unit.flagged and unit.target else []
    flags += [f for f in split_flags(prop_of(unit, "x-po-flags")) if f not in flags]
    return flags + [CHECK_FLAG + v for k, v in unit.props if k == CHECK_PROP and CHECK_FLAG + v not in flags]


def split_flags(value: str) -> list[str]:
    return [f.strip() for f in value.split(",") if f.strip()]


def unit_entry(unit: Unit, used: set[tuple[str, str]]) -> polib.POEntry:
    """The unit's entry; its original msgctxt comes back unless another entry of the file took it."""
    context = prop_of(unit, "x-context")
    moved = bool(context) and (context, unit.source) in used
    msgctxt = context if context and not moved else unit.id
    used.add((msgctxt, unit.source))
    return polib.POEntry(
        msgctxt=msgctxt,
        msgid=placeholder_text(unit.source),
        msgstr=placeholder_text(unit.target),
        comment=unit_comment(unit, moved),
        tcomment=unit.notes[-1] if translator_note(unit) else "",
        occurrences=[(unit.doc, "")] * doc_reference(unit) + [occurrence(v) for k, v in unit.props
                                                               if k == "x-location"],
        flags=entry_flags(unit),
        previous_msgctxt=prop_of(unit, "x-po-previous-msgctxt") or None,
        previous_msgid=prop_of(unit, "x-po-previous-msgid") or None,
    )


def dump_po(units: Iterable[Unit], stream: BinaryIO, ctx: ExportContext) -> None:
    po = polib.POFile(wrapwidth=0)
    po.metadata = po_header(ctx)
    po.header = f"Translation memory exported by {TOOL_NAME} {ctx.tool_version}\nsignature: {ctx.signature}"
    used: set[tuple[str, str]] = set()
    for unit in units:
        check_language(unit, ctx)
        po.append(unit_entry(unit, used))
    stream.write(str(po).encode("utf-8") + b"\n")


def check_language(unit: Unit, ctx: ExportContext) -> None:
    """A PO file has one target language (its Language header): refuse a unit in another."""
    if unit.target and unit.tgt_lang and unit.tgt_lang.split("-")[0].lower() != ctx.tgt_lang.split("-")[0].lower():
        raise FormatError(f"unit {unit.id} is in {unit.tgt_lang}, the file in {ctx.tgt_lang}: a PO file holds "
                          f"one target language (pass --tgt-lang {unit.tgt_lang} for a file of those units)")


FORMAT = Format("po", (".po", ".pot"), "tm", dump_po)


# Reading ---------------------------------------------------------------------------------------

# Lines of the extracted comment that our writer derives from Unit fields (see unit_comment).
COMMENT_FIELDS = (("document: ", "x-original-document"), ("paragraph: ", "para"), ("kind: ", "kind"),
                  ("alignment score: ", "score"), ("context: ", "x-context"), ("markup: ", "markup"))
TRANSLATOR_PROP = "x-po-translator-comment"  # 'last note': the unit's last note was the translator comment
# Our writer's msgctxt when the unit has no context of its own: its id, 'report.txt:0000012'.
OUR_ID = re.compile(r":\d{7,}\Z")
SYNTAX_LINE = re.compile(r"line (\d+)")


# A PO keyword line or continuation line: keyword (optionally msgstr[N]) and one complete quoted string.
PO_STRING_LINE = re.compile(
    r'^\s*(?:#~\s*)?(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?'
    r'"(?:[^"\\]|\\.)*"\s*$'
)


# Encodings a PO header may name; codecs such as unicode_escape or rot13 are not charsets of text.
PO_CHARSETS = re.compile(
    r"(?i)^(?:utf-?8|us-ascii|ascii|koi8-[ru]|cp125\d|windows-125\d|iso-8859-\d{1,2}|latin-?\d|cp866|ibm866"
    r"|mac-?cyrillic|x-mac-cyrillic|big5|gb2312|gbk|gb18030|euc-jp|euc-kr|shift_jis|cp932)$"
)
# The header entry: the first msgid of the file, and empty; its msgstr lines up to the next blank line.
HEADER_ENTRY = re.compile(rb'\A(?:\s*#[^\n]*\n|\s*\n)*\s*(?:msgctxt\s+"[^\n]*\n\s*)?msgid\s+""\s*\n(?:\s*"[^\n]*\n)*'
                          rb'\s*msgstr\s+(?:"[^\n]*(?:\n|\Z))+(?:\s*"[^\n]*(?:\n|\Z))*')
HEADER_CHARSET = re.compile(rb"Content-Type:[^\"\n]*?charset=([A-Za-z0-9_.-]+)")


def po_lines(text: str) -> list[str]:
    """The lines of PO text split at \\n only: U+2028, U+0085 and the like are text inside strings."""
    return text.split("\n")


class LinesAtNewline(str):
    """PO text whose lines end at \n only.

    polib.pofile() splits text given as a string with str.splitlines(), which also breaks at
    U+2028, U+0085 and the like, text inside a string for gettext; this text splits at \n.
    """

    __slots__ = ()

    def splitlines(self, keepends: bool = False) -> list[str]:
        return [line + "\n" for line in self.split("\n")] if keepends else self.split("\n")


def check_po_strings(text: str, name: str) -> None:
    """Refuse unterminated or stray strings, which polib would read with a letter lost."""
    for number, line in enumerate(po_lines(text), start=1):
        stripped = line.strip()
        if not stripped or (stripped.startswith("#") and not stripped.startswith("#~")):
            continue
        if not PO_STRING_LINE.match(line):
            raise InputError(name, "PO syntax error: expected a keyword and one quoted string", line=number)


def header_charset(data: bytes, name: str) -> str:
    """The charset the header entry's Content-Type names (UTF-8 when none); text elsewhere is ignored."""
    header = HEADER_ENTRY.match(data)
    found = HEADER_CHARSET.search(header.group()) if header else None
    if found is None:
        return "utf-8"
    encoding = found.group(1).decode("ascii")
    if encoding.lower() == "charset":  # the template's placeholder
        return "utf-8"
    if not PO_CHARSETS.match(encoding):
        raise InputError(name, f"the header names charset={encoding}, which is not a text encoding",
                         hint="save the file as UTF-8 and say charset=UTF-8")
    return encoding


def parse_po(data: bytes, name: str) -> polib.POFile:
    """Parse PO text (UTF-8, or the charset its header names) with errors that name the line."""
    encoding = header_charset(data, name)
    try:
        text = data.decode("utf-8-sig" if encoding.lower() in ("utf-8", "utf8") else encoding)
        check_po_strings(text, name)
        po: polib.POFile = polib.pofile(LinesAtNewline(text), wrapwidth=0)
        return po
    except (LookupError, UnicodeDecodeError) as err:
        raise InputError(name, f"cannot decode as {encoding}: {err}") from err
    except OSError as err:
        found = SYNTAX_LINE.search(str(err))
        if found:
            raise InputError(name, "PO syntax error", line=int(found.group(1))) from err
        raise InputError(name, f"PO syntax error ({err})") from err


def comment_fields(comment: str) -> tuple[dict[str, Any], list[str]]:
    """Split an extracted comment into unit fields our writer put there, and plain notes."""
    fields: dict[str, Any] = {}
    notes = []
    for line in comment.splitlines():
        key = next((k for prefix, k in COMMENT_FIELDS if line.startswith(prefix)), None)
        if key is None:
            notes.append(line)
            continue
        fields[key] = line.split(": ", 1)[1]
    return fields, notes


def entry_props(entry: polib.POEntry, fields: dict[str, Any], ours: bool) -> list[tuple[str, str]]:
    """What a PO entry holds beyond texts and comments: references, context, flags, previous msgid."""
    references = list(entry.occurrences)
    if "x-original-document" in fields:
        props = [("x-original-document", fields.pop("x-original-document"))]
    elif ours and references:  # our writer's one reference is the document (doc_reference)
        props = [("x-original-document", references.pop(0)[0])]
    else:
        props = []
    props += [("x-location", f"{f}:{n}" if n else f) for f, n in references]
    own_id = ours and bool(OUR_ID.search(entry.msgctxt or ""))
    context = fields.pop("x-context", "") or ("" if own_id else entry.msgctxt or "")
    if context:
        props.append(("x-context", context))
    flags = [f for f in entry.flags if f != "fuzzy" or not entry.msgstr]
    checks = [f for f in flags if ours and f.startswith(CHECK_FLAG)]
    flags = [f for f in flags if f not in checks]
    if flags:
        props.append(("x-po-flags", ", ".join(flags)))
    previous = (("x-po-previous-msgctxt", entry.previous_msgctxt), ("x-po-previous-msgid", entry.previous_msgid))
    for key, value in previous:
        if value:
            props.append((key, value))
    if entry.tcomment:
        props.append((TRANSLATOR_PROP, "last note"))
    return props + [(CHECK_PROP, f.removeprefix(CHECK_FLAG)) for f in checks]


def entry_texts(entry: polib.POEntry, markup: str, name: str) -> dict[str, Any]:
    """Source and target, with inline codes back at their placeholders when our writer listed them."""
    if not markup:
        return {"source": entry.msgid, "target": entry.msgstr}
    try:
        source_codes, target_codes = markup_from_json(markup)
        for code in source_codes + target_codes:
            check_code(code)
        source, s_codes = codes_from_placeholders(entry.msgid, source_codes)
        target, t_codes = codes_from_placeholders(entry.msgstr, target_codes)
    except (ValueError, TypeError, KeyError, AttributeError) as err:
        raise InputError(name, f"the markup comment cannot be read ({err})", line=entry.linenum,
                         hint="remove the '#. markup:' line to import the placeholders as text") from err
    return {"source": source, "target": target, "source_codes": s_codes, "target_codes": t_codes}


def entry_unit(entry: polib.POEntry, src: str, tgt: str, ours: bool, name: str = "") -> Unit | Skipped:
    """One unit from a PO entry; plural and obsolete entries are skipped."""
    if entry.obsolete:
        return Skipped(entry.linenum, "obsolete entry")
    if entry.msgid_plural:
        return Skipped(entry.linenum, "plural entry (one unit per form is not supported)")
    fields, notes = comment_fields(entry.comment or "") if ours else ({}, [entry.comment] if entry.comment else [])
    notes += [entry.tcomment] if entry.tcomment else []
    props = entry_props(entry, fields, ours)
    texts = entry_texts(entry, fields.pop("markup", ""), name)
    try:
        score = float(fields.pop("score")) if "score" in fields else None
    except ValueError:
        score = None
    return Unit(id="", doc="", src_lang=src, tgt_lang=tgt, score=score, flagged=entry.fuzzy,
                origin="import", notes=tuple(notes), props=tuple(props), **texts, **fields)


def load_po(stream: BinaryIO, name: str) -> Iterator[Unit | Skipped]:
    """Units of a PO file: msgid is the source, msgstr the target, Language the target language."""
    po = parse_po(stream.read(), name)
    tgt = normalize_lang(po.metadata.get("Language", ""))
    src = normalize_lang(po.metadata.get("X-Source-Language", ""))
    ours = po.metadata.get("X-Generator", "").startswith(TOOL_NAME)
    for entry in po:
        if entry.msgid:
            yield entry_unit(entry, src, tgt, ours, name)


FORMAT = replace(FORMAT, load=load_po, sniff=re.compile(rb"(?m)^msgid\s"))
