"""Make a submission gradable before nbgrader sees it, and say in Vietnamese what was done.

nbgrader stops on a notebook it cannot read and grades deleted or shuffled cells badly. Here each
expected notebook is read tolerantly (UTF-8, then UTF-16/Windows-1258/Latin-1, repaired if its
cells are malformed), checked against the released version (same assignment? cells deleted or
reordered?) and rebuilt in the released order when needed. Extra files that could change what
the grader imports (`*.py`, packages) or that are huge are dropped. The learner's own work is
never deleted from `submitted/`; only the grading copy changes.
"""

from __future__ import annotations

import copy
import json
import shutil
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import nbformat
from nbformat import NotebookNode
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_raw_cell

ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1258", "latin-1")
CODE_SUFFIXES = {".py", ".pyc", ".pyd", ".so", ".pth"}
MAX_EXTRA_FILE_BYTES = 20 * 2**20

# status of one notebook after triage
OK, REPAIRED, ZERO = "ok", "repaired", "zero"


@dataclass
class Triage:
    """What triage decided for one submission."""

    zero_notebooks: list[str] = field(default_factory=list)   # graded 0 without running
    reasons: list[str] = field(default_factory=list)          # Vietnamese, for learner and trainer

    def add(self, reason: str) -> None:
        if reason not in self.reasons:
            self.reasons.append(reason)


def _cells_of(nb: NotebookNode) -> list[NotebookNode]:
    """Rebuild cells from their type, source and metadata (repairs malformed cell JSON)."""
    cells = []
    for i, raw in enumerate(nb.get("cells", [])):
        if not isinstance(raw, dict):
            continue
        source = raw.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        meta = raw.get("metadata") if isinstance(raw.get("metadata"), dict) else {}
        make = {"code": new_code_cell, "markdown": new_markdown_cell}.get(raw.get("cell_type"), new_raw_cell)
        cell = make(source=source, metadata=meta)
        cell.id = str(raw.get("id") or f"cell-{i}")
        cells.append(cell)
    return cells


def read_tolerant(path: Path) -> tuple[NotebookNode | None, str]:
    """(notebook, Vietnamese note) — notebook None when the file cannot be read as a notebook."""
    data = path.read_bytes()
    for enc in ENCODINGS:
        try:
            text = data.decode(enc)
            raw = json.loads(text)
        except (UnicodeDecodeError, UnicodeError, json.JSONDecodeError):
            continue
        if not isinstance(raw, dict) or not isinstance(raw.get("cells"), list):
            return None, "Tệp nộp không phải là một sổ tay Jupyter (.ipynb) hợp lệ."
        note = ""
        if enc not in ("utf-8", "utf-8-sig"):
            note = (f"Tệp nộp không lưu ở mã UTF-8 (đã đọc theo mã {enc}); "
                    "hãy kiểm tra lại dấu tiếng Việt trong bài.")
        problems: dict = {}
        try:
            nb = nbformat.reads(text, as_version=4, capture_validation_error=problems)  # validates once
        except Exception:  # nbformat raises several kinds for malformed notebooks
            problems["error"] = True
        if problems:
            nb = new_notebook(cells=_cells_of(raw), metadata=raw.get("metadata") or {})
            note = (note + " " if note else "") + "Một số ô trong tệp bị hỏng định dạng; đã sửa lại để chấm."
        if enc not in ("utf-8", "utf-8-sig"):
            for cell in nb.cells:
                cell.source = unicodedata.normalize("NFC", cell.source)
        return nb, note
    return None, "Tệp nộp bị hỏng (không đọc được nội dung JSON); bài này được 0 điểm — hãy nộp lại tệp gốc."


def _grade_id(cell: NotebookNode) -> str | None:
    meta = cell.get("metadata", {}).get("nbgrader")
    return meta.get("grade_id") if isinstance(meta, dict) else None


def restore_structure(sub: NotebookNode, release: NotebookNode) -> tuple[NotebookNode, list[str]]:
    """Rebuild `sub` in the released cell order; missing graded cells come back from the release.

    Learner-added cells stay right after the graded cell they followed. Returns the notebook and
    the ids of cells restored from the release (counted as unanswered).
    """
    by_id: dict[str, NotebookNode] = {}
    extras_after: dict[str | None, list[NotebookNode]] = {}
    previous: str | None = None
    release_plain = {c.get("id") for c in release.cells if _grade_id(c) is None}
    for cell in sub.cells:
        gid = _grade_id(cell)
        if gid and gid not in by_id:
            by_id[gid] = cell
            previous = gid
        elif not gid and cell.get("id") not in release_plain:  # the learner's own added cell
            extras_after.setdefault(previous, []).append(cell)
    cells, restored = [], []
    release_ids = {_grade_id(c) for c in release.cells}
    for cell in release.cells:
        gid = _grade_id(cell)
        if gid is None:
            cells.append(cell)
            continue
        if gid in by_id:
            cells.append(by_id[gid])
        else:
            cells.append(cell)
            restored.append(gid)
        cells.extend(extras_after.pop(gid, []))
    for key, extra in extras_after.items():  # cells before any graded cell, or after unknown ones
        if key is None or key not in release_ids:
            cells.extend(extra)
    sub.cells = cells
    return sub, restored


