"""Link precision, recall and F1 of the aligner on a line-aligned ru–en gold set (run by hand).

usage: python bench/align_eval.py [--data DIR] [--mode para|flat|own] [--drop-paragraph] [--show] [--wrong]
                                  [--baseline] NAME...

Documents are rebuilt from NAME.docs: in 'para' mode a document's first line is a heading
paragraph and the rest go four lines to a paragraph; in 'flat' mode a document is one paragraph.
'own' (unv1_dev_ruen only) keeps the UN documents' own paragraphs, as
/work/shared/tools/unv1_pairs.py writes them from /work/shared/data/unv1 (the same line order).
The texts go through tmtool's own path (clean, segment, align), as `tmtool build --target` does.
--baseline also runs the Gale–Church baseline (/work/shared/tools/galechurch.py) on the same two
texts and scores it the same way.
A unit whose source covers gold lines A and whose target covers gold lines B contributes the
links A×B (as in vecalign); gold links are (i, i). --drop-paragraph removes every 10th English
paragraph, to check that the rest still aligns (the gold links of the dropped lines are left out).

The link metric cannot see a gold line cut in two (both halves still link to the right line), so
the splits are counted too: gold lines cut by a unit boundary on each side, and of those cuts the
mid-sentence ones (the text before the cut does not end in . ! ? … : ; or a closing quote after
one), which leave a unit that is not a whole sentence. --show prints every mid-sentence cut, --wrong every wrong unit.

Calibration, over the units with text on both sides: a unit is wrong when it makes a link that
is not gold, mispaired when its two sides do not cover the same gold lines; the report says how
many flagged units are wrong and how many wrong ones are flagged, and how the wrong units fall
on merge beads (1-2, 2-1, 2-2, 1-3, 3-1) and the rest. Unmatched units (one side empty) are
always flagged; they are counted apart, with how many of them have a gold partner.
"""
from __future__ import annotations

import argparse
import csv
import importlib.util
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tm.align.documents import MERGE_SHAPES, align_documents, is_flagged, text_document

DEFAULT_DATA = Path("/work/shared/data/parallel")
TOOLS = Path("/work/shared/tools")
UN_SET = Path("/work/shared/data/unv1")
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


KEY_CHAR = re.compile(r"[^\W_]")
SENTENCE_END = re.compile(r"[.!?…:;][\"»”'’)]*$")


def line_cover(lines: list[str], kept: list[int], segments: list[str]) -> tuple[list[set[int]], list[tuple[int, int]]]:
    """Gold lines each segment overlaps, found in order in the letters-and-digits stream; and where
    segments end inside a gold line, as (line, offset in the line's raw text)."""
    keys = [key(lines[i]) for i in kept]
    stream, bounds, pos = "".join(keys), [], 0
    for k in keys:
        bounds.append((pos, pos + len(k)))
        pos += len(k)
    out: list[set[int]] = []
    cuts: list[tuple[int, int]] = []
    cursor = 0
    for seg in segments:
        k = key(seg)
        at = stream.find(k, cursor) if k else -1
        if at < 0:
            out.append(set())
            continue
        cursor = at + len(k)
        out.append({kept[n] for n, (a, b) in enumerate(bounds) if a < cursor and b > at})
        cuts += [(kept[n], cursor - a) for n, (a, b) in enumerate(bounds) if a < cursor < b]
    return out, cuts


def raw_offset(line: str, letters: int) -> int:
    """Offset in the raw line just after its first `letters` letters and digits."""
    found = [m.end() for m in KEY_CHAR.finditer(line)]
    return found[letters - 1] if 0 < letters <= len(found) else 0


def opening(text: str) -> bool:
    """The text starts with an opening quote or bracket (a straight quote before a letter or digit)."""
    return text[:1] in "«“(" or (text[:1] in "\"'" and bool(KEY_CHAR.match(text[1:2])))


def mid_sentence(lines: list[str], cuts: list[tuple[int, int]]) -> list[tuple[int, str, str]]:
    """Cuts inside a gold line where the text before them does not end a sentence."""
    out = []
    for line, letters in cuts:
        at = raw_offset(lines[line], letters)
        left, right = lines[line][:at], lines[line][at:]
        right_head = right.lstrip()
        while right_head[:1] and not KEY_CHAR.match(right_head[:1]) and not opening(right_head):
            left, right_head = left + right_head[:1], right_head[1:].lstrip()
        if not SENTENCE_END.search(left.rstrip()):
            out.append((line, left, right_head))
    return out


