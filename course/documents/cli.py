"""`khoahoc doc check FILE [--json]`, `khoahoc doc write --type KIND INPUT.md -o OUT.docx` and
`khoahoc doc verify DRAFT --nguon NOTES [--json]` (invented facts: exit 1 when there are some)."""

from __future__ import annotations

import argparse
from pathlib import Path


def _check(args: argparse.Namespace) -> int:
    from course.documents import check_file

    report = check_file(args.file, kind=args.type)
    print(report.to_json() if args.json else report.summary())
    return 0 if report.ok else 1


def _write(args: argparse.Namespace) -> int:
    from course.documents import check_file, draft_from_markdown, write_docx
    from course.documents.checker import read_text_file

    draft = draft_from_markdown(read_text_file(Path(args.input)), kind=args.type)
    out = write_docx(draft, args.output or Path(args.input).with_suffix(".docx"))
    report = check_file(out)
    print(f"Đã ghi {out}.")
    if not report.ok:
        print(report.summary())
    return 0 if report.ok else 1

def _verify(args: argparse.Namespace) -> int:
    from course.documents.faithfulness import verify_file

    report = verify_file(args.draft, args.nguon or [])
    print(report.to_json() if args.json else report.summary())
    return 0 if report.ok else 1


def register(subparsers) -> None:
    """Add the `doc` command group to `khoahoc`."""
    from course.documents.model import KINDS

    doc = subparsers.add_parser("doc", help="kiểm tra và soạn văn bản hành chính theo Nghị định 30/2020/NĐ-CP")
    sub = doc.add_subparsers(dest="doc_command", metavar="LỆNH", title="các lệnh",
                             parser_class=type(doc))
    check = sub.add_parser("check", help="kiểm tra thể thức một tệp .docx/.txt/.md")
    check.add_argument("file", metavar="TỆP", help="tệp cần kiểm tra")
    check.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    check.add_argument("--type", choices=list(KINDS), metavar="LOẠI",
                       help="loại văn bản (mặc định: tự nhận ra); " + ", ".join(KINDS))
    check.set_defaults(func=_check)
    write = sub.add_parser("write", help="soạn tệp .docx đúng thể thức từ bản nháp Markdown")
    write.add_argument("input", metavar="BẢN_NHÁP", help="tệp Markdown (phần đầu giữa hai dòng ---)")
    write.add_argument("--type", choices=list(KINDS), metavar="LOẠI", help="loại văn bản: " + ", ".join(KINDS))
    write.add_argument("-o", "--output", metavar="TỆP_RA", help="tệp .docx sẽ ghi")
    write.set_defaults(func=_write)
    verify = sub.add_parser("verify", help="kiểm tra thông tin bịa: đối chiếu ngày, giờ, con số, tên, địa điểm, "
                                           "căn cứ trong bản nháp với ghi chú gốc")
    verify.add_argument("draft", metavar="BẢN_NHÁP", help="bản nháp cần kiểm tra (.docx, .txt hoặc .md)")
    verify.add_argument("--nguon", action="append", metavar="GHI_CHÚ", required=True,
                        help="ghi chú/nguồn gốc để đối chiếu (.txt, .md, .docx); dùng nhiều lần nếu có nhiều nguồn")
    verify.add_argument("--json", action="store_true", help="in kết quả dạng JSON (khoá thong_tin_bia)")
    verify.set_defaults(func=_verify)
    doc.set_defaults(func=lambda args: (doc.print_help(), 0)[1])
