"""The bundled report against its hand-made gold segmentation, and what no unit may contain.

The gold (tests/data/gold_segments_ru.part1.tsv + part2.tsv, PARA<TAB>KIND<TAB>TEXT) was typed
by hand from the raw text; see tests/data/README.md. Scores are sentence precision, recall and
F1 over the sequence of segments, so a segment counts only where it stands in the document.
"""
from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from tm.app import build_memory, example_path
from tm.model import BuildResult

DATA = Path(__file__).parent / "data"
GOLD_PARTS = (DATA / "gold_segments_ru.part1.tsv", DATA / "gold_segments_ru.part2.tsv")

Segment = tuple[str, str, str]  # (para, kind, text)


@pytest.fixture(scope="module")
def report() -> BuildResult:
    return build_memory(example_path())


def read_gold() -> list[Segment]:
    missing = [p.name for p in GOLD_PARTS if not p.exists()]
    if missing:
        pytest.skip(f"hand-made gold not written yet: {', '.join(missing)}")
    segments: list[Segment] = []
    for part in GOLD_PARTS:
        for number, line in enumerate(part.read_text(encoding="utf-8").splitlines(), 1):
            fields = line.split("\t")
            if len(fields) != 3:
                pytest.fail(f"{part.name}:{number}: expected PARA<TAB>KIND<TAB>TEXT, got {line!r}")
            segments.append((fields[0], fields[1], fields[2]))
    return segments


def scores(predicted: list[Segment], gold: list[Segment]) -> tuple[float, float, float]:
    """Precision, recall, F1 of predicted segments matched in order against gold."""
    matcher = difflib.SequenceMatcher(a=predicted, b=gold, autojunk=False)
    correct = sum(block.size for block in matcher.get_matching_blocks())
    precision = correct / len(predicted) if predicted else 0.0
    recall = correct / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def readable_diff(predicted: list[Segment], gold: list[Segment]) -> str:
    lines = difflib.unified_diff(
        ["\t".join(s) for s in gold], ["\t".join(s) for s in predicted],
        fromfile="gold", tofile="tmtool", lineterm="", n=1,
    )
    return "\n".join(lines)


def units_as_segments(report: BuildResult) -> list[Segment]:
    return [(u.para, u.kind, u.source) for u in report.units]


@pytest.mark.parametrize("fields", ["text", "para, kind, text"])
def test_report_matches_gold(report: BuildResult, fields: str) -> None:
    gold = read_gold()
    predicted = units_as_segments(report)
    if fields == "text":
        gold = [("", "", s[2]) for s in gold]
        predicted = [("", "", s[2]) for s in predicted]
    precision, recall, f1 = scores(predicted, gold)
    print(f"{fields}: precision {precision:.4f} recall {recall:.4f} F1 {f1:.4f} "
          f"({len(predicted)} predicted, {len(gold)} gold)")
    assert f1 == 1.0, f"F1 {f1:.4f} (P {precision:.4f}, R {recall:.4f})\n{readable_diff(predicted, gold)}"


def test_scores_count_misplaced_segments_as_wrong() -> None:
    gold = [("1", "sentence", "А."), ("1", "sentence", "Б."), ("2", "sentence", "В.")]
    merged = [("1", "sentence", "А. Б."), ("2", "sentence", "В.")]
    assert scores(gold, gold) == (1.0, 1.0, 1.0)
    assert scores(merged, gold) == pytest.approx((0.5, 1 / 3, 0.4))


PAGE_FURNITURE = re.compile(r"(?:^|\s)A/58/98(?:\s|$)|^\d{1,4}$")
GLUED_FOOTNOTE = re.compile(r"[а-яё»”)]\d{1,2}(?=[\s.,;:!?)]|$)")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def test_no_unit_keeps_pdf_debris(report: BuildResult) -> None:
    for unit in report.units:
        assert "\ufffd" not in unit.source, unit.source
        assert not PAGE_FURNITURE.search(unit.source), unit.source
        assert not GLUED_FOOTNOTE.search(unit.source), unit.source
        assert not CONTROL.search(unit.source), unit.source
        assert unit.source == unit.source.strip() and "  " not in unit.source, unit.source


def repeated_run(text: str, words: int = 4) -> str:
    """The first run of `words` words that occurs twice in a row ("a b c d a b c d"), or ""."""
    tokens = text.split()
    for size in range(words, len(tokens) // 2 + 1):
        for start in range(len(tokens) - 2 * size + 1):
            if tokens[start:start + size] == tokens[start + size:start + 2 * size]:
                return " ".join(tokens[start:start + size])
    return ""


def test_no_page_break_repeat_left(report: BuildResult) -> None:
    blocks: dict[int, list[str]] = {}
    for unit in report.units:
        blocks.setdefault(unit.block, []).append(unit.source)
    for sources in blocks.values():
        assert repeated_run(" ".join(sources)) == "", sources
    text = " ".join(unit.source for unit in report.units)
    # the word stubs page-break repeats of the report start with
    for stub in ("самблеей", "просы", "коквалифицированной", "вующими", "пертные", "новные", "ной миграции"):
        assert not re.search(rf"(?<!\w){stub}", text), stub


def test_repeated_run_detector_detects() -> None:
    assert repeated_run("к Генеральному секретарю обращена к Генеральному секретарю обращена просьба") != ""
    assert repeated_run("мнения государств-членов и мнения правительств") == ""
