"""Speaker phrases: what a phrase next to a cue names (a person, an organisation, a pronoun or a
description), and which of the article's speakers it is.

A phrase is parsed from its words alone; ``newstally.roster`` then joins surnames, pronouns and
descriptions ("the spokeswoman") to the fullest name the article gives, or refuses.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon

TOKEN = re.compile(r"[^\W_][\w’'\-.&@]*[\w]|[^\W_]|[,;:—–()]")
_POSSESSIVE = re.compile(r"[’']s?$")
DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "this", "that"})
PREPOSITIONS = frozenset({"of", "for", "at", "from", "in", "to", "with", "on", "close"})


@dataclass(frozen=True)
class Lexicon:
    titles: frozenset[str]
    honorifics: frozenset[str]
    speaker_nouns: frozenset[str]
    org_words: frozenset[str]
    stopwords: frozenset[str]
    pronouns: dict[str, str]
    places: dict[str, str]  # lower-cased country, adjective or capital -> country
    organisations: dict[str, tuple[str, str]]  # lower-cased name or alias -> (name, country)
    time_words: frozenset[str]
    quantifiers: frozenset[str]
    group_nouns: frozenset[str]
    documents: frozenset[str]
    genders: dict[str, str]  # lower-cased word -> m | f
    generic_orgs: frozenset[str]
    particles: frozenset[str]
    descriptive_suffixes: tuple[str, ...]
    subordinators: frozenset[str]


@lru_cache(maxsize=1)
def lex() -> Lexicon:
    """The language data the speaker rules use (read once)."""
    organisations: dict[str, tuple[str, str]] = {}
    for row in lexicon.rows("organisations"):
        names = [row["name"]] + [a for a in row.get("aliases", "").split("|") if a]
        for n in names:
            organisations[n.lower()] = (row["name"], row.get("country", ""))
    return Lexicon(
        titles=lexicon.words("titles"),
        honorifics=lexicon.words("honorifics"),
        speaker_nouns=lexicon.words("speaker_nouns"),
        org_words=lexicon.words("org_words"),
        stopwords=lexicon.words("subject_stopwords"),
        pronouns={r["form"].lower(): r["refers_to"] for r in lexicon.rows("pronouns")},
        places={r["word"].lower(): r["country"] for r in lexicon.rows("nationalities")},
        organisations=organisations,
        time_words=lexicon.words("time_words"),
        quantifiers=lexicon.words("quantifiers"),
        group_nouns=lexicon.words("group_nouns"),
        documents=lexicon.words("document_nouns"),
        genders={r["word"].lower(): r["gender"] for r in lexicon.rows("gender_words")},
        generic_orgs=lexicon.words("generic_org_nouns"),
        particles=lexicon.words("name_particles"),
        descriptive_suffixes=tuple(e.lower() for e in lexicon.entries("descriptive_suffixes")),
        subordinators=lexicon.words("subordinators"),
    )


@dataclass(frozen=True)
class Mention:
    """A speaker phrase as written, and what its words say."""

    text: str
    kind: str  # person | organization | pronoun | description
    name: str  # the proper name ("Ivan Sokolov"), the organisation, the pronoun, or the description
    role: str = ""
    org: str = ""
    country: str = ""
    head: str = ""  # for descriptions: the lower-cased head noun ("spokeswoman")


def _bare(word: str) -> str:
    return _POSSESSIVE.sub("", word).lower()


def is_capitalised(word: str) -> bool:
    """A capitalised word, a handle ("@agency_press") or a name with a particle ("al-Rahbi")."""
    if word[:1].isupper() or word[:1] == "@":
        return True
    head, _, rest = word.partition("-")
    return bool(rest) and rest[:1].isupper() and head.lower() in lex().particles


def is_title(word: str, lx: Lexicon) -> bool:
    low = _bare(word).rstrip(".")
    return low in lx.titles or any(part in lx.titles for part in low.split("-") if part)


def is_name_word(word: str, lx: Lexicon) -> bool:
    """A word that can be part of a person's own name."""
    low = word.lower()
    if _POSSESSIVE.search(word) or low.endswith(lex().descriptive_suffixes):
        return False  # "the network's Rami Aziz", "Oslo-based Norfrakt"
    if low in lex().particles or low.split("-")[0] in lex().particles:
        return True
    if not is_capitalised(word) or is_title(word, lx) or low in lx.time_words:
        return False
    return _bare(word) not in lx.org_words


