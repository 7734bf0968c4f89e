"""Quiz widgets that write each answer into one plainly named variable (e.g. `cau_1`).

On every change the widget (1) sets the variable in the notebook's namespace, so the next cell and
the self-check button see it at once, and (2) saves it with `AnswerStore`, so running the notebook
again — by the learner or by nbgrader's autograder — gives the same value back.
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

import ipywidgets as w
from IPython.display import display

from course.widgets._namespace import user_namespace
from course.widgets.safe import guard
from course.widgets.store import AnswerStore, Value

TRUE_FALSE = ("Đúng", "Sai")
# The widget last shown for each answer variable. The placeholder's reminder («Câu này chưa có câu trả lời»)
# goes into its status line, where «Đã lưu …» replaces it once the learner answers: a note printed below
# the widget would stay there and contradict the saved answer.
_SHOWN: dict[str, _Bound] = {}


def note_in_widget(name: str, message_html: str) -> bool:
    """Show `message_html` in the status line of the widget last shown for `name`; False if there is none."""
    widget = _SHOWN.get(name)
    if widget is None:
        return False
    widget.status.value = message_html
    return True


def _options(options: Sequence[str] | Sequence[tuple[str, str]] | Mapping[str, str]) -> list[tuple[str, str]]:
    """(label, value) pairs: a mapping {"A": "text"} shows "A. text" and stores "A";
    a (label, value) pair is kept as given (shown label, stored value)."""
    if isinstance(options, Mapping):
        return [(f"{key}. {text}", key) for key, text in options.items()]
    return [(str(opt[0]), str(opt[1])) if isinstance(opt, tuple) else (str(opt), str(opt)) for opt in options]


class _Bound:
    """Common part: one variable name, a store, a namespace and a 'saved' line."""

    def __init__(self, name: str, store: AnswerStore | None, namespace: dict[str, Any] | None) -> None:
        if not name.isidentifier():
            raise ValueError(f"not a Python variable name: {name!r}")
        self.name = name
        self.store = store or AnswerStore()
        self.namespace = user_namespace(namespace)
        self.status = w.HTML()
        _SHOWN[name] = self

    def _show(self, message_html: str) -> None:
        self.status.value = message_html

    def _save(self, value: Value, shown: str) -> None:
        self.namespace[self.name] = value
        self.store.set(self.name, value)
        self.status.value = (
            f"<span style='color:#1e8449'>Đã lưu vào biến <code>{self.name}</code>: "
            f"{html.escape(shown)}</span>"
        )


class ChoiceQuestion(_Bound):
    """Radio buttons for one multiple-choice or true/false question."""

    def __init__(
        self,
        name: str,
        options: Sequence[str] | Sequence[tuple[str, str]] | Mapping[str, str],
        question: str = "",
        store: AnswerStore | None = None,
        namespace: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(name, store, namespace)
        pairs = _options(options)
        self.values = [value for _, value in pairs]
        saved = self.store.get(name)
        initial = saved if saved in self.values else None
        self.buttons = w.RadioButtons(options=pairs, value=initial, layout=w.Layout(width="auto"))
        self.buttons.observe(guard(self._changed, self._show), names="value")
        self.namespace[name] = initial
        header = w.HTML(f"<b>{html.escape(question)}</b>") if question else w.HTML()
        self.widget = w.VBox([header, self.buttons, self.status])
        if initial is not None:
            self.status.value = f"Đã chọn trước đó: {html.escape(str(initial))}"

    @property
    def value(self) -> str | None:
        return self.buttons.value

    def _changed(self, change: dict[str, Any]) -> None:
        if change["new"] is not None:
            self._save(change["new"], change["new"])


class TextAnswer(_Bound):
    """A text box for a free-text answer; saved when the learner presses "Lưu câu trả lời"."""

    def __init__(
        self,
        name: str,
        question: str = "",
        placeholder: str = "Gõ câu trả lời của bạn ở đây…",
        store: AnswerStore | None = None,
        namespace: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(name, store, namespace)
        saved = self.store.get(name)
        initial = saved if isinstance(saved, str) else ""
        self.box = w.Textarea(value=initial, placeholder=placeholder,
                              layout=w.Layout(width="100%", height="8em"))
        self.button = w.Button(description="Lưu câu trả lời", button_style="primary", icon="save",
                               layout=w.Layout(width="auto"))
        self.button.on_click(guard(lambda _b: self.save(), self._show))
        self.namespace[name] = initial
        header = w.HTML(f"<b>{html.escape(question)}</b>") if question else w.HTML()
        self.widget = w.VBox([header, self.box, self.button, self.status])

    @property
    def value(self) -> str:
        return self.box.value

    def save(self) -> None:
        """Store the text box's content (NFC, trimmed)."""
        text = unicodedata.normalize("NFC", self.box.value.strip())
        self._save(text, f"{len(text.split())} từ")


