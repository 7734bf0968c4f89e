"""Grading with nbgrader: check helpers for assignment test cells, and class-scale grading.

- `course.grading.checks` — Vietnamese assertions that `bai_tap` test cells call.
- `course.grading.runner.grade_assignment` — `khoahoc grade`: parallel, resumable autograding.
- `course.grading.export` — CSV/Excel reports; `course.grading.dashboard` — trainer's plots.
"""