def speaker_word_ok(word: str, lx: Lexicon, left: str = "") -> bool:
    """Whether ``word`` may sit inside a speaker phrase (verbs and clause words may not).

    ``left`` is the word before it: "UN monitoring mission" and "the city's only children's hospital" are
    phrases, "avoided calling for" is not.
    """
    low = word.lower()
    if word.isupper() and len(word) > 1:
        return True  # an acronym ("US"), never the pronoun
    if low in lx.stopwords:
        return False
    if is_capitalised(word) or "-" in word or low in DETERMINERS or low in PREPOSITIONS:
        return True
    if low in lx.titles or low in lx.speaker_nouns or low in lx.org_words:
        return True
    if low.endswith(("ed", "ing", "ly")):
        return bool(left) and (is_capitalised(left) or left.lower() in DETERMINERS)
    return True


def head_ok(word: str, lx: Lexicon, determined: bool = False) -> bool:
    """Whether ``word`` can end a speaker phrase; ``determined`` phrases ("the rookie defenceman")
    may end in any noun-like word."""
    low = _bare(word)
    if determined and word.isalpha() and word.islower() and low not in lx.stopwords \
            and not low.endswith(("ly", "ed", "ing")):
        return True
    if low.endswith("-old"):
        return True  # "the 50-year-old"
    if "-" in word and low.split("-")[0] in lex().particles and word.split("-")[-1][:1].isupper():
        return True  # "al-Rahbi"
    if is_capitalised(word):
        return low not in lx.time_words and not is_title(word, lx) or low in lx.speaker_nouns
    return low in lx.pronouns or low in lx.speaker_nouns or low in lx.titles or low in lx.org_words \
        or low in lx.generic_orgs


def parse(words: list[str], appositive: str = "", surface: str = "") -> Mention | None:
    """What the speaker phrase ``words`` (and an optional appositive) names, or None.

    ``surface`` is the phrase as the text writes it (kept for descriptions and aliases).
    """
    return _parse(tuple(words), appositive, surface)


@lru_cache(maxsize=8192)
def _parse(words: tuple[str, ...], appositive: str, surface: str) -> Mention | None:
    # A pure function of its words: cached, because a speaker's phrase recurs through an article.
    words = list(words)
    lx = lex()
    original = surface or " ".join(words)
    indefinite = bool(words) and words[0].lower() in DETERMINERS
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    if not words or len(words) > 14:
        return None
    if words[0].lower() in lx.speaker_nouns or words[0].lower() in lx.quantifiers:
        words = [words[0].lower()] + words[1:]  # "Nurses from ..." opening a sentence
    text = " ".join(words)
    low = text.lower()
    for i, word in enumerate(words[:3]):
        if word.lower() in lx.documents and len(words) > i + 2 and words[i + 1] in {"from", "by", "of"}:
            # "a statement from the premier's office", "a new report by the committee"
            return parse(words[i + 2:], appositive, _surface_from(original, words[i + 2]))
    if len(words) == 1 and low in lx.documents:
        return Mention(original, "document", low)
    if len(words) == 1 and low in lx.pronouns:
        return Mention(text, "pronoun", low)
    country = _country(words, lx)
    role, org = _appositive(appositive, lx)
    if low in lx.organisations:
        name, org_country = lx.organisations[low]
        return Mention(text, "organization", name, role, name, org_country or country)
    if not head_ok(words[-1], lx, indefinite and 2 <= len(words) <= 3):
        return None
    if len(words) > 1 and words[0] in lx.quantifiers and words[1].lower() not in PREPOSITIONS:
        words = words[1:]  # "Many Night Shelter program users"
        original = text = " ".join(words)
    described = original[4:] if original.lower().startswith("the ") else original
    cut = next((i for i, w in enumerate(words) if w.lower() in PREPOSITIONS and i > 0), len(words))
    before_cut = _bare(words[cut - 1])
    if cut < len(words) and words[cut].lower() in ("in", "from") and " ".join(words[cut + 1:]).lower() in lx.places:
        # "The UN monitoring mission in Cyprus": the place says where, not who.
        head = parse(words[:cut], appositive)
        if head is not None:
            return Mention(original, head.kind, described,
                           head.role, head.org, head.country or lx.places[" ".join(words[cut + 1:]).lower()],
                           head.head)
    if cut < len(words) and not indefinite and is_name_word(words[-1], lx) and is_capitalised(words[-1]):
        named = _proper(words, words, text, role, org, country, lx)
        if named.kind == "person":
            return named  # "Secretary of State Laura Hill"
    if cut < len(words) and (before_cut in lx.titles or before_cut in lx.speaker_nouns
                             or before_cut in lx.quantifiers):
        # "a spokesperson for the armed group": the head is before the preposition.
        head_part = words[:cut]
        if before_cut in lx.org_words and before_cut not in lx.titles and is_capitalised(head_part[-1]):
            return Mention(original, "organization", described, role, org or described, country)  # "Ministry of Health"
        org = org or _proper_run(words[cut + 1:], lx)
        if is_capitalised(head_part[-1]) and not is_title(head_part[-1], lx) and before_cut not in lx.speaker_nouns:
            return _proper(head_part, words, text, role, org, country, lx)
        role = role or " ".join(head_part)
        return Mention(original, "description", described, role, org, country, before_cut)
    last = words[-1]
    if is_capitalised(last) and not is_title(last, lx):
        return _proper(words, words, text, role, org, country, lx)
    head = _bare(last)
    if head in lx.org_words and head not in lx.titles and cut == len(words):
        return Mention(text, "organization", text, role, org or text, country)
    role = role or " ".join(words[:cut])
    org = org or _proper_run(words[:-1], lx)
    return Mention(original, "description", described, role, org, country, head)


