"""Benchmark: `tmtool build SOURCE --target TARGET` as a ratio to `tmtool build SOURCE`, in one run.

    python bench/bilingual_speed.py [--repeat 5]

Pairs: the UN dev set as ../shared/tools/unv1_pairs.py writes it (documents' paragraphs), and
WMT21 newstest ru-en (../shared/data/parallel, one paragraph per document). Each build runs in a
fresh process after a tiny warm-up build (imports and dictionaries loaded, word caches cold) and
is timed in CPU seconds: read, clean, segment, (align,) termbase, store into a temporary SQLite
file. Rounds alternate the monolingual and the bilingual build, so that the load of other
processes falls on both alike; the figure is the median of the per-round ratios.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data"
TOOLS = REPO.parent / "shared" / "tools"
WARM_UP = ("1. Доклад Генерального секретаря (ВОЗ) в 2001 г.\n", "1. Report of the Secretary-General (WHO) in 2001.\n")


def un_pair(directory: Path) -> tuple[Path, Path]:
    subprocess.run([sys.executable, str(TOOLS / "unv1_pairs.py"), str(DATA / "unv1"), "devset", str(directory)],
                   check=True)
    return directory / "ru.txt", directory / "en.txt"


def wmt_pair(directory: Path) -> tuple[Path, Path]:
    """WMT21 newstest as two documents, one paragraph per news document."""
    name = DATA / "parallel" / "wmt21_newstest_ruen"
    rows = [row.split("\t") for row in Path(f"{name}.docs").read_text(encoding="utf-8").splitlines()]
    paths = []
    for lang in ("ru", "en"):
        lines = Path(f"{name}.{lang}").read_text(encoding="utf-8").splitlines()
        paragraphs = [" ".join(lines[int(first) - 1:int(first) - 1 + int(count)]) for _, first, count, *_ in rows]
        path = directory / f"wmt21.{lang}.txt"
        path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1]


def one_build(source: str, target: str, directory: Path) -> dict[str, float]:
    """Warm up, then build (bilingual when target is given) and store: CPU seconds (in a fresh process)."""
    from tm.app import build_bilingual, build_memory, store_with_termbase
    from tm.store import open_store

    warm = [directory / "warm.ru.txt", directory / "warm.en.txt"]
    for path, text in zip(warm, WARM_UP, strict=True):
        path.write_text(text, encoding="utf-8")
    with open_store(directory / "warm.db") as store:
        store_with_termbase(store, build_bilingual(*warm))
    start = time.process_time()
    result = build_bilingual(source, target) if target else build_memory(source)
    with open_store(directory / "bench.db") as store:
        store_with_termbase(store, result)
    return {"cpu": time.process_time() - start, "units": len(result.units)}


def fresh_build(source: Path, target: Path | None) -> dict[str, float]:
    command = [sys.executable, __file__, "--one", str(source), str(target or "")]
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run(command, check=True, capture_output=True, text=True, env=env)
    run: dict[str, float] = json.loads(done.stdout)
    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--one", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        if args.one:
            print(json.dumps(one_build(args.one[0], args.one[1], directory)))
            return
        pairs = {"UN dev set (unv1_pairs.py)": un_pair(directory / "un"), "WMT21 newstest": wmt_pair(directory)}
        print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}; {args.repeat} rounds, CPU seconds")
        for name, (source, target) in pairs.items():
            mono, bi = [], []
            for _ in range(args.repeat):
                mono.append(fresh_build(source, None))
                bi.append(fresh_build(source, target))
            ratios = [b["cpu"] / m["cpu"] for m, b in zip(mono, bi, strict=True)]
            size = source.stat().st_size + target.stat().st_size
            print(f"{name}: source {source.stat().st_size / 1e6:.2f} MB, target {target.stat().st_size / 1e6:.2f} MB;"
                  f" monolingual {statistics.median(m['cpu'] for m in mono):.2f} s ({int(mono[0]['units'])} units),"
                  f" bilingual {statistics.median(b['cpu'] for b in bi):.2f} s ({int(bi[0]['units'])} units,"
                  f" {size / 1e6 / statistics.median(b['cpu'] for b in bi):.2f} MB/s of both sides);"
                  f" bilingual / monolingual per round {' '.join(f'{r:.2f}' for r in ratios)},"
                  f" median {statistics.median(ratios):.2f}x")


if __name__ == "__main__":
    main()
