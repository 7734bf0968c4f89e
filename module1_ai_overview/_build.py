"""Build the module 1 notebooks (stable cell ids and metadata). Run: .venv/bin/python module1_ai_overview/_build.py"""

from __future__ import annotations

from pathlib import Path

import nbformat

from course.notebook_builder import SHORT_PLAN_NOTE, code, mark_short_plan, md, save

HERE = Path(__file__).resolve().parent


SOURCES = """**Nguồn của các con số và ngày tháng trong bài** (danh sách đầy đủ: `docs/so_dang_ky_su_kien.csv`):
- Bài báo «Hơn 200 cán bộ nòng cốt chuyển đổi số tại phường Mộc Châu tham gia tập huấn AI», ngày 08 tháng 8 năm 2025
  (hội nghị do UBND phường Mộc Châu và Công ty Cổ phần IGB Media tổ chức; nhắc Nghị quyết 57-NQ/TW ngày 22 tháng 12
  năm 2024 và Kế hoạch số 142/KH-UBND của tỉnh Sơn La).
- Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15: Quốc hội thông qua ngày 26 tháng 6 năm 2025, hiệu lực từ ngày 01 tháng
  01 năm 2026 — từ ngày đó là văn bản chính về dữ liệu cá nhân, thay cho Nghị định 13/2023/NĐ-CP (văn bản cũ, đã được
  thay thế).
- Luật Bảo vệ bí mật nhà nước số 117/2025/QH15: Quốc hội thông qua ngày 10 tháng 12 năm 2025, hiệu lực từ ngày 01
  tháng 3 năm 2026, thay Luật Bảo vệ bí mật nhà nước số 29/2018/QH14; ba độ mật: Tuyệt mật, Tối mật, Mật
  (giới thiệu văn bản trên Cổng Phổ biến, giáo dục pháp luật: https://pbgdpl.gov.vn).
- Luật Trí tuệ nhân tạo số 134/2025/QH15: Quốc hội thông qua ngày 10 tháng 12 năm 2025, hiệu lực từ ngày 01 tháng 3
  năm 2026. Luật Công nghiệp công nghệ số số 71/2025/QH15: Quốc hội thông qua ngày 14 tháng 6 năm 2025, hiệu lực từ
  ngày 01 tháng 01 năm 2026 (Chương IV về trí tuệ nhân tạo).
- Nghị quyết số 202/2025/QH15 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh, ngày 12 tháng 6 năm 2025: cả
  nước còn 34 đơn vị hành chính cấp tỉnh (28 tỉnh, 6 thành phố); các tỉnh, thành phố mới hoạt động từ ngày 01 tháng 7
  năm 2025.
- Đối chiếu văn bản gốc tại Cơ sở dữ liệu quốc gia về văn bản pháp luật: https://vbpl.vn"""


