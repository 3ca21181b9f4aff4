"""``according to X`` read from the dependency parse, wherever it sits in the sentence.

"CLAUSE, according to X." and "According to X, CLAUSE" are the word rules' (``clauses``); the
parse adds the source in the middle: "S, according to X, PREDICATE" (the predicate is what X
says of S), "CLAUSE, according to X, and CLAUSE" (two statements), and a source phrase too long
for the word rules ("..., according to government sources cited by a newspaper"). The source is
the noun "according to" governs, its phrase read as a speaker's (``phrases``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newstally.rules.syntax import Sentence, Syntax

from .attribution import Attribution, Cue
from .clauses import Reported
from .phrases import BREAKS, break_before, speaker_phrase
from .words import STATEMENT_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def according(text: str, cues: list[Cue], syntax: Syntax) -> dict[int, list[Reported]]:
    """The statements of each "according to" among ``cues`` (by start) that the parse reads in the
    middle or at the end of its sentence; cues it cannot read are left out."""
    out: dict[int, list[Reported]] = {}
    for cue in cues:
        if cue.frame != "source":
            continue
        found = syntax.token_at(cue.start)
        if found is None or found[0].offset(found[1]) != cue.start:
            continue
        sentence, token = found
        if token.i == 0 or not any(t.is_alpha for t in sentence.doc[: token.i]):
            continue  # "According to X, CLAUSE": the word rules'
        read = _read(text, sentence, token, cue)
        if read is not None:
            out[cue.start] = read
    return out


def _read(text: str, sentence: Sentence, token: Token, cue: Cue) -> list[Reported] | None:
    doc = sentence.doc
    source = token.head
    if source.i <= token.i or not source.tag_.startswith(("NN", "PRP")):
        return None
    mention, first, last = speaker_phrase(text, sentence, source, own=False)
    if mention is None:
        return None
    stop = max(last.i, source.right_edge.i)
    attribution = Attribution(cue, mention, sentence.offset(token), sentence.span(last, last)[1])
    clause = _clause(source.head)
    after = _words(doc, max(last.i, source.right_edge.i) + 1, len(doc))
    if not after and break_before(clause) is None:
        clause = clause.sent.root  # "CLAUSE since Israel launched ..., according to X": the whole sentence
    before = _words(doc, clause.left_edge.i if clause.i < token.i else 0, token.i)
    while before and (before[0].tag_ in ("WRB", "IN", "CC") and before[0].dep_ in ("advmod", "mark", "cc")):
        before = before[1:]  # "when Hamas fighters launched ...": the clause, not its subordinator
    after = _words(doc, stop + 1, len(doc))
    if after and doc[after[0].i - 1].text not in BREAKS and after[0].text not in BREAKS:
        return None  # "according to the plan drawn up by ...": the phrase goes on
    after = [t for t in after if not t.is_punct or t.i > after[0].i]
    while after and (after[0].is_punct or after[0].dep_ == "cc"):
        after = after[1:]
    out = [_reported(sentence, attribution, before)] if before else []
    # "S, according to X, PREDICATE": what X says of S; "CLAUSE, according to X, and CLAUSE": a
    # second clause of X's (not "..., according to X – but says ...", the sentence's own verb)
    own_subject = any(t.dep_ in ("nsubj", "nsubj:pass", "expl") for t in after)
    if (
        len(after) >= 2
        and _finite(after)
        and (not _finite(before) or _conjoined(doc, stop) and own_subject)
        and not any(t.lower_ in STATEMENT_WORDS.cue_frames and t.tag_.startswith("VB") for t in after)
    ):
        out.append(_reported(sentence, attribution, after))
    return out or None


def _clause(node: Token) -> Token:
    """The finite clause that ``node`` (what "according to" modifies) is part of: a participle's
    ("..., killing at least 40 people, according to X") or a relative clause's (", which has two
    rinks, according to X") is the clause it hangs from."""
    while node.head.i != node.i and (
        node.dep_ in ("acl:relcl", "acl")
        or not (
            node.tag_ in _FINITE
            or any(c.tag_ in _FINITE and c.dep_ in ("aux", "aux:pass", "cop") for c in node.children)
        )
    ):
        node = node.head
    return node


def _words(doc, start: int, end: int) -> list[Token]:
    """The tokens of ``doc[start:end]`` without the punctuation at either end."""
    words = list(doc[start:end])
    while words and (words[0].is_punct or words[-1].is_punct):
        if words[0].is_punct:
            words = words[1:]
        elif words:
            words = words[:-1]
    return words


def _finite(words: list[Token]) -> bool:
    return any(t.tag_ in _FINITE for t in words)


def _conjoined(doc, stop: int) -> bool:
    """Whether the source phrase ending at ``stop`` is followed by ", and CLAUSE" / ", but CLAUSE"."""
    rest = [t for t in doc[stop + 1 : stop + 3] if not t.is_punct]
    return bool(rest) and rest[0].dep_ == "cc"


def _reported(sentence: Sentence, attribution: Attribution, words: list[Token]) -> Reported:
    start, end = sentence.span(words[0], words[-1])
    return Reported(attribution, start, end, "parsed-according-to")
