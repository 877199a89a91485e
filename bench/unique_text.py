"""Russian text in which no paragraph repeats, for the build benchmark (bench/build_speed.py --unique).

    python bench/unique_text.py OUT.ru.txt [--mb 5]

Paragraphs, a blank line between them, in this order until --mb is reached:
  1. the UN dev set (../shared/data/unv1, grouped into the documents' paragraphs as
     ../shared/tools/unv1_pairs.py does), 2. WMT21 news and 3. FLORES-200 (../shared/data/parallel,
     one paragraph per document), 4. the text of the 20 PDF dev reports (../shared/data/unpdf-dev,
     hard-wrapped lines as pdftotext gives them, so the cleaning stage has work to do), and, when
     more is needed, 5. Russian messages of the gettext catalogs installed on this machine
     (/usr/share/locale/ru/LC_MESSAGES/*.mo, messages of six words or more, one paragraph each).
A paragraph seen before (after whitespace is collapsed) is left out, so the build's caches of
repeated paragraphs and sentences help no more than they do on a real document.
"""
from __future__ import annotations

import argparse
import gettext
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data"
TOOLS = REPO.parent / "shared" / "tools"
LOCALE = Path("/usr/share/locale/ru/LC_MESSAGES")
CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
MIN_MESSAGE_WORDS = 6


def unv1_paragraphs() -> Iterator[str]:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, str(TOOLS / "unv1_pairs.py"), str(DATA / "unv1"), "devset", tmp], check=True)
        yield from (Path(tmp) / "ru.txt").read_text(encoding="utf-8").split("\n\n")


def parallel_documents(name: str) -> Iterator[str]:
    """One paragraph per document of a ../shared/data/parallel set (its .docs rows: id, first line, count)."""
    lines = (DATA / "parallel" / f"{name}.ru").read_text(encoding="utf-8").splitlines()
    for row in (DATA / "parallel" / f"{name}.docs").read_text(encoding="utf-8").splitlines():
        fields = row.split("\t")
        first, count = int(fields[1]), int(fields[2])
        yield " ".join(lines[first - 1:first - 1 + count])


def pdf_report_paragraphs() -> Iterator[str]:
    for path in sorted((DATA / "unpdf-dev").glob("devset-a*.ru.txt")):
        yield from path.read_text(encoding="utf-8").split("\n\n")


def gettext_messages() -> Iterator[str]:
    for path in sorted(LOCALE.glob("*.mo")):
        try:
            with path.open("rb") as stream:
                catalog = gettext.GNUTranslations(stream)._catalog  # type: ignore[attr-defined]
        except (OSError, UnicodeDecodeError, ValueError):  # not a catalog this Python reads
            continue
        for key, value in catalog.items():
            if key and isinstance(value, str) and CYRILLIC.search(value) and len(value.split()) >= MIN_MESSAGE_WORDS:
                yield value


SOURCES = (
    ("UN dev set (unv1 devset, documents' paragraphs)", unv1_paragraphs),
    ("WMT21 newstest ru", lambda: parallel_documents("wmt21_newstest_ruen")),
    ("FLORES-200 devtest ru", lambda: parallel_documents("flores200_devtest_ruen")),
    ("unpdf-dev reports (20 .ru.txt)", pdf_report_paragraphs),
    (f"gettext catalogs {LOCALE}/*.mo", gettext_messages),
)


def assemble(limit: int) -> tuple[list[str], list[tuple[str, int, int]]]:
    """Paragraphs up to limit bytes, none twice; and (source, paragraphs, bytes) of each source used."""
    seen: set[str] = set()
    paragraphs: list[str] = []
    provenance: list[tuple[str, int, int]] = []
    size = 0
    for name, source in SOURCES:
        count, before = 0, size
        for paragraph in source():
            paragraph = paragraph.strip()
            key = " ".join(paragraph.split())
            if not key or key in seen:
                continue
            seen.add(key)
            paragraphs.append(paragraph)
            size += len(paragraph.encode("utf-8")) + 2
            count += 1
            if size >= limit:
                break
        provenance.append((name, count, size - before))
        if size >= limit:
            break
    return paragraphs, provenance


def write_unique_text(path: Path, megabytes: float) -> list[tuple[str, int, int]]:
    """Write the text to path; returns its provenance."""
    paragraphs, provenance = assemble(int(megabytes * 1e6))
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return provenance


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--mb", type=float, default=5.0, help="stop once the text holds this many MB (default 5)")
    args = parser.parse_args()
    for name, count, size in write_unique_text(args.output, args.mb):
        print(f"{size / 1e6:6.2f} MB  {count:6d} paragraphs  {name}")
    print(f"{args.output.stat().st_size / 1e6:6.2f} MB  {args.output}")


if __name__ == "__main__":
    main()
