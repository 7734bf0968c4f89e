"""Small checks that assignment test cells call, with Vietnamese failure messages.

Every failure is an `AssertionError` whose message tells the learner, in Vietnamese, what is
still wrong; nbgrader counts the test as failed and the feedback shows only that message.

    from course.grading.checks import expect, expect_filled, expect_contains_any
    expect_filled(cau_1, "cau_1")
    expect_contains_any(cau_2, ["ủy ban", "ubnd"], "Câu 2 cần nêu tên cơ quan.")
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from course.text import strip_diacritics

_PLACEHOLDERS = {"", "...", "…", "?", "todo", "viết câu trả lời của bạn ở đây"}


def normalize(text: str) -> str:
    """Lower-case, drop Vietnamese diacritics (đ→d), collapse spaces: for tolerant matching."""
    return re.sub(r"\s+", " ", strip_diacritics(str(text))).strip().lower()


def expect(condition: object, message: str) -> None:
    """Fail with `message` (Vietnamese) unless `condition` is true."""
    if not condition:
        raise AssertionError(message)


def is_filled(value: Any) -> bool:
    """True when the learner replaced the placeholder with a real answer."""
    if value is None or value is Ellipsis:
        return False
    if isinstance(value, str):
        return normalize(value) not in {normalize(p) for p in _PLACEHOLDERS}
    if isinstance(value, (list, tuple, set, dict)):
        return len(value) > 0
    return True


def expect_filled(value: Any, name: str) -> None:
    """Fail with "Bạn chưa điền `name`" when the answer is still empty or a placeholder."""
    expect(is_filled(value), f"Bạn chưa điền câu trả lời vào biến `{name}`.")


def contains_any(text: str, keywords: Iterable[str]) -> bool:
    """True when `text` contains one of `keywords`, ignoring case and diacritics."""
    plain = normalize(text)
    return any(normalize(k) in plain for k in keywords)


def expect_contains_any(text: Any, keywords: Iterable[str], message: str) -> None:
    """Fail with `message` unless the text mentions at least one keyword (diacritics optional)."""
    expect(isinstance(text, str) and contains_any(text, keywords), message)


def expect_contains_all(text: Any, keywords: Iterable[str], message: str) -> None:
    """Fail with `message` plus the missing keywords unless the text mentions every keyword."""
    keywords = list(keywords)
    plain = normalize(text) if isinstance(text, str) else ""
    missing = [k for k in keywords if normalize(k) not in plain]
    expect(not missing, f"{message} Còn thiếu: {', '.join(missing)}.")
