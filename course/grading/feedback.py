"""Feedback pages: add the grader's Vietnamese notes (why a submission got 0, what was repaired)."""

from __future__ import annotations

import html
import json
from pathlib import Path

MARKER = "<!-- khoahoc-reasons -->"
OUTPUT_REASONS = {
    "CellTimeoutError": "Có ô chạy quá thời gian cho phép nên đã bị dừng (ví dụ vòng lặp không kết thúc).",
    "MemoryError": "Có ô dùng quá nhiều bộ nhớ nên đã bị dừng.",
}


def reasons_html(reasons: list[str]) -> str:
    """A Vietnamese notice box listing the grader's notes."""
    items = "".join(f"<li>{html.escape(r)}</li>" for r in reasons)
    return (f'<div class="alert alert-warning khoahoc-reasons"><b>Ghi chú của hệ thống chấm:</b>'
            f"<ul>{items}</ul></div>")


def add_reasons(page: Path, reasons: list[str]) -> None:
    """Insert the notes into a generated feedback page (idempotent: only once per page)."""
    if not reasons:
        return
    text = page.read_text(encoding="utf-8")
    if "khoahoc-reasons\"" in text:
        return
    box = reasons_html(reasons)
    if MARKER in text:
        text = text.replace(MARKER, box, 1)
    else:
        at = text.find(">", text.find("<body")) + 1
        text = text[:at] + box + text[at:]
    page.write_text(text, encoding="utf-8")


def output_reasons(folder: Path) -> list[str]:
    """Notes about errors seen in an executed (autograded) notebook: timeouts, memory."""
    seen = []
    for path in sorted(folder.glob("*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))  # no schema validation needed to scan outputs
        for cell in nb.get("cells", []):
            for out in cell.get("outputs", []):
                reason = OUTPUT_REASONS.get(out.get("ename", "")) if out.get("output_type") == "error" else None
                if reason and reason not in seen:
                    seen.append(reason)
    return seen
