"""Which clauses the dependency parse says a cue verb reports (``parsed`` reads its speaker): its
clausal complement after it (``X said (that) CLAUSE``), the clause before it (``CLAUSE, X said``;
``CLAUSE, she said, CLAUSE`` gives both), the listener's ``to ...`` (``told police to ...``), the
object of an object cue (``called for talks``), what a naming cue names (``called the escalation
"abhorrent"``; without a quote ``called it a mistake``, ``described X as Y``); or nothing, for a
cue the parse shows in another sense (``added a goal``, ``denied them the votes``, ``would not say``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newstally.rules.speakers.words import lex

from . import complements
from .attribution import Cue
from .phrases import BREAKS
from .words import STATEMENT_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

_CLAUSAL = ("ccomp", "parataxis")
_OBJECTS = ("obj", "iobj")
_ABOUT = frozenset({"of"})  # "warned of ...", not "writes about ..."
_COMPARED = frozenset({"than"})  # "lower than X says": the cue's clause is elided
_TOPIC = frozenset({"about"})  # "says much about X": what is said is a quantity, about a topic


def clauses(verb: Token, cue: Cue) -> list[tuple[Token, Token]] | None:
    """First and last word of each clause the cue reports: [] when the parse shows it reports
    nothing, None when it cannot tell."""
    doc = verb.doc
    after = doc[min(verb.i + len(cue.text.split()), len(doc) - 1)]  # the first word after the cue
    if any(c.dep_ == "advmod" and c.lower_ in STATEMENT_WORDS.negations for c in verb.children):
        return []  # "would not say what ..."
    if any(c.dep_ == "mark" and c.lower_ in _COMPARED and _opens_subject(c, verb) for c in verb.lefts):
        return []  # "costs are lower than the agency says they are": a comparison, nothing reported
    if STATEMENT_WORDS.lemmas.get(verb.lower_) == "say" and _says_about(verb, after):
        return []  # "the video says much about the car", "she said nothing about the deal"
    # ", adding that ...": a participle the parse hangs under the cue reports a clause of its own
    clausal = [c for c in verb.children if c.dep_ in _CLAUSAL and c.i > verb.i and _complement(verb, c)]
    if not clausal and cue.frame in ("say", "that") and _object_only(verb):
        return []  # "added another goal", "denied them the votes", "announced a booking"
    if clausal:
        if cue.frame == "that" and not any(k.lower_ == "that" for k in clausal[0].children if k.dep_ == "mark"):
            return None
        spans = complements.after(clausal, verb)
        # "said Israel's Prime Minister X on Tuesday": a "clause" with no verb is the inverted subject
        if not spans or not any(t.tag_.startswith(("VB", "MD")) for t in doc[spans[0][0].i : spans[0][1].i + 1]):
            return None
        # "CLAUSE, she said, CLAUSE": a cue set in the middle of a sentence reports what is on both sides
        return (_parenthetical(verb) or []) + spans
    if cue.frame in ("say", "that"):
        found = _as_said(verb)
        if found is not None:
            return found
    head = _misread_head(verb) if cue.frame == "say" else None
    if head is not None:
        # "X noted the two are very close": the parse hung the cue on the clause it reports, or split it off
        span = complements.span(head, after, head.right_edge)
        return [span] if span else None
    # "CLAUSE, X said": a cue after its clause has no object ("..., he found Wadea" reports nothing)
    inverted = not (any(c.dep_ in _OBJECTS for c in verb.rights) and any(c.dep_ == "nsubj" for c in verb.lefts))
    # (", urging it to act": a participle after its clause reports what follows it, never the clause)
    if inverted and (verb.dep_ == "parataxis" or unjoined(verb)) and verb.head.i < verb.i and verb.tag_ != "VBG":
        if verb.dep_ != "acl:relcl":
            return complements.before(verb.head, verb)
        # a cue the parse took for a relative clause of the noun before it closes the whole sentence,
        # when what stands before it is a clause ("Following the vote, X announced ..." is not)
        found = complements.before(_root(verb), verb)
        finite = found and any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in doc[found[0][0].i : found[0][1].i + 1])
        return found if finite else None
    before = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
    if inverted and before:
        return complements.before(before[0], verb)
    if cue.frame in ("tell", "object"):
        # "told the US to stop ...", "urged the council to act", "called for talks"
        targets = [c for c in verb.children if c.i >= after.i and c.dep_ in ("xcomp", "obj", "obl", "iobj")]
        xcomp = [c for c in targets if c.dep_ == "xcomp"] + _to_after_listener(verb, targets)
        if not targets or cue.frame == "tell" and not xcomp:
            return None
        first = after if cue.frame == "object" else xcomp[0].left_edge
        span = complements.span(verb, first, complements.end(verb, first))
        return [span] if span else None
    if cue.frame == "name":
        # "called the escalation \"abhorrent\"", "denounced as \"barbarism\"": what it names, with a quote
        # or, plainly named, without one
        targets = [c for c in verb.rights if c.dep_ in ("obj", "iobj", "obl", "xcomp") and c.i >= after.i]
        if not targets:
            return None
        last = complements.end(verb, targets[-1].right_edge)
        if not any(t.text in ('"', "'") for t in doc[after.i : last.i + 1]):
            named = _named_plainly(verb)
            if named is None:
                return None
            # "described the attempt as a carjacking and said ...": the naming ends before the next verb
            joined = [c for c in verb.rights if c.dep_ == "conj" and c.tag_.startswith("VB") and c.i <= last.i]
            last = doc[min([last.i, named.i] + [c.left_edge.i - 1 for c in joined])]
        span = complements.span(verb, after, last)
        return [span] if span else None
    about = [c for c in verb.rights if c.dep_ == "obl" and c.left_edge.i == after.i and after.lower_ in _ABOUT]
    if about and cue.frame == "say":  # "warned of difficult months ahead"
        span = complements.span(verb, doc[after.i + 1], complements.end(verb, about[0].right_edge))
        return [span] if span else None
    if cue.frame == "say" and STATEMENT_WORDS.lemmas.get(verb.lower_) != "say" and _noun_after(verb, after):
        return []  # "They added yet another goal early in the third", "added 0.4 per cent"
    if STATEMENT_WORDS.lemmas.get(verb.lower_) == "say" and _misread_clause(verb):
        # "said the strikes had destroyed tanks ...": a clause the parse took for an object
        span = complements.span(verb, after, complements.end(verb, verb.right_edge))
        return [span] if span else None
    return None


def _to_after_listener(verb: Token, targets: list[Token]) -> list[Token]:
    """ "reminded customers to check ...": a "to" clause right after the listener that the parse hung
    on the cue as an adjunct (or a subject) is what the listener is told to do."""
    listener = [c for c in targets if c.dep_ in ("obj", "iobj")]
    if not listener:
        return []
    edge = listener[0].right_edge.i
    return [
        c
        for c in verb.rights
        if c.dep_ in ("advcl", "csubj", "dep")
        and c.left_edge.i == edge + 1
        and c.tag_ == "VB"
        and any(k.dep_ == "mark" and k.tag_ == "TO" for k in c.lefts)
    ]


def _named_plainly(verb: Token) -> Token | None:
    """The last word a naming cue with a subject of its own can name without a quote: "described
    the attack as a war crime", "called it a mistake" (an object and what it is called), "what she
    calls a betrayal" (the relative word the object: up to the end of that name). None when it
    names nothing: "called the police on Friday", "called him to testify", "a group called X" (no
    subject), "was called" (passive)."""
    subject = [c for c in verb.lefts if c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP")]
    if not subject and verb.dep_ == "conj" and any(c.dep_ == "nsubj" for c in verb.head.lefts):
        subject = [verb.head]  # "did not name her but described her as ...": the first verb's subject
    if not subject:
        return None
    doc = verb.doc
    # "as" opening a noun phrase, not a clause ("described the scene as she left")
    if any(
        t.lower_ == "as" and t.dep_ in ("case", "mark") and not _finite(t.head)
        for t in doc[verb.i + 2 : verb.right_edge.i + 1]
    ):
        return verb.right_edge
    named = [
        c
        for c in verb.rights
        if c.dep_ in ("obj", "iobj", "xcomp", "obl:unmarked")
        and c.tag_.startswith(("NN", "JJ", "PRP", "CD", "DT"))
        and c.lower_ not in lex().time_words
        and not any(k.lower_ in STATEMENT_WORDS.time_leads for k in c.children)  # "called him last week"
    ]
    # "Muslims call it the Ibrahimi Mosque", "what they call the Catastrophe": a proper name is no judgement
    last = named[-1] if named else None
    after = doc[min(last.right_edge.i + 1, len(doc) - 1)] if last is not None else None
    possessor = after is not None and after.tag_ == "POS"  # "the UN's taking away"
    if last and not possessor and any(t.text[:1].isupper() for t in [last, *last.lefts] if t.dep_ != "det"):
        return None
    if len(named) >= 2:
        return verb.right_edge
    relative = (
        verb.dep_ == "acl:relcl"
        and verb.head.tag_ in ("WP", "WDT")
        or any(c.tag_ in ("WP", "WDT") and c.i < subject[0].i for c in verb.lefts)
    )
    if len(named) != 1 or not relative or named[0].left_edge.i != verb.i + 1:
        return None
    # "What the minister called a routine check turned into ...": the name ends before the sentence's verb
    edge = named[0].right_edge
    following = [t for t in doc[edge.i + 1 : verb.right_edge.i + 1] if t.tag_ in ("VBD", "VBZ", "VBP", "MD")]
    return doc[following[0].i - 1] if following else verb.right_edge


def _finite(token: Token) -> bool:
    return token.tag_ in ("VBD", "VBZ", "VBP", "MD") and any(c.dep_ in ("nsubj", "expl") for c in token.children)


def unjoined(verb: Token) -> bool:
    """Whether a cue the parse conjoined to the verb before it, or took for a relative clause with no
    relative word, is an attribution after its clause ("CLAUSE, the minister, X, said on Sunday",
    "CLAUSE, the ministry in the city said"): no "and" or "but" joins it, a comma stands right
    before it or before its subject, and nothing after it could be a clause it reports."""
    if verb.dep_ not in ("conj", "acl:relcl") or any(c.dep_ == "cc" for c in verb.children):
        return False
    if any(c.dep_ in ("xcomp", "ccomp", "obj", "iobj", "advcl", "conj") and c.i > verb.i for c in verb.children):
        return False
    doc = verb.doc
    subject = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    if verb.dep_ == "acl:relcl" and (
        subject is None or any(t.tag_ in ("WDT", "WP", "WP$", "WRB") for t in doc[verb.left_edge.i : verb.i])
    ):
        return False  # "the bridge, which engineers said ...": a relative clause indeed
    first = subject.left_edge if subject is not None else verb
    while first.is_punct and first.i < verb.i:  # a comma the parse hangs on the subject
        first = doc[first.i + 1]
    if verb.dep_ == "acl:relcl" and verb.head.i >= first.i - 1:
        return False  # "..., a charge Islamabad has denied": the noun the clause describes stands after the comma
    return first.i > 0 and doc[first.i - 1].text in BREAKS


def _as_said(verb: Token) -> list[tuple[Token, Token]] | None:
    """``CLAUSE as X noted`` / ``as X said, CLAUSE``: a cue in an "as" clause with a subject and
    nothing it reports of its own reports the clause it hangs on, up to the "as" or after its comma."""
    doc = verb.doc
    mark = next((c for c in verb.lefts if c.dep_ == "mark" and c.lower_ == "as"), None)
    if mark is None or verb.dep_ != "advcl" or not any(c.dep_ == "nsubj" for c in verb.lefts):
        return None
    if any(c.dep_ in ("obj", "iobj", "ccomp", "xcomp", "parataxis") for c in verb.rights):
        return None
    head = verb.head
    if head.i < verb.i:
        found = complements.span(head, head.left_edge, doc[mark.i - 1])
    else:
        after = doc[verb.right_edge.i + 1] if verb.right_edge.i + 1 < len(doc) else verb.right_edge
        found = complements.span(head, after, head.right_edge)
    return [found] if found and found[1].i - found[0].i >= 2 else None


def _root(token: Token) -> Token:
    while token.head.i != token.i:
        token = token.head
    return token


def _parenthetical(verb: Token) -> list[tuple[Token, Token]] | None:
    """``CLAUSE, she said, CLAUSE``: the clause before a cue that a comma sets after it, when the cue
    has a subject of its own and the clause (the predicate the cue hangs on, or the cue's complement
    before it) has a subject too."""
    if not any(c.dep_ == "nsubj" for c in verb.lefts) or verb.i + 1 >= len(verb.doc):
        return None
    if verb.doc[verb.i + 1].text not in BREAKS:
        return None  # "Following the vote, X announced to members that ...": no aside, one clause after the cue
    if verb.dep_ == "parataxis" and verb.head.i < verb.i:
        head = verb.head
    else:
        head = next((c for c in verb.lefts if c.dep_ in ("ccomp", "dep")), verb)
    if head.i >= verb.i:
        return None
    if not any(c.dep_ in ("nsubj", "nsubj:pass", "csubj", "expl") and c.i < verb.i for c in head.children):
        return None
    found = complements.before(head, verb)
    if not found:
        return None
    first, last = found[0]
    words = verb.doc[first.i : last.i + 1]
    # "While critics say X, she says Y": a subordinate clause, or one that reports speech of its own,
    # is the narration's (a parse may hang it on the cue)
    opening = verb.doc[head.left_edge.i : first.i + 1]
    subordinate = any(t.lower_ in lex().subordinators or t.dep_ == "mark" and t.lower_ != "that" for t in opening)
    if subordinate or any(t.tag_.startswith("VB") and t.lower_ in STATEMENT_WORDS.cue_frames for t in words):
        return None
    return found


def _opens_subject(mark: Token, verb: Token) -> bool:
    """Whether the cue's subject follows ``mark`` right after it ("than the agency says")."""
    return any(c.dep_ == "nsubj" and c.left_edge.i == mark.i + 1 for c in verb.lefts)


