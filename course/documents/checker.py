"""Check an administrative document against Nghị định 30/2020/NĐ-CP, Phụ lục I.

`check_file(path)` reads a .docx (python-docx) or a UTF-8 .txt/.md; `check_text(text)` a string.
Text rules (Quốc hiệu, Tiêu ngữ, cơ quan, số/ký hiệu, địa danh - ngày, tên loại/trích yếu, nội dung,
chữ ký, nơi nhận) run on both; page, font, size, style and paragraph rules need a .docx.
Every finding says which element, which rule, what was found and how to fix it, in Vietnamese.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from course.documents.model import (
    KINDS,
    QUOC_HIEU,
    TIEU_NGU,
    Kind,
    format_date_line,
    kind_of,
)
from course.documents.rules import RULES
from course.errors import CourseError
from course.text import nfc, squash, strip_diacritics, unify_tones

TEXT_SUFFIXES = {".txt", ".md", ".text"}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass
class Finding:
    """One problem: element, rule, what was found and how to fix it (Vietnamese), with the citation."""

    rule: str
    element: str
    found: str
    fix: str
    rule_text: str
    citation: str


@dataclass
class Report:
    """All findings for one document. `ok` is True when nothing is wrong."""

    source: str
    kind: str | None
    findings: list[Finding] = field(default_factory=list)
    format_checked: bool = False

    @property
    def ok(self) -> bool:
        return not self.findings

    @property
    def broken_rules(self) -> set[str]:
        return {f.rule for f in self.findings}

    def to_dict(self) -> dict:
        return {"file": self.source, "kind": self.kind, "ok": self.ok, "format_checked": self.format_checked,
                "findings": [asdict(f) for f in self.findings]}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def summary(self) -> str:
        """Plain Vietnamese text, one block per finding."""
        kind = KINDS[self.kind].label if self.kind else "chưa rõ loại"
        head = f"{self.source} ({kind}): "
        if self.ok:
            extra = "" if self.format_checked else " (tệp văn bản thuần: chưa kiểm tra phông, cỡ chữ, lề)"
            return head + "đạt các quy tắc đã kiểm tra." + extra
        lines = [head + f"{len(self.findings)} lỗi."]
        for i, f in enumerate(self.findings, 1):
            lines.append(f"{i}. [{f.element}] {f.found}\n   Sửa: {f.fix}\n   Căn cứ: {f.citation}.")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        kind = KINDS[self.kind].label if self.kind else "chưa rõ loại"
        title = html.escape(f"{self.source} — {kind}")
        if self.ok:
            note = "" if self.format_checked else " (văn bản thuần: chưa kiểm tra phông, cỡ chữ, lề)"
            return f"<p>✅ <b>{title}</b>: đạt các quy tắc đã kiểm tra{html.escape(note)}.</p>"
        rows = "".join(
            f"<tr><td>{html.escape(f.element)}</td><td>{html.escape(f.found)}</td>"
            f"<td>{html.escape(f.fix)}</td><td style='font-size:0.85em'>{html.escape(f.citation)}</td></tr>"
            for f in self.findings)
        return (f"<p>❌ <b>{title}</b>: {len(self.findings)} lỗi.</p><table><tr><th>Thành phần</th>"
                f"<th>Phát hiện</th><th>Cách sửa</th><th>Căn cứ</th></tr>{rows}</table>")


@dataclass
class Line:
    """One logical line: its text and, for .docx, the paragraph and the table cell it sits in."""

    text: str
    para: object | None = None
    box: str | None = None  # table cell of a .docx line (None outside tables)
    column: int = 0  # 1 for the right-hand part of a line laid out in two columns with tabs/spaces
    span: tuple[int, int] | None = None  # where this part sits in the paragraph's text (None: all of it)


# ----------------------------------------------------------------------------- helpers

def _fold(text: str) -> str:
    """Case- and tone-placement-insensitive form: HOÀ == HÒA, UỶ == ỦY."""
    return unify_tones(squash(text).casefold())


def _bare(text: str) -> str:
    """Letters, digits and spaces only, without diacritics."""
    return re.sub(r"[^a-z0-9 ]", "", strip_diacritics(_fold(text)))


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _fixed_recipients(items: list[str]) -> list[str]:
    """The nơi nhận list rewritten: «- X;» per line, ending with «- Lưu: VT, ….»."""
    names = [re.sub(r"^[-–•+]\s*", "", t).rstrip(" ;.,") for t in items]
    archive_re = re.compile(r"^l[ưu]u\b", re.I)  # also «Luu», typed without diacritics
    archive = [n for n in names if archive_re.match(n)]
    others = [n for n in names if not archive_re.match(n)]
    rest = "VT"
    if archive:
        extra = [x.strip() for x in re.split(r"[,:]", re.sub(r"^l[ưu]u\s*:?\s*", "", archive[-1], flags=re.I))
                 if x.strip()]
        rest = ", ".join(["VT"] + [x for x in extra if x.upper() != "VT"])
    return [f"«- {n};»" for n in others] + [f"«- Lưu: {rest}.»"]


def _looks_like_name(text: str) -> bool:
    """'Nguyễn Văn An': 2–6 words, each capitalised, no digits or punctuation."""
    words = text.split()
    return 2 <= len(words) <= 6 and all(w[0].isupper() and w.isalpha() for w in words)


_SEGMENT = re.compile(r"(?:(?!\t| {3,}|\n).)+")


def _split_columns(text: str, para: object | None = None, box: str | None = None) -> list[Line]:
    """A line laid out in two columns (tabs or 3+ spaces) or broken with line breaks becomes several lines.

    Parts after the first on a line, and a part pushed right by tabs or 10+ spaces, are column 1.
    """
    lines: list[Line] = []
    offset = 0
    for raw in text.split("\n"):
        found = False
        for k, m in enumerate(_SEGMENT.finditer(raw)):
            part = m.group(0).strip()
            if not part:
                continue
            if found and part.startswith("/") and lines[-1].span is not None:
                # «Số:        /TB-UBND»: the number is left blank for the văn thư, not a second column
                start = lines[-1].span[0]
                lines[-1].text = raw[start - offset:m.end()].strip()
                lines[-1].span = (start, offset + m.end())
                continue
            lead = raw[:m.start()]
            pushed = "\t" in lead or len(lead.expandtabs(8)) >= 10
            column = 1 if (k > 0 and found) or pushed else 0
            lines.append(Line(part, para, box, column, (offset + m.start(), offset + m.end())))
            found = True
        if not found:
            lines.append(Line("", para, box))
        offset += len(raw) + 1
    if len(lines) == 1 and lines[0].span is not None and lines[0].column == 0:
        lines[0].span = None  # the whole paragraph
    return lines


class _Checker:
    def __init__(self, lines: list[Line], kind: Kind | None, source: str, plain_text: bool = False) -> None:
        self.lines = lines
        self.plain_text = plain_text
        self.texts = [squash(ln.text) for ln in lines]
        self.kind = kind
        self.source = source
        self.findings: list[Finding] = []
        self.idx: dict[str, int | None] = {}
        self.cq_idx: list[int] = []
        self.body_idx: list[int] = []
        self.sig_idx: list[int] = []
        self.nn_items: list[int] = []

    def add(self, rule: str, found: str, fix: str) -> None:
        r = RULES[rule]
        self.findings.append(Finding(rule, r.element, found, fix, r.text, r.citation))

    def find(self, pred, start: int = 0, stop: int | None = None) -> int | None:
        for i in range(start, len(self.texts) if stop is None else min(stop, len(self.texts))):
            if self.texts[i] and pred(self.texts[i]):
                return i
        return None

    # ------------------------------------------------------------------ locate elements
    def locate(self) -> None:
        t = self.texts
        self.idx["qh"] = self.find(lambda s: "cong hoa xa hoi chu nghia" in _bare(s))
        self.idx["tn"] = self.find(lambda s: "doc lap" in _bare(s) and "hanh phuc" in _bare(s))
        self.idx["so"] = self.find(lambda s: re.match(r"^s[ốôo]\s*[:.]?\s*[\w .…_]*\s*/", _fold(s)) is not None
                                   and len(s) < 70)
        names = {_fold(k.name): k for k in KINDS.values() if k.name}
        self.idx["kind"] = self.find(lambda s: _fold(s).rstrip(" .") in names)
        self.idx["kinh_gui"] = self.find(lambda s: _fold(s).startswith("kính gửi"))
        self.idx["nn"] = self.find(lambda s: _bare(s).startswith("noi nhan"))
        long_line = self.find(lambda s: len(s) > 120)
        ends = [i for i in (self.idx["kind"], self.idx["kinh_gui"], long_line) if i is not None]
        self.header_end = min(ends) if ends else len(t)
        self.idx["vv"] = self.find(lambda s: _fold(s).startswith(("v/v", "về việc")), stop=self.header_end)
        self.idx["date"] = self.find(
            lambda s: len(s) < 100 and (re.search(r"ngày\s*\S+\s*tháng\s*\S+\s*năm", _fold(s)) is not None
                                        or re.search(r",\s*\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}", s)
                                        is not None),
            stop=self.header_end)
        if self.kind is None:
            self.kind = self._infer_kind(names)

    def _infer_kind(self, names: dict[str, Kind]) -> Kind | None:
        if self.idx["kind"] is not None:
            return names[_fold(self.texts[self.idx["kind"]]).rstrip(" .")]
        if self.idx["so"] is not None:
            code = self.texts[self.idx["so"]].split("/", 1)[-1]
            first = re.split(r"[-\s]", code.strip())[0]
            for k in KINDS.values():
                if k.abbrev and first.upper() == k.abbrev.upper():
                    return k
        if self.idx["vv"] is not None or self.idx["kinh_gui"] is not None:
            return KINDS["cong-van"]
        return None

    # ------------------------------------------------------------------ text rules
    def check_quoc_hieu(self) -> None:
        i = self.idx["qh"]
        if i is None:
            self.add("quoc_hieu", "Không thấy Quốc hiệu.", f"Thêm dòng «{QUOC_HIEU}» ở đầu văn bản, bên phải.")
            return
        s = self.texts[i]
        if _fold(s).strip(" .") != _fold(QUOC_HIEU).casefold():
            self.add("quoc_hieu", f"Quốc hiệu viết là «{s}».", f"Viết đúng «{QUOC_HIEU}» (đủ dấu).")
        elif not _is_upper(s):
            self.add("quoc_hieu", f"Quốc hiệu chưa in hoa: «{s}».", f"Viết in hoa: «{QUOC_HIEU}».")

    def check_tieu_ngu(self) -> None:
        i = self.idx["tn"]
        if i is None:
            self.add("tieu_ngu", "Không thấy Tiêu ngữ.", f"Thêm dòng «{TIEU_NGU}» ngay dưới Quốc hiệu.")
            return
        s = self.texts[i]
        if s == TIEU_NGU:
            return
        if re.search(r"[–—‐−]", s):
            problem = "dùng gạch ngang dài (–) thay cho gạch nối (-)"
        elif re.search(r"\S-|-\S", s):
            problem = "thiếu dấu cách hai bên gạch nối"
        elif "-" not in s:
            problem = "thiếu gạch nối giữa các cụm từ"
        elif _fold(s) == _fold(TIEU_NGU):
            problem = "viết hoa sai (chỉ viết hoa chữ đầu mỗi cụm từ)"
        else:
            problem = "viết sai chữ"
        self.add("tieu_ngu", f"Tiêu ngữ «{s}»: {problem}.", f"Viết đúng «{TIEU_NGU}».")

    def check_co_quan(self) -> None:
        stop = self.idx["so"] if self.idx["so"] is not None else self.header_end
        skip = {self.idx[k] for k in ("qh", "tn", "date", "vv")}
        self.cq_idx = [i for i in range(0, stop) if self.texts[i] and i not in skip]
        if not self.cq_idx:
            self.add("co_quan", "Không thấy tên cơ quan ban hành phía trên số, ký hiệu.",
                     "Thêm tên cơ quan in hoa, ví dụ «ỦY BAN NHÂN DÂN PHƯỜNG MỘC CHÂU», phía trên dòng «Số:».")
            return
        for i in self.cq_idx:
            if not _is_upper(self.texts[i]):
                self.add("co_quan", f"Tên cơ quan chưa in hoa: «{self.texts[i]}».",
                         f"Viết in hoa: «{self.texts[i].upper()}».")

    def check_so_ky_hieu(self) -> None:
        i = self.idx["so"]
        if i is None:
            self.add("so_ky_hieu", "Không thấy dòng số, ký hiệu.",
                     "Thêm dòng «Số: …/…» dưới tên cơ quan, ví dụ «Số: 05/TB-UBND».")
            return
        raw = nfc(self.lines[i].text).strip()
        s = self.texts[i]
        m = re.match(r"^Số:\s?(?P<num>[^/]*?)/(?P<code>.*)$", raw)
        if not m:
            self.add("so_ky_hieu", f"Dòng số viết là «{s}».",
                     "Viết «Số:» (chữ S hoa, có dấu hai chấm) rồi số, dấu «/» và ký hiệu, ví dụ «Số: 05/TB-UBND».")
            return
        num, code = m.group("num"), m.group("code")
        problems = []
        if num != num.strip() and num.strip() or code != code.strip():
            problems.append("có dấu cách thừa quanh dấu «/»")
        num = num.strip()
        if num and not num.isdigit():
            problems.append(f"số «{num}» không phải chữ số")
        elif num.isdigit() and int(num) < 10 and len(num) == 1:
            problems.append(f"số {num} nhỏ hơn 10 phải viết «0{num}»")
        code = code.strip()
        groups = re.split(r"/", code)
        letters = groups[-1]
        if not code:
            problems.append("thiếu ký hiệu sau dấu «/»")
        elif re.search(r"\s", letters):
            problems.append("ký hiệu có dấu cách (các nhóm chữ nối bằng «-», không cách chữ)")
        elif any(g not in {"TTr"} and not _is_upper(g) and not g.isdigit() for g in letters.split("-") if g):
            problems.append("ký hiệu phải in hoa")
        if problems:
            fixed_num = f"{int(num):02d}" if num.isdigit() else num
            fixed_code = "-".join(g if g == "TTr" else g.upper() for g in re.split(r"\s*-\s*", code.strip()) if g)
            fixed_code = re.sub(r"\s*/\s*", "/", fixed_code)
            example = f"Số: {fixed_num}/{fixed_code}" if fixed_num.isdigit() and fixed_code else "Số: 05/TB-UBND"
            self.add("so_ky_hieu", f"«{s}»: " + "; ".join(problems) + ".",
                     f"Viết «{example}» (số nhỏ hơn 10 thêm số 0, ký hiệu in hoa nối bằng «-», không cách chữ).")

    def check_dia_danh_ngay(self) -> None:
        i = self.idx["date"]
        if i is None and self.kind is not None and self.kind.slug == "bien-ban":
            return  # the biên bản form has no place-and-date line (Phụ lục III, Mẫu 1.9)
        if i is None:
            self.add("dia_danh_ngay", "Không thấy dòng địa danh và ngày tháng.",
                     "Thêm dòng như «Mộc Châu, ngày 05 tháng 01 năm 2026» dưới Tiêu ngữ.")
            return
        s = self.texts[i]
        m = re.match(r"^(?P<place>[^,]*?)\s*(?P<comma>,?)\s*ngày (?P<d>\d{1,2}) tháng (?P<m>\d{1,2}) năm (?P<y>\d{4})\.?$", s)
        if not m:
            self.add("dia_danh_ngay", f"Dòng ngày viết là «{s}».",
                     "Viết đủ chữ theo mẫu «Mộc Châu, ngày 05 tháng 01 năm 2026» (không viết 05/01/2026).")
            return
        problems = []
        place, d, mo, y = m.group("place"), m.group("d"), m.group("m"), int(m.group("y"))
        if not place:
            problems.append("thiếu địa danh")
        elif not place[0].isupper():
            problems.append(f"chữ đầu địa danh «{place}» phải viết hoa")
        if place and not m.group("comma"):
            problems.append("thiếu dấu phẩy sau địa danh")
        if int(d) < 10 and len(d) == 1:
            problems.append(f"ngày {d} phải viết «0{d}»")
        if int(mo) in (1, 2) and len(mo) == 1:
            problems.append(f"tháng {mo} phải viết «0{mo}»")
        if 3 <= int(mo) <= 9 and len(mo) == 2:
            problems.append(f"tháng {int(mo)} không thêm số 0 (chỉ tháng 1, 2 mới thêm)")
        try:
            dt.date(y, int(mo), int(d))
        except ValueError:
            problems.append("ngày không có thật")
        if problems:
            example = "Mộc Châu, ngày 05 tháng 01 năm 2026"
            if place and "ngày không có thật" not in problems:
                example = format_date_line(place[0].upper() + place[1:], dt.date(y, int(mo), int(d)))
            self.add("dia_danh_ngay", f"«{s}»: " + "; ".join(problems) + ".", f"Viết «{example}».")

    def check_ten_loai(self) -> None:
        kind = self.kind
        if kind is None:
            self.add("ten_loai_trich_yeu", "Không thấy tên loại văn bản hay dòng «V/v …» của công văn.",
                     "Thêm tên loại in hoa (THÔNG BÁO, GIẤY MỜI, BÁO CÁO, …) và trích yếu; với công văn, "
                     "thêm dòng «V/v …» dưới số, ký hiệu.")
            return
        if kind.slug == "cong-van":
            i = self.idx["vv"]
            if i is None:
                self.add("ten_loai_trich_yeu", "Công văn chưa có trích yếu «V/v …».",
                         "Thêm dòng «V/v …» (tóm tắt nội dung) ngay dưới số, ký hiệu.")
            elif not self.texts[i].startswith("V/v "):
                self.add("ten_loai_trich_yeu", f"Trích yếu công văn viết là «{self.texts[i][:60]}».",
                         "Bắt đầu bằng «V/v » (V hoa, v thường, không dấu hai chấm), ví dụ «V/v tổ chức tiêm chủng».")
            return
        i = self.idx["kind"]
        if i is None:
            self.add("ten_loai_trich_yeu", f"Không thấy tên loại «{kind.name}».",
                     f"Thêm dòng «{kind.name}» in hoa, canh giữa, trên trích yếu.")
            return
        if not _is_upper(self.texts[i]):
            self.add("ten_loai_trich_yeu", f"Tên loại chưa in hoa: «{self.texts[i]}».",
                     f"Viết in hoa: «{kind.name}».")
        j = self.find(lambda s: True, start=i + 1)
        if j is None or len(self.texts[j]) > 250 or self.texts[j].endswith((".", ";")) \
                or _is_upper(self.texts[j]) or re.match(r"^([IVX]+|\d+|[a-zđ])[.)]\s", self.texts[j]) \
                or _fold(self.texts[j]).startswith(("kính gửi", "căn cứ", "thực hiện")):
            self.add("ten_loai_trich_yeu", f"Dưới tên loại «{kind.name}» không có trích yếu nội dung.",
                     "Thêm một dòng tóm tắt nội dung ngay dưới tên loại, ví dụ «Về việc tổ chức tổng vệ sinh».")
        else:
            self.idx["trich_yeu"] = j

    def check_noi_nhan(self) -> None:
        if self.kind is not None and self.kind.slug == "cong-van" and self.idx["kinh_gui"] is None:
            self.add("noi_nhan", "Công văn chưa có «Kính gửi:».",
                     "Thêm «Kính gửi: …» (tên cơ quan, cá nhân giải quyết việc) dưới phần đầu, trước nội dung.")
        i = self.idx["nn"]
        if i is None:
            self.add("noi_nhan", "Không thấy phần «Nơi nhận:».",
                     "Thêm «Nơi nhận:» ở cuối, bên trái; mỗi nơi một dòng «- …;», dòng cuối «- Lưu: VT, ….».")
            return
        if not self.texts[i].startswith("Nơi nhận:"):
            self.add("noi_nhan", f"Viết là «{self.texts[i]}».", "Viết «Nơi nhận:» (có dấu hai chấm).")
        items = []
        for j in range(i + 1, len(self.lines)):
            if self.lines[j].column != self.lines[i].column:
                continue  # the other column of a two-column line (usually the signature)
            if self.lines[j].box != self.lines[i].box or not self.texts[j] or _is_upper(self.texts[j]):
                break
            items.append(j)
        self.nn_items = items
        if not items:
            self.add("noi_nhan", "«Nơi nhận:» không có nơi nào.", "Liệt kê mỗi nơi một dòng, dòng cuối «- Lưu: VT, ….».")
            return
        problems = []
        if self.kind is not None and self.kind.slug == "cong-van" and not re.match(r"^-?\s*Như trên", self.texts[items[0]]):
            problems.append("công văn: dòng đầu nơi nhận phải là «- Như trên;»")
        for j in items:
            if not re.match(r"^-\s", self.texts[j]):
                problems.append(f"«{self.texts[j]}» thiếu gạch đầu dòng «- »")
        for j in items[:-1]:
            if not self.texts[j].endswith(";"):
                problems.append(f"«{self.texts[j]}» phải kết thúc bằng dấu «;»")
        last = self.texts[items[-1]]
        if not re.match(r"^-?\s*Lưu\s*:", last):
            problems.append(f"dòng cuối «{last}» phải là «- Lưu: VT, …»")
        else:
            if not re.match(r"^-?\s*Lưu\s*:\s*VT\b", last):
                problems.append(f"«{last}» thiếu chữ viết tắt «VT» (văn thư)")
            if not last.endswith("."):
                problems.append(f"«{last}» phải kết thúc bằng dấu chấm")
        if problems:
            self.add("noi_nhan", "; ".join(problems) + ".",
                     "Mỗi nơi một dòng «- Tên nơi nhận;», dòng cuối «- Lưu: VT, …». Viết lại: "
                     + " ".join(_fixed_recipients([self.texts[j] for j in items])))

    def check_body_and_signature(self) -> None:
        start = max([self.header_end] + [self.idx[k] + 1 for k in ("kind", "trich_yeu", "kinh_gui", "date", "vv")
                                         if self.idx.get(k) is not None])
        if self.idx.get("kinh_gui") is not None and start == self.idx["kinh_gui"] + 1:
            while start < len(self.texts) and (not self.texts[start] or self.texts[start].startswith("-")):
                start += 1  # the «- recipient;» lines under «Kính gửi:»
        nn = set(self.nn_items) | ({self.idx["nn"]} if self.idx["nn"] is not None else set())
        rest = [j for j in range(start, len(self.texts)) if self.texts[j] and j not in nn]
        sig: list[int] = []
        title_words = ("chủ tịch", "phó chủ tịch", "trưởng", "phó trưởng", "chủ tọa", "thư ký", "giám đốc",
                       "bí thư", "chánh", "tm.", "kt.", "tl.", "tuq.", "q.", "thay mặt", "ký thay")
        for j in reversed(rest):
            s = self.texts[j]
            if s.startswith("(") and s.endswith(")"):
                continue
            if len(s) > 80 or s.endswith((".", ";", ":", ",")) or len(sig) >= 6:
                break
            if sig and not self.plain_text and self.lines[j].box is None and self.lines[sig[0]].box is not None:
                break  # in a .docx the signature block sits in its own table cell
            if not (_is_upper(s) or _looks_like_name(s) or _fold(s).startswith(title_words)):
                break
            sig.insert(0, j)
        self.sig_idx = sig
        self.body_idx = [j for j in rest if j not in sig]
        if not any(len(self.texts[j].split()) >= 6 for j in self.body_idx):
            self.add("noi_dung", "Văn bản không có đoạn nội dung nào.", "Viết phần nội dung giữa phần đầu và chữ ký.")
        titles = [j for j in sig if _is_upper(self.texts[j])]
        lower_titles = [j for j in sig if not _is_upper(self.texts[j]) and _fold(self.texts[j]).startswith(title_words)]
        if not sig or (not titles and not lower_titles):
            self.add("chu_ky", "Không thấy chức vụ và họ tên người ký ở cuối văn bản.",
                     "Thêm chức vụ in hoa (ví dụ «TM. ỦY BAN NHÂN DÂN», «CHỦ TỊCH») và họ tên người ký bên dưới.")
            return
        problems = []
        for j in lower_titles:
            problems.append(f"chức vụ «{self.texts[j]}» phải in hoa")
        for j in titles + lower_titles:
            bad = re.match(r"^(T/M|T\.M\.?|K/T|K\.T\.?|T/L|T/U/Q|TUQ|TM|KT|TL)(?=\s)", self.texts[j].upper())
            if bad:
                problems.append(f"quyền hạn «{bad.group(1)}» phải viết «TM.», «KT.», «TL.» hoặc «TUQ.» (có dấu chấm)")
        if _is_upper(self.texts[sig[-1]]) or sig[-1] in lower_titles:
            problems.append("thiếu họ tên người ký dưới chức vụ")
        if problems:
            self.add("chu_ky", "; ".join(problems) + ".",
                     "Viết quyền hạn, chức vụ in hoa (ví dụ «KT. CHỦ TỊCH» / «PHÓ CHỦ TỊCH»), họ tên người ký ở dưới.")

    def run_text_rules(self) -> None:
        self.locate()
        self.check_quoc_hieu()
        self.check_tieu_ngu()
        self.check_co_quan()
        self.check_so_ky_hieu()
        self.check_dia_danh_ngay()
        self.check_ten_loai()
        self.check_noi_nhan()
        self.check_body_and_signature()


# ----------------------------------------------------------------------------- .docx format rules

def _doc_defaults(doc) -> dict:
    from docx.oxml.ns import qn

    out: dict = {"font": None, "size": None, "line": None}
    styles = doc.styles.element
    rpr = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if rpr is not None:
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is not None:
            out["font"] = fonts.get(qn("w:ascii")) or ("(phông theo giao diện Word)"
                                                       if fonts.get(qn("w:asciiTheme")) else None)
        sz = rpr.find(qn("w:sz"))
        if sz is not None:
            out["size"] = int(sz.get(qn("w:val"))) / 2
    spacing = styles.find(f"{qn('w:docDefaults')}/{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
    out["before"] = out["after"] = 0.0
    if spacing is not None:
        if spacing.get(qn("w:line")) and spacing.get(qn("w:lineRule"), "auto") == "auto":
            out["line"] = int(spacing.get(qn("w:line"))) / 240
        for key in ("before", "after"):
            if spacing.get(qn(f"w:{key}")):
                out[key] = int(spacing.get(qn(f"w:{key}"))) / 20
    return out


def _chain(style) -> Iterable:
    seen = 0
    while style is not None and seen < 20:
        yield style
        style = style.base_style
        seen += 1


def _run_attr(run, para, attr: str, defaults: dict):
    value = getattr(run.font, attr)
    if value is not None:
        return value
    styles = []
    try:
        if run.style is not None and run.style.type == 2 and not run.style.builtin:
            styles.append(run.style)
    except (KeyError, ValueError):
        pass
    styles += list(_chain(para.style))
    for st in styles:
        v = getattr(st.font, attr, None)
        if v is not None:
            return v
    if attr == "name":
        return defaults["font"]
    if attr == "size":
        return defaults["size"] * 12700 if defaults["size"] else None
    return False


def _para_attr(para, attr: str):
    value = getattr(para.paragraph_format, attr)
    if value is not None:
        return value
    for st in _chain(para.style):
        v = getattr(st.paragraph_format, attr, None)
        if v is not None:
            return v
    return None


def _text_runs(para) -> list:
    return [r for r in para.runs if r.text.strip()]


def _line_runs(line: Line) -> list:
    """The runs holding this line's text (all runs of the paragraph when it is not split)."""
    runs = _text_runs(line.para)
    if line.span is None:
        return runs
    all_runs = list(line.para.runs)
    if sum(len(r.text) for r in all_runs) != len(line.para.text):
        return runs  # hyperlinks or fields: offsets unknown, judge the whole paragraph
    out, pos = [], 0
    start, end = line.span
    for run in all_runs:
        run_end = pos + len(run.text)
        if run.text.strip() and run_end > start and pos < end:
            out.append(run)
        pos = run_end
    return out


