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
