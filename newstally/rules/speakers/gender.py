"""Whose gender a pronoun tells: the first he/his or she/her after a name, when it can only be theirs."""

from __future__ import annotations

import re

from newstally.rules.lexicon import alternatives

from .names import occurrences
from .words import bare, is_name_word, lex

# a pronoun or possessive that tells a gender: "he", "his", "she", "her"
_GENDERED = re.compile(rf"\b(?:{alternatives(lex().gendered)})\b", re.IGNORECASE)
# How far after a person's first mention a pronoun is taken as theirs (characters).
_GENDER_WINDOW = 150
_QUOTED = re.compile(r'“[^”]*(?:”|$)|"[^"]*(?:"|$)')
# How many of a surname's occurrences vote on its gender (by the pronoun after each).
_GENDER_VOTES = 6
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’]?\s+[A-Z]")


def _blank(quoted: re.Match) -> str:
    return " " * len(quoted.group())


def pronoun_gender_after(text: str, start: int, own: set[str], lx) -> str:
    """The gender of the first he/his or she/her after a name that ends at ``start``, when it can
    only be that person's: in the same sentence, outside quotes, with no other name between
    ("Nina Berg ... noted that Reyes's stance stems from his view" says nothing of Berg)."""
    window = text[start : start + _GENDER_WINDOW]
    m = _GENDERED.search(window)
    if m is not None and ('"' in window or "“" in window):
        window = _QUOTED.sub(_blank, window)
        m = _GENDERED.search(window)
    if m is None or _SENTENCE_BREAK.search(window, 0, m.start() + 1):
        return ""
    for word in _CAPITALISED.findall(window, 0, m.start()):
        if word not in own and bare(word) not in own and bare(word) not in lx.places and is_name_word(word, lx):
            return ""
    return lx.genders[m.group().lower()]


_CAPITALISED = re.compile(r"\b[A-Z][\w’'\-]*")


def voted_gender(text: str, name: str) -> str:
    """m, f or "" from what ``text`` writes around ``name``: an honorific before it ("Ms
    Berg") decides; else the first he/his or she/her after each of its first mentions votes."""
    lx = lex()
    surname = name.split()[-1]
    own = {w.lower() for w in name.split()} | set(name.split())
    votes = {"m": 0, "f": 0}
    for at in occurrences(text, surname)[:_GENDER_VOTES]:
        before = text[max(0, at - 6) : at].split()
        if before and before[-1].rstrip(".").lower() in lx.honorifics and before[-1].rstrip(".").lower() in lx.genders:
            return lx.genders[before[-1].rstrip(".").lower()]
        vote = pronoun_gender_after(text, at + len(surname), own, lx)
        if vote:
            votes[vote] += 1
    return "m" if votes["m"] > votes["f"] else "f" if votes["f"] > votes["m"] else ""
