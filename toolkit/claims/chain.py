"""The provenance chain of an article: its relays, then the outlet and the speaker of its first claim."""

from __future__ import annotations

import pandas as pd

from toolkit.claims.extractor import _Doc, _normalizer
from toolkit.sources import find_outlets


def provenance(text: str) -> pd.DataFrame:
    """The article's provenance chain: its relays, then the outlet and the speaker of its first claim.

    Columns ``step, role, name, known, text, start, end``: ``role`` is ``relay`` (an outlet the whole
    article comes through: «به گزارش آران نیوز:», «خبرگزاری فارس:»), ``outlet`` (the outlet the first
    claim's speaker talked to) or ``speaker``; ``text`` is the name as written and ``start, end`` its raw
    span (for the outlet, where the claim's sentence or else the article first names it; empty and -1 when
    the text does not write the name: a resolved pronoun).

    >>> provenance("به گزارش ایسنا به نقل از رویترز، وزیر نفت عربستان گفت: تولید ثابت می‌ماند.")["name"].tolist()
    ['ISNA', 'Reuters', 'وزیر نفت عربستان']
    >>> provenance("").empty
    True
    """
    cols = ["step", "role", "name", "known", "text", "start", "end"]
    if not isinstance(text, str) or not text.strip():
        return pd.DataFrame(columns=cols)
    norm, offsets = _normalizer().normalize_with_offsets(text)
    doc = _Doc(norm)
    rows = []
    for name, known, (s, e) in doc.article_relay:
        a, b = offsets.raw_span(s, e)
        rows.append(("relay", name, known, text[a:b], a, b))
    first = next((c for c in doc.claims if c.kind != "none"), None)
    if first is not None:
        relay_names = {r[1] for r in rows}
        s0, s1 = first.sentence
        if first.outlet[0] and first.outlet[0] not in relay_names:
            # where the claim's sentence names it, else where the article first does
            at = next((m for m in find_outlets(norm[s0:s1]) if m.name == first.outlet[0]), None)
            at = at._replace(start=s0 + at.start, end=s0 + at.end) if at else None
            at = at or next((m for m in find_outlets(norm) if m.name == first.outlet[0]), None)
            span = offsets.raw_span(at.start, at.end) if at else (-1, -1)
            rows.append(("outlet", first.outlet[0], first.outlet[1], text[span[0] : span[1]], *span))
        if first.speaker:
            i = norm.find(first.speaker, s0, s1)
            span = offsets.raw_span(i, i + len(first.speaker)) if i >= 0 else (-1, -1)
            rows.append(("speaker", first.speaker, False, text[span[0] : span[1]], *span))
    return pd.DataFrame([(i, *r) for i, r in enumerate(rows)], columns=cols)
