"""Attribution: the cue verbs of a text and the speaker phrase each one takes.

Shapes handled: ``"...," X said`` and ``"...," said X, ROLE`` after a quote; ``X said: "..."``
before one; ``X, ROLE, said``, ``ROLE X said`` and ``X, who ..., said`` for the speaker phrase.
Reported clauses are in ``clauses``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from newstally.rules.lexicon import alternation, alternatives
from newstally.rules.speakers.mentions import Mention, head_ok, parse, speaker_word_ok
from newstally.rules.speakers.words import TOKEN, is_capitalised, is_name_word, lex

from .words import STATEMENT_WORDS

_LEADING = re.compile(r"[\s,;:—–\-]*")
# How far before a quote or cue an attribution is looked for (characters).
_REACH = 300
_WORDS = re.compile(r"\w+")
_MOST_APPOSITIVES = 4
# How far a speaker phrase after a cue may run (characters): ten words at most.
_PHRASE_REACH = 160
_RELATIVE = re.compile(rf"(?:{alternatives(sorted(lex().relatives))})\b", re.IGNORECASE)
_TIME_LEAD = frozenset(STATEMENT_WORDS.time_leads)


@dataclass(frozen=True)
class Cue:
    text: str
    start: int
    end: int
    frame: str  # say | tell | object | quote | source


@dataclass(frozen=True)
class Attribution:
    """A cue and its speaker phrase; ``start``/``end`` span the whole attribution."""

    cue: Cue
    mention: Mention | None
    start: int
    end: int


_WORD_BEFORE = re.compile(r"(\w+)\s+$")


@lru_cache(maxsize=1)
def _cue_pattern() -> re.Pattern[str]:
    forms = list(STATEMENT_WORDS.cue_frames) + ["According to"]
    return re.compile(r"\b" + alternation(forms) + r"\b")


class CueIndex:
    """Every cue of one text, found in one pass; queried by range."""

    def __init__(self, text: str, limit: int | None = None):
        frames = STATEMENT_WORDS.cue_frames
        markers = STATEMENT_WORDS.noun_markers
        self.cues: list[Cue] = []
        for m in _cue_pattern().finditer(text, 0, len(text) if limit is None else limit):
            before = _WORD_BEFORE.search(text, max(0, m.start() - 8), m.start())
            if before and before.group(1).lower() in markers:
                continue  # "the report said", "in a post": a noun, not the cue
            form = " ".join(m.group().lower().split())
            self.cues.append(Cue(m.group(), m.start(), m.end(), frames[form]))
        self._starts = [c.start for c in self.cues]

    def between(self, start: int, end: int) -> list[Cue]:
        """The cues that start in ``[start, end)`` and end by ``end``."""
        i = bisect_left(self._starts, start)
        j = bisect_left(self._starts, end)
        return [c for c in self.cues[i:j] if c.end <= end]

    def at(self, pos: int, end: int) -> Cue | None:
        i = bisect_left(self._starts, pos)
        if i < len(self.cues) and self.cues[i].start == pos and self.cues[i].end <= end:
            return self.cues[i]
        return None


def speaker_before(text: str, floor: int, cue_start: int) -> tuple[Mention | None, int]:
    """The speaker phrase that ends right before a cue (``X, ROLE, said``), and where it starts."""
    lx = lex()
    adverbs = STATEMENT_WORDS.speaker_adverbs
    window = max(floor, cue_start - 300)
    tokens = _without_brackets([(m.group(), m.start()) for m in TOKEN.finditer(text, window, cue_start)])
    k = len(tokens)
    while k:
        last = tokens[k - 1][0]
        if last.lower() in adverbs or last.endswith("ly") and last.islower():
            k -= 1
        elif k >= 3 and last == "as" and tokens[k - 2][0] == "quoted" and tokens[k - 3][0] in ("was", "is", "were"):
            k -= 3  # "he was quoted as saying"
        elif k >= 2 and tokens[k - 1][0].lower() in lx.time_words and tokens[k - 2][0].lower() in _TIME_LEAD:
            k -= 2  # "X on Wednesday said"
        else:
            break
    appositive = ""
    phrase = _collect_back(tokens, k, lx)
    if not phrase and k and tokens[k - 1][0] == ",":
        phrase, appositive = _before_appositives(text, tokens, k - 1, lx)
    cut = next((i for i, (w, _) in enumerate(phrase) if w.lower() in lx.name_prepositions), 0) if appositive else 0
    if cut and not head_ok(phrase[-1][0], lx, _determined(phrase)) and head_ok(phrase[cut - 1][0], lx):
        phrase = phrase[:cut]  # "the governor for the area, Ana Lee, said": the role ends before its "for"
    listed = _adjective_list(tokens, phrase, lx)
    if listed and head_ok(phrase[-1][0], lx, True):
        words = [w for w, _ in listed]
        surface = text[listed[0][1] : phrase[-1][1] + len(phrase[-1][0])]
        return parse(words, "", surface), listed[0][1]
    if not phrase or not head_ok(phrase[-1][0], lx, _determined(phrase), phrase[-2][0] if len(phrase) > 1 else ""):
        return None, cue_start
    words = [w for w, _ in phrase]
    surface = text[phrase[0][1] : phrase[-1][1] + len(phrase[-1][0])]
    return named_appositive(parse(words, appositive, surface), appositive), phrase[0][1]


def _adjective_list(tokens: list[tuple[str, int]], phrase: list[tuple[str, int]], lx) -> list[tuple[str, int]]:
    """``the lanky, bespectacled professor said``: a determiner, adjectives a comma separates and the
    head noun, each adjective's comma joined to it; [] when the phrase has no such list before it."""
    if len(phrase) != 1 or not phrase[0][0].isalpha() or not phrase[0][0].islower() or phrase[0][0] in lx.pronouns:
        return []
    j = tokens.index(phrase[0])
    if j < 1 or not tokens[j - 1][0].isalpha():
        return []  # "the report, officials said": the list must end in an adjective before the head
    out = [phrase[0]]
    commas = 0
    while j >= 2 and len(out) < 5:
        word = tokens[j - 1][0]
        if word == "," and tokens[j - 2][0].replace("-", "").isalpha() and tokens[j - 2][0].islower():
            out.insert(0, (tokens[j - 2][0] + ",", tokens[j - 2][1]))
            commas += 1
            j -= 2
        elif word.replace("-", "").isalpha() and word.islower() and word not in lx.articles:
            out.insert(0, tokens[j - 1])
            j -= 1
        else:
            break
    if not commas or j < 1 or tokens[j - 1][0].lower() not in lx.articles:
        return []
    return [tokens[j - 1], *out]


