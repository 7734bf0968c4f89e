"""Sensitive personal data (health, criminal record, religion, sexual life, biometrics) tied to a person.

Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 (in force from 01/01/2026), Điều 2, splits personal data into
basic and sensitive data; the Government lists the sensitive categories. Health, criminal records,
religious belief, sexual life and orientation, and biometric data are the ones a ward office meets most;
ethnic origin, political views, genetic data, debts and balances, and tracked location are found too.
A phrase counts only when a person is named or identified in the same sentence ("ông Tám đang điều
trị lao phổi", "CCCD … chạy thận"), pointed at ("vợ tôi", "anh ấy", "đối tượng"), or is the subject of
a sentence that opens with a bare title right after one that names them ("… bà Vân. Bà đang nợ …");
statistics about a group ("phường có 23 người nhiễm HIV"), the wording of laws ("người mắc bệnh tâm
thần") and clauses about a thing ("Ô tô … bị phạt nguội") pass. A blood group alone is not taken as health
data (the superseded Nghị định 13/2023/NĐ-CP excluded it; the list under the 2025 law was not checked for this).
"""

from __future__ import annotations

import bisect
import re

from course.text import strip_diacritics_aligned

# Category → (Vietnamese label, generalised wording sent instead when the policy is "generalise").
CATEGORIES: dict[str, tuple[str, str]] = {
    "health": ("tình trạng sức khoẻ", "có vấn đề sức khoẻ"),
    "criminal": ("tiền án, tiền sự, án hình sự", "có vấn đề liên quan đến pháp luật"),
    "religion": ("tôn giáo, tín ngưỡng", "có tín ngưỡng riêng"),
    "sexual": ("đời sống tình dục, xu hướng tính dục", "có thông tin đời tư"),
    "biometric": ("dữ liệu sinh trắc học, di truyền", "có dữ liệu sinh trắc"),
    "genetic": ("dữ liệu di truyền, quan hệ huyết thống", "có kết quả giám định"),
    "ethnic": ("nguồn gốc dân tộc", "thuộc diện chính sách dân tộc"),
    "finance": ("thông tin tài chính, nợ vay", "có khoản vay cần xử lý"),
    "political": ("quan điểm chính trị", "có quan điểm riêng"),
    "location": ("lịch sử vị trí, di chuyển", "có thông tin về nơi đã đến"),
}

# Patterns on folded, lower-case text (so typed-bare text is caught the same way).
# Up to a few more words of the illness ("giai đoạn cuối", "sau sinh"), stopping at a linking word.
_MORE = r"(?: (?!(?:nen|va|tai|o|de|nhung|thi|ma|nho|can|xin|khi|roi|la|vi|duoc|cho|voi|tu|sau khi|da|dang)\b)[a-z]+)"
_DISEASE = (
    r"(?:hiv|aids|sida|lao(?: phoi| hach| mang nao)?|ung thu" + _MORE + r"{0,4}|viem gan(?: [a-z])?|"
    r"tieu duong|dai thao duong|tam than|tram cam(?: sau sinh)?|tu ky|bai nao|dong kinh|phong(?! toa)|giang mai|"
    r"benh lau|dot quy|tai bien(?: mach mau nao)?|liet(?: nua nguoi| hai chan| toan than)?|suy than|"
    r"roi loan tam than|roi loan (?:luong cuc|lo au|nhan cach|phat trien)|tam than phan liet|thieu nang(?: tri tue)?|"
    r"tang dong|adhd|thalassemia|tan mau(?: bam sinh)?|mau kho dong|hemophilia|"
    r"tay chan mieng|thuy dau|quai bi|bach hau|ho ga|uon van|rubella|cum a(?: ?h\d ?n\d)?|hiv duong tinh|sot ret|sui mao ga|benh xa hoi|ma tuy|nghien|covid(?:-19)?|"
    r"than nhan tao|hen suyen|xo gan|alzheimer|parkinson|down|hoi chung down|suy tim|benh tim|tim mach|"
    r"cao huyet ap|benh phoi|bai liet|mu|diec|cam diec|thieu mau|suy giam tri nho)(?: do [1-4])?"
)
# The 54 ethnic groups' names as officials write them (folded), for "người dân tộc Mông".
ETHNIC = ("kinh|tay|thai|muong|khmer|hoa|nung|mong|hmong|h'mong|dao|gia rai|jrai|e de|ede|ba na|xo dang|san chay|"
          "co ho|cham|san diu|hre|mnong|m'nong|ra glai|raglai|xtieng|bru van kieu|tho|giay|co tu|gie trieng|kho mu|"
          "ta oi|cho ro|khang|xinh mun|ha nhi|chu ru|lao|la chi|la ha|phu la|la hu|lu|lo lo|chut|mang|pa then|"
          "co lao|cong|bo y|si la|pu peo|brau|o du|ro mam|van kieu|pa ko|ma coong|ruc|cham bani|cham ba ni|cham hroi|"
          "cham h'roi|khmer krom|cham ba-ni|ba-na|gia-rai|xo-dang|e-de|ra-glai|h-mong|"
          # the same peoples in their own or older spellings: "K'Ho", "Kơ Ho", "Cơ-tu", "Bahnar", "X'Tiêng"
          "k'ho|ko ho|koho|co-ho|co-tu|ta-oi|chu-ru|cho-ro|gie-trieng|bahnar|sedang|x'tieng|s'tieng|ca dong|thieu so")
PATTERNS: dict[str, re.Pattern[str]] = {
    "health": re.compile(
        r"\b(?:(?:dang |da |tung )?(?:dieu tri|chua tri|dieu tri benh)(?: benh)? [a-z]+" + _MORE + r"{0,3}"
        r"|(?:dang |da |tung )?(?:bi|mac|mac chung|mac benh|nhiem|duong tinh voi|co benh|co bieu hien|co dau hieu"
        r"|duoc chan doan(?: (?:la|mac|bi))?|chan doan(?: (?:la|mac|bi))?|phat hien (?:bi|mac))(?: benh| chung)? " + _DISEASE
        + _MORE + r"{0,3}"
        r"|nhiem " + _DISEASE
        + r"|(?:dang |phai )?chay than(?: nhan tao)?|loc mau"
        r"|(?:dang |da )?cai nghien(?: ma tuy)?|nghien (?:ma tuy|heroin|ruou nang)"
        r"|(?:dang )?mang thai|co thai|pha thai|say thai"
        r"|(?:la )?(?:thuong binh|benh binh)(?: hang)? [1-4]/[34]"  # a war invalid's grade tells the injury
        r"|(?<!muc do )(?:bi |la nguoi )?khuyet tat(?: (?:van dong|than kinh|tri tue|nghe noi|nhin|tam than|dac biet"
        r"|nang|nhe|bam sinh))*"
        r"|mat (?:[a-z]+ )?ngon (?:tay|chan)(?: [a-z]+){0,2}|cut (?:tay|chan)|duong tinh voi [a-z]+(?: [a-z])?"
        r"|su dung trai phep chat ma tuy"
        r"|(?:co )?ket qua xet nghiem(?: [a-z0-9]+){0,3} (?:duong tinh|am tinh)(?: voi [a-z0-9]+)?"
        r"|xet nghiem(?: [a-z0-9]+){1,2} duong tinh"
        r"|(?:bi )?(?:mu|diec|liet|cut|hong|mat) (?:mot|hai|ca hai|ca|mot ben|hai ben) (?:mat|tai|chan|tay|ben)"
        r"(?: (?:do|vi|sau) [a-z]+(?: [a-z]+){0,4})?"
        r"|(?:dang )?(?:dieu tri|kham|nam vien|dieu tri noi tru) (?:tai|o) (?:benh vien|khoa) (?:tam than|lao|phong|ung buou"
        r"|nhiet doi|tam than kinh)(?: [a-z]+){0,2})\b"
    ),
    "criminal": re.compile(
        r"\b(?:(?:co|tung co) (?:\d+ |mot |hai |ba )?tien (?:an|su)(?: ve toi(?: [a-z]+){1,5})?"
        r"|(?:vua |da |dang )?chap hanh (?:xong )?an(?: phat)?(?: treo| tu)?(?: \d+ (?:nam|thang))?"
        r"|(?:bi |lanh |chiu )?(?:muc )?an (?:\d{1,2}|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi|muoi [a-z]+) (?:nam|thang) tu(?: treo)?"
        r"(?: (?:ve|vi) (?:toi|hanh vi)(?: [a-z]+){1,5})?"  # "án 7 năm tù về tội mua bán người"
        r"|an treo|an phat tu|(?:tung |da )?bi phat tu(?: [a-z0-9]+){0,5}|(?:dang )?bi quan che"
        r"|(?:tung |da )?bi xu phat(?: hanh chinh)? ve (?:hanh vi|toi)(?: [a-z]+){1,3}"
        r"|(?:tung |da |moi |vua )?(?:di tu|ngoi tu|o tu|ra tu|man han tu)"
        r"|(?:dang )?bi (?:truy na|khoi to|tam giam|tam giu|bat giam|ket an|xu tu)(?: (?:ve|vi) (?:toi|hanh vi)(?: [a-z]+){1,5})?"
        r"|(?:dang )?cai tao khong giam giu|duoc dac xa"
        r"|(?:co|con|chua duoc xoa|duoc xoa|xoa) an tich(?: ve (?:toi|hanh vi)(?: [a-z]+){1,5})?"
        r"|(?:dang |da |vua )?(?:duoc )?tha tu(?: truoc thoi han)?(?: co dieu kien)?"
        r"|(?:dang |da |tung )?bi (?:ap dung|dua vao) (?:bien phap )?(?:giao duc tai (?:xa|phuong|xa phuong|xa, phuong)"
        r"|truong giao duong|co so giao duc bat buoc|co so cai nghien(?: bat buoc)?|quan ly tai gia dinh)"
        r"(?: (?:vi|ve|do) (?:toi |hanh vi )?[a-z]+(?: [a-z]+){0,3})?"
        r"|(?:dang )?(?:bi )?quan ly (?:sau cai|tai dia phuong|theo nghi dinh)"
        r"|(?:tung )?bi (?:bat|tam giu|xu ly hinh su) (?:vi|ve) (?:toi )?[a-z]+(?: [a-z]+){0,3})\b"
    ),
    "religion": re.compile(
        r"\b(?:theo (?:dao|dao [a-z]+(?: [a-z]+){0,2}|cong giao|phat giao|tin lanh|hoi giao|cao dai|hoa hao)"
        r"|la tin do(?: [a-z]+){0,3}|(?:la )?giao dan(?: [a-z]+){0,2}|la phat tu|la (?:chuc sac|linh muc|muc su)"
        r"(?: [a-z]+){0,2})\b"
    ),
    "sexual": re.compile(r"\b(?:(?:la )?(?:nguoi )?(?:dong tinh|song tinh|chuyen gioi)(?: nam| nu)?|lgbt)\b"),
    "biometric": re.compile(r"\b(?:(?:mau|du lieu|anh) (?:van tay|mong mat|adn|dna)|ket qua xet nghiem adn"
                            r"|(?:xet nghiem|giam dinh) (?:adn|dna) (?:cha con|me con|huyet thong|anh em|ho hang)"
                            r"|khong (?:thu|lay) (?:duoc )?van tay)\b"),
    # paternity is genetic data only when a DNA test is in the same sentence (filtered in find_sensitive)
    "genetic": re.compile(r"\b(?:la )?(?:cha|me|bo) (?:de|ruot) cua(?: [a-z]+){0,2}\b"),
    "ethnic": re.compile(r"\b(?:(?:la )?(?:nguoi )?dan toc (?:" + ETHNIC.replace("|thieu so", "") + r")|la (?:nguoi )?dan toc thieu so)\b"),
    "finance": re.compile(r"\b(?:(?:dang )?(?:co )?no xau(?: nhom [1-5])?|(?:dang )?no (?:ngan hang|tien vay|vay|qua han"
                          r"|tin dung den|tin dung|lai nang|nong|nang lai|\d+ (?:trieu|ty))"
                          r"(?: [a-z0-9]+){0,6}|vo no|bi doi no|no nan chong chat|(?:bi )?siet no)\b"),
    "political": re.compile(r"\b(?:(?:hay |thuong |tung |da |dang )?(?:dang bai|phat tan|chia se|viet bai|tham gia|ung ho"
                            r"|lien he voi|co lien he voi|co quan diem|co tu tuong)(?: [a-z]+){0,3} (?:chong doi|chong pha"
                            r"|phan dong|ly khai|xuyen tac|doi lap|bieu tinh)(?: [a-z]+){0,5}"
                            r"|(?:la )?thanh vien (?:cua )?(?:to chuc|dang) (?:phan dong|doi lap|khong duoc phep)(?: [a-z]+){0,3}"
                            r"|co quan diem chinh tri(?: [a-z]+){0,4}"
                            # a sanction for one's politics: "đảng viên bị khai trừ vì quan điểm chính trị"
                            r"|(?:(?:la )?dang vien )?(?:bi (?:khai tru|ky luat|cach chuc|xoa ten|duoi viec|bat|giam)(?: khoi dang)? )?"
                            r"(?:vi|do) (?:quan diem|tu tuong|hoat dong|ly do|van de) chinh tri(?: [a-z]+){0,3})\b"),
    "location": re.compile(r"(?:\b(?:toi|sang|chieu|dem|trua)(?: (?:ngay )?\d{1,2}/\d{1,2})?|\b\d{1,2} ?(?:h|gio)(?:\d{2})?)"
                           r"(?: (?:co mat|da|di|o lai|do|dau|nghi|ngu|xuat hien|dung|vao))? (?:o|tai|ve|den|toi) [a-z0-9][a-z0-9 ]{2,45}"
                           r"(?: den \d{1,2} ?(?:h|gio)(?: sang| toi| chieu| dem)?)?"),
}
# A sexual-life fact about a named person.
PATTERNS["sexual"] = re.compile(PATTERNS["sexual"].pattern[:-3] + r"|ngoai tinh|co quan he ngoai (?:hon|luong|gia thu)"
                                r"(?: [a-z]+){0,4}|quan he ngoai (?:hon|luong)|co nhan tinh|nhan tinh cua|song thu|mai dam|ban dam"
                                r"|(?:da |vua )?(?:chuyen doi|xac dinh lai) gioi tinh)\b")  # gender identity (Law 91/2025)
