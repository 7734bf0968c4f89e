"""Administrative documents per Nghị định 30/2020/NĐ-CP: a checker and a .docx writer.

```python
from course.documents import Draft, write_docx, check_file, check_text
d = Draft(kind="thong-bao", issuer="ỦY BAN NHÂN DÂN PHƯỜNG MỘC CHÂU", body=["…"], subject="…")
report = check_file(write_docx(d, "thong_bao.docx"))   # report.ok, report.findings, report.to_json()
verify(ban_nhap, ghi_chu).invented                     # «Kiểm tra thông tin bịa»: facts not in the notes
kq = draft_from_notes("mời tổ dân phố 3 họp 8h sáng thứ 7 12/12 ở nhà văn hoá", "giay-moi")  # AI fills a form
```
"""

from course.documents.checker import Finding, Report, check_document, check_file, check_text
from course.documents.drafting import DOC_TYPES, DraftResult, Office, draft_from_notes
from course.documents.faithfulness import FaithfulnessReport, verify, verify_file
from course.documents.model import KINDS, QUOC_HIEU, TIEU_NGU, Draft, Kind, format_date_line, kind_of
from course.documents.rules import RULES, Rule
from course.documents.writer import build_document, draft_from_markdown, paragraphs_from_text, write_docx

__all__ = [
    "DOC_TYPES", "KINDS", "QUOC_HIEU", "RULES", "TIEU_NGU", "Draft", "DraftResult", "FaithfulnessReport",
    "Finding", "Kind", "Office", "Report", "Rule", "build_document", "check_document", "check_file",
    "check_text", "checker_widget", "draft_from_markdown", "draft_from_notes", "drafting_widget",
    "faithfulness_widget", "format_date_line", "kind_of", "paragraphs_from_text", "verify", "verify_file",
    "write_docx",
]


def checker_widget():  # noqa: ANN201 - an ipywidgets box; ipywidgets is imported only when needed
    """Paste text or upload a .docx, press «Kiểm tra», read the findings (the «van-ban» app)."""
    from course.documents.widget import checker_widget as build

    return build()


def faithfulness_widget(notes: str = "", draft: str = ""):  # noqa: ANN201 - an ipywidgets box
    """«Kiểm tra thông tin bịa»: notes + AI draft (or .docx), press the button, invented facts marked red."""
    from course.documents.widget import faithfulness_widget as build

    return build(notes, draft)


def drafting_widget(kind: str = "giay-moi"):  # noqa: ANN201 - a DraftingWidget; ipywidgets imported only when needed
    """Describe the need, the AI fills the form, the course writes and checks the document (module 2, 2b)."""
    from course.documents.drafting_widget import drafting_widget as build

    return build(kind)
