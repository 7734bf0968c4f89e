"""Import a legal document a trainer downloaded (.txt, .docx, .html; .pdf is not supported yet)
and add it to the searchable corpus.

Imported documents are kept as JSON under `<cache_dir>/legal/imported/`; the search index notices
them and is rebuilt once.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from course.errors import CourseError
from course.legal.metadata import EXPIRED, IN_FORCE, DocMeta
from course.legal.parser import parse_header, parse_structure, parse_vn_date
from course.legal.tree import Document
from course.text import fold, nfc

SUPPORTED = (".txt", ".docx", ".html", ".htm")


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
        raise CourseError("Chưa hỗ trợ tệp PDF trong môi trường này.",
                          hint="Hãy tải bản .doc/.docx hoặc .html từ vbpl.vn, hoặc mở PDF và lưu thành .docx.")
    else:
        raise CourseError(f"Không hỗ trợ định dạng «{ext or path.name}».",
                          hint="Hãy dùng tệp .txt, .docx hoặc .html.")
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    text = "\n".join(re.sub(r"[ \t]+", " ", ln).strip() for ln in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


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
        raise CourseError("Không nhận ra điều luật nào (dòng bắt đầu bằng «Điều 1.»).",
                          hint="Kiểm tra tệp có đúng là văn bản quy phạm pháp luật không.")
    return Document(meta=meta, raw_text=nfc(text), root=root, imported=True)


def import_document(path: str | Path, *, save: bool = True, **overrides: str) -> Document:
    """Read, parse and (by default) save a document so search includes it from now on."""
    doc = parse_document(read_text(path), **overrides)
    if save:
        folder = imported_dir()
        folder.mkdir(parents=True, exist_ok=True)
        m = doc.meta
        record = {"raw_text": doc.raw_text, "so_hieu": m.so_hieu, "ten": m.ten, "tinh_trang": m.tinh_trang,
                  "ngay_hieu_luc": m.ngay_hieu_luc.strftime("%d/%m/%Y")}
        (folder / f"{m.slug}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return doc


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


def remove_imported(so_hieu: str) -> bool:
    """Delete an imported document; True if one was removed."""
    removed = False
    for f in imported_dir().glob("*.json"):
        try:
            if json.loads(f.read_text(encoding="utf-8")).get("so_hieu") == so_hieu:
                f.unlink()
                removed = True
        except (OSError, ValueError):
            continue
    return removed


__all__ = ["EXPIRED", "SUPPORTED", "import_document", "imported_documents", "parse_document", "read_text",
           "remove_imported"]
