"""Exporting the store through the format registry, atomically."""
from __future__ import annotations

from pathlib import Path

from exports import ExportContext, export_time, get_format
from tm.version import make_signature
from tm.store.sqlite import TranslationMemory
from tm.textio import open_output


def store_context(store: TranslationMemory, bom: bool = False, excel_safe: bool = False) -> ExportContext:
    """Languages and signature from the store's documents, time from the clock or SOURCE_DATE_EPOCH."""
    docs = store.documents()
    src = docs[0].src_lang if docs else "ru"
    tgt = docs[0].tgt_lang if docs else "en"
    signature = ";".join(sorted({d.signature for d in docs})) or make_signature(src)
    return ExportContext(created=export_time(), signature=signature, src_lang=src, tgt_lang=tgt,
                         bom=bom, excel_safe=excel_safe)


def export_tm(
    store: TranslationMemory,
    format_name: str,
    output: str | Path,
    *,
    translated_only: bool = False,
    bom: bool = False,
    excel_safe: bool = False,
) -> None:
    """Write the store's units in one format to a file (atomically) or '-' for stdout."""
    fmt = get_format("tm", format_name)
    ctx = store_context(store, bom=bom, excel_safe=excel_safe)
    with open_output(output) as stream:
        fmt.dump(store.units(translated_only=translated_only), stream, ctx)
