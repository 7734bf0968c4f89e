"""`khoahoc report --lop LOP`: the training's results as an Excel workbook, a PDF and CSV exports.

Files in `lop/<LOP>/bao_cao/`:
- `bao_cao_ket_qua.xlsx` — summary, per learner (grades, pre, post, gain), per module, per question,
  evaluation forms, notes;
- `bao_cao_ket_qua.pdf` — the report a ward attaches for its superiors: administrative heading,
  figures and plots; per-learner names only when `bao_cao_ghi_ten = true` in `lop.toml`;
- `ket_qua_hoc_vien.csv`, `tien_bo_theo_cau.csv` — UTF-8 with BOM (opens in Excel);
- `moodle_diem.csv` — Moodle gradebook import (map "Username" to the user's username).
"""

from __future__ import annotations

import io
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

import pandas as pd

from course.assessment.classes import AssessmentError, load_class
from course.assessment.evaluation import PACE, EvaluationSummary, evaluation_dir, summarise
from course.assessment.questions import MODULES, TESTS
from course.assessment.results import MODULE_COLUMN, POST, PRE, ClassResults, compute
from course.grading.export import write_workbook

OUT_DIR = "bao_cao"
STEM = "bao_cao_ket_qua"
GAIN_NOTE = ("Chỉ số tiến bộ g = (điểm cuối khoá − điểm đầu khoá) / (100 − điểm đầu khoá), điểm tính theo %. "
             "g = 1: học được mọi điều còn thiếu; g = 0: không tiến bộ; g âm: điểm giảm. Không tính được g khi "
             "thiếu một trong hai bài kiểm tra hoặc khi điểm đầu khoá đã đạt 100 %.")


@dataclass
class ReportFiles:
    """Paths written and how long it took."""

    paths: list[Path]
    seconds: float


def assignment_scores(detail: pd.DataFrame, ids: list[str], assignments: tuple[str, ...]) -> pd.DataFrame:
    """learner × assignment percentage (NaN when not graded)."""
    part = detail[detail["Bài"].isin(assignments) & detail["Học viên"].isin(ids)]
    if part.empty:
        return pd.DataFrame(index=ids, columns=list(assignments), dtype=float)
    by = part.groupby(["Học viên", "Bài"])[["Điểm", "Điểm tối đa"]].sum()
    pct = (100 * by["Điểm"] / by["Điểm tối đa"].where(by["Điểm tối đa"] > 0)).round(1).unstack()
    return pct.reindex(index=ids, columns=list(assignments))


def grades_table(res: ClassResults, detail: pd.DataFrame) -> pd.DataFrame:
    """Per learner: identity, assignment scores (%), pre, post, gain, certificate eligibility."""
    scores = assignment_scores(detail, res.info.ids, res.info.assignments)
    base = res.learners[["Mã học viên", "Họ và tên", "Đơn vị"]].copy()
    for a in res.info.assignments:
        base[f"{a} (%)"] = scores[a].to_numpy()
    per_module = [c for c in res.learners.columns if c.startswith(tuple(MODULE_COLUMN.values()))]
    extra = res.learners[["Đầu khoá (%)", "Cuối khoá (%)", "Chỉ số tiến bộ g", *per_module, "Số bài tập đã nộp",
                          "Đủ điều kiện cấp giấy", "Ghi chú"]]
    table = pd.concat([base, extra], axis=1)
    table["Đủ điều kiện cấp giấy"] = table["Đủ điều kiện cấp giấy"].map({True: "có", False: "chưa"})
    return table


def moodle_table(res: ClassResults, detail: pd.DataFrame) -> pd.DataFrame:
    """Moodle gradebook import: Username, First name, Surname, one numeric column per grade item."""
    scores = assignment_scores(detail, res.info.ids, res.info.assignments)
    rows = []
    for x in res.info.learners:
        parts = x.name.split()
        row = {"Username": x.learner_id, "First name": parts[-1] if parts else "",
               "Surname": " ".join(parts[:-1])}
        for a in res.info.assignments:
            value = scores.loc[x.learner_id, a]
            row[a] = "" if pd.isna(value) else f"{value:.1f}"
        learner = res.learners.set_index("Mã học viên").loc[x.learner_id]
        for column, title in (("Đầu khoá (%)", TESTS["dau_khoa"][1]), ("Cuối khoá (%)", TESTS["cuoi_khoa"][1])):
            value = learner[column]
            row[title] = "" if value is None or pd.isna(value) else f"{value:.1f}"
        rows.append(row)
    return pd.DataFrame(rows)


