"""Statements: who said what, quoted or reported (see docs/conventions.md).

Each paragraph is read sentence by sentence. A sentence with quotes gives direct statements (or
one mixed statement when narration precedes the attributed quote); a sentence without an
attributed quote is tried for reported speech. A quote with no cue of its own continues the
speaker of the statement before it, in the same or the previous paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from newstally.contract.records import Speaker, Statement
from newstally.contract.vocabulary import StatementKind
from newstally.rules.speakers.mentions import Mention, parse
from newstally.rules.speakers.roster import Roster
from newstally.rules.speakers.words import bare, lex
from newstally.rules.syntax import NO_SYNTAX, Syntax

from . import combined, parsed
from .according import according
from .attribution import Attribution, CueIndex, after_quote, lead_in, speaker_after
from .clauses import Reported, participle, reported
from .quotes import Quote, introduces, paragraphs, quotes, sentences
from .words import STATEMENT_WORDS

_JOINER = re.compile(r"[\s,;:—–\-]*(?:and|but)?[\s,;:—–\-]*")
_WORD = re.compile(r"\w+")
# Two capitalised words open a sentence that may open with a person's name (a cheap first test).
_NAMED_OPENING = re.compile(r"[A-Z][\w’'.\-]*(?:,|\s+(?:[a-z\-]+\s+){0,2}[A-Z])")
# A photo credit opening a caption ("Ola Berg / Example Press ..."): the photographer is not in the story.
_CREDIT = re.compile(r"[A-Z][\w’'.\-]*(?: [A-Z][\w’'.\-]*){0,3} ?/ ")
_CAPITALS = re.compile(r"[A-Z][\w’'.\-]*(?: [A-Z][\w’'.\-]*)*")
# "Director of a firm, Ann Lee, agreed ..." / "In a statement made by the minister, Ann Lee, at ...":
# an opening (no pronoun, no past verb, no quote) then a name of two or three words between commas.
_OPENING_APPOSITION = re.compile(
    r"(?P<opening>[A-Z][^;:\"“”.!?]{0,120}?),\s+(?P<name>[A-Z][\w’'\-]+(?: [A-Z][\w’'\-]+){1,2}),\s+(?!and\b|or\b)"
)
_OPENING_NOT = re.compile(r"\b(?:[a-z]{2,}ed|(?i:he|she|they|it|we|I))\b")
_DESCRIBED = re.compile(r"\b[a-z]{3,}\b")
_SENTENCE_STOP = re.compile(r"[.!?](?=\s|$)")
# An embedded post as scraped pages flatten it, text and signature in one paragraph:
# ``TEXT pic.twitter.com/x — Name (@handle) December 22, 2018``.
_POST_SIGNATURE = re.compile(
    r"(?:\s*(?:pic\.twitter\.com|https?://t\.co)/\w+)*\s+[—–]\s+(?P<name>[^\n—–()@]{1,60}?)"
    r"\s+\(@\w{1,30}\)\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}\s*$"
)
# A pull quote as scraped pages flatten it: the quoted words without quote marks, then who said them,
# with no full stop after ("It's very bad for us. Ola Berg, Lakeside mayor").
_PULL_QUOTE = re.compile(
    r"(?P<quote>[^\n\"“”/]{30,600}?[.!?])\s+(?P<name>[A-Z][\w’'\-]+(?: [A-Z][\w’'\-]+){1,3})"
    r"(?:,\s+(?P<role>[^\n.!?:;\"“”/]{2,80}))?\s*$"
)
# A paragraph that opens with a label in capitals and a colon ("READ MORE: ...", "WATCH: ...") links
# to another story: its headline is not the article's narration.
_LINK_LABEL = re.compile(r"[A-Z]{2,}(?: [A-Z]{2,}){0,3}:\s")
# A quoted span this long (characters) is never a statement: it is a broken text, not speech.
_LONGEST_QUOTE = 5000
# A "sentence" this long is not prose (a table, a dump, a file with no full stops): skipped.
_LONGEST_SENTENCE = 5000
# Statements are read from this many characters at most: no news article is longer, and the
# bound keeps a hostile 10 MB input within seconds.
LONGEST_TEXT = 2_000_000
_MOST_SENTENCES = 20_000


@dataclass
class _State:
    roster: Roster
    index: CueIndex
    out: list[Statement]
    syntax: Syntax = NO_SYNTAX
    last_key: str = ""  # speaker of the latest statement that may be continued
    last_paragraph: int = -1  # index of the paragraph that statement is in
    paragraph: int = 0
    posts: list[tuple[int, int, Mention]] = field(default_factory=list)  # embedded posts: start, end, author
    consumed: int = 0  # where the last sentence's quotes and their attributions end


def extract_statements(text: str, syntax: Syntax = NO_SYNTAX) -> tuple[list[Statement], list[Speaker]]:
    """The statements of ``text`` in text order, and the article's speakers they point to;
    ``syntax`` is the parse of the sentences that have one (``newstally.rules.extract`` makes it)."""
    state = _State(Roster(text), CueIndex(text, LONGEST_TEXT), [], syntax)
    budget = _MOST_SENTENCES
    for index, (start, end) in enumerate(paragraphs(text)):
        if start >= LONGEST_TEXT or budget <= 0:
            break
        end = min(end, LONGEST_TEXT)
        state.paragraph = index
        if _embedded_post(text, start, end, state) or _LINK_LABEL.match(text, start, end):
            continue
        if _pull_quote(text, start, end, state):
            continue
        quoted = quotes(text, start, end)
        opens = [q.open for q in quoted]
        for s, e in sentences(text, start, end, quoted):
            budget -= 1
            if e - s > _LONGEST_SENTENCE or budget < 0:
                continue
            inside = quoted[bisect_left(opens, s) : bisect_left(opens, e)]
            state.roster.next_sentence()
            _observe_subject(text, s, e, state)
            for person in parsed.introduced(text, state.syntax, s, _inside_quote(quoted)):
                state.roster.observe(person)
            _observe_apposition(text, s, e, state)
            before = len(state.out)
            if not (inside and _quoted_sentence(text, s, e, end, inside, state)):
                if not _reported_sentence(text, s, e, quoted, state):
                    _introduction(text, s, e, state)
            elif state.syntax.sentence_at(s) is not None:
                # 'X said there would "never" be a need, but added: "..."': the clause before the quote
                _reported_sentence(text, s, e, quoted, state, taken=state.out[before:])
            if len(state.out) == before:
                # narration ("It's a comment that Berg found worrying."): its subjects are who "he" may be next
                for person in parsed.subjects(text, state.syntax, s, _inside_quote(quoted)) or ():
                    state.roster.observe(person)
    # Posts are inserts, not narration: resolved last, so a later "he said" never means their author.
    for start, end, mention in state.posts:
        key = state.roster.resolve(mention)
        state.out.append(Statement(start, end, text[start:end], "direct", "", key, "embedded-post"))
    used = {st.speaker_key for st in state.out if st.speaker_key}
    speakers = [sp for sp in state.roster.speakers() if sp.key in used]
    return sorted(state.out, key=lambda st: (st.start, st.end)), speakers


def _emit(state: _State, text: str, start: int, end: int, kind: StatementKind, cue: str, key: str, rule: str) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start > _LONGEST_QUOTE or not _WORD.search(text, start, end):
        return
    state.out.append(Statement(start, end, text[start:end], kind, cue, key, rule))
    if key:
        state.last_key = key
        state.last_paragraph = state.paragraph
        state.roster.remember(key)


def _quoted_sentence(text: str, s: int, e: int, paragraph_end: int, inside: list[Quote], state: _State) -> bool:
    """Statements from a sentence with quotes; False when none of its quotes is attributed.

    A sentence that ends with its quote may have the attribution in the next "sentence": the
    splitter cannot tell ``"... all!" Silva said.`` from a new sentence.
    """
    produced = False
    consumed = s  # where the text not yet part of a statement or attribution starts
    current: str | None = None  # the speaker attributed in this sentence so far
    for i, q in enumerate(inside):
        if q.open < consumed:
            continue  # inside a clause already reported (", adding that \"...\"")
        limit = inside[i + 1].open if i + 1 < len(inside) else e
        inner_start, inner_end = q.inner
        post = after_quote(text, q.close + 1, limit, state.index, quoted=True) if q.closed else None
        if post is None and q.closed and q.close + 1 >= e:
            post = _attribution_next(text, q.close + 1, _next_quote(text, e, paragraph_end), state.index)
        if post is None and q.closed and limit == e:
            post = _attribution_last(text, q.close + 1, e, state.index)
        if not q.closed:
            post, inner_end = _attribution_inside(text, inner_start, inner_end, state.index)
        by_parse = ""
        if post is None and q.closed:
            post = parsed.attribution_after(text, q.close + 1, limit, state.index.between(q.close + 1, e), state.syntax)
            by_parse = "parsed-" if post is not None else ""
        pre = lead_in(text, consumed, q.open, state.index) if post is None else None
        if pre is not None and pre.mention is None and current is None:
            found = parsed.speaker_of(text, state.syntax, pre.cue)  # "X, a long description, added:"
            if found is not None and found[1] >= consumed:
                pre, by_parse = Attribution(pre.cue, found[0], found[1], pre.end), "parsed-"
        narration = _narration(text, consumed, q.open)
        if post is not None:
            key = state.roster.resolve(post.mention)
            # "..., there is no such thing as X: \"...,\" they wrote": a colon ends the narration; the quote is direct
            if narration and pre is None and not text[consumed : q.open].rstrip().endswith(":"):
                stop = q.close + 1 if q.closed else inner_end
                _emit(
                    state,
                    text,
                    _after_joiner(text, consumed, q.open),
                    stop,
                    "mixed",
                    post.cue.text,
                    key,
                    f"{by_parse}mixed-quote-then-cue",
                )
            else:
                _emit(state, text, inner_start, inner_end, "direct", post.cue.text, key, f"{by_parse}quote-then-cue")
            consumed, current, produced = post.end, key, True
            for clause in participle(text, post.end, e, post.mention, _inside_quote(inside), state.index):
                _emit_reported(state, text, clause, key, inside)
                consumed = max(consumed, clause.end)
        elif pre is not None:
            key = state.roster.resolve(pre.mention) if pre.mention else (current or "")
            if pre.mention is None and current is None:
                continue
            _emit(state, text, inner_start, inner_end, "direct", pre.cue.text, key, f"{by_parse}cue-then-quote")
            consumed, current, produced = q.close + 1, key, True
        elif current is not None and not narration:
            _emit(state, text, inner_start, inner_end, "direct", "", current, "quote-continued")
            consumed, produced = q.close + 1, True
        elif (not narration or introduces(text, consumed, q.open)) and consumed == s and _continues(state, text, q, e):
            _emit(state, text, inner_start, inner_end, "direct", "", state.last_key, "quote-continued")
            consumed, current, produced = q.close + 1, state.last_key, True
    state.consumed = consumed
    return produced


def _attribution_inside(text: str, start: int, end: int, index: CueIndex) -> tuple[Attribution | None, int]:
    """A quote never closed often ends at its attribution: ``"Russia is alarmed, X said.``"""
    if not index.between(start, end):
        return None, end
    comma = text.find(",", start, end)
    while comma >= 0:
        found = after_quote(text, comma + 1, end, index)
        if found is not None:
            return found, comma
        comma = text.find(",", comma + 1, end)
    return None, end


