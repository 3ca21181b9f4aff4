"""Starts the dashboard: ``python -m components.launch [streamlit options]`` runs
``streamlit run dashboard.py`` with the options given (``newstally serve`` calls it).

The libraries every page needs (pandas, DuckDB, plotly, the read side of newstally) are imported
here, before Streamlit starts serving: otherwise the first visitor after a start waits for them
(seconds on a busy machine) while the page's script imports them. For the same reason one small
figure of each kind the pages draw is built and serialised once: plotly loads its validators and
default template on the first figure (a tenth to a third of a second).
"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb  # noqa: F401 - imported for the first visitor, see above
import pandas  # noqa: F401
import plotly.graph_objects  # noqa: F401
import plotly.subplots  # noqa: F401
from streamlit.web import cli

import newstally.read.chart_text  # noqa: F401
import newstally.read.figure_charts  # noqa: F401
import newstally.read.queries.co_quotation  # noqa: F401
import newstally.read.queries.figures  # noqa: F401
import newstally.read.queries.speakers  # noqa: F401

DASHBOARD = Path(__file__).resolve().parents[1] / "dashboard.py"


def _warm_plotly() -> None:
    figure = plotly.graph_objects.Figure(plotly.graph_objects.Bar(x=[1], y=[1]))
    figure.add_trace(plotly.graph_objects.Scatter(x=[1], y=[1], error_y={"array": [0]}))
    figure.add_trace(plotly.graph_objects.Heatmap(z=[[1]]))
    plotly.subplots.make_subplots(rows=1, cols=2).to_json()
    figure.to_json()


def main(argv: list[str]) -> int:
    """Runs ``streamlit run dashboard.py`` with ``argv`` (e.g. ``--server.port 8502``)."""
    _warm_plotly()
    sys.argv = ["streamlit", "run", str(DASHBOARD), *argv]
    return cli.main()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
