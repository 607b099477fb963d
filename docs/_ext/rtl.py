"""A MkDocs hook: Persian inside English text is isolated as right-to-left, so its punctuation stays with it.

Whole Persian paragraphs, tables and text blocks are marked in the pages themselves (``{dir="rtl"}``,
``<div dir="rtl" markdown>``). What that cannot reach is the Persian *inside* an English sentence:
«به گزارش آران نیوز:» in a left-to-right line, where the bidi algorithm gives the guillemets, the colon and
the brackets around it to the English side and the quotation comes out as «:…». This hook wraps each such
run of Persian — letters, ZWNJs, Persian digits, the spaces and punctuation between them, and the «» around
them — in ``<span dir="rtl">``, which browsers isolate. A paragraph, list item, table cell or inline
``<code>`` whose first letter is Persian is marked ``dir="rtl"`` as a whole. It leaves code blocks, scripts
and anything already inside a ``dir="rtl"`` element alone. It runs on every page, the API reference and the
notebooks included.
"""

from __future__ import annotations

import re

_LETTER = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
#: A run of Persian: it starts with a Persian letter or «, goes on through letters, ZWNJs, digits, spaces and
#: punctuation, and ends on a letter, a Persian digit, », ؟ or … (never on a space, nor on a full stop or
#: colon, which end the English sentence around it as often as the Persian).
RUN = re.compile(
    f"«*[{_LETTER}]"  # opening guillemets, then a letter
    f"(?:[{_LETTER}\u200c\u200d0-9۰-۹\\s/.،؛؟:!…«»\\-–—]*[{_LETTER}۰-۹»؟…])?"
)
FIRST_STRONG = re.compile(r"[A-Za-z\u00c0-\u024f" + _LETTER + "]")
TAG = re.compile(r"(<[^>]+>)")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SKIP = {"pre", "script", "style", "textarea", "svg", "math", "code", "kbd", "samp", "title", "head"}
NAME = re.compile(r"</?\s*([a-zA-Z][a-zA-Z0-9-]*)")
#: Elements that become right-to-left as a whole when their first letter is Persian: a Persian table cell
#: must be, since an isolated run counts as neutral when the cell's direction is worked out.
BLOCKS = {"p", "li", "td", "th", "code"}


def _text_ahead(parts: list[str], i: int, name: str) -> str:
    """The text of the element opened at ``parts[i]``, up to its first letter (or its end)."""
    text = ""
    for j in range(i + 1, min(len(parts), i + 40)):
        if j % 2 == 0:
            text += parts[j]
            if FIRST_STRONG.search(text):
                break
        elif parts[j].lower().startswith(f"</{name}"):
            break
    return text


def persian_first(text: str) -> bool:
    """Whether the first letter of ``text`` (Latin or Arabic-script) is an Arabic-script one."""
    m = FIRST_STRONG.search(text)
    return bool(m) and not ("A" <= m.group()[0] <= "z" or "\u00c0" <= m.group()[0] <= "\u024f")


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
            if persian_first(_text_ahead(parts, i, name)):
                part = part[:-1] + ' dir="rtl">'
                rtl = True
        stack.append((name, skipping or rtl or name in SKIP))
        out.append(part)
    return "".join(out)


def on_page_content(html: str, **kwargs) -> str:
    return isolate(html)
