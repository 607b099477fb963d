"""The import graph of toolkit/, read from the source with ``ast`` (nothing is imported): no cycle, and no
module imports one of a higher layer. Imports inside functions count as much as those at the top.

Deprecated aliases (a module ``__getattr__`` made by :func:`toolkit._compat.moved`) name their targets as
strings and import them at first use: they are not dependencies of the module's code, and go with the aliases.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "toolkit"

#: Bottom to top; a module may import its own layer (without a cycle) and the layers below.
LAYERS = [
    {"_compat", "_version"},  # imports nothing of ours
    {"chars", "normalization", "zwnj"},
    {"tokens"},
    {"corpus", "datasets", "taxonomy"},
    {"features", "numbers", "sources", "collect", "word_vectors"},
    {"topics", "keywords", "claims", "compare", "evaluation"},
    {"pipeline", "scale"},
    {"plots"},
    {"cli", "__main__"},
    {"__init__"},  # the public names of every layer
]
LEVEL = {name: i for i, layer in enumerate(LAYERS) for name in layer}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def exists(module: str) -> bool:
    path = PACKAGE.parent.joinpath(*module.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def imported(node: ast.AST, here: str) -> list[str]:
    """The toolkit modules an import statement names (``from toolkit import x`` names ``toolkit.x`` if it is
    a module, else ``toolkit``)."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names if a.name.split(".")[0] == "toolkit"]
    if not isinstance(node, ast.ImportFrom):
        return []
    assert not node.level, f"{here}: a relative import; the toolkit imports absolutely"
    base = node.module or ""
    if base.split(".")[0] != "toolkit":
        return []
    return [f"{base}.{a.name}" if exists(f"{base}.{a.name}") else base for a in node.names]


def graph() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        here = module_name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        targets = {t for node in ast.walk(tree) for t in imported(node, here)}
        edges[here] = targets - {here}
    return edges


def layer(module: str) -> int:
    parts = module.split(".")
    name = parts[1] if len(parts) > 1 else "__init__"
    if name not in LEVEL:
        raise AssertionError(f"{module} is in no layer: add it to LAYERS in {Path(__file__).name}")
    return LEVEL[name]


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected component of more than one module (Tarjan)."""
    index, low, stack, on, found = {}, {}, [], set(), []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_the_graph_is_read():
    edges = graph()
    assert "toolkit.chars" in edges["toolkit.normalization"]
    assert "toolkit.datasets._store" in edges["toolkit.datasets"]  # inside a function
    assert "toolkit.topics" in edges["toolkit.cli"]  # `from toolkit import topics`, inside a function
    assert {"toolkit.zwnj", "toolkit.normalization"} <= edges["toolkit.evaluation"]


def test_no_cycle():
    assert cycles(graph()) == []


def test_a_cycle_would_be_found():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_every_module_has_a_layer():
    for module in graph():
        layer(module)


@pytest.mark.parametrize("module", sorted(graph()))
def test_no_upward_edge(module):
    up = [t for t in sorted(graph()[module]) if layer(t) > layer(module)]
    assert not up, f"{module} (layer {layer(module)}) imports a higher layer: {up}"
