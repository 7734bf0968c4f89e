"""Build the module 2 notebooks (stable cell ids and metadata). Run: .venv/bin/python module2_chatgpt_gemini/_build.py"""

from __future__ import annotations

import base64
from pathlib import Path

from course.documents.exercises import FLAWED_INVITATION, INVENTED_DRAFT  # shown and graded in Câu 3 and 5
from course.notebook_builder import SHORT_PLAN_NOTE, code, mark_short_plan, md, save, write_text
from course.notebook_builder import grade_meta as nbg
from course.prompting import rubric_table

HERE = Path(__file__).resolve().parent
FIGURES = HERE / "hinh"  # team-drawn diagrams (SVG), attached to the cells that show them

SOURCES = """**Nguồn**
- Nghị định 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư, Phụ lục I (thể thức,
  kỹ thuật trình bày) và Phụ lục III (mẫu văn bản, chữ viết tắt tên loại) — https://vanban.chinhphu.vn
  (tìm «30/2020/NĐ-CP»).
- Luật Tổ chức chính quyền địa phương số 72/2025/QH15, Quốc hội thông qua ngày 16 tháng 6 năm 2025 (chính quyền
  địa phương hai cấp: tỉnh và xã, hoạt động từ ngày 01 tháng 7 năm 2025) — https://quochoi.vn và https://chinhphu.vn.
- Nghị quyết số 202/2025/QH15 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh (ngày 12 tháng 6 năm 2025):
  34 tỉnh, thành phố; các tỉnh, thành phố mới hoạt động từ ngày 01 tháng 7 năm 2025.
- Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15, hiệu lực từ ngày 01 tháng 01 năm 2026 (thay cho Nghị định
  13/2023/NĐ-CP, văn bản cũ đã được thay thế) — https://vbpl.vn.
- Nghị định 23/2015/NĐ-CP về chứng thực, Điều 20 khoản 1; Luật Hộ tịch số 60/2014/QH13, Điều 16 khoản 2
  (đăng ký khai sinh ngay khi nhận đủ giấy tờ) — https://vbpl.vn. Danh sách đủ các sự kiện và nguồn:
  `docs/so_dang_ky_su_kien.csv`.
- Gemini: tìm kiếm với Google Search (đối chiếu nguồn) — https://ai.google.dev/gemini-api/docs/google-search;
  bảng giá — https://ai.google.dev/gemini-api/docs/pricing. Thư viện `google-generativeai` cũ đã ngừng hỗ trợ,
  thay bằng `google-genai` — https://github.com/google-gemini/deprecated-generative-ai-python.
- OpenAI: công cụ tìm kiếm web — https://platform.openai.com/docs/guides/tools-web-search; bảng giá API —
  https://openai.com/api/pricing; các gói ChatGPT — https://openai.com/chatgpt/pricing.
- Qwen2.5-Coder 1.5B Instruct (mô hình soạn thảo chạy trên máy), giấy phép Apache-2.0 — https://qwenlm.github.io;
  Gemma 3 270M theo Điều khoản sử dụng Gemma — https://ai.google.dev/gemma/terms."""


# ------------------------------------------------------------------------------------------ lecture

def phone_slide():  # noqa: ANN201 - a notebook cell
    """The phone-and-browser slide, with the team-drawn diagram attached to the cell (works in exported decks)."""
    svg = (FIGURES / "rieng_tu_chatbot.svg").read_bytes()
    cell = md("m2-bg-phone", """
## ChatGPT, Gemini trên điện thoại và trình duyệt
![Sơ đồ nhóm biên soạn tự vẽ: đăng nhập, tắt dùng để huấn luyện, trò chuyện tạm thời, chụp ảnh giấy tờ]\
(attachment:rieng_tu_chatbot.svg)""", "subslide")
    cell["attachments"] = {"rieng_tu_chatbot.svg": {"image/svg+xml": base64.b64encode(svg).decode("ascii")}}
    return cell


