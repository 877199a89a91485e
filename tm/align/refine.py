"""Splitting aligned beads further at headline boundaries that both languages agree on.

A headline has no final punctuation, so once a document's lines are joined it runs into the next
sentence ("…народ Хабаровска Врио главы…"). Inside the first sentence of a paragraph, where
headlines sit, a cut before a capitalised word or a number is a soft boundary unless a veto
rule the language's profile lists (VETO_RULES, tm.lang) vetoes it: the two words belong to one
noun phrase or name ("постоянный секретарь | Нобелевского комитета", "Эммы | Стоун",
"the Middle | East"). Later sentences are cut only before a capitalised function or common
word. A bead is cut in two where the halves (length and anchors) plus the price of the two soft
boundaries cost less than the whole plus what the DP charges a 2-2 bead.

Names are never cut, in either language, whatever the profile's vetoes say: a cut before a
name-like word after a capitalised one is dropped when the other side holds the two names side by
side ("Rahul | Dravid" ↔ "Рахул Дравид"), and a cut pair is refused when an anchor found once on each
side (a name, a number, a Latin word) would end up in different halves ("Университете | Дэлхаузи"
↔ "Dalhousie … Nova | Scotia", "…2015 года | Председатель" ↔ "…dated 30 | January 2015").
"""
from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from tm.align.anchors import word_anchors
from tm.align.beads import LENGTH_COST_CAP
from tm.lang import known_profiles, profile
from tm.lang.morph import known_word, parse
from tm.lang.profile import LanguageProfile
from tm.lang.script import RUSSIAN_LETTER

SOFT_CUT = re.compile(r"(?<=[\w\"»”)])[\"»”)]*(?P<cut>\s+)[\"«“(]?(?P<word>[A-ZА-ЯЁ\d][\w.’']*(?:-\w+)*)")
# razdel keeps "…отметки. решение о…" whole (lower case after the stop); the gold often does not.
STOP_BEFORE_LOWER = re.compile(r"[.!?…][\"»”]?(\s+)(?=[a-zа-яё])")
# razdel keeps "…в 1100 г. н. э. Его статус…", "…Петр I. В своей речи…" whole: an abbreviation
# that often ends a sentence, then a capital.
STOP_BEFORE_UPPER = re.compile(
    r"(?:\d\s?гг?|н\.\s?э|до\s?н\.\s?э|км/ч|м/с|\b[IVX]{1,4}|A\.D|B\.C|BCE|etc|a\.m|p\.m)\.(\s+)(?=[\"«“(]?[A-ZА-ЯЁ])")
LAST_WORD = re.compile(r"(\w+(?:[-’']\w+)*)(\W*)$")
WORD = re.compile(r"\w+(?:[-’']\w+)*")
# The last lower-case word before a run of capitalised words that reaches the end ('the | Red Cross').
OPENER_BEFORE_CAPITALS = re.compile(r"(?:^|\s)([a-zа-яё]+)(?:\s+[A-ZА-ЯЁ][\w’'-]*)+\s*$")
# A capitalised word and a lower-case one at the end of a text: 'Russian singer'.
NATIONALITY_AND_NOUN = re.compile(r"(?:^|\s)([A-ZА-ЯЁ][\w]+)\s+[a-zа-яё]+\s*$")
# The article and the preposition that open a multi-word name ('the Executive Board', 'Republic of South
# Sudan'); after 'for', 'in', 'with' a headline ends in a name ('…head off for Toronto | Washington winger…').
NAME_OPENERS = frozenset({"the", "of"})
# Endings of a capitalised word that opens a clause rather than going on a name: a possessive, a gerund.
CLAUSE_OPENING_ENDINGS = ("'s", "’s", "ing")
# What follows a label rather than a word: 'Annexes A and B', 'приложения С, за 2011'.
LABEL_NEXT = re.compile(r"\s*(?:[,;:)]|$|\s(?:and|or|и|или)\s)")
ROMAN = re.compile(r"[IVXLC]+\.?")
NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
PERSON_TAGS = frozenset({"Name", "Surn", "Patr"})
ERAS = frozenset({"A.D", "B.C", "AD", "BC", "BCE", "CE"})
CLOSING = frozenset({'"', "»", "”", "\")"})
CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct", "gen2", "acc2", "loc2"})
# An uncut bead that could be cut on both sides holds two sentence pairs: it pays what the DP charges
# a 2-2 bead, so that the halves' costs and the whole's compare as the DP would compare them.
MERGED_PRICE = 1.0
MIN_PIECE = 12  # characters; shorter pieces are never cut off
MAX_CUTS = 12
LAST_WORD_TAIL = 80  # characters before a cut searched for its last word

