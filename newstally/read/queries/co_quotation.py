"""The Speakers page's "Quoted alongside": who is quoted in the same articles as the chosen speakers."""

from __future__ import annotations

import duckdb
import pandas as pd

from ..filters import Filters, in_list, quotations
from ..search import searching
from .choices import speaker_names
from .common import fetch_frame


@searching
def co_quotation(
    con: duckdb.DuckDBPyConnection, f: Filters, centre: tuple[str, ...], top_n: int = 15
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(pairs, speakers) around the ``centre`` speakers (speaker_ids) under ``f``: the ``top_n``
    speakers quoted in most articles that also quote one of the centre, and how often each two
    of all these are quoted in the same article.

    speakers: speaker_id, name, articles (quoting them under ``f``), centre (True for the chosen
    ones), with_centre (articles shared with the centre); the centre first, then by with_centre.
    pairs: a_id, b_id, articles, both ways round, for each two of them quoted together (never a
    speaker with themselves). Both are empty when no centre speaker is quoted under ``f``.
    """
    if not centre:
        return pd.DataFrame(columns=["a_id", "b_id", "articles"]), pd.DataFrame(
            columns=["speaker_id", "name", "articles", "centre", "with_centre"]
        )
    params: list = []
    quoted = quotations(f, params)
    centre_list = in_list("speaker_id", centre, params)
    partners_not_centre = in_list("speaker_id", centre, params)
    params.append(top_n)
    chosen = in_list("speaker_id", centre, params)
    sql = (
        f"WITH quoted AS MATERIALIZED (SELECT q.article_id, q.speaker_id FROM {quoted} q "
        f"WHERE q.speaker_id IS NOT NULL), "
        f"centre_articles AS (SELECT DISTINCT article_id FROM quoted WHERE {centre_list}), "
        f"partners AS (SELECT speaker_id, count(DISTINCT article_id) AS with_centre FROM quoted "
        f"WHERE article_id IN (SELECT article_id FROM centre_articles) AND NOT {partners_not_centre} "
        f"GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?), "
        f"chosen AS (SELECT DISTINCT speaker_id FROM quoted WHERE {chosen}), "
        f"picked AS MATERIALIZED (SELECT * FROM quoted WHERE speaker_id IN (SELECT speaker_id FROM chosen) "
        f"OR speaker_id IN (SELECT speaker_id FROM partners)) "
        f"SELECT x.speaker_id AS a_id, y.speaker_id AS b_id, count(DISTINCT x.article_id) AS articles "
        f"FROM picked x JOIN picked y ON x.article_id = y.article_id GROUP BY 1, 2"
    )
    pairs = fetch_frame(con, sql, params)
    alone = pairs[pairs["a_id"] == pairs["b_id"]].set_index("a_id")["articles"]
    if alone.empty:
        return pairs.iloc[0:0], pd.DataFrame(columns=["speaker_id", "name", "articles", "centre", "with_centre"])
    shared = pairs[(pairs["a_id"] != pairs["b_id"]) & pairs["b_id"].isin(centre)]
    with_centre = shared.groupby("a_id")["articles"].sum()
    present = [s for s in dict.fromkeys(centre) if s in alone.index]
    others = sorted(
        (s for s in alone.index if s not in centre), key=lambda s: (-int(with_centre.get(s, 0)), -int(alone[s]), s)
    )
    ids = present + others
    names = speaker_names(con, tuple(ids))
    speakers = pd.DataFrame(
        {
            "speaker_id": ids,
            "name": [names.get(s, s) for s in ids],
            "articles": [int(alone[s]) for s in ids],
            "centre": [s in centre for s in ids],
            "with_centre": [int(with_centre.get(s, 0)) for s in ids],
        }
    )
    return pairs[pairs["a_id"] != pairs["b_id"]].reset_index(drop=True), speakers


def named_pairs(pairs: pd.DataFrame, speakers: pd.DataFrame) -> pd.DataFrame:
    """``pairs`` of ``co_quotation`` with both speakers' names, each pair once (the row speaker
    before the column speaker in the order of ``speakers``): speaker, quoted_with, articles,
    speaker_id, quoted_with_id."""
    rank = {s: i for i, s in enumerate(speakers["speaker_id"])}
    names = dict(zip(speakers["speaker_id"], speakers["name"]))
    last = len(rank)
    once = pairs.loc[[rank.get(a, last) < rank.get(b, last) for a, b in zip(pairs["a_id"], pairs["b_id"])]]
    out = pd.DataFrame(
        {
            "speaker": once["a_id"].map(names),
            "quoted_with": once["b_id"].map(names),
            "articles": once["articles"],
            "speaker_id": once["a_id"],
            "quoted_with_id": once["b_id"],
        }
    )
    order = sorted(range(len(out)), key=lambda i: (rank.get(out["speaker_id"].iloc[i], 0), -out["articles"].iloc[i]))
    return out.iloc[order].reset_index(drop=True)
