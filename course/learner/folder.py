"""The learner's folder: what a learner may open, and nothing else.

`make run` (learner role) opens JupyterLab rooted here; the class server fills each learner's home the
same way at server start. It holds the start page, the lectures and practices with their data, the
glossary, the apps and — on a single machine — the released assignments (nbgrader `generate_assignment`
output: no solutions, no hidden tests). On the class server assignments come only through nbgrader's
exchange («Nhận bài» on the start page).

A refresh never loses a learner's work: a file the learner changed (or any file the course did not
put there, like `cau_tra_loi.json`) is kept; only copies still exactly as the course placed them are
updated. What the course placed is recorded in a hidden manifest beside them.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from course.apps import APPS, APPS_DIR
from course.catalogue import MODULES
from course.config import REPO_ROOT
from course.errors import CourseError
from course.grading.coursedir import GRADING_ROOT, make_api
from course.learner.widgets import assignment_folders

DEFAULT_DIR = REPO_ROOT / ".hoc_vien"
APPS_FOLDER = "ung_dung"
MANIFEST = ".khoahoc_ban_phat.json"
RELEASE_STATE = ".khoahoc_phat_hanh.json"
# Never copied from a module folder: build scripts, trainer notes, the instructor's assignment source.
SKIPPED_NAMES = {"_build.py", "README.md", ".gitignore", "__pycache__", ".ipynb_checkpoints", "cau_tra_loi.json"}
SKIPPED_SUFFIXES = {".py", ".pyc"}


class LearnerFolderError(CourseError):
    """The learner's folder could not be prepared."""


@dataclass
class Report:
    """What a refresh did, by path relative to the learner's folder."""

    copied: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    def line(self) -> str:
        text = (f"Thư mục học viên: chép mới {len(self.copied)} tệp, cập nhật {len(self.updated)} tệp, "
                f"giữ nguyên {len(self.kept)} tệp học viên đã sửa.")
        return text


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _module_files(folder: Path) -> dict[str, Path]:
    files = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if (not path.is_file() or rel.parts[0] == "bai_tap" or any(p in SKIPPED_NAMES for p in rel.parts)
                or path.suffix in SKIPPED_SUFFIXES):
            continue
        files[f"{folder.name}/{rel.as_posix()}"] = path
    return files


def course_files(repo: Path = REPO_ROOT) -> dict[str, Path]:
    """Learner files other than assignments: destination (relative) -> source in the repository."""
    files = {"bat_dau.ipynb": repo / "bat_dau.ipynb", "docs/thuat_ngu.ipynb": repo / "docs" / "thuat_ngu.ipynb"}
    for m in MODULES:
        files.update(_module_files(repo / m.id))
    for app in APPS.values():
        files[f"{APPS_FOLDER}/{app.notebook}"] = APPS_DIR / app.notebook
    return files


def _fingerprint(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and ".ipynb_checkpoints" not in p.parts):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def release(root: Path = GRADING_ROOT, assignments: list[str] | None = None) -> dict[str, Path]:
    """Generate (nbgrader generate_assignment) and release into the exchange every assignment whose
    source changed since the last time; returns assignment id -> its release folder."""
    root = Path(root)
    names = assignments or [a for a in assignment_folders() if (root / "source" / a).is_dir()]
    state_path = root / RELEASE_STATE
    try:
        state = json.loads(state_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        state = {}
    api = None
    done = {}
    for name in names:
        source = root / "source" / name
        if not source.is_dir():
            raise LearnerFolderError(f"Không có bài «{name}» trong {root / 'source'}.")
        fp = _fingerprint(source)
        if api is None:
            api = make_api(root, **{"ExchangeReleaseAssignment.force": True})
        if state.get(name) != fp or not (root / "release" / name).is_dir() or not _released(api, name):
            out = api.generate_assignment(name, force=True, create=True)
            if not out["success"]:
                raise LearnerFolderError(f"Không tạo được bản phát cho học viên của bài «{name}».",
                                         hint=(out.get("error") or "")[-300:])
            out = api.release_assignment(name)
            if not out["success"]:
                raise LearnerFolderError(f"Không phát được bài «{name}» vào thư mục trao đổi bài.",
                                         hint=(out.get("error") or "")[-300:])
            state[name] = fp
        done[name] = root / "release" / name
    state_path.write_text(json.dumps(state, indent=1), encoding="utf-8")
    return done


def _released(api, name: str) -> bool:  # noqa: ANN001 - an nbgrader NbGraderAPI
    """Whether the exchange holds the released assignment (a new exchange folder needs a release)."""
    exchange = Path(api.config.Exchange.root)
    return (exchange / str(api.coursedir.course_id) / "outbound" / name).is_dir()


def refresh(dest: Path = DEFAULT_DIR, *, assignments: bool = True, root: Path = GRADING_ROOT,
            repo: Path = REPO_ROOT) -> Report:
    """Create or update the learner's folder `dest`; `assignments=False` on the class server."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    files = course_files(repo)
    if assignments:
        folders = assignment_folders()
        for name, released in release(root).items():
            for path in sorted(p for p in released.rglob("*") if p.is_file()):
                files[f"{folders[name][0]}/{path.relative_to(released).as_posix()}"] = path
    manifest_path = dest / MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = {}
    report = Report()
    for rel, src in files.items():
        if not src.is_file():
            continue
        target = dest / rel
        new = _sha(src)
        if not target.exists():
            report.copied.append(rel)
        else:
            have = _sha(target)
            if have == new:
                manifest[rel] = new
                continue
            if manifest.get(rel) != have:  # changed by the learner (or never ours): keep it
                report.kept.append(rel)
                continue
            report.updated.append(rel)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.khoahoc-tmp")
        shutil.copyfile(src, tmp)
        tmp.replace(target)
        manifest[rel] = new
    manifest_path.write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    return report
