"""Vietnamese search tokens: syllables, folded tokens without function words, bigrams, word segmentation.

NFC and diacritic folding themselves live in `course.text`."""

from __future__ import annotations

import re
from functools import lru_cache

from course.text import fold, nfc

_WORD = re.compile(r"[0-9]+(?:[.,/][0-9]+)*|[^\W\d_]+", re.UNICODE)

# Function words that carry no meaning for retrieval (folded forms).
STOPWORDS_FOLDED = frozenset(
    """
    la thi ma va hoac cua cho voi cac nhung mot nay do duoc bi khi neu de o tai trong ve theo
    sau truoc den tu nhu vay gi nao ai bao nhieu the co khong chua da dang se phai can muon hoi
    toi em anh chi minh ban ong ba nguoi ta ho no lam sao tai_sao nhi a u nha vi boi rang nen
    cung con rat qua hay hon nhat moi tung tat ca
    """.split()
)


def words(text: str) -> list[str]:
    """Lower-cased syllables and numbers, accents kept."""
    return _WORD.findall(nfc(text).lower())


def folded_tokens(text: str, *, stop: bool = True) -> list[str]:
    """Diacritic-free syllables (optionally without function words)."""
    out = [fold(w) for w in words(text)]
    return [w for w in out if not (stop and w in STOPWORDS_FOLDED)]


def bigrams(tokens: list[str]) -> list[str]:
    """Adjacent pairs joined by '_' — they keep 'hop dong' apart from 'dong' alone."""
    return [f"{a}_{b}" for a, b in zip(tokens, tokens[1:], strict=False)]


@lru_cache(maxsize=1)
def _pyvi():  # noqa: ANN202 - third-party object
    from pyvi import ViTokenizer

    return ViTokenizer


def segment(text: str) -> list[str]:
    """pyvi word segmentation, lower-cased: 'hợp đồng lao động' -> ['hợp_đồng', 'lao_động']."""
    seg = _pyvi().tokenize(nfc(text))
    return [t.lower() for t in seg.split() if _WORD.search(t)]