def _check_docx_format(chk: _Checker, doc) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    defaults = _doc_defaults(doc)
    section = doc.sections[0]
    w, h = section.page_width, section.page_height
    if w is None or h is None or abs(w.mm - 210) > 1.5 or abs(h.mm - 297) > 1.5:
        found = f"{w.mm:.0f} × {h.mm:.0f} mm" if w is not None and h is not None else "không rõ"
        if w is not None and h is not None and abs(w.mm - 297) <= 1.5 and abs(h.mm - 210) <= 1.5:
            found += " (A4 nằm ngang)"
        chk.add("kho_giay", f"Trang có kích thước {found}.",
                "Trong Bố cục (Layout) chọn khổ A4, hướng dọc (Portrait).")
    limits = {"trên": (section.top_margin, 20, 25), "dưới": (section.bottom_margin, 20, 25),
              "trái": (section.left_margin, 30, 35), "phải": (section.right_margin, 15, 20)}
    bad = [f"lề {name} {m.mm:.1f} mm (cần {lo}–{hi})" for name, (m, lo, hi) in limits.items()
           if m is None or not lo - 0.5 <= m.mm <= hi + 0.5]
    if bad:
        chk.add("le_trang", "; ".join(bad) + ".",
                "Đặt lề: trên, dưới 20–25 mm; trái 30–35 mm; phải 15–20 mm (Bố cục → Lề → Lề tuỳ chỉnh).")

    fonts: dict[str, int] = {}
    seen_paras: set[int] = set()
    for line in chk.lines:
        if line.para is None or id(line.para) in seen_paras:
            continue
        seen_paras.add(id(line.para))
        for run in _text_runs(line.para):
            name = _run_attr(run, line.para, "name", defaults) or "(không rõ)"
            if name != "Times New Roman":
                fonts[name] = fonts.get(name, 0) + 1
    if fonts:
        listed = ", ".join(f"{k} ({v} đoạn chữ)" for k, v in sorted(fonts.items()))
        chk.add("phong_chu", f"Có chữ dùng phông khác: {listed}.",
                "Chọn toàn bộ văn bản (Ctrl+A) rồi đặt phông Times New Roman.")

    # element -> (line indices, size range, bold?, italic?)
    i = chk.idx
    one = lambda k: [i[k]] if i.get(k) is not None else []  # noqa: E731
    issuer = chk.cq_idx[-1:] if chk.cq_idx else []
    is_cv = chk.kind is not None and chk.kind.slug == "cong-van"
    name_idx = [j for j in chk.sig_idx if not _is_upper(chk.texts[j])]
    title_idx = [j for j in chk.sig_idx if _is_upper(chk.texts[j])]
    body, body_paras = [], set()
    for j in chk.body_idx:
        line = chk.lines[j]
        if line.box is None and len(chk.texts[j]) > 40 and id(line.para) not in body_paras:
            body_paras.add(id(line.para))
            body.append(j)
    elements = [
        ("Quốc hiệu", one("qh"), (12, 13), True, False),
        ("Tiêu ngữ", one("tn"), (13, 14), True, False),
        ("Tên cơ quan chủ quản", chk.cq_idx[:-1], (12, 13), None, False),
        ("Tên cơ quan ban hành", issuer, (12, 13), True, False),
        ("Số, ký hiệu", one("so"), (13, 13), None, False),
        ("Trích yếu «V/v»", one("vv") if is_cv else [], (12, 13), None, False),
        ("Địa danh và ngày", one("date"), (13, 14), None, True),
        ("Tên loại", [] if is_cv else one("kind"), (13, 14), True, False),
        ("Trích yếu", [] if is_cv else one("trich_yeu"), (13, 14), True, False),
        ("Nội dung", body, (13, 14), None, None),
        ("Quyền hạn, chức vụ người ký", title_idx, (13, 14), True, False),
        ("Họ tên người ký", name_idx, (13, 14), True, False),
        ("«Nơi nhận»", one("nn"), (12, 12), True, True),
        ("Danh sách nơi nhận", chk.nn_items, (11, 11), None, False),
    ]
    size_bad, style_bad = [], []
    for label, idxs, (lo, hi), bold, italic in elements:
        sizes, not_bold, not_italic = set(), False, False
        for j in idxs:
            para = chk.lines[j].para
            if para is None:
                continue
            for run in _line_runs(chk.lines[j]):
                size = _run_attr(run, para, "size", defaults)
                sizes.add(round(size.pt, 1) if size is not None else None)
                if bold and not _run_attr(run, para, "bold", defaults):
                    not_bold = True
                if italic and not _run_attr(run, para, "italic", defaults):
                    not_italic = True
        wrong = sorted((s for s in sizes if s is None or not lo - 0.01 <= s <= hi + 0.01), key=lambda s: s or 0)
        if wrong:
            shown = ", ".join("không rõ" if s is None else f"{s:g}" for s in wrong)
            need = f"{lo}" if lo == hi else f"{lo}–{hi}"
            size_bad.append(f"{label}: cỡ {shown} (cần {need})")
        if not_bold:
            style_bad.append(f"{label} chưa in đậm")
        if not_italic:
            style_bad.append(f"{label} chưa in nghiêng")
    if size_bad:
        chk.add("co_chu", "; ".join(size_bad) + ".", "Đặt lại cỡ chữ từng phần theo bảng Mẫu chữ của Phụ lục I.")
    if style_bad:
        chk.add("kieu_chu", "; ".join(style_bad) + ".", "Đặt lại kiểu chữ (đậm/nghiêng) theo bảng Mẫu chữ của Phụ lục I.")

    problems: dict[str, int] = {}
    for j in body:
        para = chk.lines[j].para
        indent = _para_attr(para, "first_line_indent")
        if indent is None or not 0.95 <= indent.cm <= 1.3:
            problems["đầu dòng không lùi vào 1–1,27 cm"] = problems.get("đầu dòng không lùi vào 1–1,27 cm", 0) + 1
        align = _para_attr(para, "alignment")
        if align not in (WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.DISTRIBUTE):
            problems["chưa canh đều hai lề"] = problems.get("chưa canh đều hai lề", 0) + 1
        spacing = _para_attr(para, "line_spacing")
        if spacing is None:
            spacing = defaults["line"] or 1.0
        if isinstance(spacing, float | int) and not isinstance(spacing, bool):
            ok = 1.0 - 0.01 <= float(spacing) <= 1.5 + 0.01
        else:
            ok = 13 <= spacing.pt <= 25
        if not ok:
            problems["khoảng cách dòng ngoài khoảng dòng đơn – 1,5 dòng"] = \
                problems.get("khoảng cách dòng ngoài khoảng dòng đơn – 1,5 dòng", 0) + 1
        gap = 0.0
        for key in ("space_before", "space_after"):
            value = _para_attr(para, key)
            gap += value.pt if value is not None else defaults[key.split("_")[1]]
        if gap < 6 - 0.05:
            problems["khoảng cách giữa các đoạn dưới 6pt"] = problems.get("khoảng cách giữa các đoạn dưới 6pt", 0) + 1
    if problems:
        found = "; ".join(f"{k} ({v}/{len(body)} đoạn)" for k, v in problems.items())
        chk.add("trinh_bay_doan", found.capitalize() + ".",
                "Chọn phần nội dung → Đoạn văn: Canh đều, Thụt dòng đầu 1,27 cm, Cách đoạn sau 6pt, Giãn dòng 1,0–1,5.")


