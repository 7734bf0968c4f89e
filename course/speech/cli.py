"""`khoahoc transcribe FILE [--provider P] [--format text|srt|json]`."""

from __future__ import annotations

import argparse
import os
import sys

from course.speech.audio import MAX_SECONDS


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("transcribe", help="chép lời một tệp ghi âm (mặc định: chạy trên máy)",
                              description="Chép lời tiếng Việt từ tệp ghi âm (wav, mp3, m4a, ogg, webm, flac). "
                                          "Mặc định dùng mô hình trên máy: âm thanh không rời máy tính.")
    p.add_argument("file", metavar="TỆP", help="tệp ghi âm")
    p.add_argument("--provider", "-p", choices=["local", "openai", "gemini"], default="local",
                   help="nơi chép lời: local (trên máy, mặc định), openai hoặc gemini (gửi âm thanh lên mạng)")
    p.add_argument("--model", "-m", default=None, metavar="MÔ_HÌNH",
                   help="mô hình đám mây, ví dụ gpt-4o-mini-transcribe, gpt-4o-transcribe, whisper-1")
    p.add_argument("--format", "-f", choices=["text", "srt", "json"], default="text",
                   help="định dạng kết quả: text (mặc định), srt (phụ đề) hoặc json")
    p.add_argument("--json", dest="format", action="store_const", const="json", help="viết tắt của --format json")
    p.add_argument("--hint", default=None, metavar="GỢI_Ý", help="câu gợi ý từ vựng, ví dụ tên riêng của phường (mặc định: không gợi ý — trên giọng thật, gợi ý "
                        "chung làm kết quả kém đi)")
    p.add_argument("--output", "-o", default=None, metavar="TỆP_RA", help="ghi kết quả ra tệp thay vì in ra màn hình")
    p.add_argument("--max-minutes", type=float, default=MAX_SECONDS / 60, metavar="SỐ_PHÚT",
                   help=f"độ dài tối đa chấp nhận, tính bằng phút (mặc định {MAX_SECONDS / 60:.0f})")
    p.add_argument("--quiet", "-q", action="store_true", help="không hiện thanh tiến trình")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from course.speech.transcribe import transcribe

    result = transcribe(args.file, provider=args.provider, model=args.model,
                        hint=args.hint,
                        progress=not args.quiet and sys.stderr.isatty(), max_seconds=args.max_minutes * 60)
    out = {"json": result.to_json, "srt": result.to_srt}.get(args.format, lambda: result.text)()
    if args.output:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(out if out.endswith("\n") else out + "\n")
    else:
        print(out)
    print(result.summary(), file=sys.stderr)
    if result.interrupted:
        # Chunks still being transcribed would hold the process (and a second Ctrl-C would print a
        # traceback): what was transcribed is already printed or saved, so leave now.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(130)
    return 0
