"""Structured drafting: the learner's notes → a JSON form the model fills → a document the course writes.

A small local model cannot be trusted to write a whole giấy mời free-form (it answers with one line,
or loops). It can fill a form: for each document type a JSON schema lists the fields (trích yếu,
thời gian, địa điểm, thành phần, nội dung, nơi nhận …); the model fills it under a grammar (locally)
or the provider's structured-output mode (ChatGPT, Gemini); the course then checks every date, time,
place and name against the notes, asks back in Vietnamese for what is missing, and writes the
document itself: the Nghị định 30/2020 .docx (`writer.py`) for the administrative types, plain
text for a Zalo / fan page post and a loudspeaker announcement.

```python
from course.documents.drafting import draft_from_notes
kq = draft_from_notes("mời tổ dân phố 3 họp 8h sáng thứ 7 12/12 ở nhà văn hoá bàn tổng vệ sinh", "giay-moi")
kq.questions   # [] or ["Thiếu thời gian họp: …"]
kq.text        # the document as text; kq.save_docx("giay_moi.docx"); kq.report (Nghị định 30 checker)
```
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from course.documents.checker import Report, check_text
from course.documents.model import Draft, format_date
from course.errors import CourseError
from course.text import nfc, strip_diacritics


class DraftingError(CourseError):
    """The model could not fill the form (invalid JSON after retries, or no model answered)."""


# ------------------------------------------------------------------------------------------ the forms

@dataclass(frozen=True)
class Field:
    """One field of a form: JSON key, what the model is told, and the question asked when it is missing."""

    key: str
    describe: str  # Vietnamese, shown to the model
    missing: str = ""  # Vietnamese question when required and missing; "" = optional
    kind: str = "text"  # text | time | date | place | name | list | names
    max_items: int = 6
    max_len: int = 0  # characters of a value (of each item of a list); 0 = by kind

    @property
    def length(self) -> int:
        """Longest value the grammar allows: a small model otherwise can run on inside one string."""
        lengths = {"time": 40, "date": 40, "place": 100, "name": 60, "list": 160, "names": 100}
        return self.max_len or lengths.get(self.kind, 240)

    @property
    def required(self) -> bool:
        return bool(self.missing)


@dataclass(frozen=True)
class DocType:
    """One thing a ward drafts: its form, the document kind it is written as, and one worked example."""

    slug: str
    label: str
    kind: str  # Draft kind for the Nghị định 30 writer; "" = plain text (Zalo post, loudspeaker)
    fields: tuple[Field, ...]
    example_notes: str
    example_json: dict[str, Any]

    def field(self, key: str) -> Field:
        """The field with JSON key `key`."""
        return next(f for f in self.fields if f.key == key)

    def schema(self) -> dict[str, Any]:
        """The JSON schema the model fills: every key required (an empty value means «not in the notes»)."""
        props: dict[str, Any] = {}
        for f in self.fields:
            if f.kind in ("list", "names"):
                props[f.key] = {"type": "array", "items": {"type": "string", "maxLength": f.length},
                                "maxItems": f.max_items}
            else:
                props[f.key] = {"type": "string", "maxLength": f.length}
                if f.key in SUBJECT_KEYS:  # every document has a subject: the grammar does not allow an empty one
                    props[f.key]["minLength"] = 4
        return {"type": "object", "properties": props, "required": [f.key for f in self.fields],
                "additionalProperties": False}


SUBJECT_KEYS = ("trich_yeu", "tieu_de")
TIME = "giờ, chép đúng như trong ghi chú (ví dụ «9h sáng», «14 giờ 30»); ghi chú không có giờ thì để trống"
DATE = "ngày, chép đúng như trong ghi chú (ví dụ «thứ 3 29/12», «ngày 05/01»); không có thì để trống"
PLACE = ("địa điểm, chép đúng như trong ghi chú (thường đứng sau «tại», «ở»; ví dụ «nhà văn hoá khu phố 8»); "
         "ghi chú không nói ở đâu thì để trống")
SUBJECT = "trích yếu: một cụm từ ngắn nói văn bản về việc gì, viết hoa chữ đầu, có dấu, không có dấu chấm cuối"
RECIPIENTS = "nơi nhận ghi trong ghi chú (nếu có), mỗi nơi một mục; không có thì để danh sách rỗng"

DOC_TYPES: dict[str, DocType] = {t.slug: t for t in (
    DocType("giay-moi", "giấy mời", "giay-moi", (
        Field("trich_yeu", SUBJECT + " (ví dụ «Họp xét học bổng khuyến học»)"),
        Field("thoi_gian", TIME, "Thiếu thời gian họp: bạn cho biết mấy giờ bắt đầu?", "time"),
        Field("ngay", DATE, "Thiếu ngày họp: bạn cho biết họp ngày nào?", "date"),
        Field("dia_diem", PLACE, "Thiếu địa điểm họp: bạn cho biết họp ở đâu?", "place"),
        Field("thanh_phan", "những người, đơn vị được mời: chép đủ từng cụm từ của ghi chú, không rút gọn, không "
                            "thêm ai, viết có dấu",
              "Thiếu thành phần mời: bạn cho biết mời những ai?", "names"),
        Field("noi_dung", "nội dung cuộc họp: một câu, viết đầy đủ có dấu",
              "Thiếu nội dung cuộc họp: bạn cho biết họp bàn việc gì?"),
        Field("chuan_bi", "đại biểu cần mang hoặc chuẩn bị gì (nếu ghi chú có); không có thì để trống"),
        Field("noi_nhan", RECIPIENTS, kind="names"),
    ), "moi ban quan ly cac to dan pho va chi hoi khuyen hoc hop 14h30 chieu thu 5 ngay 10/12 tai hoi truong ubnd "
       "phuong de xet hoc bong, mang theo danh sach hoc sinh",
       {"trich_yeu": "Họp xét học bổng khuyến học", "thoi_gian": "14h30 chiều", "ngay": "thứ 5 ngày 10/12",
        "dia_diem": "hội trường Ủy ban nhân dân phường",
        "thanh_phan": ["Ban quản lý các tổ dân phố", "Chi hội Khuyến học"],
        "noi_dung": "Xét học bổng khuyến học cho học sinh trên địa bàn phường.",
        "chuan_bi": "Danh sách học sinh", "noi_nhan": []}),
    DocType("thong-bao", "thông báo", "thong-bao", (
        Field("trich_yeu", SUBJECT + " (ví dụ «Cấp phát thẻ bảo hiểm y tế cho trẻ em»)"),
        Field("noi_dung", "nội dung cần thông báo: hai đến bốn câu đầy đủ, có dấu, chỉ dùng thông tin trong ghi chú",
              "Thiếu nội dung: bạn muốn thông báo việc gì?"),
        Field("thoi_gian", TIME, kind="time"),
        Field("ngay", DATE, kind="date"),
        Field("dia_diem", PLACE, kind="place"),
        Field("doi_tuong", "những ai cần biết hoặc thực hiện (ví dụ «nhân dân khu phố 8»)", kind="names"),
        Field("noi_nhan", RECIPIENTS, kind="names"),
    ), "thong bao cap phat the bao hiem y te cho tre em duoi 6 tuoi tai nha van hoa khu pho 8 tu 8h den 11h ngay "
       "10/12, phu huynh mang giay khai sinh cua tre",
       {"trich_yeu": "Cấp phát thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
        "noi_dung": "Ủy ban nhân dân phường cấp phát thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi. Đề nghị phụ huynh "
                    "mang theo giấy khai sinh của trẻ.",
        "thoi_gian": "từ 8h đến 11h", "ngay": "ngày 10/12", "dia_diem": "nhà văn hoá khu phố 8",
        "doi_tuong": ["Phụ huynh có con dưới 6 tuổi"], "noi_nhan": []}),
    DocType("cong-van", "công văn", "cong-van", (
        Field("kinh_gui", "cơ quan, đơn vị nhận công văn, viết đầy đủ có dấu",
              "Thiếu nơi nhận công văn: bạn gửi công văn cho ai?", "names", 4),
        Field("trich_yeu", SUBJECT + " (ví dụ «đề nghị hỗ trợ máy bơm chống ngập»)"),
        Field("noi_dung", "nội dung chính: hai đến bốn câu trang trọng, có dấu, chỉ dùng thông tin trong ghi chú",
              "Thiếu nội dung công văn: bạn cần đề nghị hoặc báo việc gì?"),
        Field("thoi_han", "hạn trả lời hoặc thực hiện, chép đúng như trong ghi chú; không có thì để trống", kind="date"),
        Field("noi_nhan", RECIPIENTS, kind="names"),
    ), "gui phong kinh te tinh xin ho tro 2 may bom chong ngap cho to dan pho 5, can truoc 20/12",
       {"kinh_gui": ["Phòng Kinh tế tỉnh"], "trich_yeu": "đề nghị hỗ trợ máy bơm chống ngập",
        "noi_dung": "Để chủ động phòng, chống ngập úng trong mùa mưa, Ủy ban nhân dân phường đề nghị Phòng Kinh tế "
                    "tỉnh hỗ trợ 2 máy bơm chống ngập cho tổ dân phố 5.",
        "thoi_han": "trước 20/12", "noi_nhan": []}),
    DocType("bao-cao", "báo cáo ngắn", "bao-cao", (
        Field("trich_yeu", SUBJECT + " (ví dụ «Kết quả thu quỹ khuyến học năm 2026»)"),
        Field("ket_qua", "các kết quả đã làm được, mỗi ý một mục, giữ nguyên mọi con số trong ghi chú",
              "Thiếu kết quả: bạn cho biết đã làm được những gì?", "list", 6),
        Field("ton_tai", "tồn tại, hạn chế (nếu ghi chú có), mỗi ý một mục", kind="list", max_items=4),
        Field("kien_nghi", "đề xuất, kiến nghị (nếu ghi chú có), mỗi ý một mục", kind="list", max_items=4),
        Field("noi_nhan", RECIPIENTS, kind="names"),
    ), "bao cao ket qua thu quy khuyen hoc nam 2026: 9 to dan pho dong gop 42 trieu dong, trao 30 suat hoc bong; "
       "con 2 to chua nop, de nghi bieu duong to 1",
       {"trich_yeu": "Kết quả thu quỹ khuyến học năm 2026",
        "ket_qua": ["9 tổ dân phố đóng góp 42 triệu đồng", "Trao 30 suất học bổng"],
        "ton_tai": ["Còn 2 tổ dân phố chưa nộp"], "kien_nghi": ["Biểu dương tổ dân phố 1"], "noi_nhan": []}),
    DocType("bien-ban", "biên bản họp", "bien-ban", (
        Field("trich_yeu", SUBJECT + " (ví dụ «Họp bàn kế hoạch đón Tết»)"),
        Field("thoi_gian", "giờ bắt đầu họp, chép đúng như trong lời ghi", "Thiếu giờ bắt đầu cuộc họp.", "time"),
        Field("ngay", "ngày họp, chép đúng như trong lời ghi", "Thiếu ngày họp.", "date"),
        Field("dia_diem", "nơi họp, chép đúng như trong lời ghi", "Thiếu địa điểm họp.", "place"),
        Field("chu_tri", "họ tên người chủ trì, chép đúng như trong lời ghi", "Thiếu người chủ trì cuộc họp.", "name"),
        Field("thu_ky", "họ tên thư ký, chép đúng như trong lời ghi", "Thiếu thư ký cuộc họp.", "name"),
        Field("y_kien", "các ý kiến phát biểu chính, mỗi ý một mục, giữ nguyên tên người nói và con số",
              "Thiếu nội dung cuộc họp.", "list", 6),
        Field("ket_luan", "kết luận của người chủ trì: một đến hai câu", "Thiếu kết luận cuộc họp."),
        Field("gio_ket_thuc", "giờ kết thúc, chép đúng như trong lời ghi; không có thì để trống", kind="time"),
    ), "Hôm nay 14 giờ ngày 08/12 tại hội trường khu phố 9, chủ trì là bà Đỗ Thị Xuân, thư ký anh Lưu Văn Toàn. "
       "Bà Xuân báo cáo khu phố có 35 hộ đăng ký gia đình văn hoá. Ông Khải đề nghị tổ chức văn nghệ đón Tết. Bà Xuân "
       "kết luận: giao chi đoàn chuẩn bị văn nghệ trước ngày 25/12. Họp xong lúc 16 giờ.",
       {"trich_yeu": "Họp bàn kế hoạch đón Tết", "thoi_gian": "14 giờ", "ngay": "ngày 08/12",
        "dia_diem": "hội trường khu phố 9", "chu_tri": "Đỗ Thị Xuân", "thu_ky": "Lưu Văn Toàn",
        "y_kien": ["Bà Xuân báo cáo khu phố có 35 hộ đăng ký gia đình văn hoá.",
                   "Ông Khải đề nghị tổ chức văn nghệ đón Tết."],
        "ket_luan": "Giao chi đoàn chuẩn bị văn nghệ trước ngày 25/12.", "gio_ket_thuc": "16 giờ"}),
    DocType("tra-loi-cong-dan", "trả lời công dân", "cong-van", (
        Field("kinh_gui", "người nhận, ví dụ «Bà Nguyễn Thị Mai, tổ dân phố 6»",
              "Thiếu người nhận: bạn trả lời cho ông/bà nào?", "names", 2),
        Field("trich_yeu", SUBJECT + " (ví dụ «trả lời phản ánh của bà Nguyễn Thị Mai»)"),
        Field("cau_hoi", "công dân hỏi hoặc đề nghị việc gì: một câu",
              "Thiếu nội dung công dân hỏi: người dân đề nghị việc gì?"),
        Field("tra_loi", "nội dung trả lời: hai đến bốn câu lịch sự, chỉ dùng thông tin trong ghi chú, không tự thêm "
                         "thời hạn hay giấy tờ", "Thiếu nội dung trả lời: phường trả lời thế nào?"),
        Field("noi_nhan", RECIPIENTS, kind="names"),
    ), "tra loi ba Nguyen Thi Mai to 6 hoi ve den duong hong o ngo 12: phuong da bao cong ty dien, se sua trong "
       "thang 12",
       {"kinh_gui": ["Bà Nguyễn Thị Mai, tổ dân phố 6"], "trich_yeu": "trả lời phản ánh của bà Nguyễn Thị Mai",
        "cau_hoi": "Phản ánh đèn đường bị hỏng ở ngõ 12.",
        "tra_loi": "Ủy ban nhân dân phường đã báo công ty điện lực. Đèn đường ở ngõ 12 sẽ được sửa trong tháng 12.",
        "noi_nhan": []}),
    DocType("bai-dang", "bài đăng Zalo/fanpage", "", (
        Field("tieu_de", "tiêu đề ngắn, gây chú ý, có dấu", "Thiếu chủ đề bài đăng: bạn muốn đăng về việc gì?"),
        Field("noi_dung", "hai đến ba câu thân thiện, dễ hiểu, có dấu, chỉ dùng thông tin trong ghi chú",
              "Thiếu nội dung bài đăng."),
        Field("thoi_gian", TIME, kind="time"),
        Field("ngay", DATE, kind="date"),
        Field("dia_diem", PLACE, kind="place"),
        Field("loi_keu_goi", "một câu kêu gọi ngắn (ví dụ «Mời bà con cùng tham gia!»)"),
    ), "dang zalo moi cac cu to 7 di kham mat mien phi 9h sang thu 3 29/12 tai diem sinh hoat cong dong to 7, "
       "mang theo the bao hiem y te",
       {"tieu_de": "Khám mắt miễn phí cho người cao tuổi tổ 7", "noi_dung": "Phường tổ chức khám mắt miễn phí cho "
        "các cụ tổ 7. Các cụ nhớ mang theo thẻ bảo hiểm y tế.", "thoi_gian": "9h sáng", "ngay": "thứ 3 29/12",
        "dia_diem": "điểm sinh hoạt cộng đồng tổ 7", "loi_keu_goi": "Mời các cụ đến khám đúng giờ!"}),
    DocType("loa", "thông báo loa truyền thanh", "", (
        Field("tieu_de", "tiêu đề bài đọc, có dấu", "Thiếu chủ đề: bạn muốn thông báo việc gì trên loa?"),
        Field("noi_dung", "ba đến năm câu ngắn để đọc to: viết đầy đủ, không viết tắt, có dấu, chỉ dùng thông tin "
                          "trong ghi chú", "Thiếu nội dung thông báo."),
        Field("thoi_gian", TIME, kind="time"),
        Field("ngay", DATE, kind="date"),
        Field("dia_diem", PLACE, kind="place"),
    ), "loa: phat thuoc tay giun mien phi cho tre tu 2 den 12 tuoi 8h-10h sang chu nhat 27/12 tai nha van hoa khu "
       "pho 8, moi tre mot vien",
       {"tieu_de": "Phát thuốc tẩy giun miễn phí cho trẻ em", "noi_dung": "Phường phát thuốc tẩy giun miễn phí cho "
        "trẻ em từ 2 đến 12 tuổi. Mỗi trẻ được uống một viên. Đề nghị các gia đình đưa trẻ đến đúng giờ.",
        "thoi_gian": "8h-10h sáng", "ngay": "chủ nhật 27/12", "dia_diem": "nhà văn hoá khu phố 8"}),
)}


def doc_type(value: str) -> DocType:
    """Look a type up by slug ("giay-moi") or label ("giấy mời")."""
    key = nfc(value or "").strip().lower()
    for t in DOC_TYPES.values():
        if key in (t.slug, t.label) or strip_diacritics(key) == strip_diacritics(t.label):
            return t
    raise CourseError(f"Không biết loại văn bản «{value}».", hint="Chọn một trong: " + ", ".join(DOC_TYPES) + ".")


@dataclass
class Office:
    """Who issues the document: set once per ward, not taken from the notes."""

    co_quan: str = "ỦY BAN NHÂN DÂN PHƯỜNG AN BÌNH"
    ten: str = "Ủy ban nhân dân phường An Bình"  # how the body text names it
    dia_danh: str = "An Bình"
    quyen_han: str = "TM. ỦY BAN NHÂN DÂN"
    chuc_vu: str = "CHỦ TỊCH"
    nguoi_ky: str = "Nguyễn Văn An"


# ------------------------------------------------------------------------------------------ grounding

ABBREVIATIONS = {
    "tdp": "to dan pho", "ubnd": "uy ban nhan dan", "nvh": "nha van hoa", "p.": "phuong", "hđnd": "hoi dong nhan dan",
    "hdnd": "hoi dong nhan dan", "mttq": "mat tran to quoc", "cb": "can bo", "cn": "chu nhat", "t7": "thu 7",
}
_WORD = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Lower case, no diacritics, abbreviations spelt out, one space: what grounding compares."""
    text = strip_diacritics(nfc(text or "")).lower()
    text = text.replace("đ", "d")
    for short, full in ABBREVIATIONS.items():
        text = re.sub(rf"(?<![a-z0-9]){re.escape(short)}(?=\d|\b)", full + " ", text)
    text = re.sub(r"(\d)h(\d)", r"\1 h \2", text)
    text = re.sub(r"(\d):(\d\d)\b", r"\1 h \2", text)  # 14:30 is 14 h 30 (the colon would be lost)
    text = re.sub(r"(\d)([a-z])", r"\1 \2", text)
    text = re.sub(r"([a-z])(\d)", r"\1 \2", text)
    return " ".join(_WORD.findall(text))


