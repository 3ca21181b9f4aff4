"""Statements: who said what, quoted or reported (see docs/conventions.md)."""
