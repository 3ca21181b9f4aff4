"""Names within an article: how two spellings compare, the full names a surname may stand for,
and the organisations a text names.

"Al-Amir" opening a sentence is "Lina al-Amir"'s surname; "António Vale" is "Antonio Vale"; a
surname joins only a full name written in the article, on the same line ("00:14 GMT" closing a
live blog's line is no given name).
"""

from __future__ import annotations

import re
import unicodedata

from newstally.rules.lexicon import alternatives

from .words import bare, is_name_word, lex


def plain(name: str) -> str:
    """A name with straight apostrophes, so one name is spelled one way across sources."""
    return name.replace("’", "'").replace("‘", "'")


def full_names(text: str, surname: str) -> list[str]:
    """The distinct full names in the article that end with ``surname`` (on the same line:
    "00:14 GMT" closing the line before is no given name)."""
    lx = lex()
    out: list[str] = []
    for pos in occurrences(text, surname) + occurrences(text, lower_particle(surname)):
        line = text[max(0, pos - 60) : pos].rsplit("\n", 1)[-1]
        words = line.split()[-3:]
        if not words or not text[pos - 1 : pos].isspace():
            continue
        k = len(words)
        while k > 0 and given_name(words[k - 1], surname, lx):
            k -= 1
        given = words[k:][-2:]
        if given:
            full = " ".join(given + [text[pos : pos + len(surname)]])
            if full not in out:
                out.append(full)
    return out


def occurrences(text: str, word: str) -> list[int]:
    """Where ``word`` occurs in ``text`` as a whole word."""
    out = []
    pos = text.find(word)
    while pos >= 0:
        end = pos + len(word)
        if (pos == 0 or not text[pos - 1].isalnum()) and (end >= len(text) or not text[end].isalnum()):
            out.append(pos)
        pos = text.find(word, end)
    return out


_NAME_SHAPE = re.compile(rf"(?:[A-Z][\w’'\-]*|(?:{alternatives(sorted(lex().particles))}))")


def given_name(word: str, surname: str, lx) -> bool:
    """Whether ``word``, written before ``surname``, may be a given name (not "UN" of "the UN Ola Berg")."""
    low = word.lower()
    return (
        _NAME_SHAPE.fullmatch(word) is not None
        and is_name_word(word, lx)
        and not (word.isupper() and len(word) > 1)
        and low not in lx.places
        and low not in lx.organisations
        and low not in lx.stopwords
        and low not in lx.name_prepositions
        and low not in lx.determiners
        and low not in lx.quantifiers
        and not low.endswith("ing")
        and word != surname
    )


def proper_org(name: str) -> bool:
    """Whether an organisation's name has a capitalised word or an acronym ("Israeli army",
    "Gaza Health Ministry", "UNRWA"), not only common words ("health ministry", "local media")."""
    return any(w[:1].isupper() or w[:1] == "@" for w in name.split())


# A run of capitalised words, possibly joined by "of", "for" or "and", which may name an organisation.
_CAPITALISED_RUN = re.compile(r"(?:[A-Z][\w’'\-]*\s+(?:(?:of|for|and|on)\s+(?:the\s+)?)?)*[A-Z][\w’'\-]*")


def org_names(text: str, head: str) -> set[str]:
    """The organisations of kind ``head`` ("ministry") that ``text`` names, by their canonical
    name when the lexicon knows them: "the Health Ministry in Gaza" is the Gaza Health Ministry."""
    lx = lex()
    out: set[str] = set()
    for m in _CAPITALISED_RUN.finditer(text):
        words = m.group().split()
        if head not in (w.lower() for w in words):
            continue
        while words and (
            words[0].lower() in lx.determiners
            or bare(words[0]) in lx.places
            and not words[0].lower().endswith(("’s", "'s"))
        ):
            words = words[1:]  # "The", and a place that only says where ("Israeli Health Ministry" stays)
        after = text[m.end() : m.end() + 40].split()
        # the article's own longer form, when the lexicon knows it: "Ministry of Health in Gaza"
        for extra in (3, 2, 0):
            candidate = " ".join(m.group().split() + after[:extra]).rstrip(".,;:")
            known = lx.organisations.get(candidate.lower()) or lx.organisations.get(
                " ".join(candidate.split()[1:]).lower()
            )
            if known:
                out.add(known[0])
                break
        else:
            if len(words) >= 2:
                out.add(" ".join(m.group().split()[-len(words) :]).rstrip(".,;:"))
    return out | _national_bodies(text, head) | _known_bodies(text, head)


