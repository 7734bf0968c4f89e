"""Precision and recall of the Nghị định 30 checker on a test set of documents we wrote.

The set: the eight sample drafts in module2_chatgpt_gemini/van_ban_mau (each as .docx and as plain
text, all compliant), a hand-typed two-column text, and documents with one rule broken on purpose
(in text and in .docx). A (document, rule) pair is a true positive when the checker reports the
rule we broke; any other reported rule is a false positive.
"""

from __future__ import annotations

import importlib.util
import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from course.documents import build_document, check_document, check_text, draft_from_markdown

SAMPLES = Path(__file__).resolve().parent.parent / "module2_chatgpt_gemini" / "van_ban_mau"
DRAFTS = {p.stem: draft_from_markdown(p.read_text(encoding="utf-8")) for p in sorted(SAMPLES.glob("*.md"))}


def text_of(name: str) -> str:
    return DRAFTS[name].render_text()


def sub(name: str, old: str, new: str, count: int = 1) -> str:
    text = text_of(name)
    assert old in text, (name, old)
    return text.replace(old, new, count)


HAND_TYPED = """ỦY BAN NHÂN DÂN\t\tCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
PHƯỜNG AN BÌNH\t\tĐộc lập - Tự do - Hạnh phúc
Số: 18/UBND-VHXH      An Bình, ngày 20 tháng 10 năm 2026
V/v tổ chức tiêm chủng mở rộng đợt 2

Kính gửi: Trạm Y tế phường An Bình.

Ủy ban nhân dân phường đề nghị Trạm Y tế phường xây dựng lịch tiêm chủng mở rộng đợt 2 năm 2026, thông báo đến các tổ dân phố trước ngày 25 tháng 10 năm 2026./.

Nơi nhận:                              KT. CHỦ TỊCH
- Như trên;                            PHÓ CHỦ TỊCH
- Lưu: VT, VHXH.
                                       Lê Văn Cường
"""

CHATBOT_PASTE = """**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
**Độc lập - Tự do - Hạnh phúc**
ỦY BAN NHÂN DÂN PHƯỜNG AN BÌNH
Số: 05/TB-UBND
An Bình, ngày 05 tháng 01 năm 2026

## THÔNG BÁO
**Về việc tổ chức họp dân tổ dân phố số 4**

Ủy ban nhân dân phường thông báo tổ chức họp dân vào 19 giờ 30, thứ Bảy, tại nhà văn hóa tổ dân phố số 4.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn An

Nơi nhận:
- Tổ dân phố số 4;
- Lưu: VT.
"""