def lecture() -> None:
    cells = [
        md("m2-bg-title", """
# Bài giảng 2 — ChatGPT và Gemini trong công việc hành chính
Dùng chatbot để soạn thảo, tra cứu và truyền thông nhanh hơn — mà vẫn đúng thể thức, đúng sự thật, an toàn dữ liệu.""",
           "slide"),
        md("m2-bg-goals", """
**Mục tiêu**
1. Biết ChatGPT, Gemini là gì, dùng bằng tài khoản nào, tốn chi phí ra sao.
2. Viết câu lệnh (prompt) đủ sáu phần: vai trò, bối cảnh, nhiệm vụ, định dạng, ví dụ, ràng buộc.
3. Kiểm tra câu trả lời: nội dung, số liệu, thể thức theo Nghị định 30/2020/NĐ-CP.
4. Giữ bí mật dữ liệu cá nhân của người dân khi dùng chatbot.

**Thời lượng:** 35 phút (kế hoạch bốn buổi); 20 phút với các trang ★ (kế hoạch một ngày).
**Chuẩn bị:** chạy ô thiết lập bên dưới (không cần mạng, không cần khoá API).""",
           "subslide"),
        code("m2-bg-setup", """
from course.ui import setup; setup()
from course.prompting import TASKS, score_prompt
from course.documents import check_text""", "skip"),
        md("m2-bg-what", """
## ChatGPT và Gemini là gì?
- Là **chatbot** dựa trên mô hình ngôn ngữ lớn: đọc câu bạn gõ, rồi **viết tiếp** câu trả lời từng chữ một.
- **ChatGPT** do OpenAI phát triển; **Gemini** do Google phát triển. Cả hai hiểu và viết tiếng Việt tốt.
- Chúng **không tra sổ sách của phường**: chỉ biết những gì đã học, và những gì bạn đưa vào câu lệnh.""", "slide"),
        md("m2-bg-what-notes", "Hỏi lớp: ai đã dùng ChatGPT hoặc Gemini? Dùng vào việc gì? Ghi lên bảng 3–4 việc.",
           "notes"),
        md("m2-bg-cost", """
## Tài khoản và chi phí
- **Bản miễn phí**: đăng ký bằng email, dùng trên web hoặc điện thoại; giới hạn số lượt và mô hình.
- **Gói trả phí theo tháng**: mô hình mạnh hơn, nhiều lượt hơn (xem bảng giá chính thức ở cuối bài).
- **Qua API** (như khoá học này): trả tiền theo số *token* đọc và viết; khoá API là bí mật, đặt trong tệp `.env`,
  **không bao giờ** dán vào sổ tay hay gửi qua Zalo.
- Khoá học chạy được **không cần khoá**: dùng mô hình nhỏ Qwen2.5-Coder 1.5B ngay trên máy.""", "subslide"),
        phone_slide(),
        md("m2-bg-phone-notes", """
Ghi chú giảng viên (hình do nhóm biên soạn tự vẽ, không phải ảnh chụp màn hình; đối chiếu trang trợ giúp chính thức
trước buổi học vì tên nút thay đổi theo phiên bản):
1. **Đăng nhập** ChatGPT (chatgpt.com hoặc ứng dụng ChatGPT) và Gemini (gemini.google.com hoặc ứng dụng Gemini) bằng
   tài khoản của chính mình; máy dùng chung thì đăng xuất khi xong.
2. **Tắt dùng để huấn luyện.** ChatGPT: ảnh đại diện → Cài đặt → Data Controls → tắt «Improve the model for everyone»
   (áp dụng cho cả tài khoản, mọi thiết bị). Gemini: trình đơn → Hoạt động (Activity) → tắt «Keep Activity» (tên cũ
   «Gemini Apps Activity»); dù tắt, Google vẫn giữ cuộc trò chuyện 72 giờ để vận hành dịch vụ.
3. **Trò chuyện tạm thời**: không vào lịch sử, không dùng để huấn luyện; ChatGPT xoá sau 30 ngày, Gemini giữ tối đa
   72 giờ.
4. **Chụp ảnh giấy tờ để hỏi**: ảnh cũng là dữ liệu gửi đi. Chỉ chụp văn bản đã công khai (thông báo dán ở bảng tin,
   văn bản đã ban hành); không chụp đơn, hồ sơ có họ tên, số căn cước, chữ ký; không bao giờ chụp tài liệu mật.

Nguồn: https://help.openai.com/en/articles/7730893-data-controls-faq;
https://support.google.com/gemini/answer/13278892.""", "notes"),
        md("m2-bg-local-intro", """
Thử mô hình nhỏ trên máy với một câu lệnh cụt lủn. Quan sát: câu trả lời có đúng là một giấy mời không?""",
           "subslide"),
        code("m2-bg-local", """
from course.llm import ask
tra_loi = ask("Viết giấy mời họp tổ dân phố.", max_tokens=48, stream=True)
tra_loi.label""", "fragment"),
        md("m2-bg-local-notes", """
Mô hình 1,5 tỉ tham số trên máy thường viết một câu, lan man hoặc lạc đề: đó là bài học — câu lệnh cụt thì kết
quả kém, và mô hình nhỏ thì càng kém (trang sau: vì sao nó cần «mẫu điền»). Với ChatGPT/Gemini kết quả trôi chảy
hơn nhiều, nhưng vẫn phải kiểm tra.""", "notes"),
        md("m2-bg-anatomy", """
## Giải phẫu một câu lệnh tốt

| Phần | Hỏi mình | Ví dụ |
|---|---|---|
| **Vai trò** | AI đóng vai ai? | Bạn là chuyên viên Văn phòng HĐND và UBND phường |
| **Bối cảnh** | Tình huống, người đọc, số liệu? | Phường tổ chức hội nghị chuyển đổi số ngày 05 tháng 02 năm 2026 |
| **Nhiệm vụ** | Cần làm gì? (động từ) | Soạn nội dung giấy mời |
| **Định dạng** | Trình bày thế nào? | Các dòng: thành phần, thời gian, địa điểm |
| **Ví dụ** | Có mẫu để bắt chước không? | «Trân trọng kính mời…» |
| **Ràng buộc** | Giới hạn gì? | Không quá 150 từ, không bịa số liệu |""", "slide"),
        md("m2-bg-weak-intro", "Chấm một câu lệnh cụt bằng **thang điểm câu lệnh** của khoá học (không cần AI):",
           "subslide"),
        code("m2-bg-weak", 'score_prompt("Viết giấy mời họp")', "fragment"),
        md("m2-bg-good-intro", "Và câu lệnh đủ sáu phần (bài mẫu «Soạn giấy mời»):", "subslide"),
        code("m2-bg-good", """
print(TASKS["giay-moi"][1].assemble())
score_prompt(TASKS["giay-moi"][1])""", "fragment"),
        md("m2-bg-structure", """
## Vì sao mô hình nhỏ cần «mẫu điền»
- Mô hình chạy trên máy (Qwen2.5-Coder 1.5B, tệp 1,1 GB) nhỏ hơn ChatGPT rất nhiều. Hỏi tự do «soạn giấy mời»,
  nó hay viết một câu rồi dừng, lặp lại, quên dấu, hoặc **tự thêm** giờ họp.
- Cách chữa: **không bắt nó viết cả văn bản**. Nó chỉ điền một mẫu JSON (trích yếu, thời gian, địa điểm, thành phần,
  nội dung); một «ngữ pháp» buộc từng chữ nó viết ra phải đúng mẫu.
- Máy **đối chiếu** giờ, ngày, địa điểm, họ tên với ghi chú; thiếu thì **hỏi lại** («Thiếu thời gian họp»).
- Phần thể thức (Quốc hiệu, số, ngày tháng, nơi nhận, chữ ký) do máy viết theo Nghị định 30/2020/NĐ-CP, rồi máy
  kiểm tra. ChatGPT, Gemini cũng điền đúng mẫu đó (chế độ «structured output»).
- Con người vẫn đọc lại: mẫu đúng không có nghĩa nội dung đúng.""", "slide"),
        md("m2-bg-structure-notes", """
Số liệu (`benchmarks/drafting.py`, cả bộ 65 việc của phường, máy 2 nhân dùng chung): điền mẫu với Qwen2.5-Coder
1.5B rồi máy đối chiếu với ghi chú đạt 61/65; trước khi máy biết lấy lại giá trị từ câu chữ của ghi chú chỉ đạt
41/65; trò chuyện tự do với Gemma 3 270M đạt 0/65 (lặp lại ghi chú, quá ngắn). Nói thẳng với lớp: có mẫu và
máy đối chiếu thì tốt hơn hẳn, nhưng mô hình nhỏ vẫn chép ví dụ, quên dấu, thêm con số; người vẫn phải đọc lại.
Mở sổ tay thực hành mục 2b để làm thử.""",
           "notes"),
        md("m2-bg-check", """
## Kiểm tra câu trả lời — ba lớp
1. **Nội dung**: có đúng việc, đúng người, đúng thời gian? Số liệu lấy từ đâu?
2. **Căn cứ pháp lý**: số hiệu văn bản có thật và còn hiệu lực không? (xem Học phần 4)
3. **Thể thức**: đúng Nghị định 30/2020/NĐ-CP — Quốc hiệu, Tiêu ngữ, số/ký hiệu, ngày tháng, nơi nhận, chữ ký,
   phông chữ, cỡ chữ, lề trang.""", "slide"),
        md("m2-bg-checker-intro", """
Khoá học có **máy kiểm tra thể thức**. Thử với một thông báo có lỗi (tệp `van_ban_mau/thong_bao_loi.txt`):""",
           "subslide"),
        code("m2-bg-checker", """
from pathlib import Path
check_text(Path("van_ban_mau/thong_bao_loi.txt").read_text(encoding="utf-8"))""", "fragment"),
        md("m2-bg-checker-notes", """
Đọc từng lỗi với lớp (bảy lỗi): «Độc lập-Tự do-Hạnh phúc» thiếu cách; tên cơ quan «Ủy ban nhân dân phường An Bình»
chưa viết hoa; «Số: 8» thiếu số 0; «ngày 6 tháng 1» thiếu số 0; «T/M» phải là «TM.»; dòng nơi nhận «- Tổ dân phố số
2, số 5» thiếu dấu «;»; dòng cuối nơi nhận phải là «- Lưu: VT, …». Mỗi lỗi có căn cứ trong Phụ lục I.""", "notes"),
        md("m2-bg-privacy", """
## Bảo mật: điều gì không được đưa cho chatbot
- **Dữ liệu cá nhân** của người dân: họ tên, số CCCD, hộ chiếu, số điện thoại, địa chỉ, tài khoản ngân hàng… —
  Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 (hiệu lực từ ngày 01 tháng 01 năm 2026).
- **Dữ liệu nhạy cảm** gắn với một người (sức khoẻ, tiền án, tôn giáo…): không gửi lên mạng.
- **Bí mật nhà nước** (Tuyệt mật, Tối mật, Mật) và **tài liệu nội bộ chưa công bố**: tuyệt đối không.
- Trước khi gửi, khoá học **thay** tên, số giấy tờ bằng nhãn như `[HO_TEN_1]` và **chặn** dữ liệu nhạy cảm; câu
  trả lời hiện lại tên thật ngay trên máy. Máy vẫn có thể sót: bạn vẫn phải tự đọc lại.""", "slide"),
        code("m2-bg-privacy-demo", """
from course.privacy import redact
print(redact("Ông Giàng A Chống, hộ chiếu C4827163, đang điều trị lao phổi, nhờ viết đơn xin trợ cấp.").report())""",
             "fragment"),
        md("m2-bg-lookup", """
## Tra cứu thông tin: mô hình có biết tin mới không?
- Mô hình chỉ biết những gì có trong dữ liệu huấn luyện, **đến một thời điểm**. Sau đó nó không biết gì nữa.
- Ví dụ: từ ngày 01 tháng 7 năm 2025, chính quyền địa phương tổ chức **hai cấp (tỉnh và xã)**, không còn cấp huyện;
  cả nước còn **34** tỉnh, thành phố (Nghị quyết số 202/2025/QH15).
  Mô hình học trước thời điểm đó vẫn nói về «huyện», «quận» như cũ — rất trôi chảy, nhưng **sai**.
- Gemini (tìm với Google Search) và ChatGPT (công cụ tìm kiếm web) có thể **tra cứu rồi trả lời kèm nguồn**.
  Thói quen bắt buộc: **mở nguồn, đọc, đối chiếu** với cổng thông tin chính thống.""", "slide"),
        md("m2-bg-selfcheck", """
## Tự kiểm tra
1. Câu lệnh «Viết công văn» thiếu những phần nào?
2. Vì sao không được dán số CCCD của người dân vào chatbot?
3. Trong ngày tháng của văn bản, khi nào phải thêm số 0?

<details><summary>Gợi ý đáp án</summary>

1. Thiếu vai trò, bối cảnh, định dạng, ví dụ, ràng buộc — chỉ có nhiệm vụ.
2. Đó là dữ liệu cá nhân; gửi lên máy chủ nước ngoài là chuyển dữ liệu ra ngoài sự kiểm soát của cơ quan
   (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15).
3. Ngày dưới 10 và tháng 1, 2: «ngày 05 tháng 01 năm 2026» (Nghị định 30/2020/NĐ-CP, Phụ lục I).
</details>""", "slide"),
        md("m2-bg-summary", f"""
## Tóm tắt
- Câu lệnh tốt có sáu phần; thiếu phần nào, AI đoán phần đó.
- Luôn kiểm tra nội dung, căn cứ và thể thức; máy kiểm tra Nghị định 30 giúp soát thể thức.
- Không đưa dữ liệu cá nhân, tài liệu mật cho chatbot; tin mới thì phải tra cứu và mở nguồn.

**Tiếp theo:** sổ tay thực hành `thuc_hanh.ipynb` — phòng thí nghiệm câu lệnh, soạn và xuất văn bản .docx đúng
thể thức, tra cứu có nguồn.

{SOURCES}""", "slide"),
    ]
    cells.insert(2, md("m2-bg-mot-ngay", SHORT_PLAN_NOTE, "notes"))
    mark_short_plan(cells, {"m2-bg-anatomy", "m2-bg-phone", "m2-bg-check", "m2-bg-lookup", "m2-bg-privacy", "m2-bg-what"})
    save(cells, HERE / "bai_giang.ipynb", rise=True)


# ------------------------------------------------------------------------------------------ practice

SDK_OPENAI = '''
# Gọi thẳng thư viện openai — KHÔNG qua bộ che dữ liệu cá nhân của khoá học. Cần OPENAI_API_KEY.
from course.config import load_settings
cai_dat = load_settings()
cau_hoi = "Viết một câu chào mừng ngày Quốc khánh 2/9 cho trang thông tin của phường."
if cai_dat.openai_api_key:
    from openai import OpenAI
    client = OpenAI(api_key=cai_dat.openai_api_key)
    tra_loi = client.chat.completions.create(model=cai_dat.openai_model,
                                             messages=[{"role": "user", "content": cau_hoi}])
    print("ChatGPT:", tra_loi.choices[0].message.content)
else:
    print("Chưa có khoá OpenAI nên ô này không gọi ChatGPT.")
'''

SDK_GEMINI = '''
# Gọi thẳng thư viện google-genai (thay cho google-generativeai đã ngừng hỗ trợ). Cần GEMINI_API_KEY.
if cai_dat.gemini_api_key:
    from google import genai
    client = genai.Client(api_key=cai_dat.gemini_api_key)
    tra_loi = client.models.generate_content(model=cai_dat.gemini_model, contents=cau_hoi)
    print("Gemini:", tra_loi.text)
else:
    print("Chưa có khoá Gemini nên ô này không gọi Gemini.")
'''


