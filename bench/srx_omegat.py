"""How OmegaT segments tmtool's txt export: with its own rules and with `tmtool export --format srx` (run by hand).

    python bench/srx_omegat.py                    # the bundled A/58/98
    python bench/srx_omegat.py --dev 10 [--skip 10]   # N Russian reports of ../shared/data/unpdf-dev (txt)

The reports are built into one throw-away store; every unit gets a pseudo-translation in a TMX, so
OmegaT (tests/omegat.py, headless 3.6) fills each segment that equals a unit. Printed per rule set:
segments, units met (a segment equal to the unit), the block numbers the txt export writes back
(segments of their own), and other segments that are no unit (the first few of them shown).
"""
from __future__ import annotations

import argparse
import dataclasses
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from omegat import run_omegat  # noqa: E402

from exports import ExportContext, export_time, get_format  # noqa: E402
from tm.app import build_memory, example_path, export_tm, store_build  # noqa: E402
from tm.store import open_store  # noqa: E402

DEV = ROOT.parent / "shared" / "data" / "unpdf-dev"
BLOCK_NUMBER = re.compile(r"^(?:\d{1,3}|[IVXLC]{1,7}|[A-ZА-ЯЁ])\.$")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=int, default=0, help="the first N dev reports instead of A/58/98")
    parser.add_argument("--skip", type=int, default=0, help="leave out the first dev reports")
    parser.add_argument("--show", type=int, default=5, help="how many mismatches to print")
    args = parser.parse_args()
    sources = sorted(DEV.glob("devset-a*.ru.txt"))[args.skip:args.skip + args.dev] if args.dev else [example_path()]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        with open_store(work / "bench.db") as store:
            for source in sources:
                store_build(build_memory(source), store)
            export_tm(store, "txt", work / "document.txt")
            export_tm(store, "srx", work / "tmtool.srx")
            units = [dataclasses.replace(u, target=f"EN {u.id}") for u in store.units()]
        ctx = ExportContext(created=export_time(), signature="pseudo-translation", src_lang="ru", tgt_lang="en")
        with (work / "pseudo.tmx").open("wb") as stream:
            get_format("tm", "tmx").dump(units, stream, ctx)
        sources_text = {u.source for u in units}
        print(f"{len(sources)} report(s), {len(units)} units")
        for label, srx in (("OmegaT's own rules", None), ("tmtool.srx", work / "tmtool.srx")):
            run = run_omegat(work / "document.txt", [work / "pseudo.tmx"], srx=srx)
            segments = [s.source for s in run.segments]
            met = sources_text & set(segments)
            numbers = [s for s in segments if BLOCK_NUMBER.match(s)]
            other = [s for s in segments if s not in sources_text and not BLOCK_NUMBER.match(s)]
            print(f"{label}: {len(segments)} segments; {len(met)} of {len(sources_text)} distinct units met; "
                  f"{len(numbers)} block numbers; {len(other)} other segments")
            for text in other[:args.show]:
                print(f"    not a unit: {text[:100]}")


if __name__ == "__main__":
    main()
