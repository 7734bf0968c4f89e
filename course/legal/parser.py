"""Parse the plain text of a Vietnamese legal document into Phần / Chương / Mục / Điều / Khoản / Điểm,
and read its header (số hiệu, cơ quan, ngày ban hành, ngày hiệu lực).

Works on text downloaded from official portals (vbpl.vn, congbao.chinhphu.vn) once converted to text
by `course.legal.importer`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from course.legal.tree import LEVEL, Node, assign_text
from course.text import nfc

LETTERS = "abcdđeghiklmnopqrstuvxy"
_ORDINALS = {"nhất": 1, "thứ nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7,
             "tám": 8, "chín": 9, "mười": 10}

RE_PHAN = re.compile(r"^PHẦN THỨ\s+([^\s:.]+)\s*[:.]?\s*(.*)$", re.IGNORECASE)
RE_CHUONG = re.compile(r"^CHƯƠNG\s+([IVXLC]+|\d+)\b\s*[:.\-–]?\s*(.*)$", re.IGNORECASE)
RE_MUC = re.compile(r"^MỤC\s+(\d+)\b\s*[:.\-–]?\s*(.*)$", re.IGNORECASE)
RE_DIEU = re.compile(r"^Điều\s+(\d+[a-zđ]?)\s*[.:]\s*(.*)$")
RE_KHOAN = re.compile(r"^(\d+)\.(?:\[\d+\]\s*|\s+)\S")
RE_DIEM = re.compile(r"^([a-zđ])\)(?:\[\d+\]\s*|\s+)\S")
RE_SO_HIEU = re.compile(r"(?:^|\n)\s*(?:Bộ luật|Luật|Pháp lệnh)?\s*[Ss]ố\s*:?\s*([0-9]+/[0-9]{4}/[A-ZĐa-zđ0-9\-]+)")
RE_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
RE_EFFECT = re.compile(r"có hiệu lực(?: thi hành)?(?: kể)? từ ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
DOC_TYPES = ("BỘ LUẬT", "LUẬT", "PHÁP LỆNH", "NGHỊ QUYẾT", "NGHỊ ĐỊNH", "THÔNG TƯ LIÊN TỊCH", "THÔNG TƯ",
             "QUYẾT ĐỊNH", "CHỈ THỊ", "QUY CHẾ", "QUY ĐỊNH", "KẾ HOẠCH", "CÔNG VĂN")


@dataclass
class Header:
    """What the first lines (and the effect clause) of a document say about it."""

    so_hieu: str = ""
    co_quan: str = ""
    loai: str = ""
    ten: str = ""
    ngay_ban_hanh: date | None = None
    ngay_hieu_luc: date | None = None


def parse_vn_date(text: str) -> date | None:
    """'24/11/2015' or 'ngày 24 tháng 11 năm 2015' -> date(2015, 11, 24)."""
    m = re.search(r"(\d{1,2})/(\d{1,2})/(\d{4})", text or "") or RE_DATE.search(text or "")
    if not m:
        return None
    d, mo, y = (int(x) for x in m.groups())
    try:
        return date(y, mo, d)
    except ValueError:
        return None


_ISSUERS = {"QUỐC HỘI": "Quốc hội", "CHÍNH PHỦ": "Chính phủ", "ỦY BAN THƯỜNG VỤ QUỐC HỘI": "Ủy ban Thường vụ Quốc hội"}


def _sentence_case(text: str) -> str:
    """Known national issuers in their usual spelling; other issuers kept as written (proper names)."""
    return _ISSUERS.get(text.upper(), text)


def parse_header(raw: str) -> Header:
    """Số hiệu, cơ quan ban hành, loại, tên, ngày ban hành and ngày hiệu lực from a document's text."""
    raw = nfc(raw)
    head = raw[:1500]
    lines = [ln.strip() for ln in head.splitlines() if ln.strip()]
    h = Header()
    m = RE_SO_HIEU.search(head)
    if m:
        h.so_hieu = m.group(1).strip().rstrip(".")
    if lines:
        h.co_quan = _sentence_case(re.split(r"\s{2,}|CỘNG HÒA|CỘNG HOÀ", lines[0])[0].strip())
    m = RE_DATE.search(head)
    if m:
        h.ngay_ban_hanh = parse_vn_date(m.group(0))
    for i, ln in enumerate(lines[:25]):
        up = ln.upper()
        for t in DOC_TYPES:
            if up == t or (up.startswith(t + " ") and ln == up and len(ln) < 80):
                h.loai = t.capitalize()
                rest = [ln[len(t):].strip()] if ln[len(t):].strip() else []
                for nxt in lines[i + 1:i + 3]:
                    if nxt.isupper() and not nxt.startswith(("CĂN CỨ", "CHƯƠNG", "PHẦN")):
                        rest.append(nxt)
                    else:
                        break
                h.ten = (t.capitalize() + " " + " ".join(rest).lower()).strip()
                break
        if h.loai:
            break
    m = RE_EFFECT.search(raw)
    if m:
        h.ngay_hieu_luc = parse_vn_date(m.group(0))
    return h


