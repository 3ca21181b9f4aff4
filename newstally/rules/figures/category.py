"""A figure's unit and category: from the currency or share it carries, the noun it counts, the cue
words of its clause, or the figure before it (a bare number, "67 of them", a list of counts).

``unit_and_category`` also names which of these decided (``source``), for the figure's rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from newstally.contract.vocabulary import PEOPLE_CATEGORIES
from newstally.rules.lexicon import alternation, alternatives

from .clause import Clause
from .context import ASIDE, NOUNS, Noun, category_cue, cue_after
from .numbers import SCALE_WORDS
from .reading import Reading
from .words import FIGURE_WORDS

# A bare number ("followed by Myanmar (43)") counts what the figure just before it counted,
# when that figure is this close.
_ANAPHORA_REACH = 400
# A bare number this close to the start of its sentence may count what the sentence before counted.
_OPENING_REACH = 30
# A count this large is of the dead or the wounded only where its own clause's core says so.
_HUGE = 1_000_000
# A count this many times larger than the figure before it counts something else.
_REFERENT_GROWTH = 10
# The words right after a share that say what it is a share of ("of those killed").
_SHARE_REACH = 25

OPEN_PAREN = re.compile(r"\s*\(\s*$")
_SHARE_OF = re.compile(r"[^\S\n]+(?:of|the)\b")
_OF_THEM = re.compile(rf"\s+of\s+(?:{alternatives(FIGURE_WORDS.anaphors)})\b", re.IGNORECASE)
# what may stand between two figures of one list: "1,873 children and 1,023 women", "77 fighters
# and 14 civilians", "68 media workers have been killed – 61 of them Palestinian, four Israeli",
# "77 journalists were killed last year: 72 Palestinians, three Lebanese"
_LIST_LINKS = alternatives(FIGURE_WORDS.list_links, space=" ")
LIST_GAP = re.compile(
    r"[^.;:!?]{0,60}?(?:,|:|"
    + "|".join(rf"\b{link}\b" for link in _LIST_LINKS.split("|"))
    + rf"|[–—])\s*(?:(?:{_LIST_LINKS})\s+)?",
    re.IGNORECASE,
)
# "102 journalists were killed and 71 others injured": the others are of the same people
_OTHERS = re.compile(rf"[^\S\n]+(?:{alternatives(FIGURE_WORDS.others)})$", re.IGNORECASE)
# (no comma between: "254 killed, including 66 children, and 1,900 others wounded" are not children)
_SAME_SENTENCE = re.compile(r"[^.;!?,]{0,100}")


def more_of_the_same(text: str, previous_end: int, start: int, end: int) -> bool:
    """True when the figure at ``start``-``end`` counts "others" of the people the count ending at
    ``previous_end`` counted, in the same sentence."""
    return (
        _OTHERS.search(text, start, end) is not None and _SAME_SENTENCE.fullmatch(text, previous_end, start) is not None
    )


# "Name, 32, suffered", "a man aged 22", "her father, who is 70": a bare number that is an age
_AGE_BEFORE = re.compile(rf"[A-Z][a-z]+,\s*$|\b(?i:{alternatives(FIGURE_WORDS.age_before)})\s+$")
# what a count of people is the whole of: "more than half of the territory's 2.3 million population",
# "80 percent of Gaza's 2.3 million residents"
_WHOLE_OF_SHARE = re.compile(
    rf"(?:{alternatives(FIGURE_WORDS.share_words)})\s+of\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?(?:’s|'s)\s+)?(?:estimated\s+)?$",
    re.IGNORECASE,
)
_OF_WHOLE = re.compile(
    rf"[^\S\n]+of[^\S\n]+(?:[\w’'-]+[^\S\n]+){{0,3}}?[\d.,]+"
    rf"(?:[^\S\n]+(?:{alternation(SCALE_WORDS)}))?[^\S\n]+[A-Za-z]+"
)
_RIGHT_BEFORE = re.compile(r"[a-z]+[^\S\n]+(?:(?:at|to|of|by)[^\S\n]+)?")  # "wounded at 300 or 400 a day"
_NOUN_OF = re.compile(r"\b([A-Za-z]+)[^\S\n]+of[^\S\n]+$")
_SUBJECT_LINKS = re.compile(
    rf"[^\S\n]*(?:(?:{alternatives(FIGURE_WORDS.subject_links)}|[a-z]+ly)[^\S\n]+){{0,3}}", re.IGNORECASE
)
# "a 16-year-old blockade", "the 75-year-old Israeli occupation": an age of what lasts (the parse says
# which noun the age describes; unparsed, the noun right after it or after a name-like adjective)
_LASTING = re.compile(
    rf"(?:[^\S\n]+[A-Z][\w’'-]*){{0,2}}[^\S\n]+(?:{alternatives(FIGURE_WORDS.lasting_nouns)})\b(?![^\S\n]+[a-z]+\b(?<!ed))"
)
_AGE_AFTER = re.compile(rf"\s*[,.;)]|\s+(?:{alternatives(FIGURE_WORDS.age_after)})\b")


@dataclass(frozen=True)
class Previous:
    """A figure already read, for the figures after it (bare numbers, conversions in brackets)."""

    end: int
    unit: str
    category: str
    qualifier: str
    value: float = 0.0
    subgroup: str = ""

    def may_hold(self, value: float) -> bool:
        """False when ``value`` is too large to count part of what this figure counted, or to
        revise it ("killed 5,600 ... and more than one million" is no count of the killed)."""
        return value <= _REFERENT_GROWTH * max(abs(self.value), 1.0)


class Place(NamedTuple):
    """Where a figure stands: its span (with what it counts), its sentence's, and its own clause
    when the sentence was parsed (a cue counts only inside it)."""

    start: int
    end: int
    sentence_start: int
    sentence_end: int
    clause: Clause | None = None
    value: float = 0.0  # the figure's value: a count of a million dead needs its own clause's core to say so


class Counted(NamedTuple):
    """What a figure counts, as the words after its number say."""

    noun: Noun | None  # the lexicon noun counted ("people", "trucks"), or None
    unit: str  # the unit so far: the noun's, an unknown plural head ("offenders"), or ""
    carried: str  # a unit the number carries itself: a currency, or "percent"
    end: int  # where the figure's counted phrase ends
    phrase_end: int  # where the counted noun, or the "of the population" a share is of, ends
    plain_one: bool  # "one" counts the plain noun after it ("one solution")

    @property
    def bare(self) -> bool:
        """Nothing says what the number counts."""
        return self.noun is None and not self.unit and not self.carried


def unit_and_category(
    text: str, place: Place, first: Reading, last: Reading, counted: Counted, previous: Previous | None
) -> tuple[str, str, str]:
    """(unit, category, source) of a figure whose first and last numbers are ``first`` and ``last``:
    from its currency or noun, else its clause, else the figure ``previous``."""
    near = (
        previous
        if (previous is not None and place.start - previous.end <= _ANAPHORA_REACH and previous.may_hold(last.value))
        else None
    )
    refers_back = _OF_THEM.match(text, first.end, min(len(text), first.end + 20)) is not None
    if counted.carried and counted.carried != "percent":
        return counted.carried, "money", "money"
    if first.rule.endswith("+age"):
        lasting = (
            place.clause.described.lower() in FIGURE_WORDS.lasting_nouns
            if place.clause is not None
            else _LASTING.match(text, place.end) is not None
        )
        if lasting:
            return "years", "duration", "duration"  # "a 16-year-old blockade": how long it has lasted
        return "years", "other", "age"  # "a 50-year-old man": an age is no length of time
    if counted.carried == "percent":
        unit, category, source = _share(text, place, last, counted, near, refers_back)
    elif counted.noun is not None:
        unit, category, source = _of_noun(text, place, counted.noun, counted.unit, near, refers_back)
    elif counted.unit:
        return counted.unit, "other", "noun"
    else:
        unit, category, source = _of_bare_number(text, place, first, near)
    if place.clause is not None and source in _CLAUSE_SOURCES:
        source += ":parse"  # the cue was looked for in the figure's own clause, as parsed
    return unit, category, source


# The sources that looked for a cue around the figure (in its own clause when the parse has it).
_CLAUSE_SOURCES = frozenset(
    {"noun+clause", "noun", "noun+list", "clause", "anaphora", "bare", "percent+clause", "percent+people"}
)


def _cue(text: str, place: Place, allowed: frozenset[str]) -> str | None:
    clause = place.clause
    if clause is None:
        return category_cue(text, place.start, place.end, place.sentence_start, place.sentence_end, allowed)

    aside = ASIDE.match(text, place.end)
    after = aside.end() if aside else place.end  # "nearly 1.9 million – 80 percent of them – have been displaced"

    holds = clause.holds_core if place.value >= _HUGE else clause.holds

    def inside(pos: int) -> bool:
        # the figure's own words and clause as parsed (for a count of a million or more, only the
        # clause's core: "the 2.3 million residents" of a clause on death is no count of the dead),
        # the predicate right after what it counts ("360 reporters were behind bars"), or the verb
        # right before it ("and wounded 68,883"), which a misparse may have hung elsewhere
        return (
            place.start <= pos < place.end
            or holds(pos)
            or _SUBJECT_LINKS.fullmatch(text, after, pos) is not None
            or _RIGHT_BEFORE.fullmatch(text, pos, place.start) is not None
        )

    return category_cue(text, place.start, place.end, place.sentence_start, place.sentence_end, allowed, inside)


def _share(
    text: str, place: Place, last: Reading, counted: Counted, near: Previous | None, refers_back: bool
) -> tuple[str, str, str]:
    """A share takes the category of what it is a share of ("85% of the population" pushed into
    displacement); "1,255 (22 percent)" is a share of the figure before it."""
    if not _SHARE_OF.match(text, last.end) and not last.rule.endswith("+ratio"):  # "seven in 10 Americans"
        if near is not None and OPEN_PAREN.fullmatch(text, near.end, place.start):
            return "percent", near.category, "percent+anaphora"
        return "percent", "other", "percent"
    if near is not None and refers_back:
        return "percent", near.category, "percent+anaphora"
    if counted.noun is None or counted.noun.category not in ("people", "military"):
        # only the words of the share itself: "of those killed", "of the bodies"
        found = category_cue(
            text,
            place.start,
            place.end,
            place.start,
            min(place.sentence_end, place.end + _SHARE_REACH),
            PEOPLE_CATEGORIES,
        )
        if found is None and place.clause is not None and counted.noun is None:
            # or its own clause as parsed: "half of the territory's 2.3 million population is
            # displaced" (the number of the whole is the share's own)
            whole = _OF_WHOLE.match(text, place.end)
            found = _cue(text, place._replace(end=whole.end()) if whole else place, PEOPLE_CATEGORIES)
            return "percent", found or "other", "percent+clause:parse" if found else "percent+noun"
        return "percent", found or "other", "percent+noun"
    found = _cue(text, place, PEOPLE_CATEGORIES)
    return "percent", found or "people", "percent+clause" if found else "percent+people"


def _of_noun(
    text: str, place: Place, noun: Noun, unit: str, near: Previous | None, refers_back: bool
) -> tuple[str, str, str]:
    """A counted noun gives the category, unless a cue of its clause says more ("5,000 people" who
    were killed) or it counts the people of a list whose first count said it ("1,873 children and
    1,023 women" killed)."""
    if noun.category == "duration":
        return unit, "duration", "duration"
    if noun.clause and _WHOLE_OF_SHARE.search(text, max(0, place.start - 60), place.start):
        # "80 percent of Gaza's 2.3 million residents": the clause tells what happened to the share
        return unit, noun.category, "noun+whole-of-share"
    found = _cue(text, place, noun.clause) if noun.clause else None
    if found:
        return unit, found, "noun+clause"
    in_list = near is not None and (refers_back or LIST_GAP.fullmatch(text, near.end, place.start))
    listed_after = near if in_list else None
    if PEOPLE_CATEGORIES <= noun.clause and listed_after and listed_after.category in PEOPLE_CATEGORIES:
        return unit, listed_after.category, "noun+list"
    return unit, noun.category, "noun"


def _of_bare_number(text: str, place: Place, first: Reading, near: Previous | None) -> tuple[str, str, str]:
    """A number with no noun: an age, a count of the people its clause names, or a count of what the
    figure before counted."""
    same_sentence = near if near is not None and near.end > place.sentence_start else None
    # a bare number refers to the figure before it in its sentence, or in the sentence before
    # when it opens its own ("83 reporters have been killed. At least 67 were Palestinians")
    referent = same_sentence or (near if place.start - place.sentence_start <= _OPENING_REACH else None)
    if (
        _AGE_BEFORE.search(text, max(0, place.start - 30), place.start)
        and _AGE_AFTER.match(text, place.end)
        and first.value < 120
    ):
        return "years", "other", "age"
    of = _NOUN_OF.search(text, max(0, place.start - 40), place.start)
    noun = NOUNS.get(of.group(1).lower()) if of else None
    source = "noun-of"
    if noun is None and place.clause is not None and place.clause.noun:
        noun, source = NOUNS.get(place.clause.noun.lower()), "noun-of:parse"
    if noun is not None and noun.category != "duration":
        # "a population of 2.3 million", "an army of 700,000": the noun the number stands for
        return _of_noun(text, place, noun, noun.unit, None, False)[:2] + (source,)
    allowed = PEOPLE_CATEGORIES | {referent.category} if referent is not None else PEOPLE_CATEGORIES
    found = _cue(text, place, allowed)
    if (
        found is None
        and place.clause is not None
        and not place.clause.counts
        and referent is None
        and place.value < _HUGE
    ):
        # a bare number has no noun to say what it counts: the words before it decide ("bringing
        # the death toll since the war began to 18,787"); a cue after it is another clause's; a number
        # the parse has count a word of its own ("the two northernmost of the brigades") is no bare number
        found = _cue(text, place._replace(clause=None, sentence_end=place.end), allowed)
        if found:
            return "people", found, "clause"
    if referent is not None:
        return referent.unit, found or referent.category, "anaphora"
    if found or cue_after(text, place.end):
        return "people", found or "people", "clause"
    return "", "other", "bare"
