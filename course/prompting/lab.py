"""The prompt lab: six fields for the parts of a prompt, a provider picker, send, compare, score.

Answers stream word by word via `course.llm.ask(..., stream=True, on_token=...)`; "So sánh" sends
the same prompt to every usable provider side by side (`course.llm.compare`). Without a key the
lab runs on the local model and says plainly what a cloud model would do differently.
`PromptLab.send()` / `.compare()` / `.score()` also work without a browser (tests, scripts).
"""

from __future__ import annotations

import base64
import html
import tempfile
from pathlib import Path
from typing import Any

import ipywidgets as w
from IPython.display import display

from course.catalogue import provider_name
from course.documents.model import KINDS
from course.prompting.anatomy import PART_HINTS, PART_LABELS, TASKS, PromptParts, task_parts
from course.prompting.rubric import score_prompt
from course.widgets.safe import guard

OFFLINE_NOTE = (
    "Chưa có khoá API nên câu trả lời đến từ mô hình nhỏ chạy ngay trên máy (mặc định Qwen2.5-Coder 1.5B). Mô "
    "hình này nhỏ hơn ChatGPT rất nhiều: thường viết quá ngắn, không theo đúng định dạng, hay lặp lại, sai "
    "dấu và bịa nội dung (muốn văn bản đúng mẫu, dùng «Soạn từ ghi chú» ở mục 2b). Với ChatGPT "
    "hoặc Gemini, cùng câu lệnh này sẽ cho văn bản tiếng Việt trôi chảy, theo đúng vai trò, định dạng và ràng "
    "buộc bạn đặt ra — nhưng vẫn có thể sai số liệu, nên luôn phải đọc lại và kiểm tra."
)


def _available() -> list[str]:
    from course.config import load_settings

    try:
        return load_settings().available_providers()
    except ValueError:
        return ["local"]


def _answer_html(answer: Any) -> str:
    if answer.error:
        body = f"<span style='color:#c0392b'>{html.escape(answer.error)}</span>"
    else:
        body = html.escape(answer.text.strip()).replace("\n", "<br>")
    notes = "".join(f"<br><small style='color:#b9770e'>{html.escape(n)}</small>" for n in answer.notices)
    return (f"<div style='padding:8px;background:#f4f6f7;border-radius:4px'>{body}"
            f"<br><small style='color:#7f8c8d'>{html.escape(answer.label)} {html.escape(answer.footer())}</small>"
            f"{notes}</div>")


