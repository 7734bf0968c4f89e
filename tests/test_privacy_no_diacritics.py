"""The PII guard catches personal data typed without diacritics, as many ward officials type."""

from __future__ import annotations

import pytest

from course.privacy import find_pii, redact


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("so chung minh nhan dan 123456789", "CMND", "123456789"),
    ("so tai khoan 0123456789012", "BANK", "0123456789012"),
    ("chuyen khoan vao 0123456789012 ngan hang", "BANK", "0123456789012"),
    ("ma so thue 0101234567", "TAX", "0101234567"),
    ("sinh ngay 12/05/1980", "DOB", "12/05/1980"),
    ("ngay sinh 12 thang 5 nam 1980", "DOB", "12 thang 5 nam 1980"),
    ("so nha 15 ngo 3 duong Le Loi", "ADDRESS", "so nha 15 ngo 3 duong Le Loi"),
])
def test_context_words_without_diacritics(text: str, kind: str, value: str) -> None:
    assert [(f.kind, f.value) for f in find_pii(text)] == [(kind, value)]


def test_each_number_keeps_its_own_kind_without_diacritics() -> None:
    text = "toi ten Tran Van Hung, cccd 001080012345, dien thoai 0912 345 678, stk 1903 5555 6666 77 tai Techcombank"
    assert redact(text).text == ("toi ten [HO_TEN_1], cccd [CCCD_1], dien thoai [SDT_1], stk [STK_1] "
                                 "tai Techcombank")


@pytest.mark.parametrize("text", [
    "ve sinh ngay 12/05/2026", "hoc sinh nam 2010", "Giay phep so 123456789 ngay 12/5/2020",
    "Quyet dinh so 1234/QD-UBND ngay 12 thang 5 nam 2025",
])
def test_bare_text_that_is_not_personal_data(text: str) -> None:
    assert find_pii(text) == []
