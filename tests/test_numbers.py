import pytest
from hypothesis import given
from hypothesis import strategies as st

from toolkit.numbers import overlap, parse_number, quantities

PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("400", 400),
        ("۴۰۰", 400),
        ("٤٠٠", 400),
        ("4,000", 4000),
        ("۴٬۰۰۰", 4000),
        ("۳.۵", 3.5),
        ("۳٫۵", 3.5),
        ("۲/۵", 2.5),
        ("۵۸.۵ میلیون", 58_500_000),
        ("۱۲ هزار", 12_000),
        ("دو هزار و پانصد", 2500),
        ("سیصد و چهل و پنج", 345),
        ("یکصد و بیست", 120),
        ("یک میلیون", 1_000_000),
        ("سه میلیارد", 3e9),
        ("سيصد", 300),  # Arabic yeh
        ("صدهزار", 100_000),  # joined words
        ("۴هزار", 4000),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "منبع", "۴۰۰ نفر", "۱۳۹۸/۰۴/۲۰", "دولت", None])
def test_not_a_number(text):
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("۴۰۰ الی ۵۰۰ نفر", [("۴۰۰ الی ۵۰۰", 400, 500)]),
        ("400 الی 500 نفر", [("400 الی 500", 400, 500)]),
        ("٤٠٠ الى ٥٠٠", [("٤٠٠ الى ٥٠٠", 400, 500)]),
        ("۴۰۰ تا ۵۰۰", [("۴۰۰ تا ۵۰۰", 400, 500)]),
        ("400-500", [("400-500", 400, 500)]),
        ("بین ۴ و ۵ میلیون دلار", [("بین ۴ و ۵ میلیون", 4e6, 5e6)]),
        ("از ۱۰ تا ۲۰ نفر", [("از ۱۰ تا ۲۰", 10, 20)]),
        ("از ۱۰ نفر", [("۱۰", 10, 10)]),
        ("۴ و ۵", [("۴", 4, 4), ("۵", 5, 5)]),  # «و» makes a range only after «بین»
        ("یک منبع و دو طرف", [("دو", 2, 2)]),  # a lone «یک» is an article
        ("ساعت ۱۸:۳۰ روز ۱۳۹۸/۰۴/۲۰", []),  # clock times and dates are not quantities
        ("COVID-19 و G20", []),
        ("دولت سه‌شنبه دهه", []),  # number words inside other words
    ],
)
def test_quantities(text, expected):
    assert [(q.text, q.low, q.high) for q in quantities(text)] == expected


def test_spans_index_the_text():
    text = "گفت که تعداد عناصر داعش ۴۰۰ الی ۵۰۰ نفر و هزینه ۳ میلیون دلار است"
    for q in quantities(text):
        assert text[q.start : q.end] == q.text


def test_overlap():
    a, b, c = quantities("۴۰۰ الی ۵۰۰ و ۴۵۰ و ۶۰۰")
    assert overlap(a, b) and overlap(b, a) and not overlap(a, c)


@given(st.integers(min_value=0, max_value=10**9))
def test_any_script_gives_the_same_value(n):
    latin = str(n)
    grouped = f"{n:,}"
    for text in (latin, latin.translate(PERSIAN), latin.translate(ARABIC), grouped, grouped.translate(PERSIAN)):
        assert parse_number(text) == n
        assert [(q.low, q.high) for q in quantities(f"تعداد {text} نفر")] == [(n, n)]


@given(st.text(alphabet="۰۱۲۳۴۵۶۷۸۹0123456789٠١٢٣٤٥٦٧٨٩ ,./:-صدهزارمیلیونیکدوسهتاالیبینو", max_size=40))
def test_never_fails_on_any_text(text):
    for q in quantities(text):
        assert text[q.start : q.end] == q.text and q.low <= q.high
