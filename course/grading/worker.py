"""Grade one submission in an isolated scratch course; run as a long-lived worker process.

Each task gets its own scratch course root (a copy of the gradebook, the learner's submission,
the assignment's non-notebook files) so parallel workers never share nbgrader state or an SQLite
file. The parent (`course.grading.runner`) merges the result into the real gradebook serially.

Protocol: one JSON task per line on stdin, one JSON result per line on the original stdout.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import nbformat

from course.config import load_settings
from course.grading import feedback, sandbox
from course.grading.coursedir import ensure_tools_on_path, load_config
from course.grading.triage import triage_submission

SECRET_VARS = ("OPENAI_API_KEY", "GEMINI_API_KEY", "GOOGLE_API_KEY", "OPENAI_BASE_URL",
               "GOOGLE_GEMINI_BASE_URL", "COURSE_LLM_PROVIDER")
GRADED, ZERO, FAILED = "graded", "zero", "failed"
_DEAD_KERNEL = re.compile(r"DeadKernelError|Kernel died|kernel died")


@dataclass
class Task:
    """One learner's submission of one assignment, and where to grade it."""

    course_root: str
    assignment: str
    learner: str
    template_db: str
    scratch: str
    mem_mb: int = 2048
    output_bytes: int = 2_000_000
    feedback: bool = True


@dataclass
class Result:
    """What the worker did; `scratch` holds the scratch course to merge."""

    assignment: str
    learner: str
    status: str
    scratch: str
    reasons: list[str] = field(default_factory=list)
    error: str = ""


def fork_kernels() -> bool:
    """Whether kernels come from the worker's fork server (`course.grading.kernels`); off with
    COURSE_FORK_KERNELS=0."""
    return load_settings().fork_kernels


def scratch_config(task: Task) -> Any:
    root = Path(task.scratch) / "course"
    cfg = load_config(Path(task.course_root), **{
        "CourseDirectory.root": str(root),
        "CourseDirectory.db_url": f"sqlite:///{Path(task.scratch) / 'db' / 'gradebook.db'}",
    })
    if fork_kernels():
        from nbgrader.preprocessors import Execute

        from course.grading.kernels import FastExecute

        cfg.Autograde.autograde_preprocessors = [FastExecute if pp is Execute else pp
                                                 for pp in cfg.Autograde.autograde_preprocessors]
    return cfg


_PRELOADED: set[str] = set()


def preload_kernel_imports(task: Task) -> None:
    """Have the fork server import what the course's released notebooks import (once per course)."""
    if not fork_kernels() or task.course_root in _PRELOADED:
        return
    from course.grading.kernels import Zygote, notebook_imports, preload_list

    _PRELOADED.add(task.course_root)
    zygote = Zygote.get()
    if zygote is not None:
        zygote.preload(preload_list(notebook_imports(sorted((Path(task.course_root) / "release").glob("*/*.ipynb")))))


def prepare_scratch(task: Task) -> Path:
    """Lay out the scratch course: gradebook copy, source files (no notebooks), submission copy."""
    scratch = Path(task.scratch)
    main = Path(task.course_root)
    (scratch / "db").mkdir(parents=True, exist_ok=True)
    shutil.copy(task.template_db, scratch / "db" / "gradebook.db")
    src_main = main / "source" / task.assignment
    src = scratch / "course" / "source" / task.assignment
    src.mkdir(parents=True, exist_ok=True)
    for path in src_main.rglob("*"):
        if path.is_file() and path.suffix != ".ipynb" and ".ipynb_checkpoints" not in path.parts:
            dest = src / path.relative_to(src_main)
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.symlink_to(path.resolve())
    sub = scratch / "course" / "submitted" / task.learner / task.assignment
    shutil.copytree(main / "submitted" / task.learner / task.assignment, sub, symlinks=False,
                    ignore_dangling_symlinks=True)
    return sub


def sandbox_env(task: Task) -> None:
    """Environment for the grading kernels: IPython startup file + sandbox policy."""
    scratch = Path(task.scratch)
    startup = scratch / "ipython" / "profile_default" / "startup"
    startup.mkdir(parents=True, exist_ok=True)
    (startup / "00-khoahoc-sandbox.py").write_text(sandbox.startup_file_text(), encoding="utf-8")
    allow = scratch / "course" / "autograded" / task.learner / task.assignment
    main = Path(task.course_root).resolve()
    deny = [str(main), str(scratch)] + [str(p.resolve()) for p in (main / "source").iterdir()]
    os.environ["IPYTHONDIR"] = str(scratch / "ipython")
    os.environ[sandbox.ENV] = json.dumps({
        "allow": str(allow), "deny": deny, "log_path": str(scratch / "sandbox.log"),
        "mem_mb": task.mem_mb, "fsize_mb": 1024, "output_bytes": task.output_bytes,
    })