# Genetic data: a gene or hereditary disease carried by the person ("mang gen bệnh tan máu bẩm sinh").
PATTERNS["genetic"] = re.compile(r"\b(?:(?:la )?(?:cha|me|bo) (?:de|ruot)(?: cua)?(?: [a-z]+){0,2}|mang gen(?: benh)?(?: [a-z]+){1,5}"
                                 r"|(?:ket qua )?xet nghiem gen(?: [a-z]+){0,3}|(?:mac |bi )?benh di truyen(?: [a-z]+){0,3}"
                                 # kinship a test settles: "không cùng huyết thống với …", "không phải con đẻ của …"
                                 r"|(?:khong )?(?:cung|co) (?:quan he )?huyet thong(?: voi)?(?: [a-z]+){0,3}"
                                 r"|khong phai (?:la )?(?:cha|me|bo|con) (?:de|ruot)(?: cua)?(?: [a-z]+){0,2})\b")
PATTERNS["biometric"] = re.compile(PATTERNS["biometric"].pattern[:-3]
                                   + r"|(?:bi )?(?:bong |mon )?mat (?:het )?van tay(?: (?:ca )?(?:hai )?ban tay)?"
                                   r"|van tay (?:bi |da )?(?:mon|mat|bong|hong|mo)(?: het)?"
                                   r"|khong (?:thu|lay|quet|nhan) (?:duoc )?(?:van tay|mong mat|khuon mat|sinh trac(?: hoc)?))\b")
# Each word of a group's name capitalised ("Gia Rai", "Ba Na", "Xơ Đăng"), and the first word only ("Gia rai").
_TITLE_ETHNIC = sorted({f(w) for w in ETHNIC.split("|") if w != "thieu so"
                        for f in (str.capitalize, lambda w: " ".join(p.capitalize() for p in w.split()))}, key=len, reverse=True)
# A parent or spouse right before the origin, without "là": "có bố người Tày, mẹ người Kinh" ("ba"/"ông" left out:
# "ba người Kinh" counts three people).
KIN_BARE = r"(?:co )?(?:cha|me|bo|vo|chong|ong noi|ba noi|ong ngoai|ba ngoai) "
# Ethnic origin said with the group's name, on folded text that keeps capitals: "là người gốc Hoa",
# "có mẹ là người Khmer", "người dân tộc Mông" (the name capitalised, so "người lao động" is not "Lào").
ETHNIC_CAP = re.compile(r"\b(?:(?:co |la )?(?:cha|me|bo|vo|chong|ong|ba|ong noi|ba noi|ong ngoai|ba ngoai) la |la |" + KIN_BARE + r")?"
                        r"(?:nguoi (?:goc |dan toc )?|goc )(?:" + "|".join(_TITLE_ETHNIC) + r")\b(?![ -][A-Z])")  # not "người Thái Bình", "Lào Cai"
# A group's local branch named after it: "Dao Đỏ", "Thái Đen", "Mông Hoa", "Dao Quần Chẹt".
_ETHNIC_BRANCH = r"(?: (?i:do|den|trang|hoa|xanh|tien|quan chet|lo gang|ao dai|thanh y))?"
# The ethnicity field of a person's record: "Dân tộc: Mông", "dân tộc Thái." after the date of birth,
# "DÂN TỘC CỦA ÔNG TRIỆU VĂN PHÚ: DAO ĐỎ".
ETHNIC_FIELD = re.compile(r"(?i:dan toc)(?:\s+(?i:cua)\s+[^:\n]{1,40}?)?(?:\s*:\s*|\s+(?=[A-Z]))(?P<group>(?:" + "|".join(_TITLE_ETHNIC)
                          + "|" + "|".join(w.upper() for w in ETHNIC.split("|") if w != "thieu so") + r")\b" + _ETHNIC_BRANCH
                          + r")(?![ -][A-Za-z]*[A-Z])")  # not "dân tộc Thái Nguyên"
# Generic predicates (issue 24, after slices X, Y, Z showed that each new writer brings new wording): a verb
# that puts a person in a state ("mắc", "bị", "điều trị", "bị khởi tố") followed by a head noun of the
# category ("bệnh …", "chứng …", "ung thư …", "tội …"), and the state words that need no verb ("khuyết tật",
# "tiền án", "ngoại tình"). They cover wording the lists above never saw; the tie to a person and the
# group/statistics checks in `find_sensitive` keep ordinary sentences out.
_TAIL = r"(?: (?!(?:nen|va|de|nhung|thi|ma|nho|can|xin|khi|roi|vi|cho|voi|sau khi|nay|gio|hien|muon|hoi|duoc|lam)\b)[a-z0-9%]+)"
_HEALTH_HEAD = (r"(?:benh|chung|hoi chung|ung thu|khoi u|u (?:nao|phoi|gan|vu|xo|ac|buou)|viem|suy(?! dinh duong)|roi loan|thoai hoa|soi|"
                r"xo (?:gan|vua|cung)|teo|nhiem trung|nhiem doc|di chung|di tat|tat|thuong tat|ton thuong|chan thuong|"
                r"gay (?:xuong|chan|tay|cot song)|(?:dap|dut|cut|nat) (?:ngon|tay|chan|ban tay|ban chan)|bong|liet|dot quy|tai bien|nhoi mau|xuat huyet (?:nao|da day)|"
                r"tram cam|tam than|dong kinh|dai thao duong|tieu duong|huyet ap|mo mau|gut|hen|lao|hiv|aids|sida|"
                r"viem gan|covid|sot xuat huyet|than|tim|gan|phoi|nao|da day|tu cung|buong trung|tuyen giap|la lach|tui mat|soc thuoc|soc phan ve|ngo doc)")
