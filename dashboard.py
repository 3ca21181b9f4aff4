"""newstally's dashboard: ``streamlit run dashboard.py``.

This script only configures the page, makes sure there is a store, draws the shared sidebar
filters and runs the page the navigation picked; the pages live in components/pages/.
"""

import streamlit as st

from components import data, sidebar

st.set_page_config(page_title="newstally", page_icon=":material/newspaper:", layout="wide")
# A table toolbar's own download holds only the page on screen: each table has a button under it
# for every row (with its source and filters), so the partial one is hidden.
st.html('<style>[data-testid="stBaseButton-elementToolbar"][aria-label="Download as CSV"]{display:none}</style>')

PAGES = [
    st.Page("components/pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("components/pages/figures.py", title="Figures", icon=":material/monitoring:", url_path="figures"),
    st.Page("components/pages/speakers.py", title="Speakers", icon=":material/record_voice_over:", url_path="speakers"),
    st.Page(
        "components/pages/statements.py", title="Statements", icon=":material/format_quote:", url_path="statements"
    ),
    st.Page("components/pages/articles.py", title="Articles", icon=":material/article:", url_path="articles"),
    st.Page("components/pages/corpus.py", title="Corpus", icon=":material/upload_file:", url_path="corpus"),
]

page = st.navigation(PAGES)
store_ready = data.ensure_store()
if store_ready:
    sidebar.render()
if store_ready or page.url_path == "corpus":
    page.run()
