"""A figure's own clause, read from the dependency parse: the words a category cue may stand in.

The word rules look for the nearest cue within a window, so "killed" two clauses away gives "the
2.3 million residents of Gaza" its category. Here the figure's number is followed up the tree to
the noun it counts (``nummod``) and to the predicate that governs that noun; the clause is the
predicate with its dependents, less the clauses hung on it (``advcl``, ``ccomp``, ``conj``,
``parataxis``, ...). A noun inside another noun's phrase ("the enclave of two million people")
has no predicate of its own: its clause is its phrase and the noun it hangs on.

``own_clause`` returns None when the sentence was not parsed: the caller keeps the word rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from newstally.rules.syntax import Syntax

from .words import FIGURE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

# Dependents that are clauses of their own: a cue in them describes another event.
_CLAUSES = frozenset(
    {
        "advcl",
        "ccomp",
        "parataxis",
        "conj",
        "acl:relcl",
        "csubj",
        "csubj:pass",
        "list",
        "dep",
        "discourse",
        "vocative",
        "reparandum",
        "orphan",
    }
)
# Relations by which a noun is an argument of the predicate above it.
_ARGUMENTS = frozenset(
    {
        "nsubj",
        "nsubj:pass",
        "obj",
        "iobj",
        "obl",
        "obl:tmod",
        "obl:npmod",
        "obl:agent",
        "expl",
        "nsubj:outer",
        "dislocated",
    }
)
# Relations of the phrases two coordinated verbs share when they follow both ("killed and wounded in the attacks").
_SHARED = frozenset({"obl", "obl:tmod", "obl:npmod", "advmod"})
# Relations by which a word is a predicate itself ("six were wounded": "wounded" heads its clause).
_PREDICATES = frozenset({"ROOT", "advcl", "ccomp", "xcomp", "parataxis", "acl", "acl:relcl", "csubj", "list"})
# Relations of a modifier: "More than half of the territory's 2.3 million population is displaced"
# hangs the share on the population, whose predicate is the share's.
_MODIFIERS = frozenset({"advmod", "amod", "det", "det:predet", "nmod:npmod"})
# Marks of an adverbial clause that says over which period the figure counts ("since the war began").
_KEPT_MARKS = frozenset(FIGURE_WORDS.kept_clause_marks)
_CIRCUMSTANCES = FIGURE_WORDS.circumstance_prepositions
_MEASURE_NOUNS = FIGURE_WORDS.measure_nouns
_LEVEL_VERBS = frozenset(w.lower() for w in FIGURE_WORDS.change_verbs) | FIGURE_WORDS.level_verbs
# A number word and the magnitude it is part of ("2.3 million", "tens of thousands").
_NUMBER_LINKS = frozenset({"compound", "nummod", "flat", "fixed"})
_SAME_REFERENT = frozenset(FIGURE_WORDS.aside_markers)  # "including 58 children", "among them"


class Clause(NamedTuple):
    """The article offsets of the words of a figure's own clause, as sorted (start, end) spans."""

    spans: tuple[tuple[int, int], ...]
    predicate: str  # the word that heads the clause, for a rule name and tests
    noun: str  # for a number that counts no noun of its own, the noun whose phrase it is in
    # ("a population of 2.3 million", "an army of 700,000"), else ""
    core: tuple[tuple[int, int], ...] = ()  # the predicate, its subject, and the verbs the counted noun takes
    described: str = ""  # the noun an adjective of the figure describes: "blockade" of "a 16-year-old blockade"
    counts: str = ""  # the word the number counts, as parsed ("northernmost" of "the two northernmost of"), or ""

    def holds(self, pos: int) -> bool:
        """True when the character at ``pos`` belongs to a word of the clause."""
        return any(start <= pos < end for start, end in self.spans)

    def holds_core(self, pos: int) -> bool:
        """True when the character at ``pos`` belongs to the clause's core: "killed" of "killed six
        million", "murdered" of "six million Jews murdered", "toll" of "the toll reached 1.2 million"."""
        return any(start <= pos < end for start, end in self.core)


