"""Printable handouts: the Markdown files in `docs/tai_lieu_phat_tay/` → PDF through LibreOffice.

Markdown → HTML (mistune, already a nbconvert dependency) → PDF with `soffice --headless`
(Debian package `libreoffice-writer-nogui`). PDFs are produced on demand, never committed.
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from course.config import REPO_ROOT
from course.errors import CourseError

HANDOUTS_DIR = REPO_ROOT / "docs" / "tai_lieu_phat_tay"
PRINT_CSS = """
body { font-family: 'DejaVu Serif', 'Times New Roman', serif; font-size: 13pt; line-height: 1.4; }
h1 { font-size: 20pt; margin: 0 0 8pt 0; }
h2 { font-size: 15pt; margin: 12pt 0 4pt 0; }
h3 { font-size: 13pt; }
code, pre { font-family: 'DejaVu Sans Mono', monospace; font-size: 11pt; }
table { border-collapse: collapse; }
td, th { border: 1px solid #444; padding: 3pt 6pt; vertical-align: top; }
"""


def handout_sources(folder: Path = HANDOUTS_DIR) -> list[Path]:
    """The Markdown handouts, in file-name order."""
    return sorted(folder.glob("*.md"))


def markdown_to_html(text: str, title: str) -> str:
    """A complete, printable HTML page (UTF-8) from Markdown text."""
    import mistune

    body = mistune.create_markdown(plugins=["table", "strikethrough"])(text)
    return (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"<style>{PRINT_CSS}</style></head><body>{body}</body></html>")


def soffice_binary() -> str:
    """Path of LibreOffice's command-line binary, or a Vietnamese error saying how to install it."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise CourseError("Máy chưa có LibreOffice nên chưa in được tài liệu PDF.",
                      hint="Cài gói `libreoffice-writer-nogui` (chạy `make run` sẽ tự cài).")


def build_handouts(output: Path, sources: list[Path] | None = None, timeout: int = 180) -> list[Path]:
    """Convert each Markdown handout to `output/<name>.pdf`; return the PDF paths."""
    sources = handout_sources() if sources is None else sources
    if not sources:
        raise CourseError(f"Không có tài liệu phát tay nào trong {HANDOUTS_DIR}.")
    soffice = soffice_binary()
    output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="khoahoc-handouts-") as tmp:
        tmpdir = Path(tmp)
        pages = []
        for src in sources:
            text = src.read_text(encoding="utf-8")
            title = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), src.stem)
            page = tmpdir / f"{src.stem}.html"
            page.write_text(markdown_to_html(text, title), encoding="utf-8")
            pages.append(page)
        # A private LibreOffice profile: no clash with a LibreOffice already open on the machine.
        profile = (tmpdir / "profile").as_uri()
        cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--convert-to", "pdf:writer_web_pdf_Export", "--outdir", str(output), *map(str, pages)]
        env = {**os.environ, "HOME": str(tmpdir)}
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
        except subprocess.TimeoutExpired as exc:
            raise CourseError("LibreOffice chạy quá lâu khi in tài liệu PDF.",
                              hint="Đóng các cửa sổ LibreOffice đang mở rồi thử lại.") from exc
    pdfs = [output / f"{src.stem}.pdf" for src in sources]
    missing = [p.name for p in pdfs if not p.is_file() or p.stat().st_size == 0]
    if missing:
        raise CourseError(f"LibreOffice không tạo được: {', '.join(missing)}.",
                          hint=(done.stderr or done.stdout).strip()[-300:])
    return pdfs
