"""Where, whom and over which period a figure counts: its place, subgroup, scope and since.

Two death tolls compare only when they count the same people in the same place over the same
period. ``counts_over`` reads that from the figure's own clause (the parse's, else its sentence),
then the sentence, then, for the place of a count of people, the article's main place:

- place: a place named in a locative phrase ("killed in Rafah", "the war on Gaza", "the eastern
  Ukrainian town of Toretsk") or as a modifier ("Gaza's Health Ministry"); a country named as who
  acts ("Israel says", "Russia's forces") is no place of the count. Places roll up to their
  territory (figure_places.tsv: Rafah -> Gaza, Kharkiv -> Ukraine).
- subgroup: who among the counted the counted phrase names ("3,600 children", "83 journalists"),
  or the predicate right after a bare number ("67 were children").
- scope: cumulative ("since October 7", "so far", "the death toll", "the war has killed"), event
  (one attack, one day, overnight), or "" (figure_scope_cues.tsv); since: the date after "since"
  ("--10-07" when the text gives no year: the build completes it from the publication date).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from newstally.contract.vocabulary import PEOPLE_CATEGORIES, Scope
from newstally.rules.lexicon import alternation, alternatives
from newstally.rules.syntax import NO_SYNTAX, Syntax

from .clause import Clause
from .words import FIGURE_WORDS

_PLACES = FIGURE_WORDS.places
_NAMES = [name for name, (_, form) in _PLACES.items() if form == "name"]
_ADJECTIVES = [name for name, (_, form) in _PLACES.items() if form == "adjective"]
_PEOPLE_NAMES = {name.lower(): place for name, (place, form) in _PLACES.items() if form == "people"}
_PLACE_NAME = re.compile(rf"(?<![\w-])(?:{alternation(_NAMES)})(?![\w-])")
_ADJECTIVE_PLACE = re.compile(
    rf"(?<![\w-])(?:{alternation(_ADJECTIVES)})[^\S\n]+(?:[a-z-]+[^\S\n]+)?"
    rf"(?:{alternatives(FIGURE_WORDS.place_nouns)})\b"
)
_POSSESSIVE = re.compile(r"[’']s?[^\S\n]+(?:[a-z-]+[^\S\n]+)?")
_AGENT_NOUN = re.compile(rf"[’']s?[^\S\n]+(?:[a-z-]+[^\S\n]+)?(?:{alternatives(FIGURE_WORDS.place_agents['noun'])})\b")
_AGENT_VERB = re.compile(rf"[^\S\n]+(?:{alternatives(FIGURE_WORDS.place_agents['verb'])})\b")
_LOCATIVE = re.compile(
    rf"\b(?:{alternatives(FIGURE_WORDS.place_prepositions)})[^\S\n]+(?:the[^\S\n]+)?"
    r"(?:(?:[a-z-]+|occupied|besieged)[^\S\n]+){0,2}$"
)
_SUBGROUPS = FIGURE_WORDS.subgroups
_SUBGROUP = re.compile(rf"(?<![\w-])(?:{alternation(_SUBGROUPS, fold_first=True)})(?![\w-])")
_SUBGROUP_AFTER = re.compile(
    r"[^\S\n]+(?:of[^\S\n]+them[^\S\n]+)?(?:were|are|was|is)[^\S\n]+"
    rf"(?:(?:all|mostly)[^\S\n]+)?({alternation(_SUBGROUPS)})\b"
)
# "seventy-two of the 99 journalists": a part of the journalists
_PARTITIVE = re.compile(
    rf"[^\S\n]+of[^\S\n]+(?:the[^\S\n]+|its[^\S\n]+|their[^\S\n]+)?(?:[\d,]+[^\S\n]+)?"
    rf"(?:[A-Za-z’'-]+[^\S\n]+){{0,2}}?({alternation(_SUBGROUPS)})\b"
)
# "killed 27 people through malnutrition", "the death toll from hunger": the dead of one cause
_CAUSES = FIGURE_WORDS.death_causes
_CAUSE = re.compile(
    rf"\b(?:{alternatives(FIGURE_WORDS.cause_prepositions)})[^\S\n]+(?:[a-z]+[^\S\n]+)?"
    rf"({alternation(list(_CAUSES), fold_first=True)})(?![\w-])"
)
# "bringing the total number of soldiers killed since ... to 18", "brings military deaths to 332":
# what a bare number after a level verb's "to" counts is the verb's object
_LEVEL_TO = re.compile(
    rf"\b(?:{alternatives(sorted(FIGURE_WORDS.level_verbs | set(FIGURE_WORDS.change_verbs)))})\b"
    r"(?P<what>[^.;:!?]{0,120}?)\bto[^\S\n]+$",
    re.IGNORECASE,
)
# "one of the worst attacks since the violence began": a since that ranks an event dates no count
_RANKING_SINCE = re.compile(
    rf"\b(?:{alternatives(FIGURE_WORDS.superlatives)})\b(?:[^\S\n]+[\w’'-]+){{0,5}}?[^\S\n]+(since)\b",
    re.IGNORECASE,
)
_COUNTED_BEFORE = re.compile(r"\d[^\S\n]+(?:[A-Za-z’'-]+[^\S\n]+){0,2}$")
# A subgroup that restates the category says nothing more ("240 hostages", "300,000 soldiers").
_RESTATES = {
    ("hostages", "hostages"),
    ("soldiers", "military"),
    ("prisoners", "detained"),
    ("fighters", "military"),
    ("refugees", "displaced"),
}
_CUES = FIGURE_WORDS.scope_cues
# "since" that starts a period ("since October 7", "since then"), not the adverb ("have since been released")
_SINCE = re.compile(rf"\bsince\b(?![^\S\n]+(?:{alternatives(FIGURE_WORDS.since_not_start)})\b)", re.IGNORECASE)
_EVENT = re.compile(rf"(?<![\w-])(?:{alternation([p for p, s in _CUES if s == 'event'])})(?![\w-])", re.IGNORECASE)
_RATE = re.compile(rf"(?<![\w-])(?:{alternation([p for p, s in _CUES if s == 'rate'])})(?![\w-])", re.IGNORECASE)
_PROJECTION = re.compile(
    rf"(?<![\w-])(?:{alternation([p for p, s in _CUES if s == 'projection'])})(?![\w-])", re.IGNORECASE
)
_SINCE_RECENT = re.compile(
    rf"\bsince[^\S\n]+(?:{alternation(FIGURE_WORDS.since_recent, fold_first=True)})\b", re.IGNORECASE
)
_CUMULATIVE = re.compile(
    rf"(?<![\w-])(?:{alternation([p for p, s in _CUES if s == 'cumulative'])})(?![\w-])", re.IGNORECASE
)
# figure_months.txt lists the twelve full names first, in calendar order; abbreviations share their first letters
_MONTH_NUMBERS = {m.lower()[:3]: n for n, m in enumerate(FIGURE_WORDS.months[:12], 1)}
_MONTH = alternation(FIGURE_WORDS.months)
_SINCE_DATE = re.compile(
    rf"\bsince[^\S\n]+(?:the[^\S\n]+)?(?:(?P<m1>{_MONTH})\.?[^\S\n]+(?P<d1>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?[^\S\n]+(?P<m2>{_MONTH})\.?)"
    r"(?:,?[^\S\n]+(?P<y>(?:19|20)\d\d))?\b",
    re.IGNORECASE,
)
# The categories whose counts run over a period (a toll, strikes, rockets, aid): others have no scope.
_DATED = PEOPLE_CATEGORIES | {"projectiles", "strikes", "aid"}
# A country is the article's main place when this share of its place mentions name it.
_MAIN_PLACE_SHARE = 0.6


class CountsOver(NamedTuple):
    """Where, whom and over which period a figure counts."""

    place: str
    subgroup: str
    scope: Scope
    since: str


class Span(NamedTuple):
    """A figure's span, what it counts up to, and its sentence."""

    start: int
    end: int
    phrase_end: int
    sentence_start: int
    sentence_end: int
    bare: bool = False  # nothing says what the number counts ("the toll rose to 85")


