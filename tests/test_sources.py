import re
import time
from importlib import resources

import pytest

from toolkit import datasets, normalize, sources
from toolkit.sources import canonical, clean_name, find_outlets, outlet_for_url, outlets, resolve

REQUIRED = [
    "IRNA", "ISNA", "Fars News Agency", "Tasnim News Agency", "Mehr News Agency", "IRIB", "Press TV", "Al-Alam",
    "Al Jazeera", "Al Arabiya", "Sputnik", "BBC", "Reuters", "AFP", "Associated Press", "CNN", "Anadolu Agency",
    "Aran News", "RT", "Al Mayadeen", "Rudaw",
]  # fmt: skip


def test_registry_shape_and_provenance():
    reg = outlets()
    assert len(reg) >= 400
    assert set(REQUIRED) <= set(reg["name"])
    assert reg["name"].is_unique
    allowed = {"state-owned", "public", "state-affiliated", "party-affiliated", "private", "cooperative",
               "non-profit", "unknown"}  # fmt: skip
    assert set(reg["ownership"]) <= allowed
    for r in reg.itertuples():
        assert r.source, f"{r.name} has no source"
        assert r.source.startswith("https://") or r.name == "Aran News", r.name
        assert r.aliases, r.name
        assert set(r.context_only) <= set(r.aliases), r.name
    header = resources.files("toolkit").joinpath("resources/outlets.tsv").read_text(encoding="utf-8")
    assert header.startswith("# Outlet registry") and "Provenance" in header


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("راشا تودی", "RT"),
        ("روسیا الیوم", "RT"),
        ("آر تی", "RT"),
        ("RT", "RT"),
        ("Russia Today", "RT"),
        ("المیادین", "Al Mayadeen"),
        ("الميادين", "Al Mayadeen"),
        ("رووداو", "Rudaw"),
        ("روداو", "Rudaw"),
        ("شبکه «رووداو»", "Rudaw"),
        ("آران نیوز", "Aran News"),
        ("آراننیوز", "Aran News"),
        ("خبرگزاری فارس", "Fars News Agency"),
        ("خبرگزاري فارس", "Fars News Agency"),
        ("بی بی سی", "BBC"),
        ("بیبیسی", "BBC"),
        ("بی‌بی‌سی فارسی", "BBC Persian"),
        ("پایگاه خبری تابناک", "Tabnak"),
        ("خبرگزاری رسمی سوریه", "SANA"),
        ("the guardian", "The Guardian"),
        ("ایرنا", "IRNA"),
    ],
)
def test_canonical(name, expected):
    assert canonical(name) == expected


@pytest.mark.parametrize("name", ["", "   ", "خبرگزاری ناشناس", "وزیر امور خارجه", None, 12])
def test_canonical_unknown(name):
    assert canonical(name) is None


def test_ambiguous_aliases_need_context():
    text = normalize("خبرگزاری فارس در استان فارس؛ به گزارش مهر در مهر ماه؛ به نقل از تایمز، نیویورک تایمز")
    found = [(m.text, m.name) for m in find_outlets(text)]
    assert found == [
        ("خبرگزاری فارس", "Fars News Agency"),
        ("مهر", "Mehr News Agency"),
        ("تایمز", "The Times"),
        ("نیویورک تایمز", "The New York Times"),
    ]


def test_mentions_index_the_text_and_respect_word_boundaries():
    text = normalize("گزارش وام‌ها، آرنا و CNN، cnn، AP و ap؛ به گزارش ایسنا به نقل از رویترز")
    found = find_outlets(text)
    assert [m.name for m in found] == ["CNN", "Associated Press", "ISNA", "Reuters"]  # acronyms in capitals only
    for m in found:
        assert text[m.start : m.end] == m.text


def test_every_alias_finds_its_outlet():
    for r in outlets().itertuples():
        for alias in r.aliases:
            if alias in r.context_only:
                continue
            text = normalize(f"به گزارش {alias}، امروز")
            names = [m.name for m in find_outlets(text)]
            assert r.name in names, (alias, names)


