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
    sh.__dict__.pop("showsyntaxerror", None)  # friendly_errors() replaced it on this instance


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


# --- the learner's own code mistakes, in Vietnamese -------------------------------------------------

from course.code_errors import explain, straighten_quotes  # noqa: E402
from course.ui import friendly_errors  # noqa: E402


def parse_error(code: str) -> SyntaxError:
    try:
        compile(code, "<o>", "exec")
    except SyntaxError as err:
        return err
    raise AssertionError(f"compiles: {code!r}")


@pytest.mark.parametrize(("typed", "fixed"), [
    ('cau_1 = “B”', 'cau_1 = "B"'),
    ("cau_1 = ‘B’", "cau_1 = 'B'"),
    ('ban_sua = “Sáng thứ sáu, tổ dân phố số 2…”', 'ban_sua = "Sáng thứ sáu, tổ dân phố số 2…"'),
    ('x = “Ông nói \'chào\'”', 'x = "Ông nói \'chào\'"'),
    ('x = “abc"', 'x = "abc"'),
])
def test_typographic_quotes_are_named_and_the_line_is_corrected(typed, fixed):
    help_ = explain(parse_error(typed), typed)
    assert help_.title == "Dấu ngoặc kép chưa đúng" and help_.line == 1 and help_.fixed == fixed
    assert "Dòng 1" in help_.message and ("“" in help_.message or "‘" in help_.message)
    compile(help_.fixed, "<o>", "exec")


def test_quotes_inside_a_string_are_text_and_stay():
    assert straighten_quotes('print("Ông nói “chào”")') == 'print("Ông nói “chào”")'
    assert straighten_quotes('# “ghi chú”\nx = “a”') == '# “ghi chú”\nx = "a"'
    src = 'bien_ban = {\n    "Thời gian": “Ngày 20/4”,\n    "Chủ trì": "Ông Cường",\n}'
    help_ = explain(parse_error(src), src)
    assert help_.line == 2 and help_.fixed == '    "Thời gian": "Ngày 20/4",'


@pytest.mark.parametrize(("code", "title", "words"), [
    ('cau_1 = "B', "Lệnh gõ chưa đúng", "chưa đóng"),
    ("if True:\nx = 1", "Các dòng chưa thẳng hàng", "dấu hai chấm"),
    ("x = 1\n    y = 2", "Các dòng chưa thẳng hàng", "khoảng trắng thừa"),
    ("def f():\n\tx = 1\n        y = 2", "Các dòng chưa thẳng hàng", "Tab"),
    ("x = a…", "Lệnh gõ chưa đúng", "«…»"),
    ("x = (1,\n", "Lệnh gõ chưa đúng", "chưa đóng"),
])
def test_other_syntax_and_indentation_errors(code, title, words):
    help_ = explain(parse_error(code), code)
    assert help_.title == title and words in help_.message, help_.message


def test_name_error_says_run_the_cells_above_and_suggests_a_near_name():
    help_ = explain(NameError("name 'cau1' is not defined", name="cau1"), "", {"cau_1": "B", "_x": 1})
    assert "«cau1»" in help_.message and "chưa được chạy" in help_.message and "khởi động lại" in help_.message
    assert "«cau_1»" in help_.message
    assert explain(ValueError("x")) is None


ENGLISH = ("Traceback", "SyntaxError", "IndentationError", "NameError", "Error", "line ")


@pytest.mark.parametrize(("code", "title"), [
    ('cau_1 = “B”', "Dấu ngoặc kép chưa đúng"),
    ("if cau_1 is None:\nraise ValueError()", "Các dòng chưa thẳng hàng"),
    ("print(so_ho_dan)", "Chưa chạy ô phía trên?"),
    ('%time x = “a”', "Dấu ngoặc kép chưa đúng"),  # raised by IPython's input transformers
    ("raise KeyboardInterrupt", "Ô đã được dừng"),  # the ■ button
])
def test_shell_shows_a_vietnamese_box_and_no_english_traceback(shell, code, title):
    friendly_errors(shell)
    shown, result = run(shell, code)
    assert not result.success and title in shown
    assert not any(word in shown for word in ENGLISH), shown


# --- the same in a real kernel -----------------------------------------------------------------------

def _vietnamese_only(outputs: list[dict]) -> str:
    assert not [o for o in outputs if o.get("output_type") == "error"], outputs  # no red traceback
    return "".join(o.get("data", {}).get("text/html", "") + o.get("text", "") for o in outputs)


