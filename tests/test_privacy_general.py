"""The privacy guard's general mechanisms (issue 24, after slices X and Y): numbers read aloud in any
grouping, dates of birth in any spelling, place-unit chains, secrets after their keyword, spelled
emails, and sensitive predicates tied to a person — with the ordinary sentences that must pass."""

from __future__ import annotations

import pytest

from course.privacy import find_pii
from course.privacy.numwords import number_runs, words_to_digits
from course.text import strip_diacritics_aligned


def _kinds(text: str) -> dict[str, str]:
    return {f.kind: f.value for f in find_pii(text)}


@pytest.mark.parametrize(("spoken", "digits"), [
    ("không mười bảy, một trăm chín mươi, không không bốn, năm trăm hai mươi tư", "017190004524"),
    ("khong mot bay, khong tam lam, khong khong ba, sau linh hai", "017085003602"),
    ("không chín tư, ba lẻ một, không năm, bảy mốt, mười lăm", "094301057115"),
    ("một trăm mười ba, bốn năm hai, bảy tám sáu", "113452786"),
    ("không chín tám ba, một trăm linh năm, hai trăm bốn mươi lăm", "0983105245"),
    ("tam tram ba muoi lam", "835"),
    ("hai nghìn không trăm mười chín", "2019"),
    ("hai mươi", "20"),
    ("mười", "10"),
])
def test_number_words_become_digits(spoken: str, digits: str) -> None:
    low = strip_diacritics_aligned(spoken).lower()
    assert words_to_digits(low) == digits
    runs = number_runs(spoken, low, 1)
    assert len(runs) == 1 and runs[0][2] == digits


def test_accented_words_that_only_fold_to_numbers_end_a_run() -> None:
    text = "bà ba tạm trú từ năm hai nghìn"
    low = strip_diacritics_aligned(text).lower()
    # "bà", "tạm", "từ" are not number words; "ba" (three) alone is too short a run
    assert all(text[a:b] in ("ba", "năm hai nghìn") for a, b, _ in number_runs(text, low, 1))


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("Bác đọc số định danh là không mười bảy, một trăm chín mươi, không không bốn, năm trăm hai mươi tư, em ghi lại.",
     "CCCD", "không mười bảy, một trăm chín mươi, không không bốn, năm trăm hai mươi tư"),
    ("số cmnd mot mot ba, sau linh chin, hai bon nam ong ay doc", "CMND", "mot mot ba, sau linh chin, hai bon nam"),
    ("Anh ấy đọc số: không ba bảy tư, sáu lẻ hai, chín mốt tám, viết ra giúp.", "PHONE",
     "không ba bảy tư, sáu lẻ hai, chín mốt tám"),
    ("Cụ đọc mã bảo hiểm: một bảy một hai, không chín tư, ba tám bảy, em ghi lại.", "INSURANCE",
     "một bảy một hai, không chín tư, ba tám bảy"),
    ("Số hộ chiếu bà đọc: xê bốn năm một, tám hai không chín, viết lại giúp.", "PASSPORT",
     "xê bốn năm một, tám hai không chín"),
    ("HC số C.4817.362 cần xác nhận.", "PASSPORT", "C.4817.362"),
])
def test_spoken_ids_are_found(text: str, kind: str, value: str) -> None:
    assert _kinds(text).get(kind) == value


@pytest.mark.parametrize(("text", "value"), [
    ("Ông Nông Văn Kiếm sinh ngày 17-08-1958, kiểm tra giúp.", "17-08-1958"),
    ("Trường ngày sinh trong file Excel ghi 1992-11-03, có cần đổi không?", "1992-11-03"),
    ("Cháu sinh mùng 3 tháng 11 năm nay tròn 6 tuổi.", "mùng 3 tháng 11"),
    ("Bà đọc ngày sinh: mùng tám tháng ba năm một chín năm lăm, ghi bằng số.", "mùng tám tháng ba năm một chín năm lăm"),
    ("Ngày sinh ông khai: hai mươi tư tháng mười hai năm bốn mươi tám theo âm lịch.",
     "hai mươi tư tháng mười hai năm bốn mươi tám"),
    ("Ngày sinh: 0 7 / 0 9 / 1 9 6 6 (ghi từng ô).", "0 7 / 0 9 / 1 9 6 6"),
])
def test_dates_of_birth_in_any_spelling(text: str, value: str) -> None:
    assert _kinds(text).get("DOB") == value


@pytest.mark.parametrize(("text", "value"), [
    ("Chị Mến thuê trọ ở phòng 204, nhà số 15 ngõ 62 phố Trần Hưng Đạo, xin đăng ký tạm trú.",
     "phòng 204, nhà số 15 ngõ 62 phố Trần Hưng Đạo"),
    ("Hộ ông Xa Văn Phin ở xóm Bưa, thôn Đồng Bến bị sạt lở.", "xóm Bưa, thôn Đồng Bến"),
    ("Vợ chồng anh Chiến ở ki-ốt số 12 chợ Phương Lâm, cần giấy mời.", "ki-ốt số 12 chợ Phương Lâm"),
    ("Thư gửi từ căn hộ 1507 tòa B chung cư Hòa Bình Green, tóm tắt.", "căn hộ 1507 tòa B chung cư Hòa Bình Green"),
    ("gui giay moi den ngo 3 kiet 17 duong Phan Chu Trinh cho ho ong Vinh", "ngo 3 kiet 17 duong Phan Chu Trinh"),
    ("co Ly Thi Mui to 7 hoi lich nop thue dat", "to 7"),
    ("Anh Lâm Sóc Khênh (ấp Prey Chóp) hỏi về hỗ trợ.", "ấp Prey Chóp"),
])
def test_addresses_as_chains_of_place_units(text: str, value: str) -> None:
    assert _kinds(text).get("ADDRESS") == value


@pytest.mark.parametrize(("text", "value"), [
    ("viết giúp giấy mời lường văn xuân và cầm thị phượng đến phường.", "lường văn xuân"),
    ("ông sồng a chơ ở bản hang kia xin hỗ trợ xi măng.", "sồng a chơ"),
    ("Số của anh tổ trưởng Hưng là 0912 408 763.", "Hưng"),
    ("goi lai cho a Cuong sdt 0936125807 ve viec cap phep", "Cuong"),
    ("Nho c Lan gui bao cao", "Lan"),
])
def test_names_in_small_letters_after_roles_and_short_titles(text: str, value: str) -> None:
    assert any(f.kind == "NAME" and f.value == value for f in find_pii(text))


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("Mật khẩu tài khoản dịch vụ công của chị Hằng: Hang@1990!, nhờ nộp hồ sơ hộ.", "SECRET", "Hang@1990!"),
    ("Pass wifi nhà văn hóa tổ 5 do anh Long đặt là longtotruong05, có nên ghi lên bảng tin?", "SECRET",
     "longtotruong05"),
    ("Mã CVV mặt sau thẻ là 517, khách nhờ thanh toán.", "SECRET", "517"),
    ("Cháu đọc email là ngocanh hai không không năm a còng gmail chấm com, em ghi lại.", "EMAIL",
     "ngocanh hai không không năm a còng gmail chấm com"),
    ("Anh ấy đọc: quang gạch dưới minh a còng yahoo chấm com chấm vn.", "EMAIL",
     "quang gạch dưới minh a còng yahoo chấm com chấm vn"),
    ("thư điện tử: lethihue.hb [at] gmail [dot] com", "EMAIL", "lethihue.hb [at] gmail [dot] com"),
    ("oto 28a-11953 do tren via he", "PLATE", "28a-11953"),
    ("Mật mã két sắt của anh Bình là 8 4 2 6 9, đừng ghi vào báo cáo.", "SECRET", "8 4 2 6 9"),
    ("Mã OTP gửi về máy là năm hai tám, một chín bốn.", "SECRET", "năm hai tám, một chín bốn"),
    ("Email của chị: thu_ha99 a còng outlook chấm com.", "EMAIL", "thu_ha99 a còng outlook chấm com"),
])
def test_secrets_emails_plates_in_any_form(text: str, kind: str, value: str) -> None:
    assert _kinds(text).get(kind) == value


@pytest.mark.parametrize(("text", "part"), [
    ("Cháu Hà Minh Đức mắc chứng tự kỷ, mẹ cháu hỏi trường.", "tự kỷ"),
    ("Em Cầm Văn Tú có kết quả xét nghiệm HIV dương tính, cán bộ hỏi.", "dương tính"),
    ("Anh Phạm Văn Hòa mù hai mắt do tai nạn lao động, soạn hồ sơ.", "mù hai mắt"),
    ("chi Hoang Thi Diu dang duoc tha tu truoc thoi han co dieu kien, soan phieu", "tha tu"),
    ("Cậu Lý Văn Sơn đang bị áp dụng biện pháp giáo dục tại xã phường vì trộm cắp.", "biện pháp"),
    ("Anh Trần Văn Hậu có mẹ là người Khmer, muốn đổi dân tộc.", "người Khmer"),
    ("Chị Lý Thị Kiều là người gốc Hoa, xin học tiếng Hoa cho con.", "gốc Hoa"),
    ("Ông Lê Văn Nhã từng tham gia tổ chức phản động lưu vong.", "phản động"),
    ("Đơn nói chị Mai có quan hệ ngoài luồng với chồng người khác.", "ngoài luồng"),
    ("Xét nghiệm của cháu Nguyễn Bảo An cho thấy mang gen bệnh tan máu bẩm sinh.", "mang gen"),
    ("Ông Vì Văn Tươi đang nợ tín dụng đen 300 triệu.", "tín dụng đen"),
    ("Định vị cho thấy anh Lường Văn Pó tối 5/12 ở nhà nghỉ Hoa Hồng đến 2 giờ sáng.", "nhà nghỉ"),
])
def test_sensitive_predicates_tied_to_a_person(text: str, part: str) -> None:
    assert any(f.kind == "SENSITIVE" and part in f.value for f in find_pii(text))


@pytest.mark.parametrize("text", [
    "Phường có 120 người Hoa sinh sống, lập báo cáo dân số.",
    "Anh Tuấn là người lao động tự do, xin giấy xác nhận.",
    "Camera an ninh ghi lại 7h sáng có nhiều xe ở đường Lê Lợi.",
    "Người lao động bị mù hai mắt do tai nạn được hưởng chế độ gì?",
    "Ông Lâm làm nghề tự do, hay đăng bài quảng cáo trên Facebook.",
    "Cấp 1.500 thẻ BHYT cho người dân tộc thiểu số.",
    "Wifi của phường miễn phí, mật khẩu là gì?",
    "Quên mật khẩu VNeID thì làm thế nào, hướng dẫn 5 bước.",
    "Sửa đường ở ngõ 3 phố Huế xong trước Tết.",
    "Hồ sơ đề nghị trợ cấp khuyết tật đặc biệt nặng gồm những giấy tờ gì?",
    "Giấy khai sinh cấp ngày 12/03/2020 tại UBND phường.",
    "Mã OTP có hiệu lực trong năm phút.",
    "Mật khẩu phải có ít nhất tám ký tự, gồm chữ và số.",
    "Thông báo lịch tiếp công dân: 8h tại phòng 201 UBND phường.",
    "Phường có 45 hộ nợ quá hạn ngân hàng chính sách, tổng hợp giúp.",
    "Người bị kết án phạt tù được xóa án tích khi nào?",
    "Hội nghị bàn về đồng bào dân tộc Khmer trên địa bàn.",
    "Mẹ của cháu Ngọc Anh là chị Lê Thị Hòa, bán hàng ở chợ trung tâm.",
    "Em Lầu Thị Súa bỏ học, nhờ cô giáo vận động.",
    "Soạn câu hỏi thi tìm hiểu về Hai Bà Trưng.",
    "hop voi a Ha Noi ve viec tap huan",
    "Tổ trưởng dân phố nhắc các hộ nộp phí vệ sinh.",
    "Trẻ em sinh từ ngày 01/01/2020 được cấp thẻ BHYT miễn phí.",
    "Học sinh sinh năm 2010 tham gia tiêm chủng đợt 2.",
    "Kế hoạch kiểm tra các ki-ốt số 1 đến 20 chợ Phương Lâm.",
    "Đoàn kiểm tra làm việc tại tổ 3, khu phố 2, phường Đồng Tâm.",
    "Lịch trình của đoàn: 8h tại UBND phường, 10h về thôn Đồng Bến.",
    "Phường hướng dẫn người dân đặt mật khẩu mạnh, ít nhất 8 ký tự.",
    "Mã OTP gồm 6 chữ số, không chia sẻ cho ai.",
    "Sinh hoạt chi bộ ngày 15 tháng 12 tại nhà văn hóa.",
    "Bệnh viện tâm thần tỉnh tổ chức khám miễn phí cho người cao tuổi.",
    "Tuyên truyền phòng chống HIV tại trường THCS.",
    "Số người mắc lao phổi trên địa bàn giảm 12%.",
    "Các đối tượng có tiền án được tổ dân phố quản lý theo quy định.",
    "Tổ chức lễ hội của đồng bào người Khmer vào tháng 4.",
    "Người dân tộc Thái chiếm 30% dân số xã.",
    "Đường dây nóng: một chín không không, một hai ba tư.",
    "Tổng số hộ nghèo năm hai nghìn không trăm hai mươi lăm là ba trăm mười hai hộ.",
    "Hội nghị tổ chức tại phòng 301, tòa nhà A, trụ sở UBND phường.",
    "Ông Chủ tịch UBND phường làm việc tại phòng 2, nhà B, trụ sở UBND.",
    "Ngày sinh hoạt của đoàn thanh niên là 26/3 hằng năm.",
    "Khai sinh cho trẻ trong 60 ngày kể từ ngày sinh.",
    "Ngày sinh ghi theo định dạng ngày/tháng/năm, ví dụ 05/01/2026.",
])
def test_ordinary_sentences_still_pass(text: str) -> None:
    """Nothing but a person's name (when one is there) is taken from these sentences."""
    assert [f for f in find_pii(text) if f.kind != "NAME"] == []


