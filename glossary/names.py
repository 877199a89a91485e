"""Named bodies and instruments in running text: "Комиссия по народонаселению и развитию".

A name starts with a capitalised adjective or head noun (glossary.rules.NAME_HEADS), and
runs on through genitive words, "и" + a word in the same case, and the prepositions of
rules.NAME_PREPOSITIONS; it stops at punctuation, verbs, and at a capital that starts a
new name ("Отдел народонаселения | Секретариата…"). A dated instrument takes its year and
number ("Конвенция 1949 года (№ 97) о…"), a complement may hold an aside (", особенно …, и"),
and a lower-case head before a capital gives a candidate that only a capitalised mention or
the reference table can confirm (glossary.termbase).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from glossary import rules
from glossary.heads import head_forms, may_be_predicted_head
from glossary.normalise import is_acronym_word, lemma, lemma_key, parses
from glossary.tokens import Token, sentence_start, tokenize
from tm.lang.morph import known_word
from tm.lang.script import COMPOUND_WORD, LETTER_RUN
from tm.model import Unit

if TYPE_CHECKING:
    from pymorphy3.analyzer import Parse

PHRASE_POS = frozenset({"NOUN", "ADJF", "PRTF"})
FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL", "INTJ"})
# Tokens a name takes for a bracketed adjective, "(пересмотренная)", and for a list, ", морю и воздуху".
BRACKETED_TOKENS = 3
LISTED_TOKENS = 4
INSERT_PATTERNS = tuple(tuple(re.compile(part) for part in insert) for insert in rules.NAME_INSERTS)


@cache
def closed_keys() -> tuple[tuple[str, ...], ...]:
    return tuple(lemma_key(name) for name in rules.CLOSED_NAMES)


@lru_cache(maxsize=65536)
def word_phrase_parses(word: str) -> tuple[Parse, ...]:
    """Noun and adjective readings of a word; none for a preposition or conjunction ("в", "и")."""
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
    lower: bool = False  # a lower-case head before a capital: "конференции Организации Объединенных Наций по…"


# The word tests below depend on the word alone and run for every token of every unit: cached.

def is_modifier(token: Token) -> bool:
    return token.is_word and word_is_modifier(token.text)


@lru_cache(maxsize=65536)
def word_is_modifier(word: str) -> bool:
    if lemma(word) in rules.NOT_NAME_MODIFIERS:
        return False
    return not is_acronym_word(word) and any(
        p.tag.POS in ("ADJF", "PRTF") and "Apro" not in p.tag for p in word_phrase_parses(word))


def is_head(token: Token) -> bool:
    return token.is_word and word_is_head(token.text)


# Bounded below the distinct words of a 5 MB text (about 43,000): a word evicted is told again in about a
# microsecond from the caches under it (known_word, lemma), 25,000 times in 5 MB; the cache keeps 1.2 MB, not 5.7.
HEAD_WORDS_CACHE = 8192


@lru_cache(maxsize=HEAD_WORDS_CACHE)
def word_is_head(word: str) -> bool:
    """A noun of rules.NAME_HEADS. The word is parsed only when it is a form of a head's lexeme (head_forms)
    or the dictionary does not know it and its start may stay in a head's lemma (glossary.heads); pymorphy3
    takes a word all in Latin letters as its own lemma, and no head is Latin."""
    lower = word.lower().replace("ё", "е")
    if lower not in head_forms() and (word.isascii() or not may_be_predicted_head(lower) or known_word(word)):
        return False
    return not is_acronym_word(word) and lemma(word) in rules.NAME_HEADS and any(
        p.tag.POS == "NOUN" for p in word_phrase_parses(word))


@lru_cache(maxsize=65536)
def starts_with_participle(word: str) -> bool:
    return any(p.tag.POS == "PRTF" and {"pres", "actv"} <= p.tag.grammemes for p in parses(word))


def cases(token: Token) -> frozenset[str]:
    return word_cases(token.text) if token.is_word else frozenset()


@lru_cache(maxsize=65536)
def word_cases(word: str) -> frozenset[str]:
    return frozenset(str(p.tag.case) for p in word_phrase_parses(word))


def is_country(token: Token) -> bool:
    return token.capitalised and any(rules.PLACE_TAG in p.tag and p.tag.case == "gent" for p in parses(token.text))


def head_of(tokens: Sequence[Token], i: int) -> int | None:
    """Index of the head noun of a name starting at tokens[i] (after its adjectives), if any; a name
    does not start with a present active participle ("Правящий Союз…" is "the ruling Union")."""
    if tokens[i].is_word and starts_with_participle(tokens[i].text):
        return None
    j = i
    while j < len(tokens):
        if is_head(tokens[j]):
            modifiers = [t for t in tokens[i:j] if t.text not in rules.JOINERS]
            return j if all(cases(m) & cases(tokens[j]) for m in modifiers) else None
        joined = (tokens[j].text.lower() in rules.JOINERS and j > i and j + 1 < len(tokens)
                  and is_modifier(tokens[j + 1]))
        if is_modifier(tokens[j]) or joined:
            j += 1
        else:
            return None
    return None


def closed_name_at(tokens: Sequence[Token], i: int) -> int:
    """Length of the closed name ("Организации Объединенных Наций") starting at tokens[i], or 0."""
    for name in closed_keys():
        window = tokens[i:i + len(name)]
        if len(window) == len(name) and all(t.is_word and t.lemma == n for t, n in zip(window, name, strict=True)):
            return len(name)
    return 0


@cache
def by_first_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases (in their order) under their first word: phrase_at runs at most every token."""
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        grouped.setdefault(phrase[0], []).append(phrase)
    return {word: tuple(group) for word, group in grouped.items()}


