"""«Kiểm tra thông tin bịa»: every checkable fact in a draft must come from the learner's notes.

`verify(draft, sources)` finds the dates, weekdays, times, numbers and amounts, person names, places
and legal citations (số hiệu văn bản, Điều/khoản, tên luật) in a draft, from any provider, and
looks each one up in the notes/sources. What the sources do not support is listed as invented
(`thong_tin_bia`), with where it sits in the draft.

Spellings are normalised before comparing, so a fact written differently is still found:
"8h" = "8 giờ" = "08:00"; "2 giờ chiều" = "14h"; "13/12" = "ngày 13 tháng 12"; "thứ 7" = "thứ Bảy"
(and a weekday is supported when a source date with its year falls on it); "1,5 triệu đồng" =
"1.500.000 đồng"; "mười lăm" = "15"; names and places without diacritics; "TDP 3" = "tổ dân phố số 3".

Extraction is asymmetric on purpose: in the sources everything that looks like a fact is kept (a
wrong extra there can only hide an invention), in the draft only clear facts are checked (a number
word like "một" or "năm" counts only inside a number phrase). Two parts of a document are the
document's own and are not checked: the place-and-date line under the header (ngày ban hành) and
"Điều N." headings that structure a decision.

Only explicit facts are checked: an invented claim in words ("đã được cấp trên phê duyệt") is not
found; the lecture says so.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from course.errors import CourseError
from course.text import fold, has_diacritics, nfc, strip_diacritics_aligned, unify_tones

KIND_LABELS = {
    "ngay": "ngày tháng",
    "gio": "giờ",
    "so": "con số",
    "ten": "tên người",
    "dia_diem": "địa điểm",
    "van_ban": "căn cứ pháp lý",
}

NOTHING_TO_CHECK = ("Bản nháp không có ngày, giờ, con số, tên, địa điểm hay căn cứ nào để đối chiếu. Bạn đọc lại xem "
                    "bản nháp đã đủ thông tin chưa (mô hình nhỏ trên máy hay viết lạc đề).")

# ----------------------------------------------------------------------------- normalising


_ABBREVIATIONS = [
    (r"\bubnd\b", "uy ban nhan dan"),
    (r"\bhdnd\b", "hoi dong nhan dan"),
    (r"\bmttq\b", "mat tran to quoc"),
    (r"\btdp\b", "to dan pho"),
    (r"\bnvh\b", "nha van hoa"),
    (r"\bkp\b", "khu pho"),
    (r"\btp\.?\s", "thanh pho "),
    (r"\bq\.\s?", "quan "),
    (r"\bp\.\s?", "phuong "),
    (r"\bđ/c\b|\bd/c\b", "dong chi"),
]


def norm(text: str) -> str:
    """Lower case, no diacritics, abbreviations spelled out, punctuation as spaces, one space."""
    t = fold(nfc(text)).replace("đ", "d")
    for pattern, repl in _ABBREVIATIONS:
        t = re.sub(pattern, repl, t)
    t = re.sub(r"\b(to dan pho|to|khu pho|thon|ap|khom|xom|ban|to)\s+so\s+(\d)", r"\1 \2", t)
    t = re.sub(r"\bto dan pho\s+(\d)", r"to \1", t)
    t = re.sub(r"[^\w/]+", " ", t)
    return " ".join(t.split())


def _contains(haystack: str, needle: str) -> bool:
    return bool(needle) and re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", haystack) is not None


# ----------------------------------------------------------------------------- numbers in words

_UNITS = {"khong": 0, "linh": None, "le": None, "mot": 1, "mốt": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4,
          "nam": 5, "lam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9}
_TENS = {"muoi": 10}
_SCALES = {"tram": 100, "nghin": 1000, "ngan": 1000, "trieu": 1_000_000, "ty": 1_000_000_000, "ti": 1_000_000_000}
_NUMBER_WORDS_VI = {"không", "linh", "lẻ", "một", "mốt", "hai", "ba", "bốn", "tư", "năm", "lăm", "sáu", "bảy",
                    "tám", "chín", "mười", "mươi", "trăm", "nghìn", "ngàn", "triệu", "tỷ", "tỉ", "rưỡi"}
# Single number words counted in a draft only before a counting noun (precision over recall).
_COUNT_NOUNS = {"nguoi", "ho", "to", "ngay", "buoi", "lan", "thang", "nam", "dong", "trieu", "nghin", "xa",
                "phuong", "thon", "can", "dai", "gia", "chau", "em", "tre", "cu", "luot", "diem", "phong",
                "tuan", "gio", "tieng", "phut", "ban", "thanh", "doi", "nhom", "khu", "chiec", "cai", "bo",
                "quyen", "suat", "phan", "muc", "dot", "ca", "hoc", "vien", "thi", "ty", "m2", "km",
                "met", "kg", "tan", "con", "cay", "xe", "cong", "tang", "lop", "truong", "hop", "doan"}


def words_to_number(words: Sequence[str]) -> float | None:
    """Vietnamese number words (folded) → value: ["hai", "muoi", "lam"] → 25; None if not a number."""
    total = 0
    current = 0
    last = 0
    seen = False
    for i, w in enumerate(words):
        if w in ("muoi",):
            if i and words[i - 1] in ("muoi",):
                return None
            current = current - last + (last or 1) * 10 if last else current + 10
            last = 0
            seen = True
        elif w in _UNITS:
            value = _UNITS[w]
            if value is None:  # linh / lẻ
                continue
            if w == "mot" and i and words[i - 1] == "muoi":
                value = 1
            current += value
            last = value
            seen = True
        elif w == "ruoi" and seen:
            return (total + current) * 1.5 if current and not total else total + current * 1.5
        elif w in _SCALES:
            scale = _SCALES[w]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
            last = 0
            seen = True
        else:
            return None
    return float(total + current) if seen else None


# ----------------------------------------------------------------------------- facts


@dataclass
class Fact:
    """One checkable fact: its kind, its text as written, where it sits, and its comparable key."""

    loai: str
    gia_tri: str
    start: int
    end: int
    key: tuple
    supported: bool = True


_WEEKDAYS = {"hai": 0, "2": 0, "ba": 1, "3": 1, "tu": 2, "4": 2, "nam": 3, "5": 3, "sau": 4, "6": 4,
             "bay": 5, "7": 5}
_SCALE_WORDS = r"(?:nghìn|ngàn|nghin|ngan|triệu|trieu|tr|tỷ|tỉ|ty|ti|k)"
_SCALE_VALUE = {"nghin": 1e3, "ngan": 1e3, "k": 1e3, "trieu": 1e6, "tr": 1e6, "ty": 1e9, "ti": 1e9}

_RE_CITATION = re.compile(
    r"(?:(?:Nghị định|Nghị quyết|Thông tư|Quyết định|Chỉ thị|Công văn|Kế hoạch|Luật|Pháp lệnh|Thông báo|"
    r"Nghi dinh|Nghi quyet|Thong tu|Quyet dinh|Chi thi|Cong van|Ke hoach|Luat|Phap lenh|Thong bao)"
    r"\s+(?:số\s+|so\s+)?)?"
    r"\d{1,5}/(?:\d{4}/)?[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*", re.IGNORECASE)
_RE_ARTICLE = re.compile(r"(?:(?:điểm|diem)\s+[a-zđ]\)?\s+)?(?:(?:khoản|khoan)\s+(\d+)\s+)?(?:Điều|Dieu|điều|dieu)\s+(\d+)",
                         re.IGNORECASE)
_RE_LAW_NAME = re.compile(r"\b(?:Bộ\s+luật|Bo\s+luat|Luật|Luat)\s+((?:[A-ZĐÀ-Ỹa-zđà-ỹ]+\s+){0,3}?[A-ZĐÀ-Ỹa-zđà-ỹ]+)"
                          r"(?=\s+(?:năm|nam|số|so)\b|[,.;:)]|\s*$)")
_RE_DATE_NUM = re.compile(r"(?<![\d/:hH])(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/]|[.,]\d)|"
                          r"(?<![\d/:hH])(\d{1,2})([\-.])(\d{1,2})\5(\d{4})(?!\d)")
_RE_DATE_LIST = re.compile(r"(?:ngày|ngay)\s+(\d{1,2}(?:\s*(?:,|và|va|-|–|đến|den)\s*\d{1,2})+)\s*"
                           r"(?:tháng\s+|thang\s+|/)(\d{1,2})(?:\s*(?:năm\s+|nam\s+|/)(\d{4}))?", re.IGNORECASE)
_RE_DATE_WORDS = re.compile(r"(?:ngày|ngay)\s+(\d{1,2})\s+(?:tháng|thang)\s+(\d{1,2})(?:\s*(?:năm|nam)\s+(\d{4}))?",
                            re.IGNORECASE)
_RE_YEAR = re.compile(r"\b(?:năm|nam)\s+(\d{4})\b", re.IGNORECASE)
_RE_WEEKDAY = re.compile(r"\b(?:thứ|thu)\s+(hai|ba|tư|tu|năm|nam|sáu|sau|bảy|bay|[2-7])\b|\b(chủ nhật|chu nhat|CN)\b|"
                         r"\bT([2-7])\b", re.IGNORECASE)
_RE_TIME = re.compile(
    r"(?<![\d/])(\d{1,2})(?::(?=\d{2})|\s*(?:h|g|giờ|gio)(?![^\W\d]))\s*(?:(\d{1,2})\s*(?:phút|phut|p|')?(?!\w))?"
    r"(?:\s+(?:sáng|sang|trưa|trua|chiều|chieu|tối|toi|đêm|dem))?(?!\w)",
    re.IGNORECASE)
_RE_DURATION_BEFORE = re.compile(r"(?:trong|khoảng|khoang|mất|mat|kéo dài|keo dai|hơn|hon|gần|gan|sau|tối đa|toi da)\s*$",
                                 re.IGNORECASE)
_RE_PHONE = re.compile(r"(?<!\d)(?:\+84|0)\d{2,3}(?:[ .]?\d{3})(?:[ .]?\d{3,4})(?!\d)")
_RE_NUMBER = re.compile(rf"(?<![\w/])(\d+(?:[.,]\d+)*)\s*(%|{_SCALE_WORDS}(?!\w))?", re.IGNORECASE)
_RE_WORD = re.compile(r"\w+")

_SURNAMES = {"nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô",
             "dương", "lý", "đinh", "trương", "mai", "cao", "lâm", "lương", "trịnh", "tạ", "hà", "kiều", "quách",
             "chu", "thái", "đoàn", "vương", "la", "tống", "lư", "khúc", "kim", "giang", "lại", "lưu", "tô",
             "triệu", "đào", "hứa", "đàm", "mạc", "thân", "lục", "nông", "hầu", "diệp"}
_SURNAMES_PLAIN = {fold(x).replace("đ", "d") for x in _SURNAMES}
_TITLES = ("ông", "bà", "anh", "chị", "đồng chí", "cô", "thầy", "cháu", "đ/c", "ong", "ba", "chi", "dong chi",
           "co", "thay", "chau", "d/c")
_PLACE_ADMIN = ("tổ dân phố", "khu phố", "thị trấn", "thị xã", "thành phố", "phường", "xã", "quận", "huyện",
                "tỉnh", "thôn", "ấp", "xóm", "khóm", "tổ", "đường", "phố", "ngõ", "hẻm", "kiệt", "chợ",
                "làng", "khu dân cư", "khu", "TDP", "KP")
_PLACE_VENUE = ("nhà văn hóa", "nhà văn hoá", "hội trường", "trụ sở", "trạm y tế", "sân vận động", "nhà thi đấu",
                "trường tiểu học", "trường trung học cơ sở", "trường mầm non", "trường THCS", "trường THPT",
                "bệnh viện", "công viên", "đình", "chùa", "nhà thờ", "bưu điện", "sân", "phòng họp", "bến xe",
                "nghĩa trang", "điểm trường", "nhà sinh hoạt cộng đồng", "khu tập thể", "chung cư", "tòa nhà",
                "toà nhà", "kênh", "sông", "cầu", "hồ")
_VENUE_START = re.compile("|".join(re.escape(v) for v in sorted(_PLACE_VENUE, key=len, reverse=True)) + r"(?!\w)",
                          re.IGNORECASE)
# Venue words that are also everyday words ("gia đình", "sân nhà"): a place only with a name after them.
_VENUE_NEEDS_NAME = {"đình", "chùa", "sân", "nhà thờ", "công viên", "bệnh viện", "kênh", "sông", "cầu", "hồ",
                     "khu tập thể", "chung cư", "tòa nhà", "toà nhà", "bưu điện", "bến xe"}
# Keywords whose undiacritised form is an everyday word: only trusted when written with diacritics.
_AMBIGUOUS_FOLDED = {"to", "xa", "ban", "pho", "ap", "cho", "khu", "lang", "san", "dinh", "chua", "quan", "duong",
                     "phong", "tinh", "ba", "co", "chi", "ong"}


_FOLDED_NUMBER_WORDS = set(_UNITS) | set(_TENS) | set(_SCALES) | {"ruoi"}


def _is_number_word(tok: _Tok, plain: bool) -> bool:
    """A number word as written ("bảy"), or in a text typed without diacritics ("bay"); never "bà", "làm",
    nor "sau" in a text that has diacritics (there it means "after")."""
    low = tok.text.lower()
    return low in _NUMBER_WORDS_VI or (plain and low == tok.f and low in _FOLDED_NUMBER_WORDS)


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


@dataclass
class _Tok:
    text: str
    start: int
    end: int

    @property
    def f(self) -> str:
        return fold(self.text).replace("đ", "d")


class _Extractor:
    """Finds facts in one text; spans taken by a fact are masked for the kinds that come after."""

    def __init__(self, text: str, generous: bool) -> None:
        self.text = text
        self.generous = generous
        self.plain = not has_diacritics(text)
        self.taken = [False] * len(text)
        self.facts: list[Fact] = []
        self.toks = [_Tok(m.group(), m.start(), m.end()) for m in _RE_WORD.finditer(text)]

    def free(self, a: int, b: int) -> bool:
        return not any(self.taken[a:b])

    def add(self, loai: str, a: int, b: int, key: tuple) -> None:
        """Record a fact and mask its span (a span may carry several facts: "ngày 3 và 4/11")."""
        value = self.text[a:b].strip()
        self.facts.append(Fact(loai, value, a, b, key))
        for i in range(a, b):
            self.taken[i] = True

    def mask(self, a: int, b: int) -> None:
        for i in range(a, b):
            self.taken[i] = True

    # -- skipped parts of the document itself
    def skip_own_parts(self) -> None:
        for m in re.finditer(r"(?m)^[^\S\n]*[^\W\d][^,:\n]{0,40},[^\S\n]*(?:ngày|ngay)[^\S\n]+[\d.…]{1,4}[^\S\n]+"
                             r"(?:tháng|thang)[^\S\n]+[\d.…]{1,4}[^\S\n]+(?:năm|nam)[^\S\n]+(?:\d{4}|[.…]+)[^\S\n]*$",
                             self.text):
            self.mask(m.start(), m.end())
        for m in re.finditer(r"(?m)^[^\S\n]*(?:\*\*)?(?:TM\.|KT\.|Q\.)?[^\S\n]*(?:ỦY BAN|UỶ BAN|UBND|HỘI ĐỒNG|ĐẢNG ỦY|"
                             r"ĐẢNG UỶ|CÔNG AN|MẶT TRẬN|BAN CHỈ|CỘNG HÒA|CỘNG HOÀ|TRẠM|PHÒNG|ĐOÀN)[^\n]*$", self.text):
            if m.group().upper() == m.group():  # the issuing body in capitals: the document's own header
                self.mask(m.start(), m.end())
        for m in re.finditer(r"(?m)^[^\S\n]*(?:Điều|Dieu)\s+\d+\s*[.:]", self.text):
            self.mask(m.start(), m.end())
        for m in re.finditer(r"(?m)^[^\S\n]*(?:\d{1,2}|[a-zđ])[.)]\s", self.text):  # list markers
            self.mask(m.start(), m.end())

    def citations(self) -> None:
        for m in _RE_CITATION.finditer(self.text):
            if not self.free(m.start(), m.end()):
                continue
            number = re.search(r"\d{1,5}/.*", m.group()).group()
            self.add("van_ban", m.start(), m.end(), ("so_hieu", norm(number).replace(" ", "")))
        for m in _RE_ARTICLE.finditer(self.text):
            if not self.free(m.start(), m.end()):
                continue
            self.add("van_ban", m.start(), m.end(), ("dieu", int(m.group(2)), int(m.group(1)) if m.group(1) else None))
        for m in _RE_LAW_NAME.finditer(self.text):
            if not self.free(m.start(), m.end()):
                continue
            words = norm(m.group(1)).split()[:2]
            self.add("van_ban", m.start(), m.end(), ("luat", " ".join(words)))

    def dates(self) -> None:
        for m in _RE_DATE_WORDS.finditer(self.text):
            if self.free(m.start(), m.end()):
                self._add_date(m, int(m.group(1)), int(m.group(2)), m.group(3))
        for m in _RE_DATE_LIST.finditer(self.text):
            if self.free(m.start(), m.end()):
                mo, year = int(m.group(2)), m.group(3)
                days = [int(x) for x in re.findall(r"\d+", m.group(1))]
                if all(1 <= d <= 31 for d in days) and 1 <= mo <= 12:
                    for d in days:
                        self._add_date(m, d, mo, year)
        for m in _RE_DATE_NUM.finditer(self.text):
            if not self.free(m.start(), m.end()):
                continue
            if m.group(1):
                d, mo, year = int(m.group(1)), int(m.group(2)), m.group(3)
            else:
                d, mo, year = int(m.group(4)), int(m.group(6)), m.group(7)
            if not (1 <= d <= 31 and 1 <= mo <= 12):
                continue
            a = m.start()
            pre = re.search(r"(?:ngày|ngay)\s*$", self.text[max(0, a - 8):a], re.IGNORECASE)
            if pre:
                a -= len(pre.group())
            self._add_date(m, d, mo, year, a)
        for m in _RE_YEAR.finditer(self.text):
            if self.free(m.start(), m.end()):
                self.add("ngay", m.start(), m.end(), ("nam", int(m.group(1))))
        for m in _RE_WEEKDAY.finditer(self.text):
            if not self.free(m.start(), m.end()):
                continue
            if m.group(2):
                day = 6
            else:
                raw = fold(m.group(1) or m.group(3)).replace("đ", "d")
                day = _WEEKDAYS.get(raw)
                if day is None:
                    continue
            if m.group(3) is None and m.group(2) is None and not self.generous:
                # "thứ ba" can also be an ordinal ("lần thứ ba"): a weekday needs a date or time near it
                window = self.text[max(0, m.start() - 30): m.end() + 40]
                if not re.search(r"\d|ngày|ngay|sáng|sang|chiều|chieu|tối|toi|tuần|tuan", window, re.IGNORECASE):
                    continue
                if re.search(r"(?:lần|lan|đợt|dot|người|nguoi|hạng|hang)\s*$", self.text[max(0, m.start() - 8): m.start()],
                             re.IGNORECASE):
                    continue
            self.add("ngay", m.start(), m.end(), ("thu", day))

    def _add_date(self, m: re.Match, d: int, mo: int, year: str | None, a: int | None = None) -> None:
        y = int(year) if year else None
        if y is not None and y < 100:
            y += 2000
        self.add("ngay", m.start() if a is None else a, m.end(), ("ngay", d, mo, y))

    def times(self) -> None:
        for m in _RE_TIME.finditer(self.text):
            if not self.free(m.start(), m.end()):
                continue
            h, minute = int(m.group(1)), int(m.group(2) or 0)
            sep = re.match(r"\d{1,2}\s*(:|h|g|giờ|gio)", m.group(), re.IGNORECASE).group(1).lower()
            if sep == ":" and m.group(2) is None:
                continue
            if h > 24 or minute > 59:
                continue
            tail = fold(m.group()).split()[-1] if m.group().split() else ""
            if _RE_DURATION_BEFORE.search(self.text[max(0, m.start() - 12): m.start()]) and sep in ("giờ", "gio"):
                self.add("so", m.start(), m.end(), ("so", float(h)))  # a duration, not a time of day
                continue
            if tail in ("chieu", "toi", "dem") and h < 12:
                h += 12
            if tail == "trua" and h < 6:
                h += 12
            period = tail if tail in ("sang", "trua", "chieu", "toi", "dem") else None
            self.add("gio", m.start(), m.end(), ("gio", h, minute, period))

    def numbers(self) -> None:
        for m in _RE_PHONE.finditer(self.text):
            if self.free(m.start(), m.end()):
                self.add("so", m.start(), m.end(), ("dien_thoai", re.sub(r"\D", "", m.group())))
        for m in _RE_NUMBER.finditer(self.text):
            if not self.free(m.start(), m.start() + len(m.group(1))):
                continue
            value = _parse_number(m.group(1), m.group(2))
            if value is None:
                continue
            end = m.end() if m.group(2) else m.start() + len(m.group(1))
            unit = "%" if m.group(2) == "%" else ""
            self.add("so", m.start(), end, ("so", value, unit) if unit else ("so", value))
        self._number_words()

    def _number_words(self) -> None:
        toks = self.toks
        i = 0
        while i < len(toks):
            t = toks[i]
            if not _is_number_word(t, self.plain):
                i += 1
                continue
            j = i
            while j < len(toks) and _is_number_word(toks[j], self.plain):
                j += 1
            run = toks[i:j]
            words = [x.f for x in run]
            if not self.free(run[0].start, run[-1].end):
                i = j
                continue
            value = words_to_number(words)
            next_word = toks[j].f if j < len(toks) else ""
            strong = len(run) >= 2 or (words[0] in {"hai", "ba", "bon", "sau", "bay", "tam", "chin", "muoi"}
                                       and next_word in _COUNT_NOUNS)
            if len(run) == 2 and words[0] == "mot" and words[1] in ("trieu", "nghin", "ngan", "ty", "tram"):
                strong = True
            if words == ["nam"] or (len(run) >= 2 and words[0] == "nam" and words[1] in {"mot", "hai", "nay"}):
                strong = False
            if value is not None and (strong or self.generous):
                self.add("so", run[0].start, run[-1].end, ("so", value))
            i = j

    def names(self) -> None:
        toks = self.toks
        i = 0
        while i < len(toks):
            t = toks[i]
            title_len = 0
            low = t.text.lower()
            if low in _TITLES or low in ("đ", "d"):
                title_len = 1
                if low in ("đồng", "dong") and i + 1 < len(toks) and toks[i + 1].f == "chi":
                    title_len = 2
            if low in ("đồng",) and not (i + 1 < len(toks) and toks[i + 1].f == "chi"):
                title_len = 0
            start = i + title_len
            j = start
            while j < len(toks) and _is_cap(toks[j].text) and not toks[j].text.isdigit() and j - start < 4 \
                    and (j == start or self.text[toks[j - 1].end:toks[j].start] == " "):
                j += 1
            n = j - start
            is_name = False
            if title_len and start < len(toks) and self.text[toks[start - 1].end:toks[start].start] != " ":
                title_len, start, n = 0, i, 0  # "… của cháu.\nTrân trọng": no name after the title
            if title_len and n >= 1 and (low not in _AMBIGUOUS_FOLDED or low != t.f or n >= 2):
                is_name = _is_cap(toks[start].text) and not self._is_place_word(toks[start])
            elif n >= 2 and self._is_surname(toks[start]) and n <= 4:
                is_name = not toks[start].text.isupper() or all(x.text.isupper() for x in toks[start:j])
            if is_name and title_len and start < len(toks) and toks[start].f in ("uy", "ban", "hoi", "truong"):
                is_name = False
            if is_name and n >= 1:
                a, b = toks[start].start, toks[j - 1].end
                if self.free(a, b):
                    self.add("ten", a, b, ("ten", norm(self.text[a:b])))
                i = j
                continue
            i += 1

    def _is_surname(self, tok: _Tok) -> bool:
        low = tok.text.lower()
        return low in _SURNAMES or (low == tok.f and low in _SURNAMES_PLAIN)

    def _is_place_word(self, tok: _Tok) -> bool:
        return tok.f in {"phuong", "xa", "thon", "to", "khu", "uy", "ban", "truong", "tram", "nha", "hoi", "so"}

    def places(self) -> None:
        text_f = strip_diacritics_aligned(self.text.lower())  # same length: positions map back
        for kw in sorted(_PLACE_VENUE, key=len, reverse=True):
            for m in re.finditer(rf"(?<!\w){re.escape(kw)}(?!\w)", self.text, re.IGNORECASE):
                if self.free(m.start(), m.end()):
                    end = self._qualifier_end(m.end(), need=kw in _VENUE_NEEDS_NAME)
                    if end == m.end() and kw in _VENUE_NEEDS_NAME:
                        continue
                    qualifier = re.sub(r"^so ", "", norm(self.text[m.end():end]))
                    self.add("dia_diem", m.start(), end, ("dia_diem", norm(kw), qualifier))
        for kw in sorted(_PLACE_ADMIN, key=len, reverse=True):
            kw_f = fold(kw)
            pattern = re.escape(kw_f)
            for m in re.finditer(rf"(?<!\w){pattern}(?!\w)", text_f):
                a = m.start()
                original = self.text[a:m.end()]
                if not self.free(a, m.end()):
                    continue
                if fold(original) != kw_f:
                    continue
                written_plain = original.lower() == kw_f
                if written_plain and kw != kw_f and kw_f in _AMBIGUOUS_FOLDED and not self.generous:
                    continue  # e.g. "to" written without diacritics: too often an everyday word
                if not written_plain and original.lower() != kw.lower():
                    continue  # same letters, other word (e.g. "phó" for "phố")
                end = self._qualifier_end(m.end(), need=True)
                if end == m.end():
                    continue
                qualifier = re.sub(r"^so ", "", norm(self.text[m.end():end]))
                self.add("dia_diem", a, end, ("dia_diem", norm(kw), qualifier))

    def _qualifier_end(self, pos: int, need: bool = False) -> int:
        """End of the name or number after a place keyword ("nhà văn hoá *tổ 3*", "phường *An Bình*")."""
        rest = self.text[pos:]
        m = re.match(r"[ \t]+(?:(?:số|so)[ \t]+)?(\d+[A-Za-z]?|[A-ZĐ]{1,3}\d+[A-Za-z0-9]*)(?![\w/:]|h\d)", rest)
        if m:
            return pos + m.end()
        end = pos
        count = 0
        for w in re.finditer(r"[ \t]([^\W\d_]+)", rest):
            if w.start() != end - pos or not w.group(1)[:1].isupper() or count >= 4:
                break
            if count == 0 and fold(w.group(1)) in {"ong", "ba", "anh", "chi", "uy", "ubnd", "tai", "tu", "den"}:
                break
            if _VENUE_START.match(rest, w.start(1)):
                break  # "Hội trường Nhà văn hoá …": another place starts here
            end = pos + w.end()
            count += 1
        if count:
            return end
        if need:
            return pos
        m = re.match(r"[ \t]+(?:tổ dân phố|tổ|khu phố|thôn|ấp|xóm|phường|xã|TDP|to dan pho|to|khu pho|thon|xom|"
                     r"phuong|xa)(?=[ \t]+(?:số[ \t]+)?\d)", rest)
        if m:
            return self._qualifier_end(pos + m.end(), need=True)
        return pos

    def run(self) -> list[Fact]:
        if not self.generous:
            self.skip_own_parts()
        self.citations()
        self.dates()
        self.times()
        self.places()
        self.names()
        self.numbers()
        self.facts.sort(key=lambda f: f.start)
        return self.facts


def _parse_number(raw: str, suffix: str | None) -> float | None:
    s = raw
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s) or re.fullmatch(r"\d{1,3}(?:,\d{3})+", s) and not suffix:
        value = float(re.sub(r"[.,]", "", s))
    elif re.fullmatch(r"\d+[.,]\d+", s):
        value = float(s.replace(",", "."))
    elif re.fullmatch(r"\d+", s):
        value = float(s)
    else:
        return None
    if suffix and suffix != "%":
        value *= _SCALE_VALUE.get(fold(suffix).replace("đ", "d"), 1)
    return round(value, 6)


def extract_facts(text: str, *, generous: bool = False) -> list[Fact]:
    """The checkable facts in `text` (for a draft; `generous=True` for the sources)."""
    return _Extractor(nfc(text), generous).run()


# ----------------------------------------------------------------------------- matching


@dataclass
class _Evidence:
    keys: set = field(default_factory=set)
    numbers: set = field(default_factory=set)
    digits: set = field(default_factory=set)
    dates: list = field(default_factory=list)
    times: list = field(default_factory=list)
    years: set = field(default_factory=set)
    weekdays: set = field(default_factory=set)
    citations: list = field(default_factory=list)
    articles: list = field(default_factory=list)
    text: str = ""
    raw: list = field(default_factory=list)  # (lower-case source, the same without diacritics, same length)


def _spelled_in(fragment: str, ev: _Evidence) -> bool:
    """`fragment` (a name) occurs in a source, diacritics ignored only where one side has none:
    "Nguyen Thi Mai" = "Nguyễn Thị Mai", but "Trịnh Thị Ngà" ≠ "Trịnh Thị Nga"."""
    want = unify_tones(nfc(fragment).lower())
    want_plain = strip_diacritics_aligned(want)
    pattern = r"\s+".join(re.escape(w) for w in want_plain.split())
    if not pattern:
        return False
    for low, plain in ev.raw:
        for m in re.finditer(rf"(?<!\w){pattern}(?!\w)", plain):
            found = low[m.start():m.end()]
            if not has_diacritics(found) or not has_diacritics(want) or " ".join(found.split()) == " ".join(want.split()):
                return True
    return False


def _evidence(sources: Iterable[str]) -> _Evidence:
    ev = _Evidence()
    texts = [nfc(s) for s in sources]
    ev.text = " \n ".join(norm(t) for t in texts)
    for t in texts:
        low = unify_tones(t.lower())
        ev.raw.append((low, strip_diacritics_aligned(low)))
    for text in texts:
        for f in extract_facts(text, generous=True):
            ev.keys.add(f.key)
            kind = f.key[0]
            if kind == "so":
                ev.numbers.add(f.key[1])
            elif kind == "dien_thoai":
                ev.digits.add(f.key[1])
            elif kind == "ngay":
                ev.dates.append(f.key[1:])
                if f.key[3]:
                    ev.years.add(f.key[3])
                    try:
                        ev.weekdays.add(dt.date(f.key[3], f.key[2], f.key[1]).weekday())
                    except ValueError:
                        pass
            elif kind == "nam":
                ev.years.add(f.key[1])
            elif kind == "thu":
                ev.weekdays.add(f.key[1])
            elif kind == "gio":
                ev.times.append(f.key[1:])
            elif kind == "dia_diem" and re.fullmatch(r"\d+", f.key[2] or ""):
                ev.numbers.add(float(f.key[2]))  # "tổ 3" in the notes supports a "3" in the draft
            elif kind == "so_hieu":
                ev.citations.append(f.key[1])
            elif kind == "dieu":
                ev.articles.append(f.key[1:])
        for m in re.finditer(r"\d+", text):
            ev.digits.add(m.group())
    return ev


def _supported(f: Fact, ev: _Evidence) -> bool:
    kind = f.key[0]
    if kind == "so":
        value = f.key[1]
        return value in ev.numbers or (value.is_integer() and value in {float(y) for y in ev.years})
    if kind == "dien_thoai":
        return f.key[1] in ev.digits
    if kind == "ngay":
        d, mo, y = f.key[1:]
        return any(d == sd and mo == sm and (y is None or sy is None or y == sy) for sd, sm, sy in ev.dates)
    if kind == "nam":
        return f.key[1] in ev.years or float(f.key[1]) in ev.numbers
    if kind == "thu":
        return f.key[1] in ev.weekdays
    if kind == "gio":
        h, minute, period = f.key[1:]
        for sh, sm, sp in ev.times:
            if minute != sm:
                continue
            # "2h" said without a period often means 14:00; "7h" without one means the morning.
            if h == sh or (period is None and 1 <= h <= 6 and h + 12 == sh) or (sp is None and 1 <= sh <= 6
                                                                                 and sh + 12 == h):
                return True
        return False
    if kind == "so_hieu":
        return any(c == f.key[1] or c.startswith(f.key[1]) or f.key[1].startswith(c) for c in ev.citations)
    if kind == "dieu":
        art, clause = f.key[1:]
        return any(a == art and (clause is None or c is None or c == clause) for a, c in ev.articles)
    if kind == "luat":
        return _contains(ev.text, "luat " + f.key[1]) or _contains(ev.text, f.key[1])
    if kind == "ten":
        return _spelled_in(f.gia_tri, ev)
    if kind == "dia_diem":
        keyword, qualifier = f.key[1:]
        if qualifier:
            if not _contains(ev.text, qualifier):
                return False
            return keyword in {"to", "khu pho", "thon", "ap", "ban", "xom", "khom", "to dan pho"} or \
                _contains(ev.text, keyword) or _contains(ev.text, f"{keyword} {qualifier}")
        return _contains(ev.text, keyword)
    return True


# ----------------------------------------------------------------------------- report


@dataclass
class FaithfulnessReport:
    """The draft, every fact checked in it, and the ones the sources do not support."""

    source: str
    text: str
    facts: list[Fact]

    @property
    def invented(self) -> list[Fact]:
        return [f for f in self.facts if not f.supported]

    @property
    def ok(self) -> bool:
        return not self.invented

    def _line(self, pos: int) -> int:
        return self.text.count("\n", 0, pos) + 1

    def to_dict(self) -> dict:
        return {
            "tep": self.source,
            "so_thong_tin_da_kiem": len(self.facts),
            "thong_tin_bia": [
                {"loai": f.loai, "gia_tri": f.gia_tri, "vi_tri": f.start, "ket_thuc": f.end, "dong": self._line(f.start)}
                for f in self.invented
            ],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def summary(self) -> str:
        """Plain Vietnamese text: how many facts were checked, and each invented one with its line."""
        if not self.facts:
            return f"{self.source}: {NOTHING_TO_CHECK}"
        head = f"{self.source}: đã đối chiếu {len(self.facts)} thông tin (ngày, giờ, con số, tên, địa điểm, căn cứ)."
        if self.ok:
            return head + " Không thấy thông tin nào ngoài ghi chú/nguồn."
        lines = [head + f" {len(self.invented)} thông tin KHÔNG có trong ghi chú/nguồn (có thể bịa):"]
        for i, f in enumerate(self.invented, 1):
            lines.append(f"{i}. [{KIND_LABELS[f.loai]}] «{f.gia_tri}» (dòng {self._line(f.start)})")
        lines.append("Kiểm tra lại từng mục với ghi chú gốc; sửa hoặc xoá trước khi trình ký.")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()

    def highlighted_html(self) -> str:
        """The draft with invented facts marked red and supported facts underlined green."""
        out: list[str] = []
        pos = 0
        for f in self.facts:
            if f.start < pos:
                continue
            out.append(html.escape(self.text[pos:f.start]))
            piece = html.escape(self.text[f.start:f.end])
            if f.supported:
                out.append(f"<span style='border-bottom:2px solid #27ae60' title='Có trong ghi chú'>{piece}</span>")
            else:
                out.append(f"<mark style='background:#f5b7b1;color:#7b241c;font-weight:bold' "
                           f"title='Không có trong ghi chú: {KIND_LABELS[f.loai]}'>{piece}</mark>")
            pos = f.end
        out.append(html.escape(self.text[pos:]))
        return "<div style='white-space:pre-wrap;border:1px solid #ccc;padding:8px'>" + "".join(out) + "</div>"

    def _repr_html_(self) -> str:
        if not self.facts:
            return f"<p>ℹ️ {html.escape(NOTHING_TO_CHECK)}</p>" + self.highlighted_html()
        if self.ok:
            head = (f"<p>✅ Đã đối chiếu {len(self.facts)} thông tin: không thấy thông tin nào ngoài ghi chú/nguồn. "
                    "(Chỉ kiểm ngày, giờ, con số, tên, địa điểm, căn cứ; câu chữ vẫn cần bạn đọc lại.)</p>")
        else:
            items = "".join(f"<li>[{html.escape(KIND_LABELS[f.loai])}] <b>{html.escape(f.gia_tri)}</b> "
                            f"(dòng {self._line(f.start)})</li>" for f in self.invented)
            head = (f"<p>❌ {len(self.invented)}/{len(self.facts)} thông tin <b>không có</b> trong ghi chú/nguồn "
                    f"(tô đỏ bên dưới) — có thể do AI bịa:</p><ol>{items}</ol>")
        return head + self.highlighted_html()


def verify(draft: str, sources: str | Sequence[str], source_name: str = "bản nháp") -> FaithfulnessReport:
    """Check every fact of `draft` against `sources` (the learner's notes, a transcript, a law text)."""
    if isinstance(sources, str):
        sources = [sources]
    draft = nfc(draft or "").replace("\r\n", "\n")
    if not draft.strip():
        raise CourseError("Bản nháp đang trống.", hint="Dán bản nháp do AI viết vào ô rồi kiểm tra lại.")
    if not any((s or "").strip() for s in sources):
        raise CourseError("Chưa có ghi chú/nguồn để đối chiếu.",
                          hint="Dán ghi chú gốc của bạn (thời gian, địa điểm, thành phần…) rồi kiểm tra lại.")
    ev = _evidence(sources)
    facts = extract_facts(draft)
    for f in facts:
        f.supported = _supported(f, ev)
    return FaithfulnessReport(source_name, draft, facts)


def read_document_text(path: str | Path) -> str:
    """Text of a .docx (paragraphs and table cells, in order) or a UTF-8 .txt/.md, or a Vietnamese error."""
    from course.documents.checker import OLE_MAGIC, TEXT_SUFFIXES, read_text_file

    path = Path(path)
    if not path.exists():
        raise CourseError(f"Không tìm thấy tệp {path}.", hint="Kiểm tra lại tên và thư mục của tệp.")
    if path.is_dir():
        raise CourseError(f"{path} là thư mục, không phải tệp.", hint="Chọn một tệp .docx hoặc .txt.")
    suffix = path.suffix.lower()
    with path.open("rb") as fh:
        head = fh.read(8)
    if suffix == ".doc" or head == OLE_MAGIC:
        raise CourseError(f"Tệp {path.name} là định dạng Word 97–2003 (.doc) cũ, chưa đọc được.",
                          hint="Mở tệp bằng Word hoặc LibreOffice, chọn Lưu thành… định dạng .docx rồi thử lại.")
    if suffix == ".docx":
        from docx import Document

        try:
            doc = Document(str(path))
        except Exception as err:  # zipfile, lxml and python-docx raise many kinds on a broken file
            raise CourseError(f"Tệp {path.name} bị hỏng hoặc không phải tệp Word .docx.",
                              hint="Mở tệp bằng Word/LibreOffice và lưu lại thành .docx, rồi thử lại.") from err
        from course.documents.checker import _docx_lines

        text = "\n".join(line.text for line in _docx_lines(doc))
        if not text.strip():
            raise CourseError(f"Tệp {path.name} không có chữ nào.", hint="Mở tệp kiểm tra lại nội dung.")
        return text
    if suffix in TEXT_SUFFIXES or suffix == "":
        return read_text_file(path)
    raise CourseError(f"Chưa đọc được tệp {path.suffix}.", hint="Dùng tệp .docx, .txt hoặc .md.")


def verify_file(draft: str | Path, sources: Sequence[str | Path]) -> FaithfulnessReport:
    """`verify` for files: the draft (.docx/.txt/.md) against one or more note/source files."""
    if not sources:
        raise CourseError("Chưa có tệp ghi chú/nguồn để đối chiếu.", hint="Thêm --nguon TỆP_GHI_CHÚ.")
    return verify(read_document_text(draft), [read_document_text(s) for s in sources], Path(draft).name)
