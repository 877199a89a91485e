"""Sentence segmentation: candidate splits, then join/split rules of the language."""
