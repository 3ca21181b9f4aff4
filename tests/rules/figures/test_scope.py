"""Where, whom and over which period a figure counts (newstally.rules.figures.scope), and the
category from the figure's own clause as parsed (clause.py): sentence in, the figure's
(place, subgroup, scope, since) or category out. The sentences are parsed as in a build."""

from __future__ import annotations

import pytest

from newstally.rules import extract


def _figure(text: str, figure_text: str):
    found = [f for f in extract(text).figures if f.text == figure_text]
    assert found, [f.text for f in extract(text).figures]
    return found[0]


@pytest.mark.parametrize(
    "text, figure, place",
    [
        ("Israel's war on Gaza has killed more than 28,500 people.", "more than 28,500 people", "Gaza"),
        ("An Israeli strike killed 12 people in Rafah.", "12 people", "Gaza"),  # a town rolls up
        ("Israeli forces killed four Palestinians in Jenin.", "four Palestinians", "West Bank"),
        ("Hamas's attack on southern Israel killed 1,139 people.", "1,139 people", "Israel"),
        ("Israel says 1,200 people were killed in the attack on its communities.", "1,200 people", ""),  # who says
        ("Israeli strikes killed 30 people in Lebanon.", "30 people", "Lebanon"),
        ("Eight people were killed in shelling in the eastern Ukrainian town of Example.", "Eight people", "Ukraine"),
        ("Four civilians died in Russian bombing in the Donetsk region.", "Four civilians", "Ukraine"),
        ("Russia fired 20 missiles at Kharkiv overnight.", "20 missiles", "Ukraine"),
        ("Gaza's Health Ministry says 30,000 people have been killed.", "30,000 people", "Gaza"),
        ("Officials said 40 people were killed.", "40 people", ""),  # the text does not say
    ],
)
def test_scope_place(text, figure, place):
    assert _figure(text, figure).place == place


def test_scope_place_from_the_article_when_no_sentence_says():
    text = (
        "Gaza is under siege. Strikes hit Gaza City and Khan Younis again. Aid to Gaza is blocked.\n"
        "The ministry said 45 people had been killed."
    )
    assert _figure(text, "45 people").place == "Gaza"


@pytest.mark.parametrize(
    "text, figure, subgroup",
    [
        ("More than 12,000 people have been killed, including 5,000 children.", "5,000 children", "children"),
        ("More than 12,000 people have been killed, including 5,000 children.", "More than 12,000 people", ""),
        ("At least 83 journalists and media workers have been killed.", "At least 83 journalists", "journalists"),
        ("Seven aid workers were killed in the strike.", "Seven aid workers", "aid workers"),
        ("More than 150 UN staff have been killed.", "More than 150 UN staff", "UN staff"),
        ("Three Israeli soldiers were killed in the fighting.", "Three Israeli soldiers", "soldiers"),
        ("The army said it has 300,000 soldiers.", "300,000 soldiers", ""),  # soldiers counted as military
        ("Four civilians died on Friday.", "Four civilians", "civilians"),
        ("Twelve people were killed, and four were children.", "four", "children"),
        ("Seventy of the 90 journalists killed that year were local.", "Seventy", "journalists"),  # a part of them
        ("The number of journalists killed in the war had risen to 85.", "85", "journalists"),
        ("The death brings the total number of soldiers killed in the war to 250.", "250", "soldiers"),
        ("The highest number of UN staff in history – 176 – have been killed.", "176", "UN staff"),
        # a breakdown after a dash counts the same people
        (
            "The group said 61 reporters have been killed – 54 Palestinians, four Israelis and three Lebanese.",
            "four Israelis",
            "journalists",
        ),
        # and after a colon
        (
            "The watchdog counted 60 reporters killed in the war on Gaza last year: 55 Palestinians, three Lebanese.",
            "55 Palestinians",
            "journalists",
        ),
        # a country's people counted in another place are not that place's toll
        ("Some 90 Israelis have been killed in Gaza so far.", "Some 90 Israelis", "Israelis"),
        ("Hamas's attack on Israel killed 1,200 Israelis.", "1,200 Israelis", ""),
        ("Israel has killed 28,000 Palestinians in Gaza.", "28,000 Palestinians", ""),
        # the verb's object says what a bare "to N" counts
        ("The loss brought total military deaths in the war to 330.", "330", "soldiers"),
        ("The strikes brought the death toll in the city to 300.", "300", ""),
        # a cause of death narrows the dead
        ("Food shortages have killed 25 people through malnutrition, the ministry said.", "25 people", "starvation"),
        ("The toll from hunger and dehydration in the north has risen to 20.", "20", "starvation"),
        ("At least 30 people died of cholera last month.", "At least 30 people", "disease"),
        ("Strikes killed 25 people from the same family.", "25 people", ""),
        # "others" are more of the people counted before them in the sentence
        (
            "The union has recorded the killing of 90 journalists and the injury of 60 others since the war began.",
            "60 others",
            "journalists",
        ),
        ("Four soldiers were killed and 15 others wounded.", "15 others", "soldiers"),
        ("Four soldiers were killed. Officials said 15 others were wounded.", "15 others", ""),
        (
            "The strikes killed 200 people, including 50 children, and wounded more than 900 others.",
            "more than 900 others",
            "",
        ),
        # workers, or the unidentified dead, are some of the dead
        ("The agency said 90 workers in the enclave have been killed.", "90 workers", "workers"),
        ("About 120 unidentified bodies were buried in the yard.", "About 120 unidentified bodies", "unidentified"),
    ],
)
def test_scope_subgroup(text, figure, subgroup):
    assert _figure(text, figure).subgroup == subgroup


