"""`khoahoc grade`: autograde a whole class in parallel, resumably, then feedback and export.

Design. nbgrader's autograde is serial and its SQLite gradebook takes one writer at a time, so
the work is split by submission: each worker process grades one learner in a scratch course with
its own copy of the gradebook (`course.grading.worker`), and this parent process alone writes to
the real gradebook, merging each result serially as it arrives. A worker that exceeds the
per-submission deadline is killed with its kernels and replaced; that learner gets 0 with a
Vietnamese reason, the others are unaffected. Each worker forks its kernels from a zygote that
has the notebooks' imports loaded (`course.grading.kernels`): a fresh process per submission,
without paying Python's and the course's start-up each time. A marker
(`autograded/<learner>/<assignment>/.khoahoc.json`) with a fingerprint of the submitted files
makes reruns skip graded work.
"""

from __future__ import annotations

import hashlib
import json
import os
import queue
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from course.config import load_settings
from course.grading import worker
from course.grading.coursedir import GRADING_ROOT, GradingError, ensure_tools_on_path, load_config, make_api
from course.grading.worker import FAILED, Result, Task

MARKER = ".khoahoc.json"
RUN_DIR = ".khoahoc_run"
TIMEOUT_REASON = "Bài làm chạy quá thời gian cho phép của cả bài ({s} giây) nên đã bị dừng; bài được 0 điểm."
CRASH_REASON = "Trình chấm bị dừng đột ngột khi chạy bài này (có thể do dùng quá nhiều bộ nhớ); bài được 0 điểm."


@dataclass
class Summary:
    """Counts for one assignment run, shown to the instructor."""

    assignment: str
    graded: int = 0
    zero: int = 0
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0
    problems: dict[str, list[str]] = field(default_factory=dict)  # learner -> reasons

    def line(self) -> str:
        return (f"{self.assignment}: chấm {self.graded + self.zero + self.failed} bài "
                f"({self.zero + self.failed} bài 0 điểm do lỗi bài nộp), bỏ qua {self.skipped} bài đã chấm, "
                f"lượt chấm mất {self.seconds:.1f} giây.")


def fingerprint(folder: Path) -> str:
    """Hash of the submitted files (names and content; size+mtime for big files)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode())
        stat = path.stat()
        if stat.st_size > 5 * 2**20:
            digest.update(f"{stat.st_size}:{stat.st_mtime_ns}".encode())
        else:
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="utf-8", errors="replace") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


class WorkerProcess:
    """One `python -m course.grading.worker` process; killed (with its kernels) on a deadline."""

    def __init__(self, log_path: Path) -> None:
        self.log = open(log_path, "a", encoding="utf-8")  # noqa: SIM115 — lives as long as the worker
        self.proc = subprocess.Popen([sys.executable, "-m", "course.grading.worker"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=self.log, text=True, encoding="utf-8",
                                     start_new_session=True)

    def run(self, task: Task, deadline_s: float) -> dict | None:
        """The worker's result, or None when it missed the deadline or died."""
        try:
            self.proc.stdin.write(json.dumps(asdict(task)) + "\n")
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            return None
        ready, _, _ = select.select([self.proc.stdout], [], [], deadline_s)
        if not ready:
            return None
        line = self.proc.stdout.readline()
        return json.loads(line) if line else None

    def kill(self) -> None:
        for pid in [*_descendants(self.proc.pid), self.proc.pid]:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.proc.wait()
        self.log.close()

    def close(self) -> None:
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            self.kill()
            return
        self.log.close()


def _sqlite_path(url: str) -> Path | None:
    return Path(url[len("sqlite:///"):]) if url.startswith("sqlite:///") else None


