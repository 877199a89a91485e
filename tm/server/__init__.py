"""`tmtool serve`: the translation memory and termbase over HTTP, a thin layer over tm.app.

A JSON API (search, concordance, terms, documents, stats, translate-toolkit's tmserver route,
and import/build with a token), its OpenAPI description, and a web page for translators.
Needs the serve extra: pip install 'tmtool[serve]'.
"""
