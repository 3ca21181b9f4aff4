"""Figures: every number that counts or measures something (see ../shared/gold/FORMAT.md)."""