def practice() -> None:
    cells = [
        md("m2-th-title", """
# Thực hành 2 — Phòng thí nghiệm câu lệnh và văn bản đúng thể thức
Dùng AI soạn công văn, giấy mời, thông báo, báo cáo; tóm tắt, viết lại dễ hiểu, viết bài đăng; xuất .docx đúng
Nghị định 30/2020/NĐ-CP và tra cứu có nguồn."""),
        md("m2-th-goals", """
**Mục tiêu**
1. Viết câu lệnh đủ sáu phần trong phòng thí nghiệm câu lệnh và so sánh các mô hình.
2. Biến bản nháp (của bạn hoặc của AI) thành tệp .docx đúng thể thức, rồi tự kiểm tra.
3. Dùng AI cho việc hằng ngày của phường: tóm tắt, viết lại cho dân dễ hiểu, bài đăng fan page, trả lời công dân,
   soát chính tả.
4. Tra cứu thông tin mới có nguồn, và biết giới hạn của mô hình không có công cụ tìm kiếm.

**Thời lượng:** 80 phút trong kế hoạch bốn buổi (mục 1–3c và 5; mục 4 đọc thêm); 30 phút trong kế hoạch một ngày
(mục 1, 2 và 3b — xem `docs/giao_an/mot_ngay.md`). **Chuẩn bị:** chạy ô thiết lập. Không có khoá API vẫn làm được (mô hình nhỏ trên máy).
Có khoá ChatGPT/Gemini thì đặt vào tệp `.env` theo hướng dẫn của giảng viên."""),
        code("m2-th-setup", """
from course.ui import setup; setup()
from pathlib import Path
from course.prompting import prompt_lab, score_prompt
from course.prompting.lookup import look_up
from course.documents import check_file, check_text, draft_from_markdown, paragraphs_from_text, write_docx"""),
        md("m2-th-lab-intro", """
## 1. Phòng thí nghiệm câu lệnh
Ô dưới mở phòng thí nghiệm với bài mẫu «Soạn công văn». Bạn có thể:
- chọn bài mẫu khác ở ô **Bài mẫu**, hoặc sửa từng phần: vai trò, bối cảnh, nhiệm vụ, định dạng, ví dụ, ràng buộc;
- chọn **Mô hình** rồi bấm **Gửi**: câu trả lời hiện dần từng chữ;
- bấm **So sánh các mô hình** để xem ChatGPT / Gemini / mô hình trên máy cạnh nhau (cần khoá API);
- bấm **Chấm câu lệnh** để xem câu lệnh được mấy điểm theo thang điểm của khoá học;
- ở cuối, điền cơ quan, địa danh, trích yếu rồi bấm **Xuất Word (.docx)** để đưa câu trả lời vào một văn bản đúng
  thể thức, kiểm tra ngay và tải về."""),
        code("m2-th-lab", 'lab = prompt_lab("cong-van")'),
        md("m2-th-send-intro", """
Ô dưới làm đúng việc của nút **Gửi**. Không có khoá API, câu trả lời đến từ mô hình nhỏ trên máy — hãy đọc kỹ:
nó có đúng là nội dung một công văn không? Có bịa thêm gì không?"""),
        code("m2-th-send", "tra_loi = lab.send()"),
        md("m2-th-score-intro", "Chấm câu lệnh hiện tại (không cần AI, kết quả luôn giống nhau):"),
        code("m2-th-score", "lab.score()"),
        md("m2-th-docx-intro", """
## 2. Từ bản nháp đến tệp .docx đúng thể thức
Thư mục `van_ban_mau/` có bản nháp tám loại văn bản (công văn, thông báo, giấy mời, báo cáo, tờ trình, kế hoạch,
quyết định, biên bản). Phần đầu mỗi tệp (giữa hai dòng `---`) ghi cơ quan, số, ngày, nơi nhận, người ký; phần
sau là nội dung. Ô dưới biến bản nháp giấy mời thành tệp Word rồi kiểm tra luôn:"""),
        code("m2-th-docx", """
giay_moi = draft_from_markdown(Path("van_ban_mau/giay_moi.md").read_text(encoding="utf-8"))
tep = write_docx(giay_moi, "giay_moi_cua_toi.docx")
check_file(tep)"""),
        md("m2-th-ai-docx-intro", """
Bây giờ ghép **nội dung do AI viết** (câu trả lời cuối cùng trong phòng thí nghiệm) vào khung công văn. Máy tự bỏ
những dòng AI tự thêm như Quốc hiệu, «Kính gửi», «Nơi nhận», vì khung văn bản đã có sẵn:"""),
        code("m2-th-ai-docx", """
cong_van = draft_from_markdown(Path("van_ban_mau/cong_van.md").read_text(encoding="utf-8"))
cong_van.body = paragraphs_from_text(lab.last.text if lab.last else "") or cong_van.body
check_file(write_docx(cong_van, "cong_van_tu_AI.docx"))"""),
        md("m2-th-ai-docx-after", """
Mở tệp `cong_van_tu_AI.docx` bằng Word hoặc LibreOffice và **đọc lại nội dung**: máy kiểm tra được thể thức,
không kiểm tra được sự thật. Làm tương tự cho **giấy mời, thông báo, báo cáo**: chọn bài mẫu tương ứng trong phòng
thí nghiệm, bấm **Gửi**, rồi ghép vào `van_ban_mau/giay_moi.md`, `thong_bao.md`, `bao_cao.md`."""),
        md("m2-th-draft-intro", """
### 2b. Soạn từ ghi chú: AI điền mẫu, máy viết văn bản
Bạn chỉ cần **tả việc cần làm bằng lời của mình**, ví dụ «mời tổ dân phố 3 họp 8h sáng thứ 7 12/12 ở nhà văn hoá
bàn tổng vệ sinh». AI không viết cả văn bản mà chỉ **điền một mẫu** (trích yếu, thời gian, địa điểm, thành phần,
nội dung…); máy **đối chiếu** từng giờ, ngày, địa điểm, họ tên với ghi chú của bạn, rồi tự viết văn bản đúng
Nghị định 30/2020/NĐ-CP và kiểm tra thể thức. Ghi chú thiếu gì, máy **hỏi lại** chứ không để AI tự bịa.

Chọn loại văn bản (giấy mời, thông báo, công văn, báo cáo ngắn, biên bản họp, trả lời công dân, bài đăng Zalo/fanpage,
thông báo loa truyền thanh), sửa ghi chú, bấm **Soạn bằng AI**. Sửa nội dung trong ô lớn rồi bấm **Kiểm tra lại**;
bấm liên kết để tải tệp .docx. Nút **Trò chuyện tự do** gửi cùng ghi chú như một câu hỏi thường để bạn so sánh."""),
        code("m2-th-draft", """
from course.documents.drafting_widget import drafting_widget
soan = drafting_widget()
soan"""),
        md("m2-th-draft-run-intro", """
Ô dưới làm đúng việc của nút **Soạn bằng AI** với ghi chú đang có trong ô. Biến đáp án là `ket_qua`: đọc văn
bản, các lưu ý và kết quả kiểm tra thể thức."""),
        code("m2-th-draft-run", """
ket_qua = soan.draft()
print(ket_qua)"""),
        md("m2-th-draft-missing-intro", """
Ghi chú **không có giờ và ngày họp**. Xem máy làm gì: AI không được tự đặt ra giờ họp, nên máy hỏi lại bạn."""),
        code("m2-th-draft-missing", """
from course.documents.drafting import draft_from_notes
thieu = draft_from_notes("mời tổ dân phố 3 họp ở nhà văn hoá bàn tổng vệ sinh", "giay-moi")
thieu.questions"""),
        md("m2-th-draft-free-intro", """
Cùng ghi chú, gửi như một câu hỏi bình thường (không có mẫu). So sánh với văn bản ở trên: có đủ giờ, ngày, địa
điểm không? Có thêm chi tiết nào ghi chú không có không?"""),
        code("m2-th-draft-free", "print(soan.free_chat())"),
        md("m2-th-check-intro", """
Máy kiểm tra cũng đọc văn bản thuần (.txt) hoặc tệp Word của bạn. Thử với một thông báo có lỗi:"""),
        code("m2-th-check", 'check_text(Path("van_ban_mau/thong_bao_loi.txt").read_text(encoding="utf-8"))'),
        md("m2-th-tasks", """
## 3. Việc hằng ngày của phường
Chọn lần lượt các bài mẫu trong phòng thí nghiệm, bấm **Gửi**, đọc kết quả, sửa câu lệnh rồi gửi lại:

| Bài mẫu | Việc | Kiểm tra gì |
|---|---|---|
| Tóm tắt văn bản dài | Tóm tắt báo cáo của Trung tâm Phục vụ hành chính công cho Chủ tịch | Có giữ đúng các con số? |
| Viết lại cho người dân dễ hiểu | Giải thích thủ tục chứng thực (Nghị định 23/2015/NĐ-CP, Điều 20) | Người cao tuổi đọc có hiểu? Có thêm điều quy định không nói? |
| Bài đăng trang Facebook của phường | Kêu gọi tổng vệ sinh | Giọng thân thiện, không lộ thông tin cá nhân? |
| Trả lời công dân lịch sự | Trả lời tin nhắn phàn nàn về khai sinh | Lịch sự? Có bịa thời hạn không? (mục 3b) |
| Kiểm tra chính tả và dấu | Thêm dấu, sửa lỗi | Có đổi nghĩa hay số liệu không? |
| Tin nhắn nhóm Zalo tổ dân phố | Thông báo tiêm sởi trên nhóm Zalo và Zalo OA của phường | Dưới 80 từ? Đủ ai, khi nào, ở đâu, mang gì? Có giờ giấc, giấy tờ nào bối cảnh không có? (dùng `check_figures` ở mục 3b) |
| Bài đọc trên loa truyền thanh | Kêu gọi tổng vệ sinh | Đọc to thử: dưới một phút? Nhắc lại giờ và địa điểm ở cuối? Không viết tắt? |
| Viết cho bà con dân tộc thiểu số | Viết lại thông báo khai sinh bằng câu đơn | Mỗi câu không quá 12 từ? Không thêm giấy tờ, thời hạn? Nhờ cán bộ bản đọc thử với bà con |

Ô dưới nạp bài mẫu «Tóm tắt văn bản dài» vào phòng thí nghiệm phía trên và chấm câu lệnh:"""),
        code("m2-th-tasks-load", """
lab.load_task("tom-tat")
lab.score()"""),
        md("m2-th-invent-intro", """
### 3b. Bắt lỗi bịa: thời hạn mà luật không có
Hỏi chatbot «giải thích thời hạn đăng ký khai sinh», nó thường **tự đặt ra** một thời hạn nghe rất thật, ví dụ
«05 ngày làm việc». Luật Hộ tịch 2014, Điều 16 khoản 2 nói khác: nhận đủ giấy tờ, thông tin đầy đủ và phù hợp thì
công chức tư pháp - hộ tịch đăng ký **ngay**. Ô dưới đối chiếu từng con số trong một bản trả lời mẫu (nhóm biên soạn
viết, mô phỏng lỗi hay gặp của AI — không phải câu trả lời của mô hình nào) với chính điều luật đó:"""),
        code("m2-th-invent", """
from course.prompting import KHAI_SINH_RULE, SAMPLE_DRAFT, check_figures
print(SAMPLE_DRAFT)
check_figures(SAMPLE_DRAFT, KHAI_SINH_RULE)"""),
        md("m2-th-invent-ai-intro", """
Bây giờ đến lượt câu trả lời thật: ô dưới nạp bài mẫu «Trả lời công dân lịch sự» (câu lệnh đã kèm điều luật và
ràng buộc «không tự thêm số ngày»), gửi cho mô hình đang chọn, rồi đối chiếu các con số của nó với điều luật.
Máy chỉ so **con số**; câu nào nói «vài hôm», «sớm nhất có thể» thì bạn tự đọc lại."""),
        code("m2-th-invent-ai", """
lab.load_task("tra-loi-cong-dan")
tra_loi = lab.send()
check_figures(tra_loi.text if tra_loi else "", KHAI_SINH_RULE)"""),
        md("m2-th-verify-intro", """
### 3c. Kiểm tra thông tin bịa: ngày, giờ, tên, địa điểm, căn cứ
`check_figures` chỉ so con số. Công cụ **Kiểm tra thông tin bịa** so thêm ngày, thứ, giờ, tên người, địa điểm, số hiệu
văn bản và Điều, khoản — với bản nháp của bất kỳ mô hình nào (ChatGPT, Gemini hay mô hình trên máy). Ô dưới mở công
cụ với điều luật làm **ghi chú gốc** và câu trả lời mô hình vừa viết. Bấm **Kiểm tra thông tin bịa**: chỗ tô đỏ là
chỗ không có trong nguồn. Bạn cũng có thể dán ghi chú và bản nháp của mình, hoặc tải lên tệp .docx. Công cụ chỉ so
các thông tin đó; câu chữ bịa («đã được cấp trên đồng ý») bạn vẫn tự đọc lại."""),
        code("m2-th-verify", """
from course.documents import faithfulness_widget
faithfulness_widget(KHAI_SINH_RULE, tra_loi.text if tra_loi else "")"""),
        md("m2-th-sdk-intro", """
## 4. Bên trong: mã gọi ChatGPT và Gemini
Hai ô dưới (đã thu gọn — bấm vào để mở) cho thấy mã gọi trực tiếp thư viện `openai` và `google-genai`. Phòng thí
nghiệm làm đúng việc này, cộng thêm: che dữ liệu cá nhân trước khi gửi, thử lại khi mạng lỗi, và tự chuyển sang
mô hình trên máy khi mất mạng."""),
        code("m2-th-sdk", SDK_OPENAI, jupyter={"source_hidden": True}),
        code("m2-th-sdk-gemini", SDK_GEMINI, jupyter={"source_hidden": True}),
        md("m2-th-lookup-intro", """
## 5. Tra cứu thông tin
Có khoá Gemini: máy dùng **tìm kiếm Google** (đối chiếu nguồn); có khoá OpenAI: **công cụ tìm kiếm web**. Câu trả lời đi
kèm danh sách nguồn — hãy **mở từng nguồn** và đối chiếu. Không có khoá: mô hình nhỏ trả lời theo trí nhớ —
hãy xem nó nói gì về số tỉnh, thành phố và cấp huyện, rồi đọc giải thích bên dưới câu trả lời."""),
        code("m2-th-lookup", """
ket_qua = look_up("Hiện nay Việt Nam có bao nhiêu tỉnh, thành phố? Cấp huyện còn không?")
ket_qua"""),
        md("m2-th-lookup-after", """
**Vì sao mô hình không có công cụ tìm kiếm không thể biết?** Từ ngày 01 tháng 7 năm 2025, theo Luật Tổ chức chính
quyền địa phương năm 2025, chính quyền địa phương chỉ còn hai cấp (tỉnh và xã), không còn cấp huyện; số tỉnh,
thành phố còn 34 theo Nghị quyết số 202/2025/QH15 ngày 12 tháng 6 năm 2025, và các tỉnh, thành phố mới hoạt động
từ ngày 01 tháng 7 năm 2025. Mô hình học trước thời điểm đó không thể biết, nhưng vẫn trả lời
rất tự tin. Cách kiểm tra: mở Cổng Thông tin điện tử Chính phủ (https://chinhphu.vn), Hệ thống văn bản Chính phủ
(https://vanban.chinhphu.vn) hoặc Cổng thông tin điện tử Quốc hội (https://quochoi.vn) và tìm văn bản gốc."""),
        md("m2-th-selfcheck", """
## Tự kiểm tra
Sửa câu lệnh trong ô dưới cho đủ sáu phần rồi chạy lại, đến khi được **ĐẠT** (từ 9 điểm):"""),
        code("m2-th-selfcheck-code", 'score_prompt("""Viết thông báo lịch tiếp công dân.""")'),
        md("m2-th-summary", f"""
## Tóm tắt
- Phòng thí nghiệm giúp viết câu lệnh đủ sáu phần và so sánh ChatGPT, Gemini, mô hình trên máy.
- `write_docx` tạo văn bản đúng thể thức; `check_file` / `check_text` soát lỗi theo Nghị định 30/2020/NĐ-CP,
  mỗi lỗi có cách sửa và căn cứ.
- Thông tin mới phải tra cứu có nguồn và mở nguồn ra đọc.

**Tiếp theo:** bài tập `bai_tap/bai_tap.ipynb` — viết câu lệnh đạt thang điểm, che dữ liệu cá nhân của người dân,
sửa một văn bản cho đúng thể thức. Sau đó: Học phần 3, chuyển giọng nói thành văn bản và lập biên bản họp.

{SOURCES}"""),
    ]
    cells.insert(1, md("m2-th-mot-ngay", SHORT_PLAN_NOTE))
    mark_short_plan(cells, {"m2-th-docx-intro", "m2-th-invent-intro", "m2-th-lab-intro"})
    save(cells, HERE / "thuc_hanh.ipynb")