def numbers(text: str) -> list[str]:
    """Every number in `text`, leading zeros dropped ('05' → '5'); '15.000' and '1,5' count as one number."""
    out = []
    for raw in re.findall(r"\d+(?:[.,]\d+)*", nfc(text or "")):
        plain = raw.replace(".", "").replace(",", "")
        out.append(plain.lstrip("0") or "0")
    return out


def ungrounded_numbers(text: str, notes: str) -> list[str]:
    """Numbers in `text` that the notes do not contain (a simple invented-facts check)."""
    have = set(numbers(notes))
    return [n for n in dict.fromkeys(numbers(text)) if n not in have]


AMOUNT_WORDS = ("muoi", "nghin", "trieu", "phan tram")  # not "tram", "ngan", "ty": also trạm, ngắn, tý


def ungrounded_amounts(text: str, notes: str) -> list[str]:
    """Spelt-out amounts ('năm mươi nghìn') whose words the notes never use: invented unless the notes say so."""
    have = f" {fold(notes)} "
    return [w for w in AMOUNT_WORDS if f" {w} " in f" {fold(text)} " and f" {w} " not in have]


def copied_from_example(value: str, example: str, notes: str, n: int = 8) -> bool:
    """True when `value` repeats eight words in a row from the form's worked example that the notes do not have.

    Eight, not fewer: administrative wording repeats short formulas («Ủy ban nhân dân phường đề nghị») that are
    no sign of copying (measured: five words dropped right sentences of two công văn)."""
    words, ex, have = fold(value).split(), f" {fold(example)} ", f" {fold(notes)} "
    known = set(have.split())
    for i in range(len(words) - n + 1):
        gram = " " + " ".join(words[i:i + n]) + " "
        # and at least two of its words are nowhere in the notes: «trả lời phản ánh của bà Nguyễn Thị …» is a
        # formula plus the notes' own words, not a copy
        if gram in ex and gram not in have and sum(w not in known for w in words[i:i + n]) >= 2:
            return True
    return False