def article_place(text: str) -> str:
    """The territory an article is about: the one its place mentions (not as who acts) name most,
    when it has at least 60% of them and two mentions; else ""."""
    counts = Counter(_territory(m.group()) for m in _PLACE_NAME.finditer(text) if not _acts(text, m, NO_SYNTAX))
    if not counts:
        return ""
    place, n = counts.most_common(1)[0]
    return place if n >= 2 and n >= _MAIN_PLACE_SHARE * sum(counts.values()) else ""


def counts_over(
    text: str, span: Span, syntax: Syntax, clause: Clause | None, category: str, main_place: str
) -> CountsOver:
    """The place, subgroup, scope and since of the figure at ``span`` of ``category``; ``main_place``
    is the article's (``article_place``), the place of a count of people no sentence places."""
    if category == "duration":
        return CountsOver("", "", "", "")
    place = _place(text, span, syntax, clause)
    people, people_word = _people_place(text, span) if category in PEOPLE_CATEGORIES else ("", "")
    if not place and category in PEOPLE_CATEGORIES:
        place = people or main_place
    scope, since = _scope(text, span, clause) if category in _DATED else ("", "")
    subgroup = _subgroup(text, span, category, clause)
    if not subgroup and people and people != place:
        subgroup = people_word  # "93 Israelis killed in Gaza": not the people Gaza's toll counts
    return CountsOver(place, subgroup, scope, since)


