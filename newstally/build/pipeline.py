"""``build``: corpus files in, a store out.

ingest (streamed) -> unchanged articles are copied from the previous store, the others are
extracted in batches by an engine -> per-article rows -> corpus-wide speakers -> atomic store.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from newstally.contract.errors import NewstallyError
from newstally.contract.records import Article, Rejected
from newstally.contract.schema import RejectedRow
from newstally.rules import extract, extractor_version, speakers_version

from .corpus_record import record_corpus
from .engines import mapper
from .ingest import FieldMap, read_corpus
from .ingest.printable import printable_path
from .lifeline import worker_registry
from .rows import ArticleRows, article_rows, articles, content_hash, metadata
from .storable import unstorable
from .store import StoreError, StoreWriter, connect, write_meta, writing

BATCH_SIZE = 64  # articles per task: large enough to amortise a task, small enough to stream


class EmptyCorpus(NewstallyError):
    """The corpus held no article, and the build would have replaced a store that holds some.

    ``stored`` is how many articles the store keeps; ``rejected`` the first (path, reason) rows
    of the inputs that were refused, to show the user why nothing was found.
    """

    def __init__(self, message: str, stored: int, rejected: list[tuple[str, str]]):
        super().__init__(message)
        self.stored = stored
        self.rejected = rejected


@dataclass(frozen=True)
class BuildSummary:
    store: str
    articles: int
    figures: int
    statements: int
    speakers: int
    rejected: int
    extracted: int  # articles extracted in this build
    reused: int  # articles whose rows were copied from the previous store
    seconds: float

    def line(self) -> str:
        return (
            f"{self.articles:,} articles, {self.figures:,} figures, {self.statements:,} statements, "
            f"{self.speakers:,} speakers, {self.rejected:,} rejected in {self.seconds:.1f} s "
            f"({self.extracted:,} extracted, {self.reused:,} unchanged) -> {self.store}"
        )


def extract_batch(batch: list[Article]) -> list[ArticleRows | Rejected]:
    """Rows of every per-article table for each article; an article whose extraction fails
    becomes a Rejected (a bug in a rule must not stop a build or lose the article silently)."""
    version = extractor_version()
    out: list[ArticleRows | Rejected] = []
    for article in batch:
        try:
            out.append(article_rows(article, extract(article.text), version))
        except Exception as err:  # noqa: BLE001 - reported per article, with its cause
            out.append(
                Rejected(
                    article.path or article.article_id,
                    f"extraction failed ({type(err).__name__}: {err}); please report this article",
                )
            )
    return out


def build(
    paths: Iterable[str | Path],
    store: str | Path,
    fields: FieldMap = FieldMap(),
    *,
    engine: str = "local",
    workers: int = 1,
    scheduler: str | None = None,
    fresh: bool = False,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int, float], None] | None = None,
    allow_empty: bool = False,
) -> BuildSummary:
    """Builds the store at ``store`` from the corpus files or folders in ``paths``.

    Articles whose text and extractor version are unchanged since the previous build keep their
    rows (``fresh`` extracts all); articles no longer in the corpus are dropped.
    ``progress(done, share)`` is called as articles complete, with an estimate of the share of
    the input read.

    An input that cannot be read, extracted or stored is a ``rejected`` row, never an error. A
    corpus without a single article raises EmptyCorpus rather than replace a store that holds
    articles, unless ``allow_empty``. The store is left as it was on any error: StoreDamaged
    when the previous store cannot be read (build ``fresh``), StoreFull when the disk is full.
    """
    inputs = [Path(p) for p in paths]
    started = time.perf_counter()
    version = extractor_version()
    counts = {"extracted": 0, "reused": 0}
    with (
        mapper(engine, workers, scheduler, registry=worker_registry(Path(store))) as map_batches,
        writing(store, fresh=fresh) as writer,
    ):
        seen: list[str] = []
        todo = _extraction_batches(read_corpus(inputs, fields), writer, version, batch_size, counts, seen)
        total_bytes = max(1, _input_bytes(inputs))
        done, read_chars = 0, 0
        for results in map_batches(extract_batch, todo):
            for result in results:
                if isinstance(result, Rejected):
                    writer.insert("rejected", [RejectedRow(printable_path(result.path), printable_path(result.reason))])
                    continue
                tables = result._asdict()
                problem = unstorable(tables)
                if problem:
                    writer.insert(
                        "rejected",
                        [
                            RejectedRow(
                                result.articles[0].path,
                                (
                                    f"its rows cannot be stored: {printable_path(problem)}; newstally should have "
                                    "cleaned this when reading it, so please report this article"
                                ),
                            )
                        ],
                    )
                    continue
                for table, rows in tables.items():
                    writer.insert(table, rows)
                done += 1
                read_chars += len(result.texts[0].text)  # about its bytes in the input: enough for an estimate
            if progress:
                progress(done + counts["reused"], min(1.0, read_chars / total_bytes))
        if not seen and not allow_empty:
            _refuse_to_empty(inputs, Path(store), writer)
        removed = writer.keep_only(seen)
        if counts["extracted"] or removed or writer.previous_meta.get("speakers_version") != speakers_version():
            _derive_speakers(writer)
        summary_counts = {t: writer.count(t) for t in ("articles", "figures", "statements", "speakers", "rejected")}
        write_meta(
            writer,
            extractor_version=version,
            speakers_version=speakers_version(),
            **{f"n_{k}": v for k, v in summary_counts.items()},
        )
    record_corpus(Path(store), inputs, fields, datetime.now(UTC).isoformat(timespec="seconds"))
    return BuildSummary(
        store=printable_path(str(store)),
        **summary_counts,
        extracted=counts["extracted"],
        reused=counts["reused"],
        seconds=round(time.perf_counter() - started, 2),
    )


def _extraction_batches(
    records: Iterator[Article | Rejected],
    writer: StoreWriter,
    version: str,
    batch_size: int,
    counts: dict[str, int],
    seen: list[str],
) -> Iterator[list[Article]]:
    """Batches of articles to extract. On the way: writes rejected rows, keeps the rows of
    unchanged articles (rewriting their articles row when only the metadata changed), and lists
    in ``seen`` every article id of the corpus."""
    previous = writer.previous_articles()
    batch: list[Article] = []
    for record in records:
        if isinstance(record, Rejected):
            writer.insert("rejected", [RejectedRow(record.path, record.reason)])
            continue
        seen.append(record.article_id)
        old = previous.get(record.article_id)
        if old and (old.content_hash, old.extractor_version) == (content_hash(record.text), version):
            counts["reused"] += 1
            if old.metadata != metadata(record):  # the text is the same; only its row is written again
                writer.forget(record.article_id, tables=("articles",))
                writer.insert("articles", articles(record, version))
            continue
        if old:
            writer.forget(record.article_id)
        batch.append(record)
        counts["extracted"] += 1
        if len(batch) >= batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def _refuse_to_empty(paths: list[Path], store: Path, writer: StoreWriter) -> None:
    """Raises EmptyCorpus when the store at ``store`` holds articles (a corpus without any is
    far more often a wrong path than a wish to empty the store)."""
    stored = _stored_articles(store)
    if not stored:
        return
    writer.flush()
    n_rejected = writer.count("rejected")
    rejected = writer.con.execute("SELECT path, reason FROM rejected LIMIT 3").fetchall()
    found = (
        f"all {n_rejected:,} inputs were rejected (the first, {rejected[0][0]}: {rejected[0][1]})"
        if rejected
        else "there was nothing to read"
    )
    raise EmptyCorpus(
        f"found no articles in {', '.join(str(p) for p in paths)}: {found}. The store at {store} "
        f"holds {stored:,} articles and was left as it was; check the path, or build with "
        "--allow-empty (allow_empty=True) to replace it with an empty store",
        stored,
        rejected,
    )


def _stored_articles(store: Path) -> int:
    try:
        with connect(store) as con:
            return con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
    except (StoreError, duckdb.Error):
        return 0  # no store, or none worth keeping


def _derive_speakers(writer: StoreWriter) -> None:
    """The corpus-wide step: merges the articles' speakers and sets every speaker column from it."""
    from newstally.rules.speakers.merge import speakers as merge_speakers  # loads pandas: only when speakers change

    writer.set_speakers(*merge_speakers(writer.mentions()))


