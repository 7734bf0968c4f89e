"""Catch invented figures: numbers in an AI draft (deadlines, counts, percentages) that its source lacks.

A chatbot asked to "explain the time limit" writes one even when the law has none. `check_figures`
lists every figure of the draft whose value does not occur in the source text the officer trusts, so
the officer reads exactly those sentences against the law. It compares values only ("05" = "5",
"1.245" = "1245"); a figure that is in the source but used wrongly is still the reader's job.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field

UNITS = ("ngày làm việc", "ngày", "giờ", "tuần", "tháng", "năm", "phút", "%", "phần trăm", "triệu đồng",
         "nghìn đồng", "đồng", "hồ sơ", "hộ", "người", "lần")
_UNIT = "|".join(re.escape(u) for u in UNITS)
_NUMBER = re.compile(r"(?<![\w.,/])(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)(?![\w])(?:\s*(" + _UNIT + r")(?!\w))?",
                     re.IGNORECASE)
WORD_NUMBERS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
                "mười": 10}
_WORD = re.compile(r"(?<!\w)(" + "|".join(WORD_NUMBERS) + r")\s+(ngày làm việc|ngày|giờ|tuần|tháng)(?!\w)",
                   re.IGNORECASE)

# A team-written reply showing the typical chatbot slip (an invented time limit); not a model's output.
SAMPLE_DRAFT = ("Cảm ơn anh/chị đã liên hệ. Theo quy định, thời hạn giải quyết đăng ký khai sinh là 05 ngày làm "
                "việc kể từ ngày nhận đủ hồ sơ hợp lệ, nên hồ sơ của anh/chị vẫn đang trong thời hạn. Anh/chị có "
                "thể tra cứu tình trạng hồ sơ trên Cổng Dịch vụ công quốc gia. Trân trọng.")

# Module 2 assignment, Câu 4: a post the team wrote in the style of an AI draft, with one invented detail
# (the closing hour) that the context does not give. Graded by the assignment's hidden test.
ZALO_CONTEXT = ("Phường tiêm vắc-xin sởi miễn phí cho trẻ từ 1 đến 5 tuổi, từ 07 giờ 30 đến 11 giờ sáng thứ Bảy, "
                "ngày 14 tháng 3 năm 2026, tại Trạm Y tế phường; mang theo sổ tiêm chủng của trẻ.")
ZALO_DRAFT = ("📢 Tiêm sởi miễn phí cho bé từ 1 đến 5 tuổi\n"
              "- Khi nào: thứ Bảy, ngày 14 tháng 3 năm 2026, từ 07 giờ 30 đến 16 giờ.\n"
              "- Ở đâu: Trạm Y tế phường.\n"
              "- Mang gì: sổ tiêm chủng của bé.\n"
              "Mời các gia đình đưa bé đi tiêm đầy đủ!")


def _value(number: str) -> float:
    """'05' → 5, '1.245' → 1245, '81,3' → 81.3 (Vietnamese separators)."""
    return float(number.replace(".", "").replace(",", "."))


def figures(text: str) -> list[tuple[str, float]]:
    """Every figure in `text` as (the words shown, its value), in order of appearance."""
    text = unicodedata.normalize("NFC", text or "")
    found = [(m.start(), m.group(0).strip(), _value(m.group(1))) for m in _NUMBER.finditer(text)]
    found += [(m.start(), m.group(0), float(WORD_NUMBERS[m.group(1).lower()])) for m in _WORD.finditer(text)]
    return [(shown, value) for _, shown, value in sorted(found)]


@dataclass
class FigureCheck:
    """The figures of a draft that the source does not contain (`unsupported`), and all figures seen."""

    unsupported: list[str] = field(default_factory=list)
    checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.unsupported

    def summary(self) -> str:
        if not self.checked:
            return "Bản nháp không có con số nào để đối chiếu."
        if self.ok:
            return f"Cả {self.checked} con số trong bản nháp đều có trong văn bản nguồn (vẫn cần đọc lại ý)."
        lines = "\n".join(f"- «{u}»" for u in self.unsupported)
        return (f"{len(self.unsupported)}/{self.checked} con số KHÔNG có trong văn bản nguồn — có thể AI đã bịa:\n"
                f"{lines}\nĐọc lại các câu này với văn bản gốc; bỏ hoặc sửa nếu nguồn không nói như vậy.")

    def __str__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        colour = "#1e7e34" if self.ok else "#b02a37"
        body = html.escape(self.summary()).replace("\n", "<br>")
        return f'<div style="border-left:4px solid {colour};padding:4px 10px">{body}</div>'


def check_figures(draft: str, source: str) -> FigureCheck:
    """Figures of `draft` whose value is absent from `source` (e.g. an invented deadline)."""
    known = {value for _, value in figures(source)}
    seen = figures(draft)
    return FigureCheck([shown for shown, value in seen if value not in known], len(seen))
