"""The corpus-wide speakers table: one row per person or organisation."""
from __future__ import annotations

import time

import numpy as np
import pandas as pd
import pytest

from newstally.contract.schema import columns
from newstally.rules.speakers.merge import speakers


def _mentions(*rows: tuple) -> pd.DataFrame:
    """Mentions from (mention_id, name, type[, role, org, country, aliases, n_statements])."""
    out = []
    for row in rows:
        mention_id, name, speaker_type, *rest = row
        role, org, country, aliases, n = (rest + ["", "", "", [], 1][len(rest):])
        out.append(dict(mention_id=mention_id, article_id=mention_id.split(":")[0], name=name, type=speaker_type,
                        role=role, org=org, country=country, aliases=aliases, n_statements=n))
    return pd.DataFrame(out)


@pytest.mark.parametrize("rows, expected", [
    # a surname joins the one full name that ends with it when its article gives the same role ...
    ([("a:p0", "Nina Berg", "person", "spokeswoman"), ("b:p0", "Berg", "person", "spokeswoman")],
     {"a:p0": "nina-berg", "b:p0": "nina-berg"}),
    # ... or organisation; a bare surname may be anyone of that name, so it stays its own row
    ([("a:p0", "Nina Berg", "person", "", "Foreign Ministry"), ("b:p0", "Berg", "person", "", "Foreign Ministry")],
     {"a:p0": "nina-berg", "b:p0": "nina-berg"}),
    ([("a:p0", "Nina Berg", "person", "spokeswoman"), ("b:p0", "Berg", "person")], {"a:p0": "nina-berg", "b:p0": "berg"}),
    # two people share the surname: the surname alone stays its own row
    ([("a:p0", "Nina Berg", "person"), ("b:p0", "Tom Berg", "person"), ("c:p0", "Berg", "person")],
     {"a:p0": "nina-berg", "b:p0": "tom-berg", "c:p0": "berg"}),
    # case, apostrophes and a leading "the" do not count; an organisation's alias does
    ([("a:p0", "the Kremlin", "organization"), ("b:p0", "Kremlin", "organization")],
     {"a:p0": "kremlin", "b:p0": "kremlin"}),
    ([("a:p0", "UN", "organization"), ("b:p0", "United Nations", "organization")],
     {"a:p0": "united-nations", "b:p0": "united-nations"}),
    ([("a:p0", "the premier’s office", "organization"), ("b:p0", "the premier's office", "organization")],
     {"a:p0": "premier-s-office", "b:p0": "premier-s-office"}),
    # the same name as a person and as an organisation: two rows, unique ids
    ([("a:p0", "Jordan", "person"), ("b:p0", "Jordan", "organization")],
     {"a:p0": "jordan-2", "b:p0": "jordan"}),
])
def test_speakers_merge_by_name(rows, expected):
    table, mapping = speakers(_mentions(*rows))
    assert mapping == expected
    assert sorted(table["speaker_id"]) == sorted(set(expected.values()))


def test_speakers_row_has_the_fullest_name_and_the_rest_as_aliases():
    table, _ = speakers(_mentions(
        ("a:p0", "Nina Berg", "person", "Foreign Ministry spokeswoman", "Foreign Ministry", "Russia", ["Berg"], 3),
        ("b:p0", "Berg", "person", "", "Foreign Ministry", "", [], 2)))
    row = table.iloc[0]
    assert list(table.columns) == columns("speakers")
    assert (row["name"], row["role"], row["country"], row["aliases"]) == (
        "Nina Berg", "Foreign Ministry spokeswoman", "Russia", ["Berg"])
    assert (row["n_statements"], row["n_articles"]) == (5, 2)


def test_speakers_same_output_in_any_row_order():
    mentions = _mentions(("a:p0", "Nina Berg", "person", "spokeswoman"), ("b:p0", "Berg", "person", "minister"),
                         ("c:p0", "Berg", "person", "minister"), ("c:p1", "UN", "organization"),
                         ("d:p0", "the United Nations", "organization"))
    first = speakers(mentions)
    for seed in range(3):
        again = speakers(mentions.sample(frac=1, random_state=seed))
        assert again[1] == first[1]
        pd.testing.assert_frame_equal(again[0], first[0])


