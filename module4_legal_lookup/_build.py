"""Build the module 4 notebooks (stable cell ids and metadata). Run: .venv/bin/python module4_legal_lookup/_build.py"""

from __future__ import annotations

from pathlib import Path

from course.notebook_builder import SHORT_PLAN_NOTE, code, grade_meta, mark_short_plan, md, save

HERE = Path(__file__).resolve().parent
def setup_cell(*names: str) -> str:
    """The one set-up cell: imports (sorted, ruff-clean) then the status line."""
    return f"from course.legal import {', '.join(sorted(names))}\nfrom course.ui import setup\n\nsetup()"


SOURCES = """**Nguồn** (văn bản trong kho tra cứu của khoá học, thư mục `course/legal/van_ban_phuong/`, kèm nguồn gốc
từng tệp; đối chiếu tại Cơ sở dữ liệu quốc gia về văn bản pháp luật: https://vbpl.vn):
- Luật Hộ tịch số 60/2014/QH13 (Điều 15, 16, 18, 33; hiệu lực từ ngày 01 tháng 01 năm 2016, Điều 77).
- Luật Cư trú số 68/2020/QH14 (Điều 27, 30; hiệu lực từ ngày 01 tháng 7 năm 2021, Điều 38).
- Luật Đất đai số 31/2024/QH15, văn bản hợp nhất số 44/VBHN-VPQH ngày 16 tháng 3 năm 2026 (Điều 235).
- Luật Hòa giải ở cơ sở số 35/2013/QH13 (Điều 20).
- Luật Khiếu nại số 02/2011/QH13, văn bản hợp nhất số 28/VBHN-VPQH ngày 13 tháng 3 năm 2026 (Điều 27 và chú thích [22]);
  Luật số 136/2025/QH15 sửa đổi, bổ sung Luật Tiếp công dân, Luật Khiếu nại, Luật Tố cáo, hiệu lực từ ngày
  01 tháng 7 năm 2026.
- Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân — văn bản cũ, đã được Luật Bảo vệ dữ liệu cá nhân số
  91/2025/QH15 thay thế từ ngày 01 tháng 01 năm 2026.
- Luật Sở hữu trí tuệ, Điều 15: văn bản quy phạm pháp luật không thuộc đối tượng bảo hộ quyền tác giả."""

# The assignment's scenario for the one-case-of-several trap (Luật Cư trú, Điều 30 khoản 4): the cited
# article exists and is on topic, but the answer states the rule for guests arriving before 23:00.
LUU_TRU_QUESTION = ("Em họ tôi đi xe khách lên, đến nhà tôi lúc 23 giờ 30 tối nay và ở lại mấy hôm. "
                    "Tôi phải báo công an lúc nào?")
LUU_TRU_ANSWER = ("Gia đình phải thông báo lưu trú trước 23 giờ của ngày bắt đầu lưu trú "
                  "(Điều 30 Luật Cư trú số 68/2020/QH14).")
# The practice's trap (Luật Hòa giải ở cơ sở, Điều 20 khoản 2): the 03-day rule has an exception.
HOA_GIAI_QUESTION = "Hòa giải viên đi ngang, thấy hai nhà đang cãi nhau to về lối đi chung, thì hòa giải khi nào?"
HOA_GIAI_ANSWER = ("Hòa giải viên bắt đầu hòa giải trong thời hạn 03 ngày kể từ ngày được phân công "
                   "(Điều 20 Luật Hòa giải ở cơ sở số 35/2013/QH13).")
# A made-up citation: Luật Hộ tịch has 77 articles.
KHAI_SINH_ANSWER = ("Cha mẹ phải đăng ký khai sinh cho con trong thời hạn 60 ngày kể từ ngày sinh con (Điều 15 "
                    "Luật Hộ tịch số 60/2014/QH13); quá hạn sẽ bị phạt gấp đôi theo Điều 89 Luật Hộ tịch số "
                    "60/2014/QH13.")


