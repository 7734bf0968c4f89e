"""The learner's panels: «Nộp bài» / «Xem nhận xét» at the end of an assignment, and the start page's
assignment list (on the class server its «Nhận bài» buttons fetch each released assignment).

They replace nbgrader's English "Assignment List" for learners; the instructors keep nbgrader's panels.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

import ipywidgets as w
from IPython.display import display

from course.catalogue import MODULES
from course.learner import exchange
from course.widgets.safe import guard

LINK_STYLE = "color:#1565c0;text-decoration:underline;font-weight:bold"
NOTE = "<span style='color:#555'>{}</span>"
OK = "<span style='color:#1e8449'><b>{}</b></span>"
# Assessments released with the modules' assignments: id -> (folder in the learner's files, title).
EXTRA_ASSIGNMENTS = {
    "kiem_tra_dau_khoa": ("kiem_tra_dau_khoa", "Kiểm tra đầu khoá"),
    "kiem_tra_cuoi_khoa": ("kiem_tra_cuoi_khoa", "Kiểm tra cuối khoá"),
}


def assignment_folders() -> dict[str, tuple[str, str]]:
    """assignment id -> (folder relative to the learner's root, Vietnamese title), in course order."""
    found = {m.id: (f"{m.id}/bai_tap", f"Bài tập {m.label}") for m in MODULES}
    found.update(EXTRA_ASSIGNMENTS)
    return found


def _last_submission_html(assignment: str) -> str:
    times = exchange.submissions(assignment)
    if not times:
        return NOTE.format("Bạn chưa nộp bài này.")
    return NOTE.format(f"Lần nộp gần nhất: {exchange.vietnam_time(times[-1])} (đã nộp {len(times)} lần).")


class SubmitPanel:
    """«Nộp bài» (through nbgrader's exchange) and «Xem nhận xét» (the graded feedback page)."""

    def __init__(self, assignment: str, folder: Path) -> None:
        self.assignment = assignment
        self.folder = Path(folder)
        self.status = w.HTML()
        self.feedback = w.HTML()
        self.submit_button = w.Button(description="Nộp bài", button_style="success", icon="paper-plane",
                                      layout=w.Layout(width="auto"))
        self.feedback_button = w.Button(description="Xem nhận xét", icon="comments", layout=w.Layout(width="auto"))
        self.submit_button.on_click(guard(lambda _b: self.submit(), self._show))
        self.feedback_button.on_click(guard(lambda _b: self.show_feedback(), self._show))
        intro = w.HTML("<b>Nộp bài cho giảng viên.</b> Trước khi nộp, bấm <b>Ctrl + S</b> để lưu bài. "
                       "Nộp lại bao nhiêu lần cũng được: giảng viên chấm lần nộp sau cùng. "
                       "Khi bài đã được chấm, bấm «Xem nhận xét».")
        self.widget = w.VBox([intro, w.HBox([self.submit_button, self.feedback_button]), self.status, self.feedback],
                             layout=w.Layout(border="1px solid #1e8449", padding="8px"))
        self.widget.add_class("khoahoc-nop-bai")
        guard(self.refresh, self._show)()

    def _show(self, message_html: str) -> None:
        self.status.value = message_html

    def refresh(self) -> None:
        """Show the time of the last submission."""
        self.status.value = _last_submission_html(self.assignment)

    def submit(self) -> None:
        """Submit the assignment folder and say when."""
        self.status.value = NOTE.format("Đang nộp bài…")
        when = exchange.submit(self.assignment, self.folder)
        self.status.value = (OK.format(f"Đã nộp bài lúc {exchange.vietnam_time(when)}.") + "<br>"
                             + _last_submission_html(self.assignment))

    def show_feedback(self) -> None:
        """Fetch the feedback and show its page below the buttons."""
        self.feedback.value = NOTE.format("Đang lấy nhận xét…")
        found = exchange.fetch_feedback(self.assignment, self.folder)
        if found is None:
            self.feedback.value = NOTE.format("Chưa có nhận xét: bài chưa được chấm hoặc giảng viên chưa gửi "
                                              "nhận xét. Hãy quay lại sau.")
            return
        page = found.page.read_text(encoding="utf-8")
        self.feedback.value = (
            OK.format(f"Nhận xét cho lần nộp lúc {exchange.vietnam_time(found.submitted)}:")
            + f"<iframe class='khoahoc-nhan-xet' srcdoc=\"{html.escape(page, quote=True)}\" "
              "style='width:100%;height:640px;border:1px solid #ccc;background:#fff'></iframe>")


def nop_bai(assignment: str) -> None:
    """The last cell of every released assignment: the «Nộp bài» panel (nothing while autograding)."""
    if os.environ.get("NBGRADER_EXECUTION"):
        return
    display(SubmitPanel(assignment, Path.cwd()).widget)


class AssignmentList:
    """The start page's list of assignments: open links; on the class server «Nhận bài» first."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.rows = w.VBox()
        self.refresh()
        self.widget = w.VBox([self.rows])
        self.widget.add_class("khoahoc-bai-tap")

    def refresh(self) -> None:
        rows = []
        for assignment, (folder, title) in assignment_folders().items():
            rows.append(self._row(assignment, folder, title))
        self.rows.children = rows

    def _row(self, assignment: str, folder: str, title: str) -> w.Widget:
        notebooks = sorted((self.root / folder).glob("*.ipynb"))
        status = w.HTML()
        if notebooks:
            from course.apps import base_url

            url = f"{base_url()}lab/tree/{notebooks[0].relative_to(self.root).as_posix()}"
            return w.HBox([w.HTML(f"<a href='{html.escape(url)}' target='_self' style='{LINK_STYLE}'>"
                                  f"{html.escape(title)}</a> — "
                                  + _last_submission_html(assignment))])
        if not exchange.on_class_server():
            return w.HBox([w.HTML(html.escape(title) + " — " + NOTE.format("giảng viên chưa giao bài này."))])
        button = w.Button(description="Nhận bài", icon="download", button_style="primary",
                          layout=w.Layout(width="auto"))

        def fetch(_b: w.Button) -> None:
            exchange.fetch(assignment, self.root / folder)
            self.refresh()

        button.on_click(guard(fetch, lambda m: setattr(status, "value", m)))
        return w.HBox([w.HTML(html.escape(title) + "&nbsp;"), button, status])


def show_assignments(root: Path | None = None) -> None:
    """The start page's assignment list (the start page's folder is the learner's root)."""
    display(AssignmentList(Path.cwd() if root is None else root).widget)
