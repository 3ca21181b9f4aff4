"""Speaker phrases: what a phrase next to a cue names (a person, an organisation, a pronoun or a
description), and which of the article's speakers it is.

A phrase is parsed from its words alone; ``roster`` then joins surnames, pronouns and
descriptions ("the spokeswoman") to the fullest name the article gives, or refuses.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, NamedTuple

from .appositives import appositive_role, country_named
from .naming import affiliation, naming_start, org_name
from .words import POSSESSIVE, Lexicon, bare, is_capitalised, is_name_word, is_title, lex

MentionType = Literal["person", "organization", "pronoun", "description", "document"]


@dataclass(frozen=True)
class Mention:
    """A speaker phrase as written, and what its words say."""

    text: str
    type: MentionType  # a speaker's type, or what stands for one: a pronoun, a description, a document
    name: str  # the proper name ("Ivan Sokolov"), the organisation, the pronoun, or the description
    role: str = ""
    org: str = ""
    country: str = ""
    head: str = ""  # for descriptions: the lower-cased head noun ("spokeswoman")


def speaker_word_ok(word: str, lx: Lexicon, left: str = "") -> bool:
    """Whether ``word`` may sit inside a speaker phrase (verbs and clause words may not).

    ``left`` is the word before it: "UN monitoring mission" and "the city's only children's hospital" are
    phrases, "avoided calling for" is not.
    """
    low = word.lower()
    if word.isupper() and len(word) > 1:
        return True  # an acronym ("US"), never the pronoun
    if low in lx.time_words and is_name_word(word, lx, left):
        return True  # "Nina May": a surname, though "may" is also a modal verb
    if low in lx.stopwords:
        return False
    if is_capitalised(word) or "-" in word or low in lx.determiners or low in lx.name_prepositions:
        return True
    if low in lx.titles or low in lx.speaker_nouns or low in lx.org_words:
        return True
    if low.endswith(("ed", "ing", "ly")):
        return bool(left) and (is_capitalised(left) or left.lower() in lx.determiners)
    return True


def head_ok(word: str, lx: Lexicon, determined: bool = False, previous: str = "") -> bool:
    """Whether ``word`` can end a speaker phrase; ``determined`` phrases ("the rookie defenceman")
    may end in any noun-like word; ``previous`` is the word before (a given name makes a month a
    surname)."""
    low = bare(word)
    if (
        determined
        and word.isalpha()
        and word.islower()
        and low not in lx.stopwords
        and not low.endswith(("ly", "ed", "ing"))
    ):
        return True
    if low.endswith("-old"):
        return True  # "the 50-year-old"
    if "-" in word and low.split("-")[0] in lex().particles and word.split("-")[-1][:1].isupper():
        return True  # "al-Rahbi"
    if is_capitalised(word):
        return (
            (low not in lx.time_words or is_name_word(word, lx, previous))
            and not is_title(word, lx)
            or low in lx.speaker_nouns
        )
    return (
        low in lx.pronouns
        or low in lx.speaker_nouns
        or low in lx.titles
        or low in lx.org_words
        or low in lx.generic_orgs
    )


def _names_a_place(words: list[str], lx) -> bool:
    """Whether ``words`` after "in"/"from" read as a place: capitalised words, after an article and
    lower-case modifiers ("the besieged Vandor Strip")."""
    rest = list(words)
    while rest and (rest[0].lower() in lx.determiners or rest[0].islower()):
        rest = rest[1:]
    return bool(rest) and all(is_capitalised(w) for w in rest)


def parse(words: list[str], appositive: str = "", surface: str = "") -> Mention | None:
    """What the speaker phrase ``words`` (and an optional appositive) names, or None.

    ``surface`` is the phrase as the text writes it (kept for descriptions and aliases).
    """
    return _parse(tuple(words), appositive, surface)


class _Phrase(NamedTuple):
    """A speaker phrase being parsed: its words without the determiners, and as written."""

    words: list[str]
    original: str  # as the text writes it
    text: str  # the words, joined
    indefinite: bool  # it opened with a determiner ("the spokeswoman", "a spokesperson")
    appositive: str

    @property
    def described(self) -> str:
        """The phrase as a description names its speaker: without a leading "the"."""
        return self.original[4:] if self.original.lower().startswith("the ") else self.original


@lru_cache(maxsize=8192)
def _parse(words: tuple[str, ...], appositive: str, surface: str) -> Mention | None:
    # A pure function of its words: cached, because a speaker's phrase recurs through an article.
    lx = lex()
    original = surface or " ".join(words)
    indefinite = bool(words) and words[0].lower() in lx.determiners
    phrase = list(words)
    while phrase and (phrase[0].lower() in lx.determiners or phrase[0].lower() in lx.coordinators):
        phrase = phrase[1:]  # "and Hamas": the other half of "Israel and Hamas" was cut off
    if len(phrase) > 1 and phrase[-1] == "to":
        phrase = phrase[:-1]  # "prompting the UN to say": "to" marks the verb, no part of the speaker
    if not phrase or len(phrase) > 14:
        return None
    if (phrase[0].lower() in lx.speaker_nouns or phrase[0].lower() in lx.quantifiers) and not (
        indefinite and len(phrase) > 1 or _names_body(phrase)
    ):
        phrase = [phrase[0].lower()] + phrase[1:]  # "Nurses from ..." opening a sentence
    text = " ".join(phrase)
    low = text.lower()
    for i, word in enumerate(phrase[:3]):
        if word.lower() in lx.documents and len(phrase) > i + 2 and phrase[i + 1] in {"from", "by", "of"}:
            # "a statement from the premier's office", "a new report by the committee"
            return parse(phrase[i + 2 :], appositive, _surface_from(original, phrase[i + 2]))
    if len(phrase) == 1 and low in lx.documents:
        return Mention(original, "document", low)
    if len(phrase) == 1 and low in lx.pronouns:
        return Mention(text, "pronoun", low)
    country = country_named(phrase, lx)
    role, org = appositive_role(appositive, lx)
    if low in lx.organisations:
        name, org_country = lx.organisations[low]
        return Mention(text, "organization", name, role, name, org_country or country)
    if POSSESSIVE.search(phrase[-1]) and POSSESSIVE.sub("", phrase[-1]):
        # "Bennett's call for ...": the owner of what is said is its speaker, never "Bennett's"
        owner = POSSESSIVE.sub("", phrase[-1])
        return parse(phrase[:-1] + [owner], appositive, original[: len(original) - len(phrase[-1]) + len(owner)])
    if not head_ok(phrase[-1], lx, indefinite and 2 <= len(phrase) <= 3, phrase[-2] if len(phrase) > 1 else ""):
        return None
    if len(phrase) > 1 and phrase[0] in lx.quantifiers and phrase[1].lower() not in lx.name_prepositions:
        phrase = phrase[1:]  # "Many Night Shelter program users"
        original = text = " ".join(phrase)
    parsed = _Phrase(phrase, original, text, indefinite, appositive)
    cut = next((i for i, w in enumerate(phrase) if w.lower() in lx.name_prepositions and i > 0), len(phrase))
    found = _with_preposition(parsed, cut, role, org, country, lx) if cut < len(phrase) else None
    return found or _by_head(parsed, cut, role, org, country, lx)


def _with_preposition(phrase: _Phrase, cut: int, role: str, org: str, country: str, lx: Lexicon) -> Mention | None:
    """What a phrase whose word ``cut`` is a preposition names ("Omar Haddad of the fishermen's union",
    "a spokesperson for the armed group", "the UN monitoring mission in Cyprus"), or None when the
    head after it decides."""
    words, original, text, described = phrase.words, phrase.original, phrase.text, phrase.described
    before_cut = bare(words[cut - 1])
    portfolio = words[cut + 1 :]
    if (
        words[cut].lower() == "of"
        and before_cut in lx.org_words
        and before_cut not in lx.titles
        and is_capitalised(words[cut - 1])
        and 1 <= len(portfolio) <= 3
        and all(is_capitalised(w) and not is_title(w, lx) and bare(w) not in lx.speaker_nouns for w in portfolio)
    ):
        # "Gaza's Ministry of Health": the organisation, not a person called "Health"
        return Mention(original, "organization", described, role, org or described, country)
    if words[cut].lower() in ("in", "from"):
        # "The UN monitoring mission in Cyprus", "health officials in the besieged Strip": the
        # place says where, not who (a name after a group's "in" is a place, not the speaker)
        place = " ".join(words[cut + 1 :]).lower()
        head = parse(words[:cut], phrase.appositive)
        if head is not None and (
            place in lx.places or head.type == "description" and _names_a_place(words[cut + 1 :], lx)
        ):  # only a group's: a name may hold its place ("United Nations Interim Force in Lebanon")
            return Mention(
                original,
                head.type,
                described,
                head.role,
                head.org,
                head.country or lx.places.get(place, ""),
                head.head,
            )
    if 2 <= cut < len(words) - 1 and words[cut].lower() == "of" and not phrase.indefinite:
        # "Omar Haddad of the fishermen's union": a person of the organisation, not the organisation
        named = _proper(words[:cut], words[:cut], " ".join(words[:cut]), role, org, country, lx)
        whose = affiliation(words[cut + 1 :], lx)
        if named.type == "person" and named.name == " ".join(words[:cut]) and " " in named.name and whose:
            return Mention(
                original,
                "person",
                named.name,
                named.role,
                named.org or whose,
                named.country or country_named(words[cut + 1 :], lx),
            )
    if (
        not phrase.indefinite
        and is_name_word(words[-1], lx, words[-2] if len(words) > 1 else "")
        and is_capitalised(words[-1])
    ):
        named = _proper(words, words, text, role, org, country, lx)
        if named.type == "person":
            return named  # "Secretary of State Laura Hill"
    if before_cut in lx.titles or before_cut in lx.speaker_nouns or before_cut in lx.quantifiers:
        # "a spokesperson for the armed group": the head is before the preposition.
        head_part = words[:cut]
        if before_cut in lx.org_words and before_cut not in lx.titles and is_capitalised(head_part[-1]):
            return Mention(original, "organization", described, role, org or described, country)  # "Ministry of Health"
        org = org or org_name(words[cut + 1 :], lx)
        if is_capitalised(head_part[-1]) and not is_title(head_part[-1], lx) and before_cut not in lx.speaker_nouns:
            return _proper(head_part, words, text, role, org, country, lx)
        role = role or " ".join(head_part)
        return Mention(original, "description", described, role, org, country, before_cut)
    return None


def _by_head(phrase: _Phrase, cut: int, role: str, org: str, country: str, lx: Lexicon) -> Mention:
    """What a phrase names by its last word: a name ("Lena Park"), an organisation ("the ministry")
    or a description ("the spokeswoman")."""
    words = phrase.words
    last = words[-1]
    if is_capitalised(last) and not is_title(last, lx):
        return _proper(words, words, phrase.text, role, org, country, lx)
    head = bare(last)
    if head in lx.org_words and head not in lx.titles and cut == len(words):
        return Mention(phrase.text, "organization", phrase.text, role, org or phrase.text, country)
    role = role or " ".join(words[:cut])
    org = org or org_name(words[:-1], lx)
    return Mention(phrase.original, "description", phrase.described, role, org, country, head)


def _proper(
    head_part: list[str], words: list[str], text: str, role: str, org: str, country: str, lx: Lexicon
) -> Mention:
    k = len(head_part)
    while k > 0 and (
        is_name_word(head_part[k - 1], lx, head_part[k - 2] if k >= 2 else "")
        or head_part[k - 1] == "and"
        and k >= 2
        and is_name_word(head_part[k - 2], lx)
        and k < len(head_part)
    ):
        k -= 1
    run = head_part[k:]
    if run and run[0].lower() in lex().particles and k > 0 and is_capitalised(head_part[k - 1]):
        k -= 1
        run = head_part[k:]
    if k >= 2 and head_part[k - 1].lower() in ("of", "for") and is_title(head_part[k - 2], lx):
        # "Minister of Foreign Affairs Riad Malki": "Foreign Affairs" is the portfolio, not the name
        while len(run) > 2 and (bare(run[0]) in lx.modifiers or run[0] == "and"):
            run = run[1:]
    run = _without_portfolio(run, head_part[:k], lx)
    k = len(head_part) - len(run)
    name = " ".join(run)
    # Only the words that name the speaker stay in the phrase: "sent a letter to President Joan
    # Reyes" names Joan Reyes as "President Joan Reyes".
    start = naming_start(head_part[:k], lx) if run else 0
    before = head_part[start:k]
    text = " ".join(words[start:]) if start else text
    if not run or any(bare(w) in lx.org_words for w in head_part) and not k:
        full = " ".join(head_part)
        known = lx.organisations.get(full.lower())
        if known:
            return Mention(text, "organization", known[0], role, known[0], known[1] or country)
        return Mention(text, "organization", full, role, org or full, country)
    if len(run) == 1 and not name.isupper() and name.lower() in lx.adjectives and name.lower() not in lx.organisations:
        # "a Palestinian, a resident of the camp, said": a nationality describes, it names no one
        return Mention(text, "description", name, role, org, lx.places[name.lower()], name.lower())
    if name.lower() in lx.places or name.lower() in lx.organisations:
        known = lx.organisations.get(name.lower())
        canonical = known[0] if known else name
        return Mention(
            text,
            "organization",
            canonical,
            role,
            canonical,
            (known[1] if known else "") or lx.places.get(name.lower(), country),
        )
    if len(run) == 1 and not before and _people_word(name, lx):
        # "Palestinians", "Witnesses", "Others": people described, not named
        return Mention(
            text, "description", name, role, org, country or lx.places.get(bare(name)[:-1], ""), name.lower()
        )
    owned = max((i + 1 for i, w in enumerate(before) if POSSESSIVE.search(w)), default=0)
    titles = [
        w for w in before[owned:] if w.lower().rstrip(".") not in lx.honorifics and w.lower() not in lx.determiners
    ]
    if any(is_title(w, lx) or bare(w) in lx.speaker_nouns for w in titles):
        role = role or " ".join(titles)  # "Israel's Prime Minister Ana Levi": the role is "Prime Minister"
    if before[owned:] and before[-1].islower() and before[-1] in lx.generic_orgs | lx.org_words:
        # "the energy company Naftex": the name an organisation noun introduces is the organisation's
        return Mention(text, "organization", name, " ".join(before[owned:]), org or name, country)
    org = org or org_name(before, lx)
    return Mention(text, "person", name, role, org, country)


def _without_portfolio(run: list[str], before: list[str], lx: Lexicon) -> list[str]:
    """The words of ``run`` that name a person: without a place or organisation before the name
    ("Gaza Yahya Ayyash", "United Nations Linda Berg"), and after a title's preposition without
    the portfolio ("High Commissioner for Human Rights Ola Berg", "Assistant Secretary of State for
    Near Eastern Affairs Ola Berg"): a name of two words, or three with a particle ("Faisal bin Farhan")."""
    stripped = False
    while len(run) > 2:
        prefix = next(
            (
                j
                for j in (2, 1)
                if len(run) - j >= 2
                and run[j].lower() not in lx.coordinators
                and (" ".join(run[:j]).lower() in lx.places or " ".join(run[:j]).lower() in lx.organisations)
            ),
            0,
        )
        if not prefix:
            break
        run, stripped = run[prefix:], True
    words = [w.lower() for w in before if w.lower() not in lx.articles]
    portfolio = bool(words) and words[-1] in ("of", "for", "to", "on") and any(is_title(w, lx) for w in before[-6:])
    if portfolio and not stripped and len(run) > 2:
        keep = 3 if run[-2].lower() in lx.particles or run[-2].lower().split("-")[0] in lx.particles else 2
        run = run[-keep:]
    return run


def _names_body(phrase: list[str]) -> bool:
    """ "Ministry of Health ...", "Police Scotland": a capitalised organisation word that a name
    continues is the organisation's name, not a sentence's capital."""
    lx = lex()
    if len(phrase) < 2 or bare(phrase[0]) not in lx.org_words:
        return False
    after = phrase[2] if phrase[1].lower() in ("of", "for") and len(phrase) > 2 else phrase[1]
    return is_capitalised(after)


def _people_word(word: str, lx: Lexicon) -> bool:
    """A capitalised word that names people without naming anyone: a nationality in the plural
    ("Palestinians"), a noun for speakers ("Witnesses") or a quantifier ("Others")."""
    low = word.lower()
    return (
        low in lx.speaker_nouns
        or low in lx.quantifiers
        or low in lx.group_nouns
        or low.endswith("s")
        and low[:-1] in lx.adjectives
    )


def _surface_from(surface: str, word: str) -> str:
    at = surface.find(word)
    return surface[at:] if at >= 0 else ""


def described(words: list[str], head: int, surface: str = "") -> Mention | None:
    """A description whose head noun ``words[head]`` a dependency parse found as a cue's subject,
    for a phrase ``parse`` does not take ("the senators", "the mayor of the south-eastern city");
    None when that word names nobody (a pronoun, a number, a name, a function word)."""
    lx = lex()
    if not 0 <= head < len(words):
        return None
    word = words[head]
    low = bare(word)
    if (
        not word.replace("-", "").isalpha()
        or is_capitalised(word)
        or low in lx.stopwords
        or low in lx.pronouns
        or low in lx.determiners
        or low in lx.time_words
        or low in lx.prepositions
    ):
        return None
    original = surface or " ".join(words)
    named = original[4:] if original.lower().startswith("the ") else original
    role = " ".join(w for w in words[: head + 1] if w.lower() not in lx.determiners)
    rest = words[head + 1 :]
    org = org_name(rest[1:], lx) if rest and rest[0].lower() in lx.name_prepositions else ""
    return Mention(original, "description", named, role, org, country_named(words, lx), low)
