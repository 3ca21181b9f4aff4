"""What the dashboard asks of the store: filtered SQL over the tables, returning DataFrames, one
module per page (``choices`` for the sidebar, ``periods`` for counting by day, week or month).

Every function takes an open DuckDB connection (read-only is enough) and a ``Filters``; charts get
aggregated rows, tables get at most ``limit`` rows plus the total count, and article text is read
only by ``article``. Nothing here imports Streamlit, so every query is tested with plain pytest.

What each filter narrows:
- source and date range: articles, and through them every figure and statement;
- speaker, organisation, country: statements and figures by those speakers, and the articles
  that quote them;
- category: figures, and the articles (with their statements) that report one of that category;
- text: statements whose text contains it, figures whose sentence contains it, articles whose
  title or statements contain it (case-insensitive). The matching rows are found once per search
  (``newstally.read.search``); a caller that holds them passes ``matches=`` to any query taking filters.
"""
