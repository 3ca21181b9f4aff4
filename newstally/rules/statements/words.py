"""The words the statement rules read, in one object: every list comes from a lexicon file
(``newstally/rules/lexicon``), read once. The speaker phrase's words (titles, time words,
subordinators, ...) are the speaker rules' (``newstally.rules.speakers.words.lex``).

Lists that become regex alternatives keep the files' order; lists the rules look words up in are
lower-cased sets.
"""

from __future__ import annotations

from dataclasses import dataclass

from newstally.rules import lexicon


@dataclass(frozen=True)
class StatementWords:
    cue_frames: dict[str, str]  # cue verb or source cue -> say | tell | object | that | name | quote | source
    lemmas: dict[str, str]  # cue verb form -> its lemma ("said" -> "say")
    past_forms: frozenset[str]  # irregular past forms of the cue verbs: "said", "told", "wrote"
    adding_forms: tuple[str, ...]  # forms that report a second clause after one: ", adding that ..."
    speaker_adverbs: frozenset[str]  # "X reportedly said"
    noun_markers: frozenset[str]  # "the report said": a word that makes the cue a noun
    abbreviations: frozenset[str]  # "Mr.", "Gen.": a full stop that ends no sentence
    discourse_adverbials: frozenset[str]  # "Israel, meanwhile, said": no role
    phrase_stops: frozenset[str]  # words that end a speaker phrase after an inverted cue
    time_leads: tuple[str, ...]  # "on", "last" before a day word
    day_parts: tuple[str, ...]  # "morning" after a day word
    that_adjuncts: tuple[str, ...]  # "said on Sunday that"
    pronoun_adjuncts: tuple[str, ...]  # "said in retrospect he feels"
    clause_pronouns: tuple[str, ...]  # "he", "they": open a clause after such an adjunct
    tell_media: tuple[str, ...]  # "told the Reuters news agency"
    tell_objects: tuple[str, ...]  # "told reporters"
    contrasts: tuple[str, ...]  # ", while ..." ends a reported clause
    source_links: tuple[str, ...]  # "according to figures from X": X is the source
    but_subjects: tuple[str, ...]  # ", but they ..." ends one too
    non_starters: frozenset[str]  # cannot open a reported clause: "said on Monday"
    coordinators: frozenset[str]  # "and", "but", "or"
    clause_links: frozenset[str]  # a name phrase after one is whole: "and Omar Haddad, who ..., said"
    joined_leads: frozenset[str]  # "and said": the cue's subject is the sentence's
    opening_prepositions: frozenset[str]  # "For Moreno, ...": the sentence is about the person after it
    negations: frozenset[str]  # "would not say": a negated cue reports nothing
    prompt_openers: frozenset[str]  # "Asked about X, she said": the clause before the cue is the question
    speech_pronouns: frozenset[str]  # "I", "we", "our": words in a speaker's own voice
    narration_marks: frozenset[str]  # ", despite ...", ", though ...": a concession the narration adds


def _load() -> StatementWords:
    cue_verbs = lexicon.rows("cue_verbs")
    frames = {r["form"].lower(): r["frame"] for r in cue_verbs}
    for phrase in lexicon.entries("source_cues"):
        frames[phrase.lower()] = "source"
    entries, words = lexicon.entries, lexicon.words
    return StatementWords(
        cue_frames=frames,
        lemmas={r["form"].lower(): r["lemma"] for r in cue_verbs},
        # other forms than the lemma that end neither in -s nor in -ing ("zed" spellings are one verb)
        past_forms=frozenset(
            r["form"].lower()
            for r in cue_verbs
            if r["form"].replace("z", "s") != r["lemma"].replace("z", "s") and not r["form"].endswith(("s", "ing"))
        ),
        adding_forms=tuple(r["form"] for r in cue_verbs if r.get("adds_clause") == "yes"),
        speaker_adverbs=words("speaker_adverbs"),
        noun_markers=words("cue_noun_markers"),
        abbreviations=words("abbreviations"),
        discourse_adverbials=words("discourse_adverbials"),
        phrase_stops=words("speaker_phrase_stops"),
        time_leads=entries("time_leads"),
        day_parts=entries("day_parts"),
        that_adjuncts=entries("statement_that_adjuncts"),
        pronoun_adjuncts=entries("statement_pronoun_adjuncts"),
        clause_pronouns=entries("statement_clause_pronouns"),
        tell_media=entries("statement_tell_media"),
        tell_objects=entries("statement_tell_objects"),
        contrasts=entries("statement_contrasts"),
        source_links=entries("statement_source_links"),
        but_subjects=entries("statement_but_subjects"),
        non_starters=words("statement_non_starters"),
        coordinators=words("coordinators"),
        clause_links=words("clause_links"),
        joined_leads=words("statement_joined_leads"),
        opening_prepositions=words("statement_opening_prepositions"),
        negations=words("statement_negations"),
        prompt_openers=words("statement_prompt_openers"),
        speech_pronouns=words("statement_speech_pronouns"),
        narration_marks=words("statement_narration_marks"),
    )


STATEMENT_WORDS = _load()
