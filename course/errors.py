"""The one exception family the course raises for people to read, and where errors go.

Every subpackage raises a `CourseError` (or subclass) with a short Vietnamese message that says
what happened and what to do. Where it ends up:
- in a notebook, `course.ui.setup()` shows it as a friendly box instead of a traceback;
- in a widget callback, the widget catches it and shows the message on its own status line;
- in `khoahoc`, `course/cli.py` alone catches it: "Lỗi: …" on stderr and exit code 2 (commands do
  not catch it themselves). Exit 1 means a result, not an error (e.g. `khoahoc check`: not ready;
  `khoahoc doc check`: the document has mistakes).

When to raise and when to return:
- Raise for what the caller must fix before anything can happen: a bad setting (`SettingsError`),
  missing or corrupt input (audio, .docx, notebook), a missing model, an unknown provider or command.
- Return the error inside the result when a model call was attempted and the learner should still
  get a result object: `course.llm.ask` returns an `Answer` with `ok=False` and a Vietnamese `error`
  (no key, network down, rate limit, PII blocked) so a cell shows the notice, the replayed answer or
  the local fallback instead of stopping; `khoahoc ask` prints that error and exits 2.
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