# ---------------------------------------------------------------- issue 24, privacy24c: mechanisms, not phrases
# New wording written for each mechanism (mask unless ordinary; address chains anywhere; generic sensitive
# predicates with a person in the sentence; more birth words and date shapes; names by structure). Each pair
# is (kind, value the guard must cover, sentence).
MECHANISM_CASES = [
    ('ADDRESS', 'số 14 ngách 3 ngõ 120 phố Kim Ngưu', 'Gửi thư về số 14 ngách 3 ngõ 120 phố Kim Ngưu giúp tôi.'),
    ('ADDRESS', 'số 7, ngõ 15, đường Nguyễn Văn Cừ', 'Người viết đơn sống ở số 7, ngõ 15, đường Nguyễn Văn Cừ, đề nghị giải quyết.'),
    ('ADDRESS', 'nhà số 21 hẻm 5 đường Trần Phú', 'Ghi giúp: nhà số 21 hẻm 5 đường Trần Phú, chủ nhà vắng mặt.'),
    ('ADDRESS', 'thôn Khe Mạ', 'Bà Lò Thị Dung, thôn Khe Mạ, xin hỗ trợ gạo.'),
    ('ADDRESS', 'xóm Bãi, thôn Trung', 'Gia đình anh ấy ở xóm Bãi, thôn Trung bị lũ cuốn mất nhà.'),
    ('ADDRESS', 'bản Pá Hốc', 'Cháu Thào A Dế ở bản Pá Hốc bỏ học, soạn thư gửi gia đình.'),
    ('ADDRESS', 'số nhà 35, tổ 8', 'Chị ấy tạm trú tại số nhà 35, tổ 8 từ tháng 3.'),
    ('ADDRESS', 'căn hộ 702 tòa C3', 'Ông Minh ở căn hộ 702 tòa C3, phản ánh thang máy hỏng.'),
    ('ADDRESS', 'phòng 12, dãy B', 'Sinh viên thuê phòng 12, dãy B, nhà trọ Hoa Sen, tên Nguyễn Văn Hải.'),
    ('ADDRESS', 'ấp Tân Lợi', 'Ông Danh Sơn ở ấp Tân Lợi đề nghị cấp thẻ BHYT.'),
    ('ADDRESS', 'số 88 Lê Duẩn', 'Vợ anh Tuấn thuê nhà tại số 88 Lê Duẩn.'),
    ('ADDRESS', 'số 3 kiệt 45 Hùng Vương', 'Người báo tin ở số 3 kiệt 45 Hùng Vương.'),
    ('ADDRESS', 'so 12 ngo 6 pho Hue', 'ong Tran Van Binh o so 12 ngo 6 pho Hue can xac nhan'),
    ('ADDRESS', 'SỐ 21, NGÕ 7, PHỐ HÀNG GÀ', 'ĐỊA CHỈ THƯỜNG TRÚ: SỐ 21, NGÕ 7, PHỐ HÀNG GÀ'),
    ('ADDRESS', 'buôn Ea Bar', "Chị H'Lan Niê ở buôn Ea Bar xin cấp lại giấy khai sinh cho con."),
    ('ADDRESS', 'tổ 6, khu phố 3', 'Ông Tư, tổ 6, khu phố 3, báo mất trộm.'),
    ('ADDRESS', 'xóm Đình', 'Nhà bà Hoa ở xóm Đình bị nứt tường.'),
    ('ADDRESS', 'số 19 tổ 4', 'Hộ bà Tâm số 19 tổ 4 xin miễn tiền rác.'),
    ('ADDRESS', 'tổ 3, phường Tân Phong', 'Họ tên: Lò Văn Tám. Thường trú: tổ 3, phường Tân Phong.'),
    ('ADDRESS', 'số 5 ngõ 9 Lạc Long Quân', 'HKTT: số 5 ngõ 9 Lạc Long Quân'),
    ('ADDRESS', 'khu 4, thị trấn Mường Tè', 'ĐC: khu 4, thị trấn Mường Tè'),
    ('SENSITIVE', 'mắc bệnh phổi tắc nghẽn mãn tính', 'Ông Nguyễn Văn Khải mắc bệnh phổi tắc nghẽn mãn tính, xin giấy xác nhận hộ cận nghèo.'),
    ('SENSITIVE', 'ung thư vú giai đoạn 2', 'Chị Trần Thị Hạnh đang hóa trị ung thư vú giai đoạn 2, nhờ viết đơn xin hỗ trợ.'),
    ('SENSITIVE', 'đang điều trị methadone', 'Anh Lò Văn Sơn đang điều trị methadone tại trạm y tế, soạn giấy giới thiệu.'),
    ('SENSITIVE', 'bị động kinh', 'Cháu Bảo bị động kinh từ nhỏ, mẹ cháu hỏi chế độ.'),
    ('SENSITIVE', 'phẫu thuật tim', 'Bà Hoa vừa phẫu thuật tim, gia đình xin hoãn nghĩa vụ cho con.'),
    ('SENSITIVE', 'nhiễm chất độc da cam', 'Ông Đinh Văn Lực bị nhiễm chất độc da cam, đề nghị hưởng trợ cấp.'),
    ('SENSITIVE', 'chậm phát triển trí tuệ', 'Em Lý Văn Nam chậm phát triển trí tuệ, cần hồ sơ học hòa nhập.'),
    ('SENSITIVE', 'đang mang thai tháng thứ 7', 'Chị Mai đang mang thai tháng thứ 7, xin nghỉ họp tổ.'),
    ('SENSITIVE', 'bị khởi tố về tội đánh bạc', 'Anh Phạm Văn Tùng bị khởi tố về tội đánh bạc, gia đình hỏi thủ tục bảo lãnh.'),
    ('SENSITIVE', 'từng ngồi tù 3 năm', 'Ông Hà Văn Lâm từng ngồi tù 3 năm, nay xin xác nhận lý lịch.'),
    ('SENSITIVE', 'bị bắt quả tang đánh bạc', 'Anh Tòng Văn Phóng bị bắt quả tang đánh bạc tối qua, soạn biên bản.'),
    ('SENSITIVE', 'hay trộm cắp vặt', 'Thằng Tý nhà ông Sáu hay trộm cắp vặt, hàng xóm phản ánh.'),
    ('SENSITIVE', 'theo đạo Tin Lành', 'Gia đình anh Vàng A Páo theo đạo Tin Lành, muốn đăng ký sinh hoạt tôn giáo.'),
    ('SENSITIVE', 'là người đồng tính', 'Chị ấy là người đồng tính, bị gia đình ép cưới, nhờ tư vấn.'),
    ('SENSITIVE', 'có bồ nhí', 'Đơn tố cáo nói anh Hưng có bồ nhí, tóm tắt giúp.'),
    ('SENSITIVE', 'nợ ngân hàng 200 triệu', 'Ông Quàng Văn Thịnh nợ ngân hàng 200 triệu chưa trả, soạn thư nhắc.'),
    ('SENSITIVE', 'đã bị đưa vào cơ sở cai nghiện bắt buộc', 'Anh Sùng A Pó đã bị đưa vào cơ sở cai nghiện bắt buộc năm ngoái.'),
    ('SENSITIVE', 'suy thận mạn giai đoạn cuối', 'Bà Vi Thị Lan suy thận mạn giai đoạn cuối, cần xác nhận hoàn cảnh.'),
    ('SENSITIVE', 'bị tâm thần phân liệt', 'Con trai bà Tư bị tâm thần phân liệt, hay đập phá đồ đạc.'),
    ('SENSITIVE', 'có tiền sử trầm cảm', 'Chị Hằng có tiền sử trầm cảm, nhờ viết thư động viên.'),
    ('SENSITIVE', 'dương tính với ma túy', 'Kết quả test của anh Hải dương tính với ma túy, soạn biên bản.'),
    ('SENSITIVE', 'đang bị tạm giam', 'Chồng chị Lan đang bị tạm giam, chị hỏi thủ tục thăm gặp.'),
    ('SENSITIVE', 'bị xử phạt vì đánh vợ', 'Ông Lù Văn Chảo bị xử phạt vì đánh vợ, soạn thông báo.'),
    ('SENSITIVE', 'bị liệt hai chân', 'Anh Chu Văn Tài bị liệt hai chân sau tai nạn, xin xe lăn.'),
    ('SENSITIVE', 'vo sinh', 'chi Dinh Thi Hoa vo sinh nhieu nam, hoi ve ho tro thu tinh nhan tao'),
    ('SENSITIVE', 'mac benh lao phoi', 'anh Sung A Chu mac benh lao phoi, can giay gioi thieu'),
    ('SENSITIVE', 'tung bi ket an ve toi trom cap', 'ong Lo Van Pin tung bi ket an ve toi trom cap, nay xin xac nhan'),
    ('SENSITIVE', 'là tín đồ Cao Đài', 'Bà Sáu là tín đồ Cao Đài, muốn xin phép làm lễ tại gia.'),
    ('SENSITIVE', 'bị ung thư gan', 'Bố anh Khánh bị ung thư gan, xin giấy xác nhận hoàn cảnh khó khăn.'),
    ('SENSITIVE', 'có HIV', 'Nghe nói chị Thơm có HIV, có nên báo cho tổ không?'),
    ('SENSITIVE', 'đang chạy thận', 'Ông Bảy đang chạy thận 3 buổi một tuần, nhờ viết đơn xin trợ cấp.'),
    ('SENSITIVE', 'điều trị nghiện', 'Cháu Tùng đang điều trị nghiện tại cơ sở của huyện.'),
    ('SENSITIVE', 'bị trầm cảm', 'Vợ anh ấy bị trầm cảm sau sinh, cần hỗ trợ.'),
    ('SENSITIVE', 'nhiễm viêm gan B', 'Chị Loan nhiễm viêm gan B, hỏi có được đi xuất khẩu lao động không.'),
    ('SENSITIVE', 'mắc hội chứng Down', 'Bé An mắc hội chứng Down, gia đình xin học hòa nhập.'),
    ('SENSITIVE', 'bị điếc bẩm sinh', 'Em Sơn bị điếc bẩm sinh, nhờ soạn hồ sơ xác định khuyết tật.'),
    ('SENSITIVE', 'phải cắt cụt chân trái', 'Ông Vàng A Lềnh phải cắt cụt chân trái do tiểu đường, xin xe lăn.'),
    ('SENSITIVE', 'đang điều trị tâm thần', 'Anh Hòa đang điều trị tâm thần tại nhà, hàng xóm lo ngại.'),
    ('SENSITIVE', 'dương tính với HIV', 'Kết quả của chị Dung dương tính với HIV, soạn thư mời lên trạm.'),
    ('SENSITIVE', 'từng bị phạt tù', 'Ông Quý từng bị phạt tù vì lừa đảo, nay xin xác nhận hạnh kiểm.'),
    ('SENSITIVE', 'bị tạm giữ hình sự', 'Con trai bà Nga bị tạm giữ hình sự hôm qua, bà hỏi thủ tục.'),
    ('SENSITIVE', 'có 1 tiền sự', 'Anh Dũng có 1 tiền sự về đánh bạc, xin vào làm bảo vệ.'),
    ('SENSITIVE', 'đang thi hành án', 'Ông Lực đang thi hành án tại trại giam Nam Hà, gia đình hỏi thăm gặp.'),
    ('SENSITIVE', 'bị kết án 5 năm tù', 'Anh Hiệp bị kết án 5 năm tù về tội cướp giật.'),
    ('SENSITIVE', 'vừa mãn hạn tù', 'Ông Tám vừa mãn hạn tù, về địa phương trình diện.'),
    ('SENSITIVE', 'nghiện ma túy', 'Anh Long nghiện ma túy nhiều năm, gia đình xin đưa đi cai.'),
    ('SENSITIVE', 'theo Công giáo', 'Chị Mai theo Công giáo, muốn làm lễ cưới ở nhà thờ.'),
    ('SENSITIVE', 'là Phật tử', 'Bà Tư là Phật tử, xin phép tổ chức lễ cầu siêu tại nhà.'),
    ('SENSITIVE', 'chuyển giới', 'Bạn Minh là người chuyển giới, muốn đổi tên trong giấy khai sinh.'),
    ('SENSITIVE', 'ngoại tình', 'Chồng chị Hoa ngoại tình, chị muốn ly hôn.'),
    ('SENSITIVE', 'mang thai ngoài ý muốn', 'Em Lan 16 tuổi mang thai ngoài ý muốn, gia đình xin tư vấn.'),
    ('SENSITIVE', 'vay nặng lãi', 'Anh Tú vay nặng lãi 100 triệu, bị đe dọa.'),
    ('SENSITIVE', 'dân tộc Dao', 'Chị Triệu Thị Mây, dân tộc Dao, xin cấp học bổng cho con.'),
    ('SENSITIVE', 'bị tâm thần', 'Ông Ba bị tâm thần, hay đi lang thang.'),
    ('SENSITIVE', 'bị HIV', 'Anh Hùng bị HIV nhưng giấu gia đình.'),
    ('SENSITIVE', 'mắc Covid', 'Chị Hạnh mắc Covid nên không đến họp được.'),
    ('SENSITIVE', 'bị đột quỵ', 'Cụ Tấn bị đột quỵ, liệt nửa người, cần người chăm.'),
    ('SENSITIVE', 'sảy thai', 'Vợ anh Hải vừa sảy thai, xin nghỉ.'),
    ('SENSITIVE', 'có tiền án', 'người có tên Lò Văn Tủa có tiền án, viết giấy đề nghị theo dõi'),
    ('SENSITIVE', 'bi lao phoi', 'ba Nong Thi Hen bi lao phoi, viet giay gioi thieu len huyen'),
    ('SENSITIVE', 'dang bi truy na', 'anh Vang A Sinh dang bi truy na, soan thong bao'),
    ('CMND', '186 543 210', 'Anh ấy đưa số 186 543 210, nhờ tra hồ sơ cũ.'),
    ('CMND', '0 2 5 1 2 3 9 8 7', 'Giấy cũ ghi: 0 2 5 1 2 3 9 8 7'),
    ('CMND', 'hai bảy hai, một hai ba, bốn năm sáu', 'Ông đọc giấy tờ cũ: hai bảy hai, một hai ba, bốn năm sáu.'),
    ('PHONE', '0912-345-678', 'gọi em theo số 0912-345-678 nha'),
    ('PHONE', '09 12 34 56 78', 'Máy bà: 09 12 34 56 78'),
    ('PHONE', '+84-912-345-678', 'whatsapp +84-912-345-678'),
    ('PHONE', '0912 345678', 'Con gái số 0912 345678, nhắn giúp.'),
    ('PHONE', '(024) 3825 6677', 'Nhà riêng (024) 3825 6677 gọi buổi tối.'),
    ('PHONE', 'không chín 8 7, sáu năm 4, ba hai 1', 'Số đây: không chín 8 7, sáu năm 4, ba hai 1.'),
    ('TAX', '8012 345 678', 'MST cá nhân: 8012 345 678'),
    ('TAX', '0101234567', 'Cửa hàng tạp hóa có mã 0101234567, xin xác nhận doanh thu.'),
    ('TAX', '8 0 1 2 3 4 5 6 7 8', 'Mã số thuế ghi từng ô: 8 0 1 2 3 4 5 6 7 8'),
    ('INSURANCE', '0123456789', 'Sổ BHXH của bà số 0123456789 bị rách.'),
    ('INSURANCE', 'GD4010123456789', 'Thẻ của cháu GD4010123456789 hết hạn.'),
    ('INSURANCE', 'gd 4 01 0123456789', 'ma the gd 4 01 0123456789'),
    ('INSURANCE', 'DN-4-79-7912345678', 'Thẻ bảo hiểm y tế: DN-4-79-7912345678'),
    ('PASSPORT', 'B1234567', 'Visa dán trên cuốn B1234567.'),
    ('PASSPORT', 'N 1234 567', 'hộ chiếu N 1234 567 hết hạn tháng sau'),
    ('PASSPORT', 'c1234567', 'so ho chieu cua em la c1234567'),
    ('CARD', '4111 1111 1111 1111', 'Thẻ Visa 4111 1111 1111 1111 bị khóa.'),
    ('CARD', '9704-0512-3456-7890', 'thẻ ATM 9704-0512-3456-7890'),
    ('BANK', '0451 0004 56789', 'chuyển vào 0451 0004 56789 giúp bà'),
    ('BANK', '19036789012015', 'STK nhận tiền 19036789012015'),
    ('CCCD', '0 0 1 2 0 3 0 0 4 5 6 7', 'Số ghi theo ô: 0 0 1 2 0 3 0 0 4 5 6 7'),
    ('CCCD', '001.203.004.567', 'Số định danh 001.203.004.567 sai ngày sinh.'),
    ('PLATE', '29-H1 123.45', 'Xe máy 29-H1 123.45 để quên ở trụ sở.'),
    ('PLATE', '30g 123 45', 'oto bien 30g 123 45 do sai cho'),
    ('SECRET', 'Abc@12345', 'Mật khẩu VNeID của ông là Abc@12345, đổi giúp.'),
    ('SECRET', '482 916', 'mã xác thực 482 916 vừa gửi về máy'),
    ('EMAIL', 'hoang.lan@gmail.com', 'Gửi vào hoang.lan@gmail.com giúp tôi.'),
    ('EMAIL', 'hoang lan a còng gmail chấm com', 'email chị ấy: hoang lan a còng gmail chấm com'),
    ('EMAIL', 'hoanglan(at)yahoo.com', 'liên hệ hoanglan(at)yahoo.com'),
    ('EMAIL', 'hoanglan @ gmail.com', 'mail: hoanglan @ gmail.com'),
    ('EMAIL', 'HOANGLAN@GMAIL.COM', 'EMAIL: HOANGLAN@GMAIL.COM'),
    ('EMAIL', 'hoanglan a móc gmail chấm com', 'mail bà ấy là hoanglan a móc gmail chấm com'),
    ('EMAIL', 'hoanglan1990 at gmail dot com', 'gửi hoanglan1990 at gmail dot com'),
    ('EMAIL', 'lan.nguyen@ubnd.phuong.vn', 'Thư cán bộ: lan.nguyen@ubnd.phuong.vn'),
    ('PASSPORT', 'c 123 4567', 'Bà ấy mang theo cuốn c 123 4567 khi xuất cảnh.'),
    ('PASSPORT', 'B-7654321', 'Giấy tờ đi Hàn: B-7654321.'),
    ('DOB', '12/03/1985', 'Bà Lò Thị Mai (12/03/1985) xin cấp lại thẻ BHYT.'),
    ('DOB', '5-7-1972', 'Danh sách: Hà Văn Tâm, 5-7-1972, bản Na Hu.'),
    ('DOB', '05 03 1990', 'Ngày sinh 05 03 1990, kiểm tra giúp.'),
    ('DOB', '3/1990', 'Cháu sinh tháng 3/1990 ở bệnh viện huyện.'),
    ('DOB', '90', 'Anh ấy sinh năm 90, nay xin việc.'),
    ('DOB', 'Ất Sửu', 'Ông sinh năm Ất Sửu, hỏi tuổi nghỉ hưu.'),
    ('DOB', '20.11.2019', 'Bé Na đẻ ngày 20.11.2019 tại nhà.'),
    ('DOB', '14/2/2001', 'Chị Hương chào đời ngày 14/2/2001 ở Hà Giang.'),
    ('DOB', '1961', 'Ông Mùa A Tủa, 1961, bản Sả Phìn, xin hỗ trợ.'),
    ('DOB', 'ngày 7 tháng 8 năm 1964', 'N.sinh: ngày 7 tháng 8 năm 1964'),
    ('DOB', '1957', 'sinh nhật ông năm nay tròn 70, ông sinh 1957'),
    ('DOB', '02-09-1968', 'DOB 02-09-1968, giới tính nam.'),
    ('DOB', '21/6/1979', 'Họ tên: Đặng Văn Hòa; Ngày tháng năm sinh: 21/6/1979; Quê quán: Nam Định.'),
    ('NAME', 'Khương Văn Tình', 'Đơn của Khương Văn Tình về việc tranh chấp ranh giới.'),
    ('NAME', 'Ôn Thị Hạnh', 'Xác nhận cho Ôn Thị Hạnh đang cư trú tại phường.'),
    ('NAME', 'Lục Văn Páo', 'Gửi Lục Văn Páo giấy mời họp.'),
    ('NAME', 'Hầu A Chư', 'Hầu A Chư xin cấp sổ hộ nghèo.'),
    ('NAME', 'Đậu Thị Mai', 'Chị Đậu Thị Mai hỏi về trợ cấp.'),
    ('NAME', 'Nghiêm Xuân Trường', 'Kính gửi Nghiêm Xuân Trường, tổ 5.'),
    ('NAME', 'Lan', 'Mẹ Lan nhờ viết đơn xin học bổng cho con.'),
    ('NAME', 'Tuấn', 'Vợ của Tuấn báo chồng đi làm xa chưa về.'),
    ('NAME', 'nguyễn thị hoa', 'tên người nhận: nguyễn thị hoa'),
    ('NAME', 'tran van hung', 'viet giup don cho tran van hung o to 3'),
    ('NAME', 'Mai Anh', 'Soạn thư cảm ơn bé Mai Anh đã nhặt được ví.'),
    ('NAME', 'ĐỖ MẠNH HÙNG', 'ĐƠN ĐỀ NGHỊ CỦA ĐỖ MẠNH HÙNG'),
    ('NAME', 'Tạ Quang Bửu', 'người làm đơn: Tạ Quang Bửu'),
    ('NAME', 'Trịnh Công Sơn', 'Ông Trịnh Công Sơn ở tổ 9 xin sửa nhà.'),
    ('NAME', 'Hoàng Minh Châu', 'Nhờ soạn giấy mời cho Hoàng Minh Châu và Lê Thu Trang.'),
    ('NAME', 'Lê Thu Trang', 'Nhờ soạn giấy mời cho Hoàng Minh Châu và Lê Thu Trang.'),
    ('NAME', 'Y Moan Niê', 'Anh Y Moan Niê ở buôn Đôn xin vay vốn.'),
    ('NAME', 'Thạch Sa Rết', 'Ông Thạch Sa Rết, ấp Trà Cuôn, xin hỗ trợ.'),
    ('NAME', 'Kpă Y Đôn', 'Gửi Kpă Y Đôn thông báo họp.'),
    ('NAME', 'Hải', 'Cô giáo chủ nhiệm của cháu Hải gọi điện báo.'),
    ('NAME', 'Quỳnh', 'Tôi tên Quỳnh, ở tổ 2.'),
    ('NAME', 'Vi Văn Định', 'Ký tên: Vi Văn Định'),
    ('NAME', 'Nông Thị Xuân', 'Người nhận tiền Nông Thị Xuân đã ký.'),
    ('NAME', 'Đinh Thị Kim Thoa', 'bà Đinh Thị Kim Thoa'),
    ('NAME', 'Dương Văn Minh', 'Gọi cho Dương Văn Minh, số 0912 345 678.'),
    ('NAME', 'Mẩy', 'Nhà cô Mẩy bị dột.'),
    ('NAME', 'Hùng', 'Thằng Hùng nhà bên hay quậy phá.'),
    ('NAME', 'Bích', 'Con bé Bích học lớp 5.'),
    ('NAME', 'Phùng Thế Vinh', 'đối tượng Phùng Thế Vinh bỏ trốn'),
    ('NAME', 'Ngân', 'Bạn Ngân lớp 9A được học bổng.'),
    ('NAME', 'sùng thị mỷ', 'sùng thị mỷ xin trợ cấp gạo'),
    ('NAME', 'giàng seo phử', 'giàng seo phử ở bản sả phìn'),
    ('NAME', 'Lê Văn Tùng', 'Trưởng thôn đề nghị hỗ trợ cho Lê Văn Tùng.'),
    ('NAME', 'Cao Thị Nhung', 'Hộ bà Cao Thị Nhung nghèo.'),
    ('CCCD', '0 3 5 0 9 2 0 0 1 2 3 4', 'căn cước ghi theo ô: 0 3 5 0 9 2 0 0 1 2 3 4'),
    ('CCCD', '035/092/001/234', 'Số thẻ: 035/092/001/234'),
    ('CCCD', 'khong ba lam khong chin hai khong khong mot hai ba bon', 'so dinh danh khong ba lam khong chin hai khong khong mot hai ba bon'),
    ('CCCD', '035092001234', 'Anh gửi lại giúp em ảnh mặt trước, số 035092001234 bị mờ.'),
    ('CMND', '145 678 901', 'CMT cũ số 145 678 901 cấp năm 2005.'),
    ('CMND', 'một bốn năm sáu bảy tám chín không một', 'Số giấy tờ cũ: một bốn năm sáu bảy tám chín không một.'),
    ('PHONE', '0 9 8 7 6 5 4 3 2 1', 'Số điện thoại ghi từng ô: 0 9 8 7 6 5 4 3 2 1'),
    ('PHONE', '098 765 4321', 'Liên lạc: 098 765 4321 (chị Hằng)'),
    ('PHONE', '0987 654 321', 'Nhắn zalo 0987 654 321 nhé.'),
    ('PHONE', 'không chín tám bảy sáu năm bốn ba hai một', 'số máy là không chín tám bảy sáu năm bốn ba hai một'),
    ('PHONE', '0243.826.1234', 'Máy bàn nhà bà 0243.826.1234'),
    ('EMAIL', 'tran.van.b@gmail.com', 'Gửi kết quả về tran.van.b@gmail.com.'),
    ('EMAIL', 'tranvanb a còng gmail.com', 'Mail: tranvanb a còng gmail.com'),
    ('EMAIL', 'tranvanb@gmail', 'email tranvanb@gmail (thiếu đuôi)'),
    ('EMAIL', 'tranvanb [a còng] gmail [chấm] com', 'thư: tranvanb [a còng] gmail [chấm] com'),
    ('EMAIL', 'TRANVANB A CÒNG GMAIL CHẤM COM', 'EMAIL: TRANVANB A CÒNG GMAIL CHẤM COM'),
    ('BANK', '1234 5678 9012', 'Số tài khoản Agribank 1234 5678 9012 của bà Năm.'),
    ('BANK', 'một hai ba bốn năm sáu bảy tám chín không', 'STK đọc: một hai ba bốn năm sáu bảy tám chín không'),
    ('BANK', '0011.0012.34567', 'Vietcombank 0011.0012.34567'),
    ('TAX', '8123456789-001', 'MST 8123456789-001'),
    ('TAX', '8123 456 789', 'ma so thue 8123 456 789'),
    ('TAX', 'tám một hai ba bốn năm sáu bảy tám chín', 'mã số thuế đọc: tám một hai ba bốn năm sáu bảy tám chín'),
    ('PASSPORT', 'C1234567', 'passport C1234567'),
    ('PASSPORT', 'C 1 2 3 4 5 6 7', 'hộ chiếu ghi từng ô C 1 2 3 4 5 6 7'),
    ('PASSPORT', 'N1234567', 'HC: N1234567'),
    ('INSURANCE', 'DN4010123456789', 'Mã thẻ BHYT DN4010123456789'),
    ('INSURANCE', '0123 456 789', 'số sổ BHXH 0123 456 789'),
    ('INSURANCE', 'không một hai ba bốn năm sáu bảy tám chín', 'mã BHXH: không một hai ba bốn năm sáu bảy tám chín'),
    ('CARD', '4111-1111-1111-1111', 'Số thẻ 4111-1111-1111-1111 hết hạn 12/27.'),
    ('CARD', '5555 5555 5555 4444', 'master 5555 5555 5555 4444'),
    ('PLATE', '51G-123.45', 'Ô tô 51G-123.45 đỗ trước nhà.'),
    ('PLATE', '51g12345', 'xe 51g12345 vi pham'),
    ('PLATE', '29-AB 123.45', 'Xe máy 29-AB 123.45 bị mất.'),
    ('PLATE', '29 B1 234 56', 'Biển số 29 B1 234 56'),
    ('SECRET', '123456', 'Mã OTP là 123456, đừng cho ai biết.'),
    ('SECRET', 'matkhau123', 'pass zalo: matkhau123'),
    ('SECRET', '8888', 'Mã PIN thẻ ATM của bà là 8888.'),
    ('SECRET', 'Hoa@2024', 'mk email Hoa@2024'),
    ('SECRET', 'ba ba bốn bốn năm năm', 'mã xác nhận đọc: ba ba bốn bốn năm năm'),
    ('DOB', '12-03-1985', 'Sinh: 12-03-1985'),
    ('DOB', '12/03/85', 'ngay sinh 12/03/85'),
    ('DOB', '1985', 'Ông Ba sinh năm 1985 tại Thái Bình.'),
    ('DOB', 'ngày mười hai tháng ba năm một nghìn chín trăm tám mươi lăm', 'sinh ngày mười hai tháng ba năm một nghìn chín trăm tám mươi lăm'),
    ('ADDRESS', 'số 45 ngõ 12 đường Láng', 'Trả lời đơn của người dân ở số 45 ngõ 12 đường Láng.'),
    ('ADDRESS', 'thôn 3', 'Bà Lý Thị Sinh, thôn 3, xin gạo cứu đói.'),
    ('NAME', 'Lò Thị Xuân', 'Lò Thị Xuân, 1960, bản Hua Pục.'),
    ('NAME', 'Nguyễn Văn A', 'ông Nguyễn Văn A'),
    ('NAME', 'Thị Mai', 'Bà Thị Mai xin trợ cấp.'),
    ('PLATE', '30g-123.45', 'oto 30g-123.45'),
    ('PLATE', '29b1-234.56', 'xe máy 29b1-234.56 đã nộp phạt'),
    ('PLATE', '75a-123.45', 'Nhờ tra cứu phạt nguội cho 75a-123.45.'),
    ('SECRET', '482913', 'Mã mở khóa điện thoại của bà là 482913.'),
    ('SECRET', 'Lan#2025', 'Mã truy cập tài khoản: Lan#2025'),
    ('SENSITIVE', 'người Mông', 'Chị Giàng Thị Mỷ, người Mông, xin học bổng cho con.'),
    ('SENSITIVE', 'Mông', 'Họ tên: Vàng A Dế. Dân tộc: Mông. Tôn giáo: không.'),
    ('SENSITIVE', 'có ý định tự tử', 'Em Linh có ý định tự tử sau khi bị bắt nạt, nhờ soạn thư gửi nhà trường.'),
    ('SENSITIVE', 'có vấn đề về tâm thần', 'Ông Quế có vấn đề về tâm thần, hay gây gổ.'),
    ('SENSITIVE', 'có hành vi trộm cắp', 'Anh Tâm có hành vi trộm cắp tài sản của hàng xóm.'),
    ('SENSITIVE', 'liên quan đến vụ trộm xe máy', 'Anh Bình liên quan đến vụ trộm xe máy tuần trước.'),
    ('SENSITIVE', 'bị bạo hành', 'Chị Hoa bị bạo hành nhiều năm, xin tư vấn ly hôn.'),
    ('ADDRESS', 'SỐ 12 NGÕ 5 PHỐ HUẾ', 'GỬI VỀ SỐ 12 NGÕ 5 PHỐ HUẾ CHO ÔNG TÂM'),
    ('ADDRESS', 'ngõ 5 Trần Phú', 'Nhà ông Tâm ở ngõ 5 Trần Phú bị ngập.'),
    ('DOB', '1960', 'Lò Văn Tám - 1960 - bản Na Hu'),
    ('EMAIL', 'lan a còng gờ meo chấm com', 'mail của chị: lan a còng gờ meo chấm com'),
    ('ADDRESS', 'Thôn Nà Lừa', '3 | Hoàng Văn Dũng | 012345678 | Thôn Nà Lừa'),
    ('ADDRESS', 'Xóm 4', 'Lê Thị Hạnh;Nữ;05/06/1972;Xóm 4'),
    ('DOB', '05/06/1972', 'Lê Thị Hạnh;Nữ;05/06/1972;Xóm 4'),
    ('ADDRESS', 'số hai mươi, tổ chín', 'bà ấy khai nhà ở số hai mươi, tổ chín, khu Đồng Tâm'),
    ('ADDRESS', 'nha 12, ngo 4 pho Kim Ma', 'giao ve nha 12, ngo 4 pho Kim Ma nhe'),
    ('ADDRESS', 'đội 3', 'Anh Lò Văn Sinh ở đội 3 xin hỗ trợ giống.'),
    ('ADDRESS', 'tổ 5', 'Chị ấy ở tổ 5, bị mất xe.'),
    ('NAME', 'Tuấn', 'a Tuấn ơi, chiều nay họp tổ nhé'),
    ('NAME', 'Hoa', 'c Hoa gửi giúp em danh sách'),
    ('NAME', 'Bình', 'nhờ e Bình photo hồ sơ'),
    ('NAME', 'Lâm', 'Mr Lâm called about his land certificate.'),
    ('NAME', 'Nguyễn Thu Hà', 'Ms Nguyễn Thu Hà needs a birth certificate copy.'),
    ('NAME', 'lê minh tuấn', 'hồ sơ của lê minh tuấn còn thiếu ảnh'),
    ('NAME', 'Tí', 'be Tí bi sot cao'),
    ('NAME', 'Lê Đức Thọ', 'Ông Lê Đức Thọ ở ngã tư xin giấy phép.'),
    ('DOB', 'mùng 5 tháng Giêng năm Giáp Thìn', 'Bà cụ sinh mùng 5 tháng Giêng năm Giáp Thìn, nhờ đổi sang dương lịch.'),
    ('DOB', 'rằm tháng Tám năm Đinh Dậu', 'Ngày sinh của cụ là rằm tháng Tám năm Đinh Dậu.'),
    ('DOB', 'June 5, 1988', 'The applicant was born June 5, 1988 in Lao Cai.'),
    ('DOB', '12 May 1990', 'Date of birth: 12 May 1990'),
    ('PLATE', '30-K1-234-56', 'xe máy 30-K1-234-56 bị tạm giữ'),
    ('SECRET', '362', 'cho em 3 số bảo mật 362 phía sau thẻ'),
    ('SENSITIVE', 'hay viết bài phản đối chính quyền', 'Ông Kha hay viết bài phản đối chính quyền trên mạng.'),
    ('SENSITIVE', 'có sổ tiết kiệm 800 triệu', 'Cụ Lành có sổ tiết kiệm 800 triệu, các con tranh chấp.'),
    ('SENSITIVE', 'vay qua app tín dụng đen', 'Anh Hòa vay qua app tín dụng đen, bị gọi điện đe dọa.'),
    ('SENSITIVE', 'bị chồng đánh đập', 'Chị Hoa bị chồng đánh đập nhiều lần, xin tư vấn.'),
    ('SENSITIVE', 'đêm 3/4 ngủ ở nhà nghỉ Sao Mai', 'Định vị GPS cho thấy anh Hải đêm 3/4 ngủ ở nhà nghỉ Sao Mai.'),
    ('SENSITIVE', 'has HIV', 'Mr Tùng has HIV, please draft a support letter without saying so.'),
    ('SENSITIVE', 'was in prison for 3 years', 'Ms Hoa was in prison for 3 years, she needs a residence certificate.'),
    ('ADDRESS', 'No. 8, Lane 12, Kim Ma Road', 'Send it to No. 8, Lane 12, Kim Ma Road, Ba Dinh please.'),
    ('ADDRESS', 'số mười hai, tổ năm, khu Đồng Xa', 'bà ấy ở số mười hai, tổ năm, khu Đồng Xa'),
    ('DOB', 'rằm tháng Giêng năm Quý Mão', 'Ngày sinh âm lịch của bà là rằm tháng Giêng năm Quý Mão.'),
    ('NAME', 'Ánh', 'Tax code 8476120359 for Ms Ánh, please add it.'),
    ('NAME', 'Quang', 'birthday of Mr Quang is on Monday'),
    ('ADDRESS', 'phòng trọ số 4, dãy B', 'Chị Thủy thuê phòng trọ số 4, dãy B, khu trọ Hòa Bình.'),
    ('ADDRESS', 'ấp 3', 'Ông Danh Út ở ấp 3 xin hỗ trợ nhà ở.'),
    ('ADDRESS', 'căn 1205 tòa A2', 'Anh Quân ở căn 1205 tòa A2 khu đô thị Việt Hưng.'),
    ('SENSITIVE', 'qua đời do ung thư phổi', 'Ông Bình qua đời do ung thư phổi, gia đình xin trợ cấp mai táng.'),
    ('SENSITIVE', 'tham gia đánh bạc', 'Anh Tú tham gia đánh bạc ở quán nước, soạn biên bản.'),
    ('SENSITIVE', 'là con chiên', 'Bà Năm là con chiên ngoan đạo, muốn tổ chức lễ tang theo nghi thức Công giáo.'),
]


