"""Hostile and oversized inputs the rules must get through, in one place for the tests (which ask
only that each finishes) and for bench/bench_hostile.py (which measures how long each takes).

Each input is made when asked for (a function), so a test run holds one at a time.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import TypeVar

import numpy as np
import pandas as pd

T = TypeVar("T")

# The most a hostile input may take, in seconds. Rules that stay linear finish each in about a
# second on the development machine; one that turned quadratic would take minutes or hours on a
# megabyte. The bound is far above the first and far below the second, so a busy CI machine never
# trips it and a real regression still does; bench/bench_hostile.py says how long each takes.
FINISHES_WITHIN = 120


def timed(run: Callable[..., T], *args: object) -> tuple[T, float]:
    """What ``run(*args)`` returns, and how many seconds it took."""
    started = time.perf_counter()
    result = run(*args)
    return result, time.perf_counter() - started


FIGURE_INPUTS: dict[str, Callable[[], str]] = {
    "1 MB of digits": lambda: "1" * 1_000_000,
    "1 MB of grouped digits": lambda: "1,000," * 170_000,
    "0.5 MB of dashes between numbers": lambda: "5,000-" * 85_000,
    "1 MB of cue words and one number": lambda: "killed " * 150_000 + "12",
    "10 MB single line of prose": lambda: "The army said on Monday that talks went on in the region. " * 175_000,
    "1 MB of news with figures": lambda: (
        "More than 28,500 people were killed, the ministry said on Oct. 7 in Gaza. " * 14_000
    ),
}

STATEMENT_INPUTS: dict[str, Callable[[], str]] = {
    "10 MB single line": lambda: "The agency said 5 people were displaced. " * 250_000,
    "1 MB of straight quote marks": lambda: '"' * 1_000_000,
    "1 MB of curly quote pairs": lambda: "“”" * 500_000,
    "1 MB of punctuation": lambda: ".,;!?" * 200_000,
    "1 MB of commas then a cue": lambda: "a" + "," * 1_000_000 + " she said",
    "200,000 short paragraphs": lambda: 'He said "x\n' * 200_000,
}

EXTRACT_INPUTS: dict[str, Callable[[], str]] = {
    "1 MB of digits": lambda: "7" * 1_000_000,
    "1 MB of straight quote marks": lambda: '"' * 1_000_000,
    "600,000 curly quote marks": lambda: "“" * 300_000 + "”" * 300_000,
    "1.2 MB of punctuation": lambda: "!?.,;:" * 200_000,
    "1 MB of dense sentences": lambda: "The agency said 5 people were displaced. " * 25_000,
}


def many_mentions(n: int = 200_000, surnames: int = 5000) -> pd.DataFrame:
    """``n`` mentions (four an article) of ``surnames`` people, 30% by surname alone: the corpus-wide
    speaker merge at the scale of a 50,000-article corpus."""
    rng = np.random.default_rng(0)
    names_pool = np.array([f"Name{i}" for i in range(surnames)])
    given = np.array(["Ann", "Bo", "Cy"])
    picks = rng.integers(0, len(names_pool), n)
    names = np.where(
        rng.random(n) < 0.3, names_pool[picks], np.char.add(np.char.add(given[picks % 3], " "), names_pool[picks])
    )
    return pd.DataFrame(
        {
            "mention_id": [f"a{i}:p0" for i in range(n)],
            "article_id": [f"a{i // 4}" for i in range(n)],
            "name": names,
            "type": "person",
            "role": "minister",
            "org": "",
            "country": "",
            "aliases": [[] for _ in range(n)],
            "n_statements": 1,
        }
    )


# A name or title an article could carry that a chart must show as text, never run as markup.
HOSTILE_NAME = "<a href='javascript:alert(1)'>click</a><script>x</script>"


def assert_markup_escaped(figure) -> None:
    """Every string of the plotly ``figure`` holds ``HOSTILE_NAME`` escaped, none of it as markup."""

    def strings(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            for value in node.values():
                yield from strings(value)
        elif isinstance(node, list):
            for value in node:
                yield from strings(value)

    texts = list(strings(json.loads(figure.to_json())))
    assert not [t for t in texts if "<a" in t or "<script" in t]
    assert any("&lt;a href=" in t for t in texts)