def _evaluation_frames(ev: EvaluationSummary) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    useful = pd.DataFrame([{"Học phần": MODULES[m], "Số phiếu": v["n"], "Điểm trung bình (1–5)": v["mean"],
                            **{f"Mức {k}": v[str(k)] for k in range(1, 6)}} for m, v in ev.usefulness.items()])
    pace = pd.DataFrame([{"Tốc độ": p, "Số phiếu": ev.pace.get(p, 0)} for p in PACE])
    texts = pd.DataFrame([{"Loại": "Cần bổ sung", "Nội dung": t} for t in ev.additions] +
                         [{"Loại": "Ý kiến khác", "Nội dung": t} for t in ev.comments], columns=["Loại", "Nội dung"])
    return useful, pace, texts


def write_excel(path: Path, res: ClassResults, grades: pd.DataFrame, ev: EvaluationSummary) -> Path:
    """The workbook: one sheet per table, column widths fitted."""
    summary = pd.DataFrame([{"Mục": k, "Giá trị": "—" if v is None else v} for k, v in res.summary.items()] +
                           [{"Mục": "Ghi chú", "Giá trị": n} for n in res.notes] +
                           [{"Mục": "Cách tính", "Giá trị": GAIN_NOTE}])
    useful, pace, texts = _evaluation_frames(ev)
    sheets = {"Tổng hợp": summary, "Điểm và tiến bộ": grades, "Theo học phần": res.modules,
              "Theo câu hỏi": res.questions, "Phiếu - mức hữu ích": useful, "Phiếu - tốc độ": pace,
              "Phiếu - ý kiến": texts}
    try:
        write_workbook(path, sheets, max_width=70)
    except PermissionError:
        raise AssessmentError(f"Không ghi được {path.name}: tệp đang mở trong Excel?",
                              hint="Đóng tệp rồi chạy lại lệnh.") from None
    return path


# ------------------------------------------------------------------ plots
def _png(fig) -> bytes:
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buf, format="png", dpi=150)
    plt.close(fig)
    return buf.getvalue()


def _plots(res: ClassResults, ev: EvaluationSummary) -> dict[str, bytes]:
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    plt.rcParams["font.family"] = "DejaVu Sans"
    out = {}
    mods = res.modules
    fig, ax = plt.subplots(figsize=(6.4, 2.8))
    xs = range(len(mods))
    pre = [v if v is not None and not pd.isna(v) else 0 for v in mods["Đầu khoá (%)"]]
    post = [v if v is not None and not pd.isna(v) else 0 for v in mods["Cuối khoá (%)"]]
    ax.bar([x - 0.2 for x in xs], pre, 0.4, label="Đầu khoá", color="#a0aec0")
    ax.bar([x + 0.2 for x in xs], post, 0.4, label="Cuối khoá", color="#2b6cb0")
    ax.set_xticks(list(xs), [MODULE_COLUMN[m] for m in MODULES])
    ax.set_ylim(0, 100)
    ax.set_ylabel("Tỉ lệ trả lời đúng (%)")
    ax.set_title("Kết quả theo học phần (học viên làm cả hai bài)")
    ax.legend(loc="upper left", fontsize=8)
    out["modules"] = _png(fig)
    fig, ax = plt.subplots(figsize=(6.4, 2.6))
    bins = list(range(0, 101, 10))
    ax.hist([res.learners["Đầu khoá (%)"].dropna(), res.learners["Cuối khoá (%)"].dropna()], bins=bins,
            label=["Đầu khoá", "Cuối khoá"], color=["#a0aec0", "#2b6cb0"])
    ax.set_xlabel("Điểm bài kiểm tra (%)")
    ax.set_ylabel("Số học viên")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_title("Phân bố điểm đầu khoá và cuối khoá")
    ax.legend(fontsize=8)
    out["distribution"] = _png(fig)
    q = res.questions.dropna(subset=["Đúng cuối khoá (%)"]).sort_values("Đúng cuối khoá (%)")
    if len(q):
        fig, ax = plt.subplots(figsize=(6.4, 0.28 * len(q) + 1.0))
        labels = [f"{r['Câu']} ({MODULE_COLUMN[r['Học phần']]})" for _, r in q.iterrows()]
        ax.barh(labels, q["Đúng cuối khoá (%)"], color="#2f855a", label="Cuối khoá")
        ax.plot(q["Đúng đầu khoá (%)"].fillna(0), labels, "o", color="#c05621", label="Đầu khoá")
        ax.set_xlim(0, 100)
        ax.invert_yaxis()
        ax.set_xlabel("Tỉ lệ học viên trả lời đúng (%)")
        ax.set_title("Từng câu hỏi: câu lớp còn sai nhiều nhất ở trên cùng")
        ax.legend(fontsize=8, loc="lower right")
        out["questions"] = _png(fig)
    if ev.count:
        fig, ax = plt.subplots(figsize=(6.4, 2.4))
        means = [v["mean"] or 0 for v in ev.usefulness.values()]
        ax.bar([MODULE_COLUMN[m] for m in MODULES], means, color="#805ad5")
        ax.set_ylim(0, 5)
        ax.set_ylabel("Điểm trung bình (1–5)")
        ax.set_title(f"Mức hữu ích theo phiếu đánh giá ({ev.count} phiếu)")
        out["evaluation"] = _png(fig)
    return out


