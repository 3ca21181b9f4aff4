"""Constructions of news English the statement rules read (newstally.rules.statements), each a table
of made-up sentences -> expected, negatives included. Most run the whole extraction
(``newstally.rules.extract``, the parse a build uses); a shape the model parses wrongly only now and
then is given as a hand-built parse (``parsed``), so the test holds whatever the model does."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newstally.rules import extract
from newstally.rules.statements import complements
from newstally.rules.statements.parsed import _subject
from newstally.rules.syntax import MODEL

needs_model = pytest.mark.skipif(not (MODEL / "meta.json").is_file(), reason="no parser model (make model)")
_VOCAB = spacy.blank("en").vocab


def found(text: str) -> list[tuple[str, str, str]]:
    """(statement text, kind, speaker name) in text order."""
    result = extract(text)
    names = {s.key: s.name for s in result.speakers}
    return [(s.text, s.kind, names.get(s.speaker_key, "")) for s in result.statements]


def parsed(rows: str) -> Doc:
    """A parse written one word a line: ``word tag dep head`` (head: the index of the head word)."""
    table = [line.split() for line in rows.strip().splitlines()]
    return Doc(
        _VOCAB,
        words=[r[0] for r in table],
        tags=[r[1] for r in table],
        deps=[r[2] for r in table],
        heads=[int(r[3]) for r in table],
    )


# "Its troops, he added, had won": the parse makes both noun phrases subjects of the cue
_PRONOUN_SET_OFF = """
Its PRP$ nmod:poss 1
troops NNS nsubj 4
, , punct 4
he PRP nsubj 4
added VBD ROOT 4
, , punct 4
they PRP nsubj 7
won VBD ccomp 4
"""
# "The raid, which local officials said hit ...": the relative word taken for the subject's determiner
_RELATIVE_AS_DETERMINER = """
The DT det 1
raid NN obl:unmarked 5
, , punct 1
which WDT det 4
officials NNS nsubj 5
said VBD ROOT 5
it PRP nsubj 7
hit VBD ccomp 5
"""
# "A farmer, a resident, said ...": a broken apposition; the phrase before the comma is the speaker
_BROKEN_APPOSITION = """
A DT det 1
farmer NN nsubj 5
, , punct 1
a DT det 4
resident NN nsubj 5
said VBD ROOT 5
it PRP nsubj 7
rained VBD ccomp 5
"""


@pytest.mark.parametrize(
    "rows, cue, subject",
    [
        (_PRONOUN_SET_OFF, 4, "he"),
        (_RELATIVE_AS_DETERMINER, 5, "officials"),
        (_BROKEN_APPOSITION, 5, "farmer"),  # negative: the fronted noun phrase stays the speaker
    ],
)
def test_shapes_fronted_noun_is_no_speaker_before_a_pronoun_or_relative(rows, cue, subject):
    doc = parsed(rows)
    speaker, _ = _subject(doc[cue])
    assert speaker is not None and speaker.text == subject


# "The raid, which officials said hit the school, drew condemnation": the main verb conjoined to the clause
_RELATIVE_CLAUSE_THEN_MAIN_VERB = """
The DT det 1
raid NN obl:unmarked 5
, , punct 1
which WDT det 4
officials NNS nsubj 5
said VBD ROOT 5
hit VBD ccomp 5
the DT det 8
school NN obj 6
, , punct 10
drew VBD conj 6
condemnation NN obj 10
"""


@pytest.mark.parametrize(
    "rows, last",
    [
        (_RELATIVE_CLAUSE_THEN_MAIN_VERB, "school"),
        # negative: without the relative word the conjoined verb is part of what was said
        (_RELATIVE_CLAUSE_THEN_MAIN_VERB.replace("which WDT det 4", "then RB advmod 5"), "condemnation"),
    ],
)
def test_shapes_relative_clause_ends_before_the_main_verb(rows, last):
    doc = parsed(rows)
    spans = complements.after([doc[6]], doc[5])
    assert spans[0][1].text == last


@needs_model
@pytest.mark.parametrize(
    "text, expected",
    [
        # ", which X said CLAUSE, VERB ...": the relative clause ends at its comma; the rest is narration
        (
            "The fire, which local officials said did not reach the school, burned for two days.",
            [("did not reach the school", "indirect", "local officials")],
        ),
        (
            "The blast, which Polish border guards said did not damage the village's only bridge or injure "
            "anyone, put fresh pressure on the government.",
            [("did not damage the village's only bridge or injure anyone", "indirect", "Polish border guards")],
        ),
        # the speaker phrase is not the relative word
        (
            "The attack, which Ukrainian air defence units said did not hit the city's main power station or "
            "cause serious damage, cast doubt on the future of the talks.",
            [
                (
                    "did not hit the city's main power station or cause serious damage",
                    "indirect",
                    "Ukrainian air defence units",
                )
            ],
        ),
        # negative: no comma after the relative clause, nothing to cut
        ("The fire, which officials said was arson.", [("was arson", "indirect", "officials")]),
    ],
)
def test_shapes_relative_clause_with_a_cue(text, expected):
    assert found(text) == expected


@needs_model
@pytest.mark.parametrize(
    "text, expected",
    [
        # a cue that only closes a quote ("posted", "ask") reports no clause before it when more follows it
        (
            "It is the latest step in a plan to reform the schools, where the ministry has tried to cut fees, "
            "raise salaries, ask teachers to switch curriculums and other measures.",
            [],
        ),
        (
            "On 3 June the campaign channel NorthNews, run by the activist Per Lind, posted a video of the mayor "
            "in the square.",
            [],
        ),
        # ... but does at the end of the sentence, or with a short adjunct
        (
            "The talks will resume in May, the minister, Ola Berg, posted on Monday.",
            [("The talks will resume in May", "indirect", "Ola Berg")],
        ),
    ],
)
def test_shapes_quote_cue_after_a_clause(text, expected):
    assert found(text) == expected


@needs_model
@pytest.mark.parametrize(
    "text, expected",
    [
        # "said ADVERB + time adjunct ... that CLAUSE": the clause starts after "that"
        (
            "Norway, which helped broker the truce, said immediately after the missile strike on the northern "
            "port that it had received assurances from both sides.",
            [("it had received assurances from both sides", "indirect", "Norway")],
        ),
        (
            "The agency said shortly before midnight on Tuesday that the dam was safe.",
            [("the dam was safe", "indirect", "agency")],
        ),
        # negative: no "that", no clause
        ("The agency said immediately.", []),
    ],
)
def test_shapes_adjunct_before_that(text, expected):
    assert found(text) == expected


@needs_model
@pytest.mark.parametrize(
    "text, expected",
    [
        # a cue after a quote's attribution reports a clause of its own, in its own speaker's name
        (
            '"We will rebuild," Ola Berg said on Monday, while critics said the plan would cost too much.',
            [("We will rebuild,", "direct", "Ola Berg"), ("the plan would cost too much", "indirect", "critics")],
        ),
        (
            '"The river is rising," the mayor, Ola Berg, added, while engineers warned that the dam could fail.',
            [("The river is rising,", "direct", "Ola Berg"), ("the dam could fail", "indirect", "engineers")],
        ),
        # negatives: the attribution's own participle is read once; an adjunct reports nothing
        (
            '"We will rebuild," Ola Berg said, adding that the work would take years.',
            [("We will rebuild,", "direct", "Ola Berg"), ("the work would take years", "indirect", "Ola Berg")],
        ),
        ('"We will rebuild," Ola Berg said after the vote.', [("We will rebuild,", "direct", "Ola Berg")]),
    ],
)
def test_shapes_reported_clause_after_a_quotes_attribution(text, expected):
    assert found(text) == expected


@needs_model
@pytest.mark.parametrize(
    "text, expected",
    [
        # "ROLE for/of PLACE, NAME, said": the role's head stands before its "for" phrase; the name speaks
        (
            "The shelling hit a bus stop where people had gathered, the governor for the area, Ana Lind, wrote "
            "on Telegram.",
            [("The shelling hit a bus stop where people had gathered", "indirect", "Ana Lind")],
        ),
        (
            "Four people were hurt in the blast, the head of the local council, Ana Lind, said.",
            [("Four people were hurt in the blast", "indirect", "Ana Lind")],
        ),
    ],
)
def test_shapes_role_with_a_place_then_a_name(text, expected):
    assert found(text) == expected


@needs_model
@pytest.mark.parametrize(
    "text, expected",
    [
        # "X added that A and said that B": two "that" clauses of one speaker, whatever verb the parse
        # hangs the second cue on
        (
            "Lena Varga added that the army was being supplied with new air defence systems and said that the "
            "country would this year deploy the newly tested missiles.",
            [
                ("the army was being supplied with new air defence systems", "indirect", "Lena Varga"),
                ("the country would this year deploy the newly tested missiles", "indirect", "Lena Varga"),
            ],
        ),
        (
            "The minister added that the new bridge was being built by a foreign firm and said that it would "
            "open next year.",
            [
                ("the new bridge was being built by a foreign firm", "indirect", "minister"),
                ("it would open next year", "indirect", "minister"),
            ],
        ),
    ],
)
def test_shapes_two_that_clauses_of_one_speaker(text, expected):
    assert found(text) == expected


@needs_model
@pytest.mark.parametrize(
    "text, expected",
    [
        # a quote inside a clause that a later cue reports is part of that mixed statement
        (
            'The price of gas rose fourfold, said the head of the agency, Ola Berg. Such "enormous leaps in '
            'price" were unlikely to be passed on entirely to consumers, he said, but households had to brace '
            "for rising costs.",
            [
                ("The price of gas rose fourfold", "indirect", "Ola Berg"),
                (
                    'Such "enormous leaps in price" were unlikely to be passed on entirely to consumers',
                    "mixed",
                    "Ola Berg",
                ),
            ],
        ),
        # negative: a quote with no cue after it goes on the statement before it
        (
            'Ola Berg spoke on Monday. "We will rebuild," he said. "It will take years."',
            [("We will rebuild,", "direct", "Ola Berg"), ("It will take years.", "direct", "Ola Berg")],
        ),
    ],
)
def test_shapes_quote_inside_a_reported_clause(text, expected):
    assert found(text) == expected


@needs_model
@pytest.mark.parametrize(
    "text, expected",
    [
        # a cue word the parse shows as a noun ("secretary of state") leaves the word rules the next cue
        (
            "The Irish secretary of state criticised the new tariffs against Dublin, accusing Washington of "
            "starting a trade war.",
            [("Washington of starting a trade war", "indirect", "Irish secretary of state")],
        ),
        (
            "The minister of state praised the new law, saying it would protect workers.",
            [("it would protect workers", "indirect", "minister of state")],
        ),
        # negative: the noun inside a reported clause stays in it
        (
            "The minister said the secretary of state would visit in May.",
            [("the secretary of state would visit in May", "indirect", "minister")],
        ),
    ],
)
def test_shapes_cue_word_read_as_a_noun(text, expected):
    assert found(text) == expected


@needs_model
@pytest.mark.parametrize(
    "text, expected",
    [
        # ", which X said CLAUSE" after a reported clause: a second statement, of its own speaker
        (
            "The agency said the river was rising quickly near the town, which it said had no flood defences.",
            [
                ("the river was rising quickly near the town", "indirect", "agency"),
                ("had no flood defences", "indirect", "agency"),
            ],
        ),
        (
            "Ola Berg said the plan would fail, which critics said was unfair.",
            [("the plan would fail", "indirect", "Ola Berg"), ("was unfair", "indirect", "critics")],
        ),
        # negative: a relative clause with no cue stays in the reported clause
        (
            "Ola Berg said the plan would fail, which would be a blow to the town.",
            [("the plan would fail, which would be a blow to the town", "indirect", "Ola Berg")],
        ),
    ],
)
def test_shapes_cue_in_a_relative_clause_after_a_reported_one(text, expected):
    assert found(text) == expected
