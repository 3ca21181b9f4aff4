"""newstally.read.queries.speakers on the demo store: profile, activity, co-quotation, counts."""

from __future__ import annotations

import pytest

from newstally.read.filters import Filters
from newstally.read.queries.overview import top_speakers, totals
from newstally.read.queries.speakers import speaker_activity, speaker_list, speaker_profile, speaker_table
from newstally.read.queries.statements import statement_list


def test_speakers_profile_and_activity(demo_con):
    profile = speaker_profile(demo_con, "maria-zakharova")
    assert profile["org"] == "Russian Foreign Ministry" and profile["aliases"] == ["Zakharova"]
    assert speaker_profile(demo_con, "nobody") is None
    activity = speaker_activity(demo_con, Filters(), "maria-zakharova")
    assert activity["statements"].sum() == 2 and set(activity["kind"]) == {"direct", "indirect"}


@pytest.mark.parametrize(
    "filters, total",
    [(Filters(), 3), (Filters(sources=("Reuters",)), 2), (Filters(text="Gaza"), 1), (Filters(speakers=("nobody",)), 0)],
)
def test_speakers_table_counts_every_speaker_quoted(demo_con, filters, total):
    frame, counted = speaker_table(demo_con, filters, limit=1)
    assert counted == total and len(frame) == min(1, total) and "n_quoted" not in frame.columns


@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(text="Gaza"),
        Filters(text="e"),
        Filters(categories=("killed",)),
        Filters(sources=("Reuters",), text="killed"),
    ],
)
def test_speakers_counts_agree_with_the_statements_table(demo_con, filters):
    """Speaker counts come from a per-article lookup, or from statements when text is searched:
    either way they are the counts of the statements the Statements page lists."""
    listed, total = statement_list(demo_con, filters)
    speakers = speaker_list(demo_con, filters)
    attributed = listed.dropna(subset=["speaker_id"])
    assert (
        dict(zip(speakers["speaker_id"], speakers["statements"])) == attributed["speaker_id"].value_counts().to_dict()
    )
    assert (
        dict(zip(speakers["speaker_id"], speakers["articles"]))
        == attributed.groupby("speaker_id")["article_id"].nunique().to_dict()
    )
    assert totals(demo_con, filters)["statements"] == total == len(listed)
    top = top_speakers(demo_con, filters)
    assert top["statements"].sum() == len(attributed)