def grounded(value: str, notes: str, kind: str = "place", share: float = 0.8) -> bool:
    """True when `value` comes from the notes: all its numbers are there and, for a time or a date, at least
    one number ('8 giờ' for '8h'); for a place or a name, most of its words too."""
    if ungrounded_numbers(value, notes):
        return False
    if kind in ("time", "date"):
        return bool(numbers(value))
    words = fold(value).split()
    if not words:
        return False
    have = set(fold(notes).split())
    return sum(w in have for w in words) >= share * len(words)


# ------------------------------------------------------------------------------------------ dates, times

WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
_WEEKDAY_WORDS = {"2": 0, "hai": 0, "3": 1, "ba": 1, "4": 2, "tu": 2, "5": 3, "nam": 3, "6": 4, "sau": 4,
                  "7": 5, "bay": 5}


_TIME = re.compile(r"\b(\d{1,2})\s*(?:h|gio)(?:\s*(\d{1,2})(?!\s*(?:h|gio)\b))?\b")


def _hm(f: str, m: re.Match[str]) -> tuple[int, int] | None:
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if hour < 12 and re.match(r"\s*(?:phut\s*)?(chieu|toi)\b", f[m.end():m.end() + 16]):
        hour += 12
    if hour > 23 or minute > 59:
        return None
    return hour, minute


def parse_time(value: str) -> tuple[int, int] | None:
    """'8h sáng' → (8, 0); '14 giờ 30' → (14, 30); '2 giờ chiều' → (14, 0); None when there is no hour."""
    f = fold(value)
    # the minutes are not the next hour of a span: '7h-11h' is 7:00
    m = _TIME.search(f)
    return _hm(f, m) if m else None


def times_in(text: str) -> list[tuple[int, int]]:
    """Every clock time in `text`, in order, each once ('từ 7h đến 11h30' → [(7, 0), (11, 30)])."""
    f = fold(text)
    found = [_hm(f, m) for m in _TIME.finditer(f)]
    return list(dict.fromkeys(x for x in found if x))


END_MARKERS = r"(?:ket thuc|xong|be mac|tan hop|nghi luc)"


