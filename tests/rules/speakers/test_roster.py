"""The speakers of one article (newstally.rules.speakers.roster): surnames, pronouns and descriptions
joined to the fullest name the article gives, or left apart when that is not certain."""

from __future__ import annotations

import pytest
from extracted import speaker_named, statements_found


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Foreign Ministry spokeswoman Nina Berg said the talks failed. The spokeswoman noted that nobody came.",
            "Nina Berg",
        ),
        ("Nina Berg said the talks failed. She added that nobody came.", "Nina Berg"),
        ("Nina Berg said the talks failed. Berg added that nobody came.", "Nina Berg"),
    ],
)
def test_roster_descriptions_pronouns_and_surnames_resolve_to_the_full_name(text, name):
    assert [speaker for _, _, speaker in statements_found(text)] == [name, name]


def test_roster_speaker_keeps_role_organisation_and_country():
    speaker = speaker_named("Kremlin spokesman Ivan Sokolov said the talks failed.", "Ivan Sokolov")
    assert (speaker.type, speaker.role, speaker.org, speaker.country) == (
        "person",
        "Kremlin spokesman",
        "Kremlin",
        "Russia",
    )
    assert (
        speaker_named(
            "Israeli army officials said the road was closed. The Israeli army said it had opened the road.",
            "Israeli army",
        ).country
        == "Israel"
    )


def test_roster_a_surname_two_people_share_joins_neither():
    text = "Ann Kerr met Tom Kerr on Monday. Kerr said the talks failed."
    assert statements_found(text) == [("the talks failed", "indirect", "Kerr")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a month after a given name is a surname, though "may" is also a modal verb
        ("Green Party leader Nina May said the plan was flawed.", [("the plan was flawed", "indirect", "Nina May")]),
        ("“It is flawed,” said Omar June.", [("It is flawed,", "direct", "Omar June")]),
        # and still a month or a verb everywhere else
        ("The talks ended in May, the minister said.", [("The talks ended in May", "indirect", "minister")]),
        ("In May, Nina Berg said the plan was flawed.", [("the plan was flawed", "indirect", "Nina Berg")]),
        ("Officials said they may leave in May.", [("they may leave in May", "indirect", "Officials")]),
        ("Nina Berg may say the plan failed.", []),
    ],
)
def test_roster_a_month_after_a_given_name_is_a_surname(text, expected):
    assert statements_found(text) == expected


def _article_speakers(text: str) -> list[tuple]:
    from newstally.rules.statements.extract import extract_statements

    return [(s.name, s.role, s.org, s.aliases) for s in extract_statements(text)[1]]


@pytest.mark.parametrize(
    "text, expected",
    [
        # an owner before the name is the organisation ("Al Jazeera", not "Al"); a participle is no role
        (
            "Al Jazeera’s Lena Park, reporting from Rafah, said the crossing was closed.",
            [("Lena Park", "", "Al Jazeera", ("Al Jazeera’s Lena Park",))],
        ),
        (
            "Al Jazeera correspondent Lena Park said the crossing was closed.",
            [("Lena Park", "Al Jazeera correspondent", "Al Jazeera", ("Al Jazeera correspondent Lena Park",))],
        ),
        # a title is a role, never an organisation ("Prime", "Defence"); a place's possessive is the country
        (
            "Israeli Prime Minister Ana Levi said the talks had failed.",
            [("Ana Levi", "Israeli Prime Minister", "", ("Israeli Prime Minister Ana Levi",))],
        ),
        (
            "Israel’s Defence Minister Ana Levi said the talks had failed.",
            [("Ana Levi", "Defence Minister", "", ("Israel’s Defence Minister Ana Levi",))],
        ),
        (
            "State Department spokesperson Tom Hale said the talks had failed.",
            [
                (
                    "Tom Hale",
                    "State Department spokesperson",
                    "State Department",
                    ("State Department spokesperson Tom Hale",),
                )
            ],
        ),
        (
            "UN aid chief Tom Hale said the talks had failed.",
            [("Tom Hale", "UN aid chief", "United Nations", ("UN aid chief Tom Hale",))],
        ),
        # the words before a name that are about something else are no part of the alias
        (
            "The administration of President Joan Reyes said the talks had failed.",
            [("Joan Reyes", "President", "", ("President Joan Reyes",))],
        ),
        (
            "Last week President Joan Reyes said the talks had failed.",
            [("Joan Reyes", "President", "", ("President Joan Reyes",))],
        ),
        (
            "Omar Haddad sent a letter to Secretary of State Joan Reyes. Secretary of State Joan Reyes said the talks "
            "had failed.",
            [("Joan Reyes", "Secretary of State", "", ("Secretary of State Joan Reyes",))],
        ),
        # a person of an organisation is that person, not the organisation
        ("Omar Haddad of Hamas said the talks had failed.", [("Omar Haddad", "", "Hamas", ())]),
        # an appositive is a role when it describes; not when it adds a circumstance or a name
        (
            "Hamas, the group that governs the besieged Gaza Strip, said the talks had failed.",
            [("Hamas", "group that governs the besieged Gaza Strip", "Hamas", ())],
        ),
        ("Hamas, with Egypt’s help, said the talks had failed.", [("Hamas", "", "Hamas", ())]),
        ("Hamas, Omar Haddad, said the talks had failed.", [("Hamas", "", "Hamas", ())]),
        # a document speaks for its author; with no author before it, there is no speaker to name
        ("\u201cThe siege must end,\u201d the statement said.", []),
        (
            "Hamas said the talks had failed. \u201cThe siege must end,\u201d the statement said.",
            [("Hamas", "", "Hamas", ())],
        ),
    ],
)
def test_roster_article_record_keeps_what_the_phrase_says(text, expected):
    assert _article_speakers(text) == expected