# ------------------------------------------------------------------------------------------ assignment


FIXED_INVITATION = (FLAWED_INVITATION.replace("Độc lập – Tự do – Hạnh phúc", "Độc lập - Tự do - Hạnh phúc")
                    .replace("Số: 4/GM-UBND", "Số: 04/GM-UBND")
                    .replace("ngày 9 tháng 2 năm 2026", "ngày 09 tháng 02 năm 2026")
                    .replace("KT CHỦ TỊCH", "KT. CHỦ TỊCH")
                    .replace("- Lưu VT.", "- Lưu: VT, VP."))

# Câu 5 solution: the AI draft with every fact the notes do not hold corrected or removed.
FAITHFUL_DRAFT = (INVENTED_DRAFT.replace("Hội trường Nhà văn hoá khu phố 5", "Phòng họp Ủy ban nhân dân phường An Bình")
                  .replace("; phường đã ghi nhận 27 ca mắc từ đầu năm", "")
                  .replace("Kinh phí phun hoá chất thực hiện theo Quyết định số 1241/QĐ-UBND.\n", ""))
CITIZEN_REQUEST = ("Tôi tên Trần Văn Hùng, sinh ngày 12/05/1980, CCCD 001080012345, hộ chiếu C4827163, điện thoại "
                   "0912 345 678, email hung.tran@gmail.com, nhà ở số 15 ngõ 3 đường Lê Lợi. Tôi đang điều trị lao "
                   "phổi nên nhờ người nhà đi nộp. Tôi bị mất giấy khai sinh bản chính, xin hỏi thủ tục cấp bản sao "
                   "trích lục khai sinh cần giấy tờ gì và mất bao lâu?")

GOOD_PROMPT = ("Vai trò: Bạn là công chức Trung tâm Phục vụ hành chính công của phường, thạo thủ tục hộ tịch.\n"
               "Bối cảnh: Nhiều người dân trong phường hỏi về thủ tục cấp bản sao trích lục khai sinh khi mất bản "
               "chính.\n"
               "Nhiệm vụ: Hãy soạn một thông báo ngắn hướng dẫn người dân chuẩn bị giấy tờ và nộp hồ sơ.\n"
               "Định dạng: Ba mục có đánh số: giấy tờ cần mang, nơi nộp, thời gian giải quyết.\n"
               "Ví dụ: «1. Giấy tờ cần mang: …»\n"
               "Ràng buộc: Không quá 150 từ; lời lẽ dễ hiểu, lịch sự; không bịa thời hạn nếu không chắc chắn.")

ANONYMISED = ("Tôi bị mất giấy khai sinh bản chính, xin hỏi thủ tục cấp bản sao trích lục khai sinh cần giấy tờ "
              "gì và mất bao lâu?")


