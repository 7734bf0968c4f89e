"""Writes grading/bang_dieu_khien.ipynb (stable cell ids, no outputs). Not learner-facing.

Run: .venv/bin/python grading/_build_dashboard.py
"""

from __future__ import annotations

from pathlib import Path

from course.notebook_builder import code, md, save

TARGET = Path(__file__).resolve().parent / "bang_dieu_khien.ipynb"

CELLS = [
    ("md", "gd-title", "# Bảng điều khiển lớp học\n"
     "Xem nhanh kết quả chấm tự động của cả lớp để quyết định buổi sau cần ôn lại phần nào.\n\n"
     "**Mục tiêu**\n- Biết điểm trung bình và số bài nộp của từng học phần.\n"
     "- Thấy phân bố điểm của cả lớp.\n- Tìm ra những câu khó nhất để ôn lại.\n"
     "- Đọc ghi chú của hệ thống chấm về các bài nộp bị lỗi.\n"
     "- Trong giờ học, theo dõi trực tiếp ai đã nộp bài và lớp đang vướng ở câu nào.\n\n"
     "**Thời lượng**: khoảng 10 phút.\n\n"
     "**Chuẩn bị**: đã chấm bài bằng lệnh `khoahoc grade all` (chạy ở thư mục gốc của khoá học); "
     "lệnh này tạo các bảng điểm trong `grading/bao_cao/`."),
    ("md", "gd-setup-text", "Chạy ô dưới đây để đọc bảng điểm mới nhất."),
    ("code", "gd-setup", "from course.grading import dashboard\nfrom course.ui import setup\n\n"
     "setup()\nbao_cao = dashboard.load_reports()"),
    ("md", "gd-overview-text", "## Tổng quan từng học phần\n"
     "Mỗi dòng là một học phần: số bài nộp, điểm trung bình, số bài đạt tối đa và số bài có ghi chú."),
    ("code", "gd-overview", "dashboard.overview(bao_cao)"),
    ("md", "gd-dist-text", "## Phân bố điểm\nNhiều học viên dồn về bên trái nghĩa là lớp cần ôn lại."),
    ("code", "gd-dist", "dashboard.plot_score_distribution(bao_cao)"),
    ("md", "gd-hard-text", "## Những câu khó nhất\nCâu có tỉ lệ đạt thấp nhất nằm trên cùng."),
    ("code", "gd-hard", "dashboard.plot_hardest_questions(bao_cao, n=10)"),
    ("md", "gd-progress-text", "## Tiến bộ qua các học phần\nĐiểm trung bình của lớp theo thứ tự học phần."),
    ("code", "gd-progress", "dashboard.plot_progress(bao_cao)"),
    ("md", "gd-notes-text", "## Ghi chú của hệ thống chấm\n"
     "Các bài bị 0 điểm do tệp hỏng, nộp nhầm bài, chạy quá lâu… kèm lý do bằng tiếng Việt. "
     "Hãy liên hệ những học viên này để họ nộp lại."),
    ("code", "gd-notes", "bao_cao.notes"),
    ("md", "gd-live-text", "## Theo dõi trực tiếp trong giờ học\n"
     "Bảng dưới đây tự cập nhật mỗi 5 giây: mỗi học viên đã mở và làm xong bài thực hành nào "
     "(«đang làm 3/11» là đã chạy được 3 trong 11 ô lệnh), số bài đã nộp và đã chấm của từng bài, những "
     "câu lớp đang vướng, và từng học viên. Bài học viên vừa nộp (còn trong hộp nộp bài, chưa gom) cũng "
     "được tính là đã nộp. Để thấy cả những người chưa làm gì, truyền danh sách lớp: "
     "`dashboard.live_panel(learners=...)`. Chạy `truc_tiep.stop()` để dừng cập nhật. Tiến độ thực hành "
     "chỉ ghi mã ô lệnh và giờ chạy, không ghi nội dung học viên gõ."),
    ("code", "gd-live", "truc_tiep = dashboard.live_panel(interval=5)"),
    ("md", "gd-self-check", "## Tự kiểm tra\n"
     "- Học phần nào có điểm trung bình thấp nhất?\n- Ba câu khó nhất thuộc học phần nào?\n"
     "- Có học viên nào cần nộp lại bài không?"),
    ("md", "gd-summary", "## Tóm tắt\n"
     "Bảng điều khiển đọc các tệp CSV do `khoahoc grade` xuất ra (cũng có bản Excel "
     "`grading/bao_cao/bang_diem.xlsx`). Điểm lấy từ sổ điểm nbgrader.\n\n"
     "## Tiếp theo\n"
     "Gửi phản hồi cho học viên bằng `khoahoc grade all --release-feedback`; xem hướng dẫn trong "
     "`grading/README.md`. Nguồn: tài liệu nbgrader (https://nbgrader.readthedocs.io)."),
]


if __name__ == "__main__":
    print(save([(md if kind == "md" else code)(cid, source) for kind, cid, source in CELLS], TARGET))
