"""What the words beside a speaker's name say of them: the role and organisation an appositive
gives ("Ivo Lind, director of the Coastal Relief Agency, said"), and the country a phrase names."""

from __future__ import annotations

import re

from .naming import org_name, role_word
from .words import TOKEN, Lexicon, bare, is_capitalised, is_name_word

# a space the tokens were joined with inside brackets: "( UNRWA )" -> "(UNRWA)"
_BRACKET_SPACE = re.compile(r"(\()\s+|\s+(\))")


def country_named(words: list[str], lx: Lexicon) -> str:
    """The country the first place or known organisation among ``words`` belongs to, else ""."""
    for w in words:
        found = lx.places.get(bare(w)) or lx.places.get(w.lower())
        if found:
            return found
        known = lx.organisations.get(bare(w))
        if known and known[1]:
            return known[1]
    return ""


def appositive_role(appositive: str, lx: Lexicon) -> tuple[str, str]:
    """(role, organisation) that ``appositive`` (the words set off beside a speaker's name) gives,
    or ("", "") when it says where, when or what else rather than who the speaker is."""
    words = TOKEN.findall(appositive)
    while words and words[0].lower() in lx.determiners:
        words = words[1:]
    if not words:
        return "", ""
    first = words[0].lower()
    if (
        first in lx.prepositions
        or first in lx.stopwords
        or first in lx.subordinators
        or first[:1].isdigit()
        or first.endswith(("ing", "ed", "ly"))
        and not is_capitalised(words[0])
        and not (len(words) > 1 and role_word(words[1], lx))
    ):
        # "with Egypt's help", "amid protests", "reporting from Rafah", "including more than 4": what
        # the sentence adds, not who the speaker is
        return "", ""
    if all(is_name_word(w, lx) for w in words):
        return "", ""  # a name ("Omar Haddad") is who, not what the speaker is
    if is_capitalised(words[0]) and any(w.lower() in lx.coordinators for w in words[1:3]):
        return "", ""  # "Iran and Hamas as well as with Israel": a list of others, not a role
    # inside an appositive "that" opens a relative clause too: "the group that governs ..."
    relative = next((i for i, w in enumerate(words) if w.lower() in lx.relatives or w.lower() == "that"), len(words))
    if any(
        w.lower() in lx.stopwords and w.lower() not in lx.prepositions or w.lower() in lx.verbs
        for w in words[:relative]
    ):
        return "", ""  # "famine is spreading": a clause; "the group that governs ..." describes
    if not any(w[:1].isalnum() and not w.isupper() for w in words):
        return "", ""  # "HRW )": an abbreviation the name was given with, not what the speaker is
    # the words as written: no space inside brackets ("the Palestine Liberation Organization (PLO)")
    role = _BRACKET_SPACE.sub(lambda m: m.group(1) or m.group(2), " ".join(words))
    org = ""
    for i, w in enumerate(words):
        if w.lower() in {"of", "for", "at"}:
            org = org_name(words[i + 1 :], lx)
            break
    return role, org
