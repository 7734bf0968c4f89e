"""A learner's side of nbgrader's exchange: fetch a released assignment, submit it, fetch its feedback.

The same nbgrader exchange serves both ways the course runs. On the class server (JupyterHub) it is the
hub's shared exchange and the settings come from the hub's `nbgrader_config.py` (JUPYTER_CONFIG_PATH);
on a single machine it is the course root's local exchange (`grading/exchange`), which `khoahoc grade`
collects. Learners keep their work in the course's own layout (`<module>/bai_tap/`), so every call
stages a copy in nbgrader's layout (`<dir>/<course>/<assignment>/`) in a temporary folder.
"""

from __future__ import annotations

import datetime as dt
import getpass
import glob
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from course import catalogue
from course.errors import CourseError
from course.grading.coursedir import GRADING_ROOT, load_config

# Files of an assignment folder that are the learner's record, not the work: never submitted.
NOT_SUBMITTED = {"nhan_xet", "feedback", ".ipynb_checkpoints", "__pycache__"}
FEEDBACK_DIR = "nhan_xet"
VIETNAM = dt.timezone(dt.timedelta(hours=7), "Giờ Việt Nam")


class ExchangeError(CourseError):
    """Fetching, submitting or reading feedback failed; the message says what the learner can do."""


def on_class_server() -> bool:
    """True inside a learner's server started by JupyterHub."""
    return bool(os.environ.get("JUPYTERHUB_USER")) and not os.environ.get("JUPYTERHUB_SERVICE_NAME")


def learner_id() -> str:
    """Who submits: the hub user, else COURSE_LEARNER, else the computer's user name."""
    if on_class_server():
        return os.environ["JUPYTERHUB_USER"]
    from course.config import load_settings

    return (load_settings().learner or getpass.getuser()).strip().replace("+", "-").replace("*", "-")


def exchange_config() -> Any:
    """nbgrader settings for the learner: the hub's (as nbgrader's own panels read them) or the course root's."""
    if on_class_server():
        from jupyter_core.paths import jupyter_config_path
        from nbgrader.apps import NbGrader

        app = NbGrader()
        app.config_file_paths.append(jupyter_config_path())
        app.load_config_file()
        return app.config
    return load_config(Path(os.environ.get("COURSE_GRADING_ROOT") or GRADING_ROOT))


def _app(kind: str, assignment: str, staging: Path) -> Any:
    from nbgrader.auth import Authenticator
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.exchange import ExchangeFactory

    cfg = exchange_config()
    cfg.Exchange.assignment_dir = str(staging)
    cfg.CourseDirectory.root = str(staging)
    coursedir = CourseDirectory(config=cfg)
    coursedir.assignment_id = assignment
    coursedir.student_id = learner_id()
    factory = ExchangeFactory(config=cfg)
    cls = {"fetch": factory.FetchAssignment, "submit": factory.Submit, "feedback": factory.FetchFeedback}[kind]
    return cls(coursedir=coursedir, authenticator=Authenticator(config=cfg), config=cfg)


def _run(app: Any, what: str) -> None:
    from nbgrader.exchange import ExchangeError as NbExchangeError

    try:
        app.start()
    except NbExchangeError as err:
        raise ExchangeError(f"Chưa {what} được: hệ thống bài tập báo «{err}».",
                            hint="Bài làm của bạn vẫn còn nguyên trên máy. Hãy thử lại sau ít phút; "
                                 "nếu vẫn không được, báo giảng viên.") from err


def _course_dir(staging: Path, assignment: str) -> Path:
    return staging / str(exchange_config().CourseDirectory.course_id) / assignment


def fetch(assignment: str, dest: Path) -> list[str]:
    """Copy the released assignment into `dest`; files already there (the learner's work) are kept.
    A module released only under its legacy assignment id (a class run before the rename) is fetched from there.

    Returns the names of the files copied.
    """
    dest = Path(dest)
    errors: list[ExchangeError] = []
    with tempfile.TemporaryDirectory(prefix="khoahoc-nhan-") as tmp:
        for name in catalogue.read_ids(assignment):
            try:
                _run(_app("fetch", name, Path(tmp)), "nhận bài")
                break
            except ExchangeError as err:
                errors.append(err)
        else:
            raise errors[0]  # the error about the module's own id
        src = _course_dir(Path(tmp), name)
        copied = []
        for path in sorted(p for p in src.rglob("*") if p.is_file()):
            target = dest / path.relative_to(src)
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target)
                copied.append(str(path.relative_to(src)))
    return copied


