"""Where a clause a cue reports begins and ends in the dependency parse (``parsed`` finds the cue's
complement; this module cuts it): after the cue's "that" or its adjuncts, up to an adjunct of the
cue a comma opens, a participle a comma opens on its right, a conjoined "and that CLAUSE" (a clause
of its own), or for a cue in a relative clause the sentence's own verb; before the cue, up to the
comma before the cue's phrase.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newstally.rules.speakers.words import lex

from .phrases import BREAKS, break_before
from .words import STATEMENT_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

# After the clause, a comma or dash before one of these dependents of the cue ends what it reports:
# ", cutting electricity supplies", ", the governor said", ", despite a threat ..." are the narration's.
# (Conjuncts and appositions stay: ", but there were no machines to ..." is still the speaker's.)
_END_CUTS = frozenset({"advcl", "parataxis", "obl"})


def before(head: Token, verb: Token) -> list[tuple[Token, Token]] | None:
    """``CLAUSE, X said``: the clause headed by ``head``, up to the comma before the cue's phrase."""
    doc = verb.doc
    own = [_first_word(c).i for c in verb.lefts if c.i != head.i and c.left_edge.i > head.i and not c.is_punct]
    stop = min(own) if own else verb.i
    subject = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    if stop > 0 and doc[stop - 1].text not in BREAKS and subject is not None:
        # a word of the clause the parse hung on the cue ("in Deir el-Balah, the ministry said"): the
        # clause ends at the comma before the cue's subject
        stop = _first_word(subject).i
    if stop == 0 or doc[stop - 1].text not in BREAKS or head.left_edge.i >= stop:
        return None
    found = span(head, head.left_edge, doc[stop - 1])
    if found and found[0].lower_ in STATEMENT_WORDS.prompt_openers:
        return None  # "Asked about the strike, X said": the question put to the speaker
    return [found] if found and found[1].i - found[0].i >= 2 else None


def _first_word(token: Token) -> Token:
    """The first word of ``token``'s phrase that is not punctuation (a comma the parse hangs on it)."""
    first = token.left_edge
    while first.i < token.i and first.is_punct:
        first = token.doc[first.i + 1]
    return first


def after(heads: list[Token], verb: Token) -> list[tuple[Token, Token]]:
    """The clause after the cue (its clausal dependents, which a parse of a long sentence may split),
    and each ``and that CLAUSE`` conjoined to it, a statement of its own."""
    doc = verb.doc
    conjoined = [c for c in heads[-1].rights if c.dep_ == "conj" and _opens_that(c)]
    # ", and that it hoped ...": a parse may hang the second clause on the cue itself
    conjoined += [c for c in verb.rights if c.dep_ == "conj" and c.i > heads[-1].right_edge.i and _opens_that(c)]
    last = doc[conjoined[0].left_edge.i - 1] if conjoined else end(verb, heads[-1].right_edge)
    if verb.dep_ == "acl:relcl" or _relative_subject(verb):
        last = _relative_end(heads[-1], last)
    last = _participle_end(heads[-1], last)
    out = [span(heads[0], _opening(heads[0], verb), last)]
    out += [span(c, c.left_edge, end(verb, c.right_edge) if c.head.i == verb.i else c.right_edge) for c in conjoined]
    return [s for s in out if s]


def _participle_end(head: Token, last: Token) -> Token:
    """The clause ends before a participle or a concession that a comma opens on its right ("it would
    impose a blockade on the strip, cutting electricity supplies"; ", despite a threat ..."): the
    narration's, whichever verb the parse hangs it on."""
    doc = head.doc
    node: Token | None = head
    while node is not None:
        rights = [c for c in node.rights if c.i <= last.i and not c.is_punct]
        for child in rights:
            mark = break_before(child)
            if (
                mark is not None
                and mark.text == ","
                and (child.dep_ == "advcl" and child.tag_ == "VBG" or _conceded(child))
            ):
                return doc[mark.i - 1]
        node = rights[-1] if rights else None
    return last


def _conceded(child: Token) -> bool:
    """Whether ``child`` is the narration's after a comma: a concession ("though others demanded a
    trial"), or where the words were said ("in a report rejected by ...", "in a statement")."""
    if child.dep_ == "obl" and child.lower_ in lex().documents:
        return any(c.dep_ == "case" for c in child.lefts)
    return child.dep_ in ("advcl", "obl") and any(
        c.dep_ in ("mark", "case") and c.lower_ in STATEMENT_WORDS.narration_marks for c in child.lefts
    )