# ----------------------------------------------------------------------------- entry points

def _resolve_kind(kind: str | None) -> Kind | None:
    return kind_of(kind) if kind else None


def check_text(text: str, kind: str | None = None, source: str = "văn bản") -> Report:
    """Check a plain-text document (one element per line; two-column lines are split)."""
    text = nfc(text).lstrip("\ufeff")
    if not text.strip():
        raise CourseError("Văn bản trống.", hint="Dán hoặc mở một văn bản có nội dung rồi kiểm tra lại.")
    text = re.sub(r"\*\*|__", "", text.replace("\r\n", "\n"))  # Markdown bold pasted from a chatbot
    text = re.sub(r"(?m)^[ \t]*#{1,6}[ \t]+", "", text)
    lines = [line for raw in text.split("\n") for line in _split_columns(raw)]
    for line in lines:
        line.span = None  # plain text has no runs
    chk = _Checker(lines, _resolve_kind(kind), source, plain_text=True)
    chk.run_text_rules()
    return Report(source, chk.kind.slug if chk.kind else None, chk.findings, format_checked=False)


def _docx_lines(doc) -> list[Line]:
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[Line] = []
    for n, child in enumerate(doc.element.body.iterchildren()):
        if child.tag == qn("w:p"):
            para = Paragraph(child, doc)
            lines += _split_columns(para.text, para)
        elif child.tag == qn("w:tbl"):
            seen = set()
            for r, row in enumerate(Table(child, doc).rows):
                for c, cell in enumerate(row.cells):
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    for para in cell.paragraphs:
                        lines += _split_columns(para.text, para, f"t{n}r{r}c{c}")
    return lines


