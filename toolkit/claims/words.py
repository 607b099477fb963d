"""Word lists of the claim extractor: pronouns, adjunct and opener words, title and body heads, honorifics.

Plain sets, built once at import; the rules that use them are in the guide (docs/guide/claims.md).
"""

from __future__ import annotations

import re

#: Pronouns that stand for the nearest earlier speaker.
PRONOUNS = {"او", "وی", "ایشان", "آنها", "آن‌ها", "ایشان‌"}
#: The singular ones: one person.
_SINGULAR = frozenset(("او", "وی", "ایشان"))
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
_OPENERS = set(
    "و اما ولی البته همچنین هم‌چنین سپس لذا بنابراین همچنان ضمنا ضمناً حالا اکنون هم‌اکنون آیا هرچند اگرچه گرچه".split()
)
#: Connectives of two to four words («با این حال») that open a sentence without being its subject.
_MULTI_OPENERS = {
    tuple(x.split())
    for x in ("با این حال", "با این وجود", "در عین حال", "در همین حال", "از سوی دیگر", "از طرف دیگر",
              "در این میان", "به هر حال", "در این حال", "در همین راستا", "در این راستا", "در همین پیوند",
              "در این پیوند", "در همین زمینه", "در این زمینه", "در همین رابطه", "در این رابطه", "در همین باره",
              "در این باره", "در ادامه", "در پایان", "در ادامه نیز", "در پایان نیز", "از سوی دیگر نیز",
              "هر چند", "اگر چه")
}  # fmt: skip

#: Words a speaker's title or body starts with: where a speaker starts after an adjunct («در ادامه X گفت»).
_SPEAKER_HEADS = set(
    "رئیس رییس رهبر وزیر معاون سخنگوی سخنگو مدیر مدیرعامل دبیر دبیرکل استاندار فرماندار شهردار سفیر نماینده "
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


#: Words of a time adverb that opens a sentence before its subject: «کمی قبل از آن», «حدود یک هفته پیش».
_TIME_WORDS = frozenset(
    "حدود تقریبا تقریباً کمی مدتی ساعاتی دقایقی لحظاتی چندی روزها هفته‌ها ماه‌ها سال‌ها یک دو سه چهار پنج شش "
    "هفت هشت نه ده چند چندین هفته روز ماه سال ساعت دقیقه".split()
)
_TIME_AFTER = frozenset(("قبل", "پیش", "بعد", "پس"))


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