def assignment() -> None:
    def locked_md(cid: str, text: str):
        return md(cid, text, **nbg(cid, locked=True))

    cells = [
        locked_md("m2-bt-title", """
# Bài tập 2 — Câu lệnh tốt, dữ liệu an toàn, văn bản đúng thể thức, không thông tin bịa
Năm câu hỏi, chấm tự động, **không gọi mô hình AI nào** khi chấm."""),
        locked_md("m2-bt-goals", """
**Mục tiêu**
1. Viết câu lệnh đạt thang điểm công bố dưới đây.
2. Xoá dữ liệu cá nhân khỏi yêu cầu của công dân trước khi được gửi lên chatbot trên mạng.
3. Sửa một giấy mời cho đúng thể thức Nghị định 30/2020/NĐ-CP.
4. Tìm chi tiết AI bịa trong một bài đăng.
5. Dùng công cụ «Kiểm tra thông tin bịa» để sửa một giấy mời AI soạn cho khớp ghi chú gốc.

**Thời lượng:** 45 phút (kế hoạch một ngày: Câu 1 và Câu 4, 15 phút). **Chuẩn bị:** chạy ô thiết lập. Mỗi câu trả lời gõ
vào ô chữ rồi bấm
**Lưu câu trả lời**; bấm **Chạy lại** ô kiểm tra ngay dưới để xem còn thiếu gì."""),
        code("m2-bt-setup", """
from course.ui import setup; setup()
from course.widgets import text_answer
from course.prompting import score_prompt, PASS_MARK
from course.privacy import find_pii, redact
from course.documents import check_text, faithfulness_widget, verify""", **nbg("m2-bt-setup", locked=True)),
        locked_md("m2-bt-q1", f"""
## Câu 1 (4 điểm) — Viết câu lệnh tốt
Viết một câu lệnh nhờ AI giúp một việc của phường (soạn văn bản, trả lời công dân, viết bài đăng…).
Câu lệnh được chấm bằng **thang điểm công bố** sau (hàm `score_prompt`, không dùng AI):

{rubric_table()}"""),
        code("m2-bt-q1-answer", f'''
cau_lenh = text_answer("cau_lenh", "Câu lệnh của bạn")
if not cau_lenh:
    ### BEGIN SOLUTION
    cau_lenh = """{GOOD_PROMPT}"""
    ### END SOLUTION''', **nbg("m2-bt-q1-answer", solution=True)),
        locked_md("m2-bt-q1-feedback-intro", "Xem điểm và nhận xét cho câu lệnh của bạn:"),
        code("m2-bt-q1-feedback", "score_prompt(cau_lenh)", **nbg("m2-bt-q1-feedback", locked=True)),
        code("m2-bt-q1-test-basic", '''
ket_qua = score_prompt(cau_lenh)
assert ket_qua.score >= 6, f"Câu lệnh mới được {ket_qua.score} điểm, cần ít nhất 6 để có điểm phần này."''',
             **nbg("m2-bt-q1-test-basic", grade=True, locked=True, points=1)),
        code("m2-bt-q1-test-pass", '''
ket_qua = score_prompt(cau_lenh)
assert not ket_qua.pii, "Câu lệnh còn dữ liệu cá nhân: " + ", ".join(ket_qua.pii)
assert ket_qua.score >= PASS_MARK, f"Câu lệnh được {ket_qua.score} điểm, cần {PASS_MARK} điểm để đạt."
### BEGIN HIDDEN TESTS
from course.prompting import TASKS
assert len(cau_lenh.split()) >= 20, "Câu lệnh quá ngắn để đạt yêu cầu."
mau = {p.assemble().strip() for _, p in TASKS.values()}
assert cau_lenh.strip() not in mau, "Hãy tự viết câu lệnh, không chép nguyên bài mẫu của phòng thí nghiệm."
### END HIDDEN TESTS''', **nbg("m2-bt-q1-test-pass", grade=True, locked=True, points=3)),
        locked_md("m2-bt-q2", f"""
## Câu 2 (3 điểm) — Che dữ liệu cá nhân
Một người dân gửi yêu cầu dưới đây. Trước khi dán vào chatbot trên mạng để nhờ soạn câu trả lời, hãy viết lại
yêu cầu **bỏ hết dữ liệu cá nhân** (họ tên, ngày sinh, số CCCD, số hộ chiếu, số điện thoại, email, địa chỉ nhà,
tình trạng sức khoẻ) nhưng **giữ nguyên điều người dân hỏi**.

> {CITIZEN_REQUEST}

Gợi ý: ô dưới cho xem `redact(...)` thay những gì (họ tên, số giấy tờ…) và vì sao chi tiết sức khoẻ bị chặn. Máy có
thể sót — bạn tự viết lại yêu cầu và tự đọc lại."""),
        code("m2-bt-q2-hint", f'print(redact("{CITIZEN_REQUEST}").report())', **nbg("m2-bt-q2-hint", locked=True)),
        code("m2-bt-q2-answer", f'''
yeu_cau_da_che = text_answer("yeu_cau_da_che", "Yêu cầu đã bỏ dữ liệu cá nhân")
if not yeu_cau_da_che:
    ### BEGIN SOLUTION
    yeu_cau_da_che = "{ANONYMISED}"
    ### END SOLUTION''', **nbg("m2-bt-q2-answer", solution=True)),
        code("m2-bt-q2-test-pii", '''
assert yeu_cau_da_che.strip(), "Bạn chưa trả lời câu này: hãy gõ yêu cầu đã che vào ô chữ và bấm «Lưu câu trả lời»."
con_lai = [f"{f.label} «{f.value}»" for f in find_pii(yeu_cau_da_che)]
assert not con_lai, "Vẫn còn dữ liệu cá nhân: " + "; ".join(con_lai)
assert "Trần Văn Hùng" not in yeu_cau_da_che, "Vẫn còn họ tên người dân."
### BEGIN HIDDEN TESTS
chi_so = "".join(ch for ch in yeu_cau_da_che if ch.isdigit())
for gia_tri in ("001080012345", "0912345678", "12051980", "4827163"):
    assert gia_tri not in chi_so, "Vẫn còn một dãy số cá nhân (CCCD, hộ chiếu, điện thoại hoặc ngày sinh)."
assert "lao phổi" not in yeu_cau_da_che.lower(), "Vẫn còn tình trạng sức khoẻ của người dân."
assert "hung.tran" not in yeu_cau_da_che and "Lê Lợi" not in yeu_cau_da_che, "Vẫn còn email hoặc địa chỉ nhà."
### END HIDDEN TESTS''', **nbg("m2-bt-q2-test-pii", grade=True, locked=True, points=2)),
        code("m2-bt-q2-test-content", '''
assert "khai sinh" in yeu_cau_da_che.lower(), "Đừng xoá điều người dân hỏi: yêu cầu phải còn nói về giấy khai sinh."
assert len(yeu_cau_da_che.split()) >= 10, "Yêu cầu đã che quá ngắn, không còn đủ ý để chatbot trả lời."''',
             **nbg("m2-bt-q2-test-content", grade=True, locked=True, points=1)),
        locked_md("m2-bt-q3", """
## Câu 3 (3 điểm) — Sửa giấy mời cho đúng thể thức
Giấy mời dưới đây có nhiều lỗi thể thức. Chạy ô để xem văn bản và danh sách lỗi; **sao chép văn bản vào ô trả
lời**, sửa hết lỗi, bấm **Lưu câu trả lời**, rồi chạy lại ô kiểm tra. Giữ nguyên nội dung giấy mời."""),
        code("m2-bt-q3-doc", '''
from course.documents.exercises import FLAWED_INVITATION as GIAY_MOI_LOI
print(GIAY_MOI_LOI)
check_text(GIAY_MOI_LOI)''', **nbg("m2-bt-q3-doc", locked=True)),
        code("m2-bt-q3-answer", f'''
van_ban_da_sua = text_answer("van_ban_da_sua", "Giấy mời đã sửa")
if not van_ban_da_sua:
    ### BEGIN SOLUTION
    van_ban_da_sua = """{FIXED_INVITATION}"""
    ### END SOLUTION''', **nbg("m2-bt-q3-answer", solution=True)),
        code("m2-bt-q3-feedback", "check_text(van_ban_da_sua)", **nbg("m2-bt-q3-feedback", locked=True)),
        code("m2-bt-q3-test-format", '''
bao_cao = check_text(van_ban_da_sua)
assert bao_cao.ok, "Văn bản còn lỗi thể thức:\\n" + bao_cao.summary()''',
             **nbg("m2-bt-q3-test-format", grade=True, locked=True, points=2)),
        code("m2-bt-q3-test-same", '''
assert check_text(van_ban_da_sua).kind == "giay-moi", "Văn bản phải vẫn là giấy mời (dòng «GIẤY MỜI»)."
### BEGIN HIDDEN TESTS
for y in ("sốt xuất huyết", "14 giờ 00", "Trạm Y tế phường", "Lê Văn Cường"):
    assert y in van_ban_da_sua, f"Đừng đổi nội dung giấy mời: thiếu «{y}»."
### END HIDDEN TESTS''', **nbg("m2-bt-q3-test-same", grade=True, locked=True, points=1)),
        locked_md("m2-bt-q4", """
## Câu 4 (2 điểm) — Tìm chi tiết AI bịa
Ô dưới in **bối cảnh** đưa cho AI và **bài đăng nhóm Zalo** AI viết từ bối cảnh đó (nhóm biên soạn viết lại, mô
phỏng lỗi hay gặp). Bài đăng có **một chi tiết không có trong bối cảnh**. Chép nguyên văn chi tiết đó (vài chữ, không
chép cả câu) vào ô trả lời rồi bấm **Lưu câu trả lời**. Gợi ý: `check_figures(bai_dang, boi_canh)` so từng con số."""),
        code("m2-bt-q4-doc", """
from course.prompting import ZALO_CONTEXT as boi_canh, ZALO_DRAFT as bai_dang, check_figures
print("BỐI CẢNH:", boi_canh, "\\n\\nBÀI ĐĂNG CỦA AI:", bai_dang, sep="\\n")""", **nbg("m2-bt-q4-doc", locked=True)),
        code("m2-bt-q4-answer", '''
chi_tiet_bia = text_answer("chi_tiet_bia", "Chi tiết AI bịa")
if not chi_tiet_bia:
    ### BEGIN SOLUTION
    chi_tiet_bia = "đến 16 giờ"
    ### END SOLUTION''', **nbg("m2-bt-q4-answer", solution=True)),
        code("m2-bt-q4-test", '''
assert chi_tiet_bia.strip(), "Bạn chưa trả lời Câu 4: chép chi tiết bịa vào ô chữ và bấm «Lưu câu trả lời»."
assert len(chi_tiet_bia.split()) <= 8, "Câu 4: chỉ chép chi tiết bịa (vài chữ), không chép cả câu."
### BEGIN HIDDEN TESTS
assert "16" in chi_tiet_bia, "Câu 4 chưa đúng: đối chiếu từng con số của bài đăng với bối cảnh."
### END HIDDEN TESTS''', **nbg("m2-bt-q4-test", grade=True, locked=True, points=2)),
        locked_md("m2-bt-q5", """
## Câu 5 (2 điểm) — Kiểm tra thông tin bịa trong giấy mời
Ô dưới mở công cụ **Kiểm tra thông tin bịa** với **ghi chú gốc** của một cán bộ và **giấy mời AI soạn** từ ghi chú
đó (nhóm biên soạn viết, mô phỏng lỗi hay gặp). Bấm **Kiểm tra thông tin bịa**: ngày, giờ, con số, tên, địa điểm,
căn cứ nào **không có trong ghi chú** bị tô đỏ. Sao chép giấy mời vào ô trả lời, **sửa hoặc xoá mọi chỗ tô đỏ**
(địa điểm lấy đúng theo ghi chú), giữ thời gian, địa điểm, người chủ trì, rồi bấm **Lưu câu trả lời**."""),
        code("m2-bt-q5-doc", """
from course.documents.exercises import MEETING_NOTES as ghi_chu, INVENTED_DRAFT as giay_moi_ai
faithfulness_widget(ghi_chu, giay_moi_ai)""", **nbg("m2-bt-q5-doc", locked=True)),
        code("m2-bt-q5-answer", f'''
giay_moi_khong_bia = text_answer("giay_moi_khong_bia", "Giấy mời đã sửa (không còn thông tin bịa)")
if not giay_moi_khong_bia:
    ### BEGIN SOLUTION
    giay_moi_khong_bia = """{FAITHFUL_DRAFT}"""
    ### END SOLUTION''', **nbg("m2-bt-q5-answer", solution=True)),
        code("m2-bt-q5-feedback", "verify(giay_moi_khong_bia or \"(chưa trả lời)\", ghi_chu)",
             **nbg("m2-bt-q5-feedback", locked=True)),
        code("m2-bt-q5-test-invented", '''
assert giay_moi_khong_bia.strip(), "Bạn chưa trả lời Câu 5: dán giấy mời đã sửa vào ô chữ và bấm «Lưu câu trả lời»."
bao_cao_bia = verify(giay_moi_khong_bia, ghi_chu)
assert bao_cao_bia.ok, "Giấy mời còn thông tin không có trong ghi chú:\\n" + bao_cao_bia.summary()''',
             **nbg("m2-bt-q5-test-invented", grade=True, locked=True, points=1)),
        code("m2-bt-q5-test-kept", '''
con_giu = {f.loai for f in verify(giay_moi_khong_bia, ghi_chu).facts}
for loai, ten in (("gio", "giờ họp"), ("ngay", "ngày họp"), ("dia_diem", "địa điểm")):
    assert loai in con_giu, f"Câu 5: đừng xoá {ten} — sửa cho đúng ghi chú thay vì bỏ đi."
### BEGIN HIDDEN TESTS
assert "Lê Văn Cường" in giay_moi_khong_bia, "Câu 5: giữ người chủ trì như ghi chú."
assert "phòng họp" in giay_moi_khong_bia.lower(), "Câu 5: địa điểm phải là phòng họp UBND phường như ghi chú."
### END HIDDEN TESTS''', **nbg("m2-bt-q5-test-kept", grade=True, locked=True, points=1)),
        locked_md("m2-bt-selfcheck-intro", """
## Tự kiểm tra
Chạy ô dưới để xem cả năm câu còn thiếu gì trước khi nộp bài (ô này không chấm điểm)."""),
        code("m2-bt-selfcheck", """
print(score_prompt(cau_lenh).summary())
print("Dữ liệu cá nhân còn lại:", ", ".join(f.label for f in find_pii(yeu_cau_da_che)) or "không còn")
print(check_text(van_ban_da_sua).summary() if van_ban_da_sua.strip() else "Câu 3: chưa có văn bản đã sửa.")
print("Câu 4:", f"đã trả lời «{chi_tiet_bia}»" if chi_tiet_bia.strip() else "chưa trả lời.")
print("Câu 5:", verify(giay_moi_khong_bia, ghi_chu).summary() if giay_moi_khong_bia.strip() else "chưa trả lời.")""",
             **nbg("m2-bt-selfcheck", locked=True)),
        locked_md("m2-bt-summary", """
## Tóm tắt
- Câu lệnh tốt có vai trò, bối cảnh, nhiệm vụ, định dạng, ví dụ, ràng buộc — và không chứa dữ liệu cá nhân.
- Máy thay họ tên, số CCCD, hộ chiếu, điện thoại, email… bằng nhãn và chặn dữ liệu sức khoẻ, tiền án — nhưng có
  thể sót, nên bạn vẫn tự đọc lại.
- Thể thức văn bản theo Nghị định 30/2020/NĐ-CP, Phụ lục I: máy kiểm tra chỉ ra lỗi, cách sửa và căn cứ.
- Mọi ngày, giờ, con số, tên, địa điểm, căn cứ trong bản nháp AI phải có trong ghi chú gốc: công cụ «Kiểm tra thông
  tin bịa» tô đỏ chỗ không có, nhưng chỉ so các thông tin đó — câu chữ bịa (ví dụ «đã được cấp trên đồng ý») bạn
  vẫn tự đọc lại.

**Tiếp theo:** Học phần 3 — chuyển giọng nói thành văn bản và lập biên bản cuộc họp.

**Nguồn:** Nghị định 30/2020/NĐ-CP, Phụ lục I — https://vanban.chinhphu.vn; Luật Bảo vệ dữ liệu cá nhân số
91/2025/QH15 (hiệu lực từ ngày 01 tháng 01 năm 2026) — https://vbpl.vn."""),
    ]
    save(cells, HERE / "bai_tap/bai_tap.ipynb")


