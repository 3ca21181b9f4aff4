"""The extractor version: it names everything extraction reads, so a rebuild re-extracts when
any of it changes, a user's lexicon word included."""

from __future__ import annotations

import os
import subprocess
import sys

import duckdb
import pytest

from newstally import rules
from newstally.rules import extractor_version, lexicon

ARTICLE = "Omar Haddad opined that the talks had failed.\n"
OPINED = "opined\topine\tsay\n"  # a cue verb the bundled cue_verbs.tsv does not have


@pytest.fixture
def user_lexicon(tmp_path, monkeypatch):
    """A user lexicon folder (empty at first) in force for this test only."""
    folder = tmp_path / "lexicon"
    folder.mkdir()
    monkeypatch.setenv(lexicon.USER_FOLDER, str(folder))
    _forget()
    yield folder
    monkeypatch.delenv(lexicon.USER_FOLDER)
    _forget()


def _forget() -> None:
    lexicon.reset()
    extractor_version.cache_clear()


def test_version_changes_when_a_user_adds_a_word(user_lexicon):
    bundled_only = extractor_version()
    (user_lexicon / "cue_verbs.tsv").write_text("form\tlemma\tframe\n" + OPINED, encoding="utf-8")
    _forget()
    assert extractor_version() != bundled_only
    assert ("user", "cue_verbs.tsv") in lexicon._read


def test_version_ignores_a_user_file_no_rule_reads(user_lexicon):
    bundled_only = extractor_version()
    (user_lexicon / "notes.txt").write_text("not a lexicon\n", encoding="utf-8")
    _forget()
    assert extractor_version() == bundled_only


def test_version_covers_every_rules_module_but_the_merge():
    modules = {p for p in rules.HERE.rglob("*.py") if "__pycache__" not in p.parts}
    assert modules - set(rules._rule_files()) == {rules.MERGE}


def _build(corpus, store, folder) -> str:
    env = {**os.environ, lexicon.USER_FOLDER: str(folder)}
    done = subprocess.run(
        [sys.executable, "-m", "newstally.cli", "build", str(corpus), "--store", str(store)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_version_a_rebuild_extracts_again_with_the_users_new_cue_verb(tmp_path):
    corpus, folder, store = tmp_path / "corpus", tmp_path / "lexicon", tmp_path / "store.duckdb"
    corpus.mkdir()
    folder.mkdir()
    (corpus / "a1.txt").write_text(ARTICLE, encoding="utf-8")
    assert "(1 extracted, 0 unchanged)" in _build(corpus, store, folder)
    assert "(0 extracted, 1 unchanged)" in _build(corpus, store, folder)
    (folder / "cue_verbs.tsv").write_text("form\tlemma\tframe\n" + OPINED, encoding="utf-8")
    assert "(1 extracted, 0 unchanged)" in _build(corpus, store, folder)
    with duckdb.connect(str(store), read_only=True) as con:
        assert con.execute("SELECT cue, speaker FROM statements").fetchall() == [("opined", "Omar Haddad")]


def test_version_a_user_lexicon_file_without_the_newer_columns_still_loads(user_lexicon):
    # a gender_words.tsv written before the form column: its words tell a gender, none is a pronoun
    (user_lexicon / "gender_words.tsv").write_text("word\tgender\nabbess\tf\n", encoding="utf-8")
    _forget()
    from newstally.rules.speakers import words

    words.lex.cache_clear()
    try:
        assert words.lex().genders["abbess"] == "f" and "abbess" not in words.lex().gendered
    finally:
        words.lex.cache_clear()
