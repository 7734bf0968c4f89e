"""`khoahoc app NAME`: open one of the course tools as a Voilà app (code hidden)."""

from __future__ import annotations

import argparse
import subprocess
import sys


def voila_command(notebook: str, port: int, ip: str, open_browser: bool) -> list[str]:
    """The Voilà command line for one app notebook (light theme, no code, no tracebacks)."""
    cmd = [sys.executable, "-m", "voila", notebook, f"--port={port}", f"--Voila.ip={ip}",
           "--theme=light", "--show_tracebacks=False", "--strip_sources=True"]
    if not open_browser:
        cmd.append("--no-browser")
    return cmd


def _list() -> int:
    from course import catalogue
    from course.apps import APPS

    for app in APPS.values():
        where = f"Học phần {catalogue.module(app.module).number}" if app.module else "cả khoá"
        print(f"{app.name:10} {app.title} ({where}) — {app.description}")
    return 0


def _app(args: argparse.Namespace) -> int:
    from course.apps import APPS_DIR, get_app

    if args.list or not args.name:
        return _list()
    app = get_app(args.name)
    notebook = APPS_DIR / app.notebook
    print(f"Mở ứng dụng «{app.title}» tại http://{args.ip}:{args.port}/ — nhấn Ctrl+C để dừng.")
    if args.ip not in {"127.0.0.1", "localhost"}:
        print("Học viên trong cùng mạng mở địa chỉ IP của máy này với cổng trên (điện thoại cũng được).")
    try:
        return subprocess.call(voila_command(str(notebook), args.port, args.ip, not args.no_browser),
                               cwd=str(APPS_DIR))
    except KeyboardInterrupt:
        return 130


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `app` command."""
    app = sub.add_parser("app", help="mở công cụ dưới dạng ứng dụng web (ẩn mã lệnh, dùng được trên điện thoại)")
    app.add_argument("name", nargs="?", metavar="TÊN",
                     help="giong-noi, prompt, luat, van-ban hoặc danh-gia; hoặc số học phần chỉ có một ứng dụng "
                          "(3 = giong-noi); bỏ trống để xem danh sách")
    app.add_argument("--list", action="store_true", help="liệt kê các ứng dụng")
    app.add_argument("--port", type=int, metavar="CỔNG", default=8866, help="cổng web (mặc định 8866)")
    app.add_argument("--ip", default="127.0.0.1", metavar="ĐỊA_CHỈ",
                     help="địa chỉ lắng nghe (mặc định 127.0.0.1; 0.0.0.0 để học viên trong phòng cùng mở)")
    app.add_argument("--no-browser", action="store_true", help="không tự mở trình duyệt")
    app.set_defaults(func=_app)
