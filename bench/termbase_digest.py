"""Check by hand that a change to the termbase changes no output: a digest of the term records
(entry JSON and lookup keys, as tm.app stores them) of several builds, and compile_termbase's CPU time.

    python bench/termbase_digest.py [--unique 5] [--no-pairs]           # this checkout
    PYTHONPATH=DIR python DIR/bench/termbase_digest.py                  # another, e.g. from git archive

The builds are the 5 MB that never repeat (bench/unique_text.py), every .txt of ../shared/data/unpdf-dev
(language from the name), each ru+en pair of its reports aligned, and the bundled examples (A/58/98
and its pair). Units are built first, then compiled, so only compile_termbase is timed. Two checkouts
that compile alike print the same digest; times compare only within one run on the same machine load.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from glossary.lookup_keys import entry_keys, keys_to_json
from glossary.termbase import compile_termbase
from glossary.termstore import entry_to_json
from tm.app import build_bilingual, build_examples, build_memory
from tm.model import BuildResult

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from unique_text import DATA, write_unique_text  # noqa: E402  (a sibling script, not a package)


def builds(unique: Path, pairs: bool) -> Iterator[tuple[str, BuildResult]]:
    """The builds to compile, by name, in a fixed order."""
    yield unique.name, build_memory(unique)
    texts = sorted((DATA / "unpdf-dev").glob("*.txt"))
    for path in texts:
        lang = "en" if ".en." in path.name else "ru"
        yield path.name, build_memory(path, lang, "ru" if lang == "en" else "en", force_lang=True)
    if pairs:
        for ru in (p for p in texts if p.name.endswith(".ru.txt") and ".layout." not in p.name):
            yield f"{ru.name}+en", build_bilingual(ru, ru.with_name(ru.name.replace(".ru.", ".en.")))
    for result in build_examples():
        yield f"example {result.info.name}", result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unique", type=float, default=5.0, help="MB of text that never repeats (default 5)")
    parser.add_argument("--no-pairs", action="store_true", help="leave out the aligned pairs (slow to align)")
    parser.add_argument("--each", action="store_true", help="also print each build's digest and entry count")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        unique = Path(tmp) / "unique.ru.txt"
        write_unique_text(unique, args.unique)
        built = list(builds(unique, not args.no_pairs))
    compile_termbase(build_examples()[0].units[:3])  # load what compiling loads (reference table)
    digest, seconds, entries = hashlib.sha256(), {}, 0
    for name, result in built:
        start = time.process_time()
        compiled = compile_termbase(result.units)
        seconds[name] = time.process_time() - start
        one = hashlib.sha256()
        for e in compiled:
            one.update(f"{e.id}\t{entry_to_json(e)}\t{keys_to_json(entry_keys(e))}\n".encode())
        digest.update(one.digest())
        entries += len(compiled)
        if args.each:
            print(f"  {name}: {len(compiled)} entries, {one.hexdigest()[:16]}, {seconds[name]:.2f} s")
    print(f"{len(built)} builds, {entries} entries, digest {digest.hexdigest()[:16]}; termbase CPU: "
          f"{seconds[unique.name]:.2f} s for the {args.unique:g} MB text, {sum(seconds.values()):.2f} s in all")


if __name__ == "__main__":
    main()
