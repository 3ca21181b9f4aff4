"""newstally audit-speakers (newstally.read.speaker_audit) and the unnamed sources a store keeps:
a small made-up corpus built as a user would, then audited and filtered."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from newstally.cli import main
from newstally.read.filters import UNNAMED, Filters
from newstally.read.queries.choices import labelled, speaker_ids, unnamed_statements
from newstally.read.queries.speakers import speaker_list, unnamed_sources
from newstally.read.queries.statements import statement_list
from newstally.read.speaker_audit import AuditWords, audit_speakers, names_no_one

ARTICLES = {
    "a1": "Foreign Minister Nina Berg said the talks had failed. Berg added that nobody came.",
    "a2": "Officials said the road was closed. Nina Berg said the border would reopen.",
    "a3": "A source close to the group said the talks had failed. The ministry said 30 people were hurt.",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from newstally.build.pipeline import build

    folder = tmp_path_factory.mktemp("corpus")
    for name, text in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    path = folder.parent / "audit.duckdb"
    build([folder], path)
    return path


@pytest.fixture(scope="module")
def con(store):
    connection = duckdb.connect(str(store), read_only=True)
    yield connection
    connection.close()


def test_speaker_audit_unnamed_sources_keep_their_description_and_no_row(con):
    rows = con.execute("SELECT speaker, speaker_id, unnamed FROM statements ORDER BY statement_id").fetchall()
    unnamed = {speaker for speaker, speaker_id, flag in rows if flag}
    assert unnamed == {"Officials", "A source close to the group", "ministry"}
    assert all(speaker_id is None for speaker, speaker_id, flag in rows if flag)
    assert con.execute("SELECT list(name) FROM speakers").fetchall()[0][0] == ["Nina Berg"]


def test_speaker_audit_figures(con):
    audit = audit_speakers(con, AuditWords())
    assert (audit.speakers, audit.named, audit.unnamed, audit.unattributed) == (1, 3, 3, 0)
    assert audit.shared == () and audit.split_articles == 0 and audit.no_one == ()
    assert "by an unnamed source (no row)              3" in audit.table()


@pytest.mark.parametrize(
    "name, speaker_type, expected",
    [
        ("the group", "organization", "lower-case description"),
        ("his father", "person", "lower-case description"),
        ("Vandor's", "organization", "possessive"),
        ("Witnesses", "person", "a common noun"),
        ("Norwegian", "organization", "a nationality"),
        ("Norwegian officials", "person", "a description of people"),
        ("Oslo", "person", "a place as a person"),
        # names: a person, a named organisation, a country, an organisation whose name looks plural
        ("Nina Berg", "person", ""),
        ("Norwegian army", "organization", ""),
        ("Oslo", "organization", ""),
        ("Vandorites", "organization", ""),
    ],
)
def test_speaker_audit_rows_that_name_no_one(name, speaker_type, expected):
    words = AuditWords(
        places=frozenset({"oslo", "norway"}),
        adjectives=frozenset({"norwegian"}),
        person_nouns=frozenset({"officials"}),
        organisations=frozenset({"vandorites"}),
    )
    assert names_no_one(name, speaker_type, words, frozenset({"witnesses", "officials", "army"})) == expected


def test_speaker_audit_command_prints_the_figures(store, capsys):
    assert main(["audit-speakers", "--store", str(store)]) == 0
    out = capsys.readouterr().out
    assert "names held by several rows" in out and "top 1 rows that name no one" in out


def test_speaker_audit_unnamed_sources_are_a_filter_choice(con):
    assert unnamed_statements(con) == 3
    listed, total = statement_list(con, Filters(speakers=(UNNAMED,)))
    assert total == 3 and set(listed["speaker"]) == {"Officials", "A source close to the group", "ministry"}
    both, total = statement_list(con, Filters(speakers=(UNNAMED, "nina-berg")))
    assert total == 6
    assert list(speaker_list(con, Filters())["speaker_id"]) == ["nina-berg"]
    sources, total = unnamed_sources(con, Filters())
    assert sorted(sources["description"]) == ["A source close to the group", "Officials", "ministry"]
    assert total == 3 and unnamed_sources(con, Filters(), limit=1)[1] == 3


def test_speaker_audit_labels_of_namesakes_nothing_else_tells_apart_carry_their_id():
    frame = pd.DataFrame(
        {
            "speaker_id": ["rami", "rami-2", "rami-3", "rami-4"],
            "name": ["Rami", "Rami", "Rami", "Rami"],
            "role": ["resident", "resident", "", "father"],
            "org": ["", "", "", ""],
            "country": ["", "", "", ""],
        }
    )
    assert list(labelled(frame)["label"]) == [
        "Rami (resident; rami)",
        "Rami (resident; rami-2)",
        "Rami",
        "Rami (father)",
    ]


def test_speaker_audit_labels_tell_two_people_of_one_name_apart(con):
    frame = pd.DataFrame(
        {
            "speaker_id": ["sam-reed", "sam-reed-2", "ola-berg"],
            "name": ["Sam Reed", "Sam Reed", "Ola Berg"],
            "role": ["correspondent", "Prime Minister", "minister"],
            "org": ["Vandor Radio", "", ""],
            "country": ["", "Norway", ""],
        }
    )
    assert list(labelled(frame)["label"]) == [
        "Sam Reed (correspondent, Vandor Radio)",
        "Sam Reed (Prime Minister, Norway)",
        "Ola Berg",
    ]
    assert speaker_ids(con, ("Nina Berg (Foreign Minister)", "nina berg")) == {
        "Nina Berg (Foreign Minister)": "nina-berg",
        "nina berg": "nina-berg",
    }
