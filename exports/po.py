"""Gettext PO writer via polib: msgctxt is the unit id so repeated sentences coexist."""
from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO

import polib

from exports.base import TOOL_NAME, ExportContext, Format
from tm.model import Unit


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
    }


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


FORMAT = Format("po", (".po", ".pot"), "tm", dump_po, "gettext PO (msgctxt = unit id; fuzzy = low-confidence alignment)")
