"""Who said what: attributed claims in Persian news, with the outlet, the speaker and the evidence span.

:func:`extract_claims` finds every claim a text attributes to a source and returns one row per claim:

======================  =====================================================================================
``doc_id``              the document (the frame's ``doc_id``, or ``""`` for a string)
``outlet``              canonical name of the channel the claim reaches us through (``RT``, ``Rudaw``); an
                        outlet the registry does not know by its name without descriptors; empty when none
                        is named (unnamed outlets, «رسانه‌های ایران», are none)
``outlet_known``        whether :mod:`toolkit.sources` knows the outlet
``speaker``             the person or body, pronouns resolved; empty when the outlet itself reports
``cue``                 the reporting cue as written (گفت، اعلام کرد، به گزارش، به گفته، با بیان اینکه …)
``mode``                ``direct`` (after a colon or in «»), ``indirect`` (که-clause, complement) or
                        ``according_to`` (به گزارش / به نقل از / به گفته …)
``content``             the claim itself, without the cue, in normalized text
``start``, ``end``      the content's span in the raw input (``raw[start:end]``)
``sentence``            the normalized sentence the cue is in (of a sentence longer than 10,000 characters, a run
                        of text with no sentence end, the 200 characters either side of the cue and content)
======================  =====================================================================================

How it works. The text is normalized once (lost ZWNJs restored, Arabic letters mapped: the result is the
same with or without ZWNJs) and cut into sentences. In each sentence, three kinds of cue are found with
compiled tables (``VERB_CUES``, ``CLAUSE_CUES``, ``PREFIX_CUES``): a reporting verb closes a clause whose
subject is the speaker («X در گفت‌وگو با شبکه رووداو گفت که …»); a clause cue gives a second claim of the
same speaker («با بیان اینکه …»); a prefix names a source up to its comma («به گزارش ایسنا به نقل از رویترز،
…»). A prefix that wraps a verb cue is not a claim of its own but the relay of that claim. Speakers that are
pronouns (او، وی، ایشان), anaphors («این مقام») or absent (زبان pro-drop: «افزود: …») are resolved to the
nearest earlier source. The outlet of a claim is, innermost first: the outlet that is the subject
(«شبکه المیادین گزارش داد»), the outlet the speaker talks to («در گفت‌وگو با …», «به رویترز گفت»), the
same for the same speaker elsewhere in the article, the sentence's relay, and finally the article's own
relay («به گزارش آران نیوز:», «خبرگزاری فارس: …») — see :func:`provenance`.

Time is linear in the input, whatever it is: a cue's clause and content are found by bisection among the
sentence's cues and read once; a content is at most 3,000 characters, and in a sentence longer than 10,000
characters (no sentence ends) it also stops at the next cue; a speaker's name is at most 500 characters.

«» around a name is not a quotation: a direct quote is what follows a cue and a colon, or «…» right after a
cue, and runs over the next sentences to its «» or to the next sentence with a claim of its own. An outlet
merely mentioned («خبرنگار المیادین زخمی شد») is not a claim. The rules follow the project's scheme
(docs/guide/attribution.md, from ANNOTATION.md): datelines («تهران- ایرنا-») and wrappers name the source of
the whole passage, «NAME: …» at a sentence start is a claim with the cue «:», «شبکه X اعلام کرد: Y گفت …» is
Y's claim through X, a speaker is a proper name without its title apposition.

Where it departs from the scheme (listed in full in the guide's section of that name): cues outside its tables
or split around their complement, passives and bare perfects not before a clause, headlines not at a sentence
start, speakers cut at the first adjunct word («نظارت بر …»), a run «X نوشته: … Y نوشته: …» with no full stops,
outlets unknown to the registry (named in Persian without descriptors), and a later wrapper for earlier claims.

>>> text = ("به گزارش آران نیوز: یک منبع دولتی اعلام کرد که اسد به عراق اجازه داده است. "
...         "او در گفتوگو با شبکه «راشا تودی»، گفت که نیازی به اجازه نیست.")
>>> claims = extract_claims(text)
>>> claims[["outlet", "speaker", "cue", "mode"]].values.tolist()
[['RT', 'یک منبع دولتی', 'اعلام کرد', 'indirect'], ['RT', 'یک منبع دولتی', 'گفت', 'indirect']]
>>> claims.content.tolist()
['اسد به عراق اجازه داده است', 'نیازی به اجازه نیست']
>>> provenance(text)[["role", "name"]].values.tolist()
[['relay', 'Aran News'], ['outlet', 'RT'], ['speaker', 'یک منبع دولتی']]
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import heapq
import itertools
import re
from dataclasses import dataclass, field

import pandas as pd

from toolkit.chars import WORD_CHARS, ZWNJ
from toolkit.normalization import Normalizer, Offsets
from toolkit.sources import OUTLET_WORDS, canonical, find_outlets, resolve
from toolkit.tokens import sentence_spans

__all__ = ["COLUMNS", "extract_claims", "provenance"]

#: The columns of :func:`extract_claims`, in order.
COLUMNS = ["doc_id", "outlet", "outlet_known", "speaker", "cue", "mode", "content", "start", "end", "sentence"]
# the same column types with or without rows, so that tables of several batches concatenate and compare
_TYPES = {c: "str" for c in COLUMNS} | {"outlet_known": "bool", "start": "int64", "end": "int64"}

_W = f"[{WORD_CHARS}]"
_SEP = r"[\s\u200c]*"  # between the parts of a cue: a space, a ZWNJ or nothing («گفته‌است», «گفته است»)
_NOT_BEFORE = r"(?<![\w\u200c])"
_NOT_AFTER = r"(?![\w\u200c])"


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

#: Pronouns that stand for the nearest earlier speaker.
PRONOUNS = {"او", "وی", "ایشان", "آنها", "آن‌ها", "ایشان‌"}
#: Words that start an adjunct, not a subject: where a speaker's name and title end.
_STOP = set(
    "در با به از برای طی ضمن هنگام پس پیش قبل بعد روز امروز دیروز امشب بامداد صبح ظهر عصر شب شامگاه "
    "نیز هم همچنین هم‌چنین درباره پیرامون خطاب که را تا اخیرا اخیراً بار همچنان تاکنون هفته پنجشنبه "
    "شنبه یکشنبه دوشنبه سه‌شنبه چهارشنبه جمعه ضمنا ضمناً سپس بلافاصله طبق بنابر براساس بر درمورد روزی مبنی "
    "چندی مدتی بارها یکی بنا اینگونه چنین ابتدا نخست سرانجام قبلا قبلاً بعدا بعداً مجددا مجدداً دوباره "
    "رسما رسماً صراحتا صراحتاً علنا علناً".split()
)
# «درپاسخ», «درخصوص»: «در» written joined to its noun.
_JOINED_PP = re.compile(r"^(?:در|به|با|از)(?:پاسخ|خصوص|مورد|ادامه|حاشیه|این|باره|رابطه|زمینه)$")


def _is_stop(word: str) -> bool:
    return word in _STOP or _JOINED_PP.match(word) is not None


#: Words that open a sentence without being its subject.
_OPENERS = set("و اما ولی البته همچنین هم‌چنین سپس لذا بنابراین همچنان ضمنا ضمناً حالا اکنون هم‌اکنون آیا".split())
#: Connectives of two to four words («با این حال») that open a sentence without being its subject.
_MULTI_OPENERS = {
    tuple(x.split())
    for x in ("با این حال", "با این وجود", "در عین حال", "در همین حال", "از سوی دیگر", "از طرف دیگر",
              "در این میان", "به هر حال", "در این حال", "در همین راستا", "در این راستا", "در همین پیوند",
              "در این پیوند", "در همین زمینه", "در این زمینه", "در همین رابطه", "در این رابطه", "در همین باره",
              "در این باره", "در ادامه", "در پایان", "در ادامه نیز", "در پایان نیز", "از سوی دیگر نیز")
}  # fmt: skip
#: Words that open a new clause inside a sentence: a speaker before them is not the speaker after them.
_CLAUSE_BREAK = re.compile(
    rf"{_NOT_BEFORE}(?:اما|ولی|زیرا|چرا{_SEP}که|در{_SEP}حالی{_SEP}(?:است{_SEP})?که|درحالیکه){_NOT_AFTER}|؛"
)
#: Words a speaker's title or body starts with: where a speaker starts after an adjunct («در ادامه X گفت»).
_SPEAKER_HEADS = set(
    "رئیس رییس وزیر معاون سخنگوی سخنگو مدیر مدیرعامل دبیر دبیرکل استاندار فرماندار شهردار سفیر نماینده "
    "فرمانده عضو کارشناس مسئول سرپرست دادستان قاضی امام نایب رئیس‌جمهور نخست‌وزیر سرمربی مربی کاپیتان "
    "کارگردان بازیگر تهیه‌کننده نویسنده پژوهشگر پژوهشگران استاد دانشمندان محققان مشاور منبع منابع مقام "
    "مقامات یک سازمان وزارت ستاد شرکت بانک پلیس ارتش دولت سپاه کمیته فدراسیون باشگاه اتحادیه انجمن "
    "مرکز اداره دفتر شورای مجلس کاخ متهم متهمه وکیل حجت‌الاسلام آیت‌الله سردار امیر سرلشکر سرتیپ دکتر "
    "مهندس آقای خانم مولوی شیخ حجت آیت".split()
)
#: Words that make a source a body or a person, not an outlet («به نقل از روابط عمومی …»).
_BODY_HEADS = _SPEAKER_HEADS | {
    "روابط",
    "دانشگاه",
    "پژوهشکده",
    "مؤسسه",
    "موسسه",
    "خانه",
    "سفارت",
    "رایزنی",
    "قوه",
    "ستاد",
}
_NOT_A_SOURCE = {"رسیده", "رسیدهٔ", "دریافتی", "منتشره", "منتشرشده", "جدید", "اخیر", "قبلی"}
# The words after «خبرنگار» and «برنامه» are whole words (``{_W}++``, possessive): with ``{_W}+`` a long word that
# does not fit was split in every possible way (polynomial backtracking of degree 4 and 8).
_INTERVIEW = re.compile(
    rf"(?:گفت{_SEP}و{_SEP}گو(?:ی|یی)?|گفتگو(?:ی|یی)?|مصاحبه(?:{_SEP}ای)?)(?:{_SEP}(?:اختصاصی|تلفنی|کوتاه))?{_SEP}با{_SEP}"
    rf"(?:(?:گزارشگر|خبرنگار)(?:ان)?(?:{_SEP}{_W}++){{0,4}}?{_SEP})?$"
)
_PROGRAMME = re.compile(rf"برنامه(?:{_SEP}{_W}++){{0,8}}{_SEP}(?:شبکه{_SEP}{_W}+{_SEP})?$")
_INTERVIEW_WITH = re.compile(
    rf"(?:گفت{_SEP}و{_SEP}گو(?:ی|یی)?|گفتگو(?:ی|یی)?|مصاحبه(?:{_SEP}ای)?){_SEP}با{_SEP}"
    rf"((?:{'|'.join(OUTLET_WORDS)})(?:\s+{_W}+){{1,3}})"
)
#: A reporter between «به» and the outlet's name: «به خبرنگار وال استریت ژورنال گفت» is a channel too.
_REPORTER_BEFORE = re.compile(rf"{_NOT_BEFORE}(?:خبرنگار|گزارشگر)(?:ان)?(?:{_SEP}(?:اعزامی|ارشد))?$")
#: The person an outlet quotes, named between the outlet and its verb: «رویترز به نقل از حسن ناظم، … گزارش داد».
_RELAYED_PERSON = re.compile(rf"\s*به{_SEP}نقل{_SEP}از\s+(?P<who>[^،,:«»\n]{{2,80}}?)\s*[،,]")
#: How far before an outlet's name the words that make it the interviewer («در گفت‌وگو با خبرنگار …»,
#: «در برنامه … شبکه …») are looked for, in characters.
_NEAR = 300
_MAX_OUTLET_WORD = max(map(len, OUTLET_WORDS))
_OUTLET_WORDS_BY_LETTER: dict[str, list[str]] = {}
for _w in OUTLET_WORDS:
    _OUTLET_WORDS_BY_LETTER.setdefault(_w[0], []).append(_w)
_WORD_CHAR = frozenset(c for c in map(chr, range(0x600, 0x700)) if re.match(_W, c))
_QUOTES = "«»\"'“”"
_CHUNK = re.compile(r"\S+")
_NOT_SPACE = re.compile(r"\S")
_NOT_SPACE_OR_COMMA = re.compile(r"[^ ،,]")
_ANY_WORD = re.compile(r"\w")
_WS = "".join(c for c in map(chr, range(0x3001)) if c.isspace())  # what \s matches (U+3000 is the last)
_TRIM_START = _WS + '«"“،,:'
_TRIM_END = _WS + '.!؟?…»"”،,:؛'
_DATELINE = re.compile(r"([^:\n]{2,40}):")
_DASH_DATELINE = re.compile(
    rf"\s*(?:{_W}+(?:\s{_W}+)?\s*[-–]\s*)?(?P<o>{_W}+(?:[\s\u200c]{_W}+){{0,2}}?)\s*(?:[-–/]|:(?!\s*$))\s*"
    rf"(?:گروه[^:\n]{{0,40}}:\s*)?"
)
#: «NAME: claim» at the start of a sentence (a headline or a lead).
_HEADLINE = re.compile(r"[-–•▪️*\s]*(?P<who>[^:\n،,.؟?!«»\"()\[\]/|]{2,80}?)\s*:(?![/\d])\s*(?=\S)")
_HEADLINE_NOT = re.compile(
    r"[\d۰-۹٠-٩@#]|https?|www|متن|شرح|عبارت|عنوان|توضیح|نکته|پرسش|پرسید|سوال|سؤال|پاسخ|منبع|تاریخ|موضوع|دقیقه"
    r"|^(?:من|ما|شما|تو|نفر|گزینه|بخش|مرحله|قسمت|نتیجه|هدف|شعار)(?![\w\u200c])"
)
_HEADLINE_LAST = frozenset("است بود شد شده اند زیر قرار ذیل دارد دارند کرد کنید گفت".split())
_SOURCE_END = re.compile(r"[،:؛,]")
_COLON = re.compile(r"\s*[:：]")
_COLON_SPACE = re.compile(r"\s*[:：]\s*")
_THAT = re.compile(r"\s*[،,]?\s*که\s+")
_OPEN_QUOTE = re.compile(r"\s*[؛،]?\s*«")
_BUT = re.compile(rf"[،,]\s*(?:اما|ولی){_NOT_AFTER}")
_GUILLEMET = re.compile("[«»]")
_PUNCT_RUN = re.compile(r"[،,\-]*")
_COMMA_RUN = re.compile(r"[،,]*")
#: A word that is only punctuation, or a connective with commas around it (``_leads``).
_LEAD_WORD = re.compile(rf"[،,\-]*|[،,]*(?:{'|'.join(sorted(_OPENERS, key=len, reverse=True))})[،,]*")
_MAX_CONTENT = 3000
#: A sentence longer than this (in characters: the longest in the bundled ISNA and Fars articles has 2,306) is a
#: run of text with no sentence end. A content in it also stops at the next cue, and its claims' rows give
#: only the _CONTEXT characters either side of the cue and content, not the whole sentence.
_LONG_SENTENCE = 10_000
_CONTEXT = 200
#: A speaker's or an unknown outlet's name is at most this many characters (the longest speaker in the bundled
#: articles has 237): a run of words with no adjunct is not a name, and each row that names it holds a copy.
_MAX_NAME = 500
_PUNCT_END = ".!؟?…"
_OUTLET_WORD = re.compile(rf"^(?:{'|'.join(sorted(OUTLET_WORDS, key=len, reverse=True))}){_NOT_AFTER}")


@dataclass
class _Claim:
    cue: str
    cue_start: int
    mode: str
    content: tuple[int, int]
    sentence: tuple[int, int]
    speaker: str = ""
    kind: str = "name"  # name, pronoun, anaphor, zero, outlet, none
    subject_outlet: tuple[str, bool] | None = None
    interview: tuple[str, bool] | None = None
    relay: list[tuple[str, bool]] = field(default_factory=list)
    entity: int = -1
    outlet: tuple[str, bool] = ("", False)
    nested: bool = False  # inside another claim's quotation, or a relative clause: not an antecedent
    clauses: list = field(default_factory=list)  # the clause cues («با بیان اینکه …») said with this verb
    co_outlets: tuple = ()  # «رویترز و نووستی گزارش دادند»: the outlets after the first, one claim each


_NORMALIZER: Normalizer | None = None


def _normalizer() -> Normalizer:
    global _NORMALIZER
    if _NORMALIZER is None:
        _NORMALIZER = Normalizer()
    return _NORMALIZER


def extract_claims(text_or_df, *, text_column: str = "text") -> pd.DataFrame:
    """Every attributed claim in a text, or in each ``text`` of a DataFrame (with its ``doc_id``).

    Returns a DataFrame with :data:`COLUMNS`; an empty one (same columns) when nothing is attributed or
    the input is empty or missing. ``raw[start:end]`` is the content in the input text.

    >>> rows = extract_claims("شبکه المیادین نیز گزارش داد که هماهنگی امنیتی بالا رفته است.")
    >>> rows[["outlet", "speaker", "cue", "content"]].values.tolist()
    [['Al Mayadeen', '', 'گزارش داد', 'هماهنگی امنیتی بالا رفته است']]
    >>> extract_claims("خبرنگار المیادین در این حمله زخمی شد.").empty
    True
    """
    if isinstance(text_or_df, pd.DataFrame):
        if text_column not in text_or_df:
            raise ValueError(f"extract_claims: the frame has no {text_column!r} column")
        ids = text_or_df["doc_id"] if "doc_id" in text_or_df else text_or_df.index.astype(str)
        rows = [r for d, t in zip(ids, text_or_df[text_column], strict=True) for r in _document(t, str(d))]
    elif isinstance(text_or_df, pd.Series):
        rows = [r for d, t in text_or_df.items() for r in _document(t, str(d))]
    elif text_or_df is None or isinstance(text_or_df, str):
        rows = _document(text_or_df, "")
    else:
        raise TypeError(f"extract_claims() takes a str, a Series or a DataFrame, not {type(text_or_df).__name__}")
    return pd.DataFrame(rows, columns=COLUMNS).astype(_TYPES)


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


def _document(raw, doc_id: str) -> list[tuple]:
    if not isinstance(raw, str) or not raw.strip():
        return []
    norm, offsets = _normalizer().normalize_with_offsets(raw)
    doc = _Doc(norm)
    return [_row(c, doc_id, norm, offsets) for c in doc.claims if c.kind != "none"]


def _row(c: _Claim, doc_id: str, norm: str, offsets: Offsets) -> tuple:
    s, e = c.content
    a, b = offsets.raw_span(s, e)
    ss, se = c.sentence
    if se - ss > _LONG_SENTENCE:
        # A run of text with no sentence end: each row holding all of it would make the table grow with the
        # square of the text. The row gets the part of it around its cue and content instead, cut at spaces.
        lo, hi = min(c.cue_start, s) - _CONTEXT, max(c.cue_start, e) + _CONTEXT
        if lo > ss:
            k = norm.find(" ", lo, min(lo + 50, c.cue_start, s))
            ss = k + 1 if k >= 0 else lo
        if hi < se:
            k = norm.rfind(" ", max(hi - 50, c.cue_start, e), hi)
            se = k if k >= 0 else hi
    return (doc_id, c.outlet[0], c.outlet[1], c.speaker, c.cue, c.mode, norm[s:e], a, b, norm[ss:se])


class _Doc:
    """One normalized text: its sentences, claims and article relay, all resolved."""

    def __init__(self, text: str):
        self.text = text
        self.claims: list[_Claim] = []
        self.article_relay: list[tuple[str, bool, tuple[int, int]]] = []
        spans = _claim_sentences(text, sentence_spans(text))
        for s, e in spans:
            self._sentence(s, e)
        self._quotations(spans)
        self._resolve()

    def _quotations(self, spans: list[tuple[int, int]]) -> None:
        """A direct quotation runs on over the next sentences: to its closing «»», else to the end of its
        paragraph or the next sentence with a claim of its own, at most _MAX_CONTENT characters."""
        t = self.text
        with_claims = {c.sentence for c in self.claims}
        starts = [a for a, _ in spans]
        for c in self.claims:
            if c.mode != "direct":
                continue
            a, b = c.content
            s, e = c.sentence
            limit = a + _MAX_CONTENT
            if (a > 0 and t[a - 1] in "«“") or (a > 1 and t[a - 2] in "«“" and t[a - 1].isspace()):
                close = {"«": "»", "“": "”"}[t[a - 1] if t[a - 1] in "«“" else t[a - 2]]
                if t.find(close, a, b + 1) >= 0:
                    continue  # closed in its sentence
                j = t.find(close, b, min(limit, len(t)))
                if j >= 0 and "\n" not in t[b:j]:
                    c.content = _trim(t, a, j) or c.content
                continue
            if _ANY_WORD.search(t, b, e):
                continue  # the sentence goes on after the content: it was cut on purpose
            k = bisect.bisect_right(starts, s)
            end = b
            while k < len(spans):
                s2, e2 = spans[k]
                if (s2, e2) in with_claims or "\n" in t[end:s2] or e2 > limit:
                    break
                end = e2
                k += 1
            if end > b:
                c.content = _trim(t, a, end) or c.content

    # --- one sentence -------------------------------------------------------------------------------

    def _sentence(self, s: int, e: int) -> None:
        t = self.text
        self._quotes: dict[int, int] | None = None  # this sentence's «» pairs, found when first asked for
        self._buts: list[tuple[int, int]] | None = None  # and its «، اما»
        self._sentence_span = (s, e)
        relay: list[tuple[str, bool, tuple[int, int]]] = []
        relay_speaker = ""
        start = s
        # A dateline at the start of a line: «خبرگزاری فارس: …»
        m = _DATELINE.match(t, s, e)
        line_start = s == 0 or t[s - 1] == "\n"
        if m and line_start:
            found = _outlet_in(m.group(1))
            if found and found[2] == 0 and len(m.group(1).split()) <= 4:
                relay.append((found[0], found[1], (s, s + len(m.group(1)))))
                start = m.end()
        m = _DASH_DATELINE.match(t, s, e) if line_start and start == s else None
        if m:
            # «تهران- ایرنا- …», «برنا- گروه فرهنگ و هنر: …»: the agency that wrote the article, not a speaker
            name = m.group("o")
            known = _canonical(name)
            found = (known, True) if known else _outlet_in(name)
            if found and (known or found[2] == 0):
                relay.append((found[0], found[1], m.span("o")))
                start = m.end()
        headline = None
        m = _HEADLINE.match(t, start, e) if start == s else None
        if m:
            headline = self._headline(m, e)
            if headline is not None:
                p = _PREFIX.search(t, headline.content[1], e)
                # a headline run into its lead («… متوقف شود به گزارش ایسنا، …»): the lead starts at the prefix
                start = p.start() if p and _trim(t, headline.content[1], p.start()) is None else m.end()
        verbs = [v for v in _VERB.finditer(t, start, e) if not self._inside_quote_name(v.start())]
        if headline is not None and headline.kind == "outlet" and verbs:
            # «خبرگزاری فارس: X اعلام کرد …»: the outlet relays the claims after it
            relay.append((*headline.subject_outlet, m.span("who")))
            headline = None
        clauses = list(_CLAUSE.finditer(t, start, e))
        self._cue_starts: list[int] | None = None
        if e - s > _LONG_SENTENCE:
            # A run of text with no sentence end: its cues are the only boundaries left, and a content stops at
            # the next one (see _content_end).
            cues = sorted([v.span() for v in verbs] + [c.span() for c in clauses] + [p.span() for p in
                          _PREFIX.finditer(t, start, e)])  # fmt: skip
            self._cue_starts = [a for a, _ in cues]
            self._cue_reach = list(itertools.accumulate((b for _, b in cues), max))
        # Cues do not overlap: their starts and ends both increase, so the cues before a position are found by
        # bisection, not by a scan of all of them (a sentence may hold thousands).
        verb_starts = [v.start() for v in verbs]
        verb_ends = [v.end() for v in verbs]
        clause_ends = [c.end() for c in clauses]
        last_cue = max(verb_starts[-1] if verbs else -1, clauses[-1].start() if clauses else -1)
        claims: list[_Claim] = [headline] if headline is not None else []
        # Prefixes: the relay of the claims after them, or a claim of their own.
        covered = start
        leads = _Leads(t, start, e)
        for p in _PREFIX.finditer(t, start, e):
            if p.start() < covered:
                continue  # «به نقل از» inside the source of «به گزارش ایسنا به نقل از …»
            if leads.start != start:
                leads = _Leads(t, start, e)
            # «- اخبار سیاسی - به گزارش …»: a section label ended by a dash opens the clause too
            opening = leads(p.start()) or _after_label(t, start, p.start())
            if not (opening or _after_clause_end(t, s, p.start())):
                continue  # mid-clause «اظهارات منتشر شده به نقل از …» is not a prefix
            src_start, content_start, source = self._prefix_source(p, e)
            if source is None:
                continue
            speaker_cue = p.group("speaker") is not None
            chain = self._chain(source, src_start, speaker_cue)
            # «به گزارش ایسنا، به نقل از رایزنی فرهنگی، …»: one chain written with a comma in between.
            nxt = _PREFIX.match(t, _skip_space(t, content_start, e))
            while nxt and nxt.group("outlet") and re.match(rf"به{_SEP}نقل", nxt.group()):
                src2, content2, source2 = self._prefix_source(nxt, e)
                if source2 is None:
                    break
                chain += self._chain(source2, src2, False)
                content_start = content2
                nxt = _PREFIX.match(t, _skip_space(t, content_start, e))
            covered = content_start
            outlets = [x for x in chain if x[3] == "outlet"]
            # «به گزارش خبرآنلاین، به گفته X، …»: the outlet relays the speaker's prefix claim after it
            inner = nxt is not None and nxt.group("speaker") is not None and not speaker_cue
            if outlets and not speaker_cue and not self.article_relay:
                self.article_relay = [(x[0], x[1], x[2]) for x in outlets]
            wraps = last_cue >= content_start or inner  # a verb, clause or prefix cue after it
            if wraps and opening:
                relay += [(x[0], x[1], x[2]) for x in outlets]
                bodies = [x for x in chain if x[3] == "speaker"]
                if bodies:
                    relay_speaker = bodies[-1][0]
                start = max(start, content_start)
                continue
            # A content is at most _MAX_CONTENT characters, as a verb's is (without a bound, each prefix of a
            # long run of them would take the rest of the sentence).
            content = _trim(t, content_start, self._content_end(content_start, e))
            if content is None:  # the prefix ends the sentence: «…، به گزارش رویترز.»
                content = _trim(t, self._content_start(p.start(), start), p.start())
                if content is None:
                    continue
            c = _Claim(_clean(p.group()), p.start(), "according_to", content, (s, e))
            c.relay = [(x[0], x[1]) for x in outlets]
            speakers = [x for x in chain if x[3] == "speaker"]
            if speakers:
                c.speaker, c.kind = speakers[-1][0], speakers[-1][4]
            else:
                c.kind = "outlet" if outlets else "none"
            claims.append(c)
        if not self.article_relay and relay:
            self.article_relay = list(relay)
        # one tuple shared by every claim of the sentence (a copy each was quadratic in a run of relays)
        relay_pairs = tuple((n, k) for n, k, _ in relay)
        # A clause cue belongs to the verb its speaker says it with: the first verb after it that opens a
        # quotation («با بیان اینکه A، … گفت: B»), else the next verb. Verbs in between are nested in A.
        next_direct: list[int] = [-1] * len(verbs)  # the first verb from i on that a colon follows
        nd = -1
        for i in range(len(verbs) - 1, -1, -1):
            if _COLON.match(t, verb_ends[i], e):
                nd = i
            next_direct[i] = nd
        owner: dict[int, int] = {}
        owned: dict[int, list[int]] = {}  # the clauses of each verb, in order
        for k, c in enumerate(clauses):
            i = bisect.bisect_right(verb_starts, c.end())  # the first verb after it
            if i < len(verbs):
                owner[k] = next_direct[i] if next_direct[i] >= 0 else i
                owned.setdefault(owner[k], []).append(k)

        def boundary(x: int, skip: set[int]) -> int:
            """Where the clause of a cue at ``x`` starts: after the previous cue, colon or open quote."""
            b = start
            j = bisect.bisect_right(verb_ends, x) - 1
            if j >= 0:
                b = max(b, verb_ends[j])
            k = bisect.bisect_right(clause_ends, x) - 1
            while k >= 0 and k in skip:
                k -= 1
            if k >= 0:
                b = max(b, clause_ends[k])
            colon = t.rfind(":", b, x)
            quote = t.rfind("«", b, x)
            if quote >= 0 and t.find("»", quote, x) >= 0:
                quote = -1
            breaks = [m.end() for m in _CLAUSE_BREAK.finditer(t, b, x)]
            return max(b, colon + 1, quote + 1, *breaks)

        inside = _Cover()  # the contents of the claims so far: is a verb inside one (nested)?
        for c in claims:
            inside.add(c.content)
        # A verb inside «با بیان اینکه A، … گفت»'s A («دولت معتقد است …») is a claim nested in A, up to A's end.
        within: dict[int, int] = {}
        failed: dict[int, int] = {}  # verbs with no content of their own: where their clause starts
        for j, mine in owned.items():
            body = self._clause_content(clauses[mine[-1]], verb_starts[j])
            if body is not None:
                for i in range(bisect.bisect_left(verb_starts, clauses[mine[0]].end()), j):
                    within[i] = body[1]
        for i, v in enumerate(verbs):
            if v.start() < start:
                continue
            mine = owned.get(i, [])
            skip = set(mine)
            nxt = verb_starts[i + 1] if i + 1 < len(verbs) else e
            first = clauses[mine[0]].start() if mine else v.start()
            clause_start = boundary(first, skip)
            shared = not mine and i - 1 in failed and t[verb_ends[i - 1] : v.start()].strip(_WS) == "و"
            mode, content = self._verb_content(v, boundary(v.start(), skip), nxt, min(e, within.get(i, e)))
            if content is None:
                failed[i] = clause_start
                continue
            claim = _Claim(_clean(v.group()), v.start(), mode, content, (s, e))
            claim.nested = inside.covers(v.start()) or i in within
            if _IS_PASSIVE.match(v.group()):
                claim.kind = "passive"
            elif v.group().startswith("آمده") or re.match(rf"نوشته{_SEP}شد", v.group()):
                self._document_source(claim, clause_start, v.start())
            else:
                self._subject(claim, clause_start, first, v.start())
                if shared and claim.kind == "zero":
                    # «بازفید … اشاره کرد و نوشت:»: the subject of the verb before, if it reads as a name or title
                    interview = claim.interview
                    self._subject(claim, failed[i - 1], verb_starts[i - 1], verb_starts[i - 1])
                    claim.interview = interview
                    words = claim.speaker.split()
                    if claim.kind == "name" and len(words) > 3 and words[0] not in _SPEAKER_HEADS | _TITLES:
                        claim.kind, claim.speaker = "zero", ""
            claim.relay = relay_pairs
            if claim.kind == "zero" and relay_speaker and not claims:
                claim.speaker, claim.kind = relay_speaker, "name"
            if claim.kind == "zero" and claim.cue.endswith("ند") and not claims:
                continue  # «می‌گویند …» with no subject: an unnamed «they»
            for k in mine:
                c = clauses[k]
                body = self._clause_content(c, v.start())
                if body is not None:
                    extra = _Claim(_clean(c.group()), c.start(), "indirect", body, (s, e))
                    extra.entity = -2  # the speaker of the verb cue after it
                    claim.clauses.append(extra)
                    claims.append(extra)
                    inside.add(body)
            claims.append(claim)
            inside.add(content)
            for other in claim.co_outlets:  # coordinated outlets: one claim each, the same content
                claims.append(dataclasses.replace(claim, subject_outlet=other, co_outlets=(), clauses=[]))
        # A clause cue with no verb after it: «X با تاکید بر اینکه A، از … خواست».
        for k, c in enumerate(clauses):
            if k in owner or c.start() < start:
                continue
            body = self._clause_content(c, e)
            if body is None:
                continue
            claim = _Claim(_clean(c.group()), c.start(), "indirect", body, (s, e))
            self._subject(claim, boundary(c.start(), {k}), c.start(), c.start())
            claim.relay = relay_pairs
            claims.append(claim)
        claims = sorted((c for c in claims if c.kind != "drop"), key=lambda c: c.cue_start)
        self._collapse(claims, s)
        claims = [c for c in claims if c.kind != "drop"]
        self._split_runs(claims)
        for c in claims:
            if not c.relay and relay_pairs:
                c.relay = relay_pairs
        self.claims += claims

    def _headline(self, m: re.Match, e: int) -> _Claim | None:
        """«وزیر صنایع: 20 درصد … جذب شد», «فارس: …» at the start of a sentence: a claim with the cue «:»."""
        t = self.text
        who = m.group("who")
        words = who.split()
        if not words or len(words) > 10 or _HEADLINE_NOT.search(who) or _VERB.search(who):
            return None
        if _is_stop(words[0]) or words[0] in _OPENERS or words[-1] in _HEADLINE_LAST:
            return None
        end = e
        p = _PREFIX.search(t, m.end(), e)
        if p:
            end = p.start()
        content = _trim(t, m.end(), min(end, m.end() + _MAX_CONTENT))
        if content is None:
            return None
        claim = _Claim(":", m.end() - 1, "direct", content, self._sentence_span)
        known = _canonical(who)
        found = (known, True, 0) if known else _outlet_in(who)
        if found and found[2] == 0 and len(words) <= 4:
            claim.kind, claim.subject_outlet = "outlet", (found[0], found[1])
            return claim
        stop = next((k for k, w in enumerate(words) if k and _is_stop(w)), len(words))
        if stop > 6 or not (words[0] in _SPEAKER_HEADS or words[0] in _TITLES or stop <= 3):
            return None
        claim.speaker = _clean_speaker(" ".join(words[:stop]))
        return claim

    def _split_runs(self, claims: list[_Claim]) -> None:
        """«… که A، ماموران زندان B عنوان کردند»: a content ends before the comma that opens the next claim's
        clause, whose speaker is named after it."""
        t = self.text
        for c, nxt in itertools.pairwise(claims):
            a, b = c.content
            if nxt.kind != "name" or not nxt.speaker or not (a < nxt.cue_start < b) or c.mode == "according_to":
                continue
            if t[a - 1 : a] in '«"“' and a:
                continue  # a quotation holds what it holds
            i = t.find(nxt.speaker, a, nxt.cue_start)
            j = i
            while j > a and t[j - 1].isspace():
                j -= 1
            if i > a and t[j - 1] in "،,":
                c.content = _trim(t, a, j - 1) or c.content
                nxt.nested = False

    def _collapse(self, claims: list[_Claim], s: int) -> None:
        """«شبکه X اعلام کرد: Y گفت که Z» is one claim: Y's, through X (ANNOTATION's Collapse rule). An outlet
        that opens the article this way is its wrapper."""
        for k, c in enumerate(claims[:-1]):
            if c.kind != "outlet" or not c.subject_outlet or c.mode == "according_to":
                continue
            inner = claims[k + 1]
            a, b = c.content
            if not (a <= inner.cue_start < b) or inner.kind not in ("name", "pronoun", "anaphor"):
                continue
            if inner.cue_start - a > 200 or self.text.find(inner.speaker, a, inner.cue_start) < 0:
                continue
            c.kind = "drop"
            inner.nested = False
            inner.relay = (*inner.relay, c.subject_outlet)
            if not self.article_relay and s == 0:
                self.article_relay = [(*c.subject_outlet, (c.cue_start, c.cue_start))]

    def _content_end(self, i: int, e: int) -> int:
        """Where a content that starts at ``i`` must end, at the latest: ``e`` (its sentence's end or clause's),
        _MAX_CONTENT characters on, and in a sentence longer than _LONG_SENTENCE, the next cue."""
        e = min(e, i + _MAX_CONTENT)
        if self._cue_starts is not None:
            k = bisect.bisect_left(self._cue_starts, i)
            if k < len(self._cue_starts):
                e = min(e, max(i, self._cue_starts[k]))
        return e

    def _content_start(self, x: int, start: int) -> int:
        """Where a content that ends at ``x`` (before its cue) may start, at the earliest: ``start``,
        _MAX_CONTENT characters back, and in a sentence longer than _LONG_SENTENCE, the end of the cue before."""
        a = max(start, x - _MAX_CONTENT)
        if self._cue_starts is not None:
            k = bisect.bisect_left(self._cue_starts, x) - 1
            if k >= 0:
                a = max(a, min(x, self._cue_reach[k]))
        return a

    def _inside_quote_name(self, i: int) -> bool:
        """Is position ``i`` inside a short «name» (a quoted title, not a quotation)?"""
        t = self.text
        a = t.rfind("«", max(0, i - 40), i)
        return a >= 0 and "»" not in t[a:i] and t.find("»", i, i + 40) >= 0

    def _prefix_source(self, p: re.Match, e: int) -> tuple[int, int, str | None]:
        """The source phrase of a prefix cue, where it starts and where its claim starts."""
        t = self.text
        e = min(e, p.end() + _MAX_CONTENT)
        rest = t[p.end() : e]
        m = _SOURCE_END.search(rest, 0, 160)
        if m:
            source = rest[: m.start()]
            end = p.end() + m.start()
            content_start = p.end() + m.end()
        else:
            # No comma: the source is a pronoun or a known outlet (+ «از <city>»). Its first seven words are
            # all that is looked at (not the split of the whole rest, for each prefix of a long sentence).
            words = [w.group() for w in itertools.islice(_CHUNK.finditer(rest), 7)]
            stop = next((k for k, w in enumerate(words) if k and _is_stop(w)), None)
            if words and words[0] in PRONOUNS:
                source = words[0]
            elif p.group("speaker") is not None and stop is not None and stop <= 6:
                source = " ".join(words[:stop])  # «به گفته مسئولین این جشنواره بنا بوده …»
            else:
                found = _outlet_in(rest[:80], ignore=_PUBLISHED)
                if not found or found[2] > 1:
                    return 0, 0, None
                m2 = re.match(rf"\s*(?:{_W}+\s+){{0,5}}?{re.escape(found[3])}(?:\s+(?:از|در)\s+{_W}+)?", rest)
                if not m2:
                    return 0, 0, None
                source = m2.group()
            end = p.end() + rest.find(source) + len(source)
            content_start = end
        src_start = p.end() + rest.find(source)
        for pat in (r"(?:که\s+)?در\s+(.+?)\s+(?:آمده|منتشر)", r"(?:منتشره|منتشر\s+شده)\s+در\s+(.+)$"):
            mm = re.search(pat, source)
            if mm:
                src_start += mm.start(1)
                source = mm.group(1)
                break
        lead = len(source) - len(source.lstrip())
        source, src_start = source.strip(), src_start + lead
        if not source or source.split()[0] in _NOT_A_SOURCE:
            return 0, 0, None
        return src_start, content_start, source

    def _chain(self, source: str, at: int, speaker_cue: bool) -> list[tuple]:
        """The parts of «ایسنا به نقل از رویترز» at ``at``: (name, known, span, outlet|speaker, kind)."""
        out = []
        pos = 0
        pieces = []
        for m in _CHAIN.finditer(source):
            pieces.append((pos, m.start()))
            pos = m.end()
        pieces.append((pos, len(source)))
        for a, b in pieces:
            raw_part = source[a:b]
            part = re.sub(r"^\s*(?:و[\s\u200c]+)?", "", raw_part).strip(" -،," + _QUOTES)
            if not part:
                continue
            i = at + a + raw_part.find(part)
            span = (i, i + len(part))
            first = part.split()[0]
            found = _outlet_in(part)
            name_only = re.sub(r"\s+(?:از|در)\s+\S+$", "", part)
            known = None if speaker_cue else (_canonical(part) or _canonical(name_only))
            if known:  # an outlet slot: «به گزارش فارس» is Fars even though «فارس» is also a province
                found = (known, True, 0, part, len(part))
            elif found and not speaker_cue and first not in _BODY_HEADS:
                found = (found[0], True, 0, part, len(part))  # «گروه بین‌الملل خبرگزاری فارس»
            if first in PRONOUNS:
                out.append((first, False, span, "speaker", "pronoun"))
            elif first == "این" and len(part.split()) > 1:
                kind = "outlet_anaphor" if _OUTLET_WORD.match(part.split()[1]) else "anaphor"
                out.append((part, False, span, "speaker", kind))
            elif found and (found[2] <= 2 or part.startswith("خبرنگار")):
                out.append((found[0], found[1], span, "outlet", "outlet"))
            elif _OUTLET_WORD.match(part) and not speaker_cue:
                name = _resolve_name(part)
                if name:  # «رسانه‌های ایران», «برخی رسانه‌ها»: no outlet named, no source
                    out.append((name, False, span, "outlet", "outlet"))
            elif first in _BODY_HEADS or speaker_cue or len(part.split()) > 4:
                out.append((_clean_speaker(part), False, span, "speaker", "name"))
            elif name := _resolve_name(part):
                out.append((name, False, span, "outlet", "outlet"))  # «به نقل از فیوچریسم»
        return out

    def _verb_content(self, v: re.Match, clause_start: int, nxt: int, e: int) -> tuple[str, tuple[int, int] | None]:
        """The content of a verb cue: after a colon (direct), after «که» or the rest (indirect), or before it."""
        t = self.text
        e = self._content_end(v.end(), e)  # a content is at most a few thousand characters: linear time
        m = _COLON_SPACE.match(t, v.end(), e)
        if m:
            return "direct", self._quoted_or_rest(m.end(), e, nxt)
        m = _THAT.match(t, v.end(), e)
        if m:
            i = m.end()
            return "indirect", _trim(t, i, self._cut(i, e, nxt, indirect=True))
        m = _OPEN_QUOTE.match(t, v.end(), e)
        if m:
            return "direct", self._quoted_or_rest(m.end() - 1, e, nxt)
        # the rest of the sentence, without the spaces and commas around it
        m = _NOT_SPACE_OR_COMMA.search(t, v.end(), e)
        if m:
            i = m.start()
            conjunction = t.startswith("و ", i) and _NOT_SPACE_OR_COMMA.search(t, i + 2, e) is not None
            but = _CLAUSE_BREAK.match(t, i) is not None  # «… عنوان کردند اما …»: the writer's own clause
            if t[i] not in _PUNCT_END + "؛" and not conjunction and not but:
                return "indirect", _trim(t, i, self._cut(i, e, nxt, indirect=True))
        # The cue ends its clause: the content is the complement before it («از … خبر داد»).
        return "indirect", self._complement(v, clause_start)

    def _quoted_or_rest(self, i: int, e: int, nxt: int) -> tuple[int, int] | None:
        t = self.text
        if i < len(t) and t[i] in '«"“':
            close = {"«": "»", '"': '"', "“": "”"}[t[i]]
            j = t.find(close, i + 1, e)
            if j > 0:
                return _trim(t, i + 1, j)
            return _trim(t, i + 1, e)  # the quotation goes on in the next sentence: this sentence's part
        return _trim(t, i, self._cut(i, e, nxt))

    def _cut(self, i: int, e: int, nxt: int, indirect: bool = False) -> int:
        """Where a content ends: the sentence end, or before «و» + a next cue with no subject of its own;
        an indirect content also ends before «، اما …» (the writer's own clause)."""
        t = self.text
        if indirect:
            but = self._but(i, e)
            if but >= 0:
                e = but
        if nxt >= e:
            return e
        k = _and_at_end(t, i, nxt)
        if k >= 0 and not any(ch in ":«" for ch in t[max(i, k - 3) : k]):
            return k
        return e

    def _but(self, i: int, e: int) -> int:
        """Where the first «، اما» or «، ولی» in ``[i, e)`` starts, or -1: ``_BUT.search(t[i:e])``, from the
        matches in the whole sentence (found once) rather than a search of up to _MAX_CONTENT characters
        for each cue."""
        t = self.text
        if self._buts is None:
            self._buts = [m.span() for m in _BUT.finditer(t, *self._sentence_span)]
        k = bisect.bisect_left(self._buts, (i, -1))
        if k < len(self._buts) and self._buts[k][1] <= e:
            return self._buts[k][0]
        # One more in t[i:e] alone: «اما» right at e, followed by letters beyond e.
        if e - 3 >= i and t[e - 3 : e] in ("اما", "ولی"):
            j = e - 3
            while j > i and t[j - 1].isspace():
                j -= 1
            if j > i and t[j - 1] in "،,":
                return j - 1
        return -1

    def _complement(self, v: re.Match, clause_start: int) -> tuple[int, int] | None:
        """The content of a cue that ends its clause: «از A خبر داد» gives A; «X … A را اعلام کرد» gives
        what follows the speaker's name and title (from the first adjunct word on)."""
        t = self.text
        region = t[clause_start : v.start()]
        if v.group().startswith("خبر"):
            m = re.search(r"(?:^|\s)از\s+", region)
            return _trim(t, clause_start + m.end(), v.start()) if m else None
        if v.group().startswith(("تاکید", "تأکید")):  # «X بر A تاکید کرد» gives A
            m = re.search(r"(?:^|\s)بر\s+", region)
            return _trim(t, clause_start + m.end(), v.start()) if m else None
        if not re.search(r"\sرا\s*$", region):
            return None
        words = list(re.finditer(r"\S+", region))
        for k, w in enumerate(words[1:], 1):
            if _is_stop(w.group().strip("،,")) and w.group() != "را":
                return _trim(t, clause_start + words[k].start(), v.start())
        return None

    def _clause_content(self, c: re.Match, region_end: int) -> tuple[int, int] | None:
        """«با بیان اینکه A، گفت»: A runs to the last comma before the main verb (or the quote's end), and is
        at most _MAX_CONTENT characters."""
        t = self.text
        i = c.end()
        seg = t[i : self._content_end(i, region_end)]
        j = max(seg.rfind("،"), seg.rfind(","))
        tail = [w.group() for w in itertools.islice(_CHUNK.finditer(seg, j + 1), 3)] if j >= 0 else []
        if tail and not _is_stop(tail[0]) and tail[0] not in PRONOUNS and len(tail) > 2:
            j = -1  # «با تاکید بر اینکه A، B است اظهار کرد»: that comma is inside A
        lead = seg.lstrip()
        if lead[:1] in ("«", '"'):
            opened = len(seg) - len(lead)
            close = self._matching_quote(i + opened, i + len(seg)) - i
            if close > 0:
                j = close
        return _trim(t, i, i + (j if j > 0 else len(seg)))

    def _matching_quote(self, i: int, end: int) -> int:
        """The index of the quote mark closing the one at ``i`` (nested «» counted) before ``end``, or -1."""
        t = self.text
        if t[i] == '"':
            return t.find('"', i + 1, end)
        if self._quotes is None:  # every «» pair of the sentence, in one pass
            self._quotes = {}
            opened: list[int] = []
            for m in _GUILLEMET.finditer(t, *self._sentence_span):
                if m.group() == "«":
                    opened.append(m.start())
                elif opened:
                    self._quotes[opened.pop()] = m.start()
        close = self._quotes.get(i, -1)
        return close if close < end else -1

    # --- speakers ----------------------------------------------------------------------------------

    def _subject(self, claim: _Claim, a: int, b: int, region_end: int) -> None:
        """Fill the claim's speaker, outlet-as-subject and interview outlet from its clause ``[a, b)``."""
        t = self.text
        claim.interview = self._interview(a, region_end)
        words = [(m.start() + a, m.end() + a, m.group().strip(_QUOTES + "()")) for m in re.finditer(r"\S+", t[a:b])]
        # Skip leading connectives and adjunct segments that end in a comma.
        i = 0
        while i < len(words) and (words[i][2] in _OPENERS or not words[i][2].strip("،,-–")):
            i += 1
        while True:  # «با این حال کارشناسان معتقدند …», «در همین پیوند ظریف نوشته است …»
            n = next((n for n in (4, 3, 2) if tuple(w[2].rstrip("،,") for w in words[i : i + n]) in _MULTI_OPENERS), 0)
            if not n:
                break
            i += n
        i = _after_time_adverb(words, i)  # «کمی قبل از آن تیخانوفسکایا گفت», «حدود یک هفته پیش یک گروه …»
        if i < len(words) and _is_stop(words[i][2]):
            # A leading adjunct: the speaker starts after the first comma that is followed by a non-adjunct
            # («در پی …، به واسطه …، یک مقام آگاه گفت»), else at the first title word or pronoun.
            after_comma = [
                j + 1
                for j in range(i, len(words) - 1)
                if words[j][2].endswith(("،", ",")) and not _is_stop(words[j + 1][2])
            ]
            if after_comma:
                i = after_comma[0]
            else:
                j = i + 1
                while j < len(words) and words[j][2] not in PRONOUNS and words[j][2] not in _SPEAKER_HEADS:
                    j += 1
                i = j
            while i < len(words) and words[i][2] in _OPENERS:
                i += 1
        if i >= len(words):
            claim.kind = "zero"
            return
        first = words[i][2].rstrip("،,")
        if first in PRONOUNS:
            claim.kind, claim.speaker = "pronoun", first
            return
        if first in ("من", "ما"):  # the quoted speaker quoting themselves: not a claim of its own
            claim.kind = "drop"
            return
        if len(words) >= 2 and words[-1][2] == "که" and b == region_end:
            # «… عسگری که می‌گوید …»: the speaker is the noun the relative clause hangs on.
            k = len(words) - 2
            lo = k - 1 if k >= 1 and words[k - 1][2] in _SPEAKER_HEADS else k
            claim.speaker, claim.kind = _clean_speaker(t[words[lo][0] : words[k][1]]), "name"
            claim.nested = True
            return
        # The speaker's name and title: up to an adjunct; appositives between commas or dashes are kept.
        j = i
        end = words[i][1]
        while j < len(words):
            w = words[j][2]
            bare = w.rstrip("،,")
            weekday = bare in ("سه", "چهار", "پنج", "یک", "دو") and j + 1 < len(words) and words[j + 1][2] == "شنبه"
            if (
                j > i
                and (_is_stop(bare) or bare in PRONOUNS or weekday)
                and not (bare == "جمعه" and words[j - 1][2] == "امام")
                and not (bare == "به" and words[j - 1][2] == "نزدیک")  # «منابع نزدیک به حماس»
            ):
                break
            end = words[j][1] if bare else end
            if w.endswith(("،", ",")) and j + 1 < len(words):
                nxt = words[j + 1][2]
                if _is_stop(nxt.rstrip("،,")) or nxt.rstrip("،,") in PRONOUNS:
                    end = words[j][1] - 1
                    break
            j += 1
        phrase = t[words[i][0] : end].strip(" ،,-–")
        if j < len(words) and words[j][2] == "را":
            # «X همدلی را … برشمرد و گفت»: the object runs into the subject; keep the name or the title head.
            pw = phrase.split()
            keep = next((n for n, w in enumerate(pw) if w not in _HONORIFICS), 0)  # ranks don't count
            keep += 3 if first in _SPEAKER_HEADS else 2
            phrase = " ".join(pw[:keep])
        if phrase.endswith("و") and phrase[:-1].rstrip(_WS + "،,") != phrase[:-1]:
            phrase = phrase[:-1].rstrip(_WS + "،,")  # re.sub(r"[\s،,]+و$", "", phrase), which backtracks
        if not phrase or phrase in ("این", "آن", "همه"):
            claim.kind = "zero"
            return
        found = _outlet_in(phrase)
        bare_phrase = phrase.strip(_QUOTES)
        if first == "این" and len(phrase.split()) > 1:
            second = phrase.split()[1]
            claim.kind = "outlet_anaphor" if _OUTLET_WORD.match(second) else "anaphor"
            claim.speaker = phrase
            return
        if found and (found[2] == 0 or bare_phrase.startswith(("خبرنگار", "گزارشگر"))):
            rest = phrase[found[4] :].strip(" «»\"'()،,-")
            if len(rest.split()) <= 3 and not any(w in _SPEAKER_HEADS for w in rest.split()[:1]):
                claim.subject_outlet = (found[0], found[1])
                claim.kind = "outlet"
                m = _RELAYED_PERSON.match(t, end, b)  # «رویترز به نقل از حسن ناظم، وزیر فرهنگ عراق، گزارش داد»
                if m and not _outlet_in(m.group("who")):
                    claim.speaker, claim.kind = _clean_speaker(m.group("who")), "name"
                    return
                if rest.startswith("و"):
                    claim.co_outlets = tuple((m.name, True) for m in find_outlets(rest) if m.name != found[0])
                return
        if _OUTLET_WORD.match(bare_phrase) and not found and len(bare_phrase.split()) <= 5:
            name = _resolve_name(bare_phrase)
            if not name:  # «رسانه‌ها», «برخی رسانه‌های عربی»: an unnamed outlet is no source, only a speaker
                claim.speaker, claim.kind = _clean_speaker(phrase), "name"
                return
            claim.subject_outlet = (name, False)
            claim.kind = "outlet"
            return
        claim.speaker = _clean_speaker(phrase)
        claim.kind = "name"

    def _document_source(self, claim: _Claim, a: int, b: int) -> None:
        """«در یادداشت توئیتری علی ربیعی آمده است:» — the author of the document is the speaker."""
        region = self.text[a:b].strip()
        m = _DOCUMENT.search(region)
        who = _clean_speaker(m.group("who")) if m else ""
        if not who:
            claim.kind = "zero"
            return
        found = _outlet_in(who)
        if found and found[2] == 0:
            claim.subject_outlet, claim.kind = (found[0], found[1]), "outlet"
        else:
            claim.speaker, claim.kind = who, "name"

    def _interview(self, a: int, b: int) -> tuple[str, bool] | None:
        """The outlet a speaker talks to in ``[a, b)``: «در گفت‌وگو با شبکه رووداو», «به رویترز گفت»."""
        t = self.text
        region = t[a:b]
        tail_end = None
        # where the first word that an interview or a programme needs is: no need to look before a name earlier
        talk = min((i for i in (region.find("گفت"), region.find("مصاحبه")) if i >= 0), default=len(region)) + a
        programme = region.find("برنامه")
        programme = a + programme if programme >= 0 else b
        for m in find_outlets(region):
            x = a + m.start  # the words before the name: t[a:x], looked at up to _NEAR characters back
            bare = x
            while bare > a and t[bare - 1] in " «\"'(":
                bare -= 1
            if talk < x:
                trimmed = _outlet_words_start(t, a, x)  # without outlet words, quotes and «…ای» adjectives
                if _INTERVIEW.search(t[max(a, trimmed - _NEAR) : trimmed] + " ") or _INTERVIEW.search(
                    t[max(a, bare - _NEAR) : bare] + " "
                ):
                    return (m.name, True)
            if programme < x and _PROGRAMME.search(t, max(a, x - _NEAR), x):
                return (m.name, True)  # «با حضور در برنامه سلام صبح بخیر شبکه سوم سیما»
            # «به رویترز گفت», «به خبرنگار وال استریت ژورنال گفت»: «به» right before the name (or its reporter),
            # and at most two words after it
            j = bare
            while j > a and t[j - 1].isspace():
                j -= 1
            reporter = _REPORTER_BEFORE.search(t, max(a, j - 20), j)
            if reporter:
                j = reporter.start()
                while j > a and t[j - 1].isspace():
                    j -= 1
            if j - 2 >= a and t.startswith("به", j - 2) and (j - 2 == a or t[j - 3].isspace()):
                if tail_end is None:
                    tail_end = b
                    while tail_end > a and t[tail_end - 1] in " »\"')،,":
                        tail_end -= 1
                i = m.end + a
                while i < tail_end and t[i] in " »\"')،,":
                    i += 1
                if i >= tail_end or sum(1 for _ in itertools.islice(_CHUNK.finditer(t, i, tail_end), 3)) <= 2:
                    return (m.name, True)
        m = _INTERVIEW_WITH.search(region)
        if m:
            name = m.group(1).strip(" ،,«»")
            known = _canonical(name)
            return (known, True) if known else (name, False)
        return None

    # --- resolution --------------------------------------------------------------------------------

    def _resolve(self) -> None:
        entities = _Entities()
        last_person = -1  # index of the last claim with a speaker
        last_source = -1
        last_outlet = -1
        for idx, c in enumerate(self.claims):
            if c.entity == -2:  # a clause cue: resolved with the claim it belongs to, just below
                continue
            phrase = _short(c.speaker) if c.speaker else ""  # with its title apposition, if any
            c.speaker = _tidy_speaker(phrase) if phrase else phrase
            if c.speaker.split(" ", 1)[0] in _NOT_SPEAKERS:
                # «همانطور که وزارت ورزش اعلام کرده …»: the speaker is after «که», if any
                rest = re.sub(r"^\S+\s*(?:که\s*)?", "", c.speaker)
                if rest:
                    c.speaker = rest
                else:
                    c.kind, c.speaker = "none", ""
                    c.nested = True
            ant = None
            if c.kind == "pronoun":
                ant = last_person
            elif c.kind == "anaphor":
                ant = last_person
            elif c.kind == "outlet_anaphor":
                ant = last_outlet
            elif c.kind == "zero":
                ant = last_source
            if ant is not None:
                if ant >= 0:
                    a = self.claims[ant]
                    c.speaker, c.entity = a.speaker, a.entity
                    if c.kind in ("outlet_anaphor", "zero") and not a.speaker:
                        c.subject_outlet = c.subject_outlet or a.subject_outlet or (a.outlet if a.outlet[0] else None)
                    c.kind = "name" if a.speaker else "outlet"
                elif c.kind == "zero":
                    # «گفت: …» with no one before it: a claim of an unnamed speaker when it is a quotation
                    c.kind = "passive" if c.mode == "direct" else "none"
                else:
                    c.kind = "name"
            if c.entity < 0 and c.speaker:
                c.entity = entities.match(c.speaker)
                if c.entity < 0:
                    c.entity = entities.add(c.speaker)
                if phrase != c.speaker:  # «سیاری، معاون ارتش»: a later «معاون ارتش» is him
                    entities.match(phrase)
            if c.entity >= 0 and c.speaker and _is_title(c.speaker) and entities.has_title(c.entity, c.speaker):
                c.speaker = entities.names[c.entity] or c.speaker  # the name a title stands for, if known
            for prev in c.clauses:
                if prev.entity == -2:
                    prev.entity, prev.speaker, prev.kind = c.entity, c.speaker, c.kind
                    prev.subject_outlet, prev.interview, prev.relay = c.subject_outlet, c.interview, c.relay
            if (c.kind == "none" and not c.relay and not c.subject_outlet) or c.nested:
                continue
            if c.speaker:
                last_person = idx
            if c.speaker or c.subject_outlet or c.kind == "outlet":
                last_source = idx
            if c.subject_outlet or (c.kind == "outlet" and not c.speaker):
                last_outlet = idx
        self._name_titles(entities)
        by_entity: dict[int, dict[str, tuple[str, bool]]] = {}
        for c in self.claims:
            if c.entity >= 0:
                d = by_entity.setdefault(c.entity, {})
                if c.interview and "interview" not in d:
                    d["interview"] = c.interview
                if c.relay and "relay" not in d:
                    d["relay"] = c.relay[-1]
        article = (self.article_relay[-1][0], self.article_relay[-1][1]) if self.article_relay else ("", False)
        # No relay: an interview piece («X در گفت‌وگو با ایسنا گفت …») comes through the outlet that did the
        # interview, the lead and the later mentions by title included.
        if not article[0]:
            article = next((c.interview for c in self.claims if c.interview), article)
        for c in self.claims:
            d = by_entity.get(c.entity, {})
            c.outlet = (
                c.subject_outlet
                or c.interview
                or d.get("interview")
                or (c.relay[-1] if c.relay else None)
                or d.get("relay")
                or article
            )
            if len(c.outlet[0]) > _MAX_NAME:
                c.outlet = (_short(c.outlet[0]), c.outlet[1])
            if c.kind == "none" and not c.outlet[0]:
                continue
            if c.kind == "none":
                c.kind = "outlet"
        self.claims = [c for c in self.claims if c.kind != "none" and (c.speaker or c.outlet[0] or c.kind == "passive")]

    def _name_titles(self, entities: _Entities) -> None:
        """A title standing alone for a person a neighbouring claim names («رئیس جمهور فرانسه گفت … به گفته
        ماکرون، …»): the name, as the scheme asks, when the claims beside it (one either side, within 400
        characters) name exactly one person and the title does not clash with one that person was given."""
        said = [i for i, c in enumerate(self.claims) if c.speaker and c.entity >= 0 and not c.nested]
        for pos, i in enumerate(said):
            c = self.claims[i]
            if not _is_title(c.speaker) or entities.names[c.entity]:
                continue
            near = {}
            for j in said[max(0, pos - 1) : pos + 2]:
                d = self.claims[j]
                if d.entity != c.entity and abs(d.cue_start - c.cue_start) <= 400 and _is_name(d.speaker):
                    near[d.entity] = d.speaker
            if len(near) != 1:
                continue
            (ent, name), title = next(iter(near.items())), c.speaker.split()
            given = entities.tokens[ent] & _TITLES
            if given and title[0] not in given and title[-1] not in entities.tokens[ent]:
                continue  # «ظریف، وزیر خارجه» is not the «سخنگوی دولت» beside him
            for d in self.claims:
                if d.entity == c.entity and d is not c and d.speaker == c.speaker:
                    d.speaker = name
            c.speaker = name


# --- helpers ------------------------------------------------------------------------------------------

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



_PUBLISHED = frozenset({"منتشره", "منتشر", "شده", "در", "که", "آمده", "وب", "رسمی", "خبری"})
#: The registry's answers for the names of an article come back often (its relay in every paragraph): kept.
_canonical = functools.lru_cache(maxsize=4096)(canonical)


def _outlet_in(
    text: str, ignore: frozenset[str] = frozenset({"رسمی", "خبری", "تلویزیونی", "رادیویی", "ماهواره‌ای", "اینترنتی"})
) -> tuple[str, bool, int, str, int] | None:
    """The first outlet named in ``text``: (name, known, words before it, as written, end offset). Kept for a
    text short enough to be a name or a source (the same ones come back in every paragraph)."""
    return _outlet_in_short(text, ignore) if len(text) <= 200 else _outlet_in_text(text, ignore)


def _outlet_in_text(text: str, ignore: frozenset[str]) -> tuple[str, bool, int, str, int] | None:
    for m in find_outlets(text):
        before = text[: m.start].split()
        # Words before the name that are outlet words or qualifiers («خبرگزاری رسمی سوریه») do not count.
        n = sum(1 for w in before if not (_OUTLET_WORD.match(w.strip(_QUOTES)) or w.strip(_QUOTES) in ignore))
        return (m.name, True, n, m.text, m.end)
    return None


_outlet_in_short = functools.lru_cache(maxsize=4096)(_outlet_in_text)


def _outlet_words_start(t: str, a: int, x: int) -> int:
    """Where the outlet words, spaces, «»"'( and «…ای» adjectives that end at ``x`` start (not before ``a``).

    The same as ``a + len(re.sub(rf"(?:{OUTLET_WORDS}|[\\s«»\"'(]|{_W}+ای)*$", "", t[a:x]))``, whose backtracking
    is exponential on a word of many «ای», in time linear in what it strips: positions from which ``t[p:x]``
    is such a sequence (``ends``) are found right to left; a word of three letters or more ending in «ای» can
    end anywhere in its run of letters where such a sequence starts.
    """
    ends = {x}
    lo = x
    aye = -1  # in the run of letters being read: the farthest end of an «ای» from which a sequence starts
    p = x - 1
    while p >= a:
        if lo - p > _MAX_OUTLET_WORD + 1 and aye < 0:
            break  # no word, mark or run of letters reaches a position in ``ends`` any more
        ch = t[p]
        if ch in _WORD_CHAR:
            if aye < 0 and t.startswith("ای", p, x) and p + 2 in ends:
                aye = p + 2
            ok = aye >= p + 3
        else:
            aye = -1
            ok = (ch.isspace() or ch in "«»\"'(") and p + 1 in ends
        if not ok:
            ok = any(t.startswith(w, p, x) and p + len(w) in ends for w in _OUTLET_WORDS_BY_LETTER.get(ch, ()))
        if ok:
            ends.add(p)
            lo = p
        p -= 1
    return lo


#: Words of a time adverb that opens a sentence before its subject: «کمی قبل از آن», «حدود یک هفته پیش».
_TIME_WORDS = frozenset(
    "حدود تقریبا تقریباً کمی مدتی ساعاتی دقایقی لحظاتی چندی روزها هفته‌ها ماه‌ها سال‌ها یک دو سه چهار پنج شش "
    "هفت هشت نه ده چند چندین هفته روز ماه سال ساعت دقیقه".split()
)
_TIME_AFTER = frozenset(("قبل", "پیش", "بعد", "پس"))


def _after_time_adverb(words: list[tuple[int, int, str]], i: int) -> int:
    """The index after a time adverb that starts at ``words[i]`` («کمی قبل از آن»), or ``i`` if none does."""
    j = i
    while j < len(words) and j - i < 5 and (words[j][2] in _TIME_WORDS or words[j][2].isdigit()):
        j += 1
    if j == i or j >= len(words) or words[j][2].rstrip("،,") not in _TIME_AFTER:
        return i
    j += 1
    if j + 1 < len(words) and words[j][2] == "از" and words[j + 1][2].rstrip("،,") in ("آن", "این"):
        j += 2
    return j if j < len(words) else i


def _skip_space(t: str, i: int, e: int) -> int:
    """The first position from ``i`` on that is not a space (``e`` if none)."""
    m = _NOT_SPACE.search(t, i, e)
    return m.start() if m else e


def _after_clause_end(t: str, s: int, x: int) -> bool:
    """Does ``t[s:x]`` end with «،», «:», «؛» or a word «که» or «و» (then spaces)? The same as
    ``re.search(r"(?:[،,:؛]|\\s(?:که|و))\\s*$", t[s:x])``, from the end instead of from ``s``."""
    j = x
    while j > s and t[j - 1].isspace():
        j -= 1
    if j > s and t[j - 1] in "،,:؛":
        return True
    if j - 3 >= s and t.startswith("که", j - 2) and t[j - 3].isspace():
        return True
    return j - 2 >= s and t[j - 1] == "و" and t[j - 2].isspace()


def _after_label(t: str, s: int, x: int) -> bool:
    """Is ``t[s:x]`` a short label ended by a dash («- اخبار سیاسی - »)?"""
    j = x
    while j > s and t[j - 1].isspace():
        j -= 1
    return j > s and t[j - 1] in "-–" and x - s < 60 and len(t[s:j].split()) <= 5


def _and_at_end(t: str, i: int, x: int) -> int:
    """Where ``t[i:x]`` ends with «، و» («و در ادامه», «و همچنین», «و نیز») and spaces, or -1: the start of
    ``re.search(r"[\\s،]+و(?:\\s+(?:در\\s+ادامه|همچنین|نیز))?\\s*$", t[i:x])``, read from the end (the regex
    backtracks over a long run of spaces and commas)."""
    j = x
    while j > i and t[j - 1].isspace():
        j -= 1
    for word in ("همچنین", "نیز", "ادامه"):
        if t.startswith(word, j - len(word)) and j - len(word) >= i:
            k = j - len(word)
            if word == "ادامه":  # «در\s+ادامه»
                k2 = k
                while k2 > i and t[k2 - 1].isspace():
                    k2 -= 1
                if k2 == k or k2 - 2 < i or not t.startswith("در", k2 - 2):
                    break
                k = k2 - 2
            k2 = k
            while k2 > i and t[k2 - 1].isspace():
                k2 -= 1
            if k2 < k:
                j = k2
            break
    if j - 1 < i or t[j - 1] != "و":
        return -1
    k = j - 1
    while k > i and (t[k - 1].isspace() or t[k - 1] == "،"):
        k -= 1
    return k if k < j - 1 else -1


class _Leads:
    """Is ``t[a:b]`` only connectives and punctuation (so a prefix at ``b`` opens the clause)? For one ``a``
    and ``b`` that do not decrease, the words are read once, up to the first that is not one, whatever the
    number of ``b`` asked about (``all(... for w in t[a:b].split())`` for each was quadratic)."""

    def __init__(self, t: str, a: int, e: int):
        self.t, self.start = t, a
        self.words = _CHUNK.finditer(t, a, e)
        self.word: tuple[int, int] | None = None  # the last word read: every word before it is a connective
        self.bad = False  # the last word read is not a connective
        self.done = False
        self.cut: tuple[int, int, list[tuple[int, int]]] | None = None  # for the word cut at b, see below
        self.last = a

    def __call__(self, b: int) -> bool:
        if b < self.last:  # not what it is for: read the words again
            return all(_LEAD_WORD.fullmatch(w) for w in self.t[self.start : b].split())
        self.last = b
        while not self.bad and not self.done and (self.word is None or self.word[1] < b):
            m = next(self.words, None)
            if m is None:
                self.done = True
            else:
                self.word = m.span()
                self.bad = not _LEAD_WORD.fullmatch(self.t, *self.word)
        if self.word is None or self.word[0] >= b:
            return True
        if self.word[1] <= b:
            return not self.bad
        # The word is cut at b («و،به گزارش»): only punctuation, or an opener and commas, up to b. What that
        # needs is found once for the word, not for each b in it (a long word can hold many prefixes).
        if self.cut is None or self.cut[0] != self.word[0]:
            t, (ws, we) = self.t, self.word
            punct = _PUNCT_RUN.match(t, ws, we).end()
            op_start = _COMMA_RUN.match(t, ws, we).end()
            ends = [op_start + len(w) for w in _OPENERS if t.startswith(w, op_start, we)]
            self.cut = (ws, punct, [(x, _COMMA_RUN.match(t, x, we).end()) for x in ends])
        _, punct, openers = self.cut
        return b <= punct or any(x <= b <= y for x, y in openers)


class _Cover:
    """Is a position inside one of the spans added so far? For positions asked about in increasing order."""

    def __init__(self):
        self.waiting: list[tuple[int, int]] = []  # spans that start after the last position asked about
        self.reach = -1  # the farthest end of a span that starts at or before it

    def add(self, span: tuple[int, int]) -> None:
        heapq.heappush(self.waiting, span)

    def covers(self, x: int) -> bool:
        while self.waiting and self.waiting[0][0] <= x:
            self.reach = max(self.reach, heapq.heappop(self.waiting)[1])
        return self.reach > x


def _trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    """``[a, b)`` without surrounding spaces, quotes and final punctuation; None if no word is left."""
    w = text[a:b].lstrip(_TRIM_START)
    a = b - len(w)
    w = w.rstrip(_TRIM_END)
    b = a + len(w)
    if b <= a or not _ANY_WORD.search(w):
        return None
    if w.count("»") > w.count("«"):
        k = w.find("»")
        if a > 0 and text[a - 1] == "«" and k >= 0 and _ANY_WORD.search(w, k + 1):
            a -= 1  # «به گفته وی، «کریدور» همکاری …»: a quoted name opens the content, keep its mark
        else:  # a quote closed inside: keep the closing mark out
            b = a + w.rindex("»")
    return (a, b) if b > a else None


def _short(name: str) -> str:
    """A speaker's or an unknown outlet's name cut to _MAX_NAME characters, at a space if there is one."""
    if len(name) <= _MAX_NAME:
        return name
    k = name.rfind(" ", 0, _MAX_NAME + 1)
    return name[:k] if k > 0 else name[:_MAX_NAME]


def _clean(cue: str) -> str:
    return re.sub(r"\s+", " ", cue).strip()


def _clean_speaker(phrase: str) -> str:
    s = re.sub(f"[{_QUOTES}]", "", phrase)
    s = re.sub(r"\s+", " ", s).strip(" ،,-–")
    if s.count("(") > s.count(")"):
        s += ")"
    return s.strip("() ") if s.startswith("(") and s.endswith(")") else s


#: Title words after a proper name: where the name ends and its apposition starts («جان برلینسکی، وکیل …»,
#: «عبدالقادر اور اوغلو وزیر حمل‌ونقل …»).
_TITLES = frozenset(
    "رئیس رییس وزیر معاون سخنگوی سخنگو مدیر مدیرعامل مدیرکل دبیر دبیرکل استاندار فرماندار شهردار سفیر نماینده "
    "فرمانده عضو کارشناس مسئول سرپرست دادستان قاضی نایب رئیس‌جمهور رئیس‌جمهوری نخست‌وزیر سرمربی مربی کاپیتان "
    "کارگردان بازیگر تهیه‌کننده نویسنده پژوهشگر استاد مشاور وکیل فعال کاندیدای کاندید نامزد خواننده "
    "فرماندهی رهبر بنیانگذار موسس مؤسس عضو دبیرکل دستیار مجری مدافع هافبک مهاجم دروازه‌بان "
    "فرزند همسر پدر مادر برادر خواهر دختر پسر امام خطیب".split()
)
#: Ranks and honorifics before a name, not part of it («امیر دریادار سیاری», «دکتر احمدرضا لاهیجان‌زاده»).
_HONORIFICS = frozenset(
    "دکتر مهندس آقای خانم سردار دریادار سرلشکر سرتیپ سرهنگ سرتیپ‌دوم پاسدار دریابان سپهبد "
    "حجت‌الاسلام حجت‌الاسلام‌والمسلمین والمسلمین آیت‌الله آیت‌الله‌العظمی حضرت شیخ مولوی".split()
)
#: What a speaker phrase may start with that is not the speaker: footnote marks, times and numbers, «پیش‌تر»,
#: a dateline or label ended by a dash.
_SPEAKER_JUNK = re.compile(
    r"^(?:\[[^\]]{0,8}\]|[\d۰-۹٠-٩][\d۰-۹٠-٩:/.]*|پیش[\u200c ]?تر|پیشتر|اخیرا|اخیراً|همچنین|[-–▪️•*]+"
    r"|[^\s\-–]+(?:\s[^\s\-–]+)?[-–](?=\s))[\s\u200c]*"
)
#: Words that open a comparison or a topic, never a speaker («همانطور که … اعلام شده»).
_NOT_SPEAKERS = frozenset({"همانطور", "همان‌طور", "همانگونه", "همان‌گونه", "چنانکه", "چنان‌که", "آنچنان‌که"})


def _tidy_speaker(name: str) -> str:
    """A speaker without leading junk, and a proper name without its title apposition."""
    prev = None
    while prev != name:
        prev = name
        m = _SPEAKER_JUNK.match(name)
        if m and m.end() < len(name):
            name = name[m.end() :]
    m = re.fullmatch(r"[^()]+\(([^()]+)\)", name)
    if m and name.split()[0] in _TITLES and m.group(1).split()[0] not in _TITLES and 2 <= len(m.group(1).split()) <= 4:
        return m.group(1).strip()  # «دادستان کل بحرین (علی بن فضل البوعینین)»
    words = name.split()
    k = 0
    while k < len(words) - 1 and (words[k] in _HONORIFICS or (words[k] == "امیر" and words[k + 1] in _HONORIFICS)):
        k += 1  # «امیر» is a rank before another («امیر دریادار»), else a first name
    if k and words[k].rstrip("،,") not in _TITLES | _SPEAKER_HEADS:
        name, words = " ".join(words[k:]), words[k:]
    if not words or words[0] in _SPEAKER_HEADS or words[0] in ("یک", "این", "آن", "برخی", "چند"):
        return name
    head, comma, rest = name.partition("،")
    if not comma:
        head, comma, rest = name.partition(",")
    if not comma:
        head, comma, rest = name.partition(" - ")
    if comma and len(head.split()) <= 4 and rest.split() and rest.split()[0] in _TITLES:
        return head.strip()
    for k, w in enumerate(words[1:5], 1):
        if w in _TITLES:
            return " ".join(words[:k]).rstrip("،,")
        if w in _SPEAKER_HEADS or w.endswith(("،", ",")):
            break
    return name


@functools.lru_cache(maxsize=4096)
def _resolve_name(mention: str) -> str:
    """An unknown outlet's name without its descriptors («روزنامه الوطن بحرین» → «الوطن»); "" when the mention
    names no outlet («رسانه‌های ایران»)."""
    if len(mention) > _MAX_NAME:
        return _short(_clean_speaker(mention))
    name = resolve(mention).name
    return _clean_speaker(name) if name else ""


def _is_name(speaker: str) -> bool:
    """A proper name («ماکرون», «علی خضریان»), not a title, a pronoun or a description («یک منبع»)."""
    words = speaker.split()
    return (
        0 < len(words) <= 4
        and not _is_title(speaker)
        and words[0] not in _SPEAKER_HEADS | PRONOUNS | {"یک", "این", "آن", "برخی", "چند", "همه"}
    )


def _is_title(speaker: str) -> bool:
    """A title standing for a person («معاون هماهنگ‌کننده ارتش», «این پژوهشگر»), not a name."""
    words = speaker.split()
    if words and words[0] in ("این", "همین", "آن"):
        words = words[1:]
    return bool(words) and words[0] in _TITLES


def _tokens(s: str) -> list[str]:
    return [w for w in re.split(rf"[\s{ZWNJ}،,\-–()]+", s) if len(w) > 1]


class _Entities:
    """The speakers of an article so far, each a set of name tokens, indexed by token (an article may name
    thousands: a scan of all of them for each claim was quadratic)."""

    def __init__(self):
        self.names: list[str] = []  # each entity's proper name, once a speaker gave one ("" until then)
        self.tokens: list[set[str]] = []
        self.having: dict[str, list[int]] = {}  # token → the entities with it
        self.exactly: dict[frozenset[str], set[int]] = {}  # token set → the entities with just those

    def add(self, speaker: str) -> int:
        i = len(self.tokens)
        self.tokens.append(set())
        self.names.append("")
        self._grow(i, set(_tokens(speaker)))
        self._name(i, speaker)
        return i

    def has_title(self, i: int, title: str) -> bool:
        """Whether entity ``i`` was named with every word of ``title`` (a determiner aside)."""
        return set(_tokens(title)) - {"این", "همین", "آن"} <= self.tokens[i]

    def _name(self, i: int, speaker: str) -> None:
        if not self.names[i] and not _is_title(speaker) and speaker.split()[0] not in _SPEAKER_HEADS | PRONOUNS:
            self.names[i] = speaker

    def match(self, speaker: str) -> int:
        """An earlier speaker this name refers to: the latest whose tokens include all of its own, or whose
        tokens (two or more) are all among its own («حسینی»); its tokens then take this name's in. -1 if none.

        The entities sharing a token with the name are counted through the index; when that would be more
        work than looking up every subset of the name's tokens, the subsets are looked up instead (a name
        of k tokens has 2^k subsets: the cost of a name made of common words stays bounded)."""
        toks = set(_tokens(speaker))
        if not toks:
            return -1
        k = len(toks)
        best = -1
        if sum(len(self.having.get(w, ())) for w in toks) <= 1 << k:
            shared: dict[int, int] = {}
            for w in toks:
                for i in self.having.get(w, ()):
                    shared[i] = shared.get(i, 0) + 1
            for i, n in shared.items():
                if i > best and (n == k or (n >= 2 and n == len(self.tokens[i]))):
                    best = i
        else:
            rare = min(toks, key=lambda w: len(self.having.get(w, ())))
            best = max((i for i in self.having.get(rare, ()) if toks <= self.tokens[i]), default=-1)
            ordered = sorted(toks)
            for size in range(2, k + 1):
                for sub in itertools.combinations(ordered, size):
                    ids = self.exactly.get(frozenset(sub))
                    if ids:
                        best = max(best, max(ids))
        if best >= 0:
            self._grow(best, toks)
            self._name(best, speaker)
        return best

    def _grow(self, i: int, toks: set[str]) -> None:
        new = toks - self.tokens[i]
        if not new:
            return
        old = frozenset(self.tokens[i])
        if old in self.exactly:
            self.exactly[old].discard(i)
        self.tokens[i] |= new
        for w in new:
            self.having.setdefault(w, []).append(i)
        self.exactly.setdefault(frozenset(self.tokens[i]), set()).add(i)
