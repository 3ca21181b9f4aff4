"""Articles: the list under the filters, and the reader (opened by ``?article=ID``, marking
``&figure=ID`` or ``&statement=ID``)."""
import streamlit as st

from components import grids, reader, sidebar
from components.data import load
from newstally.read.queries.articles import article_list

opened = st.query_params.get("article")
if opened:
    if st.button("Back to the list", icon=":material/arrow_back:", key="articles-back"):
        for name in ("article", "figure", "statement"):
            st.query_params.pop(name, None)
        st.rerun()
    reader.render(opened, figure=st.query_params.get("figure"), statement=st.query_params.get("statement"),
                  key="articles-reader")
else:
    st.title("Articles")
    current = sidebar.current()
    st.caption("Select a row to read the article with its figures and statements highlighted.")
    articles, total = load(article_list, current)
    grids.render(articles, total, ["published", "title", "source", "figures", "statements", "n_words", "article_id"],
                  key="articles-table", what="articles",
                  empty=sidebar.nothing_to_show(current, "article", "articles"))
