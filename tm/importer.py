"""Importing other people's memories (TMX, PO, CSV, XLIFF) into the store, one transaction per file."""
from __future__ import annotations

import hashlib
import itertools
import queue
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from tm.clean.repairs import visible_char
from tm.errors import InputError
from tm.model import DocumentInfo, Skipped, Unit, unit_id
from tm.store.base import PreparedUnits, Store
from tm.version import TOOL_VERSION

LANG_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z]{4})?(-(?:[A-Z]{2}|\d{3}))?(-[A-Za-z0-9]{5,8})*$")
# A reader gets the open file and its name (for messages) and yields units or skips, in file order.
Load = Callable[[BinaryIO, str], Iterable[Unit | Skipped]]
CHUNK = 5000  # units per insert while the reader thread parses ahead
OPTIMIZE_AFTER = 10_000  # units added in one file before the word index is merged
# Characters XML 1.0 cannot carry (C0 controls but tab, LF and CR; DEL; U+FFFE/U+FFFF): stored raw they
# would make every later TMX or XLIFF export of the store fail. As `build` does, each becomes its
# visible Control Picture ("\x07" -> "␇", DEL -> "␡", noncharacters -> "␦") and counts as a repair.
ODD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What one file gave: counts of added units, duplicates and skipped records by reason."""

    path: str
    format: str
    doc: str
    added: int
    duplicates: int
    skipped: dict[str, int] = field(default_factory=dict)
    repaired: int = 0  # control characters made visible


@dataclass(slots=True)
class Tally:
    """Counters filled while a file streams through."""

    added: int = 0
    duplicates: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    langs: Counter[tuple[str, str]] = field(default_factory=Counter)
    repaired: int = 0


def check_path(path: Path) -> None:
    if not path.exists():
        raise InputError(path, "no such file")
    if path.is_dir():
        raise InputError(path, "is a directory, not a file to import")


def file_checksum(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def checked_lang(code: str, path: Path, what: str, default: str | None) -> str:
    """A unit's language, or the default when the file gives none; refuse tags that are not BCP-47."""
    lang = code or default or ""
    if not lang:
        option = "--src-lang" if what == "source" else "--tgt-lang"
        raise InputError(path, f"the file does not say its {what} language", hint=f"pass {option}")
    if not LANG_TAG.match(lang):
        raise InputError(path, f"unknown {what} language tag {lang!r}", hint="use a BCP-47 tag such as ru or en-US")
    return lang


def pair_key(source: str, target: str) -> int:
    # 64-bit hashes of 1M pairs collide with odds of about 1 in 30 million; a set of them stays small.
    return hash((source, target))


def stored_keys(store: Store) -> set[int]:
    return {pair_key(s, t) for s, t in store.pairs()}


def visible_controls(text: str, tally: Tally) -> str:
    if not ODD_CHARS.search(text):
        return text
    fixed, count = ODD_CHARS.subn(visible_char, text)
    tally.repaired += count
    return fixed


def mapped_controls(unit: Unit, tally: Tally) -> Unit:
    """The unit with every character XML cannot carry made visible, in its texts, notes and props."""
    fix = visible_controls
    return replace(unit, source=fix(unit.source, tally), target=fix(unit.target, tally), para=fix(unit.para, tally),
                   kind=fix(unit.kind, tally), notes=tuple(fix(n, tally) for n in unit.notes),
                   props=tuple((fix(k, tally), fix(v, tally)) for k, v in unit.props))


def new_units(
    records: Iterable[Unit | Skipped], ctx: ImportContext, seen: set[int], tally: Tally
) -> Iterator[Unit]:
    """Units to add: languages filled in and checked, duplicates and skips counted, ids assigned."""
    position = ctx.start
    for record in records:
        if isinstance(record, Skipped):
            tally.skipped[record.reason] += 1
            continue
        record = mapped_controls(record, tally)
        langs = ctx.langs(record)
        key = pair_key(record.source, record.target)
        # Within a run, a pair counts once per target language ('ЮНИСЕФ' -> 'UNICEF' in fr and en);
        # against the store, which keeps no languages in its pair list, once in all (see stored_keys).
        lang_key = hash((record.source, record.target, langs[1]))
        if key in seen or lang_key in seen:
            tally.duplicates += 1
            continue
        seen.add(lang_key)
        tally.langs[langs] += 1
        tally.added += 1
        yield replace(record, id=unit_id(ctx.doc, position), doc=ctx.doc, src_lang=langs[0], tgt_lang=langs[1],
                      position=position, block=0, origin="import")
        position += 1


