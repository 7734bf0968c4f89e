"""Texts of the graded format exercises, kept in one place so the assignment cells stay short."""

# Câu 3 of the module 2 assignment: an invitation with deliberate Nghị định 30/2020 format errors
# (tiêu ngữ dashes, số without a leading zero, date without zeros, «KT» without a dot, «Lưu VT.»).
FLAWED_INVITATION = '''CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập – Tự do – Hạnh phúc
ỦY BAN NHÂN DÂN PHƯỜNG AN BÌNH
Số: 4/GM-UBND
An Bình, ngày 9 tháng 2 năm 2026

GIẤY MỜI
Dự họp triển khai kế hoạch phòng, chống dịch sốt xuất huyết

Ủy ban nhân dân phường An Bình trân trọng kính mời: Tổ trưởng các tổ dân phố và Trạm trưởng Trạm Y tế phường.

Thời gian: 14 giờ 00, thứ Năm, ngày 12 tháng 02 năm 2026.

Địa điểm: Phòng họp Ủy ban nhân dân phường An Bình.

Đề nghị các đại biểu đến dự đúng thời gian./.

KT CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Văn Cường

Nơi nhận:
- Như thành phần mời;
- Lưu VT.
'''

# Câu 5 of the module 2 assignment: a learner's notes and an AI draft made from them (team-written, imitating
# the inventions chatbots make) with three facts the notes do not hold: the venue, a case count and a decision.
MEETING_NOTES = ("Ghi chú: mời tổ trưởng các tổ dân phố và Trạm trưởng Trạm Y tế phường họp triển khai phòng, chống "
                 "sốt xuất huyết. 14h chiều thứ 5 ngày 12/02/2026 tại phòng họp UBND phường An Bình. Chủ trì: "
                 "Phó Chủ tịch Lê Văn Cường. Các tổ mang theo danh sách hộ có dụng cụ chứa nước.")
INVENTED_DRAFT = '''GIẤY MỜI
Họp triển khai phòng, chống dịch sốt xuất huyết

Ủy ban nhân dân phường An Bình trân trọng kính mời: tổ trưởng các tổ dân phố và Trạm trưởng Trạm Y tế phường.
Thời gian: 14 giờ 00, thứ Năm, ngày 12 tháng 02 năm 2026.
Địa điểm: Hội trường Nhà văn hoá khu phố 5.
Chủ trì: ông Lê Văn Cường, Phó Chủ tịch Ủy ban nhân dân phường.
Đề nghị các tổ mang theo danh sách hộ có dụng cụ chứa nước; phường đã ghi nhận 27 ca mắc từ đầu năm.
Kinh phí phun hoá chất thực hiện theo Quyết định số 1241/QĐ-UBND.
Rất mong các đại biểu đến dự đúng giờ./.'''
