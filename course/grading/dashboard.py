"""The trainer's class dashboard (`grading/bang_dieu_khien.ipynb`): tables and plots from the
reports `khoahoc grade` exports to `<course root>/bao_cao/`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from course import catalogue
from course.config import load_settings
from course.grading.coursedir import GradingError
from course.grading.export import REPORT_DIR


def module_label(assignment: str) -> str:
    """"Học phần 3" for a module's assignment id (or its legacy alias); other assignments as they are."""
    try:
        return f"Học phần {catalogue.module(assignment).number}"
    except KeyError:
        return assignment


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
        return catalogue.ordered(present)


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
        rows.append({"Bài": module_label(module), "Số bài nộp": len(per),
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
    labels = [f"{module_label(b)} · {c}" for b, c in zip(hardest["Bài"], hardest["Câu"], strict=True)]
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
    ax.set_title("Tiến bộ qua các học phần")
    _show(fig)


# ------------------------------------------------------------------ live view during class
SUBMITTED, GRADED = "đã nộp", "đã chấm"


@dataclass
class LiveStatus:
    """Who has submitted what, what is graded, and where the class is stuck — read from the disk now."""

    progress: pd.DataFrame  # learner × assignment: "", "đã nộp", "đã chấm"
    counts: pd.DataFrame  # per assignment: submitted, graded
    practice: pd.DataFrame  # learner × practice notebook: "chưa mở", "đang làm 3/11", "xong"
    practice_counts: pd.DataFrame  # per practice notebook: opened, finished
    stuck: pd.DataFrame  # the questions with the lowest full-marks rate among graded work
    read_at: str


def _inbound(root: Path) -> set[tuple[str, str]]:
    """(learner, assignment) pairs waiting in the exchange inbox (`learner+assignment+time+rand`)."""
    from course.grading.coursedir import load_config

    try:
        cfg = load_config(root)
        inbound = Path(cfg.Exchange.root) / cfg.CourseDirectory.course_id / "inbound"
    except (GradingError, AttributeError, TypeError):
        return set()
    if not inbound.is_dir():
        return set()
    pairs = set()
    for entry in inbound.iterdir():
        parts = entry.name.split("+")
        if entry.is_dir() and len(parts) >= 3:
            pairs.add((parts[0], parts[1]))
    return pairs


def practice_status(people: list[str], progress_folder: Path | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Learner × practice notebook ("chưa mở", "đang làm 3/11", "xong") and, per notebook, how many
    learners opened and finished it — from the progress files the practice notebooks write."""
    from course.progress import DONE, NOT_OPENED, read_progress

    states = read_progress(progress_folder)
    people = list(dict.fromkeys([*people, *sorted(states)]))
    columns = {m.id: f"Thực hành HP{m.number}" for m in catalogue.MODULES}
    table = pd.DataFrame([[states[x][k].label if x in states and k in states[x] else NOT_OPENED for k in columns]
                          for x in people], index=pd.Index(people, name="Học viên"), columns=list(columns.values()))
    counts = pd.DataFrame([{"Bài": col, "Đã mở": int((table[col] != NOT_OPENED).sum()),
                            "Làm xong": int((table[col] == DONE).sum()), "Chưa mở": int((table[col] == NOT_OPENED).sum())}
                           for col in table.columns], columns=["Bài", "Đã mở", "Làm xong", "Chưa mở"])
    return table, counts


def live_status(root: Path | None = None, learners: list[str] | None = None, top: int = 5,
                progress_folder: Path | None = None) -> LiveStatus:
    """Read practice progress (`course.progress`), submissions (exchange inbox and `submitted/`),
    graded work (`autograded/`) and the gradebook's per-question results. `learners` (e.g. a class
    roster) lists those with nothing yet."""
    from datetime import datetime

    from course.grading.export import collect, per_question

    root = Path(root or course_root())
    submitted = {(x, catalogue.canonical(a)) for x, a in _inbound(root)}  # legacy ids read as the module's
    for kind in ("submitted", "autograded"):
        base = root / kind
        if base.is_dir():
            for folder in base.glob("*/*"):
                if folder.is_dir():
                    submitted.add((folder.parent.name, catalogue.canonical(folder.name)))
    graded = {(m.parent.parent.name, catalogue.canonical(m.parent.name))
              for m in (root / "autograded").glob("*/*/.khoahoc.json")}
    names = sorted({a for _, a in submitted})
    assignments = catalogue.ordered(names)
    people = list(dict.fromkeys([*(learners or []), *sorted({x for x, _ in submitted})]))
    progress = pd.DataFrame(
        [[GRADED if (x, a) in graded else SUBMITTED if (x, a) in submitted else "" for a in assignments]
         for x in people], index=pd.Index(people, name="Học viên"), columns=assignments)
    counts = pd.DataFrame([{"Bài": module_label(a), "Đã nộp": int((progress[a] != "").sum()),
                            "Đã chấm": int((progress[a] == GRADED).sum()), "Chưa nộp": int((progress[a] == "").sum())}
                           for a in assignments], columns=["Bài", "Đã nộp", "Đã chấm", "Chưa nộp"])
    stuck = pd.DataFrame(columns=["Bài", "Câu", "Số bài", "Tỉ lệ đạt (%)"])
    gradebook = root / "gradebook.db"
    if gradebook.exists() or not load_settings().gradebook_url.startswith("sqlite"):
        table = per_question(collect(root))
        if len(table):
            stuck = table[["Bài", "Câu", "Số bài", "Tỉ lệ đạt (%)"]].head(top).assign(
                Bài=lambda t: t["Bài"].map(module_label))
    practice, practice_counts = practice_status(people, progress_folder)
    progress = progress.reindex(practice.index, fill_value="")
    return LiveStatus(progress, counts, practice, practice_counts, stuck.reset_index(drop=True),
                      datetime.now().strftime("%H:%M:%S"))


def _table_html(frame: pd.DataFrame, index: bool = False) -> str:
    if frame.empty:
        return "<p><i>Chưa có dữ liệu.</i></p>"
    return frame.to_html(index=index, border=0, escape=True, na_rep="")


class LivePanel:
    """Widget refreshed every `interval` seconds by a background thread until `stop()`."""

    def __init__(self, root: Path | None = None, learners: list[str] | None = None, interval: float = 5.0) -> None:
        import threading

        import ipywidgets as w

        self.root, self.learners, self.interval = root, learners, max(1.0, interval)
        self.header, self.counts, self.stuck, self.progress = w.HTML(), w.HTML(), w.HTML(), w.HTML()
        self.practice = w.HTML()
        self.widget = w.VBox([self.header, self.practice, self.counts, self.stuck, self.progress])
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.refresh()

    def refresh(self) -> LiveStatus | None:
        """Read the disk once and redraw; an error is shown in the panel, never raised."""
        try:
            status = live_status(self.root, self.learners)
        except Exception as err:  # noqa: BLE001 - a refresh must not kill the panel during class
            self.header.value = f"<b style='color:#c0392b'>Không đọc được tình hình lớp: {type(err).__name__}</b>"
            return None
        self.header.value = (f"<b>Tình hình lớp lúc {status.read_at}</b> — tự cập nhật mỗi {self.interval:g} giây. "
                             "Bài trong hộp nộp bài (chưa gom) được tính là «đã nộp».")
        self.practice.value = "<h4>Thực hành</h4>" + _table_html(status.practice_counts)
        self.counts.value = "<h4>Số bài nộp</h4>" + _table_html(status.counts)
        self.stuck.value = "<h4>Những câu lớp đang vướng (tỉ lệ đạt thấp nhất)</h4>" + _table_html(status.stuck)
        each = status.practice.join(status.progress.rename(columns=module_label))
        self.progress.value = "<h4>Từng học viên</h4>" + _table_html(each, index=True)
        return status

    def start(self) -> LivePanel:
        """Refresh in the background (the kernel stays free for other cells)."""
        import threading

        if self._thread is None or not self._thread.is_alive():
            self._stop.clear()
            self._thread = threading.Thread(target=self._loop, daemon=True, name="bang-dieu-khien")
            self._thread.start()
        return self

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            self.refresh()

    def stop(self) -> None:
        """Stop refreshing."""
        self._stop.set()


def live_panel(root: Path | None = None, learners: list[str] | None = None, interval: float = 5.0) -> LivePanel:
    """Show the live class view; `learners` (e.g. `load_class(root, "K1").ids` from `course.assessment.classes`)
    also lists those with nothing submitted yet."""
    from IPython.display import display

    panel = LivePanel(root, learners, interval)
    display(panel.widget)
    return panel.start()
