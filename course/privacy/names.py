"""Person names in Vietnamese text, found offline by rules a ward officer would recognise.

A run of capitalised words (separated by spaces only) is a person's name when
1. it follows a title or kinship word: ông, bà, anh, chị, cháu, em, cô, chú, bác, cụ, dì, thầy, vợ, chồng …
   or a two-word one ("anh trai Hùng", "ông nội Tư", "cô giáo Lan", "bác sĩ Hùng")
   ("ông Giàng A Chống", "chị Hằng", typed bare: "ong Lo Van Pieng");
2. it follows a field label ending in a colon: "HỌ TÊN:", "Họ và tên:", "Người khai:", "Chủ hộ:" …
   (capitals allowed: "HỌ TÊN: MÙA A SÌNH"; after "Họ và tên:" even typed in lower case);
3. it follows "tên" / "tôi là" / "em là" / "vợ anh là" …;
4. it starts with a Vietnamese or ethnic-minority family name (Nguyễn, Trần, Giàng, Thào, Vừ, Lò, Cầm,
   Sùng, Thạch, Danh, Đàng, Rơ …) and has at least two words ("Đơn của Phạm Văn Hào", "Hộ Nông Văn Dền");
5. it holds an Ê Đê / Jrai given-name prefix: "Y Bhim Niê", "Nay Y Blang", "H'Hen Niê";
6. or it is joined by "," / "và" to a name just found ("Ông Tùng và Bách").
It is NOT a person's name when a place or institution word comes right before it (đường Tô Hiệu,
phố Bà Triệu, Trường THCS Lê Quý Đôn, Thành phố Hồ Chí Minh), when it is a historical figure named
without a personal title (Võ Nguyên Giáp, Hồ Chí Minh), or when a public office holder is named after
the role ("Chủ tịch UBND phường Trần Văn Hùng", "Giám đốc Sở Tư pháp Trần Văn Minh"), or when it is an
organisation or a role whose first word is also a family name (Đoàn Thanh niên, Công ty Cổ phần Hoàng Long,
"họ tên Thẩm phán"): officials acting in their public role are published
on the ward's own documents, so the guard lets them pass (rule "public office holder named by role").
A village (bản, thôn, xóm, ấp, buôn, plei) attached to a detected name is returned as an address.
"""

from __future__ import annotations

import bisect
import re

from course.text import strip_diacritics_aligned, unify_tones

# Family names (Kinh, and the ethnic groups of the northern mountains and the Central Highlands that
# ward offices there register most often). Compared with diacritics; typed bare, folded.
SURNAMES_VI = frozenset("""
nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh đoàn trịnh trương lâm lương
mai cao hà tạ chu tống lưu la vương thái kiều quách khổng lại mạc nông bế hứa lò lường quàng cầm sầm lù
giàng thào vừ vàng mùa sùng hạng tẩn triệu bàn chảo lầu hầu mã thò khuất tiêu phùng văn thạch kim
và cứ tráng tô sin giáp lục ông diệp âu đào thiều ứng khúc kha đàm ninh liễu nghiêm phí quan quỳnh thủy
vi xa ksor niê kpă rmah siu đèo hờ lỳ ly mè lầm lý khà pờ sình chẻo lã điêu hà cà tòng hảng phàn
bạch danh đàng sơn chau néang rơ puih thông lữ doãn tăng thân trình cù mẫn lạc nhan ma vì bạc
khương ôn đậu cấn chử điền đổng ngọ ngụy nhữ thôi vưu liêu mạch lỗ mùi sần phìn sì vần xồng sồng lềnh lìu chẩu
ngần châu
""".split())
# Ê Đê, Jrai and Ba Na given names open with "Y" (men) or "H'" (women): "Y Bhim Niê", "Nay Y Blang".
NOT_Y_NAME = frozenset("te hoc duoc khoa si ta".split())
SURNAMES_BARE = frozenset(strip_diacritics_aligned(n) for n in SURNAMES_VI)
# Title and kinship words before a name (accented forms; bare forms count only in text typed bare).
TITLES = frozenset("ông bà anh chị cháu em cô chú bác cụ dì thím mợ cậu thầy vợ chồng bé bạn mế pá mẹ bố cha má dượng "
                   "thằng cu be trẻ".split())
TITLES_BARE = frozenset("ong ba anh chi chau em co chu bac cu di thim mo cau thay vo chong".split())
# Second words of a two-word title or kinship phrase ("anh trai Hùng", "cô giáo Lan", "bác sĩ Hùng",
# "ông nội Tư", "con gái Ngọc"), folded: the word before them must be a title, or "con"/"giáo"/"bác".
TITLE_TAIL = frozenset("trai gai ruot noi ngoai re dau ho ca ut giao si ta ky hai tu sau bay tam chin".split())
TITLE_HEAD_EXTRA = frozenset("con thay y luat".split())
# "… là Tý": after these words "là" introduces a person's name ("tôi là Dũng", "vợ anh là Hoa").
IS_NAME_AFTER = frozenset("tôi em e mình cháu con vợ chồng bố mẹ cha anh chị trai gái ấy đó tên".split())
IS_NAME_AFTER_BARE = frozenset(strip_diacritics_aligned(w) for w in IS_NAME_AFTER)
# A run that opens with one of these capitalised sentence-start words can still hold a name after it
# ("Hộ Nông Văn Dền", "Gia đình Hứa Văn Páo").
LEAD_WORDS = frozenset("ho gia gui kinh don cho cua con vo chong me bo cha nha".split())
# Organisations, headings and places whose first word is also a family name (folded, lower case).
NOT_A_NAME_PHRASE = re.compile(
    r"(?:doan thanh nien|ban chi (?:huy|dao)|ban quan ly|ban dai dien|ban cong tac|danh sach|danh muc|danh ba|danh hieu|ho guom|"
    r"ho hoan kiem|son tay|son tra|son dong|son duong|ho chi minh|bach khoa|bach mai|thong tin|thong bao|"
    r"thong tu|than nhan|trinh bay|lac long quan|cu chi|"
    # roles in court and procedure documents: "họ tên Thẩm phán, Thư ký Tòa án"
    r"tham phan|kiem sat vien|thu ky|toa an|dieu tra vien|hoi tham|luat su|cong chung vien|chap hanh vien|"
    r"giam dinh vien|tham tra vien|thanh tra vien|"
    r"deo o quy ho|deo hai van|deo ngang|deo khau pha|deo ma pi leng|deo pha din|"
    # everyday words of headings and documents that open with a family name ("QUAN HỆ", "TRÌNH TỰ", "VĂN PHÒNG")
    r"quan he|trinh tu|trinh chinh|trinh uy|trinh quoc|trinh bo|ly hon|ly lich|van phong|van ban|van thu|van hoa|ho so|"
    r"ho tich|ho khau|ho ngheo|thuy van|ra soat|hien phap|quan ly|quan tri|quan trong|cao nhat|cao tuoi|kim ngach|"
    # the national motto heading every administrative document: "Độc lập – Tự do – Hạnh phúc"
    r"tu do(?= *[-–—] *hanh phuc))\b")


def _not_a_name_phrase(text: str, folded: str, at: int) -> bool:
    """An organisation, heading or document word at `at` — "trình Quốc hội" (submit), not the family name Trịnh."""
    m = NOT_A_NAME_PHRASE.match(folded[at:at + 40].lower())
    return m is not None and not (m.group().startswith("trinh") and text[at:at + 5].lower() == "trịnh")


# Values of a form's relationship or sex field, never a name after the label.
RELATION_WORDS = frozenset("con vo chong bo me cha anh chi em chau ong ba nam nu khong co chu ho ban than".split())
# Places named after people, with a two-word head: "ngã tư Hoàng Minh Giám", "nhà thi đấu Trịnh Hoài Đức" (folded).
PLACE_PHRASE_BEFORE = re.compile(r"\b(?:nga tu|nga ba|nga nam|nha thi dau|san van dong|cong vien|ben xe|khu do thi|"
                                 r"cung van hoa|trung tam|toa nha|khach san|nha hang|sieu thi|nha ga|ga|cau|quang truong|"
                                 r"tuong dai|nha tho|nha van hoa|hoi truong|giai|cup|ky niem|le tuong niem|"
                                 r"hoc bong|giai thuong|quy hoc bong|phong trao|cuoc thi|"  # "học bổng Vừ A Dính": named after someone
                                 r"(?:nha|truong|cong ty|doanh nghiep) mang ten)\s*$")
# A second street of a crossing or a list of streets: the name after "đường X – " / "phố X và ".
STREET_JOINED = re.compile(r"\b(?:duong|pho|nga tu|nga ba|giao|tuyen)\s+[A-Za-z0-9 ]{2,30}?\s*(?:[-–—/,]|va)\s*$")
# Words just before a run that make it a company, shop or cooperative ("Công ty Cổ phần Hoàng Long").
COMPANY_BEFORE = frozenset("ty tnhh phần htx sạn tiệm hàng nghiệp xưởng quán hiệu".split())
# Words after which the next capitalised run is a name.
NAME_CUES = frozenset({"tên", "ten"})
# … and the phrases that name one of a person's names: "tên tạm Bình An", "tên thường gọi là Tý", "biệt danh Cò" (folded).
NAME_CUE_PHRASE = re.compile(r"\b(?:ten (?:tam|goi|thuong goi|o nha|khai sinh|cu|moi|that|goi khac|thanh|dem|hay goi|con goi)"
                             r"|biet danh|bi danh|phap danh|nickname|nick name)\s*(?:la\s*)?:?\s*$")