def make_template(db_url: str, assignment: str, root: Path, run_dir: Path) -> Path:
    """A consistent SQLite snapshot of the gradebook for workers to copy."""
    target = run_dir / f"template-{assignment}.db"
    target.unlink(missing_ok=True)
    path = _sqlite_path(db_url)
    if path is not None:
        with sqlite3.connect(path) as src, sqlite3.connect(target) as dst:
            src.backup(dst)
        return target
    # Non-SQLite gradebook (e.g. PostgreSQL): rebuild the assignment's structure in SQLite.
    scratch = run_dir / f"template-{assignment}"
    shutil.rmtree(scratch, ignore_errors=True)
    (scratch / "source").mkdir(parents=True)
    (scratch / "source" / assignment).symlink_to((root / "source" / assignment).resolve())
    api = make_api(root, **{"CourseDirectory.root": str(scratch), "CourseDirectory.db_url": f"sqlite:///{target}"})
    out = api.generate_assignment(assignment, force=True, create=True)
    if not out["success"]:
        raise GradingError(f"Không tạo được bản sao sổ điểm cho bài {assignment}.")
    return target


def ensure_generated(api, assignment: str, root: Path) -> None:
    """Run generate_assignment once if the gradebook or release folder lacks the assignment."""
    from nbgrader.api import MissingEntry

    if not (root / "source" / assignment).is_dir():
        raise GradingError(f"Không có bài «{assignment}» trong {root / 'source'}.",
                           hint="Kiểm tra tên bài (khoahoc grade -h) hoặc thư mục source/.")
    with api.gradebook as gb:
        try:
            gb.find_assignment(assignment)
            known = True
        except MissingEntry:
            known = False
    if known and (root / "release" / assignment).is_dir():
        return
    out = api.generate_assignment(assignment, force=True, create=True)
    if not out["success"]:
        raise GradingError(f"Không tạo được bản phát hành của bài «{assignment}» (nbgrader generate_assignment).",
                           hint=(out.get("error") or "")[-300:])


def collect(api, assignment: str) -> int:  # noqa: ANN001 - an nbgrader NbGraderAPI
    """nbgrader collect: the newest submission of each learner in the exchange (class server, or the «Nộp
    bài» button on a single machine) into `submitted/`; returns how many submissions the exchange holds."""
    inbound = Path(api.config.Exchange.root) / str(api.coursedir.course_id) / "inbound"
    waiting = len(list(inbound.glob(f"*+{assignment}+*"))) if inbound.is_dir() else 0
    if waiting:
        out = api.collect(assignment, update=True)
        if not out["success"]:
            raise GradingError(f"Không thu được bài nộp của bài «{assignment}» từ thư mục trao đổi bài.",
                               hint=(out.get("error") or "")[-300:])
    return waiting


def merge(gb, result: Result, course_id: str) -> tuple[float, float]:
    """Copy the scratch gradebook's grades for one submission into the real gradebook."""
    from nbgrader.api import Comment, Grade, Gradebook
    from sqlalchemy.orm import joinedload

    a, learner = result.assignment, result.learner
    url = f"sqlite:///{Path(result.scratch) / 'db' / 'gradebook.db'}"
    with Gradebook(url, course_id) as sgb:
        ssub = sgb.find_submission(a, learner)
        gb.update_or_create_student(learner)
        msub = gb.update_or_create_submission(a, learner, timestamp=ssub.timestamp)
        main_notebooks = {nb.name: nb for nb in msub.notebooks}
        for snb in ssub.notebooks:
            mnb = main_notebooks[snb.name]
            mnb.late_submission_penalty = snb.late_submission_penalty
            # one query per notebook (with the cells the names come from), not one per grade
            grades = {g.name: g for g in gb.db.query(Grade).options(joinedload(Grade.cell)).filter(Grade.notebook == mnb)}
            for grade in snb.grades:
                mg = grades[grade.name]
                mg.auto_score = grade.auto_score
                mg.needs_manual_grade = grade.needs_manual_grade and mg.manual_score is None
            comments = {c.name: c for c in
                        gb.db.query(Comment).options(joinedload(Comment.cell)).filter(Comment.notebook == mnb)}
            for comment in snb.comments:
                comments[comment.name].auto_comment = comment.auto_comment
        gb.db.commit()
        return float(msub.score), float(msub.max_score)


