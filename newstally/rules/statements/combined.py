"""The word rules' reported speech (``clauses.reported``) and the parse's (``parsed.read``) made
one: the parse drops a cue it shows in another sense, gives the speaker when the word rules took
none or a phrase outside the cue's subject, starts a clause after the cue's adjuncts ("said in a
statement the company ..."), ends it where the cue's complement ends, splits off a conjoined "and
that CLAUSE", and adds what it reads from cues the word rules read nothing from. A clause stops
where another cue's phrase begins ("..., and said ...", "..., whose governor claims ...").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from .attribution import Attribution, speaker_before
from .clauses import Reported, reported_from
from .parsed import CueParse
from .words import STATEMENT_WORDS


def combine(
    text: str,
    words: list[Reported],
    reading: dict[int, CueParse],
    inside_quote: Callable[[int], bool],
    sources: dict[int, list[Reported]] | None = None,
) -> list[Reported]:
    """The word rules' statements ``words`` corrected by the parse, and the parse's own statements
    for cues the word rules read nothing from; a clause stops where another cue's phrase begins.
    ``sources``: what the parse reads of each "according to" (``according``), which replaces the
    word rules' reading of it."""
    sources = sources or {}
    out: list[Reported] = []
    used: set[int] = set()
    for r in words:
        if r.attribution.cue.start in sources:
            continue
        p = reading.get(r.attribution.cue.start)
        if p is None:
            out.append(r)
            continue
        used.add(p.cue.start)
        if r.rule == "reported-and-that" and any(_same_cue_over(o, r) for o in out):
            continue  # the parse split off the same "and that CLAUSE" from the clause before it
        if p.speech:
            out += _corrected(text, r, p)
    out = [_stopped(text, r, reading) for r in out]
    for found in sources.values():
        out += [r for r in found if not any(r.start < o.end and o.start < r.end for o in out)]
    for start, p in reading.items():
        if start in used or not p.speech:
            continue
        if p.mention is None:
            p = _named_by_words(text, p)
            if p.mention is None:
                continue
        attribution = Attribution(p.cue, p.mention, *(p.subject or (p.cue.start, p.cue.end)))
        for i, (a, b) in enumerate(p.clauses):
            if p.before and i == 0:
                out = _reported_within(out, attribution, a, b)
                b = _stopped(text, Reported(attribution, a, b, p.rule), reading).end
            if any(a < o.end and o.start < b for o in out):
                continue
            if i or p.before:
                found = [Reported(attribution, a, b, p.rule)]
            else:  # the clause after the cue, cut where the word rules cut one
                found = reported_from(text, attribution, a, b, p.rule, inside_quote)
            out += [_stopped(text, r, reading) for r in found]
    return out


def _same_cue_over(o: Reported, r: Reported) -> bool:
    return o.attribution.cue.start == r.attribution.cue.start and o.start < r.end and r.start < o.end


def _reported_within(out: list[Reported], outer: Attribution, a: int, b: int) -> list[Reported]:
    """``out`` with the cues inside the clause ``a``-``b`` that a cue after it reports read as the outer
    speaker's: "X has told Y it will ..., the governor said" is the governor's whole; in "X has
    started ... and warned that ..., Y said" the warning is Y's report too. A channel after the
    clause (a document, "Reuters reported"), an inner "X says" or an "according to" leave the inner
    speaker speaking."""
    channel = outer.mention is not None and outer.mention.type == "document"
    if channel or STATEMENT_WORDS.lemmas.get(outer.cue.text.lower()) != "say":
        # "X said ..., Reuters reported", "..., the report said": the channel, X the speaker;
        # "X accused Y – a charge Z denied": Z's denial is no report of X's words
        return out
    kept = []
    for o in out:
        cue = o.attribution.cue
        inside = a <= cue.start and cue.end <= b and cue.frame != "source"
        if inside and o.attribution.start <= a and "conjoined" not in o.rule:
            if STATEMENT_WORDS.lemmas.get(cue.text.lower()) == "say":
                return out  # "X says ..., Y reported": Y relays what X says
            continue  # the clause is the inner cue's with its speaker: it is all the outer's
        if inside:
            o = replace(o, attribution=replace(outer, cue=cue))
        kept.append(o)
    return kept


