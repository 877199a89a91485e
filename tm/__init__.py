"""tmtool's translation-memory core: the pipeline stages, the store and the use cases over them.

The Python API is what the command line calls; each name is imported on first use, so that
`import tm` does no work:

    import tm
    result = tm.build_bilingual("report.ru.txt", "report.en.txt")    # clean, segment, align
    with tm.open_store("tmtool.db") as store:
        tm.store_with_termbase(store, result)                        # units and termbase together
        hits = tm.fuzzy_search(store, "Доклад Генерального секретаря")

The README's "Python API" section has a longer example; glossary and exports have their own names.
"""
from __future__ import annotations

import importlib
from typing import Any

# Public name -> the module that defines it, and the name there when it differs (tm.search is a
# module, so its function is tm.fuzzy_search).
API = {
    "BuildResult": "tm.model",
    "DocumentInfo": "tm.model",
    "DocumentView": "tm.documents",
    "Finding": "tm.check",
    "Hit": "tm.search",
    "InputError": "tm.errors",
    "TmtoolError": "tm.errors",
    "Unit": "tm.model",
    "align_files": "tm.app",
    "build_bilingual": "tm.app",
    "build_examples": "tm.app",
    "build_memory": "tm.app",
    "check_units": "tm.check",
    "describe_document": "tm.documents:describe",
    "document_view": "tm.documents",
    "document_views": "tm.documents",
    "example_pair_paths": "tm.app",
    "example_path": "tm.app",
    "export_terms": "tm.app",
    "export_tm": "tm.app",
    "find_concordance": "tm.concordance:concordance",
    "find_document": "tm.documents",
    "fuzzy_search": "tm.search:search",
    "guess_language": "tm.lang.detect",
    "import_files": "tm.app",
    "open_store": "tm.store",
    "remove_document": "tm.documents",
    "rename_document": "tm.documents",
    "store_stats": "tm.app",
    "store_terms": "tm.stored_terms",
    "store_with_termbase": "tm.app",
}
__all__ = [
    "BuildResult",
    "DocumentInfo",
    "DocumentView",
    "Finding",
    "Hit",
    "InputError",
    "TmtoolError",
    "Unit",
    "align_files",
    "build_bilingual",
    "build_examples",
    "build_memory",
    "check_units",
    "describe_document",
    "document_view",
    "document_views",
    "example_pair_paths",
    "example_path",
    "export_terms",
    "export_tm",
    "find_concordance",
    "find_document",
    "fuzzy_search",
    "guess_language",
    "import_files",
    "open_store",
    "remove_document",
    "rename_document",
    "store_stats",
    "store_terms",
    "store_with_termbase",
]


def __getattr__(name: str) -> Any:
    """tm.NAME for a name of the API: imported from its module on first use."""
    if name not in API:
        raise AttributeError(f"module 'tm' has no attribute {name!r}")
    module, _, attribute = API[name].partition(":")
    return getattr(importlib.import_module(module), attribute or name)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(API))
