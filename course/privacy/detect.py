"""Rule-based detection of Vietnamese personal data in free text.

Each detector is a regular expression plus, where digits alone are ambiguous, a context rule:
a 12-digit number is a CCCD, but a 9-digit one is a CMND only next to "CMND/chứng minh"; a digit
run is a bank account only near a bank word; a date is a date of birth only after "sinh". Numbers
that are *not* personal data — article numbers, years, amounts of money, document numbers like
"45/2019/QH14" or "Quyết định số 1234/QĐ-UBND" — are left alone by construction (digits glued to
"/" or followed by a currency word are skipped).

Issue 24 added passports, BHXH/BHYT codes, payment cards (Luhn check unless "thẻ" is written),
OTP/PIN/passwords after their keyword (`secrets.py`), emails written out ("a còng gmail chấm com"), and IDs in
any common spelling — dashed, grouped, one digit per box, or in Vietnamese number words — all in
`_extra_ids`; person names (`names.py`) and sensitive data about a person (`sensitive.py`).

Why not `vipii` (Presidio-based Vietnamese PII, PyPI 0.2.1)? It pulls presidio, spaCy and
underthesea into the class kit, has no house-address recogniser, and on this module's own test
set (course.privacy.evaluation, measured 2026-11-25, addresses excluded) reached precision 0.90 /
recall 0.84 (held-out: 0.84 / 0.80), mostly by taking every date ("cấp ngày 10/8/2021", document
dates) for a date of birth.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

from course.privacy.names import (
    FAMOUS,
    NOT_NAME_START,
    PLACE_WORDS,
    PLACES,
    STRONG_PLACE,
    SURNAMES_BARE,
    SURNAMES_VI,
    find_names,
    valid_name,
)
from course.privacy.numwords import number_runs, words_to_digits
from course.privacy.secrets import find_secrets
from course.privacy.sensitive import find_sensitive, person_cue
from course.text import strip_diacritics, strip_diacritics_aligned

# Kind → (placeholder stem, Vietnamese label shown to learners)
KINDS: dict[str, tuple[str, str]] = {
    "CCCD": ("CCCD", "số căn cước công dân"),
    "CMND": ("CMND", "số chứng minh nhân dân"),
    "PHONE": ("SDT", "số điện thoại"),
    "EMAIL": ("EMAIL", "địa chỉ email"),
    "BANK": ("STK", "số tài khoản ngân hàng"),
    "TAX": ("MST", "mã số thuế"),
    "PLATE": ("BIEN_SO", "biển số xe"),
    "DOB": ("NGAY_SINH", "ngày sinh"),
    "ADDRESS": ("DIA_CHI", "địa chỉ nhà"),
    "NAME": ("HO_TEN", "họ tên"),
    "PASSPORT": ("HO_CHIEU", "số hộ chiếu"),
    "INSURANCE": ("BHXH", "mã số BHXH/BHYT"),
    "CARD": ("THE_NH", "số thẻ ngân hàng"),
    "SECRET": ("MA_BI_MAT", "mã OTP, mã PIN hoặc mật khẩu"),
    "SENSITIVE": ("NHAY_CAM", "dữ liệu cá nhân nhạy cảm"),
}
# When two findings overlap, the higher priority wins (context-backed kinds first).
PRIORITY = {"SECRET": 10, "EMAIL": 9, "CARD": 9, "INSURANCE": 9, "PASSPORT": 8, "BANK": 8, "TAX": 8, "CMND": 7,
            "DOB": 6, "PLATE": 6, "PHONE": 5, "CCCD": 4, "ADDRESS": 3, "NAME": 2, "SENSITIVE": 1}


@dataclass(frozen=True)
class Finding:
    """One piece of personal data found in a text: kind, character span and the exact value."""

    kind: str
    start: int
    end: int
    value: str
    category: str = ""  # for SENSITIVE: health, criminal, religion, sexual, biometric

    @property
    def label(self) -> str:
        return KINDS[self.kind][1]


_NOT_DIGIT_BEFORE = r"(?<![\d/.,\w-])"
_NOT_DIGIT_AFTER = r"(?![\d/]|[.,]\d|-\d|\w)"

EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@@?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")


# The dot before the ending left out or mistyped at a known mail service: "thuy.2000@gmailcom", "an@yahoo,com".
EMAIL_SLIP_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@(?:gmail|yahoo|hotmail|outlook|icloud|ymail)(?:com|,com|\.con|\.cm|\.co)(?:\.vn)?(?![\w.])")


def _is_email(value: str) -> bool:
    return EMAIL_RE.fullmatch(value) is not None


# Mobile 0[3579 8]x xxx xxxx (10 digits) or landline 02xx xxxx xxxx (11 digits); +84/84 prefix;
# groups separated by spaces, dots or dashes.
PHONE_RE = re.compile(
    _NOT_DIGIT_BEFORE + r"(?:\(?\+84\)?[\s.-]?|84[\s.-]?|0)\d(?:[\s.-]?\d){8,9}" + _NOT_DIGIT_AFTER
)

CCCD_RE = re.compile(_NOT_DIGIT_BEFORE + r"\d{3}[\s.]?\d{3}[\s.]?\d{3}[\s.]?\d{3}" + _NOT_DIGIT_AFTER)
# Not the start or the tail of a spaced 12-digit CCCD or of a "+84 9xx xxx xxx" phone.
CMND_RE = re.compile(
    _NOT_DIGIT_BEFORE + r"(?<!\d[\s.])(?<!84[\s.])\d{3}[\s.]?\d{3}[\s.]?\d{3}(?![\s.]?\d)" + _NOT_DIGIT_AFTER
)
CMND_CONTEXT = re.compile(r"(?:\bCMND\b|\bCMT\b|\bCMDN\b|\bCMTND\b|chứng minh|\bCCCD\b|căn cước|định danh)", re.I)

BANK_WORDS = (
    r"tài khoản|\bSTK\b|\bTK\b|ngân hàng|\bNH\b|chuyển khoản|\b(?:Vietcombank|VCB|BIDV|Agribank|Vietinbank|"
    r"Techcombank|MB|MBBank|ACB|Sacombank|VPBank|TPBank|VIB|SHB|HDBank|OCB|SeABank|"
    r"Eximbank|LienVietPostBank|LPBank|MSB|Nam A Bank|Bắc Á|Bảo Việt|Kho bạc)\b"
)
BANK_CONTEXT = re.compile(BANK_WORDS, re.I)
PHONE_WORDS = re.compile(r"(?:điện thoại|\bĐT\b|\bSĐT\b|\bsđt\b|\bđt\b|gọi|liên hệ|liên lạc|zalo|số máy|"
                         r"hotline|nhắn tin|di động)\W*$", re.I)
# "sinh" inside these words is not a birth: phát sinh, học sinh, vệ sinh, hy sinh, khai sinh ...
NOT_BIRTH_BEFORE = {"phát", "học", "khai", "vệ", "hy", "sơ", "giáng", "tái", "ký", "thí", "nữ", "hộ", "sản",
                    "dân", "vi", "mưu", "an", "kiếm", "tử", "phục", "hồi", "đỡ", "sinh", "trường", "lưu", "giáo"}
HOLIDAY_BEFORE_SINH = frozenset({"giáng", "phục"})
FEAST_WORD_BEFORE = re.compile(r"(?i:lễ|mùa|đêm|dịp|ngày|tết|đón|mừng|chúc)\s+$")
BANK_RE = re.compile(_NOT_DIGIT_BEFORE + r"\d(?:[\s.-]?\d){5,18}" + _NOT_DIGIT_AFTER)

TAX_CONTEXT = re.compile(r"(?:mã số thuế|\bMST\b|\bMTS\b|mã số doanh nghiệp|mã thuế)", re.I)
TAX_RE = re.compile(_NOT_DIGIT_BEFORE + r"\d{10}(?:[ \t]?[-–—][ \t]?\d{3}(?!\d))?(?:\d{2})?" + r"(?![\d/])")

# Cars "29A-123.45", "30E 12345", "51LD-123.45"; motorbikes "29-B1 123.45", "59X1-234.56", "29B1 23456".
PLATE_RE = re.compile(
    r"(?<![\w/])\d{2}\s?-?\s?[A-ZĐ]{1,2}\d?\s?[-.\s]?\s?\d{3}[.\s-]?\d{2}(?![\d/\w])"
    r"|(?<![\w/])\d{2}[A-ZĐ]{1,2}\d?[-.\s]?\d{4}(?![\d/\w])"
)
# The five digits split any way, as read off the plate ("29B1 - 46 2 37"), after a plate word.
PLATE_SPLIT_RE = re.compile(r"(?<![\w/])\d{2}\s?-?\s?[A-ZĐ]{1,2}\d?\s?[-.]?\s?\d(?:[.\s]?\d){4}(?![\d/\w]|[.\s]\d)")
PLATE_CONTEXT = re.compile(r"\b(?:bien so|bien kiem soat|bks|bien xe)\b")

DATE_PART = (
    r"(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:19|20)\d{2}"
    r"|(?:ng[àa]y|m[ùu]ng|m[ồo]ng)\s+\d{1,2}\s+th[áa]ng\s+\d{1,2}\s+n[ăa]m\s+(?:19|20)\d{2}"
    r"|\d{1,2}\s+th[áa]ng\s+\d{1,2}\s+n[ăa]m\s+(?:19|20)\d{2}"
    r"|(?:19|20)\d{2}-\d{1,2}-\d{1,2}"  # ISO, "1990-06-21"
    r"|\d{1,2}[/.-]\d{1,2}[/.-]\d{2}(?![\d/.-])"  # two-digit year right after a birth word: "SN 3.11.92"
    r"|n[ăa]m\s+(?:19|20)\d{2})"
)
DOB_RE = re.compile(
    r"(?<![\wÀ-ỹ])(?:sinh(?:\s+ng[àa]y(?=\s*[:：]?\s*\d{1,2}\s*[/.-]|\s+ng[àa]y\s)|\s+n[ăa]m)?"
    r"|(?:ng[àa]y|n[ăa]m)\s+sinh(?:\s+c[ủu]a(?:\s+[\wÀ-ỹ]+){1,3}?)?(?:\s+l[àa])?"
    r"|NS|SN|DOB|ng[àa]y\s*[/,]?\s*th[áa]ng\s*[/,]?\s*n[ăa]m\s+sinh)"
    r"\s*[:：]?\s*(?P<date>" + DATE_PART + r"|(?:19|20)\d{2})(?!\d)",
    re.I,
)
# The next person's date after a birth date, in the same label: "; của chồng: 04.12.1990", ", con gái 05/6/2015".
_KIN = r"(?:vợ|chồng|con|bố|mẹ|cha|ông|bà|anh|chị|em|cháu|bé|vo|chong|bo|me|ong|ba|chi|chau|be)"
MORE_BIRTH_DATES = re.compile(r"\s*[;,]\s*(?:c[ủu]a\s+(?:[\wÀ-ỹ]+\s+){0,2}[\wÀ-ỹ]+|" + _KIN + r"(?:\s+[\wÀ-ỹ]+)?)\s*[:：]\s*(?P<date>"
                              r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:19|20)\d{2})(?!\d)", re.I)
# A date spoken in words after "sinh": "sinh ngày mười lăm tháng tám năm hai nghìn không trăm mười chín".
_NUM_WORD = (r"(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|khong|tram|nghin|ngan|linh|le|mot|mươi|"
             r"gieng|chap)")
# Also said the Southern way ("sanh"), without "ngày" ("sanh mười lăm tháng Giêng năm bốn mươi tám"), and read as three
# groups after the label ("ngày sinh: mười tám, không bốn, năm mươi tư").
_NUM_GROUP = r"(?:" + _NUM_WORD + r")(?:\s+" + _NUM_WORD + r"){0,3}"
SPOKEN_DOB_RE = re.compile(r"\bs[ia]nh\s+(?P<date>(?:(?:ngay|mung|mong)\s+)?(?:" + _NUM_WORD + r"\s+){1,3}thang\s+(?:"
                           + _NUM_WORD + r"\s+){1,2}nam(?:\s+" + _NUM_WORD + r"){1,8})\b"
                           r"|\bngay\s+s[ia]nh\s*(?:la\s*)?:?\s*(?P<groups>" + _NUM_GROUP + r"(?:\s*,\s*" + _NUM_GROUP + r"){2})\b")
# "Quàng Thị Bun – 02/04/1938 – 0141…": a full date right after a name in a list is the date of birth.
DATE_AFTER_NAME = re.compile(r"\s*[–—-]\s*(?P<y>\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d{2})(?![\d/.])"
                             # "Lò Văn Tám (12/3/1961)", "Lò Văn Tám, 12-3-1961, bản …", "Lò Thị Bun: 1938": a date or a
                             # year right after a name in a list or a record is the birth date (years before 2023)
                             r"|\s*[(,:–—-]\s*(?:s\.?\s*|sinh\s+|ns\s*:?\s*|sn\s*:?\s*)?"
                             r"(?P<y2>\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:19\d{2}|20[01]\d|202[0-2])"
                             r"|(?:19[2-9]\d|200\d|201[0-2])(?=\s*[,;)–—-]))(?![\d/.])"
                             # a full date alone in brackets after a name, a child's too: "Lý Văn Phú (03/02/2024)"
                             r"|\s*\(\s*(?P<y3>\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2})\s*\)")

# Capital letters only: the range À-Ỹ also holds the small letters ("đến 2020 được" is not a street).
_UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1EF9 + 1)) if c.isupper())
_STREET_WORD = r"(?:ngõ|ngách|hẻm|kiệt|đường|phố|tổ|khu phố|thôn|xóm|ấp|tập thể|chung cư|khu tập thể)"
_STREET_WORD_ANY = (r"(?:ng[õo]|ng[áa]ch|h[ẻe]m|ki[ệe]t|[đd][ưu][ờo]ng|ph[ốo]|t[ổo]|khu ph[ốo]|th[ôo]n|x[óo]m|[ấa]p|"
                    r"t[ậa]p th[ểe]|chung c[ưu]|khu t[ậa]p th[ểe])")
_HOUSE_NO = r"\d{1,4}[A-Za-z]?(?:\s*/\s*\d{1,4}[A-Za-z]?){0,3}"
_NAME_WORDS = rf"[{_UPPER}][\wÀ-ỹ]*(?:\s+(?:[{_UPPER}][\wÀ-ỹ]*|\d{{1,3}}))" + r"{0,4}"
_STREET_TAIL = r"(?:(?:số\s+)?" + _HOUSE_NO + r"(?:\s+" + _NAME_WORDS + r")?|" + _NAME_WORDS + r")"  # "đường số 7"
ADDRESS_RES = (
    # "số nhà 12", "nhà số 5 ngõ 7", "căn hộ 1203 chung cư ...", "thửa nhà số 102 …" (a plot's house)
    # (also typed without diacritics: "so nha 15 ngo 3 duong Le Loi")
    re.compile(r"\b(?P<addr>(?:[Tt]h[ửu]a )?(?:[Ss][ốo] nh[àa]|[Nn]h[àa] s[ốo]|[Cc][ăa]n h[ộo])\s+" + _HOUSE_NO
               + r"(?:\s*,?\s*" + _STREET_WORD_ANY + r"\s+" + _STREET_TAIL + r")*)"),
    # "12 ngõ 34 phố Huế", "số 5 hẻm 12 đường Lê Lợi"
    re.compile(r"(?<![\w/])(?P<addr>(?:số\s+)?" + _HOUSE_NO + r"\s*,?\s*" + _STREET_WORD + r"\s+" + _STREET_TAIL
               + r"(?:\s*,?\s*" + _STREET_WORD + r"\s+" + _STREET_TAIL + r")*)"),
    # "trú tại 25 Lê Lợi", "ở số 8 Trần Phú"
    re.compile(r"(?:tại|trú|ngụ|ở|chỉ:?|về|đến)\s+(?P<addr>(?:số\s+)?" + _HOUSE_NO + r"\s+" + _NAME_WORDS + r")"),
)
# A house number with its alley ("342/17", "60/4B") right before a street's name, anywhere: "… 342/17 Nguyễn Trọng Tuyển".
HOUSE_SLASH_RE = re.compile(r"(?<![\w/.,-])(?P<addr>(?:[KH]\.?\s?)?(?P<n1>\d{1,4})[A-Z]?/(?P<n2>\d{1,3})[A-Z]?(?:/\d{1,3}[A-Z]?)?\s+"
                            r"(?:(?:đường|phố|Đường|Phố)\s+số\s+\d{1,3}\b|(?:(?:đường|phố|Đường|Phố)\s+)?" + _NAME_WORDS + r"))")
HOUSE_CUE_BEFORE = re.compile(r"(?:số|nhà|ở|tại|về|đến|chỉ|trú|ngụ|so|nha|o|tai|ve|den|chi|tru)\s*:?\s*$", re.I)
# A position on a map, as a phone or a map app shares it: "10.7769, 106.7009", "21,0285; 105,8542", "(16.0544N, 108.2022E)"
# (latitude then longitude, four decimals or more: a home to within about ten metres).
COORDINATES_RE = re.compile(r"(?<![\w.,-])(?P<lat>-?\d{1,2}[.,]\d{4,8})(?:\s?°)?(?:\s?[NS]\b)?(?:\s*[,;]\s*|\s+)(?P<lon>-?\d{1,3}[.,]\d{4,8})"
                            r"(?:\s?°)?(?:\s?[EW]\b)?(?![\w]|[.,]\d)")
# … said to be one, in the sentence: a location shared, a pin, a map (folded).
COORDINATES_CUE = re.compile(r"\b(?:dinh vi|vi tri|toa do|ban do|maps?|gps|ghim|location|vi do|kinh do|lat|long|lng|chia se)\b")
# A flat: "phòng 304, nhà B2, khu tập thể Quyết Thắng".
FLAT_RE = re.compile(r"\b(?P<addr>[Pp]hòng\s+\d{1,4}[A-Za-z]?\s*,?\s*(?:nhà|tòa|toà|block)\s+[A-Z0-9][\w-]*"
                     r"(?:\s*,?\s*(?:khu tập thể|chung cư|khu nhà ở|KTX|tòa nhà)\s+" + _NAME_WORDS + r")?)")
# What follows an address label is an address: "Địa chỉ: bản Bó Phứa", "ĐỊA CHỈ: SỐ 58, TỔ 6, ĐƯỜNG 3/2",
# "Nơi ở hiện tại: …", "dia chi so 3 ngo 8 pho Le Duan" (on folded lower-case text).
ADDRESS_LABEL_RE = re.compile(
    r"(?:\b(?:dia chi(?: (?:nha|thuong tru|tam tru|lien he|hien tai|hien nay|cu|moi|nha rieng))?"
    r"|(?:dia chi|d/c|dc)(?: (?!email|e-mail|thu\b|mail|web|website|ip\b|mac\b|truy cap|dang nhap)[a-z]+){1,5}(?=\s*:)"  # "Địa chỉ người khiếu nại:"
    r"|noi o(?: hien (?:tai|nay))?"
    r"|noi (?:thuong|tam) tru|cho o(?: hien (?:tai|nay))?)(?:\s*:\s*|[ \t]+(?=so\s+\d|\d|(?:to dan pho|tdp|to|xom|thon|ban|ap"
    r"|khu pho|khom|ngo|ngach|hem|kiet|duong|pho)\s+(?:so\s+)?[\da-z]))"
    r"|\b(?:thuong tru|tam tru|tru quan|hktt|ho khau(?: thuong tru)?|noi cu tru|dc|d/c|tru)\s*:\s*)"
    r"(?P<addr>[^;\n()\"—–]{2,80})")
ADDRESS_LABEL_CUT = re.compile(r"\s[-–—]\s|,\s*(?:sdt|dt|dien thoai|cccd|cmnd|email|so dien thoai|ngay sinh)\b"
                               r"|\.(?:\s|$)|\s+(?:soan|nho|xin|de nghi|giup|viet)\b")
ADDRESS_WORD = re.compile(r"\d|\b(?:ban|thon|xom|ap|buon|plei|lang|to|khu|ngo|ngach|hem|kiet|duong|pho|so|phuong|xa|"
                          r"can ho|can|tang|lau|chung cu|tap the|phong|nha|noc|phum|soc|tieu khu|quoc lo|tinh lo)\b")
PERSON_ID_KINDS = frozenset({"CCCD", "CMND", "PHONE", "PASSPORT", "INSURANCE", "EMAIL", "DOB"})
# Number words in a place unit's number ("số bốn mươi hai, tổ mười một"), folded.
_NUMW = r"(?:khong|mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|tram|linh|le|mot)"
# What an address opens with: a number, a capital, or a place unit with its number or name ("tờ khai" is not one).
ADDRESS_START = re.compile(r"(?:\d|[A-Z]|(?i:so|ban|thon|xom|ap|buon|plei|lang|to dan pho|to|khu pho|khu|khom|ngo|ngach|hem|"
                           r"kiet|duong|pho|phuong|xa|thi tran|can ho|can|tang|lau|chung cu|tap the|khu tap the|phong|nha so|so nha|nha|"
                           r"noc|phum|soc|tieu khu|quoc lo|tinh lo|"
                           r"ki-?ot|lo|day|quay|thua|doi|khu dan cu|khu do thi|kdt)\s+(?:so\s+)?[\dA-Za-z])")
# An address written in English: "No. 23, Alley 45, Nguyen Trai Street", "12 Lane 5, Kim Ma Road".
ENGLISH_ADDRESS = re.compile(r"\b(?:No\.?\s*|Number\s+)?\d{1,4}[A-Za-z]?(?:/\d{1,4})*,?\s+(?:(?:Alley|Lane|Ln|Hamlet|Group|"
                             r"Block|Room|Apt\.?|Apartment|Floor)\s+\d{1,4}[\w/]*,?\s+)*(?:[A-Z][a-z]+\s+){1,4}"
                             r"(?:Street|street|St\.?|Road|road|Rd\.?|Avenue|Ave\.?|Boulevard|Blvd\.?)(?!\w)")
# An address in English with Vietnamese units: "lives in Hamlet 3, Tan Phu commune", "Group 5, Quarter 2, Ward 7".
ENGLISH_PLACE = re.compile(r"(?:\b(?:lives?|living|lived|resides?|residing|stays?|staying)\s+(?:in|at|on)\s+(?=\w)|\b(?:from|at|in)\s+"
                           r"(?=Hamlet|Village|Group|Residential Group|Quarter))(?P<a>(?:Hamlet|Village|Group|"
                           r"Residential Group|Quarter|Zone|Block|Alley|Lane|Room|Apartment|Apt\.?)\s+(?:\d{1,4}[A-Z]?|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})"
                           r"(?:,?\s+(?:(?:Hamlet|Village|Group|Quarter|Zone|Block|Alley|Lane|Ward|District|Commune)\s+(?:\d{1,4}|[A-Z][a-z]*"
                           r"(?:\s+[A-Z][a-z]+){0,2})|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}\s+(?:commune|ward|district|town|village|province)))*)")
# A village named after "về/ở/tại" or after a comma in a sentence that holds a person's name.
VILLAGE_RE = re.compile(r"(?:\b(?:ve|o|tai|tru tai|que)\s+|,\s*|\(\s*)(?P<v>(?:ban|thon|xom|ap|buon|plei|lang|noc|phum|soc)"
                        r"\s+[A-Z][a-z]*(?:\s+[A-Z][a-z]*){0,2})")
# The same in capitals, as forms are filled in: ", THÔN KHUỔI PHẨY", "Ở XÓM ĐỒI" ("BẢN" only with its accent: "BÀN" is a family name).
VILLAGE_CAPS_RE = re.compile(r"(?:\b(?:VE|O|TAI|TRU TAI|QUE)\s+|,\s*|\(\s*)(?P<v>(?:BAN|THON|XOM|AP|BUON|PLEI|LANG|NOC|PHUM|SOC)"
                             r"\s+[A-Z]{2,}(?:\s+[A-Z]{2,}){0,2})\b")
# A chain of place units, on folded text that keeps capitals: "phòng 204, nhà số 15 ngõ 62 phố Trần Hưng Đạo",
# "xóm Bưa, thôn Đồng Bến", "ki-ốt số 12 chợ Phương Lâm", "căn hộ 1507 tòa B chung cư Hòa Bình Green".
# "sn 32, ng 5, tổ 8": "sn" is a house number (not "sinh năm") and "ng" a lane when another unit follows
SN_HOUSE_AFTER = r"\s*,?\s*(?:ng|ngo|ngach|hem|kiet|to|duong|pho)\s+\d"
_PLACE_NOUN = (r"(?:sn(?=\s+\d{1,4}[A-Za-z]?" + SN_HOUSE_AFTER + r")|ng(?=\s+\d{1,4}\s*,)|phong|can ho|toa nha|toa|nha so|so nha|nha|so(?=\s+(?:\d|" + _NUMW + r"\b))|doi|phong tro|nha tro|day tro|khu tro|khu dan cu|kdc|can(?=\s+\d)"
               r"|khu vuc|khu tai dinh cu|khu tdc|ktdc|tdc|sap|gian hang|km|cum|tang|lau|khu(?! pho)|ki-?ot|kiot|quay|ngo|ngach|kiet|hem|duong|pho|"
               r"to dan pho|tdp|to|khu pho|kp|khom|xom|thon|ban|ap|buon|plei|lang|noc|phum|soc|cho|chung cu|khu tap the|day nha tap the|ktx|block|lo|day"
               r"|quoc lo|tinh lo|huong lo|duong tinh|duong huyen|dai lo|ql|khu do thi|kdt|khu nha o|nha o xa hoi|khu biet thu|khu chung cu|khu cong nghiep|kcn|tieu khu"
               r"|tap the(?=\s+[A-Z]))")  # "tập thể Kim Liên" (an estate), not "tập thể lớp"
_PLACE_UNIT = (r"(?:(?i:kp|tdp|ap|to)(?=\d{1,2}\b)|(?i:" + _PLACE_NOUN + r")\s+)(?:so\s+)?(?:\d{1,2}\s+Thang\s+(?:\d{1,2}|[A-Z][a-z]+)(?!\w)"  # "đường 3 Tháng 2"
               r"|(?:(?<=duong )|(?<=pho )|(?<=Duong )|(?<=Pho ))\d{1,2}\s+thang\s+\d{1,2}(?!\w)"  # typed "đường 3 tháng 2"
               r"|\d{1,4}(?:[A-Za-z]{1,2}\d{1,3}|[A-Za-z]?)(?:[/.-]\d{1,4}[A-Za-z]?)*(?:\+\d{1,4})?(?![\w/])"  # "60/4", "12A08", "17+300"
               r"|[A-Z]{1,2}\d{0,3}(?:[-.]\d{1,4}[A-Za-z]?)?\b(?:\s+[A-Z][\w'-]*){0,3}"  # "A3", "B2-15", "S2.05 Vinhomes Ocean Park"
               r"|(?i:cho|chua|dinh|den|ga|cau|nha tho)\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}"  # "ngõ chợ Đồng Xa"
               r"|" + _NUMW + r"(?:\s+" + _NUMW + r"){0,5}\b"
               r"(?!\s+(?!(?i:" + _PLACE_NOUN + r"|bi|xin|co|can|dang|da|se|muon|nho|de|duoc|va|la|thi|cho|gui|moi|vua|chua|o|tai"
               r"|bao|hoi|lam|nop)\s)[a-z])|[A-Z][\w'-]*(?:\s+(?:[A-Z][\w'-]*|\d{1,3}\b(?!\s+[a-z]))){0,4})")  # "chung cư Ehome 3"
OFFICE_PLACE = re.compile(r"\b(?:tru so|ubnd|uy ban nhan dan|hoi truong|co quan|van phong|nha van hoa|hoi nghi|mot cua"
                          r"|bo phan|phong hop|tiep nhan)\b")
# Where in a place: "cuối xóm Giữa", "giáp bờ đê", "cạnh chợ Phường" — a position word before a unit or a landmark (a
# landmark with no name counts only after another unit: "ấp Tân Hưng, cuối kênh Xáng").
_POSITION = (r"(?:ngay\s+)?(?:cuoi|dau|giua|gan|canh|sau|truoc|giap|ven|ben|doi dien|sat|phia sau|phia truoc|ngay|trong"
             r"|ngoai|cach)")
_LANDMARK = (r"(?:kenh|song|suoi|de|bo de|bo song|bo kenh|cau|cong|dinh|chua|nha tho|nghia trang|truong|cay xang|nga ba|nga tu"
             r"|nga nam|dap|ho|ruong|doi|nui|bai|ben|ben do|ben xe|tram|cot dien|ranh|mo|xuong|hop tac xa|htx|gieng(?: lang)?"
             r"|cay da|cay gao|cay si|mieu|nha van hoa|nha tho ho|san bong|san kho|lo gach|tiem [a-z]+|quan [a-z]+)")
_POSITION_UNIT = (r"(?i:" + _POSITION + r")\s+(?:" + _PLACE_UNIT + r"|(?i:" + _LANDMARK + r")(?:(?:\s+[a-z]+){0,2}\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}"
                  r"|\s+(?:so\s+)?\d{1,4}\b)?(?=\s*[,;.)]|\s*$|\s+(?i:km|quoc lo|tinh lo|duong|pho|ngo|hem|kiet|so)\s+\d))")
# Units of the administration after a place ("thôn 3, xã Ea Tiêu, huyện Ninh Giang"): they go on a chain, never open one.
_ADMIN_UNIT = (r"(?:(?i:xa|phuong|thi tran|huyen|quan|thi xa|thanh pho|tp\.?|tinh|tx\.?|tt\.?)\s+|(?i:p|q|h|x|f|tp|tx|tt)\.\s*"
               r"|[pqf]\s+(?=[A-Z]|\d))(?:[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}"
               r"|\d{1,2}\b(?!\s*[/.]\d))")
# After a unit: the n-th house from it ("nhà thứ ba bên trái"), a host's house ("nhà bà Hương"), a part of a hamlet named by
# where it lies ("xóm dưới suối"), an old unit and its new name ("khu 5 cũ, nay là tổ dân phố 9").
_HOST_HOUSE = (r"(?i:(?:nha tro|day tro|khu tro|xom tro|phong tro)(?: nha)?|nha)\s+(?i:ong|ba|co|chu|bac|anh|chi|cu|di)\s+[A-Z][\w'-]*")
_LODGING_HOST = (r"(?i:nha tro|day tro|khu tro|xom tro|phong tro)(?: nha)? (?i:ong|ba|co|chu|bac|anh|chi|cu|di)\s+[A-Z][\w'-]*")
_HOUSE_NTH = (r"(?i:(?:can |cai )?nha thu (?:" + _NUMW + r"|\d{1,2})(?: (?:ben|phia|tay) (?:trai|phai)| tu (?:dau|trong|ngoai|duoi|tren)"
              r"(?: (?:ngo|hem|kiet|vao|ra|dem|lai))?)?|nha (?:ong|ba|anh|chi|co|chu|bac|cu) )(?:[A-Z][\w'-]*)?"
              r"|(?i:xom|ban|thon|lang|ap|khu) (?:tren|duoi|giua|ngoai|trong|dau|cuoi) [a-z]+")
_HOUSE_STREET = r"\d{1,4}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?)*\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,4}"
# A house number and a street, then its ward or district: "23 Lý Tự Trọng, P. Bến Nghé, Q.1" (folded, capitals kept); the
# home is the number and the street (the ward after it is said of many homes)
HOUSE_STREET_ADMIN_RE = re.compile(r"(?<![\w/.,-])(?P<addr>" + _HOUSE_STREET + r")(?=\s*,\s*" + _ADMIN_UNIT + r")")
_CHAIN_NEXT = (r"(?:(?i:nay (?:la|thuoc)|truoc la|cu la)\s+)?(?:" + _HOUSE_NTH + r"|" + _HOST_HOUSE + r"|" + _PLACE_UNIT + r"|" + _POSITION_UNIT + r"|"
               + _ADMIN_UNIT + r"|" + _HOUSE_STREET + r")(?:\s+(?i:cu|moi)\b)?")
HOUSE_NTH_AFTER = re.compile(r"\s*,?\s*(?:" + _HOUSE_NTH + r")")
# (the lookahead: the first letters of every unit, position word and estate word, checked before the long alternation)
PLACE_CHAIN_RE = re.compile(r"(?<![\w-])(?=[pctnsdkqhbalxgvoPCTNSDKQHBALXGVO])(?P<c>"
                            + _LODGING_HOST + r"(?:\s*,?\s*" + _CHAIN_NEXT + r")*"  # "xóm trọ cô Ba", "nhà trọ bà Tư": "bà" is no "ba" (3)
                            r"|(?:(?i:" + _POSITION + r")\s+)?" + _PLACE_UNIT + r"(?:\s*,?\s*" + _CHAIN_NEXT + r")*"
                            r"|" + _HOST_HOUSE + r"(?:\s*,?\s*" + _CHAIN_NEXT + r")+"  # "dãy trọ cô Năm, phòng 6"
                            # an estate named in small letters, then its block or room: "khu tập thể nhà máy giấy, dãy C, phòng 12"
                            r"|(?i:khu tap the|tap the|ky tuc xa|ktx|chung cu|khu nha o|khu tro|day tro)(?: [a-z]+){1,4}"
                            r"(?=\s*,\s*(?i:day|phong|nha|toa|block|can|so|lo|tang|lau)\s)(?:\s*,?\s*" + _CHAIN_NEXT + r")+"
                            r"|" + _POSITION_UNIT + r"(?:\s*,?\s*" + _CHAIN_NEXT + r")+)")  # "sau trường … Kim Đồng, xóm 4"
POSITION_START = re.compile(r"(?i:" + _POSITION + r")\s+")
DWELLING_START = re.compile(r"(?:phong|can ho|nha so|so nha|ki-?ot|kiot|quay|sap|gian hang)\b", re.I)
CHAIN_LEAD = re.compile(r"(?:\b(?:o|tai|tru|tru tai|ngu tai|den|tu|ve|que|que o|gui|thue tro o|song o|nguoi|thue tro|o tro|thue|dia chi(?: nha)?"
                        r"|thue phong|ban|ban rau|ban hang|nha|nha (?:toi|minh|em|anh|chi|ong|ba|co|chu|bac|cu|chau|no|ho)"
                        r"(?: [A-Z][a-z]*)?)\s+|\(\s*"
                        r"|\s[–—-]\s*)$", re.I)
# A unit that numbers one home: "số nhà 8", "nhà số 15", "số 9" (before another unit), a flat, a room, a stall.
HOUSE_UNIT = re.compile(r"(?:^|\b)(?:so nha|sn|nha so|can ho|can|phong tro|phong|nha tro|ki-?ot|kiot|quay|sap|gian hang|so|nha)\s+(?:so\s+)?(?:\d|" + _NUMW + r"\b)"
                        r"|(?<!quoc )(?<!tinh )(?<!huong )\blo\s+(?:so\s+)?[a-z]{0,2}\d")  # a plot of an estate: "lô B2-15"
# Sending something to a place: the place is where someone lives or works ("ship về nhà 3, ngõ 9 …").
DELIVERY_LEAD = re.compile(r"\b(?:ship|giao|gui|chuyen|chuyen phat|mang|dua)\s+(?:\w+\s+){0,2}(?:ve|den|toi|qua)\s+$")
# The one who writes lives there: "em ở thôn Khe Vàn …", "nhà tôi ở …".
SPEAKER_LEAD = re.compile(r"\b(?:toi|tui|em|minh|chau|con|nha toi|nha em|nha minh|nha chau|gia dinh toi|gia dinh em)\s+"
                          r"(?:dang\s+|hien\s+|hien dang\s+|van\s+)?(?:o|song o|tru tai|o tai|ngu tai|thue tro o|thue nha o)\s+$")
# … or says so after it: "ở xóm 3 thôn Trung nhà em", "tổ 5, phường An Lạc là nhà tôi", "thôn Đông quê cháu" (folded).
SPEAKER_AFTER = re.compile(r"\s*,?\s*(?:(?:la|cua)\s+)?(?:nha|que|cho o|phong tro|nha tro)\s+(?:cua\s+)?(?:toi|tui|em|e|minh|chau|con)\b")
# A residential group right after a person's name or ID: "cô Lý Thị Mùi tổ 7", "Ông Hạ TDP Tân Lập", "Ông Tiến khu 4".
_GROUP_UNIT = (r"(?i:to dan pho|tdp|to|khu pho|kp|khu vuc|tieu khu|khom|xom|thon|ban|ap|buon|plei|noc|phum|soc|khu|cum|doi"
               r"|phong tro|nha tro|day tro)\s+(?:so\s+)?(?:\d{1,3}|[A-Z][a-z]*(?:\s+[A-Z][a-z]*){0,2})(?![\w/])")
# … and the larger units after it: "Bạch Thị Nhôm tổ 4 khu 2".
AFTER_PERSON_GROUP = re.compile(r"\s*[,(-]?\s*(?:(?i:to truong|to pho|truong thon|truong xom|truong ap|truong ban|truong khu)\s+)?"
                                r"(?P<v>" + _GROUP_UNIT + r"(?:\s*,?\s*" + _GROUP_UNIT + r"){0,2})")
# A house number and its street right after a person's name and a comma (folded): "Bùi Thị Liên, 45B Trần Hưng Đạo".
HOUSE_AFTER_NAME = re.compile(r"\s*,\s*(?P<v>\d{1,4}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?)*\s+[A-Z][a-z]*(?:\s+[A-Z][a-z]*){0,3})(?![\w/])")
# A numbered residential group: "tổ 7", "xóm 3", "đội 2", "tổ mười một".
NUMBERED_GROUP = re.compile(r"(?:to dan pho|tdp|to|xom|thon|doi|khu pho|kp|khom|ap|khu dan cu|kdc|khu)\s+(?:so\s+)?(?:\d|" + _NUMW + r"\b)")
# The village or group itself, not a home in it: "bà con xóm Bưa", "trưởng thôn …", "chi bộ bản …", "nhà văn hóa tổ 5".
GROUP_PLACE_BEFORE = re.compile(r"\b(?:ba con|chi em|anh em|nhan dan|dan|truong|pho|bi thu|chi bo|nha van hoa|hoi|doi|"
                                r"cong an|can bo|toan|cac|moi|nhung|(?<!\bo )(?<!\bnam )trong|cua ca|dia ban|thuoc)\s*$")  # "ở trong hẻm 5" is a home


# Words that, right before a number, make it a legal or document reference — never an address.
NOT_ADDRESS_BEFORE = re.compile(
    r"(?:Điều|khoản|Khoản|điểm|Chương|Mục|Phụ lục|năm|tháng|ngày|số hiệu|Quyết định|Nghị định|"
    r"Thông tư|Luật|Công văn|Tờ trình|Kế hoạch|Báo cáo|[Vv]ị trí|[Nn]gõ|[Nn]gách|[Hh]ẻm|[Kk]iệt|[Tt]ổ|[Xx]óm|[Tt]hôn)\s*(?:số\s*)?$",
)

# A number right after these counts things ("sửa 3 đường", "có 2 ngõ"): not a house number.
COUNT_BEFORE = re.compile(
    r"\b(?:có|gồm|sửa|xây|làm|lát|nâng cấp|các|những|hơn|khoảng|gần|trên|dưới|với|và|thêm|cả|mỗi)\s+$", re.I
)
# A number followed by these is a legal or administrative reference, not a house on a street.
NOT_ADDRESS_NAME = re.compile(
    r"\d\s+(?:Điều|Khoản|Chương|Mục|Luật|Bộ luật|Nghị định|Nghị quyết|Thông tư|Quyết định|Chỉ thị|Công văn|"
    r"Tháng|Năm|Ngày|Phường|Xã|Quận|Huyện|Tỉnh(?! lộ)|Thôn|Tổ|Khu|Đợt|Quý|Lớp|Hiến pháp)\b"
)

# A street named after a date: "đường 3 Tháng 2", "phố 19 Tháng 5" (the month word is masked before NOT_ADDRESS_NAME).
STREET_DATE = re.compile(r"((?:[Đđ]ường|[Pp]hố|[Đđ]ại lộ)\s+\d{1,2})\s+Tháng")
# Words that end a village name typed in small letters ("bản hang kia xin hỗ trợ").
_VERB_STOP = (r"(?:tren|duoi|ben|nay|do|cu|xin|de|nghi|hoi|bi|co|muon|can|dang|da|se|den|lam|nop|duoc|va|voi|la|thi|nhung|cho|gui|ve|tu|nay"
              r"|vung|dac|thuoc|dien"  # "thôn vùng đặc biệt khó khăn", "thôn thuộc diện …": a kind of village, not its name
              r"|vua|moi|chua|khong|ko|ne|nhe|a|o|tai)")
# A village typed in small letters after "ở/tại/quê", up to a verb or the next field (folded).
LOWER_VILLAGE = re.compile(r"\b(?:o|tai|o tai|que|que o|song o)\s+(?P<v>(?:ban|thon|xom|buon|plei|lang)(?: (?!(?:" + _VERB_STOP
                           + r"|so|sdt|dt|cccd|cmnd|email|sinh|ten|nam|thang|ngay|xa|huyen|phuong|nay|kia|minh|toi|em)\b)[a-z']+){1,3})")
_MOBILE_PREFIXES = ("03", "05", "07", "08", "09")
_NOT_BIRTH_ASCII = {strip_diacritics(w) for w in NOT_BIRTH_BEFORE}  # "ve sinh", "hoc sinh" typed bare

# Many people type Vietnamese without diacritics ("so tai khoan", "dien thoai"): every context rule is
# also tried on the folded text with the same words folded.
_ASCII = {rx: re.compile(strip_diacritics(rx.pattern), rx.flags)
          for rx in (CMND_CONTEXT, BANK_CONTEXT, PHONE_WORDS, TAX_CONTEXT)}
# "CCCD 0010...": an identity word right before the number beats a bank word further on.
ID_JUST_BEFORE = re.compile(r"(?:\bCMND|\bCMT|chứng minh nhân dân|\bCCCD|căn cước(?: công dân)?|định danh(?: cá nhân)?|\bVNeID)"
                            r"\W*(?:số\W*)?$", re.I)
_ASCII[ID_JUST_BEFORE] = re.compile(strip_diacritics(ID_JUST_BEFORE.pattern), re.I)


# … unless an account word comes right before it: "số tài khoản 102.874.639.512"
ACCOUNT_JUST_BEFORE = re.compile(r"(?:tai khoan|\bSTK|\bTK)\W*(?:so\W*)?(?:la\W*)?$", re.I)


def _context(rx: re.Pattern[str], text: str) -> bool:
    """`rx` found in `text`, as typed or with diacritics left out."""
    return bool(rx.search(text) or _ASCII[rx].search(strip_diacritics(text)))


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _valid_phone(raw: str) -> bool:
    digits = _digits(raw)
    if raw.lstrip("(").startswith("+84") or (digits.startswith("84") and not raw.startswith("0")):
        digits = "0" + digits[2:]
    if len(digits) == 10:
        return digits[:2] in _MOBILE_PREFIXES
    if len(digits) == 11:
        return digits.startswith("02")
    return False


def _window(text: str, start: int, end: int, before: int = 45, after: int = 25) -> str:
    """Context around a span, cut at sentence boundaries."""
    lo, hi = max(0, start - before), min(len(text), end + after)
    while 0 < lo < start and text[lo - 1].isalnum():  # whole words only: "Minh" cut to "nh" is not "NH" (ngân hàng)
        lo += 1
    while end < hi < len(text) and text[hi].isalnum():
        hi -= 1
    left = text[lo:start]
    right = text[end:hi]
    left = re.split(r"[.;!?\n](?:\s|$)", left)[-1]
    right = re.split(r"[.;!?\n](?:\s|$)", right)[0]
    return left + " " + right


def _money_after(text: str, end: int) -> bool:
    """An amount or a count follows: "1.500.000 đồng", "100 200 300 400 người"."""
    return bool(re.match(r"\s*(?:đồng|đ\b|VNĐ|VND|triệu|tỷ|nghìn|ngàn|USD|%|km\b|m2|m²|ha\b|kg\b|người\b|lượt\b|"
                         r"nhân khẩu|tấn\b)", text[end:], re.I))  # "ha" is hectares, not the start of "hay"


# ---------------------------------------------------------------- issue 24: more IDs, more spellings
# Digits written one per box, in dashed or grouped blocks: "0|0|1|...", "001-203-004-567", "0012 0300 4567".
_RUN_SEP = r"(?:[ \t]?[.\-|·_][ \t]?|[ \t]|\][ \t]?\[|\)[ \t]?\()"  # boxes drawn "[0][7]" or "(0)(7)"
DIGIT_RUN = re.compile(r"(?<![\w/.,-])\d(?:" + _RUN_SEP + r"?\d){8,18}(?![\w/]|[.,]\d)")
# Groups of three or four digits joined by slashes ("035/092/001/234"): an ID, not a document number (those hold
# letters, "12/2025/NĐ-CP", or a year).
SLASH_RUN = re.compile(r"(?<![\w/.-])\d{3,4}(?:/\d{3,4}){2,3}(?![\w/-])"
                       r"|(?<![\w/.-])\d(?: ?/ ?\d){8,18}(?![\w/-])")  # and one digit per box between slashes: "0/7/9/2/…"
# Groups of three to five digits set apart by two or three spaces, as on a form printed wide: "0920  8700  4415".
# One digit per box, the boxes drawn with two or three spaces: "0  3  6  2  0  5  0  1  1  9  0  4".
SPACED_DIGITS = re.compile(r"(?<![\w/.,-])\d(?:[ \t]{2,3}\d){8,18}(?![\w/]|[.,]\d)")
WIDE_GROUPS = re.compile(r"(?<![\w/.,-])\d{3,5}(?:[ \t]{2,3}\d{3,5}){2,4}(?:[ \t]{2,3}\d{1,2})?(?![\w/]|[.,]\d)")
# The name of a passport's letter read aloud, right before the digits: "xê" / "cê" (C), "bê" (B), "pê" (P) ...
_LETTER_NAME = r"(?:a|be|bo|xe|ce|de|do|e|ep|gie|ge|go|hat|i|ca|ka|en|en no|em|o|pe|quy|e ro|es|et|te|to|u|ve|vo|ich xi|i dai)"
BHYT_LETTERS_SPOKEN = re.compile(r"\b" + _LETTER_NAME + r"\s*[,.-]?\s*" + _LETTER_NAME + r"\s*[,.:-]?\s*$")
PASSPORT_LETTER_SPOKEN = re.compile(r"\b(?:(?:chu cai|chu)\s+)?(?:xe|ce|be|pe|gie|ca|e|en no|[bcegknp])\s*[,.:-]?\s*$")  # or the letter
# written, after "chữ" too
# A plate, a passport or a BHYT code typed one character per box of a printed form: "3 0 A - 5 1 2 . 8 6"
BOXED_CHARS = re.compile(r"(?<![\w.-])[0-9A-Z](?: [0-9A-Z.-]){6,16}(?![\w.-])")


# Landline with the area code in brackets: "(0212) 3 842 917", "(024) 3825 6677".
PHONE_BRACKET_RE = re.compile(r"\(0\d{2,3}\)[\s.-]?\d(?:[\s.-]?\d){6,7}(?![\d\w])")
# Passport: one letter and 7 (older 8) digits; spaced or dashed only after "hộ chiếu"/"passport".
# one letter (Vietnam) or two (many foreign passports: "EJ4817265") before seven or eight digits
PASSPORT_RE = re.compile(r"(?<![\w-])[A-Za-z]{1,2}[\s.-]?\d(?:[\s.-]?\d){6,7}(?![\w]|[.-]\d)")
PASSPORT_CONTEXT = re.compile(r"(?:ho chieu|passport|\bhc\b)")
# A foreign passport's number, one or two letters and six to nine digits ("hộ chiếu Canada AB123456"), after its keyword.
PASSPORT_FOREIGN_RE = re.compile(r"(?<![\w-])[A-Z]{1,2}\d{6,9}(?![\w])")
# BHYT card: 2 letters (group), 1 digit (benefit level), 2 digits (province), 10 digits (BHXH number).
BHYT_RE = re.compile(r"(?<![\w])[A-Z]{2}\s?[1-5]\s?\d{2}\s?\d{10}(?!\w)")
BHYT_ANYCASE_RE = re.compile(r"(?<![\w])[A-Za-z]{2}[\s.-]?[1-5][\s.-]?\d{2}[\s.-]?\d{3}(?:[\s.-]?\d){7}(?!\w)")
# … and in any grouping of its digits after its keyword ("Thẻ BHYT: GD 4 79 79 1234 5678")
BHYT_LOOSE_RE = re.compile(r"(?<![\w])[A-Za-z]{2}[\s.-]?[1-5](?:[\s.-]?\d){12}(?![\w]|[\s.-]\d)")
# A phone number abroad: "+82 10 4823 9917" (the + makes it a phone whatever the country).
PHONE_INTL_RE = re.compile(r"(?<![\w+])\+(?!84)[1-9]\d{0,2}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d){5,11}(?![\d\w])")
INSURANCE_CONTEXT = re.compile(r"(?:\bbhxh\b|\bbhyt\b|bao hiem xa hoi|bao hiem y te|ma (?:so )?bao hiem|so bao hiem|so so bao hiem)")
CARD_CONTEXT = re.compile(r"(?:\bthe\b|\bcard\b|visa|master|napas|atm)")
TAX_CONTEXT_FOLDED = re.compile(r"(?:ma so thue|\bmst\b|ma so doanh nghiep|ma thue)")
TAX_SPACED_RE = re.compile(r"(?<![\w/.,-])\d{4}[\s.-]\d{3}[\s.-]\d{3}(?:[ \t]?[-–—][ \t]?\d{3}(?!\d))?(?![\w/]|[.,]\d)")
# An email written out: "lan a còng gmail chấm com", "an.nguyen @ gmail . com", "an (at) gmail (dot) com".
_AT = r"(?:\s*,?\s+(?:a\s+)?(?:cong|moc|\(at\)|at)\s*,?\s+|\s*@\s*|\s*[(\[{<](?:a|at|a cong|cong|a moc)[)\]}>]\s*)"
_DOT = (r"(?:\s*,?\s+(?:cham|\(dot\)|dot)\s+|\s*\.\s*|\s*[(\[{<](?:dot|cham)[)\]}>]\s*"
        r"|\s?,\s?(?=(?:com|vn|net|org|edu|gov)\b))")  # "gmail,com": a comma typed for the dot before the ending
# The local part read aloud: words joined by "chấm", "gạch dưới", "gạch ngang", or digits in words
# ("ngocanh hai không không năm", "quang gạch dưới minh").
_LOCAL_JOIN = (r"(?:\s+(?:cham|gach duoi|gach chan|gach ngang|gach noi|dau gach duoi)\s+[a-z0-9][a-z0-9._+-]*"
               r"|\s+(?:khong|mot|hai|ba|bon|nam|lam|sau|bay|tam|chin|muoi|tu)(?=\s|,)"
               r"|\s*\.\s*[a-z0-9][a-z0-9._+-]*)")  # "hoang.yen . 1999 @ …": a dot typed with spaces round it
# An ending read by its letters' names: "chấm vê en" (.vn)
_TLD_SPOKEN = r"|v[ei] en"
# Mail services named without their domain ending: "lan a còng gmail".
MAIL_PROVIDERS = (r"(?:gmail|g(?:o|io|i|e) ?mail|yahoo|ymail|hotmail|outlook|icloud|live|vnn|(?:go|gio|gi) ?meo|da ?hu|ya ?hu|hot ?meo"
                  r"|ao luc|out luc)")
# Words that come before a local part read aloud, never in it (folded): "email là …", "gửi cho …".
EMAIL_BARE_LEADS = frozenset("email mail cho em anh qua theo".split())  # lead words spelled without diacritics
EMAIL_LEAD_WORDS = frozenset("email mail thu la cua gui vao den cho toi em anh chi ba ong ay la dia chi hop ve tu va hoac "
                             "qua theo moi".split())
EMAIL_LOOSE_RE = re.compile(
    r"(?<![\w.@+-])[a-z0-9][a-z0-9._+-]*" + _LOCAL_JOIN + r"{0,8}" + _AT + r"[a-z0-9-]+(?:" + _DOT + r"[a-z0-9-]+)*?"
    + _DOT + r"(?:com|vn|net|org|edu|gov|info|io)(?:" + _DOT + r"(?:vn|com|net|org" + _TLD_SPOKEN + r"))*\b"
    r"|(?<![\w.@+-])[a-z0-9][a-z0-9._+-]*" + _LOCAL_JOIN + r"{0,8}" + _AT + MAIL_PROVIDERS + r"(?:" + _DOT
    + r"(?:com|vn|net|org" + _TLD_SPOKEN + r"))*\b"
)
# The "@" part of a spelled email, found first so the costly pattern above only runs near one.
EMAIL_AT_ANCHOR = re.compile(_AT + r"(?:[a-z0-9-]+" + _DOT + r"|" + MAIL_PROVIDERS + r"\b)")
YEAR_AFTER_NAME = re.compile(r"\s*[(,]\s*(?:s\.?\s*|sinh\s+)?(?P<y>(?:19|20)\d{2})\s*\)")
# "công dân nam sinh năm 2008", "các cháu sinh năm 2019": the birth year of a group, not of a person.
GROUP_BEFORE = re.compile(
    r"(?:cong dan|thanh nien|tre em|tre|cac chau|cac em|nhung nguoi|nguoi|hoc sinh|thi sinh|lao dong|nguoi cao tuoi"
    r"|cac cu|sinh vien|doi tuong|tre so sinh|hoc vien|cac ong|cac ba|phu nu|nam gioi|nhom|lua|the he|ong ba cu"
    r"|tinh theo|ca lop|khoa)"
    r"(?:\s+(?:nam|nu))?\s*$"
)
def _group_subject(low: str, start: int, text: str) -> bool:
    """The birth word at `start` speaks of a group: "công dân nam sinh năm 2008", "Các cụ tròn 90 tuổi (sinh năm 1937)"."""
    lo = max(0, start - 30)
    if group := GROUP_BEFORE.search(low[lo:start]):
        at = lo + group.start()
        # a capitalised word inside the sentence is a name ("anh Khoa sinh …"), not the group word ("khóa")
        return not (text[at].isupper() and re.search(r"[\w,]\s+$", text[max(0, at - 3):at]))
    if not re.search(r"\(\s*$", low[max(0, start - 3):start]):
        return False
    s0 = max(low.rfind(c, 0, start) for c in ".;!?\n") + 1
    return re.match(r"\W*(?:cac|nhung|moi|tat ca|toan bo)\b", low[s0:start]) is not None


# After a year, these make it the bound of a group ("sinh năm 1930 trở về trước", "sinh từ năm 2008 trở đi").
GROUP_AFTER = re.compile(r"\s*(?:tro ve truoc|tro ve sau|tro di|tro lai day|tro len|ve truoc|den nay|tro xuong)\b")


# Any written date, on folded lower-case text: ISO, day-month-year with any separator, one digit per box,
# "mùng 3 tháng 11", and dates in words ("mùng tám tháng ba năm một chín năm lăm"), lunar or not.
_NW = r"(?:khong|mot|hai|ba|bon|tu|nam|lam|nham|sau|bay|tam|chin|muoi|tram|nghin|ngan|linh|le)"
_LUNAR = (r"(?:giap|at|binh|dinh|mau|ky|canh|tan|nham|quy)\s+(?:ty|suu|dan|mao|thin|ti|ngo|mui|than|dau|tuat|hoi)\b")
_MONTHS_EN = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?"
              r"|nov(?:ember)?|dec(?:ember)?)")
ANY_DATE_RE = re.compile(
    r"(?<![\w/.-])(?:(?:19|20)\d{2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}(?![\d/.-]?\d)"
    r"|\d(?:\s?\d)?\s*[/.|-]\s*\d(?:\s?\d)?\s*[/.|-]\s*(?:\d(?:\s?\d){3}|\d{2})(?![\d/.-]?\d)"
    r"|\d{1,2}\s+\d{1,2}\s+(?:19|20)\d{2}(?!\d)"  # "05 03 1990", typed with spaces
    # eight digits with no separator, as forms and exports write them: "12031990", "19900312"
    r"|(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d{2}(?!\d)|(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)"
    r"|(?:thang\s+)?\d{1,2}\s*[/.-]\s*(?:19|20)\d{2}(?![\d/.-]?\d)"  # month and year: "sinh tháng 3/1990"
    r"|th(?:ang|g)\.?\s+(?:\d{1,2}|" + _NW + r")\s*[/,]?\s*nam\s+(?:(?:19|20)\d{2}|\d{2})(?!\d)"
    r"|nam\s+(?:(?:19|20)\d{2}|\d{2})(?!\d)"  # "sinh năm 90"
    r"|(?:nam\s+)?(?:giap|at|binh|dinh|mau|ky|canh|tan|nham|quy)\s+(?:ty|suu|dan|mao|thin|ti|ngo|mui|than|dau|tuat|hoi)\b"
    r"(?:\s*\(?\s*(?:19|20)\d{2}\b\)?)?"  # "năm Đinh Hợi 1947", "Giáp Thân (1944)"
    # "21 thg 4, 1985", "13 tháng 6 âm lịch năm Kỷ Dậu": the month abbreviated, the calendar named, the year without "năm"
    r"|(?:(?:ngay|mung|mong)\s+){0,2}(?:\d{1,2}|ram|" + _NW + r"(?:\s+" + _NW + r"){0,2})\s+(?:th(?:ang|g)\.?\s+(?:\d{1,2}|gieng|chap|muoi(?:\s+(?:mot|hai))?|mot|hai|ba|bon|tu|nam|sau|bay|tam|chin)|tet)(?:\s*\(?(?:am lich|duong lich|al|dl)\)?)?(?:\s*[/,]?\s*(?:nam\s+(?:(?:19|20)\d{2}|" + _LUNAR + r"|\d{2}|" + _NW + r"(?:\s+" + _NW + r"){0,7})|(?:19|20)\d{2}(?!\d)"
    # a two-digit year read aloud with no "năm": "hai sáu tháng tám chín lăm"
    r"|(?<=\s)(?:bay|tam|chin|sau|nam|khong|mot|hai)\s+(?:muoi\s+)?(?:khong|mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi)\b"
    r"(?!\s+(?:nam|thang|ngay|tuoi|gio|phut|nguoi|lan|tieng|ngan|nghin|trieu|tram)\b)))?"
    # a day and month with the year named after "năm": "20/10 năm Bính Tý", "3/11 âm lịch năm 1962"
    r"|\d{1,2}\s*[/.-]\s*\d{1,2}\s+(?:\(?(?:am lich|al|duong lich|dl)\)?\s+)?nam\s+(?:" + _LUNAR + r"|(?:19|20)\d{2}(?!\d))"
    # English: "March 3rd, 1994", "3 March 1994"
    r"|(?:" + _MONTHS_EN + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}|\d{1,2}(?:st|nd|rd|th)?(?:\s+|\s*[-/.]\s*)(?:" + _MONTHS_EN
    + r")\.?,?(?:\s+|\s*[-/.]\s*)(?:19|20)\d{2}"  # … and as passports print it: "05-Jan-1988", "05 JAN 1988"
    # one digit per box of a form: "1 | 4 | 0 | 6 | 1 | 9 | 9 | 5", "1 4 0 6 1 9 9 5"
    r"|\d(?:[ \t]*\|[ \t]*\d){7}(?![ \t]*\|?[ \t]*\d)|\d(?: \d){7}(?! ?\d))(?!\w)"
)
LUNAR_YEAR = re.compile(r"\b(?:giap|at|binh|dinh|mau|ky|canh|tan|nham|quy)\s+(?:ty|suu|dan|mao|thin|ti|ngo|mui|than|dau|tuat|hoi)\b")
BIRTH_HINT = re.compile(r"sinh|tuoi|dob|\bns|\bsn|born|birth|doi|\bde |\bng?/s|ng\.s")
# A word that says the next date is a birth: "ngày sinh", "sinh ngày", "NS", "DOB" (folded).
BIRTH_WORD_RE = re.compile(r"\b(?:tuoi(?= " + _LUNAR + r")|khai sinh ghi(?: la)?|ng/s|n/s|ng\.s|ngay\s*(?:thang\s*nam\s*)?sinh|nam sinh|sinh ra(?= (?:vao|ngay|nam|luc|hom)\b)|sinh|ns|sn|dob|d\.o\.b|date of birth|n\.\s?sinh"
                           r"|chao doi|ra doi|sinh nhat|born|birthday|birth date|de(?= (?:ngay|nam|vao|hom|luc)\b))\b"
                           r"(?! (?:hoat|vien|thai|ke|song|ly|hoc|san|trac|to|vat|khi|loi|thanh|tu|ra|tho)\b)")  # "tỷ suất sinh thô": a rate


# A time of day between a birth word and the date (folded): "lúc 3 giờ 15", "vào 22h30 tối", "03:15".
TIME_OF_DAY = re.compile(r"\b(?:luc|vao|khoang)?\s*\d{1,2}\s*(?:gio|h|:)\s*(?:\d{1,2}\s*(?:phut)?)?"
                         r"(?:\s*(?:sang|chieu|toi|dem|trua|rang sang))?(?=\s|,|$)")


# A day and month with no year right after a birth verb: "ra đời ngày 3/12 vừa rồi", "đẻ hôm 12/11".
DAY_MONTH = re.compile(r"\s+(?P<d>(?:ngay|hom|mung|mong|vao ngay|vao hom)\s+\d{1,2}\s*[/.-]\s*\d{1,2})(?![\d/.-])")


def _spoken_year(text: str, low: str, at: int) -> tuple[int, int] | None:
    """A year of birth read aloud digit by digit within a few words after `at` ("… là một chín tám tám")."""
    if not re.search(r"\b(?:mot|khong) ", low[at:at + 60]):
        return None
    for a, b, digits in number_runs(text[at:at + 60], low[at:at + 60], 4):
        if len(digits) == 5 and low.startswith("nam ", at + a):  # "năm một chín sáu hai": the word năm, then the year
            a, digits = a + 4, digits[1:]
        if len(digits) == 4 and digits[:2] in ("19", "20") and not re.search(r"[\d.;!?]", low[at:at + a]) and a <= 30:
            return at + a, at + b
    return None


# Machine-readable codes pasted as text. The chip card's QR code (căn cước): "CCCD|CMND|Họ tên|ddmmyyyy|Giới tính|Địa chỉ|
# ngày cấp"; a passport's machine-readable zone (ICAO 9303): "P<VNMHO<<TEN<DEM<<<…" then "số hộ chiếu, check digit, VNM,
# yymmdd of birth, check digit, sex, …".
CHIP_QR = re.compile(r"(?<!\d)(?P<id>\d{12})\|(?P<old>\d{9})?\|(?P<name>[^|\n]{2,60})\|(?P<dob>\d{8})\|[^|\n]{0,10}\|"
                     r"(?P<addr>[^|\n]{2,160})\|\d{8}(?!\d)")
MRZ_NAME = re.compile(r"\bP[<A-Z][A-Z<]{3}(?P<n>[A-Z]+(?:<[A-Z]+)*<<[A-Z]+(?:<[A-Z]+)*)<")
MRZ_LINE2 = re.compile(r"(?<![A-Z0-9<])(?P<doc>[A-Z0-9]{1,2}\d{6,7})<?\d[A-Z<]{3}(?P<dob>\d{6})\d[MF<]\d{6}\d")


def _machine_codes(text: str) -> list[Finding]:
    """Names, IDs, dates of birth and addresses inside a chip card's QR text or a passport's MRZ lines."""
    out: list[Finding] = []
    for m in CHIP_QR.finditer(text) if "|" in text else ():
        out.append(Finding("CCCD", m.start("id"), m.end("id"), m.group("id")))
        if m.group("old"):
            out.append(Finding("CMND", m.start("old"), m.end("old"), m.group("old")))
        for kind, g in (("NAME", "name"), ("DOB", "dob"), ("ADDRESS", "addr")):
            out.append(Finding(kind, m.start(g), m.end(g), m.group(g)))
    if "<" in text:
        for m in MRZ_NAME.finditer(text):
            out.append(Finding("NAME", m.start("n"), m.end("n"), m.group("n")))
        for m in MRZ_LINE2.finditer(text):
            out.append(Finding("PASSPORT", m.start("doc"), m.end("doc"), m.group("doc")))
            out.append(Finding("DOB", m.start("dob"), m.end("dob"), m.group("dob")))
    return out


def _famous_after(low: str, at: int) -> bool:
    """A historical or legendary figure named right after a birth word (up to a title such as "Chủ tịch")."""
    window = low[at:at + 45]
    return any(name in window for name in FAMOUS) and not re.match(r"\W*(?:ngay|nam|:)?\W*\d", window)


def _birth_dates(text: str, low: str) -> list[Finding]:
    """The first date after a birth word in the same clause, in any spelling ("ngày sinh … ghi 1992-11-03")."""
    out: list[Finding] = []
    for b in BIRTH_WORD_RE.finditer(low.replace("_", " ") if "_" in low else low):  # "ngay_sinh=": a field name
        if b.group() == "de" and text[b.start():b.end()].lower() != "đẻ" and not text[b.start():b.start() + 40].isascii():
            continue  # "để", not "đẻ"
        if b.group().startswith("sinh"):
            glued = re.search(r"([a-z]+) $", low[max(0, b.start() - 12):b.start()])
            g0 = glued.start(1) + max(0, b.start() - 12) if glued else 0
            sentence_start = not low[max(0, g0 - 3):g0].strip(" \"'(") or re.search(r"[.;:!?\n]\s*$", low[max(0, g0 - 3):g0])
            bare_so = glued and text[g0:g0 + 3] == "so " and low.startswith(" ngay ", b.end())  # "so sinh ngay …" typed bare
            if glued and glued.group(1) in _NOT_BIRTH_ASCII and (not text[g0].isupper() or sentence_start) and not bare_so:
                continue
        if _group_subject(low, b.start(), text):
            continue
        if b.group() == "tuoi" and not re.search(rf"[{_UPPER}][^\W\d_]*\s+(?:[^\W\d_]+\s+)?$", text[max(0, b.start() - 30):b.start()]):
            continue  # "Ông Thành tuổi Kỷ Mùi" (a person's), not "năm tuổi Bính Ngọ của nhiều người"
        if _famous_after(low, b.end()):
            continue  # "Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890)": a historical figure's, public
        m = ANY_DATE_RE.search(low, b.end(), min(len(low), b.end() + 90))
        if b.group() in ("sn", "ns", "nam sinh", "ng/s", "n/s") and (y2 := re.match(r"\s*:?\s*(\d{2})(?![\d/-]|[.,]\d|\s*(?:tuoi|t\b|%))",
                                                                                 low[b.end():b.end() + 8])):
            a2 = b.end() + y2.start(1)  # "sn 88": a year of birth in two digits after its abbreviation
            out.append(Finding("DOB", a2, a2 + 2, text[a2:a2 + 2]))
            continue
        if not m or m.start() - b.end() > 25:
            # nearer, a year read aloud ("Năm sinh của anh Biên là một chín tám tám") or a day and month with no year
            # after a birth verb ("ra đời ngày 3/12 vừa rồi", "đẻ hôm 12/11")
            near = _spoken_year(text, low, b.end()) or (DAY_MONTH.match(low, b.end()) if not b.group().startswith(
                ("ngay", "nam", "ns", "sn", "dob", "date", "birth", "n.")) else None)
            if near:
                out.append(Finding("DOB", near[0], near[1], text[near[0]:near[1]]) if isinstance(near, tuple)
                           else Finding("DOB", near.start("d"), near.end("d"), text[near.start("d"):near.end("d")]))
                continue
        if not m:
            continue
        between = TIME_OF_DAY.sub(" ", low[b.end():m.start()])  # "sinh lúc 3 giờ 15 ngày 18 tháng 9 …": the hour, then the date
        if len(between) > 45 or re.search(r"[.;!?\n]|\d|\bcap\b|het han|\bden\b|tu ngay|vi du|dinh dang|\bmau\b"
                                          r"|\btruoc\b|\bsau\b|\btro (?:ve|len|di)\b|\btu nam\b", between):
            continue
        value = m.group()
        if not re.search(r"\d", value) and not re.search(r"\bthang\b", value) and not LUNAR_YEAR.search(value):
            continue
        if ("thang" in value and not re.search(r"\b(?:mung|mong|ngay|ram)\b|\d", value) and not LUNAR_YEAR.search(value)
                and len(between.strip(" :")) > 12):
            continue  # "tháng" in words far from the birth word is a duration, not a date
        end = m.end()
        while end > m.start() and low[end - 1] == " ":
            end -= 1
        start = m.start() + 4 if re.match(r"nam \d", low[m.start():end]) else m.start()  # the year, not "năm"
        if re.fullmatch(r"\d{1,2}\s*[/.-]\s*\d{1,2}\s+nam\s+\S+", low[start:end]) and low.endswith(("ngay ", "mung ", "mong "), 0, start):
            start -= 5  # "ngày 3/3 năm 1993": the day's word goes with the date, as in "ngày 3 tháng 3 năm 1993"
        if hour := TIME_OF_DAY.search(low, b.end(), m.start()):  # "sinh lúc 2 giờ sáng ngày …": the hour is part of the birth
            start = hour.start() + len(hour.group()) - len(hour.group().lstrip())
        out.append(Finding("DOB", start, end, text[start:end]))
    return out


# Before a date, these make it the date of something that happened, not a birth (folded, in the clause).
EVENT_BEFORE_DATE = re.compile(
    r"\b(?:cap|ky|ban hanh|hieu luc|hop|tu|den|ke tu|nop|nhan|ket hon|dang ky|mat|qua doi|chet|tu tran|tu vong|nhap ngu"
    r"|xuat ngu|vao dang|tham gia|cong tac|nghi huu|het han|quyet dinh|so|luc|vao|truoc|sau|tai nan|xay ra|bat dau|"
    r"ket thuc|chuyen|den ngay|ngay cap|lap|tiep nhan|xu|thi hanh|tha|ra|nghi|lam|hoc|tot nghiep|mua|ban|thue|vay"
    r"|tra|giai ngan|xet|kham|nhap vien|ra vien|dieu tri|nhap hoc|hen|goi|bao|phat hien)\b[^,;()]{0,24}$")


# A full date read aloud (folded): "ngày mười một tháng mười một năm một nghìn chín trăm ba mươi sáu".
_NUMWORD = _NUMW[:-1] + r"|nghin|ngan)"
SPOKEN_FULL_DATE = re.compile(r"\bngay (?:" + _NUMWORD + r" ?){1,3}thang (?:" + _NUMWORD + r" ?){1,3}nam (?P<y>(?:" + _NUMWORD
                              + r"(?: |\b)){2,9})")


def _old_full_dates(text: str, low: str) -> list[tuple[int, int]]:
    """Spans of full dates with a year from 1920 to 2012, in digits ("12/3/1961") or read aloud."""
    spans = [m.span() for m in re.finditer(r"(?<![\w/.-])\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:19[2-9]\d|200\d|201[0-2])"
                                           r"(?![\w/.-]?\d)", text)]
    for m in SPOKEN_FULL_DATE.finditer(low) if "thang" in low else ():
        year = words_to_digits(m.group("y"))
        if year.isdigit() and 1920 <= int(year) <= 2012:
            spans.append((m.start(), m.end("y") - (1 if low[m.end("y") - 1] == " " else 0)))
    return sorted(spans)


def _old_dates_of_people(text: str, low: str, name_starts: list[int]) -> list[Finding]:
    """A full date with a year before 2013 in a sentence about a named person, with no event word before it in
    its clause: the person's date of birth ("Lò Văn Tám 12/3/1961 bản Na Hu", "ông Tám (ngày 12/3/1961)")."""
    out: list[Finding] = []
    for a, b in _old_full_dates(text, low):
        s0 = max(0, a - 150) + len("".join(re.split(r"([.;!?\n](?:\s|$))", low[max(0, a - 150):a])[:-1]))
        s1 = re.search(r"[.;!?\n](?:\s|$)|$", low[b:b + 150])
        s1 = b + (s1.start() if s1 else 150)
        if bisect.bisect_left(name_starts, s1) <= bisect.bisect_left(name_starts, s0):
            continue
        c0 = max(s0, low.rfind(",", s0, a) + 1)
        clause = low[c0:a]
        ev = EVENT_BEFORE_DATE.search(clause)
        while ev and clause.startswith("so", ev.start()) and text[c0 + ev.start():c0 + ev.start() + 2].lower() in ("sổ", "sơ"):
            ev = EVENT_BEFORE_DATE.search(clause, ev.start() + 2)  # "sổ hộ khẩu ghi …", "hồ sơ ghi …" (a record), not "số"
        if ev or GROUP_BEFORE.search(clause):
            continue
        out.append(Finding("DOB", a, b, text[a:b]))
    return out


