"""Quality checks on aligned pairs with translate-toolkit's filters: numbers, punctuation, brackets, acronyms.

translate.filters.checks.StandardChecker is the checker of Pootle and pofilter; each of its checks
takes the source and target and raises FilterFailure with a message when they disagree. Its
numbers check reads "3,5" as 3.5 and "1 000" as 1000, so Russian figures meet English ones.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # `tmtool --help` imports this module for the check names, not tm.model's dataclasses
    from tm.model import Unit
    from tm.store.base import Store

# What each check looks at; the names are StandardChecker's methods.
CHECKS = {
    "numbers": "the numbers differ",
    "endpunc": "the final punctuation differs",
    "brackets": "brackets are missing or extra",
    "acronyms": "a Latin acronym of the source is missing in the target",
}
DEFAULT_CHECKS = tuple(CHECKS)
LATIN_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&-]*$")
ACRONYM_LIST = re.compile(r":\s*(?P<names>.+)$")


@dataclass(frozen=True, slots=True)
class Finding:
    """One check that failed on one unit, with translate-toolkit's message."""

    unit_id: str
    check: str
    message: str
    source: str
    target: str


@cache
def checker(tgt_lang: str) -> object:
    from translate.filters import checks  # imported here: only `tmtool check` needs it

    return checks.StandardChecker(checks.CheckerConfig(targetlanguage=tgt_lang))


def latin_acronyms_only(message: str) -> str:
    """translate names every source acronym missing in the target; a Cyrillic one is translated (ООН
    -> UN), so only Latin ones count. An empty result means none is left."""
    match = ACRONYM_LIST.search(message)
    if match is None:
        return message
    latin = [name for name in (n.strip() for n in match.group("names").split(",")) if LATIN_ACRONYM.match(name)]
    return f"{message[:match.start()]}: {', '.join(latin)}" if latin else ""


def failures(unit: Unit, names: Iterable[str]) -> Iterator[Finding]:
    from translate.filters.checks import FilterFailure

    run = checker(unit.tgt_lang)
    for name in names:
        try:
            getattr(run, name)(unit.source, unit.target)
        except FilterFailure as failure:
            message = str(failure)
            if name == "acronyms":
                message = latin_acronyms_only(message)
            if message:
                yield Finding(unit.id, name, message, unit.source, unit.target)


def check_units(units: Iterable[Unit], names: Iterable[str] = DEFAULT_CHECKS) -> Iterator[Finding]:
    """The failed checks of every unit that has a target, in unit order."""
    chosen = tuple(names)
    unknown = [n for n in chosen if n not in CHECKS]
    if unknown:
        raise ValueError(f"unknown checks: {', '.join(unknown)}")
    for unit in units:
        if unit.target:
            yield from failures(unit, chosen)


# A failed check stored on its unit: one prop per check ("x-check", "numbers"). TMX writes it as a
# <prop type="x-check">, PO as the flag "check-numbers" (exports.po); both read it back.
CHECK_PROP = "x-check"


def with_findings(unit: Unit, findings: Iterable[Finding], names: Iterable[str]) -> Unit:
    """The unit with its stored results of the checks named replaced by these findings."""
    ran = set(names)
    kept = tuple(p for p in unit.props if p[0] != CHECK_PROP or p[1] not in ran)
    found = tuple((CHECK_PROP, f.check) for f in findings if f.unit_id == unit.id)
    return unit if sorted(kept + found) == sorted(unit.props) else replace(unit, props=kept + found)


def store_findings(store: Store, doc: str | None = None, names: Iterable[str] = DEFAULT_CHECKS) -> list[Finding]:
    """Run the checks and store each failure as a prop on its unit, all documents in one transaction;
    a unit that now passes a check loses its old flag for it. Returns the findings."""
    chosen = tuple(names)
    findings: list[Finding] = []
    changed = []
    for info in [d for d in store.documents() if doc is None or d.name == doc]:
        units = list(store.units(doc=info.name))
        found = list(check_units(units, chosen))
        by_unit: dict[str, list[Finding]] = {}
        for finding in found:
            by_unit.setdefault(finding.unit_id, []).append(finding)
        updated = [with_findings(u, by_unit.get(u.id, ()), chosen) for u in units]
        if updated != units:
            changed.append((info, updated))
        findings += found
    if changed:
        with store.writer() as writer:
            for info, updated in changed:
                writer.replace_document(info, updated)
    return findings
