"""Check by hand that a change to cleaning changes no output: a digest of clean_document's blocks,
repairs and symbol over the dev texts, and its CPU time, for one checkout.

    python bench/clean_digest.py [--unique 5]                         # this checkout
    PYTHONPATH=DIR python DIR/bench/clean_digest.py                   # another, e.g. from git archive

The texts are the 5 MB that never repeat (bench/unique_text.py) and every .txt of
../shared/data/unpdf-dev (language from the name). Two checkouts that clean alike print the same
digest; the times are comparable only within one run on the same machine load.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
from pathlib import Path

import tm.clean

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from unique_text import DATA, write_unique_text  # noqa: E402  (a sibling script, not a package)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unique", type=float, default=5.0, help="MB of text that never repeats (default 5)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        unique = Path(tmp) / "unique.ru.txt"
        write_unique_text(unique, args.unique)
        files = [unique, *sorted((DATA / "unpdf-dev").rglob("*.txt"))]
        tm.clean.clean_document("1. Программа сотрудничест-\nва ВОЗ началась.\n")  # load what cleaning loads
        digest, seconds = hashlib.sha256(), {}
        for path in files:
            start = time.process_time()
            cleaned = tm.clean.clean_document(path.read_text(encoding="utf-8"), "en" if ".en." in path.name else "ru")
            seconds[path.name] = time.process_time() - start
            digest.update(repr((cleaned.blocks, sorted(cleaned.repairs.items()), cleaned.symbol)).encode("utf-8"))
    print(f"{len(files)} texts, digest {digest.hexdigest()[:16]}; clean CPU: {seconds[unique.name]:.2f} s for the "
          f"{args.unique:g} MB text, {sum(seconds.values()):.2f} s in all")


if __name__ == "__main__":
    main()
