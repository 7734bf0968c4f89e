"""The privacy guard on what a ward office really handles (issue 24): names, sensitive data, every ID
an official types in any spelling, and bad input."""

from __future__ import annotations

import unicodedata
from collections import Counter

import pytest

from course.privacy import StreamRestorer, find_pii, redact, restore
from course.privacy.evaluation import evaluate_ward, load_ward_cases


def test_ward_set_is_large_and_stratified() -> None:
    cases = load_ward_cases()
    assert len(cases) >= 500
    assert {c.slice for c in cases} == {"U", "T", "V", "W", "X", "Y", "Z", "Q", "R", "S", "P", "N", "M", "L", "K", "J"}
    untouched = load_ward_cases("U")
    kinds = Counter(k for c in untouched for k, _, _ in c.gold)
    assert set(kinds) >= {"NAME", "SENSITIVE", "SECRET", "PASSPORT", "INSURANCE", "CARD", "CCCD", "CMND",
                          "PHONE", "EMAIL", "TAX", "DOB"}
    spellings = Counter(c.stratum.split("/")[1] for c in untouched if not c.stratum.startswith("NEG"))
    for spelling in ("plain", "spaced", "dashed", "dotted", "grouped", "boxes", "words", "nodiac", "caps"):
        assert spellings[spelling] >= 3, spelling
    assert sum(1 for c in untouched if not c.gold) >= 60
    for case in cases:  # every marked value is really in the sentence where the mark says
        assert case.text == unicodedata.normalize("NFC", case.text)
        for _kind, start, end in case.gold:
            assert 0 <= start < end <= len(case.text)


def test_tuning_slice_per_kind() -> None:
    scores = evaluate_ward(load_ward_cases("T"))
    detail = scores.report() + "\n" + "\n".join(map(str, scores.missed + scores.false_positives))
    assert scores.total().precision >= 0.98, detail
    for kind, k in scores.kinds.items():
        assert k.recall >= 0.98, (kind, detail)


@pytest.mark.parametrize("part", ["U", "V", "W", "X", "Y", "Z", "Q"])
def test_held_out_slices_stay_above_the_targets(part: str) -> None:
    """Each was measured once before the fixes it led to (README); kept so later changes cannot fall below."""
    scores = evaluate_ward(load_ward_cases(part))
    detail = scores.report() + "\n" + "\n".join(map(str, scores.missed + scores.false_positives))
    assert scores.total().precision >= 0.98, detail
    for kind, k in scores.kinds.items():
        assert k.recall >= 0.98, (kind, detail)


# Blind slices measured once and not (yet) worked on to the per-kind target: their first-contact figures are their
# floor. R (fifth writer) became development data afterwards (privacy24e), S (sixth writer) too (privacy24f), P and N
# too (privacy24g, privacy24h), M (privacy24i), L (privacy24j) and K (privacy24k); J (twelfth writer) is not worked on yet;
# the floors stay the first-contact figures.
FIRST_CONTACT = {"R": (0.895, 0.989), "S": (0.929, 0.988),  # S: 743 of 799 = 0.9299
                 "P": (0.952, 0.987),  # P: 1,282 of 1,346 = 0.9525; precision 1,292 of 1,308 = 0.9878
                 "N": (0.967, 0.991),  # N: 1,449 of 1,498 = 0.9673; precision 1,450 of 1,462 = 0.9918
                 "M": (0.970, 0.979),  # M: 1,529 of 1,575 = 0.9708; precision 1,537 of 1,569 = 0.9796
                 "L": (0.954, 0.997),  # L: 1,466 of 1,536 = 0.9544; precision 1,477 of 1,481 = 0.9973
                 "K": (0.979, 0.988),  # K: 1,296 of 1,323 = 0.9796; precision 1,299 of 1,314 = 0.9886
                 "J": (0.980, 0.989)}  # J: 1,377 of 1,404 = 0.9808; precision 1,380 of 1,395 = 0.9892


