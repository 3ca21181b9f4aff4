"""The architecture as the tree shows it: which folder may import which, and modules small enough
to read in one sitting. Reads every module's imports from its syntax tree (nothing is run)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import ROOT

PACKAGE = ROOT / "newstally"
MODULES = sorted(PACKAGE.rglob("*.py"))
LONGEST_MODULE = 400  # lines; STYLE.md: a file over ~400 lines is a hint to split
MOST_TOP_LEVEL_ENTRIES = 12


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, relative imports resolved to absolute names."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)  # "from x import module"
    return found


def _within(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


# (the folder, the imports it must not make, why)
RULES = [
    ("newstally", ["streamlit"], "newstally never imports Streamlit: the dashboard lives in components/"),
    (
        "newstally.contract",
        ["newstally.rules", "newstally.build", "newstally.read", "newstally.evaluate", "newstally.cli"],
        "the contract every side imports imports none of them",
    ),
    (
        "newstally.rules",
        ["newstally.build", "newstally.read", "newstally.evaluate", "newstally.cli"],
        "the rules read text, never a store",
    ),
    (
        "newstally.read",
        ["newstally.rules", "newstally.build", "newstally.cli"],
        "the read side asks a store and never runs the rules",
    ),
    (
        "newstally.build",
        ["newstally.read", "newstally.evaluate", "newstally.cli"],
        "the build writes tables and needs nothing the dashboard asks",
    ),
]


@pytest.mark.parametrize("folder, forbidden, why", RULES, ids=[r[0] for r in RULES])
def test_layout_imports_point_one_way(folder, forbidden, why):
    wrong = sorted(
        f"{path.relative_to(ROOT)} imports {module}"
        for path in MODULES
        if _within(_module_name(path), folder)
        for module in _imports(path)
        if any(_within(module, f) for f in forbidden)
    )
    assert not wrong, f"{why}:\n" + "\n".join(wrong)


def test_layout_top_level_is_a_handful_of_entries():
    entries = [p.name for p in PACKAGE.iterdir() if p.name != "__pycache__"]
    assert len(entries) <= MOST_TOP_LEVEL_ENTRIES, sorted(entries)


@pytest.mark.parametrize(
    "path", MODULES + sorted((ROOT / "components").rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT))
)
def test_layout_module_is_short_enough_to_read_in_one_sitting(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= LONGEST_MODULE


def test_layout_import_reader_resolves_relative_imports():
    # the reader above is what the rules rest on: a relative import must come out absolute
    module = PACKAGE / "rules" / "figures" / "reading.py"
    assert "newstally.rules.figures.context" in _imports(module)


def _readme_layout() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Layout", 1)[1].split("\n## ", 1)[0]
    return section.split("```")[1].splitlines()


def _listed_paths() -> set[str]:
    """The paths the README's layout tree names, rebuilt from its indentation."""
    paths, stack = set(), []
    for line in _readme_layout():
        name = line.strip().split(" ", 1)[0]
        if not name or not (name.endswith("/") or name.endswith(".py")):
            continue  # a description running on
        depth = (len(line) - len(line.lstrip())) // 2
        stack = stack[:depth] + [name.rstrip("/")]
        paths.add("/".join(stack))
    return paths


@pytest.mark.parametrize(
    "path",
    sorted(
        p
        for p in MODULES + sorted((ROOT / "components").rglob("*.py"))
        if p.name != "__init__.py" or p.parent.name == "ingest"
    ),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_layout_readme_lists_every_module(path):
    assert str(path.relative_to(ROOT)) in _listed_paths(), "add a line for it to the README's layout"
