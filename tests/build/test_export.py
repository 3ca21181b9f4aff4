"""CSV export: every cell a spreadsheet could run as a formula is prefixed with ', look-alikes
included (full-width, small and superscript forms, the minus sign, after blanks and invisible
characters); ordinary cells are left alone."""

from __future__ import annotations

import pandas as pd
import pytest

from newstally.build.export import neutralise_formulas


@pytest.mark.parametrize(
    "cell",
    [
        "=1+1",
        "+1",
        "-1",
        "@SUM(A1)",
        "\t=1",
        "\r=1",
        "\n=1",
        '\uff1dHYPERLINK("http://evil.example")',
        "\uff0bcmd",
        "\uff0d1",
        "\uff20SUM(A1)",  # full-width
        "\ufe66 1",
        "\ufe62 1",
        "\ufe63 1",
        "\ufe6b 1",  # small forms
        "\u207c1",
        "\u207a1",
        "\u2212 1",  # superscript = +, the minus sign
        " =1+1",
        "\u00a0=1",
        "\u3000=1",
        "\u200b=1",
        "\ufeff=1",  # blanks and invisible characters first
    ],
)
def test_export_neutralises_formulas_and_their_lookalikes(cell):
    assert neutralise_formulas(pd.DataFrame({"c": [cell]}))["c"][0] == "'" + cell


@pytest.mark.parametrize("cell", ["Gaza", "1-2", "a=b", "", " ", "e-mail", "\u00e9=1", "5 000"])
def test_export_leaves_ordinary_cells_alone(cell):
    assert neutralise_formulas(pd.DataFrame({"c": [cell]}))["c"][0] == cell
