"""Reading input text with encoding detection, and writing outputs atomically."""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, BinaryIO

from tm.errors import InputError
from tm.lang.script import CYRILLIC_CODE_POINTS

# UTF-32 first: its little-endian mark starts with UTF-16's.
BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

# Magic numbers of files people give by mistake instead of text.
BINARY_SIGNATURES = (
    (b"%PDF", "a PDF file (only `tmtool build` reads PDFs)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (DOCX/XLSX?)"),
    (b"\xd0\xcf\x11\xe0", "an MS Office binary file"),
    (b"SQLite format 3", "an SQLite database"),
    (b"\x1f\x8b", "a gzip archive"),
)

CP1251_MIN_CYRILLIC = 0.5  # share of letters that must be Cyrillic for cp1251 to be the encoding
STDOUT_SPOOL_BYTES = 64 * 1024 * 1024  # larger outputs spill to a temporary file


SNIFF_BYTES = 64 * 1024  # the head that is checked for binary content before the rest is read

# Single-byte Russian encodings tried when a file is not UTF-8; the letter statistics choose.
CYRILLIC_CODECS = ("cp1251", "koi8-r", "mac-cyrillic")
# Non-letters a Russian text plausibly holds besides ASCII; any other non-ASCII symbol is evidence
# against the encoding being tried.
RUSSIAN_PUNCTUATION = frozenset("«»„“”‘’–—…№°§\u00a0\u2116\u00b7\u2022±×")
MAX_ODD_SHARE = 0.02  # odd symbols plus mis-cased words, per letter, that an encoding may show
UTF8_CYRILLIC = re.compile(rb"[\xd0\xd1][\x80-\xbf]")
ERRORS = ("strict", "replace")


