"""Cell and notebook helpers for the build scripts that generate the committed notebooks.

Every generated notebook is nbformat 4.5 with one kernelspec ("Python 3 (ipykernel)"), stable explicit
cell ids and no outputs; every lecture carries the RISE slide-show settings. The build scripts live
beside what they build (`BUILD_SCRIPTS`), outside the installed package; `make notebooks` runs them all,
and `tests/test_notebook_builds.py` runs them in capture mode (`capture()`: nothing written) and compares
each file with the committed one. Not learner-facing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

DISPLAY_NAME = "Python 3 (ipykernel)"
RISE = {"scroll": True, "theme": "white"}
# Every build script, relative to the repository root, in the order `make notebooks` runs them.
BUILD_SCRIPTS = ("module1_ai_overview/_build.py", "module2_chatgpt_gemini/_build.py",
                 "module3_speech_to_text/_build.py", "module4_legal_lookup/_build.py",
                 "grading/_build_dashboard.py", "grading/_build_assessment.py", "docs/_build.py")
_CAPTURED: dict[Path, str] | None = None


def _cell(cell: nbformat.NotebookNode, slide: str | None, meta: dict[str, Any]) -> nbformat.NotebookNode:
    if slide:
        cell.metadata["slideshow"] = {"slide_type": slide}
    cell.metadata.update({key: value for key, value in meta.items() if value is not None})
    return cell


def md(cid: str, text: str, slide: str | None = None, **meta: Any) -> nbformat.NotebookNode:
    """A markdown cell with id `cid`, optional `slideshow.slide_type` and extra metadata (None values skipped)."""
    return _cell(new_markdown_cell(text.strip(), id=cid), slide, meta)


def code(cid: str, src: str, slide: str | None = None, **meta: Any) -> nbformat.NotebookNode:
    """A code cell with id `cid`, optional `slideshow.slide_type` and extra metadata (None values skipped)."""
    return _cell(new_code_cell(src.strip(), id=cid), slide, meta)


def grade_meta(grade_id: str, *, solution: bool = False, grade: bool = False, points: float = 0,
               locked: bool = False, task: bool | None = False) -> dict[str, dict[str, Any]]:
    """`{"nbgrader": {...}}` cell metadata (schema 3); `points` only for graded cells, `task=None` omits the key."""
    meta: dict[str, Any] = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3,
                            "solution": solution}
    if task is not None:
        meta["task"] = task
    if grade:
        meta["points"] = points
    return {"nbgrader": meta}


def notebook(cells: list, *, title: str | None = None, rise: bool = False) -> nbformat.NotebookNode:
    """An nbformat 4.5 notebook with the python3 kernelspec; `rise=True` adds the slide-show settings."""
    meta: dict[str, Any] = {"kernelspec": {"display_name": DISPLAY_NAME, "language": "python", "name": "python3"},
                            "language_info": {"name": "python"}}
    if title is not None:
        meta["title"] = title
    if rise:
        meta["rise"] = dict(RISE)
    nb = new_notebook(cells=cells, metadata=meta)
    nb.nbformat, nb.nbformat_minor = 4, 5
    return nb


def write_text(path: Path, text: str) -> Path:
    """Write a generated file (or, inside `capture()`, only record what would be written)."""
    path = Path(path).resolve()
    if _CAPTURED is not None:
        _CAPTURED[path] = text
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def save(cells: list, path: Path, *, title: str | None = None, rise: bool = False) -> Path:
    """Write `notebook(cells, ...)` to `path` (parent folders created) and return the path."""
    return write_notebook(notebook(cells, title=title, rise=rise), path)


def write_notebook(nb: nbformat.NotebookNode, path: Path) -> Path:
    """Write a notebook exactly as `nbformat.write` would (or record it inside `capture()`)."""
    return write_text(path, nbformat.writes(nb) + "\n")


@contextlib.contextmanager
def capture() -> Iterator[dict[Path, str]]:
    """Inside this block build scripts write nothing; the dict maps each path to its would-be text."""
    global _CAPTURED
    saved, _CAPTURED = _CAPTURED, {}
    try:
        yield _CAPTURED
    finally:
        _CAPTURED = saved


SHORT_PLAN_TAG = "mot-ngay"
SHORT_PLAN_MARK = "★"
SHORT_PLAN_NOTE = ("Kế hoạch một ngày (`docs/giao_an/mot_ngay.md`): chỉ dùng các trang và mục có dấu "
                   f"{SHORT_PLAN_MARK}, cùng Mục tiêu, Tự kiểm tra, Tóm tắt; các phần khác dành cho kế hoạch bốn buổi.")


def mark_short_plan(cells: list, ids: set[str]) -> list:
    """Mark the cells the one-day plan keeps: tag `mot-ngay`, and ' ★' after a markdown cell's first heading."""
    unknown = ids - {c.id for c in cells}
    if unknown:
        raise ValueError(f"no such cells: {sorted(unknown)}")
    for cell in cells:
        if cell.id not in ids:
            continue
        cell.metadata.setdefault("tags", []).append(SHORT_PLAN_TAG)
        if cell.cell_type == "markdown":
            lines = cell.source.split("\n")
            heading = next((i for i, line in enumerate(lines) if line.startswith("#")), None)
            if heading is None:
                raise ValueError(f"cell {cell.id} has no heading to mark")
            lines[heading] += f" {SHORT_PLAN_MARK}"
            cell.source = "\n".join(lines)
    return cells