# ------------------------------------------------------------------ PDF
def _fmt(value: object, suffix: str = "") -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "—"
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".").replace(".", ",") + suffix
    return f"{value}{suffix}"


def write_pdf(path: Path, res: ClassResults, ev: EvaluationSummary, today: date | None = None) -> Path:
    """The PDF report (A4 portrait, administrative heading, tables and plots)."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from course.assessment.pdf import MOTTO, NATIONAL_NAME, register_fonts
    from course.documents.model import format_date_line

    register_fonts()
    info = res.info
    body = ParagraphStyle("body", fontName="KH-Serif", fontSize=11.5, leading=15, alignment=TA_JUSTIFY,
                          spaceAfter=4)
    centre = ParagraphStyle("centre", parent=body, alignment=TA_CENTER, spaceAfter=0)
    small = ParagraphStyle("small", parent=body, fontSize=9, leading=11, alignment=0, spaceAfter=0)
    heading = ParagraphStyle("h", parent=body, fontName="KH-Serif-Bold", fontSize=12.5, spaceBefore=8, spaceAfter=4)
    right = ParagraphStyle("right", parent=body, alignment=TA_RIGHT, fontName="KH-Serif-Italic")

    def p(text: str, style=body) -> Paragraph:
        return Paragraph(text, style)

    head = ParagraphStyle("head", parent=centre, fontSize=10.5, leading=13)
    left = []
    if info.parent_body:
        left.append(p(escape(info.parent_body.upper()), head))
    left.append(p(f"<b>{escape(info.organiser.upper())}</b>", head))
    left.append(p("_____", centre))
    left.append(p("Số: &nbsp;&nbsp;&nbsp;&nbsp;&nbsp;/BC", centre))
    rightcol = [p(f"<b>{NATIONAL_NAME}</b>", ParagraphStyle("n", parent=centre, fontSize=10)),
                p(f"<b><u>{MOTTO}</u></b>", centre)]
    story: list = [Table([[left, rightcol]], colWidths=[73 * mm, 92 * mm],
                         style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (-1, -1), "KH-Serif"),
                                           ("LEFTPADDING", (0, 0), (-1, -1), 0)])),
                   Spacer(1, 4 * mm),
                   p(escape(format_date_line(info.place, today or date.today())), right),
                   Spacer(1, 4 * mm),
                   p("<b>BÁO CÁO</b>", ParagraphStyle("t", parent=centre, fontSize=14, leading=18)),
                   p(f"<b>Kết quả khoá tập huấn «{escape(info.course_name)}» — {escape(info.title)}</b>", centre),
                   Spacer(1, 5 * mm)]
    from course.documents.model import format_date

    s = res.summary
    story.append(p(f"Khoá tập huấn diễn ra từ {format_date(info.start)} đến {format_date(info.end)}, gồm bốn "
                   f"học phần. Danh sách lớp có <b>{s['Số học viên trong danh sách']}</b> học viên; "
                   f"{s['Làm kiểm tra đầu khoá']} người làm bài kiểm tra đầu khoá, {s['Làm kiểm tra cuối khoá']} "
                   f"người làm bài kiểm tra cuối khoá (cùng 15 câu hỏi, thứ tự xáo riêng cho từng người)."))
    story.append(p("<b>1. Kết quả chung</b>", heading))
    rows = [["Chỉ số", "Giá trị"]] + [[k, _fmt(v)] for k, v in s.items()]
    tstyle = TableStyle([("FONT", (0, 0), (-1, -1), "KH-Serif", 10), ("FONT", (0, 0), (-1, 0), "KH-Serif-Bold", 10),
                         ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                         ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#edf2f7")),
                         ("VALIGN", (0, 0), (-1, -1), "TOP")])
    story.append(Table(rows, colWidths=[110 * mm, 50 * mm], style=tstyle))
    story.append(Spacer(1, 2 * mm))
    story.append(p(escape(GAIN_NOTE), small))
    plots = _plots(res, ev)

    def image(key: str, width_mm: float = 165) -> Image:
        from reportlab.lib.utils import ImageReader

        data = plots[key]
        w, h = ImageReader(io.BytesIO(data)).getSize()
        return Image(io.BytesIO(data), width=width_mm * mm, height=width_mm * mm * h / w)

    story.append(p("<b>2. Theo học phần</b>", heading))
    mrows = [["Học phần", "Số câu", "Đầu khoá", "Cuối khoá", "g"]] + [
        [p(escape(r["Học phần"]), small), r["Số câu"], _fmt(r["Đầu khoá (%)"], " %"), _fmt(r["Cuối khoá (%)"], " %"),
         _fmt(r["g của điểm trung bình"])] for _, r in res.modules.iterrows()]
    story.append(Table(mrows, colWidths=[78 * mm, 16 * mm, 24 * mm, 24 * mm, 18 * mm], style=tstyle))
    story.append(image("modules"))
    story.append(image("distribution"))
    story.append(p("<b>3. Những câu lớp còn sai nhiều</b>", heading))
    hard = res.questions.dropna(subset=["Đúng cuối khoá (%)"])
    hard = hard[hard["Đúng cuối khoá (%)"] < 100].head(5)
    story.append(p("Tỉ lệ học viên trả lời đúng những câu có kết quả cuối khoá thấp nhất:" if len(hard) else
                   "Cuối khoá, mọi câu hỏi đều được cả lớp trả lời đúng."))
    hrows = [["Câu", "Nội dung", "Đầu khoá", "Cuối khoá"]] + [
        [r["Câu"], p(escape(r["Nội dung"]) + (f"<br/><i>Hay chọn sai: {escape(r['Đáp án sai hay chọn nhất (cuối khoá)'])}"
                                              "</i>" if r["Đáp án sai hay chọn nhất (cuối khoá)"] else ""), small),
         _fmt(r["Đúng đầu khoá (%)"], " %"),
         _fmt(r["Đúng cuối khoá (%)"], " %")] for _, r in hard.iterrows()]
    if len(hard):
        story.append(Table(hrows, colWidths=[13 * mm, 99 * mm, 24 * mm, 24 * mm], style=tstyle))
    if "questions" in plots:
        story.append(image("questions"))
    story.append(p("<b>4. Ý kiến của học viên (phiếu đánh giá không ghi tên)</b>", heading))
    if ev.count:
        story.append(p(f"Nhận được {ev.count} phiếu."
                       + (f" {ev.unreadable} tệp phiếu hỏng không đọc được đã bị bỏ qua." if ev.unreadable else "")))
        story.append(image("evaluation"))
        story.append(p("Tốc độ khoá học: " + "; ".join(f"{k}: {v}" for k, v in ev.pace.items()) + "."))
        for title, texts in (("Nội dung học viên muốn bổ sung", ev.additions), ("Ý kiến khác", ev.comments)):
            if texts:
                grouped = Counter(texts).most_common()
                story.append(p(f"<i>{title}</i> ({len(texts)} ý kiến; in tối đa 15 ý khác nhau, nhiều người nêu "
                               "nhất trước; xem đủ trong tệp Excel):"))
                for t, count in grouped[:15]:
                    story.append(p("– " + escape(t) + (f" ({count} người)" if count > 1 else ""), small))
    else:
        story.append(p("Chưa nhận được phiếu đánh giá nào."))
    if res.notes:
        story.append(p("<b>5. Ghi chú</b>", heading))
        for n in res.notes:
            story.append(p("– " + escape(n)))
    if info.named_in_pdf:
        story.append(p("<b>Phụ lục: kết quả từng học viên</b>", heading))
        lrows = [["Họ và tên", "Đơn vị", "Đầu khoá", "Cuối khoá", "g", "Cấp giấy"]] + [
            [p(escape(r["Họ và tên"]), small), p(escape(r["Đơn vị"] or ""), small), _fmt(r["Đầu khoá (%)"], " %"),
             _fmt(r["Cuối khoá (%)"], " %"), _fmt(r["Chỉ số tiến bộ g"]), "có" if r["Đủ điều kiện cấp giấy"] else "chưa"]
            for _, r in res.learners.iterrows()]
        story.append(Table(lrows, colWidths=[48 * mm, 48 * mm, 18 * mm, 18 * mm, 14 * mm, 16 * mm], style=tstyle,
                           repeatRows=1))
    sign = [p("<b><i>Nơi nhận:</i></b>", small), p("- Như trên;", small), p("- Lưu: VT.", small)]
    signer = [p(f"<b>{escape(info.signer_title.upper())}</b>", centre) if info.signer_title else p("", centre),
              Spacer(1, 18 * mm), p(f"<b>{escape(info.signer)}</b>", centre)]
    story.append(Spacer(1, 6 * mm))
    story.append(Table([[sign, signer]], colWidths=[80 * mm, 90 * mm],
                       style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (-1, -1), "KH-Serif")])))
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=30 * mm, rightMargin=15 * mm, topMargin=20 * mm,
                            bottomMargin=20 * mm, title=f"Báo cáo kết quả khoá tập huấn — {info.title}",
                            author=info.organiser, initialFontName="KH-Serif")
    try:
        doc.build(story)
    except PermissionError:
        raise AssessmentError(f"Không ghi được {path.name}: tệp đang mở?", hint="Đóng tệp rồi chạy lại lệnh.") from None
    return path


def build_report(root: Path, class_id: str, today: date | None = None) -> ReportFiles:
    """Compute the class results and write the workbook, the PDF and the CSV exports."""
    from course.grading.coursedir import ensure_tools_on_path
    from course.grading.export import collect

    started = time.perf_counter()
    info = load_class(root, class_id)
    ensure_tools_on_path()  # a new SQLite gradebook is created through alembic
    detail = collect(root)
    res = compute(info, detail, root)
    if res.summary["Làm kiểm tra đầu khoá"] == 0 and res.summary["Làm kiểm tra cuối khoá"] == 0:
        raise AssessmentError(f"Sổ điểm chưa có bài kiểm tra đầu khoá hay cuối khoá nào của lớp «{class_id}».",
                              hint=f"Chấm bài trước: `khoahoc grade {PRE}` và `khoahoc grade {POST}`.")
    ev = summarise(evaluation_dir(root), class_id)
    unassigned = evaluation_dir(root) / "chung"
    if class_id != "chung" and unassigned.is_dir() and any(unassigned.glob("*.json")):
        res.notes.append(f"Có {len(list(unassigned.glob('*.json')))} phiếu đánh giá chưa gắn lớp (thư mục "
                         f"{unassigned}): đặt COURSE_CLASS cho học viên để phiếu vào đúng lớp.")
    out = res.info.output_dir(OUT_DIR)
    grades = grades_table(res, detail)
    paths = []
    for name, frame in (("ket_qua_hoc_vien.csv", grades), ("tien_bo_theo_cau.csv", res.questions),
                        ("moodle_diem.csv", moodle_table(res, detail))):
        target = out / name
        frame.to_csv(target, index=False, encoding="utf-8" if name.startswith("moodle") else "utf-8-sig")
        paths.append(target)
    paths.append(write_excel(out / f"{STEM}.xlsx", res, grades, ev))
    paths.append(write_pdf(out / f"{STEM}.pdf", res, ev, today))
    return ReportFiles(paths, time.perf_counter() - started)
