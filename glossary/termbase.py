"""Compiling a document's units into termbase entries: acronyms first seen, then names.

Pipeline: acronym mentions -> bracketed definitions -> names in running text -> inferred
expansions (initials of a nearby name) -> reference table (English; Russian when the text
never spells an acronym out) -> aligned English units, when there are any.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import permutations

from rapidfuzz import fuzz

from glossary import rules
from glossary.dates import document_year
from glossary.extract import Definition, Mention, acronyms_in, bracketed, find_definitions, find_mentions
from glossary.infer import EN_WORD, initials_start, spelled
from glossary.merge import concept_of
from glossary.model import (
    ACRONYM,
    FOUND_INFERRED,
    FOUND_REFERENCE,
    FOUND_TEXT,
    FOUND_UNDEFINED,
    NAME,
    TermEntry,
)
from glossary.names import NameMention, find_names
from glossary.normalise import dictionary_form, lemma_key
from glossary.reference import Reference
from glossary.tokens import tokenize
from tm.lang.en import FUNCTION_WORDS as EN_FUNCTION_WORDS
from tm.model import Unit

NO_ENGLISH = "not in the reference table: no English name"
LATIN_ACRONYM = re.compile(r"\b[A-Z][A-Za-z]*[A-Z]+\b")


def definition_spans(units: Sequence[Unit], definitions: dict[str, Definition]) -> dict[int, list[tuple[int, int]]]:
    """Where each bracketed definition sits, so that name extraction leaves it alone."""
    spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for d in definitions.values():
        spans[d.unit].append((d.start, d.stop))
    return spans


def unit_of(name: NameMention) -> int:
    return name.unit


def infer_definition(acronym: str, first: int, names: Sequence[NameMention]) -> NameMention | None:
    """The nearest name within rules.INFER_WINDOW units whose initials spell the acronym."""
    # names come in unit order, so the window is one slice
    lo = bisect_left(names, first - rules.INFER_WINDOW, key=unit_of)
    hi = bisect_right(names, first + rules.INFER_WINDOW, key=unit_of)
    near = names[lo:hi]
    for name in sorted(near, key=lambda n: (abs(n.unit - first), n.unit > first)):
        if initials_spell(acronym, name.phrase):
            return name
    return None


@lru_cache(maxsize=16384)
def initials_spell(acronym: str, phrase: str) -> bool:
    """Whether the initials of the phrase from its first word spell the acronym (a name near many acronyms)."""
    return initials_start(acronym, [t for t in tokenize(phrase) if t.is_word]) == 0


def acronym_entry(acronym: str, mentions: list[Mention], units: Sequence[Unit], definition: Definition | None,
                  inferred: NameMention | None, reference: Reference, year: int | None = None) -> TermEntry:
    """One acronym's entry, from its definition, inference, or the reference table."""
    first = mentions[0].unit
    entry = TermEntry(id="", kind=ACRONYM, ru_acronym=acronym, occurrences=len(mentions))
    if definition is not None:
        entry = replace(entry, ru_full_form=dictionary_form(definition.phrase),
                        ru_full_form_in_text=definition.phrase, found=FOUND_TEXT)
        first = definition.unit
    elif inferred is not None:
        entry = replace(entry, ru_full_form=dictionary_form(inferred.phrase),
                        ru_full_form_in_text=inferred.phrase, found=FOUND_INFERRED,
                        notes=(f"expansion inferred from initials in unit {units[inferred.unit].id}",))
    else:
        row = reference.find(acronym, year=year)
        entry = replace(entry, ru_full_form=row.ru_full_form if row else "",
                        found=FOUND_REFERENCE if row and row.ru_full_form else FOUND_UNDEFINED)
    return replace(entry, first_unit=units[first].id, context=units[first].source)


def acronym_entries(units: Sequence[Unit], reference: Reference,
                    year: int | None = None) -> tuple[list[TermEntry], list[NameMention]]:
    """Entries for every acronym, and the names left in the text besides their definitions."""
    mentions = find_mentions(units)
    definitions = find_definitions(units, mentions, reference.start_of if reference.rows else None)
    names = find_names(units, definition_spans(units, definitions))
    capitalised = [n for n in names if not n.lower]
    grouped: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        grouped[m.acronym].append(m)
    entries = []
    for acronym, found in grouped.items():
        definition = definitions.get(acronym)
        inferred = None if definition else infer_definition(acronym, found[0].unit, capitalised)
        entries.append(acronym_entry(acronym, found, units, definition, inferred, reference, year))
    return entries, names


