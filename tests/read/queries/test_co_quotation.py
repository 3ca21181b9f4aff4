"""newstally.read.queries.co_quotation on the demo store: who is quoted with the chosen speakers."""

from __future__ import annotations

import pytest

from newstally.read.filters import Filters
from newstally.read.queries.co_quotation import co_quotation, named_pairs


@pytest.mark.parametrize(
    "centre, expected",
    [
        (("maria-zakharova",), ["maria-zakharova", "dmitry-peskov", "gaza-health-ministry"]),
        (("dmitry-peskov",), ["dmitry-peskov", "maria-zakharova"]),
        (("gaza-health-ministry",), ["gaza-health-ministry", "maria-zakharova"]),
        (("gaza-health-ministry", "dmitry-peskov"), ["gaza-health-ministry", "dmitry-peskov", "maria-zakharova"]),
    ],
)
def test_co_quotation_centres_on_the_chosen_speakers(demo_con, centre, expected):
    """Each pick gives its own company, the chosen first (the issue: three picks, one answer, the
    chosen one absent)."""
    pairs, speakers = co_quotation(demo_con, Filters(), centre)
    assert list(speakers["speaker_id"]) == expected
    assert list(speakers["centre"]) == [s in centre for s in expected]
    assert not (pairs["a_id"] == pairs["b_id"]).any()


def test_co_quotation_counts_shared_articles_both_ways(demo_con):
    pairs, speakers = co_quotation(demo_con, Filters(), ("maria-zakharova",))
    counts = {(a, b): n for a, b, n in pairs.itertuples(index=False)}
    assert counts[("maria-zakharova", "dmitry-peskov")] == counts[("dmitry-peskov", "maria-zakharova")] == 1
    assert ("dmitry-peskov", "gaza-health-ministry") not in counts
    assert speakers.set_index("speaker_id").loc["dmitry-peskov", "with_centre"] == 1
    rows = named_pairs(pairs, speakers)
    assert list(rows["speaker"]) == ["Maria Zakharova", "Maria Zakharova"]
    assert set(rows["quoted_with"]) == {"Dmitry Peskov", "Gaza Health Ministry"}


@pytest.mark.parametrize(
    "filters, centre",
    [(Filters(sources=("Al Jazeera",)), ("gaza-health-ministry",)), (Filters(), ()), (Filters(), ("nobody",))],
)
def test_co_quotation_nothing_when_the_chosen_are_not_quoted(demo_con, filters, centre):
    pairs, speakers = co_quotation(demo_con, filters, centre)
    assert pairs.empty and speakers.empty


def test_co_quotation_top_n_limits_the_company(demo_con):
    _, speakers = co_quotation(demo_con, Filters(), ("maria-zakharova",), top_n=1)
    assert len(speakers) == 2 and speakers["speaker_id"].iloc[0] == "maria-zakharova"
