"""People of one name told apart: a reporter and an office holder of one name, and the people
the articles name by a first name alone (see ``merge``, which keys every mention by its name)."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .names import plain
from .words import lex

_SPACES = re.compile(r"\s+")
# "US", "U.S.", "UK", "UAE": a country's initials
INITIALS = re.compile(r"^(?:[A-Z]\.?){2,4}$")


def as_written(name: str) -> str:
    """``name`` as plain text with one space between words and no leading "the" ("the US" -> "US")."""
    name = _SPACES.sub(" ", plain(name)).strip()
    return name[4:] if name[:4].casefold() == "the " else name


def normal(name: str) -> str:
    """``name`` as names are compared: ``as_written``, lower case."""
    return as_written(name).casefold()


def namesakes(keys: np.ndarray, frame: pd.DataFrame) -> np.ndarray:
    """``keys`` with a full name two people hold told apart: a reporter ("correspondent Sam Reed")
    and, in other articles, an office holder of that name ("Prime Minister Sam Reed"), by the head
    of each mention's role ("niece of the slain journalist" is a niece, not a journalist). The
    office holder's mentions get a key of their own; the others stay with the reporter's."""
    lx = lex()
    heads = frame["role"].fillna("").astype(str).map(role_head)
    media = heads.isin(lx.media_roles).to_numpy()
    office = heads.isin(lx.office_titles).to_numpy()
    if not media.any() or not office.any():
        return keys
    out = keys.copy()
    person = frame["type"].astype(str).to_numpy() == "person"
    orgs = frame["org"].fillna("").astype(str)
    for key in set(keys[media & person]) & set(keys[office & person]):
        mine = keys == key
        newsroom = set(orgs[mine & media]) - {""}
        moved = mine & office & ~orgs.isin(newsroom).to_numpy()
        if moved.any() and " " in str(key):
            out[moved] = f"{key}#office"
    return out


def one_name_people(keys: np.ndarray, frame: pd.DataFrame) -> np.ndarray:
    """``keys`` with the people known by one name only ("Mohammed, a father of three") told apart
    by article: a first name is shared by many people, and the residents, relatives and witnesses
    of a hundred articles are not one speaker. Articles that name the same organisation or office
    for the name ("Pope Francis", "Foreign Minister Wang") keep one key. Only words that start more
    of the corpus's full names than they end are first names; left alone too: places, initials
    ("OCHA") and organisations by their role ("B'Tselem, a rights group")."""
    lx = lex()
    by_key: dict[str, list[int]] = {}
    for i, key in enumerate(keys.tolist()):
        name = str(key).split("|", 1)[-1]
        if str(key).startswith("|") and " " not in name and "#" not in name:
            by_key.setdefault(key, []).append(i)
    if not by_key:
        return keys
    candidates = [i for rows in by_key.values() for i in rows]
    rows_of = frame.iloc[candidates]  # the roles of these rows only: role_head is slow on a million
    at = {i: n for n, i in enumerate(candidates)}
    heads = rows_of["role"].fillna("").astype(str).map(role_head).to_numpy()
    roles = rows_of["role"].fillna("").astype(str).map(normal).to_numpy()
    orgs = rows_of["org"].fillna("").astype(str).map(normal).to_numpy()
    types = rows_of["type"].astype(str).to_numpy()
    articles = rows_of["article_id"].astype(str).to_numpy()
    shown = rows_of["name"].fillna("").astype(str).to_numpy()
    # only a word the corpus's full names use as a first name more than as a surname: not a surname
    # ("Netanyahu" where an article gives no first name), nor a newspaper or a town taken for a person
    starts: dict[str, int] = {}
    ends: dict[str, int] = {}
    for key in set(keys[frame["type"].astype(str).to_numpy() == "person"].tolist()):
        words = str(key).split("|", 1)[-1].split("#", 1)[0].split()
        if len(words) > 1:
            starts[words[0]] = starts.get(words[0], 0) + 1
            ends[words[-1]] = ends.get(words[-1], 0) + 1
    out = keys.copy()
    for key in sorted(by_key):
        rows = np.asarray([at[i] for i in by_key[key]])
        name = str(key).split("|", 1)[-1]
        if (
            starts.get(name, 0) <= ends.get(name, 0)
            or name in lx.places
            or any(types[i] != "person" or heads[i] in lx.org_words or INITIALS.match(shown[i]) for i in rows)
            or not name.replace("-", "").isalpha()
        ):
            continue
        # articles joined by what they say of the name: an organisation, or an office or title
        evidence = {
            i: {v for v in (orgs[i], roles[i] if heads[i] in lx.office_titles or heads[i] in lx.titles else "") if v}
            for i in rows
        }
        group = {a: a for a in articles[rows]}
        by_item: dict[str, str] = {}
        for i in rows:
            for item in sorted(evidence[i]):
                first = by_item.setdefault(item, articles[i])
                low, high = sorted((_root(group, first), _root(group, articles[i])))
                group[high] = low
        members = pd.Series([_root(group, a) for a in articles[rows]])
        biggest = members.value_counts().sort_index().idxmax()  # most mentions; ties: first article
        out[by_key[key]] = [key if m == biggest else f"{key}#{m}" for m in members]
    return out


def _root(group: dict[str, str], article: str) -> str:
    """The article that stands for ``article``'s group (the first of the articles joined to it)."""
    while group[article] != article:
        article = group[article]
    return article


def role_head(role: str) -> str:
    """The noun a role is about, lower-cased: "Al Jazeera correspondent in Gaza" -> "correspondent",
    "niece of the slain journalist" -> "niece"."""
    lx = lex()
    words: list[str] = []
    for word in role.lower().split():
        if word in lx.prepositions or word in lx.relatives or word in lx.name_prepositions or word in lx.coordinators:
            break
        words.append(word)
    return words[-1].rstrip(",;:") if words else ""
