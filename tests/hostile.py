"""Hostile input for the claim extractor: long runs of cues with no sentence end, broken quotes, text with no
spaces, mixed scripts and invisible characters. Deterministic: the same size and seed give the same text.

:func:`hostile_mix` is what ``tests/test_claims.py`` and ``benchmarks/claims.py --scaling`` run: each of
:data:`KINDS` (the units of :data:`PIECES`, and claims of ever new speakers) gets an equal share of the text,
so each run grows with the size asked for (a cost that is quadratic in the length of one run shows in the
time ratio of two sizes), then one more share is units of :data:`PIECES` in a seeded random order; the parts
are joined by a space and nothing in them ends a sentence, so the whole text is one sentence.
``python tests/hostile.py 1000000 > mix.txt`` writes one.
"""

from __future__ import annotations

import random
import sys

#: One unit of each kind of hostile text, repeated to fill its share; none contains a sentence end.
PIECES = {
    "report_prefix": "به گزارش ",
    "said_colon": "گفت: ",
    # a run of cues of every kind (verb, clause, prefix), one after another with nothing else
    "cues": "گفت اعلام کرد به گزارش افزود به گفته با بیان اینکه به نقل از تاکید کرد گزارش داد می‌گوید ",
    "open_quotes": "«وزیر گفت «",
    "close_quotes": "» اعلام کرد» ",
    "quotes_unbalanced": "«« » «به گزارش «ایسنا» گفت: «",
    "cue_at_the_end": "سخنگوی دولت گفت: ، به گزارش ، با بیان اینکه ، ",
    "no_spaces": "گفت:«به‌گزارش،ایسنا»اعلام‌کرد",
    "letters_only": "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی",
    "arabic_letters": "به گزارش ايسنا، وزير خارجه گفت كه مذاكرات ادامه دارد و ",
    "kurdish_heh": "شبکە ڕووداو گزارش داد کە هێزەکان ئامادە هستند و ",
    "nbsp_soft_hyphen": "به گزارش خبرگزاری\u00a0فارس به نقل از بی\u00adبی\u00adسی، شبکه\u00a0المیادین گزارش داد که ",
    "numbers": "۱۲۳۴۵۶ 123456 ۳٫۵ 3.5 ٪۲۰ ۱۴۰۲/۰۵/۱۲ ",
    "real_sentences": "به گزارش ایسنا به نقل از رویترز، وزیر خارجه گفت که مذاکرات ادامه دارد و ",
    # what made the regular expressions on the words before an outlet backtrack for minutes: a word of many
    # «ای», and a long word after «برنامه» or «گفت‌وگو با خبرنگار», each before a name that does not fit
    "backtracking": (
        f"{'ای' * 40}ب رویترز گفت که در برنامه {'ب' * 60}، رویترز گفت که "
        f"در گفتگو با خبرنگار {'ب' * 300}، رویترز گفت که "
    ),
}


def repeat(unit: str, size: int) -> str:
    """``unit`` repeated to exactly ``size`` characters."""
    return (unit * (size // len(unit) + 1))[:size]


def speakers(size: int) -> str:
    """``size`` characters of claims by different speakers («نماینده ۱۲ گفت که …»): as many people as claims."""
    out: list[str] = []
    n = i = 0
    while n < size:
        out.append(f"نماینده {10 + i} گفت که ")
        n += len(out[-1])
        i += 1
    return "".join(out)[:size]


#: Every kind of hostile text: the repeated units of PIECES, and the claims of ever new speakers.
KINDS = [*PIECES, "speakers"]


def kind(name: str, size: int) -> str:
    """``size`` characters of one of KINDS."""
    return speakers(size) if name == "speakers" else repeat(PIECES[name], size)


def hostile_mix(size: int, seed: int = 0) -> str:
    """``size`` characters of hostile text (see the module's docstring), ending with a cue that has nothing
    after it."""
    tail = " به گزارش"
    body = max(size - len(tail), 0)
    share = body // (len(KINDS) + 1)
    parts = [kind(name, share) for name in KINDS]
    rng = random.Random(seed)
    units = list(PIECES.values())
    mixed: list[str] = []
    n = 0
    while n < share:
        u = rng.choice(units)
        mixed.append(u)
        n += len(u)
    parts.append("".join(mixed)[:share])
    text = " ".join(parts)
    return (repeat(text, body) + tail)[-size:] if size > 0 else ""


if __name__ == "__main__":
    sys.stdout.write(hostile_mix(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000))