@dataclass(slots=True)
class ImportContext:
    """Where units of one file go, and the languages to assume when the file gives none."""

    path: Path
    doc: str
    start: int
    src_lang: str | None
    tgt_lang: str | None
    known: dict[tuple[str, str, bool], tuple[str, str]] = field(default_factory=dict)

    def langs(self, unit: Unit) -> tuple[str, str]:
        """Checked (source, target) languages; a unit without target may lack a target language."""
        pair = (unit.src_lang, unit.tgt_lang, bool(unit.target))
        if pair not in self.known:
            src = checked_lang(unit.src_lang, self.path, "source", self.src_lang)
            needed = unit.target or unit.tgt_lang or self.tgt_lang
            tgt = checked_lang(unit.tgt_lang, self.path, "target", self.tgt_lang) if needed else ""
            self.known[pair] = (src, tgt)
        return self.known[pair]


def read_ahead(units: Iterator[Unit], prepare: Callable[[Iterable[Unit]], PreparedUnits],
               size: int = CHUNK) -> Iterator[PreparedUnits]:
    """Chunks of prepared units, made by a second thread while the store (releasing the GIL) writes the last."""
    chunks: queue.Queue[PreparedUnits | BaseException | None] = queue.Queue(maxsize=4)
    stop = threading.Event()

    def produce() -> None:
        try:
            for chunk in iter(lambda: prepare(itertools.islice(units, size)), []):
                while not stop.is_set():
                    try:
                        chunks.put(chunk, timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            chunks.put(None)
        except BaseException as err:
            chunks.put(err)

    worker = threading.Thread(target=produce, name="tmtool-import-reader", daemon=True)
    worker.start()
    try:
        while (item := chunks.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        worker.join()


def document_info(ctx: ImportContext, format_name: str, tally: Tally, total: int, checksum: str) -> DocumentInfo:
    src, tgt = tally.langs.most_common(1)[0][0] if tally.langs else (ctx.src_lang or "", ctx.tgt_lang or "")
    summary = {"paragraphs": 0, "headings": 0, "sentences": total, "repairs": 0,
               "imported": tally.added, "duplicates": tally.duplicates, "skipped": sum(tally.skipped.values())}
    return DocumentInfo(ctx.doc, src, tgt, checksum, f"import:{format_name}|v:{TOOL_VERSION}", summary)


def import_file(
    store: Store, path: Path, format_name: str, load: Load, seen: set[int],
    src_lang: str | None = None, tgt_lang: str | None = None,
) -> ImportResult:
    """Add one file's units to the store in one transaction: a file that fails adds nothing."""
    tally, added_keys = Tally(), set(seen)
    with store.writer() as writer, path.open("rb") as stream, writer.bulk_indexing():
        ctx = ImportContext(path, path.name, writer.next_position(path.name), src_lang, tgt_lang)
        records = load(stream, str(path))
        try:
            for batch in read_ahead(new_units(records, ctx, added_keys, tally), writer.prepare):
                # Stored and indexed chunk by chunk: the store works (GIL released) while the reader parses on.
                writer.add_prepared(batch)
        finally:
            # Closed here, while its file is open: a reader left for the garbage collector would run
            # its clean-up on a closed file ("Exception ignored in: <generator load_csv>").
            close = getattr(records, "close", None)
            if close is not None:
                close()
        total = writer.count_units(ctx.doc)
        if tally.added:
            writer.put_document(document_info(ctx, format_name, tally, total, file_checksum(path)))
        if tally.added >= OPTIMIZE_AFTER:
            writer.optimize()
    seen |= added_keys
    return ImportResult(str(path), format_name, ctx.doc, tally.added, tally.duplicates, dict(tally.skipped),
                        tally.repaired)
