"""Alignment of a document with its translation: bead table, anchors, refinement, passes."""
