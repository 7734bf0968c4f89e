"""A deterministic rubric for prompts: the same prompt always gets the same score.

It looks for the six parts of a good prompt (labelled, like «Vai trò: …», or recognised by cue
words), Vietnamese with diacritics, and no personal data. It never calls a model, so it can grade
assignments. Cue words are matched without diacritics too, so «ban la can bo» still counts as a role.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field

from course.prompting.anatomy import PART_LABELS, PromptParts
from course.text import strip_diacritics

PASS_MARK = 9


@dataclass(frozen=True)
class Criterion:
    """One line of the published rubric."""

    id: str
    name: str
    points: int
    description: str


CRITERIA: list[Criterion] = [
    Criterion("role", "Vai trò", 2, "Giao cho AI một vai cụ thể («Bạn là chuyên viên Văn phòng HĐND và UBND phường…»)."),
    Criterion("context", "Bối cảnh", 2, "Nêu tình huống, đơn vị, người đọc, số liệu (nhãn «Bối cảnh:» hoặc ít nhất "
                                         "hai chi tiết như phường, tổ dân phố, người dân, thời gian)."),
    Criterion("task", "Nhiệm vụ", 2, "Một việc rõ ràng bắt đầu bằng động từ: soạn, viết, tóm tắt, trả lời, "
                                     "kiểm tra… (đủ điểm khi có nhãn «Nhiệm vụ:» hoặc câu «Hãy …»)."),
    Criterion("format", "Định dạng", 2, "Nói rõ hình thức: số đoạn, gạch đầu dòng, bảng, mục, theo mẫu văn bản "
                                        "(2 điểm: nhãn «Định dạng:» hoặc hai chỉ dẫn)."),
    Criterion("example", "Ví dụ", 1, "Có một câu hoặc đoạn mẫu («Ví dụ: …», «chẳng hạn»)."),
    Criterion("constraints", "Ràng buộc", 2, "Giới hạn độ dài, giọng văn, điều không được làm (2 điểm: hai ràng buộc "
                                             "trở lên)."),
    Criterion("diacritics", "Tiếng Việt có dấu", 1, "Câu lệnh viết tiếng Việt có dấu đầy đủ."),
]
MAX_SCORE = sum(c.points for c in CRITERIA)
PII_PENALTY = 3


def _bare(text: str) -> str:
    return re.sub(r"\s+", " ", strip_diacritics(text).casefold())


@dataclass(frozen=True)
class Cue:
    """A cue word, matched with diacritics on Vietnamese text and without on text typed without them."""

    accented: re.Pattern[str]
    bare: re.Pattern[str]


def _cues(words: list[str]) -> list[Cue]:
    def pat(w: str) -> re.Pattern[str]:
        return re.compile(r"(?<!\w)" + re.escape(w) + r"(?!\w)")
    return [Cue(pat(unicodedata.normalize("NFC", w.casefold())), pat(_bare(w))) for w in words]


ROLE_CUES = _cues(["bạn là", "hãy đóng vai", "đóng vai", "với vai trò", "vai trò", "hãy là", "bạn đang là",
                   "trong vai"])
CONTEXT_CUES = _cues(["phường", "xã", "tổ dân phố", "người dân", "công dân", "ủy ban", "ubnd", "địa bàn",
                      "hộ gia đình", "cán bộ", "công chức", "thôn", "khu phố", "người cao tuổi", "hồ sơ",
                      "tháng", "năm 20", "hội nghị", "cuộc họp", "bối cảnh", "tình huống"])
TASK_CUES = _cues(["soạn", "soạn thảo", "viết", "tóm tắt", "trả lời", "liệt kê", "kiểm tra", "sửa", "chuyển",
                   "lập", "đề xuất", "giải thích", "dịch", "rút gọn", "phân loại", "trích", "so sánh", "lên kế hoạch",
                   "nhiệm vụ"])
FORMAT_CUES = _cues(["định dạng", "gạch đầu dòng", "bảng", "đoạn", "mục", "tiêu đề", "theo mẫu", "nghị định 30",
                     "thể thức", "danh sách", "đánh số", "dòng", "câu", "hashtag", "json", "markdown", "phần"])
EXAMPLE_CUES = _cues(["ví dụ", "chẳng hạn", "mẫu:", "như sau:", "tham khảo"])
CONSTRAINT_CUES = _cues(["không quá", "không được", "không dùng", "không bịa", "không thêm", "không nêu",
                         "không đổi", "chỉ dùng", "chỉ", "tối đa", "tối thiểu", "dưới", "giọng", "lịch sự",
                         "trang trọng", "dễ hiểu", "ngắn gọn", "tránh", "giữ nguyên", "nếu không chắc", "thân thiện",
                         "ràng buộc"])
VI_MARKS = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)


@dataclass
class Line:
    """Score for one criterion, with Vietnamese feedback."""

    criterion: Criterion
    points: int
    feedback: str


@dataclass
class RubricResult:
    """The rubric's verdict: total, per-criterion lines, PII penalty."""

    score: int
    max_score: int
    lines: list[Line] = field(default_factory=list)
    pii: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.score >= PASS_MARK

    def summary(self) -> str:
        out = [f"Điểm câu lệnh: {self.score}/{self.max_score} — {'ĐẠT' if self.passed else 'CHƯA ĐẠT'} "
               f"(cần {PASS_MARK})."]
        out += [f"- {ln.criterion.name}: {ln.points}/{ln.criterion.points}. {ln.feedback}" for ln in self.lines]
        if self.pii:
            out.append(f"- Dữ liệu cá nhân: trừ {PII_PENALTY} điểm ({', '.join(self.pii)}). Hãy xoá trước khi gửi.")
        return "\n".join(out)

    def __str__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        colour = "#1e8449" if self.passed else "#c0392b"
        rows = "".join(f"<tr><td>{html.escape(ln.criterion.name)}</td><td>{ln.points}/{ln.criterion.points}</td>"
                       f"<td>{html.escape(ln.feedback)}</td></tr>" for ln in self.lines)
        if self.pii:
            rows += (f"<tr><td>Dữ liệu cá nhân</td><td>−{PII_PENALTY}</td>"
                     f"<td>{html.escape(', '.join(self.pii))}: hãy xoá trước khi gửi.</td></tr>")
        verdict = "ĐẠT" if self.passed else "CHƯA ĐẠT"
        return (f"<p style='color:{colour}'><b>Điểm câu lệnh: {self.score}/{self.max_score} — {verdict}</b> "
                f"(cần {PASS_MARK})</p><table><tr><th>Tiêu chí</th><th>Điểm</th><th>Nhận xét</th></tr>{rows}</table>")


