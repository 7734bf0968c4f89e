"""How a language model writes: the real top-10 next tokens, pick-and-continue, temperature.

The probabilities come from Gemma 3 270M's logits (`course.llm.local.next_token_probs`). The
temperature view re-weights those real top-10 probabilities — p^(1/T), renormalised over the ten
— which is exactly what sampling with temperature T does, restricted to the ten best candidates.
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Sequence
from typing import Any

import numpy as np

Candidates = list[tuple[str, float]]


def top_next(text: str, k: int = 10) -> Candidates:
    """The local model's real top-k next tokens after `text`."""
    from course.llm.local import next_token_probs

    return next_token_probs(text, k=k)


def with_temperature(probs: Sequence[float], temperature: float) -> np.ndarray:
    """Probabilities re-weighted by temperature; T = 0 puts everything on the most likely token."""
    p = np.asarray(probs, dtype=np.float64)
    if p.size == 0:
        return p
    if temperature <= 0:
        out = np.zeros_like(p)
        out[int(np.argmax(p))] = 1.0
        return out
    logp = np.log(np.clip(p, 1e-300, None)) / temperature
    logp -= logp.max()
    w = np.exp(logp)
    return w / w.sum()


def sample(cands: Candidates, temperature: float, n: int = 10, seed: int | None = None) -> list[str]:
    """Draw `n` next tokens at this temperature (what the model would write, n separate times)."""
    rng = np.random.default_rng(seed)
    p = with_temperature([c[1] for c in cands], temperature)
    idx = rng.choice(len(cands), size=n, p=p)
    return [cands[i][0] for i in idx]


def shown(piece: str) -> str:
    """A token as learners should read it: leading space as '·', empty as '∅'."""
    return unicodedata.normalize("NFC", piece).replace(" ", "·").replace("\n", "↵") or "∅"


def plot_candidates(cands: Candidates, temperature: float | None = None, title: str = ""):
    """Horizontal bar chart of the candidates (and their re-weighted share at `temperature`)."""
    import matplotlib.pyplot as plt

    labels = [shown(c[0]) for c in cands][::-1]
    probs = np.array([c[1] for c in cands])[::-1]
    fig, ax = plt.subplots(figsize=(7, 0.35 * len(cands) + 1.2))
    y = np.arange(len(cands))
    if temperature is None:
        ax.barh(y, probs, color="#2e86c1")
    else:
        ax.barh(y - 0.2, probs, height=0.4, color="#aed6f1", label="Xác suất gốc của mô hình")
        ax.barh(y + 0.2, with_temperature(probs[::-1], temperature)[::-1], height=0.4, color="#e67e22",
                label=f"Sau khi chỉnh nhiệt độ = {temperature:g}")
        ax.legend(loc="lower right", fontsize=8)
    ax.set_yticks(y, labels, fontsize=11)
    ax.set_xlabel("Xác suất")
    top = max([*probs, *(with_temperature(probs, temperature) if temperature is not None else [])], default=1.0)
    ax.set_xlim(0, min(1.0, top * 1.15 + 0.02))
    ax.set_title(title or "10 từ (token) mô hình cho là dễ đến tiếp theo nhất", fontsize=10)
    fig.tight_layout()
    plt.close(fig)
    return fig


