"""Pre/post tests, learning gain report, evaluation form, certificates (issue 21).

The module fixture plays a class of 30 synthetic learners through the real grading path
(`khoahoc grade` → nbgrader autograde), then builds the report and the certificates with the CLI.
"""

from __future__ import annotations

import csv
import json
import os
import random
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from openpyxl import load_workbook

from course.assessment import evaluation as ev
from course.assessment import synthetic as syn
from course.assessment.certificates import normalise_code, read_register, sign, verify
from course.assessment.classes import AssessmentError, load_class
from course.assessment.form import AssessmentForm, answered, saved_answers
from course.assessment.questions import MODULES, QUESTIONS, TESTS, arrangement
from course.assessment.report import write_excel, write_pdf
from course.assessment.results import compute, normalised_gain
from course.catalogue import IDS
from course.cli import main as khoahoc
from course.documents.model import format_date
from course.errors import CourseError
from course.grading.coursedir import GRADING_ROOT
from course.widgets.store import AnswerStore

M1, M2, M3, _ = IDS

FIXTURE = Path(__file__).parent / "fixtures" / "grading" / "source" / "bai_mau"
PRE, POST = TESTS["dau_khoa"][0], TESTS["cuoi_khoa"][0]
SECRET = "bí-mật-của-giảng-viên-0123456789abcdef"
N = 30


def _text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True)
    return unicodedata.normalize("NFC", out.stdout.decode("utf-8"))


def _ink(pdf: Path, tmp: Path) -> float:
    """Share of non-white pixels of the first page rendered at 50 dpi."""
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", "50", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp / "page")], check=True)
    image = Image.open(next(tmp.glob("page*.png"))).convert("L")
    pixels = list(image.getdata())
    return sum(v < 200 for v in pixels) / len(pixels)


# ------------------------------------------------------------------ questions and widgets
def test_bank_spans_four_modules_and_the_key_stays_instructor_side():
    assert len(QUESTIONS) == 15 and {q.module for q in QUESTIONS} == set(MODULES)
    for q in QUESTIONS:
        assert len(set(q.options)) == 4 and unicodedata.is_normalized("NFC", q.text + "".join(q.options))
    for assignment, _ in TESTS.values():
        key = syn.key_from_source(GRADING_ROOT, assignment)
        assert set(key) == {q.qid for q in QUESTIONS}
        assert all(key[q.qid] in q.options for q in QUESTIONS)
    # the committed sources are what the build script writes
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_assessment", GRADING_ROOT / "_build_assessment.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    committed = nbformat.read(GRADING_ROOT / "source" / PRE / "kiem_tra.ipynb", as_version=4)
    assert [c.source for c in committed.cells] == [c.source for c in build.cells("dau_khoa")]
    # learners' package holds no key: no right-answer letter table in course/assessment
    package = Path(__file__).resolve().parents[1] / "course" / "assessment"
    assert not any("BEGIN HIDDEN TESTS" in p.read_text(encoding="utf-8") for p in package.glob("*.py"))


def test_order_and_options_shuffled_per_learner_deterministically():
    a1, a2 = arrangement("hv001", "dau_khoa"), arrangement("hv001", "dau_khoa")
    assert [(q.qid, o) for q, o in a1] == [(q.qid, o) for q, o in a2]
    orders = {tuple(q.qid for q, _ in arrangement(f"hv{i:03d}", "dau_khoa")) for i in range(20)}
    assert len(orders) == 20
    assert [q.qid for q, _ in a1] != [q.qid for q, _ in arrangement("hv001", "cuoi_khoa")]
    for q, options in a1:
        assert sorted(options) == sorted(q.options)
    first_options = {tuple(arrangement(f"hv{i:03d}", "dau_khoa")[0][1]) for i in range(20)}
    assert len(first_options) > 1