def test_no_alias_is_shared_and_keys_are_nonempty():
    names, *_ = sources._index()
    assert len(names) > len(outlets())
    assert all(re.fullmatch(r"\w+", k) for k in names)


# --- the grown registry -----------------------------------------------------------------------------------

WIRES_AND_REGIONS = [
    # wires
    "ANSA", "EFE", "Yonhap", "Press Trust of India", "Asian News International", "United News of India", "Bernama",
    "Antara", "Xinhua", "TASS", "RIA Novosti", "Interfax", "Sputnik", "Anadolu Agency", "Ihlas News Agency",
    "Demirören News Agency", "Middle East News Agency", "SANA", "Saudi Press Agency", "WAM", "Qatar News Agency",
    "KUNA", "Bahrain News Agency", "Oman News Agency", "Petra", "National News Agency (Lebanon)",
    "Algeria Press Service", "Maghreb Arabe Presse", "Tunis Afrique Presse", "Iraqi News Agency", "Tanjug",
    # Arab
    "Al Jazeera English", "Al Jazeera Mubasher", "Al Hadath", "Al-Ahed", "Al Akhbar (Lebanon)", "Al-Hayat", "LBCI",
    "MTV Lebanon", "OTV (Lebanon)", "Al Jadeed", "Al Masirah", "Saba News Agency", "Al Iraqiya", "Dijlah TV",
    "Baghdad Today", "Shafaq News", "Al Mirbad", "Al Forat TV", "Afaq TV", "Al Ahd TV", "NRT", "Kurdsat",
    "Kurdistan TV", "Al-Watan (Syria)", "Al-Watan (Saudi Arabia)", "Al-Watan (Qatar)", "Al-Thawra", "Tishreen",
    "Al-Ahram", "Al-Masry Al-Youm", "Youm7", "Okaz", "Al Riyadh", "Al-Rai (Kuwait)", "Al-Qabas", "Al Khaleej",
    "The National (Abu Dhabi)", "Gulf News", "Al Bayan", "Al-Sharq (Qatar)", "Al-Raya", "Arab News", "The New Arab",
    "Elaph", "Al-Quds", "Ma'an News Agency", "Palestine TV", "Al-Aqsa TV", "Safa News Agency", "Al-Resalah",
    # Turkish, Israeli, Russian
    "TRT World", "Sabah", "Milliyet", "Cumhuriyet", "Yeni Şafak", "NTV (Turkey)", "CNN Türk", "Habertürk",
    "Maariv", "Israel Hayom", "Channel 12 (Israel)", "Channel 13 (Israel)", "Channel 14 (Israel)", "Kan",
    "i24NEWS", "Army Radio", "Walla", "Globes", "RBC", "Kommersant", "Izvestia", "Rossiyskaya Gazeta", "Pravda",
    "NTV (Russia)", "Channel One Russia", "Russia-24", "Zvezda", "Lenta.ru", "Moskovsky Komsomolets",
    "Nezavisimaya Gazeta", "Vedomosti",
    # Chinese, South Asian, Japanese, Korean
    "CGTN", "CCTV", "People's Daily", "China Daily", "South China Morning Post", "Dawn", "Geo News", "ARY News",
    "The Express Tribune", "The News International", "PTV", "The Times of India", "Hindustan Times", "The Hindu",
    "NDTV", "India Today", "The Indian Express", "TOLOnews", "Pajhwok Afghan News", "Ariana News", "Khaama Press",
    "BBC Pashto", "Asahi Shimbun", "Yomiuri Shimbun", "Mainichi Shimbun", "Nikkei", "KBS", "Chosun Ilbo",
    # Western
    "MSNBC", "NPR", "PBS", "VOA Persian", "Radio Free Europe/Radio Liberty", "Manoto", "DW Persian", "RFI",
    "Libération", "Frankfurter Allgemeine Zeitung", "Süddeutsche Zeitung", "Die Welt", "Die Zeit",
    "Corriere della Sera", "La Repubblica", "El País", "El Mundo", "The Observer", "The Sunday Times", "The Sun",
    "Los Angeles Times", "The Atlantic", "The New Yorker", "Foreign Policy", "Foreign Affairs",
    "The National Interest", "Washington Free Beacon", "Breitbart News", "HuffPost", "Vox",
    # Iranian
    "ILNA", "IBNA", "IQNA", "Shabestan News Agency", "Hawzah News Agency", "ANA (Iran)", "Nournews", "Sepah News",
    "Dana News Agency", "Borna News Agency", "Pana News Agency", "Moj News Agency", "Rasa News Agency",
    "Hamshahri Online", "Ettela'at", "Javan", "Resalat", "Ebtekar", "Arman-e Melli", "Aftab-e Yazd",
    "Jomhouri-e Eslami", "Tejarat News", "Eghtesad News", "Entekhab", "Asr Iran", "Fararu", "Alef", "Jahan News",
    "Raja News", "Mashregh News", "Nasim News Agency", "Didban Iran", "Eghtesad Online", "Bultan News", "Rouydad24",
    "Khabarfoori", "iFilm", "Sahar TV",
]  # fmt: skip


