"""End-to-end: build the bundled report, export every TM format, check with real tools."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
import polib
import pytest
from checkers import assert_po_valid, assert_tmx_valid
from click.testing import CliRunner

from tm.cli import main
from tm.store import open_store


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_build_example_writes_three_exports(runner: CliRunner, tmp_path: Path) -> None:
    db, out = tmp_path / "t.db", tmp_path / "out"
    result = runner.invoke(main, ["build", "--example", "--db", str(db), "--out-dir", str(out)])
    assert result.exit_code == 0, result.output
    # The counts of the hand-made gold segmentation (tests/data/gold_segments_ru.part*.tsv).
    assert "56 paragraphs, 27 headings, 239 sentences" in result.output
    assert_tmx_valid(out / "tm.tmx")
    assert_po_valid(out / "tm.po")
    frame = pd.read_csv(out / "tm.csv", dtype=str, keep_default_na=False)
    assert {"id", "source", "target", "src_lang", "tgt_lang", "doc", "para", "kind"} <= set(frame.columns)
    with open_store(db) as store:
        assert len(frame) == store.count_units()


def test_rebuild_replaces_document_units(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    for _ in range(2):
        assert runner.invoke(main, ["build", "--example", "--db", str(db)]).exit_code == 0
    with open_store(db) as store:
        ids = [u.id for u in store.units()]
        assert len(ids) == len(set(ids)) > 100
        assert [d.name for d in store.documents()] == ["A_58_98.ru.txt", "devset-a03.ru.txt"]


def test_exports_are_deterministic(runner: CliRunner, report_db: Path, tmp_path: Path) -> None:
    for fmt in ("tmx", "po", "csv"):
        first, second = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
        for target in (first, second):
            result = runner.invoke(main, ["export", "--db", str(report_db), "--format", fmt, "-o", str(target)])
            assert result.exit_code == 0, result.output
        assert first.read_bytes() == second.read_bytes()
        # One document: CSV leaves out the signature column every row would repeat (exports.delimited).
        assert (b"tmtool:0.1.0" in first.read_bytes()) == (fmt != "csv")


def test_export_to_stdout_and_format_from_extension(runner: CliRunner, report_db: Path, tmp_path: Path) -> None:
    result = runner.invoke(main, ["export", "--db", str(report_db), "--format", "po", "-o", "-"])
    assert result.exit_code == 0
    po = polib.pofile(result.stdout)
    assert po.metadata["Language"] == "en" and len(po) > 100
    assert len({e.msgctxt for e in po}) == len(po)
    target = tmp_path / "x.csv"
    assert runner.invoke(main, ["export", "--db", str(report_db), "-o", str(target)]).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("id,source,target")


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "contains no text"),
        (b"   \n\t\n", "contains no text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"%PDF-1.4\n", "PDF file"),
        (bytes(range(256)) * 4, "not a text file"),
    ],
)
def test_bad_source_is_one_line_error_and_store_untouched(
    runner: CliRunner, report_db: Path, tmp_path: Path, content: bytes, message: str
) -> None:
    db = tmp_path / "copy.db"
    db.write_bytes(report_db.read_bytes())
    before = sha(db)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = runner.invoke(main, ["build", str(bad), "--db", str(db)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0] and message in lines[0]
    assert sha(db) == before


def test_bad_source_creates_no_store(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    result = runner.invoke(main, ["build", str(tmp_path / "missing.txt"), "--db", str(db)])
    assert result.exit_code == 1 and "no such file" in result.output
    assert not db.exists()


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1251"])
def test_encodings_are_detected(runner: CliRunner, tmp_path: Path, encoding: str) -> None:
    text = "1. Международная организация труда (МОТ) провела совещание.\n"
    source = tmp_path / "doc.txt"
    source.write_bytes(text.encode(encoding))
    db = tmp_path / "t.db"
    assert runner.invoke(main, ["build", str(source), "--db", str(db)]).exit_code == 0
    with open_store(db) as store:
        assert "Международная организация труда (МОТ)" in " ".join(u.source for u in store.units())


def test_export_to_missing_directory_fails_cleanly(runner: CliRunner, report_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "tm.tmx"
    result = runner.invoke(main, ["export", "--db", str(report_db), "-o", str(target)])
    assert result.exit_code == 1 and "does not exist" in result.output
    assert not target.parent.exists()


def test_stats_reports_counts(runner: CliRunner, report_db: Path) -> None:
    result = runner.invoke(main, ["stats", "--db", str(report_db), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert (data["documents"], data["units"], data["translated"]) == (1, 266, 0)


@pytest.mark.parametrize("command", [["export"], ["terms", "export"]])
def test_unknown_output_extension_is_a_usage_error(
    runner: CliRunner, report_db: Path, tmp_path: Path, command: list[str]
) -> None:
    target = tmp_path / "report.docx"
    result = runner.invoke(main, [*command, "--db", str(report_db), "-o", str(target)])
    assert result.exit_code == 2 and "cannot tell the format" in result.output
    assert not target.exists()


def test_xliff_export_reads_in_translate_toolkit(runner: CliRunner, report_db: Path, tmp_path: Path) -> None:
    """An independent reader (translate-toolkit's XLIFF store) sees every unit with its source."""
    from translate.storage import xliff

    target = tmp_path / "tm.xlf"
    assert runner.invoke(main, ["export", "--db", str(report_db), "-o", str(target)]).exit_code == 0
    store = xliff.xlifffile.parsestring(target.read_bytes())
    with open_store(report_db) as tm:
        expected = [u.source for u in tm.units()]
    assert [u.source for u in store.units if not u.isheader()] == expected


def test_units_and_termbase_are_stored_together_or_not_at_all(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tm.app
    from tm.errors import StoreError

    db = tmp_path / "t.db"
    assert runner.invoke(main, ["build", "--example", "--db", str(db)]).exit_code == 0
    before = sha(db)

    def failing_write_terms(*args: object) -> None:
        raise StoreError("simulated failure while writing terms")

    monkeypatch.setattr(tm.app, "write_terms", failing_write_terms)
    source = tmp_path / "other.txt"
    source.write_text("1. Международная организация труда (МОТ) провела совещание.\n", encoding="utf-8")
    result = runner.invoke(main, ["build", str(source), "--db", str(db), "--doc", "A_58_98.ru.txt"])
    assert result.exit_code == 1 and "simulated failure" in result.output
    assert sha(db) == before
