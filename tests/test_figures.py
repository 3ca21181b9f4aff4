"""Tests of newstally.rules.figures.extract: sentence -> figures tables, non-figures, properties and a time bound."""
from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstally.rules.figures.extract import extract_figures


def _only(sentence: str):
    figures = extract_figures(sentence)
    assert len(figures) == 1, [f.text for f in figures]
    return figures[0]


@pytest.mark.parametrize("sentence, value", [
    ("The strike killed 28,500 people.", 28500),
    ("Officials counted 28 500 people.", 28500),
    ("The index rose by 1.2 percent.", 1.2),
    ("They pledged $1.2m for the camps.", 1_200_000),
    ("The package is worth $5bn.", 5_000_000_000),
    ("The fund raised $3k.", 3000),
    ("Runners covered 3k.", 3000),
    ("The deal is worth 1.2m.", 1_200_000),
    ("The wall is 50m high.", 50),
    ("It can dip to minus-130 degrees.", -130),
    ("The balance fell to $-50.8bn.", -50_800_000_000),
    ("Gaza has 2.3 million residents.", 2_300_000),
    ("They fired seven rockets.", 7),
    ("There were forty-two trucks.", 42),
    ("Two hundred and fifty people marched.", 250),
    ("A hundred people gathered.", 100),
    ("The city has a million residents.", 1_000_000),
    ("Half a million people fled.", 500_000),
    ("The talks lasted two and a half years.", 2.5),
    ("Twenty trucks crossed.", 20),
    ("The fine was 1,200€.", 1200),
])
def test_figures_numbers(sentence, value):
    assert _only(sentence).value == pytest.approx(value)


@pytest.mark.parametrize("sentence, value", [
    ("Dozens of people were killed.", 24),
    ("Hundreds of patients were trapped.", 200),
    ("Thousands of people marched.", 2000),
    ("Tens of thousands of people fled.", 20_000),
    ("Hundreds of thousands of people fled.", 200_000),
    ("The war cost billions of dollars.", 2_000_000_000),
    ("Scores of homes were destroyed.", 40),
])
def test_figures_vague_counts(sentence, value):
    figure = _only(sentence)
    assert (figure.value, figure.qualifier) == (pytest.approx(value), "approximately")
    assert figure.rule.startswith("vague:")


@pytest.mark.parametrize("sentence, value, unit", [
    ("Israel pushed 85% of the population into displacement.", 85, "percent"),
    ("About 85 percent of homes are damaged.", 85, "percent"),
    ("Some 85 per cent of homes are damaged.", 85, "percent"),
    ("A third of those children were killed.", 33.33, "percent"),
    ("Two-thirds of the population fled.", 66.66, "percent"),
    ("More than half the population lives in poverty.", 50, "percent"),
    ("They live in less than half a square kilometre.", 0.5, "square kilometres"),
])
def test_figures_shares(sentence, value, unit):
    figure = _only(sentence)
    assert (figure.value, figure.unit) == (pytest.approx(value, abs=0.01), unit)


@pytest.mark.parametrize("sentence, qualifier, low, high", [
    ("Israel killed more than 28,500 people.", "more_than", 28500, None),
    ("At least 47 people were killed.", "more_than", 47, None),
    ("Over 5,000 rockets were fired.", "more_than", 5000, None),
    ("Upwards of 300 people died.", "more_than", 300, None),
    ("The death toll has surpassed 1,500.", "more_than", 1500, None),
    ("About 1,400 people were killed.", "approximately", 1400, 1400),
    ("Roughly 10,000 peacekeepers serve there.", "approximately", 10000, 10000),
    ("Some 240 people are held hostage.", "approximately", 240, 240),
    ("Nearly 130 Israelis are still held.", "approximately", 130, 130),
    ("An estimated 1.7 million people are displaced.", "approximately", 1_700_000, 1_700_000),
    ("Fewer than 20 trucks entered.", "less_than", None, 20),
    ("Detention can last up to six months.", "less_than", None, 6),
    ("Israel on Thursday revised up to 203 the number of hostages.", "exact", 203, 203),
    ("Five trucks entered.", "exact", 5, 5),
])
def test_figures_qualifiers(sentence, qualifier, low, high):
    figure = _only(sentence)
    assert (figure.qualifier, figure.low, figure.high) == (qualifier, low, high)


