"""Use cases shared by the command line and any other front end: build and store, import, export.

This is the one module (with tm.cli) that joins the stages, the store, the termbase and the
format registry; the stages themselves know nothing of files, stores or formats.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from exports import ExportContext, detect_format, export_time, get_format
from glossary.model import TermEntry
from glossary.termstore import entry_to_json
from tm.errors import InputError
from tm.model import BuildResult, Unit
from tm.store import Store, TermRecord, Writer
from tm.stored_terms import chosen_documents, store_terms
from tm.textio import SNIFF_BYTES, decode_text, open_output, read_bytes, replaced_bytes, sniff_binary
from tm.version import make_signature

if TYPE_CHECKING:
    # Imported where they are used: `tmtool terms lookup` and `stats` need neither numpy, the
    # aligner, pdfminer nor the termbase compiler (bench/startup.py).
    from glossary.reference import Reference
    from tm.clean import Cleaned
    from tm.importer import ImportResult
    from tm.lang.srx import SrxLanguage
    from tm.pipeline import PairAlignment

EXAMPLE_NAME = "A_58_98.ru.txt"
# The bundled Russian/English pair (tm/data/README.md says where it comes from).
EXAMPLE_PAIR = ("devset-a03.ru.txt", "devset-a03.en.txt")
DEFAULT_EXPORTS = ("tmx", "po", "csv")
# Formats of the memory that write its languages' rules, not its units.
RULE_FORMATS = frozenset({"srx"})
# Files `tmtool build --out-dir` writes, by termbase format.
DEFAULT_TERM_FILES = (("tbx", "terms.tbx"), ("csv", "terms.csv"), ("omegat", "terms.txt"),
                      ("tmx", "terms.tmx"), ("po", "terms.po"))


BAD_BYTES = "invalid bytes (U+FFFD, --errors replace)"


def example_path() -> Path:
    """The bundled Russian text of UN report A/58/98."""
    return Path(__file__).parent / "data" / EXAMPLE_NAME


def example_pair_paths() -> tuple[Path, Path]:
    """The bundled Russian report and its English version, sentences of 2015 UN documents."""
    source, target = EXAMPLE_PAIR
    return Path(__file__).parent / "data" / source, Path(__file__).parent / "data" / target


def build_examples() -> list[BuildResult]:
    """The bundled examples built: A/58/98 (Russian only), then the aligned pair."""
    return [build_memory(example_path()), build_bilingual(*example_pair_paths())]


def read_source(path: str | Path, lang: str, encoding: str | None = None, errors: str = "strict",
                force_lang: bool = False, option: str = "--src-lang") -> tuple[bytes, str | Cleaned]:
    """The bytes of an input file and its text, or its cleaned blocks when it is a PDF.

    Unless force_lang, a text whose letters are not those of lang is refused (InputError).
    """
    from tm.pdf import is_pdf, read_pdf

    data = read_bytes(path)
    content: str | Cleaned
    if is_pdf(data) and not encoding:
        content = read_pdf(data, lang, str(path))
    else:
        content = decode_text(data, path, encoding, errors)
    if not force_lang:
        check_language(content, lang, path, option)
    return data, content


def check_language(content: str | Cleaned, lang: str, path: str | Path, option: str) -> None:
    """Refuse a source whose script or letters say it is in another language than lang."""
    text = content if isinstance(content, str) else "\n".join(b.text for b in content.blocks)
    from tm.lang.detect import language_mismatch

    guess = language_mismatch(text, lang)
    if guess is not None:
        likely = f"{option} {guess.lang}, or " if guess.lang else ""
        raise InputError(path, f"looks like {guess.name} ({guess.share:.0%} of its letters {guess.script.title()}),"
                               f" not {lang}", hint=f"give {likely}--force-lang to take it as {lang}")


def count_decoding_repairs(result: BuildResult, errors: str, encoding: str | None,
                           *sides: tuple[bytes, str | Cleaned]) -> BuildResult:
    """Bytes that --errors replace turned into U+FFFD count as repairs of the build."""
    if errors != "replace":
        return result
    replaced = sum(replaced_bytes(data, text, encoding) for data, text in sides if isinstance(text, str))
    if replaced:
        summary = result.info.summary
        summary["repairs"] = summary.get("repairs", 0) + replaced
        summary[f"repair:{BAD_BYTES}"] = summary.get(f"repair:{BAD_BYTES}", 0) + replaced
    return result


def content_checksum(data: bytes) -> str:
    """The SHA-256 of a document's bytes (hashlib imported by the commands that build)."""
    import hashlib

    return hashlib.sha256(data).hexdigest()