def lecture() -> None:
    cells = [
        md("m4-bg-title", """
# Bài giảng 4 — Tra cứu văn bản pháp luật hiệu quả bằng AI
Việc của cán bộ phường, xã: hộ tịch, cư trú, đất đai, hòa giải. Máy tìm điều luật; cán bộ đọc điều luật,
xem văn bản còn hiệu lực không, và kiểm chứng từng trích dẫn.""", "slide"),
        md("m4-bg-goals", """
**Mục tiêu**
1. Hiểu vì sao chatbot hay «bịa» số điều luật.
2. Biết cách máy tra cứu: kho văn bản → chỉ mục → tìm kiếm → trích dẫn → kiểm chứng.
3. Tra được điều luật bằng lời nói hằng ngày, có dấu hay không dấu, lọc theo lĩnh vực.
4. Đọc được tình trạng của văn bản: văn bản hợp nhất, đã được sửa đổi, hết hiệu lực.

**Thời lượng:** 45 phút. **Chuẩn bị:** chạy ô thiết lập bên dưới (không cần mạng).""", "subslide"),
        code("m4-bg-setup", "from course.legal import answer, get_index, widgets\nfrom course.llm import ask\n"
             "from course.ui import setup\n\nsetup()\nkho = get_index()  # lần đầu: lập chỉ mục", "skip"),
        md("m4-bg-why", """
## Vì sao chatbot bịa điều luật?
- Mô hình ngôn ngữ **đoán chữ tiếp theo** cho nghe hợp lý, không tra cứu văn bản.
- «Điều 89 Luật Hộ tịch» nghe rất thật — nhưng Luật Hộ tịch 2014 chỉ có 77 điều (Bộ luật Lao động 2019
  chỉ có 220 điều, nên «Điều 250 Bộ luật Lao động» cũng là bịa).
- Cách chữa: **tra cứu trước, trả lời sau**, cán bộ **đọc điều luật**, và **kiểm tra từng trích dẫn** với văn
  bản gốc.""", "slide"),
        md("m4-bg-why-notes", "Hỏi lớp: ai từng nhận câu trả lời có số điều luật từ chatbot? Đã kiểm tra lại chưa?",
           "notes"),
        md("m4-bg-pipeline", """
## Máy tra cứu làm gì
1. **Kho văn bản**: sáu bộ luật và các luật, nghị định cán bộ phường, xã dùng hằng ngày (hộ tịch, cư trú, căn
   cước, đất đai, hôn nhân và gia đình, khiếu nại, tố cáo, tiếp công dân, hòa giải, dân chủ ở cơ sở, văn thư…),
   chia Phần / Chương / Mục / Điều / Khoản / Điểm; mỗi văn bản kèm **tình trạng hiệu lực và phiên bản**.
2. **Chỉ mục**: lập một lần, lưu lại — lần sau mở ra trong vài giây.
3. **Tìm kiếm**: bỏ dấu để so khớp, khôi phục dấu, sửa lỗi gõ, đổi lời thường sang thuật ngữ luật, tìm thêm
   theo **nghĩa** bằng một mô hình nhỏ chạy trên máy (e5-small), rồi sắp xếp lại các điều đứng đầu.
4. **Trả lời có trích dẫn**, rồi **kiểm chứng** từng trích dẫn.""", "slide"),
        md("m4-bg-kho-intro", "Kho văn bản trên máy này (đếm bằng máy):", "subslide"),
        code("m4-bg-kho", 'len(kho.docs), len(kho.articles)', "fragment"),
        md("m4-bg-demo-intro", "Thử ngay: câu hỏi gõ **không dấu**, theo lời người dân.", "subslide"),
        code("m4-bg-demo", 'widgets.show_hits("con moi sinh thi bao lau phai lam giay khai sinh")', "fragment"),
        md("m4-bg-read", """
## Máy tìm, cán bộ đọc
- Máy chỉ đưa ra **các điều luật ứng viên** — điều đứng đầu chưa chắc là điều đúng.
- Cán bộ **đọc cả điều**: một điều thường có nhiều khoản, mỗi khoản cho **một trường hợp**.
- Ví dụ: Điều 18 Luật Hộ tịch — đủ điều kiện thì đăng ký kết hôn **ngay**; cần xác minh thì **không quá 05 ngày
  làm việc**. Trả lời «ngay trong ngày» cho mọi trường hợp là sai.""", "slide"),
        code("m4-bg-read-demo", 'widgets.show_article("60/2014/QH13", 18)', "fragment"),
        md("m4-bg-force", """
## Văn bản còn hiệu lực không? Đang đọc bản nào?
Bên cạnh mỗi trích dẫn, máy ghi **tình trạng** và **phiên bản** của văn bản:
- **Văn bản hợp nhất**: bản do cơ quan nhà nước xác thực (với luật: Văn phòng Quốc hội), ghép văn bản gốc với
  các lần sửa đổi, bổ sung vào một chỗ để dễ đọc — không phải một luật mới.
- **Đã được sửa đổi bởi …, hiệu lực từ …**: một số điều đã đổi; đọc bản cũ là đọc sai. Ví dụ: Điều 27 Luật
  Khiếu nại — thời hạn thụ lý «10 ngày» đổi thành «07 ngày làm việc» theo Luật số 136/2025/QH15, hiệu lực từ
  ngày 01 tháng 7 năm 2026.
- Văn bản còn ghi «cấp huyện»: chính quyền địa phương hai cấp hoạt động từ ngày 01 tháng 7 năm 2025 — thẩm
  quyền có thể đã chuyển; đối chiếu văn bản mới. Luôn đối chiếu tình trạng trên **Cơ sở dữ liệu quốc gia về văn
  bản pháp luật** (vbpl.vn).
- **Hết hiệu lực**: không được áp dụng nữa. Ví dụ: Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân — văn bản
  cũ, đã được Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 thay thế từ ngày 01 tháng 01 năm 2026.""", "slide"),
        code("m4-bg-status",
             'widgets.status_table(["02/2011/QH13", "42/2013/QH13", "68/2020/QH14", "13/2023/NĐ-CP"])', "fragment"),
        md("m4-bg-field", """
## Lọc theo lĩnh vực
Cùng một câu «hòa giải tranh chấp» có ở Luật Hòa giải ở cơ sở, Luật Đất đai, Bộ luật Tố tụng dân sự… Chọn
**lĩnh vực** để chỉ tìm trong văn bản của lĩnh vực đó (ô tìm kiếm có danh sách lĩnh vực; máy cũng tự nhận ra
lĩnh vực khi câu hỏi nói rõ).""", "slide"),
        code("m4-bg-field-demo", 'widgets.show_hits("hòa giải tranh chấp ranh giới giữa hai nhà", linh_vuc=["Đất đai"])',
             "fragment"),
        md("m4-bg-cite", """
## Kiểm chứng trích dẫn — và giới hạn của nó
Mỗi trích dẫn «Điều N, số hiệu» được kiểm tra với văn bản: điều (và khoản) đó **có tồn tại** không, nội dung
câu có **khớp** với điều luật không; máy cũng cho biết công cụ tra cứu có tìm ra điều đó cho câu hỏi không.
Trích dẫn sai bị **gỡ** và ghi rõ lý do.

Nhưng trích dẫn **có thật** chưa chắc câu trả lời **đúng**: điều luật có thể nói về nhiều trường hợp, và câu trả
lời chỉ chép **một** trường hợp không phải của người hỏi. Máy không biết hoàn cảnh của người dân — cán bộ biết.""",
           "slide"),
        code("m4-bg-cite-demo", f'widgets.check_answer("bao lâu phải làm giấy khai sinh cho con", "{KHAI_SINH_ANSWER}")',
             "fragment"),
        md("m4-bg-local", """
## Mô hình nhỏ trên máy: yếu — nói thẳng
- Mô hình chạy trên máy (Gemma 3 270M) **quá nhỏ** để trả lời về luật: hỏi thẳng (không tra cứu), nó đoán — thường
  sai, không có trích dẫn. Ô đầu hỏi thẳng rồi kiểm tra câu trả lời của nó (đáp án đúng: Điều 15 Luật Hộ tịch).
- Vì thế khi ngoại tuyến, khoá học **tra cứu trước** và đưa ra **nguyên văn các điều luật tìm được** (ô thứ hai),
  không để mô hình nhỏ viết lời giải thích.
- ChatGPT/Gemini viết câu trả lời trơn tru hơn — vẫn phải kiểm chứng từng trích dẫn và đọc điều luật.""", "slide"),
        code("m4-bg-local-demo", 'tra_loi = ask("Theo Luật Hộ tịch, trong bao lâu phải đăng ký khai sinh cho con? Trả lời '
             'ngắn, ghi rõ số điều luật.", provider="local", max_tokens=80)\n'
             'widgets.check_answer("bao lâu phải làm giấy khai sinh cho con", tra_loi.text)', "fragment"),
        code("m4-bg-local-extract", 'answer.ask_law("con mới sinh thì trong bao lâu phải đăng ký khai sinh")', "fragment"),
        md("m4-bg-check", """
## Tự kiểm tra
1. Vì sao không nên chép nguyên số điều luật chatbot đưa ra?
2. Trích dẫn đã được máy kiểm chứng thì câu trả lời có chắc đúng không? Vì sao?
3. «Văn bản hợp nhất» là gì? Văn bản «đã được sửa đổi» thì cần xem thêm gì?""", "slide"),
        md("m4-bg-summary", f"""
## Tóm tắt
Máy tìm điều luật ứng viên; cán bộ đọc điều luật và chọn đúng trường hợp; mọi trích dẫn phải kiểm chứng được;
luôn xem tình trạng và phiên bản của văn bản.

**Tiếp theo:** bài thực hành — tự tra cứu việc hộ tịch, cư trú, đất đai, hòa giải.

{SOURCES}""", "slide"),
    ]
    cells.insert(2, md("m4-bg-mot-ngay", SHORT_PLAN_NOTE, "notes"))
    mark_short_plan(cells, {"m4-bg-cite", "m4-bg-force", "m4-bg-read", "m4-bg-why"})
    save(cells, HERE / "bai_giang.ipynb", rise=True)


