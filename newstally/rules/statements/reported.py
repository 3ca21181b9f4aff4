"""A clause a cue reports (the row the clause rules hand to ``extract``), and the split of "said A
and that B" into the two clauses of one speaker."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newstally.rules.speakers.words import lex

from .attribution import Attribution
from .words import STATEMENT_WORDS


@dataclass(frozen=True)
class Reported:
    """The clause ``text[start:end]`` that ``attribution``'s speaker reports, found by ``rule``."""

    attribution: Attribution
    start: int
    end: int
    rule: str


_AND_THAT = re.compile(r",?\s+and\s+that\s+(?P<word>[\w“\"]+)")


def and_that(text: str, found: Reported, inside_quote) -> list[Reported]:
    """``said A and that B``: two statements of the one speaker, when B opens a clause of its own
    (a pronoun, an article, a name: "and that the talks ..."; not "and that beauty of ...")."""
    m = _AND_THAT.search(text, found.start, found.end)
    while m and (inside_quote(m.start()) or not _opens_that_clause(m.group("word"))):
        m = _AND_THAT.search(text, m.end(), found.end)
    if m is None:
        return [found]
    second = Reported(found.attribution, m.start("word"), found.end, "reported-and-that")
    return [Reported(found.attribution, found.start, m.start(), found.rule), *and_that(text, second, inside_quote)]


def _opens_that_clause(word: str) -> bool:
    word = word.lstrip('“"')
    low = word.lower()
    lx = lex()
    return bool(word) and (
        word[0].isupper()
        or word[0].isdigit()
        or low in lx.articles
        or low in lx.pronouns
        or low in STATEMENT_WORDS.clause_pronouns
    )
