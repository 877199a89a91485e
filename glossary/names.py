"""Named bodies and instruments in running text: "Комиссия по народонаселению и развитию".

A name starts with a capitalised adjective or head noun (glossary.rules.NAME_HEADS), and
runs on through genitive words, "и" + a word in the same case, and the prepositions of
rules.NAME_PREPOSITIONS; it stops at punctuation, verbs, and at a capital that starts a
new name ("Отдел народонаселения | Секретариата…").
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from functools import lru_cache

from pymorphy3.analyzer import Parse

from glossary import rules

from glossary.normalise import is_acronym_word, lemma, lemma_key, parses
from glossary.tokens import Token, sentence_start, tokenize
from tm.model import Unit

PHRASE_POS = frozenset({"NOUN", "ADJF", "PRTF"})
FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL", "INTJ"})


@lru_cache(maxsize=None)
def closed_keys() -> tuple[tuple[str, ...], ...]:
    return tuple(lemma_key(name) for name in rules.CLOSED_NAMES)


def phrase_parses(token: Token) -> tuple[Parse, ...]:
    """Noun and adjective readings of a word; none for a preposition or conjunction ("в", "и")."""
    return word_phrase_parses(token.text) if token.is_word else ()


@lru_cache(maxsize=65536)
def word_phrase_parses(word: str) -> tuple[Parse, ...]:
    readings = parses(word)
    if readings[0].tag.POS in FUNCTION_POS:
        return ()
    return tuple(p for p in readings if p.tag.POS in PHRASE_POS and "Abbr" not in p.tag)


@dataclass(frozen=True, slots=True)
class NameMention:
    """One occurrence of a name in a unit."""

    phrase: str
    unit: int
    start: int
    stop: int
    initial: bool  # starts its sentence, so its capital proves nothing
    quoted: bool = False  # a one-word name in guillemets: «Метрополис»


# The word tests below depend on the word alone and run for every token of every unit: cached.

def is_modifier(token: Token) -> bool:
    return token.is_word and word_is_modifier(token.text)


@lru_cache(maxsize=65536)
def word_is_modifier(word: str) -> bool:
    return not is_acronym_word(word) and any(
        p.tag.POS in ("ADJF", "PRTF") and "Apro" not in p.tag for p in word_phrase_parses(word))


def is_head(token: Token) -> bool:
    return token.is_word and word_is_head(token.text)


@lru_cache(maxsize=65536)
def word_is_head(word: str) -> bool:
    return not is_acronym_word(word) and lemma(word) in rules.NAME_HEADS and any(
        p.tag.POS == "NOUN" for p in word_phrase_parses(word))


def cases(token: Token) -> frozenset[str]:
    return word_cases(token.text) if token.is_word else frozenset()


@lru_cache(maxsize=65536)
def word_cases(word: str) -> frozenset[str]:
    return frozenset(str(p.tag.case) for p in word_phrase_parses(word))


def head_of(tokens: Sequence[Token], i: int) -> int | None:
    """Index of the head noun of a name starting at tokens[i] (after its adjectives), if any."""
    j = i
    while j < len(tokens):
        if is_head(tokens[j]):
            modifiers = [t for t in tokens[i:j] if t.text not in rules.JOINERS]
            return j if all(cases(m) & cases(tokens[j]) for m in modifiers) else None
        if is_modifier(tokens[j]):
            j += 1
        elif tokens[j].text.lower() in rules.JOINERS and j > i and j + 1 < len(tokens) and is_modifier(tokens[j + 1]):
            j += 1
        else:
            return None
    return None


def closed_name_at(tokens: Sequence[Token], i: int) -> int:
    """Length of the closed name ("Организации Объединенных Наций") starting at tokens[i], or 0."""
    for name in closed_keys():
        window = tokens[i:i + len(name)]
        if len(window) == len(name) and all(t.is_word and t.lemma == n for t, n in zip(window, name)):
            return len(name)
    return 0


def preposition_at(tokens: Sequence[Token], i: int) -> int:
    """Length of a name preposition ("по", "в области") at tokens[i], or 0."""
    for prep in rules.NAME_PREPOSITIONS:
        window = tokens[i:i + len(prep)]
        if len(window) == len(prep) and all(t.is_word and t.text == p for t, p in zip(window, prep)):
            return len(prep)
    return 0


def starts_new_name(tokens: Sequence[Token], i: int) -> bool:
    return tokens[i].capitalised and not tokens[i].acronym and head_of(tokens, i) is not None


def genitive(token: Token) -> bool:
    return token.is_word and (token.text in rules.GENITIVE_FUNCTION_WORDS or "gent" in cases(token))


def listed_words(tokens: Sequence[Token], k: int) -> int:
    """A list inside a name: "по суше, морю и воздуху" takes ", морю и воздуху" (4 tokens)."""
    window = tokens[k - 1:k + 4]
    if len(window) < 5 or window[3].text not in rules.JOINERS:
        return 0
    before, first, last = cases(window[0]), cases(window[2]), cases(window[4])
    plain = not (window[2].capitalised or window[4].capitalised)
    return 4 if plain and before & first & last else 0


def quoted_names(tokens: Sequence[Token], unit: int) -> list[NameMention]:
    """Names in guillemets after a word of rules.QUOTED_NAME_AFTER: проект «Метрополис»."""
    found: list[NameMention] = []
    if not any(token.text == "«" for token in tokens):
        return found
    for i in range(1, len(tokens) - 2):
        after = tokens[i - 1].is_word and tokens[i - 1].lemma in rules.QUOTED_NAME_AFTER
        if after and tokens[i].text == "«" and tokens[i + 1].capitalised and tokens[i + 2].text == "»":
            word = tokens[i + 1]
            found.append(NameMention(word.text, unit, word.start, word.stop, False, quoted=True))
    return found


def next_step(tokens: Sequence[Token], k: int, head: int, after_prep: bool) -> tuple[int, bool]:
    """How many tokens the name takes at tokens[k] (0 = the name ends), and whether a preposition was taken."""
    token = tokens[k]
    if token.text == ",":
        return listed_words(tokens, k), after_prep
    if not token.is_word:
        return 0, after_prep
    previous = tokens[k - 2] if tokens[k - 1].acronym and k - 2 > head else tokens[k - 1]
    if token.capitalised and not previous.capitalised and starts_new_name(tokens, k):
        return closed_name_at(tokens, k), after_prep
    if token.acronym:
        return (1, after_prep) if k > head + 1 else (0, after_prep)
    if token.text in rules.JOINERS:
        if k + 1 < len(tokens) and cases(tokens[k + 1]) & cases(previous) and not (
                tokens[k + 1].capitalised and starts_new_name(tokens, k + 1)):
            return 2, after_prep
        return 0, after_prep
    prep = preposition_at(tokens, k)
    if prep:
        if tokens[head].lemma in rules.HEADS_WITHOUT_COMPLEMENT:
            return 0, after_prep
        return (prep, True) if k + prep < len(tokens) and tokens[k + prep].is_word else (0, after_prep)
    if genitive(token) or (after_prep and cases(token)):
        return 1, after_prep
    return 0, after_prep


def name_end(tokens: Sequence[Token], head: int) -> int:
    """Index just past the last token of the name whose head is tokens[head]."""
    closed = closed_name_at(tokens, head)
    if closed and tokens[head].lemma == closed_keys()[0][0]:
        return head + closed
    end, k, after_prep = head + 1, head + 1, False
    while k < len(tokens):
        step, after_prep = next_step(tokens, k, head, after_prep)
        if step == 0:
            break
        k += step
        if tokens[k - 1].is_word and tokens[k - 1].text not in rules.JOINERS and not preposition_at(tokens, k - 1):
            end = k
    return end


def names_in(text: str, unit: int, masked: Sequence[tuple[int, int]] = ()) -> list[NameMention]:
    """Every name of a text, outside the masked spans (acronym definitions)."""
    tokens = tokenize(text)
    first = sentence_start(text)
    found, i = [], 0
    while i < len(tokens):
        head = head_of(tokens, i) if tokens[i].capitalised else None
        if head is None or any(a <= tokens[i].start < b for a, b in masked) or (i > 0 and tokens[i - 1].text == "«"):
            i += 1
            continue
        end = name_end(tokens, head)
        found.append(NameMention(text[tokens[i].start:tokens[end - 1].stop], unit, tokens[i].start,
                                 tokens[end - 1].stop, tokens[i].start == first))
        i = end
    return found + quoted_names(tokens, unit)


def find_names(units: Sequence[Unit], masked: dict[int, list[tuple[int, int]]]) -> list[NameMention]:
    """Every name of every unit; a text seen before (a repeated sentence) is not read again."""
    found: list[NameMention] = []
    seen: dict[tuple[str, tuple[tuple[int, int], ...]], list[NameMention]] = {}
    for i, u in enumerate(units):
        key = (u.source, tuple(masked.get(i, ())))
        earlier = seen.get(key)
        if earlier is None:
            seen[key] = names = names_in(u.source, i, key[1])
            found.extend(names)
        else:
            found.extend(NameMention(m.phrase, i, m.start, m.stop, m.initial, m.quoted) for m in earlier)
    return found
