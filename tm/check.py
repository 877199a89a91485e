"""Quality checks on aligned pairs with translate-toolkit's filters: numbers, punctuation, brackets, acronyms.

translate.filters.checks.StandardChecker is the checker of Pootle and pofilter; each of its checks
takes the source and target and raises FilterFailure with a message when they disagree. Its
numbers check reads "3,5" as 3.5 and "1 000" as 1000, so Russian figures meet English ones.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from tm.model import Unit

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