@pytest.mark.parametrize("part", sorted(FIRST_CONTACT))
def test_blind_slices_stay_above_their_first_contact_figures(part: str) -> None:
    recall, precision = FIRST_CONTACT[part]
    scores = evaluate_ward(load_ward_cases(part))
    total = scores.total()
    assert total.recall >= recall, scores.report()
    assert total.precision >= precision, scores.report()


@pytest.mark.parametrize(("text", "name"), [
    ("Ông Giàng A Chống đến xin xác nhận.", "Giàng A Chống"),
    ("Bà Thào Thị Dợ đề nghị hỗ trợ.", "Thào Thị Dợ"),
    ("Anh Vừ A Tủa xin giấy giới thiệu.", "Vừ A Tủa"),
    ("HỌ TÊN: MÙA A SÌNH", "MÙA A SÌNH"),
    ("cháu Sùng Seo Dính bị ốm", "Sùng Seo Dính"),
    ("Đơn của Nguyễn Văn Thịnh về tranh chấp đất.", "Nguyễn Văn Thịnh"),
])
def test_names_become_reversible_placeholders(text: str, name: str) -> None:
    r = redact(text)
    assert name not in r.text and "[HO_TEN_1]" in r.text
    assert r.mapping["[HO_TEN_1]"] == name
    assert restore("Kính gửi [HO_TEN_1],", r.mapping) == f"Kính gửi {name},"
    assert restore(r.text, r.mapping) == text


@pytest.mark.parametrize(("text", "names"), [
    ("Anh trai Hùng và cô giáo Lan đến họp.", ["Hùng", "Lan"]),
    ("Y Bhim Niê xin xác nhận hộ nghèo.", ["Y Bhim Niê"]),
    ("Hộ Nông Văn Dền được hỗ trợ bò.", ["Nông Văn Dền"]),
    ("Họ và tên: trần thị bình, sinh năm 1980", ["trần thị bình"]),
    ("Ông Tùng và Bách đã ký.", ["Tùng", "Bách"]),
    ("Vợ anh là Hoa.", ["Hoa"]),
    ("Số thẻ in tên PHAM VAN LONG.", ["PHAM VAN LONG"]),
    ("Đàng Năng Thọ và Thạch Thị Sa Rết xin hỗ trợ.", ["Đàng Năng Thọ", "Thạch Thị Sa Rết"]),
])
def test_more_name_shapes(text: str, names: list[str]) -> None:
    assert [f.value for f in find_pii(text) if f.kind == "NAME"] == names


@pytest.mark.parametrize("text", [
    "Đoàn Thanh niên phường tổ chức ra quân.",
    "Công ty Cổ phần Hoàng Long thi công.",
    "Ban Chỉ huy Quân sự phường họp.",
    "Giám đốc Sở Tư pháp Trần Văn Minh phát biểu.",  # public office holder named by role
    "b) Họ, tên Thẩm phán, Thư ký Tòa án;",
    "Trường hợp họ không còn là Thẩm phán của Tòa án.",
    "Trạm Y tế và Hồ Gươm.",
])
def test_organisations_and_roles_are_not_names(text: str) -> None:
    assert [f for f in find_pii(text) if f.kind == "NAME"] == []


def test_name_typed_bare_with_village() -> None:
    r = redact("ong Lo Van Pieng, ban Na Bo, xin cap lai giay khai sinh")
    assert r.text == "ong [HO_TEN_1], [DIA_CHI_1], xin cap lai giay khai sinh"
    assert r.mapping == {"[HO_TEN_1]": "Lo Van Pieng", "[DIA_CHI_1]": "ban Na Bo"}


