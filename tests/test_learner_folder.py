"""The learner's folder holds only what a learner may open, and the «Nộp bài» path works end to end.

Real nbgrader everywhere: `generate_assignment` and `release_assignment` into a course root's exchange,
the learner's submission through nbgrader's exchange (as the «Nộp bài» button does), `khoahoc grade`
collecting and grading it, and the feedback fetched back (as «Xem nhận xét» does).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import nbformat
import pytest

from course.catalogue import IDS
from course.grading.coursedir import GRADING_ROOT, REPO
from course.grading.synthetic import make_course, solution_code
from course.learner import exchange
from course.learner.folder import MANIFEST, course_files, refresh

SOURCES = {**{a: REPO / a / "bai_tap" for a in IDS},
           **{p.name: p for p in (GRADING_ROOT / "source").iterdir() if p.name.startswith("kiem_tra")}}
MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")


def answer_key_lines() -> set[str]:
    """Every line (≥ 12 characters) of every model answer and hidden test that the course does not show
    learners anyway: lines also in the question's visible text or in the lectures, practices and their data
    (the sample documents' letterheads, a name the question itself gives) are no secret."""
    public = "\n".join(p.read_text(encoding="utf-8", errors="ignore") for p in course_files().values() if p.is_file())
    lines: set[str] = set()
    for folder in SOURCES.values():
        for path in folder.glob("*.ipynb"):
            nb = nbformat.read(path, as_version=4)
            secret, visible = [], []
            for cell in nb.cells:
                meta = cell.metadata.get("nbgrader", {})
                blocks = re.findall(r"### BEGIN (?:SOLUTION|HIDDEN TESTS)\n(.*?)### END", cell.source, re.DOTALL)
                if meta.get("solution") and cell.cell_type == "markdown":
                    blocks.append(cell.source)  # a written answer's model text
                else:
                    visible.append(re.sub(r"### BEGIN (SOLUTION|HIDDEN TESTS).*?### END \1", "", cell.source,
                                          flags=re.DOTALL))
                secret += [line.strip() for block in blocks for line in block.splitlines()]
            shown = "\n".join(visible) + public
            lines.update(line for line in secret if len(line) >= 12 and line not in shown)
    return lines


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hoc_vien")
    root = make_course(tmp / "grading", SOURCES)
    return tmp, root


@pytest.fixture
def env(course, monkeypatch):
    tmp, root = course
    monkeypatch.setenv("COURSE_GRADING_ROOT", str(root))
    monkeypatch.setenv("COURSE_EXCHANGE_DIR", str(root / "exchange"))
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp / "jupyter_data"))  # nbgrader's submission record
    monkeypatch.setenv("COURSE_LEARNER", "hocvien01")
    for name in ("JUPYTERHUB_USER", "JUPYTERHUB_SERVICE_NAME", "NBGRADER_EXECUTION"):
        monkeypatch.delenv(name, raising=False)
    return tmp, root


def test_learner_folder_holds_no_answer_key(env):
    tmp, root = env
    dest = tmp / "may_hoc_vien"
    report = refresh(dest, root=root)
    files = [p for p in dest.rglob("*") if p.is_file()]
    assert report.copied and len(files) == len(report.copied) + 1  # + the manifest
    names = {p.relative_to(dest).as_posix() for p in files}
    for folder in IDS:
        assert f"{folder}/bai_tap/bai_tap.ipynb" in names, folder
        assert f"{folder}/bai_giang.ipynb" in names and f"{folder}/thuc_hanh.ipynb" in names
    assert {"bat_dau.ipynb", "kiem_tra_dau_khoa/kiem_tra.ipynb", "ung_dung/tra_cuu_luat.ipynb"} <= names
    assert not any(n.endswith(".py") or n.startswith(("course/", "tests/", "grading/", "deploy/")) for n in names)
    keys = answer_key_lines()
    assert len(keys) > 30  # the check has something to look for
    for path in files:
        text = path.read_text(encoding="utf-8", errors="ignore")
        for marker in MARKERS:
            assert marker not in text, (path, marker)
        leaked = [line for line in keys if line in text]
        assert not leaked, (path, leaked[:3])
    # every released assignment ends with the «Nộp bài» panel
    for folder in IDS:
        nb = nbformat.read(dest / folder / "bai_tap" / "bai_tap.ipynb", as_version=4)
        assert nb.cells[-1].source.startswith("from course.learner import nop_bai")
    # the start page links only to files the learner's folder holds
    start = nbformat.read(dest / "bat_dau.ipynb", as_version=4)
    links = re.findall(r"\]\(([^)#]+\.ipynb)\)", "\n".join(c.source for c in start.cells if c.cell_type == "markdown"))
    assert links and all((dest / link).is_file() for link in links), links


