"""The corpus-wide speakers table (newstally.rules.speakers.merge): one row per person or organisation."""

from __future__ import annotations

import pandas as pd
import pytest
from hostile import FINISHES_WITHIN, many_mentions, timed

from newstally.contract.schema import columns
from newstally.rules.speakers.merge import speakers


def _mentions(*rows: tuple) -> pd.DataFrame:
    """Mentions from (mention_id, name, type[, role, org, country, aliases, n_statements])."""
    out = []
    for row in rows:
        mention_id, name, speaker_type, *rest = row
        role, org, country, aliases, n = rest + ["", "", "", [], 1][len(rest) :]
        out.append(
            dict(
                mention_id=mention_id,
                article_id=mention_id.split(":")[0],
                name=name,
                type=speaker_type,
                role=role,
                org=org,
                country=country,
                aliases=aliases,
                n_statements=n,
            )
        )
    return pd.DataFrame(out)


@pytest.mark.parametrize(
    "rows, expected",
    [
        # a surname joins the one full name that ends with it when its article gives the same role ...
        (
            [("a:p0", "Nina Berg", "person", "spokeswoman"), ("b:p0", "Berg", "person", "spokeswoman")],
            {"a:p0": "nina-berg", "b:p0": "nina-berg"},
        ),
        # ... or organisation; a bare surname may be anyone of that name, so it stays its own row
        (
            [
                ("a:p0", "Nina Berg", "person", "", "Foreign Ministry"),
                ("b:p0", "Berg", "person", "", "Foreign Ministry"),
            ],
            {"a:p0": "nina-berg", "b:p0": "nina-berg"},
        ),
        (
            [("a:p0", "Nina Berg", "person", "spokeswoman"), ("b:p0", "Berg", "person")],
            {"a:p0": "nina-berg", "b:p0": "berg"},
        ),
        # two people share the surname: the surname alone stays its own row
        (
            [("a:p0", "Nina Berg", "person"), ("b:p0", "Tom Berg", "person"), ("c:p0", "Berg", "person")],
            {"a:p0": "nina-berg", "b:p0": "tom-berg", "c:p0": "berg"},
        ),
        # case, apostrophes and a leading "the" do not count; an organisation's alias does
        (
            [("a:p0", "the Kremlin", "organization"), ("b:p0", "Kremlin", "organization")],
            {"a:p0": "kremlin", "b:p0": "kremlin"},
        ),
        (
            [("a:p0", "UN", "organization"), ("b:p0", "United Nations", "organization")],
            {"a:p0": "united-nations", "b:p0": "united-nations"},
        ),
        (
            [("a:p0", "the premier’s office", "organization"), ("b:p0", "the premier's office", "organization")],
            {"a:p0": "premier-s-office", "b:p0": "premier-s-office"},
        ),
        # a place's name given to a person is a surname, not the country: two rows, unique ids
        ([("a:p0", "Jordan", "person"), ("b:p0", "Jordan", "organization")], {"a:p0": "jordan-2", "b:p0": "jordan"}),
        # any other name is one speaker, whichever type an article took it for
        (
            [("a:p0", "Lena Park", "person"), ("b:p0", "Lena Park", "organization"), ("c:p0", "Lena Park", "person")],
            {"a:p0": "lena-park", "b:p0": "lena-park", "c:p0": "lena-park"},
        ),
        (
            [("a:p0", "Norfrakt", "person", "shipping company"), ("b:p0", "Norfrakt", "organization")],
            {"a:p0": "norfrakt", "b:p0": "norfrakt"},
        ),
        # the spellings of one ministry meet: possessive, "Ministry of X in P", "P Ministry of X"
        (
            [
                ("a:p0", "Vandor's health ministry", "organization"),
                ("b:p0", "Ministry of Health in Vandor", "organization"),
                ("c:p0", "Vandor Ministry of Health", "organization"),
                ("d:p0", "Vandor Health Ministry", "organization"),
            ],
            {
                "a:p0": "vandor-health-ministry",
                "b:p0": "vandor-health-ministry",
                "c:p0": "vandor-health-ministry",
                "d:p0": "vandor-health-ministry",
            },
        ),
        # a particle or a hyphen inside a name is one spelling; the row shows a full name, not the surname
        (
            [("a:p0", "Lina al-Amir", "person"), ("b:p0", "Lina Amir", "person"), ("c:p0", "Lina al Amir", "person")],
            {"a:p0": "lina-amir", "b:p0": "lina-amir", "c:p0": "lina-amir"},
        ),
        # a country's initials are the country ...
        (
            [
                ("a:p0", "US", "organization"),
                ("b:p0", "United States", "organization"),
                ("c:p0", "the U.S.", "organization"),
                ("d:p0", "UAE", "organization"),
                ("e:p0", "United Arab Emirates", "organization"),
            ],
            {
                "a:p0": "united-states",
                "b:p0": "united-states",
                "c:p0": "united-states",
                "d:p0": "united-arab-emirates",
                "e:p0": "united-arab-emirates",
            },
        ),
        # ... but initials that name no country, and a country's capital, stay themselves
        (
            [("a:p0", "UN", "organization"), ("b:p0", "NGO", "organization"), ("c:p0", "Washington", "organization")],
            {"a:p0": "united-nations", "b:p0": "ngo", "c:p0": "washington"},
        ),
        # but two ministries stay two
        (
            [
                ("a:p0", "Ministry of Health in Vandor", "organization"),
                ("b:p0", "Vandor Foreign Ministry", "organization"),
            ],
            {"a:p0": "ministry-of-health-in-vandor", "b:p0": "vandor-foreign-ministry"},
        ),
    ],
)
def test_merge_by_name(rows, expected):
    table, mapping = speakers(_mentions(*rows))
    assert mapping == expected
    assert sorted(table["speaker_id"]) == sorted(set(expected.values()))


