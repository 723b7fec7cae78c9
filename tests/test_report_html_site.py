"""plan-report publish: a folder of static pages that works offline and links every record both ways."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

from click.testing import CliRunner

from conftest import EXAMPLES
from khth.cli.report import main

ROOT = "28-CT/TW@2023-12-25"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []  # (href, text)
        self.rows: list[str] = []  # class of each table row
        self.sources: list[str] = []  # src, link and script addresses
        self._href: str | None = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a":
            self._href, self._text = a.get("href"), ""
        if tag == "tr" and a.get("class"):
            self.rows.append(a["class"])
        if tag in ("img", "script", "link", "iframe") or "src" in a:
            self.sources.append(a.get("src") or a.get("href") or tag)

    def handle_data(self, data):
        self._text += data

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links.append((self._href, self._text))
            self._href = None


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text("utf-8"))
    return parser


def _publish(folder: Path, *args: str) -> None:
    result = CliRunner().invoke(main, ["publish", "--root", ROOT, str(EXAMPLES), "-o", str(folder),
                                       "--today", "2026-01-01", *args])
    assert result.exit_code == 0, result.output


def test_every_link_stays_in_the_folder_and_finds_its_page(tmp_path):
    site = tmp_path / "bao-cao"
    _publish(site, "--lang", "en")
    pages = sorted(site.rglob("*.html"))
    assert len(pages) == 1 + 13  # the index and a page per record (a record in JSON and XML once)
    for page in pages:
        parsed = _parse(page)
        assert parsed.sources == [], page  # no script, image or style sheet to fetch
        assert not re.search(r"(?:https?:)?//", page.read_text("utf-8").split("</style>")[1]), page
        for href, _ in parsed.links:
            assert not urlparse(href).scheme and not href.startswith("/"), href
            assert (page.parent / href).resolve().is_file(), f"{page}: {href}"


def test_from_the_tree_to_a_record_its_file_and_back(tmp_path):
    site = tmp_path / "bao-cao"
    _publish(site, "--lang", "en")
    index = _parse(site / "index.html")
    href = next(h for h, text in index.links if text.startswith("192-KH/TU (2024-04-23)"))
    record = site / href
    links = dict((text, h) for h, text in _parse(record).links)
    assert (record.parent / links["260-KH/TU (2024-03-04)"]).resolve().name.endswith("260-KH_TU.html")  # parent
    source = record.parent / links["192-KH-TU_thi-uy-duc-pho.json"]
    assert source.read_bytes() == (EXAMPLES / "192-KH-TU_thi-uy-duc-pho.json").read_bytes()
    assert (record.parent / links["⌂"]).resolve() == (site / "index.html").resolve()
    assert "Findings (" in record.read_text("utf-8")


def test_the_coverage_rows_are_coloured_by_status(tmp_path):
    site = tmp_path / "bao-cao"
    _publish(site, "--due", "2024-06-30")
    rows = _parse(site / "index.html").rows
    # 60 provinces overdue, and in the table of duties the city plan's deadline of 07/5/2024
    assert rows.count("answered") == 6 and rows.count("overdue") == 60 + 1 and rows.count("not-yet") == 30
    assert ".overdue{background:" in (site / "index.html").read_text("utf-8")


def test_a_second_run_replaces_the_folder_whole(tmp_path):
    site = tmp_path / "bao-cao"
    site.mkdir()
    (site / "stale.html").write_text("old", encoding="utf-8")
    _publish(site)
    assert not (site / "stale.html").exists() and (site / "index.html").is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["bao-cao"]  # no temporary folder left behind


def test_a_root_that_matches_nothing_leaves_the_old_folder(tmp_path):
    site = tmp_path / "bao-cao"
    site.mkdir()
    (site / "index.html").write_text("old", encoding="utf-8")
    result = CliRunner().invoke(main, ["publish", "--root", "1-CT/TW@2020-01-01", str(EXAMPLES), "-o", str(site)])
    assert result.exit_code == 2 and (site / "index.html").read_text("utf-8") == "old"
