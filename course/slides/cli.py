"""`khoahoc slides` and `khoahoc handouts`: presentation material for the trainer."""

from __future__ import annotations

import argparse
from pathlib import Path

from course.config import REPO_ROOT


def _slides(args: argparse.Namespace) -> int:
    from course.slides import export_slides

    notebooks = [Path(p) for p in args.notebooks] or None
    decks = export_slides(Path(args.output), notebooks, theme=args.theme, execute=args.execute)
    for deck in decks:
        print(f"Đã xuất {deck.html} — {deck.slides} trang chiếu, {deck.notes} ghi chú cho giảng viên.")
    print(f"Mở {Path(args.output) / 'index.html'} trong trình duyệt; nhấn S để xem ghi chú. Không cần mạng.")
    return 0


def _handouts(args: argparse.Namespace) -> int:
    from course.slides.handouts import build_handouts

    pdfs = build_handouts(Path(args.output))
    for pdf in pdfs:
        print(f"Đã tạo {pdf}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `slides` and `handouts` commands."""
    slides = sub.add_parser("slides", help="xuất bài giảng thành trang chiếu reveal.js chạy không cần mạng")
    slides.add_argument("notebooks", nargs="*", metavar="BÀI_GIẢNG",
                        help="các notebook bài giảng (mặc định: module*/bai_giang.ipynb)")
    slides.add_argument("--output", "-o", default=str(REPO_ROOT / "build" / "slides"), metavar="THƯ_MỤC",
                        help="thư mục ghi trang chiếu (mặc định: build/slides)")
    slides.add_argument("--theme", default="white", metavar="GIAO_DIỆN", help="giao diện reveal.js (white, simple, black...)")
    slides.add_argument("--execute", action="store_true",
                        help="chạy bài giảng trước khi xuất để trang chiếu có sẵn kết quả (chậm hơn)")
    slides.set_defaults(func=_slides)

    handouts = sub.add_parser("handouts", help="in tài liệu phát tay của từng học phần ra PDF")
    handouts.add_argument("--output", "-o", default=str(REPO_ROOT / "build" / "handouts"), metavar="THƯ_MỤC",
                          help="thư mục ghi các tệp PDF (mặc định: build/handouts)")
    handouts.set_defaults(func=_handouts)
