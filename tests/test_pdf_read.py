"""Reading PDF reports (tm.pdf): hand-written layouts typeset with reportlab, against hand-written blocks."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pdfmaker import has_cyrillic_font, make_pdf, make_scan

from tm.cli import main
from tm.errors import InputError
from tm.pdf import read_pdf

DATA = Path(__file__).parent / "data" / "pdf"
CASES = sorted(DATA.glob("*.json"))


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def needs_font(case: dict[str, Any]) -> None:
    if case["layout"].get("fonts") == "dejavu" and not has_cyrillic_font():
        pytest.skip("no DejaVu Serif to typeset Cyrillic")


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_blocks_of_a_typeset_report(path: Path) -> None:
    case = load(path)
    needs_font(case)
    cleaned = read_pdf(make_pdf(case["layout"]), case["lang"], path.name)
    assert [[b.kind, b.number, b.text] for b in cleaned.blocks] == case["blocks"]


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_repairs_of_a_typeset_report(path: Path) -> None:
    case = load(path)
    needs_font(case)
    cleaned = read_pdf(make_pdf(case["layout"]), case["lang"], path.name)
    assert {name: cleaned.repairs[name] for name in case["repairs"]} == case["repairs"]
    assert cleaned.symbol == case.get("symbol", cleaned.symbol)


# (case id, PDF bytes, words the one-line error must contain)
UNREADABLE = [
    ("scan", make_scan(2), "without a text layer"),
    ("blank-page", make_scan(1, image=False), "without a text layer"),
    ("truncated", b"%PDF-1.4\n", "damaged PDF file"),
]


@pytest.mark.parametrize("data, words", [c[1:] for c in UNREADABLE], ids=[c[0] for c in UNREADABLE])
def test_unreadable_pdf_is_an_input_error_naming_the_file(data: bytes, words: str) -> None:
    with pytest.raises(InputError) as caught:
        read_pdf(data, "ru", "scan.pdf")
    message = str(caught.value)
    assert message.startswith("scan.pdf: ") and words in message and "\n" not in message


@pytest.mark.parametrize("data, words", [c[1:] for c in UNREADABLE], ids=[c[0] for c in UNREADABLE])
def test_cli_reports_an_unreadable_pdf_in_one_line(runner: CliRunner, tmp_path: Path, data: bytes, words: str) -> None:
    source = tmp_path / "scan.pdf"
    source.write_bytes(data)
    result = runner.invoke(main, ["build", str(source), "--db", str(tmp_path / "t.db")])
    lines = result.output.strip().splitlines()
    assert result.exit_code == 1 and len(lines) == 1 and str(source) in lines[0] and words in lines[0]


def exported(runner: CliRunner, db: Path) -> list[dict[str, str]]:
    result = runner.invoke(main, ["export", "--db", str(db), "--format", "csv", "-o", "-"])
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.output.lstrip("\ufeff"))))


def test_cli_build_stores_the_units_of_a_pdf(runner: CliRunner, tmp_path: Path) -> None:
    case = load(DATA / "report_en.json")
    source, db = tmp_path / "report.en.pdf", tmp_path / "t.db"
    source.write_bytes(make_pdf(case["layout"]))
    result = runner.invoke(main, ["build", str(source), "--src-lang", "en", "--db", str(db)])
    assert result.exit_code == 0, result.output
    rows = exported(runner, db)
    expected = [(kind, number, text) for kind, number, text in case["blocks"]]
    # Each block here is one sentence: a heading one unit, a paragraph or note one unit per sentence.
    assert [(r["kind"], r["para"], r["source"]) for r in rows] == [
        ("heading" if k == "heading" else "note" if k == "note" else "sentence", n, t) for k, n, t in expected
    ]


def test_cli_aligns_two_pdfs(runner: CliRunner, tmp_path: Path) -> None:
    case = load(DATA / "report_en.json")
    source, target, db = tmp_path / "a.pdf", tmp_path / "b.pdf", tmp_path / "t.db"
    source.write_bytes(make_pdf(case["layout"]))
    target.write_bytes(make_pdf(case["layout"]))
    result = runner.invoke(main, ["build", str(source), "--target", str(target), "--src-lang", "en",
                                  "--tgt-lang", "en", "--db", str(db)])
    assert result.exit_code == 0, result.output
    rows = exported(runner, db)
    assert [r["source"] for r in rows] == [r["target"] for r in rows]
    assert {r["kind"] for r in rows} == {"heading", "sentence", "note"}
