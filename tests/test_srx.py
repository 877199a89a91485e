"""`tmtool export --format srx`: SRX 2.0 rules with which OmegaT cuts our txt export into exactly our units."""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from hostile import tmtool
from lxml import etree
from omegat import OmegaTRun, run_omegat

from exports import ExportContext, export_time, get_format
from tm.app import example_pair_paths
from tm.lang.ru_abbreviations import NEVER_FINAL
from tm.model import Unit
from tm.store import open_store

SRX = "{http://www.lisa.org/srx20}"
# What the txt export writes in front of a block: its paragraph or heading number, a segment of its own.
BLOCK_NUMBER = re.compile(r"^(?:\d{1,3}|[IVXLC]{1,7}|[A-ZА-ЯЁ])\.$")


def export(db: Path, fmt: str, out: Path) -> Path:
    done = tmtool("export", "--db", db, "--format", fmt, "-o", out)
    assert done.code == 0, done.stderr
    return out


def test_the_srx_file_maps_each_language_to_its_rules(report_db: Path, tmp_path: Path) -> None:
    root = etree.parse(str(export(report_db, "srx", tmp_path / "rules.srx"))).getroot()
    assert root.tag == f"{SRX}srx" and root.get("version") == "2.0"
    names = [r.get("languagerulename") for r in root.iter(f"{SRX}languagerule")]
    maps = {m.get("languagepattern"): m.get("languagerulename") for m in root.iter(f"{SRX}languagemap")}
    assert names == ["tmtool Russian", "tmtool English"]
    assert maps == {"[Rr][Uu].*": "tmtool Russian", "[Ee][Nn].*": "tmtool English"}
    russian = root.find(f".//{SRX}languagerule[@languagerulename='tmtool Russian']")
    rules = [(r.get("break"), r.findtext(f"{SRX}beforebreak")) for r in russian.iter(f"{SRX}rule")]
    assert rules[-1][0] == "yes" and {b for b, _ in rules} == {"yes", "no"}
    never_final = next(before for b, before in rules if "т\\.е\\." in before)
    for abbreviation in (a for a in NEVER_FINAL if a.endswith(".")):
        assert re.escape(abbreviation).replace("\\ ", " ") in never_final, abbreviation


def test_the_format_comes_from_the_extension(report_db: Path, tmp_path: Path) -> None:
    done = tmtool("export", "--db", report_db, "-o", tmp_path / "omegat.srx")
    assert done.code == 0, done.stderr
    assert b"<srx " in (tmp_path / "omegat.srx").read_bytes()


def pseudo_tmx(units: list[Unit], path: Path) -> set[str]:
    """Our TMX writer with every unit given a target, so that OmegaT fills each segment equal to a unit."""
    filled = [dataclasses.replace(u, target=f"EN {u.id}") for u in units]
    ctx = ExportContext(created=export_time(), signature="pseudo-translation", src_lang="ru", tgt_lang="en")
    with path.open("wb") as stream:
        get_format("tm", "tmx").dump(filled, stream, ctx)
    return {u.source for u in units}


def omegat_on(db: Path, folder: Path, with_srx: bool) -> tuple[OmegaTRun, set[str]]:
    with open_store(db, create=False, readonly=True) as store:
        units = list(store.units())
    sources = pseudo_tmx(units, folder / "pseudo.tmx")
    txt = export(db, "txt", folder / "document.txt")
    srx = export(db, "srx", folder / "rules.srx") if with_srx else None
    return run_omegat(txt, [folder / "pseudo.tmx"], srx=srx), sources


def units_missed(run: OmegaTRun, sources: set[str]) -> list[str]:
    return sorted(sources - {s.source for s in run.segments})


def test_omegat_with_our_srx_segments_the_report_into_exactly_our_units(report_db: Path, tmp_path: Path) -> None:
    """A/58/98: each of the 266 units is one OmegaT segment; the only other segments are block numbers."""
    run, sources = omegat_on(report_db, tmp_path, with_srx=True)
    assert units_missed(run, sources) == []
    assert run.exact_matches == len([s for s in run.segments if s.source in sources]) >= 266
    others = [s.source for s in run.segments if s.source not in sources]
    assert all(BLOCK_NUMBER.match(s) for s in others), [s for s in others if not BLOCK_NUMBER.match(s)][:5]


@pytest.fixture(scope="module")
def pair_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Russian side of the bundled pair (a report typeset and extracted from PDF), built alone."""
    db = tmp_path_factory.mktemp("pair") / "pair.db"
    done = tmtool("build", example_pair_paths()[0], "--db", db)
    assert done.code == 0, done.stderr
    return db


def test_our_srx_meets_more_units_than_omegats_own_rules(pair_db: Path, tmp_path: Path) -> None:
    """OmegaT's rules split after "См." and before "00 м."; ours leave only unit-bearing headings apart."""
    (tmp_path / "own").mkdir()
    (tmp_path / "ours").mkdir()
    own, sources = omegat_on(pair_db, tmp_path / "own", with_srx=False)
    ours, _ = omegat_on(pair_db, tmp_path / "ours", with_srx=True)
    missed_own, missed_ours = units_missed(own, sources), units_missed(ours, sources)
    assert len(missed_ours) < len(missed_own)
    assert set(missed_ours) <= set(missed_own), sorted(set(missed_ours) - set(missed_own))
