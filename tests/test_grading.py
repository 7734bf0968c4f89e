"""nbgrader end to end through the exchange, `khoahoc grade`, feedback, export; plus unit checks."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from openpyxl import load_workbook

from course.catalogue import IDS
from course.cli import main as khoahoc
from course.grading import checks
from course.grading.coursedir import GRADING_ROOT, fetch_assignment, make_api, submit_assignment
from course.grading.nbgrader_ext import CapOutputSize, error_line, strip_hidden_tests
from course.grading.sandbox import Policy
from course.grading.synthetic import make_course
from course.grading.triage import read_tolerant, restore_structure

FIXTURE = Path(__file__).parent / "fixtures" / "grading" / "source" / "bai_mau"
A = "bai_mau"


# ---------------------------------------------------------------- unit checks (fast, no kernel)
def test_checks_speak_vietnamese_and_ignore_diacritics():
    assert checks.normalize("  Ủy BAN   nhân dân Phường Đông ") == "uy ban nhan dan phuong dong"
    with pytest.raises(AssertionError, match="Bạn chưa điền câu trả lời vào biến `cau_1`"):
        checks.expect_filled("...", "cau_1")
    checks.expect_contains_any("UBND phuong", ["ủy ban", "ubnd"], "x")
    with pytest.raises(AssertionError, match="Còn thiếu: email"):
        checks.expect_contains_all("CCCD, số điện thoại", ["cccd", "email"], "Chưa đủ.")


def test_hidden_tests_and_tracebacks_are_stripped_for_feedback():
    src = 'assert a\n### BEGIN HIDDEN TESTS\nassert a == 42, "sai"\n### END HIDDEN TESTS\n'
    assert "42" not in strip_hidden_tests(src) and "không hiển thị" in strip_hidden_tests(src)
    assert error_line("AssertionError", "Câu 1 chưa đúng.") == "✗ Chưa đạt: Câu 1 chưa đúng."
    cell = nbformat.v4.new_code_cell("print()")
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="x" * 300_000)]
    capped, _ = CapOutputSize(max_bytes=1000).preprocess_cell(cell, {}, 0)
    assert len(capped.outputs[0].text) < 1200 and "cắt bớt" in capped.outputs[0].text


def test_sandbox_policy_allows_own_folder_only(tmp_path):
    own, course = tmp_path / "scratch" / "autograded" / "hv" / "a", tmp_path / "grading"
    policy = Policy(str(own), [str(course), str(tmp_path / "scratch")])
    assert not policy.forbidden(own / "data.csv") and not policy.forbidden(own / "x.ipynb")
    assert policy.forbidden(course / "gradebook.db") and policy.forbidden(tmp_path / "scratch" / "db" / "g.db")
    assert policy.forbidden("/elsewhere/bai_tap.ipynb") and not policy.forbidden("/usr/lib/python3/os.py")


def test_triage_reads_bad_encodings_and_restores_order(tmp_path):
    nb = nbformat.read(FIXTURE / "bai_tap.ipynb", as_version=4)
    path = tmp_path / "n.ipynb"
    path.write_bytes(nbformat.writes(nb).encode("utf-16"))
    back, note = read_tolerant(path)
    assert back is not None and "UTF-8" in note and back.cells[0].source == nb.cells[0].source
    path.write_bytes(b"\x00\xff garbage")
    assert read_tolerant(path)[0] is None
    shuffled = nbformat.from_dict(nb)
    shuffled.cells = [c for c in reversed(shuffled.cells) if c.metadata.get("nbgrader", {}).get("grade_id") != "cau2"]
    fixed, restored = restore_structure(shuffled, nb)
    assert restored == ["cau2"] and [c.id for c in fixed.cells] == [c.id for c in nb.cells]


def test_cli_help_is_vietnamese(capsys):
    with pytest.raises(SystemExit):
        khoahoc(["grade", "-h"])
    out = capsys.readouterr().out
    assert "chấm lại cả những bài đã chấm" in out and "module1_ai_overview" in out


def test_course_root_lists_module_assignments():
    """Every module whose bai_tap source exists is an nbgrader source assignment of grading/."""
    api = make_api(GRADING_ROOT)
    present = {a for a in IDS if (GRADING_ROOT.parent / a / "bai_tap" / "bai_tap.ipynb").exists()}
    assert present <= api.get_source_assignments()
    for assignment in IDS:
        link = GRADING_ROOT / "source" / assignment
        assert link.is_symlink() and os.readlink(link).endswith("/bai_tap")


# ---------------------------------------------------------------- the whole pipeline
@pytest.fixture(scope="module")
def course(tmp_path_factory):
    root = make_course(tmp_path_factory.mktemp("course"), {A: FIXTURE})
    os.environ.setdefault("COURSE_CELL_TIMEOUT", "20")
    api = make_api(root)
    assert api.generate_assignment(A)["success"]
    assert api.release_assignment(A)["success"]
    homes = tmp_path_factory.mktemp("homes")
    answers = {"hv_an": ("cau_1 = 42", 'cau_2 = "UBND phường"', 'cau_3 = ["CCCD", "SĐT", "email"]'),
               "hv_binh": ("cau_1 = 41", 'cau_2 = "Ủy ban nhân dân phường"', 'cau_3 = ["CCCD"]')}
    for learner, (a1, a2, a3) in answers.items():
        folder = fetch_assignment(A, homes / learner, learner, root)
        path = folder / "bai_tap.ipynb"
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            gid = cell.metadata.get("nbgrader", {}).get("grade_id")
            cell.source = {"cau1": a1, "cau2": a2, "cau3": a3}.get(gid, cell.source)
        nbformat.write(nb, path)
        submit_assignment(A, homes / learner, learner, root)
    assert api.collect(A)["success"]
    assert khoahoc(["grade", A, "--workers", "2", "--quiet", "--release-feedback", "--root", str(root)]) == 0
    return root, api, homes


def test_grades_recorded_in_gradebook(course):
    root, api, _ = course
    assert api.get_submission(A, "hv_an")["score"] == 4
    assert api.get_submission(A, "hv_binh")["score"] == 2
    assert {s["id"] for s in api.get_students()} >= {"hv_an", "hv_binh"}


def test_feedback_is_vietnamese_and_hides_hidden_tests(course):
    root, _, _ = course
    page = (root / "feedback" / "hv_binh" / A / "bai_tap.html").read_text(encoding="utf-8")
    assert '<html lang="vi">' in page and "điểm: 2 / 4" in page
    assert "Câu 1 chưa đúng: hãy nhân 6 với 7." in page and "Cần đúng ba loại thông tin." in page
    assert "cau_1 == 42" not in page and "most recent call last" not in page and "HIDDEN" not in page
    released = list((root / "exchange" / "ai_can_bo_co_so" / "feedback").glob("*.html"))
    assert len(released) == 2  # release_feedback put both pages in the exchange


def test_exports_csv_and_excel(course):
    root, _, _ = course
    report = root / "bao_cao"
    learners = pd.read_csv(report / "diem_theo_hoc_vien.csv", encoding="utf-8-sig")
    assert dict(zip(learners["Học viên"], learners["Tổng"], strict=True)) == {"hv_an": 4, "hv_binh": 2}
    rates = pd.read_csv(report / "ti_le_dat_theo_cau.csv", encoding="utf-8-sig").set_index("Câu")
    assert rates.loc["kiem_tra_cau1", "Tỉ lệ đạt (%)"] == 50.0 and rates.loc["kiem_tra_cau2", "Tỉ lệ đạt (%)"] == 100.0
    book = load_workbook(report / "bang_diem.xlsx")
    assert book.sheetnames == ["Điểm theo học viên", "Chi tiết theo câu", "Tỉ lệ đạt theo câu", "Ghi chú khi chấm"]


def test_force_regrade_gives_same_scores(course):
    root, api, _ = course
    assert khoahoc(["grade", A, "--force", "--quiet", "--no-feedback", "--root", str(root)]) == 0
    assert [api.get_submission(A, x)["score"] for x in ("hv_an", "hv_binh")] == [4, 2]


def test_dashboard_notebook_plots_the_class(course):
    from tests.conftest import offline_env, run_notebook

    root, _, _ = course
    nb = nbformat.read(GRADING_ROOT / "bang_dieu_khien.ipynb", as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")
    env = dict(offline_env(), COURSE_GRADING_ROOT=str(root))
    done = run_notebook(GRADING_ROOT / "bang_dieu_khien.ipynb", timeout=120, env=env)
    images = [o for c in done.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert len(images) == 3
    assert "bai_mau" in str(done.cells[4].outputs[0]["data"]["text/plain"])


def test_dashboard_without_reports_says_what_to_do(tmp_path):
    from course.grading.coursedir import GradingError
    from course.grading.dashboard import load_reports

    with pytest.raises(GradingError, match="khoahoc grade all"):
        load_reports(tmp_path)


def test_unknown_assignment_gives_vietnamese_error(tmp_path, capsys):
    root = make_course(tmp_path / "course", {})
    assert khoahoc(["grade", "khong_co_bai_nay", "--quiet", "--root", str(root)]) == 2
    assert "Không có bài «khong_co_bai_nay»" in capsys.readouterr().err


def test_template_for_a_non_sqlite_gradebook_is_rebuilt_from_source(course, tmp_path):
    """With PostgreSQL (any non-SQLite URL) workers get an SQLite gradebook rebuilt from the source."""
    from nbgrader.api import Gradebook

    from course.grading.runner import make_template

    root, _, _ = course
    template = make_template("postgresql://grader@db.invalid/khoahoc", A, root, tmp_path)
    with Gradebook(f"sqlite:///{template}", "ai_can_bo_co_so") as gb:
        cells = {c.name for c in gb.find_assignment(A).notebooks[0].grade_cells}
    assert cells == {"kiem_tra_cau1", "kiem_tra_cau2", "kiem_tra_cau3"}