@pytest.mark.parametrize(("kind", "value", "text"), MECHANISM_CASES)
def test_general_mechanisms_cover_new_wording(kind: str, value: str, text: str) -> None:
    assert_covered(kind, value, text, find_pii(text))


def assert_covered(kind: str, value: str, text: str, found: list) -> None:
    """`value` (in `text`) is hidden by one of `found`: overlapped for sensitive data, whole for everything else."""
    start = text.index(value)
    if kind == "SENSITIVE":
        assert any(f.start < start + len(value) and start < f.end for f in found), found
    else:
        assert any(f.start <= start and f.end >= start + len(value) for f in found), found


@pytest.mark.parametrize("text", [
    'Ngõ 120 phố Kim Ngưu được lát lại gạch.',
    'Thôn Khe Mạ có 80 hộ, 5 hộ nghèo.',
    'Trưởng thôn Khe Mạ tổ chức họp dân.',
    'Bà con xóm Bãi, thôn Trung góp công làm đường.',
    'Tổ 8 và tổ 9 sáp nhập từ tháng 7.',
    'Đường Nguyễn Văn Cừ cấm xe tải trên 10 tấn.',
    'Phòng 12 tầng 3 là phòng họp của UBND phường.',
    'Quầy số 4 bộ phận một cửa tiếp nhận hồ sơ đất đai.',
    'Kiệt 45 Hùng Vương đang sửa cống thoát nước.',
    'Nhà văn hóa thôn Trung, xóm Bãi vừa khánh thành.',
    'Chi hội phụ nữ bản Pá Hốc có 40 hội viên.',
    'Cán bộ địa chính xuống thôn Khe Mạ đo đạc.',
    'Anh em dân quân tuần tra ở xóm Đình.',
    'Hội nghị tổ chức tại phòng 204, nhà A, trụ sở UBND phường.',
    'Thủ tục đăng ký thường trú: nộp tờ khai CT01.',
    'Tạm trú: hồ sơ gồm tờ khai và giấy tờ chỗ ở hợp pháp.',
    'Phường tổ chức khám sàng lọc ung thư vú cho phụ nữ trên 40 tuổi.',
    'Có 15 trường hợp mắc sốt xuất huyết trong tháng 9.',
    'Tuyên truyền phòng chống ma túy trong trường học.',
    'Số người nghiện ma túy trên địa bàn giảm 10%.',
    'Các đối tượng trộm cắp thường hoạt động ban đêm.',
    'Người khuyết tật được miễn lệ phí cấp căn cước.',
    'Hướng dẫn thủ tục xóa án tích cho người dân.',
    'Chính sách hỗ trợ người nhiễm chất độc da cam.',
    'Viết giúp tôi bài tuyên truyền phòng chống bệnh lao.',
    'Tôi cần mẫu báo cáo tình hình tội phạm quý 3.',
    'Giáo xứ tổ chức lễ Giáng sinh cho giáo dân.',
    'Hội Người cao tuổi đi thăm người ốm.',
    'Ông Hùng đề nghị xác nhận tình trạng hôn nhân.',
    'Chị Lan xin tiền ăn bán trú cho con.',
    'Anh Tuấn về tới nhà lúc 9 giờ tối.',
    'Trạm y tế tiêm vắc xin phòng lao cho trẻ.',
    'Trường hợp người bị kết án phạt tù thì không được cấp.',
    'Bà Hoa hỏi về chế độ thai sản cho lao động nữ.',
    'Anh Nam xin giấy xác nhận để vay ngân hàng chính sách.',
    'Ông Tư ra từ sáng sớm để đi họp.',
    'Cháu Minh bị ốm nên nghỉ học hôm nay.',
    'Luật quy định tội trộm cắp tài sản bị phạt tù.',
    'Phường tổ chức tiêm vắc xin Covid cho người cao tuổi.',
    'Tỷ lệ người nhiễm HIV trên địa bàn dưới 0,1%.',
    'Soạn giúp tôi kế hoạch phòng chống dịch sốt xuất huyết.',
    'Trạm y tế khám sức khỏe định kỳ cho người dân.',
    'Hướng dẫn đăng ký thường trú cho người chấp hành xong án phạt tù.',
    'Tôi muốn hỏi thủ tục xóa án tích.',
    'Anh ấy hỏi về lịch tiêm phòng bệnh dại cho chó.',
    'Ông Hùng nhờ viết bài tuyên truyền phòng chống ma túy.',
    'Chị Lan hỏi về bảo hiểm y tế cho người khuyết tật.',
    'Bà Hoa đi chùa ngày rằm.',
    'Anh Nam đi nhà thờ dự đám cưới bạn.',
    'Chị Thảo làm việc ở bệnh viện tâm thần tỉnh.',
    'Ông Tư là bác sĩ chuyên khoa ung bướu.',
    'Em Nga học ngành điều dưỡng.',
    'Anh Bình nhờ soạn đơn xin vay vốn hộ nghèo.',
    'Tôi cần số liệu người khuyết tật của phường.',
    'Bà Sáu đến phường nộp hồ sơ hưởng trợ cấp người cao tuổi.',
    'Ông Khánh bị mất ví ở chợ.',
    'Chị Hương bị phạt vì đỗ xe sai quy định.',
    'Anh Tài bị công an mời lên làm việc về vụ tai nạn giao thông.',
    'Cháu Bình bị điểm kém môn toán.',
    'Chị Lan nhờ viết đơn xin nghỉ phép chăm con ốm.',
    'Ông Hải hỏi về tội phạm công nghệ cao để cảnh giác.',
    'Bà Tâm theo dõi thời tiết để làm đồng.',
    'Anh Quang theo học lớp trung cấp chính trị.',
    'Em ấy nghiện game, phụ huynh lo lắng.',
    'Tổng kinh phí 1.250.000.000 đồng đã giải ngân.',
    'Mã thủ tục 1.004222.000.00.00.H12 trên Cổng dịch vụ công.',
    'Dân số 98.500 người, 25.000 hộ.',
    'Giai đoạn 2021-2025-2030 có ba mục tiêu.',
    'Quyết định số 1234567/QĐ-UBND.',
    'Tọa độ 21.028511, 105.854167 của trụ sở.',
    'Mã bưu chính 100000, tổng đài 1900 1234.',
    'Biên lai số 0001234 ngày 12/05/2026.',
    'Năm hai nghìn không trăm hai mươi sáu có 12 tháng.',
    'Số hiệu văn bản 12/2026/NĐ-CP ngày 05/01/2026.',
    'Diện tích 1.234,5 m2 tại thửa 123456.',
    'Tổng dân số toàn quốc 100300000 người.',
    'Mẫu số C1-02 ban hành kèm Thông tư.',
    'Biên lai số C1234567 ngày 12/05/2026.',
    'Hội nghị ngày 12/03/2026 tại hội trường.',
    'Luật Cư trú năm 2020 có hiệu lực từ 01/7/2021.',
    'Để ngày mai họp tổ.',
    'Ông Hùng, 2026, hết nhiệm kỳ.',
    'Số học sinh sinh năm 2010 đến trường đạt 98%.',
    'Giấy khai sinh cấp ngày 12/05/2020 bị mất.',
    'Công dân nam sinh năm 2008 đăng ký nghĩa vụ quân sự.',
    'Hội Người cao tuổi mừng thọ các cụ tròn 70 tuổi năm 2026.',
    'Ngày Quốc khánh 2/9/1945 là ngày ra đời của nước Việt Nam Dân chủ Cộng hòa.',
    'Đường Nguyễn Văn Linh bị ngập.',
    'Trường Tiểu học Kim Đồng khai giảng.',
    'Phường Hoàng Văn Thụ tổ chức họp.',
    'Công ty TNHH Minh Phát tuyển dụng.',
    'Chủ tịch UBND phường Trần Văn Nam chủ trì họp.',
    'Bệnh viện Việt Đức tiếp nhận bệnh nhân.',
    'Lễ hội Đền Hùng năm nay đông khách.',
    'Tượng đài Lê Lợi ở trung tâm.',
    'Hợp tác xã Thành Công giao hàng.',
    'Ngân hàng Chính sách Xã hội giải ngân.',
    'Cổng Dịch vụ công Quốc gia đã nâng cấp.',
    'Mặt trận Tổ quốc Việt Nam phường họp.',
    'Quỹ Vì người nghèo nhận ủng hộ.',
    'Hội Liên hiệp Phụ nữ tổ chức hội thi.',
    'Đại tướng Võ Nguyên Giáp là vị tướng huyền thoại.',
    'Nhà văn hóa Tổ dân phố Hòa Bình.',
    'Chương trình Mục tiêu Quốc gia Xây dựng Nông thôn Mới.',
    'Thông tư Liên tịch số 12 của Bộ Tài chính.',
    'Chợ Bến Thành đông khách.',
    'Sân vận động Mỹ Đình.',
    'Lớp 12A1 có 40 học sinh.',
    'Xe buýt số 32 chạy từ 5h.',
    'Mã số hồ sơ H29.12-250301-0001 đã tiếp nhận.',
    'Tổng đài 1900 6868 hỗ trợ 24/7.',
    'Tiền điện tháng 10 là 1.234.567 đồng.',
    'Lịch họp 08:00 ngày 12/11/2026.',
    'Giá 12.500.000đ/m2.',
    'Chiều dài tuyến 1.250 m, rộng 3,5 m.',
    'Năm 1975 đất nước thống nhất.',
    'Giấy chứng nhận QSDĐ số CS 123456 cấp ngày 12/3/2019.',
    'Văn bản số 1234/UBND-VP ngày 05/01/2026.',
    'Tài khoản định danh điện tử mức 2.',
    'Số lượng 123456789 lượt truy cập cổng.',
    'Mật khẩu phải có ít nhất 8 ký tự.',
    'Quên mã OTP thì bấm gửi lại.',
    'Lớp 12a-3 tham gia hội thao.',
    'Phòng 10a-204 tầng 2.',
    'Quên mật khẩu thì đặt lại qua mã xác minh gửi về điện thoại.',
    'Đi từ từ thôi bác Tư ơi.',
    'Phường có đồng bào dân tộc Mông sinh sống.',
    'Thống kê: dân tộc Kinh 80%, dân tộc Thái 20%.',
    'Anh Hùng hỏi về vụ cháy chợ tối qua.',
    'NGÕ 5 PHỐ HUẾ ĐANG SỬA',
    'Ngõ 5 Trần Phú đổ bê tông xong.',
    'STT | Nội dung | Kinh phí',
    '1 | Sửa đường tổ 5 | 120.000.000 đồng',
    'Họp tổ 5 lúc 19h; tổ 6 lúc 20h; tổ 7 lúc 21h.',
    'Đội 3 dân quân trực đêm.',
    'Theo điểm a Khoản 2 Điều 5 Nghị định 100.',
    'Phụ lục B Thông tư 01.',
    'Please use a Visa card to pay.',
    'Nhóm máu O Rh dương.',
    'hồ sơ của cán bộ địa chính còn thiếu',
    'cho mai làm xong báo cáo',
    'Cấm xe ở ngã tư Lê Đức Thọ từ 7h.',
    'Giải bóng đá tại nhà thi đấu Trịnh Hoài Đức.',
    'NGƯỜI KHAI: (trống) — QUAN HỆ VỚI CHỦ HỘ: VỢ',
    'Giới tính: Nam',
    'Rằm tháng Giêng năm nay phường tổ chức lễ hội.',
    'The meeting is on March 3rd, 2026.',
    'Tài khoản bị phong tỏa do nhập sai mật khẩu nhiều lần.',
    'Hotline ngân hàng 1800 1234 hỗ trợ 24/7.',
    'The ward office opens at 7:30.',
    'Tổ chức tuyên truyền phản đối bạo lực gia đình.',
    'my card was charged twice, draft a complaint',
    'Cửa hàng bị gọi quấy rối nhiều lần trong ngày.',
    'Dãy trọ Hòa Bình có 20 phòng, chủ trọ xin cấp phép.',
    'Ấp 3 có 120 hộ dân.',
    'Cần 5 người trực đêm ở tổ.',
])
def test_mask_unless_ordinary_keeps_ordinary_sentences(text: str) -> None:
    """Amounts, procedure codes, documents, year ranges, decimals, groups and topics pass (names aside)."""
    assert [f for f in find_pii(text) if f.kind != "NAME"] == []


