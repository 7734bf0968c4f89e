"""What every notebook's single set-up cell calls: status line and friendly errors.

`setup()` prints which AI provider is active (offline or cloud) and installs an IPython handler
so a `CourseError` shows as a short Vietnamese box, never a traceback. Other unexpected errors
still show a Vietnamese box first, with the technical details folded underneath for the trainer.
"""

from __future__ import annotations

import html
import os
import traceback

from course.catalogue import provider_label
from course.config import load_settings
from course.errors import CourseError


def status_line() -> str:
    """One sentence saying which AI provider the notebook will use."""
    settings = load_settings()
    active = settings.active_provider()
    return f"Nhà cung cấp AI: {provider_label(active)}."


def _box(title: str, body: str, colour: str, details: str = "") -> str:
    extra = ""
    if details:
        extra = (
            "<details><summary>Chi tiết kỹ thuật (dành cho giảng viên)</summary>"
            f"<pre style='white-space:pre-wrap'>{html.escape(details)}</pre></details>"
        )
    return (
        f"<div style='border-left:6px solid {colour};padding:8px 12px;margin:6px 0;"
        f"background:#fafafa;font-size:1.05em'><b>{html.escape(title)}</b><br>{html.escape(body)}{extra}</div>"
    )


def show_error(message: str, details: str = "") -> None:
    """Display a Vietnamese error box in the notebook (or print it outside Jupyter)."""
    try:
        from IPython.display import HTML, display

        display(HTML(_box("Có lỗi", message, "#c0392b", details)))
    except ImportError:  # pragma: no cover - outside Jupyter
        print(f"Lỗi: {message}")


def show_notice(title: str, message: str) -> None:
    """Display a calm Vietnamese note (not an error): what to do next."""
    try:
        from IPython.display import HTML, display

        display(HTML(_box(title, message, "#2e86c1")))
    except ImportError:  # pragma: no cover - outside Jupyter
        print(f"{title}: {message}")


def _handler(shell, etype, value, tb, tb_offset=None):  # noqa: ANN001 - IPython's signature
    from course.config import scrub

    if isinstance(value, CourseError):
        show_error(str(value))
    elif isinstance(value, AssertionError) and str(value):  # a self-check's Vietnamese feedback
        show_error(str(value))
    elif isinstance(value, NotImplementedError):  # nbgrader's stub for an answer not yet written
        show_error("Bạn chưa làm câu này: hãy chọn hoặc điền câu trả lời rồi chạy lại ô.")
    else:
        details = scrub("".join(traceback.format_exception(etype, value, tb)))
        show_error(
            "Ô lệnh này gặp sự cố ngoài dự kiến. Bài làm của bạn vẫn được giữ nguyên. "
            "Hãy chạy lại ô lệnh; nếu vẫn lỗi, báo giảng viên.",
            details,
        )
    return None


def setup(show_status: bool = True) -> None:
    """The set-up cell: friendly errors on, and one status line."""
    try:
        from IPython import get_ipython

        shell = get_ipython()
    except ImportError:  # pragma: no cover
        shell = None
    # While nbgrader validates or grades, errors must reach it unchanged (it records their messages).
    if shell is not None and not os.environ.get("NBGRADER_EXECUTION"):
        shell.set_custom_exc((Exception,), _handler)
    if show_status:
        print(status_line())