@pytest.mark.parametrize("text", [
    "Sửa đèn đường Tô Hiệu và phố Bà Triệu.",
    "Trường THCS Lê Quý Đôn khai giảng.",
    "Tư tưởng Hồ Chí Minh về dân vận.",
    "Chủ tịch UBND phường Trần Văn Hùng ký quyết định.",  # public office holder named by role
    "Đồng chí Vàng A Sính, Bí thư Đảng ủy xã, phát biểu.",
    "Bà con trong bản đồng tình. Anh chị em trong tổ trực đêm.",
    "Gọi công dân nam sinh năm 2008 đi khám nghĩa vụ quân sự.",
    "Thửa đất số 215, tờ bản đồ số 18, diện tích 120 m2.",
    "Ngõ 68 đường Lê Thái Tông được đổ bê tông.",
    "Phòng 203 tầng 2 trụ sở UBND phường.",
    "Trẻ em sinh từ năm 2018 đến 2020 được tiêm.",  # a year range of a group, and "đ" is not a capital
    "Mã hồ sơ 000.00.12.H26-251207-0001 đã tiếp nhận; mã bưu chính 100000.",
    "Người nào đối xử tàn ác làm người đó tự sát, thì bị phạt tù từ 02 năm đến 07 năm.",
    "Năm 2026 phường có 9 người chấp hành xong án phạt tù trở về địa phương.",
    "Thống kê 4 vụ đánh bạc, xử phạt hành chính 12 đối tượng.",
    "Số người khuyết tật nặng hưởng trợ cấp là 87 người.",
])
def test_ordinary_text_passes(text: str) -> None:
    assert find_pii(text) == []


def test_sensitive_data_blocked_with_the_law_or_generalised() -> None:
    text = "Ông Lê Văn Tám đang điều trị lao phổi, nhờ viết đơn xin trợ cấp."
    r = redact(text)
    assert r.blocked and "91/2025/QH15" in r.block_message() and "sức khoẻ" in r.block_message()
    assert "lao phổi" not in r.text  # even a caller that ignores `blocked` never sends it as written
    g = redact(text, sensitive="generalise")
    assert not g.blocked and g.text == "Ông [HO_TEN_1] có vấn đề sức khoẻ, nhờ viết đơn xin trợ cấp."
    crim = redact("Anh Trịnh Văn Lực có tiền án về tội trộm cắp.")
    assert crim.blocked and "tiền án" in crim.block_message()
    # statistics about a group, and the wording of a law, are not about one person
    for text in ("Phường có 23 người nhiễm HIV đang điều trị ARV.",
                 "Người mắc bệnh tâm thần hoặc bệnh khác mà không có khả năng nhận thức."):
        assert not redact(text).blocked, text
    with pytest.raises(ValueError):
        redact("x", sensitive="allow")


@pytest.mark.parametrize(("text", "kind"), [
    ("Hộ chiếu số C-2740958", "PASSPORT"),
    ("Thẻ BHYT HS4141421739025", "INSURANCE"),
    ("Mã số BHXH 0123456789", "INSURANCE"),
    ("Số thẻ 4526-0181-5908-3012", "CARD"),
    ("MST 8012.345.678", "TAX"),
    ("CCCD 0|0|1|0|8|9|0|3|4|5|2|1", "CCCD"),
    ("CCCD 001-203-004-567", "CCCD"),
    ("Số căn cước không một bốn, một chín sáu, không không hai, tám bảy năm", "CCCD"),
    ("Số điện thoại không chín một hai, ba bốn năm, sáu bảy tám", "PHONE"),
    ("Máy bàn (0212) 3 842 917", "PHONE"),
    ("Email lehoa a còng gmail chấm com", "EMAIL"),
    ("Ngày sinh 03-11-1992", "DOB"),
    ("Mã OTP là 482913", "SECRET"),
    ("CCCD ông đọc: không mười bốn, một chín hai, không không một, bảy bảy tám", "CCCD"),
    ("Số của bác là không chín một ba, hai mươi, tám sáu, mười bảy", "PHONE"),
    ("Số của con bà ở Hàn Quốc: +82 10 4823 9917", "PHONE"),
    ("so ho chieu C-704-2518", "PASSPORT"),
    ("bhyt cn3141400918273", "INSURANCE"),
    ("mã CVV 472 mặt sau thẻ", "SECRET"),
    ("OTP: bốn chín không, một một sáu", "SECRET"),
    ("Email bà đọc là nguyen chấm thi chấm hoa a còng gmail chấm com", "EMAIL"),
    ("DOB: 1990-06-21", "DOB"),
    ("SN 3.11.92", "DOB"),
    ("cháu sinh ngày mười lăm tháng tám năm hai nghìn không trăm mười chín", "DOB"),
    ("Nơi ở hiện tại: phòng 304, nhà B2, khu tập thể Quyết Thắng.", "ADDRESS"),
    ("ĐỊA CHỈ: SỐ 58, TỔ 6, ĐƯỜNG 3/2", "ADDRESS"),
    ("mat khau dich vu cong: thanhtam2024", "SECRET"),
])
def test_every_id_in_every_spelling(text: str, kind: str) -> None:
    assert [f.kind for f in find_pii(text)] == [kind]