def practice() -> None:
    cells = [
        md("m4-th-title", """
# Thực hành 4 — Tra cứu điều luật cho việc của phường, xã
Tự tìm điều luật cho câu hỏi của người dân về hộ tịch, cư trú, đất đai, hòa giải; đọc tình trạng của văn bản;
kiểm tra trích dẫn của chatbot.

**Mục tiêu**
1. Dùng ô tìm kiếm để tìm điều luật (có dấu hoặc không dấu), lọc theo lĩnh vực.
2. Đọc đường dẫn điều luật và tình trạng của văn bản bên cạnh.
3. Hỏi đáp có trích dẫn, phát hiện trích dẫn bịa và câu trả lời chỉ đúng một trường hợp.
4. Nhập một văn bản mới vào kho tra cứu.

**Thời lượng:** 60 phút. **Chuẩn bị:** chạy ô thiết lập; lần đầu máy lập chỉ mục khoảng 1 phút.""",),
        code("m4-th-setup", setup_cell("answer", "importer", "widgets")),
        md("m4-th-box-intro", """
## 1. Ô tìm kiếm
Gõ câu hỏi như người dân hỏi (ví dụ «làm lại giấy khai sinh bị mất», «đăng ký kết hôn cần giấy tờ gì») rồi bấm
**Tìm điều luật**. Chọn **lĩnh vực** nếu muốn chỉ tìm trong một lĩnh vực. Chữ trùng với câu hỏi
được **tô màu**.""",),
        code("m4-th-box", "widgets.search_box()"),
        md("m4-th-path-intro", """
## 2. Đường dẫn điều luật và tình trạng văn bản
Mỗi kết quả có dạng «Điều 15, Chương II, Luật Hộ tịch 2014 — 60/2014/QH13», và dòng cuối ghi **tình trạng hiệu lực**
và **phiên bản** của văn bản. Chạy ô dưới và xem dòng đầu.""",),
        code("m4-th-path", 'hits = widgets.show_hits("con mới sinh thì bao lâu phải đăng ký khai sinh")\nhits[0].path'),
        md("m4-th-bare-intro", "Gõ **không dấu**: kết quả thường giống hoặc gần giống — so sánh với ô trên:"),
        code("m4-th-bare", 'widgets.show_hits("con moi sinh thi bao lau phai dang ky khai sinh")'),
        md("m4-th-field-intro", """
## 3. Lọc theo lĩnh vực
«Hòa giải» có trong nhiều văn bản. Cùng một câu hỏi, lọc theo lĩnh vực **Hòa giải ở cơ sở** rồi **Đất đai**:""",),
        code("m4-th-field", 'widgets.show_hits("hai nhà tranh chấp lối đi chung, ai hòa giải", linh_vuc=["Hòa giải ở cơ sở"])\n'
             'widgets.show_hits("hai nhà tranh chấp lối đi chung, ai hòa giải", linh_vuc=["Đất đai"])'),
        md("m4-th-status-intro", """
## 4. Văn bản đã sửa đổi, văn bản hết hiệu lực
Bảng dưới cho biết văn bản nào là **văn bản hợp nhất**, văn bản nào **chưa gồm** lần sửa đổi mới, văn bản nào
**hết hiệu lực** (Nghị định 13/2023/NĐ-CP, đã được Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 thay thế). Sau đó
đọc Điều 27 Luật Khiếu nại theo văn bản hợp nhất: thời hạn thụ lý là bao nhiêu?""",),
        code("m4-th-status", 'widgets.status_table(["02/2011/QH13", "42/2013/QH13", "25/2018/QH14", "13/2023/NĐ-CP"])\n'
             'widgets.show_article("02/2011/QH13", 27)'),
        md("m4-th-ask-intro", """
## 5. Hỏi đáp có trích dẫn
Khi chạy ngoại tuyến, mô hình nhỏ trên máy **không đủ sức** tóm tắt luật, nên câu trả lời là **nguyên văn các
điều luật** tìm được. Khi có ChatGPT/Gemini, mô hình viết câu trả lời và mọi trích dẫn được kiểm chứng.""",),
        code("m4-th-ask", 'answer.ask_law("Người thân ở quê lên ở nhờ nhà tôi hai tháng thì có phải đăng ký tạm trú không?")'),
        md("m4-th-nf-intro", "Câu hỏi ngoài phạm vi kho văn bản: máy phải nói **không tìm thấy**, không bịa."),
        code("m4-th-nf", 'answer.ask_law("công thức nấu phở bò ngon")'),
        md("m4-th-compare-intro", """
## 6. Trích dẫn bịa
Dưới đây là **một câu trả lời mẫu do nhóm biên soạn**, bắt chước lỗi thường gặp của chatbot (không phải đầu ra
của mô hình). Máy kiểm tra từng trích dẫn: cái nào có thật, cái nào bịa.""",),
        code("m4-th-compare", f'widgets.check_answer("bao lâu phải làm giấy khai sinh cho con", "{KHAI_SINH_ANSWER}")'),
        md("m4-th-case-intro", f"""
## 7. Trích dẫn có thật, câu trả lời vẫn sai
Người dân hỏi: «{HOA_GIAI_QUESTION}». Câu trả lời mẫu (nhóm biên soạn):

> {HOA_GIAI_ANSWER}

Máy giữ trích dẫn này (Điều 20 có thật, đúng chủ đề). Đọc cả điều ở ô thứ hai: khoản 2 có **trường hợp khác** —
hòa giải viên chứng kiến vụ việc thì có thể phải hòa giải **ngay**.""",),
        code("m4-th-case", f'widgets.check_answer("{HOA_GIAI_QUESTION}", "{HOA_GIAI_ANSWER}")'),
        code("m4-th-case-read", 'widgets.show_article("35/2013/QH13", 20)'),
        md("m4-th-import-intro", """
## 8. Nhập một văn bản mới
Giảng viên có thể nhập văn bản tải từ vbpl.vn (.txt, .docx, .pdf có lớp chữ, .html). Ô dưới đọc một **văn bản mẫu luyện tập**
(quy chế giả định của một phường, do nhóm soạn) và cho thấy máy nhận ra các điều, khoản.""",),
        code("m4-th-import", 'vb = importer.import_document("data/quy_che_mau.txt", save=False)\n'
             '[(a.label(), a.title, len(a.children)) for a in vb.articles]'),
        md("m4-th-check", """
## Tự kiểm tra
- Tìm điều luật cho câu hỏi «người chết thì bao lâu phải đi khai tử»: số điều là gì?
- Ở mục 4, văn bản nào chưa gồm lần sửa đổi năm 2025? Thời hạn thụ lý khiếu nại ở Điều 27 là bao nhiêu?
- Ở mục 7, vì sao trích dẫn có thật mà câu trả lời vẫn sai?""",),
        md("m4-th-summary", f"""
## Tóm tắt
Tra cứu bằng lời thường, lọc theo lĩnh vực, đọc cả điều luật và tình trạng văn bản, kiểm tra mọi trích dẫn.

**Tiếp theo:** bài tập chấm tự động — tìm điều luật, chọn đúng trường hợp, đọc tình trạng văn bản, phát hiện
trích dẫn bịa.

{SOURCES}""",),
    ]
    cells.insert(1, md("m4-th-mot-ngay", SHORT_PLAN_NOTE))
    mark_short_plan(cells, {"m4-th-box-intro", "m4-th-case-intro", "m4-th-path-intro"})
    save(cells, HERE / "thuc_hanh.ipynb")


