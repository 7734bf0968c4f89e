"""Widget callbacks never fail silently: errors become a short Vietnamese line in the widget.

Exceptions raised inside an ipywidgets callback do not reach the notebook's error handler; they
land in a log the learner never opens. `guard()` catches them and shows a message instead.
"""

from __future__ import annotations

import html
import logging
import traceback
from collections.abc import Callable
from typing import Any

from course.errors import CourseError

log = logging.getLogger(__name__)
UNEXPECTED = ("Thao tác này gặp sự cố ngoài dự kiến. Bài làm của bạn vẫn được giữ nguyên. "
              "Hãy thử lại; nếu vẫn lỗi, báo giảng viên.")


def error_html(message: str) -> str:
    """A red Vietnamese message for an HTML widget."""
    return f"<span style='color:#c0392b'><b>Có lỗi:</b> {html.escape(message)}</span>"


def _log_scrubbed() -> None:
    """Log the current exception's traceback with any configured key masked."""
    from course.config import scrub

    try:
        detail = scrub(traceback.format_exc())
    except Exception:  # noqa: BLE001 - settings unreadable: log only the exception type
        detail = traceback.format_exc().splitlines()[-1].split(":", 1)[0]
    log.error("widget callback failed:\n%s", detail)


def guard(fn: Callable[..., Any], show: Callable[[str], None]) -> Callable[..., Any]:
    """Wrap a callback: a `CourseError` shows its message, anything else a generic one (logged)."""

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except CourseError as err:
            show(error_html(str(err)))
        except Exception:  # noqa: BLE001 - a learner must never face a silent failure
            _log_scrubbed()
            show(error_html(UNEXPECTED))
        return None

    return wrapped
