"""Notebook widgets: the browser recorder (anywidget) and voice typing ("gõ bằng giọng nói").

`Recorder()` records from the microphone (MediaRecorder) or takes an uploaded file and hands the
bytes to Python (`recorder.value`). `VoiceTyping()` transcribes each recording and appends the text
to an editable box. Errors never escape a widget callback: they show as a Vietnamese line.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

import anywidget
import ipywidgets as w
import traitlets

from course.errors import CourseError

HERE = Path(__file__).resolve().parent
MAX_UPLOAD_MB = 200

PROVIDER_CHOICES = [
    ("Trên máy — âm thanh không rời máy tính", "local"),
    ("OpenAI — gửi âm thanh lên máy chủ OpenAI", "openai"),
    ("Gemini — gửi âm thanh lên máy chủ Google", "gemini"),
]


class Recorder(anywidget.AnyWidget):
    """Microphone recorder + file upload. The last audio is in `.value` (bytes) and `.name`."""

    _esm = HERE / "recorder.js"
    _css = HERE / "recorder.css"
    status = traitlets.Unicode("").tag(sync=True)  # Python -> browser message line
    status_is_error = traitlets.Bool(False).tag(sync=True)
    error = traitlets.Unicode("").tag(sync=True)  # browser -> Python (microphone denied/absent...)
    recording = traitlets.Bool(False).tag(sync=True)
    max_seconds = traitlets.Int(600).tag(sync=True)
    max_upload_mb = traitlets.Int(MAX_UPLOAD_MB).tag(sync=True)

    def __init__(self, on_audio: Callable[[bytes, str], None] | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.value: bytes | None = None
        self.name = ""
        self.mime = ""
        self._incoming = bytearray()
        self._meta: dict = {}
        self._callbacks: list[Callable[[bytes, str], None]] = [on_audio] if on_audio else []
        self.on_msg(self._on_custom_msg)

    def on_audio(self, callback: Callable[[bytes, str], None]) -> None:
        """Call `callback(audio_bytes, file_name)` each time a recording or upload arrives."""
        self._callbacks.append(callback)

    def say(self, message: str, error: bool = False) -> None:
        """Show a Vietnamese line under the recorder."""
        self.status_is_error = error
        self.status = message

    def _on_custom_msg(self, _widget: object, content: dict, buffers: list) -> None:
        kind = content.get("type") if isinstance(content, dict) else None
        if kind == "begin":
            self._incoming = bytearray()
            self._meta = content
        elif kind == "part":
            for buf in buffers or []:
                self._incoming += bytes(buf)
                if len(self._incoming) > self.max_upload_mb * 1024 * 1024:
                    self._incoming = bytearray()
                    self.say(f"Tệp quá lớn (trên {self.max_upload_mb} MB).", error=True)
        elif kind == "end":
            data, self._incoming = bytes(self._incoming), bytearray()
            self.receive(data, str(self._meta.get("name") or "ghi_am.webm"), str(self._meta.get("mime") or ""))

    def receive(self, data: bytes, name: str = "ghi_am.webm", mime: str = "") -> None:
        """Accept audio bytes (what the browser sends) and notify listeners; never raises."""
        if not data:
            self.say("Bản ghi trống. Hãy thử ghi âm lại.", error=True)
            return
        self.value, self.name, self.mime = data, name, mime
        self.say(f"Đã nhận «{name}» ({len(data) / 1024:.0f} KB).")
        for callback in self._callbacks:
            try:
                callback(data, name)
            except CourseError as exc:
                self.say(str(exc), error=True)
            except Exception:  # noqa: BLE001 - a widget callback must never break the kernel
                self.say("Có sự cố khi xử lý bản ghi. Hãy thử lại; nếu vẫn lỗi, báo giảng viên.", error=True)

    def audio_or(self, default: str | Path) -> bytes | Path:
        """The recorded/uploaded audio, or `default` (a sample file) when nothing was recorded yet."""
        if self.value:
            return self.value
        print(f"Chưa có bản ghi từ micro — dùng tệp mẫu «{Path(default).name}».")
        return Path(default)


class VoiceTyping(w.VBox):
    """Press record, speak, and the text is appended to an editable box."""

    def __init__(self, provider: str = "local", hint: str | None = None) -> None:
        self.hint = hint
        self.recorder = Recorder(on_audio=self._on_audio)
        self.provider = w.Dropdown(options=PROVIDER_CHOICES, value=provider, description="Chép lời:",
                                   layout=w.Layout(width="100%", max_width="560px"),
                                   style={"description_width": "initial"})
        self.box = w.Textarea(placeholder="Văn bản sẽ hiện ở đây; bạn sửa trực tiếp được.",
                              layout=w.Layout(width="100%", height="160px"))
        self.info = w.HTML()
        clear = w.Button(description="Xoá hết", icon="eraser", layout=w.Layout(width="auto"))
        self.undo = w.Button(description="Hoàn tác", icon="undo", layout=w.Layout(width="auto"), disabled=True)
        self._cleared = ""
        clear.on_click(lambda _b: self.clear())
        self.undo.on_click(lambda _b: self.restore())
        super().__init__([self.recorder, self.provider, self.box, w.HBox([clear, self.undo]), self.info],
                         layout=w.Layout(width="100%"))

    @property
    def text(self) -> str:
        """The text in the box, as the learner edited it."""
        return self.box.value

    def clear(self) -> None:
        """Empty the box, keeping its text so «Hoàn tác» can bring it back (a mis-tap on a phone)."""
        if self.box.value:
            self._cleared = self.box.value
            self.box.value = ""
            self.undo.disabled = False
            self._say("Đã xoá. Bấm «Hoàn tác» nếu lỡ tay.")

    def restore(self) -> None:
        """Bring back the text removed by the last «Xoá hết»."""
        if self._cleared:
            self.box.value = "\n".join(part for part in (self._cleared, self.box.value) if part)
            self._cleared = ""
            self.undo.disabled = True
            self._say("Đã khôi phục văn bản.")

    def _say(self, message: str, error: bool = False) -> None:
        colour = "#c0392b" if error else "#555"
        self.info.value = f"<span style='color:{colour}'>{html.escape(message)}</span>"

    def _on_audio(self, data: bytes, name: str) -> None:
        from course.speech.transcribe import transcribe

        self._say("Đang chép lời…")
        try:
            result = transcribe(data, provider=self.provider.value, hint=self.hint, progress=False)
        except CourseError as exc:
            self._say(str(exc), error=True)
            return
        self.append(result.text)
        note = result.summary()
        if not result.text:
            note = "Không nhận ra lời nói nào. Hãy nói rõ và to hơn rồi thử lại. " + note
        self._say(note)
        if result.unsure_words:
            self.info.value += ("<div>Chỗ cần kiểm tra (tô vàng: mô hình không chắc): "
                                f"{result.marked_html()}</div>")

    def add_file(self, path: str | Path) -> None:
        """Transcribe a file as if it had been recorded (for rooms without a microphone)."""
        self.recorder.receive(Path(path).read_bytes(), Path(path).name)

    def append(self, text: str) -> None:
        """Append `text` to the box on a new line (keeps what the learner typed)."""
        text = text.strip()
        if text:
            self.box.value = (self.box.value.rstrip() + "\n" + text).strip()


def voice_typing_widget() -> VoiceTyping:
    """Zero-argument factory for the Voilà app: voice typing with the local model."""
    return VoiceTyping()
