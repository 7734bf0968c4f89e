"""Synthetic submissions built from a real assignment, for tests and `benchmarks/grading.py`.

`kind` "right" puts the source's own solutions in every answer cell, "partly" in every other
one, "broken" makes every answer raise an error. Files land where `nbgrader collect` puts them:
`<root>/submitted/<learner>/<assignment>/<notebook>.ipynb` (+ timestamp.txt).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import nbformat

_SOLUTION = re.compile(r"^[ \t]*### (BEGIN|END) SOLUTION[ \t]*\n?", re.MULTILINE)
BROKEN = 'raise ValueError("bài làm lỗi")'


def solution_code(source: str) -> str:
    """A source cell's solution with the markers removed."""
    return _SOLUTION.sub("", source)


def answer_ids(release_nb: nbformat.NotebookNode) -> list[str]:
    """grade_ids of the learner's answer cells (code solution cells)."""
    return [c.metadata["nbgrader"]["grade_id"] for c in release_nb.cells
            if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("solution")]


def fill(release_nb: nbformat.NotebookNode, source_nb: nbformat.NotebookNode, kind: str) -> nbformat.NotebookNode:
    """A copy of the released notebook answered the way `kind` says."""
    nb = nbformat.from_dict(release_nb)
    solutions = {c.metadata["nbgrader"]["grade_id"]: solution_code(c.source) for c in source_nb.cells
                 if c.metadata.get("nbgrader", {}).get("solution")}
    for i, gid in enumerate(answer_ids(nb)):
        cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == gid)
        if kind == "right" or (kind == "partly" and i % 2 == 0):
            cell.source = solutions[gid]
        elif kind == "broken":
            cell.source = BROKEN
    return nb


def write_submission(root: Path, learner: str, assignment: str, content: nbformat.NotebookNode | bytes,
                     notebook: str = "bai_tap", extra: dict[str, bytes] | None = None) -> Path:
    """Place one submission (a notebook or raw bytes, plus extra files) in `submitted/`."""
    folder = Path(root) / "submitted" / learner / assignment
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{notebook}.ipynb"
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        nbformat.write(content, target)
    for name, data in (extra or {}).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f UTC")
    (folder / "timestamp.txt").write_text(stamp, encoding="utf-8")
    return folder


def make_course(root: Path, sources: dict[str, Path]) -> Path:
    """A fresh course root at `root` with the course's nbgrader_config.py and the given sources."""
    import shutil

    from course.grading.coursedir import CONFIG_NAME, GRADING_ROOT

    root = Path(root)
    (root / "source").mkdir(parents=True, exist_ok=True)
    shutil.copy(GRADING_ROOT / CONFIG_NAME, root / CONFIG_NAME)
    for assignment, folder in sources.items():
        shutil.copytree(folder, root / "source" / assignment, dirs_exist_ok=True)
    return root