@pytest.mark.parametrize("text", [
    "Cấm xe ở ngã tư Lê Đức Thọ từ 7h.",
    "Giải bóng đá tại nhà thi đấu Trịnh Hoài Đức.",
    "NGƯỜI KHAI: (trống) — QUAN HỆ VỚI CHỦ HỘ: VỢ",
    "Giới tính: Nam",
    "Please use a Visa card to pay.",
    "Theo điểm a Khoản 2 Điều 5 Nghị định 100.",
    "Phòng Văn Hóa Thông Tin huyện họp.",
    "hồ sơ của cán bộ địa chính còn thiếu",
    "Hộ kinh doanh ăn uống có mã số thuế.",
    'Thời gian hưởng chế độ ốm đau căn cứ vào thời gian điều trị nội trú tại cơ sở khám bệnh, chữa bệnh.',
    'Trưởng ban chịu trách nhiệm chung về hoạt động của Ban Thanh tra nhân dân.',
    'Đồng bào dân tộc thiểu số thuộc đối tượng giao đất không thu tiền sử dụng đất theo chính sách.',
    'dung dao doa nguoi khac de lay tien thi bi toi gi',
    'ra tu thu va boi thuong cho nguoi ta thi co duoc giam an khong',
    'Quyền được bảo vệ để không bị bạo lực, bỏ rơi, bỏ mặc của trẻ em được quy định như thế nào?',
    'Mang thai hộ vì mục đích nhân đạo là việc một người phụ nữ tự nguyện giúp mang thai cho cặp vợ chồng.',
    'CẤP ĐỘ BẢO VỆ TRẺ EM VÀ TRÁCH NHIỆM THỰC HIỆN',
    'THẨM QUYỀN GIẢI QUYẾT KHIẾU NẠI',
    'muon doi ten cho con vi ten xau bi ban be treu thi co duoc khong?',
    'cho nguoi ta muon nha de danh bac thi chu nha co toi khong?',
    'QUAN HỆ GIỮA VỢ VÀ CHỒNG',
    'TRÌNH TỰ, THỦ TỤC GIẢI QUYẾT KHIẾU NẠI LẦN ĐẦU',
    'VĂN PHÒNG QUỐC HỘI',
    'a) Sửa đổi, bổ sung tên Điều 53 như sau:',
    '5. Trình Chính phủ quy định về hoạt động đầu tư quỹ bảo hiểm xã hội.',
    'HỒ SƠ ĐỊA CHÍNH',
    'CHÚ THÍCH CỦA VĂN BẢN HỢP NHẤT',
    'HÔN NHÂN CHẤM DỨT DO VỢ, CHỒNG CHẾT HOẶC BỊ TÒA ÁN TUYÊN BỐ LÀ ĐÃ CHẾT',
    'Đất có mặt nước của các đối tượng thủy văn dạng ao, hồ.',
    # a public institution right after a role word (the module 2 assignment's own solution)
    'Vai trò: Bạn là công chức Trung tâm Phục vụ hành chính công của phường, thạo thủ tục hộ tịch.',
    'Tôi là viên chức Trạm Y tế xã, nhờ soạn thông báo tiêm chủng.',
    'Nhân viên Bưu điện văn hóa xã sẽ trả kết quả tại nhà.',
    'Giáo viên Trường mầm non Hoa Sen đề nghị sửa mái lớp học.',
])
def test_no_name_in_places_fields_and_headings(text: str) -> None:
    """Places named after people, a form field's value, a list letter, an institution: no name is taken."""
    assert find_pii(text) == []


def test_record_row_fields() -> None:
    """A pasted table row about a person: a place-unit field is the address, a date the birth date, a province not."""
    kinds = {f.value: f.kind for f in find_pii("Lê Thị Hạnh;Nữ;05/06/1972;Xóm 4")}
    assert kinds.get("Xóm 4") == "ADDRESS" and kinds.get("05/06/1972") == "DOB"
    assert all(f.kind != "ADDRESS" for f in find_pii("Vy Thị Nhung;0912345678;Lạng Sơn;đã nhận"))


# Cousins of slice Q's misses, written for each mechanism in new wording (other place words, other predicates,
# other keywords): the mechanism, not the case, is what is tested.
COUSIN_CASES = [
    ('SENSITIVE', 'là người Ba Na', "Chị Rơ Châm H'Lan là người Ba Na, chồng là người Xơ Đăng."),
    ('SENSITIVE', 'là hòa thượng', 'Ông Tám là hòa thượng trụ trì chùa Phước Hậu.'),
    ('SENSITIVE', 'làm thầy cúng', 'Bà Sáu làm thầy cúng ở bản.'),
    ('SENSITIVE', 'chống phá chế độ', 'Anh Khánh thường chia sẻ bài viết chống phá chế độ trên Zalo.'),
    ('SENSITIVE', 'Triều Đại Việt', 'Ông Lợi tham gia tổ chức Triều Đại Việt, công an đang xác minh.'),
    ('SENSITIVE', 'dữ liệu vân tay', 'Phường có cung cấp dữ liệu vân tay của chị Thoa cho công ty không?'),
    ('SENSITIVE', 'theo dõi định vị', 'Anh Bảo bị vợ cũ theo dõi định vị điện thoại suốt tháng 11.'),
    ('SENSITIVE', 'nợ hụi', 'Chị Hiền nợ hụi gần 200 triệu, chủ hụi đòi.'),
    ('SENSITIVE', 'nợ app vay 30 triệu', 'Ông Lực đang nợ app vay 30 triệu, bị gọi điện khủng bố.'),
    ('SENSITIVE', 'ép cưới', 'Cháu Giàng Thị Mỷ bị ép cưới năm 14 tuổi.'),
    ('SENSITIVE', 'trộm cắp', 'Bà Hoa trộm cắp tài sản ở chợ nhiều lần.'),
    ('SENSITIVE', 'cá độ', 'Ông Kiên cá độ bóng đá thua 300 triệu.'),
    ('SENSITIVE', 'chưa tiêm phòng', 'Cháu Lò Văn Pọm chưa tiêm phòng sởi, mẹ xin hoãn.'),
    ('SENSITIVE', 'sinh mổ', 'Chị Ngân sinh mổ lần hai, bị nhiễm trùng hậu sản.'),
    ('SENSITIVE', 'nghiện nặng', 'Ông Tư nghiện nặng, vợ xin đưa đi cai.'),
    ('SENSITIVE', 'điều trị ung thư gan',
     'Hồ sơ của ông Nguyễn Văn Sáng đã đủ. Ông đang điều trị ung thư gan giai đoạn cuối.'),
    ('SENSITIVE', 'buôn bán ma túy', 'Anh Hùng (số 4 ngõ 8 Lê Lợi) buôn bán ma túy, người dân phản ánh.'),
    ('SENSITIVE', 'dương tính', 'Đối tượng Lê Văn Tài, xe 29B1-234.56, dương tính với ma túy.'),
    ('SENSITIVE', 'quan hệ bất chính', 'Anh Vũ có quan hệ bất chính với vợ người khác.'),
    ('SENSITIVE', 'con riêng', 'Chị Hoa có con riêng với ông Tư.'),
    ('SENSITIVE', 'số dư tài khoản 2 tỷ', 'Anh Lâm có số dư tài khoản 2 tỷ ở Vietcombank.'),
    ('SENSITIVE', 'sổ tiết kiệm', 'Ông Thành có 3 sổ tiết kiệm ở bưu điện.'),
    ('SENSITIVE', 'nhà nghỉ Thanh Bình', 'Camera ghi lại anh Long vào nhà nghỉ Thanh Bình lúc 23 giờ.'),
    ('SENSITIVE', 'bật định vị', 'Chị Thu bị chồng bật định vị theo dõi suốt ngày.'),
    ('SENSITIVE', 'hội thánh Tin Lành', 'Ông Hòa là thành viên hội thánh Tin Lành.'),
    ('SENSITIVE', 'cùng giới', 'Chị Hòa sống chung với người yêu cùng giới.'),
    ('SENSITIVE', 'nhiễm chất độc hóa học', 'Anh Thịnh hưởng trợ cấp vì nhiễm chất độc hóa học.'),
    ('SENSITIVE', 'đưa đi cai nghiện', 'Anh Tùng đã bị đưa đi cai nghiện.'),
    ('SENSITIVE', 'bị chồng đánh', 'Chị Lan bị chồng đánh gãy tay.'),
    ('SENSITIVE', 'la su sai', 'Anh Chau Soc Ha la su sai chua Khmer'),
    ('NAME', 'Lưu Thị Mến', 'Số TK 0123456789 Vietcombank, chủ tài khoản Lưu Thị Mến.'),
    ('NAME', 'Hà Thị Xuân', 'Giấy báo gửi người nhận Hà Thị Xuân ở tổ 2.'),
    ('NAME', 'Vàng Thị Dua', 'Bé Vàng Thị Dua sinh năm 2021 chưa có giấy khai sinh.'),
    ('NAME', 'Thu Trang Pham', 'Hồ sơ xin visa: Thu Trang Pham, sinh năm 1995.'),
    ('NAME', 'tran thi kim oanh', 'stk 0123 4567 89 ten tran thi kim oanh'),
    ('NAME', 'lê thị hồng nhung', 'hồ sơ của lê thị hồng nhung còn thiếu ảnh'),
    ('NAME', 'Huệ', 'Em Huệ xin nghỉ phép.'),
    ('NAME', 'MAI VĂN TOÀN', 'GIẤY GIỚI THIỆU ÔNG MAI VĂN TOÀN ĐẾN LÀM VIỆC'),
    ('NAME', 'Giàng A Pháo', 'Trưởng thôn Giàng A Pháo báo cáo tình hình.'),
    ('NAME', 'Lan', 'Tổ trưởng Lan báo mất điện.'),
    ('NAME', 'Tuấn', 'anh hai Tuấn bên xóm dưới'),
    ('NAME', 'Kim Ji-yeon', 'Ms. Kim Ji-yeon xin đăng ký tạm trú.'),
    ('NAME', 'Trần Văn Hòa', 'Nguyên đơn Trần Văn Hòa khởi kiện về tranh chấp đất.'),
    ('CCCD', '0/0/1/2/0/3/0/0/4/5/6/7', 'CCCD 0/0/1/2/0/3/0/0/4/5/6/7 của chị Lan.'),
    ('EMAIL', 'lan.tran@yahoo,com.vn', 'Email của anh: lan.tran@yahoo,com.vn'),
    ('PASSPORT', 'B bảy hai năm một không tám ba', 'Số hộ chiếu: B bảy hai năm một không tám ba.'),
    ('SECRET', '48 21 95', 'Mã xác nhận gồm 6 số: 48 21 95'),
    ('SECRET', '5 8 1 2 9 0', 'Bà báo mã vừa nhận 5 8 1 2 9 0 cho người lạ.'),
    ('SECRET', 'cafe@2024', 'wifi quán: tên CafeMai_5G, pass cafe@2024'),
    ('DOB', '5 thg 11, 1990', 'Anh Tú sinh 5 thg 11, 1990.'),
    ('DOB', 'ngày 2 tháng 9 (âm lịch) năm 1940', 'Cụ Lành sinh ngày 2 tháng 9 (âm lịch) năm 1940.'),
    ('DOB', '01/02/2026', 'Bé sinh vào 22h30 ngày 01/02/2026 tại trạm y tế.'),
    ('DOB', '3/4/1988', 'Anh Tiến sinh ra vào ngày 3/4/1988 tại Hà Nội.'),
    ('ADDRESS', '125/7 Hoàng Hoa Thám', 'Ông Tín trú tại 125/7 Hoàng Hoa Thám.'),
    ('ADDRESS', 'số 45 Tỉnh lộ 10', 'Bà Ly ở số 45 Tỉnh lộ 10.'),
    ('ADDRESS', 'số 9 đường 30/4', 'Anh Quang ở số 9 đường 30/4.'),
    ('ADDRESS', 'căn hộ 12.05 tòa S2 khu đô thị Vinhomes Ocean Park',
     'Chị Vân ở căn hộ 12.05 tòa S2 khu đô thị Vinhomes Ocean Park.'),
    ('ADDRESS', 'lô A1-07 khu dân cư Hồng Phát', 'Nhà anh Đạt ở lô A1-07 khu dân cư Hồng Phát.'),
    ('ADDRESS', '18/3 Nguyễn Văn Cừ', 'Địa chỉ của bà Lan: 18/3 Nguyễn Văn Cừ.'),
    ('ADDRESS', 'số 20 đường 19 Tháng 5', 'Anh Sơn ở số 20 đường 19 Tháng 5.'),
    ('ADDRESS', 'phòng 5', 'Anh Bình thuê trọ phòng 5 dãy trọ cô Hạnh.'),
    ('ADDRESS', '23/5/2 đường số 9', 'Nhà chị Hậu ở 23/5/2 đường số 9.'),
    ('ADDRESS', '45 đường số 7, khu dân cư Trung Sơn', 'Anh Khang ở 45 đường số 7, khu dân cư Trung Sơn.'),
    ('DOB', 'mùng 5 Tết năm 1975', 'Ngày sinh: mùng 5 Tết năm 1975'),
    ('INSURANCE', 'GD 4 79 79 1234 5678', 'Thẻ BHYT: GD 4 79 79 1234 5678'),
    ('BANK', '102.874.639.512', 'số tài khoản 102.874.639.512 VietinBank chi nhánh Thanh Xuân'),
    ('PHONE', '0838 412 675', 'Anh Lý Văn Minh gửi số của mình 0838 412 675 để làm chứng.'),
]


@pytest.mark.parametrize("text", [
    'Phường tổ chức tuyên truyền phòng chống đánh bạc trong dịp Tết.',
    'Tổng đài 1900 9095 hỗ trợ tài khoản định danh điện tử.',
    'Xem vị trí thửa đất trên bản đồ địa chính tờ số 12.',
    'Lịch tiêm chủng mở rộng tháng 12 cho trẻ dưới 5 tuổi.',
    'Hướng dẫn người dân bật định vị khi dùng ứng dụng VNeID.',
    'Kết bạn Zalo của phường để nhận thông báo.',
    'Giúp em tóm tắt Điều 12 Luật Cư trú.',
    'Nhờ em Nghị định 154/2024/NĐ-CP tóm tắt giúp.',
    'Đường 3 Tháng 2 sẽ cấm xe từ 20 giờ.',
    'Ngày 12/11 Ban công tác Mặt trận họp ở nhà văn hóa.',
    'Tuyến Quốc lộ 1A đoạn qua phường đang sửa.',
    'Nông sản bán sang Trung Quốc tăng 20%.',
    'Đường dây nóng của Công an phường: 0243 8251 113.',
    'Nó mua xe 500 triệu.',
    'TRẺ EM CÓ HOÀN CẢNH ĐẶC BIỆT',
    'Camera an ninh phường ghi lại vụ trộm lúc 2 giờ sáng.',
    'Trưởng bản Lao Chải báo cáo.',
])
def test_cousins_of_first_contact_false_alarms_pass(text: str) -> None:
    """A topic, a published hotline, a legal reference after a title, a street named after a date: nothing hidden."""
    assert find_pii(text) == []


@pytest.mark.parametrize("text", [
    'Ô tô của anh Hải biển 30G-472.93 bị phạt nguội, cần nộp phạt.',
    'Xe máy của chị Lan biển 29B1-234.56 bị tạm giữ 10 ngày.',
    'Chị Lan là sự lựa chọn tốt cho vị trí kế toán.',
    'Anh Bình đã tiêm cho 30 cháu ở điểm tiêm.',
    'Ông Tâm là người Thái Bình, chuyển về phường năm 2010.',
    'Anh Minh nghiên cứu đề án chuyển đổi số của phường.',
    'Chị Hà phản đối việc thu phí gửi xe ở chợ.',
    'Anh Nam kiểm tra số dư tài khoản phường là 20 triệu.',
    'Bà Hạnh có nhóm máu hiếm, cần người hiến.',
    'Anh Hùng tham gia đội phòng chống ma túy của phường.',
    'Nhà của chị Lan đã đưa vào sử dụng chung.',
    'anh Nam noi do la su that',
    'anh Nam bat dinh vi de tim duong',
])
def test_thing_subjects_and_look_alike_words_are_not_sensitive(text: str) -> None:
    """A vehicle's fine, 'là sự', a nurse giving shots, a province of origin, research, a complaint: no sensitive data."""
    assert [f for f in find_pii(text) if f.kind == "SENSITIVE"] == []


# Cousins of slice R's first-contact misses, in new wording (privacy24e): condition nouns without a state verb,
# tables with a header row, letters typed for digits, birth years read aloud, hamlets with their commune, lane
# numbers with a letter, two-letter passports, PUK and recovery codes, chip-card QR text and passport MRZ lines.
R_COUSIN_CASES = [
    ('NAME', 'TRAN VAN BINH', 'ONG TRAN VAN BINH DEN LAM THU TUC LUC 8H'),
    ('NAME', 'Phó Thị Nhàn', 'Hồ sơ của bà Phó Thị Nhàn còn thiếu bản sao giấy khai sinh.'),
    ('NAME', 'Ông Văn Tưởng', 'Cháu gọi cụ Ông Văn Tưởng là ông ngoại.'),
    ('NAME', 'Anna Schmidt', 'Ms. Anna Schmidt asks how to register her temporary residence.'),
    ('ADDRESS', 'tổ dân phố số 4, phường Tân Phong', 'Bà Lò Thị Pọm, tổ dân phố số 4, phường Tân Phong, xin trợ cấp.'),
    ('NAME', 'Lò Thị Pọm', 'Bà Lò Thị Pọm, tổ dân phố số 4, phường Tân Phong, xin trợ cấp.'),
    ('ADDRESS', 'ấp 5 Long Hòa Tây', 'Anh Sầm ở ấp 5 Long Hòa Tây xin vay vốn.'),
    ('ADDRESS', 'khóm Tân Quy 3', 'Chị Na nhà ở khóm Tân Quy 3 bị ngập.'),
    ('ADDRESS', 'xom 2 xa Tan Lap', 'dia chi xom 2 xa Tan Lap'),
    ('ADDRESS', 'phòng trọ số 8', 'chị Hoa phòng trọ số 8 chưa đóng tiền điện'),
    ('DOB', '1 4 | 0 3 | 1 9 7 7', 'Ngày sinh ghi trong ô: 1 4 | 0 3 | 1 9 7 7.'),
    ('DOB', '4/3/1990', 'Anh Hòa sinh ngày 3/4/1990 hay 4/3/1990 thì đúng?'),
    ('SENSITIVE', 'khiếm thính bẩm sinh', 'Cháu Phạm Gia Huy khiếm thính bẩm sinh, mẹ xin giấy xác nhận khuyết tật.'),
    ('SENSITIVE', 'đang hóa trị', 'Chồng chị Loan đang hóa trị ở bệnh viện tỉnh nên chị xin hoãn nộp thuế.'),
    ('SENSITIVE', 'mang bầu tháng thứ 6', 'Em Đào Thị Ngọc mang bầu tháng thứ 6, xin chuyển sang việc nhẹ.'),
    ('SENSITIVE', 'vừa mổ ruột thừa', 'Ông Kha Văn Lực vừa mổ ruột thừa nên chưa lên ký được.'),
    ('SENSITIVE', 'liệt hai chân', 'Bà Triệu Thị Mến liệt hai chân, nhờ cán bộ đến nhà làm thủ tục.'),
    ('SENSITIVE', 'uống thuốc an thần', 'Anh Lã Văn Quý phải uống thuốc an thần hằng đêm, vợ xin trợ giúp.'),
    ('SENSITIVE', 'mới ra trại cai nghiện', 'Con trai bà Huệ mới ra trại cai nghiện tuần trước.'),
    ('SENSITIVE', 'đang chạy thận', 'Mẹ tôi đang chạy thận ba buổi một tuần, có được miễn họp tổ không?'),
    ('SENSITIVE', 'vỡ hụi', 'Chị Mạc Thị Duyên bị vỡ hụi hơn 200 triệu, muốn làm đơn tố cáo.'),
    ('SENSITIVE', 'cầm cố nhà', 'Ông Văn Đức Long đã cầm cố nhà để trả nợ cho con.'),
    ('SENSITIVE', 'gốc Khmer', 'Chị Lâm Thị Sa Ri gốc Khmer, muốn sửa dân tộc trên giấy khai sinh.'),
    ('SENSITIVE', 'viết bài chống chính quyền', 'Anh Phan Đình Tú hay viết bài chống chính quyền trên mạng.'),
    ('SENSITIVE', 'say rượu đánh con', 'Hàng xóm báo ông Lưu Văn Tấn tối nào cũng say rượu đánh con.'),
    ('DOB', '1949', 'STT | Họ và tên | Năm sinh\n1 | Giáp Văn Thà | 1949\n2 | Ninh Thị Lụa | 1953'),
    ('DOB', '1953', 'STT | Họ và tên | Năm sinh\n1 | Giáp Văn Thà | 1949\n2 | Ninh Thị Lụa | 1953'),
    ('SENSITIVE', 'tai biến, nằm một chỗ', 'Họ tên | Tình trạng sức khỏe / Âu Văn Định | tai biến, nằm một chỗ / Hà Thị Sen | bình thường'),
    ('ADDRESS', 'Phiêng Luông', 'Họ tên; Địa chỉ; Ghi chú\nLường Văn Ún; Phiêng Luông; hộ nghèo'),
    ('NAME', 'Thân Thị Gái', 'Họ tên | Bệnh | Mức hỗ trợ / Thân Thị Gái | suy tim | 600.000'),
    ('CCCD', '0012O3004567', 'Số căn cước 0012O3004567 bị quét sai.'),
    ('PHONE', '09l5 345 678', 'Số của anh Khôi 09l5 345 678'),
    ('BANK', '1903 56l8 9012', 'STK 1903 56l8 9012 Techcombank của chị Thơ'),
    ('DOB', '2O/11/1987', 'Ngày sinh 2O/11/1987 của anh Hậu.'),
    ('DOB', 'một chín bốn bảy', 'năm sinh của bà là một chín bốn bảy, giấy tờ mất hết'),
    ('DOB', 'ngày 9/4', 'Con chị Thắm chào đời ngày 9/4 vừa qua, cần làm khai sinh.'),
    ('DOB', '1988-07-21', 'export: hoTen=Lý Văn Sáu; ngay_sinh=1988-07-21'),
    ('ADDRESS', 'Trần Nhân Tông', 'Bà Khúc Thị Lan ở nhà số 48 Trần Nhân Tông bị dột mái.'),
    ('ADDRESS', 'xã Mường Lói', 'Anh Lò Văn Pấng, bản Huổi Một, xã Mường Lói, xin vay vốn.'),
    ('ADDRESS', 'K12/7 Ông Ích Khiêm', 'Chị Tôn Nữ Hà ở K12/7 Ông Ích Khiêm xin xác nhận cư trú.'),
    ('ADDRESS', 'TDP Đồng Tâm', 'Ông Bế Văn Thìn ở TDP Đồng Tâm 3 báo mất trộm.'),
    ('ADDRESS', '12 Le Duan street', 'Please send the letter to Mr. Hung, 12 Le Duan street.'),
    ('PASSPORT', 'KM5823104', 'Vợ anh Tài người Hàn Quốc, hộ chiếu KM5823104, xin xác nhận tình trạng hôn nhân.'),
    ('SECRET', '5839 2211', 'Mã PUK của sim là 5839 2211, nhờ mở khóa giúp bà Lan.'),
    ('SECRET', 'X7PQ-22KD-9MTA', 'Mã khôi phục tài khoản của anh Tùng: X7PQ-22KD-9MTA'),
    ('SECRET', '12-58-07', 'Mật mã khóa tủ hồ sơ của chị Ngân là 12-58-07.'),
    ('DOB', '30041985', 'Đọc QR căn cước: 036185009912||Vũ Thị Nhàn|30041985|Nữ|Thôn Trung, Hải Hậu, Nam Định|11062022'),
    ('NAME', 'Vũ Thị Nhàn', 'Đọc QR căn cước: 036185009912||Vũ Thị Nhàn|30041985|Nữ|Thôn Trung, Hải Hậu, Nam Định|11062022'),
    ('DOB', '750320', 'MRZ: P<VNMLE<<VAN<TAM<<<<<<<<<<<<<<<<<<<<<<<<< / N2345678<1VNM7503204M3203151<<<<<<<<<<<<<<02'),
]


