"""Time and peak memory of aligning two long documents (run by hand, not a test).

usage: python bench/align_speed.py [--sentences 50000] [--per-paragraph 0|N] [--data DIR]

The documents are the gold sentence pairs of the parallel data sets, repeated until each side
has the requested number of sentences; --per-paragraph 0 makes one paragraph of everything
(the hardest case for the sentence aligner), N groups N sentences to a paragraph.
Segmentation is not timed: the sentences go to the aligner as they are.
"""
from __future__ import annotations

import argparse
import itertools
import resource
import sys
import time
from pathlib import Path

from tm.align.documents import Document, Paragraph, align_documents

DEFAULT_DATA = Path("/work/shared/data/parallel")
SETS = ("flores200_devtest_ruen", "wmt21_newstest_ruen")


def pairs(data: Path) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for name in SETS:
        ru = (data / f"{name}.ru").read_text(encoding="utf-8").splitlines()
        en = (data / f"{name}.en").read_text(encoding="utf-8").splitlines()
        out += zip(ru, en)
    return out


def document(lang: str, sentences: list[str], per_paragraph: int) -> Document:
    size = per_paragraph or len(sentences)
    groups = [tuple(sentences[k:k + size]) for k in range(0, len(sentences), size)]
    return Document(lang, tuple(Paragraph("", "paragraph", g) for g in groups))


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=50_000)
    parser.add_argument("--per-paragraph", type=int, default=0)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args(argv)
    chosen = list(itertools.islice(itertools.cycle(pairs(args.data)), args.sentences))
    src = document("ru", [r for r, _ in chosen], args.per_paragraph)
    tgt = document("en", [e for _, e in chosen], args.per_paragraph)
    before = peak_mib()
    cpu = time.process_time()
    started = time.perf_counter()
    aligned = align_documents(src, tgt)
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu
    gold = set(chosen)
    wrong = sum(1 for a in aligned if (a.piece.source, a.piece.target) not in gold)
    print(f"{args.sentences} x {args.sentences} sentences, {len(src.paragraphs)} paragraphs: "
          f"{len(aligned)} pieces ({wrong} not a gold pair) in {seconds:.1f} s ({cpu:.1f} s CPU); peak RSS {peak_mib():.0f} MiB (before aligning {before:.0f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