def _speaker_per_statement(text: str) -> list[str]:
    from newstally.rules.statements.extract import extract_statements

    statements, speakers = extract_statements(text)
    names = {s.key: s.name for s in speakers}
    return [names.get(st.speaker_key, "") for st in statements]


@pytest.mark.parametrize(
    "text, expected",
    [
        # narration naming no other person of the pronoun's gender keeps the last speaker
        (
            "Omar Haddad said the talks had failed. Ms Berg was not at the meeting.\n\n“We cannot accept it,” he said.",
            ["Omar Haddad", "Omar Haddad"],
        ),
        (
            "Omar Haddad said the talks had failed. The weather was cold.\n\n“We cannot accept it,” he said.",
            ["Omar Haddad", "Omar Haddad"],
        ),
        # a his/her after a name that another name stands between says nothing of the first name's gender
        (
            "Nina Berg, who studies the Kremlin, noted that Sokolov’s stance stems from his view of the West.\n\n"
            "“It will not change,” she said.",
            ["Nina Berg", "Nina Berg"],
        ),
        # one name with a description, opening a sentence, is a person a later "she" may stand for ...
        (
            "Omar Haddad said the village was flooded.\n\nWenna, a resident of the coast, was at home when she heard "
            "the water.\n\n“It came so fast,” she said.",
            ["Omar Haddad", "Wenna"],
        ),
        # no person at all before the pronoun: unresolved
        ("“It came so fast,” she said.", [""]),
    ],
)
def test_roster_pronoun_resolves_to_the_person_of_its_gender(text, expected):
    assert _speaker_per_statement(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a definite phrase of plain adjectives describes the person just named again
        (
            "Ola Strand, the founder of Naftex, said sales were up. “I know no carmaker that makes money,”"
            " the lanky, bespectacled professor said.",
            "Ola Strand",
        ),
        ("Ola Strand said sales were up. “Nobody makes money,” the soft-spoken engineer said.", "Ola Strand"),
        # a word that says which role, body or country: a kind of speaker, not the person just named
        ("Ola Strand said sales were up. “Nobody makes money,” the army spokesman said.", "army spokesman"),
        ("Ola Strand said sales were up. “Nobody makes money,” the health official said.", "health official"),
        ("Ola Strand said sales were up. “Nobody makes money,” the Norwegian official said.", "Norwegian official"),
        ("Ola Strand said sales were up. “Nobody makes money,” the spokeswoman said.", "spokeswoman"),
        # the sentence before opened with no person: the epithet may describe anyone
        (
            "Ola Strand said sales were up. The shop's minimum order is small. “One!” the affable owner says.",
            "affable owner",
        ),
        # a thing is no person ("the brief statement said" is its author's, not the person's before)
        ("Ola Strand said sales were up. “No,” the royal palace said.", "royal palace"),
        # a phrase in apposition to a name describes that name, not the person before
        (
            "Ola Strand won the belt. Nunez, the ferocious brawler, also won. “I am ready,” the ferocious brawler said.",
            "ferocious brawler",
        ),
        # a head of the other gender is someone else
        ("Ola Strand said he was sure. “Nobody makes money,” the young woman said.", "young woman"),
    ],
)
def test_roster_an_epithet_is_the_person_just_named(text, expected):
    assert statements_found(text)[-1][2] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a name an organisation noun introduces is the organisation: "it" refers to it
        (
            "Ukraine’s energy company Naftex warned that a missile came close. It said the missile flew low.",
            ["Naftex", "Naftex"],
        ),
        ("The gas company Vostra said flows were down.", ["Vostra"]),
        # a person's title ends in a person noun, not an organisation noun
        ("Company spokesman Ivo Lind said flows were down. He added that repairs began.", ["Ivo Lind", "Ivo Lind"]),
        # "prompting X to say": "to" is no part of the speaker
        ("Prices soared, prompting the Vostra council to say that hunger was rising.", ["Vostra council"]),
    ],
)
def test_roster_an_organisation_named_after_its_kind(text, expected):
    assert [speaker for _, _, speaker in statements_found(text)] == expected


def test_roster_an_organisation_named_after_its_kind_is_an_organisation():
    text = "Ukraine’s energy company Naftex said flows were down."
    assert speaker_named(text, "Naftex").type == "organization"


@pytest.mark.parametrize(
    "text, expected",
    [
        # a photo credit opening a caption is not in the story: "she" is the woman named before
        (
            "Mia Lund met Tom Berg in May. Berg said he was late.\n\nKari Holm / Example Press Mia Lund and Tom"
            " Berg at home.\n\nKnowing Berg liked comics, Lund tried a joke. “I am a mutant,” she said.",
            "Mia Lund",
        ),
    ],
)
def test_roster_a_photo_credit_names_no_subject(text, expected):
    assert statements_found(text)[-1][2] == expected
