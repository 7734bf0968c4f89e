"""The document-checker widget: paste text or upload a .docx, press «Kiểm tra», read the findings."""

from __future__ import annotations

import html
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ipywidgets as w

from course.documents.checker import Report, check_file, check_text
from course.documents.model import KINDS
from course.errors import CourseError
from course.widgets.safe import guard


class CheckerWidget:
    """Text box + .docx upload + kind picker + «Kiểm tra» button. `check()` works headless."""

    def __init__(self) -> None:
        self.text = w.Textarea(placeholder="Dán toàn bộ văn bản vào đây (mỗi thành phần một dòng)…",
                               layout=w.Layout(width="100%", height="14em"))
        self.upload = w.FileUpload(accept=".docx,.txt,.md", multiple=False, description="Tải tệp .docx")
        options = [("Tự nhận ra", "")] + [(k.label.capitalize(), k.slug) for k in KINDS.values()]
        self.kind = w.Dropdown(options=options, value="", description="Loại văn bản",
                               style={"description_width": "initial"})
        self.button = w.Button(description="Kiểm tra", button_style="primary", icon="check")
        self.button.on_click(guard(lambda _b: self.check(), lambda m: setattr(self.result, "value", m)))
        self.result = w.HTML()
        self.last: Report | None = None
        self.widget = w.VBox([self.text, w.HBox([self.upload, self.kind]), self.button, self.result])

    def check(self) -> Report | None:
        """Check the uploaded file if there is one, else the pasted text; show the findings."""
        kind = self.kind.value or None

        def run() -> Report | None:
            uploaded = _take_upload(self.upload)
            if uploaded is not None:
                name, data = uploaded
                with tempfile.TemporaryDirectory() as tmp:
                    path = Path(tmp) / (name or "van_ban.docx")
                    path.write_bytes(data)
                    return check_file(path, kind=kind)
            if self.text.value.strip():
                return check_text(self.text.value, kind=kind)
            self.result.value = "<i>Hãy dán văn bản vào ô trên hoặc tải lên một tệp .docx.</i>"
            return None

        return _show(self, run)


def _take_upload(upload: w.FileUpload) -> tuple[str, bytes] | None:
    """The uploaded file as (name, bytes), cleared from the widget so the next press reads the text box."""
    value = upload.value
    if not value:
        return None
    item = value[0] if isinstance(value, (list, tuple)) else next(iter(value.values()))
    upload.value = ()
    return Path(item["name"]).name, bytes(item["content"])


def _show(box: CheckerWidget | FaithfulnessWidget, run: Callable[[], Any]) -> Any:
    """Run a check for a widget: its report shown and kept in `box.last`, a `CourseError` shown in Vietnamese."""
    try:
        report = run()
    except CourseError as err:
        box.result.value = f"<p style='color:#c0392b'><b>Lỗi:</b> {html.escape(str(err))}</p>"
        return None
    if report is not None:
        box.last = report
        box.result.value = report._repr_html_()
    return report


def checker_widget() -> w.VBox:
    """A ready-to-display checker (used by the «van-ban» app and the notebooks)."""
    return CheckerWidget().widget


class FaithfulnessWidget:
    """«Kiểm tra thông tin bịa»: notes box + draft box (or a .docx) + button; the draft comes back with
    every date, time, number, name, place and citation absent from the notes marked red. `check()` works
    headless."""

    def __init__(self, notes: str = "", draft: str = "") -> None:
        from course.documents.faithfulness import FaithfulnessReport

        layout = w.Layout(width="100%", height="9em")
        self.notes = w.Textarea(value=notes, placeholder="Dán ghi chú gốc của bạn (thời gian, địa điểm, thành phần, số liệu…)",
                                description="Ghi chú gốc", layout=layout, style={"description_width": "initial"})
        self.draft = w.Textarea(value=draft, placeholder="Dán bản nháp do AI viết (ChatGPT, Gemini hay mô hình trên máy)",
                                description="Bản nháp", layout=w.Layout(width="100%", height="12em"),
                                style={"description_width": "initial"})
        self.upload = w.FileUpload(accept=".docx,.txt,.md", multiple=False, description="Tải bản nháp .docx")
        self.button = w.Button(description="Kiểm tra thông tin bịa", button_style="warning", icon="search",
                               layout=w.Layout(width="auto"))
        self.button.on_click(guard(lambda _b: self.check(), lambda m: setattr(self.result, "value", m)))
        self.result = w.HTML()
        self.last: FaithfulnessReport | None = None
        self.widget = w.VBox([self.notes, self.draft, w.HBox([self.upload, self.button]), self.result])

    def _draft_text(self) -> tuple[str, str]:
        from course.documents.faithfulness import read_document_text

        uploaded = _take_upload(self.upload)
        if uploaded is not None:
            name = uploaded[0] or "ban_nhap.docx"
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / name
                path.write_bytes(uploaded[1])
                text = read_document_text(path)
            self.draft.value = text  # shown in the box, so the learner can edit it
            return text, name
        return self.draft.value, "bản nháp"

    def check(self):  # noqa: ANN201 - FaithfulnessReport | None
        """Check the uploaded .docx if there is one, else the draft box, against the notes; show the result."""
        from course.documents.faithfulness import verify

        def run():  # noqa: ANN202
            text, name = self._draft_text()
            return verify(text, self.notes.value, name)

        return _show(self, run)


def faithfulness_widget(notes: str = "", draft: str = "") -> w.VBox:
    """A ready-to-display «Kiểm tra thông tin bịa» box, optionally pre-filled."""
    return FaithfulnessWidget(notes, draft).widget
