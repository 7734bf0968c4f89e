"""Write a `Draft` as a .docx laid out per Nghị định 30/2020/NĐ-CP, Phụ lục I.

A4 portrait; margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; the header is a
borderless two-column table (cơ quan, số, V/v | Quốc hiệu, Tiêu ngữ, địa danh - ngày); the footer
a borderless table (nơi nhận | chữ ký). Sizes follow the "Mẫu chữ" table of Phụ lục I.
"""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from course.documents.model import QUOC_HIEU, TIEU_NGU, Draft, kind_of
from course.errors import CourseError
from course.text import nfc

FONT = "Times New Roman"
BODY_PT = 14
TEXT_WIDTH_MM = 210 - 30 - 15
CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY


def _set_font(run, size: float, bold: bool = False, italic: bool = False) -> None:
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    rfonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), FONT)


def _para(container, text: str, size: float, *, bold: bool = False, italic: bool = False,
          align=CENTER, indent: bool = False, after: float = 0, line: float = 1.0):
    p = container.add_paragraph()
    fmt = p.paragraph_format
    fmt.alignment = align
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(after)
    fmt.line_spacing = line
    if indent:
        fmt.first_line_indent = Cm(1.27)
    if text:
        _set_font(p.add_run(text), size, bold, italic)
    return p


def _rule_line(container, width_fraction: float, cell_mm: float) -> None:
    """A short horizontal line under a centred heading: an empty paragraph with a bottom border."""
    p = container.add_paragraph()
    margin = Mm(cell_mm * (1 - width_fraction) / 2)
    p.paragraph_format.left_indent = margin
    p.paragraph_format.right_indent = margin
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.line_spacing = Pt(4)
    ppr = p._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    border.append(bottom)
    ppr.append(border)