# How sure a cut is: a sentence boundary, a soft cut before a word that mostly starts sentences
# ("In", "The", "Это"), before a capitalised common word ("Врио", "Mexico's"), or before a name or
# a number ("Microsoft", "40 new ships"), which start sentences after headlines too. NAME is a
# name-like word the language's dictionary knows as a name or not at all ("Кипр", "Сафухан").
HARD, STRONG, WEAK, NAMELIKE, NAME = 0, 1, 2, 3, 4
# The price of cutting at a boundary of each strength: the halves must match this much better.
CUT_PRICE = {HARD: 0.0, STRONG: 0.35, WEAK: 0.6, NAMELIKE: 0.8, NAME: 0.8}
# A function word of either language: Russian text quotes English names ("газета The | Guardian"),
# and a capitalised one mid-text starts a sentence the segmenter missed.
FUNCTION_WORDS = frozenset().union(*(p.function_words for p in known_profiles().values()))
PairCost = Callable[[str, str], float]
Cut = tuple[int, int]  # (offset in the joined text, strength)


@dataclass(frozen=True, slots=True)
class Boundary:
    """A soft cut seen from its two words: the last word before it, what lies between, the next word."""

    before: str
    gap: str
    after: str
    quoted: bool = False  # a quotation or a bracket opened before the cut is still open
    left: str = ""  # the sentence before the gap
    rest: str = ""  # the sentence after the word


# The strength of a soft cut at an offset of a sentence, before a word, 0 where it is vetoed; the
# flag says the sentence opens a paragraph.
CutTest = Callable[[str, int, str, bool], int]


@dataclass(frozen=True, slots=True)
class Piece:
    """Source text aligned with target text, with the bead's shape and score."""

    source: str
    target: str
    score: float
    shape: str


# ---- the word-level facts the vetoes read ----

def capitalised(word: str) -> bool:
    return word[:1].isupper()


def latin(word: str) -> bool:
    return word[:1].isascii() and word[:1].isalpha()


def plain_gap(b: Boundary) -> bool:
    """Only spaces between the words: no quote or bracket closes or opens a phrase there."""
    return not b.gap.strip()


def opens_quote(b: Boundary) -> bool:
    return b.gap.endswith(("\"", "«", "“"))  # the gap ends where the word starts


@functools.lru_cache(maxsize=65536)
def in_dictionary(word: str) -> bool:
    """pymorphy3 finds the word, or a known word under a prefix ('Оперштаб'), rather than guessing ('Пфанненштиль')."""
    parses = parse(word.lower())
    return bool(parses) and type(parses[0].methods_stack[0][0]).__name__ == "DictionaryAnalyzer"


@functools.lru_cache(maxsize=65536)
def tags(word: str) -> tuple[frozenset[str], ...]:
    """The grammemes of each pymorphy3 parse of a Russian word, best first (guessed if unknown)."""
    return tuple(frozenset(p.tag.grammemes) for p in parse(word.lower()))


def first_tags(word: str) -> frozenset[str]:
    found = tags(word)
    return found[0] if found else frozenset()


