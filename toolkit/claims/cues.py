"""The cue tables of the claim extractor and their compiled patterns: reporting verbs (``VERB_CUES``), clause
cues (``CLAUSE_CUES``), prefixes (``PREFIX_CUES``), the relay chain, clause breaks and «NAME:» headlines.
"""

from __future__ import annotations

import re

from toolkit.claims.text import _NOT_AFTER, _NOT_BEFORE, _SEP, _W


def _forms(*stems: tuple[str, str]) -> list[str]:
    """Third-person forms of verbs given as (past stem, present stem): past, perfect, pluperfect, present."""
    out = []
    for past, present in stems:
        out += [
            rf"{past}(?:ند)?",
            rf"{past}ه{_SEP}(?:است|اند|بود|بودند)",
            rf"می{_SEP}{present}(?:د|ند)",
            rf"می{_SEP}{past}(?:ند)?",
        ]
    return out


#: TABLE VERB_CUES — reporting verbs: simple verbs, and nouns with a light verb («اعلام کرد»).
_LIGHT = {
    "کرد": _forms(("کرد", "کن"), ("نمود", "نما")),
    "داشت": _forms(("داشت", "دار")),
    "داد": _forms(("داد", "ده")),
    "شد": _forms(("شد", "شو")),
    "ساخت": _forms(("ساخت", "ساز")),
}
_NOUNS = {
    "کرد": "اظهار|اعلام|تصریح|تاکید|تأکید|بیان|خاطرنشان|خاطر نشان|عنوان|ادعا|اضافه|یادآوری|اذعان|اعتراف|گزارش|اشاره|تایید|تأیید|ابراز|تهدید|توصیه|ذکر|پافشاری|اصرار|ابلاغ",  # noqa: E501
    "داشت": "اظهار|اعلام|بیان|عنوان|ابراز|اعتقاد",
    "داد": "خبر|گزارش|ادامه|توضیح|هشدار|اطلاع|پاسخ",
    "شد": "مدعی|یادآور|متذکر|خاطرنشان",
    "ساخت": "خاطرنشان|خاطر نشان",
}
VERB_CUES = [f"(?:{nouns.replace(' ', _SEP)}){_SEP}(?:{'|'.join(_LIGHT[lv])})" for lv, nouns in _NOUNS.items()]
VERB_CUES += _forms(("گفت", "گوی"), ("افزود", "افزای"), ("نوشت", "نویس"), ("نگاشت", "نگار"))
# Opinions and bare present of «داشتن»: «معتقد است», «معتقدند», «تاکید دارند», «اعتقاد دارد».
VERB_CUES.append(rf"(?:معتقد|مدعی)(?:{_SEP}(?:است|اند|بود|بودند|هستند)|ند)|(?:تاکید|تأکید|اعتقاد){_SEP}دار(?:د|ند)")
# The bare perfect before its clause with no «که» («یک نماینده گفته واشنگتن دنبال جنگ نیست»); not «به گفته»,
# «گفته شده», «گفته‌های».
VERB_CUES.append(
    rf"(?<!به )(?<!به\u200c)(?<!بر )(?<!طبق )(?<!اساس )(?<!اظهارات )(?:گفته|(?:اعلام|عنوان){_SEP}کرده)"
    rf"(?=\s+(?!(?:شده|شد|است|بود|اند|بودند|باشد|را|و|از|به|در|با|های|ها|نشده|نشد)(?![\w\u200c])|می|نمی){_W})"
)
# The bare perfect, written without «است» («او گفته که …», «کاربری نوشته: …»): only before «که», «:» or «.
VERB_CUES.append(
    rf"(?:گفته|نوشته|افزوده|نگاشته|(?:اعلام|عنوان|تاکید|تأکید|اظهار){_SEP}(?:کرده|داشته))(?=\s*(?:که\s|:|«))"
)
# The passive: no speaker («گفته شده است:», «اعلام شد که», «گزارش شده که», «به همسرش اطلاع داده شد که»).
_PASSIVE = (
    rf"(?:گفته|اعلام|گزارش|اطلاع{_SEP}داده|عنوان){_SEP}(?:شد|شده(?:{_SEP}(?:است|بود))?|می{_SEP}شود)(?=\s*(?:که\s|:|«))"
)
VERB_CUES.append(_PASSIVE)
_IS_PASSIVE = re.compile(_PASSIVE.replace(r"(?=\s*(?:که\s|:|«))", "") + "$")
# «گفت و گو» (dialogue, spelled with spaces) and «گفت‌وگو» are nouns, not «گفت».
# «در بیانیه X آمده است:» — a document speaks for its author (only before a colon).
VERB_CUES.append(rf"(?:آمده|نوشته{_SEP}شده?)(?:{_SEP}است)?(?=\s*:)")
# Not a cue after a modal («باید گفت», «می‌توان گفت»: one could say).
_VERB = re.compile(
    rf"{_NOT_BEFORE}(?<!باید )(?<!توان )(?<!شود )(?:{'|'.join(VERB_CUES)}){_NOT_AFTER}(?!\s*و\s*گو{_NOT_AFTER})"
)
_DOCUMENT = re.compile(
    rf"{_NOT_BEFORE}در{_SEP}(?:این{_SEP})?(?:بیانیه|پیام|نامه|یادداشت|متن|حکم|توییت|توئیت|اطلاعیه|گزارش|بروشور|خلاصه|کتاب|سند|قطعنامه|پست)(?:ی)?"
    rf"(?:{_SEP}(?:{_W}+ی|تازه|جدید))*{_SEP}(?P<who>.*)$"
)

