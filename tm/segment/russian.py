"""Russian sentence segmentation: razdel, plus rules for UN text.

razdel proposes sentences; each boundary between two of them is then checked by the JOIN
rules (small predicates over the text on its left and right: an abbreviation that never ends
a sentence, an initial, an open quote, an enumeration "1) ...; 2) ..."). A boundary any rule
joins disappears. SPLIT rules then add the boundaries razdel misses ("в 2002 г. В докладе").
Sentences are always exact slices of the paragraph.

For speed, razdel only sees the stretches that need judgement: the paragraph is first cut at
plain sentence ends (a lowercase word that is no abbreviation, or a closing bracket or quote;
then . ! ?, a space and a capital that is no initial; quotes and brackets balanced), and a
stretch with no other . ! ? … inside is one sentence. On the report and 2,000 sentences of
news and Wikipedia text this gives razdel's result but once: "...окружающих гор. Из глубины"
is split here, where razdel takes "гор." for an abbreviation.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from razdel import sentenize

from tm.lang.ru_abbreviations import (
    CITY,
    CONTINUED_BY,
    NEVER_FINAL,
    ROMAN_LETTERS,
    abbreviation_words,
)

SENTENCE_END = re.compile(r"[.!?…][»”\"')\]]*$")
FIRST_LETTER = re.compile(r"^[\s«“\"'(\[—–-]*(\w)")
CLOSING_START = re.compile(r"^[»”)\],;:]")
INITIAL = re.compile(r"(?:^|[\s(«“])(?P<letter>[А-ЯЁA-Z])\.$")
LAST_WORDS = re.compile(r"(?:^|\s)(?P<abbr>(?:\w+\.\s?)?\w+\.)$")
CITY_AFTER_WORD = re.compile(r"(?:^|[^\d\s])\s+г\.$|^г\.$")
PAIRS = {"«": "»", "“": "”", "(": ")", "[": "]"}
# How much of the text before a boundary each rule reads: a sentence end and its closing marks,
# "г." and the end of the word before it, an abbreviation with the word before it ("т. е."), an
# initial with the space before it (" А.").
END_TAIL = 8
CITY_TAIL = 8
ABBREVIATION_TAIL = 12
INITIAL_TAIL = 3
ABBREVIATION_WORDS = abbreviation_words()
# A plain sentence end: . ! ? and a capital that is no initial ("В ходе", "ФАО", not "А."),
# after a closing bracket or quote or a lowercase word that is no abbreviation of the tables.
SENTENCE_GAP = re.compile(r"[.!?](?P<gap>\s+)(?=[«“]?[А-ЯЁ](?!\.))")
WORD_BEFORE = re.compile(r"[а-яё]{2,}$")
CLOSERS_BEFORE = tuple(")»”")
# A sentence mark with a gap after its token; the last mark of the token is the one to find, so the
# token is scanned once (r"[.!?…]\S*\s+\S" rescanned it from every mark: quadratic on "а.а.а.…").
INNER_END = re.compile(r"[.!?…][^\s.!?…]*\s+\S")

JoinRule = Callable[[str, str], bool]


def unterminated_left(left: str, right: str) -> bool:
    """ "диалог;" | "2) поощрение": only . ! ? … end a sentence (enumerations stay whole)."""
    return not SENTENCE_END.search(left[-END_TAIL:])


def lower_right(left: str, right: str) -> bool:
    """ "т. е." | "так": a sentence never starts with a lowercase letter."""
    match = FIRST_LETTER.match(right)
    return bool(match and match.group(1).islower())


def closing_right(left: str, right: str) -> bool:
    """ "вариант 1." | "», в котором": closing quotes and brackets belong to the left."""
    return bool(CLOSING_START.match(right))


def never_final_left(left: str, right: str) -> bool:
    """ "см." | "Приложение I": abbreviations that never end a sentence."""
    match = LAST_WORDS.search(left[-ABBREVIATION_TAIL:])
    if not match:
        return False
    abbr = match.group("abbr").lower()
    return abbr in NEVER_FINAL or abbr.split()[-1] in NEVER_FINAL


LAST_WORD = re.compile(r"\S+$")
FIRST_WORD = re.compile(r"[^\s,.;:!?)»”]+")


def continued_left(left: str, right: str) -> bool:
    """ "млн. долл." | "США": an abbreviation whose phrase goes on in a capitalised word."""
    last = LAST_WORD.search(left[-ABBREVIATION_TAIL:])
    words = CONTINUED_BY.get(last.group().lower()) if last else None
    first = FIRST_WORD.match(right.lstrip())
    return bool(words and first and first.group() in words)


def city_left(left: str, right: str) -> bool:
    """ "в г." | "Женеве": "г." after a word (not a year) is "город"."""
    return left.endswith(CITY) and bool(CITY_AFTER_WORD.search(left[-CITY_TAIL:]))


def initial_left(left: str, right: str) -> bool:
    """ "Кофи А." | "Аннан": a single capital with a period is an initial (Roman numerals aside)."""
    match = INITIAL.search(left[-INITIAL_TAIL:])
    return bool(match and match.group("letter") not in ROMAN_LETTERS)


def open_quote_left(left: str, right: str) -> bool:
    """ "«Миграция." | "Обзор» опубликован": a period inside quotes or brackets splits nothing."""
    return any(closer in right and left.count(opener) > left.count(closer) for opener, closer in PAIRS.items())


JOIN_RULES: tuple[JoinRule, ...] = (
    unterminated_left,
    lower_right,
    closing_right,
    never_final_left,
    continued_left,
    city_left,
    initial_left,
    open_quote_left,
)

# Boundaries razdel misses, as patterns whose group "gap" is the space between sentences.
SPLIT_RULES: tuple[re.Pattern[str], ...] = (
    # "в 2002 г. В докладе", "в 1990-х гг. Комиссия": a year abbreviation, then a capital.
    # (Patterns open with a literal and look behind, which keeps the scan fast.)
    re.compile(r"г(?:(?<=\d\sг)|(?<=\d-х\sг))г?\.(?P<gap>\s+)(?=[«“(]?[А-ЯЁ])"),
    # "в приложении I. Далее": a Roman numeral after a word, then a capitalised word.
    re.compile(r"[IVXLC](?<=[а-яё]\s[IVXLC])[IVXLC]*\.(?P<gap>\s+)(?=[«“(]?[А-ЯЁ][а-яё])"),
)


def joined_by(left: str, right: str) -> str:
    """Name of the first JOIN rule that holds for a boundary, or ""."""
    for rule in JOIN_RULES:
        if rule(left, right):
            return rule.__name__
    return ""


def razdel_spans(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """razdel's sentences of text[start:stop], with the boundaries our JOIN rules reject removed."""
    spans: list[tuple[int, int]] = []
    for piece in sentenize(text[start:stop]):
        if spans and joined_by(text[spans[-1][0]:spans[-1][1]], piece.text):
            spans[-1] = (spans[-1][0], start + piece.stop)
        else:
            spans.append((start + piece.start, start + piece.stop))
    return spans


