"""`khoahoc law search|ask|import|docs` — legal lookup from the terminal.

`khoahoc law search --batch FILE --top K --json` prints one JSON object per line (a stable format):
{"query": str, "results": [{"so_hieu": "45/2019/QH14", "dieu": "35", "tieu_de": str, "score": float,
"trich": str}, ...]}
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from course.errors import CourseError


def _filters(args: argparse.Namespace) -> dict:
    return {"documents": args.van_ban or None, "in_force": True if args.con_hieu_luc else None}


def _search(args: argparse.Namespace) -> int:
    from course.legal.retrieval import get_index

    if args.batch:
        path = Path(args.batch)
        if not path.is_file():
            raise CourseError(f"Không tìm thấy tệp câu hỏi «{path}».", hint="Mỗi dòng của tệp là một câu hỏi.")
        queries = [ln.strip() for ln in path.read_text(encoding="utf-8-sig").splitlines() if ln.strip()]
    elif args.query:
        queries = [" ".join(args.query)]
    else:
        raise CourseError("Chưa có câu hỏi.", hint='Ví dụ: khoahoc law search "nghỉ phép mấy ngày"')
    index = get_index(progress=not args.json and sys.stderr.isatty())
    for q in queries:
        hits = index.search(q, top=args.top, **_filters(args))
        if args.json:
            print(json.dumps({"query": q, "results": [h.as_json() for h in hits]}, ensure_ascii=False), flush=True)
            continue
        print(f"Câu hỏi: {q}")
        if not hits:
            print("  (không tìm thấy điều luật nào)")
        for h in hits:
            print(f"{h.rank}. {h.path}\n   {h.tieu_de}  [điểm {h.score:.4f}]\n   {h.snippet()}")
        print()
    return 0


def _ask(args: argparse.Namespace) -> int:
    from course.legal.answer import ask_law

    ans = ask_law(" ".join(args.query), top=args.top, provider=args.provider, **_filters(args))
    print(ans.render())
    return 0 if ans.found else 1


def _import(args: argparse.Namespace) -> int:
    from course.legal.importer import import_document

    doc = import_document(args.file, **({"so_hieu": args.so_hieu} if args.so_hieu else {}))
    print(f"Đã nhập {doc.meta.ten} ({doc.meta.so_hieu}): {len(doc.articles)} điều. "
          "Lần tra cứu tới sẽ lập lại chỉ mục.")
    return 0


def _docs(args: argparse.Namespace) -> int:
    from course.legal.corpus import load_corpus

    for d in load_corpus():
        m = d.meta
        print(f"{m.so_hieu:15} {m.ten} — {m.co_quan}, ban hành {m.as_dict()['ngay_ban_hanh']}, "
              f"hiệu lực {m.as_dict()['ngay_hieu_luc']} — {m.tinh_trang} — {len(d.articles)} điều")
    return 0



def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"«{value}» không hợp lệ: cần một số nguyên dương, ví dụ 5")
    return number


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--top", type=_positive, default=5, metavar="K", help="số điều luật trả về (mặc định 5)")
    p.add_argument("--van-ban", action="append", metavar="SỐ_HIỆU",
                   help="chỉ tìm trong văn bản này (ví dụ 45/2019/QH14); dùng nhiều lần được")
    p.add_argument("--con-hieu-luc", action="store_true", help="chỉ tìm trong văn bản còn hiệu lực")


def register(subparsers) -> None:  # noqa: ANN001
    """Add the `law` command group to `khoahoc`."""
    law = subparsers.add_parser("law", help="tra cứu văn bản pháp luật (tìm điều luật, hỏi đáp có trích dẫn)")
    sub = law.add_subparsers(dest="law_command", metavar="LỆNH", title="các lệnh", parser_class=type(law))
    s = sub.add_parser("search", help="tìm điều luật theo câu hỏi (gõ có dấu hoặc không dấu đều được)")
    s.add_argument("query", nargs="*", metavar="CÂU_HỎI", help="câu hỏi, ví dụ \"thời hạn hợp đồng lao động\"")
    s.add_argument("--batch", metavar="TỆP", help="tệp văn bản, mỗi dòng một câu hỏi")
    s.add_argument("--json", action="store_true", help="in mỗi câu hỏi một dòng JSON")
    _common(s)
    s.set_defaults(func=_search)
    a = sub.add_parser("ask", help="hỏi đáp: trả lời kèm trích dẫn điều luật đã kiểm chứng")
    a.add_argument("query", nargs="+", metavar="CÂU_HỎI", help="câu hỏi")
    a.add_argument("--provider", metavar="NHÀ_CUNG_CẤP", help="local, openai, gemini, compatible (mặc định: theo cấu hình)")
    _common(a)
    a.set_defaults(func=_ask, top=3)
    i = sub.add_parser("import", help="nhập văn bản (.txt, .docx, .html) vào kho tra cứu")
    i.add_argument("file", metavar="TỆP", help="tệp văn bản tải từ vbpl.vn hoặc Công báo")
    i.add_argument("--so-hieu", metavar="SỐ_HIỆU", help="số hiệu nếu phần đầu văn bản không ghi")
    i.set_defaults(func=_import)
    d = sub.add_parser("docs", help="liệt kê các văn bản trong kho, ngày ban hành, hiệu lực")
    d.set_defaults(func=_docs)