def _opens_that(token: Token) -> bool:
    """Whether the clause ``token`` heads opens with "that" (after its "and"): "and that CLAUSE"."""
    words = [t for t in token.subtree if not (t.is_punct or t.dep_ == "cc")]
    return bool(words) and words[0].lower_ == "that" and words[0].dep_ == "mark"


def _relative_subject(verb: Token) -> bool:
    """Whether the cue's subject opens with a relative word the parse took for its determiner ("The
    strike, which X said did not ..., cast doubts"): the cue is in a relative clause all the same."""
    return any(c.dep_ == "nsubj" and any(k.tag_ in ("WDT", "WP") for k in c.lefts) for c in verb.lefts)


def _relative_end(head: Token, last: Token) -> Token:
    """A cue inside a relative clause ("The strike, which X said did not hit ..., cast doubts"): its
    clause ends before a comma and a verb conjoined with no "and", the sentence's own verb."""
    doc = head.doc
    for child in head.rights:
        mark = break_before(child) if child.dep_ == "conj" else None
        if mark is not None and mark.i <= last.i and not any(k.dep_ == "cc" for k in child.children):
            return doc[mark.i - 1]
    return last


def end(verb: Token, last: Token) -> Token:
    """The last word of what the cue reports, from ``last`` on: before the first adjunct of the cue
    verb that a comma or dash opens (", cutting electricity supplies", ", the governor said"); else
    the end of the cue's own clause (a relative or conjoined one) or of the sentence."""
    doc = verb.doc
    for child in verb.rights:
        if child.i > last.i and _cuts(child) and child.left_edge.i > last.i:
            mark = break_before(child)
            if mark is not None and mark.i > last.i:
                return doc[mark.i - 1]
    bounded = (
        verb.dep_ in ("acl:relcl", "conj") or verb.dep_ == "advcl" and any(c.dep_ == "mark" for c in verb.lefts)
    )  # "... after Israel said it would impose ...": its own clause
    return verb.right_edge if bounded else doc[-1]


def _cuts(child: Token) -> bool:
    """Whether a dependent of the cue after its clause is the narration's: an adjunct, or a participle
    the parse conjoined to the cue with no "and" (", pushing up the cost of bread")."""
    if child.dep_ == "conj":
        return child.tag_ == "VBG" and not any(c.dep_ == "cc" for c in child.children)
    return child.dep_ in _END_CUTS


def _opening(head: Token, verb: Token) -> Token:
    """Where the clause after the cue starts: after its "that" (what comes before it is the listener
    or the cue's adjuncts), or after the adjuncts that open it right after the cue and belong to the
    cue ("said in a statement the company ...", "said on Friday it ...")."""
    doc = head.doc
    first = head.left_edge
    if first.i <= verb.i:
        first = doc[verb.i + 1]
    that = next((c for c in head.lefts if c.dep_ == "mark" and c.lower_ == "that"), None)
    if that is not None and that.i > first.i:
        return doc[that.i + 1]  # "told CBS's 60 Minutes that ...": the listener is not the clause
    subject = next((c for c in head.lefts if c.dep_ in ("nsubj", "nsubj:pass", "expl")), None)
    if subject is None:
        return first
    for child in head.lefts:
        if child.i >= subject.i:
            break
        if (
            child.dep_ in ("obl", "obl:tmod", "obl:unmarked", "advmod")
            and child.left_edge.i == first.i
            and first.i == verb.i + 1
        ):
            first = doc[child.right_edge.i + 1]
    return first


def span(head: Token, first: Token, last: Token) -> tuple[Token, Token] | None:
    """``first`` to ``last`` without an opening ``that``, punctuation or conjunction at either end."""
    doc = head.doc
    while first.i < last.i and (
        first.is_punct and first.text not in ('"', "'") or first.dep_ in ("mark", "cc") or first.lower_ == "that"
    ):
        first = doc[first.i + 1]
    while last.i > first.i and (last.is_punct and last.text not in ('"', "'") or last.dep_ == "cc"):
        last = doc[last.i - 1]
    return (first, last) if last.i > first.i else None
