"""The language check on real texts: each must pass in its own language and be refused in the other (run by hand).

    python bench/lang_check.py       # the 80 texts of ../shared/data/unpdf-dev, the bundled examples, the UN dev set

A text's language comes from its name (.ru. or .en.); printed: each text the check gets wrong, then
the totals.
"""
from __future__ import annotations

from pathlib import Path

from tm.app import example_pair_paths, example_path
from tm.lang.detect import guess_language, language_mismatch

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def texts() -> list[Path]:
    return [*sorted((SHARED / "unpdf-dev").glob("devset-a*.txt")), example_path(), *example_pair_paths(),
            *sorted((SHARED / "unv1").glob("unv1_devset.??.txt"))]


def main() -> None:
    wrong = 0
    files = texts()
    for path in files:
        lang = "ru" if ".ru." in path.name else "en"
        other = "en" if lang == "ru" else "ru"
        text = path.read_text(encoding="utf-8")
        if language_mismatch(text, lang) is not None or language_mismatch(text, other) is None:
            wrong += 1
            print(f"wrong: {path.name} ({lang}): {guess_language(text)}")
    print(f"{len(files)} texts, {wrong} judged wrong")


if __name__ == "__main__":
    main()
