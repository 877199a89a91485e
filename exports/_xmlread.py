"""Safe streaming XML reading for the importers: no entity expansion, no network, flat memory."""
from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from lxml import etree

from tm.errors import InputError

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# libxml2 refuses a text node longer than this unless asked (XML_PARSE_HUGE), a guard against
# documents made to exhaust memory; `tmtool import --huge-text` lifts it (see allow_huge_text).
LIBXML2_TEXT_LIMIT = 10_000_000
HUGE_TEXT = {"allowed": False}


def allow_huge_text(allowed: bool = True) -> None:
    """Let the XML readers take text nodes beyond libxml2's 10 MB limit (for this process)."""
    HUGE_TEXT["allowed"] = allowed


def local_name(tag: object) -> str:
    """'{urn:...}trans-unit' -> 'trans-unit'; comments and entities give ''."""
    if tag.__class__ is not str:
        return ""
    return tag if tag[0] != "{" else tag.rsplit("}", 1)[-1]


def element_lang(element: etree._Element) -> str:
    """xml:lang (TMX 1.4, XLIFF) or lang (TMX 1.1, as OmegaT writes project_save.tmx)."""
    return (element.get(XML_LANG) or element.get("lang") or "").strip()


def refuse_entities(root: etree._Element, name: str) -> None:
    """Refuse documents that declare entities: they could read local files or expand without end."""
    dtd = root.getroottree().docinfo.internalDTD
    declared = [e.name for e in dtd.iterentities()] if dtd is not None else []
    if declared:
        raise InputError(name, f"the DOCTYPE declares entities ({', '.join(declared[:3])}); refused for safety",
                         line=1, hint="remove the entity declarations")


def iter_ends(stream: BinaryIO, name: str, tags: tuple[str, ...] | None = None) -> Iterator[etree._Element]:
    """Yield each element named in tags (all when None) when it ends; the caller clears it."""
    events = etree.iterparse(
        stream, events=("end",), tag=tags, resolve_entities=False, no_network=True, load_dtd=False,
        huge_tree=HUGE_TEXT["allowed"], remove_comments=True, remove_pis=True,
    )
    checked = False
    try:
        for _, element in events:
            if not checked:
                refuse_entities(element, name)
                checked = True
            yield element
    except etree.XMLSyntaxError as err:
        line = err.lineno if isinstance(err.lineno, int) and err.lineno > 0 else None
        if "XML_PARSE_HUGE" in str(err.msg) or "huge text node" in str(err.msg).lower():
            raise InputError(name, f"a text in the file is longer than the XML reader's limit of "
                             f"{LIBXML2_TEXT_LIMIT:,} characters", line=line,
                             hint="pass --huge-text to read it anyway") from err
        if "amplification" in str(err.msg).lower():  # newer libxml2 (lxml 6.2) stops the expansion first
            raise InputError(name, "the DOCTYPE declares entities that expand without end; refused for safety",
                             line=1, hint="remove the entity declarations") from err
        raise InputError(name, f"malformed XML: {err.msg}", line=line) from err
    if not checked and events.root is not None:
        refuse_entities(events.root, name)


def release(element: etree._Element) -> None:
    """Free a finished element and the siblings before it, so a large file streams in flat memory."""
    element.clear(keep_tail=True)
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]