def end_time_in(text: str) -> tuple[int, int] | None:
    """The time a meeting ended, when the notes say so ('Họp xong lúc 10 giờ', 'Kết thúc 10 giờ 30')."""
    f = fold(text)
    m = re.search(END_MARKERS + r"\s+(?:vao\s+)?(?:luc\s+)?(?=\d)", f)
    if not m:
        return None
    t = _TIME.match(f, m.end())
    return _hm(f, t) if t else None


def format_time(hm: tuple[int, int]) -> str:
    return f"{hm[0]:02d} giờ {hm[1]:02d}"


_WEEKDAY = r"(?:\b(chu nhat|cn)\b|\bthu\s*(2|3|4|5|6|7|hai|ba|tu|nam|sau|bay)\b|\bt([2-7])\b)"
# a date is written with / . - or «tháng» between day and month: '12/12', '9/1/2027', '05 tháng 01 năm 2026'
_DATE = re.compile(r"(?<![\d/.,-])(\d{1,2})\s*(?:[/.-]|\s+thang\s+)\s*(\d{1,2})(?:\s*(?:[/.-]|\s+nam\s+)\s*(\d{4}))?"
                   r"(?![\d/.,]\d)")


def _plain(text: str) -> str:
    """Lower case, no diacritics, punctuation kept (dates need their slashes)."""
    return strip_diacritics(nfc(text or "")).lower().replace("đ", "d")


def _weekday(words: str) -> int | None:
    w = re.search(_WEEKDAY, words)
    return _weekday_of(w) if w else None


def _weekday_of(w: re.Match[str]) -> int:
    return 6 if w.group(1) else _WEEKDAY_WORDS[w.group(2) or w.group(3)]


def _day(m: re.Match[str], today: dt.date) -> dt.date | None:
    day, month = int(m.group(1)), int(m.group(2))
    years = [int(m.group(3))] if m.group(3) else [today.year - 1, today.year, today.year + 1]
    candidates = []
    for year in years:
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda d: abs((d - today).days)) if candidates else None


def dates_in(text: str, today: dt.date) -> list[tuple[dt.date, int | None]]:
    """Every date in `text` in order, each with the weekday written just before it (None when none is)."""
    p = _plain(text)
    out: dict[dt.date, int | None] = {}
    last = 0
    for m in _DATE.finditer(p):
        day = _day(m, today)
        if day is None:
            continue
        # the weekday belongs to this date when it stands right before it: 'thứ 7 ngày 12/12', 'chủ nhật, 13/12'
        before = p[max(last, m.start() - 24):m.start()]
        w = None
        for w_m in re.finditer(_WEEKDAY, before):
            if re.fullmatch(r"[\s,]*(?:ngay\s*)?", before[w_m.end():]):
                w = _weekday_of(w_m)
        out.setdefault(day, w)
        last = m.end()
    return list(out.items())


def parse_date(value: str, today: dt.date) -> tuple[dt.date | None, int | None]:
    """'thứ 7 13/12' → (the 13 December nearest to `today`, 5 = Saturday as written); (None, None) if no date."""
    p = _plain(value)
    weekday = _weekday(p)
    m = _DATE.search(p)
    if not m:
        return None, weekday
    return _day(m, today), weekday


DEADLINE_MARKERS = r"(?:truoc|han|het ngay|cham nhat|den het|khong qua)"


def deadline_in(text: str, today: dt.date) -> dt.date | None:
    """The deadline the notes state ('trả lời trước ngày 18/12', 'đến hết ngày 25/12')."""
    p = _plain(text)
    m = re.search(r"\b" + DEADLINE_MARKERS + r"\b[\s:,]*(?:ngay\s*)?(?=\d)", p)
    if not m:
        return None
    d = _DATE.match(p, m.end())
    return _day(d, today) if d else None


# ------------------------------------------------------------------------------------------ the model

SYSTEM = (
    "Bạn là chuyên viên Văn phòng Ủy ban nhân dân phường. Đọc ghi chú của cán bộ và điền mẫu JSON cho một {label}.\n"
    "Quy tắc:\n"
    "1. Giờ, ngày, địa điểm, họ tên, con số: chỉ lấy từ ghi chú. Ghi chú không có thì để chuỗi rỗng \"\" hoặc "
    "danh sách rỗng []. Tuyệt đối không tự đặt ra.\n"
    "2. Ghi chú có thể viết không dấu hoặc viết tắt (tdp = tổ dân phố, ubnd = Ủy ban nhân dân): bạn viết lại "
    "tiếng Việt có dấu, đầy đủ.\n"
    "3. Giữ nguyên tên riêng, con số và các cụm từ chính của ghi chú (ví dụ «bộ phận một cửa»), không đổi sang "
    "từ khác.\n"
    "4. Lời văn trang trọng, ngắn gọn, đúng tiếng Việt có dấu.\n"
    "Các trường:\n{fields}"
)


def _messages(t: DocType, notes: str) -> list[dict[str, str]]:
    fields = "\n".join(f"- {f.key}: {f.describe}" for f in t.fields)
    return [
        {"role": "system", "content": SYSTEM.format(label=t.label, fields=fields)},
        {"role": "user", "content": f"Ghi chú: {t.example_notes}"},
        {"role": "assistant", "content": json.dumps(t.example_json, ensure_ascii=False)},
        {"role": "user", "content": f"Ghi chú: {nfc(notes).strip()}"},
    ]


def _prompt_for_ask(t: DocType, notes: str) -> tuple[str, str]:
    """(system, prompt) for `course.llm.ask`, which takes one user turn: the example goes into the system text."""
    msgs = _messages(t, notes)
    system = (msgs[0]["content"] + "\n\nVí dụ:\nGhi chú: " + t.example_notes + "\nJSON: " + msgs[2]["content"])
    return system, msgs[3]["content"]


def warm_up(t: DocType | str, provider: str | None = None) -> bool:
    """Read the form's fixed prompt (rules, fields, worked example) into the local model's cache now, so the
    learner's first draft only reads its own notes (llama.cpp reuses the cached prefix). False, doing nothing,
    when drafts go to a cloud provider or the local model cannot fill forms."""
    from course.config import load_settings
    from course.llm import local
    from course.local_models import llm_spec

    t = doc_type(t) if isinstance(t, str) else t
    settings = load_settings()
    chosen = (provider or settings.provider or "auto").lower()
    if chosen == "auto":
        chosen = settings.active_provider()
    if chosen != "local" or not llm_spec(local.chat_model()).instruct:
        return False
    system, prompt = _prompt_for_ask(t, "")
    local.chat([{"role": "system", "content": system}, {"role": "user", "content": prompt}], max_tokens=1)
    return True


def freeform_prompt(notes: str, t: DocType | str) -> str:
    """The plain request a learner would type to a chatbot for the same job (the comparison without a form)."""
    t = doc_type(t) if isinstance(t, str) else t
    return f"Soạn {t.label} từ ghi chú sau. Chỉ dùng thông tin trong ghi chú.\nGhi chú: {nfc(notes).strip()}"


def _clean(t: DocType, data: Any) -> dict[str, Any]:
    """Keep the form's keys, NFC strings, drop «không có»-style fillers and empty list items."""
    if not isinstance(data, dict):
        raise ValueError("not an object")
    fillers = {"", "khong co", "khong ro", "chua ro", "khong", "n/a", "none", "null", "trong", "de trong"}
    out: dict[str, Any] = {}
    for f in t.fields:
        value = data.get(f.key, [] if f.kind in ("list", "names") else "")
        if f.kind in ("list", "names"):
            items = value if isinstance(value, list) else [value]
            out[f.key] = [nfc(str(v)).strip() for v in items if str(v).strip() and fold(str(v)) not in fillers]
        else:
            text = nfc(str(value if value is not None else "")).strip()
            out[f.key] = "" if fold(text) in fillers else text
    return out


@dataclass
class FillResult:
    """What the model returned: the cleaned fields, how many tries it took, and the raw text."""

    fields: dict[str, Any]
    attempts: int
    raw: str
    provider: str
    model: str
    latency_s: float
    tokens_out: int
    first_token_s: float | None = None
    notices: list[str] = field(default_factory=list)