def _next_quote(text: str, start: int, end: int) -> int:
    found = [i for i in (text.find('"', start, end), text.find("“", start, end)) if i >= 0]
    return min(found) if found else end


def _attribution_next(text: str, start: int, limit: int, index: CueIndex) -> Attribution | None:
    """``"... all!" Silva said.``: an attribution that is a whole short sentence of its own."""
    found = after_quote(text, start, limit, index)
    if found is None:
        return None
    stop = _SENTENCE_STOP.search(text, found.end, limit)
    if len(_WORD.findall(text, found.end, stop.start() if stop else limit)) > 6:
        return None
    return found


def _attribution_last(text: str, start: int, end: int, index: CueIndex) -> Attribution | None:
    """``"..." including Lake Cowichan, it said.``: a short phrase, then the attribution."""
    comma = text.rfind(",", start, end)
    if comma < 0 or len(_WORD.findall(text, start, comma)) > 6:
        return None
    found = after_quote(text, comma + 1, end, index)
    if found is None or len(_WORD.findall(text, found.end, end)) > 4:
        return None
    return found


def _narration(text: str, start: int, stop: int) -> bool:
    return len(_WORD.findall(text, max(start, stop - 60), stop)) >= 2


def _after_joiner(text: str, start: int, stop: int) -> int:
    joiner = _JOINER.match(text, start, stop) if start < stop else None
    return joiner.end() if joiner else start


