"""Articles: the list under the filters, and the reader (opened by ``?article=ID``, marking
``&figure=ID`` or ``&statement=ID``; ``&back=PAGE`` is where "Back" returns to)."""

import streamlit as st

from components import grids, reader, sidebar
from newstally.read.queries.articles import article_list

opened = st.query_params.get("article")
if opened:
    back = st.query_params.get("back")
    target, params = grids.back_target(back)
    if st.button(grids.back_label(back), icon=":material/arrow_back:", key="articles-back"):
        if target == grids.ARTICLES_PAGE:
            for name in grids.READER_PARAMS:
                st.query_params.pop(name, None)
            st.rerun()
        st.switch_page(target, query_params=params)
    reader.render(
        opened, figure=st.query_params.get("figure"), statement=st.query_params.get("statement"), key="articles-reader"
    )
else:
    st.title("Articles")
    current = sidebar.current()
    st.caption("Select a row to see it here and open the article with its figures and statements highlighted.")
    grids.paged(
        article_list,
        current,
        columns=["published", "title", "source", "figures", "statements", "n_words"],
        key="articles-table",
        what="articles",
        back="articles",
        name="articles",
        empty=sidebar.nothing_to_show(current, "article", "articles"),
    )