# Câu 1: (variable, the citizen's question and the law to search, model answer, hint when wrong).
ARTICLE_QUESTIONS = [
    ("cau_1a", "«Con tôi mới sinh, trong bao lâu tôi phải đi làm giấy khai sinh cho cháu?» (Luật Hộ tịch)", "15",
     "xem điều về trách nhiệm đăng ký khai sinh"),
    ("cau_1b", "«Tôi lên phường thuê trọ đi làm thì ở bao lâu mới phải đăng ký tạm trú?» (Luật Cư trú)", "27",
     "xem điều về điều kiện đăng ký tạm trú"),
    ("cau_1c", "«Hai nhà tranh chấp ranh giới đất, trước khi cơ quan nhà nước giải quyết thì phải làm gì ở xã?» "
     "(Luật Đất đai)", "235", "xem điều về hòa giải tranh chấp đất đai"),
]
# Multiple-choice items: (variable, question, options A–D, model answer, hint when wrong). The options are
# shown in the markdown above the widget (as in module 1), so the learner's code cell stays one short line.
CHOICE_QUESTIONS = {
    "cau_2a": ("Nhận xét nào đúng về câu trả lời của chatbot?", {
        "A": "Đúng: trích dẫn đã được máy kiểm chứng nên câu trả lời đáng tin.",
        "B": "Sai: Luật Cư trú không có Điều 30, trích dẫn là bịa.",
        "C": "Điều 30 có thật và đúng chủ đề, nhưng câu trả lời chỉ nêu một trường hợp; khách đến sau 23 giờ thuộc "
             "trường hợp khác của cùng khoản.",
        "D": "Không cần thông báo lưu trú vì người đến là họ hàng."},
        "C", "trích dẫn có thật, nhưng điều luật có nhiều trường hợp — đọc hết khoản 4 Điều 30."),
    "cau_2b": ("Trong tình huống trên, gia đình phải thông báo lưu trú chậm nhất lúc nào?", {
        "A": "Trước 23 giờ tối nay", "B": "Trong 03 ngày làm việc", "C": "Trước 08 giờ sáng mai",
        "D": "Không phải thông báo"},
        "C", "khách đến sau 23 giờ — xem vế thứ hai của khoản 4 Điều 30."),
    "cau_3a": ("Từ ngày 01 tháng 7 năm 2026, thời hạn thụ lý khiếu nại lần đầu là bao lâu?", {
        "A": "10 ngày", "B": "15 ngày", "C": "30 ngày", "D": "07 ngày làm việc"},
        "D", "cuốn sách in trước năm 2025 chưa có lần sửa đổi của Luật số 136/2025/QH15 — đọc Điều 27 trong văn bản "
        "hợp nhất."),
    "cau_3b": ("«Văn bản hợp nhất» của Luật Khiếu nại là gì?", {
        "A": "Một luật mới do Quốc hội thông qua, thay thế Luật Khiếu nại năm 2011.",
        "B": "Bản do Văn phòng Quốc hội xác thực, ghép luật gốc với các lần sửa đổi, bổ sung vào một văn bản để dễ "
             "đọc.",
        "C": "Bản diễn giải luật bằng lời thường cho người dân.",
        "D": "Bản dự thảo, chưa có hiệu lực."},
        "B", "văn bản hợp nhất không phải luật mới — nó ghép luật gốc với các luật sửa đổi, bổ sung."),
}


