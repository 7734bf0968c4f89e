"""Hand-written test sets for the privacy guard and the precision/recall it reaches.

`CASES` / `HELDOUT` (the first set, nine kinds; names were not marked in it, so it is scored on
those nine kinds only): each case is a sentence a ward official might type, with the personal data it
holds (kind, exact text). About a third hold none at all but are full of numbers that must survive.

`cases_ward.tsv` (issue 24, over 1,300 cases, fifteen kinds including names, sensitive data, passports,
BHXH/BHYT, cards and secrets, stratified by kind and spelling): slice "U" was written before the
detector was changed and was measured once (figures in the README; two rule errors it showed were fixed
afterwards, so it is no longer untouched for later work); slice "T" is the tuning set; slice "V" was
written after those fixes and measured once more; slice "W" after V's fixes, measured once (README), then the family name and bracketed birth year it missed
were added; slice "X" (423 cases, written by a separate session blind to the detector) was measured once
with `--slices X --compare` (README), then the rules were fixed against its misses; slices "Y" and "Z" likewise
(Y measured once, then fixed). Slice "Z" was measured once by the redesigned guard (privacy24c: mask unless ordinary
for digit runs, address chains anywhere, generic sensitive predicates, names by structure), developed on T–Y only:
recall 0.919 / precision 0.981 at first contact (the rules before it: 0.874 / 0.975); the mechanisms were then
widened against Z's misses, so Z is development data too. Slice "Q" (602 cases, a fourth blind writer) was measured
once on that code (recall 0.950 / precision 0.978); branch privacy24d then generalised the mechanisms behind each of
its misses (and tested them on new wording), so Q is development data as well. Slice "R" (652 cases, a fifth blind
writer) was measured once on that code (recall 0.895 / precision 0.989); branch privacy24e then built general
mechanisms behind its misses (condition nouns, table headers, letters typed for digits, machine-readable codes,
hamlets with their commune …), tested on new wording, so R is development data too. Slice "S" (625 cases, a sixth
blind writer) was measured once on that code (recall 0.930 / precision 0.988); branch privacy24f then built general
mechanisms behind its misses (position words, landmarks and administrative units in place chains, letters' names read
aloud, dates read aloud, spreadsheet date serials, secrets read out, chat mentions …), tested on new wording, so S is
development data too. Slice "P" (821 cases, 1,346 items, a seventh blind writer asked for 50+ items of every kind)
was measured once on that code (recall 0.952 / precision 0.988; 7 of 15 kinds at 0.98 or above); branch privacy24g then
built general mechanisms behind its misses (CSV and dashed rows, roles before names, foreign names, spelled passwords,
drug use, abbreviations and landmarks in addresses …), tested on new wording, so P is development data too. Slice "N"
(1,026 cases, 1,498 items, an eighth blind writer) was measured once on that code (recall 0.967 / precision 0.992); branch
privacy24h then built general mechanisms behind its misses, tested on new wording, so N is development data too.
Scoring there is by span: a
marked item is caught when one finding covers all of it (for sensitive data: overlaps it), and a
finding is correct when it overlaps a marked item.
Run `python -m course.privacy.evaluation` to print the figures.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from course.privacy.detect import KINDS, Finding, find_pii
from course.text import strip_diacritics_aligned

FIRST_SET_KINDS = frozenset({"CCCD", "CMND", "PHONE", "EMAIL", "BANK", "TAX", "PLATE", "DOB", "ADDRESS"})

Case = tuple[str, list[tuple[str, str]]]

CASES: list[Case] = [
    # ---------------------------------------------------------------- CCCD (12 digits)
    ("Ông Nguyễn Văn An, CCCD số 001203004567, đề nghị cấp lại giấy xác nhận.", [("CCCD", "001203004567")]),
    ("Số căn cước công dân: 036085001234.", [("CCCD", "036085001234")]),
    ("Bà Trần Thị Bình (CCCD 079190012345) đến làm thủ tục.", [("CCCD", "079190012345")]),
    ("Căn cước của tôi là 001 203 004 568 nhé.", [("CCCD", "001 203 004 568")]),
    ("CCCD: 024.198.003.321", [("CCCD", "024.198.003.321")]),
    ("Anh Lê Minh Cường, số định danh cá nhân 038092004455, thường trú tại phường.", [("CCCD", "038092004455")]),
    ("Xác minh giúp số 001199012233 có trong danh sách hộ nghèo không?", [("CCCD", "001199012233")]),
    ("Người nộp hồ sơ: Phạm Văn Dũng - 031088007766.", [("CCCD", "031088007766")]),
    ("căn cước công dân 040301009988 cấp ngày 10/8/2021", [("CCCD", "040301009988")]),
    ("Mã định danh 052185006677 của chị Hoa bị sai một chữ số.", [("CCCD", "052185006677")]),
    ("Tra cứu thông tin công dân có số CCCD 001085012345 và 001087054321.",
     [("CCCD", "001085012345"), ("CCCD", "001087054321")]),
    ("Chủ hộ Đỗ Văn Em, 026075001122, đăng ký thường trú cho con.", [("CCCD", "026075001122")]),
    ("Ông Hùng mang theo CCCD 001 075 112 233 bản gốc.", [("CCCD", "001 075 112 233")]),
    ("Số CCCD người đại diện: 048190004321", [("CCCD", "048190004321")]),
    ("Vui lòng kiểm tra căn cước 001300123456 giúp em.", [("CCCD", "001300123456")]),
    ("Hồ sơ của bà Vũ Thị Lan có số căn cước 034170009876.", [("CCCD", "034170009876")]),
    ("Người làm chứng: Ngô Văn Phúc, CCCD 019082003344.", [("CCCD", "019082003344")]),
    ("Thông tin: CCCD 056201001010; cấp tại Cục Cảnh sát QLHC về TTXH.", [("CCCD", "056201001010")]),
    ("Sai số CCCD 001202345678 trên phần mềm dân cư.", [("CCCD", "001202345678")]),
    ("Em tên Hà, căn cước 092303005555 ạ.", [("CCCD", "092303005555")]),
    # ---------------------------------------------------------------- CMND (9 digits, context)
    ("Số CMND cũ của ông là 012345678.", [("CMND", "012345678")]),
    ("Chứng minh nhân dân số 272123456 cấp năm 2010.", [("CMND", "272123456")]),
    ("CMND: 201 456 789", [("CMND", "201 456 789")]),
    ("Bà Mai có CMT 145678901 đã hết hạn.", [("CMND", "145678901")]),
    ("Đổi từ CMND 025123987 sang căn cước.", [("CMND", "025123987")]),
    ("Số chứng minh thư: 381234567", [("CMND", "381234567")]),
    ("Anh Tuấn dùng CMND số 186543210 để vay vốn.", [("CMND", "186543210")]),
    ("Ghi chú: chứng minh nhân dân 212000111 bị mất.", [("CMND", "212000111")]),
    ("CMND 164 321 987 của người uỷ quyền", [("CMND", "164 321 987")]),
    ("Thông tin CMND (cũ): 031555666", [("CMND", "031555666")]),
    # ---------------------------------------------------------------- phone numbers
    ("Liên hệ anh Nam qua số 0912345678.", [("PHONE", "0912345678")]),
    ("SĐT: 0912 345 678", [("PHONE", "0912 345 678")]),
    ("Gọi cho chị Hằng 0987.654.321 trước 5 giờ chiều.", [("PHONE", "0987.654.321")]),
    ("Điện thoại 098-765-4321", [("PHONE", "098-765-4321")]),
    ("Số của tôi là +84 912 345 678.", [("PHONE", "+84 912 345 678")]),
    ("Zalo +84912345679", [("PHONE", "+84912345679")]),
    ("Hotline cá nhân: 84 903 123 456", [("PHONE", "84 903 123 456")]),
    ("Số máy bàn nhà tôi 024 3825 1234.", [("PHONE", "024 3825 1234")]),
    ("Gọi 028.3829.1234 gặp bác Tư.", [("PHONE", "028.3829.1234")]),
    ("Anh Khoa, đt 0367 123 456, cần hỗ trợ.", [("PHONE", "0367 123 456")]),
    ("Chị Thu 0708123456 báo mất giấy tờ.", [("PHONE", "0708123456")]),
    ("Người báo tin: ông Sáu, 0868.111.222.", [("PHONE", "0868.111.222")]),
    ("Số điện thoại con trai: 0559 876 543", [("PHONE", "0559 876 543")]),
    ("Liên lạc (+84) 977 888 999 nếu cần.", [("PHONE", "(+84) 977 888 999")]),
    ("Nhắn tin cho tôi: 0933 22 33 44", [("PHONE", "0933 22 33 44")]),
    ("Gọi 0236 3822 123 (nhà riêng).", [("PHONE", "0236 3822 123")]),
    ("Số cũ 0904-111-222, số mới 0385-333-444.", [("PHONE", "0904-111-222"), ("PHONE", "0385-333-444")]),
    ("Anh Bình điện thoại 0914.56.78.90.", [("PHONE", "0914.56.78.90")]),
    ("Tổ trưởng tổ 5 là ông Lâm, số 0961234567.", [("PHONE", "0961234567")]),
    ("Đã gọi 0397654321 nhưng không ai nghe.", [("PHONE", "0397654321")]),
    ("Người nhà: 0823 456 789 (vợ).", [("PHONE", "0823 456 789")]),
    ("SĐT chủ nhà 0345.678.901, cho thuê phòng trọ.", [("PHONE", "0345.678.901")]),
    ("Gọi giúp tôi số 0944 555 666 để báo họp tổ.", [("PHONE", "0944 555 666")]),
    ("Liên hệ: 0773 210 987", [("PHONE", "0773 210 987")]),
    ("ĐT bàn 0243 7654 321", [("PHONE", "0243 7654 321")]),
    ("Số của chị Nga: 0981 222 333, của anh Sơn: 0912 999 888.",
     [("PHONE", "0981 222 333"), ("PHONE", "0912 999 888")]),
    ("Báo cho tôi qua 0909090909 khi có kết quả.", [("PHONE", "0909090909")]),
    ("Mẹ em số 0376.543.210 ạ", [("PHONE", "0376.543.210")]),
    ("Phone: +84 24 3825 1234", [("PHONE", "+84 24 3825 1234")]),
    ("Liên hệ chị Phương (0985 123 987) để nhận trợ cấp.", [("PHONE", "0985 123 987")]),
    # ---------------------------------------------------------------- email
    ("Gửi hồ sơ về nguyen.van.an@gmail.com giúp tôi.", [("EMAIL", "nguyen.van.an@gmail.com")]),
    ("Email: tranthibinh1985@yahoo.com.vn", [("EMAIL", "tranthibinh1985@yahoo.com.vn")]),
    ("Liên hệ le_minh.cuong+hoso@outlook.com để nhận kết quả.", [("EMAIL", "le_minh.cuong+hoso@outlook.com")]),
    ("Thư của ông Dũng: dung.pv@hanoi.gov.vn", [("EMAIL", "dung.pv@hanoi.gov.vn")]),
    ("Phản hồi vào hoa.nguyen@vnpt.vn hoặc gọi tổ trưởng.", [("EMAIL", "hoa.nguyen@vnpt.vn")]),
    ("Địa chỉ thư điện tử: mai123@gmail.com.", [("EMAIL", "mai123@gmail.com")]),
    ("Gửi bản scan qua email ngoclan.tran@fpt.edu.vn", [("EMAIL", "ngoclan.tran@fpt.edu.vn")]),
    ("Email anh Tâm là tam.le-van@company.com.vn, email chị Vy là vy.pham@gmail.com.",
     [("EMAIL", "tam.le-van@company.com.vn"), ("EMAIL", "vy.pham@gmail.com")]),
    ("Tài khoản dịch vụ công: hung.do1975@gmail.com", [("EMAIL", "hung.do1975@gmail.com")]),
    ("Liên hệ qua hộp thư ubnd.phuong@gmail.com", [("EMAIL", "ubnd.phuong@gmail.com")]),
    ("Con tôi học ở trường, email giáo viên: co.thao@thcs-lequydon.edu.vn",
     [("EMAIL", "co.thao@thcs-lequydon.edu.vn")]),
    ("mail: khanh_nguyen@icloud.com", [("EMAIL", "khanh_nguyen@icloud.com")]),
    # ---------------------------------------------------------------- bank accounts (near bank words)
    ("Số tài khoản 0011004123456 tại Vietcombank, chủ tài khoản Nguyễn Văn An.", [("BANK", "0011004123456")]),
    ("STK: 1903 5678 9012 34 Techcombank", [("BANK", "1903 5678 9012 34")]),
    ("Chuyển khoản vào tài khoản 123456789 ngân hàng MB.", [("BANK", "123456789")]),
    ("Tài khoản Agribank số 1500205123456 của hộ ông Sáu.", [("BANK", "1500205123456")]),
    ("Nhận trợ cấp qua TK 21510000123456 BIDV.", [("BANK", "21510000123456")]),
    ("Ngân hàng VietinBank, số tài khoản: 101867543210.", [("BANK", "101867543210")]),
    ("Chi trả qua tài khoản ACB 24681357 của bà Lan.", [("BANK", "24681357")]),
    ("STK 0071000987654 VCB - Trần Thị Bình", [("BANK", "0071000987654")]),
    ("Số TK Sacombank: 0601 2345 6789", [("BANK", "0601 2345 6789")]),
    ("Vui lòng chuyển vào tài khoản 19036789012015 (Techcombank).", [("BANK", "19036789012015")]),
    ("Tài khoản nhận tiền: 3100201012345, Agribank chi nhánh Ba Đình.", [("BANK", "3100201012345")]),
    ("Ngân hàng Chính sách xã hội giải ngân vào tài khoản 8888123456.", [("BANK", "8888123456")]),
    ("TPBank 02468013579 chủ TK Lê Văn Tám", [("BANK", "02468013579")]),
    ("Số tài khoản của hộ kinh doanh: 115000123456 (VietinBank).", [("BANK", "115000123456")]),
    ("VPBank: 123 456 789 012", [("BANK", "123 456 789 012")]),
    ("Đề nghị hoàn tiền vào số tài khoản 0451000456789 Vietcombank.", [("BANK", "0451000456789")]),
    ("Chuyển khoản qua STK 9704 2201 2345 678 nhé.", [("BANK", "9704 2201 2345 678")]),
    ("Ông Lâm đổi tài khoản nhận lương hưu sang 1234567890123 BIDV.", [("BANK", "1234567890123")]),
    # ---------------------------------------------------------------- tax codes
    ("Mã số thuế cá nhân: 8012345678.", [("TAX", "8012345678")]),
    ("Hộ kinh doanh có MST 0101234567.", [("TAX", "0101234567")]),
    ("MST 0312345678-001 của chi nhánh.", [("TAX", "0312345678-001")]),
    ("Mã số thuế của ông Bình là 8300123456.", [("TAX", "8300123456")]),
    ("Doanh nghiệp tư nhân Hoa Mai, mã số doanh nghiệp 0109876543.", [("TAX", "0109876543")]),
    ("Kê khai thuế với MST: 8765432109", [("TAX", "8765432109")]),
    ("mã số thuế 0401234567 đã ngừng hoạt động", [("TAX", "0401234567")]),
    ("Tra cứu MST 8123456789 giúp tôi.", [("TAX", "8123456789")]),
    ("Người nộp thuế Trần Văn Hải, mã số thuế 8009988776.", [("TAX", "8009988776")]),
    ("MST chi nhánh: 0100109106-012", [("TAX", "0100109106-012")]),
    # ---------------------------------------------------------------- vehicle plates
    ("Xe ô tô biển số 29A-123.45 đỗ trước cổng.", [("PLATE", "29A-123.45")]),
    ("Biển kiểm soát 30E-678.90 vi phạm.", [("PLATE", "30E-678.90")]),
    ("Xe máy 29-B1 234.56 bị mất trộm.", [("PLATE", "29-B1 234.56")]),
    ("Biển số xe: 59X1-123.45", [("PLATE", "59X1-123.45")]),
    ("Xe tải 51C-456.78 chở vật liệu.", [("PLATE", "51C-456.78")]),
    ("Ô tô 43A 12345 của gia đình ông Tâm.", [("PLATE", "43A 12345")]),
    ("Xe máy biển 29B1-23456 để ở nhà văn hoá.", [("PLATE", "29B1-23456")]),
    ("Phát hiện xe 36K-111.22 đổ phế thải.", [("PLATE", "36K-111.22")]),
    ("Xe đăng ký biển 88A-999.88.", [("PLATE", "88A-999.88")]),
    ("Xe máy 59-H2 345.67 bị tạm giữ.", [("PLATE", "59-H2 345.67")]),
    ("Ô tô biển 30LD-012.34 đỗ sai quy định.", [("PLATE", "30LD-012.34")]),
    ("Xe 15B-234.56 và xe 16A-345.67 va chạm.", [("PLATE", "15B-234.56"), ("PLATE", "16A-345.67")]),
    # ---------------------------------------------------------------- dates of birth
    ("Ông Nguyễn Văn An, sinh ngày 12/05/1980, trú tại phường.", [("DOB", "12/05/1980")]),
    ("Bà Lê Thị Cúc, ngày sinh: 03-11-1975.", [("DOB", "03-11-1975")]),
    ("Anh Dũng sinh năm 1990.", [("DOB", "1990")]),
    ("Cháu Minh sinh ngày 5 tháng 7 năm 2015.", [("DOB", "ngày 5 tháng 7 năm 2015")]),
    ("Họ tên: Phạm Thị Hoa; ngày sinh 21.09.1968", [("DOB", "21.09.1968")]),
    ("Người đề nghị: Trần Văn Phúc, sinh 1957.", [("DOB", "1957")]),
    ("Cụ Vũ Thị Tơ, sinh ngày 01/01/1935, thuộc diện người cao tuổi.", [("DOB", "01/01/1935")]),
    ("Con: Đỗ Gia Bảo, năm sinh 2018.", [("DOB", "2018")]),
    ("Bà Hương (sinh ngày 14/2/1983) xin xác nhận độc thân.", [("DOB", "14/2/1983")]),
    ("Ngày sinh: ngày 30 tháng 4 năm 1972", [("DOB", "ngày 30 tháng 4 năm 1972")]),
    ("Anh Khải sinh ngày 09-12-1999 tại Hà Nội.", [("DOB", "09-12-1999")]),
    ("Ông Tư, sinh năm 1948, là thương binh.", [("DOB", "1948")]),
    ("Em bé sinh ngày 02/03/2024 cần làm khai sinh.", [("DOB", "02/03/2024")]),
    # ---------------------------------------------------------------- house addresses
    ("Gia đình ông An ở số nhà 12 ngõ 34 phố Huế.", [("ADDRESS", "số nhà 12 ngõ 34 phố Huế")]),
    ("Bà Bình trú tại 25 Lê Lợi, phường Bến Nghé.", [("ADDRESS", "25 Lê Lợi")]),
    ("Địa chỉ: số 8 hẻm 12 đường Nguyễn Trãi.", [("ADDRESS", "số 8 hẻm 12 đường Nguyễn Trãi")]),
    ("Nhà số 15 ngách 7 ngõ 120 Trần Duy Hưng.", [("ADDRESS", "Nhà số 15 ngách 7 ngõ 120 Trần Duy Hưng")]),
    ("Anh Cường thuê trọ ở 47/3 Phan Đăng Lưu.", [("ADDRESS", "47/3 Phan Đăng Lưu")]),
    ("Chị Hạnh sống tại số 102 đường Hai Bà Trưng.", [("ADDRESS", "số 102 đường Hai Bà Trưng")]),
    ("Hộ ông Sơn, số 6 ngõ 5 phố Kim Mã, xin cấp phép sửa nhà.", [("ADDRESS", "số 6 ngõ 5 phố Kim Mã")]),
    ("Địa chỉ liên hệ: 18 ngõ 2 Tôn Thất Tùng.", [("ADDRESS", "18 ngõ 2 Tôn Thất Tùng")]),
    ("Ông Hải ở 3A kiệt 14 Hoàng Diệu.", [("ADDRESS", "3A kiệt 14 Hoàng Diệu")]),
    ("Nhà bà Ngọc tại số 9 hẻm 21 Lý Thường Kiệt bị nứt tường.", [("ADDRESS", "số 9 hẻm 21 Lý Thường Kiệt")]),
    ("Trú tại số nhà 27, tổ 3, phường Quang Trung.", [("ADDRESS", "số nhà 27, tổ 3")]),
    ("Gửi giấy mời về 56 Nguyễn Du cho ông Khôi.", [("ADDRESS", "56 Nguyễn Du")]),
    ("Chuyển đến 12B ngõ 45 Võ Thị Sáu từ tháng trước.", [("ADDRESS", "12B ngõ 45 Võ Thị Sáu")]),
    ("Căn hộ 1203 chung cư Hoàng Anh của chị Vân bị thấm.", [("ADDRESS", "Căn hộ 1203 chung cư Hoàng Anh")]),
    ("Ông Lộc, thường trú tại 88 đường Trần Phú, đề nghị tách hộ.", [("ADDRESS", "88 đường Trần Phú")]),
    # ---------------------------------------------------------------- several kinds at once
    ("Ông Nguyễn Văn Hùng, sinh ngày 15/08/1979, CCCD 001079005678, SĐT 0913 456 789, trú tại 14 Hàng Bạc.",
     [("DOB", "15/08/1979"), ("CCCD", "001079005678"), ("PHONE", "0913 456 789"), ("ADDRESS", "14 Hàng Bạc")]),
    ("Chị Lan (lan.tran@gmail.com, 0988 777 666) đề nghị chuyển tiền vào STK 0021000456789 Vietcombank.",
     [("EMAIL", "lan.tran@gmail.com"), ("PHONE", "0988 777 666"), ("BANK", "0021000456789")]),
    ("Hộ kinh doanh của bà Mai, MST 8098765432, xe giao hàng 29C-345.67.",
     [("TAX", "8098765432"), ("PLATE", "29C-345.67")]),
    ("Người khai: Trần Văn Lợi, CMND 013456789, điện thoại +84 936 123 321.",
     [("CMND", "013456789"), ("PHONE", "+84 936 123 321")]),
    ("Thông tin: Lê Thị Thắm, ngày sinh 07/07/1991, CCCD 038191004567, email tham.le@yahoo.com.",
     [("DOB", "07/07/1991"), ("CCCD", "038191004567"), ("EMAIL", "tham.le@yahoo.com")]),
    ("Anh Quang gọi 0905 123 456 báo xe 43B-567.89 của anh bị trộm tại số 20 đường Bạch Đằng.",
     [("PHONE", "0905 123 456"), ("PLATE", "43B-567.89"), ("ADDRESS", "số 20 đường Bạch Đằng")]),
    ("Chủ hộ: Đinh Văn Toàn (CCCD 031080001111), con: Đinh Thị Mơ, sinh năm 2010.",
     [("CCCD", "031080001111"), ("DOB", "2010")]),
    ("Bà Thoa chuyển 2.000.000 đồng vào tài khoản 1020304050 Agribank, gọi lại số 0912 000 111.",
     [("BANK", "1020304050"), ("PHONE", "0912 000 111")]),
    ("Xác nhận cho ông Kiên, MST 8011223344, CCCD 001085223344.",
     [("TAX", "8011223344"), ("CCCD", "001085223344")]),
    ("Email phản ánh từ nguoidan123@gmail.com: xe 30F-999.11 đỗ chắn lối vào ngõ 16.",
     [("EMAIL", "nguoidan123@gmail.com"), ("PLATE", "30F-999.11")]),
    # ---------------------------------------------------------------- NO personal data
    ("Theo Điều 12 Luật Cư trú năm 2020, công dân có quyền tự do cư trú.", []),
    ("Luật Tổ chức chính quyền địa phương số 77/2015/QH13.", []),
    ("Luật số 45/2019/QH14 quy định về thi đua, khen thưởng.", []),
    ("Nghị định 30/2020/NĐ-CP về công tác văn thư.", []),
    ("Căn cứ Quyết định số 1234/QĐ-UBND ngày 12/05/2023 của UBND thành phố.", []),
    ("Thông tư 01/2022/TT-BCA hướng dẫn Luật Cư trú.", []),
    ("Mức hỗ trợ là 1.500.000 đồng mỗi tháng.", []),
    ("Tổng kinh phí 2.500.000.000 đồng từ ngân sách.", []),
    ("Dự toán 150000000 đồng cho năm 2025.", []),
    ("Khoản 3 Điều 5 Nghị định 100/2019/NĐ-CP.", []),
    ("Năm 2024, phường có 12.345 nhân khẩu và 3.210 hộ gia đình.", []),
    ("Tỷ lệ hộ nghèo giảm từ 3,5% xuống 2,1%.", []),
    ("Công văn số 2345/UBND-VP ngày 01/03/2024.", []),
    ("Kế hoạch số 56/KH-UBND triển khai Đề án 06.", []),
    ("Thửa đất số 345, tờ bản đồ số 12, diện tích 120 m2.", []),
    ("Quốc lộ 1A đoạn km 1234 đang sửa chữa.", []),
    ("Cuộc họp lúc 14 giờ 30 ngày 15/06/2025 tại hội trường.", []),
    ("Giai đoạn 2021-2025, xã xây dựng 15 km đường bê tông.", []),
    ("Chương II, Mục 3 của Luật Đất đai 2024 gồm 20 điều.", []),
    ("Phường có 12 tổ dân phố và 3 khu dân cư.", []),
    ("Tổng đài dịch vụ công quốc gia 1900 1234 hỗ trợ người dân.", []),
    ("Đường dây nóng 113, cứu hỏa 114, cấp cứu 115.", []),
    ("Mã bưu chính của phường là 100000.", []),
    ("Ngân hàng Chính sách xã hội cho vay tối đa 100 triệu đồng.", []),
    ("Trong năm 2023, ngân hàng đã giải ngân 45 tỷ đồng cho 1.200 hộ.", []),
    ("Tài khoản định danh điện tử mức 2 được kích hoạt cho 85% dân số.", []),
    ("Nghị quyết 18-NQ/TW năm 2017 về sắp xếp tổ chức bộ máy.", []),
    ("Hiến pháp năm 2013 có 11 chương, 120 điều.", []),
    ("Lớp 12A có 45 học sinh.", []),
    ("Xã có 7 thôn, 2 trường học và 1 trạm y tế.", []),
    ("Chi phí phát sinh năm 2023 là 12 triệu đồng.", []),
    ("Học sinh năm 2024 được miễn học phí theo Nghị quyết 217/2025/QH15.", []),
    ("Mức lương cơ sở 2.340.000 đồng/tháng từ 01/7/2024.", []),
    ("Điều 24 và Điều 25 của Luật Hộ tịch 2014.", []),
    ("Bộ luật Dân sự 91/2015/QH13 có hiệu lực từ 01/01/2017.", []),
    ("Dân số Việt Nam năm 2023 khoảng 100.300.000 người.", []),
    ("Hạn nộp hồ sơ là ngày 31/12/2025.", []),
    ("Phòng 203 tầng 2 trụ sở UBND phường.", []),
    ("Biểu mẫu CT01 ban hành kèm Thông tư 66/2023/TT-BCA.", []),
    ("Lệ phí đăng ký cư trú 20.000 đồng/lần.", []),
    ("Thời hạn giải quyết 7 ngày làm việc kể từ ngày nhận đủ hồ sơ.", []),
    ("Mẫu số 01 ban hành kèm theo Nghị định 123/2015/NĐ-CP.", []),
    ("Quyết định 1500/QĐ-TTg năm 2023 phê duyệt quy hoạch.", []),
    ("Kết quả: 98,5% hồ sơ được giải quyết đúng hạn trong quý III/2024.", []),
    ("Mã hồ sơ H26.22-240315-0001 đang được xử lý.", []),
    ("Tòa nhà cao 25 tầng với 320 căn hộ.", []),
    ("Nghị định 168/2024/NĐ-CP phạt từ 800.000 đến 1.000.000 đồng.", []),
    ("Giá đất 45.000.000 đồng/m2 theo bảng giá năm 2025.", []),
    ("Ngân sách phường năm 2025 là 12.500.000.000 đồng.", []),
    ("Hội nghị có 150 đại biểu tham dự, 12 ý kiến phát biểu.", []),
    ("Đợt 1 năm 2024 cấp 1.234 thẻ bảo hiểm y tế.", []),
    ("Chỉ thị 05-CT/TW ngày 15/5/2016 về học tập và làm theo tư tưởng Hồ Chí Minh.", []),
    ("Điểm a khoản 2 Điều 9 Luật Xử lý vi phạm hành chính 2012.", []),
    ("Tiền phạt nộp vào Kho bạc Nhà nước trong 10 ngày.", []),
    ("Xe ô tô dưới 9 chỗ được miễn phí gửi tại nhà văn hóa.", []),
    ("Năm 1945, Chủ tịch Hồ Chí Minh đọc Tuyên ngôn Độc lập.", []),
    ("Đường Nguyễn Trãi dài 3 km, rộng 24 m.", []),
    ("Phường sáp nhập từ 3 phường cũ theo Nghị quyết 1656/NQ-UBTVQH15.", []),
    ("Có 2 ngõ bị ngập sau trận mưa ngày 10/9/2025.", []),
    ("Tỷ lệ tiêm chủng đạt 99% năm 2022.", []),
    ("Báo cáo số 321/BC-UBND về tình hình kinh tế - xã hội 6 tháng đầu năm.", []),
    ("Ngày 2/9/1945 là ngày Quốc khánh.", []),
    ("Giờ làm việc từ 7 giờ 30 đến 17 giờ.", []),
    ("Mã số hồ sơ thủ tục 1.001612 trên Cổng dịch vụ công.", []),
    ("Mã thủ tục 2.000986.000.00.00.H26 về đăng ký khai sinh.", []),
    ("Luật Căn cước 2023 số 26/2023/QH15 có hiệu lực từ 01/7/2024.", []),
    ("Theo Điều 10 Luật Căn cước, số định danh cá nhân gồm 12 chữ số.", []),
    ("Số CMND cũ có 9 chữ số, số CCCD có 12 chữ số.", []),
    ("Biển số xe gồm mã tỉnh 2 chữ số và sê-ri đăng ký.", []),
    ("Mã số thuế cá nhân được thay bằng số định danh từ 01/7/2025.", []),
    ("Trợ cấp xã hội hàng tháng 500.000 đồng cho người từ 75 tuổi.", []),
    ("Chuyển khoản qua ngân hàng giúp giảm 30% thời gian chi trả.", []),
    ("Khu phố 3 tổ chức ngày hội Đại đoàn kết năm 2025.", []),
    ("Hạn mức vay 50.000.000 đồng tại Ngân hàng Chính sách xã hội.", []),
    ("Nghị định 15/2020/NĐ-CP bị thay thế bởi Nghị định 158/2024/NĐ-CP.", []),
    ("Phụ lục I Nghị định 30/2020/NĐ-CP quy định thể thức văn bản.", []),
    ("Cỡ chữ 13 đến 14, lề trên 20 mm, lề trái 30 mm.", []),
    ("Tổng số 1.234.567 lượt truy cập năm 2024.", []),
    ("Xã có 2.345 ha đất nông nghiệp và 120 ha đất ở.", []),
    ("Khoảng 60% người dân đã dùng VNeID.", []),
    # reported by another helper while building module 3 (added to the tuning set afterwards)
    ("Tổng vệ sinh ngày 11 tháng 01 năm 2026 trên toàn phường.", []),
    ("Liệt sĩ hy sinh ngày 30/4/1975 tại Sài Gòn.", []),
    ("Thí sinh năm 2025 đăng ký dự thi tại trường.", []),
    ("Ông Tâm, điện thoại 0912 345 678, được ngân hàng BIDV hỗ trợ vay vốn.", [("PHONE", "0912 345 678")]),
    # found by probing counting phrases after the first round
    ("Năm nay sửa 3 đường Lê Lợi, Trần Phú và Hùng Vương.", []),
    ("Phường có 2 ngõ bị ngập: ngõ 5 và ngõ 7.", []),
    ("Xã gồm 5 thôn Đông Hòa, Tây Hòa, Nam Hòa, Bắc Hòa và Trung Hòa.", []),
]

# Written after the rules were tuned on CASES and never used to tune them: an honest second figure.
HELDOUT: list[Case] = [
    ("toi ten Hoang, so dien thoai 0916 222 444, can xin giay xac nhan", [("PHONE", "0916 222 444")]),
    ("cccd 001190033221 cua me toi bi mat", [("CCCD", "001190033221")]),
    ("Anh Phong nhờ chuyển khoản 5.000.000 đồng vào STK 4567891230 ngân hàng ACB.", [("BANK", "4567891230")]),
    ("Em là Thảo, nhà ở số 33 ngõ 68 Cầu Giấy, muốn đăng ký tạm trú.", [("ADDRESS", "số 33 ngõ 68 Cầu Giấy")]),
    ("Bác Khang sinh ngày 20/10/1952 cần làm thẻ bảo hiểm y tế.", [("DOB", "20/10/1952")]),
    ("Xe 29H-456.78 của công ty đỗ trên vỉa hè.", [("PLATE", "29H-456.78")]),
    ("Mail cho em: thao.nguyen.hn@gmail.com ạ", [("EMAIL", "thao.nguyen.hn@gmail.com")]),
    ("MST hộ kinh doanh 8456123789, địa điểm kinh doanh tại chợ phường.", [("TAX", "8456123789")]),
    ("Gọi lại cho tôi số 0979 13 57 91.", [("PHONE", "0979 13 57 91")]),
    ("Số CMND 174 852 963 đã được thay bằng căn cước.", [("CMND", "174 852 963")]),
    ("Ông Trọng (SĐT +84 983 456 712) phản ánh tiếng ồn.", [("PHONE", "+84 983 456 712")]),
    ("Bà Loan, căn cước 030178004512, xin trợ cấp.", [("CCCD", "030178004512")]),
    ("Hộ ông Tài ở 21 Trần Hưng Đạo có 4 nhân khẩu.", [("ADDRESS", "21 Trần Hưng Đạo")]),
    ("Tài khoản Vietcombank 0491000123987 chủ tài khoản Lý Văn Tài.", [("BANK", "0491000123987")]),
    ("Con gái tôi, Phạm Ngọc Anh, sinh ngày 8/3/2012.", [("DOB", "8/3/2012")]),
    ("Số điện thoại nhà riêng: 0225 3745 123", [("PHONE", "0225 3745 123")]),
    ("Xe máy 34-K1 567.89 để trong sân.", [("PLATE", "34-K1 567.89")]),
    ("Thông báo gửi tới vu.thanh.tung@moet.gov.vn", [("EMAIL", "vu.thanh.tung@moet.gov.vn")]),
    ("Chị Yến 0832 111 999, anh Đức 0902 888 777.", [("PHONE", "0832 111 999"), ("PHONE", "0902 888 777")]),
    ("Ông Thịnh, CCCD 001066007788, sinh năm 1966, ở 9 Lò Đúc.",
     [("CCCD", "001066007788"), ("DOB", "1966"), ("ADDRESS", "9 Lò Đúc")]),
    ("Nhà văn hóa tổ 12 cần sửa mái, kinh phí 80 triệu đồng.", []),
    ("Nghị định 100/2019/NĐ-CP sửa đổi bởi Nghị định 123/2021/NĐ-CP.", []),
    ("Năm 2025 phường hoàn thành 100% chỉ tiêu.", []),
    ("Quyết định số 4567/QĐ-UBND ngày 30/12/2024.", []),
    ("Lương hưu tăng 15% từ tháng 7/2024.", []),
    ("Điều 3 Luật Căn cước giải thích từ ngữ.", []),
    ("Đường dây nóng của phường: 1900 9090.", []),
    ("Giá trị gói thầu 1.250.000.000 đồng, thời gian 180 ngày.", []),
    ("Thông tư 55/2021/TT-BCA quy định chi tiết Luật Cư trú.", []),
    ("Có 1.580 người cao tuổi, trong đó 312 người trên 80 tuổi.", []),
    ("Mã số thuế được cấp trong 3 ngày làm việc.", []),
    ("Ngân hàng mở thêm 2 phòng giao dịch năm 2024.", []),
    ("Số tài khoản và mật khẩu không được chia sẻ cho ai.", []),
    ("Báo cáo quý IV/2024 gồm 25 trang và 6 phụ lục.", []),
    ("Hạn chót nộp thuế là ngày 30/01/2025.", []),
    ("Trường THCS có 24 lớp, 1.050 học sinh.", []),
    ("Biển báo cấm đỗ xe đặt ở đầu ngõ 15.", []),
    ("Trận lũ năm 2020 làm 12 hộ mất nhà.", []),
    ("Khoản vay 200.000.000 đồng, lãi suất 6,6%/năm.", []),
    ("Giấy phép xây dựng số 123/GPXD cấp ngày 5/6/2024.", []),
]


@dataclass
class Scores:
    """Span-level detection scores (a finding counts when its exact text is an expected value)."""

    cases: int
    with_pii: int
    expected: int
    found: int
    true_positive: int
    kind_correct: int
    false_positives: list[tuple[str, str, str]]
    missed: list[tuple[str, str, str]]

    @property
    def precision(self) -> float:
        return self.true_positive / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.true_positive / self.expected if self.expected else 1.0

    @property
    def kind_accuracy(self) -> float:
        return self.kind_correct / self.true_positive if self.true_positive else 1.0

    def report(self) -> str:
        return (
            f"{self.cases} câu ({self.with_pii} có dữ liệu cá nhân, {self.cases - self.with_pii} không có); "
            f"{self.expected} giá trị cần che, phát hiện {self.found}, đúng {self.true_positive}.\n"
            f"precision = {self.precision:.3f}, recall = {self.recall:.3f}, "
            f"đúng loại = {self.kind_accuracy:.3f}"
        )


def evaluate(cases: list[Case] | None = None) -> Scores:
    """Run `find_pii` on every case and count matches by exact text (the first set's nine kinds)."""
    cases = CASES if cases is None else cases
    expected = found = tp = kind_ok = 0
    fps: list[tuple[str, str, str]] = []
    missed: list[tuple[str, str, str]] = []
    for text, gold in cases:
        got = [(f.kind, f.value) for f in find_pii(text) if f.kind in FIRST_SET_KINDS]
        expected += len(gold)
        found += len(got)
        remaining = list(gold)
        for kind, value in got:
            match = next((g for g in remaining if g[1] == value), None)
            if match is None:
                fps.append((text, kind, value))
                continue
            remaining.remove(match)
            tp += 1
            kind_ok += match[0] == kind
        missed.extend((text, k, v) for k, v in remaining)
    return Scores(len(cases), sum(1 for _, g in cases if g), expected, found, tp, kind_ok, fps, missed)


WARD_FILE = Path(__file__).with_name("cases_ward.tsv")
_MARK = re.compile(r"\[\[([A-Z]+):(.*?)\]\]")


@dataclass(frozen=True)
class WardCase:
    """One sentence of the ward set: slice (U/T), stratum "KIND/spelling", text, marked (kind, start, end)."""

    slice: str
    stratum: str
    text: str
    gold: tuple[tuple[str, int, int], ...]


def load_ward_cases(slice_: str | None = None) -> list[WardCase]:
    """The cases of `cases_ward.tsv`, all or one slice ("U" untouched, "T" tuning, "V"/"W" later held-out)."""
    cases: list[WardCase] = []
    for line in WARD_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        part, stratum, marked = line.split("\t")
        if slice_ is not None and part != slice_:
            continue
        text, gold, pos = "", [], 0
        for m in _MARK.finditer(marked):
            text += marked[pos : m.start()]
            kind, value = m.group(1), m.group(2)
            if kind not in KINDS:
                raise ValueError(f"unknown kind {kind} in: {line}")
            gold.append((kind, len(text), len(text) + len(value)))
            text += value
            pos = m.end()
        text += marked[pos:]
        cases.append(WardCase(part, stratum, text, tuple(gold)))
    return cases


@dataclass
class KindScore:
    expected: int = 0
    caught: int = 0
    found: int = 0
    correct: int = 0

    @property
    def recall(self) -> float:
        return self.caught / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0


@dataclass
class WardScores:
    """Per-kind and overall recall/precision on the ward set, with the misses and false alarms."""

    cases: int = 0
    kinds: dict[str, KindScore] = field(default_factory=dict)
    missed: list[tuple[str, str, str]] = field(default_factory=list)
    false_positives: list[tuple[str, str, str]] = field(default_factory=list)
    wrong_kind: int = 0
    negatives_passed: int = 0
    negatives: int = 0

    def total(self) -> KindScore:
        t = KindScore()
        for k in self.kinds.values():
            t.expected += k.expected
            t.caught += k.caught
            t.found += k.found
            t.correct += k.correct
        return t

    def as_dict(self) -> dict[str, object]:
        t = self.total()
        return {
            "cases": self.cases, "negatives": self.negatives, "negatives_passed": self.negatives_passed,
            "recall": round(t.recall, 3), "precision": round(t.precision, 3), "wrong_kind": self.wrong_kind,
            "kinds": {k: {"n": v.expected, "recall": round(v.recall, 3), "found": v.found,
                          "precision": round(v.precision, 3)} for k, v in sorted(self.kinds.items())},
        }

    def report(self) -> str:
        t = self.total()
        lines = [f"{self.cases} câu ({self.negatives} câu không có dữ liệu cá nhân, {self.negatives_passed} "
                 f"câu giữ nguyên); recall = {t.recall:.3f}, precision = {t.precision:.3f}, "
                 f"khác loại = {self.wrong_kind}",
                 f"  {'loại':10} {'số mục':>6} {'recall':>7} {'phát hiện':>9} {'precision':>9}"]
        for kind, v in sorted(self.kinds.items()):
            lines.append(f"  {kind:10} {v.expected:6d} {v.recall:7.3f} {v.found:9d} {v.precision:9.3f}")
        return "\n".join(lines)


def evaluate_ward(cases: list[WardCase], detect: Callable[[str], list[Finding]] = find_pii) -> WardScores:
    """Score `detect` (the course guard by default) on ward cases by span (see the module docstring)."""
    scores = WardScores(cases=len(cases))
    for case in cases:
        findings = detect(case.text)
        if not case.gold:
            scores.negatives += 1
            scores.negatives_passed += not findings
        for kind, start, end in case.gold:
            ks = scores.kinds.setdefault(kind, KindScore())
            ks.expected += 1
            if kind == "SENSITIVE":
                hit = [f for f in findings if f.start < end and start < f.end]
            else:
                hit = [f for f in findings if f.start <= start and f.end >= end]
            if hit:
                ks.caught += 1
                scores.wrong_kind += all(f.kind != kind for f in hit)
            else:
                scores.missed.append((case.text, kind, case.text[start:end]))
        for f in findings:
            ks = scores.kinds.setdefault(f.kind, KindScore())
            ks.found += 1
            if any(f.start < end and start < f.end for _, start, end in case.gold):
                ks.correct += 1
            else:
                scores.false_positives.append((case.text, f.kind, f.value))
    return scores


def _print_ward(title: str, scores: WardScores) -> None:
    print(title)
    print(scores.report())
    for text, kind, value in scores.false_positives:
        print(f"  thừa  {kind:10} {value!r:34} ← {text}")
    for text, kind, value in scores.missed:
        print(f"  sót   {kind:10} {value!r:34} ← {text}")


# ---------------------------------------------------------------- comparison with public libraries
# Optional, for this measurement only (never on the run-time path): `pip install vipii` brings
# presidio-analyzer, spaCy and underthesea. Both run offline: vipii's recognisers are regular
# expressions with validators inside Presidio's AnalyzerEngine, and underthesea ships its CRF NER model
# (trained on VLSP 2016) inside the wheel. Neither downloads anything from a model hub.
VIPII_KINDS = {"CCCD": "CCCD", "CMND": "CMND", "PHONE_NUMBER": "PHONE", "EMAIL_ADDRESS": "EMAIL",
               "BANK_ACCOUNT": "BANK", "MST": "TAX", "VEHICLE_PLATE": "PLATE", "DATE_OF_BIRTH": "DOB",
               "PASSPORT": "PASSPORT", "HEALTH_INSURANCE_NUMBER": "INSURANCE",
               "SOCIAL_INSURANCE_NUMBER": "INSURANCE", "BANK_CARD": "CARD"}


def _align(text: str, tokens: list[str]) -> list[tuple[int, int]]:
    """Character spans of `tokens` in `text`, matched in order on folded lower-case text."""
    folded = strip_diacritics_aligned(text).lower()
    spans, cursor = [], 0
    for tok in tokens:
        i = folded.find(strip_diacritics_aligned(tok).lower(), cursor)
        if i < 0:
            spans.append((-1, -1))
            continue
        spans.append((i, i + len(tok)))
        cursor = i + len(tok)
    return spans


PRESIDIO_KINDS = {"EMAIL_ADDRESS": "EMAIL", "PHONE_NUMBER": "PHONE", "CREDIT_CARD": "CARD", "DATE_TIME": "DOB",
                  "PERSON": "NAME", "LOCATION": "ADDRESS"}


def _presidio_blank() -> Callable[[str], list[Finding]] | None:
    """Plain presidio-analyzer: its default recognisers over a blank spaCy Vietnamese pipeline (no model to
    download, so no named entities), or None when it is not installed. tldextract, which its email
    recogniser calls, is told not to fetch the public suffix list (it uses the copy in its wheel)."""
    try:
        import tempfile

        import spacy  # type: ignore[import-not-found]
        import tldextract  # type: ignore[import-not-found]
        from presidio_analyzer import AnalyzerEngine  # type: ignore[import-not-found]
        from presidio_analyzer.nlp_engine import NlpEngineProvider  # type: ignore[import-not-found]
    except ImportError:
        return None
    tldextract.extract = tldextract.TLDExtract(suffix_list_urls=())
    folder = Path(tempfile.mkdtemp(prefix="presidio-blank-vi-"))
    spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}}).to_disk(folder)
    engine = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "vi", "model_name": str(folder)}]}).create_engine()
    analyzer = AnalyzerEngine(nlp_engine=engine, supported_languages=["vi"])

    def find(text: str) -> list[Finding]:
        return [Finding(PRESIDIO_KINDS.get(r.entity_type, "OTHER"), r.start, r.end, text[r.start:r.end])
                for r in analyzer.analyze(text, language="vi")]

    return find