# A date of birth pasted from a spreadsheet as its serial number ("Kpă Thuyên   36221   (ô ngày sinh bị định dạng thành
# số)"): five digits that count days from 1900 (10000–45000 = 1927–2023), on a line with a name, where the text speaks of
# the birth date.
EXCEL_BIRTH_CUE = re.compile(r"\b(?:ngay sinh|nam sinh|ngay thang nam sinh|ns|dob)\b")
EXCEL_SERIAL = re.compile(r"(?<![\w.,/-])[1-4]\d{4}(?![\w/-]|[.,]\d)")


def _excel_dates(text: str, low: str, name_starts: list[int]) -> list[Finding]:
    out: list[Finding] = []
    for m in EXCEL_SERIAL.finditer(text):
        l0, l1 = low.rfind("\n", 0, m.start()) + 1, (low.find("\n", m.end()) + 1 or len(low) + 1) - 1
        if not 10000 <= int(m.group()) <= 45000 or _money_after(text, m.end()) or re.search(r"buu chinh|ma buu|zip", low[l0:l1]):
            continue
        if bisect.bisect_left(name_starts, l1) > bisect.bisect_left(name_starts, l0):
            out.append(Finding("DOB", m.start(), m.end(), m.group()))
    return out


_RECORD_UNIT = (r"(?:(?i:so nha|so|sn|to dan pho|tdp|to|xom|thon|ban|ap|buon|plei|lang|khu pho|kp|khu vuc|khom|doi|khu|ngo|ngach|hem"
                r"|kiet)\s+\d{1,4}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?)*|(?i:to dan pho|tdp|to|xom|thon|ban|ap|buon|plei|lang|khu pho|kp"
                r"|khu vuc|khom|doi|khu|ngo|ngach|hem|kiet)\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})")  # "Số CCCD" is a label
