"""A class ("lớp"): its settings and its roster, kept by the instructor under `<course root>/lop/<LOP>/`.

- `lop.toml`: course name, organising unit, place, dates, signer, certificate criteria;
- `hoc_vien.csv`: one row per learner — `ma_hoc_vien` (the nbgrader student id), `ho_ten`, `don_vi`.

These files hold personal data: they stay on the instructor's machine (`grading/.gitignore` keeps
them out of git) and nothing here sends them anywhere.
"""

from __future__ import annotations

import csv
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from course.errors import CourseError
from course.text import squash

CLASS_DIR = "lop"
SETTINGS_FILE = "lop.toml"
ROSTER_FILE = "hoc_vien.csv"
COURSE_NAME = "AI cho cán bộ cơ sở"
CONTENT = (
    "Tổng quan về AI và ứng dụng trong đời sống, hành chính",
    "ChatGPT, Gemini hỗ trợ soạn thảo, tra cứu, truyền thông",
    "Chuyển giọng nói thành văn bản",
    "Tra cứu văn bản pháp luật bằng AI",
)
_CLASS_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
MAX_CLASS = 2000


class AssessmentError(CourseError):
    """A problem with a class's files or results that the instructor can fix."""


@dataclass(frozen=True)
class Learner:
    """One learner of the roster."""

    learner_id: str
    name: str
    unit: str = ""


@dataclass(frozen=True)
class Criteria:
    """What a learner needs for a certificate."""

    all_assignments: bool = True
    post_min_percent: float = 60.0


@dataclass
class ClassInfo:
    """A class: settings and roster."""

    class_id: str
    folder: Path
    title: str
    organiser: str
    parent_body: str
    place: str
    start: date
    end: date
    signer: str
    signer_title: str
    course_name: str = COURSE_NAME
    content: tuple[str, ...] = CONTENT
    assignments: tuple[str, ...] = ()
    criteria: Criteria = field(default_factory=Criteria)
    named_in_pdf: bool = False
    learners: list[Learner] = field(default_factory=list)

    @property
    def ids(self) -> list[str]:
        return [x.learner_id for x in self.learners]

    def output_dir(self, name: str) -> Path:
        path = self.folder / name
        path.mkdir(parents=True, exist_ok=True)
        return path


def class_folder(root: Path, class_id: str) -> Path:
    """`<root>/lop/<class_id>`, after checking the class id is a plain name."""
    if not _CLASS_ID.match(class_id or ""):
        raise AssessmentError(f"Tên lớp «{class_id}» không hợp lệ.",
                              hint="Dùng chữ không dấu, số, dấu gạch (-, _), ví dụ «K1-2026».")
    return Path(root) / CLASS_DIR / class_id


def _date(value: object, key: str, path: Path) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise AssessmentError(f"Ngày «{value}» ở mục {key} của {path.name} không đúng dạng.",
                              hint="Ghi theo dạng năm-tháng-ngày, ví dụ 2026-11-02.") from None


