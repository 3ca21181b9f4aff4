"""The store: atomic replacement, the build lock, and reuse of unchanged articles."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE

from newstally.build import store as store_module
from newstally.build.pipeline import build
from newstally.build.store import StoreBusy, StoreDamaged, StoreError, meta, read, writing


def _corpus(folder: Path, n: int) -> Path:
    """A JSONL corpus of ``n`` articles made from the sample texts, with fresh ids."""
    import json

    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLE.glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": f"a{i:05d}", "text": f"Report {i}. " + texts[i % len(texts)]}) + "\n")
    return path


def test_store_build_replaces_atomically_and_leaves_no_temporary_files(tmp_path):
    target = tmp_path / "s.duckdb"
    build([SAMPLE], target)
    # the corpus record is kept on purpose (corpus_record): it is what a damaged store is rebuilt from
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.duckdb", "s.duckdb.corpus.json", "s.duckdb.lock"]
    assert read(target, "SELECT count(*) AS n FROM articles")["n"][0] == 2


def test_store_failed_build_keeps_previous_store(tmp_path):
    target = tmp_path / "s.duckdb"
    build([SAMPLE], target)
    before = meta(target)["build_id"]
    with pytest.raises(RuntimeError):
        with writing(target) as writer:
            writer.insert("rejected", [("x", "y")])
            raise RuntimeError("interrupted")
    assert meta(target)["build_id"] == before
    assert not (tmp_path / "s.duckdb.building").exists()


def test_store_killed_build_leaves_previous_store_readable_and_next_build_completes(tmp_path):
    target = tmp_path / "s.duckdb"
    build([SAMPLE], target)
    before = read(target, "SELECT article_id FROM articles ORDER BY 1")
    corpus = _corpus(tmp_path / "big", 200)  # enough to be killed mid-build: it parses
    proc = subprocess.Popen(
        [sys.executable, "-m", "newstally.cli", "build", str(corpus), "--store", str(target), "--fresh"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    building = tmp_path / "s.duckdb.building"
    deadline = time.monotonic() + 30
    while not building.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.2)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert read(target, "SELECT article_id FROM articles ORDER BY 1").equals(before)
    summary = build([corpus], target)
    assert summary.articles == 200


def test_store_second_build_at_once_stops_with_a_clear_message(tmp_path):
    target = tmp_path / "s.duckdb"
    with writing(target):
        with pytest.raises(StoreBusy, match="another build is writing"):
            with writing(target):
                pass


def test_store_rebuild_reuses_unchanged_articles(tmp_path):
    corpus = _corpus(tmp_path / "c", 40)
    target = tmp_path / "s.duckdb"
    first = build([corpus], target)
    assert (first.extracted, first.reused) == (40, 0)
    tables = {
        t: read(target, f"SELECT * FROM {t} ORDER BY 1") for t in ("articles", "figures", "statements", "speakers")
    }
    again = build([corpus], target)
    assert (again.extracted, again.reused) == (0, 40)
    for table, frame in tables.items():
        now = read(target, f"SELECT * FROM {table} ORDER BY 1")
        if table == "articles":
            frame, now = frame.drop(columns="path"), now.drop(columns="path")
        assert now.equals(frame), table
    fresh = build([corpus], target, fresh=True)
    assert (fresh.extracted, fresh.reused) == (40, 0)


def test_store_rebuild_extracts_changed_articles_only(tmp_path):
    corpus = _corpus(tmp_path / "c", 10)
    target = tmp_path / "s.duckdb"
    build([corpus], target)
    lines = corpus.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace("Report 3.", "Report three, revised.")
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = build([corpus], target)
    assert (summary.extracted, summary.reused) == (1, 9)
    speakers = read(target, "SELECT count(*) AS n, count(DISTINCT speaker_id) AS ids FROM speakers")
    assert speakers["n"][0] == speakers["ids"][0], "the speakers are merged anew, not appended"
    fresh = build([corpus], tmp_path / "fresh.duckdb")
    assert summary.speakers == fresh.speakers and summary.figures == fresh.figures


@pytest.mark.parametrize("content", [b"", b"not a duckdb file at all"])
def test_store_unreadable_store_gives_clear_error(tmp_path, content):
    target = tmp_path / "s.duckdb"
    target.write_bytes(content)
    with pytest.raises(StoreError, match="newstally build"):
        read(target, "SELECT 1")


def test_store_missing_store_gives_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no store at"):
        store_module.connect(tmp_path / "nothing.duckdb")


def test_store_unreadable_previous_store_is_kept_until_a_fresh_build(tmp_path):
    # A damaged store is no longer replaced silently (issue 15): the build says so and how to go on.
    target = tmp_path / "s.duckdb"
    target.write_bytes(b"garbage")
    with pytest.raises(StoreDamaged, match="is damaged.*--fresh"):
        build([SAMPLE], target)
    assert target.read_bytes() == b"garbage"
    summary = build([SAMPLE], target, fresh=True)
    assert summary.articles == 2 and os.path.getsize(target) > 0


def test_store_rebuild_drops_articles_gone_from_the_corpus(tmp_path):
    corpus = _corpus(tmp_path / "c", 10)
    target = tmp_path / "s.duckdb"
    build([corpus], target)
    lines = corpus.read_text(encoding="utf-8").splitlines()
    corpus.write_text("\n".join(lines[:6]) + "\n", encoding="utf-8")
    summary = build([corpus], target)
    assert (summary.articles, summary.extracted, summary.reused) == (6, 0, 6)
    for table in ("texts", "figures", "statements", "mentions"):
        left = read(
            target, f"SELECT count(*) AS n FROM {table} WHERE article_id NOT IN (SELECT article_id FROM articles)"
        )["n"][0]
        assert left == 0, table


def test_store_rebuild_updates_metadata_without_extracting_again(tmp_path):
    import json

    corpus = _corpus(tmp_path / "c", 3)
    target = tmp_path / "s.duckdb"
    build([corpus], target)
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    records[1]["title"] = "A new title"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    summary = build([corpus], target)
    assert (summary.extracted, summary.reused) == (0, 3)
    assert read(target, "SELECT title FROM articles WHERE article_id = 'a00001'")["title"][0] == "A new title"


def _lookups_match_their_tables(target: Path) -> None:
    from newstally.contract.schema import DERIVED

    for table, sql in DERIVED.items():
        stored = read(target, f"SELECT * FROM {table} ORDER BY ALL")
        derived = read(target, f"SELECT * FROM ({sql}) ORDER BY ALL")
        assert len(stored) > 0 and stored.values.tolist() == derived.values.tolist(), table


def test_store_lookups_follow_changed_and_dropped_articles(tmp_path):
    corpus = _corpus(tmp_path / "c", 10)
    target = tmp_path / "s.duckdb"
    build([corpus], target)
    _lookups_match_their_tables(target)
    lines = corpus.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace("Report 3.", "Report three, revised.")
    corpus.write_text("\n".join(lines[:7]) + "\n", encoding="utf-8")
    build([corpus], target)
    _lookups_match_their_tables(target)
    assert read(target, "SELECT count(DISTINCT article_id) AS n FROM article_speakers")["n"][0] == 7


def test_store_from_an_older_version_asks_for_a_rebuild(tmp_path):
    import duckdb

    target = tmp_path / "s.duckdb"
    build([SAMPLE], target)
    with duckdb.connect(str(target)) as con:
        con.execute("DROP TABLE article_speakers")  # as a store written before that table existed
    with pytest.raises(StoreError, match="another version of newstally.*newstally build"):
        store_module.connect(target)
    assert build([SAMPLE], target).articles == 2  # the next build starts afresh
    store_module.connect(target).close()
