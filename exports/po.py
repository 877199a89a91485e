"""Gettext PO writer via polib: msgctxt is the unit id so repeated sentences coexist."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any, BinaryIO

import polib

from exports.base import ExportContext, Format, normalize_lang
from tm.errors import InputError
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


def unit_comment(unit: Unit) -> str:
    parts = [f"document: {unit.doc}"]
    if unit.para:
        parts.append(f"paragraph: {unit.para}")
    parts.append(f"kind: {unit.kind}")
    if unit.score is not None:
        parts.append(f"alignment score: {unit.score:.3f}")
    parts.extend(unit.notes)
    return "\n".join(parts)


def unit_entry(unit: Unit) -> polib.POEntry:
    return polib.POEntry(
        msgctxt=unit.id,
        msgid=unit.source,
        msgstr=unit.target,
        comment=unit_comment(unit),
        flags=["fuzzy"] if unit.flagged and unit.target else [],
    )


def dump_po(units: Iterable[Unit], stream: BinaryIO, ctx: ExportContext) -> None:
    po = polib.POFile(wrapwidth=0)
    po.metadata = po_header(ctx)
    po.header = f"Translation memory exported by {TOOL_NAME} {ctx.tool_version}\nsignature: {ctx.signature}"
    for unit in units:
        po.append(unit_entry(unit))
    stream.write(str(po).encode("utf-8") + b"\n")


FORMAT = Format("po", (".po", ".pot"), "tm", dump_po)


# Reading ---------------------------------------------------------------------------------------

# Lines of the extracted comment that our writer derives from Unit fields (see unit_comment).
COMMENT_FIELDS = (("document: ", "x-original-document"), ("paragraph: ", "para"), ("kind: ", "kind"),
                  ("alignment score: ", "score"))
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
        # polib splits text given as a string with str.splitlines(), which also breaks at U+2028
        # and U+0085; its parser is given the lines split at \n instead.
        parser = polib._POFileParser(text, wrapwidth=0)
        parser.fhandle = po_lines(text)
        po: polib.POFile = parser.parse()
        po.wrapwidth = 0
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


def entry_unit(entry: polib.POEntry, src: str, tgt: str, ours: bool) -> Unit | Skipped:
    """One unit from a PO entry; plural and obsolete entries are skipped."""
    if entry.obsolete:
        return Skipped(entry.linenum, "obsolete entry")
    if entry.msgid_plural:
        return Skipped(entry.linenum, "plural entry (one unit per form is not supported)")
    fields, notes = comment_fields(entry.comment or "") if ours else ({}, [entry.comment] if entry.comment else [])
    notes += [entry.tcomment] if entry.tcomment else []
    props = [("x-original-document", fields.pop("x-original-document"))] if "x-original-document" in fields else []
    props += [("x-location", f"{f}:{n}" if n else f) for f, n in entry.occurrences]
    if entry.msgctxt and not ours:
        props.append(("x-context", entry.msgctxt))
    try:
        score = float(fields.pop("score")) if "score" in fields else None
    except ValueError:
        score = None
    return Unit(id="", doc="", source=entry.msgid, target=entry.msgstr, src_lang=src, tgt_lang=tgt,
                score=score, flagged=entry.fuzzy, origin="import", notes=tuple(notes), props=tuple(props), **fields)


def load_po(stream: BinaryIO, name: str) -> Iterator[Unit | Skipped]:
    """Units of a PO file: msgid is the source, msgstr the target, Language the target language."""
    po = parse_po(stream.read(), name)
    tgt = normalize_lang(po.metadata.get("Language", ""))
    src = normalize_lang(po.metadata.get("X-Source-Language", ""))
    ours = po.metadata.get("X-Generator", "").startswith(TOOL_NAME)
    for entry in po:
        if entry.msgid:
            yield entry_unit(entry, src, tgt, ours)


FORMAT = replace(FORMAT, load=load_po, sniff=re.compile(rb"(?m)^msgid\s"))
