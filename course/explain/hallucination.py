"""Ask the AI factual questions about Vietnam and compare with checked answers and their sources.

A small local model answers confidently and is often wrong (it "hallucinates"); its knowledge
also stops at its training date. The reference answers here come with a source so learners can
see what checking looks like. Whether an answer matches is decided by a plain keyword test.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from course.text import fold

MOC_CHAU = ("Bài báo «Hơn 200 cán bộ nòng cốt chuyển đổi số tại phường Mộc Châu tham gia tập huấn AI» "
            "(ngày 08 tháng 8 năm 2025)")
LUAT_91 = "Luật Bảo vệ dữ liệu cá nhân, số 91/2025/QH15, Quốc hội thông qua ngày 26 tháng 6 năm 2025"
LUAT_117 = ("Luật Bảo vệ bí mật nhà nước, số 117/2025/QH15, Quốc hội thông qua ngày 10 tháng 12 năm 2025; "
            "điều khoản hiệu lực của Luật")
NQ_202 = ("Nghị quyết số 202/2025/QH15 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh "
          "(ngày 12 tháng 6 năm 2025)")


@dataclass(frozen=True)
class FactQuestion:
    """A question, the checked answer, the words an answer must contain, and the source."""

    question: str
    reference: str
    keywords: tuple[str, ...]
    source: str

    def matches(self, answer: str) -> bool:
        """True when the answer contains one of the keywords (diacritics and case ignored)."""
        folded = fold(answer)
        return any(re.search(rf"(?<![\w/]){re.escape(fold(k))}(?![\w/])", folded)
                   for k in self.keywords)


FACT_QUESTIONS: tuple[FactQuestion, ...] = (
    FactQuestion("Ai là Chủ tịch Ủy ban nhân dân phường Mộc Châu, tỉnh Sơn La, vào tháng 8 năm 2025?",
                 "Bà Nguyễn Thị Hoa.", ("Nguyễn Thị Hoa",), MOC_CHAU),
    FactQuestion("Sau khi sắp xếp năm 2025, cả nước có bao nhiêu đơn vị hành chính cấp tỉnh?",
                 "34 đơn vị (28 tỉnh và 6 thành phố), theo Nghị quyết số 202/2025/QH15 của Quốc hội ngày 12 tháng 6 "
                 "năm 2025; các tỉnh, thành phố mới hoạt động từ ngày 01 tháng 7 năm 2025.", ("34",), NQ_202),
    FactQuestion("Nghị quyết 57-NQ/TW về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số "
                 "quốc gia được ban hành ngày nào?", "Ngày 22 tháng 12 năm 2024.",
                 ("22/12/2024", "22 tháng 12 năm 2024", "22-12-2024"), MOC_CHAU),
    FactQuestion("Luật Bảo vệ dữ liệu cá nhân năm 2025 có hiệu lực từ ngày nào?", "Từ ngày 01 tháng 01 năm 2026.",
                 ("1/1/2026", "01/01/2026", "1 tháng 1 năm 2026", "01 tháng 01 năm 2026"),
                 LUAT_91 + "; điều khoản hiệu lực của Luật"),
    FactQuestion("Luật Bảo vệ dữ liệu cá nhân năm 2025 có số hiệu là gì?", "Luật số 91/2025/QH15.",
                 ("91/2025/QH15",), LUAT_91),
    FactQuestion("Bao nhiêu cán bộ dự Hội nghị tập huấn AI tại phường Mộc Châu ngày 08/8/2025?",
                 "Hơn 200 cán bộ.", ("200",), MOC_CHAU),
    FactQuestion("Luật Bảo vệ bí mật nhà nước năm 2025 có hiệu lực từ ngày nào?",
                 "Từ ngày 01 tháng 3 năm 2026 (Luật số 117/2025/QH15, thay Luật số 29/2018/QH14).",
                 ("1/3/2026", "01/3/2026", "01/03/2026", "1 tháng 3 năm 2026", "01 tháng 3 năm 2026",
                  "01 tháng 03 năm 2026"), LUAT_117),
)


_TD = "style='text-align:left;vertical-align:top'"


@dataclass
class FactResult:
    """One question, what the AI said, and whether it contains the checked answer."""

    fact: FactQuestion
    answer: Any  # course.llm.Answer

    @property
    def matched(self) -> bool:
        return not self.answer.error and self.fact.matches(self.answer.text)


def ask_facts(questions: Sequence[FactQuestion] = FACT_QUESTIONS, provider: str | None = None,
              max_tokens: int = 40) -> list[FactResult]:
    """Ask each question once (temperature 0, so a re-run gives the same answer)."""
    from course.llm import ask

    return [FactResult(q, ask(q.question, provider=provider, temperature=0.0, max_tokens=max_tokens, seed=0))
            for q in questions]


def results_html(results: Sequence[FactResult]) -> str:
    """A table: question, AI answer, checked answer + source, verdict."""
    rows = []
    for r in results:
        said = (f"<span style='color:#c0392b'>{html.escape(r.answer.error)}</span>" if r.answer.error
                else html.escape(r.answer.text.strip()) or "<i>(không trả lời)</i>")
        verdict = "✔ khớp" if r.matched else "✘ không khớp"
        rows.append(f"<tr><td {_TD}>{html.escape(r.fact.question)}</td><td {_TD}>{said}</td>"
                    f"<td {_TD}>{html.escape(r.fact.reference)}<br><small>Nguồn: {html.escape(r.fact.source)}</small>"
                    f"</td><td {_TD}>{verdict}</td></tr>")
    ok = sum(r.matched for r in results)
    label = html.escape(results[0].answer.label) if results else ""
    head = "".join(f"<th {_TD}>{h}</th>" for h in ("Câu hỏi", "AI trả lời", "Đáp án đã kiểm chứng", "Kết quả"))
    return (f"<table><tr>{head}</tr>"
            + "".join(rows) + f"</table><p><b>AI trả lời khớp {ok}/{len(results)} câu.</b> "
            f"<small>({label})</small> Câu trả lời nghe rất tự tin vẫn có thể sai: luôn đối chiếu với "
            "văn bản gốc trước khi dùng.</p>")


def hallucination_demo(limit: int = 4, provider: str | None = None) -> None:
    """Ask the first `limit` questions (all with limit=0) and show the comparison table."""
    from IPython.display import HTML, display

    results = ask_facts(FACT_QUESTIONS[:limit] if limit else FACT_QUESTIONS, provider=provider)
    display(HTML(results_html(results)))
