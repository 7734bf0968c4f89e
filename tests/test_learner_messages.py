"""What a learner sees in a real IPython shell: the placeholder's calm reminder (never an error).

Cells run through IPython's own `run_cell`, as in a notebook kernel; outputs are captured from its
display publisher.
"""

from __future__ import annotations

import pytest
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output

from course.grading.nbgrader_ext import CODE_STUB


@pytest.fixture()
def shell() -> InteractiveShell:
    sh = InteractiveShell.instance()
    sh.user_ns.clear()
    sh.user_ns.update({"__name__": "__main__"})
    yield sh
    sh.set_custom_exc((), None)


def run(sh: InteractiveShell, code: str) -> tuple[str, object]:
    """Run one cell; return what it showed (HTML and text) and its result."""
    with capture_output() as cap:
        result = sh.run_cell(code, store_history=True)
    shown = cap.stdout + cap.stderr + "".join(o.data.get("text/html", "") for o in cap.outputs)
    return shown, result


def released(cell_head: str, indent: str = "") -> str:
    return cell_head + "".join(indent + line + "\n" for line in CODE_STUB.splitlines())


def test_placeholder_names_what_is_unanswered_and_raises_nothing(shell):
    shown, result = run(shell, released('cau_1a = ""\ncau_1b = "173"\n'))
    assert result.success and "Câu này chưa có câu trả lời" in shown
    assert "«cau_1a»" in shown and "cau_1b" not in shown and "ngoặc kép" in shown
    shown, result = run(shell, released('cau_1a = "139"\ncau_1b = "173"\n'))
    assert result.success and shown == ""  # answered: the same untouched placeholder says nothing


def test_placeholder_inside_a_widget_block_is_valid_and_quiet_once_answered(shell):
    shell.user_ns["saved"] = None
    cell = released("cau_1 = saved   # choice_question(...) in the real cell\nif cau_1 is None:\n", "    ")
    shown, result = run(shell, cell)
    assert result.success and "«cau_1»" in shown and "bấm chọn" in shown
    shell.user_ns["saved"] = "B"
    shown, result = run(shell, cell)
    assert result.success and shown == ""


def test_a_partly_filled_form_is_named():
    from course.grading.checks import unanswered_names

    src = 'bien_ban = {"Thời gian": "", "Chủ trì": "Ông Cường"}\nlabels = ["a", None]\nok = ["a"]\n'
    ns = {"bien_ban": {"Thời gian": "", "Chủ trì": "Ông Cường"}, "labels": ["a", None], "ok": ["a"]}
    assert unanswered_names(src, ns) == ["bien_ban", "labels"]
    assert unanswered_names("x = (", ns) == []