GENERIC: dict[str, re.Pattern[str]] = {
    "health": re.compile(
        r"\b(?:(?:dang |da |tung |moi |vua |bi |phai )*(?:tai nan(?: giao thong| lao dong| xe may| xe)?|bi te|bi nga|te|nga|mac|bi|nhiem|dieu tri|chua tri|chua|chan doan(?: la| mac| bi)?"
        r"|phat hien(?: bi| mac| co)?|co bieu hien|co dau hieu|co tien su(?! dung)|tien su(?! dung)|song chung voi|phau thuat|mo|cat bo|"
        r"ghep|hoa tri|xa tri|nhap vien(?: vi| do)?|nam vien(?: vi| do)?|cap cuu(?: vi| do)?|(?:tu vong|qua doi|mat|chet) (?:vi|do))"
        r" (?:noi soi )?(?:cat (?:bo )?|thay |ghep )?(?:benh |chung |cac |(?:mot|hai|ca|1|2) (?:ben|phan|nua|qua|la|buong) )?"
        + _HEALTH_HEAD + _TAIL + r"{0,4}"
        r"|(?:la |bi |dang |nguoi )*(?:khuyet tat|tan tat|bai nao|cham phat trien(?: tri tue)?|thieu nang(?: tri tue)?|tu ky"
        r"|tang dong|nghien (?:ruou|ma tuy|heroin|thuoc|bia)|cai nghien"
        r"|(?:duoc |da duoc |bi )?chan doan (?:la |mac |bi )?(?!(?:hinh anh|benh vien|va|cua|tai|o|cho|som|sai)\b)[a-z]+"  # "được chẩn đoán đa nhân cách"
        r"|(?:su dung|dung|hut|chich|choi|sa vao) (?:ma tuy|heroin|thuoc lac|can sa|ketamine|ke|methamphetamine|hang trang)|(?:uong|dieu tri) methadone|dieu tri arv|uong thuoc arv"
        r"|mang thai|co thai|sinh non|say thai|pha thai|vo sinh|hiem muon|thu tinh nhan tao|(?:bi )?mu loa|cam diec"
        r"|mat tri nho|sa sut tri tue|hon me|song thuc vat|liet giuong|nam liet|tho may|ung thu|hiv|aids"
        r"|nhiem chat doc da cam|chat doc da cam|mat suc lao dong|ty le ton thuong co the|benh hiem ngheo|benh nan y"
        r"|giai doan cuoi|duong tinh(?: voi)?(?: [a-z0-9]+)?|tu tu|tu sat|(?<!nho )(?<!xin )(?<!can )(?<!de )(?<!duoc )(?<!giup )tu van(?! (?:cho|giup|ve|phap|them|vien))|co y dinh tu (?:tu|sat)"
        r"|co van de (?:ve )?(?:suc khoe|tam than|than kinh|tim mach|tam ly)(?: [a-z]+){0,3})" + _TAIL + r"{0,3}"
        # taken to hospital for a reason: "đi viện vì sốc thuốc ngủ", "vào viện do ngộ độc"
        r"|(?:phai |bi )?(?:di vien|vao vien|nhap vien|nam vien|cap cuu|di cap cuu|dua di cap cuu|dua vao vien|chuyen vien"
        r"|di benh vien) (?:vi|do)"
        + _TAIL + r"{1,4}"
        r")\b"),
    "criminal": re.compile(
        r"\b(?:(?:dang |da |tung |moi |vua |tung bi |da bi |dang bi |bi )+"
        # the authority between: "bị công an triệu tập", "bị tòa án tuyên phạt"
        r"(?:(?:cong an|toa an|toa|vien kiem sat|co quan dieu tra|canh sat|bien phong|kiem lam)(?: (?:xa|phuong|huyen|quan|tinh"
        r"|thanh pho|giao thong|hinh su|kinh te|nhan dan))? )?(?:bat|bat giu|bat qua tang|khoi to|truy to|truy na|"
        r"ket an|tuyen an|xu|xet xu|xu phat|phat|tam giam|tam giu|dieu tra|trieu tap|quan che|cam cu tru|dua vao(?= (?:co so|truong|trai|cai nghien))|dua di(?= (?:cai nghien|trai|tu|giao duong|co so))"
        r"|ap dung|giao duc|lap bien ban|xu ly|to cao|canh cao|tich thu|cuong che)(?:(?<!phat) (?:vi|do|ve))?" + _TAIL + r"{1,6}"  # a fine's reason is no record
        r"|(?:co |con |tung |bi |da |dang |vua |moi )*(?:tien an|tien su(?! dung)|an tich|an treo|an tu|phat tu|tu giam|tu chung than"
        r"|tu hinh|ngoi tu|di tu|ra tu(?! thu)|o tu|man han tu|tha tu|dac xa|tai pham|pham toi|bi can|bi cao|nghi pham"
        r"|thu an|o trai giam|trong trai giam|cai tao o trai|o trai cai tao|di cai tao|hoc tap cai tao"
        r"|tu(?= (?:\d+|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi) (?:nam|thang)\b)"  # "bị tù 3 năm"  # "đang thụ án chung thân", "đang ở trại giam"
        r"|doi tuong hinh su|chap hanh (?:xong )?an|thi hanh an|cai tao khong giam giu)" + _TAIL + r"{0,5}"
        r"|(?:ve |vi |pham |bi )toi (?!pham\b)[a-z]+" + _TAIL + r"{0,5}"
        r"|(?:da |tung |dang )?(?:lien quan|dinh liu|dinh dang) (?:den |toi |vao )?(?:vu|duong day|toi|an) [a-z]+"
        + _TAIL + r"{0,4}"
        r"|(?:bi |tung bi |da bi |dang bi )(?:[a-z]+ ){0,3}(?:bao hanh|bao luc|xam hai|hiep dam|lam dung|danh dap"
        r"|hanh ha|nguoc dai)" + _TAIL + r"{0,4}"
        r"|(?:hay |thuong |thuong xuyen |tung |da |dang |bi nghi |co hanh vi |tham gia |bi bat |bi phat hien |say ruou |nhau say )+(?:trom cap|trom|danh bac|choi lo de|lo de|ca do|buon lau|lua dao|cuop"
        r"|buon ban ma tuy|mua ban ma tuy|tang tru ma tuy|su dung ma tuy|chich hut|gay roi|danh nguoi|danh vo|bao hanh"
        r"|hiep dam|xam hai|quay roi|danh chong|danh con|danh dap vo|danh dap con)" + _TAIL + r"{0,4})\b"),
    "religion": re.compile(
        r"\b(?:(?:la |theo |bo |cai |doi )(?:dao|tin lanh|cong giao|phat giao|hoi giao|cao dai|hoa hao|ta dao|dao la|"
        r"ha mon|phap luan cong|thien chua giao)(?: [a-z]+){0,3}|di le (?:nha tho|chua)|sinh hoat (?:ton giao|dao|tin lanh)"
        r"|(?:da )?quy y|xuat gia|la con chien|la (?:tu si|sư|nha su|su thay|ni co|muc su|linh muc|chuc sac|chuc viec|truong lao)"
        r"(?: [a-z]+){0,2})\b"),
    "sexual": re.compile(
        r"\b(?:(?:la |nguoi )*(?:dong tinh(?: nam| nu)?|song tinh|chuyen gioi|lgbt[a-z+]*)"
        r"|(?:co |dang )?(?:bo nhi|(?<!xac )nhan tinh(?! trang)|nguoi tinh|quan he (?:tinh duc|ngoai hon|ngoai luong|bat chinh))(?: [a-z]+){0,4}"
        r"|(?:ban|mua) dam|mai dam|gai goi|ngoai tinh|lang nhang|ngoai luong|bi xam hai tinh duc|bi quay roi tinh duc"
        r"|bi hiep dam|chung song nhu vo chong|(?:co )?con (?:ngoai gia thu|rieng voi [a-z]+(?: [a-z]+)?)"
        r"|(?:yeu|song chung voi|ket hon voi|hen ho voi|co) (?:nguoi yeu |ban doi |ban trai |ban gai |nguoi )?cung gioi"
        r"|xu huong tinh duc(?: [a-z]+){0,3})\b"),
    "finance": re.compile(
        r"\b(?:(?:dang |con |bi |da )*vay(?: [a-z]+){0,2} (?:nang lai|lai nang|tin dung den|nong|xa hoi den)(?: [a-z0-9]+){0,4}"
        r"|(?:co |gui |dang gui )?(?:so tiet kiem|tien gui tiet kiem|gui tiet kiem|tai san|tien gui)(?: [a-z]+){0,2}"
        r" (?:\d+(?:[.,]\d+)? (?:trieu|ty|nghin)|tri gia|hon \d|tren \d)(?: [a-z0-9]+){0,4}"
        r"|bi(?: [a-z]+){0,2} (?:doi no|khung bo doi no|siet no)"
        r"|(?:dang |con |bi )*(?:no|thieu no|no nan|khoan no|vo no|bi doi no|bi siet no|no qua han|no xau)"
        r" (?:ngan hang|tin dung|vay|lai|qua han|xau|nang lai|\d+[.,]?\d* (?:trieu|ty|nghin)|hon \d+|nhieu|chong chat"
        r"|ca tram|hang tram)(?: [a-z0-9]+){0,5}|vo no|bi doi no|bi siet no|no nan chong chat|(?:dang )?bi (?:ngan hang )?"
        r"(?:khoi kien|phat mai|thu hoi) (?:no|tai san|nha)(?: [a-z]+){0,3})\b"),
    "political": re.compile(
        r"\b(?:(?:hay |thuong |tung |da |dang |bi nghi )?(?:dang bai|viet bai|chia se|phat tan|keu goi|to chuc|tham gia)"
        r"(?: [a-z]+){0,2} (?:phan doi|chong lai|chong doi|chong pha|chong|bieu tinh|xuyen tac|boi nho|noi xau)"
        r" (?:chinh quyen|dang|nha nuoc|che do|lanh dao|chinh sach)(?: [a-z]+){0,4}"
        r"|(?:hay |thuong |tung |da |dang |bi nghi )?(?:chong doi|chong pha|phan dong|ly khai|xuyen tac|kich dong"
        r"|bieu tinh|tham gia (?:to chuc|hoi nhom|nhom) (?:phan dong|khong duoc phep|chong doi)|theo (?:viet tan|to chuc phan dong))"
        r"(?: [a-z]+){0,5})\b"),
}
# Folded words of the generic predicates that other words fold to as well: in a text typed with diacritics the
# word must be the one meant ("tiền ăn" is not "tiền án", "ra từ" is not "ra tù", "về tới" is not "về tội").
_ACCENTED = {"nhiem": ("nhiễm",), "chung": ("chứng",), "tien su": ("tiền sự", "tiền sử"), "tu tu": ("tự tử",), "tu sat": ("tự sát",), "tu van": ("tự vẫn",), "tien an": ("tiền án",), "an tich": ("án tích",), "an treo": ("án treo",), "an tu": ("án tù",),
             "tu": ("tù",), "toi": ("tội",), "tu giam": ("tù giam",), "su": ("sư",), "ca do": ("cá độ",),
             "tao hon": ("tảo hôn",), "thu an": ("thụ án",), "nghien": ("nghiện",), "danh bac": ("đánh bạc",), "trom": ("trộm",)}
