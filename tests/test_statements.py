"""Statements and their speakers: tables of (text, expected), negatives included."""
from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstally.rules.statements.quotes import quotes
from newstally.rules.statements.extract import extract_statements


def _found(text: str) -> list[tuple[str, str, str]]:
    """(statement text, kind, speaker name) in text order."""
    statements, speakers = extract_statements(text)
    names = {s.key: s.name for s in speakers}
    return [(s.text, s.kind, names.get(s.speaker_key, "")) for s in statements]


def _speaker(text: str, name: str):
    return next(s for s in extract_statements(text)[1] if s.name == name)


@pytest.mark.parametrize("text, expected", [
    ("“We are worried,” Kremlin spokesman Ivan Sokolov told reporters.",
     [("We are worried,", "direct", "Ivan Sokolov")]),
    ('"We are worried," Ivan Sokolov said.', [("We are worried,", "direct", "Ivan Sokolov")]),
    ("“We reject violence on both sides,” said Omar Haddad, who once served as a minister.",
     [("We reject violence on both sides,", "direct", "Omar Haddad")]),
    ("“The talks failed,” says Nina Berg, a researcher at Lund University.",
     [("The talks failed,", "direct", "Nina Berg")]),
    ('Nina Berg said: "The talks failed."', [("The talks failed.", "direct", "Nina Berg")]),
    ("Nina Berg agrees: “The talks failed.”", [("The talks failed.", "direct", "Nina Berg")]),
    ('"The talks failed. Nobody came," Nina Berg said.',
     [("The talks failed. Nobody came,", "direct", "Nina Berg")]),
    ('"Parts of it were damaged," the ministry said, "and the rest is closed."',
     [("Parts of it were damaged,", "direct", "ministry"), ("and the rest is closed.", "direct", "ministry")]),
])
def test_statements_direct_quotes_with_their_attribution(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ivan Sokolov said the status quo was no longer viable.",
     [("the status quo was no longer viable", "indirect", "Ivan Sokolov")]),
    ("Ivan Sokolov said that the talks would resume on Monday.",
     [("the talks would resume on Monday", "indirect", "Ivan Sokolov")]),
    ("Omar Haddad told Ivan Sokolov that he agreed about the need for calm.",
     [("he agreed about the need for calm", "indirect", "Omar Haddad")]),
    ("The talks will resume next week, Ivan Sokolov said.",
     [("The talks will resume next week", "indirect", "Ivan Sokolov")]),
    ("According to the United Nations, more than 500 trucks are waiting at the border.",
     [("more than 500 trucks are waiting at the border", "indirect", "United Nations")]),
    ("More than 500 trucks are waiting at the border, according to the United Nations.",
     [("More than 500 trucks are waiting at the border", "indirect", "United Nations")]),
    ("Nina Berg, the director of the Lund Peace Institute, said the ceasefire was holding.",
     [("the ceasefire was holding", "indirect", "Nina Berg")]),
    ("Foreign Minister Ivan Sokolov warned that the conflict could spread.",
     [("the conflict could spread", "indirect", "Ivan Sokolov")]),
    ("The Kremlin has expressed concern about the fighting, saying that the situation could escalate.",
     [("the situation could escalate", "indirect", "Kremlin")]),
    ("The army said it would soon go on the offensive.",
     [("it would soon go on the offensive", "indirect", "army")]),
])
def test_statements_reported_speech_keeps_the_clause_without_the_cue(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text, expected", [
    ('Nina Berg said Moscow is "closely following" the developments.',
     [('Moscow is "closely following" the developments', "mixed", "Nina Berg")]),
    ('The plan is "a dangerous scenario," Ivan Sokolov told a briefing.',
     [('The plan is "a dangerous scenario,"', "mixed", "Ivan Sokolov")]),
    ('Russia is "alarmed by the plans for the city, spokeswoman Nina Berg said on Wednesday.',
     [('Russia is "alarmed by the plans for the city', "mixed", "Nina Berg")]),
])
def test_statements_scare_quotes_make_one_mixed_statement(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a curly opening mark used to close, then a new sentence right after it
    ("“We are worried,” Ivan Sokolov said. “It is serious.“Officials met on Monday.",
     [("We are worried,", "direct", "Ivan Sokolov"), ("It is serious.", "direct", "Ivan Sokolov")]),
    # nested single quotes stay inside the double quote
    ("“They told us ‘leave now’ and we left,” said Omar Haddad.",
     [("They told us ‘leave now’ and we left,", "direct", "Omar Haddad")]),
])
def test_statements_quote_marks_as_real_text_has_them(text, expected):
    assert _found(text) == expected


def test_statements_quote_continues_in_the_next_paragraph():
    text = "“We were not warned,” Omar Haddad told reporters.\n“Nobody called us.”"
    assert _found(text) == [("We were not warned,", "direct", "Omar Haddad"),
                            ("Nobody called us.", "direct", "Omar Haddad")]


