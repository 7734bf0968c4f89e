"""`khoahoc doc check FILE [--json]` and `khoahoc doc write --type KIND INPUT.md -o OUT.docx`."""

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
    doc.set_defaults(func=lambda args: (doc.print_help(), 0)[1])
