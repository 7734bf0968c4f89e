"""What an administrative document is made of: the `Draft` the writer turns into a .docx.

Field names are English; their Vietnamese meaning (the element names of Nghị định 30/2020/NĐ-CP)
is given next to each one. `Draft.render_text()` gives the same document as plain text, one
element per line, which the checker reads just like a .docx.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from course.errors import CourseError
from course.text import nfc, strip_diacritics  # 'Giấy mời' -> 'Giay moi'

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"


@dataclass(frozen=True)
class Kind:
    """One document type: its slug, its printed name (tên loại) and its abbreviation (Phụ lục III)."""

    slug: str
    name: str  # printed tên loại, "" for công văn (which has none)
    abbrev: str  # abbreviation used in the ký hiệu, "" for công văn
    label: str  # how people call it, with diacritics


KINDS: dict[str, Kind] = {
    k.slug: k
    for k in (
        Kind("cong-van", "", "", "công văn"),
        Kind("thong-bao", "THÔNG BÁO", "TB", "thông báo"),
        Kind("giay-moi", "GIẤY MỜI", "GM", "giấy mời"),
        Kind("bao-cao", "BÁO CÁO", "BC", "báo cáo"),
        Kind("to-trinh", "TỜ TRÌNH", "TTr", "tờ trình"),
        Kind("ke-hoach", "KẾ HOẠCH", "KH", "kế hoạch"),
        Kind("quyet-dinh", "QUYẾT ĐỊNH", "QĐ", "quyết định"),
        Kind("bien-ban", "BIÊN BẢN", "BB", "biên bản"),
    )
}

AUTHORITY_PREFIXES = ("TM.", "KT.", "Q.", "TL.", "TUQ.")


def kind_of(value: str) -> Kind:
    """Look a kind up by slug ("cong-van") or by its Vietnamese name ("công văn", "Giấy mời")."""
    key = nfc(value).strip().lower().replace("_", "-")
    if key in KINDS:
        return KINDS[key]
    for kind in KINDS.values():
        if key in (kind.label, kind.name.lower()) or key == strip_diacritics(kind.label).replace(" ", "-"):
            return kind
    names = ", ".join(KINDS)
    raise CourseError(f"Không biết loại văn bản «{value}».", hint=f"Chọn một trong: {names}.")


def issuer_abbrev(issuer: str) -> str:
    """A short abbreviation of the issuing body for the ký hiệu: 'ỦY BAN NHÂN DÂN PHƯỜNG X' -> 'UBND'."""
    upper = nfc(issuer).upper()
    if upper.startswith(("ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "UBND")):
        return "UBND"
    if upper.startswith(("HỘI ĐỒNG NHÂN DÂN", "HĐND")):
        return "HĐND"
    words = [w for w in re.split(r"\s+", upper) if w]
    letters = "".join(w[0] if w[0] == "Đ" else strip_diacritics(w[0]) for w in words[:4])
    return letters or "CQ"


def format_date(date: dt.date) -> str:
    """'ngày 05 tháng 01 năm 2026': day < 10 and months 1–2 get a leading zero (Nghị định 30/2020)."""
    month = f"{date.month:02d}" if date.month < 3 else str(date.month)
    return f"ngày {date.day:02d} tháng {month} năm {date.year}"


def format_date_line(place: str, date: dt.date) -> str:
    """'Mộc Châu, ngày 05 tháng 01 năm 2026': day < 10 and months 1–2 get a leading zero."""
    return f"{place}, {format_date(date)}"


def format_number_line(number: str, code: str) -> str:
    """'Số: 05/TB-UBND' — a number below 10 gets a leading zero; a blank number is left for văn thư."""
    number = number.strip()
    if number.isdigit() and int(number) < 10:
        number = f"{int(number):02d}"
    return f"Số: {number or '     '}/{code}"


@dataclass
class Draft:
    """A document to write. Only `kind`, `issuer` and `body` are required.

    kind: "cong-van", "thong-bao", "giay-moi", "bao-cao", "to-trinh", "ke-hoach", "quyet-dinh",
    "bien-ban". `body` paragraphs: "# TEXT" is a centred bold line (e.g. "# QUYẾT ĐỊNH:"),
    "## Text" a bold heading; anything else a normal paragraph.
    """

    kind: str
    issuer: str  # tên cơ quan ban hành, e.g. "ỦY BAN NHÂN DÂN PHƯỜNG MỘC CHÂU"
    body: list[str]  # nội dung, one paragraph per item
    parent: str = ""  # tên cơ quan chủ quản (optional), e.g. "ỦY BAN NHÂN DÂN TỈNH SƠN LA"
    number: str = ""  # số; "" leaves it blank for the văn thư to fill in
    code: str = ""  # ký hiệu after the slash; default from kind and issuer ("TB-UBND", "UBND-VP")
    place: str = ""  # địa danh, e.g. "Mộc Châu"
    date: dt.date | None = None  # ngày ban hành; default today
    subject: str = ""  # trích yếu, without "V/v" or "Về việc"
    to: list[str] = field(default_factory=list)  # Kính gửi (công văn, tờ trình)
    cc: list[str] = field(default_factory=list)  # nơi nhận; "Lưu: ..." is added at the end
    archive: str = "VT"  # what follows "Lưu:", e.g. "VT, VP"
    authority: str = ""  # quyền hạn, e.g. "TM. ỦY BAN NHÂN DÂN" or "KT. CHỦ TỊCH"
    title: str = ""  # chức vụ người ký, e.g. "CHỦ TỊCH"
    signer: str = ""  # họ tên người ký
    co_signers: list[tuple[str, str]] = field(default_factory=list)  # other (chức vụ, họ tên), left column
    preamble: list[str] = field(default_factory=list)  # centred bold lines before the body (quyết định)

    def __post_init__(self) -> None:
        self.kind = kind_of(self.kind).slug
        for name in ("issuer", "parent", "number", "code", "place", "subject", "archive", "authority",
                     "title", "signer"):
            setattr(self, name, nfc(str(getattr(self, name) or "")).strip())
        self.body = [nfc(p).strip() for p in self.body if p and p.strip()]
        self.to = [nfc(t).strip().rstrip(";.") for t in self.to if t.strip()]
        self.cc = [nfc(c).strip().lstrip("-").strip().rstrip(";.") for c in self.cc if c.strip()]
        self.preamble = [nfc(p).strip() for p in self.preamble if p.strip()]
        self.co_signers = [(nfc(t).strip(), nfc(n).strip()) for t, n in self.co_signers]
        if not self.issuer:
            raise CourseError("Văn bản chưa có tên cơ quan ban hành.",
                              hint="Điền issuer, ví dụ «ỦY BAN NHÂN DÂN PHƯỜNG MỘC CHÂU».")
        if not self.body:
            raise CourseError("Văn bản chưa có nội dung.", hint="Thêm ít nhất một đoạn vào body.")

    @property
    def kind_info(self) -> Kind:
        return KINDS[self.kind]

    def code_line(self) -> str:
        """The ký hiệu, defaulting to the kind's abbreviation and the issuer's."""
        if self.code:
            return self.code
        org = issuer_abbrev(self.issuer)
        abbrev = self.kind_info.abbrev
        return f"{abbrev}-{org}" if abbrev else f"{org}-VP"

    def number_line(self) -> str:
        return format_number_line(self.number, self.code_line())

    @property
    def has_date_line(self) -> bool:
        """Every form has «Địa danh, ngày … tháng … năm …» except the biên bản (Phụ lục III, Mẫu 1.9)."""
        return self.kind != "bien-ban"

    def date_line(self) -> str:
        place = self.place or "…"
        return format_date_line(place, self.date or dt.date.today())

    def subject_line(self) -> str:
        """Trích yếu as printed: 'V/v …' for công văn, the plain subject otherwise."""
        if self.kind == "cong-van":
            subject = re.sub(r"^(v/v|về việc)\s*:?\s*", "", self.subject, flags=re.IGNORECASE).strip()
            return f"V/v {subject}" if subject else ""
        return self.subject[:1].upper() + self.subject[1:]

    def recipients(self) -> list[str]:
        """Nơi nhận lines, each '- X;' and the last '- Lưu: VT, ….'."""
        items = [c for c in self.cc if not c.lower().startswith("lưu")]
        if self.to and not any(c.lower().startswith("như trên") for c in items):
            items.insert(0, "Như trên")  # those under «Kính gửi» (Phụ lục I, Mục II, khoản 9)
        archive = self.archive.strip().rstrip(".") or "VT"
        if not archive.upper().startswith("VT"):
            archive = f"VT, {archive}"
        return [f"- {item};" for item in items] + [f"- Lưu: {archive}."]

    def to_lines(self) -> list[str]:
        """«Kính gửi: X» on one line, or one «- X;» line per recipient, the last ending with «.»."""
        if len(self.to) == 1:
            return [f"Kính gửi: {self.to[0]}"]
        items = [f"- {t};" for t in self.to]
        items[-1] = items[-1][:-1] + "."
        return ["Kính gửi:"] + items

    def signature_lines(self) -> list[str]:
        """Quyền hạn, chức vụ (upper case) — the name goes below the signature space."""
        lines = [x.upper() for x in (self.authority, self.title) if x]
        return lines

    def render_text(self) -> str:
        """The document as plain text, one element per line (what the checker reads from .txt)."""
        out = [QUOC_HIEU, TIEU_NGU]
        if self.parent:
            out.append(self.parent.upper())
        out += [self.issuer.upper(), self.number_line()]
        if self.kind == "cong-van" and self.subject_line():
            out.append(self.subject_line())
        if self.has_date_line:
            out.append(self.date_line())
        out.append("")
        if self.kind_info.name:
            out.append(self.kind_info.name)
            if self.subject_line():
                out.append(self.subject_line())
            out.append("")
        if self.to:
            out += self.to_lines() + [""]
        out += self.preamble
        for para in self.body:
            out.append(para.lstrip("#").strip())
        out.append("")
        for title, name in self.co_signers:
            out += [title.upper(), name, ""]
        out += self.signature_lines()
        if self.signer:
            out.append(self.signer)
        out += ["", "Nơi nhận:"] + self.recipients()
        return "\n".join(out) + "\n"