def test_registry_covers_the_worlds_media():
    reg = outlets()
    assert len(reg) >= 400
    missing = set(WIRES_AND_REGIONS) - set(reg["name"])
    assert not missing
    for r in reg.itertuples():
        assert r.source.startswith("https://") or r.name == "Aran News", r.name
        assert r.kind in {"news agency", "broadcaster", "newspaper", "website", "magazine"}, r.name
        assert r.language and (r.country or r.name == "Aran News"), r.name


def test_no_alias_names_two_outlets():
    owner: dict[str, str] = {}
    for r in outlets().itertuples():
        for alias in [r.name, *r.aliases]:
            k = sources._key(alias)
            assert owner.setdefault(k, r.name) == r.name, (alias, owner[k], r.name)
    # a name several outlets share is no outlet's alias: the country beside it decides
    assert canonical("الوطن") is None


@pytest.mark.parametrize(
    ("latin", "expected"),
    [("Fars", "Fars News Agency"), ("Tasnim", "Tasnim News Agency"), ("Mehr", "Mehr News Agency"),
     ("AP", "Associated Press"), ("AFP", "AFP"), ("YJC", "Young Journalists Club"), ("Al Jazeera", "Al Jazeera"),
     ("IRNA", "IRNA"), ("Reuters", "Reuters"), ("Xinhua", "Xinhua"), ("Yonhap", "Yonhap"), ("Kyodo", "Kyodo News"),
     ("TASS", "TASS"), ("RIA Novosti", "RIA Novosti"), ("Anadolu", "Anadolu Agency"), ("LBCI", "LBCI"),
     ("Haaretz", "Haaretz"), ("Dawn", "Dawn"), ("Tolo News", "TOLOnews"), ("Press TV", "Press TV")],
)  # fmt: skip
def test_short_english_names(latin, expected):
    assert canonical(latin) == expected


