"""Vietnamese text, ground floor: every package imports these and nothing here imports the course.

One name per operation:
- `nfc`: Unicode NFC, the only normal form the course writes;
- `squash`: NFC with runs of white space made one space, trimmed;
- `strip_diacritics`: "Đề nghị" -> "De nghi" (case kept: how many officials type);
- `strip_diacritics_aligned`: the same, character for character (a match found in it maps back to
  the same span of the original);
- `fold`: lower case without diacritics, "Điều Khoản" -> "dieu khoan" (what comparisons use);
- `has_diacritics`: whether a text carries any Vietnamese mark (or đ);
- `unify_tones`: one tone placement for oa/oe/uy ("hòa" and "hoà" -> "hoà").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACE = re.compile(r"\s+")
_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below (NFD)
_OLD_TONE = re.compile(rf"([oO])([{_TONES}])([aeAE])(?!\w)|([uU])([{_TONES}])([yY])(?!\w)")


def nfc(text: str) -> str:
    """Unicode NFC form."""
    return unicodedata.normalize("NFC", text)


def squash(text: str) -> str:
    """NFC, white space runs made one space, ends trimmed."""
    return _SPACE.sub(" ", nfc(text)).strip()


def strip_diacritics(text: str) -> str:
    """Vietnamese without diacritics, keeping case: "Đề nghị" -> "De nghi"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return nfc("".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn"))


def _aligned_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xC0, 0x1EFF + 1):
        folded = strip_diacritics(chr(code))
        if chr(code).isalpha() and len(folded) == 1 and folded != chr(code):
            table[code] = folded
    return table


_ALIGNED = _aligned_table()


def strip_diacritics_aligned(text: str) -> str:
    """`text` without Vietnamese diacritics, same length: "Đặng Văn" -> "Dang Van" (NFC input)."""
    return text.translate(_ALIGNED)


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower case without diacritics: "Điều Khoản" -> "dieu khoan"."""
    return strip_diacritics(text.lower())


def has_diacritics(text: str) -> bool:
    """True when the text carries at least one Vietnamese diacritic (or đ)."""
    return fold(text) != text.lower()


def unify_tones(text: str) -> str:
    """Both tone placements of oa, oe, uy at a word's end written one way (the newer, on the second vowel).

    "hòa" and "hoà", "thủy" and "thuỷ" are the same word; Nghị định 30 texts use either.
    """
    def move(m: re.Match) -> str:
        first, tone, second = (g for g in m.groups() if g is not None)
        return first + second + tone

    return nfc(_OLD_TONE.sub(move, unicodedata.normalize("NFD", text)))