def sandbox_reasons(scratch: Path) -> list[str]:
    log = scratch / "sandbox.log"
    kinds = set()
    if log.exists():
        for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                kinds.add(json.loads(line)["kind"])
            except (ValueError, KeyError):
                continue
    text = {"file": "Bài làm đã cố đọc tệp đáp án, sổ điểm hoặc thư mục chấm; hệ thống đã chặn.",
            "network": "Bài làm đã cố truy cập mạng khi chấm; hệ thống đã chặn (khi chấm không gọi mô hình AI).",
            "process": "Bài làm đã cố chạy chương trình khác khi chấm; hệ thống đã chặn."}
    return [text[k] for k in ("file", "network", "process") if k in kinds]


def failure_reason(log: str) -> str:
    """Vietnamese reason for an autograde that nbgrader could not finish."""
    if _DEAD_KERNEL.search(log):
        return ("Bài làm làm dừng đột ngột phiên chạy Python — ví dụ gọi os._exit hoặc dùng quá "
                "nhiều bộ nhớ; bài được 0 điểm. Hãy xoá lệnh gây lỗi rồi nộp lại.")
    if re.search(r"UnresponsiveKernel|CellTimeoutError|TimeoutError", log):
        return "Bài làm chạy quá thời gian cho phép và không dừng được; bài được 0 điểm."
    if "MemoryError" in log:
        return "Bài làm dùng quá nhiều bộ nhớ; bài được 0 điểm."
    return "Hệ thống không chấm được bài này (lỗi khi chạy sổ tay); bài được 0 điểm. Giảng viên xem nhật ký chấm."


def grade_zero(task: Task, reasons: list[str], status: str) -> Result:
    """Record 0 for every grade of the submission in the scratch gradebook, plus a feedback page.

    The autograded copy is the learner's triaged notebook when it still matches the assignment,
    otherwise the released notebook (so the feedback shows the questions).
    """
    from nbgrader.api import Gradebook

    cfg = scratch_config(task)
    root = Path(cfg.CourseDirectory.root)
    release = Path(task.course_root) / "release" / task.assignment
    sub = root / "submitted" / task.learner / task.assignment
    dest = root / "autograded" / task.learner / task.assignment
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    with Gradebook(cfg.CourseDirectory.db_url, cfg.CourseDirectory.course_id) as gb:
        gb.update_or_create_student(task.learner)
        submission = gb.update_or_create_submission(task.assignment, task.learner)
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                grade.auto_score = 0
                grade.needs_manual_grade = False
            own = sub / f"{notebook.name}.ipynb"
            use_own = status == FAILED and own.exists()
            nb = nbformat.read(own if use_own else release / f"{notebook.name}.ipynb", as_version=4)
            for cell in nb.cells:
                if cell.cell_type == "code":
                    cell.outputs, cell.execution_count = [], None
            nbformat.write(nb, dest / f"{notebook.name}.ipynb")
        gb.db.commit()
    return Result(task.assignment, task.learner, status, task.scratch, reasons)


def run_feedback(task: Task, reasons: list[str]) -> None:
    """nbgrader generate_feedback in the scratch course, then add the reasons to each page."""
    from nbgrader.apps.api import capture_log
    from nbgrader.converters import GenerateFeedback
    from nbgrader.coursedir import CourseDirectory

    cfg = scratch_config(task)
    coursedir = CourseDirectory(config=cfg)
    coursedir.assignment_id, coursedir.student_id = task.assignment, task.learner
    app = GenerateFeedback(coursedir=coursedir, config=cfg)
    app.force = True
    out = capture_log(app)
    if not out["success"]:
        raise RuntimeError(out.get("error") or out.get("log", ""))
    folder = Path(cfg.CourseDirectory.root) / "feedback" / task.learner / task.assignment
    for page in folder.glob("*.html"):
        feedback.add_reasons(page, reasons)


CRASH_CELL_REASON = ("Một ô làm dừng đột ngột trình chạy Python (ví dụ gọi os._exit); ô đó bị bỏ qua khi chấm, "
                     "các câu khác vẫn được chấm.")
SKIPPED_CELL = "# Ô này làm dừng đột ngột trình chạy Python nên đã bị bỏ qua khi chấm.\n"


def _autograde(cfg: Any, task: Task) -> dict:
    from nbgrader.apps.api import capture_log
    from nbgrader.converters import Autograde
    from nbgrader.coursedir import CourseDirectory

    coursedir = CourseDirectory(config=cfg)
    coursedir.assignment_id, coursedir.student_id = task.assignment, task.learner
    app = Autograde(coursedir=coursedir, config=cfg)
    app.force, app.create_student = True, True
    return capture_log(app)


def _kernel_died(out: dict) -> bool:
    return bool(_DEAD_KERNEL.search((out.get("log") or "") + (out.get("error") or "")))


