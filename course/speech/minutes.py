"""From a meeting transcript to biên bản cuộc họp (meeting minutes), exported to .docx.

A biên bản needs seven parts: thời gian, địa điểm, thành phần, chủ trì, thư ký, nội dung, kết luận.
`make_minutes(transcript)` asks the course's language model (`course.llm.ask`) to fill them and
parses its answer; `minutes_from_keywords(transcript)` is a plain keyword rule (no AI) for
comparison. Nothing is invented: a part the model did not give stays empty and `missing()` says so,
for the official to complete. `export_minutes_docx` writes the .docx through `course.documents`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field, fields
from pathlib import Path

from course.errors import CourseError
from course.text import fold as _fold  # labels typed with or without accents

PARTS: dict[str, str] = {
    "thoi_gian": "Thời gian",
    "dia_diem": "Địa điểm",
    "thanh_phan": "Thành phần",
    "chu_tri": "Chủ trì",
    "thu_ky": "Thư ký",
    "noi_dung": "Nội dung",
    "ket_luan": "Kết luận",
}

SYSTEM = ("Bạn là thư ký Ủy ban nhân dân phường. Bạn lập biên bản cuộc họp ngắn gọn, trung thực, "
          "chỉ dùng thông tin có trong lời ghi; phần nào không có thì ghi «Không rõ».")

PROMPT = """Dưới đây là lời ghi (chép tự động) của một cuộc họp. Hãy lập biên bản với đúng bảy dòng,
mỗi dòng bắt đầu bằng nhãn như mẫu:
Thời gian: ...
Địa điểm: ...
Thành phần: ...
Chủ trì: ...
Thư ký: ...
Nội dung: ...
Kết luận: ...

Lời ghi cuộc họp:
\"\"\"{transcript}\"\"\"