def _national_bodies(text: str, head: str) -> set[str]:
    """ "Israeli police", "the Lebanese army", "Israeli health ministry": a nationality and, at
    most one word after it, ``head`` (by its canonical name when the lexicon knows it)."""
    lx = lex()
    out: set[str] = set()
    for m in re.finditer(rf"\b{re.escape(head)}\b", text, re.IGNORECASE):
        before = text[max(0, m.start() - 40) : m.start()].split()[-2:]
        for k in (1, 2):
            if (
                len(before) >= k
                and before[-k].lower() in lx.adjectives
                and before[-k][:1].isupper()
                and all(w.islower() for w in before[len(before) - k + 1 :])
            ):
                name = " ".join(before[-k:] + [head])
                out.add(lx.organisations.get(name.lower(), (name,))[0])
                break
    return out


def _known_bodies(text: str, head: str) -> set[str]:
    """The organisations of the lexicon whose name or an alias holds ``head`` ("army": the Israeli
    army, also called "Israeli forces") and that ``text`` names by any of their names."""
    lx = lex()
    names: dict[str, list[str]] = {}
    for alias, (name, _) in lx.organisations.items():
        names.setdefault(name, []).append(alias)
    out: set[str] = set()
    for name, aliases in names.items():
        if head in {w for a in aliases for w in a.split()} and any(
            re.search(rf"(?<![\w\-]){re.escape(a)}(?![\w\-])", text, re.IGNORECASE) for a in aliases if " " in a
        ):
            out.add(name)
    return out


def ends_with(name: str, surname: str) -> bool:
    """Whether ``name`` ends with the words of ``surname`` ("Lina al-Amir" with "Al-Amir",
    "Tom Rivers KC" with "Rivers KC"), by ``name_key``."""
    if " and " in name:
        return False  # "Logan Couture and Melker Lindqvist" is two people, not a Lindqvist
    full, short = name_key(name).split(), name_key(surname).split()
    return bool(short) and full[-len(short) :] == short


def name_key(name: str) -> str:
    """A name as it is compared: case, accents, apostrophes and the hyphen of a particle do not
    count ("António Vale" is "Antonio Vale", "Al-Amir" is "al Amir")."""
    folded = unicodedata.normalize("NFKD", plain(name)).encode("ascii", "ignore").decode() or name
    return " ".join(folded.replace("-", " ").casefold().split())


def one_per_person(names: list[str]) -> list[str]:
    """``names`` with one spelling per person: a name that another ends with is that person
    ("GMT Nida Ibrahim" and "Nida Ibrahim" are one, "Nida Ibrahim"); the first spelling of a key wins."""
    out: list[str] = []
    for name in sorted(dict.fromkeys(names), key=lambda n: len(name_key(n).split())):
        if not any(ends_with(name, kept) for kept in out):
            out.append(name)
    return out


def lower_particle(surname: str) -> str:
    """ "Al-Amir" opening a sentence is written "al-Amir" after a given name."""
    head, dash, rest = surname.partition("-")
    return f"{head.lower()}{dash}{rest}" if dash and head.lower() in lex().particles else surname


def titled_names(text: str, lower: str, title: str) -> list[str]:
    """The names written right after ``title`` in ``text`` ("US President Joan Reyes"); ``lower`` is
    ``text`` in lower case."""
    lx = lex()
    out: list[str] = []
    for pos in occurrences(lower, title.lower()):
        words = text[pos + len(title) : pos + len(title) + 60].split()[:3]
        name: list[str] = []
        for w in words:
            clean = w.rstrip(",.;:")
            if not is_name_word(clean, lx):
                break
            name.append(clean)
            if clean != w:
                break
        if len(name) >= 2 and " ".join(name) not in out:
            out.append(" ".join(name))
    return out
