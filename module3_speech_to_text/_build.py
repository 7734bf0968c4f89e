"""Build the module 3 notebooks (stable cell ids and metadata). Run: .venv/bin/python module3_speech_to_text/_build.py"""

from __future__ import annotations

from pathlib import Path

from course.notebook_builder import SHORT_PLAN_NOTE, code, grade_meta, mark_short_plan, md, save

HERE = Path(__file__).resolve().parent
SETUP = "from course import speech\nfrom course.speech import show_diff, transcribe\nfrom course.ui import setup\n\nsetup()"

# An example: what the local model (Whisper base, int8, beam 5, VAD, ward hint) produced for the assignment
# clip bai_tap/ghi_am_bai_tap.wav on the team's machine. Model kernels differ by CPU, so a learner's laptop
# may hear other words: the notebook says it is an example, and tests bound the live transcript instead.
AUTO_TRANSCRIPT = "Tổ dân phố sâu hay tổ chức tổng về sinh bình lạnh của sống."

# Real voices, measured by `benchmarks/asr.py --real` (240 Common Voice vi clips, CC0; module README has the table).
REAL = {"clips": 240, "speakers": 128, "wer": "0,58", "wrong_in_10": "6", "page_words": 400, "page_wrong": "230",
        "marked_wrong": "76–78 %", "unmarked_wrong": "36–39 %"}

SOURCES = """**Nguồn:**
- A. Radford và cộng sự (2022), *Robust Speech Recognition via Large-Scale Weak Supervision* (mô hình Whisper,
  680.000 giờ âm thanh): https://arxiv.org/abs/2212.04356 — mô hình dùng ở đây: Whisper base (giấy phép MIT),
  chạy bằng faster-whisper: https://github.com/SYSTRAN/faster-whisper
- Cách tính WER/CER: thư viện jiwer, https://github.com/jitsi/jiwer
- Bộ luật Dân sự số 91/2015/QH13, Điều 38 (quyền về đời sống riêng tư, bí mật cá nhân);
  Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15, hiệu lực từ ngày 01 tháng 01 năm 2026 (thay cho Nghị định
  13/2023/NĐ-CP, văn bản cũ đã được thay thế) — tra tại https://vbpl.vn
- Âm thanh của học phần: nhóm tự tổng hợp bằng espeak-ng (https://github.com/espeak-ng/espeak-ng), không phải giọng người thật."""