def library_detectors() -> dict[str, Callable[[str], list[Finding]]]:
    """The library detectors that are installed: "presidio" (its default recognisers, blank spaCy
    pipeline), "vipii" (Presidio recognisers for Vietnamese),
    "underthesea-ner" (names: PER), both together, and the course guard with the NER's extra names.
    Empty when neither is installed."""
    out: dict[str, Callable[[str], list[Finding]]] = {}
    presidio = _presidio_blank()
    if presidio is not None:
        out["presidio"] = presidio
    try:
        from vipii import PIIDetector  # type: ignore[import-not-found]
    except ImportError:
        PIIDetector = None  # noqa: N806
    try:
        from underthesea import ner  # type: ignore[import-not-found]
    except ImportError:
        ner = None
    if PIIDetector is not None:
        detector = PIIDetector()  # library defaults: built-in recognisers, underthesea tokens, no NER model

        def vipii_find(text: str) -> list[Finding]:
            return [Finding(VIPII_KINDS.get(m.label, "OTHER"), m.start, m.end, m.text) for m in detector.detect(text)]

        out["vipii"] = vipii_find
    if ner is not None:
        def ner_find(text: str) -> list[Finding]:
            rows = ner(text) if text.strip() else []
            spans = _align(text, [r[0] for r in rows])
            found: list[Finding] = []
            for (start, end), row in zip(spans, rows, strict=True):
                tag = row[-1]
                if start < 0 or not tag.endswith("PER"):
                    continue
                if tag.startswith("I-") and found and text[found[-1].end:start].strip() == "":
                    prev = found.pop()
                    start = prev.start
                found.append(Finding("NAME", start, end, text[start:end]))
            return found

        out["underthesea-ner"] = ner_find
    if PIIDetector is not None and ner is not None:
        out["vipii+underthesea"] = lambda text: out["vipii"](text) + out["underthesea-ner"](text)
    if ner is not None:  # would the NER add names the rules miss, and at what cost in precision?
        def course_plus_ner(text: str) -> list[Finding]:
            own = find_pii(text)
            extra = [f for f in out["underthesea-ner"](text) if all(f.end <= o.start or o.end <= f.start for o in own)]
            return own + extra

        out["course+underthesea"] = course_plus_ner
    return out


