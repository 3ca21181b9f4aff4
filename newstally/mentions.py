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
_RELATIVES = frozenset({"that", "who", "which", "whose", "whom", "where"})


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


def bare(word: str) -> str:
    """A word lower-cased, without a possessive ("Qatar's" -> "qatar")."""
    return _POSSESSIVE.sub("", word).lower()



def is_capitalised(word: str) -> bool:
    """A capitalised word, a handle ("@agency_press") or a name with a particle ("al-Rahbi")."""
    if word[:1].isupper() or word[:1] == "@":
        return True
    head, _, rest = word.partition("-")
    return bool(rest) and rest[:1].isupper() and head.lower() in lex().particles


def is_title(word: str, lx: Lexicon) -> bool:
    low = bare(word).rstrip(".")
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
    return bare(word) not in lx.org_words


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
    low = bare(word)
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
    before_cut = bare(words[cut - 1])
    if cut < len(words) and words[cut].lower() in ("in", "from") and " ".join(words[cut + 1:]).lower() in lx.places:
        # "The UN monitoring mission in Cyprus": the place says where, not who.
        head = parse(words[:cut], appositive)
        if head is not None:
            return Mention(original, head.kind, described,
                           head.role, head.org, head.country or lx.places[" ".join(words[cut + 1:]).lower()],
                           head.head)
    if 2 <= cut < len(words) - 1 and words[cut].lower() == "of" and not indefinite:
        # "Omar Haddad of the fishermen's union": a person of the organisation, not the organisation
        named = _proper(words[:cut], words[:cut], " ".join(words[:cut]), role, org, country, lx)
        whose = _affiliation(words[cut + 1:], lx)
        if named.kind == "person" and named.name == " ".join(words[:cut]) and " " in named.name and whose:
            return Mention(original, "person", named.name, named.role, named.org or whose,
                           named.country or _country(words[cut + 1:], lx))
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
        org = org or _org_name(words[cut + 1:], lx)
        if is_capitalised(head_part[-1]) and not is_title(head_part[-1], lx) and before_cut not in lx.speaker_nouns:
            return _proper(head_part, words, text, role, org, country, lx)
        role = role or " ".join(head_part)
        return Mention(original, "description", described, role, org, country, before_cut)
    last = words[-1]
    if is_capitalised(last) and not is_title(last, lx):
        return _proper(words, words, text, role, org, country, lx)
    head = bare(last)
    if head in lx.org_words and head not in lx.titles and cut == len(words):
        return Mention(text, "organization", text, role, org or text, country)
    role = role or " ".join(words[:cut])
    org = org or _org_name(words[:-1], lx)
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
    if k >= 2 and head_part[k - 1].lower() in ("of", "for") and is_title(head_part[k - 2], lx):
        # "Minister of Foreign Affairs Riad Malki": "Foreign Affairs" is the portfolio, not the name
        while len(run) > 2 and (bare(run[0]) in lx.modifiers or run[0] == "and"):
            run = run[1:]
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
    if name.lower() in lx.places or name.lower() in lx.organisations:
        known = lx.organisations.get(name.lower())
        canonical = known[0] if known else name
        return Mention(text, "organization", canonical, role, canonical,
                       (known[1] if known else "") or lx.places.get(name.lower(), country))
    owned = max((i + 1 for i, w in enumerate(before) if _POSSESSIVE.search(w)), default=0)
    titles = [w for w in before[owned:] if w.lower().rstrip(".") not in lx.honorifics and w.lower() not in DETERMINERS]
    if any(is_title(w, lx) or bare(w) in lx.speaker_nouns for w in titles):
        role = role or " ".join(titles)  # "Israel's Prime Minister Ana Levi": the role is "Prime Minister"
    org = org or _org_name(before, lx)
    return Mention(text, "person", name, role, org, country)


