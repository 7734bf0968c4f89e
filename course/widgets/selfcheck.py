"""The "Tự kiểm tra" button: says in Vietnamese what is still missing, never what is correct.

Rules only check what a learner can see from the assignment itself (an answer exists, it is one
of the offered options, the text is long enough). Correctness lives in nbgrader's hidden tests.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import ipywidgets as w
from IPython.display import display

from course.widgets._namespace import user_namespace
from course.widgets.safe import guard

Checker = Callable[[Any], str | None]  # returns a Vietnamese problem, or None when fine
_MISSING = object()


@dataclass(frozen=True)
class Rule:
    """One thing to check: the variable `name`, shown to the learner as `label` (e.g. "Câu 3").

    An empty `name` means the check reads its own input (see `notebook_answer_min_words`).
    """

    name: str
    label: str
    check: Checker


def one_of(options: Sequence[str]) -> Checker:
    """The answer must be one of `options` (e.g. "ABCD" = A, B, C, D; or ("Đúng", "Sai"))."""
    allowed = tuple(options)
    shown = ", ".join(allowed)

    def check(value: Any) -> str | None:
        if value is None or value == "":
            return "chưa chọn đáp án"
        if value not in allowed:
            return f"đáp án phải là một trong: {shown}"
        return None

    return check


def min_words(n: int) -> Checker:
    """A free-text answer with at least `n` words."""

    def check(value: Any) -> str | None:
        if not isinstance(value, str) or not value.strip():
            return "chưa viết câu trả lời (nhớ bấm «Lưu câu trả lời»)"
        words = len(value.split())
        if words < n:
            return f"câu trả lời còn ngắn ({words} từ) — hãy viết ít nhất {n} từ"
        return None

    return check


def list_of(options: Sequence[str], length: int) -> Checker:
    """A list of exactly `length` labels, each one of `options`."""

    allowed = tuple(options)

    def check(value: Any) -> str | None:
        if not isinstance(value, list | tuple) or len(value) != length:
            return f"cần đủ {length} lựa chọn"
        missing = [str(i) for i, v in enumerate(value, start=1) if v is None or v == ""]
        if missing:
            return "chưa chọn cho mục " + ", ".join(missing)
        wrong = [str(i) for i, v in enumerate(value, start=1) if v not in allowed]
        if wrong:
            return "lựa chọn không hợp lệ ở mục " + ", ".join(wrong)
        return None

    return check


def number_between(low: float, high: float) -> Checker:
    """A number in [low, high] (e.g. a temperature)."""

    def check(value: Any) -> str | None:
        if value is None:
            return "chưa chọn giá trị"
        if isinstance(value, bool) or not isinstance(value, int | float):
            return "giá trị phải là một con số"
        if not low <= value <= high:
            return f"giá trị phải nằm trong khoảng {low} đến {high}"
        return None

    return check


def notebook_answer_min_words(grade_id: str, n: int, notebook: str = "bai_tap.ipynb",
                              stub: str = "VIẾT CÂU TRẢ LỜI CỦA BẠN Ở ĐÂY") -> Checker:
    """A text answer typed straight into an nbgrader answer cell (found by `grade_id` in the SAVED notebook).

    Use with `Rule("", label, ...)`: the check reads the notebook file, so unsaved typing is not seen yet.
    """

    def check(_value: Any) -> str | None:
        import nbformat

        try:
            nb = nbformat.read(notebook, as_version=4)
        except (OSError, ValueError):
            return f"không đọc được tệp {notebook} — hãy lưu bài (Ctrl+S) rồi bấm lại"
        cells = [c for c in nb.cells if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == grade_id]
        if not cells:
            return f"không thấy ô trả lời «{grade_id}» trong bài — đừng xoá ô đó"
        text = cells[0].source.replace(stub, "").strip()
        words = len(text.split())
        if words == 0:
            return "chưa viết câu trả lời (hoặc chưa lưu bài: bấm Ctrl+S rồi bấm lại)"
        if words < n:
            return f"câu trả lời còn ngắn ({words} từ) — hãy viết ít nhất {n} từ rồi lưu bài"
        return None

    return check


def run_checks(rules: Sequence[Rule], namespace: dict[str, Any] | None = None) -> list[str]:
    """Vietnamese problems, one per rule that fails; empty when everything is ready to submit."""
    ns = user_namespace(namespace)
    problems = []
    for rule in rules:
        if not rule.name:  # the check finds its own input (e.g. a saved notebook cell)
            problem = rule.check(None)
            if problem:
                problems.append(f"{rule.label}: {problem}")
            continue
        value = ns.get(rule.name, _MISSING)
        if value is _MISSING:
            problems.append(f"{rule.label}: chưa chạy ô lệnh của câu này (biến {rule.name} chưa có)")
            continue
        problem = rule.check(value)
        if problem:
            problems.append(f"{rule.label}: {problem}")
    return problems


def report_html(problems: Sequence[str], total: int) -> str:
    """The message the button shows."""
    if not problems:
        return (
            "<div style='color:#1e8449'><b>Đã trả lời đủ "
            f"{total}/{total} mục, đúng định dạng.</b> Đúng hay sai sẽ được chấm sau khi nộp bài.</div>"
        )
    items = "".join(f"<li>{html.escape(p)}</li>" for p in problems)
    return (
        f"<div style='color:#b9770e'><b>Còn {len(problems)}/{total} mục cần xem lại:</b>"
        f"<ul>{items}</ul></div>"
    )


class SelfCheck:
    """A button + output area; `click()` runs the checks (tests call it without a browser)."""

    def __init__(self, rules: Sequence[Rule], namespace: dict[str, Any] | None = None) -> None:
        self.rules = list(rules)
        self.namespace = namespace
        self.button = w.Button(description="Tự kiểm tra", button_style="info", icon="check",
                               layout=w.Layout(width="auto"))
        self.result = w.HTML()
        self.button.on_click(guard(lambda _b: self.click(), lambda m: setattr(self.result, "value", m)))
        self.widget = w.VBox([self.button, self.result])

    def click(self) -> list[str]:
        problems = run_checks(self.rules, self.namespace)
        self.result.value = report_html(problems, len(self.rules))
        return problems


def self_check(rules: Sequence[Rule], namespace: dict[str, Any] | None = None) -> None:
    """Show the "Tự kiểm tra" button for these rules (returns None: nothing echoes under it)."""
    display(SelfCheck(rules, namespace).widget)
