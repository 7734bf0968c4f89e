"""Grade reports from the nbgrader gradebook: CSV (UTF-8 with BOM, opens in Excel) and .xlsx.

Files in `<course root>/bao_cao/`:
- `diem_theo_hoc_vien.csv` — one row per learner, one column per module, total and percentage;
- `diem_chi_tiet.csv` — one row per learner × module × question;
- `ti_le_dat_theo_cau.csv` — per question: submissions, how many got full marks, success rate;
- `ghi_chu.csv` — the grader's notes (why 0, what was repaired);
- `bang_diem.xlsx` — the same four tables as sheets.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from course.catalogue import canonical, ordered
from course.grading.coursedir import GRADING_ROOT, load_config
from course.grading.runner import MARKER

REPORT_DIR = "bao_cao"
STATUS_VI = {"graded": "đã chấm", "zero": "0 điểm (bài nộp hỏng/nhầm)", "failed": "0 điểm (lỗi khi chạy)"}


def collect(root: Path = GRADING_ROOT) -> pd.DataFrame:
    """Long table: learner, assignment, question, score, max score (from the gradebook). A module's
    legacy assignment id (a class graded before the rename) is read as the module's id."""
    from nbgrader.api import Gradebook

    cfg = load_config(root)
    rows = []
    with Gradebook(cfg.CourseDirectory.db_url, cfg.CourseDirectory.course_id) as gb:
        for assignment in gb.assignments:
            for sub in assignment.submissions:
                for nb in sub.notebooks:
                    for grade in nb.grades:
                        rows.append({"Học viên": sub.student.id, "Bài": canonical(assignment.name),
                                     "Câu": grade.name if len(sub.notebooks) == 1 else f"{nb.name}/{grade.name}",
                                     "Điểm": float(grade.score), "Điểm tối đa": float(grade.max_score)})
    return pd.DataFrame(rows, columns=["Học viên", "Bài", "Câu", "Điểm", "Điểm tối đa"])


def per_learner(detail: pd.DataFrame) -> pd.DataFrame:
    """Wide table: learner × module scores, total, maximum, percentage."""
    if detail.empty:
        return pd.DataFrame(columns=["Học viên", "Tổng", "Tối đa", "Tỉ lệ (%)"])
    scores = detail.pivot_table(index="Học viên", columns="Bài", values="Điểm", aggfunc="sum")
    scores = scores[ordered(list(scores.columns))]
    maxima = detail.groupby("Bài")["Điểm tối đa"].sum() / detail.groupby("Bài")["Học viên"].nunique()
    table = scores.copy()
    table["Tổng"] = scores.sum(axis=1, skipna=True)
    table["Tối đa"] = float(maxima.sum())
    table["Tỉ lệ (%)"] = (100 * table["Tổng"] / table["Tối đa"]).round(1)
    return table.reset_index()


def per_question(detail: pd.DataFrame) -> pd.DataFrame:
    """Per question: submissions, full marks count, success rate, mean score — hardest first."""
    if detail.empty:
        return pd.DataFrame(columns=["Bài", "Câu", "Điểm tối đa", "Số bài", "Số bài đạt", "Tỉ lệ đạt (%)",
                                     "Điểm trung bình"])
    graded = detail[detail["Điểm tối đa"] > 0].copy()
    graded["đạt"] = graded["Điểm"] >= graded["Điểm tối đa"]
    table = graded.groupby(["Bài", "Câu"], sort=False).agg(**{
        "Điểm tối đa": ("Điểm tối đa", "max"), "Số bài": ("Điểm", "size"), "Số bài đạt": ("đạt", "sum"),
        "Điểm trung bình": ("Điểm", "mean")}).reset_index()
    table["Tỉ lệ đạt (%)"] = (100 * table["Số bài đạt"] / table["Số bài"]).round(1)
    table["Điểm trung bình"] = table["Điểm trung bình"].round(2)
    cols = ["Bài", "Câu", "Điểm tối đa", "Số bài", "Số bài đạt", "Tỉ lệ đạt (%)", "Điểm trung bình"]
    return table[cols].sort_values(["Tỉ lệ đạt (%)", "Bài", "Câu"]).reset_index(drop=True)


def notes(root: Path = GRADING_ROOT) -> pd.DataFrame:
    """The grader's notes per submission, from the markers `khoahoc grade` writes."""
    rows = []
    for marker in sorted((Path(root) / "autograded").glob(f"*/*/{MARKER}")):
        data = json.loads(marker.read_text(encoding="utf-8"))
        if data.get("reasons") or data.get("status") != "graded":
            rows.append({"Học viên": marker.parent.parent.name, "Bài": marker.parent.name,
                         "Trạng thái": STATUS_VI.get(data.get("status"), data.get("status")),
                         "Ghi chú": " ".join(data.get("reasons", []))})
    return pd.DataFrame(rows, columns=["Học viên", "Bài", "Trạng thái", "Ghi chú"])


def export_all(root: Path = GRADING_ROOT) -> list[Path]:
    """Write the four CSV files and the Excel workbook; return their paths."""
    root = Path(root)
    out = root / REPORT_DIR
    out.mkdir(parents=True, exist_ok=True)
    detail = collect(root)
    tables = {"diem_theo_hoc_vien": ("Điểm theo học viên", per_learner(detail)),
              "diem_chi_tiet": ("Chi tiết theo câu", detail),
              "ti_le_dat_theo_cau": ("Tỉ lệ đạt theo câu", per_question(detail)),
              "ghi_chu": ("Ghi chú khi chấm", notes(root))}
    paths = []
    for stem, (_, frame) in tables.items():
        path = out / f"{stem}.csv"
        frame.to_csv(path, index=False, encoding="utf-8-sig")
        paths.append(path)
    paths.append(write_workbook(out / "bang_diem.xlsx", dict(tables.values())))
    return paths


def write_workbook(path: Path, sheets: dict[str, pd.DataFrame], max_width: int = 60) -> Path:
    """An Excel workbook, one sheet per table, each column as wide as its text (within 10..max_width)."""
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name, index=False)
            for col in writer.sheets[name].columns:
                width = max(len(str(c.value or "")) for c in col[:300])
                writer.sheets[name].column_dimensions[col[0].column_letter].width = min(max_width, max(10, width + 2))
    return path
