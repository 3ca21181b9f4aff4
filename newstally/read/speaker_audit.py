"""An audit of a store's speakers: can a user filter by them? (``newstally audit-speakers``)

Four questions, each answered from the exported tables alone, so the audit runs on any store:
- shared names: display names held by more than one speaker row (rows with at least two
  statements), and whether their filter labels tell them apart;
- split people: articles where a surname-only speaker ("Berg") is quoted beside the full name
  that ends with it ("Nina Berg") as two rows;
- rows that name no one, among the most quoted: a lower-case description ("the group", "his
  father"), a possessive or fragment ("Israel's"), a bare common noun ("Witnesses", "Health"), a
  nationality alone or with a noun for people ("Palestinian", "Israeli officials"), or a place
  typed as a person ("Gaza City", a "30-year-old mother");
- how statements are attributed: to a speaker row, to an unnamed source (a description, no
  row), or to no one.

Whether a word is common is read from the store's own texts: a proper name is almost never
written in lower case, a common noun often is. The place and people words come from the caller
(the CLI passes the rules' lexicons), because the read side never imports the rules.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import duckdb

from .queries.choices import labelled

_WORD = re.compile(r"[A-Za-z][\w’'\-]*")
_POSSESSIVE = re.compile(r"[’']s?$")
_PARTICLE = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az|ul)-", re.IGNORECASE)
# A word written in lower case at least this share of the times it occurs is a common word.
_COMMON_SHARE = 0.2
# Texts read to count how words are written (enough for a stable share; bounded on a large store).
_MOST_TEXTS = 5000


@dataclass(frozen=True)
class AuditWords:
    """Language data the audit needs, lower-cased: place names, nationality adjectives, nouns for
    people that say what someone is without naming them ("officials", "residents"), and the names
    of known organisations (never "no one", though "Houthis" looks like a nationality)."""

    places: frozenset[str] = frozenset()
    adjectives: frozenset[str] = frozenset()
    person_nouns: frozenset[str] = frozenset()
    organisations: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()  # words before a name that are no given name ("President", "Mr")


@dataclass(frozen=True)
class SharedName:
    name: str
    rows: int
    labels_differ: bool  # the speaker filter shows each row with a different label


@dataclass(frozen=True)
class Split:
    article_id: str
    short: str
    full: str
    ambiguous: bool  # the article names another person whose name ends the same ("Ann Kerr", "Tom Kerr")


@dataclass(frozen=True)
class NoOne:
    name: str
    n_statements: int
    reason: str


@dataclass(frozen=True)
class SpeakerAudit:
    speakers: int
    statements: int
    named: int  # statements with a speaker row
    unnamed: int  # statements whose speaker is a description with no speaker row
    unattributed: int
    top: int  # how many of the most quoted rows were looked at for rows that name no one
    looked_at: int
    shared: tuple[SharedName, ...] = field(default_factory=tuple)
    splits: tuple[Split, ...] = field(default_factory=tuple)
    no_one: tuple[NoOne, ...] = field(default_factory=tuple)

    @property
    def shared_same_label(self) -> int:
        return sum(1 for s in self.shared if not s.labels_differ)

    @property
    def split_articles(self) -> int:
        """Articles where a surname is quoted beside the one full name the article gives for it."""
        return len({s.article_id for s in self.splits if not s.ambiguous})

    @property
    def shared_surnames(self) -> int:
        """Further articles where the surname beside the full name may be someone else's."""
        clear = {s.article_id for s in self.splits if not s.ambiguous}
        return len({s.article_id for s in self.splits if s.ambiguous} - clear)

    @property
    def no_one_share(self) -> float:
        return len(self.no_one) / self.looked_at if self.looked_at else 0.0

    def table(self, examples: int = 15) -> str:
        """The figures, then up to ``examples`` examples of each finding."""
        lines = [
            f"speakers                                     {self.speakers:,}",
            f"statements                                   {self.statements:,}",
            f"  by a speaker row                           {self.named:,}",
            f"  by an unnamed source (no row)              {self.unnamed:,}",
            f"  unattributed                               {self.unattributed:,}",
            f"names held by several rows (>= 2 statements) {len(self.shared):,}",
            f"  of them with the same filter label         {self.shared_same_label:,}",
            f"articles with a surname beside its full name {self.split_articles:,} (and {self.shared_surnames:,} "
            f"where two people share it)",
            f"top {self.looked_at} rows that name no one              {len(self.no_one):,} ({self.no_one_share:.1%})",
        ]
        if self.shared:
            lines += ["", "shared names (rows, labels differ):"]
            lines += [f"  {s.name} ({s.rows}, {'yes' if s.labels_differ else 'no'})" for s in self.shared[:examples]]
        if self.splits:
            lines += ["", "surname beside full name (article: short / full, * where two people share it):"]
            lines += [
                f"  {s.article_id}: {s.short} / {s.full}{' *' if s.ambiguous else ''}"
                for s in sorted(self.splits, key=lambda s: s.ambiguous)[:examples]
            ]
        if self.no_one:
            lines += ["", "rows that name no one (statements, why):"]
            lines += [f"  {n.name} ({n.n_statements}, {n.reason})" for n in self.no_one[: examples * 3]]
        return "\n".join(lines)


