"""Which words of a speaker phrase name its speaker, and which organisation a phrase names.

"sent a letter to US President Joan Reyes" names Joan Reyes as "US President Joan Reyes";
"Al Jazeera's Rami Aziz" gives the organisation Al Jazeera; "X of the fishermen's union" is a
person of that union. ``mentions`` parses phrases with these rules and
``roster`` keeps as aliases only the phrases ``names_speaker`` accepts.
"""

from __future__ import annotations

from .words import POSSESSIVE, TOKEN, Lexicon, bare, is_capitalised, is_title, lex


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
        if low in lx.determiners:
            return k - 1
        if (
            low == "of"
            and k < len(words)
            and k >= 2
            and (is_title(words[k - 2], lx) or is_capitalised(words[k - 2]) and bare(words[k - 2]) in lx.org_words)
        ):
            k -= 1
        elif (
            low == "and"
            and k < len(words)
            and k >= 2
            and role_word(words[k], lx)
            and not is_capitalised(words[k])
            and role_word(words[k - 2], lx)
            and not is_capitalised(words[k - 2])
        ):
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
    return (
        word.isalpha()
        and word.islower()
        and head.islower()
        and role_word(head, lx)
        and not low.endswith(("ed", "ing", "ly"))
        and low not in lx.verbs
        and low not in lx.stopwords
        and low not in lx.prepositions
        and low not in lx.pronouns
        and low not in lx.quantifiers
    )


def role_word(word: str, lx: Lexicon) -> bool:
    low = bare(word)
    return is_title(word, lx) or low in lx.speaker_nouns or low in lx.modifiers or low in lx.org_words


def _naming_word(word: str, lx: Lexicon) -> bool:
    """A word that may stand before a name in a phrase that names its bearer."""
    low = bare(word)
    if word.isupper() and len(word) > 1 and not any(c.isdigit() for c in word):
        return True  # an acronym ("US"), never the pronoun
    if (
        any(c.isdigit() for c in word)
        or low in lx.time_words
        or low in lx.prepositions
        or low in lx.stopwords
        or low in lx.pronouns
    ):
        return False
    if is_capitalised(word) or low in lx.places:
        return True
    if "-" in low:
        return low.endswith(lx.descriptive_suffixes) or not low.endswith(("ed", "ing"))  # "Iran-backed", "far-right"
    return role_word(word, lx) or low in lx.generic_orgs or low in lx.group_nouns or low in lx.honorifics


def names_speaker(phrase: str) -> bool:
    """Whether ``phrase`` is a way of naming a speaker: "US President Joan Reyes", "the US president",
    "a spokesperson for the armed group"; not "Reyes said Norway" or "The secretary of"."""
    lx = lex()
    words = [w for w in TOKEN.findall(phrase) if w[0].isalnum() or w[0] == "@"]
    if not words or bare(words[-1]) in lx.prepositions or words[-1].lower() in lx.determiners:
        return False
    cut = next(
        (
            i
            for i, w in enumerate(words)
            if w.lower() in lx.name_prepositions
            and i > 0
            and not (w.lower() == "of" and naming_start(words[: i + 2], lx) < i)
        ),
        len(words),
    )
    if cut < len(words) and (is_title(words[cut - 1], lx) or bare(words[cut - 1]) in lx.speaker_nouns):
        # "a spokesperson for the armed group", "ambassador to the United Nations": the head comes
        # first; what follows the preposition says whose.
        words = words[:cut]
    head = bare(words[-1])
    return (
        naming_start(words[:-1], lx) == 0
        and head not in lx.stopwords
        and (head.endswith("-old") or not any(c.isdigit() for c in head))
    )  # "the 41-year-old"


def org_name(words: list[str], lx: Lexicon) -> str:
    """The organisation ``words`` name: capitalised words that end in an organisation word ("State
    Department", "Ministry of Health"), a known organisation or an acronym ("UNRWA"), or an owner
    that is no place ("Al Jazeera's"). "" when they name none ("Prime Minister", "Defence").
    """
    runs: list[tuple[list[str], bool]] = []  # (capitalised words, ends in a possessive)
    run: list[str] = []
    for i, w in enumerate(words + [""]):
        capital = (
            bool(w)
            and is_capitalised(w)
            and w.lower() not in lx.determiners
            and not w.lower().endswith(lx.descriptive_suffixes)
        )
        if capital:
            run.append(POSSESSIVE.sub("", w) if w.endswith(("’s", "'s", "’", "'")) else w)
            if POSSESSIVE.search(w):
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
        return (
            word.isupper()
            and len(word) > 1
            and not is_title(word, lx)
            and word.lower() not in lx.modifiers
            and word.lower() not in lx.stopwords
        )  # "UNRWA", not "CEO", "NEW"
    words = [w.lower() for w in span]
    return words[-1] in lx.org_words or "of" in words and words[words.index("of") - 1] in lx.org_words


def affiliation(words: list[str], lx: Lexicon) -> str:
    """The organisation an "of" phrase names ("of Hamas", "of the fishermen's union"), or ""."""
    while words and words[0].lower() in lx.determiners:
        words = words[1:]
    if not words:
        return ""
    name = " ".join(words)
    if name.lower() in lx.organisations:
        return lx.organisations[name.lower()][0]
    found = org_name(words, lx)
    if found == name or bare(words[-1]) in lx.org_words | lx.generic_orgs and naming_start(words[:-1], lx) == 0:
        return found or name
    return ""
