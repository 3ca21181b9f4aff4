"""A build goes on past every bad input, and stops only for failures of its own, saying which and
what to do (issue 15): the mixed hostile folder, per-article storing, no silent emptying, damaged
stores, a full disk, and workers that end with their build."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import duckdb
import pytest
from conftest import ROOT, SAMPLE

from newstally.build.pipeline import EmptyCorpus, build
from newstally.build.store import StoreFull, read, store_problem
from newstally.cli import main

DEEP = "[" * 100_000 + "]" * 100_000


def _hostile_files(folder: Path, outside: Path) -> None:
    """Every case of issue 15 that is an input, written into ``folder``."""

    def write(name: str, content: str | bytes) -> None:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))

    write("deep_list.json", DEEP)
    write("deep_object.json", '{"a":' * 100_000 + "1" + "}" * 100_000)
    write("deep_line.jsonl", '{"id": "d", "text": "t", "m": ' + DEEP + "}\n" + DEEP + "\n")
    with zipfile.ZipFile(folder / "deep.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("deep.json", DEEP)
    write("big_number.jsonl", '{"id": "n", "text": "x", "count": ' + "7" * 5_000 + "}\n")
    write(
        "surrogates.jsonl",
        '{"id": "s1", "text": "Two were killed \\ud800."}\n'
        '{"id": "s2", "title": "\\udfff", "text": "Three were killed."}\n',
    )
    for charset, body in (
        ("punycode", "caf\u00e9 3 killed".encode()),
        ("utf-7", b"x +2AA- 3 killed"),
        ("unicode_escape", b"x \\ud800 3 killed"),
    ):
        write(
            f"charset_{charset}.html",
            b'<html><head><meta charset="' + charset.encode() + b'"></head><body><p>' + body + b"</p></body></html>",
        )
    with open(os.path.join(os.fsencode(folder), b"bad\xff\xfe.txt"), "w", encoding="utf-8") as f:
        f.write("Four people were killed.")
    (outside / "secret.txt").write_text("Outside the corpus.", encoding="utf-8")
    os.symlink("does/not/exist.txt", folder / "broken_link.txt")
    os.symlink("loop_link.txt", folder / "loop_link.txt")
    os.symlink(outside / "secret.txt", folder / "outside_link.txt")
    os.symlink(outside, folder / "outside_folder")
    os.symlink("/etc/passwd", folder / "passwd.txt")
    write("stray_end_tags.html", "<html><body>" + "<span>" * 100_000 + "</b>text 3 killed" * 100_000)
    write("manifest_case/m.txt", "Five people were killed.")
    write("manifest_case/manifest.csv", "file,title\nm.txt," + "T" * 200_000 + "\n")
    write("bomb.jsonl.gz", gzip.compress(b" " * (300 * 2**20)))
    write(
        "formulas.csv",
        'id,title,text\nf1,\uff1dHYPERLINK("http://evil.example"),Six were killed.\nf2,\uff0bcmd,Seven were killed.\n',
    )
    write(
        "markdown.jsonl",
        json.dumps({"id": "md", "title": "![img](https://example.org/x.png)", "text": "Eight were killed."}) + "\n",
    )


def _inputs(folder: Path) -> list[str]:
    # Every name in the folder a build must account for (links as themselves, not followed).
    names = []
    for directory, subdirectories, files in os.walk(folder):
        names += [
            n
            for n in files + subdirectories
            if n != "manifest.csv" and not (Path(directory, n).is_dir() and not Path(directory, n).is_symlink())
        ]
    return [os.fsencode(n).decode("utf-8", "backslashreplace") for n in names]


def _tables(store: Path, article_ids: list[str]) -> dict:
    ids = ", ".join(f"'{a}'" for a in article_ids)
    return {
        "articles": read(store, f"SELECT * EXCLUDE (path) FROM articles WHERE article_id IN ({ids}) ORDER BY 1"),
        "figures": read(store, f"SELECT * FROM figures WHERE article_id IN ({ids}) ORDER BY figure_id"),
        "statements": read(store, f"SELECT * FROM statements WHERE article_id IN ({ids}) ORDER BY statement_id"),
        "speakers": read(store, "SELECT * FROM speakers ORDER BY speaker_id"),
    }


def test_build_mixed_hostile_folder_exits_0_names_every_input_and_keeps_good_tables(tmp_path, capsys):
    clean, mixed, outside = tmp_path / "clean", tmp_path / "mixed", tmp_path / "outside"
    shutil.copytree(SAMPLE, clean)
    shutil.copytree(SAMPLE, mixed)
    outside.mkdir()
    _hostile_files(mixed, outside)
    assert main(["build", str(clean), "--store", str(tmp_path / "clean.duckdb")]) == 0
    assert main(["build", str(mixed), "--store", str(tmp_path / "mixed.duckdb")]) == 0
    err = capsys.readouterr().err
    assert "unexpected" not in err and "Traceback" not in err

    named = list(
        read(tmp_path / "mixed.duckdb", "SELECT path FROM articles UNION ALL SELECT path FROM rejected")["path"]
    )
    for name in _inputs(mixed):
        assert any(name in path for path in named), f"{name} is neither an article nor rejected"
    good = sorted(read(tmp_path / "clean.duckdb", "SELECT article_id FROM articles")["article_id"])
    expected, got = _tables(tmp_path / "clean.duckdb", good), _tables(tmp_path / "mixed.duckdb", good)
    for table in expected:
        assert got[table].equals(expected[table]), table
    rejected = read(tmp_path / "mixed.duckdb", "SELECT path, reason FROM rejected")
    assert not rejected["reason"].str.contains("please report").any(), rejected.to_string()
    texts = " ".join(read(tmp_path / "mixed.duckdb", "SELECT text FROM texts")["text"])
    assert "Outside the corpus" not in texts and "root:" not in texts


def test_build_article_whose_rows_cannot_be_stored_is_rejected_and_the_others_kept(tmp_path, monkeypatch):
    from newstally.build import pipeline
    from newstally.contract.schema import TextRow

    real = pipeline.article_rows

    def with_a_lone_surrogate(article, extraction, version):
        rows = real(article, extraction, version)
        if article.article_id == "b":
            rows = rows._replace(texts=[TextRow(article.article_id, article.text + "\ud800")])
        return rows

    monkeypatch.setattr(pipeline, "article_rows", with_a_lone_surrogate)
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"id": i, "text": f"{n} people were killed."}) + "\n" for i, n in (("a", 2), ("b", 3), ("c", 4))
        ),
        encoding="utf-8",
    )
    summary = build([corpus], tmp_path / "s.duckdb")
    assert (summary.articles, summary.rejected) == (2, 1)
    (reason,) = read(tmp_path / "s.duckdb", "SELECT reason FROM rejected")["reason"]
    assert reason.startswith("its rows cannot be stored: texts.text holds text that is not valid Unicode")


# --- no silent emptying --------------------------------------------------------------------------


def test_build_from_an_empty_folder_leaves_a_store_with_articles_as_it_was(tmp_path, capsys):
    store = tmp_path / "s.duckdb"
    build([SAMPLE], store)
    before = store.read_bytes()
    (tmp_path / "empty").mkdir()
    assert main(["build", str(tmp_path / "empty"), "--store", str(store)]) == 2
    err = capsys.readouterr().err
    assert "found no articles in" in err and "holds 2 articles and was left as it was" in err
    assert "--allow-empty" in err
    assert store.read_bytes() == before
    assert main(["build", str(tmp_path / "empty"), "--store", str(store), "--allow-empty"]) == 0
    assert read(store, "SELECT count(*) AS n FROM articles")["n"][0] == 0


def test_build_with_only_bad_inputs_says_why_nothing_was_found(tmp_path):
    store = tmp_path / "s.duckdb"
    build([SAMPLE], store)
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "empty.txt").write_text("", encoding="utf-8")
    with pytest.raises(EmptyCorpus, match="all 1 inputs were rejected .*empty.txt: empty file") as raised:
        build([tmp_path / "bad"], store, fresh=True)
    assert raised.value.stored == 2 and raised.value.rejected[0][0].endswith("empty.txt")


def test_build_without_articles_over_no_store_makes_an_empty_store(tmp_path):
    (tmp_path / "empty").mkdir()
    summary = build([tmp_path / "empty"], tmp_path / "s.duckdb")
    assert summary.articles == 0 and summary.rejected == 1


# --- damaged stores ------------------------------------------------------------------------------


def _damaged(tmp_path: Path, how: str) -> Path:
    store = tmp_path / "s.duckdb"
    build([SAMPLE], store)
    data = bytearray(store.read_bytes())
    if how == "truncated":
        data = data[: len(data) // 2]
    else:  # a flipped bit in every block of the second half: checksums must catch it
        for at in range(len(data) // 2, len(data), 4096):
            data[at] ^= 0x10
    store.write_bytes(bytes(data))
    return store


@pytest.mark.parametrize("how", ["truncated", "bit-flipped"])
def test_build_over_a_damaged_store_names_the_problem_and_the_fix(tmp_path, capsys, how):
    store = _damaged(tmp_path, how)
    before = store.read_bytes()
    assert main(["build", str(SAMPLE), "--store", str(store)]) == 2
    err = capsys.readouterr().err
    assert f"the store at {store} is damaged" in err and "--fresh" in err and "--store PATH" in err
    assert "please report" not in err and store.read_bytes() == before
    assert main(["build", str(SAMPLE), "--store", str(store), "--fresh"]) == 0
    assert store_problem(store) is None


@pytest.mark.parametrize("how", ["truncated", "bit-flipped"])
@pytest.mark.parametrize("argv", [["export", "{out}"], ["evaluate", "{gold}"]])
def test_reading_a_damaged_store_names_the_problem_and_the_fix(tmp_path, capsys, how, argv):
    store = _damaged(tmp_path, how)
    gold = tmp_path / "gold.jsonl"
    gold.write_text("", encoding="utf-8")
    argv = [a.format(out=tmp_path / "out", gold=gold) for a in argv]
    assert main([*argv, "--store", str(store)]) == 2
    err = capsys.readouterr().err
    assert "is damaged and cannot be read" in err and f"--fresh --store {store}" in err
    assert "left as it was" not in err and "please report" not in err


@pytest.mark.parametrize("how", ["truncated", "bit-flipped"])
def test_store_problem_tells_the_dashboard_what_is_wrong(tmp_path, how):
    problem = store_problem(_damaged(tmp_path, how))
    assert problem and "is damaged and cannot be read" in problem and "--fresh" in problem
    assert "no store at" in store_problem(tmp_path / "none.duckdb")


def test_store_problem_of_a_good_store_is_none(seed_store):
    assert store_problem(seed_store) is None


def test_damaged_store_is_rebuilt_from_the_corpus_of_its_last_build(tmp_path):
    from newstally.build.corpus_record import last_corpus
    from newstally.build.ingest import FieldMap

    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "a", "body": "Two people were killed."}) + "\n", encoding="utf-8")
    store = tmp_path / "s.duckdb"
    build([corpus], store, FieldMap(text="body"))
    store.write_bytes(store.read_bytes()[: len(store.read_bytes()) // 2])
    last = last_corpus(store)
    assert last.paths == (corpus,) and last.fields == FieldMap(text="body") and last.built_at
    assert build(last.paths, store, last.fields, fresh=True).articles == 1
    corpus.unlink()
    assert last_corpus(store) is None  # nothing left to build from (as after an upload)
    assert last_corpus(tmp_path / "never-built.duckdb") is None


# --- a full disk ---------------------------------------------------------------------------------


def test_build_on_a_full_disk_says_so_and_keeps_the_store(tmp_path, monkeypatch):
    from newstally.build.store import StoreWriter

    store = tmp_path / "s.duckdb"
    build([SAMPLE], store)
    before = store.read_bytes()

    def full(self):
        raise duckdb.IOException('IO Error: Could not write file "x": No space left on device')

    monkeypatch.setattr(StoreWriter, "derive", full)
    with pytest.raises(StoreFull, match=f"the disk holding {tmp_path} is full.*left as it was.*--store PATH"):
        build([SAMPLE], store, fresh=True)
    assert store.read_bytes() == before
    assert not list(tmp_path.glob("*.building*"))


@pytest.fixture
def small_disk(tmp_path):
    """A 3 MB tmpfs (needs root, as in CI's container); skipped where it cannot be mounted."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if (
        shutil.which("mount") is None
        or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], capture_output=True
        ).returncode
    ):
        pytest.skip("cannot mount a small tmpfs here (not root)")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def test_build_on_a_really_full_disk_says_so(small_disk, capsys):
    from conftest import shared

    store = small_disk / "s.duckdb"
    assert main(["build", str(SAMPLE), "--store", str(store)]) == 0
    before = store.read_bytes()
    assert main(["build", str(shared("corpus", "guardian_dev")), "--store", str(store)]) == 2
    err = capsys.readouterr().err
    assert "is full" in err and "left as it was" in err and "please report" not in err
    assert store.read_bytes() == before


