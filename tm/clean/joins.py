"""What pdftotext lost where it joined two lines: the hyphen of a compound, a dash, put back by evidence.

pdftotext (default mode) joins a line ending in "-" to the next one and drops the "-", whether it
was hyphenation ("coopera-|tion"), a compound's own hyphen ("self-|governing") or a dash
("2012 -|2013"). The joined line is longer than the document's full line, and the joins sit about
one full line apart in it (devset-a02.en.txt line 143 holds four lines). At each join one word was
cut; the hyphen goes back into the word there only with evidence, strongest first:

- the document writes the compound with its hyphen elsewhere ("Secretary-General");
- the word's shape: a capital or a digit inside it ("UNHabitat", "NearEarth", "pre1967", "ШейхДжарре");
- the dictionary of the language, where it has one: the word is unknown but its hyphenated form, or
  both its halves, are known ("попрежнему", "семинарпрактикум", "информационнопросветительских");
- a prefix of the profile that always keeps its hyphen, before a word of the document ("selfreliance").

A dash goes back between two years, spaced or not ("2012 2013" is "2012 - 2013" cut after its " -",
"20122013" is "2012-2013"), or as the half of a " -- " the extractor took for a hyphen ("развития -это")
where the document writes " -- ".
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from tm.lang import LanguageProfile, profile
from tm.lang.morph import dictionary_knows, known_word
from tm.lang.script import LETTER

HYPHEN_RESTORED = "lost hyphen restored (dictionary)"
HYPHEN_RESTORED_BY_DOCUMENT = "lost hyphen restored (compound seen in the document)"
HYPHEN_RESTORED_BY_SHAPE = "lost hyphen restored (capital or digit inside a word)"
HYPHEN_RESTORED_BY_PREFIX = "lost hyphen restored (prefix that keeps its hyphen)"
HYPHEN_RESTORED_BY_PART = "lost hyphen restored (first part of the document's compounds)"
DASH_RESTORED = "dash restored at a join (the document writes \" -- \")"
YEAR_DASH_RESTORED = "dash restored between years at a join"
PAIR_DASH_RESTORED = "dash restored between words the document writes with one"

# A line this much longer than the document's full line holds a join.
JOINED_LINE_FACTOR = 1.1
JOIN_WINDOW = 0.25  # of the full line length, either side of k full lines
LINE_SPREAD = 0.2  # the full lines of a justified paragraph differ in length by up to this share
MIN_FULL_LINE = 20
MIN_PART = 2  # letters on each side of a hyphen put back by the document or the dictionary
# Letters of the halves when both are dictionary words: "семинар|практикум", not "ЮНА|МИД" nor "Бай|джи".
MIN_LEFT_WORD, MIN_RIGHT_WORD = 5, 5
COMPOUND_LINK = "о"  # "гендерно-|ориентированного"; not "Контракто|ром", "спонсиро|вания"
MIN_LINKED_WORD = 8
MIN_PREFIXED = 4  # letters after a prefix that keeps its hyphen
MIN_WORD_PART = 3  # letters after the first part of the document's compounds
EVIDENCE_LINES = 1024

# A word with its inner hyphens and digits: "nuclearweapon-free", "Тристан-даКунья", "pre1967".
TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
# Words as the vocabulary holds them: letters, hyphens inside ("co-operation").
VOCABULARY_WORD = re.compile(rf"{LETTER}+(?:-{LETTER}+)*(?![\w-])")
HALF_DASH = re.compile(r"(?<= )-(?=[^\W_])")  # "развития -это": the half of a " -- "
DOUBLE_DASH = " -- "
DASHED_PAIR = re.compile(rf"({LETTER}+) -{{1,2}} (?=({LETTER}+))")  # "государств - участников"
SPACED_PAIR = re.compile(rf"(?<![\w-])({LETTER}+) (?=({LETTER}+))")
YEAR = r"(?:19|20)\d\d"
SPACED_YEAR_PAIR = re.compile(rf"(?<![\d-]){YEAR} (?={YEAR}(?!\d))")  # "2012 2013"
GLUED_YEAR_PAIR = re.compile(rf"(?<![\d-]){YEAR}(?={YEAR}(?!\d))")  # "20122013"


@dataclass(frozen=True, slots=True)
class Repair:
    """A change at one place of a line: text[start:stop] becomes `text`, counted as `name`."""

    start: int
    stop: int
    text: str
    name: str
    rank: int  # lower is stronger evidence


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the document says about its words: how often each is written, and whether it writes " -- "."""

    words: Counter[str]
    first_parts: Counter[str]  # "non" of "non-governmental"
    later_parts: Counter[str]  # "governmental" of "non-governmental"
    dashed_pairs: frozenset[tuple[str, str]]  # ("государств", "участников") of "государств - участников"
    double_dash: bool


