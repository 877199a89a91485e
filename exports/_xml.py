"""XML helpers shared by the XML writers: escaping that refuses what XML 1.0 cannot carry."""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import BinaryIO

from tm.errors import FormatError

# Characters outside the XML 1.0 Char production.
INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# A CR is written as a reference: XML parsers turn a literal CR (and CR LF) into LF.
ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;"}
SPECIAL = re.compile('[&<>"\r]')


def xml_text(value: str, where: str = "") -> str:
    """Escape value for element text or attribute values; refuse XML-invalid characters."""
    bad = INVALID_XML.search(value)
    if bad:
        raise FormatError(
            f"{where or 'text'}: character U+{ord(bad.group()):04X} cannot be written in XML "
            f"(at offset {bad.start()} of {value[:40]!r})"
        )
    return SPECIAL.sub(lambda m: ESCAPES[m.group()], value)


def attrs(pairs: list[tuple[str, str]]) -> str:
    """Render attributes in the given order (writers stay deterministic)."""
    return "".join(f' {name}="{xml_text(value, name)}"' for name, value in pairs)


def write_document(stream: BinaryIO, header: Iterable[str], blocks: Iterable[list[str]], footer: str) -> None:
    """Write an XML file line by line: header lines, one block of lines per item, the closing tags.

    Each block is encoded as it is made, so memory stays flat however many items there are.
    """
    stream.writelines(line.encode("utf-8") + b"\n" for line in header)
    stream.writelines("\n".join(block).encode("utf-8") + b"\n" for block in blocks)
    stream.write(footer.encode("utf-8"))
