"""Language facts, one profile per language."""
