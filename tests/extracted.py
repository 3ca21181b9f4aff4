"""What the rules find in a text, in the shapes the rule tests' tables compare with."""

from __future__ import annotations

from newstally.contract.records import Figure, Speaker
from newstally.rules.figures.extract import extract_figures
from newstally.rules.statements.extract import extract_statements


def one_figure(sentence: str) -> Figure:
    """The one figure of ``sentence`` (the test fails when there is another number of them)."""
    figures = extract_figures(sentence)
    assert len(figures) == 1, [f.text for f in figures]
    return figures[0]


def statements_found(text: str) -> list[tuple[str, str, str]]:
    """(statement text, kind, speaker name) in text order."""
    statements, speakers = extract_statements(text)
    names = {s.key: s.name for s in speakers}
    return [(s.text, s.kind, names.get(s.speaker_key, "")) for s in statements]


def speaker_named(text: str, name: str) -> Speaker:
    """The speaker of ``text`` called ``name``."""
    return next(s for s in extract_statements(text)[1] if s.name == name)