def _proper(head_part: list[str], words: list[str], text: str, role: str, org: str, country: str,
            lx: Lexicon) -> Mention:
    k = len(head_part)
    while k > 0 and (is_name_word(head_part[k - 1], lx) or head_part[k - 1] == "and" and k >= 2
                     and is_name_word(head_part[k - 2], lx) and k < len(head_part)):
        k -= 1
    run = head_part[k:]
    if run and run[0].lower() in lex().particles and k > 0 and is_capitalised(head_part[k - 1]):
        k -= 1
        run = head_part[k:]
    name = " ".join(run)
    before = head_part[:k]
    if not run or any(_bare(w) in lx.org_words for w in head_part) and not before:
        full = " ".join(head_part)
        known = lx.organisations.get(full.lower())
        if known:
            return Mention(text, "organization", known[0], role, known[0], known[1] or country)
        return Mention(text, "organization", full, role, org or full, country)
    if name.lower() in lx.places or name.lower() in lx.organisations:
        known = lx.organisations.get(name.lower())
        canonical = known[0] if known else name
        return Mention(text, "organization", canonical, role, canonical,
                       (known[1] if known else "") or lx.places.get(name.lower(), country))
    titles = [w for w in before if w.lower().rstrip(".") not in lx.honorifics and not _POSSESSIVE.search(w)]
    if titles:
        role = role or " ".join(titles)
        org = org or _proper_run([w for w in titles if not is_title(w, lx)], lx)
    return Mention(text, "person", name, role, org, country)


def _proper_run(words: list[str], lx: Lexicon) -> str:
    run = [_POSSESSIVE.sub("", w) if w.endswith(("’s", "'s")) else w
           for w in words if is_capitalised(w) and w.lower() not in lx.places]
    return " ".join(run)


def _country(words: list[str], lx: Lexicon) -> str:
    for w in words:
        found = lx.places.get(_bare(w)) or lx.places.get(w.lower())
        if found:
            return found
        known = lx.organisations.get(_bare(w))
        if known and known[1]:
            return known[1]
    return ""


def _appositive(appositive: str, lx: Lexicon) -> tuple[str, str]:
    words = TOKEN.findall(appositive)
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    if not words:
        return "", ""
    role = " ".join(words)
    org = ""
    for i, w in enumerate(words):
        if w.lower() in {"of", "for", "at"}:
            org = _proper_run(words[i + 1:], lx)
            break
    return role, org


def _surface_from(surface: str, word: str) -> str:
    at = surface.find(word)
    return surface[at:] if at >= 0 else ""
