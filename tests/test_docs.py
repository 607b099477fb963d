"""The documentation: the site builds in strict mode, its Persian reads right-to-left, and the README stays short.

The site build (``make docs``) is checked here without a browser: Persian blocks must carry ``dir="rtl"``
in the HTML. How a page looks was checked by eye with a headless browser's screenshot, not by this test.
"""

import importlib.util
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PERSIAN = re.compile("[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
LATIN = re.compile("[A-Za-z]")


def _module(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Blocks(HTMLParser):
    """Each block element's text, split into what is inside an element marked dir="rtl" (the block itself, one
    around it, or an inline span) and what is not."""

    BLOCKS = frozenset({"p", "li", "td", "th", "blockquote", "pre", "h1", "h2", "h3", "h4"})
    VOID = frozenset({"br", "img", "hr", "input", "meta", "link", "source", "wbr", "col", "area", "base", "embed"})

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, bool]] = []  # (tag, rtl here or above)
        self.open: list[list] = []  # [tag, rtl text, other text] of the block elements being read
        self.blocks: list[tuple[str, str, str]] = []  # (tag, rtl text, other text)

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        rtl = dict(attrs).get("dir") == "rtl" or (bool(self.stack) and self.stack[-1][1])
        self.stack.append((tag, rtl))
        if tag in self.BLOCKS:
            self.open.append([tag, [], []])

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        while self.stack:
            t, _ = self.stack.pop()
            if t in self.BLOCKS and self.open and self.open[-1][0] == t:
                name, rtl, other = self.open.pop()
                self.blocks.append((name, "".join(rtl), "".join(other)))
            if t == tag:
                break

    def handle_data(self, data):
        rtl = bool(self.stack) and self.stack[-1][1]
        for block in self.open:
            block[1 if rtl else 2].append(data)


def blocks(html: str) -> list[tuple[str, str, str]]:
    """``(tag, text marked right-to-left, text not marked)`` of every block element of ``html``."""
    parser = Blocks()
    parser.feed(html)
    return parser.blocks


def persian(text: str) -> bool:
    """Mostly Persian: more Persian letters than Latin ones, and some."""
    p = len(PERSIAN.findall(text))
    return p >= 10 and p > 2 * len(LATIN.findall(text))


# -- the README ------------------------------------------------------------------------------------------


def test_readme_is_short_and_opens_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) < 150
    assert "```sh\nmake demo   #" in readme.split("##")[0] and "\nmake test   #" in readme.split("##")[0]
    assert (ROOT / "docs" / "images" / "04_seed_claim_matrix.png").exists()
    assert "docs/images/04_seed_claim_matrix.png" in readme


def test_every_module_has_an_api_page():
    """A new module gets its page (one ``::: toolkit.NAME`` each, listed in mkdocs.yml)."""
    modules = {p.stem for p in (ROOT / "toolkit").glob("*.py") if not p.stem.startswith("_")}
    modules |= {p.name for p in (ROOT / "toolkit").iterdir() if (p / "__init__.py").exists()}
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for name in modules:
        page = ROOT / "docs" / "api" / f"{name}.md"
        assert page.exists(), f"docs/api/{name}.md"
        assert f"::: toolkit.{name}" in page.read_text(encoding="utf-8")
        assert f"api/{name}.md" in nav


# -- the hook that isolates inline Persian -----------------------------------------------------------------


def test_inline_persian_is_isolated_and_code_blocks_are_not_touched():
    rtl = _module(ROOT / "docs" / "_ext" / "rtl.py")
    html = (
        "<p>the wrapper, Aran News («به گزارش آران\nنیوز:»); «از X خبر داد» complements.</p>"
        '<pre><code>normalize("کردهاند")</code></pre>'
        "<table><tr><td>یک منبع دولتی</td><td><code>RT</code></td></tr></table>"
        '<div dir="rtl"><p>گفت، اعلام کرد</p></div>'
    )
    out = rtl.isolate(html)
    assert '(<span dir="rtl">«به گزارش آران\nنیوز:»</span>)' in out  # the colon and «» stay inside
    assert '<span dir="rtl">«از X خبر داد»</span> complements' in out
    assert '<pre><code>normalize("کردهاند")</code></pre>' in out
    assert '<td dir="rtl">یک منبع دولتی</td>' in out
    assert '<div dir="rtl"><p>گفت، اعلام کرد</p></div>' in out
    assert rtl.isolate("<p>only English, <code>x</code>.</p>") == "<p>only English, <code>x</code>.</p>"


# -- the site ----------------------------------------------------------------------------------------------


def build_site(out: Path) -> None:
    for name in ("mkdocs", "material", "mkdocstrings", "mkdocs_jupyter"):
        pytest.importorskip(name, reason="the docs extra (make setup installs it)")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]


@pytest.mark.slow
def test_site_builds_strict_and_its_persian_reads_right_to_left(tmp_path):
    """One build (about 20 s), every check on it: pages, includes, docstrings, and dir="rtl" on Persian."""
    build_site(tmp_path)
    pages = ["", "install", "benchmarks", "changelog", "api", "api/zwnj", "notebooks/04_claim_comparison"]
    pages += [f"guide/{g}" for g in ("normalization", "zwnj", "topics", "keywords", "attribution", "claims")]
    pages += [f"guide/{g}" for g in ("scaling", "data", "robustness")]
    for page in pages:
        assert (tmp_path / page / "index.html").exists(), page
    # the benchmark tables came through the include, and the API pages have the docstrings
    assert "93.5%" in (tmp_path / "benchmarks" / "index.html").read_text(encoding="utf-8")
    assert "ZwnjRestorer" in (tmp_path / "api" / "zwnj" / "index.html").read_text(encoding="utf-8")

    # every Persian block of the Persian-heavy pages is right-to-left (code blocks: by the CSS, line by line):
    # its Persian is inside an element marked dir="rtl", the block itself or, in an English sentence, a span
    for page in ("guide/attribution", "guide/claims", "guide/normalization", "guide/topics", "guide/zwnj"):
        html = (tmp_path / page / "index.html").read_text(encoding="utf-8")
        assert any(persian(rtl) for _, rtl, _ in blocks(html)), f"{page} has Persian blocks marked rtl"
        wrong = [(tag, other[:60]) for tag, _, other in blocks(html) if tag != "pre" and persian(other)]
        assert not wrong, f"{page}: Persian blocks without dir=rtl: {wrong}"
    css = (tmp_path / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    assert re.search(r"pre > code \{\s*unicode-bidi: plaintext", css)

    # the scheme page: its worked example and its cue list are marked, inline Persian is isolated
    html = (tmp_path / "guide" / "attribution" / "index.html").read_text(encoding="utf-8")
    rtl_text = " ".join(rtl for _, rtl, _ in blocks(html))
    assert "به گزارش آران نیوز: یک منبع دولتی در عراق اعلام کرد" in rtl_text
    assert "گفت، اعلام کرد، افزود" in rtl_text
    assert '<span dir="rtl">«به گزارش آران' in html
