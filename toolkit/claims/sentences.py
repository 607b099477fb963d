"""Sentences as attribution reads them: cut at full stops glued to the next word and before a wrapper
«به گزارش X،» run into a headline, and a question joined to the cue that answers it.
"""

from __future__ import annotations

import re

from toolkit.claims.cues import _VERB
from toolkit.claims.text import _SEP, _skip_space

#: «… به توافق رسیدند به گزارش اقتصادنیوز، …»: a headline run into its article's wrapper with no full stop
#: between them (pages copied off the web). The wrapper starts a sentence when a finite verb or a headline's
#: slash-separated words end the text before it; «بنا به گزارش», «و به گزارش» are not such a start.
_WRAPPER_START = re.compile(
    rf"(?<=[\w\u200c]) +(?<!بنا )(?<! و )(?<! که )(?=به{_SEP}گزارش\s+(?:[^\s،,.:؛]+\s+){{0,5}}?[^\s،,.:؛]+\s*[،,:])"
)


#: A full stop with no space after it between Persian words («… مقابله خواهند کرد.۲- ایجاد …», «نشد.وقتی»): pages
#: copied off the web lose the space; a dot between digits (۳.۵) or in a Latin name is not one.
_GLUED_STOP = re.compile(r"(?<=[\u0621-\u064a\u067e-\u06cc])[.!؟](?=[\u0621-\u064a\u067e-\u06cc\u06f0-\u06f9])")


def _unglued(t: str, s: int, e: int) -> list[tuple[int, int]]:
    """``[s, e)`` cut after each full stop glued to the next word."""
    out = []
    for m in _GLUED_STOP.finditer(t, s, e):
        out.append((s, m.end()))
        s = m.end()
    out.append((s, e))
    return out


def _claim_sentences(t: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentence spans as attribution reads them: cut at full stops glued to the next word, and before a
    wrapper «به گزارش X،» that follows words with no full stop; and a question joined to the cue that
    answers it («X در پاسخ به سوال …؟ اظهار کرد: …»: the cue's subject is before the question mark)."""
    out: list[tuple[int, int]] = []
    for s, e in (x for span in spans for x in _unglued(t, *span)):
        if out and t[out[-1][1] - 1] in "؟?" and _VERB.match(t, _skip_space(t, s, e), e):
            s = out.pop()[0]
        seen, opened = s, 0  # «» opened and not closed before the wrapper: it is inside a quotation
        for m in _WRAPPER_START.finditer(t, s, e):
            opened += t.count("«", seen, m.start()) - t.count("»", seen, m.start())
            seen = m.start()
            if m.start() - s >= 15 and opened <= 0:  # a headline of a few words before it
                out.append((s, m.start()))
                s, seen, opened = m.end(), m.end(), 0
        out.append((s, e))
    return out