# Words that start a capitalised run that is an institution or a place, not a person.
PLACE_WORDS = frozenset("""
đường phố ngõ ngách hẻm kiệt trường viện cầu chợ đền chùa miếu quảng khu phường xã huyện quận tỉnh
thành tp thôn bản xóm ấp buôn plei bon làng tổ tuyến công cúp lễ hội tưởng sông núi hồ đảo nhà
trạm học bệnh cục sở bộ ban ủy uỷ ubnd hđnd đội lớp
""".split())
PLACE_WORDS_BARE = frozenset("""
duong pho ngo ngach hem kiet truong vien cau cho den chua mieu quang khu phuong xa huyen quan tinh
thanh tp thon xom ap buon plei bon lang tuyen cong cup tuong song nui dao nha tram hoc benh cuc
""".split())
# Institution words that mark a place even two or three words before the run ("Trường THCS Lê Quý Đôn").
STRONG_PLACE = frozenset("trường viện đường phố ngõ tưởng quảng thành cầu khu chợ đền chùa tuyến".split())
# Capitalised words that begin a role or an institution, never a given name right after a title.
NOT_NAME_START = frozenset("""
chủ phó bí giám tổ cán hội ban sở bộ mẹ đảng nhà ubnd hđnd tôi hồ họ tên người các đoàn mặt ủy uỷ cục
viện chánh trưởng công đường phố trường
""".split())
NOT_NAME_START_BARE = frozenset(strip_diacritics_aligned(w) for w in NOT_NAME_START) - {"ho", "cong", "truong"}
# Historical figures whose names are also streets and schools: pass unless a personal title precedes.
_FAMOUS_RAW = """
Hồ Chí Minh|Võ Nguyên Giáp|Tô Hiệu|Lê Lợi|Trần Hưng Đạo|Nguyễn Du|Nguyễn Trãi|Lê Quý Đôn|Trần Phú|
Lý Thường Kiệt|Phan Đình Phùng|Nguyễn Thái Học|Võ Thị Sáu|Trần Thị Lý|Lò Văn Giá|Hoàng Văn Thụ|
Tôn Thất Tùng|Phan Đăng Lưu|Nguyễn Huệ|Lê Duẩn|Phạm Văn Đồng|Trường Chinh|Nguyễn Văn Cừ|Lê Hồng Phong|
Phan Bội Châu|Phan Chu Trinh|Ngô Quyền|Đinh Tiên Hoàng|Lý Thái Tổ|Lê Thái Tổ|Trần Quốc Toản|Kim Đồng|
Nguyễn Chí Thanh|Tôn Đức Thắng|Lê Thánh Tông|Nguyễn Văn Trỗi|Bế Văn Đàn|Cù Chính Lan|Mạc Thị Bưởi|
Nguyễn Thị Minh Khai|Hà Huy Tập|Trần Đại Nghĩa|Lương Thế Vinh|Chu Văn An|Nguyễn Bỉnh Khiêm|Hồ Xuân Hương|
Phùng Hưng|Mai Hắc Đế|Lê Văn Tám|Vừ A Dính|Nguyễn Bá Ngọc|Lý Tự Trọng|Nguyễn Văn Linh|Võ Văn Kiệt|Ông Ích Khiêm|Bà Triệu|Hai Bà Trưng|Bác Hồ|
Chú Cuội|Ông Táo|Táo Quân|Ông Địa|Thần Tài|Thánh Gióng|Sơn Tinh|Thủy Tinh|Lạc Long Quân|
Âu Cơ|Mỵ Nương|Thạch Sanh|Ông Gióng|Bà Chúa Kho|Ông Tơ|Bà Nguyệt|Cao Đài|Hòa Hảo|Hoà Hảo""".replace("\n", "").split("|")
FAMOUS = frozenset(strip_diacritics_aligned(n).lower() for n in _FAMOUS_RAW)
FAMOUS_ACCENTED = frozenset(unify_tones(n).lower() for n in _FAMOUS_RAW)


def _famous(words: str) -> bool:
    """A legend or historical figure named with a title ("Ông Táo", "Bà Triệu"): with its accents when typed with them,
    so "ông Tạo" (a person) is not "Ông Táo"."""
    if words.isascii():
        return strip_diacritics_aligned(words).lower() in FAMOUS
    return unify_tones(words).lower() in FAMOUS_ACCENTED
# Place names that begin with a family name (Hà Nội, Cao Bằng …): never a person.
PLACES_ACCENTED = frozenset(n.lower() for n in """
Hà Nội|Hà Giang|Hà Nam|Hà Tĩnh|Hà Đông|Hà Tiên|Cao Bằng|Lâm Đồng|Thái Bình|Thái Nguyên|Ninh Bình|
Ninh Thuận|Lào Cai|Lai Châu|Kim Bảng|Mai Châu|Hồ Tây|Quảng Ninh|Quảng Nam|Quảng Ngãi|Quảng Bình|Quảng Trị|
Vĩnh Phúc|Vĩnh Long|Đồng Nai|Đồng Tháp|Bình Dương|Phú Thọ|Tây Ninh|Long An|Kiên Giang|Bạc Liêu|Trà Vinh|
Sơn La|Điện Biên|Bắc Ninh|Bắc Giang|Hải Phòng|Hải Dương|Hưng Yên|Nam Định|Thanh Hóa|Thanh Hoá|Nghệ An|
Gia Lai|Kon Tum|Đắk Lắk|Đắk Nông|Khánh Hòa|Khánh Hoà|Bình Định|Phú Yên|Huế|Đà Nẵng|Cà Mau|Sóc Trăng|
Hậu Giang|Cần Thơ|An Giang|Bến Tre|Tiền Giang|Hòa Bình|Hoà Bình|Lạng Sơn|Tuyên Quang|Yên Bái|Bắc Kạn|
Phú Quốc|Hoàng Sa|Trường Sa|Việt Nam|Hàn Quốc|Trung Quốc|Nhật Bản|Đài Loan|Bạch Mai|Việt Đức|Chợ Rẫy|
Lý Sơn|Phan Thiết|Phan Rang|Hoàng Su Phì|Hoàng Mai|Tạ Xá|Lê Chân|Kiến An|Mai Sơn|Lương Sơn|Kim Bôi|Cao Lộc|
Văn Lãng|Văn Quan|Văn Yên|Văn Chấn|Văn Bàn|Lục Yên|Lục Ngạn|Lục Nam|Thạch An|Thạch Thành|Thạch Hà|Lâm Thao|
Lâm Hà|Lâm Bình|Bạch Thông|Vũ Quang|Lạc Sơn|Lạc Thủy|Lạc Dương|Kim Sơn|Lý Nhân|La Gi|Hà Quảng|Hà Trung|Hà Tĩnh|
Quỳnh Nhai|Quỳnh Lưu|Quỳnh Phụ|Đinh Lập|Mường Khương|Lò Gạch|Giáp Bát|Kim Liên|Kim Mã|Văn Miếu|Văn Điển|
Đoàn Kết|Thái Hà|Tô Hiến Thành|Cao Lãnh|Hồ Núi Cốc|Đào Duy Từ|Vương Thừa Vũ|Hoàng Liên Sơn|Bàn Cờ|Sơn Dương|
Sơn Động|Sơn Hà|Sơn Tịnh|Sơn Hòa|Sơn Hoà|Mai Dịch|Hồ Con Rùa|Tam Đảo|Châu Đốc|Châu Thành|Châu Phú|Kiều Mai|
Nông Cống|Lương Tài|Cầm Xuyên|Khúc Xuyên|Triệu Sơn|Triệu Phong|Vĩnh Bảo|Thạch Thất|Phùng Khoang|Mạc Thị Bưởi""".replace("\n", "").split("|"))
PLACES = frozenset(strip_diacritics_aligned(n) for n in PLACES_ACCENTED)


def _is_place(words: str) -> bool:
    """`words` name a place: compared with their diacritics when typed with them ("Huệ" is a name, "Huế" a city)."""
    low = words.lower()
    return low in PLACES_ACCENTED if not low.isascii() else low in PLACES
# Ê Đê and Jrai place names ("Ea H'leo", "Ia H'Drai", "Krông Pắc", "Cư M'gar") begin with these words.
HIGHLAND_PLACE_START = frozenset("ea ia krong cu dak dac kon plei buon".split())
# A role named right before the name: a public office holder acting in that role.
# Fields of public work, folded ("Sở Tư pháp", "công chức Tư pháp – Hộ tịch", "cán bộ Văn hóa")
_DEPARTMENTS = (r"tu phap|tai chinh|noi vu|van hoa|the thao|du lich|thong tin|truyen thong|y te|giao duc|dao tao|lao dong"
                r"|thuong binh|xa hoi|tai nguyen|moi truong|xay dung|giao thong|van tai|ke hoach|dau tu|cong thuong|nong nghiep"
                r"|phat trien|nong thon|kinh te|ha tang|do thi|thue|khoa hoc|cong nghe|dan toc|ton giao|thanh tra|ho tich"
                r"|dia chinh|van phong|quan su|chinh tri|hanh chinh")
# Public institutions named after a role ("công chức Trung tâm Phục vụ hành chính công", "viên chức Trạm Y tế xã",
# "nhân viên Bưu điện văn hóa xã"): the capitalised first word is the institution's, not a person's
_INSTITUTIONS = (r"trung tam|buu dien|tram y te|tram\s+\w+\s+(?:xa|phuong)|benh vien|kho bac|ngan hang|nha van hoa"
                 r"|truong (?:mam non|mau giao|tieu hoc|trung hoc|thcs|thpt|dai hoc|cao dang|chinh tri)|hop tac xa|cong ty")
