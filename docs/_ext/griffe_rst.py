"""A griffe extension for the API pages: the toolkit's docstrings are written for Sphinx and doctest, the site
reads them as Markdown. Two things would come out wrong, and are rewritten before mkdocstrings parses them
(the docstrings themselves stay as they are):

- ``:func:`name```, ``:class:`~pkg.Name``` and the other Sphinx roles become links to the object's entry in the
  API reference when it is a public object of the toolkit (so it has one), and inline code otherwise;
- a run of doctest lines (``>>>``, ``...`` and the expected output up to the next blank line) becomes a fenced
  ``pycon`` block, instead of a paragraph that Markdown would run together (after a numpy section such as
  Parameters, they open an Examples section, which mkdocstrings renders as code itself); so does an RST literal block (a
  paragraph ending in ``::`` and the indented lines after it), and a paragraph of command lines (each line
  ``python -m …`` or ``cat …``, as at the top of toolkit.cli) becomes a ``sh`` block.

An attribute documented the Sphinx way, by ``#:`` comment lines just above it, gets those lines as its
docstring, so module constants such as ``toolkit.claims.COLUMNS`` appear with their description; public names
with no docstring at all are left out of the pages (``show_if_no_docstring: false``).

Loaded by mkdocstrings through ``extensions:`` in mkdocs.yml.
"""

from __future__ import annotations

import re
import textwrap

import griffe

COMMAND = ("python -m ", "cat ")
ROLE = re.compile(r":(?:func|class|meth|mod|data|attr|obj|exc):`(~?)([^`]+)`")


def _public(path: str) -> bool:
    return path.startswith("toolkit") and not any(part.startswith("_") for part in path.split("."))


class RstForMarkdown(griffe.Extension):
    def on_package(self, *, pkg: griffe.Module, **kwargs) -> None:
        if pkg.path == "toolkit":
            objects = list(self._objects(pkg))
            for obj in objects:  # first every #: comment, so that links to those attributes resolve
                if obj.is_attribute and obj.docstring is None and obj.lineno:
                    comment = self._comment(obj)
                    if comment:
                        obj.docstring = griffe.Docstring(comment, lineno=obj.lineno, parent=obj)
            for obj in objects:
                if obj.docstring is not None:
                    obj.docstring.value = self._rewrite(obj.docstring.value, obj, pkg)

    def _objects(self, obj):
        if obj.is_alias:
            return
        yield obj
        for member in obj.members.values():
            yield from self._objects(member)

    @staticmethod
    def _comment(obj) -> str:
        """The ``#:`` comment lines right above ``obj``'s assignment (or ``#:`` at the end of its line)."""
        try:
            lines = obj.lines_collection[obj.filepath]
        except (KeyError, AttributeError, TypeError):
            return ""
        own = lines[obj.lineno - 1]
        if "  #: " in own:
            return own.split("  #: ", 1)[1].strip()
        found = []
        i = obj.lineno - 2
        while i >= 0 and lines[i].strip().startswith("#:"):
            found.append(lines[i].strip()[2:].strip())
            i -= 1
        return " ".join(reversed(found))

    # -- roles ------------------------------------------------------------------------------------
    def _target(self, name: str, obj, pkg) -> str | None:
        """The path under which the API reference shows ``name`` as seen from ``obj``, or None."""
        scopes = [obj, obj.parent, obj.module] if obj.parent is not None else [obj]
        candidates = []
        for scope in scopes:
            if scope is None:
                continue
            try:
                candidates.append(scope[name])
            except (KeyError, ValueError, griffe.AliasResolutionError, griffe.CyclicAliasError):
                pass
        if name.startswith("toolkit."):
            try:
                candidates.append(pkg[name.removeprefix("toolkit.")])
            except (KeyError, ValueError, griffe.AliasResolutionError, griffe.CyclicAliasError):
                pass
        for found in candidates:
            # an alias is shown where it is exported (toolkit.normalize, toolkit.datasets.DataError) only if
            # that module lists it in __all__; otherwise link the object where it is defined
            if found.is_alias:
                exported = found.parent is not None and found.name in (found.parent.exports or ())
                if exported and _public(found.path) and self._shown(found.final_target):
                    return found.path
                try:
                    target = found.final_target
                except (griffe.AliasResolutionError, griffe.CyclicAliasError):
                    continue
                return target.path if _public(target.path) and self._shown(target) else None
            return found.path if _public(found.path) and self._shown(found) else None
        return None

    @staticmethod
    def _shown(obj) -> bool:
        """Whether the API pages render ``obj`` (show_if_no_docstring is false): a module always, anything
        else if it has a docstring (or a ``#:`` comment, which _walk turned into one)."""
        return obj.is_module or obj.docstring is not None

    def _roles(self, text: str, obj, pkg) -> str:
        def link(m: re.Match) -> str:
            short, name = m.group(1), m.group(2)
            shown = name.rsplit(".", 1)[-1] if short else name
            target = self._target(name, obj, pkg)
            return f"[`{shown}`][{target}]" if target else f"`{shown}`"

        return ROLE.sub(link, text)

    # -- doctests ---------------------------------------------------------------------------------
    def _rewrite(self, text: str, obj, pkg) -> str:
        out: list[str] = []
        lines = text.split("\n")
        i = 0
        in_fence = False
        section = None
        while i < len(lines):
            line = lines[i]
            if line.lstrip().startswith("```"):
                in_fence = not in_fence
            if not in_fence and line.rstrip().endswith("::") and i + 1 < len(lines) and not lines[i + 1].strip():
                out.append(self._roles(line.rstrip()[:-1], obj, pkg))  # "there::" reads "there:"
                j = i + 2
                while j < len(lines) and (not lines[j].strip() or lines[j].startswith((" ", "\t"))):
                    j += 1
                block = lines[i + 2 : j]
                while block and not block[-1].strip():
                    block.pop()
                out += ["", "```python", *textwrap.dedent("\n".join(block)).split("\n"), "```", ""]
                i = j
                continue
            if not in_fence and line.startswith(COMMAND) and (i == 0 or not lines[i - 1].strip()):
                j = i
                while j < len(lines) and lines[j].startswith(COMMAND):
                    j += 1
                if j == len(lines) or not lines[j].strip():  # the whole paragraph is command lines
                    out += ["```sh", *lines[i:j], "```"]
                    i = j
                    continue
            if not in_fence and i + 1 < len(lines) and set(lines[i + 1].strip()) == {"-"} and line.strip():
                section = line.strip()  # a numpy section: Parameters, Returns, Examples …
            if not in_fence and line.lstrip().startswith(">>>") and section is not None:
                # doctests after a numpy section belong to an Examples section, which griffe renders itself
                if section != "Examples":
                    if out and out[-1].strip():
                        out.append("")
                    out += ["Examples", "--------"]
                    section = "Examples"
                while i < len(lines) and lines[i].strip():
                    out.append(lines[i])
                    i += 1
                continue
            if not in_fence and line.lstrip().startswith(">>>"):
                indent = line[: len(line) - len(line.lstrip())]
                block = []
                while i < len(lines) and lines[i].strip():
                    block.append(lines[i][len(indent) :] if lines[i].startswith(indent) else lines[i].lstrip())
                    i += 1
                if out and out[-1].strip():
                    out.append("")
                out += [f"{indent}```pycon", *(indent + b for b in block), f"{indent}```", ""]
                continue
            out.append(line if in_fence else self._roles(line, obj, pkg))
            i += 1
        return "\n".join(out)