def lecture() -> None:
    cells = [
        md("m3-bg-title", """
# Bài giảng 3 — Chuyển giọng nói thành văn bản («Chuột thông minh»)
Máy «nghe» tiếng Việt thế nào, khi nào nghe sai, và giữ bí mật cho bản ghi âm ra sao.""", "slide"),
        md("m3-bg-goals", """
**Mục tiêu**
1. Hiểu các bước máy nhận dạng giọng nói: âm thanh → phổ tần → mô hình → chữ.
2. Biết độ chính xác phụ thuộc giọng vùng miền, tiếng ồn, tốc độ nói.
3. Đo độ chính xác bằng WER/CER.
4. Nhận ra «ảo giác» của mô hình khi im lặng.
5. Biết khi nào bản ghi âm được phép gửi lên mạng.

**Thời lượng:** 40 phút. **Chuẩn bị:** chạy ô thiết lập bên dưới (không cần mạng, không cần micro).""", "subslide"),
        code("m3-bg-setup", SETUP, "skip"),
        md("m3-bg-how", """
## Máy nghe như thế nào
1. **Thu âm**: micro biến tiếng nói thành dãy số (16.000 số mỗi giây).
2. **Phổ tần**: máy chia âm thanh thành khung 25 mili giây, đo năng lượng theo từng tần số.
3. **Mô hình** (Whisper): đọc phổ tần, **đoán lần lượt từng chữ** — giống mô hình ngôn ngữ ở bài 1.
4. **Hậu xử lý**: dấu câu, mốc thời gian, bỏ đoạn im lặng.""", "slide"),
        md("m3-bg-how-notes", "Nhấn mạnh: mô hình đoán chữ có xác suất cao nhất; khi không nghe rõ, nó vẫn đoán "
           "một câu «nghe hợp lý». Đó là gốc của lỗi và ảo giác.", "notes"),
        md("m3-bg-spec-intro", "Đây là «bức ảnh» âm thanh mà mô hình thực sự nhìn thấy. Vùng sáng là chỗ có tiếng nói:",
           "subslide"),
        code("m3-bg-spec", 'speech.plot_sound("audio/tiep_cong_dan.wav");', "fragment"),
        md("m3-bg-demo-intro", """
## Thử ngay: chép lời một câu
Câu mẫu do máy tổng hợp giọng (espeak-ng) đọc — **giọng rất «máy»**, khó hơn giọng người thật.
Mô hình trên máy là Whisper **base** (nhỏ, chạy không cần mạng).""", "slide"),
        code("m3-bg-demo", 'ket_qua = transcribe("audio/tiep_cong_dan.wav")\nket_qua', "fragment"),
        md("m3-bg-diff-intro", "So với câu đúng: màu cam là nghe nhầm, đỏ là thiếu, xanh là thừa.", "subslide"),
        code("m3-bg-diff", 'show_diff(speech.reference_for("audio/tiep_cong_dan.wav"), ket_qua.text);', "fragment"),
        md("m3-bg-wer", """
## Đo độ chính xác: WER và CER
- **WER** (tỉ lệ lỗi từ) = (từ bị thay + từ bị thiếu + từ bị thừa) ÷ số từ của câu đúng.
- **CER**: như WER nhưng đếm theo **ký tự** — công bằng hơn với tiếng Việt (một chữ sai dấu vẫn «gần đúng»).
- Trước khi so, máy **chuẩn hoá** hai bên: chữ thường, bỏ dấu câu, «5» = «năm», «UBND» = «ủy ban nhân dân»,
  «hoà» = «hòa».
- WER 0,10 nghĩa là cứ 10 từ thì sai khoảng 1 từ.""", "slide"),
        md("m3-bg-acc-intro", """
## Độ chính xác phụ thuộc vào đâu
Cùng một mô hình, ba đoạn ghi: giọng Bắc rõ; cùng câu đó **có tiếng ồn**; **giọng Nam** (máy tổng hợp).
Xem cột WER/CER:""", "slide"),
        code("m3-bg-acc", 'speech.accuracy_table(["audio/tiep_cong_dan.wav", "audio/tiep_cong_dan_on.wav",\n'
             '                       "audio/hop_to_dan_pho.wav"])', "fragment"),
        md("m3-bg-acc-notes", "Kết quả thật của Whisper base trên giọng espeak-ng: CER khoảng 0,2 với giọng Bắc rõ, "
           "tăng mạnh khi có ồn; giọng Nam tổng hợp có thể không nhận ra gì. Mô hình đám mây (gpt-4o-transcribe, "
           "Gemini) chính xác hơn nhiều — đây là bản trình diễn ngoại tuyến.", "notes"),
        md("m3-bg-acc-lesson", """
**Rút ra:** nói rõ, chậm, gần micro, phòng yên tĩnh; mô hình nhỏ trên máy chỉ để **minh hoạ** —
muốn dùng thật cần mô hình lớn hơn. Luôn **đọc lại và sửa** trước khi dùng bản chép.""", "fragment"),
        md("m3-bg-real", f"""
## Trên giọng người thật
Nhóm biên soạn đo mô hình trên máy (Whisper base) với {REAL['clips']} đoạn ghi âm **giọng người thật**
(Common Voice tiếng Việt: {REAL['speakers']} người đọc, micro điện thoại và máy tính):
- sai khoảng **{REAL['wrong_in_10']} từ trên 10 từ** (WER ≈ {REAL['wer']});
- một trang biên bản khoảng {REAL['page_words']} từ thì khoảng **{REAL['page_wrong']} từ phải sửa**: bản chép chỉ là bản nháp,
  phải nghe lại toàn bộ;
- những từ **tô vàng** là chỗ máy không chắc: ở đó sai {REAL['marked_wrong']} số từ, chỗ không tô sai {REAL['unmarked_wrong']} —
  sửa chỗ tô vàng trước, nhưng chỗ không tô vẫn phải đọc lại.

**Khi nào dùng dịch vụ trên mạng** (OpenAI, Gemini — mô hình lớn hơn nhiều): khi cần bản chép chính xác, nội dung
công khai, **không** có dữ liệu cá nhân hay bí mật, và lãnh đạo cho phép. Khoá học không có khoá để tự đo các dịch
vụ này: hãy đo trên giọng của mình bằng công cụ WER (Thực hành, mục 1b).""", "slide"),
        md("m3-bg-mouse", """
## «Chuột thông minh» và các cách gõ bằng giọng nói khác
«Chuột thông minh» là con chuột máy tính có nút micro: bấm giữ nút, nói, chữ hiện ra ở chỗ con trỏ.

| Cách | Cần gì | Âm thanh đi đâu | Chi phí |
|---|---|---|---|
| Chuột thông minh | chuột và phần mềm đi kèm | nếu cần Internet để gõ: lên máy chủ của hãng phần mềm | mua thiết bị |
| Bàn phím giọng nói trên điện thoại (Gboard…) | điện thoại | thường lên máy chủ của hãng bàn phím | miễn phí |
| Whisper trên máy (khoá học này) | máy tính, không cần mạng | **không rời máy** | miễn phí; chậm và sai nhiều hơn |

- «Chính xác 98%» trên hộp là con số **nhà bán tự công bố**, đo trên giọng và phòng của họ.
- **Tự đo, đừng tin quảng cáo:** đọc cùng một đoạn mẫu bằng từng cách rồi tính WER (Thực hành 3, mục 1b).
- Dùng cách nào thì cũng **không đọc** số căn cước, thông tin mật vào công cụ gửi âm thanh lên mạng.""", "slide"),
        md("m3-bg-mouse-notes", """
Ghi chú giảng viên: hỏi lớp ai đang dùng chuột thông minh, loại nào, có cần mạng không. Nếu có một con chuột trong
hội trường, cho cả lớp đo WER của nó trên đoạn mẫu ở mục 1b, cạnh bàn phím điện thoại và Whisper trên máy. Không
nêu tên hãng: bài học là cách đo và câu hỏi «âm thanh đi đâu», không phải quảng cáo một sản phẩm.""", "notes"),
        md("m3-bg-halluc", """
## «Ảo giác» khi im lặng
Whisper học từ phụ đề video trên mạng. Gặp đoạn im lặng hay tiếng ồn, nó có thể «nghe» ra câu như
*«Hãy subscribe cho kênh Ghiền Mì Gõ để không bỏ lỡ những video hấp dẫn»* — câu chưa ai nói.
Khi thử nghiệm học phần này, chính đoạn «tiếp công dân» (đọc nhanh hơn) đã bị chép thành câu đó.
Bộ công cụ của khoá học **lọc bỏ** các câu kiểu này và báo cho bạn biết:""", "slide"),
        code("m3-bg-halluc-demo", 'speech.is_hallucination("Hãy subscribe cho kênh Ghiền Mì Gõ để không bỏ lỡ những video hấp dẫn")',
             "fragment"),
        md("m3-bg-silent-intro", "Với một tệp hoàn toàn im lặng, máy báo rõ thay vì bịa chữ:", "subslide"),
        code("m3-bg-silent", 'transcribe("audio/im_lang.wav")', "fragment", tags=["raises-exception"]),
        md("m3-bg-privacy", """
## Bí mật của bản ghi âm
- Bản ghi tiếp dân, họp dân chứa **họ tên, địa chỉ, số căn cước** đọc thành lời: đó là dữ liệu cá nhân
  (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15).
- Thu thập, sử dụng thông tin đời tư phải được người đó đồng ý (Bộ luật Dân sự 2015, Điều 38): **báo trước khi ghi âm**.
- **Trên máy** (mặc định của khoá học): âm thanh **không rời máy tính**.
- **OpenAI / Gemini**: âm thanh được **gửi lên máy chủ nước ngoài** — chỉ dùng khi bạn **chủ động chọn**,
  với nội dung không nhạy cảm.
- Xoá bản ghi khi đã xong việc.""", "slide"),
        md("m3-bg-privacy-notes", "Hỏi lớp: cuộc họp nào của phường có thể gửi lên mạng để chép lời? Cuộc nào không?",
           "notes"),
        md("m3-bg-check", """
## Tự kiểm tra
1. Vì sao CER thường «dễ chịu» hơn WER với tiếng Việt?
2. Câu «Hãy subscribe cho kênh…» xuất hiện trong bản chép họp phường nghĩa là gì?
3. Bản ghi tiếp công dân có số căn cước: bạn chọn chép lời ở đâu?

<details><summary>Gợi ý đáp án</summary>

1. Một từ sai một dấu tính là sai cả từ (WER), nhưng chỉ sai một ký tự (CER).
2. Mô hình «ảo giác» trên đoạn im lặng/ồn — không ai nói câu đó.
3. Trên máy (local); không gửi lên dịch vụ đám mây.
</details>""", "slide"),
        md("m3-bg-end", f"""
## Tóm tắt
- Máy nghe bằng cách đoán chữ từ phổ tần; nghe kém với giọng lạ, tiếng ồn, giọng máy.
- Đo bằng WER/CER sau khi chuẩn hoá; luôn đọc lại bản chép.
- Cảnh giác «ảo giác» khi im lặng; mặc định chép lời **trên máy** để giữ bí mật.

**Tiếp theo:** bài thực hành — gõ bằng giọng nói, tải tệp ghi âm lên, so sánh trên máy với đám mây,
đo WER, sửa bản chép và lập biên bản cuộc họp.

{SOURCES}""", "slide"),
    ]
    cells.insert(2, md("m3-bg-mot-ngay", SHORT_PLAN_NOTE, "notes"))
    mark_short_plan(cells, {"m3-bg-acc-intro", "m3-bg-demo-intro", "m3-bg-how", "m3-bg-mouse", "m3-bg-privacy"})
    save(cells, HERE / "bai_giang.ipynb", rise=True)