DEPARTMENT_AT = re.compile(r"(?i:" + _DEPARTMENTS + "|" + _INSTITUTIONS + r")\b")
OFFICE_BEFORE = re.compile(
    r"(?:chu tich|pho chu tich|bi thu|pho bi thu|truong cong an|pho truong cong an|giam doc|pho giam doc|"
    r"chanh van phong|truong phong|truong ban|pho truong ban|chu nhiem|dai tuong|tong bi thu|thu tuong|"
    r"bo truong|thu truong|dai bieu quoc hoi|chu tich nuoc)"
    r"(?:\s+(?:ubnd|hdnd|uy ban nhan dan|hoi dong nhan dan|mttq|mat tran to quoc|dang uy|cong an|"
    r"phuong|xa|thi tran|huyen|tinh|thanh pho|tp\.?|quan|viet nam|ubmttq|"
    # "Giám đốc Sở Tư pháp Trần Văn Minh": a department named between the role and the person
    r"so|phong|cuc|chi cuc|trung tam|benh vien|" + _DEPARTMENTS + r"))*\s*$",
)
# A citizen's role in a file right before the run, without a colon: "chủ TK Châu Ngọc Diễm", "người nhận Lê Văn Tý",
# "bị đơn Trần Thị Hoa" (folded, lower case).
# A party to a contract or a power of attorney: "bên A", "bên cho thuê", "bên được ủy quyền" (folded).
_CONTRACT_PARTY = r"ben (?:[a-d]|mua|ban|cho thue|thue|vay|cho vay|nhan|giao|tang cho|duoc tang cho|uy quyen|duoc uy quyen)"
PERSON_TITLE_BEFORE = re.compile(r"(?<!\w)(?:ông|bà|anh|chị|cô|chú|bác) $")  # "của ông …" (with accents, small letters)
PARTY_LETTER_BEFORE = re.compile(r"(?<!\w)(?i:ben)\s+$")  # "bên A", "Bên B" before a contract party's letter (folded)
ROLE_CUE = re.compile(r"\b(?:chu (?:tk|tai khoan|the|ho|nha|nha tro|xe|dat|thua dat|hop dong|cua hang|quan|cho thue|so tiet kiem)"
                      r"|nguoi (?:nhan|nop|khai|gui|bao tin|lam chung|dai dien|uy quyen|duoc uy quyen|yeu cau|khieu nai|to cao"
                      r"|de nghi|giam ho|thua ke|vay|bao lanh|thue|cho thue|mua|ban|chuyen|bi hai|lien he|phan anh)"
                      r"(?: (?:nha|phong|phong tro|dat|xe|mat bang|ki-?ot|cua hang|hang|hang online))?"  # "người cho thuê nhà …"
                      r"|nguyen don|bi don|duong su|than nhan|benh nhan|hoc sinh|sinh vien|thi sinh|chau be|em be"
                      r"|(?:giao vien|co giao|thay giao|co|thay) chu nhiem"  # "cô giáo chủ nhiệm Hải Yến"
                      r"|nguoi huong|thu huong|nguoi thu huong|ten tai khoan|ten chu tai khoan"
                      # a person by what they are to the office or the family: "người có công", "hội viên", "con trai"
                      r"|nguoi (?:benh|co cong|cao tuoi|khuyet tat|lao dong|thue tro|o tro|tam tru|nuoc ngoai|di cu|nha)"
                      r"|(?:hoi|doan|dang|thanh|xa|hoc|hoi) vien|can bo|cong chuc|vien chuc|nhan vien|giao vien|cong dan"
                      r"|khach(?: hang| luu tru| du lich| thue)?|con (?:trai|gai|re|dau|nuoi)|chu ho"
                      r"|" + _CONTRACT_PARTY + r")(?: la)?\s*$")  # "người liên hệ là Mới", "bên B Vương Văn Hòa"
# Community roles (not public offices) right before a name: "Trưởng thôn Giàng A Pháo", "tổ trưởng Lan" (folded).
COMMUNITY_ROLE = re.compile(r"\b(?:truong (?:thon|ban|xom|ap|buon|khu|ho|lang)|to truong|to pho|gia lang|truong ho toc"
                            r"|cong tac vien|y te thon|nhan vien y te thon|thon doi truong)\s*$")
# Words without which the two patterns above cannot match (a cheap test first).
_ROLE_HINTS = ("chu ", "nguoi ", "don ", "duong su", "than nhan", "benh nhan", "sinh ", "be ", "huong", "ten ", "vien ", "can bo",
               "cong chuc", "cong dan", "khach", "con ", "ben ")
_COMMUNITY_HINTS = ("truong", "to pho", "gia lang", "cong tac vien", "y te", "doi truong")
# Apps, brands and services that follow "bạn", "anh" … in a sentence ("Kết bạn Zalo", "nhắn anh Facebook"), folded.
BRANDS = frozenset("""zalo facebook fb messenger viber telegram tiktok youtube google gmail momo zalopay vnpay shopee lazada
tiki grab gojek vneid icloud iphone samsung oppo xiaomi honda yamaha viettel vinaphone mobifone vietnamobile vnpt fpt evn
internet wifi bluetooth excel word powerpoint chatgpt gemini copilot visa master mastercard jcb amex napas platinum booking agoda
airbnb traveloka paypal western union vietcombank vietinbank bidv agribank techcombank mbbank acb vpbank sacombank tpbank hdbank
shb vib ocb seabank msb eximbank kienlongbank lpbank bacabank namabank abbank pvcombank scb baovietbank""".split())
# Words of a legal reference that a title may precede ("giúp em Điều 15", "em Nghị định 154/2024"), folded.
DOC_HEADS = frozenset("dieu khoan diem chuong muc luat nghi thong quyet cong hien bo phu mau to".split())
# … followed by a number or by the second word of the reference in small letters ("Công văn", not "Công Văn Minh").
_DOC_TAIL = re.compile(r"\s*(?:\d|(?:định|quyết|tư|luật|lục|văn|pháp|trình|dinh|quyet|tu|luat|luc|van|phap|trinh)\b)")
# Family names typed bare at the end of a name in Western order ("Minh Anh Nguyen"), common enough to tell.
WESTERN_SURNAMES = frozenset("nguyen tran le pham hoang huynh phan vu vo dang bui do ngo duong ly dinh truong".split())
# "Họ tên:", "Người khai:", "Chủ hộ:", "HỌ TÊN CHỦ HỘ:" … just before the run.
# "Nguyễn Thị Hoa, Chủ tịch UBND phường …": the role right after the name.
OFFICE_AFTER = re.compile(
    r"\s*[,(-]\s*(?:Chu tich|Pho Chu tich|Bi thu|Pho Bi thu|Truong Cong an|Giam doc|Chanh van phong|"
    r"Dai bieu Quoc hoi|Thu tuong|Bo truong)\b"
)
LABEL_BEFORE = re.compile(
    r"\b(?:ho(?: va)? ten|ten|nguoi [a-z ]{2,24}|chu ho|chu tai khoan|danh sach|doi tuong|nguoi"
    r"|" + _CONTRACT_PARTY + r")"
    r"[a-z ]{0,24}:\s*$"
)
VILLAGE_AFTER = re.compile(
    r"\s*,?\s*(?:(?:o|tai|thuoc)\s+)?(?P<v>(?:ban|thon|xom|ap|buon|plei|lang)\s+[A-Z][a-z]*(?:\s+[A-Z][a-z]*){0,2})"
)

_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?(?:-[a-z]+(?![\w-]))?")  # "H'Bia", "Ji-yeon"
# "Ông Tùng và Bách", "các ông Tùng, Bách": a capitalised run right after a name, joined by "," or "và".
_JOINED = re.compile(r"\s*(?:,|và|va|hoặc|hoac)\s*$|\s*,\s*(?:và|va)\s*$|\s+(?:là|la)\s+$")
# Words that never start a person's name joined to a list of names (folded).
NOT_JOINED = frozenset("""
dieu khoan luat nghi quyet dinh thong tu chuong muc phu luc can cu ubnd hdnd dang doan hoi to
phat thien thuong liet cuu dai giao chien nghe nha nguoi me
""".split())
# A name typed in lower case after a form label: "Họ và tên: trần thị bình".
LOWER_AFTER_LABEL = re.compile(r"\b(?:ho(?: va)? ten|ten)(?: [a-z]+){0,3} ?: ?(?P<n>[a-z]+(?: [a-z]+){1,4})")
# Words that end a lower-case name (folded, or as typed for "năm" which folds to the given name "Nam").
NAME_STOP = frozenset("sinh ngay o tai tru que dia so cccd cmnd dt sdt nghe gioi dan quoc la va con vo chong".split())
_COLON = re.compile(r" *:")


def _is_cap(word: str) -> bool:
    return word[0].isupper() and (word[1:].islower() or word.isupper() or len(word) == 1 or "'" in word)


def _bare(word: str) -> bool:
    return word.isascii()


def _in(word: str, accented: frozenset[str], bare: frozenset[str], bare_text: bool = True) -> bool:
    """`word` in a word list: with its diacritics, or folded when typed bare (in a sentence typed bare)."""
    low = word.lower()
    return low in accented or (bare_text and _bare(word) and low in bare)


def _title(word: str, bare_text: bool) -> bool:
    """A title or kinship word; its bare spelling ("ba", "chi") counts only in text typed bare."""
    low = word.lower()
    return low in TITLES or (bare_text and low in TITLES_BARE)


