"""Matching an acronym to the initial letters of a name: ОУПЖ = Отдел по улучшению положения женщин.

Each word gives a prefix of one or more letters (ЭКОСОС = ЭКОномического и СОциального
Совета); prepositions, "и" and "Организации Объединенных Наций" may give none.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from glossary import rules
from glossary.tokens import Token


def word_parts(words: Sequence[Token]) -> tuple[tuple[str, int], ...]:
    """Hyphenated words split into parts ("Латиноамерикано-карибский" gives two), with the word index."""
    return tuple(
        (part.upper(), index)
        for index, word in enumerate(words)
        for part in word.text.replace("/", "-").split("-") if part
    )


def initials_match(acronym: str, parts: tuple[str, ...], skippable: tuple[bool, ...]) -> bool:
    """Whether the parts, in order, spell the acronym by prefixes; the first part must give a letter."""
    return spells_from(acronym, parts, skippable, 0, 0, {})


def spells_from(acronym: str, parts: tuple[str, ...], skippable: tuple[bool, ...], i: int, j: int,
                known: dict[tuple[int, int], bool]) -> bool:
    """Whether parts[j:] spell acronym[i:], known holding the answers found so far. (A function of its own, not
    two closures calling each other: those made a reference cycle per call, 80,000 objects a 5 MB build left to
    the garbage collector.)"""
    found = known.get((i, j))
    if found is not None:
        return found
    found = False
    if j == len(parts):
        found = i == len(acronym)
    elif skippable[j] and j > 0 and spells_from(acronym, parts, skippable, i, j + 1, known):
        found = True
    else:
        word = parts[j]
        for k in range(1, min(len(word), len(acronym) - i) + 1):
            if word[:k] != acronym[i:i + k]:
                break
            if spells_from(acronym, parts, skippable, i + k, j + 1, known):
                found = True
                break
    known[i, j] = found
    return found


def initials_start(acronym: str, words: list[Token]) -> int | None:
    """The leftmost word from which the rest of the words spell the acronym, if any."""
    parts = word_parts(words)
    target = acronym.upper().replace("-", "").replace(" ", "")
    for p, (_, index) in enumerate(parts):
        if p > 0 and parts[p - 1][1] == index:
            continue  # not the first part of its word
        texts = tuple(t for t, _ in parts[p:])
        skips = tuple(t.lower() in rules.INITIALS_SKIPPABLE for t in texts)
        # a name may start with "Организации" (ОАГ), never with a preposition or "и"
        if (not skips[0] or texts[0].lower() in rules.INITIALS_FIRST_WORDS) and initials_match(target, texts, skips):
            return index
    return None


EN_WORD = re.compile(r"[A-Za-zÀ-ÿ][\w'’-]*")


def spelled(parts: Sequence[str]) -> str:
    """The initials of English words, connectors left out; "Asia-Pacific" gives A and P."""
    return "".join(q[0] for p in parts if p.lower() not in rules.EN_CONNECTORS for q in p.split("-") if q).upper()


def english_spells(acronym: str, before: str) -> bool:
    """Whether the last English words before a bracket spell the acronym by their initials, across
    commas: "Ministry of Economy, Trade and Industry (METI)", "U.S. Geological Survey (USGS)"."""
    words = [w.group() for w in EN_WORD.finditer(before)][-rules.EN_SPELLING_WINDOW:]
    letters = acronym.replace("-", "").replace(" ", "").upper()
    ends = [len(words)] + ([len(words) - 1] if words and words[-1].lower() in rules.EN_UNLETTERED_HEADS else [])
    return any(spelled(words[i:end]) == letters for end in ends for i in range(end)
               if words[i].lower() not in rules.EN_CONNECTORS)
