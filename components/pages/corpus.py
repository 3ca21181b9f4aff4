"""Corpus: upload and build, what the store holds, what was rejected and why, and every table as
a download."""
import streamlit as st

from components import corpus
from components.data import ROOT, SAMPLE_CORPUS, load, store_path
from newstally.read.filters import Filters
from newstally.read.queries.overview import totals

st.title("Corpus")
path = store_path()
st.text(f"Store: {path}")

st.subheader("Add articles")
st.markdown(
    f"Upload files in the formats newstally reads ({', '.join('.' + t for t in corpus.upload_types())}), "
    f"up to {corpus.max_upload_mb()} MB each. **Building replaces the store** with one made from the uploads, "
    f"together with the sample articles in `{SAMPLE_CORPUS.relative_to(ROOT)}` or on their own; articles "
    f"unchanged since the last build are not extracted again. Files that cannot be read are listed below "
    f"with the reason.")
uploads = st.file_uploader("Articles", type=corpus.upload_types(), accept_multiple_files=True,
                           max_upload_size=corpus.max_upload_mb(), key="corpus-upload")
together = st.radio("Build from", ["the uploads and the sample articles", "the uploads only"], horizontal=True,
                    key="corpus-with-sample")
if st.button("Build the store", type="primary", disabled=not uploads, key="corpus-build", icon=":material/build:"):
    result = corpus.build_from_uploads(uploads, with_sample=together.endswith("sample articles"))
    if result is not None:
        st.success(result.line().rsplit(" -> ", 1)[0])

# drawn after the build above, so they show the store it made
if path.is_file():
    st.subheader("What the store holds")
    st.text(" · ".join(f"{count:,} {name}" for name, count in load(totals, Filters()).items()))
    st.subheader("Rejected inputs")
    corpus.render_rejected(key="corpus-rejected")
    st.subheader("Download the tables")
    corpus.render_downloads(key="corpus-tables")
