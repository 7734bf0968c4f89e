"""`khoahoc` — the course's command line, with Vietnamese help.

Every subpackage that offers commands has a `cli.py` with `register(subparsers)`; they are
found here automatically, so adding a command never means editing this file.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sys
from collections.abc import Sequence

import course
from course.errors import CourseError

DESCRIPTION = "Bộ công cụ khoá học «AI cho cán bộ cơ sở». Gõ `khoahoc LỆNH -h` để xem hướng dẫn từng lệnh."


class VietnameseParser(argparse.ArgumentParser):
    """ArgumentParser whose own messages (usage, errors, help headings) are Vietnamese."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "tham số"
        self._optionals.title = "tuỳ chọn"
        self.add_argument("-h", "--help", action="help", help="hiện hướng dẫn này rồi thoát")

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "cách dùng:", 1)

    def format_help(self) -> str:
        return super().format_help().replace("usage:", "cách dùng:", 1)

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: lỗi: {vietnamese_error(message)}\n")


# argparse's own error messages (Python 3.11-3.13), pattern → Vietnamese.
_ARGPARSE_ERRORS: tuple[tuple[str, str], ...] = (
    (r"the following arguments are required: (.*)", r"thiếu tham số bắt buộc: \1"),
    (r"unrecognized arguments: (.*)", r"không hiểu các tham số: \1"),
    (r"one of the arguments (.*) is required", r"cần một trong các tham số: \1"),
    (r"invalid choice: (.*?) \(choose from (.*)\)", r"lựa chọn không hợp lệ: \1 (chọn một trong: \2)"),
    (r"expected one argument", "cần một giá trị"),
    (r"expected at least one argument", "cần ít nhất một giá trị"),
    (r"invalid (int|float) value: (.*)", r"không phải là số: \2"),
    (r"not allowed with argument (.*)", r"không dùng chung được với tham số \1"),
    (r"ambiguous option: (.*?) could match (.*)", r"tuỳ chọn \1 chưa rõ, có thể là: \2"),
    (r"^argument ", "tham số "),
)


def vietnamese_error(message: str) -> str:
    """Translate an argparse error message; unknown messages pass through unchanged."""
    for pattern, repl in _ARGPARSE_ERRORS:
        message = re.sub(pattern, repl, message)
    return message


def command_modules() -> list[str]:
    """Names of `course.<subpackage>.cli` modules, plus top-level command modules."""
    names = ["course.doctor"]
    for info in pkgutil.iter_modules(course.__path__):
        if info.ispkg and importlib.util.find_spec(f"course.{info.name}.cli") is not None:
            names.append(f"course.{info.name}.cli")
    return names


def build_parser() -> argparse.ArgumentParser:
    parser = VietnameseParser(prog="khoahoc", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"khoahoc {course.__version__}",
                        help="hiện phiên bản")
    sub = parser.add_subparsers(dest="command", metavar="LỆNH", title="các lệnh",
                                parser_class=VietnameseParser)
    for name in command_modules():
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `khoahoc` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    try:
        return int(args.func(args) or 0)
    except CourseError as err:  # every command's learner-facing failure: one Vietnamese line, no traceback
        print(f"Lỗi: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into `head` and closed early
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("\nĐã dừng theo yêu cầu.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
