"""A MkDocs hook: Persian inside English text is isolated as right-to-left, so its punctuation stays with it.

Whole Persian paragraphs, tables and text blocks are marked in the pages themselves (``{dir="rtl"}``,
``<div dir="rtl" markdown>``). What that cannot reach is the Persian *inside* an English sentence:
«به گزارش آران نیوز:» in a left-to-right line, where the bidi algorithm gives the guillemets, the colon and
the brackets around it to the English side and the quotation comes out as «:…». This hook wraps each such
run of Persian — letters, ZWNJs, Persian digits, the spaces and punctuation between them, and the «» around
them — in ``<span dir="rtl">``, which browsers isolate. A paragraph, list item, table cell or inline
``<code>`` that reads as Persian (its first letter and most of its letters are) is marked ``dir="rtl"`` as a
whole. It leaves code blocks, scripts
and anything already inside a ``dir="rtl"`` element alone. It runs on every page, the API reference and the
notebooks included.
"""

from __future__ import annotations

import re

_LETTER = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
#: A run of Persian: it starts with a Persian letter or «, goes on through letters, ZWNJs, digits, spaces,
#: punctuation and one-letter Latin placeholders («از X خبر داد»), and ends on a letter, a Persian digit, »,
#: ؟ or … (never on a space, nor on a full stop or colon, which end the English sentence around it as often
#: as the Persian).
RUN = re.compile(
    f"«*[{_LETTER}]"  # opening guillemets, then a letter
    f"(?:(?:[{_LETTER}\u200c\u200d0-9۰-۹\\s/.،؛؟:!…«»\\-–—]|(?<![A-Za-z])[A-Z](?![A-Za-z]))*[{_LETTER}۰-۹»؟…])?"
)
LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
TAG = re.compile(r"(<[^>]+>)")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SKIP = {"pre", "script", "style", "textarea", "svg", "math", "code", "kbd", "samp", "title", "head"}
NAME = re.compile(r"</?\s*([a-zA-Z][a-zA-Z0-9-]*)")
#: Elements that become right-to-left as a whole when they read as Persian: a Persian table cell
#: must be, since an isolated run counts as neutral when the cell's direction is worked out.
BLOCKS = {"p", "li", "td", "th", "code"}


def _element_text(parts: list[str], i: int, name: str) -> str:
    """The text of the element opened at ``parts[i]`` (up to its end tag, or a long way in)."""
    text, depth = [], 1
    for j in range(i + 1, min(len(parts), i + 400)):
        if j % 2 == 0:
            text.append(parts[j])
            continue
        tag = parts[j].lower()
        if tag.startswith(f"<{name}") and not tag.endswith("/>") and NAME.match(tag).group(1) == name:
            depth += 1
        elif tag.startswith(f"</{name}"):
            depth -= 1
            if depth == 0:
                break
    return "".join(text)


def mostly_persian(text: str) -> bool:
    """Whether ``text`` reads as Persian: its first letter is Persian (Arabic-script), and so are most of its
    letters. (An English sentence full of Persian examples starts in English; a Persian quotation followed by
    English words, «از X خبر داد» complements, has more Latin letters.)"""
    first = re.search(f"[A-Za-z\u00c0-\u024f{_LETTER}]", text)
    if first is None or LATIN.match(first.group()):
        return False
    return len(re.findall(f"[{_LETTER}]", text)) > len(LATIN.findall(text))


def isolate(html: str) -> str:
    """``html`` with its inline Persian runs wrapped in ``<span dir="rtl">`` (see the module docstring)."""
    parts = TAG.split(html)
    stack: list[tuple[str, bool]] = []  # open elements: (name, inside something to leave alone)
    out = []
    for i, part in enumerate(parts):
        skipping = bool(stack) and stack[-1][1]
        if i % 2 == 0:  # text
            out.append(part if skipping or not part.strip() else RUN.sub(r'<span dir="rtl">\g<0></span>', part))
            continue
        m = NAME.match(part)
        if not m or part.startswith(("<!", "<?")):
            out.append(part)
            continue
        name = m.group(1).lower()
        if part.startswith("</"):
            for j in range(len(stack) - 1, -1, -1):  # close up to the matching element
                if stack[j][0] == name:
                    del stack[j:]
                    break
            out.append(part)
            continue
        if name in VOID or part.endswith("/>"):
            out.append(part)
            continue
        rtl = re.search(r'\sdir\s*=\s*["\']?(rtl|ltr|auto)', part) is not None  # already decided
        if name in BLOCKS and not skipping and not rtl and not (stack and stack[-1][0] == "pre"):
            if mostly_persian(_element_text(parts, i, name)):
                part = part[:-1] + ' dir="rtl">'
                rtl = True
        stack.append((name, skipping or rtl or name in SKIP))
        out.append(part)
    return "".join(out)


def on_page_content(html: str, **kwargs) -> str:
    return isolate(html)