# Mentions as Persian news writes them: outlet words, nationalities, countries and places around the name,
# variant transliterations, and one-letter misspellings of long names.
MENTIONS = [
    # an outlet's desk before it; «بخش فارسی صدای آمریکا» is an outlet of its own
    ("گروه بین‌الملل خبرگزاری فارس", "Fars News Agency"),
    ("گروه رسانه‌های دیگر آنا", "ANA (Iran)"),
    ("سرویس سیاسی ایسنا", "ISNA"),
    ("بخش فارسی صدای آمریکا", "VOA Persian"),
    # the examples of ANNOTATION.md and issue 18
    ("شبکه خبری ال‌بی‌سی لبنان", "LBCI"),
    ("خبرگزاری اینترفکس روسیه از مسکو", "Interfax"),
    ("خبرگزاری اینترفکس روسیه", "Interfax"),
    ("روزنامه الحیات", "Al-Hayat"),
    ("نشریه آبزرور", "The Observer"),
    ("شبکه ژاپنی ان اچ کی", "NHK"),
    ("رادیو ارتش رژیم صهیونیستی", "Army Radio"),
    ("سوم‌ریه نیوز", "Alsumaria"),
    ("السومرية نيوز", "Alsumaria"),
    ("آسوشیترپرس", "Associated Press"),
    ("آسوشيترپرس", "Associated Press"),
    ("آسوشیئیتدپرس", "Associated Press"),
    ("آسوشیتد پرس", "Associated Press"),
    ("روسیه الیوم", "RT"),
    ("آر.تی", "RT"),
    ("آرتی عربی", "RT"),
    # wires
    ("خبرگزاری آسوشیتد پرس آمریکا", "Associated Press"),
    ("خبرگزاری رویترز انگلیس", "Reuters"),
    ("خبرگزاری فرانسه از پاریس", "AFP"),
    ("خبرگزاری آلمانی دی پی آ", "dpa"),
    ("خبرگزاری یونهاپ کره جنوبی", "Yonhap"),
    ("خبرگزاری کیودو ژاپن", "Kyodo News"),
    ("خبرگزاری شینهوا چین", "Xinhua"),
    ("خبرگزاری ریانووستی روسیه", "RIA Novosti"),
    ("خبرگزاری آناتولی ترکیه", "Anadolu Agency"),
    ("خبرگزاری رسمی سوریه (سانا)", "SANA"),
    ("خبرگزاری رسمی عربستان سعودی (واس)", "Saudi Press Agency"),
    ("خبرگزاری برناما", "Bernama"),
    # Arab
    ("شبکه تلویزیونی الجزیره قطر", "Al Jazeera"),
    ("شبکه الحدث", "Al Hadath"),
    ("شبکه لبنانی المیادین", "Al Mayadeen"),
    ("شبکه تلویزیونی المنار وابسته به حزب‌الله", "Al-Manar"),
    ("روزنامه لبنانی الاخبار", "Al Akhbar (Lebanon)"),
    ("روزنامه الشرق الاوسط چاپ لندن", "Asharq Al-Awsat"),
    ("روزنامه فرامنطقه‌ای القدس العربی", "Al-Quds Al-Arabi"),
    ("پایگاه خبری رای الیوم", "Rai al-Youm"),
    ("شبکه المسیره یمن", "Al Masirah"),
    ("روزنامه سوری الوطن", "Al-Watan (Syria)"),
    ("روزنامه الوطن چاپ قطر", "Al-Watan (Qatar)"),
    ("روزنامه سعودی عکاظ", "Okaz"),
    ("روزنامه کویتی الجریده", "Al-Jarida"),
    ("شبکه عراقی العهد", "Al Ahd TV"),
    ("پایگاه خبری العهد", "Al-Ahed"),
    ("روزنامه مصری الاهرام", "Al-Ahram"),
    # Turkish, Israeli, Russian
    ("روزنامه ترکیه‌ای صباح", "Sabah"),
    ("روزنامه ینی شفق", "Yeni Şafak"),
    ("شبکه سی ان ان ترک", "CNN Türk"),
    ("شبکه ترکیه‌ای سی‌ان‌ان", "CNN Türk"),
    ("روزنامه صهیونیستی هاآرتص", "Haaretz"),
    ("روزنامه عبری‌زبان یدیعوت آحارونوت", "Yedioth Ahronoth"),
    ("شبکه ۱۲ تلویزیون رژیم صهیونیستی", "Channel 12 (Israel)"),
    ("کانال 13 اسرائیل", "Channel 13 (Israel)"),
    ("روزنامه اسرائیلی معاریو", "Maariv"),
    ("روزنامه روسی کومرسانت", "Kommersant"),
    ("روزنامه روسیسکایا گازتا", "Rossiyskaya Gazeta"),
    ("شبکه زوزدا وابسته به وزارت دفاع روسیه", "Zvezda"),
    # China, South Asia, Japan
    ("روزنامه چینی گلوبال تایمز", "Global Times"),
    ("روزنامه ساوت چاینا مورنینگ پست", "South China Morning Post"),
    ("روزنامه پاکستانی داون", "Dawn"),
    ("روزنامه پاکستانی نیشن", "The Nation (Pakistan)"),
    ("شبکه جیو نیوز پاکستان", "Geo News"),
    ("روزنامه هندی تایمز آو ایندیا", "The Times of India"),
    ("شبکه ان دی تی وی هند", "NDTV"),
    ("تلویزیون طلوع نیوز", "TOLOnews"),
    ("خبرگزاری پژواک افغانستان", "Pajhwok Afghan News"),
    ("روزنامه ژاپنی آساهی شیمبون", "Asahi Shimbun"),
    # West
    ("روزنامه آمریکایی نیویورک تایمز", "The New York Times"),
    ("روزنامه انگلیسی گاردین", "The Guardian"),
    ("مجله آمریکایی فارن پالیسی", "Foreign Policy"),
    ("پایگاه آمریکایی واشنگتن فری بیکن", "Washington Free Beacon"),
    ("روزنامه فرانسوی لوفیگارو", "Le Figaro"),
    ("نشریه آلمانی اشپیگل", "Der Spiegel"),
    ("روزنامه ایتالیایی کوریره دلا سرا", "Corriere della Sera"),
    ("روزنامه اسپانیایی ال پائیس", "El País"),
    ("بخش فارسی صدای آمریکا", "VOA Persian"),
    ("شبکه فارسی‌زبان ایران اینترنشنال", "Iran International"),
    # Iran
    ("باشگاه خبرنگاران جوان", "Young Journalists Club"),
    ("روزنامه جمهوری اسلامی", "Jomhouri-e Eslami"),
    ("خبرگزاری جمهوری اسلامی ایران", "IRNA"),
    ("پایگاه خبری تحلیلی عصر ایران", "Asr Iran"),
    ("وبگاه خبری تابناک", "Tabnak"),
    ("روزنامه اطلاعات", "Ettela'at"),
    ("خبرگزاری کار ایران (ایلنا)", "ILNA"),
    ("شبکه خبر", "IRINN"),
    # Iranian outlets the bundled corpora cite that the registry lacked until 2026-12 (as the corpora write them)
    ("خبرگزاری خانه ملت", "ICANA"),
    ("خبرگزاری دانشجو", "Student News Network"),
    ("خبرگزاری ایمنا", "IMNA"),
    ("پایگاه اطلاع‌رسانی دولت", "Dolat.ir"),
    ("سایت دیپلماسی ایرانی", "Iranian Diplomacy"),
    ("خبرگزاری شفقنا", "Shafaqna"),
    ("پایگاه خبری فوتبالی", "Footballi"),
    ("روزنامه قدس", "Qods (newspaper)"),
    # foreign outlets the bundled corpora cite that the registry lacked until 2026-12 (as the corpora write them)
    ("پایگاه خبری بازفید", "BuzzFeed"),
    ("پایگاه خبری آمریکایی اویل پرایس", "OilPrice.com"),
    ("روزنامه الوطن بحرین", "Al-Watan (Bahrain)"),
    ("روزنامه بحرینی الوطن", "Al-Watan (Bahrain)"),
    ("شبکه آمریکایی فاکس بیزینس", "Fox Business"),
    ("پایگاه خبری مارکت واچ", "MarketWatch"),
    ("مجله ادونسد ساینس نیوز", "Advanced Science News"),
    ("سایت اسکرین رنت", "Screen Rant"),
    ("نشریه اسکرین", "Screen International"),
    ("سایت تی ان آرژانتین", "Todo Noticias"),
    ("خبرگزاری اعماق وابسته به داعش", "Amaq News Agency"),
    ("وبگاه اسرائیلی عاروتص شوع", "Arutz Sheva"),
    ("روزنامه صهیونیستی آحارانوت", "Yedioth Ahronoth"),
    ("شبکه ایتالیایی مدیاست", "Mediaset"),
    ("پایگاه خبری پاکستانی اردو پوینت", "UrduPoint"),
    # one letter off a long name
    ("فارین پالسی", "Foreign Policy"),
    ("واشنگتن پسست", "The Washington Post"),
    ("اینترفاکسس", "Interfax"),
    ("الجزیرره", "Al Jazeera"),
    ("یدیعوت آحارونت", "Yedioth Ahronoth"),
    ("نیویورک تایمزز", "The New York Times"),
    ("روزنامه فایننشال تامیز", "Financial Times"),  # two letters swapped
]