def test_speakers_empty_input_gives_an_empty_table():
    table, mapping = speakers(pd.DataFrame(columns=["mention_id", "article_id", "name", "type", "role", "org",
                                                    "country", "aliases", "n_statements"]))
    assert table.empty and list(table.columns) == columns("speakers") and mapping == {}


def test_speakers_scale_to_many_mentions():
    n = 200_000
    rng = np.random.default_rng(0)
    surnames = np.array([f"Name{i}" for i in range(5000)])
    given = np.array(["Ann", "Bo", "Cy"])
    picks = rng.integers(0, len(surnames), n)
    names = np.where(rng.random(n) < 0.3, surnames[picks],
                     np.char.add(np.char.add(given[picks % 3], " "), surnames[picks]))
    mentions = pd.DataFrame({"mention_id": [f"a{i}:p0" for i in range(n)],
                             "article_id": [f"a{i // 4}" for i in range(n)],
                             "name": names, "type": "person", "role": "minister", "org": "", "country": "",
                             "aliases": [[] for _ in range(n)], "n_statements": 1})
    started = time.perf_counter()
    table, mapping = speakers(mentions)
    assert time.perf_counter() - started < 10
    assert len(table) == len(surnames) and len(mapping) == n


def _article_speakers(text: str) -> list[tuple]:
    from newstally.rules.statements.extract import extract_statements

    return [(s.name, s.role, s.org, s.aliases) for s in extract_statements(text)[1]]


@pytest.mark.parametrize("text, expected", [
    # an owner before the name is the organisation ("Al Jazeera", not "Al"); a participle is no role
    ("Al Jazeera’s Lena Park, reporting from Rafah, said the crossing was closed.",
     [("Lena Park", "", "Al Jazeera", ("Al Jazeera’s Lena Park",))]),
    ("Al Jazeera correspondent Lena Park said the crossing was closed.",
     [("Lena Park", "Al Jazeera correspondent", "Al Jazeera", ("Al Jazeera correspondent Lena Park",))]),
    # a title is a role, never an organisation ("Prime", "Defence"); a place's possessive is the country
    ("Israeli Prime Minister Ana Levi said the talks had failed.",
     [("Ana Levi", "Israeli Prime Minister", "", ("Israeli Prime Minister Ana Levi",))]),
    ("Israel’s Defence Minister Ana Levi said the talks had failed.",
     [("Ana Levi", "Defence Minister", "", ("Israel’s Defence Minister Ana Levi",))]),
    ("State Department spokesperson Tom Hale said the talks had failed.",
     [("Tom Hale", "State Department spokesperson", "State Department", ("State Department spokesperson Tom Hale",))]),
    ("UN aid chief Tom Hale said the talks had failed.",
     [("Tom Hale", "UN aid chief", "United Nations", ("UN aid chief Tom Hale",))]),
    # the words before a name that are about something else are no part of the alias
    ("The administration of President Joan Reyes said the talks had failed.",
     [("Joan Reyes", "President", "", ("President Joan Reyes",))]),
    ("Last week President Joan Reyes said the talks had failed.",
     [("Joan Reyes", "President", "", ("President Joan Reyes",))]),
    ("Omar Haddad sent a letter to Secretary of State Joan Reyes. Secretary of State Joan Reyes said the talks "
     "had failed.", [("Joan Reyes", "Secretary of State", "", ("Secretary of State Joan Reyes",))]),
    # a person of an organisation is that person, not the organisation
    ("Omar Haddad of Hamas said the talks had failed.", [("Omar Haddad", "", "Hamas", ())]),
    # an appositive is a role when it describes; not when it adds a circumstance or a name
    ("Hamas, the group that governs the besieged Gaza Strip, said the talks had failed.",
     [("Hamas", "group that governs the besieged Gaza Strip", "Hamas", ())]),
    ("Hamas, with Egypt’s help, said the talks had failed.", [("Hamas", "", "Hamas", ())]),
    ("Hamas, Omar Haddad, said the talks had failed.", [("Hamas", "", "Hamas", ())]),
    # a document speaks for its author; with no author before it, there is no speaker to name
    ("\u201cThe siege must end,\u201d the statement said.", []),
    ("Hamas said the talks had failed. \u201cThe siege must end,\u201d the statement said.",
     [("Hamas", "", "Hamas", ())]),
])
def test_speakers_article_record_keeps_what_the_phrase_says(text, expected):
    assert _article_speakers(text) == expected


