"""Module 2 notebooks: built from _build.py, run offline in a real kernel, nbgrader validate works."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from course.catalogue import module
from course.prompting import rubric_table
from tests.conftest import REPO, outputs_text, run_notebook

MODULE = REPO / "module2_chatgpt_gemini"
A = module(2).id  # the module's nbgrader assignment id
NOTEBOOKS = ["bai_giang.ipynb", "thuc_hanh.ipynb", "bai_tap/bai_tap.ipynb"]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    """A copy of the module folder, so running notebooks never writes into the repository."""
    dest = tmp_path_factory.mktemp("m2") / "module2_chatgpt_gemini"
    shutil.copytree(MODULE, dest, ignore=shutil.ignore_patterns("*.docx", "cau_tra_loi.json", ".ipynb_checkpoints"))
    return dest


def _build_module():
    spec = importlib.util.spec_from_file_location("m2_build", MODULE / "_build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    return build


def test_notebook_structure():
    lecture = nbformat.read(MODULE / "bai_giang.ipynb", as_version=4)
    assert all("slideshow" in c.metadata for c in lecture.cells)
    for name in NOTEBOOKS:
        nb = nbformat.read(MODULE / name, as_version=4)
        text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
        assert text.count("\n# ") + text.startswith("# ") == 1, f"{name}: one H1"
        for word in ("Mục tiêu", "Thời lượng", "Chuẩn bị", "Tóm tắt", "Tiếp theo", "Nguồn"):
            assert word in text, (name, word)
        setups = [c for c in nb.cells if c.cell_type == "code" and "setup()" in c.source]
        assert len(setups) == 1, f"{name}: exactly one set-up cell"
    practice = nbformat.read(MODULE / "thuc_hanh.ipynb", as_version=4)
    sdk = {c.id: c for c in practice.cells if c.id.startswith("m2-th-sdk") and c.cell_type == "code"}
    assert all(c.metadata["jupyter"]["source_hidden"] is True for c in sdk.values())
    assert "from openai import OpenAI" in sdk["m2-th-sdk"].source
    assert "from google import genai" in sdk["m2-th-sdk-gemini"].source


def test_visible_code_cells_are_at_most_twelve_lines():
    """Issue 19: no code cell of module 2 is longer than 12 lines (the two raw-SDK cells included)."""
    for name in NOTEBOOKS:
        nb = nbformat.read(MODULE / name, as_version=4)
        # Solution cells are replaced by a stub when nbgrader releases the assignment: learners never see them.
        long = [(c.id, len(c.source.strip().splitlines())) for c in nb.cells
                if c.cell_type == "code" and not c.metadata.get("nbgrader", {}).get("solution")
                and len(c.source.strip().splitlines()) > 12]
        assert not long, (name, long)


def test_rubric_is_published_in_the_assignment():
    nb = nbformat.read(MODULE / "bai_tap" / "bai_tap.ipynb", as_version=4)
    q1 = next(c for c in nb.cells if c.id == "m2-bt-q1")
    assert rubric_table() in q1.source


def test_assignment_runs_offline_without_a_model(workdir):
    nb = run_notebook(workdir / "bai_tap" / "bai_tap.ipynb", timeout=120)
    text = outputs_text(nb)
    assert "ĐẠT" in text and "[CCCD_1]" in text
    assert "Không thấy thông tin nào ngoài ghi chú" in text  # Câu 5's own solution has nothing invented
    assert "Traceback" not in text


@pytest.mark.slow
def test_lecture_runs_offline(workdir):
    nb = run_notebook(workdir / "bai_giang.ipynb", timeout=300)
    text = outputs_text(nb)
    assert "mô hình nhỏ" in text.lower()
    assert "quyền hạn «T/M» phải viết «TM.»" in text
    assert "CHƯA ĐẠT" in text and "Traceback" not in text


@pytest.mark.slow
def test_practice_runs_offline(workdir):
    nb = run_notebook(workdir / "thuc_hanh.ipynb", timeout=400)
    text = outputs_text(nb)
    assert "✅ <b>giay_moi_cua_toi.docx — giấy mời</b>: đạt" in text
    assert (workdir / "cong_van_tu_AI.docx").exists()
    assert "không tra cứu được Internet" in text
    assert "nên ô này không gọi ChatGPT" in text and "nên ô này không gọi Gemini" in text
    assert "Thiếu thời gian họp" in text  # structured drafting asks back instead of inventing the hour
    assert "GIẤY MỜI" in text or "Cần bổ sung trước khi soạn" in text  # a document or questions, never silence
    assert "Traceback" not in text


def _nbgrader(args: list[str], cwd: Path) -> str:
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env.pop("NBGRADER_EXECUTION", None)
    res = subprocess.run([str(Path(sys.executable).parent / "nbgrader"), *args], cwd=cwd, env=env,
                         capture_output=True, text=True, timeout=300)
    return res.stdout + res.stderr


def test_nbgrader_validate_release_and_autograde(tmp_path):
    course = tmp_path / "course"
    (course / "source" / A).mkdir(parents=True)
    shutil.copy(MODULE / "bai_tap" / "bai_tap.ipynb", course / "source" / A / "bai_tap.ipynb")
    (course / "nbgrader_config.py").write_text('c = get_config()\nc.CourseDirectory.course_id = "m2-test"\n')
    out = _nbgrader(["validate", f"source/{A}/bai_tap.ipynb"], course)
    assert "Success! Your notebook passes all the tests." in out, out[-2000:]
    out = _nbgrader(["generate_assignment", A, "--force"], course)
    released = course / "release" / A / "bai_tap.ipynb"
    assert released.exists(), out[-2000:]
    text = released.read_text(encoding="utf-8")
    assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text and "Lê Lợi\\\" not in" not in text
    assert "raise NotImplementedError()" in text
    out = _nbgrader(["validate", f"release/{A}/bai_tap.ipynb"], course)
    assert "VALIDATION FAILED" in out, out[-2000:]

    # A learner's submission: the released notebook plus the answers the widgets saved (cau_tra_loi.json).
    # Prompt, fixed document, invented detail and faithful invitation are right; personal data was left in on purpose:
    # 12 of 14 points.
    build = _build_module()
    submitted = course / "submitted" / "hoc_vien_1" / A
    submitted.mkdir(parents=True)
    shutil.copy(released, submitted / "bai_tap.ipynb")
    answers = {"cau_lenh": build.GOOD_PROMPT.replace("thạo thủ tục", "nắm vững thủ tục"),
               "yeu_cau_da_che": build.CITIZEN_REQUEST, "van_ban_da_sua": build.FIXED_INVITATION,
               "chi_tiet_bia": "từ 07 giờ 30 đến 16 giờ", "giay_moi_khong_bia": build.FAITHFUL_DRAFT}
    (submitted / "cau_tra_loi.json").write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
    out = _nbgrader(["autograde", A, "--force"], course)
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        sub = gb.find_submission(A, "hoc_vien_1")
        grades = {g.name: g.score for nb in sub.notebooks for g in nb.grades}
        assert (sub.score, sub.max_score) == (12.0, 14.0), (grades, out[-2000:])
        assert grades["m2-bt-q2-test-pii"] == 0.0