@pytest.mark.parametrize(("mention", "expected"), MENTIONS)
def test_descriptors_and_misspellings(mention, expected):
    assert canonical(mention) == expected
    assert resolve(mention) == (expected, True)


@pytest.mark.parametrize(
    "misspelt",
    [
        "فاس نیوز",  # one letter from both «فارس نیوز» and «فاکس نیوز»: no guess
        "سی بی س نیوز",  # CBC News or CBS News
        "رویتزر",  # «رویترز» has 6 letters: too short to guess
        "اکسپرس",  # one letter from «لاکسپرس», but 6 letters
    ],
)
def test_misspellings_are_matched_only_when_unambiguous(misspelt):
    assert canonical(misspelt) is None


ANAPHORS = [
    "این شبکه", "همین شبکه", "این روزنامه", "همین روزنامه", "این خبرگزاری", "همین خبرگزاری", "این رسانه",
    "این شبکه تلویزیونی", "همین شبکه خبری", "آن روزنامه", "همان روزنامه", "روزنامه مذکور", "شبکه یادشده",
    "این پایگاه خبری", "یک رسانه عربی", "یک روزنامه انگلیسی", "برخی رسانه‌ها", "رسانه‌های غربی", "رسانه های عبری",
    "این رسانه آمریکایی", "شبکه‌های عربی", "خبرگزاری", "«این شبکه»",
]  # fmt: skip


