"""Everyday words -> legal terms: the bridge between how people ask and how the law is written.

Written by the team, ward-relevant topics first (labour, family and inheritance, neighbours and
land, debts, petty crime, procedure at the ward). Each entry: the everyday phrasings (matched
without diacritics, so "duoi viec" works too) and the legal wording added to the query. The entries
are data, in `tu_doi_thuong.tsv` beside this module.
"""

from __future__ import annotations

from pathlib import Path

from course.legal.textnorm import words
from course.text import fold, has_diacritics

LEXICON_FILE = Path(__file__).with_name("tu_doi_thuong.tsv")


def load_lexicon(path: Path = LEXICON_FILE) -> list[tuple[tuple[str, ...], str]]:
    """The entries of the lexicon file, in order: (everyday phrasings, legal terms to add).

    One entry a line: phrasings separated by ';', TAB, the legal wording; '#' starts a comment line.
    """
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        phrases = tuple(p.strip() for p in parts[0].split(";") if p.strip())
        if len(parts) != 2 or not phrases or not parts[1].strip():
            raise ValueError(f"{path.name}:{number}: expected 'phrasings separated by ;<TAB>legal terms'")
        entries.append((phrases, parts[1].strip()))
    return entries


LEXICON = load_lexicon()


def _compile() -> list[tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...], str]]:
    out = []
    for phrases, terms in LEXICON:
        accented = tuple(tuple(words(p)) for p in phrases)
        folded = tuple(tuple(fold(w) for w in key) for key in accented)
        out.append((accented, folded, terms))
    return out


_COMPILED = _compile()
_LONGEST = max(len(key) for keys, _, _ in _COMPILED for key in keys)


def _phrases_in(tokens: list[str]) -> set[tuple[str, ...]]:
    """Every run of up to _LONGEST consecutive tokens: a lexicon phrase is found by one set lookup."""
    return {tuple(tokens[i:i + n]) for n in range(1, _LONGEST + 1) for i in range(len(tokens) - n + 1)}


def expand(query: str, restored: str = "") -> list[tuple[str, str]]:
    """Legal terms for the everyday phrases found in `query`: [(matched phrase, legal terms)].

    An accented query is matched with its accents ("cống" is not "công"). For a query typed without
    diacritics, phrases of two or more syllables are matched on folded forms, but one-syllable
    phrases (too ambiguous folded: "den" is "đến" far more often than "đền") only on `restored`,
    the query with its diacritics restored.
    """
    accented = has_diacritics(query)
    typed = _phrases_in([w if accented else fold(w) for w in words(query)])
    restored_runs = _phrases_in(words(restored)) if restored and not accented else set()
    found = []
    for acc_keys, fold_keys, terms in _COMPILED:
        for acc_key, fold_key in zip(acc_keys, fold_keys, strict=True):
            if accented:
                hit = acc_key in typed
            elif len(fold_key) > 1:
                hit = fold_key in typed
            else:
                hit = acc_key in restored_runs
            if hit:
                found.append((" ".join(acc_key), terms))
                break
    return found


# How people phrase questions: rare in the law's own text, so diacritic restoration learns these
# syllable pairs here ("bao nhieu" is "bao nhiêu", not "bảo nhiều").
QUESTION_WORDING: tuple[str, ...] = (
    "bao nhiêu", "bao nhiêu năm", "bao nhiêu tiền", "bao nhiêu ngày", "bao lâu", "trong bao lâu",
    "bao giờ", "khi nào", "lúc nào", "như thế nào", "thế nào", "ra sao", "xử lý ra sao",
    "làm gì", "phải làm gì", "cần làm gì", "cần những gì", "cần những giấy tờ gì", "những gì",
    "ở đâu", "nộp ở đâu", "ai có quyền", "ai phải", "ai chịu", "có được không", "được không",
    "có phải không", "hay không", "có bị không", "có cần", "cần có", "mấy ngày", "mấy tháng",
    "mấy năm", "tối đa", "tối thiểu", "ít nhất", "nhiều nhất", "trước khi", "sau khi",
    "kể từ khi", "trong trường hợp nào", "những trường hợp nào", "điều kiện gì", "nội dung gì",
    "nghĩa vụ gì", "trách nhiệm gì", "quyền gì", "thủ tục gì", "đi tù", "bị phạt", "đi làm",
    "nếu", "nếu không", "thì sao", "có sao không", "của mình",
)


