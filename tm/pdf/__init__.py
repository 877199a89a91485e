"""Reading a PDF report from its geometry (pdfminer.six): each step in its own module.

Lines with size, baseline and page (tm.pdf.lines); running heads, feet and page footers
(tm.pdf.furniture); footnote marks and bodies (tm.pdf.footnotes); the masthead of page 1
(tm.pdf.front); blocks from gaps, indents and numbers, across page breaks (tm.pdf.paragraphs).
The result is a `tm.clean.Cleaned`, so the rest of the pipeline does not know it came from a PDF.
"""
from __future__ import annotations

from tm.pdf.reader import is_pdf, read_pdf

__all__ = ["is_pdf", "read_pdf"]