def compare(cases: list[WardCase]) -> dict[str, WardScores]:
    """Scores of the course guard and of each installed library detector on the same cases."""
    res = {"course": evaluate_ward(cases)}
    for name, fn in library_detectors().items():
        res[name] = evaluate_ward(cases, fn)
    return res


def compare_report(results: dict[str, WardScores]) -> str:
    """Per-kind recall / precision side by side (kinds the library has no recogniser for show 0 recall)."""
    names = list(results)
    kinds = sorted({k for r in results.values() for k in r.kinds if k != "OTHER"})
    head = f"  {'loại':10} {'số mục':>6} " + " ".join(f"{n[:18]:>18}" for n in names)
    lines = ["  recall / precision theo loại (precision: trong các phát hiện mang nhãn loại đó)", head]
    for kind in kinds:
        n = next((r.kinds[kind].expected for r in results.values() if kind in r.kinds), 0)
        cells = []
        for r in results.values():
            k = r.kinds.get(kind, KindScore())
            cells.append(f"{k.recall if k.expected else float('nan'):.3f} / "
                         f"{k.precision if k.found else float('nan'):.3f}".rjust(18))
        lines.append(f"  {kind:10} {n:6d} " + " ".join(cells))
    totals = [r.total() for r in results.values()]
    lines.append(f"  {'TỔNG':10} {totals[0].expected:6d} "
                 + " ".join(f"{t.recall:.3f} / {t.precision:.3f}".rjust(18) for t in totals))
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - manual report
    import argparse

    ap = argparse.ArgumentParser(description="Độ chính xác của bộ lọc dữ liệu cá nhân")
    ap.add_argument("--slices", nargs="*", help="chỉ các phần của bộ phường này (vd. T U V W)")
    ap.add_argument("--compare", action="store_true", help="so sánh với vipii / underthesea nếu đã cài")
    ap.add_argument("--quiet", action="store_true", help="không in từng câu sót / thừa")
    args = ap.parse_args()
    if args.slices is None:
        print("Bộ đã dùng để chỉnh quy tắc:")
        scores = evaluate()
        print(scores.report())
        for text, kind, value in scores.false_positives:
            print(f"  thừa  {kind:8} {value!r:30} ← {text}")
        for text, kind, value in scores.missed:
            print(f"  sót   {kind:8} {value!r:30} ← {text}")
        print("Bộ kiểm tra riêng (viết sau, không dùng để chỉnh):")
        held = evaluate(HELDOUT)
        print(held.report())
        for text, kind, value in held.false_positives:
            print(f"  thừa  {kind:8} {value!r:30} ← {text}")
        for text, kind, value in held.missed:
            print(f"  sót   {kind:8} {value!r:30} ← {text}")
        _print_ward("Bộ phường (issue 24), phần chỉnh quy tắc (T):", evaluate_ward(load_ward_cases("T")))
        _print_ward("Bộ phường (issue 24), phần giữ nguyên (U, viết trước khi sửa bộ lọc). Lần đo duy nhất trước "
                    "khi sửa tiếp: recall 0,992, precision 0,996 (README); số dưới đây là sau khi sửa hai lỗi "
                    "lần đo đó chỉ ra:", evaluate_ward(load_ward_cases("U")))
        _print_ward("Bộ phường, phần kiểm tra thứ hai (V, viết sau các chỗ sửa). Lần đo duy nhất: recall 0,940, "
                    "precision 1,000 (README); số dưới đây là sau khi sửa các lỗi lần đo đó chỉ ra:",
                    evaluate_ward(load_ward_cases("V")))
        _print_ward("Bộ phường, phần kiểm tra thứ ba (W, viết sau các chỗ sửa của V). Lần đo duy nhất: recall 0,971, "
                    "precision 0,971 (README); số dưới đây là sau khi sửa hai lỗi lần đo đó chỉ ra:",
                    evaluate_ward(load_ward_cases("W")))
        _print_ward("Bộ phường, phần X (423 câu, người khác viết, không nhìn bộ lọc). Lần đo duy nhất: recall 0,870, "
                    "precision 0,985 (README); số dưới đây là sau khi sửa các lỗi lần đo đó chỉ ra:",
                    evaluate_ward(load_ward_cases("X")))
        _print_ward("Bộ phường, phần Y (369 câu). Lần đo duy nhất: recall 0,844, precision 0,990 (README); số dưới đây "
                    "là sau khi sửa:", evaluate_ward(load_ward_cases("Y")))
        _print_ward("Bộ phường, phần Z (390 câu). Lần đo duy nhất của bộ lọc viết lại theo cơ chế: recall 0,919, "
                    "precision 0,981 (bộ lọc cũ: 0,874 / 0,975; README); số dưới đây là sau khi mở rộng cơ chế:",
                    evaluate_ward(load_ward_cases("Z")))
    else:
        for part in args.slices:
            cases = load_ward_cases(part)
            if args.compare:
                results = compare(cases)
                print(f"Phần {part} ({len(cases)} câu): bộ lọc của khoá học và các thư viện")
                print(compare_report(results))
            else:
                scores = evaluate_ward(cases)
                if args.quiet:
                    print(f"Phần {part}")
                    print(scores.report())
                else:
                    _print_ward(f"Phần {part}", scores)


def plain_pass(text: str) -> int:
    """The speed baseline of the guard (benchmark and test): NFC and one pass of the first guard's
    nine regular expressions, counting matches — no context rules, names or placeholders."""
    from course.privacy import detect as d

    patterns = (d.EMAIL_RE, d.PHONE_RE, d.CCCD_RE, d.CMND_RE, d.BANK_RE, d.TAX_RE, d.PLATE_RE, d.DOB_RE,
                *d.ADDRESS_RES)
    text = unicodedata.normalize("NFC", text)
    return sum(1 for rx in patterns for _ in rx.finditer(text))

