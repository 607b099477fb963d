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


def _code_lines(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    lines = node.end_lineno - node.lineno + 1
    first = node.body[0]
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
        lines -= first.end_lineno - first.lineno + 1
    return lines


def test_no_function_over_60_lines():
    long = []
    for path in sorted((ROOT / "toolkit").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and _code_lines(node) > LIMIT:
                long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}: {_code_lines(node)} lines")
    assert not long, "split these into named steps:\n" + "\n".join(long)


def test_the_count_leaves_the_docstring_out():
    body = "\n".join(f"    x{i} = {i}" for i in range(LIMIT))
    tree = ast.parse(f'def f():\n    """one\n    two\n    """\n{body}\n')
    assert _code_lines(tree.body[0]) == LIMIT + 1  # the def line and 60 lines of code