# a field of a row that is a place: units, each with its number or name, then a street or an administrative unit
# ("Tổ 3 Khu phố Đông", "SỐ 7 NGÕ 17 HÀNG CHÁO", "KIỆT 15 ĐẶNG THÁI THÂN", "Xóm Trại")
RECORD_PLACE = re.compile(_RECORD_UNIT + r"(?:\s*,?\s*(?:" + _RECORD_UNIT + r"|" + _ADMIN_UNIT + r"|[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}))*")
RECORD_DATE = re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:19|20)\d{2}|(?:19|20)\d{2}-[01]\d-[0-3]\d")  # or ISO
RECORD_ADMIN = re.compile(_ADMIN_UNIT)  # "P. Tân Phong", "xã Yên Sơn" after a place field
# "Bản: Nà Sản", "THÔN: THÔN SÀNG CHẢI": a field labelled with a place unit holds the place's name
RECORD_PLACE_LABEL = re.compile(r"(?:(?i:to dan pho|tdp|to|xom|thon|ban|ap|buon|plei|lang|khu pho|kp|khu vuc|khom)\s*:"
                                r"|(?i:dia chi|thuong tru|tam tru|noi o|cho o)\s*:?)\s*(?P<v>[A-Z0-9][\w'-]*(?:,?\s+[A-Z0-9][\w'-]*){0,5})")