# Cousins of slice S's misses (privacy24f), in wording S does not use: one per mechanism, with the abbreviations and bare
# typing a ward official uses.
S_COUSIN_CASES = [
    ('CMND', '2 ┃ 4 ┃ 1 ┃ 0 ┃ 8 ┃ 8 ┃ 6 ┃ 4 ┃ 2', 'Ô CMND trên bản khai: ┃2 ┃ 4 ┃ 1 ┃ 0 ┃ 8 ┃ 8 ┃ 6 ┃ 4 ┃ 2┃'),
    ('TAX', '0│3│1│2│5│6│7│8│9│4', 'MST hộ kinh doanh: 0│3│1│2│5│6│7│8│9│4'),
    ('CCCD', '0381  9100  2334', 'căn cước in trên giấy hẹn: 0381  9100  2334'),
    ('BANK', '1903  6655  2211  01', 'Số tài khoản: 1903  6655  2211  01 Techcombank'),
    ('BANK', '10294 55731 862', 'STK 10294 55731 862 hay gì đó, chị dò lại giúp.'),
    ('CMND', 'một tám sáu… bốn năm hai… ba một không', 'Ông đọc ngắt quãng: một tám sáu… bốn năm hai… ba một không'),
    ('PLATE', 'nam muoi chin pe hai ba bon tam khong hai', 'bien so nam muoi chin pe hai ba bon tam khong hai'),
    ('PLATE', 'hai chín tê một, bốn năm sáu chấm bảy tám', 'Xe máy biển hai chín tê một, bốn năm sáu chấm bảy tám dựng trước cổng.'),
    ('INSURANCE', 'en en hai, bon tam, khong mot hai ba, bon nam sau bay tam chin',
     'the bhyt: en en hai, bon tam, khong mot hai ba, bon nam sau bay tam chin'),
    ('ADDRESS', 'cuối ngõ 8 phố Vọng', 'Nhà chị Hường ở cuối ngõ 8 phố Vọng, xe rác không vào được.'),
    ('ADDRESS', 'sau trường tiểu học Kim Đồng, xóm 4', 'chị Lan ở sau trường tiểu học Kim Đồng, xóm 4'),
    ('ADDRESS', 'cuoi xom Giua, gan bo de, thon Phu Xa', 'nha toi o cuoi xom Giua, gan bo de, thon Phu Xa'),
    ('ADDRESS', 'xóm 2, xã Tân Lập, huyện Đan Phượng', 'Quê ông Khuất Văn Hợi là xóm 2, xã Tân Lập, huyện Đan Phượng.'),
    ('ADDRESS', 'số 12 ngõ 5 phố Hàng Bông, p. Hàng Gai, q. Hoàn Kiếm', 'đc: số 12 ngõ 5 phố Hàng Bông, p. Hàng Gai, q. Hoàn Kiếm'),
    ('ADDRESS', '45/7 kp 3, p.Tân Phong, tp Biên Hòa', 'đ/c thường trú của anh Tú: 45/7 kp 3, p.Tân Phong, tp Biên Hòa'),
    ('ADDRESS', 'kp 4', 'ông Ba ở kp 4 phường Tân Hiệp'),
    ('ADDRESS', 'khu vực 3', 'Bà Út khu vực 3 xin cấp lại sổ hộ nghèo.'),
    ('ADDRESS', 'lô 9 khu tái định cư Bắc Sơn', 'Hộ anh Đạt nhận lô 9 khu tái định cư Bắc Sơn từ năm ngoái.'),
    ('ADDRESS', 'gian hàng 21 chợ Bến Thành', 'Chị Mỹ thuê gian hàng 21 chợ Bến Thành bán vải.'),
    ('ADDRESS', 'km 5 tỉnh lộ 279', 'ông Lò Văn Pấng ở km 5 tỉnh lộ 279'),
    ('ADDRESS', 'căn 08B12 tòa R3 Royal City', 'Anh Khải ở căn 08B12 tòa R3 Royal City cần xác nhận tạm trú.'),
    ('ADDRESS', 'số nhà bốn mươi mốt đường Hùng Vương', 'em ở số nhà bốn mươi mốt đường Hùng Vương nhờ cán bộ gửi thư về'),
    ('ADDRESS', 'tổ 6', 'SĐT 0912 345 678, tổ 6, xin xác nhận đơn.'),
    ('ADDRESS', 'thon Na Ri xa Yen Lac', 'em o thon Na Ri xa Yen Lac muon lam lai giay khai sinh'),
    ('ADDRESS', 'bản huổi lầu', 'tôi là cầm văn sơn sinh năm 1980 ở bản huổi lầu số điện thoại hỏng rồi'),
    ('ADDRESS', 'thôn 2, xã Cư Êbur', '3 | Y Bhim Niê | thôn 2, xã Cư Êbur | hộ cận nghèo'),
    ('ADDRESS', 'Tổ 7', 'Lương Văn Thành    Tổ 7    0912 888 456    Đã ký'),
    ('DOB', 'ngày mùng ba tháng hai năm một nghìn chín trăm năm mươi', 'bà sinh ngày mùng ba tháng hai năm một nghìn chín trăm năm mươi'),
    ('DOB', 'mười hai tháng năm tám tư', 'anh sinh ngày mười hai tháng năm tám tư nhờ điền phiếu'),
    ('DOB', '3/11 năm Nhâm Dần', 'Cụ ghi ngày sinh âm: 3/11 năm Nhâm Dần.'),
    ('DOB', 'một chín tám lăm', 'chị tên là vi thị hoa sinh năm một chín tám lăm ở bản co mạ'),
    ('DOB', '2/3/1975', 'ngày sinh của mẹ là 3/2/1975 nhưng sổ hộ khẩu ghi 2/3/1975'),
    ('DOB', '29881', 'Kết xuất Excel: Lò Thị Ban   29881   (cột ngày sinh bị đổi thành số)'),
    ('SECRET', 'chín một không, hai ba bốn', 'Mã ông đọc cho cán bộ: chín một không, hai ba bốn.'),
    ('SECRET', '902', '3 số mặt sau thẻ là 902, em lỡ gửi cho người lạ.'),
    ('SECRET', 'lan anh tam tu', 'mk cua em la lan anh tam tu viet lien khong dau'),
    ('EMAIL', 'minh chau hai ba a còng gờ mail chấm com', 'email của chị là minh chau hai ba a còng gờ mail chấm com nhé'),
    ('SENSITIVE', 'nhiễm H', 'Chị Thoan nhiễm H, nhờ giữ kín khi phát thuốc.'),
    ('SENSITIVE', 'nhập viện do ngộ độc rượu', 'anh Khánh nhập viện do ngộ độc rượu'),
    ('SENSITIVE', 'suy thận giai đoạn 4', 'Chẩn đoán của ông Phùng Văn Lợi: suy thận giai đoạn 4.'),
    ('SENSITIVE', 'has stage 3 breast cancer', 'Ms. Vu Thi Hoa has stage 3 breast cancer and asks for home visits.'),
    ('SENSITIVE', 'cài ứng dụng theo dõi vị trí, ghi lại mọi chỗ chị đến', 'Chị Nga bị chồng cài ứng dụng theo dõi vị trí, ghi lại mọi chỗ chị đến.'),
    ('SENSITIVE', 'người Khmer Krom', 'bà Thạch Thị Sa Phin người Khmer Krom xin xác nhận'),
    ('SENSITIVE', 'lao phổi, đang điều trị', '7 | Hà Văn Lả | lao phổi, đang điều trị | bản Pom'),
    ('NAME', 'Hậu', '@Hậu địa chính: chiều nay đo đất nhà bà Chín nhé'),
    ('NAME', 'Minh Thư', 'Minh Thư (Tổ 9): em gửi danh sách rồi ạ'),
    ('NAME', 'Tôn Thất Minh', 'Ông Tôn Thất Minh xin trích lục khai sinh.'),
    ('NAME', 'Khổng Thị Mơ', 'Khổng Thị Mơ    0981 222 333    đã nhận tiền'),
    ('NAME', 'Doan Van Hieu', 'SMS: Ten Doan Van Hieu, xin hen lam CCCD'),
    ('NAME', 'Tùng', 'Nhắn cho Tùng là mai họp lúc 8 giờ.'),
    ('DOB', 'năm Canh Dần 1950', 'Ông Sầm Văn Lự sinh năm Canh Dần 1950, xin mừng thọ.'),
    ('SECRET', '5517', 'code xác nhận của anh Tú là 5517'),
    ('SECRET', '4 8 2 - 9 1 6', 'OTP: 4 8 2 - 9 1 6'),
    ('ADDRESS', 'ngay đầu hẻm 7 Lê Văn Sỹ', 'ông Sáu nhà ngay đầu hẻm 7 Lê Văn Sỹ'),
    ('ADDRESS', 'hẻm 9 Trần Phú, nhà thứ hai bên phải', 'Cô Loan ở hẻm 9 Trần Phú, nhà thứ hai bên phải, xin giấy xác nhận.'),
    ('ADDRESS', 'số 5, tổ 2, khu 3 cũ, nay là tổ dân phố 7', 'Nơi ở cũ của chị Hằng: số 5, tổ 2, khu 3 cũ, nay là tổ dân phố 7.'),
    ('DOB', 'lúc 5 giờ chiều ngày 2/9/2026', 'Cháu bé sinh lúc 5 giờ chiều ngày 2/9/2026 tại nhà.'),
    ('DOB', 'ngày 30 tháng 2 năm 2001', 'giấy khai sinh ghi ngày 30 tháng 2 năm 2001 của chị Tươi, xin đính chính.'),
    ('ADDRESS', 'khu trọ chú Bảy, phòng 11', 'Anh Vĩnh thuê ở khu trọ chú Bảy, phòng 11, chưa đăng ký tạm trú.'),
    ('ADDRESS', 'tổ 8 khu phố 4', 'Nhà chị Sen, tổ 8 khu phố 4, xin hỗ trợ sửa nhà.'),
    ('NAME', 'Sen', 'Nhà chị Sen, tổ 8 khu phố 4, xin hỗ trợ sửa nhà.'),
    ('SENSITIVE', 'bị công an triệu tập', 'Ông Kha đang bị công an triệu tập vì tổ chức đánh bạc.'),
    ('ADDRESS', 'khu tập thể nhà máy giấy, dãy C, phòng 12', 'Anh Toàn ở khu tập thể nhà máy giấy, dãy C, phòng 12'),
    ('NAME', 'Trịnh Quốc Bảo', 'Tôi là Trịnh Quốc Bảo, xin cấp lại giấy.'),
    ('EMAIL', 'lan_nguyen@@gmail.com', 'mail: lan_nguyen@@gmail.com'),
    ('DOB', '12031990', 'ngày sinh 12031990, anh Khang'),
    ('DOB', '19900312', 'dob 19900312 (chị Lụa)'),
    ('SENSITIVE', 'mổ u xơ tử cung', 'Bà Lụa phải mổ u xơ tử cung tuần sau.'),
    ('SENSITIVE', 'là cha ruột', 'Kết quả ADN xác định anh Hải là cha ruột bé Na.'),
    ('SENSITIVE', 'vân tay bị mòn', 'Ông Đông có vân tay bị mòn nên không làm được căn cước.'),
    ('CCCD', '001203004567', 'Tài khoản VNeID: 001203004567, mật khẩu quên rồi'),
    ('SECRET', '882 019', 'bà đọc cho kẻ gian mã gồm 6 số 882 019'),
    ('SECRET', 'hoa hong 123', "anh ấy cho em pass là 'hoa hong 123'"),
    ('ADDRESS', 'xóm Trại', 'Hoàng Thị Mơ, 1948, xóm Trại, hộ nghèo'),
    ('ADDRESS', 'Tổ 3', 'STT,Họ tên,Năm sinh,Địa chỉ\n1,Nguyễn Văn An,1956,Tổ 3\n2,Lê Thị Bình,1961,Thôn Đông'),
    ('DOB', '1961', 'STT,Họ tên,Năm sinh,Địa chỉ\n1,Nguyễn Văn An,1956,Tổ 3\n2,Lê Thị Bình,1961,Thôn Đông'),
    ('ADDRESS', 'Hamlet 3, Tan Phu commune', 'Mr Hung lives in Hamlet 3, Tan Phu commune.'),
    ('SENSITIVE', 'diagnosed with HIV', 'She was diagnosed with HIV in 2019.'),
    ('ADDRESS', 'to 7 kp3 p Tan Hiep', 'e o to 7 kp3 p Tan Hiep, lam cccd dc ko a'),
    ('DOB', '12/03/88', 'ng/s 12/03/88, que Thai Binh'),
    ('DOB', '88', 'sn 88 o xom 2 xa Yen Son'),
    ('ADDRESS', 'xom 2 xa Yen Son', 'sn 88 o xom 2 xa Yen Son'),
    ('SENSITIVE', 'té gãy xương hông', 'Bà Ba (ấp 2) bị té gãy xương hông.'),
    ('NAME', 'Trâm', 'Nhắn cho Trâm là mai họp lúc 8 giờ.'),
    ('ADDRESS', 'đầu làng Đông, cạnh giếng làng', 'Em tên Ngân, nhà ở đầu làng Đông, cạnh giếng làng.'),
    ('ADDRESS', 'cạnh tiệm vàng Kim Thành, tổ 4', 'ông Hai ở cạnh tiệm vàng Kim Thành, tổ 4'),
    ('NAME', 'Tạo', 'ông Tạo bị Alzheimer, con cháu xin hỗ trợ.'),
    ('SENSITIVE', 'đi cai', 'Anh Lâm mới đi cai về, gia đình xin việc làm cho anh.'),
    ('SENSITIVE', 'bị lẫn', 'bà Cúc bị lẫn, hay quên đường về nhà.'),
    ('SENSITIVE', 'sứt môi', 'Bé Cốm bị sứt môi hở hàm ếch, cần phẫu thuật.'),
    ('CCCD', '001_203_004_567', 'cccd: 001_203_004_567'),
]


@pytest.mark.parametrize(("kind", "value", "text"), S_COUSIN_CASES)
def test_mechanisms_cover_cousins_of_slice_s_misses(kind: str, value: str, text: str) -> None:
    """Slice S's misses became mechanisms; these are the same shapes in other words (bare typing, abbreviations)."""
    assert_covered(kind, value, text, [f for f in find_pii(text) if f.kind == kind])


@pytest.mark.parametrize("text", [
    'Phường có 12 hộ ở cuối xóm Giữa cần di dời.',
    'Đường dây nóng trực ban của UBND phường: 0243 826 1234',
    'Số điện thoại trực phòng cháy chữa cháy của huyện: 0209 3 852 114.',
    'Kết quả khám sức khỏe định kỳ: bệnh tim mạch chiếm 12%.',
    'Chủ đề hội thảo: bệnh tim bẩm sinh ở trẻ em.',
    'Ban chỉ đạo họp tại nhà văn hóa thôn 3, xã Ea Tiêu.',
    'Hội nghị tổ chức tại Nhà văn hóa khu phố, số 15 đường Lý Tự Trọng.',
    'Chương trình tiêm chủng tại trạm y tế, sạp 14 chợ Xóm Mới đóng cửa.',
    'Dự án khu tái định cư Phước Lý có 320 lô.',
    'Quốc lộ 6 đoạn km 17+300 sạt lở.',
    'Thôn 3, xã Ea Tiêu có 120 hộ nghèo.',
    'Nhà văn hóa tổ 5 cạnh chợ Đông Ba cần sửa mái.',
    'Bệnh viện tỉnh có 3 bệnh nhân nhập viện do ngộ độc rượu.',
    'Mã bưu chính 10000 của Hà Nội.',
    'Năm 2024 có 36221 lượt khám bệnh.',
    'Quyết định ngày 9-12-1990 và Nghị định ngày 12-9-1990.',
    'Các cụ tròn 80 tuổi năm 2027 (sinh năm 1947) được chúc thọ.',
    'Mã hồ sơ bà đọc cho tôi: 12345',
    'Thẻ căn cước bị bong lớp phủ, xin làm lại có mất phí không?',
    'to hoa giai nho tu van cho hai nha',
    'Kiệt 46 Hoàng Diệu bị ngập sau mưa.',
    'Tết năm 2027 là năm Đinh Mùi.',
    'Trên địa bàn có 1 thánh thất Cao Đài.',
    'Đường tỉnh 291 đang sửa, xe đi vòng.',
    'Nhắn cho Phường biết lịch họp.',
    'Tiếng Mông: Nyob zoo — xin chào.',
    'Phó Chủ tịch UBND phường Lê Thị Hằng chủ trì.',
    'Công viên Lê Thị Riêng mở cửa lại.',
    'Trẻ sơ sinh ngày 3/5/2024 được tiêm đủ mũi.',
    'Xe khách có hai mươi ba ghế và năm mươi chín người đi.',
    'Tòa nhà có 12 tầng 3 thang máy.',
    'Giá xăng tăng 5 lần trong tháng.',
    'Đăng ký khai sinh ngày 3/5/2024 tại phường.',
    'wifi: PhongHop_5G, pass: xin ở bộ phận một cửa',
    'Cửa hàng ở đường tỉnh 291 mở lại.',
    'tau bi toa bat giu thi giu toi da bao lau',
    'Khu tập thể nhà máy giấy, dãy C đang xuống cấp.',
    'Chính phủ Trình Quốc hội dự án luật.',
    'Năm,Số hộ nghèo,Ghi chú\n2023,120,giảm\n2024,98,giảm',
    'Villagers from Hamlet 4 attended the meeting.',
    "The meeting is in Room 3, Block A of the People's Committee.",
    'nghi he nam nay co lop boi cho tre, ai bi benh tim thi khong hoc',
    'Các cụ sn 45 trở về trước được tặng quà.',
    'Km 14 quốc lộ 6 thường xảy ra tai nạn.',
    'Đường Nguyễn Văn Linh đoạn km 3+500 đang thi công.',
    'Khu vực 3 phường An Bình bị ngập.',
    'Các hộ ở sau đình làng Thượng được hỗ trợ.',
    'Lịch tiếp dân: thứ Năm hằng tuần tại phòng 2, tầng 1 trụ sở UBND.',
    'Chợ Xóm Mới có 120 sạp, sạp 1 đến 40 bán rau.',
    'Tổ 7 và tổ 8, khu phố 2 sáp nhập từ tháng 7.',
    '@Tư Pháp xem giúp văn bản này.',
    'Phòng Tư Pháp (tầng 2): nhận hồ sơ buổi sáng.',
    'Văn Hóa Xã Hội: báo cáo tháng.',
    'Trường Tôn Thất Tùng tuyển sinh lớp 6.',
    'Bến Thị Nghè được nạo vét.',
    'Nhắn cho Phòng biết lịch họp.',
    'Nhà văn hóa cạnh giếng làng được sửa.',
    'Dịch bệnh bị lan rộng ra các xã.',
    'Ông Táo về trời ngày 23 tháng Chạp.',
    'Tệp file_2024_12_03_001.pdf đã gửi.',
])
def test_slice_s_mechanisms_leave_ordinary_text_alone(text: str) -> None:
    """Groups, offices' duty lines, topics, meeting places, stalls and roads with no one named, postal codes, counts,
    documents' dates, group birth years, file codes, peeling cards, advice typed bare, streets, years, religions,
    public office holders and parks: nothing hidden."""
    assert find_pii(text) == []


