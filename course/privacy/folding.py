"""Same-length diacritic folding, so that a match found in folded text maps back to the original span."""

from __future__ import annotations

import unicodedata

from course.explain.text import remove_diacritics


def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xC0, 0x1EFF + 1):
        ch = chr(code)
        if not ch.isalpha():
            continue
        folded = remove_diacritics(unicodedata.normalize("NFC", ch))
        if len(folded) == 1 and folded != ch:
            table[code] = folded
    return table


_FOLD = _table()


def fold(text: str) -> str:
    """`text` without Vietnamese diacritics, character for character ("Đặng" → "Dang", same length)."""
    return text.translate(_FOLD)