# fields of one row: bars, semicolons, tabs, runs of spaces, dashes with spaces round them, or commas with none after (CSV)
_SPACED_DASH = re.compile(r"\s[–—-]\s")
_CSV_COMMA = re.compile(r",(?=\S)")


WIDE_GAP = re.compile(r" {3,}")
# A field of a person's row that opens with a condition or a record: "nghiện, đang cai tại cộng đồng", "HIV", "tiền án".
RECORD_CONDITION = re.compile(r"(?:dang |da |bi |co |mac )?(?:nghien(?! cuu)|cai nghien|hiv|aids|ung thu|lao phoi|tam than|tram cam"
                              r"|dong kinh|khuyet tat|tan tat|liet(?! ke)|suy than|chay than|tai bien|dot quy|mang thai|co thai"
                              r"|bai nao|tu ky|(?P<c>tien an|tien su|an treo|chap hanh an|dang thi hanh an|ma tuy))\b")
RECORD_PLACE_WORDS = frozenset("tổ xóm thôn bản ấp buôn plei làng khu khóm khu phố tổ dân phố đội số nhà số ngõ ngách hẻm kiệt"
                               .split())


def _record_fields(text: str, folded_case: str, person_starts: list[int]) -> list[Finding]:
    """A row of a list or table pasted as text ("2 | Ngân Văn Khuyến | 0140… | Bản Pá Công", "Phú;Nam;12/12/1958;Tổ 1"):
    in a row that holds a person, a field that is a place unit is the address, a full date the date of birth."""
    out: list[Finding] = []
    pos = 0
    for line in text.split("\n"):
        a0, pos = pos, pos + len(line) + 1
        sep = ("|" if line.count("|") >= 2 else ";" if line.count(";") >= 2 else "\t" if "\t" in line
               else WIDE_GAP if len(WIDE_GAP.findall(line)) >= 2  # columns set apart by runs of spaces
               else _SPACED_DASH if len(_SPACED_DASH.findall(line)) >= 2
               else _CSV_COMMA if len(_CSV_COMMA.findall(line)) >= 3 else None)
        if sep is None or bisect.bisect_left(person_starts, a0 + len(line)) <= bisect.bisect_left(person_starts, a0):
            continue
        cuts = [(g.start(), g.end()) for g in sep.finditer(line)] if isinstance(sep, re.Pattern) else [
            (i, i + 1) for i, ch in enumerate(line) if ch == sep]
        bounds = [0] + [x for c in cuts for x in c] + [len(line)]
        place_before = False  # the field before this one was a place: "tổ 3 – khu phố 5 – P. Tân Phong" is one address
        for i in range(0, len(bounds), 2):
            field = line[bounds[i]:bounds[i + 1]]
            k = a0 + bounds[i]
            a = k + len(field) - len(field.lstrip())
            b = k + len(field.rstrip())
            while b - a >= 2 and text[a] in "\"'“" and text[b - 1] in "\"'”":  # a quoted CSV cell
                a, b = a + 1, b - 1
            if b <= a:
                continue
            if label := RECORD_PLACE_LABEL.fullmatch(folded_case, a, b):
                a = label.start("v")
            head = text[a:b].split(" ", 1)[0].lower()
            digits = _digits(text[a:b])
            place = ((RECORD_PLACE.fullmatch(folded_case[a:b]) and (head.isascii() or head in RECORD_PLACE_WORDS))  # not "Lạng Sơn"
                     or (label and not RECORD_DATE.fullmatch(text[a:b])))
            if place_before and (place or RECORD_ADMIN.fullmatch(folded_case, a, b)):
                out[-1] = Finding("ADDRESS", out[-1].start, b, text[out[-1].start:b])
            elif place:
                out.append(Finding("ADDRESS", a, b, text[a:b]))
            place_before = bool(place) or (place_before and RECORD_ADMIN.fullmatch(folded_case, a, b) is not None)
            if place_before:
                continue
            if RECORD_DATE.fullmatch(text[a:b]):
                out.append(Finding("DOB", a, b, text[a:b]))
            elif 9 <= len(digits) <= 19 and re.fullmatch(r"\d[\d .-]*\d", text[a:b]) and (
                    kind := _classify_digits(digits, folded_case.lower(), a, b, text) or ("CMND" if len(digits) == 9 else None)):
                out.append(Finding(kind, a, b, text[a:b]))  # a bare number in a person's row: "…,164215380,Xóm Trại"
            elif cond := RECORD_CONDITION.match(folded_case[a:b].lower()):  # "4 | Vàng A Lử | nghiện, đang cai … | tổ 3"
                out.append(Finding("SENSITIVE", a, b, text[a:b], "criminal" if cond.group("c") else "health"))
    return out


