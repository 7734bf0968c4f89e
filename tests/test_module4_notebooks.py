"""Module 4 notebooks execute offline, top to bottom, and show real results on the ward laws; the
assignment takes every graded answer through a widget, its model solution scores full marks and the
one-case-of-several trap does not."""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from course.grading.checks import article_number
from course.grading.nbgrader_ext import CODE_STUB
from tests.conftest import offline_env, outputs_text, run_notebook

MODULE = Path(__file__).resolve().parent.parent / "module4_legal_lookup"
NOTEBOOKS = ["bai_giang.ipynb", "thuc_hanh.ipynb", "bai_tap/bai_tap.ipynb"]
ASSIGNMENT = MODULE / "bai_tap" / "bai_tap.ipynb"
WIDGETS = {"text_answer", "choice_question", "true_false", "label_task"}
SOLUTION = re.compile(r"^( *)### BEGIN SOLUTION\n.*?### END SOLUTION", re.DOTALL | re.MULTILINE)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_is_committed_clean(name):
    nb = nbformat.read(MODULE / name, as_version=4)
    assert nb.nbformat == 4 and nb.nbformat_minor == 5
    ids = [c.id for c in nb.cells]
    assert len(set(ids)) == len(ids) and all(i.startswith("m4-") for i in ids)
    for c in nb.cells:
        if c.cell_type == "code":
            assert not c.outputs and c.execution_count is None
    assert sum(1 for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("# ")) == 1


def test_lecture_has_slides():
    nb = nbformat.read(MODULE / "bai_giang.ipynb", as_version=4)
    kinds = {c.metadata.get("slideshow", {}).get("slide_type") for c in nb.cells}
    assert {"slide", "subslide", "fragment", "notes"} <= kinds


def _cell_html(nb: nbformat.NotebookNode, cid: str) -> str:
    cell = next(c for c in nb.cells if c.id == cid)
    return "\n".join(o.get("data", {}).get("text/html", "") + o.get("data", {}).get("text/plain", "")
                     + o.get("text", "") for o in cell.outputs)


def _cited(cards_html: str) -> set[str]:
    """The số hiệu of the documents in result cards ("<b>1. Điều 235, …, Luật Đất đai 2024 — 31/2024/QH15</b>")."""
    return set(re.findall(r"<b>\d+\. [^<]*? — ([^<]+)</b>", cards_html))


@pytest.mark.parametrize("name", ["bai_giang.ipynb", "thuc_hanh.ipynb"])
def test_notebook_runs_offline_on_the_ward_laws(name):
    nb = run_notebook(MODULE / name, timeout=600)
    text = outputs_text(nb)
    assert "Traceback" not in text and "60/2014/QH13" in text
    # the version status beside citations: a consolidated text, a text lacking the 2025 amendments,
    # a text no longer in force
    assert "Văn bản hợp nhất 28/VBHN-VPQH" in text and "136/2025/QH15" in text and "Hết hiệu lực" in text
    assert "Điều 89" in text and "không tồn tại" in text  # the made-up citation is removed
    if name == "bai_giang.ipynb":
        assert "không quá 05 ngày làm việc" in _cell_html(nb, "m4-bg-read-demo")  # Điều 18 Luật Hộ tịch
        assert _cited(_cell_html(nb, "m4-bg-field-demo")) == {"31/2024/QH15"}  # filtered to Đất đai
    else:
        assert "Không tìm thấy" in text and "<mark>" in text
        amended = _cell_html(nb, "m4-th-status")  # Điều 27 Luật Khiếu nại as amended, with the note saying so
        assert "07 ngày làm việc" in amended and "được thay thế bằng cụm từ" in amended
        assert "hòa giải ngay khi chứng kiến" in _cell_html(nb, "m4-th-case-read")  # Điều 20, the other case
        kept = _cell_html(nb, "m4-th-case")
        assert "✓" in kept and "Điều 20" in kept  # the citation holds although the answer misses the case
        assert _cited(_cell_html(nb, "m4-th-field")) == {"35/2013/QH13", "31/2024/QH15"}  # one field, then the other


# ---- the assignment ------------------------------------------------------------------------------

def _source() -> nbformat.NotebookNode:
    return nbformat.read(ASSIGNMENT, as_version=4)


def _answer_cells(nb: nbformat.NotebookNode) -> list:
    return [c for c in nb.cells if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("solution")]


