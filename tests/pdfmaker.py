"""Typeset a hand-written page layout (tests/data/pdf/*.json) as a PDF with reportlab, for tm.pdf tests.

A layout names its pages; each line has a baseline `y`, optional `x`, `size`, `bold`, `justify`
(stretch the words to the right edge) and `text` with three marks of its own: a tab puts the rest
at the paragraph indent (a paragraph number), `^12` is a superscript mark 12 (smaller, raised),
and a final `~-` is a hyphen set apart from the word, as a typesetter that hyphenates draws it.
"""
from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
SUPERSCRIPT = re.compile(r"\^(\d+)")
SUPERSCRIPT_SCALE = 0.6
RAISE = 0.35  # of the size
TYPESETTER_GAP = 0.5  # points between a word and the hyphen a typesetter adds
FONTS = {"latin": ("Times-Roman", "Times-Bold"), "dejavu": ("DejaVuSerif", "DejaVuSerif-Bold")}


def has_cyrillic_font() -> bool:
    return (DEJAVU / "DejaVuSerif.ttf").exists() and (DEJAVU / "DejaVuSerif-Bold.ttf").exists()


def register_dejavu() -> None:
    for name in FONTS["dejavu"]:
        pdfmetrics.registerFont(TTFont(name, str(DEJAVU / f"{name}.ttf")))


def runs(text: str) -> list[tuple[str, bool]]:
    """The text as (run, superscript?) pieces."""
    out: list[tuple[str, bool]] = []
    last = 0
    for match in SUPERSCRIPT.finditer(text):
        out.append((text[last:match.start()], False))
        out.append((match.group(1), True))
        last = match.end()
    out.append((text[last:], False))
    return [r for r in out if r[0]]


def draw_text(canvas: Canvas, x: float, y: float, text: str, font: str, size: float, width: float | None) -> None:
    """Draw text from x on baseline y, stretched to `width` when given; `~-` at the end as a typesetter's hyphen."""
    hyphen = text.endswith("~-")
    text = text.removesuffix("~-")
    pieces = runs(text)
    words = sum(canvas.stringWidth(t, font, size * (SUPERSCRIPT_SCALE if sup else 1)) for t, sup in pieces)
    natural = words + (TYPESETTER_GAP + canvas.stringWidth("-", font, size) if hyphen else 0.0)
    spaces = sum(t.count(" ") for t, sup in pieces if not sup)
    word_space = (width - natural) / spaces if width and spaces else 0.0
    obj = canvas.beginText(x, y)
    obj.setWordSpace(word_space)
    for piece, sup in pieces:
        obj.setFont(font, size * SUPERSCRIPT_SCALE if sup else size)
        obj.setRise(size * RAISE if sup else 0)
        obj.textOut(piece)
    obj.setRise(0)
    obj.setFont(font, size)
    canvas.drawText(obj)
    if hyphen:
        canvas.setFont(font, size)
        canvas.drawString(x + words + word_space * spaces + TYPESETTER_GAP, y, "-")


def make_pdf(layout: dict[str, Any]) -> bytes:
    """The PDF of a layout: pages of positioned lines (see the module docstring)."""
    regular, bold = FONTS[layout.get("fonts", "latin")]
    if layout.get("fonts") == "dejavu":
        register_dejavu()
    width, height = layout.get("page", [595, 842])
    left, right = layout.get("measure", [72, 523])
    indent = layout.get("indent", 36)
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(width, height), invariant=1)
    for page in layout["pages"]:
        for line in page:
            font = bold if line.get("bold") else regular
            size = line.get("size", 12)
            x = line.get("x", left)
            text = line["text"]
            if "\t" in text:
                number, text = text.split("\t", 1)
                canvas.setFont(font, size)
                canvas.drawString(x, line["y"], number)
                x += indent
            draw_text(canvas, x, line["y"], text, font, size, right - x if line.get("justify") else None)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def make_scan(pages: int = 1, image: bool = True) -> bytes:
    """A PDF with no text layer: each page an image (a scan), or nothing at all."""
    from PIL import Image

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(595, 842), invariant=1)
    for _ in range(pages):
        if image:
            canvas.drawImage(ImageReader(Image.new("L", (60, 80), 200)), 72, 200, width=450, height=600)
        canvas.showPage()
    canvas.save()
    return out.getvalue()