def _page_numbers(doc) -> None:
    """Page number centred in the top margin, from page 2 on (Phụ lục I, Phần I, Mục I, khoản 7)."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    para = section.header.paragraphs[0]
    para.alignment = CENTER
    run = para.add_run()
    _set_font(run, 14)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def _table(doc, widths_mm: list[float]):
    table = doc.add_table(rows=1, cols=len(widths_mm))
    table.autofit = False
    for cell, width in zip(table.rows[0].cells, widths_mm, strict=True):
        cell.width = Mm(width)
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    return table


def _defaults(doc) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), FONT)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)


def build_document(draft: Draft):
    """The python-docx Document for a draft (not yet saved)."""
    doc = Document()
    _defaults(doc)
    _page_numbers(doc)
    left_mm, right_mm = 68.0, TEXT_WIDTH_MM - 68.0
    header = _table(doc, [left_mm, right_mm])
    left, right = header.rows[0].cells
    if draft.parent:
        _para(left, draft.parent.upper(), 13)
    _para(left, draft.issuer.upper(), 13, bold=True)
    _rule_line(left, 0.4, left_mm)
    _para(left, draft.number_line(), 13)
    if draft.kind == "cong-van" and draft.subject_line():
        _para(left, draft.subject_line(), 12)
    _para(right, QUOC_HIEU, 13, bold=True)
    _para(right, TIEU_NGU, 14, bold=True)
    _rule_line(right, 0.62, right_mm)
    if draft.has_date_line:
        _para(right, "", 14)
        _para(right, draft.date_line(), 14, italic=True)

    _para(doc, "", 14)
    if draft.kind_info.name:
        _para(doc, draft.kind_info.name, 14, bold=True)
        if draft.subject_line():
            _para(doc, draft.subject_line(), 14, bold=True)
        _rule_line(doc, 0.3, TEXT_WIDTH_MM)
        _para(doc, "", 14)
    if draft.to:
        for line in draft.to_lines():
            _para(doc, line, 14, after=0 if line == "Kính gửi:" else 3)
        _para(doc, "", 14)
    for line in draft.preamble:
        _para(doc, line, 14, bold=True, after=6)
    for para in draft.body:
        if para.startswith("# "):
            _para(doc, para[2:].strip(), 14, bold=True, after=6)
        elif para.startswith("## "):
            _para(doc, para[3:].strip(), 14, bold=True, align=JUSTIFY, indent=True, after=6, line=1.15)
        else:
            italic = para.startswith("Căn cứ")
            _para(doc, para, 14, italic=italic, align=JUSTIFY, indent=True, after=6, line=1.15)
    _para(doc, "", 14)

    def signature(cell, title_lines: list[str], name: str) -> None:
        for line in title_lines:
            _para(cell, line, 14, bold=True)
        for _ in range(3):
            _para(cell, "", 14)
        if name:
            _para(cell, name, 14, bold=True)

    if draft.co_signers:
        signers = [([t.upper()] if t else [], n) for t, n in draft.co_signers]
        signers.append((draft.signature_lines(), draft.signer))
        width = TEXT_WIDTH_MM / len(signers)
        row = _table(doc, [width] * len(signers)).rows[0].cells
        for cell, (titles, name) in zip(row, signers, strict=True):
            signature(cell, titles, name)
        _para(doc, "", 14)
        notes = doc
    else:
        footer = _table(doc, [78.0, TEXT_WIDTH_MM - 78.0])
        notes, sign = footer.rows[0].cells
        signature(sign, draft.signature_lines(), draft.signer)
    _para(notes, "Nơi nhận:", 12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    for item in draft.recipients():
        _para(notes, item, 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    return doc


def write_docx(draft: Draft, path: str | Path) -> Path:
    """Write `draft` to `path` (.docx) and return the path."""
    path = Path(path)
    if path.suffix.lower() != ".docx":
        path = path.with_suffix(".docx")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        build_document(draft).save(str(path))
    except OSError as err:
        raise CourseError(f"Không ghi được tệp {path.name}.",
                          hint="Kiểm tra thư mục có tồn tại và tệp không đang mở trong Word.") from err
    return path


_LIST_ITEM = re.compile(r"^\s*-\s+(.*)$")
FIELD_NAMES = {
    "loai": "kind", "kind": "kind", "co_quan": "issuer", "issuer": "issuer",
    "co_quan_chu_quan": "parent", "parent": "parent", "so": "number", "number": "number",
    "ky_hieu": "code", "code": "code", "dia_danh": "place", "place": "place", "ngay": "date",
    "date": "date", "trich_yeu": "subject", "subject": "subject", "kinh_gui": "to", "to": "to",
    "noi_nhan": "cc", "cc": "cc", "luu": "archive", "archive": "archive", "quyen_han": "authority",
    "authority": "authority", "chuc_vu": "title", "title": "title", "nguoi_ky": "signer",
    "signer": "signer", "mo_dau": "preamble", "preamble": "preamble", "thu_ky": "secretary",
    "dong_ky": "co_signers", "co_signers": "co_signers",
}
LIST_FIELDS = {"to", "cc", "preamble", "co_signers"}


def _parse_date(value: str):
    import datetime as dt

    value = value.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise CourseError(f"Không đọc được ngày «{value}».", hint="Viết ngày dạng 2026-01-05 hoặc 05/01/2026.")


def draft_from_markdown(text: str, kind: str | None = None) -> Draft:
    """Read a draft written as Markdown with a front matter block of `key: value` lines.

    ```
    ---
    co_quan: ỦY BAN NHÂN DÂN PHƯỜNG MỘC CHÂU
    so: 5
    dia_danh: Mộc Châu
    ngay: 2026-01-05
    trich_yeu: Về việc tổ chức tổng vệ sinh môi trường
    noi_nhan:
      - Các tổ dân phố
    chuc_vu: CHỦ TỊCH
    nguoi_ky: Nguyễn Văn An
    ---
    Đoạn nội dung thứ nhất.

    Đoạn thứ hai.
    ```
    Paragraphs are separated by blank lines; "# X" / "## X" lines are their own paragraphs.
    """
    text = nfc(text.replace("\r\n", "\n")).lstrip("\ufeff")
    fields: dict[str, object] = {}
    body_text = text
    match = re.match(r"^---\s*\n(.*?)\n---\s*\n?(.*)$", text, flags=re.DOTALL)
    if match:
        current: str | None = None
        for raw in match.group(1).splitlines():
            if not raw.strip() or raw.lstrip().startswith("#"):
                continue
            item = _LIST_ITEM.match(raw)
            if item and current in LIST_FIELDS:
                fields.setdefault(current, []).append(item.group(1).strip())  # type: ignore[union-attr]
                continue
            key, sep, value = raw.partition(":")
            name = FIELD_NAMES.get(key.strip().lower())
            if not sep or name is None:
                raise CourseError(f"Dòng đầu văn bản không hiểu được: «{raw.strip()}».",
                                  hint="Mỗi dòng giữa hai dấu --- có dạng «tên_trường: giá trị», ví dụ «so: 12».")
            current = name
            value = value.strip()
            if name in LIST_FIELDS:
                fields[name] = [v.strip() for v in value.split(";") if v.strip()] if value else []
            else:
                fields[name] = value
        body_text = match.group(2)
    if kind:
        fields["kind"] = kind
    pairs = [tuple(x.strip() for x in item.partition(":")[::2]) for item in fields.pop("co_signers", [])]
    if fields.get("secretary"):
        pairs.insert(0, ("THƯ KÝ", str(fields.pop("secretary"))))
    fields.pop("secretary", None)
    fields["co_signers"] = pairs
    if "kind" not in fields:
        raise CourseError("Chưa rõ loại văn bản.", hint="Thêm dòng «loai: cong-van» hoặc dùng --type.")
    if not fields.get("issuer"):
        raise CourseError("Bản nháp chưa có tên cơ quan ban hành.",
                          hint="Thêm dòng «co_quan: ỦY BAN NHÂN DÂN PHƯỜNG …» giữa hai dòng ---.")
    if "date" in fields and fields["date"]:
        fields["date"] = _parse_date(str(fields["date"]))
    else:
        fields.pop("date", None)
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", body_text):
        lines = [ln.strip() for ln in block.splitlines() if ln.strip()]
        buf: list[str] = []
        for line in lines:
            if line.startswith("#"):
                if buf:
                    paragraphs.append(" ".join(buf))
                    buf = []
                level = len(line) - len(line.lstrip("#"))
                paragraphs.append(("# " if level == 1 else "## ") + line.lstrip("#").strip())
            else:
                buf.append(line)
        if buf:
            paragraphs.append(" ".join(buf))
    kind_of(str(fields["kind"]))
    return Draft(body=paragraphs, **fields)  # type: ignore[arg-type]


_HEADER_LINE = re.compile(
    r"^(cộng\s+h(?:òa|oà)\s+xã hội|độc lập|số\s*:|kính gửi|nơi nhận|v/v\b|(ủy|uỷ) ban nhân dân\s*$|[-–]\s*lưu\b)", re.IGNORECASE)


def paragraphs_from_text(text: str) -> list[str]:
    """Body paragraphs from a chatbot's answer: drop Markdown marks and any header/footer lines it wrote.

    The writer adds Quốc hiệu, số, nơi nhận and chữ ký itself, so only the content is kept.
    """
    text = nfc(text or "").replace("\r\n", "\n")
    text = re.sub(r"```[a-z]*\n?", "", text)
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        for line in block.split("\n"):
            line = re.sub(r"\*\*(.+?)\*\*|__(.+?)__", lambda m: m.group(1) or m.group(2), line).strip()
            line = re.sub(r"^[*•]\s+", "- ", line)
            if not line or _HEADER_LINE.match(line):
                continue
            if line.startswith("#"):
                level = len(line) - len(line.lstrip("#"))
                out.append(("# " if level == 1 else "## ") + line.lstrip("#").strip())
            else:
                out.append(line)
    return out
