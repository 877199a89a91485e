"""tmtool termbase: term extraction from documents and the concept-oriented termbase."""
