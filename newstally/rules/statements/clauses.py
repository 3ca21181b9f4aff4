"""Reported speech: the clause a cue reports, with or without quotes inside it.

``X said (that) CLAUSE``, ``X told Y that CLAUSE``, ``X called for OBJECT``, ``..., saying CLAUSE``,
``CLAUSE, X said``, ``according to X, CLAUSE`` and ``CLAUSE, according to X``: at most one cue per
sentence reports (plus an ``, adding ...``), and the clause stops where a new clause begins.
``participle`` reads the ``, adding that CLAUSE`` that may follow any attribution, a quote's too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newstally.rules.lexicon import alternatives
from newstally.rules.speakers.mentions import Mention, parse
from newstally.rules.speakers.words import TOKEN, lex

from .attribution import (
    _REACH,
    _WORDS,
    Attribution,
    Cue,
    CueIndex,
    after_quote,
    skip_leading,
    speaker_after,
    speaker_before,
)
from .reported import Reported, and_that
from .sources import ASIDE, source_phrase
from .words import STATEMENT_WORDS

_THAT = re.compile(
    rf"\s+(?:(?:{alternatives(STATEMENT_WORDS.that_adjuncts)}|on\s+\w+"
    r"|(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday))"
    r"\b[^,;:\"“”.]{0,80}?\s+)?that\s+"
)
# "said in retrospect he feels ...": a short adjunct, then a clause that opens with a pronoun
_ADJUNCT_THEN_PRONOUN = re.compile(
    rf"\s+(?:{alternatives(STATEMENT_WORDS.pronoun_adjuncts)})\s+[^,;:\"“”.]{{1,40}}?\s+"
    rf"(?=(?:{alternatives(STATEMENT_WORDS.clause_pronouns)})\s)"
)
_TELL_OBJECT = re.compile(
    rf"\s+(?:(?:{alternatives(sorted(lex().articles))})\s+)?(?:(?:[A-Z][\w'’.\-]*\s+){{1,4}}"
    rf"(?:(?:{alternatives(STATEMENT_WORDS.tell_media)})\s+)?"
    rf"|(?:{alternatives(STATEMENT_WORDS.tell_objects)})\s+)"
)
_TELL_THAT = re.compile(r"[^,;:\"“”.—–]{1,80}?\s+that\s+")
_CLAUSE_START = re.compile(r"\s+(?=[\w“\"])")
_TRAILING_MARKS = frozenset(" \t\n\r\u00a0,.;:—–-")
# Cues tried per sentence, from each end: a sentence with more is not prose.
_CUES_TRIED = 8
_ADDING = re.compile(rf",?\s+(?:and\s+)?(?P<cue>{alternatives(STATEMENT_WORDS.adding_forms)})(?:\s+that)?\s+")
# ", with NOUN PHRASE": the subject of a participle that follows it (an absolute construction)
_WITH = re.compile(r",\s+with\s+(?=[^,;]*$)")
_ACCORDING_AFTER = re.compile(r",\s*(?P<cue>according to)\s+")
_CLAUSE_CUT = re.compile(
    rf"\s+[–—]\s+|\s+-\s+|;\s+|,\s+(?:{alternatives(STATEMENT_WORDS.contrasts)})\s+"
    rf"|,\s+but\s+(?!(?:{alternatives(STATEMENT_WORDS.but_subjects)}|[A-Z])\w*\b)"
)
_NOT_CLAUSE_START = STATEMENT_WORDS.non_starters


def reported(text: str, start: int, end: int, inside_quote, index: CueIndex, no_cue=frozenset()) -> list[Reported]:
    """The reported clauses of ``text[start:end]`` (a cue, an ``adding``); not of ``no_cue``, nouns to the parse."""
    found = [c for c in index.between(start, end) if not inside_quote(c.start) and c.start not in no_cue]
    if len(found) > 2 * _CUES_TRIED:
        found = found[:_CUES_TRIED] + found[-_CUES_TRIED:]
    for cue in found[:_CUES_TRIED]:
        if cue.frame in ("quote", "source"):
            continue
        mention, mstart = speaker_before(text, start, cue.start)
        rule = "reported"
        if mention is None and _joined(text, start, cue):
            mention, mstart = _sentence_subject(text, start, cue.start)
            rule = "reported-participle"
        if mention is None:
            continue
        clause = _clause_start(text, cue, end)
        if clause is None and text[:mstart].rstrip().endswith(",") and text.startswith(",", cue.end):
            after = _WORDS.match(text, cue.end + 1 + _space(text, cue.end + 1))
            no_start = _NOT_CLAUSE_START | lex().subordinators | STATEMENT_WORDS.coordinators
            if after and after.group().lower() not in no_start and not after.group().endswith("ing"):
                clause, rule = cue.end + 1, "reported-parenthetical"  # "In terms of fuel, he said, the ..."
        if clause is None:
            continue
        if cue.frame == "name" and not _has_quote(text, clause, end):
            continue
        relative = text[start:mstart].rpartition(",")[2].strip().lower() in lex().relatives
        comma = text.find(",", clause, end)  # ", which X said CLAUSE, VERB ...": the clause ends at its comma
        if relative and comma > 0 and not inside_quote(comma):
            end = comma
        first = _WORDS.match(text, start)
        if first and first.group().lower() in lex().subordinators and "," not in text[start:mstart]:
            comma = text.find(",", clause, end)  # "While X told Y that CLAUSE, MAIN CLAUSE."
            if comma > 0 and not inside_quote(comma):
                attribution = Attribution(cue, mention, mstart, cue.end)
                first_clause = reported_from(text, attribution, clause, comma, rule, inside_quote)
                return first_clause + reported(text, comma + 1, end, inside_quote, index)
        return reported_from(text, Attribution(cue, mention, mstart, cue.end), clause, end, rule, inside_quote)
    return _trailing(text, start, end, found, index, inside_quote)


# The end of an attribution up to a participle: ", adding", " on Sunday, noting", " Reuters, and saying".
_PARTICIPLE_LEAD = re.compile(r"(?:\s+[\w’'\-]+){0,6}?\s*,\s*(?:and\s+)?")


def participle(
    text: str, start: int, end: int, mention: Mention | None, inside_quote, index: CueIndex
) -> list[Reported]:
    """``"...," she said, adding that CLAUSE`` / ``CLAUSE, X told Y, noting that CLAUSE``: what a
    reporting participle right after an attribution (ending at ``start``) says, in ``mention``'s name."""
    lead = _PARTICIPLE_LEAD.match(text, start, end)
    if lead is None or mention is None:
        return []
    p = lead.end()
    cue = index.at(p, end)
    if cue is None or not cue.text.endswith("ing") or cue.frame in ("quote", "source", "name"):
        return []
    clause = _clause_start(text, cue, end)
    if clause is None:
        return []
    return reported_from(
        text, Attribution(cue, mention, cue.start, cue.end), clause, end, "reported-adding", inside_quote
    )