_ACCENT_RX = re.compile(r"\b(?:(?:(?<=la )|(?<=lam ))su|ca do|tao hon|nghien|danh bac|trom|(?<!trach )nhiem|(?:(?<=mac )|(?<=bi )|(?<=nhiem )|(?<=hoi ))chung|tien su|tu tu|tu sat|tu van|tien an|an tich|an treo|an tu|thu an|tu giam|(?:(?<=ngoi )|(?<=\bra )|(?<=\bdi )|(?<=\bo )|(?<=han )"
                        r"|(?<=tha ))tu|(?:(?<=ve )|(?<=vi )|(?<=bi )|(?<=pham ))toi"
                        r"|(?:(?<=\bbi )|(?<=\btung )|(?<=\bda ))tu(?= (?:\d+|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi) (?:nam|thang)\b))\b")


def _fast(rx: re.Pattern[str]) -> re.Pattern[str]:
    """The same pattern with a letter lookahead in front: Python's engine then skips spaces, digits and punctuation
    quickly instead of trying every alternative there (two to three times faster; the matches are the same, since
    every such pattern opens with a word)."""
    return re.compile(r"(?=[a-z])" + rx.pattern, rx.flags) if rx.pattern.startswith(r"\b(?:") else rx


PATTERNS = {k: _fast(rx) for k, rx in PATTERNS.items()}
GENERIC = {k: _fast(rx) for k, rx in GENERIC.items()}
# Words without which a generic category's phrases cannot occur (folded).
GENERIC_NEEDS = {"religion": ("dao", "giao", "le ", "sinh hoat", "quy y", "xuat gia", "tu si", "nha su", "su thay", "ni co",
                              "muc su", "linh muc", "chuc sac", "chuc viec", "truong lao", "ha mon", "phap luan",
                              "con chien"),
                 "sexual": ("tinh", "gioi", "lgbt", "dam", "gai goi", "lang nhang", "ngoai luong", "bo nhi", "xam hai",
                            "quan he", "gia thu", "con rieng", "cung gioi", "xu huong",
                            "quay roi", "chung song"),
                 "health_en": ("hiv", "has ", "have ", "had ", "with ", "is ", "diagnosed", "treated", "drug", "rehab",
                               "dialysis", "suffer"),
                 "criminal_en": ("criminal", "prison", "jail", "convicted", "arrested", "sentenced", "detained", "charged",
                                 "probation", "served"),
                 "finance": ("no", "vay", "tiet kiem", "tai san", "tien gui"), "finance_x": ("no ", "so du", "tiet kiem",
                                                                                           "thu nhap", "vo ", "cam co",
                                                                                           "the chap"),
                 "religion_x": ("su", "hoa thuong", "thuong toa", "dai duc", "tru tri", "tu ", "thay ", "chuc", "giao", "dao",
                                "tin do", "phat tu", "con chien", "soeur", "imam", "acha", "hakim", "nhom", "hoi thanh", "giao",
                                "thanh that", "thanh duong", "dao trang", "tin huu"),
                 "political_x": ("khoi dang", "khai tru", "dang nao", "dang phai", "luu vong", "nuoc ngoai", "chinh sach",
                                 "che do", "chinh quyen", "dang cong san", "nha nuoc", "chu nghia", "chinh the", "bau cu",
                                 "viet tan", "trieu dai", "lam thoi", "dan chu", "de ga", "nha nuoc mong", "phan dong",
                                 "khung bo", "ly khai", "chong pha", "doi lap"),
                 "biometric_x": ("sinh trac", "khuon mat", "guong mat", "giong noi", "mong mat", "van tay", "adn", "dna",
                                 "gen"),
                 "location_x": ("dinh vi", "vi tri", "gps", "di chuyen", "hanh trinh", "lich trinh", "lo trinh", "check",
                                "camera"),
                 "criminal_x": ("bac", "do", "lo de", "trom", "ma tuy", "vu khi", "nang lai", "lua dao", "cuop", "thuong tich",
                                "hanh hung", "bao hanh", "hon", "lay chong", "cuoi", "bat vo", "ban nguoi", "lua ban", "ban sang",
                                "bi ",
                                "ban qua"),
                 "health_x": ("tiem", " h", "huyet", "san", "mo", "non", "co giat", "hon me", "ngat", "dot quy", "nhoi mau",
                              "nghien", "hiv", "viem gan", "chat doc"),
                 "political": ("chong", "phan dong", "ly khai", "xuyen tac", "kich dong", "bieu tinh", "phan doi",
                               "boi nho", "noi xau")}


# A sentence's end: ".", ";", "!" or "?" before a space (not the dot of "483.26" or "TP.HCM"), or a line break.
_CUT = re.compile(r"[.;!?](?=\s|$)|\n")
# A sentence that opens with a bare title as its subject ("Bà đang nợ …", "ông hay say rượu") speaks of the
# person named just before it.
_ANAPHORA = re.compile(r"\s*(?:ông|bà|anh|chị|cô|chú|bác|cụ|cháu|em|ong|ba|chi|co|chu|bac|cu|chau)\s+(?:ấy\s+|ay\s+|ta\s+)?"
                       r"(?=[a-zà-ỹđ])", re.I)


# A record typed on one line, its fields set apart by ";": "Phiếu: Đoàn Văn Khánh; 15/08/1983; theo đạo …; 0907 …".
_RECORD_LINE = re.compile(r"[^\n]*;[^\n]*;[^\n]*;[^\n]*")


def _records_joined(low: str) -> str:
    """`low` with the ";" inside one-line records turned into ",", so that a record is one sentence about its person."""
    if low.count(";") < 3:
        return low
    return _RECORD_LINE.sub(lambda m: m.group().replace(";", ","), low)


def _sentence_of(low: str, a: int, b: int, width: int = 300) -> tuple[int, int]:
    """Start and end of the sentence around low[a:b] (at most `width` characters either side)."""
    lo = max(0, a - width)
    s0 = lo
    for m in _CUT.finditer(low, lo, a):
        s0 = m.end()
    m = _CUT.search(low, b, min(len(low), b + width))
    return s0, (m.start() if m else min(len(low), b + width))


def _anaphora(text: str, s0: int, starts: list[int]) -> bool:
    """The sentence at `s0` opens with a bare title as subject and someone was named in the 250 characters before."""
    m = _ANAPHORA.match(text, s0)
    if m is None or text[m.end():m.end() + 1].isupper():
        return False
    return bisect.bisect_left(starts, s0) > bisect.bisect_left(starts, max(0, s0 - 250))


# The offence's subject right before it: a name or ID (an address in brackets may follow it), or "anh ấy".
_SUBJECT_GAP = re.compile(r"[\s,)]*(?:\([^()]{0,80}\)[\s,]*)?(?:(?:thuong|hay|van|con|lai|da|dang|tung|bi nghi|nghi|co|nhieu lan"
                          r"|thuong xuyen|bi to|bi phan anh)\s+)*")
_PRONOUN_SUBJECT = re.compile(r"\b(?:anh|chi|ong|ba|co|chu|bac|chau|em|nguoi|doi tuong|han|no) (?:ay|ta|nay|do)\s+"
                              r"(?:(?:thuong|hay|van|con|lai|da|dang|tung)\s+)*$")


# A clause whose subject is a thing: "Ô tô 30G-… bị phạt nguội", "Xe của anh Thắng … bị tạm giữ 7 ngày".
_THING = (r"(?:chiec |cai )?(?:xe|o to|oto|xe may|xe dap|xe tai|bien (?:kiem soat|so)|bks|phuong tien|tai san|hang hoa"
          r"|lo hang|giay phep|dien thoai|may|cong trinh|nha|dat|thua dat|tien|tai khoan|so tien|tau|tau ca|thuyen|ghe|sa lan)")
_THING_SUBJECT = re.compile(r"\s*(?:zalo: |tin nhan: )?" + _THING + r"\b")
# a vehicle right before a passive act or "liên quan", its plate between ("nhận lại xe bị tạm giữ", "xe 29K-318.70 liên quan …")
_THING_JUST_BEFORE = re.compile(r"\b(?:xe|o to|oto|xe may|xe tai|phuong tien|tau|thuyen)(?: [^\s,]*\d[^\s,]*)? $")


def _without_names(low: str, a: int, b: int, persons: list[tuple[int, int]]) -> str:
    """low[a:b] with the people's names in it blanked: "Huỳnh Thị Kim Loan" holds no conjunction "thì"."""
    chars = list(low[a:b])
    for p0, p1 in persons:
        for i in range(max(p0, a), min(p1, b)):
            chars[i - a] = "_"
    return "".join(chars)


def _thing_subject(low: str, s0: int, a: int, persons: list[tuple[int, int]] | None = None) -> bool:
    clause_start = max(s0, low.rfind(",", s0, a) + 1)
    if not low[clause_start:a].strip() or re.fullmatch(r"\s*(?:da|dang|lai|con|van|moi|vua)?\s*", low[clause_start:a]):
        clause_start = s0  # "Xe … của em Đức Anh, 16 tuổi, bị tạm giữ": after an apposition the sentence's subject acts
    return ((_THING_SUBJECT.match(low, clause_start) is not None
             and not re.search(r"\b(?:thi|ma|vi|nen|con)\b", _without_names(low, clause_start, a, persons or [])))
            or (re.match(r"(?:bi|lien quan|dang bi|da bi)\b", low[a:a + 12]) is not None
                and _THING_JUST_BEFORE.search(low, max(s0, a - 30), a) is not None))