def _move_outputs(result: Result, root: Path) -> None:
    for kind in ("autograded", "feedback"):
        src = Path(result.scratch) / "course" / kind / result.learner / result.assignment
        dest = root / kind / result.learner / result.assignment
        if dest.exists():
            shutil.rmtree(dest)
        if src.exists():
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(src), str(dest))


def _rescue(task: Task, reason: str) -> Result:
    """Grade 0 in the parent when the worker died or timed out (fresh scratch, no kernel)."""
    from course.grading.triage import triage_submission

    shutil.rmtree(task.scratch, ignore_errors=True)
    sub = worker.prepare_scratch(task)
    tri = triage_submission(sub, Path(task.course_root) / "release" / task.assignment, task.assignment)
    result = worker.grade_zero(task, [*tri.reasons, reason], FAILED)
    if task.feedback:
        worker.run_feedback(task, result.reasons)
    return result


def grade_assignment(assignment: str, root: Path = GRADING_ROOT, workers: int = 2, force: bool = False,
                     feedback: bool = True, progress: bool = True, mem_mb: int | None = None,
                     submission_timeout: float | None = None) -> Summary:
    """Autograde every `submitted/<learner>/<assignment>` under `root` with `workers` processes."""
    return grade_many([assignment], root, workers, force, feedback, progress, mem_mb, submission_timeout)[0]


def _pending(gb, root: Path, assignment: str, force: bool, summary: Summary) -> list[tuple[str, str]]:
    """(learner, fingerprint) of the submissions that need grading; counts the skipped ones."""
    from nbgrader.api import MissingEntry

    todo = []
    for learner in sorted(p.parent.name for p in (root / "submitted").glob(f"*/{assignment}") if p.is_dir()):
        fp = fingerprint(root / "submitted" / learner / assignment)
        marker = root / "autograded" / learner / assignment / MARKER
        if not force and marker.exists():
            try:
                done = json.loads(marker.read_text(encoding="utf-8")).get("fingerprint") == fp
                gb.find_submission(assignment, learner)
            except (ValueError, MissingEntry):
                done = False
            if done:
                summary.skipped += 1
                continue
        todo.append((learner, fp))
    return todo


