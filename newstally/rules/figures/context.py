"""What a number counts and why it is reported: qualifier, unit and category from the words around it.

The words come from ``FIGURE_WORDS`` (``newstally/rules/lexicon``: figure_qualifiers.tsv,
figure_units.tsv, figure_currencies.tsv, figure_categories.tsv, figure_phrase_ends.txt, and for
"one" before a plain noun figure_one_before.txt, figure_one_after.txt and figure_objects.txt).
PEOPLE_CATEGORIES are the categories a count of people can take from its clause; the other cue
categories (strikes, aid, projectiles) describe what happened to things, not to the people counted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from newstally.contract.vocabulary import PEOPLE_CATEGORIES
from newstally.rules.lexicon import alternation, alternatives

from .numbers import NUMBER_WORDS
from .words import FIGURE_WORDS

# How far (in characters) a category cue may sit from the figure and still describe it.
CUE_REACH = 200
# What it costs to reach a cue across a clause boundary (comma, semicolon, dash) or an "and".
BOUNDARY_COST = 40
AND_COST = 15

_QUALIFIERS = FIGURE_WORDS.qualifiers
QUALIFIER_BEFORE = re.compile(
    rf"(?<![\w])({alternation(p for p, pos in _QUALIFIERS if pos == 'before')})\s*$", re.IGNORECASE
)
QUALIFIER_AFTER = re.compile(  # "or more" bounds the number before it; "and more than 2,700" opens the next;
    # "700,000 plus 300,000" adds a number
    rf"\s*({alternation(p for p, pos in _QUALIFIERS if pos == 'after')})(?![\w])(?!\s+than\b)(?!\s*[$€£\d])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Noun:
    """A counted noun of figure_units.tsv."""

    unit: str
    category: str
    clause: frozenset[str]  # categories a cue in the clause may give instead; empty: the noun decides


def _clause_categories(field: str) -> frozenset[str]:
    names = set(field.split())
    if "people" in names:
        names = (names - {"people"}) | PEOPLE_CATEGORIES
    return frozenset(names)


NOUNS = {
    word: Noun(unit, category, _clause_categories(clause))
    for word, (unit, category, clause) in FIGURE_WORDS.units.items()
}
UNIT_FACTORS = FIGURE_WORDS.unit_factors
MODIFIERS = FIGURE_WORDS.modifiers
_PEOPLE_BY_NAME = Noun("people", "people", PEOPLE_CATEGORIES)
_OF_NOUN = re.compile(rf"[^\S\n]+({alternation(w for w in NOUNS if ' of ' in w)})(?![\w'’-])", re.IGNORECASE)
_CONTRACTIONS = FIGURE_WORDS.contractions
_NOUN_MAX_WORDS = max(len(w.split()) for w in NOUNS)
PHRASE_ENDS = FIGURE_WORDS.phrase_ends
_ONE_BEFORE = FIGURE_WORDS.one_before
_ONE_AFTER = FIGURE_WORDS.one_after
_OBJECTS = FIGURE_WORDS.objects
CURRENCIES = FIGURE_WORDS.currencies

_CUES: dict[str, str] = {}
for _word, _category in FIGURE_WORDS.category_cues:
    _CUES.setdefault(_word.lower(), _category)
# Cue words as the file writes them (proper nouns keep their capital), or capitalised.
_CUE_WORDS = alternation((word for word, _ in FIGURE_WORDS.category_cues), fold_first=True)
CUE = re.compile(rf"(?<![\w])(?:{_CUE_WORDS})\b")
_CUE_AFTER = re.compile(rf"[^\S\n]+({_CUE_WORDS})\b")
_BOUNDARY = re.compile(r"[,;:()–—]|\s-\s|" + "|".join(rf"\b{w}\b" for w in FIGURE_WORDS.clause_breaks))
_AND = re.compile(r"\band\b")
ASIDE = re.compile(
    rf",\s*(?:{alternatives(FIGURE_WORDS.aside_openers, space=' ')}"
    rf"|[\d,.]+\s+of\s+(?:{alternatives(FIGURE_WORDS.anaphors)}))\b"
    r"(?:[^,.;:]|(?<=\d)[,.](?=\d))*,"  # a number's comma or point does not end it
    r"|\([^()]*\)|\s[–—](?:[^–—.;]|(?<=\d)\.(?=\d))*[–—]"
)
_NUMBER = re.compile(r"\d")
_MONTH = alternation(FIGURE_WORDS.months)
_DATE = re.compile(
    rf"\b(?:{_MONTH})\.?[^\S\n]+\d{{1,2}}\b(?:,?[^\S\n]+\d{{4}})?|\b\d{{1,2}}[^\S\n]+(?:{_MONTH})\b"
    rf"(?:,?[^\S\n]+\d{{4}})?"
)
_WORDS_BEFORE = re.compile(r"(?:([\w'’\-]+)[^\S\n]+)?([\w'’\-]+)[^\S\n]+$")
_SENTENCE_OPENS = re.compile(r"(?:^|[.!?:;\n][\"”’)]*\s*|[\"“‘(]\s*)$")
_PLAIN_WORD = re.compile(r"[^\S\n]+([a-z]+)(?![\w'’\-])(?:[^\S\n]+([a-z]+))?")
_PHRASE_WORD = re.compile(r"[^\S\n]+([A-Za-z]+)(?![\w'’\-])")
_WORD_AFTER = re.compile(r"[^\S\n]+([A-Za-z][\w'’\-]*)")
_ADJECTIVE_COMMA = re.compile(r",[^\S\n]+(?=[a-z])")  # "four large, armable drones"
_OF_DETERMINER = re.compile(
    rf"[^\S\n]+(?:of[^\S\n]+(?:(?:{alternatives(FIGURE_WORDS.of_determiners)})[^\S\n]+)?"
    r"|the[^\S\n]+)"
)


def qualifier_before(text: str, start: int) -> tuple[str, int] | None:
    """The qualifier ending right before ``start`` and where it starts, or None."""
    window_start = max(0, start - 40)
    match = QUALIFIER_BEFORE.search(text, window_start, start)
    if not match:
        return None
    return _QUALIFIERS[(" ".join(match.group(1).lower().split()), "before")], match.start(1)


def qualifier_after(text: str, end: int) -> tuple[str, int] | None:
    """The qualifier starting right after ``end`` and where it ends, or None."""
    match = QUALIFIER_AFTER.match(text, end, min(len(text), end + 20))
    if not match:
        return None
    return _QUALIFIERS[(" ".join(match.group(1).lower().split()), "after")], match.end(1)


def counted_noun(text: str, end: int) -> tuple[Noun | None, str, int]:
    """The noun counted by a number ending at ``end``: (lexicon noun or None, unit, end offset).

    Adjectives are skipped ("5,000 Palestinian civilians" -> people); "N of the X" looks past
    the determiner; the phrase ends at punctuation or a function word. An unknown lower-case head
    noun is returned as its own unit ("top six offenders" -> offenders) with no lexicon entry.
    """
    whole = _OF_NOUN.match(text, end, min(len(text), end + 60))
    if whole is not None:  # "tonnes of grain", "members of Hamas": a noun of the lexicon with its "of"
        of_noun = NOUNS[" ".join(whole.group(1).lower().split())]
        return of_noun, of_noun.unit, whole.end(1)
    pos = end
    of = _OF_DETERMINER.match(text, pos, min(len(text), pos + 40))
    if of:
        pos = of.end() - 1
    words: list[tuple[str, int]] = []
    while len(words) < 5:
        match = _WORD_AFTER.match(text, pos, min(len(text), pos + 60))
        if not match and words and all(_adjective_like(w) for w, _ in words):
            comma = _ADJECTIVE_COMMA.match(text, pos)
            match = _WORD_AFTER.match(text, comma.end() - 1, min(len(text), pos + 60)) if comma else None
        if not match:
            break
        word = match.group(1)
        lower = word.lower()
        if lower.endswith(_CONTRACTIONS) or lower in NUMBER_WORDS:
            break
        if (
            word[0].islower()
            and lower in PHRASE_ENDS
            and not (lower in NOUNS and not words)
            and not (lower in MODIFIERS and not of)
        ):
            break
        if word[0].isupper() and any(w[0].islower() for w, _ in words):
            break  # a name after the head starts another phrase ("380 investigations between October 7")
        words.append((word, match.end(1)))
        pos = match.end(1)
    found: tuple[Noun, int] | None = None
    weak: tuple[Noun, int] | None = None  # a capitalised noun that may be an adjective ("Israeli")
    i = 0
    while i < len(words):
        for n in range(min(_NOUN_MAX_WORDS, len(words) - i), 0, -1):
            noun = NOUNS.get(" ".join(w for w, _ in words[i : i + n]).lower())
            if noun is not None:
                last_word = words[i + n - 1][0]
                if words[i][0][0].isupper() and found is None:
                    if last_word.endswith("s") and weak is None:
                        return noun, noun.unit, words[i + n - 1][1]  # "four Palestinians sustained ..."
                    weak = weak or (noun, words[i + n - 1][1])
                elif found is not None and found[0].category == "duration":
                    return found[0], found[0].unit, found[1]  # "20 years building": a length of time is the head
                elif last_word.endswith("s") or found is not None or not _head_follows(words[i + n :]):
                    found = (noun, words[i + n - 1][1])
                # else a singular noun before another head modifies it ("carrier strike groups")
                i += n
                break
        else:
            if found is not None:
                break  # the noun is the head unless another noun follows it ("Palestinian reporter")
            i += 1
    if found is not None:
        return found[0], found[0].unit, found[1]
    for head, head_end in words:
        if _plural_looking(head):
            return None, head, head_end
    if words and _plural_looking(words[0][0].lower()) and weak is None and words[0][0] not in FIGURE_WORDS.places:
        # a capitalised plural right after the number names people: "23 Republicans", "two Britons"
        return _PEOPLE_BY_NAME, words[0][0], words[0][1]
    if weak is not None:
        return weak[0], weak[0].unit, weak[1]
    return None, "", end


def one_counts(text: str, start: int, end: int) -> tuple[str, int] | None:
    """(noun, end of noun) when "one" at ``text[start:end]`` counts the plain noun after it ("one
    solution", "One proposal asks"), or None for the pronoun and the idioms ("no one", "the only one
    left", "one another", "one said", "One hit the house", "Formula One", "for one thing")."""
    before = text[max(0, start - 30) : start]
    if text[start].isupper():
        if not _SENTENCE_OPENS.search(before):
            return None  # a capitalised "One" inside a sentence is a name
    else:
        words = _WORDS_BEFORE.search(before)
        if words is not None and (
            words.group(2).lower() in _ONE_BEFORE or f"{words.group(1)} {words.group(2)}".lower() in _ONE_BEFORE
        ):
            return None
    match = _PLAIN_WORD.match(text, end, min(len(text), end + 60))
    if match is None or not _may_follow_one(match.group(1)):
        return None
    if match.group(2) in _OBJECTS:
        return None  # a verb before its object: "One hit the house", "One asked him"
    # the head is the last word of the phrase: "one ice cream company says", "one senior official told"
    noun, noun_end = match.group(1), match.end(1)
    for _ in range(2):
        word = _PHRASE_WORD.match(text, noun_end, min(len(text), noun_end + 40))
        if word is None or not _may_follow_one(word.group(1).lower()):
            break
        noun, noun_end = word.group(1), word.end(1)
    return noun, noun_end


def _may_follow_one(word: str) -> bool:
    """False for an adverb, a function word, or a verb after the pronoun "one": "one needs", "one
    armed with", "one hitting its target", "one really"; a singular noun or adjective may follow."""
    return not (
        len(word) < 3
        or word in PHRASE_ENDS
        or word in _ONE_AFTER
        or word in NUMBER_WORDS
        or word.endswith("ly")
        or (len(word) > 4 and word.endswith(("ed", "ing")) and not word.endswith("eed"))
        or (word.endswith("s") and not word.endswith(("ss", "us", "is")))
    )


def cue_after(text: str, end: int) -> str | None:
    """The people category of a cue word right after ``end`` ("14 dead", "28,473 killed"), or None."""
    match = _CUE_AFTER.match(text, end, min(len(text), end + 40))
    category = _CUES.get(" ".join(match.group(1).lower().split())) if match else None
    return category if category in PEOPLE_CATEGORIES else None


def _plural_looking(word: str) -> bool:
    """True for an unknown word that may head a counted phrase: lower-case and plural ("offenders")."""
    return (
        word[0].islower()
        and word.isalpha()
        and len(word) > 3
        and word not in MODIFIERS
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
    )


def _adjective_like(word: str) -> bool:
    """True for a lower-case word that is no noun of the lexicon nor a plural: it may be an adjective
    before a comma and another adjective ("four large, armable drones")."""
    return word.islower() and word not in NOUNS and word not in PHRASE_ENDS and not _plural_looking(word)


def _head_follows(words: list[tuple[str, int]]) -> bool:
    return any(w.lower() in NOUNS or _plural_looking(w) for w, _ in words)


def category_cue(
    text: str,
    start: int,
    end: int,
    sentence_start: int,
    sentence_end: int,
    allowed: frozenset[str],
    inside: Callable[[int], bool] | None = None,
) -> str | None:
    """The category of the nearest cue word in the sentence around ``text[start:end]``, among ``allowed``
    (and, with ``inside``, only a cue whose first character it holds: the figure's own clause).

    Distance is counted in characters, plus a cost for each clause boundary between the cue and
    the figure, so "killing 3,700 people and wounding thousands" gives the 3,700 to killing.
    """
    lo = max(sentence_start, start - CUE_REACH)
    hi = min(sentence_end, end + CUE_REACH)
    best, best_cost = None, None
    for match in CUE.finditer(text, lo, hi):
        category = _CUES.get(" ".join(match.group().lower().split()))
        if category not in allowed or (inside is not None and not inside(match.start())):
            continue
        if match.end() <= start:
            between = text[match.end() : start]
        elif match.start() >= end:
            between = text[end : match.start()]
        else:
            between = ""
        # an aside ("9,000 Palestinians, including 3,600 children, were killed") does not separate a
        # figure from its verb; another number does: the cue is that number's
        between = _DATE.sub(" ", ASIDE.sub(" ", between))  # a date is no figure either
        if _NUMBER.search(between):
            continue
        cost = len(between) + BOUNDARY_COST * len(_BOUNDARY.findall(between)) + AND_COST * len(_AND.findall(between))
        if cost <= CUE_REACH and (best_cost is None or cost < best_cost):
            best, best_cost = category, cost
    return best