def _joined(text: str, start: int, cue: Cue) -> bool:
    """A cue with no subject of its own: ``..., saying`` / ``– urging`` / ``but also added``."""
    before = text[start : cue.start].rstrip()
    if cue.text.endswith("ing") and before.endswith((",", "–", "—")):
        return True
    words = before.split()[-3:]
    return (
        bool(words)
        and words[-1].lower() in STATEMENT_WORDS.joined_leads
        and (cue.text.endswith("ed") or cue.text.lower() in STATEMENT_WORDS.past_forms)
    )


def _has_quote(text: str, start: int, end: int) -> bool:
    return any(ch in text[start:end] for ch in '"“”')


_OPENING_ADJUNCT = re.compile(r"[\w’'\-]+(?:\s+[\w’'\-]+){0,6},\s+")
# A lower-case past form ends the subject: "X condemned the attack and said ..." is X's.
_PAST_VERB = re.compile(r"\b[a-z]{2,}ed\b")


def _sentence_subject(text: str, start: int, limit: int) -> tuple[Mention | None, int]:
    """The subject a sentence opens with, after an opening adjunct ("In a statement, ...",
    "Last year, ...", "Speaking after the vote, ...")."""
    p = skip_leading(text, start, limit)
    first = _WORDS.match(text, p, limit)
    low = first.group().lower() if first else ""
    if low in lex().prepositions or low in _NOT_CLAUSE_START or low in lex().time_words or low.endswith("ing"):
        adjunct = _OPENING_ADJUNCT.match(text, p, limit)
        if adjunct:
            p = adjunct.end()
    verb = _PAST_VERB.search(text, p, limit)
    if verb:
        limit = verb.start()
    mention, stop = speaker_after(text, p, limit)
    return (mention, p) if mention and mention.type != "pronoun" else (None, p)


