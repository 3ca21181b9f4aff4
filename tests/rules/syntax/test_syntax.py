"""The syntactic layer: the shipped model loads offline, and an article's parse is read by offset."""

from __future__ import annotations

import json
import socket

import pytest

from newstally.rules import sentences_to_parse
from newstally.rules.syntax import MODEL, NO_SYNTAX, Syntax, model_hash, nlp


def test_syntax_model_loads_with_no_network(monkeypatch):
    import spacy

    def refuse(*args, **kwargs):
        raise OSError("no network in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    loaded = spacy.load(MODEL)
    assert {"tagger", "parser"} <= set(loaded.pipe_names)


def test_syntax_model_ships_with_its_licence_attribution_and_scores():
    meta = json.loads((MODEL / "meta.json").read_text(encoding="utf-8"))
    assert meta["license"] == "CC BY-SA 4.0"
    assert "UD_English-EWT" in meta["sources"][0]["name"]
    assert "Attribution-ShareAlike 4.0" in (MODEL / "LICENSE").read_text(encoding="utf-8")
    test = meta["performance"]["test"]
    assert 0 < test["dep_las"] <= test["dep_uas"] <= 1
    assert meta["training"]["command"].startswith("newstally train-parser")


def test_syntax_model_is_small_enough_to_ship():
    size = sum(p.stat().st_size for p in MODEL.rglob("*") if p.is_file())
    assert size <= 20 * 1024 * 1024


@pytest.mark.parametrize(
    "text, word, dep, head",
    [
        ("Officials said 12 people were killed.", "Officials", "nsubj", "said"),
        ("The army told reporters that it had withdrawn.", "reporters", "iobj", "told"),
        ("“It is over,” the spokeswoman said.", "spokeswoman", "nsubj", "said"),
    ],
)
def test_syntax_token_at_reads_the_parse_by_article_offset(text, word, dep, head):
    article = "A first sentence without any of it.\n" + text
    syntax = Syntax(article, sentences_to_parse(article))
    found = syntax.token_at(article.index(word) + 1)
    assert found is not None
    sentence, token = found
    assert token.text == word and sentence.offset(token) == article.index(word)
    assert (token.dep_, token.head.text) == (dep, head)


def test_syntax_sentences_without_number_quote_or_cue_are_not_parsed():
    article = "The sky was grey over the hills.\nOfficials said 12 people were killed."
    syntax = Syntax(article, sentences_to_parse(article))
    assert syntax.token_at(article.index("grey")) is None
    assert syntax.token_at(article.index("killed")) is not None


def test_syntax_no_syntax_answers_not_parsed_without_loading_anything():
    assert NO_SYNTAX.token_at(0) is None and NO_SYNTAX.sentence_at(5) is None


def test_syntax_model_hash_names_the_model_and_is_stable():
    assert model_hash() == model_hash() and len(model_hash()) == 10
    assert nlp() is nlp()  # loaded once per process