def fill_form(notes: str, t: DocType | str, provider: str | None = None, retries: int = 1,
              max_tokens: int = 400) -> FillResult:
    """Ask the model to fill `t`'s form from `notes`; invalid JSON is retried, then a Vietnamese `DraftingError`."""
    import time

    from course.llm import ask

    t = doc_type(t) if isinstance(t, str) else t
    if not (notes or "").strip():
        raise DraftingError("Ghi chú đang để trống.", hint="Gõ vài dòng mô tả việc cần soạn rồi bấm lại.")
    schema = t.schema()
    system, prompt = _prompt_for_ask(t, notes)
    start = time.perf_counter()
    last = ""
    for attempt in range(1, retries + 2):
        first: list[float] = []

        def mark(_piece: str, first: list[float] = first) -> None:
            if not first:
                first.append(time.perf_counter() - start)

        ans = ask(prompt, system=system, provider=provider, temperature=0.0 if attempt == 1 else 0.3,
                  max_tokens=max_tokens + 200 * (attempt - 1), seed=attempt, schema=schema, on_token=mark,
                  use_cache=False)
        if not ans.ok:
            raise DraftingError(ans.error)
        last = ans.text
        try:
            data = _clean(t, json.loads(_json_part(ans.text)))
        except ValueError:
            continue
        return FillResult(data, attempt, ans.text, ans.provider, ans.model, time.perf_counter() - start,
                          ans.tokens_out, first[0] if first else None, list(ans.notices))
    raise DraftingError(
        f"Mô hình trả về dữ liệu không đúng dạng JSON sau {retries + 1} lần thử, nên chưa soạn được {t.label}.",
        hint="Viết ghi chú ngắn gọn hơn rồi thử lại, hoặc chọn mô hình khác." + (f" (Đầu câu trả lời: «{last[:80]}»)"
                                                                              if last else ""))


def _json_part(text: str) -> str:
    """The JSON object in an answer (cloud models sometimes wrap it in ``` fences)."""
    text = (text or "").strip()
    if text.startswith("```"):
        text = re.sub(r"^```[a-z]*\s*|\s*```$", "", text)
    return text


# ------------------------------------------------------------------------------------------ checking

@dataclass
class DraftResult:
    """A drafted document: fields, questions back, the document (Draft or text) and the checker's report."""

    doc_type: DocType
    notes: str
    fields: dict[str, Any]
    questions: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    draft: Draft | None = None
    text: str = ""
    report: Report | None = None
    text_problems: list[str] = field(default_factory=list)  # checks of a Zalo post / loudspeaker text
    fill: FillResult | None = None

    @property
    def ok(self) -> bool:
        """Complete and passing its checks."""
        if self.questions or not self.text:
            return False
        return self.report.ok if self.report is not None else not self.text_problems

    def save_docx(self, path: str | Path) -> Path:
        """Write the .docx (administrative types only)."""
        from course.documents.writer import write_docx

        if self.draft is None:
            raise CourseError(f"{self.doc_type.label.capitalize()} không xuất ra .docx theo Nghị định 30.",
                              hint="Sao chép phần chữ để đăng hoặc đọc.")
        return write_docx(self.draft, path)

    def summary(self) -> str:
        """Plain Vietnamese: questions, warnings, the checker's verdict."""
        lines = []
        if self.questions:
            lines.append("Cần bổ sung trước khi soạn:")
            lines += [f"- {q}" for q in self.questions]
        lines += [f"Lưu ý: {w}" for w in self.warnings]
        if self.report is not None:
            lines.append(self.report.summary())
        elif self.text:
            lines.append("Kiểm tra bài viết: " + ("đạt." if not self.text_problems else "; ".join(self.text_problems)))
        return "\n".join(lines)

    def __str__(self) -> str:
        return (self.text + "\n\n" if self.text else "") + self.summary()


def check_fields(t: DocType, data: dict[str, Any], notes: str, today: dt.date) -> tuple[dict[str, Any], list[str],
                                                                                        list[str]]:
    """Ground the model's values in the notes: (fields with parsed dates/times, questions, warnings).

    A time, date, place or name the notes do not contain is never used: it becomes a question (required
    field) or a warning and is dropped (optional field). A weekday that does not match the date is asked back.
    """
    out = dict(data)
    questions: list[str] = []
    warnings: list[str] = []
    note_times, note_dates = times_in(notes), dict(dates_in(notes, today))
    example = json.dumps(t.example_json, ensure_ascii=False)
    for f in t.fields:  # 1. drop what the notes do not say
        value = out.get(f.key)
        if f.kind == "name" and value and not looks_like_name(value):
            warnings.append(f"«{value}» ({f.key}) không phải họ tên nên không dùng.")
            out[f.key] = value = ""
        if f.kind in ("time", "date", "place", "name") and value and not grounded(value, notes, f.kind):
            warnings.append(f"«{value}» ({f.key}) không có trong ghi chú nên không dùng.")
            out[f.key] = ""
        elif f.kind == "names" and value:
            # who is invited / addressed comes from the notes: an item copied whole from the worked example, or
            # sharing less than half its words with the notes, is not used
            kept = [x for x in value if grounded(x, notes, "names", 0.5)
                    and not (fold(x) in fold(example) and fold(x) not in fold(notes))]
            if len(kept) < len(value):
                dropped = [x for x in value if x not in kept]
                warnings.append(f"«{'», «'.join(dropped)}» ({f.key}) không có trong ghi chú nên không dùng.")
                out[f.key] = kept
        if f.kind in ("text", "list") and out.get(f.key):
            cut = [unloop(x) for x in out[f.key]] if isinstance(out[f.key], list) else unloop(out[f.key])
            if cut != out[f.key]:
                warnings.append(f"Bỏ đoạn mô hình lặp lại một chữ nhiều lần ở «{f.key}».")
                out[f.key] = [x for x in cut if x] if isinstance(cut, list) else cut
        if f.kind in ("text", "list", "names") and out.get(f.key):
            # a sentence the small model copied from the worked example is not about these notes: drop it
            items = out[f.key] if isinstance(out[f.key], list) else re.split(r"(?<=[.!?])\s+", out[f.key])
            kept = [x for x in items if not copied_from_example(x, example, notes)]
            if len(kept) < len(items):
                warnings.append(f"Bỏ câu chép từ ví dụ mẫu (không có trong ghi chú) ở «{f.key}».")
            # a sentence with a figure the notes do not give (a year, an amount) is not used: never an invented fact
            for x in list(kept):
                bad = ungrounded_numbers(x, notes) + ungrounded_amounts(x, notes)
                if bad:
                    kept.remove(x)
                    warnings.append(f"Bỏ câu «{x}» ở «{f.key}»: con số {', '.join(bad)} không có trong ghi chú.")
            if len(kept) < len(items):
                out[f.key] = kept if isinstance(out[f.key], list) else " ".join(kept)
        if f.key == "ket_qua":
            _report_results(out, notes, warnings)
        if f.kind == "place":
            placed = place_in_notes(trim_place(out.get(f.key) or ""), t, notes)
            if placed and fold(placed) != fold(out.get(f.key) or ""):
                warnings.append(f"«{placed}» ({f.key}) theo đúng ghi chú, thay cho «{out.get(f.key) or ''}».")
            out[f.key] = placed
        if f.key == "kinh_gui" and t.slug == "tra-loi-cong-dan" and out.get(f.key):
            # a reply goes to a person: «Ông/Bà …» or a full name, not «Phường» or «ngõ 7»
            people = [x for x in out[f.key] if re.match(r"(?:ong|ba|anh|chi|co|chu|gia dinh|ho)\b", _plain(x))
                      or sum(w[:1].isupper() for w in x.split()[1:]) >= 2]
            if len(people) < len(out[f.key]):
                warnings.append(f"«{'; '.join(x for x in out[f.key] if x not in people)}» không phải người nhận.")
                out[f.key] = people
        if f.key == "tra_loi" and out.get(f.key):
            # the ward's answer is the one the notes give (after «:»): an answer that keeps under half of its
            # words is replaced by it
            stated = from_notes("tra_loi", t, notes)
            words = fold(stated).split()
            if words and sum(w in set(fold(out[f.key]).split()) for w in words) < 0.5 * len(words):
                warnings.append(f"Câu trả lời theo đúng ghi chú («{stated}»), thay cho «{out[f.key]}».")
                out[f.key] = stated
        if f.kind in ("names", "name") and out.get(f.key):
            # the notes name who is invited / addressed / chairs in a fixed phrase: those people it is; the model's
            # wording is kept where it contains theirs (it adds the diacritics the notes may lack)
            stated = from_notes(f.key, t, notes)
            stated = stated if isinstance(stated, list) else [stated] if stated else []
            given = out[f.key] if isinstance(out[f.key], list) else [out[f.key]]
            picked = list(dict.fromkeys(next((g for g in given if fold(x) in fold(g)), x) for x in stated))
            if picked and [fold(x) for x in picked] != [fold(g) for g in given]:
                warnings.append(f"«{'; '.join(picked)}» ({f.key}) theo đúng ghi chú, thay cho «{'; '.join(given)}».")
                out[f.key] = picked if f.kind == "names" else picked[0]
        if f.kind in ("place", "name", "names", "text") and not out.get(f.key):  # 2. what the notes state
            found = from_notes(f.key, t, notes)
            if found:
                out[f.key] = found
                shown = "; ".join(found) if isinstance(found, list) else found
                warnings.append(f"«{shown}» ({f.key}) chép từ ghi chú vì mô hình không điền được: bạn đọc lại.")
    for f in t.fields:  # 3. times and dates as written in Vietnamese documents; questions for what is missing
        value = out.get(f.key)
        if f.kind == "time":
            hm = _time_from_notes(f.key, parse_time(value) if value else None, note_times, notes)
            if value and hm is None:
                warnings.append(f"Không thấy giờ «{value}» trong ghi chú nên không dùng.")
            out[f.key + "_hm"] = hm
            out[f.key] = value = format_time(hm) if hm else ""
        if f.kind == "date":
            day = _date_from_notes(f.key, parse_date(value, today)[0] if value else None, note_dates, notes, today)
            if value and day is None:
                warnings.append(f"Không thấy ngày «{value}» trong ghi chú nên không dùng.")
            weekday = note_dates.get(day) if day else None
            if day is not None and weekday is not None and weekday != day.weekday():
                # the notes contradict themselves: use neither, ask
                conflict = (f"Ngày {day:%d/%m/%Y} là {WEEKDAYS[day.weekday()]}, không phải "
                            f"{WEEKDAYS[weekday]}: bạn kiểm tra lại ngày.")
                questions.append(f"{f.missing} {conflict}" if f.required else conflict)
                out[f.key], out[f.key + "_date"] = "", None
                continue
            out[f.key + "_date"] = day
            out[f.key] = value = f"{WEEKDAYS[day.weekday()]}, {format_date(day)}" if day else ""
        if f.required and not value:
            questions.append(f.missing)
    return out, questions, warnings