def _says_about(verb: Token, after: Token) -> bool:
    """Whether "say" has a one-word object right after it ("much", "nothing", "little") and then an
    "about" phrase: a quantity said about a topic, no clause."""
    doc = verb.doc
    return (
        after.dep_ == "obj"
        and after.head.i == verb.i
        and after.left_edge.i == after.i
        and after.i + 1 < len(doc)
        and doc[after.i + 1].lower_ in _TOPIC
    )


def _misread_head(verb: Token) -> Token | None:
    """The clause a cue with a subject and nothing after it reports when the parse hung the cue, with
    no subordinator, on that clause after it, or ended a sentence at the cue: a clause with a subject
    of its own after the cue. None otherwise."""
    doc = verb.doc
    head = verb.head
    if verb.dep_ == "ROOT" and verb.i + 1 < len(doc) and doc[verb.i + 1].is_sent_start:
        head = doc[verb.i + 1].sent.root  # "Lee noted | the two are very close"
    elif head.i <= verb.i or verb.dep_ not in ("advcl", "dep", "parataxis", "csubj"):
        return None
    if any(c.dep_ in ("mark", "obj", "iobj", "xcomp", "ccomp") for c in verb.children):
        return None  # "As X noted, ...", "When X told them, ...": the narration's clause
    if not any(c.dep_ == "nsubj" for c in verb.lefts) or verb.right_edge.i != verb.i:
        return None
    if not any(c.dep_ in ("nsubj", "nsubj:pass", "expl") and c.i > verb.i for c in head.children):
        return None
    return head