def _style(word: str) -> str:
    if len(word) == 1 or "'" in word:
        return "any"
    return "upper" if word.isupper() else "title"


def _place(word: str, folded: str, bare_text: bool = True) -> bool:
    """A place or institution word; its bare spelling ("cho" = chợ) counts only in text typed bare."""
    low = word.lower()
    return low in PLACE_WORDS or (bare_text and _bare(word) and folded.lower() in PLACE_WORDS_BARE)


def find_names(text: str, folded: str | None = None) -> list[tuple[str, int, int]]:
    """("NAME" | "ADDRESS", start, end) for each person's name (and attached village) in `text` (`folded`: the
    same text with diacritics removed, when the caller has it)."""
    folded = strip_diacritics_aligned(text) if folded is None else folded
    words = [(m.start(), m.end()) for m in _WORD.finditer(folded)]
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(words):
        s, e = words[i]
        if not _is_cap(text[s:e]):
            i += 1
            continue
        # the run of capitalised words separated by spaces only, all in one style (Title or CAPS)
        j = i
        style = _style(text[s:e])
        while j + 1 < len(words):
            ns, ne = words[j + 1]
            gap = text[words[j][1]:ns]
            if gap not in (" ", "\u00a0") or not _is_cap(text[ns:ne]):
                break
            nxt = _style(text[ns:ne])
            if "any" not in (style, nxt) and nxt != style:
                break
            style = nxt if style == "any" else style
            j += 1
        if j > i + 1 and folded[s:e].lower() == "ben" and words[i + 1][1] - words[i + 1][0] == 1:
            i, s, e = i + 1, *words[i + 1]  # "Bên A Nguyễn …" opening a sentence
        if j > i and e - s == 1 and PARTY_LETTER_BEFORE.search(folded, max(0, s - 8), s):
            i, s, e = i + 1, *words[i + 1]  # "bên A Vương Thị Hạnh": the party's letter, then the name
        run = words[i : j + 1]
        found = _judge(text, folded, words, i, run)
        i0, i = i, j + 1
        if found is None and out and out[-1][0] == "NAME" and _title_before_pos(text, out[-1][1]):
            found = _joined(text, folded, run, out[-1][2])
        if found is None and len(run) >= 4:
            found = _caps_inner(text, run)
            if found is not None and found[1] < run[-1][1]:
                i = next(k for k in range(i0, j + 1) if words[k][0] >= found[1])  # the rest of a heading may hold another name
            found = found or _name_after_origin(text, run)
        if (found is None and len(run) >= 3 and (not text[max(0, run[0][0] - 3):run[0][0]].strip(" \"'(“")
                                                 or re.search(r":\s*[\"“]?\s*$", text[max(0, run[0][0] - 4):run[0][0]]))
                and not text[run[0][0]:run[-1][1]].isupper()
                and not _in(text[run[0][0]:run[0][1]], SURNAMES_VI, SURNAMES_BARE, _bare_context(text, run[0][0]))):
            # "Trẻ Mua Thị Lan …": a word opening the text (or a label's colon: 'Trích đơn: "Tôi Lâm Văn Sáng'), then a name
            found = _judge(text, folded, words, i0 + 1, run[1:])
        if found is None:
            continue
        start, end = found
        out.append(("NAME", start, end))
        v = VILLAGE_AFTER.match(folded, end)
        if v:
            out.append(("ADDRESS", v.start("v"), v.end("v")))
    low = folded.lower()
    for m in LOWER_AFTER_LABEL.finditer(low):
        start = m.start("n")
        kept: list[tuple[int, int]] = []
        for w in re.finditer(r"[a-z]+", low[start:m.end("n")]):
            a, b = start + w.start(), start + w.end()
            if w.group() in NAME_STOP or text[a:b].lower() == "năm" or not text[a:b].islower():
                break
            kept.append((a, b))
        first_word = low[kept[0][0]:kept[0][1]] if kept else ""
        if len(kept) >= 2 and (first_word in SURNAMES_BARE or first_word == "y"):  # Ê Đê: "y bhin mlo"
            out.append(("NAME", kept[0][0], kept[-1][1]))
    taken = sorted((a, b) for _, a, b in out)
    taken_starts = [a for a, _ in taken]
    for m in LOWER_NAME.finditer(low):
        a, b = m.span()
        first, middle, last = (text[x:y] for x, y in (m.span(1), m.span(2), m.span(3)))
        i = bisect.bisect_left(taken_starts, b)
        if not text[a:b].islower() or (i > 0 and taken[i - 1][1] > a):  # an earlier name runs into this one
            continue
        accented = not text[a:b].isascii()
        t = re.search(r"([^\W\d_]+)\s+$", text[max(0, a - 8):a])
        title = t.group(1).lower() if t else ""  # "Em pham thi thu trang xin …": a title opening the sentence
        titled = t is not None and title != "be" and (title in TITLES or (not accented and title in TITLES_BARE))
        name_cue = not accented and first in SURNAMES_BARE and (NAME_CUE_BEFORE.search(low, max(0, a - 24), a) is not None
                                                                or ID_AFTER_BARE.match(low, b) is not None)
        if (last.lower() in LOWER_LAST_STOP or strip_diacritics_aligned(last) in LOWER_LAST_STOP) and not name_cue:
            continue
        cue = re.search(r"(?:^|[.,;:(]\s*|\b(?:cho|gui|moi|cua|ten|la|ho|goi|gap|voi|va|nguoi|danh|ky)\s+)$", low[max(0, a - 8):a])
        if (first, middle) == ("thủy", "văn"):
            continue  # "thủy văn": hydrology
        if (accented and first in SURNAMES_VI and middle in ("văn", "thị", "a", "seo")) or (
                titled and (middle in ("văn", "thị", "a", "seo") or (not accented and middle == "van") or (
                    # bare "thi" is mostly "thì": only between a family name and a word that can end a name
                    not accented and middle == "thi" and first.lower() in SURNAMES_BARE
                    and last.lower() not in LOWER_NAME_STOP | BARE_THI_STOP))) or (
                not accented and cue and first in SURNAMES_BARE and middle == "van") or (  # "cho tran van hung" ("thi" is "thì")
                name_cue):  # "ten nguyen thi …": after "tên", "thi" is Thị
            # a fourth word that ends the text or the clause, or that a verb or linking word follows, belongs to the name
            # ("nguyễn thị thu hằng", "lê thị hồng nhung còn thiếu ảnh")
            four = re.match(r" ([a-z]+)(?=\s*(?:$|[,.;:!?)\n])| ([a-z]+)\b)", low[b:b + 24])
            if (four and text[b + 1:b + 1 + len(four.group(1))].islower() and valid_name(four.group(1))
                    and four.group(1) not in LOWER_NAME_STOP | NAME_STOP | FOURTH_WORD_NEXT
                    and (four.group(2) is None or four.group(2) in LOWER_NAME_STOP | NAME_STOP | FOURTH_WORD_NEXT)):
                b += 1 + len(four.group(1))
            out.append(("NAME", a, b))
    for rx in (ROLE_THEN_NAME, SHORT_TITLE_NAME):
        for m in rx.finditer(folded):
            a, b = m.span("n")
            i = bisect.bisect_left(taken_starts, b)
            if (i > 0 and taken[i - 1][1] > a) or any(x < b and a < y for _, x, y in out[-3:]):
                continue
            if rx is ROLE_THEN_NAME and not (text[m.start():m.start() + len(m.group("t"))].lower() in TITLES
                                             or text[m.start():m.end()].isascii()):
                continue
            if rx is SHORT_TITLE_NAME and not text[max(0, a - 60):b + 60].isascii():
                continue
            if low[a:b] in FAMOUS or low[a:b] in PLACES:
                continue
            out.append(("NAME", a, b))
    out.extend(_structured_names(text, folded, low, out))
    out.extend(_numbered_list_names(text, folded, out))
    return sorted(out, key=lambda t: t[1])


# The numbered entries of a list of people: "Danh sách khen thưởng: 1. Nhôm; 2. Nông Văn Dìn." (folded, capitals kept)
LIST_OF_PEOPLE = re.compile(r"\b(?i:danh sach|ds)\b[^:\n]{0,60}:")
LIST_ENTRY = re.compile(r"(?:^|[:;\n]|,)\s*\d{1,3}[.)]\s+(?P<n>[A-Z][\w']*(?:\s+[A-Z][\w']*){0,3})(?=\s*(?:[;,.\n]|$|\s[-–(]))")