def build_memory(path: str | Path, src_lang: str = "ru", tgt_lang: str = "en", doc: str | None = None,
                 encoding: str | None = None, errors: str = "strict", force_lang: bool = False) -> BuildResult:
    """Read and process one source document into units; touches no store."""
    from tm.clean import Cleaned
    from tm.pipeline import build_cleaned, clean_text

    data, content = read_source(path, src_lang, encoding, errors, force_lang)
    name = doc or Path(str(path)).name
    checksum = content_checksum(data)
    if isinstance(content, Cleaned):
        return build_cleaned(content, name, checksum, src_lang, tgt_lang, where=str(path))
    decoded = [(data, content)] if errors == "replace" else []  # only these are read again after the build
    del data  # neither the bytes nor the text is held while the units are made (build_speed --tracemalloc)
    cleaned = clean_text(content, str(path), src_lang)
    del content
    result = build_cleaned(cleaned, name, checksum, src_lang, tgt_lang, where=str(path))
    return count_decoding_repairs(result, errors, encoding, *decoded)


def build_bilingual(source: str | Path, target: str | Path, src_lang: str = "ru", tgt_lang: str = "en",
                    doc: str | None = None, encoding: str | None = None, errors: str = "strict",
                    force_lang: bool = False) -> BuildResult:
    """Read both documents, align them and return ru→en units with scores and flags."""
    from tm.pipeline import build_pair

    s_data, s_text = read_source(source, src_lang, encoding, errors, force_lang)
    t_data, t_text = read_source(target, tgt_lang, encoding, errors, force_lang, option="--tgt-lang")
    name = doc or Path(str(source)).name
    checksum = content_checksum(s_data + t_data)
    result = build_pair(s_text, t_text, name, checksum, src_lang, tgt_lang, where=(str(source), str(target)))
    return count_decoding_repairs(result, errors, encoding, (s_data, s_text), (t_data, t_text))


def align_files(source: str | Path, target: str | Path, src_lang: str = "ru", tgt_lang: str = "en",
                force_lang: bool = False) -> PairAlignment:
    """Read, clean, segment and align two files."""
    from tm.pipeline import align_pair

    _s_data, s_content = read_source(source, src_lang, force_lang=force_lang)
    _t_data, t_content = read_source(target, tgt_lang, force_lang=force_lang, option="--tgt-lang")
    return align_pair(s_content, t_content, src_lang, tgt_lang, (str(source), str(target)))


def write_alignment(source: str, alignment: PairAlignment, output: str | Path, tgt_lang: str,
                    as_json: bool = False) -> dict[str, int]:
    """Write aligned pairs as CSV through the format registry (as_json: one JSON object per pair,
    JSON Lines); returns the alignment counts."""
    from tm.align.documents import ALIGNER, alignment_summary, bilingual_units

    src_lang = alignment.src.lang
    units = bilingual_units(source, alignment.src, alignment.aligned, tgt_lang)
    ctx = ExportContext(export_time(), make_signature(src_lang, tgt_lang, ALIGNER), src_lang, tgt_lang)
    with open_output(output) as stream:
        if as_json:
            stream.writelines(json.dumps(pair_json(u), ensure_ascii=False).encode() + b"\n" for u in units)
        else:
            get_format("tm", "csv").write(units, stream, ctx)
    return alignment_summary(alignment.aligned)


def pair_json(unit: Unit) -> dict[str, object]:
    """An aligned pair as `align --json` writes it: the CSV columns that describe a pair."""
    return {"id": unit.id, "source": unit.source, "target": unit.target, "score": unit.score,
            "flagged": unit.flagged, "para": unit.para, "kind": unit.kind, "bead": dict(unit.props).get("x-bead", "")}


def store_with_termbase(store: Store, result: BuildResult, reference: Reference | None = None
                        ) -> list[TermEntry]:
    """Store a built document and its compiled termbase in one transaction: both or neither."""
    return store_all_with_termbase(store, [result], reference)[0]


def store_all_with_termbase(store: Store, results: Sequence[BuildResult], reference: Reference | None = None
                            ) -> list[list[TermEntry]]:
    """Store several built documents with their termbases in one transaction: all or none."""
    from glossary.termbase import compile_termbase

    compiled = [compile_termbase(result.units, reference) for result in results]
    with store.writer() as writer:
        for result, entries in zip(results, compiled, strict=True):
            writer.replace_document(result.info, result.units)
            write_terms(writer, result.info.name, entries)
    return compiled


