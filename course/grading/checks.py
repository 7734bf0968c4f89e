"""Small checks that assignment test cells call, with Vietnamese failure messages.

Every failure is an `AssertionError` whose message tells the learner, in Vietnamese, what is
still wrong; nbgrader counts the test as failed and the feedback shows only that message.

    from course.grading.checks import expect, expect_filled, expect_contains_any
    expect_filled(cau_1, "cau_1")
    expect_contains_any(cau_2, ["ủy ban", "ubnd"], "Câu 2 cần nêu tên cơ quan.")
"""

from __future__ import annotations

import ast
import linecache
import os
import re
import sys
from collections.abc import Iterable
from typing import Any

from course.text import strip_diacritics

_PLACEHOLDERS = {"", "...", "…", "?", "todo", "viết câu trả lời của bạn ở đây"}
_WIDGET_CALLS = {"choice_question", "true_false", "text_answer", "label_task", "form_answer"}


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


def article_number(answer: Any) -> str:
    """The article number in a learner's answer: "15", "Điều 15", "điều 15 Luật Hộ tịch" -> "15".

    The number after the word "Điều" wins; without that word, the answer must hold exactly one number
    (otherwise "" — "Luật Hộ tịch 2014, 15" is ambiguous and is not guessed).
    """
    if not isinstance(answer, str):
        return ""
    plain = normalize(answer)
    after = re.search(r"\bdieu\s*(\d+)", plain)
    if after:
        return after.group(1).lstrip("0") or "0"
    numbers = re.findall(r"\d+", plain)
    if len(numbers) != 1:
        return ""
    return numbers[0].lstrip("0") or "0"


def _blank(value: Any) -> bool:
    """True when an answer, or any part of it (a list's item, a dict's value), is still empty."""
    if isinstance(value, dict):
        return not value or any(_blank(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return not value or any(_blank(v) for v in value)
    return not is_filled(value)


def _cell_source(frame: Any) -> str:
    """The source of the code running in `frame`: a notebook cell (IPython caches it) or a file."""
    return "".join(linecache.getlines(frame.f_code.co_filename))


def unanswered_names(source: str, namespace: dict[str, Any]) -> list[str]:
    """Variables the code `source` assigns whose value in `namespace` is still empty, in order."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store) and node.id not in names:
            names.append(node.id)
    return [n for n in sorted(names, key=source.find) if n in namespace and _blank(namespace[n])]


def remind_unanswered() -> None:
    """nbgrader's placeholder in a released answer cell: say, without an error, what is still unanswered.

    It looks at the variables the calling cell assigns; those still empty (None, "", a list with a gap)
    are named in a short Vietnamese note with how to answer. Nothing to delete, nothing raised: an
    unanswered question simply keeps its empty value and fails its tests. Returns nothing (a cell's last
    line would otherwise print the value).
    """
    frame = sys._getframe(1)
    source = _cell_source(frame)
    names = unanswered_names(source, frame.f_globals)
    if names:
        from course.ui import notice_html, show_notice

        listed = ", ".join(f"«{n}»" for n in names)
        if "text_answer" in source or "form_answer" in source:
            how = "gõ câu trả lời vào ô chữ phía trên rồi bấm «Lưu câu trả lời»"
        elif any(call in source for call in _WIDGET_CALLS):
            how = "bấm chọn trong khung phía trên; câu trả lời được lưu ngay, không cần chạy lại ô"
        else:
            how = "gõ câu trả lời vào giữa hai dấu ngoặc kép \"\" ở phía trên, rồi chạy lại ô (Shift+Enter)"
        title, message = ("Câu này chưa có câu trả lời",
                          f"Còn trống: {listed}. Hãy {how}. Không cần xoá hay sửa dòng lệnh nào khác.")
        # In the learner's notebook the note sits in the answer widget (it gives way to «Đã lưu …»); when
        # graded, or without a widget, it is shown below the cell.
        quiz = sys.modules.get("course.widgets.quiz")
        if (len(names) == 1 and quiz is not None and not os.environ.get("NBGRADER_EXECUTION")
                and quiz.note_in_widget(names[0], notice_html(title, message))):
            return
        show_notice(title, message)