def kept_name_groups(names: Sequence[NameMention], reference: Reference,
                     known: Collection[tuple[str, ...]] = ()) -> dict[tuple[str, ...], list[NameMention]]:
    """Names worth an entry: two words or more, seen once at least not at a sentence start;
    a bare "Head + genitive" seen once only when the reference table knows it or its head
    heads no other name of the document (else it is a short reference, "Фондом…" for a Fund);
    lower-case mentions only when a capitalised mention or the reference table confirms the name."""
    groups: dict[tuple[str, ...], list[NameMention]] = defaultdict(list)
    for n in names:
        groups[lemma_key(n.phrase)].append(n)
    heads = Counter(head_lemma(k) for k in {*groups, *known} if k)
    return {k: v for k, v in groups.items()
            if (len(k) >= 2 or any(n.quoted for n in v)) and any(not n.initial for n in v)
            and (any(not n.lower for n in v) or k in reference.by_key)
            and (len(v) >= 2 or has_modifier_or_complement(v[0]) or k in reference.by_key or heads[head_lemma(k)] == 1)}


def head_lemma(key: tuple[str, ...]) -> str:
    """The first head noun of a name's lemmas ("детский фонд …" -> "фонд")."""
    return next((w for w in key if w in rules.NAME_HEADS), key[0])


def has_modifier_or_complement(name: NameMention) -> bool:
    """A name seen once must show more than "Head + genitive" ("Фондом информационной работы" is not one)."""
    words = [t for t in tokenize(name.phrase) if t.is_word]
    prepositions = {p[0] for p in rules.NAME_PREPOSITIONS}
    return words[0].lemma not in rules.NAME_HEADS or any(w.text in prepositions for w in words)


def first_mention(group: Sequence[NameMention]) -> tuple[int, int]:
    return min((n.unit, n.start) for n in group)


def merge_variants(groups: dict[tuple[str, ...], list[NameMention]]) -> dict[tuple[str, ...], list[NameMention]]:
    """Fold "Специальный докладчик" into "Специальный докладчик по вопросу…", and
    "Генеральный секретарь Организации Объединенных Наций" into "Генеральный секретарь"."""
    un = lemma_key(rules.CLOSED_NAMES[0])
    merged = dict(groups)
    extended: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)  # key -> the longer keys it starts
    for k in groups:
        for n in range(1, len(k)):
            extended[k[:n]].append(k)
    for key in sorted(groups, key=len):
        longer = [k for k in extended.get(key, ()) if k in merged]
        # the full title comes first, then the short one; "Банка России по инфляции" after
        # "Банк России" is the complement of another word, not a title
        if key in merged and len(longer) == 1 \
                and longer[0][len(key):len(key) + 1] in {(p[0],) for p in rules.NAME_PREPOSITIONS} \
                and first_mention(merged[longer[0]]) <= first_mention(merged[key]):
            merged[longer[0]] = merged[longer[0]] + merged.pop(key)
    for key in list(merged):
        if key[-len(un):] == un and key[:-len(un)] in merged and len(key) > len(un):
            merged[key[:-len(un)]] += merged.pop(key)
    return merged


def name_entries(names: Sequence[NameMention], units: Sequence[Unit], known: set[tuple[str, ...]],
                 reference: Reference) -> list[TermEntry]:
    """Entries for the named bodies that are not already an acronym's full form."""
    entries = []
    for key, group in merge_variants(kept_name_groups(names, reference, known)).items():
        if key in known:
            continue
        group = sorted(group, key=lambda n: (n.unit, n.start))
        shown = max((n for n in group if lemma_key(n.phrase) == key), key=lambda n: (not n.lower, len(n.phrase)))
        first = group[0].unit
        form = dictionary_form(shown.phrase)
        entries.append(TermEntry(
            id="", kind=NAME, ru_full_form=form[:1].upper() + form[1:] if shown.lower else form,
            ru_full_form_in_text=shown.phrase,
            occurrences=len(group), first_unit=units[first].id, context=units[first].source, found=FOUND_TEXT))
    return entries


