"""Practice progress: which practice cells each learner has run, for the trainer's live class view.

The practice notebooks have stable cell ids ("m3-th-voice"). `track_practice` (called by the set-up
cell through `course.ui.setup`) adds an IPython hook that, after each cell of a practice notebook
runs without error, writes the cell id to `<progress dir>/<learner>.json`. The trainer's dashboard
(`course.grading.dashboard`) reads those files: "chưa mở", "đang làm 3/11", "xong".

Only cell ids and times are written — no cell text, no output. Recording is best-effort: a folder
that cannot be written costs the learner nothing (their notebook never sees an error from it).
On the class server the folder sits in nbgrader's shared exchange (`COURSE_EXCHANGE_DIR`), which
every learner can write; `COURSE_PROGRESS_DIR` moves it.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from course.catalogue import MODULES
from course.config import REPO_ROOT, load_settings

PRACTICE_CELL = re.compile(r"^(m\d)-th-")  # ids of practice cells: "m1-th-tokens"
# A progress file keys each module by its practice cells' id prefix ("m1"), a stable part of the cell ids;
# everything this module returns is keyed by the module's id (course.catalogue).
FILE_KEY = {m.id: f"m{m.number}" for m in MODULES}
NOT_OPENED, DONE = "chưa mở", "xong"


def progress_dir() -> Path:
    """Where learners' progress files are kept."""
    s = load_settings()
    return s.progress_dir or s.exchange_dir / "tien_do"


def _safe_name(learner: str) -> str:
    return re.sub(r"[^\w.-]", "_", learner, flags=re.UNICODE).strip("._") or "hoc_vien"


def record_cell(learner: str, cell_id: str, folder: Path | None = None) -> bool:
    """Add one practice cell to the learner's file (atomic write); False when nothing was written."""
    m = PRACTICE_CELL.match(cell_id or "")
    if not m or not learner:
        return False
    folder = folder or progress_dir()
    path = folder / f"{_safe_name(learner)}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except (OSError, ValueError):
        data = {}
    if not isinstance(data, dict):
        data = {}
    entry = data.setdefault(m.group(1), {"ran": [], "updated": ""})
    if cell_id in entry.get("ran", []) and entry.get("updated"):
        return False  # already counted: no write on every re-run
    entry["ran"] = sorted({*entry.get("ran", []), cell_id})
    entry["updated"] = datetime.now().isoformat(timespec="seconds")
    data["learner"] = learner
    try:
        if not folder.is_dir():
            folder.mkdir(parents=True, exist_ok=True)
            # shared by every learner on a class server: writable by all, files replaceable only by their owner
            with contextlib.suppress(OSError):
                folder.chmod(0o1777)
        fd, tmp = tempfile.mkstemp(prefix=".tien_do", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, sort_keys=True)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError:
        return False
    return True


def track_practice(shell: object) -> None:
    """Register the post-run hook on an IPython shell (once per kernel)."""
    if getattr(shell, "_khoahoc_progress", False):
        return
    learner = load_settings().learner

    def after_cell(result: object) -> None:
        info = getattr(result, "info", None)
        if getattr(result, "success", False) and info is not None:
            try:
                record_cell(learner, getattr(info, "cell_id", "") or "")
            except Exception:  # noqa: BLE001 - progress must never disturb the learner's notebook
                pass

    shell.events.register("post_run_cell", after_cell)  # type: ignore[attr-defined]
    shell._khoahoc_progress = True  # type: ignore[attr-defined]


def practice_cells(root: Path = REPO_ROOT) -> dict[str, tuple[str, ...]]:
    """Code cell ids of each module's practice notebook, keyed by module id."""
    cells: dict[str, tuple[str, ...]] = {}
    for mod in MODULES:
        path = root / mod.id / "thuc_hanh.ipynb"
        try:
            nb = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        cells[mod.id] = tuple(c.get("id", "") for c in nb.get("cells", [])
                                        if c.get("cell_type") == "code" and PRACTICE_CELL.match(c.get("id", "")))
    return cells


@dataclass
class PracticeState:
    """One learner on one practice notebook."""

    ran: int
    total: int
    updated: str

    @property
    def label(self) -> str:
        if self.ran == 0:
            return NOT_OPENED
        return DONE if self.ran >= self.total else f"đang làm {self.ran}/{self.total}"


def read_progress(folder: Path | None = None, root: Path = REPO_ROOT) -> dict[str, dict[str, PracticeState]]:
    """{learner: {module id: PracticeState, …}} from every readable progress file; broken files are skipped."""
    folder = folder or progress_dir()
    known = practice_cells(root)
    out: dict[str, dict[str, PracticeState]] = {}
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(data, dict):
            continue
        learner = str(data.get("learner") or path.stem)
        states = {}
        for key, cells in known.items():
            prefix = FILE_KEY[key]
            entry = data.get(prefix) if isinstance(data.get(prefix), dict) else {}
            ran = len(set(entry.get("ran", [])) & set(cells))
            states[key] = PracticeState(ran, len(cells), str(entry.get("updated", "")))
        out[learner] = states
    return out
