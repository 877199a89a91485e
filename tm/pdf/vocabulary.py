"""The document's own words: a line-end hyphen whose joined word the document spells whole elsewhere
("So-|mali", "Somalia") is joined; one it writes with the hyphen mid-line keeps it; else undecided."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from tm.clean.hyphenation import LINE_END_HYPHEN, LINE_START_WORD

JOINED_SEEN = "hyphenation joined (word seen whole in the document)"
KEPT_SEEN = "hyphen kept (word seen hyphenated in the document)"

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# An inflected form may add this many letters: "prevent" is seen in "prevention".
ENDING_LETTERS = 3
MIN_STEM = 4


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The words of a document (casefolded), and their stems with up to ENDING_LETTERS letters cut."""

    words: frozenset[str]
    stems: frozenset[str]

    def seen(self, word: str) -> int:
        """2 when the document has the word, 1 when it has a longer form of it, else 0."""
        word = word.casefold()
        return 2 if word in self.words else 1 if word in self.stems else 0


def line_words(lines: list[str]) -> Iterable[str]:
    """Whole words of a block's lines: not the halves of a word broken at a line-end hyphen."""
    for index, line in enumerate(lines):
        words = WORD.findall(line)
        if line.endswith("-") and words:
            words = words[:-1]
        if index and lines[index - 1].endswith("-") and words:
            words = words[1:]
        yield from words


def make_vocabulary(blocks: Iterable[list[str]]) -> Vocabulary:
    """The vocabulary of a document from the lines of its blocks."""
    words = {w.casefold() for lines in blocks for w in line_words(lines)}
    stems = {w[: len(w) - cut] for w in words for cut in range(1, ENDING_LETTERS + 1) if len(w) - cut >= MIN_STEM}
    return Vocabulary(frozenset(words), frozenset(stems))


def decide(left: str, right: str, vocabulary: Vocabulary) -> str:
    """JOINED_SEEN, KEPT_SEEN or '' (undecided) for a line ending in a hyphen and the line after it."""
    hyphen = LINE_END_HYPHEN.search(left)
    start = LINE_START_WORD.match(right)
    if not hyphen or not start:
        return ""
    joined = vocabulary.seen(hyphen.group("word") + start.group())
    kept = vocabulary.seen(f"{hyphen.group('word')}-{start.group()}")
    if joined > kept:
        return JOINED_SEEN
    if kept > joined:
        return KEPT_SEEN
    return ""
