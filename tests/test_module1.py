"""Module 1 notebooks: slides, offline execution, and the assignment through real nbgrader."""

from __future__ import annotations

import json
import os
import shutil

import nbformat
import pytest

from course.widgets import AnswerStore, ChoiceQuestion, LabelTask
from tests.conftest import REPO, outputs_text, run_notebook

MODULE = REPO / "module1_ai_overview"
A = "module1_ai_overview"
ANSWERS = {"cau_1": "B", "cau_2": "Sai", "cau_3": "A", "cau_4": "C", "cau_5": "Sai", "cau_6": "D", "cau_7": "C",
           "cau_8": "Đúng", "cau_9": "B", "cau_10": "A", "cau_11": "0"}
LABELS = ["công an", "tư pháp-hộ tịch", "môi trường", "địa chính", "xây dựng-giao thông"]


def test_lecture_is_a_slide_deck_with_notes_and_sources():
    nb = nbformat.read(MODULE / "bai_giang.ipynb", as_version=4)
    types = [c.metadata.get("slideshow", {}).get("slide_type") for c in nb.cells]
    assert types.count("slide") >= 10 and "notes" in types and "fragment" in types
    text = "\n".join(c.source for c in nb.cells)
    for fact in ("91/2025/QH15", "13/2023/NĐ-CP", "57-NQ/TW", "ngày 22 tháng 12 năm 2024", "Mộc Châu",
                 "ngày 08 tháng 8 năm 2025", "ngày 01 tháng 01 năm 2026", "34", "202/2025/QH15", "117/2025/QH15"):
        assert fact in text, fact
    assert "**Mục tiêu**" in text and "## Tóm tắt" in text and "## Tiếp theo" in text


def test_lecture_runs_offline():
    nb = run_notebook(MODULE / "bai_giang.ipynb", timeout=300)
    text = outputs_text(nb)
    assert "Traceback" not in text and "[CCCD_1]" in text and "Nhà cung cấp AI" in text


def test_practice_runs_offline():
    nb = run_notebook(MODULE / "thuc_hanh.ipynb", timeout=600)
    text = outputs_text(nb)
    assert "Traceback" not in text and "Có lỗi" not in text
    assert "o200k_base" in text and "Tiếng Việt không dấu" in text  # token table with OpenAI tokenizers
    assert "Đáp án đã kiểm chứng" in text and "Nguyễn Thị Hoa" in text  # hallucination table
    assert "image/png" in json.dumps([c.get("outputs", []) for c in nb.cells])  # charts drawn


# ----------------------------------------------------------------------------- nbgrader assignment
@pytest.fixture(scope="module")
def course(tmp_path_factory):
    from course.grading.coursedir import make_api
    from course.grading.synthetic import make_course

    root = make_course(tmp_path_factory.mktemp("course"), {A: MODULE / "bai_tap"})
    api = make_api(root)
    assert api.generate_assignment(A)["success"]
    return root, api


def _validate(root, path, **kw):
    from nbgrader.validator import Validator

    from course.grading.coursedir import load_config

    cwd = os.getcwd()
    os.chdir(root)
    try:
        return Validator(config=load_config(root), **kw).validate(str(path))
    finally:
        os.chdir(cwd)


def test_assignment_metadata():
    nb = nbformat.read(MODULE / "bai_tap" / "bai_tap.ipynb", as_version=4)
    meta = [c.metadata["nbgrader"] for c in nb.cells if "nbgrader" in c.metadata]
    graded = [m for m in meta if m["grade"]]
    assert sum(m["points"] for m in graded) == 16
    assert sum(1 for m in graded if m["grade_id"].startswith("kiem_tra_cau_")) >= 10
    essay = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "cau_tu_luan"]
    assert essay[0].cell_type == "markdown" and essay[0].metadata["nbgrader"]["solution"]  # manually graded
    tests = [c.source for c in nb.cells if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("grade")]
    assert all("### BEGIN HIDDEN TESTS" in t for t in tests)
    assert not (MODULE / "bai_tap" / "cau_tra_loi.json").exists(), "answers file must never sit in the source"


def test_source_validates_and_release_fails(course):
    root, _ = course
    source = _validate(root, root / "source" / A / "bai_tap.ipynb")
    assert not source.get("failed") and not source.get("changed") and not source.get("type_changed"), source
    release = root / "release" / A / "bai_tap.ipynb"
    text = release.read_text(encoding="utf-8")
    assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text and '"B"\\n' not in text
    failed = " ".join(f["source"] for f in _validate(root, release).get("failed", []))
    for name in [*ANSWERS, "nhan_5_phan_anh"]:
        assert f"assert {name} in" in failed or f"({name}, list)" in failed, name


def test_widget_answers_survive_autograde(course, tmp_path):
    """Clicks in the released notebook's folder are what nbgrader grades after submission."""
    root, api = course
    learner = root / "submitted" / "hv_an" / A
    shutil.copytree(root / "release" / A, learner)
    store = AnswerStore(learner / "cau_tra_loi.json")
    ns: dict = {}
    for name, value in ANSWERS.items():
        q = ChoiceQuestion(name, ["Đúng", "Sai"] if value in ("Đúng", "Sai") else
                           ["0", "0.7", "1", "1.5"] if name == "cau_11" else "ABCD", store=store, namespace=ns)
        q.buttons.value = "A" if name == "cau_1" else value  # one wrong answer on purpose
    task = LabelTask("nhan_5_phan_anh", ["1", "2", "3", "4", "5"], LABELS, store=store, namespace=ns)
    for dd, label in zip(task.dropdowns, LABELS, strict=True):
        dd.value = label
    nb = nbformat.read(learner / "bai_tap.ipynb", as_version=4)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "cau_tu_luan":
            cell.source = "Dùng AI soạn nháp thông báo công khai; không đưa công văn mật lên AI công cộng."
    nbformat.write(nb, learner / "bai_tap.ipynb")
    (learner / "timestamp.txt").write_text("2026-01-05 08:00:00.000000 UTC", encoding="utf-8")
    result = api.autograde(A, "hv_an", force=True, create=True)
    assert result["success"], result.get("log")
    with api.gradebook as gb:
        sub = gb.find_submission(A, "hv_an")
        assert sub.score == 12  # 10/11 questions + 2 for the labels; the essay waits for a person
        assert sub.max_score == 16
        assert sub.needs_manual_grade