def own_clause(syntax: Syntax, number_start: int) -> Clause | None:
    """The clause of the figure whose number starts at ``number_start``, or None when its
    sentence was not parsed."""
    found = syntax.token_at(number_start)
    if found is None:
        return None
    sentence, token = found
    head = _counted_head(token)
    stands_with: list[Token] = []
    predicate = _predicate(head, stands_with)
    tokens = _clause_tokens(predicate, head)
    if predicate.dep_ == "conj" and predicate.head.tag_.startswith("VB"):
        # "179 were killed and 303 wounded in attacks over the past day": the phrases after the last
        # verb of a coordination, hung on the first, are both verbs'
        for c in predicate.head.children:
            if c.i > predicate.i and c.dep_ in _SHARED and not _circumstance(c):
                tokens += list(c.subtree)
    if predicate.dep_ == "acl:relcl":
        # "Israel's war on Gaza, which has killed 28,000 people": the noun "which" stands for
        tokens += _clause_tokens(predicate.head, predicate)
    bare = head.tag_ == "CD" or head.like_num
    of = head.head if bare and head.dep_ in ("nmod", "appos") and head.head.tag_.startswith("NN") else None
    if bare and of is None:
        of = _elided_noun(predicate, head)
    # "the death, displacement and disenfranchisement of millions": nouns joined by "and" count together,
    # so none of them alone is the core of a count of a million
    coordinated = _coordinated_noun(predicate)
    core = [] if coordinated else [predicate]
    core += [c for c in head.children if c.dep_ in ("acl", "amod", "acl:relcl")]
    if predicate.dep_ in ("acl", "acl:relcl"):
        core.append(predicate.head)  # "Israeli soldiers killed in the war": the noun the participle describes
    for noun in stands_with:
        core += [t for t in noun.subtree if not _holds(t, head) or t is noun]  # "the number of UN staff – 176 –"
    if (
        predicate.tag_.startswith("NN")
        and predicate.head is not predicate
        and not (coordinated or _circumstance(predicate))
    ):
        core.append(predicate.head)  # "claimed the lives of 1.5 million": the verb the noun is the object of
    if predicate is head or predicate.text.lower() in _LEVEL_VERBS or any(c.dep_ == "cop" for c in predicate.children):
        # "the toll reached 1.2 million", "the death toll was 5 million": the subject says what is counted
        core += [
            t for c in predicate.children if c.dep_ in ("nsubj", "nsubj:pass") and c is not head for t in c.subtree
        ]
    described = next(
        (
            _phrase_head(t.head)
            for t in [token, *list(token.ancestors)[:3]]
            if t.dep_ == "amod" and t.head.tag_.startswith("NN")
        ),
        "",
    )
    stands_for = of.text if of is not None else ""
    # "hundreds more injured": a number word is no noun; "nearing the 30,000 mark": a measure noun says nothing
    counts = "" if bare or head is token or head.text.lower() in _MEASURE_NOUNS else head.text
    return Clause(_spans(sentence, tokens), predicate.text, stands_for, _spans(sentence, core), described, counts)


def _spans(sentence, tokens: list[Token]) -> tuple[tuple[int, int], ...]:
    """The article spans of ``tokens``, neighbours merged."""
    spans: list[tuple[int, int]] = []
    for t in sorted(set(tokens), key=lambda t: t.i):
        start = sentence.offset(t)
        end = start + len(t.text)
        if spans and start <= spans[-1][1] + 1:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return tuple(spans)


def _counted_head(token: Token) -> Token:
    """The noun a number counts ("28,500" -> "people"; "2.3" -> "million" -> "residents"), or the
    number itself when it stands alone ("two were intercepted")."""
    for _ in range(4):
        linked = token.dep_ in _NUMBER_LINKS or (token.dep_ == "det" and token.text.lower() in ("a", "an"))
        if linked and token.head is not token and token.head.i > token.i:
            token = token.head
        else:
            break
    return token


def _predicate(head: Token, stands_with: list[Token]) -> Token:
    """The word heading the clause of ``head``: the predicate it is an argument of, the word whose
    phrase it is in ("the enclave of two million people"), or itself when it is a predicate. The
    nouns the number stands with on the way ("the number of UN staff – 176 –") go to ``stands_with``."""
    for _ in range(8):
        dep, up = head.dep_, head.head
        if up is head or dep in _PREDICATES:
            return head
        if dep == "conj" and not up.tag_.startswith(("NN", "CD", "PRP")):
            return head  # "killed and more than 6,200 wounded": a predicate of its own
        if dep == "conj" and _own_participle(head):
            return head  # "the killing of thousands and the famine facing millions": a phrase of its own
        if dep in ("conj", "appos") or (
            dep == "nmod" and (_names_same_people(head) or up.text.lower() in _MEASURE_NOUNS)
        ):
            head = up  # "1,873 children and 1,023 women", "200 people, including 58 children", "a total of 45"
            if not up.tag_.startswith("CD"):
                stands_with.append(up)
            continue
        if _circumstance(head):
            return head  # "with 2.4 million Palestinians living there": a phrase of its own
        if dep == "nmod" and up.i < head.i and _misattached(head):
            head = up  # "According to the ministry, at least 31 people ... were killed": the parser hung
            continue  # the subject on the fronted phrase; the predicate above it is the count's
        if dep in _ARGUMENTS and not up.tag_.startswith(("NN", "CD", "PRP", "RB", "JJR", "IN")):
            return up
        if dep in _ARGUMENTS or dep in _MODIFIERS:
            head = up  # a head the parser hung on "more" of "more than", a share on its whole: climb past it
            continue
        return up
    return head