class PromptLab:
    """Fields for the six prompt parts, a provider picker and buttons. Usable headless."""

    def __init__(self, task: str | None = None, providers: list[str] | None = None,
                 max_tokens: int = 160, temperature: float = 0.7) -> None:
        self.providers = providers or _available()
        self.max_tokens = max_tokens
        self.temperature = temperature
        self.last: Any = None
        self.fields = {name: w.Textarea(description=label, placeholder=PART_HINTS[name],
                                        layout=w.Layout(width="100%", height="64px"),
                                        style={"description_width": "90px"})
                       for name, label in PART_LABELS.items()}
        options = [("— chọn bài thực hành —", "")] + [(label, key) for key, (label, _) in TASKS.items()]
        self.task_picker = w.Dropdown(options=options, description="Bài mẫu", style={"description_width": "90px"})
        self.task_picker.observe(guard(lambda ch: ch["new"] and self.load_task(ch["new"]), self._show_error),
                                 names="value")
        choices = [(provider_name(p), p) for p in self.providers]
        self.provider_picker = w.Dropdown(options=choices, value=self.providers[0], description="Mô hình",
                                          style={"description_width": "90px"})
        self.send_button = w.Button(description="Gửi", button_style="primary", icon="paper-plane")
        self.compare_button = w.Button(description="So sánh các mô hình", icon="columns",
                                       disabled=len(self.providers) < 2,
                                       tooltip="Cần ít nhất hai mô hình (đặt khoá API để so sánh)")
        self.score_button = w.Button(description="Chấm câu lệnh", icon="check")
        self.send_button.on_click(guard(lambda _b: self.send(), self._show_error))
        self.compare_button.on_click(guard(lambda _b: self.compare(), self._show_error))
        self.score_button.on_click(guard(lambda _b: self.score(), self._show_error))
        self.status = w.HTML()
        self.output = w.HTML()
        self.columns = w.HBox([])
        self.export_kind = w.Dropdown(options=[(k.label.capitalize(), k.slug) for k in KINDS.values()],
                                      value="thong-bao", description="Loại", style={"description_width": "90px"})
        self.export_issuer = w.Text(placeholder="ỦY BAN NHÂN DÂN PHƯỜNG …", description="Cơ quan",
                                    style={"description_width": "90px"}, layout=w.Layout(width="100%"))
        self.export_place = w.Text(placeholder="An Bình", description="Địa danh",
                                   style={"description_width": "90px"}, layout=w.Layout(width="100%"))
        self.export_subject = w.Text(placeholder="Về việc …", description="Trích yếu",
                                     style={"description_width": "90px"}, layout=w.Layout(width="100%"))
        self.export_button = w.Button(description="Xuất Word (.docx)", icon="file-word-o")
        self.export_button.on_click(guard(lambda _b: self.export_docx(),
                                          lambda m: setattr(self.export_result, "value", m)))
        self.export_result = w.HTML()
        export_box = w.VBox([w.HTML("<b>Đưa câu trả lời vào văn bản đúng thể thức</b>"), self.export_kind,
                             self.export_issuer, self.export_place, self.export_subject, self.export_button,
                             self.export_result])
        note = "" if self.providers != ["local"] else f"<small style='color:#7f8c8d'>{html.escape(OFFLINE_NOTE)}</small>"
        self.widget = w.VBox([self.task_picker, *self.fields.values(), self.provider_picker,
                              w.HBox([self.send_button, self.compare_button, self.score_button]),
                              w.HTML(note), self.status, self.output, self.columns, export_box])
        if task:
            self.task_picker.value = task

    def _show_error(self, message_html: str) -> None:
        self.send_button.disabled = False
        self.status.value = message_html

    # ------------------------------------------------------------------ state
    def load_task(self, name: str) -> None:
        """Fill the six fields from a ready-made ward task."""
        parts = task_parts(name)
        for key, box in self.fields.items():
            box.value = getattr(parts, key)
        if name in KINDS:
            self.export_kind.value = name

    def parts(self) -> PromptParts:
        return PromptParts(**{key: box.value for key, box in self.fields.items()})

    def prompt(self) -> str:
        """The assembled prompt that will be sent."""
        return self.parts().assemble()

    # ------------------------------------------------------------------ actions
    def _check_prompt(self) -> str | None:
        prompt = self.prompt()
        if not prompt:
            self.status.value = "<i>Hãy điền ít nhất phần «Nhiệm vụ» hoặc chọn một bài mẫu.</i>"
            return None
        return prompt

    def send(self, provider: str | None = None) -> Any:
        """Send the prompt to one provider, streaming the answer into the output; return the Answer."""
        from course.llm import ask

        prompt = self._check_prompt()
        if prompt is None:
            return None
        provider = provider or self.provider_picker.value
        streamed: list[str] = []

        def on_token(piece: str) -> None:
            streamed.append(piece)
            self.output.value = (f"<div style='padding:8px;background:#f4f6f7'>"
                                 f"{html.escape(''.join(streamed)).replace(chr(10), '<br>')}▌</div>")

        self.columns.children = []
        self.status.value = f"<i>Đang gửi tới {html.escape(provider_name(provider))}…</i>"
        self.send_button.disabled = True
        try:
            answer = ask(prompt, provider=provider, temperature=self.temperature, max_tokens=self.max_tokens,
                         stream=True, on_token=on_token)
        finally:
            self.send_button.disabled = False
        self.status.value = ""
        self.output.value = _answer_html(answer)
        self.last = answer
        return answer

    def compare(self, providers: list[str] | None = None) -> list[Any]:
        """Send the same prompt to several providers and show the answers side by side."""
        from course.llm import compare

        prompt = self._check_prompt()
        if prompt is None:
            return []
        providers = providers or self.providers
        self.status.value = "<i>Đang hỏi " + html.escape(", ".join(provider_name(p) for p in providers)) + "…</i>"
        answers = compare(prompt, providers=providers, temperature=self.temperature, max_tokens=self.max_tokens)
        self.status.value = ""
        self.output.value = ""
        self.columns.children = [
            w.HTML(f"<b>{html.escape(provider_name(p))}</b>{_answer_html(a)}",
                   layout=w.Layout(width=f"{100 // max(len(answers), 1) - 1}%", margin="0 4px"))
            for p, a in zip(providers, answers, strict=True)]
        self.last = answers
        return answers

    def export_docx(self, path: str | Path | None = None) -> Path | None:
        """Put the last answer into a .docx laid out per Nghị định 30, check it, offer a download link."""
        from course.documents import Draft, check_file, paragraphs_from_text, write_docx
        from course.errors import CourseError

        answer = self.last[0] if isinstance(self.last, list) and self.last else self.last
        body = paragraphs_from_text(answer.text) if answer is not None and not answer.error else []
        if not body:
            self.export_result.value = "<i>Chưa có câu trả lời để đưa vào văn bản: bấm «Gửi» trước.</i>"
            return None
        issuer = self.export_issuer.value.strip()
        if not issuer:
            self.export_result.value = "<i>Hãy điền tên cơ quan ban hành (ví dụ ỦY BAN NHÂN DÂN PHƯỜNG …).</i>"
            return None
        try:
            draft = Draft(kind=self.export_kind.value, issuer=issuer, body=body, subject=self.export_subject.value,
                          place=self.export_place.value)
            out = write_docx(draft, path or Path(tempfile.mkdtemp(prefix="khoahoc-")) / f"{draft.kind}.docx")
            report = check_file(out)
        except CourseError as err:
            self.export_result.value = f"<span style='color:#c0392b'>{html.escape(str(err))}</span>"
            return None
        data = base64.b64encode(out.read_bytes()).decode()
        mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        self.export_result.value = (
            f"<p><a download='{out.name}' href='data:{mime};base64,{data}'>⬇ Tải tệp {html.escape(out.name)}</a> — "
            "khung văn bản đúng thể thức; hãy mở bằng Word, điền số, ngày, nơi nhận, người ký và đọc lại nội dung."
            f"</p>{report._repr_html_()}")
        return out

    def score(self) -> Any:
        """Score the current prompt on the published rubric (no model involved)."""
        result = score_prompt(self.parts())
        self.status.value = result._repr_html_()
        return result


def prompt_lab(task: str | None = None, providers: list[str] | None = None) -> PromptLab:
    """Show the prompt lab; returns it so a notebook can call `.send()`, `.compare()`, `.score()`."""
    lab = PromptLab(task, providers)
    display(lab.widget)
    return lab
