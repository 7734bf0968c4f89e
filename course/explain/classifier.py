"""A tiny text classifier trained live on citizen feedback (phản ánh kiến nghị).

Shows "learning from examples": accuracy on messages the model never saw, a confusion matrix,
and two curves — more examples help, wrong labels hurt. Everything is real scikit-learn training
on the module's CSV; nothing is precomputed.
"""

from __future__ import annotations

import html
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import accuracy_score, confusion_matrix
from sklearn.model_selection import train_test_split
from sklearn.naive_bayes import ComplementNB
from sklearn.pipeline import Pipeline, make_pipeline

from course.config import REPO_ROOT
from course.errors import CourseError
from course.explain._figures import show_figure
from course.text import fold

DEFAULT_CSV = REPO_ROOT / "module1_ai_overview" / "data" / "phan_anh_kien_nghi.csv"
TEXT, LABEL = "noi_dung", "linh_vuc"


def load_feedback(path: str | Path | None = None) -> pd.DataFrame:
    """Read the feedback CSV (columns `noi_dung`, `linh_vuc`); Vietnamese error if it is missing."""
    path = Path(path) if path is not None else DEFAULT_CSV
    try:
        df = pd.read_csv(path, encoding="utf-8")
    except FileNotFoundError as exc:
        raise CourseError(f"Không tìm thấy tệp dữ liệu {path.name}.",
                          hint="Hãy mở sổ tay từ thư mục module1_ai_overview.") from exc
    if not {TEXT, LABEL} <= set(df.columns):
        raise CourseError(f"Tệp {path.name} phải có hai cột «{TEXT}» và «{LABEL}».")
    df = df.dropna(subset=[TEXT, LABEL])
    df[TEXT] = df[TEXT].map(lambda s: unicodedata.normalize("NFC", str(s)))
    return df.reset_index(drop=True)


def make_model() -> Pipeline:
    """Words and word pairs of the diacritic-folded text + naive Bayes: trains in milliseconds.

    Folding diacritics first means "giay khai sinh" and "giấy khai sinh" count as the same words.
    """
    return make_pipeline(
        TfidfVectorizer(preprocessor=fold, ngram_range=(1, 2), sublinear_tf=True),
        ComplementNB(alpha=0.3),
    )


@dataclass
class TrainResult:
    """A trained model and how it did on held-out messages."""

    model: Pipeline
    accuracy: float
    labels: list[str]
    y_true: list[str]
    y_pred: list[str]
    n_train: int
    n_test: int

    @property
    def confusion(self) -> np.ndarray:
        return confusion_matrix(self.y_true, self.y_pred, labels=self.labels)

    def summary_vi(self) -> str:
        return (f"Học từ {self.n_train} phản ánh, thử trên {self.n_test} phản ánh chưa từng thấy: "
                f"đúng {self.accuracy:.0%}.")


def _split(df: pd.DataFrame, test_size: float, seed: int):
    return train_test_split(df[TEXT].tolist(), df[LABEL].tolist(), test_size=test_size,
                            random_state=seed, stratify=df[LABEL].tolist())


def train(df: pd.DataFrame, test_size: float = 0.3, seed: int = 0) -> TrainResult:
    """Train on part of the messages, measure accuracy on the rest."""
    x_tr, x_te, y_tr, y_te = _split(df, test_size, seed)
    model = make_model().fit(x_tr, y_tr)
    pred = list(model.predict(x_te))
    return TrainResult(model, float(accuracy_score(y_te, pred)), sorted(set(df[LABEL])), list(y_te), pred,
                       len(x_tr), len(x_te))


def predict(model: Pipeline, texts: list[str], top: int = 3) -> list[list[tuple[str, float]]]:
    """For each text, the `top` departments with the model's probability."""
    probs = model.predict_proba(texts)
    classes = model.classes_
    out = []
    for row in probs:
        order = np.argsort(row)[::-1][:top]
        out.append([(str(classes[i]), float(row[i])) for i in order])
    return out


def _with_label_noise(labels: list[str], fraction: float, rng: np.random.Generator) -> list[str]:
    noisy = list(labels)
    choices = sorted(set(labels))
    for i in rng.choice(len(noisy), size=int(round(fraction * len(noisy))), replace=False):
        noisy[i] = str(rng.choice([c for c in choices if c != noisy[i]]))
    return noisy


