"""The drafting widget of module 2: describe the need → the AI fills the form → document, check, edit, download.

Beside it, «Trò chuyện tự do» sends the same notes as a plain request, so the learner sees why the
small model needs the form.
"""

from __future__ import annotations

import base64
import contextlib
import html
import tempfile
import threading
from pathlib import Path

import ipywidgets as w

from course.documents.checker import check_text
from course.documents.drafting import (
    DOC_TYPES,
    DraftResult,
    Office,
    doc_type,
    draft_from_notes,
    freeform_prompt,
    warm_up,
)
from course.documents.writer import paragraphs_from_text
from course.widgets.safe import error_html, guard

EXAMPLE = "mời tổ dân phố 3 họp 8h sáng thứ 7 12/12 ở nhà văn hoá bàn tổng vệ sinh, mang theo dụng cụ"


class DraftingWidget:
    """Notes box, type and provider pickers, «Soạn bằng AI», editable content, «Kiểm tra lại», .docx link.

    `draft()`, `recheck()` and `free_chat()` work headless (tests, the answer variable `ket_qua`)."""

    def __init__(self, kind: str = "giay-moi", notes: str = EXAMPLE, office: Office | None = None) -> None:
        from course.config import load_settings

        self.office = office or Office()
        self.kind = w.Dropdown(options=[(t.label.capitalize(), t.slug) for t in DOC_TYPES.values()],
                               value=doc_type(kind).slug, description="Loại văn bản",
                               style={"description_width": "initial"})
        providers = ["auto"] + load_settings().available_providers()
        self.provider = w.Dropdown(options=[("Tự chọn", "auto")] + [(p, p) for p in providers[1:]], value="auto",
                                   description="Mô hình", style={"description_width": "initial"})
        self.notes = w.Textarea(value=notes, placeholder="Mô tả việc cần soạn bằng lời của bạn…",
                                layout=w.Layout(width="100%", height="5em"))
        self.button = w.Button(description="Soạn bằng AI", button_style="primary", icon="pencil")
        self.free_button = w.Button(description="Trò chuyện tự do (so sánh)", icon="comments")
        self.status = w.HTML()
        self.content = w.Textarea(layout=w.Layout(width="100%", height="12em"),
                                  placeholder="Nội dung văn bản sẽ hiện ở đây; bạn sửa trực tiếp rồi bấm «Kiểm tra lại».")
        self.recheck_button = w.Button(description="Kiểm tra lại", icon="check")
        self.preview = w.HTML()
        self.free = w.HTML()
        self.last: DraftResult | None = None
        show = self._show_error
        self.button.on_click(guard(lambda _b: self.draft(), show))
        self.free_button.on_click(guard(lambda _b: self.free_chat(), show))
        self.recheck_button.on_click(guard(lambda _b: self.recheck(), show))
        self.widget = w.VBox([w.HBox([self.kind, self.provider]), self.notes,
                              w.HBox([self.button, self.free_button]), self.status, self.content,
                              self.recheck_button, self.preview, self.free])

    def warm_up(self) -> threading.Thread:
        """Read the chosen form's prompt into the local model in the background while the learner types
        (the first draft then starts in about a second); a failure here only means a slower first draft."""
        def run() -> None:
            with contextlib.suppress(Exception):
                warm_up(self.kind.value, self._provider())

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        return thread

    def _show_error(self, message: str) -> None:
        self.status.value = error_html(message)

    def _provider(self) -> str | None:
        return None if self.provider.value == "auto" else self.provider.value

    def draft(self) -> DraftResult:
        """Fill the form from the notes and show the document, its check, or the questions back."""
        self.status.value = "<i>Đang soạn… (mô hình trên máy có thể mất một đến vài phút)</i>"
        result = draft_from_notes(self.notes.value, self.kind.value, office=self.office, provider=self._provider())
        self.last = result
        who = f"{result.fill.model} ({result.fill.provider})" if result.fill else ""
        notes = "".join(f"<li>{html.escape(x)}</li>" for x in result.warnings)
        if result.questions:
            asks = "".join(f"<li>{html.escape(q)}</li>" for q in result.questions)
            self.status.value = (f"<p>❓ <b>Ghi chú còn thiếu — AI không tự điền:</b></p><ul>{asks}</ul>"
                                 f"<ul>{notes}</ul><p style='font-size:0.85em'>{html.escape(who)}</p>")
            self.content.value, self.preview.value = "", ""
            return result
        self.status.value = (f"<p>✅ Đã điền mẫu {html.escape(result.doc_type.label)} "
                             f"({result.fill.attempts if result.fill else 1} lần gọi). {html.escape(who)}</p>"
                             + (f"<ul>{notes}</ul>" if notes else ""))
        if result.draft is not None:
            self.content.value = "\n\n".join(p.lstrip("#").strip() if not p.startswith("#") else p
                                             for p in result.draft.body)
        else:
            self.content.value = result.text
        self._render()
        return result

    def recheck(self) -> None:
        """Use the learner's edited content, rebuild the document and check it again."""
        if self.last is None:
            self.status.value = "<i>Hãy bấm «Soạn bằng AI» trước.</i>"
            return
        if self.last.draft is not None:
            body = paragraphs_from_text(self.content.value)
            if not body:
                self.status.value = error_html("Nội dung đang trống: hãy viết lại nội dung rồi kiểm tra.")
                return
            self.last.draft.body = body
            self.last.text = self.last.draft.render_text()
            self.last.report = check_text(self.last.text, kind=self.last.draft.kind, source=self.last.doc_type.label)
        else:
            self.last.text = self.content.value
        self._render()

    def _render(self) -> None:
        result = self.last
        assert result is not None
        if result.draft is None:
            words = len(result.text.split())
            self.preview.value = (f"<pre style='white-space:pre-wrap'>{html.escape(result.text)}</pre>"
                                  f"<p>{words} chữ. " + html.escape("; ".join(result.text_problems) or "Đạt.")
                                  + "</p>")
            return
        with tempfile.TemporaryDirectory() as tmp:
            path = result.save_docx(Path(tmp) / f"{result.doc_type.slug}.docx")
            data = base64.b64encode(path.read_bytes()).decode("ascii")
        link = (f"<a download='{result.doc_type.slug}.docx' href='data:application/vnd.openxmlformats-officedocument."
                f"wordprocessingml.document;base64,{data}'>⬇️ Tải tệp {result.doc_type.slug}.docx</a>")
        report = result.report._repr_html_() if result.report is not None else ""
        self.preview.value = (f"<pre style='white-space:pre-wrap;border:1px solid #ccc;padding:6px'>"
                              f"{html.escape(result.text)}</pre>{report}<p>{link}</p>")

    def free_chat(self) -> str:
        """The same notes as a plain request, for comparison (no form, no checks)."""
        from course.llm import ask

        ans = ask(freeform_prompt(self.notes.value, self.kind.value), provider=self._provider(), max_tokens=400, temperature=0.0)
        text = ans.text if ans.ok else ans.error
        self.free.value = (f"<p><b>Trò chuyện tự do</b> ({html.escape(ans.label)}): cùng ghi chú, không có mẫu.</p>"
                           f"<pre style='white-space:pre-wrap;background:#f6f6f6;padding:6px'>{html.escape(text)}</pre>")
        return text


def drafting_widget(kind: str = "giay-moi", notes: str = EXAMPLE) -> DraftingWidget:
    """Display with `drafting_widget()` as the last line of a cell (the object shows its widget)."""
    return DraftingWidget(kind, notes)


def _ipython_display(self: DraftingWidget) -> None:  # pragma: no cover - notebook display
    from IPython.display import display

    display(self.widget)
    self.warm_up()
    if not getattr(self, "_warming", False):  # one observer however often the widget is shown
        self._warming = True
        self.kind.observe(lambda _change: self.warm_up(), names="value")


DraftingWidget._ipython_display_ = _ipython_display  # type: ignore[attr-defined]
