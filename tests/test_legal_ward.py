"""The ward documents shipped with module 4: parsed article counts against their provenance, a
version status for every document, search by field and by document, and importing a ward's own
documents (.txt, .docx, .pdf) with a clear error for each bad file."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from course.errors import CourseError
from course.legal import lexicon
from course.legal.corpus import load_corpus, packaged_documents, ward_documents
from course.legal.metadata import LINH_VUC, STATUS_FILE, WARD_DIR, vn_date

REPO = Path(__file__).resolve().parent.parent
PROVENANCE = {r["file"]: r for r in csv.DictReader((WARD_DIR / "PROVENANCE.tsv").open(encoding="utf-8"),
                                                    delimiter="\t") if r["file"].endswith(".txt")}


def _by_file():
    status = json.loads(STATUS_FILE.read_text(encoding="utf-8"))["van_ban"]
    docs = {d.meta.slug: d for d in ward_documents(include_old=True)}
    return {r["tep"]: docs[r["slug"]] for r in status}


def test_every_ward_text_is_shipped_with_provenance_and_status():
    texts = {p.name for p in WARD_DIR.glob("*.txt")}
    assert len(texts) == 17 and texts == set(PROVENANCE) == set(_by_file())
    for name, doc in _by_file().items():
        assert doc.meta.so_hieu == PROVENANCE[name]["number"], name


def test_parsed_article_counts_equal_the_provenance_counts():
    for name, doc in _by_file().items():
        numbers = [a.number for a in doc.articles]
        assert len(set(numbers)) == len(numbers), name  # no article twice
        plain = [n for n in numbers if n.isdigit()]
        assert len(plain) == int(PROVENANCE[name]["articles_found"]) == int(PROVENANCE[name]["articles_expected"]), name
        assert plain == [str(i) for i in range(1, len(plain) + 1)], name  # Điều 1 … Điều N in order
        assert all(a.text.startswith(a.heading) for a in doc.articles), name
    # the consolidated Luật Khiếu nại also has the inserted Điều 11a
    assert [a.number for a in _by_file()["luat_khieu_nai_2011.txt"].articles if not a.number.isdigit()] == ["11a"]
    # footnotes of consolidated texts stay out of the last article; clauses marked "1.[2]" are clauses
    hon_nhan = _by_file()["luat_hon_nhan_gia_dinh_2014.txt"]
    assert "CHÚ THÍCH" not in hon_nhan.articles[-1].text
    khieu_nai = _by_file()["luat_khieu_nai_2011.txt"].article("2")
    assert [k.number for k in khieu_nai.children if k.kind == "khoản"][:3] == ["1", "2", "3"]
    # structure: chapters where the source has them, points under clauses
    ho_tich = _by_file()["luat_ho_tich_2014.txt"]
    assert ho_tich.article("3").children[0].children[0].kind == "điểm"
    assert any(n.kind == "chương" for n in ho_tich.root.walk())


def test_conversion_leftovers_stay_in_the_copied_text_but_out_of_the_articles():
    from course.legal.corpus import conversion_leftovers

    by_file = _by_file()
    listed = {name: conversion_leftovers(name) for name in by_file}
    assert sum(map(len, listed.values())) >= 2  # Luật Tiếp công dân's link caption, NĐ 30's attachment name
    for name, lines in listed.items():
        raw = (WARD_DIR / name).read_text(encoding="utf-8")
        for line in lines:
            assert line in raw.splitlines(), name  # the shipped text stays as copied
            assert not any(line in a.text for a in by_file[name].articles), name
    tiep = by_file["luat_tiep_cong_dan_2013.txt"]
    assert tiep.article("29").text.rstrip().endswith("văn bản cử người đại diện.")


def test_a_status_line_for_every_document():
    docs = list(packaged_documents()) + list(ward_documents(include_old=True))
    assert len(docs) == 6 + 17
    for d in docs:
        m = d.meta
        assert m.hieu_luc and m.ghi_chu_phien_ban and m.status_line().startswith(m.hieu_luc), m.ten
        assert m.linh_vuc and all(f in LINH_VUC for f in m.linh_vuc), m.ten
        assert "ngày" in m.hieu_luc and m.ngay_ban_hanh <= m.ngay_hieu_luc, m.ten
        assert set(m.as_dict()) >= {"hieu_luc", "ghi_chu_phien_ban"}
    by_number = {d.meta.so_hieu: d.meta for d in ward_documents()}
    # superseded: Nghị định 13/2023 since Luật 91/2025/QH15 (01/01/2026)
    nd13 = by_number["13/2023/NĐ-CP"]
    assert not nd13.in_force and nd13.hieu_luc.startswith("Hết hiệu lực từ ngày 01 tháng 01 năm 2026")
    assert "91/2025/QH15" in nd13.hieu_luc
    # texts that lack amendments in force say which
    for number in ("42/2013/QH13", "25/2018/QH14"):
        assert "136/2025/QH15" in by_number[number].ghi_chu_phien_ban
    assert "28/VBHN-VPQH" in by_number["02/2011/QH13"].ghi_chu_phien_ban
    assert "44/VBHN-VPQH" in by_number["31/2024/QH15"].ghi_chu_phien_ban
    # texts that still say «cấp huyện» carry the two-level local government caution; others do not
    assert "cấp huyện" in by_number["60/2014/QH13"].ghi_chu_phien_ban
    assert "cấp huyện" not in by_number["41/2024/QH15"].ghi_chu_phien_ban
    assert vn_date(by_number["60/2014/QH13"].ngay_hieu_luc) == "ngày 01 tháng 01 năm 2016"


def test_the_old_khieu_nai_text_is_shipped_but_never_searched():
    old = [d for d in ward_documents(include_old=True) if not d.meta.tra_cuu]
    assert [d.meta.slug for d in old] == ["luat-khieu-nai-2011-ban-cu"]
    assert old[0].meta.hieu_luc.startswith("Bản cũ, đã được thay thế từ ngày 01 tháng 7 năm 2026")
    corpus = load_corpus(include_imported=False)
    assert all(d.meta.tra_cuu for d in corpus)
    numbers = [d.meta.so_hieu for d in corpus]
    assert len(numbers) == len(set(numbers)) == 6 + 16


def test_field_cues():
    assert lexicon.inferred_field("con tôi mới sinh được 3 hôm thì làm giấy khai sinh ở đâu") == "ho_tich"
    assert lexicon.inferred_field("lam so do mat bao lau") == "dat_dai"
    assert lexicon.inferred_field("đăng ký tạm trú cần giấy tờ gì") == "cu_tru"
    assert lexicon.inferred_field("thời tiết hôm nay thế nào") is None
    # cues of two fields: nothing is inferred
    assert lexicon.inferred_field("ly hôn thì sổ đỏ chia thế nào") is None
    # the longest cue wins: «đăng ký kết hôn» is hộ tịch, not hôn nhân và gia đình
    assert lexicon.cued_fields("đăng ký kết hôn ở đâu") == {"ho_tich"}


def test_question_intent_matches_article_titles():
    """What a question asks for picks the titles that answer it: 'ở đâu' -> Thẩm quyền …, 'giấy tờ gì'
    -> Hồ sơ …; a question asking for none of those kinds marks no title."""
    where = lexicon.intent_title_words("làm giấy khai sinh cho con ở đâu")
    assert lexicon.title_answers_intent("Thẩm quyền đăng ký khai sinh", where)
    assert not lexicon.title_answers_intent("Thủ tục đăng ký khai sinh", where)
    papers = lexicon.intent_title_words("đăng ký tạm trú cần giấy tờ gì")
    assert lexicon.title_answers_intent("Hồ sơ, thủ tục đăng ký tạm trú, gia hạn tạm trú", papers)
    assert lexicon.intent_title_words("quy định về hương ước") == frozenset()
    assert not lexicon.title_answers_intent("Thẩm quyền đăng ký khai sinh", frozenset())


@pytest.fixture(scope="module")
def lexical_index():
    from course.legal.retrieval import get_index

    return get_index(progress=False, dense=False)


def test_search_by_field_and_by_document(lexical_index):
    index = lexical_index
    hits = index.search("thủ tục đăng ký", top=10, dense=False, linh_vuc=["ho_tich"])
    assert hits and {h.so_hieu for h in hits} <= {"60/2014/QH13", "123/2015/NĐ-CP"}
    hits = index.search("thu tuc dang ky", top=10, dense=False, linh_vuc=["Cư trú"])
    assert hits and {h.so_hieu for h in hits} == {"68/2020/QH14"}
    hits = index.search("thời hạn giải quyết", top=5, dense=False, documents=["Luật Tố cáo 2018"])
    assert hits and {h.so_hieu for h in hits} == {"25/2018/QH14"}
    with pytest.raises(CourseError, match="lĩnh vực"):
        index.search("đất", dense=False, linh_vuc=["thiên văn"])
    # the example: a birth registration question now finds the Law on Civil Status, and says
    # which field it inferred
    hits = index.search("con tôi mới sinh được 3 hôm thì làm giấy khai sinh ở đâu", top=5, dense=False)
    assert hits[0].linh_vuc_doan == "Hộ tịch"
    assert hits[0].so_hieu in {"60/2014/QH13", "123/2015/NĐ-CP"}
    assert all(h.so_hieu not in {"91/2015/QH13", "45/2019/QH14"} for h in hits[:3])
    record = hits[0].as_json()
    assert record["hieu_luc"].startswith("Còn hiệu lực") and record["ghi_chu_phien_ban"]
    # «còn hiệu lực» leaves the superseded decree out
    assert all(h.so_hieu != "13/2023/NĐ-CP"
               for h in index.search("xử lý dữ liệu cá nhân", top=10, dense=False, in_force=True))


def test_cli_json_carries_the_status(tmp_path):
    out = subprocess.run([sys.executable, "-m", "course", "law", "search", "--json", "--top", "2",
                          "--linh-vuc", "hộ tịch", "đăng ký khai sinh cho trẻ em"],
                         capture_output=True, text=True, timeout=600, check=True, cwd=REPO).stdout
    line = json.loads(out.splitlines()[0])
    assert line["linh_vuc_doan"] == ""  # a field was chosen: nothing is inferred
    for r in line["results"]:
        assert r["so_hieu"] in {"60/2014/QH13", "123/2015/NĐ-CP"}
        assert r["hieu_luc"].startswith("Còn hiệu lực") and "Chưa gồm" in r["ghi_chu_phien_ban"] or "pháp điển" in r["ghi_chu_phien_ban"]
        assert r["linh_vuc"] == ["Hộ tịch"]


# ---------- a ward adds its own documents ----------

QUY_CHE = REPO / "module4_legal_lookup" / "data" / "quy_che_mau.txt"


def _pdf(path: Path, lines: list[str]) -> None:
    """A PDF with a real text layer (reportlab, a Unicode TrueType font)."""
    import matplotlib
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    pdfmetrics.registerFont(TTFont("DejaVu", str(font)))
    c = canvas.Canvas(str(path), pagesize=A4)
    y = 800
    for line in lines:
        if y < 60:
            c.showPage()
            y = 800
        c.setFont("DejaVu", 9)
        c.drawString(40, y, line[:110])
        y -= 13
    c.save()


def _scan(path: Path) -> None:
    """A 'scanned' PDF: only a picture of text, no text layer."""
    import numpy as np
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    picture = (np.random.default_rng(0).random((200, 300)) * 255).astype("uint8")
    from PIL import Image

    c = canvas.Canvas(str(path), pagesize=A4)
    c.drawImage(ImageReader(Image.fromarray(picture)), 40, 400, width=500, height=330)
    c.save()


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path


def test_import_txt_docx_pdf(cache):
    import docx

    from course.legal.importer import import_document, imported_records, remove_imported

    raw = QUY_CHE.read_text(encoding="utf-8")
    lines = raw.splitlines()
    d = docx.Document()
    for line in lines:
        d.add_paragraph(line)
    d.save(cache / "quy_che.docx")
    _pdf(cache / "quy_che.pdf", lines)
    for name in (QUY_CHE, cache / "quy_che.docx", cache / "quy_che.pdf"):
        doc = import_document(name, replace=True)
        assert doc.meta.so_hieu == "01/2025/QC-UBND" and [a.number for a in doc.articles] == ["1", "2", "3", "4", "5"]
        assert [p.number for p in doc.article("4").children[1].children] == ["a", "b"]
    rows = imported_records()
    assert [(r["so_hieu"], r["so_dieu"], r["tep_goc"]) for r in rows] == [("01/2025/QC-UBND", 5, "quy_che.pdf")]
    assert remove_imported("01/2025/qc-ubnd") and imported_records() == []


def test_bad_files_are_refused_in_vietnamese_and_nothing_is_lost(cache):
    from course.legal.importer import import_document, imported_dir, imported_records

    import_document(QUY_CHE)
    saved = {p.name: p.read_bytes() for p in imported_dir().glob("*")}
    _scan(cache / "scan.pdf")
    (cache / "thu.txt").write_text("Kính gửi Ủy ban nhân dân phường\nSố: 12/2025/TB-UBND\nNội dung thông báo "
                                   "lịch tiếp công dân tuần sau.\n", encoding="utf-8")
    (cache / "hong.pdf").write_bytes(b"%PDF-1.4 not really")
    own = QUY_CHE.read_text(encoding="utf-8")
    (cache / "trung_so.txt").write_text(own.replace("01/2025/QC-UBND", "60/2014/QH13"), encoding="utf-8")
    cases = {
        "scan.pdf": "bản chụp/quét",
        "thu.txt": "Không nhận ra điều luật nào",
        "hong.pdf": "bị hỏng",
        "trung_so.txt": "đã có sẵn trong kho",
        str(QUY_CHE): "đã được nhập trước đó",
    }
    for name, message in cases.items():
        with pytest.raises(CourseError, match=message):
            import_document(cache / name if "/" not in name else Path(name))
    assert {p.name: p.read_bytes() for p in imported_dir().glob("*")} == saved
    assert [r["so_hieu"] for r in imported_records()] == ["01/2025/QC-UBND"]


def test_cli_import_list_remove(cache):
    env_run = dict(capture_output=True, text=True, timeout=300, cwd=REPO)
    bad = cache / "thu.txt"
    bad.write_text("Không có điều nào ở đây.\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "course", "law", "import", "--khong-nhung", str(QUY_CHE), str(bad)],
                          **env_run)
    assert done.returncode == 1 and "✓ Đã nhập" in done.stdout and "✗ thu.txt" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr
    listed = subprocess.run([sys.executable, "-m", "course", "law", "list"], **env_run)
    assert "01/2025/QC-UBND" in listed.stdout and "5 điều" in listed.stdout
    removed = subprocess.run([sys.executable, "-m", "course", "law", "remove", "01/2025/QC-UBND"], **env_run)
    assert removed.returncode == 0
    again = subprocess.run([sys.executable, "-m", "course", "law", "remove", "01/2025/QC-UBND"], **env_run)
    assert again.returncode != 0 and "Không có văn bản đã nhập" in again.stdout + again.stderr


def test_ask_on_a_ward_question_cites_verified_articles_with_their_status():
    from course.legal.answer import ask_law, verify_citations
    from course.legal.retrieval import get_index

    ans = ask_law("làm giấy khai sinh cho con cần giấy tờ gì", provider="local")
    assert ans.found and ans.mode == "trích nguyên văn"
    assert {h.so_hieu for h in ans.hits} & {"60/2014/QH13", "123/2015/NĐ-CP"}
    text = ans.render()
    assert "Hiệu lực:" in text and "Còn hiệu lực" in text  # the status is shown beside each source
    none = ask_law("công thức nấu phở bò ngon", provider="local")
    assert not none.found and "Không tìm thấy" in none.text
    # a model's answer: the article exists and is retrieved, but the quoted words are not in it
    hits = get_index(progress=False).search("thời hạn đăng ký khai sinh cho con", top=5)
    assert ("60/2014/QH13", "15") in [(h.so_hieu, h.dieu) for h in hits]
    good = ("Trong thời hạn 60 ngày kể từ ngày sinh con, cha hoặc mẹ có trách nhiệm đăng ký khai sinh "
            "cho con (Điều 15, 60/2014/QH13).")
    _, kept, removed = verify_citations(good, hits)
    assert [c.dieu for c in kept] == ["15"] and not removed
    wrong = "Luật ghi «trong thời hạn 30 ngày kể từ ngày sinh con» phải đi khai sinh (Điều 15, 60/2014/QH13)."
    _, kept, removed = verify_citations(wrong, hits)
    assert not kept and removed[0].status == "trích sai lời văn"
    invented = "Phải khai sinh trong 60 ngày (Điều 99, 60/2014/QH13)."
    _, kept, removed = verify_citations(invented, hits)
    assert removed[0].status == "không tồn tại"


def test_widget_filters_and_status_beside_each_citation(lexical_index):
    from course.legal import widgets

    hits = lexical_index.search("lam giay khai sinh cho con o dau", top=3, dense=False)
    page = widgets.hits_html(hits)
    assert "Lĩnh vực đoán từ câu hỏi: <b>Hộ tịch</b>" in page and page.count("Còn hiệu lực") == 3
    expired = lexical_index.search("dữ liệu cá nhân nhạy cảm", top=1, dense=False, documents=["13/2023/NĐ-CP"])
    assert "Hết hiệu lực từ ngày 01 tháng 01 năm 2026" in widgets.hits_html(expired)
    assert "#c0392b" in widgets.status_html(expired[0].article.doc.meta)  # shown in red
    box = widgets.search_box()
    field, document = box.children[1].children[0], box.children[2]
    assert ("Hộ tịch", "ho_tich") in field.options and ("Dân sự", "dan_su") in field.options
    assert any(value == "60/2014/QH13" for _, value in document.options)
    field.value = "cu_tru"
    box.children[0].children[0].value = "đăng ký tạm trú"  # Enter runs the search
    shown = box.children[3].value
    assert "Luật Cư trú 2020" in shown and "Bộ luật" not in shown


def test_regional_words_and_typos_read_as_standard(lexical_index):
    """Regional words and abbreviations are read beside their standard word; a corrected typo gets its
    diacritics back before the lexicon reads it; a d typed for đ is corrected."""
    q = lexical_index.prepare("má tui hổng có sổ đỏ thì bán đất đc ko")
    assert {"má": "mẹ", "tui": "tôi", "hổng": "không", "đc": "được"}.items() <= q.corrections.items()
    assert "má tui" in q.searched and "mẹ" in q.searched.split()
    assert any(p == "nghỉ phép" for p, _ in lexical_index.prepare("nghỉ phépp mấy ngày").expansions)
    assert lexical_index.prepare("Dăng ký kết hôn").corrections == {"dăng": "đăng"}
    # a word of the law is not read as a regional one: «bảo lãnh» stays, «lãnh lương hưu» would not
    assert "lãnh" not in lexical_index.prepare("Gia đình xin bảo lãnh cho người bị tạm giam được không").corrections
    assert "lãnh" not in lexical_index.prepare("tàu nước ngoài đi vào lãnh hải").corrections


def test_questions_about_punishment_are_recognised():
    """'bị tội gì', 'có bị đi tù không', 'bị xử lý thế nào' ask about punishment (matched with diacritics:
    folded, «tội» is «tôi» and «tù» is «tu»); other questions do not."""
    for q in ("Giật túi xách của người đi đường bị tội gì?", "Vay tiền rồi bỏ trốn thì có bị đi tù không?",
              "Ly hôn rồi không chịu gửi tiền nuôi con thì có bị xử lý không?", "có bị truy cứu trách nhiệm hình sự"):
        assert lexicon.asks_liability(q), q
    for q in ("Tôi muốn nghỉ việc thì báo trước bao lâu?", "tôi đi tu được không", "Đăng ký tạm trú ở đâu?"):
        assert not lexicon.asks_liability(q), q