Biên bản:
Thời gian:"""

_UNKNOWN = re.compile(r"^(không rõ|chưa rõ|không có|n/?a|\.\.\.|…|-)?\.?$", re.IGNORECASE)


_LABELS = {_fold(label): key for key, label in PARTS.items()} | {"chu toa": "chu_tri", "thanh phan tham du": "thanh_phan"}


@dataclass
class Minutes:
    """The seven parts of a biên bản cuộc họp, plus where they came from."""

    thoi_gian: str = ""
    dia_diem: str = ""
    thanh_phan: str = ""
    chu_tri: str = ""
    thu_ky: str = ""
    noi_dung: str = ""
    ket_luan: str = ""
    subject: str = "Cuộc họp"
    source: str = ""  # "người dùng", "quy tắc từ khoá", or the model's label
    notes: list[str] = field(default_factory=list)  # Vietnamese remarks (model errors, redactions)

    @classmethod
    def from_dict(cls, values: dict[str, str]) -> Minutes:
        """Build from a dict keyed by part keys (thoi_gian...) or labels ("Thời gian"...)."""
        known = {f.name for f in fields(cls)}
        out = {}
        for k, v in (values or {}).items():
            key = k if k in known else _LABELS.get(_fold(str(k)).strip(), "")
            if key:
                out[key] = unicodedata.normalize("NFC", str(v or "")).strip()
        return cls(**out)

    def parts(self) -> dict[str, str]:
        return {key: getattr(self, key) for key in PARTS}

    def missing(self) -> list[str]:
        """Labels of the required parts that are still empty (or only 'Không rõ')."""
        return [PARTS[k] for k, v in self.parts().items() if _UNKNOWN.match(v.strip())]

    def to_text(self) -> str:
        lines = [f"BIÊN BẢN {self.subject.upper()}"]
        for key, label in PARTS.items():
            value = getattr(self, key).strip()
            lines.append(f"{label}: {value or '(chưa có — cần bổ sung)'}")
        return "\n".join(lines)

    def _repr_markdown_(self) -> str:
        rows = [f"**BIÊN BẢN {self.subject.upper()}**", ""]
        for key, label in PARTS.items():
            value = getattr(self, key).strip()
            rows.append(f"- **{label}:** {value or '*(chưa có — cần bổ sung)*'}")
        if self.source:
            rows += ["", f"*Nguồn: {self.source}.*"]
        if self.missing():
            rows += ["", "⚠️ Còn thiếu: " + ", ".join(self.missing()) + "."]
        rows += [f"*{n}*" for n in self.notes]
        return "\n".join(rows)


def template() -> dict[str, str]:
    """An empty minutes form (label → ""), for learners to fill in by hand."""
    return {label: "" for label in PARTS.values()}


def check_minutes(minutes: Minutes | dict[str, str]) -> list[str]:
    """Vietnamese messages for each required part that is missing; [] when complete."""
    m = minutes if isinstance(minutes, Minutes) else Minutes.from_dict(minutes)
    return [f"Biên bản còn thiếu phần «{label}»." for label in m.missing()]


def parse_minutes(text: str) -> Minutes:
    """Read 'Nhãn: giá trị' lines (labels with or without diacritics); other lines join the previous part."""
    values: dict[str, str] = {}
    current = ""
    for raw in unicodedata.normalize("NFC", text or "").splitlines():
        line = raw.strip().lstrip("-*• ").replace("**", "")
        label, sep, value = line.partition(":")
        key = _LABELS.get(_fold(label).strip()) if sep else None
        if key:
            if key in values:  # a second block (model repeating itself): stop
                break
            current = key
            values[key] = value.strip()
        elif current and line:
            values[current] = (values[current] + " " + line).strip()
    return Minutes.from_dict(values)


def make_minutes(transcript: str, provider: str | None = None, max_tokens: int = 320,
                 temperature: float = 0.2, **ask_kwargs: object) -> Minutes:
    """Ask the language model for the seven parts and parse its answer (never invents missing ones).

    Cloud providers receive the transcript after the course's PII guard (course.llm.ask).
    """
    from course.llm import ask

    text = (transcript.text if hasattr(transcript, "text") else str(transcript or "")).strip()
    if not text:
        raise CourseError("Chưa có lời ghi để lập biên bản.", hint="Hãy chép lời một đoạn ghi âm trước.")
    answer = ask(PROMPT.format(transcript=text), system=SYSTEM, provider=provider, max_tokens=max_tokens,
                 temperature=temperature, **ask_kwargs)
    if answer.error:
        m = Minutes(source=answer.provider or "AI", notes=[answer.error])
        m.answer = answer  # type: ignore[attr-defined]
        return m
    m = parse_minutes("Thời gian:" + answer.text if not _starts_with_label(answer.text) else answer.text)
    m.source = answer.label
    m.notes = list(getattr(answer, "notices", []) or [])
    m.answer = answer  # type: ignore[attr-defined]
    return m


def _starts_with_label(text: str) -> bool:
    head = _fold(text.strip().lstrip("-*• ").replace("**", "")).split(":", 1)[0].strip()
    return head in _LABELS


# Keyword rule (no AI): per part, a cue that picks the sentence and a pattern for the useful clause.
_CUES: dict[str, tuple[str, str]] = {
    "thoi_gian": (r"\b(hôm nay|ngày \S+|lúc \S+ giờ|\d+ giờ)",
                  r"((?:lúc [^,.]+,?\s*)?(?:hôm nay,?\s*)?ngày [^,.]+(?:tháng [^,.]+)?)"),
    "dia_diem": (r"\btại\b", r"\btại ([^,.]+)"),
    "thanh_phan": (r"\b(thành phần|tham dự|gồm có)\b", r"(?:thành phần|tham dự)(?: gồm| gồm có| có)?:?\s*([^.]+)"),
    "chu_tri": (r"\b(chủ trì|chủ toạ|chủ tọa)\b", r"(?:chủ trì|chủ toạ|chủ tọa)[^.]*?\blà\s+([^.]+)"),
    "thu_ky": (r"\bthư ký\b", r"thư ký[^.]*?\blà\s+([^.]+)"),
    "ket_luan": (r"\b(kết luận|thống nhất)\b", r"(?:kết luận|thống nhất)[,:]?\s*([^.]+)"),
}


def minutes_from_keywords(transcript: str) -> Minutes:
    """Fill parts from sentences that contain cue words — a simple rule to compare with the AI."""
    text = (transcript.text if hasattr(transcript, "text") else str(transcript or "")).strip()
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", unicodedata.normalize("NFC", text)) if s.strip()]
    values: dict[str, str] = {}
    used: set[int] = set()
    for key, (cue, clause) in _CUES.items():
        for i, sentence in enumerate(sentences):
            if re.search(cue, sentence, re.IGNORECASE):
                found = re.search(clause, sentence, re.IGNORECASE)
                values[key] = (found.group(1) if found else sentence).strip(" ,.")
                used.add(i)
                break
    values["noi_dung"] = " ".join(s for i, s in enumerate(sentences) if i not in used)
    m = Minutes.from_dict(values)
    m.source = "quy tắc từ khoá (không dùng AI)"
    return m


def export_minutes_docx(minutes: Minutes | dict[str, str], path: str | Path,
                        issuer: str = "ỦY BAN NHÂN DÂN PHƯỜNG", place: str = "", number: str = "",
                        date: dt.date | None = None, allow_missing: bool = False) -> Path:
    """Write the minutes as a biên bản .docx (Nghị định 30/2020 layout) via `course.documents`."""
    from course.documents import Draft, write_docx

    m = minutes if isinstance(minutes, Minutes) else Minutes.from_dict(minutes)
    missing = m.missing()
    if missing and not allow_missing:
        raise CourseError("Biên bản còn thiếu: " + ", ".join(missing) + ".",
                          hint="Hãy bổ sung các phần này trước khi xuất tệp Word.")
    body = [f"{PARTS[k]}: {v.strip() or '(chưa có)'}" for k, v in m.parts().items()
            if k not in ("noi_dung", "ket_luan")]
    body += ["## Nội dung", m.noi_dung.strip() or "(chưa có)", "## Kết luận", m.ket_luan.strip() or "(chưa có)"]
    chair, secretary = _person(m.chu_tri), _person(m.thu_ky)
    draft = Draft(kind="bien-ban", issuer=issuer, body=body, number=number, place=place, date=date,
                  subject=m.subject, cc=["Các thành viên dự họp"], title="CHỦ TỌA", signer=chair,
                  co_signers=[("THƯ KÝ", secretary)])
    return write_docx(draft, Path(path))


def _number_phrases(top: int) -> dict[str, int]:
    """Folded Vietnamese readings of 1..top, with the variants officials say and write.

    "hai mươi tư" / "hai mươi bốn", "mười lăm" / "mười năm", and the short spoken "hai mốt", "hai tư".
    """
    from course.speech.evaluate import number_to_words

    phrases: dict[str, int] = {}
    for n in range(1, top + 1):
        base = _fold(number_to_words(n))
        variants = {base}
        if base.endswith(" tu"):
            variants.add(base[:-3] + " bon")
        if base.endswith(" lam"):
            variants.add(base[:-4] + " nam")
        if n > 20 and n % 10:
            variants |= {v.replace(" muoi ", " ") for v in list(variants)}
        phrases.update(dict.fromkeys(variants, n))
    return phrases


def _alternation(phrases: dict[str, int]) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


_DAY_WORDS = _number_phrases(31)
_MONTH_WORDS = _number_phrases(12) | {"tu": 4, "gieng": 1}
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_DATE = re.compile(
    rf"(?P<prefix>\b(?:ngay|mung|mong)\s+)?"
    rf"\b(?:(?P<d>\d{{1,2}})|(?P<dw>{_alternation(_DAY_WORDS)}))"
    rf"\s*(?:[/.\-]|,?\s*\bthang\b)\s*"
    rf"(?:(?P<m>\d{{1,2}})|(?P<mw>{_alternation(_MONTH_WORDS)}))(?!\w)")


def day_month(text: str) -> tuple[int, int] | None:
    """The first (day, month) written in `text`, however an official writes it; None when there is none.

    Reads "Ngày 20/4", "20-4", "20.4", "20/04/2026", "ngày 20 tháng 4", "ngày hai mươi tháng tư",
    "mồng 5 tháng 5", with or without diacritics. A day written in words needs "ngày"/"mồng"/"mùng"
    before it unless it opens the text ("họp một tháng hai lần" is not a date); a date after "ngày" wins over bare numbers such as a
    time "8.05"; day and month must be a possible pair.
    """
    folded = _fold(unicodedata.normalize("NFC", str(text or ""))).strip()
    iso = _ISO_DATE.search(folded)
    candidates: list[tuple[bool, int, tuple[int, int]]] = []  # (no "ngày" before it, position, date)
    if iso:
        candidates.append((False, iso.start(), (int(iso.group(3)), int(iso.group(2)))))
    for found in _DATE.finditer(folded):
        if found.group("dw") and not found.group("prefix") and found.start() > 0:
            continue  # words without "ngày" count only as the whole answer: "Hai mươi tháng tư"
        day = int(found.group("d")) if found.group("d") else _DAY_WORDS[re.sub(r"\s+", " ", found.group("dw"))]
        month = int(found.group("m")) if found.group("m") else _MONTH_WORDS[re.sub(r"\s+", " ", found.group("mw"))]
        candidates.append((not found.group("prefix"), found.start(), (day, month)))
    for _, _, (day, month) in sorted(candidates):
        if 1 <= month <= 12 and 1 <= day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31):
            return day, month
    return None


_HONORIFIC = re.compile(r"^(ông|bà|anh|chị|đồng chí|đ/c)\s+", re.IGNORECASE)


def _person(text: str) -> str:
    """The name part of 'ông Nguyễn Văn An, phó chủ tịch…' → 'Nguyễn Văn An'."""
    return _HONORIFIC.sub("", re.split(r"[,(–]| - ", text)[0].strip()).strip()