# ------------------------------------------------------------------------------------------ lecture
def lecture() -> None:
    cells = [
        md("m1-bg-title", """
# Bài giảng 1 — Tổng quan về AI và ứng dụng trong hành chính
AI là gì, nó viết ra câu trả lời thế nào, nó sai ở đâu, và cán bộ phường được đưa gì cho nó.""", "slide"),
        md("m1-bg-goals", """
**Mục tiêu** — sau buổi này, bạn:
1. Giải thích được bằng lời thường: AI, học máy, AI tạo sinh, mô hình ngôn ngữ lớn.
2. Kể được những việc ở phường mà AI đã giúp được.
3. Nhận ra bốn giới hạn: bịa, kiến thức cũ, thiên lệch, yếu với tiếng địa phương và tiếng dân tộc.
4. Biết thông tin nào được đưa, phải ẩn, hay không bao giờ được đưa lên AI công cộng.

**Thời lượng:** 45 phút trình chiếu + 10 phút hỏi đáp.
**Chuẩn bị:** máy chiếu; chạy ô cài đặt bên dưới trước giờ học (không cần Internet).""", "subslide"),
        code("m1-bg-setup", "from course.explain import nextword, tokens\nfrom course.privacy import redact\nfrom course.ui import setup\n\nsetup()",
             "skip"),
        md("m1-bg-story", """
## Mở đầu: Mộc Châu, ngày 08 tháng 8 năm 2025
- Hơn **200 cán bộ** phường Mộc Châu dự hội nghị tập huấn về trí tuệ nhân tạo.
- Bốn chuyên đề: tổng quan AI · ChatGPT, Gemini · chuyển giọng nói thành văn bản · tra cứu pháp luật bằng AI.
- Khoá học này đi đúng bốn chuyên đề đó, mỗi chuyên đề là một học phần — và chạy được cả khi mất Internet.""", "slide"),
        md("m1-bg-story-quote", """
> «Nếu cán bộ cấp cơ sở không được trang bị kiến thức nền tảng về công nghệ, đặc biệt là AI — thì quá trình chuyển đổi
> số sẽ không thể đi vào thực chất.» — Bà Nguyễn Thị Hoa, Chủ tịch UBND phường Mộc Châu""", "fragment"),
        md("m1-bg-story-notes", """
Ghi chú giảng viên: hỏi lớp ai đã từng dùng ChatGPT, Gemini hoặc Zalo AI; ai đã từng thấy nó trả lời sai. Nguồn: bài
báo ngày 08 tháng 8 năm 2025 về hội nghị ở Mộc Châu (xem mục Nguồn cuối bài).""", "notes"),
        md("m1-bg-ai", """
## AI là gì?
**Trí tuệ nhân tạo (AI)**: máy làm được những việc trước đây cần con người suy nghĩ —
nhận ra chữ viết tay, nghe giọng nói, phân loại đơn thư, viết nháp văn bản.""", "slide"),
        md("m1-bg-ai-frag", """
- AI **không** hiểu như người: nó tìm quy luật trong dữ liệu.
- AI **không** chịu trách nhiệm: người ký văn bản mới chịu trách nhiệm.""", "fragment"),
        md("m1-bg-ml", """
## Học máy: học từ ví dụ
- Cách cũ: người viết sẵn từng quy tắc («có chữ *sổ đỏ* → chuyển địa chính»).
- Học máy: đưa cho máy **hàng trăm phản ánh đã được xếp đúng lĩnh vực**; máy tự rút ra quy luật.
- Càng nhiều ví dụ đúng → máy càng đoán tốt. Ví dụ sai → máy học sai.""", "slide"),
        md("m1-bg-ml-notes", """
Ghi chú giảng viên: trong bài thực hành, học viên tự huấn luyện một bộ phân loại trên 168 phản ánh do nhóm biên soạn
viết, và thấy độ chính xác tăng khi thêm ví dụ, giảm khi gán nhãn sai.""", "notes"),
        md("m1-bg-genai", """
## AI tạo sinh và mô hình ngôn ngữ lớn (LLM)
- **AI tạo sinh**: AI *viết ra* nội dung mới — văn bản, hình ảnh, giọng nói.
- **Mô hình ngôn ngữ lớn** (ChatGPT, Gemini…): đã đọc rất nhiều văn bản, và chỉ làm một việc:
  **đoán từ tiếp theo**, rồi lặp lại.
- Mỗi «từ» thật ra là một **token** (mẩu chữ). Tiếng Việt có dấu thường bị cắt thành nhiều token hơn tiếng Anh.""", "slide"),
        code("m1-bg-tokens", 'tokens.show_counts("Đề nghị phường xuống đo đạc lại ranh giới đất nhà tôi.",\n'
                             '                  "Please ask the ward to re-measure the boundary of my land.")', "fragment"),
        md("m1-bg-tokens-notes", """
Ghi chú giảng viên: bảng đếm token của cùng một câu — tiếng Việt có dấu, không dấu, tiếng Anh — theo bộ tách token của
Gemma, GPT-4o và GPT-4 (chạy trên máy, không cần mạng). Dịch vụ AI tính tiền theo token: câu tiếng Việt thường đắt hơn.""",
           "notes"),
        md("m1-bg-demo-text", """
## Xem tận mắt: mô hình đoán từ tiếp theo
Ô dưới đây hỏi mô hình nhỏ chạy ngay trên máy (Gemma 3 270M): sau «Thủ đô của Việt Nam là», từ nào dễ đến nhất?""",
           "slide"),
        code("m1-bg-demo", 'nextword.show_top_next("Thủ đô của Việt Nam là")', "fragment"),
        md("m1-bg-demo-notes", """
Ghi chú giảng viên: chỉ vào các cột — mô hình không «biết» đáp án, nó chỉ xếp hạng các mẩu chữ. Với máy yếu, ô này
mất vài giây. Nếu lỗi, bỏ qua: phần thực hành có đủ ví dụ.""", "notes"),
        md("m1-bg-uses", """
## AI đã giúp được gì ở phường?
| Việc | AI giúp | Học ở |
|---|---|---|
| Dịch vụ công, trả lời câu hỏi thủ tục | viết nháp câu trả lời dễ hiểu | Học phần 2 |
| Phân loại phản ánh, kiến nghị | gợi ý lĩnh vực, bộ phận xử lý | Thực hành 1 |
| Soạn thảo văn bản | nháp thông báo, báo cáo, đúng thể thức | Học phần 2 |
| Biên bản họp | giọng nói → văn bản | Học phần 3 |
| Tra cứu pháp luật | tìm điều luật, kèm trích dẫn | Học phần 4 |""", "slide"),
        md("m1-bg-limits", """
## Giới hạn 1: AI «bịa» (ảo giác)
- Mô hình luôn viết ra *một* câu trả lời nghe hợp lý — kể cả khi nó không biết.
- Số hiệu văn bản, ngày tháng, tên người là chỗ hay bịa nhất.
- **Quy tắc:** mọi con số, mọi trích dẫn phải đối chiếu với văn bản gốc.""", "slide"),
        md("m1-bg-limits-notes", """
Ghi chú giảng viên: trong thực hành, học viên hỏi mô hình nhỏ «Ai là Chủ tịch UBND phường Mộc Châu?» — nó bịa ra
một cái tên rất tự tin. Đừng che lỗi này: đó là bài học chính.""", "notes"),
        md("m1-bg-outdated", """
## Giới hạn 2: kiến thức cũ
- Mô hình chỉ biết những gì có trong dữ liệu lúc nó được huấn luyện.
- Ví dụ: theo Nghị quyết số 202/2025/QH15, từ ngày 01 tháng 7 năm 2025 cả nước còn **34** đơn vị hành chính cấp
  tỉnh — mô hình cũ vẫn nói 63.
- Văn bản pháp luật thay đổi liên tục: luôn kiểm tra tình trạng hiệu lực.""", "slide"),
        md("m1-bg-bias", """
## Giới hạn 3: thiên lệch
- Dữ liệu học chủ yếu từ thành phố lớn và tiếng Anh → câu trả lời có thể không hợp với vùng cao.
- Máy học theo dữ liệu cũ nên có thể lặp lại định kiến (về giới, dân tộc, nghề nghiệp).
- **Quy tắc:** người cán bộ xem lại trước khi dùng, nhất là khi nói về một nhóm người.""", "slide"),
        md("m1-bg-languages", """
## Giới hạn 4: tiếng địa phương và tiếng dân tộc thiểu số
- Ở Sơn La, bà con nói tiếng Thái, Mông, Mường, Dao, Khơ Mú, Xinh Mun…; AI gần như không hiểu các tiếng này.
- Giọng địa phương, gõ không dấu, viết tắt → AI dễ hiểu sai.
- **Quy tắc:** với người dân tộc, AI chỉ hỗ trợ cán bộ; không thay người phiên dịch, không thay việc gặp trực tiếp.""",
           "slide"),
        md("m1-bg-languages-ethnic", """
**Tiếng Thái và tiếng H'Mông ở Sơn La: AI làm được gì, chưa làm được gì**
- **Chưa làm được:** dịch đáng tin sang tiếng Thái, tiếng H'Mông; nghe và chép lời hai tiếng này. Khoá học cũng không
  có mô hình nào cho hai tiếng này, nên không có ô trình diễn nào ở đây.
- **Dễ nhầm:** ngôn ngữ «Hmong» trong Google Dịch là tiếng Hmông viết theo bộ chữ dùng ở Mỹ, Lào — không phải chữ
  H'Mông theo chuẩn Việt Nam; câu dịch ra bà con ở Sơn La có thể đọc không được hoặc hiểu sai.
- **Làm được:** viết lại thông báo bằng tiếng Việt **thật ngắn, câu đơn, từ quen thuộc** — để cán bộ, người có uy tín
  ở bản đọc hoặc dịch miệng cho bà con (xem bài mẫu «Viết cho bà con dân tộc thiểu số» ở Học phần 2).
- **Quy tắc:** bản dịch sang tiếng dân tộc phải có người thạo tiếng đó đọc lại; không có người kiểm tra thì không dùng.""",
           "fragment"),
        md("m1-bg-data", """
## Quy tắc 1: dữ liệu cá nhân
- **Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15**, hiệu lực từ ngày 01 tháng 01 năm 2026: quy định đang áp dụng.
  (Nghị định 13/2023/NĐ-CP là văn bản cũ, đã được Luật này thay thế.)
- Họ tên, số căn cước, số điện thoại, địa chỉ, số tài khoản… của người dân **không** gửi nguyên văn lên AI công cộng.
- Cách làm: thay bằng ký hiệu trước khi gửi, điền lại sau.""", "slide"),
        code("m1-bg-redact", 'redact("Ông Lò Văn Pánh, CCCD 014085001234, SĐT 0912 345 678 đề nghị đo lại đất.").text',
             "fragment"),
        md("m1-bg-data-notes", """
Ghi chú giảng viên: ô trên chạy trên máy, không gửi gì đi. Chỉ cho lớp thấy số căn cước và số điện thoại đã thành
[CCCD_1], [SDT_1]. Nhấn mạnh: bỏ tên chưa chắc đã đủ — ở bản nhỏ, một chi tiết cũng đủ nhận ra người.""", "notes"),
        md("m1-bg-secret", """
## Quy tắc 2: bí mật nhà nước — không bao giờ
- Bí mật nhà nước có ba độ mật: **Tuyệt mật, Tối mật, Mật**. Tài liệu mang độ mật **không bao giờ** dán vào
  ChatGPT, Gemini hay bất kỳ chatbot công cộng nào — kể cả đã xoá tên.
- Căn cứ: **Luật Bảo vệ bí mật nhà nước số 117/2025/QH15** (hiệu lực từ ngày 01 tháng 3 năm 2026, thay Luật số
  29/2018/QH14); luật mới cấm cả việc dùng trí tuệ nhân tạo để xâm phạm bí mật nhà nước.
- «Lưu hành nội bộ» **không phải** một độ mật: tài liệu chỉ ghi như vậy, hay hồ sơ chưa công bố, không phải bí mật
  nhà nước — nhưng cũng không đưa lên AI công cộng: quy chế của cơ quan và luật về dữ liệu cá nhân vẫn áp dụng.
- Khi nghi ngờ: hỏi lãnh đạo trước, không hỏi AI trước.""", "slide"),
        md("m1-bg-ai-law", """
## Khung pháp lý về AI (cập nhật năm 2026)
| Văn bản | Hiệu lực | Điều cán bộ phường cần nhớ |
|---|---|---|
| Luật Trí tuệ nhân tạo số 134/2025/QH15 | từ ngày 01 tháng 3 năm 2026 | AI phục vụ con người, không thay thẩm quyền và trách nhiệm của người quyết định; người dùng phải biết mình đang làm việc với AI; âm thanh, hình ảnh, video do AI tạo ra phải có dấu hiệu nhận biết |
| Luật Công nghiệp công nghệ số số 71/2025/QH15 | từ ngày 01 tháng 01 năm 2026 | có một chương riêng về trí tuệ nhân tạo (Chương IV) |
| Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 | từ ngày 01 tháng 01 năm 2026 | dữ liệu của người dân: ẩn trước khi gửi lên AI công cộng |
| Luật Bảo vệ bí mật nhà nước số 117/2025/QH15 | từ ngày 01 tháng 3 năm 2026 | cấm dùng AI để xâm phạm bí mật nhà nước |""", "slide"),
        md("m1-bg-ai-law-notes", """
Ghi chú giảng viên: ở phường, hệ quả thiết thực là (1) văn bản do AI nháp vẫn do người ký chịu trách nhiệm; (2) ảnh,
âm thanh, video do AI tạo mà đăng lên trang của phường thì nên ghi rõ «do AI tạo»; (3) trước khi trích dẫn, mở
https://vbpl.vn xem văn bản còn hiệu lực và có văn bản hợp nhất mới hơn không — luật về công nghệ thay đổi nhanh.""",
           "notes"),
        md("m1-bg-checklist", """
## Ba câu hỏi trước khi gửi cho AI
1. Có thông tin cá nhân của ai không? → **ẩn danh** trước.
2. Có phải tài liệu mật (Tuyệt mật, Tối mật, Mật) hay tài liệu nội bộ không? → **không được** gửi.
3. Tôi có kiểm chứng được câu trả lời không? → nếu không, **đừng dùng**.""", "slide"),
        md("m1-bg-policy", """
## Bối cảnh chính sách
- **Nghị quyết 57-NQ/TW ngày 22 tháng 12 năm 2024** về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi
  số quốc gia đến năm 2030, tầm nhìn đến năm 2045.
- Tỉnh Sơn La: **Kế hoạch số 142/KH-UBND** nhấn mạnh chuyển đổi số ở cấp cơ sở.
- Hội nghị ở Mộc Châu là một bước triển khai cụ thể.""", "slide"),
        md("m1-bg-selfcheck", """
## Tự kiểm tra
1. Mô hình ngôn ngữ viết câu trả lời bằng cách nào?
2. Vì sao một câu trả lời rất tự tin vẫn có thể sai?
3. Đơn có số căn cước của người dân: được gửi, phải ẩn, hay không được?

<details><summary>Gợi ý đáp án</summary>

1. Đoán từng token tiếp theo theo xác suất. 2. Mô hình luôn viết ra câu trả lời, kể cả khi không biết (ảo giác).
3. Phải ẩn danh trước khi gửi lên AI công cộng.
</details>""", "slide"),
        md("m1-bg-summary", f"""
## Tóm tắt
- AI học quy luật từ dữ liệu; mô hình ngôn ngữ đoán từ tiếp theo.
- AI giúp viết nháp, phân loại, ghi biên bản, tra cứu — người cán bộ vẫn kiểm tra và chịu trách nhiệm.
- Bốn giới hạn: bịa, kiến thức cũ, thiên lệch, yếu với tiếng địa phương và tiếng dân tộc.
- Dữ liệu cá nhân: ẩn trước khi gửi. Bí mật nhà nước: không bao giờ.

## Tiếp theo
Mở **thuc_hanh.ipynb**: tự xem token, tự bấm chọn từ tiếp theo, bắt mô hình «bịa», huấn luyện một bộ phân loại phản
ánh, và tập phân loại yêu cầu an toàn. Sau đó làm **bai_tap/bai_tap.ipynb**.

{SOURCES}""", "slide"),
    ]
    cells.insert(2, md("m1-bg-mot-ngay", SHORT_PLAN_NOTE, "notes"))
    mark_short_plan(cells, {"m1-bg-ai", "m1-bg-ai-law", "m1-bg-checklist", "m1-bg-data", "m1-bg-demo-text", "m1-bg-genai", "m1-bg-languages", "m1-bg-limits", "m1-bg-outdated", "m1-bg-secret", "m1-bg-story"})
    save(cells, HERE / "bai_giang.ipynb", title="Bài giảng 1 — Tổng quan về AI", rise=True)