def phrase_at(tokens: Sequence[Token], i: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """Length of the first of the word sequences that stands at tokens[i], or 0."""
    if i >= len(tokens) or not tokens[i].is_word:
        return 0
    for phrase in by_first_word(phrases).get(tokens[i].text, ()):
        window = tokens[i:i + len(phrase)]
        if len(window) == len(phrase) and all(t.is_word and t.text == p for t, p in zip(window, phrase, strict=True)):
            return len(phrase)
    return 0


def preposition_at(tokens: Sequence[Token], i: int) -> int:
    """Length of a name preposition ("по", "в области") at tokens[i], or 0."""
    return phrase_at(tokens, i, rules.NAME_PREPOSITIONS)


def insert_at(tokens: Sequence[Token], i: int) -> int:
    """Length of a dated instrument's insert ("1949 года", "(№ 97)") at tokens[i], or 0."""
    for pattern in INSERT_PATTERNS:
        window = tokens[i:i + len(pattern)]
        if len(window) == len(pattern) and all(p.fullmatch(t.text) for p, t in zip(pattern, window, strict=True)):
            return len(pattern)
    return 0


def complement_cases(tokens: Sequence[Token], head: int, k: int) -> frozenset[str]:
    """Cases of the words right after the name's prepositions before tokens[k] ("о предупреждении": loct)."""
    found: frozenset[str] = frozenset()
    for j in range(head + 1, k):
        n = preposition_at(tokens, j)
        if n and j + n < k:
            found |= cases(tokens[j + n])
    return found


def parenthetical(tokens: Sequence[Token], k: int, head: int) -> int:
    """An aside at the comma tokens[k] that the name's complement resumes after:
    ", особенно женщинами и детьми, и наказании…" takes the tokens up to that "и"."""
    opener = phrase_at(tokens, k + 1, rules.PARENTHETICAL_OPENERS)
    if not opener:
        return 0
    j = k + 1 + opener
    while j < len(tokens) and tokens[j].is_word and j - k - 1 - opener < rules.PARENTHETICAL_MAX_WORDS:
        j += 1
    if j + 2 >= len(tokens) or tokens[j].text != "," or tokens[j + 1].text not in rules.JOINERS:
        return 0
    return j + 2 - k if cases(tokens[j + 2]) & complement_cases(tokens, head, k) else 0


def is_pronoun(token: Token) -> bool:
    return token.is_word and any(p.tag.POS == "NPRO" and p.normal_form in rules.PRONOUN_LEMMAS
                                 for p in parses(token.text))


def is_place(token: Token) -> bool:
    """A place a name may end with ("…безопасности в Абьее"), not a city where bodies meet or teams
    play ("Комитет в Нью-Йорке", "Лиги чемпионов в Манчестере")."""
    return token.capitalised and token.lemma not in rules.VENUES and any(
        rules.PLACE_TAG in p.tag and p.tag.case == "loct" for p in parses(token.text))


def is_person(token: Token) -> bool:
    return token.capitalised and any(rules.PERSON_TAGS & p.tag.grammemes for p in parses(token.text))


def person_continues(tokens: Sequence[Token], k: int, head: int) -> bool:
    """Whether the person's name at tokens[k] belongs to the name (rules.PERSON_TAGS)."""
    genitive_person = any(rules.PERSON_TAGS & p.tag.grammemes and p.tag.case == "gent" for p in parses(tokens[k].text))
    adjective = head > 0 and is_modifier(tokens[head - 1]) and bool(cases(tokens[head - 1]) & cases(tokens[head]))
    bare_head = k - 1 == head and not adjective
    return genitive_person and (bare_head or is_person(tokens[k - 1]))


def bracketed_modifier(tokens: Sequence[Token], k: int, head: int) -> bool:
    """An adjective in brackets agreeing with the head: "Конвенция … (пересмотренная)"."""
    window = tokens[k:k + BRACKETED_TOKENS]
    return (len(window) == BRACKETED_TOKENS and window[0].text == "(" and window[2].text == ")"
            and is_modifier(window[1]) and not window[1].capitalised and bool(cases(window[1]) & cases(tokens[head])))


def starts_new_name(tokens: Sequence[Token], i: int) -> bool:
    return tokens[i].capitalised and not tokens[i].acronym and head_of(tokens, i) is not None


@lru_cache(maxsize=65536)
def word_likely_verb(word: str) -> bool:
    return parses(word)[0].tag.POS in rules.VERB_POS


def likely_verb(token: Token) -> bool:
    """A word whose likeliest reading is a verb ("были", though «быль» has a genitive "были")."""
    return token.is_word and word_likely_verb(token.text)


def genitive(token: Token) -> bool:
    return token.is_word and (token.text in rules.GENITIVE_FUNCTION_WORDS or "gent" in cases(token))


def listed_words(tokens: Sequence[Token], k: int) -> int:
    """A list inside a name: "по суше, морю и воздуху" takes ", морю и воздуху" (4 tokens)."""
    window = tokens[k - 1:k + LISTED_TOKENS]  # and the word before the comma
    if len(window) < LISTED_TOKENS + 1 or window[3].text not in rules.JOINERS:
        return 0
    before, first, last = cases(window[0]), cases(window[2]), cases(window[4])
    plain = not (window[2].capitalised or window[4].capitalised)
    return LISTED_TOKENS if plain and before & first & last else 0


def quoted_names(tokens: Sequence[Token], unit: int) -> list[NameMention]:
    """Names in guillemets after a word of rules.QUOTED_NAME_AFTER: проект «Метрополис»."""
    found: list[NameMention] = []
    if not any(token.text == "«" for token in tokens):
        return found
    for i in range(1, len(tokens) - 2):
        if tokens[i].text != "«" or not tokens[i + 1].capitalised or tokens[i + 2].text != "»":
            continue  # the shape first: the word before needs its parses
        if tokens[i - 1].is_word and tokens[i - 1].lemma in rules.QUOTED_NAME_AFTER:
            word = tokens[i + 1]
            found.append(NameMention(word.text, unit, word.start, word.stop, False, quoted=True))
    return found


def with_complement(tokens: Sequence[Token], k: int) -> bool:
    """"с" + an instrumental after a noun of rules.WITH_COMPLEMENT_NOUNS: "по связям | с общественностью"."""
    nxt = tokens[k + 1]
    return (tokens[k].text == rules.WITH_PREPOSITION and tokens[k - 1].lemma in rules.WITH_COMPLEMENT_NOUNS
            and nxt.is_word and not nxt.capitalised and "ablt" in cases(nxt))


def quoted_word_joined(tokens: Sequence[Token], k: int, previous: Token) -> bool:
    """"и" + a lower-case word in quotation marks, in the case of the word before "и"."""
    window = tokens[k + 1:k + 4]
    return (len(window) == 3 and window[0].text in rules.INNER_QUOTES and window[2].text in rules.INNER_QUOTES
            and window[1].is_word and not window[1].capitalised and bool(cases(window[1]) & cases(previous)))


def next_step(tokens: Sequence[Token], k: int, head: int, after_prep: bool) -> tuple[int, bool]:
    """How many tokens the name takes at tokens[k] (0 = the name ends), and whether a preposition was taken."""
    token = tokens[k]
    if token.text == ",":
        return listed_words(tokens, k) or (parenthetical(tokens, k, head) if after_prep else 0), after_prep
    if token.text == "(":
        return (BRACKETED_TOKENS if bracketed_modifier(tokens, k, head) else 0), after_prep
    if not token.is_word:
        return 0, after_prep
    previous = tokens[k - 2] if tokens[k - 1].acronym and k - 2 > head else tokens[k - 1]
    if token.capitalised and not previous.capitalised and starts_new_name(tokens, k):
        return closed_name_at(tokens, k), after_prep
    if token.acronym:
        return (1, after_prep) if k > head + 1 else (0, after_prep)
    if is_person(token) and not person_continues(tokens, k, head):
        return 0, after_prep
    if token.text in rules.JOINERS:
        if after_prep and preposition_at(tokens, k + 1):  # "о злоупотреблениях … и об обеспечении"
            return 1, after_prep
        if quoted_word_joined(tokens, k, previous):  # "Союз крестьян и «зеленых» Литвы"
            return 4, after_prep
        if k - 1 == head and k + 1 < len(tokens) and not tokens[k + 1].capitalised:
            return 0, after_prep  # "пункт 2 Декларации | и пункт 86": a bare head joins no lower-case word
        if k + 1 < len(tokens) and cases(tokens[k + 1]) & cases(previous) and not (
                tokens[k + 1].capitalised and starts_new_name(tokens, k + 1)):
            return 2, after_prep
        return 0, after_prep
    if k + 1 < len(tokens) and (
            (after_prep and token.text in rules.PRONOUN_PREPOSITIONS and is_pronoun(tokens[k + 1]))
            or (after_prep and with_complement(tokens, k))
            or (token.text in rules.PLACE_PREPOSITIONS and is_place(tokens[k + 1]))):
        return 2, after_prep
    prep = preposition_at(tokens, k)
    if prep:
        if tokens[head].lemma in rules.HEADS_WITHOUT_COMPLEMENT or (k - 1 > head and is_country(tokens[k - 1])):
            # "Банка России | по инфляции": after the country a body belongs to, a complement is the sentence's
            return 0, after_prep
        return (prep, True) if k + prep < len(tokens) and tokens[k + prep].is_word else (0, after_prep)
    if (genitive(token) or (after_prep and cases(token))) and not likely_verb(token):
        if tokens[head].lemma in rules.HEADS_WITHOUT_COMPLEMENT and not token.capitalised:
            return 0, after_prep  # "Генеральной Ассамблеи | предложения", but "…секретарь Организации…"
        return 1, after_prep
    return 0, after_prep


def name_end(tokens: Sequence[Token], head: int) -> int:
    """Index just past the last token of the name whose head is tokens[head]."""
    closed = closed_name_at(tokens, head)
    if closed and tokens[head].lemma == closed_keys()[0][0]:
        return head + closed
    k, after_prep = head + 1, False
    while tokens[head].lemma in rules.DATED_HEADS and insert_at(tokens, k):
        k += insert_at(tokens, k)
    end = k
    while k < len(tokens):
        step, after_prep = next_step(tokens, k, head, after_prep)
        if step == 0:
            break
        k += step
        last = tokens[k - 1]
        if (last.is_word and last.text not in rules.JOINERS and not preposition_at(tokens, k - 1)) or last.text == ")":
            end = k
    return end


def lower_case_names(text: str, tokens: Sequence[Token], unit: int, masked: Sequence[tuple[int, int]],
                     heads: Sequence[int]) -> list[NameMention]:
    """Names whose head (one of the indices heads) is written in lower case before a capital ("созыва
    конференции Организации Объединенных Наций по…"), outside the spans taken already; kept only where
    a capitalised mention or the reference table confirms them (glossary.termbase)."""
    found = []
    for i in heads:
        token = tokens[i]
        if i + 1 == len(tokens) or not tokens[i + 1].capitalised or tokens[i + 1].acronym or token.capitalised:
            continue
        if any(a <= token.start < b for a, b in masked):
            continue
        end = name_end(tokens, i)
        if end > i + 1:
            found.append(NameMention(text[token.start:tokens[end - 1].stop], unit, token.start, tokens[end - 1].stop,
                                     False, lower=True))
    return found


# A capitalised word alone in guillemets (the shape quoted_names looks for after a word).
QUOTED_WORD = re.compile(rf"«\s*({COMPOUND_WORD.pattern})\s*»")


def may_hold_name(text: str) -> bool:
    """False when no word of the text is a name head and no capitalised word stands in guillemets after a
    word (quoted_names): most sentences, told without tokens."""
    if "\u2010" in text or "\u2011" in text:  # tokenize reads these hyphens as "-"
        return True
    if "«" in text and any(quoted_after_word(text, m) for m in QUOTED_WORD.finditer(text)):
        return True
    return any(map(word_is_head, COMPOUND_WORD.findall(text)))


def quoted_after_word(text: str, m: re.Match[str]) -> bool:
    """A capitalised word in the guillemets of m, with a word before them (a letter ends a word token)."""
    return m.group(1)[0].isupper() and LETTER_RUN.search(text[:m.start()].rstrip()[-1:]) is not None


def names_in(text: str, unit: int, masked: Sequence[tuple[int, int]] = ()) -> list[NameMention]:
    """Every name of a text, outside the masked spans (acronym definitions)."""
    if not may_hold_name(text):
        return []
    tokens = tokenize(text)
    heads = [k for k, t in enumerate(tokens) if t.is_word and word_is_head(t.text)]
    first = sentence_start(text)
    found, end = [], 0
    for i in name_starts(tokens, heads):
        if i < end:  # inside the name found last
            continue
        head = head_of(tokens, i)
        if head is None or any(a <= tokens[i].start < b for a, b in masked) or (i > 0 and tokens[i - 1].text == "«"):
            continue
        end = name_end(tokens, head)
        found.append(NameMention(text[tokens[i].start:tokens[end - 1].stop], unit, tokens[i].start,
                                 tokens[end - 1].stop, tokens[i].start == first))
    taken = [*masked, *((n.start, n.stop) for n in found)]
    quoted = quoted_names(tokens, unit) if "«" in text else []  # a "«" in the text is a token of its own
    return found + quoted + lower_case_names(text, tokens, unit, taken, heads)


def name_starts(tokens: Sequence[Token], heads: Sequence[int]) -> list[int]:
    """The capitalised tokens a name may start at, in order: those with a head (one of the indices heads)
    at or after them in their run of words, for head_of reads no further than the run."""
    starts: list[int] = []
    seen = -1  # the tokens up to here have been looked at
    for h in heads:
        k = h
        while k - 1 > seen and tokens[k - 1].is_word:
            k -= 1
        starts.extend(j for j in range(k, h + 1) if tokens[j].capitalised)
        seen = h
    return starts


def find_names(units: Sequence[Unit], masked: dict[int, list[tuple[int, int]]]) -> list[NameMention]:
    """Every name of every unit; a text seen before (a repeated sentence) is not read again."""
    found: list[NameMention] = []
    # keyed by the text alone when nothing of it is masked, and () for no name: most units, and little memory
    seen: dict[str | tuple[str, tuple[tuple[int, int], ...]], Sequence[NameMention]] = {}
    for i, u in enumerate(units):
        spans = tuple(masked.get(i, ()))
        key = (u.source, spans) if spans else u.source
        earlier = seen.get(key)
        if earlier is None:
            names = names_in(u.source, i, spans)
            seen[key] = names or ()
            found.extend(names)
        else:
            found.extend(NameMention(m.phrase, i, m.start, m.stop, m.initial, m.quoted, m.lower) for m in earlier)
    return found