@pytest.mark.parametrize("anaphor", ANAPHORS)
def test_anaphors_and_unnamed_outlets_are_not_names(anaphor):
    assert canonical(anaphor) is None
    assert resolve(anaphor) == ("", False)
    assert find_outlets(normalize(f"به گزارش {anaphor}، {anaphor} خبر داد که")) == []


def test_anaphors_name_nothing_in_running_text():
    text = normalize("این شبکه خبر داد که همین روزنامه ایران را متهم کرد؛ شبکه خبر داد؛ به گزارش شبکه خبر، امروز")
    assert [(m.text, m.name) for m in find_outlets(text)] == [("شبکه خبر", "IRINN")]
    # a registered name after the anaphor still counts
    assert [m.name for m in find_outlets("این شبکه المیادین گزارش داد")] == ["Al Mayadeen"]


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        ("شبکه خبری فلان لبنان", "فلان"),
        ("روزنامه بهمان چاپ لندن", "بهمان"),
        ("خبرگزاری ناشناس روسیه از مسکو", "ناشناس"),
        ("پایگاه خبری تحلیلی فلان‌نیوز", "فلان\u200cنیوز"),
        ("روزنامه آمریکایی فلان پست", "فلان پست"),
        ("«فلان»", "فلان"),
        ("روزنامه الصباح الجدید عراق", "الصباح الجدید"),
    ],
)
def test_unknown_outlets_get_clean_names(mention, name):
    assert canonical(mention) is None
    assert resolve(mention) == (name, False)
    assert clean_name(mention) == name


def test_shared_names_need_a_country():
    assert canonical("الوطن سوریه") == "Al-Watan (Syria)"
    assert canonical("روزنامه سعودی الوطن") == "Al-Watan (Saudi Arabia)"
    assert canonical("روزنامه الوطن") is None and resolve("روزنامه الوطن") == ("الوطن", False)
    found = find_outlets(normalize("روزنامه قطری الوطن نوشت و روزنامه الوطن سوریه افزود؛ روزنامه الوطن گفت"))
    assert [m.name for m in found] == ["Al-Watan (Qatar)", "Al-Watan (Syria)"]


def test_ordinary_words_need_context():
    text = normalize("در ماه تشرین و در مسجد الاقصی؛ به گزارش روزنامه تشرین و شبکه الاقصی")
    assert [m.name for m in find_outlets(text)] == ["Tishreen", "Al-Aqsa TV"]
    # an ordinary-word alias does not name an outlet of another country: «اسپورت لهستان» is not Spain's Sport
    assert canonical("اسپورت لهستان") is None


def test_mentions_keep_offsets_across_zwnjs():
    text = "به گزارش روی\u200cترز و بی\u200cبی\u200cسی فارسی؛ خبرگزاری آسوشیتد\u200cپرس"
    found = find_outlets(text)
    assert [m.name for m in found] == ["Reuters", "BBC Persian", "Associated Press"]
    for m in found:
        assert text[m.start : m.end] == m.text