class FormAnswer(_Bound):
    """One labelled text box per field (e.g. the seven parts of a minutes); the variable holds a dict
    {field: text}, saved when the learner presses "Lưu câu trả lời"."""

    def __init__(
        self,
        name: str,
        fields: Sequence[str],
        question: str = "",
        store: AnswerStore | None = None,
        namespace: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(name, store, namespace)
        saved = self.store.get(name)
        saved = saved if isinstance(saved, dict) else {}
        self.boxes = {field: w.Text(value=str(saved.get(field, "")), description=field, placeholder="Gõ vào đây…",
                                    style={"description_width": "9em"}, layout=w.Layout(width="100%"))
                      for field in fields}
        self.button = w.Button(description="Lưu câu trả lời", button_style="primary", icon="save",
                               layout=w.Layout(width="auto"))
        self.button.on_click(guard(lambda _b: self.save(), self._show))
        self.namespace[name] = self.value
        header = w.HTML(f"<b>{html.escape(question)}</b>") if question else w.HTML()
        self.widget = w.VBox([header, *self.boxes.values(), self.button, self.status])

    @property
    def value(self) -> dict[str, str]:
        return {field: unicodedata.normalize("NFC", box.value.strip()) for field, box in self.boxes.items()}

    def save(self) -> None:
        """Store every box's content (NFC, trimmed)."""
        value = self.value
        self._save(value, f"đã điền {sum(bool(v) for v in value.values())}/{len(value)} mục")  # type: ignore[arg-type]


class LabelTask(_Bound):
    """One drop-down per item; the variable holds the list of chosen labels in order."""

    def __init__(
        self,
        name: str,
        items: Sequence[str],
        labels: Sequence[str],
        store: AnswerStore | None = None,
        namespace: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(name, store, namespace)
        saved = self.store.get(name)
        chosen: list[str | None] = [None] * len(items)
        if isinstance(saved, list) and len(saved) == len(items):
            chosen = [v if v in labels else None for v in saved]
        self.dropdowns = []
        rows = []
        for i, (item, value) in enumerate(zip(items, chosen, strict=True), start=1):
            options = [("— chọn —", None)] + [(lab, lab) for lab in labels]
            # index=0 shows the "— chọn —" placeholder; value=None alone would show an empty box
            dd = (w.Dropdown(options=options, value=value, layout=w.Layout(width="16em")) if value is not None
                  else w.Dropdown(options=options, index=0, layout=w.Layout(width="16em")))
            dd.observe(guard(self._changed, self._show), names="value")
            self.dropdowns.append(dd)
            rows.append(w.HBox([dd, w.HTML(f"<b>{i}.</b> {html.escape(item)}")]))
        self.namespace[name] = self.value
        self.widget = w.VBox([*rows, self.status])

    @property
    def value(self) -> list[str | None]:
        return [dd.value for dd in self.dropdowns]

    def _changed(self, _change: dict[str, Any]) -> None:
        done = sum(v is not None for v in self.value)
        self._save(self.value, f"đã gán {done}/{len(self.dropdowns)} mục")  # type: ignore[arg-type]


def choice_question(
    name: str,
    options: Sequence[str] | Mapping[str, str] = ("A", "B", "C", "D"),
    question: str = "",
    store: AnswerStore | None = None,
    namespace: dict[str, Any] | None = None,
) -> str | None:
    """Show a multiple-choice question; return the answer saved earlier (None if none yet)."""
    q = ChoiceQuestion(name, options, question, store, namespace)
    display(q.widget)
    return q.value


def true_false(name: str, question: str = "", store: AnswerStore | None = None,
               namespace: dict[str, Any] | None = None) -> str | None:
    """Show an "Đúng / Sai" question; the variable holds "Đúng" or "Sai"."""
    return choice_question(name, TRUE_FALSE, question, store, namespace)


def text_answer(name: str, question: str = "", store: AnswerStore | None = None,
                namespace: dict[str, Any] | None = None) -> str:
    """Show a free-text box; return the text saved earlier ("" if none)."""
    t = TextAnswer(name, question, store=store, namespace=namespace)
    display(t.widget)
    return t.value


def form_answer(name: str, fields: Sequence[str], question: str = "", store: AnswerStore | None = None,
                namespace: dict[str, Any] | None = None) -> dict[str, str]:
    """Show one text box per field; return the saved answers ({field: ""} where not filled yet)."""
    f = FormAnswer(name, fields, question, store, namespace)
    display(f.widget)
    return f.value


def label_task(name: str, items: Sequence[str], labels: Sequence[str], store: AnswerStore | None = None,
               namespace: dict[str, Any] | None = None) -> list[str | None]:
    """Show one drop-down per item; return the saved labels (None where not chosen yet)."""
    t = LabelTask(name, items, labels, store, namespace)
    display(t.widget)
    return t.value
