"""The nbgrader course root: where it is, its config, and an `NbGraderAPI` bound to it.

The four module assignments live in their module folders (`<module>/bai_tap/bai_tap.ipynb`)
and are linked into the course root as `grading/source/<module>` (relative symlinks): a module's
assignment id is its folder name, its one id in `course.catalogue`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from course.errors import CourseError

REPO = Path(__file__).resolve().parents[2]
GRADING_ROOT = REPO / "grading"
CONFIG_NAME = "nbgrader_config.py"
NOTEBOOK = "bai_tap"


class GradingError(CourseError):
    """A grading problem the instructor must fix (missing course root, unknown assignment...)."""


def ensure_tools_on_path() -> None:
    """nbgrader runs `alembic` as a subprocess: put this interpreter's bin folder on PATH."""
    bindir = str(Path(sys.executable).parent)
    parts = os.environ.get("PATH", "").split(os.pathsep)
    if bindir not in parts:
        os.environ["PATH"] = os.pathsep.join([bindir, *parts])


def load_config(root: Path = GRADING_ROOT, **overrides: Any) -> Any:
    """The course root's `nbgrader_config.py` as a traitlets Config, plus `Section.key` overrides."""
    from traitlets.config import Config
    from traitlets.config.loader import PyFileConfigLoader

    root = Path(root).resolve()
    if not (root / CONFIG_NAME).is_file():
        raise GradingError(f"Không thấy {CONFIG_NAME} trong {root}.",
                           hint="Hãy chạy lệnh từ thư mục gốc của kho khoá học.")
    cfg = PyFileConfigLoader(CONFIG_NAME, path=str(root)).load_config()
    extra = Config()
    for dotted, value in overrides.items():
        section, key = dotted.split(".", 1)
        extra[section][key] = value
    cfg.merge(extra)
    return cfg


def make_api(root: Path = GRADING_ROOT, **overrides: Any) -> Any:
    """An `NbGraderAPI` for the course root (instructor side)."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    ensure_tools_on_path()
    cfg = load_config(root, **overrides)
    return NbGraderAPI(CourseDirectory(config=cfg), config=cfg)


def _student_exchange(kind: str, assignment: str, home: Path, learner: str, root: Path) -> None:
    from nbgrader.auth import Authenticator
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.exchange import ExchangeError, ExchangeFactory

    cfg = load_config(root, **{"CourseDirectory.root": str(home), "Exchange.assignment_dir": str(home)})
    coursedir = CourseDirectory(config=cfg)
    coursedir.assignment_id = assignment
    coursedir.student_id = learner
    factory = ExchangeFactory(config=cfg)
    cls = factory.FetchAssignment if kind == "fetch" else factory.Submit
    app = cls(coursedir=coursedir, authenticator=Authenticator(config=cfg), config=cfg)
    try:
        app.start()
    except ExchangeError as err:
        verb = "tải bài" if kind == "fetch" else "nộp bài"
        raise GradingError(f"Không {verb} {assignment} được: {err}") from err


def fetch_assignment(assignment: str, home: Path, learner: str, root: Path = GRADING_ROOT) -> Path:
    """Learner side: copy a released assignment from the exchange into `home/<course>/<assignment>`."""
    _student_exchange("fetch", assignment, home, learner, root)
    course_id = load_config(root).CourseDirectory.course_id
    return Path(home) / course_id / assignment


def submit_assignment(assignment: str, home: Path, learner: str, root: Path = GRADING_ROOT) -> None:
    """Learner side: submit `home/<course>/<assignment>` to the exchange."""
    _student_exchange("submit", assignment, home, learner, root)