def common_word(word: str) -> bool:
    """Known to the dictionary and not a name, place or organisation (pymorphy3's first parse)."""
    return known_word(word) and not (NAME_TAGS & first_tags(word))


def agrees(adjective: frozenset[str], noun: frozenset[str]) -> bool:
    """Same case and number, and the same gender in the singular."""
    if not ({"ADJF", "PRTF"} & adjective and {"NOUN", "ADJF", "PRTF"} & noun):
        return False
    same = ({"sing", "plur"} | CASES) & adjective <= noun
    gender = {"masc", "femn", "neut"} & adjective
    return same and ("plur" in adjective or not gender or bool(gender & noun) or "Ms-f" in noun)


# ---- vetoes: a soft cut here would split one phrase ----

def after_function_word(b: Boundary, lang: LanguageProfile) -> bool:
    """'в | Москве', 'the | Moscow': a preposition or article wants its noun."""
    return b.before.lower() in FUNCTION_WORDS


def before_bracket(b: Boundary, lang: LanguageProfile) -> bool:
    """'Артемом Суворовым | (Центристская партия)': a bracket explains what comes before it."""
    return "(" in b.gap


def inside_quotation(b: Boundary, lang: LanguageProfile) -> bool:
    """'в закон | "О закупках…"', 'the movie | "National Treasure"': a title quoted mid-sentence."""
    return opens_quote(b) and not capitalised(b.before)


def initial_or_numeral(b: Boundary, lang: LanguageProfile) -> bool:
    """'Петр | I', 'Ваник | А.', 'about 400 | A.D.': an initial, a regnal number, an era."""
    core = b.after.rstrip(".")
    initial = len(core) == 1 and b.after.endswith(".")
    return initial or (len(core) > 1 and bool(ROMAN.fullmatch(b.after))) or core.upper() in ERAS


def inside_open_quote(b: Boundary, lang: LanguageProfile) -> bool:
    """'группы "Руки | Вверх"', '(штат | Огайо)': the quotation or bracket is still open."""
    return b.quoted


def number_in_russian(b: Boundary, lang: LanguageProfile) -> bool:
    """'в 11 часов | 28 минут', 'превысило | 640 тысяч': Russian sentences after headlines start with words."""
    return b.after[:1].isdigit()


def after_verb(b: Boundary, lang: LanguageProfile) -> bool:
    """'назвали | Майка Помпео', 'украсили | Айя-Софию': a verb wants its object; headlines end in nouns."""
    return bool({"VERB", "INFN", "PRTS", "PRTF", "GRND"} & first_tags(b.before)) and b.before[:1].islower()


def apposition(b: Boundary, lang: LanguageProfile) -> bool:
    """'телеведущий | Александр', 'городе | Нант', 'главой | Минобороны': a common noun and a name."""
    if not (b.before[:1].islower() and RUSSIAN_LETTER.match(b.after)) or "NOUN" not in first_tags(b.before):
        return False
    after = first_tags(b.after)
    return not in_dictionary(b.after) or ("NOUN" in after and bool(NAME_TAGS & after))


def enclitic(b: Boundary, lang: LanguageProfile) -> bool:
    """'премьер-министром Сингапура | Ли Сянь Луном': 'ли', 'же', 'бы' never start a sentence."""
    return b.after.lower() in lang.enclitics


def place_word(b: Boundary, lang: LanguageProfile) -> bool:
    """'по адресу улица | Ставропольская', 'в городе | Нант': the name of a street, town, river."""
    return b.before.lower() in lang.place_words


def first_name(b: Boundary, lang: LanguageProfile) -> bool:
    """'Нападающий "Вашингтона" | Александр Овечкин': a first name goes with what precedes it."""
    return bool({"Name", "Patr"} & first_tags(b.after)) and RUSSIAN_LETTER.match(b.after) is not None