def write_terms(writer: Writer, doc: str, entries: Sequence[TermEntry]) -> None:
    """Replace one document's terms inside a write transaction, each with its lookup keys."""
    from glossary.lookup_keys import entry_keys, keys_to_json

    # A generator: each record's JSON is written and let go, not all held at once (a large build's peak).
    writer.replace_terms(doc, (TermRecord(e.id, doc, i, entry_to_json(e), keys_to_json(entry_keys(e)))
                               for i, e in enumerate(entries)))


def save_terms(store: Store, doc: str, entries: Sequence[TermEntry]) -> int:
    """Replace one document's terms in the store, in one transaction; returns the count."""
    with store.writer() as writer:
        write_terms(writer, doc, entries)
    return len(entries)


def build_termbase(store: Store, doc: str, reference: Reference | None = None) -> list[TermEntry]:
    """Compile the termbase of a stored document and store it in place of the old one."""
    from glossary.termbase import compile_termbase

    entries = compile_termbase(list(store.units(doc=doc)), reference)
    save_terms(store, doc, entries)
    return entries


def store_context(store: Store, bom: bool = False, excel_safe: bool = False,
                  tgt_lang: str | None = None, doc: str | None = None) -> ExportContext:
    """Languages and signature from the store's documents (or doc), time from the clock or SOURCE_DATE_EPOCH."""
    docs = chosen_documents(store, doc)
    src = docs[0].src_lang if docs else "ru"
    tgt = tgt_lang or (docs[0].tgt_lang if docs else "en")
    signature = ";".join(sorted({d.signature for d in docs})) or make_signature(src)
    symbol = ";".join(sorted({d.symbol for d in docs if d.symbol}))
    return ExportContext(created=export_time(), signature=signature, src_lang=src, tgt_lang=tgt,
                         bom=bom, excel_safe=excel_safe, symbol=symbol,
                         doc_signatures=tuple((d.name, d.signature) for d in docs))


def export_tm(
    store: Store,
    format_name: str,
    output: str | Path,
    *,
    translated_only: bool = False,
    bom: bool = False,
    excel_safe: bool = False,
    tgt_lang: str | None = None,
    doc: str | None = None,
) -> int:
    """Write the store's units (of document doc only, when given) in one format to a file
    (atomically) or '-' for stdout; returns how many units (SRX: languages) were written.

    With tgt_lang, only the units into that language (and those without any target language);
    'fr' takes fr-CA too, 'fr-CA' only itself.
    """
    fmt = get_format("tm", format_name)
    ctx = store_context(store, bom=bom, excel_safe=excel_safe, tgt_lang=tgt_lang, doc=doc)
    items: Iterable[Unit | SrxLanguage]
    if format_name in RULE_FORMATS:
        items = store_segmentation(store, doc)
    else:
        units: Iterable[Unit] = store.units(doc=doc, translated_only=translated_only)
        if tgt_lang:
            units = (u for u in units if lang_matches(u.tgt_lang, tgt_lang) or not (u.tgt_lang or u.target))
        items = units
    written = [0]

    def counted(values: Iterable[Unit | SrxLanguage]) -> Iterator[Unit | SrxLanguage]:
        for value in values:
            written[0] += 1
            yield value

    with open_output(output) as stream:
        fmt.write(counted(items), stream, ctx)
    return written[0]


def store_segmentation(store: Store, doc: str | None = None) -> list[SrxLanguage]:
    """The SRX rules of the store's (or doc's) languages, source languages first; else of every language
    tmtool segments."""
    docs = chosen_documents(store, doc)
    codes = [d.src_lang for d in docs] + [d.tgt_lang for d in docs]
    from tm.lang.srx import srx_languages

    return srx_languages(codes or ("ru", "en"))


def lang_matches(lang: str, wanted: str) -> bool:
    """A unit's language is the one asked for: exactly, or by primary subtag when only that was asked."""
    lang, wanted = lang.lower(), wanted.lower()
    return lang == wanted or ("-" not in wanted and lang.split("-")[0] == wanted)


def export_terms(store: Store, format_name: str, output: str | Path, *, bom: bool = False) -> int:
    """Write the stored termbase in one format to a file (atomically) or '-'; returns the entry count."""
    fmt = get_format("termbase", format_name)
    ctx = store_context(store, bom=bom)
    entries = store_terms(store)
    with open_output(output) as stream:
        fmt.write(entries, stream, ctx)
    return len(entries)