def _misread_clause(verb: Token) -> bool:
    """Whether "said" has a noun "object" right after it and a finite verb after that before any comma,
    which the parse hung elsewhere: the object is the subject of the clause it reports."""
    objects = [c for c in verb.rights if c.dep_ == "obj" and c.tag_.startswith("NN")]
    if not objects or objects[0].left_edge.i != verb.i + 1:
        return False
    for token in verb.doc[objects[0].i + 1 : verb.right_edge.i + 1]:
        if token.text in BREAKS:
            return False  # "said something to redeem himself, because ...": no verb in the object's clause
        if token.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            return True
    return False


def _noun_after(verb: Token, after: Token) -> bool:
    """Whether a cue verb with a subject of its own is followed by a noun phrase that opens with a
    determiner or a number and no "that" follows: what it reports is a thing, not a clause."""
    doc = verb.doc
    if not any(c.dep_ == "nsubj" for c in verb.lefts):
        return False
    while after.i < len(doc) - 1 and after.dep_ == "advmod":
        after = doc[after.i + 1]
    return (
        after.tag_ in ("DT", "CD")
        and after.lower_ != "that"
        and not any(t.lower_ == "that" and t.dep_ == "mark" for t in doc[after.i :])
    )


def _complement(verb: Token, head: Token) -> bool:
    """Whether the clausal dependent ``head`` of the cue is what it reports: not a participle that
    reports a clause of its own (", adding that ..."), not a relative clause the parse hung on the
    cue ("warned of a catastrophe in Gaza where ..."), not a clause after the cue's object or after
    a dash ("declared their intention ... – the nightmare of ...")."""
    if head.tag_ == "VBG" and head.lower_ in STATEMENT_WORDS.cue_frames:
        return False
    if any(c.tag_ in ("WDT", "WP", "WP$") or c.lower_ == "where" for c in head.lefts):
        return False
    if head.dep_ == "parataxis":
        between = [t for t in verb.doc[verb.i + 1 : head.left_edge.i] if not t.is_punct]
        if any(t.dep_ in _OBJECTS for t in between) or verb.doc[head.left_edge.i - 1].text in ("—", "–", "-", ";"):
            return False
    return True


