"""Figures scored as docs/conventions.md says: predictions paired with gold figures in tiers (the
same words, the exact value, within 0.5%, then the equivalences), key figures read off the same
pairing, category and qualifier accuracy over the pairs."""

from __future__ import annotations

from typing import Any

import pandas as pd

from newstally.contract.vocabulary import KEY_CATEGORIES

from .report import Report, brief, words


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
    return _value_matches(pred, gold) and words(pred.get("text", "")) == words(gold.get("text", ""))


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


def score_figures(report: Report, record: dict, predicted: pd.DataFrame) -> None:
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
                        "pred": brief(preds[i]),
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
                        "pred": brief(preds[i]),
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
        {"article_id": aid, "layer": "figure extra", "pred": brief(preds[i])}
        for i in range(len(preds))
        if i not in matched_pred
    ]
