"""Acronym mentions and their bracketed definitions: "Международной организации труда (МОТ)".

The start of a bracketed full name is found, in order, by the acronym's initials (ДЭСВ, МОТ),
by the reference table's Russian name (ЮНФПА, whose letters are the English UNFPA's), and by
the name heads of glossary.rules (ГАТС after "Генеральному соглашению…").
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from glossary import rules
from glossary.infer import initials_start
from glossary.names import is_modifier
from glossary.normalise import parses
from glossary.tokens import Token, clause_before, tokenize
from tm.model import Unit


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an acronym in a unit."""

    acronym: str
    unit: int  # index into the document's units
    start: int
    stop: int


@dataclass(frozen=True, slots=True)
class Definition:
    """A full name spelled out in brackets before its acronym."""

    acronym: str
    unit: int
    phrase: str  # as in the text
    method: str  # "initials", "reference", "heads" or "chain"
    start: int = 0  # offsets of the phrase and its bracketed acronym in the unit
    stop: int = 0


def is_acronym(core: str, ending: str, text: str, start: int, stop: int) -> bool:
    """Whether a run of capitals is an acronym (not a Roman numeral or document symbol)."""
    if ending not in rules.ACRONYM_ENDINGS or rules.ROMAN_NUMERAL.match(core):
        return False
    if parses(core.lower())[0].tag.POS in rules.FUNCTION_WORD_POS:
        return False
    around = text[max(0, start - 2):stop + 2]
    return not rules.DOCUMENT_SYMBOL.search(around)


def acronyms_in(text: str) -> list[tuple[str, int, int]]:
    """(acronym, start, stop) for every acronym in a text; "ЕЭК/ЕВРОСТАТ" gives two."""
    found = []
    for m in rules.ACRONYM.finditer(text):
        if is_acronym(m.group("core"), m.group("ending"), text, m.start(), m.end()):
            found.append((m.group("core"), m.start(), m.end()))
    return found


def find_mentions(units: Sequence[Unit]) -> list[Mention]:
    """Every acronym of every unit; a text seen before (a repeated sentence) is not read again."""
    seen: dict[str, list[tuple[str, int, int]]] = {}
    mentions: list[Mention] = []
    for i, u in enumerate(units):
        found = seen.get(u.source)
        if found is None:
            found = seen[u.source] = acronyms_in(u.source)
        mentions.extend(Mention(a, i, s, e) for a, s, e in found)
    return mentions


def bracketed(text: str, start: int, stop: int) -> int | None:
    """The offset of "(" when the acronym stands alone in brackets: "(МОТ)"."""
    before = text[:start].rstrip()
    after = text[stop:].lstrip()
    if before.endswith("(") and after.startswith(")"):
        return len(before) - 1
    return None


def modifier_start(words: list[Token], head: int) -> int:
    """Index of the first adjective before a head: "Продовольственной и сельскохозяйственной организации"."""
    start = head
    i = head - 1
    while i >= 0:
        if is_modifier(words[i]):
            start = i
        elif not (words[i].text.lower() in rules.JOINERS and i > 0 and is_modifier(words[i - 1])):
            break
        i -= 1
    return start


BLOCKING_POS = frozenset({"VERB", "INFN", "PRTS", "GRND", "ADVB", "PRCL", "INTJ", "CONJ", "PRED"})


def blocks(word: Token) -> bool:
    """A verb, adverb or particle (by its likeliest reading) ends the search for a name's start."""
    return parses(word.text)[0].tag.POS in BLOCKING_POS


def heads_start(acronym: str, words: list[Token]) -> int | None:
    """The leftmost name head reachable from the bracket without crossing a verb or adverb."""
    best = None
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if word.text.lower() not in rules.JOINERS and blocks(word):
            break
        if word.lemma in rules.NAME_HEADS:
            best = modifier_start(words, i)
    return best


def chain_start(acronym: str, words: list[Token]) -> int | None:
    """No head: the noun phrase before the bracket, less a leading noun governed from outside."""
    start = None
    for i in range(len(words) - 1, -1, -1):
        if blocks(words[i]) or words[i].text.lower() in rules.JOINERS:
            break
        start = i
    while start is not None and start < len(words) - 1 and governed(words[start]):
        start += 1
    return start


def governed(word: Token) -> bool:
    first = parses(word.text)[0]
    return first.tag.POS == "NOUN" and first.tag.case in rules.GOVERNING_CASES


Strategy = Callable[[str, list[Token]], "int | None"]


def define(acronym: str, unit: int, text: str, paren: int,
           strategies: Sequence[tuple[str, Strategy]]) -> Definition | None:
    """The bracketed full name before text[paren], by the first strategy that finds a start."""
    tokens = tokenize(text[:paren])
    words = clause_before(tokens, len(tokens))
    if not words:
        return None
    for method, strategy in strategies:
        start = strategy(acronym, words)
        if start is not None:
            phrase = text[words[start].start:words[-1].stop]
            return Definition(acronym, unit, phrase, method, words[start].start, text.index(")", paren) + 1)
    return None


def default_strategies(reference_start: Strategy | None) -> list[tuple[str, Strategy]]:
    chosen: list[tuple[str, Strategy]] = [("initials", initials_start)]
    if reference_start is not None:
        chosen.append(("reference", reference_start))
    chosen += [("heads", heads_start), ("chain", chain_start)]
    return chosen


def find_definitions(
    units: Sequence[Unit], mentions: Sequence[Mention], reference_start: Strategy | None = None
) -> dict[str, Definition]:
    """The first bracketed definition of each acronym."""
    strategies = default_strategies(reference_start)
    found: dict[str, Definition] = {}
    for m in mentions:
        text = units[m.unit].source
        paren = bracketed(text, m.start, m.stop)
        if m.acronym in found or paren is None:
            continue
        definition = define(m.acronym, m.unit, text, paren, strategies)
        if definition is not None:
            found[m.acronym] = definition
    return found
