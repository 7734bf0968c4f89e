"""Lecture notebooks → self-contained reveal.js slide decks for a projector with no network.

`export_slides(output)` converts every `module*/bai_giang.ipynb` with nbconvert's slides exporter
and a course template (`templates/khoahoc_slides`) that loads reveal.js only from a folder copied
next to the decks — no CDN, no require.js, no MathJax. reveal.js itself comes from the
`sphinx-revealjs` package (reveal.js 5, MIT), which ships its `dist/` and `plugin/` folders.
Speaker notes are the cells whose `slideshow.slide_type` is `notes`: press `S` in the deck.
"""

from __future__ import annotations

import html
import shutil
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from course.config import REPO_ROOT
from course.errors import CourseError

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
TEMPLATE_NAME = "khoahoc_slides"
ASSETS_FOLDER = "reveal.js"
# Only what a deck loads: the core, its CSS, the themes with their fonts, the notes plugin.
_ASSET_PARTS = ("dist/reveal.js", "dist/reveal.css", "dist/theme", "plugin/notes/notes.js", "LICENSE")


@dataclass(frozen=True)
class Deck:
    """One exported deck: the lecture it came from, the HTML file, how many slides and notes."""

    source: Path
    html: Path
    slides: int
    notes: int


def reveal_source() -> Path:
    """Folder of the installed reveal.js (with `dist/` and `plugin/`)."""
    try:
        root = Path(str(resources.files("sphinx_revealjs") / "_static" / "revealjs"))
    except ModuleNotFoundError as exc:
        raise CourseError(
            "Thiếu thư viện trình chiếu reveal.js (gói sphinx-revealjs).",
            hint="Chạy lại `make run` hoặc `pip install -e .` để cài đủ thư viện.",
        ) from exc
    if not (root / "dist" / "reveal.js").is_file():
        raise CourseError("Không tìm thấy tệp reveal.js trong gói sphinx-revealjs.",
                          hint="Cài lại gói: `pip install --force-reinstall sphinx-revealjs`.")
    return root


def copy_reveal_assets(output: Path) -> Path:
    """Copy the reveal.js files a deck needs into `output/reveal.js`; return that folder."""
    src = reveal_source()
    dest = output / ASSETS_FOLDER
    for part in _ASSET_PARTS:
        origin = src / part
        target = dest / part
        target.parent.mkdir(parents=True, exist_ok=True)
        if origin.is_dir():
            shutil.copytree(origin, target, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("*.map", "*.scss"))
        elif origin.is_file():
            shutil.copy2(origin, target)
    return dest


def lecture_notebooks(root: Path = REPO_ROOT) -> list[Path]:
    """The lecture notebooks of the course, in module order."""
    return sorted(root.glob("module*/bai_giang.ipynb"))


def _exporter(theme: str):  # noqa: ANN202 - nbconvert type
    from nbconvert import SlidesExporter
    from traitlets.config import Config

    config = Config()
    config.SlidesExporter.reveal_url_prefix = ASSETS_FOLDER
    config.SlidesExporter.reveal_theme = theme
    config.SlidesExporter.reveal_transition = "none"
    config.SlidesExporter.reveal_number = "c/t"
    config.SlidesExporter.reveal_width = "1280"
    config.SlidesExporter.reveal_height = "800"
    config.SlidesExporter.exclude_input_prompt = True
    config.SlidesExporter.exclude_output_prompt = True
    return SlidesExporter(config=config, template_name=TEMPLATE_NAME,
                          extra_template_basedirs=[str(TEMPLATES_DIR)])


def _read(path: Path):  # noqa: ANN202 - nbformat type
    import nbformat

    try:
        return nbformat.read(path, as_version=4)
    except FileNotFoundError as exc:
        raise CourseError(f"Không tìm thấy tệp bài giảng: {path}.") from exc
    except Exception as exc:  # nbformat raises several types for a damaged file
        raise CourseError(f"Tệp bài giảng {path.name} bị hỏng hoặc không phải notebook.",
                          hint="Mở lại tệp trong JupyterLab, lưu lại rồi chạy lệnh này lần nữa.") from exc


def _execute(nb, path: Path, timeout: int) -> None:  # noqa: ANN001
    from nbclient import NotebookClient

    try:
        NotebookClient(nb, timeout=timeout, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute()
    except Exception as exc:
        raise CourseError(f"Chạy trước bài giảng {path.parent.name} bị lỗi.",
                          hint="Bỏ tuỳ chọn --execute để xuất trang chiếu không kèm kết quả.") from exc


def export_deck(path: Path, output: Path, *, theme: str = "white", execute: bool = False,
                timeout: int = 900) -> Deck:
    """Export one lecture notebook to `output/<module folder>.html` (assets must be in `output`)."""
    nb = _read(path)
    if execute:
        _execute(nb, path, timeout)
    name = path.parent.name if path.parent != Path() else path.stem
    body, _ = _exporter(theme).from_notebook_node(nb, resources={"metadata": {"name": name}})
    target = output / f"{name}.html"
    target.write_text(body, encoding="utf-8")
    types = [c.get("metadata", {}).get("slideshow", {}).get("slide_type") for c in nb.cells]
    return Deck(source=path, html=target, slides=types.count("slide") + types.count("subslide") or 1,
                notes=types.count("notes"))


def _index_page(decks: list[Deck], output: Path) -> Path:
    items = "\n".join(
        f'<li><a href="{html.escape(d.html.name)}">{html.escape(d.source.parent.name)}</a> — '
        f"{d.slides} trang chiếu, {d.notes} ghi chú cho giảng viên</li>" for d in decks)
    page = f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Trang chiếu — AI cho cán bộ cơ sở</title>
<style>body{{font-family:sans-serif;font-size:22px;max-width:900px;margin:2em auto;line-height:1.5}}</style>
</head><body><h1>Trang chiếu khoá học «AI cho cán bộ cơ sở»</h1>
<p>Mở một bài rồi nhấn <b>F</b> để toàn màn hình, <b>S</b> để mở ghi chú cho giảng viên,
<b>Esc</b> để xem tổng quan. Không cần mạng: mang cả thư mục này theo USB là đủ.</p>
<ul>
{items}
</ul></body></html>
"""
    target = output / "index.html"
    target.write_text(page, encoding="utf-8")
    return target


def export_slides(output: Path, notebooks: list[Path] | None = None, *, theme: str = "white",
                  execute: bool = False) -> list[Deck]:
    """Export the lecture notebooks as reveal.js decks into `output`, with local assets and an index."""
    notebooks = lecture_notebooks() if notebooks is None else notebooks
    if not notebooks:
        raise CourseError("Chưa có bài giảng nào để xuất (cần các tệp module*/bai_giang.ipynb).")
    output.mkdir(parents=True, exist_ok=True)
    copy_reveal_assets(output)
    decks = [export_deck(Path(nb), output, theme=theme, execute=execute) for nb in notebooks]
    _index_page(decks, output)
    return decks
