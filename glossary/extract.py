"""Acronym mentions and their bracketed definitions: "Международной организации труда (МОТ)".

The start of a bracketed full name is found, in order, by the acronym's initials (ДЭСВ, МОТ),
by the reference table's Russian name (ЮНФПА, whose letters are the English UNFPA's), and by
the name heads of glossary.rules (ГАТС after "Генеральному соглашению…").
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from glossary import rules
from glossary.infer import english_spells, initials_start
from glossary.names import cases, is_head, is_modifier, phrase_at, starts_with_participle
from glossary.normalise import parses
from glossary.tokens import Token, clause_before, tokenize
from tm.lang.morph import analyzer
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
    if parses(core.lower())[0].tag.POS in rules.FUNCTION_WORD_POS or is_capitalised_word(core):
        return False
    around = text[max(0, start - 2):stop + 2]
    return not rules.DOCUMENT_SYMBOL.search(around)


def is_capitalised_word(core: str) -> bool:
    """A long Cyrillic word in capitals that the dictionary knows, not as an abbreviation: НЕЛЬЗЯ."""
    if len(core) < rules.CAPITALISED_WORD_MIN_LETTERS or not core.isalpha() or not ("А" <= core[0] <= "Я"):
        return False
    first = parses(core.lower())[0]
    return analyzer().word_is_known(core.lower()) and not {"Abbr", "Orgn", "Geox", "Init"} & first.tag.grammemes


def in_foreign_name(text: str, start: int, stop: int) -> bool:
    """Latin capitals next to a Latin word that is no acronym, across one space: "Audi TT", "DAVA M"."""
    before = text[:start].split(" ")[-2:] if text[:start].endswith(" ") else [""]
    after = text[stop:].split(" ")[:2] if text[stop:].startswith(" ") else [""]
    neighbours = (before[0] if len(before) == 2 else "", after[1] if len(after) == 2 else "")
    return any(rules.FOREIGN_NAME_NEIGHBOUR.fullmatch(w.rstrip(".,;:!?)»\"")) for w in neighbours if w)


def is_latin(core: str) -> bool:
    return core[:1].isascii()


def acronyms_in(text: str) -> list[tuple[str, int, int]]:
    """(acronym, start, stop) for every acronym in a text; "ЕЭК/ЕВРОСТАТ" gives two."""
    found = []
    for m in rules.ACRONYM.finditer(text):
        core = m.group("core")
        if is_acronym(core, m.group("ending"), text, m.start(), m.end()) and not (
                is_latin(core) and in_foreign_name(text, m.start(), m.end())):
            found.append((core, m.start(), m.end()))
    return found


def written_as_word(acronym: str, target: str) -> bool:
    """Latin capitals that the aligned English writes only as a word, never in capitals: CADMIUM, "cadmium"."""
    if not target or not is_latin(acronym) or len(acronym) < rules.LATIN_WORD_MIN_LETTERS or not acronym.isalpha():
        return False
    forms = {m.group() for m in re.finditer(rf"\b{re.escape(acronym)}\b", target, re.IGNORECASE)}
    return bool(forms) and acronym not in forms


def find_mentions(units: Sequence[Unit]) -> list[Mention]:
    """Every acronym of every unit; a text seen before (a repeated sentence) is not read again."""
    # keyed by the source alone when there is no target, and () for no acronym: most units, and little memory
    seen: dict[str | tuple[str, str], Sequence[tuple[str, int, int]]] = {}
    mentions: list[Mention] = []
    for i, u in enumerate(units):
        key = (u.source, u.target) if u.target else u.source
        found = seen.get(key)
        if found is None:
            found = [a for a in acronyms_in(u.source) if not written_as_word(a[0], u.target)] or ()
            seen[key] = found
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
    """Index of the first adjective before a head: "Продовольственной и сельскохозяйственной организации";
    only adjectives in the head's case ("прилагаемые Экономическим сообществом" starts at the head), and
    before a capitalised head only capitalised ones; never a present active participle ("Правящая партия")."""
    start = head
    i = head - 1
    while i >= 0:
        if is_modifier(words[i]) and cases(words[i]) & cases(words[head]) and (
                words[i].capitalised or not words[head].capitalised) and not starts_with_participle(words[i].text):
            start = i
        elif not (words[i].text.lower() in rules.JOINERS and i > 0 and is_modifier(words[i - 1])):
            break
        i -= 1
    return start


BLOCKING_POS = frozenset({"VERB", "INFN", "PRTS", "ADJS", "GRND", "ADVB", "PRCL", "INTJ", "CONJ", "PRED"})


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
        if word.lemma in rules.NAME_HEADS and is_head(word):
            best = modifier_start(words, i)
            if capitalised_after_joiner(words, best):
                break  # "…посланник по Судану и Временные силы…": the name starts at the capital
    if best is not None and not words[best].capitalised:
        # a lower-case head before a capitalised one is a description: "партия Организация народов…"
        later = next((i for i in range(best + 1, len(words)) if words[i].capitalised and is_head(words[i])), None)
        if later is not None:
            best = modifier_start(words, later)
    return best


def capitalised_after_joiner(words: list[Token], start: int) -> bool:
    return words[start].capitalised and start > 0 and words[start - 1].text.lower() in rules.JOINERS


def chain_start(acronym: str, words: list[Token]) -> int | None:
    """No head: the noun phrase before the bracket, less a leading noun governed from outside and
    what stands before its last cardinal numeral."""
    start = None
    for i in range(len(words) - 1, -1, -1):
        if blocks(words[i]) or words[i].text.lower() in rules.JOINERS:
            break
        start = i
    while start is not None and start < len(words) - 1 and governed(words[start]):
        start += 1
    if start is not None:  # "стоимости одного британского фунта стерлингов (GBP)": a count names nothing
        counts = [i for i in range(start, len(words) - 1) if is_cardinal(words[i])]
        start = counts[-1] + 1 if counts else start
    if start is not None:  # "в частности метилендиоксиметамфетамина (МДМА)": an aside, not the name
        opener = phrase_at(words, start, rules.PARENTHETICAL_OPENERS)
        start = start + opener if start + opener < len(words) else None
    return start


def is_cardinal(word: Token) -> bool:
    """A cardinal numeral ("двух", "одного"), not an ordinal ("первого")."""
    tag = parses(word.text)[0].tag
    return tag.POS == "NUMR" or {"Anum", "Apro"} <= tag.grammemes


def governed(word: Token) -> bool:
    first = parses(word.text)[0]
    return first.tag.POS == "NOUN" and first.tag.case in rules.GOVERNING_CASES


Strategy = Callable[[str, list[Token]], "int | None"]


def define(acronym: str, unit: int, text: str, paren: int,
           strategies: Sequence[tuple[str, Strategy]]) -> Definition | None:
    """The bracketed full name before text[paren], by the first strategy that finds a start."""
    close = text.index(")", paren) + 1
    quoted = quoted_definition(text, paren)
    if quoted is not None:
        return Definition(acronym, unit, text[quoted:paren].rstrip(), "quoted", quoted, close)
    core, place = compound_parts(acronym)
    before = text[:paren].rstrip()
    if place and before.endswith(place) and "," in before:
        comma = before.rindex(",")  # "…для арабских государств, Египет (РЦБК-Египет)"
        found = define(core, unit, text[:comma] + " (" + core + ")", comma + 1, strategies)
        if found is not None:
            return Definition(acronym, unit, text[found.start:len(before)], found.method, found.start, close)
        return None
    tokens = tokenize(text[:paren])
    words = clause_before(tokens, len(tokens))
    if not words:
        return None
    longer = across_comma(tokens, len(tokens) - len(words))
    if longer:  # "…по вопросам образования, науки и культуры (ЮНЕСКО)", "…адвокатов защиты, практикующих в…"
        for method, strategy in strategies:
            start = strategy(acronym, longer)
            if start is not None and start < len(longer) - len(words) and (
                    method in ("initials", "reference") or (method == "heads" and longer[start].capitalised)):
                return Definition(acronym, unit, text[longer[start].start:longer[-1].stop], method,
                                  longer[start].start, close)
    for method, strategy in strategies:
        start = strategy(acronym, words)
        if start is not None:
            if method in rules.GUESSED_METHODS and is_gloss(acronym, words[start:], method):
                return None
            phrase = text[words[start].start:words[-1].stop]
            return Definition(acronym, unit, phrase, method, words[start].start, close)
    return None


def is_gloss(acronym: str, words: list[Token], method: str) -> bool:
    """A bracket that glosses the words before it rather than spelling them out, when the name was
    found by its heads or as a noun phrase, not by its initials: a place the dictionary knows
    ("Принстонского университета (США)"), a noun phrase (no head) holding another acronym
    ("предполагаемый боевик ДАИШ (ИГИЛ)") or before a Latin compound, or one word that cannot begin
    the acronym ("его Миссии (ЭКОМИБ)")."""
    place = parses(acronym.lower())[0].tag
    if rules.PLACE_TAG in place and "Abbr" in place and analyzer().word_is_known(acronym.lower()):
        return True
    if method == "chain" and (any(w.acronym for w in words) or (is_latin(acronym) and "-" in acronym)):
        return True  # "(XDR-TB)" after «высокой устойчивостью к лекарствам» glosses one of its parts
    return len(words) == 1 and words[0].text[:1].upper() != acronym[:1]


def across_comma(tokens: list[Token], first: int) -> list[Token]:
    """The clause before tokens[first] joined to it across a comma, when the words after the comma
    continue a name: a participle agreeing with the word before the comma (", связанной с…",
    ", практикующих в…") or a list closed by "и" (", науки и культуры"); [] otherwise."""
    if first < 2 or tokens[first - 1].text != "," or not tokens[first - 2].is_word:
        return []
    clause = tokens[first:]
    before = tokens[first - 2]
    participle = any(p.tag.POS == "PRTF" for p in parses(clause[0].text)) and bool(cases(clause[0]) & cases(before))
    joined = [t for t in clause if t.text.lower() in rules.JOINERS]
    listed = (bool(joined) and bool(cases(clause[0]) & cases(before)) and not is_modifier(clause[0])
              and not any(blocks(t) for t in clause if t not in joined))
    if not (participle or listed):
        return []
    return [*clause_before(tokens, first - 1), *clause]


def quoted_definition(text: str, paren: int) -> int | None:
    """Where a quoted name right before the bracket begins: «Армия сопротивления Бога» (ЛРА),
    <<Аль-Каида>> на Аравийском полуострове (АКАП)."""
    m = rules.QUOTED_DEFINITION.search(text[:paren].rstrip())
    if m is None:
        return None
    tail = [t for t in tokenize(m.group("tail")) if t.is_word]
    if len(tail) > rules.QUOTED_TAIL_MAX_WORDS or any(blocks(t) for t in tail):
        return None
    return m.start()


def compound_parts(acronym: str) -> tuple[str, str]:
    """"РЦБК-Египет" -> ("РЦБК", "Египет"): an acronym with a place name; ("", "") otherwise."""
    core, _, place = acronym.partition("-")
    return (core, place) if place[:1].isupper() and place[1:].islower() and place[1:] else ("", "")


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
        if definition is not None and not glossed_in_english(definition, units[m.unit].target):
            found[m.acronym] = definition
    return found


def glossed_in_english(definition: Definition, target: str) -> bool:
    """A Latin acronym whose body's name was found by its head is a gloss when the aligned English has
    it in brackets after words that do not spell it: "Ассоциации спортивных стрелков Австралии (NSW)"
    is "Sporting Shooters Association of Australia (NSW)", NSW a state's name. (A noun phrase may
    stand before a code that spells nothing: "фунт Фолклендских островов (FKP)".)"""
    acronym = definition.acronym
    if definition.method != "heads" or not is_latin(acronym) or not target:
        return False
    bracket = re.search(rf"\({re.escape(acronym)}\)", target)
    return bracket is not None and not english_spells(acronym, target[:bracket.start()])
