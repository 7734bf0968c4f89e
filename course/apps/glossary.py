"""The English–Vietnamese AI glossary (`docs/thuat_ngu.csv`): load, search, and a search box."""

from __future__ import annotations

import csv
import html
from dataclasses import dataclass
from pathlib import Path

from course.config import REPO_ROOT
from course.errors import CourseError
from course.text import fold  # «Ảo giác» and «ao giac» match

GLOSSARY_CSV = REPO_ROOT / "docs" / "thuat_ngu.csv"


@dataclass(frozen=True)
class Term:
    """One glossary entry."""

    english: str
    vietnamese: str
    explanation: str
    group: str


def load_glossary(path: Path = GLOSSARY_CSV) -> list[Term]:
    """All terms, in file order."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return [Term(r["tieng_anh"], r["tieng_viet"], r["giai_thich"], r["nhom"]) for r in csv.DictReader(fh)]
    except (OSError, KeyError) as exc:
        raise CourseError(f"Không đọc được từ điển thuật ngữ ({path.name}).",
                          hint="Lấy lại tệp docs/thuat_ngu.csv từ bộ khoá học.") from exc


def search_terms(query: str, terms: list[Term] | None = None) -> list[Term]:
    """Terms whose English, Vietnamese or explanation contains the query (diacritics ignored)."""
    terms = load_glossary() if terms is None else terms
    q = fold(query.strip())
    if not q:
        return list(terms)
    head = [t for t in terms if q in fold(t.english) or q in fold(t.vietnamese)]
    body = [t for t in terms if t not in head and q in fold(t.explanation)]
    return head + body


def terms_html(terms: list[Term]) -> str:
    """A table of terms, or a Vietnamese line saying nothing was found."""
    if not terms:
        return "<p>Không tìm thấy thuật ngữ nào. Thử gõ ngắn hơn, tiếng Anh hoặc tiếng Việt.</p>"
    rows = "".join(f"<tr><td><b>{html.escape(t.vietnamese)}</b></td><td>{html.escape(t.english)}</td>"
                   f"<td>{html.escape(t.explanation)}</td></tr>" for t in terms)
    return ("<table><thead><tr><th>Tiếng Việt</th><th>Tiếng Anh</th><th>Giải thích</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>")


def glossary_box():  # noqa: ANN201 - an ipywidgets VBox
    """A search box over the glossary: type in English or Vietnamese, with or without diacritics."""
    import ipywidgets as w

    terms = load_glossary()
    box = w.Text(placeholder="Gõ thuật ngữ, ví dụ: token, ao giac, nhiệt độ", description="Tra từ:",
                 layout=w.Layout(width="100%", max_width="600px"))
    result = w.HTML(terms_html(terms))

    def update(change: dict) -> None:
        result.value = terms_html(search_terms(change["new"], terms))

    from course.widgets.safe import guard

    box.observe(guard(update, lambda m: setattr(result, "value", m)), names="value")
    return w.VBox([box, result])
