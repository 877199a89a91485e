"""Benchmark: `tmtool build` against razdel alone on the same paragraphs, in the same process.

Measures what `tmtool build SOURCE` does, on one core: read and decode, clean, segment into
units, compile the termbase, and store units and terms in one transaction (a temporary SQLite
file), with the CPU seconds of each phase (`time.process_time`: other load on the machine
changes them less than the wall clock, which is shown too). Each build runs in a fresh Python
process after a tiny warm-up build, so the word caches start cold as in `tmtool build`; the
start-up (imports, pymorphy3 dictionaries) is reported on its own. Run by hand:

    python bench/build_speed.py --unique 5 --repeat 5    # 5 MB in which no paragraph repeats (issue 15)
    python bench/build_speed.py [--copies 100] [--repeat 3] [--tracemalloc] [--units-digest]
    python bench/build_speed.py --source FILE   # any other text
    python bench/build_speed.py --unique 5 --profile 30   # cProfile of one build, top 30 functions
    python bench/build_speed.py --unique 5 --tracemalloc  # also Python allocations: each phase's entry, peak, exit

--unique MB builds the text of bench/unique_text.py (UN dev set, WMT21, FLORES, the PDF dev
reports, then gettext catalogs; provenance printed). The report repeated --copies times repeats
every paragraph, and the build reads a repeated paragraph or sentence only once, so it flatters.

After the build, the same process splits the input's paragraphs (blank-line separated, whitespace
collapsed) into sentences with razdel alone; the ratio razdel CPU / build CPU of each run is shown
and the median of the runs is the figure (the load of other processes changes both alike).

Targets (issue 15): the whole build at least 0.5x razdel alone on text that never repeats;
peak RSS at most the start-up RSS + 10 times the input size.
"""
from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import os
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import glossary.termbase
import tm.app
import tm.clean
import tm.pipeline
from tm.app import build_memory, example_path
from tm.model import BuildResult
from tm.store import open_store

sys.path.insert(0, str(Path(__file__).resolve().parent))
from unique_text import write_unique_text  # noqa: E402  (a sibling script, not a package)

# Phases timed by wrapping the functions the build calls (module, attribute, phase name);
# an indented name is part of the phase above it.
PHASES: tuple[tuple[Any, str, str], ...] = (
    (tm.app, "read_bytes", "read"),
    (tm.app, "decode_text", "decode"),
    (tm.pipeline, "clean_document", "clean"),
    (tm.clean, "normalise_text", "  normalise"),
    (tm.clean, "content_lines", "  page furniture"),
    (tm.clean, "restore_at_joins", "  hyphens at joins"),
    (tm.clean, "read_structure", "  structure"),
    (tm.clean, "without_marks", "  footnote marks"),
    (tm.clean, "finish_block", "  join + repair (new)"),  # blocks seen before are reused, not timed here
    (tm.pipeline, "document_units", "segment + units"),
    (glossary.termbase, "compile_termbase", "termbase compile"),
    (tm.app, "store_with_termbase", "store with termbase"),  # holds the termbase compile
)


def write_input(directory: Path, copies: int) -> Path:
    text = example_path().read_text(encoding="utf-8")
    path = directory / f"report_x{copies}.ru.txt"
    path.write_text(text * copies, encoding="utf-8")
    return path


def max_rss_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB


