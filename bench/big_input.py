"""Benchmark: build a very large source file (default 100 MB) and export it; report time and peak memory.

    python bench/big_input.py [--mb 100] [--keep DIR]

The file is the bundled report repeated (copies separated by an empty line) up to the size asked
for. Each step runs `tmtool` in its own process; its peak resident memory comes from the kernel
(wait4 on the child), so the figure is the whole process, Python included.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REPORT = REPO / "tm" / "data" / "A_58_98.ru.txt"


def write_big_file(path: Path, megabytes: float) -> int:
    """Copies of the report until the file holds at least the given size; returns its size in bytes."""
    chunk = REPORT.read_bytes().rstrip(b"\n") + b"\n\n"
    copies = int(megabytes * 1024 * 1024 // len(chunk)) + 1
    with path.open("wb") as stream:
        for _ in range(copies):
            stream.write(chunk)
    return path.stat().st_size


def run_measured(args: list[str], log: Path) -> tuple[float, float, str]:
    """Run `tmtool ARGS` in a child process: (seconds, its peak RSS in MB, first output line)."""
    start = time.perf_counter()
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen([sys.executable, "-m", "tm.cli", *args], cwd=REPO, stdout=out, stderr=out)
        _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    text = log.read_text(encoding="utf-8")
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"tmtool {' '.join(args)} failed:\n{text[-2000:]}")
    return seconds, usage.ru_maxrss / 1024, (text.strip().splitlines() or [""])[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=100.0, help="size of the input file in MB (default 100)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep the files")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="tmtool-big-"))
    folder.mkdir(parents=True, exist_ok=True)
    source, db = folder / "big.ru.txt", folder / "big.db"
    db.unlink(missing_ok=True)
    size = write_big_file(source, args.mb)
    mb = size / 1024 / 1024
    print(f"input: {source} ({mb:.1f} MB, {sys.version.split()[0]})")
    steps = [
        ("build", ["build", str(source), "--db", str(db)]),
        ("export tmx", ["export", "--db", str(db), "-o", str(folder / "big.tmx")]),
        ("export txt", ["export", "--db", str(db), "-o", str(folder / "big.txt")]),
    ]
    for name, step in steps:
        seconds, peak, line = run_measured(step, folder / f"{step[0]}.log")
        print(f"{name:11s} {seconds:7.1f} s  {mb / seconds:5.2f} MB/s  peak RSS {peak:7.0f} MB "
              f"({peak / mb:4.1f}x input)  {line}")


if __name__ == "__main__":
    main()