@pytest.mark.parametrize("text", [
    'Anh Hải là cha ruột bé Na.',  # paternity is genetic data only with a DNA test in the sentence
    'Xét nghiệm gen của cháu Nguyễn Bảo An được gửi lên tuyến trên.',
    'Chị Hương bị phạt vì đỗ xe sai quy định.',
])
def test_named_sentences_without_a_sensitive_fact(text: str) -> None:
    assert [f for f in find_pii(text) if f.kind == "SENSITIVE"] == []


@pytest.mark.parametrize(("kind", "value", "text"), COUSIN_CASES + R_COUSIN_CASES)
def test_mechanisms_cover_cousins_of_first_contact_misses(kind: str, value: str, text: str) -> None:
    """Cousins of slices Q's and R's misses in wording none of the rules was written for: found, and of the right
    kind (the account after 'số tài khoản' is not a CCCD; 'Minh' cut to 'nh' is no bank)."""
    assert_covered(kind, value, text, [f for f in find_pii(text) if f.kind == kind])


@pytest.mark.parametrize("text", [
    'Phường tổ chức khám sàng lọc ung thư vú cho phụ nữ trên 40 tuổi.',
    'Cửa hàng vừa mở cửa lúc 7 giờ sáng.',
    'Thôn Đông vừa mở lớp học bơi cho trẻ em.',
    'Bầu cử đại biểu Hội đồng nhân dân phường ngày 15/3.',
    'Lô đất số 17 khu tái định cư được giao năm 2024.',
    'Quầy số 3 tiếp nhận hồ sơ từ 7 giờ 30.',
    'Họ tên | Chức vụ | Ghi chú / Trưởng phòng | phụ trách | trực thứ Hai',
    'Bảng: Năm | Số hộ nghèo / 2023 | 120 / 2024 | 98',
    'Tỷ lệ phụ nữ mang thai được khám thai đủ 4 lần đạt 95%.',
    'Kho lưu trữ có 500l nước sạch dự phòng.',
    'Phường có 3 người khiếm thị được hỗ trợ đọc sách.',
    'Mã hồ sơ HS2024O15 đang chờ bổ sung.',
    'Các cụ sinh năm 1940 trở về trước được tặng quà mừng thọ.',
    'Lứa sinh năm 2009 đăng ký nghĩa vụ quân sự trong tháng 4.',
    'Chị Lan vừa mở quầy tạp hóa ở chợ phường.',
    'Anh Tùng hỏi mã PUK là gì và lấy ở đâu?',
])
def test_slice_r_mechanisms_leave_ordinary_text_alone(text: str) -> None:
    """Screening of a group, a shop opening, an election, a plot, a statistics table, litres, a question about PUK:
    nothing but the names hidden."""
    assert [f for f in find_pii(text) if f.kind != "NAME"] == []


# Slice P's misses became mechanisms (branch privacy24g); these are the same families in words P does not use.
P_COUSIN_CASES = [
    # digits joined by the dashes Word and PDFs copy; a tax code's branch suffix after a spaced dash
    ('CCCD', '079—203—004—118', 'Số định danh của bà Hạnh: 079—203—004—118'),
    ('TAX', '0108 456 223 – 002', 'mã số thuế chi nhánh 0108 456 223 – 002 của hộ anh Quý'),
    ('TAX', '4300218765—001', 'MST 4300218765—001'),
    # a CSV export with no header, quoted cells; fields set apart by spaced dashes; place fields labelled or in capitals
    ('CMND', '273456781', 'Đỗ Thị Hằng,1971-08-19,273456781,"Tổ 4 Khu phố Bắc",buôn bán'),
    ('DOB', '1971-08-19', 'Đỗ Thị Hằng,1971-08-19,273456781,"Tổ 4 Khu phố Bắc",buôn bán'),
    ('ADDRESS', 'Tổ 4 Khu phố Bắc', 'Đỗ Thị Hằng,1971-08-19,273456781,"Tổ 4 Khu phố Bắc",buôn bán'),
    ('ADDRESS', 'Lũng Cú', 'Họ tên: Giàng Thị Mai; CCCD: 002185009876; Bản: Lũng Cú; Ghi chú: hộ nghèo'),
    ('ADDRESS', 'SỐ 12 NGÁCH 4 NGÕ 81 KIM MÃ', 'SỐ CCCD 001090002233 – BÙI VĂN KHÁNH – SỐ 12 NGÁCH 4 NGÕ 81 KIM MÃ'),
    ('ADDRESS', 'Xóm Đình', 'Lưu Văn Tạc – CMND 125678943 – Xóm Đình – sinh 1958'),
    # a citizen's role before the name, even before a colon
    ('NAME', 'Hứa Thị Nguyệt', 'Hỗ trợ cho đoàn viên Hứa Thị Nguyệt: 2.000.000 đồng'),
    ('NAME', 'Y Blăk Mlô', 'Người bệnh Y Blăk Mlô chuyển tuyến hôm qua.'),
    ('NAME', 'Quan Văn Sáng', 'Nhận thay qua con rể Quan Văn Sáng: STK 3100287654'),
    # foreign names in a sentence about a foreigner
    ('NAME', 'Sophie Dubois', 'Khách du lịch Sophie Dubois, passport 19AB23456, mất ví ở chợ.'),
    ('NAME', 'Choi Young Jin', 'Đăng ký kết hôn với công dân Hàn Quốc Choi Young Jin, hộ chiếu M61234780.'),
    ('NAME', 'Khamphan Vongsa', 'Khách Lào Khamphan Vongsa lưu trú 2 đêm, hộ chiếu P3344556.'),
    # a bare title and a given name set apart; a sign-off; quick-message "e"
    ('NAME', 'Nhung', 'sdt nguoi nhan 0912 334 556 (co Nhung)'),
    ('NAME', 'Toan', 'stk: 0451 0000 12345 – anh Toan'),
    ('NAME', 'Quyên', 'Em gửi lại tờ khai ạ, nhờ chị xem giúp — Quyên'),
    ('NAME', 'Hào', 'a ơi giấy hẹn của e bị mất, e là Hào ạ'),
    ('NAME', 'TÔN NỮ THANH TÂM', 'CCCD 046190001234 – TÔN NỮ THANH TÂM – TỔ 5'),
    ('NAME', 'NGUYEN', 'SURNAME: NGUYEN – GIVEN NAMES: VAN HUNG – PASSPORT C1234567'),
    # secrets: spelled character by character, after passwd, a code received or read out, the account's email skipped
    ('SECRET', 'chữ thường h, o, a, số bảy, bảy', 'Mật khẩu là chữ thường h, o, a, số bảy, bảy nhé.'),
    ('SECRET', 'Lan#2024x', 'pwd email: Lan#2024x'),
    ('SECRET', '481 920', 'Bác đọc giúp cháu mã 481 920 vừa gửi về máy bác.'),
    ('SECRET', '775031', 'Chú Tư nhận được mã 775031 từ ngân hàng, có người gọi xin.'),
    ('SECRET', 'quang1990', 'pass zalo hoang.quang@gmail.com là quang1990'),
    # sensitive: drug use, part of an organ removed, kinship a test settles, a sanction for one's politics
    ('SENSITIVE', 'hút heroin', 'Anh Khải hút heroin nhiều năm, gia đình xin hỗ trợ.'),
    ('SENSITIVE', 'mổ một phần dạ dày', 'Bà Thoa đã mổ một phần dạ dày năm ngoái.'),
    ('SENSITIVE', 'không phải con đẻ của anh Bình', 'Kết quả giám định ADN cho thấy bé Su không phải con đẻ của anh Bình.'),
    ('SENSITIVE', 'bị kỷ luật vì quan điểm chính trị', 'Ông Lâm bị kỷ luật vì quan điểm chính trị năm 1990.'),
    # addresses: abbreviations, a lane named after its landmark, a host's house in a chain, a lane alone after ở,
    # a role between the person and their group, a label without its colon
    ('ADDRESS', 'sn 14, ng 22, tổ 3', 'dc: sn 14, ng 22, tổ 3, p. Hòa Bình'),
    ('ADDRESS', 'số 8 ngõ chùa Liên Phái', 'Bà Xoan bán nước ở số 8 ngõ chùa Liên Phái'),
    ('ADDRESS', 'phòng 5, khu trọ nhà cô Hiền, kiệt 12 Hùng Vương', 'Sinh viên thuê ở phòng 5, khu trọ nhà cô Hiền, kiệt 12 Hùng Vương.'),
    ('ADDRESS', 'cuối hẻm 47', 'chú Bảy sửa xe ở cuối hẻm 47'),
    ('ADDRESS', 'tổ 9', 'Gọi anh Lực tổ phó tổ 9: 0978 112 334'),
    ('ADDRESS', 'ban Pa Khoang', 'ho ten Lo Thi Xuan, dia chi ban Pa Khoang, xin giay xac nhan'),
    ('ADDRESS', 'Thôn Hạ', 'Thôn Hạ, nhà bà Nguyễn Thị Lài bị tốc mái.'),
    ('NAME', 'Nguyễn Thị Lài', 'Thôn Hạ, nhà bà Nguyễn Thị Lài bị tốc mái.'),
    # dates of birth: a name that looks like a group word, a record's date after a lunar year
    ('DOB', 'ngày 12 tháng 02 năm 1979', 'Chị Lứa sinh ngày 12 tháng 02 năm 1979.'),
    ('DOB', '15/06/1950', 'Ông Hà Văn Tư sinh năm Canh Dần, hồ sơ ghi 15/06/1950.'),
    # emails with spaced dots or a spelled ending; one character per box; a passport letter after "chữ"
    ('EMAIL', 'minh.thu . 88 @ yahoo.com', 'email minh.thu . 88 @ yahoo.com nhờ sửa lại'),
    ('EMAIL', 'lan a còng gmail chấm com chấm vi en', 'thư của chị: lan a còng gmail chấm com chấm vi en'),
    ('PLATE', '5 1 F - 2 3 4 . 5 6', 'Biển số: 5 1 F - 2 3 4 . 5 6 (ô in sẵn)'),
    ('PASSPORT', 'chu cai B, mot hai ba, bon nam sau bay', 'so ho chieu: chu cai B, mot hai ba, bon nam sau bay'),
    # a place continued over its fields; an account holder's name as the bank prints it
    ('ADDRESS', 'xóm 6 – thôn Đông – X. Nghĩa Hưng', 'Hộ ông Tạ Văn Khôi – xóm 6 – thôn Đông – X. Nghĩa Hưng'),
    ('NAME', 'LE THI MAI', 'CK giúp chị 2 triệu, STK 0451000123789 VCB, chủ TK LE THI MAI'),
    # a husband, a wife or a parent typed bare with "em"/"e" is someone ("chong e", not "chống")
    ('SENSITIVE', 'bi tam giam', 'chong e bi tam giam 3 thang roi a'),
    ('SENSITIVE', 'bi tai bien', 'me em bi tai bien, nam mot cho'),
    # a Khmer hamlet (sóc) like thôn/bản/ấp; a drug reaction or a poisoning
    ('ADDRESS', 'sóc Tà Lọt', 'Ông Kim Sang ở sóc Tà Lọt, xã Vĩnh Phước, xin hỗ trợ nhà ở.'),
    ('SENSITIVE', 'bị sốc phản vệ', 'Cháu Lâm bị sốc phản vệ sau khi tiêm.'),
    ('SECRET', '2-8-0-5', 'Mã két của cửa hàng chị Dung: mật mã là 2-8-0-5'),
    # a house number and its street with the ward after it; "nằm/ở trong hẻm …"; an estate "tập thể" by its name
    ('ADDRESS', '41 Hai Bà Trưng', 'Giao gói hàng cho chị Ngọc tại 41 Hai Bà Trưng, P. Tân Định, Q.1'),
    ('ADDRESS', 'hẻm 77 Phạm Văn Chiêu', 'Nhà cô Ba nằm trong hẻm 77 Phạm Văn Chiêu, phường 14.'),
    ('ADDRESS', 'tập thể Thành Công, nhà C3', 'Bác Hòa ở tập thể Thành Công, nhà C3, phòng 112.'),
    # children listed by their given names after a plural kinship word
    ('NAME', 'Mít', 'Ba cháu là Su, Mít và Bơ được miễn học phí.'),
]


@pytest.mark.parametrize(("kind", "value", "text"), P_COUSIN_CASES)
def test_mechanisms_cover_cousins_of_slice_p_misses(kind: str, value: str, text: str) -> None:
    """Slice P's misses became mechanisms; these are the same families in other words."""
    assert_covered(kind, value, text, [f for f in find_pii(text) if f.kind == kind])


@pytest.mark.parametrize("text", [
    'Hộp thư điện tử của UBND phường: vanthu.phuonghoabinh@hanoi.gov.vn',
    'Số tài khoản chuyên thu của cơ quan tại Kho bạc: 3712.0.1055663',
    'Kỷ niệm ngày sinh Chủ tịch Tôn Đức Thắng (20/8/1888).',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM - ĐỘC LẬP - TỰ DO - HẠNH PHÚC',
    'Khách nước ngoài thanh toán bằng Visa Platinum hoặc American Express.',
    'Học viện Hành chính Quốc gia tuyển sinh.',
    'Công chức Văn hóa – Xã hội đi tập huấn.',
    'Thanh niên sinh năm 2008 đăng ký nghĩa vụ quân sự.',
    'Năm,Số hộ,Ghi chú\n2023,120,giảm',
    'Tuyên truyền phòng, chống sốc phản vệ khi tiêm chủng.',
    'Áo sọc xanh bán ở chợ, giá 120.000 đồng.',
    'Mật khẩu hệ thống được đổi ngày 15-6-2026 theo quy định.',
    'Trong thôn 3 có 40 hộ trồng chè.',
    'Khoản 2 Điều 12 Luật Cư trú, xã và phường thực hiện.',
    'Tập thể lớp 9A, xã Yên Sơn được khen thưởng.',
    'Các em Hà Nội, Huế và Đà Nẵng dự trại hè.',
])
def test_slice_p_mechanisms_leave_ordinary_text_alone(text: str) -> None:
    """An office's mailbox and treasury account, vehicles held, a historical figure's birthday, the national motto,
    card brands, a school, a field of public work, a group's birth year, a statistics table: nothing hidden."""
    assert find_pii(text) == []


@pytest.mark.parametrize("text", [
    'Xe tải biển 29C-123.45 của anh Quý, 40 tuổi, bị tạm giữ 7 ngày.',
    'Gọi chị Mơ để nhận lại xe bị tạm giữ.',
    'Đề nghị tìm xe 30A-111.22 liên quan vụ va quẹt trước nhà ông Kha.',
    'Sổ BHXH của bà Liên chưa gắn với mã định danh.',
])
def test_vehicles_held_and_look_alikes_are_not_sensitive(text: str) -> None:
    """A vehicle held or involved (its plate and the owner's name are still hidden); 'chưa gắn' is not 'chữa gan'."""
    assert [f for f in find_pii(text) if f.kind == "SENSITIVE"] == []


