"""The speakers table: each article's speakers merged into one row per person or organisation.

Mentions merge when their normalised names are equal (case, apostrophes, spaces and a leading
"the" do not count; an organisation's known aliases count: "UN" is "United Nations"). A surname
alone ("Berg") joins a full name only when exactly one full name in the corpus ends with it;
otherwise it stays a row of its own, because two people may share it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple, cast

import numpy as np
import pandas as pd

from newstally.contract.schema import SpeakerRow, columns
from newstally.contract.vocabulary import SpeakerType

from .names import plain
from .namesakes import INITIALS, as_written, namesakes, normal, one_name_people, role_head
from .words import lex

_SPACES = re.compile(r"\s+")
# The share of a speaker's mentions that must give a role, organisation or country for the row to show it.
_SUPPORT = 0.03
_NOT_SLUG = re.compile(r"[^\w]+")


def _slug(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = _NOT_SLUG.sub("-", (folded if folded.strip() else name).lower()).strip("-_")
    return slug.replace("_", "-") or "speaker"


def _keys(names: list[str], types: list[str]) -> tuple[list[str], list[str]]:
    """Per (distinct) mention name: its own merge key (the normalised name; organisations by their
    canonical name), and for a lone surname the key of the one full name in the corpus that ends
    with it ("" otherwise), which it joins only on evidence (see ``_joined_keys``).

    The type is no part of the key: "it said" once made a person an organisation, and "Norfrakt, a
    shipping company" a person; one name is one speaker whatever one article took it for. A place's
    name of one word given to a person ("Jordan") is the exception: a surname, not the country."""
    lx = lex()
    organisations = {k.casefold(): normal(v[0]) for k, v in lx.organisations.items()}
    normals = [_country(n) or normal(n) for n in names]
    normals = [organisations.get(n) or organisations.get(_org_normal(n)) or _spelling(_org_normal(n)) for n in normals]
    fulls: dict[str, set[str]] = {}
    for n, k in zip(normals, types):
        if k == "person" and " " in n:
            fulls.setdefault(n.rsplit(" ", 1)[1], set()).add(n)
    joined = {surname: next(iter(found)) for surname, found in fulls.items() if len(found) == 1}
    own = [
        (f"~person|{n}" if k == "person" and n in lx.places and " " not in n else f"|{n}") if n else ""
        for n, k in zip(normals, types)
    ]
    join = [f"|{joined[n]}" if k == "person" and " " not in n and n in joined else "" for n, k in zip(normals, types)]
    return own, join


def _country(name: str) -> str:
    """The normalised name of the country that ``name`` gives by its initials ("US" -> "united
    states"), so that "the US said" and "the United States said" are one speaker; "" otherwise."""
    written = as_written(name)
    return normal(lex().places.get(written.lower(), "")) if INITIALS.match(written) else ""


_OF_PLACE = re.compile(r"^(?P<office>(?:ministry|department) of [\w ]+?) (?:in|of) (?P<place>[\w ]+)$")
_MINISTRY_OF = re.compile(r"^(?P<place>(?:[\w]+ )*?)(?:ministry|department) of (?P<portfolio>[\w ]+)$")


_INNER_PARTICLE = re.compile(r"(?<=\S) (?:al|el)[- ]|(?<=\w)-(?=\w)")
_NEWS_AGENCY = re.compile(r" news agency$")


def _spelling(name: str) -> str:
    """A normalised name with one spelling of a particle or hyphen inside it: "safwat al-kahlout",
    "safwat al kahlout" and "safwat kahlout" meet, and so do "amir-abdollahian" and
    "amirabdollahian"; a name that opens with one keeps it ("al jazeera")."""
    return _NEWS_AGENCY.sub("", _INNER_PARTICLE.sub(lambda m: "" if m.group() == "-" else " ", name))


def _org_normal(name: str) -> str:
    """An organisation's name in one word order, so the spellings of one ministry meet: "gaza's
    health ministry", "ministry of health in gaza" and "gaza ministry of health" are all "gaza
    health ministry" (normalised names: lower case, straight apostrophes)."""
    name = re.sub(r"'s\b", "", name)
    m = _OF_PLACE.match(name)
    if m:
        name = f"{m['place']} {m['office']}"
    m = _MINISTRY_OF.match(name)
    if m:
        kind = "department" if " department of " in f" {name} " else "ministry"
        name = f"{m['place']}{m['portfolio']} {kind}"
    return name


def _joined_keys(own: np.ndarray, join: np.ndarray, frame: pd.DataFrame) -> np.ndarray:
    """The merge key of each row: a lone surname joins the full name another article gives only
    when its article names the same role or organisation for it ("Foreign Ministry spokeswoman
    Zakharova"); a bare "Kim" may be anyone called Kim, so it stays apart (refuse, not guess)."""
    evidence = [
        {normal(v) for v in (r, o) if isinstance(v, str) and v.strip()} for r, o in zip(frame["role"], frame["org"])
    ]
    known: dict[str, set[str]] = {}
    for key, found in zip(own, evidence):
        if found:
            known.setdefault(key, set()).update(found)
    keys = own.copy()
    for i in np.flatnonzero(join != ""):
        if evidence[i] & known.get(join[i], set()):
            keys[i] = join[i]
    return keys


_ACRONYM = re.compile(r"^[A-Z][A-Z&.]{1,7}$")


def _kind(kind: str, name: str, role: str) -> str:
    """``kind`` ("person" or "organization") of a speaker row, an organisation where the row's name
    is an acronym ("OCHA") or its role is about an organisation's noun ("B'Tselem, an Israeli rights
    group"; not "the director of a rights group"): an article's mention may take either for a person."""
    # a common noun ("rights group"), not the name of the body a person works for ("European Council")
    words = role.split()
    noun = len(words) > 1 and words[-1].islower() and role_head(role) == words[-1] and words[-1] in lex().org_words
    if kind == "person" and (_ACRONYM.match(name) or noun):
        return "organization"
    return kind


def _most_common(key_ids: np.ndarray, column: pd.Series, n_keys: int, share: float = 0.0) -> list[str]:
    """Per key id, the most frequent non-empty value of ``column`` (ties: alphabetically first), or ""
    when fewer than ``share`` of the key's rows give it: one article's "food charity" beside the
    White House, or a country one article's phrase lent the United Nations, is not what it is."""
    codes, factors = pd.factorize(column.fillna("").astype(str), sort=True)
    uniques = [str(u) for u in factors]
    out = [""] * n_keys
    if not uniques:
        return out
    empty = uniques.index("") if "" in uniques else -1
    mask = codes != empty
    pairs = key_ids[mask].astype(np.int64) * len(uniques) + codes[mask]
    found, counts = np.unique(pairs, return_counts=True)
    # sort by key, then count descending, then value code (alphabetical): the first per key wins
    order = np.lexsort((found % len(uniques), -counts, found // len(uniques)))
    seen = np.zeros(n_keys, dtype=bool)
    rows = np.bincount(key_ids, minlength=n_keys)
    for pair, count in zip(found[order], counts[order]):
        k = int(pair // len(uniques))
        if not seen[k]:
            seen[k] = True
            if count >= share * rows[k]:
                out[k] = uniques[int(pair % len(uniques))]
    return out


class _Keyed(NamedTuple):
    """The mentions that merge into a speaker, each with the number of its speaker's key."""

    frame: pd.DataFrame  # the mentions with a key, renumbered from 0
    row_keys: np.ndarray  # per row: the number of its key in ``keys``
    row_pairs: np.ndarray  # per row: the number of its (type, name) pair in ``pair_display``
    keys: list[str]  # the merge keys ("person|maria zakharova"), sorted
    pair_display: list[str]  # per (type, name) pair: the name as it is shown


def speakers(mentions: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """(the speakers table, mention_id -> speaker_id).

    Deterministic: the same mentions in any row order give the same table and ids (every choice is
    by count, then alphabetical). Work per row is vectorised; names are handled once per distinct
    (type, name), so a million mentions of many thousand speakers stay fast.
    """
    if not len(mentions):
        return pd.DataFrame(columns=columns("speakers")), {}
    keyed = _keyed(mentions.reset_index(drop=True))
    frame, row_keys, n_keys = keyed.frame, keyed.row_keys, len(keyed.keys)
    shown = _shown_names(keyed)
    ids = _ids(shown)
    aliases = _aliases(keyed)
    n_statements = np.bincount(
        row_keys, weights=frame["n_statements"].fillna(0).to_numpy(dtype=float), minlength=n_keys
    )
    article_codes, articles = pd.factorize(frame["article_id"].astype(str))
    key_articles = np.unique(row_keys * max(len(articles), 1) + article_codes)
    n_articles = np.bincount(key_articles // max(len(articles), 1), minlength=n_keys)
    org, country = (_most_common(row_keys, frame[c], n_keys, _SUPPORT) for c in ("org", "country"))
    roles = _most_common(row_keys, frame["role"], n_keys)
    kinds = [_kind(k, name, r) for k, name, r in zip(_most_common(row_keys, frame["type"], n_keys), shown, roles)]
    # a person's role comes from the phrases that name them, however few; an organisation's from an
    # appositive that may describe something else, so it needs support
    role = [
        p if k != "organization" else o
        for p, o, k in zip(roles, _most_common(row_keys, frame["role"], n_keys, _SUPPORT), kinds)
    ]
    rows = [
        SpeakerRow(
            ids[i],
            shown[i],
            cast(SpeakerType, kinds[i] or "person"),  # MentionRow.type is a SpeakerType
            role[i],
            org[i],
            country[i],
            sorted(a for a in aliases[i] if a and a != shown[i]),
            int(n_statements[i]),
            int(n_articles[i]),
        )
        for i, k in enumerate(keyed.keys)
    ]
    table = pd.DataFrame(rows, columns=columns("speakers"))
    row_ids = np.asarray(ids, dtype=object)[row_keys]
    return table, dict(zip(frame["mention_id"].astype(str).tolist(), row_ids.tolist()))


def _keyed(frame: pd.DataFrame) -> _Keyed:
    """Each mention's merge key (see ``_keys`` and ``_joined_keys``); mentions without a name are left out."""
    pair_codes, pairs = pd.factorize(
        frame["type"].fillna("").astype(str).str.lower() + "\x1f" + frame["name"].fillna("").astype(str)
    )
    pair_types, pair_names = zip(*(str(p).split("\x1f", 1) for p in pairs))
    pair_display = [_display(plain(n)) for n in pair_names]
    own, join = _keys(list(pair_names), list(pair_types))
    row_key_names = _joined_keys(
        np.asarray(own, dtype=object)[pair_codes], np.asarray(join, dtype=object)[pair_codes], frame
    )
    row_key_names = one_name_people(namesakes(row_key_names, frame), frame)
    unique_keys = sorted(set(row_key_names.tolist()) - {""})
    key_number = {k: i for i, k in enumerate(unique_keys)}
    row_keys = np.asarray([key_number.get(k, -1) for k in row_key_names], dtype=np.int64)
    keep = row_keys >= 0
    return _Keyed(frame[keep].reset_index(drop=True), row_keys[keep], pair_codes[keep], unique_keys, pair_display)


def _shown_names(keyed: _Keyed) -> list[str]:
    """Per key, the name a speaker is shown by: an organisation's canonical name, else the commonest
    spelling among the mentions that give the key's full name, else the commonest of all."""
    row_keys, row_pairs, pair_display = keyed.row_keys, keyed.row_pairs, keyed.pair_display
    n_keys = len(keyed.keys)
    shown_rows = pd.Series(np.asarray(pair_display, dtype=object)[row_pairs], dtype=object)
    combos, combo_of_row = np.unique(row_pairs.astype(np.int64) * max(n_keys, 1) + row_keys, return_inverse=True)
    width = max(n_keys, 1)
    names = [keyed.keys[c % width].split("|", 1)[1].split("#", 1)[0] for c in combos.tolist()]
    displays = [pair_display[c // width] for c in combos.tolist()]
    # the spelling that is the key itself ("Vandor Health Ministry"), else one of the same spelling
    # ("Lina al-Amir" for "lina amir"), else any (a surname only when no mention gives more)
    exact = np.asarray([normal(d) == n for d, n in zip(displays, names)], dtype=bool)
    spelled = np.asarray([_spelling(_org_normal(normal(d))) == n for d, n in zip(displays, names)], dtype=bool)
    choices = []
    for gives in (exact, spelled):
        rows = gives[combo_of_row.reshape(-1)]
        choices.append(_most_common(row_keys[rows], shown_rows[rows].reset_index(drop=True), n_keys))
    fallback = _most_common(row_keys, shown_rows, n_keys)
    canonical = {normal(v[0]): v[0] for v in lex().organisations.values()}
    canonical.update({normal(country): country for country in lex().places.values()})
    shown = []
    for i, key in enumerate(keyed.keys):
        name = key.split("|", 1)[1]
        known = canonical.get(name)
        shown.append(known or choices[0][i] or choices[1][i] or fallback[i] or name)
    return shown


def _ids(shown: list[str]) -> list[str]:
    """A speaker_id per shown name: its slug, numbered from the second speaker of one slug on."""
    ids: list[str] = []
    taken: dict[str, int] = {}
    for name in shown:
        slug = _slug(name)
        taken[slug] = taken.get(slug, 0) + 1
        ids.append(slug if taken[slug] == 1 else f"{slug}-{taken[slug]}")
    return ids


def _aliases(keyed: _Keyed) -> list[set[str]]:
    """Per key, every name its mentions give it and every alias the articles list."""
    aliases: list[set[str]] = [set() for _ in keyed.keys]
    for k, p in set(zip(keyed.row_keys.tolist(), keyed.row_pairs.tolist())):
        aliases[k].add(keyed.pair_display[p])
    listed = keyed.frame["aliases"].explode().dropna()
    alias_codes, alias_names = pd.factorize(listed.astype(str))
    for k, a in set(zip(keyed.row_keys[listed.index.to_numpy()].tolist(), alias_codes.tolist())):
        aliases[k].add(plain(str(alias_names[a])))
    return aliases


def _display(name: str) -> str:
    name = _SPACES.sub(" ", name).strip()
    return name[4:] if name[:4].lower() == "the " else name