def _clause_start(text: str, cue: Cue, end: int) -> int | None:
    if cue.frame == "object":
        m = _CLAUSE_START.match(text, cue.end, end)
        return m.end() if m else None
    if cue.frame == "tell":
        m = _TELL_THAT.match(text, cue.end, end) or _TELL_OBJECT.match(text, cue.end, end)
        if not m:
            return None
        return m.end() if _opens_clause(text, m.end(), end) else None
    m = _THAT.match(text, cue.end, end)
    if m:
        return m.end()
    if cue.frame == "that":
        return None
    m = _ADJUNCT_THEN_PRONOUN.match(text, cue.end, end)
    if m:
        return m.end()
    m = _CLAUSE_START.match(text, cue.end, end)
    if m and _opens_clause(text, m.end(), end, quoted_ok=True):
        return m.end()
    m = _time_adjunct().match(text, cue.end, end)  # "said Thursday one of the plans could ..."
    return m.end() if m and _opens_clause(text, m.end(), end) else None


@lru_cache(maxsize=1)
def _time_adjunct() -> re.Pattern[str]:
    """A bare day or time word right after the cue: ``said Thursday``, ``said on Friday``."""
    days = "|".join(sorted((re.escape(w) for w in lex().time_words), key=len, reverse=True))
    parts = rf"(?:{alternatives(STATEMENT_WORDS.day_parts)})"
    return re.compile(
        rf"\s+(?:(?:{alternatives(STATEMENT_WORDS.time_leads)})\s+)?(?i:{days})"
        rf"(?:\s+{parts})?,?\s+(?!{parts}\b)(?=[\w“\"])"
    )


def _opens_clause(text: str, start: int, end: int, quoted_ok: bool = False) -> bool:
    """Whether the word at ``start`` can open a reported clause (not a time word or a non-starter);
    ``quoted_ok``: also a quote that opens with one (``but said “the government has ...”``)."""
    if quoted_ok and start < end and text[start] in '"“':
        start += 1
    first = _WORDS.match(text, start, end)
    word = first.group().lower() if first else ""
    return bool(first) and word not in _NOT_CLAUSE_START and word not in lex().time_words


def reported_from(
    text: str, attribution: Attribution, clause: int, end: int, rule: str, inside_quote
) -> list[Reported]:
    """The clause that starts at ``clause`` and runs at most to ``end``: it stops at a dash, a
    semicolon, a contrast (", while ..."), an "according to" or an ", adding ..." (a statement of
    its own), and after a quote that an adjunct follows."""
    stop = end
    extra: list[Reported] = []
    cut = _CLAUSE_CUT.search(text, clause, stop)
    while cut and (inside_quote(cut.start()) or _paired_dash(text, cut, stop)):
        if not inside_quote(cut.start()):
            cut = _PAIRED_DASH.search(text, cut.end(), stop) or cut  # the closing dash of the aside
        cut = _CLAUSE_CUT.search(text, cut.end(), stop)
    if cut:
        stop = cut.start()
    stop = _after_last_quote(text, clause, stop, inside_quote)
    for pattern in (_ACCORDING_AFTER, _ADDING):
        m = pattern.search(text, clause, stop)
        while m and (inside_quote(m.start()) or pattern is _ADDING and _noun_use(text, m)):
            m = pattern.search(text, m.end(), stop)
        if not m:
            continue
        cut_at = m.start()
        if pattern is _ADDING:
            cue = Cue(m.group("cue"), m.start("cue"), m.end("cue"), "say")
            speaker, begins = attribution.mention, cue.start
            absolute = _WITH.search(text, clause, m.start())
            if absolute is not None:  # ", with the ambassador warning that ...": the ambassador speaks
                phrase = text[absolute.end() : m.start("cue")].rstrip()
                own = parse(TOKEN.findall(phrase), "", phrase) if phrase else None
                if own is not None and own.type != "pronoun":
                    speaker, begins, cut_at = own, absolute.end(), absolute.start()
            extra = _finish(
                [Reported(Attribution(cue, speaker, begins, cue.end), m.end(), stop, "reported-adding")],
                text,
            )
        stop = cut_at
    return _finish(and_that(text, Reported(attribution, clause, stop, rule), inside_quote), text) + extra


_WORD_END = re.compile(r"(\w+)\s*$")


def _noun_use(text: str, m: re.Match) -> bool:
    """ "the warning was ...": a cue form right after a determiner, with no comma, is a noun."""
    if text[m.start() : m.start("cue")].strip().startswith(","):
        return False
    before = _WORD_END.search(text, max(0, m.start() - 12), m.start("cue"))
    return before is not None and before.group(1).lower() in STATEMENT_WORDS.noun_markers


_PAIRED_DASH = re.compile(r"\s+[–—]\s+")
# An aside between two dashes runs this many words at most: "people — especially youth — and".
_LONGEST_ASIDE = 6


