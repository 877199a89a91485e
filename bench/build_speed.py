"""Benchmark: build the bundled report concatenated N times (default 100: 10.7 MB of UTF-8, 5.8 M characters).

Measures the whole build (read, clean, segment, units, store into a temporary SQLite file) on
one core and reports MB/s and peak memory. Run by hand:

    python bench/build_speed.py [--copies 100] [--tracemalloc]

Targets (issue 2): at least 5 MB/s; peak memory at most 10 times the input size.
"""
from __future__ import annotations

import argparse
import resource
import tempfile
import time
import tracemalloc
from pathlib import Path

from tm.build import build_memory, example_path, store_build
from tm.store import TranslationMemory


def write_input(directory: Path, copies: int) -> Path:
    text = example_path().read_text(encoding="utf-8")
    path = directory / f"report_x{copies}.ru.txt"
    path.write_text(text * copies, encoding="utf-8")
    return path


def max_rss_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB


def timed_build(source: Path, db: Path) -> tuple[dict[str, float], int]:
    """Seconds of CPU time (this process) for building and for storing, and the unit count."""
    start = time.process_time()
    result = build_memory(source)
    built = time.process_time()
    with TranslationMemory(db) as store:
        store_build(result, store)
    stored = time.process_time()
    return {"build": built - start, "store": stored - built, "whole": stored - start}, len(result.units)


def warm_up(directory: Path) -> None:
    """Load pymorphy3 and razdel once, so that the timing is of the build itself."""
    timed_build(write_input(directory, 1), directory / "warm.db")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--tracemalloc", action="store_true", help="also measure Python allocations (slower)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        source = write_input(directory, args.copies)
        size = source.stat().st_size
        chars = len(source.read_text(encoding="utf-8"))
        warm_up(directory)
        rss_before = max_rss_bytes()
        wall = time.perf_counter()
        seconds, units = timed_build(source, directory / "bench.db")
        wall = time.perf_counter() - wall
        rss_after = max_rss_bytes()
        megabytes = size / 1e6
        print(f"input: {args.copies} copies, {megabytes:.2f} MB UTF-8 ({chars / 1e6:.2f} M characters), {units} units")
        for phase, label in (("build", "read+clean+segment+units"), ("store", "store (SQLite)"), ("whole", "whole build")):
            print(f"{label:>26}: {seconds[phase]:6.2f} s CPU, {megabytes / seconds[phase]:6.2f} MB/s")
        print(f"{'wall clock':>26}: {wall:6.2f} s, {megabytes / wall:6.2f} MB/s")
        print(f"peak RSS: {rss_after / 1e6:.0f} MB (growth during the build {(rss_after - rss_before) / 1e6:.0f} MB,"
              f" {(rss_after - rss_before) / size:.1f}x input)")
        if args.tracemalloc:
            tracemalloc.start()
            timed_build(source, directory / "bench2.db")
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            print(f"tracemalloc peak: {peak / 1e6:.0f} MB ({peak / size:.1f}x input)")


if __name__ == "__main__":
    main()
