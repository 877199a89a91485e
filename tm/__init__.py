"""tmtool's translation-memory core: cleaning, segmentation, the store and the build pipeline."""
from __future__ import annotations

from tm.build import build_memory
from tm.model import Block, Unit
from tm.store import TranslationMemory

__all__ = ["Block", "TranslationMemory", "Unit", "build_memory"]
