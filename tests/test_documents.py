"""Unit tests for course.documents: writer round trip, file errors, CLI, LibreOffice conversion."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from course.documents import (
    KINDS,
    RULES,
    Draft,
    check_file,
    check_text,
    draft_from_markdown,
    format_date_line,
    write_docx,
)
from course.errors import CourseError
from tests.conftest import REPO

SAMPLES = REPO / "module2_chatgpt_gemini" / "van_ban_mau"


def minimal(kind: str, **kw) -> Draft:
    base = dict(kind=kind, issuer="ỦY BAN NHÂN DÂN PHƯỜNG AN BÌNH", number="4", place="An Bình",
                date=dt.date(2026, 2, 3), subject="Về việc kiểm tra thử nghiệm",
                body=["Nội dung thử nghiệm của văn bản hành chính, viết đủ dài để là một đoạn văn."],
                cc=["Các tổ dân phố"], title="CHỦ TỊCH", signer="Nguyễn Văn An")
    base.update(kw)
    return Draft(**base)


def test_date_line_leading_zeros():
    assert format_date_line("An Bình", dt.date(2026, 1, 5)) == "An Bình, ngày 05 tháng 01 năm 2026"
    assert format_date_line("An Bình", dt.date(2026, 3, 9)) == "An Bình, ngày 09 tháng 3 năm 2026"
    assert format_date_line("An Bình", dt.date(2026, 12, 25)) == "An Bình, ngày 25 tháng 12 năm 2026"


def test_number_line_and_codes():
    assert minimal("quyet-dinh").number_line() == "Số: 04/QĐ-UBND"
    assert minimal("cong-van").number_line() == "Số: 04/UBND-VP"
    assert minimal("to-trinh").number_line() == "Số: 04/TTr-UBND"
    assert minimal("cong-van").subject_line() == "V/v kiểm tra thử nghiệm"


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_writer_output_passes_the_checker(kind, tmp_path):
    draft = minimal(kind, to=["Ủy ban nhân dân tỉnh"] if kind in ("cong-van", "to-trinh") else [],
                    authority="TM. ỦY BAN NHÂN DÂN",
                    co_signers=[("THƯ KÝ", "Phạm Thị Dung")] if kind == "bien-ban" else [])
    path = write_docx(draft, tmp_path / f"{kind}.docx")
    report = check_file(path)
    assert report.ok, report.summary()
    assert report.kind == kind and report.format_checked
    assert check_text(draft.render_text()).ok


def test_many_recipients_round_trip(tmp_path):
    draft = minimal("cong-van", to=["Ủy ban Mặt trận Tổ quốc Việt Nam phường An Bình và các đoàn thể",
                                    "Trạm Y tế phường An Bình và các cơ sở y tế tư nhân trên địa bàn"])
    assert draft.to_lines()[-1].endswith("địa bàn.") and draft.to_lines()[1].endswith(";")
    assert check_file(write_docx(draft, tmp_path / "cv.docx")).ok
    assert check_text(draft.render_text()).ok


def test_samples_round_trip(tmp_path):
    for md in sorted(SAMPLES.glob("*.md")):
        draft = draft_from_markdown(md.read_text(encoding="utf-8"))
        report = check_file(write_docx(draft, tmp_path / f"{md.stem}.docx"))
        assert report.ok, report.summary()


def test_findings_are_vietnamese_with_citation_and_json():
    text = minimal("thong-bao").render_text().replace("Số: 04/TB-UBND", "Số: 4/TB-UBND")
    report = check_text(text)
    assert report.broken_rules == {"so_ky_hieu"}
    finding = report.findings[0]
    assert "04" in finding.found and "Nghị định 30/2020/NĐ-CP" in finding.citation
    data = json.loads(report.to_json())
    assert data["ok"] is False and data["findings"][0]["rule"] == "so_ky_hieu"
    assert {"element", "rule", "found", "fix", "citation"} <= set(data["findings"][0])
    assert "Phụ lục I" in data["findings"][0]["citation"]
    assert all("Phụ lục I" in r.citation for r in RULES.values())


def test_bad_files_give_clear_errors(tmp_path):
    cases = {
        "cu.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100,
        "hong.docx": b"PK\x03\x04 not really a zip",
        "rong.docx": b"",
        "rong.txt": b"  \n",
        "tcvn3.txt": "Céng hoµ x• héi".encode("cp1252", errors="replace") + b"\xd0\xe2\xfe",
        "anh.pdf": b"%PDF-1.4",
    }
    expected = {"cu.doc": ".doc", "hong.docx": "hỏng", "rong.docx": "trống", "rong.txt": "trống",
                "tcvn3.txt": "UTF-8", "anh.pdf": ".pdf"}
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(CourseError) as err:
            check_file(path)
        assert expected[name] in str(err.value), (name, str(err.value))
    with pytest.raises(CourseError, match="Không tìm thấy"):
        check_file(tmp_path / "khong_co.docx")
    from docx import Document

    Document().save(str(tmp_path / "trang.docx"))
    with pytest.raises(CourseError, match="không có chữ"):
        check_file(tmp_path / "trang.docx")


def test_utf16_text_is_read(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_text(minimal("bao-cao").render_text(), encoding="utf-16")
    assert check_file(path).ok


def test_markdown_errors_are_clear():
    with pytest.raises(CourseError, match="loại văn bản"):
        draft_from_markdown("---\nco_quan: UBND PHƯỜNG A\n---\nNội dung.")
    with pytest.raises(CourseError, match="không hiểu"):
        draft_from_markdown("---\nloai: cong-van\nbừa bãi\n---\nNội dung.")
    with pytest.raises(CourseError, match="Không biết loại"):
        Draft(kind="thư tình", issuer="A", body=["x"])


def _khoahoc(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "course", *args], capture_output=True, text=True, cwd=REPO,
                          timeout=120)


def test_cli_write_then_check(tmp_path):
    out = tmp_path / "cv.docx"
    res = _khoahoc("doc", "write", "--type", "cong-van", str(SAMPLES / "cong_van.md"), "-o", str(out))
    assert res.returncode == 0, res.stderr + res.stdout
    assert out.exists() and "Đã ghi" in res.stdout
    res = _khoahoc("doc", "check", str(out), "--json")
    assert res.returncode == 0, res.stdout
    assert json.loads(res.stdout)["ok"] is True
    bad = tmp_path / "loi.txt"
    bad.write_text(minimal("thong-bao").render_text().replace("- Lưu: VT.", "- Lưu VT"), encoding="utf-8")
    res = _khoahoc("doc", "check", str(bad))
    assert res.returncode == 1 and "Nơi nhận" in res.stdout
    res = _khoahoc("doc", "check", str(tmp_path / "khong_co.docx"))
    assert res.returncode == 2 and "Không tìm thấy" in res.stderr and "Traceback" not in res.stderr


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_writer_output_to_pdf(tmp_path):
    draft = draft_from_markdown((SAMPLES / "bao_cao.md").read_text(encoding="utf-8"))
    docx_path = write_docx(draft, tmp_path / "bao_cao.docx")
    profile = tmp_path / "lo-profile"
    res = subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                          "--outdir", str(tmp_path), str(docx_path)], capture_output=True, text=True, timeout=180)
    pdf = tmp_path / "bao_cao.pdf"
    assert pdf.exists(), res.stderr
    pages = re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes())
    assert len(pages) > 0
    # Saved again by LibreOffice (docx -> odt -> docx), the document still passes the checker.
    for target, source, outdir in (("odt", docx_path, tmp_path / "odt"),
                                   ("docx:MS Word 2007 XML", tmp_path / "odt" / "bao_cao.odt", tmp_path / "lo")):
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
                        "--outdir", str(outdir), str(source)], capture_output=True, text=True, timeout=180)
    resaved = tmp_path / "lo" / "bao_cao.docx"
    assert resaved.exists()
    report = check_file(resaved)
    assert report.ok, report.summary()


def test_checker_widget_text_upload_and_errors():
    import datetime

    from course.documents.widget import CheckerWidget

    box = CheckerWidget()
    assert box.check() is None and "Hãy dán" in box.result.value
    box.text.value = (SAMPLES / "thong_bao_loi.txt").read_text(encoding="utf-8")
    report = box.check()
    assert report is not None and not report.ok and "Nơi nhận" in box.result.value
    data = write_docx(minimal("ke-hoach"), Path(__import__("tempfile").mkdtemp()) / "kh.docx").read_bytes()
    now = datetime.datetime.now()
    box.upload.value = ({"name": "kh.docx", "type": "", "size": len(data), "content": memoryview(data),
                         "last_modified": now},)
    report = box.check()
    assert report is not None and report.ok and report.source == "kh.docx" and box.upload.value == ()
    box.upload.value = ({"name": "cu.doc", "type": "", "size": 8, "content": memoryview(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
                         "last_modified": now},)
    assert box.check() is None and ".doc" in box.result.value and "Lỗi" in box.result.value


def test_blank_number_for_the_clerk_is_accepted(tmp_path):
    draft = minimal("thong-bao", number="")
    assert draft.number_line().startswith("Số:") and draft.number_line().endswith("/TB-UBND")
    assert check_text(draft.render_text()).ok
    assert check_file(write_docx(draft, tmp_path / "tb.docx")).ok


def test_page_numbers_from_page_two(tmp_path):
    from docx import Document

    doc = Document(str(write_docx(minimal("bao-cao"), tmp_path / "bc.docx")))
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml and not section.first_page_header.paragraphs[0].text