def _territory(name: str) -> str:
    """The territory a place name as matched rolls up to (any spaces in it read as one)."""
    return _PLACES[" ".join(name.split())][0]


def _acts(text: str, match: re.Match, syntax: Syntax) -> bool:
    """True when the place named at ``match`` is who acts: "Israel's army", "Russia fired" (the
    subject of a verb as parsed, else the words after it: the parse knows that "the war on Gaza has
    killed" names no actor)."""
    found = syntax.token_at(match.start())
    if found is None:
        return bool(
            _AGENT_NOUN.match(text, match.end(), match.end() + 40)
            or _AGENT_VERB.match(text, match.end(), match.end() + 20)
        )
    token = found[1]
    while token.dep_ in ("compound", "flat") and token.head.i > token.i:
        token = token.head  # "Gaza Strip", "Tel Aviv"
    if token.dep_ == "nmod:poss":
        return _AGENT_NOUN.match(text, match.end(), match.end() + 40) is not None
    return token.dep_ == "nsubj" and token.head.tag_.startswith("VB")


def _place(text: str, span: Span, syntax: Syntax, clause: Clause | None) -> str:
    """The territory of the nearest place the figure's clause (then its sentence) names, a place
    after a locative preposition first."""
    found: list[tuple[int, int, int, str]] = []  # (not in clause, not locative, distance, place)
    for match in _PLACE_NAME.finditer(text, span.sentence_start, span.sentence_end):
        if _acts(text, match, syntax):
            continue
        locative = bool(
            _LOCATIVE.search(text, max(span.sentence_start, match.start() - 40), match.start())
            or _POSSESSIVE.match(text, match.end(), match.end() + 30)
        )
        found.append(_candidate(span, clause, match, locative, _territory(match.group())))
    for match in _ADJECTIVE_PLACE.finditer(text, span.sentence_start, span.sentence_end):
        name = match.group().split()[0]
        found.append(_candidate(span, clause, match, True, _PLACES[name][0]))
    return min(found)[3] if found else ""


def _candidate(
    span: Span, clause: Clause | None, match: re.Match, locative: bool, place: str
) -> tuple[int, int, int, str]:
    inside = clause is not None and clause.holds(match.start())
    distance = span.start - match.end() if match.end() <= span.start else match.start() - span.end
    return (0 if inside or clause is None else 1, 0 if locative else 1, abs(distance), place)


def _people_place(text: str, span: Span) -> tuple[str, str]:
    """The country whose people the counted phrase names ("1,200 Israelis"), and the word that
    names them, or ("", "")."""
    for word in text[span.start : span.phrase_end].split():
        word = word.strip(",.;:")
        place = _PEOPLE_NAMES.get(word.lower())
        if place:
            return place, word
    return "", ""


def _subgroup(text: str, span: Span, category: str, clause: Clause | None) -> str:
    """Who among the counted the counted phrase names, the words right after a bare number, or
    for a bare number the words of its clause ("the number of journalists killed rose to 85")."""
    match = _SUBGROUP.search(text, span.start, max(span.end, span.phrase_end))
    if match is None:
        match = _SUBGROUP_AFTER.match(text, span.end, min(len(text), span.end + 40)) or _PARTITIVE.match(
            text, span.end, min(len(text), span.end + 60)
        )
        word = match.group(1) if match else None
        if word is None and clause is not None and span.bare:
            word = _clause_subgroup(text, clause)
        if word is None and span.bare:
            word = _level_subgroup(text, span)
    else:
        word = match.group()
    if word is None:
        return _cause(text, span, clause) if category in PEOPLE_CATEGORIES else ""
    word = " ".join(word.split())
    subgroup = _SUBGROUPS.get(word) or _SUBGROUPS.get(word.lower(), "")
    return "" if (subgroup, category) in _RESTATES else subgroup