# How people write words the law spells otherwise: regional words (Nam Bộ, Trung Bộ) and chat
# abbreviations -> the standard word. Added beside the word as typed (like a typo correction), so that
# BM25, e5 and the lexicon also read the standard word. Only words without another common sense.
DIALECT: dict[str, str] = {
    "tui": "tôi", "hông": "không", "hổng": "không", "hok": "không", "ko": "không", "k": "không",
    "đc": "được", "dc": "được", "j": "gì", "mần": "làm", "sanh": "sinh", "má": "mẹ", "tía": "cha",
    "xài": "dùng", "lãnh": "lĩnh", "nhìu": "nhiều", "nhiu": "nhiêu", "bả": "bà", "ổng": "ông",
    "bịnh": "bệnh",
}


def dialect_standard(token: str) -> str | None:
    """The standard word for a regional word or abbreviation as typed (`DIALECT`), or None."""
    return DIALECT.get(token.lower())


def phrases() -> list[str]:
    """Every everyday phrase and legal wording (accented), to teach diacritic restoration."""
    return [p for keys, terms in LEXICON for p in (*keys, terms)] + list(QUESTION_WORDING)


# Words that name a field of law, matched without diacritics -> the codes (số hiệu) of that field.
DOCUMENT_CUES: list[tuple[tuple[str, ...], frozenset[str]]] = [
    (("bộ luật dân sự",), frozenset({"91/2015/QH13"})),
    (("bộ luật hình sự",), frozenset({"100/2015/QH13"})),
    (("bộ luật lao động",), frozenset({"45/2019/QH14"})),
    (("tố tụng dân sự", "vụ án dân sự", "vụ việc dân sự", "bản án dân sự", "đương sự", "nguyên đơn",
      "bị đơn"), frozenset({"92/2015/QH13"})),
    (("tố tụng hình sự", "vụ án hình sự", "phiên tòa hình sự", "bản án hình sự", "cơ quan điều tra",
      "điều tra viên", "bị can", "bị cáo", "kiểm sát viên"), frozenset({"101/2015/QH13"})),
    (("hàng hải", "tàu biển", "thuyền viên", "thuyền trưởng", "chủ tàu", "cảng biển"),
     frozenset({"95/2015/QH13"})),
    (("hình sự",), frozenset({"100/2015/QH13", "101/2015/QH13"})),
    (("dân sự",), frozenset({"91/2015/QH13", "92/2015/QH13"})),
    (("người lao động", "người sử dụng lao động"), frozenset({"45/2019/QH14"})),
    (("phạt tù",), frozenset({"100/2015/QH13"})),
]
# Longest cue first: "vụ án hình sự" is read as criminal procedure, and its "hình sự" is then used up.
_CUES = sorted(((" " + " ".join(fold(w) for w in words(k)) + " ", docs) for keys, docs in DOCUMENT_CUES for k in keys),
               key=lambda cue: -len(cue[0]))


def cued_documents(query: str) -> set[str]:
    """Số hiệu of the codes whose field the question names ("vụ án hình sự" -> criminal procedure)."""
    text = " " + " ".join(fold(w) for w in words(query)) + " "
    found: set[str] = set()
    for cue, docs in _CUES:
        if cue in text:
            found |= docs
            text = text.replace(cue, " | ")
    return found


# Questions that ask whether an act is a crime or what punishment it carries ("bị tội gì", "có bị đi tù
# không", "bị xử lý thế nào"): the Penal Code answers them (the corpus holds no decree on administrative
# fines), even when they also name a ward field ("sàm sỡ trẻ em thì bị tội gì", "ly hôn rồi không gửi tiền
# nuôi con thì có bị xử lý không"). Matched on the question with its diacritics (restored when typed
# without): folded, "tội" is "tôi" and "tù" is "tu". Written from how people ask about punishment, not from
# any question's answer.
LIABILITY_CUES: tuple[str, ...] = (
    "tội gì", "bị tội", "có tội không", "phạm tội không", "có tội gì", "xử tội", "đi tù", "ngồi tù", "ở tù",
    "bị tù", "phạt tù", "truy cứu", "bị xử lý", "bị xử", "bị phạt", "xử phạt", "có bị bắt",
)
LIABILITY_DOCUMENTS = frozenset({"100/2015/QH13"})
_LIABILITY = tuple(" " + " ".join(words(c)) + " " for c in LIABILITY_CUES)