def submit(assignment: str, folder: Path) -> dt.datetime:
    """Submit the assignment folder's files (not its feedback) through the exchange; returns the time."""
    folder = Path(folder)
    if not any(folder.glob("*.ipynb")):
        raise ExchangeError(f"Không thấy bài làm (tệp .ipynb) trong thư mục {folder.name}.",
                            hint="Hãy mở bài tập từ trang bắt đầu rồi bấm «Nộp bài» ở cuối bài.")
    with tempfile.TemporaryDirectory(prefix="khoahoc-nop-") as tmp:
        stage = _course_dir(Path(tmp), assignment)
        shutil.copytree(folder, stage, ignore=lambda _d, names: [n for n in names if n in NOT_SUBMITTED
                                                                  or n.startswith(".")])
        app = _app("submit", assignment, Path(tmp))
        _run(app, "nộp bài")
    return parse_timestamp(app.timestamp)


def parse_timestamp(text: str) -> dt.datetime:
    """nbgrader's timestamp ('2026-12-07 05:04:03.123456 UTC') as an aware datetime."""
    from nbgrader.utils import parse_utc

    return parse_utc(text).replace(tzinfo=dt.UTC)


def _cache_root() -> Path:
    cfg = exchange_config()
    if "cache" in cfg.Exchange:
        return Path(cfg.Exchange.cache)
    from jupyter_core.paths import jupyter_data_dir

    return Path(jupyter_data_dir()) / "nbgrader_cache"


def submissions(assignment: str) -> list[dt.datetime]:
    """Times of this learner's submissions of `assignment` (nbgrader's local record), oldest first;
    submissions under the module's legacy assignment id (a class run before the rename) count too."""
    course = str(exchange_config().CourseDirectory.course_id)
    paths = [path for name in catalogue.read_ids(assignment)
             for path in glob.glob(str(_cache_root() / course / f"{glob.escape(learner_id())}+{glob.escape(name)}+*"))]
    times = []
    for path in paths:
        try:
            times.append(parse_timestamp(Path(path).name.split("+")[2]))
        except (IndexError, ValueError):
            continue
    return sorted(times)


@dataclass(frozen=True)
class Feedback:
    """The feedback page of one graded submission."""

    submitted: dt.datetime
    page: Path


def fetch_feedback(assignment: str, folder: Path) -> Feedback | None:
    """Fetch the released feedback into `folder/nhan_xet/`; the newest graded submission's page, or None.
    Feedback released under the module's legacy assignment id (a class run before the rename) is read too."""
    folder = Path(folder)
    for name in catalogue.read_ids(assignment):
        with tempfile.TemporaryDirectory(prefix="khoahoc-nhanxet-") as tmp:
            app = _app("feedback", name, Path(tmp))
            try:
                _run(app, "lấy nhận xét")
            except ExchangeError:  # nothing released for this course yet: no feedback folder in the exchange
                pass
            src = _course_dir(Path(tmp), name) / "feedback"
            for path in sorted(p for p in src.rglob("*.html")):
                target = folder / FEEDBACK_DIR / path.relative_to(src)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target)
    pages = sorted((folder / FEEDBACK_DIR).glob("*/*.html"))
    if not pages:
        return None
    newest = pages[-1]
    return Feedback(parse_timestamp(newest.parent.name), newest)


def vietnam_time(moment: dt.datetime) -> str:
    """'14 giờ 05, ngày 07 tháng 12 năm 2026' in Vietnam time (day 2 digits; month 2 digits for 01, 02)."""
    from course.documents.model import format_date

    local = moment.astimezone(VIETNAM)
    return f"{local.hour:02d} giờ {local.minute:02d}, {format_date(local.date())}"