@pytest.mark.parametrize(("text", "category"), [
    ("Chị Nguyễn Thị Thảo là người dân tộc Mông theo mẹ, đề nghị hưởng chính sách cử tuyển.", "ethnic"),
    ("Anh Lò Văn Hiếu đang có nợ xấu nhóm 5 tại ngân hàng.", "finance"),
    ("Kết quả giám định ADN xác định anh Phan Văn Lợi là cha đẻ của cháu bé.", "genetic"),
    ("Vợ anh Quý tố anh ngoại tình.", "sexual"),
    ("Ông Tòng Văn Pâng khuyết tật vận động nặng sau tai nạn.", "health"),
    ("Anh Giàng A Lử đang bị quản chế tại địa phương.", "criminal"),
    ("Bà Lan là Phật tử.", "religion"),
    ("Anh Mùa A Chính theo Tin Lành.", "religion"),
])
def test_sensitive_categories_of_the_2025_law(text: str, category: str) -> None:
    r = redact(text)
    assert r.blocked and [f.category for f in r.sensitive] == [category]
    assert "91/2025/QH15" in r.block_message()


def test_card_needs_checksum_without_the_word_card() -> None:
    assert [f.kind for f in find_pii("Số 4526 0181 5908 3012 nhé")] == ["CARD"]  # Luhn-valid
    # fails Luhn, no "thẻ": not a card, but a long digit run with nothing ordinary about it is still hidden
    assert [f.kind for f in find_pii("Số 4526 0181 5908 3013 nhé")] == ["BANK"]


# ---------------------------------------------------------------- bad input
def test_empty_and_blank_input() -> None:
    for text in ("", "   ", "\n\n"):
        r = redact(text)
        assert r.findings == [] and r.mapping == {} and not r.blocked
    assert redact(None).text == ""  # type: ignore[arg-type]
    assert find_pii(None) == []  # type: ignore[arg-type]
    # control characters and a lone surrogate do not stop the guard
    assert "0912 345 678" not in redact("\x00\x01 gọi 0912 345 678 \ud800").text
    assert restore("", {"[HO_TEN_1]": "An"}) == ""