def audit_speakers(con: duckdb.DuckDBPyConnection, words: AuditWords = AuditWords(), top: int = 300) -> SpeakerAudit:
    """The audit of the store on ``con`` (see the module's docstring)."""
    counts = con.execute(
        "SELECT count(*), count(speaker_id), count(*) FILTER (WHERE speaker_id IS NULL AND speaker IS NOT NULL), "
        "count(*) FILTER (WHERE speaker_id IS NULL AND speaker IS NULL) FROM statements"
    ).fetchall()[0]
    n_speakers = con.execute("SELECT count(*) FROM speakers").fetchall()[0][0]
    rows = con.execute(
        "SELECT speaker_id, name, type, role, org, country, n_statements FROM speakers ORDER BY n_statements DESC, name"
    ).df()
    most = rows.head(top)
    common = _common_words(con, {w for n in most["name"] for w in _WORD.findall(str(n))})
    looked = zip(most["name"].astype(str), most["type"].astype(str), most["n_statements"].tolist())
    no_one = tuple(
        NoOne(name, int(n), reason) for name, kind, n in looked if (reason := names_no_one(name, kind, words, common))
    )
    statements, named, unnamed, unattributed = (int(c) for c in counts)
    return SpeakerAudit(
        int(n_speakers),
        statements,
        named,
        unnamed,
        unattributed,
        top=top,
        looked_at=len(most),
        shared=_shared_names(rows),
        splits=_splits(con, words),
        no_one=no_one,
    )


def names_no_one(name: str, speaker_type: str, words: AuditWords, common: frozenset[str]) -> str:
    """Why a speaker row called ``name`` names no one ("" when it names someone); ``common`` holds the
    lower-cased words the corpus writes in lower case often."""
    name = name.strip()
    if name.lower().startswith("the "):
        name = name[4:]
    tokens = name.split()
    if not tokens:
        return "empty"
    if name[:1].islower():
        return "lower-case description"
    if _POSSESSIVE.search(tokens[-1]):
        return "possessive"
    low = [t.lower() for t in tokens]
    if name.lower() in words.organisations or name.isupper():
        return ""  # "Houthis", "US": an organisation, a country's abbreviation
    if speaker_type == "person" and name.lower() in words.places:
        return "a place as a person"
    if all(w in words.adjectives or w.rstrip("s") in words.adjectives for w in low):
        return "a nationality"
    if len(tokens) == 1 and low[0] in common and low[0] not in words.places:
        return "a common noun"
    rest = [w for w in low if w not in words.adjectives and w not in words.places]
    if rest and rest[-1] in words.person_nouns and all(w in common for w in rest):
        return "a description of people"
    return ""


def _common_words(con: duckdb.DuckDBPyConnection, wanted: set[str]) -> frozenset[str]:
    """Those of ``wanted`` (as lower-cased words) the store's texts write in lower case at least
    ``_COMMON_SHARE`` of the time."""
    lowered = {w.lower() for w in wanted}
    lower: Counter[str] = Counter()
    total: Counter[str] = Counter()
    texts = con.execute("SELECT text FROM texts ORDER BY article_id LIMIT ?", [_MOST_TEXTS]).fetchall()
    for (text,) in texts:
        for word in _WORD.findall(text or ""):
            key = word.lower()
            if key in lowered:
                total[key] += 1
                if word[0].islower():
                    lower[key] += 1
    return frozenset(w for w in lowered if total[w] and lower[w] / total[w] >= _COMMON_SHARE)