# ------------------------------------------------------------------------------------------ from the notes
# When the small model leaves a field empty, or fills it with something the notes do not say, the course
# reads the value from the notes' own wording where Vietnamese notes state it in a fixed way («mời X họp»,
# «gửi X đề nghị», «tại X», «chủ trì ông X»). Only words of the notes are used, never invented ones.

_HONORIFIC = {"ong": "Ông", "ba": "Bà", "anh": "Anh", "chi": "Chị"}
_PLACE_STOP = r"(?=\s*[,.;:!?]|\s+(?:ban|de|nham|ve|luc|vao|tu|den het|truoc|mang|moi)\s|\s+\d{1,2}\s*(?:h|gio)\b|$)"


_INVITE = r"\b(?:kinh moi|xin moi|moi)\s+(.+?)\s+(?:den\s+)?(?:hop|du|tham du|gap mat|sinh hoat)\b"


def _spans(notes: str, pattern: str) -> list[str]:
    """Group 1 of every match of `pattern` on the folded-but-punctuated notes, in the notes' own spelling."""
    text = nfc(notes or "")
    plain = _plain(text)
    if len(plain) != len(text):  # pragma: no cover - a letter that does not fold one to one
        return []
    return [text[m.start(1):m.end(1)].strip(" ,.;:") for m in re.finditer(pattern, plain) if m.group(1).strip()]


def _capitalised_run(text: str) -> str:
    """The leading run of capitalised words ('Nguyễn Văn Bình chủ trì' → 'Nguyễn Văn Bình')."""
    words = []
    for word in text.split():
        if not word[:1].isupper():
            break
        words.append(word.strip(",.;:"))
        if word[-1:] in ",.;:":
            break
    return " ".join(words)


def _person(notes: str, role: str) -> str:
    """'chủ trì ông Lê Văn Cường', 'thư ký: Đỗ Thị Thu', 'Tổ trưởng Nguyễn Văn Bình chủ trì' → the name."""
    for span in _spans(notes, rf"\b{role}\s*(?:la|:)?\s*(?:(?:chu tich|pho chu tich|to truong|bi thu)\s+)?"
                              r"(?:(?:ong|ba|anh|chi)\s+)?(.{3,40})"):
        if name := _capitalised_run(span):
            return name
    text = nfc(notes or "")
    for m in re.finditer(rf"\s{role}\b", _plain(text)):
        before = text[:m.start()].split()[-4:]
        run = []
        for word in reversed(before):
            if not word[:1].isupper() or word[-1:] in ",.;:" or _plain(word) in _HONORIFIC:
                break
            run.insert(0, word)
        if len(run) >= 2:
            return " ".join(run)
    return ""


def _split_who(span: str) -> list[str]:
    items = [x.strip() for x in re.split(r",\s*|\s+(?:và|va)\s+", span) if x.strip()]
    return [x[:1].upper() + x[1:] for x in items]


def from_notes(key: str, t: DocType, notes: str) -> Any:
    """The value of field `key` as the notes state it in a fixed phrasing, or an empty value."""
    if key == "thanh_phan":
        spans = _spans(notes, _INVITE)
        return _split_who(spans[0]) if spans else []
    if key == "kinh_gui" and t.slug == "cong-van":
        spans = _spans(notes, r"\b(?:kinh gui|gui)\s+(.+?)\s*(?::|\s(?:de nghi|xin|ve viec|yeu cau|bao cao)\b)")
        return _split_who(spans[0]) if spans else []
    if key == "kinh_gui":
        text = nfc(notes or "")
        for m in re.finditer(r"\btra loi\s+(ong|ba|anh|chi)\s+", _plain(text)):
            if name := _capitalised_run(text[m.end():]):
                return [f"{_HONORIFIC[m.group(1)]} {name}"]
        return []
    if key in ("chu_tri", "thu_ky"):
        return _person(notes, "chu tri" if key == "chu_tri" else "thu ky")
    if key == "dia_diem":
        spans = _spans(notes, r"\b(?:tai|o)\s+(.{3,80}?)" + _PLACE_STOP)
        return spans[0] if spans else ""
    if key == "noi_dung" and t.slug == "giay-moi":
        text, marked = nfc(notes or ""), _plain(notes) != nfc(notes or "").lower()  # marked: «ban» is not «bàn»
        invite = re.search(_INVITE, _plain(text))
        rest = text[invite.end():] if invite else text  # the purpose comes after «mời … họp»
        for word in ("noi dung:?", "de", "nham", "ban", "ve"):
            for span in _spans(rest, rf"\b({word}\s+.{{4,120}}?)(?=\s*[,.;!?]|\s+mang\s|$)"):
                if marked and span.split()[0].lower() in ("ban", "de", "ve"):
                    continue
                span = re.sub(r"^(?:để|de|nhằm|nham|nội dung:?|noi dung:?)\s+", "", span, flags=re.IGNORECASE)
                return span[:1].upper() + span[1:]
        return ""
    if key == "noi_dung" and t.slug in ("thong-bao", "loa", "bai-dang", "cong-van"):
        body = _body(notes, t)
        return body[:1].upper() + body[1:].rstrip(" .") + "." if body else ""
    if key in ("tra_loi", "cau_hoi", "ket_qua") and ":" in (notes or ""):
        head, _, answer = nfc(notes).partition(":")
        if key == "tra_loi":
            answer = answer.strip(" .")
            return answer[:1].upper() + answer[1:] + "." if answer else ""
        if key == "cau_hoi":
            m = re.search(r"\b(?:hoi|phan anh|de nghi|kien nghi)\b", _plain(head))
            ask = head[m.start():].strip() if m else ""
            return ask[:1].upper() + ask[1:] + "." if ask else ""
        # a report's results: the clauses after the colon, without proposals and what is still left to do
        clauses = [c.strip(" .") for c in re.split(r"[;,]\s*", answer) if c.strip(" .")]
        return [c[:1].upper() + c[1:] for c in clauses
                if not re.search(r"\b(?:de nghi|kien nghi|chua)\b|^con\b", _plain(c))]
    if key in SUBJECT_KEYS:
        gist = from_notes("noi_dung", t, notes) if t.slug == "giay-moi" else _body(notes, t)
        plain = _plain(gist)
        m = re.search(r"[,.;:(]|\s(?:tu|luc|vao|tai|o|truoc|den het|trong)\s|\s\d{1,2}\s*(?:h|gio)\b", plain)
        gist = gist[:m.start()] if m else gist
        words = gist.split()[:12]
        return " ".join(words)[:1].upper() + " ".join(words)[1:] if len(words) >= 2 else ""
    return [] if t.field(key).kind in ("list", "names") else ""