def compound_parts(word: str) -> Iterator[str]:
    """A hyphenated word and its hyphenated sub-words: "non-nuclear-weapon" -> it, "non-nuclear",
    "nuclear-weapon"."""
    parts = word.split("-")
    for i in range(len(parts)):
        for j in range(i + 2, len(parts) + 1):
            yield "-".join(parts[i:j])


def written_words(texts: list[str]) -> Counter[str]:
    """How often the lines write each word, lower-cased; a findall reads EVIDENCE_LINES lines at a time
    (over the whole text at once, its list of every word was the largest thing cleaning held)."""
    words: Counter[str] = Counter()
    for start in range(0, len(texts), EVIDENCE_LINES):
        chunk = "\n".join(texts[start:start + EVIDENCE_LINES])
        lower = chunk.lower()
        if len(lower) == len(chunk):  # each character lowered to one, and so a letter to a letter: the words lowered
            words.update(VOCABULARY_WORD.findall(lower))
            continue
        for word, count in Counter(VOCABULARY_WORD.findall(chunk)).items():
            words[word.lower()] += count  # each form of the lines lowered once
    return words


def document_evidence(texts: list[str]) -> Evidence:
    """The evidence of the lines of a document."""
    words = written_words(texts)
    first: Counter[str] = Counter()
    later: Counter[str] = Counter()
    for word, count in [(w, n) for w, n in words.items() if "-" in w]:  # each compound once, with its count
        for part in compound_parts(word):
            if part != word:
                words[part] += count
        parts = word.split("-")
        for part in parts[:-1]:
            first[part] += count
        for part in parts[1:]:
            later[part] += count
    pairs = frozenset((a.lower(), b.lower()) for text in texts if " -" in text for a, b in DASHED_PAIR.findall(text))
    return Evidence(words, first, later, pairs, any(DOUBLE_DASH in text for text in texts))