@pytest.mark.parametrize("sentence, value, low, high, qualifier", [
    ("They fired 5,000-7,000 rockets.", 6000, 5000, 7000, "exact"),
    ("They fired over 5,000-7,000 rockets.", 6000, 5000, 7000, "more_than"),
    ("They fired 5,000 to 7,000 rockets.", 6000, 5000, 7000, "exact"),
    ("Between 10 and 20 people were hurt.", 15, 10, 20, "exact"),
    ("It takes two or three days.", 2.5, 2, 3, "approximately"),
    ("There are 1 to 2 thousand people.", 1500, 1000, 2000, "exact"),
    ("The fine is $3 billion to $5 billion.", 4e9, 3e9, 5e9, "exact"),
    ("Tens if not hundreds of thousands of casualties are feared.", 110_000, 20_000, 200_000, "approximately"),
])
def test_figures_ranges(sentence, value, low, high, qualifier):
    figure = _only(sentence)
    assert (figure.value, figure.low, figure.high, figure.qualifier) == (value, low, high, qualifier)
    assert figure.rule.startswith("range:")


@pytest.mark.parametrize("sentence, value, unit", [
    ("The US pledged $100m in aid.", 100_000_000, "USD"),
    ("The EU gave €50 million.", 50_000_000, "EUR"),
    ("Britain gave £2.5bn.", 2_500_000_000, "GBP"),
    ("The fine was 9 billion shekels.", 9_000_000_000, "ILS"),
    ("The budget was USD 40 million.", 40_000_000, "USD"),
    ("It is a million dollar house.", 1_000_000, "USD"),
])
def test_figures_money(sentence, value, unit):
    figure = _only(sentence)
    assert (figure.value, figure.unit, figure.category) == (value, unit, "money")


@pytest.mark.parametrize("sentence, value, unit", [
    ("Fighting went on for more than 48 hours.", 48, "hours"),
    ("He served for seven years.", 7, "years"),
    ("A four-day truce began.", 4, "days"),
    ("The siege lasted more than a decade.", 10, "years"),
    ("It lasted over a week.", 1, "weeks"),
    ("The 50-year-old man was shot.", 50, "years"),
])
def test_figures_durations(sentence, value, unit):
    figure = _only(sentence)
    assert (figure.value, figure.unit, figure.category) == (value, unit, "duration")


@pytest.mark.parametrize("sentence, unit, category", [
    ("The offensive has killed more than 28,500 people.", "people", "killed"),
    ("At least 31 people, most of them women and children, were killed.", "people", "killed"),
    ("The death toll rose to 240.", "people", "killed"),
    ("More than 6,000 others have been wounded.", "people", "injured"),
    ("More than a million residents who fled to Rafah are trapped.", "people", "displaced"),
    ("Israel has pushed 85% of the population into displacement.", "percent", "displaced"),
    ("Around 240 others were taken captive.", "people", "hostages"),
    ("There were 17 Palestinian reporters held in Israeli jails.", "journalists", "detained"),
    ("Police arrested 50 protesters.", "people", "detained"),
    ("About 1,000 people are missing.", "people", "missing"),
    ("Hamas fired 5,000 rockets.", "rockets", "projectiles"),
    ("The army carried out five strikes.", "strikes", "strikes"),
    ("The army bombed at least three refugee camps.", "camps", "strikes"),
    ("The US sent two aircraft carriers.", "aircraft carriers", "military"),
    ("Israel called up 300,000 reservists.", "reservists", "military"),
    ("Twenty trucks of aid crossed.", "trucks", "aid"),
    ("Gaza has 2.3 million residents.", "people", "people"),
    ("5,000 Palestinian civilians live there.", "people", "people"),
    ("The two sides met.", "sides", "other"),
    ("The ship was 25km off the coast.", "km", "other"),
])
def test_figures_categories(sentence, unit, category):
    figure = _only(sentence)
    assert (figure.unit, figure.category) == (unit, category)


@pytest.mark.parametrize("sentence, category", [
    ("Cross-border fire has killed 109 people, including 77 fighters and 14 civilians, three of them journalists.",
     ["killed", "killed", "killed", "killed"]),
    ("China has 44 journalists in jail, followed by Myanmar (43) and Belarus (28).", ["detained"] * 3),
    ("Israel killed 1,200 people and wounded 5,000 others.", ["killed", "injured"]),
    ("It cost 0$ 0.", ["money", "money"]),
])
def test_figures_categories_carry_over_in_lists(sentence, category):
    assert [f.category for f in extract_figures(sentence)] == category


@pytest.mark.parametrize("sentence", [
    "The borders of 1967 remain disputed.",
    "The attack came on Oct. 7.",
    "The attack came on October 7.",
    "It happened on 7 October.",
    "It was signed on November 25, 2023.",
    "The patrol was hit at 12:00 pm.",
    "They met at 3:45 a.m. on Monday.",
    "It was the second front.",
    "This is the 11th day of the war.",
    "Under Article 99 of the Charter.",
    "The council adopted Resolution 2728.",
    "The US sent F-16 jets.",
    "The G7 met.",
    "COVID-19 spread.",
    "Call +1 202 555 0123 for details.",
    "See page 12 for details.",
    "It was one of the world's busiest routes.",
    "It was a one-off.",
    "Shati is the third-largest camp.",
    "They support a two-state solution.",
    "The S&P 500 fell.",
    "The score was 3-1.",
    "From 2014 to 2017 nothing changed.",
    "The 1990s were calm.",
    "It happened 24/7 and on 9/11.",
    "A baker's dozen.",
    "It happened in the ’48 and ’67 wars.",
    "The 2015 knife attack shocked the town.",
    "He was born in 1948.",
    "They remain in the northern half of Gaza.",
    "Around one wrist was a zip tie.",
    "Zero tolerance is the policy.",
    "No one came.",
])
def test_figures_non_figures(sentence):
    assert extract_figures(sentence) == []