@pytest.mark.parametrize("phrase, appositive, expected", [
    ("Palestinian lawyer and analyst Rana Aziz", "", ("Rana Aziz", "Palestinian lawyer and analyst", "")),
    ("Al Jazeera’s senior political analyst Rana Aziz", "", ("Rana Aziz", "senior political analyst", "Al Jazeera")),
    # a portfolio after "Minister of" is no part of the name
    ("Palestinian Minister of Foreign Affairs Rana Aziz", "", ("Rana Aziz", "Palestinian Minister of Foreign Affairs", "")),
    ("US Department of State spokesperson Tom Hale", "",
     ("Tom Hale", "US Department of State spokesperson", "US Department of State")),
    ("Houthi spokesperson Tom Hale", "", ("Tom Hale", "Houthi spokesperson", "Houthis")),
    # a word in capitals is not an acronym that names an organisation
    ("NEW Israeli Defence Minister Tom Hale", "", ("Tom Hale", "NEW Israeli Defence Minister", "")),
    ("Hamas", "the Foreign Ministry spokeswoman", ("Hamas", "Foreign Ministry spokeswoman", "Hamas")),
    ("Hamas", "amid protests against the continuing bombardment", ("Hamas", "", "Hamas")),
    ("Hamas", "and around 240 others taken captive", ("Hamas", "", "Hamas")),
    ("Hamas", "including more than 4", ("Hamas", "", "Hamas")),
    ("Hamas", "among other organisations", ("Hamas", "", "Hamas")),
    ("Hamas", "famine is spreading with incredible speed", ("Hamas", "", "Hamas")),
    ("Hamas", "a researcher with the group that monitors the strip",
     ("Hamas", "researcher with the group that monitors the strip", "Hamas")),
])
def test_speakers_phrase_role_and_organisation(phrase, appositive, expected):
    from newstally.rules.speakers.mentions import parse
    from newstally.rules.speakers.words import TOKEN

    mention = parse(TOKEN.findall(phrase), appositive, phrase)
    assert (mention.name, mention.role, mention.org) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("US President Joan Reyes", True),
    ("Israel’s Joan Reyes", True),
    ("the US president", True),
    ("a spokesperson for the armed group", True),
    ("ambassador to the United Nations", True),
    ("Human rights group Amnesty International", True),
    ("the 41-year-old", True),
    ("Reyes said Norway", False),
    ("The secretary of", False),
    ("Israel demolishes the homes of people", False),
    ("19 percent of residents", False),
    ("letter to Secretary of State Joan Reyes", False),
    ("2011 United Nations", False),
    ("Tensions around Norway", False),
])
def test_speakers_alias_is_a_way_of_naming_the_speaker(phrase, expected):
    from newstally.rules.speakers.naming import names_speaker

    assert names_speaker(phrase) is expected


def _speaker_per_statement(text: str) -> list[str]:
    from newstally.rules.statements.extract import extract_statements

    statements, speakers = extract_statements(text)
    names = {s.key: s.name for s in speakers}
    return [names.get(st.speaker_key, "") for st in statements]


@pytest.mark.parametrize("text, expected", [
    # narration naming no other person of the pronoun's gender keeps the last speaker
    ("Omar Haddad said the talks had failed. Ms Berg was not at the meeting.\n\n“We cannot accept it,” he said.",
     ["Omar Haddad", "Omar Haddad"]),
    ("Omar Haddad said the talks had failed. The weather was cold.\n\n“We cannot accept it,” he said.",
     ["Omar Haddad", "Omar Haddad"]),
    # a his/her after a name that another name stands between says nothing of the first name's gender
    ("Nina Berg, who studies the Kremlin, noted that Sokolov’s stance stems from his view of the West.\n\n"
     "“It will not change,” she said.", ["Nina Berg", "Nina Berg"]),
    # one name with a description, opening a sentence, is a person a later "she" may stand for ...
    ("Omar Haddad said the village was flooded.\n\nWenna, a resident of the coast, was at home when she heard "
     "the water.\n\n“It came so fast,” she said.", ["Omar Haddad", "Wenna"]),
    # no person at all before the pronoun: unresolved
    ("“It came so fast,” she said.", [""]),
])
def test_speakers_pronoun_resolves_to_the_person_of_its_gender(text, expected):
    assert _speaker_per_statement(text) == expected
