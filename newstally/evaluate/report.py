"""The scores of one gold file: precision, recall and F1 per layer, accuracies, and the misses."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

_WORD = re.compile(r"\w+")


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


def brief(pred: dict) -> dict:
    keys = ("text", "value", "low", "high", "qualifier", "unit", "category", "speaker", "kind", "cue", "rule")
    return {k: pred[k] for k in keys if k in pred}


def words(text: str) -> Counter:
    """The words of ``text``, lower-cased and counted: what two texts are compared by."""
    return Counter(w.lower() for w in _WORD.findall(text or ""))
