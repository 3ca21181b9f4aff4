"""Speaker phrases read from the dependency parse: a noun phrase's words (its determiners,
modifiers, compounds, "of"/"for" phrases and conjuncts), without its appositions, relative clauses
and time words, and what it names (``speakers.mentions``). The statement rules use it for a cue
verb's subject; an appositive after a comma describes the speaker ("X, the director of Y, said")
or names it ("the minister, X, said").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newstally.rules.speakers.mentions import Mention, described, parse
from newstally.rules.speakers.words import TOKEN, lex
from newstally.rules.syntax import Sentence

from .attribution import named_appositive
from .words import STATEMENT_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

BREAKS = frozenset({",", ";", "—", "–", "-", ":", "(", "--"})
# The words of a subject's noun phrase that name it (its appositions and clauses only describe it).
_PHRASE = frozenset(
    {
        "det",
        "amod",
        "compound",
        "nmod:poss",
        "nummod",
        "nmod",
        "flat",
        "case",
        "fixed",
        "conj",
        "cc",
        "det:poss",
        "flat:foreign",
        "goeswith",
    }
)


def speaker_phrase(text: str, sentence: Sentence, head: Token, own: bool) -> tuple[Mention | None, Token, Token]:
    """The speaker phrase whose head is ``head`` and what it names; ``own``: the cue's own subject,
    which is its speaker whatever its words (a description ``parse`` does not know is one)."""
    first, last, appositive = _phrase(head)
    if any(c.lower_ in STATEMENT_WORDS.time_leads for c in head.lefts if c.dep_ in ("amod", "det")):
        return None, first, last  # "Last month", "This week": a time, not a speaker
    start, stop = sentence.span(first, last)
    surface = text[start:stop]
    words = TOKEN.findall(surface)
    if not words:
        return None, first, last
    mention = parse(words, appositive, surface)
    if mention is None:
        # "the Ministry of Health in the northern province": the name without where it is
        where = next((c for c in head.rights if c.dep_ == "nmod" and _case(c) not in ("of", "for")), None)
        if where is not None and where.left_edge.i > head.i:
            last = sentence.doc[where.left_edge.i - 1]
            surface = text[start : sentence.span(last, last)[1]]
            words = TOKEN.findall(surface)
            mention = parse(words, appositive, surface)
    if mention is None and own and head.tag_.startswith("NN"):
        mention = described(words, _head_index(words, head), surface)
    return named_appositive(mention, appositive), first, last


def _head_index(words: list[str], head: Token) -> int:
    return next((i for i in range(len(words) - 1, -1, -1) if words[i].startswith(head.text)), len(words) - 1)


def _governs(token: Token) -> bool:
    """Whether ``token`` is a preposition's word the parse hung inside the phrase it governs."""
    return token.dep_ in ("case", "fixed") and token.tag_ in ("IN", "TO", "VBG", "RB")


def _phrase(head: Token) -> tuple[Token, Token, str]:
    """First and last word of the noun phrase headed by ``head``, and the appositive after it."""
    doc = head.doc
    # not the preposition that governs the phrase ("according to X"); a name the parse calls one is kept
    lefts = [c for c in head.lefts if (c.dep_ in _PHRASE or c.text in ("'", "’")) and not _governs(c)]
    first = lefts[0].left_edge if lefts else head
    while first.i < head.i and (first.is_punct or first.dep_ == "cc"):
        first = doc[first.i + 1]
    first = _whole_name_start(first)
    # "according to" hung inside the phrase ("to the city's ..."); a relative word taken for a
    # determiner ("the raid, which officials said")
    while first.i < head.i and (_governs(first) or first.tag_ in ("WDT", "WP")):
        first = doc[first.i + 1]
    last = head
    appositive = ""
    lx = lex()
    for child in head.rights:
        if child.dep_ == "punct":
            continue
        opened = break_before(child) is not None
        # a comma opens no part of the name but a list of names ("Berg, Lund and Park said")
        listed = (
            child.dep_ == "conj" and child.text[:1].isupper() and not any(c.dep_ == "advmod" for c in child.children)
        )
        if (
            child.dep_ in _PHRASE
            and not (opened and not listed)
            and child.lower_ not in lx.time_words
            and not (child.dep_ == "nmod" and _case(child) not in lx.name_prepositions)
        ):
            last = _closed_edge(child)
            continue
        if child.dep_ == "appos" and opened:
            words = [t.text for t in child.subtree]
            while words and words[0] in BREAKS:
                words = words[1:]
            while words and words[-1] in BREAKS:
                words = words[:-1]
            appositive = " ".join(words)
        break
    while last.i > first.i and last.is_punct:
        last = doc[last.i - 1]
    return first, last, appositive


def _whole_name_start(first: Token) -> Token:
    """``first``, or the start of the name it ends when the tokenizer split that name at a hyphen
    ("al-Amir", "Abu-Zeid": three tokens the parse may hang apart): the name's words written right
    before it, proper nouns all, are the speaker's too ("Reporter Lina al-Amir said")."""
    doc = first.doc
    i = first.i
    if not (i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_):
        return first
    i -= 2
    while i > 0 and doc[i - 1].tag_ == "NNP" and doc[i - 1].whitespace_ == " ":
        i -= 1
    return doc[i]


def _closed_edge(token: Token) -> Token:
    """The last word of ``token``'s phrase before any part of it a comma opens ("the foreign minister
    of Egypt, which has not joined the coalition": "Egypt")."""
    edge = token
    for child in token.rights:
        if break_before(child) is not None:
            break
        edge = _closed_edge(child)
    return edge


def _case(token: Token) -> str:
    """The preposition of a prepositional phrase ("for" in "a spokesperson for the group")."""
    return next((c.lower_ for c in token.children if c.dep_ == "case"), "")


def break_before(child: Token) -> Token | None:
    """The comma, dash or colon that opens the phrase ``child`` heads (its first word, or the word
    before it), or None; a hyphen inside a word ("Al-Arian") is none."""
    doc = child.doc
    edge = child.left_edge
    while edge.i < child.i and edge.is_punct and edge.text not in BREAKS:
        edge = doc[edge.i + 1]
    mark = edge if edge.text in BREAKS else (doc[edge.i - 1] if edge.i > 0 else None)
    if mark is None or mark.text not in BREAKS:
        return None
    if mark.text == "-" and not (mark.whitespace_ and mark.i > 0 and doc[mark.i - 1].whitespace_):
        return None
    return mark
