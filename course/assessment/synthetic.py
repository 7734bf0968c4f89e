"""Synthetic classes for tests and `benchmarks/certificates.py`: names with diacritics, rosters,
test submissions answered with a chosen ability, anonymous evaluation forms.

The right answers are read from the instructor-side nbgrader source (its hidden tests), the
same place the autograder takes them from; nothing here knows the key by itself.
"""

from __future__ import annotations

import ast
import json
import random
import re
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from course.assessment.classes import ROSTER_FILE, SETTINGS_FILE, class_folder
from course.assessment.evaluation import PACE, make_record, submit
from course.assessment.questions import MODULES, NOTEBOOK, QUESTIONS, TESTS
from course.widgets.store import DEFAULT_FILE

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Lò", "Cầm", "Hà", "Sùng", "Quàng")
MIDDLE = ("Văn", "Thị", "Đức", "Thị Thu", "Minh", "Ngọc", "Hữu", "Thị Hồng", "Quốc", "Xuân")
GIVEN = ("An", "Bình", "Châu", "Dũng", "Giang", "Hằng", "Khánh", "Lượng", "Mười", "Nguyệt", "Phượng", "Quỳnh",
         "Sơn", "Thuỷ", "Tuyết", "Ước", "Việt", "Yến", "Ánh", "Đạt")
UNITS = ("Văn phòng HĐND và UBND", "Phòng Kinh tế", "Phòng Văn hoá - Xã hội", "Trung tâm Phục vụ hành chính công",
         "Công an phường", "Tổ dân phố 3")
_HIDDEN = re.compile(r'tra_loi\["(q\d+)"\] == (.+?), "')


def learner_name(i: int) -> str:
    """A Vietnamese full name with diacritics, different for the first thousands of i."""
    return f"{FAMILY[i % len(FAMILY)]} {MIDDLE[(i // 3) % len(MIDDLE)]} {GIVEN[(i * 7) % len(GIVEN)]}"


def key_from_source(root: Path, assignment: str) -> dict[str, str]:
    """{question id: right option} read from the hidden tests of the nbgrader source."""
    import nbformat

    nb = nbformat.read(Path(root) / "source" / assignment / f"{NOTEBOOK}.ipynb", as_version=4)
    key = {}
    for cell in nb.cells:
        for qid, literal in _HIDDEN.findall(cell.source):
            key[qid] = ast.literal_eval(literal)
    return key


def make_class(root: Path, class_id: str, n: int, assignments: tuple[str, ...] = (), start: date = date(2026, 11, 2),
               names: list[str] | None = None) -> Path:
    """Write `lop/<class_id>/lop.toml` and a roster of `n` learners `hv001`... (or the given names)."""
    folder = class_folder(root, class_id)
    folder.mkdir(parents=True, exist_ok=True)
    listed = ", ".join(f'"{a}"' for a in assignments)
    (folder / SETTINGS_FILE).write_text(
        f'ten_lop = "Lớp {class_id}"\nco_quan_chu_quan = "UBND tỉnh Sơn La"\ndon_vi = "UBND phường Mộc Châu"\n'
        f'dia_danh = "Mộc Châu"\ntu_ngay = {start.isoformat()}\nden_ngay = {(start + timedelta(days=4)).isoformat()}\n'
        f'nguoi_ky = "Nguyễn Văn Hùng"\nchuc_vu = "Chủ tịch"\nbai_tap = [{listed}]\n\n'
        '[tieu_chi]\nnop_du_bai_tap = true\ndiem_cuoi_khoa_toi_thieu = 60\n', encoding="utf-8")
    rows = [{"ma_hoc_vien": f"hv{i:03d}", "ho_ten": (names[i - 1] if names else learner_name(i)),
             "don_vi": UNITS[i % len(UNITS)]} for i in range(1, n + 1)]
    pd.DataFrame(rows).to_csv(folder / ROSTER_FILE, index=False, encoding="utf-8-sig")
    return folder


def answers_with_ability(key: dict[str, str], ability: float, rng: random.Random) -> dict[str, str]:
    """Answers in the saved format (`kt_q01`: option text): right with probability `ability`."""
    answers = {}
    for q in QUESTIONS:
        right = key[q.qid]
        wrong = [o for o in q.options if o != right]
        answers[q.variable] = right if rng.random() < ability else rng.choice(wrong)
    return answers


def submit_test(root: Path, learner: str, test: str, answers: dict[str, str]) -> Path:
    """Put a test submission (the released notebook + the answer file) in `submitted/`."""
    import nbformat

    from course.grading.synthetic import write_submission

    assignment = TESTS[test][0]
    release = nbformat.read(Path(root) / "release" / assignment / f"{NOTEBOOK}.ipynb", as_version=4)
    data = json.dumps(answers, ensure_ascii=False, indent=1).encode("utf-8")
    return write_submission(root, learner, assignment, release, notebook=NOTEBOOK,
                            extra={DEFAULT_FILE: data})


def evaluation_forms(folder: Path, class_id: str, n: int, rng: random.Random) -> list[Path]:
    """`n` anonymous forms with varied answers."""
    paths = []
    ideas = ("Thêm bài thực hành soạn báo cáo tháng", "Thêm thời gian luyện tra cứu luật đất đai",
             "Hướng dẫn dùng AI trên điện thoại", "")
    for i in range(n):
        useful = {m: rng.randint(3, 5) for m in MODULES}
        record = make_record(useful, rng.choice(PACE[1:4]), ideas[i % len(ideas)],
                             "Khoá học rất bổ ích & thiết thực" if i % 5 == 0 else "", class_id)
        paths.append(submit(record, f"phieu{i:04d}", folder))
    return paths


def synthetic_detail(ids: list[str], key_ok: float = 0.5, gain: float = 0.5, seed: int = 1,
                     assignments: tuple[str, ...] = ()) -> pd.DataFrame:
    """A gradebook-like long table (as `course.grading.export.collect` returns) without nbgrader:
    for figures and benchmarks that do not exercise grading itself. Each learner answers right with
    a probability around `key_ok` before the course and closes a share `gain` of the gap after it."""
    rng = random.Random(seed)
    rows = []
    for learner in ids:
        ability = rng.uniform(0.2, 0.8) * key_ok * 2
        for test, p in (("dau_khoa", ability), ("cuoi_khoa", ability + (1 - ability) * gain)):
            for q in QUESTIONS:
                rows.append({"Học viên": learner, "Bài": TESTS[test][0], "Câu": q.grade_id,
                             "Điểm": float(rng.random() < min(p, 1.0)), "Điểm tối đa": 1.0})
        for a in assignments:
            rows.append({"Học viên": learner, "Bài": a, "Câu": "kiem_tra_cau1", "Điểm": float(rng.randint(0, 2)),
                         "Điểm tối đa": 2.0})
    return pd.DataFrame(rows, columns=["Học viên", "Bài", "Câu", "Điểm", "Điểm tối đa"])
