"""The learner's side of the course: the learner's folder (only what learners may open), and the
«Nộp bài» / «Xem nhận xét» / «Nhận bài» panels working through nbgrader's exchange."""

from course.learner.widgets import nop_bai, show_assignments

__all__ = ["nop_bai", "show_assignments"]