def _without_brackets(tokens: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Tokens without bracketed short asides: "The Committee to Protect Journalists (CPJ), a ..."."""
    out: list[tuple[str, int]] = []
    i = 0
    while i < len(tokens):
        if tokens[i][0] == "(":
            close = next((j for j in range(i + 1, min(i + 5, len(tokens))) if tokens[j][0] == ")"), -1)
            if close > 0:
                i = close + 1
                continue
        out.append(tokens[i])
        i += 1
    return out


def _before_appositives(text: str, tokens: list[tuple[str, int]], comma: int, lx) -> tuple[list, str]:
    """``X, the director of Y, said`` / ``X, 56, says`` / ``X, who ..., says``: the name before the
    appositives (a whole comma-separated segment) and the appositive that describes it."""
    stop = comma
    segments: list[str] = []
    for _ in range(_MOST_APPOSITIVES):
        j = stop - 1
        while j >= 0 and tokens[j][0] not in ",;:()—–" and stop - j < 30:
            j -= 1
        if j < 0 or tokens[j][0] != ",":
            return [], ""
        segments.append(text[tokens[j][1] + 1 : tokens[stop][1]].strip())
        phrase = _collect_back(tokens, j, lx)
        start = tokens.index(phrase[0]) if phrase else -1
        before = tokens[start - 1][0] if start > 0 else ""
        whole = (
            start == 0
            or start > 0
            and (
                not before[0].isalnum()
                or before.lower() in lex().subordinators
                or before.lower() in STATEMENT_WORDS.clause_links
            )
        )
        if phrase and whole and (_looks_named(phrase) or _looks_named_words(segments[-1])):
            described = [
                a
                for a in reversed(segments)
                if not _RELATIVE.match(a)
                and not a[:1].isdigit()
                and a.lower() not in STATEMENT_WORDS.discourse_adverbials
            ]
            return phrase, described[0] if described else ""
        stop = j
    return [], ""


def _looks_named_words(segment: str) -> bool:
    words = TOKEN.findall(segment)
    return 1 <= len(words) <= 4 and _looks_named([(w, 0) for w in words])


def named_appositive(mention: Mention | None, appositive: str) -> Mention | None:
    """ "the boy's uncle, Karim Nassar, said": the appositive is the name, the phrase the role."""
    if mention is None or mention.type != "description" or not appositive:
        return mention
    words = TOKEN.findall(appositive)
    if 1 <= len(words) <= 4 and all(is_capitalised(w) or w.lower().startswith("al-") for w in words):
        named = parse(words, "", appositive)
        if named is not None and named.type == "person":
            return Mention(named.text, "person", named.name, mention.name, mention.org, mention.country)
    return mention


def _collect_back(tokens: list[tuple[str, int]], k: int, lx) -> list[tuple[str, int]]:
    j = k
    while j > 0 and k - j < 12:
        word = tokens[j - 1][0]
        left = tokens[j - 2][0] if j >= 2 else ""
        if word.lower() in lx.pronouns:
            if j == k:
                j -= 1  # a pronoun is a whole speaker phrase
            break
        if word == "and" and j < k and is_capitalised(left) and is_capitalised(tokens[j][0]):
            j -= 1  # "Kai Berg and Mia Lund"
            continue
        if not word[0].isalnum() and word[0] != "@" or not speaker_word_ok(word, lx, left):
            break
        j -= 1
    phrase = tokens[j:k]
    while phrase and (phrase[0][0].lower() in lx.name_prepositions or phrase[0][0].lower() in lx.time_words):
        phrase = phrase[1:]
    return phrase


def _describing(low: str, lx) -> bool:
    """Lower-case words that may sit in a speaker phrase with no determiner before them."""
    return (
        low in lx.articles
        or low in ("of", "for")
        or "-" in low
        or low in lx.titles
        or low in lx.speaker_nouns
        or low in lx.org_words
        or low in lx.generic_orgs
        or low in lx.pronouns
    )


def _determined(phrase) -> bool:
    """ "the rookie defenceman": a determiner, a modifier and a head, which may be any noun."""
    return 3 <= len(phrase) <= 4 and phrase[0][0].lower() in lex().articles


def _looks_named(phrase: list[tuple[str, int]]) -> bool:
    """A name before an appositive: capitalised words ("Lena Park", "Elementary school teacher
    Rosa Conti"), not a description ("a spokesperson for Justice Democrats")."""
    lx = lex()
    if (
        phrase
        and phrase[0][0].lower() not in lx.articles
        and is_capitalised(phrase[-1][0])
        and is_capitalised(phrase[0][0])
        and len(phrase) <= 6
    ):
        return True
    return all(is_capitalised(w) or w.lower() in lx.particles or w.lower().startswith("al-") for w, _ in phrase)


def speaker_after(text: str, pos: int, end: int, appositive_ok: bool = True) -> tuple[Mention | None, int]:
    """The speaker phrase right after an inverted cue (``said Omar Haddad, who ...``), and its end."""
    lx = lex()
    tokens = [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text, pos, min(end, pos + _PHRASE_REACH))]
    words: list[tuple[str, int, int]] = []
    for i, (word, s, e) in enumerate(tokens):
        if not word[0].isalnum() and word[0] != "@" or len(words) >= 10:
            break
        low = word.lower()
        left = words[-1][0] if words else ""
        ahead = [t[0] for t in tokens[i + 1 : i + 4]]
        # "oil and gas worker Leo Hart", "Leeds cartoonist Ana Ruiz": words before a role or a name
        leads_to_role = any(a.lower() in lx.titles or a.lower() in lx.speaker_nouns for a in ahead) or (
            bool(ahead) and is_capitalised(ahead[0]) and bool(words) and is_capitalised(words[0][0])
        )
        if (
            low == "and"
            and left
            and (
                is_capitalised(left)
                and ahead
                and is_capitalised(ahead[0])
                or not is_capitalised(left)
                and leads_to_role
            )
        ):
            words.append((word, s, e))  # "Heart and Lung senior manager Ada Lim"
            continue
        if (
            low in lx.time_words
            and not is_name_word(word, lx, left)
            or low in STATEMENT_WORDS.phrase_stops
            or not speaker_word_ok(word, lx, left or "the")
        ):
            break
        if (
            not is_capitalised(word)
            and not _describing(low, lx)
            and not leads_to_role
            and not (words and words[0][0].lower() in lx.articles)
        ):
            break  # "Sam Ortiz hopes ...": a verb ends the phrase
        words.append((word, s, e))
    while words and not head_ok(words[-1][0], lx, _determined(words), words[-2][0] if len(words) > 1 else ""):
        words.pop()
    if not words:
        return None, pos
    stop = words[-1][2]
    appositive = ""
    rest = tokens[len(words) :]
    if appositive_ok and rest and rest[0][0] == ",":
        reach = min(end, rest[0][2] + _REACH)
        after = [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text, rest[0][2], reach)]
        k = 0
        while k < len(after) and after[k][0] not in ",;:()—–" and k < 25:
            k += 1
        first = after[0][0].lower() if after else ""
        participle = first.endswith("ing") and first in STATEMENT_WORDS.cue_frames  # ", noting that ...": not a role
        if after and first not in lx.relatives and not participle and k:
            appositive = text[after[0][1] : after[k - 1][2]]
            stop = after[k - 1][2]
    surface = text[words[0][1] : words[-1][2]]
    return named_appositive(parse([w for w, _, _ in words], appositive, surface), appositive), stop