def _subject_before(low: str, a: int, persons: list[tuple[int, int]]) -> bool:
    ends = [e for _, e in persons if e <= a and a - e <= 90]
    if ends and _SUBJECT_GAP.fullmatch(low, max(ends), a):
        return True
    return _PRONOUN_SUBJECT.search(low, max(0, a - 40), a) is not None


def _tied_regions(text: str, low: str, starts: list[int]) -> list[tuple[int, int]]:
    """Spans of consecutive sentences that name someone (a finding starts there) or point at someone."""
    regions: list[tuple[int, int]] = []
    s0 = 0
    for m in re.finditer(r"[.;!?\n](?=\s|$)|$", low):  # a wider cut than the per-phrase one: regions hold every sentence
        s1 = m.start()
        if s1 > s0 and (bisect.bisect_left(starts, s1) > bisect.bisect_left(starts, s0) or person_cue(text[s0:s1])
                        or _anaphora(text, s0, starts)):
            if regions and regions[-1][1] >= s0 - 1:
                regions[-1] = (regions[-1][0], s1)
            else:
                regions.append((s0, s1))
        s0 = s1 + 1
        if m.end() >= len(low):
            break
    return regions


# A household named in the sentence: "Hộ ông Vàng A Sình có 2 người nhiễm HIV, 1 cháu suy dinh dưỡng" speaks of its members.
HOUSEHOLD_NAMED = re.compile(r"\b(?i:hộ|gia đình|nhà|ho|gia dinh|nha)\s+(?:(?i:ông|bà|anh|chị|cô|chú|bác|cụ|ong|ba|chi|co|chu|bac|cu)\s+)?"
                             r"[" + "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1EF9 + 1)) if c.isupper()) + r"]")
FEW_MEMBERS = re.compile(r"\b(?:[1-5]|mot|hai|ba|bon|nam) (?:nguoi|chau|em|tre|con)(?: (?:dang|da|bi|co|la))* $")


def _household_members(text: str, low: str, s0: int, a: int) -> bool:
    """The phrase at `a` follows a few members of a household named earlier in its sentence."""
    m = FEW_MEMBERS.search(low, max(s0, a - 24), a)
    return m is not None and HOUSEHOLD_NAMED.search(text, s0, m.start()) is not None


def _group_or_topic(text: str, low: str, s0: int, a: int) -> bool:
    """A group, a statistic or a topic word right before the phrase at `a`, in its clause ("Phóng" is a name,
    not "phòng")."""
    clause_start = max(s0, low.rfind(",", s0, a) + 1)
    if clause_start > s0 and re.fullmatch(r"\s*nguoi\s*", low[clause_start:a]):
        return False  # "anh Rươne, người bị tạm giam …": an apposition to the one just named
    g = GROUP_OR_TOPIC_BEFORE.search(low, max(clause_start, a - 40), a)
    if g is None:
        return False
    head = g.start() + 1 if not low[clause_start:g.start()].strip() else g.start()
    if any(c.isupper() for c in text[head:g.end()]):
        return False
    # "chồng" (husband) folds like "chống" (against): "bị chồng bật định vị" is about the wife, not a topic
    w = re.search(r"\bchong\b", low[g.start():g.end()])
    if w and not re.search(r"\bphong chong\b", low[g.start():g.end()]):
        word = text[g.start() + w.start():g.start() + w.end()].lower()
        if word == "chồng" or (word == "chong" and re.search(r"\b(?:bi|voi|cua|vo|va|nha|me|bo|co)\s+$",
                                                            low[max(0, g.start() + w.start() - 6):g.start() + w.start()])):
            return False
        if word == "chong" and re.match(r"chong (?:em|e|toi|tui|minh|chi|co|ay|cua)\b", low[g.start() + w.start():]):
            return False  # "chong e bi bat …" typed bare: her husband
    return True


LIST_HEADING = re.compile(r"\s*(?:danh sach|ds)\b")


def _listed_people(low: str, s0: int, b: int, starts: list[int]) -> bool:
    """The phrase ending at `b` heads a list of named people: "Danh sách người đang cai nghiện …: Hà Văn Dũng, …"."""
    colon = low.find(":", b, b + 40)
    if colon == -1 or not LIST_HEADING.match(low, s0) or "," in low[b:colon]:
        return False
    i = bisect.bisect_left(starts, colon)
    return i < len(starts) and starts[i] - colon <= 12


def _people_noun(low: str, a: int) -> bool:
    """The phrase at `a` names a kind of people ("người khuyết tật", "người có tiền án"), not one person's state;
    "là người …" and ", người đang …" right after a name still speak of that person."""
    m = re.match(r"(?:nguoi|nhung nguoi|cac|nhom) (?!dang\b|da\b|vua\b|tung\b)", low[a:a + 16])
    if m is None:
        # also a group named by who they are: "Phụ nữ mang thai: chị …", "trẻ em khuyết tật"
        m0 = re.search(r"(?:^|[\s,(])(?:nguoi|nhung nguoi|phu nu|tre em|ba me|cac ba me|nguoi cao tuoi)\s+$", low[max(0, a - 20):a])
        if m0 is None:
            return False
        lead = low[max(0, a - 24):a - len(m0.group().lstrip(" ,("))]
    else:
        lead = low[max(0, a - 8):a]
    return not re.search(r"(?:\bla|,)\s*$", lead)


def _accents_agree(text: str, low: str, a: int, b: int) -> bool:
    """False when a folded keyword inside low[a:b] was typed as another accented word."""
    if text[a:b].isascii():
        return True
    for m in _ACCENT_RX.finditer(low, a, b):
        if text[m.start():m.end()].lower() not in _ACCENTED[m.group()]:
            return False
    return True


# The same facts written in English (requests typed or pasted in English).
GENERIC["health_en"] = re.compile(
    r"\b(?:hiv[- ]positive|(?:has|have|had|with) (?:hiv|aids|cancer|tuberculosis|tb|diabetes|depression|schizophrenia|"
    r"epilepsy|dementia|autism|leprosy|hepatitis [a-c])|is (?:pregnant|disabled|autistic|mentally ill)|(?:diagnosed|treated)"
    r" (?:with|for) [a-z]+(?: [a-z]+){0,2}|drug addict(?:ion)?|in rehab|on dialysis|(?:had|has had) (?:an? )?(?:abortion"
    r"|miscarriage|stroke)"
    # the illness with its stage or organ between: "has stage 2 lung cancer", "suffers from chronic kidney failure"
    r"|(?:has|had|have|suffers from|suffering from|tested positive for|is on)(?: stage \d| an?)?(?: [a-z]+){0,2}"
    r" (?:cancer|tumou?r|hiv|aids|tuberculosis|diabetes|hepatitis|epilepsy|depression|dementia|schizophrenia|dialysis"
    r"|methadone|leuka?emia|heart disease|kidney failure|disability))\b")
# A diagnosis or an examination's result after a colon: "Kết quả khám của cháu …: bệnh tim bẩm sinh" (the label is
# checked in find_sensitive).
GENERIC["health_d"] = re.compile(r"(?<=: )(?:benh |chung )?" + _HEALTH_HEAD + _TAIL + r"{0,5}\b")
GENERIC_NEEDS["health_d"] = (": ",)
GENERIC["criminal_en"] = re.compile(
    r"\b(?:(?:has|had|with) a criminal record|criminal record|(?:was|is|has been|had been) (?:in prison|jailed|imprisoned|"
    r"convicted|arrested|sentenced|detained|charged with)(?: [a-z0-9]+){0,4}|on probation|served (?:a )?(?:\d+[- ]year )?"
    r"(?:prison |jail )?(?:sentence|time))\b")
# More predicates by mechanism (after slice Q): each category also has wording with no state verb before it.
GENERIC["health_x"] = re.compile(
    # vaccination status, childbirth and its complications, acute states, an addiction named alone ("bố nghiện chết")
    r"\b(?:(?:chua|khong|chua tung|da|bo) (?:duoc )?tiem(?: (?:chung|phong|ngua|du|mui|vac xin|vaccine|vacxin))+" + _TAIL + r"{0,3}"
    r"|(?:bi |da |vua )?(?:bang huyet|tien san giat|sinh mo|sinh non|nhiem trung hau san|tram cam sau sinh"
    r"|co giat|hon me|ngat xiu|dot quy|nhoi mau|ho ra mau|non ra mau|sot cao co giat)" + _TAIL + r"{0,3}"
    r"|(?<!cai )(?<!cac )(?<!nguoi )nghien(?! cuu)(?: [a-z]+){0,2} (?:chet|qua doi|mat|nang|lau nam|tu lau)"
    r"|(?:bi |la |duoc xac dinh )?(?:nguoi )?(?:nhiem|co) (?:hiv|hbv|hcv|viem gan b|viem gan c)"
    r"|(?:bi |da )?(?:nhiem|co|mac|dinh) h(?= *[,.;(]| nen| roi| tu| lau| da)"  # "có H", "nhiễm H": HIV said by its letter
    r"|(?:bi )?nhiem chat doc (?:hoa hoc|da cam|dioxin)(?: [a-z]+){0,3})\b")
GENERIC["criminal_x"] = re.compile(
    # an offence said right after the person, without "đã/bị/hay" ("ông … đánh bạc ăn tiền tại nhà"); a child marriage,
    # trafficking or abuse suffered by the person
    r"\b(?:danh bac(?: an tien)?|ca do(?: bong da)?|choi lo de|ghi lo de|to chuc danh bac|trom cap|trom (?:xe|cho|tien|do)"
    r"|mua ban (?:trai phep )?ma tuy|buon ban ma tuy|van chuyen ma tuy|tang tru(?: trai phep)? (?:ma tuy|vu khi)"
    r"|cho vay nang lai|lua dao chiem doat|cuop giat|co y gay thuong tich|gay thuong tich cho|hanh hung|bao hanh gia dinh"
    r"|bi (?:chong|vo|bo|me|cha|con|con trai|bo duong|me ke|bo ke|nguoi yeu|ban trai|anh trai|chong cu|vo cu)"
    r" (?:danh|danh dap|dam|chem|hanh hung|nhot|xich|tat|doa giet|de doa)" + _TAIL + r"{0,4}"  # "bị chồng đánh"
    r"|(?:bi |da bi |tung bi )(?:ep |cuong ep )?(?:tao hon|ket hon som|lay chong som|ep cuoi|ep hon|bat vo"
    r"|mua ban|buon ban|lua ban|ban (?:sang|qua) [a-z]+(?: [a-z]+)?)|(?:da |dang )?tao hon)" + _TAIL + r"{0,5}\b")