def _paired_dash(text: str, cut: re.Match, stop: int) -> bool:
    """Whether a dash opens a short aside closed by a second dash before ``stop``."""
    if not _PAIRED_DASH.fullmatch(cut.group()):
        return False
    closing = _PAIRED_DASH.search(text, cut.end(), stop)
    if closing is None or len(_WORDS.findall(text, cut.end(), closing.start())) > _LONGEST_ASIDE:
        return False
    return not re.search(r"[,;:]", text[cut.end() : closing.start()])


def _after_last_quote(text: str, clause: int, stop: int, inside_quote) -> int:
    """A mixed clause ends with its quote when what follows is an adjunct (``"..." as the talks ...``)."""
    last = max(text.rfind("”", clause, stop), text.rfind('"', clause, stop))
    if last < 0:
        return stop
    nxt = _WORDS.match(text, last + 1 + _space(text, last + 1), stop)
    if nxt and nxt.group().lower() in lex().subordinators:
        return last + 1
    return stop


def _finish(found: list[Reported], text: str) -> list[Reported]:
    out = []
    for r in found:
        stop = r.end
        while stop > r.start and text[stop - 1] in _TRAILING_MARKS:
            stop -= 1
        if _WORDS.search(text, r.start, stop) and len(_WORDS.findall(text, r.start, min(stop, r.start + 100))) >= 2:
            out.append(Reported(r.attribution, r.start, stop, r.rule))
    return out


def _trailing(text: str, start: int, end: int, found: list[Cue], index: CueIndex, inside_quote) -> list[Reported]:
    """``CLAUSE, X said.`` / ``CLAUSE, said X.`` / ``CLAUSE, according to X.`` / ``According to X, CLAUSE``."""
    lx = lex()
    for cue in found:
        if cue.frame == "source":
            if not text[start : cue.start].strip():
                mention, stop = source_phrase(text, cue.end, end)
                comma = text.find(",", stop, end)
                aside = ASIDE.match(text, stop, end)
                if mention and aside:  # "According to X — which used ... — CLAUSE"
                    comma = aside.end() - 1
                if mention and comma >= 0 and (aside or not text[stop:comma].strip()):
                    source = Attribution(cue, mention, cue.start, stop)
                    return _finish(
                        [Reported(source, comma + 1 + _space(text, comma + 1), end, "according-to-first")], text
                    )
                continue
            before = text[: cue.start].rstrip()
            if before.endswith(","):
                mention, stop = speaker_after(text, cue.end, end)
                if mention and len(_WORDS.findall(text, stop, end)) <= 3:
                    return _finish(
                        [
                            Reported(
                                Attribution(cue, mention, cue.start, stop), start, len(before) - 1, "according-to-last"
                            )
                        ],
                        text,
                    )
            continue
        comma, attribution = _attribution_before(text, start, cue, end, index)
        if attribution is None:
            continue
        rest = _WORDS.findall(text, attribution.end, end)
        parenthetical = text[attribution.end : attribution.end + 1] == ","
        opening = _WORDS.findall(text, start, comma)
        if len(opening) < 4 or opening[0].lower() in STATEMENT_WORDS.prompt_openers:
            continue  # "Asked what he would tell the mayor, X says": the question, not the answer
        # a cue that only closes a quote reports no clause with more after it ("..., X posted a video of")
        adjunct = bool(rest) and cue.frame != "quote" and rest[0].lower() in _NOT_CLAUSE_START | lx.time_words
        if parenthetical or len(rest) <= 4 or adjunct:
            return _finish([Reported(attribution, start, comma, "reported-trailing")], text) + participle(
                text, attribution.end, end, attribution.mention, inside_quote, index
            )
    return []


# Commas tried back from a cue for the one that ends the clause: "CLAUSE, NAME, ROLE, told ...".
_COMMAS_TRIED = 3


def _attribution_before(text: str, start: int, cue: Cue, end: int, index: CueIndex) -> tuple[int, Attribution | None]:
    """The comma that ends the clause before ``cue`` and the attribution after it (``, X, ROLE, said``)."""
    comma = cue.start
    for _ in range(_COMMAS_TRIED):
        comma = text.rfind(",", max(start, cue.start - _REACH), comma)
        if comma < 0:
            break
        attribution = after_quote(text, comma + 1, end, index)
        if attribution is not None and attribution.cue.start == cue.start:
            return comma, attribution
    return -1, None


def _space(text: str, pos: int) -> int:
    n = 0
    while pos + n < len(text) and text[pos + n].isspace():
        n += 1
    return n