def with_english(entry: TermEntry, reference: Reference, year: int | None = None) -> TermEntry:
    """The entry with its English names from the reference table (or a note that there are none);
    with the document's year, a note when the row's name was not in use then."""
    row = reference.find(entry.ru_acronym, entry.ru_full_form, year)
    if row is None:
        return replace(entry, notes=(*entry.notes, NO_ENGLISH))
    notes = entry.notes
    if year is not None and not row.valid_in(year):
        notes += (f"the reference name is of {row.years}, not of {year}",)
    if entry.ru_full_form and row.ru_full_form and lemma_key(row.ru_full_form) != lemma_key(entry.ru_full_form):
        notes += (f"reference Russian name: {row.ru_full_form}",)
    notes += row.notes
    return replace(entry, en_acronym=row.en_acronym, en_full_form=row.en_full_form, en_source="reference", notes=notes)


EN_BRACKET = re.compile(r"\((?P<acronym>[A-Z][A-Za-z0-9]*(?:[- ][A-Z][A-Za-z0-9]*)?)\)")


def bracketed_acronyms(text: str) -> list[str]:
    """The acronyms standing alone in brackets, in order: "… (ЮНФПА) … (ПРООН)"."""
    return [a for a, start, stop in acronyms_in(text) if bracketed(text, start, stop) is not None]


def english_brackets(text: str) -> list[re.Match[str]]:
    return [m for m in EN_BRACKET.finditer(text) if sum(c.isupper() for c in m.group("acronym")) >= 2]


def english_name(before: str, acronym: str, lower: bool, comma: bool, one_word: bool = False,
                 ru_words: int = 0) -> str:
    """The English name right before "(ACRONYM)": the words whose initials spell it (a last generic
    head of rules.EN_UNLETTERED_HEADS may give none), else (for a capitalised name) the run of
    capitalised words and rules.EN_CONNECTORS ending at the bracket, else (for a lower-case term)
    the lower-case phrase after the last function word when it has as many words as the Russian."""
    text = before.rstrip().rstrip(rules.EN_CLOSING_QUOTES)  # "Forces démocratiques … du Rwanda" (FDLR)
    if comma:  # "…for the Arab States, Egypt (BCRC Egypt)": one comma inside the name
        head, _, tail = text.rpartition(",")
        if head and len(tail.split()) <= rules.EN_COMMA_TAIL_WORDS:
            found = english_name(head, acronym, lower, False, one_word)
            return f"{found},{tail}" if found else ""
    words = list(EN_WORD.finditer(text))
    run: list[re.Match[str]] = []
    for m in reversed(words):
        gap = text[m.end():run[0].start()] if run else text[m.end():]
        if gap.strip():
            break
        run.insert(0, m)
    letters = acronym.replace("-", "").replace(" ", "").upper()
    parts = [w.group() for w in run]
    unlettered = 1 if parts and parts[-1].lower() in rules.EN_UNLETTERED_HEADS else 0
    for i in range(len(parts)):
        if parts[i].lower() in rules.EN_CONNECTORS:
            continue
        for last in range(len(parts), len(parts) - unlettered - 1, -1):  # "… Food Security Programme (CCAFS)"
            if spelled(parts[i:last]) == letters:
                return text[run[i].start():]
    if lower:
        if one_word and parts:
            return parts[-1]  # "метилендиоксиметамфетамина (МДМА)"
        return lower_case_term(parts, ru_words)
    start = len(run)
    for i in range(len(run) - 1, -1, -1):
        word = parts[i]
        if word[:1].isupper() or word.lower() in rules.EN_CONNECTORS:
            start = i
        else:
            break
    start = name_start(parts, start)
    return text[run[start].start():] if start < len(run) else ""


def lower_case_term(parts: Sequence[str], ru_words: int) -> str:
    """The lower-case words after the last function word, when they are as many as the Russian
    term's ("… heroin and lysergic acid diethylamide (LSD)" for «диэтиламиду лизергиновой кислоты»)."""
    tail: list[str] = []
    for word in reversed(parts):
        if word.lower() in EN_FUNCTION_WORDS or not word.islower():
            break
        tail.insert(0, word)
    return " ".join(tail) if tail and len(tail) == ru_words else ""


def name_start(parts: list[str], start: int) -> int:
    """Past leading connectors, a possessive acronym ("ANEP's Central…") and governing words
    ("Member States of the Association…", "Summit of the Community…")."""
    while True:
        while start < len(parts) and (parts[start].lower() in rules.EN_CONNECTORS or parts[start] == "The"):
            start += 1
        if start < len(parts) - 1 and parts[start].endswith(("'s", "’s")) and parts[start][:-2].isupper():
            start += 1
            continue
        governing = start
        while governing < len(parts) and parts[governing].lower() in rules.EN_GOVERNING_WORDS:
            governing += 1
        if governing > start and governing < len(parts) - 1 and parts[governing].lower() == "of":
            start = governing
            continue
        return start


