"""Answers a learner gives through widgets, kept in a small JSON file next to the notebook.

A widget click only changes the running kernel. Saving the answer to `cau_tra_loi.json` in the
notebook's folder means it survives a kernel restart and an nbgrader autograde (nbgrader submits
and copies every file in the assignment folder, and the notebook re-reads the file when run).
"""

from __future__ import annotations

import json
import os
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

from course.errors import CourseError

DEFAULT_FILE = "cau_tra_loi.json"
Value = str | list[str] | dict[str, str] | None


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    if isinstance(value, dict):
        return {_nfc(k): _nfc(v) for k, v in value.items()}
    return value


class AnswerStore:
    """A `{variable name: answer}` JSON file; every write is atomic."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else Path.cwd() / DEFAULT_FILE

    def load(self) -> dict[str, Value]:
        """All saved answers; an unreadable file is treated as empty (never loses the notebook)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _unreadable(self) -> bool:
        try:
            return not isinstance(json.loads(self.path.read_text(encoding="utf-8")), dict)
        except (OSError, ValueError):
            return True

    def get(self, name: str) -> Value:
        """The saved answer for `name`, or None."""
        return self.load().get(name)

    def set(self, name: str, value: Value) -> None:
        """Save one answer (NFC-normalised); raise a Vietnamese `CourseError` if the folder is read-only."""
        data = self.load()
        data[name] = _nfc(value)
        try:
            if self.path.is_file() and self._unreadable():
                # Edited by hand or cut short: keep a copy instead of overwriting earlier answers.
                os.replace(self.path, self.path.with_name(self.path.name + ".hong"))
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".cau_tra_loi", dir=self.path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False, indent=1, sort_keys=True)
            os.replace(tmp, self.path)
        except OSError as exc:
            raise CourseError(
                f"Không lưu được câu trả lời vào tệp {self.path.name}.",
                hint="Hãy kiểm tra thư mục bài tập còn chỗ trống và cho phép ghi, rồi chọn lại.",
            ) from exc