def opening_quote(b: Boundary, lang: LanguageProfile) -> bool:
    """'передает РИА | "Новости"', 'в закон | "О закупках"': in Russian a quotation mid-text is a name or title."""
    return opens_quote(b)


def latin_after_word(b: Boundary, lang: LanguageProfile) -> bool:
    """'газета | The Guardian', 'May 2020 | Update': a foreign name in Russian text."""
    return latin(b.after)


def emphasis(b: Boundary, lang: LanguageProfile) -> bool:
    """'остаются | ЗА старую версию': a common word in capitals is emphasis, not a sentence start."""
    return len(b.after) > 1 and b.after.isupper() and known_word(b.after) and "Abbr" not in first_tags(b.after)


def name_pair(b: Boundary, lang: LanguageProfile) -> bool:
    """'Эммы | Стоун', 'Манчестер | Сити', 'Эллис | Парке': two capitalised words of one name."""
    if not (plain_gap(b) and capitalised(b.before) and RUSSIAN_LETTER.match(b.after)):
        return False
    before, after = first_tags(b.before), first_tags(b.after)
    if not ({"NOUN", "ADJF"} & after or not in_dictionary(b.after)):
        return False  # a name does not go on with a verb, an adverb, a pronoun: 'Айя-Софию | Еще раз'
    if {"Name", "Patr"} & before or PERSON_TAGS & after:
        return True  # part of a person's name: 'Эммы | Стоун', 'Руслан | Хасбулатов'
    if not in_dictionary(b.before):
        # 'ФИФА | Президент' is two sentences; 'ASUS | Премией' is one
        return not (b.before.isupper() and in_dictionary(b.after) and any("nomn" in t for t in tags(b.after)))
    return not in_dictionary(b.after) or ("Fixd" in after and "Abbr" not in after)


def adjective_noun(b: Boundary, lang: LanguageProfile) -> bool:
    """'Эстонскую | Республику', 'Великой | Победы', 'голландская | Ост-Индская': agreement."""
    if not plain_gap(b) or b.after.lower() in FUNCTION_WORDS:  # 'выходные | В субботу': 'В' is no noun
        return False
    return any(agrees(x, y) for x in tags(b.before) for y in tags(b.after))


def genitive_continuation(b: Boundary, lang: LanguageProfile) -> bool:
    """'секретарь | Нобелевского комитета', 'оснащенности | ВМФ': a noun and its genitive."""
    if b.after.lower() in FUNCTION_WORDS:
        return False
    after = tags(b.after)
    if b.gap.strip() in CLOSING:  # 'Союз крестьян и "зеленых" | Литвы': a quoted name, then its genitive
        return "gent" in after[0] and "Fixd" not in after[0] and bool(NAME_TAGS & after[0])
    if not plain_gap(b) or "NOUN" not in first_tags(b.before):
        return False
    if any("ADJF" in t and "gent" in t for t in after):
        return True
    if len(b.after) > 1 and b.after.isupper():  # an acronym: 'парад | ВМФ', 'оснащенности | ВМФ России'
        return any("gent" in t for t in after)
    return "gent" in after[0] and "Fixd" not in after[0]


def title_before_name(b: Boundary, lang: LanguageProfile) -> bool:
    """'Hurricane | Hanna', 'Pope | Francis', 'July | 24': a title or a month wants what follows."""
    return plain_gap(b) and b.before.lower().rstrip(".") in lang.name_titles


def demonym(b: Boundary, lang: LanguageProfile) -> bool:
    """'the Russian | President', 'Chinese | Foreign Ministry': a nationality qualifies what follows;
    'Russian singer | Sergey Lazarev': a nationality and a noun name the person that follows."""
    if not plain_gap(b) or b.after.lower() in FUNCTION_WORDS:
        return False
    if capitalised(b.before):
        return b.before.lower().endswith(lang.demonym_endings)
    title = NATIONALITY_AND_NOUN.search(b.left)
    return title is not None and title.group(1).lower().endswith(lang.demonym_endings) and capitalised(b.after)


