"""The source an opening "according to" names (``clauses`` reads the clause after it): who issued
the data it cites, and an aside between dashes that may follow it."""

from __future__ import annotations

import re

from newstally.rules.lexicon import alternatives
from newstally.rules.speakers.mentions import Mention

from .attribution import speaker_after
from .words import STATEMENT_WORDS

# An aside between dashes after the source: "According to the study — which used ... — CLAUSE".
ASIDE = re.compile(r"\s*[—–]\s[^—–\n]{1,200}?\s[—–]\s*")
_LINK = re.compile(rf"\s+(?:{alternatives(STATEMENT_WORDS.source_links)})\s+")


def source_phrase(text: str, start: int, end: int) -> tuple[Mention | None, int]:
    """The source phrase after "according to" at ``start`` and where it ends: who issued the data
    when the phrase names them ("the latest figures from the health ministry": the ministry)."""
    mention, stop = speaker_after(text, start, end, appositive_ok=False)
    link = _LINK.match(text, stop, end) if mention is not None else None
    if link is not None:
        issuer, after = speaker_after(text, link.end(), end, appositive_ok=False)
        if issuer is not None and issuer.type == "person":
            # "released by Ana Diab, co-director of ..., CLAUSE": a person's role goes with the name
            described, stop = speaker_after(text, link.end(), end)
            if described is not None and described.role and text.startswith(",", stop):
                issuer, after = described, stop
        if issuer is not None and issuer.type != "pronoun":
            return issuer, after
    return mention, stop
