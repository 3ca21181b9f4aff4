"""Short made-up articles in, speaker rows out: what a user filtering by speaker sees.

Each article is extracted (with its parse, as a build does), its named speakers are merged across the articles
(``newstally.rules.speakers.merge``) as a build does, and the statements' speakers are compared:
a row's name, or ``~description`` for an unnamed source (a statement that keeps the description
and joins no row).
"""

from __future__ import annotations

import pandas as pd
import pytest

from newstally.rules import sentences_to_parse
from newstally.rules.speakers.merge import speakers
from newstally.rules.statements.extract import extract_statements
from newstally.rules.syntax import Syntax


def _rows(*texts: str) -> tuple[list[list[str]], pd.DataFrame]:
    """Per article, the speaker of each statement (a row's name, or "~description"); and the rows."""
    mentions, per_article = [], []
    for n, text in enumerate(texts):
        statements, found = extract_statements(text, Syntax(text, sentences_to_parse(text)))
        counts = pd.Series([s.speaker_key for s in statements]).value_counts().to_dict()
        mentions += [
            dict(
                mention_id=f"a{n}:{sp.key}",
                article_id=f"a{n}",
                name=sp.name,
                type=sp.type,
                role=sp.role,
                org=sp.org,
                country=sp.country,
                aliases=list(sp.aliases),
                n_statements=counts.get(sp.key, 0),
            )
            for sp in found
            if sp.named
        ]
        per_article.append((statements, {sp.key: sp for sp in found}))
    table, speaker_of = speakers(pd.DataFrame(mentions))
    names = dict(zip(table["speaker_id"], table["name"]))
    out = []
    for n, (statements, found) in enumerate(per_article):
        row = []
        for st in statements:
            sp = found.get(st.speaker_key)
            row.append("" if sp is None else f"~{sp.name}" if not sp.named else names[speaker_of[f"a{n}:{sp.key}"]])
        out.append(row)
    return out, table


@pytest.mark.parametrize(
    "texts, expected",
    [
        # a surname, a shortened name or a surname with a suffix joins the full name in its article, whichever comes first
        (
            ["Arab League chief Samir Abdel Nour said the talks failed. Abdel Nour added that nobody came."],
            [["Samir Abdel Nour", "Samir Abdel Nour"]],
        ),
        (
            ["Abdel Nour said the talks failed. Later, Samir Abdel Nour said that nobody came."],
            [["Samir Abdel Nour", "Samir Abdel Nour"]],
        ),
        (
            ["Lawyer Tom Rivers KC said the case was strong. Rivers KC added that the court would hear it."],
            [["Tom Rivers KC", "Tom Rivers KC"]],
        ),
        # a particle opening a sentence is capitalised; an accent or its absence is one spelling
        (
            ["Reporter Lina al-Amir said the road was closed.\nAl-Amir added that the shelling went on."],
            [["Lina al-Amir", "Lina al-Amir"]],
        ),
        (
            ["Envoy António Vale said the talks failed. Antonio Vale said that nobody came."],
            [["António Vale", "António Vale"]],
        ),
        # a timestamp closing the line before is no given name
        (
            ["21 May 2021 - 00:14 GMT\nNina Berg said the road was closed.\n“It is over,” Berg said."],
            [["Nina Berg", "Nina Berg"]],
        ),
        # a shorter spelling that the article's text also writes is still that speaker
        (
            [
                "“We left,” said Lina Abu Amir, a teacher.\n“It is over,” Amir told reporters.\n“We stay,” said Abu Amir."
            ],
            [["Lina Abu Amir", "Lina Abu Amir", "Lina Abu Amir"]],
        ),
        (
            ["Minister Tom Ben-Gal said the talks failed. National Security Tom Ben-Gal said the road was closed."],
            [["Tom Ben-Gal", "Tom Ben-Gal"]],
        ),
        (
            ["National Security Tom Ben-Gal said the road was closed. Tom Ben-Gal said the talks failed."],
            [["Tom Ben-Gal", "Tom Ben-Gal"]],
        ),
        # words cut off from a title, or an age, are no part of the name
        (
            [
                "UN High Commissioner for human rights Volka Turan said the talks failed. Human Rights Volka Turan said "
                "the war was over."
            ],
            [["Volka Turan", "Volka Turan"]],
        ),
        (
            ["Seventy-year-old Ola Berg said the road was closed. Berg added that it was over."],
            [["Ola Berg", "Ola Berg"]],
        ),
        # the owner of what is said is its speaker
        (["Nina Berg said the talks failed. Berg’s aide said they would resume."], [["Nina Berg", "~Berg’s aide"]]),
        # "Berg’s call for calm" is a noun, not a statement
        (["Nina Berg said the talks failed. Berg’s call for calm went unheard."], [["Nina Berg"]]),
        # two people share the surname: the surname alone joins neither
        (["Ann Kerr met Tom Kerr on Monday. Kerr said the talks failed."], [["Kerr"]]),
    ],
)
def test_speaker_rows_one_row_per_person_in_an_article(texts, expected):
    assert _rows(*texts)[0] == expected