@pytest.mark.parametrize(
    "rows, expected",
    [
        # a reporter and an office holder of one name are two people, told apart by their labels
        (
            [
                ("a:p0", "Sam Reed", "person", "", "Vandor Radio"),
                ("b:p0", "Sam Reed", "person", "correspondent", "Vandor Radio"),
                ("c:p0", "Sam Reed", "person", "Prime Minister", "", "Norway"),
            ],
            {"a:p0": "sam-reed", "b:p0": "sam-reed", "c:p0": "sam-reed-2"},
        ),
        # one person with several roles is one row
        (
            [
                ("a:p0", "Sam Reed", "person", "Prime Minister"),
                ("b:p0", "Sam Reed", "person", "opposition leader"),
                ("c:p0", "Sam Reed", "person", "Foreign Ministry spokesman", "Foreign Ministry"),
            ],
            {"a:p0": "sam-reed", "b:p0": "sam-reed", "c:p0": "sam-reed"},
        ),
    ],
)
def test_merge_two_people_of_one_name(rows, expected):
    from newstally.read.queries.choices import labelled

    table, mapping = speakers(_mentions(*rows))
    assert mapping == expected
    labels = labelled(table)["label"]
    assert labels.nunique() == len(table)


@pytest.mark.parametrize(
    "rows, expected",
    [
        # a first name alone, in three articles, is three people ...
        (
            [
                ("a:p0", "Rami", "person", "resident"),
                ("a:p1", "Rami", "person", "resident"),
                ("b:p0", "Rami", "person", "father of three"),
                ("c:p0", "Rami", "person"),
                ("d:p0", "Rami Haddad", "person"),  # the corpus uses Rami as a first name
            ],
            {"a:p0": "rami", "a:p1": "rami", "b:p0": "rami-2", "c:p0": "rami-3", "d:p0": "rami-haddad"},
        ),
        # ... unless the articles name the same office, title or organisation for it
        (
            [
                ("a:p0", "Benedo", "person", "Pope"),
                ("b:p0", "Benedo", "person", "Pope"),
                ("c:p0", "Benedo", "person", "shopkeeper"),
                ("d:p0", "Benedo Sarto", "person"),
            ],
            {"a:p0": "benedo", "b:p0": "benedo", "c:p0": "benedo-2", "d:p0": "benedo-sarto"},
        ),
        (
            [
                ("a:p0", "Lin", "person", "spokesperson", "Vandor Foreign Ministry"),
                ("b:p0", "Lin", "person", "", "Vandor Foreign Ministry"),
            ],
            {"a:p0": "lin", "b:p0": "lin"},
        ),
        # a word no full name starts (a newspaper, a town) stays one speaker
        (
            [("a:p0", "Vandorpost", "person"), ("b:p0", "Vandorpost", "person", "newspaper")],
            {"a:p0": "vandorpost", "b:p0": "vandorpost"},
        ),
        # a surname (it ends the corpus's full names) is one person, as before
        (
            [
                ("a:p0", "Berghof", "person"),
                ("b:p0", "Berghof", "person", "minister"),
                ("c:p0", "Anna Berghof", "person", "opposition leader"),
                ("d:p0", "Rami Berghof", "person"),
            ],
            {"a:p0": "berghof", "b:p0": "berghof", "c:p0": "anna-berghof", "d:p0": "rami-berghof"},
        ),
        # an organisation taken for a person, and initials, stay one speaker
        (
            [
                ("a:p0", "Vandorwatch", "person", "Vandorian rights group"),
                ("b:p0", "Vandorwatch", "person", "rights group"),
                ("c:p0", "VHRO", "person"),
                ("d:p0", "VHRO", "person"),
            ],
            {"a:p0": "vandorwatch", "b:p0": "vandorwatch", "c:p0": "vhro", "d:p0": "vhro"},
        ),
    ],
)
def test_merge_one_name_people_by_article(rows, expected):
    from newstally.read.queries.choices import labelled

    table, mapping = speakers(_mentions(*rows))
    assert mapping == expected
    assert labelled(table)["label"].nunique() == len(table)