_COMMAND = (r"^\W*(?:(?:viet|soan|lam)\s+)?(?:thong bao loa|thong bao|doc loa|loa phuong|loa|dang zalo|dang fanpage|"
            r"bai dang fanpage|bai dang|bai zalo|zalo[^:]{0,30}|cong van|cv|bao cao nhanh|bao cao)\b\s*:?\s*")


def _body(notes: str, t: DocType) -> str:
    """The notes without their command words ('thông báo: …', 'loa: …', 'gửi X đề nghị …' → what is said)."""
    text = nfc(notes or "").strip()
    plain = _plain(text)
    if t.slug == "cong-van":
        m = re.search(r"\b(?:kinh gui|gui)\s+.+?\s*(?::|\s(?=de nghi|xin|ve viec|yeu cau|bao cao))", plain)
        if m:
            return text[m.end():].strip(" :,")
        # no addressee in the notes («viết công văn đề nghị …»): what follows the command words
    m = re.match(_COMMAND, plain)
    return text[m.end():].strip(" :,") if m else ""


def trim_place(value: str) -> str:
    """'nhà văn hoá bàn tổng vệ sinh' → 'nhà văn hoá': a place ends where the purpose of the meeting starts
    ('bàn ra quân …' alone is no place at all: '')."""
    plain, lower = _plain(value), nfc(value).lower()
    marked = plain != lower  # with diacritics, «ban» (a board) is not «bàn» (to discuss)
    for m in re.finditer(r"(?:^|\s)(ban|de|nham|ve viec)\s", plain):
        if plain[:m.start()].endswith("dia") or (marked and lower[m.start(1):m.end(1)] == m.group(1) != "ve viec"):
            continue
        return value[:m.start()].strip(" ,")
    return value


def _report_results(out: dict[str, Any], notes: str, warnings: list[str]) -> None:
    """A report's results are the notes' results: an item with none of the notes' figures and under half their
    words is dropped (the model wrote it, the notes did not); a result clause of the notes whose figures the
    model left out (or filed as a shortcoming) is added back as the notes write it."""
    have = set(fold(notes).split())
    # words of what was done: the notes after their title (up to the first «:» or «,»), which only names the topic
    done = set(fold(re.split(r"[:,]", nfc(notes or ""), maxsplit=1)[1] if re.search(r"[:,]", notes or "") else "").split())
    items = [x for x in out.get("ket_qua", []) if set(numbers(x)) & set(numbers(notes))
             or (sum(w in have for w in fold(x).split()) >= 0.5 * max(1, len(fold(x).split()))
                 and set(fold(x).split()) & done)]
    if len(items) < len(out.get("ket_qua", [])):
        warnings.append("Bỏ kết quả mô hình tự viết, ghi chú không có.")
    for clause in from_notes("ket_qua", DOC_TYPES["bao-cao"], notes):
        figures = set(numbers(clause))
        if figures and not figures <= set(numbers(" ".join(items))):
            items.append(clause)
            out["ton_tai"] = [x for x in out.get("ton_tai", []) if not figures <= set(numbers(x))]
            warnings.append(f"Thêm kết quả «{clause}» chép từ ghi chú (mô hình bỏ sót con số).")
    out["ket_qua"] = items


def looks_like_name(value: str) -> bool:
    """'Lê Văn Cường', 'ông Hoàng Văn Nam' yes; 'Tổ 2 thu được 90%' no: two or more capitalised words, no digit."""
    words = [w for w in value.replace(",", " ").split() if _plain(w) not in _HONORIFIC]
    return len(words) >= 2 and all(w[:1].isupper() for w in words) and not re.search(r"\d", value)


def place_in_notes(value: str, t: DocType, notes: str) -> str:
    """The place as the notes write it: the model's when a «tại/ở …» phrase of the notes holds it (with the
    word before it, «đầu ngõ 12» for «ngõ 12»), else that phrase; for a notice, post or loudspeaker text with
    no «tại/ở», the area the notes name («khu phố 2»)."""
    stated = _spans(notes, r"\b(?:tai|o)\s+(.{3,80}?)" + _PLACE_STOP)
    if value:
        have = f" {fold(notes)} "
        m = re.search(rf"\s((?:dau|cuoi|san|cong|truoc|khu vuc)\s+){re.escape(fold(value))}\s", have)
        if m and not fold(value).startswith(m.group(1).strip()):
            words = [m.group(1).strip(), *(re.escape(w) for w in _plain(value).split())]
            longer = _spans(notes, r"\b(" + r"\W+".join(words) + r")\b")
            value = longer[0] if longer else value
        if not stated or any(fold(value) in fold(x) or fold(x) in fold(value) for x in stated):
            return value
        return stated[0]
    if stated:
        return stated[0]
    if t.slug in ("thong-bao", "loa", "bai-dang"):
        areas = _spans(notes, r"\b((?:khu pho|to dan pho|khu tap the|khu dan cu|ngo|to)\s+[0-9a-z]{1,3})\b")
        return areas[0] if areas else ""
    return ""


def unloop(text: str) -> str:
    """A small model may loop ('thải thải thải …'): cut the loop and the unfinished sentence it broke off."""
    m = re.search(r"(?<!\S)(\S+(?:\s+\S+){0,2}?)(?:\s+\1(?=\s|$)){3,}", text)
    if not m:
        return text
    head = text[:m.start()]
    end = max(head.rfind(". "), head.rfind("! "), head.rfind("? "))
    return head[:end + 1].strip() if end >= 0 else ""


def _time_from_notes(key: str, hm: tuple[int, int] | None, note_times: list[tuple[int, int]],
                     notes: str) -> tuple[int, int] | None:
    """The time to use: the model's when the notes state it, else the one the notes give for this field
    (the end of a meeting after «kết thúc / xong», any other time field the first time written)."""
    if key == "gio_ket_thuc":
        end = end_time_in(notes)
        return end if end else (hm if hm in note_times[1:] else None)
    if hm in note_times:
        return hm
    return note_times[0] if note_times else None


