"""A speaker of one article as the roster builds it, and what its name and titles say of it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newstally.contract.vocabulary import SpeakerType

from .words import lex


@dataclass
class Entity:
    """One speaker of an article: its key, fullest name, type, what the article says of it."""

    key: str
    name: str
    type: SpeakerType
    role: str = ""
    org: str = ""
    country: str = ""
    aliases: set[str] = field(default_factory=set)
    gender: str | None = None  # m | f | "" unknown; None: not looked at yet
    named: bool = False
    spoke: bool = False  # resolved as a speaker, not only seen in the narration
    shared: bool = False  # a surname several people in the article have: never completed


def titled(entity: Entity) -> bool:
    """Whether the article gives ``entity`` a person's title or an alias with one ("Prime Minister
    Ana Levi"): then a later "it" is not them, and they stay a person."""
    lx = lex()
    words = f"{entity.role} {' '.join(entity.aliases)}".lower().replace("-", " ").split()
    return any(w in lx.titles or w in lx.honorifics for w in words)


def fits(entity: Entity, description: str) -> bool:
    """Whether the proper words of a description ("the UN body") may name ``entity``: each is a word
    of its name or an alias of it, so "the UN body" is not the Israeli army the article just quoted."""
    lx = lex()
    words = set(entity.name.lower().split()) | {a.lower() for a in entity.aliases}
    for w in description.split():
        low = w.lower()
        if (
            w[:1].isupper()
            and low not in lx.places
            and low not in lx.titles
            and low not in words
            and lx.organisations.get(low, ("",))[0] != entity.name
        ):
            return False
    return True


def is_plural(name: str) -> bool:
    words = name.split()
    last = words[-1].lower() if words else ""
    lx = lex()
    return (
        " and " in name
        or last in lx.group_nouns
        or (last.endswith("s") and not last.endswith("ss") and last in lx.speaker_nouns)
    )


def redescribes(phrase: str, placed: str = "", text: str = "") -> bool:
    """Whether ``phrase`` only describes someone already named ("the lanky, bespectacled professor"):
    "the", plain lower-case adjectives, a head; none of its words says which role, body or country
    ("the health official", "the army spokesman", "the Israeli official" name a kind, not a person).
    ``placed`` is the country or organisation the phrase was found to name, if any; a phrase that
    ``text`` writes after a name and a comma describes that name ("Berg, the ferocious brawler")."""
    lx = lex()
    words = [w.strip(",") for w in phrase.split()]
    if placed or len(words) < 3 or words[0].lower() != "the":
        return False
    head = words[-1].lower()
    if head in lx.documents or head not in lx.titles | lx.speaker_nouns and not head.endswith("-old"):
        return False  # "the brief statement", "the royal palace": not a person
    if re.search(rf"[A-Z][\w’'\-]*, {re.escape(phrase)}", text):
        return False
    return all(
        w.replace("-", "").isalpha()
        and w.islower()
        and w not in lx.modifiers
        and w not in lx.org_words
        and w not in lx.places
        and w not in lx.determiners
        and w not in lx.quantifiers
        and w not in lx.titles
        for w in words[1:-1]
    )