def test_statements_quote_introduced_by_the_sentence_before():
    text = "Omar Haddad said in a statement:\n“Nobody called us.”"
    assert [t for t, _, _ in _found(text)] == ["Nobody called us."]


@pytest.mark.parametrize("text, name", [
    ("Foreign Ministry spokeswoman Nina Berg said the talks failed. The spokeswoman noted that "
     "nobody came.", "Nina Berg"),
    ("Nina Berg said the talks failed. She added that nobody came.", "Nina Berg"),
    ("Nina Berg said the talks failed. Berg added that nobody came.", "Nina Berg"),
])
def test_statements_descriptions_pronouns_and_surnames_resolve_to_the_full_name(text, name):
    assert [speaker for _, _, speaker in _found(text)] == [name, name]


def test_statements_speaker_keeps_role_organisation_and_country():
    speaker = _speaker("Kremlin spokesman Ivan Sokolov said the talks failed.", "Ivan Sokolov")
    assert (speaker.type, speaker.role, speaker.org, speaker.country) == (
        "person", "Kremlin spokesman", "Kremlin", "Russia")
    assert _speaker("Israeli army officials said the road was closed. The Israeli army said it had "
                    "opened the road.", "Israeli army").country == "Israel"


def test_statements_a_surname_two_people_share_joins_neither():
    text = "Ann Kerr met Tom Kerr on Monday. Kerr said the talks failed."
    assert _found(text) == [("the talks failed", "indirect", "Kerr")]


def test_statements_keep_cue_and_rule():
    (statement,), _ = extract_statements("“We are worried,” Ivan Sokolov said.")
    assert (statement.cue, statement.rule) == ("said", "quote-then-cue")


@pytest.mark.parametrize("text", [
    "",
    "The weather was fine on Monday.",
    'The so-called "resistance axis" has grown.',
    "He said.",
    "Omar Haddad walked home after the meeting.",
    "The report, which was released on Monday, covers ten years.",
    "“\n”",
])
def test_statements_negatives_give_nothing(text):
    assert extract_statements(text)[0] == []


def test_statements_quotes_never_pair_across_paragraphs():
    text = 'She said "the first part\nand the second part," then left.'
    for statement in extract_statements(text)[0]:
        assert "\n" not in statement.text


@pytest.mark.parametrize("paragraph, expected", [
    ('a "b" c "d" e', [(2, 4), (8, 10)]),
    ("a “b” c", [(2, 4)]),
    ("a “b“c", [(2, 4)]),  # opening mark used to close
    ('a "b c', [(2, 6)]),  # never closed: runs to the paragraph end
])
def test_statements_quote_pairing(paragraph, expected):
    assert [(q.open, q.close) for q in quotes(paragraph, 0, len(paragraph))] == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list('ab AB.,:;"“”‘’\'\n—') + ["said", "Nina Berg", " she ", "told",
                                                                "according to", "that", " the army "]),
                max_size=120).map("".join))
def test_statements_property_spans_are_valid(text):
    statements, speakers = extract_statements(text)
    keys = {s.key for s in speakers}
    for s in statements:
        assert 0 <= s.start <= s.end <= len(text)
        assert text[s.start:s.end] == s.text
        assert s.speaker_key == "" or s.speaker_key in keys
        assert s.kind in ("direct", "mixed", "indirect")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_statements_property_never_raises(text):
    extract_statements(text)


@pytest.mark.parametrize("text", [
    "The agency said 5 people were displaced. " * 250_000,  # a 10 MB single line
    '"' * 1_000_000,
    "“”" * 500_000,
    ".,;!?" * 200_000,
    "a" + "," * 1_000_000 + " she said",
    'He said "x\n' * 200_000,
], ids=["10MB-line", "quote-marks", "curly-pairs", "punctuation", "commas", "short-paragraphs"])
def test_statements_hostile_inputs_finish_in_bounded_time(text):
    started = time.perf_counter()
    extract_statements(text)
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize("text, name", [
    ("Israel, meanwhile, said it would continue the offensive.", "Israel"),
    ("Hamas, for its part, said the talks had failed.", "Hamas"),
])
def test_statements_discourse_adverbial_is_no_role(text, name):
    _, speakers = extract_statements(text)
    assert [(s.role, name in s.name) for s in speakers] == [("", True)]