@pytest.mark.parametrize("sentence, unit", [
    ("Israel has killed 5,000 Palestinian civilians.", "people"),
    ("Six Israeli soldiers were killed.", "soldiers"),
    ("Police held one Palestinian reporter.", "journalists"),
    ("The US sent two aircraft carrier strike groups.", "groups"),
    ("The two men haven't spoken since.", "people"),
    ("The army shot down two more drones.", "drones"),
    ("Israel was among the top six offenders.", "offenders"),
    ("A group of three US senators wrote to Meta.", "senators"),
    ("Iran launched 380 investigations between October and May.", "investigations"),
])
def test_figures_units_skip_adjectives(sentence, unit):
    assert _only(sentence).unit == unit


@pytest.mark.parametrize("text, categories", [
    ("83 reporters have been killed since the start of the war. At least 67 were Palestinians.",
     ["killed", "killed"]),
    ("Hezbollah fired dozens of rockets, the army said, adding that 12 were intercepted.",
     ["projectiles", "projectiles"]),
    ("Of those killed, at least 1,255 (22 percent) were children.", ["killed", "killed"]),
    ("Nearly half of those killed were civilians.", ["killed"]),
    ("More than half the deaths occurred in the first month.", ["killed"]),
    ("About 80 percent of the population has been displaced.", ["displaced"]),
    ("Exports fell by 4.2 percent.", ["other"]),
])
def test_figures_categories_of_bare_numbers_and_shares(text, categories):
    assert [f.category for f in extract_figures(text)] == categories


@pytest.mark.parametrize("sentence, value", [
    ("Ms Example, 32, suffered multiple wounds.", 32),
    ("A man, aged 22, was shot.", 22),
    ("Her father, who is 70, was arrested.", 70),
])
def test_figures_ages(sentence, value):
    figure = _only(sentence)
    assert (figure.value, figure.unit, figure.category, figure.rule) == (value, "years", "duration", "number+age")


@pytest.mark.parametrize("sentence, values", [
    ("It cost $US55,931,000 ($A82,615,680) in 2019.", [55_931_000, 82_615_680]),
    ("Horsepower went from 240 to 273.", [256.5]),
    ("The toll rose from 200 people to 240 people.", [200, 240]),
    ("The death toll has climbed from 1,200 to 1,450.", [1200, 1450]),
    ("Monthly rents range from 1,000 to 1,500 dollars.", [1250]),
    ("They voted 87 to 26 against it.", [87, 26]),
    ("The toll rose to 1,200 and more than 2,700 people were wounded.", [1200, 2700]),
    ("Properties at 49 Zorro Ranch Road were sold.", []),
    ("Only 9 of Gaza's 36 hospitals work.", [9, 36]),
])
def test_figures_numbers_in_context(sentence, values):
    assert [f.value for f in extract_figures(sentence)] == values


@pytest.mark.parametrize("sentence, values", [
    ("Output rose from 40 tonnes to 55 tonnes.", [40, 55]),  # a change names two levels
    ("Attendance grew from 120 people in 2019 to 300 in 2023.", [120, 300]),
    ("Speeds went from 8 kilometres per hour to 12.", [10]),
    ("Mileage climbed from 30 mpg overall to 34.", [30, 34]),
    ("Staff was cut from 40 people to 25 people.", [40, 25]),
    ("They moved from 200 homes that belonged to 30 families.", [200, 30]),
])
def test_figures_from_to_spans(sentence, values):
    """"from X <unit> to Y" is one span, after a verb of change too; a fall names the old and the new figure."""
    assert [f.value for f in extract_figures(sentence)] == values


@pytest.mark.parametrize("sentence, text, unit", [
    ("We have one plan that covers everything.", "one plan", "plan"),
    ("One bidder offered more.", "One bidder", "bidder"),
    ("Police questioned one young driver.", "one young driver", "driver"),
    ("The firm sold one ice cream brand last year.", "one ice cream brand", "brand"),
])
def test_figures_one_counts_a_plain_noun(sentence, text, unit):
    figure = _only(sentence)
    assert (figure.text, figure.value, figure.unit) == (text, 1, unit)


