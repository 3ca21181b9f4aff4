"""Corpus: upload and build, what the store holds, what was rejected and why, and every table as
a download."""

import streamlit as st

from components import corpus
from components.data import ROOT, SAMPLE_CORPUS, load, store_path, store_readable
from newstally.read.filters import Filters
from newstally.read.queries.overview import totals

UPLOADS_ONLY, WITH_SAMPLE = "the uploads only", "the uploads and the sample articles"

st.title("Corpus")
path = store_path()
st.text(f"Store: {path}")
readable = path.is_file() and store_readable()
held = load(totals, Filters())["articles"] if readable else 0

st.subheader("Add articles")
st.markdown(
    f"Upload files in the formats newstally reads ({', '.join('.' + t for t in corpus.upload_types())}), "
    f"up to {corpus.max_upload_mb()} MB each. **Building replaces the store** with one made from the uploads "
    f"(or from the uploads together with the sample articles in `{SAMPLE_CORPUS.relative_to(ROOT)}`); articles "
    f"unchanged since the last build are not extracted again. Files that cannot be read are listed below "
    f"with the reason."
)
uploads = st.file_uploader(
    "Articles",
    type=corpus.upload_types(),
    accept_multiple_files=True,
    max_upload_size=corpus.max_upload_mb(),
    key="corpus-upload",
)
together = st.radio("Build from", [UPLOADS_ONLY, WITH_SAMPLE], horizontal=True, key="corpus-with-sample")
build_now = False
if st.button("Build the store", type="primary", disabled=not uploads, key="corpus-build", icon=":material/build:"):
    if held:
        st.session_state["corpus-confirm"] = True  # a store with articles is replaced only when the user says so
    else:
        build_now = True
asking = st.empty()  # the question goes once it is answered
if uploads and st.session_state.get("corpus-confirm"):
    with asking.container(border=True):
        st.warning(
            f"The store holds {held:,} articles. Building replaces them with {together} "
            f"({len(uploads):,} files uploaded). Replace the store?",
            icon=":material/warning:",
        )
        replace_it, cancel = st.columns([1, 4])
        if replace_it.button("Replace the store", type="primary", key="corpus-replace"):
            st.session_state["corpus-confirm"] = False
            build_now = True
        if cancel.button("Cancel", key="corpus-cancel"):
            st.session_state["corpus-confirm"] = False
            st.rerun()
if build_now:
    asking.empty()
    result = corpus.build_from_uploads(uploads, with_sample=together == WITH_SAMPLE)
    if result is not None:
        # said after a rerun, so the sidebar's filters (dates, sources) are those of the new store
        st.session_state["corpus-built"] = (result.rejected, result.line().rsplit(" -> ", 1)[0])
        st.rerun()
if "corpus-built" in st.session_state:
    n_rejected, built = st.session_state.pop("corpus-built")
    if n_rejected:
        st.warning(
            f"Built the store, but {n_rejected:,} of the inputs could not be read: see "
            f"[the rejected inputs](#rejected-inputs) below for why. ({built})",
            icon=":material/warning:",
        )
    else:
        st.success(f"Built the store: {built}", icon=":material/check_circle:")

# drawn after the build above, so they show the store it made
if readable:
    st.subheader("What the store holds")
    st.text(" · ".join(f"{count:,} {name}" for name, count in load(totals, Filters()).items()))
    st.subheader("Rejected inputs", anchor="rejected-inputs")
    corpus.render_rejected(key="corpus-rejected")
    st.subheader("Download the tables")
    corpus.render_downloads(key="corpus-tables")