# A table pasted as text with a header row ("Họ tên | Năm sinh | Ghi chú / Đàm Văn Lực | 1958 | chủ hộ", one row a line
# or rows joined by " / "): each later row with as many cells takes its kind from its column's header, so a bare year
# under "Năm sinh", a hamlet under "Địa chỉ" or an illness under "Bệnh" is found without any word next to it.
TABLE_HEADS: dict[str, re.Pattern[str]] = {
    "DOB": re.compile(r"(?:ngay|nam|ngay thang nam|ngay/thang/nam|thang nam)\s*sinh|ns|sn|dob|date of birth"),
    "ADDRESS": re.compile(r"(?:dia chi|noi o|cho o|noi cu tru|noi thuong tru|thuong tru|tam tru|noi o hien nay|address)"
                          r"(?: (?:thuong tru|tam tru|hien nay|lien he|cu tru))?"),
    "NAME": re.compile(r"ho (?:va )?ten|ho ten (?:chu ho|nguoi [a-z ]+)|ten (?:nguoi|chu ho|hoc sinh|benh nhan)[a-z ]*"),
    "health": re.compile(r"(?:benh|benh tat|benh ly|benh nen|chan doan|tinh trang(?: suc khoe| benh| benh tat)?|suc khoe"
                         r"|dang tat|dang khuyet tat|loai khuyet tat|muc do khuyet tat|khuyet tat|thuong tat|di chung)"),
    "criminal": re.compile(r"(?:tien an|tien su|tien an tien su|an tich|toi danh|hanh vi vi pham)"),
}
_TABLE_ROW = re.compile(r"\n| / ")
_EMPTY_CELL = re.compile(r"[\s\-–—x.]*|(?:khong|khong co|chua|binh thuong|n/a)", re.I)


def _table_columns(text: str, low: str) -> list[Finding]:
    """Cells under a header that names their kind (DOB, ADDRESS, NAME, or a sensitive category)."""
    out: list[Finding] = []
    rows, pos = [], 0
    for m in [*_TABLE_ROW.finditer(text), None]:
        end = m.start() if m else len(text)
        rows.append((pos, end))
        pos = m.end() if m else pos
    for i, (r0, r1) in enumerate(rows):
        sep = ("|" if text.count("|", r0, r1) >= 1 else "\t" if "\t" in text[r0:r1] else ";" if text.count(";", r0, r1) >= 2
               else "," if text.count(",", r0, r1) >= 2 else None)  # a CSV export: "STT,Họ tên,Năm sinh,Địa chỉ"
        if sep is None:
            continue
        heads = [c.strip(" :*#").strip() for c in low[r0:r1].split(sep)]
        kinds = [next((k for k, rx in TABLE_HEADS.items() if rx.fullmatch(h)), None) for h in heads]
        if not any(kinds) or len(heads) < 2:
            continue
        for q0, q1 in rows[i + 1:]:
            cells = text[q0:q1].split(sep)
            if len(cells) != len(heads):
                break
            k = q0
            for kind, cell in zip(kinds, cells, strict=True):
                a, b = k + len(cell) - len(cell.lstrip()), k + len(cell.rstrip())
                k += len(cell) + 1
                if kind is None or b <= a or _EMPTY_CELL.fullmatch(low[a:b]):
                    continue
                value = text[a:b]
                if kind == "DOB" and not re.search(r"\d", value):
                    continue
                if kind == "NAME" and not re.fullmatch(r"(?:[^\W\d_a-zà-ỹđ][\w'-]*\s+){1,5}[^\W\d_a-zà-ỹđ][\w'-]*", value):
                    continue
                if kind in ("health", "criminal"):
                    out.append(Finding("SENSITIVE", a, b, value, kind))
                else:
                    out.append(Finding(kind, a, b, value))
        break  # one header per text
    return out


# A licence plate typed in small letters ("oto 28a-11953") counts after a vehicle word (folded).
PLATE_LOOSE_RE = re.compile(r"(?<![\w/])\d{2}\s?-?\s?[a-z]{1,2}\d?\s?[-.\s]?\s?(?:\d{3}[.\s]?\d{2}|\d{4})(?![\d/\w])")
# A temporary registration plate: "T29-0124", "T 30-123.45" (found after a plate word or "tạm").
# An army unit's plate, two letters and two pairs of digits: "KT-12-34", "QA 21 09" (after a plate word).
ARMY_PLATE_RE = re.compile(r"(?<![\w-])[A-Z]{2}[- ]\d{2}[- ]\d{2}(?![\w-]|[.,]\d)")
TEMP_PLATE_RE = re.compile(r"(?<![\w/])[Tt]\s?-?\d{2}\s?-\s?\d{3,5}(?:\.\d{2})?(?![\d\w/]|[.,]\d)")
PLATE_CONTEXT = re.compile(r"(?:\boto\b|o to|\bxe\b|bien so|\bbks\b|\bbs\b|bien kiem soat|xe may)")
# A plate or a BHYT code read aloud: numbers in words around the names of its letters ("năm mươi chín, pê hai, ba bốn
# tám, không hai" = 59P2-348.02; "hát tê hai, không một, …" = HT 2 01 …), found only after their keyword (folded).
_NWORD = r"(?:khong|mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|tram|linh|le|\d{1,4})"
_LETTER_NAME = (r"(?:a|be|bo|xe|ce|co|de|do|e|ep|gie|ge|go|hat|hac|ho|i|ca|ka|en lo|e lo|lo|em mo|mo|en no|en|no|o|pe|po"
                r"|quy|cu|e ro|ro|et xi|et|so|te|to|u|ve|vo|ich xi|ich|xo|y|i dai|i gret|[a-z])")  # or the letter as typed: "hai sáu B một"
SPOKEN_PLATE_RE = re.compile(r"(?<![a-z])(?P<p>" + _NWORD + r"(?:\s+" + _NWORD + r"){0,2})\s*,?\s+(?P<l>" + _LETTER_NAME
                             + r")(?![a-z])\s*,?\s*(?P<r>" + _NWORD + r"(?:[\s,.]+(?:" + _NWORD + r"|cham)){2,10})(?![a-z])")
SPOKEN_BHYT_RE = re.compile(r"(?<![a-z])(?P<l>" + _LETTER_NAME + r")\s*,?\s+" + _LETTER_NAME + r"\s*,?\s+(?P<r>" + _NWORD
                            + r"(?:[\s,.]+" + _NWORD + r"){4,20})(?![a-z])")
PLATE_WORD = re.compile(r"\b(?:bien so|bien xe|bien kiem soat|bien|bks|bsx|xe|o to|oto|xe may)\b")  # "biển hai chín A, …"


def _spoken_plates(text: str, low: str) -> list[Finding]:
    """Plates and BHYT codes read aloud letter by letter, after their keyword in the same clause."""
    out: list[Finding] = []
    if PLATE_WORD.search(low):
        for m in SPOKEN_PLATE_RE.finditer(low):
            head, rest = words_to_digits(m.group("p")), words_to_digits(m.group("r"))
            if (len(head) == 2 and 11 <= int(head) <= 99 and 4 <= len(rest) <= 6
                    and PLATE_WORD.search(_folded_before(low, m.start(), 40))):
                out.append(Finding("PLATE", m.start(), m.end(), text[m.start():m.end()]))
    if "bhyt" in low or "bao hiem" in low:
        for m in SPOKEN_BHYT_RE.finditer(low):
            digits = words_to_digits(m.group("r"))
            if len(digits) == 13 and digits[0] in "12345" and INSURANCE_CONTEXT.search(_folded_before(low, m.start(), 50)):
                out.append(Finding("INSURANCE", m.start(), m.end(), text[m.start():m.end()]))
    return out


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def _folded_before(low: str, start: int, width: int = 45) -> str:
    lo = max(0, start - width)
    while 0 < lo < start and low[lo - 1].isalnum():  # not the tail of a word cut by the window ("Minh" → "nh")
        lo += 1
    return re.split(r"[.;!?\n](?:\s|$)", low[lo:start])[-1]


def _classify_digits(digits: str, low: str, start: int, end: int, text: str) -> str | None:
    """Kind of an ID written in an unusual spelling (boxes, dashes, groups or words), or None."""
    before = _folded_before(low, start)
    if _money_after(text, end) or ORDINARY_NUMBER.fullmatch(text[start:end].strip()):
        return None
    if INSURANCE_CONTEXT.search(before) and len(digits) == 10:
        return "INSURANCE"
    if TAX_CONTEXT_FOLDED.search(before) and len(digits) in (10, 13):
        return "TAX"
    # a card number passes the Luhn check; after "thẻ" a mistyped one is still hidden
    card_word = CARD_CONTEXT.search(before) and not INSURANCE_CONTEXT.search(before)
    if 13 <= len(digits) <= 19 and ((_luhn(digits) and len(digits) in (16, 19)) or card_word):
        return "CARD"
    bank_word = _ASCII[BANK_CONTEXT].search(before) and not _ASCII[PHONE_WORDS].search(before)
    money_like = re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", text[start:end].strip())
    if bank_word and 6 <= len(digits) <= 19 and not _ASCII[ID_JUST_BEFORE].search(before) and not money_like:
        return "BANK"  # "số tài khoản bà đọc: một không hai bảy, …"
    if _valid_phone(digits):
        return "PHONE"
    if len(digits) == 12:
        return "CCCD"
    if len(digits) == 9 and _context(CMND_CONTEXT, before):
        return "CMND"
    # Mask unless ordinary (issue 24: each blind slice brought context words the rules had not seen): a run of
    # 9 to 19 digits in any grouping is an identifier of the kind its length says, unless it is an amount
    # (dotted thousands, a currency or unit after it) or a procedure code ("2.000986.000.00.00.H56").
    raw = text[start:end]
    if (money_like or ORDINARY_CODE.match(text, start) or re.match(r"[.-][A-Za-z]", text[end:end + 2])
            or DOCUMENT_BEFORE.search(before) or BOOK_NUMBER_BEFORE.search(before)
            or re.search(r"(?:\+\d{1,3}|\(\+?\d{1,4}\)|\b84)[\s.-]*$", text[max(0, start - 8):start])):
        return None
    if len(digits) == 9:
        return "CMND"
    if len(digits) == 10:
        return "TAX" if digits[0] in "08" else "INSURANCE"
    if 11 <= len(digits) <= 19 and not re.fullmatch(r"(?:19|20)\d{2}(?:\D+(?:19|20)\d{2})+", raw):
        return "BANK"
    return None


# Cells of a row set apart by a spaced bar, one of them longer than a box's digit: "456.78 | 0913 478 256".
TABLE_CELLS = re.compile(r"\d\d[ \t]\|[ \t]\d|\d[ \t]\|[ \t]\d\d")


# Years in a row ("2021-2025-2030") and decimals ("105.854167", a coordinate): never an identifier.
ORDINARY_NUMBER = re.compile(r"(?:19|20)\d{2}(?:\s*[-–/,]\s*(?:19|20)\d{2})+|\d{1,3}[.,]\d{5,8}"
                             r"|1[89]00(?:[\s.-]?\d){4,6}")  # and the national service lines 1800 / 1900
# The number of a document, a permit, a receipt or an order: "Giấy phép số 123456789" (folded, right before).
DOCUMENT_BEFORE = re.compile(r"\b(?:giay phep|quyet dinh|cong van|van ban|hop dong|hoa don|bien lai|bien ban|chung tu|phieu"
                             r"|giay chung nhan|gcn|ma ho so|so ho so|ho so|van don|ma van don|seri|serial|so hieu|don hang"
                             r"|ma don|thua|to trinh|ke hoach|thong bao|giay moi|ma giao dich|ma tra cuu|ma bien nhan"
                             r"|giay bien nhan|so vao so|ma thu tuc|ma bao cao)(?:\s+[a-z]{1,6}){0,2}\s*(?:so|ma)?\s*[:.]?\s*$")
# A book's or a journal's number: "Mã số ISBN của tài liệu tập huấn 978-604-57-1234-5" (folded).
BOOK_NUMBER_BEFORE = re.compile(r"\b(?:isbn|issn)\b")
# Ordinary codes made of digit groups: national procedure codes "1.001612.000.00.00.H28".
ORDINARY_CODE = re.compile(r"\d\.\d{6}\.\d{3}\.\d{2}\.\d{2}")


BOX_EDGES = {"(": ")(", "[": "][", "|": "|"}  # the first box's opening mark -> the mark between boxes