def check_document(doc, kind: str | None = None, source: str = "văn bản") -> Report:
    """Check an open python-docx Document: text rules and format rules."""
    lines = _docx_lines(doc)
    if not any(ln.text.strip() for ln in lines):
        raise CourseError(f"Tệp {source} không có chữ nào.", hint="Mở tệp kiểm tra lại nội dung.")
    chk = _Checker(lines, _resolve_kind(kind), source)
    chk.run_text_rules()
    _check_docx_format(chk, doc)
    order = list(RULES)
    chk.findings.sort(key=lambda f: order.index(f.rule))
    return Report(source, chk.kind.slug if chk.kind else None, chk.findings, format_checked=True)


def read_text_file(path: Path) -> str:
    """Read a UTF-8 (or UTF-16 with BOM) text file, or raise a clear CourseError."""
    path = Path(path)
    if not path.is_file():
        what = "là thư mục, không phải tệp" if path.is_dir() else "không tồn tại"
        raise CourseError(f"Tệp {path} {what}.", hint="Kiểm tra lại tên và thư mục của tệp.")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise CourseError(f"Không đọc được tệp {path.name}.", hint="Kiểm tra quyền đọc tệp rồi thử lại.") from err
    if not data.strip():
        raise CourseError(f"Tệp {path.name} trống.", hint="Kiểm tra lại tệp có nội dung chưa.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise CourseError(f"Tệp {path.name} không phải mã UTF-8 (có thể là TCVN3/VNI hoặc Windows-1258).",
                          hint="Mở tệp bằng Notepad hoặc Word, chọn Lưu thành… với mã hoá UTF-8, "
                               "rồi kiểm tra lại.") from err