def test_notebook_kernel_explains_mistakes_in_vietnamese(tmp_path):
    import nbformat

    from tests.conftest import offline_env

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(src) for src in (
        "from course.ui import setup\n\nsetup()",
        'cau_1 = “B”',
        "print(cau_2)",
        "if True:\nprint(1)",
        'cau_1 = "B"\nprint("Đã ghi", cau_1)',
    )]
    from nbclient import NotebookClient

    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(tmp_path)}}, env=offline_env()).execute()
    quotes, name, indent, fine = (_vietnamese_only(c.outputs) for c in nb.cells[1:])
    assert "Dấu ngoặc kép chưa đúng" in quotes and "cau_1 = &quot;B&quot;" in quotes
    assert "«cau_2»" in name and "Shift+Enter" in name
    assert "Các dòng chưa thẳng hàng" in indent
    assert "Đã ghi B" in fine


def test_restarted_kernel_explains_lost_variables_without_a_setup_cell(tmp_path):
    """A kernel that died and restarted has lost every variable; its first cell (no set-up run yet)
    still gets the Vietnamese explanation, because the kernel config loads it at start-up."""
    import shutil
    import time

    from jupyter_client import KernelManager

    from tests.conftest import REPO, offline_env

    profile = tmp_path / "ipython" / "profile_default"
    profile.mkdir(parents=True)
    shutil.copy(REPO / "jupyter" / "ipython_kernel_config.py", profile / "ipython_kernel_config.py")
    env = offline_env() | {"IPYTHONDIR": str(tmp_path / "ipython")}
    km = KernelManager(kernel_name="python3")
    km.start_kernel(env=env, cwd=str(tmp_path))
    try:
        def execute(code: str) -> list[dict]:
            kc = km.client()
            kc.start_channels()
            try:
                kc.wait_for_ready(timeout=60)
                outputs: list[dict] = []

                def hook(msg: dict) -> None:
                    if msg["msg_type"] in {"stream", "display_data", "execute_result", "error"}:
                        outputs.append({"output_type": msg["msg_type"], **msg["content"]})

                kc.execute_interactive(code, output_hook=hook, timeout=60)
                return outputs
            finally:
                kc.stop_channels()

        assert "42" in _vietnamese_only(execute("so_ho_dan = 42\nprint(so_ho_dan)"))
        kc = km.client()
        kc.start_channels()
        kc.execute("import os; os._exit(1)")  # the kernel dies (as when memory runs out)
        for _ in range(100):
            if not km.is_alive():
                break
            time.sleep(0.1)
        kc.stop_channels()
        assert not km.is_alive()
        km.restart_kernel(now=True)  # what the Jupyter server does on its own after a death
        shown = _vietnamese_only(execute("print(so_ho_dan)"))
        assert "Chưa chạy ô phía trên?" in shown and "khởi động lại" in shown
    finally:
        km.shutdown_kernel(now=True)


def test_reminder_sits_in_the_answer_widget_and_gives_way_to_the_saved_answer(shell, tmp_path):
    """Run before answering, the placeholder's note shows in the widget; once saved, «Đã lưu …» replaces it
    (a note printed below the widget would stay and contradict the saved answer)."""
    from course.widgets.quiz import TextAnswer
    from course.widgets.store import AnswerStore

    box = TextAnswer("cau_4", "Câu 4: số điều bị bịa", store=AnswerStore(tmp_path / "a.json"), namespace=shell.user_ns)
    shown, result = run(shell, released('cau_4 = cau_4  # text_answer("cau_4", …) in the real cell\nif not cau_4:\n',
                                        "    "))
    assert result.success and shown == ""  # nothing printed below the cell
    assert "Câu này chưa có câu trả lời" in box.status.value and "«cau_4»" in box.status.value
    box.box.value = "Điều 89 “Luật Hộ tịch”"
    box.save()
    assert "Đã lưu vào biến" in box.status.value and "chưa có câu trả lời" not in box.status.value
    assert shell.user_ns["cau_4"] == "Điều 89 “Luật Hộ tịch”"


def test_feedback_titles_tell_apart_questions_under_one_heading():
    import nbformat.v4 as v4

    from course.grading.nbgrader_ext import HideHiddenTests

    cells = [v4.new_markdown_cell("## Câu 1 (3 điểm) — Tìm điều luật")]
    for part in "ab":
        cells.append(v4.new_code_cell(f'expect(x, "Câu 1{part}: hãy gõ số điều")',
                                      metadata={"nbgrader": {"grade": True, "grade_id": f"t{part}", "points": 1}}))
    cells += [v4.new_markdown_cell("## Câu 2 (1 điểm)"),
              v4.new_code_cell('expect(y, "Câu 2: bấm chọn")', metadata={"nbgrader": {"grade": True, "points": 1}})]
    nb, _ = HideHiddenTests().preprocess(v4.new_notebook(cells=cells), {})
    titles = [c.metadata["khoahoc"]["title"] for c in nb.cells if "khoahoc" in c.metadata]
    assert titles == ["Câu 1 (3 điểm) — Tìm điều luật — Câu 1a", "Câu 1 (3 điểm) — Tìm điều luật — Câu 1b",
                      "Câu 2 (1 điểm)"]
