"""The trainer's class dashboard (`grading/bang_dieu_khien.ipynb`): tables and plots from the
reports `khoahoc grade` exports to `<course root>/bao_cao/`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from course.config import load_settings
from course.grading.coursedir import ASSIGNMENTS, GradingError
from course.grading.export import REPORT_DIR

MODULE_LABELS = {"m1_tong_quan_ai": "Mô-đun 1", "m2_chatgpt_gemini": "Mô-đun 2",
                 "m3_giong_noi": "Mô-đun 3", "m4_tra_cuu_phap_luat": "Mô-đun 4"}


@dataclass
class Reports:
    """The exported tables, ready to show."""

    learners: pd.DataFrame
    detail: pd.DataFrame
    questions: pd.DataFrame
    notes: pd.DataFrame

    @property
    def modules(self) -> list[str]:
        present = [c for c in self.learners.columns if c not in {"Học viên", "Tổng", "Tối đa", "Tỉ lệ (%)"}]
        return [a for a in ASSIGNMENTS if a in present] + [a for a in present if a not in ASSIGNMENTS]


def course_root() -> Path:
    """grading/ of this repo, or `COURSE_GRADING_ROOT` when set."""
    return load_settings().grading_root


def load_reports(root: Path | None = None) -> Reports:
    """Read the CSV reports; a Vietnamese error says what to run when they are missing."""
    folder = Path(root or course_root()) / REPORT_DIR
    files = ["diem_theo_hoc_vien", "diem_chi_tiet", "ti_le_dat_theo_cau", "ghi_chu"]
    if not all((folder / f"{f}.csv").exists() for f in files):
        raise GradingError("Chưa có bảng điểm để hiển thị.",
                           hint="Hãy chấm bài trước: chạy `khoahoc grade all` ở thư mục gốc của khoá học.")
    frames = [pd.read_csv(folder / f"{f}.csv", encoding="utf-8-sig") for f in files]
    return Reports(*frames)


def overview(rep: Reports) -> pd.DataFrame:
    """One line per module: submissions, mean score (%), learners with full marks, grader notes."""
    rows = []
    for module in rep.modules:
        part = rep.detail[rep.detail["Bài"] == module]
        per = part.groupby("Học viên")[["Điểm", "Điểm tối đa"]].sum()
        pct = 100 * per["Điểm"] / per["Điểm tối đa"].where(per["Điểm tối đa"] > 0)
        rows.append({"Bài": MODULE_LABELS.get(module, module), "Số bài nộp": len(per),
                     "Điểm trung bình (%)": round(float(pct.mean()), 1) if len(per) else 0.0,
                     "Số bài đạt tối đa": int((pct >= 100).sum()),
                     "Số bài có ghi chú": int((rep.notes["Bài"] == module).sum())})
    return pd.DataFrame(rows)


def _show(fig) -> None:
    """Display a figure once as PNG, whatever the matplotlib backend, then free it."""
    import io

    import matplotlib.pyplot as plt
    from IPython.display import Image, display

    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100)
    plt.close(fig)
    display(Image(data=buf.getvalue(), format="png"))


def plot_score_distribution(rep: Reports) -> None:
    """Histogram of learners' overall percentage."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 3.5))
    ax.hist(rep.learners["Tỉ lệ (%)"].dropna(), bins=range(0, 101, 10), color="#2b6cb0", edgecolor="white")
    ax.set_xlabel("Tỉ lệ điểm của học viên (%)")
    ax.set_ylabel("Số học viên")
    ax.set_title("Phân bố điểm cả lớp")
    _show(fig)


def plot_hardest_questions(rep: Reports, n: int = 10) -> None:
    """Horizontal bars: the `n` questions with the lowest success rate."""
    import matplotlib.pyplot as plt

    hardest = rep.questions.sort_values("Tỉ lệ đạt (%)").head(n).iloc[::-1]
    labels = [f"{MODULE_LABELS.get(b, b)} · {c}" for b, c in zip(hardest["Bài"], hardest["Câu"], strict=True)]
    fig, ax = plt.subplots(figsize=(7, 0.45 * len(labels) + 1.2))
    ax.barh(labels, hardest["Tỉ lệ đạt (%)"], color="#c05621")
    ax.set_xlim(0, 100)
    ax.set_xlabel("Tỉ lệ học viên đạt trọn điểm (%)")
    ax.set_title("Những câu khó nhất")
    _show(fig)


def plot_progress(rep: Reports) -> None:
    """Mean percentage per module, in course order: is the class keeping up?"""
    import matplotlib.pyplot as plt

    table = overview(rep)
    fig, ax = plt.subplots(figsize=(7, 3.5))
    ax.plot(table["Bài"], table["Điểm trung bình (%)"], marker="o", color="#2f855a")
    ax.set_ylim(0, 100)
    ax.set_ylabel("Điểm trung bình (%)")
    ax.set_title("Tiến bộ qua các mô-đun")
    _show(fig)