@pytest.mark.parametrize("text, expected", [
    # a reporting participle after a quote's attribution reports a clause of its own
    ("“We are ready,” Nina Berg told reporters, adding that the army had moved.",
     [("We are ready,", "direct", "Nina Berg"), ("the army had moved", "indirect", "Nina Berg")]),
    ("“The road is closed,” the ministry said on Sunday, noting that “nobody can leave” the city.",
     [("The road is closed,", "direct", "ministry"), ("“nobody can leave” the city", "mixed", "ministry")]),
    ('"It does say that," Nina Berg confirmed, adding that "nobody told us."',
     [("It does say that,", "direct", "Nina Berg"), ("nobody told us.", "direct", "Nina Berg")]),
    ("Each charge carries a penalty of 30 years, Ivan Sokolov said, adding that more charges are possible.",
     [("Each charge carries a penalty of 30 years", "indirect", "Ivan Sokolov"),
      ("more charges are possible", "indirect", "Ivan Sokolov")]),
    # an introducing participle still takes the quote after it
    ('"We are ready," Nina Berg said, adding: "The talks failed."',
     [("We are ready,", "direct", "Nina Berg"), ("The talks failed.", "direct", "Nina Berg")]),
    # negative: a participle that reports nothing
    ('"We are ready," Nina Berg said, speaking to reporters in Oslo.',
     [("We are ready,", "direct", "Nina Berg")]),
])
def test_statements_participle_after_the_attribution(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "and said" / "but said" / "and called for" share the sentence's subject
    ("The army destroyed the bridge and said the operation was over.",
     [("the operation was over", "indirect", "army")]),
    ("Nina Berg condemned the attack and called for an inquiry.",
     [("an inquiry", "indirect", "Nina Berg")]),
    ('In a statement, the Lund Peace Institute gave no details but said "the talks will go on."',
     [("the talks will go on.", "direct", "Lund Peace Institute")]),
    # negative: a passive "and told" has no speaker of its own
    ("Omar Haddad had been diagnosed with cancer and told he had months to live — that day, it ended.", []),
])
def test_statements_cue_joined_to_the_sentence_subject(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Foreign Minister Ivan Sokolov said Thursday one of the plans could save money.",
     [("one of the plans could save money", "indirect", "Ivan Sokolov")]),
    ("The ministry stressed Friday that a final decision had not been made.",
     [("a final decision had not been made", "indirect", "ministry")]),
])
def test_statements_bare_day_after_the_cue(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("“Nobody makes money here,” shipping giant Acme said in January.",
     [("Nobody makes money here,", "direct", "Acme")]),
    ("“Nobody makes money here,” points out Omar Haddad, who runs the shop.",
     [("Nobody makes money here,", "direct", "Omar Haddad")]),
    ("Nina Berg pointed out that the talks had failed.",
     [("the talks had failed", "indirect", "Nina Berg")]),
    # the noun after a determiner is no cue: "the report said" is the report speaking (whose, unsaid)
    ("“Nobody makes money here,” the report said.", [("Nobody makes money here,", "direct", "")]),
    # negatives: "point out" without "that" shows, it does not report; a preposition is no modifier
    ("Officials pointed out the damaged building to reporters.", []),
    ("The words “nobody makes money here” in a social media post went viral.", []),
])
def test_statements_speaker_after_the_quote(text, expected):
    assert _found(text) == expected


def test_statements_paired_dashes_are_an_aside_not_a_clause_end():
    text = "Nina Berg said the relationship between young people — especially students — and police needs work."
    assert _found(text) == [("the relationship between young people — especially students — and police needs work",
                             "indirect", "Nina Berg")]
    single = "Nina Berg said the road was closed — a move that angered residents."
    assert _found(single) == [("the road was closed", "indirect", "Nina Berg")]


@pytest.mark.parametrize("text, expected", [
    ("“We were not warned,” Omar Haddad said.\n"
     "Crews are working to restore power. pic.twitter.com/Ab12Cd — Lund Power (@lundpower) December 22, 2018\n"
     "“Nobody called us,” he said.",
     [("We were not warned,", "direct", "Omar Haddad"),
      ("Crews are working to restore power.", "direct", "Lund Power"),
      ("Nobody called us,", "direct", "Omar Haddad")]),
    # negatives: a handle with no date is no embedded post; nor is a signature with no name
    ("Crews are working to restore power — Lund Power (@lundpower) for updates.", []),
    ("Crews are working to restore power. — (@lundpower) December 22, 2018", []),
])
def test_statements_embedded_post_is_its_authors_statement(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a month after a given name is a surname, though "may" is also a modal verb
    ("Green Party leader Nina May said the plan was flawed.", [("the plan was flawed", "indirect", "Nina May")]),
    ("“It is flawed,” said Omar June.", [("It is flawed,", "direct", "Omar June")]),
    # and still a month or a verb everywhere else
    ("The talks ended in May, the minister said.", [("The talks ended in May", "indirect", "minister")]),
    ("In May, Nina Berg said the plan was flawed.", [("the plan was flawed", "indirect", "Nina Berg")]),
    ("Officials said they may leave in May.", [("they may leave in May", "indirect", "Officials")]),
    ("Nina Berg may say the plan failed.", []),
])
def test_statements_a_month_after_a_given_name_is_a_surname(text, expected):
    assert _found(text) == expected