def _with_box_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a digit run typed in boxes ("(0)(7)…(2)", "[0][7]…[2]", "|0|7|…|2|") to its first and last box."""
    opening = text[start - 1:start]
    between = BOX_EDGES.get(opening)
    if between and text[end:end + 1] == between[0] and between in text[start:end]:
        return start - 1, end + 1
    return start, end


def _extra_ids(text: str, low: str) -> list[Finding]:
    """IDs added for issue 24: passports, BHXH/BHYT, cards, secrets, loose emails, unusual spellings."""
    out: list[Finding] = []

    def add(kind: str, start: int, end: int) -> None:
        out.append(Finding(kind, start, end, text[start:end]))

    for rx in (DIGIT_RUN, SLASH_RUN, WIDE_GROUPS, SPACED_DIGITS) if "/" in text else (DIGIT_RUN, WIDE_GROUPS, SPACED_DIGITS):
        for m in rx.finditer(text):
            if TABLE_CELLS.search(m.group()):
                continue  # "… | 29-H1 456.78 | 0913 478 256": cells of a table row, each found on its own
            kind = _classify_digits(_digits(m.group()), low, m.start(), m.end(), text)
            a, b = _with_box_edges(text, *m.span())
            if kind:
                add(kind, a, b)
    for start, end, digits in number_runs(text, low, 5):
        # a health-insurance code read aloud: two letters' names, then the level, the province and ten digits
        # ("tê e một, không một, không một ba bốn …")
        letters = BHYT_LETTERS_SPOKEN.search(low, max(0, start - 24), start) if len(digits) == 13 else None
        if letters and re.search(r"\b(?:bhyt|bao hiem)\b", _folded_before(low, letters.start(), 50)):
            add("INSURANCE", letters.start(), end)
            continue
        # a passport read aloud: the letter's name, then seven digits ("xê bốn năm một, tám hai không chín")
        letter = PASSPORT_LETTER_SPOKEN.search(low, max(0, start - 14), start)
        if letter and len(digits) in (7, 8) and PASSPORT_CONTEXT.search(_folded_before(low, letter.start(), 40)):
            add("PASSPORT", letter.start(), end)
            continue
        if len(digits) < 9:
            continue
        kind = _classify_digits(digits, low, start, end, text)
        if kind is None and len(digits) == 9:
            kind = "CMND"
        if kind:
            add(kind, start, end)
    for m in BOXED_CHARS.finditer(text) if re.search(r"\d [A-Z] ", text) else ():
        compact = m.group().replace(" ", "")
        kind = ("PLATE" if PLATE_RE.fullmatch(compact) else "INSURANCE" if BHYT_RE.fullmatch(compact)
                else "PASSPORT" if re.fullmatch(r"[A-Z]\d{7}", compact) else None)
        if kind:
            add(kind, m.start(), m.end())
    for m in PHONE_BRACKET_RE.finditer(text):
        if _valid_phone(m.group().replace("(", "").replace(")", "")):
            add("PHONE", m.start(), m.end())
    for m in PASSPORT_RE.finditer(text):
        # the letters Vietnamese passports use, then seven digits, in any case and grouping, unless a document's number
        shape = re.fullmatch(r"[BCEGKNPbcegknp]\D?\d(?:\D?\d){6}", m.group()) is not None
        before = _folded_before(low, m.start(), 40)
        if (shape and not DOCUMENT_BEFORE.search(before)) or PASSPORT_CONTEXT.search(before):
            add("PASSPORT", m.start(), m.end())
    for m in PASSPORT_FOREIGN_RE.finditer(text) if "ho chieu" in low or "passport" in low else ():
        if PASSPORT_CONTEXT.search(_folded_before(low, m.start(), 30)):
            add("PASSPORT", m.start(), m.end())
    for m in BHYT_RE.finditer(text):
        add("INSURANCE", m.start(), m.end())
    for m in BHYT_ANYCASE_RE.finditer(text):
        # two letters, a benefit level 1-5, a province and ten digits: specific enough in any case and spacing
        add("INSURANCE", m.start(), m.end())
    for m in BHYT_LOOSE_RE.finditer(text) if "bhyt" in low or "bao hiem" in low else ():
        if INSURANCE_CONTEXT.search(_folded_before(low, m.start(), 40)):
            add("INSURANCE", m.start(), m.end())
    for m in PHONE_INTL_RE.finditer(text):
        add("PHONE", m.start(), m.end())
    for m in DIGIT_RUN.finditer(text):  # 10-digit BHXH numbers after their keyword
        if len(_digits(m.group())) == 10 and INSURANCE_CONTEXT.search(_folded_before(low, m.start(), 40)):
            add("INSURANCE", m.start(), m.end())
    for m in TAX_SPACED_RE.finditer(text):
        if TAX_CONTEXT_FOLDED.search(_folded_before(low, m.start(), 40)):
            add("TAX", m.start(), m.end())
    out.extend(Finding("SECRET", a, b, text[a:b]) for a, b in find_secrets(text, low, _is_email))
    if " " in low:
        out.extend(_spoken_plates(text, low))
    for m in PLATE_LOOSE_RE.finditer(low):
        shaped = re.search(r"[a-z]\d?\s?[-.]\s?\d", low[m.start():m.end()]) and 11 <= int(low[m.start():m.start() + 2]) <= 99
        if not PLATE_RE.fullmatch(text[m.start():m.end()]) and (
                shaped or PLATE_CONTEXT.search(_folded_before(low, m.start(), 30))):  # "28a-11953": the shape is enough
            add("PLATE", m.start(), m.end())
    for m in ARMY_PLATE_RE.finditer(text):
        if PLATE_CONTEXT.search(_folded_before(low, m.start(), 30)) or re.search(r"\bbien\b", _folded_before(low, m.start(), 12)):
            add("PLATE", m.start(), m.end())
    for m in TEMP_PLATE_RE.finditer(text):
        if re.search(r"\btam\b", _folded_before(low, m.start(), 30)) or PLATE_CONTEXT.search(_folded_before(low, m.start(), 30)):
            add("PLATE", m.start(), m.end())
    seen_email: set[tuple[int, int]] = set()
    accented = not text.isascii()  # "email của em là thu ha tám sáu …": "thu" typed bare among accents is a name, not "thư"
    for anchor in EMAIL_AT_ANCHOR.finditer(low):
        lo = max(0, anchor.start() - 160)
        for m in EMAIL_LOOSE_RE.finditer(low, lo, min(len(low), anchor.end() + 60)):
            if m.span() in seen_email or not (m.start() <= anchor.start() < m.end()):
                continue
            seen_email.add(m.span())
            a = m.start()
            # the local part read as several words ("hoang lan a còng …", "bích ngọc chín lăm a còng …"): take up to
            # four more words before it, never a word that introduces it ("email chị ấy là …"); a local part glued to
            # a typed "@" is whole already
            for _ in range(0 if low[anchor.start()] == "@" else 4):
                w = re.search(r"(?<![\w.@+-])([a-z0-9][a-z0-9._+-]*) $", low[max(0, a - 30):a])
                typed_bare = w is not None and accented and text[a - len(w.group()):a - 1] == w.group(1)
                if not w or (w.group(1) in EMAIL_LEAD_WORDS and not (typed_bare and w.group(1) not in EMAIL_BARE_LEADS)):
                    break
                a -= len(w.group())
            if a < anchor.start() and not EMAIL_RE.fullmatch(text[a:m.end()]):
                add("EMAIL", a, m.end())
    return out


# A hotline of an office, published for everyone (folded, right before the number, in its clause); an office's desk
# phone ("máy bàn trạm y tế") may be a person's and stays hidden.
OFFICE_LINE_BEFORE = re.compile(
    r"\b(?:duong day nong|tong dai|hotline|(?:so )?(?:dien thoai |dt |may )?truc(?: ban| truc)?)(?: (?:chinh thuc|tiep dan|tiep nhan|phan anh))?"
    r" (?:cua |tai )?(?:ubnd|uy ban|phuong|xa|thi tran|cong an|so|phong chay chua chay|pccc|cuu hoa|huyen|quan|y te|quan su"
    r"|dien luc|ngan hang|benh vien|tram y te|truong|ban quan ly|trung tam|chi cuc|cuc|bhxh|bao hiem xa hoi|van phong"
    r"|tru so|bo phan mot cua|bo phan tiep nhan|hdnd|mat tran|doi quan ly|cong ty)\b[^,;()]{0,40}$"
    r"|\b(?:duong day nong|tong dai|hotline)\s*:?\s*$"  # a hotline is public by nature, whoever runs it
    # an office's own number: "Số điện thoại bộ phận một cửa UBND phường: 0243 …" (never a head's: "trưởng thôn" is not here)
    r"|\b(?:so )?(?:dien thoai|sdt)(?: (?:co dinh|lien he|tiep dan))? (?:cua )?(?:ubnd|uy ban nhan dan|bo phan mot cua"
    r"|bo phan tiep nhan|cong an (?:xa|phuong)|tram y te|van phong|tru so|trung tam phuc vu hanh chinh cong|hdnd)\b[^,;()]{0,40}$")


# A company's own tax code right after its name: "Công ty cổ phần Sông Đà có mã số thuế 5400101273" (folded, capitals kept).
COMPANY_TAX_BEFORE = re.compile(r"\b(?i:cong ty|doanh nghiep|hop tac xa|htx|tap doan)(?: [a-z]+){0,3}(?: [A-Z][\w&-]*(?: [a-z]+){0,2}?)+,?"
                                r" (?:(?i:co|voi|la) )?(?i:ma so thue|mst|ma so doanh nghiep)\s*(?:(?i:la)\s*)?:?\s*$")
CAR_BEFORE = re.compile(r"(?<!\w)[ôÔ] $")  # "ô tô", the car
# A sentence's end: a stop, a semicolon, "!" or "?" before a space, or a line break.
SENTENCE_END = re.compile(r"[.;!?](?:\s|$)|\n")
# A public office's own place, in the sentence ("Tọa độ trụ sở UBND phường: …") is published, not a person's.
OFFICE_PLACE_WORDS = re.compile(r"\b(?:tru so|ubnd|uy ban|co quan|van phong|nha van hoa|truong|tram y te|benh vien|cong an)\b")


# An office's own account or mailbox, published for payments and documents: "Tài khoản thu phí của UBND xã mở tại Kho bạc …",
# "Hộp thư điện tử của cơ quan: …" (folded, in the clause before the value).
# An office's mailbox or a fund's account named as such: "hòm thư công vụ …", "tài khoản quỹ vì người nghèo …",
# "Ủy ban MTTQ phường tiếp nhận tại tài khoản …".
_MAILBOX = r"(?:tai khoan|so tai khoan|stk|hop thu|hom thu|thu dien tu|email|dia chi thu)"
OFFICE_ACCOUNT_BEFORE = re.compile(
    r"\b(?:" + _MAILBOX + r"(?: [a-z]+){0,3} cua (?:co quan|ubnd|uy ban|phuong|xa"
    r"|thi tran|don vi|van phong|bo phan mot cua|quy|hoi|truong|tram y te|ban)|kho bac"
    r"|" + _MAILBOX + r"(?: [a-z]+){0,2} (?:cong vu|gop y)|(?:tai khoan|stk)(?: cua)? quy"
    r"|(?:uy ban|ubnd|mttq|mat tran)(?: [a-z]+){0,5} (?:tiep nhan|nhan ung ho|nhan) (?:tai|qua|vao) (?:so )?tai khoan)\b(?! vien)")  # not "hội viên"
# The holder named after the value: "… 0011001234567 Vietcombank, chủ tài khoản Ủy ban MTTQ …", "… 3761… là của phường".
OFFICE_ACCOUNT_AFTER = re.compile(r"[^.;!?\n]{0,30}?(?:\bchu tai khoan\s*:?\s*(?:la\s+)?(?:uy ban|ubnd|mttq|quy|phuong|xa|co quan|truong"
                                  r"|tram y te|hoi)|\b(?:deu )?la cua (?:phuong|xa|ubnd|uy ban|co quan|quy|don vi))\b")


def _office_line(text: str, low: str, start: int, before: re.Pattern[str] = OFFICE_LINE_BEFORE, whole_sentence: bool = False) -> bool:
    """The value at `start` is an office's published line (or, with OFFICE_ACCOUNT_BEFORE, its account or mailbox)."""
    cut = r"[.;!?\n](?:\s|$)" if whole_sentence else r"[.;!?\n](?:\s|$)|,"
    clause = re.split(cut, low[max(0, start - 120):start])[-1]
    m = max(before.finditer(clause), key=lambda o: o.start(), default=None)  # the office named last owns the value
    return m is not None and not person_cue(text[start - len(clause) + m.start():start]) and not re.search(
        r"\b(?:rieng|ca nhan|cua (?:ong|ba|anh|chi|em|co|chu|bac))\b(?! quan)", clause[m.start():])  # "của cô", not "của cơ quan"


# The unit repeated at a range's other end: "từ số nhà 1 đến số nhà 99", "ki-ốt số 1 đến số 20".
_RANGE_UNIT = r"(?:(?:so nha|nha so|so|ki-?ot|kiot|nha|can)\s+(?:so\s+)?)?"
_RANGE_AFTER = re.compile(r"\s*(?:den|toi|va)\s*" + _RANGE_UNIT + r"\d|\s*[-–]\s*\d{1,4}\b(?![\s.]*\d)")  # not "… – 0912 345 678"
_RANGE_BEFORE = re.compile(r"\btu\s+" + _RANGE_UNIT + r"\d{1,4}[a-z]?\s+(?:den|toi)\s+$")


def _range_end(low: str, a: int, b: int) -> bool:
    """low[a:b] is one end of a range of numbered places ("từ số nhà 1 đến số nhà 99"), not one home."""
    return _RANGE_AFTER.match(low, b, b + 20) is not None or _RANGE_BEFORE.search(low[max(0, a - 30):a]) is not None


def _merge_addresses(text: str, found: list[Finding]) -> list[Finding]:
    """Address pieces found by different rules that overlap or touch ("45 đường số 7" + "đường số 7, khu dân cư …")
    are one address."""
    addr = sorted((f for f in found if f.kind == "ADDRESS"), key=lambda f: f.start)
    if len(addr) < 2:
        return found
    merged: list[list[int]] = []
    for f in addr:
        if merged and f.start <= merged[-1][1] + 2 and re.fullmatch(r"[ ,]*", text[merged[-1][1]:max(merged[-1][1], f.start)]):
            merged[-1][1] = max(merged[-1][1], f.end)
        else:
            merged.append([f.start, f.end])
    return [f for f in found if f.kind != "ADDRESS"] + [Finding("ADDRESS", a, b, text[a:b]) for a, b in merged]


# An address found up to a house or lane number goes on over the street's name right after it ("nhà số 215 Lê Lợi",
# "so 14 ngo 56 ngach 9 Tran Duy Hung"); a hamlet goes on over the commune named after it ("thôn Đông, xã Hải Lộc").
_NUMBER_END = re.compile(r"(?:^|\s)(?:so nha|nha so|so|nha|ngo|ngach|hem|kiet|can|phong(?: tro)?)\s+(?:so\s+)?\d{1,4}[A-Za-z]?"
                         r"(?:/\d{1,4}[A-Za-z]?)*$", re.I)
_STREET_AFTER = re.compile(r"\s+(?:(?:duong|pho|Duong|Pho)\s+)?[A-Z][a-z]*(?:\s+[A-Z][a-z]*){0,3}(?![\w/])")
_ADMIN_AFTER = re.compile(r"\s*,?\s*(?:xa|phuong|thi tran|Xa|Phuong|Thi tran)\s+[A-Z][a-z]*(?:\s+[A-Z][a-z]*){0,3}(?!\w)")


def _extend_addresses(text: str, folded_case: str, found: list[Finding]) -> list[Finding]:
    """Addresses widened over the street name after their number, hamlets over the commune after them."""
    out = []
    for f in found:
        if f.kind == "ADDRESS":
            b = f.end
            if _NUMBER_END.search(folded_case[f.start:b]) and (m := _STREET_AFTER.match(folded_case, b)):
                b = m.end()
            village = re.match(r"(?i:ban|thon|xom|ap|buon|plei|lang|noc|phum|soc|to dan pho|tdp|khom|khu pho)\s", folded_case[f.start:b])
            if village and re.search(r"(?<![\w/])\d{1,3}$", folded_case[f.start:b]) and not folded_case[f.start:b].lower().startswith(
                    "to ") and (m := _STREET_AFTER.match(folded_case, b)):
                b = m.end()  # "ấp 3 Tân Thạnh Đông"
            elif village and (m := re.match(r"\s+\d{1,2}(?=\s+[a-z]|\s*[,.;)]|\s*$)", folded_case[b:b + 6])):
                b += m.end()  # "TDP Hòa Lạc 2 báo cáo"
            if village and (m := _ADMIN_AFTER.match(folded_case, b)):  # a hamlet is found again by its commune
                b = m.end()
            m = HOUSE_NTH_AFTER.match(folded_case, b)  # "hẻm 42 Nguyễn Trãi, nhà thứ ba bên trái"
            if m and not re.match(r" [A-Z]", folded_case[m.end():m.end() + 2]):  # not into a full name ("nhà ông Quách Văn Hiếu")
                b = m.end()
            if b != f.end:
                f = Finding("ADDRESS", f.start, b, text[f.start:b])
        out.append(f)
    return out


# A scanning or typing slip inside a number ("03719O011842", "09l2 483 065", "4680 686l", "13/o8/1992"): the letter O/o
# stands for 0 and l/I for 1 when digits stand on both sides, or when it ends a run of digits. The replacement keeps the
# length, so every span found on the mended text is the same span of the text as typed.
_OCR_SLIP = re.compile(r"(?<=\d)[OolI](?=\d)|(?<=\d[/.-])[Oo](?=\d)|(?<=\d)[Oo](?=[/.-]\d)|(?:(?<=\d{4})|(?<=\d[ .-]\d{3}))[lIO](?![\w/.,-]?\w)")
_OCR_DIGIT = {"O": "0", "o": "0", "l": "1", "I": "1"}
# Lines of a form's boxes drawn with other vertical bars ("│1 │ 6 │ 3", "８｜６"), read as "|" (same length).
_BOX_BARS = str.maketrans({c: "|" for c in "│┃｜¦ǀ∣┆┇╎╏║"})
# Digit groups joined by another dash (en/em dash, minus, non-breaking hyphen, as Word or a PDF copies them:
# "027–190–006–534") are read as joined by "-" (same length).
_DIGIT_DASH = re.compile(r"(?<=\d)[‐‑‒–—―−](?=\d)")


# A name right after a lane or house number is the street's ("Kiệt 46 Hoàng Diệu", "ngõ 12 Lê Lợi"); "năm Đinh Mùi" is a year.
NOT_PERSON_BEFORE = re.compile(r"\b(?:kiet|ngo|hem|ngach|so nha|nha so|so|k)\s*\d{1,4}[a-z]?(?:/\d{1,4}[a-z]?)*\s+$"
                               # a business's name or an offence after its label: "TÊN HỘ KINH DOANH: TIỆM VÀNG …", "LỖI: ĐỖ SAI …"
                               r"|\b(?:ten (?:ho kinh doanh|co so|cua hang|doanh nghiep|cong ty|to chuc|don vi|hang|quan|tiem|nha thuoc"
                               r"|hop tac xa|htx|truong|du an|cong trinh)|loi(?: vi pham)?|hanh vi(?: vi pham)?|noi dung|ly do)\s*:\s*$"
                               r"|\b(?:chu|ky tu|letter)\s+$")  # "chữ N": a letter


# A full name whose family name is also a title word, after a title ("chị Ông Thị Hậu", "anh Phó Đức Hạnh"), and a
# foreign name after an English title ("Mr. John Peterson").
_CAP_WORD = rf"[{_UPPER}][a-zà-ỹđ]+"
TITLE_SURNAME_RE = re.compile(rf"(?<!\w)(?:ông|bà|anh|chị|em|cô|chú|bác|cụ|cháu|Ông|Bà|Anh|Chị|Em|Cô|Chú|Bác|Cụ|Cháu)\s+"
                              rf"(?P<n>(?:Ông|Phó|Bà|Cô|Chú|Anh)\s+(?:Văn|Thị|Đức|Hữu|Quang|Thanh|Ngọc|Xuân|Công|Đình|Minh)"
                              rf"\s+{_CAP_WORD}(?:\s+{_CAP_WORD})?)(?!\w)")
ENGLISH_TITLE_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+(?P<n>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})\b")
# A capitals-only line typed without diacritics: "CHI HOANG THI YEN NOP DON" (a known family name, VAN or THI, one given
# name: the word after it may already be the verb).
CAPS_BARE_NAME_RE = re.compile(r"\b(?:ONG|BA|ANH|CHI|EM|CO|CHU|BAC|CU|CHAU)\s+(?P<n>(?P<s>[A-Z]+)\s+(?:VAN|THI)\s+[A-Z]+)\b")


# More shapes of a name (issue 24, slice S): a chat mention ("@Thủy 1 cửa"), a sender at the start of a line ("Thanh Tuyền
# (Tổ 14): …"), the royal lineages' prefixes ("Công Tằng Tôn Nữ Bảo", "Tôn Thất Thuyết"), "Thị" between two capitalised
# syllables whatever the family name ("Đồng Thị Hiền"), a name after the label "Tên" typed bare ("Ten Pham Van Tai"), a
# family name that is also a title word typed bare ("anh Chu Van Kien"), one given name after a verb of passing a message
# ("Nhắn cho Thoa là …") and after "bạn" typed bare before a vocative ("ban Thanh a").
_NW_CAP = rf"[{_UPPER}][a-zà-ỹđ]+"
MENTION_RE = re.compile(rf"(?<![\w.@])@(?P<n>{_NW_CAP}(?:\s+{_NW_CAP}){{0,2}})")
SENDER_RE = re.compile(rf"(?:^|\n)\s*(?P<n>{_NW_CAP}(?:\s+{_NW_CAP}){{1,3}})\s*(?:\([^()\n]{{1,30}}\))?\s*:")
ROYAL_RE = re.compile(rf"(?<!\w)(?P<n>(?:(?:Công|Huyền)\s+(?:Tằng\s+)?)?Tôn\s+(?:Nữ|Thất)(?:\s+{_NW_CAP}){{1,3}}"
                      rf"|(?:(?:CÔNG|HUYỀN)\s+(?:TẰNG\s+)?)?TÔN\s+(?:NỮ|THẤT)(?:\s+[{_UPPER}]+){{1,3}}(?![\w]))")  # in capitals too
# A message signed at its end after a dash: "… cống bị tắc 3 hôm nay rồi — Hạnh" (a first-person word in the message)
SIGN_OFF_RE = re.compile(rf"\s[—–-]\s*(?P<n>{_NW_CAP}(?:\s+{_NW_CAP}){{0,3}})\s*[.!]?\s*(?:\n|$)")
FIRST_PERSON = re.compile(r"\b(?:em|toi|minh|chau|con|e|t)\b")
# Children or relatives listed by their given names after a plural kinship word: "Các cháu: Bống, Bin, Tũn", "hai con là
# Na và Nô"
KIN_LIST_RE = re.compile(rf"\b(?:[Cc]ác|[Hh]ai|[Bb]a|[Bb]ốn|[Mm]ấy) (?:cháu|con|em|bé|cụ)(?: là| gồm)?\s*:?\s*"
                         rf"(?P<l>{_NW_CAP}(?:\s*,\s*{_NW_CAP})*(?:\s*(?:,|và)\s*{_NW_CAP}))")
