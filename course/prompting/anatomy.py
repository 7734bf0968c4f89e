"""The anatomy of a good prompt: six parts, and ready-made ward tasks to practise on.

Parts (Vietnamese names as taught): vai trò (role), bối cảnh (context), nhiệm vụ (task),
định dạng (format), ví dụ (example), ràng buộc (constraints).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, fields

PART_LABELS: dict[str, str] = {
    "role": "Vai trò",
    "context": "Bối cảnh",
    "task": "Nhiệm vụ",
    "format": "Định dạng",
    "example": "Ví dụ",
    "constraints": "Ràng buộc",
}

PART_HINTS: dict[str, str] = {
    "role": "AI đóng vai ai? Ví dụ: Bạn là chuyên viên Văn phòng HĐND và UBND phường, thạo Nghị định 30/2020/NĐ-CP.",
    "context": "Tình huống, người đọc, số liệu có sẵn (không ghi thông tin cá nhân).",
    "task": "Việc cần làm, bắt đầu bằng động từ: soạn, tóm tắt, viết lại, trả lời, kiểm tra…",
    "format": "Trả lời dạng gì: mấy đoạn, gạch đầu dòng, bảng, theo mẫu văn bản nào.",
    "example": "Một câu mẫu hoặc văn bản mẫu cho AI bắt chước (có thể bỏ trống).",
    "constraints": "Giới hạn: độ dài, giọng văn, điều không được làm (không bịa số liệu…).",
}


@dataclass
class PromptParts:
    """A prompt split into its six parts; `assemble()` joins the non-empty ones with their labels."""

    role: str = ""
    context: str = ""
    task: str = ""
    format: str = ""
    example: str = ""
    constraints: str = ""

    def assemble(self) -> str:
        """'Vai trò: …\\nBối cảnh: …' — only the parts that are filled in."""
        lines = []
        for f in fields(self):
            value = unicodedata.normalize("NFC", getattr(self, f.name) or "").strip()
            if value:
                lines.append(f"{PART_LABELS[f.name]}: {value}")
        return "\n".join(lines)

    def filled(self) -> list[str]:
        """Names of the parts that are not empty."""
        return [f.name for f in fields(self) if (getattr(self, f.name) or "").strip()]


ROLE_OFFICE = ("Bạn là chuyên viên Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường, thạo soạn thảo văn bản "
               "theo Nghị định 30/2020/NĐ-CP.")

# Quoted rules (law text is outside copyright, Luật Sở hữu trí tuệ, Điều 15). Sources listed in
# docs/so_dang_ky_su_kien.csv; keep both in step.
CHUNG_THUC_RULE = ("Người yêu cầu chứng thực phải xuất trình bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản "
                   "sao và bản sao cần chứng thực. Trường hợp người yêu cầu chứng thực chỉ xuất trình bản chính thì "
                   "cơ quan, tổ chức tiến hành chụp từ bản chính để thực hiện chứng thực, trừ trường hợp cơ quan, tổ "
                   "chức không có phương tiện để chụp.")
KHAI_SINH_RULE = ("Ngay sau khi nhận đủ giấy tờ theo quy định tại khoản 1 Điều này, nếu thấy thông tin khai sinh đầy "
                  "đủ và phù hợp, công chức tư pháp - hộ tịch ghi nội dung khai sinh theo quy định tại khoản 1 Điều "
                  "14 của Luật này vào Sổ hộ tịch; cập nhật vào Cơ sở dữ liệu hộ tịch điện tử, Cơ sở dữ liệu quốc "
                  "gia về dân cư để lấy Số định danh cá nhân.")

LONG_TEXT = (
    "Trong tháng 3 năm 2026, Trung tâm Phục vụ hành chính công của phường tiếp nhận 412 hồ sơ thủ tục hành chính, trong đó 338 "
    "hồ sơ nộp trực tuyến. Số hồ sơ giải quyết đúng hạn là 405, còn 7 hồ sơ đang trong thời hạn. Lĩnh vực nhiều "
    "hồ sơ nhất là chứng thực (156 hồ sơ), tiếp theo là hộ tịch (98 hồ sơ) và đất đai (61 hồ sơ). Người dân "
    "phản ánh thời gian chờ tại quầy vào sáng thứ Hai còn lâu, có lúc trên 40 phút. Một số người cao tuổi chưa "
    "biết dùng ứng dụng VNeID nên phải hướng dẫn trực tiếp. Phường đã bố trí thêm một công chức hỗ trợ vào sáng "
    "thứ Hai và lập nhóm Zalo của Tổ công nghệ số cộng đồng để hướng dẫn từ xa. Trong tháng 4, phường dự kiến "
    "tổ chức hai buổi hướng dẫn dịch vụ công trực tuyến tại nhà văn hóa các tổ dân phố số 2 và số 5."
)

TASKS: dict[str, tuple[str, PromptParts]] = {
    "cong-van": ("Soạn công văn", PromptParts(
        role=ROLE_OFFICE,
        context="UBND phường An Bình cần đề nghị UBND tỉnh hỗ trợ kinh phí sửa mái nhà văn hóa tổ dân phố số 3 "
                "bị dột nặng; dự toán 250 triệu đồng.",
        task="Soạn phần nội dung công văn đề nghị hỗ trợ kinh phí.",
        format="Ba đoạn: nêu thực trạng, đề nghị cụ thể, cam kết sử dụng kinh phí. Không viết phần đầu và chữ ký.",
        example="Đoạn mở đầu có thể như: «Nhà văn hóa tổ dân phố số 3 được xây dựng năm 2005, đến nay…»",
        constraints="Giọng văn hành chính, trang trọng; không quá 200 từ; không bịa số liệu ngoài bối cảnh.")),
    "giay-moi": ("Soạn giấy mời", PromptParts(
        role=ROLE_OFFICE,
        context="Phường tổ chức hội nghị triển khai chuyển đổi số lúc 08 giờ 00 ngày 05 tháng 02 năm 2026 tại hội "
                "trường UBND phường; mời tổ trưởng các tổ dân phố.",
        task="Soạn nội dung giấy mời dự hội nghị.",
        format="Các dòng: thành phần mời, thời gian, địa điểm, đề nghị chuẩn bị.",
        constraints="Ngắn gọn, lịch sự; ghi ngày theo dạng «ngày 05 tháng 02 năm 2026».")),
    "thong-bao": ("Soạn thông báo", PromptParts(
        role=ROLE_OFFICE,
        context="Phường ra quân tổng vệ sinh môi trường từ 07 giờ đến 10 giờ Chủ nhật, ngày 11 tháng 01 năm 2026; "
                "mỗi hộ cử một người tham gia.",
        task="Soạn nội dung thông báo gửi các tổ dân phố.",
        format="Mở đầu một câu; sau đó các mục 1. Thời gian, 2. Địa điểm và thành phần, 3. Đề nghị.",
        constraints="Không quá 150 từ; dùng từ ngữ dễ hiểu.")),
    "bao-cao": ("Soạn báo cáo", PromptParts(
        role=ROLE_OFFICE,
        context=LONG_TEXT,
        task="Soạn báo cáo kết quả giải quyết thủ tục hành chính tháng 3 năm 2026 từ số liệu trên.",
        format="Ba phần có tiêu đề: I. Kết quả; II. Khó khăn, vướng mắc; III. Phương hướng tháng 4.",
        constraints="Chỉ dùng số liệu đã cho; tính tỷ lệ phần trăm nếu cần; không quá 250 từ.")),
    "tom-tat": ("Tóm tắt văn bản dài", PromptParts(
        role="Bạn là trợ lý của Chủ tịch UBND phường, chuyên tóm tắt tài liệu.",
        context=LONG_TEXT,
        task="Tóm tắt đoạn báo cáo trên cho Chủ tịch đọc trong một phút.",
        format="Năm gạch đầu dòng, mỗi dòng một ý.",
        constraints="Giữ nguyên các con số; không thêm thông tin không có trong văn bản.")),
    "viet-de-hieu": ("Viết lại cho người dân dễ hiểu", PromptParts(
        role="Bạn là cán bộ tiếp dân, giỏi giải thích thủ tục bằng lời lẽ giản dị.",
        context="Quy định (Nghị định 23/2015/NĐ-CP, Điều 20 khoản 1): «" + CHUNG_THUC_RULE + "»",
        task="Viết lại quy định trên để người cao tuổi hiểu ngay cần mang gì khi đi chứng thực.",
        format="Ba câu ngắn.",
        example="Ví dụ cách nói: «Bác nhớ mang theo…»",
        constraints="Không dùng thuật ngữ pháp lý; không quá 60 từ.")),
    "fanpage": ("Bài đăng trang Facebook của phường", PromptParts(
        role="Bạn là người phụ trách trang thông tin điện tử và fan page của UBND phường.",
        context="Chủ nhật, ngày 11 tháng 01 năm 2026, phường ra quân tổng vệ sinh môi trường; mời mọi người cùng "
                "tham gia.",
        task="Viết một bài đăng ngắn kêu gọi người dân tham gia.",
        format="Một tiêu đề ngắn, hai đoạn, ba hashtag ở cuối.",
        constraints="Thân thiện, tích cực; không quá 120 từ; không dùng ảnh hay tên người cụ thể.")),
    "tra-loi-cong-dan": ("Trả lời công dân lịch sự", PromptParts(
        role="Bạn là công chức Trung tâm Phục vụ hành chính công của phường, luôn lịch sự và tận tình.",
        context="Một người dân nhắn: «Tôi nộp hồ sơ đăng ký khai sinh cho con 3 hôm rồi mà chưa thấy gì, làm ăn "
                "kiểu gì vậy?» Quy định (Luật Hộ tịch 2014, Điều 16 khoản 2): «" + KHAI_SINH_RULE + "»",
        task="Soạn tin nhắn trả lời người dân.",
        format="Một đoạn 3–4 câu: cảm ơn, nói đúng quy định trên (đủ giấy tờ thì được đăng ký ngay), mời mang "
               "giấy tờ còn thiếu đến bổ sung, lời chào.",
        constraints="Chỉ nêu thời hạn có trong quy định trên, không tự thêm số ngày; lịch sự, không đổ lỗi; "
                    "không nêu thông tin cá nhân.")),
    "zalo-to-dan-pho": ("Tin nhắn nhóm Zalo tổ dân phố", PromptParts(
        role="Bạn là công chức Văn phòng HĐND và UBND phường, phụ trách trang Zalo OA của phường.",
        context="Phường tiêm vắc-xin sởi miễn phí cho trẻ từ 1 đến 5 tuổi, từ 07 giờ 30 đến 11 giờ sáng thứ Bảy, "
                "ngày 14 tháng 3 năm 2026, tại Trạm Y tế phường. Người đọc là các gia đình trong nhóm Zalo tổ dân phố.",
        task="Soạn một tin nhắn đăng lên nhóm Zalo tổ dân phố và trang Zalo OA của phường.",
        format="Dòng đầu là tiêu đề ngắn; sau đó ba dòng có gạch đầu dòng: ai, khi nào, ở đâu, mang gì.",
        example="Ví dụ dòng đầu: «📢 Tiêm sởi miễn phí cho bé từ 1 đến 5 tuổi»",
        constraints="Không quá 80 từ; chỉ dùng thông tin trong bối cảnh, không thêm giờ giấc hay giấy tờ; "
                    "không nêu tên trẻ hay số điện thoại cá nhân.")),
    "loa-truyen-thanh": ("Bài đọc trên loa truyền thanh", PromptParts(
        role="Bạn là người viết tin cho đài truyền thanh của phường.",
        context="Phường ra quân tổng vệ sinh môi trường từ 07 giờ đến 10 giờ Chủ nhật, ngày 11 tháng 01 năm 2026; mỗi "
                "hộ cử một người; tập trung tại nhà văn hóa các tổ dân phố. Bài được đọc to trên loa, người nghe không "
                "xem được chữ.",
        task="Viết bài đọc trên loa truyền thanh kêu gọi bà con tham gia.",
        format="Lời chào; ba câu thông tin; nhắc lại thời gian và địa điểm một lần nữa ở cuối; lời cảm ơn.",
        example="Ví dụ lời chào: «Kính thưa bà con nhân dân trong phường!»",
        constraints="Đọc trong khoảng một phút (không quá 150 từ); câu ngắn, dễ nghe; viết số giờ bằng chữ để "
                    "người đọc không vấp; không dùng từ viết tắt.")),
    "de-hieu-dan-toc": ("Viết cho bà con dân tộc thiểu số", PromptParts(
        role="Bạn là cán bộ phường giỏi viết tiếng Việt thật dễ hiểu cho bà con dân tộc thiểu số ở vùng cao.",
        context="Thông báo gốc: «Hộ gia đình có nhu cầu đăng ký khai sinh cho trẻ em mang theo giấy chứng sinh và giấy "
                "tờ tùy thân của cha hoặc mẹ đến Trung tâm Phục vụ hành chính công của phường.» Người nghe là bà con "
                "người Thái, người H'Mông; nhiều người đọc tiếng Việt chưa thạo, cán bộ bản sẽ đọc lại cho bà con.",
        task="Viết lại thông báo trên bằng tiếng Việt thật đơn giản (không dịch sang tiếng dân tộc).",
        format="Bốn câu đơn, mỗi câu một ý; mỗi câu không quá 12 từ.",
        example="Ví dụ: «Nhà có em bé mới sinh thì đi làm giấy khai sinh.»",
        constraints="Dùng từ quen thuộc, tránh từ Hán Việt khó; không thêm thời hạn hay giấy tờ không có trong "
                    "thông báo gốc.")),
    "chinh-ta": ("Kiểm tra chính tả và dấu", PromptParts(
        role="Bạn là biên tập viên tiếng Việt cẩn thận.",
        context="Đoạn văn: «Uỷ ban nhân dân phường thong bao ve viec to chuc tiem chung cho tre em duoi 5 tuoi vao "
                "ngay 15/3, đề nghị các hộ gia đình dua tre den dung gio.»",
        task="Sửa lỗi chính tả và thêm dấu tiếng Việt cho đoạn văn.",
        format="Dòng 1: đoạn văn đã sửa. Sau đó liệt kê các chỗ đã sửa dạng «sai → đúng».",
        constraints="Không đổi ý nghĩa; giữ nguyên số liệu.")),
}


def task_parts(name: str) -> PromptParts:
    """A fresh copy of a ready-made task's prompt parts."""
    from course.errors import CourseError

    if name not in TASKS:
        raise CourseError(f"Không có bài thực hành «{name}».", hint="Chọn một trong: " + ", ".join(TASKS) + ".")
    parts = TASKS[name][1]
    return PromptParts(**{f.name: getattr(parts, f.name) for f in fields(parts)})
