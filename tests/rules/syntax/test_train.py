"""The parser's recipe runs end to end: a tiny treebank in, a model with its licence and scores out."""

from __future__ import annotations

import json

import pytest
from conftest import shared

from newstally.rules.syntax.train import TreebankError, train_parser


def _head(path, n_sentences: int) -> str:
    blocks = path.read_text(encoding="utf-8").split("\n\n")
    return "\n\n".join(blocks[:n_sentences]) + "\n\n"


def test_train_parser_writes_a_loadable_model_with_licence_and_test_scores(tmp_path):
    treebank = shared("treebank")
    small = tmp_path / "treebank"
    small.mkdir()
    for split in ("train", "dev", "test"):
        (small / f"en_ewt-ud-{split}.conllu").write_text(_head(treebank / f"en_ewt-ud-{split}.conllu", 40))
    (small / "LICENSE.txt").write_text((treebank / "LICENSE.txt").read_text(encoding="utf-8"))
    output = tmp_path / "model"
    scores = train_parser(
        small,
        output,
        workdir=tmp_path / "work",
        log=lambda line: None,
        overrides={"training.max_steps": 4, "training.eval_frequency": 2},
    )
    meta = json.loads((output / "meta.json").read_text(encoding="utf-8"))
    assert meta["performance"]["test"]["dep_uas"] == round(scores["dep_uas"], 4)
    assert meta["license"] == "CC BY-SA 4.0" and (output / "LICENSE").is_file()
    assert "training.max_steps=4" in meta["training"]["command"]
    import spacy

    assert len(spacy.load(output)("Officials said it was over.")) == 6


def test_train_parser_names_what_a_treebank_folder_lacks(tmp_path):
    (tmp_path / "en_ewt-ud-train.conllu").write_text("")
    with pytest.raises(TreebankError, match=r"\{dev,test\}"):
        train_parser(tmp_path, tmp_path / "model")
