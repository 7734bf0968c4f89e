"""Administrative documents per Nghị định 30/2020/NĐ-CP: a checker and a .docx writer.

```python
from course.documents import Draft, write_docx, check_file, check_text
d = Draft(kind="thong-bao", issuer="ỦY BAN NHÂN DÂN PHƯỜNG MỘC CHÂU", body=["…"], subject="…")
report = check_file(write_docx(d, "thong_bao.docx"))   # report.ok, report.findings, report.to_json()
verify(ban_nhap, ghi_chu).invented                     # «Kiểm tra thông tin bịa»: facts not in the notes
```
"""

from course.documents.checker import Finding, Report, check_document, check_file, check_text
from course.documents.faithfulness import FaithfulnessReport, verify, verify_file
from course.documents.model import KINDS, QUOC_HIEU, TIEU_NGU, Draft, Kind, format_date_line, kind_of
from course.documents.rules import RULES, Rule
from course.documents.writer import build_document, draft_from_markdown, paragraphs_from_text, write_docx

__all__ = [
    "KINDS", "QUOC_HIEU", "RULES", "TIEU_NGU", "Draft", "FaithfulnessReport", "Finding", "Kind", "Report", "Rule",
    "build_document", "check_document", "check_file", "check_text", "checker_widget", "draft_from_markdown",
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