def _numbered_list_names(text: str, folded: str, out: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Each numbered entry of a list headed "Danh sách …:" that reads as a name (given names, or a family name first)."""
    head = LIST_OF_PEOPLE.search(folded) if "sach" in folded or "DS" in folded else None
    if head is None:
        return []
    found = []
    for m in LIST_ENTRY.finditer(folded, head.end() - 1):
        a, b = m.span("n")
        tokens = text[a:b].split()
        bare = text[a:b].isascii()
        if any(x < b and a < y for _, x, y in out) or _is_place(text[a:b]) or _in(tokens[0], NOT_NAME_START, NOT_NAME_START_BARE, bare):
            continue
        if (len(tokens) == 1 and _given_name(tokens[0])) or (len(tokens) >= 2 and _in(tokens[0], SURNAMES_VI, SURNAMES_BARE, bare)
                                                             and all(valid_name(t) for t in tokens[1:])):
            found.append(("NAME", a, b))
    return found


# A Vietnamese syllable (folded): optional initial consonant, a vowel nucleus, optional final. "Linh", "Thảo", "Lợi"
# pass; "Visa", "Google", "Street" do not.
SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
                      r"(?:uye|uya|uoi|uou|ieu|yeu|oai|oay|uay|uoi|uoc|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|"
                      r"ye|[aeiouy])(?:ng|nh|ch|[cmnptiyou])?")
# Short forms of titles in quick messages ("a Hưng ơi, c Thảo nhắn…, e Linh nghỉ"), and English honorifics.
_CAP = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1EF9 + 1)) if c.isupper())
# … with chat forms of the titles ("cj Thảo" for chị, "ck"/"vk" for chồng/vợ) and the Central "O" (cô) opening a sentence
SHORT_TITLE_ANY = re.compile(r"(?:(?<![\w'./-])(?:a|c|e|b|ô|o|cj|ck|vk)|(?:^|(?<=[.!?]\s)|(?<=\n))[OÔ])\s+(?P<n>[" + _CAP
                             + r"][^\W\d_]+(?:\s+[" + _CAP + r"][^\W\d_]+){0,2})")
HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Madam|Mister)\.?\s+(?P<n>[" + _CAP + r"][^\W\d_]+(?:\s+[" + _CAP
                       + r"][^\W\d_]+){0,3})")
# Words before a short title that make it a letter of a list ("điểm a Khoản 2", "phụ lục B"), folded.
NOT_SHORT_TITLE_BEFORE = re.compile(r"\b(?:diem|muc|phu luc|loai|hang|nhom|khoi|lop|to|doi|mau|phan|bang|vitamin|typ|type"
                                    r"|nhom mau|tuyp)\s+$")
# A title typed without its accents in a text with them, after a cue word: "cua chi Huê", "gửi chu Tư", "hỏi co Lan" (folded).
BARE_TITLE_AFTER_CUE = re.compile(r"\b(?:cua|cho|gap|voi|goi|nho|bao|hoi|giup|moi|gui)\s+(?P<t>chi|co|chu|bac|ong|cj)\s+"
                                  r"(?P<n>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\b")
# A person named by their trade or post, then the given name, after a cue word: "token của kế toán Liên", "nhờ thủ quỹ
# Hà", "gặp văn thư Hằng" (folded).
TRADE_THEN_NAME = re.compile(r"\b(?:cua|cho|gap|voi|goi|nho|bao|hoi|giup|moi|gui)\s+(?:(?:anh|chi|co|chu|ba|ong|em)\s+)?"
                             r"(?:ke toan|thu quy|van thu|thu kho|y ta|dieu duong|bac si|giao vien|co giao|thay giao|tai xe"
                             r"|bao ve|le tan|thu ngan|nhan vien|shipper|tho may|tho xay|tho dien|tho sua xe)\s+"
                             r"(?P<n>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\b")
# A name typed in small letters after a cue word, without "văn"/"thị": "hồ sơ của trần minh khoa".
LOWER_CUE_NAME = re.compile(r"\b(?P<c>cua|cho|ten|gap|moi|gui|giup)\s+(?:la\s+)?(?P<n>[a-z]+ [a-z]+ [a-z]+)\b")
LOWER_CUES = frozenset("của cho tên gặp mời gửi giúp".split())
# Family names common enough, and rare enough as ordinary words, to start a name typed in small letters.
LOWER_SURNAMES = frozenset("""nguyễn trần lê phạm hoàng huỳnh phan đặng bùi đinh trịnh trương giàng thào vừ sùng lường
quàng lầu tẩn chảo""".split())
BARE_THI_STOP = frozenset("bi ho giay dong cong phuong xa nguoi phai nen moi cung vay".split())
LOWER_NAME_STOP = frozenset("""da ky chua la va o tai duoc co khong di ve den cho nay kia do roi xong nhe a oi voi cua
se dang can muon xin hoi lam nop gui nhan mot hai ba bon nam sau bay tam chin muoi the nao sao gi ai dau""".split())


def valid_name(word: str) -> bool:
    """The word can be a Vietnamese name syllable (not all capitals); the detector shares this check."""
    w = strip_diacritics_aligned(word).lower()
    return bool(SYLLABLE.fullmatch(w)) and not w.isupper()


# A sentence about a foreigner: a passport, a guest, a nationality ("công dân Hàn Quốc", "khách Lào", "Bên nam:" in a
# marriage form), folded. In it, two to four capitalised words of which one cannot be a Vietnamese syllable are a name
# ("Park Min Soo", "Emma Laurent", "Bounmy Sisavath", "Tanaka Hiroshi").
FOREIGN_CUE = re.compile(r"\b(?:ho chieu|passport|thi thuc|visa|quoc tich|nguoi nuoc ngoai|khach (?:nuoc ngoai|du lich|luu tru|quoc te"
                         r"|tay|lao|han|nhat|trung quoc|my|phap|duc|uc|anh|nga|thai)|cong dan (?:nuoc ngoai|[a-z]+ ?[a-z]*)"
                         r"|ben (?:nam|nu)\s*:|chong|vo|nguoi (?:lao|han|nhat|my|phap|duc|uc|anh|nga|thai|campuchia))\b")
FOREIGN_RUN = re.compile(r"(?<![\w@.])[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?(?: [A-Z][a-z]+(?:-[A-Za-z][a-z]+)?){1,3}(?![\w@])")
TITLE_ASIDE = re.compile(r"(?:\(\s*|[–—-]\s+)(?:ong|ba|anh|chi|co|chu|bac|em|chau|cu|di)\s+(?P<n>[A-Z][a-z]+(?: [A-Z][a-z]+){0,3})"
                         r"\s*(?:\)|$|[,.;]\s|\n)")
HONORIFICS = frozenset("mr mrs ms miss mx dr madam mister".split())
# English words of forms, cards and businesses that open capitalised runs next to a passport ("Passport No", "American Express")
FOREIGN_NOT_NAME = frozenset("""passport no number name names surname given date birth place nationality holder sex card express
american issued issue expiry expires type code country hotel homestay hostel resort villa house street road bank airlines
airport embassy consulate visa""".split())


def _foreign_names(text: str, low: str) -> list[tuple[str, int, int]]:
    """Foreign names in a sentence about a foreigner (see FOREIGN_CUE)."""
    out: list[tuple[str, int, int]] = []
    if not FOREIGN_CUE.search(low) or not re.search(r"ho chieu|passport|khach|quoc tich|nuoc ngoai|thi thuc|visa|cong dan", low):
        return out
    for m in FOREIGN_RUN.finditer(text):
        words = m.group().split()
        folded = [w.lower() for w in words]
        if any(w in BRANDS or w in HONORIFICS or w in FOREIGN_NOT_NAME for w in folded) or all(valid_name(w) for w in words):
            continue
        before = low[max(0, m.start() - 12):m.start()]
        if re.search(r"\b(?:xe|hang|hieu|cong ty|app|ung dung|mang|khach san|homestay|resort|duong|pho"
                     r"|chung cu|toa nha|toa|khu do thi|kdt|khu can ho|can ho|building)\s+$", before):
            continue  # "xe Honda Wave", "khách sạn Green Hill", "chung cư Sky Garden": a make, a business or a building
        out.append(("NAME", m.start(), m.end()))
    return out


def _structured_names(text: str, folded: str, low: str, found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Names found by their structure: a short title or an English honorific before valid Vietnamese syllables,
    and a family name with two more syllables in small letters after a cue word."""
    taken = [(a, b) for _, a, b in found]
    out: list[tuple[str, int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or y <= a for x, y in taken + [(x, y) for _, x, y in out])

    honorific = re.search(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Madam|Mister)\b", text) is not None
    for rx in (SHORT_TITLE_ANY, HONORIFIC) if honorific else (SHORT_TITLE_ANY,):
        for m in rx.finditer(text):
            a, b = m.span("n")
            words = text[a:b].split()
            keep = 0
            for w in words:
                if not valid_name(w) or w.isupper() or w.lower() in PLACE_WORDS or \
                        strip_diacritics_aligned(w).lower() in NOT_JOINED:
                    break
                keep += 1
            if not keep:
                continue
            b = a + len(" ".join(words[:keep]))
            if rx is SHORT_TITLE_ANY and NOT_SHORT_TITLE_BEFORE.search(low[max(0, m.start() - 12):m.start()]):
                continue
            if low[a:b] in FAMOUS or low[a:b] in PLACES or not free(a, b):
                continue
            out.append(("NAME", a, b))
    for rx in (BARE_TITLE_AFTER_CUE, TRADE_THEN_NAME):
        for m in rx.finditer(folded):
            a, b = m.span("n")
            bare_title = rx is TRADE_THEN_NAME or text[m.start("t"):m.end("t")].isascii()  # "chi" typed, not "chi" of a word
            if (bare_title and all(valid_name(w) for w in text[a:b].split()) and low[a:b] not in FAMOUS
                    and not _is_place(text[a:b]) and free(a, b)):
                out.append(("NAME", a, b))
    for m in TITLE_ASIDE.finditer(folded):  # "(chi Thoa)", "– chi Ly": a bare title and a given name set apart
        a, b = m.span("n")
        if all(valid_name(w) for w in text[a:b].split()) and low[a:b] not in PLACES and free(a, b):
            out.append(("NAME", a, b))
    for kind, a, b in _foreign_names(text, low):
        if free(a, b):
            out.append((kind, a, b))
    for m in LOWER_CUE_NAME.finditer(low):
        a, b = m.span("n")
        words = text[a:b].split()
        if (text[a:b].isascii() or not text[a:b].islower() or words[0] not in LOWER_SURNAMES
                or text[m.start("c"):m.end("c")] not in LOWER_CUES):
            continue
        if any(strip_diacritics_aligned(w) in LOWER_NAME_STOP or not valid_name(w) for w in words[1:]):
            continue
        if free(a, b):
            out.append(("NAME", a, b))
    return out


# "anh tổ trưởng Hưng", "chị trưởng thôn Lan": a title, a community role (not a public office), then the name.
ROLE_THEN_NAME = re.compile(
    r"\b(?P<t>anh|chi|ong|ba|co|chu|bac|em)\s+(?:to truong|to pho|truong thon|truong ban|truong xom|truong ap|"
    r"cong an vien|bao ve|thu quy|ke toan|y ta|giao vien|co giao|thay giao|tai xe|hang xom)\s+"
    r"(?P<n>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3})\b")
# In text typed bare and fast, "a"/"c" stand for anh/chị: "gọi lại cho a Cường".
SHORT_TITLE_NAME = re.compile(
    r"\b(?i:cho|goi|gap|voi|cua|nho|bao|hoi|la|va|moi|giup|ho)\s+(?:a|c)\s+(?P<n>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3})\b")


# A name typed all in small letters: "lường văn xuân", "cầm thị phượng", "ông sồng a chơ" (surname and middle
# name with diacritics, or any three words after a title); folded pattern, checked on the original.
LOWER_NAME = re.compile(r"\b([a-z]+) (van|thi|a|seo) ([a-z]+)\b")
# Words that may follow a four-word name typed in small letters ("… hồng nhung còn thiếu", "… thu hằng bị ốm").
FOURTH_WORD_NEXT = frozenset("con bi nho xin muon chua da dang se can phai duoc khong di ve den lam nop gui".split())
# A phone or an ID right after a small-letter name typed bare: "ly thi mai, 0912345678" (there "thi" is Thị).
ID_AFTER_BARE = re.compile(r"\s*[,:;–-]?\s*(?:0\d{2,3}[\s.]?\d{3}|\d{9,12}\b|sdt|dt|cccd|cmnd|sinh|ns)")
# Cue words right before a small-letter name after which "thi" is the middle name Thị, never "thì" (folded).
NAME_CUE_BEFORE = re.compile(r"\b(?:ten|ho ten|ho va ten|chu (?:tk|tai khoan|ho)|ctk|tentk|nguoi (?:nhan|nop|khai|gui)|ten (?:tk|tai khoan))"
                             r"\s*:?\s*$")
LOWER_LAST_STOP = frozenset("""
phòng bản hóa hoá nghệ học thư kiện chương hiến hành trấn xã trường thực chính giác lực tứ nhân minh hóa
""".split()) | frozenset("phong ban hoa nghe hoc thu kien chuong hien hanh tran xa truong thuc chinh giac luc".split())


# Words of a heading in capitals after which a family name begins the person's name: "ĐƠN CỦA ĐỖ MẠNH HÙNG".
CAPS_CUES = frozenset("của cho gửi ông bà anh chị tên là em cháu ký cụ".split())
# Family names that are also everyday words in a heading ("… TRẺ EM VÀ TRÁCH NHIỆM …").
CAPS_STRONG_CUES = frozenset("tên ông bà anh chị em cháu cụ".split())
CAPS_WEAK_SURNAMES = frozenset("và cứ văn ông mai hà kim lâm sơn thông tô la ma vì bạc thân quan ninh cao xa".split())
CAPS_WEAK_BARE = frozenset(strip_diacritics_aligned(w) for w in CAPS_WEAK_SURNAMES)
# The same cues typed bare ("HO TEN TRUONG VAN DUC"), and a household business's or a sole proprietorship's abbreviation.
CAPS_CUES = CAPS_CUES | {"hkd", "dntn"}
CAPS_CUES_BARE = frozenset(strip_diacritics_aligned(w) for w in CAPS_CUES)
CAPS_STRONG_CUES_BARE = frozenset(strip_diacritics_aligned(w) for w in CAPS_STRONG_CUES)
# Words of a heading after which a name in capitals is a street's, a school's or a prize's ("ĐƯỜNG NGUYỄN VĂN CỪ").
CAPS_PLACE_HEADS = frozenset("truong giai hoc bong quy cup le tuong dai benh vien".split())


def _caps_inner(text: str, run: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A name inside a heading typed in capitals: a cue word, then a family name and one to three more words; or, after
    any word but a place's, a known family name, VĂN or THỊ and one or two more words ("CỦA HKD NGUYỄN THỊ TÁM",
    "HO TEN TRUONG VAN DUC" typed bare)."""
    tokens = [text[s:e] for s, e in run]
    if not all(t.isupper() for t in tokens):
        return None
    bare = all(t.isascii() for t in tokens)
    low = [strip_diacritics_aligned(t).lower() if bare else t.lower() for t in tokens]
    cues, strong, surnames = ((CAPS_CUES_BARE, CAPS_STRONG_CUES_BARE, SURNAMES_BARE) if bare
                              else (CAPS_CUES, CAPS_STRONG_CUES, SURNAMES_VI))
    middle = ("van", "thi") if bare else ("văn", "thị")
    for k in range(len(tokens) - 2):
        weak_ok = low[k] in strong and low[k + 2] in middle  # "HỌ TÊN CAO VĂN LÂM"
        if (low[k] in cues and low[k + 1] in surnames and low[k + 1] not in cues
                and (strip_diacritics_aligned(low[k + 1]) not in CAPS_WEAK_BARE or weak_ok)
                and not CAPS_FIELD_WORDS.match(strip_diacritics_aligned(" ".join(low[k + 1:k + 4])))):
            return run[k + 1][0], run[_caps_name_end(low, k + 1, k + 5)][1]
    for k in range(1, len(tokens) - 2):
        if (low[k] in surnames and low[k + 1] in middle and strip_diacritics_aligned(low[k]) not in CAPS_WEAK_BARE
                and strip_diacritics_aligned(low[k - 1]) not in PLACE_WORDS_BARE | CAPS_PLACE_HEADS
                and " ".join(strip_diacritics_aligned(t).lower() for t in tokens[k:k + 4]) not in FAMOUS
                and " ".join(strip_diacritics_aligned(t).lower() for t in tokens[k:k + 3]) not in FAMOUS):
            return run[k][0], run[_caps_name_end(low, k, k + 4)][1]
    return None


# A field's name after "HỌ VÀ TÊN" in a form typed in capitals, not a family name: "HO VA TEN CHU HO: …" (folded).
CAPS_FIELD_WORDS = re.compile(r"(?:chu (?:ho|tai khoan|xe|nha|so huu|dat)|nguoi (?:khai|nhan|gui|nop))\b")
# Words that end a name inside a heading in capitals: "CỤ QUÀNG THỊ ẺM VÀ BÁC PHÙN VĂN SÀI XẢY RA …" (folded).
_CAPS_NAME_STOP = frozenset("va voi cung hoac bac ong ba anh chi co chu cu chau em xay bi da dang duoc la o tai nop xin de".split())


def _caps_name_end(low: list[str], first: int, stop: int) -> int:
    """Index of the last word of a name opening at `first` (at most up to `stop`, exclusive), cut before a linking word or a
    title; the family name and the next two words always stay."""
    last = min(len(low), stop) - 1
    for k in range(first + 3, last + 1):
        if strip_diacritics_aligned(low[k]) in _CAPS_NAME_STOP:
            return k - 1
    return last


# Who a person is by origin, before a place in the same capitalised run: "Người Trung Quốc Vương Lệ Quyên".
ORIGIN_HEADS = frozenset("người nguoi công cong dân dan quốc quoc tịch tich kiều kieu khách khach".split())


def _name_after_origin(text: str, run: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A name after a country or a place said as the person's origin, in one capitalised run ("Người Hàn Quốc Kim
    Min Ji", "Người Trung Quốc Vương Lệ Quyên"): the place words, then two to four words a name may hold."""
    tokens = [text[s:e] for s, e in run]
    k0 = 0
    while k0 < len(tokens) and tokens[k0].lower() in ORIGIN_HEADS:
        k0 += 1
    if not k0:
        return None
    for k in range(k0 + 1, min(len(tokens) - 1, k0 + 4)):
        rest = tokens[k:k + 4]
        if (_is_place(" ".join(tokens[k0:k])) and 2 <= len(rest) and all(valid_name(t) or t.isalpha() for t in rest)
                and (_in(rest[0], SURNAMES_VI, SURNAMES_BARE) or not valid_name(rest[0]))
                and not any(strip_diacritics_aligned(t).lower() in NOT_JOINED | {"va", "xua", "nay"} for t in rest)
                and not _is_place(" ".join(rest)) and strip_diacritics_aligned(" ".join(rest)).lower() not in FAMOUS):
            return run[k][0], run[min(len(run), k + 4) - 1][1]
    return None


def _title_before_pos(text: str, pos: int) -> bool:
    """The word right before `pos` is a title or kinship word ("ông Tùng": the name was found by its title)."""
    m = re.search(r"([^\W\d_]+)\s+$", text[max(0, pos - 12):pos])
    return bool(m) and (m.group(1).lower() in TITLES or (text[max(0, pos - 80):pos].isascii()
                                                         and m.group(1).lower() in TITLES_BARE))


def _joined(text: str, folded: str, run: list[tuple[int, int]], prev_end: int) -> tuple[int, int] | None:
    """A run joined to the name just before it by "," or "và" ("ông Tùng, Bách"), or None."""
    start = run[0][0]
    if start - prev_end > 6 or not _JOINED.match(text[prev_end:start]):
        return None
    run = run[:3]
    tokens = [text[s:e] for s, e in run]
    low = [strip_diacritics_aligned(t).lower() for t in tokens]
    if any(t.isupper() and len(t) > 1 for t in tokens) or low[0] in NOT_JOINED:
        return None
    if (tokens[0].lower() in TITLES or tokens[0].lower() in NOT_NAME_START or _place(tokens[0], low[0])
            or " ".join(low) in PLACES or " ".join(low[:2]) in PLACES or low[0] in PLACES):
        return None
    return start, run[-1][1]


# A famous name given to a living person is known by the identifier right after it ("Lương Thế Vinh, CCCD …").
PERSON_ID_AFTER = re.compile(r"\s*[,(–—-]\s*(?:cccd|cmnd|can cuoc|so dinh danh|sinh|sn|ns|sdt|dt|mst|ho chieu|so dien thoai)\b")


# Labels of identifiers and documents typed in capitals, never a given name (folded).
ID_ABBREVIATIONS = frozenset("mst cccd cmnd cmt sdt dt stk tk bhyt bhxh gplx gks otp pin atm hc kt3 vneid".split())


def _selling(prev: list[str]) -> bool:
    """"bán hàng" (selling, a person's trade) is not "cửa hàng" (a shop, named after its owner)."""
    return re.search(r"\b(?:bán|ban) (?:hàng|hang)\b", " ".join(prev).lower()) is not None


def _prev_words(text: str, words: list[tuple[int, int]], idx: int, n: int) -> list[str]:
    """Up to `n` words before word `idx` in the same clause, original spelling, nearest last."""
    res: list[str] = []
    k = idx - 1
    limit = words[idx][0]
    while k >= 0 and len(res) < n:
        ws, we = words[k]
        gap = text[we:limit]
        if gap.strip(" "):
            break
        res.insert(0, text[ws:we])
        limit = ws
        k -= 1
    return res


def _judge(text: str, folded: str, words: list[tuple[int, int]], idx: int,
           run: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The span of a person's name inside `run` (which starts at word `idx`), or None."""
    label = _COLON.match(text, run[-1][1]) is not None  # "HỌ TÊN:" is a field label, "anh Sáng:" a name
    run = run[:6]
    tokens = [text[s:e] for s, e in run]
    k_first = 1 if len(run) > 1 and _title(tokens[0], True) else 0  # the first word after a title
    low_first = folded[run[k_first][0]:run[k_first][1]].lower()
    titled = lead_word = False
    bare_text = _bare_context(text, run[0][0])
    # a family name typed bare counts in a sentence typed bare, or in a run typed bare ("PHAM VAN LONG"),
    # not in "Ban Chỉ huy" where the word next to it has its diacritics
    bare_run = bare_text or all(t.isascii() for t in tokens)
    # a title at the start of the run ("Ông Giàng A Chống" at the start of a sentence)
    if label and not _title(tokens[0], bare_text) and not _title_before(text, words, idx, bare_text) and not _role_before(
            folded, run[0][0], tokens) and not _ends_with_cua(_prev_words(text, words, idx, 1)):
        return None
    if _not_a_name_phrase(text, folded, run[0][0]):
        return None
    if len(tokens) == 1 and tokens[0].lower() in HONORIFICS:
        return None  # "Mr." alone: the name follows it
    if tokens[-1].isupper() and strip_diacritics_aligned(tokens[-1]).lower() in ID_ABBREVIATIONS and (
            len(tokens) == 1 or _title(tokens[0], True)):
        return None  # "chồng MST 8201…", "vợ CCCD …": the label of an identifier after a kinship word
    if tokens[0] in ("Ban", "BAN") and not bare_text:  # "Ban Thanh tra nhân dân": a board; the family name is "Bàn"
        return None
    if low_first in BRANDS or (low_first in DOC_HEADS and _DOC_TAIL.match(text, run[k_first][1])):
        return None  # "Kết bạn Zalo", "giúp em Điều 15", "em Nghị định 154/2024"
    title_opens = _title(tokens[0], bare_text) and not (  # "ong Chau Sa Ni": after a title, Châu is the family name
        len(run) >= 3 and tokens[0][1:].islower() and _title_before(text, words, idx, bare_text)) and not (
        # "ten CHU VAN QUY", "thang Chu Van Quy": a family name typed bare like a title ("chú"), then Văn / Thị
        len(run) >= 3 and tokens[0].isascii() and strip_diacritics_aligned(tokens[1]).lower() in ("van", "thi")
        and _in(tokens[0], SURNAMES_VI, SURNAMES_BARE, True) and _valid_after_middle(tokens[2]))
    if title_opens:
        if len(run) == 1:
            return None
        if _place_before(text, words, idx):
            return None
        if _famous(" ".join(tokens)):  # "Bà Triệu", "Bác Hồ"
            return None
        run, tokens, titled, idx = run[1:], tokens[1:], True, idx + 1
        if len(tokens) == 1 and _title(tokens[0], bare_text):
            return None  # "TRẺ EM", "Bà Cháu": two kinship words, no name
    elif (len(tokens) >= 3 and strip_diacritics_aligned(tokens[0]).lower() in LEAD_WORDS
          and not _in(tokens[0], SURNAMES_VI, SURNAMES_BARE, bare_run)
          and _in(tokens[1], SURNAMES_VI, SURNAMES_BARE, bare_run or all(t.isascii() for t in tokens[1:]))):
        # "Nhà Bùi Văn Khu ở …": a house named by its owner's full name ("chợ Nguyễn Tri Phương" is still a market)
        lead_word = strip_diacritics_aligned(tokens[0]).lower() == "nha" and strip_diacritics_aligned(tokens[2]).lower() in ("van", "thi")
        run, tokens, idx = run[1:], tokens[1:], idx + 1  # "Hộ Nông Văn Dền": the name after "Hộ"
        bare_run = bare_text or all(t.isascii() for t in tokens)  # "Nhà Bui Van Khu": the name itself typed bare
    middle = len(tokens) >= 3 and strip_diacritics_aligned(tokens[1]).lower() in ("van", "thi")
    if _in(tokens[0], NOT_NAME_START, NOT_NAME_START_BARE, bare_run) and not (
            len(tokens) >= 2 and _in(tokens[0], SURNAMES_VI, SURNAMES_BARE, bare_run)) and not (titled and middle):
        return None
    if len(tokens) > 4 and all(t.isupper() and len(t) > 1 for t in tokens[:5]):
        return None  # five or more words in capitals: a heading ("CHÚ THÍCH CỦA VĂN BẢN HỢP NHẤT"), not a name
    run, tokens = run[:5], tokens[:5]
    start, end = run[0][0], run[-1][1]
    name_folded = folded[start:end].lower()
    orig = text[start:end].split()
    if ((_is_place(" ".join(orig)) or _is_place(orig[0]) or _is_place(" ".join(orig[:2])))
            and not ((titled or PERSON_TITLE_BEFORE.search(text, max(0, start - 6), start))
                     and 2 <= len(orig) <= 3 and all(valid_name(t) for t in orig))):
        return None  # a place, unless a title names a person by it: "của ông Đào Duy Từ", "chị Kim Liên"
    if _not_a_name_phrase(text, folded, start):
        return None
    before = folded[max(0, start - 60):start].lower()
    clause = re.split(r"[.;!?\n()]", before)[-1]
    prev = _prev_words(text, words, idx, 3)
    if not titled and prev:
        last = prev[-1]
        two = strip_diacritics_aligned(" ".join(prev[-2:])).lower().split()
        if _title(last, bare_text) or (
                len(two) == 2 and two[1] in TITLE_TAIL and (_title(prev[-2], bare_text) or two[0] in TITLE_HEAD_EXTRA)):
            titled = True  # "anh Hùng", and "anh trai Hùng", "cô giáo Lan", "bác sĩ Hùng", "ông nội Tư"
            if _famous(last + " " + text[start:end]):
                return None
    role = COMMUNITY_ROLE.search(clause) if not titled and any(w in clause for w in _COMMUNITY_HINTS) else None
    # after "trưởng thôn/bản/họ …" a village's or a clan's name may follow: only a family name with a middle name counts
    village_role = role is not None and role.group().startswith("truong ")
    if role and len(tokens) <= 4 and (
            (_in(tokens[0], SURNAMES_VI, SURNAMES_BARE, bare_run) and len(tokens) >= 3
             and strip_diacritics_aligned(tokens[1]).lower() in ("van", "thi", "a", "seo"))
            or (not village_role and all(valid_name(t) for t in tokens))):
        return start, end  # "Trưởng thôn Giàng A Pháo", "già làng Y Bhim": a person in a community role, not a public office
    if not titled and _role_before(folded, start, tokens) and not _in(tokens[0], NOT_NAME_START, NOT_NAME_START_BARE, bare_run):
        return start, end  # "chủ TK Châu Ngọc Diễm", "người nhận Lê Văn Tý", "người bệnh Kpă Thị Blưn", "con trai Thạch Văn Danh:"
    if not titled and not lead_word and (
            (prev and _place(prev[-1], strip_diacritics_aligned(prev[-1]), bare_text))
            or any(w.lower() in STRONG_PLACE or (w.lower() in COMPANY_BEFORE and not _selling(prev)) for w in prev)):
        return None
    if OFFICE_BEFORE.search(clause) or OFFICE_AFTER.match(folded, end):
        return None
    if not titled and PLACE_PHRASE_BEFORE.search(before):  # "ngã tư Hoàng Minh Giám", "nhà thi đấu Trịnh Hoài Đức"
        return None
    if not titled and STREET_JOINED.search(before):  # "ngã tư đường Tô Hiệu – Chu Văn Thịnh"
        return None
    if titled:
        return start, end
    cue = prev[-2:] if prev and prev[-1].lower() in ("là", "la") else prev[-1:]
    if LABEL_BEFORE.search(clause) or (cue and strip_diacritics_aligned(cue[0]).lower() in NAME_CUES) or NAME_CUE_PHRASE.search(clause):
        if tokens[0].lower() in ("điều", "khoản", "luật", "chương", "mục", "phụ", "nghị", "thông", "điểm"):
            return None  # "tên Điều 53": the title of an article
        if len(tokens) == 1 and name_folded in RELATION_WORDS:
            return None  # "QUAN HỆ VỚI CHỦ HỘ: CON", "Giới tính: Nam": a field's value, not a name
        return start, end
    if (2 <= len(tokens) <= 4 and tokens[-1].isascii() and tokens[-1].lower() in WESTERN_SURNAMES
            and all(valid_name(t) for t in tokens[:-1]) and not _in(tokens[0], NOT_NAME_START, NOT_NAME_START_BARE, bare_run)
            and not any(_place(t, strip_diacritics_aligned(t), bare_text) for t in tokens)):
        return start, end  # "Minh Anh Nguyen": given names first, the family name typed bare at the end
    if prev and prev[-1].lower() in ("là", "la") and len(prev) >= 2 and (
            _in(prev[-2], IS_NAME_AFTER, IS_NAME_AFTER_BARE, bare_text)):
        return start, end  # "tôi là Dũng", "vợ anh là Hoa", "con trai ông Sáu là Tý"
    low = [strip_diacritics_aligned(t).lower() for t in tokens]
    for k in range(len(tokens) - 1 if low[0] not in HIGHLAND_PLACE_START else 0):
        # Ê Đê / Jrai given names: "Y Bhim Niê", "Nay Y Blang", "H'Zin Byă"
        if (low[k] == "y" and low[k + 1] not in NOT_Y_NAME) or (low[k].startswith("h'") and len(low[k]) > 2):
            return start, end
    if len(tokens) >= 2 and _in(tokens[0], SURNAMES_VI, SURNAMES_BARE, bare_run):
        if name_folded in FAMOUS and not PERSON_ID_AFTER.match(folded.lower(), end):
            return None
        return start, end
    # an unlisted family name: three or four capitalised syllables with "Văn"/"Thị" (or "Seo") second ("Ôn Thị Hạnh")
    if (3 <= len(tokens) <= 4 and low[1] in ("van", "thi", "seo") and low[2] not in LOWER_LAST_STOP
            and not _place(tokens[0], low[0], bare_text) and low[0] not in LEAD_WORDS
            and not _in(tokens[0], NOT_NAME_START, NOT_NAME_START_BARE, bare_run) and name_folded not in FAMOUS):
        return start, end
    # "số CMND 236-599-665 của Xuân", "Mã số BHXH của Pẻo", "đơn của Bích": the owner of an identifier or a paper
    if (_ends_with_cua(prev) and len(tokens) <= 3 and OWNED_BEFORE.search(before)
            and all(_given_name(t) for t in tokens) and low[0] not in NOT_JOINED
            and not _in(tokens[0], NOT_NAME_START, NOT_NAME_START_BARE, bare_run) and tokens[0].lower() not in OWNER_OFFICE_HEADS
            and not any(_place(t, strip_diacritics_aligned(t), bare_text) for t in tokens)):
        return start, end
    # "Gửi file cho Lạng qua quachlang1975 a còng …", "gửi Tuấn qua Zalo": the one a message goes to
    if (prev and strip_diacritics_aligned(prev[-1]).lower() in ("cho", "gui") and len(tokens) <= 3 and CONTACT_AFTER.match(folded.lower(), end)
            and all(_given_name(t) for t in tokens) and not _in(tokens[0], NOT_NAME_START, NOT_NAME_START_BARE, bare_run)
            and tokens[0].lower() not in OWNER_OFFICE_HEADS and not any(_place(t, strip_diacritics_aligned(t), bare_text) for t in tokens)):
        return start, end
    # "Hộ kinh doanh Bích", "hộ kinh doanh Lương Văn Tạo": a household business named by its head (not "… Phở Thìn")
    if (re.search(r"\bho kinh doanh(?: ca the)?\s*$", clause) and not _in(tokens[0], NOT_NAME_START, NOT_NAME_START_BARE, bare_run)
            and ((len(tokens) == 1 and valid_name(tokens[0])) or (len(tokens) >= 2 and _in(tokens[0], SURNAMES_VI, SURNAMES_BARE, bare_run)))):
        return start, end
    # "vợ của Tuấn", "con của chị Hoa": a kinship word and "của" before the run
    if (len(prev) >= 2 and _ends_with_cua(prev) and _title(prev[-2], bare_text)
            and len(tokens) <= 4 and low[0] not in NOT_JOINED and not _in(tokens[0], NOT_NAME_START, NOT_NAME_START_BARE)):
        return start, end
    return None


# A person's identifier or paper, then "của" (folded, up to 60 characters before the name: an ID's dots do not cut it): "cmnd cũ số 236-599-665 của ",
# "ô chứng minh nhân dân của ", "ma so thue 313 986 1610 cua ", "Số thẻ ATM của ", "đơn của ".
OWNED_BEFORE = re.compile(r"\b(?:cccd|cmnd|cmt|chung minh(?: nhan dan| thu)?|can cuoc(?: cong dan)?|so dinh danh|ho chieu"
                          r"|ma so thue|mst|bhxh|bhyt|the atm|the ngan hang|the bao hiem(?: [a-z]+){0,2}|tai khoan|stk"
                          r"|so dien thoai|sdt|giay khai sinh|ngay sinh|don|ho so|bang lai|giay phep lai xe|gplx)"
                          r"(?: [a-z]+){0,3}(?: [\w./-]*\d[\w./-]*){0,4} cua\s*$")
# A message's channel right after the one it goes to (folded): " qua email …", " qua Zalo", " qua abc a cong gmail …".
CONTACT_AFTER = re.compile(r"\s+qua\s+(?:(?:dia chi\s+)?(?:email|e-mail|mail|gmail|zalo|so dien thoai|sdt)\b"
                           r"|[\w.-]+\s*(?:@|\(at\)|a cong\b))")
# … unless an office owns it: "Số tài khoản của Phòng Tài chính", "tài khoản của Quỹ Khuyến học".
OWNER_OFFICE_HEADS = frozenset("phòng quỹ kho ngân trung trạm chi văn bệnh xã phường thôn bản hợp đội ban thư".split())


def _given_name(word: str) -> bool:
    """A Vietnamese given name, or an Ê Đê / Jrai one opening with "H'" ("H'Nhi", "H'Hen")."""
    return valid_name(word) or (word[:2] in ("H'", "h'") and len(word) > 3 and valid_name(word[2:]))


def _valid_after_middle(word: str) -> bool:
    return valid_name(word) and strip_diacritics_aligned(word).lower() not in LOWER_LAST_STOP


def _role_before(folded: str, start: int, tokens: list[str]) -> bool:
    """A citizen's role right before a name of up to four capitalised words, not in capitals ("người có công …")."""
    clause = re.split(r"[.;!?\n()]", folded[max(0, start - 60):start].lower())[-1]
    structured = len(tokens) >= 3 and strip_diacritics_aligned(tokens[1]).lower() in ("van", "thi", "a", "seo")
    return (len(tokens) <= 4 and any(w in clause for w in _ROLE_HINTS) and ROLE_CUE.search(clause) is not None
            and (re.search(r"(?<![\w-])hoc vien\s*$", clause) is None or clause.islower())  # "Học viện Chính trị": a school
            and (structured or not any(t.isupper() and len(t) > 1 for t in tokens)) and (structured or all(valid_name(t) for t in tokens)
                 or (len(tokens) >= 2 and _in(tokens[0], SURNAMES_VI, SURNAMES_BARE))
                 or (len(tokens) >= 2 and (tokens[0] == "Y" or tokens[0].startswith("H'"))))  # Ê Đê, Jrai: "Y Blăk Mlô"
            and not DEPARTMENT_AT.match(folded, start))  # "công chức Tư pháp – Hộ tịch": a field of work


def _ends_with_cua(prev: list[str]) -> bool:
    """The words before a run end with 'của': "Số thẻ ATM của Đặng Văn Lợi: …" names the owner (not a field label),
    "đơn của Bích", "vợ của Tuấn"."""
    return bool(prev) and strip_diacritics_aligned(prev[-1]).lower() == "cua"


def _title_before(text: str, words: list[tuple[int, int]], idx: int, bare_text: bool) -> bool:
    prev = _prev_words(text, words, idx, 1)
    return bool(prev) and _title(prev[-1], bare_text)


def _place_before(text: str, words: list[tuple[int, int]], idx: int) -> bool:
    prev = _prev_words(text, words, idx, 1)
    return bool(prev) and _place(prev[-1], strip_diacritics_aligned(prev[-1]), _bare_context(text, words[idx][0]))


def _bare_context(text: str, pos: int) -> bool:
    """True when the sentence around `pos` is typed without diacritics."""
    left = re.split(r"[.;!?\n]", text[max(0, pos - 80):pos])[-1]
    right = re.split(r"[.;!?\n]", text[pos:pos + 80])[0]
    return (left + right).isascii()