@pytest.mark.parametrize(
    "texts, expected",
    [
        # a generic description is the organisation the article names ...
        (
            ["The Health Ministry in Vandor said 30 people were killed. The ministry said the toll would rise."],
            [["Health Ministry in Vandor", "Health Ministry in Vandor"]],
        ),
        (["Israeli forces raided the camp. The army said it had arrested 20 people."], [["Israeli army"]]),
        (["The Norwegian police closed the road. Police said the road was closed."], [["Norwegian police"]]),
        # ... and keeps the description, joining no row, when the article names none
        (["The ministry said the toll would rise."], [["~ministry"]]),
        (["Officials said the road was closed."], [["~Officials"]]),
        (["Witnesses said the road was closed."], [["~Witnesses"]]),
        (
            ["Norwegians said the vote was fair.", "Residents said the road was closed."],
            [["~Norwegians"], ["~Residents"]],
        ),
        (["A Norwegian, a resident of the camp, said the road was closed."], [["~Norwegian"]]),
        # a capital stands for its government, a name of its own
        (["Oslo said the talks failed."], [["Oslo"]]),
        # a description of a named person is that person
        (
            ["Foreign Ministry spokeswoman Nina Berg said the talks failed. The spokeswoman noted that nobody came."],
            [["Nina Berg", "Nina Berg"]],
        ),
    ],
)
def test_speaker_rows_descriptions_name_someone_or_stay_descriptions(texts, expected):
    assert _rows(*texts)[0] == expected


def test_speaker_rows_a_generic_organisation_takes_the_named_ones_attributes():
    _, table = _rows("The Norwegian police closed the road. Police said the road was closed.")
    assert table[["name", "type", "org", "country"]].values.tolist() == [
        ["Norwegian police", "organization", "Norwegian police", "Norway"]
    ]


def test_speaker_rows_one_row_per_name_whatever_an_article_typed_it():
    texts = [
        "Lena Park said the talks failed. “We will return,” it said.",
        "Lena Park said nobody came.",
        "Lena Park said she would stay.",
    ]
    found, table = _rows(*texts)
    assert found == [["Lena Park", "Lena Park"], ["Lena Park"], ["Lena Park"]]
    assert list(table["name"]) == ["Lena Park"] and list(table["type"]) == ["person"]


def test_speaker_rows_an_organisation_is_one_row_across_its_spellings():
    texts = [
        "The Ministry of Health in Vandor said 30 people were killed.",
        "Vandor's health ministry said 12 people were killed.",
        "The Vandor Health Ministry said 5 people were injured.",
    ]
    found, table = _rows(*texts)
    assert len(set(sum(found, []))) == 1 and len(table) == 1


@pytest.mark.parametrize(
    "text, expected_rows, expected_roles",
    [
        # "I" in narration is the writer, whom the article does not name: no speaker row
        ("I urged the council to act, and I said the vote was a mistake.", set(), {}),
        ("Tom Reyes said the vote failed. “I said it would,” he added.", {"Tom Reyes"}, {"Tom Reyes": ""}),
        # an abbreviation in brackets is no role; a role keeps its brackets as written
        ("Harbour Watch (HW) said the port was shut.", {"Harbour Watch"}, {"Harbour Watch": ""}),
        (
            "Ivo Lind, director of the Coastal Relief Agency (CRA) in the north, said aid stopped.",
            {"Ivo Lind"},
            {"Ivo Lind": "director of the Coastal Relief Agency (CRA) in the north"},
        ),
    ],
)
def test_speaker_rows_name_no_pronoun_and_read_as_written(text, expected_rows, expected_roles):
    _, table = _rows(text)
    assert set(table["name"]) == expected_rows
    assert dict(zip(table["name"], table["role"])) == expected_roles