def practice() -> None:
    cells = [
        md("m3-th-title", """
# Thực hành 3 — Gõ bằng giọng nói và lập biên bản cuộc họp
Nói vào micro để ra chữ, chép lời một cuộc họp, đo độ chính xác, rồi lập biên bản (.docx).

**Mục tiêu**
1. Dùng được ô «gõ bằng giọng nói».
2. Chép lời một tệp ghi âm, xem theo mốc thời gian và phụ đề SRT.
3. So sánh chép lời trên máy với đám mây; đo WER trên mẫu có đáp án.
4. Sửa bản chép và lập biên bản cuộc họp đủ bảy phần.

**Thời lượng:** 60 phút. **Chuẩn bị:** micro (không bắt buộc — có sẵn tệp mẫu trong thư mục `audio/`).
Trình duyệt sẽ hỏi quyền dùng micro: chọn **Cho phép**.""", ),
        code("m3-th-setup", SETUP),
        md("m3-th-voice-intro", """
## 1. Gõ bằng giọng nói
Bấm **● Ghi âm**, nói một câu, bấm **■ Dừng**. Chữ sẽ được thêm vào ô bên dưới; bạn sửa trực tiếp được.
Nếu máy không có micro, ô thứ hai dùng một tệp mẫu thay cho giọng nói của bạn.""", ),
        code("m3-th-voice", "go = speech.VoiceTyping()\ngo"),
        md("m3-th-voice-file-intro", "Không có micro? Thêm lời của một tệp mẫu vào ô chữ ở trên:"),
        code("m3-th-voice-file", 'go.add_file("audio/khai_sinh.wav")\nprint(go.text)'),
        md("m3-th-compare-intro", """
### 1b. Tự đo: chuột thông minh, bàn phím điện thoại hay Whisper trên máy?
Đọc **đoạn mẫu** trong ô dưới bằng từng cách gõ bằng giọng nói bạn có (ô «Gõ bằng giọng nói» ở trên, bàn phím
giọng nói trên điện thoại, chuột thông minh nếu có), dán chữ mỗi cách gõ ra vào đúng chỗ trong ngoặc kép, rồi chạy
ô. WER càng nhỏ càng đúng; đo trên **giọng của chính bạn**, trong **phòng này** — không phải con số quảng cáo."""),
        code("m3-th-compare", '''DOAN_MAU = "Ủy ban nhân dân phường thông báo lịch tiếp công dân vào sáng thứ Năm hằng tuần."
ban_go = {"Whisper trên máy": "", "Bàn phím điện thoại": "", "Chuột thông minh": ""}
for cach, chu in ban_go.items():
    print(f"{cach}: WER = {speech.wer(DOAN_MAU, chu):.2f}" if chu.strip() else f"{cach}: chưa dán chữ")'''),
        md("m3-th-upload-intro", """
## 2. Chép lời một tệp ghi âm
Bấm **⬆ Tải tệp ghi âm lên** (wav, mp3, m4a, ogg, webm từ điện thoại) hoặc ghi âm trực tiếp.
Nếu bạn chưa tải gì, ô sau dùng tệp mẫu «cuộc họp» (khoảng 40 giây, nhiều «người» nói).""", ),
        code("m3-th-upload", "may_ghi = speech.Recorder()\nmay_ghi"),
        md("m3-th-run-intro", "Chép lời (thanh tiến trình hiện khi tệp dài; bấm nút ■ (dừng) trên thanh công cụ để dừng — phần đã chép được giữ lại):"),
        code("m3-th-run", 'hop = transcribe(may_ghi.audio_or("audio/cuoc_hop.ogg"))\nhop'),
        md("m3-th-table-intro", "Xem lời đã chép theo mốc thời gian:"),
        code("m3-th-table", "hop.table()"),
        md("m3-th-srt-intro", "Cùng nội dung ở dạng phụ đề SRT (dán vào video được):"),
        code("m3-th-srt", "print(hop.to_srt()[:400])"),
        md("m3-th-save-intro", "Lưu ra tệp để dùng tiếp (`.txt`, `.srt` hoặc `.json`):"),
        code("m3-th-save", 'hop.save("cuoc_hop.srt")'),
        md("m3-th-cloud-intro", """
## 3. Trên máy hay trên mạng?
Bảng dưới chép cùng một câu bằng mô hình trên máy và (nếu có khoá API) bằng OpenAI, Gemini.
Âm thanh **chỉ được gửi lên mạng khi bạn đổi** `allow_cloud=False` thành `True` — hãy cân nhắc nội dung trước.""", ),
        code("m3-th-cloud", 'speech.compare_providers("audio/tiep_cong_dan.wav", allow_cloud=False)'),
        md("m3-th-wer-intro", """
## 4. Đo WER trên mẫu có đáp án
Đoạn họp mẫu có sẵn lời đúng (`audio/cuoc_hop.txt`). Xem máy sai ở đâu:""", ),
        code("m3-th-wer", 'dap_an = speech.reference_for("audio/cuoc_hop.ogg")\nshow_diff(dap_an, hop.text);'),
        md("m3-th-wer-note", """
Con số trên là **thật**: Whisper base chạy trên máy, nghe giọng tổng hợp, sai rất nhiều.
Giọng người thật, phòng yên tĩnh thì tốt hơn; mô hình đám mây tốt hơn nữa. Vì vậy bước tiếp theo luôn là **sửa**."""),
        md("m3-th-clean-intro", """
## 5. Sửa bản chép
Ghi các chỗ máy nghe nhầm thành cặp «sai» → «đúng» vào `sua_loi` (mở rộng danh sách theo bảng so sánh ở trên),
rồi xem WER giảm bao nhiêu.""", ),
        code("m3-th-clean", 'sua_loi = {"huy ban": "Ủy ban", "tháng bà": "tháng ba", "thứ ký": "thư ký", "chí chân": "chị Trần"}\n'
             'ban_sua = speech.fix_terms(hop.text, sua_loi)\nprint(speech.score(dap_an, hop.text).summary(), "→", speech.score(dap_an, ban_sua).summary())'),
        md("m3-th-minutes-intro", """
## 6. Lập biên bản cuộc họp
Biên bản cần bảy phần: **thời gian, địa điểm, thành phần, chủ trì, thư ký, nội dung, kết luận**.
Trước hết, một **quy tắc từ khoá** (không dùng AI) chạy trên lời đã được sửa đúng (`dap_an`):""", ),
        code("m3-th-minutes-rule", "bien_ban = speech.minutes_from_keywords(dap_an)\nbien_ban"),
        md("m3-th-minutes-ai-intro", """
Giờ nhờ **mô hình ngôn ngữ** lập biên bản. Ô dưới chỉ cho mô hình viết vài dòng tự do: với mô hình nhỏ trên máy,
kết quả thường **thiếu phần hoặc lặp lại nhãn** — biên bản báo rõ phần nào còn thiếu, không bịa. Cách chắc hơn là
để mô hình điền từng mục theo mẫu biên bản («Soạn từ ghi chú», Học phần 2). Có khoá ChatGPT/Gemini thì kết quả tốt hơn
nhiều (văn bản được lọc thông tin cá nhân trước khi gửi).""", ),
        code("m3-th-minutes-ai", "bien_ban_ai = speech.make_minutes(dap_an, max_tokens=48)\nbien_ban_ai"),
        md("m3-th-export-intro", "Xuất biên bản (bản theo quy tắc, đã đủ bảy phần) ra Word, đúng thể thức Nghị định 30/2020:"),
        code("m3-th-export", 'speech.export_minutes_docx(bien_ban, "bien_ban_cuoc_hop.docx",\n'
             '                          issuer="ỦY BAN NHÂN DÂN PHƯỜNG AN BÌNH", place="An Bình")'),
        md("m3-th-check", """
## Tự kiểm tra
Ô dưới liệt kê phần còn thiếu của biên bản do AI lập (danh sách rỗng nghĩa là đã đủ):""", ),
        code("m3-th-check-run", "speech.check_minutes(bien_ban_ai)"),
        md("m3-th-cleanup", """
**Dọn dẹp:** xoá các tệp ghi âm và bản chép có thông tin cá nhân khi không còn cần (`cuoc_hop.srt`,
`bien_ban_cuoc_hop.docx`, tệp bạn tải lên)."""),
        md("m3-th-end", f"""
## Tóm tắt
- Gõ bằng giọng nói và chép lời tệp ghi âm chạy được **trên máy**, không cần mạng.
- WER/CER cho biết máy sai bao nhiêu; luôn sửa lại trước khi dùng.
- Biên bản cần đủ bảy phần; AI chỉ là bản nháp, người lập biên bản chịu trách nhiệm.

**Tiếp theo:** bài tập 3 — sửa một bản chép tự động và điền biên bản.

{SOURCES}"""),
    ]
    cells.insert(1, md("m3-th-mot-ngay", SHORT_PLAN_NOTE))
    mark_short_plan(cells, {"m3-th-compare-intro", "m3-th-minutes-intro", "m3-th-voice-intro"})
    save(cells, HERE / "thuc_hanh.ipynb")


