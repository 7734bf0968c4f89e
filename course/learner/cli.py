"""`khoahoc hoc-vien`: create or refresh the learner's folder (called by `make run`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from course.grading.coursedir import GRADING_ROOT


def run(args: argparse.Namespace) -> int:
    from course.learner.folder import refresh

    report = refresh(Path(args.dest), assignments=not args.no_assignments, root=Path(args.root))
    if not args.quiet:
        print(report.line())
        for rel in report.kept:
            print(f"  - giữ bản học viên đã sửa: {rel}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add `khoahoc hoc-vien`."""
    from course.config import REPO_ROOT

    p = sub.add_parser("hoc-vien", help="tạo/cập nhật thư mục học viên (chỉ bản phát bài tập, không có đáp án)",
                       description="Chép trang bắt đầu, bài giảng, bài thực hành, ứng dụng và bản phát của bài tập "
                                   "(không lời giải, không kiểm tra ẩn) vào thư mục học viên. Tệp học viên đã sửa "
                                   "được giữ nguyên.")
    p.add_argument("--dest", default=str(REPO_ROOT / ".hoc_vien"), metavar="THƯ_MỤC", help="thư mục học viên (mặc định .hoc_vien)")
    p.add_argument("--no-assignments", action="store_true",
                   help="không chép bài tập (máy chủ lớp học: học viên nhận bài qua nút «Nhận bài»)")
    p.add_argument("--root", default=str(GRADING_ROOT), metavar="THƯ_MỤC", help="thư mục gốc nbgrader (mặc định grading/)")
    p.add_argument("--quiet", action="store_true", help="không in tóm tắt")
    p.set_defaults(func=run)