@pytest.mark.parametrize(
    "text, figure, scope, since",
    [
        (
            "Israel's war on Gaza has killed more than 28,500 people since October 7.",
            "more than 28,500 people",
            "cumulative",
            "--10-07",
        ),
        (
            "At least 30,000 people have been killed since 7 October 2023.",
            "At least 30,000 people",
            "cumulative",
            "2023-10-07",
        ),
        ("The death toll has risen to 240, the ministry said on Monday.", "240", "cumulative", ""),
        ("So far, 1,200 people have been killed in the fighting.", "1,200 people", "cumulative", ""),
        ("An Israeli strike on a school killed 30 people on Monday.", "30 people", "event", ""),
        (
            "At least 40 people were killed overnight, bringing the death toll since October 7 to 28,000.",
            "At least 40 people",
            "event",
            "",
        ),
        (
            "At least 40 people were killed overnight, bringing the death toll since October 7 to 28,000.",
            "28,000",
            "cumulative",
            "--10-07",
        ),
        (
            "Officials say 9,000 civilians have been killed since the invasion began on 24 February.",
            "9,000 civilians",
            "cumulative",
            "",
        ),
        ("Ten people were hurt.", "Ten people", "", ""),
        (
            "A total of 45 people were killed in the attack on the camp.",
            "45 people",
            "event",
            "",
        ),  # "total" of one attack
        ("The ministry said 3,276 people were injured since Saturday.", "3,276 people", "event", ""),  # a day's count
        ("Israeli strikes kill 250 people per day on average.", "250 people", "event", ""),  # a rate
        # a since that ranks the event dates no count
        (
            "The air strike killed 70 people in the camp, the deadliest attack since the war began.",
            "70 people",
            "event",
            "",
        ),
        # phrases after two coordinated verbs are both verbs'
        (
            "The ministry said 150 people were killed and 300 wounded in attacks over the past day.",
            "300 wounded",
            "event",
            "",
        ),
        # a rate wins over "since"
        ("Since October 7, the army has killed 240 people a day on average.", "240 people", "event", ""),
        # a count since a later stage of the war is no running total of it
        ("Officials said 180 people had been killed since the truce collapsed on Friday.", "180 people", "event", ""),
        ("The study says 86,000 excess deaths could follow in Gaza.", "86,000 excess deaths", "", ""),  # yet to come
    ],
)
def test_scope_scope_and_since(text, figure, scope, since):
    found = _figure(text, figure)
    assert (found.scope, found.since) == (scope, since)


