"""Dictionary forms of Russian names with pymorphy3: only the head phrase goes to the nominative.

"Международной организации труда" -> "Международная организация труда": the leading
adjectives and the head noun are inflected (nominative, singular, the head's gender);
the genitive dependents after the head stay as they are.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from tm.lang.morph import parse as parses  # the one cache of pymorphy3 parses, shared with the stages
from tm.lang.script import COMPOUND_WORD

if TYPE_CHECKING:
    import pymorphy3

QUOTED = re.compile(r"(?:«|<<|\")([^«»<>\"]+)(?:»|>>|\")")
ACRONYM_ENDING = re.compile(r"(?<=[А-ЯЁ])[а-яё]{1,3}$")
MODIFIER_POS = frozenset({"ADJF", "PRTF"})
JOINERS = frozenset({"и"})  # "Продовольственная и сельскохозяйственная организация"
GENDERS = ("masc", "femn", "neut")
ACRONYM_MIN_CAPITALS = 2  # "ВИЧ", "СПИДом"; one capital is just a capitalised word


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The normal form of one word, lower case; acronyms stay themselves."""
    if is_acronym_word(word):
        return ACRONYM_ENDING.sub("", word).lower()  # "СПИДом" -> "спид"
    return parses(word)[0].normal_form.replace("ё", "е")


@lru_cache(maxsize=65536)
def lemma_key(phrase: str) -> tuple[str, ...]:
    """A phrase reduced to lemmas, for matching inflected mentions: case and ending blind."""
    return tuple(lemma(m.group()) for m in COMPOUND_WORD.finditer(phrase))


@lru_cache(maxsize=65536)
def is_acronym_word(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return (len(letters) >= ACRONYM_MIN_CAPITALS and capitals >= ACRONYM_MIN_CAPITALS
            and word[:ACRONYM_MIN_CAPITALS].isupper())


def has_pos(word: str, pos: frozenset[str]) -> bool:
    return any(p.tag.POS in pos for p in parses(word))


@dataclass(frozen=True, slots=True)
class Agreement:
    case: str
    number: str
    gender: str


def agreement_of(parse: pymorphy3.analyzer.Parse) -> Agreement:
    return Agreement(str(parse.tag.case), str(parse.tag.number), str(parse.tag.gender))


def modifier_agrees(word: str, target: Agreement) -> bool:
    """Whether some reading of an adjective agrees with the head reading."""
    for p in parses(word):
        if p.tag.POS in MODIFIER_POS and p.tag.case == target.case and p.tag.number == target.number:
            if target.number == "plur" or p.tag.gender in (None, target.gender):
                return True
    return False


def head_index(words: list[str]) -> int | None:
    """The first noun after leading adjectives (and "и" between them), if the phrase starts so."""
    for i, word in enumerate(words):
        if is_acronym_word(word):
            return None
        if word.lower() in JOINERS and i > 0:
            continue
        adjective_first = parses(word)[0].tag.POS in MODIFIER_POS and i + 1 < len(words) and has_pos(
            words[i + 1], frozenset({"NOUN"}))  # "Рижского мирного соглашения": "мирного" is no noun here
        if has_pos(word, frozenset({"NOUN"})) and not adjective_first and (
                i > 0 or len(words) == 1 or not has_pos(word, MODIFIER_POS)):
            return i
        if not has_pos(word, MODIFIER_POS):
            return None
    return None


def head_parse(head: str, modifiers: list[str]) -> pymorphy3.analyzer.Parse:
    """The noun reading of the head that its adjectives agree with (first reading otherwise)."""
    nouns = [p for p in parses(head) if p.tag.POS == "NOUN"]
    for p in nouns:
        target = agreement_of(p)
        if all(modifier_agrees(m, target) for m in modifiers):
            return p
    return nouns[0]


# Heads a name uses in the plural ("Временные силы…", "Цели развития тысячелетия"): kept plural.
PLURAL_NAME_HEADS = frozenset({"сила", "стандарт", "цель", "соглашение", "средство", "инвестиция", "принцип",
                               "правило"})


def inflect_head(parse: pymorphy3.analyzer.Parse) -> pymorphy3.analyzer.Parse:
    """Nominative singular when the noun has one (plural-only nouns stay plural, and so do the
    plural heads of PLURAL_NAME_HEADS)."""
    if parse.tag.number == "plur" and parse.normal_form.replace("ё", "е") in PLURAL_NAME_HEADS:
        return parse.inflect({"nomn", "plur"}) or parse
    return parse.inflect({"nomn", "sing"}) or parse.inflect({"nomn"}) or parse


# Adjective lemmas a name never means when another reading fits: "Временного секретариата" is
# "временный", not "временной" (of time in grammar).
DISPREFERRED_LEMMAS = frozenset({"временной"})


INFLECTED_GRAMMEMES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct", "voct", "gen2", "acc2", "loc2",
                                  "sing", "plur", "masc", "femn", "neut", "anim", "inan", "Infr", "V-ej", "V-oy"})


