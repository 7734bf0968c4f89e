"""Learning gain of a class: pre-test and post-test scores from the nbgrader gradebook.

Normalised gain g = (post − pre) / (max − pre), with scores in percent (max = 100). It is undefined
when pre = 100 % (nothing left to gain) or when a test is missing; such learners get an explanation
instead of a number. The class figure is the mean of the learners' g (those with a defined g);
the gain of the class means, (mean post − mean pre) / (100 − mean pre), is given beside it.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from course.assessment.classes import ClassInfo
from course.assessment.questions import BY_GRADE_ID, MODULES, QUESTIONS, TESTS
from course.catalogue import module as catalogue_module
from course.catalogue import read_ids
from course.widgets.store import DEFAULT_FILE

PRE, POST = TESTS["dau_khoa"][0], TESTS["cuoi_khoa"][0]
NO_PRE = "chưa làm kiểm tra đầu khoá"
NO_POST = "chưa làm kiểm tra cuối khoá"
AT_MAX = "đầu khoá đã đạt tối đa nên không tính được chỉ số tiến bộ"
MODULE_COLUMN = {m: f"CĐ {catalogue_module(m).number}" for m in MODULES}  # module id -> "CĐ 1", the per-learner column prefix


def normalised_gain(pre: float | None, post: float | None, maximum: float = 100.0) -> float | None:
    """(post − pre) / (max − pre), or None when a score is missing or pre == max."""
    if pre is None or post is None or _nan(pre) or _nan(post) or pre >= maximum:
        return None
    return (post - pre) / (maximum - pre)


def _nan(x: float) -> bool:
    return isinstance(x, float) and math.isnan(x)


def assessment_rows(detail: pd.DataFrame) -> pd.DataFrame:
    """Gradebook rows of the two tests whose question is in the bank, with a 'Câu hỏi' id and module."""
    part = detail[detail["Bài"].isin([PRE, POST]) & detail["Câu"].isin(list(BY_GRADE_ID))].copy()
    part["qid"] = part["Câu"].map(lambda g: BY_GRADE_ID[g].qid)
    part["module"] = part["Câu"].map(lambda g: BY_GRADE_ID[g].module)
    part["đúng"] = (part["Điểm"] >= part["Điểm tối đa"]) & (part["Điểm tối đa"] > 0)
    return part


def assignment_presence(root: Path, detail: pd.DataFrame, ids: list[str], assignments: tuple[str, ...]) -> pd.DataFrame:
    """learner × assignment: True when the learner submitted it (gradebook or `submitted/` folder)."""
    graded = set(zip(detail["Học viên"], detail["Bài"], strict=True))
    table = {a: [((x, a) in graded) or any((Path(root) / "submitted" / x / name).is_dir() for name in read_ids(a))
                 for x in ids] for a in assignments}
    return pd.DataFrame(table, index=ids)


@dataclass
class ClassResults:
    """Everything the report, the exports and the certificates need."""

    info: ClassInfo
    learners: pd.DataFrame  # one row per roster learner
    modules: pd.DataFrame  # one row per module
    questions: pd.DataFrame  # one row per question
    summary: dict[str, object]
    notes: list[str] = field(default_factory=list)

    def eligible(self) -> pd.DataFrame:
        return self.learners[self.learners["Đủ điều kiện cấp giấy"]]


def _pct(rows: pd.DataFrame) -> pd.Series:
    by = rows.groupby("Học viên")[["Điểm", "Điểm tối đa"]].sum()
    return 100 * by["Điểm"] / by["Điểm tối đa"].where(by["Điểm tối đa"] > 0)


def _pct_by_module(rows: pd.DataFrame) -> dict[tuple[str, str], float]:
    by = rows.groupby(["Học viên", "module"])[["Điểm", "Điểm tối đa"]].sum()
    pct = 100 * by["Điểm"] / by["Điểm tối đa"].where(by["Điểm tối đa"] > 0)
    return pct.to_dict()


def chosen_options(root: Path, assignment: str, ids: list[str]) -> dict[tuple[str, str], str]:
    """{(learner, question id): option chosen} from the answer files of graded submissions."""
    import json

    found: dict[tuple[str, str], str] = {}
    for learner in ids:
        for kind in ("autograded", "submitted"):
            path = Path(root) / kind / learner / assignment / DEFAULT_FILE
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if isinstance(data, dict):
                for q in QUESTIONS:
                    value = data.get(q.variable)
                    if isinstance(value, str) and value in q.options:
                        found[(learner, q.qid)] = value
            break
    return found


def compute(info: ClassInfo, detail: pd.DataFrame, root: Path) -> ClassResults:
    """Per learner, per module and per question results of a class."""
    ids = info.ids
    chosen = chosen_options(root, POST, ids)
    rows = assessment_rows(detail)
    rows = rows[rows["Học viên"].isin(ids)]
    pre_rows, post_rows = rows[rows["Bài"] == PRE], rows[rows["Bài"] == POST]
    pre, post = _pct(pre_rows), _pct(post_rows)
    pre_mod, post_mod = _pct_by_module(pre_rows), _pct_by_module(post_rows)
    presence = assignment_presence(root, detail, ids, info.assignments)
    table = []
    for x in info.learners:
        raw_p, raw_q = pre.get(x.learner_id), post.get(x.learner_id)
        g = normalised_gain(raw_p, raw_q)
        p, q = _round(raw_p, 1), _round(raw_q, 1)
        why = [NO_PRE] if p is None else []
        why += [NO_POST] if q is None else []
        if p is not None and q is not None and g is None:
            why.append(AT_MAX)
        submitted = int(presence.loc[x.learner_id].sum()) if info.assignments else 0
        ok_assign = (submitted == len(info.assignments)) or not info.criteria.all_assignments
        ok_post = q is not None and q >= info.criteria.post_min_percent
        missing = []
        if not ok_assign:
            missing.append(f"mới nộp {submitted}/{len(info.assignments)} bài tập")
        if not ok_post:
            missing.append("chưa có điểm cuối khoá" if q is None else
                           f"cuối khoá {q:g} % < {info.criteria.post_min_percent:g} %")
        row = {"Mã học viên": x.learner_id, "Họ và tên": x.name, "Đơn vị": x.unit,
               "Đầu khoá (%)": p, "Cuối khoá (%)": q, "Chỉ số tiến bộ g": None if g is None else round(g, 3),
               "Số bài tập đã nộp": submitted, "Đủ điều kiện cấp giấy": ok_assign and ok_post,
               "Ghi chú": "; ".join(why + ([] if ok_assign and ok_post else ["chưa đủ điều kiện: " + ", ".join(missing)]))}
        for module in MODULES:
            mp, mq = pre_mod.get((x.learner_id, module)), post_mod.get((x.learner_id, module))
            row[f"{MODULE_COLUMN[module]} đầu khoá (%)"] = _round(mp, 1)
            row[f"{MODULE_COLUMN[module]} cuối khoá (%)"] = _round(mq, 1)
            row[f"{MODULE_COLUMN[module]} g"] = _round(normalised_gain(mp, mq))
        table.append(row)
    learners = pd.DataFrame(table)
    both = learners.dropna(subset=["Đầu khoá (%)", "Cuối khoá (%)"])
    gains = learners["Chỉ số tiến bộ g"].dropna()
    mean_pre = float(both["Đầu khoá (%)"].mean()) if len(both) else None
    mean_post = float(both["Cuối khoá (%)"].mean()) if len(both) else None
    summary: dict[str, object] = {
        "Số học viên trong danh sách": len(ids),
        "Làm kiểm tra đầu khoá": int(learners["Đầu khoá (%)"].notna().sum()),
        "Làm kiểm tra cuối khoá": int(learners["Cuối khoá (%)"].notna().sum()),
        "Làm cả hai bài kiểm tra": len(both),
        "Điểm đầu khoá trung bình (%)": None if mean_pre is None else round(mean_pre, 1),
        "Điểm cuối khoá trung bình (%)": None if mean_post is None else round(mean_post, 1),
        "Chỉ số tiến bộ g trung bình": round(float(gains.mean()), 3) if len(gains) else None,
        "Số học viên tính được g": len(gains),
        "g của điểm trung bình cả lớp": (None if mean_pre is None else
                                          _round(normalised_gain(mean_pre, mean_post))),
        "Đủ điều kiện cấp giấy chứng nhận": int(learners["Đủ điều kiện cấp giấy"].sum()),
    }
    modules = []
    for module, label in MODULES.items():
        a = _pct(pre_rows[pre_rows["module"] == module])
        b = _pct(post_rows[post_rows["module"] == module])
        common = a.index.intersection(b.index)
        mp = float(a[common].mean()) if len(common) else None
        mq = float(b[common].mean()) if len(common) else None
        modules.append({"Học phần": label, "Số câu": sum(q.module == module for q in QUESTIONS),
                        "Đầu khoá (%)": _round(mp, 1), "Cuối khoá (%)": _round(mq, 1),
                        "g của điểm trung bình": _round(normalised_gain(mp, mq))})
    questions = []
    for q in QUESTIONS:
        a = pre_rows[pre_rows["qid"] == q.qid]
        b = post_rows[post_rows["qid"] == q.qid]
        ra = round(100 * a["đúng"].mean(), 1) if len(a) else None
        rb = round(100 * b["đúng"].mean(), 1) if len(b) else None
        wrong_choices = Counter(chosen.get((x, q.qid)) for x in b.loc[~b["đúng"], "Học viên"]
                                if chosen.get((x, q.qid)))
        common = wrong_choices.most_common(1)
        questions.append({"Câu": q.qid, "Học phần": q.module, "Nội dung": q.text,
                          "Đúng đầu khoá (%)": ra, "Đúng cuối khoá (%)": rb,
                          "Thay đổi (điểm %)": None if ra is None or rb is None else round(rb - ra, 1),
                          "Số người còn sai cuối khoá": int((~b["đúng"]).sum()) if len(b) else None,
                          "Đáp án sai hay chọn nhất (cuối khoá)": f"{common[0][0]} ({common[0][1]} người)" if common
                          else ""})
    qtable = pd.DataFrame(questions).sort_values("Đúng cuối khoá (%)", na_position="last", kind="stable")
    notes = []
    outsiders = sorted(set(detail.loc[detail["Bài"].isin([PRE, POST]), "Học viên"]) - set(ids))
    if outsiders:
        notes.append(f"{len(outsiders)} người có bài kiểm tra trong sổ điểm nhưng không có trong danh sách lớp "
                     "(không tính vào báo cáo này).")
    for reason in (NO_PRE, NO_POST):
        n = int(learners["Ghi chú"].str.contains(reason, regex=False).sum())
        if n:
            notes.append(f"{n} học viên {reason}: không tính được chỉ số tiến bộ của họ.")
    n = int(learners["Ghi chú"].str.contains(AT_MAX, regex=False).sum())
    if n:
        notes.append(f"{n} học viên đạt 100 % ở đầu khoá: chỉ số tiến bộ không xác định (mẫu số bằng 0).")
    return ClassResults(info, learners, pd.DataFrame(modules), qtable.reset_index(drop=True), summary, notes)


def _round(x: float | None, digits: int = 3) -> float | None:
    return None if x is None or _nan(x) else round(float(x), digits)


def class_results(root: Path, class_id: str) -> ClassResults:
    """Load the class and its gradebook results."""
    from course.assessment.classes import load_class
    from course.grading.coursedir import ensure_tools_on_path
    from course.grading.export import collect

    info = load_class(root, class_id)
    ensure_tools_on_path()  # a new SQLite gradebook is created through alembic
    return compute(info, collect(root), root)