def possessive(b: Boundary, lang: LanguageProfile) -> bool:
    """"the Soviet's | Union Red Army": a possessive wants its noun."""
    return b.before.endswith(("'s", "’s")) and plain_gap(b)


def name_head(b: Boundary, lang: LanguageProfile) -> bool:
    """'the Nobel | Committee', 'Manchester | City', 'the Middle | East': the head of a name."""
    return plain_gap(b) and capitalised(b.before) and b.after.lower().rstrip(".,") in lang.name_heads


def title_case_run(b: Boundary, lang: LanguageProfile) -> bool:
    """'the Red | Cross', 'the Executive | Board', 'Republic of South | Sudan': capitalised words after
    'the' or 'of' are one name until a lower-case word ends it."""
    if not (plain_gap(b) and capitalised(b.before) and capitalised(b.after)) or b.after.lower() in lang.function_words:
        return False
    if b.after.lower().endswith(lang.demonym_endings + CLAUSE_OPENING_ENDINGS):
        return False  # 'in Donbass | Ukrainian military', 'Hanna | Mexico’s National', 'Donbass | Firing will'
    opener = OPENER_BEFORE_CAPITALS.search(b.left)
    return opener is not None and opener.group(1).lower() in NAME_OPENERS


def letter_label(b: Boundary, lang: LanguageProfile) -> bool:
    """'Annex | E to the Convention', 'Vitamin | K administration', 'Annexes | A and B', 'приложения | С,':
    a capital letter alone is a label; one that is a word of the language ('A man', 'В Москве') only
    before a comma, a bracket or 'and' ('A and B')."""
    if len(b.after) != 1 or not b.after.isalpha():
        return False
    return b.after.lower() not in lang.function_words or LABEL_NEXT.match(b.rest) is not None


def oblique_start(b: Boundary, lang: LanguageProfile) -> bool:
    """'признательность | Координатору', 'возложенной на него | Женевскими конвенциями': a noun or an
    adjective that is in no parse nominative goes on a phrase; a sentence starts with its subject."""
    found = tags(b.after)
    if any({"ADJF", "ablt"} <= t for t in found):
        return False  # an inverted copula opens with its predicate: 'Последним клубом Прозы был…'
    return bool(found) and all({"NOUN", "ADJF", "PRTF"} & t and "nomn" not in t for t in found)


def wants_more(b: Boundary, lang: LanguageProfile) -> bool:
    """'включая | Восточный Иерусалим', 'в которой | Совет постановил': a preposition, a conjunction
    or a relative pronoun never ends a sentence."""
    return bool({"PREP", "CONJ", "Apro"} & first_tags(b.before)) and b.before[:1].islower()


def list_marker(b: Boundary, lang: LanguageProfile) -> bool:
    """'…at the country level; (b) | National environmental policy': a list item goes on the sentence."""
    return b.gap.strip() == ")" and len(b.before) <= 3 and (b.before.isdigit() or b.before.islower())


Veto = Callable[[Boundary, LanguageProfile], bool]
# Every veto by name; a language's profile lists the ones it uses, in the order they are tried.
VETO_RULES: dict[str, Veto] = {rule.__name__: rule for rule in (
    after_function_word,
    before_bracket,
    inside_quotation,
    initial_or_numeral,
    inside_open_quote,
    number_in_russian,
    after_verb,
    apposition,
    enclitic,
    place_word,
    first_name,
    opening_quote,
    latin_after_word,
    emphasis,
    name_pair,
    adjective_noun,
    genitive_continuation,
    title_before_name,
    demonym,
    possessive,
    name_head,
    title_case_run,
    letter_label,
    list_marker,
    oblique_start,
    wants_more,
)}


def vetoed(b: Boundary, lang: LanguageProfile) -> bool:
    """A rule of the language says the two words belong together."""
    return any(VETO_RULES[name](b, lang) for name in lang.refine_vetoes)


