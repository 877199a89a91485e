"""tmtool termbase: term extraction from documents and the concept-oriented termbase.

    import glossary
    entries = glossary.compile_termbase(units)        # units of a built document (tm.build_memory)
    glossary.find_terms(entries, "МОТ")               # or "ilo", "организация труда"

Each name is imported on first use, so that `import glossary` does no work.
"""
from __future__ import annotations

import importlib
from typing import Any

# Public name -> the module that defines it.
API = {
    "KINDS": "glossary.model",
    "Reference": "glossary.reference",
    "TermEntry": "glossary.model",
    "TermNotFound": "glossary.lookup",
    "TermPair": "glossary.model",
    "compile_termbase": "glossary.termbase",
    "find_terms": "glossary.lookup",
    "merge_documents": "glossary.merge",
    "term_pairs": "glossary.model",
}
__all__ = [
    "KINDS",
    "Reference",
    "TermEntry",
    "TermNotFound",
    "TermPair",
    "compile_termbase",
    "find_terms",
    "merge_documents",
    "term_pairs",
]


def __getattr__(name: str) -> Any:
    """glossary.NAME for a name of the API: imported from its module on first use."""
    if name not in API:
        raise AttributeError(f"module 'glossary' has no attribute {name!r}")
    module, _, attribute = API[name].partition(":")
    return getattr(importlib.import_module(module), attribute or name)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(API))