#: TABLE CLAUSE_CUES — «با بیان اینکه …، گفت»: the speaker of the main verb also says what follows.
CLAUSE_CUES = (
    rf"(?:با|ضمن){_SEP}(?:بیان|اشاره{_SEP}به|تاکید{_SEP}بر|تأکید{_SEP}بر|یادآوری|اعلام|ذکر|عنوان){_SEP}"
    rf"(?:این{_SEP}(?:مطلب{_SEP})?که|اینکه)|با{_SEP}ابراز{_SEP}(?:تاسف|تأسف|نگرانی|امیدواری|خرسندی){_SEP}از{_SEP}"
    rf"(?:این{_SEP}که|اینکه)|ضمن{_SEP}(?:(?:تاکید|تأکید){_SEP}بر|تایید|تأیید)(?!{_SEP}(?:این|اینکه))"
)
_CLAUSE = re.compile(rf"{_NOT_BEFORE}{CLAUSE_CUES}{_NOT_AFTER}")

#: TABLE PREFIX_CUES — a source named before its claim: «به گزارش ایسنا، …», «به گفته وی، …».
_REPORT = rf"گزارش(?:ی|{_SEP}های|{_SEP}ها)?"
PREFIX_CUES = {
    "outlet": rf"به{_SEP}گزارش|به{_SEP}نقل{_SEP}از|به{_SEP}نوشته(?:ی|ٔ)?|(?:بنا{_SEP}به|بنا{_SEP}بر|بر{_SEP}اساس|طبق|بر{_SEP}پایه){_SEP}{_REPORT}",  # noqa: E501
    "speaker": rf"به{_SEP}گفته(?:{_SEP}ی|ٔ)?|(?:بنا{_SEP}به|بنا{_SEP}بر|طبق|بر{_SEP}اساس|به){_SEP}(?:گفته|اظهارات|اعلام)|به{_SEP}(?:ادعای|اذعان|تاکید|تأکید|زعم)|به{_SEP}(?:عقیده|باور|اعتقاد)(?!{_SEP}(?:من|بنده|ما|اینجانب){_NOT_AFTER})|به{_SEP}روایت|از{_SEP}قول|با{_SEP}اعلام(?!{_SEP}(?:این|اینکه|آمادگی|خبر){_NOT_AFTER})",  # noqa: E501
}
_PREFIX = re.compile(
    rf"{_NOT_BEFORE}(?:(?P<outlet>{PREFIX_CUES['outlet']})|(?P<speaker>{PREFIX_CUES['speaker']})){_NOT_AFTER}"
)
_CHAIN = re.compile(rf"{_NOT_BEFORE}(?:و[\s\u200c]+)?(?:به{_SEP}نقل{_SEP}از|به{_SEP}گزارش){_NOT_AFTER}")

#: Words that open a new clause inside a sentence: a speaker before them is not the speaker after them.
_CLAUSE_BREAK = re.compile(
    rf"{_NOT_BEFORE}(?:اما|ولی|زیرا|چرا{_SEP}که|در{_SEP}حالی{_SEP}(?:است{_SEP})?که|درحالیکه){_NOT_AFTER}|؛"
)
#: «NAME: claim» at the start of a sentence (a headline or a lead).
_HEADLINE = re.compile(r"[-–•▪️*\s]*(?P<who>[^:\n،,.؟?!«»\"()\[\]/|]{2,80}?)\s*:(?![/\d])\s*(?=\S)")
_HEADLINE_NOT = re.compile(
    r"[\d۰-۹٠-٩@#]|https?|www|متن|شرح|عبارت|عنوان|توضیح|نکته|پرسش|پرسید|سوال|سؤال|پاسخ|منبع|تاریخ|موضوع|دقیقه"
    r"|^(?:من|ما|شما|تو|نفر|گزینه|بخش|مرحله|قسمت|نتیجه|هدف|شعار)(?![\w\u200c])"
)
_HEADLINE_LAST = frozenset("است بود شد شده اند زیر قرار ذیل دارد دارند کرد کنید گفت".split())