GENERIC["religion_x"] = re.compile(
    # a religious role or practice: "là sư sãi chùa Khmer", "đang tu ở chùa", "làm thầy cúng", "đi nhóm Tin Lành"
    r"\b(?:(?:la|lam|dang lam|dang la|tung la|nguyen la) (?:su sai|su|su co|ni su|nha su|hoa thuong|thuong toa|dai duc|tru tri"
    r"|tang ni|tu si|nu tu|soeur|ma soeur|thay cung|thay mo|thay tao|chuc sac|chuc viec|giao ly vien|truyen dao|muc su|linh muc"
    r"|tin do|phat tu|giao dan|con chien|imam|acha|hakim)(?: [a-z]+){0,3}"
    r"|(?:dang |da )tu (?:o|tai) (?:chua|tu vien|nha tho|thien vien)(?: [a-z]+){0,2}"
    r"|(?:di|tham gia|sinh hoat) (?:nhom|hoi thanh|nha nguyen|le) (?:tin lanh|cong giao|hoi giao|phat giao|cao dai|hoa hao)"
    r"|(?:la thanh vien|la tin huu|tham gia|sinh hoat (?:tai|o)|thuoc) (?:cua )?(?:hoi thanh|giao hoi|giao xu|giao ho|thanh that"
    r"|thanh duong|chi hoi tin lanh|dao trang)(?: [a-z]+){0,3})\b")
GENERIC["political_x"] = re.compile(
    # opposing the regime or the party, refusing to vote for it, supporting an outlawed organisation
    r"\b(?:(?:phan doi|chong|chong lai|chong pha|bat man voi|chi trich|tay chay|khong ung ho|khong tin|cong kich|boi nho"
    r"|lat do|xuyen tac) (?:che do|dang cong san|dang va nha nuoc|dang, nha nuoc|chu nghia xa hoi|chinh the|cuoc bau cu"
    r"|bau cu)(?: [a-z]+){0,4}|(?:chong pha|lat do|xuyen tac) (?:chinh quyen|nha nuoc)(?: [a-z]+){0,4}"
    r"|(?:bi )?(?:ky luat )?(?:khai tru|dua ra|xoa ten) (?:ra )?khoi dang(?: [a-z0-9]+){0,2}|bi khai tru dang"
    r"|khong ung ho (?:dang nao|dang phai nao|bat ky dang nao|chinh quyen|chinh sach)"
    r"|(?:hay |thuong |tung |da )?(?:phat bieu|noi|viet|dang bai|len tieng) (?:che|chi trich|phe phan|bai bac|noi xau|chong)"
    r" (?:chinh sach|chinh quyen|lanh dao|dang|nha nuoc|che do)(?: [a-z]+){0,3}"
    r"|(?:ung ho|tham gia|theo|la thanh vien (?:cua )?|cong tac voi|nhan tien cua|lien lac voi|hoat dong cho)"
    r" (?:mot |cac )?(?:to chuc |dang |nhom |phong trao |hoi )?(?:chinh tri luu vong|luu vong|(?:chinh tri )?(?:o|tai) nuoc ngoai"
    r"|chinh tri (?:o|tai) nuoc ngoai|viet tan|trieu dai viet|chinh phu quoc gia viet nam lam thoi"
    r"|hoi anh em dan chu|nha nuoc de ga|nha nuoc mong|to chuc phan dong|to chuc khung bo|nhom phan dong|to chuc ly khai"
    r"|to chuc chong pha|dang phai doi lap|to chuc doi lap)(?: [a-z]+){0,4})\b")
GENERIC["biometric_x"] = re.compile(
    r"\b(?:(?:du lieu|anh|hinh anh|mau|thong tin|ban ghi|ban sao|file|tep)(?: chup| scan| quet| in)? (?:sinh trac(?: hoc)?|khuon mat|guong mat"
    r"|nhan dang khuon mat|giong noi|mong mat|van tay|van long ban tay|adn|dna)(?: [a-z0-9]+){0,3}"
    r"|(?:nhan dien|nhan dang|quet|xac thuc) (?:khuon mat|guong mat|van tay|mong mat|giong noi)(?: [a-z]+){0,3})\b")
GENERIC["location_x"] = re.compile(
    # a tracked position or movement history: "bật định vị thấy chị ở …", "lịch sử di chuyển Google Maps của bố"
    r"\b(?:(?:xem|theo doi|kiem tra|lay|trich xuat|gui|cung cap|chia se|do) (?:[a-z]+ ){0,2}"
    r"(?:dinh vi|vi tri (?:dien thoai|hien tai|cua|xe)|gps|thiet bi dinh vi|lich su di chuyen|lich trinh di chuyen"
    r"|hanh trinh di chuyen|du lieu vi tri|du lieu di chuyen)"
    r"(?: [a-z0-9]+){0,8}"
    # switching a tracker on only when what it showed follows ("bật định vị thấy chị ở …"), not "bật định vị để tìm đường"
    r"|(?:bat|gan|cai|mo) (?:[a-z]+ ){0,2}(?:dinh vi|gps|thiet bi dinh vi|(?:phan mem|ung dung|app) (?:theo doi|dinh vi)(?: vi tri)?)"
    r"(?:,? [a-z]+){0,2},? (?:thay|biet|phat hien|xem|theo doi|ghi lai|luu lai)(?: [a-z0-9]+){0,8}"
    r"|(?:lich su|du lieu|nhat ky|lo trinh) (?:di chuyen|vi tri|dinh vi|gps|check-?in)(?:(?: [a-z0-9]+){0,6}? (?:cho thay|ghi lai"
    r"|ghi nhan|the hien)(?: [a-z0-9/]+){1,10}|(?: [a-z0-9]+){0,6})"
    # what a camera or a tracker recorded of the person: "Camera ghi lại anh Long vào nhà nghỉ … lúc 23 giờ"
    r"|(?:camera|dinh vi|gps|thiet bi dinh vi)(?: [a-z]+){0,5} (?:ghi lai|ghi nhan|ghi hinh|cho thay|phat hien|bat duoc"
    r"|quay (?:lai|duoc)|thay)(?: [a-z0-9]+){1,10})\b")
GENERIC["finance_x"] = re.compile(
    # a debt with its amount or its lender a few words after "nợ": "nợ tiền họ 120 triệu chưa trả", "nợ hụi"
    r"\b(?:(?:dang |con |bi |da |vo |khat )*no (?:tien )?(?:ho|hui|phuong|co bac|lo de|ca do|nong|den|xa hoi den|ngan hang"
    r"|cong ty tai chinh|tai chinh|app|ung dung|[a-z]+ [a-z]+)(?: [a-z]+){0,3} \d+(?:[.,]\d+)? (?:trieu|ty|nghin|chuc trieu)"
    r"(?: [a-z0-9]+){0,4}"
    r"|(?:dang |con |bi )*no (?:tien )?(?:ho|hui|phuong|co bac|lo de|ca do|tin dung den|app vay)(?: [a-z0-9]+){0,5}"
    # a bank balance, savings books, an income with its amount: "số dư tài khoản 2 tỷ", "có 3 sổ tiết kiệm"
    r"|so du(?: (?:tai khoan|tk|the|trong tai khoan))?(?: (?!(?:phuong|xa|ubnd|quy|hoi|chi hoi|doan|cong ty|to|htx|don vi"
    r"|co quan|truong|benh vien)\b)[a-z]+){0,3} (?:la |khoang |hon |tren )?\d+(?:[.,]\d+)* ?(?:trieu|ty|nghin|dong|d\b)"
    r"(?: [a-z0-9]+){0,3}|(?:co|gui|mo) (?:\d+|hai|ba|bon|nam|nhieu) so tiet kiem(?: [a-z0-9]+){0,4}"
    r"|thu nhap (?:hang thang |moi thang |hang nam |ca nam )?(?:khoang |hon |tren |chi |la )?\d+(?:[.,]\d+)* (?:trieu|ty)"
    r"(?: [a-z0-9]+){0,3}"
    # a rotating-credit fund that collapsed, a house pawned: "vỡ hụi mất trắng 500 triệu, phải cầm cố nhà"
    r"|(?:bi )?vo (?:hui|ho|phuong)(?: [a-z0-9]+){0,5}|(?:phai |da |dang )?(?:cam co|the chap) (?:nha|dat|so do|so hong)"
    r"(?: [a-z]+){0,3})\b")
# A condition named by its own noun, with no state verb before it (after slice R: "khiếm thị hoàn toàn", "có bầu được
# 7 tuần", "vừa mổ thoát vị đĩa đệm", "liệt tứ chi", "đang uống thuốc chống trầm cảm", "mới ra trại cai"): a vocabulary
# of disabilities, pregnancy, treatments and disease nouns specific enough to mean a person's health, tied to a person
# like every generic predicate. Folded words that other words fold to are checked against the typed accents below.
GENERIC["health_c"] = re.compile(
    r"\b(?:(?:dang |da |vua |moi |bi |co |la |nguoi |van |con |phai )*(?:khiem (?:thi|thinh)|thoat vi(?: dia dem| ben| ron)?"
    r"|liet (?:nua nguoi|tu chi|hai chi|hai chan|hai tay|chi duoi|toan than|mot ben|nua ben)|bai liet|mu loa|cam diec"
    r"|u (?:nao|phoi|gan|vu|xo tu cung|tuyen giap|buou ac|ac tinh)|ung thu|suy (?:than|tim|gan|ho hap|tuy)(?: man| cap)?"
    r"|tram cam|depression|tam than phan liet|roi loan luong cuc|dong kinh|bai nao|tu ky|parkinson|alzheimer"
    r"|co bau|mang bau|mang (?:song |tam |ba )?thai|thai ky(?: nguy co cao)?|thai \d+ tuan"
    r"|sap sinh|sinh mo|song thai|xa tri|hoa tri|chay than|loc mau|ghep (?:than|gan|tim|tuy)"
    r"|nghi (?:thai san|sinh(?! hoat)|de)|suy dinh duong(?: (?:the|do|muc) [a-z]+(?: [a-z]+){0,2})?"  # "nghỉ thai sản", "suy dinh dưỡng thể thấp còi"
    r"|(?:uong|tiem|dung) thuoc (?:chong|dieu tri|tri|ha|an than|tam than|arv|methadone|ung thu)(?: [a-z]+){0,2}"
    r"|(?:vua|moi|da|phai|sap|cho) mo(?: [a-z]+){1,3}|mo (?:tim|nao|ruot thua|da day|cot song|thoat vi|u|mat|sinh)"
    r"|trai cai(?: nghien)?|ra trai cai|cai nghien|di cai(?: nghien)?(?: ve)?"
    # a cleft lip or palate, dementia said plainly ("bị lẫn")
    r"|sut moi|ho ham ech|ho vom mieng|(?<=bi )lan(?: tri nho)?(?= *[,.;]| *$| nang| roi| hay| khong)"
    r")" + _TAIL + r"{0,4})\b")
