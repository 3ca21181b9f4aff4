"""The language data: every lexicon file loads, users can extend it, and it names no test person."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT, SHARED

from newstally.rules import lexicon

LEXICON_FILES = lexicon.bundled_files()


@pytest.mark.parametrize("path", LEXICON_FILES, ids=lambda p: p.name)
def test_lexicon_file_loads_and_is_not_empty(path):
    loaded = lexicon.entries(path.stem) if path.suffix == ".txt" else lexicon.rows(path.stem)
    assert loaded, f"{path.name} has no entries"


def test_lexicon_extra_folder_extends_a_lexicon(tmp_path, monkeypatch):
    name = next(p.stem for p in LEXICON_FILES if p.suffix == ".txt")
    (tmp_path / f"{name}.txt").write_text("# added by a user\nzzyzx-word\n", encoding="utf-8")
    monkeypatch.setenv(lexicon.USER_FOLDER, str(tmp_path))
    lexicon.reset()
    try:
        assert "zzyzx-word" in lexicon.words(name)
    finally:
        monkeypatch.delenv(lexicon.USER_FOLDER)
        lexicon.reset()


def _gold_people() -> set[str]:
    gold = SHARED / "gold"
    if not gold.is_dir():
        pytest.skip("../shared/gold is not here")
    names: set[str] = set()
    for path in gold.glob("*.jsonl"):
        for line in path.open(encoding="utf-8"):
            record = json.loads(line)
            names.update(record.get("mentioned_people", []))
            for speaker in record.get("speakers", []):
                if speaker.get("type") == "person" and re.fullmatch(
                    r"(?:[A-Z][\w'’-]+ ){1,3}[A-Z][\w'’-]+", speaker["name"]
                ):
                    names.add(speaker["name"])
    return names


def test_lexicon_and_code_name_no_person_from_the_gold_files():
    people = _gold_people()
    sources = [p for p in (ROOT / "newstally").rglob("*") if p.suffix in {".py", ".txt", ".tsv"}]
    text = "\n".join(p.read_text(encoding="utf-8") for p in sources)
    found = sorted(name for name in people if re.search(rf"\b{re.escape(name)}\b", text))
    assert not found, f"person names from gold files in extractor code or lexicons: {found}"
