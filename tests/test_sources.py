import re
from importlib import resources

import pytest

from toolkit import normalize, sources
from toolkit.sources import canonical, find_outlets, outlets

REQUIRED = [
    "IRNA", "ISNA", "Fars News Agency", "Tasnim News Agency", "Mehr News Agency", "IRIB", "Press TV", "Al-Alam",
    "Al Jazeera", "Al Arabiya", "Sputnik", "BBC", "Reuters", "AFP", "Associated Press", "CNN", "Anadolu Agency",
    "Aran News", "RT", "Al Mayadeen", "Rudaw",
]  # fmt: skip


def test_registry_shape_and_provenance():
    reg = outlets()
    assert len(reg) >= 50
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
