"""nbgrader configuration and preprocessors shared by `grading/nbgrader_config.py` and the runner.

- Vietnamese `ClearSolutions` stubs (the code stub reminds, never asks to delete code).
- `CapOutputSize`: after execution, truncates any output larger than a byte budget, so one
  learner printing 50 MB cannot bloat the gradebook, the feedback or the instructor's disk.
- `HideHiddenTests`: in feedback only, removes the code between the hidden-test markers and
  replaces tracebacks with one Vietnamese line (which check failed and why).
- `AddSubmitPanel`: every released assignment ends with the «Nộp bài» / «Xem nhận xét» panel
  (`course.learner.nop_bai`), added here so every module's assignment gets it from one place.
- A Vietnamese feedback template (`grading/templates/feedback_vi`).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from traitlets import Bool, Integer

from course.config import load_settings

# Replaces each solution in a released answer cell, at the solution's indentation (so it is valid
# inside `if cau_1 is None:` as well as at the top of a cell). It never asks the learner to delete
# anything and raises nothing: it names what is still unanswered; an empty answer fails its tests.
CODE_STUB = (
    "# Không cần sửa các dòng này: câu trả lời ghi ở phía trên (khung chọn, ô chữ hoặc trong dấu ngoặc kép).\n"
    "from course.grading.checks import remind_unanswered\n"
    "remind_unanswered()"
)
TEXT_STUB = "VIẾT CÂU TRẢ LỜI CỦA BẠN Ở ĐÂY"
HIDDEN_BEGIN = "### BEGIN HIDDEN TESTS"
HIDDEN_END = "### END HIDDEN TESTS"
HIDDEN_NOTE = "# (Các kiểm tra ẩn của giảng viên — nội dung không hiển thị.)"
TRUNCATED_NOTE = "\n… [Đầu ra quá dài: hệ thống chấm đã cắt bớt {n} byte.]\n"
TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "grading" / "templates"
# nbgrader's own automatic comments, in Vietnamese
AUTO_COMMENTS_VI = {"No response.": "Bạn chưa trả lời câu này."}
_HIDDEN_RE = re.compile(re.escape(HIDDEN_BEGIN) + r".*?" + re.escape(HIDDEN_END), re.DOTALL)


class CapOutputSize(Preprocessor):
    """Truncate every output whose text exceeds `max_bytes` (nbgrader's LimitOutput counts lines only)."""

    enabled = Bool(True).tag(config=True)
    max_bytes = Integer(100_000, help="largest output (bytes of text) kept per output").tag(config=True)

    def _cap(self, text: str) -> str:
        data = text.encode("utf-8", "replace")
        if len(data) <= self.max_bytes:
            return text
        kept = data[: self.max_bytes].decode("utf-8", "ignore")
        return kept + TRUNCATED_NOTE.format(n=len(data) - self.max_bytes)

    def preprocess_cell(self, cell: NotebookNode, resources: dict, index: int) -> tuple[NotebookNode, dict]:
        if cell.cell_type != "code":
            return cell, resources
        for out in cell.get("outputs", []):
            if "text" in out:
                out["text"] = self._cap("".join(out["text"]) if isinstance(out["text"], list) else out["text"])
            for mime, value in list(out.get("data", {}).items()):
                if isinstance(value, str) and len(value) > self.max_bytes:
                    out["data"][mime] = self._cap(value)
            if out.get("output_type") == "error":
                out["evalue"] = self._cap(str(out.get("evalue", "")))
                out["traceback"] = [self._cap(line) for line in out.get("traceback", [])[:100]]
        return cell, resources


def strip_hidden_tests(source: str) -> str:
    """The test cell's code with every hidden-test block replaced by one Vietnamese comment."""
    return _HIDDEN_RE.sub(HIDDEN_NOTE, source)


def error_line(ename: str, evalue: str) -> str:
    """One Vietnamese line for a failed check or an error, without any code or traceback."""
    evalue = (evalue or "").strip()
    if ename == "AssertionError":
        return f"✗ Chưa đạt: {evalue}" if evalue else "✗ Chưa đạt một kiểm tra (giảng viên không ghi lý do)."
    if ename == "NotImplementedError":
        return f"✗ Chưa làm: {evalue}" if evalue else "✗ Bạn chưa làm câu này."
    if ename == "CellTimeoutError":
        return "✗ Ô này chạy quá thời gian cho phép nên đã bị dừng."
    if ename == "NameError":
        return f"✗ Thiếu biến hoặc hàm ({evalue}): hãy chạy lại các ô phía trên và kiểm tra tên biến."
    return f"✗ Lỗi {ename}: {evalue}"


def _heading(source: str) -> str:
    """A markdown cell's first heading, without the '#' marks and the one-day plan's star."""
    for line in source.splitlines():
        if line.startswith("#"):
            return line.lstrip("#").replace("★", "").strip()
    return ""


def assignment_title(assignment: str) -> str:
    """The Vietnamese name of an assignment for feedback pages ("Bài tập Học phần 1 — …")."""
    from course.catalogue import module

    try:
        return f"Bài tập {module(assignment).label}"
    except KeyError:
        pass
    return {"kiem_tra_dau_khoa": "Kiểm tra đầu khoá", "kiem_tra_cuoi_khoa": "Kiểm tra cuối khoá"}.get(
        assignment, assignment)


def _tell_apart(nb: NotebookNode) -> None:
    """Graded cells under one heading ("Câu 1 — Tìm điều luật" holds 1a, 1b, 1c) get their own label too,
    read from the cell's visible check ("Câu 1b: …"), so the feedback list never repeats a title."""
    graded = [c for c in nb.cells if "khoahoc" in c.metadata and c.metadata.get("nbgrader", {}).get("grade")]
    shared = Counter(c.metadata["khoahoc"]["title"] for c in graded)
    for cell in graded:
        title = cell.metadata["khoahoc"]["title"]
        label = re.search(r"\bCâu \d+[a-zđ]?\b", cell.source)
        if shared[title] > 1 and label and not title.startswith(label.group(0) + " "):
            cell.metadata["khoahoc"]["title"] = f"{title} — {label.group(0)}"


class HideHiddenTests(Preprocessor):
    """For feedback: hide hidden tests' code and turn every traceback into one Vietnamese line; name each
    graded cell by the heading above it ("Câu 3") and keep its Vietnamese failure line, so the page shows
    question titles and reasons, never internal ids (`metadata.khoahoc`: title, reason)."""

    enabled = Bool(True).tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        nb, resources = super().preprocess(nb, resources)
        nb.cells = [cell for cell in nb.cells if cell.get("id") not in SUBMIT_IDS]  # the buttons, not feedback
        title = ""
        for cell in nb.cells:
            if cell.cell_type == "markdown" and _heading(cell.source):
                title = _heading(cell.source)
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("grade") or meta.get("solution"):
                reasons = [out.get("text", "").strip() for out in cell.get("outputs", [])
                           if out.get("output_type") == "stream" and out.get("text", "").startswith("✗")]
                cell.metadata["khoahoc"] = {"title": title or "Câu hỏi", "reason": reasons[0] if reasons else ""}
        _tell_apart(nb)
        info = resources.get("nbgrader", {})
        resources["khoahoc_title"] = assignment_title(str(info.get("assignment", "")))
        return nb, resources

    def preprocess_cell(self, cell: NotebookNode, resources: dict, index: int) -> tuple[NotebookNode, dict]:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("comment") in AUTO_COMMENTS_VI:
            meta["comment"] = AUTO_COMMENTS_VI[meta["comment"]]
        if cell.cell_type != "code":
            return cell, resources
        if meta.get("grade") and not meta.get("solution"):
            cell.source = strip_hidden_tests(cell.source)
        outputs = []
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                outputs.append(NotebookNode(output_type="stream", name="stderr",
                                            text=error_line(out.get("ename", ""), out.get("evalue", "")) + "\n"))
            else:
                outputs.append(out)
        cell.outputs = outputs
        return cell, resources


SUBMIT_TEXT = ("## Nộp bài\n"
               "Làm xong, chạy ô dưới đây (Shift + Enter) rồi bấm **Nộp bài**. Khi giảng viên đã chấm, bấm "
               "**Xem nhận xét** ở cùng chỗ để xem điểm và lời nhận xét.")
SUBMIT_CODE = 'from course.learner import nop_bai\n\nnop_bai("{assignment}")'
SUBMIT_IDS = ("khoahoc-nop-bai-text", "khoahoc-nop-bai")


class AddSubmitPanel(Preprocessor):
    """Released assignments only: append the «Nộp bài» cells (a locked note and the panel's cell)."""

    enabled = Bool(True).tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        from nbformat.v4 import new_code_cell, new_markdown_cell

        if any(cell.get("id") in SUBMIT_IDS for cell in nb.cells):
            return nb, resources
        assignment = resources.get("nbgrader", {}).get("assignment", "")
        locked = {"deletable": False, "editable": False}
        nb.cells.append(new_markdown_cell(SUBMIT_TEXT, id=SUBMIT_IDS[0], metadata=dict(locked)))
        nb.cells.append(new_code_cell(SUBMIT_CODE.format(assignment=assignment), id=SUBMIT_IDS[1],
                                      metadata=dict(locked)))
        return nb, resources


def _grades_preprocessor() -> type:
    """nbgrader's GetGrades, also marking answers still waiting for the trainer (`metadata.khoahoc_pending`),
    so a feedback page says «chờ giảng viên chấm» instead of a bare 0."""
    from nbgrader.preprocessors import GetGrades

    class GetGradesVi(GetGrades):
        def _get_score(self, cell: NotebookNode, resources: dict) -> None:
            super()._get_score(cell, resources)
            grade = self.gradebook.find_grade(cell.metadata["nbgrader"]["grade_id"], self.notebook_id,
                                              self.assignment_id, self.student_id)
            cell.metadata["khoahoc_pending"] = bool(grade.needs_manual_grade)

    return GetGradesVi


def configure(c: Any) -> None:
    """Apply the course's grading settings to an nbgrader config object `c`."""
    from nbconvert.preprocessors import ClearMetadataPreprocessor, CSSHTMLHeaderPreprocessor
    from nbgrader.converters import GenerateAssignment
    from nbgrader.preprocessors import (
        AssignLatePenalties,
        CheckCellMetadata,
        Execute,
        LimitOutput,
        SaveAutoGrades,
    )

    c.ClearSolutions.code_stub = {"python": CODE_STUB}
    c.GenerateAssignment.preprocessors = [*GenerateAssignment.class_traits()["preprocessors"].make_dynamic_default(),
                                          AddSubmitPanel]
    c.ClearSolutions.text_stub = TEXT_STUB
    settings = load_settings()
    c.Execute.timeout = settings.cell_timeout_s
    c.Execute.interrupt_on_timeout = True
    c.Execute.startup_timeout = settings.kernel_startup_timeout_s
    c.LimitOutput.max_lines = 1000
    c.LimitOutput.max_traceback = 100
    c.CapOutputSize.max_bytes = settings.max_output_bytes
    c.Autograde.autograde_preprocessors = [
        Execute, ClearMetadataPreprocessor, LimitOutput, CapOutputSize, SaveAutoGrades,
        AssignLatePenalties, CheckCellMetadata,
    ]
    c.GenerateFeedback.preprocessors = [_grades_preprocessor(), HideHiddenTests, CSSHTMLHeaderPreprocessor]
    import nbgrader

    nbgrader_templates = Path(nbgrader.__file__).parent / "server_extensions" / "formgrader" / "templates"
    c.HTMLExporter.template_name = "feedback_vi"
    c.HTMLExporter.extra_template_basedirs = [str(TEMPLATES_DIR), str(nbgrader_templates)]
