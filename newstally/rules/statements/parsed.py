"""Reported speech read from the dependency parse (``newstally.rules.syntax``): the cue verb's
subject is the speaker and its clausal complement is what was said.

Shapes: ``X said (that) CLAUSE`` (the clause is the cue's ``ccomp``), ``CLAUSE, X said`` (the cue
a ``parataxis`` of the clause, or the clause a ``ccomp`` before its cue), ``X told LISTENER (that)
CLAUSE`` and ``X told LISTENER to ...`` for any listener, ``X warned of NOUN``, ``X called for
NOUN``, ``..., which X said CLAUSE``, ``X added A and said B`` (a conjoined cue takes the first
one's subject), ``..., saying CLAUSE``. The speaker phrase is the subject's noun phrase
(``phrases``); where the clause begins and ends is ``complements``'. A cue the parse shows in
another sense (a noun, ``added a goal``, ``denied them the votes``, ``would not say``) reports
nothing. ``read`` gives what the parse says of each cue it can read;
``combined`` merges that with what the word rules found.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newstally.rules.speakers.mentions import Mention
from newstally.rules.speakers.words import lex
from newstally.rules.syntax import Sentence, Syntax

from . import reports
from .attribution import Attribution, Cue, CueIndex
from .phrases import BREAKS, speaker_phrase
from .words import STATEMENT_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

_RELATIVES = frozenset({"who", "which", "that", "whom"})


@dataclass(frozen=True)
class CueParse:
    """What the parse says of one cue: ``speech`` False when it reports nothing here; otherwise the
    rule that read it, its speaker phrase (``subject``: start, end; ``mention``; ``around``: the
    subject's whole subtree, appositions included) and the clauses it reports (start, end)."""

    cue: Cue
    speech: bool
    rule: str = ""
    subject: tuple[int, int] | None = None
    mention: Mention | None = None
    clauses: tuple[tuple[int, int], ...] = ()
    begins: int = 0  # where the cue's own phrase begins: another cue's clause stops there
    before: bool = False  # the clause precedes the cue
    stops: bool = False  # its phrase ends another cue's clause: a conjoined cue, or one after a comma
    around: tuple[int, int] | None = None
    adjuncts: bool = False  # only the cue's adjuncts ("in a statement") lie between it and the clause


def read(text: str, cues: list[Cue], syntax: Syntax, inside_quote: Callable[[int], bool]) -> dict[int, CueParse]:
    """What the parse says of each of ``cues`` (by start) it can read; a cue in a sentence that was
    not parsed, or whose parse says nothing clear, is left out."""
    out: dict[int, CueParse] = {}
    for cue in cues:
        if inside_quote(cue.start) or cue.frame == "source":
            continue
        found = syntax.token_at(cue.start)
        if found is None or found[0].offset(found[1]) != cue.start:
            continue
        if cue.frame == "quote":
            # "Russian forces continued to bombard ...": a verb with a complement of its own closes no quote
            verb = found[1]
            if any(c.dep_ in ("xcomp", "obj", "ccomp") and c.i > verb.i for c in verb.children) and any(
                c.dep_ == "nsubj" for c in verb.lefts
            ):
                out[cue.start] = CueParse(cue, False)
            continue
        reading = _read_cue(text, found[0], found[1], cue)
        if reading is not None:
            out[cue.start] = reading
    return out


def reports_around(text: str, syntax: Syntax, index: CueIndex, start: int, end: int, limit: int) -> bool:
    """Whether a cue between ``end`` and ``limit`` reports, by the parse, a clause before it that holds
    the quote ``text[start:end]`` and has a speaker: ``Such "leaps" were unlikely, he said, but ...``
    is his mixed statement, not a quote that goes on the statement before it."""
    for cue in index.between(end, limit):
        found = syntax.token_at(cue.start)
        if found is None or found[0].offset(found[1]) != cue.start or cue.frame in ("source", "quote"):
            continue
        reading = _read_cue(text, found[0], found[1], cue)
        if reading is not None and reading.speech and reading.mention is not None and reading.before:
            if any(a <= start and end <= b + 1 for a, b in reading.clauses):
                return True
    return False


def speaker_of(text: str, syntax: Syntax, cue: Cue) -> tuple[Mention, int, int] | None:
    """The speaker the parse gives a cue verb (its subject's phrase: mention, start, end), whatever
    it reports; None when the sentence was not parsed or the cue has no subject that names one."""
    found = syntax.token_at(cue.start)
    if found is None or found[0].offset(found[1]) != cue.start or not found[1].tag_.startswith("VB"):
        return None
    sentence, verb = found
    subject, rule = _subject(verb)
    if subject is None:
        return None
    mention, first, last = speaker_phrase(text, sentence, subject, rule == "parsed")
    return (mention, *sentence.span(first, last)) if mention is not None else None


def subjects(text: str, syntax: Syntax, start: int, inside_quote: Callable[[int], bool]) -> list[Mention] | None:
    """The people the narration of the sentence at ``start`` makes subjects ("It's a comment that X
    found concerning", "Director of Y, X, agreed"): a later "he" may be them. Subjects inside a
    reported clause or a quote are not the narration's. None when the sentence was not parsed."""
    sentence = syntax.sentence_at(start)
    if sentence is None:
        return None
    out = []
    for token in sentence.doc:
        if token.tag_ not in ("NNP", "NNPS", "NN") or inside_quote(sentence.offset(token)):
            continue
        if token.dep_ != "nsubj" and not (token.tag_ == "NNP" and _aged(token)):
            continue
        if any(a.dep_ == "ccomp" for a in token.ancestors):
            continue
        mention, _, _ = speaker_phrase(text, sentence, token, own=False)
        if mention is not None and mention.type == "person":
            out.append(mention)
    return out


def _aged(token: Token) -> bool:
    """Whether a name has an age after its comma ("for accountant X, 50."): a new voice introduced,
    wherever the parse hangs the number."""
    doc = token.doc
    edge = max([token.i] + [c.i for c in token.children if c.dep_ in ("flat", "flat:name")])
    if edge + 2 >= len(doc) or doc[edge + 1].text != "," or doc[edge + 2].tag_ != "CD":
        return False
    return edge + 3 == len(doc) or doc[edge + 3].is_punct


def introduced(text: str, syntax: Syntax, start: int, inside_quote: Callable[[int], bool]) -> list[Mention]:
    """The people the sentence at ``start`` names in an apposition before its main verb ("The deputy
    commander of the unit, Capt X, released a video in which he said ...", "In a statement made by
    the prime minister, X, ..., he said"): who a "he" in that sentence or after it may be. [] when
    the sentence was not parsed."""
    sentence = syntax.sentence_at(start)
    if sentence is None:
        return []
    root = next((t for t in sentence.doc if t.dep_ == "ROOT"), None)
    out = []
    for token in sentence.doc:
        if root is None or token.i >= root.i:
            break
        if token.dep_ != "appos" or token.tag_ != "NNP" or inside_quote(sentence.offset(token)):
            continue
        if any(a.dep_ == "ccomp" for a in token.ancestors):
            continue
        mention, _, _ = speaker_phrase(text, sentence, token, own=False)
        if mention is not None and mention.type == "person":
            out.append(mention)
    return out


def attribution_after(text: str, pos: int, limit: int, cues: list[Cue], syntax: Syntax) -> Attribution | None:
    """The attribution right after a closing quote mark at ``pos`` that the word rules could not read
    (``"...," the minister for energy affairs said``, ``"...," Ukraine's command south wrote``): the
    first cue before ``limit``, when its subject's phrase (or the cue itself) follows the quote."""
    for cue in cues:
        if cue.start < pos or cue.start >= limit or cue.frame in ("source", "object", "name"):
            continue
        found = speaker_of(text, syntax, cue)
        if found is None:
            return None
        mention, start, end = found
        if start < pos or text[pos : min(start, cue.start)].strip(" ,—–-\u00a0"):
            return None
        return Attribution(cue, mention, pos, max(end, cue.end))
    return None


def _read_cue(text: str, sentence: Sentence, verb: Token, cue: Cue) -> CueParse | None:
    if not verb.tag_.startswith("VB"):
        # "his claims", "the state department": a noun, not the cue
        return CueParse(cue, False) if verb.tag_.startswith(("NN", "JJ")) and verb.dep_ != "ROOT" else None
    spans = reports.clauses(verb, cue)
    if spans is None:
        return None
    if not spans:
        return CueParse(cue, False)
    before = spans[0][0].i < verb.i
    clauses = tuple(sentence.span(a, b) for a, b in spans)
    subject, rule = _subject(verb)
    if subject is None:
        rule = "parsed-before" if before else "parsed"
        return CueParse(
            cue,
            True,
            rule,
            clauses=clauses,
            begins=sentence.offset(verb.left_edge),
            before=before,
            stops=verb.dep_ == "conj" and not _joined_on(verb, cue),
        )
    mention, first, last = speaker_phrase(text, sentence, subject, rule == "parsed")
    own = subject.head.i == verb.i or rule == "parsed-relative"
    opening = min(first, verb.left_edge, key=lambda t: t.i) if own else verb.left_edge
    begins = sentence.offset(first if before else opening)
    if before:
        rule += "-before"
    stops = (
        verb.dep_ in ("conj", "parataxis")
        and not _joined_on(verb, cue)
        or sentence.doc[max(0, opening.i - 1)].text in BREAKS
        or opening.text in BREAKS  # the comma the parse hangs on the cue (", which it said ...")
    )
    return CueParse(
        cue,
        True,
        rule,
        sentence.span(first, last),
        mention,
        clauses,
        begins,
        before,
        stops,
        sentence.span(subject.left_edge, subject.right_edge),
        _adjuncts_only(verb, cue, spans[0][0]),
    )


def _that_clause(head: Token) -> bool:
    return head.dep_ == "ccomp" and head.left_edge.lower_ == "that"


def _joined_on(verb: Token, cue: Cue) -> bool:
    """Whether a conjoined cue goes on the statement before it: one joined by "but" with no comma
    ("called for an end to the violence but also said ..."), or one whose object is what it reports
    ("has urged both sides to cease violence and has blamed the West ..."); ", but added" and "and
    said" start another."""
    if cue.frame in ("object", "name"):
        return True
    cc = next((c for c in verb.lefts if c.dep_ == "cc"), None)
    return cc is not None and cc.lower_ == "but" and cc.i > 0 and verb.doc[cc.i - 1].text not in BREAKS


def _adjuncts_only(verb: Token, cue: Cue, first: Token) -> bool:
    """Whether every word between the cue and the clause's first word is punctuation, "that", or in a
    prepositional or adverbial adjunct ("said in a statement on Friday that ..."), not a clause
    ("said when ... , he ...")."""
    doc = verb.doc
    for token in doc[verb.i + len(cue.text.split()) : first.i]:
        if token.is_punct or token.lower_ == "that":
            continue
        node = token
        while node.head.i != node.i and node.head.i not in (verb.i, first.i) and node.dep_ not in _CLAUSES:
            node = node.head
        if node.dep_ in _CLAUSES or not (token.is_punct or token.lower_ == "that" or node.dep_ in _ADJUNCT):
            return False
    return True


_CLAUSES = frozenset({"advcl", "ccomp", "parataxis", "acl", "acl:relcl", "csubj", "conj", "xcomp"})
_ADJUNCT = frozenset(
    {
        "obl",
        "obl:tmod",
        "obl:unmarked",
        "advmod",
        "obl:npmod",
        "case",
        "det",
        "amod",
        "nmod",
        "compound",
        "mark",
        "punct",
        "obj",
    }
)


def _adjacent_name(verb: Token) -> list[Token]:
    """A capitalised phrase right before a cue with no subject, which the parse hung on it otherwise
    ("its president, Xi Lan, told ...")."""
    lefts = [c for c in verb.lefts if not c.is_punct and c.dep_ not in ("aux", "aux:pass", "advmod", "cc", "mark")]
    if not lefts:
        return []
    last = lefts[-1]
    between = verb.doc[last.right_edge.i + 1 : verb.i]
    if last.text[:1].isupper() and all(t.is_punct for t in between) and last.dep_ not in ("obj", "nsubj:pass"):
        return [last]
    return []


def _antecedent(relative: Token) -> Token | None:
    """The noun a relative word right after it stands for ("the swimmer X, who ..."), or None."""
    doc = relative.doc
    i = relative.i - 1
    while i >= 0 and doc[i].is_punct:
        i -= 1
    if i < 0 or not doc[i].tag_.startswith("NN"):
        return None
    token = doc[i]
    while token.dep_ in ("flat", "compound", "flat:name") and token.head.i > token.i:
        token = token.head  # the phrase's head, for the word before the comma
    return token


def _fronted_noun(subject: Token, verb: Token) -> Token | None:
    """The noun phrase that opens the sentence when ``subject`` is set off after it by a comma and
    the parse hung that phrase on the verb with no preposition, or made both subjects: "A farmer,
    a resident of the camp, said" and "The minister, a former general, said" are the farmer and
    the minister speaking, described by the rest (the parse broke the apposition)."""
    doc = verb.doc
    if subject.tag_ == "PRP" or any(t.tag_ in ("WDT", "WP") for t in subject.lefts):
        return None  # "Its forces, he added, ...", "The strike, which X said ...": no apposition
    comma = subject.i - 1  # before the subject's own words (its subtree may hold the fronted phrase)
    while comma > 0 and doc[comma].head.i == subject.i and doc[comma].dep_ in ("det", "amod", "compound", "nummod"):
        comma -= 1
    if comma < 1 or doc[comma].text != ",":
        return None
    fronted = doc[comma - 1]
    while fronted.head.i < comma and fronted.head.i != fronted.i and fronted.dep_ in ("flat", "compound", "amod"):
        fronted = fronted.head
    if subject.tag_ in ("NNP", "NNPS") and doc[verb.i - 1].i == subject.right_edge.i and _aside(verb):
        return None  # "The board, Lee said, had failed ...": a name with its cue set between commas speaks
    if (
        fronted.head.i in (verb.i, subject.i)
        and fronted.tag_ in ("NN", "NNS", "NNP", "NNPS")
        and fronted.dep_ not in ("obj", "ccomp")
        and fronted.left_edge.i == 0
        and not any(c.dep_ in ("case", "mark") for c in fronted.children)
        and fronted.lower_ not in lex().time_words
    ):
        return fronted
    return None


def _aside(verb: Token) -> bool:
    """Whether a comma follows the cue, which a comma-set phrase precedes: ", X said," set in a clause."""
    return verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].text == ","


