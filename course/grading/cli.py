"""`khoahoc grade` and `khoahoc grade-export` (instructor commands)."""

from __future__ import annotations

import argparse
from pathlib import Path

from course.catalogue import IDS, ordered
from course.grading.coursedir import GRADING_ROOT, GradingError


def _assignments(root: Path, which: str) -> list[str]:
    if which != "all":
        return [which]
    present = {p.name for p in (root / "source").iterdir() if (p / "bai_tap.ipynb").exists() or any(p.glob("*.ipynb"))}
    return ordered(present)


def run_grade(args: argparse.Namespace) -> int:
    from course.grading.export import export_all
    from course.grading.runner import grade_many

    root = Path(args.root)
    names = _assignments(root, args.assignment)
    if not names:
        raise GradingError("Chưa có bài tập nào trong thư mục source/.",
                           hint="Kiểm tra thư mục grading/source: mỗi bài tập một thư mục.")
    summaries = grade_many(names, root=root, workers=args.workers, force=args.force,
                           feedback=not args.no_feedback, progress=not args.quiet)
    for summary in summaries:
        print(summary.line())
        for learner, reasons in sorted(summary.problems.items()):
            print(f"  - {learner}: {' '.join(reasons)}")
        if args.release_feedback and not args.no_feedback:
            from course.grading.coursedir import make_api

            make_api(root).release_feedback(summary.assignment)
    if not args.no_export:
        paths = export_all(root)
        print("Đã xuất bảng điểm: " + ", ".join(str(p) for p in paths))
    return 0


def run_export(args: argparse.Namespace) -> int:
    from course.grading.export import export_all

    paths = export_all(Path(args.root))
    print("Đã xuất bảng điểm: " + ", ".join(str(p) for p in paths))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add the grading commands to `khoahoc`."""
    p = sub.add_parser("grade", help="chấm tự động cả lớp (nbgrader), song song, rồi tạo phản hồi và xuất điểm",
                       description="Chấm mọi bài nộp trong grading/submitted/<học viên>/<bài>/ bằng nhiều tiến "
                                   "trình song song; bài đã chấm được bỏ qua (trừ khi có --force).")
    p.add_argument("assignment", metavar="BÀI", help=f"tên bài ({', '.join(IDS)}) hoặc all")
    p.add_argument("--workers", type=int, default=2, metavar="SỐ_TIẾN_TRÌNH", help="số tiến trình chấm song song (mặc định 2)")
    p.add_argument("--force", action="store_true", help="chấm lại cả những bài đã chấm")
    p.add_argument("--no-feedback", action="store_true", help="không tạo trang phản hồi HTML")
    p.add_argument("--release-feedback", action="store_true", help="gửi phản hồi cho học viên qua thư mục trao đổi")
    p.add_argument("--no-export", action="store_true", help="không xuất bảng điểm CSV/Excel sau khi chấm")
    p.add_argument("--quiet", action="store_true", help="không hiện thanh tiến độ")
    p.add_argument("--root", default=str(GRADING_ROOT), metavar="THƯ_MỤC", help="thư mục gốc nbgrader (mặc định grading/)")
    p.set_defaults(func=run_grade)
    e = sub.add_parser("grade-export", help="xuất bảng điểm CSV và Excel từ sổ điểm nbgrader")
    e.add_argument("--root", default=str(GRADING_ROOT), metavar="THƯ_MỤC", help="thư mục gốc nbgrader (mặc định grading/)")
    e.set_defaults(func=run_export)