def _stopped(text: str, r: Reported, reading: dict[int, CueParse]) -> Reported:
    """``r`` ending before the phrase of another cue that begins inside it ("..., and said ...",
    "..., whose governor claims ...")."""
    stops = [
        p.begins
        for p in reading.values()
        if p.speech and p.stops and r.start < p.begins < r.end and p.cue.start != r.attribution.cue.start
    ]
    if not stops:
        return r
    end = _trimmed(text, r.start, min(stops))
    if end - r.start <= 1:
        return r
    return replace(r, end=end, rule=r.rule if r.rule.startswith("parsed") else "parsed-clause")


def _trimmed(text: str, start: int, end: int) -> int:
    """``end`` moved back over the commas, dashes and "and"/"but" that join what follows."""
    while end > start and (text[end - 1] in _TRAILING or text[max(start, end - 4) : end].lower() in (" and", " but")):
        end -= 1 if text[end - 1] in _TRAILING else 3
    return end


def _named_by_words(text: str, p: CueParse) -> CueParse:
    """A cue after its clause whose subject the parse missed ("CLAUSE, the minister, X, said"): the
    word rules' speaker phrase before the cue, and the clause up to it."""
    if not p.before or not p.clauses:
        return p
    a, b = p.clauses[0]
    mention, mstart = speaker_before(text, a, p.cue.start)
    if mention is None or not a < mstart <= b + 1:
        return p
    end = _trimmed(text, a, min(b, mstart))
    return replace(p, mention=mention, subject=(mstart, p.cue.start), clauses=((a, end),), rule=f"{p.rule}-words")


_TRAILING = frozenset(" \t\n,;:—–-")


def _same_speaker(text: str, attribution: Attribution, p: CueParse) -> bool:
    """Whether the word rules' speaker phrase is the parse's subject: it starts inside the subject's
    subtree, or it is a name right before it ("X, the director of Y, said": the parse may take the
    role for the subject)."""
    if attribution.mention is None or p.around is None or p.subject is None:
        return False
    if p.around[0] <= attribution.start <= p.around[1]:
        return True
    subject = text[p.subject[0] : p.subject[1]]
    if attribution.mention.text in subject:
        return True  # "said Ana Maria Lind": the word rules' attribution starts at the cue
    between = text[attribution.start : p.subject[0]].rstrip()
    return (
        attribution.start < p.subject[0]
        and between.endswith(",")
        and attribution.mention.type in ("person", "organization")
    )


def _corrected(text: str, r: Reported, p: CueParse) -> list[Reported]:
    """A word-rule statement with the parse's speaker when the word rules took none or a phrase
    outside the cue's subject, starting where the parse starts it, and with the clauses the parse
    reads beyond it (a conjoined "and that CLAUSE")."""
    attribution, rule = r.attribution, r.rule
    if p.mention is not None and p.subject is not None and not _same_speaker(text, attribution, p):
        attribution = Attribution(attribution.cue, p.mention, *p.subject)
        rule = f"{p.rule}-speaker"
    start, end = r.start, r.end
    if p.before and p.clauses and r.start > p.cue.start and attribution.start > p.clauses[0][0]:
        # the word rules took an adjunct after the cue for its clause ("said over the weekend")
        a, b = p.clauses[0]
        end = _trimmed(text, a, min(b, attribution.start) if attribution.start > a else b)
        found = [Reported(attribution, a, end, f"{p.rule}-clause")] if end - a > 1 else []
        # "CLAUSE, she said, CLAUSE": the word rules' clause after the cue is one too, as the parse cuts it
        if r.rule != "reported-parenthetical":
            return found
        if len(p.clauses) < 2:
            return found + [r]
        after = replace(p, clauses=p.clauses[1:], before=False, rule=p.rule.replace("-before", ""))
        return found + _corrected(text, r, after)
    extra: list[tuple[int, int]] = []
    for a, b in p.clauses:
        if a < end and start < b:
            if not p.before and p.adjuncts:
                start = max(start, a)
            end = min(end, b)
        elif a >= end:
            extra.append((a, b))
    if (start, end) != (r.start, r.end) and rule == r.rule:
        rule = f"{p.rule}-clause"
    return [Reported(attribution, start, end, rule)] + [Reported(attribution, a, b, p.rule) for a, b in extra]