def test_refresh_never_overwrites_the_learners_work(env, tmp_path):
    _, root = env
    repo = tmp_path / "repo"
    (repo / "docs").mkdir(parents=True)
    (repo / "bat_dau.ipynb").write_text("v1", encoding="utf-8")
    dest = tmp_path / "hv"
    refresh(dest, assignments=False, root=root, repo=repo)
    assert (dest / "bat_dau.ipynb").read_text(encoding="utf-8") == "v1"
    (repo / "bat_dau.ipynb").write_text("v2", encoding="utf-8")  # the course changes an untouched file
    report = refresh(dest, assignments=False, root=root, repo=repo)
    assert report.updated == ["bat_dau.ipynb"] and (dest / "bat_dau.ipynb").read_text(encoding="utf-8") == "v2"
    (dest / "bat_dau.ipynb").write_text("bài của tôi", encoding="utf-8")  # the learner edits it
    (dest / "cau_tra_loi.json").write_text("{}", encoding="utf-8")
    (repo / "bat_dau.ipynb").write_text("v3", encoding="utf-8")
    report = refresh(dest, assignments=False, root=root, repo=repo)
    assert report.kept == ["bat_dau.ipynb"] and (dest / "bat_dau.ipynb").read_text(encoding="utf-8") == "bài của tôi"
    assert (dest / "cau_tra_loi.json").read_text(encoding="utf-8") == "{}"
    assert "bat_dau.ipynb" in json.loads((dest / MANIFEST).read_text(encoding="utf-8"))


def test_submit_grade_and_feedback_on_a_single_machine(env):
    """«Nộp bài» into the local exchange, `khoahoc grade` collects and grades, «Xem nhận xét» finds the page."""
    tmp, root = env
    dest = tmp / "may_hoc_vien"
    refresh(dest, root=root)
    folder = dest / "module1_ai_overview" / "bai_tap"
    assignment = "module1_ai_overview"
    assert exchange.submissions(assignment) == []
    assert exchange.fetch_feedback(assignment, folder) is None
    # Answer as the widgets do: every choice saved to cau_tra_loi.json beside the notebook.
    source = nbformat.read(SOURCES[assignment] / "bai_tap.ipynb", as_version=4)
    answers = {}
    for cell in source.cells:
        if cell.metadata.get("nbgrader", {}).get("solution") and cell.cell_type == "code":
            for name, value in re.findall(r"^\s*(\w+) = (\[.*?\]|\".*?\")\s*$", solution_code(cell.source), re.MULTILINE):
                answers[name] = json.loads(value)
    answers["cau_3"] = "D" if answers["cau_3"] != "D" else "A"  # one wrong answer
    (folder / "cau_tra_loi.json").write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
    when = exchange.submit(assignment, folder)
    assert exchange.submissions(assignment)[-1] == when
    assert "ngày" in exchange.vietnam_time(when) and "giờ" in exchange.vietnam_time(when)
    grade = subprocess.run([sys.executable, "-m", "course", "grade", assignment, "--root", str(root), "--quiet",
                            "--release-feedback", "--no-export"], capture_output=True, text=True, timeout=900)
    assert grade.returncode == 0, (grade.stdout + grade.stderr)[-3000:]
    assert (root / "submitted" / "hocvien01" / assignment / "bai_tap.ipynb").is_file()
    found = exchange.fetch_feedback(assignment, folder)
    assert found is not None and found.submitted == when
    page = found.page.read_text(encoding="utf-8")
    assert '<html lang="vi">' in page and "Câu 3 chưa đúng" in page
    # Vietnamese titles, never internal ids: "Câu 3" beside its score, the reason under it
    assert "Bài tập Học phần 1 — Tổng quan về AI" in page and ">Câu 3</a>" in page
    assert not re.search(r">\s*(kiem_tra_cau_\d+|module1_ai_overview)\s*<", page)
    assert "most recent call last" not in page