def read_roster(path: Path) -> list[Learner]:
    """The roster CSV (UTF-8, with or without BOM; comma or semicolon), checked for duplicates."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise AssessmentError(f"Chưa có danh sách học viên {path}.",
                              hint="Tạo tệp CSV với các cột ma_hoc_vien, ho_ten, don_vi.") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise AssessmentError(f"Tệp {path.name} không phải UTF-8.",
                              hint="Trong Excel chọn «Lưu thành» → «CSV UTF-8 (phân tách bằng dấu phẩy)».") from None
    header = text.splitlines()[0] if text.strip() else ""
    delimiter = max(",;\t", key=header.count) if header else ","
    rows = list(csv.DictReader(text.splitlines(), delimiter=delimiter))
    if not rows or "ma_hoc_vien" not in rows[0] or "ho_ten" not in rows[0]:
        raise AssessmentError(f"Danh sách {path.name} trống hoặc thiếu cột ma_hoc_vien / ho_ten.",
                              hint="Dòng đầu của tệp phải là: ma_hoc_vien,ho_ten,don_vi")
    if len(rows) > MAX_CLASS:
        raise AssessmentError(f"Danh sách có {len(rows)} học viên, quá giới hạn {MAX_CLASS} của một lớp.",
                              hint="Hãy chia thành nhiều lớp.")
    learners, seen, dupes, blank = [], set(), [], []
    for number, row in enumerate(rows, start=2):
        learner_id = (row.get("ma_hoc_vien") or "").strip()
        name = squash(row.get("ho_ten") or "")
        if not learner_id or not name:
            blank.append(str(number))
            continue
        if learner_id in seen:
            dupes.append(learner_id)
            continue
        seen.add(learner_id)
        learners.append(Learner(learner_id, name, squash(row.get("don_vi") or "")))
    if dupes:
        raise AssessmentError(f"Danh sách {path.name} có mã học viên bị trùng: {', '.join(sorted(set(dupes)))}.",
                              hint="Mỗi học viên chỉ được ghi một dòng; hãy xoá dòng trùng rồi chạy lại.")
    if blank:
        raise AssessmentError(f"Danh sách {path.name} có dòng thiếu mã hoặc họ tên (dòng {', '.join(blank)}).",
                              hint="Điền đủ hai cột ma_hoc_vien và ho_ten cho mỗi dòng.")
    return learners


def load_class(root: Path, class_id: str) -> ClassInfo:
    """Read `lop/<class_id>/lop.toml` and `hoc_vien.csv` with clear Vietnamese errors."""
    from course.catalogue import IDS, canonical

    folder = class_folder(root, class_id)
    settings_path = folder / SETTINGS_FILE
    if not settings_path.is_file():
        raise AssessmentError(f"Chưa có lớp «{class_id}»: không thấy {settings_path}.",
                              hint=f"Tạo thư mục lớp bằng lệnh `khoahoc new-class {class_id}` rồi điền thông tin.")
    try:
        data = tomllib.loads(settings_path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise AssessmentError(f"Tệp {settings_path.name} viết sai cú pháp: {err}.") from None
    missing = [k for k in ("ten_lop", "don_vi", "dia_danh", "tu_ngay", "den_ngay") if k not in data]
    if missing:
        raise AssessmentError(f"Tệp {settings_path.name} thiếu mục: {', '.join(missing)}.")
    criteria = data.get("tieu_chi", {})
    start, end = _date(data["tu_ngay"], "tu_ngay", settings_path), _date(data["den_ngay"], "den_ngay", settings_path)
    if end < start:
        raise AssessmentError("Ngày kết thúc (den_ngay) đứng trước ngày bắt đầu (tu_ngay).")
    # a lop.toml written before the rename may list legacy assignment ids: read as the modules' ids
    assignments = tuple(canonical(str(a)) for a in data.get("bai_tap") or [])
    assignments = assignments or tuple(a for a in IDS if (Path(root) / "source" / a).exists())
    return ClassInfo(
        class_id=class_id, folder=folder, title=squash(str(data["ten_lop"])), organiser=squash(str(data["don_vi"])),
        parent_body=squash(str(data.get("co_quan_chu_quan", ""))), place=squash(str(data["dia_danh"])),
        start=start, end=end, signer=squash(str(data.get("nguoi_ky", ""))),
        signer_title=squash(str(data.get("chuc_vu", ""))), course_name=squash(str(data.get("ten_khoa_hoc", COURSE_NAME))),
        content=tuple(squash(str(c)) for c in data.get("noi_dung", CONTENT)), assignments=assignments,
        criteria=Criteria(bool(criteria.get("nop_du_bai_tap", True)),
                          float(criteria.get("diem_cuoi_khoa_toi_thieu", 60))),
        named_in_pdf=bool(data.get("bao_cao_ghi_ten", False)),
        learners=read_roster(folder / ROSTER_FILE),
    )


TEMPLATE = """# Thông tin lớp «{class_id}» — sửa các dòng dưới đây rồi lưu (UTF-8).
ten_lop = "Lớp tập huấn «AI cho cán bộ cơ sở»"
co_quan_chu_quan = "UBND TỈNH ..."
don_vi = "UBND PHƯỜNG ..."
dia_danh = "..."
tu_ngay = {today}
den_ngay = {today}
nguoi_ky = ""
chuc_vu = "CHỦ TỊCH"
# true: báo cáo PDF có bảng điểm ghi tên từng học viên; false: chỉ số liệu chung của lớp
bao_cao_ghi_ten = false

[tieu_chi]
nop_du_bai_tap = true
diem_cuoi_khoa_toi_thieu = 60
"""


def create_class(root: Path, class_id: str) -> Path:
    """Create `lop/<class_id>/` with a settings template and an empty roster (never overwrites)."""
    folder = class_folder(root, class_id)
    folder.mkdir(parents=True, exist_ok=True)
    settings = folder / SETTINGS_FILE
    if not settings.exists():
        settings.write_text(TEMPLATE.format(class_id=class_id, today=date.today().isoformat()), encoding="utf-8")
    roster = folder / ROSTER_FILE
    if not roster.exists():
        roster.write_text("ma_hoc_vien,ho_ten,don_vi\n", encoding="utf-8-sig")
    return folder
