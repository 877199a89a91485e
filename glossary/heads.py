"""Which words may have a name head's lemma (glossary.rules.NAME_HEADS), told without parsing most of them.

A word the dictionary knows is parsed from the dictionary alone, so only a form of a head's lexeme
(head_forms) can have a head's lemma. A word it does not know is read by pymorphy3's predictors, and
each of them keeps the word's start in the lemma it gives:

- a known prefix ("авиа", "анти"; two letters or more) stays in front of the rest's lemma;
- an unknown prefix of one to five letters stays in front of the lemma of a dictionary word;
- by the ending, the lemma keeps all but the last five letters at most (the dictionary's
  max_suffix_length: an ending is never shorter than the form's suffix), after a paradigm prefix
  ("по", "наи": adjectives' comparative and superlative; no head starts with either);
- a hyphenated word's lemma keeps its hyphen (no head has one); any other word is its own lemma.

So a word of seven letters or more whose first two letters start no head can get a head's lemma only
through a one-letter unknown prefix before a form of a dictionary word that is the rest of a head
("п" + "акта": one_letter_forms). may_be_predicted_head tells these words apart; the others are parsed.
"""
from __future__ import annotations

from functools import cache

from glossary import rules
from tm.lang.morph import analyzer, parse

# Shorter words may be read whole as an ending and keep fewer than two letters of their start.
PREDICTED_MIN_LETTERS = 7
PARADIGM_PREFIXES = ("по", "на")  # "по…" and "наи…" (comparatives, superlatives): a paradigm prefix may go


@cache
def head_forms() -> frozenset[str]:
    """Every dictionary form of the name heads' lexemes (ё as е): a known word is parsed from the dictionary
    alone, so one that is no such form has no head lemma (an unknown word may get any lemma: it is parsed)."""
    return frozenset(form.word.replace("ё", "е") for head in rules.NAME_HEADS for p in parse(head)
                     if p.normal_form.replace("ё", "е") == head for form in p.lexeme)


@cache
def head_starts() -> frozenset[str]:
    """The first two letters of every head, and the paradigm prefixes (a word starting so is always parsed)."""
    return frozenset({head[:2] for head in rules.NAME_HEADS} | set(PARADIGM_PREFIXES))


@cache
def one_letter_forms() -> frozenset[str]:
    """A head's first letter before any form of a dictionary word that is the rest of the head ("п" + "акт…")."""
    morph = analyzer()
    return frozenset(head[0] + form.word.replace("ё", "е") for head in rules.NAME_HEADS
                     if morph.word_is_known(head[1:]) for p in morph.parse(head[1:])
                     if p.normal_form.replace("ё", "е") == head[1:] for form in p.lexeme)


def may_be_predicted_head(lower: str) -> bool:
    """False when a word the dictionary does not know (in lower case, ё as е) cannot get a head's lemma."""
    return len(lower) < PREDICTED_MIN_LETTERS or lower[:2] in head_starts() or lower in one_letter_forms()