# An account holder's name in capitals, as a bank prints it: "chủ TK NGUYEN VAN AN", "Tên TK: TRAN THI BINH" (folded)
ACCOUNT_HOLDER_RE = re.compile(r"(?i:chu (?:tk|tai khoan|the)|ctk|ten (?:tk|tai khoan|chu tk|chu tai khoan)|account name|account holder)"
                               r"\s*:?\s*(?P<n>(?P<s>[A-Z]{1,7})(?: [A-Z]{1,7}){1,4})(?![\w])")
# English labels of a passport or a form: "SURNAME: PHAM – GIVEN NAMES: THI LAN ANH"
ENGLISH_NAME_LABEL_RE = re.compile(r"\b(?:SURNAME|GIVEN NAMES?|FULL NAME|NAME|Surname|Given names?|Full name)\s*:\s*"
                                   r"(?P<n>[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*){0,4})(?![\w])")
THI_NAME_RE = re.compile(rf"(?<!\w)(?P<n>(?P<f>{_NW_CAP})\s+Thị\s+{_NW_CAP}(?:\s+{_NW_CAP})?)(?!\w)")
BARE_LABEL_NAME_RE = re.compile(r"\b(?:Ten|TEN|ten)\s*:?\s+(?P<n>(?P<s>[A-Z][a-z]+)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\b")
BARE_TITLE_SURNAME_RE = re.compile(r"\b(?:ong|ba|anh|chi|em|co|chu|bac|cu|chau|Ong|Ba|Anh|Chi|Em|Co|Chu|Bac|Cu|Chau)\s+"
                                   r"(?P<n>(?:Chu|Co|Ong|Ba|Anh|Bac|Cu|Chau|Pho)\s+(?:Van|Thi)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b")
MESSAGE_OPEN_RE = re.compile(rf"(?:^|\n)\s*(?:Gửi|Nhắn|Chào|Nhờ)\s+(?P<n>{_NW_CAP}(?:\s+{_NW_CAP})?)(?=\s*[,:]|\s+ở\b|\s+ơi\b)")
MESSAGE_TO_RE = re.compile(rf"\b(?:[Nn]hắn|[Bb]áo|[Gg]ửi|[Gg]ọi|[Nn]hờ|[Dd]ặn)\s+(?:lại\s+|giúp\s+)?(?:cho|với)\s+(?P<n>{_NW_CAP})"
                           r"(?=\s+(?:là|rằng|biết|ngay|nhé|nha|ạ|mai|chiều|sáng|tối)\b|\s*[,.!])")
# A given name called at a message's start ("Vy ơi, …") or asked to act ("Nhờ Kim nộp giúp"), and a person with their group
# in brackets ("Lan Anh (tổ 5) báo …").
VOCATIVE_RE = re.compile(rf"(?:^|\n|[.!?]\s+)(?P<n>{_NW_CAP}(?:\s+{_NW_CAP})?)\s+ơi\b")
NOT_VOCATIVE = frozenset("trời giời ối ôi mẹ bố cha má ba anh chị em ông bà cô chú bác con cháu cậu dì thầy bạn mọi cả".split())
REQUEST_NAME_RE = re.compile(rf"(?:^|\n|[.!?]\s+)(?:Nhờ|Bảo|Dặn|Gọi)\s+(?P<n>{_NW_CAP})\s+(?P<w>[a-zà-ỹđ]+)")
GROUP_ASIDE_RE = re.compile(rf"(?:^|\n|[.!?;,]\s+)(?P<n>{_NW_CAP}(?:\s+{_NW_CAP}){{0,3}})\s*\((?:tổ|thôn|xóm|ấp|bản|khu phố|khu|TDP|KP|Tổ|Thôn|Xóm|Ấp|Bản)\s")
BARE_BAN_RE = re.compile(r"\bban\s+(?P<n>[A-Z][a-z]+)(?=\s+(?:a|oi|nhe|nha|ah)\b|\s*[,.!?]|\s*$)")


# … of which these never start a given name said alone ("Trâm", "Chi", "Công", "Trường" can)
INSTITUTION_HEADS = frozenset("phòng ban sở ủy uỷ hội tổ đội trạm viện cục bộ đảng đoàn mặt ubnd hđnd".split())
INSTITUTION_WORDS = frozenset("phong ban so uy hoi truong cong chi to doi ubnd tram trung vien cuc bo dang doan mat hdnd".split())


# Offices and fields of work named like a person in a chat or a heading ("@Tư Pháp", "Văn Hóa Xã Hội:").
OFFICE_WORDS = re.compile(r"\b(?:tu phap|dia chinh|van hoa|xa hoi|xay dung|ke toan|tai chinh|quan su|cong an|mot cua|y te|giao duc"
                          r"|lao dong|thuong binh|noi vu|thanh tra|van thu|kinh te|do thi|moi truong|tiep dan|dan so|mat tran)\b")
PLACE_BEFORE_THI = frozenset("bến rạch cầu chợ kênh ngã đường phố xóm ấp làng sông".split())


def _name_words_ok(value: str) -> bool:
    words = value.split()
    folded = strip_diacritics_aligned(value).lower()
    return (all(valid_name(w) for w in words) and folded not in FAMOUS | PLACES and not OFFICE_WORDS.search(folded)
            and words[0].lower() not in PLACE_WORDS | NOT_NAME_START | PLACE_BEFORE_THI
            and (words[0].lower() not in INSTITUTION_HEADS if len(words) == 1 else folded.split()[0] not in INSTITUTION_WORDS))