ASSIGN_SETUP = ("from course import speech\nfrom course.grading.checks import expect, normalize\nfrom course.ui import setup\n"
                "from course.widgets import choice_question, form_answer, text_answer\nsetup()")
MINUTES_FIELDS = ("Thời gian", "Địa điểm", "Thành phần", "Chủ trì", "Thư ký", "Nội dung", "Kết luận")

MEETING_TEXT = ("Hôm nay, ngày hai mươi tháng tư, tại nhà văn hóa tổ dân phố số bảy, tổ dân phố họp bàn việc sửa "
                "đường ngõ. Ông Lê Văn Cường, tổ trưởng, chủ trì cuộc họp; chị Phạm Thị Dung làm thư ký. "
                "Tham dự có ba mươi hai hộ gia đình và công chức phụ trách đất đai của phường. Các hộ thống nhất đóng góp "
                "ngày công để đổ bê tông ngõ. Kết luận: khởi công ngày mười tháng năm, tổ trưởng báo cáo "
                "Ủy ban nhân dân phường trước ngày năm tháng năm.")


def assignment() -> None:
    cells = [
        md("m3-bt-title", """
# Bài tập 3 — Sửa bản chép lời và lập biên bản
Sửa một bản chép tự động cho đúng, điền biên bản cuộc họp đủ bảy phần, trả lời câu hỏi ngắn.

**Mục tiêu:** đọc lại và sửa bản chép của máy; lập biên bản đúng cấu trúc. **Thời lượng:** 30 phút.
**Chuẩn bị:** chạy ô thiết lập.

**Cách làm:** chạy lần lượt từng ô (Shift+Enter). Mọi câu trả lời đều gõ vào ô chữ rồi bấm **Lưu câu trả lời**, hoặc
bấm chọn trong khung hiện ra; câu trả lời được lưu vào tệp `cau_tra_loi.json` cạnh bài, mở lại bài vẫn còn. Không cần
sửa hay xoá dòng lệnh nào. Nếu một ô nhắc «Câu này chưa có câu trả lời», chỉ cần trả lời trong khung phía trên nó.""",
           **grade_meta("m3-bt-title", locked=True)),
        code("m3-bt-setup", ASSIGN_SETUP, **grade_meta("m3-bt-setup", locked=True)),
        md("m3-bt-q1-intro", f"""
## Câu 1 (4 điểm) — Sửa bản chép tự động
Nghe tệp `ghi_am_bai_tap.wav` (ô dưới hiện trình phát). Trên máy của nhóm biên soạn, mô hình chạy trên máy
(Whisper base) đã chép thành bản dưới đây — đây là **ví dụ**: mô hình tính toán hơi khác nhau trên mỗi loại bộ xử lý
(CPU), nên trên máy của bạn có thể ra chữ khác, cũng sai như vậy:

> {AUTO_TRANSCRIPT}

Gõ lại **đúng lời nói** vào ô chữ hiện ra dưới ô lệnh thứ hai, rồi bấm **Lưu câu trả lời** (câu trả lời nằm trong
biến `ban_sua`). **Cách chấm (công bố trước):** WER giữa `ban_sua` và lời đúng,
sau khi chuẩn hoá (không tính hoa/thường, dấu câu; «2» = «hai»), phải **≤ 0,15**.""",
           **grade_meta("m3-bt-q1-intro", locked=True)),
        code("m3-bt-q1-listen", 'from IPython.display import Audio\n\nAudio("ghi_am_bai_tap.wav")'),
        code("m3-bt-q1", f'ban_tu_dong = "{AUTO_TRANSCRIPT}"  # bản máy chép (không cần sửa)\n'
             'ban_sua = text_answer("ban_sua", "Bản đã sửa: gõ đúng lời nói trong tệp ghi âm")\n'
             'if not ban_sua:\n    ### BEGIN SOLUTION\n'
             '    ban_sua = "Sáng thứ sáu tuần này, tổ dân phố số 2 tổ chức tổng vệ sinh đường làng ngõ xóm."\n'
             '    ### END SOLUTION', **grade_meta("m3-bt-q1", solution=True)),
        code("m3-bt-q1-test", 'expect(isinstance(ban_sua, str) and ban_sua.strip(), "Hãy viết bản đã sửa vào ban_sua.")\n'
             'expect(speech.normalize_vi(ban_sua) != speech.normalize_vi(ban_tu_dong), '
             '"ban_sua vẫn giống hệt bản chép tự động: hãy nghe lại và sửa.")\n'
             '### BEGIN HIDDEN TESTS\n'
             'loi = speech.wer("Sáng thứ sáu tuần này, tổ dân phố số hai tổ chức tổng vệ sinh đường làng ngõ xóm.", ban_sua)\n'
             'expect(loi <= 0.15, f"WER của bản sửa là {loi:.2f}, cần ≤ 0,15: còn từ nghe chưa đúng.")\n'
             '### END HIDDEN TESTS', **grade_meta("m3-bt-q1-test", grade=True, points=4, locked=True)),
        md("m3-bt-q2-intro", f"""
## Câu 2 (3 điểm) — Điền biên bản cuộc họp
Lời ghi đã được sửa của một cuộc họp tổ dân phố:

> {MEETING_TEXT}

Chạy ô dưới đây rồi điền **đủ bảy phần** của biên bản vào bảy ô chữ (chỉ dùng thông tin có trong lời ghi), bấm
**Lưu câu trả lời**; chạy tiếp ô sau để xem biên bản. Câu trả lời nằm trong biến `bien_ban`.
**Cách chấm:** đủ bảy phần (1 điểm); chủ trì, thư ký, thời gian, địa điểm đúng với lời ghi (2 điểm).""",
           **grade_meta("m3-bt-q2-intro", locked=True)),
        code("m3-bt-q2", 'bien_ban = form_answer("bien_ban", ' + repr(MINUTES_FIELDS).replace("'", '"') + ')\n'
             'if not all(bien_ban.values()):\n'
             '    ### BEGIN SOLUTION\n    bien_ban = {\n        "Thời gian": "Ngày 20 tháng 4",\n'
             '        "Địa điểm": "Nhà văn hóa tổ dân phố số 7",\n'
             '        "Thành phần": "32 hộ gia đình, công chức phụ trách đất đai của phường",\n'
             '        "Chủ trì": "Ông Lê Văn Cường, tổ trưởng",\n        "Thư ký": "Chị Phạm Thị Dung",\n'
             '        "Nội dung": "Bàn việc sửa đường ngõ; các hộ đóng góp ngày công đổ bê tông ngõ.",\n'
             '        "Kết luận": "Khởi công ngày 10 tháng 5; tổ trưởng báo cáo UBND phường trước ngày 05 tháng 5.",\n'
             '    }\n    ### END SOLUTION', **grade_meta("m3-bt-q2", solution=True)),
        code("m3-bt-q2-show", "speech.Minutes.from_dict(bien_ban)  # xem biên bản đã điền"),
        code("m3-bt-q2-test-parts", 'thieu = speech.check_minutes(bien_ban)\nexpect(not thieu, " ".join(thieu))',
             **grade_meta("m3-bt-q2-test-parts", grade=True, points=1, locked=True)),
        code("m3-bt-q2-test-facts", 'bb = speech.Minutes.from_dict(bien_ban)\n'
             '### BEGIN HIDDEN TESTS\n'
             'expect("cuong" in normalize(bb.chu_tri), "Phần «Chủ trì» chưa đúng người chủ trì trong lời ghi.")\n'
             'expect("dung" in normalize(bb.thu_ky), "Phần «Thư ký» chưa đúng người làm thư ký.")\n'
             'expect(speech.day_month(bb.thoi_gian) == (20, 4), "Phần «Thời gian» chưa đúng ngày họp.")\n'
             'expect("van hoa" in normalize(bb.dia_diem), "Phần «Địa điểm» chưa đúng nơi họp.")\n'
             '### END HIDDEN TESTS', **grade_meta("m3-bt-q2-test-facts", grade=True, points=2, locked=True)),
        md("m3-bt-q3-intro", """
## Câu 3 (2 điểm) — Câu hỏi ngắn
Chạy ô dưới đây rồi bấm chọn một đáp án cho mỗi câu (câu trả lời nằm trong biến `cau_3a`, `cau_3b`).

**Câu 3a** — Bản ghi tiếp công dân có đọc số căn cước. Cách chép lời phù hợp nhất?

**Câu 3b** — Bản chép một cuộc họp kết thúc bằng «Hãy subscribe cho kênh để không bỏ lỡ video». Vì sao?""",
           **grade_meta("m3-bt-q3-intro", locked=True)),
        code("m3-bt-q3", 'cau_3a = choice_question("cau_3a", {\n'
             '    "A": "Gửi lên dịch vụ đám mây nào cũng được",\n'
             '    "B": "Chép lời trên máy này (ngoại tuyến), huỷ bản ghi khi xong việc",\n'
             '    "C": "Đăng tệp lên nhóm Zalo để mọi người cùng chép",\n'
             '    "D": "Không cần báo cho người dân biết là đang ghi âm"}, "Câu 3a")\n'
             'cau_3b = choice_question("cau_3b", {\n'
             '    "A": "Có người trong cuộc họp nói câu đó",\n    "B": "Micro bị hỏng",\n'
             '    "C": "Mô hình «ảo giác» trên đoạn im lặng hoặc ồn — cần bỏ câu đó",\n'
             '    "D": "Cần tăng âm lượng rồi chép lại"}, "Câu 3b")\n'
             'if cau_3a is None or cau_3b is None:\n'
             '    ### BEGIN SOLUTION\n    cau_3a, cau_3b = "B", "C"\n    ### END SOLUTION',
             **grade_meta("m3-bt-q3", solution=True)),
        code("m3-bt-q3-test", 'for ten in ("cau_3a", "cau_3b"):\n'
             '    expect(str(globals()[ten]).strip().upper() in {"A", "B", "C", "D"}, f"Câu {ten[-2:]}: hãy bấm chọn một đáp án (A, B, C hoặc D).")\n'
             '### BEGIN HIDDEN TESTS\n'
             'expect(cau_3a.strip().upper() == "B", "Câu 3a chưa đúng: bản ghi có số căn cước nên chép lời trên máy.")\n'
             'expect(cau_3b.strip().upper() == "C", "Câu 3b chưa đúng: đó là «ảo giác» của mô hình.")\n'
             '### END HIDDEN TESTS', **grade_meta("m3-bt-q3-test", grade=True, points=2, locked=True)),
        md("m3-bt-end", f"""
## Tự kiểm tra
Chạy lại toàn bộ bài: bấm nút ▶▶ trên thanh công cụ phía trên bài (khởi động lại và chạy mọi ô từ đầu),
rồi xem các ô kiểm tra không báo lỗi.

## Tóm tắt
Bạn đã sửa bản chép của máy đến mức WER ≤ 0,15, lập biên bản đủ bảy phần và nhận diện rủi ro bí mật, ảo giác.

**Tiếp theo:** học phần 4 — tra cứu văn bản pháp luật bằng AI.

{SOURCES}""", **grade_meta("m3-bt-end", locked=True)),
    ]
    save(cells, HERE / "bai_tap/bai_tap.ipynb")


if __name__ == "__main__":
    lecture()
    practice()
    assignment()
    print("Đã tạo 3 notebook của học phần 3.")