def test_form_saves_option_text_and_checks_answered(tmp_path):
    store = AnswerStore(tmp_path / "cau_tra_loi.json")
    form = AssessmentForm("dau_khoa", learner="hv007", store=store, namespace={})
    first = form.questions[0]
    label, value = first.buttons.options[2]
    assert label.startswith("C. ") and label.endswith(value)
    first.buttons.value = value
    saved = saved_answers(store)
    qid = first.name.removeprefix("kt_")
    assert saved[qid] == value and sum(v is not None for v in saved.values()) == 1
    assert "1/15" in form.progress.value
    answered(saved, qid)
    missing = next(q for q in saved if saved[q] is None)
    with pytest.raises(AssertionError, match="Bạn chưa trả lời câu «"):
        answered(saved, missing)
    again = AssessmentForm("dau_khoa", learner="hv007", store=store, namespace={})
    assert again.questions[0].value == value  # reopened: same order, answer restored
    with pytest.raises(CourseError, match="Không có bài kiểm tra"):
        AssessmentForm("giua_khoa", store=store)


def test_gain_formula_and_undefined_cases():
    assert normalised_gain(40, 70) == pytest.approx(0.5)
    assert normalised_gain(50, 40) == pytest.approx(-0.2)
    assert normalised_gain(100, 100) is None and normalised_gain(None, 80) is None and normalised_gain(60, None) is None


def test_dates_follow_decree_30():
    assert format_date(date(2026, 1, 5)) == "ngày 05 tháng 01 năm 2026"
    assert format_date(date(2026, 2, 28)) == "ngày 28 tháng 02 năm 2026"
    assert format_date(date(2026, 3, 9)) == "ngày 09 tháng 3 năm 2026"
    assert format_date(date(2026, 12, 7)) == "ngày 07 tháng 12 năm 2026"


# ------------------------------------------------------------------ evaluation form
def test_evaluation_form_is_anonymous_and_resend_replaces(tmp_path):
    folder = tmp_path / "phieu"
    draft = AnswerStore(tmp_path / "hv_an" / ev.DRAFT_FILE)
    form = ev.EvaluationForm("K9", folder, draft, namespace={})
    with pytest.raises(CourseError, match="Phiếu còn trống"):
        form.send()
    form.useful[M1].buttons.value = ev.USEFULNESS[4]
    form.pace.buttons.value = "Vừa phải"
    form.add.box.value = "Thêm phần  soạn báo cáo\u0301"
    path = form.send()
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["huu_ich"][M1] == 5 and record["toc_do"] == "Vừa phải"
    assert "hv_an" not in path.read_text(encoding="utf-8") and set(record) == {
        "lop", "ngay", "huu_ich", "toc_do", "can_bo_sung", "y_kien"}
    form.useful[M1].buttons.value = ev.USEFULNESS[3]
    assert form.send() == path and len(list((folder / "K9").glob("*.json"))) == 1
    (folder / "K9" / "hong.json").write_text("{không phải json", encoding="utf-8")
    # a form sent before module ids replaced the short keys ("m1") still counts for its module
    (folder / "K9" / "cu.json").write_text(json.dumps({**record, "huu_ich": {"m1": 2, "m3": 5}, "can_bo_sung": ""}), encoding="utf-8")
    summary = ev.summarise(folder, "K9")
    assert summary.count == 2 and summary.unreadable == 1 and summary.usefulness[M1]["mean"] == 3
    assert summary.usefulness[M3]["n"] == 1 and set(summary.usefulness) == set(IDS)
    assert summary.additions == [unicodedata.normalize("NFC", "Thêm phần soạn báo cáo\u0301")]


# ------------------------------------------------------------------ bad input
def _roster(tmp_path: Path, text: bytes) -> Path:
    syn.make_class(tmp_path, "X1", 1)
    (tmp_path / "lop" / "X1" / "hoc_vien.csv").write_bytes(text)
    return tmp_path