# ----------------------------------------------------------------------------------------- practice
def practice() -> None:
    cells = [
        md("m1-th-title", """
# Thực hành 1 — Nhìn vào bên trong một mô hình AI
Tự tay xem AI cắt chữ, đoán từ, bịa thông tin, học từ ví dụ — và tập quyết định điều gì được đưa cho AI.

**Mục tiêu**
1. Thấy tiếng Việt bị cắt thành token thế nào, vì sao tốn token hơn tiếng Anh.
2. Thấy mô hình chọn từ tiếp theo theo xác suất; hiểu «nhiệt độ».
3. Bắt gặp mô hình bịa câu trả lời và biết cách kiểm chứng.
4. Huấn luyện một bộ phân loại phản ánh kiến nghị và thấy dữ liệu tốt quan trọng thế nào.
5. Phân loại yêu cầu: được dùng AI công cộng, cần ẩn danh, hay không được.

**Thời lượng:** 60 phút. **Chuẩn bị:** chỉ cần bấm Shift+Enter lần lượt từng ô; không cần Internet.""", ),
        md("m1-th-setup-text", "Chạy ô cài đặt. Dòng hiện ra cho biết máy đang dùng AI nào."),
        code("m1-th-setup", "from course.explain import classifier, hallucination, nextword, safety, tokens\n"
                            "from course.ui import setup\nfrom course.widgets import chat_box\n\nsetup()"),
        md("m1-th-tokens-text", """
## 1. Token: AI đọc chữ theo từng mẩu
Ô dưới đây hiện một câu được cắt thành token, mỗi token một màu, theo ba bộ tách token: của Gemma (mô hình trên máy),
của GPT-4o và của GPT-4. Hãy sửa câu trong ô chữ rồi bấm **Tách token**. Dấu «·» là dấu cách; «�» là một chữ có dấu
bị cắt làm đôi."""),
        code("m1-th-tokens", "tokens.token_view()"),
        md("m1-th-counts-text", """
Cùng một ý, viết tiếng Việt có dấu, không dấu và tiếng Anh thì tốn bao nhiêu token? Dịch vụ AI tính tiền và giới hạn độ
dài theo token, nên đây cũng là chuyện chi phí. Hãy đổi hai câu trong ô rồi chạy lại."""),
        code("m1-th-counts", 'tokens.show_counts("Đề nghị phường xuống đo đạc lại ranh giới đất nhà tôi ở tiểu khu 4.",\n'
                             '                  "Please ask the ward to re-measure the boundary of my land in block 4.")'),
        md("m1-th-next-text", """
## 2. Đoán từ tiếp theo
Mô hình chỉ làm một việc: đoán token tiếp theo. Ô dưới đây hiện 10 token nó cho là dễ đến nhất, kèm xác suất thật.
- Bấm một nút để **chọn** token đó và viết tiếp.
- Kéo thanh **Nhiệt độ** rồi bấm **Cho máy chọn 10 lần**: với mô hình trên máy này, nhiệt độ 0 thì lần nào cũng
  như nhau; nhiệt độ cao thì máy chọn liều hơn — đó là lý do hỏi hai lần, AI trả lời hai kiểu.
- ChatGPT, Gemini chạy trên máy chủ của hãng: ngay cả ở nhiệt độ 0, hỏi lại vẫn **có thể** ra câu trả lời hơi khác."""),
        code("m1-th-next", 'nextword.next_word_explorer("Ủy ban nhân dân phường Mộc Châu thông báo")'),
        md("m1-th-halluc-text", """
## 3. Khi AI «bịa»
Ô dưới đây hỏi mô hình vài câu về Việt Nam và về Mộc Châu, rồi so với đáp án đã kiểm chứng có ghi nguồn. Mô hình nhỏ
trên máy sẽ trả lời rất tự tin — và thường sai. Mô hình lớn (ChatGPT, Gemini) sai ít hơn nhưng **vẫn sai**, nhất là
với số hiệu văn bản, ngày tháng, tên người và chuyện mới xảy ra. (Chờ khoảng một phút.)"""),
        code("m1-th-halluc", "hallucination.hallucination_demo()"),
        md("m1-th-verify", """
**Cách kiểm chứng:** (1) hỏi AI nguồn cụ thể; (2) mở văn bản gốc trên https://vbpl.vn hoặc cổng thông tin của cơ quan
ban hành; (3) không thấy nguồn thì coi như chưa biết. Học phần 4 dạy cách để AI trả lời *kèm trích dẫn* từ văn bản
thật."""),
        md("m1-th-chat-text", """
Tự hỏi AI một câu mà bạn biết chắc đáp án (về phường, về thủ tục quen thuộc). Câu trả lời hiện ra dần từng chữ —
đúng như cách mô hình viết từng token. Dòng chữ xám dưới câu trả lời cho biết mô hình nào đã trả lời."""),
        code("m1-th-chat", "chat_box(max_tokens=80)"),
        md("m1-th-data-text", """
## 4. Máy học từ ví dụ: phân loại phản ánh kiến nghị
Nhóm biên soạn đã viết 168 phản ánh của người dân (có cả tin gõ không dấu), mỗi tin đã gán lĩnh vực xử lý. Xem thử
năm tin:"""),
        code("m1-th-data", 'du_lieu = classifier.load_feedback("data/phan_anh_kien_nghi.csv")\ndu_lieu.sample(5, random_state=1).style.hide(axis="index")'),
        md("m1-th-train-text", """
Máy học trên 70% số tin, rồi thử đoán lĩnh vực của 30% tin còn lại mà nó chưa từng thấy. Bảng màu cho biết nó hay nhầm
lĩnh vực nào với lĩnh vực nào (đường chéo đậm là đoán đúng)."""),
        code("m1-th-train", "ket_qua = classifier.train(du_lieu)\nclassifier.show_confusion(ket_qua)"),
        md("m1-th-curve-text", """
Thêm ví dụ có giúp không? Và nếu gán nhãn cẩu thả thì sao? Ô dưới đây huấn luyện lại nhiều lần với số ví dụ tăng dần,
một lần với nhãn đúng, một lần với 30% nhãn cố ý gán sai."""),
        code("m1-th-curve", "classifier.show_learning_curve(du_lieu)"),
        md("m1-th-try-text", "Gõ một phản ánh mới (có dấu hay không dấu đều được) rồi bấm nút để máy đoán lĩnh vực."),
        code("m1-th-try", "classifier.try_classifier(ket_qua.model)"),
        md("m1-th-safety-text", """
## 5. Được đưa cho AI không?
Với mỗi yêu cầu, chọn: **được dùng AI công cộng**, **cần ẩn danh**, hay **không được**. Bấm **Xem đáp án** để so với
giảng viên và xem bộ lọc `course.privacy` sẽ ẩn những gì. Cuối cùng, dán thử một yêu cầu của chính bạn."""),
        code("m1-th-safety", "safety.safety_sorter()"),
        md("m1-th-selfcheck", """
## Tự kiểm tra
1. Câu tiếng Việt có dấu tốn nhiều token hơn hay ít hơn bản tiếng Anh với bộ tách token GPT-4?
2. Muốn mô hình trên máy trả lời lần nào cũng giống nhau, chọn nhiệt độ bao nhiêu? ChatGPT có chắc như vậy không?
3. Khi gán sai 30% nhãn, độ chính xác của bộ phân loại thay đổi thế nào?
4. Đơn có số tài khoản ngân hàng của người dân thuộc nhóm nào?

<details><summary>Gợi ý đáp án</summary>

1. Nhiều hơn. 2. Nhiệt độ 0; ChatGPT, Gemini ở nhiệt độ 0 vẫn có thể trả lời hơi khác nhau. 3. Giảm rõ rệt.
4. Cần ẩn danh.
</details>"""),
        md("m1-th-summary", f"""
## Tóm tắt
- Token là đơn vị AI đọc và tính tiền; tiếng Việt có dấu thường tốn hơn.
- Mô hình đoán từ tiếp theo theo xác suất; nhiệt độ điều khiển độ «liều».
- AI bịa rất tự tin: mọi con số, tên, số hiệu văn bản phải kiểm chứng.
- Máy học tốt khi có nhiều ví dụ và nhãn đúng.
- Dữ liệu cá nhân phải ẩn; tài liệu mật không bao giờ đưa lên AI công cộng.

## Tiếp theo
Làm **bai_tap/bai_tap.ipynb** (bài tập chấm điểm). Học phần 2: dùng ChatGPT, Gemini để soạn thảo văn bản.

Bộ dữ liệu `data/phan_anh_kien_nghi.csv` do nhóm biên soạn khoá học tự viết (không phải phản ánh thật của người dân).
Mô hình trên máy: Gemma 3 270M, theo Điều khoản sử dụng Gemma của Google.

{SOURCES}"""),
    ]
    cells.insert(1, md("m1-th-mot-ngay", SHORT_PLAN_NOTE))
    mark_short_plan(cells, {"m1-th-halluc-text", "m1-th-safety-text"})
    save(cells, HERE / "thuc_hanh.ipynb", title="Thực hành 1 — Nhìn vào bên trong một mô hình AI")


