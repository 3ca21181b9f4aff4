"""The words the speaker rules share: how a phrase is cut into words, the lexicons the rules
read (``lex``), and tests on a single word (a title? part of a name? capitalised?).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newstally.rules import lexicon

TOKEN = re.compile(r"[^\W_][\w’'\-.&@]*[\w]|[^\W_]|[,;:—–()]")
POSSESSIVE = re.compile(r"[’']s?$")


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
    modifiers: frozenset[str]  # words that modify a title: "senior", "foreign", "prime"
    prepositions: frozenset[str]  # prepositions and clause links: "with", "amid", "and"
    verbs: frozenset[str]  # one-word reporting verbs: "said", "told", "met"
    determiners: frozenset[str]  # "the", "his", "this"
    articles: frozenset[str]  # "the", "a", "an"
    name_prepositions: frozenset[str]  # prepositions inside a speaker phrase: "spokesperson for", "Minister of"
    relatives: frozenset[str]  # "who", "which": a relative clause says what a speaker did, not who they are
    gendered: tuple[str, ...]  # pronouns and possessives that tell a gender: "he", "his", "she", "her"
    possessives: frozenset[str]  # "his", "her": in a role they tell another person's gender ("her brother")
    media_roles: frozenset[str]  # "correspondent", "reporter": who reports the news
    office_titles: frozenset[str]  # "minister", "envoy": who holds a public office
    adjectives: frozenset[str]  # lower-cased nationality adjectives ("palestinian"), not countries or capitals
    coordinators: frozenset[str]  # "and", "or": a phrase opening with one lost its first half


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
        modifiers=lexicon.words("role_modifiers"),
        prepositions=lexicon.words("prepositions"),
        verbs=frozenset(r["form"].lower() for r in lexicon.rows("cue_verbs") if " " not in r["form"]),
        determiners=lexicon.words("determiners"),
        articles=lexicon.words("articles"),
        name_prepositions=lexicon.words("name_prepositions"),
        relatives=lexicon.words("relative_pronouns"),
        gendered=tuple(
            r["word"].lower() for r in lexicon.rows("gender_words") if r.get("form") in ("pronoun", "possessive")
        ),
        possessives=frozenset(r["word"].lower() for r in lexicon.rows("gender_words") if r.get("form") == "possessive"),
        media_roles=lexicon.words("media_roles"),
        office_titles=lexicon.words("office_titles"),
        adjectives=frozenset(r["word"].lower() for r in lexicon.rows("nationalities") if r.get("form") == "adjective"),
        coordinators=lexicon.words("coordinators"),
    )


def bare(word: str) -> str:
    """A word lower-cased, without a possessive ("Qatar's" -> "qatar")."""
    return POSSESSIVE.sub("", word).lower()


def is_capitalised(word: str) -> bool:
    """A capitalised word, a handle ("@agency_press") or a name with a particle ("al-Rahbi")."""
    if word[:1].isupper() or word[:1] == "@":
        return True
    head, _, rest = word.partition("-")
    return bool(rest) and rest[:1].isupper() and head.lower() in lex().particles


def is_title(word: str, lx: Lexicon) -> bool:
    low = bare(word).rstrip(".")
    return low in lx.titles or any(part in lx.titles for part in low.split("-") if part)


def is_name_word(word: str, lx: Lexicon, previous: str = "") -> bool:
    """A word that can be part of a person's own name; ``previous`` is the word before it, which
    makes a month a surname after a given name ("Nina May", not "in May")."""
    low = word.lower()
    if POSSESSIVE.search(word) or low.endswith(lex().descriptive_suffixes):
        return False  # "the network's Rami Aziz", "Oslo-based Norfrakt"
    if low in lex().particles or low.split("-")[0] in lex().particles:
        return True
    if low in lx.time_words:
        return is_capitalised(word) and surname_after(previous, lx)
    if not is_capitalised(word) or is_title(word, lx):
        return False
    return bare(word) not in lx.org_words


def surname_after(previous: str, lx: Lexicon) -> bool:
    """Whether the word after ``previous`` may be a surname even when it is also a month or day:
    ``previous`` looks like a given name (capitalised, lower-case after its first letter, not a
    place, title, time word or function word)."""
    low = previous.lower()
    return (
        previous[:1].isupper()
        and previous[1:].islower()
        and previous.isalpha()
        and low not in lx.time_words
        and low not in lx.places
        and low not in lx.stopwords
        and low not in lx.determiners
        and low not in lx.name_prepositions
        and low not in lx.prepositions
        and low not in lx.organisations
        and is_name_word(previous, lx)
    )