def test_hundred_kilobytes_leave_nothing_behind() -> None:
    # Speed is measured by benchmarks/privacy.py (ratios in the same run); a time bound here failed
    # on a busy machine without saying anything about the guard.
    case = "Ông Giàng A Chống, CCCD 001-203-004-567, SĐT 0912 345 678, mật khẩu Hoa@1957. "
    text = (case * (100_000 // len(case) + 1))[:100_000]
    r = redact(text)
    for value in ("Giàng A Chống", "001-203-004-567", "0912 345 678", "Hoa@1957"):
        assert value not in r.text
    assert len(r.mapping) == 4  # same value, same placeholder, however often it appears


def test_mixed_scripts() -> None:
    text = "Ông Vừ A Tủa 武阿 (Вю) gọi 0912 345 678 — email tua.vu@gmail.com 😀 [ok]"
    r = redact(text)
    assert "Vừ A Tủa" not in r.text and "0912 345 678" not in r.text and "tua.vu@gmail.com" not in r.text
    assert "武阿" in r.text and "😀" in r.text
    assert restore(r.text, r.mapping) == text


def test_placeholder_typed_by_learner_is_never_restored_to_a_real_value() -> None:
    text = "Mẫu thư có chỗ trống [HO_TEN_1]; người thật là ông Giàng A Chống."
    r = redact(text)
    assert r.mapping["[HO_TEN_1]"] == "Giàng A Chống"
    assert "[HO_TEN_1]" in r.text and r.text.count("[HO_TEN_1]") == 1  # only ours is a real placeholder
    assert "\uff3bHO_TEN_1\uff3d" in r.text
    reply = "Thư: kính gửi \uff3bHO_TEN_1\uff3d ... người nhận [HO_TEN_1]."
    assert restore(reply, r.mapping) == "Thư: kính gửi [HO_TEN_1] ... người nhận Giàng A Chống."
    # a placeholder the model invents, or one from nowhere, stays as it is
    assert restore("[HO_TEN_9] và [SDT_1]", r.mapping) == "[HO_TEN_9] và [SDT_1]"
    # a typed placeholder that collides with one from the system prompt's mapping
    system = redact("Cán bộ phụ trách: chị Lan, số máy 0987.654.321.")
    user = redact("Điền tên vào [HO_TEN_1] giúp tôi.", system.mapping)
    assert restore("Đã điền \uff3bHO_TEN_1\uff3d.", user.mapping) == "Đã điền [HO_TEN_1]."
    assert restore("Cán bộ [HO_TEN_1].", user.mapping) == "Cán bộ Lan."


def test_stream_restorer_with_typed_placeholder_split() -> None:
    r = redact("Chỗ trống [HO_TEN_1], người thật anh Vừ A Tủa.")
    out: list[str] = []
    sr = StreamRestorer(r.mapping, out.append)
    for chunk in ["Trả lời: \uff3bHO_", "TEN_1\uff3d và [HO", "_TEN_1]."]:
        sr.feed(chunk)
    sr.flush()
    assert "".join(out) == "Trả lời: [HO_TEN_1] và Vừ A Tủa."


def test_evaluation_scores_any_detector_and_aligns_library_tokens() -> None:
    from course.privacy.evaluation import _align, compare

    cases = load_ward_cases("T")[:40]
    nothing = evaluate_ward(cases, lambda text: [])
    assert nothing.total().recall == 0.0 and nothing.total().found == 0
    assert nothing.negatives_passed == nothing.negatives
    results = compare(cases)  # the course guard always; the libraries only where installed
    assert results["course"].total().recall == evaluate_ward(cases).total().recall
    # a tokenizer that drops or changes diacritics still lands on the right characters
    assert _align("Ông Giàng A Chống đến", ["Ông", "Giang A Chong", "đến"]) == [(0, 3), (4, 17), (18, 21)]
    assert _align("abc", ["x"]) == [(-1, -1)]


def test_speed_benchmark_runs_and_reports_its_baseline() -> None:
    import json
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "benchmarks" / "privacy.py"
    out = subprocess.run([sys.executable, str(script), "--repeats", "3"], capture_output=True, text=True,
                         check=True, timeout=600).stdout
    report = json.loads(out[out.index("{"):])
    assert report["prompt_chars"] == 2000 and report["findings"] > 0
    assert report["guard_ms_median"] > 0 and report["baseline_plain_pass_ms_median"] > 0
    assert report["ratio_guard_to_baseline"] > 1  # the guard does more than one plain pass