def _answer_cell(cid: str, name: str, call: str, solution: str) -> object:
    """An answer cell: the widget fills `name`; the model answer sits in the solution block."""
    src = (f"{name} = {call}\n"
           f"if not {name}:\n"
           f"    ### BEGIN SOLUTION\n"
           f"    {name} = {solution!r}\n"
           f"    ### END SOLUTION").replace("'", '"')
    return code(cid, src, **grade_meta(cid, solution=True))


def _test_cell(cid: str, points: int, visible: str, hidden: str) -> object:
    """A graded check: `visible` (the answer is given, in the expected form), then the hidden check."""
    return code(cid, f"{visible}\n### BEGIN HIDDEN TESTS\n{hidden}\n### END HIDDEN TESTS".replace("'", '"'),
                **grade_meta(cid, grade=True, points=points, locked=True))


def _choice_item(name: str) -> list:
    """One multiple-choice item: the question with its options, the widget, the graded check (1 point)."""
    question, options, answer, hint = CHOICE_QUESTIONS[name]
    label = f"Câu {name[-2:]}"
    listed = "\n".join(f"- **{key}.** {text}" for key, text in options.items())
    return [
        md(f"m4-bt-{name}-q", f"### {label} (1 điểm)\n{question}\n\n{listed}", **grade_meta(f"m4-bt-{name}-q", locked=True)),
        _answer_cell(f"m4-bt-{name}", name, f'choice_question("{name}", "ABCD", "{label}: bấm chọn đáp án")', answer),
        _test_cell(f"m4-bt-{name}-test", 1,
                   f'expect({name} in ("A", "B", "C", "D"), "{label}: hãy bấm chọn một đáp án (A, B, C hoặc D).")',
                   f'expect({name} == "{answer}", "{label} chưa đúng: {hint}")'),
    ]


