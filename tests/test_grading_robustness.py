"""One bad notebook never derails the class: each case is a real submission file, graded in one
parallel run next to good submissions whose grades must stay right."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import nbformat
import pytest

from course.grading.coursedir import make_api
from course.grading.runner import MARKER, grade_assignment
from course.grading.synthetic import fill, make_course, write_submission

FIXTURE = Path(__file__).parent / "fixtures" / "grading" / "source" / "bai_mau"
A = "bai_mau"
RIGHT = {"cau1": "cau_1 = 6 * 7", "cau2": 'cau_2 = "Ủy ban nhân dân phường"',
         "cau3": 'cau_3 = ["CCCD", "số điện thoại", "email"]'}


def answered(release: nbformat.NotebookNode, **sources: str) -> nbformat.NotebookNode:
    """Released notebook with answers: RIGHT by default, overridden per grade_id."""
    nb = nbformat.from_dict(release)
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid in RIGHT:
            cell.source = sources.get(gid, RIGHT[gid])
    return nb


def cell_of(nb: nbformat.NotebookNode, gid: str) -> nbformat.NotebookNode:
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == gid)


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    saved = {k: os.environ.get(k) for k in ("COURSE_CELL_TIMEOUT", "COURSE_SUBMISSION_TIMEOUT")}
    os.environ["COURSE_CELL_TIMEOUT"] = "4"
    os.environ["COURSE_SUBMISSION_TIMEOUT"] = "45"
    root = make_course(tmp_path_factory.mktemp("course"), {A: FIXTURE})
    api = make_api(root)
    assert api.generate_assignment(A)["success"]
    release = nbformat.read(root / "release" / A / "bai_tap.ipynb", as_version=4)
    source = nbformat.read(root / "source" / A / "bai_tap.ipynb", as_version=4)
    sub = lambda learner, content, **kw: write_submission(root, learner, A, content, **kw)  # noqa: E731

    sub("ok_right", fill(release, source, "right"))
    sub("ok_partly", fill(release, source, "partly"))
    sub("corrupt_json", b'{"cells": [{"cell_type": "code", "sour')
    foreign = nbformat.from_dict(release)
    for i, cell in enumerate(foreign.cells):
        if "nbgrader" in cell.metadata:
            cell.metadata["nbgrader"]["grade_id"] = f"bai_khac_{i}"
    sub("foreign", foreign)
    deleted = answered(release)
    deleted.cells = [c for c in deleted.cells if c.metadata.get("nbgrader", {}).get("grade_id")
                     not in {"cau2", "kiem_tra_cau3"}]
    sub("deleted_cells", deleted)
    shuffled = answered(release)
    shuffled.cells = list(reversed(shuffled.cells))
    sub("reordered", shuffled)
    edited = answered(release, cau1="cau_1 = 41")
    cell_of(edited, "kiem_tra_cau1").source = "pass  # đã sửa ô kiểm tra"
    sub("edited_tests", edited)
    sub("infinite_loop", answered(release, cau1="while True:\n    pass"))
    sub("ignores_interrupt", answered(release, cau1="import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\n"
                                              "while True:\n    pass"))
    sub("kernel_crash", answered(release, cau2="import os\nos._exit(1)"))
    sub("memory_blowup", answered(release, cau1="blocks = []\nwhile True:\n    blocks.append(bytearray(64 * 2**20))"))
    sub("big_output", answered(release, cau1='print("x" * 50_000_000)\ncau_1 = 42'))
    secrets = (f'import sqlite3\ncau_1 = None\nfor p in [{str(root / "source" / A / "bai_tap.ipynb")!r}, '
               f'"../../../../release/{A}/bai_tap.ipynb"]:\n'
               '    try:\n        if "cau_1 =" + "= 42" in open(p, encoding="utf-8").read():\n            cau_1 = 42\n'
               '    except OSError:\n        pass\n'
               f'try:\n    sqlite3.connect({str(root / "gradebook.db")!r}).execute("update grade set auto_score = 99")\n'
               'except Exception:\n    pass')
    sub("read_secrets", answered(release, cau1=secrets))
    sub("network", answered(release, cau2='import urllib.request\nurllib.request.urlopen("http://example.com", '
                                          'timeout=3)\ncau_2 = "Ủy ban nhân dân phường"'))
    # ASCII JSON with one raw Windows-1258/Latin-1 byte (é = 0xE9): not valid UTF-8
    latin = json.dumps(answered(release, cau2='cau_2 = "Uy ban nhan dan phuong (café)"'))
    sub("non_utf8", latin.replace("\\u00e9", "\xe9").encode("latin-1"))
    sub("extra_files", answered(release, cau1="cau_1 = 1"), extra={
        "course/__init__.py": b"", "course/grading/__init__.py": b"",
        "course/grading/checks.py": b"def expect_filled(*a):\n    pass\ndef expect_contains_any(*a):\n    pass\n",
        "ghi_chu.txt": "Ghi chú của tôi".encode(), "nhap.ipynb": b"{}"})
    try:
        summary = grade_assignment(A, root=root, workers=2, progress=False, mem_mb=1500)
        yield root, summary
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def scores(root: Path) -> dict[str, float]:
    with sqlite3.connect(root / "gradebook.db") as db:
        rows = db.execute("select student.id, sum(coalesce(grade.manual_score, grade.auto_score, 0)) "
                          "from grade join submitted_notebook on grade.notebook_id = submitted_notebook.id "
                          "join submitted_assignment on submitted_notebook.assignment_id = submitted_assignment.id "
                          "join student on submitted_assignment.student_id = student.id group by student.id")
        return {learner: float(total) for learner, total in rows}


def marker(root: Path, learner: str) -> dict:
    return json.loads((root / "autograded" / learner / A / MARKER).read_text(encoding="utf-8"))


EXPECTED = {  # learner: (score, words that must appear in the Vietnamese reasons)
    "ok_right": (4, []), "ok_partly": (2, []),
    "corrupt_json": (0, ["bị hỏng"]), "foreign": (0, ["không phải bài"]),
    "deleted_cells": (2, ["bị xoá hoặc đổi chỗ", "cau2"]), "reordered": (4, ["đổi chỗ"]),
    "edited_tests": (3, ["Ô kiểm tra đã bị sửa"]), "infinite_loop": (3, ["quá thời gian"]),
    "kernel_crash": (2, ["dừng đột ngột", "bỏ qua"]), "memory_blowup": (3, ["bộ nhớ"]),
    "big_output": (4, []), "read_secrets": (3, ["đã chặn"]), "network": (2, ["truy cập mạng"]),
    "non_utf8": (4, ["UTF-8"]), "extra_files": (3, ["course/"]),
}


@pytest.mark.parametrize("learner", sorted(EXPECTED))
def test_each_bad_submission_is_graded_with_a_reason(graded, learner):
    root, _ = graded
    score, words = EXPECTED[learner]
    assert scores(root)[learner] == score
    info = marker(root, learner)
    assert info["score"] == score
    for word in words:
        assert word in " ".join(info["reasons"]), info
    page = root / "feedback" / learner / A / "bai_tap.html"
    assert page.exists() and page.stat().st_size < 2_000_000
    text = page.read_text(encoding="utf-8")
    assert "cau_1 == 42" not in text and "BEGIN HIDDEN TESTS" not in text
    for reason in info["reasons"]:
        assert reason.replace("«", "&laquo;").replace("»", "&raquo;")[:20] in text or reason[:20] in text


def test_uninterruptible_loop_is_stopped(graded):
    root, _ = graded
    info = marker(root, "ignores_interrupt")
    assert info["status"] in {"failed", "graded"} and info["score"] <= 3
    assert info["reasons"]


def test_run_summary_and_tamper_proof_gradebook(graded):
    root, summary = graded
    assert summary.graded + summary.zero + summary.failed == len(EXPECTED) + 1
    assert max(scores(root).values()) <= 4  # the update attempt never reached the gradebook
    assert "café" in (root / "autograded" / "non_utf8" / A / "bai_tap.ipynb").read_text(encoding="utf-8")
    kept = root / "autograded" / "extra_files" / A
    assert (kept / "ghi_chu.txt").exists() and not (kept / "course").exists()
    assert (root / "autograded" / "big_output" / A / "bai_tap.ipynb").stat().st_size < 1_000_000


def test_rerun_is_idempotent(graded):
    root, _ = graded
    before = scores(root)
    again = grade_assignment(A, root=root, workers=2, progress=False)
    assert again.skipped == len(EXPECTED) + 1 and again.graded == 0
    assert scores(root) == before
