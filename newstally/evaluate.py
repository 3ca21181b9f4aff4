"""Scores extraction against a gold file, as docs/conventions.md defines them.

``score(gold, figures, statements)`` takes the gold records and the predicted tables (pandas, the
store's columns) and returns a ``Report``; ``Report.table()`` is what ``newstally evaluate`` prints.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .contract.errors import NewstallyError
from .contract.vocabulary import KEY_CATEGORIES

_WORD = re.compile(r"\w+")


class GoldError(NewstallyError):
    """The gold file cannot be read."""


def load_gold(path: str | Path) -> list[dict]:
    """The records of a gold JSONL file; raises GoldError naming the line that is not JSON."""
    if not Path(path).is_file():
        raise GoldError(f"no gold file at {path}: give the path of a JSONL gold file (see docs/conventions.md)")
    records = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise GoldError(
                    f"{path}: line {n} is not JSON ({err.msg}); a gold file has one JSON object per line"
                ) from None
            if not isinstance(record, dict) or "article_id" not in record:
                raise GoldError(f"{path}: line {n} has no article_id; see docs/conventions.md")
            records.append(record)
    return records


@dataclass
class PRF:
    """Counts behind precision, recall and F1. ``tp`` is the gold items found (recall's numerator);
    ``tp_pred`` the predicted items that are right (precision's), when the two differ: a key figure
    may be predicted in a category its gold accepts but that is not key, or the reverse."""

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0
    tp_pred: int | None = None

    @property
    def right_predicted(self) -> int:
        return self.tp if self.tp_pred is None else self.tp_pred

    @property
    def precision(self) -> float:
        return self.right_predicted / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, tp: int, n_pred: int, n_gold: int, tp_pred: int | None = None) -> None:
        if tp_pred is not None or self.tp_pred is not None:
            self.tp_pred = self.right_predicted + (tp if tp_pred is None else tp_pred)
        self.tp += tp
        self.n_pred += n_pred
        self.n_gold += n_gold

    def counts(self) -> str:
        """ "tp/pred/gold", or "right predicted|gold found/pred/gold" when the two differ."""
        tp = f"{self.tp}" if self.right_predicted == self.tp else f"{self.right_predicted}|{self.tp}"
        return f"{tp}/{self.n_pred}/{self.n_gold}"


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 0.0


@dataclass
class Report:
    """Every score of FORMAT.md for one gold file; the lists hold misses for inspection."""

    articles: int = 0
    missing_articles: list[str] = field(default_factory=list)
    figures: PRF = field(default_factory=PRF)
    key_figures: PRF = field(default_factory=PRF)
    category: Accuracy = field(default_factory=Accuracy)
    qualifier: Accuracy = field(default_factory=Accuracy)
    non_figures_found: int = 0
    detection_strict: PRF = field(default_factory=PRF)
    attribution_strict: PRF = field(default_factory=PRF)
    detection_lenient: PRF = field(default_factory=PRF)
    attribution_lenient: PRF = field(default_factory=PRF)
    has_figures: bool = False
    has_statements: bool = False
    misses: list[dict] = field(default_factory=list)

    def rows(self) -> list[tuple[str, str, str, str, str]]:
        """(layer, measure, precision, recall, f1 or value) rows, the layers the gold has."""

        def prf(name: str, m: PRF) -> tuple[str, str, str, str, str]:
            return (name, m.counts(), f"{m.precision:.3f}", f"{m.recall:.3f}", f"{m.f1:.3f}")

        out = []
        if self.has_figures:
            out += [prf("figures", self.figures), prf("figures (key categories)", self.key_figures)]
            out.append(
                (
                    "category accuracy",
                    f"{self.category.right}/{self.category.total}",
                    "",
                    "",
                    f"{self.category.value:.3f}",
                )
            )
            out.append(
                (
                    "qualifier accuracy",
                    f"{self.qualifier.right}/{self.qualifier.total}",
                    "",
                    "",
                    f"{self.qualifier.value:.3f}",
                )
            )
            out.append(("non-figures extracted", str(self.non_figures_found), "", "", ""))
        if self.has_statements:
            out += [
                prf("statements detection (strict)", self.detection_strict),
                prf("statements attribution (strict)", self.attribution_strict),
                prf("statements detection (lenient)", self.detection_lenient),
                prf("statements attribution (lenient)", self.attribution_lenient),
            ]
        return out

    def table(self) -> str:
        """The report as a fixed-width text table."""
        head = ("measure", "tp/pred/gold", "precision", "recall", "F1")
        rows = [head] + self.rows()
        widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
        lines = [
            f"{self.articles} gold articles scored"
            + (
                f"; {len(self.missing_articles)} not in the store: " + ", ".join(self.missing_articles[:5])
                if self.missing_articles
                else ""
            )
        ]
        for i, r in enumerate(rows):
            lines.append("  ".join(c.ljust(w) if j == 0 else c.rjust(w) for j, (c, w) in enumerate(zip(r, widths))))
            if i == 0:
                lines.append("  ".join("-" * w for w in widths))
        return "\n".join(lines)


def score(
    gold: list[dict], figures: pd.DataFrame, statements: pd.DataFrame, articles: set[str] | None = None
) -> Report:
    """Scores predicted ``figures`` and ``statements`` (store columns) against ``gold``.

    ``articles`` is the set of article ids that were built; gold articles outside it are listed in
    ``Report.missing_articles`` and still count (as all misses).
    """
    report = Report()
    fig_groups = {k: g.sort_values("start") for k, g in figures.groupby("article_id")} if len(figures) else {}
    st_groups = {k: g.sort_values("start") for k, g in statements.groupby("article_id")} if len(statements) else {}
    empty = pd.DataFrame()
    for record in gold:
        aid = str(record["article_id"])
        report.articles += 1
        if articles is not None and aid not in articles:
            report.missing_articles.append(aid)
        if "figures" in record:
            report.has_figures = True
            _score_figures(report, record, fig_groups.get(aid, empty))
        if "statements" in record:
            report.has_statements = True
            _score_statements(report, record, st_groups.get(aid, empty))
    return report


# --- figures ---------------------------------------------------------------------------------


def _number(x: Any) -> float | None:  # a JSON value of a gold record or a cell of a store row
    return None if x is None or pd.isna(x) else float(x)


def _close(pred: object, gold: object, tolerance: float = 0.005) -> bool:
    gold, pred = _number(gold), _number(pred)
    if gold is None or pred is None:
        return False
    return abs(pred - gold) <= tolerance * abs(gold) if gold else pred == 0


def _gold_range(gold: dict) -> tuple[float, float] | None:
    """(low, high) of a gold range, in order, or None for a single value or a bound."""
    low, high = _number(gold.get("low")), _number(gold.get("high"))
    if low is None or high is None or low == high:
        return None
    return min(low, high), max(low, high)


def _single(pred: dict) -> bool:
    """A predicted figure that is one value, not a range."""
    low, high = _number(pred.get("low")), _number(pred.get("high"))
    return low is None or high is None or low == high


def _same_text(pred: dict, gold: dict) -> bool:
    """The same value, said in the same words: "four Russian cruise missiles" is not "four African papers"."""
    return _value_matches(pred, gold) and _words(pred.get("text", "")) == _words(gold.get("text", ""))


def _exact_match(pred: dict, gold: dict) -> bool:
    """The same value (a range: the same ends), to the digit."""
    if _gold_range(gold) is not None:
        return _close(pred.get("low"), gold.get("low"), 0) and _close(pred.get("high"), gold.get("high"), 0)
    return _close(pred.get("value"), gold.get("value"), 0)


def _value_matches(pred: dict, gold: dict) -> bool:
    """The value within 0.5% (a gold range: both ends)."""
    if _gold_range(gold) is not None:
        return _close(pred.get("low"), gold.get("low")) and _close(pred.get("high"), gold.get("high"))
    return _close(pred.get("value"), gold.get("value"))


def _equivalent(pred: dict, gold: dict) -> bool:
    """FORMAT.md's equivalences for gold sets written to other conventions: a percent and the same
    share as a fraction (33.3 percent = 0.333); a single figure equal to one end of a gold range
    (a change "from 200 to 240" read as two levels); an approximate figure inside a gold range."""
    value = _number(pred.get("value"))
    if value is None:
        return False
    if pred.get("unit") == "percent" and _close(value / 100, gold.get("value")):
        return True
    if gold.get("unit") == "percent" and _close(value * 100, gold.get("value")):
        return True
    ends = _gold_range(gold)
    if ends is None or not _single(pred):
        return False
    if _close(value, ends[0]) or _close(value, ends[1]):
        return True
    return pred.get("qualifier") == "approximately" and ends[0] <= value <= ends[1]


# The tiers of a figure match, paired in this order: exact matches first (the same value in the same
# words, then the same value), so a near value or a like number elsewhere does not take the gold
# figure an exact one would have matched; then values within 0.5%; then the equivalences.
_FIGURE_TIERS = (_same_text, _exact_match, _value_matches, _equivalent)


def _category_right(pred: dict, gold: dict) -> bool:
    return pred.get("category") == gold.get("category") or pred.get("category") in (gold.get("category_alt") or [])


def _align(preds: list[dict], golds: list[dict], tiers=_FIGURE_TIERS) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index), tier by tier: in each, each prediction still
    free, in text order, takes the first gold figure still free that it matches (gold lists need
    not follow the text)."""
    free = list(range(len(golds)))
    taken: set[int] = set()
    pairs = []
    for matches in tiers:
        for i, pred in enumerate(preds):
            if i in taken:
                continue
            j = next((j for j in free if matches(pred, golds[j])), None)
            if j is not None:
                free.remove(j)
                taken.add(i)
                pairs.append((i, j))
    return sorted(pairs)


def _score_figures(report: Report, record: dict, predicted: pd.DataFrame) -> None:
    golds = record["figures"]
    preds = predicted.to_dict("records") if len(predicted) else []
    pairs = _align(preds, golds)
    report.figures.add(len(pairs), len(preds), len(golds))
    matched_pred, matched_gold = {i for i, _ in pairs}, {j for _, j in pairs}
    for i, j in pairs:
        if golds[j].get("category") is not None:
            report.category.total += 1
            report.category.right += _category_right(preds[i], golds[j])
            if not _category_right(preds[i], golds[j]):
                report.misses.append(
                    {
                        "article_id": record["article_id"],
                        "layer": "category",
                        "gold": golds[j],
                        "pred": _brief(preds[i]),
                    }
                )
        if golds[j].get("qualifier") not in (None, "change"):
            report.qualifier.total += 1
            report.qualifier.right += preds[i].get("qualifier") == golds[j]["qualifier"]
            if preds[i].get("qualifier") != golds[j]["qualifier"]:
                report.misses.append(
                    {
                        "article_id": record["article_id"],
                        "layer": "qualifier",
                        "gold": golds[j],
                        "pred": _brief(preds[i]),
                    }
                )
    # Key figures read the same matches: recall counts the key gold figures matched in a category the
    # gold accepts; precision the predictions in a key category matched in a category the gold accepts.
    right = [(i, j) for i, j in pairs if _category_right(preds[i], golds[j])]
    report.key_figures.add(
        tp=sum(1 for _, j in right if golds[j].get("category") in KEY_CATEGORIES),
        n_pred=sum(1 for p in preds if p.get("category") in KEY_CATEGORIES),
        n_gold=sum(1 for g in golds if g.get("category") in KEY_CATEGORIES),
        tp_pred=sum(1 for i, _ in right if preds[i].get("category") in KEY_CATEGORIES),
    )
    not_figures = [t.lower() for t in record.get("not_figures", [])]
    for p in preds:
        if any(str(p.get("text", "")).lower() in nf or nf in str(p.get("text", "")).lower() for nf in not_figures):
            report.non_figures_found += 1
    aid = record["article_id"]
    report.misses += [
        {"article_id": aid, "layer": "figure missed", "gold": golds[j]}
        for j in range(len(golds))
        if j not in matched_gold
    ]
    report.misses += [
        {"article_id": aid, "layer": "figure extra", "pred": _brief(preds[i])}
        for i in range(len(preds))
        if i not in matched_pred
    ]


def _brief(pred: dict) -> dict:
    keys = ("text", "value", "low", "high", "qualifier", "unit", "category", "speaker", "kind", "cue", "rule")
    return {k: pred[k] for k in keys if k in pred}


# --- statements ------------------------------------------------------------------------------


def _words(text: str) -> Counter:
    return Counter(w.lower() for w in _WORD.findall(text or ""))


def _overlap_pairs(preds: list[dict], golds: list[dict], strict: bool) -> list[tuple[int, int]]:
    """One-to-one matches by word overlap, best overlap first."""
    gold_words = [_words(g.get("text", "")) for g in golds]
    pred_words = [_words(p.get("text", "")) for p in preds]
    candidates = []
    for i, pw in enumerate(pred_words):
        n_pred = sum(pw.values())
        for j, gw in enumerate(gold_words):
            n_gold = sum(gw.values())
            shared = sum((pw & gw).values())
            if not n_gold or not shared:
                continue
            ok = shared >= 0.5 * n_gold and shared >= 0.5 * n_pred if strict else shared >= 0.3 * n_gold
            if ok:
                candidates.append((shared / max(n_gold, n_pred), shared, i, j))
    candidates.sort(key=lambda c: (-c[0], -c[1], c[2], c[3]))
    used_p, used_g, pairs = set(), set(), []
    for _, _, i, j in candidates:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def _names_for(record: dict, gold_speaker: str) -> set[str]:
    """Every name under which a predicted speaker counts as the gold one."""
    names = {gold_speaker}
    for sp in record.get("speakers", []):
        if sp.get("name") == gold_speaker:
            names.update(sp.get("aliases") or [])
            if sp.get("type") == "person" and " " in gold_speaker:
                names.add(gold_speaker.split()[-1])
    return {_norm_name(n) for n in names if n}


def _norm_name(name: str) -> str:
    # Typographic apostrophes and spacing are spelling, not identity.
    name = re.sub(r"\s+", " ", str(name)).strip().lower().replace("’", "'").replace("‘", "'")
    return name[4:] if name.startswith("the ") else name


def _score_statements(report: Report, record: dict, predicted: pd.DataFrame) -> None:
    golds = record["statements"]
    preds = predicted.to_dict("records") if len(predicted) else []
    aid = record["article_id"]
    for strict, detection, attribution in (
        (True, report.detection_strict, report.attribution_strict),
        (False, report.detection_lenient, report.attribution_lenient),
    ):
        pairs = _overlap_pairs(preds, golds, strict)
        optional_pairs = [(i, j) for i, j in pairs if golds[j].get("optional")]
        scored_pairs = [(i, j) for i, j in pairs if not golds[j].get("optional")]
        n_pred = len(preds) - len(optional_pairs)
        n_gold = sum(1 for g in golds if not g.get("optional"))
        right = [
            (i, j)
            for i, j in scored_pairs
            if _norm_name(preds[i].get("speaker") or "") in _names_for(record, golds[j]["speaker"])
        ]
        detection.add(len(scored_pairs), n_pred, n_gold)
        attribution.add(len(right), n_pred, n_gold)
        if strict:
            matched_p, matched_g = {i for i, _ in pairs}, {j for _, j in pairs}
            report.misses += [
                {"article_id": aid, "layer": "statement missed", "gold": golds[j]}
                for j in range(len(golds))
                if j not in matched_g and not golds[j].get("optional")
            ]
            report.misses += [
                {"article_id": aid, "layer": "statement extra", "pred": _brief(preds[i])}
                for i in range(len(preds))
                if i not in matched_p
            ]
            report.misses += [
                {"article_id": aid, "layer": "speaker wrong", "gold": golds[j], "pred": _brief(preds[i])}
                for i, j in scored_pairs
                if (i, j) not in right
            ]