def _continues(state: _State, text: str, q: Quote, e: int) -> bool:
    recent = bool(state.last_key) and state.paragraph - state.last_paragraph <= 1
    return recent and not parsed.reports_around(text, state.syntax, state.index, q.open, q.close + 1, e)


def _embedded_post(text: str, start: int, end: int, state: _State) -> bool:
    """A paragraph that is a post with its author's signature: the post is the author's statement."""
    if text.find("(@", start, end) < 0:
        return False
    sign = _POST_SIGNATURE.search(text, start, end)
    if sign is None or len(_WORD.findall(text, start, sign.start())) < 3:
        return False
    mention, stop = speaker_after(text, sign.start("name"), sign.end("name"), appositive_ok=False)
    if mention is None or stop != sign.end("name"):
        return False
    stop = sign.start()
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    if stop - start > _LONGEST_QUOTE:
        return False
    state.posts.append((start, stop, mention))
    return True


def _pull_quote(text: str, start: int, end: int, state: _State) -> bool:
    """A pull quote paragraph (``WORDS. Name Surname, role``): the words are that person's."""
    found = _PULL_QUOTE.fullmatch(text, start, end)
    voiced = found and any(w.lower() in STATEMENT_WORDS.speech_pronouns for w in _WORD.findall(found.group("quote")))
    if found is None or not voiced:
        return False
    words = found.group("name").split()
    mention = parse(words, found.group("role") or "")
    lx = lex()
    if (
        mention is None
        or mention.type != "person"
        or " " not in mention.name
        or any(bare(w) in lx.places or bare(w) in lx.org_words or bare(w) in lx.organisations for w in words)
        or text.count(words[-1]) < 2  # the person a pull quote repeats is in the story
    ):
        return False
    key = state.roster.resolve(mention)
    _emit(state, text, found.start("quote"), found.end("quote"), "direct", "", key, "pull-quote")
    return True


