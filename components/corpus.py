"""The Corpus page's parts: saving uploads safely, building with a progress bar, and the tables
as zip downloads.

Uploaded files are written under a fresh temporary folder with names made from the upload's
name by ``safe_name`` (never a path the user chose), and removed once the build is done.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
import zipfile
from functools import partial
from pathlib import Path

import streamlit as st

from newstally.build.export import csv_bytes, table_frame
from newstally.build.ingest import allowed_extensions
from newstally.build.ingest.uploads import check_upload
from newstally.contract.schema import PUBLIC_TABLES
from newstally.read.queries.articles import rejected

from .data import SAMPLE_CORPUS, load, store_path
from .grids import paged, plain

UPLOAD_PREFIX = "newstally-upload-"
_UPLOAD_FOLDER = re.compile(r"^.*?" + re.escape(UPLOAD_PREFIX) + r"[^/\\]+[/\\]")
UPLOAD_ENV = "NEWSTALLY_MAX_UPLOAD_MB"
DEFAULT_UPLOAD_MB = 200
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def max_upload_mb() -> int:
    """The per-file upload limit in MB: $NEWSTALLY_MAX_UPLOAD_MB, else 200 (server.maxUploadSize)."""
    try:
        return max(1, int(os.environ.get(UPLOAD_ENV, DEFAULT_UPLOAD_MB)))
    except ValueError:
        return DEFAULT_UPLOAD_MB


def upload_types() -> list[str]:
    """The extensions the uploader accepts: those ingest reads, without the dot."""
    return [ext.lstrip(".") for ext in allowed_extensions()]


def safe_name(name: str, taken: set[str]) -> str:
    """A file name made from ``name`` that cannot leave its folder: the last path part, only
    letters, digits, dot, hyphen and underscore, no leading dot, unique among ``taken``."""
    base = _UNSAFE.sub("_", re.split(r"[\\/]", name)[-1]).lstrip(".") or "upload"
    stem, dot, ext = base.rpartition(".")
    stem, ext = (stem, f".{ext}") if dot and stem else (base, "")
    candidate, n = f"{stem[:100]}{ext}", 1
    while candidate in taken:
        candidate, n = f"{stem[:100]}-{n}{ext}", n + 1
    taken.add(candidate)
    return candidate


def save_uploads(uploads: list, folder: Path) -> list[Path]:
    """Writes each uploaded file into ``folder`` under a safe name; returns the paths."""
    taken: set[str] = set()
    written = []
    for upload in uploads:
        target = folder / safe_name(upload.name, taken)
        target.write_bytes(upload.getvalue())
        written.append(target)
    return written


def refused_uploads(uploads: list) -> list[tuple[str, str]]:
    """(name, reason) of each upload the server will not build (``check_upload``: its extension,
    its size); the browser's own check is a courtesy any client can skip."""
    limit = max_upload_mb() * 1024 * 1024
    reasons = [(upload.name, check_upload(upload.name, upload.size, max_bytes=limit)) for upload in uploads]
    return [(name, reason) for name, reason in reasons if reason]


def build_from_uploads(uploads: list, with_sample: bool, key: str = "build"):
    """Builds the dashboard's store from ``uploads`` (and the sample articles when ``with_sample``)
    with a progress bar; returns the BuildSummary, or None after showing why nothing was built.

    Uploads the server refuses are named with the reason and left out. A corpus with no article
    leaves the store as it was; a damaged store is built anew (none of its rows can be reused).
    """
    from newstally.build.pipeline import EmptyCorpus, build
    from newstally.build.store import StoreBusy, StoreDamaged

    refused = refused_uploads(uploads)
    if refused:
        st.error(
            "Not built, since the server does not take these files:\n\n"
            + "\n".join(f"- {plain(name)}: {plain(reason)}" for name, reason in refused)
        )
        return None
    bar = st.progress(0.0, text="Reading the files ...")

    def progress(done: int, share: float) -> None:
        bar.progress(min(1.0, max(0.0, share)), text=f"{done:,} articles read")

    with tempfile.TemporaryDirectory(prefix=UPLOAD_PREFIX) as folder:
        saved = save_uploads(uploads, Path(folder))
        inputs = ([SAMPLE_CORPUS] if with_sample else []) + saved
        try:
            try:
                summary = build(inputs, store_path(), progress=progress)
            except StoreDamaged:
                summary = build(inputs, store_path(), progress=progress, fresh=True)
        except EmptyCorpus as err:
            bar.empty()
            reasons = "\n".join(f"- {plain(shown_path(path))}: {plain(reason)}" for path, reason in err.rejected)
            st.error(
                f"No article was found in the upload, so the store keeps its {err.stored:,} articles."
                + (f" Why the files were refused:\n\n{reasons}" if reasons else "")
            )
            return None
        except StoreBusy:
            bar.empty()
            st.error(
                "Another build is writing the store right now; the store is unchanged. Build again "
                "once it has finished."
            )
            return None
        except Exception as err:  # noqa: BLE001 - the page says what happened instead of a traceback
            bar.empty()
            st.error(f"The build failed and the previous store is unchanged: {err}")
            return None
    bar.progress(1.0, text="Done")
    return summary


def shown_path(path: str) -> str:
    """``path`` as the page lists it: an uploaded file by its name ("upload: a.txt"), since the
    temporary folder it was built from is gone."""
    return _UPLOAD_FOLDER.sub("upload: ", path, count=1)


def render_rejected(key: str = "rejected") -> None:
    """The rejected inputs of the last build with their reasons (a page at a time), or a note that
    there were none."""
    _, total = load(rejected, limit=0)
    if total == 0:
        st.info("Every input of the last build was read.")
        return
    paged(
        _rejected_as_shown,
        columns=["path", "reason"],
        key=key,
        what="rejected inputs",
        span="none",
        name="rejected-inputs",
    )


def _rejected_as_shown(con, limit: int | None = None, offset: int = 0):
    """``rejected`` with each uploaded file named as the user knows it (``shown_path``)."""
    listed, total = rejected(con, limit, offset)
    return listed.assign(path=listed["path"].map(shown_path)), total


def tables_zip(fmt: str) -> bytes:
    """Every public table of the store in one zip: ``<table>.csv`` (formulas neutralised) or
    ``<table>.parquet``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for table in PUBLIC_TABLES:
            frame = table_frame(store_path(), table)
            if fmt == "csv":
                archive.writestr(f"{table}.csv", csv_bytes(frame))
            else:
                data = io.BytesIO()
                frame.to_parquet(data, index=False)
                archive.writestr(f"{table}.parquet", data.getvalue())
    return buffer.getvalue()


def render_downloads(key: str = "tables") -> None:
    """Buttons that download all tables as CSV or Parquet in a zip (made on click)."""
    left, right = st.columns(2)
    left.download_button(
        "All tables as CSV (zip)",
        partial(tables_zip, "csv"),
        "newstally-tables-csv.zip",
        "application/zip",
        key=f"{key}-csv",
        on_click="ignore",
        icon=":material/download:",
    )
    right.download_button(
        "All tables as Parquet (zip)",
        partial(tables_zip, "parquet"),
        "newstally-tables-parquet.zip",
        "application/zip",
        key=f"{key}-parquet",
        on_click="ignore",
        icon=":material/download:",
    )