# --------------------------------------------------------------------------------------- assignment
LINH_VUC = ["địa chính", "tư pháp-hộ tịch", "văn hoá-xã hội", "công an", "môi trường", "xây dựng-giao thông"]
PHAN_ANH_MOI = [
    ("Nhà tôi bị mất trộm hai con dê ở bãi chăn thả, đề nghị công an điều tra.", "công an"),
    ("Xin hỏi thủ tục đăng ký kết hôn lại sau khi đã ly hôn.", "tư pháp-hộ tịch"),
    ("Cống nước thải khu chợ bốc mùi, ruồi muỗi rất nhiều.", "môi trường"),
    ("De nghi do lai ranh gioi thua dat giua nha toi va nha hang xom.", "địa chính"),
    ("Đường vào bản bị sạt lở sau mưa, xe máy không đi qua được.", "xây dựng-giao thông"),
]
TF = "TRUE_FALSE"
# (number, question markdown, options: "ABCD" | TF | list, answer, hint shown when wrong)
QUESTIONS = [
    (1, "Mô hình ngôn ngữ lớn (như ChatGPT, Gemini) viết ra câu trả lời bằng cách nào?\n\n"
        "- **A.** Tra cứu trong cơ sở dữ liệu văn bản pháp luật chính thức\n"
        "- **B.** Đoán từng token tiếp theo theo xác suất đã học từ rất nhiều văn bản\n"
        "- **C.** Gửi câu hỏi cho chuyên gia trả lời trực tuyến\n"
        "- **D.** Chép nguyên văn một trang web", "ABCD", "B",
     "Xem lại mục «AI tạo sinh và mô hình ngôn ngữ lớn» trong bài giảng."),
    (2, "**Đúng hay sai?** Câu trả lời của chatbot nghe càng tự tin thì càng chắc chắn đúng.", TF, "Sai",
     "Nhớ lại phần «Khi AI bịa» trong bài thực hành."),
    (3, "Học máy (machine learning) là gì?\n\n"
        "- **A.** Máy tự rút ra quy luật từ nhiều ví dụ đã có sẵn\n"
        "- **B.** Người lập trình viết sẵn từng quy tắc cho máy\n"
        "- **C.** Máy tính chạy nhanh hơn nhờ linh kiện mới\n"
        "- **D.** Máy tính được nối mạng Internet", "ABCD", "A",
     "Xem lại mục «Học máy: học từ ví dụ»."),
    (4, "Việc nào dưới đây là một ví dụ về AI tạo sinh?\n\n"
        "- **A.** Máy tính bỏ túi cộng trừ số tiền\n"
        "- **B.** Bảng tính tự cộng tổng một cột\n"
        "- **C.** Chatbot viết bản nháp thông báo lịch tiêm chủng\n"
        "- **D.** Máy photocopy sao một văn bản", "ABCD", "C",
     "AI tạo sinh là AI viết ra nội dung mới."),
    (5, "**Đúng hay sai?** Được dán tài liệu mật vào chatbot công cộng nếu đã xoá hết tên người trong đó.", TF, "Sai",
     "Xem lại «Quy tắc 2: bí mật nhà nước»."),
    (6, "Bạn cần nhờ AI công cộng tóm tắt một lá đơn có họ tên, số căn cước và số điện thoại của người dân. "
        "Cần làm gì?\n\n"
        "- **A.** Gửi nguyên văn cho nhanh\n"
        "- **B.** Chụp ảnh lá đơn rồi gửi ảnh\n"
        "- **C.** Nhờ người dân tự gửi lên chatbot\n"
        "- **D.** Thay các thông tin cá nhân bằng ký hiệu rồi mới gửi", "ABCD", "D",
     "Xem lại «Quy tắc 1: dữ liệu cá nhân»."),
    (7, "Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 có hiệu lực từ ngày nào?\n\n"
        "- **A.** 01/7/2023\n- **B.** 26/6/2025\n- **C.** 01/01/2026\n- **D.** 22/12/2024", "ABCD", "C",
     "Xem mục «Nguồn» cuối bài giảng: ngày thông qua khác ngày có hiệu lực."),
    (8, "**Đúng hay sai?** Một mô hình AI học xong từ năm 2024 có thể không biết việc sắp xếp đơn vị hành chính cấp "
        "tỉnh năm 2025.", TF, "Đúng", "Xem lại «Giới hạn 2: kiến thức cũ»."),
    (9, "Vì sao cùng một ý, câu tiếng Việt có dấu thường tốn nhiều token hơn câu tiếng Anh với bộ tách token của GPT-4?\n\n"
        "- **A.** Vì tiếng Việt luôn có nhiều từ hơn\n"
        "- **B.** Vì bộ tách token học chủ yếu từ văn bản tiếng Anh nên chữ có dấu hay bị cắt nhỏ\n"
        "- **C.** Vì máy tính xử lý tiếng Việt chậm hơn\n"
        "- **D.** Vì tiếng Việt không có dấu cách", "ABCD", "B",
     "Chạy lại bước 1 của bài thực hành và nhìn các mẩu «�»."),
    (10, "Trong bài thực hành phân loại phản ánh, điều gì giúp máy đoán đúng hơn?\n\n"
         "- **A.** Thêm nhiều ví dụ có nhãn đúng\n"
         "- **B.** Bớt ví dụ cho máy đỡ rối\n"
         "- **C.** Gán nhãn ngẫu nhiên cho nhanh\n"
         "- **D.** Viết hoa toàn bộ phản ánh", "ABCD", "A",
     "Xem lại biểu đồ «Càng nhiều ví dụ đúng, máy càng đoán tốt»."),
    (11, "Với mô hình nhỏ chạy trên máy của khoá học, nhiệt độ (temperature) bằng bao nhiêu thì nó **luôn** chọn "
         "token có xác suất cao nhất, nên hỏi lại bao nhiêu lần cũng ra đúng một câu trả lời?",
     ["0", "0.7", "1", "1.5"], "0",
     "Thử kéo thanh «Nhiệt độ» ở bước 2 của bài thực hành."),
]
MODEL_ESSAY = ("Việc AI giúp được: soạn nháp thông báo lịch tiếp công dân hoặc trả lời người dân về thủ tục khai "
               "sinh, vì đó là thông tin công khai; tôi vẫn đọc lại và đối chiếu văn bản gốc trước khi gửi. Việc không "
               "được đưa lên AI công cộng: công văn mật của công an, vì đó là bí mật nhà nước, lộ ra có thể gây hại; "
               "đơn có số căn cước của người dân thì phải ẩn danh trước.")


