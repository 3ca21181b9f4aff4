"""The speakers of one article: each speaker phrase joined to the fullest name the article gives.

"Berg", "she" and "the spokeswoman" resolve to "Nina Berg" when the article leaves no
doubt; when it does (two people share the surname, a pronoun with no person before it), the
phrase stays unresolved rather than guessed.
"""

from __future__ import annotations

import re

from newstally.contract.records import Speaker
from newstally.contract.vocabulary import SpeakerType

from .entities import Entity, fits, is_plural, redescribes, titled
from .gender import voted_gender
from .mentions import Mention
from .names import (
    ends_with,
    full_names,
    name_key,
    one_per_person,
    org_names,
    proper_org,
    titled_names,
)
from .naming import names_speaker
from .words import bare, is_title, lex

# A pronoun prefers a named person among this many most recent speakers.
_RECENT_NAMED = 3


class Roster:
    """The speakers of one article, built as their phrases are resolved."""

    def __init__(self, text: str):
        self._text = text
        self._lower = text.lower()
        self._entities: list[Entity] = []
        self._recent: list[Entity] = []  # most recent speaker first
        self._sentence = 0
        self._subject: tuple[Entity, int] | None = None  # the last person observed, and in which sentence

    def next_sentence(self) -> None:
        """Note that the text has moved on to its next sentence."""
        self._sentence += 1

    def resolve(self, mention: Mention | None) -> str:
        """The key of the speaker ``mention`` names, or "" when that is not certain."""
        if mention is None:
            return ""
        if mention.type == "pronoun":
            entity = self._pronoun(mention.name)
        elif mention.type == "document":
            # "the statement said" is its author speaking; with no one before it, the author is unknown
            # (a speaker called "statement" would say nothing)
            entity = self._recent[0] if self._recent else None
        elif mention.type == "person":
            entity = self._person(mention)
        elif mention.type == "organization":
            entity = self._find(mention.name) or self._organisation(mention)
        else:
            entity = self._description(mention)
        if entity is None:
            return ""
        entity.spoke = True
        if mention.type not in ("pronoun", "document"):
            if names_speaker(mention.text):
                entity.aliases.add(mention.text)  # not "Reyes said Norway": a clause, not a name
            if not (mention.type == "description" and mention.role.lower() in lex().generic_orgs):
                entity.role = entity.role or mention.role  # "the charity" says nothing of who
            entity.org = entity.org or mention.org
            entity.country = entity.country or mention.country
        self._remember(entity)
        return entity.key

    def observe(self, mention: Mention) -> None:
        """Note a person the narration names (a sentence's subject): a later "he" may be them."""
        if (
            mention.type != "person"
            or " and " in mention.name
            or any(len(w) > 3 and w.isupper() for w in mention.name.split())
        ):
            return  # "READ MORE" is a heading, not a person
        if " " in mention.name or mention.role:
            # "Wenna, a resident of the coast, ...": one name with a description is a person too
            entity = self._person(mention)
        else:
            entity = next(
                (e for e in self._entities if e.type == "person" and e.named and ends_with(e.name, mention.name)), None
            )
        if entity is not None:
            self._remember(entity)
            self._subject = (entity, self._sentence)

    def remember(self, key: str) -> None:
        """Note that ``key`` spoke last (for pronouns that follow)."""
        for e in self._entities:
            if e.key == key:
                self._remember(e)

    def speakers(self) -> list[Speaker]:
        """Every speaker resolved so far, as records."""
        out = []
        for e in self._entities:
            # Spelled as the article spells them; the corpus merge (speakers.merge) normalises.
            aliases = tuple(sorted(e.aliases - {e.name}))
            out.append(Speaker(e.key, e.name, e.type, e.role, e.org, e.country, aliases, self._named(e)))
        return out

    def _remember(self, entity: Entity) -> None:
        if self._recent and self._recent[0] is entity:
            return
        if entity in self._recent:
            self._recent.remove(entity)
        self._recent.insert(0, entity)

    def _pronoun(self, pronoun: str) -> Entity | None:
        lx = lex()
        refers = lx.pronouns.get(pronoun, "")
        if refers == "author":
            return None  # "I" in narration is the writer, whom the article does not name
        if refers == "thing":
            found = next((e for e in self._recent if e.type == "organization"), None)
            if found is None:
                # "North Power said ... it said": a name with no gender that "it" stands for is an organisation
                found = next(
                    (
                        e
                        for e in self._recent
                        if e.named and e.spoke and " and " not in e.name and not titled(e) and not self._gender(e)
                    ),
                    None,
                )
                if found is not None:
                    found.type = "organization"
            return found
        if refers == "group":
            return next((e for e in self._recent if e.type == "organization" or is_plural(e.name)), None)
        gender = lx.genders.get(pronoun, "")
        people = [
            e for e in self._recent if e.type == "person" and not is_plural(e.name) and self._gender(e) in ("", gender)
        ]
        named = [e for e in people[:_RECENT_NAMED] if e.named]
        chosen = named[0] if named else (people[0] if people else None)
        if chosen is not None and not chosen.gender:
            chosen.gender = gender
        return chosen

    def _named(self, entity: Entity) -> bool:
        """Whether ``entity`` is someone a reader can name: a person by name, or an organisation whose
        name has a proper word ("Israeli army", "UNRWA"); not a description ("officials", "the group")
        nor a single capitalised word the article also writes in lower case ("Health", "Children")."""
        if not entity.named:
            return False
        if " " not in entity.name and entity.name[:1].isupper() and not entity.name.isupper():
            return not self._in_lower_case(entity.name)
        return True

    def _organisation(self, mention: Mention) -> Entity:
        """The organisation ``mention`` names; a generic one ("the health ministry", "local media")
        is the one organisation of that kind the article names, or stays a description."""
        if proper_org(mention.name):
            return self._new(mention.name, "organization", named=True)
        head = mention.name.split()[-1].lower() if mention.name.split() else ""
        named = self._named_in_text(mention.name, head) if head in lex().generic_orgs | lex().org_words else None
        if named is not None:
            return named
        return self._new(mention.name, "organization")

    def _named_in_text(self, description: str, head: str) -> Entity | None:
        """The one named organisation of kind ``head`` ("ministry") whose name holds the other words of
        ``description`` ("the health ministry": the Gaza Health Ministry), from the article's
        speakers or, failing them, its text; None when there is none or more than one."""
        wanted = {w.lower() for w in description.split()[:-1] if w.lower() not in lex().determiners}
        speakers = [
            e
            for e in self._recent
            if e.type == "organization"
            and e.named
            and head in e.name.lower().split()
            and wanted <= set(e.name.lower().split())
        ]
        if speakers:
            return speakers[0]
        found = {n for n in org_names(self._text, head) if wanted <= set(n.lower().split())}
        if len(found) != 1:
            return None
        (name,) = found
        entity = self._find(name) or self._new(name, "organization", named=True)
        lx = lex()
        # its own attributes, not those of the generic phrase that led here ("army")
        entity.org = entity.org or name
        entity.country = (
            entity.country
            or lx.organisations.get(name.lower(), ("", ""))[1]
            or lx.places.get(name.split()[0].lower(), "")
        )
        return entity

    def _gender(self, entity: Entity) -> str:
        """m, f or "" — from the role's words, else the first he/she after the name's first mention."""
        if entity.gender is None and any(len(w) > 1 and w.isupper() for w in entity.name.split()):
            entity.gender = ""  # "North Power", "ABC Local 12": an acronym names an organisation
        if entity.gender is None:
            lx = lex()
            words = f"{entity.role} {' '.join(entity.aliases)}".lower().split()
            entity.gender = next((lx.genders[w] for w in words if w in lx.genders and w not in lx.possessives), "")
            if not entity.gender and entity.named:
                entity.gender = voted_gender(self._text, entity.name)
        return entity.gender

    def _find(self, name: str) -> Entity | None:
        key = name_key(name)
        return next((e for e in self._entities if name_key(e.name) == key), None)

    def _new(self, name: str, entity_type: SpeakerType, named: bool = False) -> Entity:
        entity = Entity(f"p{len(self._entities)}", name, entity_type, named=named)
        self._entities.append(entity)
        return entity

    def _person(self, mention: Mention) -> Entity | None:
        name = self._cleaned(mention.name)
        found = self._find(name)
        if found:
            return found
        words = name_key(name).split()
        if len(words) > 1:
            # "Nina Berg" after "Berg", "Samir Abdel Nour" after "Abdel Nour": the shorter was this name
            for e in self._entities:
                if (
                    e.type == "person"
                    and e.named
                    and not e.shared
                    and " and " not in e.name
                    and ends_with(name, e.name)
                    and name_key(e.name) != name_key(name)
                ):
                    if self._given(name, e.name):
                        e.aliases.add(e.name)
                        e.name = name
                    return e
        matches = {
            e.name: e
            for e in self._entities
            if e.type == "person" and e.named and len(name_key(e.name).split()) > len(words) and ends_with(e.name, name)
        }
        candidates = one_per_person(list(matches) + [self._cleaned(n) for n in full_names(self._text, name)])
        # a shorter spelling of a speaker's name is that speaker ("Abu Amir" of "Lina Abu Amir")
        fulls = list(dict.fromkeys(next((n for n in matches if ends_with(n, c)), c) for c in candidates))
        if len(fulls) == 1:
            (full,) = fulls
            found = next((e for n, e in matches.items() if name_key(n) == name_key(full)), None)
            if found is not None and len(words) > 1 and not self._given(found.name, name):
                found.aliases.add(found.name)  # "National Security Tom Ben-Gal" was "Tom Ben-Gal"
                found.name = name
            return found or self._find(full) or self._new(full, "person", named=True)
        # No full name, or two people share the surname: the speaker is only the surname.
        entity = self._find(name) or self._new(name, "person", named=True)
        entity.shared = entity.shared or len(fulls) > 1
        return entity

    def _given(self, full: str, short: str) -> bool:
        """Whether the words ``full`` has before ``short`` may be given names ("Samir" of "Samir Abdel
        Nour"), not a portfolio or an office cut off from its title ("National Security", "United
        Nations", "Special Rapporteur"): none a title, modifier, place or organisation word, and none
        written in lower case elsewhere in the article."""
        lx = lex()
        extra = full.split()[: len(full.split()) - len(short.split())]
        return all(
            not is_title(w, lx)
            and bare(w) not in lx.modifiers
            and bare(w) not in lx.places
            and bare(w) not in lx.org_words
            and bare(w) not in lx.organisations
            and not self._in_lower_case(w)
            for w in extra
        )

    def _cleaned(self, name: str) -> str:
        """A person's name without the words before it that are no part of it, while two remain:
        an age ("Seventy-year-old Ola Berg"), or words the article writes in lower case elsewhere, a
        portfolio cut off from its title ("Human Rights Ola Berg", "National Security Tom Ben-Gal")."""
        lx = lex()
        words = name.split()
        while len(words) > 2 and (
            words[0].lower().endswith("-old")
            or words[0].lower() not in lx.verbs
            and words[0].lower() not in lx.particles
            and self._in_lower_case(words[0])
        ):
            words = words[1:]
        return " ".join(words)

    def _in_lower_case(self, word: str) -> bool:
        low = word.lower()
        return low != word and re.search(rf"(?<![\w’'\-]){re.escape(low)}(?![\w\-])", self._text) is not None

    def _description(self, mention: Mention) -> Entity | None:
        found = self._find(mention.name)
        if found:
            return found
        head = mention.head
        lx = lex()
        if mention.text.lower().startswith("the ") and head in lx.generic_orgs:
            # "the utility said": the organisation the article is about, when its name says so
            known = next(
                (
                    e
                    for e in self._recent
                    if e.type == "organization"
                    and fits(e, mention.name)
                    and (
                        head in lx.org_words - lx.generic_orgs
                        and head in e.name.lower().split()
                        or head in lx.generic_orgs
                        and head not in lx.org_words
                    )
                ),
                None,
            )
            if known is None and head in lx.org_words:
                known = self._named_in_text(mention.name, head)  # "the ministry": the Health Ministry named before
            if known is not None:
                return known
            return self._new(mention.name, "organization")
        words = mention.text.split()
        if words[0].lower() == "the" and len(words) > 1 and words[1].lower().endswith("-old"):
            # "the 50-year-old": the person the article has just named
            return next((e for e in self._recent if e.type == "person" and e.named), None) or self._new(
                mention.name, "person"
            )
        if head in lx.titles:
            wanted = [w for w in mention.name.lower().split() if w not in lx.determiners]
            holders = [
                e
                for e in self._entities
                if e.type == "person" and set(wanted) <= set(f"{e.role} {e.org}".lower().replace("-", " ").split())
            ]
            if len(holders) == 1:
                return holders[0]
            if not holders and mention.text.split()[0].lower() not in ("a", "an"):
                named = titled_names(self._text, self._lower, " ".join(wanted))
                found = self._find(named[0]) if len(named) == 1 else None
                if not named:
                    # Only the head ("minister") is written before a name: the description's other
                    # words must fit that person, so "Qatar's prime minister" is not Israel's.
                    named = titled_names(self._text, self._lower, head)
                    found = self._find(named[0]) if len(named) == 1 else None
                    extra = {w for w in wanted if w != head and bare(w) not in lx.places}
                    if (
                        len(named) == 1
                        and (extra or mention.country)
                        and (
                            found is None
                            or mention.country
                            and found.country != mention.country
                            or not extra <= set(f"{found.role} {found.org}".lower().replace("-", " ").split())
                        )
                    ):
                        return self._new(mention.name, "person")
                if len(named) == 1:
                    return found or self._person(
                        Mention(named[0], "person", named[0], mention.role, mention.org, mention.country)
                    )
        return self._epithet(mention) or self._new(mention.name, "person")

    def _epithet(self, mention: Mention) -> Entity | None:
        """The person the sentence before opened with, when ``mention`` only describes them again
        ("Ola Strand is sure. 'No,' the lanky professor said.")."""
        if self._subject is None or self._subject[1] != self._sentence - 1:
            return None
        last = self._subject[0]
        gender = lex().genders.get(mention.head, "")
        fits_gender = not gender or self._gender(last) in ("", gender)
        return last if fits_gender and redescribes(mention.text, mention.country or mention.org, self._text) else None