@pytest.mark.parametrize("sentence", [
    "Not one complaint was filed.",
    "They help one another.",
    "One could argue the opposite.",
    "One hit the roof of a school.",
    "One asked him why.",
    "The only one left was closed.",
    "It won the Formula One title.",
    "For one thing, prices rose.",
    "She is one of the best.",
    "Each one costs more.",
    "The number one reason is cost.",
])
def test_figures_one_as_pronoun_or_idiom_is_no_figure(sentence):
    assert extract_figures(sentence) == []


@pytest.mark.parametrize("sentence, value, unit", [
    ("Light travels at 3 × 10⁸ metres per second.", 3e8, "metres"),
    ("The cell holds about 6 x 10^9 molecules.", 6e9, "molecules"),
    ("The particle weighs 1.7×10−27 kilograms.", 1.7e-27, "kg"),
])
def test_figures_powers_of_ten(sentence, value, unit):
    figure = _only(sentence)
    assert (figure.value, figure.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize("sentence, values", [
    ("The deal was worth PS2.7m.", [2_700_000]),
    ("Tickets cost PS45 each.", [45]),
    ("He queued for a PS5 console.", []),
])
def test_figures_pound_sign_transliterated(sentence, values):
    """ASCII transliteration writes "£" as "PS" glued to the digits."""
    figures = extract_figures(sentence)
    assert [f.value for f in figures] == values
    assert all(f.unit == "GBP" for f in figures)


@pytest.mark.parametrize("sentence, values", [
    ("The carrier bought three new 787 Dreamliner jets.", [3]),
    ("The firm shipped 300 Tesla cars.", [300]),
])
def test_figures_model_number_after_a_count(sentence, values):
    assert [f.value for f in extract_figures(sentence)] == values


@pytest.mark.parametrize("sentence, texts", [
    ("Israel killed more than 28,500 people since Oct. 7, 2023.", ["more than 28,500 people"]),
    ("About 2,000 km (1,240 miles) away.", ["About 2,000 km", "1,240 miles"]),
])
def test_figures_text_spans(sentence, texts):
    assert [f.text for f in extract_figures(sentence)] == texts


def test_figures_every_category_word_of_the_lexicon_is_a_cue():
    from newstally.rules import lexicon
    from newstally.rules.figures.context import CUE

    for row in lexicon.rows("figure_categories"):
        assert CUE.fullmatch(row["word"]), row


def test_figures_conversion_in_brackets_shares_qualifier():
    first, second = extract_figures("It lies about 2,000 km (1,240 miles) away.")
    assert first.qualifier == second.qualifier == "approximately"


def test_figures_rule_and_sentence_explain_the_row():
    figure = _only("Gaza is small. Israel killed more than 28,500 people. Talks go on.")
    assert figure.rule == "number+noun+clause"
    assert figure.sentence == "Israel killed more than 28,500 people."


_NEWS_TOKENS = list("0123456789 ,.-–%$€£:/()") + [
    " million", " more than ", " between ", " and ", " to ", " people", " killed", " dozens of ", " a third of ",
    " half ", " two ", " hundred ", " October ", " at least ", " up to ", "bn", "k", " per cent", " years",
    " or ", " if not ", " tens", " of thousands", " a ", " single ", " decade", "-year-old", " Article ",
]
_NEWSY = st.lists(st.sampled_from(_NEWS_TOKENS), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), _NEWSY))
def test_figures_never_raise_and_offsets_hold(text):
    for figure in extract_figures(text):
        assert text[figure.start:figure.end] == figure.text


@settings(max_examples=300, deadline=None)
@given(_NEWSY)
def test_figures_come_in_text_order_without_overlap(text):
    figures = extract_figures(text)
    for before, after in zip(figures, figures[1:]):
        assert before.end <= after.start


@settings(max_examples=300, deadline=None)
@given(_NEWSY)
def test_figures_bounds_are_ordered(text):
    for figure in extract_figures(text):
        if figure.low is not None:
            assert figure.low <= figure.value
        if figure.high is not None:
            assert figure.value <= figure.high


_LARGE_INPUTS = {
    "1 MB of digits": "1" * 1_000_000,
    "1 MB of grouped digits": "1,000," * 170_000,
    "0.5 MB of dashes between numbers": "5,000-" * 85_000,
    "1 MB of cue words and one number": "killed " * 150_000 + "12",
    "10 MB single line of prose": "The army said on Monday that talks went on in the region. " * 175_000,
    "1 MB of news with figures": "More than 28,500 people were killed, the ministry said on Oct. 7 in Gaza. " * 14_000,
}


@pytest.mark.parametrize("text", list(_LARGE_INPUTS.values()), ids=list(_LARGE_INPUTS))
def test_figures_time_is_bounded(text):
    started = time.perf_counter()
    extract_figures(text)
    assert time.perf_counter() - started < 5