def _record(gb, root: Path, task: Task, fp: str, raw: dict | None, reason: str, course_id: str,
            summary: Summary) -> tuple[float, float]:
    """Merge one finished (or rescued) submission into the real gradebook and the course folders."""
    if raw is None or raw.get("status") == "error":
        result = _rescue(task, reason or "Hệ thống không chấm được bài này; bài được 0 điểm. "
                         "Giảng viên xem nhật ký chấm.")
        if raw is not None:
            result.error = raw.get("error", "")
    else:
        result = Result(**raw)
    score, max_score = merge(gb, result, course_id)
    _move_outputs(result, root)
    marker = root / "autograded" / task.learner / task.assignment / MARKER
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.write_text(json.dumps({
        "status": result.status, "reasons": result.reasons, "fingerprint": fp,
        "score": score, "max_score": max_score, "error": result.error,
        "graded_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }, ensure_ascii=False, indent=1), encoding="utf-8")
    shutil.rmtree(task.scratch, ignore_errors=True)
    if result.status == "graded":
        summary.graded += 1
    elif result.status == "zero":
        summary.zero += 1
    else:
        summary.failed += 1
    if result.reasons:
        summary.problems[task.learner] = result.reasons
    return score, max_score


def grade_many(assignments: list[str], root: Path = GRADING_ROOT, workers: int = 2, force: bool = False,
               feedback: bool = True, progress: bool = True, mem_mb: int | None = None,
               submission_timeout: float | None = None) -> list[Summary]:
    """Autograde several assignments with one pool of worker processes (started first, so their
    imports overlap with the preparation here)."""
    from nbgrader.api import Gradebook
    from tqdm import tqdm

    ensure_tools_on_path()
    root = Path(root).resolve()
    started = time.perf_counter()
    run_dir = root / RUN_DIR / str(os.getpid())
    run_dir.mkdir(parents=True, exist_ok=True)
    procs = [WorkerProcess(run_dir / f"worker-{i}.log") for i in range(max(1, workers))]
    try:
        api = make_api(root)
        cfg = load_config(root)
        db_url, course_id = cfg.CourseDirectory.db_url, cfg.CourseDirectory.course_id
        settings = load_settings()
        deadline = submission_timeout or settings.submission_timeout_s
        mem = mem_mb or settings.kernel_mem_mb
        summaries = {a: Summary(a) for a in assignments}
        tasks: queue.Queue = queue.Queue()
        count = 0
        for assignment in assignments:
            ensure_generated(api, assignment, root)
            collect(api, assignment)
            with Gradebook(db_url, course_id) as gb:
                todo = _pending(gb, root, assignment, force, summaries[assignment])
            if todo:
                template = str(make_template(db_url, assignment, root, run_dir))
            for learner, fp in todo:
                tasks.put((Task(str(root), assignment, learner, template,
                                str(run_dir / f"s-{assignment}-{learner}"), mem_mb=mem, feedback=feedback), fp))
                count += 1
    except BaseException:
        for proc in procs:
            proc.kill()
        raise
    if count == 0:  # everything already graded: no need to wait for the workers' imports
        for proc in procs:
            proc.kill()
        shutil.rmtree(run_dir, ignore_errors=True)
        return [summaries[a] for a in assignments]
    results: queue.Queue = queue.Queue()

    def drive(index: int) -> None:
        proc = procs[index]
        while not stop.is_set():
            try:
                task, fp = tasks.get_nowait()
            except queue.Empty:
                break
            raw = proc.run(task, deadline)
            if raw is None:
                timed_out = proc.proc.poll() is None
                proc.kill()
                results.put((task, fp, None, TIMEOUT_REASON.format(s=int(deadline)) if timed_out else CRASH_REASON))
                proc = WorkerProcess(run_dir / f"worker-{index}.log")
                procs[index] = proc
            else:
                results.put((task, fp, raw, ""))
        proc.close()

    stop = threading.Event()
    threads = [threading.Thread(target=drive, args=(i,), daemon=True) for i in range(len(procs))]
    for thread in threads:
        thread.start()
    bar = tqdm(total=count, desc="Chấm bài", unit="bài", disable=not progress)
    try:
        with Gradebook(db_url, course_id) as gb:
            for _ in range(count):
                task, fp, raw, reason = results.get()
                try:
                    score, max_score = _record(gb, root, task, fp, raw, reason, course_id,
                                               summaries[task.assignment])
                except Exception as err:  # one bad merge must not stop the class
                    gb.db.rollback()
                    summaries[task.assignment].failed += 1
                    summaries[task.assignment].problems[task.learner] = [
                        f"Không ghi được điểm bài này vào sổ điểm ({type(err).__name__}); hãy chạy lại lệnh chấm."]
                    bar.write(f"{task.assignment}/{task.learner}: {err!r}", file=sys.stderr)
                else:
                    bar.set_postfix_str(f"{task.assignment}/{task.learner}: {score:g}/{max_score:g}")
                bar.update(1)
    finally:
        bar.close()
        stop.set()
        for thread in threads:
            thread.join(timeout=1)
        for proc in procs:
            if proc.proc.poll() is None and any(t.is_alive() for t in threads):
                proc.kill()
        for thread in threads:
            thread.join()
    shutil.rmtree(run_dir, ignore_errors=True)
    elapsed = time.perf_counter() - started
    for summary in summaries.values():
        summary.seconds = elapsed
    return [summaries[a] for a in assignments]