def _more_name_shapes(text: str, folded_case: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    if "@" in text:
        for m in MENTION_RE.finditer(text):
            words = m.group("n").split()
            keep = next((i for i, w in enumerate(words) if not valid_name(w) or w.lower() in PLACE_WORDS), len(words))
            if keep and _name_words_ok(" ".join(words[:keep])):
                spans.append((m.start("n"), m.start("n") + len(" ".join(words[:keep]))))
    for m in SENDER_RE.finditer(text):
        if _name_words_ok(m.group("n")) and not re.match(r"\s*(?:Kính|Nơi|Ghi|Căn|Trả|Chủ|Tiêu|Nội|Lý|Ý|Tiếng|Câu|Bước|Phần|Mục|Điều|Chương|Lưu|Chú|Tóm|Kết)\b", m.group("n")):
            spans.append(m.span("n"))
    if "Tôn" in text or "TÔN" in text:  # not a school or street named after one ("Trường Tôn Thất Tùng")
        spans += [m.span("n") for m in ROYAL_RE.finditer(text)
                  if strip_diacritics_aligned(m.group("n")).lower() not in FAMOUS and not re.search(
            r"(?:^|\s)(?:" + "|".join(STRONG_PLACE) + r")\s+$", text[max(0, m.start() - 12):m.start()].lower())]
    if "Thị" in text:  # only family names the name rules do not know (the known ones are judged there, with their exceptions)
        spans += [m.span("n") for m in THI_NAME_RE.finditer(text) if _name_words_ok(m.group("n"))
                  and m.group("f").lower() not in SURNAMES_VI]
    spans += [m.span("n") for m in BARE_LABEL_NAME_RE.finditer(folded_case) if m.group("s").lower() in SURNAMES_BARE
              and text[m.start("n"):m.end("n")].isascii()]
    spans += [m.span("n") for m in BARE_TITLE_SURNAME_RE.finditer(folded_case) if text[m.start("n"):m.end("n")].isascii()]
    spans += [m.span("n") for rx in (MESSAGE_TO_RE, MESSAGE_OPEN_RE) for m in rx.finditer(text) if _name_words_ok(m.group("n"))]
    spans += [m.span("n") for m in VOCATIVE_RE.finditer(text) if "ơi" in text and _name_words_ok(m.group("n"))
              and m.group("n").split()[0].lower() not in NOT_VOCATIVE]
    spans += [m.span("n") for m in REQUEST_NAME_RE.finditer(text) if _name_words_ok(m.group("n"))
              and m.group("n").lower() not in INSTITUTION_HEADS and m.group("w") not in ("phận", "tư", "ban")]
    spans += [m.span("n") for m in GROUP_ASIDE_RE.finditer(text) if "(" in text and _name_words_ok(m.group("n"))]
    if text.isascii():
        spans += [m.span("n") for m in BARE_BAN_RE.finditer(text) if _name_words_ok(m.group("n"))]
    if FIRST_PERSON.search(folded_case.lower()):
        spans += [m.span("n") for m in SIGN_OFF_RE.finditer(text) if _name_words_ok(m.group("n"))]
    spans += [m.span("n") for m in ACCOUNT_HOLDER_RE.finditer(folded_case) if m.group("s").lower() in SURNAMES_BARE]
    for m in KIN_LIST_RE.finditer(text):
        spans += [(m.start("l") + w.start(), m.start("l") + w.end()) for w in re.finditer(_NW_CAP, m.group("l"))
                  if _name_words_ok(w.group())]
    if "NAME" in text or "name" in text:
        spans += [m.span("n") for m in ENGLISH_NAME_LABEL_RE.finditer(folded_case)
                  if all(valid_name(w.capitalize()) for w in m.group("n").split())]
    return spans


def _widen_names(text: str, names: list[tuple[str, int, int]], folded_case: str = "") -> list[tuple[str, int, int]]:
    """Names found by these shapes added to (or widening) the names found by `find_names`."""
    extra = [m.span("n") for rx in (TITLE_SURNAME_RE, ENGLISH_TITLE_RE) for m in rx.finditer(text)]
    extra += [m.span("n") for m in CAPS_BARE_NAME_RE.finditer(text) if m.group("s").lower() in SURNAMES_BARE]
    extra += _more_name_shapes(text, folded_case or strip_diacritics_aligned(text))
    if not extra:
        return names
    out = list(names)
    for a, b in extra:
        inside = [n for n in out if n[1] < b and a < n[2]]
        if any(k != "NAME" for k, _, _ in inside):
            continue
        out = [n for n in out if n not in inside]
        out.append(("NAME", min([a] + [n[1] for n in inside]), max([b] + [n[2] for n in inside])))
    return sorted(out, key=lambda n: n[1])


def find_pii(text: str) -> list[Finding]:
    """All personal data found in `text`, sorted by position, without overlaps."""
    text = unicodedata.normalize("NFC", text or "")
    typed = text
    if _OCR_SLIP.search(text):
        text = _OCR_SLIP.sub(lambda m: _OCR_DIGIT[m.group()], text)
    if not text.isascii():
        text = _DIGIT_DASH.sub("-", text.translate(_BOX_BARS))
    folded_case = strip_diacritics_aligned(text)  # folded once, shared with the name and sensitive-data passes
    low = folded_case.lower()
    found: list[Finding] = _extra_ids(text, low) + _machine_codes(text)
    if BIRTH_HINT.search(low):
        found += _birth_dates(text, low)

    def add(kind: str, m: re.Match[str], group: int | str = 0) -> None:
        found.append(Finding(kind, m.start(group), m.end(group), m.group(group)))

    for m in EMAIL_RE.finditer(text):
        add("EMAIL", m)
    for m in EMAIL_SLIP_RE.finditer(text) if "@" in text else ():
        add("EMAIL", m)
    for m in PHONE_RE.finditer(text):
        if _valid_phone(m.group()) and not _money_after(text, m.end()):
            add("PHONE", m)
    for m in CCCD_RE.finditer(text):
        if not _money_after(text, m.end()):
            add("CCCD", m)
    for m in CMND_RE.finditer(text):
        if _context(CMND_CONTEXT, _window(text, m.start(), m.end(), 40, 0)) and not _money_after(text, m.end()):
            add("CMND", m)
    for m in BANK_RE.finditer(text):
        digits = _digits(m.group())
        if 6 <= len(digits) <= 19 and _context(BANK_CONTEXT, _window(text, m.start(), m.end(), 50, 30)):
            value = m.group()
            if _valid_phone(value) and _context(PHONE_WORDS, text[max(0, m.start() - 30) : m.start()]):
                continue
            if len(digits) in (9, 12) and _context(ID_JUST_BEFORE, text[max(0, m.start() - 30) : m.start()]):
                continue
            year_range = re.fullmatch(r"(?:19|20)\d{2}\s*-\s*(?:19|20)\d{2}", value) or ORDINARY_NUMBER.fullmatch(value)
            money_like = (re.fullmatch(r"\d{1,3}(?:\.\d{3})+", value)  # 1.500.000 is an amount, not an account …
                          and not ACCOUNT_JUST_BEFORE.search(strip_diacritics(text[max(0, m.start() - 25):m.start()])))
            if not (_money_after(text, m.end()) or year_range or money_like):
                add("BANK", m)
    for m in TAX_RE.finditer(text):
        if _context(TAX_CONTEXT, _window(text, m.start(), m.end(), 40, 0)):
            add("TAX", m)
    for m in PLATE_RE.finditer(text):
        add("PLATE", m)
    for m in PLATE_SPLIT_RE.finditer(text) if "bien" in low or "bks" in low else ():
        if PLATE_CONTEXT.search(_folded_before(low, m.start(), 30)):
            add("PLATE", m)
    for m in DOB_RE.finditer(text):
        glued = re.search(r"([\wÀ-ỹ]+) $", text[max(0, m.start() - 12) : m.start()])  # "vệ sinh", not "An, sinh"
        g0 = max(0, m.start() - 12) + glued.start(1) if glued else 0
        at_start = glued is not None and not text[max(0, g0 - 3):g0].strip(" \"'(")  # "Học sinh năm 2024 …" opens the text
        feast = glued is not None and glued.group(1).lower() in HOLIDAY_BEFORE_SINH and FEAST_WORD_BEFORE.search(
            text, max(0, g0 - 8), g0) is not None  # "Lễ Giáng sinh 2026", "mùa Phục sinh": a feast, not "bà Giáng"
        word = (glued.group(1).lower() if glued and (not glued.group(1)[0].isupper() or at_start or feast)
                else "")  # "Kiếm sinh": a name
        if m.group().lower().startswith("sinh") and (
                word in NOT_BIRTH_BEFORE or (word == strip_diacritics(word) and word in _NOT_BIRTH_ASCII)):
            continue
        if _group_subject(low, m.start(), text):
            continue
        add("DOB", m, "date")
        end = m.end()
        while (more := MORE_BIRTH_DATES.match(text, end)) is not None:  # "Ngày sinh của vợ: …; của chồng: 04.12.1990"
            add("DOB", more, "date")
            end = more.end()
    for m in SPOKEN_DOB_RE.finditer(low) if "sinh" in low or "sanh" in low else ():
        glued = re.search(r"([a-z]+) $", low[max(0, m.start() - 12) : m.start()])
        if glued and glued.group(1) in _NOT_BIRTH_ASCII:
            continue
        g = "date" if m.group("date") else "groups"
        found.append(Finding("DOB", m.start(g), m.end(g), text[m.start(g):m.end(g)]))
    for rx in ADDRESS_RES:
        for m in rx.finditer(text):
            start = m.start("addr")
            value = m.group("addr").rstrip(" ,")
            if not re.search(r"\d", value):
                continue
            left = text[max(0, start - 30) : start]
            if NOT_ADDRESS_BEFORE.search(left) or COUNT_BEFORE.search(left) or re.search(r"\d[ .-]$", left):
                continue  # … or the last group of a number written in groups ("0912 345 678, tổ 6")
            if _money_after(text, start + len(value)) or NOT_ADDRESS_NAME.search(STREET_DATE.sub(r"\1 t", value)):
                continue
            if re.fullmatch(r"(?:so nha|nha so|so)\s+\d{1,4}[a-z]?", low[start:start + len(value)]) and _range_end(low, start, start + len(value)):
                continue  # "từ số nhà 1 đến số nhà 99": a stretch of street
            if OFFICE_PLACE.search(low, max(0, start - 40), start) and not person_cue(text[max(0, start - 120):start + 80]):
                continue  # "Hội nghị tổ chức tại Nhà văn hóa khu phố, số 15 đường …": a meeting place
            found.append(Finding("ADDRESS", start, start + len(value), value))
    for m in HOUSE_SLASH_RE.finditer(text) if "/" in text else ():
        left = text[max(0, m.start() - 30):m.start()]
        date_like = int(m.group("n1")) <= 31 and 1 <= int(m.group("n2")) <= 12  # "ngày 12/11 Nguyễn Văn A đến"
        if (NOT_ADDRESS_BEFORE.search(left) or COUNT_BEFORE.search(left) or (date_like and not HOUSE_CUE_BEFORE.search(left))
                or NOT_ADDRESS_NAME.search(m.group("addr")) or _money_after(text, m.end())):
            continue
        add("ADDRESS", m, "addr")
    for m in HOUSE_STREET_ADMIN_RE.finditer(folded_case):
        if not (NOT_ADDRESS_BEFORE.search(text[max(0, m.start() - 30):m.start()]) or _money_after(text, m.end("addr"))):
            found.append(Finding("ADDRESS", m.start("addr"), m.end("addr"), text[m.start("addr"):m.end("addr")]))
    for m in ENGLISH_ADDRESS.finditer(text) if re.search(r"St|Road|Rd|Ave|[Ss]treet|Lane", text) else ():
        add("ADDRESS", m)
    for m in ENGLISH_PLACE.finditer(text) if re.search(r"Hamlet|Village|Group|Quarter|Zone|Block|Alley|Lane|Room|Ap", text) else ():
        if re.match(r"(?:from|at|in)\b", m.group()) and not re.search(r"\b(?:Mr|Mrs|Ms|Miss|he|she|his|her|him)\b", text, re.I):
            continue  # "Villagers from Hamlet 4 attended": a group, no one in particular
        add("ADDRESS", m, "a")
    for m in COORDINATES_RE.finditer(text):
        lat, lon = (float(m.group(g).replace(",", ".")) for g in ("lat", "lon"))
        s0 = max((x.end() for x in SENTENCE_END.finditer(low, 0, m.start())), default=0)
        s1 = nxt.start() if (nxt := SENTENCE_END.search(low, m.end())) else len(low)
        office = OFFICE_PLACE_WORDS.search(low, s0, s1) is not None and not person_cue(text[s0:s1])  # "… của trụ sở UBND"
        if abs(lat) <= 90 and abs(lon) <= 180 and COORDINATES_CUE.search(low[max(0, m.start() - 120):m.end() + 60]) and not office:
            add("ADDRESS", m)
    for m in FLAT_RE.finditer(text):
        if not OFFICE_PLACE.search(strip_diacritics(_window(text, m.start(), m.end(), 80, 60)).lower()):
            add("ADDRESS", m, "addr")
    for m in ADDRESS_LABEL_RE.finditer(low):
        if low[max(0, m.start() - 6):m.start()].endswith(("email ", "thu ")) or re.match(r"\s*(?:email|thu)\b",
                                                                                          low[m.end() - len(m.group("addr")) - 1:]):
            continue
        if re.search(r"\bnguoi(?: nuoc ngoai| [a-z]+)?\s+$", low[max(0, m.start() - 20):m.start()]):
            continue  # "Người (nước ngoài) tạm trú: Kim Min-jun, …": who is staying, not where
        start, value = m.start("addr"), m.group("addr")
        if ":" not in m.group()[:start - m.start()] and not re.match(r"(?:\S+\s+(?:so\s+)?)?[\dA-Z]", folded_case[start:start + 30]):
            continue  # without a colon: "địa chỉ thôn Na Pan", "địa chỉ 12 …", not "địa chỉ thôn này"
        cut = ADDRESS_LABEL_CUT.search(value)
        value = value[:cut.start()] if cut else value
        value = value.rstrip(" ,:")
        office = re.match(r"(?:tru so|ubnd|uy ban|bo phan|trung tam|van phong|cong an|nha van hoa|truong)\b", value)
        opening = ADDRESS_START.match(strip_diacritics_aligned(text[start:start + len(value)]))
        if (len(value) >= 3 and ADDRESS_WORD.search(value) and not value.startswith(("email", "thu ")) and not office
                and opening):
            found.append(Finding("ADDRESS", start, start + len(value), text[start:start + len(value)]))

    names = [n for n in _widen_names(text, find_names(text, folded_case), folded_case)
             if not (NOT_PERSON_BEFORE.search(low, max(0, n[1] - 24), n[1]) and (n[2] - n[1] == 1 or not low.startswith("chu ", n[1] - 4)))
             and not (LUNAR_YEAR.fullmatch(low, n[1], n[2])  # "năm Đinh Mùi", "Tết Nguyên đán Bính Ngọ", "Xuân Giáp Thìn": a year
                      and re.search(r"\b(?:nam|tet|xuan|nguyen dan|mua xuan|don)\s+$", low[max(0, n[1] - 14):n[1]]))]
    name_starts = sorted(st for k, st, _ in names if k == "NAME")
    name_ends = {st: e for k, st, e in names if k == "NAME"}
    # a personal identifier also says the sentence is about someone ("người có CCCD … tạm trú tại tổ 7")
    person_starts = sorted(name_starts + [f.start for f in found if f.kind in PERSON_ID_KINDS])
    # … and so does a vehicle's plate, for a named place where it stood ("xe 29-B1 123.45 bị mất trộm tại ngõ 250 Kim Giang")
    plate_starts = sorted(f.start for f in found if f.kind == "PLATE")
    for m in PLACE_CHAIN_RE.finditer(folded_case):
        a, b = m.span("c")
        while b > a and folded_case[b - 1] in " ,":
            b -= 1
        lead = CHAIN_LEAD.search(folded_case[max(0, a - 24):a]) is not None  # before a position word ("ở cuối xóm …")
        if pos := POSITION_START.match(folded_case, a, b):
            lead = lead or re.search(r"\bnam\s+$", low[max(0, a - 6):a]) is not None  # "(nhà …) nằm trong hẻm …"
            if not lead:
                continue
            a = pos.end()
        inside = next((e for st, e in name_ends.items() if st < a < e), None)  # "Bà Lâm Thị Sóc Kha, ấp Sóc Tro": "Sóc" in a name
        if a in name_ends or inside is not None:  # "Lò Thị Pọm, tổ dân phố số 4": the family name Lò, not "lô" (a plot), opens the chain
            a = name_ends[a] if a in name_ends else inside
            while a < b and folded_case[a] in " ,":
                a += 1
            if not PLACE_CHAIN_RE.fullmatch(folded_case, a, b):
                continue
        if (host := re.match(r"(?i:nha)\s+(?i:ong|ba|co|chu|bac|anh|chi|cu|di)\s+", folded_case[a:b])) and a + host.end() in name_ends:
            a = name_ends[a + host.end()]  # "Nhà anh Tư, tổ 5 …": the family named keeps its name; the address is what follows
            while a < b and folded_case[a] in " ,":
                a += 1
            if not PLACE_CHAIN_RE.fullmatch(folded_case, a, b):
                continue
        if any(e == b and re.fullmatch(r"(?i:phong(?: tro)?|nha|can ho|ki-?ot)\s+", folded_case[a:st]) for st, e in name_ends.items()):
            continue  # "người thuê phòng Mạc Văn Tùng": the tenant's name after what is rented, no room's number
        owned = (cut := next((st for st, e in name_ends.items() if a < st < b < e), None)) is not None
        if owned:
            # "Xóm Bãi, nhà ông Quách Văn Hiếu …": the chain ran into a full name; the house is named by its owner, kept apart
            b = a + re.search(r"[\s,]*(?:(?:nha|day tro|nha tro|phong tro|khu tro|xom tro)\s+)?(?:(?i:ong|ba|co|chu|bac|anh|chi|cu|di)\s+)?$",
                              folded_case[a:cut]).start()
            if b <= a:
                continue
        chain = low[a:b]
        units = (len(re.findall(r"(?<![\w-])" + _PLACE_NOUN + r"\s+(?:so\s+)?[\dA-Z]", folded_case[a:b], re.I))
                 + len(re.findall(r"(?<![\w-])(?:" + _ADMIN_UNIT + r"|(?i:" + _POSITION + r")\s+(?i:" + _LANDMARK + r"))\b",
                                  folded_case[m.start("c"):b])))
        house_street = re.search(r",\s*" + _HOUSE_STREET, folded_case[a:b]) is not None  # "lầu 3, 45 Nguyễn Huệ"
        units += house_street + owned  # the owner's house cut off still counts as the home's unit
        if not house_street and not re.search(r"\s[A-Z]", folded_case[a:b]):  # "Phòng 10a-204 tầng 2": a room, no named place
            units -= len(re.findall(r"(?<![\w-])(?:tang|lau)\s+\d", chain))
        lead = lead or CHAIN_LEAD.search(folded_case[max(0, a - 24):a]) is not None
        dwelling = DWELLING_START.match(folded_case, a) is not None
        if dwelling and re.match(r"(?i:sap|gian hang)\b", folded_case[a:a + 10]) and not (
                person_cue(text[max(0, a - 120):b + 60]) or bisect.bisect_left(person_starts, b + 60) > bisect.bisect_left(
                    person_starts, max(0, a - 120))):
            continue  # a market stall is someone's workplace only in a sentence about someone
        s0 = max(0, a - 120) + len("".join(re.split(r"([.;!?\n](?:\s|$))", low[max(0, a - 120):a])[:-1]))
        s1 = re.search(r"[.;!?\n](?:\s|$)|$", low[b:b + 120])
        s1 = b + (s1.start() if s1 else 120)
        person = (bisect.bisect_right(person_starts, s1) > bisect.bisect_left(person_starts, s0)
                  or (bisect.bisect_right(plate_starts, s1) > bisect.bisect_left(plate_starts, s0)
                      and re.match(r"(?:[^\s,.;]+\s+){1,3}[A-Z]", folded_case[a:b + 40]) is not None))  # "thôn Nà Pục", "ngõ 250 Kim Giang"
        if NOT_ADDRESS_BEFORE.search(text[max(0, a - 30):a]) or NOT_ADDRESS_NAME.search(STREET_DATE.sub(r"\1 t", text[a:b])):
            continue
        if _range_end(low, a, b):
            continue  # "ki-ốt số 1 đến 20", "từ số nhà 1 đến số nhà 99": a range of stalls or houses, not one home
        if chain.startswith("so ") and not chain.startswith("so nha ") and re.search(r"(?<![\w-])[a-z]+\s*$", folded_case[max(0, a - 12):a]) and not lead:
            continue  # "thửa số 12", "quầy số 4": a number of something else, not "… số 19 tổ 4" after a name
        held = re.search(r"\s+thuoc\s+$", low[max(0, a - 10):a])  # "đất của cụ Bàng thuộc khóm 5": where that person's land lies
        owner_held = held is not None and max(0, a - 10) + held.start() in name_ends.values()
        if OFFICE_PLACE.search(low[s0:s1]) or (GROUP_PLACE_BEFORE.search(low[max(0, a - 24):a]) and not owner_held):
            continue  # "phòng 301, tòa nhà A, trụ sở UBND": an office; "bà con xóm Bưa": the village itself
        # who the sentence is about: a name found, or a title, kinship word or pronoun ("hộ ông …", "anh ấy")
        someone = (person or person_cue(text[s0:s1]) or SPEAKER_LEAD.search(low, max(0, a - 30), a) is not None
                   or SPEAKER_AFTER.match(low, b) is not None)
        house = (HOUSE_UNIT.search(chain) is not None or house_street or owned  # a house, flat or stall number: one home
                 or re.match(_HOST_HOUSE, folded_case[a:b]) is not None)  # "nhà anh Tư, tổ 5 …", "dãy trọ cô Năm, phòng 6"
        lane = re.search(r"\b(?:ngo|ngach|hem|kiet)\s+(?:so\s+)?\d", chain) is not None
        village = re.match(r"(?:ban|thon|xom|ap|buon|plei|lang|noc|phum|soc|to dan pho|tdp|to|khu pho|kp|khom)\s", chain) is not None
        estate = re.match(r"(?:khu tap the|tap the|chung cu|khu chung cu|khu nha o|ktx|ky tuc xa)\s", chain) is not None  # "ở khu tập thể C4"
        lane_street = re.match(r"(?:ngo|ngach|hem|kiet)\s+\d[\w/]*(?:\s+[A-Z][\w]*){1,4}", folded_case[a:b + 40])
        if units == 1 and lead and someone and lane_street:  # "ở ngõ 5 Trần Phú": the lane and its street
            b = a + lane_street.end()
        group = NUMBERED_GROUP.match(chain) is not None
        delivery = DELIVERY_LEAD.search(low[max(0, a - 30):a]) is not None
        rented = re.search(r"\b(?:thue tro|o tro|thue phong|thue)\s+$", low[max(0, a - 16):a]) is not None
        if ((dwelling and (units >= 2 or re.match(r"(?:can ho|ki-?ot|kiot|so nha|nha so)", chain) or (rented and someone)))
                or (units >= 2 and house)  # "số 9 ngách 21/5 phố …", "số nhà 8, tổ 2": a home wherever it is
                or (units >= 2 and (lane or lead) and someone)  # "ngõ 3 kiệt 17 đường … cho hộ ông Vinh"
                or (units >= 2 and (lane or house) and delivery)  # "ship về nhà 3, ngõ 9 phố …"
                or (units == 1 and group and lead and someone)  # "anh Khoa ở tổ 3", "người nhận … – tổ 9"
                or (units >= 2 and village and someone)  # "xóm Bưa, thôn Đồng Bến" in a sentence about a person
                or (re.match(_LODGING_HOST, folded_case[a:b]) is not None and lead and someone)  # "ở xóm trọ cô Ba"
                or (units == 1 and lead and someone and (lane_street or lane))
                or (units == 1 and (village or estate) and lead and someone  # "ông … ở bản Huổi Hẹ" (a bare "tổ 3" is too
                    and re.match(r"(?:[a-z ]+|TDP )[A-Z]", folded_case[a:b]))):  # wide to mark a home)
            found.append(Finding("ADDRESS", m.start("c") if pos else a, b, text[m.start("c") if pos else a:b]))
    if any(kind == "NAME" for kind, _, _ in names):
        for kind, _, e in names:  # "cô Lý Thị Mùi tổ 7": a residential group right after a name
            t = AFTER_PERSON_GROUP.match(folded_case, e)
            if kind == "NAME" and t:
                found.append(Finding("ADDRESS", t.start("v"), t.end("v"), text[t.start("v"):t.end("v")]))
            h = HOUSE_AFTER_NAME.match(folded_case, e) if kind == "NAME" else None  # "Ông Tường, 12 Hàng Bài, đề nghị …"
            if h and not re.match(r"(?:19|20)\d\d\b", h.group("v")):
                found.append(Finding("ADDRESS", h.start("v"), h.end("v"), text[h.start("v"):h.end("v")]))
            # "ông sồng a chơ ở bản hang kia xin …": a village typed in small letters, up to the next verb
            lv = re.match(r"\s*(?:,|\(|o|tai|o tai|que)\s+(?P<v>(?:ban|thon|xom|ap|buon|plei|lang)(?: (?!" + _VERB_STOP
                          + r"\b)[a-z']+){1,3})", low[e:e + 40])
            noun = text[e + lv.start("v"):].split(" ", 1)[0] if lv else ""
            if (kind == "NAME" and lv and text[e + lv.start("v"):e + lv.end("v")].islower()
                    and (noun.isascii() or noun in ("bản", "thôn", "xóm", "ấp", "buôn", "làng"))):
                found.append(Finding("ADDRESS", e + lv.start("v"), e + lv.end("v"), text[e + lv.start("v"):e + lv.end("v")]))
        caps = VILLAGE_CAPS_RE.finditer(folded_case) if re.search(r"[A-Z]{3}", folded_case) else ()
        for m in (*VILLAGE_RE.finditer(folded_case), *(c for c in caps if not c.group("v").startswith("BAN ")
                                                        or text[c.start("v"):].startswith("BẢN"))):
            if re.search(r"(?:truong|pho|gia|bi thu|cong an|chi bo)\s*$", low[max(0, m.start() - 12):m.start()]):
                continue
            found.append(Finding("ADDRESS", m.start("v"), m.end("v"), text[m.start("v"):m.end("v")]))
    for f in [f for f in found if f.kind in PERSON_ID_KINDS and f.kind != "DOB"]:  # "CCCD 0081…, tổ 14, xin …"
        if t := AFTER_PERSON_GROUP.match(folded_case, f.end):
            found.append(Finding("ADDRESS", t.start("v"), t.end("v"), text[t.start("v"):t.end("v")]))
    for m in LOWER_VILLAGE.finditer(low) if person_starts else ():  # "… sinh năm … ở bản na sang số căn cước …"
        a, b = m.span("v")
        noun = text[a:b].split(" ", 1)[0]
        s0 = max(low.rfind(c, 0, a) for c in ".;!?\n") + 1
        s1 = min((x for x in (low.find(c, b) for c in ".;!?\n") if x != -1), default=len(low))
        if (text[a:b].islower() and (noun.isascii() or noun in ("bản", "thôn", "xóm", "ấp", "buôn", "làng"))
                and bisect.bisect_left(person_starts, s1) > bisect.bisect_left(person_starts, s0)):
            found.append(Finding("ADDRESS", a, b, text[a:b]))
    for kind, start, end in names:
        if kind == "NAME" and text[end:end + 1].isdigit():  # "bà Hờ Thị Mai N1829374": the code's letter is no name word
            end = text.rfind(" ", start, end)
            if end <= start:
                continue
        found.append(Finding(kind, start, end, text[start:end]))
        year = (YEAR_AFTER_NAME.match(text, end) or DATE_AFTER_NAME.match(text, end)) if kind == "NAME" else None
        if year:  # "Ông Mùa A Vàng (1958)": a year in brackets right after a name is the year of birth
            add("DOB", year, next(g for g in ("y", "y2", "y3") if year.groupdict().get(g)))
    if name_starts or "sinh" in low:  # anchored by a name or by a birth date already found ("sinh 9-12-1990, nhập sai thành …")
        found += _old_dates_of_people(text, low, sorted(name_starts + [f.start for f in found if f.kind == "DOB"]))
    if name_starts and EXCEL_BIRTH_CUE.search(low):
        found += _excel_dates(text, low, name_starts)
    table: list[Finding] = []
    if "|" in text or ";" in text or "\t" in text or ("," in text and "\n" in text) or _CSV_COMMA.search(text) or " – " in text or " - " in text:
        found += _record_fields(text, folded_case, person_starts)
        table = _table_columns(text, low)
        found += [f for f in table if f.kind != "SENSITIVE"]

    found = _extend_addresses(text, folded_case, _merge_addresses(text, found))
    found = [f for f in found if f.kind != "DOB" or not (GROUP_AFTER.match(low, f.end)  # the bound of an age group
                                                         # "sn 32, ng 5, tổ 8": a house number before a lane, not "sinh năm"
                                                         or (low.endswith("sn ", 0, f.start) and re.match(SN_HOUSE_AFTER, low[f.end:])))]
    for f in [f for f in found if f.kind == "DOB"]:  # "5-9-2001 hay 9-5-2001": the other reading is a birth date too
        alt = re.match(r"\s*(?:hay|hoac|hay la|hoac la|or|/)\s*", low[f.end:f.end + 12])
        m = ANY_DATE_RE.match(low, f.end + alt.end()) if alt else None
        if m and re.search(r"\d", m.group()):
            found.append(Finding("DOB", m.start(), m.end(), text[m.start():m.end()]))
    # "ô tô BKS …", "xe ô tô Ford": the car's "tô" is no group ("tổ"), whatever capital word follows it
    found = [f for f in found if f.kind != "ADDRESS" or not (f.value[:3].lower() == "tô " and CAR_BEFORE.search(text, 0, f.start))]
    # An office's own line ("Đường dây nóng của UBND phường: 0243 …") is published, not a person's number.
    found = [f for f in found if f.kind not in ("PHONE", "TAX") or not _office_line(text, low, f.start)]  # ten digits read as a tax code too
    found = [f for f in found if f.kind not in ("TAX", "PHONE", "BANK", "CMND", "CCCD")
             or not COMPANY_TAX_BEFORE.search(folded_case, max(0, f.start - 80), f.start)]  # the number read any way
    found = [f for f in found if f.kind not in ("BANK", "EMAIL") or not (
        _office_line(text, low, f.start, OFFICE_ACCOUNT_BEFORE, True) or OFFICE_ACCOUNT_AFTER.match(low, f.end))]

    # Resolve overlaps: keep higher priority, then the longer span.
    found.sort(key=lambda f: (-PRIORITY[f.kind], -(f.end - f.start), f.start))
    kept: list[Finding] = []  # non-overlapping, sorted by start
    starts: list[int] = []
    for f in found:
        i = bisect.bisect_left(starts, f.start)
        opener = next((k for k in kept[max(0, i - 1):i + 1] if k.start <= f.start < k.end < f.end), None)
        if f.kind == "ADDRESS" and opener:
            # an address that a number of another kind opens ("1948, xóm Trại" after a birth year, "… 678, tổ 6" after a
            # phone): what follows that number is still the address
            a = opener.end
            while a < f.end and text[a] in " ,;-–":
                a += 1
            if a < f.end and ADDRESS_WORD.search(strip_diacritics(text[a:f.end]).lower()):
                f = Finding("ADDRESS", a, f.end, text[a:f.end])
                i = bisect.bisect_left(starts, f.start)
        if (i > 0 and kept[i - 1].end > f.start) or (i < len(kept) and kept[i].start < f.end):
            continue
        kept.insert(i, f)
        starts.insert(i, f.start)
    for f in table:  # a cell under "Bệnh", "Tình trạng", "Tiền án": sensitive wherever nothing else was found in it
        i = bisect.bisect_left(starts, f.start)
        if f.kind == "SENSITIVE" and not ((i > 0 and kept[i - 1].end > f.start) or (i < len(kept) and kept[i].start < f.end)):
            kept.insert(i, f)
            starts.insert(i, f.start)
    # Sensitive data about a person: tied by a name or ID in the same sentence (a plate names a vehicle, not a
    # person); cut where it overlaps.
    for category, start, end in find_sensitive(text, [(k.start, k.end) for k in kept if k.kind != "PLATE"], folded_case):
        # cut out the names and IDs inside the phrase: what is left on either side is sensitive
        first = max(0, bisect.bisect_left(starts, start) - 1)
        pieces, lo = [], start
        for k in kept[first : bisect.bisect_left(starts, end)]:
            if k.start < end and lo < k.end:
                pieces.append((lo, k.start))
                lo = max(lo, k.end)
        pieces.append((lo, end))
        for a, b in pieces:
            while b > a and text[b - 1] == " ":
                b -= 1
            while a < b and text[a] == " ":
                a += 1
            # a piece after a name cut out of the phrase must still say something ("… Cao Đài xin": not "xin")
            if b - a >= 3 and (a == pieces[0][0] or len(text[a:b].split()) >= 2):
                kept.append(Finding("SENSITIVE", a, b, text[a:b], category))
    if typed is not text:  # values as typed (the letters, not the digits they stood for)
        kept = [Finding(f.kind, f.start, f.end, typed[f.start:f.end], f.category) for f in kept]
    return sorted(kept, key=lambda f: f.start)