def asks_liability(accented_query: str) -> bool:
    """Whether the question (with its diacritics) asks about criminal liability or punishment
    (`LIABILITY_CUES`)."""
    text = " " + " ".join(words(accented_query)) + " "
    return any(cue in text for cue in _LIABILITY)


# Words that name a field a ward works in, matched without diacritics -> the field (ids of
# `course.legal.metadata.LINH_VUC`). A question is given a field only when the cues point to exactly
# one (`inferred_field`).
FIELD_CUES: dict[str, tuple[str, ...]] = {
    "ho_tich": ("hộ tịch", "khai sinh", "giấy khai sinh", "khai tử", "giấy chứng tử", "báo tử",
                "đăng ký kết hôn", "giấy chứng nhận kết hôn", "giấy đăng ký kết hôn", "xác nhận tình trạng hôn nhân",
                "trích lục", "cải chính", "nhận cha mẹ con", "giám hộ", "đổi tên", "thay đổi họ tên",
                "xác định lại dân tộc", "sổ hộ tịch"),
    "cu_tru": ("cư trú", "thường trú", "tạm trú", "tạm vắng", "hộ khẩu", "sổ hộ khẩu", "lưu trú",
               "nhập khẩu", "cắt khẩu", "chuyển khẩu", "tách hộ", "chủ hộ"),
    "can_cuoc": ("căn cước", "thẻ căn cước", "cccd", "chứng minh nhân dân", "chứng minh thư",
                 "định danh", "số định danh", "căn cước điện tử", "mống mắt", "vân tay"),
    "dat_dai": ("đất đai", "sổ đỏ", "sổ hồng", "quyền sử dụng đất", "thửa đất", "thu hồi đất", "bồi thường đất",
                "giao đất", "cho thuê đất", "chuyển mục đích sử dụng đất", "tranh chấp đất", "đất nông nghiệp",
                "đất ở", "tách thửa", "hợp thửa", "giấy chứng nhận quyền sử dụng đất", "địa chính", "lấn chiếm đất"),
    "hon_nhan_gia_dinh": ("hôn nhân", "ly hôn", "ly dị", "li dị", "vợ chồng", "tài sản chung", "cấp dưỡng",
                          "nuôi con", "con nuôi", "tảo hôn", "kết hôn", "quan hệ cha mẹ và con", "chung sống như vợ chồng"),
    "khieu_nai_to_cao": ("khiếu nại", "tố cáo", "tiếp công dân", "kiến nghị, phản ánh", "kiến nghị phản ánh",
                         "đơn thư", "giải quyết khiếu nại", "người tố cáo", "trụ sở tiếp công dân", "tố giác cán bộ"),
    "hoa_giai": ("hòa giải ở cơ sở", "hòa giải viên", "tổ hòa giải", "hòa giải", "hoà giải"),
    "dan_chu_co_so": ("dân chủ ở cơ sở", "dân chủ cơ sở", "hương ước", "quy ước", "hội nghị thôn",
                      "hội nghị tổ dân phố", "trưởng thôn", "tổ trưởng tổ dân phố", "ban thanh tra nhân dân",
                      "giám sát đầu tư của cộng đồng", "công khai thông tin", "lấy ý kiến nhân dân", "bàn và quyết định"),
    "van_thu": ("văn thư", "công tác văn thư", "thể thức văn bản", "con dấu", "đóng dấu", "văn bản hành chính",
                "văn bản đến", "văn bản đi", "sổ đăng ký văn bản", "chữ ký số", "bản sao văn bản", "lập hồ sơ",
                "nộp lưu hồ sơ", "viết hoa"),
    "tre_em_nguoi_cao_tuoi": ("trẻ em", "người cao tuổi", "người già", "cụ già", "ông bà già", "trẻ con",
                              "xâm hại trẻ em", "bạo lực trẻ em", "trẻ em bị bỏ rơi", "chúc thọ", "mừng thọ",
                              "phụng dưỡng"),
    "bao_hiem_xa_hoi": ("bảo hiểm xã hội", "bhxh", "lương hưu", "hưu trí", "chế độ ốm đau", "chế độ thai sản",
                        "trợ cấp tuất", "tử tuất", "rút bảo hiểm một lần", "trợ cấp hưu trí xã hội",
                        "bảo hiểm xã hội tự nguyện", "đóng bảo hiểm"),
    "du_lieu_ca_nhan": ("dữ liệu cá nhân", "thông tin cá nhân", "lộ thông tin", "rò rỉ dữ liệu"),
}
_FIELD_CUES = sorted(((" " + " ".join(fold(w) for w in words(k)) + " ", field)
                      for field, keys in FIELD_CUES.items() for k in keys), key=lambda cue: -len(cue[0]))


