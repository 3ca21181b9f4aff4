"""The words the figure rules read, in one object: every list comes from a lexicon file
(``newstally/rules/lexicon/figure_*.tsv`` and ``.txt``, and ``contractions.txt``), read once.

Lists that become regex alternatives keep the files' order; lists the rules look words up in are
lower-cased sets or dicts.
"""

from __future__ import annotations

from dataclasses import dataclass

from newstally.rules import lexicon


@dataclass(frozen=True)
class FigureWords:
    number_words: dict[str, tuple[float, str]]  # word -> (value, part: unit | tens | hundred | scale | article)
    magnitudes: dict[str, tuple[float, bool]]  # suffix as written ("bn", "M") -> (multiplier, ambiguous)
    vague: dict[str, float]  # "dozens" -> 24
    fractions: dict[str, float]  # "third" -> 33.33 (percent)
    units: dict[str, tuple[str, str, str]]  # counted noun -> (unit, category, clause categories field)
    unit_factors: dict[str, tuple[str, float]]  # "decade" -> ("years", 10)
    currencies: dict[str, tuple[str, str]]  # token as written -> (unit, written: symbol | code | word | glued)
    qualifiers: dict[tuple[str, str], str]  # (phrase, before | after) -> qualifier
    category_cues: tuple[tuple[str, str], ...]  # (cue word as written, category), in file order
    modifiers: frozenset[str]
    phrase_ends: frozenset[str]
    one_before: frozenset[str]
    one_after: frozenset[str]
    objects: frozenset[str]
    change_verbs: tuple[str, ...]
    months: tuple[str, ...]
    identifier_words: tuple[str, ...]
    year_lead: tuple[str, ...]
    age_before: tuple[str, ...]
    age_after: tuple[str, ...]
    anaphors: tuple[str, ...]
    list_links: tuple[str, ...]
    contractions: tuple[str, ...]
    clause_breaks: tuple[str, ...]
    aside_openers: tuple[str, ...]
    of_determiners: tuple[str, ...]
    percent_words: tuple[str, ...]
    fraction_followers: tuple[str, ...]
    not_half_before: tuple[str, ...]
    aside_markers: tuple[str, ...]
    share_words: tuple[str, ...]
    subject_links: tuple[str, ...]
    places: dict[str, tuple[str, str]]  # name as written -> (territory, form: name | adjective | people)
    place_nouns: tuple[str, ...]
    place_agents: dict[str, tuple[str, ...]]  # noun | verb -> words that make a place who acts
    place_prepositions: tuple[str, ...]
    subgroups: dict[str, str]  # phrase as written -> subgroup
    scope_cues: tuple[tuple[str, str], ...]  # (phrase, cumulative | event)
    duration_leads: frozenset[str]
    time_relative: tuple[str, ...]
    kept_clause_marks: tuple[str, ...]
    multipliers: dict[str, float]  # "tripling" -> 3
    calibre_nouns: frozenset[str]
    strength_words: frozenset[str]
    circumstance_prepositions: frozenset[str]
    since_recent: tuple[str, ...]
    span_words: tuple[str, ...]
    level_verbs: frozenset[str]
    measure_nouns: frozenset[str]
    since_not_start: tuple[str, ...]
    lasting_nouns: frozenset[str]
    death_causes: dict[str, str]  # cause as written ("malnutrition") -> subgroup ("starvation")
    cause_prepositions: tuple[str, ...]
    superlatives: tuple[str, ...]
    others: tuple[str, ...]


def _load() -> FigureWords:
    rows, entries, words = lexicon.rows, lexicon.entries, lexicon.words
    ages = rows("figure_age_cues")
    return FigureWords(
        number_words={r["word"].lower(): (float(r["value"]), r["part"]) for r in rows("figure_number_words")},
        magnitudes={r["suffix"]: (float(r["multiplier"]), r["ambiguous"] == "yes") for r in rows("figure_magnitudes")},
        vague={r["phrase"].lower(): float(r["value"]) for r in rows("figure_vague")},
        fractions={r["word"].lower(): float(r["percent"]) for r in rows("figure_fractions")},
        units={r["word"].lower(): (r["unit"], r["category"], r["clause"]) for r in rows("figure_units")},
        unit_factors={r["word"].lower(): (r["unit"], float(r["factor"])) for r in rows("figure_unit_factors")},
        currencies={r["token"]: (r["unit"], r["written"]) for r in rows("figure_currencies")},
        qualifiers={(r["phrase"].lower(), r["position"]): r["qualifier"] for r in rows("figure_qualifiers")},
        category_cues=tuple((r["word"], r["category"]) for r in rows("figure_categories")),
        modifiers=words("figure_modifiers"),
        phrase_ends=words("figure_phrase_ends"),
        one_before=words("figure_one_before"),
        one_after=words("figure_one_after"),
        objects=words("figure_objects"),
        change_verbs=entries("figure_change_verbs"),
        months=entries("figure_months"),
        identifier_words=entries("figure_identifier_words"),
        year_lead=entries("figure_year_lead"),
        age_before=tuple(r["phrase"] for r in ages if r["position"] == "before"),
        age_after=tuple(r["phrase"] for r in ages if r["position"] == "after"),
        anaphors=entries("figure_anaphors"),
        list_links=entries("figure_list_links"),
        contractions=entries("contractions"),
        clause_breaks=entries("figure_clause_breaks"),
        aside_openers=entries("figure_aside_openers"),
        of_determiners=entries("figure_of_determiners"),
        percent_words=entries("figure_percent_words"),
        fraction_followers=entries("figure_fraction_followers"),
        not_half_before=entries("figure_not_half_before"),
        aside_markers=entries("figure_same_people"),
        share_words=entries("figure_share_words"),
        subject_links=entries("figure_subject_links"),
        places={r["name"]: (r["place"], r["form"]) for r in rows("figure_places")},
        place_nouns=entries("figure_place_nouns"),
        place_agents={
            kind: tuple(r["word"] for r in rows("figure_place_agents") if r["kind"] == kind)
            for kind in ("noun", "verb")
        },
        place_prepositions=entries("figure_place_prepositions"),
        subgroups={r["phrase"]: r["subgroup"] for r in rows("figure_subgroups")},
        scope_cues=tuple((r["phrase"], r["scope"]) for r in rows("figure_scope_cues")),
        duration_leads=words("figure_duration_leads"),
        time_relative=entries("figure_time_relative"),
        kept_clause_marks=entries("figure_kept_clause_marks"),
        multipliers={r["word"].lower(): float(r["times"]) for r in rows("figure_multipliers")},
        calibre_nouns=words("figure_calibre_nouns"),
        strength_words=words("figure_strength_words"),
        circumstance_prepositions=words("figure_circumstance_prepositions"),
        since_recent=entries("figure_since_recent"),
        span_words=entries("figure_span_words"),
        level_verbs=words("figure_level_verbs"),
        measure_nouns=words("figure_measure_nouns"),
        since_not_start=entries("figure_since_not_start"),
        lasting_nouns=words("figure_lasting_nouns"),
        death_causes={r["phrase"].lower(): r["subgroup"] for r in rows("figure_death_causes")},
        cause_prepositions=entries("figure_cause_prepositions"),
        superlatives=entries("figure_superlatives"),
        others=entries("figure_others"),
    )


FIGURE_WORDS = _load()