# ------------------------------------------------------------------------------------------ README

README_TEMPLATE = """# Học phần 2 — ChatGPT và Gemini hỗ trợ soạn thảo, tra cứu, truyền thông

Dùng chatbot để làm việc hành chính nhanh hơn mà vẫn **đúng thể thức** (Nghị định 30/2020/NĐ-CP), **đúng sự thật**
và **an toàn dữ liệu cá nhân**. Chạy được hoàn toàn ngoại tuyến (mô hình Qwen2.5-Coder 1.5B trên máy); có khoá
`OPENAI_API_KEY` / `GEMINI_API_KEY` thì cùng các ô lệnh dùng ChatGPT / Gemini.

## Nội dung

| Tệp | Dùng để |
|---|---|
| `bai_giang.ipynb` | Bài giảng (trang chiếu): ChatGPT, Gemini, tài khoản và chi phí, sáu phần của câu lệnh, kiểm tra câu trả lời, bảo mật, tra cứu |
| `thuc_hanh.ipynb` | Thực hành: phòng thí nghiệm câu lệnh (gửi, xem trả lời hiện dần, so sánh các mô hình, chấm câu lệnh, xuất câu trả lời ra Word đúng thể thức); soạn từ ghi chú (AI điền mẫu, máy viết và kiểm tra văn bản, hỏi lại khi thiếu; so sánh với trò chuyện tự do); soạn công văn, giấy mời, thông báo, báo cáo; tóm tắt, viết lại dễ hiểu, bài đăng fan page, tin nhắn nhóm Zalo, bài đọc loa truyền thanh, viết cho bà con dân tộc thiểu số, trả lời công dân, soát chính tả; bắt thời hạn bị bịa (`check_figures`) và kiểm tra thông tin bịa (ngày, giờ, tên, địa điểm, căn cứ) trong bản nháp của bất kỳ mô hình nào; mã gọi SDK `openai` và `google-genai` (ô thu gọn); tra cứu có nguồn |
| `bai_tap/bai_tap.ipynb` | Bài tập nbgrader: câu lệnh chấm theo thang điểm công bố, che dữ liệu cá nhân (chấm bằng `course.privacy`), sửa giấy mời cho đúng thể thức, tìm chi tiết AI bịa trong một bài đăng, sửa giấy mời AI soạn cho hết thông tin bịa bằng công cụ «Kiểm tra thông tin bịa» — chấm không gọi mô hình nào |
| `van_ban_mau/*.md` | Bản nháp 8 loại văn bản (công văn, thông báo, giấy mời, báo cáo, tờ trình, kế hoạch, quyết định, biên bản) |
| `van_ban_mau/thong_bao_loi.txt` | Một thông báo cố ý sai thể thức để luyện kiểm tra |
| `_build.py` | Tạo lại ba sổ tay (mã ô ổn định): `.venv/bin/python module2_chatgpt_gemini/_build.py` |

## Công cụ dòng lệnh

```bash
khoahoc doc check van_ban.docx            # kiểm tra thể thức; mã thoát 0 = đạt, 1 = có lỗi, 2 = không đọc được tệp
khoahoc doc check van_ban.txt --json      # JSON: file, kind, ok, format_checked, findings[element, rule, found, fix, citation]
khoahoc doc write --type cong-van module2_chatgpt_gemini/van_ban_mau/cong_van.md -o cong_van.docx
```

Bản nháp Markdown: phần đầu giữa hai dòng `---` gồm `loai`, `co_quan`, `co_quan_chu_quan`, `so`, `ky_hieu`,
`dia_danh`, `ngay` (2026-01-05 hoặc 05/01/2026), `trich_yeu`, `kinh_gui`, `noi_nhan` (danh sách `- …`), `luu`,
`quyen_han`, `chuc_vu`, `nguoi_ky`, `thu_ky`, `mo_dau`; phần sau là nội dung (đoạn cách nhau một dòng trống,
`# …` dòng in đậm canh giữa, `## …` tiêu đề mục).

Trong Python:

```python
from course.documents import Draft, write_docx, check_file, check_text
d = Draft(kind="bien-ban", issuer="ỦY BAN NHÂN DÂN PHƯỜNG AN BÌNH", subject="Cuộc họp giao ban",
          body=["Thời gian bắt đầu: …"], title="CHỦ TỌA", signer="Nguyễn Văn An",
          co_signers=[("THƯ KÝ", "Phạm Thị Dung")], cc=["Các thành viên dự họp"])
check_file(write_docx(d, "bien_ban.docx")).ok   # True
```

## Soạn từ ghi chú (có cấu trúc)

`course.documents.drafting.draft_from_notes(ghi_chú, loại)` và widget `drafting_widget()` (thực hành, mục 2b):
người học tả việc bằng lời của mình; mô hình **điền mẫu JSON** của loại văn bản (giấy mời, thông báo, công văn,
báo cáo ngắn, biên bản họp từ lời ghi, trả lời công dân, bài đăng Zalo/fanpage, thông báo loa truyền thanh).
Trên máy, llama.cpp biến lược đồ JSON thành ngữ pháp nên mô hình chỉ viết được JSON đúng mẫu; với ChatGPT dùng
`response_format` (json_schema, strict), với Gemini `response_mime_type` + `response_json_schema`; dữ liệu cá nhân
vẫn được che trước khi gửi. Máy đối chiếu giờ, ngày, địa điểm, họ tên với ghi chú (không có thì **hỏi lại**, ví dụ
«Thiếu thời gian họp», không bao giờ tự điền; thứ trong tuần sai với ngày thì bỏ ngày đó và hỏi lại), rồi tự viết
văn bản theo Nghị định 30/2020/NĐ-CP và chạy máy kiểm tra thể thức. Giờ và ngày lấy đúng như ghi chú và viết theo
lối văn bản hành chính («08 giờ 00, thứ Bảy, ngày 12 tháng 12 năm 2026»). Khi mô hình nhỏ bỏ trống một trường,
chép ví dụ mẫu hoặc lặp chữ, máy lấy giá trị từ chính câu chữ của ghi chú nếu ghi chú nói theo lối quen thuộc
(«mời X họp», «gửi X đề nghị», «trả lời ông X: …», «tại X», «chủ trì ông X») và ghi rõ lưu ý để bạn đọc lại;
không có thì hỏi lại. JSON hỏng: thử lại một lần rồi báo lỗi tiếng Việt. Widget đọc trước phần hướng dẫn của mẫu
vào mô hình trong lúc bạn gõ, nên lần bấm đầu không phải chờ đọc lại phần đó.

Bộ 65 việc của phường do nhóm viết (`course/documents/drafting_tasks.jsonl`, 8 loại, 9 việc cố ý thiếu thông tin)
và các phép chấm tự động (`course/documents/evaluation.py`): đúng các trường, qua máy kiểm tra, không có con số
ngoài ghi chú trong bản nháp, tiếng Việt có dấu. Đo bằng `benchmarks/drafting.py`:

{drafting_figures}

## Ứng dụng không cần viết mã

`khoahoc app prompt` (phòng thí nghiệm câu lệnh) và `khoahoc app van-ban` (dán văn bản hoặc tải tệp .docx lên để
kiểm tra thể thức) mở hai công cụ này dưới dạng trang web, dùng được trên điện thoại.

## Máy kiểm tra thể thức — các quy tắc

Mỗi lỗi ghi: thành phần, quy tắc, điều tìm thấy, cách sửa, căn cứ. Văn bản thuần (.txt, .md, dán vào ô) được
kiểm tra các quy tắc về chữ; tệp .docx kiểm tra thêm khổ giấy, lề, phông, cỡ chữ, kiểu chữ, đoạn văn.

{rules_table}

Tệp .doc (Word 97–2003), tệp .docx hỏng, tệp trống, tệp văn bản không phải UTF-8: báo lỗi tiếng Việt rõ ràng,
nói cách sửa (lưu lại thành .docx / UTF-8).

**Độ chính xác** trên bộ {n_docs} văn bản nhóm tự viết (`tests/test_documents_corpus.py`: 8 bản nháp mẫu ở dạng .docx và
văn bản thuần, văn bản gõ tay hai cột (cả .txt và .docx dùng phím Tab), văn bản dán từ chatbot, và mỗi quy tắc bị cố ý làm sai ít nhất một lần):
precision 1,000, recall 1,000 ({n_found} lỗi cần tìm, 0 báo nhầm, 0 bỏ sót). Bộ thử do chính người viết máy kiểm tra soạn,
nên con số này là mức sàn cho các lỗi đã biết, chưa phải độ chính xác trên văn bản thật của phường.

## Thang điểm câu lệnh (công bố trong bài tập)

{rubric}

Thang điểm dựa trên nhãn («Vai trò:», «Bối cảnh:»…) và từ gợi ý, nên máy chấm được công bằng, lặp lại được và
không cần AI; nhưng nó chấm **hình thức** câu lệnh, không chấm chất lượng câu trả lời.

## Che dữ liệu cá nhân trước khi gửi — đo được bao nhiêu

Trước khi câu hỏi rời máy, `course.privacy` thay họ tên, số CCCD/CMND, hộ chiếu, mã BHXH/BHYT, số thẻ, số tài khoản,
mã số thuế, điện thoại, email, biển số, ngày sinh, địa chỉ nhà, mã OTP/mật khẩu bằng nhãn như `[HO_TEN_1]`, rồi đặt lại
giá trị thật vào câu trả lời ngay trên máy bạn. Dữ liệu nhạy cảm gắn với một người (sức khoẻ, tiền án…) bị chặn
kèm lời giải thích theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15, hoặc được viết chung chung nếu bạn chọn như vậy.
Cán bộ giữ chức vụ được nêu theo chức vụ («Chủ tịch UBND phường Trần Văn Hùng») và tên đường mang tên người («đường
Tô Hiệu») được giữ nguyên.

**Cách đo.** Bộ câu `course/privacy/cases_ward.tsv` do nhóm viết theo việc thật của phường (thư mời, biên bản,
tin nhắn của người dân, dòng dán từ bảng tính; có dấu, không dấu, chữ in hoa, gõ sai), chia thành nhiều phần. Mỗi
phần mới do một người viết **chưa từng xem bộ lọc**, được lưu vào kho trước khi chạy và **đo đúng một lần**; sau đó
nhóm mới sửa bộ lọc theo những chỗ bị lọt — bằng cơ chế chung cho cả một họ cách viết, không vá từng câu — và phần
đó trở thành dữ liệu phát triển. Vì vậy con số trung thực là con số **lần đầu gặp** (cột «lọt ra»: số mục vẫn đến
máy chủ giả lập trên 127.0.0.1 qua `khoahoc chat --provider openai`):

| Phần (người viết thứ …) | Câu / mục cá nhân | Recall | Precision | Lọt ra | Số loại (trên 15) đạt 0,98 |
|---|---|---|---|---|---|
| X (1), Y (2) | 423 / 370; 369 / 352 | 0,870; 0,844 | 0,985; 0,990 | 40; 46 | — |
| Z (3) | 390 / 397 | 0,919 (bộ lọc trước khi viết lại: 0,874) | 0,981 | 22 | 9 |
| Q (4) | 602 / 697 | 0,950 | 0,978 | 26 | 7 |
| R (5) | 652 / 1.007 | 0,895 | 0,989 | 66 | 0 |
| S (6) | 625 / 799 | 0,930 | 0,988 | 44 | 2 |
| P (7) | 821 / 1.346 | 0,952 | 0,988 | 41 | 7 |
| N (8) | 1.026 / 1.498 | 0,967 | 0,992 | 42 | 8 |
| M (9) | 940 / 1.575 | 0,971 | 0,980 | 40 | 10 |
| L (10; câu theo khung, điền bằng máy) | 912 / 1.536 | 0,954 | 0,997 | 52 | 11 |
| K (11) | 903 / 1.323 | 0,980 | 0,989 | 20 | 10 |
| J (12) | 986 / 1.404 | **0,981** | **0,989** | 24 | 12 |

Phần J, mới nhất (đo ngày 08 tháng 12 năm 2026, commit 8beb712), recall / precision theo loại: địa chỉ 0,912 / 0,984;
dữ liệu nhạy cảm 0,908 / 0,881; họ tên 0,979 / 0,996; CMND 0,984 / 1,000; email 0,984 / 0,984; điện thoại 0,984 /
0,983; mã bí mật 0,985 / 1,000; tài khoản, ngày sinh 1,000 / 0,985; thẻ, CCCD, BHXH/BHYT, hộ chiếu, biển số, mã số thuế
1,000 / 1,000. Phần K (đo ngày 08 tháng 12 năm 2026, commit ded1fc9): địa chỉ 0,903 / 0,891;
dữ liệu nhạy cảm 0,953 / 0,937; điện thoại 0,968 / 1,000; mã bí mật 0,968 / 0,984; họ tên 0,973 / 0,995; ngày sinh, hộ
chiếu 0,984 / 1,000; tài khoản 1,000 / 0,984; thẻ, CCCD, CMND, email, BHXH/BHYT, biển số, mã số thuế 1,000 / 1,000.
Phần L (đo ngày 08 tháng 12 năm 2026, commit 4324aec): địa chỉ 0,871 / 1,000; họ tên
0,921 / 0,998; dữ liệu nhạy cảm 0,938 / 0,968; ngày sinh 0,969 / 1,000; CMND 0,984 / 1,000; mã bí mật 0,985 / 1,000;
điện thoại 1,000 / 0,984; tài khoản, thẻ, CCCD, email, BHXH/BHYT, hộ chiếu, biển số, mã số thuế 1,000 / 1,000. Phần L
được viết từ khoảng 150 khung câu điền bằng máy, nên một khung bị lọt là lọt nhiều lần (nhiều nhất: họ tên ngay sau
«của» và trước dấu hai chấm, «Số thẻ ATM của Đặng Văn Lợi: …» — nay đã sửa). Phần M trước đó: địa chỉ 0,991 / 0,963; tài
khoản 1,000 / 0,929; thẻ 1,000 / 1,000; CCCD 0,968 / 1,000; CMND 0,984 / 0,984; ngày sinh 0,922 / 0,937; email
1,000 / 0,954; BHXH/BHYT 0,984 / 1,000; họ tên 0,975 / 0,986; hộ chiếu 1,000 / 1,000; điện thoại 0,984 / 0,983; biển
số 0,984 / 1,000; mã bí mật 0,922 / 1,000; dữ liệu nhạy cảm 0,814 / 0,950; mã số thuế 1,000 / 0,969. **Mục tiêu
(0,98 cho từng loại) chưa đạt ở lần đầu gặp**: trên phần J còn địa chỉ, dữ liệu nhạy cảm, họ tên (recall chung 0,981, precision
0,989); trên phần K còn địa chỉ, dữ liệu nhạy cảm, điện thoại, mã bí mật, họ tên
(recall chung 0,980, precision 0,989); trên phần L còn địa chỉ, họ tên, dữ liệu nhạy cảm, ngày sinh; trên
phần M còn dữ liệu nhạy cảm, ngày sinh, mã bí mật, CCCD, họ tên. Mỗi người viết mới vẫn
mang đến những cách viết bộ lọc chưa gặp, nhiều nhất là điều nhạy cảm nói bằng lời thường và ngày sinh không có chữ
«sinh». Trên các phần đã thành dữ liệu phát triển, bộ lọc đạt recall 0,978–1,000 và precision 0,987–1,000 từng phần;
trên 12.410 dòng văn bản luật và câu hỏi pháp luật bình thường chỉ có 8 chỗ bị che (4 tên người ký văn bản, 4 cụm
từ nhạy cảm) — `benchmarks/privacy.py --ordinary`. Thời gian: khoảng 11 ms cho một câu hỏi 2.000 ký tự (đo ngày 08 tháng
12 năm 2026; mục tiêu ≤ 20 ms; `benchmarks/privacy.py`). Bộ lọc hoạt động theo hướng **«che, trừ khi rõ là dữ liệu bình thường»**: mọi dãy
9–19 chữ số viết cách nào cũng vậy (cách, chấm, gạch, từng ô, bằng chữ, lẫn chữ với số) bị che trừ số tiền, năm, mã
thủ tục, số văn bản, đường dây nóng của cơ quan; địa chỉ là chuỗi địa danh gắn với một người; điều nhạy cảm nhận
theo cấu trúc («động từ + loại», tên bệnh, án, quan điểm chính trị, dân tộc…) khi câu nêu tên hoặc chỉ rõ một người;
họ tên theo cấu trúc tên Việt và tên dân tộc thiểu số, có hay không có dấu, chữ in hoa. Lịch sử từng vòng ở đầu
mỗi phần trong `cases_ward.tsv`. Bài học vẫn vậy: **bạn tự bỏ dữ liệu cá nhân trước khi dán**, bộ lọc chỉ là lớp bảo
vệ thứ hai.

Trên các câu của phần X, thư viện `vipii` 0.2.1 (bộ nhận dạng kiểu Presidio cho tiếng Việt) đạt recall 0,246 / precision
0,883; `presidio-analyzer` với các bộ nhận dạng mặc định (không có mô hình spaCy tiếng Việt) đạt 0,154 / 0,744; mô hình nhận dạng tên của `underthesea` 9.5 (chạy trên máy) tìm được 0,800 số họ tên với precision 0,653. Khoá
học vì thế dùng quy tắc của mình, không dùng hai thư viện này. Đo lại: `python -m course.privacy.evaluation --slices M` (hay bất kỳ phần nào; so với thư viện: `--slices X --compare`,
cần `pip install -e '.[compare]'`), `python benchmarks/privacy_wire.py --slice M`, `python benchmarks/privacy.py`.

## Tra cứu thông tin

`course.prompting.lookup.look_up(câu_hỏi)`: có khoá Gemini → tìm với Google Search (đối chiếu nguồn); có khoá OpenAI →
công cụ `web_search` của Responses API; hai cách đều trả danh sách nguồn để mở ra kiểm tra. Câu hỏi được che dữ liệu
cá nhân trước khi gửi. Không có khoá → mô hình trên máy trả lời theo trí nhớ, kèm bài học vì sao nó không thể biết
tin mới (ví dụ chính quyền địa phương hai cấp từ ngày 01 tháng 7 năm 2025) và các cổng thông tin chính thống để
kiểm tra.

## English summary

Module 2 of the course kit: lecture, practice and nbgrader assignment notebooks on using ChatGPT and Gemini for
ward administration. Engine code lives in `course/documents/` (a Nghị định 30/2020/NĐ-CP checker for .docx and plain
text, a .docx writer for eight document types, `khoahoc doc check|write`, a checker widget) and `course/prompting/`
(six-part prompt anatomy, a deterministic prompt rubric, the ipywidgets prompt lab with streaming and side-by-side
comparison, web-search look-ups via Gemini grounding / OpenAI `web_search`). Tests: `tests/test_documents*.py`,
`tests/test_prompting.py`, `tests/test_module2_notebooks.py`.

**Nguồn:** Nghị định 30/2020/NĐ-CP, Phụ lục I và Phụ lục III — https://vanban.chinhphu.vn; Luật Bảo vệ dữ liệu cá
nhân số 91/2025/QH15 (thay cho Nghị định 13/2023/NĐ-CP từ ngày 01 tháng 01 năm 2026);
https://ai.google.dev/gemini-api/docs/google-search; https://platform.openai.com/docs/guides/tools-web-search.
"""
N_DOCS, N_FOUND = 86, 64  # figures printed by `python tests/test_documents_corpus.py`
# printed by benchmarks/drafting.py (see its JSON; the machine was shared, so times are upper bounds)
FREE_QWEN = ("0/16 (lúc chạy 1/16: một câu từ chối lịch sự «không có khả năng tạo nội dung», phép chấm nay tính là "
             "từ chối; các bài khác lặp lại ghi chú, thiếu dạng văn bản, thêm con số không có trong ghi chú)")