def paired(ru: list[str], en: list[str]) -> tuple[int, ...]:
    """Which English bracket answers each Russian one: by order, unless another order makes the
    transliterations clearly more alike ("…сектора безопасности (РСБ) … сообществом (ЭКОВАС)" is
    "(ECOWAS) … (SSR)" in English). Up to rules.PAIRING_MAX_BRACKETS brackets are reordered."""
    order = tuple(range(len(ru)))
    if len(ru) < 2 or len(ru) > rules.PAIRING_MAX_BRACKETS:
        return order

    def similarity(p: tuple[int, ...]) -> float:
        return sum(fuzz.ratio(r.translate(rules.TRANSLIT), en[j].upper()) for r, j in zip(ru, p, strict=True))

    best = max(permutations(order), key=similarity)
    return best if similarity(best) > similarity(order) + rules.PAIRING_MIN_GAIN else order


BRACKET = re.compile(r"\([^()]*\)")


def english_bracket(ru_acronym: str, unit: Unit) -> re.Match[str] | None:
    """The English bracket that answers the Russian acronym's: the acronym brackets paired (see
    paired) when both sides have as many; else, when both sides have as many brackets of any kind,
    the one at the same place ("(Центральное телеграфное агентство Кореи) … (ГКО)" is "(KCNA) … (NDC)")."""
    ru = bracketed_acronyms(unit.source)
    en = english_brackets(unit.target)
    if ru_acronym not in ru:
        return None
    if len(ru) == len(en):
        return en[paired(ru, [b.group("acronym") for b in en])[ru.index(ru_acronym)]]
    ru_all = [b.start() for b in BRACKET.finditer(unit.source)]
    en_all = [b.start() for b in BRACKET.finditer(unit.target)]
    if len(ru_all) != len(en_all):
        return None
    paren = next(b for a, start, stop in acronyms_in(unit.source) if a == ru_acronym
                 and (b := bracketed(unit.source, start, stop)) is not None)
    at = en_all[ru_all.index(paren)] if paren in ru_all else -1
    return next((b for b in en if b.start() == at), None)


def english_of_definition(entry: TermEntry, unit: Unit) -> TermEntry:
    """The English acronym and name from the aligned unit that defines the Russian acronym: the
    English brackets paired with the Russian ones by order, when there are as many."""
    m = english_bracket(entry.ru_acronym, unit)
    if m is None:
        return entry
    acronym = m.group("acronym")
    phrase = entry.ru_full_form_in_text.lstrip("«<\"")
    name = english_name(unit.target[:m.start()], acronym, not phrase[:1].isupper(), "," in phrase,
                        len(phrase.split()) == 1, len(phrase.split()))
    if entry.en_source == "reference":
        return entry
    notes = tuple(n for n in entry.notes if n != NO_ENGLISH)
    return replace(entry, en_acronym=entry.en_acronym or acronym, en_full_form=name, en_source="aligned",
                   notes=(*notes, f"English from the aligned unit {unit.id}"))


def aligned_english(entry: TermEntry, units: Sequence[Unit]) -> TermEntry:
    """Confirm (or find) the English acronym in the targets of aligned units that hold the Russian one;
    an acronym defined in the text without a reference row takes the English of its defining unit."""
    if not entry.ru_acronym or not units:  # a monolingual build has no aligned units
        return entry
    if entry.found == FOUND_TEXT and entry.en_source != "reference":
        defining = next((u for u in units if u.id == entry.first_unit), None)
        if defining is not None:
            entry = english_of_definition(entry, defining)
            if entry.en_source == "aligned":
                return entry
    pattern = re.compile(rf"(?<![^\W\d_]){re.escape(entry.ru_acronym)}")
    holding = [u for u in units if u.target and pattern.search(u.source)]
    targets = [u.target for u in holding]
    if not targets:
        return entry
    if entry.en_acronym:
        hits = sum(1 for t in targets if re.search(rf"\b{re.escape(entry.en_acronym)}\b", t))
        return replace(entry, notes=(*entry.notes, f"English acronym in {hits} of {len(targets)} aligned units"))
    found = aligned_acronym(entry.ru_acronym, targets) or sole_acronym(entry, holding)
    if found is None:
        return entry
    acronym, count = found
    return replace(entry, en_acronym=acronym, en_source="aligned",
                   notes=(*(n for n in entry.notes if n != NO_ENGLISH),
                          f"English acronym from {count} of {len(targets)} aligned units"))


