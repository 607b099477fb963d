"""No function or method in toolkit/ longer than 60 lines of code, read with ``ast`` (issue 21).

A long function is where a module stops saying what it does; past 60 lines, split it into named steps. The
docstring is not counted: the public functions carry numpy docstrings with Persian examples, which run to 40
lines and more by design. ``tests/test_claims_structure.py`` holds the claims package to the stricter count,
docstrings included.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIMIT = 60


def _docstring_lines(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    first = node.body[0]
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
        return first.end_lineno - first.lineno + 1
    return 0


def long_functions(source: str, limit: int = LIMIT, *, docstrings: bool = False) -> list[tuple[str, int, int]]:
    """(qualified name, first line, length) of every function or method longer than ``limit`` lines, nested
    ones included; a function's length runs from its ``def`` (decorators included) to its last line, its
    docstring counted only if ``docstrings``."""
    found = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            name = prefix
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                name = f"{prefix}{child.name}."
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                first = min([child.lineno] + [d.lineno for d in child.decorator_list])
                length = child.end_lineno - first + 1 - (0 if docstrings else _docstring_lines(child))
                if length > limit:
                    found.append((name[:-1], first, length))
            visit(child, name)

    visit(ast.parse(source), "")
    return found


def test_no_function_over_60_lines():
    long = [
        f"{path.relative_to(ROOT)}:{line} {name}: {length} lines"
        for path in sorted((ROOT / "toolkit").rglob("*.py"))
        for name, line, length in long_functions(path.read_text(encoding="utf-8"))
    ]
    assert not long, "split these into named steps:\n" + "\n".join(long)


def test_the_count_leaves_the_docstring_out():
    body = "\n".join(f"    x{i} = {i}" for i in range(LIMIT))
    source = f'def f():\n    """one\n    two\n    """\n{body}\n'
    assert long_functions(source) == [("f", 1, LIMIT + 1)]  # the def line and 60 lines of code
    assert long_functions(source, docstrings=True) == [("f", 1, LIMIT + 4)]
