"""Import a legal document a ward downloaded (.txt, .docx, .html, .pdf with a text layer) and add
it to the searchable corpus; list and remove what was imported.

Imported documents are kept as JSON under `<cache_dir>/legal/imported/`, one file each, written
atomically: a failed import (unreadable file, scanned PDF, no "Điều" structure, a số hiệu already in
the corpus) raises a `CourseError` in Vietnamese and leaves every document imported before untouched.
The search index notices a new document and is rebuilt once; only its articles are embedded.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from course.errors import CourseError
from course.legal.metadata import CODES, EXPIRED, IN_FORCE, DocMeta, ward_metas
from course.legal.parser import parse_header, parse_structure, parse_vn_date
from course.legal.tree import Document
from course.text import fold, nfc

SUPPORTED = (".txt", ".docx", ".html", ".htm", ".pdf")
MIN_PDF_CHARS_PER_PAGE = 40  # fewer extracted characters than this per page: a scan without text layer


def imported_dir() -> Path:
    from course.config import load_settings

    return load_settings().cache_dir / "legal" / "imported"


def read_text(path: str | Path) -> str:
    """Plain text of a .txt, .docx or .html file (one paragraph per line, NFC)."""
    path = Path(path)
    if not path.is_file():
        raise CourseError(f"Không tìm thấy tệp «{path.name}».", hint="Kiểm tra lại đường dẫn và tên tệp.")
    ext = path.suffix.lower()
    if ext == ".txt":
        data = path.read_bytes()
        for enc in ("utf-8-sig", "utf-16", "cp1258"):
            try:
                text = data.decode(enc)
                break
            except UnicodeDecodeError:
                continue
        else:  # pragma: no cover - cp1258 decodes almost anything
            raise CourseError("Không đọc được bảng mã của tệp văn bản.", hint="Hãy lưu lại tệp dưới dạng UTF-8.")
    elif ext == ".docx":
        import docx

        try:
            document = docx.Document(str(path))
        except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds
            raise CourseError("Tệp .docx bị hỏng hoặc không phải Word.", hint="Mở và lưu lại bằng Word/LibreOffice.") from exc
        text = "\n".join(p.text for p in document.paragraphs)
    elif ext in (".html", ".htm"):
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(path.read_bytes(), "html.parser")
        for tag in soup(["script", "style", "nav", "header", "footer"]):
            tag.decompose()
        for br in soup.find_all("br"):
            br.replace_with("\n")
        text = soup.get_text("\n")
    elif ext == ".pdf":
        text = _pdf_text(path)
    else:
        raise CourseError(f"Không hỗ trợ định dạng «{ext or path.name}».",
                          hint="Hãy dùng tệp .txt, .docx, .html hoặc .pdf (bản có lớp chữ).")
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    text = "\n".join(re.sub(r"[ \t]+", " ", ln).strip() for ln in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def _pdf_text(path: Path) -> str:
    """The text layer of a PDF (pypdf), page after page; a clear error for a scan without one."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(str(path))
        encrypted = reader.is_encrypted
        pages = [] if encrypted else [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on a broken file
        raise CourseError("Tệp PDF bị hỏng hoặc không phải PDF.", hint="Tải lại tệp từ vbpl.vn.") from exc
    if encrypted:
        raise CourseError("Tệp PDF có mật khẩu, không đọc được nội dung.",
                          hint="Mở tệp bằng trình đọc PDF, bỏ mật khẩu rồi lưu lại.")
    if sum(len(p.strip()) for p in pages) < MIN_PDF_CHARS_PER_PAGE * max(1, len(pages)):
        raise CourseError("Tệp PDF này là bản chụp/quét, không có lớp chữ nên không đọc được nội dung.",
                          hint="Hãy tải bản .doc/.docx hoặc bản PDF có chữ từ vbpl.vn; bản quét phải nhận dạng "
                               "chữ (OCR) trước khi nhập.")
    return "\n".join(pages)


def parse_document(text: str, *, so_hieu: str = "", ten: str = "", tinh_trang: str = "",
                   ngay_hieu_luc: str = "") -> Document:
    """A `Document` from plain text; the header gives metadata, arguments override it."""
    h = parse_header(text)
    so_hieu = so_hieu or h.so_hieu
    if not so_hieu:
        raise CourseError("Không tìm thấy số hiệu văn bản (ví dụ «Số: 45/2019/QH14») ở phần đầu.",
                          hint="Hãy nhập số hiệu bằng tham số so_hieu=...")
    effective = parse_vn_date(ngay_hieu_luc) if ngay_hieu_luc else h.ngay_hieu_luc
    if not tinh_trang:
        tinh_trang = IN_FORCE if (effective is None or effective <= date.today()) else "Chưa có hiệu lực"
    meta = DocMeta(
        slug="nhap-" + re.sub(r"[^a-z0-9]+", "-", fold(so_hieu)).strip("-"),
        ten=ten or h.ten or so_hieu, ten_ngan=so_hieu, so_hieu=so_hieu, loai=h.loai, co_quan=h.co_quan,
        nguoi_ky="", ngay_ban_hanh=h.ngay_ban_hanh or date(1900, 1, 1), ngay_hieu_luc=effective or date(1900, 1, 1),
        tinh_trang=tinh_trang, ghi_chu="Văn bản do giảng viên nhập; kiểm tra lại trên vbpl.vn.",
        nguon="nhập từ tệp",
    )
    root = parse_structure(text, title=meta.ten)
    if not any(n.kind == "điều" for n in root.walk()):
        raise CourseError("Không nhận ra điều luật nào: văn bản không có dòng bắt đầu bằng «Điều 1.», «Điều 2.»…",
                          hint="Chỉ nhập được văn bản quy phạm pháp luật chia theo Điều. Kiểm tra lại tệp "
                               "(bản PDF chuyển sang chữ đôi khi làm mất xuống dòng trước «Điều»).")
    return Document(meta=meta, raw_text=nfc(text), root=root, imported=True)


def import_document(path: str | Path, *, save: bool = True, replace: bool = False,
                    **overrides: str) -> Document:
    """Read, parse and (by default) save a document so search includes it from now on.

    A số hiệu already in the corpus (a packaged or ward document, or one imported before) is refused
    unless `replace` (imported documents only); nothing is written when anything fails.
    """
    doc = parse_document(read_text(path), **overrides)
    _check_duplicate(doc, replace)
    if save:
        folder = imported_dir()
        folder.mkdir(parents=True, exist_ok=True)
        m = doc.meta
        record = {"raw_text": doc.raw_text, "so_hieu": m.so_hieu, "ten": m.ten, "tinh_trang": m.tinh_trang,
                  "ngay_hieu_luc": m.ngay_hieu_luc.strftime("%d/%m/%Y"), "tep_goc": Path(path).name}
        target = folder / f"{m.slug}.json"
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        tmp.replace(target)
    return doc


def _check_duplicate(doc: Document, replace: bool) -> None:
    number = doc.meta.so_hieu.lower()
    for shipped in (*CODES.values(), *(m for _, m in ward_metas())):
        if shipped.so_hieu.lower() == number:
            raise CourseError(f"Văn bản số {doc.meta.so_hieu} đã có sẵn trong kho ({shipped.ten}).",
                              hint="Không cần nhập lại. Nếu đây là văn bản khác, hãy ghi đúng số hiệu bằng --so-hieu.")
    if not replace and any(d.meta.so_hieu.lower() == number for d in imported_documents()):
        raise CourseError(f"Văn bản số {doc.meta.so_hieu} đã được nhập trước đó.",
                          hint="Muốn thay bằng bản mới, dùng --thay (khoahoc law import TỆP --thay); "
                               "bản cũ vẫn giữ nguyên nếu bạn không thay.")


def imported_documents() -> list[Document]:
    """Every document saved by `import_document` (broken files are skipped)."""
    folder = imported_dir()
    if not folder.is_dir():
        return []
    docs = []
    for f in sorted(folder.glob("*.json")):
        try:
            rec = json.loads(f.read_text(encoding="utf-8"))
            docs.append(parse_document(rec["raw_text"], so_hieu=rec["so_hieu"], ten=rec["ten"],
                                       tinh_trang=rec["tinh_trang"], ngay_hieu_luc=rec["ngay_hieu_luc"]))
        except (OSError, ValueError, KeyError, CourseError):
            continue
    return docs


def imported_records() -> list[dict]:
    """What was imported: số hiệu, tên, tình trạng, ngày hiệu lực, tệp gốc, số điều (one dict each)."""
    folder = imported_dir()
    out = []
    for f in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            rec = json.loads(f.read_text(encoding="utf-8"))
            doc = parse_document(rec["raw_text"], so_hieu=rec["so_hieu"], ten=rec["ten"],
                                 tinh_trang=rec["tinh_trang"], ngay_hieu_luc=rec["ngay_hieu_luc"])
        except (OSError, ValueError, KeyError, CourseError):
            continue
        out.append({"so_hieu": rec["so_hieu"], "ten": rec["ten"], "tinh_trang": rec["tinh_trang"],
                    "ngay_hieu_luc": rec["ngay_hieu_luc"], "tep_goc": rec.get("tep_goc", ""),
                    "so_dieu": len(doc.articles)})
    return out


def remove_imported(so_hieu: str) -> bool:
    """Delete an imported document; True if one was removed."""
    removed = False
    folder = imported_dir()
    for f in folder.glob("*.json") if folder.is_dir() else []:
        try:
            if json.loads(f.read_text(encoding="utf-8")).get("so_hieu", "").lower() == so_hieu.strip().lower():
                f.unlink()
                removed = True
        except (OSError, ValueError):
            continue
    return removed


__all__ = ["EXPIRED", "SUPPORTED", "import_document", "imported_documents", "imported_records", "parse_document",
           "read_text", "remove_imported"]