def naming_start(words: list[str], lx: Lexicon) -> int:
    """Where the words before a name that still name or describe its bearer start.

    Read back from the end: titles, modifiers, capitalised words, possessives and nationalities
    ("Israel's Prime Minister", "Al Jazeera's senior political analyst") belong to the name, and a
    determiner opens it. A verb, a number, a time word or any other word ends it, and so does a
    preposition that makes the name its object ("a letter to", "the administration of President")
    rather than part of a title ("Secretary of State", "Minister of Foreign Affairs").
    """
    k = len(words)
    while k > 0:
        word = words[k - 1]
        low = word.lower()
        if low in DETERMINERS:
            return k - 1
        if low == "of" and k < len(words) and k >= 2 and (
                is_title(words[k - 2], lx) or is_capitalised(words[k - 2]) and bare(words[k - 2]) in lx.org_words):
            k -= 1
        elif low == "and" and k < len(words) and k >= 2 and _role_word(words[k], lx) \
                and not is_capitalised(words[k]) and _role_word(words[k - 2], lx) and not is_capitalised(words[k - 2]):
            k -= 1  # "lawyer and analyst"
        elif _naming_word(word, lx):
            k -= 1
        elif k < len(words) and _modifies(word, words[k], lx):
            k -= 1  # "UN aid chief", "DC bureau chief": a noun that says which chief
        else:
            break
    return k


def _modifies(word: str, head: str, lx: Lexicon) -> bool:
    """Whether the lower-case ``word`` may modify the lower-case role word ``head`` after it."""
    low = word.lower()
    return word.isalpha() and word.islower() and head.islower() and _role_word(head, lx) \
        and not low.endswith(("ed", "ing", "ly")) and low not in lx.verbs and low not in lx.stopwords \
        and low not in lx.prepositions and low not in lx.pronouns and low not in lx.quantifiers


def _role_word(word: str, lx: Lexicon) -> bool:
    low = bare(word)
    return is_title(word, lx) or low in lx.speaker_nouns or low in lx.modifiers or low in lx.org_words


def _naming_word(word: str, lx: Lexicon) -> bool:
    """A word that may stand before a name in a phrase that names its bearer."""
    low = bare(word)
    if word.isupper() and len(word) > 1 and not any(c.isdigit() for c in word):
        return True  # an acronym ("US"), never the pronoun
    if any(c.isdigit() for c in word) or low in lx.time_words or low in lx.prepositions \
            or low in lx.stopwords or low in lx.pronouns:
        return False
    if is_capitalised(word) or low in lx.places:
        return True
    if "-" in low:
        return low.endswith(lx.descriptive_suffixes) or not low.endswith(("ed", "ing"))  # "Iran-backed", "far-right"
    return _role_word(word, lx) or low in lx.generic_orgs or low in lx.group_nouns or low in lx.honorifics


def names_speaker(phrase: str) -> bool:
    """Whether ``phrase`` is a way of naming a speaker: "US President Joan Reyes", "the US president",
    "a spokesperson for the armed group"; not "Reyes said Norway" or "The secretary of"."""
    lx = lex()
    words = [w for w in TOKEN.findall(phrase) if w[0].isalnum() or w[0] == "@"]
    if not words or bare(words[-1]) in lx.prepositions or words[-1].lower() in DETERMINERS:
        return False
    cut = next((i for i, w in enumerate(words) if w.lower() in PREPOSITIONS and i > 0
                and not (w.lower() == "of" and naming_start(words[:i + 2], lx) < i)), len(words))
    if cut < len(words) and (is_title(words[cut - 1], lx) or bare(words[cut - 1]) in lx.speaker_nouns):
        # "a spokesperson for the armed group", "ambassador to the United Nations": the head comes
        # first; what follows the preposition says whose.
        words = words[:cut]
    head = bare(words[-1])
    return naming_start(words[:-1], lx) == 0 and head not in lx.stopwords \
        and (head.endswith("-old") or not any(c.isdigit() for c in head))  # "the 41-year-old"