def _answer_cell(num: int, options: object, answer: str) -> nbformat.NotebookNode:
    name = f"cau_{num}"
    if options == TF:
        call = f'true_false("{name}")'
    elif options == "ABCD":
        call = f'choice_question("{name}", "ABCD")'
    else:
        call = f"choice_question(\"{name}\", {options!r})"
    src = (f"{name} = {call}   # bấm chọn ở khung hiện ra bên dưới\n"
           f"if {name} is None:\n"
           f"    ### BEGIN SOLUTION\n"
           f"    {name} = {answer!r}\n"
           f"    ### END SOLUTION")
    return code(f"m1-bt-cau{num}", src.replace("'", '"'), nbgrader={
        "grade": False, "grade_id": name, "locked": False, "schema_version": 3, "solution": True, "task": False})


def _test_cell(num: int, options: object, answer: str, hint: str) -> nbformat.NotebookNode:
    name = f"cau_{num}"
    if options == TF:
        allowed, shown = '("Đúng", "Sai")', "«Đúng» hoặc «Sai»"
    elif options == "ABCD":
        allowed, shown = '("A", "B", "C", "D")', "A, B, C hoặc D"
    else:
        allowed, shown = repr(tuple(options)).replace("'", '"'), ", ".join(options)
    src = (f'assert {name} in {allowed}, "Câu {num}: hãy chọn một đáp án ({shown})."\n'
           f"### BEGIN HIDDEN TESTS\n"
           f'assert {name} == "{answer}", "Câu {num} chưa đúng. {hint}"\n'
           f"### END HIDDEN TESTS")
    return code(f"m1-bt-test{num}", src, nbgrader={
        "grade": True, "grade_id": f"kiem_tra_cau_{num}", "locked": True, "points": 1, "schema_version": 3,
        "solution": False, "task": False})