def _level_subgroup(text: str, span: Span) -> str | None:
    """For a bare number closing "brings the number of journalists killed to N", a subgroup word
    between the verb and the number that no number of its own counts, or None."""
    level = _LEVEL_TO.search(text, span.sentence_start, span.start)
    if level is None:
        return None
    for match in _SUBGROUP.finditer(text, level.start("what"), level.end("what")):
        if not _COUNTED_BEFORE.search(text, max(0, match.start() - 30), match.start()):
            return match.group()
    return None


def _cause(text: str, span: Span, clause: Clause | None) -> str:
    """The subgroup of a cause of death the figure's clause names ("killed 27 people through
    malnutrition"; unparsed, the words right after the figure), or ""."""
    spans = clause.spans if clause is not None else ((span.end, min(span.sentence_end, span.phrase_end + 40)),)
    if span.bare:
        level = _LEVEL_TO.search(text, span.sentence_start, span.start)
        if level is not None:
            spans = (*spans, (level.start("what"), level.end("what")))  # "the toll from hunger ... to 23"
    for start, end in spans:
        match = _CAUSE.search(text, start, end)
        if match:
            return _CAUSES[match.group(1).lower()]
    return ""


def _clause_subgroup(text: str, clause: Clause) -> str | None:
    """A subgroup word of the core of ``clause`` ("the number of journalists killed rose to 85") that
    no number of its own counts ("of the 99 journalists" is the 99's), or None."""
    for start, end in clause.core:
        for match in _SUBGROUP.finditer(text, start, end):
            if not _COUNTED_BEFORE.search(text, max(0, match.start() - 30), match.start()):
                return match.group()
    return None


def _scope(text: str, span: Span, clause: Clause | None) -> tuple[Scope, str]:
    """(scope, since) from the figure's clause, or its sentence when unparsed."""
    spans = clause.spans if clause is not None else ((span.sentence_start, span.sentence_end),)
    if span.bare:
        level = _LEVEL_TO.search(text, span.sentence_start, span.start)
        if level is not None:  # "bringing the death toll since the war began to 18,787"
            spans = (*spans, (level.start("what"), level.end("what")))
    text = _ranking_unsaid(text, span)
    words = " … ".join(text[start:end] for start, end in spans)
    if _PROJECTION.search(words):
        return "", ""  # a count yet to come ("could lead to 86,000 excess deaths")
    if _RATE.search(words):
        return "event", ""  # "250 a day since October 7": a rate, no running total
    if _SINCE_RECENT.search(words):
        return "event", ""  # "since Saturday": a day's count
    if _SINCE.search(words):
        date = _SINCE_DATE.search(words)
        return "cumulative", _iso(date) if date else ""
    if _EVENT.search(words):
        return "event", ""
    if _CUMULATIVE.search(words):
        return "cumulative", ""
    if clause is not None:
        # "N have been killed since the invasion began": a since-phrase closing the sentence is
        # often attached by the parse to the verb that reports the count; it still dates the count
        rest = text[max(end for _, end in clause.spans) : span.sentence_end]
        if _SINCE.search(rest) and not _SINCE_RECENT.search(rest):
            date = _SINCE_DATE.search(rest)
            return "cumulative", _iso(date) if date else ""
    return "", ""


def _ranking_unsaid(text: str, span: Span) -> str:
    """``text`` with the "since" of a ranking in the figure's sentence ("the worst attack since
    October 7") made unreadable, length kept."""
    found = list(_RANKING_SINCE.finditer(text, span.sentence_start, span.sentence_end))
    for match in reversed(found):
        text = text[: match.start(1)] + "-----" + text[match.end(1) :]
    return text


def _iso(date: re.Match) -> str:
    """ "2023-10-07", or "--10-07" when the year is not given."""
    month = _MONTH_NUMBERS[(date.group("m1") or date.group("m2")).lower()[:3]]
    day = int(date.group("d1") or date.group("d2"))
    if not 1 <= day <= 31:
        return ""
    year = date.group("y") or "-"
    return f"{year}-{month:02d}-{day:02d}"