@pytest.mark.parametrize(
    "text, figure, category",
    [
        # the noun's own clause decides, not "killed" two clauses away
        (
            "The more than 2.3 million residents of Gaza are trapped, as Israeli strikes killed dozens overnight.",
            "more than 2.3 million residents",
            "people",
        ),
        (
            "Israel has killed 28,000 Palestinians and uprooted three-quarters of the population of 2.3 million.",
            "2.3 million",
            "people",
        ),
        ("More than half of the territory's 2.3 million population is now displaced.", "More than half", "displaced"),
        (
            "More than half of the territory's 2.3 million population is now displaced.",
            "2.3 million population",
            "people",
        ),
        (
            "The offensive has killed 5,600 Palestinians, injured thousands more, and displaced more than one million.",
            "more than one million",
            "displaced",
        ),
        (
            "Israel cut power to the enclave's 2.3 million residents and launched strikes that killed 3,000 people.",
            "2.3 million residents",
            "people",
        ),
        (
            "Israel cut power to the enclave's 2.3 million residents and launched strikes that killed 3,000 people.",
            "3,000 people",
            "killed",
        ),
        ("Four civilians died and six were wounded in the shelling.", "Four civilians", "killed"),
        ("Four civilians died and six were wounded in the shelling.", "six", "injured"),
        ("Hezbollah fired 20 rockets, the army said, adding that two were intercepted.", "two", "projectiles"),
        ("Nearly 200 people, including 58 children, have been killed.", "58 children", "killed"),
        # a participle set off by commas says no more than itself; a phrase of circumstances says nothing
        (
            "Thousands of protesters worldwide, outraged by the soaring death toll, marched.",
            "Thousands of protesters",
            "people",
        ),
        ("More than 200 people, killed in the strikes, were buried.", "More than 200 people", "killed"),
        (
            "Tens of thousands of people have marched amid the soaring death toll.",
            "Tens of thousands of people",
            "people",
        ),
        (
            "The ministry said 20,000 people were killed and 52,000 wounded, while nearly 1.9 million – more than 80 "
            "percent of the population – have been displaced.",
            "nearly 1.9 million",
            "displaced",
        ),
        (
            "Israeli attacks have killed at least 28,000 Palestinians and wounded 68,000 since October 7.",
            "68,000",
            "injured",
        ),
        ("Three foreign fighters were sentenced to death.", "Three foreign fighters", "detained"),
    ],
)
def test_scope_category_from_the_figures_own_clause(text, figure, category):
    assert _figure(text, figure).category == category


def test_scope_parsed_rules_name_themselves():
    figure = _figure("Israel's war on Gaza has killed more than 28,500 people.", "more than 28,500 people")
    assert figure.rule == "number+noun+clause:parse"


@pytest.mark.parametrize(
    "text, figure, category",
    [
        # a count of a million or more is of the dead only where its own clause's core says so
        ("Images of dead babies have inspired many millions to take to the streets.", "millions", "other"),
        (
            "Some two million people are facing hunger after many of them lost their homes.",
            "Some two million people",
            "people",
        ),
        ("The offensive put 2.3 million people at risk of death.", "2.3 million people", "people"),
        (
            "Israel cut power to the enclave's 2.3 million residents and launched strikes that killed 3,000.",
            "2.3 million residents",
            "people",
        ),
        ("The Nazis systematically killed six million Jews.", "six million Jews", "killed"),
        ("They were among the six million Jews systematically murdered by the Nazis.", "six million Jews", "killed"),
        ("The war claimed the lives of some 1.5 million people.", "some 1.5 million people", "killed"),
        ("The death toll could have been as high as 5 million.", "5 million", "killed"),
    ],
)
def test_scope_millions_of_dead_only_where_the_text_says_so(text, figure, category):
    assert _figure(text, figure).category == category