def assignment() -> None:
    ro = {"grade": False, "locked": True, "schema_version": 3, "solution": False, "task": False}
    labels = [label for _, label in PHAN_ANH_MOI]
    cells = [
        md("m1-bt-title", """
# Bài tập 1 — Tổng quan về AI (có chấm điểm)
Kiểm tra những điều cốt lõi của học phần 1: AI là gì, nó sai ở đâu, và điều gì được đưa cho nó.

**Mục tiêu:** trả lời 11 câu trắc nghiệm, gán lĩnh vực cho 5 phản ánh mới, viết một đoạn ngắn.
**Thời lượng:** 30 phút. **Điểm:** 11 câu × 1 điểm + gán nhãn 2 điểm + tự luận 3 điểm (giảng viên chấm) = 16 điểm.
**Chuẩn bị:** học xong bài giảng và bài thực hành 1.

**Cách làm:** chạy lần lượt từng ô (Shift+Enter). Ở mỗi câu, bấm chọn đáp án trong khung hiện ra — câu trả lời được
lưu ngay vào biến của câu đó (ví dụ `cau_1`) và vào tệp `cau_tra_loi.json` cạnh bài, nên mở lại bài vẫn còn. Nếu một ô
nhắc «Câu này chưa có câu trả lời», chỉ cần bấm chọn đáp án trong khung: không phải sửa hay xoá dòng lệnh nào.
Cuối bài có nút **Tự kiểm tra**.""",
           nbgrader={**ro, "grade_id": "gioi_thieu"}),
        code("m1-bt-setup", "from course.ui import setup\n"
                            "from course.widgets import TRUE_FALSE, choice_question, label_task, true_false\n\nsetup()",
             nbgrader={**ro, "grade_id": "cai_dat"}),
        md("m1-bt-part1", "## Phần 1 — Trắc nghiệm (11 câu)"),
    ]
    for num, question, options, answer, hint in QUESTIONS:
        cells.append(md(f"m1-bt-q{num}", f"### Câu {num}\n{question}"))
        cells.append(_answer_cell(num, options, answer))
        cells.append(_test_cell(num, options, answer, hint))
    data_src = ("# Dữ liệu cho phần 2 — không cần sửa ô này\n"
                f"LINH_VUC = {LINH_VUC!r}\n"
                "PHAN_ANH_MOI = [\n" + "".join(f"    {t!r},\n" for t, _ in PHAN_ANH_MOI) + "]").replace("'", '"')
    cells += [
        md("m1-bt-part2", """
## Phần 2 — Gán lĩnh vực cho 5 phản ánh mới (2 điểm)
Bạn làm việc mà bộ phân loại ở bài thực hành đã học: đọc từng phản ánh và chọn lĩnh vực xử lý trong danh sách.
Cần đúng ít nhất 4/5 tin."""),
        code("m1-bt-data", data_src, nbgrader={**ro, "grade_id": "du_lieu_phan_2"}),
        code("m1-bt-nhan", ("nhan_5_phan_anh = label_task(\"nhan_5_phan_anh\", PHAN_ANH_MOI, LINH_VUC)\n"
                            "if None in nhan_5_phan_anh:\n"
                            "    ### BEGIN SOLUTION\n"
                            f"    nhan_5_phan_anh = {labels!r}\n"
                            "    ### END SOLUTION").replace("'", '"'),
             nbgrader={"grade": False, "grade_id": "nhan_5_phan_anh", "locked": False, "schema_version": 3,
                       "solution": True, "task": False}),
        code("m1-bt-test-nhan", (
            'assert isinstance(nhan_5_phan_anh, list) and len(nhan_5_phan_anh) == 5, '
            '"Phần 2: cần chọn lĩnh vực cho đủ 5 phản ánh."\n'
            'assert all(n in LINH_VUC for n in nhan_5_phan_anh), '
            '"Phần 2: mỗi lựa chọn phải là một lĩnh vực trong danh sách LINH_VUC."\n'
            "### BEGIN HIDDEN TESTS\n"
            f"_dung = sum(a == b for a, b in zip(nhan_5_phan_anh, {labels!r}, strict=False))\n"
            'assert _dung >= 4, f"Phần 2: mới đúng {_dung}/5 phản ánh. Hãy tìm từ khoá chính của từng tin '
            '(mất trộm → công an, kết hôn → tư pháp-hộ tịch, ranh giới đất → địa chính…)."\n'
            "### END HIDDEN TESTS").replace("'", '"'),
             nbgrader={"grade": True, "grade_id": "kiem_tra_nhan_5_phan_anh", "locked": True, "points": 2,
                       "schema_version": 3, "solution": False, "task": False}),
        md("m1-bt-part3", """
## Phần 3 — Tự luận (3 điểm, giảng viên chấm)
Chọn **một việc** trong công việc hằng ngày mà AI có thể giúp bạn, và **một việc** tuyệt đối không được đưa lên
AI công cộng. Giải thích vì sao (ít nhất 30 từ).

Bấm đúp vào ô chữ ngay dưới đây, xoá dòng «VIẾT CÂU TRẢ LỜI CỦA BẠN Ở ĐÂY», gõ câu trả lời, rồi bấm Shift+Enter và
lưu bài (Ctrl+S)."""),
        md("m1-bt-tuluan", MODEL_ESSAY, nbgrader={"grade": True, "grade_id": "cau_tu_luan", "locked": False,
                                                   "points": 3, "schema_version": 3, "solution": True,
                                                   "task": False}),
        md("m1-bt-selfcheck", """
## Tự kiểm tra
Bấm nút dưới đây bất cứ lúc nào: nó cho biết câu nào chưa trả lời hoặc trả lời chưa đúng dạng. Nút **không** cho biết
đáp án đúng — điểm được chấm sau khi nộp bài."""),
        code("m1-bt-selfcheck-run", (
            "from course.widgets import Rule, list_of, notebook_answer_min_words, one_of, self_check\n\n"
            'self_check([Rule(f"cau_{i}", f"Câu {i}", one_of(TRUE_FALSE if i in (2, 5, 8) else "ABCD")) for i in range(1, 11)]\n'
            '           + [Rule("cau_11", "Câu 11", one_of(["0", "0.7", "1", "1.5"])),\n'
            '              Rule("nhan_5_phan_anh", "Phần 2", list_of(LINH_VUC, 5)),\n'
            '              Rule("", "Phần 3", notebook_answer_min_words("cau_tu_luan", 30))])'),
             nbgrader={**ro, "grade_id": "tu_kiem_tra"}),
        md("m1-bt-summary", """
## Tóm tắt
Bài này kiểm tra: cách mô hình ngôn ngữ viết câu trả lời, các giới hạn của AI, quy tắc về dữ liệu cá nhân và bí mật
nhà nước, và ý nghĩa của dữ liệu tốt khi máy học.

## Tiếp theo
Nộp bài theo hướng dẫn của giảng viên (tệp `cau_tra_loi.json` được nộp cùng bài). Học phần 2: dùng ChatGPT, Gemini
hỗ trợ soạn thảo văn bản.

**Nguồn:** Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 (thông qua ngày 26 tháng 6 năm 2025, hiệu lực từ ngày 01 tháng
01 năm 2026); Luật Bảo vệ bí mật nhà nước số 117/2025/QH15 (hiệu lực từ ngày 01 tháng 3 năm 2026, thay Luật số
29/2018/QH14); Nghị quyết số 202/2025/QH15 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh (ngày 12 tháng 6
năm 2025). Đối chiếu tại https://vbpl.vn"""),
    ]
    save(cells, HERE / "bai_tap/bai_tap.ipynb", title="Bài tập 1 — Tổng quan về AI")


if __name__ == "__main__":
    lecture()
    practice()
    assignment()
