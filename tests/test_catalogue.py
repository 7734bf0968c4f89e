"""One id per module: the catalogue's module id is the module's folder, its nbgrader assignment and the key
its apps name it by; the assignment ids of past classes resolve as a read-only alias."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from course import catalogue
from course.apps import APPS, apps_of, get_app
from course.errors import CourseError
from course.grading.coursedir import GRADING_ROOT, REPO, load_config
from course.grading.synthetic import make_course

# The assessments are course-wide nbgrader assignments, not modules.
NOT_MODULES = {"kiem_tra_dau_khoa", "kiem_tra_cuoi_khoa"}
# Where a legacy id may still be written: the catalogue (the alias), the trainer's note about it, this test.
LEGACY_ALLOWED = {"course/catalogue.py", "grading/README.md", "tests/test_catalogue.py"}
FIXTURE = REPO / "tests" / "fixtures" / "grading" / "source" / "bai_mau"


def test_each_module_id_is_its_folder_and_its_assignment():
    assert [m.number for m in catalogue.MODULES] == [1, 2, 3, 4]
    assert catalogue.IDS == tuple(m.id for m in catalogue.MODULES)
    for m in catalogue.MODULES:
        assert (REPO / m.id / "bai_tap" / "bai_tap.ipynb").is_file(), m.id
        assert m.notebooks[0] == f"{m.id}/bai_giang.ipynb"
    # grading/source holds exactly the catalogue's module ids (links into the modules) and the two assessments
    entries = {p.name for p in (GRADING_ROOT / "source").iterdir()}
    assert entries - NOT_MODULES == set(catalogue.IDS), entries
    for module_id in catalogue.IDS:
        link = GRADING_ROOT / "source" / module_id
        assert link.is_symlink() and os.readlink(link) == f"../../{module_id}/bai_tap", link


def test_legacy_assignment_ids_resolve_read_only():
    three = catalogue.module(3)
    assert catalogue.module("m3_giong_noi") is three
    assert catalogue.module("module3_speech_to_text") is three and catalogue.module(3) is three
    assert catalogue.module("3") is three
    with pytest.raises(KeyError):
        catalogue.module("giong-noi")  # an app's name is not a module id
    assert catalogue.canonical("m1_tong_quan_ai") == "module1_ai_overview"
    assert catalogue.canonical("kiem_tra_dau_khoa") == "kiem_tra_dau_khoa"
    assert catalogue.read_ids("module4_legal_lookup") == ("module4_legal_lookup", "m4_tra_cuu_phap_luat")
    assert catalogue.read_ids("m4_tra_cuu_phap_luat")[0] == "module4_legal_lookup"  # written under the new id only
    assert catalogue.read_ids("kiem_tra_cuoi_khoa") == ("kiem_tra_cuoi_khoa",)
    assert catalogue.ordered({"kiem_tra_dau_khoa", "module2_chatgpt_gemini", "m1_tong_quan_ai"}) == [
        "m1_tong_quan_ai", "module2_chatgpt_gemini", "kiem_tra_dau_khoa"]
    assert set(catalogue.LEGACY_IDS) == {m.legacy_id for m in catalogue.MODULES}
    assert not set(catalogue.LEGACY_IDS) & set(catalogue.IDS)


def _tracked_text_files() -> list[str]:
    out = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True).stdout
    return [f for f in out.splitlines()
            if re.search(r"\.(py|md|ipynb|json|toml|cfg|ya?ml|txt|csv|html|tpl)$|(^|/)Makefile$", f)]


def test_no_other_module_id_is_used_as_an_assignment():
    """The legacy ids live only in the catalogue's alias; no build, test, doc or notebook names a module's
    assignment any other way (a `nop_bai("…")` or `grading/source/…` with a non-catalogue id fails)."""
    legacy = re.compile(r"\b(" + "|".join(map(re.escape, catalogue.LEGACY_IDS)) + r")\b")
    files = _tracked_text_files()
    assert len(files) > 100
    found = []
    for name in files:
        if name in LEGACY_ALLOWED or not (REPO / name).is_file():
            continue
        text = (REPO / name).read_text(encoding="utf-8", errors="ignore")
        found += [f"{name}: {m.group(0)}" for m in legacy.finditer(text)]
        for m in re.finditer(r"nop_bai\(\\?[\"'](\w+)\\?[\"']\)|grading/source/(\w+)(?=[/`\s)'\"])", text):
            used = m.group(1) or m.group(2)
            if used not in catalogue.IDS and used not in NOT_MODULES:
                found.append(f"{name}: {m.group(0)}")
    assert not found, found


def test_apps_name_their_module_by_catalogue_id():
    for app in APPS.values():
        assert app.module is None or app.module in catalogue.IDS, app
    assert [a.name for a in apps_of(3)] == ["giong-noi"]
    assert [a.name for a in apps_of("module2_chatgpt_gemini")] == ["prompt", "van-ban"]
    assert apps_of(1) == []
    # `khoahoc app` takes a module's number, id or legacy id when the module has exactly one app
    for key in ("3", "module3_speech_to_text", "m3_giong_noi", " Giong-Noi "):
        assert get_app(key).name == "giong-noi", key
    assert get_app("4").name == "luat"
    with pytest.raises(CourseError, match="Học phần 2 có 2 ứng dụng: prompt, van-ban"):
        get_app("2")
    with pytest.raises(CourseError, match="Học phần 1 không có ứng dụng riêng"):
        get_app("module1_ai_overview")
    with pytest.raises(CourseError, match="Không có ứng dụng tên «9»"):
        get_app("9")


def test_gradebook_of_a_past_class_reads_as_the_modules(tmp_path, monkeypatch):
    """A real nbgrader gradebook holding the legacy id of module 1 and the new id of module 2: the exports,
    the dashboard and the feedback title show modules 1 and 2, in course order."""
    from nbgrader.api import Gradebook

    from course.grading.dashboard import module_label
    from course.grading.export import collect, per_learner
    from course.grading.nbgrader_ext import assignment_title

    monkeypatch.setenv("PATH", os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
    root = make_course(tmp_path / "lop_cu", {})  # nbgrader creates the gradebook with `alembic` from this venv
    cfg = load_config(root)
    with Gradebook(cfg.CourseDirectory.db_url, cfg.CourseDirectory.course_id) as gb:
        for assignment, score in (("module2_chatgpt_gemini", 1.0), ("m1_tong_quan_ai", 2.0), ("kiem_tra_dau_khoa", 0.0)):
            gb.add_assignment(assignment)
            gb.add_notebook("bai_tap", assignment)
            gb.add_grade_cell("cau_1", "bai_tap", assignment, max_score=2, cell_type="code")
            if not gb.students:
                gb.add_student("hv01")
            gb.add_submission(assignment, "hv01")
            grade = gb.find_grade("cau_1", "bai_tap", assignment, "hv01")
            grade.auto_score = score
            gb.db.commit()
    detail = collect(root)
    assert sorted(set(detail["Bài"])) == ["kiem_tra_dau_khoa", "module1_ai_overview", "module2_chatgpt_gemini"]
    table = per_learner(detail)
    assert list(table.columns[1:4]) == ["module1_ai_overview", "module2_chatgpt_gemini", "kiem_tra_dau_khoa"]
    assert table.loc[0, "module1_ai_overview"] == 2.0 and table.loc[0, "Tổng"] == 3.0
    assert module_label("m1_tong_quan_ai") == module_label("module1_ai_overview") == "Học phần 1"
    assert assignment_title("m3_giong_noi") == f"Bài tập {catalogue.module(3).label}"
    assert assignment_title("kiem_tra_cuoi_khoa") == "Kiểm tra cuối khoá"


def test_submission_under_a_legacy_id_counts_for_the_module(tmp_path, monkeypatch):
    """A learner of a past class submitted through the exchange under the legacy id: the start page, which
    asks with the module's id, still shows that submission."""
    from course.grading.coursedir import make_api
    from course.learner import exchange

    root = make_course(tmp_path / "lop_cu", {"m1_tong_quan_ai": FIXTURE})
    monkeypatch.setenv("COURSE_GRADING_ROOT", str(root))
    monkeypatch.setenv("COURSE_EXCHANGE_DIR", str(root / "exchange"))
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp_path / "jupyter_data"))
    monkeypatch.setenv("COURSE_LEARNER", "hocvien01")
    for name in ("JUPYTERHUB_USER", "JUPYTERHUB_SERVICE_NAME", "NBGRADER_EXECUTION"):
        monkeypatch.delenv(name, raising=False)
    api = make_api(root)
    assert api.generate_assignment("m1_tong_quan_ai")["success"]
    assert api.release_assignment("m1_tong_quan_ai")["success"]
    folder = tmp_path / "may_hoc_vien" / "module1_ai_overview" / "bai_tap"
    exchange.fetch("module1_ai_overview", folder)  # «Nhận bài» on the start page asks with the module's id
    released = nbformat.read(next(folder.glob("*.ipynb")), as_version=4)
    assert released.cells[-1].source.endswith('nop_bai("m1_tong_quan_ai")')  # the past release, under its own id
    with pytest.raises(exchange.ExchangeError):
        exchange.fetch("module2_chatgpt_gemini", tmp_path / "khac")  # nothing released: the usual error
    assert exchange.submissions("module1_ai_overview") == []
    when = exchange.submit("m1_tong_quan_ai", folder)  # the past release's own «Nộp bài» cell
    assert exchange.submissions("module1_ai_overview") == [when]
    assert exchange.submissions("module2_chatgpt_gemini") == []