GENERIC_NEEDS["health_c"] = ("nghi ", "suy dinh", "sut moi", "ham ech", "vom mieng", "lan", "khiem", "thoat vi", "liet", "mu", "diec", "u ", "ung thu", "suy", "tram cam", "depression",
                             "tam than", "roi loan", "dong kinh", "bai nao", "down", "tu ky", "parkinson", "alzheimer",
                             "bau", "chua", "thai", "o cu", "sinh", "tri", "chay than", "loc mau", "ghep", "thuoc",
                             "mo", "cai")
# "mổ" (surgery) and "bầu" (pregnant) fold like "mở" (open) and "bầu" (vote): in accented text the typed word must be it.
_ACCENTED.update({"mo": ("mổ",), "bau": ("bầu",), "trai cai": ("trại cai",), "bong": ("bỏng",),
                  "duong tinh": ("dương tính",), "ngoai tinh": ("ngoại tình",), "phat nguoi": (), "lan": ("lẫn",),
                  "di cai": ("đi cai",), "chua": ("chữa",)})
_ACCENT_RX = re.compile(_ACCENT_RX.pattern[:-3] + r"|(?:(?<=vua )|(?<=moi )|(?<=da )|(?<=phai )|(?<=sap )|(?<=cho ))mo"
                        r"|(?<!\w)mo(?= (?:tim|nao|ruot|da day|cot|thoat|u|mat|sinh)\b)|(?:(?<=co )|(?<=mang ))bau"
                        r"|trai cai|(?<=bi )bong|duong tinh|ngoai tinh|phat nguoi|(?<=bi )lan|di cai(?! tao)"
                        r"|(?<!\w)chua(?= (?:benh |tri )?(?:gan|than|tim|phoi|nao|da day)\b))\b")  # "chữa gan", not "chưa gắn"  # "ngoài tỉnh" is out of the province; a
# camera's traffic fine ("phạt nguội") is no criminal record  # "đường tỉnh 291" (a road), not "dương tính"  # "bị bỏng" (a burn), not "bị bong lớp phủ" (peeling)
# Against the Party itself, or for many parties: "công khai phản đối Đảng", "ký kiến nghị đòi đa đảng" (in accented text
# the word must be "đảng": "đang", "đa dạng" fold alike).
GENERIC["political_p"] = re.compile(
    r"\b(?:(?:cong khai |hay |thuong |tung |da )?(?:phan doi|chong lai|chong doi|chong pha|da dao|lat do) dang"
    r"(?! (?:ky|tai|bai|tin|dien|xay|thi|lam|co|la|duoc|can|bi|o|hoc|chay|xet|giai|trien)\b)(?: cong san)?"
    r"|(?:(?:tung )?ky (?:kien nghi|don|thu) )?(?:doi|keu goi|doi hoi|ung ho|co vu) (?:che do )?da dang(?: da nguyen)?)\b")
GENERIC_NEEDS["political_p"] = ("dang",)
_ACCENTED["dang"] = ("đảng",)
_ACCENT_RX = re.compile(_ACCENT_RX.pattern[:-3] + r"|(?:(?<=phan doi )|(?<=chong lai )|(?<=chong doi )|(?<=chong pha )"
                        r"|(?<=da dao )|(?<=lat do )|(?<=\bda ))dang)\b")
for _k in ("political_p", "health_x", "criminal_x", "religion_x", "political_x", "biometric_x", "location_x", "finance_x", "health_c"):
    GENERIC[_k] = _fast(GENERIC[_k])
# A phrase right after these speaks of a group or of a topic, not of one person ("23 người nhiễm HIV",
# "các đối tượng trộm cắp", "phòng chống lao", "tỷ lệ mắc bệnh").
GROUP_OR_TOPIC_BEFORE = re.compile(
    r"(?:\b(?:co|gom|khoang|hon|tren|duoi|tong|so|ty le|bao nhieu|cac|nhung|moi|nhieu|it|vai|mot so|da so|phan lon)"
    r"(?: \d[\d.,]*| [a-z]+){0,2} (?:nguoi|ca|truong hop|doi tuong|ho|em|chau|tre|benh nhan|thanh nien|phu nu)"
    r"(?: (?:dang|da|tung|bi|co|duoc|la))*"
    r"|\b\d[\d.,]* (?:nguoi|ca|truong hop|doi tuong|ho|vu|em|chau|tre)(?: [a-z]+){0,2}"
    r"|\b(?:phong|chong|phong chong|phong ngua|tuyen truyen|sang loc|kham sang loc|tiem|vac xin|chuong trinh|ke hoach|"
    r"chinh sach|quy dinh|huong dan|doi voi|truong hop|toi pham|nguoi dan|cong dong|tre em|hoc sinh|thu tuc|hoi ve|"
    r"tim hieu|cam nang|tai lieu|so lieu|thong ke|danh sach|bao cao|mau|bai|dich|dieu tri cho|cho)(?: [a-z]+){0,2}"
    r"|\bnguoi)\s*$")
# Someone the phrase is about when no name or ID is in the sentence: a first-person or pointing phrase
# ("tôi", "vợ tôi", "anh ấy", "đối tượng"). Bare kinship words alone ("anh ruột" in a law) do not tie.
PERSON_WORDS = re.compile(
    r"(?<!\w)(?:tôi|(?:ông|bà|anh|chị|cháu|em|cô|chú|bác|cụ|con|vợ|chồng|bố|mẹ|cha|má|tía) (?:ấy|tôi|em|mình|nó|tui)"
    r"|ba (?:tôi|mình|tui)"  # the South's "ba" (father); "ba em" may be three children
    r"|(?<!các )(?<!những )(?<!xác định )đối tượng(?! (?:quy định|được|thuộc|áp dụng|tham gia|hưởng|chính sách|bảo trợ))"
    r"|người này|người đó|bản thân tôi)(?!\w)"
)
# A request written in English speaks of someone by a pronoun ("She was diagnosed with …"); "he" alone is also the
# Vietnamese "hè" typed bare, so the sentence must read as English too.
ENGLISH_PERSON = re.compile(r"\b(?:he|she|his|her|him)\b")
ENGLISH_WORDS = re.compile(r"\b(?:the|is|was|has|had|have|with|and|of|for|in|on|been|a|an)\b")
PERSON_WORDS_BARE = re.compile(
    r"\b(?:toi|(?:ong|anh|chi|chau|em|con|vo|chong|bo|me) (?:ay|toi|minh)|(?:vo|chong|bo|me) (?:em|e|tui)|(?<!cac )(?<!nhung )(?<!xac dinh )doi tuong(?! (?:quy dinh|duoc|thuoc|ap dung|tham gia|huong|chinh sach|bao tro))"
    r"|nguoi nay|nguoi do)\b"
)


# A title or kinship word before a name or a pointing word, "hộ ông", "gia đình chị": someone in particular.
_CAPS = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1EF9 + 1)) if c.isupper())
_TITLED = re.compile(r"(?<!\w)(?<!bà )(?<!trẻ )(?:ông|bà|anh|chị|cô|chú|bác|cụ|cháu|em|dì|cậu|mợ|thím|thằng)(?! con\b| em\b| chị\b| ạ\b)"
                     r" (?:[" + _CAPS + r"]|ấy|ta|này|đó|kia|nọ|cụ|tôi|mình|nó)")
_TITLED_BARE = re.compile(r"\b(?:ong|ba|anh|chi|co|chu|bac|cu|chau|em)(?! con\b| em\b| chi\b)"
                          r" (?:[A-Z]|ay|ta|nay|do|kia|toi|minh)")

# Groups, not one person: "bà con", "anh em dân quân", "chị em phụ nữ", "ông bà ta".
_GROUP_WORDS = re.compile(r"(?i)\b(?:anh chị em|anh chi em|bà con|ba con|anh em|chị em|chi em|ông bà|ong ba|cô chú|co chu)\b")


def person_cue(sentence: str) -> bool:
    """True when `sentence` speaks of one person: a pronoun ("tôi", "anh ấy", "người này") or a title before
    a name ("hộ ông Vinh", "chị Mến"), as typed or typed bare."""
    sentence = _GROUP_WORDS.sub(" ", sentence)
    if sentence.isascii():
        low = sentence.lower()
        return bool(PERSON_WORDS_BARE.search(low) or _TITLED_BARE.search(sentence)
                    or (ENGLISH_PERSON.search(low) and len(ENGLISH_WORDS.findall(low)) >= 2))
    return bool(PERSON_WORDS.search(sentence.lower()) or _TITLED.search(sentence)
                or _TITLED.search(sentence[:1].lower() + sentence[1:]))


