"""tmtool's translation-memory core: cleaning, segmentation, the store and the build pipeline."""
from __future__ import annotations

from tm.pipeline import build_memory
from tm.model import Block, Unit
from tm.store.sqlite import TranslationMemory

__all__ = ["Block", "TranslationMemory", "Unit", "build_memory"]
