"""`tmtool align` and `tmtool build --target`: pairs on the command line and in every export."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import polib
from checkers import assert_po_valid, assert_tmx_valid
from click.testing import CliRunner
from lxml import etree

from tm.cli import main

DATA = Path(__file__).parent / "data" / "align" / "flores"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def flores_files(tmp_path: Path, documents: int = 6) -> tuple[Path, Path]:
    """A Russian and an English file: FLORES documents as paragraphs separated by blank lines."""
    rows = (DATA / "flores.docs").read_text(encoding="utf-8").splitlines()[:documents]
    out = []
    for lang in ("ru", "en"):
        lines = (DATA / f"flores.{lang}").read_text(encoding="utf-8").splitlines()
        paragraphs = []
        for row in rows:
            _, first, count = row.split("\t")[:3]
            paragraphs.append(" ".join(lines[int(first) - 1:int(first) - 1 + int(count)]))
        path = tmp_path / f"doc.{lang}.txt"
        path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        out.append(path)
    return out[0], out[1]


def test_align_writes_pairs_csv(runner: CliRunner, tmp_path: Path) -> None:
    ru, en = flores_files(tmp_path)
    pairs = tmp_path / "pairs.csv"
    result = runner.invoke(main, ["align", str(ru), str(en), "-o", str(pairs)])
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(pairs, dtype=str, keep_default_na=False)
    assert {"source", "target", "score", "flagged"} <= set(frame.columns)
    assert (frame["target"] != "").all() and len(frame) >= 20
    english = en.read_text(encoding="utf-8")
    assert all(t in english for t in frame["target"])
    assert "aligned:" in result.output


def test_build_with_target_fills_every_export(runner: CliRunner, tmp_path: Path) -> None:
    ru, en = flores_files(tmp_path)
    db, out = tmp_path / "t.db", tmp_path / "out"
    result = runner.invoke(main, ["build", str(ru), "--target", str(en), "--db", str(db), "--out-dir", str(out)])
    assert result.exit_code == 0, result.output
    assert "aligned:" in result.output and "low-confidence" in result.output
    assert_tmx_valid(out / "tm.tmx")
    assert_po_valid(out / "tm.po")
    frame = pd.read_csv(out / "tm.csv", dtype=str, keep_default_na=False)
    tus = etree.parse(str(out / "tm.tmx")).getroot().iter("tu")
    langs = [[tuv.get(XML_LANG) for tuv in tu.iter("tuv")] for tu in tus]
    assert langs and all(pair == ["ru", "en"] for pair in langs)
    po = polib.pofile(str(out / "tm.po"))
    assert [e.msgstr for e in po] == list(frame["target"])
    assert all(s != "" for s in frame["score"])


def test_low_confidence_pair_is_flagged_everywhere(runner: CliRunner, tmp_path: Path) -> None:
    ru, en = tmp_path / "ru.txt", tmp_path / "en.txt"
    ru.write_text("Принято.\n", encoding="utf-8")
    en.write_text("The Commission took note of the report of the Secretary-General on international migration "
                  "and development, including the recommendations in paragraphs 45 to 52.\n", encoding="utf-8")
    db, out = tmp_path / "t.db", tmp_path / "out"
    result = runner.invoke(main, ["build", str(ru), "--target", str(en), "--db", str(db), "--out-dir", str(out)])
    assert result.exit_code == 0, result.output
    assert "1 low-confidence" in result.output
    assert polib.pofile(str(out / "tm.po"))[0].fuzzy
    assert 'type="x-low-confidence">yes<' in (out / "tm.tmx").read_text(encoding="utf-8")
    assert list(pd.read_csv(out / "tm.csv", dtype=str, keep_default_na=False)["flagged"]) == ["yes"]


def test_empty_target_is_a_data_error(runner: CliRunner, tmp_path: Path) -> None:
    ru, en = flores_files(tmp_path, 1)
    en.write_text("  \n", encoding="utf-8")
    result = runner.invoke(main, ["align", str(ru), str(en)])
    assert result.exit_code == 1
    assert str(en) in result.output and "no text" in result.output
