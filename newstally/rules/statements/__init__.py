"""Statements: who said what, quoted or reported (see ../shared/gold/FORMAT.md)."""