# Slice N's misses became mechanisms (branch privacy24h); these are the same families in words N does not use.
N_COUSIN_CASES = [
    # a home's position on a map, as a phone shares it (decimal comma, hemisphere letters, no space)
    ('ADDRESS', '20,9712; 105,7768', 'Anh Khương gửi vị trí nhà: 20,9712; 105,7768 để đoàn đến khảo sát.'),
    ('ADDRESS', '11.9404N, 108.4583E', 'ghim google maps nha ba Sau: 11.9404N, 108.4583E'),
    ('ADDRESS', '16.4637,107.5909', 'Toạ độ chỗ cụ Lộc ở: 16.4637,107.5909'),
    # a vehicle's plate names its owner: the named place where it stood
    ('ADDRESS', 'hẻm 71 Bà Hom', 'Xe Vision 59-T2 418.06 bị lấy trộm trong đêm tại hẻm 71 Bà Hom.'),
    ('ADDRESS', 'thôn Nà Pục', 'Biển 24-M1 552.19 đỗ ở thôn Nà Pục từ hôm qua.'),
    # an estate's block after "ở" in a sentence about someone; land said to lie in a group after its owner's name
    ('ADDRESS', 'chung cư CT3', 'Con trai bà Hồng ở chung cư CT3, đã báo tạm vắng.'),
    ('ADDRESS', 'tổ 12', 'Mảnh vườn của ông Khải thuộc tổ 12, giáp suối.'),
    # the writer says it is their home after the place; a spoken house number after "địa chỉ"; a street named by a date
    ('ADDRESS', 'thon 2 xom Dong', 'minh o thon 2 xom Dong la nha minh do'),
    ('ADDRESS', 'so nha bay muoi tam, duong Le Loi', 'dia chi so nha bay muoi tam, duong Le Loi nhe'),
    ('ADDRESS', 'số 40 đường 30 tháng 4', 'Chuyển thư về số 40 đường 30 tháng 4 cho cô Diễm.'),
    # plates read aloud with their series letter as typed, after "biển" alone; a temporary plate; a plate among a row's cells
    ('PLATE', 'bảy mốt C, bốn không hai, chín tám', 'Biển bảy mốt C, bốn không hai, chín tám đỗ trước cổng.'),
    ('PLATE', 'sau mot H hai, ba ba bon, khong mot', 'xe may bien sau mot H hai, ba ba bon, khong mot cua chu'),
    ('PLATE', 'T30-1287', 'Xe điện chưa có biển chính thức, đang dùng biển tạm thời T30-1287.'),
    ('PLATE', '43-E1 205.77', 'Lê Thị Thu | 12/5/1981 | 43-E1 205.77 | 0905 118 224'),
    ('PHONE', '0905 118 224', 'Lê Thị Thu | 12/5/1981 | 43-E1 205.77 | 0905 118 224'),
    # one digit per box drawn in brackets; a birth date printed with an English month, boxed or with its day word
    ('CCCD', '(0)(7)(9)(1)(8)(5)(0)(0)(2)(2)(4)(6)', 'CCCD ghi tay: (0)(7)(9)(1)(8)(5)(0)(0)(2)(2)(4)(6)'),
    ('DOB', '23-AUG-1975', 'DOB: 23-AUG-1975, nơi sinh Huế'),
    ('DOB', '0 | 9 | 1 | 1 | 2 | 0 | 0 | 3', 'Ô ngày sinh của cháu: 0 | 9 | 1 | 1 | 2 | 0 | 0 | 3'),
    ('DOB', 'ngày 14/7 năm 1966', 'Bà Cúc sinh ngày 14/7 năm 1966 theo giấy khai sinh.'),
    # sensitive: serving a sentence, a party sanction, political views said aloud, an exiled organisation
    ('SENSITIVE', 'thụ án', 'Con trai bà Gấm đang thụ án 12 năm về tội cướp tài sản.'),
    ('SENSITIVE', 'đang ở trại giam', 'Anh Thuận đang ở trại giam nên vợ xin tạm hoãn nộp quỹ.'),
    ('SENSITIVE', 'bị đưa ra khỏi Đảng', 'Ông Chiến bị đưa ra khỏi Đảng từ năm 2019.'),
    ('SENSITIVE', 'hay nói chỉ trích chính quyền', 'Bác Toàn hay nói chỉ trích chính quyền ở quán nước.'),
    ('SENSITIVE', 'tham gia tổ chức lưu vong', 'Nghi vấn anh Hòa tham gia tổ chức lưu vong ở nước ngoài.'),
    # maternity leave, an organ removed, malnutrition, members of a household named before them
    ('SENSITIVE', 'nghỉ sinh', 'Cô Thơm đang nghỉ sinh, tháng 3 mới đi làm lại.'),
    ('SENSITIVE', 'mổ nội soi cắt túi mật', 'Chú Phước vừa mổ nội soi cắt túi mật, xin hoãn trực.'),
    ('SENSITIVE', 'suy dinh dưỡng', 'Bé Na con chị Thắm bị suy dinh dưỡng độ 2.'),
    ('SENSITIVE', 'bị lao phổi', 'Gia đình bà Chiêm có 2 người bị lao phổi, đề nghị hỗ trợ thuốc.'),
    # a fingerprint scanned or photographed; an ethnic origin after a role set apart by commas
    ('SENSITIVE', 'vân tay', 'File scan vân tay của chị Ngát bị lỗi, gửi lại giúp em.'),
    ('SENSITIVE', 'người Mông', 'Bà Giàng Thị Dua, bà đỡ người Mông, được khen thưởng.'),
    # secrets: a code called secret, a security question's answer, a "!" ending a password before a dash
    ('SECRET', '90817', 'Mã rút tiền bí mật của bác là 90817, đừng cho ai biết.'),
    ('SECRET', 'Hoa Ban', 'cau hoi bao mat: ten me; cau tra loi: Hoa Ban'),
    ('SECRET', 'Thuylinh#88!', 'Mật khẩu tài khoản dịch vụ công của bà cụ Thanh: Thuylinh#88! — chị xóa giúp em.'),
    # emails: the dot before the ending dropped or typed as a comma; read aloud with pauses between its pieces
    ('EMAIL', 'minhkhoa97@yahoocom', 'Địa chỉ minhkhoa97@yahoocom gửi không được.'),
    ('EMAIL', 'quynh.nga@hotmail,com', 'thư anh gửi vào quynh.nga@hotmail,com giúp'),
    ('EMAIL', 'ngocbich chín mươi, a còng, yahoo, chấm com', 'Chị đọc: ngocbich chín mươi, a còng, yahoo, chấm com.'),
    # names: a person's trade before the name ("bán hàng" is no shop); a tenant or landlord with what is rented
    ('NAME', 'Cao Thị Hường', 'Hộ bán hàng rong Cao Thị Hường xin giấy xác nhận.'),
    ('NAME', 'Mạc Văn Tùng', 'Hợp đồng của người thuê phòng Mạc Văn Tùng hết hạn tháng 12.'),
    # a famous name given to a living person, known by a contract's party label or the ID after it
    ('NAME', 'Nguyễn Trãi', 'Bên B: Nguyễn Trãi, sinh năm 1990, trú tại tổ 4.'),
    ('NAME', 'Trần Phú', 'Anh trai tên là Trần Phú, CCCD 038090011223.'),
    # a name after a country said as the person's origin; a full name in capitals after any cue, typed bare too
    ('NAME', 'Lý Minh Huy', 'Người Đài Loan Lý Minh Huy xin gia hạn tạm trú.'),
    ('NAME', 'ĐỖ THỊ LOAN', 'GIẤY ỦY QUYỀN CHO DNTN ĐỖ THỊ LOAN'),
    ('NAME', 'PHAN VAN KHAI', 'SO TAI KHOAN 0123456789 - HO TEN PHAN VAN KHAI'),
    # a Khmer name holding a place word; quick messages: a title typed bare among accents, a trade before a given
    # name, "cj", the Central "O"
    ('NAME', 'Thạch Thị Sóc Na', 'Chị Thạch Thị Sóc Na, phum Trà Cú, xin cấp lại sổ hộ nghèo.'),
    ('NAME', 'Mến', 'nhờ chu Mến ký giúp giấy này'),
    ('NAME', 'Dung', 'Em gửi bảng lương cho thủ quỹ Dung rồi ạ.'),
    ('NAME', 'Hạnh', 'cj Hạnh ơi cho e xin mẫu đơn'),
    ('NAME', 'Thơm', 'O Thơm nói mai lên xã nộp giấy.'),
    # a name given for now, a nickname; an account holder after "ctk"; a foreign passport's shorter number
    ('NAME', 'Hạnh Phúc', 'Cháu bé được đặt tên gọi Hạnh Phúc trong khi chờ tìm người thân.'),
    ('NAME', 'tran thi hoa', 'chuyen khoan 0451000123456 vcb, ctk tran thi hoa'),
    ('PASSPORT', 'X1234567', 'Khách Úc ghi số hộ chiếu Australia X1234567 trên phiếu.'),
    # a flat's floor in a chain, a production team after a name, a prison term said with its length
    ('ADDRESS', 'căn 12 tầng 7 chung cư Hòa Bình', 'Anh Quý ở căn 12 tầng 7 chung cư Hòa Bình.'),
    ('ADDRESS', 'đội 5', 'Ông Khuê đội 5 xin hỗ trợ giống lúa.'),
    ('SENSITIVE', 'bị tù 2 năm', 'Chú Thành từng bị tù 2 năm vì trộm xe.'),
    # a row's fields set apart by spaced dashes: a phone after the address is no range of stalls
    ('ADDRESS', 'Số 8, ngõ 21, phố Hàng Bột', 'Người nhận: Vũ Thị Tươi – Số 8, ngõ 21, phố Hàng Bột – 0983 221 457'),
    # the South's "má" (mother) points at someone as "mẹ em" does
    ('SENSITIVE', 'bị suy thận', 'Má em bị suy thận, em xin nghỉ phép.'),
    # re-education after 1975, an addiction to beer as to wine (not to games: the team's policy), any diagnosis after
    # "được chẩn đoán"
    ('SENSITIVE', 'đi cải tạo', 'Ông nội anh Khôi từng đi cải tạo 5 năm.'),
    ('SENSITIVE', 'nghiện bia', 'Chồng chị Thơ nghiện bia nặng, gan đã yếu.'),
    ('SENSITIVE', 'được chẩn đoán rối loạn ăn uống', 'Cháu Vy được chẩn đoán rối loạn ăn uống.'),
    # a person's lunar birth year after "tuổi"; an army unit's plate
    ('DOB', 'Ất Dậu', 'Chị Mây tuổi Ất Dậu, xin chọn ngày làm nhà.'),
    ('PLATE', 'QA-21-09', 'Xe biển QA-21-09 đỗ trước nhà ông Lâm.'),
    # a given name called ("… ơi"), asked to act at a message's start, or with the group in brackets after it; a form
    # teacher by role; a bare name in small letters before a phone
    ('NAME', 'Thủy', 'Thủy ơi, chiều nay nhận hồ sơ giúp chị.'),
    ('NAME', 'Hoan', 'Nhờ Hoan mang dấu lên phường.'),
    ('NAME', 'Minh Trí', 'Minh Trí (thôn 4) báo mất ví.'),
    ('NAME', 'Kiều Trang', 'Thầy chủ nhiệm Kiều Trang xin xác nhận cho học sinh.'),
    ('NAME', 'dang thi hue', 'dang thi hue, 0934 556 778, xin giay hen'),
    # a house number and street right after a name and its comma; a floor before a numbered street; a rooming house
    # named by its host; "thằng" pointing at a boy
    ('ADDRESS', '88C Nguyễn Văn Cừ', 'Chủ hộ: Lâm Thị Thơ, 88C Nguyễn Văn Cừ, xin xác nhận.'),
    ('ADDRESS', 'lầu 2, 15 Pasteur', 'Chị Diệu ở lầu 2, 15 Pasteur.'),
    ('ADDRESS', 'nhà trọ bà Tư', 'Em Hòa thuê nhà trọ bà Tư gần trường.'),
    ('ADDRESS', 'kiệt 9 tổ 3', 'Nhà thằng Bin ở kiệt 9 tổ 3.'),
    # an injury named after the accident that caused it
    ('SENSITIVE', 'tai nạn xe máy dập ngón tay', 'Anh Quyết bị tai nạn xe máy dập ngón tay.'),
    ('SENSITIVE', 'đứt ngón tay', 'Chú Hòa bị đứt ngón tay khi làm mộc.'),
]


@pytest.mark.parametrize(("kind", "value", "text"), N_COUSIN_CASES)
def test_mechanisms_cover_cousins_of_slice_n_misses(kind: str, value: str, text: str) -> None:
    """Slice N's misses became mechanisms; these are the same families in other words."""
    assert_covered(kind, value, text, [f for f in find_pii(text) if f.kind == kind])


@pytest.mark.parametrize("text", [
    'Tọa độ trụ sở UBND phường: 21.0285, 105.8542',
    'Tỷ lệ hộ nghèo giảm từ 12.3456, còn 7.8901 theo số liệu thô.',
    'Xe 38B2-047.96 đỗ ở ngõ 5 quá giờ quy định.',
    'Địa bàn phường thuộc khu phố 3 và khu phố 4.',
    'Kết quả | 12 | 15 | 19 | 23 hộ',
    'Phường có 12 người nhiễm HIV đang điều trị ARV.',
    'Tỷ lệ trẻ dưới 5 tuổi suy dinh dưỡng thể chiều cao là 9%.',
    'Lao động nữ nghỉ thai sản được hưởng chế độ theo Luật Bảo hiểm xã hội.',
    'Mã giao dịch 58/HS đã được tiếp nhận.',
    'Câu hỏi bảo mật giúp khôi phục tài khoản khi quên mật khẩu.',
    'Trao học bổng Kim Đồng và học bổng Vừ A Dính cho 20 em.',
    'DANH MỤC HỒ SƠ LƯU TRỮ NĂM 2026',
    'Chương trình vui Xuân Bính Ngọ của phường.',
    'Bảng giá đất vị trí 2 đường Trần Phú là 30 triệu đồng/m2.',
    'Tổng tỷ suất sinh thô năm 2025 giảm nhẹ.',
    'ĐƯỜNG NGUYỄN VĂN LINH ĐƯỢC MỞ RỘNG',
    'Cuộc họp ở tầng 3 trụ sở UBND phường.',
    'Anh ấy bị từ 3 năm nay không đi làm.',
    'Ba em học sinh lớp 5 bị cúm, nhà trường đã báo.',
    'Phòng chẩn đoán hình ảnh của bệnh viện tỉnh mở cửa từ 7 giờ.',
    'Năm nay là năm tuổi Bính Ngọ của nhiều người trong phường.',
    'Trời ơi, nước ngập hết đường rồi.',
    'Nhờ Bộ phận một cửa trả kết quả sớm.',
    'Bà con ơi, tối mai họp tổ.',
    'Phường có 3 vụ tai nạn giao thông trong tháng.',
])
def test_slice_n_mechanisms_leave_ordinary_text_alone(text: str) -> None:
    """An office's published position, figures with decimals, a bare numbered lane (its plate still hidden), a ward's
    area, a table's counts, heroes' scholarships, headings, lunar years, land prices, rates, look-alikes of sensitive words."""
    assert [f for f in find_pii(text) if f.kind != "PLATE"] == []


@pytest.mark.parametrize("text", ['Ông Hải, 65 tuổi, đến nhận quà.', 'Bà Lụa, 1958, tổ 3, xin hỗ trợ.'])
def test_an_age_or_a_year_after_a_name_is_no_house_number(text: str) -> None:
    """A number after a name's comma is a house only with a street's name after it."""
    assert [f for f in find_pii(text) if f.kind == "ADDRESS" and f.value[:1].isdigit()] == []


@pytest.mark.parametrize("text", [
    'Gia đình ông Tám cải tạo lại mái nhà.',
    'Anh Bằng bị từ 3 năm nay không đi làm vì thất nghiệp.',
    'Bác sĩ Hoa chẩn đoán sai cho bệnh nhân.',
])
def test_slice_n_sensitive_look_alikes_about_a_person(text: str) -> None:
    """A house renovated, 'bị từ' (since), a doctor's diagnosis of someone else: nothing sensitive about the person named."""
    assert [f for f in find_pii(text) if f.kind == "SENSITIVE"] == []


M_COUSIN_CASES = [
    # digits typed one per box: bars, wide spaces
    ('CCCD', '|0|0|1|0|9|5|0|1|2|3|4|5|', 'Số CCCD ghi trong tờ khai: |0|0|1|0|9|5|0|1|2|3|4|5| nhé.'),
    ('PHONE', '|0|3|8|8|1|2|4|5|6|7|', 'Điện thoại liên hệ |0|3|8|8|1|2|4|5|6|7| (ô số 5).'),
    ('CCCD', '0  0  1  2  0  3  0  0  4  5  6  7', 'Căn cước: 0  0  1  2  0  3  0  0  4  5  6  7'),
    # ethnic origin: a record's field, a parent's, a hyphenated group, a local branch
    ('SENSITIVE', 'dân tộc Mường', 'Bà Đinh Thị Nhung, sinh năm 1962; dân tộc Mường.'),
    ('SENSITIVE', 'mẹ người Nùng', 'Em Hà có mẹ người Nùng, bố người Kinh, xin ghi dân tộc theo mẹ.'),
    ('SENSITIVE', 'người Ba-na', 'Anh Đinh Văn Hmưch người Ba-na xin xác nhận hộ nghèo.'),
    ('SENSITIVE', 'Dao Tiền', 'Dân tộc của ông Triệu Văn Lìn: Dao Tiền'),
    # illnesses a household names, a kinship DNA test, a war invalid's grade, a prison term
    ('SENSITIVE', 'bị thủy đậu', 'Cháu Bống bị thủy đậu nên nghỉ học một tuần.'),
    ('SENSITIVE', 'giám định ADN huyết thống', 'Anh Thịnh xin hướng dẫn giám định ADN huyết thống cho con.'),
    ('SENSITIVE', 'là bệnh binh hạng 2/3', 'Ông Trần Văn Lực là bệnh binh hạng 2/3.'),
    ('SENSITIVE', 'án 3 năm tù về tội trộm cắp tài sản', 'Anh Khải từng lĩnh án 3 năm tù về tội trộm cắp tài sản.'),
    # more secrets after the first one, and a code before its key
    ('SECRET', '615204', 'Em nhận 2 mã OTP 339812 và 615204 trong một phút.'),
    ('SECRET', 'Lan@2027!', 'Chị đổi mật khẩu VNeID từ Lan@2026 thành Lan@2027! rồi nhé.'),
    ('SECRET', '508316', 'Số 508316 là mã OTP ngân hàng gửi cho bác Tư.'),
    # several people's birth dates in one label, a child's full date in brackets after the name
    ('DOB', '21.03.2018', 'Ngày sinh của mẹ: 02.07.1985; của con: 21.03.2018.'),
    ('DOB', '09/09/2025', 'Danh sách tiêm chủng: Hà Gia Bảo (09/09/2025), mẹ đưa đến.'),
    # a birth date said the Southern way without "ngày", or read as three groups after its label
    ('DOB', 'mồng bốn tháng Chạp năm năm mươi hai', 'Má tôi sanh mồng bốn tháng Chạp năm năm mươi hai, nhờ ghi giùm.'),
    ('DOB', 'hai mươi, mười một, tám mươi hai', 'Ngày sinh là hai mươi, mười một, tám mươi hai nhé.'),
    # the person's own state after a heading that names the group
    ('SENSITIVE', 'đang mang thai tháng thứ 5', 'Phụ nữ mang thai: chị Hoa, đang mang thai tháng thứ 5, cần khám.'),
    # a plate's five digits split as read off the plate, after a plate word
    ('PLATE', '51F 1 23 45', 'Biển số 51F 1 23 45 của anh Tâm bị ghi sai.'),
    # a health-insurance code read aloud, its two letters by name
    ('INSURANCE', 'đê en bốn, không một, hai ba bốn năm sáu bảy tám chín không một',
     'Mã BHYT của bà: đê en bốn, không một, hai ba bốn năm sáu bảy tám chín không một.'),
    # a password spelled with a letter's case after it and symbols said by name
    ('SECRET', 'chữ T viết hoa, r, a, n, g, thăng, hai không hai sáu',
     'Mật khẩu là: chữ T viết hoa, r, a, n, g, thăng, hai không hai sáu nhé.'),
    # a village in capitals, as forms are filled in
    ('ADDRESS', 'XÓM BÃI SẬY', 'BÀ ĐINH THỊ LỤA, SĐT 0912 345 678, XÓM BÃI SẬY'),
    ('ADDRESS', 'BẢN NÀ LỐC', 'ÔNG LÒ VĂN PỌM, BẢN NÀ LỐC'),
    ('NAME', 'BAN VAN SINH', 'LE VAN AN, BAN VAN SINH, CCCD 001203004567'),
    # a person named Giáng is no feast
    ('DOB', '1950', 'Bà Giáng sinh năm 1950 ở tổ 2.'),
    # a hotline is public, a person's number next to it is not
    ('PHONE', '0987654321', 'Hotline của chị Ngân: 0987654321.'),
    # a list headed by the condition its named people share
    ('SENSITIVE', 'bị tâm thần', 'Danh sách người bị tâm thần: ông Lê Văn Tám (tổ 3), bà Hồ Thị Mến.'),
    # a name right before an ID code, and a name opening a quoted letter after a label's colon
    ('NAME', 'Mùa Thị Dở', 'Thẻ BHYT của bà Mùa Thị Dở DN4010123456789 bị sai ngày sinh.'),
    ('PASSPORT', 'B7305912', 'Anh Lương Văn Hậu B7305912 xin gia hạn tạm trú.'),
    ('NAME', 'Đặng Văn Tuấn', 'Nội dung đơn: "Tôi Đặng Văn Tuấn, trú tại tổ 4, xin trình bày."'),
    # a person's tax code stays hidden even after a company is named
    ('TAX', '8123456790', 'Công ty Minh Phát khấu trừ thuế theo MST 8123456790 của anh Tùng.'),
]


@pytest.mark.parametrize(("kind", "value", "text"), M_COUSIN_CASES)
def test_mechanisms_cover_cousins_of_slice_m_misses(kind: str, value: str, text: str) -> None:
    """Slice M's misses became mechanisms; these are the same families in other words."""
    assert_covered(kind, value, text, [f for f in find_pii(text) if f.kind == kind])


@pytest.mark.parametrize("text", [
    'Hòm thư công vụ của tổ một cửa: motcua.xaanphu@angiang.gov.vn',
    'Mọi khoản ủng hộ gửi vào tài khoản quỹ khuyến học 1234.0.5678901 (Kho bạc).',
    'Ủng hộ qua tài khoản 0071000123456 Vietcombank, chủ tài khoản Ủy ban MTTQ xã.',
    'Ngày sinh: 12/03/1990, ngày cấp: 01/02/2021',
    'Xã có ba người Kinh và hai người Tày trúng tuyển.',
    'Chính sách dân tộc Khmer được triển khai ở Sóc Trăng.',
    'Trường mầm non có 4 ổ dịch thủy đậu trong tháng.',
    'OTP 482913, hết hạn sau 5 phút, 2 lần nhập sai',
    'Xe ô tô BKS 51K 123 45 đỗ trước cổng trường.',
    'HTX Nông nghiệp Hòa Bình, MST 0312345678, đăng ký kinh doanh tại phường.',
    'Công ty TNHH Minh Phát có MST là 0109876543.',
    'Bà sinh hai đứa con, mỗi đứa cách nhau ba năm.',
    'Kính gửi: Ủy Ban Nhân Dân Phường Hòa Khánh.',
    'Trao kỷ niệm chương 20 năm, 25 năm, 35 năm công tác cho 12 cán bộ.',
    'Mật khẩu phải có chữ hoa, chữ thường, số và ký tự đặc biệt.',
    'Sách hướng dẫn có ISBN 978-604-9876-54-3, phát cho các tổ.',
    'Dịp Phục sinh 2027 giáo xứ tổ chức rước kiệu.',
    'Bà con gọi tổng đài 0236 3822 115 khi có cháy.',
    'Số máy trực ban Công an xã: 0214.385.6677, trực 24/24.',
    'Danh sách người khuyết tật cần rà soát lại trong quý IV.',
    'Ghi chú: Theo Quyết Định Số 12 Của Ủy Ban.',
])
def test_slice_m_mechanisms_leave_ordinary_text_alone(text: str) -> None:
    """Office mailboxes and fund accounts, a card's issue date after a birth date, counts of people of a group,
    a policy, an outbreak, a count after an OTP, a car's "tô", a company's own tax code: nothing more than the one value each may hold."""
    found = [(f.kind, f.value) for f in find_pii(text) if f.kind != "PLATE"]
    assert found in ([], [("DOB", "12/03/1990")], [("SECRET", "482913")]), found


@pytest.mark.parametrize(("value", "text"), [
    ("Hoàng Thị Nguyệt", "Mã số BHXH của Hoàng Thị Nguyệt: 0123 456 789, nhờ tra giúp."),
    ("VI VĂN TOÀN", "Số tài khoản của VI VĂN TOÀN: 0451000123456"),
    ("Trieu Thi Hoa", "ngay cap cccd cua Trieu Thi Hoa: 12/3/2021"),
])
def test_a_person_named_after_cua_before_a_colon_is_no_label(value: str, text: str) -> None:
    """Slice L (measured once, then worked on): 'Số thẻ của X: …' names the owner X; only a run with no
    'của' before it ('HỌ TÊN:') is a field label."""
    assert value in [f.value for f in find_pii(text) if f.kind == "NAME"]


@pytest.mark.parametrize("text", ["Ý kiến của Phòng Tư pháp: đồng ý.", "Kết luận của Chủ tịch: giao Công an phường xử lý.",
                                  "Ý kiến của Ban Chỉ huy Quân sự: nhất trí", "Danh sách của Tổ 5: 12 hộ"])