@dataclass(frozen=True)
class _Text:
    folded: str  # casefolded NFC, or without diacritics when the learner typed without them
    accented: bool


def _labelled(t: _Text, part: str) -> bool:
    label = PART_LABELS[part].casefold() if t.accented else _bare(PART_LABELS[part])
    return re.search(r"(^|\n)\s*[-*#]*\s*" + re.escape(label) + r"\s*[:：]", t.folded) is not None


def _count(cues: list[Cue], t: _Text) -> int:
    return sum(1 for c in cues if (c.accented if t.accented else c.bare).search(t.folded))


def rubric_table() -> str:
    """The published rubric as a Markdown table (shown in the assignment notebook)."""
    rows = [f"| {c.name} | {c.points} | {c.description} |" for c in CRITERIA]
    return ("| Tiêu chí | Điểm tối đa | Cách chấm |\n|---|---|---|\n" + "\n".join(rows)
            + f"\n| Dữ liệu cá nhân | −{PII_PENALTY} | Trừ điểm nếu câu lệnh chứa số CCCD, số điện thoại, email, "
              "số tài khoản… |\n\n"
            + f"Tổng tối đa {MAX_SCORE} điểm; **đạt từ {PASS_MARK} điểm**.")


def score_prompt(prompt: str | PromptParts) -> RubricResult:
    """Score a prompt (text, or `PromptParts`) on the published rubric. Deterministic, no model."""
    text = prompt.assemble() if isinstance(prompt, PromptParts) else str(prompt or "")
    text = unicodedata.normalize("NFC", text)
    words = re.findall(r"[^\W\d_]+", text)
    marked = sum(1 for w in words if VI_MARKS.search(w))
    accented = bool(words) and marked / len(words) >= 0.3
    bare = _Text(text.casefold() if accented else _bare(text), accented)
    lines: list[Line] = []

    def add(cid: str, points: int, good: str, hint: str) -> None:
        crit = next(c for c in CRITERIA if c.id == cid)
        points = max(0, min(points, crit.points))
        lines.append(Line(crit, points, good if points == crit.points else hint))

    role = 2 if _labelled(bare, "role") or _count(ROLE_CUES, bare) else 0
    add("role", role, "Đã giao vai cho AI.", "Thêm vai trò, ví dụ «Bạn là chuyên viên Văn phòng HĐND và UBND phường…».")
    ctx = _count(CONTEXT_CUES, bare)
    add("context", 2 if (_labelled(bare, "context") and ctx) or ctx >= 2 else min(ctx, 1),
        "Bối cảnh đủ cụ thể.", "Nêu rõ bối cảnh: đơn vị, tình huống, người đọc, thời gian, số liệu có sẵn.")
    verbs = _count(TASK_CUES, bare)
    imperative = re.search(r"(?<!\w)(hãy|hay) (?!là\b|la\b)", bare.folded) is not None
    add("task", 2 if verbs and (_labelled(bare, "task") or imperative) else min(verbs, 1),
        "Nhiệm vụ rõ ràng.", "Viết nhiệm vụ thành một câu bắt đầu bằng «Hãy …» hoặc ghi nhãn «Nhiệm vụ:».")
    fmt = _count(FORMAT_CUES, bare)
    add("format", 2 if (_labelled(bare, "format") and fmt) or fmt >= 2 else min(fmt, 1),
        "Đã nói rõ định dạng.", "Nói rõ định dạng: mấy đoạn, gạch đầu dòng, bảng, theo mẫu văn bản nào.")
    add("example", 1 if _count(EXAMPLE_CUES, bare) or re.search(r"[«\"“][^»\"”]{12,}[»\"”]", text) else 0,
        "Có ví dụ mẫu.", "Thêm một câu mẫu («Ví dụ: …») để AI bắt chước.")
    cons = _count(CONSTRAINT_CUES, bare)
    add("constraints", 2 if cons >= 2 else cons, "Ràng buộc rõ.",
        "Thêm ràng buộc: độ dài tối đa, giọng văn, điều không được làm (không bịa số liệu…).")
    add("diacritics", 1 if accented else 0, "Tiếng Việt có dấu.",
        "Gõ tiếng Việt có dấu để AI hiểu đúng (bật Unikey/bộ gõ tiếng Việt).")
    if len(words) < 8:
        for ln in lines:
            ln.points = min(ln.points, 1) if ln.criterion.id != "diacritics" else ln.points
    from course.privacy import find_pii

    pii = sorted({f.label for f in find_pii(text)})
    score = sum(ln.points for ln in lines) - (PII_PENALTY if pii else 0)
    return RubricResult(max(score, 0), MAX_SCORE, lines, pii)