def _order(nb: NotebookNode, ids: set[str]) -> list[str]:
    return [g for g in (_grade_id(c) for c in nb.cells) if g in ids]


@lru_cache(maxsize=16)
def _read_release(path: str, mtime_ns: int) -> NotebookNode:
    """The released notebook, read once per worker process (callers must not modify it)."""
    return nbformat.read(path, as_version=4)


def triage_notebook(sub_path: Path, release_path: Path, assignment: str, result: Triage) -> None:
    """Check one expected notebook in place (the grading copy); record zero/repair decisions."""
    name = release_path.stem
    release = _read_release(str(release_path), release_path.stat().st_mtime_ns)
    release_ids = [g for g in (_grade_id(c) for c in release.cells) if g]
    if not sub_path.exists():
        result.zero_notebooks.append(name)
        result.add(f"Không thấy tệp {release_path.name} trong bài nộp; phần này được 0 điểm.")
        return
    nb, note = read_tolerant(sub_path)
    if note:
        result.add(note)
    if nb is None:
        result.zero_notebooks.append(name)
        return
    sub_ids = {g for g in (_grade_id(c) for c in nb.cells) if g}
    common = sub_ids & set(release_ids)
    if release_ids and len(common) < max(1, len(release_ids) // 3):
        result.zero_notebooks.append(name)
        result.add(f"Tệp {release_path.name} không phải bài «{assignment}» (có thể đã nộp nhầm bài khác); "
                   "phần này được 0 điểm — hãy nộp đúng bài.")
        return
    changed = bool(note)
    if _order(nb, common) != [g for g in release_ids if g in common] or common != set(release_ids):
        nb, restored = restore_structure(nb, copy.deepcopy(release))
        changed = True
        msg = "Một số ô của đề bài đã bị xoá hoặc đổi chỗ; hệ thống đã sắp lại theo đề gốc"
        result.add(msg + (f" (ô bị xoá tính là chưa làm: {', '.join(restored)})." if restored else "."))
    release_tests = {_grade_id(c): c.source for c in release.cells
                     if c.metadata.get("nbgrader", {}).get("grade") and not c.metadata["nbgrader"].get("solution")}
    for cell in nb.cells:
        gid = _grade_id(cell)
        if gid in release_tests and cell.source != release_tests[gid]:
            result.add("Ô kiểm tra đã bị sửa; khi chấm hệ thống dùng lại nội dung gốc của ô kiểm tra.")
            break
    if changed:
        nbformat.write(nb, sub_path)


def clean_extra_files(sub_dir: Path, release_dir: Path, result: Triage) -> None:
    """Drop files that could change what the grader imports, and huge files; keep the rest."""
    dropped = []
    expected = {p.relative_to(release_dir) for p in release_dir.rglob("*") if p.is_file()}
    for path in sorted(sub_dir.rglob("*"), reverse=True):
        rel = path.relative_to(sub_dir)
        if rel in expected or rel.name == "timestamp.txt" or not path.exists():
            continue
        if path.is_dir():
            if (path / "__init__.py").exists():
                shutil.rmtree(path)
                dropped.append(str(rel) + "/")
            continue
        if path.suffix.lower() in CODE_SUFFIXES or path.stat().st_size > MAX_EXTRA_FILE_BYTES:
            path.unlink()
            dropped.append(str(rel))
    if dropped:
        result.add("Đã bỏ qua các tệp nộp kèm có thể ảnh hưởng việc chấm (mã Python hoặc tệp quá lớn): "
                   + ", ".join(sorted(dropped)) + ".")


def triage_submission(sub_dir: Path, release_dir: Path, assignment: str) -> Triage:
    """Triage a grading copy of `submitted/<learner>/<assignment>` against the release folder."""
    result = Triage()
    clean_extra_files(sub_dir, release_dir, result)
    for release_nb in sorted(release_dir.glob("*.ipynb")):
        triage_notebook(sub_dir / release_nb.name, release_nb, assignment, result)
    return result