def score(pred: set[tuple[int, int]], gold: set[tuple[int, int]]) -> tuple[float, float, float]:
    tp = len(pred & gold)
    p, r = tp / max(1, len(pred)), tp / max(1, len(gold))
    return p, r, 2 * p * r / max(1e-9, p + r)


def split_report(ru: list[str], en: list[str], s_cuts: list[tuple[int, int]], t_cuts: list[tuple[int, int]],
                 show: bool) -> str:
    s_mid, t_mid = mid_sentence(ru, s_cuts), mid_sentence(en, t_cuts)
    if show:
        for side, found in (("ru", s_mid), ("en", t_mid)):
            for line, left, right in found:
                print(f"  mid-sentence {side} line {line + 1}: …{left[-40:]} | {right[:40]}…")
    return (f"  split lines ru={len({c[0] for c in s_cuts})} en={len({c[0] for c in t_cuts})}; "
            f"mid-sentence cuts ru={len(s_mid)} en={len(t_mid)}")


def own_paragraphs(ru: list[str], en: list[str]) -> tuple[str, str]:
    """The UN dev pair with the documents' own paragraphs, written by the shared tool."""
    spec = importlib.util.spec_from_file_location("unv1_pairs", TOOLS / "unv1_pairs.py")
    assert spec and spec.loader
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    with tempfile.TemporaryDirectory() as folder:
        tool.main(str(UN_SET), "devset", folder)
        texts = tuple((Path(folder) / f"{lang}.txt").read_text(encoding="utf-8") for lang in ("ru", "en"))
    if key(texts[0]) != key("".join(ru)):
        raise SystemExit("unv1_pairs.py output does not follow the line order of the parallel set")
    return texts[0], texts[1]


def gale_church(ru_text: str, en_text: str) -> tuple[list[tuple[str, str]], float]:
    """The shared Gale–Church baseline on the same two texts: its (source, target) rows and seconds."""
    with tempfile.TemporaryDirectory() as folder:
        paths = [Path(folder) / name for name in ("ru.txt", "en.txt", "out.csv")]
        paths[0].write_text(ru_text, encoding="utf-8")
        paths[1].write_text(en_text, encoding="utf-8")
        started = time.perf_counter()
        subprocess.run([sys.executable, str(TOOLS / "galechurch.py"), *map(str, paths)], check=True)
        seconds = time.perf_counter() - started
        with paths[2].open(encoding="utf-8") as stream:
            rows = [(row["source"], row["target"]) for row in csv.DictReader(stream)]
    return rows, seconds


def wrong_units(kept: tuple[list[int], list[int]], s_cover: list[set[int]], t_cover: list[set[int]]) -> list[bool]:
    """A unit is wrong when it makes a link that is not gold, or leaves a line alone whose gold partner
    the other side has (an unmatched sentence that has a translation)."""
    both = set(kept[0]) & set(kept[1])
    out = []
    for a, t in zip(s_cover, t_cover, strict=True):
        if a and t:
            out.append(any(x != y for x in a for y in t))
        else:
            out.append(bool((a | t) & both))
    return out


def mispaired_units(kept: tuple[list[int], list[int]], s_cover: list[set[int]], t_cover: list[set[int]]) -> list[bool]:
    """A unit is mispaired when its two sides do not cover the same gold lines: some text in it has no
    translation there (a unit of two whole gold pairs is wrong for the links, but not mispaired)."""
    both = set(kept[0]) & set(kept[1])
    return [(a & both) != (t & both) for a, t in zip(s_cover, t_cover, strict=True)]


def calibration(wrong: list[bool], flagged: list[bool], paired: list[bool], what: str = "wrong") -> str:
    """Of the units with text on both sides: how many flagged ones are wrong, how many wrong ones flagged."""
    rows = [(w, f) for w, f, p in zip(wrong, flagged, paired, strict=True) if p]
    n_flag, n_wrong = sum(f for _, f in rows), sum(w for w, _ in rows)
    both = sum(1 for w, f in rows if w and f)
    return (f"  calibration ({what}, paired units): {n_flag} flagged, "
            f"{both} of them {what} ({both / max(1, n_flag):.0%}); "
            f"{n_wrong} {what}, {both} of them flagged ({both / max(1, n_wrong):.0%}); {len(rows)} units")


def unmatched_report(wrong: list[bool], paired: list[bool]) -> str:
    """Units with text on one side only (always flagged): how many of them have a gold partner."""
    alone = [w for w, p in zip(wrong, paired, strict=True) if not p]
    return f"  unmatched units (all flagged): {len(alone)}, {sum(alone)} of them with a partner on the other side"