def _next_letter(prev: str | None) -> str:
    return LETTERS[0] if prev is None else LETTERS[min(LETTERS.index(prev) + 1, len(LETTERS) - 1)]


def parse_structure(raw: str, title: str = "") -> Node:
    """Tree of a document from its text: headings recognised line by line.

    Khoản ("1.") and điểm ("a)") are only accepted inside an article and in sequence, so numbered
    lines quoted in the body are not mistaken for structure.
    """
    root = Node(kind="văn bản", number="", heading=title)
    order: list[tuple[Node, int]] = [(root, 0)]
    stack: list[Node] = [root]
    lines = raw.split("\n")
    pos = 0
    pending_title: Node | None = None
    for line in lines:
        start = pos
        pos += len(line) + 1
        text = line.strip()
        if not text:
            continue
        lead = start + (len(line) - len(line.lstrip()))
        if pending_title is not None:
            if text.isupper() and not RE_DIEU.match(text) and not RE_CHUONG.match(text):
                pending_title.heading = f"{pending_title.heading}:{text}" if pending_title.kind == "chương" \
                    else f"{pending_title.heading}. {text}"
                pending_title = None
                continue
            pending_title = None
        node = None
        for kind, rx in (("phần", RE_PHAN), ("chương", RE_CHUONG), ("mục", RE_MUC), ("điều", RE_DIEU)):
            m = rx.match(text)
            if m:
                number = m.group(1)
                if kind == "phần":
                    number = number.lower()
                node = Node(kind=kind, number=number, heading=" ".join(text.split()))
                if kind != "điều" and not m.group(2).strip():
                    pending_title = node
                break
        if node is None:
            current_article = next((n for n in reversed(stack) if n.kind == "điều"), None)
            if current_article is None:
                continue
            m = RE_KHOAN.match(text)
            if m:
                last = next((c for c in reversed(current_article.children) if c.kind == "khoản"), None)
                expected = 1 if last is None else int(last.number) + 1
                if int(m.group(1)) == expected:
                    node = Node(kind="khoản", number=m.group(1), heading=text)
            else:
                m = RE_DIEM.match(text)
                khoan = stack[-1] if stack[-1].kind == "khoản" else (stack[-2] if stack[-1].kind == "điểm" else None)
                if m and khoan is not None:
                    last = next((c for c in reversed(khoan.children) if c.kind == "điểm"), None)
                    if m.group(1) == _next_letter(last.number if last else None):
                        node = Node(kind="điểm", number=m.group(1), heading=text)
            if node is None:
                continue
        node.start = lead
        level = LEVEL[node.kind]
        while stack and LEVEL[stack[-1].kind] >= level:
            stack.pop()
        parent = stack[-1]
        node.parent = parent
        parent.children.append(node)
        stack.append(node)
        order.append((node, len(stack) - 1))
    root.start = order[1][0].start if len(order) > 1 else 0
    assign_text(raw, [n for n, _ in order])
    return root
