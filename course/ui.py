"""What every notebook's single set-up cell calls: status line and friendly errors.

`setup()` prints which AI provider is active (offline or cloud) and installs IPython handlers
so a `CourseError` shows as a short Vietnamese box, never a traceback; the learner's own code
mistakes (SyntaxError incl. typographic quotes, IndentationError, NameError, an interrupted cell)
are explained in Vietnamese by `course.code_errors`. Other unexpected errors still show a
Vietnamese box first, with the technical details folded underneath for the trainer.
"""

from __future__ import annotations

import html
import linecache
import os
import traceback
import types

from course.catalogue import provider_label
from course.code_errors import CodeHelp, explain
from course.config import load_settings
from course.errors import CourseError
from course.progress import track_practice


def status_line() -> str:
    """One sentence saying which AI provider the notebook will use."""
    settings = load_settings()
    active = settings.active_provider()
    return f"Nhà cung cấp AI: {provider_label(active)}."


def _box(title: str, body: str, colour: str, details: str = "", code: str = "") -> str:
    extra = ""
    if code:
        extra += ("<pre style='white-space:pre-wrap;background:#fff;border:1px solid #ccc;padding:6px;margin:6px 0 0'>"
                  f"{html.escape(code)}</pre>")
    if details:
        extra += (
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


def notice_html(title: str, message: str) -> str:
    """The HTML of a calm Vietnamese note (not an error)."""
    return _box(title, message, "#2e86c1")


def show_notice(title: str, message: str) -> None:
    """Display a calm Vietnamese note (not an error): what to do next."""
    try:
        from IPython.display import HTML, display

        display(HTML(notice_html(title, message)))
    except ImportError:  # pragma: no cover - outside Jupyter
        print(f"{title}: {message}")


def show_code_help(help_: CodeHelp) -> None:
    """Display the Vietnamese explanation of a code mistake (and the corrected line, if any)."""
    try:
        from IPython.display import HTML, display

        display(HTML(_box(help_.title, help_.message, "#d35400", code=help_.fixed)))
    except ImportError:  # pragma: no cover - outside Jupyter
        print(help_.text())


def _cell_text(value: BaseException) -> str:
    """The cell a SyntaxError came from (IPython caches each cell under the error's file name)."""
    filename = getattr(value, "filename", None)
    return "".join(linecache.getlines(filename)) if filename else ""


def _handler(shell, etype, value, tb, tb_offset=None):  # noqa: ANN001 - IPython's signature
    from course.config import scrub

    help_ = explain(value, _cell_text(value), getattr(shell, "user_ns", None))
    if help_ is not None:
        show_code_help(help_)
    elif isinstance(value, CourseError):
        show_error(str(value))
    elif isinstance(value, AssertionError) and str(value):  # a self-check's Vietnamese feedback
        show_error(str(value))
    elif isinstance(value, NotImplementedError):  # a stub for an answer not yet written
        show_error("Bạn chưa làm câu này: hãy chọn hoặc điền câu trả lời rồi chạy lại ô.")
    else:
        details = scrub("".join(traceback.format_exception(etype, value, tb)))
        show_error(
            "Ô lệnh này gặp sự cố ngoài dự kiến. Bài làm của bạn vẫn được giữ nguyên. "
            "Hãy chạy lại ô lệnh; nếu vẫn lỗi, báo giảng viên.",
            details,
        )
    return None


def _showsyntaxerror(shell, filename=None, running_compiled_code=False):  # noqa: ANN001 - IPython's signature
    """Replaces IPython's English syntax-error printout (errors raised before the cell runs)."""
    import sys

    etype, value, tb = sys.exc_info()
    if value is None or not isinstance(value, SyntaxError):
        return type(shell).showsyntaxerror(shell, filename, running_compiled_code)
    return _handler(shell, etype, value, tb)


def friendly_errors(shell: object) -> None:
    """Install the Vietnamese error boxes in an IPython shell (what `setup()` does in every notebook).

    Runtime errors go through IPython's custom exception hook; syntax and indentation errors raised
    while the cell is parsed reach the same hook, and those raised by IPython's input transformers
    reach `showsyntaxerror`, which is replaced on this shell.
    """
    shell.set_custom_exc((Exception, KeyboardInterrupt), _handler)  # type: ignore[attr-defined]
    shell.showsyntaxerror = types.MethodType(_showsyntaxerror, shell)  # type: ignore[attr-defined]


def load_ipython_extension(shell: object) -> None:
    """Kernel start-up hook (`jupyter/ipython_kernel_config.py`): Vietnamese errors from the first cell on,
    also in a notebook without a set-up cell and in a kernel that died and restarted. Never while grading."""
    if not os.environ.get("NBGRADER_EXECUTION"):
        friendly_errors(shell)
        track_practice(shell)


def setup(show_status: bool = True) -> None:
    """The set-up cell: friendly errors on, and one status line."""
    try:
        from IPython import get_ipython

        shell = get_ipython()
    except ImportError:  # pragma: no cover
        shell = None
    # While nbgrader validates or grades, errors must reach it unchanged (it records their messages).
    if shell is not None and not os.environ.get("NBGRADER_EXECUTION"):
        friendly_errors(shell)
        track_practice(shell)
    if show_status:
        print(status_line())
