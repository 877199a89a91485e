"""Paragraph pairing from the documents' structure: equal counts, matching numbers, one-sided numbers."""
from __future__ import annotations

from tm.align.anchors import base_anchors
from tm.align.beads import AlignParams
from tm.align.documents import (
    Document,
    Paragraph,
    align_documents,
    increasing_run,
    numberless,
    paragraph_bags,
    paragraph_beads,
    structure_corners,
)

RU = [
    "Генеральная Ассамблея рассмотрела доклад Генерального секретаря о положении в регионе.",
    "Комитет провел три заседания.",
    "Участники обсудили вопросы финансирования программ развития на период до 2030 года"
    " и подчеркнули роль партнерства.",
    "Секретариат подготовил записку.",
    "Делегации приветствовали прогресс, достигнутый в осуществлении рекомендаций Консультативного комитета.",
]
EN = [
    "The General Assembly considered the report of the Secretary-General on the situation in the region.",
    "The Committee held three meetings.",
    "Participants discussed the financing of development programmes for the period up to 2030"
    " and stressed the role of partnerships.",
    "The Secretariat prepared a note.",
    "Delegations welcomed the progress made in implementing the recommendations of the Advisory Committee.",
]


def doc(lang: str, texts: list[str], numbers: list[str] | None = None) -> Document:
    numbers = numbers or [""] * len(texts)
    return Document(lang, tuple(Paragraph(n, "paragraph", (t,)) for n, t in zip(numbers, texts, strict=True)))


def beads_of(src: Document, tgt: Document) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    s_bags = [base_anchors(s, "ru") for s in numberless(src)]
    t_bags = [base_anchors(t, "en") for t in numberless(tgt)]
    return [(b.src, b.tgt) for b in paragraph_beads(src, tgt, s_bags, t_bags, AlignParams(ratio=1.1))]


def test_equal_paragraph_counts_pair_in_order() -> None:
    src, tgt = doc("ru", RU), doc("en", EN)
    assert structure_corners(src, tgt) == [(k, k) for k in range(5)]
    assert beads_of(src, tgt) == [((k,), (k,)) for k in range(5)]


def test_a_structural_pair_that_fails_the_check_goes_to_the_dp() -> None:
    """As many paragraphs, but the English drops the second and adds one at the end: the pairs after
    the drop disagree in length, so the DP pairs them, and the agreeing first pair stays."""
    src = doc("ru", RU)
    tgt = doc("en", [*EN[:1], *EN[2:], "Annex I."])
    beads = beads_of(src, tgt)
    assert beads[0] == ((0,), (0,))
    assert ((2,), (1,)) in beads and ((3,), (2,)) in beads
    assert next(t for s, t in beads if s == (4,))[0] == 3
    assert [j for _, t in beads for j in t] == list(range(5))


def test_matching_paragraph_numbers_pair_directly() -> None:
    src = doc("ru", RU, ["1", "2", "3", "4", "5"])
    tgt = doc("en", [EN[0], EN[2], EN[4]], ["1", "3", "5"])
    assert structure_corners(src, tgt) == [(0, 0), (2, 1), (4, 2)]
    beads = beads_of(src, tgt)
    assert ((2,), (1,)) in beads and ((4,), (2,)) in beads


def test_a_paragraph_number_on_one_side_is_neither_anchor_nor_length() -> None:
    numbered = ["31. " + RU[0], *RU[1:]]
    src = doc("ru", numbered)
    assert numberless(src)[0] == RU[0]
    bags = paragraph_bags(src, [base_anchors(s, "ru") for s in numberless(src)])
    assert not any(a.startswith(("para:", "num:31")) for a in bags[0])
    aligned = align_documents(src, doc("en", EN))
    assert [(a.piece.source, a.piece.target) for a in aligned] == list(zip(numbered, EN, strict=True))


def test_increasing_run_keeps_numbers_in_the_same_order_on_both_sides() -> None:
    assert increasing_run([(0, 0), (1, 5), (2, 1), (3, 2), (4, 6)]) == [(0, 0), (2, 1), (3, 2), (4, 6)]
    assert increasing_run([]) == []


def test_a_short_run_that_fails_the_check_between_two_that_pass_stays_paired() -> None:
    """'Повестки дня.' ↔ 'It would be highly appreciated if…': the lengths disagree, but the pairs
    on either side check out and the structure pairs it; the DP would skip both."""
    en_long = ("It would be highly appreciated if you could circulate the present letter and its enclosure"
               " as a document of the sixty-ninth session of the General Assembly, under its agenda item.")
    src = doc("ru", [RU[0], "Повестки дня.", *RU[2:]])
    tgt = doc("en", [EN[0], en_long, *EN[2:]])
    assert beads_of(src, tgt) == [((k,), (k,)) for k in range(5)]


def test_equal_counts_whose_numbers_disagree_pair_by_the_numbers() -> None:
    """Seen on a pdftotext report (devset-a11): an extra masthead line on the Russian side and a stray
    fragment on the English side make the counts equal, every numbered paragraph one place off."""
    src = doc("ru", ["Original: English", *RU[:4]], ["", "1", "2", "3", "4"])
    tgt = doc("en", [*EN[:4], "ber."], ["1", "2", "3", "4", ""])
    assert structure_corners(src, tgt) == [(1, 0), (2, 1), (3, 2), (4, 3)]


def test_equal_counts_with_a_few_differing_numbers_still_pair_in_order() -> None:
    """The language versions of one UN document number a few paragraphs differently (a Cyrillic В for
    a Latin B, one paragraph renumbered): one place in ten differing keeps the order."""
    numbers = [str(k) for k in range(1, 11)]
    src = doc("ru", [RU[k % 5] for k in range(10)], numbers)
    tgt = doc("en", [EN[k % 5] for k in range(10)], [*numbers[:9], "11"])
    assert structure_corners(src, tgt) == [(k, k) for k in range(10)]
