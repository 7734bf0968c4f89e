"""The rules the checker verifies, each with its source in Nghị định 30/2020/NĐ-CP.

Phụ lục I of the decree ("Thể thức, kỹ thuật trình bày văn bản hành chính và bản sao văn bản"),
Phần I: Mục I "Quy định chung" (khổ giấy, kiểu trình bày, lề, phông, cỡ chữ), Mục II "Các thành phần
thể thức chính" (khoản 1 Quốc hiệu và Tiêu ngữ … khoản 9 Nơi nhận), Mục V "Mẫu chữ và chi tiết trình bày"
(the size/style table). Each rule names the element it covers.
"""

from __future__ import annotations

from dataclasses import dataclass

PL1 = "Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I"
PL1_PAGE = f"{PL1}, Mục I (Quy định chung)"
PL1_PART = f"{PL1}, Mục II (Các thành phần thể thức chính)"
PL1_TABLE = "Mục V (Mẫu chữ và chi tiết trình bày)"


@dataclass(frozen=True)
class Rule:
    """One checked rule: a stable id, the element (Vietnamese), the rule, and where it is written."""

    id: str
    element: str
    text: str
    citation: str
    docx_only: bool = False


RULES: dict[str, Rule] = {
    r.id: r
    for r in (
        Rule("quoc_hieu", "Quốc hiệu",
             "Dòng «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM», chữ in hoa.", f"{PL1_PART}, khoản 1"),
        Rule("tieu_ngu", "Tiêu ngữ",
             "«Độc lập - Tự do - Hạnh phúc»: chữ đầu mỗi cụm từ viết hoa, giữa các cụm từ có gạch nối (-), "
             "có cách chữ.", f"{PL1_PART}, khoản 1"),
        Rule("co_quan", "Tên cơ quan ban hành",
             "Tên cơ quan ban hành (và cơ quan chủ quản, nếu có) viết chữ in hoa, đặt phía trên số, ký hiệu.",
             f"{PL1_PART}, khoản 2"),
        Rule("so_ky_hieu", "Số, ký hiệu",
             "«Số:» rồi số (số nhỏ hơn 10 thêm số 0 phía trước), dấu gạch chéo (/), ký hiệu in hoa; các nhóm "
             "chữ viết tắt nối bằng gạch nối (-), không cách chữ.", f"{PL1_PART}, khoản 3"),
        Rule("dia_danh_ngay", "Địa danh và thời gian",
             "«Địa danh, ngày … tháng … năm …»: chữ đầu địa danh viết hoa, sau địa danh có dấu phẩy; ngày "
             "dưới 10 và tháng 1, 2 ghi thêm số 0 phía trước (biên bản không có dòng này).", f"{PL1_PART}, khoản 4"),
        Rule("ten_loai_trich_yeu", "Tên loại và trích yếu nội dung",
             "Tên loại văn bản in hoa, trích yếu nội dung ngay dưới; công văn ghi trích yếu sau chữ «V/v» "
             "dưới số, ký hiệu.", f"{PL1_PART}, khoản 5"),
        Rule("noi_dung", "Nội dung văn bản",
             "Văn bản phải có phần nội dung.", f"{PL1_PART}, khoản 6"),
        Rule("chu_ky", "Chức vụ, họ tên người ký",
             "Quyền hạn viết tắt «TM.», «KT.», «Q.», «TL.», «TUQ.»; chức vụ in hoa; họ tên người ký ở dưới.",
             f"{PL1_PART}, khoản 7"),
        Rule("noi_nhan", "Nơi nhận",
             "«Nơi nhận:» rồi mỗi nơi một dòng bắt đầu bằng gạch (-), kết thúc bằng dấu chấm phẩy (;); dòng "
             "cuối «- Lưu: VT, …» kết thúc bằng dấu chấm. Công văn có thêm «Kính gửi:» và nơi nhận bắt đầu bằng "
             "«- Như trên;».", f"{PL1_PART}, khoản 9"),
        Rule("kho_giay", "Khổ giấy",
             "Khổ A4 (210 mm × 297 mm), trình bày theo chiều dài (đứng).", f"{PL1_PAGE}, khoản 1 và 2",
             docx_only=True),
        Rule("le_trang", "Lề trang",
             "Lề trên, lề dưới 20–25 mm; lề trái 30–35 mm; lề phải 15–20 mm.", f"{PL1_PAGE}, khoản 3",
             docx_only=True),
        Rule("phong_chu", "Phông chữ",
             "Phông chữ Times New Roman, bộ mã Unicode theo TCVN 6909:2001, màu đen.", f"{PL1_PAGE}, khoản 4",
             docx_only=True),
        Rule("co_chu", "Cỡ chữ",
             "Quốc hiệu 12–13; Tiêu ngữ 13–14; tên cơ quan 12–13; số, ký hiệu 13; địa danh, ngày 13–14; "
             "tên loại, trích yếu 13–14; «V/v» 12–13; nội dung 13–14; chức vụ, họ tên 13–14; «Nơi nhận» 12, "
             "danh sách nơi nhận 11.", f"{PL1_PAGE}, khoản 5; Mục II; {PL1_TABLE}", docx_only=True),
        Rule("kieu_chu", "Kiểu chữ",
             "Quốc hiệu, Tiêu ngữ, tên cơ quan ban hành, tên loại, trích yếu, chức vụ, họ tên người ký: đứng, "
             "đậm; địa danh và ngày: nghiêng; «Nơi nhận»: nghiêng, đậm.", f"{PL1_PAGE}, khoản 5; Mục II; {PL1_TABLE}",
             docx_only=True),
        Rule("trinh_bay_doan", "Trình bày đoạn văn",
             "Nội dung canh đều hai lề; đầu dòng lùi vào từ 1 cm đến 1,27 cm; khoảng cách giữa các đoạn tối thiểu 6pt; "
             "khoảng cách dòng từ dòng đơn đến 1,5 dòng.", f"{PL1_PART}, khoản 6 điểm e", docx_only=True),
    )
}