def boundary(sentence: str, at: int, word: str) -> Boundary:
    """The Boundary of a soft cut at offset `at` before `word`."""
    left = sentence[:at]
    match = LAST_WORD.search(left[-LAST_WORD_TAIL:])
    gap_start = sentence.find(word, at)
    before = match.group(1) if match else ""
    tail = match.group(2) if match else ""
    return Boundary(before, tail + sentence[at:gap_start], word, open_quotation(left),
                    left[:len(left) - len(tail)], sentence[gap_start + len(word):])


def open_quotation(text: str) -> bool:
    """An odd number of straight quotes, or more opening than closing brackets, curly quotes, guillemets."""
    pairs = (("«", "»"), ("“", "”"), ("(", ")"))
    return text.count('"') % 2 == 1 or any(text.count(a) > text.count(b) for a, b in pairs)


# ---- cut points ----

def soft_cuts(sentence: str, test: CutTest, first: bool = True) -> list[Cut]:
    cuts = [(m.start("cut"), test(sentence, m.start("cut"), m.group("word"), first))
            for m in SOFT_CUT.finditer(sentence)]
    return sorted((c, strength) for c, strength in cuts if strength)


def stop_cuts(sentence: str, abbreviations: frozenset[str] = frozenset()) -> list[Cut]:
    """Stops the segmenter kept inside a sentence that may end one: before a lower-case word unless
    after an abbreviation of the language ('11 a.m. | and 1 p.m.', '131 млн. | евро'); after an
    abbreviation that often ends a sentence before a capital ('…в 1100 г. н. э. | Его статус…')."""
    lower = [m.start(1) for m in STOP_BEFORE_LOWER.finditer(sentence)]
    upper = [m.start(1) for m in STOP_BEFORE_UPPER.finditer(sentence)]
    kept = [at for at in lower if not after_abbreviation(sentence, at, abbreviations)]
    return [(at, WEAK) for at in kept + upper]


def after_abbreviation(sentence: str, at: int, abbreviations: frozenset[str]) -> bool:
    words = sentence[:at].split()
    return bool(words) and words[-1].lower().lstrip("(\"«“") in abbreviations


def cut_points(sentences: Sequence[str], test: CutTest, firsts: Sequence[bool],
               abbreviations: frozenset[str] = frozenset()) -> list[Cut]:
    """Where the joined text may be cut; sentence boundaries are hard. Headlines open paragraphs: later
    sentences are cut only before a capitalised function or common word ('…области | В Волгоградской…')."""
    out, offset = [], 0
    for n, sentence in enumerate(sentences):
        if n:
            out.append((offset - 1, HARD))
        inside = stop_cuts(sentence, abbreviations) + soft_cuts(sentence, test, firsts[n])
        out += [(offset + c, strength) for c, strength in sorted(inside)]
        offset += len(sentence) + 1
    return out


def usable(text: str, cuts: list[Cut]) -> list[Cut]:
    inside = [(c, soft) for c, soft in cuts if MIN_PIECE <= c <= len(text) - MIN_PIECE]
    return inside[:MAX_CUTS]


def allowed(s_strength: int, t_strength: int) -> bool:
    """Two hard cuts are the DP's business. Before a word the dictionary knows as a name, a sentence
    starts only if the other side's starts with a function word ('Экс-солист…' ↔ 'The ex-soloist…');
    against a capitalised common word it is one name in both ('Республики | Кипр' ↔ 'Occupied | State')."""
    if NAME in (s_strength, t_strength) and min(s_strength, t_strength) > STRONG:
        return False
    return 0 < s_strength + t_strength


def name_keys(word: str, lang: str) -> frozenset[str]:
    """The name anchors of a word ('Дравид' and 'Dravid' both give nm:drvd)."""
    return frozenset(a for a in word_anchors(word, profile(lang).code) if a.startswith("nm:"))


