"""The document checker's suggested fixes stay sensible for text typed without diacritics."""

from __future__ import annotations

from course.documents.checker import _fixed_recipients


def test_bare_luu_line_is_the_archive_line_not_a_recipient() -> None:
    assert _fixed_recipients(["- Nhu tren;", "- Luu: VT, VP."]) == ["«- Nhu tren;»", "«- Lưu: VT, VP.»"]
    assert _fixed_recipients(["- Như trên;", "- Lưu VT"]) == ["«- Như trên;»", "«- Lưu: VT.»"]
