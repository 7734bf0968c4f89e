"""`khoahoc new-class`, `khoahoc tests-release`, `khoahoc report` and `khoahoc certificates` (instructor commands)."""

from __future__ import annotations

import argparse
from pathlib import Path

from course.grading.coursedir import GRADING_ROOT

ROOT_HELP = "thư mục gốc nbgrader (mặc định grading/)"


def run_new_class(args: argparse.Namespace) -> int:
    from course.assessment.classes import create_class

    folder = create_class(Path(args.root), args.lop)
    print(f"Đã tạo thư mục lớp {folder}. Hãy điền lop.toml và danh sách hoc_vien.csv (UTF-8).")
    return 0


def run_release(args: argparse.Namespace) -> int:
    from course.assessment.questions import TESTS
    from course.grading.coursedir import GradingError, make_api
    from course.grading.runner import ensure_generated

    root = Path(args.root).resolve()
    api = make_api(root)
    for assignment, title in TESTS.values():
        ensure_generated(api, assignment, root)
        if args.exchange:
            out = api.release_assignment(assignment)
            if not out["success"]:
                raise GradingError(f"Không phát hành được {title} qua thư mục trao đổi.",
                                   hint=(out.get("error") or "")[-300:])
        print(f"{title}: bản cho học viên (không có đáp án) ở {root / 'release' / assignment}.")
    return 0


def run_report(args: argparse.Namespace) -> int:
    from course.assessment.report import build_report

    files = build_report(Path(args.root), args.lop)
    print(f"Đã viết báo cáo lớp {args.lop} ({files.seconds:.1f} giây):")
    for path in files.paths:
        print(f"  {path}")
    return 0


def run_certificates(args: argparse.Namespace) -> int:
    if args.viec == "verify":
        from course.assessment.certificates import verify

        result = verify(args.ma, Path(args.root))
        print(result.message)
        return 0 if result.valid else 1
    if not args.lop:
        from course.errors import CourseError

        raise CourseError("Cần chọn lớp: `khoahoc certificates --lop LỚP`, hoặc kiểm tra một mã: "
                          "`khoahoc certificates verify MÃ`.")
    from course.assessment.certificates import issue
    from course.assessment.results import class_results

    summary = issue(class_results(Path(args.root), args.lop), workers=args.workers)
    print(summary.line())
    for learner, reason in sorted(summary.skipped.items()):
        print(f"  - {learner}: {reason}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add the assessment commands to `khoahoc`."""
    n = sub.add_parser("new-class", help="tạo thư mục một lớp (thông tin lớp, danh sách học viên)",
                       description="Tạo grading/lop/<LỚP>/ với lop.toml mẫu và hoc_vien.csv trống; không ghi đè.")
    n.add_argument("lop", metavar="LỚP", help="tên lớp, chữ không dấu, ví dụ K1-2026")
    n.add_argument("--root", default=str(GRADING_ROOT), metavar="THƯ_MỤC", help=ROOT_HELP)
    n.set_defaults(func=run_new_class)
    r = sub.add_parser("tests-release", help="tạo bản kiểm tra đầu khoá / cuối khoá cho học viên (không kèm đáp án)",
                       description="Chạy nbgrader generate_assignment cho hai bài kiểm tra; --exchange phát hành "
                                   "qua thư mục trao đổi của lớp.")
    r.add_argument("--exchange", action="store_true", help="phát hành qua thư mục trao đổi nbgrader")
    r.add_argument("--root", default=str(GRADING_ROOT), metavar="THƯ_MỤC", help=ROOT_HELP)
    r.set_defaults(func=run_release)
    p = sub.add_parser("report", help="báo cáo kết quả khoá học của một lớp: Excel, PDF, CSV, Moodle",
                       description="Đọc sổ điểm (kiểm tra đầu khoá, cuối khoá, bài tập) và phiếu đánh giá; viết "
                                   "lop/<LỚP>/bao_cao/.")
    p.add_argument("--lop", required=True, metavar="LỚP", help="tên lớp (thư mục grading/lop/<LỚP>)")
    p.add_argument("--root", default=str(GRADING_ROOT), metavar="THƯ_MỤC", help=ROOT_HELP)
    p.set_defaults(func=run_report)
    c = sub.add_parser("certificates", help="cấp giấy chứng nhận hoàn thành (PDF) hoặc kiểm tra mã xác minh",
                       description="`khoahoc certificates --lop LỚP` tạo giấy cho mọi học viên đủ điều kiện; "
                                   "`khoahoc certificates verify MÃ` kiểm tra một giấy.")
    c.add_argument("--lop", metavar="LỚP", help="tên lớp")
    c.add_argument("--workers", type=int, default=None, metavar="SỐ", help="số tiến trình vẽ PDF (mặc định 1: đủ nhanh cho vài trăm giấy)")
    c.add_argument("--root", default=str(GRADING_ROOT), metavar="THƯ_MỤC", help=ROOT_HELP)
    c.set_defaults(func=run_certificates, viec=None)
    cs = c.add_subparsers(dest="viec", metavar="VIỆC", title="việc")
    v = cs.add_parser("verify", help="kiểm tra mã xác minh in trên giấy chứng nhận")
    v.add_argument("ma", metavar="MÃ", help="mã xác minh, ví dụ ABCD-EFGH-IJKL-MNOP")
    v.add_argument("--root", default=str(GRADING_ROOT), metavar="THƯ_MỤC", help=ROOT_HELP)
    v.set_defaults(func=run_certificates)
