"""«Giấy chứng nhận hoàn thành»: one PDF per learner who meets the class's criteria, and verification.

Each certificate has a serial number (`012/GCN-K1`, stable: a learner keeps theirs when the batch is
re-run) and a verification code, an HMAC-SHA256 of the certificate's fields under the instructor's
secret. The secret comes from `COURSE_CERT_SECRET` or a file created once in the course cache
(`<cache>/chung_nhan/khoa_bi_mat`, readable by its owner only); it never appears in any output.
The register `lop/<LOP>/giay_chung_nhan/so_dang_ky.csv` lists what was issued; `verify` looks the
code up there and recomputes it, so an edited register line does not verify.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import hmac
import os
import re
import secrets
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from course.assessment.classes import CLASS_DIR, AssessmentError, ClassInfo
from course.assessment.pdf import clean_name, draw_title_block, fit_size, missing_glyphs, register_fonts
from course.text import squash

OUT_DIR = "giay_chung_nhan"
REGISTER = "so_dang_ky.csv"
SECRET_ENV = "COURSE_CERT_SECRET"
FIELDS = ("so_hieu", "ma_xac_minh", "ma_hoc_vien", "ho_ten", "don_vi", "lop", "ngay_cap")


@dataclass(frozen=True)
class Certificate:
    """The fields printed on (and signed for) one certificate."""

    so_hieu: str
    ma_xac_minh: str
    ma_hoc_vien: str
    ho_ten: str
    don_vi: str
    lop: str
    ngay_cap: str  # ISO date


def secret_key() -> bytes:
    """The instructor's HMAC secret (created on first use in the course cache, mode 0600)."""
    from course.config import load_settings

    if load_settings().cert_secret:
        return load_settings().cert_secret.encode("utf-8")

    path = load_settings().cache_dir / "chung_nhan" / "khoa_bi_mat"
    try:
        if not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="ascii") as fh:
                fh.write(secrets.token_hex(32))
        key = path.read_text(encoding="ascii").strip()
    except FileExistsError:
        key = path.read_text(encoding="ascii").strip()
    except OSError as err:
        raise AssessmentError("Không tạo hoặc đọc được khoá bí mật để ký giấy chứng nhận.",
                              hint=f"Kiểm tra quyền ghi thư mục bộ nhớ đệm, hoặc đặt biến {SECRET_ENV}.") from err
    if len(key) < 32:
        raise AssessmentError("Khoá bí mật ký giấy chứng nhận quá ngắn hoặc bị hỏng.",
                              hint=f"Xoá tệp {path.name} trong thư mục bộ nhớ đệm để tạo khoá mới (giấy đã cấp "
                                   "sẽ phải cấp lại), hoặc đặt biến " + SECRET_ENV + ".")
    return key.encode("ascii")


def sign(serial: str, learner_id: str, name: str, unit: str, class_id: str, issued: str, key: bytes) -> str:
    """Verification code: 16 base32 characters of an HMAC-SHA256, grouped by four."""
    message = "\x1f".join(squash(x) for x in (serial, learner_id, name, unit, class_id, issued)).encode("utf-8")
    digest = hmac.new(key, message, hashlib.sha256).digest()
    code = base64.b32encode(digest[:10]).decode("ascii")
    return "-".join(code[i:i + 4] for i in range(0, 16, 4))


def normalise_code(code: str) -> str:
    """'abcd efgh-ijkl mnop' → 'ABCD-EFGH-IJKL-MNOP' (or '' when it cannot be a code)."""
    raw = re.sub(r"[\s\-–.]", "", code or "").upper()
    if not re.fullmatch(r"[A-Z2-7]{16}", raw):
        return ""
    return "-".join(raw[i:i + 4] for i in range(0, 16, 4))


def read_register(path: Path) -> list[Certificate]:
    """Certificates already issued for a class (empty when none)."""
    if not path.is_file():
        return []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [Certificate(**{k: row.get(k, "") or "" for k in FIELDS}) for row in csv.DictReader(fh)]


def _write_register(path: Path, certs: list[Certificate]) -> None:
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS)
        writer.writeheader()
        for cert in certs:
            writer.writerow(asdict(cert))
    os.replace(tmp, path)


def safe_filename(serial: str, learner_id: str) -> str:
    """A file name from the serial and the learner id (ASCII letters, digits, - and _ only)."""
    number = serial.split("/", 1)[0]
    tail = re.sub(r"[^A-Za-z0-9_-]+", "_", learner_id).strip("_") or "hoc_vien"
    return f"GCN_{number}_{tail[:40]}.pdf"