def sniff_binary(head: bytes, path: str | Path) -> None:
    """Refuse a file whose first bytes show it is not text (magic numbers, NUL bytes)."""
    for magic, what in BINARY_SIGNATURES:
        if head.startswith(magic):
            raise InputError(path, f"is {what}, not a text file")
    if any(head.startswith(bom) for bom, _ in BOMS):
        return
    if head.count(b"\x00") > max(1, len(head) // 1000):
        raise InputError(path, "looks binary (NUL bytes), not a text file",
                         hint="if it is UTF-16 without a byte-order mark, save it as UTF-8")


def read_bytes(path: str | Path) -> bytes:
    """Read a whole input file ('-' is stdin), with errors that name the path.

    The first bytes are checked before the rest is read, so a huge binary file is refused at once.
    """
    if str(path) == "-":
        return sys.stdin.buffer.read()
    p = Path(path)
    if not p.exists():
        raise InputError(p, "no such file")
    if p.is_dir():
        raise InputError(p, "is a directory, not a text file")
    try:
        with p.open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
            if not head.startswith(b"%PDF"):  # PDFs are binary, and read by their own reader
                sniff_binary(head, p)
            return head + stream.read()
    except OSError as err:
        raise InputError(p, f"cannot read: {err.strerror}") from err


def decode_text(data: bytes, path: str | Path, encoding: str | None = None, errors: str = "strict"
                ) -> str:
    """Decode an input file: BOMs, UTF-8, or cp1251/KOI8-R/mac-cyrillic chosen by letter statistics.

    encoding forces a codec; errors="replace" decodes a damaged UTF-8 file with U+FFFD for each bad
    byte (replaced_bytes counts them). Anything unclear is refused, naming line and offset.
    """
    if errors not in ERRORS:
        raise InputError(path, f"unknown --errors value {errors!r} (use strict or replace)")
    if encoding:
        try:
            return data.decode(encoding, errors=errors)
        except LookupError as err:
            raise InputError(path, f"unknown encoding {encoding!r}") from err
        except UnicodeDecodeError as err:
            raise InputError(path, f"not {encoding} text (invalid byte 0x{data[err.start]:02X} at offset "
                             f"{err.start})", line=line_of(data, err.start),
                             hint="pass --errors replace to keep going") from err
    sniff_binary(data[:SNIFF_BYTES], path)
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as err:
                raise InputError(path, f"invalid {codec} after its byte-order mark at byte {err.start}") from err
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        utf8_error = err
    bad = utf8_error.start
    if UTF8_CYRILLIC.search(data):
        if errors == "replace":
            return data.decode("utf-8", errors="replace")
        return refuse_damaged_utf8(data, path, bad)
    text = best_cyrillic_decoding(data)
    if text is not None:
        return text
    raise InputError(
        path, f"not UTF-8, UTF-16, UTF-32 or Russian 8-bit text (invalid byte 0x{data[bad]:02X} at offset {bad})",
        line=line_of(data, bad), hint="pass --encoding if you know it",
    )


def line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def refuse_damaged_utf8(data: bytes, path: str | Path, bad: int) -> str:
    """A UTF-8 file with bytes that are not UTF-8: a few bad bytes, or whole lines in another encoding."""
    line = line_of(data, bad)
    start = data.rfind(b"\n", 0, bad) + 1
    end = data.find(b"\n", bad)
    bad_line = data[start:] if end < 0 else data[start:end]
    if not UTF8_CYRILLIC.search(bad_line) and best_cyrillic_decoding(bad_line) is not None:
        raise InputError(path, f"mixes UTF-8 lines with lines in an 8-bit encoding such as cp1251 "
                         f"(first at byte offset {bad})", line=line, hint="save the whole file as UTF-8")
    raise InputError(path, f"invalid UTF-8 byte 0x{data[bad]:02X} at byte offset {bad}", line=line,
                     hint="pass --errors replace to replace bad bytes, or --encoding")


def replaced_bytes(data: bytes, text: str, encoding: str | None = None) -> int:
    """How many U+FFFD of text decode_text put in for bad bytes: a U+FFFD the file itself holds (a
    character lost before it reached us, as in the bundled report) is not one of them."""
    found = text.count("\ufffd")
    if not found:
        return 0
    try:
        kept = data.decode(encoding or "utf-8", errors="ignore")
    except LookupError:
        return 0
    return max(0, found - kept.count("\ufffd"))


def oddness(text: str) -> float:
    """Symbols a Russian text would not hold, plus words cased like no word is, per letter."""
    letters = sum(1 for c in text if c.isalpha())
    if not letters:
        return 1.0
    odd = sum(1 for c in text if ord(c) > 127 and not c.isalpha() and not c.isspace()
              and c not in RUSSIAN_PUNCTUATION)
    miscased = sum(1 for word in re.findall(r"[^\W\d_]+", text) if not cased_like_a_word(word))
    return (odd + 3 * miscased) / letters


def cased_like_a_word(word: str) -> bool:
    return word.islower() or word.isupper() or word[1:].islower()


def best_cyrillic_decoding(data: bytes) -> str | None:
    """The text in whichever Russian 8-bit encoding reads as Russian, or None when none does."""
    scored = []
    for codec in CYRILLIC_CODECS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if looks_like_cp1251_russian(text):
            scored.append((oddness(text), CYRILLIC_CODECS.index(codec), text))
    if not scored:
        return None
    share, _, text = min(scored)
    return text if share <= MAX_ODD_SHARE else None


def looks_like_cp1251_russian(text: str) -> bool:
    """True when text (decoded with a Cyrillic codec) reads as mostly Cyrillic letters."""
    letters = [c for c in text if c.isalpha()]
    if not letters or "\ufffd" in text:
        return False
    cyrillic = sum(1 for c in letters if ord(c) in CYRILLIC_CODE_POINTS)
    return cyrillic / len(letters) > CP1251_MIN_CYRILLIC


def read_text(path: str | Path) -> str:
    """Read an input document as text, detecting its encoding."""
    return decode_text(read_bytes(path), path)


def copy_to_stdout(stream: IO[bytes]) -> None:
    """Copy to stdout; a reader that stops early (`| head`) is not an error, a failing write is one."""
    try:
        shutil.copyfileobj(stream, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        # Point stdout at /dev/null so the interpreter's final flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except OSError as err:
        with contextlib.suppress(OSError, ValueError):  # so that the final flush does not fail again
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise InputError("stdout", f"cannot write: {err.strerror or err}") from err


def write_error(path: str | Path, err: OSError) -> InputError:
    return InputError(path, f"cannot write: {err.strerror or err}")


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def open_output(path: str | Path) -> Iterator[BinaryIO]:
    """Write to path atomically (temp file, then rename); '-' writes to stdout once all is written.

    A symbolic link is written through: the file it points to is replaced (atomically), the link
    stays. Anything that is not a regular file (a device such as /dev/full, a FIFO) is written
    straight into and never replaced. A failing write (disk full, permission) is one error line.
    """
    if str(path) == "-":
        # Spooled, so that a writer failing half-way leaves nothing on stdout either.
        with tempfile.SpooledTemporaryFile(max_size=STDOUT_SPOOL_BYTES) as spool:
            yield spool  # type: ignore[misc]
            spool.seek(0)
            copy_to_stdout(spool)
        return
    given = Path(path)
    target = Path(os.path.realpath(given)) if given.is_symlink() else given
    if not target.parent.exists():
        raise InputError(given, f"output directory {target.parent} does not exist")
    if target.exists() and not target.is_file() and not target.is_dir():
        try:
            with target.open("wb") as device:
                yield device
        except OSError as err:
            raise write_error(given, err) from err
        return
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as err:
        raise write_error(given, err) from err
    try:
        with os.fdopen(fd, "wb") as stream:
            yield stream
        os.chmod(tmp, 0o666 & ~current_umask())
        os.replace(tmp, target)
    except BaseException as err:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(err, OSError):
            raise write_error(given, err) from err
        raise
