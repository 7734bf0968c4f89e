"""Sensitive personal data (health, criminal record, religion, sexual life, biometrics) tied to a person.

Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 (in force from 01/01/2026), Điều 2, splits personal data into
basic and sensitive data; the Government lists the sensitive categories. Health, criminal records,
religious belief, sexual life and orientation, and biometric data are the ones a ward office meets.
A phrase counts only when a person is named or identified in the same sentence ("ông Tám đang điều
trị lao phổi", "CCCD … chạy thận"), or pointed at ("vợ tôi", "anh ấy", "đối tượng"); statistics about
a group ("phường có 23 người nhiễm HIV") and the wording of laws ("người mắc bệnh tâm thần") pass.
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
}

# Patterns on folded, lower-case text (so typed-bare text is caught the same way).
# Up to a few more words of the illness ("giai đoạn cuối", "sau sinh"), stopping at a linking word.
_MORE = r"(?: (?!(?:nen|va|tai|o|de|nhung|thi|ma|nho|can|xin|khi|roi|la|vi|duoc|cho|voi|tu|sau khi|da|dang)\b)[a-z]+)"
_DISEASE = (
    r"(?:hiv|aids|sida|lao(?: phoi| hach| mang nao)?|ung thu" + _MORE + r"{0,4}|viem gan(?: [a-z])?|"
    r"tieu duong|dai thao duong|tam than|tram cam(?: sau sinh)?|tu ky|bai nao|dong kinh|phong|giang mai|"
    r"benh lau|dot quy|tai bien(?: mach mau nao)?|liet(?: nua nguoi| hai chan| toan than)?|suy than|"
    r"roi loan tam than|thieu nang(?: tri tue)?|sot ret|sui mao ga|benh xa hoi|ma tuy|nghien|covid(?:-19)?|"
    r"than nhan tao|hen suyen|xo gan|alzheimer|parkinson|down|hoi chung down)"
)
PATTERNS: dict[str, re.Pattern[str]] = {
    "health": re.compile(
        r"\b(?:(?:dang |da |tung )?(?:dieu tri|chua tri|dieu tri benh)(?: benh)? [a-z]+" + _MORE + r"{0,3}"
        r"|(?:dang |da |tung )?(?:bi|mac|mac benh|nhiem|duong tinh voi|co benh)(?: benh)? " + _DISEASE
        + _MORE + r"{0,3}"
        r"|nhiem " + _DISEASE
        + r"|(?:dang |phai )?chay than(?: nhan tao)?|loc mau"
        r"|(?:dang |da )?cai nghien(?: ma tuy)?|nghien (?:ma tuy|heroin|ruou nang)"
        r"|(?:dang )?mang thai|co thai|pha thai|say thai)\b"
    ),
    "criminal": re.compile(
        r"\b(?:(?:co|tung co) tien (?:an|su)|(?:dang )?chap hanh an(?: treo| tu)?|an treo"
        r"|(?:tung |da |moi |vua )?(?:di tu|ngoi tu|o tu|ra tu|man han tu)"
        r"|(?:dang )?bi (?:truy na|khoi to|tam giam|tam giu|bat giam|ket an|xu tu)"
        r"|(?:dang )?cai tao khong giam giu|duoc dac xa)\b"
    ),
    "religion": re.compile(
        r"\b(?:theo (?:dao|dao [a-z]+(?: [a-z]+){0,2}|cong giao|phat giao|tin lanh|hoi giao|cao dai|hoa hao)"
        r"|la tin do(?: [a-z]+){0,3})\b"
    ),
    "sexual": re.compile(r"\b(?:(?:la )?(?:nguoi )?(?:dong tinh|song tinh|chuyen gioi)(?: nam| nu)?|lgbt)\b"),
    "biometric": re.compile(r"\b(?:(?:mau|du lieu|anh) (?:van tay|mong mat|adn|dna)|ket qua xet nghiem adn)\b"),
}
# Someone the phrase is about when no name or ID is in the sentence: a first-person or pointing phrase
# ("tôi", "vợ tôi", "anh ấy", "đối tượng"). Bare kinship words alone ("anh ruột" in a law) do not tie.
PERSON_WORDS = re.compile(
    r"(?<!\w)(?:tôi|(?:ông|bà|anh|chị|cháu|em|cô|chú|bác|cụ|con|vợ|chồng|bố|mẹ|cha) (?:ấy|tôi|em|mình|nó)"
    r"|đối tượng|người này|người đó|bản thân tôi)(?!\w)"
)
PERSON_WORDS_BARE = re.compile(
    r"\b(?:toi|(?:ong|anh|chi|chau|em|con|vo|chong|bo|me) (?:ay|toi|minh)|doi tuong|nguoi nay|nguoi do)\b"
)


def find_sensitive(text: str, persons: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """(category, start, end) of sensitive phrases tied to a person.

    `persons` are the spans of names and identifiers already found; a sentence with one of them, or
    with a title / kinship word / pronoun, ties the phrase to a person.
    """
    low = strip_diacritics_aligned(text).lower()
    starts = sorted(a for a, _ in persons)
    out: list[tuple[str, int, int]] = []
    for category, rx in PATTERNS.items():
        for m in rx.finditer(low):
            lo, hi = max(0, m.start() - 300), min(len(low), m.end() + 300)
            s0 = max([lo - 1] + [low.rfind(c, lo, m.start()) for c in ".;!?\n"]) + 1
            ends = [p for p in (low.find(c, m.end(), hi) for c in ".;!?\n") if p != -1]
            s1 = min(ends) if ends else hi
            sentence = text[s0:s1].lower()
            words = PERSON_WORDS_BARE if sentence.isascii() else PERSON_WORDS
            named = bisect.bisect_left(starts, s1) > bisect.bisect_left(starts, s0)
            tied = named or words.search(sentence) is not None
            if tied:
                out.append((category, m.start(), m.end()))
    out.sort(key=lambda t: (t[1], -(t[2] - t[1])))
    kept: list[tuple[str, int, int]] = []
    for item in out:
        if kept and item[1] < kept[-1][2]:
            continue
        # the same fact said twice in one clause ("mắc bệnh lao cần điều trị dài ngày",
        # "nghiện ma túy, gia đình xin cai nghiện"): one span, generalised once
        if (kept and kept[-1][0] == item[0] and item[1] - kept[-1][2] <= 30
                and not re.search(r"[.;!?\n]", text[kept[-1][2]:item[1]])):
            kept[-1] = (item[0], kept[-1][1], item[2])
            continue
        kept.append(item)
    return kept