def aligned_acronym(ru_acronym: str, targets: Sequence[str]) -> tuple[str, int] | None:
    """The Latin acronym the aligned targets agree on, or the one that transliterates the Russian."""
    counts = Counter(a for t in targets for a in set(LATIN_ACRONYM.findall(t)))
    if not counts:
        return None
    ranked = counts.most_common()
    best, count = ranked[0]
    agreed = count >= rules.ALIGNED_MIN_UNITS and count * 2 >= len(targets) and (
        len(ranked) == 1 or ranked[1][1] < count)
    if agreed:
        return best, count
    latin = ru_acronym.translate(rules.TRANSLIT)
    similar = [(fuzz.ratio(latin, a), a) for a, _ in ranked]
    score, acronym = max(similar)
    return (acronym, counts[acronym]) if score >= rules.ALIGNED_MIN_SIMILARITY else None


def sole_acronym(entry: TermEntry, units: Sequence[Unit]) -> tuple[str, int] | None:
    """The English acronym of units one to one: the Russian holds no other acronym, the English only
    this one ("Национальный институт по проблемам колонизации (НИПК) …" is "… INC has administered …"),
    in rules.SOLE_MIN_UNITS units at least, or in one for an acronym the text spells out (news text
    pairs ДТП with a time, "AM", and США with "FAA")."""
    sole = Counter(latin.pop() for u in units
                   if {a for a, _, _ in acronyms_in(u.source)} == {entry.ru_acronym}
                   and len(latin := set(LATIN_ACRONYM.findall(u.target))) == 1)
    if len(sole) != 1:
        return None
    acronym, count = sole.most_common(1)[0]
    spelled_out = entry.found in (FOUND_TEXT, FOUND_INFERRED)
    return (acronym, count) if spelled_out or count >= rules.SOLE_MIN_UNITS else None


def with_variant(entry: TermEntry, other: TermEntry) -> TermEntry:
    """The entry with the other entry's Russian full forms as variants, and its occurrences."""
    forms = [f for f in (other.ru_full_form, *other.ru_variants) if f and f != entry.ru_full_form]
    note = f"also written {other.ru_full_form}: {other.occurrences} occurrences, first unit {other.first_unit}"
    return replace(entry, ru_variants=entry.ru_variants + tuple(f for f in forms if f not in entry.ru_variants),
                   occurrences=entry.occurrences + other.occurrences, notes=(*entry.notes, note))


def merge_concepts(entries: Sequence[TermEntry]) -> list[TermEntry]:
    """One entry per concept: a second Russian name of it ("Европейская экономическая комиссия"
    beside ЕЭК "Экономическая комиссия для Европы") becomes a variant of the first entry."""
    merged: list[TermEntry] = []
    where: dict[tuple[str, str], int] = {}
    for entry in entries:
        concept = concept_of(entry)
        if concept in where and not (entry.ru_acronym and merged[where[concept]].ru_acronym):
            merged[where[concept]] = with_variant(merged[where[concept]], entry)
            continue
        if concept is not None:
            where.setdefault(concept, len(merged))
        merged.append(entry)
    return merged


def compile_termbase(units: Sequence[Unit], reference: Reference | None = None,
                     year: int | None = None) -> list[TermEntry]:
    """The termbase of one document's units, in order of first appearance; the document's year (given,
    else read from its masthead or symbol: glossary.dates) picks the reference row valid then and is
    checked against the years of the reference names."""
    reference = Reference.load() if reference is None else reference
    year = document_year(units) if year is None else year
    acronyms, names = acronym_entries(units, reference, year)
    known = {lemma_key(e.ru_full_form) for e in acronyms if e.ru_full_form}
    entries = acronyms + name_entries(names, units, known, reference)
    aligned = [u for u in units if u.target]  # aligned_english reads only these
    entries = merge_concepts([aligned_english(with_english(e, reference, year), aligned) for e in entries])
    order = {u.id: i for i, u in enumerate(units)}
    entries.sort(key=lambda e: (order.get(e.first_unit, 0), e.kind, e.ru_term))
    doc = units[0].doc if units else ""
    return [replace(e, id=f"{doc}:term{i:03d}") for i, e in enumerate(entries, 1)]