TIMING = """`--timing-only`, 2 luồng, `nice`, giữ khoá `/tmp/cpu.lock` nhưng máy vẫn quá tải bởi các
phiên khác (tải 6–8): chữ đầu tiên sau 74 s khi phần hướng dẫn của mẫu chưa có trong bộ nhớ đệm, 10,6 s khi widget đã
đọc trước phần đó (`warm_up`, mất 42 s trong lúc người học gõ), 9,8 s với giấy mời thứ hai; cả giấy mời 558 s / 503 s /
374 s (113 token: trên máy quá tải này, 2 luồng chờ nhau nên sinh chữ rất chậm). Mục tiêu «chữ đầu ≤ 1,5 s, giấy mời
≤ 30 s trên 2 nhân» **chưa đạt** ở đây; cần đo lại trên máy rảnh."""
DRAFTING_FIGURES = """
Đo ngày 07 tháng 12 năm 2026 trên máy 2 nhân **dùng chung** với nhiều phiên làm việc khác (tải trung bình 7–10),
chạy với `nice`. **Cả bộ 65 việc**, một lần chạy mới với mã cuối cùng. Điền mẫu với Qwen2.5-Coder 1.5B:
`benchmarks/drafting.py --threads 1 --arms structured:qwen2.5-coder-1.5b --tasks … --details …` (hai nửa chạy cùng
lúc, mỗi nửa 1 luồng; việc đầu tiên chạy với 2 luồng trước khi chia đôi vì máy quá tải). Trò chuyện tự do với
Gemma 3 270M: `benchmarks/drafting.py --threads 1 --arms free:gemma-3-270m --details …`.

| Loại văn bản | Điền mẫu, Qwen2.5-Coder 1.5B | Tự do, Gemma 3 270M |
|---|---|---|
| Giấy mời | 9/9 | 0/9 |
| Thông báo | 6/8 | 0/8 |
| Công văn | 8/8 | 0/8 |
| Báo cáo ngắn | 7/8 | 0/8 |
| Biên bản họp | 7/8 | 0/8 |
| Trả lời công dân | 8/8 | 0/8 |
| Bài đăng Zalo/fanpage | 8/8 | 0/8 |
| Thông báo loa | 8/8 | 0/8 |
| **Cả bộ** | **61/65 (0,94)** | **0/65 (0)** |

Mục tiêu 0,90 **đạt** trên bộ này. Phép chấm xét bản nháp người học nhận được: trong 3 việc, mô hình tự thêm một con
số không có trong ghi chú (năm thành lập, giờ kết thúc họp); máy bỏ câu hoặc giá trị đó và ghi lưu ý, nên bản nháp
không có con số bịa. Nếu tính cả những lần đó là trượt thì đạt 59/65 (0,91). Các quy tắc lấy giá trị từ ghi chú được
viết trong lúc xem lỗi của chính bộ 65 việc này (không có bộ việc riêng để kiểm chứng), nên với ghi chú mới, tỉ lệ có
thể thấp hơn. Lỗi còn lại: lời văn không dấu khi ghi chú viết không dấu (mô hình chép lại ghi chú, 3 việc); nội dung
một thông báo không nói việc chính (tạm dừng cấp nước chỉ có ở trích yếu). 64/65 câu trả lời của mô hình giống hệt lần
chạy trước (cùng lời nhắc); từ 58/65 lên 61/65 là nhờ máy lấy nội dung công văn từ ghi chú khi ghi chú không nêu nơi
nhận, và phép chấm xét bản nháp thay vì giá trị thô của mô hình. Gemma 3 270M trò chuyện tự do: lặp lại ghi chú hoặc
chính câu yêu cầu, quá ngắn, thiếu giờ, ngày, không thành văn bản (lúc chạy một bài loa «đạt» vì chỉ chép lại câu yêu
cầu; phép chấm nay không tính chữ của câu yêu cầu là chữ mới). Qwen2.5-Coder 1.5B trò chuyện tự do không chạy cả bộ
(máy quá tải): 16 việc (2 việc đầu mỗi loại, `--per-type 2 --arms free:qwen2.5-coder-1.5b`) đạt {free_qwen}.

Thời gian một giấy mời với Qwen2.5-Coder 1.5B: {timing}
Bộ nhớ thêm khi nạp và chạy mô hình: khoảng 1,97 GB (Gemma 3 270M: 0,34 GB), vừa máy 8 GB.
"""


def readme() -> None:
    from course.documents import RULES

    rows = "\n".join(f"| {r.element}{' (.docx)' if r.docx_only else ''} | {r.text} | {r.citation} |"
                     for r in RULES.values())
    table = "| Thành phần | Quy tắc | Căn cứ |\n|---|---|---|\n" + rows
    text = README_TEMPLATE.format(rules_table=table, rubric=rubric_table(), n_docs=N_DOCS, n_found=N_FOUND,
                                  drafting_figures=DRAFTING_FIGURES.strip().format(free_qwen=FREE_QWEN,
                                                                                   timing=TIMING))
    write_text(HERE / "README.md", text)


if __name__ == "__main__":
    lecture()
    practice()
    assignment()
    readme()
    print("Đã tạo bai_giang.ipynb, thuc_hanh.ipynb, bai_tap/bai_tap.ipynb, README.md")
