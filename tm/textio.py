"""Reading input text with encoding detection, and writing outputs atomically."""
from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, BinaryIO

from tm.errors import InputError
from tm.lang.script import CYRILLIC_CODE_POINTS

BOMS = (
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


def read_bytes(path: str | Path) -> bytes:
    """Read a whole input file ('-' is stdin), with errors that name the path."""
    if str(path) == "-":
        return sys.stdin.buffer.read()
    p = Path(path)
    if not p.exists():
        raise InputError(p, "no such file")
    if p.is_dir():
        raise InputError(p, "is a directory, not a text file")
    try:
        return p.read_bytes()
    except OSError as err:
        raise InputError(p, f"cannot read: {err.strerror}") from err


def decode_text(data: bytes, path: str | Path) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM or cp1251; refuse anything else."""
    for magic, what in BINARY_SIGNATURES:
        if data.startswith(magic):
            raise InputError(path, f"is {what}, not a text file")
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as err:
                raise InputError(path, f"invalid {codec} after its byte-order mark at byte {err.start}") from err
    if data.count(b"\x00") > max(1, len(data) // 1000):
        raise InputError(path, "looks binary (NUL bytes), not a text file",
                         hint="if it is UTF-16 without a byte-order mark, save it as UTF-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        utf8_error = err
    text = data.decode("cp1251", errors="replace")
    if looks_like_cp1251_russian(text):
        return text
    line = data.count(b"\n", 0, utf8_error.start) + 1
    raise InputError(
        path, f"not UTF-8, UTF-16 or cp1251 text (invalid byte at offset {utf8_error.start})", line=line
    )


def looks_like_cp1251_russian(text: str) -> bool:
    """True when text decoded as cp1251 reads as mostly Cyrillic letters."""
    letters = [c for c in text if c.isalpha()]
    if not letters or "\ufffd" in text:
        return False
    cyrillic = sum(1 for c in letters if ord(c) in CYRILLIC_CODE_POINTS)
    return cyrillic / len(letters) > CP1251_MIN_CYRILLIC


def read_text(path: str | Path) -> str:
    """Read an input document as text, detecting its encoding."""
    return decode_text(read_bytes(path), path)


def copy_to_stdout(stream: IO[bytes]) -> None:
    """Copy to stdout; a reader that stops early (`| head`) is not an error."""
    try:
        shutil.copyfileobj(stream, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        # Point stdout at /dev/null so the interpreter's final flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def open_output(path: str | Path) -> Iterator[BinaryIO]:
    """Write to path atomically (temp file, then rename); '-' writes to stdout once all is written."""
    if str(path) == "-":
        # Spooled, so that a writer failing half-way leaves nothing on stdout either.
        with tempfile.SpooledTemporaryFile(max_size=STDOUT_SPOOL_BYTES) as spool:
            yield spool  # type: ignore[misc]
            spool.seek(0)
            copy_to_stdout(spool)
        return
    target = Path(path)
    if not target.parent.exists():
        raise InputError(target, f"output directory {target.parent} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as stream:
            yield stream
        os.chmod(tmp, 0o666 & ~current_umask())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