@pytest.mark.parametrize(("content", "message"), [
    ("ma_hoc_vien,ho_ten,don_vi\nhv1,An,A\nhv1,Bình,B\n".encode(), "mã học viên bị trùng: hv1"),
    (b"ho_ten\nAn\n", "thiếu cột ma_hoc_vien"),
    ("ma_hoc_vien,ho_ten\nhv1,Nguyễn Văn Ánh\n".encode("utf-16"), "không phải UTF-8"),
    (b"ma_hoc_vien,ho_ten\nhv1,\n", "thiếu mã hoặc họ tên (dòng 2)"),
])
def test_bad_rosters_get_vietnamese_errors(tmp_path, content, message):
    root = _roster(tmp_path, content)
    with pytest.raises(AssessmentError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_class(root, "X1")


def test_cli_errors_are_vietnamese_exit_2(tmp_path, capsys):
    assert khoahoc(["report", "--lop", "khong co", "--root", str(tmp_path)]) == 2
    assert "Tên lớp «khong co» không hợp lệ" in capsys.readouterr().err
    assert khoahoc(["certificates", "--lop", "K404", "--root", str(tmp_path)]) == 2
    assert "Chưa có lớp «K404»" in capsys.readouterr().err
    assert khoahoc(["certificates", "--root", str(tmp_path)]) == 2
    assert "Cần chọn lớp" in capsys.readouterr().err
    assert khoahoc(["new-class", "K2", "--root", str(tmp_path)]) == 0
    assert (tmp_path / "lop" / "K2" / "lop.toml").is_file()


def test_report_before_any_test_is_graded_says_what_to_run(tmp_path, capsys):
    from course.grading.synthetic import make_course

    root = make_course(tmp_path / "course", {})
    syn.make_class(root, "K1", 3)
    assert khoahoc(["report", "--lop", "K1", "--root", str(root)]) == 2
    err = capsys.readouterr().err
    assert "Sổ điểm chưa có bài kiểm tra đầu khoá hay cuối khoá nào của lớp «K1»" in err
    assert f"khoahoc grade {PRE}" in err and "Traceback" not in err


def test_missing_font_is_a_clear_error(tmp_path, monkeypatch):
    from course.assessment.pdf import register_fonts

    monkeypatch.setenv("COURSE_FONT_DIR", str(tmp_path))
    with pytest.raises(AssessmentError, match="Không tìm thấy phông chữ tiếng Việt"):
        register_fonts()


def _results(tmp_path: Path, n: int, names: list[str] | None = None, class_id: str = "S1"):
    syn.make_class(tmp_path, class_id, n, assignments=("bai_mau",), names=names)
    info = load_class(tmp_path, class_id)
    return compute(info, syn.synthetic_detail(info.ids, assignments=("bai_mau",), gain=0.45), tmp_path)


def test_class_of_one_and_unusual_names(tmp_path, monkeypatch):
    from course.assessment.certificates import issue

    monkeypatch.setenv("COURSE_CERT_SECRET", SECRET)
    names = ["Lò Thị Ngọc\u200b Ánh", "Nguyễn-O'Brien Thị Hồng & <Hà>", "Bùi 😀 Văn An",
             "Tôn Nữ Thị Phương Thảo Nguyễn Hoàng Bảo Khánh Linh Đặng Thuỳ Dương Quỳnh Giao"]
    res = _results(tmp_path, 4, names)
    res.learners["Đủ điều kiện cấp giấy"] = True
    out = issue(res, workers=1)
    assert len(out.issued) == 3 and "không in được: 😀" in out.skipped["hv003"]
    assert out.issued[0].ho_ten == "Lò Thị Ngọc Ánh"  # zero-width space removed
    text = _text(next(out.folder.glob("GCN_002_*.pdf")))
    assert "Nguyễn-O'Brien Thị Hồng & <Hà>" in text
    one = _results(tmp_path, 1, class_id="S2")
    write_pdf(tmp_path / "one.pdf", one, ev.summarise(tmp_path / "none", "S2"))
    assert "BÁO CÁO" in _text(tmp_path / "one.pdf") and syn.learner_name(1) not in _text(tmp_path / "one.pdf")
    one.info.named_in_pdf = True  # `bao_cao_ghi_ten = true`: the instructor chose to list names
    write_pdf(tmp_path / "one.pdf", one, ev.summarise(tmp_path / "none", "S2"))
    assert "Phụ lục: kết quả từng học viên" in _text(tmp_path / "one.pdf")
    assert syn.learner_name(1) in _text(tmp_path / "one.pdf")


def test_certificates_in_two_processes(tmp_path, monkeypatch):
    from course.assessment.certificates import issue

    monkeypatch.setenv("COURSE_CERT_SECRET", SECRET)
    res = _results(tmp_path, 45)
    res.learners["Đủ điều kiện cấp giấy"] = True
    out = issue(res, workers=2)
    files = sorted(out.folder.glob("*.pdf"))
    assert len(files) == 45 and all(f.stat().st_size > 10_000 for f in files)
    assert syn.learner_name(45) in _text(files[-1])


def test_class_of_500_report(tmp_path):
    import time

    res = _results(tmp_path, 500)
    assert len(res.learners) == 500 and res.summary["Làm cả hai bài kiểm tra"] == 500
    started = time.perf_counter()
    write_excel(tmp_path / "r.xlsx", res, res.learners, ev.summarise(tmp_path / "none", "S1"))
    write_pdf(tmp_path / "r.pdf", res, ev.summarise(tmp_path / "none", "S1"))
    assert time.perf_counter() - started < 60
    text = _text(tmp_path / "r.pdf")
    assert "500" in text and syn.learner_name(7) not in text  # names only when the instructor asks for them


def test_criteria_need_assignments_and_post_score(tmp_path):
    syn.make_class(tmp_path, "C1", 3, assignments=("bai_mau",))
    info = load_class(tmp_path, "C1")
    rows = []
    for learner, post_right, has_assignment in (("hv001", 9, True), ("hv002", 8, True), ("hv003", 15, False)):
        for test, right in (("dau_khoa", 3), ("cuoi_khoa", post_right)):
            for i, q in enumerate(QUESTIONS):
                rows.append({"Học viên": learner, "Bài": TESTS[test][0], "Câu": q.grade_id,
                             "Điểm": float(i < right), "Điểm tối đa": 1.0})
        if has_assignment:
            rows.append({"Học viên": learner, "Bài": "bai_mau", "Câu": "c", "Điểm": 0.0, "Điểm tối đa": 4.0})
    res = compute(info, pd.DataFrame(rows), tmp_path)
    ok = dict(zip(res.learners["Mã học viên"], res.learners["Đủ điều kiện cấp giấy"], strict=True))
    assert ok == {"hv001": True, "hv002": False, "hv003": False}  # 9/15 = 60 %, 8/15 = 53.3 %
    notes = res.learners.set_index("Mã học viên")["Ghi chú"]
    assert "cuối khoá 53.3 % < 60 %" in notes["hv002"] and "mới nộp 0/1 bài tập" in notes["hv003"]
    assert res.learners.set_index("Mã học viên").loc["hv001", "Chỉ số tiến bộ g"] == pytest.approx(0.5)


def test_secret_is_created_once_private_and_codes_verify_only_with_it(tmp_path, monkeypatch):
    from course.assessment.certificates import secret_key

    monkeypatch.delenv("COURSE_CERT_SECRET", raising=False)
    monkeypatch.setenv("COURSE_CACHE_DIR", str(tmp_path / "cache"))
    key = secret_key()
    path = tmp_path / "cache" / "chung_nhan" / "khoa_bi_mat"
    assert secret_key() == key and oct(path.stat().st_mode & 0o777) == "0o600"
    code = sign("001/GCN-K1", "hv1", "An", "", "K1", "2026-11-06", key)
    assert code != sign("001/GCN-K1", "hv1", "An", "", "K1", "2026-11-06", b"x" * 64)
    assert normalise_code(code.lower().replace("-", " ")) == code and normalise_code("abc") == ""


# ------------------------------------------------------------------ a class of 30 through the grading path
@pytest.fixture(scope="module")
def played(tmp_path_factory):
    from course.grading.coursedir import make_api
    from course.grading.runner import ensure_generated
    from course.grading.synthetic import fill, make_course, write_submission

    saved_env = dict(os.environ)
    os.environ.setdefault("COURSE_CELL_TIMEOUT", "20")
    os.environ["COURSE_CERT_SECRET"] = SECRET
    os.environ.pop(ev.FOLDER_ENV, None)
    root = make_course(tmp_path_factory.mktemp("course"), {
        "bai_mau": FIXTURE, PRE: GRADING_ROOT / "source" / PRE, POST: GRADING_ROOT / "source" / POST})
    api = make_api(root)
    assert khoahoc(["tests-release", "--root", str(root)]) == 0
    ensure_generated(api, "bai_mau", root)
    syn.make_class(root, "K1", N, assignments=("bai_mau",))
    key = syn.key_from_source(root, PRE)
    rng = random.Random(21)
    release = nbformat.read(root / "release" / "bai_mau" / "bai_tap.ipynb", as_version=4)
    source = nbformat.read(root / "source" / "bai_mau" / "bai_tap.ipynb", as_version=4)
    expected: dict[str, dict[str, float | None]] = {}

    def answers(right: int) -> dict[str, str]:
        chosen = set(rng.sample([q.qid for q in QUESTIONS], right))
        return {q.variable: key[q.qid] if q.qid in chosen else next(o for o in q.options if o != key[q.qid])
                for q in QUESTIONS}

    for i in range(1, N + 1):
        learner = f"hv{i:03d}"
        pre = 15 if i == 3 else rng.randint(2, 10)
        post = rng.randint(10, 15)
        if i != 2:  # hv002 skipped the pre-test
            syn.submit_test(root, learner, "dau_khoa", answers(pre))
        syn.submit_test(root, learner, "cuoi_khoa", answers(4 if i == 5 else post))
        write_submission(root, learner, "bai_mau", fill(release, source, "right" if i % 2 else "partly"))
        expected[learner] = {"pre": None if i == 2 else round(100 * pre / 15, 1), "post": round(100 * post / 15, 1)}
        draft = AnswerStore(root.parent / "homes" / learner / ev.DRAFT_FILE)
        form = ev.EvaluationForm("K1", ev.evaluation_dir(root), draft, namespace={})
        for m, q in form.useful.items():
            q.buttons.value = ev.USEFULNESS[2 + (i + IDS.index(m) + 1) % 3]
        form.pace.buttons.value = ev.PACE[1 + i % 3]
        form.add.box.value = "Thêm bài luyện tra cứu đất đai" if i % 4 == 0 else ""
        form.send()
    assert khoahoc(["grade", "all", "--workers", "2", "--quiet", "--no-feedback", "--root", str(root)]) == 0
    # hv005 failed the post-test (4/15) and submits it again: the newer submission replaces the first one
    first = pd.read_csv(root / "bao_cao" / "diem_theo_hoc_vien.csv", encoding="utf-8-sig").set_index("Học viên")
    assert first.loc["hv005", POST] == 4
    syn.submit_test(root, "hv005", "cuoi_khoa", answers(round(expected["hv005"]["post"] * 15 / 100)))
    assert khoahoc(["grade", POST, "--workers", "1", "--quiet", "--no-feedback", "--root", str(root)]) == 0
    yield root, expected
    os.environ.clear()
    os.environ.update(saved_env)


def test_release_has_no_answer_key(played):
    root, _ = played
    key = syn.key_from_source(root, POST)
    for test in (PRE, POST):
        released = (root / "release" / test / "kiem_tra.ipynb").read_text(encoding="utf-8")
        assert "HIDDEN" not in released and "==" not in released and "answered(tra_loi" in released
    assert any(k in (root / "source" / POST / "kiem_tra.ipynb").read_text(encoding="utf-8") for k in key.values())


def test_report_matches_what_learners_answered(played, capsys):
    root, expected = played
    assert khoahoc(["report", "--lop", "K1", "--root", str(root)]) == 0
    assert "Đã viết báo cáo lớp K1" in capsys.readouterr().out
    out = root / "lop" / "K1" / "bao_cao"
    table = pd.read_csv(out / "ket_qua_hoc_vien.csv", encoding="utf-8-sig").set_index("Mã học viên")
    assert len(table) == N
    for learner, want in expected.items():
        got_pre = table.loc[learner, "Đầu khoá (%)"]
        assert (pd.isna(got_pre) if want["pre"] is None else got_pre == pytest.approx(want["pre"], abs=0.05)), learner
        assert table.loc[learner, "Cuối khoá (%)"] == pytest.approx(want["post"], abs=0.05), learner
        if want["pre"] is not None and want["pre"] < 100:
            g = (want["post"] - want["pre"]) / (100 - want["pre"])
            assert table.loc[learner, "Chỉ số tiến bộ g"] == pytest.approx(g, abs=0.002)
    assert "chưa làm kiểm tra đầu khoá" in table.loc["hv002", "Ghi chú"]
    assert "đầu khoá đã đạt tối đa" in table.loc["hv003", "Ghi chú"] and pd.isna(table.loc["hv003", "Chỉ số tiến bộ g"])
    assert (table["bai_mau (%)"] == 100).sum() == N // 2 and table["bai_mau (%)"].between(0, 99).sum() == N // 2
    questions = pd.read_csv(out / "tien_bo_theo_cau.csv", encoding="utf-8-sig").set_index("Câu")
    key = syn.key_from_source(root, POST)
    for q in QUESTIONS:  # the synthetic learners' wrong answer is always the first wrong option
        if questions.loc[q.qid, "Số người còn sai cuối khoá"] > 0:
            first_wrong = next(o for o in q.options if o != key[q.qid])
            want = f"{first_wrong} ({questions.loc[q.qid, 'Số người còn sai cuối khoá']} người)"
            assert questions.loc[q.qid, "Đáp án sai hay chọn nhất (cuối khoá)"] == want
    book = load_workbook(out / "bao_cao_ket_qua.xlsx")
    assert book.sheetnames[:4] == ["Tổng hợp", "Điểm và tiến bộ", "Theo học phần", "Theo câu hỏi"]
    useful = {r[0]: r[1] for r in book["Phiếu - mức hữu ích"].iter_rows(min_row=2, values_only=True)}
    assert set(useful.values()) == {N}
    with (out / "moodle_diem.csv").open(encoding="utf-8") as fh:
        moodle = list(csv.DictReader(fh))
    assert len(moodle) == N and set(moodle[0]) == {"Username", "First name", "Surname", "bai_mau",
                                                   "Kiểm tra đầu khoá", "Kiểm tra cuối khoá"}
    assert moodle[1]["Username"] == "hv002" and moodle[1]["Kiểm tra đầu khoá"] == ""
    text = _text(out / "bao_cao_ket_qua.pdf")
    for needle in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO",
                   "từ ngày 02 tháng 11 năm 2026 đến ngày 06 tháng 11 năm 2026", f"Nhận được {N} phiếu",
                   "Thêm bài luyện tra cứu đất đai", "không tính được chỉ số tiến bộ"):
        assert needle in " ".join(text.split()), needle
    assert "hv001" not in text and syn.learner_name(1) not in text
    fonts = subprocess.run(["pdffonts", str(out / "bao_cao_ket_qua.pdf")], capture_output=True, text=True).stdout
    assert all(" yes yes yes " in line for line in fonts.splitlines()[2:])  # every font embedded, with Unicode map