def _shared_names(rows) -> tuple[SharedName, ...]:
    quoted = rows[rows["n_statements"] >= 2].copy()
    quoted["key"] = quoted["name"].map(_normal)
    quoted["label"] = labelled(quoted)["label"].map(_normal)
    out = []
    for _, group in quoted.groupby("key", sort=False):
        if len(group) > 1:
            out.append(SharedName(str(group["name"].iloc[0]), len(group), group["label"].nunique() == len(group)))
    return tuple(sorted(out, key=lambda s: (s.labels_differ, -s.rows, s.name)))


def _splits(con: duckdb.DuckDBPyConnection, words: AuditWords) -> tuple[Split, ...]:
    """Per article, the speaker rows quoted in it whose name is the end of another's, a person's
    ("Berg" beside "Nina Berg", "Al-Amir" beside "Lina al-Amir")."""
    quoted = con.execute(
        "SELECT DISTINCT st.article_id, s.name, s.type FROM statements st "
        "JOIN speakers s USING (speaker_id) ORDER BY 1, 2"
    ).fetchall()
    by_article: dict[str, list[tuple[str, str]]] = {}
    for article_id, name, speaker_type in quoted:
        by_article.setdefault(article_id, []).append((name, speaker_type))
    pairs = []
    for article_id, names in by_article.items():
        for short, _ in names:
            short_tokens = _tokens(short)
            if not _name_like(short) or short.lower() in words.places:
                continue
            for full, full_type in names:
                full_tokens = _tokens(full)
                if (
                    full_type == "person"
                    and _name_like(full)
                    and len(full_tokens) > len(short_tokens)
                    and full_tokens[-len(short_tokens) :] == short_tokens
                ):
                    pairs.append((article_id, short, full))
    texts = (
        dict(
            con.execute(
                "SELECT article_id, text FROM texts WHERE article_id IN (SELECT * FROM unnest(?))",
                [sorted({a for a, _, _ in pairs})],
            ).fetchall()
        )
        if pairs
        else {}
    )
    return tuple(
        Split(a, short, full, _shared_surname(texts.get(a) or "", short, full, words)) for a, short, full in pairs
    )


def _shared_surname(text: str, short: str, full: str, words: AuditWords) -> bool:
    """Whether ``text`` names someone besides ``full`` whose name ends with ``short``: a capitalised
    word other than a title right before it ("Hasan al-Attar" beside "Islam al-Attar")."""
    pattern = (
        r"\b([A-Z][\w’'\-]*)\s+(?:(?:al|el|ad|an|ar|as|ash|at|az|ul)[\s\-])?"
        + r"[\s\-]+".join(re.escape(t) for t in _PARTICLE.sub("", short).split())
        + r"\b"
    )
    own = {w.lower() for w in full.split()}
    given = {m.group(1).lower() for m in re.finditer(pattern, text, re.IGNORECASE) if m.group(1)[:1].isupper()}
    others = {
        g
        for g in given - own
        if g.rstrip(".") not in words.titles
        and g not in words.places
        and g not in words.adjectives
        and len(g) > 1
        and not _PARTICLE.match(g + "-")
    }
    return bool(others)


def _name_like(name: str) -> bool:
    """Written as one name: every word capitalised, but for short particles ("al", "bin", "de") and
    hyphenated ones ("al-Amir"); not a description ("A source close to the group") nor two people."""
    tokens = name.split()
    return (
        bool(tokens)
        and "and" not in tokens
        and tokens[0][:1].isupper()
        and all(t[:1].isupper() or "-" in t or len(t) <= 3 for t in tokens)
        and tokens[0].lower() not in ("a", "an", "the")
    )


def _tokens(name: str) -> list[str]:
    return [_PARTICLE.sub("", t) for t in _normal(name).split()]


def _normal(name: str) -> str:
    return " ".join(str(name).replace("’", "'").casefold().split())
