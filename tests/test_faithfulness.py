"""«Kiểm tra thông tin bịa»: course.documents.faithfulness, `khoahoc doc verify`, the widget, the benchmark data."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from course.documents.faithfulness import extract_facts, verify, words_to_number
from course.errors import CourseError
from tests.conftest import REPO

NOTES = ("moi to dan pho 3 hop 8h sang thu 7 13/12/2025 o nha van hoa to 3, ban tong ve sinh. "
         "chu tri: ong Tran Van Minh. moi ho gop 50 nghin dong. theo Nghi dinh 30/2020/ND-CP.")


def invented(draft: str, notes: str = NOTES) -> list[tuple[str, str]]:
    return [(f.loai, f.gia_tri) for f in verify(draft, notes).invented]


@pytest.mark.parametrize("draft", [
    "Họp lúc 8 giờ sáng thứ Bảy, ngày 13 tháng 12 năm 2025.",
    "Họp lúc 08:00, thứ 7, 13/12/2025.",
    "Họp lúc 8h00 ngày 13/12 tại Nhà văn hoá tổ dân phố số 3.",
    "Chủ trì: ông Trần Văn Minh. Mỗi hộ góp 50.000 đồng.",
    "Chu tri: ong Tran Van Minh. Moi ho gop nam muoi nghin dong.",
    "Căn cứ Nghị định số 30/2020/NĐ-CP, kính mời TDP 3 dự họp.",
])
def test_spellings_of_the_same_fact_are_not_invented(draft):
    assert invented(draft) == []


@pytest.mark.parametrize("draft, kind, value", [
    ("Họp lúc 9 giờ sáng thứ Bảy.", "gio", "9 giờ sáng"),
    ("Họp ngày 14/12/2025.", "ngay", "ngày 14/12/2025"),
    ("Họp vào Chủ nhật, 13/12/2025.", "ngay", "Chủ nhật"),
    ("Chủ trì: ông Trần Văn Mạnh.", "ten", "Trần Văn Mạnh"),
    ("Địa điểm: Hội trường UBND phường.", "dia_diem", "Hội trường"),
    ("Mỗi hộ góp 100.000 đồng.", "so", "100.000"),
    ("Căn cứ Nghị định số 03/2020/NĐ-CP.", "van_ban", "Nghị định số 03/2020/NĐ-CP"),
    ("Theo khoản 2 Điều 9 của Nghị định.", "van_ban", "khoản 2 Điều 9"),
])
def test_invented_facts_are_listed_with_their_kind(draft, kind, value):
    assert (kind, value) in invented(draft)


def test_diacritics_count_when_both_sides_have_them():
    notes = "Chủ hộ: bà Trịnh Thị Nga."
    assert invented("Chủ hộ là bà Trinh Thi Nga.", notes) == []
    assert invented("Chủ hộ là bà Trịnh Thị Ngà.", notes) == [("ten", "Trịnh Thị Ngà")]


def test_number_words_and_amounts():
    assert words_to_number(["hai", "muoi", "lam"]) == 25
    assert words_to_number(["mot", "tram", "linh", "nam"]) == 105
    assert words_to_number(["ba", "trieu"]) == 3_000_000
    assert invented("Kinh phí 1,5 triệu đồng.", "kinh phi 1.500.000 dong") == []
    assert invented("Có mười lăm hộ.", "15 hộ tham gia") == []
    assert invented("Có mười sáu hộ.", "15 hộ tham gia") == [("so", "mười sáu")]


def test_everyday_words_are_not_facts():
    facts = extract_facts("Thu phí như sau: hộ gia đình nộp tại bộ phận một cửa. Trân trọng cảm ơn bà con.")
    assert facts == []


def test_report_json_html_and_empty_input():
    draft = "GIẤY MỜI\nHọp lúc 9 giờ ngày 13/12."
    rep = verify(draft, NOTES, "giay_moi.txt")
    at = draft.index("9 giờ")
    assert rep.to_dict()["thong_tin_bia"] == [{"loai": "gio", "gia_tri": "9 giờ", "vi_tri": at, "ket_thuc": at + 5,
                                               "dong": 2}]
    assert "<mark" in rep._repr_html_() and "ngày 13/12" in rep.highlighted_html()
    with pytest.raises(CourseError, match="trống"):
        verify("  ", NOTES)
    with pytest.raises(CourseError, match="ghi chú"):
        verify("Họp lúc 9 giờ.", "")


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "course", "doc", "verify", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120, env={"PYTHONPATH": str(REPO), "COURSE_DOTENV": str(REPO / "tests" / "no.env"),
                                                       "PATH": "/usr/bin:/bin"})


def test_cli_json_txt_docx_and_broken_docx(tmp_path):
    from docx import Document

    (tmp_path / "ghi_chu.txt").write_text(NOTES, encoding="utf-8")
    draft = "GIẤY MỜI\nThời gian: 08:00, thứ Bảy, ngày 13/12/2025.\nChủ trì: ông Lê Văn Tám."
    (tmp_path / "nhap.txt").write_text(draft, encoding="utf-8")
    doc = Document()
    for line in draft.splitlines():
        doc.add_paragraph(line)
    doc.save(tmp_path / "nhap.docx")
    for name in ("nhap.txt", "nhap.docx"):
        res = _cli(name, "--nguon", "ghi_chu.txt", "--json", cwd=tmp_path)
        assert res.returncode == 1, res.stderr
        out = json.loads(res.stdout)
        assert out["thong_tin_bia"] == [{"loai": "ten", "gia_tri": "Lê Văn Tám", "vi_tri": draft.index("Lê"),
                                         "ket_thuc": draft.index("Lê") + 10, "dong": 3}]
    (tmp_path / "dung.txt").write_text("Họp 8 giờ sáng thứ 7, 13/12/2025, nhà văn hoá tổ 3.", encoding="utf-8")
    res = _cli("dung.txt", "--nguon", "ghi_chu.txt", "--json", cwd=tmp_path)
    assert res.returncode == 0 and json.loads(res.stdout)["thong_tin_bia"] == []
    (tmp_path / "hong.docx").write_bytes(b"PK\x03\x04 not really a docx")
    res = _cli("hong.docx", "--nguon", "ghi_chu.txt", cwd=tmp_path)
    assert res.returncode == 2 and "bị hỏng" in res.stderr and "Traceback" not in res.stderr
    res = _cli("nhap.txt", cwd=tmp_path)
    assert res.returncode == 2 and "--nguon" in res.stderr


def test_widget_checks_headless():
    from course.documents.widget import FaithfulnessWidget

    box = FaithfulnessWidget(NOTES, "Họp lúc 9 giờ ngày 13/12 tại nhà văn hoá tổ 3.")
    rep = box.check()
    assert rep is not None and [f.gia_tri for f in rep.invented] == ["9 giờ"]
    assert "<mark" in box.result.value
    box.notes.value = ""
    assert box.check() is None and "Lỗi" in box.result.value


def test_benchmark_data_meets_the_bar():
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import faithfulness as bench
    finally:
        sys.path.pop(0)
    planted = 0
    for name in ("dev", "holdout", "holdout2"):
        res = bench.run(name, misses=False)
        planted += res["drafts_with_planted"]
        assert res["course"]["recall"] >= 0.95, (name, res["course"])
        assert res["course"]["precision"] >= 0.95, (name, res["course"])
        assert res["course"]["precision"] > res["naive_baseline"]["precision"]
    assert planted >= 100  # drafts with invented facts, besides the faithful ones


def test_a_draft_without_facts_says_so():
    rep = verify("Viết giấy mời họp từ ghi chú.", NOTES)
    assert rep.ok and rep.facts == []
    assert "không có ngày, giờ" in rep.summary() and "không có ngày, giờ" in rep._repr_html_()