def names(text: str, lang: str) -> list[tuple[str, int]]:
    """Every name anchor of a text with the offset of its word."""
    return [(key, m.start()) for m in WORD.finditer(text) for key in name_keys(m.group(), lang)]


def anchors_at(text: str, lang: str) -> list[tuple[str, int]]:
    """Every anchor a word carries across languages (name, number, Latin word), with its offset."""
    code = profile(lang).code
    return [(key, m.start()) for m in WORD.finditer(text) for key in word_anchors(m.group(), code)]


def adjacent_names(text: str, lang: str) -> set[tuple[str, str]]:
    """Name anchors of every two words next to each other with only spaces between."""
    words = list(WORD.finditer(text))
    out = set()
    for a, b in pairwise(words):
        if not text[a.end():b.start()].strip():
            out |= {(x, y) for x in name_keys(a.group(), lang) for y in name_keys(b.group(), lang)}
    return out


def inside_name(text: str, at: int, lang: str, other: set[tuple[str, str]]) -> bool:
    """The cut at `at` falls between a capitalised word and a name-like one, spaces only between them,
    that the other side has side by side too ('Rahul | Dravid' ↔ 'Рахул Дравид', 'Kan | Seng' ↔
    'Кан Сенг'): one name, which no language cuts. A nationality ('…Donbass | Ukrainian…') starts
    sentences."""
    before = LAST_WORD.search(text[max(0, at - LAST_WORD_TAIL):at])
    after = WORD.match(text, at + len(text[at:]) - len(text[at:].lstrip()))
    if not before or not after or before.group(2) or text[at:after.start()].strip():
        return False
    left, right = before.group(1), after.group()
    if not (capitalised(left) and capitalised(right)) or right.lower().endswith(profile(lang).demonym_endings):
        return False
    return any((x, y) in other for x in name_keys(left, lang) for y in name_keys(right, lang))


def outside_names(text: str, cuts: list[Cut], lang: str, other_text: str, other_lang: str) -> list[Cut]:
    """The cuts that do not fall inside a name; only cuts before a name-like word are looked at."""
    other = adjacent_names(other_text, other_lang)
    return [(c, strength) for c, strength in cuts if strength < NAMELIKE or not inside_name(text, c, lang, other)]


def names_kept_together(source: str, target: str, langs: tuple[str, str]) -> list[tuple[int, int]]:
    """Where an anchor found once on each side (a name, a number, a Latin word) sits in each text: a
    cut must leave it on the same side of both texts ('…30 января 2015 года | Председатель…' is no
    cut against 'In a communication dated 30 | January 2015…')."""
    s_found, t_found = anchors_at(source, langs[0]), anchors_at(target, langs[1])
    s_count = Counter(k for k, _ in s_found)
    t_count = Counter(k for k, _ in t_found)
    t_at = {k: at for k, at in t_found if t_count[k] == 1}
    return [(at, t_at[k]) for k, at in s_found if s_count[k] == 1 and k in t_at]


def best_split(source: str, target: str, s_cuts: list[Cut], t_cuts: list[Cut],
               cost: PairCost, langs: tuple[str, str] = ("ru", "en")) -> tuple[int, int] | None:
    """The cut pair whose halves beat the whole (priced as a bead of two pairs) by more than their
    soft-boundary price, and that leaves no name found once on each side in different halves."""
    whole = cost(source, target) + MERGED_PRICE
    together = names_kept_together(source, target, langs)
    best, where = whole, None
    for sc, s_strength in s_cuts:
        for tc, t_strength in t_cuts:
            if not allowed(s_strength, t_strength):
                continue
            if any((s_at < sc) != (t_at < tc) for s_at, t_at in together):
                continue
            price = CUT_PRICE[s_strength] + CUT_PRICE[t_strength]
            left = cost(source[:sc].strip(), target[:tc].strip())
            right = cost(source[sc:].strip(), target[tc:].strip())
            total = left + right + price
            if total < best:
                best, where = total, (sc, tc)
    return where


