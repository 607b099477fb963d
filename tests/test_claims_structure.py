"""The shape of the ``toolkit/claims/`` package (issue 21): small modules by what they do, no function or method
longer than 60 lines, module docstrings of a few lines (the detail is in docs/guide/claims.md). Read from the
source with ``ast``; nothing is imported."""

import ast
from pathlib import Path

import pytest

from tests.test_structure import long_functions

PACKAGE = Path(__file__).resolve().parents[1] / "toolkit" / "claims"
MODULES = sorted(PACKAGE.glob("*.py"))
MAX_LINES = 60
MAX_DOCSTRING_LINES = 8


def test_the_package_replaces_the_module():
    assert not (PACKAGE.parent / "claims.py").exists()
    names = {p.stem for p in MODULES}
    assert {"__init__", "cues", "words", "text", "sentences", "outlets", "speakers", "content"} <= names
    assert {"extractor", "chain"} <= names


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_no_function_over_60_lines(path):
    found = long_functions(path.read_text(encoding="utf-8"), MAX_LINES, docstrings=True)
    assert not found, f"{path.name}: " + ", ".join(f"{n} (line {a}: {k} lines)" for n, a, k in found)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_module_docstring_of_a_few_lines(path):
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert doc, f"{path.name} has no module docstring"
    assert len(doc.splitlines()) <= MAX_DOCSTRING_LINES, f"{path.name}: the detail goes to docs/guide/claims.md"


def test_a_long_function_would_be_found():
    body = "\n".join(f"    x{i} = {i}" for i in range(60))
    source = f"class A:\n    def short(self):\n        pass\n\n    @staticmethod\n    def long():\n{body}\n"
    source = source.replace("\n    x", "\n        x")
    assert long_functions(source, docstrings=True) == [("A.long", 5, 62)]
    nested = f"def outer():\n    def inner():\n{body.replace('    x', '        x')}\n    return inner\n"
    assert [n for n, _, _ in long_functions(nested, docstrings=True)] == ["outer", "outer.inner"]