def _date_from_notes(key: str, day: dt.date | None, note_dates: dict[dt.date, int | None], notes: str,
                     today: dt.date) -> dt.date | None:
    """The date to use: the model's when the notes state it, else the deadline the notes give (for a
    deadline field) or the first date written (for the day of the event)."""
    if day in note_dates:
        return day
    if key == "thoi_han":
        return deadline_in(notes, today)
    return next(iter(note_dates), None)


def _sentence(text: str) -> str:
    text = text.strip()
    return (text[:1].upper() + text[1:]).rstrip(" .;") + "." if text else ""


def _when(v: dict[str, Any], key_t: str = "thoi_gian", key_d: str = "ngay") -> str:
    parts = []
    if v.get(key_t + "_hm"):
        parts.append(format_time(v[key_t + "_hm"]))
    day = v.get(key_d + "_date")
    if day:
        parts += [WEEKDAYS[day.weekday()], format_date(day)]
    return ", ".join(parts)


def _to_draft(t: DocType, v: dict[str, Any], office: Office, today: dt.date) -> Draft:
    common = {"issuer": office.co_quan, "place": office.dia_danh, "date": today, "authority": office.quyen_han,
              "title": office.chuc_vu, "signer": office.nguoi_ky, "subject": v.get("trich_yeu", ""),
              "cc": list(v.get("noi_nhan", []))}
    body: list[str] = []
    if t.slug == "giay-moi":
        body = [f"{office.ten} trân trọng kính mời: {', '.join(v['thanh_phan'])}.",
                f"Thời gian: {_when(v)}.", f"Địa điểm: {_sentence(v['dia_diem'])}",
                f"Nội dung: {_sentence(v['noi_dung'])}"]
        if v.get("chuan_bi"):
            body.append(f"Đề nghị đại biểu chuẩn bị: {_sentence(v['chuan_bi'])}")
        body.append("Rất mong các đại biểu đến dự đúng thời gian./.")
        common["cc"] = ["Như thành phần mời"] + common["cc"]
    elif t.slug == "thong-bao":
        body = [_sentence(v["noi_dung"])]
        if _when(v):
            body.append(f"Thời gian: {_when(v)}.")
        if v.get("dia_diem"):
            body.append(f"Địa điểm: {_sentence(v['dia_diem'])}")
        who = ", ".join(v.get("doi_tuong", [])) or "các cơ quan, đơn vị và nhân dân trên địa bàn"
        body.append(f"{office.ten} thông báo để {who} biết, thực hiện./.")
        common["cc"] = common["cc"] or list(v.get("doi_tuong", []))
    elif t.slug in ("cong-van", "tra-loi-cong-dan"):
        common["to"] = list(v["kinh_gui"])
        if t.slug == "cong-van":
            body = [_sentence(v["noi_dung"])]
            day = v.get("thoi_han_date")
            if day:
                body.append(f"Đề nghị quý cơ quan xem xét, phản hồi trước {format_date(day)}.")
            body[-1] = body[-1].rstrip(".") + "./."
        else:
            body = [f"{office.ten} nhận được ý kiến: {_sentence(v['cau_hoi'])}",
                    _sentence(v["tra_loi"]), f"{office.ten} trả lời để ông (bà) được biết./."]
    elif t.slug == "bao-cao":
        body = ["## 1. Kết quả thực hiện"] + [_sentence(x) for x in v["ket_qua"]]
        if v.get("ton_tai"):
            body += ["## 2. Tồn tại, hạn chế"] + [_sentence(x) for x in v["ton_tai"]]
        if v.get("kien_nghi"):
            body += [f"## {2 + bool(v.get('ton_tai'))}. Kiến nghị, đề xuất"] + [_sentence(x) for x in v["kien_nghi"]]
        body[-1] = body[-1].rstrip(".") + "./."
    elif t.slug == "bien-ban":
        body = [f"Thời gian bắt đầu: {_when(v)}.", f"Địa điểm: {_sentence(v['dia_diem'])}",
                f"Chủ trì: {v['chu_tri']}; thư ký: {v['thu_ky']}.", "## Nội dung cuộc họp"]
        body += [_sentence(x) for x in v["y_kien"]] + ["## Kết luận", _sentence(v["ket_luan"])]
        end = v.get("gio_ket_thuc_hm")
        body.append(f"Cuộc họp kết thúc lúc {format_time(end)}./." if end else "Cuộc họp kết thúc cùng ngày./.")
        common.update(title="CHỦ TRÌ", authority="", signer=v["chu_tri"], co_signers=[("THƯ KÝ", v["thu_ky"])],
                      cc=["Các thành viên dự họp"])
    return Draft(kind=t.kind, body=body, **common)


ABBREV_SPOKEN = re.compile(r"\b(UBND|HĐND|TDP|MTTQ|CCCD|ND|NĐ|TP|v/v|tr\.|đ/c|Đ/c)\b")


# abbreviations with one reading, spelt out in a text read aloud (others stay and are flagged)
SPOKEN = {"UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "TDP": "tổ dân phố", "MTTQ": "Mặt trận Tổ quốc",
          "CCCD": "căn cước công dân", "v/v": "về việc", "đ/c": "đồng chí", "Đ/c": "đồng chí"}


def spell_out(text: str) -> str:
    """'UBND phường' → 'Ủy ban nhân dân phường': what a listener hears on the loudspeaker."""
    for short, full in SPOKEN.items():
        text = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", full, text, flags=re.IGNORECASE if short == "TDP" else 0)
    return text


def _to_text(t: DocType, v: dict[str, Any], office: Office) -> tuple[str, list[str]]:
    if t.slug == "loa":
        v = {k: spell_out(x) if isinstance(x, str) else x for k, x in v.items()}
    when, where = _when(v), v.get("dia_diem", "")
    if t.slug == "bai-dang":
        lines = [v["tieu_de"].upper(), "", _sentence(v["noi_dung"])]
        if when:
            lines.append(f"Thời gian: {when}.")
        if where:
            lines.append(f"Địa điểm: {_sentence(where)}")
        if v.get("loi_keu_goi"):
            lines += ["", v["loi_keu_goi"].strip()]
        lines += ["", f"— {office.ten}"]
        text = "\n".join(lines)
        limit = 150
    else:
        lines = [f"Thông báo của {office.ten}: {v['tieu_de']}.", _sentence(v["noi_dung"])]
        if when:
            lines.append(f"Thời gian: {when}.")
        if where:
            lines.append(f"Địa điểm: {_sentence(where)}")
        if when or where:
            lines.append("Xin nhắc lại: " + ", ".join(x for x in (when, where) if x) + ".")
        lines.append(f"{office.ten} trân trọng thông báo.")
        text = "\n".join(lines)
        limit = 160  # about one minute read aloud
    problems = []
    n_words = len(text.split())
    if n_words > limit:
        problems.append(f"Dài {n_words} chữ, nên dưới {limit} chữ.")
    if t.slug == "loa":
        found = sorted(set(ABBREV_SPOKEN.findall(text)))
        if found:
            problems.append("Có chữ viết tắt khó đọc trên loa: " + ", ".join(found) + ".")
    return text, problems


def draft_from_notes(notes: str, t: DocType | str, office: Office | None = None, provider: str | None = None,
                     today: dt.date | None = None, fill: FillResult | None = None) -> DraftResult:
    """Notes in the learner's words → a checked document, or questions about what the notes lack.

    The model only fills the form; the course checks every time, date, place and name against the notes,
    writes the document and runs the Nghị định 30 checker on it. Pass `fill` to reuse a model answer.
    """
    t = doc_type(t) if isinstance(t, str) else t
    office = office or Office()
    today = today or dt.date.today()
    fill = fill or fill_form(notes, t, provider)
    values, questions, warnings = check_fields(t, fill.fields, notes, today)
    result = DraftResult(t, notes, values, questions, warnings, fill=fill)
    if questions:
        return result
    if t.kind:
        result.draft = _to_draft(t, values, office, today)
        result.text = result.draft.render_text()
        result.report = check_text(result.text, kind=t.kind, source=t.label)
    else:
        result.text, result.text_problems = _to_text(t, values, office)
    return result
