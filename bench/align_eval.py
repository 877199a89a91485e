"""Link precision, recall and F1 of the aligner on a line-aligned ru–en gold set (run by hand).

usage: python bench/align_eval.py [--data DIR] [--mode para|flat] [--drop-paragraph] NAME...

Documents are rebuilt from NAME.docs: in 'para' mode a document's first line is a heading
paragraph and the rest go four lines to a paragraph; in 'flat' mode a document is one paragraph.
A unit whose source covers gold lines A and whose target covers gold lines B contributes the
links A×B (as in vecalign); gold links are (i, i). --drop-paragraph removes every 10th English
paragraph, to check that the rest still aligns (the gold links of the dropped lines are left out).
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from tm.bilingual import align_documents, text_document

DEFAULT_DATA = Path("/work/shared/data/parallel")
LINES_PER_PARAGRAPH = 4


def load(data: Path, name: str) -> tuple[list[str], list[str], list[tuple[int, int]]]:
    ru = (data / f"{name}.ru").read_text(encoding="utf-8").rstrip("\n").split("\n")
    en = (data / f"{name}.en").read_text(encoding="utf-8").rstrip("\n").split("\n")
    docs = []
    for row in (data / f"{name}.docs").read_text(encoding="utf-8").splitlines():
        fields = row.split("\t")
        docs.append((int(fields[1]) - 1, int(fields[2])))
    return ru, en, docs


def paragraph_lines(docs: list[tuple[int, int]], mode: str) -> list[list[int]]:
    """Gold line numbers of each paragraph."""
    out = []
    for start, count in docs:
        lines = list(range(start, start + count))
        if mode == "flat":
            out.append(lines)
            continue
        out.append(lines[:1])
        out += [lines[k:k + LINES_PER_PARAGRAPH] for k in range(1, count, LINES_PER_PARAGRAPH)]
    return out


def render(lines: list[str], paragraphs: list[list[int]]) -> str:
    return "\n\n".join(" ".join(lines[i] for i in p) for p in paragraphs) + "\n"


def key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).casefold()


def line_cover(lines: list[str], kept: list[int], segments: list[str]) -> list[set[int]]:
    """Gold lines each segment overlaps, found in order in the letters-and-digits stream."""
    keys = [key(lines[i]) for i in kept]
    stream, bounds, pos = "".join(keys), [], 0
    for k in keys:
        bounds.append((pos, pos + len(k)))
        pos += len(k)
    out, cursor = [], 0
    for seg in segments:
        k = key(seg)
        at = stream.find(k, cursor) if k else -1
        if at < 0:
            out.append(set())
            continue
        cursor = at + len(k)
        out.append({kept[n] for n, (a, b) in enumerate(bounds) if a < cursor and b > at})
    return out


def score(pred: set[tuple[int, int]], gold: set[tuple[int, int]]) -> tuple[float, float, float]:
    tp = len(pred & gold)
    p, r = tp / max(1, len(pred)), tp / max(1, len(gold))
    return p, r, 2 * p * r / max(1e-9, p + r)


def evaluate(data: Path, name: str, mode: str, drop: bool) -> str:
    ru, en, docs = load(data, name)
    paragraphs = paragraph_lines(docs, mode)
    en_paragraphs = [p for k, p in enumerate(paragraphs) if not (drop and k % 10 == 5)]
    kept_ru = [i for p in paragraphs for i in p]
    kept_en = [i for p in en_paragraphs for i in p]
    src, tgt = text_document(render(ru, paragraphs), "ru"), text_document(render(en, en_paragraphs), "en")
    started = time.perf_counter()
    aligned = align_documents(src, tgt)
    seconds = time.perf_counter() - started
    s_cover = line_cover(ru, kept_ru, [a.piece.source for a in aligned])
    t_cover = line_cover(en, kept_en, [a.piece.target for a in aligned])
    pred = {(x, y) for a, t in zip(s_cover, t_cover) for x in a for y in t}
    gold = {(i, i) for i in set(kept_en)}
    p, r, f = score(pred, gold)
    return f"{name} {mode}{' drop' if drop else ''}: {len(aligned)} units, P={p:.4f} R={r:.4f} F1={f:.4f} ({seconds:.1f} s)"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="+")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--mode", choices=("para", "flat"), default="para")
    parser.add_argument("--drop-paragraph", action="store_true")
    args = parser.parse_args(argv)
    for name in args.names:
        print(evaluate(args.data, name, args.mode, args.drop_paragraph))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
