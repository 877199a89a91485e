"""A PDF report read into cleaned blocks, the same `Cleaned` the text path makes."""
from __future__ import annotations

from collections import Counter

from tm.clean import Cleaned
from tm.clean.symbol import document_symbol
from tm.errors import InputError
from tm.lang import base_language
from tm.pdf.footnotes import page_notes
from tm.pdf.front import front_length
from tm.pdf.furniture import strip_furniture
from tm.pdf.lines import read_pages
from tm.pdf.measures import measure
from tm.pdf.paragraphs import PageText, read_blocks

PDF_MAGIC = b"%PDF-"


def is_pdf(data: bytes) -> bool:
    """True for the bytes of a PDF file."""
    return data.startswith(PDF_MAGIC)


def read_pdf(data: bytes, lang: str = "ru", where: str = "") -> Cleaned:
    """Blocks (front matter, headings, paragraphs, notes) of a PDF with a text layer, every repair counted."""
    repairs: Counter[str] = Counter()
    pages = read_pages(data, where)
    if not any(page.lines for page in pages):
        raise InputError(where, "is a PDF file without a text layer (a scan?); tmtool cannot read it",
                         hint="run OCR on it first, or give its text")
    symbol = document_symbol(line.text for page in pages for line in page.lines)
    pages = strip_furniture(pages, repairs)
    m = measure(pages)
    texts = []
    for page in pages:
        body, notes = page_notes(list(page.lines), m.body_size, repairs)
        front = front_length(body, m) if page.number == 1 else 0
        texts.append(PageText(tuple(body), tuple(notes), front))
    return Cleaned(read_blocks(texts, m, base_language(lang), repairs), repairs, symbol)
