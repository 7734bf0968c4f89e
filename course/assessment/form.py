"""The pre-test / post-test as one widget: 15 questions in the learner's own order.

Each question is a `course.widgets.ChoiceQuestion`; the answer (the chosen option's text) is saved
as `kt_q01`... in `cau_tra_loi.json` next to the notebook, so nbgrader's autograder, which reruns
the notebook, reads the same answers back whatever order the learner saw.
"""

from __future__ import annotations

import html
from typing import Any

from course.assessment.questions import QUESTIONS, TESTS, arrangement
from course.errors import CourseError
from course.widgets.store import AnswerStore

LETTERS = "ABCDEFGH"


def _learner(learner: str | None) -> str:
    if learner is not None:
        return learner
    import os

    from course.config import load_settings

    try:
        return load_settings().learner
    except ValueError:  # a mistyped setting must not stop the test; the order only needs a stable id
        return os.environ.get("JUPYTERHUB_USER") or os.environ.get("USER", "")


def saved_answers(store: AnswerStore | None = None) -> dict[str, str | None]:
    """{question id: chosen option text, or None} from the answer file (invalid values count as None)."""
    data = (store or AnswerStore()).load()
    found: dict[str, str | None] = {}
    for q in QUESTIONS:
        value = data.get(q.variable)
        found[q.qid] = value if isinstance(value, str) and value in q.options else None
    return found


class AssessmentForm:
    """The whole test on one page; `widget` is what to display."""

    def __init__(self, test: str, learner: str | None = None, store: AnswerStore | None = None,
                 namespace: dict[str, Any] | None = None) -> None:
        import ipywidgets as w

        from course.widgets.quiz import ChoiceQuestion

        if test not in TESTS:
            raise CourseError(f"Không có bài kiểm tra «{test}».",
                              hint="Chọn một trong: " + ", ".join(TESTS) + ".")
        self.test = test
        self.store = store or AnswerStore()
        self.questions = []
        rows = []
        for number, (q, options) in enumerate(arrangement(_learner(learner), test), start=1):
            pairs = [(f"{LETTERS[i]}. {text}", text) for i, text in enumerate(options)]
            item = ChoiceQuestion(q.variable, pairs, f"Câu {number}. {q.text}", self.store, namespace)
            item.buttons.observe(lambda _change: self._count(), names="value")
            self.questions.append(item)
            rows.append(item.widget)
        title = TESTS[test][1]
        intro = w.HTML(
            f"<h3>{html.escape(title)}</h3><p>{len(QUESTIONS)} câu, mỗi câu chọn một đáp án. Thứ tự câu hỏi và "
            "đáp án được xếp riêng cho bạn. Đáp án được lưu ngay khi bạn bấm chọn; khi xong, lưu sổ tay rồi "
            "nộp bài như các bài tập.</p>")
        self.progress = w.HTML()
        self._count()
        self.widget = w.VBox([intro, *rows, self.progress])

    def _count(self) -> None:
        done = sum(item.value is not None for item in self.questions)
        self.progress.value = f"<b>Đã trả lời {done}/{len(self.questions)} câu.</b>"

    @property
    def answers(self) -> dict[str, str | None]:
        """The answers saved so far."""
        return saved_answers(self.store)


def assessment_form(test: str, learner: str | None = None, store: AnswerStore | None = None,
              namespace: dict[str, Any] | None = None) -> dict[str, str | None]:
    """Show the pre-test ("dau_khoa") or post-test ("cuoi_khoa"); return the answers saved so far."""
    from IPython.display import display

    form = AssessmentForm(test, learner, store, namespace)
    display(form.widget)
    return form.answers


def answered(answers: dict[str, str | None], qid: str) -> None:
    """Visible check in each graded cell: the question has an answer (says nothing about correctness)."""
    from course.assessment.questions import BY_ID

    if not answers.get(qid):
        text = BY_ID[qid].text if qid in BY_ID else qid
        raise AssertionError(f"Bạn chưa trả lời câu «{text}». Hãy chọn đáp án ở khung phía trên.")
