"""A simple chat box over `course.llm.ask`, showing the answer word by word as it streams.

Each message is sent on its own (the box shows the history, the model does not see it), with the
provider's short label under each answer so learners always know which model spoke.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w
from IPython.display import display

from course.widgets.safe import guard


class ChatBox:
    """Text box + send button + transcript. `send(text)` works without a browser (tests)."""

    def __init__(self, system: str | None = None, provider: str | None = None,
                 temperature: float = 0.7, max_tokens: int = 256, **ask_kwargs: Any) -> None:
        self.system = system
        self.provider = provider
        self.temperature = temperature
        self.max_tokens = max_tokens
        self.ask_kwargs = ask_kwargs
        self.history: list[tuple[str, Any]] = []
        self.box = w.Textarea(placeholder="Gõ câu hỏi rồi bấm «Gửi»…", layout=w.Layout(width="100%"))
        self.button = w.Button(description="Gửi", button_style="primary", icon="paper-plane")
        self.transcript = w.HTML()
        self.live = w.HTML()
        self.button.on_click(guard(lambda _b: self._send_from_box(), lambda m: setattr(self.live, "value", m)))
        self.widget = w.VBox([self.transcript, self.live, self.box, self.button])

    def _send_from_box(self) -> None:
        text = self.box.value.strip()
        if not text:
            self.live.value = "<i>Bạn chưa gõ câu hỏi.</i>"
            return
        answer = self.send(text)
        if answer.ok:  # a failed answer (server down, busy, cut off) leaves the question in the box
            self.box.value = ""

    def send(self, text: str) -> Any:
        """Ask the model, streaming tokens into the live line; return the `Answer`."""
        from course.llm import ask  # imported late: the chat box must show even if the engine fails

        streamed: list[str] = []

        def on_token(piece: str) -> None:
            streamed.append(piece)
            self.live.value = f"<div><b>AI:</b> {html.escape(''.join(streamed))}▌</div>"

        self.button.disabled = True
        self.live.value = "<i>Đang chờ mô hình trả lời…</i>"
        try:
            answer = ask(text, system=self.system, provider=self.provider, temperature=self.temperature,
                         max_tokens=self.max_tokens, stream=True, on_token=on_token, **self.ask_kwargs)
        finally:
            self.button.disabled = False
        self.history.append((text, answer))
        self.live.value = ""
        self.transcript.value = self.render()
        return answer

    def render(self) -> str:
        """The whole conversation as HTML."""
        parts = []
        for question, answer in self.history:
            parts.append(f"<div style='margin:4px 0'><b>Bạn:</b> {html.escape(question)}</div>")
            if answer.error:
                body = f"<span style='color:#c0392b'>{html.escape(answer.error)}</span>"
            else:
                body = html.escape(answer.text).replace("\n", "<br>")
            parts.append(
                f"<div style='margin:4px 0 10px;padding:6px;background:#f4f6f7'><b>AI:</b> {body}"
                f"<br><small style='color:#7f8c8d'>{html.escape(answer.label)}</small></div>"
            )
        return "".join(parts)


def chat_box(system: str | None = None, provider: str | None = None, temperature: float = 0.7,
             max_tokens: int = 256, **ask_kwargs: Any) -> None:
    """Show a chat box (use `ChatBox(...)` directly to keep a handle on it)."""
    display(ChatBox(system, provider, temperature, max_tokens, **ask_kwargs).widget)
