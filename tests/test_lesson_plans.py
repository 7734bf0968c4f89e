"""The one-day plan and the four half-day plans agree with the ★ marks in the notebooks (issue 19)."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from course.notebook_builder import SHORT_PLAN_MARK, SHORT_PLAN_NOTE, SHORT_PLAN_TAG

REPO = Path(__file__).resolve().parents[1]
PLANS = REPO / "docs" / "giao_an"
ONE_DAY = (PLANS / "mot_ngay.md").read_text(encoding="utf-8")
MODULES = sorted(REPO.glob("module[1-4]_*"))


def _marked(path: Path) -> list[nbformat.NotebookNode]:
    nb = nbformat.read(path, as_version=4)
    return [c for c in nb.cells if SHORT_PLAN_TAG in c.metadata.get("tags", [])]


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.name)
def test_lecture_marks_the_short_plan(module: Path) -> None:
    nb = nbformat.read(module / "bai_giang.ipynb", as_version=4)
    notes = [c for c in nb.cells if c.source == SHORT_PLAN_NOTE]
    assert len(notes) == 1 and notes[0].metadata["slideshow"]["slide_type"] == "notes"
    marked = _marked(module / "bai_giang.ipynb")
    assert len(marked) >= 3
    assert all(re.search(rf"(?m)^#+ .* {SHORT_PLAN_MARK}$", c.source) for c in marked)


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.name)
def test_one_day_plan_names_exactly_the_marked_practice_sections(module: Path) -> None:
    number = module.name[len("module")]
    marked = {re.search(r"^#+ (\d+b?)\.", c.source, re.M).group(1) for c in _marked(module / "thuc_hanh.ipynb")}
    row = re.search(rf"Thực hành {number}, mục ★ ([^(]*)\(", ONE_DAY)
    assert row, f"the one-day plan does not say which parts of Thực hành {number} the groups do"
    planned = set(re.findall(r"(\d+b?) «", row.group(1)))
    assert planned == marked, (planned, marked)


def test_half_day_plans_link_the_one_day_plan() -> None:
    for n in range(1, 5):
        text = (PLANS / f"hoc_phan_{n}.md").read_text(encoding="utf-8")
        assert "(mot_ngay.md)" in text and f" {SHORT_PLAN_MARK} " in text, n
    for n in range(1, 5):
        assert f"(hoc_phan_{n}.md)" in ONE_DAY
