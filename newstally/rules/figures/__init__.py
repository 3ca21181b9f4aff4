"""Figures: every number that counts or measures something (see docs/conventions.md)."""