def _org_name(words: list[str], lx: Lexicon) -> str:
    """The organisation ``words`` name: capitalised words that end in an organisation word ("State
    Department", "Ministry of Health"), a known organisation or an acronym ("UNRWA"), or an owner
    that is no place ("Al Jazeera's"). "" when they name none ("Prime Minister", "Defence").
    """
    runs: list[tuple[list[str], bool]] = []  # (capitalised words, ends in a possessive)
    run: list[str] = []
    for i, w in enumerate(words + [""]):
        capital = bool(w) and is_capitalised(w) and w.lower() not in DETERMINERS \
            and not w.lower().endswith(lx.descriptive_suffixes)
        if capital:
            run.append(_POSSESSIVE.sub("", w) if w.endswith(("’s", "'s", "’", "'")) else w)
            if _POSSESSIVE.search(w):
                runs.append((run, True))
                run = []
        elif w.lower() == "of" and run and i + 1 < len(words) and is_capitalised(words[i + 1]):
            run.append(w)
        else:
            if run:
                runs.append((run, False))
            run = []
    for run, owner in runs:
        for i in range(len(run)):
            for j in range(len(run), i, -1):
                if run[i] != "of" and run[j - 1] != "of" and _is_org(run[i:j], lx):
                    found = " ".join(run[i:j])
                    return lx.organisations.get(found.lower(), (found,))[0]  # "Houthi" is the Houthis
        name = " ".join(run)
        if owner and len(run) >= 2 and name.lower() not in lx.places:
            return name
    return ""


def _is_org(span: list[str], lx: Lexicon) -> bool:
    name = " ".join(span).lower()
    if name in lx.organisations:
        return True
    if name in lx.places or all(w.lower() in lx.places for w in span):
        return False
    if len(span) == 1:
        word = span[0]
        return word.isupper() and len(word) > 1 and not is_title(word, lx) \
            and word.lower() not in lx.modifiers and word.lower() not in lx.stopwords  # "UNRWA", not "CEO", "NEW"
    words = [w.lower() for w in span]
    return words[-1] in lx.org_words or "of" in words and words[words.index("of") - 1] in lx.org_words


def _affiliation(words: list[str], lx: Lexicon) -> str:
    """The organisation an "of" phrase names ("of Hamas", "of the fishermen's union"), or ""."""
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    if not words:
        return ""
    name = " ".join(words)
    if name.lower() in lx.organisations:
        return lx.organisations[name.lower()][0]
    found = _org_name(words, lx)
    if found == name or bare(words[-1]) in lx.org_words | lx.generic_orgs and naming_start(words[:-1], lx) == 0:
        return found or name
    return ""


def _country(words: list[str], lx: Lexicon) -> str:
    for w in words:
        found = lx.places.get(bare(w)) or lx.places.get(w.lower())
        if found:
            return found
        known = lx.organisations.get(bare(w))
        if known and known[1]:
            return known[1]
    return ""


def _appositive(appositive: str, lx: Lexicon) -> tuple[str, str]:
    words = TOKEN.findall(appositive)
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    if not words:
        return "", ""
    first = words[0].lower()
    if first in lx.prepositions or first in lx.stopwords or first in lx.subordinators or first[:1].isdigit() \
            or first.endswith(("ing", "ed", "ly")) and not is_capitalised(words[0]) \
            and not (len(words) > 1 and _role_word(words[1], lx)):
        # "with Egypt's help", "amid protests", "reporting from Rafah", "including more than 4": what
        # the sentence adds, not who the speaker is
        return "", ""
    if all(is_name_word(w, lx) for w in words):
        return "", ""  # a name ("Omar Haddad") is who, not what the speaker is
    relative = next((i for i, w in enumerate(words) if w.lower() in _RELATIVES), len(words))
    if any(w.lower() in lx.stopwords and w.lower() not in lx.prepositions or w.lower() in lx.verbs
           for w in words[:relative]):
        return "", ""  # "famine is spreading": a clause; "the group that governs ..." describes
    role = " ".join(words)
    org = ""
    for i, w in enumerate(words):
        if w.lower() in {"of", "for", "at"}:
            org = _org_name(words[i + 1:], lx)
            break
    return role, org


def _surface_from(surface: str, word: str) -> str:
    at = surface.find(word)
    return surface[at:] if at >= 0 else ""