def balanced(text: str, pairs: tuple[tuple[str, str], ...] = tuple(PAIRS.items())) -> bool:
    return all(text.count(opener) == text.count(closer) for opener, closer in pairs)


def pairs_in(text: str) -> tuple[tuple[str, str], ...]:
    """The quote and bracket pairs of which text holds either mark (the others always balance)."""
    return tuple((opener, closer) for opener, closer in PAIRS.items() if opener in text or closer in text)


def plain_end(text: str, end: int) -> bool:
    """True when the . ! ? at end closes a sentence whatever razdel would say."""
    if text.endswith(CLOSERS_BEFORE, 0, end):
        return True
    word = WORD_BEFORE.search(text, max(0, end - ABBREVIATION_TAIL), end)
    return word is not None and word.group() not in ABBREVIATION_WORDS


def plain_stretches(text: str) -> list[tuple[int, int]]:
    """The paragraph cut at plain sentence ends, which no rule would join."""
    spans, start = [], 0
    pairs = pairs_in(text)
    for match in SENTENCE_GAP.finditer(text):
        end = match.start()
        if plain_end(text, end) and (not pairs or balanced(text[start:end], pairs)):
            spans.append((start, end + 1))
            start = match.end("gap")
    spans.append((start, len(text)))
    return spans


def judged_spans(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """One stretch: razdel and the JOIN rules decide only where there is something to decide."""
    if INNER_END.search(text, start, stop):
        return razdel_spans(text, start, stop)
    return [(start, stop)]


def missed_gaps(text: str) -> list[tuple[int, int]]:
    """The gaps between sentences that razdel misses, found by the SPLIT rules."""
    return sorted(match.span("gap") for rule in SPLIT_RULES for match in rule.finditer(text))


def split_at(spans: list[tuple[int, int]], gaps: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut the spans at the gaps that fall inside them."""
    result = []
    for start, stop in spans:
        for gap_start, gap_stop in gaps:
            if start < gap_start and gap_stop < stop:
                result.append((start, gap_start))
                start = gap_stop
        result.append((start, stop))
    return result


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, stop) offsets of the Russian sentences of one paragraph."""
    if INNER_END.search(text) is None:  # most paragraphs: a plain stretch's cut, razdel's and a SPLIT gap each need one
        return [(0, len(text))] if text.strip() else []
    spans = [
        span
        for plain_start, plain_stop in plain_stretches(text)
        for span in judged_spans(text, plain_start, plain_stop)
    ]
    gaps = missed_gaps(text)
    if gaps:
        spans = split_at(spans, gaps)
    return [(start, stop) for start, stop in spans if text[start:stop].strip()]


def segment_russian(text: str) -> list[str]:
    """Split one Russian paragraph into sentences."""
    return [text[start:stop] for start, stop in sentence_spans(text)]