def write_default_exports(store: Store, out_dir: Path) -> Iterator[Path]:
    """tm.tmx, tm.po, tm.csv and the termbase files in a directory: every one of them or none.

    The set is written into a hidden directory inside out_dir and moved in place once all are
    written; a failure (disk full) leaves out_dir as it was, and removes it if this call made it.
    """
    import shutil
    import tempfile

    made = not out_dir.exists()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".tmtool-exports.", dir=out_dir))
    except OSError as err:
        raise InputError(out_dir, f"cannot write: {err.strerror or err}") from err
    names: list[str] = []
    try:
        # A PO file holds one target language: the first document's (TMX and CSV hold every language).
        po_lang = store_context(store).tgt_lang
        for name in DEFAULT_EXPORTS:
            export_tm(store, name, staging / f"tm.{name}", tgt_lang=po_lang if name == "po" else None)
            names.append(f"tm.{name}")
        for name, filename in DEFAULT_TERM_FILES:
            export_terms(store, name, staging / filename)
            names.append(filename)
        for filename in names:
            os.replace(staging / filename, out_dir / filename)
    except BaseException:
        shutil.rmtree(out_dir if made else staging, ignore_errors=True)
        raise
    shutil.rmtree(staging, ignore_errors=True)
    yield from (out_dir / filename for filename in names)


def sniff_file(path: Path) -> None:
    """Refuse a binary file (a 2 GB file of NUL bytes, an image) from its first bytes, before any reader."""
    try:
        with path.open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
    except OSError as err:
        raise InputError(path, f"cannot read: {err.strerror}") from err
    sniff_binary(head, path)


def binary_format(path: Path) -> bool:
    """The file is of a binary format tmtool reads (MO), by its first bytes or its extension."""
    try:
        return detect_format(path).binary
    except InputError:
        return False


def import_files(
    store: Store, paths: Iterable[str | Path],
    src_lang: str | None = None, tgt_lang: str | None = None,
) -> Iterator[ImportResult]:
    """Import files one by one (each its own transaction); pairs already stored count as duplicates."""
    from tm.importer import check_path, import_file, stored_keys

    seen = stored_keys(store)
    for name in paths:
        path = Path(name)
        check_path(path)
        try:
            sniff_file(path)
        except InputError:
            if not binary_format(path):  # a binary format tmtool reads (MO) is not refused as binary
                raise
        fmt = detect_format(path)
        if fmt.load is None:
            raise InputError(path, f"the {fmt.name} format cannot be imported")
        yield import_file(store, path, fmt.name, fmt.load, seen, src_lang, tgt_lang)


def store_build(result: BuildResult, store: Store) -> int:
    """Replace the document's units in the store with the new build (no termbase), in one transaction."""
    with store.writer() as writer:
        writer.replace_document(result.info, result.units)
        return writer.count_units(result.info.name)


@dataclass(frozen=True, slots=True)
class StoreStats:
    """What a store holds: counts, and each document's summary by name."""

    documents: int
    units: int
    translated: int
    by_document: dict[str, dict[str, int]]
    symbols: dict[str, str]  # the document symbol of each document that has one ("A/69/907")


def store_stats(store: Store, doc: str | None = None,
                counts: dict[str, tuple[int, int]] | None = None) -> StoreStats:
    """Counts of the store, or of the document doc (StoreError naming it when there is none); counts is
    store.unit_counts() when the caller has it already."""
    docs = chosen_documents(store, doc)
    by_doc = store.unit_counts() if counts is None else counts
    chosen = [n for name, n in by_doc.items() if doc in (None, name)]
    return StoreStats(len(docs), sum(n for n, _ in chosen), sum(t for _, t in chosen),
                      {d.name: d.summary for d in docs}, {d.name: d.symbol for d in docs if d.symbol})


def diff_parts(query: str, source: str) -> list[tuple[str, str]]:
    """The source as (kind, text) runs, kind "same", "insert" (only in the source) or "delete" (only
    in the query): the wdiff-style marks of tm.search.highlight as data, for a page to render."""
    from rapidfuzz.distance import Levenshtein

    from tm.search import TOKEN

    words = TOKEN.findall(query)
    spans = [(m.start(), m.end()) for m in TOKEN.finditer(source)]
    parts: list[tuple[str, str]] = []
    done = 0
    for op in Levenshtein.opcodes(words, [source[x:y] for x, y in spans]):
        if op.tag == "equal":
            continue
        start = spans[op.dest_start][0] if op.dest_start < len(spans) else len(source)
        end = spans[op.dest_end - 1][1] if op.dest_end > op.dest_start else start
        parts.append(("same", source[done:start]))
        if op.src_end > op.src_start:
            parts.append(("delete", " ".join(words[op.src_start:op.src_end])))
        if end > start:
            parts.append(("insert", source[start:end]))
        done = end
    parts.append(("same", source[done:]))
    return [(kind, text) for kind, text in parts if text]
