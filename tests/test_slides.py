"""`khoahoc slides` and `khoahoc handouts`: offline reveal.js decks and printable PDFs, for real."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from course.errors import CourseError
from course.slides import export_slides, lecture_notebooks
from course.slides.handouts import build_handouts, handout_sources, markdown_to_html
from tests.conftest import REPO

CHROMIUM = Path("/usr/bin/chromium")


def _cell(kind: str, source: str, slide_type: str, cid: str):  # noqa: ANN202
    cell = new_markdown_cell(source, id=cid) if kind == "md" else new_code_cell(source, id=cid)
    cell.metadata["slideshow"] = {"slide_type": slide_type}
    return cell


@pytest.fixture(scope="module")
def lecture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small lecture notebook with slides, a fragment, a skipped cell and speaker notes."""
    folder = tmp_path_factory.mktemp("lecture") / "module9_thu"
    folder.mkdir()
    nb = new_notebook(cells=[
        _cell("md", "# Trí tuệ nhân tạo là gì?\n\nMột ý mỗi trang.", "slide", "s1"),
        _cell("md", "Ghi chú: hỏi học viên đã dùng ChatGPT chưa.", "notes", "s1-notes"),
        _cell("md", "## Mô hình ngôn ngữ\n\n- Đoán chữ tiếp theo", "slide", "s2"),
        _cell("md", "- Có thể «bịa» thông tin", "fragment", "s2-frag"),
        _cell("code", "print('Xin chào')", "skip", "s2-skip"),
        _cell("md", "## Tóm tắt", "slide", "s3"),
    ], metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    path = folder / "bai_giang.ipynb"
    nbformat.write(nb, path)
    return path


@pytest.fixture(scope="module")
def exported(lecture: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("slides")
    export_slides(out, [lecture])
    return out


def test_deck_uses_only_local_assets(exported: Path) -> None:
    html = (exported / "module9_thu.html").read_text(encoding="utf-8")
    refs = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert refs, "the deck loads no asset"
    assert all(not re.match(r"^(https?:)?//", r) for r in refs), f"remote asset in deck: {refs}"
    for ref in refs:
        assert (exported / ref).is_file(), f"asset missing next to the deck: {ref}"
    assert '<aside class="notes">' in html and "hỏi học viên" in html, "speaker notes missing"
    assert "Xin chào" not in html, "a skipped cell was exported"
    assert (exported / "reveal.js" / "dist" / "theme" / "fonts").is_dir(), "theme fonts not copied"
    assert "module9_thu.html" in (exported / "index.html").read_text(encoding="utf-8")


def test_cli_exports_and_reports_in_vietnamese(lecture: Path, tmp_path: Path) -> None:
    out = tmp_path / "ra"
    done = subprocess.run([sys.executable, "-m", "course", "slides", str(lecture), "--output", str(out)],
                          capture_output=True, text=True, timeout=180, cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert "Đã xuất" in done.stdout and "3 trang chiếu, 1 ghi chú" in done.stdout
    assert (out / "module9_thu.html").is_file()


def test_broken_lecture_gives_vietnamese_error(tmp_path: Path) -> None:
    bad = tmp_path / "module0" / "bai_giang.ipynb"
    bad.parent.mkdir()
    bad.write_text("{ không phải notebook", encoding="utf-8")
    with pytest.raises(CourseError, match="bị hỏng"):
        export_slides(tmp_path / "out", [bad])
    done = subprocess.run([sys.executable, "-m", "course", "slides", str(bad), "-o", str(tmp_path / "o")],
                          capture_output=True, text=True, timeout=120, cwd=REPO)
    assert done.returncode == 2 and "Lỗi:" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("path", lecture_notebooks(), ids=lambda p: p.parent.name)
def test_course_lectures_export(path: Path, tmp_path: Path) -> None:
    """Every real lecture notebook of the course exports, with slides and speaker notes."""
    deck = export_slides(tmp_path, [path])[0]
    assert deck.slides >= 3, "a lecture should have several slides"
    assert deck.notes >= 1, "a lecture should carry speaker notes (slide_type 'notes')"
    assert deck.html.stat().st_size > 1000


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium không có (cài gói Debian `chromium`)")
def test_deck_presents_offline_in_chromium(exported: Path) -> None:
    """Open the deck from disk with every network request refused: reveal.js runs, notes exist."""
    from playwright.sync_api import sync_playwright

    artifacts = REPO / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    refused: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                    args=["--no-sandbox", "--disable-background-networking"])
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.route(re.compile(r"^https?://"), lambda route: (refused.append(route.request.url), route.abort()))
            page.goto((exported / "module9_thu.html").as_uri())
            page.wait_for_function("() => window.Reveal && Reveal.isReady()", timeout=20_000)
            assert page.evaluate("Reveal.getTotalSlides()") == 3
            font_px = page.evaluate(
                "parseFloat(getComputedStyle(document.querySelector('.reveal section h1')).fontSize)")
            page.screenshot(path=str(artifacts / "slides-first.png"))
            page.evaluate("Reveal.next()")
            page.wait_for_timeout(300)
            page.screenshot(path=str(artifacts / "slides-second.png"))
            assert page.evaluate("Reveal.getPlugin('notes') !== undefined")
        finally:
            browser.close()
    assert not refused, f"the deck tried the network: {refused}"
    assert font_px >= 40, f"title too small for a projector: {font_px}px"


def test_markdown_to_html_keeps_vietnamese() -> None:
    page = markdown_to_html("# Tài liệu\n\n| a | b |\n|---|---|\n| Điều 35 | Bộ luật |\n", "Tài liệu")
    assert '<meta charset="utf-8">' in page and "<table>" in page and "Điều 35" in page


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) không có")
def test_handouts_become_pdfs(tmp_path: Path) -> None:
    sources = handout_sources()
    assert len(sources) >= 4, "one handout per module expected in docs/tai_lieu_phat_tay/"
    pdfs = build_handouts(tmp_path, sources)
    for pdf in pdfs:
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF"), pdf
        assert len(re.findall(rb"/Type\s*/Page\b", data)) >= 1, f"{pdf.name} has no page"