def full_line_length(texts: list[str]) -> int:
    """The length of a full line of the document's paragraphs: the median of the densest cluster of
    line lengths (within LINE_SPREAD of each other), so that numbers, headings, paragraph ends and
    the lines pdftotext joined do not count."""
    lengths = sorted(len(text) for text in texts if len(text) >= MIN_FULL_LINE)
    if not lengths:
        return 0
    best, best_start, end = 0, 0, 0
    for start, length in enumerate(lengths):  # the sorted lengths from start, within the spread
        while end < len(lengths) and lengths[end] <= length * (1 + LINE_SPREAD):
            end += 1
        if end - start > best:
            best, best_start = end - start, start
    return lengths[best_start + best // 2]


LOWER_LETTERS = re.compile(r"[^\W\d_]*[^\W\d_A-ZА-ЯЁ]{2}$")  # "pre" before "1967"; not "G" of "G77"
YEAR_OR_CODE = re.compile(r"(?:19|20)\d\d$|\d+[^\W\d_]")  # "1967" after "pre"; not a footnote mark "8"
UPPER_LETTERS = re.compile(r"[A-ZА-ЯЁ]{2}")  # "CNBOMe" after "25"; not the "s" of "1990s"
CAPITALISED = re.compile(r"[A-ZА-ЯЁ][a-zа-яё]{2}")  # "Habitat" after "UN"; not the "Us" of "LGUs"
INFLECTION = re.compile(r"[a-zа-яё]{1,3}")
LOWER_WORD = re.compile(r"[a-zа-яё]{4}")  # "женщины" after "ООН"; not the "ом" of "СПИДом"


def shape_cut(left: str, right: str, is_word: Callable[[str], bool]) -> bool:
    """A capital or digit inside a word shows a lost hyphen: "NearEarth", "pre1967", "25CNBOMe"; after
    capitals, before a word: "UN|Habitat", "ООН|женщины" (not "ОО|Нженщины")."""
    a, b = left[-1], right[0]
    if a.isalpha() and b.isdigit():
        return LOWER_LETTERS.search(left) is not None and YEAR_OR_CODE.match(right) is not None
    if a.isdigit() and b.isalpha():
        return UPPER_LETTERS.match(right) is not None
    if a.isdigit() or b.isdigit():
        return False
    if a.islower() and b.isupper():
        return True
    if len(left) < 2 or not left.isupper():
        return False
    if INFLECTION.fullmatch(right[1:]) and is_word(left + right[0]):
        return False  # "СПИД|ом", an abbreviation's ending, not "СПИ-Дом"
    return (CAPITALISED.match(right) is not None or LOWER_WORD.match(right) is not None) and is_word(right)


def dictionary_cut(left: str, right: str, lang: LanguageProfile) -> bool:
    """An unknown word whose hyphenated form, or both halves, the dictionary knows: "по-прежнему",
    "семинар-практикум", "информационно-просветительских"; or whose first half ends in the linking
    "-о" of a compound adjective before a known word: "гендерно-ориентированного"."""
    word = left + right
    if known_word(word):
        return False
    if dictionary_knows(f"{left}-{right}"):  # each cut's hyphenated form is asked once: not cached
        return True
    if len(left) < MIN_LEFT_WORD or len(right) < MIN_RIGHT_WORD or not word.islower():
        return False
    if left in lang.solid_prefixes or not known_word(right):
        return False
    return known_word(left) or (left.endswith(COMPOUND_LINK) and len(right) >= MIN_LINKED_WORD)


def is_word(word: str, lang: LanguageProfile, evidence: Evidence) -> bool:
    """A word of the dictionary, where the language has one, or of the document."""
    return (lang.dictionary and known_word(word)) or is_document_word(word.lower(), evidence)


def is_document_word(word: str, evidence: Evidence) -> bool:
    """The document writes the word on its own or as a later part of a compound ("governmental")."""
    return evidence.words.get(word, 0) > 0 or evidence.later_parts.get(word, 0) > 0


def prefix_cut(left: str, right: str, lang: LanguageProfile, evidence: Evidence) -> bool:
    """A prefix of the profile that takes a hyphen before a word: "self-reliance" ("non-", "self-" before
    any word that is not one of the solid ones; the line-end prefixes before a word of the document)."""
    prefix, joined = left.lower(), (left + right).lower()
    if not right.islower() or len(right) < MIN_PREFIXED or joined in lang.solid_words:
        return False
    if prefix in lang.hyphened_prefixes:
        return True
    return prefix in lang.hyphen_prefixes - lang.syllable_prefixes and is_document_word(right, evidence)


def part_cut(left: str, right: str, lang: LanguageProfile, evidence: Evidence) -> bool:
    """With a dictionary: the document starts compounds with left ("кипрско-") and right is a word; the
    joined word the dictionary does not know and the document writes nowhere else. (Without one, the
    first parts of English compounds are too often syllables: "inter-|views", "under-|take".)"""
    joined = (left + right).lower()
    if not lang.dictionary or len(left) < MIN_PART or len(right) < MIN_WORD_PART or evidence.words.get(joined, 0) > 1:
        return False
    if left.lower() in lang.solid_prefixes or known_word(joined):
        return False
    return evidence.first_parts.get(left.lower(), 0) > 0 and known_word(right)


def cut_repair(left: str, right: str, start: int, lang: LanguageProfile, evidence: Evidence) -> Repair | None:
    """The hyphen put back between left and right (right starting at `start` of the line), or None."""
    words = evidence.words  # .get: a Counter's missing key costs a call of its __missing__
    compound, joined = f"{left}-{right}".lower(), (left + right).lower()
    if min(len(left), len(right)) >= MIN_PART and 0 < words.get(compound, 0) >= words.get(joined, 0):
        return Repair(start, start, "-", HYPHEN_RESTORED_BY_DOCUMENT, 0)
    if shape_cut(left, right, lambda word: is_word(word, lang, evidence)):
        return Repair(start, start, "-", HYPHEN_RESTORED_BY_SHAPE, 1)
    if not (left + right).isalpha():
        return None
    if lang.dictionary and min(len(left), len(right)) >= MIN_PART and dictionary_cut(left, right, lang):
        return Repair(start, start, "-", HYPHEN_RESTORED, 2)
    if not lang.dictionary and prefix_cut(left, right, lang, evidence):
        return Repair(start, start, "-", HYPHEN_RESTORED_BY_PREFIX, 2)
    if part_cut(left, right, lang, evidence):
        return Repair(start, start, "-", HYPHEN_RESTORED_BY_PART, 3)
    return None


def trie_pattern(words: set[str], tails: dict[str, str] | None = None) -> str:
    """A regular expression matching exactly these words, as a trie (one branch per letter, so the
    engine does not try every word in turn), longer words first; a word's tail (a pattern), if given,
    follows it."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {"": word}  # the end of a word, and which

    def branch(node: dict[str, dict]) -> str:
        alternatives = [re.escape(char) + branch(child) for char, child in sorted(node.items()) if char]
        if tails is not None and "" in node:
            alternatives.append(tails[node[""][""]])
        elif not alternatives:
            return ""
        body = f"(?:{'|'.join(alternatives)})" if len(alternatives) > 1 else alternatives[0]
        return f"(?:{body})?" if "" in node and tails is None else body

    return branch(trie)


WORD_OF_LETTERS = re.compile(rf"{LETTER}+")


def first_words(pairs: frozenset[tuple[str, str]]) -> re.Pattern[str] | None:
    """SPACED_PAIR for lower-case text that matches only the pairs: each first word, its space, then (looked
    ahead at, as SPACED_PAIR does) one of its second words, whole. A second word not all letters is never
    SPACED_PAIR's, nor is its pair."""
    seconds: dict[str, set[str]] = {}
    for first, second in pairs:
        if WORD_OF_LETTERS.fullmatch(second):
            seconds.setdefault(first, set()).add(second)
    if not seconds:
        return None
    tails = {first: f" (?=(?:{trie_pattern(words)})(?!{LETTER}))" for first, words in seconds.items()}
    return re.compile(rf"(?<![\w-])(?:{trie_pattern(set(seconds), tails)})")


LOWER_TAIL = re.compile(r".[a-zа-яё]*")  # the usual word: a letter, then lower-case Latin or Russian ones


def lower_after_first(word: str) -> bool:
    """Every letter after the first is lower case (the pattern first: most words are Latin or Russian)."""
    return LOWER_TAIL.fullmatch(word) is not None or all(c.islower() for c in word[1:])


class Cuts:
    """The hyphens that may go back inside each word of a document, found once per word form."""

    def __init__(self, lang: LanguageProfile, evidence: Evidence) -> None:
        self.lang, self.evidence = lang, evidence
        self.seen: dict[str, tuple[tuple[int, str, int], ...]] = {}
        self.cuttable: set[str] = set()  # the forms of `seen` with a cut: most lines hold none of them
        # the single-hyphen compounds of the document without their hyphen: only these can be put back by it
        self.unhyphenated = frozenset(w.replace("-", "") for w in evidence.words if w.count("-") == 1)
        self.pair_firsts = first_words(evidence.dashed_pairs)

    def __call__(self, word: str) -> tuple[tuple[int, str, int], ...]:
        """(cut, repair name, rank) of each place inside the word where a hyphen goes back."""
        found = self.seen.get(word)
        if found is None:
            found = self.seen[word] = self.find(word) if self.may_cut(word) else ()
            if found:
                self.cuttable.add(word)
        return found

    def any_cut(self, words: set[str]) -> bool:
        """Whether any of these word forms has a cut (each form not seen before is looked at once)."""
        for word in words.difference(self.seen):
            self(word)
        return not self.cuttable.isdisjoint(words)

    def may_cut(self, word: str) -> bool:
        """False when no rule of cut_repair can hold: a known word in lower case after its first letter, that
        the document never hyphenates (no capital inside it for shape_cut, known for the dictionary rules)."""
        if word.lower() in self.unhyphenated or not word.isalpha() or not lower_after_first(word):
            return True
        return not self.lang.dictionary or not known_word(word)

    def find(self, word: str) -> tuple[tuple[int, str, int], ...]:
        made = (cut_repair(word[:cut], word[cut:], cut, self.lang, self.evidence) for cut in range(1, len(word)))
        return tuple((r.start, r.name, r.rank) for r in made if r is not None)


WORD_PART = re.compile(r"[^\W_]+")  # the parts of TOKEN's words: "non-nuclear" is "non" and "nuclear"


def word_repairs(text: str, lo: int, hi: int, cuts: Cuts) -> list[Repair]:
    """Hyphens that may go back inside the words of a line at a place between lo and hi: only the words
    around a join are looked at, and most hold no cut."""
    start, stop = lo, hi
    while start > 0 and text[start - 1].isalnum():  # WORD_PART's characters: the words lo and hi cut are whole
        start -= 1
    while stop < len(text) and text[stop].isalnum():
        stop += 1
    window = text[start:stop]
    if not cuts.any_cut(set(WORD_PART.findall(window))):
        return []
    places = ((start + m.start() + cut, name, rank)
              for m in WORD_PART.finditer(window) for cut, name, rank in cuts(m.group()))
    return [Repair(place, place, "-", name, rank) for place, name, rank in places if lo <= place <= hi]


def dash_matches(text: str, cuts: Cuts) -> list[Repair]:
    """Dashes that may go back anywhere in a line: between two years, or a half " -- " (see dash_repairs)."""
    evidence = cuts.evidence
    found: list[Repair] = []
    if "19" in text or "20" in text:  # every YEAR starts so
        found += [Repair(m.end() - 1, m.end(), " - ", YEAR_DASH_RESTORED, 0) for m in SPACED_YEAR_PAIR.finditer(text)]
        found += [Repair(m.end(), m.end(), "-", YEAR_DASH_RESTORED, 0) for m in GLUED_YEAR_PAIR.finditer(text)]
    if evidence.dashed_pairs:
        found += pair_dashes(text, cuts)
    if evidence.double_dash and " -" in text:
        found += [Repair(m.start(), m.end(), "-- ", DASH_RESTORED, 0) for m in HALF_DASH.finditer(text)]
    return found


def pair_dashes(text: str, cuts: Cuts) -> list[Repair]:
    """The dashes of the document's dashed pairs written without one in the line ("государств участников")."""
    pairs, low = cuts.evidence.dashed_pairs, text.lower()
    if len(low) != len(text):  # a lower case of another length moves the offsets
        return [Repair(m.end() - 1, m.end(), " - ", PAIR_DASH_RESTORED, 0) for m in SPACED_PAIR.finditer(text)
                if (m.group(1).lower(), m.group(2).lower()) in pairs]
    if cuts.pair_firsts is None:
        return []
    return [Repair(m.end() - 1, m.end(), " - ", PAIR_DASH_RESTORED, 0) for m in cuts.pair_firsts.finditer(low)]


def dash_repairs(dashes: list[Repair], lo: int, hi: int) -> list[Repair]:
    """The dashes of dash_matches placed between lo and hi (a year pair by its end, a half dash by its start)."""
    return [r for r in dashes if lo <= (r.start if r.name == DASH_RESTORED else r.stop) <= hi]


def join_places(length: int, full: int) -> Iterator[tuple[int, int, int]]:
    """(centre, lo, hi) of each join a line of this length holds, about one full line apart."""
    window = int(JOIN_WINDOW * full)
    for k in range(1, round(length / full) + 1):
        centre = k * full
        if centre - window < length:
            yield centre, centre - window, min(length, centre + window)


def line_repairs(text: str, full: int, cuts: Cuts) -> list[Repair]:
    """At most one repair per join of a long line: the strongest evidence, nearest the join."""
    chosen: list[Repair] = []
    dashes = dash_matches(text, cuts)
    for centre, lo, hi in join_places(len(text), full):
        found = [*dash_repairs(dashes, lo, hi), *word_repairs(text, lo, hi, cuts)]
        found = [r for r in found if all(r.start >= c.stop or r.stop <= c.start for c in chosen)]
        if found:
            chosen.append(min(found, key=lambda r: (r.rank, abs(r.start - centre))))
    return sorted(chosen, key=lambda r: r.start)


def apply_repairs(text: str, repairs: list[Repair]) -> str:
    for repair in reversed(repairs):
        text = text[:repair.start] + repair.text + text[repair.stop:]
    return text


def restore_at_joins(texts: list[str], lang: str, repairs: Counter[str]) -> list[str]:
    """The lines with what pdftotext lost at its joins put back, where the evidence shows it."""
    full = full_line_length(texts)
    if not full:
        return texts
    cuts = Cuts(profile(lang), document_evidence(texts))
    out = []
    for text in texts:
        if len(text) > JOINED_LINE_FACTOR * full:
            made = line_repairs(text, full, cuts)
            repairs.update(repair.name for repair in made)
            text = apply_repairs(text, made)
        out.append(text)
    return out