# ------------------------------------------------------------------ drawing
def draw_certificate(path: Path, cert: Certificate, info: dict) -> None:
    """Write one A4 landscape certificate."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    from course.documents.model import format_date, format_date_line

    register_fonts()
    width, height = landscape(A4)
    c = Canvas(str(path), pagesize=(width, height), pageCompression=1, initialFontName="KH-Serif")
    c.setTitle(f"Giấy chứng nhận {cert.so_hieu}")
    c.setAuthor(info["organiser"])
    c.setSubject("Giấy chứng nhận hoàn thành khoá học")
    # frame
    c.setStrokeColorRGB(0.55, 0.1, 0.1)
    c.setLineWidth(3)
    c.rect(22, 22, width - 44, height - 44)
    c.setLineWidth(0.8)
    c.rect(30, 30, width - 60, height - 60)
    c.setStrokeColorRGB(0, 0, 0)
    y = draw_title_block(c, [info["parent_body"], info["organiser"]], height - 70, 190, width - 230)
    mid = width / 2
    c.setFillColorRGB(0.55, 0.1, 0.1)
    c.setFont("KH-Serif-Bold", 34)
    c.drawCentredString(mid, y - 50, "GIẤY CHỨNG NHẬN")
    c.setFont("KH-Serif-Bold", 17)
    c.drawCentredString(mid, y - 76, "HOÀN THÀNH KHOÁ HỌC")
    c.setFillColorRGB(0, 0, 0)
    c.setFont("KH-Serif", 15)
    c.drawCentredString(mid, y - 110, "Chứng nhận Ông/Bà:")
    size = fit_size(cert.ho_ten, "KH-Serif-Bold", 26, width - 160, 12)
    c.setFont("KH-Serif-Bold", size)
    c.setFillColorRGB(0.05, 0.2, 0.5)
    c.drawCentredString(mid, y - 145, cert.ho_ten)
    c.setFillColorRGB(0, 0, 0)
    line_y = y - 172
    if cert.don_vi:
        text = f"Đơn vị công tác: {cert.don_vi}"
        c.setFont("KH-Serif", fit_size(text, "KH-Serif", 14, width - 160))
        c.drawCentredString(mid, line_y, text)
        line_y -= 22
    course = f"Đã hoàn thành khoá tập huấn «{info['course_name']}»"
    c.setFont("KH-Serif", fit_size(course, "KH-Serif", 14, width - 160))
    c.drawCentredString(mid, line_y, course)
    line_y -= 20
    period = f"từ {format_date(info['start'])} đến {format_date(info['end'])}, gồm các học phần:"
    c.setFont("KH-Serif-Italic", 13)
    c.drawCentredString(mid, line_y, period)
    line_y -= 19
    c.setFont("KH-Serif", 11.5)
    items = [f"{i}. {text}" for i, text in enumerate(info["content"], start=1)]
    from reportlab.pdfbase.pdfmetrics import stringWidth

    column = max(stringWidth(t, "KH-Serif", 11.5) for t in items) if items else 0
    for text in items[:8]:
        c.drawString(max(60, mid - column / 2), line_y, text)
        line_y -= 16
    # signature (right) and identification (left)
    sig_x = width - 220
    c.setFont("KH-Serif-Italic", 13)
    c.drawCentredString(sig_x, 150, format_date_line(info["place"], date.fromisoformat(cert.ngay_cap)))
    c.setFont("KH-Serif-Bold", 13)
    if info["signer_title"]:
        c.drawCentredString(sig_x, 132, info["signer_title"].upper())
    if info["signer"]:
        c.drawCentredString(sig_x, 62, info["signer"])
    c.setFont("KH-Serif", 11)
    c.drawString(60, 92, f"Số: {cert.so_hieu}")
    c.drawString(60, 76, f"Mã xác minh: {cert.ma_xac_minh}")
    c.setFont("KH-Serif-Italic", 9)
    c.drawString(60, 60, f"Xác minh: khoahoc certificates verify {cert.ma_xac_minh}")
    c.showPage()
    c.save()


def _draw_batch(jobs: list[tuple[str, dict, dict]]) -> int:
    for path, cert, info in jobs:
        draw_certificate(Path(path), Certificate(**cert), info)
    return len(jobs)


@dataclass
class IssueSummary:
    """Outcome of a batch."""

    issued: list[Certificate]
    skipped: dict[str, str]  # learner id -> Vietnamese reason
    folder: Path
    seconds: float

    def line(self) -> str:
        return (f"Đã tạo {len(self.issued)} giấy chứng nhận trong {self.folder} ({self.seconds:.1f} giây); "
                f"{len(self.skipped)} học viên chưa được cấp.")


def _info_dict(info: ClassInfo) -> dict:
    return {"organiser": info.organiser, "parent_body": info.parent_body,
            "course_name": info.course_name, "start": info.start, "end": info.end, "content": list(info.content),
            "place": info.place, "signer": info.signer, "signer_title": info.signer_title}


def issue(results, workers: int | None = None, issued_on: date | None = None) -> IssueSummary:
    """Certificates for every eligible learner of `results` (a `ClassResults`), in parallel."""
    started = time.perf_counter()
    info: ClassInfo = results.info
    register_fonts()
    key = secret_key()
    folder = info.output_dir(OUT_DIR)
    register_path = folder / REGISTER
    existing = {c.ma_hoc_vien: c for c in read_register(register_path)}
    next_number = 1 + max((int(c.so_hieu.split("/")[0]) for c in existing.values()
                           if c.so_hieu.split("/")[0].isdigit()), default=0)
    issued_iso = (issued_on or info.end).isoformat()
    skipped: dict[str, str] = {}
    issued: list[Certificate] = []
    for row in results.learners.to_dict("records"):
        learner_id = row["Mã học viên"]
        if not row["Đủ điều kiện cấp giấy"]:
            skipped[learner_id] = row["Ghi chú"]
            continue
        name, unit = clean_name(row["Họ và tên"]), clean_name(row["Đơn vị"] or "")
        bad = missing_glyphs(name + unit)
        if bad or not name:
            skipped[learner_id] = ("họ tên có ký tự không in được: " + " ".join(bad) if bad else "họ tên trống") + \
                " — hãy sửa danh sách hoc_vien.csv"
            continue
        old = existing.get(learner_id)
        serial = old.so_hieu if old else f"{next_number:03d}/GCN-{info.class_id}"
        if not old:
            next_number += 1
        code = sign(serial, learner_id, name, unit, info.class_id, issued_iso, key)
        issued.append(Certificate(serial, code, learner_id, name, unit, info.class_id, issued_iso))
    # keep register lines of learners not re-issued this time (nothing issued is ever forgotten)
    kept = [c for lid, c in existing.items() if lid not in {c2.ma_hoc_vien for c2 in issued}]
    info_d = _info_dict(info)
    jobs = [(str(folder / safe_filename(c.so_hieu, c.ma_hoc_vien)), asdict(c), info_d) for c in issued]
    # one process draws ~100 certificates a second; more processes pay off only for large batches
    # on an otherwise idle machine (benchmarks/certificates.py)
    workers = workers or 1
    if workers > 1 and len(jobs) >= 40:
        chunks = [jobs[i::workers] for i in range(workers)]
        with ProcessPoolExecutor(max_workers=workers) as pool:
            list(pool.map(_draw_batch, chunks))
    else:
        _draw_batch(jobs)
    _write_register(register_path, sorted(kept + issued, key=lambda c: c.so_hieu))
    return IssueSummary(issued, skipped, folder, time.perf_counter() - started)


@dataclass
class Verification:
    """Result of checking a code."""

    valid: bool
    message: str
    certificate: Certificate | None = None


def verify(code: str, root: Path) -> Verification:
    """Look `code` up in every class register under `<root>/lop/` and recompute it."""
    wanted = normalise_code(code)
    if not wanted:
        return Verification(False, "Mã xác minh không đúng dạng (16 ký tự chữ và số, ví dụ ABCD-EFGH-IJKL-MNOP).")
    key = secret_key()
    for register_path in sorted((Path(root) / CLASS_DIR).glob(f"*/{OUT_DIR}/{REGISTER}")):
        for cert in read_register(register_path):
            if cert.ma_xac_minh != wanted:
                continue
            expected = sign(cert.so_hieu, cert.ma_hoc_vien, cert.ho_ten, cert.don_vi, cert.lop, cert.ngay_cap, key)
            if hmac.compare_digest(expected, wanted):
                from course.documents.model import format_date

                when = format_date(date.fromisoformat(cert.ngay_cap))
                return Verification(True, f"Hợp lệ: giấy chứng nhận số {cert.so_hieu} cấp cho {cert.ho_ten}"
                                          f"{' (' + cert.don_vi + ')' if cert.don_vi else ''}, lớp {cert.lop}, "
                                          f"{when}.", cert)
            return Verification(False, "Không hợp lệ: thông tin trong sổ đăng ký không khớp với mã xác minh "
                                       "(sổ có thể đã bị sửa).")
    return Verification(False, "Không hợp lệ: không có giấy chứng nhận nào mang mã này.")