def _graded_cells(nb: nbformat.NotebookNode) -> list:
    return [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")]


def _released(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The learner's copy as nbgrader releases it: each solution replaced by the course's stub, hidden
    tests kept (they run at grading time; the learner's copy hides them, checked by the grading tests)."""
    out = nbformat.from_dict(nb)
    for cell in _answer_cells(out):
        cell.source = SOLUTION.sub(lambda m: "\n".join(m.group(1) + line for line in CODE_STUB.split("\n")),
                                   cell.source)
    return out


def _model_answers(nb: nbformat.NotebookNode) -> dict[str, str]:
    """{variable: model answer} read from the solution blocks of the instructor's source."""
    answers = {}
    for cell in _answer_cells(nb):
        block = cell.source.split("### BEGIN SOLUTION")[1].split("### END SOLUTION")[0]
        assign = ast.parse(block.strip()).body[0]
        answers[assign.targets[0].id] = ast.literal_eval(assign.value)
    return answers


def test_every_graded_answer_is_entered_through_a_widget():
    nb = _source()
    answers = _answer_cells(nb)
    assert len(answers) == 8
    for cell in answers:
        tree = ast.parse(cell.source)
        first, rest = tree.body[0], tree.body[1:]
        # `cau_x = widget("cau_x", ...)`: the widget writes the variable; nothing for the learner to type in code
        assert isinstance(first, ast.Assign) and isinstance(first.value, ast.Call), cell.source
        name = first.targets[0].id
        assert first.value.func.id in WIDGETS and first.value.args[0].value == name, cell.source
        # then only `if not cau_x:` holding the solution block (nbgrader replaces it with a reminder)
        assert len(rest) == 1 and isinstance(rest[0], ast.If) and not rest[0].orelse, cell.source
    released = _released(nb)
    for cell in released.cells:
        if cell.cell_type != "code":
            continue
        locked = cell.metadata.get("nbgrader", {}).get("locked", False)
        tree = ast.parse(cell.source)  # valid Python as released
        assert "raise" not in cell.source and "BEGIN SOLUTION" not in cell.source
        if not locked:  # a cell the learner may touch imports nothing: the set-up cell did
            assert not [n for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom)
                        and "grading.checks" not in (getattr(n, "module", "") or "")], cell.source
    points = sum(c.metadata["nbgrader"]["points"] for c in _graded_cells(nb))
    assert points == 8
    assert all(c.metadata["nbgrader"]["schema_version"] == 3 for c in nb.cells if "nbgrader" in c.metadata)


def test_article_numbers_are_read_from_what_officials_type():
    for typed in ("15", "Điều 15", "điều 15 Luật Hộ tịch 2014", "dieu 15", " 015 ", "Điều 15 khoản 1"):
        assert article_number(typed) == "15", typed
    for typed in ("", None, "Luật Hộ tịch 2014, 15", "khoảng mười lăm"):
        assert article_number(typed) == "", typed


def _run_with_answers(tmp_path: Path, answers: dict) -> dict[str, bool]:
    """Run the released assignment with `answers` saved as the widgets save them (cau_tra_loi.json);
    return {graded cell id: passed}."""
    work = tmp_path / "bai_tap"
    work.mkdir(parents=True)
    nb = _released(_source())
    (work / "cau_tra_loi.json").write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
    client = NotebookClient(nb, timeout=600, kernel_name="python3", allow_errors=True,
                            resources={"metadata": {"path": str(work)}})
    old = dict(os.environ)
    env = {**offline_env(), "NBGRADER_EXECUTION": "autograde"}  # as when graded: failed checks are errors
    os.environ.clear()
    os.environ.update(env)
    try:
        client.execute()
    finally:
        os.environ.clear()
        os.environ.update(old)
    errors = {c.id: [o for o in c.outputs if o.output_type == "error"] for c in nb.cells if c.cell_type == "code"}
    ungraded = [cid for cid, errs in errors.items() if errs and cid not in {c.id for c in _graded_cells(nb)}]
    assert not ungraded, f"cells other than the checks failed: {ungraded}"
    return {c.id: not errors[c.id] for c in _graded_cells(nb)}


def _score(nb: nbformat.NotebookNode, passed: dict[str, bool]) -> int:
    return sum(c.metadata["nbgrader"]["points"] for c in _graded_cells(nb) if passed[c.id])


def test_model_solution_scores_full_marks_and_the_one_case_trap_does_not(tmp_path):
    nb = _source()
    model = _model_answers(nb)
    assert set(model) == {"cau_1a", "cau_1b", "cau_1c", "cau_2a", "cau_2b", "cau_3a", "cau_3b", "cau_4"}
    passed = _run_with_answers(tmp_path / "right", model)
    assert _score(nb, passed) == 8, passed
    # The trap: the citation (Điều 30 Luật Cư trú) is real, so the learner trusts the answer "before
    # 23:00" — the rule for guests arriving before 23:00, not for this guest; and keeps the old
    # "10 ngày" from a printed copy of Luật Khiếu nại.
    trap = {**model, "cau_2a": "A", "cau_2b": "A", "cau_3a": "A"}  # A: trusted; "Trước 23 giờ tối nay"; "10 ngày"
    assert "A" not in {model["cau_2a"], model["cau_2b"], model["cau_3a"]}
    passed = _run_with_answers(tmp_path / "trap", trap)
    failed = {cid for cid, ok in passed.items() if not ok}
    assert failed == {"m4-bt-cau_2a-test", "m4-bt-cau_2b-test", "m4-bt-cau_3a-test"}, failed
    assert _score(nb, passed) == 5


def test_unanswered_release_fails_its_checks_calmly(tmp_path):
    passed = _run_with_answers(tmp_path / "blank", {})
    assert not any(passed.values()), passed


def test_assignment_source_runs_and_its_checks_pass(tmp_path):
    work = tmp_path / "bai_tap"
    shutil.copytree(ASSIGNMENT.parent, work)
    nb = run_notebook(work / "bai_tap.ipynb", timeout=600,  # as when graded: a failed check raises
                      env={**offline_env(), "NBGRADER_EXECUTION": "autograde"})
    assert "Traceback" not in outputs_text(nb)


def test_released_assignment_holds_no_answer_key(tmp_path):
    """nbgrader's release of the assignment: no solution block, no hidden check, no model answer."""
    from course.catalogue import module
    from course.grading.coursedir import make_api
    from course.grading.synthetic import make_course

    assignment = module(4).id
    root = make_course(tmp_path, {assignment: ASSIGNMENT.parent})
    out = make_api(root).generate_assignment(assignment)
    assert out["success"], out.get("error")
    released = (root / "release" / assignment / "bai_tap.ipynb").read_text(encoding="utf-8")
    assert "BEGIN SOLUTION" not in released and "HIDDEN TESTS" not in released
    for name, value in _model_answers(_source()).items():
        assert f'{name} = \\"{value}\\"' not in released, name
        assert f'== \\"{value}\\"' not in released, name  # the hidden checks name the right answer