def after_quote(text: str, pos: int, limit: int, index: CueIndex, quoted: bool = False) -> Attribution | None:
    """The attribution that follows a closing quote mark at ``pos`` (``, X said`` or ``, said X``).

    ``quoted``: ``pos`` follows a quote itself (not a clause), so the attribution may also be
    ``, recalled X`` or ``, the lanky, bespectacled professor said``.
    """
    p = skip_leading(text, pos, limit)
    cue = index.at(p, limit)
    if cue and (cue.frame in ("say", "quote") or quoted and cue.frame == "that"):
        mention, stop = speaker_after(text, cue.end, limit)
        if mention:
            return Attribution(cue, mention, p, stop)
    for cue in index.between(p, min(limit, p + 300)):
        if cue.frame == "source":
            return None
        mention, start = speaker_before(text, p, cue.start)
        if mention and (not text[p:start].strip(" ,") or quoted and _modifiers_only(text, p, start)):
            return Attribution(cue, mention, p, cue.end)
        return None
    return None


_MODIFIERS = re.compile(r"(?:[a-z][a-z\-]*|\d[\w\-]*)(?:,?\s+|$)")
_MOST_MODIFIERS = 3


def _modifiers_only(text: str, start: int, stop: int) -> bool:
    """``"...," shipping giant Acme said`` / ``the lanky, bespectacled professor said``: only a few
    lower-case describing words lie between the quote and the speaker phrase found before the cue."""
    words = 0
    pos = start
    while pos < stop:
        m = _MODIFIERS.match(text, pos, stop)
        word = m.group().split(",")[0].strip() if m else ""
        if not m or word in lex().stopwords or word in lex().prepositions:
            return False
        words += 1
        pos = m.end()
    return 0 < words <= _MOST_MODIFIERS


def lead_in(text: str, floor: int, quote_open: int, index: CueIndex) -> Attribution | None:
    """The attribution that introduces a quote: ``X said:`` / ``X told Y:`` / ``, adding:``.

    Its mention is None for a cue with no subject of its own (``she said, adding: "..."``).
    """
    found = index.between(max(floor, quote_open - _REACH), quote_open)
    if not found:
        return None
    cue = found[-1]
    between = text[cue.end : quote_open]
    if cue.frame in ("source", "name", "object") or len(_WORDS.findall(between)) > 8 or re.search(r"[.;]", between):
        return None
    if between.strip() and not between.rstrip().endswith((":", ",")):
        return None
    mention, start = speaker_before(text, floor, cue.start)
    return Attribution(cue, mention, start if mention else cue.start, quote_open)


def skip_leading(text: str, pos: int, limit: int) -> int:
    """``pos`` moved past the spaces, commas and dashes that follow it (before ``limit``)."""
    m = _LEADING.match(text, pos, limit)
    return m.end() if m else pos