@pytest.mark.parametrize(
    "row, kind",
    [
        (("a:p0", "VHRO", "person"), "organization"),  # initials
        (("a:p0", "Vandorwatch", "person", "Vandorian rights group"), "organization"),
        (("a:p0", "Vandorwatch", "person", "grassroots movement"), "organization"),
        (("a:p0", "Ann Lee", "person", "director of a rights group"), "person"),
        (("a:p0", "Ann Lee", "person", "Vandor Council"), "person"),  # the body she works for
        (("a:p0", "Ann Lee", "person", "police"), "person"),
        (("a:p0", "Vandor Radio", "organization"), "organization"),
    ],
)
def test_merge_type_of_a_row(row, kind):
    table, _ = speakers(_mentions(row))
    assert list(table["type"]) == [kind]


def test_merge_row_has_the_fullest_name_and_the_rest_as_aliases():
    table, _ = speakers(
        _mentions(
            ("a:p0", "Nina Berg", "person", "Foreign Ministry spokeswoman", "Foreign Ministry", "Russia", ["Berg"], 3),
            ("b:p0", "Berg", "person", "", "Foreign Ministry", "", [], 2),
        )
    )
    row = table.iloc[0]
    assert list(table.columns) == columns("speakers")
    assert (row["name"], row["role"], row["country"], row["aliases"]) == (
        "Nina Berg",
        "Foreign Ministry spokeswoman",
        "Russia",
        ["Berg"],
    )
    assert (row["n_statements"], row["n_articles"]) == (5, 2)


def test_merge_same_output_in_any_row_order():
    mentions = _mentions(
        ("a:p0", "Nina Berg", "person", "spokeswoman"),
        ("b:p0", "Berg", "person", "minister"),
        ("c:p0", "Berg", "person", "minister"),
        ("c:p1", "UN", "organization"),
        ("d:p0", "the United Nations", "organization"),
    )
    first = speakers(mentions)
    for seed in range(3):
        again = speakers(mentions.sample(frac=1, random_state=seed))
        assert again[1] == first[1]
        pd.testing.assert_frame_equal(again[0], first[0])


def test_merge_empty_input_gives_an_empty_table():
    table, mapping = speakers(
        pd.DataFrame(
            columns=["mention_id", "article_id", "name", "type", "role", "org", "country", "aliases", "n_statements"]
        )
    )
    assert table.empty and list(table.columns) == columns("speakers") and mapping == {}


def test_merge_of_many_mentions_finishes():
    mentions = many_mentions(200_000, surnames=5000)
    (table, mapping), took = timed(speakers, mentions)
    assert took < FINISHES_WITHIN
    assert len(table) == 5000 and len(mapping) == 200_000  # every surname joins its one full name


def test_merge_an_attribute_one_article_lent_an_organisation_is_not_shown():
    # one appositive in forty ("the Vandor Council, a food charity") says more of another organisation
    rows = [(f"a{i}:p0", "Vandor Council", "organization") for i in range(39)]
    rows += [("b:p0", "Vandor Council", "organization", "food charity", "", "Norway")]
    rows += [("c:p0", "Nina Berg", "person", "spokeswoman"), ("d:p0", "Nina Berg", "person")]
    table, _ = speakers(_mentions(*rows))
    council = table.set_index("name").loc["Vandor Council"]
    assert (council["role"], council["country"]) == ("", "")
    assert table.set_index("name").loc["Nina Berg", "role"] == "spokeswoman"