def shape_report(wrong: list[bool], shapes: list[str]) -> str:
    """Wrong units among the merge beads' units and among the rest."""
    merge = [w for w, s in zip(wrong, shapes, strict=True) if s in MERGE_SHAPES]
    rest = [w for w, s in zip(wrong, shapes, strict=True) if s not in MERGE_SHAPES]
    return f"  wrong units: {sum(merge)} of {len(merge)} merge units, {sum(rest)} of {len(rest)} others"


def show_wrong(rows: list[tuple[str, str]], scores: list[float], wrong: list[bool], s_cover: list[set[int]],
               t_cover: list[set[int]]) -> None:
    """Print every wrong unit: its gold lines on each side, score, and both texts."""
    for k, bad in enumerate(wrong):
        if bad:
            ru_lines = sorted(x + 1 for x in s_cover[k])
            en_lines = sorted(x + 1 for x in t_cover[k])
            print(f"  wrong unit {k}: ru {ru_lines} en {en_lines} score {scores[k]}")
            print(f"    ru: {rows[k][0][:160]}")
            print(f"    en: {rows[k][1][:160]}")


def score_rows(ru: list[str], en: list[str], kept: tuple[list[int], list[int]], rows: list[tuple[str, str]],
               show: bool, flagged: list[bool] | None = None, scores: list[float] | None = None,
               shapes: list[str] | None = None) -> tuple[tuple[float, float, float], str]:
    s_cover, s_cuts = line_cover(ru, kept[0], [s for s, _ in rows])
    t_cover, t_cuts = line_cover(en, kept[1], [t for _, t in rows])
    pred = {(x, y) for a, t in zip(s_cover, t_cover, strict=True) for x in a for y in t}
    gold = {(i, i) for i in set(kept[1])}
    report = split_report(ru, en, s_cuts, t_cuts, show)
    if scores is not None:
        show_wrong(rows, scores, wrong_units(kept, s_cover, t_cover), s_cover, t_cover)
    if flagged is not None and shapes is not None:
        wrong = wrong_units(kept, s_cover, t_cover)
        paired = [bool(a and t) for a, t in rows]
        report += "\n" + calibration(wrong, flagged, paired)
        report += "\n" + calibration(mispaired_units(kept, s_cover, t_cover), flagged, paired, "mispaired")
        report += "\n" + unmatched_report(wrong, paired) + "\n" + shape_report(wrong, shapes)
    return score(pred, gold), report


def evaluate(data: Path, name: str, mode: str, drop: bool, show: bool = False, baseline: bool = False,
             wrong: bool = False) -> str:
    ru, en, docs = load(data, name)
    if mode == "own":
        if drop:
            raise SystemExit("--drop-paragraph works with para and flat only")
        kept = (list(range(len(ru))), list(range(len(en))))
        ru_text, en_text = own_paragraphs(ru, en)
    else:
        paragraphs = paragraph_lines(docs, mode)
        en_paragraphs = [p for k, p in enumerate(paragraphs) if not (drop and k % 10 == 5)]
        kept = ([i for p in paragraphs for i in p], [i for p in en_paragraphs for i in p])
        ru_text, en_text = render(ru, paragraphs), render(en, en_paragraphs)
    started = time.perf_counter()
    aligned = align_documents(text_document(ru_text, "ru"), text_document(en_text, "en"))
    seconds = time.perf_counter() - started
    rows = [(a.piece.source, a.piece.target) for a in aligned]
    scores = [a.piece.score for a in aligned] if wrong else None
    flagged = [is_flagged(a.piece) for a in aligned]
    (p, r, f), splits = score_rows(ru, en, kept, rows, show, flagged, scores, [a.piece.shape for a in aligned])
    label = f"{name} {mode}{' drop' if drop else ''}"
    out = f"{label}: {len(aligned)} units, P={p:.4f} R={r:.4f} F1={f:.4f} ({seconds:.1f} s)\n{splits}"
    if baseline:
        rows, seconds = gale_church(ru_text, en_text)
        (p, r, f), splits = score_rows(ru, en, kept, rows, False)
        out += f"\n{label} Gale–Church: {len(rows)} units, P={p:.4f} R={r:.4f} F1={f:.4f} ({seconds:.1f} s)\n{splits}"
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="+")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--mode", choices=("para", "flat", "own"), default="para")
    parser.add_argument("--drop-paragraph", action="store_true")
    parser.add_argument("--show", action="store_true", help="print every mid-sentence cut")
    parser.add_argument("--wrong", action="store_true", help="print every wrong unit")
    parser.add_argument("--baseline", action="store_true", help="also score the Gale–Church baseline")
    args = parser.parse_args(argv)
    for name in args.names:
        print(evaluate(args.data, name, args.mode, args.drop_paragraph, args.show, args.baseline, args.wrong))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