def common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def inflect_modifier(word: str, source: Agreement, head: pymorphy3.analyzer.Parse) -> str:
    """The adjective in the head's new form; of the lexeme's forms, the one closest to the word
    ("Высшего" -> "Высший", not "Высочайший", which pymorphy3 also files as its superlative)."""
    number = str(head.tag.number)
    wanted = {"nomn", number} | ({str(head.tag.gender)} if number == "sing" and head.tag.gender in GENDERS else set())
    readings = [p for p in parses(word)
                if p.tag.POS in MODIFIER_POS and p.tag.case == source.case and p.tag.number == source.number]
    readings = [p for p in readings if p.normal_form not in DISPREFERRED_LEMMAS] or readings
    lower = word.lower()
    for p in readings:
        kept = p.tag.grammemes - INFLECTED_GRAMMEMES  # a participle keeps its tense and voice
        forms = [f for f in p.lexeme if (wanted | kept) <= f.tag.grammemes]
        if forms:
            return max(forms, key=lambda f: (common_prefix(f.word, lower), -len(f.word))).word
        form = p.inflect(wanted)
        if form is not None:
            return form.word
    return word


def match_case(original: str, new: str) -> str:
    """Carry the original's capitalisation over to the inflected word."""
    if "ё" not in original.lower():
        new = new.replace("ё", "е")  # UN texts write "Объединенных", pymorphy gives "Объединённых"
    old_parts, new_parts = original.split("-"), new.split("-")
    if len(old_parts) == len(new_parts):  # "Северо-Западного" -> "Северо-Западное"
        pairs = zip(old_parts, new_parts, strict=True)
        return "-".join(n[:1].upper() + n[1:] if o[:1].isupper() else n for o, n in pairs)
    if original[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def dictionary_form(phrase: str) -> str:
    """The phrase as a translator enters it: head phrase in the nominative singular."""
    quoted = QUOTED.fullmatch(phrase)
    if quoted:  # «Армия сопротивления Бога»: the name in quotation marks, without them
        return quoted.group(1)
    matches = list(COMPOUND_WORD.finditer(phrase))
    words = [m.group() for m in matches]
    head = head_index(words)
    if head is None:
        return phrase
    modifiers = [w for w in words[:head] if w.lower() not in JOINERS]
    chosen = head_parse(words[head], modifiers)
    source = agreement_of(chosen)
    target = inflect_head(chosen)
    new = {head: match_case(words[head], target.word)}
    for i in range(head):
        if words[i].lower() not in JOINERS:
            new[i] = match_case(words[i], inflect_modifier(words[i], source, target))
    return replace_words(phrase, matches, new)


def replace_words(phrase: str, matches: list[re.Match[str]], new: dict[int, str]) -> str:
    out, last = [], 0
    for i, m in enumerate(matches):
        out.append(phrase[last:m.start()])
        out.append(new.get(i, m.group()))
        last = m.end()
    out.append(phrase[last:])
    return "".join(out)
