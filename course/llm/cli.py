"""`khoahoc chat` (ask a language model from the terminal, same engine and privacy guard), `khoahoc usage`
and `khoahoc serve` (the class AI server)."""

from __future__ import annotations

import argparse
import json
import sys

from course.config import LLM_MODEL_KEYS, PROVIDERS


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `khoahoc chat` to the course CLI."""
    p = subparsers.add_parser("chat", help="hỏi mô hình AI một câu (ChatGPT, Gemini hoặc mô hình trên máy)",
                              description="Gửi một câu hỏi tới mô hình AI và in câu trả lời. Thông tin cá nhân "
                                          "được che trước khi gửi lên mạng.")
    p.add_argument("question", metavar="CÂU_HỎI", help="câu hỏi (đặt trong dấu ngoặc kép)")
    p.add_argument("--provider", choices=PROVIDERS, default=None,
                   help="nhà cung cấp: auto, local, openai, gemini, compatible (mặc định theo cấu hình)")
    p.add_argument("--model", default=None, metavar="MÔ_HÌNH", help="tên mô hình (mặc định theo cấu hình)")
    p.add_argument("--system", default=None, metavar="LỜI_DẶN", help="lời dặn hệ thống (vai trò, giọng văn)")
    p.add_argument("--temperature", type=float, default=0.7, metavar="NHIỆT_ĐỘ", help="độ ngẫu nhiên, 0 = luôn chọn từ khả dĩ nhất")
    p.add_argument("--max-tokens", type=int, default=256, metavar="SỐ_TOKEN", help="số token tối đa của câu trả lời")
    p.add_argument("--seed", type=int, default=None, metavar="HẠT_GIỐNG", help="hạt giống ngẫu nhiên để lặp lại kết quả")
    p.add_argument("--pii", choices=("redact", "block", "allow"), default=None,
                   help="xử lý thông tin cá nhân khi gửi lên mạng: redact (che), block (chặn), allow (cho phép)")
    p.add_argument("--no-stream", action="store_true", help="chờ đủ câu trả lời rồi mới in")
    p.add_argument("--no-cache", action="store_true", help="không đọc/ghi bản ghi câu trả lời")
    p.add_argument("--json", action="store_true", help="in một đối tượng JSON (văn bản và thông tin kèm theo)")
    p.set_defaults(func=run)

    u = subparsers.add_parser("usage", help="thống kê lượt gọi mô hình AI của lớp (token, chi phí ước tính)",
                              description="Đọc nhật ký sử dụng (tệp .jsonl) và in tổng theo học viên và nhà cung "
                                          "cấp. Không có tham số: nhật ký trên máy này.")
    u.add_argument("paths", nargs="*", metavar="THƯ_MỤC", help="thư mục hoặc tệp nhật ký đã thu từ học viên")
    u.add_argument("--csv", default=None, metavar="TỆP", help="ghi bảng tổng ra tệp CSV")
    u.set_defaults(func=run_usage)

    s = subparsers.add_parser("serve", help="chạy máy chủ AI của lớp (mô hình trên máy, chuẩn OpenAI, không cần mạng)",
                              description="Chạy máy chủ AI tương thích OpenAI (llama.cpp) trên mô hình trên máy, để "
                                          "cả lớp dùng chung qua OPENAI_BASE_URL. Mặc định chỉ nghe trên máy này "
                                          "(127.0.0.1); cổng AI (LiteLLM) của lớp chuyển tiếp tới đây.")
    s.add_argument("--host", default="127.0.0.1", metavar="ĐỊA_CHỈ",
                   help="địa chỉ nghe (mặc định 127.0.0.1; 0.0.0.0 để máy khác trong mạng LAN gọi thẳng)")
    s.add_argument("--port", type=int, default=8000, metavar="CỔNG", help="cổng (mặc định 8000)")
    s.add_argument("--max-waiting", type=int, default=16, metavar="SỐ_YÊU_CẦU",
                   help="số yêu cầu tối đa cùng lúc; quá số này máy chủ báo bận (mặc định 16)")
    s.add_argument("--threads", type=int, default=None, metavar="SỐ_LUỒNG",
                   help="số luồng CPU cho mô hình (mặc định COURSE_LLM_THREADS)")
    s.add_argument("--model", default=None, choices=LLM_MODEL_KEYS, metavar="MÔ_HÌNH",
                   help="mô hình phục vụ: " + ", ".join(LLM_MODEL_KEYS) + " (mặc định COURSE_LLM_MODEL, mô hình soạn "
                        "văn bản của khoá học)")
    s.set_defaults(func=run_serve)


def run(args: argparse.Namespace) -> int:
    from course.llm import ask

    stream = not (args.no_stream or args.json)
    ans = ask(args.question, system=args.system, provider=args.provider, model=args.model,
              temperature=args.temperature, max_tokens=args.max_tokens, seed=args.seed, stream=stream,
              pii_policy=args.pii, use_cache=not args.no_cache)
    if args.json:
        print(json.dumps(ans.to_dict(), ensure_ascii=False))
        return 0 if ans.ok else 2
    if not ans.ok:
        if not stream:
            for note in ans.notices:
                print(note, file=sys.stderr)
        print(f"Lỗi: {ans.error}", file=sys.stderr)
        return 2
    if not stream:  # when streaming, the notices were printed as they happened
        for note in ans.notices:
            print(note)
        print(ans.text)
    print(f"{ans.label} {ans.footer()}")
    return 0


def run_usage(args: argparse.Namespace) -> int:
    from pathlib import Path

    from course.llm.store import read_usage, usage_summary

    frame = read_usage([Path(p) for p in args.paths] if args.paths else None)
    if frame.empty:
        print("Chưa có lượt gọi mô hình nào trong nhật ký.")
        return 0
    table = usage_summary(frame)
    print(table.to_string(index=False))
    print(f"Tổng: {len(frame)} lượt gọi, {int(table['tokens_in'].sum())}→{int(table['tokens_out'].sum())} token, "
          f"~{table['cost_usd'].sum():.4f} USD (ước tính).")
    if args.csv:
        table.to_csv(args.csv, index=False)
        print(f"Đã ghi {args.csv}.")
    return 0


def run_serve(args: argparse.Namespace) -> int:
    from course.llm.server import ServerError, serve

    if not 0 < args.port < 65536:
        raise ServerError(f"Cổng {args.port} không hợp lệ.", hint="Chọn một số từ 1 đến 65535.")
    if args.max_waiting < 1:
        raise ServerError("--max-waiting phải từ 1 trở lên.")
    if args.threads is not None and args.threads < 1:
        raise ServerError("--threads phải từ 1 trở lên.")
    try:
        serve(args.host, args.port, max_waiting=args.max_waiting, n_threads=args.threads, model=args.model)
    except KeyboardInterrupt:
        print("Đã dừng máy chủ AI.")
    return 0
