"""The translation-memory store: one interface, one module per backend; all SQL lives here."""