def check_file(path: str | Path, kind: str | None = None) -> Report:
    """Check a .docx, .txt or .md file. Unreadable files raise CourseError with what to do."""
    path = Path(path)
    if not path.exists():
        raise CourseError(f"Không tìm thấy tệp {path}.", hint="Kiểm tra lại tên và thư mục của tệp.")
    if path.is_dir():
        raise CourseError(f"{path} là thư mục, không phải tệp.", hint="Chọn một tệp .docx hoặc .txt.")
    head = path.open("rb").read(8)
    if path.suffix.lower() == ".doc" or head == OLE_MAGIC:
        raise CourseError(f"Tệp {path.name} là định dạng Word 97–2003 (.doc) cũ, chưa đọc được.",
                          hint="Mở tệp bằng Word hoặc LibreOffice, chọn Lưu thành… định dạng .docx rồi kiểm tra lại.")
    if path.suffix.lower() == ".docx":
        if path.stat().st_size == 0:
            raise CourseError(f"Tệp {path.name} trống.", hint="Kiểm tra lại tệp có nội dung chưa.")
        from docx import Document

        try:
            doc = Document(str(path))
        except Exception as err:  # zipfile, lxml and python-docx raise many kinds on a broken file
            raise CourseError(f"Tệp {path.name} bị hỏng hoặc không phải tệp Word .docx.",
                              hint="Mở tệp bằng Word/LibreOffice và lưu lại thành .docx, rồi kiểm tra lại.") from err
        return check_document(doc, kind, path.name)
    if path.suffix.lower() in TEXT_SUFFIXES or path.suffix == "":
        return check_text(read_text_file(path), kind, path.name)
    raise CourseError(f"Chưa kiểm tra được tệp {path.suffix}.", hint="Dùng tệp .docx, .txt hoặc .md.")
