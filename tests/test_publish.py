"""Publishing the seed regulation: files, anchors, term highlights, and the page in a browser."""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, SCHEMAS
from lextm.formats.po import read_po
from lextm.formats.text import render_text
from lextm.project import load_project
from lextm.publishing import publish_version

DOC = "xizang-network-communications"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed")


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled project's seed regulation published into a fresh folder."""
    out = tmp_path_factory.mktemp("publish")
    publish_version(load_project(ROOT), DOC, out)
    return out


def _page(folder: Path, suffix: str) -> Path:
    return next(folder.glob(f"*{suffix}"))


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.terms: list[dict[str, str | None]] = []
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.append(str(found["id"]))
        if "term" in (found.get("class") or "").split():
            self.terms.append(found)
        if tag in ("link", "script", "img") and (found.get("src") or found.get("href")):
            self.external.append(tag)


def test_files_written(published: Path) -> None:
    """HTML, Markdown, both texts, TMX and line-aligned text are written."""
    names = sorted(p.name.split("-2021-12-03")[1] for p in published.iterdir())
    assert names == ["-tm.tmx", ".en", ".en.txt", ".html", ".md", ".zh", ".zh.txt"]


def test_line_aligned_corpus_pairs_up(published: Path) -> None:
    """The line-aligned files pair up line for line."""
    zh = _page(published, "-2021-12-03.zh").read_text(encoding="utf-8").splitlines()
    en = _page(published, "-2021-12-03.en").read_text(encoding="utf-8").splitlines()
    assert len(zh) == len(en) == 90 and zh[0] == "西藏自治区网络通信活动管理规定"


@pytest.mark.skipif(
    shutil.which("xmllint") is None or not (SCHEMAS / "tmx14.dtd").is_file(),
    reason="xmllint or the shared TMX DTD not available",
)
def test_published_tmx_passes_the_dtd(published: Path) -> None:
    """The published TMX passes the TMX 1.4 DTD."""
    dtd, tmx = SCHEMAS / "tmx14.dtd", _page(published, ".tmx")
    run = subprocess.run(["xmllint", "--noout", "--nonet", "--dtdvalid", str(dtd), str(tmx)])
    assert run.returncode == 0


def test_anchors_and_term_highlights(published: Path) -> None:
    """Every article has an art-N anchor; glossary terms carry their renderings on hover."""
    collector = _Collector()
    collector.feed(_page(published, ".html").read_text(encoding="utf-8"))
    assert [i for i in collector.ids if i.startswith("art-")] == [f"art-{n}" for n in range(1, 19)]
    titles = {t.get("data-concept"): t.get("title") for t in collector.terms}
    assert titles["cyberspace-department"] is not None
    assert "cyberspace department" in str(titles["cyberspace-department"])
    assert collector.external == []  # self-contained


def test_english_text_is_the_translation(published: Path) -> None:
    """The plain English text is the translation laid out as the law is."""
    doc, _ = read_po(ROOT / "tm" / DOC / "2021-12-03.po")
    text = _page(published, ".en.txt").read_text(encoding="utf-8")
    assert text == render_text(doc, "target")
    assert text.startswith("Provisions of the Tibet Autonomous Region")
    assert "Article 18 These Provisions shall come into force on February 1, 2022." in text


def test_markdown_articles(published: Path) -> None:
    """Markdown has a heading per article with its anchor."""
    text = _page(published, ".md").read_text(encoding="utf-8")
    assert len(re.findall(r'^### <a id="art-\d+"></a>Article \d+ · 第', text, re.M)) == 18


_PROBE = """
<script>
(() => {
  const articles = [...document.querySelectorAll('article[id^="art-"]')].map(a => {
    const zh = a.querySelector('.zh'), en = a.querySelector('.en');
    const z = zh.getBoundingClientRect(), e = en.getBoundingClientRect();
    return {id: a.id, zh: zh.textContent.length, en: en.textContent.length,
            zhWidth: z.width, enWidth: e.width, sideBySide: e.left >= z.right};
  });
  const result = {scrollWidth: document.documentElement.scrollWidth,
                  innerWidth: window.innerWidth, articles,
                  cjkFont: document.fonts.check('16px "Noto Sans CJK SC"')};
  const pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = JSON.stringify(result);
  document.body.appendChild(pre);
})();
</script>
"""


def _chromium(*args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--window-size=1280,900",
    ]
    return subprocess.run(
        [CHROMIUM, *flags, *args], capture_output=True, text=True, timeout=120, check=True
    )


@needs_chromium
def test_layout_in_chromium(published: Path, tmp_path: Path) -> None:
    """At 1280 px all 18 articles show both columns side by side, no scrolling, a CJK font."""
    page = _page(published, ".html").read_text(encoding="utf-8")
    probe = tmp_path / "probe.html"
    probe.write_text(page.replace("</body>", _PROBE + "</body>"), encoding="utf-8")
    dom = _chromium(f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", probe.as_uri())
    match = re.search(r'<pre id="probe">(.*?)</pre>', dom.stdout, re.S)
    assert match is not None, dom.stdout[-500:]
    result = json.loads(match.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    assert result["scrollWidth"] <= result["innerWidth"] == 1280
    assert len(result["articles"]) == 18
    for article in result["articles"]:
        assert article["zh"] and article["en"] and article["sideBySide"], article
        assert article["zhWidth"] > 300 and article["enWidth"] > 300, article
    assert result["cjkFont"], "no CJK font: install fonts-noto-cjk"


@needs_chromium
def test_screenshot(published: Path, tmp_path: Path) -> None:
    """A screenshot of the page at 1280 px is a real picture of the right width."""
    shot = tmp_path / "page.png"
    page = _page(published, ".html")
    _chromium(f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}", page.as_uri())
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1280, 900)
    assert len(data) > 50_000  # text on both columns, not a blank page
