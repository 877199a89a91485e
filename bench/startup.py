"""Benchmark: start-up of tmtool commands as a ratio to `python -c "import click"`, measured in one run.

    python bench/startup.py [--repeat 21] [--tree CHECKOUT]   # e.g. an older commit unpacked with git archive
    python bench/startup.py --instructions [--tree CHECKOUT]  # instructions run, under valgrind's callgrind
    python bench/startup.py --tree . --tree ../base            # two checkouts in one run, rounds alternating

Each round runs every command once, in a fresh process, in turn, for each --tree in turn (so
that the load of other processes on the machine falls on all of them alike); the figure of a
command is the median of its wall-clock times, and its ratio to the median of `python -c "import
click"` (the floor of any click program); beside it the median CPU time (user + system) and its
ratio, which the machine's load changes less. The store is the bundled report A/58/98 built once, untimed, into a
temporary file. Target (issue 15): each tmtool command's median at most 100 ms.

The commands run in the temporary directory: `python -m` puts the working directory first on
the path, so run from a checkout they would import that checkout's tmtool whatever --tree says.

The checkout's bytecode is cached in the temporary directory (PYTHONPYCACHEPREFIX, and
PYTHONDONTWRITEBYTECODE unset), as an installed tmtool has its .pyc files: otherwise every run
compiles the checkout's modules again (~0.1 s) and the figure measures the compiler.

On a loaded machine the times say little; --instructions runs each command once under valgrind
(callgrind) and gives the instructions it ran, as millions and as a ratio to `import click`: they
do not change with the load (on this machine idle, roughly 0.4 ms a million above the floor).

Run it with the Python of a plain `pip install .`: an editable install (`pip install -e .`) puts a
finder in site-packages that every process of that Python loads (pathlib, importlib.util, fnmatch:
about 25 ms here), `python -c pass` and `import click` included, which a user's install does not.
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGET_MS = 100
# What the `tmtool` script pip installs runs: `python -m tm.cli` would also time runpy (~10 ms), which
# a user's `tmtool` never loads.
CONSOLE_SCRIPT = "import re, sys; from tm.cli import main; sys.argv[0] = 'tmtool'; sys.exit(main())"


def commands(db: Path) -> dict[str, list[str]]:
    python = [sys.executable]
    tmtool = [*python, "-c", CONSOLE_SCRIPT]
    return {
        "python -c pass": [*python, "-c", "pass"],
        "python -c 'import click'": [*python, "-c", "import click"],
        "tmtool --help": [*tmtool, "--help"],
        "tmtool terms lookup МОТ": [*tmtool, "terms", "lookup", "МОТ", "--db", str(db)],
        "tmtool search (fuzzy)": [*tmtool, "search", "Доклад Генерального секретаря", "--db", str(db)],
    }


def environment(tree: Path, pycache: Path) -> dict[str, str]:
    """The checkout to time first on the path, whatever is installed; its bytecode cached in pycache."""
    env = {**os.environ, "PYTHONPATH": str(tree) + os.pathsep + os.environ.get("PYTHONPATH", ""),
           "PYTHONPYCACHEPREFIX": str(pycache)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one run (CPU: what the command costs when it waits for a core)."""
    start, cpu = time.perf_counter(), children_cpu()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env, cwd=cwd)
    return time.perf_counter() - start, children_cpu() - cpu


def instructions(command: list[str], env: dict[str, str], cwd: Path) -> int:
    """The instructions one run of command executes, as valgrind's callgrind counts them."""
    done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command], check=True,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env, cwd=cwd)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"no instruction count from valgrind for {command}:\n{done.stderr}")
    return int(found.group(1))


def report_instructions(tree: Path, counts: dict[str, int]) -> None:
    floor = counts["python -c 'import click'"]
    print(f"{tree}: instructions (callgrind), one run each")
    print(f"{'command':>28}  {'M instr':>8}  {'x import click':>14}")
    for name, count in counts.items():
        print(f"{name:>28}  {count / 1e6:8.1f}  {count / floor:14.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=21, help="rounds (default 21)")
    parser.add_argument("--tree", type=Path, action="append",
                        help="a checkout to time (default: this one); give it again to compare checkouts in one run")
    parser.add_argument("--instructions", action="store_true", help="count instructions under valgrind instead")
    args = parser.parse_args()
    trees: list[Path] = args.tree or [REPO]
    with tempfile.TemporaryDirectory() as tmp:
        tables, envs = {}, {}
        for n, tree in enumerate(trees):
            envs[tree] = environment(tree, Path(tmp) / f"pycache{n}")
            db = Path(tmp) / f"small{n}.db"
            subprocess.run([sys.executable, "-m", "tm.cli", "build", "--example", "--db", str(db)], check=True,
                           cwd=tmp, stdout=subprocess.DEVNULL, env=envs[tree])
            tables[tree] = commands(db)
            for command in tables[tree].values():  # untimed: compiles what each command imports
                subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=envs[tree], cwd=tmp)
        if args.instructions:
            for tree in trees:
                report_instructions(tree, {name: instructions(command, envs[tree], Path(tmp))
                                           for name, command in tables[tree].items()})
            return
        times: dict[Path, dict[str, list[float]]] = {tree: {name: [] for name in tables[tree]} for tree in trees}
        cpu: dict[Path, dict[str, list[float]]] = {tree: {name: [] for name in tables[tree]} for tree in trees}
        for _ in range(args.repeat):
            for tree in trees:
                for name, command in tables[tree].items():
                    wall, used = timed(command, envs[tree], Path(tmp))
                    times[tree][name].append(wall)
                    cpu[tree][name].append(used)
    for tree in trees:
        report(tree, args.repeat, times[tree], cpu[tree])


def report(tree: Path, repeat: int, times: dict[str, list[float]], cpu: dict[str, list[float]]) -> None:
    floor = statistics.median(times["python -c 'import click'"])
    cpu_floor = statistics.median(cpu["python -c 'import click'"])
    print(f"{tree}: load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}; median of {repeat} rounds")
    print(f"{'command':>28}  {'median ms':>9}  {'min ms':>7}  {'x import click':>14}  "
          f"{'CPU ms':>6}  {'CPU x click':>11}")
    for name, seconds in times.items():
        median, used = statistics.median(seconds), statistics.median(cpu[name])
        mark = "" if name.startswith("python") else ("  ok" if median * 1000 <= TARGET_MS else "  over 100 ms")
        print(f"{name:>28}  {median * 1000:9.0f}  {min(seconds) * 1000:7.0f}  {median / floor:14.2f}  "
              f"{used * 1000:6.0f}  {used / cpu_floor:11.2f}{mark}")


if __name__ == "__main__":
    main()