def _subject(verb: Token) -> tuple[Token | None, str]:
    """The subject of a cue verb, and the rule that found it: its own ``nsubj``, the antecedent of
    a relative ``who``, or for a conjoined cue or a participle the subject of the verb before it."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] or _adjacent_name(verb)
    # "The group, which monitors the fighting, said": a relative clause the parse took for a second subject
    subjects = [c for c in subjects if not any(k.tag_ in ("WDT", "WP") for k in c.lefts)] or subjects
    if subjects:
        child = min(subjects, key=lambda c: abs(verb.i - c.i))  # "As well as the issues ..., X said"
        if child.lower_ in _RELATIVES and verb.dep_ == "acl:relcl":
            return verb.head, "parsed-relative"
        if child.lower_ in _RELATIVES and child.i < verb.i and child.tag_ in ("WP", "WDT"):
            # ", who told ...": a relative clause the parse hung on the verb; its antecedent ends before the comma
            antecedent = _antecedent(child)
            return antecedent, ("parsed-relative" if antecedent is not None else "")
        return _fronted_noun(child, verb) or child, "parsed"
    if verb.dep_ == "conj" and verb.head.i < verb.i and not reports.unjoined(verb):
        head = verb.head
        if (
            head.dep_ == "ccomp"
            and head.head.lower_ in STATEMENT_WORDS.cue_frames
            and verb.tag_ != "VBG"
            and (not head.tag_.startswith("VB") or _that_clause(head) and any(_that_clause(c) for c in verb.rights))
        ):
            # "X added that the army was ready and said ...": the parse hung "said" on "ready"; "X added that
            # the army was being supplied and said that ...": two "that" clauses, one speaker's
            head = head.head
        if head.tag_.startswith("VB"):
            subject, _ = _subject(head)
            return subject, "parsed-conjoined"
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj") and verb.head.tag_.startswith("VB"):
        head = verb.head  # "..., saying ...": the subject of the verb it follows, or of the cue reporting that verb
        while head.dep_ == "ccomp" and head.head.lower_ in STATEMENT_WORDS.cue_frames:
            head = head.head
        subject, _ = _subject(head)
        return subject, "parsed-participle"
    return None, ""
