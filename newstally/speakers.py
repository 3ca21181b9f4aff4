"""The speakers table: each article's speakers merged into one row per person or organisation.

Mentions merge when their normalised names are equal (case, apostrophes, spaces and a leading
"the" do not count; an organisation's known aliases count: "UN" is "United Nations"). A surname
alone ("Zakharova") joins a full name only when exactly one full name in the corpus ends with it;
otherwise it stays a row of its own, because two people may share it.
"""
from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

from .mentions import lex
from .roster import plain
from .schema import columns

_SPACES = re.compile(r"\s+")
_NOT_SLUG = re.compile(r"[^\w]+")


def _normal(name: str) -> str:
    name = _SPACES.sub(" ", plain(name)).strip().casefold()
    return name[4:] if name.startswith("the ") else name


def _slug(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = _NOT_SLUG.sub("-", (folded if folded.strip() else name).lower()).strip("-_")
    return slug.replace("_", "-") or "speaker"


def _keys(names: list[str], kinds: list[str]) -> list[str]:
    """One merge key per (distinct) mention name: type plus normalised name; organisations by their
    canonical name; a lone surname by the one full name in the corpus that ends with it."""
    organisations = {k.casefold(): _normal(v[0]) for k, v in lex().organisations.items()}
    normals = [_normal(n) for n in names]
    normals = [organisations.get(n, n) if k == "organization" else n for n, k in zip(normals, kinds)]
    fulls: dict[str, set[str]] = {}
    for n, k in zip(normals, kinds):
        if k == "person" and " " in n:
            fulls.setdefault(n.rsplit(" ", 1)[1], set()).add(n)
    joined = {surname: next(iter(found)) for surname, found in fulls.items() if len(found) == 1}
    return [f"{k}|{joined.get(n, n) if k == 'person' and ' ' not in n else n}" if n else ""
            for n, k in zip(normals, kinds)]


def _most_common(keys: np.ndarray, values: np.ndarray) -> dict[str, str]:
    """Per key, the most frequent non-empty value (ties: alphabetically first)."""
    frame = pd.DataFrame({"key": keys, "value": values})
    frame = frame[frame["value"].ne("")]
    if frame.empty:
        return {}
    counted = frame.groupby(["key", "value"], sort=False).size().reset_index(name="n")
    counted = counted.sort_values(["key", "n", "value"], ascending=[True, False, True]).drop_duplicates("key")
    return dict(zip(counted["key"], counted["value"]))


def _strings(column: pd.Series) -> np.ndarray:
    return column.astype(object).where(column.notna(), "").astype(str).to_numpy(dtype=object)


def speakers(mentions: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """(the speakers table, mention_id -> speaker_id).

    Deterministic: the same mentions in any row order give the same table and ids. Work is done
    once per distinct (type, name), so a million mentions of a few thousand speakers stay fast.
    """
    if not len(mentions):
        return pd.DataFrame(columns=columns("speakers")), {}
    frame = mentions.sort_values("mention_id", kind="stable").reset_index(drop=True)
    kinds_raw = np.char.lower(_strings(frame["type"]).astype(str)).astype(object)
    codes, pairs = pd.factorize(pd.Series(kinds_raw + "\x1f" + _strings(frame["name"]), dtype=object))
    pair_kinds, pair_names = zip(*(p.split("\x1f", 1) for p in pairs))
    pair_display = [_display(plain(n)) for n in pair_names]
    pair_keys = _keys(list(pair_names), list(pair_kinds))
    keys = np.asarray(pair_keys, dtype=object)[codes]
    displays = np.asarray(pair_display, dtype=object)[codes]
    keep = keys != ""
    frame, keys, displays = frame[keep], keys[keep], displays[keep]
    # The display name: the commonest spelling among mentions that give the key's full name.
    gives_full = np.asarray([_normal(d) == k.split("|", 1)[1] if k else False
                             for d, k in zip(pair_display, pair_keys)], dtype=bool)[codes[keep]]
    display = _most_common(keys[gives_full], displays[gives_full])
    fallback = _most_common(keys, displays)
    canonical = {_normal(v[0]): v[0] for v in lex().organisations.values()}
    unique_keys = sorted(set(pair_keys) - {""})
    shown = {}
    for key in unique_keys:
        kind, name = key.split("|", 1)
        shown[key] = (canonical.get(name) if kind == "organization" else None) or display.get(key) \
            or fallback.get(key) or name
    ids: dict[str, str] = {}
    taken: dict[str, int] = {}
    for key in unique_keys:
        slug = _slug(shown[key])
        taken[slug] = taken.get(slug, 0) + 1
        ids[key] = slug if taken[slug] == 1 else f"{slug}-{taken[slug]}"
    listed = pd.DataFrame({"key": keys, "alias": frame["aliases"].to_numpy(dtype=object)}).explode("alias")
    listed = pd.concat([listed.dropna(), pd.DataFrame({"key": keys, "alias": displays})])
    listed["alias"] = listed["alias"].astype(str)
    aliases: dict[str, set[str]] = {k: set() for k in unique_keys}
    for key, alias in listed.drop_duplicates().itertuples(index=False):
        aliases[key].add(plain(alias))
    totals = pd.DataFrame({"key": keys, "n": frame["n_statements"].fillna(0).to_numpy(),
                           "article": frame["article_id"].to_numpy(dtype=object)})
    n_statements = totals.groupby("key")["n"].sum().to_dict()
    n_articles = totals.groupby("key")["article"].nunique().to_dict()
    role, org, country = (_most_common(keys, _strings(frame[c])) for c in ("role", "org", "country"))
    rows = [(ids[k], shown[k], k.split("|", 1)[0], role.get(k, ""), org.get(k, ""), country.get(k, ""),
             sorted(a for a in aliases[k] if a and a != shown[k]), int(n_statements[k]), int(n_articles[k]))
            for k in unique_keys]
    table = pd.DataFrame(rows, columns=columns("speakers"))
    mapping = {key: ids[k] for key, k in zip(frame["mention_id"].astype(str).tolist(), keys.tolist())}
    return table, mapping


def _display(name: str) -> str:
    name = _SPACES.sub(" ", name).strip()
    return name[4:] if name[:4].lower() == "the " else name
