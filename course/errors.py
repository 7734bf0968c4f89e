"""The one exception family the course raises for people to read.

Every subpackage raises a `CourseError` (or subclass) with a short Vietnamese message that says
what happened and what to do. In a notebook, `course.ui.setup()` installs a handler that shows
these as a friendly box instead of a traceback.
"""

from __future__ import annotations


class CourseError(Exception):
    """An error meant for a learner or trainer; `str(err)` is Vietnamese and actionable."""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()