def test_an_office_after_cua_before_a_colon_stays_ordinary(text: str) -> None:
    assert [f for f in find_pii(text) if f.kind == "NAME"] == []


L_ADDRESS_CASES = [
    # Khmer hamlets (sóc, phum) and a Sơn La 'tiểu khu' after an address label or a person
    ("sóc Bưng Tum", "Họ tên: Thạch Thị Sa Rây; Địa chỉ: sóc Bưng Tum."),
    ("phum Ô Chum", "Nơi ở hiện tại: phum Ô Chum, gần chùa."),
    ("soc Ba Se", "ba Danh Thi Ut soc Ba Se xin ho tro gao"),
    ("tiểu khu 9", "Ông Lò Văn Ún, tiểu khu 9, xin xác nhận hộ cận nghèo."),
    # a national or provincial road as the street, then the 'tiểu khu'
    ("số 112 quốc lộ 37, tiểu khu 2", "Bà Đèo Thị Mai, thường trú tại số 112 quốc lộ 37, tiểu khu 2."),
    # a flat named by its unit and floor in social housing
    ("căn 12 tầng 5 nhà ở xã hội Hưng Phú", "Địa chỉ: căn 12 tầng 5 nhà ở xã hội Hưng Phú."),
]


@pytest.mark.parametrize(("value", "text"), L_ADDRESS_CASES)
def test_hamlets_roads_and_flats_of_slice_l_families(value: str, text: str) -> None:
    """Slice L (development): Khmer hamlets, 'tiểu khu', roads as streets and flats by floor are addresses."""
    assert_covered("ADDRESS", value, text, [f for f in find_pii(text) if f.kind == "ADDRESS"])


@pytest.mark.parametrize("text", ["Tỉnh Sóc Trăng có nhiều chùa Khmer.", "Quốc lộ 6 đang sửa, xe đi chậm.",
                                  "Tòa nhà có 12 tầng và 3 tầng hầm.", "Họp ở tầng 2, phòng 204."])
def test_slice_l_address_words_alone_stay_ordinary(text: str) -> None:
    assert [f for f in find_pii(text) if f.kind == "ADDRESS"] == []


@pytest.mark.parametrize(("part", "text"), [
    # political opinion against the Party itself, or for many parties ("đảng" typed as it)
    ("phản đối Đảng", "Ông Vi Văn Hùng hay phản đối Đảng trong các buổi họp tổ."),
    ("đòi đa đảng", "Anh Lục Văn Thái từng ký đơn đòi đa đảng năm 2019."),
    # gender identity
    ("chuyển đổi giới tính", "Bạn Lò Thị Hằng đã chuyển đổi giới tính, xin cập nhật giới tính trên căn cước."),
    # a detention with its charge, in apposition to the one named ("…, người bị tạm giam …")
    ("bị tạm giữ về tội trộm cắp", "Làm việc với ông Đinh Công Tráng, người bị tạm giữ về tội trộm cắp tài sản."),
])
def test_slice_l_sensitive_families(part: str, text: str) -> None:
    found = [f.value for f in find_pii(text) if f.kind == "SENSITIVE"]
    assert any(part in v for v in found), found


@pytest.mark.parametrize("text", [
    "Ô tô của bà Nguyễn Thị Hòa bị tạm giữ 10 ngày theo Nghị định 168.",  # the car is held; "Thị" is no "thì"
    "Chị Lan phản đối đang họp thì về sớm.",  # "đang", not "Đảng"
    "Anh Tú đề nghị đa dạng hóa các món ăn ở bếp ăn bán trú.",  # "đa dạng", not "đa đảng"
    "Hỏi về quyền của người bị tạm giam, người bị tạm giữ.",  # people in general, after a comma
])
def test_slice_l_sensitive_look_alikes(text: str) -> None:
    assert [f for f in find_pii(text) if f.kind == "SENSITIVE"] == []


@pytest.mark.parametrize(("value", "text"), [
    ("Hường", "Số căn cước 034 190 012 345 của Hường bị mờ, làm lại ở đâu?"),
    ("Thắm", "so dien thoai cua Thắm doi roi, nho cap nhat"),
    ("Minh Châu", "Giấy khai sinh của Minh Châu ghi sai tên mẹ."),
    ("Khánh", "Hồ sơ của Khánh còn thiếu bản sao sổ hộ nghèo."),
])
def test_the_owner_of_an_identifier_or_paper_after_cua(value: str, text: str) -> None:
    """Slice L (development): 'số CMND … của Xuân', 'đơn của Bích' name the owner by a given name alone."""
    assert value in [f.value for f in find_pii(text) if f.kind == "NAME"]


@pytest.mark.parametrize("text", ["Số tài khoản của Phòng Tài chính là 0123456789.",
                                  "Hồ sơ của Trung tâm Phục vụ hành chính công đã chuyển.",
                                  "Đơn của Hội Nông dân xã gửi lên huyện."])
def test_an_office_owning_an_account_or_paper_is_no_person(text: str) -> None:
    assert [f for f in find_pii(text) if f.kind == "NAME"] == []


@pytest.mark.parametrize(("kind", "value", "text"), [
    # the year of a date after "tháng N" is no digit five of a longer number
    ("DOB", "ngày 05 tháng 9 năm 1944", "Ông Sầm Văn Pọng sinh ngày 05 tháng 9 năm 1944, năm 2027 tròn 83 tuổi."),
    # a house named by its owner's full name, typed with or without diacritics
    ("NAME", "Lò Văn Nhất", "Nhà Lò Văn Nhất ở bản Mòng bị sạt lở phía sau."),
    ("NAME", "Ha Thi Nguyet", "Nhà Ha Thi Nguyet ở ngõ 15 phố Đội Cấn bị dột."),
    # a plot's house before its number
    ("ADDRESS", "thửa nhà số 7 ngõ 3 phố Hàng Bông", "Bà Vi Thị Nga (thửa nhà số 7 ngõ 3 phố Hàng Bông) xin cấp sổ hồng."),
])
def test_slice_l_dates_houses_and_plots(kind: str, value: str, text: str) -> None:
    assert_covered(kind, value, text, [f for f in find_pii(text) if f.kind == kind])


def test_a_date_year_and_the_next_year_are_no_account() -> None:
    text = "Cụ sinh ngày 13 tháng 6 năm 1950, năm 2026 được hưởng trợ cấp."
    assert [f.kind for f in find_pii(text) if f.kind in ("BANK", "PHONE", "CCCD")] == []


@pytest.mark.parametrize("text", ["Chợ Nguyễn Tri Phương mở cửa đến 21 giờ.", "Nhà Văn hóa Thanh niên tổ chức hội chợ."])
def test_markets_and_halls_named_after_people_stay_places(text: str) -> None:
    assert [f for f in find_pii(text) if f.kind == "NAME"] == []


@pytest.mark.parametrize(("value", "text"), [
    ("Sủng", "Đề nghị ghi người liên hệ là Sủng, số máy 0912 345 678."),
    ("Ma Văn Khoa", "Người nhận là Ma Văn Khoa, trú tại tổ 3."),
    ("Duyên", "Hộ kinh doanh Duyên ở tổ 8 xin đổi ngành nghề."),
    ("Triệu Văn Sình", "Hộ kinh doanh cá thể Triệu Văn Sình nộp thuế khoán quý I."),
])
def test_contacts_after_la_and_household_businesses_named_by_their_head(value: str, text: str) -> None:
    """Slice L (development): 'người liên hệ là Mới', 'Hộ kinh doanh Bích'."""
    assert value in [f.value for f in find_pii(text) if f.kind == "NAME"]


@pytest.mark.parametrize("text", ["Hộ kinh doanh Phở Thìn xin gia hạn giấy phép.", "Người nộp là Công ty Minh Phát."])
def test_business_and_company_names_after_those_cues_stay_ordinary(text: str) -> None:
    assert [f for f in find_pii(text) if f.kind == "NAME"] == []


@pytest.mark.parametrize(("value", "text"), [
    ("Phượng", "Chuyển bản scan cho Phượng qua phuongtp88 a cong gmail chấm com nhé."),
    ("Hà Anh", "Nhờ gửi thông báo cho Hà Anh qua email haanh.nguyen@gmail.com."),
])
def test_the_one_a_message_goes_to_before_its_channel(value: str, text: str) -> None:
    """Slice L (development): 'cho Lạng qua <email>' names the addressee; an office stays ordinary."""
    assert value in [f.value for f in find_pii(text) if f.kind == "NAME"]
    office = "Gửi báo cáo cho Phòng Nội vụ qua email phongnoivu@hanoi.gov.vn."
    assert [f for f in find_pii(office) if f.kind == "NAME"] == []


@pytest.mark.parametrize(("names", "text"), [
    (["LÒ VĂN PỌM", "LÒ THỊ ÚN"], "DANH SÁCH: ÔNG LÒ VĂN PỌM VÀ BÀ LÒ THỊ ÚN ĐƯỢC HỖ TRỢ"),
    (["nguyen thi lan"], "Chi nguyen thi lan xin nghi phep 2 ngay"),  # a title opening the sentence, a name typed bare
    (["y kô niê"], "Họ và tên chủ hộ: y kô niê"),  # an Ê Đê name in small letters after a name label
])
def test_names_in_headings_in_capitals_and_in_small_letters(names: list[str], text: str) -> None:
    """Slice L (development): every name of a heading in capitals, cut before 'VÀ'; small letters after a title or a label."""
    assert [f.value for f in find_pii(text) if f.kind == "NAME"] == names


@pytest.mark.parametrize(("value", "text"), [
    ("CHU THI HANG", "so cccd 001190012345, ten CHU THI HANG"),
    ("Chu Van Tiep", "thang Chu Van Tiep hay say ruou gay roi"),
])
def test_family_name_chu_typed_bare_before_van_or_thi(value: str, text: str) -> None:
    """Slice L (development): bare 'Chu' is the family name, not the title 'chú', before Văn / Thị and a given name."""
    assert value in [f.value for f in find_pii(text) if f.kind == "NAME"]


@pytest.mark.parametrize(("value", "text"), [
    ("Tdp9@2026", "mat khau wifi dung chung cua nha van hoa to dan pho 9: Tdp9@2026"),
    ("Ph@tTrien2026", "Mật khẩu tài khoản quản trị trang thông tin điện tử của phường: Ph@tTrien2026"),
])
def test_a_password_after_a_long_name_and_a_colon(value: str, text: str) -> None:
    """Slice L (development): up to ten words may name what the password opens when a colon ends them."""
    assert value in [f.value for f in find_pii(text) if f.kind == "SECRET"]


def test_password_rules_in_ordinary_text_hold_no_secret() -> None:
    text = "Mật khẩu phải có ít nhất tám ký tự gồm chữ hoa, chữ thường và số: theo quy định của phường."
    assert [f for f in find_pii(text) if f.kind == "SECRET"] == []


@pytest.mark.parametrize(("text", "name"), [("HO VA TEN CHU HO: Lo Van Pom", "Lo Van Pom"),
                                            ("HỌ TÊN CHỦ TÀI KHOẢN: HÀ THỊ MAI", "HÀ THỊ MAI")])
def test_a_field_name_in_capitals_is_no_name(text: str, name: str) -> None:
    """Slice L (development): 'CHỦ HỘ', 'CHỦ TÀI KHOẢN' after 'HỌ TÊN' name the field, not a person named Chu."""
    assert [f.value for f in find_pii(text) if f.kind == "NAME"] == [name]


@pytest.mark.parametrize(("text", "phones"), [
    ("Số điện thoại trạm y tế phường: 0236 3811 115 (trực 24/24).", []),
    ("SĐT bộ phận tiếp nhận hồ sơ: 0214 3856 677.", []),
    ("Số điện thoại văn phòng của anh Tùng: 0912 345 678", ["0912 345 678"]),  # a person's number at the office
    ("Số điện thoại trưởng thôn Lò Văn Pọm: 0912 345 678", ["0912 345 678"]),  # the head of a village is a person
])
def test_an_office_number_is_public_a_person_number_is_not(text: str, phones: list[str]) -> None:
    """Slice L (development): the published number of an office is no one's personal data (labelling policy)."""
    assert [f.value for f in find_pii(text) if f.kind == "PHONE"] == phones


@pytest.mark.parametrize(("text", "names"), [
    ("Danh sách nhận quà Tết: 1. Sính; 2. Hoàng Thị Mỷ; 3. Vàng A Chứ.", ["Sính", "Hoàng Thị Mỷ", "Vàng A Chứ"]),
    ("Danh sách đơn vị dự thi: 1. Phường Hòa Khánh; 2. Xã Hòa Bắc.", []),
    ("Danh sách tài liệu: 1. Luật Đất đai; 2. Nghị định 91.", []),
])
def test_numbered_entries_of_a_list_of_people(text: str, names: list[str]) -> None:
    """Slice L (development): 'Danh sách khen thưởng: 1. Nhôm; 2. …' — a given name alone is a person in a numbered list."""
    assert [f.value for f in find_pii(text) if f.kind == "NAME"] == names


@pytest.mark.parametrize(("text", "dobs"), [
    ("Mừng thọ cụ Hà Thị Phiên (ngày mười lăm tháng tám năm một nghìn chín trăm hai mươi tám).",
     ["ngày mười lăm tháng tám năm một nghìn chín trăm hai mươi tám"]),
    ("Bà Lò Thị Ún, ngày hai tháng ba năm một chín năm tư, xin trợ cấp.", ["ngày hai tháng ba năm một chín năm tư"]),
    ("Ngày mười tháng năm năm hai nghìn hai mươi sáu, ông Lò Văn Dân họp tổ.", []),  # a recent date: an event
])
def test_an_old_full_date_read_aloud_next_to_a_person(text: str, dobs: list[str]) -> None:
    """Slice L (development): a full date before 2013 read aloud beside a named person is the birth date, as in digits."""
    assert [f.value for f in find_pii(text) if f.kind == "DOB"] == dobs


@pytest.mark.parametrize(("spoken", "digits"), [
    ("mot tram hai muoi - ba muoi - bon lam", "1203045"),
    ("khong chin tam - hai muoi - muoi mot - bay bay", "098201177"),
])
def test_a_spaced_dash_parts_number_word_groups(spoken: str, digits: str) -> None:
    """Slice L (development): 'ba mốt - ba mươi' is 31 then 30, not one run of words read as 3-1-3-0."""
    assert words_to_digits(spoken) == digits


def test_an_ede_given_name_after_cua_is_the_owner() -> None:
    """Slice L (development): 'của H'Nhi' — a given name opening with H' counts like any other."""
    text = "Thẻ BHYT của H'Mai bị sai ngày sinh."
    assert "H'Mai" in [f.value for f in find_pii(text) if f.kind == "NAME"]


@pytest.mark.parametrize(("value", "text"), [
    ("tổ 9 khu 3", "Cấp thẻ BHYT cho bà Đàm Thị Hoa tổ 9 khu 3, 2 nhân khẩu."),
    ("xóm 2, thôn Nà Lầu", "Ông Nông Văn Sềnh xóm 2, thôn Nà Lầu xin xác nhận."),
])
def test_a_chain_of_groups_right_after_a_person(value: str, text: str) -> None:
    """Slice L (development): the residential group after a name, with the larger units after it."""
    assert_covered("ADDRESS", value, text, [f for f in find_pii(text) if f.kind == "ADDRESS"])


def test_an_owner_after_an_id_with_dots() -> None:
    """Slice L (development): the dots inside 'ma bhxh 30.4816.5209 cua Nhung' do not end the clause before the owner."""
    assert "Hiền" in [f.value for f in find_pii("Số BHXH 01.2345.6789 của Hiền bị trùng.") if f.kind == "NAME"]


@pytest.mark.parametrize(("text", "secret", "network"), [
    ("Mật khẩu wifi NhaVanHoa_To3 là vanhoa2025, ai hỏi thì đọc cho.", "vanhoa2025", "NhaVanHoa_To3"),
    ("Pass wifi PhongHop-UB2 là hop@2026 nhé.", "hop@2026", "PhongHop-UB2"),
    ("Wi-fi TiepDan_Tang1 = tiepdan789", "tiepdan789", "TiepDan_Tang1"),
])
def test_a_wifi_network_named_before_its_password(text: str, secret: str, network: str) -> None:
    """Slice K (development): 'wifi <name> là <password>' — the network's name first, the password after 'là'."""
    secrets = [f.value for f in find_pii(text) if f.kind == "SECRET"]
    assert secret in secrets and network not in secrets


@pytest.mark.parametrize("text", [
    "Mất điện phố Hàng Bông từ số nhà 12 tới số nhà 48 sáng thứ Bảy.",
    "Thi công vỉa hè đường Lê Lai từ số 5 đến số 61, đề nghị bà con chú ý.",
])
def test_a_range_of_house_numbers_is_no_home(text: str) -> None:
    """Slice K (development): 'từ số nhà 1 đến số nhà 99' is a stretch of street, not someone's address."""
    assert [f for f in find_pii(text) if f.kind == "ADDRESS"] == []


@pytest.mark.parametrize(("text", "names"), [
    ("Hợp đồng mua bán xe: bên A Lục Thị Duyên, bên B Hoàng Văn Khải, giá 12 triệu.", ["Lục Thị Duyên", "Hoàng Văn Khải"]),
    ("Bên A Nguyễn Thị Hạnh đồng ý cho thuê, bên B Lê Văn Tâm trả trước 3 tháng.", ["Nguyễn Thị Hạnh", "Lê Văn Tâm"]),
])
def test_contract_parties_by_letter(text: str, names: list[str]) -> None:
    """Slice K (development): 'bên A <name>', 'bên B <name>' — the party's letter is no part of the name."""
    assert [f.value for f in find_pii(text) if f.kind == "NAME"] == names


def test_a_sensitive_field_in_a_one_line_record() -> None:
    """Slice K (development): fields set apart by ';' in one record are all about its person."""
    text = "Phiếu khảo sát: Lê Văn Tư; 1970; tổ 4; theo đạo Cao Đài; 0907 111 222."
    assert "theo đạo Cao Đài" in [f.value for f in find_pii(text) if f.kind == "SENSITIVE"]


@pytest.mark.parametrize(("text", "phone"), [
    ("Bà Hồng bị lừa: SĐT nhận OTP 0912 778 903, mã OTP 448210.", "0912 778 903"),
    ("Mã xác thực gửi về số 0388123456 của anh Tín.", "0388123456"),
])
def test_the_phone_a_code_is_sent_to_is_a_phone(text: str, phone: str) -> None:
    """Slice K (development): 'SĐT nhận OTP …' names the phone, not the code."""
    found = {f.value: f.kind for f in find_pii(text)}
    assert found.get(phone) == "PHONE"


def test_a_foreign_guest_and_the_building_named_after_chung_cu() -> None:
    """Slice K (development): 'Người nước ngoài tạm trú: <name>' names the guest; 'chung cư Sky Garden' is a building."""
    text = "Người nước ngoài tạm trú: Tanaka Hiroshi, passport TR0045678, ở phòng 907, chung cư Green Park."
    found = [(f.kind, f.value) for f in find_pii(text)]
    assert ("NAME", "Tanaka Hiroshi") in found and ("ADDRESS", "phòng 907, chung cư Green Park") in found
    assert ("NAME", "Green Park") not in found


@pytest.mark.parametrize(("text", "phrase"), [
    ("Bà Ka Sương là người dân tộc Kơ Ho, xin hỗ trợ nhà ở.", "dân tộc Kơ Ho"),
    ("Chị H'Lan, dân tộc Chu-ru, xin học bổng.", "dân tộc Chu-ru"),
    ("Ông Y Bhin thuộc dân tộc Bahnar, hộ cận nghèo.", "dân tộc Bahnar"),
])
def test_ethnic_groups_in_their_other_spellings(text: str, phrase: str) -> None:
    """Slice K (development): 'dân tộc K'Ho' — an ethnic group spelled its own way, tied to a person."""
    assert any(phrase in f.value for f in find_pii(text) if f.kind == "SENSITIVE")


@pytest.mark.parametrize(("text", "name"), [
    ("Sổ tiết kiệm của bà Hoàng Mai bị thất lạc, nhờ xác nhận.", "Hoàng Mai"),
    ("Chị Kim Liên nộp hồ sơ hộ kinh doanh.", "Kim Liên"),
    ("Hồ sơ của ông Tô Hiến Thành thiếu bản sao CCCD.", "Tô Hiến Thành"),
])
def test_a_person_named_like_a_place_after_a_title(text: str, name: str) -> None:
    """Slice K (development): 'của ông Đào Duy Từ' — a street's or ward's name worn by a person after a title."""
    assert name in [f.value for f in find_pii(text) if f.kind == "NAME"]


@pytest.mark.parametrize("text", ["Đường Tô Hiến Thành đang sửa.", "Bà con phường Kim Liên họp tối nay.",
                                  "Hội bảo vệ quyền trẻ em Việt Nam họp thường niên."])
def test_the_place_itself_stays_a_place(text: str) -> None:
    assert [f for f in find_pii(text) if f.kind == "NAME"] == []