# (id, text, expected broken rules)
TEXT_CASES: list[tuple[str, str, set[str]]] = [
    *[(f"{name}-text", text_of(name), set()) for name in DRAFTS],
    ("hand-typed-two-columns", HAND_TYPED, set()),
    ("chatbot-markdown-paste", CHATBOT_PASTE, set()),
    ("chatbot-markdown-no-zero", CHATBOT_PASTE.replace("ngày 05 tháng 01", "ngày 5 tháng 01"), {"dia_danh_ngay"}),
    ("tuq-authority", sub("giay_moi", "TL. CHỦ TỊCH", "TUQ. CHỦ TỊCH"), set()),
    ("number-with-year", sub("quyet_dinh", "Số: 41/QĐ-UBND", "Số: 41/2026/QĐ-UBND"), set()),
    ("crlf-nbsp", text_of("bao_cao").replace("\n", "\r\n").replace("Số: 25", "Số:\u00a025"), set()),
    ("qh-hoa-variant", sub("thong_bao", "CỘNG HÒA", "CỘNG HOÀ"), set()),
    ("qh-missing", sub("thong_bao", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n", ""), {"quoc_hieu"}),
    ("qh-lowercase", sub("cong_van", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
     {"quoc_hieu"}),
    ("qh-no-diacritics", sub("bao_cao", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CONG HOA XA HOI CHU NGHIA VIET NAM"),
     {"quoc_hieu"}),
    ("tn-en-dash", sub("giay_moi", "Độc lập - Tự do - Hạnh phúc", "Độc lập – Tự do – Hạnh phúc"), {"tieu_ngu"}),
    ("tn-no-spaces", sub("ke_hoach", "Độc lập - Tự do - Hạnh phúc", "Độc lập-Tự do-Hạnh phúc"), {"tieu_ngu"}),
    ("tn-capitals", sub("to_trinh", "Độc lập - Tự do - Hạnh phúc", "Độc Lập - Tự Do - Hạnh Phúc"), {"tieu_ngu"}),
    ("tn-missing", sub("quyet_dinh", "Độc lập - Tự do - Hạnh phúc\n", ""), {"tieu_ngu"}),
    ("cq-lowercase", sub("thong_bao", "ỦY BAN NHÂN DÂN PHƯỜNG AN BÌNH\nSố", "Ủy ban nhân dân phường An Bình\nSố"),
     {"co_quan"}),
    ("cq-missing", sub("bao_cao", "ỦY BAN NHÂN DÂN PHƯỜNG AN BÌNH\nSố", "Số"), {"co_quan"}),
    ("so-no-leading-zero", sub("giay_moi", "Số: 03/GM-UBND", "Số: 3/GM-UBND"), {"so_ky_hieu"}),
    ("so-no-colon", sub("thong_bao", "Số: 12/TB-UBND", "Số 12/TB-UBND"), {"so_ky_hieu"}),
    ("so-lowercase-code", sub("ke_hoach", "Số: 15/KH-UBND", "Số: 15/kh-ubnd"), {"so_ky_hieu"}),
    ("so-spaces", sub("cong_van", "Số: 07/UBND-VP", "Số: 07 / UBND - VP"), {"so_ky_hieu"}),
    ("so-missing", sub("to_trinh", "Số: 09/TTr-VHXH\n", ""), {"so_ky_hieu"}),
    ("date-no-zeros", sub("thong_bao", "ngày 05 tháng 01 năm 2026", "ngày 5 tháng 1 năm 2026"), {"dia_danh_ngay"}),
    ("date-no-comma", sub("thong_bao", "An Bình, ngày", "An Bình ngày"), {"dia_danh_ngay"}),
    ("bien-ban-with-bad-date", sub("bien_ban", "Số: 02/BB-UBND\n", "Số: 02/BB-UBND\nAn Bình, ngày 9 tháng 01 năm 2026\n"),
     {"dia_danh_ngay"}),
    ("date-slashes", sub("cong_van", "An Bình, ngày 08 tháng 01 năm 2026", "An Bình, 08/01/2026"), {"dia_danh_ngay"}),
    ("date-place-lowercase", sub("giay_moi", "An Bình, ngày", "an Bình, ngày"), {"dia_danh_ngay"}),
    ("date-month-zero", sub("bao_cao", "tháng 3 năm 2026", "tháng 03 năm 2026"), {"dia_danh_ngay"}),
    ("date-impossible", sub("giay_moi", "ngày 02 tháng 02", "ngày 30 tháng 02"), {"dia_danh_ngay"}),
    ("date-missing", sub("ke_hoach", "An Bình, ngày 04 tháng 5 năm 2026\n", ""), {"dia_danh_ngay"}),
    ("kind-lowercase", sub("thong_bao", "\nTHÔNG BÁO\n", "\nThông báo\n"), {"ten_loai_trich_yeu"}),
    ("kind-no-subject", sub("ke_hoach", "Tuyên truyền phòng, chống lừa đảo qua mạng năm 2026\n", ""),
     {"ten_loai_trich_yeu"}),
    ("vv-uppercase", sub("cong_van", "V/v đề nghị", "V/V đề nghị"), {"ten_loai_trich_yeu"}),
    ("vv-missing", sub("cong_van", "V/v đề nghị hỗ trợ kinh phí sửa chữa nhà văn hóa tổ dân phố số 3\n", ""),
     {"ten_loai_trich_yeu"}),
    ("body-missing", re.sub(r"(Căn cứ|Phòng Văn hóa - Xã hội kính|Kính trình)[^\n]*\n", "", text_of("to_trinh")),
     {"noi_dung"}),
    ("sig-slash", sub("thong_bao", "TM. ỦY BAN NHÂN DÂN", "T/M ỦY BAN NHÂN DÂN"), {"chu_ky"}),
    ("sig-no-dot", sub("bao_cao", "KT. CHỦ TỊCH", "KT CHỦ TỊCH"), {"chu_ky"}),
    ("sig-no-name", sub("quyet_dinh", "CHỦ TỊCH\nNguyễn Văn An\n", "CHỦ TỊCH\n"), {"chu_ky"}),
    ("sig-lowercase", sub("cong_van", "\nCHỦ TỊCH\nNguyễn", "\nChủ tịch\nNguyễn"), {"chu_ky"}),
    ("nn-no-archive", sub("giay_moi", "- Như thành phần mời;\n- Lưu: VT, VP.", "- Như thành phần mời."), {"noi_nhan"}),
    ("nn-no-semicolons", sub("thong_bao", "- Các tổ dân phố;", "- Các tổ dân phố"), {"noi_nhan"}),
    ("nn-no-vt", sub("bao_cao", "- Lưu: VT, VP.", "- Lưu: VP."), {"noi_nhan"}),
    ("nn-no-dash", sub("ke_hoach", "- Công an phường;", "Công an phường;"), {"noi_nhan"}),
    ("nn-missing", text_of("to_trinh").split("Nơi nhận:")[0], {"noi_nhan"}),
    ("cv-no-kinh-gui", sub("cong_van", "Kính gửi: Ủy ban nhân dân tỉnh\n", ""), {"noi_nhan"}),
    ("cv-no-nhu-tren", sub("cong_van", "- Như trên;\n", ""), {"noi_nhan"}),
    ("two-broken", sub("thong_bao", "Số: 12/TB-UBND", "Số: 12/tb-ubnd").replace("- Lưu: VT, VP.", "- Lưu VT"),
     {"so_ky_hieu", "noi_nhan"}),
]


def _reload(doc) -> Document:
    buf = io.BytesIO()
    doc.save(buf)
    buf.seek(0)
    return Document(buf)


def _paras(doc):
    yield from doc.paragraphs
    for table in doc.tables:
        for cell in table._cells:
            yield from cell.paragraphs


def _find(doc, start: str):
    return next(p for p in _paras(doc) if p.text.startswith(start))


def _set_runs(para, **attrs) -> None:
    for run in para.runs:
        for key, value in attrs.items():
            setattr(run.font, key, value)


def _body(doc):
    return [p for p in doc.paragraphs if len(p.text) > 40]


def _letter(doc):
    doc.sections[0].page_width, doc.sections[0].page_height = Mm(215.9), Mm(279.4)


def _landscape(doc):
    s = doc.sections[0]
    s.orientation, s.page_width, s.page_height = WD_ORIENT.LANDSCAPE, Mm(297), Mm(210)


def _arial_body(doc):
    for p in _body(doc):
        for run in p.runs:
            run.font.name = "Arial"
            run._element.rPr.rFonts.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}hAnsi", "Arial")


def _theme_font(doc):
    for p in _paras(doc):
        for run in p.runs:
            run._element.rPr.remove(run._element.rPr.rFonts)
    doc.styles["Normal"].element.rPr.remove(doc.styles["Normal"].element.rPr.rFonts)


def _retext(start: str, new: str):
    def edit(doc):
        para = _find(doc, start)
        para.runs[0].text = new
        for run in para.runs[1:]:
            run.text = ""
    return edit


DOCX_CASES: list[tuple[str, str, Callable, set[str]]] = [
    ("letter-size", "thong_bao", _letter, {"kho_giay"}),
    ("landscape", "giay_moi", _landscape, {"kho_giay"}),
    ("left-margin-20", "bao_cao", lambda d: setattr(d.sections[0], "left_margin", Mm(20)), {"le_trang"}),
    ("top-margin-30", "cong_van", lambda d: setattr(d.sections[0], "top_margin", Mm(30)), {"le_trang"}),
    ("right-margin-25", "ke_hoach", lambda d: setattr(d.sections[0], "right_margin", Mm(25)), {"le_trang"}),
    ("arial-body", "to_trinh", _arial_body, {"phong_chu"}),
    ("theme-font", "quyet_dinh", _theme_font, {"phong_chu"}),
    ("body-12pt", "bao_cao", lambda d: [_set_runs(p, size=Pt(12)) for p in _body(d)], {"co_chu"}),
    ("qh-14pt", "thong_bao", lambda d: _set_runs(_find(d, "CỘNG HÒA"), size=Pt(14)), {"co_chu"}),
    ("nn-list-13pt", "bien_ban", lambda d: _set_runs(_find(d, "- Lưu"), size=Pt(13)), {"co_chu"}),
    ("kind-not-bold", "ke_hoach", lambda d: _set_runs(_find(d, "KẾ HOẠCH"), bold=False), {"kieu_chu"}),
    ("date-not-italic", "giay_moi", lambda d: _set_runs(_find(d, "An Bình, ngày"), italic=False), {"kieu_chu"}),
    ("signer-not-bold", "cong_van", lambda d: _set_runs(_find(d, "Nguyễn Văn An"), bold=False), {"kieu_chu"}),
    ("no-indent", "thong_bao", lambda d: [setattr(p.paragraph_format, "first_line_indent", None) for p in _body(d)],
     {"trinh_bay_doan"}),
    ("double-spacing", "bao_cao", lambda d: [setattr(p.paragraph_format, "line_spacing", 2.0) for p in _body(d)],
     {"trinh_bay_doan"}),
    ("no-paragraph-gap", "ke_hoach",
     lambda d: [setattr(p.paragraph_format, name, Pt(0)) for p in _body(d) for name in ("space_before", "space_after")],
     {"trinh_bay_doan"}),
    ("left-aligned", "to_trinh",
     lambda d: [setattr(p.paragraph_format, "alignment", WD_ALIGN_PARAGRAPH.LEFT) for p in _body(d)],
     {"trinh_bay_doan"}),
    ("docx-so-zero", "giay_moi", _retext("Số:", "Số: 3/GM-UBND"), {"so_ky_hieu"}),
    ("docx-qh-lower", "bien_ban", _retext("CỘNG HÒA", "Cộng hòa xã hội chủ nghĩa Việt Nam"), {"quoc_hieu"}),
    ("docx-nn-archive", "quyet_dinh", _retext("- Lưu", "- Lưu VT"), {"noi_nhan"}),
    ("docx-tn-dash", "thong_bao", _retext("Độc lập", "Độc lập – Tự do – Hạnh phúc"), {"tieu_ngu"}),
    ("docx-date-zero", "cong_van", _retext("An Bình, ngày", "An Bình, ngày 8 tháng 1 năm 2026"), {"dia_danh_ngay"}),
]


def amateur_docx(date_italic: bool = True) -> Document:
    """A notice typed without tables: tabs push the right column, as many offices do it."""
    from docx.shared import Cm

    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin = sec.bottom_margin = Mm(20)
    sec.left_margin, sec.right_margin = Mm(30), Mm(15)
    doc.styles["Normal"].font.name = "Times New Roman"

    def para(*parts, align=None, body=False):
        p = doc.add_paragraph()
        if align is not None:
            p.paragraph_format.alignment = align
        if body:
            p.paragraph_format.first_line_indent = Cm(1.27)
            p.paragraph_format.space_after = Pt(6)
            p.paragraph_format.line_spacing = 1.15
        for text, size, bold, italic in parts:
            run = p.add_run(text)
            run.font.name, run.font.size, run.font.bold, run.font.italic = "Times New Roman", Pt(size), bold, italic
        return p

    para(("ỦY BAN NHÂN DÂN PHƯỜNG AN BÌNH", 13, True, False), ("\t", 13, False, False),
         ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, True, False))
    para(("\t\t\tĐộc lập - Tự do - Hạnh phúc", 14, True, False))
    para(("Số: 07/TB-UBND", 13, False, False), ("\t\t", 13, False, False),
         ("An Bình, ngày 07 tháng 02 năm 2026", 14, False, date_italic))
    para(("THÔNG BÁO", 14, True, False), align=WD_ALIGN_PARAGRAPH.CENTER)
    para(("Về việc tạm ngừng tiếp công dân ngày thứ Sáu", 14, True, False), align=WD_ALIGN_PARAGRAPH.CENTER)
    para(("Ủy ban nhân dân phường An Bình thông báo tạm ngừng tiếp công dân định kỳ vào thứ Sáu, ngày 13 tháng 02 "
          "năm 2026 để tổ chức hội nghị tổng kết công tác năm.", 14, False, False),
         align=WD_ALIGN_PARAGRAPH.JUSTIFY, body=True)
    para(("Nơi nhận:", 12, True, True), ("\t\t\t", 12, False, False), ("TM. ỦY BAN NHÂN DÂN", 14, True, False))
    para(("- Các tổ dân phố;", 11, False, False), ("\t\t\t", 11, False, False), ("CHỦ TỊCH", 14, True, False))
    para(("- Lưu: VT, VP.", 11, False, False))
    para(("\t\t\t\tNguyễn Văn An", 14, True, False))
    return doc


def evaluate() -> tuple[list[tuple[str, set[str], set[str]]], int, int, int]:
    results = []
    for case_id, text, expected in TEXT_CASES:
        results.append((case_id, expected, check_text(text).broken_rules))
    for name in DRAFTS:
        doc = _reload(build_document(DRAFTS[name]))
        results.append((f"{name}-docx", set(), check_document(doc).broken_rules))
    for case_id, name, mutate, expected in DOCX_CASES:
        doc = _reload(build_document(DRAFTS[name]))
        mutate(doc)
        results.append((case_id, expected, check_document(_reload(doc)).broken_rules))
    results.append(("amateur-tabs-docx", set(), check_document(_reload(amateur_docx())).broken_rules))
    results.append(("amateur-tabs-date-upright", {"kieu_chu"},
                    check_document(_reload(amateur_docx(date_italic=False))).broken_rules))
    tp = sum(len(e & f) for _, e, f in results)
    fp = sum(len(f - e) for _, e, f in results)
    fn = sum(len(e - f) for _, e, f in results)
    return results, tp, fp, fn


@pytest.fixture(scope="module")
def evaluation():
    return evaluate()


def test_test_set_is_large_and_covers_every_rule(evaluation):
    from course.documents import RULES

    results = evaluation[0]
    assert len(results) >= 40
    broken = set().union(*(e for _, e, _ in results))
    assert broken == set(RULES), set(RULES) - broken
    assert sum(1 for _, e, _ in results if not e) >= 16


def test_precision_and_recall(evaluation):
    results, tp, fp, fn = evaluation
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    wrong = [(cid, sorted(e), sorted(f)) for cid, e, f in results if e != f]
    print(f"\nNĐ30 checker on {len(results)} documents: TP={tp} FP={fp} FN={fn} "
          f"precision={precision:.3f} recall={recall:.3f}; mismatches: {wrong}")
    assert precision >= 0.95 and recall >= 0.95, wrong
    spec = importlib.util.spec_from_file_location("m2_build", SAMPLES.parent / "_build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert (build.N_DOCS, build.N_FOUND) == (len(results), tp), "update N_DOCS/N_FOUND in _build.py and rebuild"


if __name__ == "__main__":  # python tests/test_documents_corpus.py prints the figures
    res, tp, fp, fn = evaluate()
    print(f"{len(res)} documents, TP={tp} FP={fp} FN={fn}, precision={tp / (tp + fp):.3f}, recall={tp / (tp + fn):.3f}")
    for cid, e, f in res:
        if e != f:
            print("MISMATCH", cid, sorted(e), sorted(f))