def _input_bytes(paths: list[Path]) -> int:
    """About how many bytes the corpus holds, for the progress estimate only: links are not
    followed and files that cannot be looked at count 0 (reading them says why, in `rejected`)."""
    total = 0
    for path in paths:
        try:
            if path.is_file():
                total += path.stat().st_size
            elif path.is_dir():
                for root, _, files in os.walk(path):
                    total += sum(_size(os.path.join(root, f)) for f in files)
        except OSError:
            continue
    return total


def _size(path: str) -> int:
    try:
        return os.lstat(path).st_size
    except OSError:
        return 0


class ProgressBar:
    """A one-line progress bar on stderr: articles done, rate and time left (only on a terminal)."""

    def __init__(self, stream=None):
        self.stream = stream or sys.stderr  # looked up now: sys.stderr may have been replaced
        self.enabled = self.stream.isatty()
        self.started = time.perf_counter()
        self.last = 0.0

    def __call__(self, done: int, share: float) -> None:
        now = time.perf_counter()
        if not self.enabled or now - self.last < 0.25:
            return
        self.last = now
        elapsed = now - self.started
        rate = done / elapsed if elapsed else 0.0
        left = elapsed * (1 - share) / share if share > 0.01 else None
        width = 30
        bar = "#" * int(width * share) + "-" * (width - int(width * share))
        eta = f"~{int(left) // 60}:{int(left) % 60:02d} left" if left is not None else "estimating"
        self.stream.write(f"\r[{bar}] {done:,} articles  {rate:,.0f}/s  {eta}   ")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * 78 + "\r")
            self.stream.flush()