class NextWordExplorer:
    """Text box → top-10 chart → click a candidate to append it; temperature slider → samples.

    Methods `refresh()`, `pick(i)` and `draw()` do the work, so tests drive it without a browser.
    """

    def __init__(self, text: str = "Ủy ban nhân dân phường Mộc Châu thông báo", k: int = 10) -> None:
        import ipywidgets as w

        self.k = k
        self.cands: Candidates = []
        self.box = w.Textarea(value=text, layout=w.Layout(width="100%", height="4em"))
        auto = w.Layout(width="auto")
        self.refresh_button = w.Button(description="Xem từ tiếp theo", button_style="primary", icon="search",
                                       layout=auto)
        self.chart = w.Output()
        self.choices = w.HBox(layout=w.Layout(flex_flow="row wrap"))
        self.temperature = w.FloatSlider(value=0.7, min=0.0, max=2.0, step=0.1, description="Nhiệt độ",
                                         continuous_update=False)
        self.draw_button = w.Button(description="Cho máy chọn 10 lần", icon="random", layout=auto)
        self.samples = w.HTML()
        from course.widgets.safe import guard

        def show(message: str) -> None:
            self.samples.value = message

        self.refresh_button.on_click(guard(lambda _b: self.refresh(), show))
        self.draw_button.on_click(guard(lambda _b: self.draw(), show))
        self.temperature.observe(guard(lambda _c: self.draw(), show), names="value")
        self._guard, self._show = guard, show
        self.widget = w.VBox([
            self.box, self.refresh_button, self.chart,
            w.HTML("<b>Bấm một từ để viết tiếp:</b>"), self.choices,
            w.HTML("<b>Nhiệt độ</b>: thấp = luôn chọn từ đứng đầu; cao = chọn liều hơn."),
            w.HBox([self.temperature, self.draw_button]), self.samples,
        ])

    def refresh(self) -> Candidates:
        """Ask the model for the top-k after the current text; redraw the chart and the buttons."""
        import ipywidgets as w

        from course.explain._figures import show_figure

        self.cands = top_next(self.box.value, self.k)
        self.chart.clear_output(wait=True)
        with self.chart:
            show_figure(plot_candidates(self.cands))
        buttons = []
        for i, (piece, p) in enumerate(self.cands):
            b = w.Button(description=f"{shown(piece)} ({p:.0%})", layout=w.Layout(width="auto"))
            b.on_click(self._guard(lambda _b, _i=i: self.pick(_i), self._show))
            buttons.append(b)
        self.choices.children = tuple(buttons)
        self.samples.value = ""
        return self.cands

    def pick(self, i: int) -> str:
        """Append candidate i to the text and show the next top-k."""
        self.box.value = self.box.value + self.cands[i][0]
        self.refresh()
        return self.box.value

    def draw(self, n: int = 10, seed: int | None = None) -> list[str]:
        """Sample n next tokens at the slider's temperature and list them."""
        from course.explain._figures import show_figure

        if not self.cands:
            self.refresh()
        self.chart.clear_output(wait=True)
        with self.chart:
            show_figure(plot_candidates(self.cands, temperature=self.temperature.value))
        drawn = sample(self.cands, self.temperature.value, n=n, seed=seed)
        distinct = len(set(drawn))
        chips = " ".join(f"<code>{html.escape(shown(t))}</code>" for t in drawn)
        note = ("luôn cùng một từ — kết quả lặp lại y hệt" if distinct == 1
                else f"{distinct} từ khác nhau — mỗi lần chạy có thể viết khác")
        self.samples.value = f"<p>Nhiệt độ {self.temperature.value:g}: {chips}<br><i>{note}</i></p>"
        return drawn


def next_word_explorer(text: str = "Ủy ban nhân dân phường Mộc Châu thông báo") -> None:
    """Show the next-word explorer widget."""
    from IPython.display import display

    ex = NextWordExplorer(text)
    display(ex.widget)
    ex.refresh()


def explain_candidates(cands: Candidates) -> str:
    """One Vietnamese sentence about the top candidate and how sure the model is."""
    if not cands:
        return "Mô hình không đưa ra được từ nào."
    top, p = cands[0]
    rest: Any = sum(c[1] for c in cands)
    return (f"Từ dễ đến nhất là «{shown(top)}» với xác suất {p:.0%}; mười từ đứng đầu cộng lại "
            f"chiếm {rest:.0%}. Mô hình không «biết» câu trả lời — nó chỉ đoán từ tiếp theo.")


def show_top_next(text: str, k: int = 10) -> None:
    """Display the bar chart of the model's real top-k next tokens after `text` (one-line demo)."""
    from course.explain._figures import show_figure

    show_figure(plot_candidates(top_next(text, k)))