def test_lookups_are_fast():
    """Misspelt names go through the precomputed deletion index, not a scan of every alias."""
    names = [f"{a}{b}" for a in ("فارین پالسی", "واشنگتن پسست", "نامعلوم‌نیوز") for b in range(400)]
    t = time.process_time()
    found = [sources._resolve.__wrapped__(n) for n in names]
    assert time.process_time() - t < 5
    assert len(found) == len(names)


def test_find_outlets_is_linear():
    text = normalize(" ".join(datasets.load_seeds().text) + " ")
    text = (text * (200_000 // len(text) + 1))[:200_000]
    find_outlets(text[:1000])  # build the index first

    def best(t: str) -> float:
        times = []
        for _ in range(3):
            start = time.process_time()
            find_outlets(t)
            times.append(time.process_time() - start)
        return min(times)

    one, four = best(text), best(text * 4)
    assert four < 8 * one, (one, four)


# --- domains ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url, name",
    [
        ("https://arabic.rt.com/world/1701234-x/", "RT"),
        ("https://www.rt.com/news/1", "RT"),
        ("https://www.isna.ir/news/1403020100001/", "ISNA"),
        ("http://en.isna.ir/news/1", "ISNA"),
        ("https://www.farsnews.ir/news/14030201000123", "Fars News Agency"),
        ("https://www.almayadeen.net/news/politics/x", "Al Mayadeen"),
        ("https://english.almayadeen.net/news/x", "Al Mayadeen"),
        ("https://www.rudaw.net/arabic/middleeast/iraq/010520241", "Rudaw"),
        ("https://ir.voanews.com/a/123.html", "VOA Persian"),
        ("https://www.voanews.com/a/123.html", "Voice of America"),
        ("https://www.bbc.com/persian/articles/c0", "BBC Persian"),
        ("https://www.bbc.co.uk/persian", "BBC Persian"),
        ("https://www.bbc.com/persianx/x", "BBC"),  # a path prefix matches whole segments only
        ("https://WWW.BBC.COM/Arabic/x", "BBC Arabic"),
        ("https://www.dw.com/fa-ir/x/a-1", "DW Persian"),
        ("https://www.dw.com/en/x/a-1", "Deutsche Welle"),
        ("https://www.nytimes.com/athletic/123/", "The Athletic"),
        ("https://www.nytimes.com/2025/01/01/world/x.html", "The New York Times"),
        ("https://mubasher.aljazeera.net/news/x", "Al Jazeera Mubasher"),
        ("https://www.aljazeera.net/news/x", "Al Jazeera"),
        ("https://www.aljazeera.com/news/x", "Al Jazeera English"),
        ("https://www.aa.com.tr/ar/x", "Anadolu Agency"),
        ("https://www.ynetnews.com/article/x", "Yedioth Ahronoth"),
        ("tasnimnews.com", "Tasnim News Agency"),
        ("https://tass.com:443/world/1", "TASS"),
    ],
)
def test_outlet_for_url(url, name):
    assert outlet_for_url(url) == name


@pytest.mark.parametrize(
    "url",
    ["", None, "https://example.org/x", "file:///tmp/isna.ir/a.html", "http://127.0.0.1:8000/", "https://notrt.com/"],
)
def test_outlet_for_url_unknown(url):
    assert outlet_for_url(url) is None


def test_domains_cover_the_most_cited_outlets_and_name_one_outlet_each():
    reg = outlets()
    with_domains = reg[reg.domains.map(len) > 0]
    assert len(with_domains) >= 150
    wires = {"Reuters", "AFP", "Associated Press", "Anadolu Agency", "IRNA", "ISNA", "Tasnim News Agency", "RT"}
    assert wires <= set(with_domains.name)
    seen = {}
    for r in with_domains.itertuples():
        for d in r.domains:
            assert d == d.lower() and "://" not in d and not d.startswith("www."), d
            assert seen.setdefault(d, r.name) == r.name, d