def cued_fields(query: str) -> set[str]:
    """The ward fields whose words the question uses (longest cue first, each word used once)."""
    text = " " + " ".join(fold(w) for w in words(query)) + " "
    found: set[str] = set()
    for cue, field in _FIELD_CUES:
        if cue in text:
            found.add(field)
            text = text.replace(cue, " | ")
    return found


def inferred_field(query: str) -> str | None:
    """The one ward field the question is clearly about, or None (no cue, or cues of several fields)."""
    fields = cued_fields(query)
    return next(iter(fields)) if len(fields) == 1 else None


# What a question asks for, and the words of the law's article titles that answer that kind of
# question: "làm ở đâu" asks who is competent ("Thẩm quyền đăng ký khai sinh"), "cần giấy tờ gì" for the
# file ("Hồ sơ đăng ký thường trú"), "mất mấy ngày" for a time limit. Written from the vocabulary of the
# corpus's article titles (Thẩm quyền …, Hồ sơ …, Thủ tục / Trình tự …, Thời hạn …, Điều kiện …, Lệ phí …,
# Các hành vi bị nghiêm cấm, Mức / Hạn mức …), not from any question's answer. Matched on the question
# with its diacritics (restored when typed without); read by the re-ranking model as one feature.
INTENT_CUES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("ở đâu", "cơ quan nào", "chỗ nào", "nơi nào", "cấp nào", "ai cấp", "ai có thẩm quyền", "ai giải quyết",
      "ai quyết định", "thẩm quyền", "lên đâu", "làm ở", "nộp ở"), ("thẩm quyền", "nơi")),
    (("giấy tờ gì", "giấy tờ", "hồ sơ", "cần mang", "những gì", "nộp gì"), ("hồ sơ", "giấy tờ")),
    (("thủ tục", "làm sao", "làm thế nào", "như thế nào", "các bước", "trình tự", "ra sao", "mần"),
     ("thủ tục", "trình tự")),
    (("bao lâu", "mấy ngày", "bao nhiêu ngày", "thời hạn", "khi nào", "trong vòng", "mấy tháng", "mấy năm",
      "bao nhiêu năm", "bao nhiêu tháng"), ("thời hạn", "thời hiệu", "thời gian")),
    (("điều kiện", "được không", "được hông", "đủ tuổi", "mấy tuổi", "bao nhiêu tuổi", "có được"),
     ("điều kiện", "độ tuổi", "tuổi")),
    (("lệ phí", "phí", "mất tiền", "tốn tiền", "bao nhiêu tiền", "nộp tiền", "tốn bao nhiêu"), ("phí", "lệ phí")),
    (("bị cấm", "cấm", "có đúng không", "có sai không", "vi phạm", "trái luật", "trái pháp luật"),
     ("nghiêm cấm", "bị cấm", "không được làm", "không được")),
    (("bao nhiêu", "mức", "tối đa", "tối thiểu", "hạn mức"), ("mức", "hạn mức")),
)
_INTENT_LONGEST = max(len(words(p)) for cues, titles in INTENT_CUES for p in (*cues, *titles))


def _runs(text: str) -> set[str]:
    toks = words(text)
    return {" ".join(toks[i:i + n]) for n in range(1, _INTENT_LONGEST + 1) for i in range(len(toks) - n + 1)}


def intent_title_words(accented_query: str) -> frozenset[str]:
    """The title words that answer what the question asks for (`INTENT_CUES`); empty when it asks for
    none of those kinds."""
    runs = _runs(accented_query)
    return frozenset(t for cues, titles in INTENT_CUES if any(c in runs for c in cues) for t in titles)


def title_answers_intent(title: str, wanted: frozenset[str]) -> bool:
    """Whether an article title contains one of the title words `wanted` (`intent_title_words`)."""
    return bool(wanted) and bool(_runs(title) & wanted)
