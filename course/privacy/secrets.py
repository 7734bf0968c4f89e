"""Secrets a ward official may paste: passwords, OTPs, PINs, card security codes, read out or typed after their keyword.

All patterns run on folded lower-case text (diacritics removed, same length as the text), so spans index both.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from course.privacy.numwords import number_runs

# Card security code and OTP read aloud: "mã CVV 472", "OTP: bốn chín không, một một sáu".
CVV_RE = re.compile(r"\b(?:cvv2?|cvc|ma bao mat (?:sau )?the)\s*(?:la\s+)?[:=]?\s*(?P<v>\d{3,4})\b")
# OTP / PIN / password after its keyword (on folded lower-case text).
SECRET_RE = re.compile(
    r"(?<!\w)(?:ma (?:otp|pin|xac thuc|xac nhan|bao mat|kich hoat)|otp|pin(?=\s*[:=]|\s+the\b)|mat khau|password"
    r"|passcode|pass|mk)(?:(?:\s+[a-z]{1,7}){0,6}?\s*[:=]?|(?:\s+[a-z]{1,7}){7,10}?\s*:)\s*(?:la\s+)?"  # a long name before a colon:
    # "mat khau may tinh dung chung phong van hoa: …"
    r"(?P<v>\d(?: ?\d){3,7}(?![\w@#$%&!*])|[^\s,;()]*[\d@#$%&!*][^\s,;()]*)"
)
SECRET_WORDS_RE = re.compile(r"\b(?:ma (?:otp|pin|xac thuc|xac nhan)|otp|pin|mat khau)\s*(?:la\s+)?[:=]?\s*"
                             r"(?P<v>(?:khong|mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin)"
                             r"(?:[\s,.-]+(?:khong|mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin)){3,7})\b")


# A secret's keyword; the secret is the first token-like value after it in the same clause.
SECRET_KEY_RE = re.compile(r"\b(?:mat khau|mat ma|password|passcode|passwd|pwd|pass|mk|wifi|wi-fi|cvv2?|cvc|otp|ma pin|pin"
                           r"|ma xac (?:thuc|nhan|minh)|ma bao mat|ma kich hoat|ma dang nhap|ma mo khoa|ma bi mat|ma so bi mat"
                           r"|ma truy cap|smart ?otp|code (?:xac (?:nhan|thuc|minh)|otp|kich hoat)|verification code|security code|khoa bi mat|cum tu khoi phuc|seed|(?:ma )?so bao mat|so cvv"
                           r"|(?:ma )?puk|ma khoi phuc|ma du phong|recovery code|backup code"
                           r"|ma(?: [a-z]+){1,2} (?:bi mat|bao mat)"  # a code called secret: "mã giao dịch bí mật", "mã rút tiền bảo mật"
                           # the card's security code described: "ba số sau thẻ", "3 số mặt sau thẻ"
                           r"|(?:ba|3) (?:chu )?so (?:o |in )?(?:mat |phia |dang )?sau(?: cua| tren)? the"
                           # a code someone read out: "Mã bà đọc cho người lạ: …"
                           r"|ma(?: [a-z]+){1,3} (?:doc|bao|gui|noi|cung cap|dua|nhan)(?: (?:cho|lai|giup)(?: [a-z]+){0,3})?(?= ?:))\b")
# A code handed over: "đọc mã 2 7 4 4 1 0", "báo mã vừa nhận …", "gửi lại mã: 4821" — "mã" with its value or a filler
# right after it, and a verb of handing over right before it (checked separately: the verbs are common words).
HANDOVER_CODE_RE = re.compile(r"\bma(?= *(?:\d|:|la\b|(?:khong|mot|hai|ba|bon|nam|sau|bay|tam|chin)\b|(?:vua|da|duoc) (?:nhan|gui)"
                              r"|gom\b))")
# "Mã hồ sơ bà đọc cho tôi: …": the code of a file, a parcel or a search is no secret.
NOT_SECRET_CODE = re.compile(r"ma (?:ho so|don|van don|buu|tra cuu|thu tuc|so thue|bien nhan|vach|san pham|hang|tinh|huyen|xa"
                             r"|nganh|lop|giao dich(?! (?:bi mat|bao mat))|dinh danh|so)\b")  # "mã giao dịch bí mật" is one
HANDOVER_VERB = re.compile(r"\b(?:doc|bao|cho|gui|nhan|dua|cung cap|xin|hoi|nhap|khai|noi|lay)"
                           r"(?: lai| giup| duoc| cho(?: [a-z]+){1,3}| giup (?:con|em|chau|toi|minh|anh|chi|co|chu|bac|ong|ba))? $")
# A password spelled character by character: "là chữ hoa L, a, n, một chín năm chín", "gồm: h, o, a, số 5, @".
# A symbol said by its name ("a còng" @, "thăng" #, "gạch dưới" _, "chấm than" !), a letter's case said after it
# ("chữ h viết hoa").
_SYMBOL_NAME = r"(?:a cong|a moc|thang|gach duoi|gach ngang|gach chan|cham than|cham|dola|do la|phan tram|sao)"
_SPELLED_ITEM = (r"(?:(?:chu (?:in )?(?:hoa|thuong)|chu|so|ky tu|ky hieu|dau) )?(?:" + _SYMBOL_NAME + r"(?![a-z])|[a-z0-9@#$%&*!._-]"
                 r"|(?:khong|mot|hai|ba|bon|nam|lam|sau|bay|tam|chin)(?: (?:khong|mot|hai|ba|bon|nam|lam|sau|bay|tam|chin)){0,5})"
                 r"(?: (?:viet|in|chu) (?:hoa|thuong))?")
SPELLED_CHARS = re.compile(r"(?:\s+[a-z]+){0,3}?\s*(?:\bla|\bgom|:)\s*:?\s*(?P<v>" + _SPELLED_ITEM + r"(?:\s*,\s*" + _SPELLED_ITEM
                           + r"){2,15})(?![\w])")
SPELLED_SECRET = re.compile(r"(?:\s+[a-z]+){0,4}?\s+la\s*:?\s+(?P<v>[a-z0-9@._-]+(?:\s+[a-z0-9@._-]+){0,5}?)\s*,?\s+"
                            r"(?:viet lien|go lien|viet thuong|viet hoa|khong dau|khong cach|lien nhau|chu thuong|chu hoa"
                            r"|khong viet hoa|tat ca viet)\b")
# A network named right after "wifi" and then given its password: "wifi UBND-Tiep_Dan là …", "wi-fi NhaVanHoa2 = …".
NAMED_NETWORK = re.compile(r"\s+[^\s,;:()]+(?=\s*(?:\bla\b|=)\s*\S)")
_SHORT_SECRET_KEYS = ("cvv", "cvc", "otp", "pin", "ma pin", "ma xac", "ma bao mat", "so bao mat", "ma so bao mat", "so cvv")


# More values of the same key after the first: "mã OTP 183920, 402917, 775301", "mật khẩu từ Ha@2025 sang Ha@2026#".
_NEXT_VALUE = re.compile(r"\s*(?:,|;|/|->|→|\b(?:va|hoac|sang|thanh|roi|den|toi)\b)(?:\s+(?:doi|thanh|sang|la)\b)*\s*(?:(?:ma|mat khau|pass|so)\s+)?(?P<v>[^\s,;()\[\]\"“”]+)")
# The value before its key: "mã 194027 là mã OTP …", "chuỗi Lan@1990 là mật khẩu …".
SECRET_BEFORE_KEY = re.compile(r"\b(?:ma|so|chuoi|day so|day)\s+(?P<v>\d{4,8}|[^\s,;()]*\d[^\s,;()]*)\s+(?:chinh\s+)?la\s+(?:ma\s+)?"
                               r"(?:otp|pin|mat khau|password|pass|xac thuc|xac nhan|kich hoat)\b")


def _same_shape(first: str, other: str) -> bool:
    """`other` is typed like the secret `first`: digits of about its length, or letters with digits or symbols."""
    if first.isdigit():
        return other.isdigit() and abs(len(other) - len(first)) <= 2
    return len(other) >= 4 and re.search(r"\d", other) is not None and re.search(r"[A-Za-z]", other) is not None


def _following_values(text: str, low: str, a: int, b: int, end: int) -> list[tuple[int, int]]:
    """Spans of the values that continue a secret found at text[a:b], up to `end`."""
    out: list[tuple[int, int]] = []
    first = text[a:b]
    while (m := _NEXT_VALUE.match(low, b, end)) is not None:
        va, vb = m.span("v")
        while vb > va and text[vb - 1] in ".:":
            vb -= 1
        if not _same_shape(first, text[va:vb]):
            break
        while text[vb:vb + 1] == "!":
            vb += 1  # a "!" glued to it, where the window was cut
        out.append((va, vb))
        b = vb
    return out


def _after_keys(text: str, low: str, is_email: Callable[[str], bool]) -> list[tuple[int, int]]:
    """"Mật khẩu … của chị Hằng: Hang@1990!", "Pass wifi … đặt là longtotruong05", "Mã CVV mặt sau thẻ là 517"."""
    out: list[tuple[int, int]] = []
    keys = [k for k in SECRET_KEY_RE.finditer(low) if not NOT_SECRET_CODE.match(low, k.start())]
    if " ma" in low:
        keys += [h for h in HANDOVER_CODE_RE.finditer(low) if HANDOVER_VERB.search(low, max(0, h.start() - 24), h.start())]
    for k in keys:
        stop = re.search(r"[.;?](?:\s|$)|\n|!\s", low[k.end():k.end() + 100])
        end_win = k.end() + (stop.start() if stop else min(100, len(low) - k.end()))
        nxt = SECRET_KEY_RE.search(low, k.end(), end_win)  # "wifi …: tên X, mật khẩu Y": the next keyword owns Y
        end_win = nxt.start() if nxt else end_win
        named = NAMED_NETWORK.match(low, k.end(), end_win) if k.group() in ("wifi", "wi-fi") else None
        if nxt and k.group() in ("wifi", "wi-fi"):
            continue  # "wifi: NhaTro_Hong5G, pass: …": what follows "wifi" is the network's name; the password has its own key
        short = k.group().startswith(_SHORT_SECRET_KEYS) or k.group().startswith(("ba ", "3 "))
        chars = SPELLED_CHARS.match(low, k.end(), end_win)
        if chars and re.search(r"(?:^|, ?|(?:hoa|thuong|chu) )[a-z@#$%&*!](?:,|$| (?:viet|in|chu) )", chars.group("v")):
            out.append((chars.start("v"), chars.end("v")))
            continue
        # the value read aloud or typed digit by digit: "là năm hai tám, một chín bốn", "là 8 4 2 6 9"
        spoken = [(k.end() + a, k.end() + b) for a, b, dg in number_runs(text[k.end():end_win], low[k.end():end_win], 3)
                  if 3 <= len(dg) <= 12]
        spaced = re.search(r"(?<![\w.,/])\d(?:(?: | ?[-.] )\d){3,11}(?![\w/]|[.,]\d|\s\d)", text[k.end():end_win])
        if spaced:
            spoken.append((k.end() + spaced.start(), k.end() + spaced.end()))
        # digits in groups: "mã OTP 6 số: 027 593", "PIN 12 34"
        grouped = re.search(r"(?<![\w.,/])\d{2,4}(?: \d{2,4}){1,3}(?![\w/]|[.,]\d|\s\d)", text[k.end():end_win])
        if grouped and 4 <= sum(c.isdigit() for c in grouped.group()) <= 8:
            spoken.append((k.end() + grouped.start(), k.end() + grouped.end()))
        if spoken:
            a, b = min(spoken)
            out.append((a, b))
            out += _following_values(text, low, a, b, end_win)
            continue
        # a value in quotes after the key: "pass là 'hoa hong 123'"
        quoted = re.match(r"(?:\s+[a-z]+){0,4}?\s*(?:\bla|:|=)\s*['\"“‘«](?P<v>[^'\"”’»\n]{3,40})['\"”’»]", low[k.end():end_win])
        if quoted:
            out.append((k.end() + quoted.start("v"), k.end() + quoted.end("v")))
            continue
        # a password read as words, then how to type it: "là mai hoa năm sáu viết liền không dấu"
        spelled = SPELLED_SECRET.match(low, k.end(), end_win)
        if spelled:
            out.append((spelled.start("v"), spelled.end("v")))
            continue
        for t in re.finditer(r"[^\s,;()\[\]\"“”]+", text[k.end():end_win]):
            a, b = k.end() + t.start(), k.end() + t.end()
            while b > a and text[b - 1] in ".:":
                b -= 1
            tok = text[a:b]
            if is_email(tok):
                continue  # "pass email lan.tq@gmail.com là …": the account, not its password
            after_is = re.search(r"(?:\bla|[:=])\s*$", low[max(0, a - 6):a]) is not None
            if re.search(r"\b(?:ten(?: mang| wifi)?|ssid|name|ten dang nhap|username)\s*[:=]?\s*$", low[max(0, a - 20):a]):
                continue  # the network's or the account's name, not its password
            if named and a < named.end():
                continue  # "mật khẩu wifi Phong_Hop là …": the network's name, then its password after "là"
            # digits in pairs or one by one: "47-19-83", "7-3-9-1" (not a date: "12-3-2024")
            paired = (re.fullmatch(r"\d{1,4}(?:[-.]\d{1,4}){1,7}", tok) and 4 <= sum(c.isdigit() for c in tok) <= 8
                      and not re.fullmatch(r"\d{1,2}[-.]\d{1,2}[-.](?:19|20)\d{2}", tok))
            if paired or re.fullmatch(r"\d{3,8}", tok):
                if short or len(tok) >= 4:
                    out.append((a, b))
                    out += _following_values(text, low, a, b, end_win)
                    break
                continue
            mixed = re.search(r"\d", tok) and re.search(r"[A-Za-z]", tok)
            symbol = re.search(r"[@#$%&!*_]", tok) and re.search(r"\w", tok)
            bare_word = after_is and len(tok) >= 6 and tok.isascii() and tok.isalnum() and not short
            if len(tok) >= 4 and (mixed or symbol or bare_word) and not re.fullmatch(r"\d{1,2}[hg]\d{0,2}", tok):
                while text[b:b + 1] == "!":
                    b += 1  # "…: Vanhoa2026! — lỡ gõ": a "!" glued to a password may be part of it (the clause was cut there)
                out.append((a, b))
                out += _following_values(text, low, a, b, end_win)
                break
    return out


# The answer to a security question: "Câu hỏi bảo mật: tên trường tiểu học đầu tiên; trả lời: Trường Kim Đồng".
SECURITY_ANSWER_RE = re.compile(r"\b(?:cau hoi (?:bao mat|bi mat|an toan|xac minh)|security question)\b[^\n]{0,100}?"
                                r"\b(?:cau tra loi|tra loi|dap an|answer)\s*(?:la\s+)?[:=]\s*(?P<v>[^.;,\n()\"]{2,40}?)(?:\s+(?:nhe|nha|a|ah|nhe a))?\s*(?=[.;,\n()\"]|$)")


def find_secrets(text: str, low: str, is_email: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Spans of secrets in `text` (`low`: folded lower case); `is_email` tells an account's email, which a password
    keyword may name before the password ("pass email lan.tq@gmail.com là …"), from the password itself."""
    spans = [m.span("v") for m in CVV_RE.finditer(low)]
    for m in SECRET_RE.finditer(low):
        start, end = m.span("v")
        if not re.search(r"\d", m.group("v")) and not re.search(r"[@#$%&!*]\w", m.group("v")):
            continue
        if is_email(text[start:end]):
            continue  # the account the password belongs to
        if re.search(r"\bwi-?fi\s*$", low[m.start():start]) and NAMED_NETWORK.match(low, start - 1):
            continue  # "pass wifi PhongHop_2 là …": the network's name; its password follows "là"
        if re.fullmatch(r"\d{1,2}[-./]\d{1,2}[-./](?:19|20)\d{2}", m.group("v")) and re.search(r"\bngay\b", low[m.start():start]):
            continue  # "mật khẩu đổi ngày 12-3-2024": when it changed, not what it is
        while end > start and text[end - 1] in ".:,":
            end -= 1
        if end - start >= 4:
            spans.append((start, end))
    spans += [m.span("v") for m in SECRET_WORDS_RE.finditer(low)]  # four to eight digits read aloud
    spans += [m.span("v") for m in SECURITY_ANSWER_RE.finditer(low)] if "cau hoi" in low or "question" in low else []
    spans += [m.span("v") for m in SECRET_BEFORE_KEY.finditer(low)] if " la " in low else []
    spans += _after_keys(text, low, is_email)
    return [(a, b) for a, b in spans if not _receiving_phone(text, low, a, b)]


# The phone a code is sent to: "SĐT nhận OTP 0912 778 903", "số điện thoại nhận mã xác thực của bà là 0988…".
RECEIVING_PHONE_BEFORE = re.compile(r"\b(?:sdt|so dien thoai|dien thoai|so may|thue bao|so)(?: dang ky)? (?:nhan|nhan duoc|de nhan)\b"
                                    r"|\b(?:gui|nhan|nhan tin) (?:ve |toi |den |qua |vao )?(?:so|sdt|so dien thoai|dien thoai|so may)\b")
# A phone number written from text[a:]: "0912 778 903", "+84 912-778-903".
_PHONE_AT = re.compile(r"(?:\+?84|0)[35789]\d(?:[ .-]?\d){7}(?!\d)")


def _receiving_phone(text: str, low: str, a: int, b: int) -> bool:
    """text[a:b] opens a phone number named as the one receiving a code ("SĐT nhận OTP 0912 778 903"), not the code."""
    return _PHONE_AT.match(text, a) is not None and RECEIVING_PHONE_BEFORE.search(low, max(0, a - 50), a) is not None
