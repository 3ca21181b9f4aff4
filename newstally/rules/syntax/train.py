"""The recipe of the parser model: treebank in, ``model/`` out (``newstally train-parser``).

1. converts the UD English Web Treebank's train, dev and test CoNLL-U files to spaCy's format;
2. trains a tagger and dependency parser with the settings of ``parser.cfg`` (dev split for
   choosing the best step);
3. scores the best model on the test split, which training never saw;
4. writes it into the package (``model/``) with the treebank's licence (CC BY-SA 4.0, which the
   model shares as an adaptation of the treebank), the scores and the command that made it.

Training takes about an hour of one core. Nothing is downloaded: spaCy comes from PyPI, the
treebank from the folder given (``../shared/treebank`` by default; the UniversalDependencies/
UD_English-EWT repository publishes the same files).
"""

from __future__ import annotations

import hashlib
import json
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

from newstally.contract.errors import NewstallyError

from . import MODEL

CONFIG = Path(__file__).resolve().parent / "parser.cfg"
SPLITS = ("train", "dev", "test")
TREEBANK_URL = "https://github.com/UniversalDependencies/UD_English-EWT"
ATTRIBUTION = (
    "Trained by newstally on the Universal Dependencies English Web Treebank (UD_English-EWT), "
    "annotations (c) 2013-2021 The Board of Trustees of The Leland Stanford Junior University, "
    "CC BY-SA 4.0. This model is an adaptation of that treebank and is shared under the same licence."
)


class TreebankError(NewstallyError):
    """The treebank folder does not hold the files training needs."""


def _split_files(treebank: Path) -> dict[str, Path]:
    files = {split: next(iter(sorted(treebank.glob(f"*-ud-{split}.conllu"))), None) for split in SPLITS}
    missing = [split for split, path in files.items() if path is None]
    if missing:
        raise TreebankError(
            f"{treebank} has no *-ud-{{{','.join(missing)}}}.conllu file: point --treebank at a "
            f"UD English EWT folder (train, dev and test CoNLL-U files; {TREEBANK_URL})"
        )
    if not (treebank / "LICENSE.txt").is_file():
        raise TreebankError(f"{treebank} has no LICENSE.txt: the model must ship with the treebank's licence")
    return files  # type: ignore[return-value]  # no value is None past the check above


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def train_parser(
    treebank: Path,
    output: Path = MODEL,
    workdir: Path | None = None,
    overrides: dict[str, object] | None = None,
    log=print,
) -> dict[str, float]:
    """Trains the parser from ``treebank`` and writes it to ``output``; returns its test scores
    (``dep_uas``, ``dep_las``, ``tag_acc``)."""
    from spacy.cli.convert import convert
    from spacy.cli.evaluate import evaluate
    from spacy.cli.train import train

    files = _split_files(Path(treebank))
    started = time.time()
    with tempfile.TemporaryDirectory(prefix="newstally-parser-") as scratch:
        work = Path(workdir or scratch)
        corpus = work / "corpus"
        corpus.mkdir(parents=True, exist_ok=True)
        for path in files.values():
            log(f"converting {path.name}")
            # one sentence per document: the rules parse one sentence at a time
            convert(path, corpus, file_type="spacy", n_sents=1, converter="conllu", silent=True)
        data = {split: corpus / f"{path.stem}.spacy" for split, path in files.items()}
        log(f"training with {CONFIG.name} (about an hour of one core)")
        train(
            CONFIG,
            work / "training",
            overrides={"paths.train": str(data["train"]), "paths.dev": str(data["dev"]), **(overrides or {})},
        )
        best = work / "training" / "model-best"
        # as newstally parses (raw text, spaCy's tokens), and on the treebank's own tokens
        scores = _scores(evaluate(str(best), data["test"], silent=True))
        gold_tokens = _scores(evaluate(str(best), data["test"], gold_preproc=True, silent=True))
        log(f"test split: UAS {scores['dep_uas']:.3f}, LAS {scores['dep_las']:.3f}, tags {scores['tag_acc']:.3f}")
        _package(
            best,
            Path(output),
            Path(treebank),
            files,
            {"test": scores, "test_gold_tokens": gold_tokens},
            time.time() - started,
            overrides or {},
        )
    return scores


def _scores(found: dict) -> dict[str, float]:
    return {k: round(float(found[k]), 4) for k in ("dep_uas", "dep_las", "tag_acc")}


def _package(
    best: Path,
    output: Path,
    treebank: Path,
    files: dict[str, Path],
    scores: dict[str, dict[str, float]],
    seconds: float,
    overrides: dict[str, object],
    notes: str = "",
) -> None:
    """Copies the trained model to ``output`` with the treebank's licence and a meta.json that says
    what it is, where it comes from, how it scores (``scores``: test, test_gold_tokens) and how it
    was made."""
    if output.exists():
        shutil.rmtree(output)
    shutil.copytree(best, output)
    shutil.copyfile(treebank / "LICENSE.txt", output / "LICENSE")
    meta_path = output / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(
        {
            "name": "newstally_parser",
            "version": "1.0.0",
            "description": "Tagger (Penn Treebank tags) and dependency parser (Universal Dependencies labels) for "
            "English news, used by newstally's statement and figure rules.",
            "license": "CC BY-SA 4.0",
            "author": "newstally",
            "notes": ATTRIBUTION,
            "sources": [
                {
                    "name": "Universal Dependencies English Web Treebank (UD_English-EWT)",
                    "url": TREEBANK_URL,
                    "license": "CC BY-SA 4.0",
                    "author": "The Board of Trustees of The Leland Stanford Junior University",
                }
            ],
            "performance": {**scores, "dev": _scores(meta.get("performance", {}))},
            "training": {
                "command": "newstally train-parser --treebank "
                + str(treebank)
                + "".join(f" --set {k}={v}" for k, v in overrides.items()),
                "config": CONFIG.name,
                "treebank_files": {p.name: _sha256(p) for p in files.values()},
                "seconds": round(seconds),
                "python": platform.python_version(),
                "machine": platform.machine(),
                **({"notes": notes} if notes else {}),
            },
        }
    )
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    shutil.copyfile(CONFIG, output / "parser.cfg")


if __name__ == "__main__":
    train_parser(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/treebank"))