def _observe_subject(text: str, s: int, e: int, state: _State) -> None:
    """The person a sentence opens with ("For Moreno, ..." too): a later "he" may be them."""
    first = _WORD.match(text, s, e)
    if first and first.group().lower() in STATEMENT_WORDS.opening_prepositions:
        s = first.end() + 1
    if _NAMED_OPENING.match(text, s, e) and not _CREDIT.match(text, s, e):
        mention, _ = speaker_after(text, s, min(e, s + 200))
        if mention is not None and not text.startswith(mention.text, s):
            # "Jerry Vale hopes Ottawa ...": the phrase ran past the verb; the name is the capitals before it
            run = _CAPITALS.match(text, s, e)
            mention = parse(run.group().split()) if run else None
        if mention is not None:
            state.roster.observe(mention)


def _observe_apposition(text: str, s: int, e: int, state: _State) -> None:
    """The person a sentence's opening names in apposition ("Director of a firm, Ann Lee, agreed"):
    a "he" in that sentence or after it may be them, wherever the parse hangs the name."""
    found = _OPENING_APPOSITION.match(text, s, e)
    if found is None or _OPENING_NOT.search(found.group("opening")) or not _DESCRIBED.search(found.group("opening")):
        return  # a list of names ("Ann Lee, Bob Orr, ...") describes no one
    mention = parse(found.group("name").split())
    if mention is not None and mention.type == "person":
        state.roster.observe(mention)


