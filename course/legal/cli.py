"""`khoahoc law search|ask|import|list|remove|docs` — legal lookup from the terminal.

`khoahoc law search --batch FILE --top K --json` prints one JSON object per line (a stable format):
{"query": str, "linh_vuc_doan": str, "results": [{"so_hieu": "45/2019/QH14", "dieu": "35", "tieu_de": str,
"score": float, "trich": str, "van_ban": str, "hieu_luc": str, "ghi_chu_phien_ban": str,
"linh_vuc": [str]}, ...]} — `linh_vuc_doan` is the ward field inferred from the question ("" if none).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from course.errors import CourseError


def _filters(args: argparse.Namespace) -> dict:
    from course.legal.index import field_id

    fields = [field_id(f) for f in args.linh_vuc] if args.linh_vuc else None  # unknown field: clear error
    return {"documents": args.van_ban or None, "in_force": True if args.con_hieu_luc else None, "linh_vuc": fields}


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
        field = hits[0].linh_vuc_doan if hits else ""
        if args.json:
            print(json.dumps({"query": q, "linh_vuc_doan": field, "results": [h.as_json() for h in hits]},
                             ensure_ascii=False), flush=True)
            continue
        print(f"Câu hỏi: {q}")
        if field:
            print(f"(Lĩnh vực đoán từ câu hỏi: {field} — muốn chỉ tìm trong lĩnh vực này, thêm "
                  f"--linh-vuc \"{field}\")")
        if not hits:
            print("  (không tìm thấy điều luật nào)")
        for h in hits:
            print(f"{h.rank}. {h.path}\n   {h.tieu_de}  [điểm {h.score:.4f}]\n   {h.snippet()}\n"
                  f"   Hiệu lực: {h.status_line}")
        print()
    return 0


def _ask(args: argparse.Namespace) -> int:
    from course.legal.answer import ask_law

    ans = ask_law(" ".join(args.query), top=args.top, provider=args.provider, **_filters(args))
    print(ans.render())
    return 0 if ans.found else 1


def _import(args: argparse.Namespace) -> int:
    from tqdm.auto import tqdm

    from course.legal import dense
    from course.legal.corpus import all_articles
    from course.legal.importer import import_document
    from course.legal.index import default_cache_dir

    failed = 0
    overrides = {"so_hieu": args.so_hieu} if args.so_hieu else {}
    for path in tqdm(args.file, desc="Nhập văn bản", unit="tệp", disable=len(args.file) < 2):
        try:
            doc = import_document(path, replace=args.thay, **overrides)
        except CourseError as exc:  # one bad file does not stop the others; nothing imported is lost
            failed += 1
            print(f"✗ {Path(path).name}: {exc}")
            continue
        print(f"✓ Đã nhập {doc.meta.ten} ({doc.meta.so_hieu}): {len(doc.articles)} điều.")
        if not args.khong_nhung:  # embed its articles and clauses now (only these are new)
            try:
                dense.article_vectors(all_articles([doc]), default_cache_dir(), progress=True)
            except (ImportError, OSError) as exc:
                print(f"  (Chưa nhúng được e5 cho văn bản này: {exc}; tra cứu vẫn dùng được, lần tra tới sẽ thử lại.)")
    print("Lần tra cứu tới sẽ lập lại chỉ mục." if failed < len(args.file) else "Không nhập được tệp nào.")
    return 1 if failed else 0


def _list(args: argparse.Namespace) -> int:
    from course.legal.importer import imported_records

    rows = imported_records()
    if not rows:
        print("Chưa nhập văn bản nào. Nhập bằng: khoahoc law import TỆP (.docx, .txt, .html, .pdf)")
        return 0
    for r in rows:
        print(f"{r['so_hieu']:18} {r['ten']} — {r['so_dieu']} điều — {r['tinh_trang']}, hiệu lực từ "
              f"{r['ngay_hieu_luc']} — tệp gốc: {r['tep_goc'] or '(không ghi)'}")
    return 0


def _remove(args: argparse.Namespace) -> int:
    from course.legal.importer import remove_imported

    if not remove_imported(args.so_hieu):
        raise CourseError(f"Không có văn bản đã nhập nào số {args.so_hieu}.",
                          hint="Xem danh sách bằng: khoahoc law list (chỉ xoá được văn bản đã nhập).")
    print(f"Đã xoá văn bản đã nhập số {args.so_hieu}. Lần tra cứu tới sẽ lập lại chỉ mục.")
    return 0


def _docs(args: argparse.Namespace) -> int:
    from course.legal.corpus import load_corpus

    for d in load_corpus():
        m = d.meta
        fields = ", ".join(m.linh_vuc_ten) or "—"
        print(f"{m.so_hieu:15} {m.ten} — {m.co_quan}, ban hành {m.as_dict()['ngay_ban_hanh']} — "
              f"{len(d.articles)} điều — lĩnh vực: {fields}\n{'':16}{m.status_line()}")
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
    p.add_argument("--linh-vuc", action="append", metavar="LĨNH_VỰC",
                   help="chỉ tìm trong lĩnh vực này (ví dụ \"hộ tịch\", \"đất đai\", \"cư trú\"); dùng nhiều lần được")
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
    i = sub.add_parser("import", help="nhập văn bản (.txt, .docx, .html, .pdf) vào kho tra cứu")
    i.add_argument("file", nargs="+", metavar="TỆP", help="một hay nhiều tệp văn bản tải từ vbpl.vn hoặc Công báo")
    i.add_argument("--so-hieu", metavar="SỐ_HIỆU", help="số hiệu nếu phần đầu văn bản không ghi")
    i.add_argument("--thay", action="store_true", help="thay văn bản cùng số hiệu đã nhập trước đó")
    i.add_argument("--khong-nhung", action="store_true",
                   help="chưa nhúng e5 ngay (nhanh hơn; lần tra cứu đầu sẽ nhúng)")
    i.set_defaults(func=_import)
    ls = sub.add_parser("list", help="liệt kê các văn bản bạn đã nhập")
    ls.set_defaults(func=_list)
    rm = sub.add_parser("remove", help="xoá một văn bản đã nhập (theo số hiệu)")
    rm.add_argument("so_hieu", metavar="SỐ_HIỆU", help="số hiệu văn bản đã nhập, ví dụ 15/2025/QĐ-UBND")
    rm.set_defaults(func=_remove)
    d = sub.add_parser("docs", help="liệt kê mọi văn bản trong kho: ngày ban hành, hiệu lực, phiên bản")
    d.set_defaults(func=_docs)