def timed(function: Callable[..., Any], phase: str, seconds: dict[str, float]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            seconds[phase] += time.process_time() - start
    return wrapper


@contextmanager
def phase_timers(seconds: dict[str, float]) -> Iterator[None]:
    """Wrap the build's functions so that each call adds its CPU time to its phase."""
    with ExitStack() as stack:
        for module, name, phase in PHASES:
            original = getattr(module, name)
            setattr(module, name, timed(original, phase, seconds))
            stack.callback(setattr, module, name, original)
        yield


def timed_build(source: Path, db: Path) -> tuple[dict[str, float], BuildResult]:
    """CPU seconds per phase of the build as `tmtool build` runs it, and the build result."""
    seconds: dict[str, float] = defaultdict(float)
    with phase_timers(seconds):
        start = time.process_time()
        result = build_memory(source)
        built = time.process_time()
        with open_store(db) as store:
            tm.app.store_with_termbase(store, result)
        stored = time.process_time()
    seconds["build (read..units)"] = built - start
    seconds["store (one transaction)"] = stored - built - seconds["termbase compile"]
    seconds["whole build"] = stored - start
    return seconds, result


# A few lines that make the build load everything it loads once per process (razdel, the pymorphy3
# dictionaries, the reference table) without warming the word caches for the report itself.
WARM_UP_TEXT = "1. Программа сотрудничест-\nва Всемирной организации здравоохранения (ВОЗ) в 2001 г. началась.\n"


def warm_up(directory: Path) -> float:
    """Load what a build loads once per process; returns the CPU seconds since the process started."""
    path = directory / "warm.txt"
    path.write_text(WARM_UP_TEXT, encoding="utf-8")
    timed_build(path, directory / "warm.db")
    return time.process_time()


def units_digest(result: BuildResult) -> str:
    digest = hashlib.sha256()
    for unit in result.units:
        digest.update(repr(unit).encode("utf-8"))
    return digest.hexdigest()[:16]


def print_rates(seconds: dict[str, float], megabytes: float, mchars: float) -> None:
    order = ["read", "decode", "clean", *[p for _, _, p in PHASES if p.startswith("  ")], "segment + units",
             "build (read..units)", "termbase compile", "store (one transaction)", "whole build"]
    print(f"{'phase':>26}  {'CPU s':>6}  {'MB/s':>7}  {'Mchar/s':>7}")
    for phase in order:
        s = seconds.get(phase, 0.0)
        print(f"{phase:>26}  {s:6.2f}  {rate(megabytes, s)}  {rate(mchars, s)}")


def rate(amount: float, seconds: float) -> str:
    return f"{amount / seconds:7.2f}" if seconds > 0 else "      -"


def razdel_seconds(source: Path) -> tuple[float, int]:
    """CPU seconds razdel alone takes to split the source's paragraphs into sentences, and the sentences."""
    import razdel

    paragraphs = [" ".join(p.split()) for p in source.read_text(encoding="utf-8").split("\n\n")]
    start = time.process_time()
    sentences = sum(1 for p in paragraphs if p for _ in razdel.sentenize(p))
    return time.process_time() - start, sentences


def one_run(source: Path, directory: Path, digest: bool) -> dict[str, Any]:
    """Warm up, then build source once and razdel it once: phase seconds, wall clock, memory (run in a fresh process)."""
    startup = warm_up(directory)
    rss_before = max_rss_bytes()
    wall = time.perf_counter()
    seconds, result = timed_build(source, directory / "bench.db")
    wall = time.perf_counter() - wall
    rss = max_rss_bytes()
    razdel_cpu, sentences = razdel_seconds(source)
    return {"seconds": seconds, "wall": wall, "startup": startup, "units": len(result.units),
            "rss": rss, "rss_before": rss_before, "rss_growth": rss - rss_before,
            "razdel": razdel_cpu, "razdel_sentences": sentences,
            "digest": units_digest(result) if digest else ""}


def fresh_run(source: Path, digest: bool) -> dict[str, Any]:
    """one_run in a new Python process, so that no cache is warm from an earlier run."""
    command = [sys.executable, __file__, "--one-run", str(source)] + (["--units-digest"] if digest else [])
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    run: dict[str, Any] = json.loads(done.stdout)
    return run


def tracemalloc_peak(source: Path, directory: Path) -> tuple[int, list[list[Any]]]:
    """The peak of Python allocations during one build, and per phase call [phase, bytes at entry, peak,
    bytes at exit] (tracing starts after the warm-up)."""
    warm_up(directory)
    stages: list[list[Any]] = []
    tracemalloc.start()
    with phase_memory(stages):
        timed_build(source, directory / "traced.db")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return max([peak, *(stage[2] for stage in stages)]), stages


def memory_tracked(function: Callable[..., Any], phase: str, stages: list[list[Any]],
                   open_stages: list[list[Any]]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        fold_peak(open_stages)
        stage = [phase, tracemalloc.get_traced_memory()[0], 0, 0]
        stages.append(stage)
        open_stages.append(stage)
        try:
            return function(*args, **kwargs)
        finally:
            fold_peak(open_stages)
            open_stages.pop()
            stage[3] = tracemalloc.get_traced_memory()[0]
    return wrapper


def fold_peak(open_stages: list[list[Any]]) -> None:
    """Give the peak since the last call to every phase still running, and start a new peak."""
    peak = tracemalloc.get_traced_memory()[1]
    for stage in open_stages:
        stage[2] = max(stage[2], peak)
    tracemalloc.reset_peak()


@contextmanager
def phase_memory(stages: list[list[Any]]) -> Iterator[None]:
    """Wrap the build's functions so that each call records its Python allocations."""
    open_stages: list[list[Any]] = []
    with ExitStack() as stack:
        for module, name, phase in PHASES:
            original = getattr(module, name)
            setattr(module, name, memory_tracked(original, phase, stages, open_stages))
            stack.callback(setattr, module, name, original)
        yield


def print_stages(stages: list[list[Any]]) -> None:
    """Each phase once: MB at its first call's entry, the peak of all its calls, MB at its last call's exit."""
    merged: dict[str, list[Any]] = {}
    for phase, entry, peak, left in stages:
        seen = merged.setdefault(phase, [entry, peak, left])
        seen[1], seen[2] = max(seen[1], peak), left
    print(f"{'tracemalloc, MB':>26}  {'entry':>6}  {'peak':>6}  {'exit':>6}")
    for phase, (entry, peak, left) in merged.items():
        print(f"{phase:>26}  {entry / 1e6:6.1f}  {peak / 1e6:6.1f}  {left / 1e6:6.1f}")


def profile_build(source: Path, directory: Path, top: int) -> None:
    """cProfile of one build after the warm-up: the top functions by cumulative and by own time."""
    warm_up(directory)
    profiler = cProfile.Profile()
    profiler.enable()
    timed_build(source, directory / "profiled.db")
    profiler.disable()
    for order in ("cumulative", "tottime"):
        pstats.Stats(profiler).strip_dirs().sort_stats(order).print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=1, help="build this many times (each in a fresh process), show the fastest")
    parser.add_argument("--source", help="build this file instead of the report repeated --copies times")
    parser.add_argument("--unique", type=float, metavar="MB", help="build MB of text in which no paragraph repeats")
    parser.add_argument("--profile", type=int, metavar="N", help="cProfile one build and show the top N functions")
    parser.add_argument("--units-digest", action="store_true", help="print a digest of the built units")
    parser.add_argument("--tracemalloc", action="store_true", help="also measure Python allocations (slower)")
    parser.add_argument("--one-run", help=argparse.SUPPRESS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        if args.one_run:
            print(json.dumps(one_run(Path(args.one_run), directory, args.units_digest)))
            return
        if args.unique:
            source = directory / "unique.ru.txt"
            for name, count, size in write_unique_text(source, args.unique):
                print(f"  source: {size / 1e6:5.2f} MB, {count:5d} paragraphs, {name}")
        else:
            source = Path(args.source) if args.source else write_input(directory, args.copies)
        if args.profile:
            profile_build(source, directory, args.profile)
            return
        runs = [fresh_run(source, args.units_digest) for _ in range(args.repeat)]
        wholes = [run["seconds"]["whole build"] for run in runs]
        best = runs[wholes.index(min(wholes))]  # other processes on the machine slow some runs
        size = source.stat().st_size
        megabytes, mchars = size / 1e6, len(source.read_text(encoding="utf-8")) / 1e6
        what = args.source or (f"{args.unique} MB of text without repeated paragraphs" if args.unique
                               else f"{args.copies} copies of the report")
        print(f"input: {what}, {megabytes:.2f} MB UTF-8, {mchars:.2f} M characters, {best['units']} units")
        print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}; fastest of {args.repeat} fresh process(es);"
              f" whole build of each: {' '.join(f'{whole:.2f}' for whole in wholes)} s CPU")
        print_rates(best["seconds"], megabytes, mchars)
        print(f"{'wall clock':>26}  {best['wall']:6.2f}  {megabytes / best['wall']:7.2f}  {mchars / best['wall']:7.2f}")
        print(f"start-up before the build (imports, dictionaries, reference table): {best['startup']:.2f} s CPU")
        print(f"peak RSS: {best['rss'] / 1e6:.0f} MB (growth during the build {best['rss_growth'] / 1e6:.0f} MB,"
              f" {best['rss_growth'] / size:.1f}x input)")
        ratios = [run["razdel"] / run["seconds"]["whole build"] for run in runs]
        print(f"razdel alone on the same paragraphs: {best['razdel']:.2f} s CPU, {megabytes / best['razdel']:.2f} MB/s,"
              f" {best['razdel_sentences']} sentences")
        print(f"build speed / razdel speed per run: {' '.join(f'{r:.2f}' for r in ratios)};"
              f" median {statistics.median(ratios):.2f}x razdel")
        print(f"peak RSS - start-up RSS = {(best['rss'] - best['rss_before']) / size:.1f}x input"
              f" (start-up RSS {best['rss_before'] / 1e6:.0f} MB)")
        if args.units_digest:
            print(f"units digest: {', '.join(sorted({run['digest'] for run in runs}))}")
        if args.tracemalloc:
            peak, stages = tracemalloc_peak(source, directory)
            print(f"tracemalloc peak: {peak / 1e6:.0f} MB ({peak / size:.1f}x input)")
            print_stages(stages)


if __name__ == "__main__":
    main()
