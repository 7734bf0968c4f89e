"""Writes the nbgrader sources of the pre-test and post-test (instructor side, not learner-facing):
`grading/source/kiem_tra_dau_khoa/kiem_tra.ipynb` and `grading/source/kiem_tra_cuoi_khoa/kiem_tra.ipynb`.

The answer key lives here and in the hidden tests of those sources only; `nbgrader generate_assignment`
removes hidden tests from the version learners receive. The questions themselves are in
`course/assessment/questions.py`.

Run: .venv/bin/python grading/_build_assessment.py
"""

from __future__ import annotations

from pathlib import Path

from course.assessment.questions import BY_ID, NOTEBOOK, QUESTIONS, TESTS
from course.notebook_builder import code, grade_meta, md, save

HERE = Path(__file__).resolve().parent
# question id -> letter of the right option in the bank's own (unshuffled) order
KEY: dict[str, str] = {
    "q01": "B", "q02": "C", "q03": "D", "q04": "A", "q05": "B", "q06": "D", "q07": "A", "q08": "C",
    "q09": "B", "q10": "C", "q11": "A", "q12": "D", "q13": "B", "q14": "A", "q15": "C",
}
WHEN = {"dau_khoa": "trước khi bắt đầu học phần 1", "cuoi_khoa": "sau khi học xong học phần 4"}


def right_option(qid: str) -> str:
    """The text of the right option of question `qid`."""
    return BY_ID[qid].options["ABCD".index(KEY[qid])]


def cells(test: str) -> list:
    assignment, title = TESTS[test]
    pre = test == "dau_khoa"
    out = [
        md(f"{test}-title", f"# {title}\n"
           f"Bài kiểm tra ngắn làm {WHEN[test]}, để giảng viên biết lớp đã tiến bộ đến đâu.\n\n"
           "**Mục tiêu**\n- Trả lời 15 câu trắc nghiệm về bốn học phần của khoá học.\n"
           "- Giúp giảng viên đo mức tiến bộ của lớp (so sánh đầu khoá và cuối khoá).\n\n"
           "**Thời lượng**: 15 phút. **Điểm**: 15 câu × 1 điểm.\n\n"
           "**Chuẩn bị**: " + ("không cần chuẩn bị gì; chưa biết thì cứ chọn đáp án bạn thấy hợp lý nhất, "
                               "điểm bài này không tính vào kết quả khoá học." if pre else
                               "đã học xong bốn học phần. Đạt từ 60 % trở lên là một điều kiện để nhận giấy "
                               "chứng nhận hoàn thành."),
           **grade_meta(f"gioi_thieu_{test}", locked=True)),
        md(f"{test}-how", "## Làm bài\nChạy ô dưới đây, rồi bấm chọn một đáp án cho mỗi câu. Đáp án được lưu ngay "
                          "vào tệp `cau_tra_loi.json` cạnh bài, nên mở lại bài vẫn còn."),
        code(f"{test}-setup", "from course.assessment import answered, assessment_form\nfrom course.ui import setup\n\n"
                              "setup()", **grade_meta(f"cai_dat_{test}", locked=True)),
        code(f"{test}-form", f'tra_loi = assessment_form("{test}")',
             **grade_meta(f"bai_lam_{test}", locked=True)),
        md(f"{test}-check-text", "## Tự kiểm tra\nChạy các ô dưới đây: ô nào báo «Bạn chưa trả lời câu…» thì quay lên "
                                 "chọn đáp án cho câu đó rồi chạy lại. Các ô này chỉ kiểm tra bạn đã trả lời đủ; "
                                 "đúng hay sai do hệ thống chấm cho biết sau khi nộp bài."),
    ]
    for q in QUESTIONS:
        out.append(code(f"{test}-{q.qid}",
                        f'answered(tra_loi, "{q.qid}")\n### BEGIN HIDDEN TESTS\n'
                        f'assert tra_loi["{q.qid}"] == {right_option(q.qid)!r}, "Câu này chưa đúng."\n'
                        "### END HIDDEN TESTS",
                        **grade_meta(q.grade_id, grade=True, points=1, locked=True)))
    out.append(md(f"{test}-summary", "## Tóm tắt\nLưu sổ tay (Ctrl+S) rồi nộp bài như các bài tập khác.\n\n"
                  "## Tiếp theo\n" + ("Bắt đầu học phần 1 — Tổng quan về AI." if pre else
                                      "Điền «Phiếu đánh giá khoá học» (ứng dụng «danh-gia» ở trang bắt đầu) "
                                      "để giúp lớp sau học tốt hơn.") +
                  "\n\nNguồn: câu hỏi do nhóm khoá học soạn theo nội dung bốn học phần; câu về dòng địa danh, "
                  "ngày tháng theo Nghị định 30/2020/NĐ-CP, Phụ lục I.",
                  **grade_meta(f"ket_thuc_{test}", locked=True)))
    return out


def build() -> list[Path]:
    return [save(cells(test), HERE / "source" / assignment / f"{NOTEBOOK}.ipynb", title=title)
            for test, (assignment, title) in TESTS.items()]


if __name__ == "__main__":
    for path in build():
        print(path)