def _object_only(verb: Token) -> bool:
    """Whether the cue verb has a subject before it and a noun object after it, and nothing that
    could be a clause it reports: "They added another goal", not "says Kim" (an inverted subject the
    parse takes for an object) nor "said Emery, 46, abandoned ..." (a clause it misread)."""
    if STATEMENT_WORDS.lemmas.get(verb.lower_) == "say":
        return False  # "said" with a noun object is a misread clause far more often than not
    if not any(c.dep_ in ("nsubj", "nsubj:pass") and c.i < verb.i for c in verb.children):
        return False
    objects = [
        c
        for c in verb.children
        if c.dep_ in _OBJECTS and c.i > verb.i and c.lower_ != "that" and c.lower_ not in lex().time_words
    ]  # "stressed Friday that ..."
    verbs = [
        c
        for c in verb.rights
        if c.dep_ in ("conj", "parataxis")
        and c.tag_ in ("VBD", "VBZ", "VBP")
        and c.lower_ not in STATEMENT_WORDS.cue_frames
        and not any(k.dep_ in ("nsubj", "nsubj:pass") for k in c.children)
    ]
    # "pledged his country would not allow ...": the "object" is the subject of a clause
    followed = [
        o
        for o in objects
        if o.right_edge.i + 1 < len(o.doc) and o.doc[o.right_edge.i + 1].tag_ in ("MD", "VBD", "VBZ", "VBP")
    ]
    return bool(objects) and not verbs and not followed
