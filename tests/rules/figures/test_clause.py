"""A figure's own clause as the final parser model reads it (clause.py): the subject after a fronted
phrase, a bare number in a clause joined on, the age of what lasts, and counts of a million or more
that are of the dead only where their own clause says so. Sentence in, the figure's category out;
the sentences are parsed as in a build."""

from __future__ import annotations

import pytest

from newstally.rules import extract


def _category(text: str, figure_text: str) -> str:
    found = [f for f in extract(text).figures if f.text == figure_text]
    assert found, [f.text for f in extract(text).figures]
    return found[0].category


@pytest.mark.parametrize(
    "text, figure, category",
    [
        # a fronted phrase and its comma, then the subject: the predicate is the sentence's
        (
            "According to local officials, at least 12 people from the Example family were killed in the raid.",
            "at least 12 people",
            "killed",
        ),
        (
            "In the northern village of Exampleton, at least nine members of one family were killed overnight.",
            "at least nine members",
            "killed",
        ),
        (
            "According to the army, 40 fighters were wounded in the clashes.",
            "40 fighters",
            "injured",
        ),
        # a noun after a preposition keeps its own phrase: "killed" is another clause's
        ("The agency brought aid to 300 families in the camp, where strikes killed dozens.", "300 families", "other"),
    ],
)
def test_clause_subject_after_a_fronted_phrase(text, figure, category):
    assert _category(text, figure) == category


@pytest.mark.parametrize(
    "text, figure, category",
    [
        # a bare number that is the subject of a clause joined on counts what that clause is about
        (
            "Dozens of drones were launched at the port overnight, with at least one striking a warehouse.",
            "at least one",
            "projectiles",
        ),
        ("Militants launched rockets at the town on Sunday, and two were intercepted.", "two", "projectiles"),
        # a clause of time says nothing of what the number counts
        ("The talks resumed after two were released.", "two", "other"),
        # a number the parse has count a word of its own takes no cue from the words before it
        (
            "The army published the names of commanders killed, to show that the two northernmost of the rebel "
            "brigades were left without leaders.",
            "two",
            "other",
        ),
        (
            "Israeli strikes killed 100 people, bringing the death toll since the war began to 18,700.",
            "18,700",
            "killed",
        ),
        # a number word stands for its own noun: the words before it may still decide
        ("Five people were killed in the raid on the camp, with dozens more wounded.", "dozens", "injured"),
        ("The reported death toll of the war is nearing the 20,000 mark.", "20,000", "killed"),
    ],
)
def test_clause_bare_number_of_a_clause_joined_on(text, figure, category):
    assert _category(text, figure) == category


@pytest.mark.parametrize(
    "text, figure, category",
    [
        (
            "Most families live in poverty under a 17-year-old blockade imposed by the neighbours.",
            "17-year-old",
            "duration",
        ),
        ("Residents have lived under the 56-year-old occupation for decades.", "56-year-old", "duration"),
        # an age of a person is no duration, even next to a word of the lexicon
        ("A 40-year-old war veteran addressed the crowd.", "40-year-old", "other"),
        ("The 23-year-old said the war had changed him.", "23-year-old", "other"),
        ("A 16-year-old girl was among the wounded.", "16-year-old", "other"),
    ],
)
def test_clause_age_of_what_lasts_is_a_duration(text, figure, category):
    assert _category(text, figure) == category


@pytest.mark.parametrize(
    "text, figure, category",
    [
        # a phrase of circumstances: its noun is no object of the verb it hangs on
        (
            "More than 500 people have been killed in two days, with 1.8 million people living there having "
            "nowhere to flee.",
            "1.8 million people",
            "people",
        ),
        # nouns joined by "and" count together: none of them alone says the millions died
        ("Their policy led to the death, displacement and ruin of millions.", "millions", "other"),
        ("The funds abet the killing and starvation of millions of civilians.", "millions of civilians", "people"),
        # a noun with a participle of its own is not the list's: "facing" is no killing
        (
            "Critics say the aid enables the killing of thousands of civilians and the famine facing millions.",
            "millions",
            "other",
        ),
        # where the text says so, a million dead is a million dead
        ("The war killed more than a million people.", "more than a million people", "killed"),
        ("An estimated 3 million people died in the war.", "An estimated 3 million people", "killed"),
        ("The civil war claimed the lives of some 1.2 million people.", "some 1.2 million people", "killed"),
    ],
)
def test_clause_millions_of_dead_only_where_the_clause_says_so(text, figure, category):
    assert _category(text, figure) == category


def test_clause_a_no_break_space_does_not_derail_the_parse():
    text = "The camps held\xa01.5 million civilians\xa0and a prison system that claimed the lives of thousands."
    assert _category(text, "1.5 million civilians") == "people"