# Words without which a category's phrases cannot occur (folded).
NEEDS = {"genetic": ("adn", "dna", "gen", "di truyen"), "political": ("chong", "phan dong", "ly khai", "doi lap",
                                                                       "xuyen tac", "bieu tinh", "chinh tri"),
         "location": ("dinh vi", "lich trinh", "di chuyen", "vi tri", "hanh trinh", "camera", "gps"), "ethnic": ("dan toc",), "biometric": ("van tay", "mong mat", "adn", "dna", "sinh trac", "khuon mat"),
         "sexual": ("tinh", "lgbt", "gioi", "ngoai ", "song thu", "mai dam", "ban dam"), "religion": ("theo ", "giao", "tin do", "phat tu", "chuc sac", "linh muc", "muc su")}
# Labels after which a disease's name is that person's diagnosis: "Kết quả khám của cháu Bảo Ngọc: bệnh tim …".
DIAGNOSIS_LABEL = re.compile(r"\b(?:ket qua (?:kham|chan doan|xet nghiem|sieu am|giam dinh)|chan doan|benh an|tinh trang suc khoe"
                             r"|benh|benh ly)(?: cua(?: [a-z]+){1,5})? ?: $")
# A location history is sensitive only in a sentence that speaks of tracking ("định vị", "lịch trình di chuyển").
LOCATION_WORDS = re.compile(r"\b(?:dinh vi|lich trinh|di chuyen|vi tri|hanh trinh|camera|lich su|gps)\b")
# The wording of a law or a procedure speaks of anyone ("người đó", "người bị kết án"), not of one person.
LEGAL_WORDING = re.compile(r"\b(?:nguoi nao|thi bi phat|bi phat (?:tien|tu) tu \d|tu \d+ (?:nam|thang) den|truong hop"
                           r"|doi voi nguoi|nguoi bi ket an|thoi han|quy dinh tai|theo quy dinh|dieu nay|luat nay|nghi dinh nay"
                           r"|thong tu nay|hinh phat|co so kham benh|che do|duoc huong|bao hiem xa hoi bat buoc|mang thai ho"
                           r"|la viec|la hanh vi|bao gom)\b")
# A question about the law ("… thì bị tội gì?", "có bị xử lý không?"): hypothetical, about nobody in particular.
HYPOTHETICAL = re.compile(r"\?\s*$|\b(?:thi (?:co )?bi|co bi|toi gi|the nao|nhu the nao|bao nhieu|duoc khong|phai khong"
                          r"|hay khong|co duoc|khong\s*$)")


def find_sensitive(text: str, persons: list[tuple[int, int]], folded: str | None = None) -> list[tuple[str, int, int]]:
    """(category, start, end) of sensitive phrases tied to a person.

    `persons` are the spans of names and identifiers already found; a sentence with one of them, or
    with a title / kinship word / pronoun, ties the phrase to a person.
    """
    folded = strip_diacritics_aligned(text) if folded is None else folded  # diacritics removed, capitals kept
    low = folded.lower()
    starts = sorted(a for a, _ in persons)
    out: list[tuple[str, int, int]] = []
    cut = _records_joined(low)  # where sentences end (same length as `low`)
    regions = _tied_regions(text, cut, starts)  # only sentences about someone can hold a phrase that counts
    for category, rx in PATTERNS.items():
        if category in NEEDS and not any(w in low for w in NEEDS[category]):
            continue  # cheap skip: the phrase cannot be there
        for m in (m for r0, r1 in regions for m in rx.finditer(low, r0, r1)):
            s0, s1 = _sentence_of(cut, m.start(), m.end())
            sentence = text[s0:s1].lower()
            words = PERSON_WORDS_BARE if sentence.isascii() else PERSON_WORDS
            named = bisect.bisect_left(starts, s1) > bisect.bisect_left(starts, s0) or _anaphora(text, s0, starts)
            legal = LEGAL_WORDING.search(low[s0:s1]) is not None  # "Người nào … thì bị phạt tù từ 01 năm"
            tied = named or (words.search(sentence) is not None and not legal)
            if category == "genetic" and (" cua" in m.group() or re.match(r"(?:la )?(?:cha|me|bo) ", m.group())) and not re.search(
                    r"\b(?:adn|dna)\b", low[s0:s1]):
                continue
            if category == "location" and not LOCATION_WORDS.search(low[s0:s1]):
                continue
            if category == "health" and re.search(r"(?:tro cap|che do|muc do|dien|giay xac nhan|ho so) $",
                                                  low[max(0, m.start() - 14):m.start()]):
                continue  # "trợ cấp khuyết tật đặc biệt nặng": the name of a benefit, not a person's state
            if category == "criminal" and _thing_subject(low, s0, m.start(), persons):
                continue
            if category in ("health", "criminal") and (_people_noun(low, m.start()) or _group_or_topic(text, low, s0, m.start())) and not (
                    _household_members(text, low, s0, m.start()) or _listed_people(low, s0, m.end(), starts)):
                continue
            if tied and _accents_agree(text, low, m.start(), m.end()):
                out.append((category, m.start(), m.end()))
    for category, rx in GENERIC.items():
        if category in GENERIC_NEEDS and not any(w in low for w in GENERIC_NEEDS[category]):
            continue
        for m in (m for r0, r1 in regions for m in rx.finditer(low, r0, r1)):
            a, b = m.span()
            while b > a and low[b - 1] == " ":
                b -= 1
            if b - a < 3 or any(x <= a and b <= y for _, x, y in out):
                continue
            s0, s1 = _sentence_of(cut, a, b)
            if category == "criminal_x" and not _subject_before(low, a, persons):
                continue  # "đánh bạc", "trộm cắp" without "đã/bị/hay": only right after the person who did it
            if (category == "finance_x" and not text[a:b].isascii() and "nợ" not in text[a:b].lower()
                    and re.match(r"(?:(?:dang|con|bi|da|vo|khat) )*no\b", low[a:b])):
                continue  # "nó", "nở": not a debt
            if category == "religion_x" and text[a:b].isascii() and re.match(r"(?:[a-z]+ ){1,2}su\b(?! (?:sai|thay|co)\b)", low[a:b]):
                continue  # typed bare, "la su …" is mostly "là sự …", not "là sư"
            if category.startswith("criminal") and _thing_subject(low, s0, a, persons):
                continue  # "Xe … bị tạm giữ": the vehicle, not a person's record
            if category == "location_x" and any(c == "location" and s0 <= x < s1 for c, x, _ in out):
                continue  # the positions themselves are already found; "Lịch sử GPS của chị …:" only introduces them
            if (_people_noun(low, a) or (category != "political_x" and _group_or_topic(text, low, s0, a))) and not (
                    _household_members(text, low, s0, a) or _listed_people(low, s0, b, starts)):
                continue  # a group, a statistic or a topic, not one person ("đăng bài ủng hộ …" is the person's post)
            if LEGAL_WORDING.search(low[s0:a] + " | " + low[b:s1]) or re.search(r"(?:tro cap|che do|muc do|dien|giay xac nhan|ho so|"
                                                               r"nguoi|danh cho|ve) $", low[max(0, a - 14):a]):
                continue
            if category == "health_d" and not DIAGNOSIS_LABEL.search(low, max(0, a - 70), a):
                continue
            if not _accents_agree(text, low, a, b) or (low[a:b].endswith(" h") and text[b - 1] != "H"):
                continue
            named = bisect.bisect_left(starts, s1) > bisect.bisect_left(starts, s0) or _anaphora(text, s0, starts)
            # "đang/vừa/mới …" states a fact even in a question about the procedure ("Mẹ em đang xạ trị …, có cần …?")
            factual = re.match(r"(?:dang|vua|moi|van) ", low[a:b]) is not None
            if named or (person_cue(text[s0:s1]) and (factual or not HYPOTHETICAL.search(low[s0:min(len(low), s1 + 1)]))):
                out.append((category.split("_", 1)[0], a, b))
    for m in ETHNIC_FIELD.finditer(folded) if "dan toc" in low else ():
        s0 = max(0, low.rfind("\n", 0, m.start()) + 1, max(low.rfind(c, 0, m.start()) for c in ".;!?") + 1)
        if bisect.bisect_left(starts, m.start() + 200) > bisect.bisect_left(starts, max(0, m.start() - 200)) or person_cue(
                text[s0:m.end() + 100]):
            # "Dân tộc: Mông" in a person's record; only the group when the person is named between
            out.append(("ethnic", m.start("group") if re.search(r"(?i:cua)\s", m.group()) else m.start(), m.end()))
    if "nguoi" in low or "goc " in low:
        folded_case = folded
        for m in ETHNIC_CAP.finditer(folded_case):
            apposition = re.search(r"[,(]\s*$", low[max(0, m.start() - 3):m.start()]) is not None  # "Mỷ, người Mông,"
            after_name = any(0 < m.start() - y <= 2 for _, y in persons)  # "ông Đàng Văn Tài người Chăm Bàni"
            role = re.search(r",\s*(?:[a-z]+ ){1,3}$", low[max(0, m.start() - 30):m.start()])  # "Ông …, thầy cúng người Dao"
            after_name = after_name or (role is not None and any(
                0 <= max(0, m.start() - 30) + role.start() - y <= 1 for _, y in persons))
            if not re.match(r"(?:.*\bla |" + KIN_BARE + r"|nguoi goc|nguoi dan toc|goc )", low[m.start():m.end()]) and not (
                    apposition or after_name):
                continue  # "120 người Hoa": a count, not a person's origin
            s0, s1 = _sentence_of(cut, m.start(), m.end())
            words = PERSON_WORDS_BARE if text[s0:s1].isascii() else PERSON_WORDS
            if bisect.bisect_left(starts, s1) > bisect.bisect_left(starts, s0) or words.search(text[s0:s1].lower()):
                out.append(("ethnic", m.start(), m.end()))
    out.sort(key=lambda t: (t[1], -(t[2] - t[1])))
    kept: list[tuple[str, int, int]] = []
    for item in out:
        if kept and item[1] < kept[-1][2]:
            continue
        # the same fact said twice in one clause ("mắc bệnh lao cần điều trị dài ngày",
        # "nghiện ma túy, gia đình xin cai nghiện"): one span, generalised once
        if (kept and item[1] - kept[-1][2] <= 40
                and not re.search(r"[.;!?\n]", text[kept[-1][2]:item[1]])
                and not any(kept[-1][2] <= a < item[1] for a in starts)):
            kept[-1] = (item[0], kept[-1][1], item[2])
            continue
        kept.append(item)
    return kept