def assignment() -> None:
    def locked_md(cid: str, text: str) -> object:
        return md(cid, text, **grade_meta(cid, locked=True))

    questions = "\n".join(f"- **Câu {name[-2:]}:** {question}" for name, question, _, _ in ARTICLE_QUESTIONS)
    cells = [
        locked_md("m4-bt-title", """
# Bài tập 4 — Tra cứu điều luật cho việc của phường, xã
Tìm đúng điều luật, chọn đúng trường hợp trong điều luật, đọc tình trạng của văn bản và phát hiện trích dẫn bịa.

**Mục tiêu:** áp dụng công cụ tra cứu vào câu hỏi thật của người dân. **Thời lượng:** 30 phút. **Điểm:** 8 điểm,
chấm tự động. **Chuẩn bị:** học xong bài giảng và bài thực hành Học phần 4 (không cần Internet).

**Cách làm:** chạy lần lượt từng ô (Shift+Enter). Mọi câu trả lời đều nhập vào **khung hiện ra** dưới câu hỏi: gõ
vào ô chữ rồi bấm **Lưu câu trả lời**, hoặc bấm chọn một đáp án. Câu trả lời được lưu vào tệp `cau_tra_loi.json`
cạnh bài, nên mở lại bài vẫn còn. Không cần sửa hay xoá dòng lệnh nào."""),
        code("m4-bt-setup", "from course.grading.checks import article_number, expect\n"
                            "from course.legal import widgets\nfrom course.ui import setup\n"
                            "from course.widgets import choice_question, text_answer\n\nsetup()",
             **grade_meta("m4-bt-setup", locked=True)),
        locked_md("m4-bt-q1-intro", f"""
## Câu 1 (3 điểm) — Tìm điều luật
Dùng ô tìm kiếm dưới đây để tìm điều luật trả lời từng câu hỏi của người dân. Đọc điều luật tìm được, rồi gõ
**số điều** (ví dụ `35`) vào ô chữ của từng câu và bấm **Lưu câu trả lời**.

{questions}"""),
        code("m4-bt-q1-search", "widgets.search_box()", **grade_meta("m4-bt-q1-search", locked=True)),
    ]
    for name, _question, solution, hint in ARTICLE_QUESTIONS:
        label = f"Câu {name[-2:]}"
        cells.append(_answer_cell(f"m4-bt-{name}", name, f'text_answer("{name}", "{label}: số điều")', solution))
        cells.append(_test_cell(
            f"m4-bt-{name}-test", 1,
            f'expect(article_number({name}), "{label}: hãy gõ số điều (ví dụ 35) vào ô chữ rồi bấm '
            f'«Lưu câu trả lời».")',
            f'expect(article_number({name}) == "{solution}", "{label} chưa đúng: {hint}.")'))
    cells += [
        locked_md("m4-bt-q2-intro", f"""
## Câu 2 (2 điểm) — Trích dẫn có thật, câu trả lời vẫn sai?
Một người dân hỏi: «{LUU_TRU_QUESTION}»

Một chatbot trả lời (câu trả lời mẫu do nhóm soạn):

> {LUU_TRU_ANSWER}

Ô dưới kiểm tra trích dẫn và cho đọc cả Điều 30 Luật Cư trú. Đọc kỹ khoản 4."""),
        code("m4-bt-q2-read", f'widgets.check_answer("{LUU_TRU_QUESTION}", "{LUU_TRU_ANSWER}")\n'
                              'widgets.show_article("68/2020/QH14", 30)', **grade_meta("m4-bt-q2-read", locked=True)),
        *_choice_item("cau_2a"),
        *_choice_item("cau_2b"),
        locked_md("m4-bt-q3-intro", """
## Câu 3 (2 điểm) — Văn bản đã được sửa đổi
Tủ sách của bộ phận tiếp công dân còn một cuốn Luật Khiếu nại in từ trước năm 2025. Điều 27 trong cuốn đó ghi:
«Trong thời hạn 10 ngày, kể từ ngày nhận được khiếu nại thuộc thẩm quyền … người có thẩm quyền giải quyết khiếu
nại lần đầu phải thụ lý giải quyết». Ô dưới cho xem tình trạng của Luật Khiếu nại trong kho tra cứu và Điều 27
theo văn bản đang dùng."""),
        code("m4-bt-q3-read", 'widgets.status_table(["02/2011/QH13"])\nwidgets.show_article("02/2011/QH13", 27)',
             **grade_meta("m4-bt-q3-read", locked=True)),
        *_choice_item("cau_3a"),
        *_choice_item("cau_3b"),
        locked_md("m4-bt-q4-intro", f"""
## Câu 4 (1 điểm) — Phát hiện trích dẫn bịa
Một chatbot trả lời câu hỏi «Bao lâu phải làm giấy khai sinh cho con?» như sau (câu trả lời mẫu do nhóm soạn):

> {KHAI_SINH_ANSWER}

Ô dưới kiểm tra từng trích dẫn. Trích dẫn nào là **bịa** (điều không tồn tại)? Gõ số điều vào ô chữ và bấm
**Lưu câu trả lời**."""),
        code("m4-bt-q4-read", f'widgets.check_answer("bao lâu phải làm giấy khai sinh cho con", "{KHAI_SINH_ANSWER}")',
             **grade_meta("m4-bt-q4-read", locked=True)),
        _answer_cell("m4-bt-cau_4", "cau_4", 'text_answer("cau_4", "Câu 4: số điều bị bịa")', "89"),
        _test_cell("m4-bt-cau_4-test", 1,
                   'expect(article_number(cau_4), "Câu 4: hãy gõ số điều bị bịa vào ô chữ rồi bấm «Lưu câu trả '
                   'lời».")',
                   'expect(article_number(cau_4) == "89", "Câu 4 chưa đúng: Luật Hộ tịch 2014 chỉ có 77 điều.")'),
        locked_md("m4-bt-end", f"""
## Tự kiểm tra
Chạy lại toàn bộ bài: bấm nút ▶▶ trên thanh công cụ phía trên bài (khởi động lại và chạy mọi ô từ đầu), rồi xem
các ô kiểm tra: ô nào còn báo «chưa» thì quay lại câu đó. Các câu trả lời đã lưu không mất khi chạy lại.

## Tóm tắt
Bạn đã tìm điều luật bằng lời thường, chọn đúng trường hợp trong một điều luật, đọc tình trạng của văn bản và
phát hiện trích dẫn bịa.

**Tiếp theo:** áp dụng vào công việc tiếp dân; luôn đối chiếu vbpl.vn.

{SOURCES}"""),
    ]
    save(cells, HERE / "bai_tap/bai_tap.ipynb")


if __name__ == "__main__":
    lecture()
    practice()
    assignment()
    print("Đã tạo 3 notebook của học phần 4.")