# --- workers end with their build ----------------------------------------------------------------


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has ended
    except OSError:
        return False


def _descendants(pid: int) -> set[int]:
    found, queue = set(), [pid]
    while queue:
        current = queue.pop()
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as f:
                    children = [int(c) for c in f.read().split()]
                found.update(children)
                queue += children
        except OSError:
            continue
    return found


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc")
@pytest.mark.parametrize("signal_", [signal.SIGKILL, signal.SIGTERM])
def test_build_workers_end_when_the_build_is_killed(tmp_path, signal_):
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLE.glob("*.txt"))]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        "".join(json.dumps({"id": f"x{i}", "text": texts[i % 2]}) + "\n" for i in range(20_000)), encoding="utf-8"
    )
    store = tmp_path / "s.duckdb"
    build_process = subprocess.Popen(
        [sys.executable, "-m", "newstally.cli", "build", str(corpus), "--workers", "2", "--store", str(store)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    registry = tmp_path / "s.duckdb.workers"
    descendants: set[int] = set()
    try:
        deadline = time.monotonic() + 120
        while (
            time.monotonic() < deadline
            and build_process.poll() is None
            and (not registry.exists() or len(registry.read_text().splitlines()) < 2)
        ):
            time.sleep(0.2)
        assert build_process.poll() is None, "the build ended before its workers could be seen"
        descendants = _descendants(build_process.pid)
        workers = {int(line.split()[0]) for line in registry.read_text().splitlines()}
        assert len(workers) == 2 and workers <= descendants
        build_process.send_signal(signal_)
        build_process.wait(30)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and any(_alive(p) for p in descendants):
            time.sleep(0.2)
        assert not [p for p in descendants if _alive(p)], "processes outlived their build"
    finally:  # whatever failed above, leave no process of this test behind
        for pid in (build_process.pid, *descendants):
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        build_process.wait(30)
    small = tmp_path / "small.jsonl"
    small.write_text(json.dumps({"id": "a", "text": texts[0]}) + "\n", encoding="utf-8")
    assert build([small], store, workers=2).articles == 1  # the next build cleans up after it
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "c.jsonl",
        "s.duckdb",
        "s.duckdb.corpus.json",
        "s.duckdb.lock",
        "small.jsonl",
    ]


@pytest.mark.skipif(not Path("/proc/self/stat").is_file(), reason="reads /proc")
def test_build_ends_workers_a_killed_build_left_and_only_those(tmp_path):
    from newstally.build.lifeline import _start_time, worker_registry

    store = tmp_path / "s.duckdb"
    stuck = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    bystander = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:
        worker_registry(store).write_text(
            f"{stuck.pid} {_start_time(stuck.pid)}\n"
            f"{bystander.pid} 1\n"  # the pid, but another process's start
            "12",
            encoding="ascii",
        )  # cut short by the kill
        build([SAMPLE], store)
        assert stuck.wait(10) == -signal.SIGKILL
        assert bystander.poll() is None
        assert not worker_registry(store).exists()
    finally:
        for process in (stuck, bystander):
            process.kill()
            process.wait()