def test_thirty_certificates_printable_and_verifiable(played, capsys, tmp_path):
    root, expected = played
    assert khoahoc(["certificates", "--lop", "K1", "--root", str(root)]) == 0
    printed = capsys.readouterr().out
    folder = root / "lop" / "K1" / "giay_chung_nhan"
    assert all(want["post"] >= 60 for want in expected.values())  # every learner meets the criteria
    register = read_register(folder / "so_dang_ky.csv")
    assert {c.ma_hoc_vien for c in register} == set(expected) and len(list(folder.glob("*.pdf"))) == N
    assert f"Đã tạo {N} giấy chứng nhận" in printed and SECRET not in printed
    assert len({c.so_hieu for c in register}) == len(register)
    cert = next(c for c in register if c.ma_hoc_vien == "hv001")
    pdf = next(folder.glob("GCN_*_hv001.pdf"))
    text = _text(pdf)
    assert syn.learner_name(1) in text and cert.ma_xac_minh in text and cert.so_hieu in text
    assert "GIẤY CHỨNG NHẬN" in text and "Mộc Châu, ngày 06 tháng 11 năm 2026" in text
    assert 0.01 < _ink(pdf, tmp_path) < 0.5
    for c in register:
        assert khoahoc(["certificates", "verify", c.ma_xac_minh.lower(), "--root", str(root)]) == 0
    assert f"cấp cho {syn.learner_name(1)}" in capsys.readouterr().out
    # a second run keeps serials and codes
    assert khoahoc(["certificates", "--lop", "K1", "--root", str(root)]) == 0
    assert read_register(folder / "so_dang_ky.csv") == register
    # an edited register does not verify; an unknown code neither
    lines = (folder / "so_dang_ky.csv").read_text(encoding="utf-8-sig").replace(cert.ho_ten, "Người Khác")
    shutil.copy(folder / "so_dang_ky.csv", tmp_path / "backup.csv")
    (folder / "so_dang_ky.csv").write_text(lines, encoding="utf-8-sig")
    assert not verify(cert.ma_xac_minh, root).valid
    shutil.copy(tmp_path / "backup.csv", folder / "so_dang_ky.csv")
    assert khoahoc(["certificates", "verify", "AAAA-BBBB-CCCC-DDDD", "--root", str(root)]) == 1
    assert "không có giấy chứng nhận nào mang mã này" in capsys.readouterr().out


