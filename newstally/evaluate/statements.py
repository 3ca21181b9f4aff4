"""Statements scored as docs/conventions.md says: detection and attribution, strict (the spans
overlap mostly) and lenient (they share words), a speaker right by any of its names."""

from __future__ import annotations

import re

import pandas as pd

from .report import Report, brief, words


def _overlap_pairs(preds: list[dict], golds: list[dict], strict: bool) -> list[tuple[int, int]]:
    """One-to-one matches by word overlap, best overlap first."""
    gold_words = [words(g.get("text", "")) for g in golds]
    pred_words = [words(p.get("text", "")) for p in preds]
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


def score_statements(report: Report, record: dict, predicted: pd.DataFrame) -> None:
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
                {"article_id": aid, "layer": "statement extra", "pred": brief(preds[i])}
                for i in range(len(preds))
                if i not in matched_p
            ]
            report.misses += [
                {"article_id": aid, "layer": "speaker wrong", "gold": golds[j], "pred": brief(preds[i])}
                for i, j in scored_pairs
                if (i, j) not in right
            ]
