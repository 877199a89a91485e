"""SRX 2.0 writer: tmtool's sentence segmentation as rules a CAT tool (OmegaT) segments with.

The items are languages' rule sets (tm.lang.srx builds them from the language profiles; this
module knows only their shape), so that the tool cuts tmtool's txt export into the memory's units.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, BinaryIO, Protocol

from exports._xml import attrs, write_document, xml_text
from exports.base import ExportContext, Format

NAMESPACE = "http://www.lisa.org/srx20"


class Rule(Protocol):
    breaks: bool
    before: str
    after: str
    why: str


class Language(Protocol):
    name: str
    pattern: str
    rules: Sequence[Rule]


def comment(text: str) -> str:
    """An XML comment; '--' cannot appear inside one."""
    return f"<!-- {text.replace('--', '- -')} -->"


def rule_lines(rule: Rule) -> list[str]:
    return [
        f"        {comment(rule.why)}",
        f'        <rule break="{"yes" if rule.breaks else "no"}">',
        f"          <beforebreak>{xml_text(rule.before, 'beforebreak')}</beforebreak>",
        f"          <afterbreak>{xml_text(rule.after, 'afterbreak')}</afterbreak>",
        "        </rule>",
    ]


def language_block(language: Language) -> list[str]:
    return [
        f"      <languagerule{attrs([('languagerulename', language.name)])}>",
        *(line for rule in language.rules for line in rule_lines(rule)),
        "      </languagerule>",
    ]


def dump_srx(items: Iterable[Any], stream: BinaryIO, ctx: ExportContext) -> None:
    """Write the languages' rules, then a map from each language's codes to its rules."""
    languages: list[Language] = list(items)
    header = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        comment(f"sentence segmentation of tmtool {ctx.tool_version}; {ctx.signature}"),
        f'<srx xmlns="{NAMESPACE}" version="2.0">',
        '  <header segmentsubflows="yes" cascade="no">',
        '    <formathandle type="start" include="no"/>',
        '    <formathandle type="end" include="yes"/>',
        '    <formathandle type="isolated" include="no"/>',
        "  </header>",
        "  <body>",
        "    <languagerules>",
    ]
    maps = [f"      <languagemap{attrs([('languagepattern', lang.pattern), ('languagerulename', lang.name)])}/>"
            for lang in languages]
    footer = "\n".join(["    </languagerules>", "    <maprules>", *maps, "    </maprules>", "  </body>",
                        "</srx>", ""])
    write_document(stream, header, (language_block(lang) for lang in languages), footer)


FORMAT = Format("srx", (".srx",), "tm", dump_srx)