def test_live_dashboard_sees_inbox_submissions_and_stuck_questions(played):
    from course.grading.dashboard import GRADED, SUBMITTED, LivePanel, live_status

    root, _ = played
    inbox = root / "exchange" / "ai_can_bo_co_so" / "inbound" / "hv031+bai_mau+2026-12-07 05:00:00.000000 UTC+abc"
    inbox.mkdir(parents=True)
    status = live_status(root, learners=["hv032"])
    assert status.progress.loc["hv031", "bai_mau"] == SUBMITTED and status.progress.loc["hv001", PRE] == GRADED
    assert set(status.progress.loc["hv032"]) == {""}  # on the roster, nothing submitted yet
    counts = status.counts.set_index("Bài")
    assert counts.loc["bai_mau", "Đã nộp"] == N + 1 and counts.loc[PRE, "Đã chấm"] == N - 1
    assert len(status.stuck) == 5 and status.stuck["Tỉ lệ đạt (%)"].is_monotonic_increasing
    panel = LivePanel(root, interval=1)
    assert "hv031" in panel.progress.value and "Tình hình lớp lúc" in panel.header.value
    panel.stop()
    shutil.rmtree(inbox)


def test_per_learner_module_results(tmp_path):
    syn.make_class(tmp_path, "M1", 1)
    info = load_class(tmp_path, "M1")
    rows = [{"Học viên": "hv001", "Bài": TESTS[t][0], "Câu": q.grade_id, "Điểm": float(ok(q)), "Điểm tối đa": 1.0}
            for t, ok in (("dau_khoa", lambda q: q.module == M2), ("cuoi_khoa", lambda q: q.module != M3))
            for q in QUESTIONS]
    row = compute(info, pd.DataFrame(rows), tmp_path).learners.iloc[0]
    assert (row["CĐ 1 đầu khoá (%)"], row["CĐ 1 cuối khoá (%)"], row["CĐ 1 g"]) == (0, 100, 1)
    assert row["CĐ 3 g"] == 0 and pd.isna(row["CĐ 2 g"])  # module 2 already at 100 % before the course