def _elided_noun(predicate: Token, number: Token) -> Token | None:
    """For a number that is the subject of a clause joined on ("Several rockets were fired, with at least
    one hitting a house"; "... and two were intercepted"), the plural noun the clause it is joined on is
    about: its subject or object nearest before the number."""
    if number.dep_ not in ("nsubj", "nsubj:pass") or predicate.dep_ not in ("advcl", "conj"):
        return None
    if predicate.dep_ == "advcl" and any(c.dep_ == "mark" and c.text.lower() != "with" for c in predicate.children):
        return None  # "after two were hit": a clause of time, about other things
    verb = predicate.head
    for _ in range(3):
        nouns = [
            c
            for c in verb.children
            if c.dep_ in ("nsubj", "nsubj:pass", "obj") and c.tag_ in ("NNS", "NNPS") and c.i < number.i
        ]
        if nouns:
            return nouns[-1]  # the nearest: "fired rockets at the town, and two were intercepted"
        if verb.dep_ not in ("xcomp", "ccomp") or verb.head is verb:
            break
        verb = verb.head  # "rockets are believed to have been fired": the subject of the verb above
    return None


def _phrase_head(noun: Token) -> str:
    """The head of the noun phrase ``noun`` is part of: "veteran" of "war veteran"."""
    while noun.dep_ == "compound" and noun.head.i > noun.i and noun.head.tag_.startswith("NN"):
        noun = noun.head
    return noun.text


def _own_participle(token: Token) -> bool:
    """True for a noun with a participle of its own ("millions facing famine", "14 civilians wounded")."""
    return any(c.dep_ in ("acl", "amod") and c.tag_ in ("VBG", "VBN") for c in token.children)


def _misattached(token: Token) -> bool:
    """True for a noun hung as ``nmod`` with no preposition of its own, right after a comma: a fronted
    phrase's comma, then the sentence's subject ("In the town of X, 14 members of a family were killed")."""
    if any(c.dep_ == "case" for c in token.children):
        return False
    first = token.left_edge
    return first.text == "," or (first.i > 0 and token.doc[first.i - 1].text == ",")


def _coordinated_noun(token: Token) -> bool:
    """True for a noun joined by "and"/"or" with other nouns ("the killing and starvation of millions")."""
    if not token.tag_.startswith("NN"):
        return False
    if token.dep_ == "conj" and token.head.tag_.startswith("NN"):
        return True
    return any(c.dep_ == "conj" and c.tag_.startswith("NN") for c in token.children)


def _names_same_people(token: Token) -> bool:
    """True for a noun that picks out some of the noun it hangs on ("including 58 children")."""
    return any(c.dep_ == "case" and c.text.lower() in _SAME_REFERENT for c in token.children)


def _clause_tokens(predicate: Token, head: Token) -> list[Token]:
    """``predicate`` and its dependents, less the clauses hung on it (the one holding ``head`` kept)."""
    out = [predicate]
    stack = [c for c in predicate.children]
    while stack:
        t = stack.pop()
        if t is not head and not _holds(t, head):
            if (t.dep_ in _CLAUSES and not _kept(t)) or _circumstance(t):
                continue
            if _aside(t):
                out.append(t)  # "200 people, killed in the strikes": the participle, not what it says more
                continue
        out.append(t)
        stack.extend(t.children)
    return out


def _kept(clause: Token) -> bool:
    """True for an adverbial clause that dates the figure's count ("since the invasion began")."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.text.lower() in _KEPT_MARKS for c in clause.children)


def _aside(token: Token) -> bool:
    """True for a participle set off by a comma ("protesters worldwide, outraged by the death toll")."""
    if token.dep_ != "acl":
        return False
    first = token.left_edge
    return first.text == "," or (first.i > 0 and token.doc[first.i - 1].text == ",")


def _circumstance(token: Token) -> bool:
    """True for a phrase of circumstances ("amid the soaring death toll", "despite the killing of 30")."""
    return token.dep_ in ("obl", "nmod", "advcl", "obl:unmarked", "nmod:unmarked") and any(
        c.dep_ in ("case", "mark") and c.text.lower() in _CIRCUMSTANCES for c in token.children
    )


def _holds(token: Token, inner: Token) -> bool:
    return token.left_edge.i <= inner.i <= token.right_edge.i