def split_bead(source: str, target: str, s_cuts: list[Cut], t_cuts: list[Cut], cost: PairCost,
               langs: tuple[str, str] = ("ru", "en")) -> list[tuple[str, str]]:
    """Cut recursively while cutting pays."""
    where = best_split(source, target, usable(source, s_cuts), usable(target, t_cuts), cost, langs)
    if where is None:
        return [(source, target)]
    sc, tc = where
    left = split_bead(source[:sc], target[:tc],
                      [c for c in s_cuts if c[0] < sc], [c for c in t_cuts if c[0] < tc], cost, langs)
    right = split_bead(source[sc:].lstrip(), target[tc:].lstrip(),
                       shifted(s_cuts, source, sc), shifted(t_cuts, target, tc), cost, langs)
    return left + right


def shifted(cuts: list[Cut], text: str, at: int) -> list[Cut]:
    gap = len(text[at:]) - len(text[at:].lstrip())
    return [(c - at - gap, soft) for c, soft in cuts if c > at]


@dataclass(frozen=True, slots=True)
class Sides:
    """One bead's sentences on both sides, and which of them open a paragraph."""

    src: Sequence[str]
    tgt: Sequence[str]
    src_firsts: Sequence[bool]
    tgt_firsts: Sequence[bool]


def refine(sides: Sides, score: float, shape: str, cost: PairCost, tests: tuple[CutTest, CutTest],
           langs: tuple[str, str] = ("ru", "en")) -> list[Piece]:
    """The pieces of one bead, cut where both sides agree on a boundary, never inside a name."""
    source, target = " ".join(sides.src), " ".join(sides.tgt)
    if not sides.src or not sides.tgt:
        return [Piece(source, target, score, shape)]
    s_points = cut_points(sides.src, tests[0], sides.src_firsts, profile(langs[0]).abbreviations)
    t_points = cut_points(sides.tgt, tests[1], sides.tgt_firsts, profile(langs[1]).abbreviations)
    s_cuts = outside_names(source, s_points, langs[0], target, langs[1])
    t_cuts = outside_names(target, t_points, langs[1], source, langs[0])
    if all(strength == HARD for _, strength in s_cuts + t_cuts):
        return [Piece(source, target, score, shape)]
    parts = split_bead(source, target, s_cuts, t_cuts, cost, langs)
    if len(parts) == 1:
        return [Piece(source, target, score, shape)]
    return [Piece(s.strip(), t.strip(), score, "split") for s, t in parts]


def lower_case_words(sentences: Sequence[str]) -> set[str]:
    return {w for s in sentences for w in re.findall(r"\w+", s) if w[:1].islower()}


def cut_test(sentences: Sequence[str], lang: str) -> CutTest:
    """Strength of a soft cut by the word after it (function word, common word, name), 0 where vetoed.

    Outside a paragraph's first sentence, where headlines sit, a cut before a name is never taken."""
    lower = lower_case_words(sentences)
    facts = profile(lang)

    def rank(word: str) -> int:
        key = word.lower()
        if key in FUNCTION_WORDS:
            return STRONG
        common = key in lower or (facts.dictionary and common_word(word))
        if common:
            return WEAK
        return NAME if facts.dictionary else NAMELIKE

    def strength(sentence: str, at: int, word: str, first: bool) -> int:
        found = rank(word)
        if found >= NAMELIKE and not first:
            return 0
        return 0 if vetoed(boundary(sentence, at, word), facts) else found
    return strength


def gaussian_length_cost(ratio: float, variance: float) -> Callable[[int, int], float]:
    def cost(ls: int, lt: int) -> float:
        expected = ratio * ls
        delta = (lt - expected) / math.sqrt(variance * (expected + lt) / 2 + 1.0)
        return min(delta * delta / 2, LENGTH_COST_CAP)
    return cost