def _introduction(text: str, s: int, e: int, state: _State) -> None:
    """``X said in a statement:`` closing a paragraph: the quote in the next one is X's."""
    stop = e
    while stop > s and text[stop - 1].isspace():
        stop -= 1
    if stop > s and text[stop - 1] == ":":
        found = lead_in(text, s, stop, state.index)
        key = state.roster.resolve(found.mention) if found and found.mention else ""
        if key:
            state.last_key, state.last_paragraph = key, state.paragraph


def _inside_quote(quoted: list[Quote]):
    """A test of whether a position lies inside one of ``quoted``."""
    opens = [q.open for q in quoted]

    def inside_quote(pos: int) -> bool:
        k = bisect_right(opens, pos) - 1
        return k >= 0 and quoted[k].open < pos < quoted[k].close

    return inside_quote


def _reported_sentence(
    text: str, s: int, e: int, quoted: list[Quote], state: _State, taken: list[Statement] | None = None
) -> bool:
    """Reported speech: the word rules' reading, corrected and completed by the parse; with statements
    ``taken`` from the sentence's quotes already, only a clause after its cue before them, or one after
    the quotes' attributions ('"...", X added, while Y warned ...'), those words also read alone."""
    inside = _inside_quote(quoted)
    found = _reported_between(text, s, e, inside, state)
    if taken is not None:
        first = min((t.start for t in taken), default=e)
        after = found + (_reported_between(text, state.consumed, e, inside, state) if state.consumed < e else [])
        found = [r for r in found if r.end < first and r.attribution.end < first and r.start > r.attribution.start]
        for r in after:
            clear = not any(r.start < o.end and o.start < r.end for o in found)
            if clear and r.start > r.attribution.start >= state.consumed:
                found.append(r)
    for r in sorted(found, key=lambda r: (min(r.start, r.attribution.start), r.start)):
        _emit_reported(state, text, r, state.roster.resolve(r.attribution.mention), quoted)
    return bool(found)


def _reported_between(text: str, s: int, e: int, inside, state: _State) -> list[Reported]:
    """The reported clauses of the cues in ``text[s:e]``: the word rules' reading, with the parse's."""
    cues = state.index.between(s, e)
    reading = parsed.read(text, cues, state.syntax, inside)
    found = reported(text, s, e, inside, state.index, {k for k, p in reading.items() if not p.speech})
    sources = according(text, [c for c in cues if not inside(c.start)], state.syntax)
    if reading or sources:
        found = combined.combine(text, found, reading, inside, sources)
    return found


def _emit_reported(state: _State, text: str, found: Reported, key: str, quoted: list[Quote]) -> None:
    kind = _kind(text, found.start, found.end, quoted)
    start, end = found.start, found.end
    if kind == "direct":
        start, end = start + 1, end - 1
    _emit(state, text, start, end, kind, " ".join(found.attribution.cue.text.split()), key, found.rule)


def _kind(text: str, start: int, end: int, quoted: list[Quote]) -> StatementKind:
    within = [q for q in quoted if start <= q.open and q.close < end + 1]
    if not within:
        return "indirect"
    if len(within) == 1 and within[0].open == start and within[0].close >= end - 1:
        return "direct"
    return "mixed"