def learning_curve(df: pd.DataFrame, sizes: tuple[int, ...] = (12, 24, 48, 72, 96, 117),
                   noise: float = 0.3, repeats: int = 5, seed: int = 0) -> pd.DataFrame:
    """Accuracy on a fixed test set as the training set grows, with clean and with noisy labels.

    Returns columns: `so_vi_du` (training examples), `nhan_sach` (clean labels),
    `nhan_sai_{noise%}` (that share of labels deliberately wrong).
    """
    x_tr, x_te, y_tr, y_te = _split(df, 0.3, seed)
    rng = np.random.default_rng(seed)
    noisy_col = f"nhan_sai_{int(noise * 100)}%"
    rows = []
    for size in sizes:
        size = min(size, len(x_tr))
        clean, noisy = [], []
        for r in range(repeats):
            idx = np.random.default_rng(seed + r).permutation(len(x_tr))[:size]
            xs, ys = [x_tr[i] for i in idx], [y_tr[i] for i in idx]
            if len(set(ys)) < 2:
                continue
            clean.append(accuracy_score(y_te, make_model().fit(xs, ys).predict(x_te)))
            ys_noisy = _with_label_noise(ys, noise, rng)
            noisy.append(accuracy_score(y_te, make_model().fit(xs, ys_noisy).predict(x_te)))
        rows.append({"so_vi_du": size, "nhan_sach": float(np.mean(clean)), noisy_col: float(np.mean(noisy))})
    return pd.DataFrame(rows)


def plot_confusion(result: TrainResult):
    """Confusion matrix figure with Vietnamese captions; returns the matplotlib Figure."""
    import matplotlib.pyplot as plt
    from sklearn.metrics import ConfusionMatrixDisplay

    fig, ax = plt.subplots(figsize=(7.5, 6))
    ConfusionMatrixDisplay(result.confusion, display_labels=result.labels).plot(
        ax=ax, cmap="Blues", colorbar=False, xticks_rotation=35)
    ax.set_xlabel("Máy đoán là")
    ax.set_ylabel("Lĩnh vực đúng")
    ax.set_title(result.summary_vi(), fontsize=10)
    fig.tight_layout()
    plt.close(fig)
    return fig


def plot_learning_curve(curve: pd.DataFrame):
    """Two lines: clean labels vs partly wrong labels, accuracy vs number of examples."""
    import matplotlib.pyplot as plt

    noisy_col = [c for c in curve.columns if c.startswith("nhan_sai_")][0]
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.plot(curve["so_vi_du"], curve["nhan_sach"], "o-", label="Nhãn đúng (dữ liệu sạch)")
    ax.plot(curve["so_vi_du"], curve[noisy_col], "s--", label=f"{noisy_col[9:]} nhãn bị gán sai")
    ax.set_xlabel("Số phản ánh dùng để học")
    ax.set_ylabel("Tỉ lệ đoán đúng trên phản ánh mới")
    ax.set_ylim(0, 1)
    ax.grid(alpha=0.3)
    ax.legend()
    ax.set_title("Càng nhiều ví dụ đúng, máy càng đoán tốt")
    fig.tight_layout()
    plt.close(fig)
    return fig


def predictions_html(model: Pipeline, text: str) -> str:
    """The top-3 departments for one message, as a short HTML list."""
    if not text.strip():
        return "<i>Hãy gõ một phản ánh.</i>"
    items = "".join(f"<li>{html.escape(label)}: {p:.0%}</li>" for label, p in predict(model, [text])[0])
    return f"<p>Máy đoán phản ánh này thuộc lĩnh vực:</p><ol>{items}</ol>"


def try_classifier(model: Pipeline, text: str = "Nhà tôi bị mất trộm con bò đêm qua") -> None:
    """Widget: type a new feedback message, see which department the trained model picks."""
    import ipywidgets as w
    from IPython.display import display

    box = w.Text(value=text, layout=w.Layout(width="100%"))
    button = w.Button(description="Máy đoán lĩnh vực", button_style="primary", layout=w.Layout(width="auto"))
    out = w.HTML(predictions_html(model, text))
    from course.widgets.safe import guard

    button.on_click(guard(lambda _b: setattr(out, "value", predictions_html(model, box.value)),
                          lambda m: setattr(out, "value", m)))
    display(w.VBox([box, button, out]))


def show_confusion(result: TrainResult) -> None:
    """Display the confusion matrix (notebook cell)."""
    show_figure(plot_confusion(result))


def show_learning_curve(df: pd.DataFrame) -> None:
    """Compute and display the "more / cleaner data helps" curves (notebook cell)."""
    show_figure(plot_learning_curve(learning_curve(df)))