def skip_crashing_cell(scratch: Path, sub: Path) -> bool:
    """Blank out the cell that ran last before the kernel died; True when one was found."""
    log = scratch / "sandbox.log"
    last = None
    if log.exists():
        for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if entry.get("kind") == "cell":
                last = entry["detail"]
    if last is None:
        return False
    for path in sub.glob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code" and sandbox.cell_hash(cell.source) == last:
                cell.source = SKIPPED_CELL
                nbformat.write(nb, path)
                return True
    return False


def grade(task: Task) -> Result:
    """Triage, autograde in the scratch course, feedback; never raises for a learner's mistake."""
    shutil.rmtree(task.scratch, ignore_errors=True)
    sub = prepare_scratch(task)
    release = Path(task.course_root) / "release" / task.assignment
    tri = triage_submission(sub, release, task.assignment)
    for name in tri.zero_notebooks:
        (sub / f"{name}.ipynb").unlink(missing_ok=True)
    if not any(sub.glob("*.ipynb")):
        result = grade_zero(task, tri.reasons, ZERO)
    else:
        sandbox_env(task)
        preload_kernel_imports(task)
        cfg = scratch_config(task)
        out = _autograde(cfg, task)
        crash_note = ""
        if not out["success"] and _kernel_died(out) and skip_crashing_cell(Path(task.scratch), sub):
            crash_note = CRASH_CELL_REASON  # one retry without the cell that killed the kernel
            out = _autograde(cfg, task)
        reasons = tri.reasons + sandbox_reasons(Path(task.scratch)) + ([crash_note] if crash_note else [])
        if out["success"]:
            reasons += feedback.output_reasons(Path(cfg.CourseDirectory.root) / "autograded" / task.learner
                                               / task.assignment)
            result = Result(task.assignment, task.learner, GRADED, task.scratch, reasons)
        else:
            log = (out.get("log") or "") + (out.get("error") or "")
            result = grade_zero(task, reasons + [failure_reason(log)], FAILED)
            result.error = log[-4000:]
    if task.feedback:
        run_feedback(task, result.reasons)
    return result


class _CachedSchemaChecks:
    """`jsonschema` as nbgrader's cell-metadata check uses it, with one validator per schema.

    `jsonschema.validate` re-checks the schema itself and builds a validator on every call;
    nbgrader calls it for every grade cell of every notebook. Same errors, raised the same way.
    """

    def __init__(self) -> None:
        import jsonschema

        self._js = jsonschema
        self._validators: dict[str, Any] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._js, name)

    def validate(self, instance: Any, schema: dict, *args: Any, **kwargs: Any) -> None:
        if args or kwargs:
            return self._js.validate(instance, schema, *args, **kwargs)
        # nbgrader loads a fresh copy of the same schema for every notebook: key on its content
        key = json.dumps(schema, sort_keys=True)
        validator = self._validators.get(key)
        if validator is None:
            cls = self._js.validators.validator_for(schema)
            cls.check_schema(schema)
            validator = self._validators[key] = cls(schema)
        error = self._js.exceptions.best_match(validator.iter_errors(instance))
        if error is not None:
            raise error
        return None


def speed_ups() -> None:
    """Once per worker: cached schema checks, and no fsync on the throw-away scratch gradebooks
    (the worker never opens the real gradebook; the parent merges into it)."""
    import nbgrader.nbgraderformat.common as nbformat_common
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    nbformat_common.jsonschema = _CachedSchemaChecks()

    @event.listens_for(Engine, "connect")
    def _no_fsync(dbapi_connection: Any, _record: Any) -> None:
        if type(dbapi_connection).__module__.startswith("sqlite3"):
            dbapi_connection.execute("PRAGMA synchronous=OFF")


def serve() -> None:
    """Worker loop: tasks in on stdin, results out on the original stdout."""
    proto = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)  # stray prints from libraries go to stderr, not into the protocol
    for name in SECRET_VARS:
        os.environ.pop(name, None)
    os.environ["COURSE_DOTENV"] = os.devnull
    ensure_tools_on_path()
    if fork_kernels():  # the fork server imports the kernel's modules meanwhile
        from course.grading.kernels import Zygote

        Zygote.get()
    import nbgrader.api  # noqa: F401 — import the heavy parts now, while the parent prepares tasks
    import nbgrader.converters  # noqa: F401

    speed_ups()

    for line in sys.stdin:
        if not line.strip():
            continue
        raw = json.loads(line)
        task = Task(**raw)
        try:
            result = grade(task)
        except Exception:  # a bug or broken scratch: report it, keep serving
            result = Result(task.assignment, task.learner, "error", task.scratch,
                            error=traceback.format_exc()[-4000:])
        proto.write(json.dumps(asdict(result), ensure_ascii=False) + "\n")
    if fork_kernels():
        from course.grading.kernels import Zygote

        Zygote.shutdown()  # waited for, so its kernels' CPU time is accounted to us


if __name__ == "__main__":
    serve()
